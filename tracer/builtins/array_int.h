/* array_int.h — what the files of the Array built-in share (array.c: the constructor,
 * Array.from/of/isArray, the mutating and copying methods and the registration table;
 * array_iter.c: the methods that take a callback or search; array_sort.c: sort and
 * toSorted). Not for other modules.
 *
 * Every method is generic over array-likes as ECMA-262 specifies (ToObject, then
 * LengthOfArrayLike, then property operations by index, where an index may reach
 * 2^53-1 and so is not always an int atom). The helpers below take the index as a
 * double and do the spec's HasProperty / Get / Set / CreateDataPropertyOrThrow /
 * DeletePropertyOrThrow on it. A dense array is read directly (fast_elem) only where
 * that is unobservable: an own present element is a plain data property, so reading it
 * runs no JS; a hole always takes the slow path, which consults the prototype chain.
 *
 * GC: every helper may allocate (a large index interns its key; a getter may run), so
 * the caller roots the objects it passes and holds. Failures return VAL_EXCEPTION /
 * false / NULL with the exception pending (STYLE R10). */
#ifndef TICKSCOPE_BUILTINS_ARRAY_INT_H
#define TICKSCOPE_BUILTINS_ARRAY_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "common/strbuf.h"
#include "tracer/function.h"
#include "tracer/object.h"
#include "tracer/value.h"

#define ARR_MAX_SAFE_INTEGER 9007199254740991.0 /* 2^53-1 */
#define ARR_MAX_LENGTH 4294967295.0             /* 2^32-1 */
#define ARR_MAX_STRING_LEN 0x1fffffe8u          /* V8's String::kMaxLength */

/* Roots pushed in a function are all popped at its single exit (LIFO is kept: nothing
 * pushed by a callee survives the callee). */
#define ROOTS_BEGIN() const size_t roots_base_ = gc_root_depth(vm)
#define ROOTS_END() gc_root_pop(vm, gc_root_depth(vm) - roots_base_)

/* The element k of o when it is an own element in the dense store (no JS can run). */
static inline bool fast_elem(const Obj *o, double k, Value *out) {
    if ((o->kind == OBJ_ARRAY || o->kind == OBJ_ARGUMENTS) && k < o->u.array.dense) {
        Value v = o->u.array.elems[(uint32_t)k];
        if (v != VAL_EMPTY) {
            *out = v;
            return true;
        }
    }
    return false;
}

/* ---- property operations by index (array.c) ----------------------------------------- */

/* The property key ToString(k) for an integral 0 <= k < 2^53. Valid until the next
 * allocation when k > 2^31-2 (an interned string): use it at once. */
Atom bi_array_key(Vm *vm, double k);
/* HasProperty(o, k): never throws, but may allocate. */
bool bi_array_has(Vm *vm, Obj *o, double k);
/* Get(o, k): VAL_EXCEPTION on a throw. */
Value bi_array_get(Vm *vm, Obj *o, double k);
/* HasProperty then Get: 1 present (*out set), 0 absent, -1 thrown. */
int bi_array_get_present(Vm *vm, Obj *o, double k, Value *out) WARN_UNUSED;
/* Set(o, k, v, true). */
bool bi_array_set(Vm *vm, Obj *o, double k, Value v) WARN_UNUSED;
/* CreateDataPropertyOrThrow(o, k, v). */
bool bi_array_create(Vm *vm, Obj *o, double k, Value v) WARN_UNUSED;
/* DeletePropertyOrThrow(o, k): "Cannot delete property 'k' of [object Array]". */
bool bi_array_delete(Vm *vm, Obj *o, double k) WARN_UNUSED;
/* Set(o, "length", len, true). */
bool bi_array_set_length(Vm *vm, Obj *o, double len) WARN_UNUSED;

/* ---- conversions and messages (array.c) --------------------------------------------- */

/* ToObject(this) for Array.prototype methods. V8 words the null/undefined failure in two
 * ways: with method != NULL "Array.prototype.<method> called on null or undefined",
 * else "Cannot convert undefined or null to object". */
Obj *bi_array_this(Vm *vm, Value this_val, const char *method) WARN_UNUSED;
/* Throws TypeError "<value> is not a function" (the callback checks). */
Value bi_array_throw_not_callable(Vm *vm, Value v);
/* relative index (ToIntegerOrInfinity already applied) resolved against len, clamped to
 * [0, len] (the start/end arguments of slice, splice, fill, copyWithin...). */
double bi_array_relative(double rel, double len);

/* ---- spec operations ---------------------------------------------------------------- */

/* ArrayCreate(length, proto) (#sec-arraycreate); proto NULL = %Array.prototype%.
 * RangeError "Invalid array length" above 2^32-1. The array has no elements. */
Obj *ArrayCreate(Vm *vm, double length, Obj *proto) WARN_UNUSED;
/* ArraySpeciesCreate(originalArray, length) (#sec-arrayspeciescreate). */
Obj *ArraySpeciesCreate(Vm *vm, Obj *original, double length) WARN_UNUSED;

/* ---- the methods, registered by array.c -------------------------------------------- */

NativeFn bi_array_at, bi_array_index_of, bi_array_last_index_of, bi_array_includes;
NativeFn bi_array_find, bi_array_find_index, bi_array_find_last, bi_array_find_last_index;
NativeFn bi_array_for_each, bi_array_map, bi_array_filter, bi_array_some, bi_array_every;
NativeFn bi_array_reduce, bi_array_reduce_right, bi_array_flat, bi_array_flat_map;
NativeFn bi_array_sort, bi_array_to_sorted;

#endif
