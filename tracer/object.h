/* object.h — JavaScript objects: the Obj header shared by every kind (ordinary, array,
 * functions, wrappers, errors, generators, Map/Set/Promise... see OBJ_KINDS), the
 * prototype chain, and property storage with attributes and accessors. The ordinary
 * internal methods ([[Get]], [[Set]], [[DefineOwnProperty]], [[GetOwnProperty]],
 * [[HasProperty]], [[Delete]], [[OwnPropertyKeys]]; ecma262 #sec-ordinary-object-
 * internal-methods-and-internal-slots) are the obj_* functions below, with the array
 * exotic "length" and fast elements handled inside them.
 *
 * Storage (shape.c): each object owns an insertion-ordered array of Prop with a hash
 * index once it has more than a few keys; deletion keeps the order. The first few Props
 * (by kind: 4 for ordinary objects and closures) live in the object's own allocation, so
 * a small object costs one allocation. Arrays keep their
 * dense elements in u.array (holes are VAL_EMPTY) and fall back to ordinary properties
 * for sparse or non-default elements. OwnPropertyKeys returns integer keys ascending,
 * then strings, then symbols, in insertion order (#sec-ordinaryownpropertykeys).
 *
 * Throwing: functions returning Value give VAL_EXCEPTION, functions returning bool give
 * false when a JS exception is pending (vm->exception). Any property operation may run
 * a getter/setter and therefore allocate and collect: root what you hold (gc.h). */
#ifndef TICKSCOPE_OBJECT_H
#define TICKSCOPE_OBJECT_H

#include <stdbool.h>
#include <stdint.h>

#include "tracer/atom.h"
#include "tracer/gc.h"
#include "tracer/value.h"

/* X(KIND, "class name used by inspect/Object.prototype.toString") */
#define OBJ_KINDS(X)                                                                          \
    X(ORDINARY, "Object")                                                                     \
    X(ARRAY, "Array")                                                                         \
    X(FUNCTION, "Function")        /* bytecode closure (function.h) */                        \
    X(NATIVE_FUNCTION, "Function") /* C function (function.h) */                              \
    X(BOUND_FUNCTION, "Function")  /* Function.prototype.bind result */                       \
    X(ERROR, "Error")                                                                         \
    X(BOOLEAN, "Boolean")          /* wrappers: u.prim holds the primitive */                 \
    X(NUMBER, "Number")                                                                       \
    X(STRING, "String")                                                                       \
    X(SYMBOL, "Symbol")                                                                       \
    X(ARGUMENTS, "Arguments")      /* unmapped arguments object, elements as ARRAY */         \
    X(GENERATOR, "Generator")      /* u.gen */                                                \
    X(ASYNC_GENERATOR, "AsyncGenerator")                                                      \
    X(PROMISE, "Promise")          /* u.host: promise.c */                                    \
    X(MAP, "Map")                  /* u.host: builtins/mapset.c */                            \
    X(SET, "Set")                                                                             \
    X(WEAKMAP, "WeakMap")                                                                     \
    X(WEAKSET, "WeakSet")                                                                     \
    X(WEAKREF, "WeakRef")                                                                     \
    X(DATE, "Date")                                                                           \
    X(REGEXP, "RegExp")                                                                       \
    X(ARRAY_ITERATOR, "Array Iterator")                                                       \
    X(STRING_ITERATOR, "String Iterator")                                                     \
    X(MAP_ITERATOR, "Map Iterator")                                                           \
    X(SET_ITERATOR, "Set Iterator")                                                           \
    X(FOR_IN_ITERATOR, "Object")   /* internal: for-in key list */                            \
    X(ASYNC_FROM_SYNC_ITERATOR, "Object")                                                     \
    X(HOST, "Object")              /* any other native data: u.host */

typedef enum {
#define X(kind, name) OBJ_##kind,
    OBJ_KINDS(X)
#undef X
        OBJ_KIND_COUNT
} ObjKind;

/* Property attributes (#sec-property-attributes). */
enum {
    PROP_WRITABLE = 1,
    PROP_ENUMERABLE = 2,
    PROP_CONFIGURABLE = 4,
    PROP_ACCESSOR = 8, /* u.accessor instead of u.value; WRITABLE is meaningless */
};
#define PROP_DEFAULT (PROP_WRITABLE | PROP_ENUMERABLE | PROP_CONFIGURABLE) /* x.a = 1 */
#define PROP_BUILTIN (PROP_WRITABLE | PROP_CONFIGURABLE) /* built-in methods, class methods */

/* Object flags. */
enum {
    OBJF_EXTENSIBLE = 1,
    OBJF_CONSTRUCTOR = 2,        /* has [[Construct]] */
    OBJF_CLASS_CONSTRUCTOR = 4,  /* [[IsClassConstructor]]: throws without new */
    OBJF_LENGTH_READONLY = 8,    /* array: "length" is not writable */
    OBJF_SPARSE = 16,            /* array: some elements live in props (not all dense) */
    OBJF_DERIVED = 32,           /* class constructor with extends */
    OBJF_STACK_PENDING = 64,     /* error: "stack" still has the header written at capture;
                                    the first read rewrites it from the current name and
                                    message (V8 formats the stack lazily; vm.h) */
    OBJF_HIDDEN_FRAME = 128,     /* native function: error.stack leaves its calls out (V8
                                    shows no frame for Function.prototype.call/apply) */
};

typedef struct AccessorPair {
    GcHeader gc;
    Value getter; /* a function or undefined */
    Value setter;
} AccessorPair;

typedef struct {
    Atom key;
    uint32_t flags; /* PROP_* */
    union {
        Value value;
        AccessorPair *accessor;
    } u;
} Prop;

typedef struct {
    Prop *props;      /* insertion order: in the object's own allocation while it fits
                         (is_inline), else malloc'd */
    uint32_t count, cap;
    uint32_t *index;  /* NULL, or a hash of key -> position+1 (0 = empty) */
    uint32_t index_cap;
    bool is_inline;   /* props points into the Obj's allocation (never freed) */
} PropTable;

/* Native data for kinds that use u.host (Map, Set, Promise, Date...): the owning module
 * supplies the class record; mark is called during collection, finalize at sweep.
 * A weak container (WeakMap, WeakSet, WeakRef) also supplies the two weak hooks, and its
 * mark leaves the weakly held values alone (gc.h, "weak containers"):
 *  - mark_weak: one ephemeron step: marks (gc_mark_value) whatever must live because
 *    something it is held for is marked (gc_value_is_marked): for an ephemeron table,
 *    the value of every entry whose key is marked. Returns true when it marked anything
 *    that was not marked before; the GC repeats until no container makes progress.
 *  - sweep_weak: after marking, before any object is freed: drops what refers to an
 *    unmarked object (entries whose key is unmarked, a WeakRef's dead target). Must not
 *    allocate or run JS. */
typedef struct ObjClass {
    const char *name;
    void (*mark)(Vm *vm, Obj *o);
    void (*finalize)(Vm *vm, Obj *o);
    bool (*mark_weak)(Vm *vm, Obj *o);
    void (*sweep_weak)(Vm *vm, Obj *o);
} ObjClass;

typedef Value NativeFn(Vm *vm, Value this_val, int argc, const Value *argv,
                       const NativeCtx *ctx); /* function.h */

struct Obj {
    GcHeader gc;
    uint8_t kind;  /* ObjKind */
    uint8_t flags; /* OBJF_* */
    uint16_t spare;
    uint32_t identity; /* the identity hash (obj_identity_hash), 0 until first asked for */
    Obj *proto;    /* [[Prototype]], NULL for null */
    PropTable props;
    union {
        struct { /* ARRAY, ARGUMENTS */
            Value *elems; /* dense elements [0, dense) */
            uint32_t dense, cap;
            uint32_t len; /* the "length" value */
            /* a mapped arguments object (#sec-arguments-exotic-objects): map[i] is the
             * VarRef of parameter i while index i is mapped (NULL once unmapped); the
             * element itself is refreshed from it before every read */
            uint32_t nmap;
            VarRef **map;
        } array;
        struct { /* FUNCTION */
            FuncProto *proto;
            VarRef **vars;   /* captured variables, proto->nvarrefs of them */
            Obj *home;       /* [[HomeObject]] for super, or NULL */
            Obj *fields;     /* class constructor: the field initializer closure, or NULL */
        } func;
        struct { /* NATIVE_FUNCTION */
            NativeFn *fn;
            int32_t magic;
            Value data[3];   /* per-function data (resolving functions, bound state) */
        } native;
        struct { /* BOUND_FUNCTION */
            Value target;
            Value this_val;
            Value *args;
            uint32_t argc;
        } bound;
        Value prim; /* BOOLEAN, NUMBER, STRING, SYMBOL wrappers */
        struct {    /* ERROR */
            uint32_t stack_header; /* with OBJF_STACK_PENDING: the byte length of the
                                      header that the stack text was captured with */
        } error;
        struct {    /* GENERATOR, ASYNC_GENERATOR */
            Activation *act;
            Value queue;    /* async generator request queue (asyncgen.h) */
            uint32_t state; /* async generator: [[AsyncGeneratorState]] (asyncgen.h) */
        } gen;
        struct { /* HOST kinds */
            const ObjClass *cls;
            void *data;
            Value slots[4];
        } host;
    } u;
};

/* A property descriptor for defineProperty/getOwnPropertyDescriptor
 * (#sec-property-descriptor-specification-type). has_* say which fields are present. */
typedef struct {
    bool has_value, has_writable, has_get, has_set, has_enumerable, has_configurable;
    bool writable, enumerable, configurable;
    Value value, get, set;
} PropDesc;

/* ToPropertyDescriptor / FromPropertyDescriptor (#sec-topropertydescriptor,
 * #sec-frompropertydescriptor; builtins/object.c): false / VAL_EXCEPTION on a throw. */
bool ToPropertyDescriptor(Vm *vm, Value v, PropDesc *d) WARN_UNUSED;
Value FromPropertyDescriptor(Vm *vm, const PropDesc *d);

/* The identity hash of o, for hash tables keyed by objects (Map, Set, WeakMap...): a
 * nonzero number handed out in the order objects are first asked for one, per VM, never
 * derived from an address, so that bucket placement is the same from run to run. Stable
 * for o's lifetime. Never allocates. */
uint32_t obj_identity_hash(Vm *vm, Obj *o);
/* Whether o has been given its identity hash yet (an object without one is in no table). */
static inline bool obj_has_identity_hash(const Obj *o) {
    return o->identity != 0;
}

/* Name of a kind, for inspect and Object.prototype.toString. */
const char *obj_kind_name(ObjKind kind);

/* ---- creation ------------------------------------------------------------------ */

/* An ordinary, extensible object with prototype proto (NULL: null prototype). */
Obj *obj_new(Vm *vm, Obj *proto);
/* An object of another kind; the caller fills u. */
Obj *obj_new_kind(Vm *vm, ObjKind kind, Obj *proto);
/* {} with %Object.prototype%. */
Obj *obj_new_plain(Vm *vm);
/* An array of length len whose elements are undefined (ArrayCreate, #sec-arraycreate). */
Obj *obj_new_array(Vm *vm, uint32_t len);
/* An array holding a copy of n values (CreateArrayFromList). */
Obj *obj_new_array_from(Vm *vm, uint32_t n, const Value *values);

/* ---- internal methods ------------------------------------------------------------ */

/* [[Get]](key, receiver): VAL_EXCEPTION on throw. */
Value obj_get(Vm *vm, Obj *o, Atom key);
Value obj_get_with_receiver(Vm *vm, Obj *o, Atom key, Value receiver);
/* GetV(v, key) (#sec-getv) for any value: primitives use their prototype ("abc".length
 * and string indices directly). Throws V8's TypeError for null/undefined:
 * "Cannot read properties of undefined (reading 'key')". */
Value val_get(Vm *vm, Value v, Atom key);
/* Get with a JS value as key (o[k]): ToPropertyKey then val_get. */
Value val_get_by_value(Vm *vm, Value v, Value key);

/* [[Set]](key, v, receiver) (#sec-ordinary-object-internal-methods-and-internal-slots-
 * set-p-v-receiver). Returns false on a throw; a failed assignment (read-only, not
 * extensible) throws a TypeError in strict code (throw_on_fail) and is silently ignored
 * otherwise (then *true* is returned). */
bool obj_set(Vm *vm, Obj *o, Atom key, Value v, bool throw_on_fail) WARN_UNUSED;
bool obj_set_with_receiver(Vm *vm, Obj *o, Atom key, Value v, Value receiver,
                           bool throw_on_fail) WARN_UNUSED;
/* PutValue on any base value (primitives: setters on the prototype run, else ignored
 * or TypeError in strict code; null/undefined: "Cannot set properties of undefined"). */
bool val_set(Vm *vm, Value base, Atom key, Value v, bool throw_on_fail) WARN_UNUSED;

/* [[GetOwnProperty]]: true when found; desc has every field. Never throws. */
bool obj_get_own_property(Vm *vm, Obj *o, Atom key, PropDesc *desc);
/* Fast own lookup for C code: the Prop, or NULL (not for array elements/length). */
Prop *obj_find_own_prop(Obj *o, Atom key);
/* [[DefineOwnProperty]] with ValidateAndApplyPropertyDescriptor. On rejection returns
 * false; with throw_on_fail a TypeError ("Cannot redefine property: x") is pending, else
 * no exception is pending (check vm_has_exception to distinguish). */
bool obj_define_own_property(Vm *vm, Obj *o, Atom key, const PropDesc *desc,
                             bool throw_on_fail) WARN_UNUSED;
/* Shortcuts for building objects from C: define (or overwrite) a data property or an
 * accessor with the given PROP_* flags. They never run JS; they only fail (false, TypeError
 * pending) on non-configurable existing properties or non-extensible objects. */
bool obj_define_value(Vm *vm, Obj *o, Atom key, Value v, uint32_t flags) WARN_UNUSED;
bool obj_define_accessor(Vm *vm, Obj *o, Atom key, Value getter, Value setter,
                         uint32_t flags) WARN_UNUSED;
/* CreateDataProperty(o, key, v) (#sec-createdataproperty): define with PROP_DEFAULT. */
bool CreateDataProperty(Vm *vm, Obj *o, Atom key, Value v) WARN_UNUSED;

/* [[HasProperty]] (walks the prototype chain) and HasOwnProperty. Never throw. */
bool obj_has_property(Vm *vm, Obj *o, Atom key);
bool obj_has_own_property(Vm *vm, Obj *o, Atom key);
/* [[Delete]]: *deleted=false when the property is non-configurable (then in strict code
 * the caller throws). Returns false only on a throw. */
bool obj_delete(Vm *vm, Obj *o, Atom key, bool *deleted) WARN_UNUSED;

/* [[OwnPropertyKeys]] as a new JS array of key values (strings then symbols).
 * flags: OWNKEYS_STRINGS, OWNKEYS_SYMBOLS, OWNKEYS_ENUMERABLE_ONLY. */
enum { OWNKEYS_STRINGS = 1, OWNKEYS_SYMBOLS = 2, OWNKEYS_ENUMERABLE_ONLY = 4 };
Obj *obj_own_keys(Vm *vm, Obj *o, uint32_t flags);
/* The same as a malloc'd atom array (*count entries; free() it). Atoms stay valid while o
 * holds them; for C loops that do not run JS (inspect, JSON of plain data). */
Atom *obj_own_keys_atoms(Vm *vm, Obj *o, uint32_t flags, uint32_t *count);

/* [[GetPrototypeOf]] / [[SetPrototypeOf]] (false when a cycle or non-extensible). */
Obj *obj_get_proto(Obj *o);
bool obj_set_proto(Vm *vm, Obj *o, Obj *proto);
bool obj_prevent_extensions(Vm *vm, Obj *o);
/* SetIntegrityLevel (#sec-setintegritylevel): sealed or frozen; TestIntegrityLevel. */
bool obj_set_integrity(Vm *vm, Obj *o, bool frozen) WARN_UNUSED;
bool obj_test_integrity(Vm *vm, Obj *o, bool frozen);

/* OrdinaryHasInstance / InstanceofOperator (#sec-instanceofoperator): false on throw. */
bool InstanceofOperator(Vm *vm, Value v, Value target, bool *out) WARN_UNUSED;
/* OrdinaryCreateFromConstructor: an object whose prototype is new_target.prototype,
 * or the realm's intrinsic fallback when that is not an object. NULL on throw. */
Obj *obj_create_from_constructor(Vm *vm, Value new_target, ObjKind kind, Obj *fallback_proto);

/* ---- arrays ------------------------------------------------------------------------ */

static inline bool obj_is_array(const Obj *o) {
    return o->kind == OBJ_ARRAY;
}
/* IsArray (#sec-isarray), without proxies. */
bool IsArray(Value v);
/* The "length" of an array. */
static inline uint32_t obj_array_len(const Obj *o) {
    return o->u.array.len;
}
/* True when every element [0, len) is in u.array.elems (holes are VAL_EMPTY), so C code
 * may read elems directly. */
static inline bool obj_array_is_dense(const Obj *o) {
    return !(o->flags & OBJF_SPARSE) && o->u.array.dense == o->u.array.len;
}
/* A mapped arguments object: its elements [0, n) are the variables refs[0..n) (the
 * parameters; #sec-createmappedargumentsobject). Takes refs (malloc'd). */
void obj_arguments_map(Vm *vm, Obj *args, VarRef **refs, uint32_t n);
/* Append v (like push; does not consult setters on the prototype). */
bool obj_array_push(Vm *vm, Obj *arr, Value v) WARN_UNUSED;
/* Set "length" (ArraySetLength semantics: deletes elements beyond). False on throw. */
bool obj_array_set_length(Vm *vm, Obj *arr, double len, bool throw_on_fail) WARN_UNUSED;

/* LengthOfArrayLike (#sec-lengthofarraylike): false on throw. */
bool LengthOfArrayLike(Vm *vm, Obj *o, double *out) WARN_UNUSED;
/* Get/Set by integer index on any object (uses the fast path for dense arrays). */
Value obj_get_index(Vm *vm, Obj *o, uint32_t index);
bool obj_set_index(Vm *vm, Obj *o, uint32_t index, Value v, bool throw_on_fail) WARN_UNUSED;

/* ---- property table internals (shape.c), for object.c and the GC ------------------- */

/* An empty table whose first cap Props are the (uninitialised) inline storage at
 * inline_props (NULL, 0: none). */
void ptab_init(PropTable *t, Prop *inline_props, uint32_t cap);
void ptab_fini(Vm *vm, PropTable *t);
Prop *ptab_find_indexed(const PropTable *t, Atom key);
/* The Prop of key, or NULL (a linear scan while the table is small, inline here). */
static inline Prop *ptab_find(const PropTable *t, Atom key) {
    if (t->index)
        return ptab_find_indexed(t, key);
    Prop *p = t->props, *end = p + t->count;
    for (; p < end; p++)
        if (p->key == key)
            return p;
    return NULL;
}
/* Appends a new key (must be absent); returns the slot to fill. */
Prop *ptab_add(Vm *vm, PropTable *t, Atom key, uint32_t flags);
void ptab_remove(Vm *vm, PropTable *t, Atom key);
void obj_mark_children(Vm *vm, Obj *o);
void obj_finalize(Vm *vm, Obj *o);

#endif
