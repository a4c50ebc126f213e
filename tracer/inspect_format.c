/* inspect_format.c — the parts of the formatter that call into JS on purpose
 * (inspect_int.h): util.format's specifiers (formatWithOptionsInternal), custom
 * inspectors ([Symbol.for('nodejs.util.inspect.custom')] with node's options object and
 * inspect function), reading inspect options from a JS object (console.dir), and
 * console.table (consoleMethods.table and internal/cli_table). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tracer/builtins/mapset.h"
#include "tracer/function.h"
#include "tracer/inspect_int.h"
#include "tracer/numconv.h"
#include "tracer/object.h"
#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/vm.h"

/* CreateDataProperty(o, name, v) with the key (and, when text is not NULL, the value: a
 * new string of text) rooted across the allocations. False on a throw. */
static bool define_cstr_prop(Vm *vm, Obj *o, const char *name, const char *text, Value v) {
    ObjString *key = str_new_cstr(vm, name);
    gc_root_push_ptr(vm, &key);
    gc_root_push(vm, &v);
    if (text)
        v = val_str(str_new_cstr(vm, text));
    bool ok = CreateDataProperty(vm, o, atom_from_str(vm, key), v);
    gc_root_pop(vm, 2);
    return ok;
}

/* ==== custom inspection =================================================================== */

/* The inspect function handed to custom inspectors: util.inspect(value[, options]). */
static NATIVE(native_inspect) {
    InspectOptions o;
    inspect_options_init(&o);
    if (val_is_bool(ARG(1)))
        o.show_hidden = ARG(1) == VAL_TRUE; /* legacy inspect(value, showHidden) */
    else if (!inspect_options_from_object(vm, ARG(1), &o))
        return VAL_EXCEPTION;
    StrBuf sb;
    strbuf_init(&sb);
    bool ok = inspect_value_opts(vm, ARG(0), &o, &sb);
    ObjString *s = ok ? str_new_utf8(vm, sb.data, sb.len) : NULL;
    strbuf_fini(&sb);
    return s ? val_str(s) : VAL_EXCEPTION;
}

/* options.stylize without colors: the text unchanged. */
static NATIVE(native_stylize) {
    ObjString *s = ToString(vm, ARG(0));
    return s ? val_str(s) : VAL_EXCEPTION;
}

static Value option_number_value(double d) {
    return isinf(d) && d > 0 ? VAL_NULL : val_number(d);
}

/* getUserOptions(ctx): the options object a custom inspector receives. */
static Obj *user_options(Ctx *c) {
    Vm *vm = c->vm;
    Obj *o = obj_new_plain(vm);
    gc_root_push_ptr(vm, &o);
    Obj *stylize = fn_new_native(vm, native_stylize, "stylizeNoColor", 1, 0);
    Value compact = c->o.compact == INSPECT_COMPACT_TRUE    ? VAL_TRUE
                    : c->o.compact == INSPECT_COMPACT_FALSE ? VAL_FALSE
                                                            : val_number(c->o.compact);
    const struct {
        const char *name;
        Value v;
    } fields[] = {
        {"stylize", val_obj(stylize)},
        {"showHidden", val_bool(c->o.show_hidden)},
        {"depth", option_number_value(c->o.depth)},
        {"colors", VAL_FALSE},
        {"customInspect", val_bool(c->o.custom_inspect)},
        {"showProxy", VAL_FALSE},
        {"maxArrayLength", val_number(c->o.max_array_length)},
        {"maxStringLength", val_number(c->o.max_string_length)},
        {"breakLength", val_number(c->o.break_length)},
        {"compact", compact},
        {"sorted", VAL_FALSE},
        {"getters", VAL_FALSE},
        {"numericSeparator", VAL_FALSE},
    };
    gc_root_push_ptr(vm, &stylize);
    for (size_t i = 0; i < ARRAY_LEN(fields); i++) {
        if (!define_cstr_prop(vm, o, fields[i].name, NULL, fields[i].v)) {
            inspect_threw(c);
            break;
        }
    }
    gc_root_pop(vm, 2);
    return c->threw ? NULL : o;
}

/* formatValue's hook for value[Symbol.for('nodejs.util.inspect.custom')]: true when the
 * method produced the text (appended to out). */
bool inspect_custom(Ctx *c, Obj *o, int recurse, StrBuf *out) {
    Vm *vm = c->vm;
    Realm *r = vm->realm;
    if (!c->o.custom_inspect || !val_is_object(r->symbol_registry))
        return false;
    /* Symbol.for's registry, searched without interning anything (no allocation) */
    const PropTable *reg = &val_as_obj(r->symbol_registry)->props;
    const Prop *sp = NULL;
    for (uint32_t i = 0; i < reg->count && !sp; i++) {
        const Prop *p = &reg->props[i];
        if (!atom_is_int(p->key) && !atom_is_symbol(vm, p->key) && !(p->flags & PROP_ACCESSOR) &&
            val_is_symbol(p->u.value) &&
            str_equal_cstr((const ObjString *)atom_entry(vm, p->key), "nodejs.util.inspect.custom"))
            sp = p;
    }
    if (!sp)
        return false;
    Value fn = VAL_UNDEFINED, ctor = VAL_UNDEFINED, ret = VAL_UNDEFINED;
    Obj *opts = NULL, *insp = NULL;
    bool handled = false;
    gc_root_push(vm, &fn);
    gc_root_push(vm, &ctor);
    gc_root_push(vm, &ret);
    gc_root_push_ptr(vm, &opts);
    gc_root_push_ptr(vm, &insp);
    if (!inspect_get_prop(c, o, val_as_sym(sp->u.value)->atom, &fn) || !IsCallable(fn))
        goto done;
    /* Also filter out any prototype objects using the circular check. */
    if (!inspect_get_prop(c, o, ATOM_constructor, &ctor))
        goto done;
    if (ToBoolean(ctor) && val_is_object(ctor)) {
        Value proto;
        if (!inspect_get_prop(c, val_as_obj(ctor), ATOM_prototype, &proto) ||
            (val_is_object(proto) && val_as_obj(proto) == o))
            goto done;
    }
    opts = user_options(c);
    if (!opts)
        goto done;
    insp = fn_new_native(vm, native_inspect, "inspect", 2, 0);
    Value args[3] = {option_number_value(c->o.depth - recurse), val_obj(opts), val_obj(insp)};
    ret = vm_call(vm, fn, val_obj(o), 3, args);
    if (ret == VAL_EXCEPTION) {
        inspect_threw(c);
        goto done;
    }
    if (val_is_object(ret) && val_as_obj(ret) == o)
        goto done; /* it returned `this`: format it normally */
    handled = true;
    if (!val_is_string(ret)) {
        inspect_format_value(c, ret, recurse, out);
    } else {
        StrBuf t;
        strbuf_init(&t);
        str_to_utf8(val_as_str(ret), &t);
        for (size_t i = 0; i < t.len; i++) {
            strbuf_putc(out, t.data[i]);
            if (t.data[i] == '\n')
                inspect_put_spaces(out, c->indent);
        }
        strbuf_fini(&t);
    }
done:
    gc_root_pop(vm, 5);
    return handled || c->threw;
}

/* One option's value (own enumerable property, read with [[Get]]); false on a throw,
 * *found = false when absent. */
static bool option_value(Vm *vm, Obj *o, const char *name, Value *out, bool *found) {
    Atom key = atom_intern(vm, name);
    PropDesc d;
    *found = obj_get_own_property(vm, o, key, &d) && d.enumerable;
    if (!*found)
        return true;
    *out = obj_get(vm, o, key);
    return *out != VAL_EXCEPTION;
}

/* A numeric option as node's comparisons see it (depth: null and NaN mean no limit). */
static bool option_number(Vm *vm, Value v, bool null_is_infinity, double *out) {
    if (val_is_nullish(v) && (null_is_infinity || val_is_undefined(v))) {
        *out = INFINITY;
        return true;
    }
    double d;
    if (!ToNumber(vm, v, &d))
        return false;
    *out = isnan(d) ? INFINITY : d;
    return true;
}

bool inspect_options_from_object(Vm *vm, Value options, InspectOptions *opts) {
    if (!val_is_object(options))
        return true;
    Obj *o = val_as_obj(options);
    gc_root_push(vm, &options);
    Value v = VAL_UNDEFINED;
    gc_root_push(vm, &v);
    bool found, ok = true;
    if (ok && (ok = option_value(vm, o, "depth", &v, &found)) && found)
        ok = option_number(vm, v, true, &opts->depth);
    if (ok && (ok = option_value(vm, o, "showHidden", &v, &found)) && found)
        opts->show_hidden = ToBoolean(v);
    if (ok && (ok = option_value(vm, o, "compact", &v, &found)) && found) {
        if (v == VAL_TRUE)
            opts->compact = INSPECT_COMPACT_TRUE;
        else if (val_is_number(v) && val_as_number(v) >= 1)
            opts->compact = val_as_number(v) > 1000 ? 1000 : (int)val_as_number(v);
        else
            opts->compact = INSPECT_COMPACT_FALSE;
    }
    if (ok && (ok = option_value(vm, o, "customInspect", &v, &found)) && found)
        opts->custom_inspect = ToBoolean(v);
    if (ok && (ok = option_value(vm, o, "breakLength", &v, &found)) && found)
        ok = option_number(vm, v, false, &opts->break_length);
    if (ok && (ok = option_value(vm, o, "maxArrayLength", &v, &found)) && found)
        ok = option_number(vm, v, true, &opts->max_array_length);
    if (ok && (ok = option_value(vm, o, "maxStringLength", &v, &found)) && found)
        ok = option_number(vm, v, true, &opts->max_string_length);
    gc_root_pop(vm, 2);
    return ok;
}

/* ==== util.format ========================================================================= */

/* hasBuiltInToString(value): whether %s shows the object with inspect (its toString and
 * Symbol.toPrimitive come from a built-in prototype) rather than with String(value). */
static bool has_builtin_to_string(Ctx *c, Obj *o) {
    Vm *vm = c->vm;
    Value ts, tp = VAL_UNDEFINED;
    bool check_to_string = true, check_to_primitive = true;
    if (!inspect_get_prop(c, o, ATOM_toString, &ts))
        return false;
    if (!IsCallable(ts)) {
        if (!inspect_get_prop(c, o, ATOM_Symbol_toPrimitive, &tp))
            return false;
        if (!IsCallable(tp))
            return true;
        if (obj_has_own_property(vm, o, ATOM_Symbol_toPrimitive))
            return false;
        check_to_string = false;
    } else if (obj_has_own_property(vm, o, ATOM_toString)) {
        return false;
    } else {
        if (!inspect_get_prop(c, o, ATOM_Symbol_toPrimitive, &tp))
            return false;
        if (!IsCallable(tp))
            check_to_primitive = false;
        else if (obj_has_own_property(vm, o, ATOM_Symbol_toPrimitive))
            return false;
    }
    Obj *p = o;
    do {
        p = p->proto;
        if (!p)
            return false;
    } while (!(check_to_string && obj_has_own_property(vm, p, ATOM_toString)) &&
             !(check_to_primitive && obj_has_own_property(vm, p, ATOM_Symbol_toPrimitive)));
    PropDesc d;
    if (!obj_get_own_property(vm, p, ATOM_constructor, &d) || !d.has_value || !IsCallable(d.value))
        return false;
    Value nm;
    if (!inspect_get_prop(c, val_as_obj(d.value), ATOM_name, &nm))
        return false;
    return inspect_is_builtin_object_name(nm);
}

static NumconvText text_of(const ObjString *s) {
    return s->wide ? numconv_text_utf16(str_u16(s), s->len)
                   : numconv_text_latin1(str_u8(s), s->len);
}

/* %i and %f: parseInt / parseFloat of String(arg). */
static bool format_parse_number(Ctx *c, Value arg, bool integer, StrBuf *out) {
    if (val_is_symbol(arg)) {
        strbuf_puts(out, "NaN");
        return true;
    }
    ObjString *s = ToString(c->vm, arg);
    if (!s)
        return inspect_threw(c);
    double d = integer ? numconv_parse_int(text_of(s), 0) : numconv_parse_float(text_of(s));
    inspect_format_number(d, out);
    return true;
}

/* %j: JSON.stringify(arg), with '[Circular]' for V8's circular-structure TypeError. */
static bool format_json(Ctx *c, Value arg, StrBuf *out) {
    Vm *vm = c->vm;
    Obj *json = realm_intrinsic(vm, INTR_JSON);
    PropDesc d;
    if (!json || !obj_get_own_property(vm, json, atom_intern(vm, "stringify"), &d) ||
        !d.has_value || !IsCallable(d.value)) {
        strbuf_puts(out, "undefined"); /* GAP(json): no JSON built-in yet */
        return true;
    }
    Value r = vm_call(vm, d.value, val_obj(json), 1, &arg);
    if (r == VAL_EXCEPTION) {
        if (vm->terminated)
            return inspect_threw(c);
        Value e = vm_take_exception(vm);
        gc_root_push(vm, &e);
        bool circular = false;
        Obj *tep = realm_intrinsic(vm, INTR_TypeErrorPrototype);
        if (val_is_object(e)) {
            bool is_type_error = false;
            for (Obj *p = val_as_obj(e)->proto; p && !is_type_error; p = p->proto)
                is_type_error = p == tep;
            PropDesc md;
            if (is_type_error && obj_get_own_property(vm, val_as_obj(e), ATOM_message, &md) &&
                md.has_value && val_is_string(md.value)) {
                StrBuf m;
                strbuf_init(&m);
                str_to_utf8(val_as_str(md.value), &m);
                char *nl = strchr(m.data, '\n');
                if (nl)
                    *nl = 0;
                circular = strcmp(m.data, "Converting circular structure to JSON") == 0;
                strbuf_fini(&m);
            }
        }
        if (!circular)
            vm_throw(vm, e);
        gc_root_pop(vm, 1);
        if (!circular)
            return inspect_threw(c);
        strbuf_puts(out, "[Circular]");
        return true;
    }
    if (val_is_string(r))
        str_to_utf8(val_as_str(r), out);
    else
        strbuf_puts(out, "undefined");
    return true;
}

/* One format specifier applied to arg (formatWithOptionsInternal's switch). */
static bool format_specifier(Ctx *c, uint16_t spec, Value arg, StrBuf *out) {
    Vm *vm = c->vm;
    InspectOptions o;
    inspect_options_init(&o);
    switch (spec) {
    case 's':
        if (val_is_number(arg)) {
            inspect_format_number(val_as_number(arg), out);
        } else if (!val_is_object(arg) || IsCallable(arg) ||
                   !has_builtin_to_string(c, val_as_obj(arg))) {
            if (c->threw)
                return false;
            return inspect_to_text(c, arg, out);
        } else {
            o.depth = 0;
            if (!inspect_with(vm, arg, &o, out))
                return inspect_threw(c);
        }
        return !c->threw;
    case 'j':
        return format_json(c, arg, out);
    case 'd': {
        if (val_is_symbol(arg)) {
            strbuf_puts(out, "NaN");
            return true;
        }
        double d;
        if (!ToNumber(vm, arg, &d))
            return inspect_threw(c);
        inspect_format_number(d, out);
        return true;
    }
    case 'O':
        if (!inspect_with(vm, arg, &o, out))
            return inspect_threw(c);
        return true;
    case 'o':
        o.show_hidden = true;
        o.depth = 4;
        if (!inspect_with(vm, arg, &o, out))
            return inspect_threw(c);
        return true;
    case 'i':
        return format_parse_number(c, arg, true, out);
    case 'f':
        return format_parse_number(c, arg, false, out);
    default: /* 'c': CSS is ignored */
        return true;
    }
}

bool inspect_format_args(Vm *vm, int argc, const Value *argv, StrBuf *out) {
    Ctx c;
    InspectOptions dflt;
    inspect_options_init(&dflt);
    inspect_ctx_init(&c, vm, &dflt);
    int a = 0;
    const char *join = "";
    if (argc > 0 && val_is_string(argv[0])) {
        const ObjString *first = val_as_str(argv[0]);
        if (argc == 1) {
            str_to_utf8(first, out);
            inspect_ctx_fini(&c);
            return true;
        }
        uint32_t last = 0;
        for (uint32_t i = 0; i + 1 < first->len && !c.threw; i++) {
            if (str_at(first, i) != '%')
                continue;
            uint16_t next = str_at(first, ++i);
            if (a + 1 != argc) {
                if (next == '%') {
                    inspect_put_units(out, first, last, i);
                    last = i + 1;
                    continue;
                }
                if (next >= 128 || next == 0 || !strchr("sjdOoifc", next))
                    continue;
                StrBuf tmp;
                strbuf_init(&tmp);
                format_specifier(&c, next, argv[++a], &tmp);
                if (last != i - 1)
                    inspect_put_units(out, first, last, i - 1);
                strbuf_put(out, tmp.data, tmp.len);
                strbuf_fini(&tmp);
                last = i + 1;
            } else if (next == '%') {
                inspect_put_units(out, first, last, i);
                last = i + 1;
            }
        }
        if (last != 0) {
            a++;
            join = " ";
            if (last < first->len)
                inspect_put_units(out, first, last, first->len);
        }
    }
    while (a < argc && !c.threw) {
        strbuf_puts(out, join);
        if (val_is_string(argv[a])) {
            str_to_utf8(val_as_str(argv[a]), out);
        } else if (!inspect_with(vm, argv[a], &dflt, out)) {
            inspect_threw(&c);
        }
        join = " ";
        a++;
    }
    bool ok = !c.threw;
    inspect_ctx_fini(&c);
    return ok;
}

/* ==== console.table ======================================================================= */

/* A column of the table: cells[j] is the text of row j, NULL where the row has none. */
typedef struct {
    Atom key; /* the property key of a data column (ATOM_NULL for the fixed ones) */
    char *head;
    char **cells;
    size_t len, cap;
} TableColumn;

typedef struct {
    TableColumn *v;
    size_t n, cap;
} TableColumns;

static TableColumn *table_add_column(TableColumns *t, const char *head, Atom key) {
    if (t->n == t->cap) {
        t->cap = t->cap * 2 + 4;
        t->v = xrealloc(t->v, t->cap * sizeof(TableColumn));
    }
    TableColumn *c = &t->v[t->n++];
    memset(c, 0, sizeof *c);
    c->head = xstrdup(head);
    c->key = key;
    return c;
}

/* column[j] = text (taken) */
static void table_set(TableColumn *c, size_t j, char *text) {
    if (j >= c->cap) {
        size_t ncap = c->cap * 2 + 8 > j + 1 ? c->cap * 2 + 8 : j + 1;
        c->cells = xrealloc(c->cells, ncap * sizeof(char *));
        memset(c->cells + c->cap, 0, (ncap - c->cap) * sizeof(char *));
        c->cap = ncap;
    }
    free(c->cells[j]);
    c->cells[j] = text;
    if (j + 1 > c->len)
        c->len = j + 1;
}

static void table_free(TableColumns *t) {
    for (size_t i = 0; i < t->n; i++) {
        for (size_t j = 0; j < t->v[i].len; j++)
            free(t->v[i].cells[j]);
        free(t->v[i].cells);
        free(t->v[i].head);
    }
    free(t->v);
}

/* The table's _inspect(v): depth -1 for plain objects with more than two keys. */
static bool table_cell(Vm *vm, Value v, char **out) {
    InspectOptions o;
    inspect_options_init(&o);
    o.depth = 0;
    o.max_array_length = 3;
    o.break_length = INFINITY;
    if (val_is_object(v) && !IsCallable(v) && !IsArray(v)) {
        uint32_t n;
        Atom *k =
            obj_own_keys_atoms(vm, val_as_obj(v), OWNKEYS_STRINGS | OWNKEYS_ENUMERABLE_ONLY, &n);
        free(k);
        if (n > 2)
            o.depth = -1;
    }
    StrBuf sb;
    strbuf_init(&sb);
    bool ok = inspect_value_opts(vm, v, &o, &sb);
    *out = strbuf_take(&sb, NULL);
    strbuf_fini(&sb);
    return ok;
}

static char *index_text(size_t i) {
    char b[32];
    snprintf(b, sizeof b, "%zu", i);
    return xstrdup(b);
}

/* getStringWidth(str) with control sequences removed (cli_table measures that way). */
static size_t table_width(const char *s) {
    StrBuf t;
    strbuf_init(&t);
    for (size_t i = 0; s[i]; i++) {
        if ((s[i] == '\x1b' && s[i + 1] == '[') ||
            ((unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0x9B)) {
            size_t j = i + 2;
            while (s[j] && ((s[j] >= '0' && s[j] <= '9') || s[j] == ';' || s[j] == '?'))
                j++;
            if (s[j]) {
                i = j;
                continue;
            }
        }
        strbuf_putc(&t, s[i]);
    }
    size_t w = inspect_str_width(t.data, t.len);
    strbuf_fini(&t);
    return w;
}

/* internal/cli_table: table(head, columns) */
static void table_render(const TableColumns *t, StrBuf *out) {
    size_t *widths = xmalloc((t->n + 1) * sizeof(size_t));
    size_t rows = 0;
    for (size_t i = 0; i < t->n; i++) {
        widths[i] = table_width(t->v[i].head);
        if (t->v[i].len > rows)
            rows = t->v[i].len;
    }
    for (size_t i = 0; i < t->n; i++)
        for (size_t j = 0; j < rows; j++) {
            const char *cell = j < t->v[i].len && t->v[i].cells[j] ? t->v[i].cells[j] : "";
            size_t w = table_width(cell);
            if (w > widths[i])
                widths[i] = w;
        }
    static const char *const h = "\u2500";
    const char *corners[3][3] = {{"\u250c", "\u252c", "\u2510"},
                                 {"\u251c", "\u253c", "\u2524"},
                                 {"\u2514", "\u2534", "\u2518"}};
    for (int line = 0; line < 3; line++) {
        StrBuf *o = out;
        if (line == 1) {
            /* the head row */
            strbuf_puts(o, "\u2502 ");
            for (size_t i = 0; i < t->n; i++) {
                strbuf_puts(o, t->v[i].head);
                inspect_put_spaces(o, (double)widths[i] - (double)table_width(t->v[i].head));
                strbuf_puts(o, i + 1 < t->n ? " \u2502 " : " \u2502");
            }
            strbuf_putc(o, '\n');
        }
        strbuf_puts(o, corners[line][0]);
        for (size_t i = 0; i < t->n; i++) {
            for (size_t k = 0; k < widths[i] + 2; k++)
                strbuf_puts(o, h);
            if (i + 1 < t->n)
                strbuf_puts(o, corners[line][1]);
        }
        strbuf_puts(o, corners[line][2]);
        if (line == 1) {
            for (size_t j = 0; j < rows; j++) {
                strbuf_puts(o, "\n\u2502 ");
                for (size_t i = 0; i < t->n; i++) {
                    const char *cell = j < t->v[i].len && t->v[i].cells[j] ? t->v[i].cells[j] : "";
                    strbuf_puts(o, cell);
                    inspect_put_spaces(o, (double)widths[i] - (double)table_width(cell));
                    strbuf_puts(o, i + 1 < t->n ? " \u2502 " : " \u2502");
                }
            }
        }
        if (line < 2)
            strbuf_putc(o, '\n');
    }
    free(widths);
}

/* The column of key (created in ObjectKeys order of node's null-prototype `map`: integer
 * keys ascending before the others, which keep their first-seen order). */
static TableColumn *table_column_for(Vm *vm, TableColumns *t, Atom key) {
    for (size_t i = 1; i < t->n; i++)
        if (t->v[i].key == key)
            return &t->v[i];
    StrBuf name;
    strbuf_init(&name);
    if (atom_is_int(key))
        strbuf_printf(&name, "%u", atom_int_value(key));
    else
        str_to_utf8((const ObjString *)atom_entry(vm, key), &name);
    TableColumn *c = table_add_column(t, name.data, key);
    strbuf_fini(&name);
    if (atom_is_int(key)) { /* move it before the string keys and larger integers */
        TableColumn moved = *c;
        size_t pos = 1;
        while (pos < t->n - 1 && atom_is_int(t->v[pos].key) &&
               atom_int_value(t->v[pos].key) < atom_int_value(key))
            pos++;
        memmove(&t->v[pos + 1], &t->v[pos], (t->n - 1 - pos) * sizeof(TableColumn));
        t->v[pos] = moved;
        c = &t->v[pos];
    }
    return c;
}

/* validateArray(properties, 'properties') */
static bool table_check_properties(Vm *vm, Value properties) {
    if (val_is_undefined(properties) || IsArray(properties))
        return true;
    StrBuf sb;
    strbuf_init(&sb);
    if (val_is_nullish(properties)) {
        strbuf_puts(&sb, val_is_null(properties) ? "null" : "undefined");
    } else if (IsCallable(properties)) {
        ObjString *n = fn_get_name(vm, val_as_obj(properties));
        strbuf_puts(&sb, "function ");
        str_to_utf8(n, &sb);
    } else if (val_is_object(properties)) {
        Ctx c;
        InspectOptions o;
        inspect_options_init(&o);
        inspect_ctx_init(&c, vm, &o);
        StrBuf cn;
        strbuf_init(&cn);
        if (inspect_constructor_name(&c, val_as_obj(properties), 0, NULL, &cn) && !c.threw)
            strbuf_printf(&sb, "an instance of %s", cn.data);
        else
            strbuf_puts(&sb, "[Object: null prototype]");
        strbuf_fini(&cn);
        bool failed = c.threw;
        inspect_ctx_fini(&c);
        if (failed) {
            strbuf_fini(&sb);
            return false;
        }
    } else {
        InspectOptions o;
        inspect_options_init(&o);
        o.depth = -1;
        StrBuf t;
        strbuf_init(&t);
        if (!inspect_value_opts(vm, properties, &o, &t)) {
            strbuf_fini(&t);
            strbuf_fini(&sb);
            return false;
        }
        if (t.len > 28) {
            t.len = 25;
            t.data[25] = 0;
            strbuf_puts(&t, "...");
        }
        char ty[16];
        atom_to_cbuf(vm, val_typeof(properties), ty, sizeof ty);
        strbuf_printf(&sb, "type %s (%s)", ty, t.data);
        strbuf_fini(&t);
    }
    vm_throw_type_error(vm, "The \"properties\" argument must be an instance of Array. Received %s",
                        sb.data);
    strbuf_fini(&sb);
    /* node's ERR_INVALID_ARG_TYPE: a code property, and the code in the stack's header */
    Value e = vm_take_exception(vm);
    gc_root_push(vm, &e);
    Prop *st = val_is_object(e) ? obj_find_own_prop(val_as_obj(e), ATOM_stack) : NULL;
    if (st && !(st->flags & PROP_ACCESSOR) && val_is_string(st->u.value)) {
        StrBuf t;
        strbuf_init(&t);
        str_to_utf8(val_as_str(st->u.value), &t);
        if (strncmp(t.data, "TypeError:", 10) == 0) {
            StrBuf n;
            strbuf_init(&n);
            strbuf_printf(&n, "TypeError [ERR_INVALID_ARG_TYPE]%s", t.data + 9);
            ObjString *ns = str_new_utf8(vm, n.data, n.len);
            strbuf_fini(&n);
            if (!obj_define_value(vm, val_as_obj(e), ATOM_stack, val_str(ns), PROP_BUILTIN))
                vm_take_exception(vm);
        }
        strbuf_fini(&t);
    }
    if (val_is_object(e) &&
        !define_cstr_prop(vm, val_as_obj(e), "code", "ERR_INVALID_ARG_TYPE", VAL_UNDEFINED))
        vm_take_exception(vm);
    vm_throw(vm, e);
    gc_root_pop(vm, 1);
    return false;
}

/* Rows from a Map/Set snapshot: "(iteration index)" with Key/Values or Values. */
static bool table_from_snapshot(Vm *vm, const Snapshot *sn, bool pairs, TableColumns *t) {
    TableColumn *idx = table_add_column(t, "(iteration index)", ATOM_NULL);
    (void)idx;
    TableColumn *keys = pairs ? table_add_column(t, "Key", ATOM_NULL) : NULL;
    table_add_column(t, "Values", ATOM_NULL);
    size_t row = 0;
    for (uint32_t i = 0; i < sn->n; i += pairs ? 2 : 1, row++) {
        char *cell;
        table_set(&t->v[0], row, index_text(row));
        if (pairs) {
            bool ok = table_cell(vm, sn->v[i], &cell);
            keys = &t->v[1];
            table_set(keys, row, cell);
            if (!ok)
                return false;
        }
        bool ok = table_cell(vm, sn->v[i + (pairs ? 1 : 0)], &cell);
        table_set(&t->v[t->n - 1], row, cell);
        if (!ok)
            return false;
    }
    return true;
}

bool inspect_console_table(Vm *vm, Value data, Value properties, StrBuf *out) {
    if (!table_check_properties(vm, properties))
        return false;
    if (!val_is_object(data) || IsCallable(data))
        return inspect_format_args(vm, 1, &data, out);
    Obj *o = val_as_obj(data);
    TableColumns t = {0};
    Ctx c;
    InspectOptions dflt;
    inspect_options_init(&dflt);
    inspect_ctx_init(&c, vm, &dflt);
    gc_root_push(vm, &data);
    gc_root_push(vm, &properties);
    bool ok = true;
    Obj *coll = NULL;
    uint32_t cursor = 0;
    int kind = 0;
    bool map_iter = o->kind == OBJ_MAP_ITERATOR && mapset_iterator_state(o, &coll, &cursor, &kind);
    bool set_iter = o->kind == OBJ_SET_ITERATOR && mapset_iterator_state(o, &coll, &cursor, &kind);
    bool is_map = o->kind == OBJ_MAP && mapset_is_collection(o);
    bool is_set = o->kind == OBJ_SET && mapset_is_collection(o);
    if (map_iter || set_iter || is_map || is_set) {
        Snapshot sn;
        bool pairs = is_map || (map_iter && kind == 2);
        int mode = is_map ? 2 : is_set ? 1 : set_iter ? (kind == 2 ? 2 : 1) : kind;
        inspect_snapshot_take(&c, map_iter || set_iter ? coll : o, cursor, mode, INFINITY, &sn);
        ok = table_from_snapshot(vm, &sn, pairs, &t);
        inspect_snapshot_free(&c, &sn);
    } else {
        /* the generic case: one row per own enumerable key of data */
        Keys rows;
        inspect_keys_get(&c, o, false, true, &rows);
        TableColumn *index = table_add_column(&t, "(index)", ATOM_NULL);
        (void)index;
        TableColumn values = {0};
        bool has_primitives = false;
        Value item = VAL_UNDEFINED, cell = VAL_UNDEFINED;
        gc_root_push(vm, &item);
        gc_root_push(vm, &cell);
        uint32_t nrow = 0;
        for (uint32_t i = 0; i < rows.n && ok; i++) {
            Atom rk = rows.a[i];
            if (atom_is_symbol(vm, rk))
                continue; /* ObjectKeys: strings only */
            StrBuf name;
            strbuf_init(&name);
            if (atom_is_int(rk))
                strbuf_printf(&name, "%u", atom_int_value(rk));
            else
                str_to_utf8((const ObjString *)atom_entry(vm, rk), &name);
            table_set(&t.v[0], nrow, strbuf_take(&name, NULL));
            strbuf_fini(&name);
            if (!inspect_get_prop(&c, o, rk, &item)) {
                ok = false;
                break;
            }
            bool primitive = !val_is_object(item);
            if (val_is_undefined(properties) && primitive) {
                has_primitives = true;
                char *text;
                ok = table_cell(vm, item, &text);
                table_set(&values, nrow, text);
            } else if (!val_is_undefined(properties)) {
                Obj *props = val_as_obj(properties);
                double n;
                if (!LengthOfArrayLike(vm, props, &n)) {
                    ok = false;
                    break;
                }
                for (double k = 0; k < n && ok; k++) {
                    cell = obj_get_index(vm, props, (uint32_t)k);
                    Atom key;
                    if (cell == VAL_EXCEPTION || !ToPropertyKey(vm, cell, &key)) {
                        ok = false;
                        break;
                    }
                    if (atom_is_symbol(vm, key))
                        continue;            /* ObjectKeys(map) leaves symbol columns out */
                    gc_root_push(vm, &cell); /* keeps key's string alive */
                    TableColumn *col = table_column_for(vm, &t, key);
                    char *text = NULL;
                    if (primitive || !obj_has_own_property(vm, val_as_obj(item), key)) {
                        text = xstrdup("");
                    } else {
                        Value fv;
                        if (!inspect_get_prop(&c, val_as_obj(item), key, &fv))
                            ok = false;
                        else
                            ok = table_cell(vm, fv, &text);
                    }
                    table_set(col, nrow, text ? text : xstrdup(""));
                    gc_root_pop(vm, 1);
                }
            } else {
                Keys ik;
                inspect_keys_get(&c, val_as_obj(item), false, true, &ik);
                for (uint32_t k = 0; k < ik.n && ok; k++) {
                    Atom key = ik.a[k];
                    if (atom_is_symbol(vm, key))
                        continue;
                    TableColumn *col = table_column_for(vm, &t, key);
                    size_t colpos = (size_t)(col - t.v);
                    Value fv;
                    char *text = NULL;
                    if (!inspect_get_prop(&c, val_as_obj(item), key, &fv))
                        ok = false;
                    else
                        ok = table_cell(vm, fv, &text);
                    table_set(&t.v[colpos], nrow, text ? text : xstrdup(""));
                }
                inspect_keys_free(&c, &ik);
            }
            nrow++;
        }
        gc_root_pop(vm, 2);
        inspect_keys_free(&c, &rows);
        if (has_primitives) {
            TableColumn *vc = table_add_column(&t, "Values", ATOM_NULL);
            free(vc->head);
            values.head = xstrdup("Values");
            *vc = values;
        } else {
            for (size_t j = 0; j < values.len; j++)
                free(values.cells[j]);
            free(values.cells);
        }
    }
    if (ok && !c.threw)
        table_render(&t, out);
    table_free(&t);
    gc_root_pop(vm, 2);
    ok = ok && !c.threw;
    inspect_ctx_fini(&c);
    return ok;
}
