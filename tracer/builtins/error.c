/* builtins/error.c — Error and its native subclasses (#sec-error-objects,
 * #sec-nativeerror-constructors, #sec-aggregate-error-constructor) with V8's own
 * properties: message (when given), cause (when given in options), and stack
 * ("TypeError: msg\n    at f (file.js:3:9)..."), plus Error.prototype.toString and
 * node's Error.captureStackTrace. */
#include <string.h>

#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/vm.h"

static const struct {
    const char *name;
    IntrinsicId ctor, proto;
} kinds[] = {
    {"Error", INTR_Error, INTR_ErrorPrototype},
    {"TypeError", INTR_TypeError, INTR_TypeErrorPrototype},
    {"RangeError", INTR_RangeError, INTR_RangeErrorPrototype},
    {"ReferenceError", INTR_ReferenceError, INTR_ReferenceErrorPrototype},
    {"SyntaxError", INTR_SyntaxError, INTR_SyntaxErrorPrototype},
    {"EvalError", INTR_EvalError, INTR_EvalErrorPrototype},
    {"URIError", INTR_URIError, INTR_URIErrorPrototype},
    {"AggregateError", INTR_AggregateError, INTR_AggregateErrorPrototype},
};

/* Error(message, options) / AggregateError(errors, message, options); magic = kinds[] index */
static NATIVE(error_ctor) {
    int k = ctx->magic;
    bool aggregate = kinds[k].ctor == INTR_AggregateError;
    Value nt = val_is_undefined(ctx->new_target) ? val_obj(ctx->callee) : ctx->new_target;
    Value msgv = aggregate ? ARG(1) : ARG(0);
    Value opts = aggregate ? ARG(2) : ARG(1);
    ObjString *msg = NULL;
    if (!val_is_undefined(msgv)) {
        msg = ToString(vm, msgv);
        if (!msg)
            return VAL_EXCEPTION;
    }
    gc_root_push_ptr(vm, &msg);
    Obj *probe = obj_create_from_constructor(vm, nt, OBJ_ORDINARY, realm_intrinsic(vm, kinds[k].proto));
    if (!probe) {
        gc_root_pop(vm, 1);
        return VAL_EXCEPTION;
    }
    Obj *e = vm_new_error_for(vm, probe->proto, msg, nt);
    gc_root_pop(vm, 1);
    gc_root_push_ptr(vm, &e);
    Value r = val_obj(e);
    if (val_is_object(opts) && obj_has_property(vm, val_as_obj(opts), ATOM_cause)) {
        Value c = obj_get(vm, val_as_obj(opts), ATOM_cause);
        if (c == VAL_EXCEPTION || !obj_define_value(vm, e, ATOM_cause, c, PROP_BUILTIN))
            r = VAL_EXCEPTION;
    }
    if (aggregate && r != VAL_EXCEPTION) {
        /* errors = CreateArrayFromList(IteratorToList(errors)) */
        Obj *list = obj_new_array(vm, 0);
        gc_root_push_ptr(vm, &list);
        Value iter = vm_invoke(vm, ARG(0), ATOM_Symbol_iterator, 0, NULL);
        gc_root_push(vm, &iter);
        if (iter == VAL_EXCEPTION)
            r = iter;
        while (r != VAL_EXCEPTION) {
            Value res = vm_invoke(vm, iter, ATOM_next, 0, NULL);
            if (res == VAL_EXCEPTION || !val_is_object(res)) {
                r = VAL_EXCEPTION;
                break;
            }
            gc_root_push(vm, &res);
            Value d = obj_get(vm, val_as_obj(res), ATOM_done);
            Value v = d == VAL_EXCEPTION ? d : obj_get(vm, val_as_obj(res), ATOM_value);
            gc_root_pop(vm, 1);
            if (v == VAL_EXCEPTION) {
                r = v;
                break;
            }
            if (ToBoolean(d))
                break;
            if (!obj_array_push(vm, list, v))
                r = VAL_EXCEPTION;
        }
        if (r != VAL_EXCEPTION && !obj_define_value(vm, e, ATOM_errors, val_obj(list), PROP_BUILTIN))
            r = VAL_EXCEPTION;
        gc_root_pop(vm, 2);
    }
    gc_root_pop(vm, 1);
    return r;
}

/* Error.prototype.toString (#sec-error.prototype.tostring) */
static NATIVE(error_to_string) {
    if (!val_is_object(this_val))
        return vm_throw_type_error(vm, "Error.prototype.toString requires that 'this' be an Object");
    Obj *o = val_as_obj(this_val);
    Value n = obj_get(vm, o, ATOM_name);
    if (n == VAL_EXCEPTION)
        return n;
    ObjString *name = val_is_undefined(n) ? str_new_cstr(vm, "Error") : ToString(vm, n);
    if (!name)
        return VAL_EXCEPTION;
    gc_root_push_ptr(vm, &name);
    Value m = obj_get(vm, o, ATOM_message);
    ObjString *msg = m == VAL_EXCEPTION ? NULL : val_is_undefined(m) ? str_empty(vm) : ToString(vm, m);
    gc_root_pop(vm, 1);
    if (!msg)
        return VAL_EXCEPTION;
    if (name->len == 0)
        return val_str(msg);
    if (msg->len == 0)
        return val_str(name);
    StrBuilder b;
    sbld_init(&b);
    sbld_put_str(&b, name);
    sbld_put_ascii(&b, ": ");
    sbld_put_str(&b, msg);
    ObjString *s = sbld_finish(vm, &b);
    sbld_fini(&b);
    return val_str(s);
}

/* Error.captureStackTrace(obj) (V8/node): sets obj.stack from the current frames. The
 * header is ErrorUtils::ToString(obj), the algorithm of Error.prototype.toString whatever
 * obj's own toString is ({} gives "Error"). */
static NATIVE(error_capture_stack_trace) {
    if (!val_is_object(ARG(0)))
        return vm_throw_type_error(vm, "Invalid argument");
    Value s = error_to_string(vm, ARG(0), 0, NULL, ctx);
    if (s == VAL_EXCEPTION)
        return s;
    StrBuf sb;
    strbuf_init(&sb);
    if (val_is_string(s))
        str_to_utf8(val_as_str(s), &sb);
    vm_capture_stack(vm, &sb);
    ObjString *st = str_new_utf8(vm, sb.data, sb.len);
    strbuf_fini(&sb);
    if (!obj_define_value(vm, val_as_obj(ARG(0)), ATOM_stack, val_str(st), PROP_BUILTIN))
        return VAL_EXCEPTION;
    return VAL_UNDEFINED;
}

static const BuiltinEntry error_proto_fns[] = {
    BI_METHOD("toString", error_to_string, 0),
};
static const BuiltinEntry error_fns[] = {
    BI_METHOD("captureStackTrace", error_capture_stack_trace, 2),
};

void bi_error_init(Vm *vm) {
    Obj *base_proto = NULL, *base_ctor = NULL;
    gc_root_push_ptr(vm, &base_proto);
    gc_root_push_ptr(vm, &base_ctor);
    for (size_t k = 0; k < ARRAY_LEN(kinds); k++) {
        Obj *proto = obj_new(vm, k == 0 ? realm_intrinsic(vm, INTR_ObjectPrototype) : base_proto);
        gc_root_push_ptr(vm, &proto);
        Value name = val_str(str_new_cstr(vm, kinds[k].name));
        if (!obj_define_value(vm, proto, ATOM_name, name, PROP_BUILTIN) ||
            !obj_define_value(vm, proto, ATOM_message, val_str(str_empty(vm)), PROP_BUILTIN))
            die(EXIT_INTERNAL, "cannot build %s", kinds[k].name);
        Obj *ctor = fn_new_native_ctor(vm, error_ctor, kinds[k].name,
                                       kinds[k].ctor == INTR_AggregateError ? 2 : 1, (int)k);
        gc_root_push_ptr(vm, &ctor);
        if (k > 0)
            ctor->proto = base_ctor;
        Prop *p = ptab_add(vm, &ctor->props, ATOM_prototype, 0);
        p->u.value = val_obj(proto);
        p = ptab_add(vm, &proto->props, ATOM_constructor, PROP_BUILTIN);
        p->u.value = val_obj(ctor);
        vm->realm->intrinsics[kinds[k].ctor] = ctor;
        vm->realm->intrinsics[kinds[k].proto] = proto;
        if (k == 0) {
            base_proto = proto;
            base_ctor = ctor;
            realm_define_entries(vm, proto, error_proto_fns, ARRAY_LEN(error_proto_fns));
            realm_define_entries(vm, ctor, error_fns, ARRAY_LEN(error_fns));
        }
        realm_define_global(vm, kinds[k].name, val_obj(ctor));
        gc_root_pop(vm, 2);
    }
    gc_root_pop(vm, 2);
}
