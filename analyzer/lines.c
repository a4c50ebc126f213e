/* lines.c — see lines.h.
 *
 * One pass over the logs. Each stream has at most one open line (text written without
 * its newline yet), kept in its own buffer; a newline in a log's text, or the newline
 * that ends a log, closes it and copies it to the arena. Lines are numbered in the order
 * they are closed; lines still open at the end (the program wrote "a" and no newline)
 * are closed last, in the order they began. */
#include "analyzer/lines.h"

#include <stdlib.h>
#include <string.h>

#include "common/strbuf.h"
#include "common/util.h"

typedef struct {
    bool open;
    StrBuf text;
    uint32_t job, log;
} OpenLine;

static void put_bytes(OutputLines *ls, const char *s, size_t n) {
    if (ls->text_len + n + 1 > ls->text_cap) {
        size_t cap = ls->text_cap ? ls->text_cap : 4096;
        while (ls->text_len + n + 1 > cap)
            cap *= 2;
        ls->text = xrealloc(ls->text, cap);
        ls->text_cap = cap;
    }
    if (n)
        memcpy(ls->text + ls->text_len, s, n);
    ls->text_len += n;
    ls->text[ls->text_len] = '\0';
}

static void begin(OpenLine *o, uint32_t job, uint32_t log) {
    if (o->open)
        return;
    o->open = true;
    strbuf_clear(&o->text);
    o->job = job;
    o->log = log;
}

static void close_line(OutputLines *ls, OpenLine *o, bool is_err) {
    if (ls->n == ls->cap) {
        if (ls->cap >= UINT32_MAX / 2)
            die(EXIT_NOMEM, "trace too large: more than 2^31 output lines");
        ls->cap = ls->cap ? ls->cap * 2 : 64;
        ls->v = xrealloc(ls->v, (size_t)ls->cap * sizeof *ls->v);
    }
    OutputLine *l = &ls->v[ls->n++];
    l->text = ls->text_len;
    l->len = o->text.len;
    l->job = o->job;
    l->log = o->log;
    l->is_err = is_err;
    put_bytes(ls, o->text.data, o->text.len);
    put_bytes(ls, "", 1); /* the NUL after each line */
    o->open = false;
}

void lines_init(OutputLines *ls, const Model *m) {
    memset(ls, 0, sizeof *ls);
    OpenLine open[2];
    for (int s = 0; s < 2; s++) {
        open[s].open = false;
        strbuf_init(&open[s].text);
    }
    for (uint32_t i = 0; i < m->nlogs; i++) {
        const MLog *lg = &m->logs[i];
        int s = lg->is_err ? 1 : 0;
        OpenLine *o = &open[s];
        size_t len;
        const char *t = model_log_text(m, lg, &len);
        size_t pos = 0;
        const char *nl;
        while (pos < len && (nl = memchr(t + pos, '\n', len - pos)) != NULL) {
            size_t k = (size_t)(nl - t);
            begin(o, lg->job, i);
            strbuf_put(&o->text, t + pos, k - pos);
            close_line(ls, o, s == 1);
            pos = k + 1;
        }
        if (pos < len) {
            begin(o, lg->job, i);
            strbuf_put(&o->text, t + pos, len - pos);
        }
        if (lg->newline) {
            begin(o, lg->job, i);
            close_line(ls, o, s == 1);
        }
    }
    int first = open[0].open && open[1].open && open[1].log < open[0].log ? 1 : 0;
    for (int k = 0; k < 2; k++) {
        int s = k == 0 ? first : 1 - first;
        if (open[s].open)
            close_line(ls, &open[s], s == 1);
    }
    for (int s = 0; s < 2; s++)
        strbuf_fini(&open[s].text);
}

void lines_fini(OutputLines *ls) {
    free(ls->v);
    free(ls->text);
    memset(ls, 0, sizeof *ls);
}

const char *lines_text(const OutputLines *ls, uint32_t i, size_t *len) {
    *len = ls->v[i].len;
    return ls->text + ls->v[i].text;
}

static bool parse_number(const char *q, uint64_t *out) {
    if (q[0] != '#' || q[1] < '0' || q[1] > '9')
        return false;
    uint64_t v = 0;
    for (const char *p = q + 1; *p; p++) {
        if (*p < '0' || *p > '9')
            return false;
        if (v > UINT32_MAX)
            v = UINT64_MAX / 16; /* saturate: past any line */
        else
            v = v * 10 + (uint64_t)(*p - '0');
    }
    *out = v;
    return true;
}

/* The length of the Unicode space character (Zs, or a tab) at s[0..n), or 0. Programs
 * sometimes print U+00A0 where a space seems to be (seed 000's `console.log('srcipt
 * end')` has NO-BREAK SPACEs): a user who types a plain space still means that line. */
static size_t space_len(const unsigned char *s, size_t n) {
    if (s[0] == ' ' || s[0] == '\t')
        return 1;
    if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0) /* U+00A0 */
        return 2;
    if (n < 3)
        return 0;
    if (s[0] == 0xE1 && s[1] == 0x9A && s[2] == 0x80) /* U+1680 */
        return 3;
    if (s[0] == 0xE2 && s[1] == 0x80 && (s[2] <= 0x8A || s[2] == 0xAF)) /* U+2000-200A, 202F */
        return 3;
    if (s[0] == 0xE2 && s[1] == 0x81 && s[2] == 0x9F) /* U+205F */
        return 3;
    if (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80) /* U+3000 */
        return 3;
    return 0;
}

/* s[0..n) with every space character (space_len) as one ASCII space, into sb. */
static void norm_spaces(StrBuf *sb, const char *s, size_t n) {
    strbuf_clear(sb);
    for (size_t i = 0; i < n;) {
        size_t k = space_len((const unsigned char *)s + i, n - i);
        strbuf_putc(sb, k ? ' ' : s[i]);
        i += k ? k : 1;
    }
}

LinesMatch lines_find(const OutputLines *ls, const char *query, uint32_t *out, uint32_t *cands,
                      uint32_t max_cands, uint32_t *ncands) {
    *ncands = 0;
    uint64_t num;
    if (parse_number(query, &num)) {
        if (num == 0 || num > ls->n)
            return LINES_NO_NUMBER;
        *out = (uint32_t)(num - 1);
        return LINES_FOUND;
    }
    size_t ql = strlen(query);
    /* 0: exact, 1: substring; 2, 3: the same with Unicode spaces as plain spaces */
    StrBuf nq, nt;
    strbuf_init(&nq);
    strbuf_init(&nt);
    LinesMatch res = LINES_NONE;
    for (int pass = 0; pass < 4 && res == LINES_NONE; pass++) {
        uint32_t found = 0;
        if (pass == 2) {
            norm_spaces(&nq, query, ql);
            query = nq.data;
            ql = nq.len;
        }
        for (uint32_t i = 0; i < ls->n; i++) {
            size_t len;
            const char *t = lines_text(ls, i, &len);
            if (pass >= 2) {
                norm_spaces(&nt, t, len);
                t = nt.data;
                len = nt.len;
            }
            bool hit = pass % 2 == 0
                           ? len == ql && memcmp(t, query, ql) == 0
                           : ql == 0 || (len >= ql && memmem(t, len, query, ql) != NULL);
            if (!hit)
                continue;
            if (found == 0)
                *out = i;
            if (found < max_cands)
                cands[found] = i;
            found++;
        }
        if (found == 1)
            res = LINES_FOUND;
        if (found > 1) {
            *ncands = found;
            res = LINES_AMBIGUOUS;
        }
    }
    strbuf_fini(&nq);
    strbuf_fini(&nt);
    return res;
}

void lines_put_quoted(StrBuf *sb, const char *s, size_t n) {
    strbuf_putc(sb, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
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
        default:
            if (c < 0x20 || c == 0x7f)
                strbuf_printf(sb, "\\x%02X", c);
            else
                strbuf_putc(sb, (char)c);
        }
    }
    strbuf_putc(sb, '"');
}
