/* function.c — closures, native and bound functions, captured variables (see
 * function.h). */
#include "tracer/function.h"

#include <stdlib.h>
#include <string.h>

#include "tracer/bytecode.h"
#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/vm.h"

static void define_length_name(Vm *vm, Obj *fn, double length, Value name) {
    /* fresh object: cannot fail */
    Prop *p = ptab_add(vm, &fn->props, ATOM_length, PROP_CONFIGURABLE);
    p->u.value = val_number(length);
    p = ptab_add(vm, &fn->props, ATOM_name, PROP_CONFIGURABLE);
    p->u.value = name;
}

Obj *fn_new_native_atom(Vm *vm, NativeFn *fn, Atom name, int length, int magic) {
    Obj *f = obj_new_kind(vm, OBJ_NATIVE_FUNCTION, realm_intrinsic(vm, INTR_FunctionPrototype));
    f->u.native.fn = fn;
    f->u.native.magic = magic;
    gc_root_push_ptr(vm, &f);
    ObjString *n = atom_to_function_name(vm, name);
    define_length_name(vm, f, length, val_str(n));
    gc_root_pop(vm, 1);
    return f;
}

Obj *fn_new_native(Vm *vm, NativeFn *fn, const char *name, int length, int magic) {
    Obj *f = obj_new_kind(vm, OBJ_NATIVE_FUNCTION, realm_intrinsic(vm, INTR_FunctionPrototype));
    f->u.native.fn = fn;
    f->u.native.magic = magic;
    gc_root_push_ptr(vm, &f);
    ObjString *n = str_new_cstr(vm, name);
    define_length_name(vm, f, length, val_str(n));
    gc_root_pop(vm, 1);
    return f;
}

Obj *fn_new_native_ctor(Vm *vm, NativeFn *fn, const char *name, int length, int magic) {
    Obj *f = fn_new_native(vm, fn, name, length, magic);
    f->flags |= OBJF_CONSTRUCTOR;
    return f;
}

Obj *fn_new_closure(Vm *vm, FuncProto *proto, VarRef **vars, Obj *home) {
    Obj *fproto;
    uint32_t pf = proto->flags;
    if ((pf & FP_GENERATOR) && (pf & FP_ASYNC))
        fproto = realm_intrinsic(vm, INTR_AsyncGeneratorFunctionPrototype);
    else if (pf & FP_GENERATOR)
        fproto = realm_intrinsic(vm, INTR_GeneratorFunctionPrototype);
    else if (pf & FP_ASYNC)
        fproto = realm_intrinsic(vm, INTR_AsyncFunctionPrototype);
    else
        fproto = NULL;
    if (!fproto)
        fproto = realm_intrinsic(vm, INTR_FunctionPrototype);
    gc_root_push_ptr(vm, &proto);
    gc_root_push_ptr(vm, &home);
    Obj *f = obj_new_kind(vm, OBJ_FUNCTION, fproto);
    gc_root_pop(vm, 2);
    f->u.func.proto = proto;
    f->u.func.home = home;
    if (proto->ncaptures) {
        f->u.func.vars = xcalloc(proto->ncaptures, sizeof(VarRef *));
        if (vars)
            memcpy(f->u.func.vars, vars, proto->ncaptures * sizeof(VarRef *));
    }
    gc_root_push_ptr(vm, &f); /* an integer name ("1" of `get 1() {}`) is a new string */
    Value name = atom_to_value(vm, proto->name);
    gc_root_pop(vm, 1);
    if (!val_is_string(name))
        name = val_str(str_empty(vm));
    define_length_name(vm, f, proto->length, name);
    if (!(pf & (FP_STRICT | FP_ARROW | FP_METHOD | FP_ASYNC | FP_GENERATOR | FP_CLASS_CONSTRUCTOR |
                FP_SCRIPT | FP_FIELD_INIT))) {
        /* V8 gives a sloppy function own "arguments" and "caller" (null outside a call;
         * non-standard, Annex-era legacy) that shadow Function.prototype's %ThrowTypeError%
         * accessors (#sec-addrestrictedfunctionproperties). Always null here. */
        Prop *p = ptab_add(vm, &f->props, ATOM_arguments, 0);
        p->u.value = VAL_NULL;
        p = ptab_add(vm, &f->props, ATOM_caller, 0);
        p->u.value = VAL_NULL;
    }
    bool ctor = !(pf & (FP_ARROW | FP_METHOD | FP_ASYNC)) || (pf & FP_CLASS_CONSTRUCTOR);
    if (pf & FP_GENERATOR)
        ctor = false;
    if (ctor)
        f->flags |= OBJF_CONSTRUCTOR;
    if (pf & FP_CLASS_CONSTRUCTOR)
        f->flags |= OBJF_CLASS_CONSTRUCTOR;
    if (pf & FP_DERIVED)
        f->flags |= OBJF_DERIVED;
    /* MakeConstructor: a "prototype" object for ordinary functions and generators
     * (classes get theirs from OP_CLASS) */
    if ((ctor && !(pf & FP_CLASS_CONSTRUCTOR)) || (pf & FP_GENERATOR)) {
        gc_root_push_ptr(vm, &f);
        Obj *po;
        if ((pf & FP_GENERATOR) && (pf & FP_ASYNC))
            po = obj_new(vm, realm_intrinsic(vm, INTR_AsyncGeneratorPrototype));
        else if (pf & FP_GENERATOR)
            po = obj_new(vm, realm_intrinsic(vm, INTR_GeneratorPrototype));
        else {
            po = obj_new_plain(vm);
            Prop *c = ptab_add(vm, &po->props, ATOM_constructor, PROP_BUILTIN);
            c->u.value = val_obj(f);
        }
        Prop *p = ptab_add(vm, &f->props, ATOM_prototype, PROP_WRITABLE);
        p->u.value = val_obj(po);
        gc_root_pop(vm, 1);
    }
    return f;
}

Obj *BoundFunctionCreate(Vm *vm, Value target, Value bound_this, int argc, const Value *argv) {
    Obj *t = val_as_obj(target);
    gc_root_push(vm, &target);
    gc_root_push(vm, &bound_this);
    Obj *f = obj_new_kind(vm, OBJ_BOUND_FUNCTION, t->proto);
    gc_root_pop(vm, 2);
    f->u.bound.target = target;
    f->u.bound.this_val = bound_this;
    if (argc > 0) {
        f->u.bound.args = xmalloc((size_t)argc * sizeof(Value));
        memcpy(f->u.bound.args, argv, (size_t)argc * sizeof(Value));
    }
    f->u.bound.argc = (uint32_t)argc;
    if (t->flags & OBJF_CONSTRUCTOR)
        f->flags |= OBJF_CONSTRUCTOR;
    return f;
}

bool fn_set_name(Vm *vm, Obj *fn, Atom key, const char *prefix) {
    gc_root_push_ptr(vm, &fn);
    ObjString *n = atom_to_function_name(vm, key);
    if (prefix) {
        gc_root_push_ptr(vm, &n);
        StrBuilder b;
        sbld_init(&b);
        sbld_put_ascii(&b, prefix);
        sbld_put_unit(&b, ' ');
        sbld_put_str(&b, n);
        n = sbld_finish(vm, &b);
        sbld_fini(&b);
        gc_root_pop(vm, 1);
    }
    gc_root_pop(vm, 1);
    Prop *p = ptab_find(&fn->props, ATOM_name);
    if (p && !(p->flags & PROP_ACCESSOR)) {
        p->u.value = val_str(n);
        return true;
    }
    return obj_define_value(vm, fn, ATOM_name, val_str(n), PROP_CONFIGURABLE);
}

ObjString *fn_get_name(Vm *vm, Obj *fn) {
    Prop *p = ptab_find(&fn->props, ATOM_name);
    if (p && !(p->flags & PROP_ACCESSOR) && val_is_string(p->u.value))
        return val_as_str(p->u.value);
    return str_empty(vm);
}

bool fn_is_class(const Obj *fn) {
    return fn->kind == OBJ_FUNCTION && (fn->u.func.proto->flags & FP_CLASS_CONSTRUCTOR);
}

VarRef *varref_new(Vm *vm, Value *slot, GcHeader *owner, uint32_t slot_index) {
    gc_root_push_ptr(vm, &owner);
    VarRef *r = gc_alloc(vm, GC_VARREF, sizeof(VarRef));
    gc_root_pop(vm, 1);
    r->pvalue = slot;
    r->closed = VAL_UNDEFINED;
    r->owner = owner;
    r->slot = slot_index;
    return r;
}
