/* inspect_int.h — the internals shared by the three files of the formatter (inspect.h):
 * inspect.c (util.inspect: formatValue, formatRaw and everything they call),
 * inspect_text.c (quoting, escaping, UTF-16 lengths and column widths) and
 * inspect_format.c (util.format, custom inspectors, inspect options from JS objects,
 * console.table). Nothing outside these files includes it.
 *
 * The formatter's state is a Ctx, node's `ctx`: options, indentation, the stack of
 * objects being formatted (for [Circular *n]) and a sticky "a JS exception is pending"
 * flag, after which no more user code runs and every caller unwinds. Formatted pieces
 * are malloc'd UTF-8 strings with their JS length (Item); the GC never sees them. */
#ifndef TICKSCOPE_INSPECT_INT_H
#define TICKSCOPE_INSPECT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/strbuf.h"
#include "tracer/inspect.h"
#include "tracer/object.h"
#include "tracer/str.h"
#include "tracer/value.h"

/* ---- output pieces (inspect_text.c) ---------------------------------------------- */

/* One entry of node's `output` array: UTF-8 text and its length in UTF-16 units. */
typedef struct {
    char *s;
    size_t len;
    size_t u16;
} Item;

typedef struct {
    Item *v;
    size_t n, cap;
} Items;

/* Appends b's text as a new entry (b is left empty and reusable; it still needs fini). */
void inspect_items_push(Items *it, StrBuf *b);
void inspect_items_push_cstr(Items *it, const char *s);
void inspect_items_free(Items *it);

/* ---- text (inspect_text.c) ------------------------------------------------------- */

/* The length JS would report for this UTF-8 text (code units). */
size_t inspect_u16_len(const char *s, size_t n);
/* getStringWidth(str, false): the terminal columns the text takes, as node measures. */
size_t inspect_str_width(const char *s, size_t n);
void inspect_put_spaces(StrBuf *out, double n);
/* Units [from, to) of s as UTF-8 (a lone surrogate becomes U+FFFD). */
void inspect_put_units(StrBuf *out, const ObjString *s, uint32_t from, uint32_t to);
/* strEscape's body for units [from, to): control characters, the backslash, lone
 * surrogates and (escape_single) the single quote escaped. */
void inspect_put_escaped(StrBuf *out, const ObjString *s, uint32_t from, uint32_t to,
                         bool escape_single);
/* strEscape: the quoted form of units [from, to), with node's choice of quotes. */
void inspect_str_escape(StrBuf *out, const ObjString *s, uint32_t from, uint32_t to);

/* ---- context and the formatter (inspect.c) --------------------------------------- */

typedef struct {
    Vm *vm;
    InspectOptions o;
    double indent;        /* indentationLvl */
    double current_depth; /* currentDepth */
    Obj **seen;           /* the objects being formatted, outermost first */
    size_t nseen, cap_seen;
    Obj **circular; /* circular[i] is printed as *(i+1) */
    size_t ncircular, cap_circular;
    int nesting; /* format_value calls in progress (C recursion guard) */
    bool threw;  /* a JS exception is pending: unwind without running more code */
} Ctx;

void inspect_ctx_init(Ctx *c, Vm *vm, const InspectOptions *o);
void inspect_ctx_fini(Ctx *c);

/* formatValue(ctx, value, recurseTimes): appends the text of v. */
void inspect_format_value(Ctx *c, Value v, int recurse, StrBuf *out);
/* inspect(value, opts) with a fresh context; false when a JS exception is pending. */
bool inspect_with(Vm *vm, Value v, const InspectOptions *o, StrBuf *out);
/* formatNumber: Number::toString, with -0 as "-0". */
void inspect_format_number(double d, StrBuf *out);

/* Remember that a JS exception is pending; returns false for `return inspect_threw(c);`. */
bool inspect_threw(Ctx *c);
/* o[key] ([[Get]], may run a getter); false (c->threw) on a throw. Unrooted result. */
bool inspect_get_prop(Ctx *c, Obj *o, Atom key, Value *out);
/* String(v) as UTF-8 ("Symbol(desc)" for symbols; objects run toString). */
bool inspect_to_text(Ctx *c, Value v, StrBuf *out);

/* A key list (getKeys / getOwnNonIndexProperties) whose strings and symbols stay rooted
 * while it lives. Appended keys must be predefined atoms. */
typedef struct {
    Atom *a;
    uint32_t n, cap;
    GcHeader **pins; /* stable array: its slots are on the GC root stack */
    uint32_t npins;
} Keys;

/* getKeys / getOwnNonIndexProperties: own string then symbol keys, pinned. */
void inspect_keys_get(Ctx *c, Obj *o, bool non_index, bool only_enumerable, Keys *k);
void inspect_keys_free(Ctx *c, Keys *k);

/* getConstructorName: false when the object has no named constructor (null). */
bool inspect_constructor_name(Ctx *c, Obj *start, int recurse, Items *proto_props, StrBuf *out);
/* Whether a constructor's name is one of node's builtInObjects. */
bool inspect_is_builtin_object_name(Value name);

/* A snapshot of a collection's entries (mapset.h cursors are invalidated by any JS, and
 * formatting an entry may run some), rooted while it lives. For pairs, v holds key,
 * value, key, value... */
typedef struct {
    Value *v;
    uint32_t n;   /* values held */
    double total; /* entries (or pairs) in the collection from the cursor on */
} Snapshot;

/* Copies the entries of a Map/Set from cursor on (mode: 0 keys, 1 values, 2 key/value
 * pairs), at most max of them, into a rooted snapshot. */
void inspect_snapshot_take(Ctx *c, const Obj *coll, uint32_t cursor, int mode, double max,
                           Snapshot *sn);
void inspect_snapshot_free(Ctx *c, Snapshot *sn);

/* ---- custom inspectors (inspect_format.c) ---------------------------------------- */

/* formatValue's hook for value[Symbol.for('nodejs.util.inspect.custom')]: true when the
 * method produced the text (or threw: then c->threw). */
bool inspect_custom(Ctx *c, Obj *o, int recurse, StrBuf *out);

#endif
