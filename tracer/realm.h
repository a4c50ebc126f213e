/* realm.h — the realm (#sec-code-realms): the global object and the intrinsics
 * (%Object.prototype%, %Array%, %TypeError.prototype%...), and the registration table
 * through which built-ins install themselves. Each global lives in its own file under
 * tracer/builtins/ (object.c, function.c, error.c, console.c...) exporting
 * `void bi_<name>_init(Vm *vm)`; tracer/builtins/builtins.def lists them in init order.
 * An init function creates its constructor/prototype with realm_new_ctor / obj_new,
 * installs methods from a static BuiltinEntry table with realm_define_entries, stores
 * the intrinsics it owns in realm->intrinsics, and defines its global binding. */
#ifndef TICKSCOPE_REALM_H
#define TICKSCOPE_REALM_H

#include <stdbool.h>
#include <stdint.h>

#include "tracer/function.h"
#include "tracer/object.h"
#include "tracer/value.h"

/* The intrinsics, X(Name): realm->intrinsics[INTR_Name]. Append as needed. */
#define REALM_INTRINSICS(X)                                                                 \
    X(ObjectPrototype) X(Object) X(FunctionPrototype) X(Function)                           \
    X(ArrayPrototype) X(Array) X(StringPrototype) X(String) X(NumberPrototype) X(Number)   \
    X(BooleanPrototype) X(Boolean) X(SymbolPrototype) X(Symbol) X(BigIntPrototype)          \
    X(ErrorPrototype) X(Error) X(TypeErrorPrototype) X(TypeError)                           \
    X(RangeErrorPrototype) X(RangeError) X(ReferenceErrorPrototype) X(ReferenceError)       \
    X(SyntaxErrorPrototype) X(SyntaxError) X(EvalErrorPrototype) X(EvalError)               \
    X(URIErrorPrototype) X(URIError) X(AggregateErrorPrototype) X(AggregateError)           \
    X(IteratorPrototype) X(AsyncIteratorPrototype) X(ArrayIteratorPrototype)                \
    X(StringIteratorPrototype) X(MapIteratorPrototype) X(SetIteratorPrototype)              \
    X(RegExpStringIteratorPrototype) X(GeneratorFunctionPrototype) X(GeneratorFunction)     \
    X(GeneratorPrototype) X(AsyncFunctionPrototype) X(AsyncFunction)                        \
    X(AsyncGeneratorFunctionPrototype) X(AsyncGeneratorFunction) X(AsyncGeneratorPrototype)  \
    X(AsyncFromSyncIteratorPrototype) X(PromisePrototype) X(Promise) X(MapPrototype) X(Map) \
    X(SetPrototype) X(Set) X(WeakMapPrototype) X(WeakMap) X(WeakSetPrototype) X(WeakSet)    \
    X(WeakRefPrototype) X(DatePrototype) X(Date) X(RegExpPrototype) X(RegExp)               \
    X(ThrowTypeError) X(ArrayProtoValues) X(Math) X(JSON) X(Console)                  \
    X(ConsoleState) X(FinalizationRegistryPrototype) X(WeakAgent)

typedef enum {
#define X(name) INTR_##name,
    REALM_INTRINSICS(X)
#undef X
        INTR__COUNT
} IntrinsicId;

struct Realm {
    Obj *global;                   /* the global object (globalThis) */
    Obj *intrinsics[INTR__COUNT];  /* NULL until its builtin file creates it */
    Value symbol_registry;         /* Symbol.for table (an object), or undefined */
};

static inline Obj *realm_intrinsic(Vm *vm, IntrinsicId id);

/* One entry of a builtin table (Lua's luaL_Reg, QuickJS's JSCFunctionListEntry). */
typedef enum {
    BE_METHOD = 0, /* a method: fn, length */
    BE_GETTER,     /* an accessor with getter fn (setter undefined) */
    BE_ACCESSOR,   /* getter fn and setter fn2 */
    BE_NUMBER,     /* a constant number: num (non-writable, non-enumerable, non-config.) */
    BE_STRING,     /* a constant string: str (writable, configurable) */
} BuiltinEntryKind;

typedef struct {
    const char *name; /* property name; NULL when atom is set (symbol keys) */
    Atom atom;        /* ATOM_NULL, or a predefined atom such as ATOM_Symbol_iterator */
    uint8_t kind;     /* BuiltinEntryKind */
    uint8_t length;
    int16_t magic;
    NativeFn *fn;
    NativeFn *fn2;
    double num;
    const char *str;
    uint32_t flags;   /* 0 = the default for the kind (methods: PROP_BUILTIN) */
} BuiltinEntry;

#define BI_METHOD(nm, f, len) {.name = (nm), .kind = BE_METHOD, .length = (len), .fn = (f)}
#define BI_METHOD_MAGIC(nm, f, len, mg)                                                      \
    {.name = (nm), .kind = BE_METHOD, .length = (len), .fn = (f), .magic = (mg)}
#define BI_SYM_METHOD(at, f, len) {.atom = (at), .kind = BE_METHOD, .length = (len), .fn = (f)}
#define BI_GETTER(nm, f) {.name = (nm), .kind = BE_GETTER, .fn = (f)}
#define BI_SYM_GETTER(at, f) {.atom = (at), .kind = BE_GETTER, .fn = (f)}
#define BI_ACCESSOR(nm, g, s) {.name = (nm), .kind = BE_ACCESSOR, .fn = (g), .fn2 = (s)}
#define BI_NUMBER(nm, v) {.name = (nm), .kind = BE_NUMBER, .num = (v)}
#define BI_STRING(nm, s) {.name = (nm), .kind = BE_STRING, .str = (s)}
#define BI_SYM_STRING(at, s)                                                                 \
    {.atom = (at), .kind = BE_STRING, .str = (s), .flags = PROP_CONFIGURABLE}

/* Installs every entry of table on obj. */
void realm_define_entries(Vm *vm, Obj *obj, const BuiltinEntry *table, size_t n);
/* A native constructor named name with its "prototype" (non-writable...) and
 * proto.constructor set; stores both intrinsics when the ids are not -1. Returns ctor. */
Obj *realm_new_ctor(Vm *vm, const char *name, NativeFn *fn, int length, Obj *proto,
                    int ctor_id, int proto_id);
/* Defines a global binding (writable, configurable, non-enumerable, as for built-ins). */
void realm_define_global(Vm *vm, const char *name, Value v);

/* Builds the realm: creates the fundamental objects, then runs every bi_*_init. */
Realm *realm_new(Vm *vm);
void realm_free(Vm *vm, Realm *r);
void realm_mark(Vm *vm, Realm *r);

/* The init functions (tracer/builtins/builtins.def). */
#define BUILTIN(name) void bi_##name##_init(Vm *vm);
#include "tracer/builtins/builtins.def"
#undef BUILTIN

/* CreateDynamicFunction (#sec-createdynamicfunction), the [[Call]] and [[Construct]] of
 * Function, GeneratorFunction, AsyncFunction and AsyncGeneratorFunction: dynamic code
 * is not supported, so it throws a SyntaxError (builtins/function.c). */
NATIVE(CreateDynamicFunction);
/* CreateListFromArrayLike (#sec-createlistfromarraylike) as a fresh dense array, NULL on a
 * throw (builtins/function.c; Function.prototype.apply, Reflect.apply/construct). */
Obj *CreateListFromArrayLike(Vm *vm, Value v);

#include "tracer/vm.h"
static inline Obj *realm_intrinsic(Vm *vm, IntrinsicId id) {
    return vm->realm->intrinsics[id];
}

#endif
