/* str.c — JavaScript strings (see str.h). */
#include "tracer/str.h"

#include <stdlib.h>
#include <string.h>

#include "tracer/vm.h"

struct StrBuffer {
    uint32_t refs; /* strings viewing it */
    uint32_t used; /* units written */
    uint32_t cap;  /* units it can hold */
    uint8_t wide;
    _Alignas(8) uint8_t bytes[]; /* cap units, plus a NUL after the used ones (narrow) */
};

/* Concatenations shorter than this are copied flat; longer ones get an append buffer. */
#define STR_BUFFER_MIN 128

static ObjString *str_alloc(Vm *vm, uint32_t len, bool wide) {
    size_t bytes = sizeof(ObjString) + (wide ? (size_t)len * 2 : (size_t)len + 1);
    ObjString *s = gc_alloc(vm, GC_STRING, bytes);
    s->len = len;
    s->wide = wide;
    s->data = (uint8_t *)(s + 1);
    return s;
}

void str_free(Vm *vm, ObjString *s) {
    StrBuffer *b = s->buf;
    if (b && --b->refs == 0) {
        gc_account(vm, -(ptrdiff_t)(sizeof(StrBuffer) + (size_t)b->cap * (b->wide ? 2 : 1) + 1));
        free(b);
    }
}

/* A string viewing the first len units of b. */
static ObjString *str_view(Vm *vm, StrBuffer *b, uint32_t len) {
    ObjString *s = gc_alloc(vm, GC_STRING, sizeof(ObjString));
    s->len = len;
    s->wide = b->wide;
    s->data = b->bytes;
    s->buf = b;
    b->refs++;
    return s;
}

/* Copies the units of s to dst (a buffer of width wide) at index at. */
static void str_copy_units(uint8_t *dst, bool wide, uint32_t at, const ObjString *s) {
    if (!wide) {
        memcpy(dst + at, s->data, s->len);
    } else if (s->wide) {
        memcpy(dst + (size_t)at * 2, s->data, (size_t)s->len * 2);
    } else {
        uint16_t *d = (uint16_t *)(void *)dst + at;
        for (uint32_t i = 0; i < s->len; i++)
            d[i] = s->data[i];
    }
}

ObjString *str_new_latin1(Vm *vm, const uint8_t *p, size_t n) {
    if (n == 0)
        return str_empty(vm);
    ObjString *s = str_alloc(vm, (uint32_t)n, false);
    memcpy(s->data, p, n);
    s->data[n] = 0;
    return s;
}

ObjString *str_new_utf16(Vm *vm, const uint16_t *p, size_t n) {
    bool wide = false;
    for (size_t i = 0; i < n; i++)
        if (p[i] > 0xff) {
            wide = true;
            break;
        }
    if (n == 0)
        return str_empty(vm);
    ObjString *s = str_alloc(vm, (uint32_t)n, wide);
    if (wide) {
        memcpy(s->data, p, n * 2);
    } else {
        for (size_t i = 0; i < n; i++)
            s->data[i] = (uint8_t)p[i];
        s->data[n] = 0;
    }
    return s;
}

/* Decodes one UTF-8 sequence; invalid bytes decode to U+FFFD, one byte each. */
static uint32_t utf8_decode(const uint8_t *p, size_t n, size_t *used) {
    uint8_t c = p[0];
    if (c < 0x80) {
        *used = 1;
        return c;
    }
    int extra = (c >= 0xf0 && c < 0xf5) ? 3 : (c >= 0xe0) ? 2 : (c >= 0xc2 && c < 0xe0) ? 1 : -1;
    if (c >= 0xf5)
        extra = -1;
    if (extra < 0 || (size_t)extra >= n) {
        *used = 1;
        return 0xfffd;
    }
    uint32_t cp = c & (0x3f >> extra);
    for (int i = 1; i <= extra; i++) {
        if ((p[i] & 0xc0) != 0x80) {
            *used = 1;
            return 0xfffd;
        }
        cp = (cp << 6) | (p[i] & 0x3f);
    }
    if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10ffff))) {
        *used = 1;
        return 0xfffd;
    }
    *used = (size_t)extra + 1;
    return cp;
}

ObjString *str_new_utf8(Vm *vm, const char *s, size_t n) {
    const uint8_t *p = (const uint8_t *)s;
    bool ascii = true;
    for (size_t i = 0; i < n; i++)
        if (p[i] >= 0x80) {
            ascii = false;
            break;
        }
    if (ascii)
        return str_new_latin1(vm, p, n);
    StrBuilder b;
    sbld_init(&b);
    sbld_put_utf8(&b, s, n);
    ObjString *r = sbld_finish(vm, &b);
    sbld_fini(&b);
    return r;
}

ObjString *str_new_cstr(Vm *vm, const char *s) {
    return str_new_utf8(vm, s, strlen(s));
}

ObjString *str_empty(Vm *vm) {
    if (!vm->empty_string) {
        ObjString *s = str_alloc(vm, 0, false);
        s->data[0] = 0;
        vm->empty_string = s;
    }
    return vm->empty_string;
}

ObjString *str_from_unit(Vm *vm, uint16_t unit) {
    if (unit < 256) {
        if (!vm->unit_strings[unit]) {
            ObjString *s = str_alloc(vm, 1, false);
            s->data[0] = (uint8_t)unit;
            s->data[1] = 0;
            vm->unit_strings[unit] = s;
        }
        return vm->unit_strings[unit];
    }
    ObjString *s = str_alloc(vm, 1, true);
    memcpy(s->data, &unit, 2);
    return s;
}

ObjString *str_concat(Vm *vm, ObjString *a, ObjString *b) {
    if (a->len == 0)
        return b;
    if (b->len == 0)
        return a;
    uint64_t len = (uint64_t)a->len + b->len;
    if (len > 0x1fffffe8u) /* V8's max string length */
        return NULL;
    bool wide = a->wide || b->wide;
    StrBuffer *ab = a->buf;
    if (ab && ab->used == a->len && ab->wide == wide && len <= ab->cap) {
        /* a is the longest view of its buffer: append b in place */
        str_copy_units(ab->bytes, wide, a->len, b);
        ab->used = (uint32_t)len;
        if (!wide)
            ab->bytes[len] = 0;
        gc_root_push_ptr(vm, &a); /* keeps ab alive */
        ObjString *s = str_view(vm, ab, (uint32_t)len);
        gc_root_pop(vm, 1);
        return s;
    }
    if (len >= STR_BUFFER_MIN) {
        uint64_t cap = len * 2 < 0x1fffffe8u ? len * 2 : 0x1fffffe8u;
        size_t bytes = sizeof(StrBuffer) + (size_t)cap * (wide ? 2 : 1) + 1;
        StrBuffer *nb = xmalloc(bytes);
        nb->refs = 0;
        nb->cap = (uint32_t)cap;
        nb->wide = wide;
        str_copy_units(nb->bytes, wide, 0, a);
        str_copy_units(nb->bytes, wide, a->len, b);
        nb->used = (uint32_t)len;
        if (!wide)
            nb->bytes[len] = 0;
        gc_account(vm, (ptrdiff_t)bytes);
        return str_view(vm, nb, (uint32_t)len); /* may collect: nb has no view yet */
    }
    gc_root_push_ptr(vm, &a);
    gc_root_push_ptr(vm, &b);
    ObjString *s = str_alloc(vm, (uint32_t)len, wide);
    gc_root_pop(vm, 2);
    str_copy_units(s->data, wide, 0, a);
    str_copy_units(s->data, wide, a->len, b);
    if (!wide)
        s->data[len] = 0;
    return s;
}

ObjString *str_substring(Vm *vm, ObjString *s, uint32_t start, uint32_t end) {
    if (start == 0 && end == s->len)
        return s;
    if (end <= start)
        return str_empty(vm);
    if (end - start == 1)
        return str_from_unit(vm, str_at(s, start));
    if (!s->wide)
        return str_new_latin1(vm, s->data + start, end - start);
    gc_root_push_ptr(vm, &s);
    /* copy first: the new string may be narrow */
    uint16_t *tmp = xmalloc((size_t)(end - start) * 2);
    memcpy(tmp, str_u16(s) + start, (size_t)(end - start) * 2);
    ObjString *r = str_new_utf16(vm, tmp, end - start);
    free(tmp);
    gc_root_pop(vm, 1);
    return r;
}

bool str_equal(const ObjString *a, const ObjString *b) {
    if (a == b)
        return true;
    if (a->len != b->len)
        return false;
    if (a->hash && b->hash && a->hash != b->hash)
        return false;
    if (!a->wide && !b->wide)
        return memcmp(a->data, b->data, a->len) == 0;
    if (a->wide && b->wide)
        return memcmp(a->data, b->data, (size_t)a->len * 2) == 0;
    for (uint32_t i = 0; i < a->len; i++)
        if (str_at(a, i) != str_at(b, i))
            return false;
    return true;
}

bool str_equal_cstr(const ObjString *s, const char *c) {
    size_t n = strlen(c);
    if (n != s->len)
        return false;
    for (uint32_t i = 0; i < s->len; i++)
        if (str_at(s, i) != (uint8_t)c[i])
            return false;
    return true;
}

int str_compare(const ObjString *a, const ObjString *b) {
    uint32_t n = a->len < b->len ? a->len : b->len;
    if (!a->wide && !b->wide) {
        int c = memcmp(a->data, b->data, n);
        if (c)
            return c;
    } else {
        for (uint32_t i = 0; i < n; i++) {
            uint16_t x = str_at(a, i), y = str_at(b, i);
            if (x != y)
                return x < y ? -1 : 1;
        }
    }
    return a->len < b->len ? -1 : a->len > b->len ? 1 : 0;
}

uint32_t str_hash(ObjString *s) {
    if (s->hash)
        return s->hash;
    uint32_t h = 2166136261u; /* FNV-1a over code units */
    for (uint32_t i = 0; i < s->len; i++) {
        h ^= str_at(s, i);
        h *= 16777619u;
    }
    if (h == 0)
        h = 1;
    s->hash = h;
    return h;
}

int64_t str_index_of(const ObjString *s, const ObjString *needle, uint32_t from) {
    if (needle->len == 0)
        return from <= s->len ? from : s->len;
    if (needle->len > s->len)
        return -1;
    uint16_t first = str_at(needle, 0);
    for (uint32_t i = from; i + needle->len <= s->len; i++) {
        if (str_at(s, i) != first)
            continue;
        uint32_t j = 1;
        while (j < needle->len && str_at(s, i + j) == str_at(needle, j))
            j++;
        if (j == needle->len)
            return i;
    }
    return -1;
}

int64_t str_last_index_of(const ObjString *s, const ObjString *needle, uint32_t from) {
    if (needle->len > s->len)
        return -1;
    uint32_t start = s->len - needle->len;
    if (from < start)
        start = from;
    for (int64_t i = start; i >= 0; i--) {
        uint32_t j = 0;
        while (j < needle->len && str_at(s, (uint32_t)i + j) == str_at(needle, j))
            j++;
        if (j == needle->len)
            return i;
    }
    return -1;
}

static void put_utf8_cp(StrBuf *out, uint32_t cp) {
    char b[4];
    if (cp < 0x80) {
        strbuf_putc(out, (char)cp);
    } else if (cp < 0x800) {
        b[0] = (char)(0xc0 | (cp >> 6));
        b[1] = (char)(0x80 | (cp & 0x3f));
        strbuf_put(out, b, 2);
    } else if (cp < 0x10000) {
        b[0] = (char)(0xe0 | (cp >> 12));
        b[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        b[2] = (char)(0x80 | (cp & 0x3f));
        strbuf_put(out, b, 3);
    } else {
        b[0] = (char)(0xf0 | (cp >> 18));
        b[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
        b[3] = (char)(0x80 | (cp & 0x3f));
        strbuf_put(out, b, 4);
    }
}

void str_to_utf8(const ObjString *s, StrBuf *out) {
    if (!s->wide) {
        bool ascii = true;
        for (uint32_t i = 0; i < s->len; i++)
            if (s->data[i] >= 0x80) {
                ascii = false;
                break;
            }
        if (ascii) {
            strbuf_put(out, (const char *)s->data, s->len);
            return;
        }
    }
    for (uint32_t i = 0; i < s->len; i++) {
        uint32_t c = str_at(s, i);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < s->len) {
            uint32_t d = str_at(s, i + 1);
            if (d >= 0xdc00 && d <= 0xdfff) {
                put_utf8_cp(out, 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00));
                i++;
                continue;
            }
        }
        if (c >= 0xd800 && c <= 0xdfff)
            c = 0xfffd;
        put_utf8_cp(out, c);
    }
}

void str_to_cbuf(const ObjString *s, char *buf, size_t cap) {
    StrBuf sb;
    strbuf_init(&sb);
    str_to_utf8(s, &sb);
    size_t n = sb.len < cap - 1 ? sb.len : cap - 1;
    memcpy(buf, sb.data, n);
    buf[n] = 0;
    strbuf_fini(&sb);
}

/* ---- StrBuilder ---- */

void sbld_init(StrBuilder *b) {
    memset(b, 0, sizeof *b);
}

void sbld_fini(StrBuilder *b) {
    free(b->u8);
    free(b->u16);
    memset(b, 0, sizeof *b);
}

static void sbld_grow(StrBuilder *b, uint32_t extra) {
    if (b->len + extra <= b->cap)
        return;
    uint32_t cap = b->cap ? b->cap * 2 : 16;
    while (cap < b->len + extra)
        cap *= 2;
    if (b->wide)
        b->u16 = xrealloc(b->u16, (size_t)cap * 2);
    else
        b->u8 = xrealloc(b->u8, cap);
    b->cap = cap;
}

static void sbld_widen(StrBuilder *b) {
    uint32_t cap = b->cap ? b->cap : 16;
    b->u16 = xmalloc((size_t)cap * 2);
    for (uint32_t i = 0; i < b->len; i++)
        b->u16[i] = b->u8[i];
    free(b->u8);
    b->u8 = NULL;
    b->cap = cap;
    b->wide = true;
}

void sbld_put_unit(StrBuilder *b, uint16_t unit) {
    if (unit > 0xff && !b->wide)
        sbld_widen(b);
    sbld_grow(b, 1);
    if (b->wide)
        b->u16[b->len++] = unit;
    else
        b->u8[b->len++] = (uint8_t)unit;
}

void sbld_put_codepoint(StrBuilder *b, uint32_t cp) {
    if (cp >= 0x10000) {
        cp -= 0x10000;
        sbld_put_unit(b, (uint16_t)(0xd800 + (cp >> 10)));
        sbld_put_unit(b, (uint16_t)(0xdc00 + (cp & 0x3ff)));
    } else {
        sbld_put_unit(b, (uint16_t)cp);
    }
}

void sbld_put_range(StrBuilder *b, const ObjString *s, uint32_t start, uint32_t end) {
    if (end <= start)
        return;
    if (s->wide && !b->wide)
        sbld_widen(b);
    sbld_grow(b, end - start);
    if (!b->wide) {
        memcpy(b->u8 + b->len, s->data + start, end - start);
    } else if (s->wide) {
        memcpy(b->u16 + b->len, str_u16(s) + start, (size_t)(end - start) * 2);
    } else {
        for (uint32_t i = start; i < end; i++)
            b->u16[b->len + i - start] = s->data[i];
    }
    b->len += end - start;
}

void sbld_put_str(StrBuilder *b, const ObjString *s) {
    sbld_put_range(b, s, 0, s->len);
}

void sbld_put_ascii(StrBuilder *b, const char *c) {
    while (*c)
        sbld_put_unit(b, (uint8_t)*c++);
}

void sbld_put_utf8(StrBuilder *b, const char *s, size_t n) {
    const uint8_t *p = (const uint8_t *)s;
    size_t i = 0;
    while (i < n) {
        size_t used;
        uint32_t cp = utf8_decode(p + i, n - i, &used);
        sbld_put_codepoint(b, cp);
        i += used;
    }
}

ObjString *sbld_finish(Vm *vm, StrBuilder *b) {
    ObjString *s = b->wide ? str_new_utf16(vm, b->u16, b->len) : str_new_latin1(vm, b->u8, b->len);
    b->len = 0;
    return s;
}
