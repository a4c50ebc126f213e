/* builtins/boolean.c — the Boolean constructor and Boolean.prototype (ecma262
 * #sec-boolean-objects). %Boolean.prototype% itself is a Boolean object holding false;
 * realm.c creates it before any built-in runs, because ToObject needs it. */
#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/vm.h"

/* thisBooleanValue (#sec-thisbooleanvalue), with V8's message naming the method. */
static bool this_boolean_value(Vm *vm, Value v, const char *method, bool *out) {
    if (val_is_bool(v)) {
        *out = val_as_bool(v);
        return true;
    }
    if (val_is_object(v) && val_as_obj(v)->kind == OBJ_BOOLEAN &&
        val_is_bool(val_as_obj(v)->u.prim)) {
        *out = val_as_bool(val_as_obj(v)->u.prim);
        return true;
    }
    vm_throw_type_error(vm, "Boolean.prototype.%s requires that 'this' be a Boolean", method);
    return false;
}

/* Boolean(value) (#sec-boolean-constructor-boolean-value) */
static NATIVE(boolean_ctor) {
    bool b = ToBoolean(ARG(0));
    if (val_is_undefined(ctx->new_target))
        return val_bool(b);
    Obj *o = obj_create_from_constructor(vm, ctx->new_target, OBJ_BOOLEAN,
                                         realm_intrinsic(vm, INTR_BooleanPrototype));
    if (!o)
        return VAL_EXCEPTION;
    o->u.prim = val_bool(b);
    return val_obj(o);
}

/* Boolean.prototype.toString() (#sec-boolean.prototype.tostring) */
static NATIVE(boolean_to_string) {
    bool b;
    if (!this_boolean_value(vm, this_val, "toString", &b))
        return VAL_EXCEPTION;
    return val_str(atom_to_str(vm, b ? ATOM_true : ATOM_false));
}

/* Boolean.prototype.valueOf() (#sec-boolean.prototype.valueof) */
static NATIVE(boolean_value_of) {
    bool b;
    if (!this_boolean_value(vm, this_val, "valueOf", &b))
        return VAL_EXCEPTION;
    return val_bool(b);
}

static const BuiltinEntry boolean_proto_fns[] = {
    BI_METHOD("toString", boolean_to_string, 0),
    BI_METHOD("valueOf", boolean_value_of, 0),
};

void bi_boolean_init(Vm *vm) {
    Obj *proto = realm_intrinsic(vm, INTR_BooleanPrototype);
    Obj *ctor = realm_new_ctor(vm, "Boolean", boolean_ctor, 1, proto, INTR_Boolean, -1);
    gc_root_push_ptr(vm, &ctor);
    realm_define_entries(vm, proto, boolean_proto_fns, ARRAY_LEN(boolean_proto_fns));
    realm_define_global(vm, "Boolean", val_obj(ctor));
    gc_root_pop(vm, 1);
}
