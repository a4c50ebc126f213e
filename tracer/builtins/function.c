/* builtins/function.c — the Function constructor (dynamic code is not supported: it
 * throws) and Function.prototype: call, apply, bind, toString, [Symbol.hasInstance]
 * (ecma262 #sec-properties-of-the-function-prototype-object). */
#include <string.h>

#include "tracer/bytecode.h"
#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/vm.h"

NATIVE(CreateDynamicFunction) {
    return vm_throw_syntax_error(vm, "Function constructor (dynamic code) is not supported");
}

static Value not_function(Vm *vm, Value v, const char *method) {
    StrBuf sb;
    strbuf_init(&sb);
    vm_describe_value(vm, v, &sb);
    Value r = vm_throw_type_error(vm, "Function.prototype.%s called on %s, which is %s and not a function",
                                  method, sb.data, val_is_object(v) ? "an object" : "a primitive");
    strbuf_fini(&sb);
    return r;
}

static NATIVE(function_call) {
    if (!IsCallable(this_val))
        return not_function(vm, this_val, "call");
    return vm_call(vm, this_val, ARG(0), argc > 1 ? argc - 1 : 0, argv + 1);
}

/* CreateListFromArrayLike (#sec-createlistfromarraylike) into a fresh array */
Obj *CreateListFromArrayLike(Vm *vm, Value v) {
    if (!val_is_object(v)) {
        vm_throw_type_error(vm, "CreateListFromArrayLike called on non-object");
        return NULL;
    }
    Obj *src = val_as_obj(v);
    if (src->kind == OBJ_ARRAY && obj_array_is_dense(src)) {
        Obj *a = obj_new_array_from(vm, src->u.array.len, src->u.array.elems);
        for (uint32_t i = 0; i < a->u.array.dense; i++)
            if (a->u.array.elems[i] == VAL_EMPTY)
                a->u.array.elems[i] = VAL_UNDEFINED;
        return a;
    }
    double len;
    gc_root_push_ptr(vm, &src);
    Obj *a = NULL;
    if (LengthOfArrayLike(vm, src, &len)) {
        a = obj_new_array(vm, 0);
        gc_root_push_ptr(vm, &a);
        for (uint32_t i = 0; i < (uint32_t)len; i++) {
            Value e = obj_get_index(vm, src, i);
            if (e == VAL_EXCEPTION || !obj_array_push(vm, a, e)) {
                a = NULL;
                break;
            }
        }
        gc_root_pop(vm, 1);
    }
    gc_root_pop(vm, 1);
    return a;
}

static NATIVE(function_apply) {
    if (!IsCallable(this_val))
        return not_function(vm, this_val, "apply");
    if (val_is_nullish(ARG(1)))
        return vm_call(vm, this_val, ARG(0), 0, NULL);
    Obj *list = CreateListFromArrayLike(vm, ARG(1));
    if (!list)
        return VAL_EXCEPTION;
    gc_root_push_ptr(vm, &list);
    Value r = vm_call(vm, this_val, ARG(0), (int)list->u.array.dense, list->u.array.elems);
    gc_root_pop(vm, 1);
    return r;
}

/* Function.prototype.bind (#sec-function.prototype.bind) */
static NATIVE(function_bind) {
    if (!IsCallable(this_val))
        return vm_throw_type_error(vm, "Bind must be called on a function"); /* V8's words */
    Obj *target = val_as_obj(this_val);
    Obj *f = BoundFunctionCreate(vm, this_val, ARG(0), argc > 1 ? argc - 1 : 0, argv + 1);
    if (!f)
        return VAL_EXCEPTION;
    gc_root_push_ptr(vm, &f);
    double len = 0;
    Value r = val_obj(f);
    if (obj_has_own_property(vm, target, ATOM_length)) {
        Value l = obj_get(vm, target, ATOM_length);
        if (l == VAL_EXCEPTION) {
            r = l;
            goto out;
        }
        if (val_is_number(l)) {
            double d = val_as_number(l);
            if (d == d) {
                if (d > 1e308 || d < -1e308)
                    len = d > 0 ? d : 0;
                else {
                    double n = d < 0 ? -__builtin_floor(-d) : __builtin_floor(d);
                    len = n - (argc > 1 ? argc - 1 : 0);
                    if (len < 0)
                        len = 0;
                }
            }
        }
    }
    Value nm = obj_get(vm, target, ATOM_name);
    if (nm == VAL_EXCEPTION) {
        r = nm;
        goto out;
    }
    {
        StrBuilder b;
        sbld_init(&b);
        sbld_put_ascii(&b, "bound ");
        if (val_is_string(nm))
            sbld_put_str(&b, val_as_str(nm));
        ObjString *s = sbld_finish(vm, &b);
        sbld_fini(&b);
        Prop *p = ptab_add(vm, &f->props, ATOM_length, PROP_CONFIGURABLE);
        p->u.value = val_number(len);
        p = ptab_add(vm, &f->props, ATOM_name, PROP_CONFIGURABLE);
        p->u.value = val_str(s);
    }
out:
    gc_root_pop(vm, 1);
    return r;
}

static NATIVE(function_to_string) {
    if (!IsCallable(this_val))
        return vm_throw_type_error(
            vm, "Function.prototype.toString requires that 'this' be a Function");
    Obj *f = val_as_obj(this_val);
    if (f->kind == OBJ_FUNCTION) {
        FuncProto *p = f->u.func.proto;
        if (p->source && p->src_end > p->src_start) {
            /* the source is stored as a JS string of the UTF-8 text; offsets are bytes */
            ObjString *src = p->source;
            if (!src->wide && p->src_end <= src->len) {
                StrBuilder b;
                sbld_init(&b);
                sbld_put_utf8(&b, (const char *)src->data + p->src_start, p->src_end - p->src_start);
                ObjString *s = sbld_finish(vm, &b);
                sbld_fini(&b);
                return val_str(s);
            }
        }
    }
    ObjString *n = fn_get_name(vm, f);
    StrBuilder b;
    sbld_init(&b);
    sbld_put_ascii(&b, "function ");
    sbld_put_str(&b, n);
    sbld_put_ascii(&b, "() { [native code] }");
    ObjString *s = sbld_finish(vm, &b);
    sbld_fini(&b);
    return val_str(s);
}

static NATIVE(function_has_instance) {
    bool r;
    if (!IsCallable(this_val))
        return VAL_FALSE;
    /* OrdinaryHasInstance: InstanceofOperator without the @@hasInstance lookup */
    if (!val_is_object(ARG(0)))
        return VAL_FALSE;
    Obj *c = val_as_obj(this_val);
    while (c->kind == OBJ_BOUND_FUNCTION)
        c = val_as_obj(c->u.bound.target);
    Value p = obj_get(vm, c, ATOM_prototype);
    if (p == VAL_EXCEPTION)
        return p;
    if (!val_is_object(p))
        return vm_throw_type_error(vm, "Function has non-object prototype '%s' in instanceof check",
                                   val_is_undefined(p) ? "undefined" : "null");
    r = false;
    for (Obj *x = val_as_obj(ARG(0))->proto; x; x = x->proto)
        if (x == val_as_obj(p)) {
            r = true;
            break;
        }
    return val_bool(r);
}

static const BuiltinEntry function_proto_fns[] = {
    BI_METHOD("call", function_call, 1),
    BI_METHOD("apply", function_apply, 2),
    BI_METHOD("bind", function_bind, 1),
    BI_METHOD("toString", function_to_string, 0),
    {.atom = ATOM_Symbol_hasInstance, .kind = BE_METHOD, .length = 1, .fn = function_has_instance,
    },
};

/* %ThrowTypeError% (#sec-%throwtypeerror%): the callee accessor of strict arguments. */
static NATIVE(throw_type_error) {
    return vm_throw_type_error(vm, "'caller', 'callee', and 'arguments' properties may not be "
                                   "accessed on strict mode functions or the arguments objects "
                                   "for calls to them");
}

void bi_function_init(Vm *vm) {
    Obj *proto = realm_intrinsic(vm, INTR_FunctionPrototype);
    realm_define_entries(vm, proto, function_proto_fns, ARRAY_LEN(function_proto_fns));
    /* [Symbol.hasInstance] is non-writable, non-enumerable, non-configurable */
    Prop *p = obj_find_own_prop(proto, ATOM_Symbol_hasInstance);
    if (p)
        p->flags = 0;
    /* V8 runs call and apply without a frame of their own: error.stack skips them */
    static const Atom hidden[] = {ATOM_call, ATOM_apply};
    for (size_t i = 0; i < ARRAY_LEN(hidden); i++) {
        p = obj_find_own_prop(proto, hidden[i]);
        if (p && val_is_object(p->u.value))
            val_as_obj(p->u.value)->flags |= OBJF_HIDDEN_FRAME;
    }
    Obj *ctor = realm_new_ctor(vm, "Function", CreateDynamicFunction, 1, proto, INTR_Function, -1);
    realm_define_global(vm, "Function", val_obj(ctor));
    Obj *tte = fn_new_native(vm, throw_type_error, "", 0, 0);
    vm->realm->intrinsics[INTR_ThrowTypeError] = tte;
    for (uint32_t i = 0; i < tte->props.count; i++)
        tte->props.props[i].flags = 0; /* "length" and "name": not configurable */
    tte->flags &= (uint8_t)~OBJF_EXTENSIBLE;
    /* AddRestrictedFunctionProperties (#sec-addrestrictedfunctionproperties): "caller"
     * and "arguments" of Function.prototype throw for strict functions, arrows, methods,
     * classes, builtins and bound functions (sloppy functions shadow them: function.c) */
    static const Atom restricted[] = {ATOM_arguments, ATOM_caller};
    for (size_t i = 0; i < ARRAY_LEN(restricted); i++) {
        bool ok = obj_define_accessor(vm, proto, restricted[i], val_obj(tte), val_obj(tte),
                                      PROP_CONFIGURABLE);
        (void)ok; /* a fresh configurable key of an extensible object: cannot fail */
    }
}
