/* math.c — the Math object (ecma262 #sec-math-object): its value properties, the
 * one-argument functions (a table of C functions indexed by the native's magic), and
 * max, min, hypot, pow, atan2, imul, clz32, round, sign, fround, random.
 *
 * Numbers follow ECMA-262 where C differs: Math.round rounds half up (-0.5 gives -0),
 * Math.pow is Number::exponentiate (1 ** Infinity and NaN ** 0: see mathlib_pow), max/min
 * order -0 below +0 and coerce every argument before looking for NaN, hypot uses V8's
 * scaled Kahan sum. The transcendental functions and pow come from tracer/mathlib, which
 * computes them bit for bit as V8 does (the C library differs from node in the last bit
 * for a few percent of arguments); sqrt, floor, ceil, trunc and abs are exact anywhere.
 *
 * Math.random is deterministic (DESIGN: the same program gives a byte-identical trace):
 * V8's generator, xorshift128+, seeded per VM from MATH_RANDOM_SEED through splitmix64.
 * Its state lives in an internal object held by the Math.random function (data[0]). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tracer/mathlib.h"
#include "tracer/realm.h"
#include "tracer/str.h"

/* The seed of Math.random: the ASCII bytes of "tickscop". */
#define MATH_RANDOM_SEED 0x7469636b73636f70ull

/* ==== one-argument functions ============================================================ */

static double js_round(double x) {
    /* #sec-math.round: integral values (and NaN, infinities, -0) are returned as is;
     * -0.5 <= x < 0 gives -0; otherwise the closest integer, ties toward +Infinity. */
    if (!isfinite(x) || floor(x) == x)
        return x;
    if (x < 0 && x >= -0.5)
        return -0.0;
    double r = floor(x);
    return x - r >= 0.5 ? r + 1 : r;
}

static double js_sign(double x) {
    if (x != x || x == 0)
        return x;
    return x > 0 ? 1 : -1;
}

static double js_fround(double x) {
    return (double)(float)x;
}

static double js_abs(double x) {
    return fabs(x);
}

/* X(name, C function): Math.<name>(x) = f(ToNumber(x)), in V8's property order. */
#define MATH_UNARY(X)                                                                        \
    X("abs", js_abs) X("acos", mathlib_acos) X("acosh", mathlib_acosh)                      \
    X("asin", mathlib_asin) X("asinh", mathlib_asinh) X("atan", mathlib_atan)               \
    X("atanh", mathlib_atanh)
#define MATH_UNARY2(X)                                                                       \
    X("ceil", ceil) X("cbrt", mathlib_cbrt) X("expm1", mathlib_expm1)
#define MATH_UNARY3(X)                                                                       \
    X("cos", mathlib_cos) X("cosh", mathlib_cosh) X("exp", mathlib_exp) X("floor", floor)   \
    X("fround", js_fround)
#define MATH_UNARY4(X)                                                                       \
    X("log", mathlib_log) X("log1p", mathlib_log1p) X("log2", mathlib_log2)                 \
    X("log10", mathlib_log10)
#define MATH_UNARY5(X)                                                                       \
    X("round", js_round) X("sign", js_sign) X("sin", mathlib_sin) X("sinh", mathlib_sinh)   \
    X("sqrt", sqrt) X("tan", mathlib_tan) X("tanh", mathlib_tanh) X("trunc", trunc)

#define MATH_UNARY_ALL(X)                                                                    \
    MATH_UNARY(X) MATH_UNARY2(X) MATH_UNARY3(X) MATH_UNARY4(X) MATH_UNARY5(X)

enum {
#define X(name, fn) MU_##fn,
    MATH_UNARY_ALL(X)
#undef X
};
static double (*const unary_fns[])(double) = {
#define X(name, fn) [MU_##fn] = fn,
    MATH_UNARY_ALL(X)
#undef X
};

static NATIVE(math_unary) {
    double x;
    if (!ToNumber(vm, ARG(0), &x))
        return VAL_EXCEPTION;
    return val_number(unary_fns[ctx->magic](x));
}

/* ==== functions of two or more arguments ================================================ */

/* Math.pow(base, exponent) (#sec-math.pow) */
static NATIVE(math_pow) {
    double b, e;
    if (!ToNumber(vm, ARG(0), &b) || !ToNumber(vm, ARG(1), &e))
        return VAL_EXCEPTION;
    return val_number(mathlib_pow(b, e));
}

/* Math.atan2(y, x) (#sec-math.atan2) */
static NATIVE(math_atan2) {
    double y, x;
    if (!ToNumber(vm, ARG(0), &y) || !ToNumber(vm, ARG(1), &x))
        return VAL_EXCEPTION;
    return val_number(mathlib_atan2(y, x));
}

/* Math.max(...args) and, with magic 1, Math.min(...args) (#sec-math.max, #sec-math.min):
 * every argument is coerced first; NaN wins; +0 is larger than -0. */
static NATIVE(math_max_min) {
    bool is_min = ctx->magic == 1;
    double r = is_min ? INFINITY : -INFINITY;
    bool nan = false;
    for (int i = 0; i < argc; i++) {
        double x;
        if (!ToNumber(vm, argv[i], &x))
            return VAL_EXCEPTION;
        if (x != x) {
            nan = true;
        } else if (x == 0 && r == 0) {
            if (is_min ? signbit(x) : !signbit(x))
                r = x;
        } else if (is_min ? x < r : x > r) {
            r = x;
        }
    }
    return val_number(nan ? NAN : r);
}

/* Math.hypot(...args) (#sec-math.hypot), computed as V8 does: scaled by the largest
 * magnitude, with Kahan summation. */
static NATIVE(math_hypot) {
    double stack_buf[16];
    double *abs_values = argc <= 16 ? stack_buf : xmalloc((size_t)argc * sizeof(double));
    double max = 0;
    bool one_nan = false;
    for (int i = 0; i < argc; i++) {
        double x;
        if (!ToNumber(vm, argv[i], &x)) {
            if (abs_values != stack_buf)
                free(abs_values);
            return VAL_EXCEPTION;
        }
        x = fabs(x);
        abs_values[i] = x;
        if (x != x)
            one_nan = true;
        else if (x > max)
            max = x;
    }
    double r;
    if (max == INFINITY) {
        r = INFINITY;
    } else if (one_nan) {
        r = NAN;
    } else if (max == 0) {
        r = 0;
    } else {
        double sum = 0, compensation = 0;
        for (int i = 0; i < argc; i++) {
            double n = abs_values[i] / max;
            double summand = n * n - compensation;
            double preliminary = sum + summand;
            compensation = (preliminary - sum) - summand;
            sum = preliminary;
        }
        r = sqrt(sum) * max;
    }
    if (abs_values != stack_buf)
        free(abs_values);
    return val_number(r);
}

/* Math.imul(x, y) (#sec-math.imul) */
static NATIVE(math_imul) {
    uint32_t a, b;
    if (!ToUint32(vm, ARG(0), &a) || !ToUint32(vm, ARG(1), &b))
        return VAL_EXCEPTION;
    return val_number((int32_t)(a * b));
}

/* Math.clz32(x) (#sec-math.clz32) */
static NATIVE(math_clz32) {
    uint32_t n;
    if (!ToUint32(vm, ARG(0), &n))
        return VAL_EXCEPTION;
    return val_number(n ? __builtin_clz(n) : 32);
}

/* ==== random ============================================================================ */

static uint64_t splitmix64(uint64_t *x) {
    uint64_t z = (*x += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/* The state is four 32-bit halves kept as numbers in the slots of an internal object. */
static uint64_t state_get(const Obj *st, int i) {
    return ((uint64_t)val_as_number(st->u.host.slots[2 * i]) << 32) |
           (uint64_t)val_as_number(st->u.host.slots[2 * i + 1]);
}

static void state_put(Obj *st, int i, uint64_t v) {
    st->u.host.slots[2 * i] = val_number((double)(uint32_t)(v >> 32));
    st->u.host.slots[2 * i + 1] = val_number((double)(uint32_t)v);
}

/* Math.random() (#sec-math.random): xorshift128+, the top 52 bits as a double in [0, 1). */
static NATIVE(math_random) {
    Value sv = ctx->callee->u.native.data[0];
    if (!val_is_object(sv))
        return val_number(0);
    Obj *st = val_as_obj(sv);
    uint64_t s1 = state_get(st, 0), s0 = state_get(st, 1);
    s1 ^= s1 << 23;
    s1 ^= s1 >> 17;
    s1 ^= s0;
    s1 ^= s0 >> 26;
    state_put(st, 0, s0);
    state_put(st, 1, s1);
    uint64_t bits = (s0 >> 12) | 0x3ff0000000000000ull;
    double d;
    memcpy(&d, &bits, sizeof d);
    return val_number(d - 1);
}

/* ==== registration ====================================================================== */

#define X(name, fn) BI_METHOD_MAGIC(name, math_unary, 1, MU_##fn),
static const BuiltinEntry math_fns[] = {
    MATH_UNARY(X)
    BI_METHOD("atan2", math_atan2, 2),
    MATH_UNARY2(X)
    BI_METHOD("clz32", math_clz32, 1),
    MATH_UNARY3(X)
    BI_METHOD("hypot", math_hypot, 2),
    BI_METHOD("imul", math_imul, 2),
    MATH_UNARY4(X)
    BI_METHOD_MAGIC("max", math_max_min, 2, 0),
    BI_METHOD_MAGIC("min", math_max_min, 2, 1),
    BI_METHOD("pow", math_pow, 2),
    BI_METHOD("random", math_random, 0),
    MATH_UNARY5(X)
    BI_NUMBER("E", 2.718281828459045),
    BI_NUMBER("LN10", 2.302585092994046),
    BI_NUMBER("LN2", 0.6931471805599453),
    BI_NUMBER("LOG10E", 0.4342944819032518),
    BI_NUMBER("LOG2E", 1.4426950408889634),
    BI_NUMBER("PI", 3.141592653589793),
    BI_NUMBER("SQRT1_2", 0.7071067811865476),
    BI_NUMBER("SQRT2", 1.4142135623730951),
    BI_SYM_STRING(ATOM_Symbol_toStringTag, "Math"),
};
#undef X

void bi_math_init(Vm *vm) {
    Obj *math = obj_new_plain(vm), *st = NULL;
    gc_root_push_ptr(vm, &math);
    gc_root_push_ptr(vm, &st);
    vm->realm->intrinsics[INTR_Math] = math;
    realm_define_entries(vm, math, math_fns, ARRAY_LEN(math_fns));
    /* the generator's state, seeded for this VM */
    st = obj_new_kind(vm, OBJ_HOST, NULL);
    uint64_t seed = MATH_RANDOM_SEED;
    state_put(st, 0, splitmix64(&seed));
    state_put(st, 1, splitmix64(&seed));
    Prop *p = obj_find_own_prop(math, atom_intern(vm, "random"));
    if (p && !(p->flags & PROP_ACCESSOR) && val_is_object(p->u.value))
        val_as_obj(p->u.value)->u.native.data[0] = val_obj(st);
    realm_define_global(vm, "Math", val_obj(math));
    gc_root_pop(vm, 2);
}
