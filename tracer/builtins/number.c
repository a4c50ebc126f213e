/* builtins/number.c — the Number constructor, its constants and predicates, and
 * Number.prototype (ecma262 #sec-number-objects), plus the global functions parseInt,
 * parseFloat, isNaN and isFinite (#sec-function-properties-of-the-global-object);
 * Number.parseInt and Number.parseFloat are the same function objects as the globals.
 * The digits come from numconv.h (Number::toString, toFixed, toExponential, toPrecision,
 * the parseInt/parseFloat cores); this file does the spec's argument handling and V8's
 * error texts.
 *
 * toLocaleString ignores its locales/options arguments and formats as node 20's default
 * locale (en-US) does: the shortest round-trip digits rounded half away from zero to at
 * most 3 fraction digits, "," grouping, "∞" for infinities, "-0" for negative zero. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tracer/numconv.h"
#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/vm.h"

/* thisNumberValue (#sec-thisnumbervalue), with V8's message naming the method. */
static bool this_number_value(Vm *vm, Value v, const char *method, double *out) {
    if (val_is_number(v)) {
        *out = val_as_number(v);
        return true;
    }
    if (val_is_object(v) && val_as_obj(v)->kind == OBJ_NUMBER &&
        val_is_number(val_as_obj(v)->u.prim)) {
        *out = val_as_number(val_as_obj(v)->u.prim);
        return true;
    }
    vm_throw_type_error(vm, "Number.prototype.%s requires that 'this' be a Number", method);
    return false;
}

static Value strbuf_to_value(Vm *vm, StrBuf *sb) {
    ObjString *s = str_new_utf8(vm, sb->data, sb->len);
    strbuf_fini(sb);
    return val_str(s);
}

static Value numconv_error(Vm *vm, NumconvStatus st, StrBuf *sb) {
    strbuf_fini(sb);
    return vm_throw_range_error(vm, "%s", numconv_status_message(st));
}

/* The text of a JS string as numconv sees it (the string must stay alive). */
static NumconvText text_of(const ObjString *s) {
    return s->wide ? numconv_text_utf16(str_u16(s), s->len)
                   : numconv_text_latin1(str_u8(s), s->len);
}

/* ==== the constructor ===================================================================== */

/* Number(value) (#sec-number-constructor-number-value) */
static NATIVE(number_ctor) {
    double n = 0;
    /* SPEC-DEVIATION: ToNumeric is ToNumber until BigInt exists. */
    if (argc > 0 && !ToNumber(vm, argv[0], &n))
        return VAL_EXCEPTION;
    if (val_is_undefined(ctx->new_target))
        return val_number(n);
    Obj *o = obj_create_from_constructor(vm, ctx->new_target, OBJ_NUMBER,
                                         realm_intrinsic(vm, INTR_NumberPrototype));
    if (!o)
        return VAL_EXCEPTION;
    o->u.prim = val_number(n);
    return val_obj(o);
}

/* Number.isFinite / isNaN / isInteger / isSafeInteger (#sec-number.isfinite ...): no
 * conversion, false for non-numbers. */
enum { NPRED_FINITE, NPRED_NAN, NPRED_INTEGER, NPRED_SAFE_INTEGER };

static NATIVE(number_predicate) {
    Value v = ARG(0);
    if (!val_is_number(v))
        return VAL_FALSE;
    double d = val_as_number(v);
    switch (ctx->magic) {
    case NPRED_FINITE:
        return val_bool(isfinite(d));
    case NPRED_NAN:
        return val_bool(isnan(d));
    case NPRED_INTEGER:
        return val_bool(numconv_is_integral(d));
    default:
        return val_bool(numconv_is_integral(d) && fabs(d) <= 9007199254740991.0);
    }
}

/* ==== global functions ==================================================================== */

/* parseInt(string, radix) (#sec-parseint-string-radix) */
static NATIVE(global_parse_int) {
    ObjString *s = ToString(vm, ARG(0));
    if (!s)
        return VAL_EXCEPTION;
    gc_root_push_ptr(vm, &s);
    int32_t radix;
    bool ok = ToInt32(vm, ARG(1), &radix);
    gc_root_pop(vm, 1);
    if (!ok)
        return VAL_EXCEPTION;
    return val_number(numconv_parse_int(text_of(s), radix));
}

/* parseFloat(string) (#sec-parsefloat-string) */
static NATIVE(global_parse_float) {
    ObjString *s = ToString(vm, ARG(0));
    if (!s)
        return VAL_EXCEPTION;
    return val_number(numconv_parse_float(text_of(s)));
}

/* isNaN(number) / isFinite(number) (#sec-isnan-number, #sec-isfinite-number): ToNumber
 * first, unlike the Number.* predicates. */
static NATIVE(global_is_nan_finite) {
    double d;
    if (!ToNumber(vm, ARG(0), &d))
        return VAL_EXCEPTION;
    return val_bool(ctx->magic == NPRED_NAN ? isnan(d) : isfinite(d));
}

/* ==== Number.prototype ==================================================================== */

/* Number.prototype.toString(radix) (#sec-number.prototype.tostring) */
static NATIVE(number_to_string) {
    double x, radix = 10;
    if (!this_number_value(vm, this_val, "toString", &x))
        return VAL_EXCEPTION;
    if (!val_is_undefined(ARG(0)) && !ToIntegerOrInfinity(vm, ARG(0), &radix))
        return VAL_EXCEPTION;
    if (radix == 10)
        return val_str(val_number_to_string(vm, x));
    StrBuf sb;
    strbuf_init(&sb);
    NumconvStatus st = numconv_to_radix_string(x, radix, &sb);
    if (st != NUMCONV_OK)
        return numconv_error(vm, st, &sb);
    return strbuf_to_value(vm, &sb);
}

/* Number.prototype.valueOf() (#sec-number.prototype.valueof) */
static NATIVE(number_value_of) {
    double x;
    if (!this_number_value(vm, this_val, "valueOf", &x))
        return VAL_EXCEPTION;
    return val_number(x);
}

/* Number.prototype.toFixed(fractionDigits) (#sec-number.prototype.tofixed) */
static NATIVE(number_to_fixed) {
    double x, f;
    if (!this_number_value(vm, this_val, "toFixed", &x) || !ToIntegerOrInfinity(vm, ARG(0), &f))
        return VAL_EXCEPTION;
    StrBuf sb;
    strbuf_init(&sb);
    NumconvStatus st = numconv_to_fixed(x, f, &sb);
    if (st != NUMCONV_OK)
        return numconv_error(vm, st, &sb);
    return strbuf_to_value(vm, &sb);
}

/* Number.prototype.toExponential(fractionDigits) (#sec-number.prototype.toexponential) */
static NATIVE(number_to_exponential) {
    double x, f;
    if (!this_number_value(vm, this_val, "toExponential", &x) ||
        !ToIntegerOrInfinity(vm, ARG(0), &f))
        return VAL_EXCEPTION;
    StrBuf sb;
    strbuf_init(&sb);
    NumconvStatus st = numconv_to_exponential(x, !val_is_undefined(ARG(0)), f, &sb);
    if (st != NUMCONV_OK)
        return numconv_error(vm, st, &sb);
    return strbuf_to_value(vm, &sb);
}

/* Number.prototype.toPrecision(precision) (#sec-number.prototype.toprecision) */
static NATIVE(number_to_precision) {
    double x, p = 0;
    if (!this_number_value(vm, this_val, "toPrecision", &x))
        return VAL_EXCEPTION;
    bool has = !val_is_undefined(ARG(0));
    if (has && !ToIntegerOrInfinity(vm, ARG(0), &p))
        return VAL_EXCEPTION;
    StrBuf sb;
    strbuf_init(&sb);
    NumconvStatus st = numconv_to_precision(x, has, p, &sb);
    if (st != NUMCONV_OK)
        return numconv_error(vm, st, &sb);
    return strbuf_to_value(vm, &sb);
}

/* The en-US text of a finite |x| > 0 (see the header): the shortest digits rounded half
 * away from zero to 3 fraction digits, trailing zeros dropped, integer part grouped. */
static void locale_format_abs(double x, StrBuf *out) {
    char buf[NUMCONV_DTOA_SIZE];
    NumberToString(x, buf);
    /* digits[0..n) with the decimal point after `point` digits (point may be <= 0 or > n) */
    char digits[NUMCONV_DTOA_SIZE + 2];
    int n = 0, point = -1, exp = 0;
    for (const char *p = buf; *p; p++) {
        if (*p >= '0' && *p <= '9') {
            digits[n++] = *p;
        } else if (*p == '.') {
            point = n;
        } else if (*p == 'e') {
            exp = atoi(p + 1);
            break;
        }
    }
    if (point < 0)
        point = n;
    point += exp;
    int lead = 0;
    while (lead < n - 1 && digits[lead] == '0')
        lead++;
    memmove(digits, digits + lead, (size_t)(n - lead));
    n -= lead;
    point -= lead;
    /* round to `keep` digits: those before the point plus 3 fraction digits */
    int keep = point + 3;
    if (keep < n) {
        bool up = keep >= 0 && digits[keep] >= '5';
        if (keep < 0) {
            n = 0;
        } else {
            n = keep;
            if (up) {
                int i = n - 1;
                while (i >= 0 && digits[i] == '9')
                    digits[i--] = '0';
                if (i >= 0) {
                    digits[i]++;
                } else {
                    memmove(digits + 1, digits, (size_t)n);
                    digits[0] = '1';
                    n++;
                    point++;
                }
            }
        }
    }
    while (n > 0 && n > point && digits[n - 1] == '0')
        n--;
    if (n == 0) {
        strbuf_putc(out, '0');
        return;
    }
    /* integer part with "," every three digits */
    if (point <= 0) {
        strbuf_putc(out, '0');
    } else {
        for (int i = 0; i < point; i++) {
            if (i > 0 && (point - i) % 3 == 0)
                strbuf_putc(out, ',');
            strbuf_putc(out, i < n ? digits[i] : '0');
        }
    }
    if (n > point) {
        strbuf_putc(out, '.');
        for (int i = point; i < n; i++)
            strbuf_putc(out, i < 0 ? '0' : digits[i]);
    }
}

/* Number.prototype.toLocaleString() (#sec-number.prototype.tolocalestring; ECMA-402
 * with the default locale and options, see the header). */
static NATIVE(number_to_locale_string) {
    double x;
    if (!this_number_value(vm, this_val, "toLocaleString", &x))
        return VAL_EXCEPTION;
    StrBuf sb;
    strbuf_init(&sb);
    if (isnan(x)) {
        strbuf_puts(&sb, "NaN");
    } else {
        if (signbit(x))
            strbuf_putc(&sb, '-');
        if (isinf(x))
            strbuf_puts(&sb, "\xe2\x88\x9e"); /* U+221E INFINITY */
        else if (x == 0)
            strbuf_putc(&sb, '0');
        else
            locale_format_abs(fabs(x), &sb);
    }
    return strbuf_to_value(vm, &sb);
}

/* ==== registration ======================================================================== */

static const BuiltinEntry number_proto_fns[] = {
    BI_METHOD("toExponential", number_to_exponential, 1),
    BI_METHOD("toFixed", number_to_fixed, 1),
    BI_METHOD("toPrecision", number_to_precision, 1),
    BI_METHOD("toString", number_to_string, 1),
    BI_METHOD("valueOf", number_value_of, 0),
    BI_METHOD("toLocaleString", number_to_locale_string, 0),
};

static const BuiltinEntry number_fns[] = {
    BI_METHOD_MAGIC("isFinite", number_predicate, 1, NPRED_FINITE),
    BI_METHOD_MAGIC("isInteger", number_predicate, 1, NPRED_INTEGER),
    BI_METHOD_MAGIC("isNaN", number_predicate, 1, NPRED_NAN),
    BI_METHOD_MAGIC("isSafeInteger", number_predicate, 1, NPRED_SAFE_INTEGER),
};

/* Defined after parseFloat/parseInt, in node's property order. */
static const BuiltinEntry number_constants[] = {
    BI_NUMBER("MAX_VALUE", 1.7976931348623157e308),
    BI_NUMBER("MIN_VALUE", 5e-324),
    BI_NUMBER("NaN", NAN),
    BI_NUMBER("NEGATIVE_INFINITY", -INFINITY),
    BI_NUMBER("POSITIVE_INFINITY", INFINITY),
    BI_NUMBER("MAX_SAFE_INTEGER", 9007199254740991.0),
    BI_NUMBER("MIN_SAFE_INTEGER", -9007199254740991.0),
    BI_NUMBER("EPSILON", 2.220446049250313e-16),
};

static const BuiltinEntry global_fns[] = {
    BI_METHOD_MAGIC("isFinite", global_is_nan_finite, 1, NPRED_FINITE),
    BI_METHOD_MAGIC("isNaN", global_is_nan_finite, 1, NPRED_NAN),
    BI_METHOD("parseFloat", global_parse_float, 1),
    BI_METHOD("parseInt", global_parse_int, 2),
};

/* The global function called name: the existing one when another file (global.c)
 * already defined it, else a new one from global_fns. */
static Value global_function(Vm *vm, const char *name) {
    Obj *g = vm->realm->global;
    Atom a = atom_intern(vm, name);
    Prop *p = obj_find_own_prop(g, a);
    if (!p) {
        for (size_t i = 0; i < ARRAY_LEN(global_fns); i++)
            if (strcmp(global_fns[i].name, name) == 0)
                realm_define_entries(vm, g, &global_fns[i], 1);
        p = obj_find_own_prop(g, a);
    }
    if (!p || (p->flags & PROP_ACCESSOR))
        die(EXIT_INTERNAL, "cannot install the global %s", name);
    return p->u.value;
}

void bi_number_init(Vm *vm) {
    Obj *proto = realm_intrinsic(vm, INTR_NumberPrototype);
    Obj *ctor = realm_new_ctor(vm, "Number", number_ctor, 1, proto, INTR_Number, -1);
    gc_root_push_ptr(vm, &ctor);
    realm_define_entries(vm, proto, number_proto_fns, ARRAY_LEN(number_proto_fns));
    realm_define_entries(vm, ctor, number_fns, ARRAY_LEN(number_fns));
    global_function(vm, "isFinite");
    global_function(vm, "isNaN");
    static const char *const shared[] = {"parseFloat", "parseInt"};
    for (size_t i = 0; i < ARRAY_LEN(shared); i++) {
        Value f = global_function(vm, shared[i]);
        if (!obj_define_value(vm, ctor, atom_intern(vm, shared[i]), f, PROP_BUILTIN))
            die(EXIT_INTERNAL, "cannot install Number.%s", shared[i]);
    }
    realm_define_entries(vm, ctor, number_constants, ARRAY_LEN(number_constants));
    realm_define_global(vm, "Number", val_obj(ctor));
    gc_root_pop(vm, 1);
}
