/* jsonw.c — see jsonw.h. */
#include "analyzer/jsonw.h"

#include <assert.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/trace_escape.h"

void json_init(JsonW *w, StrBuf *out, bool pretty) {
    w->out = out;
    w->pretty = pretty;
    w->depth = 0;
    w->first[0] = true;
    w->after_key = false;
    w->newline = false;
}

static void indent(JsonW *w) {
    strbuf_putc(w->out, '\n');
    for (uint32_t i = 0; i < w->depth; i++)
        strbuf_puts(w->out, "  ");
}

/* Before any value or key: the comma and the line break it needs. */
static void before_item(JsonW *w) {
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (!w->first[w->depth])
        strbuf_putc(w->out, ',');
    w->first[w->depth] = false;
    if (w->newline) {
        strbuf_putc(w->out, '\n');
        w->newline = false;
    }
    if (w->pretty && w->depth > 0)
        indent(w);
}

static void container_begin(JsonW *w, char c) {
    before_item(w);
    strbuf_putc(w->out, c);
    assert(w->depth + 1 < JSONW_MAX_DEPTH);
    if (w->depth + 1 < JSONW_MAX_DEPTH)
        w->depth++;
    w->first[w->depth] = true;
}

static void container_end(JsonW *w, char c) {
    assert(w->depth > 0 && !w->after_key);
    bool empty = w->first[w->depth];
    if (w->newline) {
        strbuf_putc(w->out, '\n');
        w->newline = false;
    }
    if (w->depth > 0)
        w->depth--;
    if (w->pretty && !empty)
        indent(w);
    strbuf_putc(w->out, c);
}

void json_object_begin(JsonW *w) {
    container_begin(w, '{');
}
void json_object_end(JsonW *w) {
    container_end(w, '}');
}
void json_array_begin(JsonW *w) {
    container_begin(w, '[');
}
void json_array_end(JsonW *w) {
    container_end(w, ']');
}

void json_key(JsonW *w, const char *key) {
    assert(!w->after_key);
    before_item(w);
    json_put_string(w->out, key, strlen(key));
    strbuf_puts(w->out, w->pretty ? ": " : ":");
    w->after_key = true;
}

void json_put_string(StrBuf *sb, const char *s, size_t n) {
    const unsigned char *p = (const unsigned char *)s;
    strbuf_putc(sb, '"');
    size_t i = 0;
    while (i < n) {
        unsigned char c = p[i];
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
            size_t k = i;
            while (k < n && p[k] >= 0x20 && p[k] < 0x7f && p[k] != '"' && p[k] != '\\')
                k++;
            strbuf_put(sb, s + i, k - i);
            i = k;
            continue;
        }
        if (c < 0x80) {
            switch (c) {
            case '"':
                strbuf_puts(sb, "\\\"");
                break;
            case '\\':
                strbuf_puts(sb, "\\\\");
                break;
            case '\n':
                strbuf_puts(sb, "\\n");
                break;
            case '\t':
                strbuf_puts(sb, "\\t");
                break;
            case '\r':
                strbuf_puts(sb, "\\r");
                break;
            case '\b':
                strbuf_puts(sb, "\\b");
                break;
            case '\f':
                strbuf_puts(sb, "\\f");
                break;
            default:
                strbuf_printf(sb, "\\u%04x", c);
            }
            i++;
            continue;
        }
        uint32_t cp;
        bool incomplete;
        size_t len = tf_utf8_decode(p + i, n - i, &cp, &incomplete);
        if (cp == 0xFFFFFFFFu)
            strbuf_puts(sb, "\\ufffd");
        else if (cp == 0x2028 || cp == 0x2029)
            strbuf_printf(sb, "\\u%04" PRIx32, cp);
        else
            strbuf_put(sb, s + i, len);
        i += len ? len : 1;
    }
    strbuf_putc(sb, '"');
}

void json_str(JsonW *w, const char *s, size_t n) {
    before_item(w);
    json_put_string(w->out, s, n);
}

void json_cstr(JsonW *w, const char *s) {
    if (!s)
        json_null(w);
    else
        json_str(w, s, strlen(s));
}

void json_uint(JsonW *w, uint64_t v) {
    before_item(w);
    strbuf_printf(w->out, "%" PRIu64, v);
}

void json_int(JsonW *w, int64_t v) {
    before_item(w);
    strbuf_printf(w->out, "%" PRId64, v);
}

void json_num(JsonW *w, double v) {
    before_item(w);
    if (!isfinite(v)) {
        strbuf_puts(w->out, "null");
        return;
    }
    if (v == (double)(int64_t)v && fabs(v) < 9007199254740992.0) {
        strbuf_printf(w->out, "%" PRId64, (int64_t)v);
        return;
    }
    char buf[40];
    for (int prec = 15; prec <= 17; prec++) { /* shortest that reads back the same */
        snprintf(buf, sizeof buf, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    strbuf_puts(w->out, buf);
}

void json_bool(JsonW *w, bool v) {
    before_item(w);
    strbuf_puts(w->out, v ? "true" : "false");
}

void json_null(JsonW *w) {
    before_item(w);
    strbuf_puts(w->out, "null");
}

void json_kv_str(JsonW *w, const char *key, const char *s) {
    json_key(w, key);
    json_cstr(w, s);
}

void json_kv_uint(JsonW *w, const char *key, uint64_t v) {
    json_key(w, key);
    json_uint(w, v);
}

void json_kv_num(JsonW *w, const char *key, double v) {
    json_key(w, key);
    json_num(w, v);
}

void json_kv_bool(JsonW *w, const char *key, bool v) {
    json_key(w, key);
    json_bool(w, v);
}

void json_newline(JsonW *w) {
    if (!w->pretty)
        w->newline = true;
}
