/* builtins/iterator.c — %IteratorPrototype% (#sec-%iteratorprototype%-object), array
 * iterators (#sec-array-iterator-objects: Array.prototype.values/keys/entries and
 * [Symbol.iterator], also used by arguments objects) and string iterators
 * (#sec-string.prototype-@@iterator, by code point). for-of and spread depend on them. */
#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/vm.h"

enum { ITER_KEYS = 0, ITER_VALUES = 1, ITER_ENTRIES = 2 };

static NATIVE(iterator_self) {
    return this_val;
}

/* CreateArrayIterator: slots[0] = the object, [1] = next index, [2] = kind */
static NATIVE(array_iter_create) {
    Obj *o = ToObject(vm, this_val);
    if (!o)
        return VAL_EXCEPTION;
    gc_root_push_ptr(vm, &o);
    Obj *it = obj_new_kind(vm, OBJ_ARRAY_ITERATOR, realm_intrinsic(vm, INTR_ArrayIteratorPrototype));
    gc_root_pop(vm, 1);
    it->u.host.slots[0] = val_obj(o);
    it->u.host.slots[1] = val_number(0);
    it->u.host.slots[2] = val_number(ctx->magic);
    return val_obj(it);
}

/* %ArrayIteratorPrototype%.next (#sec-%arrayiteratorprototype%.next) */
static NATIVE(array_iter_next) {
    if (!val_is_object(this_val) || val_as_obj(this_val)->kind != OBJ_ARRAY_ITERATOR)
        return vm_throw_type_error_describing(
            vm, "Method Array Iterator.prototype.next called on incompatible receiver %s", this_val,
            false);
    Obj *it = val_as_obj(this_val);
    if (val_is_undefined(it->u.host.slots[0]))
        return CreateIterResultObject(vm, VAL_UNDEFINED, true);
    Obj *o = val_as_obj(it->u.host.slots[0]);
    double len;
    if (!LengthOfArrayLike(vm, o, &len))
        return VAL_EXCEPTION;
    double i = val_as_number(it->u.host.slots[1]);
    if (i >= len) {
        it->u.host.slots[0] = VAL_UNDEFINED;
        return CreateIterResultObject(vm, VAL_UNDEFINED, true);
    }
    it->u.host.slots[1] = val_number(i + 1);
    int kind = (int)val_as_number(it->u.host.slots[2]);
    if (kind == ITER_KEYS)
        return CreateIterResultObject(vm, val_number(i), false);
    Value v = obj_get_index(vm, o, (uint32_t)i);
    if (v == VAL_EXCEPTION)
        return v;
    if (kind == ITER_ENTRIES) {
        Value pair[2] = {val_number(i), v};
        gc_root_push(vm, &pair[1]);
        Obj *a = obj_new_array_from(vm, 2, pair);
        gc_root_pop(vm, 1);
        v = val_obj(a);
    }
    return CreateIterResultObject(vm, v, false);
}

static NATIVE(string_iter_create) {
    if (val_is_nullish(this_val))
        return vm_throw_type_error(vm, "String.prototype[Symbol.iterator] called on null or undefined");
    ObjString *s = ToString(vm, this_val);
    if (!s)
        return VAL_EXCEPTION;
    gc_root_push_ptr(vm, &s);
    Obj *it = obj_new_kind(vm, OBJ_STRING_ITERATOR, realm_intrinsic(vm, INTR_StringIteratorPrototype));
    gc_root_pop(vm, 1);
    it->u.host.slots[0] = val_str(s);
    it->u.host.slots[1] = val_number(0);
    return val_obj(it);
}

static NATIVE(string_iter_next) {
    if (!val_is_object(this_val) || val_as_obj(this_val)->kind != OBJ_STRING_ITERATOR)
        return vm_throw_type_error_describing(
            vm, "Method String Iterator.prototype.next called on incompatible receiver %s", this_val,
            false);
    Obj *it = val_as_obj(this_val);
    if (!val_is_string(it->u.host.slots[0]))
        return CreateIterResultObject(vm, VAL_UNDEFINED, true);
    ObjString *s = val_as_str(it->u.host.slots[0]);
    uint32_t i = (uint32_t)val_as_number(it->u.host.slots[1]);
    if (i >= s->len) {
        it->u.host.slots[0] = VAL_UNDEFINED;
        return CreateIterResultObject(vm, VAL_UNDEFINED, true);
    }
    uint32_t n = 1;
    uint16_t c = str_at(s, i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s->len && str_at(s, i + 1) >= 0xdc00 &&
        str_at(s, i + 1) <= 0xdfff)
        n = 2;
    it->u.host.slots[1] = val_number(i + n);
    ObjString *cp = str_substring(vm, s, i, i + n);
    return CreateIterResultObject(vm, val_str(cp), false);
}

static const BuiltinEntry iterator_proto_fns[] = {
    BI_SYM_METHOD(ATOM_Symbol_iterator, iterator_self, 0),
};
static const BuiltinEntry array_iter_proto_fns[] = {
    BI_METHOD("next", array_iter_next, 0),
    BI_SYM_STRING(ATOM_Symbol_toStringTag, "Array Iterator"),
};
static const BuiltinEntry string_iter_proto_fns[] = {
    BI_METHOD("next", string_iter_next, 0),
    BI_SYM_STRING(ATOM_Symbol_toStringTag, "String Iterator"),
};
static const BuiltinEntry array_proto_fns[] = {
    BI_METHOD_MAGIC("keys", array_iter_create, 0, ITER_KEYS),
    BI_METHOD_MAGIC("entries", array_iter_create, 0, ITER_ENTRIES),
};

void bi_iterator_init(Vm *vm) {
    Realm *r = vm->realm;
    Obj *ip = obj_new_plain(vm);
    r->intrinsics[INTR_IteratorPrototype] = ip;
    realm_define_entries(vm, ip, iterator_proto_fns, ARRAY_LEN(iterator_proto_fns));
    Obj *aip = obj_new(vm, ip);
    r->intrinsics[INTR_ArrayIteratorPrototype] = aip;
    realm_define_entries(vm, aip, array_iter_proto_fns, ARRAY_LEN(array_iter_proto_fns));
    Obj *sip = obj_new(vm, ip);
    r->intrinsics[INTR_StringIteratorPrototype] = sip;
    realm_define_entries(vm, sip, string_iter_proto_fns, ARRAY_LEN(string_iter_proto_fns));
    /* Array.prototype.values is also Array.prototype[Symbol.iterator] (the same object) */
    Obj *ap = realm_intrinsic(vm, INTR_ArrayPrototype);
    Obj *values = fn_new_native(vm, array_iter_create, "values", 0, ITER_VALUES);
    r->intrinsics[INTR_ArrayProtoValues] = values;
    if (!obj_define_value(vm, ap, ATOM_values, val_obj(values), PROP_BUILTIN) ||
        !obj_define_value(vm, ap, ATOM_Symbol_iterator, val_obj(values), PROP_BUILTIN))
        die(EXIT_INTERNAL, "cannot install Array.prototype.values");
    realm_define_entries(vm, ap, array_proto_fns, ARRAY_LEN(array_proto_fns));
    Obj *strp = realm_intrinsic(vm, INTR_StringPrototype);
    Obj *si = fn_new_native_atom(vm, string_iter_create, ATOM_Symbol_iterator, 0, 0);
    if (!obj_define_value(vm, strp, ATOM_Symbol_iterator, val_obj(si), PROP_BUILTIN))
        die(EXIT_INTERNAL, "cannot install String.prototype[Symbol.iterator]");
}
