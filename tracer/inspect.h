/* inspect.h — how console.log shows a value: node 20's util.inspect and util.format,
 * transliterated from node's lib/internal/util/inspect.js (formatValue, formatRaw,
 * formatProperty, groupArrayElements, reduceToSingleString, formatError,
 * formatWithOptionsInternal) so that the output is byte for byte node's: quoting and
 * escaping of strings, depth 2 then [Object], <ref *1>/[Circular *1], the 80-column
 * line breaking with "compact: 3", the column grouping of long arrays, and the %s %d
 * %i %f %j %o %O %c %% specifiers.
 *
 * Like node, the formatter runs user code only where node does: Symbol.toStringTag and
 * constructor "name" getters, an error's name/message/stack/cause/errors, a
 * [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) method, toString
 * and valueOf for %s %d %i %f, toJSON for %j. It never calls property getters (it prints
 * [Getter]). It allocates JS objects only when such code runs, roots everything it
 * holds across those calls, and builds its text in malloc'd StrBufs. C recursion is
 * bounded by the depth option and, for depth: Infinity, by a nesting limit past which
 * it prints node's "Inspection interrupted prematurely" marker. */
#ifndef TICKSCOPE_INSPECT_H
#define TICKSCOPE_INSPECT_H

#include <stdbool.h>

#include "common/strbuf.h"
#include "tracer/value.h"

/* Appends the util.inspect text of v (top level: strings unquoted) to out, in UTF-8.
 * May allocate (and collect); v is rooted by the caller. Returns false only when a JS
 * exception is pending (a Proxy or toString trap in later versions). */
bool inspect_value(Vm *vm, Value v, StrBuf *out);

/* console.log's formatting of its whole argument list (format specifiers %s %d %i %f
 * %o %O %j %c %% when the first argument is a string, then the rest separated by
 * spaces), as node's util.formatWithOptions. */
bool inspect_format_args(Vm *vm, int argc, const Value *argv, StrBuf *out);

/* ---- options (util.inspect's options object; for console.dir and friends) ---------- */

/* compact: a number of inner levels to join on one line (node's default 3), or one of: */
#define INSPECT_COMPACT_FALSE 0   /* compact: false, every property on its own line */
#define INSPECT_COMPACT_TRUE (-1) /* compact: true, node's legacy layout */

typedef struct {
    double depth;             /* 2; INFINITY for depth: null or Infinity */
    bool show_hidden;         /* false: non-enumerable keys shown as [key] when true */
    int compact;              /* 3, or INSPECT_COMPACT_FALSE / INSPECT_COMPACT_TRUE */
    double break_length;      /* 80 */
    double max_array_length;  /* 100 (INFINITY for null) */
    double max_string_length; /* 10000 (INFINITY for null) */
    bool custom_inspect;      /* true: call obj[Symbol.for('nodejs.util.inspect.custom')]
                                 (console.dir sets it false, as node does) */
} InspectOptions;

/* Fills *opts with node's inspectDefaultOptions. */
void inspect_options_init(InspectOptions *opts);

/* Reads util.inspect's options from a JS options object, as node's inspect() copies them
 * (console.dir's second argument): the object's own enumerable depth (null, undefined or
 * NaN: Infinity), showHidden and customInspect (truthiness), compact (true, false, or
 * a number; below 1 counts as false), breakLength, maxArrayLength and maxStringLength
 * (null: Infinity). Other keys (colors, sorted, getters, numericSeparator) are ignored.
 * A non-object leaves *opts as it is. False when a getter throws (exception pending). */
bool inspect_options_from_object(Vm *vm, Value options, InspectOptions *opts) WARN_UNUSED;

/* util.inspect(v, opts): like inspect_value, but strings are quoted at the top level
 * too (as console.dir and util.inspect show them). False when a JS exception is
 * pending (out then holds a partial text the caller discards). */
bool inspect_value_opts(Vm *vm, Value v, const InspectOptions *opts, StrBuf *out);

/* ---- console.table ---------------------------------------------------------------- */

/* The text console.table(data, properties) prints (node's consoleMethods.table and
 * internal/cli_table): a box-drawn table, several lines without a final newline. Cells
 * are util.inspect'ed with depth 0 (-1 for objects with more than two keys),
 * maxArrayLength 3 and breakLength Infinity; Map, Set and their iterators get
 * "(iteration index)" tables. When data is not a non-function object the text is
 * console.log's (inspect_format_args of data alone). properties is undefined or an
 * array of column keys (anything else throws node's TypeError). False when a JS
 * exception is pending (getters and custom inspectors run, as in node). */
bool inspect_console_table(Vm *vm, Value data, Value properties, StrBuf *out) WARN_UNUSED;

#endif
