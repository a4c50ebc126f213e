/* trace_writer.c — see trace_writer.h. Each field's value is encoded when it is set
 * (into `vals`, at offsets kept per field) and the line is assembled in events.def
 * order at tf_end, so the bytes do not depend on the caller's order.
 *
 * Output. When the FILE has a file descriptor, finished lines go into the writer's own
 * buffer `obuf` and reach the descriptor with write(2), never through stdio: then
 * tf_writer_flush_async_safe() can write what is buffered from a signal handler (stdio
 * takes locks and may be in the middle of an update). The protocol that makes that
 * safe: a line is copied into obuf[olen...] before olen grows past it, so
 * obuf[ostart..olen) is always whole lines; a write-out advances ostart after each
 * write(2) and sets olen = 0 before ostart = 0; and while a write(2) of ours is under
 * way (`writing`) the handler writes nothing, so the file is always a byte prefix of the
 * trace. Without a descriptor (open_memstream, fmemopen) lines go to stdio as before. */
#include "formats/trace_writer.h"

#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "common/strbuf.h"
#include "formats/trace_escape.h"

/* The output buffer: one write(2) per job boundary for all but very busy jobs. */
#define TF_OBUF_SIZE 65536

struct TfWriter {
    FILE *f;
    int fd;        /* fileno(f), or -1: write through stdio */
    char *obuf;    /* TF_OBUF_SIZE bytes when fd >= 0 */
    /* read by the signal handler: see the protocol at the top */
    volatile sig_atomic_t olen, ostart, writing;
    bool autoflush;
    int err;       /* sticky errno of the first failure */
    uint64_t seq;  /* of the last event written */
    bool open;     /* an event is being built */
    TfEventKind kind;
    uint64_t present;
    size_t off[TFF__COUNT], len[TFF__COUNT]; /* encoded values in vals */
    StrBuf vals;
    StrBuf line;
};

/* ---- output ----------------------------------------------------------------------- */

/* write(2) all of p[0..n), retrying after EINTR and short writes; advances *done (when
 * given) after each write so that a signal handler sees what is already out. */
static int write_all(int fd, const char *p, size_t n, volatile sig_atomic_t *done) {
    size_t off = 0;
    while (off < n) {
        ssize_t k = write(fd, p + off, n - off);
        if (k < 0) {
            if (errno == EINTR)
                continue;
            return errno ? errno : EIO;
        }
        off += (size_t)k;
        if (done)
            *done += (sig_atomic_t)k;
    }
    return 0;
}

/* Write out obuf (fd mode). */
static void obuf_flush(TfWriter *w) {
    if (w->err || w->olen == w->ostart)
        return;
    w->writing = 1;
    int e = write_all(w->fd, w->obuf + w->ostart, (size_t)(w->olen - w->ostart), &w->ostart);
    w->olen = 0; /* before ostart: the handler must never see ostart = 0 < olen = old */
    w->ostart = 0;
    w->writing = 0;
    if (e)
        w->err = e;
}

static void emit(TfWriter *w, const StrBuf *sb, bool flush) {
    if (w->err)
        return;
    if (w->fd < 0) {
        errno = 0;
        if (fwrite(sb->data, 1, sb->len, w->f) != sb->len) {
            w->err = errno ? errno : EIO;
            return;
        }
        if (flush && fflush(w->f) != 0)
            w->err = errno ? errno : EIO;
        return;
    }
    if (sb->len > (size_t)(TF_OBUF_SIZE - w->olen))
        obuf_flush(w);
    if (sb->len > TF_OBUF_SIZE) { /* a line longer than the buffer: straight out */
        w->writing = 1;
        int e = w->err ? 0 : write_all(w->fd, sb->data, sb->len, NULL);
        w->writing = 0;
        if (e)
            w->err = e;
    } else if (!w->err) {
        memcpy(w->obuf + w->olen, sb->data, sb->len);
        w->olen += (sig_atomic_t)sb->len; /* the line is whole before it is visible */
    }
    if (flush)
        obuf_flush(w);
}

void tf_writer_flush(TfWriter *w) {
    if (w->fd >= 0)
        obuf_flush(w);
    else if (!w->err && fflush(w->f) != 0)
        w->err = errno ? errno : EIO;
}

void tf_writer_flush_async_safe(TfWriter *w) {
    if (!w || w->fd < 0 || w->writing || w->err)
        return;
    sig_atomic_t start = w->ostart, len = w->olen;
    if (start < len && write_all(w->fd, w->obuf + start, (size_t)(len - start), NULL) == 0)
        w->ostart = len;
}

/* ---- the header ------------------------------------------------------------------- */

static void put_enum_word(StrBuf *out, const char *s, size_t n) {
    if (tf_is_plain_word(s, n))
        strbuf_put(out, s, n);
    else
        tf_escape_string(out, s, n);
}

static void write_header_value(StrBuf *out, const TfHeaderSpec *hs, const TraceHeader *h) {
    const char *base = (const char *)h + hs->offset;
    switch (hs->type) {
    case TFT_STR:
    case TFT_ENUM: {
        const char *s = *(const char *const *)base;
        if (hs->type == TFT_ENUM) {
            assert(tf_enum_by_text(hs->set, s, strlen(s)) != TFV_UNKNOWN);
            put_enum_word(out, s, strlen(s));
        } else {
            tf_escape_string(out, s, strlen(s));
        }
        break;
    }
    case TFT_BOOL:
        strbuf_puts(out, *(const bool *)base ? "true" : "false");
        break;
    case TFT_UINT:
        strbuf_printf(out, "%llu", (unsigned long long)*(const uint64_t *)base);
        break;
    case TFT_NUM:
        tf_format_number(out, *(const double *)base);
        break;
    default:
        assert(!"header key of an unsupported type");
    }
}

static bool header_has(const TfHeaderSpec *hs, int key, const TraceHeader *h) {
    if (hs->type == TFT_STR || hs->type == TFT_ENUM)
        return *(const char *const *)((const char *)h + hs->offset) != NULL;
    return (h->present >> key) & 1u;
}

TfWriter *tf_writer_open(FILE *f, const TraceHeader *given) {
    TfWriter *w = xcalloc(1, sizeof *w);
    w->f = f;
    w->autoflush = true;
    /* whatever the caller wrote to f goes first; from here on only write(2) */
    w->fd = fflush(f) == 0 ? fileno(f) : -1;
    if (w->fd >= 0)
        w->obuf = xmalloc(TF_OBUF_SIZE);
    strbuf_init(&w->vals);
    strbuf_init(&w->line);

    TraceHeader h = *given;
    h.format = TF_FORMAT_NAME;
    h.version = TF_VERSION_TEXT;
    if (!h.clock)
        h.clock = tf_enum_text(TFV_CLOCK_VIRTUAL_MS);
    int n;
    const TfHeaderSpec *specs = tf_header_specs(&n);
    StrBuf *out = &w->line;
    strbuf_clear(out);
    strbuf_puts(out, "# tickscope trace: see formats/SPEC.md\n");
    for (int k = 0; k < n; k++) {
        const TfHeaderSpec *hs = &specs[k];
        if (!header_has(hs, k, &h)) {
            assert(hs->presence == TF_OPT && "a required header key is missing");
            continue;
        }
        strbuf_printf(out, "%s: ", hs->key);
        write_header_value(out, hs, &h);
        strbuf_putc(out, '\n');
    }
    strbuf_puts(out, "---\n");
    emit(w, out, true);
    return w;
}

void tf_writer_set_autoflush(TfWriter *w, bool on) {
    w->autoflush = on;
}

/* ---- building an event ------------------------------------------------------------ */

void tf_begin(TfWriter *w, TfEventKind k) {
    assert(!w->open && "tf_begin while another event is open");
    assert(k >= 0 && k < EV__COUNT);
    w->open = true;
    w->kind = k;
    w->present = 0;
    strbuf_clear(&w->vals);
}

/* Check that f belongs to the open event with a type in the allowed mask, and start
 * its value; the caller then appends the encoded value to w->vals. */
static const TfArgSpec *start_field(TfWriter *w, TfField f, unsigned type_mask) {
    assert(w->open && "a field outside tf_begin/tf_end");
    const TfArgSpec *a = tf_event_arg(w->kind, f);
    assert(a && "this event kind has no such field");
    assert(((type_mask >> tf_field_type(f)) & 1u) && "wrong setter for this field's type");
    assert(!((w->present >> f) & 1u) && "field given twice");
    w->present |= (uint64_t)1 << f;
    w->off[f] = w->vals.len;
    return a;
}

static void end_field(TfWriter *w, TfField f) {
    w->len[f] = w->vals.len - w->off[f];
}

#define T(x) (1u << TFT_##x)

/* Decimal digits of v, as "%llu" writes them (printf was most of the writer's time). */
static void put_u64(StrBuf *out, uint64_t v) {
    char d[20];
    int n = 0;
    do {
        d[sizeof d - 1 - n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    strbuf_put(out, d + sizeof d - n, (size_t)n);
}

void tf_field_uint(TfWriter *w, TfField f, uint64_t v) {
    start_field(w, f, T(ID) | T(UINT));
    assert(v <= (uint64_t)INT64_MAX);
    assert((tf_field_type(f) != TFT_ID || v >= 1) && "ids start at 1");
    put_u64(&w->vals, v);
    end_field(w, f);
}

void tf_field_int(TfWriter *w, TfField f, int64_t v) {
    start_field(w, f, T(INT));
    if (v < 0)
        strbuf_putc(&w->vals, '-');
    put_u64(&w->vals, v < 0 ? 0 - (uint64_t)v : (uint64_t)v);
    end_field(w, f);
}

void tf_field_num(TfWriter *w, TfField f, double v) {
    start_field(w, f, T(NUM));
    tf_format_number(&w->vals, v);
    end_field(w, f);
}

void tf_field_bool(TfWriter *w, TfField f, bool v) {
    start_field(w, f, T(BOOL));
    strbuf_puts(&w->vals, v ? "true" : "false");
    end_field(w, f);
}

void tf_field_strn(TfWriter *w, TfField f, const char *s, size_t n) {
    start_field(w, f, T(STR) | T(LOC));
    assert((tf_field_type(f) != TFT_LOC || tf_loc_parse(s, n, NULL, NULL, NULL)) &&
           "a loc must be PATH:LINE:COL");
    tf_escape_string(&w->vals, s, n);
    end_field(w, f);
}

void tf_field_str(TfWriter *w, TfField f, const char *s) {
    tf_field_strn(w, f, s, strlen(s));
}

void tf_field_loc(TfWriter *w, TfField f, const char *path, uint32_t line, uint32_t col) {
    assert(line >= 1 && col >= 1 && path[0]);
    start_field(w, f, T(LOC));
    /* "path" then :LINE:COL inside the quotes: the same bytes as escaping the whole
     * "path:line:col" (digits and ':' are never escaped, and an ill-formed sequence at
     * the end of path is one \uFFFD either way) */
    tf_escape_string(&w->vals, path, strlen(path));
    w->vals.len--; /* the closing quote */
    strbuf_putc(&w->vals, ':');
    put_u64(&w->vals, line);
    strbuf_putc(&w->vals, ':');
    put_u64(&w->vals, col);
    strbuf_putc(&w->vals, '"');
    end_field(w, f);
}

void tf_field_enum(TfWriter *w, TfField f, TfEnumValue v) {
    const TfArgSpec *a = start_field(w, f, T(ENUM));
    assert(tf_enum_set(v) == a->set && "an enum value of another set");
    (void)a;
    const char *text = tf_enum_text(v);
    put_enum_word(&w->vals, text, strlen(text));
    end_field(w, f);
}

#undef T

void tf_discard(TfWriter *w) {
    w->open = false;
}

uint64_t tf_end(TfWriter *w) {
    assert(w->open && "tf_end without tf_begin");
    w->open = false;
    const TfEventSpec *spec = tf_event_spec(w->kind);
    StrBuf *line = &w->line;
    strbuf_clear(line);
    strbuf_puts(line, "- {seq: ");
    put_u64(line, w->seq + 1);
    strbuf_puts(line, ", ev: ");
    strbuf_puts(line, spec->name);
    for (const TfArgSpec *a = spec->args; a->field != TFF__COUNT; a++) {
        if (!((w->present >> a->field) & 1u)) {
            assert(a->presence == TF_OPT && "a required field is missing");
            continue;
        }
        strbuf_puts(line, ", ");
        strbuf_puts(line, tf_field_name(a->field));
        strbuf_puts(line, ": ");
        strbuf_put(line, w->vals.data + w->off[a->field], w->len[a->field]);
    }
    strbuf_puts(line, "}\n");
    if (w->err)
        return 0;
    /* Autoflush at job boundaries and where a run ends, not after every event: a
     * killed run then loses at most the events of the job it was in (stdio also writes
     * whenever its buffer fills; a line cut there is the reader's "truncated last
     * line"), and a run of 1.9M events no longer makes 1.9M write calls. */
    bool boundary =
        w->kind == EV_DONE || w->kind == EV_ERROR || w->kind == EV_LIMIT || w->kind == EV_EXIT;
    emit(w, line, w->autoflush && boundary);
    if (w->err)
        return 0;
    return ++w->seq;
}

uint64_t tf_write_event(TfWriter *w, const TraceEvent *ev) {
    tf_begin(w, ev->kind);
    for (int f = 0; f < TFF__COUNT; f++) {
        if (!tf_has(ev, (TfField)f))
            continue;
        const TfValue *v = &ev->f[f];
        switch (tf_field_type((TfField)f)) {
        case TFT_ID:
        case TFT_UINT:
            tf_field_uint(w, (TfField)f, v->u);
            break;
        case TFT_INT:
            tf_field_int(w, (TfField)f, v->i);
            break;
        case TFT_NUM:
            tf_field_num(w, (TfField)f, v->d);
            break;
        case TFT_BOOL:
            tf_field_bool(w, (TfField)f, v->b);
            break;
        case TFT_STR:
        case TFT_LOC:
            tf_field_strn(w, (TfField)f, v->s, v->len);
            break;
        case TFT_ENUM:
            if (v->e != TFV_UNKNOWN) {
                tf_field_enum(w, (TfField)f, v->e);
            } else {
                start_field(w, (TfField)f, 1u << TFT_ENUM);
                put_enum_word(&w->vals, v->s, v->len);
                end_field(w, (TfField)f);
            }
            break;
        default:
            assert(!"unknown field type");
        }
    }
    return tf_end(w);
}

uint64_t tf_writer_seq(const TfWriter *w) {
    return w->seq;
}

int tf_writer_error(const TfWriter *w) {
    return w->err;
}

int tf_writer_close(TfWriter *w) {
    tf_writer_flush(w);
    if (!w->err && fflush(w->f) != 0)
        w->err = errno ? errno : EIO;
    int err = w->err;
    free(w->obuf);
    strbuf_fini(&w->vals);
    strbuf_fini(&w->line);
    free(w);
    return err;
}
