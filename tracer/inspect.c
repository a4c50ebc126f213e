/* inspect.c — a first util.inspect (see inspect.h): primitives exactly as node prints
 * them; arrays, plain objects, class instances, functions and errors in node's simple
 * forms with its line-breaking rule (80 columns, 2-space indentation) and depth 2.
 * Not yet: grouping of long arrays into columns, Map/Set contents, getters, the
 * "<ref *1>" circular marker (prints [Circular *1] only), more than 100 items. The
 * built-ins helper replaces this file behind the same two functions. */
#include "tracer/inspect.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tracer/bytecode.h"
#include "tracer/function.h"
#include "tracer/numconv.h"
#include "tracer/object.h"
#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/vm.h"

#define INSPECT_DEPTH 2
#define BREAK_LENGTH 80

typedef struct {
    Vm *vm;
    Obj *seen[64];
    int nseen;
    int indent;
} Ctx;

static void inspect(Ctx *c, Value v, int depth, bool top, StrBuf *out);

static void quote_string(const ObjString *s, StrBuf *out) {
    /* node picks ' unless the string contains ' and not " (then "), else ` */
    bool has_single = false, has_double = false, has_back = false;
    for (uint32_t i = 0; i < s->len; i++) {
        uint16_t u = str_at(s, i);
        has_single |= u == '\'';
        has_double |= u == '"';
        has_back |= u == '`';
    }
    char q = '\'';
    if (has_single) {
        if (!has_double)
            q = '"';
        else if (!has_back)
            q = '`';
    }
    strbuf_putc(out, q);
    StrBuf tmp;
    strbuf_init(&tmp);
    str_to_utf8(s, &tmp);
    for (size_t i = 0; i < tmp.len; i++) {
        unsigned char ch = (unsigned char)tmp.data[i];
        switch (ch) {
        case '\n': strbuf_puts(out, "\\n"); break;
        case '\t': strbuf_puts(out, "\\t"); break;
        case '\r': strbuf_puts(out, "\\r"); break;
        case '\b': strbuf_puts(out, "\\b"); break;
        case '\f': strbuf_puts(out, "\\f"); break;
        case '\v': strbuf_puts(out, "\\v"); break;
        case '\\': strbuf_puts(out, "\\\\"); break;
        default:
            if (ch == (unsigned char)q) {
                strbuf_putc(out, '\\');
                strbuf_putc(out, (char)ch);
            } else if (ch < 0x20 || ch == 0x7f) {
                strbuf_printf(out, "\\x%02X", ch);
            } else {
                strbuf_putc(out, (char)ch);
            }
        }
    }
    strbuf_fini(&tmp);
    strbuf_putc(out, q);
}

static bool is_identifier(const ObjString *s) {
    if (s->len == 0)
        return false;
    for (uint32_t i = 0; i < s->len; i++) {
        uint16_t u = str_at(s, i);
        bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_' || u == '$' ||
                  (i > 0 && u >= '0' && u <= '9');
        if (!ok)
            return false;
    }
    return true;
}

static void put_key(Ctx *c, Atom key, StrBuf *out) {
    Vm *vm = c->vm;
    if (atom_is_symbol(vm, key)) {
        char b[256];
        strbuf_printf(out, "[%s]", atom_to_cbuf(vm, key, b, sizeof b));
        return;
    }
    if (atom_is_int(key)) {
        strbuf_printf(out, "'%u'", atom_int_value(key));
        return;
    }
    ObjString *s = (ObjString *)atom_entry(vm, key);
    if (s && is_identifier(s))
        str_to_utf8(s, out);
    else if (s)
        quote_string(s, out);
}

/* The constructor name node shows before braces ("A {", "[Object: null prototype] {"). */
static ObjString *constructor_name(Vm *vm, Obj *o) {
    for (Obj *p = o->proto; p; p = p->proto) {
        Prop *cp = obj_find_own_prop(p, ATOM_constructor);
        if (cp && !(cp->flags & PROP_ACCESSOR) && IsCallable(cp->u.value))
            return fn_get_name(vm, val_as_obj(cp->u.value));
    }
    return NULL;
}

/* reduceToSingleString with compact = 3 (node's defaults), without array grouping */
static void join_entries(Ctx *c, char **items, size_t n, const char *base, const char *open,
                         const char *close, StrBuf *out) {
    size_t start = n + (size_t)c->indent + strlen(open) + strlen(base) + 10;
    size_t total = n + start;
    bool single = total + n <= BREAK_LENGTH;
    for (size_t i = 0; single && i < n; i++) {
        total += strlen(items[i]);
        if (total > BREAK_LENGTH || strchr(items[i], '\n'))
            single = false;
    }
    if (*base) {
        strbuf_puts(out, base);
        strbuf_putc(out, ' ');
    }
    strbuf_puts(out, open);
    if (single) {
        for (size_t i = 0; i < n; i++) {
            strbuf_puts(out, i ? ", " : " ");
            strbuf_puts(out, items[i]);
        }
        strbuf_putc(out, ' ');
    } else {
        for (size_t i = 0; i < n; i++) {
            strbuf_putc(out, '\n');
            for (int k = 0; k < c->indent + 2; k++)
                strbuf_putc(out, ' ');
            strbuf_puts(out, items[i]);
            if (i + 1 < n)
                strbuf_putc(out, ',');
        }
        strbuf_putc(out, '\n');
        for (int k = 0; k < c->indent; k++)
            strbuf_putc(out, ' ');
    }
    strbuf_puts(out, close);
}

static void inspect_function(Ctx *c, Obj *o, StrBuf *out) {
    Vm *vm = c->vm;
    ObjString *n = fn_get_name(vm, o);
    if (fn_is_class(o)) {
        strbuf_puts(out, "[class ");
        if (n->len)
            str_to_utf8(n, out);
        else
            strbuf_puts(out, "(anonymous)");
        if (o->proto && o->proto != realm_intrinsic(vm, INTR_FunctionPrototype) &&
            IsCallable(val_obj(o->proto))) {
            strbuf_puts(out, " extends ");
            str_to_utf8(fn_get_name(vm, o->proto), out);
        }
        strbuf_putc(out, ']');
        return;
    }
    const char *kind = "Function";
    if (o->kind == OBJ_FUNCTION) {
        uint32_t f = o->u.func.proto->flags;
        if ((f & FP_GENERATOR) && (f & FP_ASYNC))
            kind = "AsyncGeneratorFunction";
        else if (f & FP_GENERATOR)
            kind = "GeneratorFunction";
        else if (f & FP_ASYNC)
            kind = "AsyncFunction";
    }
    if (n->len) {
        strbuf_printf(out, "[%s: ", kind);
        str_to_utf8(n, out);
        strbuf_putc(out, ']');
    } else {
        strbuf_printf(out, "[%s (anonymous)]", kind);
    }
}

static void inspect_object(Ctx *c, Obj *o, int depth, StrBuf *out) {
    Vm *vm = c->vm;
    for (int i = 0; i < c->nseen; i++)
        if (c->seen[i] == o) {
            strbuf_puts(out, "[Circular *1]");
            return;
        }
    bool is_fn = IsCallable(val_obj(o));
    bool is_arr = o->kind == OBJ_ARRAY;
    if (o->kind == OBJ_ERROR) {
        Prop *p = obj_find_own_prop(o, ATOM_stack);
        if (p && !(p->flags & PROP_ACCESSOR) && val_is_string(p->u.value)) {
            str_to_utf8(val_as_str(p->u.value), out);
            return;
        }
    }
    uint32_t nkeys;
    Atom *keys = obj_own_keys_atoms(vm, o, OWNKEYS_STRINGS | OWNKEYS_SYMBOLS | OWNKEYS_ENUMERABLE_ONLY,
                                    &nkeys);
    StrBuf base;
    strbuf_init(&base);
    if (is_fn)
        inspect_function(c, o, &base);
    if (is_fn && nkeys == 0) {
        strbuf_put(out, base.data, base.len);
        strbuf_fini(&base);
        free(keys);
        return;
    }
    const char *open = is_arr ? "[" : "{", *close = is_arr ? "]" : "}";
    if (!is_fn && !is_arr) {
        ObjString *cn = constructor_name(vm, o);
        if (!o->proto) {
            strbuf_puts(&base, "[Object: null prototype]");
        } else if (o->kind == OBJ_GENERATOR) {
            strbuf_puts(&base, "Object [Generator]");
        } else if (cn && !str_equal_cstr(cn, "Object")) {
            str_to_utf8(cn, &base);
        }
        if (o->kind == OBJ_ARGUMENTS) {
            strbuf_clear(&base);
            strbuf_puts(&base, "[Arguments]");
            open = "[";
            close = "]";
        }
    }
    if (depth > INSPECT_DEPTH) {
        if (is_arr)
            strbuf_puts(out, "[Array]");
        else if (base.len && !is_fn)
            strbuf_printf(out, "[%s]", base.data);
        else if (is_fn)
            strbuf_put(out, base.data, base.len);
        else
            strbuf_puts(out, "[Object]");
        strbuf_fini(&base);
        free(keys);
        return;
    }
    if (c->nseen < 64)
        c->seen[c->nseen++] = o;
    size_t n = 0, cap = nkeys + 4;
    char **items = xmalloc(cap * sizeof(char *));
    c->indent += 2;
    bool elements = is_arr || o->kind == OBJ_ARGUMENTS;
    uint32_t holes = 0;
    if (elements) {
        uint32_t len = o->u.array.len;
        for (uint32_t i = 0; i < len && i < 100; i++) {
            PropDesc d;
            if (!obj_get_own_property(vm, o, atom_from_index(i), &d)) {
                holes++;
                continue;
            }
            if (holes) {
                StrBuf h;
                strbuf_init(&h);
                strbuf_printf(&h, "<%u empty item%s>", holes, holes > 1 ? "s" : "");
                if (n == cap)
                    items = xrealloc(items, (cap *= 2) * sizeof(char *));
                items[n++] = strbuf_take(&h, NULL);
                strbuf_fini(&h);
                holes = 0;
            }
            StrBuf e;
            strbuf_init(&e);
            if (d.has_get || d.has_set)
                strbuf_puts(&e, d.has_get && d.has_set ? "[Getter/Setter]" : d.has_get ? "[Getter]" : "[Setter]");
            else
                inspect(c, d.value, depth + 1, false, &e);
            if (n == cap)
                items = xrealloc(items, (cap *= 2) * sizeof(char *));
            items[n++] = strbuf_take(&e, NULL);
            strbuf_fini(&e);
        }
        if (holes) {
            StrBuf h;
            strbuf_init(&h);
            strbuf_printf(&h, "<%u empty item%s>", holes, holes > 1 ? "s" : "");
            if (n == cap)
                items = xrealloc(items, (cap *= 2) * sizeof(char *));
            items[n++] = strbuf_take(&h, NULL);
            strbuf_fini(&h);
        }
        if (len > 100) {
            StrBuf h;
            strbuf_init(&h);
            strbuf_printf(&h, "... %u more item%s", len - 100, len - 100 > 1 ? "s" : "");
            if (n == cap)
                items = xrealloc(items, (cap *= 2) * sizeof(char *));
            items[n++] = strbuf_take(&h, NULL);
            strbuf_fini(&h);
        }
    }
    for (uint32_t i = 0; i < nkeys; i++) {
        if (elements && atom_is_int(keys[i]))
            continue;
        PropDesc d;
        if (!obj_get_own_property(vm, o, keys[i], &d))
            continue;
        StrBuf e;
        strbuf_init(&e);
        put_key(c, keys[i], &e);
        strbuf_puts(&e, ": ");
        if (d.has_get || d.has_set)
            strbuf_puts(&e, d.has_get && d.has_set ? "[Getter/Setter]" : d.has_get ? "[Getter]" : "[Setter]");
        else
            inspect(c, d.value, depth + 1, false, &e);
        if (n == cap)
            items = xrealloc(items, (cap *= 2) * sizeof(char *));
        items[n++] = strbuf_take(&e, NULL);
        strbuf_fini(&e);
    }
    c->indent -= 2;
    if (n == 0 && !is_fn) {
        if (base.len) {
            strbuf_put(out, base.data, base.len);
            strbuf_putc(out, ' ');
        }
        strbuf_puts(out, open);
        strbuf_puts(out, close);
    } else {
        join_entries(c, items, n, base.data, open, close, out);
    }
    for (size_t i = 0; i < n; i++)
        free(items[i]);
    free(items);
    free(keys);
    strbuf_fini(&base);
    c->nseen--;
}

static void inspect(Ctx *c, Value v, int depth, bool top, StrBuf *out) {
    Vm *vm = c->vm;
    if (val_is_number(v)) {
        char b[NUMCONV_DTOA_SIZE];
        numconv_inspect(val_as_number(v), b);
        strbuf_puts(out, b);
    } else if (val_is_string(v)) {
        if (top)
            str_to_utf8(val_as_str(v), out);
        else
            quote_string(val_as_str(v), out);
    } else if (val_is_undefined(v)) {
        strbuf_puts(out, "undefined");
    } else if (val_is_null(v)) {
        strbuf_puts(out, "null");
    } else if (val_is_bool(v)) {
        strbuf_puts(out, v == VAL_TRUE ? "true" : "false");
    } else if (val_is_symbol(v)) {
        char b[256];
        strbuf_puts(out, atom_to_cbuf(vm, val_as_sym(v)->atom, b, sizeof b));
    } else if (val_is_object(v)) {
        Obj *o = val_as_obj(v);
        switch (o->kind) {
        case OBJ_NUMBER:
        case OBJ_STRING:
        case OBJ_BOOLEAN:
        case OBJ_SYMBOL: {
            strbuf_printf(out, "[%s: ", obj_kind_name((ObjKind)o->kind));
            inspect(c, o->u.prim, depth, false, out);
            strbuf_putc(out, ']');
            break;
        }
        default:
            inspect_object(c, o, depth, out);
        }
    } else {
        strbuf_puts(out, "<internal>");
    }
}

bool inspect_value(Vm *vm, Value v, StrBuf *out) {
    Ctx c = {.vm = vm};
    inspect(&c, v, 0, true, out);
    return true;
}

static void format_number_spec(Vm *vm, Value v, char spec, StrBuf *out) {
    double d = NAN;
    if (val_is_number(v))
        d = val_as_number(v);
    else if (!val_is_object(v) && !val_is_symbol(v) && !ToNumber(vm, v, &d))
        vm_take_exception(vm);
    if (spec == 'i' && d == d && !isinf(d))
        d = trunc(d);
    char b[NUMCONV_DTOA_SIZE];
    numconv_inspect(d, b);
    strbuf_puts(out, b);
}

bool inspect_format_args(Vm *vm, int argc, const Value *argv, StrBuf *out) {
    int i = 0;
    if (argc > 0 && val_is_string(argv[0])) {
        StrBuf fmt;
        strbuf_init(&fmt);
        str_to_utf8(val_as_str(argv[0]), &fmt);
        i = 1;
        for (size_t k = 0; k < fmt.len; k++) {
            char ch = fmt.data[k];
            if (ch != '%' || k + 1 >= fmt.len) {
                strbuf_putc(out, ch);
                continue;
            }
            char s = fmt.data[k + 1];
            if (s == '%') {
                strbuf_putc(out, '%');
                k++;
                continue;
            }
            if (!strchr("sdifjoOc", s) || i >= argc) {
                strbuf_putc(out, ch);
                continue;
            }
            k++;
            Value a = argv[i++];
            switch (s) {
            case 's':
                if (val_is_string(a)) {
                    str_to_utf8(val_as_str(a), out);
                } else {
                    Ctx c = {.vm = vm};
                    inspect(&c, a, 1, false, out);
                }
                break;
            case 'd':
            case 'i':
            case 'f':
                format_number_spec(vm, a, s, out);
                break;
            case 'c':
                break;
            default: {
                Ctx c = {.vm = vm};
                inspect(&c, a, 0, false, out);
            }
            }
        }
        strbuf_fini(&fmt);
        if (i < argc)
            strbuf_putc(out, ' ');
    }
    for (; i < argc; i++) {
        Ctx c = {.vm = vm};
        inspect(&c, argv[i], 0, true, out);
        if (i + 1 < argc)
            strbuf_putc(out, ' ');
    }
    return true;
}
