/* xmlesc.c — see xmlesc.h. */
#include "analyzer/xmlesc.h"

#include <stdbool.h>
#include <stdint.h>

#define REPLACEMENT 0xFFFDu
#define TAB_COLS 4

/* Decode one code point at p (n > 0 bytes left). Returns the bytes consumed (>= 1);
 * malformed input consumes one byte and yields U+FFFD (as the WHATWG decoder does for
 * a lone bad byte). */
static size_t utf8_decode(const unsigned char *p, size_t n, uint32_t *cp) {
    unsigned char c = p[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t len;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2, v = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3, v = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4, v = c & 0x07, min = 0x10000;
    } else {
        *cp = REPLACEMENT;
        return 1;
    }
    if (n < len) {
        *cp = REPLACEMENT;
        return 1;
    }
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80) {
            *cp = REPLACEMENT;
            return 1;
        }
        v = (v << 6) | (p[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = REPLACEMENT;
        return 1;
    }
    *cp = v;
    return len;
}

static void put_utf8(StrBuf *sb, uint32_t cp) {
    char b[4];
    size_t n;
    if (cp < 0x80) {
        b[0] = (char)cp, n = 1;
    } else if (cp < 0x800) {
        b[0] = (char)(0xC0 | (cp >> 6)), b[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
    } else if (cp < 0x10000) {
        b[0] = (char)(0xE0 | (cp >> 12)), b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
    } else {
        b[0] = (char)(0xF0 | (cp >> 18)), b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), b[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
    }
    strbuf_put(sb, b, n);
}

/* The code point a reader sees for cp: XML-forbidden characters become visible. */
static uint32_t visible(uint32_t cp) {
    if (cp < 0x20)
        return 0x2400 + cp; /* Control Pictures: ␀ ␁ ... ␟ */
    if (cp == 0x7F)
        return 0x2421; /* ␡ */
    if (cp >= 0x80 && cp < 0xA0)
        return REPLACEMENT; /* C1 controls: allowed by XML 1.0 but invisible and confusing */
    if (cp == 0xFFFE || cp == 0xFFFF)
        return REPLACEMENT;
    return cp;
}

/* Columns a code point takes: a tab is shown as TAB_COLS spaces. */
static size_t cols(uint32_t cp) {
    return cp == '\t' ? TAB_COLS : 1;
}

size_t xml_text_width(const char *s, size_t n) {
    const unsigned char *p = (const unsigned char *)s;
    size_t count = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += utf8_decode(p + i, n - i, &cp);
        count += cols(cp);
    }
    return count;
}

size_t xml_put_text(StrBuf *sb, const char *s, size_t n, size_t max_chars) {
    const unsigned char *p = (const unsigned char *)s;
    bool truncate = max_chars > 0 && xml_text_width(s, n) > max_chars;
    size_t count = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t used = utf8_decode(p + i, n - i, &cp);
        if (truncate && count + cols(cp) > max_chars - 1) {
            strbuf_puts(sb, "\xE2\x80\xA6"); /* … */
            return count + 1;
        }
        i += used;
        count += cols(cp);
        if (cp == '\t') {
            strbuf_put(sb, "        ", TAB_COLS);
            continue;
        }
        cp = visible(cp);
        switch (cp) {
        case '&':
            strbuf_puts(sb, "&amp;");
            break;
        case '<':
            strbuf_puts(sb, "&lt;");
            break;
        case '>':
            strbuf_puts(sb, "&gt;");
            break;
        case '"':
            strbuf_puts(sb, "&quot;");
            break;
        case '\'':
            strbuf_puts(sb, "&#39;");
            break;
        default:
            put_utf8(sb, cp);
            break;
        }
    }
    return count;
}
