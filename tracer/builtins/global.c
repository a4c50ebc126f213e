/* builtins/global.c — the value properties of the global object (#sec-value-properties-
 * of-the-global-object: globalThis, undefined, NaN, Infinity), the URI handling functions
 * (encodeURI, encodeURIComponent, decodeURI, decodeURIComponent), Annex B's escape and
 * unescape, and a minimal Symbol
 * (constructor, Symbol.for/keyFor, the well-known symbols, description, toString) that
 * the engine itself needs for iteration; the built-ins helper may extend Symbol. */
#include <math.h>
#include <string.h>

#include "common/util.h"
#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/vm.h"

static NATIVE(symbol_ctor) {
    if (!val_is_undefined(ctx->new_target))
        return vm_throw_type_error(vm, "Symbol is not a constructor");
    Value d = ARG(0);
    if (!val_is_undefined(d)) {
        ObjString *s = ToString(vm, d);
        if (!s)
            return VAL_EXCEPTION;
        d = val_str(s);
    }
    return val_sym(atom_new_symbol(vm, d));
}

static NATIVE(symbol_for) {
    ObjString *key = ToString(vm, ARG(0));
    if (!key)
        return VAL_EXCEPTION;
    gc_root_push_ptr(vm, &key);
    Realm *r = vm->realm;
    if (!val_is_object(r->symbol_registry))
        r->symbol_registry = val_obj(obj_new(vm, NULL));
    Atom a = atom_from_str(vm, key);
    Obj *reg = val_as_obj(r->symbol_registry);
    Prop *p = obj_find_own_prop(reg, a);
    Value res;
    if (p) {
        res = p->u.value;
    } else {
        ObjSymbol *s = atom_new_symbol(vm, val_str(key));
        s->registered = true;
        res = val_sym(s);
        if (!obj_define_value(vm, reg, a, res, PROP_DEFAULT))
            res = VAL_EXCEPTION;
    }
    gc_root_pop(vm, 1);
    return res;
}

static NATIVE(symbol_key_for) {
    if (!val_is_symbol(ARG(0))) {
        StrBuf sb;
        strbuf_init(&sb);
        vm_describe_value(vm, ARG(0), &sb);
        Value r = vm_throw_type_error(vm, "%s is not a symbol", sb.data);
        strbuf_fini(&sb);
        return r;
    }
    ObjSymbol *s = val_as_sym(ARG(0));
    return s->registered ? s->description : VAL_UNDEFINED;
}

static bool this_symbol(Vm *vm, Value v, ObjSymbol **out) {
    if (val_is_symbol(v)) {
        *out = val_as_sym(v);
        return true;
    }
    if (val_is_object(v) && val_as_obj(v)->kind == OBJ_SYMBOL) {
        *out = val_as_sym(val_as_obj(v)->u.prim);
        return true;
    }
    vm_throw_type_error(vm, "Symbol.prototype.toString requires that 'this' be a Symbol");
    return false;
}

static NATIVE(symbol_to_string) {
    ObjSymbol *s;
    if (!this_symbol(vm, this_val, &s))
        return VAL_EXCEPTION;
    StrBuilder b;
    sbld_init(&b);
    sbld_put_ascii(&b, "Symbol(");
    if (val_is_string(s->description))
        sbld_put_str(&b, val_as_str(s->description));
    sbld_put_unit(&b, ')');
    ObjString *r = sbld_finish(vm, &b);
    sbld_fini(&b);
    return val_str(r);
}

static NATIVE(symbol_value_of) {
    ObjSymbol *s;
    if (!this_symbol(vm, this_val, &s))
        return VAL_EXCEPTION;
    return val_sym(s);
}

static NATIVE(symbol_description) {
    ObjSymbol *s;
    if (!this_symbol(vm, this_val, &s))
        return VAL_EXCEPTION;
    return s->description;
}

static const BuiltinEntry symbol_fns[] = {
    BI_METHOD("for", symbol_for, 1),
    BI_METHOD("keyFor", symbol_key_for, 1),
};
static const BuiltinEntry symbol_proto_fns[] = {
    BI_METHOD("toString", symbol_to_string, 0),
    BI_METHOD("valueOf", symbol_value_of, 0),
    BI_GETTER("description", symbol_description),
    BI_SYM_STRING(ATOM_Symbol_toStringTag, "Symbol"),
};

static const struct {
    const char *name;
    Atom atom;
} well_known[] = {
    {"iterator", ATOM_Symbol_iterator},       {"asyncIterator", ATOM_Symbol_asyncIterator},
    {"hasInstance", ATOM_Symbol_hasInstance}, {"toPrimitive", ATOM_Symbol_toPrimitive},
    {"toStringTag", ATOM_Symbol_toStringTag}, {"species", ATOM_Symbol_species},
    {"isConcatSpreadable", ATOM_Symbol_isConcatSpreadable},
    {"unscopables", ATOM_Symbol_unscopables}, {"match", ATOM_Symbol_match},
    {"matchAll", ATOM_Symbol_matchAll},       {"replace", ATOM_Symbol_replace},
    {"search", ATOM_Symbol_search},           {"split", ATOM_Symbol_split},
};

/* ==== URI handling functions (ecma262 #sec-uri-handling-functions) ======================= */

static Value throw_uri_error(Vm *vm) {
    ObjString *msg = str_new_cstr(vm, "URI malformed"); /* V8's message */
    gc_root_push_ptr(vm, &msg);
    Obj *e = vm_new_error(vm, realm_intrinsic(vm, INTR_URIErrorPrototype), msg);
    gc_root_pop(vm, 1);
    return vm_throw(vm, val_obj(e));
}

static bool in_set(uint16_t c, const char *set) {
    return c < 128 && c && strchr(set, (int)c) != NULL;
}

#define URI_ALNUM "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
#define URI_MARK "-_.!~*'()"
#define URI_RESERVED ";/?:@&=+$,"

static const char hex_digits[] = "0123456789ABCDEF";

static void put_escaped_byte(StrBuilder *b, unsigned byte) {
    sbld_put_unit(b, '%');
    sbld_put_unit(b, (uint16_t)hex_digits[byte >> 4]);
    sbld_put_unit(b, (uint16_t)hex_digits[byte & 15]);
}

/* Encode (#sec-encode): every code unit outside the unescaped set becomes the %XX escapes
 * of its code point's UTF-8; a lone surrogate is a URIError. */
static Value uri_encode(Vm *vm, Value arg, bool component) {
    ObjString *s = ToString(vm, arg);
    if (!s)
        return VAL_EXCEPTION;
    const char *extra = component ? "" : URI_RESERVED "#";
    StrBuilder b;
    sbld_init(&b);
    for (uint32_t k = 0; k < s->len; k++) {
        uint16_t c = str_at(s, k);
        if (in_set(c, URI_ALNUM URI_MARK) || in_set(c, extra)) {
            sbld_put_unit(&b, c);
            continue;
        }
        uint32_t cp = c;
        if (c >= 0xDC00 && c <= 0xDFFF) {
            sbld_fini(&b);
            return throw_uri_error(vm);
        }
        if (c >= 0xD800 && c <= 0xDBFF) {
            uint16_t d = k + 1 < s->len ? str_at(s, k + 1) : 0;
            if (d < 0xDC00 || d > 0xDFFF) {
                sbld_fini(&b);
                return throw_uri_error(vm);
            }
            cp = 0x10000 + (((uint32_t)c - 0xD800) << 10) + (d - 0xDC00);
            k++;
        }
        if (cp < 0x80) {
            put_escaped_byte(&b, cp);
        } else if (cp < 0x800) {
            put_escaped_byte(&b, 0xC0 | (cp >> 6));
            put_escaped_byte(&b, 0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            put_escaped_byte(&b, 0xE0 | (cp >> 12));
            put_escaped_byte(&b, 0x80 | ((cp >> 6) & 0x3F));
            put_escaped_byte(&b, 0x80 | (cp & 0x3F));
        } else {
            put_escaped_byte(&b, 0xF0 | (cp >> 18));
            put_escaped_byte(&b, 0x80 | ((cp >> 12) & 0x3F));
            put_escaped_byte(&b, 0x80 | ((cp >> 6) & 0x3F));
            put_escaped_byte(&b, 0x80 | (cp & 0x3F));
        }
    }
    ObjString *r = sbld_finish(vm, &b);
    sbld_fini(&b);
    return val_str(r);
}

/* The byte of the escape %XX at s[k], or -1. */
static int escaped_byte(const ObjString *s, uint32_t k) {
    if (k + 2 >= s->len + 0u || str_at(s, k) != '%')
        return -1;
    int h = hex_digit_value(str_at(s, k + 1)), l = hex_digit_value(str_at(s, k + 2));
    return h < 0 || l < 0 ? -1 : h * 16 + l;
}

/* Decode (#sec-decode): %XX escapes of UTF-8 sequences become their code points, except
 * single-byte ones in the preserve set (decodeURI keeps reserved characters escaped);
 * a malformed escape or sequence is a URIError. */
static Value uri_decode(Vm *vm, Value arg, bool component) {
    ObjString *s = ToString(vm, arg);
    if (!s)
        return VAL_EXCEPTION;
    const char *preserve = component ? "" : URI_RESERVED "#";
    StrBuilder b;
    sbld_init(&b);
    for (uint32_t k = 0; k < s->len; k++) {
        uint16_t c = str_at(s, k);
        if (c != '%') {
            sbld_put_unit(&b, c);
            continue;
        }
        int byte = escaped_byte(s, k);
        if (byte < 0)
            goto malformed;
        if (byte < 0x80) {
            if (in_set((uint16_t)byte, preserve))
                sbld_put_range(&b, s, k, k + 3);
            else
                sbld_put_unit(&b, (uint16_t)byte);
            k += 2;
            continue;
        }
        /* n: the length of the UTF-8 sequence from its leading byte */
        int n = (byte & 0xE0) == 0xC0 ? 2 : (byte & 0xF0) == 0xE0 ? 3 : (byte & 0xF8) == 0xF0 ? 4 : 0;
        if (!n)
            goto malformed;
        uint32_t cp = (uint32_t)byte & (0x7Fu >> n);
        k += 2;
        for (int j = 1; j < n; j++) {
            int cont = escaped_byte(s, k + 1);
            if (cont < 0 || (cont & 0xC0) != 0x80)
                goto malformed;
            cp = (cp << 6) | ((uint32_t)cont & 0x3F);
            k += 3;
        }
        static const uint32_t min_cp[5] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < min_cp[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            goto malformed; /* overlong, out of range or a surrogate */
        sbld_put_codepoint(&b, cp);
    }
    ObjString *r = sbld_finish(vm, &b);
    sbld_fini(&b);
    return val_str(r);
malformed:
    sbld_fini(&b);
    return throw_uri_error(vm);
}

static NATIVE(global_encode_uri) {
    return uri_encode(vm, ARG(0), ctx->magic != 0);
}

static NATIVE(global_decode_uri) {
    return uri_decode(vm, ARG(0), ctx->magic != 0);
}

/* escape (#sec-escape-string, Annex B): units outside A-Z a-z 0-9 @*_+-./ become %XX
 * (below 256) or %uXXXX. */
static NATIVE(global_escape) {
    ObjString *s = ToString(vm, ARG(0));
    if (!s)
        return VAL_EXCEPTION;
    StrBuilder b;
    sbld_init(&b);
    for (uint32_t k = 0; k < s->len; k++) {
        uint16_t c = str_at(s, k);
        if (in_set(c, URI_ALNUM "@*_+-./")) {
            sbld_put_unit(&b, c);
        } else if (c < 256) {
            put_escaped_byte(&b, c);
        } else {
            sbld_put_ascii(&b, "%u");
            for (int sh = 12; sh >= 0; sh -= 4)
                sbld_put_unit(&b, (uint16_t)hex_digits[(c >> sh) & 15]);
        }
    }
    ObjString *r = sbld_finish(vm, &b);
    sbld_fini(&b);
    return val_str(r);
}

/* unescape (#sec-unescape-string, Annex B): %uXXXX and %XX become their code unit; any
 * other % stays. */
static NATIVE(global_unescape) {
    ObjString *s = ToString(vm, ARG(0));
    if (!s)
        return VAL_EXCEPTION;
    StrBuilder b;
    sbld_init(&b);
    for (uint32_t k = 0; k < s->len; k++) {
        uint16_t c = str_at(s, k);
        if (c == '%') {
            if (k + 5 < s->len && str_at(s, k + 1) == 'u') {
                int v = 0;
                bool ok = true;
                for (uint32_t j = k + 2; j < k + 6 && ok; j++) {
                    int h = hex_digit_value(str_at(s, j));
                    ok = h >= 0;
                    v = v * 16 + h;
                }
                if (ok) {
                    sbld_put_unit(&b, (uint16_t)v);
                    k += 5;
                    continue;
                }
            }
            int byte = escaped_byte(s, k);
            if (byte >= 0) {
                sbld_put_unit(&b, (uint16_t)byte);
                k += 2;
                continue;
            }
        }
        sbld_put_unit(&b, c);
    }
    ObjString *r = sbld_finish(vm, &b);
    sbld_fini(&b);
    return val_str(r);
}

/* eval (#sec-eval-x): PerformEval returns a non-string argument unchanged (step 2);
 * evaluating source text is dynamic code, which tickscope does not support. The error is
 * the one V8 throws when code generation from strings is disallowed
 * (node --disallow-code-generation-from-strings), so the program sees a real engine's
 * answer rather than a missing global. */
static NATIVE(global_eval) {
    if (!val_is_string(ARG(0)))
        return ARG(0);
    ObjString *msg = str_new_cstr(vm, "Code generation from strings disallowed for this context");
    gc_root_push_ptr(vm, &msg);
    Obj *e = vm_new_error(vm, realm_intrinsic(vm, INTR_EvalErrorPrototype), msg);
    gc_root_pop(vm, 1);
    return vm_throw(vm, val_obj(e));
}

static const BuiltinEntry global_fns[] = {
    BI_METHOD("eval", global_eval, 1),
    BI_METHOD_MAGIC("decodeURI", global_decode_uri, 1, 0),
    BI_METHOD_MAGIC("decodeURIComponent", global_decode_uri, 1, 1),
    BI_METHOD_MAGIC("encodeURI", global_encode_uri, 1, 0),
    BI_METHOD_MAGIC("encodeURIComponent", global_encode_uri, 1, 1),
    BI_METHOD("escape", global_escape, 1),
    BI_METHOD("unescape", global_unescape, 1),
};

void bi_global_init(Vm *vm) {
    Obj *g = vm->realm->global;
    if (!obj_define_value(vm, g, ATOM_globalThis, val_obj(g), PROP_BUILTIN) ||
        !obj_define_value(vm, g, ATOM_undefined, VAL_UNDEFINED, 0) ||
        !obj_define_value(vm, g, ATOM_NaN, val_number(NAN), 0) ||
        !obj_define_value(vm, g, ATOM_Infinity, val_number(INFINITY), 0))
        die(EXIT_INTERNAL, "cannot build the global object");
    Obj *sp = realm_intrinsic(vm, INTR_SymbolPrototype);
    realm_define_entries(vm, sp, symbol_proto_fns, ARRAY_LEN(symbol_proto_fns));
    Obj *ctor = realm_new_ctor(vm, "Symbol", symbol_ctor, 0, sp, INTR_Symbol, -1);
    ctor->flags &= ~(uint8_t)OBJF_CONSTRUCTOR;
    ctor->flags |= OBJF_CONSTRUCTOR; /* `new Symbol` reaches symbol_ctor, which throws */
    gc_root_push_ptr(vm, &ctor);
    realm_define_entries(vm, ctor, symbol_fns, ARRAY_LEN(symbol_fns));
    for (size_t i = 0; i < ARRAY_LEN(well_known); i++) {
        Value s = atom_to_value(vm, well_known[i].atom);
        if (!obj_define_value(vm, ctor, atom_intern(vm, well_known[i].name), s, 0))
            die(EXIT_INTERNAL, "cannot build Symbol");
    }
    realm_define_global(vm, "Symbol", val_obj(ctor));
    gc_root_pop(vm, 1);
    realm_define_entries(vm, g, global_fns, ARRAY_LEN(global_fns));
}
