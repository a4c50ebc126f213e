/* array.c — the Array global (ecma262 #sec-array-objects): the constructor, Array.from,
 * Array.of, Array.isArray, get Array[@@species], the methods of Array.prototype that
 * change or copy the receiver (push, pop, shift, unshift, splice, slice, concat, join,
 * toString, toLocaleString, reverse, fill, copyWithin, toReversed, toSpliced, with,
 * keys/values/entries) and the registration table for the whole prototype; the
 * callback and search methods are in array_iter.c, sort and toSorted in array_sort.c.
 *
 * Each method follows its spec algorithm step by step over array-likes (array_int.h).
 * Fast paths for dense arrays (shift, unshift, splice, reverse) apply only when the
 * receiver is an extensible array with a writable length, all its elements in the dense
 * store, and no indexed property anywhere on its prototype chain: then every step of the
 * spec is a plain move of own data properties (or of a hole) and running it as a memmove
 * is unobservable.
 * Error messages are V8's (node 20), checked one by one. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tracer/builtins/array_int.h"
#include "tracer/numconv.h"
#include "tracer/realm.h"
#include "tracer/str.h"

/* ==== property operations by index ===================================================== */

Atom bi_array_key(Vm *vm, double k) {
    if (k <= ATOM_INT_MAX)
        return atom_from_index((uint32_t)k);
    char buf[NUMCONV_DTOA_SIZE];
    NumberToString(k, buf);
    return atom_intern(vm, buf);
}

bool bi_array_has(Vm *vm, Obj *o, double k) {
    Value v;
    if (fast_elem(o, k, &v))
        return true;
    return obj_has_property(vm, o, bi_array_key(vm, k));
}

Value bi_array_get(Vm *vm, Obj *o, double k) {
    Value v;
    if (fast_elem(o, k, &v))
        return v;
    if (k <= ATOM_INT_MAX)
        return obj_get_index(vm, o, (uint32_t)k);
    return obj_get(vm, o, bi_array_key(vm, k));
}

int bi_array_get_present(Vm *vm, Obj *o, double k, Value *out) {
    if (fast_elem(o, k, out))
        return 1;
    if (!obj_has_property(vm, o, bi_array_key(vm, k)))
        return 0;
    Value v = bi_array_get(vm, o, k);
    if (v == VAL_EXCEPTION)
        return -1;
    *out = v;
    return 1;
}

bool bi_array_set(Vm *vm, Obj *o, double k, Value v) {
    if (k <= ATOM_INT_MAX)
        return obj_set_index(vm, o, (uint32_t)k, v, true);
    gc_root_push(vm, &v);
    Atom key = bi_array_key(vm, k);
    gc_root_pop(vm, 1);
    return obj_set(vm, o, key, v, true);
}

bool bi_array_create(Vm *vm, Obj *o, double k, Value v) {
    gc_root_push(vm, &v);
    Atom key = bi_array_key(vm, k);
    gc_root_pop(vm, 1);
    return CreateDataProperty(vm, o, key, v);
}

bool bi_array_delete(Vm *vm, Obj *o, double k) {
    bool deleted;
    if (!obj_delete(vm, o, bi_array_key(vm, k), &deleted))
        return false;
    if (!deleted) {
        char kb[NUMCONV_DTOA_SIZE];
        NumberToString(k, kb);
        StrBuf d;
        strbuf_init(&d);
        vm_describe_value(vm, val_obj(o), &d);
        vm_throw_type_error(vm, "Cannot delete property '%s' of %s", kb, d.data);
        strbuf_fini(&d);
        return false;
    }
    return true;
}

bool bi_array_set_length(Vm *vm, Obj *o, double len) {
    return obj_set(vm, o, ATOM_length, val_number(len), true);
}

/* The step that shift, unshift, splice and copyWithin repeat for each element they move:
 * if O has `from`, Set(O, to, ? Get(O, from), true), else ? DeletePropertyOrThrow(O, to)
 * (#sec-array.prototype.copywithin steps 17.c-f, and the same words in the others).
 * *scratch is a rooted Value the caller owns. Returns false when it threw. */
static bool move_element(Vm *vm, Obj *o, double from, double to, Value *scratch) {
    int present = bi_array_get_present(vm, o, from, scratch);
    if (present < 0)
        return false;
    return present ? bi_array_set(vm, o, to, *scratch) : bi_array_delete(vm, o, to);
}

double bi_array_relative(double rel, double len) {
    if (rel < 0)
        return rel + len > 0 ? rel + len : 0;
    return rel < len ? rel : len;
}

/* ==== conversions and messages ========================================================= */

Obj *bi_array_this(Vm *vm, Value this_val, const char *method) {
    if (method && val_is_nullish(this_val)) {
        vm_throw_type_error(vm, "Array.prototype.%s called on null or undefined", method);
        return NULL;
    }
    return ToObject(vm, this_val);
}

Value bi_array_throw_not_callable(Vm *vm, Value v) {
    return vm_throw_type_error_describing(vm, "%s is not a function", v, false);
}

/* ==== ArrayCreate, ArraySpeciesCreate ================================================== */

/* ecma262 #sec-arraycreate */
Obj *ArrayCreate(Vm *vm, double length, Obj *proto) {
    /* 1. If length > 2^32 - 1, throw a RangeError exception. */
    if (length > ARR_MAX_LENGTH) {
        vm_throw_range_error(vm, "Invalid array length");
        return NULL;
    }
    /* 2-7. An Array exotic object whose every index is a hole. */
    Obj *a = proto ? obj_new_kind(vm, OBJ_ARRAY, proto) : obj_new_array(vm, 0);
    if (!obj_array_set_length(vm, a, length, true))
        return NULL;
    return a;
}

/* ecma262 #sec-arrayspeciescreate */
Obj *ArraySpeciesCreate(Vm *vm, Obj *original, double length) {
    /* 1-2. If IsArray(originalArray) is false, return ? ArrayCreate(length). */
    if (!IsArray(val_obj(original)))
        return ArrayCreate(vm, length, NULL);
    /* 3. Let C be ? Get(originalArray, "constructor"). */
    Value c = obj_get(vm, original, ATOM_constructor);
    if (c == VAL_EXCEPTION)
        return NULL;
    /* 4. (realms: there is one) 5. If C is an Object, set C to ? Get(C, @@species). */
    if (val_is_object(c)) {
        c = obj_get(vm, val_as_obj(c), ATOM_Symbol_species);
        if (c == VAL_EXCEPTION)
            return NULL;
        if (val_is_null(c))
            c = VAL_UNDEFINED;
    }
    /* 6. If C is undefined, return ? ArrayCreate(length). */
    if (val_is_undefined(c))
        return ArrayCreate(vm, length, NULL);
    /* 7. If IsConstructor(C) is false, throw a TypeError exception. */
    if (!IsConstructor(c)) {
        vm_throw_type_error(vm, "object.constructor[Symbol.species] is not a constructor");
        return NULL;
    }
    /* 8. Return ? Construct(C, « 𝔽(length) »). */
    gc_root_push(vm, &c);
    Value lv = val_number(length);
    Value r = vm_construct(vm, c, 1, &lv, c);
    gc_root_pop(vm, 1);
    if (r == VAL_EXCEPTION)
        return NULL;
    return val_as_obj(r);
}

/* ==== fast-path conditions ============================================================= */

/* True when no object on the chain starting at o has an indexed property, so that a
 * hole reads as absent/undefined and a store past the end meets no setter. */
static bool chain_has_no_indexed(Obj *o) {
    for (; o; o = o->proto) {
        if ((o->kind == OBJ_ARRAY || o->kind == OBJ_ARGUMENTS) && o->u.array.dense > 0)
            return false;
        if (o->kind == OBJ_STRING && val_is_string(o->u.prim) && val_as_str(o->u.prim)->len)
            return false;
        for (uint32_t i = 0; i < o->props.count; i++)
            if (atom_is_int(o->props.props[i].key))
                return false;
    }
    return true;
}

/* The receiver of a fast path: an extensible array with writable length, every element
 * in the dense store, and nothing indexed on its prototype chain. A hole then reads as
 * absent, and the spec's "if fromPresent, Set, else DeletePropertyOrThrow" moves it as
 * a hole: moving VAL_EMPTY with the rest is the same thing. */
static bool plain_dense(Obj *o) {
    if (o->kind != OBJ_ARRAY || !obj_array_is_dense(o) || !(o->flags & OBJF_EXTENSIBLE) ||
        (o->flags & OBJF_LENGTH_READONLY) || o->u.array.len > (1u << 26))
        return false;
    return chain_has_no_indexed(o->proto);
}

/* Grows a plain_dense array by n undefined elements; still plain_dense afterwards. */
static bool grow_dense(Vm *vm, Obj *o, uint32_t n) {
    for (uint32_t i = 0; i < n; i++)
        if (!obj_array_push(vm, o, VAL_UNDEFINED))
            return false;
    return ALWAYS(obj_array_is_dense(o));
}

/* ==== the constructor and its functions ================================================ */

/* Array(...values) (#sec-array) */
static NATIVE(array_ctor) {
    /* 1. If NewTarget is undefined, let newTarget be the active function object. */
    Value nt = val_is_undefined(ctx->new_target) ? val_obj(ctx->callee) : ctx->new_target;
    /* 2. Let proto be ? GetPrototypeFromConstructor(newTarget, "%Array.prototype%"). */
    Obj *a = obj_create_from_constructor(vm, nt, OBJ_ARRAY,
                                         realm_intrinsic(vm, INTR_ArrayPrototype));
    if (!a)
        return VAL_EXCEPTION;
    ROOTS_BEGIN();
    gc_root_push_ptr(vm, &a);
    Value result = VAL_EXCEPTION;
    if (argc == 1) {
        /* 5. One argument: a length, or the single element. */
        Value len = argv[0];
        if (!val_is_number(len)) {
            if (!CreateDataProperty(vm, a, atom_from_index(0), len))
                goto out;
        } else {
            double d = val_as_number(len);
            uint32_t u = numconv_to_uint32(d);
            if ((double)u != d) {
                vm_throw_range_error(vm, "Invalid array length");
                goto out;
            }
            if (!obj_array_set_length(vm, a, u, true))
                goto out;
        }
    } else {
        /* 4, 6. No argument, or each argument an element. */
        for (int k = 0; k < argc; k++)
            if (!obj_array_push(vm, a, argv[k]))
                goto out;
    }
    result = val_obj(a);
out:
    ROOTS_END();
    return result;
}

/* Array.isArray(arg) (#sec-array.isarray) */
static NATIVE(array_is_array) {
    return val_bool(IsArray(ARG(0)));
}

/* get Array[@@species] (#sec-get-array-@@species) */
static NATIVE(array_species) {
    return this_val;
}

/* A = IsConstructor(C) ? Construct(C, args) : ArrayCreate(len) — Array.from / Array.of. */
static Obj *construct_or_create(Vm *vm, Value c, int argc, double len) {
    if (IsConstructor(c)) {
        Value lv = val_number(len);
        Value r = vm_construct(vm, c, argc, &lv, c);
        return r == VAL_EXCEPTION ? NULL : val_as_obj(r);
    }
    return ArrayCreate(vm, len, NULL);
}

/* Array.from(items [, mapfn [, thisArg]]) (#sec-array.from) */
static NATIVE(array_from) {
    Value c = this_val, items = ARG(0), mapfn = ARG(1), this_arg = ARG(2);
    /* 2-3. mapping */
    bool mapping = !val_is_undefined(mapfn);
    if (mapping && !IsCallable(mapfn))
        return bi_array_throw_not_callable(vm, mapfn);
    ROOTS_BEGIN();
    Value result = VAL_EXCEPTION;
    Obj *a = NULL, *array_like = NULL;
    Value iter = VAL_UNDEFINED, next = VAL_UNDEFINED; /* the Iterator Record */
    Value v = VAL_UNDEFINED;
    gc_root_push_ptr(vm, &a);
    gc_root_push_ptr(vm, &array_like);
    gc_root_push(vm, &iter);
    gc_root_push(vm, &next);
    gc_root_push(vm, &v);
    /* 4. Let usingIterator be ? GetMethod(items, @@iterator). */
    if (val_is_nullish(items)) {
        vm_throw_type_error(vm, "%s is not iterable (cannot read property Symbol(Symbol.iterator))",
                            val_is_null(items) ? "object null" : "undefined");
        goto out;
    }
    Value using_iterator = val_get(vm, items, ATOM_Symbol_iterator);
    if (using_iterator == VAL_EXCEPTION)
        goto out;
    if (!val_is_nullish(using_iterator)) {
        if (!IsCallable(using_iterator)) {
            vm_throw_type_error(vm, "%%Array%%.from requires that the property of the first "
                                    "argument, items[Symbol.iterator], when exists, be a function");
            goto out;
        }
        /* 5.a-b. A = Construct(C) or ArrayCreate(0) */
        next = using_iterator; /* rooted while A is made */
        if (!(a = construct_or_create(vm, c, 0, 0)))
            goto out;
        /* 5.c. iteratorRecord = GetIteratorFromMethod(items, usingIterator) */
        if (!GetIteratorFromMethod(vm, items, next, &iter, &next))
            goto out;
        /* 5.e. Repeat */
        for (double k = 0;; k++) {
            if (k >= ARR_MAX_SAFE_INTEGER) {
                vm_throw_type_error(vm, "Invalid array length");
                (void)!IteratorClose(vm, iter, true);
                goto out;
            }
            int s = IteratorStep(vm, iter, next, &v);
            if (s < 0)
                goto out;
            if (s == 0) {
                if (!bi_array_set_length(vm, a, k))
                    goto out;
                result = val_obj(a);
                goto out;
            }
            if (mapping) {
                Value args[2] = {v, val_number(k)};
                v = vm_call(vm, mapfn, this_arg, 2, args);
                if (v == VAL_EXCEPTION) {
                    (void)!IteratorClose(vm, iter, true);
                    goto out;
                }
            }
            if (!bi_array_create(vm, a, k, v)) {
                (void)!IteratorClose(vm, iter, true);
                goto out;
            }
        }
    }
    /* 7-8. An array-like. */
    if (!(array_like = ToObject(vm, items)))
        goto out;
    double len;
    if (!LengthOfArrayLike(vm, array_like, &len))
        goto out;
    /* 10. A = Construct(C, « len ») or ArrayCreate(len) */
    if (!(a = construct_or_create(vm, c, 1, len)))
        goto out;
    for (double k = 0; k < len; k++) {
        v = bi_array_get(vm, array_like, k);
        if (v == VAL_EXCEPTION)
            goto out;
        if (mapping) {
            Value args[2] = {v, val_number(k)};
            v = vm_call(vm, mapfn, this_arg, 2, args);
            if (v == VAL_EXCEPTION)
                goto out;
        }
        if (!bi_array_create(vm, a, k, v))
            goto out;
    }
    if (!bi_array_set_length(vm, a, len))
        goto out;
    result = val_obj(a);
out:
    ROOTS_END();
    return result;
}

/* Array.of(...items) (#sec-array.of) */
static NATIVE(array_of) {
    Obj *a = construct_or_create(vm, this_val, 1, argc);
    if (!a)
        return VAL_EXCEPTION;
    ROOTS_BEGIN();
    gc_root_push_ptr(vm, &a);
    Value result = VAL_EXCEPTION;
    for (int k = 0; k < argc; k++)
        if (!bi_array_create(vm, a, k, argv[k]))
            goto out;
    if (!bi_array_set_length(vm, a, argc))
        goto out;
    result = val_obj(a);
out:
    ROOTS_END();
    return result;
}

/* ==== push, pop, shift, unshift ======================================================== */

static Value throw_too_long(Vm *vm, double n, double len) {
    char nb[NUMCONV_DTOA_SIZE], lb[NUMCONV_DTOA_SIZE];
    NumberToString(n, nb);
    NumberToString(len, lb);
    return vm_throw_type_error(vm, "Pushing %s elements on an array-like of length %s is "
                                   "disallowed, as the total surpasses 2**53-1", nb, lb);
}

/* Array.prototype.push(...items) (#sec-array.prototype.push) */
static NATIVE(array_push) {
    Obj *o = bi_array_this(vm, this_val, NULL);
    if (!o)
        return VAL_EXCEPTION;
    ROOTS_BEGIN();
    gc_root_push_ptr(vm, &o);
    Value result = VAL_EXCEPTION;
    double len;
    if (!LengthOfArrayLike(vm, o, &len))
        goto out;
    /* 4. If len + argCount > 2^53 - 1, throw a TypeError exception. */
    if (len + argc > ARR_MAX_SAFE_INTEGER) {
        throw_too_long(vm, argc, len);
        goto out;
    }
    for (int i = 0; i < argc; i++, len++)
        if (!bi_array_set(vm, o, len, argv[i]))
            goto out;
    if (!bi_array_set_length(vm, o, len))
        goto out;
    result = val_number(len);
out:
    ROOTS_END();
    return result;
}

/* Array.prototype.pop() (#sec-array.prototype.pop) */
static NATIVE(array_pop) {
    Obj *o = bi_array_this(vm, this_val, NULL);
    if (!o)
        return VAL_EXCEPTION;
    ROOTS_BEGIN();
    gc_root_push_ptr(vm, &o);
    Value result = VAL_EXCEPTION, element = VAL_UNDEFINED;
    gc_root_push(vm, &element);
    double len;
    if (!LengthOfArrayLike(vm, o, &len))
        goto out;
    if (len == 0) {
        if (!bi_array_set_length(vm, o, 0))
            goto out;
        result = VAL_UNDEFINED;
        goto out;
    }
    element = bi_array_get(vm, o, len - 1);
    if (element == VAL_EXCEPTION || !bi_array_delete(vm, o, len - 1) ||
        !bi_array_set_length(vm, o, len - 1))
        goto out;
    result = element;
out:
    ROOTS_END();
    return result;
}

/* Array.prototype.shift() (#sec-array.prototype.shift) */
static NATIVE(array_shift) {
    Obj *o = bi_array_this(vm, this_val, NULL);
    if (!o)
        return VAL_EXCEPTION;
    ROOTS_BEGIN();
    gc_root_push_ptr(vm, &o);
    Value result = VAL_EXCEPTION, first = VAL_UNDEFINED, v = VAL_UNDEFINED;
    gc_root_push(vm, &first);
    gc_root_push(vm, &v);
    double len;
    if (!LengthOfArrayLike(vm, o, &len))
        goto out;
    /* 3. If len = 0, then Set(O, "length", 0, true) and return undefined. */
    if (len == 0) {
        if (!bi_array_set_length(vm, o, 0))
            goto out;
        result = VAL_UNDEFINED;
        goto out;
    }
    if (plain_dense(o)) {
        Value *e = o->u.array.elems;
        first = e[0] == VAL_EMPTY ? VAL_UNDEFINED : e[0];
        memmove(e, e + 1, (size_t)(len - 1) * sizeof(Value));
        if (!obj_array_set_length(vm, o, len - 1, true))
            goto out;
        result = first;
        goto out;
    }
    /* 4. Let first be ? Get(O, "0"). */
    first = bi_array_get(vm, o, 0);
    if (first == VAL_EXCEPTION)
        goto out;
    /* 5-6. Move every element down by one. */
    for (double k = 1; k < len; k++)
        if (!move_element(vm, o, k, k - 1, &v))
            goto out;
    /* 7-8. */
    if (!bi_array_delete(vm, o, len - 1) || !bi_array_set_length(vm, o, len - 1))
        goto out;
    result = first;
out:
    ROOTS_END();
    return result;
}

/* Array.prototype.unshift(...items) (#sec-array.prototype.unshift) */
static NATIVE(array_unshift) {
    Obj *o = bi_array_this(vm, this_val, NULL);
    if (!o)
        return VAL_EXCEPTION;
    ROOTS_BEGIN();
    gc_root_push_ptr(vm, &o);
    Value result = VAL_EXCEPTION, v = VAL_UNDEFINED;
    gc_root_push(vm, &v);
    double len;
    if (!LengthOfArrayLike(vm, o, &len))
        goto out;
    if (argc > 0) {
        /* 4.a. If len + argCount > 2^53 - 1, throw a TypeError exception. */
        if (len + argc > ARR_MAX_SAFE_INTEGER) {
            vm_throw_type_error(vm, "Invalid array length");
            goto out;
        }
        if (plain_dense(o) && len + argc <= (1u << 26)) {
            if (!grow_dense(vm, o, (uint32_t)argc))
                goto out;
            Value *e = o->u.array.elems;
            memmove(e + argc, e, (size_t)len * sizeof(Value));
            memcpy(e, argv, (size_t)argc * sizeof(Value));
            result = val_number(len + argc);
            goto out;
        }
        /* 4.b-c. Move every element up by argCount, from the end. */
        for (double k = len; k > 0; k--)
            if (!move_element(vm, o, k - 1, k + argc - 1, &v))
                goto out;
        /* 4.d-f. Write the items at the front. */
        for (int j = 0; j < argc; j++)
            if (!bi_array_set(vm, o, j, argv[j]))
                goto out;
    }
    if (!bi_array_set_length(vm, o, len + argc))
        goto out;
    result = val_number(len + argc);
out:
    ROOTS_END();
    return result;
}

/* ==== splice, slice, concat ============================================================ */

/* Array.prototype.splice(start, deleteCount, ...items) (#sec-array.prototype.splice) */
static NATIVE(array_splice) {
    Obj *o = bi_array_this(vm, this_val, NULL);
    if (!o)
        return VAL_EXCEPTION;
    ROOTS_BEGIN();
    Obj *a = NULL;
    Value result = VAL_EXCEPTION, v = VAL_UNDEFINED;
    gc_root_push_ptr(vm, &o);
    gc_root_push_ptr(vm, &a);
    gc_root_push(vm, &v);
    double len, rel, start, del;
    if (!LengthOfArrayLike(vm, o, &len) || !ToIntegerOrInfinity(vm, ARG(0), &rel))
        goto out;
    start = bi_array_relative(rel, len);
    /* 8-10. itemCount and actualDeleteCount */
    int items = argc > 2 ? argc - 2 : 0;
    const Value *item = argv + 2;
    if (argc == 0) {
        del = 0;
    } else if (argc == 1) {
        del = len - start;
    } else {
        double dc;
        if (!ToIntegerOrInfinity(vm, argv[1], &dc))
            goto out;
        del = dc < 0 ? 0 : dc > len - start ? len - start : dc;
    }
    /* 11. If len + itemCount - actualDeleteCount > 2^53 - 1, throw a TypeError. */
    if (len + items - del > ARR_MAX_SAFE_INTEGER) {
        vm_throw_type_error(vm, "Invalid array length");
        goto out;
    }
    /* 12. Let A be ? ArraySpeciesCreate(O, actualDeleteCount). */
    if (!(a = ArraySpeciesCreate(vm, o, del)))
        goto out;
    /* 13-14. Copy the deleted elements into A. */
    for (double k = 0; k < del; k++) {
        int present = bi_array_get_present(vm, o, start + k, &v);
        if (present < 0 || (present && !bi_array_create(vm, a, k, v)))
            goto out;
    }
    /* 15. Set(A, "length", actualDeleteCount, true). */
    if (!bi_array_set_length(vm, a, del))
        goto out;
    double new_len = len - del + items;
    if (plain_dense(o) && new_len <= (1u << 26)) {
        /* 16-21 on a plain dense array: one memmove of the tail, then the items. */
        uint32_t s = (uint32_t)start, d = (uint32_t)del, n = (uint32_t)len;
        if ((uint32_t)items > d && !grow_dense(vm, o, (uint32_t)items - d))
            goto out;
        Value *e = o->u.array.elems;
        memmove(e + s + items, e + s + d, (size_t)(n - s - d) * sizeof(Value));
        memcpy(e + s, item, (size_t)items * sizeof(Value));
        if ((uint32_t)items < d && !obj_array_set_length(vm, o, new_len, true))
            goto out;
        result = val_obj(a);
        goto out;
    }
    if (items < del) {
        /* 17. Move the tail down, then delete what is left past the new end. */
        for (double k = start; k < len - del; k++)
            if (!move_element(vm, o, k + del, k + items, &v))
                goto out;
        for (double k = len; k > new_len; k--)
            if (!bi_array_delete(vm, o, k - 1))
                goto out;
    } else if (items > del) {
        /* 18. Move the tail up, from the end. */
        for (double k = len - del; k > start; k--)
            if (!move_element(vm, o, k + del - 1, k + items - 1, &v))
                goto out;
    }
    /* 19-20. Write the items. */
    for (int j = 0; j < items; j++)
        if (!bi_array_set(vm, o, start + j, item[j]))
            goto out;
    /* 21. Set(O, "length", len - actualDeleteCount + itemCount, true). */
    if (!bi_array_set_length(vm, o, new_len))
        goto out;
    result = val_obj(a);
out:
    ROOTS_END();
    return result;
}

/* Array.prototype.slice(start, end) (#sec-array.prototype.slice) */
static NATIVE(array_slice) {
    Obj *o = bi_array_this(vm, this_val, NULL);
    if (!o)
        return VAL_EXCEPTION;
    ROOTS_BEGIN();
    Obj *a = NULL;
    Value result = VAL_EXCEPTION, v = VAL_UNDEFINED;
    gc_root_push_ptr(vm, &o);
    gc_root_push_ptr(vm, &a);
    gc_root_push(vm, &v);
    double len, rel, k, fin;
    if (!LengthOfArrayLike(vm, o, &len) || !ToIntegerOrInfinity(vm, ARG(0), &rel))
        goto out;
    k = bi_array_relative(rel, len);
    if (val_is_undefined(ARG(1)))
        rel = len;
    else if (!ToIntegerOrInfinity(vm, argv[1], &rel))
        goto out;
    fin = bi_array_relative(rel, len);
    /* 10-11. count, A = ArraySpeciesCreate(O, count) */
    double count = fin - k > 0 ? fin - k : 0;
    if (!(a = ArraySpeciesCreate(vm, o, count)))
        goto out;
    double n = 0;
    for (; k < fin; k++, n++) {
        int present = bi_array_get_present(vm, o, k, &v);
        if (present < 0 || (present && !bi_array_create(vm, a, n, v)))
            goto out;
    }
    if (!bi_array_set_length(vm, a, n))
        goto out;
    result = val_obj(a);
out:
    ROOTS_END();
    return result;
}

/* IsConcatSpreadable(O) (#sec-isconcatspreadable): 1, 0, or -1 on a throw. */
static int IsConcatSpreadable(Vm *vm, Value o) {
    if (!val_is_object(o))
        return 0;
    Value s = obj_get(vm, val_as_obj(o), ATOM_Symbol_isConcatSpreadable);
    if (s == VAL_EXCEPTION)
        return -1;
    if (!val_is_undefined(s))
        return ToBoolean(s);
    return IsArray(o);
}

/* Array.prototype.concat(...items) (#sec-array.prototype.concat) */
static NATIVE(array_concat) {
    Obj *o = bi_array_this(vm, this_val, "concat");
    if (!o)
        return VAL_EXCEPTION;
    ROOTS_BEGIN();
    Obj *a = NULL;
    Value result = VAL_EXCEPTION, v = VAL_UNDEFINED;
    gc_root_push_ptr(vm, &o);
    gc_root_push_ptr(vm, &a);
    gc_root_push(vm, &v);
    if (!(a = ArraySpeciesCreate(vm, o, 0)))
        goto out;
    double n = 0;
    for (int i = -1; i < argc; i++) {
        Value e = i < 0 ? val_obj(o) : argv[i];
        int spreadable = IsConcatSpreadable(vm, e);
        if (spreadable < 0)
            goto out;
        if (spreadable) {
            Obj *eo = val_as_obj(e); /* rooted: O or an argument */
            double len;
            if (!LengthOfArrayLike(vm, eo, &len))
                goto out;
            if (n + len > ARR_MAX_SAFE_INTEGER) {
                vm_throw_type_error(vm, "Invalid array length");
                goto out;
            }
            for (double k = 0; k < len; k++, n++) {
                int present = bi_array_get_present(vm, eo, k, &v);
                if (present < 0 || (present && !bi_array_create(vm, a, n, v)))
                    goto out;
            }
        } else {
            if (n >= ARR_MAX_SAFE_INTEGER) {
                vm_throw_type_error(vm, "Invalid array length");
                goto out;
            }
            if (!bi_array_create(vm, a, n, e))
                goto out;
            n++;
        }
    }
    if (!bi_array_set_length(vm, a, n))
        goto out;
    result = val_obj(a);
out:
    ROOTS_END();
    return result;
}

/* ==== join, toString, toLocaleString =================================================== */

/* V8 renders an array that is already being joined (a cycle) as "": the receivers being
 * joined are kept in an internal array held in data[0] of join and toLocaleString. */
static bool join_enter(Vm *vm, const NativeCtx *ctx, Obj *o, bool *cycle) {
    Value st = ctx->callee->u.native.data[0];
    *cycle = false;
    if (!val_is_object(st))
        return true;
    Obj *s = val_as_obj(st);
    for (uint32_t i = 0; i < s->u.array.dense; i++)
        if (s->u.array.elems[i] == val_obj(o)) {
            *cycle = true;
            return true;
        }
    return obj_array_push(vm, s, val_obj(o));
}

static void join_leave(Vm *vm, const NativeCtx *ctx) {
    Value st = ctx->callee->u.native.data[0];
    if (!val_is_object(st))
        return;
    Obj *s = val_as_obj(st);
    if (ALWAYS(s->u.array.len > 0) && !obj_array_set_length(vm, s, s->u.array.len - 1, false))
        vm_take_exception(vm);
}

/* Array.prototype.join(separator) (#sec-array.prototype.join), and with magic 1
 * Array.prototype.toLocaleString() (#sec-array.prototype.tolocalestring). */
static NATIVE(array_join) {
    bool locale = ctx->magic == 1;
    Obj *o = bi_array_this(vm, this_val, NULL);
    if (!o)
        return VAL_EXCEPTION;
    ROOTS_BEGIN();
    ObjString *sep = NULL;
    Value result = VAL_EXCEPTION, v = VAL_UNDEFINED;
    gc_root_push_ptr(vm, &o);
    gc_root_push_ptr(vm, &sep);
    gc_root_push(vm, &v);
    StrBuilder b;
    sbld_init(&b);
    bool entered = false, cycle;
    double len;
    if (!LengthOfArrayLike(vm, o, &len))
        goto out;
    /* 3-4. sep: "," when undefined (toLocaleString: the list-separator, ",") */
    if (locale || val_is_undefined(ARG(0)))
        sep = str_new_cstr(vm, ",");
    else if (!(sep = ToString(vm, argv[0])))
        goto out;
    if (!join_enter(vm, ctx, o, &cycle))
        goto out;
    if (cycle) {
        result = val_str(str_empty(vm));
        goto out;
    }
    entered = true;
    for (double k = 0; k < len; k++) {
        if (k > 0)
            sbld_put_str(&b, sep);
        v = bi_array_get(vm, o, k);
        if (v == VAL_EXCEPTION)
            goto out;
        if (!val_is_nullish(v)) {
            if (locale) {
                /* ECMA-402 #sup-array.prototype.tolocalestring: locales, options */
                v = vm_invoke(vm, v, atom_intern(vm, "toLocaleString"), argc < 2 ? argc : 2,
                              argv);
                if (v == VAL_EXCEPTION)
                    goto out;
            }
            ObjString *s = ToString(vm, v);
            if (!s)
                goto out;
            sbld_put_str(&b, s);
        }
        if (b.len > ARR_MAX_STRING_LEN) {
            vm_throw_range_error(vm, "Invalid string length");
            goto out;
        }
    }
    result = val_str(sbld_finish(vm, &b));
out:
    if (entered)
        join_leave(vm, ctx);
    sbld_fini(&b);
    ROOTS_END();
    return result;
}

/* Array.prototype.toString() (#sec-array.prototype.tostring): data[0] holds
 * %Object.prototype.toString%, the fallback when "join" is not callable. */
static NATIVE(array_to_string) {
    Obj *o = bi_array_this(vm, this_val, NULL);
    if (!o)
        return VAL_EXCEPTION;
    gc_root_push_ptr(vm, &o);
    Value func = obj_get(vm, o, ATOM_join);
    gc_root_pop(vm, 1);
    if (func == VAL_EXCEPTION)
        return VAL_EXCEPTION;
    if (!IsCallable(func))
        func = ctx->callee->u.native.data[0];
    return vm_call(vm, func, val_obj(o), 0, NULL);
}

/* ==== reverse, fill, copyWithin ======================================================== */

/* Array.prototype.reverse() (#sec-array.prototype.reverse) */
static NATIVE(array_reverse) {
    Obj *o = bi_array_this(vm, this_val, NULL);
    if (!o)
        return VAL_EXCEPTION;
    ROOTS_BEGIN();
    Value result = VAL_EXCEPTION, lv = VAL_UNDEFINED, uv = VAL_UNDEFINED;
    gc_root_push_ptr(vm, &o);
    gc_root_push(vm, &lv);
    gc_root_push(vm, &uv);
    double len;
    if (!LengthOfArrayLike(vm, o, &len))
        goto out;
    if (plain_dense(o)) {
        Value *e = o->u.array.elems;
        for (uint32_t l = 0, u = (uint32_t)len - 1; len > 0 && l < u; l++, u--) {
            Value t = e[l];
            e[l] = e[u];
            e[u] = t;
        }
        result = val_obj(o);
        goto out;
    }
    double middle = floor(len / 2);
    for (double lower = 0; lower != middle; lower++) {
        double upper = len - lower - 1;
        /* 5.c-h: lowerExists/upperExists, then the four cases */
        bool lower_exists = bi_array_has(vm, o, lower);
        if (lower_exists && (lv = bi_array_get(vm, o, lower)) == VAL_EXCEPTION)
            goto out;
        bool upper_exists = bi_array_has(vm, o, upper);
        if (upper_exists && (uv = bi_array_get(vm, o, upper)) == VAL_EXCEPTION)
            goto out;
        if (lower_exists && upper_exists) {
            if (!bi_array_set(vm, o, lower, uv) || !bi_array_set(vm, o, upper, lv))
                goto out;
        } else if (upper_exists) {
            if (!bi_array_set(vm, o, lower, uv) || !bi_array_delete(vm, o, upper))
                goto out;
        } else if (lower_exists) {
            if (!bi_array_delete(vm, o, lower) || !bi_array_set(vm, o, upper, lv))
                goto out;
        }
    }
    result = val_obj(o);
out:
    ROOTS_END();
    return result;
}

/* Array.prototype.fill(value [, start [, end]]) (#sec-array.prototype.fill) */
static NATIVE(array_fill) {
    Obj *o = bi_array_this(vm, this_val, NULL);
    if (!o)
        return VAL_EXCEPTION;
    ROOTS_BEGIN();
    Value result = VAL_EXCEPTION;
    gc_root_push_ptr(vm, &o);
    double len, rel, k, fin;
    if (!LengthOfArrayLike(vm, o, &len) || !ToIntegerOrInfinity(vm, ARG(1), &rel))
        goto out;
    k = bi_array_relative(rel, len);
    if (val_is_undefined(ARG(2)))
        rel = len;
    else if (!ToIntegerOrInfinity(vm, argv[2], &rel))
        goto out;
    fin = bi_array_relative(rel, len);
    for (; k < fin; k++)
        if (!bi_array_set(vm, o, k, ARG(0)))
            goto out;
    result = val_obj(o);
out:
    ROOTS_END();
    return result;
}

/* Array.prototype.copyWithin(target, start [, end]) (#sec-array.prototype.copywithin) */
static NATIVE(array_copy_within) {
    Obj *o = bi_array_this(vm, this_val, NULL);
    if (!o)
        return VAL_EXCEPTION;
    ROOTS_BEGIN();
    Value result = VAL_EXCEPTION, v = VAL_UNDEFINED;
    gc_root_push_ptr(vm, &o);
    gc_root_push(vm, &v);
    double len, rel, to, from, fin;
    if (!LengthOfArrayLike(vm, o, &len) || !ToIntegerOrInfinity(vm, ARG(0), &rel))
        goto out;
    to = bi_array_relative(rel, len);
    if (!ToIntegerOrInfinity(vm, ARG(1), &rel))
        goto out;
    from = bi_array_relative(rel, len);
    if (val_is_undefined(ARG(2)))
        rel = len;
    else if (!ToIntegerOrInfinity(vm, argv[2], &rel))
        goto out;
    fin = bi_array_relative(rel, len);
    /* 11. count = min(final - from, len - to) */
    double count = fin - from < len - to ? fin - from : len - to;
    double dir = 1;
    if (from < to && to < from + count) {
        dir = -1;
        from = from + count - 1;
        to = to + count - 1;
    }
    for (; count > 0; count--, from += dir, to += dir)
        if (!move_element(vm, o, from, to, &v))
            goto out;
    result = val_obj(o);
out:
    ROOTS_END();
    return result;
}

/* ==== toReversed, toSpliced, with (ES2023: change array by copy) ======================== */

enum { COPY_REVERSED, COPY_SPLICED, COPY_WITH };

/* Array.prototype.toReversed() (#sec-array.prototype.toreversed), toSpliced(start,
 * skipCount, ...items) (#sec-array.prototype.tospliced) and with(index, value)
 * (#sec-array.prototype.with), by magic. All three are one copy: A = ArrayCreate(newLen),
 * A[0, start) from O (toReversed: O read from its end), then the items, then O from
 * start + skip on. with(i, v) is the copy of toSpliced(i, 1, v): the same Gets in the
 * same order (every index but i, ascending). */
static NATIVE(array_change_by_copy) {
    int which = ctx->magic;
    Obj *o = bi_array_this(vm, this_val, NULL);
    if (!o)
        return VAL_EXCEPTION;
    ROOTS_BEGIN();
    Obj *a = NULL;
    Value result = VAL_EXCEPTION, v = VAL_UNDEFINED;
    gc_root_push_ptr(vm, &o);
    gc_root_push_ptr(vm, &a);
    gc_root_push(vm, &v);
    double len, rel = 0;
    if (!LengthOfArrayLike(vm, o, &len) ||
        (which != COPY_REVERSED && !ToIntegerOrInfinity(vm, ARG(0), &rel)))
        goto out;
    double start = len, skip = 0;
    Value with_value = ARG(1); /* held by the caller's argument list */
    const Value *items = NULL;
    int nitems = 0;
    if (which == COPY_SPLICED) {
        start = bi_array_relative(rel, len);
        nitems = argc > 2 ? argc - 2 : 0;
        items = nitems ? argv + 2 : NULL;
        if (argc == 1) {
            skip = len - start;
        } else if (argc > 1) {
            double sc;
            if (!ToIntegerOrInfinity(vm, argv[1], &sc))
                goto out;
            skip = sc < 0 ? 0 : sc > len - start ? len - start : sc;
        }
    } else if (which == COPY_WITH) {
        /* 4-5. actualIndex; RangeError when out of bounds */
        start = rel >= 0 ? rel : len + rel;
        if (start >= len || start < 0) {
            char nb[NUMCONV_DTOA_SIZE];
            NumberToString(rel, nb);
            vm_throw_range_error(vm, "Invalid index : %s", nb);
            goto out;
        }
        skip = 1;
        nitems = 1;
        items = &with_value;
    }
    /* toSpliced 12-13. newLen; TypeError past 2^53-1. Then A = ArrayCreate(newLen). */
    double new_len = len + nitems - skip;
    if (new_len > ARR_MAX_SAFE_INTEGER) {
        vm_throw_type_error(vm, "Invalid array length");
        goto out;
    }
    if (!(a = ArrayCreate(vm, new_len, NULL)))
        goto out;
    double i = 0, r = start + skip;
    for (; i < start; i++) {
        v = bi_array_get(vm, o, which == COPY_REVERSED ? len - i - 1 : i);
        if (v == VAL_EXCEPTION || !bi_array_create(vm, a, i, v))
            goto out;
    }
    for (int j = 0; j < nitems; j++, i++)
        if (!bi_array_create(vm, a, i, items[j]))
            goto out;
    for (; i < new_len; i++, r++) {
        v = bi_array_get(vm, o, r);
        if (v == VAL_EXCEPTION || !bi_array_create(vm, a, i, v))
            goto out;
    }
    result = val_obj(a);
out:
    ROOTS_END();
    return result;
}

/* ==== registration ===================================================================== */

/* Array.prototype in V8's property order; keys/entries/values (created by iterator.c
 * with %ArrayIteratorPrototype%) are moved to their place between the two halves. */
static const BuiltinEntry array_proto_head[] = {
    BI_METHOD("at", bi_array_at, 1),
    BI_METHOD("concat", array_concat, 1),
    BI_METHOD("copyWithin", array_copy_within, 2),
    BI_METHOD("fill", array_fill, 1),
    BI_METHOD("find", bi_array_find, 1),
    BI_METHOD("findIndex", bi_array_find_index, 1),
    BI_METHOD("findLast", bi_array_find_last, 1),
    BI_METHOD("findLastIndex", bi_array_find_last_index, 1),
    BI_METHOD("lastIndexOf", bi_array_last_index_of, 1),
    BI_METHOD("pop", array_pop, 0),
    BI_METHOD("push", array_push, 1),
    BI_METHOD("reverse", array_reverse, 0),
    BI_METHOD("shift", array_shift, 0),
    BI_METHOD("unshift", array_unshift, 1),
    BI_METHOD("slice", array_slice, 2),
    BI_METHOD("sort", bi_array_sort, 1),
    BI_METHOD("splice", array_splice, 2),
    BI_METHOD("includes", bi_array_includes, 1),
    BI_METHOD("indexOf", bi_array_index_of, 1),
    BI_METHOD_MAGIC("join", array_join, 1, 0),
};
static const BuiltinEntry array_proto_tail[] = {
    BI_METHOD("forEach", bi_array_for_each, 1),
    BI_METHOD("filter", bi_array_filter, 1),
    BI_METHOD("flat", bi_array_flat, 0),
    BI_METHOD("flatMap", bi_array_flat_map, 1),
    BI_METHOD("map", bi_array_map, 1),
    BI_METHOD("every", bi_array_every, 1),
    BI_METHOD("some", bi_array_some, 1),
    BI_METHOD("reduce", bi_array_reduce, 1),
    BI_METHOD("reduceRight", bi_array_reduce_right, 1),
    BI_METHOD_MAGIC("toLocaleString", array_join, 0, 1),
    BI_METHOD("toString", array_to_string, 0),
    BI_METHOD_MAGIC("toReversed", array_change_by_copy, 0, COPY_REVERSED),
    BI_METHOD("toSorted", bi_array_to_sorted, 1),
    BI_METHOD_MAGIC("toSpliced", array_change_by_copy, 2, COPY_SPLICED),
    BI_METHOD_MAGIC("with", array_change_by_copy, 2, COPY_WITH),
};
static const BuiltinEntry array_statics[] = {
    BI_METHOD("isArray", array_is_array, 1),
    BI_METHOD("from", array_from, 1),
    BI_METHOD("of", array_of, 0),
    BI_SYM_GETTER(ATOM_Symbol_species, array_species),
};
/* Array.prototype[@@unscopables] (#sec-array.prototype-@@unscopables) */
static const char *const unscopables[] = {
    "at", "copyWithin", "entries", "fill", "find", "findIndex", "findLast", "findLastIndex",
    "flat", "flatMap", "includes", "keys", "values", "toReversed", "toSorted", "toSpliced",
};

static void install_or_die(Vm *vm, bool ok, const char *what) {
    if (!ok)
        die(EXIT_INTERNAL, "cannot install %s", what);
    (void)vm;
}

/* The native function stored at proto[name]. */
static Obj *own_native(Vm *vm, Obj *proto, const char *name) {
    Prop *p = obj_find_own_prop(proto, atom_intern(vm, name));
    if (!p || (p->flags & PROP_ACCESSOR) || !val_is_object(p->u.value) ||
        val_as_obj(p->u.value)->kind != OBJ_NATIVE_FUNCTION)
        return NULL;
    return val_as_obj(p->u.value);
}

void bi_array_init(Vm *vm) {
    Obj *proto = realm_intrinsic(vm, INTR_ArrayPrototype); /* an Array (realm.c) */
    Obj *ctor = NULL, *moved = NULL, *o = NULL;
    gc_root_push_ptr(vm, &ctor);
    gc_root_push_ptr(vm, &moved);
    gc_root_push_ptr(vm, &o);
    /* Take keys/entries/values off, to put them back in V8's order. */
    static const char *const iter_names[] = {"keys", "entries", "values"};
    moved = obj_new_array(vm, 0);
    for (size_t i = 0; i < ARRAY_LEN(iter_names); i++) {
        Atom key = atom_intern(vm, iter_names[i]);
        Prop *p = obj_find_own_prop(proto, key);
        Value f = p && !(p->flags & PROP_ACCESSOR) ? p->u.value : VAL_UNDEFINED;
        bool deleted;
        install_or_die(vm, obj_array_push(vm, moved, f), "Array.prototype");
        install_or_die(vm, obj_delete(vm, proto, key, &deleted), "Array.prototype");
    }
    ctor = realm_new_ctor(vm, "Array", array_ctor, 1, proto, INTR_Array, INTR_ArrayPrototype);
    realm_define_entries(vm, ctor, array_statics, ARRAY_LEN(array_statics));
    realm_define_entries(vm, proto, array_proto_head, ARRAY_LEN(array_proto_head));
    for (uint32_t i = 0; i < ARRAY_LEN(iter_names); i++) {
        Value f = moved->u.array.elems[i];
        if (val_is_object(f))
            install_or_die(vm, obj_define_value(vm, proto, atom_intern(vm, iter_names[i]), f,
                                                PROP_BUILTIN),
                           "Array.prototype iterators");
    }
    realm_define_entries(vm, proto, array_proto_tail, ARRAY_LEN(array_proto_tail));
    /* join and toLocaleString share the stack of receivers being joined (cycles) */
    o = obj_new_array(vm, 0);
    Obj *join = own_native(vm, proto, "join"), *tls = own_native(vm, proto, "toLocaleString");
    if (join && tls)
        join->u.native.data[0] = tls->u.native.data[0] = val_obj(o);
    /* toString falls back on %Object.prototype.toString% */
    Obj *ts = own_native(vm, proto, "toString");
    Prop *ots = obj_find_own_prop(realm_intrinsic(vm, INTR_ObjectPrototype), ATOM_toString);
    if (ts && ots && !(ots->flags & PROP_ACCESSOR))
        ts->u.native.data[0] = ots->u.value;
    /* @@unscopables: a null-prototype object of true flags */
    o = obj_new(vm, NULL);
    for (size_t i = 0; i < ARRAY_LEN(unscopables); i++)
        install_or_die(vm, CreateDataProperty(vm, o, atom_intern(vm, unscopables[i]), VAL_TRUE),
                       "Array.prototype[Symbol.unscopables]");
    install_or_die(vm, obj_define_value(vm, proto, ATOM_Symbol_unscopables, val_obj(o),
                                        PROP_CONFIGURABLE),
                   "Array.prototype[Symbol.unscopables]");
    realm_define_global(vm, "Array", val_obj(ctor));
    gc_root_pop(vm, 3);
}
