/* str.h — JavaScript strings: immutable sequences of UTF-16 code units (ECMA-262
 * #sec-ecmascript-language-types-string-type), stored flat in one GC object, either as
 * Latin-1 bytes (every unit < 256, the common case) or as 16-bit units. Length, indexing
 * and comparison are in code units, exactly as JS sees them; lone surrogates are kept.
 * UTF-8 appears only at the edges: str_new_utf8() decodes source text and C literals,
 * str_to_utf8() encodes output (a lone surrogate becomes U+FFFD, as node prints it).
 *
 * A string that is a property key is interned once in the atom table (atom.h), and then
 * s->atom is its atom. Strings are GC objects: never freed by callers; hold them across
 * an allocation only when rooted (gc.h). StrBuilder builds a string in malloc memory
 * and allocates the GC string once, at the end. Concatenation results may share an
 * append buffer (StrBuffer below), so `s += x` loops are linear; str_free releases a
 * string's share at sweep. */
#ifndef TICKSCOPE_STR_H
#define TICKSCOPE_STR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/strbuf.h"
#include "tracer/gc.h"
#include "tracer/value.h"

/* The append buffer of concatenations (str.c): `s += x` in a loop would copy s each
 * time; instead, a long concatenation result views a prefix of a growable buffer, and
 * a later concatenation that extends the longest view appends in place (amortised O(1)
 * per unit). Views never see later bytes: they keep their own len. */
typedef struct StrBuffer StrBuffer;

struct ObjString {
    GcHeader gc;
    uint32_t len;  /* in UTF-16 code units */
    uint32_t hash; /* 0 = not computed yet */
    Atom atom;     /* ATOM_NULL unless interned */
    uint8_t wide;  /* 0: data holds len Latin-1 bytes; 1: data holds len uint16_t units */
    uint8_t pad[3];
    uint8_t *data; /* the units: right after this header, or in buf. Use len: a string
                      that shares a buffer is not NUL-terminated */
    StrBuffer *buf; /* NULL, or the concatenation buffer data points into */
};

static inline const uint8_t *str_u8(const ObjString *s) {
    return s->data;
}
static inline const uint16_t *str_u16(const ObjString *s) {
    return (const uint16_t *)(const void *)s->data;
}
/* The code unit at index i (i < len). */
static inline uint16_t str_at(const ObjString *s, uint32_t i) {
    return s->wide ? str_u16(s)[i] : s->data[i];
}

/* ---- creation (each allocates one GC string; never fails: out of memory is fatal) -- */

ObjString *str_new_utf8(Vm *vm, const char *s, size_t n);
ObjString *str_new_cstr(Vm *vm, const char *s);
ObjString *str_new_latin1(Vm *vm, const uint8_t *s, size_t n);
/* Narrows to Latin-1 when every unit fits. */
ObjString *str_new_utf16(Vm *vm, const uint16_t *s, size_t n);
/* The empty string and one-unit strings come from a cache (no allocation for < 256). */
ObjString *str_empty(Vm *vm);
ObjString *str_from_unit(Vm *vm, uint16_t unit);

/* NULL when the result would be longer than V8's maximum (the caller throws
 * RangeError: Invalid string length). */
ObjString *str_concat(Vm *vm, ObjString *a, ObjString *b);
/* The GC's sweep of a string: releases its share of an append buffer. */
void str_free(Vm *vm, ObjString *s);
/* Units [start, end) of s, 0 <= start <= end <= len; returns s itself for the whole. */
ObjString *str_substring(Vm *vm, ObjString *s, uint32_t start, uint32_t end);

/* ---- queries (pure, never allocate) ----------------------------------------------- */

bool str_equal(const ObjString *a, const ObjString *b);
/* True when s holds exactly the ASCII/Latin-1 C string c. */
bool str_equal_cstr(const ObjString *s, const char *c);
/* <0, 0, >0 in code-unit order (IsLessThan on strings). */
int str_compare(const ObjString *a, const ObjString *b);
uint32_t str_hash(ObjString *s);
/* Index of the first occurrence of needle at or after from, or -1. */
int64_t str_index_of(const ObjString *s, const ObjString *needle, uint32_t from);
/* Index of the last occurrence of needle starting at or before from, or -1. */
int64_t str_last_index_of(const ObjString *s, const ObjString *needle, uint32_t from);

/* Appends the UTF-8 encoding (lone surrogates as U+FFFD). */
void str_to_utf8(const ObjString *s, StrBuf *out);
/* A NUL-terminated UTF-8 copy for messages, truncated to cap-1 bytes. */
void str_to_cbuf(const ObjString *s, char *buf, size_t cap);

/* ---- StrBuilder: build a JS string in malloc'd memory ---------------------------- */

typedef struct {
    uint8_t *u8;   /* Latin-1 units while !wide */
    uint16_t *u16; /* 16-bit units once wide */
    uint32_t len, cap;
    bool wide;
} StrBuilder;

void sbld_init(StrBuilder *b);
void sbld_fini(StrBuilder *b);
void sbld_put_unit(StrBuilder *b, uint16_t unit);
void sbld_put_codepoint(StrBuilder *b, uint32_t cp);
void sbld_put_str(StrBuilder *b, const ObjString *s);
void sbld_put_range(StrBuilder *b, const ObjString *s, uint32_t start, uint32_t end);
void sbld_put_ascii(StrBuilder *b, const char *c);
void sbld_put_utf8(StrBuilder *b, const char *s, size_t n);
/* Allocates the GC string and resets b (b stays usable; call sbld_fini when done). */
ObjString *sbld_finish(Vm *vm, StrBuilder *b);

#endif
