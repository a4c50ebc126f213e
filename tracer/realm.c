/* realm.c — the global object, the fundamental intrinsics and the builtin registration
 * (see realm.h). realm_new creates %Object.prototype%, %Function.prototype% and the
 * primitive wrappers' prototypes (everything else hangs off them), then runs the
 * bi_*_init functions listed in tracer/builtins/builtins.def, in order. */
#include "tracer/realm.h"

#include <stdlib.h>
#include <string.h>

#include "tracer/str.h"
#include "tracer/vm.h"

static NATIVE(function_prototype_call) {
    return VAL_UNDEFINED; /* %Function.prototype% accepts any arguments and returns undefined */
}

void realm_mark(Vm *vm, Realm *r) {
    gc_mark(vm, r->global);
    for (int i = 0; i < INTR__COUNT; i++)
        gc_mark(vm, r->intrinsics[i]);
    gc_mark_value(vm, r->symbol_registry);
}

void realm_free(Vm *vm, Realm *r) {
    (void)vm;
    free(r);
}

void realm_define_entries(Vm *vm, Obj *obj, const BuiltinEntry *table, size_t n) {
    gc_root_push_ptr(vm, &obj);
    for (size_t i = 0; i < n; i++) {
        const BuiltinEntry *e = &table[i];
        Atom key = e->atom ? e->atom : atom_intern(vm, e->name);
        Value kv = atom_to_value(vm, key); /* keeps the key's string alive */
        gc_root_push(vm, &kv);
        bool ok = true;
        switch ((BuiltinEntryKind)e->kind) {
        case BE_METHOD: {
            Obj *f = fn_new_native_atom(vm, e->fn, key, e->length, e->magic);
            ok = obj_define_value(vm, obj, key, val_obj(f), e->flags ? e->flags : PROP_BUILTIN);
            break;
        }
        case BE_GETTER:
        case BE_ACCESSOR: {
            Obj *g = fn_new_native_atom(vm, e->fn, key, 0, e->magic);
            gc_root_push_ptr(vm, &g);
            ok = fn_set_name(vm, g, key, "get");
            Obj *s = NULL;
            gc_root_push_ptr(vm, &s);
            if (ok && e->kind == BE_ACCESSOR) {
                s = fn_new_native_atom(vm, e->fn2, key, 1, e->magic);
                ok = fn_set_name(vm, s, key, "set");
            }
            if (ok)
                ok = obj_define_accessor(vm, obj, key, val_obj(g), s ? val_obj(s) : VAL_UNDEFINED,
                                         e->flags ? e->flags : PROP_CONFIGURABLE);
            gc_root_pop(vm, 2);
            break;
        }
        case BE_NUMBER:
            ok = obj_define_value(vm, obj, key, val_number(e->num), e->flags);
            break;
        case BE_STRING: {
            ObjString *s = str_new_cstr(vm, e->str);
            ok = obj_define_value(vm, obj, key, val_str(s), e->flags ? e->flags : PROP_BUILTIN);
            break;
        }
        }
        gc_root_pop(vm, 1);
        if (!ok)
            die(EXIT_INTERNAL, "cannot install built-in %s", e->name ? e->name : "(symbol)");
    }
    gc_root_pop(vm, 1);
}

Obj *realm_new_ctor(Vm *vm, const char *name, NativeFn *fn, int length, Obj *proto,
                    int ctor_id, int proto_id) {
    gc_root_push_ptr(vm, &proto);
    Obj *c = fn_new_native_ctor(vm, fn, name, length, 0);
    gc_root_pop(vm, 1);
    if (proto) {
        Prop *p = ptab_find(&c->props, ATOM_prototype);
        if (!p)
            p = ptab_add(vm, &c->props, ATOM_prototype, 0);
        p->u.value = val_obj(proto);
        p->flags = 0;
        p = ptab_find(&proto->props, ATOM_constructor);
        if (!p)
            p = ptab_add(vm, &proto->props, ATOM_constructor, PROP_BUILTIN);
        p->u.value = val_obj(c);
    }
    if (ctor_id >= 0)
        vm->realm->intrinsics[ctor_id] = c;
    if (proto_id >= 0)
        vm->realm->intrinsics[proto_id] = proto;
    return c;
}

void realm_define_global(Vm *vm, const char *name, Value v) {
    gc_root_push(vm, &v);
    Atom a = atom_intern(vm, name);
    if (!obj_define_value(vm, vm->realm->global, a, v, PROP_BUILTIN))
        die(EXIT_INTERNAL, "cannot define global %s", name);
    gc_root_pop(vm, 1);
}

Realm *realm_new(Vm *vm) {
    Realm *r = xcalloc(1, sizeof(Realm));
    r->symbol_registry = VAL_UNDEFINED;
    vm->realm = r;
    Obj *op = obj_new(vm, NULL);
    r->intrinsics[INTR_ObjectPrototype] = op;
    Obj *fp = obj_new_kind(vm, OBJ_NATIVE_FUNCTION, op);
    fp->u.native.fn = function_prototype_call;
    r->intrinsics[INTR_FunctionPrototype] = fp;
    Obj *ap = obj_new_kind(vm, OBJ_ARRAY, op);
    r->intrinsics[INTR_ArrayPrototype] = ap;
    Obj *sp = obj_new_kind(vm, OBJ_STRING, op);
    sp->u.prim = val_str(str_empty(vm));
    r->intrinsics[INTR_StringPrototype] = sp;
    Obj *np = obj_new_kind(vm, OBJ_NUMBER, op);
    np->u.prim = val_number(0);
    r->intrinsics[INTR_NumberPrototype] = np;
    Obj *bp = obj_new_kind(vm, OBJ_BOOLEAN, op);
    bp->u.prim = VAL_FALSE;
    r->intrinsics[INTR_BooleanPrototype] = bp;
    r->intrinsics[INTR_SymbolPrototype] = obj_new(vm, op);
    r->global = obj_new(vm, op);
    /* %Function.prototype% is a function: give it its length and name now */
    Prop *p = ptab_add(vm, &fp->props, ATOM_length, PROP_CONFIGURABLE);
    p->u.value = val_number(0);
    p = ptab_add(vm, &fp->props, ATOM_name, PROP_CONFIGURABLE);
    p->u.value = val_str(str_empty(vm));
    p = ptab_add(vm, &ap->props, ATOM_length, PROP_WRITABLE);
    ap->u.array.len = 0;
    ptab_remove(vm, &ap->props, ATOM_length); /* arrays have a virtual length */
    /* each listed init runs once, in order, even if a line was appended twice */
    static void (*const inits[])(Vm *) = {
#define BUILTIN(name) bi_##name##_init,
#include "tracer/builtins/builtins.def"
#undef BUILTIN
    };
    for (size_t i = 0; i < ARRAY_LEN(inits); i++) {
        bool seen = false;
        for (size_t j = 0; j < i; j++)
            seen |= inits[j] == inits[i];
        if (!seen)
            inits[i](vm);
    }
    return r;
}
