/* value.h — the JavaScript value, NaN-boxed in 64 bits. Owns the encoding and the type
 * tests, and declares the ECMA-262 type conversions (ToNumber, ToString, ToPrimitive,
 * ToObject, ToPropertyKey, the equality algorithms...) that every module uses.
 *
 * Encoding. A Value is the bit pattern of an IEEE double unless its top 13 bits are all
 * ones (a negative quiet NaN, which arithmetic never produces once val_number()
 * canonicalises NaN to 0x7ff8000000000000). Those patterns carry a 3-bit tag in bits
 * 48..50 and a 48-bit payload: undefined, null, booleans, the internal specials (EMPTY:
 * an uninitialised let/const binding or an array hole; EXCEPTION: "a JS exception is
 * pending in vm->exception") and pointers to heap objects (object, string, symbol).
 * All numbers are doubles: there is no separate int32 representation.
 *
 * Conversions that can run JS (valueOf, toString, getters) take the Vm, follow the
 * spec step by step, and report a thrown exception by returning VAL_EXCEPTION, NULL or
 * false (see each declaration); the exception itself is then in vm->exception. Every
 * Value a C function holds across an allocation must be rooted (gc.h). */
#ifndef TICKSCOPE_VALUE_H
#define TICKSCOPE_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "common/util.h"

typedef uint64_t Value;

/* Forward declarations of the engine's main types, shared by every tracer header. */
typedef struct Vm Vm;
typedef struct GcHeader GcHeader;
typedef struct Obj Obj;
typedef struct ObjString ObjString;
typedef struct ObjSymbol ObjSymbol;
typedef struct FuncProto FuncProto;
typedef struct Frame Frame;
typedef struct Realm Realm;
typedef uint32_t Atom; /* atom.h */
typedef struct NativeCtx NativeCtx;   /* function.h */
typedef struct Activation Activation; /* frame.h */
typedef struct VarRef VarRef;         /* function.h */

#define VAL_TAG_BASE 0xfff8000000000000ull
#define VAL_TAG_SHIFT 48
#define VAL_PAYLOAD_MASK 0x0000ffffffffffffull
#define VAL_TAG_MASK 0xffff000000000000ull

typedef enum {
    VTAG_UNDEFINED = 1,
    VTAG_NULL = 2,
    VTAG_BOOL = 3,
    VTAG_SPECIAL = 4, /* EMPTY, EXCEPTION */
    VTAG_OBJECT = 5,
    VTAG_STRING = 6,
    VTAG_SYMBOL = 7,
} ValueTag;

#define VAL_MAKE(tag, payload) (VAL_TAG_BASE | ((uint64_t)(tag) << VAL_TAG_SHIFT) | (payload))
#define VAL_UNDEFINED VAL_MAKE(VTAG_UNDEFINED, 0)
#define VAL_NULL VAL_MAKE(VTAG_NULL, 0)
#define VAL_FALSE VAL_MAKE(VTAG_BOOL, 0)
#define VAL_TRUE VAL_MAKE(VTAG_BOOL, 1)
#define VAL_EMPTY VAL_MAKE(VTAG_SPECIAL, 0)     /* TDZ binding, array hole: never user-visible */
#define VAL_EXCEPTION VAL_MAKE(VTAG_SPECIAL, 1) /* "an exception is pending" */
#define VAL_NAN 0x7ff8000000000000ull

static inline uint32_t val_tag(Value v) {
    return (v & VAL_TAG_BASE) == VAL_TAG_BASE ? (uint32_t)((v >> VAL_TAG_SHIFT) & 7) : 0;
}
static inline bool val_is_number(Value v) {
    return (v & VAL_TAG_BASE) != VAL_TAG_BASE;
}
static inline bool val_is_undefined(Value v) {
    return v == VAL_UNDEFINED;
}
static inline bool val_is_null(Value v) {
    return v == VAL_NULL;
}
static inline bool val_is_nullish(Value v) {
    return v == VAL_UNDEFINED || v == VAL_NULL;
}
static inline bool val_is_bool(Value v) {
    return (v & ~1ull) == VAL_FALSE;
}
static inline bool val_is_empty(Value v) {
    return v == VAL_EMPTY;
}
static inline bool val_is_exception(Value v) {
    return v == VAL_EXCEPTION;
}
static inline bool val_is_object(Value v) {
    return (v & VAL_TAG_MASK) == VAL_MAKE(VTAG_OBJECT, 0);
}
static inline bool val_is_string(Value v) {
    return (v & VAL_TAG_MASK) == VAL_MAKE(VTAG_STRING, 0);
}
static inline bool val_is_symbol(Value v) {
    return (v & VAL_TAG_MASK) == VAL_MAKE(VTAG_SYMBOL, 0);
}
/* True for values that point to a GC object (object, string, symbol). */
static inline bool val_is_gc(Value v) {
    uint32_t t = val_tag(v);
    return t >= VTAG_OBJECT;
}

static inline double val_as_number(Value v) {
    double d;
    memcpy(&d, &v, sizeof d);
    return d;
}
/* Any double; NaN is canonicalised so that it never collides with a tagged value. */
static inline Value val_number(double d) {
    Value v;
    if (d != d)
        return VAL_NAN;
    memcpy(&v, &d, sizeof v);
    return v;
}
static inline Value val_bool(bool b) {
    return b ? VAL_TRUE : VAL_FALSE;
}
static inline bool val_as_bool(Value v) {
    return v == VAL_TRUE;
}
static inline void *val_as_ptr(Value v) {
    return (void *)(uintptr_t)(v & VAL_PAYLOAD_MASK);
}
static inline GcHeader *val_as_gc(Value v) {
    return (GcHeader *)val_as_ptr(v);
}
static inline Obj *val_as_obj(Value v) {
    return (Obj *)val_as_ptr(v);
}
static inline ObjString *val_as_str(Value v) {
    return (ObjString *)val_as_ptr(v);
}
static inline ObjSymbol *val_as_sym(Value v) {
    return (ObjSymbol *)val_as_ptr(v);
}
static inline Value val_obj(const Obj *o) {
    return VAL_MAKE(VTAG_OBJECT, (uint64_t)(uintptr_t)o);
}
static inline Value val_str(const ObjString *s) {
    return VAL_MAKE(VTAG_STRING, (uint64_t)(uintptr_t)s);
}
static inline Value val_sym(const ObjSymbol *s) {
    return VAL_MAKE(VTAG_SYMBOL, (uint64_t)(uintptr_t)s);
}

/* ---- ECMA-262 type conversions and comparisons (value.c) ---------------------------- */

typedef enum { HINT_DEFAULT, HINT_NUMBER, HINT_STRING } PreferredType;

/* ToBoolean (#sec-toboolean): never throws. */
bool ToBoolean(Value v);
/* ToPrimitive (#sec-toprimitive): VAL_EXCEPTION when a user method throws. */
Value ToPrimitive(Vm *vm, Value v, PreferredType hint) WARN_UNUSED;
/* ToNumber (#sec-tonumber); ToNumeric is the same until BigInt exists.
 * On a throw returns false and leaves *out unchanged. */
bool ToNumber(Vm *vm, Value v, double *out) WARN_UNUSED;
/* ToIntegerOrInfinity, ToInt32, ToUint32, ToLength, ToIndex-like clamp: false on throw. */
bool ToIntegerOrInfinity(Vm *vm, Value v, double *out) WARN_UNUSED;
bool ToInt32(Vm *vm, Value v, int32_t *out) WARN_UNUSED;
bool ToUint32(Vm *vm, Value v, uint32_t *out) WARN_UNUSED;
bool ToLength(Vm *vm, Value v, double *out) WARN_UNUSED;
/* ToString (#sec-tostring): a string (possibly v itself), or NULL on a throw
 * (a Symbol throws "Cannot convert a Symbol value to a string"). */
ObjString *ToString(Vm *vm, Value v) WARN_UNUSED;
/* ToObject (#sec-toobject): wraps primitives; NULL and a TypeError for null/undefined
 * ("Cannot convert undefined or null to object"). */
Obj *ToObject(Vm *vm, Value v) WARN_UNUSED;
/* ToPropertyKey (#sec-topropertykey): the interned key; false on a throw. */
bool ToPropertyKey(Vm *vm, Value v, Atom *out) WARN_UNUSED;

/* Equality (#sec-samevalue, #sec-samevaluezero, #sec-isstrictlyequal): never throw. */
bool SameValue(Value a, Value b);
bool SameValueZero(Value a, Value b);
bool IsStrictlyEqual(Value a, Value b);
/* IsLooselyEqual (#sec-islooselyequal): may call valueOf/toString; false on a throw
 * with *out unchanged. */
bool IsLooselyEqual(Vm *vm, Value a, Value b, bool *out) WARN_UNUSED;

/* IsCallable / IsConstructor (#sec-iscallable, #sec-isconstructor). */
bool IsCallable(Value v);
bool IsConstructor(Value v);

/* The result of the typeof operator, as a predefined atom (ATOM_undefined, ...). */
Atom val_typeof(Value v);

/* Number::toString(x) as a new JS string (numconv.h does the digits). */
ObjString *val_number_to_string(Vm *vm, double d);

#endif
