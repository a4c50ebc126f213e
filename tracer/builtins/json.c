/* json.c — the JSON object (ecma262 #sec-json-object): JSON.parse with a reviver and
 * JSON.stringify with toJSON, a replacer function or property list, and an indent.
 *
 * The parser is iterative, as V8's is (a deeply nested text cannot overflow the C
 * stack): the open arrays and objects and their pending keys are kept in an internal
 * JS array. Its SyntaxError messages are V8's (node 20) word for word, including the
 * position (in UTF-16 code units) and the quoted context V8 gives for an unexpected
 * token: the whole text up to 20 units, else 10 units on each side with "...".
 *
 * The stringifier writes into one StrBuilder; a member whose value turns out to be
 * undefined is cut off again. The objects being serialized, with the key that reached
 * each, are kept in an internal array, both for the cycle check and for V8's
 * multi-line "Converting circular structure to JSON" message. Lone surrogates are
 * escaped (well-formed JSON.stringify, ES2019). Recursion (stringify, the reviver) is
 * bounded: past JSON_MAX_DEPTH it throws V8's RangeError for a stack overflow. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tracer/builtins/array_int.h"
#include "tracer/numconv.h"
#include "common/util.h"
#include "tracer/realm.h"
#include "tracer/str.h"

#define JSON_MAX_DEPTH 4000
#define JSON_CONTEXT_CHARS 10    /* V8's kMaxContextCharacters */
#define JSON_SHORT_SOURCE_MAX 20 /* longer texts are quoted with context */

/* ==== JSON.parse: the scanner ========================================================== */

typedef struct {
    Vm *vm;
    ObjString *src; /* rooted by the caller */
    uint32_t pos, len;
} JsonParser;

/* V8's JsonToken: what a character starts. */
typedef enum {
    TOK_EOS,
    TOK_STRING,
    TOK_NUMBER,
    TOK_LBRACE,
    TOK_RBRACE,
    TOK_LBRACK,
    TOK_RBRACK,
    TOK_COLON,
    TOK_COMMA,
    TOK_TRUE,
    TOK_FALSE,
    TOK_NULL,
    TOK_WHITESPACE,
    TOK_ILLEGAL,
} JsonToken;

static JsonToken token_of(int32_t c) {
    switch (c) {
    case -1: return TOK_EOS;
    case '"': return TOK_STRING;
    case '-': return TOK_NUMBER;
    case '{': return TOK_LBRACE;
    case '}': return TOK_RBRACE;
    case '[': return TOK_LBRACK;
    case ']': return TOK_RBRACK;
    case ':': return TOK_COLON;
    case ',': return TOK_COMMA;
    case 't': return TOK_TRUE;
    case 'f': return TOK_FALSE;
    case 'n': return TOK_NULL;
    case ' ':
    case '\t':
    case '\n':
    case '\r': return TOK_WHITESPACE;
    default: return c >= '0' && c <= '9' ? TOK_NUMBER : TOK_ILLEGAL;
    }
}

static int32_t cur(const JsonParser *p) {
    return p->pos < p->len ? str_at(p->src, p->pos) : -1;
}

static int32_t next_char(JsonParser *p) {
    p->pos++;
    return cur(p);
}

static void skip_ws(JsonParser *p) {
    while (token_of(cur(p)) == TOK_WHITESPACE)
        p->pos++;
}

static JsonToken peek(JsonParser *p) {
    return token_of(cur(p));
}

/* V8's message templates for JSON.parse that take a position. */
typedef enum {
    JE_NONE = 0,
    JE_PROP_NAME_OR_RBRACE,
    JE_COMMA_OR_RBRACK,
    JE_COMMA_OR_RBRACE,
    JE_COLON_AFTER_NAME,
    JE_DOUBLE_QUOTED_NAME,
    JE_UNTERMINATED_STRING,
    JE_BAD_CONTROL,
    JE_BAD_UNICODE,
    JE_BAD_ESCAPE,
    JE_NO_NUMBER_AFTER_MINUS,
    JE_EXPONENT_MISSING,
    JE_UNTERMINATED_FRACTION,
    JE_NON_WHITESPACE_AFTER,
} JsonError;

static const char *const json_error_text[] = {
    [JE_PROP_NAME_OR_RBRACE] = "Expected property name or '}'",
    [JE_COMMA_OR_RBRACK] = "Expected ',' or ']' after array element",
    [JE_COMMA_OR_RBRACE] = "Expected ',' or '}' after property value",
    [JE_COLON_AFTER_NAME] = "Expected ':' after property name",
    [JE_DOUBLE_QUOTED_NAME] = "Expected double-quoted property name",
    [JE_UNTERMINATED_STRING] = "Unterminated string",
    [JE_BAD_CONTROL] = "Bad control character in string literal",
    [JE_BAD_UNICODE] = "Bad Unicode escape",
    [JE_BAD_ESCAPE] = "Bad escaped character",
    [JE_NO_NUMBER_AFTER_MINUS] = "No number after minus sign",
    [JE_EXPONENT_MISSING] = "Exponent part is missing a number",
    [JE_UNTERMINATED_FRACTION] = "Unterminated fractional number",
    [JE_NON_WHITESPACE_AFTER] = "Unexpected non-whitespace character after JSON",
};
/* Every template ends " in JSON at position N" except this one (no "in JSON"). */

static void put_range_utf8(const ObjString *s, uint32_t start, uint32_t end, StrBuf *out) {
    for (uint32_t i = start; i < end; i++) {
        uint32_t c = str_at(s, i);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < end && str_at(s, i + 1) >= 0xdc00 &&
            str_at(s, i + 1) <= 0xdfff) {
            c = 0x10000 + ((c - 0xd800) << 10) + (str_at(s, i + 1) - 0xdc00);
            i++;
        } else if (c >= 0xd800 && c <= 0xdfff) {
            c = 0xfffd;
        }
        char buf[4];
        int n;
        if (c < 0x80) {
            buf[0] = (char)c;
            n = 1;
        } else if (c < 0x800) {
            buf[0] = (char)(0xc0 | (c >> 6));
            buf[1] = (char)(0x80 | (c & 0x3f));
            n = 2;
        } else if (c < 0x10000) {
            buf[0] = (char)(0xe0 | (c >> 12));
            buf[1] = (char)(0x80 | ((c >> 6) & 0x3f));
            buf[2] = (char)(0x80 | (c & 0x3f));
            n = 3;
        } else {
            buf[0] = (char)(0xf0 | (c >> 18));
            buf[1] = (char)(0x80 | ((c >> 12) & 0x3f));
            buf[2] = (char)(0x80 | ((c >> 6) & 0x3f));
            buf[3] = (char)(0x80 | (c & 0x3f));
            n = 4;
        }
        strbuf_put(out, buf, (size_t)n);
    }
}

/* JsonParser::ReportUnexpectedToken: throws the SyntaxError for token at p->pos, with
 * msg when the caller has a specific template. Always returns false. */
static bool report(JsonParser *p, JsonToken token, JsonError msg) {
    StrBuf sb;
    strbuf_init(&sb);
    if (msg != JE_NONE) {
        strbuf_printf(&sb, "%s%s at position %u", json_error_text[msg],
                      msg == JE_NON_WHITESPACE_AFTER ? "" : " in JSON", p->pos);
    } else if (token == TOK_EOS) {
        strbuf_puts(&sb, "Unexpected end of JSON input");
    } else if (token == TOK_NUMBER) {
        strbuf_printf(&sb, "Unexpected number in JSON at position %u", p->pos);
    } else if (token == TOK_STRING) {
        strbuf_printf(&sb, "Unexpected string in JSON at position %u", p->pos);
    } else if (str_equal_cstr(p->src, "[object Object]") || str_equal_cstr(p->src, "undefined") ||
               str_equal_cstr(p->src, "Infinity") || str_equal_cstr(p->src, "NaN")) {
        strbuf_puts(&sb, "\"");
        str_to_utf8(p->src, &sb);
        strbuf_puts(&sb, "\" is not valid JSON");
    } else {
        uint32_t pos = p->pos, len = p->len;
        strbuf_puts(&sb, "Unexpected token '");
        put_range_utf8(p->src, pos, pos + 1, &sb);
        strbuf_puts(&sb, "', ");
        if (len <= JSON_SHORT_SOURCE_MAX) {
            strbuf_puts(&sb, "\"");
            str_to_utf8(p->src, &sb);
            strbuf_puts(&sb, "\"");
        } else if (pos < JSON_CONTEXT_CHARS) {
            strbuf_puts(&sb, "\"");
            put_range_utf8(p->src, 0, pos + JSON_CONTEXT_CHARS, &sb);
            strbuf_puts(&sb, "\"...");
        } else if (pos < len - JSON_CONTEXT_CHARS) {
            strbuf_puts(&sb, "...\"");
            put_range_utf8(p->src, pos - JSON_CONTEXT_CHARS, pos + JSON_CONTEXT_CHARS, &sb);
            strbuf_puts(&sb, "\"...");
        } else {
            strbuf_puts(&sb, "...\"");
            put_range_utf8(p->src, pos - JSON_CONTEXT_CHARS, len, &sb);
            strbuf_puts(&sb, "\"");
        }
        strbuf_puts(&sb, " is not valid JSON");
    }
    vm_throw_syntax_error(p->vm, "%s", sb.data);
    strbuf_fini(&sb);
    return false;
}

/* ReportUnexpectedCharacter: the token the character would start. */
static bool report_char(JsonParser *p, int32_t c) {
    return report(p, token_of(c), JE_NONE);
}

/* Consumes token t after whitespace (V8's Check). */
static bool check(JsonParser *p, JsonToken t) {
    skip_ws(p);
    if (peek(p) != t)
        return false;
    p->pos++;
    return true;
}

/* Requires token t after whitespace (V8's ExpectNext). */
static bool expect_next(JsonParser *p, JsonToken t, JsonError msg) {
    skip_ws(p);
    if (peek(p) != t)
        return report(p, peek(p), msg);
    p->pos++;
    return true;
}

/* JSONString, the opening quote consumed (V8's ScanJsonString). NULL on a throw. */
static ObjString *scan_string(JsonParser *p) {
    StrBuilder b;
    sbld_init(&b);
    ObjString *r = NULL;
    for (;;) {
        int32_t c = cur(p);
        if (c < 0) {
            report(p, TOK_ILLEGAL, JE_UNTERMINATED_STRING);
            goto out;
        }
        if (c == '"') {
            p->pos++;
            break;
        }
        if (c < 0x20) {
            report(p, TOK_ILLEGAL, JE_BAD_CONTROL);
            goto out;
        }
        if (c != '\\') {
            /* a run of plain units */
            uint32_t start = p->pos;
            while (p->pos < p->len) {
                uint16_t u = str_at(p->src, p->pos);
                if (u == '"' || u == '\\' || u < 0x20)
                    break;
                p->pos++;
            }
            sbld_put_range(&b, p->src, start, p->pos);
            continue;
        }
        c = next_char(p);
        switch (c) {
        case '"':
        case '\\':
        case '/': sbld_put_unit(&b, (uint16_t)c); break;
        case 'b': sbld_put_unit(&b, '\b'); break;
        case 'f': sbld_put_unit(&b, '\f'); break;
        case 'n': sbld_put_unit(&b, '\n'); break;
        case 'r': sbld_put_unit(&b, '\r'); break;
        case 't': sbld_put_unit(&b, '\t'); break;
        case 'u': {
            uint32_t v = 0;
            for (int i = 0; i < 4; i++) {
                int h = hex_digit_value(next_char(p));
                if (h < 0) {
                    report(p, TOK_ILLEGAL, JE_BAD_UNICODE);
                    goto out;
                }
                v = v * 16 + (uint32_t)h;
            }
            sbld_put_unit(&b, (uint16_t)v);
            break;
        }
        default:
            if (c < 0 || c > 0xff)
                report_char(p, c);
            else
                report(p, TOK_ILLEGAL, JE_BAD_ESCAPE);
            goto out;
        }
        p->pos++;
    }
    r = sbld_finish(p->vm, &b);
out:
    sbld_fini(&b);
    return r;
}

static bool is_digit(int32_t c) {
    return c >= '0' && c <= '9';
}

/* JSONNumber (V8's ParseJsonNumber): VAL_EXCEPTION on a throw. */
static Value scan_number(JsonParser *p) {
    uint32_t start = p->pos;
    int32_t c = cur(p);
    if (c == '-')
        c = next_char(p);
    if (c == '0') {
        c = next_char(p);
        if (is_digit(c)) {
            report(p, TOK_NUMBER, JE_NONE);
            return VAL_EXCEPTION;
        }
    } else {
        if (!is_digit(c)) {
            report(p, TOK_ILLEGAL, JE_NO_NUMBER_AFTER_MINUS);
            return VAL_EXCEPTION;
        }
        while (is_digit(c))
            c = next_char(p);
    }
    if (c == '.') {
        c = next_char(p);
        if (!is_digit(c)) {
            report(p, TOK_ILLEGAL, JE_UNTERMINATED_FRACTION);
            return VAL_EXCEPTION;
        }
        while (is_digit(c))
            c = next_char(p);
    }
    if (c == 'e' || c == 'E') {
        c = next_char(p);
        if (c == '-' || c == '+')
            c = next_char(p);
        if (!is_digit(c)) {
            report(p, TOK_ILLEGAL, JE_EXPONENT_MISSING);
            return VAL_EXCEPTION;
        }
        while (is_digit(c))
            c = next_char(p);
    }
    /* the text is ASCII: convert it as a StringNumericLiteral */
    uint32_t n = p->pos - start;
    char small[64];
    char *buf = n < sizeof small ? small : xmalloc(n + 1);
    for (uint32_t i = 0; i < n; i++)
        buf[i] = (char)str_at(p->src, start + i);
    buf[n] = 0;
    double d = StringToNumber(numconv_text_utf8(buf, n));
    if (buf != small)
        free(buf);
    return val_number(d);
}

/* true, false, null: the first character was seen (V8's ScanLiteral). */
static bool scan_literal(JsonParser *p, const char *lit) {
    size_t n = strlen(lit);
    p->pos++;
    for (size_t i = 1; i < n; i++, p->pos++) {
        int32_t c = cur(p);
        if (c != lit[i])
            return c < 0 ? report(p, TOK_EOS, JE_NONE) : report_char(p, c);
    }
    return true;
}

/* ==== JSON.parse: values ================================================================ */

/* The parse stack holds, per open container, the container and (objects) the key of the
 * value being parsed, as pairs of Values. */
static bool stack_push2(Vm *vm, Obj *st, Value a, Value b) {
    return obj_array_push(vm, st, a) && obj_array_push(vm, st, b);
}

/* JSON text → value (#sec-json.parse steps 2-8 with V8's grammar and messages). */
static Value parse_text(Vm *vm, ObjString *src) {
    ROOTS_BEGIN();
    JsonParser p = {vm, src, 0, src->len};
    Obj *st = NULL;
    Value v = VAL_UNDEFINED, result = VAL_EXCEPTION;
    ObjString *key = NULL;
    gc_root_push_ptr(vm, &p.src);
    gc_root_push_ptr(vm, &st);
    gc_root_push(vm, &v);
    gc_root_push_ptr(vm, &key);
    st = obj_new_array(vm, 0);
    for (;;) {
        /* Produce a value. */
        skip_ws(&p);
        JsonToken t = peek(&p);
        switch (t) {
        case TOK_STRING:
            p.pos++;
            if (!(key = scan_string(&p)))
                goto out;
            v = val_str(key);
            break;
        case TOK_NUMBER:
            if ((v = scan_number(&p)) == VAL_EXCEPTION)
                goto out;
            break;
        case TOK_LBRACE:
            p.pos++;
            v = val_obj(obj_new_plain(vm));
            if (check(&p, TOK_RBRACE))
                break;
            if (!expect_next(&p, TOK_STRING, JE_PROP_NAME_OR_RBRACE) || !(key = scan_string(&p)) ||
                !stack_push2(vm, st, v, val_str(key)) ||
                !expect_next(&p, TOK_COLON, JE_COLON_AFTER_NAME))
                goto out;
            continue;
        case TOK_LBRACK:
            p.pos++;
            v = val_obj(obj_new_array(vm, 0));
            if (check(&p, TOK_RBRACK))
                break;
            if (!stack_push2(vm, st, v, VAL_UNDEFINED))
                goto out;
            continue;
        case TOK_TRUE:
        case TOK_FALSE:
        case TOK_NULL:
            if (!scan_literal(&p, t == TOK_TRUE ? "true" : t == TOK_FALSE ? "false" : "null"))
                goto out;
            v = t == TOK_TRUE ? VAL_TRUE : t == TOK_FALSE ? VAL_FALSE : VAL_NULL;
            break;
        default:
            report(&p, t, JE_NONE);
            goto out;
        }
        /* Consume it: store into the open containers, closing those that end. */
        for (;;) {
            uint32_t depth = st->u.array.len;
            if (depth == 0) {
                if (!check(&p, TOK_EOS)) {
                    report(&p, peek(&p), JE_NON_WHITESPACE_AFTER);
                    goto out;
                }
                result = v;
                goto out;
            }
            Obj *container = val_as_obj(st->u.array.elems[depth - 2]);
            Value k = st->u.array.elems[depth - 1];
            if (val_is_string(k)) {
                if (!CreateDataProperty(vm, container, atom_from_str(vm, val_as_str(k)), v))
                    goto out;
                if (check(&p, TOK_COMMA)) {
                    if (!expect_next(&p, TOK_STRING, JE_DOUBLE_QUOTED_NAME) ||
                        !(key = scan_string(&p)))
                        goto out;
                    st->u.array.elems[depth - 1] = val_str(key);
                    if (!expect_next(&p, TOK_COLON, JE_NONE))
                        goto out;
                    break;
                }
                skip_ws(&p);
                if (peek(&p) != TOK_RBRACE) {
                    report(&p, peek(&p), JE_COMMA_OR_RBRACE);
                    goto out;
                }
            } else {
                if (!obj_array_push(vm, container, v))
                    goto out;
                if (check(&p, TOK_COMMA))
                    break;
                skip_ws(&p);
                if (peek(&p) != TOK_RBRACK) {
                    report(&p, peek(&p), JE_COMMA_OR_RBRACK);
                    goto out;
                }
            }
            p.pos++;
            v = val_obj(container);
            if (!obj_array_set_length(vm, st, depth - 2, true))
                goto out;
        }
    }
out:
    ROOTS_END();
    return result;
}

/* InternalizeJSONProperty(holder, name, reviver) (#sec-internalizejsonproperty). */
static Value InternalizeJSONProperty(Vm *vm, Obj *holder, Value name, Value reviver, int depth) {
    if (depth > JSON_MAX_DEPTH)
        return vm_throw_range_error(vm, "Maximum call stack size exceeded");
    ROOTS_BEGIN();
    Value result = VAL_EXCEPTION, val = VAL_UNDEFINED, elem = VAL_UNDEFINED, ne = VAL_UNDEFINED;
    Obj *keys = NULL;
    gc_root_push(vm, &ne);
    gc_root_push_ptr(vm, &holder);
    gc_root_push(vm, &name);
    gc_root_push(vm, &val);
    gc_root_push(vm, &elem);
    gc_root_push_ptr(vm, &keys);
    Atom name_atom;
    if (!ToPropertyKey(vm, name, &name_atom))
        goto out;
    /* 1. Let val be ? Get(holder, name). */
    if ((val = obj_get(vm, holder, name_atom)) == VAL_EXCEPTION)
        goto out;
    if (val_is_object(val)) {
        Obj *o = val_as_obj(val);
        double len = 0;
        if (IsArray(val)) {
            /* 2.b. elements 0 .. len-1 */
            if (!LengthOfArrayLike(vm, o, &len))
                goto out;
        } else {
            /* 2.c. EnumerableOwnProperties(val, key) */
            keys = obj_own_keys(vm, o, OWNKEYS_STRINGS | OWNKEYS_ENUMERABLE_ONLY);
            len = keys->u.array.len;
        }
        for (double i = 0; i < len; i++) {
            Value prop;
            if (keys)
                prop = keys->u.array.elems[(uint32_t)i];
            else
                prop = val_str(val_number_to_string(vm, i));
            elem = prop; /* rooted while the key is in use */
            ne = InternalizeJSONProperty(vm, o, prop, reviver, depth + 1);
            if (ne == VAL_EXCEPTION)
                goto out;
            Atom a = atom_from_str(vm, val_as_str(elem));
            if (val_is_undefined(ne)) {
                bool deleted;
                if (!obj_delete(vm, o, a, &deleted))
                    goto out;
            } else if (!CreateDataProperty(vm, o, a, ne)) {
                /* CreateDataProperty (not OrThrow): a failure is ignored */
                if (vm_has_exception(vm))
                    vm_take_exception(vm);
            }
        }
    }
    /* 3. Return ? Call(reviver, holder, « name, val »). */
    Value args[2] = {name, val};
    result = vm_call(vm, reviver, val_obj(holder), 2, args);
out:
    ROOTS_END();
    return result;
}

/* JSON.parse(text [, reviver]) (#sec-json.parse) */
static NATIVE(json_parse) {
    ObjString *s = ToString(vm, ARG(0));
    if (!s)
        return VAL_EXCEPTION;
    Value v = parse_text(vm, s);
    if (v == VAL_EXCEPTION || !IsCallable(ARG(1)))
        return v;
    /* 11. root = OrdinaryObjectCreate(%Object.prototype%); root[""] = unfiltered */
    gc_root_push(vm, &v);
    Obj *root = obj_new_plain(vm);
    gc_root_pop(vm, 1);
    gc_root_push_ptr(vm, &root);
    Value r = VAL_EXCEPTION;
    if (CreateDataProperty(vm, root, ATOM_empty_string, v))
        r = InternalizeJSONProperty(vm, root, val_str(atom_to_str(vm, ATOM_empty_string)),
                                    argv[1], 0);
    gc_root_pop(vm, 1);
    return r;
}

/* ==== JSON.stringify ==================================================================== */

typedef struct {
    Vm *vm;
    StrBuilder out;
    Value replacer;     /* ReplacerFunction or undefined (an argument: rooted) */
    Obj *property_list; /* PropertyList (strings) or NULL */
    ObjString *gap;
    Obj *stack;         /* key, object, key, object... (keys: string, or number = index) */
    uint32_t depth;
} JsonStringifier;

/* QuoteJSONString(value) (#sec-quotejsonstring) */
static void QuoteJSONString(StrBuilder *b, const ObjString *s) {
    static const char hex[] = "0123456789abcdef";
    sbld_put_unit(b, '"');
    for (uint32_t i = 0; i < s->len; i++) {
        uint16_t c = str_at(s, i);
        const char *esc = NULL;
        switch (c) {
        case '\b': esc = "\\b"; break;
        case '\t': esc = "\\t"; break;
        case '\n': esc = "\\n"; break;
        case '\f': esc = "\\f"; break;
        case '\r': esc = "\\r"; break;
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        default: break;
        }
        if (esc) {
            sbld_put_ascii(b, esc);
            continue;
        }
        bool lone = false;
        if (c >= 0xd800 && c <= 0xdbff) {
            if (i + 1 < s->len && str_at(s, i + 1) >= 0xdc00 && str_at(s, i + 1) <= 0xdfff) {
                sbld_put_unit(b, c);
                sbld_put_unit(b, str_at(s, ++i));
                continue;
            }
            lone = true;
        } else if (c >= 0xdc00 && c <= 0xdfff) {
            lone = true;
        }
        if (c < 0x20 || lone) {
            char u[7] = {'\\', 'u', hex[c >> 12], hex[(c >> 8) & 15], hex[(c >> 4) & 15],
                         hex[c & 15], 0};
            sbld_put_ascii(b, u);
        } else {
            sbld_put_unit(b, c);
        }
    }
    sbld_put_unit(b, '"');
}

static void put_indent(JsonStringifier *st) {
    sbld_put_unit(&st->out, '\n');
    for (uint32_t i = 0; i < st->depth; i++)
        sbld_put_str(&st->out, st->gap);
}

/* JSReceiver::GetConstructorName as V8 uses it in the circular-structure message: an
 * own or inherited @@toStringTag string, else the name of an inherited "constructor"
 * other than "Object", else the class name. */
static void constructor_name(Vm *vm, Obj *o, StrBuf *out) {
    for (Obj *c = o; c; c = c->proto) {
        Prop *p = obj_find_own_prop(c, ATOM_Symbol_toStringTag);
        if (p && !(p->flags & PROP_ACCESSOR) && val_is_string(p->u.value)) {
            str_to_utf8(val_as_str(p->u.value), out);
            return;
        }
        if (c == o)
            continue;
        p = obj_find_own_prop(c, ATOM_constructor);
        if (p && !(p->flags & PROP_ACCESSOR) && IsCallable(p->u.value)) {
            ObjString *n = fn_get_name(vm, val_as_obj(p->u.value));
            if (n && n->len && !str_equal_cstr(n, "Object")) {
                str_to_utf8(n, out);
                return;
            }
        }
    }
    strbuf_puts(out, o->kind == OBJ_ARRAY ? "Array"
                     : IsCallable(val_obj(o)) ? "Function"
                                              : "Object");
}

static void append_key(Value key, StrBuf *out) {
    if (val_is_number(key)) {
        char nb[NUMCONV_DTOA_SIZE];
        NumberToString(val_as_number(key), nb);
        strbuf_printf(out, "index %s", nb);
    } else if (val_as_str(key)->len == 0) {
        strbuf_puts(out, "<anonymous>");
    } else {
        strbuf_puts(out, "property '");
        str_to_utf8(val_as_str(key), out);
        strbuf_puts(out, "'");
    }
}

/* V8's CircularStructureMessageBuilder: the object met again (stack entry start), at
 * most two lines after it, "..." and the last one, and the key that closes the circle. */
static void throw_circular(JsonStringifier *st, uint32_t start, Value last_key) {
    Vm *vm = st->vm;
    StrBuf sb;
    strbuf_init(&sb);
    const Value *e = st->stack->u.array.elems;
    uint32_t n = st->stack->u.array.len / 2, i = start;
    strbuf_puts(&sb, "Converting circular structure to JSON\n    --> starting at object with "
                     "constructor '");
    constructor_name(vm, val_as_obj(e[2 * i + 1]), &sb);
    strbuf_puts(&sb, "'");
    i++;
    for (int pass = 0; pass < 2; pass++) {
        uint32_t end = pass == 0 ? (i + 2 < n ? i + 2 : n) : n;
        if (pass == 1) {
            if (n > i + 1)
                strbuf_puts(&sb, "\n    |     ...");
            if (n - 1 > i)
                i = n - 1;
        }
        for (; i < end; i++) {
            strbuf_puts(&sb, "\n    |     ");
            append_key(e[2 * i], &sb);
            strbuf_puts(&sb, " -> object with constructor '");
            constructor_name(vm, val_as_obj(e[2 * i + 1]), &sb);
            strbuf_puts(&sb, "'");
        }
    }
    strbuf_puts(&sb, "\n    --- ");
    append_key(last_key, &sb);
    strbuf_puts(&sb, " closes the circle");
    vm_throw_type_error(vm, "%s", sb.data);
    strbuf_fini(&sb);
}

static int SerializeJSONProperty(JsonStringifier *st, Obj *holder, Atom key, bool is_index);

/* The key value of a property: a string (numbers for indices are made on demand). */
static Value key_string(Vm *vm, Atom key) {
    return atom_to_value(vm, key);
}

/* Enters value (cycle check, stack push, one more indent level). False on a throw. */
static bool json_enter(JsonStringifier *st, Obj *value, Atom key, bool is_index) {
    Vm *vm = st->vm;
    if (st->depth >= JSON_MAX_DEPTH) {
        vm_throw_range_error(vm, "Maximum call stack size exceeded");
        return false;
    }
    Value kv = is_index ? val_number(atom_int_value(key)) : key_string(vm, key);
    const Value *e = st->stack->u.array.elems;
    for (uint32_t i = 0; i < st->stack->u.array.len / 2; i++)
        if (e[2 * i + 1] == val_obj(value)) {
            throw_circular(st, i, kv);
            return false;
        }
    gc_root_push(vm, &kv);
    bool ok = stack_push2(vm, st->stack, kv, val_obj(value));
    gc_root_pop(vm, 1);
    st->depth++;
    return ok;
}

static void json_leave(JsonStringifier *st) {
    st->depth--;
    if (!obj_array_set_length(st->vm, st->stack, st->stack->u.array.len - 2, false))
        vm_take_exception(st->vm);
}

/* SerializeJSONObject(state, value) (#sec-serializejsonobject) */
static bool SerializeJSONObject(JsonStringifier *st, Obj *value, Atom key, bool is_index) {
    Vm *vm = st->vm;
    if (!json_enter(st, value, key, is_index))
        return false;
    ROOTS_BEGIN();
    bool ok = false;
    Obj *keys = st->property_list;
    gc_root_push_ptr(vm, &value);
    gc_root_push_ptr(vm, &keys);
    if (!keys)
        keys = obj_own_keys(vm, value, OWNKEYS_STRINGS | OWNKEYS_ENUMERABLE_ONLY);
    sbld_put_unit(&st->out, '{');
    bool any = false;
    for (uint32_t i = 0; i < keys->u.array.len; i++) {
        Value kv = keys->u.array.elems[i];
        Atom p = atom_from_str(vm, val_as_str(kv));
        uint32_t mark = st->out.len;
        if (any)
            sbld_put_unit(&st->out, ',');
        if (st->gap->len)
            put_indent(st);
        QuoteJSONString(&st->out, val_as_str(kv));
        sbld_put_unit(&st->out, ':');
        if (st->gap->len)
            sbld_put_unit(&st->out, ' ');
        int r = SerializeJSONProperty(st, value, p, false);
        if (r < 0)
            goto out;
        if (r == 0)
            st->out.len = mark; /* undefined: no member */
        else
            any = true;
    }
    if (any && st->gap->len) {
        st->depth--;
        put_indent(st);
        st->depth++;
    }
    sbld_put_unit(&st->out, '}');
    ok = true;
out:
    ROOTS_END();
    json_leave(st);
    return ok;
}

/* SerializeJSONArray(state, value) (#sec-serializejsonarray) */
static bool SerializeJSONArray(JsonStringifier *st, Obj *value, Atom key, bool is_index) {
    Vm *vm = st->vm;
    if (!json_enter(st, value, key, is_index))
        return false;
    ROOTS_BEGIN();
    bool ok = false;
    Value ks = VAL_UNDEFINED;
    gc_root_push_ptr(vm, &value);
    gc_root_push(vm, &ks);
    double len;
    if (!LengthOfArrayLike(vm, value, &len))
        goto out;
    sbld_put_unit(&st->out, '[');
    for (double i = 0; i < len; i++) {
        if (i > 0)
            sbld_put_unit(&st->out, ',');
        if (st->gap->len)
            put_indent(st);
        Atom p;
        if (i <= ATOM_INT_MAX) {
            p = atom_from_index((uint32_t)i);
        } else {
            ks = val_str(val_number_to_string(vm, i));
            p = atom_from_str(vm, val_as_str(ks));
        }
        int r = SerializeJSONProperty(st, value, p, i <= ATOM_INT_MAX);
        if (r < 0)
            goto out;
        if (r == 0)
            sbld_put_ascii(&st->out, "null");
        if (st->out.len > ARR_MAX_STRING_LEN) {
            vm_throw_range_error(vm, "Invalid string length");
            goto out;
        }
    }
    if (len > 0 && st->gap->len) {
        st->depth--;
        put_indent(st);
        st->depth++;
    }
    sbld_put_unit(&st->out, ']');
    ok = true;
out:
    ROOTS_END();
    json_leave(st);
    return ok;
}

/* SerializeJSONProperty(state, key, holder) (#sec-serializejsonproperty): appends the
 * text and returns 1, returns 0 for undefined (nothing appended), -1 on a throw. */
static int SerializeJSONProperty(JsonStringifier *st, Obj *holder, Atom key, bool is_index) {
    Vm *vm = st->vm;
    ROOTS_BEGIN();
    int result = -1;
    Value value = VAL_UNDEFINED, kv = VAL_UNDEFINED;
    gc_root_push_ptr(vm, &holder);
    gc_root_push(vm, &value);
    gc_root_push(vm, &kv);
    /* 1. Let value be ? Get(holder, key). */
    if ((value = obj_get(vm, holder, key)) == VAL_EXCEPTION)
        goto out;
    /* 2. toJSON */
    if (val_is_object(value)) {
        Value to_json = obj_get(vm, val_as_obj(value), ATOM_toJSON);
        if (to_json == VAL_EXCEPTION)
            goto out;
        if (IsCallable(to_json)) {
            kv = key_string(vm, key);
            if ((value = vm_call(vm, to_json, value, 1, &kv)) == VAL_EXCEPTION)
                goto out;
        }
    }
    /* 3. the replacer function */
    if (!val_is_undefined(st->replacer)) {
        if (val_is_undefined(kv))
            kv = key_string(vm, key);
        Value args[2] = {kv, value};
        if ((value = vm_call(vm, st->replacer, val_obj(holder), 2, args)) == VAL_EXCEPTION)
            goto out;
    }
    /* 4. unwrap Number, String and Boolean objects */
    if (val_is_object(value)) {
        Obj *o = val_as_obj(value);
        if (o->kind == OBJ_NUMBER) {
            double d;
            if (!ToNumber(vm, value, &d))
                goto out;
            value = val_number(d);
        } else if (o->kind == OBJ_STRING) {
            ObjString *s = ToString(vm, value);
            if (!s)
                goto out;
            value = val_str(s);
        } else if (o->kind == OBJ_BOOLEAN) {
            value = o->u.prim;
        }
    }
    /* 5-12. */
    result = 1;
    if (val_is_null(value)) {
        sbld_put_ascii(&st->out, "null");
    } else if (val_is_bool(value)) {
        sbld_put_ascii(&st->out, value == VAL_TRUE ? "true" : "false");
    } else if (val_is_string(value)) {
        QuoteJSONString(&st->out, val_as_str(value));
    } else if (val_is_number(value)) {
        double d = val_as_number(value);
        char nb[NUMCONV_DTOA_SIZE];
        if (isfinite(d))
            NumberToString(d, nb);
        sbld_put_ascii(&st->out, isfinite(d) ? nb : "null");
    } else if (val_is_object(value) && !IsCallable(value)) {
        Obj *o = val_as_obj(value);
        bool ok = IsArray(value) ? SerializeJSONArray(st, o, key, is_index)
                                 : SerializeJSONObject(st, o, key, is_index);
        if (!ok)
            result = -1;
    } else {
        result = 0; /* undefined, symbols, functions */
    }
out:
    ROOTS_END();
    return result;
}

/* JSON.stringify(value [, replacer [, space]]) (#sec-json.stringify) */
static NATIVE(json_stringify) {
    ROOTS_BEGIN();
    JsonStringifier st = {vm, {0}, VAL_UNDEFINED, NULL, NULL, NULL, 0};
    sbld_init(&st.out);
    Value result = VAL_EXCEPTION, space = ARG(2), item = VAL_UNDEFINED;
    Obj *wrapper = NULL;
    gc_root_push_ptr(vm, &st.property_list);
    gc_root_push_ptr(vm, &st.gap);
    gc_root_push_ptr(vm, &st.stack);
    gc_root_push_ptr(vm, &wrapper);
    gc_root_push(vm, &space);
    gc_root_push(vm, &item);
    Value replacer = ARG(1);
    /* 4. replacer: a function, or an array giving the property list */
    if (IsCallable(replacer)) {
        st.replacer = replacer;
    } else if (IsArray(replacer)) {
        Obj *r = val_as_obj(replacer);
        st.property_list = obj_new_array(vm, 0);
        double len;
        if (!LengthOfArrayLike(vm, r, &len))
            goto out;
        for (double k = 0; k < len; k++) {
            Value prop = bi_array_get(vm, r, k);
            if (prop == VAL_EXCEPTION)
                goto out;
            item = VAL_UNDEFINED;
            if (val_is_string(prop)) {
                item = prop;
            } else if (val_is_number(prop) ||
                       (val_is_object(prop) && (val_as_obj(prop)->kind == OBJ_STRING ||
                                                val_as_obj(prop)->kind == OBJ_NUMBER))) {
                ObjString *s = ToString(vm, prop);
                if (!s)
                    goto out;
                item = val_str(s);
            }
            if (val_is_undefined(item))
                continue;
            bool dup = false;
            for (uint32_t i = 0; i < st.property_list->u.array.len && !dup; i++)
                dup = str_equal(val_as_str(st.property_list->u.array.elems[i]), val_as_str(item));
            if (!dup && !obj_array_push(vm, st.property_list, item))
                goto out;
        }
    }
    /* 5. unwrap a Number or String object space */
    if (val_is_object(space)) {
        Obj *so = val_as_obj(space);
        if (so->kind == OBJ_NUMBER) {
            double d;
            if (!ToNumber(vm, space, &d))
                goto out;
            space = val_number(d);
        } else if (so->kind == OBJ_STRING) {
            ObjString *s = ToString(vm, space);
            if (!s)
                goto out;
            space = val_str(s);
        }
    }
    /* 6-8. gap */
    if (val_is_number(space)) {
        double n = numconv_to_integer_or_infinity(val_as_number(space));
        n = n > 10 ? 10 : n;
        char spaces[11] = "";
        for (int i = 0; i < n; i++)
            spaces[i] = ' ';
        spaces[n >= 1 ? (int)n : 0] = 0;
        st.gap = str_new_cstr(vm, spaces);
    } else if (val_is_string(space)) {
        ObjString *s = val_as_str(space);
        st.gap = str_substring(vm, s, 0, s->len < 10 ? s->len : 10);
    } else {
        st.gap = str_empty(vm);
    }
    /* 9-12. wrapper = { "": value }, then SerializeJSONProperty(state, "", wrapper) */
    st.stack = obj_new_array(vm, 0);
    wrapper = obj_new_plain(vm);
    if (!CreateDataProperty(vm, wrapper, ATOM_empty_string, ARG(0)))
        goto out;
    int r = SerializeJSONProperty(&st, wrapper, ATOM_empty_string, false);
    if (r < 0)
        goto out;
    if (r == 0) {
        result = VAL_UNDEFINED;
        goto out;
    }
    if (st.out.len > ARR_MAX_STRING_LEN) {
        vm_throw_range_error(vm, "Invalid string length");
        goto out;
    }
    result = val_str(sbld_finish(vm, &st.out));
out:
    sbld_fini(&st.out);
    ROOTS_END();
    return result;
}

/* ==== registration ====================================================================== */

static const BuiltinEntry json_fns[] = {
    BI_METHOD("parse", json_parse, 2),
    BI_METHOD("stringify", json_stringify, 3),
    BI_SYM_STRING(ATOM_Symbol_toStringTag, "JSON"),
};

void bi_json_init(Vm *vm) {
    Obj *json = obj_new_plain(vm);
    gc_root_push_ptr(vm, &json);
    vm->realm->intrinsics[INTR_JSON] = json;
    realm_define_entries(vm, json, json_fns, ARRAY_LEN(json_fns));
    realm_define_global(vm, "JSON", val_obj(json));
    gc_root_pop(vm, 1);
}
