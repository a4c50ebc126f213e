/* builtins/mapset.c — Map, Set, WeakMap and WeakSet (ecma262 #sec-keyed-collections)
 * and the Map and Set iterators (%MapIteratorPrototype%, %SetIteratorPrototype%).
 *
 * Storage. Every collection owns one MsTable: an array of entries in insertion order
 * (the spec's [[MapData]] list) plus chained hash buckets over it. Keys are compared with
 * SameValueZero after -0 is normalised to +0. Hashes come from the value's content
 * (numbers by their bits, strings by str_hash, symbols by their atom), and objects by
 * their identity hash (obj_identity_hash, object.h), never by address: bucket placement,
 * like everything else here, is the same from run to run (STYLE R22).
 *
 * Live iteration. Deleting an entry only marks it empty (key = VAL_EMPTY), exactly as the
 * spec's list semantics describe, so an iterator's position (an index) stays valid and
 * new entries appended behind it are still visited. Empty entries are squeezed out
 * ("compaction") only while no walker is active: a walker is an unfinished iterator or a
 * running forEach. The table is shared by the collection and its iterators and is freed
 * when the collection has been finalized and no iterator refers to it any more (both may
 * be swept in the same collection, in either order).
 *
 * Weakness. WeakMap and WeakSet tables are ephemeron tables (gc.h, "weak containers"):
 * their mark hook marks nothing; ms_mark_weak marks the value of each entry whose key is
 * marked, and ms_sweep_weak empties the entries whose key dies, in the collection that
 * frees the key. */
#include "tracer/builtins/mapset.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/vm.h"

/* ==== the table =========================================================================== */

typedef struct {
    Value key;   /* VAL_EMPTY once deleted */
    Value value; /* Map/WeakMap: the value; sets: undefined */
    uint32_t hash;
    uint32_t chain; /* the next entry of the same bucket, as index + 1; 0 ends the chain */
} MsEntry;

typedef struct {
    MsEntry *entries; /* insertion order; deleted entries stay until compaction */
    uint32_t used;    /* entries[0, used) are live or deleted */
    uint32_t cap;
    uint32_t size;     /* live entries */
    uint32_t *buckets; /* nbuckets chain heads (index + 1) */
    uint32_t nbuckets; /* a power of two equal to cap, or 0 */
    uint32_t walkers;  /* unfinished iterators + running forEach loops */
    bool owner_alive;  /* the collection object has not been finalized */
    size_t accounted;  /* bytes reported with gc_account */
} MsTable;

#define MS_MIN_CAP 8u

static void ms_account(Vm *vm, MsTable *t) {
    size_t now =
        sizeof(MsTable) + (size_t)t->cap * sizeof(MsEntry) + (size_t)t->nbuckets * sizeof(uint32_t);
    gc_account(vm, (ptrdiff_t)now - (ptrdiff_t)t->accounted);
    t->accounted = now;
}

static MsTable *ms_table_new(Vm *vm) {
    MsTable *t = xcalloc(1, sizeof(MsTable));
    t->owner_alive = true;
    ms_account(vm, t);
    return t;
}

/* Frees t once neither its collection nor any iterator uses it. */
static void ms_table_release(Vm *vm, MsTable *t) {
    if (t->owner_alive || t->walkers > 0)
        return;
    gc_account(vm, -(ptrdiff_t)t->accounted);
    free(t->entries);
    free(t->buckets);
    free(t);
}

/* Rebuilds every chain from the live entries. */
static void ms_rehash(MsTable *t) {
    if (t->nbuckets)
        memset(t->buckets, 0, t->nbuckets * sizeof(uint32_t));
    uint32_t mask = t->nbuckets - 1;
    for (uint32_t i = 0; i < t->used; i++) {
        MsEntry *e = &t->entries[i];
        if (e->key == VAL_EMPTY)
            continue;
        uint32_t b = e->hash & mask;
        e->chain = t->buckets[b];
        t->buckets[b] = i + 1;
    }
}

/* Drops the deleted entries, keeping the order. Only while nobody walks the table. */
static void ms_compact(MsTable *t) {
    if (t->walkers > 0 || t->size == t->used)
        return;
    uint32_t j = 0;
    for (uint32_t i = 0; i < t->used; i++)
        if (t->entries[i].key != VAL_EMPTY)
            t->entries[j++] = t->entries[i];
    t->used = j;
    ms_rehash(t);
}

/* After a deletion or when a walker finishes: compact when mostly empty. */
static void ms_maybe_compact(MsTable *t) {
    if (t->walkers == 0 && t->used > MS_MIN_CAP && t->size < t->used / 2)
        ms_compact(t);
    else if (t->walkers == 0 && t->size == 0)
        t->used = 0;
}

static void ms_reserve_one(Vm *vm, MsTable *t) {
    if (t->used < t->cap)
        return;
    if (t->walkers == 0 && t->size <= t->used / 2 && t->used > 0) {
        ms_compact(t);
        if (t->used < t->cap)
            return;
    }
    uint32_t cap = t->cap ? t->cap * 2 : MS_MIN_CAP;
    if (NEVER(cap <= t->cap))
        die(EXIT_INTERNAL, "Map/Set too large");
    t->entries = xrealloc(t->entries, (size_t)cap * sizeof(MsEntry));
    t->buckets = xrealloc(t->buckets, (size_t)cap * sizeof(uint32_t));
    t->cap = t->nbuckets = cap;
    ms_rehash(t);
    ms_account(vm, t);
}

/* ==== keys: normalisation, hashing, lookup ================================================ */

/* -0 becomes +0 (#sec-map.prototype.set step 5, #sec-set.prototype.add step 4). */
static Value ms_normalize(Value key) {
    if (val_is_number(key) && val_as_number(key) == 0)
        return val_number(0);
    return key;
}

static uint32_t ms_mix64(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    return (uint32_t)x;
}

/* The hash of a normalised key. Objects get their identity number on first use when
 * assign is set; without it, an object that has none cannot be in any table: false. */
static bool ms_hash(Vm *vm, Value key, bool assign, uint32_t *out) {
    if (val_is_string(key)) {
        *out = str_hash(val_as_str(key));
    } else if (val_is_symbol(key)) {
        *out = ms_mix64(val_as_sym(key)->atom);
    } else if (val_is_object(key)) {
        Obj *o = val_as_obj(key);
        if (!assign && !obj_has_identity_hash(o))
            return false;
        *out = ms_mix64(obj_identity_hash(vm, o));
    } else {
        *out = ms_mix64(key); /* numbers (NaN is canonical), booleans, null, undefined */
    }
    return true;
}

/* The index of key (normalised) in t, or -1. */
static int64_t ms_find(Vm *vm, MsTable *t, Value key) {
    uint32_t h;
    if (t->size == 0 || !ms_hash(vm, key, false, &h))
        return -1;
    for (uint32_t i = t->buckets[h & (t->nbuckets - 1)]; i; i = t->entries[i - 1].chain) {
        MsEntry *e = &t->entries[i - 1];
        if (e->hash == h && SameValueZero(e->key, key))
            return (int64_t)(i - 1);
    }
    return -1;
}

/* Appends a new entry (key normalised and absent). Never runs JS nor collects. */
static void ms_append(Vm *vm, MsTable *t, Value key, Value value) {
    uint32_t h;
    ms_hash(vm, key, true, &h);
    ms_reserve_one(vm, t);
    uint32_t i = t->used++;
    MsEntry *e = &t->entries[i];
    e->key = key;
    e->value = value;
    e->hash = h;
    uint32_t b = h & (t->nbuckets - 1);
    e->chain = t->buckets[b];
    t->buckets[b] = i + 1;
    t->size++;
}

static void ms_remove_at(MsTable *t, uint32_t i) {
    MsEntry *e = &t->entries[i];
    uint32_t *link = &t->buckets[e->hash & (t->nbuckets - 1)];
    while (*link != i + 1)
        link = &t->entries[*link - 1].chain;
    *link = e->chain;
    e->key = VAL_EMPTY;
    e->value = VAL_UNDEFINED;
    e->chain = 0;
    t->size--;
    ms_maybe_compact(t);
}

/* The spec's Map.prototype.clear / Set.prototype.clear: every entry becomes empty, so
 * walkers see none of them and still see entries added afterwards. */
static void ms_clear(MsTable *t) {
    for (uint32_t i = 0; i < t->used; i++) {
        t->entries[i].key = VAL_EMPTY;
        t->entries[i].value = VAL_UNDEFINED;
        t->entries[i].chain = 0;
    }
    if (t->nbuckets)
        memset(t->buckets, 0, t->nbuckets * sizeof(uint32_t));
    t->size = 0;
    if (t->walkers == 0)
        t->used = 0;
}

/* ==== the collection classes ============================================================== */

typedef enum { MS_MAP, MS_SET, MS_WEAKMAP, MS_WEAKSET, MS_KIND_COUNT } MsKind;

static void ms_mark(Vm *vm, Obj *o) {
    MsTable *t = o->u.host.data;
    if (!t)
        return;
    for (uint32_t i = 0; i < t->used; i++) {
        if (t->entries[i].key == VAL_EMPTY)
            continue;
        gc_mark_value(vm, t->entries[i].key);
        gc_mark_value(vm, t->entries[i].value);
    }
}

/* The ephemeron step of a WeakMap/WeakSet (ObjClass.mark_weak): an entry's value lives
 * when its key does. Progress is judged after marking, since gc_verify may refuse to
 * mark a broken pointer (and then must not loop). */
static bool ms_mark_weak(Vm *vm, Obj *o) {
    MsTable *t = o->u.host.data;
    bool progress = false;
    for (uint32_t i = 0; t && i < t->used; i++) {
        MsEntry *e = &t->entries[i];
        if (e->key == VAL_EMPTY || !gc_value_is_marked(e->key) || gc_value_is_marked(e->value))
            continue;
        gc_mark_value(vm, e->value);
        progress |= gc_value_is_marked(e->value);
    }
    return progress;
}

/* The weak sweep of a WeakMap/WeakSet (ObjClass.sweep_weak): entries whose key is about
 * to be freed become empty and leave their chains. The table is not compacted here, so
 * that a mapset_next cursor stays valid across a collection; the next insertion that
 * needs room compacts it (ms_reserve_one). */
static void ms_sweep_weak(Vm *vm, Obj *o) {
    MsTable *t = o->u.host.data;
    if (!t)
        return;
    bool removed = false;
    for (uint32_t i = 0; i < t->used; i++) {
        MsEntry *e = &t->entries[i];
        if (e->key == VAL_EMPTY || gc_value_is_marked(e->key))
            continue;
        e->key = VAL_EMPTY;
        e->value = VAL_UNDEFINED;
        t->size--;
        removed = true;
    }
    if (removed)
        ms_rehash(t);
}

static void ms_finalize(Vm *vm, Obj *o) {
    MsTable *t = o->u.host.data;
    if (!t)
        return;
    o->u.host.data = NULL;
    t->owner_alive = false;
    ms_table_release(vm, t);
}

static const ObjClass ms_classes[MS_KIND_COUNT] = {
    [MS_MAP] = {.name = "Map", .mark = ms_mark, .finalize = ms_finalize},
    [MS_SET] = {.name = "Set", .mark = ms_mark, .finalize = ms_finalize},
    [MS_WEAKMAP] = {.name = "WeakMap", .finalize = ms_finalize, .mark_weak = ms_mark_weak,
                    .sweep_weak = ms_sweep_weak},
    [MS_WEAKSET] = {.name = "WeakSet", .finalize = ms_finalize, .mark_weak = ms_mark_weak,
                    .sweep_weak = ms_sweep_weak},
};
static const ObjKind ms_obj_kinds[MS_KIND_COUNT] = {OBJ_MAP, OBJ_SET, OBJ_WEAKMAP, OBJ_WEAKSET};
static const IntrinsicId ms_proto_ids[MS_KIND_COUNT] = {
    INTR_MapPrototype, INTR_SetPrototype, INTR_WeakMapPrototype, INTR_WeakSetPrototype};

static MsTable *ms_table_of(const Obj *o, MsKind kind) {
    if (o->kind != ms_obj_kinds[kind] || o->u.host.cls != &ms_classes[kind])
        return NULL;
    return o->u.host.data;
}

/* The receiver's table, or NULL after V8's TypeError "Method Map.prototype.get called on
 * incompatible receiver #<Object>". */
static MsTable *ms_this(Vm *vm, Value this_val, MsKind kind, const char *method) {
    MsTable *t = val_is_object(this_val) ? ms_table_of(val_as_obj(this_val), kind) : NULL;
    if (t)
        return t;
    StrBuf sb;
    strbuf_init(&sb);
    vm_describe_value(vm, this_val, &sb);
    vm_throw_type_error(vm, "Method %s called on incompatible receiver %s", method, sb.data);
    strbuf_fini(&sb);
    return NULL;
}

bool mapset_is_collection(const Obj *o) {
    for (int k = 0; k < MS_KIND_COUNT; k++)
        if (ms_table_of(o, (MsKind)k))
            return true;
    return false;
}

static MsTable *ms_any_table(const Obj *o) {
    for (int k = 0; k < MS_KIND_COUNT; k++) {
        MsTable *t = ms_table_of(o, (MsKind)k);
        if (t)
            return t;
    }
    return NULL;
}

uint32_t mapset_size(const Obj *o) {
    MsTable *t = ms_any_table(o);
    return t ? t->size : 0;
}

bool mapset_next(const Obj *o, uint32_t *cursor, Value *key, Value *value) {
    MsTable *t = ms_any_table(o);
    if (!t)
        return false;
    bool is_set = o->kind == OBJ_SET || o->kind == OBJ_WEAKSET;
    for (uint32_t i = *cursor; i < t->used; i++) {
        if (t->entries[i].key == VAL_EMPTY)
            continue;
        *key = t->entries[i].key;
        *value = is_set ? t->entries[i].key : t->entries[i].value;
        *cursor = i + 1;
        return true;
    }
    *cursor = t->used;
    return false;
}

/* CanBeHeldWeakly (#sec-canbeheldweakly): objects and symbols not from Symbol.for. */
static bool ms_can_be_held_weakly(Value v) {
    if (val_is_object(v))
        return true;
    return val_is_symbol(v) && !val_as_sym(v)->registered;
}

/* ==== construction from an iterable ======================================================= */

/* The shared tail of the constructors (#sec-map-iterable steps 5-8 with
 * #sec-add-entries-from-iterable; #sec-set-iterable steps 5-8; WeakMap, WeakSet alike):
 * looks up the adder, iterates, and calls adder(k, v) (pairs) or adder(v). */
static bool ms_add_from_iterable(Vm *vm, Obj *target, Value iterable, Atom adder_key, bool pairs,
                                 Value new_target) {
    bool ok = false;
    Value adder = VAL_UNDEFINED, iter = VAL_UNDEFINED, next = VAL_UNDEFINED;
    Value item = VAL_UNDEFINED, k = VAL_UNDEFINED;
    gc_root_push_ptr(vm, &target);
    gc_root_push(vm, &iterable);
    gc_root_push(vm, &adder);
    gc_root_push(vm, &iter);
    gc_root_push(vm, &next);
    gc_root_push(vm, &item);
    gc_root_push(vm, &k);
    adder = obj_get(vm, target, adder_key);
    if (adder == VAL_EXCEPTION)
        goto out;
    if (!IsCallable(adder)) {
        StrBuf sb, kb;
        strbuf_init(&sb);
        strbuf_init(&kb);
        vm_describe_value(vm, adder, &sb);
        str_to_utf8(fn_get_name(vm, val_as_obj(new_target)), &kb);
        vm_throw_type_error(vm,
                            "'%s' returned for property '%s' of object '#<%s>' is not a function",
                            sb.data, pairs ? "set" : "add", kb.data);
        strbuf_fini(&sb);
        strbuf_fini(&kb);
        goto out;
    }
    /* GetIterator(iterable, sync) (#sec-getiterator) */
    if (!GetIterator(vm, iterable, NULL, &iter, &next))
        goto out;
    for (;;) {
        /* IteratorStepValue (#sec-iteratorstepvalue) */
        int st = IteratorStep(vm, iter, next, &item);
        if (st < 0)
            goto out;
        if (st == 0)
            break;
        Value res;
        if (pairs) {
            if (!val_is_object(item)) {
                vm_throw_type_error_describing(vm, "Iterator value %s is not an entry object",
                                               item, false);
                (void)!IteratorClose(vm, iter, true);
                goto out;
            }
            k = obj_get_index(vm, val_as_obj(item), 0);
            Value v = k == VAL_EXCEPTION ? VAL_EXCEPTION : obj_get_index(vm, val_as_obj(item), 1);
            if (v == VAL_EXCEPTION) {
                (void)!IteratorClose(vm, iter, true);
                goto out;
            }
            Value args[2] = {k, v};
            res = vm_call(vm, adder, val_obj(target), 2, args);
        } else {
            res = vm_call(vm, adder, val_obj(target), 1, &item);
        }
        if (res == VAL_EXCEPTION) {
            (void)!IteratorClose(vm, iter, true);
            goto out;
        }
    }
    ok = true;
out:
    gc_root_pop(vm, 7);
    return ok;
}

/* new Map(iterable), new Set(iterable), new WeakMap(...), new WeakSet(...)
 * (#sec-map-iterable, #sec-set-iterable, #sec-weakmap-iterable, #sec-weakset-iterable) */
static NATIVE(ms_ctor) {
    MsKind kind = (MsKind)ctx->magic;
    if (val_is_undefined(ctx->new_target))
        return vm_throw_type_error(vm, "Constructor %s requires 'new'", ms_classes[kind].name);
    Obj *o = obj_create_from_constructor(vm, ctx->new_target, ms_obj_kinds[kind],
                                         realm_intrinsic(vm, ms_proto_ids[kind]));
    if (!o)
        return VAL_EXCEPTION;
    o->u.host.cls = &ms_classes[kind];
    o->u.host.data = ms_table_new(vm);
    Value iterable = ARG(0);
    if (val_is_nullish(iterable))
        return val_obj(o);
    bool pairs = kind == MS_MAP || kind == MS_WEAKMAP;
    if (!ms_add_from_iterable(vm, o, iterable, pairs ? ATOM_set : ATOM_add, pairs, ctx->new_target))
        return VAL_EXCEPTION;
    return val_obj(o);
}

/* get Map[@@species], get Set[@@species] (#sec-get-map-@@species) */
static NATIVE(ms_species) {
    return this_val;
}

/* ==== iterators =========================================================================== */

enum { MS_ITER_KEYS = 0, MS_ITER_VALUES = 1, MS_ITER_ENTRIES = 2 };

/* An iterator: host.data = the table (NULL once exhausted), slots[0] = the collection
 * (keeps it, and so the table's contents, alive), slots[1] = the next index,
 * slots[2] = the kind. It counts as a walker of the table until exhausted or swept. */
static void ms_iter_finalize(Vm *vm, Obj *it) {
    MsTable *t = it->u.host.data;
    if (!t)
        return;
    it->u.host.data = NULL;
    t->walkers--;
    ms_table_release(vm, t);
}

static const ObjClass ms_iter_classes[2] = {
    {.name = "Map Iterator", .finalize = ms_iter_finalize},
    {.name = "Set Iterator", .finalize = ms_iter_finalize},
};

/* The iterator's class index: 0 for maps, 1 for sets; -1 when it is not one of ours. */
static int ms_iter_class_of(const Obj *it) {
    if (it->kind == OBJ_MAP_ITERATOR && it->u.host.cls == &ms_iter_classes[0])
        return 0;
    if (it->kind == OBJ_SET_ITERATOR && it->u.host.cls == &ms_iter_classes[1])
        return 1;
    return -1;
}

bool mapset_iterator_state(const Obj *it, Obj **collection, uint32_t *cursor, int *kind) {
    if (ms_iter_class_of(it) < 0)
        return false;
    *collection = it->u.host.data ? val_as_obj(it->u.host.slots[0]) : NULL;
    *cursor = (uint32_t)val_as_number(it->u.host.slots[1]);
    *kind = (int)val_as_number(it->u.host.slots[2]);
    return true;
}

/* CreateMapIterator / CreateSetIterator (#sec-createmapiterator, #sec-createsetiterator) */
static Value ms_iter_create(Vm *vm, Value collection, MsTable *t, bool is_set, int kind) {
    gc_root_push(vm, &collection);
    Obj *it = obj_new_kind(
        vm, is_set ? OBJ_SET_ITERATOR : OBJ_MAP_ITERATOR,
        realm_intrinsic(vm, is_set ? INTR_SetIteratorPrototype : INTR_MapIteratorPrototype));
    gc_root_pop(vm, 1);
    it->u.host.cls = &ms_iter_classes[is_set];
    it->u.host.data = t;
    it->u.host.slots[0] = collection;
    it->u.host.slots[1] = val_number(0);
    it->u.host.slots[2] = val_number(kind);
    t->walkers++;
    return val_obj(it);
}

/* %MapIteratorPrototype%.next / %SetIteratorPrototype%.next
 * (#sec-%mapiteratorprototype%.next, #sec-%setiteratorprototype%.next) */
static NATIVE(ms_iter_next) {
    bool is_set = ctx->magic;
    Obj *it = val_is_object(this_val) ? val_as_obj(this_val) : NULL;
    if (!it || ms_iter_class_of(it) != (int)is_set) {
        StrBuf sb;
        strbuf_init(&sb);
        vm_describe_value(vm, this_val, &sb);
        Value r =
            vm_throw_type_error(vm, "Method %s.prototype.next called on incompatible receiver %s",
                                ms_iter_classes[is_set].name, sb.data);
        strbuf_fini(&sb);
        return r;
    }
    MsTable *t = it->u.host.data;
    if (!t)
        return CreateIterResultObject(vm, VAL_UNDEFINED, true);
    uint32_t i = (uint32_t)val_as_number(it->u.host.slots[1]);
    while (i < t->used && t->entries[i].key == VAL_EMPTY)
        i++;
    if (i >= t->used) {
        it->u.host.data = NULL;
        it->u.host.slots[0] = VAL_UNDEFINED;
        t->walkers--;
        ms_maybe_compact(t);
        return CreateIterResultObject(vm, VAL_UNDEFINED, true);
    }
    it->u.host.slots[1] = val_number(i + 1);
    Value k = t->entries[i].key;
    Value v = is_set ? k : t->entries[i].value;
    switch ((int)val_as_number(it->u.host.slots[2])) {
    case MS_ITER_KEYS:
        return CreateIterResultObject(vm, k, false);
    case MS_ITER_VALUES:
        return CreateIterResultObject(vm, v, false);
    default: {
        /* k and v are still held by the table, which the iterator keeps alive */
        Value pair[2] = {k, v};
        Obj *a = obj_new_array_from(vm, 2, pair);
        return CreateIterResultObject(vm, val_obj(a), false);
    }
    }
}

/* ==== Map.prototype ======================================================================= */

/* Map.prototype.get(key) (#sec-map.prototype.get) */
static NATIVE(map_get) {
    MsTable *t = ms_this(vm, this_val, MS_MAP, "Map.prototype.get");
    if (!t)
        return VAL_EXCEPTION;
    int64_t i = ms_find(vm, t, ms_normalize(ARG(0)));
    return i < 0 ? VAL_UNDEFINED : t->entries[i].value;
}

/* Map.prototype.set(key, value) (#sec-map.prototype.set) */
static NATIVE(map_set) {
    MsTable *t = ms_this(vm, this_val, MS_MAP, "Map.prototype.set");
    if (!t)
        return VAL_EXCEPTION;
    Value key = ms_normalize(ARG(0));
    int64_t i = ms_find(vm, t, key);
    if (i >= 0)
        t->entries[i].value = ARG(1);
    else
        ms_append(vm, t, key, ARG(1));
    return this_val;
}

/* Map.prototype.has / Set.prototype.has (#sec-map.prototype.has, #sec-set.prototype.has) */
static NATIVE(ms_has) {
    MsKind kind = (MsKind)ctx->magic;
    MsTable *t =
        ms_this(vm, this_val, kind, kind == MS_MAP ? "Map.prototype.has" : "Set.prototype.has");
    if (!t)
        return VAL_EXCEPTION;
    return val_bool(ms_find(vm, t, ms_normalize(ARG(0))) >= 0);
}

/* Map.prototype.delete / Set.prototype.delete (#sec-map.prototype.delete, ...) */
static NATIVE(ms_delete) {
    MsKind kind = (MsKind)ctx->magic;
    MsTable *t = ms_this(vm, this_val, kind,
                         kind == MS_MAP ? "Map.prototype.delete" : "Set.prototype.delete");
    if (!t)
        return VAL_EXCEPTION;
    int64_t i = ms_find(vm, t, ms_normalize(ARG(0)));
    if (i < 0)
        return VAL_FALSE;
    ms_remove_at(t, (uint32_t)i);
    return VAL_TRUE;
}

/* Map.prototype.clear / Set.prototype.clear (#sec-map.prototype.clear, ...) */
static NATIVE(ms_clear_method) {
    MsKind kind = (MsKind)ctx->magic;
    MsTable *t =
        ms_this(vm, this_val, kind, kind == MS_MAP ? "Map.prototype.clear" : "Set.prototype.clear");
    if (!t)
        return VAL_EXCEPTION;
    ms_clear(t);
    return VAL_UNDEFINED;
}

/* get Map.prototype.size / get Set.prototype.size (#sec-get-map.prototype.size, ...) */
static NATIVE(ms_size) {
    MsKind kind = (MsKind)ctx->magic;
    MsTable *t = ms_this(vm, this_val, kind,
                         kind == MS_MAP ? "get Map.prototype.size" : "get Set.prototype.size");
    if (!t)
        return VAL_EXCEPTION;
    return val_number(t->size);
}

/* Map.prototype.forEach / Set.prototype.forEach (#sec-map.prototype.foreach, ...): the
 * loop re-reads the table's length, so entries added by the callback are visited and
 * deleted ones are skipped. */
static NATIVE(ms_for_each) {
    MsKind kind = (MsKind)ctx->magic;
    MsTable *t = ms_this(vm, this_val, kind,
                         kind == MS_MAP ? "Map.prototype.forEach" : "Set.prototype.forEach");
    if (!t)
        return VAL_EXCEPTION;
    Value cb = ARG(0), this_arg = ARG(1);
    if (!IsCallable(cb))
        return vm_throw_type_error_describing(vm, "%s is not a function", cb, true);
    t->walkers++; /* this_val keeps the collection, hence t, alive */
    Value result = VAL_UNDEFINED;
    for (uint32_t i = 0; i < t->used; i++) {
        MsEntry *e = &t->entries[i];
        if (e->key == VAL_EMPTY)
            continue;
        Value args[3] = {kind == MS_MAP ? e->value : e->key, e->key, this_val};
        if (vm_call(vm, cb, this_arg, 3, args) == VAL_EXCEPTION) {
            result = VAL_EXCEPTION;
            break;
        }
    }
    t->walkers--;
    ms_maybe_compact(t);
    return result;
}

/* Map.prototype.entries/keys/values, Set.prototype.entries/values (= keys). magic:
 * MS_MAP or MS_SET in the high bits, the iteration kind in the low two. */
static NATIVE(ms_iterate) {
    MsKind kind = (MsKind)(ctx->magic >> 2);
    int iter_kind = ctx->magic & 3;
    static const char *const names[2][3] = {
        {"Map.prototype.keys", "Map.prototype.values", "Map.prototype.entries"},
        {"Set.prototype.keys", "Set.prototype.values", "Set.prototype.entries"},
    };
    MsTable *t = ms_this(vm, this_val, kind, names[kind == MS_SET][iter_kind]);
    if (!t)
        return VAL_EXCEPTION;
    return ms_iter_create(vm, this_val, t, kind == MS_SET, iter_kind);
}

/* ==== Set.prototype ======================================================================= */

/* Set.prototype.add(value) (#sec-set.prototype.add) */
static NATIVE(set_add) {
    MsTable *t = ms_this(vm, this_val, MS_SET, "Set.prototype.add");
    if (!t)
        return VAL_EXCEPTION;
    Value key = ms_normalize(ARG(0));
    if (ms_find(vm, t, key) < 0)
        ms_append(vm, t, key, VAL_UNDEFINED);
    return this_val;
}

/* ==== WeakMap.prototype and WeakSet.prototype ============================================= */

/* WeakMap.prototype.get(key) (#sec-weakmap.prototype.get) */
static NATIVE(weakmap_get) {
    MsTable *t = ms_this(vm, this_val, MS_WEAKMAP, "WeakMap.prototype.get");
    if (!t)
        return VAL_EXCEPTION;
    if (!ms_can_be_held_weakly(ARG(0)))
        return VAL_UNDEFINED;
    int64_t i = ms_find(vm, t, ARG(0));
    return i < 0 ? VAL_UNDEFINED : t->entries[i].value;
}

/* WeakMap.prototype.set(key, value) (#sec-weakmap.prototype.set) */
static NATIVE(weakmap_set) {
    MsTable *t = ms_this(vm, this_val, MS_WEAKMAP, "WeakMap.prototype.set");
    if (!t)
        return VAL_EXCEPTION;
    if (!ms_can_be_held_weakly(ARG(0)))
        return vm_throw_type_error(vm, "Invalid value used as weak map key");
    int64_t i = ms_find(vm, t, ARG(0));
    if (i >= 0)
        t->entries[i].value = ARG(1);
    else
        ms_append(vm, t, ARG(0), ARG(1));
    return this_val;
}

/* WeakSet.prototype.add(value) (#sec-weakset.prototype.add) */
static NATIVE(weakset_add) {
    MsTable *t = ms_this(vm, this_val, MS_WEAKSET, "WeakSet.prototype.add");
    if (!t)
        return VAL_EXCEPTION;
    if (!ms_can_be_held_weakly(ARG(0)))
        return vm_throw_type_error(vm, "Invalid value used in weak set");
    if (ms_find(vm, t, ARG(0)) < 0)
        ms_append(vm, t, ARG(0), VAL_UNDEFINED);
    return this_val;
}

/* WeakMap/WeakSet .has and .delete (#sec-weakmap.prototype.has, ...): false for values
 * that cannot be held weakly. */
static NATIVE(weak_has_delete) {
    MsKind kind = (MsKind)(ctx->magic >> 1);
    bool is_delete = ctx->magic & 1;
    static const char *const names[2][2] = {
        {"WeakMap.prototype.has", "WeakMap.prototype.delete"},
        {"WeakSet.prototype.has", "WeakSet.prototype.delete"},
    };
    MsTable *t = ms_this(vm, this_val, kind, names[kind == MS_WEAKSET][is_delete]);
    if (!t)
        return VAL_EXCEPTION;
    if (!ms_can_be_held_weakly(ARG(0)))
        return VAL_FALSE;
    int64_t i = ms_find(vm, t, ARG(0));
    if (i < 0)
        return VAL_FALSE;
    if (is_delete)
        ms_remove_at(t, (uint32_t)i);
    return VAL_TRUE;
}

/* ==== registration ======================================================================== */

#define ITER_MAGIC(kind, it) (((kind) << 2) | (it))
#define WEAK_MAGIC(kind, del) (((kind) << 1) | (del))

/* In node 20's property order. */
static const BuiltinEntry map_proto_fns[] = {
    BI_METHOD("get", map_get, 1),
    BI_METHOD("set", map_set, 2),
    BI_METHOD_MAGIC("has", ms_has, 1, MS_MAP),
    BI_METHOD_MAGIC("delete", ms_delete, 1, MS_MAP),
    BI_METHOD_MAGIC("clear", ms_clear_method, 0, MS_MAP),
    BI_METHOD_MAGIC("entries", ms_iterate, 0, ITER_MAGIC(MS_MAP, MS_ITER_ENTRIES)),
    BI_METHOD_MAGIC("forEach", ms_for_each, 1, MS_MAP),
    BI_METHOD_MAGIC("keys", ms_iterate, 0, ITER_MAGIC(MS_MAP, MS_ITER_KEYS)),
    {.name = "size", .kind = BE_GETTER, .fn = ms_size, .magic = MS_MAP},
    BI_METHOD_MAGIC("values", ms_iterate, 0, ITER_MAGIC(MS_MAP, MS_ITER_VALUES)),
    BI_SYM_STRING(ATOM_Symbol_toStringTag, "Map"),
};

static const BuiltinEntry set_proto_fns[] = {
    BI_METHOD_MAGIC("has", ms_has, 1, MS_SET),
    BI_METHOD("add", set_add, 1),
    BI_METHOD_MAGIC("delete", ms_delete, 1, MS_SET),
    BI_METHOD_MAGIC("clear", ms_clear_method, 0, MS_SET),
    BI_METHOD_MAGIC("entries", ms_iterate, 0, ITER_MAGIC(MS_SET, MS_ITER_ENTRIES)),
    BI_METHOD_MAGIC("forEach", ms_for_each, 1, MS_SET),
    {.name = "size", .kind = BE_GETTER, .fn = ms_size, .magic = MS_SET},
    BI_METHOD_MAGIC("values", ms_iterate, 0, ITER_MAGIC(MS_SET, MS_ITER_VALUES)),
    BI_SYM_STRING(ATOM_Symbol_toStringTag, "Set"),
};

static const BuiltinEntry weakmap_proto_fns[] = {
    BI_METHOD_MAGIC("delete", weak_has_delete, 1, WEAK_MAGIC(MS_WEAKMAP, 1)),
    BI_METHOD("get", weakmap_get, 1),
    BI_METHOD("set", weakmap_set, 2),
    BI_METHOD_MAGIC("has", weak_has_delete, 1, WEAK_MAGIC(MS_WEAKMAP, 0)),
    BI_SYM_STRING(ATOM_Symbol_toStringTag, "WeakMap"),
};

static const BuiltinEntry weakset_proto_fns[] = {
    BI_METHOD_MAGIC("delete", weak_has_delete, 1, WEAK_MAGIC(MS_WEAKSET, 1)),
    BI_METHOD_MAGIC("has", weak_has_delete, 1, WEAK_MAGIC(MS_WEAKSET, 0)),
    BI_METHOD("add", weakset_add, 1),
    BI_SYM_STRING(ATOM_Symbol_toStringTag, "WeakSet"),
};

static const BuiltinEntry species_fns[] = {
    BI_SYM_GETTER(ATOM_Symbol_species, ms_species),
};

static const BuiltinEntry map_iter_proto_fns[] = {
    BI_METHOD_MAGIC("next", ms_iter_next, 0, 0),
    BI_SYM_STRING(ATOM_Symbol_toStringTag, "Map Iterator"),
};

static const BuiltinEntry set_iter_proto_fns[] = {
    BI_METHOD_MAGIC("next", ms_iter_next, 0, 1),
    BI_SYM_STRING(ATOM_Symbol_toStringTag, "Set Iterator"),
};

/* Defines obj[alias] as the same function object as obj[name]. */
static void ms_alias(Vm *vm, Obj *obj, Atom alias, Atom name) {
    Prop *p = obj_find_own_prop(obj, name);
    if (NEVER(!p) || !obj_define_value(vm, obj, alias, p->u.value, PROP_BUILTIN))
        die(EXIT_INTERNAL, "cannot alias a Map/Set method");
}

static const struct {
    const char *name;
    IntrinsicId ctor_id;
    const BuiltinEntry *proto_fns;
    size_t nproto;
    bool species;
} ms_globals[MS_KIND_COUNT] = {
    [MS_MAP] = {"Map", INTR_Map, map_proto_fns, ARRAY_LEN(map_proto_fns), true},
    [MS_SET] = {"Set", INTR_Set, set_proto_fns, ARRAY_LEN(set_proto_fns), true},
    [MS_WEAKMAP] = {"WeakMap", INTR_WeakMap, weakmap_proto_fns, ARRAY_LEN(weakmap_proto_fns),
                    false},
    [MS_WEAKSET] = {"WeakSet", INTR_WeakSet, weakset_proto_fns, ARRAY_LEN(weakset_proto_fns),
                    false},
};

void bi_mapset_init(Vm *vm) {
    Realm *r = vm->realm;
    Obj *iter_proto = realm_intrinsic(vm, INTR_IteratorPrototype);
    if (!iter_proto)
        iter_proto = realm_intrinsic(vm, INTR_ObjectPrototype);
    Obj *mip = obj_new(vm, iter_proto);
    r->intrinsics[INTR_MapIteratorPrototype] = mip;
    realm_define_entries(vm, mip, map_iter_proto_fns, ARRAY_LEN(map_iter_proto_fns));
    Obj *sip = obj_new(vm, iter_proto);
    r->intrinsics[INTR_SetIteratorPrototype] = sip;
    realm_define_entries(vm, sip, set_iter_proto_fns, ARRAY_LEN(set_iter_proto_fns));

    for (int k = 0; k < MS_KIND_COUNT; k++) {
        Obj *proto = obj_new(vm, realm_intrinsic(vm, INTR_ObjectPrototype));
        gc_root_push_ptr(vm, &proto);
        Obj *ctor = realm_new_ctor(vm, ms_globals[k].name, ms_ctor, 0, proto,
                                   (int)ms_globals[k].ctor_id, (int)ms_proto_ids[k]);
        gc_root_pop(vm, 1);
        ctor->u.native.magic = k;
        realm_define_entries(vm, proto, ms_globals[k].proto_fns, ms_globals[k].nproto);
        if (ms_globals[k].species)
            realm_define_entries(vm, ctor, species_fns, ARRAY_LEN(species_fns));
        realm_define_global(vm, ms_globals[k].name, val_obj(ctor));
    }
    Obj *mp = realm_intrinsic(vm, INTR_MapPrototype);
    ms_alias(vm, mp, ATOM_Symbol_iterator, ATOM_entries);
    Obj *sp = realm_intrinsic(vm, INTR_SetPrototype);
    ms_alias(vm, sp, ATOM_keys, ATOM_values);
    ms_alias(vm, sp, ATOM_Symbol_iterator, ATOM_values);
}
