/* builtins/string_int.h — private to the String built-in: what string.c uses from
 * string_unicode.c, which holds the Unicode data (case mapping, a small collation table,
 * the normalization quick check). Tables are generated from node 20 (ICU); see the
 * generator in string_unicode.c. */
#ifndef TICKSCOPE_BUILTINS_STRING_INT_H
#define TICKSCOPE_BUILTINS_STRING_INT_H

#include <stdbool.h>

#include "tracer/str.h"

/* The longest string V8 makes (String::kMaxLength on 64-bit hosts); longer results throw
 * RangeError: Invalid string length. Same limit as str_concat's. */
#define STRING_MAX_LEN 0x1fffffe8u

/* The full Unicode default case conversion of s (toUpperCase / toLowerCase, ecma262
 * #sec-string.prototype.tolowercase with Unicode's SpecialCasing, including Final_Sigma),
 * appended to b. Lone surrogates are copied unchanged. turkic selects the tr/az rules of
 * toLocaleUpperCase/toLocaleLowerCase (i <-> İ, I <-> ı). */
void string_case_convert(const ObjString *s, bool upper, bool turkic, StrBuilder *b);

/* localeCompare's order (see string_unicode.c for its reach): <0, 0, >0. */
int string_locale_compare(const ObjString *a, const ObjString *b);

typedef enum { NORM_NFC, NORM_NFD, NORM_NFKC, NORM_NFKD } NormForm;

/* True when s is certainly already in the form (so normalize may return it unchanged);
 * false when it may need changes, which tickscope does not implement yet. */
bool string_is_normalized(const ObjString *s, NormForm form);

#endif
