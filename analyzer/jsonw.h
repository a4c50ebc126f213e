/* jsonw.h — a small streaming JSON writer (RFC 8259) into a StrBuf, for `trace diff
 * --json` and `trace export --format chrome`. The writer tracks nesting and commas, so
 * a caller only says what comes next. Strings are escaped so that any bytes give valid
 * JSON: " and \ and control characters as escapes (\n, \t, \u001b, ...), DEL as \u007f,
 * U+2028 and U+2029 as \u2028 and \u2029 (so the text is also valid JavaScript), each
 * ill-formed UTF-8 subsequence as \ufffd (formats/trace_escape.h decodes), and all other
 * text as UTF-8. Numbers that are not finite are written as null.
 *
 * Pretty mode puts every member and element on its own line, indented by two spaces per
 * level; compact mode writes no whitespace at all (json_newline adds a line break
 * between elements where a caller wants one, e.g. one trace event per line).
 * Misuse (a value where a key is due, unbalanced ends) is a programming error and is
 * caught by assertions in debug builds. */
#ifndef TICKSCOPE_JSONW_H
#define TICKSCOPE_JSONW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/strbuf.h"

enum { JSONW_MAX_DEPTH = 32 };

typedef struct {
    StrBuf *out;
    bool pretty;
    uint32_t depth;
    bool first[JSONW_MAX_DEPTH]; /* nothing written yet at this level */
    bool after_key;              /* a key was written; its value comes next */
    bool newline;                /* json_newline: a line break before the next item */
} JsonW;

void json_init(JsonW *w, StrBuf *out, bool pretty);

void json_object_begin(JsonW *w);
void json_object_end(JsonW *w);
void json_array_begin(JsonW *w);
void json_array_end(JsonW *w);

/* The key of the next member (inside an object). */
void json_key(JsonW *w, const char *key);

void json_str(JsonW *w, const char *s, size_t n);
void json_cstr(JsonW *w, const char *s); /* NULL writes null */
void json_uint(JsonW *w, uint64_t v);
void json_int(JsonW *w, int64_t v);
void json_num(JsonW *w, double v);
void json_bool(JsonW *w, bool v);
void json_null(JsonW *w);

/* Shorthands for a member: key then value. */
void json_kv_str(JsonW *w, const char *key, const char *s);
void json_kv_uint(JsonW *w, const char *key, uint64_t v);
void json_kv_num(JsonW *w, const char *key, double v);
void json_kv_bool(JsonW *w, const char *key, bool v);

/* Compact mode: a line break before the next element or member (after its comma), or
 * before the closing bracket. */
void json_newline(JsonW *w);

/* Append s[0..n) as a JSON string literal, quotes included. */
void json_put_string(StrBuf *sb, const char *s, size_t n);

#endif
