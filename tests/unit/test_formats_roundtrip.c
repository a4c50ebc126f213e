/* test_formats_roundtrip.c — what the writer writes, the reader reads back: every
 * event kind with every field, nasty strings (quotes, `: `, `#`, `- `, spaces,
 * newlines, tabs, control characters, emoji, Chinese, invalid UTF-8), numbers at the
 * edges, and thousands of random events from trace_gen (fixed seeds, deterministic).
 * Also the writer's determinism and its handling of a full disk. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>
#include <cmocka.h>

#include "common/strbuf.h"
#include "formats/trace_escape.h"
#include "formats/trace_gen.h"
#include "formats/trace_reader.h"
#include "formats/trace_writer.h"

/* ---- helpers ---------------------------------------------------------------------- */

typedef struct {
    char *data;
    size_t len;
    FILE *f;
} Mem;

static void mem_open(Mem *m) {
    m->data = NULL;
    m->len = 0;
    m->f = open_memstream(&m->data, &m->len);
    assert_non_null(m->f);
}

static void mem_close(Mem *m) {
    fclose(m->f);
}

static void mem_free(Mem *m) {
    free(m->data);
}

static TraceHeader sample_header(void) {
    TraceHeader h;
    memset(&h, 0, sizeof h);
    h.program = "samples/a.js";
    h.spec = "es2019";
    h.host = "node";
    h.engine = "tickscope test";
    return h;
}

static TfReader *reader_on(const char *data, size_t len, FILE **f) {
    *f = fmemopen((void *)data, len, "rb");
    assert_non_null(*f);
    return tf_reader_open(*f, "mem.yaml", NULL);
}

static bool numbers_same(double a, double b) {
    if (isnan(a) || isnan(b))
        return isnan(a) && isnan(b);
    return a == b && signbit(a) == signbit(b);
}

/* Compare what was written (w, strings as given) with what was read (r). */
static void assert_same_event(const TraceEvent *w, const TraceEvent *r, uint64_t seq) {
    assert_int_equal(r->kind, w->kind);
    assert_int_equal(r->seq, seq);
    assert_int_equal(r->present, w->present);
    for (int f = 0; f < TFF__COUNT; f++) {
        if (!tf_has(w, (TfField)f))
            continue;
        const TfValue *a = &w->f[f], *b = &r->f[f];
        switch (tf_field_type((TfField)f)) {
        case TFT_ID:
        case TFT_UINT:
            assert_true(a->u == b->u);
            break;
        case TFT_INT:
            assert_true(a->i == b->i);
            break;
        case TFT_NUM:
            if (!numbers_same(a->d, b->d))
                fail_msg("field %s: wrote %.17g, read %.17g", tf_field_name((TfField)f), a->d,
                         b->d);
            break;
        case TFT_BOOL:
            assert_int_equal(a->b, b->b);
            break;
        case TFT_ENUM:
            assert_int_equal(a->e, b->e);
            break;
        default: {
            StrBuf want;
            strbuf_init(&want);
            tf_utf8_repair(&want, a->s, a->len);
            if (want.len != b->len || memcmp(want.data, b->s, b->len) != 0)
                fail_msg("field %s differs (event seq %llu)", tf_field_name((TfField)f),
                         (unsigned long long)seq);
            strbuf_fini(&want);
        }
        }
    }
}

/* Fill every field of kind k with a value of its type. */
static void full_event(TraceEvent *ev, TfEventKind k) {
    tf_event_init(ev, k);
    const TfEventSpec *spec = tf_event_spec(k);
    for (const TfArgSpec *a = spec->args; a->field != TFF__COUNT; a++) {
        TfValue *v = &ev->f[a->field];
        switch (tf_field_type(a->field)) {
        case TFT_ID:
        case TFT_UINT:
            v->u = 7 + (uint64_t)a->field;
            break;
        case TFT_INT:
            v->i = -3;
            break;
        case TFT_NUM:
            v->d = 16.7;
            break;
        case TFT_BOOL:
            v->b = true;
            break;
        case TFT_STR:
            v->s = "a \"quoted\": #text - \n\t中文 😀";
            v->len = strlen(v->s);
            break;
        case TFT_LOC:
            v->s = "dir with space/a: b.js:12:7";
            v->len = strlen(v->s);
            break;
        case TFT_ENUM: {
            TfEnumValue first;
            int n;
            tf_set_values(a->set, &first, &n);
            v->e = (TfEnumValue)(first + n - 1);
            break;
        }
        default:
            break;
        }
        ev->present |= (uint64_t)1 << a->field;
    }
}

/* ---- tests ------------------------------------------------------------------------ */

static void test_every_event_kind_with_every_field_reads_back_the_same(void **state) {
    (void)state;
    Mem m;
    mem_open(&m);
    TraceHeader h = sample_header();
    TfWriter *w = tf_writer_open(m.f, &h);
    static TraceEvent ev;
    for (int k = 0; k < EV__COUNT; k++) {
        full_event(&ev, (TfEventKind)k);
        assert_int_equal(tf_write_event(w, &ev), (uint64_t)k + 1);
    }
    assert_int_equal(tf_writer_close(w), 0);
    mem_close(&m);

    FILE *f;
    TfReader *r = reader_on(m.data, m.len, &f);
    const TraceHeader *rh;
    assert_int_equal(tf_reader_header(r, &rh), TF_READ_OK);
    assert_string_equal(rh->program, "samples/a.js");
    assert_string_equal(rh->clock, "virtual-ms");
    assert_int_equal(rh->major, 1);
    const TraceEvent *got;
    for (int k = 0; k < EV__COUNT; k++) {
        assert_int_equal(tf_reader_next(r, &got), TF_READ_OK);
        full_event(&ev, (TfEventKind)k);
        assert_same_event(&ev, got, (uint64_t)k + 1);
    }
    assert_int_equal(tf_reader_next(r, &got), TF_READ_END);
    assert_false(tf_reader_truncated(r));
    tf_reader_free(r);
    fclose(f);
    mem_free(&m);
}

static const struct {
    const char *name;
    const char *text; /* NULL: use len bytes of bytes */
    const char *bytes;
    size_t len;
    const char *reads_as; /* NULL: the same bytes */
} nasty[] = {
    {"double quotes", "say \"hi\"", NULL, 0, NULL},
    {"single quotes", "it's", NULL, 0, NULL},
    {"backslashes", "C:\\dir\\n", NULL, 0, NULL},
    {"colon space", "key: value", NULL, 0, NULL},
    {"hash", "# not a comment", NULL, 0, NULL},
    {"dash space", "- not a list", NULL, 0, NULL},
    {"leading and trailing spaces", "  padded  ", NULL, 0, NULL},
    {"only spaces", "   ", NULL, 0, NULL},
    {"empty", "", NULL, 0, NULL},
    {"newlines", "line1\nline2\r\nline3\r", NULL, 0, NULL},
    {"tabs", "\ta\tb\t", NULL, 0, NULL},
    {"control characters", "\x01\x02\x07\x08\x0b\x0c\x1b\x1f", NULL, 0, NULL},
    {"DEL and C1 controls", "\x7f \xc2\x80 \xc2\x85 \xc2\x9f", NULL, 0, NULL},
    {"line and paragraph separators", "a\xe2\x80\xa8" "b\xe2\x80\xa9" "c", NULL, 0, NULL},
    {"byte order mark and non-characters", "\xef\xbb\xbf" "x\xef\xbf\xbe\xef\xbf\xbf", NULL, 0,
     NULL},
    {"YAML words", "null", NULL, 0, NULL},
    {"YAML indicators", "&a *b !c |d >e %f @g `h ? [ ] { } ,", NULL, 0, NULL},
    {"document markers", "---\n...\n", NULL, 0, NULL},
    {"emoji", "\xf0\x9f\x98\x80 \xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", NULL, 0, NULL},
    {"Chinese text", "\xe8\x84\x9a\xe6\x9c\xac\xe5\xbc\x80\xe5\xa7\x8b", NULL, 0, NULL},
    {"accents", "caf\xc3\xa9", NULL, 0, NULL},
    {"NUL inside", NULL, "a\0b", 3, NULL},
    {"invalid byte", "a\xff" "b", NULL, 0, "a\xef\xbf\xbd" "b"},
    {"overlong encoding", "\xc0\xaf", NULL, 0, "\xef\xbf\xbd\xef\xbf\xbd"},
    {"encoded surrogate", "\xed\xa0\x80", NULL, 0, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"},
    {"cut sequence", "\xe4\xb8x", NULL, 0, "\xef\xbf\xbdx"},
    {"above U+10FFFF", "\xf4\x90\x80\x80", NULL, 0,
     "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"},
    {"lone continuation", "\x80", NULL, 0, "\xef\xbf\xbd"},
};

static void test_nasty_strings_read_back_exactly_and_invalid_utf8_as_replacement(void **state) {
    (void)state;
    Mem m;
    mem_open(&m);
    TraceHeader h = sample_header();
    h.program = "a \"path\": with # and \n newline.js";
    TfWriter *w = tf_writer_open(m.f, &h);
    size_t n = sizeof nasty / sizeof nasty[0];
    for (size_t i = 0; i < n; i++) {
        tf_begin(w, EV_LOG);
        tf_field_enum(w, TFF_stream, TFV_STREAM_OUT);
        if (nasty[i].text)
            tf_field_str(w, TFF_text, nasty[i].text);
        else
            tf_field_strn(w, TFF_text, nasty[i].bytes, nasty[i].len);
        tf_field_str(w, TFF_method, nasty[i].name);
        tf_end(w);
    }
    assert_int_equal(tf_writer_close(w), 0);
    mem_close(&m);
    /* one event per line: the header's 12 lines... then n lines */
    size_t lines = 0;
    for (size_t i = 0; i < m.len; i++)
        lines += m.data[i] == '\n';
    FILE *f;
    TfReader *r = reader_on(m.data, m.len, &f);
    const TraceHeader *rh;
    assert_int_equal(tf_reader_header(r, &rh), TF_READ_OK);
    assert_string_equal(rh->program, h.program);
    const TraceEvent *ev;
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(tf_reader_next(r, &ev), TF_READ_OK);
        const char *want = nasty[i].reads_as ? nasty[i].reads_as
                           : nasty[i].text   ? nasty[i].text
                                             : nasty[i].bytes;
        size_t want_len = nasty[i].text || nasty[i].reads_as ? strlen(want) : nasty[i].len;
        const TfValue *t = &ev->f[TFF_text];
        if (t->len != want_len || memcmp(t->s, want, want_len) != 0)
            fail_msg("%s: read back differently", nasty[i].name);
        assert_int_equal(ev->pos.line, lines - n + i + 1);
    }
    assert_int_equal(tf_reader_next(r, &ev), TF_READ_END);
    tf_reader_free(r);
    fclose(f);
    mem_free(&m);
}

static void test_escapes_are_the_ones_yaml_1_1_and_1_2_share(void **state) {
    (void)state;
    StrBuf sb;
    strbuf_init(&sb);
    tf_escape_string(&sb, "\"\\\n\t\x01\x7f\xc2\x85\xe2\x80\xa8\xef\xbb\xbf\xff\0", 16);
    assert_string_equal(sb.data, "\"\\\"\\\\\\n\\t\\x01\\x7F\\x85\\u2028\\uFEFF\\uFFFD\\0\"");
    strbuf_clear(&sb);
    tf_escape_string(&sb, "\xe4\xb8\xad\xf0\x9f\x98\x80 \xc2\xa0", 10);
    assert_string_equal(sb.data, "\"\xe4\xb8\xad\xf0\x9f\x98\x80 \xc2\xa0\"");
    strbuf_fini(&sb);
}

static void test_numbers_are_written_in_the_spelling_both_yaml_versions_read_alike(void **state) {
    (void)state;
    static const struct {
        double d;
        const char *text;
    } cases[] = {
        {0, "0"},          {-0.0, "-0.0"},   {1, "1"},           {16.7, "16.7"},
        {-2.5, "-2.5"},    {1e21, "1.0e+21"}, {2.5e-7, "2.5e-07"}, {0.1, "0.1"},
        {9007199254740992.0, "9007199254740992.0"}, {1.0 / 3, "0.3333333333333333"},
    };
    StrBuf sb;
    strbuf_init(&sb);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        strbuf_clear(&sb);
        tf_format_number(&sb, cases[i].d);
        assert_string_equal(sb.data, cases[i].text);
    }
    strbuf_clear(&sb);
    tf_format_number(&sb, NAN);
    tf_format_number(&sb, INFINITY);
    tf_format_number(&sb, -INFINITY);
    assert_string_equal(sb.data, ".nan.inf-.inf");
    strbuf_fini(&sb);
}

static void test_enum_words_of_yaml_1_1_booleans_are_not_plain(void **state) {
    (void)state;
    assert_true(tf_is_plain_word("microtask", 9));
    assert_true(tf_is_plain_word("async-generator", 15));
    assert_false(tf_is_plain_word("yes", 3));
    assert_false(tf_is_plain_word("Off", 3));
    assert_false(tf_is_plain_word("null", 4));
    assert_false(tf_is_plain_word("1st", 3));
    assert_false(tf_is_plain_word("a b", 3));
}

/* Write n random events from seed, read them back, and compare with a second generator
 * on the same seed. */
static void roundtrip_random(uint64_t seed, int n) {
    Mem m;
    mem_open(&m);
    TfGen *g = tf_gen_new(seed);
    TraceHeader h;
    tf_gen_header(g, &h);
    TfWriter *w = tf_writer_open(m.f, &h);
    tf_writer_set_autoflush(w, false);
    TraceEvent *ev = malloc(sizeof *ev);
    for (int i = 0; i < n; i++) {
        tf_gen_next(g, ev);
        assert_int_equal(tf_write_event(w, ev), (uint64_t)i + 1);
    }
    assert_int_equal(tf_writer_close(w), 0);
    tf_gen_free(g);
    mem_close(&m);

    g = tf_gen_new(seed);
    FILE *f;
    TfReader *r = reader_on(m.data, m.len, &f);
    const TraceEvent *got;
    int kinds_seen[EV__COUNT] = {0};
    for (int i = 0; i < n; i++) {
        assert_int_equal(tf_reader_next(r, &got), TF_READ_OK);
        tf_gen_next(g, ev);
        assert_same_event(ev, got, (uint64_t)i + 1);
        kinds_seen[got->kind]++;
    }
    assert_int_equal(tf_reader_next(r, &got), TF_READ_END);
    for (int k = 0; k < EV__COUNT; k++)
        if (k != EV_EXIT && !kinds_seen[k])
            fail_msg("seed %llu never generated a %s event", (unsigned long long)seed,
                     tf_event_name((TfEventKind)k));
    tf_reader_free(r);
    fclose(f);
    tf_gen_free(g);
    free(ev);
    mem_free(&m);
}

static void test_thousands_of_random_events_read_back_the_same(void **state) {
    (void)state;
    roundtrip_random(20240501, 5000);
    roundtrip_random(1, 3000);
    roundtrip_random(0xdeadbeef, 3000);
}

static void test_the_same_events_give_byte_identical_traces(void **state) {
    (void)state;
    Mem a, b;
    for (int pass = 0; pass < 2; pass++) {
        Mem *m = pass ? &b : &a;
        mem_open(m);
        TraceHeader h = sample_header();
        TfWriter *w = tf_writer_open(m->f, &h);
        tf_begin(w, EV_ENQUEUE);
        if (pass == 0) { /* the caller's field order does not matter */
            tf_field_uint(w, TFF_job, 7);
            tf_field_enum(w, TFF_kind, TFV_JOB_KIND_PROMISE_REACTION);
            tf_field_enum(w, TFF_queue, TFV_QUEUE_MICROTASK);
            tf_field_loc(w, TFF_handler, "a.js", 9, 7);
        } else {
            tf_field_loc(w, TFF_handler, "a.js", 9, 7);
            tf_field_enum(w, TFF_queue, TFV_QUEUE_MICROTASK);
            tf_field_enum(w, TFF_kind, TFV_JOB_KIND_PROMISE_REACTION);
            tf_field_uint(w, TFF_job, 7);
        }
        assert_int_equal(tf_end(w), 1);
        assert_int_equal(tf_writer_close(w), 0);
        mem_close(m);
    }
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.data, b.data, a.len);
    const char *last = strstr(a.data, "\n- ");
    assert_non_null(last);
    assert_string_equal(last + 1, "- {seq: 1, ev: enqueue, job: 7, kind: PromiseReactionJob, "
                                  "queue: microtask, handler: \"a.js:9:7\"}\n");
    mem_free(&a);
    mem_free(&b);
}

static void test_the_header_document_lists_keys_in_table_order(void **state) {
    (void)state;
    Mem m;
    mem_open(&m);
    TraceHeader h = sample_header();
    h.module = true;
    h.present |= (uint64_t)1 << TFH_module;
    h.unhandled_rejections = "throw";
    TfWriter *w = tf_writer_open(m.f, &h);
    assert_int_equal(tf_writer_close(w), 0);
    mem_close(&m);
    assert_string_equal(m.data, "# tickscope trace: see formats/SPEC.md\n"
                                "format: \"tickscope-trace\"\n"
                                "version: \"1.0\"\n"
                                "program: \"samples/a.js\"\n"
                                "spec: es2019\n"
                                "host: node\n"
                                "engine: \"tickscope test\"\n"
                                "clock: virtual-ms\n"
                                "module: true\n"
                                "unhandled_rejections: throw\n"
                                "---\n");
    mem_free(&m);
}

static void test_a_full_disk_makes_the_writer_fail_and_stay_failed(void **state) {
    (void)state;
    FILE *f = fopen("/dev/full", "w");
    if (!f)
        skip();
    TraceHeader h = sample_header();
    TfWriter *w = tf_writer_open(f, &h);
    assert_int_equal(tf_writer_error(w), ENOSPC);
    tf_begin(w, EV_EXIT);
    tf_field_int(w, TFF_code, 0);
    tf_field_enum(w, TFF_reason, TFV_EXIT_REASON_NORMAL);
    assert_int_equal(tf_end(w), 0);
    assert_int_equal(tf_writer_close(w), ENOSPC);
    fclose(f);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_event_kind_with_every_field_reads_back_the_same),
        cmocka_unit_test(test_nasty_strings_read_back_exactly_and_invalid_utf8_as_replacement),
        cmocka_unit_test(test_escapes_are_the_ones_yaml_1_1_and_1_2_share),
        cmocka_unit_test(test_numbers_are_written_in_the_spelling_both_yaml_versions_read_alike),
        cmocka_unit_test(test_enum_words_of_yaml_1_1_booleans_are_not_plain),
        cmocka_unit_test(test_thousands_of_random_events_read_back_the_same),
        cmocka_unit_test(test_the_same_events_give_byte_identical_traces),
        cmocka_unit_test(test_the_header_document_lists_keys_in_table_order),
        cmocka_unit_test(test_a_full_disk_makes_the_writer_fail_and_stay_failed),
    };
    return cmocka_run_group_tests_name("formats_roundtrip", tests, NULL, NULL);
}
