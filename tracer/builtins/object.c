/* builtins/object.c — the Object constructor and Object.prototype (ecma262
 * #sec-object-objects): the basic set the engine needs (create, keys, values, entries,
 * assign, defineProperty, getOwnPropertyDescriptor, getOwnPropertyNames, getPrototypeOf,
 * setPrototypeOf, freeze/isFrozen/seal/isSealed/preventExtensions/isExtensible,
 * fromEntries, hasOwn) and Object.prototype's hasOwnProperty, isPrototypeOf,
 * propertyIsEnumerable, toString, toLocaleString, valueOf and __proto__. */
#include <string.h>

#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/vm.h"

static NATIVE(object_ctor) {
    if (!val_is_undefined(ctx->new_target) && ctx->new_target != val_obj(ctx->callee)) {
        Obj *o = obj_create_from_constructor(vm, ctx->new_target, OBJ_ORDINARY,
                                             realm_intrinsic(vm, INTR_ObjectPrototype));
        return o ? val_obj(o) : VAL_EXCEPTION;
    }
    Value v = ARG(0);
    if (val_is_nullish(v))
        return val_obj(obj_new_plain(vm));
    Obj *o = ToObject(vm, v);
    return o ? val_obj(o) : VAL_EXCEPTION;
}

/* ToPropertyDescriptor (#sec-topropertydescriptor) */
static bool to_prop_desc(Vm *vm, Value v, PropDesc *d) {
    memset(d, 0, sizeof *d);
    d->value = d->get = d->set = VAL_UNDEFINED;
    if (!val_is_object(v)) {
        StrBuf sb;
        strbuf_init(&sb);
        vm_describe_value(vm, v, &sb);
        vm_throw_type_error(vm, "Property description must be an object: %s", sb.data);
        strbuf_fini(&sb);
        return false;
    }
    Obj *o = val_as_obj(v);
    static const Atom keys[] = {ATOM_enumerable, ATOM_configurable, ATOM_value,
                                ATOM_writable,   ATOM_get,          ATOM_set};
    for (int i = 0; i < 6; i++) {
        if (!obj_has_property(vm, o, keys[i]))
            continue;
        Value x = obj_get(vm, o, keys[i]);
        if (x == VAL_EXCEPTION)
            return false;
        switch (i) {
        case 0: d->has_enumerable = true; d->enumerable = ToBoolean(x); break;
        case 1: d->has_configurable = true; d->configurable = ToBoolean(x); break;
        case 2: d->has_value = true; d->value = x; break;
        case 3: d->has_writable = true; d->writable = ToBoolean(x); break;
        case 4:
        case 5:
            if (!val_is_undefined(x) && !IsCallable(x)) {
                StrBuf sb;
                strbuf_init(&sb);
                vm_describe_value(vm, x, &sb);
                vm_throw_type_error(vm, "%s must be a function: %s", i == 4 ? "Getter" : "Setter",
                                    sb.data);
                strbuf_fini(&sb);
                return false;
            }
            if (i == 4) {
                d->has_get = true;
                d->get = x;
            } else {
                d->has_set = true;
                d->set = x;
            }
            break;
        }
    }
    if ((d->has_get || d->has_set) && (d->has_value || d->has_writable)) {
        vm_throw_type_error(vm, "Invalid property descriptor. Cannot both specify accessors and a "
                                "value or writable attribute");
        return false;
    }
    return true;
}

static Value from_prop_desc(Vm *vm, const PropDesc *d) {
    Obj *o = obj_new_plain(vm);
    gc_root_push_ptr(vm, &o);
    bool ok = true;
    if (d->has_get || d->has_set) {
        ok = CreateDataProperty(vm, o, ATOM_get, d->get) && CreateDataProperty(vm, o, ATOM_set, d->set);
    } else {
        ok = CreateDataProperty(vm, o, ATOM_value, d->value) &&
             CreateDataProperty(vm, o, ATOM_writable, val_bool(d->writable));
    }
    ok = ok && CreateDataProperty(vm, o, ATOM_enumerable, val_bool(d->enumerable)) &&
         CreateDataProperty(vm, o, ATOM_configurable, val_bool(d->configurable));
    gc_root_pop(vm, 1);
    return ok ? val_obj(o) : VAL_EXCEPTION;
}

bool ToPropertyDescriptor(Vm *vm, Value v, PropDesc *d) {
    return to_prop_desc(vm, v, d);
}

Value FromPropertyDescriptor(Vm *vm, const PropDesc *d) {
    return from_prop_desc(vm, d);
}

static NATIVE(object_define_property) {
    if (!val_is_object(ARG(0)))
        return vm_throw_type_error(vm, "Object.defineProperty called on non-object");
    Atom key;
    if (!ToPropertyKey(vm, ARG(1), &key))
        return VAL_EXCEPTION;
    PropDesc d;
    if (!to_prop_desc(vm, ARG(2), &d))
        return VAL_EXCEPTION;
    if (!obj_define_own_property(vm, val_as_obj(ARG(0)), key, &d, true))
        return VAL_EXCEPTION;
    return ARG(0);
}

static NATIVE(object_define_properties) {
    if (!val_is_object(ARG(0)))
        return vm_throw_type_error(vm, "Object.defineProperties called on non-object");
    Obj *props = ToObject(vm, ARG(1));
    if (!props)
        return VAL_EXCEPTION;
    gc_root_push_ptr(vm, &props);
    Obj *keys = obj_own_keys(vm, props, OWNKEYS_STRINGS | OWNKEYS_SYMBOLS | OWNKEYS_ENUMERABLE_ONLY);
    gc_root_push_ptr(vm, &keys);
    Value r = ARG(0);
    for (uint32_t i = 0; i < keys->u.array.dense; i++) {
        Atom k;
        PropDesc d;
        Value dv;
        if (!ToPropertyKey(vm, keys->u.array.elems[i], &k) ||
            (dv = obj_get(vm, props, k)) == VAL_EXCEPTION || !to_prop_desc(vm, dv, &d) ||
            !obj_define_own_property(vm, val_as_obj(ARG(0)), k, &d, true)) {
            r = VAL_EXCEPTION;
            break;
        }
    }
    gc_root_pop(vm, 2);
    return r;
}

static NATIVE(object_get_own_property_descriptor) {
    Obj *o = ToObject(vm, ARG(0));
    if (!o)
        return VAL_EXCEPTION;
    gc_root_push_ptr(vm, &o);
    Atom key;
    Value r = VAL_UNDEFINED;
    PropDesc d;
    if (!ToPropertyKey(vm, ARG(1), &key))
        r = VAL_EXCEPTION;
    else if (obj_get_own_property(vm, o, key, &d))
        r = from_prop_desc(vm, &d);
    gc_root_pop(vm, 1);
    return r;
}

static NATIVE(object_create) {
    Value p = ARG(0);
    if (!val_is_object(p) && !val_is_null(p)) {
        StrBuf sb;
        strbuf_init(&sb);
        vm_describe_value(vm, p, &sb);
        Value r = vm_throw_type_error(vm, "Object prototype may only be an Object or null: %s", sb.data);
        strbuf_fini(&sb);
        return r;
    }
    Obj *o = obj_new(vm, val_is_null(p) ? NULL : val_as_obj(p));
    if (!val_is_undefined(ARG(1))) {
        gc_root_push_ptr(vm, &o);
        Value args[2] = {val_obj(o), ARG(1)};
        Value r = object_define_properties(vm, VAL_UNDEFINED, 2, args, ctx);
        gc_root_pop(vm, 1);
        if (r == VAL_EXCEPTION)
            return r;
    }
    return val_obj(o);
}

/* keys / values / entries (magic 0, 1, 2): EnumerableOwnProperties */
static NATIVE(object_keys) {
    Obj *o = ToObject(vm, ARG(0));
    if (!o)
        return VAL_EXCEPTION;
    gc_root_push_ptr(vm, &o);
    Obj *keys = obj_own_keys(vm, o, OWNKEYS_STRINGS | OWNKEYS_ENUMERABLE_ONLY);
    if (ctx->magic == 0) {
        gc_root_pop(vm, 1);
        return val_obj(keys);
    }
    gc_root_push_ptr(vm, &keys);
    Obj *out = obj_new_array(vm, 0);
    gc_root_push_ptr(vm, &out);
    Value r = val_obj(out);
    for (uint32_t i = 0; i < keys->u.array.dense; i++) {
        Atom k;
        PropDesc d;
        if (!ToPropertyKey(vm, keys->u.array.elems[i], &k)) {
            r = VAL_EXCEPTION;
            break;
        }
        if (!obj_get_own_property(vm, o, k, &d) || !d.enumerable)
            continue;
        Value v = obj_get(vm, o, k);
        if (v == VAL_EXCEPTION) {
            r = VAL_EXCEPTION;
            break;
        }
        if (ctx->magic == 2) {
            Value pair[2] = {keys->u.array.elems[i], v};
            v = val_obj(obj_new_array_from(vm, 2, pair));
        }
        if (!obj_array_push(vm, out, v)) {
            r = VAL_EXCEPTION;
            break;
        }
    }
    gc_root_pop(vm, 3);
    return r;
}

static NATIVE(object_get_own_property_names) {
    Obj *o = ToObject(vm, ARG(0));
    if (!o)
        return VAL_EXCEPTION;
    return val_obj(obj_own_keys(vm, o, ctx->magic ? OWNKEYS_SYMBOLS : OWNKEYS_STRINGS));
}

static NATIVE(object_assign) {
    Obj *to = ToObject(vm, ARG(0));
    if (!to)
        return VAL_EXCEPTION;
    gc_root_push_ptr(vm, &to);
    Value r = val_obj(to);
    for (int i = 1; i < argc && r != VAL_EXCEPTION; i++) {
        if (val_is_nullish(argv[i]))
            continue;
        Obj *from = ToObject(vm, argv[i]);
        if (!from) {
            r = VAL_EXCEPTION;
            break;
        }
        gc_root_push_ptr(vm, &from);
        Obj *keys = obj_own_keys(vm, from, OWNKEYS_STRINGS | OWNKEYS_SYMBOLS);
        gc_root_push_ptr(vm, &keys);
        for (uint32_t k = 0; k < keys->u.array.dense; k++) {
            Atom a;
            PropDesc d;
            if (!ToPropertyKey(vm, keys->u.array.elems[k], &a)) {
                r = VAL_EXCEPTION;
                break;
            }
            if (!obj_get_own_property(vm, from, a, &d) || !d.enumerable)
                continue;
            Value v = obj_get(vm, from, a);
            if (v == VAL_EXCEPTION || !obj_set(vm, to, a, v, true)) {
                r = VAL_EXCEPTION;
                break;
            }
        }
        gc_root_pop(vm, 2);
    }
    gc_root_pop(vm, 1);
    return r;
}

static NATIVE(object_get_prototype_of) {
    Obj *o = ToObject(vm, ARG(0));
    if (!o)
        return VAL_EXCEPTION;
    return o->proto ? val_obj(o->proto) : VAL_NULL;
}

static NATIVE(object_set_prototype_of) {
    Value o = ARG(0), p = ARG(1);
    if (val_is_nullish(o))
        return vm_throw_type_error(vm, "Object.setPrototypeOf called on null or undefined");
    if (!val_is_object(p) && !val_is_null(p)) {
        StrBuf sb;
        strbuf_init(&sb);
        vm_describe_value(vm, p, &sb);
        Value r = vm_throw_type_error(vm, "Object prototype may only be an Object or null: %s", sb.data);
        strbuf_fini(&sb);
        return r;
    }
    if (!val_is_object(o))
        return o;
    if (!obj_set_proto(vm, val_as_obj(o), val_is_null(p) ? NULL : val_as_obj(p)))
        return vm_throw_type_error(vm, "Cyclic __proto__ value");
    return o;
}

/* freeze / seal / preventExtensions (magic 0, 1, 2) */
static NATIVE(object_freeze) {
    Value o = ARG(0);
    if (!val_is_object(o))
        return o;
    if (ctx->magic == 2)
        obj_prevent_extensions(vm, val_as_obj(o));
    else if (!obj_set_integrity(vm, val_as_obj(o), ctx->magic == 0))
        return VAL_EXCEPTION;
    return o;
}

/* isFrozen / isSealed / isExtensible (magic 0, 1, 2) */
static NATIVE(object_is_frozen) {
    Value o = ARG(0);
    if (!val_is_object(o))
        return val_bool(ctx->magic != 2);
    if (ctx->magic == 2)
        return val_bool(val_as_obj(o)->flags & OBJF_EXTENSIBLE);
    return val_bool(obj_test_integrity(vm, val_as_obj(o), ctx->magic == 0));
}

static NATIVE(object_from_entries) {
    Value it = ARG(0);
    if (val_is_nullish(it))
        return vm_throw_type_error(vm, "%s is not iterable", val_is_null(it) ? "null" : "undefined");
    Obj *o = obj_new_plain(vm);
    gc_root_push_ptr(vm, &o);
    Value iter = vm_invoke(vm, it, ATOM_Symbol_iterator, 0, NULL);
    Value r = val_obj(o);
    if (iter == VAL_EXCEPTION) {
        gc_root_pop(vm, 1);
        return iter;
    }
    gc_root_push(vm, &iter);
    for (;;) {
        Value res = vm_invoke(vm, iter, ATOM_next, 0, NULL);
        if (res == VAL_EXCEPTION) {
            r = res;
            break;
        }
        if (!val_is_object(res)) {
            r = vm_throw_type_error(vm, "Iterator result is not an object");
            break;
        }
        gc_root_push(vm, &res);
        Value done = obj_get(vm, val_as_obj(res), ATOM_done);
        Value entry = done == VAL_EXCEPTION ? done : obj_get(vm, val_as_obj(res), ATOM_value);
        gc_root_pop(vm, 1);
        if (entry == VAL_EXCEPTION) {
            r = entry;
            break;
        }
        if (ToBoolean(done))
            break;
        if (!val_is_object(entry)) {
            StrBuf sb;
            strbuf_init(&sb);
            vm_describe_value(vm, entry, &sb);
            r = vm_throw_type_error(vm, "Iterator value %s is not an entry object", sb.data);
            strbuf_fini(&sb);
            break;
        }
        gc_root_push(vm, &entry);
        Value k = obj_get_index(vm, val_as_obj(entry), 0);
        gc_root_push(vm, &k);
        Value v = k == VAL_EXCEPTION ? k : obj_get_index(vm, val_as_obj(entry), 1);
        Atom a;
        bool ok = v != VAL_EXCEPTION && ToPropertyKey(vm, k, &a) && CreateDataProperty(vm, o, a, v);
        gc_root_pop(vm, 2);
        if (!ok) {
            r = VAL_EXCEPTION;
            break;
        }
    }
    gc_root_pop(vm, 2);
    return r;
}

static NATIVE(object_has_own) {
    Obj *o = ToObject(vm, ARG(0));
    if (!o)
        return VAL_EXCEPTION;
    gc_root_push_ptr(vm, &o);
    Atom a;
    bool ok = ToPropertyKey(vm, ARG(1), &a);
    gc_root_pop(vm, 1);
    if (!ok)
        return VAL_EXCEPTION;
    return val_bool(obj_has_own_property(vm, o, a));
}

static NATIVE(object_is) {
    return val_bool(SameValue(ARG(0), ARG(1)));
}

static NATIVE(proto_has_own_property) {
    Atom a;
    if (!ToPropertyKey(vm, ARG(0), &a))
        return VAL_EXCEPTION;
    Obj *o = ToObject(vm, this_val);
    if (!o)
        return VAL_EXCEPTION;
    return val_bool(obj_has_own_property(vm, o, a));
}

static NATIVE(proto_is_prototype_of) {
    if (!val_is_object(ARG(0)))
        return VAL_FALSE;
    Obj *o = ToObject(vm, this_val);
    if (!o)
        return VAL_EXCEPTION;
    for (Obj *p = val_as_obj(ARG(0))->proto; p; p = p->proto)
        if (p == o)
            return VAL_TRUE;
    return VAL_FALSE;
}

static NATIVE(proto_property_is_enumerable) {
    Atom a;
    if (!ToPropertyKey(vm, ARG(0), &a))
        return VAL_EXCEPTION;
    Obj *o = ToObject(vm, this_val);
    if (!o)
        return VAL_EXCEPTION;
    PropDesc d;
    return val_bool(obj_get_own_property(vm, o, a, &d) && d.enumerable);
}

/* Object.prototype.toString (#sec-object.prototype.tostring) */
static NATIVE(proto_to_string) {
    if (val_is_undefined(this_val))
        return val_str(str_new_cstr(vm, "[object Undefined]"));
    if (val_is_null(this_val))
        return val_str(str_new_cstr(vm, "[object Null]"));
    Obj *o = ToObject(vm, this_val);
    if (!o)
        return VAL_EXCEPTION;
    gc_root_push_ptr(vm, &o);
    const char *builtin = "Object";
    switch (o->kind) {
    case OBJ_ARRAY: builtin = "Array"; break;
    case OBJ_ARGUMENTS: builtin = "Arguments"; break;
    case OBJ_FUNCTION:
    case OBJ_NATIVE_FUNCTION:
    case OBJ_BOUND_FUNCTION: builtin = "Function"; break;
    case OBJ_ERROR: builtin = "Error"; break;
    case OBJ_BOOLEAN: builtin = "Boolean"; break;
    case OBJ_NUMBER: builtin = "Number"; break;
    case OBJ_STRING: builtin = "String"; break;
    case OBJ_DATE: builtin = "Date"; break;
    case OBJ_REGEXP: builtin = "RegExp"; break;
    default: break;
    }
    Value tag = obj_get(vm, o, ATOM_Symbol_toStringTag);
    gc_root_pop(vm, 1);
    if (tag == VAL_EXCEPTION)
        return tag;
    StrBuilder b;
    sbld_init(&b);
    sbld_put_ascii(&b, "[object ");
    if (val_is_string(tag))
        sbld_put_str(&b, val_as_str(tag));
    else
        sbld_put_ascii(&b, builtin);
    sbld_put_unit(&b, ']');
    ObjString *s = sbld_finish(vm, &b);
    sbld_fini(&b);
    return val_str(s);
}

static NATIVE(proto_to_locale_string) {
    return vm_invoke(vm, this_val, ATOM_toString, 0, NULL);
}

static NATIVE(proto_value_of) {
    Obj *o = ToObject(vm, this_val);
    return o ? val_obj(o) : VAL_EXCEPTION;
}

static NATIVE(proto_get_proto) {
    Obj *o = ToObject(vm, this_val);
    if (!o)
        return VAL_EXCEPTION;
    return o->proto ? val_obj(o->proto) : VAL_NULL;
}

static NATIVE(proto_set_proto) {
    if (val_is_nullish(this_val))
        return vm_throw_type_error(vm, "Object.prototype.__proto__ called on null or undefined");
    Value p = ARG(0);
    if (!val_is_object(this_val) || (!val_is_object(p) && !val_is_null(p)))
        return VAL_UNDEFINED;
    if (!obj_set_proto(vm, val_as_obj(this_val), val_is_null(p) ? NULL : val_as_obj(p)))
        return vm_throw_type_error(vm, "Cyclic __proto__ value");
    return VAL_UNDEFINED;
}

static const BuiltinEntry object_fns[] = {
    BI_METHOD_MAGIC("keys", object_keys, 1, 0),
    BI_METHOD_MAGIC("values", object_keys, 1, 1),
    BI_METHOD_MAGIC("entries", object_keys, 1, 2),
    BI_METHOD("create", object_create, 2),
    BI_METHOD("defineProperty", object_define_property, 3),
    BI_METHOD("defineProperties", object_define_properties, 2),
    BI_METHOD("getOwnPropertyDescriptor", object_get_own_property_descriptor, 2),
    BI_METHOD_MAGIC("getOwnPropertyNames", object_get_own_property_names, 1, 0),
    BI_METHOD_MAGIC("getOwnPropertySymbols", object_get_own_property_names, 1, 1),
    BI_METHOD("assign", object_assign, 2),
    BI_METHOD("getPrototypeOf", object_get_prototype_of, 1),
    BI_METHOD("setPrototypeOf", object_set_prototype_of, 2),
    BI_METHOD_MAGIC("freeze", object_freeze, 1, 0),
    BI_METHOD_MAGIC("seal", object_freeze, 1, 1),
    BI_METHOD_MAGIC("preventExtensions", object_freeze, 1, 2),
    BI_METHOD_MAGIC("isFrozen", object_is_frozen, 1, 0),
    BI_METHOD_MAGIC("isSealed", object_is_frozen, 1, 1),
    BI_METHOD_MAGIC("isExtensible", object_is_frozen, 1, 2),
    BI_METHOD("fromEntries", object_from_entries, 1),
    BI_METHOD("hasOwn", object_has_own, 2),
    BI_METHOD("is", object_is, 2),
};

static const BuiltinEntry object_proto_fns[] = {
    BI_METHOD("hasOwnProperty", proto_has_own_property, 1),
    BI_METHOD("isPrototypeOf", proto_is_prototype_of, 1),
    BI_METHOD("propertyIsEnumerable", proto_property_is_enumerable, 1),
    BI_METHOD("toString", proto_to_string, 0),
    BI_METHOD("toLocaleString", proto_to_locale_string, 0),
    BI_METHOD("valueOf", proto_value_of, 0),
    BI_ACCESSOR("__proto__", proto_get_proto, proto_set_proto),
};

void bi_object_init(Vm *vm) {
    Obj *proto = realm_intrinsic(vm, INTR_ObjectPrototype);
    realm_define_entries(vm, proto, object_proto_fns, ARRAY_LEN(object_proto_fns));
    Obj *ctor = realm_new_ctor(vm, "Object", object_ctor, 1, proto, INTR_Object, -1);
    gc_root_push_ptr(vm, &ctor);
    realm_define_entries(vm, ctor, object_fns, ARRAY_LEN(object_fns));
    realm_define_global(vm, "Object", val_obj(ctor));
    gc_root_pop(vm, 1);
}
