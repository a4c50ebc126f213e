/* array_sort.c — Array.prototype.sort and Array.prototype.toSorted
 * (#sec-array.prototype.sort, #sec-array.prototype.tosorted), registered by array.c.
 *
 * SortIndexedProperties reads the elements into an internal array (a GC object, so the
 * values stay rooted while the comparator runs), undefined values are set apart (they
 * sort last and never reach the comparator, as CompareArrayElements says), and the rest
 * is sorted by a stable merge sort over a malloc'd permutation of indices: the values
 * never move during the sort, so nothing the comparator does can corrupt it, and an
 * inconsistent comparator still terminates. Without a comparator each value's string
 * is computed once, before sorting (ToString's calls are implementation-defined). A
 * throw from the comparator or from ToString abandons the sort and leaves the receiver
 * untouched. */
#include <stdlib.h>
#include <string.h>

#include "tracer/builtins/array_int.h"
#include "tracer/realm.h"
#include "tracer/str.h"

typedef struct {
    Vm *vm;
    Value comparefn; /* undefined: compare the strings */
    Obj *items;      /* the values being sorted (rooted by the caller) */
    Obj *keys;       /* their strings when comparefn is undefined, else NULL */
} SortCtx;

/* CompareArrayElements(x, y, comparefn) (#sec-comparearrayelements) for two values
 * that are not undefined: *out < 0 when x sorts first. False on a throw. */
static bool compare(SortCtx *c, uint32_t x, uint32_t y, double *out) {
    if (c->keys) {
        *out = str_compare(val_as_str(c->keys->u.array.elems[x]),
                           val_as_str(c->keys->u.array.elems[y]));
        return true;
    }
    Value args[2] = {c->items->u.array.elems[x], c->items->u.array.elems[y]};
    Value r = vm_call(c->vm, c->comparefn, VAL_UNDEFINED, 2, args);
    if (r == VAL_EXCEPTION)
        return false;
    double d;
    if (!ToNumber(c->vm, r, &d))
        return false;
    *out = d != d ? 0 : d;
    return true;
}

/* ---- V8's TimSort shape -------------------------------------------------------------
 * The runs, their minimum length and the binary insertion sort are V8's (third_party/
 * v8/builtins/array-sort.tq), comparisons in the same order with the same arguments:
 * below 64 elements the whole sort is CountAndMakeRun + BinaryInsertionSort, so even an
 * inconsistent comparator (the common `(a, b) => a > b`) gives node's result. Runs are
 * merged with a plain stable merge (V8 gallops), which differs only in how many times
 * the comparator is called on large arrays. */

/* ComputeMinRunLength */
static uint32_t min_run_length(uint32_t n) {
    uint32_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

/* CountAndMakeRun: the length of the run starting at low (reversed when strictly
 * descending), or 0 on a throw. */
static uint32_t count_and_make_run(SortCtx *c, uint32_t *a, uint32_t low, uint32_t high) {
    if (low + 1 == high)
        return 1;
    double order;
    if (!compare(c, a[low + 1], a[low], &order))
        return 0;
    bool descending = order < 0;
    uint32_t len = 2;
    for (uint32_t i = low + 2; i < high; i++, len++) {
        if (!compare(c, a[i], a[i - 1], &order))
            return 0;
        if (descending ? order >= 0 : order < 0)
            break;
    }
    if (descending)
        for (uint32_t l = low, h = low + len - 1; l < h; l++, h--) {
            uint32_t t = a[l];
            a[l] = a[h];
            a[h] = t;
        }
    return len;
}

/* BinaryInsertionSort: sorts a[low, high) where a[low, start) is already sorted. */
static bool binary_insertion_sort(SortCtx *c, uint32_t *a, uint32_t low, uint32_t start,
                                  uint32_t high) {
    if (start == low)
        start++;
    for (; start < high; start++) {
        uint32_t left = low, right = start, pivot = a[start];
        while (left < right) {
            uint32_t mid = left + ((right - left) >> 1);
            double order;
            if (!compare(c, pivot, a[mid], &order))
                return false;
            if (order < 0)
                right = mid;
            else
                left = mid + 1;
        }
        memmove(a + left + 1, a + left, (start - left) * sizeof *a);
        a[left] = pivot;
    }
    return true;
}

/* Merges the adjacent runs a[lo, mid) and a[mid, hi), stably. */
static bool merge_runs(SortCtx *c, uint32_t *a, uint32_t *tmp, uint32_t lo, uint32_t mid,
                       uint32_t hi) {
    uint32_t na = mid - lo;
    memcpy(tmp, a + lo, na * sizeof *a);
    uint32_t i = 0, j = mid, k = lo;
    while (i < na && j < hi) {
        double order;
        if (!compare(c, a[j], tmp[i], &order)) {
            memcpy(a + k, tmp + i, (na - i) * sizeof *a); /* keep a a permutation */
            return false;
        }
        a[k++] = order < 0 ? a[j++] : tmp[i++];
    }
    while (i < na)
        a[k++] = tmp[i++];
    return true;
}

typedef struct {
    uint32_t base, len;
} SortRun;

/* MergeAt(n): merges runs n and n+1 of the stack. */
static bool merge_at(SortCtx *c, uint32_t *a, uint32_t *tmp, SortRun *runs, uint32_t *nruns,
                     uint32_t n) {
    SortRun *r = &runs[n];
    if (!merge_runs(c, a, tmp, r->base, r[1].base, r[1].base + r[1].len))
        return false;
    r->len += r[1].len;
    memmove(r + 1, r + 2, (*nruns - n - 2) * sizeof *r);
    (*nruns)--;
    return true;
}

/* Sorts idx[0, n) stably (ArrayTimSortImpl), using tmp[0, n). False on a throw. */
static bool tim_sort(SortCtx *c, uint32_t *a, uint32_t *tmp, uint32_t n) {
    if (n < 2)
        return true;
    SortRun runs[64];
    uint32_t nruns = 0, low = 0, remaining = n, min_run = min_run_length(n);
    while (remaining) {
        uint32_t len = count_and_make_run(c, a, low, low + remaining);
        if (len == 0)
            return false;
        if (len < min_run) {
            uint32_t forced = min_run < remaining ? min_run : remaining;
            if (!binary_insertion_sort(c, a, low, low + len, low + forced))
                return false;
            len = forced;
        }
        runs[nruns++] = (SortRun){low, len};
        /* MergeCollapse: keep the run lengths decreasing like Fibonacci numbers */
        while (nruns > 1) {
            uint32_t m = nruns - 2;
            bool broken = (m + 1 >= 2 && runs[m - 1].len <= runs[m].len + runs[m + 1].len) ||
                          (m >= 2 && runs[m - 2].len <= runs[m - 1].len + runs[m].len);
            if (broken) {
                if (runs[m - 1].len < runs[m + 1].len)
                    m--;
            } else if (runs[m].len > runs[m + 1].len) {
                break;
            }
            if (!merge_at(c, a, tmp, runs, &nruns, m))
                return false;
        }
        low += len;
        remaining -= len;
    }
    /* MergeForceCollapse */
    while (nruns > 1) {
        uint32_t m = nruns - 2;
        if (m > 0 && runs[m - 1].len < runs[m + 1].len)
            m--;
        if (!merge_at(c, a, tmp, runs, &nruns, m))
            return false;
    }
    return true;
}

/* SortIndexedProperties(obj, len, SortCompare, holes) (#sec-sortindexedproperties):
 * the sorted values in a new internal array (*out), undefined values last. skip_holes:
 * absent indices are left out (sort) rather than read as undefined (toSorted). */
static bool SortIndexedProperties(Vm *vm, Obj *o, double len, Value comparefn,
                                  bool skip_holes, Obj **out) {
    ROOTS_BEGIN();
    bool ok = false;
    Obj *items = NULL, *keys = NULL, *sorted = NULL;
    Value v = VAL_UNDEFINED;
    uint32_t *idx = NULL, *tmp = NULL;
    gc_root_push_ptr(vm, &o);
    gc_root_push_ptr(vm, &items);
    gc_root_push_ptr(vm, &keys);
    gc_root_push_ptr(vm, &sorted);
    gc_root_push(vm, &v);
    /* 1-3. Read the elements (undefined ones are only counted). */
    items = obj_new_array(vm, 0);
    double undefs = 0;
    for (double k = 0; k < len; k++) {
        int present;
        if (skip_holes) {
            present = bi_array_get_present(vm, o, k, &v);
        } else {
            v = bi_array_get(vm, o, k);
            present = v == VAL_EXCEPTION ? -1 : 1;
        }
        if (present < 0)
            goto out;
        if (!present)
            continue;
        if (val_is_undefined(v))
            undefs++;
        else if (!obj_array_push(vm, items, v))
            goto out;
    }
    if (!obj_array_is_dense(items)) { /* more than 2^28 values */
        vm_throw_range_error(vm, "Invalid array length");
        goto out;
    }
    uint32_t n = items->u.array.len;
    if (val_is_undefined(comparefn)) {
        keys = obj_new_array(vm, 0);
        for (uint32_t i = 0; i < n; i++) {
            ObjString *s = ToString(vm, items->u.array.elems[i]);
            if (!s || !obj_array_push(vm, keys, val_str(s)))
                goto out;
        }
    }
    /* 4. Sort the indices. */
    idx = xmalloc(((size_t)n + 1) * sizeof *idx);
    tmp = xmalloc(((size_t)n + 1) * sizeof *tmp);
    for (uint32_t i = 0; i < n; i++)
        idx[i] = i;
    SortCtx c = {vm, comparefn, items, keys};
    if (!tim_sort(&c, idx, tmp, n))
        goto out;
    /* 5. The sorted list, then the undefined values. */
    sorted = obj_new_array(vm, 0);
    for (uint32_t i = 0; i < n; i++)
        if (!obj_array_push(vm, sorted, items->u.array.elems[idx[i]]))
            goto out;
    for (double i = 0; i < undefs; i++)
        if (!obj_array_push(vm, sorted, VAL_UNDEFINED))
            goto out;
    *out = sorted;
    ok = true;
out:
    free(idx);
    free(tmp);
    ROOTS_END();
    return ok;
}

/* Deletes the indices [from, len) of o in ascending order (sort's step 10: the holes
 * collected at the end). Only own indexed properties can fail or matter, so an array's
 * are looked up instead of walking a long empty range. */
static bool delete_tail(Vm *vm, Obj *o, double from, double len) {
    if (o->kind == OBJ_ARRAY && !(o->flags & OBJF_SPARSE)) {
        double end = o->u.array.dense < len ? o->u.array.dense : len;
        for (double j = from; j < end; j++)
            if (!bi_array_delete(vm, o, j))
                return false;
        return true;
    }
    if (o->kind == OBJ_ARRAY) {
        uint32_t n;
        Atom *ks = obj_own_keys_atoms(vm, o, OWNKEYS_STRINGS, &n);
        uint32_t *ids = xmalloc(((size_t)n + 1) * sizeof *ids), m = 0;
        for (uint32_t i = 0; i < n; i++)
            if (atom_is_int(ks[i]) && atom_int_value(ks[i]) >= from)
                ids[m++] = atom_int_value(ks[i]); /* ascending: OwnPropertyKeys order */
        free(ks);
        bool ok = true;
        for (uint32_t i = 0; i < m && ok; i++)
            ok = bi_array_delete(vm, o, ids[i]);
        free(ids);
        return ok;
    }
    for (double j = from; j < len; j++)
        if (!bi_array_delete(vm, o, j))
            return false;
    return true;
}

static Value throw_bad_comparefn(Vm *vm) {
    return vm_throw_type_error(vm, "The comparison function must be either a function or "
                                   "undefined");
}

/* Array.prototype.sort(comparefn) (#sec-array.prototype.sort) */
NATIVE(bi_array_sort) {
    /* 1. If comparefn is not undefined and IsCallable(comparefn) is false, throw. */
    Value comparefn = ARG(0);
    if (!val_is_undefined(comparefn) && !IsCallable(comparefn))
        return throw_bad_comparefn(vm);
    Obj *o = bi_array_this(vm, this_val, NULL);
    if (!o)
        return VAL_EXCEPTION;
    ROOTS_BEGIN();
    Obj *sorted = NULL;
    Value result = VAL_EXCEPTION;
    gc_root_push_ptr(vm, &o);
    gc_root_push_ptr(vm, &sorted);
    double len;
    if (!LengthOfArrayLike(vm, o, &len))
        goto out;
    if (len < 2) { /* V8 returns at once: nothing is read or written back */
        result = val_obj(o);
        goto out;
    }
    if (!SortIndexedProperties(vm, o, len, comparefn, true, &sorted))
        goto out;
    /* 7-10. Write the sorted values back, then delete what the holes leave. */
    uint32_t count = sorted->u.array.len;
    for (uint32_t j = 0; j < count; j++)
        if (!bi_array_set(vm, o, j, sorted->u.array.elems[j]))
            goto out;
    if (!delete_tail(vm, o, count, len))
        goto out;
    result = val_obj(o);
out:
    ROOTS_END();
    return result;
}

/* Array.prototype.toSorted(comparefn) (#sec-array.prototype.tosorted) */
NATIVE(bi_array_to_sorted) {
    Value comparefn = ARG(0);
    if (!val_is_undefined(comparefn) && !IsCallable(comparefn))
        return throw_bad_comparefn(vm);
    Obj *o = bi_array_this(vm, this_val, NULL);
    if (!o)
        return VAL_EXCEPTION;
    ROOTS_BEGIN();
    Obj *a = NULL, *sorted = NULL;
    Value result = VAL_EXCEPTION;
    gc_root_push_ptr(vm, &o);
    gc_root_push_ptr(vm, &a);
    gc_root_push_ptr(vm, &sorted);
    double len;
    if (!LengthOfArrayLike(vm, o, &len) || !(a = ArrayCreate(vm, len, NULL)) ||
        !SortIndexedProperties(vm, o, len, comparefn, false, &sorted))
        goto out;
    for (uint32_t j = 0; j < sorted->u.array.len; j++)
        if (!bi_array_create(vm, a, j, sorted->u.array.elems[j]))
            goto out;
    result = val_obj(a);
out:
    ROOTS_END();
    return result;
}
