/* builtins/reflect.c — the Reflect object (ecma262 #sec-reflect-object): each function
 * calls one internal method of its target object and reports the boolean that the
 * internal method returns instead of throwing (defineProperty, deleteProperty, set,
 * setPrototypeOf, preventExtensions). Without Proxy the internal methods are the
 * ordinary ones of object.h. Error messages are V8's. */
#include <stdio.h>
#include <string.h>

#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/vm.h"

/* Every Reflect function but apply and construct starts with "If Type(target) is not
 * Object, throw a TypeError". */
static Obj *target_object(Vm *vm, Value v, const char *fname) {
    if (val_is_object(v))
        return val_as_obj(v);
    vm_throw_type_error(vm, "Reflect.%s called on non-object", fname);
    return NULL;
}

/* Reflect.apply ( target, thisArgument, argumentsList ) (#sec-reflect.apply) */
static NATIVE(reflect_apply) {
    Value target = ARG(0);
    if (!IsCallable(target)) {
        /* V8: "Function.prototype.apply was called on 1, which is a number and not a
         * function" (its article rule also gives "a undefined") */
        StrBuf sb;
        strbuf_init(&sb);
        vm_describe_value(vm, target, &sb);
        char what[40], tb[16];
        if (val_is_object(target))
            snprintf(what, sizeof what, "an object");
        else if (val_is_null(target))
            snprintf(what, sizeof what, "null");
        else
            snprintf(what, sizeof what, "a %s", atom_to_cbuf(vm, val_typeof(target), tb, sizeof tb));
        Value r = vm_throw_type_error(
            vm, "Function.prototype.apply was called on %s, which is %s and not a function",
            sb.data, what);
        strbuf_fini(&sb);
        return r;
    }
    Obj *list = CreateListFromArrayLike(vm, ARG(2));
    if (!list)
        return VAL_EXCEPTION;
    gc_root_push_ptr(vm, &list);
    Value r = vm_call(vm, target, ARG(1), (int)list->u.array.dense, list->u.array.elems);
    gc_root_pop(vm, 1);
    return r;
}

static Value not_constructor(Vm *vm, Value v) {
    return vm_throw_type_error_describing(vm, "%s is not a constructor", v, false);
}

/* Reflect.construct ( target, argumentsList [ , newTarget ] ) (#sec-reflect.construct) */
static NATIVE(reflect_construct) {
    Value target = ARG(0);
    if (!IsConstructor(target))
        return not_constructor(vm, target);
    Value new_target = argc > 2 ? argv[2] : target;
    if (!IsConstructor(new_target))
        return not_constructor(vm, new_target);
    Obj *list = CreateListFromArrayLike(vm, ARG(1));
    if (!list)
        return VAL_EXCEPTION;
    gc_root_push_ptr(vm, &list);
    Value r = vm_construct(vm, target, (int)list->u.array.dense, list->u.array.elems, new_target);
    gc_root_pop(vm, 1);
    return r;
}

/* Reflect.defineProperty ( target, propertyKey, attributes ) (#sec-reflect.defineproperty) */
static NATIVE(reflect_define_property) {
    Obj *o = target_object(vm, ARG(0), "defineProperty");
    Atom key;
    PropDesc d;
    if (!o || !ToPropertyKey(vm, ARG(1), &key) || !ToPropertyDescriptor(vm, ARG(2), &d))
        return VAL_EXCEPTION;
    if (obj_define_own_property(vm, o, key, &d, false))
        return VAL_TRUE;
    return vm_has_exception(vm) ? VAL_EXCEPTION : VAL_FALSE;
}

/* Reflect.deleteProperty ( target, propertyKey ) (#sec-reflect.deleteproperty) */
static NATIVE(reflect_delete_property) {
    Obj *o = target_object(vm, ARG(0), "deleteProperty");
    Atom key;
    bool deleted;
    if (!o || !ToPropertyKey(vm, ARG(1), &key) || !obj_delete(vm, o, key, &deleted))
        return VAL_EXCEPTION;
    return val_bool(deleted);
}

/* Reflect.get ( target, propertyKey [ , receiver ] ) (#sec-reflect.get) */
static NATIVE(reflect_get) {
    Obj *o = target_object(vm, ARG(0), "get");
    Atom key;
    if (!o || !ToPropertyKey(vm, ARG(1), &key))
        return VAL_EXCEPTION;
    return obj_get_with_receiver(vm, o, key, argc > 2 ? argv[2] : ARG(0));
}

/* Reflect.getOwnPropertyDescriptor ( target, propertyKey ) (#sec-reflect.getownpropertydescriptor) */
static NATIVE(reflect_get_own_property_descriptor) {
    Obj *o = target_object(vm, ARG(0), "getOwnPropertyDescriptor");
    Atom key;
    if (!o || !ToPropertyKey(vm, ARG(1), &key))
        return VAL_EXCEPTION;
    PropDesc d;
    if (!obj_get_own_property(vm, o, key, &d))
        return VAL_UNDEFINED;
    return FromPropertyDescriptor(vm, &d);
}

/* Reflect.getPrototypeOf ( target ) (#sec-reflect.getprototypeof) */
static NATIVE(reflect_get_prototype_of) {
    Obj *o = target_object(vm, ARG(0), "getPrototypeOf");
    if (!o)
        return VAL_EXCEPTION;
    Obj *p = obj_get_proto(o);
    return p ? val_obj(p) : VAL_NULL;
}

/* Reflect.has ( target, propertyKey ) (#sec-reflect.has) */
static NATIVE(reflect_has) {
    Obj *o = target_object(vm, ARG(0), "has");
    Atom key;
    if (!o || !ToPropertyKey(vm, ARG(1), &key))
        return VAL_EXCEPTION;
    return val_bool(obj_has_property(vm, o, key));
}

/* Reflect.isExtensible ( target ) (#sec-reflect.isextensible) */
static NATIVE(reflect_is_extensible) {
    Obj *o = target_object(vm, ARG(0), "isExtensible");
    if (!o)
        return VAL_EXCEPTION;
    return val_bool((o->flags & OBJF_EXTENSIBLE) != 0);
}

/* Reflect.ownKeys ( target ) (#sec-reflect.ownkeys): CreateArrayFromList of
 * [[OwnPropertyKeys]] (integer keys, strings, then symbols). */
static NATIVE(reflect_own_keys) {
    Obj *o = target_object(vm, ARG(0), "ownKeys");
    if (!o)
        return VAL_EXCEPTION;
    Obj *keys = obj_own_keys(vm, o, OWNKEYS_STRINGS | OWNKEYS_SYMBOLS);
    return keys ? val_obj(keys) : VAL_EXCEPTION;
}

/* Reflect.preventExtensions ( target ) (#sec-reflect.preventextensions) */
static NATIVE(reflect_prevent_extensions) {
    Obj *o = target_object(vm, ARG(0), "preventExtensions");
    if (!o)
        return VAL_EXCEPTION;
    return val_bool(obj_prevent_extensions(vm, o));
}

/* OrdinarySetWithOwnDescriptor (#sec-ordinarysetwithowndescriptor) walked up the chain
 * from o, reporting failure as false (obj_set_with_receiver only knows throwing or
 * ignoring it). Returns VAL_TRUE, VAL_FALSE or VAL_EXCEPTION. */
static Value ordinary_set(Vm *vm, Obj *o, Atom key, Value v, Value receiver) {
    PropDesc own;
    bool found = false;
    /* 1-2. the own descriptor of the first object of the chain that has key */
    for (int depth = 0; o && depth < 100000; o = obj_get_proto(o), depth++) {
        if (obj_get_own_property(vm, o, key, &own)) {
            found = true;
            break;
        }
    }
    if (found && (own.has_get || own.has_set)) {
        /* 3. an accessor: call its setter with the receiver */
        if (!IsCallable(own.set))
            return VAL_FALSE;
        Value r = vm_call(vm, own.set, receiver, 1, &v);
        return r == VAL_EXCEPTION ? VAL_EXCEPTION : VAL_TRUE;
    }
    /* 2.a. a read-only data property */
    if (found && !own.writable)
        return VAL_FALSE;
    /* 2.b-e. define (or update) the receiver's own data property */
    if (!val_is_object(receiver))
        return VAL_FALSE;
    Obj *r = val_as_obj(receiver);
    PropDesc existing, d;
    memset(&d, 0, sizeof d);
    d.value = v;
    d.get = d.set = VAL_UNDEFINED;
    d.has_value = true;
    if (obj_get_own_property(vm, r, key, &existing)) {
        if (existing.has_get || existing.has_set || !existing.writable)
            return VAL_FALSE;
    } else {
        /* CreateDataProperty(Receiver, P, V) */
        d.has_writable = d.has_enumerable = d.has_configurable = true;
        d.writable = d.enumerable = d.configurable = true;
    }
    if (obj_define_own_property(vm, r, key, &d, false))
        return VAL_TRUE;
    return vm_has_exception(vm) ? VAL_EXCEPTION : VAL_FALSE;
}

/* Reflect.set ( target, propertyKey, V [ , receiver ] ) (#sec-reflect.set) */
static NATIVE(reflect_set) {
    Obj *o = target_object(vm, ARG(0), "set");
    Atom key;
    if (!o || !ToPropertyKey(vm, ARG(1), &key))
        return VAL_EXCEPTION;
    return ordinary_set(vm, o, key, ARG(2), argc > 3 ? argv[3] : ARG(0));
}

/* Reflect.setPrototypeOf ( target, proto ) (#sec-reflect.setprototypeof) */
static NATIVE(reflect_set_prototype_of) {
    Obj *o = target_object(vm, ARG(0), "setPrototypeOf");
    if (!o)
        return VAL_EXCEPTION;
    Value p = ARG(1);
    if (!val_is_object(p) && !val_is_null(p))
        return vm_throw_type_error_describing(
            vm, "Object prototype may only be an Object or null: %s", p, false);
    Obj *proto = val_is_null(p) ? NULL : val_as_obj(p);
    if (obj_get_proto(o) == proto)
        return VAL_TRUE;
    return val_bool(obj_set_proto(vm, o, proto));
}

/* In V8's property order. */
static const BuiltinEntry reflect_fns[] = {
    BI_METHOD("defineProperty", reflect_define_property, 3),
    BI_METHOD("deleteProperty", reflect_delete_property, 2),
    BI_METHOD("apply", reflect_apply, 3),
    BI_METHOD("construct", reflect_construct, 2),
    BI_METHOD("get", reflect_get, 2),
    BI_METHOD("getOwnPropertyDescriptor", reflect_get_own_property_descriptor, 2),
    BI_METHOD("getPrototypeOf", reflect_get_prototype_of, 1),
    BI_METHOD("has", reflect_has, 2),
    BI_METHOD("isExtensible", reflect_is_extensible, 1),
    BI_METHOD("ownKeys", reflect_own_keys, 1),
    BI_METHOD("preventExtensions", reflect_prevent_extensions, 1),
    BI_METHOD("set", reflect_set, 3),
    BI_METHOD("setPrototypeOf", reflect_set_prototype_of, 2),
    BI_SYM_STRING(ATOM_Symbol_toStringTag, "Reflect"),
};

void bi_reflect_init(Vm *vm) {
    Obj *reflect = obj_new_plain(vm);
    gc_root_push_ptr(vm, &reflect);
    realm_define_entries(vm, reflect, reflect_fns, ARRAY_LEN(reflect_fns));
    realm_define_global(vm, "Reflect", val_obj(reflect));
    gc_root_pop(vm, 1);
}
