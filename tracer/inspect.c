/* inspect.c — node 20's util.inspect (see inspect.h): formatValue, formatRaw and
 * everything they call, transliterated from lib/internal/util/inspect.js one for one,
 * under the same names in snake_case, so that a reader with node's file open can check
 * each rule:
 *
 *   inspect_format_value  formatValue     (primitives, circular references)
 *   format_raw            formatRaw       (constructor name, tag, braces, formatter, keys)
 *   format_property       formatProperty  (key: value, [Getter], [key] for hidden keys)
 *   group_array_elements  groupArrayElements  (the column layout of long arrays)
 *   reduce_to_single_string  reduceToSingleString  (one line or one entry per line)
 *   format_error          formatError     (the stack, improveStack, cause frames)
 *
 * inspect_text.c holds strEscape and the width tables, inspect_format.c util.format,
 * custom inspectors and console.table (inspect_int.h). Lengths are counted as JS does,
 * in UTF-16 code units, although the text is built in UTF-8 (Item.u16).
 *
 * GC: user code may run inside the formatter (toStringTag and name getters, errors'
 * properties, custom inspectors, Date's methods). Therefore every object being
 * formatted is rooted (inspect_format_value), the entries of a Map or Set are copied to
 * a rooted snapshot before any is formatted (mapset.h cursors do not survive JS), and
 * the key strings of the object whose keys are being listed are rooted (Keys.pins), so
 * that a getter deleting properties cannot free a key we still print. Pointers kept in
 * the circular-reference table are only compared, never dereferenced. */
#include "tracer/inspect_int.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tracer/builtins/mapset.h"
#include "tracer/bytecode.h"
#include "tracer/function.h"
#include "tracer/numconv.h"
#include "tracer/object.h"
#include "tracer/promise.h"
#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/vm.h"

/* Past this many nested objects (only reachable with depth: Infinity) the formatter
 * stops as node does when its own stack overflows. */
#define INSPECT_MAX_NESTING 1000

/* formatProperty's "type" and formatRaw's "extrasType" (kObjectType...). */
enum { K_OBJECT_TYPE = 0, K_ARRAY_TYPE = 1, K_ARRAY_EXTRAS_TYPE = 2 };

/* ==== context ============================================================================= */

void inspect_ctx_init(Ctx *c, Vm *vm, const InspectOptions *o) {
    memset(c, 0, sizeof *c);
    c->vm = vm;
    c->o = *o;
}

void inspect_ctx_fini(Ctx *c) {
    free(c->seen);
    free(c->circular);
}

void inspect_options_init(InspectOptions *o) {
    o->depth = 2;
    o->show_hidden = false;
    o->compact = 3;
    o->break_length = 80;
    o->max_array_length = 100;
    o->max_string_length = 10000;
    o->custom_inspect = true;
}

void inspect_format_value(Ctx *c, Value v, int recurse, StrBuf *out);

static void seen_push(Ctx *c, Obj *o) {
    if (c->nseen == c->cap_seen) {
        c->cap_seen = c->cap_seen * 2 + 8;
        c->seen = xrealloc(c->seen, c->cap_seen * sizeof(Obj *));
    }
    c->seen[c->nseen++] = o;
}

/* ==== running user code =================================================================== */

/* After a call that returned an exception: remember it (it stays pending for our
 * caller). Returns false for `return inspect_threw(c);`. */
bool inspect_threw(Ctx *c) {
    c->threw = true;
    return false;
}

/* node's try { ... } catch {}: drop the exception, unless the run is being terminated
 * (--max-steps...), which nothing may catch. */
static bool swallow(Ctx *c) {
    if (c->vm->terminated)
        return inspect_threw(c);
    vm_take_exception(c->vm);
    return true;
}

/* o[key] ([[Get]]: may run a getter). The result is unrooted. */
bool inspect_get_prop(Ctx *c, Obj *o, Atom key, Value *out) {
    if (c->threw)
        return false;
    Value v = obj_get(c->vm, o, key);
    if (v == VAL_EXCEPTION)
        return inspect_threw(c);
    *out = v;
    return true;
}

static void put_symbol_text(const ObjSymbol *sym, StrBuf *out) {
    strbuf_puts(out, "Symbol(");
    if (val_is_string(sym->description))
        str_to_utf8(val_as_str(sym->description), out);
    strbuf_putc(out, ')');
}

/* String(v) as UTF-8 (symbols give "Symbol(desc)"; objects run toString). */
bool inspect_to_text(Ctx *c, Value v, StrBuf *out) {
    if (c->threw)
        return false;
    if (val_is_symbol(v)) {
        put_symbol_text(val_as_sym(v), out);
        return true;
    }
    if (val_is_number(v)) { /* String(-0) is "0" */
        char b[NUMCONV_DTOA_SIZE];
        NumberToString(val_as_number(v), b);
        strbuf_puts(out, b);
        return true;
    }
    ObjString *s = ToString(c->vm, v);
    if (!s)
        return inspect_threw(c);
    str_to_utf8(s, out);
    return true;
}

/* formatPrimitive for a string inside a container: quoted, truncated past
 * maxStringLength, and split after each \n into '...' + lines when it is long. */
static void format_string(Ctx *c, const ObjString *s, StrBuf *out) {
    uint32_t len = s->len;
    double remaining = 0;
    if ((double)len > c->o.max_string_length) {
        remaining = len - c->o.max_string_length;
        len = (uint32_t)c->o.max_string_length;
    }
    if (c->o.compact != INSPECT_COMPACT_TRUE && len > 16 &&
        (double)len > c->o.break_length - c->indent - 4) {
        uint32_t start = 0;
        for (uint32_t i = 0; i < len; i++) {
            if (str_at(s, i) != '\n' || i + 1 == len)
                continue;
            inspect_str_escape(out, s, start, i + 1);
            strbuf_puts(out, " +\n");
            inspect_put_spaces(out, c->indent + 2);
            start = i + 1;
        }
        inspect_str_escape(out, s, start, len);
    } else {
        inspect_str_escape(out, s, 0, len);
    }
    if (remaining > 0)
        strbuf_printf(out, "... %.0f more character%s", remaining, remaining > 1 ? "s" : "");
}

void inspect_format_number(double d, StrBuf *out) {
    char b[NUMCONV_DTOA_SIZE];
    numconv_inspect(d, b);
    strbuf_puts(out, b);
}

static void format_primitive(Ctx *c, Value v, StrBuf *out) {
    if (val_is_string(v))
        format_string(c, val_as_str(v), out);
    else if (val_is_number(v))
        inspect_format_number(val_as_number(v), out);
    else if (val_is_bool(v))
        strbuf_puts(out, v == VAL_TRUE ? "true" : "false");
    else if (val_is_undefined(v))
        strbuf_puts(out, "undefined");
    else if (val_is_null(v))
        strbuf_puts(out, "null");
    else if (val_is_symbol(v))
        put_symbol_text(val_as_sym(v), out);
    else
        strbuf_puts(out, "undefined"); /* VAL_EMPTY never reaches user-visible output */
}

/* ==== keys ================================================================================ */

void inspect_keys_get(Ctx *c, Obj *o, bool non_index, bool only_enumerable, Keys *k) {
    Vm *vm = c->vm;
    uint32_t flags =
        OWNKEYS_STRINGS | OWNKEYS_SYMBOLS | (only_enumerable ? OWNKEYS_ENUMERABLE_ONLY : 0);
    uint32_t n;
    Atom *a = obj_own_keys_atoms(vm, o, flags, &n);
    uint32_t m = 0;
    for (uint32_t i = 0; i < n; i++)
        if (!(non_index && atom_is_int(a[i])))
            a[m++] = a[i];
    k->a = a;
    k->n = m;
    k->cap = n;
    k->pins = xmalloc((m + 1) * sizeof(GcHeader *));
    k->npins = 0;
    for (uint32_t i = 0; i < m; i++) {
        if (atom_is_int(a[i]))
            continue;
        k->pins[k->npins] = atom_entry(vm, a[i]);
        gc_root_push_ptr(vm, &k->pins[k->npins]);
        k->npins++;
    }
}

static void keys_push(Keys *k, Atom a) {
    if (k->n == k->cap) {
        k->cap = k->cap * 2 + 4;
        k->a = xrealloc(k->a, k->cap * sizeof(Atom));
    }
    k->a[k->n++] = a;
}

static int keys_index(const Keys *k, Atom a) {
    for (uint32_t i = 0; i < k->n; i++)
        if (k->a[i] == a)
            return (int)i;
    return -1;
}

static void keys_remove(Keys *k, uint32_t i, uint32_t count) {
    if (i + count > k->n)
        count = k->n - i;
    memmove(k->a + i, k->a + i + count, (k->n - i - count) * sizeof(Atom));
    k->n -= count;
}

void inspect_keys_free(Ctx *c, Keys *k) {
    gc_root_pop(c->vm, k->npins);
    free(k->a);
    free(k->pins);
    memset(k, 0, sizeof *k);
}

/* keyStrRegExp: /^[a-zA-Z_][a-zA-Z_0-9]*$/ */
static bool is_plain_key(const ObjString *s) {
    if (s->len == 0)
        return false;
    for (uint32_t i = 0; i < s->len; i++) {
        uint16_t u = str_at(s, i);
        bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_' ||
                  (i > 0 && u >= '0' && u <= '9');
        if (!ok)
            return false;
    }
    return true;
}

/* ==== constructor name, tag, prefixes ===================================================== */

/* node's builtInObjects: the globals of node 20 whose names match /^[A-Z][a-zA-Z0-9]+$/.
 * It is node's list, not the engine's, because it decides node's output. */
static const char *const builtin_objects[] = {
    "AbortController",
    "AbortSignal",
    "AggregateError",
    "Array",
    "ArrayBuffer",
    "Atomics",
    "BigInt",
    "BigInt64Array",
    "BigUint64Array",
    "Blob",
    "Boolean",
    "BroadcastChannel",
    "ByteLengthQueuingStrategy",
    "CompressionStream",
    "CountQueuingStrategy",
    "Crypto",
    "CryptoKey",
    "CustomEvent",
    "DOMException",
    "DataView",
    "Date",
    "DecompressionStream",
    "Error",
    "EvalError",
    "Event",
    "EventTarget",
    "File",
    "FinalizationRegistry",
    "Float32Array",
    "Float64Array",
    "FormData",
    "Function",
    "Headers",
    "Infinity",
    "Int16Array",
    "Int32Array",
    "Int8Array",
    "Intl",
    "JSON",
    "Map",
    "Math",
    "MessageChannel",
    "MessageEvent",
    "MessagePort",
    "NaN",
    "Number",
    "Object",
    "Performance",
    "PerformanceEntry",
    "PerformanceMark",
    "PerformanceMeasure",
    "PerformanceObserver",
    "PerformanceObserverEntryList",
    "PerformanceResourceTiming",
    "Promise",
    "Proxy",
    "RangeError",
    "ReadableByteStreamController",
    "ReadableStream",
    "ReadableStreamBYOBReader",
    "ReadableStreamBYOBRequest",
    "ReadableStreamDefaultController",
    "ReadableStreamDefaultReader",
    "ReferenceError",
    "Reflect",
    "RegExp",
    "Request",
    "Response",
    "Set",
    "SharedArrayBuffer",
    "String",
    "SubtleCrypto",
    "Symbol",
    "SyntaxError",
    "TextDecoder",
    "TextDecoderStream",
    "TextEncoder",
    "TextEncoderStream",
    "TransformStream",
    "TransformStreamDefaultController",
    "TypeError",
    "URIError",
    "URL",
    "URLSearchParams",
    "Uint16Array",
    "Uint32Array",
    "Uint8Array",
    "Uint8ClampedArray",
    "WeakMap",
    "WeakRef",
    "WeakSet",
    "WebAssembly",
    "WritableStream",
    "WritableStreamDefaultController",
    "WritableStreamDefaultWriter",
};

bool inspect_is_builtin_object_name(Value name) {
    if (!val_is_string(name))
        return false;
    char b[64];
    const ObjString *s = val_as_str(name);
    if (s->len >= sizeof b)
        return false;
    str_to_cbuf(s, b, sizeof b);
    for (size_t i = 0; i < ARRAY_LEN(builtin_objects); i++)
        if (strcmp(b, builtin_objects[i]) == 0)
            return true;
    return false;
}

/* V8's internal GetConstructorName for objects whose prototype chain names nothing. */
static const char *internal_constructor_name(const Obj *o) {
    switch (o->kind) {
    case OBJ_ARRAY:
    case OBJ_FUNCTION:
    case OBJ_NATIVE_FUNCTION:
    case OBJ_BOUND_FUNCTION:
    case OBJ_ERROR:
    case OBJ_BOOLEAN:
    case OBJ_NUMBER:
    case OBJ_STRING:
    case OBJ_SYMBOL:
    case OBJ_PROMISE:
    case OBJ_MAP:
    case OBJ_SET:
    case OBJ_WEAKMAP:
    case OBJ_WEAKSET:
    case OBJ_WEAKREF:
    case OBJ_DATE:
    case OBJ_REGEXP:
        return obj_kind_name((ObjKind)o->kind);
    default:
        return "Object";
    }
}

/* `v instanceof ctor` as node's isInstanceof: a throw counts as false. */
static bool is_instance_of(Ctx *c, Obj *o, Value ctor) {
    bool r = false;
    if (!InstanceofOperator(c->vm, val_obj(o), ctor, &r)) {
        swallow(c);
        return false;
    }
    return r;
}

static void format_property(Ctx *c, Obj *holder, int recurse, Atom key, int type,
                            const PropDesc *desc_in, StrBuf *out);
bool inspect_with(Vm *vm, Value v, const InspectOptions *o, StrBuf *out);

/* addPrototypeProperties (showHidden only): the non-method properties that main's
 * prototypes (up to three of them, stopping at a built-in) add, listed as its own. */
static void add_prototype_properties(Ctx *c, Obj *main, Obj *obj, int recurse, Items *output) {
    Vm *vm = c->vm;
    Atom *above = NULL; /* keySet: the keys of the layers already listed */
    uint32_t nabove = 0;
    gc_root_push_ptr(vm, &obj);
    for (int depth = 0; depth != 3 && !c->threw; depth++) {
        if (depth != 0 || main == obj) {
            obj = obj->proto;
            if (!obj)
                break;
            PropDesc d;
            if (obj_get_own_property(vm, obj, ATOM_constructor, &d) && d.has_value &&
                IsCallable(d.value)) {
                Value nm;
                if (!inspect_get_prop(c, val_as_obj(d.value), ATOM_name, &nm) ||
                    inspect_is_builtin_object_name(nm))
                    break;
            }
        }
        Keys layer;
        inspect_keys_get(c, obj, false, false, &layer); /* ReflectOwnKeys */
        seen_push(c, main);
        for (uint32_t i = 0; i < layer.n && !c->threw; i++) {
            Atom key = layer.a[i];
            if (key == ATOM_constructor || obj_has_own_property(vm, main, key))
                continue;
            bool dup = false;
            for (uint32_t j = 0; depth != 0 && j < nabove && !dup; j++)
                dup = above[j] == key;
            PropDesc d;
            if (dup || !obj_get_own_property(vm, obj, key, &d) ||
                (d.has_value && IsCallable(d.value)))
                continue;
            StrBuf e;
            strbuf_init(&e);
            format_property(c, obj, recurse, key, K_OBJECT_TYPE, &d, &e);
            inspect_items_push(output, &e);
            strbuf_fini(&e);
        }
        c->nseen--;
        above = xrealloc(above, (nabove + layer.n + 1) * sizeof(Atom));
        memcpy(above + nabove, layer.a, layer.n * sizeof(Atom));
        nabove += layer.n;
        inspect_keys_free(c, &layer);
    }
    free(above);
    gc_root_pop(vm, 1);
}

/* getConstructorName: the name of the first constructor up the prototype chain whose
 * "prototype" the object inherits from; false for null (no prototype chain names one
 * and the chain ends at null right away). With proto_props (showHidden), it also
 * collects the prototype properties to show. */
bool inspect_constructor_name(Ctx *c, Obj *start, int recurse, Items *proto_props, StrBuf *out) {
    Vm *vm = c->vm;
    Obj *obj = start, *first_proto = NULL;
    bool first_set = false;
    bool found = false;
    gc_root_push_ptr(vm, &obj);
    gc_root_push_ptr(vm, &first_proto);
    while (obj && !c->threw) {
        if (obj == realm_intrinsic(vm, INTR_ObjectPrototype) ||
            obj == realm_intrinsic(vm, INTR_FunctionPrototype)) {
            /* wellKnownPrototypes: OrdinaryHasInstance(Object, start) holds iff obj is a
             * proper prototype of start */
            if (obj != start) {
                if (proto_props && (!first_set || first_proto != obj))
                    add_prototype_properties(c, start,
                                             first_set && first_proto ? first_proto : start,
                                             recurse, proto_props);
                strbuf_puts(out, obj == realm_intrinsic(vm, INTR_ObjectPrototype) ? "Object"
                                                                                  : "Function");
                found = true;
                break;
            }
        }
        PropDesc d;
        if (obj_get_own_property(vm, obj, ATOM_constructor, &d) && d.has_value &&
            IsCallable(d.value)) {
            Value ctor = d.value, nm = VAL_UNDEFINED;
            gc_root_push(vm, &ctor);
            gc_root_push(vm, &nm);
            bool ok = inspect_get_prop(c, val_as_obj(ctor), ATOM_name, &nm) &&
                      !(val_is_string(nm) && val_as_str(nm)->len == 0) &&
                      is_instance_of(c, start, ctor);
            if (ok && !c->threw) {
                if (proto_props &&
                    ((!first_set || first_proto != obj) || !inspect_is_builtin_object_name(nm)))
                    add_prototype_properties(c, start,
                                             first_set && first_proto ? first_proto : start,
                                             recurse, proto_props);
                inspect_to_text(c, nm, out);
                found = true;
            }
            gc_root_pop(vm, 2);
            if (found || c->threw)
                break;
        }
        obj = obj->proto;
        if (!first_set) {
            first_proto = obj;
            first_set = true;
        }
    }
    bool result = true;
    if (found || c->threw) {
        result = true;
    } else if (first_set && !first_proto) {
        result = false;
    } else {
        /* a chain whose constructors have no name: "Object <Proto>" */
        const char *res = internal_constructor_name(start);
        if ((double)recurse > c->o.depth) {
            strbuf_printf(out, "%s <Complex prototype>", res);
        } else {
            StrBuf p;
            strbuf_init(&p);
            if (c->nesting > INSPECT_MAX_NESTING) {
                strbuf_puts(&p, "Complex prototype");
            } else {
                c->nesting++;
                bool named = inspect_constructor_name(c, first_proto, recurse + 1, proto_props, &p);
                c->nesting--;
                if (!named && !c->threw) {
                    strbuf_clear(&p);
                    InspectOptions o = c->o;
                    o.depth = -1;
                    if (!inspect_with(vm, val_obj(first_proto), &o, &p))
                        inspect_threw(c);
                }
            }
            strbuf_printf(out, "%s <%s>", res, p.data);
            strbuf_fini(&p);
        }
    }
    gc_root_pop(vm, 2);
    return result;
}

/* value[Symbol.toStringTag], kept only when it is a non-empty string that is not an
 * own enumerable property (own at all, with showHidden). */
static void get_tag(Ctx *c, Obj *o, StrBuf *tag) {
    Value t;
    if (!inspect_get_prop(c, o, ATOM_Symbol_toStringTag, &t) || !val_is_string(t))
        return;
    const ObjString *s = val_as_str(t);
    if (s->len == 0)
        return;
    PropDesc d;
    if (obj_get_own_property(c->vm, o, ATOM_Symbol_toStringTag, &d) &&
        (c->o.show_hidden || d.enumerable))
        return;
    str_to_utf8(s, tag);
}

/* getPrefix(constructor, tag, fallback, size) */
static void get_prefix(StrBuf *out, bool has_ctor, const char *ctor, const char *tag,
                       const char *fallback, const char *size) {
    if (!has_ctor) {
        if (*tag && strcmp(fallback, tag) != 0)
            strbuf_printf(out, "[%s%s: null prototype] [%s] ", fallback, size, tag);
        else
            strbuf_printf(out, "[%s%s: null prototype] ", fallback, size);
        return;
    }
    if (*tag && strcmp(ctor, tag) != 0)
        strbuf_printf(out, "%s%s [%s] ", ctor, size, tag);
    else
        strbuf_printf(out, "%s%s ", ctor, size);
}

/* getCtxStyle(value, constructor, tag) */
static void get_ctx_style(StrBuf *out, const Obj *o, bool has_ctor, const char *ctor,
                          const char *tag) {
    const char *fallback = "";
    if (!has_ctor) {
        fallback = internal_constructor_name(o);
        if (strcmp(fallback, tag) == 0)
            fallback = "Object";
    }
    get_prefix(out, has_ctor, ctor, tag, fallback, "");
}

/* ==== functions, boxed primitives, dates ================================================== */

/* `${fn.name}`; *empty tells whether it was the empty string. */
static bool function_name_text(Ctx *c, Obj *fn, StrBuf *out, bool *empty) {
    Value nm;
    if (!inspect_get_prop(c, fn, ATOM_name, &nm))
        return false;
    *empty = val_is_string(nm) && val_as_str(nm)->len == 0;
    if (val_is_symbol(nm)) { /* a template literal throws on a symbol */
        vm_throw_type_error(c->vm, "Cannot convert a Symbol value to a string");
        return inspect_threw(c);
    }
    return inspect_to_text(c, nm, out);
}

/* getClassBase */
static void class_base(Ctx *c, Obj *fn, bool has_ctor, const char *ctor, const char *tag,
                       StrBuf *out) {
    strbuf_puts(out, "[class ");
    bool named = false;
    if (obj_has_own_property(c->vm, fn, ATOM_name)) {
        Value nm;
        if (!inspect_get_prop(c, fn, ATOM_name, &nm))
            return;
        if (ToBoolean(nm)) {
            if (val_is_symbol(nm)) {
                vm_throw_type_error(c->vm, "Cannot convert a Symbol value to a string");
                inspect_threw(c);
                return;
            }
            named = inspect_to_text(c, nm, out);
        }
    }
    if (!named)
        strbuf_puts(out, "(anonymous)");
    if (has_ctor && strcmp(ctor, "Function") != 0)
        strbuf_printf(out, " [%s]", ctor);
    if (*tag && (!has_ctor || strcmp(ctor, tag) != 0))
        strbuf_printf(out, " [%s]", tag);
    if (has_ctor) {
        Value sn = VAL_UNDEFINED;
        if (fn->proto && !inspect_get_prop(c, fn->proto, ATOM_name, &sn))
            return;
        if (ToBoolean(sn)) {
            strbuf_puts(out, " extends ");
            inspect_to_text(c, sn, out);
        }
    } else {
        strbuf_puts(out, " extends [null prototype]");
    }
    strbuf_putc(out, ']');
}

/* getFunctionBase */
static void function_base(Ctx *c, Obj *fn, bool has_ctor, const char *ctor, const char *tag,
                          StrBuf *out) {
    if (fn_is_class(fn)) {
        class_base(c, fn, has_ctor, ctor, tag, out);
        return;
    }
    const char *type = "Function";
    if (fn->kind == OBJ_FUNCTION) {
        uint32_t f = fn->u.func.proto->flags;
        if ((f & FP_GENERATOR) && (f & FP_ASYNC))
            type = "AsyncGeneratorFunction";
        else if (f & FP_GENERATOR)
            type = "GeneratorFunction";
        else if (f & FP_ASYNC)
            type = "AsyncFunction";
    }
    strbuf_printf(out, "[%s", type);
    if (!has_ctor)
        strbuf_puts(out, " (null prototype)");
    StrBuf nm;
    strbuf_init(&nm);
    bool empty = false;
    if (function_name_text(c, fn, &nm, &empty)) {
        if (empty)
            strbuf_puts(out, " (anonymous)");
        else
            strbuf_printf(out, ": %s", nm.data);
    }
    strbuf_fini(&nm);
    strbuf_putc(out, ']');
    if (has_ctor && strcmp(ctor, type) != 0)
        strbuf_printf(out, " %s", ctor);
    if (*tag && (!has_ctor || strcmp(ctor, tag) != 0))
        strbuf_printf(out, " [%s]", tag);
}

/* getBoxedBase */
static void boxed_base(Ctx *c, Obj *o, Keys *keys, bool has_ctor, const char *ctor, const char *tag,
                       StrBuf *out) {
    const char *type = obj_kind_name((ObjKind)o->kind); /* Number, String, Boolean, Symbol */
    if (o->kind == OBJ_STRING && val_is_string(o->u.prim))
        keys_remove(keys, 0, val_as_str(o->u.prim)->len);
    strbuf_printf(out, "[%s", type);
    if (!has_ctor)
        strbuf_puts(out, " (null prototype)");
    else if (strcmp(type, ctor) != 0)
        strbuf_printf(out, " (%s)", ctor);
    strbuf_puts(out, ": ");
    format_primitive(c, o->u.prim, out);
    strbuf_putc(out, ']');
    if (*tag && (!has_ctor || strcmp(tag, ctor) != 0))
        strbuf_printf(out, " [%s]", tag);
}

/* Calls the intrinsic prototype's own method `name` on o (for Date and the collections,
 * whose native data has no C accessor here). VAL_UNDEFINED when the method is absent. */
static Value call_intrinsic_method(Ctx *c, IntrinsicId proto_id, const char *name, Obj *o) {
    Obj *proto = realm_intrinsic(c->vm, proto_id);
    if (!proto || c->threw)
        return VAL_UNDEFINED;
    PropDesc d;
    if (!obj_get_own_property(c->vm, proto, atom_intern(c->vm, name), &d))
        return VAL_UNDEFINED;
    Value fn = d.has_value ? d.value : d.get;
    if (!IsCallable(fn))
        return VAL_UNDEFINED;
    Value r = vm_call(c->vm, fn, val_obj(o), 0, NULL);
    if (r == VAL_EXCEPTION) {
        inspect_threw(c);
        return VAL_UNDEFINED;
    }
    return r;
}

/* A Date's base text: toISOString, or toString ("Invalid Date") when the time is NaN. */
static void date_base(Ctx *c, Obj *o, StrBuf *out) {
    Value t = call_intrinsic_method(c, INTR_DatePrototype, "getTime", o);
    if (val_is_number(t) && isnan(val_as_number(t))) {
        strbuf_puts(out, "Invalid Date");
        return;
    }
    Value s = call_intrinsic_method(c, INTR_DatePrototype, "toISOString", o);
    if (val_is_string(s))
        str_to_utf8(val_as_str(s), out);
}

/* ==== errors ============================================================================== */

/* isError: a native error, or an object inheriting from %Error.prototype%. */
static bool is_error(Ctx *c, const Obj *o) {
    if (o->kind == OBJ_ERROR)
        return true;
    Obj *ep = realm_intrinsic(c->vm, INTR_ErrorPrototype);
    for (const Obj *p = o->proto; p; p = p->proto)
        if (p == ep)
            return true;
    return false;
}

/* Error.prototype.toString as a primordial: "name: message". */
static bool error_to_string(Ctx *c, Obj *e, StrBuf *out) {
    Value nm, msg;
    if (!inspect_get_prop(c, e, ATOM_name, &nm))
        return false;
    StrBuf n, m;
    strbuf_init(&n);
    strbuf_init(&m);
    if (val_is_undefined(nm))
        strbuf_puts(&n, "Error");
    else if (val_is_symbol(nm)) {
        vm_throw_type_error(c->vm, "Cannot convert a Symbol value to a string");
        inspect_threw(c);
    } else
        inspect_to_text(c, nm, &n);
    if (inspect_get_prop(c, e, ATOM_message, &msg) && !val_is_undefined(msg)) {
        if (val_is_symbol(msg)) {
            vm_throw_type_error(c->vm, "Cannot convert a Symbol value to a string");
            inspect_threw(c);
        } else {
            inspect_to_text(c, msg, &m);
        }
    }
    if (n.len == 0)
        strbuf_put(out, m.data, m.len);
    else if (m.len == 0)
        strbuf_put(out, n.data, n.len);
    else
        strbuf_printf(out, "%s: %s", n.data, m.data);
    strbuf_fini(&n);
    strbuf_fini(&m);
    return !c->threw;
}

/* getStackString: err.stack when truthy, else Error.prototype.toString(err). */
static bool get_stack_string(Ctx *c, Obj *e, StrBuf *out) {
    Value st;
    if (!inspect_get_prop(c, e, ATOM_stack, &st))
        return false;
    if (ToBoolean(st))
        return inspect_to_text(c, st, out);
    return error_to_string(c, e, out);
}

/* The lines of a text (views into it). */
typedef struct {
    const char **p;
    size_t *len;
    size_t n;
} Lines;

static void lines_split(const char *s, size_t n, Lines *l) {
    size_t cap = 1;
    for (size_t i = 0; i < n; i++)
        cap += s[i] == '\n';
    l->p = xmalloc(cap * sizeof(char *));
    l->len = xmalloc(cap * sizeof(size_t));
    l->n = 0;
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || s[i] == '\n') {
            l->p[l->n] = s + start;
            l->len[l->n++] = i - start;
            start = i + 1;
        }
    }
}

static void lines_free(Lines *l) {
    free(l->p);
    free(l->len);
}

static bool line_eq(const Lines *a, size_t i, const Lines *b, size_t j) {
    return a->len[i] == b->len[j] && memcmp(a->p[i], b->p[j], a->len[i]) == 0;
}

/* identicalSequenceRange(a, b) */
static void identical_sequence_range(const Lines *a, const Lines *b, size_t *len_out,
                                     size_t *offset_out) {
    *len_out = 0;
    *offset_out = 0;
    for (size_t i = 0; i + 3 < a->n; i++) {
        size_t pos = SIZE_MAX;
        for (size_t j = 0; j < b->n && pos == SIZE_MAX; j++)
            if (line_eq(a, i, b, j))
                pos = j;
        if (pos == SIZE_MAX)
            continue;
        size_t rest = b->n - pos;
        if (rest > 3) {
            size_t len = 1;
            size_t max_len = a->n - i < rest ? a->n - i : rest;
            while (max_len > len && line_eq(a, i + len, b, pos + len))
                len++;
            if (len > 3) {
                *len_out = len;
                *offset_out = i;
                return;
            }
        }
    }
}

/* getStackFrames: the frame lines, with those shared with err.cause's stack folded. */
static void append_stack_frames(Ctx *c, Obj *err, const char *frames_text, size_t n, StrBuf *out) {
    Vm *vm = c->vm;
    Lines frames;
    lines_split(frames_text, n, &frames);
    size_t skip_at = SIZE_MAX, skipped = 0;
    Value cause = VAL_UNDEFINED;
    if (!c->threw) {
        cause = obj_get(vm, err, ATOM_cause);
        if (cause == VAL_EXCEPTION) {
            swallow(c);
            cause = VAL_UNDEFINED;
        }
    }
    gc_root_push(vm, &cause);
    if (val_is_object(cause) && is_error(c, val_as_obj(cause))) {
        StrBuf cs;
        strbuf_init(&cs);
        if (get_stack_string(c, val_as_obj(cause), &cs)) {
            const char *at = strstr(cs.data, "\n    at");
            if (at) {
                Lines cf;
                lines_split(at + 1, cs.len - (size_t)(at + 1 - cs.data), &cf);
                size_t len, offset;
                identical_sequence_range(&frames, &cf, &len, &offset);
                if (len > 0) {
                    skip_at = offset + 1;
                    skipped = len - 2;
                }
                lines_free(&cf);
            }
        }
        strbuf_fini(&cs);
    }
    gc_root_pop(vm, 1);
    for (size_t i = 0; i < frames.n; i++) {
        if (i == skip_at) {
            strbuf_printf(out, "\n    ... %zu lines matching cause stack trace ...", skipped);
            i += skipped - 1; /* frames.splice(offset + 1, skipped, msg) */
            continue;
        }
        strbuf_putc(out, '\n');
        strbuf_put(out, frames.p[i], frames.len[i]);
    }
    lines_free(&frames);
}

/* improveStack(stack, constructor, name, tag) */
static void improve_stack(StrBuf *stack, bool has_ctor, const char *ctor, const char *name,
                          const char *tag) {
    size_t len = strlen(name);
    bool ends_error = len >= 5 && strcmp(name + len - 5, "Error") == 0;
    bool regular = ends_error && strncmp(stack->data, name, len) == 0 &&
                   (stack->len == len || stack->data[len] == ':' || stack->data[len] == '\n');
    if (has_ctor && !regular)
        return;
    char fb_buf[256];
    const char *fallback = "Error";
    if (!has_ctor) {
        /* /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n {4}at)/ || /^([a-z_A-Z0-9-]*Error)$/ */
        const char *s = stack->data;
        size_t fl = 0;
        if (s[0] >= 'A' && s[0] <= 'Z') {
            size_t j = 1;
            while (s[j] &&
                   (strchr("abcdefghijklmnopqrstuvwxyz_ ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789[]()-",
                           s[j])))
                j++;
            if (j >= 2 && (s[j] == ':' || strncmp(s + j, "\n    at", 7) == 0))
                fl = j;
        }
        if (fl == 0) {
            size_t j = 0;
            while (s[j] &&
                   strchr("abcdefghijklmnopqrstuvwxyz_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-", s[j]))
                j++;
            if (j == stack->len && j >= 5 && strcmp(s + j - 5, "Error") == 0)
                fl = j;
        }
        if (fl >= sizeof fb_buf)
            fl = 0;
        memcpy(fb_buf, s, fl);
        fb_buf[fl] = 0;
        len = fl;
        fallback = fl ? fb_buf : "Error";
    }
    StrBuf prefix;
    strbuf_init(&prefix);
    get_prefix(&prefix, has_ctor, ctor, tag, fallback, "");
    prefix.data[--prefix.len] = 0; /* .slice(0, -1) */
    if (strcmp(name, prefix.data) != 0) {
        StrBuf r;
        strbuf_init(&r);
        if (strstr(prefix.data, name)) {
            if (len == 0)
                strbuf_printf(&r, "%s: %s", prefix.data, stack->data);
            else
                strbuf_printf(&r, "%s%s", prefix.data, stack->data + len);
        } else {
            strbuf_printf(&r, "%s [%s]%s", prefix.data, name, stack->data + len);
        }
        strbuf_clear(stack);
        strbuf_put(stack, r.data, r.len);
        strbuf_fini(&r);
    }
    strbuf_fini(&prefix);
}

/* formatError(err, constructor, tag, ctx, keys): the base text of an error. */
static void format_error(Ctx *c, Obj *err, bool has_ctor, const char *ctor, const char *tag,
                         Keys *keys, StrBuf *out) {
    Vm *vm = c->vm;
    StrBuf name, stack;
    strbuf_init(&name);
    strbuf_init(&stack);
    Value nv;
    if (!inspect_get_prop(c, err, ATOM_name, &nv))
        goto done;
    if (val_is_nullish(nv))
        strbuf_puts(&name, "Error");
    else if (!inspect_to_text(c, nv, &name))
        goto done;
    if (!get_stack_string(c, err, &stack))
        goto done;
    /* removeDuplicateErrorKeys */
    if (!c->o.show_hidden && keys->n != 0) {
        static const Atom dup_keys[] = {ATOM_name, ATOM_message, ATOM_stack};
        for (size_t k = 0; k < ARRAY_LEN(dup_keys) && !c->threw; k++) {
            int idx = keys_index(keys, dup_keys[k]);
            if (idx < 0)
                continue;
            Value v;
            if (!inspect_get_prop(c, err, dup_keys[k], &v))
                break;
            StrBuf t;
            strbuf_init(&t);
            if (val_is_symbol(v)) {
                vm_throw_type_error(vm, "Cannot convert a Symbol value to a string");
                inspect_threw(c);
            } else if (inspect_to_text(c, v, &t) && strstr(stack.data, t.data)) {
                keys_remove(keys, (uint32_t)idx, 1);
            }
            strbuf_fini(&t);
        }
    }
    if (c->threw)
        goto done;
    if (obj_has_property(vm, err, ATOM_cause) && keys_index(keys, ATOM_cause) < 0)
        keys_push(keys, ATOM_cause);
    Value errs;
    if (!inspect_get_prop(c, err, ATOM_errors, &errs))
        goto done;
    if (IsArray(errs) && keys_index(keys, ATOM_errors) < 0)
        keys_push(keys, ATOM_errors);
    improve_stack(&stack, has_ctor, ctor, name.data, tag);
    /* Ignore the error message if it's contained in the stack. */
    Value mv;
    if (!inspect_get_prop(c, err, ATOM_message, &mv))
        goto done;
    const char *search_from = stack.data;
    if (ToBoolean(mv)) {
        StrBuf m;
        strbuf_init(&m);
        if (val_is_symbol(mv)) {
            vm_throw_type_error(vm, "Cannot convert a Symbol value to a string");
            inspect_threw(c);
        } else if (inspect_to_text(c, mv, &m)) {
            const char *at = strstr(stack.data, m.data);
            /* (err.message && stack.indexOf(err.message)) || -1: a match at 0 counts as none */
            if (at && at != stack.data && val_is_string(mv))
                search_from = at + m.len;
        }
        strbuf_fini(&m);
        if (c->threw)
            goto done;
    }
    const char *frames = strstr(search_from, "\n    at");
    StrBuf res;
    strbuf_init(&res);
    if (!frames) {
        strbuf_printf(&res, "[%s]", stack.data);
    } else {
        strbuf_put(&res, stack.data, (size_t)(frames - stack.data));
        append_stack_frames(c, err, frames + 1, stack.len - (size_t)(frames + 1 - stack.data),
                            &res);
    }
    /* The message and the stack have to be indented as well! */
    for (size_t i = 0; i < res.len; i++) {
        strbuf_putc(out, res.data[i]);
        if (res.data[i] == '\n')
            inspect_put_spaces(out, c->indent);
    }
    strbuf_fini(&res);
done:
    strbuf_fini(&name);
    strbuf_fini(&stack);
}

/* ==== collections ========================================================================= */

/* mode: 0 keys, 1 values, 2 key/value pairs. At most max entries are kept. */
void inspect_snapshot_take(Ctx *c, const Obj *coll, uint32_t cursor, int mode, double max,
                           Snapshot *sn) {
    sn->total = 0;
    sn->n = 0;
    uint32_t cap = 0;
    uint32_t cur = cursor;
    Value k, v;
    while (coll && mapset_next(coll, &cur, &k, &v))
        sn->total++;
    double keep = fmin(sn->total, max);
    cap = (uint32_t)keep * (mode == 2 ? 2 : 1);
    sn->v = xmalloc((cap + 1) * sizeof(Value));
    cur = cursor;
    while (sn->n < cap && coll && mapset_next(coll, &cur, &k, &v)) {
        if (mode != 1)
            sn->v[sn->n++] = k;
        if (mode != 0)
            sn->v[sn->n++] = v;
    }
    for (uint32_t i = 0; i < sn->n; i++)
        gc_root_push(c->vm, &sn->v[i]);
}

void inspect_snapshot_free(Ctx *c, Snapshot *sn) {
    gc_root_pop(c->vm, sn->n);
    free(sn->v);
}

static void remaining_text(Items *output, double remaining) {
    StrBuf b;
    strbuf_init(&b);
    strbuf_printf(&b, "... %.0f more item%s", remaining, remaining > 1 ? "s" : "");
    inspect_items_push(output, &b);
    strbuf_fini(&b);
}

/* formatSet / formatMap */
static void format_collection(Ctx *c, Obj *o, bool is_map, double size, int recurse,
                              Items *output) {
    double max_length = fmin(fmax(0, c->o.max_array_length), size);
    double remaining = size - max_length;
    Snapshot sn;
    inspect_snapshot_take(c, o, 0, is_map ? 2 : 1, max_length, &sn);
    c->indent += 2;
    for (uint32_t i = 0; i < sn.n && !c->threw; i += is_map ? 2 : 1) {
        StrBuf e;
        strbuf_init(&e);
        inspect_format_value(c, sn.v[i], recurse, &e);
        if (is_map) {
            strbuf_puts(&e, " => ");
            inspect_format_value(c, sn.v[i + 1], recurse, &e);
        }
        inspect_items_push(output, &e);
        strbuf_fini(&e);
    }
    if (remaining > 0)
        remaining_text(output, remaining);
    c->indent -= 2;
    inspect_snapshot_free(c, &sn);
}

static int cmp_items(const void *a, const void *b) {
    return strcmp(((const Item *)a)->s, ((const Item *)b)->s);
}

/* formatSetIterInner(ctx, recurseTimes, entries, state): weak sets sort their output. */
static void format_set_iter_inner(Ctx *c, int recurse, const Snapshot *sn, bool weak,
                                  Items *output) {
    c->indent += 2;
    for (uint32_t i = 0; i < sn->n && !c->threw; i++) {
        StrBuf e;
        strbuf_init(&e);
        inspect_format_value(c, sn->v[i], recurse, &e);
        inspect_items_push(output, &e);
        strbuf_fini(&e);
    }
    c->indent -= 2;
    if (weak)
        qsort(output->v, output->n, sizeof(Item), cmp_items);
    if (sn->total > sn->n)
        remaining_text(output, sn->total - sn->n);
}

/* formatMapIterInner(ctx, recurseTimes, entries, state): `k => v` for weak maps
 * (sorted), `[ k, v ]` for entries iterators. */
static void reduce_to_single_string(Ctx *c, Items *output, const StrBuf *base, const StrBuf *brace0,
                                    const char *brace1, int extras, int recurse, Obj *value,
                                    StrBuf *out);

static void format_map_iter_inner(Ctx *c, int recurse, const Snapshot *sn, bool weak,
                                  Items *output) {
    double shown = sn->n / 2;
    c->indent += 2;
    for (uint32_t i = 0; i + 1 < sn->n && !c->threw; i += 2) {
        StrBuf e;
        strbuf_init(&e);
        if (weak) {
            inspect_format_value(c, sn->v[i], recurse, &e);
            strbuf_puts(&e, " => ");
            inspect_format_value(c, sn->v[i + 1], recurse, &e);
        } else {
            Items res = {0};
            StrBuf k, empty, open;
            strbuf_init(&k);
            strbuf_init(&empty);
            strbuf_init(&open);
            inspect_format_value(c, sn->v[i], recurse, &k);
            inspect_items_push(&res, &k);
            inspect_format_value(c, sn->v[i + 1], recurse, &k);
            inspect_items_push(&res, &k);
            strbuf_putc(&open, '[');
            reduce_to_single_string(c, &res, &empty, &open, "]", K_ARRAY_EXTRAS_TYPE, recurse, NULL,
                                    &e);
            inspect_items_free(&res);
            strbuf_fini(&k);
            strbuf_fini(&empty);
            strbuf_fini(&open);
        }
        inspect_items_push(output, &e);
        strbuf_fini(&e);
    }
    c->indent -= 2;
    if (weak)
        qsort(output->v, output->n, sizeof(Item), cmp_items);
    if (sn->total > shown)
        remaining_text(output, sn->total - shown);
}

/* formatIterator: the entries a Map/Set iterator has still to produce (previewEntries);
 * entries iterators say "Entries" in their braces. */
static void format_iterator(Ctx *c, Obj *it, int recurse, StrBuf *brace0, Items *output) {
    Obj *coll = NULL;
    uint32_t cursor = 0;
    int kind = 0;
    if (!mapset_iterator_state(it, &coll, &cursor, &kind))
        return;
    Snapshot sn;
    double max = fmax(c->o.max_array_length, 0);
    bool is_set = it->kind == OBJ_SET_ITERATOR;
    if (kind == 2) {
        const char *suffix = " Iterator] {";
        size_t sl = strlen(suffix);
        if (brace0->len >= sl && strcmp(brace0->data + brace0->len - sl, suffix) == 0) {
            brace0->len -= sl;
            brace0->data[brace0->len] = 0;
            strbuf_puts(brace0, " Entries] {");
        }
        inspect_snapshot_take(c, coll, cursor, 2, max, &sn);
        format_map_iter_inner(c, recurse, &sn, false, output);
    } else {
        inspect_snapshot_take(c, coll, cursor, is_set ? 1 : kind, max, &sn);
        format_set_iter_inner(c, recurse, &sn, false, output);
    }
    inspect_snapshot_free(c, &sn);
}

/* formatWeakSet / formatWeakMap (showHidden) and formatWeakCollection. */
static void format_weak(Ctx *c, Obj *o, int recurse, Items *output) {
    if (!c->o.show_hidden) {
        inspect_items_push_cstr(output, "<items unknown>");
        return;
    }
    Snapshot sn;
    double max = fmax(c->o.max_array_length, 0);
    if (o->kind == OBJ_WEAKSET) {
        inspect_snapshot_take(c, o, 0, 1, max, &sn);
        format_set_iter_inner(c, recurse, &sn, true, output);
    } else {
        inspect_snapshot_take(c, o, 0, 2, max, &sn);
        format_map_iter_inner(c, recurse, &sn, true, output);
    }
    inspect_snapshot_free(c, &sn);
}

/* formatPromise */
static void format_promise(Ctx *c, Obj *p, int recurse, Items *output) {
    StrBuf e;
    strbuf_init(&e);
    PromiseState st = p->u.host.data ? promise_state(p) : PROMISE_PENDING;
    if (st == PROMISE_PENDING) {
        strbuf_puts(&e, "<pending>");
    } else {
        if (st == PROMISE_REJECTED)
            strbuf_puts(&e, "<rejected> ");
        c->indent += 2;
        inspect_format_value(c, promise_result(p), recurse, &e);
        c->indent -= 2;
    }
    inspect_items_push(output, &e);
    strbuf_fini(&e);
}

/* ==== arrays ============================================================================== */

static Atom index_atom(Ctx *c, double i) {
    return i <= ATOM_INT_MAX ? atom_from_index((uint32_t)i) : atom_from_uint32(c->vm, (uint32_t)i);
}

/* formatSpecialArray: the array is sparse and/or has extra keys. */
static void format_special_array(Ctx *c, Obj *a, int recurse, double max_length, Items *output,
                                 uint32_t i) {
    Keys keys;
    inspect_keys_get(c, a, false, true, &keys); /* Object.keys(value) */
    double index = i;
    for (; i < keys.n && (double)output->n < max_length && !c->threw; i++) {
        Atom key = keys.a[i];
        double tmp;
        bool numeric; /* numberRegExp: /^(0|[1-9][0-9]*)$/ */
        if (atom_is_int(key)) {
            tmp = atom_int_value(key);
            numeric = true;
        } else if (atom_is_symbol(c->vm, key)) {
            break;
        } else {
            const ObjString *s = (const ObjString *)atom_entry(c->vm, key);
            tmp = StringToNumber(s->wide ? numconv_text_utf16(str_u16(s), s->len)
                                         : numconv_text_latin1(str_u8(s), s->len));
            numeric = s->len > 0 && (s->len == 1 || str_at(s, 0) != '0');
            for (uint32_t k = 0; k < s->len; k++)
                numeric &= str_at(s, k) >= '0' && str_at(s, k) <= '9';
        }
        if (tmp > 4294967294.0)
            break;
        if (!(numeric && tmp == index)) { /* `${index}` !== key */
            if (!numeric)
                break;
            double empty = tmp - index;
            StrBuf b;
            strbuf_init(&b);
            strbuf_printf(&b, "<%.0f empty item%s>", empty, empty > 1 ? "s" : "");
            inspect_items_push(output, &b);
            strbuf_fini(&b);
            index = tmp;
            if ((double)output->n == max_length)
                break;
        }
        StrBuf e;
        strbuf_init(&e);
        format_property(c, a, recurse, key, K_ARRAY_TYPE, NULL, &e);
        inspect_items_push(output, &e);
        strbuf_fini(&e);
        index++;
    }
    double remaining = (double)obj_array_len(a) - index;
    if ((double)output->n != max_length) {
        if (remaining > 0) {
            StrBuf b;
            strbuf_init(&b);
            strbuf_printf(&b, "<%.0f empty item%s>", remaining, remaining > 1 ? "s" : "");
            inspect_items_push(output, &b);
            strbuf_fini(&b);
        }
    } else if (remaining > 0) {
        remaining_text(output, remaining);
    }
    inspect_keys_free(c, &keys);
}

/* formatArray */
static void format_array(Ctx *c, Obj *a, int recurse, Items *output) {
    double val_len = obj_array_len(a);
    double len = fmin(fmax(0, c->o.max_array_length), val_len);
    double remaining = val_len - len;
    for (double i = 0; i < len && !c->threw; i++) {
        PropDesc d;
        Atom key = index_atom(c, i);
        if (!obj_get_own_property(c->vm, a, key, &d)) {
            format_special_array(c, a, recurse, len, output, (uint32_t)i);
            return;
        }
        StrBuf e;
        strbuf_init(&e);
        format_property(c, a, recurse, key, K_ARRAY_TYPE, &d, &e);
        inspect_items_push(output, &e);
        strbuf_fini(&e);
    }
    if (remaining > 0)
        remaining_text(output, remaining);
}

/* ==== properties ========================================================================== */

/* formatProperty(ctx, value, recurseTimes, key, type, desc) */
static void format_property(Ctx *c, Obj *holder, int recurse, Atom key, int type,
                            const PropDesc *desc_in, StrBuf *out) {
    Vm *vm = c->vm;
    PropDesc d;
    const char *extra = " ";
    StrBuf extra_buf;
    strbuf_init(&extra_buf);
    if (desc_in) {
        d = *desc_in;
    } else if (!obj_get_own_property(vm, holder, key, &d)) {
        memset(&d, 0, sizeof d);
        d.has_value = d.enumerable = d.has_enumerable = true;
        d.value = VAL_UNDEFINED;
        if (!inspect_get_prop(c, holder, key, &d.value))
            d.value = VAL_UNDEFINED;
    }
    StrBuf str;
    strbuf_init(&str);
    bool has_get = d.has_get && !val_is_undefined(d.get);
    bool has_set = d.has_set && !val_is_undefined(d.set);
    if (d.has_value && !val_is_undefined(d.value)) {
        int diff = (c->o.compact != INSPECT_COMPACT_TRUE || type != K_OBJECT_TYPE) ? 2 : 3;
        c->indent += diff;
        inspect_format_value(c, d.value, recurse, &str);
        if (diff == 3 && c->o.break_length < (double)inspect_str_width(str.data, str.len)) {
            strbuf_putc(&extra_buf, '\n');
            inspect_put_spaces(&extra_buf, c->indent);
            extra = extra_buf.data;
        }
        c->indent -= diff;
    } else if (has_get) {
        strbuf_puts(&str, has_set ? "[Getter/Setter]" : "[Getter]");
    } else if (has_set) {
        strbuf_puts(&str, "[Setter]");
    } else {
        strbuf_puts(&str, "undefined");
    }
    if (type == K_ARRAY_TYPE) {
        strbuf_put(out, str.data, str.len);
    } else {
        if (atom_is_symbol(vm, key)) {
            const ObjSymbol *sym = (const ObjSymbol *)atom_entry(vm, key);
            strbuf_puts(out, "[Symbol(");
            if (val_is_string(sym->description)) {
                const ObjString *ds = val_as_str(sym->description);
                inspect_put_escaped(out, ds, 0, ds->len, true);
            }
            strbuf_puts(out, ")]");
        } else if (key == ATOM___proto__) {
            strbuf_puts(out, "['__proto__']");
        } else if (atom_is_int(key)) {
            strbuf_printf(out, d.enumerable ? "'%u'" : "[%u]", atom_int_value(key));
        } else {
            const ObjString *ks = (const ObjString *)atom_entry(vm, key);
            if (!d.enumerable) {
                strbuf_putc(out, '[');
                inspect_put_escaped(out, ks, 0, ks->len, true);
                strbuf_putc(out, ']');
            } else if (is_plain_key(ks)) {
                str_to_utf8(ks, out);
            } else {
                inspect_str_escape(out, ks, 0, ks->len);
            }
        }
        strbuf_putc(out, ':');
        strbuf_puts(out, extra);
        strbuf_put(out, str.data, str.len);
    }
    strbuf_fini(&str);
    strbuf_fini(&extra_buf);
}

/* ==== layout ============================================================================== */

static double js_round(double x) {
    double f = floor(x);
    return x - f >= 0.5 ? f + 1 : f;
}

/* typeof value[i] === 'number' (own data elements; anything else is not a number). */
static bool element_is_number(Ctx *c, Obj *a, size_t i) {
    if (i > ATOM_INT_MAX)
        return false;
    PropDesc d;
    if (!obj_get_own_property(c->vm, a, atom_from_index((uint32_t)i), &d))
        return false;
    return d.has_value && val_is_number(d.value);
}

/* groupArrayElements(ctx, output, value) */
static void group_array_elements(Ctx *c, Items *output, Obj *value) {
    double total_length = 0;
    size_t max_length = 0;
    size_t output_length = output->n;
    if (c->o.max_array_length < (double)output->n)
        output_length--; /* the "... n more items" part is not taken into account */
    const size_t separator_space = 2;
    size_t *data_len = xmalloc((output_length + 1) * sizeof(size_t));
    for (size_t i = 0; i < output_length; i++) {
        size_t len = inspect_str_width(output->v[i].s, output->v[i].len);
        data_len[i] = len;
        total_length += (double)(len + separator_space);
        if (max_length < len)
            max_length = len;
    }
    double actual_max = (double)(max_length + separator_space);
    if (actual_max * 3 + c->indent < c->o.break_length &&
        (total_length / actual_max > 5 || max_length <= 6)) {
        const double approx_char_heights = 2.5,
                     average_bias = sqrt(actual_max - total_length / (double)output->n);
        double biased_max = fmax(actual_max - 3 - average_bias, 1);
        double columns =
            fmin(fmin(js_round(sqrt(approx_char_heights * biased_max * (double)output_length) /
                               biased_max),
                      floor((c->o.break_length - c->indent) / actual_max)),
                 fmin((double)c->o.compact * 4, 15));
        if (columns > 1) {
            size_t cols = (size_t)columns;
            size_t *max_line_length = xmalloc(cols * sizeof(size_t));
            for (size_t i = 0; i < cols; i++) {
                size_t line_max = 0;
                for (size_t j = i; j < output_length; j += cols)
                    if (data_len[j] > line_max)
                        line_max = data_len[j];
                max_line_length[i] = line_max + separator_space;
            }
            bool pad_start = value != NULL;
            for (size_t i = 0; pad_start && i < output->n; i++)
                pad_start = element_is_number(c, value, i);
            Items tmp = {0};
            for (size_t i = 0; i < output_length; i += cols) {
                size_t max = i + cols < output_length ? i + cols : output_length;
                StrBuf str;
                strbuf_init(&str);
                size_t j = i;
                for (; j + 1 < max; j++) {
                    /* order(`${output[j]}, `, padding, ' ') with padding measured in units */
                    double pad = (double)max_line_length[j - i] - (double)data_len[j] - 2;
                    if (pad_start)
                        inspect_put_spaces(&str, pad);
                    strbuf_put(&str, output->v[j].s, output->v[j].len);
                    strbuf_puts(&str, ", ");
                    if (!pad_start)
                        inspect_put_spaces(&str, pad);
                }
                if (pad_start)
                    inspect_put_spaces(&str, (double)max_line_length[j - i] - (double)data_len[j] -
                                                 (double)separator_space);
                strbuf_put(&str, output->v[j].s, output->v[j].len);
                inspect_items_push(&tmp, &str);
                strbuf_fini(&str);
            }
            if (c->o.max_array_length < (double)output->n) {
                Item *last = &output->v[output_length];
                if (tmp.n == tmp.cap) {
                    tmp.cap = tmp.cap * 2 + 1;
                    tmp.v = xrealloc(tmp.v, tmp.cap * sizeof(Item));
                }
                tmp.v[tmp.n++] = *last;
                last->s = NULL;
            }
            inspect_items_free(output);
            *output = tmp;
            free(max_line_length);
        }
    }
    free(data_len);
}

/* isBelowBreakLength(ctx, output, start, base) */
static bool is_below_break_length(Ctx *c, const Items *output, double start, const StrBuf *base) {
    double total = (double)output->n + start;
    if (total + (double)output->n > c->o.break_length)
        return false;
    for (size_t i = 0; i < output->n; i++) {
        total += (double)output->v[i].u16;
        if (total > c->o.break_length)
            return false;
    }
    return base->len == 0 || !strchr(base->data, '\n');
}

static void put_joined(StrBuf *out, const Items *output, const char *sep) {
    for (size_t i = 0; i < output->n; i++) {
        if (i)
            strbuf_puts(out, sep);
        strbuf_put(out, output->v[i].s, output->v[i].len);
    }
}

/* reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value) */
static void reduce_to_single_string(Ctx *c, Items *output, const StrBuf *base, const StrBuf *brace0,
                                    const char *brace1, int extras, int recurse, Obj *value,
                                    StrBuf *out) {
    StrBuf sep;
    strbuf_init(&sep);
    if (c->o.compact != INSPECT_COMPACT_TRUE) {
        if (c->o.compact >= 1) {
            size_t entries = output->n;
            if (extras == K_ARRAY_EXTRAS_TYPE && entries > 6)
                group_array_elements(c, output, value);
            if (c->current_depth - recurse < c->o.compact && entries == output->n) {
                double start = (double)output->n + c->indent +
                               (double)inspect_u16_len(brace0->data, brace0->len) +
                               (double)inspect_u16_len(base->data, base->len) + 10;
                if (is_below_break_length(c, output, start, base)) {
                    bool has_nl = false;
                    for (size_t i = 0; i < output->n && !has_nl; i++)
                        has_nl = memchr(output->v[i].s, '\n', output->v[i].len) != NULL;
                    if (!has_nl) {
                        if (base->len) {
                            strbuf_put(out, base->data, base->len);
                            strbuf_putc(out, ' ');
                        }
                        strbuf_put(out, brace0->data, brace0->len);
                        strbuf_putc(out, ' ');
                        put_joined(out, output, ", ");
                        strbuf_putc(out, ' ');
                        strbuf_puts(out, brace1);
                        strbuf_fini(&sep);
                        return;
                    }
                }
            }
        }
        /* Line up each entry on an individual line. */
        StrBuf ind;
        strbuf_init(&ind);
        strbuf_putc(&ind, '\n');
        inspect_put_spaces(&ind, c->indent);
        if (base->len) {
            strbuf_put(out, base->data, base->len);
            strbuf_putc(out, ' ');
        }
        strbuf_put(out, brace0->data, brace0->len);
        strbuf_put(out, ind.data, ind.len);
        strbuf_puts(out, "  ");
        strbuf_printf(&sep, ",%s  ", ind.data);
        put_joined(out, output, sep.data);
        strbuf_put(out, ind.data, ind.len);
        strbuf_puts(out, brace1);
        strbuf_fini(&ind);
        strbuf_fini(&sep);
        return;
    }
    /* compact: true */
    if (is_below_break_length(c, output, 0, base)) {
        strbuf_put(out, brace0->data, brace0->len);
        if (base->len) {
            strbuf_putc(out, ' ');
            strbuf_put(out, base->data, base->len);
        }
        strbuf_putc(out, ' ');
        put_joined(out, output, ", ");
        strbuf_putc(out, ' ');
        strbuf_puts(out, brace1);
        strbuf_fini(&sep);
        return;
    }
    strbuf_put(out, brace0->data, brace0->len);
    if (base->len == 0 && inspect_u16_len(brace0->data, brace0->len) == 1) {
        strbuf_putc(out, ' ');
    } else {
        if (base->len) {
            strbuf_putc(out, ' ');
            strbuf_put(out, base->data, base->len);
        }
        strbuf_putc(out, '\n');
        inspect_put_spaces(out, c->indent + 2);
    }
    strbuf_puts(&sep, ",\n");
    inspect_put_spaces(&sep, c->indent + 2);
    put_joined(out, output, sep.data);
    strbuf_putc(out, ' ');
    strbuf_puts(out, brace1);
    strbuf_fini(&sep);
}

/* ==== formatValue / formatRaw ============================================================= */

enum {
    FORMAT_NONE,
    FORMAT_ARRAY,
    FORMAT_SET,
    FORMAT_MAP,
    FORMAT_ITERATOR,
    FORMAT_PROMISE,
    FORMAT_WEAK
};

static size_t circular_index(const Ctx *c, const Obj *o) {
    for (size_t i = 0; i < c->ncircular; i++)
        if (c->circular[i] == o)
            return i + 1;
    return 0;
}

static void format_raw(Ctx *c, Obj *o, int recurse, StrBuf *out) {
    StrBuf ctor, tag, base, brace0;
    strbuf_init(&ctor);
    strbuf_init(&tag);
    strbuf_init(&base);
    strbuf_init(&brace0);
    const char *brace1 = "}";
    Items proto_props = {0};
    Items output = {0};
    Keys keys = {0};
    bool have_keys = false;
    int formatter = FORMAT_NONE;
    int extras = K_OBJECT_TYPE;
    double size = 0;

    bool want_proto = c->o.show_hidden && (double)recurse <= c->o.depth;
    bool has_ctor =
        inspect_constructor_name(c, o, recurse, want_proto ? &proto_props : NULL, &ctor);
    get_tag(c, o, &tag);
    if (c->threw)
        goto done;
    bool no_proto = proto_props.n == 0;
    const char *cn = ctor.data, *tg = tag.data;

    if (o->kind == OBJ_ARRAY) {
        if (!has_ctor || strcmp(cn, "Array") != 0 || tag.len) {
            char sz[32];
            snprintf(sz, sizeof sz, "(%u)", obj_array_len(o));
            get_prefix(&brace0, has_ctor, cn, tg, "Array", sz);
        }
        strbuf_putc(&brace0, '[');
        brace1 = "]";
        inspect_keys_get(c, o, true, !c->o.show_hidden, &keys);
        have_keys = true;
        if (obj_array_len(o) == 0 && keys.n == 0 && no_proto) {
            strbuf_put(out, brace0.data, brace0.len);
            strbuf_putc(out, ']');
            goto done;
        }
        extras = K_ARRAY_EXTRAS_TYPE;
        formatter = FORMAT_ARRAY;
    } else if ((o->kind == OBJ_SET || o->kind == OBJ_MAP) && mapset_is_collection(o)) {
        bool is_map = o->kind == OBJ_MAP;
        size = mapset_size(o);
        char sz[40];
        snprintf(sz, sizeof sz, "(%.0f)", size);
        get_prefix(&brace0, has_ctor, cn, tg, is_map ? "Map" : "Set", sz);
        inspect_keys_get(c, o, false, !c->o.show_hidden, &keys);
        have_keys = true;
        formatter = is_map ? FORMAT_MAP : FORMAT_SET;
        if (size == 0 && keys.n == 0 && no_proto) {
            strbuf_put(out, brace0.data, brace0.len);
            strbuf_puts(out, "{}");
            goto done;
        }
        strbuf_putc(&brace0, '{');
    } else if (o->kind == OBJ_MAP_ITERATOR || o->kind == OBJ_SET_ITERATOR) {
        /* getIteratorBraces */
        const char *type = o->kind == OBJ_MAP_ITERATOR ? "Map Iterator" : "Set Iterator";
        inspect_keys_get(c, o, false, !c->o.show_hidden, &keys);
        have_keys = true;
        if (strcmp(tg, type) != 0)
            strbuf_printf(&brace0, "[%s%s%s] {", tg, tag.len ? "] [" : "", type);
        else
            strbuf_printf(&brace0, "[%s] {", tg);
        formatter = FORMAT_ITERATOR;
    } else {
        inspect_keys_get(c, o, false, !c->o.show_hidden, &keys);
        have_keys = true;
        strbuf_putc(&brace0, '{');
        if (IsCallable(val_obj(o))) {
            function_base(c, o, has_ctor, cn, tg, &base);
            if (c->threw)
                goto done;
            if (keys.n == 0 && no_proto) {
                strbuf_put(out, base.data, base.len);
                goto done;
            }
        } else if (has_ctor && strcmp(cn, "Object") == 0) {
            if (o->kind == OBJ_ARGUMENTS) {
                strbuf_clear(&brace0);
                strbuf_puts(&brace0, "[Arguments] {");
            } else if (tag.len) {
                strbuf_clear(&brace0);
                get_prefix(&brace0, has_ctor, cn, tg, "Object", "");
                strbuf_putc(&brace0, '{');
            }
            if (keys.n == 0 && no_proto) {
                strbuf_put(out, brace0.data, brace0.len);
                strbuf_putc(out, '}');
                goto done;
            }
        } else if (o->kind == OBJ_REGEXP) {
            /* RegExps say that they are RegExps: /source/flags */
            StrBuf prefix;
            strbuf_init(&prefix);
            get_prefix(&prefix, has_ctor, cn, tg, "RegExp", "");
            if (strcmp(prefix.data, "RegExp ") != 0)
                strbuf_put(&base, prefix.data, prefix.len);
            strbuf_fini(&prefix);
            Value src = call_intrinsic_method(c, INTR_RegExpPrototype, "toString", o);
            if (c->threw)
                goto done;
            if (val_is_string(src))
                str_to_utf8(val_as_str(src), &base);
            if ((keys.n == 0 && no_proto) || (double)recurse > c->o.depth) {
                strbuf_put(out, base.data, base.len);
                goto done;
            }
        } else if (o->kind == OBJ_DATE) {
            StrBuf prefix;
            strbuf_init(&prefix);
            get_prefix(&prefix, has_ctor, cn, tg, "Date", "");
            if (strcmp(prefix.data, "Date ") != 0)
                strbuf_put(&base, prefix.data, prefix.len);
            strbuf_fini(&prefix);
            date_base(c, o, &base);
            if (c->threw)
                goto done;
            if (keys.n == 0 && no_proto) {
                strbuf_put(out, base.data, base.len);
                goto done;
            }
        } else if (is_error(c, o)) {
            format_error(c, o, has_ctor, cn, tg, &keys, &base);
            if (c->threw)
                goto done;
            if (keys.n == 0 && no_proto) {
                strbuf_put(out, base.data, base.len);
                goto done;
            }
        } else if (o->kind == OBJ_PROMISE) {
            strbuf_clear(&brace0);
            get_prefix(&brace0, has_ctor, cn, tg, "Promise", "");
            strbuf_putc(&brace0, '{');
            formatter = FORMAT_PROMISE;
        } else if (o->kind == OBJ_WEAKSET || o->kind == OBJ_WEAKMAP) {
            strbuf_clear(&brace0);
            get_prefix(&brace0, has_ctor, cn, tg, o->kind == OBJ_WEAKSET ? "WeakSet" : "WeakMap",
                       "");
            strbuf_putc(&brace0, '{');
            formatter = FORMAT_WEAK;
        } else if (o->kind == OBJ_NUMBER || o->kind == OBJ_STRING || o->kind == OBJ_BOOLEAN ||
                   o->kind == OBJ_SYMBOL) {
            boxed_base(c, o, &keys, has_ctor, cn, tg, &base);
            if (keys.n == 0 && no_proto) {
                strbuf_put(out, base.data, base.len);
                goto done;
            }
        } else {
            strbuf_clear(&brace0);
            get_ctx_style(&brace0, o, has_ctor, cn, tg);
            if (keys.n == 0 && no_proto) {
                strbuf_put(out, brace0.data, brace0.len);
                strbuf_puts(out, "{}");
                goto done;
            }
            strbuf_putc(&brace0, '{');
        }
    }

    if ((double)recurse > c->o.depth) {
        StrBuf st;
        strbuf_init(&st);
        get_ctx_style(&st, o, has_ctor, cn, tg);
        st.data[--st.len] = 0;
        if (has_ctor)
            strbuf_printf(out, "[%s]", st.data);
        else
            strbuf_put(out, st.data, st.len);
        strbuf_fini(&st);
        goto done;
    }
    recurse++;
    seen_push(c, o);
    c->current_depth = recurse;
    if (c->nesting > INSPECT_MAX_NESTING) {
        /* handleMaxCallStackSize */
        StrBuf st;
        strbuf_init(&st);
        get_ctx_style(&st, o, has_ctor, cn, tg);
        st.data[--st.len] = 0;
        strbuf_printf(out,
                      "[%s: Inspection interrupted prematurely. Maximum call stack size exceeded.]",
                      st.data);
        strbuf_fini(&st);
        c->nseen--;
        goto done;
    }
    switch (formatter) {
    case FORMAT_ARRAY:
        format_array(c, o, recurse, &output);
        break;
    case FORMAT_SET:
        format_collection(c, o, false, size, recurse, &output);
        break;
    case FORMAT_MAP:
        format_collection(c, o, true, size, recurse, &output);
        break;
    case FORMAT_PROMISE:
        format_promise(c, o, recurse, &output);
        break;
    case FORMAT_WEAK:
        format_weak(c, o, recurse, &output);
        break;
    case FORMAT_ITERATOR:
        format_iterator(c, o, recurse, &brace0, &output);
        break;
    default:
        break;
    }
    for (uint32_t i = 0; i < keys.n && !c->threw; i++) {
        StrBuf e;
        strbuf_init(&e);
        format_property(c, o, recurse, keys.a[i], extras, NULL, &e);
        inspect_items_push(&output, &e);
        strbuf_fini(&e);
    }
    for (size_t i = 0; i < proto_props.n; i++) {
        StrBuf e;
        strbuf_init(&e);
        strbuf_put(&e, proto_props.v[i].s, proto_props.v[i].len);
        inspect_items_push(&output, &e);
        strbuf_fini(&e);
    }
    if (c->threw) {
        c->nseen--;
        goto done;
    }
    size_t index = circular_index(c, o);
    if (index) {
        StrBuf ref;
        strbuf_init(&ref);
        strbuf_printf(&ref, "<ref *%zu>", index);
        if (c->o.compact != INSPECT_COMPACT_TRUE) {
            if (base.len)
                strbuf_printf(&ref, " %s", base.data);
            strbuf_clear(&base);
            strbuf_put(&base, ref.data, ref.len);
        } else {
            strbuf_printf(&ref, " %s", brace0.data);
            strbuf_clear(&brace0);
            strbuf_put(&brace0, ref.data, ref.len);
        }
        strbuf_fini(&ref);
    }
    c->nseen--;
    reduce_to_single_string(c, &output, &base, &brace0, brace1, extras, recurse, o, out);
done:
    if (have_keys)
        inspect_keys_free(c, &keys);
    inspect_items_free(&output);
    inspect_items_free(&proto_props);
    strbuf_fini(&ctor);
    strbuf_fini(&tag);
    strbuf_fini(&base);
    strbuf_fini(&brace0);
}

/* formatValue(ctx, value, recurseTimes) */
void inspect_format_value(Ctx *c, Value v, int recurse, StrBuf *out) {
    if (c->threw)
        return;
    if (!val_is_object(v)) {
        format_primitive(c, v, out);
        return;
    }
    Vm *vm = c->vm;
    Obj *o = val_as_obj(v);
    gc_root_push(vm, &v);
    c->nesting++;
    if (inspect_custom(c, o, recurse, out)) {
        c->nesting--;
        gc_root_pop(vm, 1);
        return;
    }
    c->nesting--;
    gc_root_pop(vm, 1);
    for (size_t i = 0; i < c->nseen; i++) {
        if (c->seen[i] != o)
            continue;
        size_t index = circular_index(c, o);
        if (!index) {
            if (c->ncircular == c->cap_circular) {
                c->cap_circular = c->cap_circular * 2 + 4;
                c->circular = xrealloc(c->circular, c->cap_circular * sizeof(Obj *));
            }
            c->circular[c->ncircular++] = o;
            index = c->ncircular;
        }
        strbuf_printf(out, "[Circular *%zu]", index);
        return;
    }
    gc_root_push(vm, &v);
    c->nesting++;
    format_raw(c, o, recurse, out);
    c->nesting--;
    gc_root_pop(vm, 1);
}

/* inspect(value, opts) with a fresh context. */
bool inspect_with(Vm *vm, Value v, const InspectOptions *o, StrBuf *out) {
    Ctx c;
    inspect_ctx_init(&c, vm, o);
    size_t depth = gc_root_depth(vm);
    inspect_format_value(&c, v, 0, out);
    assert(gc_root_depth(vm) == depth);
    (void)depth;
    bool ok = !c.threw;
    inspect_ctx_fini(&c);
    return ok;
}

bool inspect_value_opts(Vm *vm, Value v, const InspectOptions *opts, StrBuf *out) {
    return inspect_with(vm, v, opts, out);
}

bool inspect_value(Vm *vm, Value v, StrBuf *out) {
    if (val_is_string(v)) {
        str_to_utf8(val_as_str(v), out);
        return true;
    }
    InspectOptions o;
    inspect_options_init(&o);
    return inspect_with(vm, v, &o, out);
}
