/* trace_escape.c — see trace_escape.h. The escapes used are the ones YAML 1.1 and YAML
 * 1.2 both define (\0 \a \b \t \n \v \f \r \e \" \\ \xNN \uNNNN); YAML 1.2's `\/` and
 * `\L`/`\P`/`\N`/`\_` are never written. */
#include "formats/trace_escape.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- UTF-8 ------------------------------------------------------------------------ */

size_t tf_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp, bool *incomplete) {
    *incomplete = false;
    unsigned char b = s[0];
    if (b < 0x80) {
        *cp = b;
        return 1;
    }
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF; /* the allowed range of the second byte */
    uint32_t v;
    if (b >= 0xC2 && b <= 0xDF) {
        len = 2, v = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
        len = 3, v = b & 0x0F;
        if (b == 0xE0)
            lo = 0xA0; /* no overlongs */
        if (b == 0xED)
            hi = 0x9F; /* no surrogates */
    } else if (b >= 0xF0 && b <= 0xF4) {
        len = 4, v = b & 0x07;
        if (b == 0xF0)
            lo = 0x90;
        if (b == 0xF4)
            hi = 0x8F; /* nothing above U+10FFFF */
    } else {
        *cp = 0xFFFFFFFFu; /* 80..C1, F5..FF never start a sequence */
        return 1;
    }
    for (size_t i = 1; i < len; i++) {
        if (i >= n) {
            *incomplete = true;
            *cp = 0xFFFFFFFFu;
            return i;
        }
        unsigned char c = s[i];
        if (c < (i == 1 ? lo : 0x80) || c > (i == 1 ? hi : 0xBF)) {
            *cp = 0xFFFFFFFFu;
            return i; /* the maximal subpart ends before c */
        }
        v = (v << 6) | (c & 0x3F);
    }
    *cp = v;
    return len;
}

/* ---- strings ---------------------------------------------------------------------- */

static void put_hex_escape(StrBuf *out, char kind, uint32_t v, int digits) {
    strbuf_printf(out, "\\%c%0*X", kind, digits, (unsigned)v);
}

void tf_escape_string(StrBuf *out, const char *s, size_t n) {
    static const char named[32] = {['\0'] = '0', ['\a'] = 'a', ['\b'] = 'b', ['\t'] = 't',
                                   ['\n'] = 'n', ['\v'] = 'v', ['\f'] = 'f', ['\r'] = 'r',
                                   [0x1B] = 'e'};
    const unsigned char *p = (const unsigned char *)s;
    strbuf_reserve(out, n + 2);
    strbuf_putc(out, '"');
    size_t i = 0;
    while (i < n) {
        /* a run of printable ASCII other than `"` and `\` is copied as it is */
        size_t run = i;
        while (run < n && p[run] >= 0x20 && p[run] < 0x7F && p[run] != '"' && p[run] != '\\')
            run++;
        if (run > i) {
            strbuf_put(out, s + i, run - i);
            i = run;
            continue;
        }
        uint32_t cp;
        bool incomplete;
        size_t len = tf_utf8_decode(p + i, n - i, &cp, &incomplete);
        if (cp == 0xFFFFFFFFu) {
            strbuf_puts(out, "\\uFFFD"); /* lossy, documented in SPEC.md */
        } else if (cp == '"' || cp == '\\') {
            strbuf_putc(out, '\\');
            strbuf_putc(out, (char)cp);
        } else if (cp < 0x20) {
            if (named[cp]) {
                strbuf_putc(out, '\\');
                strbuf_putc(out, named[cp]);
            } else {
                put_hex_escape(out, 'x', cp, 2);
            }
        } else if (cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
            put_hex_escape(out, 'x', cp, 2); /* DEL and C1 controls, NEL included */
        } else if (cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF || cp == 0xFFFE ||
                   cp == 0xFFFF) {
            put_hex_escape(out, 'u', cp, 4); /* line breaks in 1.1, BOM, non-characters */
        } else {
            strbuf_put(out, s + i, len);
        }
        i += len;
    }
    strbuf_putc(out, '"');
}

void tf_utf8_repair(StrBuf *out, const char *s, size_t n) {
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        bool incomplete;
        size_t len = tf_utf8_decode(p + i, n - i, &cp, &incomplete);
        if (cp == 0xFFFFFFFFu)
            strbuf_puts(out, "\xEF\xBF\xBD");
        else
            strbuf_put(out, s + i, len);
        i += len;
    }
}

/* ---- numbers ---------------------------------------------------------------------- */

void tf_format_number(StrBuf *out, double d) {
    if (isnan(d)) {
        strbuf_puts(out, ".nan");
        return;
    }
    if (isinf(d)) {
        strbuf_puts(out, d > 0 ? ".inf" : "-.inf");
        return;
    }
    if (d == 0 && signbit(d)) {
        strbuf_puts(out, "-0.0");
        return;
    }
    if (d == trunc(d) && fabs(d) < 9007199254740992.0) {
        strbuf_printf(out, "%.0f", d);
        return;
    }
    char buf[40];
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*g", prec, d);
        if (strtod(buf, NULL) == d)
            break;
    }
    /* YAML 1.1 reads a float only with a '.' (and a signed exponent, which %g gives). */
    char *e = strchr(buf, 'e');
    if (strchr(buf, '.')) {
        strbuf_puts(out, buf);
    } else if (e) {
        strbuf_put(out, buf, (size_t)(e - buf));
        strbuf_puts(out, ".0");
        strbuf_puts(out, e);
    } else {
        strbuf_puts(out, buf);
        strbuf_puts(out, ".0");
    }
}

/* ---- plain words ------------------------------------------------------------------ */

bool tf_is_plain_word(const char *s, size_t n) {
    static const char *const reserved[] = {"y",     "n",    "yes", "no",  "on",   "off",
                                           "true",  "false", "null", "nan", "inf"};
    if (n == 0)
        return false;
    unsigned char c0 = (unsigned char)s[0];
    if (!((c0 >= 'a' && c0 <= 'z') || (c0 >= 'A' && c0 <= 'Z')))
        return false;
    for (size_t i = 1; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_' || c == '.';
        if (!ok)
            return false;
    }
    for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
        if (strlen(reserved[i]) == n && strncasecmp(reserved[i], s, n) == 0)
            return false;
    return true;
}

/* ---- source locations ------------------------------------------------------------- */

/* Parse the decimal number that ends at s[end) going backwards; returns its start or
 * SIZE_MAX when there is none (or it is 0, has a leading zero or overflows 32 bits). */
static size_t number_before(const char *s, size_t end, uint32_t *out) {
    size_t start = end;
    while (start > 0 && s[start - 1] >= '0' && s[start - 1] <= '9')
        start--;
    if (start == end || end - start > 10 || s[start] == '0')
        return SIZE_MAX;
    uint64_t v = 0;
    for (size_t i = start; i < end; i++)
        v = v * 10 + (uint64_t)(s[i] - '0');
    if (v > UINT32_MAX)
        return SIZE_MAX;
    *out = (uint32_t)v;
    return start;
}

bool tf_loc_parse(const char *s, size_t n, size_t *path_len, uint32_t *line, uint32_t *col) {
    uint32_t l, c;
    size_t cs = number_before(s, n, &c);
    if (cs == SIZE_MAX || cs < 2 || s[cs - 1] != ':')
        return false;
    size_t ls = number_before(s, cs - 1, &l);
    if (ls == SIZE_MAX || ls < 2 || s[ls - 1] != ':')
        return false;
    if (path_len)
        *path_len = ls - 1;
    if (line)
        *line = l;
    if (col)
        *col = c;
    return true;
}
