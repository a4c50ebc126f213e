/* builtins/string.c — the String constructor, String.fromCharCode/fromCodePoint/raw and
 * String.prototype (ecma262 #sec-string-objects), with V8's error texts. Indices and
 * lengths are in UTF-16 code units. String.prototype[Symbol.iterator] and the string
 * iterator belong to iterator.c; the Unicode tables (case mapping, localeCompare's order,
 * the normalization quick check) to string_unicode.c.
 *
 * Methods that take a pattern follow the spec's protocol: an object's [Symbol.match],
 * [Symbol.replace], [Symbol.split]... method is called (RegExp.prototype's live in
 * builtins/regexp.c); otherwise replace, replaceAll and split search for a plain string,
 * and match, matchAll and search make a RegExp with RegExpCreate and invoke its method.
 * GetSubstitution, shared with RegExp.prototype[Symbol.replace], is here.
 * normalize returns its input when it is already normalized (checked by tables) and
 * throws that kind of TypeError otherwise. localeCompare ignores its locales (node's
 * default en-US/root behaviour); toLocale*Case honours only "tr" and "az". */
#include <math.h>
#include <string.h>

#include "tracer/builtins/regexp.h"
#include "tracer/builtins/string_int.h"
#include "tracer/numconv.h"
#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/vm.h"

/* ==== helpers ============================================================================= */

/* RequireObjectCoercible(this) then ToString(this), with V8's message. */
static ObjString *this_string(Vm *vm, Value this_val, const char *method) {
    if (val_is_string(this_val))
        return val_as_str(this_val);
    if (val_is_nullish(this_val)) {
        vm_throw_type_error(vm, "String.prototype.%s called on null or undefined", method);
        return NULL;
    }
    return ToString(vm, this_val);
}

/* thisStringValue (#sec-thisstringvalue) */
static Value this_string_value(Vm *vm, Value v, const char *method) {
    if (val_is_string(v))
        return v;
    if (val_is_object(v) && val_as_obj(v)->kind == OBJ_STRING &&
        val_is_string(val_as_obj(v)->u.prim))
        return val_as_obj(v)->u.prim;
    return vm_throw_type_error(vm, "String.prototype.%s requires that 'this' be a String", method);
}

static Value throw_invalid_length(Vm *vm) {
    return vm_throw_range_error(vm, "Invalid string length");
}

/* Finishes a builder into a string value, or throws when it is too long. */
static Value finish(Vm *vm, StrBuilder *b) {
    Value r;
    if (b->len > STRING_MAX_LEN)
        r = throw_invalid_length(vm);
    else
        r = val_str(sbld_finish(vm, b));
    sbld_fini(b);
    return r;
}

/* The index a relative position designates, clamped to [0, len] (slice, at-like). */
static uint32_t clamp_relative(double rel, uint32_t len) {
    if (rel < 0)
        return rel + len < 0 ? 0 : (uint32_t)(rel + len);
    return rel > len ? len : (uint32_t)rel;
}

static uint32_t clamp_absolute(double pos, uint32_t len) {
    if (pos < 0)
        return 0;
    return pos > len ? len : (uint32_t)pos;
}

static bool is_high_surrogate(uint16_t c) {
    return c >= 0xd800 && c <= 0xdbff;
}
static bool is_low_surrogate(uint16_t c) {
    return c >= 0xdc00 && c <= 0xdfff;
}

/* CodePointAt(string, position) (#sec-codepointat): the code point and its unit count. */
static uint32_t code_point_at(const ObjString *s, uint32_t i, uint32_t *units) {
    uint16_t c = str_at(s, i);
    *units = 1;
    if (is_high_surrogate(c) && i + 1 < s->len && is_low_surrogate(str_at(s, i + 1))) {
        *units = 2;
        return 0x10000 + (((uint32_t)c - 0xd800) << 10) + (str_at(s, i + 1) - 0xdc00);
    }
    return c;
}

/* WhiteSpace or LineTerminator (#sec-white-space, #sec-line-terminators): what trim and
 * StringToNumber strip. */
static bool is_js_space(uint16_t c) {
    static const uint16_t spaces[] = {0x09,   0x0a,   0x0b,   0x0c,   0x0d,   0x20,   0xa0,
                                      0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff};
    if (c >= 0x2000 && c <= 0x200a)
        return true;
    for (size_t i = 0; i < ARRAY_LEN(spaces); i++)
        if (c == spaces[i])
            return true;
    return false;
}

/* V8's text for a value with no source text at hand (BuildDefaultCallSite):
 * `number 5`, `string "a"`, `object`. */
static void describe_callsite(Vm *vm, Value v, StrBuf *sb) {
    str_to_utf8(atom_to_str(vm, val_typeof(v)), sb);
    if (val_is_string(v)) {
        strbuf_puts(sb, " \"");
        str_to_utf8(val_as_str(v), sb);
        strbuf_putc(sb, '"');
    } else if (val_is_null(v) || val_is_bool(v) || val_is_number(v)) {
        strbuf_putc(sb, ' ');
        vm_describe_value(vm, v, sb);
    }
}

/* GetMethod(V, P) (#sec-getmethod): undefined for null/undefined, VAL_EXCEPTION on a
 * throw or when the value is not callable. V8 words that last error two ways depending on
 * the caller: `number 5 is not a function` (replace, split, matchAll) or, with
 * key_text set, `'5' returned for property 'Symbol(Symbol.match)' of object '#<Object>'
 * is not a function` (match, search, replaceAll). */
static Value get_method(Vm *vm, Value v, Atom key, const char *key_text) {
    Value f = val_get(vm, v, key);
    if (f == VAL_EXCEPTION || val_is_nullish(f))
        return f == VAL_EXCEPTION ? f : VAL_UNDEFINED;
    if (!IsCallable(f)) {
        StrBuf sb, ob;
        strbuf_init(&sb);
        strbuf_init(&ob);
        if (key_text) {
            vm_describe_value(vm, f, &sb);
            vm_describe_value(vm, v, &ob);
            vm_throw_type_error(vm,
                                "'%s' returned for property '%s' of object '%s' is not a function",
                                sb.data, key_text, ob.data);
        } else {
            describe_callsite(vm, f, &sb);
            vm_throw_type_error(vm, "%s is not a function", sb.data);
        }
        strbuf_fini(&sb);
        strbuf_fini(&ob);
        return VAL_EXCEPTION;
    }
    return f;
}

/* ==== the constructor and String.* ======================================================== */

/* String(value) (#sec-string-constructor-string-value) */
static NATIVE(string_ctor) {
    ObjString *s;
    if (argc == 0) {
        s = str_empty(vm);
    } else if (val_is_undefined(ctx->new_target) && val_is_symbol(argv[0])) {
        /* SymbolDescriptiveString (#sec-symboldescriptivestring) */
        ObjSymbol *sym = val_as_sym(argv[0]);
        StrBuilder b;
        sbld_init(&b);
        sbld_put_ascii(&b, "Symbol(");
        if (val_is_string(sym->description))
            sbld_put_str(&b, val_as_str(sym->description));
        sbld_put_unit(&b, ')');
        return finish(vm, &b);
    } else {
        s = ToString(vm, argv[0]);
        if (!s)
            return VAL_EXCEPTION;
    }
    if (val_is_undefined(ctx->new_target))
        return val_str(s);
    /* StringCreate(s, GetPrototypeFromConstructor(newTarget, %String.prototype%)) */
    gc_root_push_ptr(vm, &s);
    Obj *o = obj_create_from_constructor(vm, ctx->new_target, OBJ_STRING,
                                         realm_intrinsic(vm, INTR_StringPrototype));
    gc_root_pop(vm, 1);
    if (!o)
        return VAL_EXCEPTION;
    o->u.prim = val_str(s);
    return val_obj(o);
}

/* String.fromCharCode(...codeUnits) (#sec-string.fromcharcode) */
static NATIVE(string_from_char_code) {
    StrBuilder b;
    sbld_init(&b);
    for (int i = 0; i < argc; i++) {
        uint32_t u;
        if (!ToUint32(vm, argv[i], &u)) {
            sbld_fini(&b);
            return VAL_EXCEPTION;
        }
        sbld_put_unit(&b, (uint16_t)u);
    }
    return finish(vm, &b);
}

/* String.fromCodePoint(...codePoints) (#sec-string.fromcodepoint) */
static NATIVE(string_from_code_point) {
    StrBuilder b;
    sbld_init(&b);
    for (int i = 0; i < argc; i++) {
        double d;
        if (!ToNumber(vm, argv[i], &d)) {
            sbld_fini(&b);
            return VAL_EXCEPTION;
        }
        if (!numconv_is_integral(d) || d < 0 || d > 0x10ffff) {
            sbld_fini(&b);
            char nb[NUMCONV_DTOA_SIZE];
            NumberToString(d, nb);
            return vm_throw_range_error(vm, "Invalid code point %s", nb);
        }
        sbld_put_codepoint(&b, (uint32_t)d);
    }
    return finish(vm, &b);
}

/* String.raw(template, ...substitutions) (#sec-string.raw) */
static NATIVE(string_raw) {
    Obj *cooked = ToObject(vm, ARG(0));
    if (!cooked)
        return VAL_EXCEPTION;
    Value rawv = obj_get(vm, cooked, ATOM_raw);
    if (rawv == VAL_EXCEPTION)
        return VAL_EXCEPTION;
    Obj *raw = ToObject(vm, rawv);
    if (!raw)
        return VAL_EXCEPTION;
    gc_root_push_ptr(vm, &raw);
    StrBuilder b;
    sbld_init(&b);
    Value result = VAL_EXCEPTION;
    double literals;
    if (!LengthOfArrayLike(vm, raw, &literals))
        goto out;
    for (double i = 0; i < literals; i++) {
        Value seg = obj_get_index(vm, raw, (uint32_t)i);
        ObjString *s = seg == VAL_EXCEPTION ? NULL : ToString(vm, seg);
        if (!s)
            goto out;
        sbld_put_str(&b, s);
        if (b.len > STRING_MAX_LEN) {
            throw_invalid_length(vm);
            goto out;
        }
        if (i + 1 == literals)
            break;
        if (i + 1 < argc) {
            ObjString *sub = ToString(vm, argv[(int)i + 1]);
            if (!sub)
                goto out;
            sbld_put_str(&b, sub);
        }
    }
    result = finish(vm, &b);
out:
    sbld_fini(&b);
    gc_root_pop(vm, 1);
    return result;
}

/* ==== characters and code points ========================================================== */

/* String.prototype.at(index) (#sec-string.prototype.at) */
static NATIVE(string_at) {
    ObjString *s = this_string(vm, this_val, "at");
    if (!s)
        return VAL_EXCEPTION;
    gc_root_push_ptr(vm, &s);
    double rel;
    bool ok = ToIntegerOrInfinity(vm, ARG(0), &rel);
    gc_root_pop(vm, 1);
    if (!ok)
        return VAL_EXCEPTION;
    double k = rel >= 0 ? rel : s->len + rel;
    if (k < 0 || k >= s->len)
        return VAL_UNDEFINED;
    return val_str(str_from_unit(vm, str_at(s, (uint32_t)k)));
}

/* charAt / charCodeAt / codePointAt (#sec-string.prototype.charat, ...) share the
 * position handling; magic says which result. */
enum { CHAR_AT, CHAR_CODE_AT, CODE_POINT_AT };

static NATIVE(string_char_at) {
    static const char *const names[] = {"charAt", "charCodeAt", "codePointAt"};
    ObjString *s = this_string(vm, this_val, names[ctx->magic]);
    if (!s)
        return VAL_EXCEPTION;
    gc_root_push_ptr(vm, &s);
    double pos;
    bool ok = ToIntegerOrInfinity(vm, ARG(0), &pos);
    gc_root_pop(vm, 1);
    if (!ok)
        return VAL_EXCEPTION;
    bool in = pos >= 0 && pos < s->len;
    switch (ctx->magic) {
    case CHAR_AT:
        return val_str(in ? str_from_unit(vm, str_at(s, (uint32_t)pos)) : str_empty(vm));
    case CHAR_CODE_AT:
        return in ? val_number(str_at(s, (uint32_t)pos)) : val_number(NAN);
    default: {
        uint32_t units;
        return in ? val_number(code_point_at(s, (uint32_t)pos, &units)) : VAL_UNDEFINED;
    }
    }
}

/* String.prototype.isWellFormed() / toWellFormed() (#sec-string.prototype.iswellformed) */
static NATIVE(string_well_formed) {
    bool to = ctx->magic;
    ObjString *s = this_string(vm, this_val, to ? "toWellFormed" : "isWellFormed");
    if (!s)
        return VAL_EXCEPTION;
    uint32_t bad = s->len;
    for (uint32_t i = 0; s->wide && i < s->len; i++) {
        uint32_t units;
        uint32_t cp = code_point_at(s, i, &units);
        if (units == 1 && cp >= 0xd800 && cp <= 0xdfff) {
            bad = i;
            break;
        }
        i += units - 1;
    }
    if (!to)
        return val_bool(bad == s->len);
    if (bad == s->len)
        return val_str(s);
    StrBuilder b;
    sbld_init(&b);
    for (uint32_t i = 0; i < s->len;) {
        uint32_t units;
        uint32_t cp = code_point_at(s, i, &units);
        sbld_put_codepoint(&b, units == 1 && cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp);
        i += units;
    }
    return finish(vm, &b);
}

/* ==== searching =========================================================================== */

/* indexOf / includes / startsWith / endsWith (#sec-string.prototype.indexof, ...):
 * S, the search string, then the position; the last three reject regular expressions. */
enum { SEARCH_INDEX_OF, SEARCH_INCLUDES, SEARCH_STARTS_WITH, SEARCH_ENDS_WITH };

static NATIVE(string_search_family) {
    static const char *const names[] = {"indexOf", "includes", "startsWith", "endsWith"};
    const char *name = names[ctx->magic];
    ObjString *s = this_string(vm, this_val, name), *search = NULL;
    if (!s)
        return VAL_EXCEPTION;
    Value result = VAL_EXCEPTION;
    gc_root_push_ptr(vm, &s);
    gc_root_push_ptr(vm, &search);
    if (ctx->magic != SEARCH_INDEX_OF) {
        int r = IsRegExp(vm, ARG(0));
        if (r < 0)
            goto out;
        if (r) {
            vm_throw_type_error(
                vm, "First argument to String.prototype.%s must not be a regular expression", name);
            goto out;
        }
    }
    search = ToString(vm, ARG(0));
    if (!search)
        goto out;
    double pos = 0;
    if (ctx->magic == SEARCH_ENDS_WITH)
        pos = s->len;
    if (!val_is_undefined(ARG(1)) && !ToIntegerOrInfinity(vm, ARG(1), &pos))
        goto out;
    uint32_t p = clamp_absolute(pos, s->len);
    switch (ctx->magic) {
    case SEARCH_INDEX_OF:
        result = val_number((double)str_index_of(s, search, p));
        break;
    case SEARCH_INCLUDES:
        result = val_bool(str_index_of(s, search, p) >= 0);
        break;
    default: {
        int64_t start = ctx->magic == SEARCH_STARTS_WITH ? (int64_t)p : (int64_t)p - search->len;
        bool match = start >= 0 && start + search->len <= s->len;
        for (uint32_t i = 0; match && i < search->len; i++)
            match = str_at(s, (uint32_t)start + i) == str_at(search, i);
        result = val_bool(match);
        break;
    }
    }
out:
    gc_root_pop(vm, 2);
    return result;
}

/* String.prototype.lastIndexOf(searchString, position) (#sec-string.prototype.lastindexof) */
static NATIVE(string_last_index_of) {
    ObjString *s = this_string(vm, this_val, "lastIndexOf"), *search = NULL;
    if (!s)
        return VAL_EXCEPTION;
    Value result = VAL_EXCEPTION;
    gc_root_push_ptr(vm, &s);
    gc_root_push_ptr(vm, &search);
    search = ToString(vm, ARG(0));
    double num;
    if (!search || !ToNumber(vm, ARG(1), &num))
        goto out;
    double pos = isnan(num) ? INFINITY : numconv_to_integer_or_infinity(num);
    result = val_number((double)str_last_index_of(s, search, clamp_absolute(pos, s->len)));
out:
    gc_root_pop(vm, 2);
    return result;
}

/* ==== substrings ========================================================================== */

enum { SUB_SLICE, SUB_SUBSTRING, SUB_SUBSTR };

/* slice, substring and substr share their first steps: RequireObjectCoercible and
 * ToString of this, ToIntegerOrInfinity of the start and of the second argument, which
 * defaults to the length; they differ only in how they clamp (the `mode` branches). */
static Value substring_method(Vm *vm, Value this_val, int argc, const Value *argv,
                              const char *name, int mode) {
    ObjString *s = this_string(vm, this_val, name);
    if (!s)
        return VAL_EXCEPTION;
    gc_root_push_ptr(vm, &s);
    double start, second = s->len;
    bool ok = ToIntegerOrInfinity(vm, ARG(0), &start) &&
              (val_is_undefined(ARG(1)) || ToIntegerOrInfinity(vm, ARG(1), &second));
    ObjString *r = NULL;
    if (ok && mode == SUB_SLICE) {
        /* #sec-string.prototype.slice: negative positions count from the end */
        uint32_t from = clamp_relative(start, s->len), to = clamp_relative(second, s->len);
        r = str_substring(vm, s, from, to > from ? to : from);
    } else if (ok && mode == SUB_SUBSTRING) {
        /* #sec-string.prototype.substring: clamped to [0, len], in either order */
        uint32_t a = clamp_absolute(start, s->len), b = clamp_absolute(second, s->len);
        r = str_substring(vm, s, a < b ? a : b, a < b ? b : a);
    } else if (ok) {
        /* #sec-string.prototype.substr (Annex B): the second argument is a length */
        uint32_t from = clamp_relative(start, s->len);
        double to = from + (second < 0 ? 0 : second);
        r = str_substring(vm, s, from, to > s->len ? s->len : (uint32_t)to);
    }
    gc_root_pop(vm, 1);
    return r ? val_str(r) : VAL_EXCEPTION;
}

/* String.prototype.slice(start, end) (#sec-string.prototype.slice) */
static NATIVE(string_slice) {
    return substring_method(vm, this_val, argc, argv, "slice", SUB_SLICE);
}

/* String.prototype.substring(start, end) (#sec-string.prototype.substring) */
static NATIVE(string_substring) {
    return substring_method(vm, this_val, argc, argv, "substring", SUB_SUBSTRING);
}

/* String.prototype.substr(start, length) (#sec-string.prototype.substr, Annex B) */
static NATIVE(string_substr) {
    return substring_method(vm, this_val, argc, argv, "substr", SUB_SUBSTR);
}

/* ==== building new strings ================================================================ */

/* String.prototype.concat(...args) (#sec-string.prototype.concat) */
static NATIVE(string_concat) {
    ObjString *s = this_string(vm, this_val, "concat");
    if (!s)
        return VAL_EXCEPTION;
    StrBuilder b;
    sbld_init(&b);
    sbld_put_str(&b, s);
    for (int i = 0; i < argc; i++) {
        ObjString *next = ToString(vm, argv[i]);
        if (!next) {
            sbld_fini(&b);
            return VAL_EXCEPTION;
        }
        if ((uint64_t)b.len + next->len > STRING_MAX_LEN) {
            sbld_fini(&b);
            return throw_invalid_length(vm);
        }
        sbld_put_str(&b, next);
    }
    return finish(vm, &b);
}

/* String.prototype.repeat(count) (#sec-string.prototype.repeat) */
static NATIVE(string_repeat) {
    ObjString *s = this_string(vm, this_val, "repeat");
    if (!s)
        return VAL_EXCEPTION;
    gc_root_push_ptr(vm, &s);
    double num;
    bool ok = ToNumber(vm, ARG(0), &num);
    gc_root_pop(vm, 1);
    if (!ok)
        return VAL_EXCEPTION;
    double n = numconv_to_integer_or_infinity(num);
    if (n < 0 || n == INFINITY) {
        char nb[NUMCONV_DTOA_SIZE];
        NumberToString(num, nb);
        return vm_throw_range_error(vm, "Invalid count value: %s", nb);
    }
    if (n == 0 || s->len == 0)
        return val_str(str_empty(vm));
    if (n * s->len > STRING_MAX_LEN)
        return throw_invalid_length(vm);
    StrBuilder b;
    sbld_init(&b);
    for (uint32_t i = 0; i < (uint32_t)n; i++)
        sbld_put_str(&b, s);
    return finish(vm, &b);
}

/* padStart / padEnd: StringPad (#sec-stringpad) after ToLength(maxLength). */
static NATIVE(string_pad) {
    bool at_start = ctx->magic;
    ObjString *s = this_string(vm, this_val, at_start ? "padStart" : "padEnd"), *fill = NULL;
    if (!s)
        return VAL_EXCEPTION;
    Value result = VAL_EXCEPTION;
    gc_root_push_ptr(vm, &s);
    gc_root_push_ptr(vm, &fill);
    double max;
    if (!ToLength(vm, ARG(0), &max))
        goto out;
    if (max <= s->len) {
        result = val_str(s);
        goto out;
    }
    if (val_is_undefined(ARG(1)))
        fill = str_from_unit(vm, ' ');
    else if (!(fill = ToString(vm, ARG(1))))
        goto out;
    if (fill->len == 0) {
        result = val_str(s);
        goto out;
    }
    if (max > STRING_MAX_LEN) {
        throw_invalid_length(vm);
        goto out;
    }
    StrBuilder b;
    sbld_init(&b);
    uint32_t pad = (uint32_t)max - s->len;
    if (!at_start)
        sbld_put_str(&b, s);
    for (uint32_t done = 0; done < pad; done += fill->len)
        sbld_put_range(&b, fill, 0, pad - done < fill->len ? pad - done : fill->len);
    if (at_start)
        sbld_put_str(&b, s);
    result = finish(vm, &b);
out:
    gc_root_pop(vm, 2);
    return result;
}

/* trim / trimStart / trimEnd: TrimString (#sec-trimstring). magic: 1 start, 2 end. */
enum { TRIM_START = 1, TRIM_END = 2 };

static NATIVE(string_trim) {
    static const char *const names[] = {"", "trimStart", "trimEnd", "trim"};
    ObjString *s = this_string(vm, this_val, names[ctx->magic]);
    if (!s)
        return VAL_EXCEPTION;
    uint32_t a = 0, b = s->len;
    if (ctx->magic & TRIM_START)
        while (a < b && is_js_space(str_at(s, a)))
            a++;
    if (ctx->magic & TRIM_END)
        while (b > a && is_js_space(str_at(s, b - 1)))
            b--;
    gc_root_push_ptr(vm, &s); /* str_substring allocates before it copies */
    ObjString *r = str_substring(vm, s, a, b);
    gc_root_pop(vm, 1);
    return val_str(r);
}

/* True when the locales argument of toLocaleUpperCase/toLocaleLowerCase asks for Turkish
 * or Azeri (TransformCase, ecma402 #sup-string.prototype.tolocalelowercase): its first
 * tag's language subtag is "tr" or "az". Tags are not validated. */
static bool locale_is_turkic(Vm *vm, Value locales, bool *turkic) {
    *turkic = false;
    if (val_is_undefined(locales))
        return true;
    Value first = locales;
    if (val_is_object(locales)) {
        first = obj_get_index(vm, val_as_obj(locales), 0);
        if (first == VAL_EXCEPTION)
            return false;
    }
    if (!val_is_string(first))
        return true;
    ObjString *tag = val_as_str(first);
    if (tag->len >= 2 && (tag->len == 2 || str_at(tag, 2) == '-' || str_at(tag, 2) == '_')) {
        uint16_t a = str_at(tag, 0) | 0x20, b = str_at(tag, 1) | 0x20;
        *turkic = (a == 't' && b == 'r') || (a == 'a' && b == 'z');
    }
    return true;
}

/* toUpperCase / toLowerCase and their toLocale* twins (#sec-string.prototype.touppercase):
 * magic bit 0 = upper, bit 1 = locale variant. */
static NATIVE(string_case) {
    static const char *const names[] = {"toLowerCase", "toUpperCase", "toLocaleLowerCase",
                                        "toLocaleUpperCase"};
    ObjString *s = this_string(vm, this_val, names[ctx->magic]);
    if (!s)
        return VAL_EXCEPTION;
    bool turkic = false;
    if (ctx->magic & 2) {
        gc_root_push_ptr(vm, &s);
        bool ok = locale_is_turkic(vm, ARG(0), &turkic);
        gc_root_pop(vm, 1);
        if (!ok)
            return VAL_EXCEPTION;
    }
    StrBuilder b;
    sbld_init(&b);
    string_case_convert(s, ctx->magic & 1, turkic, &b);
    return finish(vm, &b);
}

/* String.prototype.localeCompare(that) (#sec-string.prototype.localecompare) */
static NATIVE(string_locale_compare_fn) {
    ObjString *s = this_string(vm, this_val, "localeCompare");
    if (!s)
        return VAL_EXCEPTION;
    gc_root_push_ptr(vm, &s);
    ObjString *that = ToString(vm, ARG(0));
    gc_root_pop(vm, 1);
    if (!that)
        return VAL_EXCEPTION;
    int c = string_locale_compare(s, that);
    return val_number(c < 0 ? -1 : c > 0 ? 1 : 0);
}

/* String.prototype.normalize(form) (#sec-string.prototype.normalize) */
static NATIVE(string_normalize) {
    ObjString *s = this_string(vm, this_val, "normalize");
    if (!s)
        return VAL_EXCEPTION;
    NormForm form = NORM_NFC;
    if (!val_is_undefined(ARG(0))) {
        gc_root_push_ptr(vm, &s);
        ObjString *f = ToString(vm, ARG(0));
        gc_root_pop(vm, 1);
        if (!f)
            return VAL_EXCEPTION;
        static const char *const forms[] = {"NFC", "NFD", "NFKC", "NFKD"};
        int found = -1;
        for (int i = 0; i < 4; i++)
            if (str_equal_cstr(f, forms[i]))
                found = i;
        if (found < 0)
            return vm_throw_range_error(
                vm, "The normalization form should be one of NFC, NFD, NFKC, NFKD.");
        form = (NormForm)found;
    }
    if (string_is_normalized(s, form))
        return val_str(s);
    return vm_throw_type_error(vm, "Unicode normalization is not supported yet for this text "
                                   "(String.prototype.normalize)");
}

/* The Annex B HTML methods: CreateHTML(string, tag, attribute, value)
 * (#sec-createhtml). */
static const struct {
    const char *name, *tag, *attr;
} html_methods[] = {
    {"anchor", "a", "name"},      {"big", "big", NULL},       {"blink", "blink", NULL},
    {"bold", "b", NULL},          {"fixed", "tt", NULL},      {"fontcolor", "font", "color"},
    {"fontsize", "font", "size"}, {"italics", "i", NULL},     {"link", "a", "href"},
    {"small", "small", NULL},     {"strike", "strike", NULL}, {"sub", "sub", NULL},
    {"sup", "sup", NULL},
};
enum {
    HTML_ANCHOR,
    HTML_BIG,
    HTML_BLINK,
    HTML_BOLD,
    HTML_FIXED,
    HTML_FONTCOLOR,
    HTML_FONTSIZE,
    HTML_ITALICS,
    HTML_LINK,
    HTML_SMALL,
    HTML_STRIKE,
    HTML_SUB,
    HTML_SUP
};

static NATIVE(string_html) {
    const char *tag = html_methods[ctx->magic].tag, *attr = html_methods[ctx->magic].attr;
    ObjString *s = this_string(vm, this_val, html_methods[ctx->magic].name);
    if (!s)
        return VAL_EXCEPTION;
    ObjString *v = NULL;
    if (attr) {
        gc_root_push_ptr(vm, &s);
        v = ToString(vm, ARG(0));
        gc_root_pop(vm, 1);
        if (!v)
            return VAL_EXCEPTION;
    }
    StrBuilder b;
    sbld_init(&b);
    sbld_put_unit(&b, '<');
    sbld_put_ascii(&b, tag);
    if (attr) {
        sbld_put_unit(&b, ' ');
        sbld_put_ascii(&b, attr);
        sbld_put_ascii(&b, "=\"");
        for (uint32_t i = 0; i < v->len; i++) {
            if (str_at(v, i) == '"')
                sbld_put_ascii(&b, "&quot;");
            else
                sbld_put_unit(&b, str_at(v, i));
        }
        sbld_put_unit(&b, '"');
    }
    sbld_put_unit(&b, '>');
    sbld_put_str(&b, s);
    sbld_put_ascii(&b, "</");
    sbld_put_ascii(&b, tag);
    sbld_put_unit(&b, '>');
    return finish(vm, &b);
}

/* String.prototype.toString() / valueOf() (#sec-string.prototype.tostring) */
static NATIVE(string_to_string) {
    return this_string_value(vm, this_val, ctx->magic ? "valueOf" : "toString");
}

/* ==== split, replace, match =============================================================== */

/* String.prototype.split(separator, limit) (#sec-string.prototype.split) */
static NATIVE(string_split) {
    if (val_is_nullish(this_val))
        return vm_throw_type_error(vm, "String.prototype.split called on null or undefined");
    Value sep = ARG(0), limit = ARG(1);
    if (!val_is_nullish(sep)) {
        Value splitter = get_method(vm, sep, ATOM_Symbol_split, NULL);
        if (splitter == VAL_EXCEPTION)
            return VAL_EXCEPTION;
        if (!val_is_undefined(splitter)) {
            Value args[2] = {this_val, limit};
            return vm_call(vm, splitter, sep, 2, args);
        }
    }
    ObjString *s = ToString(vm, this_val), *r = NULL;
    if (!s)
        return VAL_EXCEPTION;
    Obj *arr = NULL;
    Value result = VAL_EXCEPTION;
    gc_root_push_ptr(vm, &s);
    gc_root_push_ptr(vm, &r);
    gc_root_push_ptr(vm, &arr);
    uint32_t lim = 0xffffffffu;
    if (!val_is_undefined(limit) && !ToUint32(vm, limit, &lim))
        goto out;
    if (!(r = ToString(vm, sep)))
        goto out;
    arr = obj_new_array(vm, 0);
    if (lim == 0)
        goto done;
    if (val_is_undefined(sep)) {
        if (!obj_array_push(vm, arr, val_str(s)))
            goto out;
        goto done;
    }
    if (s->len == 0) {
        if (r->len != 0 && !obj_array_push(vm, arr, val_str(s)))
            goto out;
        goto done;
    }
    if (r->len == 0) {
        for (uint32_t i = 0; i < s->len && i < lim; i++)
            if (!obj_array_push(vm, arr, val_str(str_from_unit(vm, str_at(s, i)))))
                goto out;
        goto done;
    }
    uint32_t p = 0;
    for (int64_t q = str_index_of(s, r, 0); q >= 0; q = str_index_of(s, r, p)) {
        ObjString *t = str_substring(vm, s, p, (uint32_t)q);
        if (!obj_array_push(vm, arr, val_str(t)))
            goto out;
        if (obj_array_len(arr) >= lim)
            goto done;
        p = (uint32_t)q + r->len;
    }
    if (!obj_array_push(vm, arr, val_str(str_substring(vm, s, p, s->len))))
        goto out;
done:
    result = val_obj(arr);
out:
    gc_root_pop(vm, 3);
    return result;
}

/* GetSubstitution(matched, str, position, captures, namedCaptures, replacementTemplate)
 * (#sec-getsubstitution, ES2023 text): $$, $&, $`, $', $n and $nn (a two-digit reference
 * past the captures is read as one digit and a literal digit), $<name> when there are
 * named captures; anything else stays literal. */
bool GetSubstitution(Vm *vm, ObjString *matched, ObjString *str, uint32_t position,
                     Obj *captures, Value named, ObjString *tmpl, StrBuilder *b) {
    uint32_t m = captures ? obj_array_len(captures) : 0;
    uint32_t tail = position + matched->len;
    bool ok = true;
    gc_root_push_ptr(vm, &matched);
    gc_root_push_ptr(vm, &str);
    gc_root_push_ptr(vm, &captures);
    gc_root_push(vm, &named);
    gc_root_push_ptr(vm, &tmpl);
    for (uint32_t i = 0; i < tmpl->len; i++) {
        uint16_t c = str_at(tmpl, i);
        if (c != '$' || i + 1 >= tmpl->len) {
            sbld_put_unit(b, c);
            continue;
        }
        uint16_t n = str_at(tmpl, i + 1);
        if (n == '$') {
            sbld_put_unit(b, '$');
            i++;
        } else if (n == '&') {
            sbld_put_str(b, matched);
            i++;
        } else if (n == '`') {
            sbld_put_range(b, str, 0, position);
            i++;
        } else if (n == '\'') {
            if (tail < str->len)
                sbld_put_range(b, str, tail, str->len);
            i++;
        } else if (n >= '0' && n <= '9') {
            uint32_t digits = 1, index = n - '0';
            if (i + 2 < tmpl->len && str_at(tmpl, i + 2) >= '0' && str_at(tmpl, i + 2) <= '9') {
                digits = 2;
                index = index * 10 + (str_at(tmpl, i + 2) - '0');
                if (index > m) { /* read as one digit followed by a literal digit */
                    digits = 1;
                    index = n - '0';
                }
            }
            if (index >= 1 && index <= m) {
                Value v = captures->u.array.elems[index - 1];
                if (val_is_string(v))
                    sbld_put_str(b, val_as_str(v));
                i += digits;
            } else {
                sbld_put_unit(b, '$');
            }
        } else if (n == '<' && !val_is_undefined(named)) {
            int64_t gt = -1;
            for (uint32_t k = i + 2; k < tmpl->len; k++)
                if (str_at(tmpl, k) == '>') {
                    gt = k;
                    break;
                }
            if (gt < 0) {
                sbld_put_unit(b, '$');
                continue;
            }
            ObjString *group_name = str_substring(vm, tmpl, i + 2, (uint32_t)gt);
            Value v = obj_get(vm, val_as_obj(named), atom_from_str(vm, group_name));
            if (v == VAL_EXCEPTION) {
                ok = false;
                break;
            }
            if (!val_is_undefined(v)) {
                ObjString *vs = ToString(vm, v);
                if (!vs) {
                    ok = false;
                    break;
                }
                sbld_put_str(b, vs);
            }
            i = (uint32_t)gt;
        } else {
            sbld_put_unit(b, '$');
        }
    }
    gc_root_pop(vm, 5);
    return ok;
}

/* replace / replaceAll with a string pattern (#sec-string.prototype.replace,
 * #sec-string.prototype.replaceall): magic 1 = all. */
static NATIVE(string_replace) {
    bool all = ctx->magic;
    const char *name = all ? "replaceAll" : "replace";
    if (val_is_nullish(this_val))
        return vm_throw_type_error(vm, "String.prototype.%s called on null or undefined", name);
    Value search_value = ARG(0), replace_value = ARG(1);
    if (!val_is_nullish(search_value)) {
        if (all) {
            int r = IsRegExp(vm, search_value);
            if (r < 0)
                return VAL_EXCEPTION;
            if (r) {
                Value flags = obj_get(vm, val_as_obj(search_value), ATOM_flags);
                if (flags == VAL_EXCEPTION)
                    return VAL_EXCEPTION;
                if (val_is_nullish(flags)) /* V8 reports RequireObjectCoercible(flags) so */
                    return vm_throw_type_error(vm, "String.prototype.replaceAll called on null "
                                                   "or undefined");
                ObjString *fs = ToString(vm, flags);
                if (!fs)
                    return VAL_EXCEPTION;
                bool global = false;
                for (uint32_t i = 0; i < fs->len; i++)
                    global |= str_at(fs, i) == 'g';
                if (!global)
                    return vm_throw_type_error(vm, "String.prototype.replaceAll called with a "
                                                   "non-global RegExp argument");
            }
        }
        Value replacer = get_method(vm, search_value, ATOM_Symbol_replace,
                                    all ? "Symbol(Symbol.replace)" : NULL);
        if (replacer == VAL_EXCEPTION)
            return VAL_EXCEPTION;
        if (!val_is_undefined(replacer)) {
            Value args[2] = {this_val, replace_value};
            return vm_call(vm, replacer, search_value, 2, args);
        }
    }
    ObjString *s = ToString(vm, this_val), *search = NULL, *tmpl = NULL;
    if (!s)
        return VAL_EXCEPTION;
    Value result = VAL_EXCEPTION;
    StrBuilder b;
    sbld_init(&b);
    gc_root_push_ptr(vm, &s);
    gc_root_push_ptr(vm, &search);
    gc_root_push_ptr(vm, &tmpl);
    if (!(search = ToString(vm, search_value)))
        goto out;
    bool functional = IsCallable(replace_value);
    if (!functional && !(tmpl = ToString(vm, replace_value)))
        goto out;
    uint32_t advance = search->len ? search->len : 1, end_of_last = 0;
    int64_t pos = str_index_of(s, search, 0);
    if (pos < 0) {
        result = val_str(s);
        goto out;
    }
    while (pos >= 0) {
        uint32_t p = (uint32_t)pos;
        sbld_put_range(&b, s, end_of_last, p);
        if (functional) {
            Value args[3] = {val_str(search), val_number(p), val_str(s)};
            Value rv = vm_call(vm, replace_value, VAL_UNDEFINED, 3, args);
            ObjString *rs = rv == VAL_EXCEPTION ? NULL : ToString(vm, rv);
            if (!rs)
                goto out;
            sbld_put_str(&b, rs);
        } else if (!GetSubstitution(vm, search, s, p, NULL, VAL_UNDEFINED, tmpl, &b)) {
            goto out;
        }
        if (b.len > STRING_MAX_LEN) {
            throw_invalid_length(vm);
            goto out;
        }
        end_of_last = p + search->len;
        if (!all)
            break;
        pos = p + advance <= s->len ? str_index_of(s, search, p + advance) : -1;
    }
    if (end_of_last < s->len)
        sbld_put_range(&b, s, end_of_last, s->len);
    result = finish(vm, &b);
out:
    sbld_fini(&b);
    gc_root_pop(vm, 3);
    return result;
}

/* match / matchAll / search (#sec-string.prototype.match, ...): the pattern's own
 * method when it has one; otherwise RegExpCreate and the new RegExp's method. */
enum { MATCH_MATCH, MATCH_MATCH_ALL, MATCH_SEARCH };

static NATIVE(string_match_family) {
    static const char *const names[] = {"match", "matchAll", "search"};
    static const Atom keys[] = {ATOM_Symbol_match, ATOM_Symbol_matchAll, ATOM_Symbol_search};
    const char *name = names[ctx->magic];
    if (val_is_nullish(this_val))
        return vm_throw_type_error(vm, "String.prototype.%s called on null or undefined", name);
    Value rx = ARG(0);
    if (!val_is_nullish(rx)) {
        if (ctx->magic == MATCH_MATCH_ALL) {
            int r = IsRegExp(vm, rx);
            if (r < 0)
                return VAL_EXCEPTION;
            if (r) {
                Value flags = obj_get(vm, val_as_obj(rx), ATOM_flags);
                if (flags == VAL_EXCEPTION)
                    return VAL_EXCEPTION;
                if (val_is_nullish(flags))
                    return vm_throw_type_error(vm, "The .flags property of the argument to "
                                                   "String.prototype.matchAll cannot be null or "
                                                   "undefined");
                ObjString *fs = ToString(vm, flags);
                if (!fs)
                    return VAL_EXCEPTION;
                bool global = false;
                for (uint32_t i = 0; i < fs->len; i++)
                    global |= str_at(fs, i) == 'g';
                if (!global)
                    return vm_throw_type_error(vm, "String.prototype.matchAll called with a "
                                                   "non-global RegExp argument");
            }
        }
        static const char *const key_texts[] = {"Symbol(Symbol.match)", NULL,
                                                "Symbol(Symbol.search)"};
        Value method = get_method(vm, rx, keys[ctx->magic], key_texts[ctx->magic]);
        if (method == VAL_EXCEPTION)
            return VAL_EXCEPTION;
        if (!val_is_undefined(method))
            return vm_call(vm, method, rx, 1, &this_val);
    }
    /* 3-5. S = ToString(O); rx = RegExpCreate(regexp, undefined or "g"); Invoke(rx, @@x, S) */
    Value S = VAL_UNDEFINED, result = VAL_EXCEPTION;
    gc_root_push(vm, &S);
    ObjString *s = ToString(vm, this_val);
    if (!s)
        goto out;
    S = val_str(s);
    Value flags = ctx->magic == MATCH_MATCH_ALL ? val_str(str_from_unit(vm, 'g')) : VAL_UNDEFINED;
    Obj *re = RegExpCreate(vm, rx, flags);
    if (re)
        result = vm_invoke(vm, val_obj(re), keys[ctx->magic], 1, &S);
out:
    gc_root_pop(vm, 1);
    return result;
}

/* ==== registration ======================================================================== */

#define HTML(nm, mg, len) BI_METHOD_MAGIC(nm, string_html, len, mg)

/* String.prototype in node 20's property order; trimLeft/trimRight are added as the same
 * function objects as trimStart/trimEnd (#sec-string.prototype.trimleft). */
static const BuiltinEntry string_proto_fns[] = {
    HTML("anchor", HTML_ANCHOR, 1),
    BI_METHOD("at", string_at, 1),
    HTML("big", HTML_BIG, 0),
    HTML("blink", HTML_BLINK, 0),
    HTML("bold", HTML_BOLD, 0),
    BI_METHOD_MAGIC("charAt", string_char_at, 1, CHAR_AT),
    BI_METHOD_MAGIC("charCodeAt", string_char_at, 1, CHAR_CODE_AT),
    BI_METHOD_MAGIC("codePointAt", string_char_at, 1, CODE_POINT_AT),
    BI_METHOD("concat", string_concat, 1),
    BI_METHOD_MAGIC("endsWith", string_search_family, 1, SEARCH_ENDS_WITH),
    HTML("fontcolor", HTML_FONTCOLOR, 1),
    HTML("fontsize", HTML_FONTSIZE, 1),
    HTML("fixed", HTML_FIXED, 0),
    BI_METHOD_MAGIC("includes", string_search_family, 1, SEARCH_INCLUDES),
    BI_METHOD_MAGIC("indexOf", string_search_family, 1, SEARCH_INDEX_OF),
    BI_METHOD_MAGIC("isWellFormed", string_well_formed, 0, 0),
    HTML("italics", HTML_ITALICS, 0),
    BI_METHOD("lastIndexOf", string_last_index_of, 1),
    HTML("link", HTML_LINK, 1),
    BI_METHOD("localeCompare", string_locale_compare_fn, 1),
    BI_METHOD_MAGIC("match", string_match_family, 1, MATCH_MATCH),
    BI_METHOD_MAGIC("matchAll", string_match_family, 1, MATCH_MATCH_ALL),
    BI_METHOD("normalize", string_normalize, 0),
    BI_METHOD_MAGIC("padEnd", string_pad, 1, 0),
    BI_METHOD_MAGIC("padStart", string_pad, 1, 1),
    BI_METHOD("repeat", string_repeat, 1),
    BI_METHOD_MAGIC("replace", string_replace, 2, 0),
    BI_METHOD_MAGIC("replaceAll", string_replace, 2, 1),
    BI_METHOD_MAGIC("search", string_match_family, 1, MATCH_SEARCH),
    BI_METHOD("slice", string_slice, 2),
    HTML("small", HTML_SMALL, 0),
    BI_METHOD("split", string_split, 2),
    HTML("strike", HTML_STRIKE, 0),
    HTML("sub", HTML_SUB, 0),
    BI_METHOD("substr", string_substr, 2),
    BI_METHOD("substring", string_substring, 2),
    HTML("sup", HTML_SUP, 0),
    BI_METHOD_MAGIC("startsWith", string_search_family, 1, SEARCH_STARTS_WITH),
    BI_METHOD_MAGIC("toString", string_to_string, 0, 0),
    BI_METHOD_MAGIC("toWellFormed", string_well_formed, 0, 1),
    BI_METHOD_MAGIC("trim", string_trim, 0, TRIM_START | TRIM_END),
    BI_METHOD_MAGIC("trimStart", string_trim, 0, TRIM_START),
};
static const BuiltinEntry string_proto_fns2[] = {
    BI_METHOD_MAGIC("trimEnd", string_trim, 0, TRIM_END),
};
static const BuiltinEntry string_proto_fns3[] = {
    BI_METHOD_MAGIC("toLocaleLowerCase", string_case, 0, 2),
    BI_METHOD_MAGIC("toLocaleUpperCase", string_case, 0, 3),
    BI_METHOD_MAGIC("toLowerCase", string_case, 0, 0),
    BI_METHOD_MAGIC("toUpperCase", string_case, 0, 1),
    BI_METHOD_MAGIC("valueOf", string_to_string, 0, 1),
};

static const BuiltinEntry string_fns[] = {
    BI_METHOD("fromCharCode", string_from_char_code, 1),
    BI_METHOD("fromCodePoint", string_from_code_point, 1),
    BI_METHOD("raw", string_raw, 1),
};

/* Defines obj[alias] as the same function object as obj[name]. */
static void string_alias(Vm *vm, Obj *obj, const char *alias, const char *name) {
    Prop *p = obj_find_own_prop(obj, atom_intern(vm, name));
    if (NEVER(!p) || !obj_define_value(vm, obj, atom_intern(vm, alias), p->u.value, PROP_BUILTIN))
        die(EXIT_INTERNAL, "cannot install String.prototype.%s", alias);
}

void bi_string_init(Vm *vm) {
    Obj *proto = realm_intrinsic(vm, INTR_StringPrototype);
    Obj *ctor = realm_new_ctor(vm, "String", string_ctor, 1, proto, INTR_String, -1);
    gc_root_push_ptr(vm, &ctor);
    realm_define_entries(vm, proto, string_proto_fns, ARRAY_LEN(string_proto_fns));
    string_alias(vm, proto, "trimLeft", "trimStart");
    realm_define_entries(vm, proto, string_proto_fns2, ARRAY_LEN(string_proto_fns2));
    string_alias(vm, proto, "trimRight", "trimEnd");
    realm_define_entries(vm, proto, string_proto_fns3, ARRAY_LEN(string_proto_fns3));
    realm_define_entries(vm, ctor, string_fns, ARRAY_LEN(string_fns));
    realm_define_global(vm, "String", val_obj(ctor));
    gc_root_pop(vm, 1);
}
