/* trace_reader.c — see trace_reader.h. Three layers:
 *   input     a libyaml read handler that hands over only well-formed UTF-8 made of
 *             YAML-printable characters, counts lines as libyaml does, and knows
 *             whether the file ends with a line break (for the truncation rule);
 *   documents the stage machine header → `---` → sequence of events, over libyaml
 *             parse events (each deleted right after use, on every path);
 *   values    the typing of scalars per events.def, in the subset of YAML where 1.1
 *             and 1.2 agree (SPEC.md "Values").
 *
 * The fast path. libyaml turns every scalar into malloc'd tokens and events, which made
 * a 1M-event trace take seconds. The lines trace_writer.c writes are one narrow subset
 * of YAML: `- {key: value, key: "string", ...}` on one line, plain words or numbers, and
 * double-quoted strings with the writer's escapes. When the input is seekable and its
 * header ends at a `---` line, the header is parsed by libyaml from memory, and each
 * events line of that subset is split into the same RawFields read_pairs would produce
 * (same texts, styles, LINE:COL positions), straight from the input buffer. The first
 * line outside the subset (a comment, a multi-line mapping, a cut-off last line, bad
 * input, the end marker...) makes the reader fall back: it rewinds, parses again with
 * libyaml from the start and skips the entries already delivered, so every message,
 * warning and truncation rule is libyaml's, exactly as without the fast path.
 * TICKSCOPE_READER_SLOW=1 in the environment turns the fast path off (tests compare the
 * two). */
#include "formats/trace_reader.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "common/strbuf.h"
#include "common/util.h"
#include "formats/trace_escape.h"

#define INPUT_CAP 65536
#define MAX_FIELDS 256   /* more fields than this in one mapping is an error */
#define MAX_WARNED 64    /* distinct unknown-name warnings before they are suppressed */

enum { STAGE_START, STAGE_AFTER_HEADER, STAGE_IN_SEQ, STAGE_FINISHED };

/* One key/value pair of a mapping, kept until the mapping ends (values are typed only
 * then, when the event kind is known). Offsets point into the arena. */
typedef struct {
    size_t name_off, name_len;
    size_t val_off, val_len;
    yaml_scalar_style_t style;
    const char *collection; /* NULL for a scalar value, else "a mapping" / "a sequence" */
    TfPos key_pos, val_pos;
} RawField;

struct TfReader {
    FILE *f;
    char *name;
    TfReaderOptions opt;
    yaml_parser_t parser;

    /* ---- input (read_handler) ---- */
    unsigned char *buf;
    size_t buf_len, buf_pos, ok_end; /* [buf_pos, ok_end) is checked and not yet handed */
    bool eof, tail_cut, any_input;
    int io_err;
    uint64_t breaks;                 /* line breaks scanned so far */
    uint32_t col;                    /* characters since the last break */
    bool prev_cr, ends_with_break;
    bool bad_input;
    TfPos bad_pos;
    char bad_msg[160];

    /* ---- documents ---- */
    int stage;
    TfReadStatus final;              /* the status repeated once STAGE_FINISHED */
    bool have_header;
    TraceHeader hdr;
    StrBuf hdr_arena;
    TraceEvent ev;
    StrBuf arena;
    RawField *raw;
    size_t nraw, raw_cap;

    /* ---- the fast path ---- */
    bool input_set;        /* the parser's input is chosen (setup_input) */
    bool can_rewind;       /* the input is seekable: the fast path may be used */
    bool fast;             /* events lines are being parsed by fast_next */
    bool fast_doc_started; /* the events document's `---` line was read */
    off_t start_off;       /* where the input started */
    size_t hdr_end;        /* fast: the header's bytes are buf[0, hdr_end) */
    uint64_t fast_line;    /* fast: 0-based line number of buf[buf_pos] */
    uint64_t fast_entries; /* sequence entries the fast path consumed */
    uint64_t skip;         /* after a fall-back: entries to parse again and not deliver */

    /* field names → TfField, so that a name costs one hash and one compare */
    int16_t field_slot[256]; /* TfField + 1, or 0 for an empty slot */

    /* ---- reporting ---- */
    StrBuf msg;
    TfPos err_pos;
    bool truncated;
    StrBuf warned; /* NUL-separated texts of the unknown-name warnings given */
    int nwarned;
};

static void setup_input(TfReader *r);

/* ==== reporting ===================================================================== */

static TfPos pos_of(yaml_mark_t m) {
    TfPos p = {(uint32_t)m.line + 1, (uint32_t)m.column + 1};
    return p;
}

static TfReadStatus finish(TfReader *r, TfReadStatus st) {
    r->stage = STAGE_FINISHED;
    r->final = st;
    return st;
}

static void vformat_at(TfReader *r, StrBuf *out, TfPos pos, const char *fmt, va_list ap) {
    char body[1024];
    vsnprintf(body, sizeof body, fmt, ap);
    strbuf_clear(out);
    if (pos.line)
        strbuf_printf(out, "%s:%u:%u: %s", r->name, (unsigned)pos.line, (unsigned)pos.col, body);
    else
        strbuf_printf(out, "%s: %s", r->name, body);
}

static TfReadStatus fail(TfReader *r, TfPos pos, const char *fmt, ...) PRINTF_LIKE(3, 4);
static TfReadStatus fail(TfReader *r, TfPos pos, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vformat_at(r, &r->msg, pos, fmt, ap);
    va_end(ap);
    r->err_pos = pos;
    return finish(r, TF_READ_INVALID);
}

static void warn_at(TfReader *r, TfPos pos, const char *fmt, ...) PRINTF_LIKE(3, 4);
static void warn_at(TfReader *r, TfPos pos, const char *fmt, ...) {
    if (!r->opt.warn)
        return;
    char body[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(body, sizeof body, fmt, ap);
    va_end(ap);
    StrBuf sb;
    strbuf_init(&sb);
    strbuf_printf(&sb, "%s:%u:%u: warning: %s", r->name, (unsigned)pos.line, (unsigned)pos.col,
                  body);
    r->opt.warn(r->opt.warn_ctx, sb.data);
    strbuf_fini(&sb);
}

/* An unknown name (what = "unknown field 'x' in a run event"). Returns false after
 * failing the reader when the policy makes it an error (see trace_reader.h). */
static bool unknown_name(TfReader *r, TfPos pos, const char *what) {
    bool newer = r->hdr.minor > TF_VERSION_MINOR;
    if (r->opt.strict && !newer) {
        fail(r, pos, "%s (format %s has no such name)", what, TF_VERSION_TEXT);
        return false;
    }
    /* Warn once per distinct name, and stop after MAX_WARNED of them. */
    for (size_t off = 0; off < r->warned.len; off += strlen(r->warned.data + off) + 1)
        if (strcmp(r->warned.data + off, what) == 0)
            return true;
    if (r->nwarned++ >= MAX_WARNED)
        return true;
    strbuf_put(&r->warned, what, strlen(what) + 1);
    if (newer)
        warn_at(r, pos, "%s ignored (the trace is format %u.%u, this reader knows %s)", what,
                r->hdr.major, r->hdr.minor, TF_VERSION_TEXT);
    else
        warn_at(r, pos, "%s ignored (format %s has no such name)", what, TF_VERSION_TEXT);
    return true;
}

/* ==== input ========================================================================= */

/* YAML 1.1's c-printable set, which is also inside 1.2's. */
static bool yaml_printable(uint32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0x7E) || c == 0x85 ||
           (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

/* Count lines and columns the way libyaml's marks do: CR LF, CR, LF, NEL, LS and PS
 * are line breaks; a column is a character. */
static void account(TfReader *r, uint32_t c) {
    if (c == '\n' && r->prev_cr) {
        r->prev_cr = false;
        return;
    }
    bool brk = c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
    r->prev_cr = c == '\r';
    r->ends_with_break = brk;
    if (brk) {
        r->breaks++;
        r->col = 0;
    } else {
        r->col++;
    }
}

static void bad_input(TfReader *r, const char *fmt, ...) PRINTF_LIKE(2, 3);
static void bad_input(TfReader *r, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->bad_msg, sizeof r->bad_msg, fmt, ap);
    va_end(ap);
    r->bad_input = true;
    r->bad_pos.line = (uint32_t)r->breaks + 1;
    r->bad_pos.col = r->col + 1;
}

/* Extend ok_end over the complete, valid characters of buf. */
static void check_input(TfReader *r) {
    while (!r->bad_input && r->ok_end < r->buf_len) {
        /* printable ASCII and LF, the bulk of any trace, without decoding */
        const unsigned char *b = r->buf;
        size_t i = r->ok_end, end = r->buf_len;
        while (i < end) {
            unsigned char c = b[i];
            if (c >= 0x20 && c < 0x7F) {
                size_t j = i + 1;
                while (j < end && b[j] >= 0x20 && b[j] < 0x7F)
                    j++;
                r->col += (uint32_t)(j - i);
                r->prev_cr = false;
                r->ends_with_break = false;
                i = j;
                continue;
            } else if (c == '\n' && !r->prev_cr) {
                r->breaks++;
                r->col = 0;
                r->ends_with_break = true;
            } else {
                break;
            }
            i++;
        }
        r->ok_end = i;
        if (i == end)
            return;
        uint32_t c;
        bool incomplete;
        size_t len = tf_utf8_decode(r->buf + r->ok_end, r->buf_len - r->ok_end, &c, &incomplete);
        if (c == 0xFFFFFFFFu) {
            if (incomplete && !r->eof)
                return; /* wait for the rest of the character */
            if (incomplete) {
                /* The file ends inside a character: a write cut short. Drop it; the
                 * truncation rule decides what that line means. */
                r->tail_cut = true;
                r->ends_with_break = false;
                r->buf_len = r->ok_end;
                return;
            }
            bad_input(r, "invalid UTF-8 (byte 0x%02X); a trace is UTF-8 text",
                      r->buf[r->ok_end]);
            return;
        }
        if (!yaml_printable(c)) {
            bad_input(r, "character U+%04X is not allowed in YAML; inside a string write it "
                         "as an escape",
                      (unsigned)c);
            return;
        }
        account(r, c);
        r->ok_end += len;
    }
}

/* Read more of the file into buf. False at the end (or on a read error, bad input). */
static bool fill(TfReader *r) {
    if (r->eof || r->bad_input || r->io_err)
        return false;
    memmove(r->buf, r->buf + r->buf_pos, r->buf_len - r->buf_pos);
    r->buf_len -= r->buf_pos;
    r->ok_end -= r->buf_pos;
    r->buf_pos = 0;
    errno = 0;
    size_t got = fread(r->buf + r->buf_len, 1, INPUT_CAP - r->buf_len, r->f);
    if (got == 0) {
        if (ferror(r->f)) {
            r->io_err = errno ? errno : EIO;
            return false;
        }
        r->eof = true;
    }
    r->any_input |= got > 0;
    r->buf_len += got;
    check_input(r);
    return true;
}

static int read_handler(void *data, unsigned char *buffer, size_t size, size_t *size_read) {
    TfReader *r = data;
    for (;;) {
        if (r->buf_pos < r->ok_end) {
            size_t n = r->ok_end - r->buf_pos;
            if (n > size)
                n = size;
            memcpy(buffer, r->buf + r->buf_pos, n);
            r->buf_pos += n;
            *size_read = n;
            return 1;
        }
        if (!fill(r)) {
            *size_read = 0;
            return r->io_err ? 0 : 1; /* end of input for libyaml (or a read error) */
        }
    }
}

/* Scan the rest of the file (without parsing it), to learn where it ends. */
static void drain(TfReader *r) {
    do
        r->buf_pos = r->ok_end;
    while (fill(r));
}

/* Is a problem at mark m (with context mark ctx, or NULL) the cut-off last line of a
 * killed run? Only when the file does not end with a line break and both marks are on
 * its last line. (At the end of the stream libyaml moves its mark to column 0 of the
 * line after the last, as if a line break ended the file: that counts as the last line.) */
static bool on_line(const yaml_mark_t *m, uint64_t line) {
    return m->line == line || (m->line == line + 1 && m->column == 0);
}

static bool on_cut_last_line(TfReader *r, const yaml_mark_t *m, const yaml_mark_t *ctx) {
    drain(r);
    if (r->io_err || r->bad_input || !r->any_input)
        return false;
    if (r->ends_with_break && !r->tail_cut)
        return false;
    uint64_t last = r->breaks; /* 0-based index of the last line */
    return on_line(m, last) && (!ctx || on_line(ctx, last));
}

static TfReadStatus end_truncated(TfReader *r) {
    r->truncated = true;
    TfPos p = {(uint32_t)r->breaks + 1, 1};
    warn_at(r, p, "truncated last line ignored (the run was probably killed while writing it)");
    return finish(r, TF_READ_END);
}

/* ==== documents ===================================================================== */

/* The failure of yaml_parser_parse, as our status. */
static TfReadStatus parse_error(TfReader *r) {
    yaml_parser_t *p = &r->parser;
    if (r->io_err) {
        TfPos none = {0, 0};
        r->err_pos = none;
        strbuf_clear(&r->msg);
        strbuf_printf(&r->msg, "%s: read error: %s", r->name, strerror(r->io_err));
        return finish(r, TF_READ_IO);
    }
    if (r->bad_input)
        return fail(r, r->bad_pos, "%s", r->bad_msg);
    if (p->error == YAML_MEMORY_ERROR)
        die(EXIT_NOMEM, "out of memory while parsing %s", r->name);
    if (p->error == YAML_READER_ERROR) {
        TfPos none = {0, 0};
        return fail(r, none, "%s (at byte %zu)", p->problem ? p->problem : "unreadable input",
                    p->problem_offset);
    }
    if (r->stage >= STAGE_IN_SEQ &&
        on_cut_last_line(r, &p->problem_mark, p->context ? &p->context_mark : NULL))
        return end_truncated(r);
    if (r->bad_input) /* found while looking for the end: the file is also not text */
        return fail(r, r->bad_pos, "%s", r->bad_msg);
    TfPos pos = pos_of(p->problem_mark);
    if (p->context)
        return fail(r, pos, "%s (%s at %u:%u)", p->problem, p->context,
                    (unsigned)p->context_mark.line + 1, (unsigned)p->context_mark.column + 1);
    return fail(r, pos, "%s", p->problem ? p->problem : "invalid YAML");
}

/* Pull the next parse event into *e. On failure, returns false and the reader has
 * finished (r->final says how); *e then needs no yaml_event_delete. */
static bool pull(TfReader *r, yaml_event_t *e) {
    if (yaml_parser_parse(&r->parser, e))
        return true;
    parse_error(r);
    return false;
}

static const char *event_noun(yaml_event_type_t t) {
    switch (t) {
    case YAML_MAPPING_START_EVENT:
        return "a mapping";
    case YAML_SEQUENCE_START_EVENT:
        return "a sequence";
    case YAML_SCALAR_EVENT:
        return "a scalar";
    case YAML_ALIAS_EVENT:
        return "an alias";
    default:
        return "the end of the document";
    }
}

/* Skip the rest of a collection whose start event was just pulled. */
static bool skip_collection(TfReader *r) {
    int depth = 1;
    while (depth > 0) {
        yaml_event_t e;
        if (!pull(r, &e))
            return false;
        if (e.type == YAML_MAPPING_START_EVENT || e.type == YAML_SEQUENCE_START_EVENT)
            depth++;
        else if (e.type == YAML_MAPPING_END_EVENT || e.type == YAML_SEQUENCE_END_EVENT)
            depth--;
        yaml_event_delete(&e);
    }
    return true;
}

static bool has_properties(const yaml_event_t *e) {
    if (e->type == YAML_SCALAR_EVENT)
        return e->data.scalar.anchor || e->data.scalar.tag;
    if (e->type == YAML_MAPPING_START_EVENT)
        return e->data.mapping_start.anchor || e->data.mapping_start.tag;
    if (e->type == YAML_SEQUENCE_START_EVENT)
        return e->data.sequence_start.anchor || e->data.sequence_start.tag;
    return false;
}

static size_t arena_put(StrBuf *arena, const void *s, size_t n) {
    size_t off = arena->len;
    strbuf_put(arena, s, n);
    strbuf_putc(arena, '\0');
    return off;
}

/* Read the pairs of the mapping whose MAPPING_START was just pulled into r->raw, the
 * texts into arena. what names the mapping in messages ("field", "header key"). */
static bool read_pairs(TfReader *r, StrBuf *arena, const char *what) {
    r->nraw = 0;
    for (;;) {
        yaml_event_t k;
        if (!pull(r, &k))
            return false;
        if (k.type == YAML_MAPPING_END_EVENT) {
            yaml_event_delete(&k);
            return true;
        }
        TfPos kpos = pos_of(k.start_mark);
        if (k.type != YAML_SCALAR_EVENT || has_properties(&k)) {
            const char *noun = k.type == YAML_SCALAR_EVENT ? "a tagged or anchored scalar"
                                                           : event_noun(k.type);
            yaml_event_delete(&k);
            fail(r, kpos, "a %s name must be a plain word, not %s", what, noun);
            return false;
        }
        const char *name = (const char *)k.data.scalar.value;
        size_t name_len = k.data.scalar.length;
        for (size_t i = 0; i < r->nraw; i++) {
            const RawField *o = &r->raw[i];
            if (o->name_len == name_len && memcmp(arena->data + o->name_off, name, name_len) == 0) {
                fail(r, kpos, "duplicate %s '%.*s' (first at %u:%u)", what, (int)name_len, name,
                     (unsigned)o->key_pos.line, (unsigned)o->key_pos.col);
                yaml_event_delete(&k);
                return false;
            }
        }
        if (r->nraw == MAX_FIELDS) {
            yaml_event_delete(&k);
            fail(r, kpos, "more than %d %ss in one mapping", MAX_FIELDS, what);
            return false;
        }
        if (r->nraw == r->raw_cap) {
            r->raw_cap = r->raw_cap ? 2 * r->raw_cap : 32;
            r->raw = xrealloc(r->raw, r->raw_cap * sizeof *r->raw);
        }
        RawField *rf = &r->raw[r->nraw++];
        memset(rf, 0, sizeof *rf);
        rf->key_pos = kpos;
        rf->name_off = arena_put(arena, name, name_len);
        rf->name_len = name_len;
        yaml_event_delete(&k);

        yaml_event_t v;
        if (!pull(r, &v))
            return false;
        rf->val_pos = pos_of(v.start_mark);
        if (has_properties(&v) || v.type == YAML_ALIAS_EVENT) {
            yaml_event_delete(&v);
            fail(r, rf->val_pos, "anchors, aliases and tags are not used in traces");
            return false;
        }
        if (v.type == YAML_SCALAR_EVENT) {
            rf->val_off = arena_put(arena, v.data.scalar.value, v.data.scalar.length);
            rf->val_len = v.data.scalar.length;
            rf->style = v.data.scalar.style;
            yaml_event_delete(&v);
        } else {
            rf->collection = event_noun(v.type);
            rf->val_off = arena_put(arena, "", 0);
            yaml_event_delete(&v);
            if (!skip_collection(r))
                return false;
        }
    }
}

/* ==== values ======================================================================== */

static bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

/* -?(0|[1-9][0-9]*) within int64 (a leading zero is octal in YAML 1.1: refused). */
static bool parse_integer(const char *s, size_t n, int64_t *out) {
    size_t i = 0;
    bool neg = n > 0 && s[0] == '-';
    i = neg;
    if (i == n || (s[i] == '0' && n - i > 1))
        return false;
    uint64_t mag = 0;
    for (; i < n; i++) {
        if (!is_digit(s[i]))
            return false;
        unsigned d = (unsigned)(s[i] - '0');
        if (mag > (UINT64_MAX - d) / 10)
            return false;
        mag = mag * 10 + d;
    }
    if (neg ? mag > (uint64_t)INT64_MAX + 1 : mag > (uint64_t)INT64_MAX)
        return false;
    *out = neg ? (int64_t)(0 - mag) : (int64_t)mag;
    return true;
}

/* An integer, -?[0-9]+\.[0-9]*([eE][-+][0-9]+)?, or [-+]?.inf / .nan in YAML's case
 * variants: the spellings YAML 1.1 and 1.2 both read as the same number. */
static bool parse_number(const char *s, size_t n, double *out) {
    int64_t iv;
    if (parse_integer(s, n, &iv)) {
        *out = strtod(s, NULL); /* exact for the decimal text, even above 2^53 */
        return true;
    }
    static const char *const specials[] = {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF",
                                           "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN"};
    for (size_t k = 0; k < sizeof specials / sizeof specials[0]; k++)
        if (strlen(specials[k]) == n && memcmp(specials[k], s, n) == 0) {
            bool nan = s[n - 1] == 'n' || s[n - 1] == 'N';
            *out = nan ? (double)NAN : s[0] == '-' ? -(double)INFINITY : (double)INFINITY;
            return true;
        }
    size_t i = s[0] == '-';
    size_t d0 = i;
    while (i < n && is_digit(s[i]))
        i++;
    if (i == d0 || i == n || s[i] != '.')
        return false;
    i++;
    while (i < n && is_digit(s[i]))
        i++;
    if (i < n) {
        if ((s[i] != 'e' && s[i] != 'E') || i + 2 >= n || (s[i + 1] != '+' && s[i + 1] != '-'))
            return false;
        i += 2;
        size_t e0 = i;
        while (i < n && is_digit(s[i]))
            i++;
        if (i == e0 || i != n)
            return false;
    }
    *out = strtod(s, NULL);
    return true;
}

/* Would a YAML 1.1 or 1.2 reader resolve this plain scalar to something other than a
 * string (null, a boolean, a number)? */
static bool plain_is_not_string(const char *s, size_t n) {
    static const char *const words[] = {"~", "null", "y", "n", "yes", "no", "on", "off", "true",
                                        "false"};
    if (n == 0)
        return true;
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if (strlen(words[k]) == n && strncasecmp(words[k], s, n) == 0)
            return true;
    size_t i = s[0] == '-' || s[0] == '+';
    if (i < n && is_digit(s[i]))
        return true;
    if (i < n && s[i] == '.' && (i + 1 == n || is_digit(s[i + 1]) ||
                                 strncasecmp(s + i, ".inf", 4) == 0 ||
                                 strncasecmp(s + i, ".nan", 4) == 0))
        return true;
    return false;
}

static const char *type_phrase(TfType t) {
    switch (t) {
    case TFT_ID:
        return "an id (an integer >= 1)";
    case TFT_UINT:
        return "an integer >= 0";
    case TFT_INT:
        return "an integer";
    case TFT_NUM:
        return "a number";
    case TFT_BOOL:
        return "true or false";
    case TFT_STR:
        return "a string";
    case TFT_LOC:
        return "a location \"PATH:LINE:COL\"";
    case TFT_ENUM:
        return "a word";
    default:
        return "a value";
    }
}

/* The value as written, for messages: plain text as is, quoted text re-escaped, at most
 * about 40 bytes. */
static void describe(StrBuf *out, const StrBuf *arena, const RawField *rf) {
    if (rf->collection) {
        strbuf_puts(out, rf->collection);
        return;
    }
    const char *s = arena->data + rf->val_off;
    size_t n = rf->val_len > 40 ? 40 : rf->val_len;
    if (rf->style == YAML_PLAIN_SCALAR_STYLE) {
        if (n == 0)
            strbuf_puts(out, "nothing (null)");
        else
            strbuf_put(out, s, n);
    } else {
        tf_escape_string(out, s, n);
    }
    if (n < rf->val_len)
        strbuf_puts(out, "...");
}

static void set_words(StrBuf *out, TfSet set) {
    TfEnumValue first;
    int count;
    tf_set_values(set, &first, &count);
    for (int i = 0; i < count; i++) {
        if (i)
            strbuf_puts(out, i == count - 1 ? " or " : ", ");
        strbuf_puts(out, tf_enum_text((TfEnumValue)(first + i)));
    }
}

/* Type the raw value rf as `type` (enum words from `set`) into *v. label (and, when not
 * NULL, "." sub after it) is what the message calls the value ("enqueue.job", "header
 * key 'host'"); it is only formatted when there is a message. Returns false after
 * failing the reader. */
static bool type_value(TfReader *r, const StrBuf *arena, const RawField *rf, TfType type,
                       TfSet set, const char *label_a, const char *sub, TfValue *v) {
    char label[96];
#define LABEL()                                                                                    \
    (snprintf(label, sizeof label, "%s%s%s", label_a, sub ? "." : "", sub ? sub : ""), label)
    const char *s = arena->data + rf->val_off;
    size_t n = rf->val_len;
    bool plain = rf->style == YAML_PLAIN_SCALAR_STYLE;
    bool ok = !rf->collection;
    memset(v, 0, sizeof *v);
    v->pos = rf->val_pos;
    v->s = s;
    v->len = n;
    int64_t iv = 0;
    if (ok) {
        switch (type) {
        case TFT_ID:
        case TFT_UINT:
            ok = plain && parse_integer(s, n, &iv) && iv >= (type == TFT_ID ? 1 : 0);
            v->u = (uint64_t)iv;
            break;
        case TFT_INT:
            ok = plain && parse_integer(s, n, &iv);
            v->i = iv;
            break;
        case TFT_NUM:
            ok = plain && parse_number(s, n, &v->d);
            break;
        case TFT_BOOL:
            ok = plain && ((n == 4 && memcmp(s, "true", 4) == 0) ||
                           (n == 5 && memcmp(s, "false", 5) == 0));
            v->b = n == 4;
            break;
        case TFT_STR:
            ok = !plain || !plain_is_not_string(s, n);
            break;
        case TFT_LOC:
            ok = (!plain || !plain_is_not_string(s, n)) && tf_loc_parse(s, n, NULL, NULL, NULL);
            break;
        case TFT_ENUM:
            ok = (!plain || !plain_is_not_string(s, n)) && n > 0;
            if (ok) {
                v->e = tf_enum_by_text(set, s, n);
                if (v->e == TFV_UNKNOWN) {
                    StrBuf what;
                    strbuf_init(&what);
                    strbuf_printf(&what, "%s: unknown value '%.*s' (known: ", LABEL(), (int)n, s);
                    set_words(&what, set);
                    strbuf_putc(&what, ')');
                    bool go_on = unknown_name(r, rf->val_pos, what.data);
                    strbuf_fini(&what);
                    return go_on;
                }
            }
            break;
        default:
            ok = false;
        }
    }
    if (ok)
        return true;
    StrBuf found;
    strbuf_init(&found);
    describe(&found, arena, rf);
    if (type == TFT_ENUM) {
        StrBuf words;
        strbuf_init(&words);
        set_words(&words, set);
        fail(r, rf->val_pos, "%s: expected one of %s, found %s", LABEL(), words.data,
             found.data);
        strbuf_fini(&words);
    } else {
        fail(r, rf->val_pos, "%s: expected %s, found %s", LABEL(), type_phrase(type), found.data);
    }
    strbuf_fini(&found);
    return false;
#undef LABEL
}

/* ==== the header ==================================================================== */

static const RawField *find_raw(const TfReader *r, const StrBuf *arena, const char *name) {
    size_t n = strlen(name);
    for (size_t i = 0; i < r->nraw; i++)
        if (r->raw[i].name_len == n && memcmp(arena->data + r->raw[i].name_off, name, n) == 0)
            return &r->raw[i];
    return NULL;
}

/* "1.0" → 1, 0 */
static bool parse_version(const char *s, unsigned *major, unsigned *minor) {
    char *end;
    if (!is_digit(s[0]))
        return false;
    unsigned long a = strtoul(s, &end, 10);
    if (*end != '.' || !is_digit(end[1]))
        return false;
    unsigned long b = strtoul(end + 1, &end, 10);
    if (*end || a > 1000 || b > 1000000)
        return false;
    *major = (unsigned)a;
    *minor = (unsigned)b;
    return true;
}

static TfReadStatus check_header(TfReader *r) {
    StrBuf *arena = &r->hdr_arena;
    TraceHeader *h = &r->hdr;
    TfValue v;

    const RawField *fmt = find_raw(r, arena, "format");
    if (!fmt)
        return fail(r, h->pos, "header: missing key 'format' (is this a tickscope trace?)");
    if (!type_value(r, arena, fmt, TFT_STR, TFS_NONE, "header key 'format'", NULL, &v))
        return r->final;
    if (strcmp(v.s, TF_FORMAT_NAME) != 0)
        return fail(r, v.pos, "header: format is \"%s\", not \"%s\"", v.s, TF_FORMAT_NAME);
    const RawField *ver = find_raw(r, arena, "version");
    if (!ver)
        return fail(r, h->pos, "header: missing key 'version'");
    if (!type_value(r, arena, ver, TFT_STR, TFS_NONE, "header key 'version'", NULL, &v))
        return r->final;
    if (!parse_version(v.s, &h->major, &h->minor))
        return fail(r, v.pos, "header: version \"%s\" is not MAJOR.MINOR", v.s);
    if (h->major != TF_VERSION_MAJOR)
        return fail(r, v.pos, "header: unsupported format version %s (this reader reads %d.x)",
                    v.s, TF_VERSION_MAJOR);

    int nspecs;
    const TfHeaderSpec *specs = tf_header_specs(&nspecs);
    for (size_t i = 0; i < r->nraw; i++) {
        const RawField *rf = &r->raw[i];
        const char *name = arena->data + rf->name_off;
        int key = tf_header_by_name(name, rf->name_len);
        if (key < 0) {
            StrBuf what;
            strbuf_init(&what);
            strbuf_printf(&what, "unknown header key '%s'", name);
            bool go_on = unknown_name(r, rf->key_pos, what.data);
            strbuf_fini(&what);
            if (!go_on)
                return r->final;
            continue;
        }
        const TfHeaderSpec *hs = &specs[key];
        char label[64];
        snprintf(label, sizeof label, "header key '%s'", hs->key);
        if (!type_value(r, arena, rf, hs->type, hs->set, label, NULL, &v))
            return r->final;
        h->key_pos[key] = v.pos;
        char *member = (char *)h + hs->offset;
        switch (hs->type) {
        case TFT_STR:
        case TFT_ENUM:
            *(const char **)member = (const char *)(uintptr_t)rf->val_off; /* fixed below */
            break;
        case TFT_BOOL:
            *(bool *)member = v.b;
            break;
        case TFT_UINT:
            *(uint64_t *)member = v.u;
            break;
        case TFT_NUM:
            *(double *)member = v.d;
            break;
        default:
            break;
        }
        h->present |= (uint64_t)1 << key;
    }
    /* Offsets become pointers now that the arena no longer grows. */
    for (int k = 0; k < nspecs; k++) {
        if (!((h->present >> k) & 1u) || (specs[k].type != TFT_STR && specs[k].type != TFT_ENUM))
            continue;
        const char **member = (const char **)((char *)h + specs[k].offset);
        *member = arena->data + (size_t)(uintptr_t)*member;
    }
    for (int k = 0; k < nspecs; k++)
        if (specs[k].presence == TF_REQ && !((h->present >> k) & 1u))
            return fail(r, h->pos, "header: missing key '%s'", specs[k].key);
    return TF_READ_OK;
}

TfReadStatus tf_reader_header(TfReader *r, const TraceHeader **out) {
    if (r->have_header) {
        *out = &r->hdr;
        return TF_READ_OK;
    }
    if (r->stage == STAGE_FINISHED)
        return r->final;
    setup_input(r);
    yaml_event_t e;
    if (!pull(r, &e))
        return r->final; /* STREAM_START cannot fail but for the input */
    yaml_event_delete(&e);
    if (!pull(r, &e))
        return r->final;
    if (e.type == YAML_STREAM_END_EVENT) {
        yaml_event_delete(&e);
        if (r->bad_input)
            return fail(r, r->bad_pos, "%s", r->bad_msg);
        TfPos p = {1, 1};
        return fail(r, p, "empty file: a trace starts with its header document");
    }
    yaml_event_delete(&e); /* DOCUMENT_START */
    if (!pull(r, &e))
        return r->final;
    r->hdr.pos = pos_of(e.start_mark);
    if (e.type != YAML_MAPPING_START_EVENT) {
        const char *noun = event_noun(e.type);
        yaml_event_delete(&e);
        return fail(r, r->hdr.pos,
                    "missing header: the first document must be a mapping (format: "
                    "tickscope-trace, version: ...), not %s",
                    noun);
    }
    yaml_event_delete(&e);
    if (!read_pairs(r, &r->hdr_arena, "header key"))
        return r->final;
    TfReadStatus st = check_header(r);
    if (st != TF_READ_OK)
        return st;
    if (!pull(r, &e))
        return r->final;
    yaml_event_delete(&e); /* DOCUMENT_END */
    r->have_header = true;
    r->stage = STAGE_AFTER_HEADER;
    if (r->fast && !r->fast_doc_started && r->fast_entries == 0 && r->buf_pos == 0) {
        /* the header came from buf[0, hdr_end): the events document starts there */
        r->buf_pos = r->hdr_end;
        for (size_t i = 0; i < r->hdr_end; i++)
            r->fast_line += r->buf[i] == '\n';
    }
    *out = &r->hdr;
    return TF_READ_OK;
}

/* ==== events ======================================================================== */

static unsigned name_hash(const char *s, size_t n) {
    unsigned h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static void field_table_init(TfReader *r) {
    for (int f = 0; f < TFF__COUNT; f++) {
        const char *name = tf_field_name((TfField)f);
        unsigned h = name_hash(name, strlen(name)) & 255;
        while (r->field_slot[h])
            h = (h + 1) & 255;
        r->field_slot[h] = (int16_t)(f + 1);
    }
}

/* tf_field_by_name through the table. */
static int field_by_name(const TfReader *r, const char *name, size_t len) {
    for (unsigned h = name_hash(name, len) & 255;; h = (h + 1) & 255) {
        int f = r->field_slot[h] - 1;
        if (f < 0)
            return -1;
        const char *fn = tf_field_name((TfField)f);
        if (strlen(fn) == len && memcmp(fn, name, len) == 0)
            return f;
    }
}

/* Type the pairs in r->raw as an event; TF_READ_OK, TF_READ_END (skipped: unknown
 * kind, not an error) or a failure. */
static TfReadStatus build_event(TfReader *r, TfPos map_pos) {
    StrBuf *arena = &r->arena;
    TraceEvent *ev = &r->ev;
    tf_event_init(ev, EV_UNKNOWN);
    ev->pos = map_pos;

    const RawField *evf = find_raw(r, arena, "ev");
    if (!evf)
        return fail(r, map_pos, "missing field 'ev' (the event kind)");
    TfValue kv;
    if (!type_value(r, arena, evf, TFT_STR, TFS_NONE, "ev", NULL, &kv))
        return r->final;
    ev->kind = tf_event_by_name(kv.s, kv.len);
    ev->kind_pos = kv.pos;
    if (ev->kind == EV_UNKNOWN) {
        StrBuf what;
        strbuf_init(&what);
        strbuf_printf(&what, "unknown event kind '%s'", kv.s);
        bool go_on = unknown_name(r, kv.pos, what.data);
        strbuf_fini(&what);
        return go_on ? TF_READ_END : r->final;
    }
    const char *kname = tf_event_name(ev->kind);
    bool has_seq = false;
    size_t str_off[TFF__COUNT];
    for (size_t i = 0; i < r->nraw; i++) {
        const RawField *rf = &r->raw[i];
        const char *name = arena->data + rf->name_off;
        TfValue v;
        if (rf == evf)
            continue;
        if (strcmp(name, "seq") == 0) {
            if (!type_value(r, arena, rf, TFT_ID, TFS_NONE, "seq", NULL, &v))
                return r->final;
            ev->seq = v.u;
            ev->seq_pos = v.pos;
            has_seq = true;
            continue;
        }
        int f = field_by_name(r, name, rf->name_len);
        const TfArgSpec *a = f >= 0 ? tf_event_arg(ev->kind, (TfField)f) : NULL;
        if (!a) {
            StrBuf what;
            strbuf_init(&what);
            strbuf_printf(&what, "unknown field '%s' in a%s %s event", name,
                          strchr("aeiou", kname[0]) ? "n" : "", kname);
            bool go_on = unknown_name(r, rf->key_pos, what.data);
            strbuf_fini(&what);
            if (!go_on)
                return r->final;
            continue;
        }
        if (!type_value(r, arena, rf, tf_field_type((TfField)f), a->set, kname, name, &v))
            return r->final;
        ev->f[f] = v;
        str_off[f] = rf->val_off;
        ev->present |= (uint64_t)1 << f;
    }
    if (!has_seq)
        return fail(r, map_pos, "missing field 'seq'");
    const TfEventSpec *spec = tf_event_spec(ev->kind);
    for (const TfArgSpec *a = spec->args; a->field != TFF__COUNT; a++)
        if (a->presence == TF_REQ && !tf_has(ev, a->field))
            return fail(r, map_pos, "missing field '%s' (required in %s events)",
                        tf_field_name(a->field), kname);
    for (int f = 0; f < TFF__COUNT; f++)
        if (tf_has(ev, (TfField)f))
            ev->f[f].s = arena->data + str_off[f];
    ev->kind_name = kname;
    return TF_READ_OK;
}

/* After the events sequence: the end of the document and of the stream. */
static TfReadStatus read_tail(TfReader *r) {
    yaml_event_t e;
    if (!pull(r, &e))
        return r->final;
    yaml_event_delete(&e); /* DOCUMENT_END */
    if (!pull(r, &e))
        return r->final;
    yaml_event_type_t t = e.type;
    TfPos p = pos_of(e.start_mark);
    yaml_event_delete(&e);
    if (t != YAML_STREAM_END_EVENT)
        return fail(r, p, "a third document: a trace has a header and one events document");
    if (r->bad_input)
        return fail(r, r->bad_pos, "%s", r->bad_msg);
    if (r->tail_cut)
        return end_truncated(r);
    return finish(r, TF_READ_END);
}

/* ==== the fast path (see the top of this file) ====================================== */

/* Choose the parser's input, once, before the first parse. */
static void setup_input(TfReader *r) {
    if (r->input_set)
        return;
    r->input_set = true;
    if (r->can_rewind) {
        fill(r);
        /* The header: lines that are empty, comments, `%` directives, a first `---`, or
         * block-mapping keys at column 0 (no continuation lines), up to a `---` line. */
        const unsigned char *b = r->buf;
        size_t i = 0, n = r->ok_end;
        bool content = false;
        while (!r->bad_input && i < n) {
            const unsigned char *nl = memchr(b + i, '\n', n - i);
            if (!nl)
                break;
            size_t len = (size_t)(nl - (b + i));
            const unsigned char *l = b + i;
            bool marker = len >= 3 && memcmp(l, "---", 3) == 0 && (len == 3 || l[3] == ' ');
            if (marker && content) {
                if (len != 3)
                    break;
                r->hdr_end = i;
                r->fast = true;
                break;
            }
            if (memchr(l, '\r', len))
                break;
            if (len > 0 && l[0] != '#' && l[0] != '%' && !marker) {
                if (!((l[0] >= 'a' && l[0] <= 'z') || (l[0] >= 'A' && l[0] <= 'Z') || l[0] == '_'))
                    break;
                content = true;
            }
            i += len + 1;
        }
    }
    if (r->fast) {
        yaml_parser_set_input_string(&r->parser, r->buf, r->hdr_end);
    } else {
        yaml_parser_set_input(&r->parser, read_handler, r);
    }
}

static TfReadStatus io_failure(TfReader *r, int err) {
    TfPos none = {0, 0};
    r->err_pos = none;
    strbuf_clear(&r->msg);
    strbuf_printf(&r->msg, "%s: read error: %s", r->name, strerror(err));
    return finish(r, TF_READ_IO);
}

/* Leave the fast path: read the input again from its start with libyaml, and skip the
 * sequence entries the fast path has delivered (r->skip). The header is parsed again
 * (to the same values; its warnings are not repeated). */
static TfReadStatus fall_back(TfReader *r) {
    r->fast = false;
    r->skip = r->fast_entries;
    clearerr(r->f);
    if (fseeko(r->f, r->start_off, SEEK_SET) != 0)
        return io_failure(r, errno ? errno : EIO);
    r->buf_len = r->buf_pos = r->ok_end = 0;
    r->eof = r->tail_cut = r->any_input = r->bad_input = r->prev_cr = false;
    r->io_err = 0;
    r->breaks = 0;
    r->col = 0;
    r->ends_with_break = true;
    yaml_parser_delete(&r->parser);
    if (!yaml_parser_initialize(&r->parser))
        die(EXIT_NOMEM, "out of memory (initialising the YAML parser)");
    yaml_parser_set_input(&r->parser, read_handler, r);
    r->have_header = false;
    r->stage = STAGE_START;
    strbuf_clear(&r->hdr_arena);
    const TraceHeader *h;
    return tf_reader_header(r, &h);
}

static int hexval(unsigned char c) {
    return c >= '0' && c <= '9' ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

static void put_utf8(StrBuf *sb, uint32_t cp) {
    char u[4];
    size_t k;
    if (cp < 0x80) {
        u[0] = (char)cp;
        k = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        k = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        k = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        k = 4;
    }
    strbuf_put(sb, u, k);
}

static bool key_char(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* Characters of a plain value in the subset: words and numbers (`-1`, `.inf`, `2.5e-07`). */
static bool plain_char(unsigned char c) {
    return key_char(c) || c == '-' || c == '.' || c == '+';
}

/* Split one events line s[0..n) (without its newline) into r->raw and r->arena, as
 * read_pairs would from libyaml's events. False when the line is not in the subset
 * (nothing is reported: the caller falls back to libyaml). */
static bool fast_line(TfReader *r, const unsigned char *s, size_t n, TfPos *map_pos) {
    uint32_t line = (uint32_t)r->fast_line + 1;
    StrBuf *arena = &r->arena;
    if (n < 4 || s[0] != '-' || s[1] != ' ' || s[2] != '{')
        return false;
    map_pos->line = line;
    map_pos->col = 3;
    size_t i = 3;
    uint32_t cc = 3; /* characters before s[i]: libyaml's columns count characters */
    r->nraw = 0;
    if (s[i] == '}')
        return i + 1 == n;
    for (;;) {
        size_t k0 = i;
        uint32_t kc = cc;
        while (i < n && key_char(s[i]))
            i++;
        if (i == k0 || i + 2 >= n || s[i] != ':' || s[i + 1] != ' ')
            return false;
        size_t name_len = i - k0;
        cc += (uint32_t)(i - k0) + 2;
        i += 2;
        for (size_t j = 0; j < r->nraw; j++)
            if (r->raw[j].name_len == name_len &&
                memcmp(arena->data + r->raw[j].name_off, s + k0, name_len) == 0)
                return false; /* duplicate: libyaml's path reports it */
        if (r->nraw == MAX_FIELDS)
            return false;
        if (r->nraw == r->raw_cap) {
            r->raw_cap = r->raw_cap ? 2 * r->raw_cap : 32;
            r->raw = xrealloc(r->raw, r->raw_cap * sizeof *r->raw);
        }
        RawField *rf = &r->raw[r->nraw++];
        memset(rf, 0, sizeof *rf);
        rf->key_pos.line = rf->val_pos.line = line;
        rf->key_pos.col = kc + 1;
        rf->val_pos.col = cc + 1;
        rf->name_off = arena_put(arena, s + k0, name_len);
        rf->name_len = name_len;
        if (s[i] == '"') {
            rf->style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
            rf->val_off = arena->len;
            i++;
            cc++;
            for (;;) {
                size_t run = i;
                while (i < n && s[i] >= 0x20 && s[i] < 0x7F && s[i] != '"' && s[i] != '\\')
                    i++;
                strbuf_put(arena, (const char *)s + run, i - run);
                cc += (uint32_t)(i - run);
                if (i >= n)
                    return false;
                unsigned char c = s[i];
                if (c == '"') {
                    i++;
                    cc++;
                    break;
                }
                if (c == '\\') {
                    if (i + 1 >= n)
                        return false;
                    unsigned char e = s[i + 1];
                    int digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
                    static const char simple[] = "0\0a\ab\bt\tn\nv\vf\fr\re\x1b\"\"\\\\//";
                    if (!digits) {
                        const char *m = NULL;
                        for (size_t q = 0; q + 1 < sizeof simple; q += 2)
                            if ((unsigned char)simple[q] == e) {
                                m = simple + q + 1;
                                break;
                            }
                        if (!m)
                            return false;
                        strbuf_putc(arena, *m);
                        i += 2;
                        cc += 2;
                        continue;
                    }
                    if (i + 2 + (size_t)digits > n)
                        return false;
                    uint32_t cp = 0;
                    for (int d = 0; d < digits; d++) {
                        int h = hexval(s[i + 2 + d]);
                        if (h < 0)
                            return false;
                        cp = cp << 4 | (uint32_t)h;
                    }
                    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
                        return false;
                    put_utf8(arena, cp);
                    i += 2 + (size_t)digits;
                    cc += 2 + (uint32_t)digits;
                    continue;
                }
                if (c == '\t') {
                    strbuf_putc(arena, '\t');
                    i++;
                    cc++;
                    continue;
                }
                if (c < 0x80) /* other controls, DEL: libyaml's path decides */
                    return false;
                /* a UTF-8 character (checked by check_input); not the ones libyaml
                 * treats as line breaks (NEL, LS, PS) or a BOM */
                if ((c == 0xC2 && i + 1 < n && s[i + 1] == 0x85) ||
                    (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 &&
                     (s[i + 2] == 0xA8 || s[i + 2] == 0xA9)) ||
                    (c == 0xEF && i + 2 < n && s[i + 1] == 0xBB && s[i + 2] == 0xBF))
                    return false;
                size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
                if (i + len > n)
                    return false;
                strbuf_put(arena, (const char *)s + i, len);
                i += len;
                cc++;
            }
            rf->val_len = arena->len - rf->val_off;
            strbuf_putc(arena, '\0');
        } else {
            size_t v0 = i;
            while (i < n && plain_char(s[i]))
                i++;
            if (i == v0)
                return false;
            rf->style = YAML_PLAIN_SCALAR_STYLE;
            rf->val_off = arena_put(arena, s + v0, i - v0);
            rf->val_len = i - v0;
            cc += (uint32_t)(i - v0);
        }
        if (i + 1 < n && s[i] == ',' && s[i + 1] == ' ') {
            i += 2;
            cc += 2;
            continue;
        }
        return s[i] == '}' && i + 1 == n;
    }
}

/* The next complete line of the input (checked by check_input), without its newline, or
 * false when there is none (the end, bad input, a line longer than the buffer). */
static bool next_line(TfReader *r, const unsigned char **line, size_t *len) {
    for (;;) {
        const unsigned char *p = r->buf + r->buf_pos;
        const unsigned char *nl = memchr(p, '\n', r->ok_end - r->buf_pos);
        if (nl) {
            *line = p;
            *len = (size_t)(nl - p);
            return true;
        }
        if (r->buf_pos == 0 && r->buf_len == INPUT_CAP)
            return false;
        if (!fill(r))
            return false;
    }
}

/* tf_reader_next on the fast path: TF_READ_OK with r->ev built, a failure, or
 * TF_READ_END; when the line is outside the subset, falls back and returns
 * TF_READ_INVALID + 100 to say "continue on libyaml's path". */
#define FAST_FELL_BACK ((TfReadStatus)100)
static TfReadStatus fast_next(TfReader *r) {
    for (;;) {
        const unsigned char *l;
        size_t n;
        if (!next_line(r, &l, &n)) {
            /* the clean end: every byte read, valid, and ending with a line break */
            if (r->fast_doc_started && r->fast_entries > 0 && r->eof && !r->bad_input &&
                !r->io_err && !r->tail_cut && r->buf_pos == r->buf_len)
                return finish(r, TF_READ_END);
            break;
        }
        if (!r->fast_doc_started) {
            if (n != 3 || memcmp(l, "---", 3) != 0)
                break;
            r->fast_doc_started = true;
        } else {
            strbuf_clear(&r->arena);
            TfPos p;
            if (!fast_line(r, l, n, &p) || n + 1 > r->ok_end - r->buf_pos)
                break;
            TfReadStatus st = build_event(r, p);
            if (st != TF_READ_OK && st != TF_READ_END)
                return st;
            r->buf_pos += n + 1;
            r->fast_line++;
            r->fast_entries++;
            if (st == TF_READ_OK)
                return st;
            continue; /* an unknown kind, skipped */
        }
        r->buf_pos += n + 1;
        r->fast_line++;
    }
    TfReadStatus st = fall_back(r);
    return st == TF_READ_OK ? FAST_FELL_BACK : st;
}

TfReadStatus tf_reader_next(TfReader *r, const TraceEvent **out) {
    if (!r->have_header) {
        const TraceHeader *h;
        TfReadStatus st = tf_reader_header(r, &h);
        if (st != TF_READ_OK)
            return st;
    }
    yaml_event_t e;
    if (r->stage == STAGE_FINISHED)
        return r->final;
    if (r->fast) {
        TfReadStatus st = fast_next(r);
        if (st != FAST_FELL_BACK) {
            if (st == TF_READ_OK)
                *out = &r->ev;
            return st;
        }
    }
    if (r->stage == STAGE_AFTER_HEADER) {
        if (!pull(r, &e))
            return r->final;
        if (e.type == YAML_STREAM_END_EVENT) { /* a header and no events document */
            yaml_event_delete(&e);
            if (r->bad_input)
                return fail(r, r->bad_pos, "%s", r->bad_msg);
            return finish(r, TF_READ_END);
        }
        yaml_event_delete(&e); /* DOCUMENT_START */
        if (!pull(r, &e))
            return r->final;
        TfPos p = pos_of(e.start_mark);
        if (e.type == YAML_SCALAR_EVENT && e.data.scalar.length == 0 &&
            e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE && !has_properties(&e)) {
            yaml_event_delete(&e); /* an empty events document: no events yet */
            return read_tail(r);
        }
        if (e.type != YAML_SEQUENCE_START_EVENT || has_properties(&e)) {
            const char *noun = event_noun(e.type);
            yaml_event_delete(&e);
            return fail(r, p, "the events document must be a sequence of events "
                              "(- {seq: 1, ev: ...}), not %s", noun);
        }
        yaml_event_delete(&e);
        r->stage = STAGE_IN_SEQ;
    }
    for (;;) {
        if (!pull(r, &e))
            return r->final;
        TfPos p = pos_of(e.start_mark);
        if (e.type == YAML_SEQUENCE_END_EVENT) {
            yaml_event_delete(&e);
            return read_tail(r);
        }
        if (e.type != YAML_MAPPING_START_EVENT || has_properties(&e)) {
            bool empty = e.type == YAML_SCALAR_EVENT && e.data.scalar.length == 0 &&
                         e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
            yaml_mark_t mark = e.start_mark;
            const char *noun = event_noun(e.type);
            yaml_event_delete(&e);
            if (empty && on_cut_last_line(r, &mark, NULL))
                return end_truncated(r); /* "- " with the rest of the line cut off */
            return fail(r, p, "an event must be a mapping {seq: N, ev: KIND, ...}, not %s", noun);
        }
        yaml_event_delete(&e);
        strbuf_clear(&r->arena);
        if (!read_pairs(r, &r->arena, "field"))
            return r->final;
        if (r->skip > 0) { /* delivered by the fast path before it fell back */
            r->skip--;
            continue;
        }
        TfReadStatus st = build_event(r, p);
        if (st == TF_READ_END)
            continue; /* an unknown kind, skipped */
        if (st != TF_READ_OK)
            return st;
        *out = &r->ev;
        return TF_READ_OK;
    }
}

/* ==== lifetime ====================================================================== */

TfReader *tf_reader_open(FILE *f, const char *name, const TfReaderOptions *opt) {
    TfReader *r = xcalloc(1, sizeof *r);
    r->f = f;
    r->name = xstrdup(name);
    if (opt)
        r->opt = *opt;
    r->buf = xmalloc(INPUT_CAP);
    r->ends_with_break = true; /* an empty file has no cut-off line */
    strbuf_init(&r->hdr_arena);
    strbuf_init(&r->arena);
    strbuf_init(&r->msg);
    strbuf_init(&r->warned);
    field_table_init(r);
    if (!yaml_parser_initialize(&r->parser))
        die(EXIT_NOMEM, "out of memory (initialising the YAML parser)");
    /* The fast path needs to read the input again if it falls back. */
    const char *slow = getenv("TICKSCOPE_READER_SLOW");
    if (!(slow && *slow && strcmp(slow, "0") != 0)) {
        errno = 0;
        r->start_off = ftello(f);
        r->can_rewind = r->start_off >= 0 && fseeko(f, r->start_off, SEEK_SET) == 0;
    }
    return r;
}

const char *tf_reader_error(const TfReader *r) {
    return r->msg.data;
}

TfPos tf_reader_error_pos(const TfReader *r) {
    return r->err_pos;
}

bool tf_reader_truncated(const TfReader *r) {
    return r->truncated;
}

void tf_reader_free(TfReader *r) {
    if (!r)
        return;
    yaml_parser_delete(&r->parser);
    strbuf_fini(&r->warned);
    strbuf_fini(&r->msg);
    strbuf_fini(&r->arena);
    strbuf_fini(&r->hdr_arena);
    free(r->raw);
    free(r->buf);
    free(r->name);
    free(r);
}
