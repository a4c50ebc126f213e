/* array_iter.c — the Array.prototype methods that search or call back for each element
 * (ecma262 #sec-properties-of-the-array-prototype-object): at, indexOf, lastIndexOf,
 * includes, find, findIndex, findLast, findLastIndex, forEach, map, filter, some, every,
 * reduce, reduceRight, flat and flatMap. Registered by array.c (array_int.h).
 *
 * The loops follow the spec over array-likes: HasProperty then Get for each index (or
 * Get alone where the spec says so: includes, the find family), re-checked at every
 * step because a callback may change the receiver. A present element of a dense array
 * is read straight from the element store (fast_elem); holes take the slow path. */
#include <math.h>

#include "tracer/builtins/array_int.h"
#include "tracer/realm.h"
#include "tracer/str.h"

/* How deep FlattenIntoArray may nest before V8's stack overflow error. */
#define FLATTEN_MAX_DEPTH 4000

/* ==== at, indexOf, lastIndexOf, includes =============================================== */

/* Array.prototype.at(index) (#sec-array.prototype.at) */
NATIVE(bi_array_at) {
    Obj *o = bi_array_this(vm, this_val, NULL);
    if (!o)
        return VAL_EXCEPTION;
    gc_root_push_ptr(vm, &o);
    Value result = VAL_EXCEPTION;
    double len, rel;
    if (LengthOfArrayLike(vm, o, &len) && ToIntegerOrInfinity(vm, ARG(0), &rel)) {
        double k = rel >= 0 ? rel : len + rel;
        result = k < 0 || k >= len ? VAL_UNDEFINED : bi_array_get(vm, o, k);
    }
    gc_root_pop(vm, 1);
    return result;
}

/* The search loop of indexOf and lastIndexOf (#sec-array.prototype.indexof step 10,
 * #sec-array.prototype.lastindexof step 8): from k, by dir (+1 or -1) while
 * 0 <= k < len, the index of the first present element strictly equal to target, else
 * -1; VAL_EXCEPTION when a HasProperty or Get threw. target must be rooted. */
static Value index_scan(Vm *vm, Obj *o, double k, double len, int dir, Value target) {
    for (; k >= 0 && k < len; k += dir) {
        Value v;
        int present = bi_array_get_present(vm, o, k, &v);
        if (present < 0)
            return VAL_EXCEPTION;
        if (present && IsStrictlyEqual(v, target))
            return val_number(k);
    }
    return val_number(-1);
}

/* Array.prototype.indexOf(searchElement [, fromIndex]) (#sec-array.prototype.indexof) */
NATIVE(bi_array_index_of) {
    Obj *o = bi_array_this(vm, this_val, "indexOf");
    if (!o)
        return VAL_EXCEPTION;
    ROOTS_BEGIN();
    gc_root_push_ptr(vm, &o);
    Value result = VAL_EXCEPTION;
    double len, n;
    if (!LengthOfArrayLike(vm, o, &len))
        goto out;
    result = val_number(-1);
    if (len == 0)
        goto out;
    result = VAL_EXCEPTION;
    if (!ToIntegerOrInfinity(vm, ARG(1), &n))
        goto out;
    result = val_number(-1);
    if (n == INFINITY)
        goto out;
    result = index_scan(vm, o, n >= 0 ? n : (len + n > 0 ? len + n : 0), len, 1, ARG(0));
out:
    ROOTS_END();
    return result;
}

/* Array.prototype.lastIndexOf(searchElement [, fromIndex])
 * (#sec-array.prototype.lastindexof) */
NATIVE(bi_array_last_index_of) {
    Obj *o = bi_array_this(vm, this_val, NULL);
    if (!o)
        return VAL_EXCEPTION;
    ROOTS_BEGIN();
    gc_root_push_ptr(vm, &o);
    Value result = VAL_EXCEPTION;
    double len, n;
    if (!LengthOfArrayLike(vm, o, &len))
        goto out;
    result = val_number(-1);
    if (len == 0)
        goto out;
    result = VAL_EXCEPTION;
    if (argc > 1) {
        if (!ToIntegerOrInfinity(vm, argv[1], &n))
            goto out;
    } else {
        n = len - 1;
    }
    result = val_number(-1);
    if (n == -INFINITY)
        goto out;
    result = index_scan(vm, o, n >= 0 ? (n < len - 1 ? n : len - 1) : len + n, len, -1, ARG(0));
out:
    ROOTS_END();
    return result;
}

/* Array.prototype.includes(searchElement [, fromIndex]) (#sec-array.prototype.includes) */
NATIVE(bi_array_includes) {
    Obj *o = bi_array_this(vm, this_val, NULL);
    if (!o)
        return VAL_EXCEPTION;
    ROOTS_BEGIN();
    gc_root_push_ptr(vm, &o);
    Value result = VAL_EXCEPTION;
    double len, n;
    if (!LengthOfArrayLike(vm, o, &len))
        goto out;
    result = VAL_FALSE;
    if (len == 0)
        goto out;
    result = VAL_EXCEPTION;
    if (!ToIntegerOrInfinity(vm, ARG(1), &n))
        goto out;
    result = VAL_FALSE;
    if (n == INFINITY)
        goto out;
    for (double k = n >= 0 ? n : (len + n > 0 ? len + n : 0); k < len; k++) {
        Value v = bi_array_get(vm, o, k);
        if (v == VAL_EXCEPTION) {
            result = VAL_EXCEPTION;
            goto out;
        }
        if (SameValueZero(v, ARG(0))) {
            result = VAL_TRUE;
            goto out;
        }
    }
out:
    ROOTS_END();
    return result;
}

/* ==== find, findIndex, findLast, findLastIndex ========================================= */

enum { FIND_VALUE = 0, FIND_INDEX = 1 };

/* FindViaPredicate(O, len, direction, predicate, thisArg) (#sec-findviapredicate) */
static Value find_via_predicate(Vm *vm, Value this_val, int argc, const Value *argv,
                                const char *method, bool descending, int want) {
    Obj *o = bi_array_this(vm, this_val, method);
    if (!o)
        return VAL_EXCEPTION;
    ROOTS_BEGIN();
    gc_root_push_ptr(vm, &o);
    Value result = VAL_EXCEPTION, v = VAL_UNDEFINED;
    gc_root_push(vm, &v);
    double len;
    if (!LengthOfArrayLike(vm, o, &len))
        goto out;
    Value pred = ARG(0);
    if (!IsCallable(pred)) {
        bi_array_throw_not_callable(vm, pred);
        goto out;
    }
    for (double i = 0; i < len; i++) {
        double k = descending ? len - 1 - i : i;
        if ((v = bi_array_get(vm, o, k)) == VAL_EXCEPTION)
            goto out;
        Value args[3] = {v, val_number(k), val_obj(o)};
        Value t = vm_call(vm, pred, ARG(1), 3, args);
        if (t == VAL_EXCEPTION)
            goto out;
        if (ToBoolean(t)) {
            result = want == FIND_VALUE ? v : val_number(k);
            goto out;
        }
    }
    result = want == FIND_VALUE ? VAL_UNDEFINED : val_number(-1);
out:
    ROOTS_END();
    return result;
}

NATIVE(bi_array_find) {
    return find_via_predicate(vm, this_val, argc, argv, "find", false, FIND_VALUE);
}
NATIVE(bi_array_find_index) {
    return find_via_predicate(vm, this_val, argc, argv, "findIndex", false, FIND_INDEX);
}
NATIVE(bi_array_find_last) {
    return find_via_predicate(vm, this_val, argc, argv, "findLast", true, FIND_VALUE);
}
NATIVE(bi_array_find_last_index) {
    return find_via_predicate(vm, this_val, argc, argv, "findLastIndex", true, FIND_INDEX);
}

/* ==== forEach, map, filter, some, every ================================================= */

enum { EACH_FOR_EACH, EACH_MAP, EACH_FILTER, EACH_SOME, EACH_EVERY };

static const char *const each_names[] = {"forEach", "map", "filter", "some", "every"};

/* The five methods that call back for each present element, in one loop:
 * #sec-array.prototype.foreach, #sec-array.prototype.map, #sec-array.prototype.filter,
 * #sec-array.prototype.some, #sec-array.prototype.every. */
static Value for_each_element(Vm *vm, Value this_val, int argc, const Value *argv, int what) {
    Obj *o = bi_array_this(vm, this_val, each_names[what]);
    if (!o)
        return VAL_EXCEPTION;
    ROOTS_BEGIN();
    Obj *a = NULL;
    Value result = VAL_EXCEPTION, v = VAL_UNDEFINED;
    gc_root_push_ptr(vm, &o);
    gc_root_push_ptr(vm, &a);
    gc_root_push(vm, &v);
    double len, to = 0;
    if (!LengthOfArrayLike(vm, o, &len))
        goto out;
    Value fn = ARG(0), this_arg = ARG(1);
    if (!IsCallable(fn)) {
        bi_array_throw_not_callable(vm, fn);
        goto out;
    }
    /* map: A = ArraySpeciesCreate(O, len); filter: ArraySpeciesCreate(O, 0) */
    if (what == EACH_MAP || what == EACH_FILTER)
        if (!(a = ArraySpeciesCreate(vm, o, what == EACH_MAP ? len : 0)))
            goto out;
    for (double k = 0; k < len; k++) {
        int present = bi_array_get_present(vm, o, k, &v);
        if (present < 0)
            goto out;
        if (!present)
            continue;
        Value args[3] = {v, val_number(k), val_obj(o)};
        Value r = vm_call(vm, fn, this_arg, 3, args);
        if (r == VAL_EXCEPTION)
            goto out;
        switch (what) {
        case EACH_MAP:
            if (!bi_array_create(vm, a, k, r))
                goto out;
            break;
        case EACH_FILTER:
            if (ToBoolean(r) && !bi_array_create(vm, a, to++, v))
                goto out;
            break;
        case EACH_SOME:
            if (ToBoolean(r)) {
                result = VAL_TRUE;
                goto out;
            }
            break;
        case EACH_EVERY:
            if (!ToBoolean(r)) {
                result = VAL_FALSE;
                goto out;
            }
            break;
        default:
            break;
        }
    }
    switch (what) {
    case EACH_MAP:
    case EACH_FILTER: result = val_obj(a); break;
    case EACH_SOME: result = VAL_FALSE; break;
    case EACH_EVERY: result = VAL_TRUE; break;
    default: result = VAL_UNDEFINED; break;
    }
out:
    ROOTS_END();
    return result;
}

NATIVE(bi_array_for_each) {
    return for_each_element(vm, this_val, argc, argv, EACH_FOR_EACH);
}
NATIVE(bi_array_map) {
    return for_each_element(vm, this_val, argc, argv, EACH_MAP);
}
NATIVE(bi_array_filter) {
    return for_each_element(vm, this_val, argc, argv, EACH_FILTER);
}
NATIVE(bi_array_some) {
    return for_each_element(vm, this_val, argc, argv, EACH_SOME);
}
NATIVE(bi_array_every) {
    return for_each_element(vm, this_val, argc, argv, EACH_EVERY);
}

/* ==== reduce, reduceRight =============================================================== */

/* #sec-array.prototype.reduce and #sec-array.prototype.reduceright */
static Value reduce(Vm *vm, Value this_val, int argc, const Value *argv, bool right) {
    Obj *o = bi_array_this(vm, this_val, right ? "reduceRight" : "reduce");
    if (!o)
        return VAL_EXCEPTION;
    ROOTS_BEGIN();
    Value result = VAL_EXCEPTION, acc = VAL_UNDEFINED, v = VAL_UNDEFINED;
    gc_root_push_ptr(vm, &o);
    gc_root_push(vm, &acc);
    gc_root_push(vm, &v);
    double len;
    if (!LengthOfArrayLike(vm, o, &len))
        goto out;
    Value fn = ARG(0);
    if (!IsCallable(fn)) {
        bi_array_throw_not_callable(vm, fn);
        goto out;
    }
    double i = 0; /* steps taken: k = i, or len - 1 - i for reduceRight */
#define INDEX(i) (right ? len - 1 - (i) : (i))
    if (argc >= 2) {
        acc = argv[1];
    } else {
        /* 8-9. The first present element is the initial accumulator. */
        int present = 0;
        for (; !present && i < len; i++)
            if ((present = bi_array_get_present(vm, o, INDEX(i), &acc)) < 0)
                goto out;
        if (!present) {
            vm_throw_type_error(vm, "Reduce of empty array with no initial value");
            goto out;
        }
    }
    for (; i < len; i++) {
        double k = INDEX(i);
        int present = bi_array_get_present(vm, o, k, &v);
        if (present < 0)
            goto out;
        if (!present)
            continue;
        Value args[4] = {acc, v, val_number(k), val_obj(o)};
        acc = vm_call(vm, fn, VAL_UNDEFINED, 4, args);
        if (acc == VAL_EXCEPTION)
            goto out;
    }
#undef INDEX
    result = acc;
out:
    ROOTS_END();
    return result;
}

NATIVE(bi_array_reduce) {
    return reduce(vm, this_val, argc, argv, false);
}
NATIVE(bi_array_reduce_right) {
    return reduce(vm, this_val, argc, argv, true);
}

/* ==== flat, flatMap ===================================================================== */

/* FlattenIntoArray(target, source, sourceLen, start, depth [, mapper, thisArg])
 * (#sec-flattenintoarray): the next target index, or -1 on a throw. nesting counts the
 * C recursion, which V8 reports as a stack overflow on a cyclic array. */
static double FlattenIntoArray(Vm *vm, Obj *target, Obj *source, double source_len,
                               double start, double depth, Value mapper, Value this_arg,
                               int nesting) {
    if (nesting > FLATTEN_MAX_DEPTH) {
        vm_throw_range_error(vm, "Maximum call stack size exceeded");
        return -1;
    }
    ROOTS_BEGIN();
    Value v = VAL_UNDEFINED;
    gc_root_push_ptr(vm, &target);
    gc_root_push_ptr(vm, &source);
    gc_root_push(vm, &v);
    double target_index = start;
    for (double k = 0; k < source_len; k++) {
        int present = bi_array_get_present(vm, source, k, &v);
        if (present < 0)
            goto fail;
        if (!present)
            continue;
        if (!val_is_undefined(mapper)) {
            Value args[3] = {v, val_number(k), val_obj(source)};
            if ((v = vm_call(vm, mapper, this_arg, 3, args)) == VAL_EXCEPTION)
                goto fail;
        }
        if (depth > 0 && IsArray(v)) {
            double elen;
            if (!LengthOfArrayLike(vm, val_as_obj(v), &elen))
                goto fail;
            target_index = FlattenIntoArray(vm, target, val_as_obj(v), elen, target_index,
                                            depth - 1, VAL_UNDEFINED, VAL_UNDEFINED,
                                            nesting + 1);
            if (target_index < 0)
                goto fail;
        } else {
            if (target_index >= ARR_MAX_SAFE_INTEGER) {
                vm_throw_type_error(vm, "Invalid array length");
                goto fail;
            }
            if (!bi_array_create(vm, target, target_index, v))
                goto fail;
            target_index++;
        }
    }
    ROOTS_END();
    return target_index;
fail:
    ROOTS_END();
    return -1;
}

/* Array.prototype.flat([depth]) (#sec-array.prototype.flat) */
NATIVE(bi_array_flat) {
    Obj *o = bi_array_this(vm, this_val, NULL);
    if (!o)
        return VAL_EXCEPTION;
    ROOTS_BEGIN();
    Obj *a = NULL;
    Value result = VAL_EXCEPTION;
    gc_root_push_ptr(vm, &o);
    gc_root_push_ptr(vm, &a);
    double len, depth = 1;
    if (!LengthOfArrayLike(vm, o, &len))
        goto out;
    if (!val_is_undefined(ARG(0))) {
        if (!ToIntegerOrInfinity(vm, argv[0], &depth))
            goto out;
        if (depth < 0)
            depth = 0;
    }
    if (!(a = ArraySpeciesCreate(vm, o, 0)))
        goto out;
    if (FlattenIntoArray(vm, a, o, len, 0, depth, VAL_UNDEFINED, VAL_UNDEFINED, 0) < 0)
        goto out;
    result = val_obj(a);
out:
    ROOTS_END();
    return result;
}

/* Array.prototype.flatMap(mapperFunction [, thisArg]) (#sec-array.prototype.flatmap) */
NATIVE(bi_array_flat_map) {
    Obj *o = bi_array_this(vm, this_val, NULL);
    if (!o)
        return VAL_EXCEPTION;
    ROOTS_BEGIN();
    Obj *a = NULL;
    Value result = VAL_EXCEPTION;
    gc_root_push_ptr(vm, &o);
    gc_root_push_ptr(vm, &a);
    double len;
    if (!LengthOfArrayLike(vm, o, &len))
        goto out;
    if (!IsCallable(ARG(0))) {
        vm_throw_type_error(vm, "flatMap mapper function is not callable");
        goto out;
    }
    if (!(a = ArraySpeciesCreate(vm, o, 0)))
        goto out;
    if (FlattenIntoArray(vm, a, o, len, 0, 1, argv[0], ARG(1), 0) < 0)
        goto out;
    result = val_obj(a);
out:
    ROOTS_END();
    return result;
}
