/* trace_escape.h — how values are spelled in a trace so that YAML 1.2 and YAML 1.1
 * readers (libyaml, PyYAML) read back exactly what was written (formats/SPEC.md,
 * "Escaping"). Strings are always double-quoted; numbers use the spelling both YAML
 * versions resolve to the same float; enum words are plain only when no YAML version
 * could read them as anything but a string. Also the UTF-8 decoder that the writer and
 * the reader's input check share. Pure functions; output goes to a caller's StrBuf. */
#ifndef TICKSCOPE_TRACE_ESCAPE_H
#define TICKSCOPE_TRACE_ESCAPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/strbuf.h"

/* Decode one UTF-8 sequence at s (n >= 1 bytes available), per Unicode Table 3-7 (no
 * overlongs, no surrogates, nothing above U+10FFFF). Returns the bytes consumed: for a
 * well-formed sequence its length, with *cp set; otherwise the length of the maximal
 * subpart of an ill-formed sequence (at least 1), with *cp = 0xFFFFFFFF. *incomplete is
 * set when the sequence was cut short by the end of the n bytes (so more input could
 * complete it). */
size_t tf_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp, bool *incomplete);

/* Append s[0..n) as a YAML double-quoted scalar: `"` and `\` escaped, C0 controls, DEL,
 * C1 controls, U+2028, U+2029, U+FEFF, U+FFFE, U+FFFF as escapes both YAML versions
 * know, other valid UTF-8 as is, and each maximal ill-formed subpart as \uFFFD. */
void tf_escape_string(StrBuf *out, const char *s, size_t n);

/* Append what a reader gets back from tf_escape_string(s, n): s with each ill-formed
 * subpart replaced by U+FFFD (EF BF BD). */
void tf_utf8_repair(StrBuf *out, const char *s, size_t n);

/* Append d as a YAML number: integral values in (-2^53, 2^53) as integers, -0 as
 * `-0.0`, others with the fewest digits that read back to the same double and always a
 * `.` before any exponent (`1.5`, `1.0e+21`, `2.5e-07`); NaN and infinities as `.nan`,
 * `.inf`, `-.inf`. */
void tf_format_number(StrBuf *out, double d);

/* True when s[0..n) may be written as a plain scalar that every YAML version reads as
 * that same string: a letter then letters, digits, `-`, `_` or `.`, and not one of
 * YAML 1.1's booleans or nulls (y, yes, on, off, null, ...). */
bool tf_is_plain_word(const char *s, size_t n);

/* Split a loc "PATH:LINE:COL" (PATH not empty, LINE and COL decimal >= 1, no leading
 * zeros). False when s[0..n) is not one; otherwise the outputs are set (any may be NULL). */
bool tf_loc_parse(const char *s, size_t n, size_t *path_len, uint32_t *line, uint32_t *col);

#endif
