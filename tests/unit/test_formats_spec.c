/* test_formats_spec.c — formats/SPEC.md, events.def and the code agree (STYLE R15).
 * The reference part of SPEC.md (between the GENERATED markers) must be exactly what
 * this file renders from events.def; run with TICKSCOPE_UPDATE_SPEC=1 to rewrite it
 * after changing events.def. Every example line of the table must read back and be
 * written again byte for byte (but for its seq); the hand-written fixtures in
 * tests/traces/ must be in the writer's canonical form; and the table itself must be
 * well-formed (ids have roles, enums have sets, enum words are plain-safe). */
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
#include "formats/trace_reader.h"
#include "formats/trace_writer.h"

#define SPEC_PATH "formats/SPEC.md"
#define BEGIN_MARK "<!-- BEGIN GENERATED from formats/events.def by tests/unit/test_formats_spec.c -->\n"
#define END_MARK "<!-- END GENERATED -->\n"

/* ---- rendering the reference from events.def -------------------------------------- */

/* Table cells: `|` would end the cell. */
static void put_cell(StrBuf *out, const char *s) {
    for (; *s; s++) {
        if (*s == '|')
            strbuf_putc(out, '\\');
        strbuf_putc(out, *s);
    }
}

static void put_set_words(StrBuf *out, TfSet set) {
    TfEnumValue first;
    int n;
    tf_set_values(set, &first, &n);
    for (int i = 0; i < n; i++)
        strbuf_printf(out, "%s`%s`", i ? ", " : "", tf_enum_text((TfEnumValue)(first + i)));
}

static void render_reference(StrBuf *out) {
    strbuf_puts(out, "### Value types\n\n| type | written as |\n|---|---|\n");
    for (int t = 0; t < TFT__COUNT; t++) {
        strbuf_printf(out, "| %s | ", tf_type_name((TfType)t));
        put_cell(out, tf_type_doc((TfType)t));
        strbuf_puts(out, " |\n");
    }

    static const char *const rules[] = {
        [TF_MODE_NEW] = "no earlier event may define it (except a `timer` with `rearm: true`)",
        [TF_MODE_REF] = "an earlier event must define it",
        [TF_MODE_QUEUED] = "an earlier `enqueue` must define it, it must not have run, and no "
                           "job may be running",
        [TF_MODE_RUNNING] = "it must be the running job",
    };
    strbuf_puts(out, "\n### Id references\n\n| refers to | trace validate checks that |\n"
                     "|---|---|\n");
    for (int r = 1; r < TFR__COUNT; r++)
        strbuf_printf(out, "| %s | %s |\n", tf_role_doc((TfRole)r),
                      rules[tf_role_mode((TfRole)r)]);

    strbuf_puts(out, "\n### Header keys\n\n| key | type | required | values | meaning |\n"
                     "|---|---|---|---|---|\n");
    int nh;
    const TfHeaderSpec *hs = tf_header_specs(&nh);
    for (int k = 0; k < nh; k++) {
        strbuf_printf(out, "| `%s` | %s | %s | ", hs[k].key, tf_type_name(hs[k].type),
                      hs[k].presence == TF_REQ ? "required" : "optional");
        if (hs[k].set != TFS_NONE)
            put_set_words(out, hs[k].set);
        strbuf_puts(out, " | ");
        put_cell(out, hs[k].doc);
        strbuf_puts(out, " |\n");
    }

    strbuf_puts(out, "\n### Events\n\nEvery event has `seq` (uint, required, >= 1, strictly "
                     "increasing) and `ev` (its kind), written first; the other fields follow "
                     "in the order of these tables.\n");
    for (int k = 0; k < EV__COUNT; k++) {
        const TfEventSpec *s = tf_event_spec((TfEventKind)k);
        strbuf_printf(out, "\n#### `%s`\n\n", s->name);
        put_cell(out, s->summary);
        strbuf_puts(out, ".\n\n| field | type | required | refers to / values | meaning |\n"
                         "|---|---|---|---|---|\n");
        for (const TfArgSpec *a = s->args; a->field != TFF__COUNT; a++) {
            strbuf_printf(out, "| `%s` | %s | %s | ", tf_field_name(a->field),
                          tf_type_name(tf_field_type(a->field)),
                          a->presence == TF_REQ ? "required" : "optional");
            if (a->role != TFR_NONE)
                put_cell(out, tf_role_doc(a->role));
            if (a->set != TFS_NONE)
                strbuf_printf(out, "[%s](#enum-value-sets)", tf_set_name(a->set));
            strbuf_puts(out, " | ");
            put_cell(out, a->doc);
            strbuf_puts(out, " |\n");
        }
        strbuf_printf(out, "\n```yaml\n%s\n```\n", s->example);
    }

    strbuf_puts(out, "\n### Enum value sets\n\n| set | values | meaning |\n|---|---|---|\n");
    for (int set = 1; set < TFS__COUNT; set++) {
        strbuf_printf(out, "| %s | ", tf_set_name((TfSet)set));
        put_set_words(out, (TfSet)set);
        strbuf_puts(out, " | ");
        put_cell(out, tf_set_doc((TfSet)set));
        strbuf_puts(out, " |\n");
    }
}

/* ---- tests ------------------------------------------------------------------------ */

static char *read_file(const char *path, size_t *len) {
    StrBuf sb;
    strbuf_init(&sb);
    if (!strbuf_read_file(&sb, path))
        fail_msg("cannot read %s (run from the repository root)", path);
    char *text = strbuf_take(&sb, len);
    strbuf_fini(&sb);
    return text;
}

static void test_spec_md_reference_is_generated_from_events_def(void **state) {
    (void)state;
    size_t len;
    char *spec = read_file(SPEC_PATH, &len);
    char *begin = strstr(spec, BEGIN_MARK);
    char *end = begin ? strstr(begin, END_MARK) : NULL;
    if (!begin || !end)
        fail_msg("%s lacks the GENERATED markers", SPEC_PATH);
    begin += strlen(BEGIN_MARK);
    StrBuf want;
    strbuf_init(&want);
    render_reference(&want);
    size_t have_len = (size_t)(end - begin);
    if (have_len == want.len && memcmp(begin, want.data, want.len) == 0) {
        strbuf_fini(&want);
        free(spec);
        return;
    }
    const char *update = getenv("TICKSCOPE_UPDATE_SPEC");
    if (update && strcmp(update, "1") == 0) {
        FILE *f = fopen(SPEC_PATH, "wb");
        assert_non_null(f);
        fwrite(spec, 1, (size_t)(begin - spec), f);
        fwrite(want.data, 1, want.len, f);
        fwrite(end, 1, len - (size_t)(end - spec), f);
        assert_int_equal(fclose(f), 0);
        print_message("rewrote the reference part of %s\n", SPEC_PATH);
    } else {
        size_t i = 0, line = 1;
        while (i < have_len && i < want.len && begin[i] == want.data[i])
            line += begin[i++] == '\n';
        fail_msg("%s disagrees with events.def at line %zu of the generated part; run "
                 "TICKSCOPE_UPDATE_SPEC=1 %s to rewrite it",
                 SPEC_PATH, line, "this test");
    }
    strbuf_fini(&want);
    free(spec);
}

#define MINI_HEADER                                                                        \
    "format: \"tickscope-trace\"\nversion: \"1.0\"\nprogram: \"a.js\"\nspec: es2019\n"     \
    "host: node\nengine: \"t\"\nclock: virtual-ms\n---\n"

/* The line without its "seq: N, " */
static const char *after_seq(const char *line) {
    const char *p = strstr(line, ", ev: ");
    return p ? p : line;
}

static void test_every_example_line_reads_back_and_is_written_the_same(void **state) {
    (void)state;
    for (int k = 0; k < EV__COUNT; k++) {
        const TfEventSpec *s = tf_event_spec((TfEventKind)k);
        StrBuf doc;
        strbuf_init(&doc);
        strbuf_printf(&doc, MINI_HEADER "%s\n", s->example);
        FILE *f = fmemopen(doc.data, doc.len, "rb");
        TfReaderOptions opt = {.strict = true};
        TfReader *r = tf_reader_open(f, s->name, &opt);
        const TraceEvent *ev;
        if (tf_reader_next(r, &ev) != TF_READ_OK)
            fail_msg("example of %s: %s", s->name, tf_reader_error(r));
        assert_int_equal(ev->kind, k);

        char *out = NULL;
        size_t out_len = 0;
        FILE *mf = open_memstream(&out, &out_len);
        TfWriter *w = tf_writer_open(mf, &(TraceHeader){.program = "a.js", .spec = "es2019",
                                                        .host = "node", .engine = "t"});
        tf_write_event(w, ev);
        assert_int_equal(tf_writer_close(w), 0);
        fclose(mf);
        const char *line = strstr(out, "\n- {") + 1;
        StrBuf want;
        strbuf_init(&want);
        strbuf_printf(&want, "%s\n", after_seq(s->example));
        assert_string_equal(after_seq(line), want.data);
        strbuf_fini(&want);
        free(out);
        tf_reader_free(r);
        fclose(f);
        strbuf_fini(&doc);
    }
}

/* Hand-written fixtures must look exactly as the writer would write them. */
static void test_hand_written_fixtures_are_in_the_writers_form(void **state) {
    (void)state;
    static const char *const fixtures[] = {"tests/traces/seed_async_order.es2019.yaml"};
    for (size_t i = 0; i < sizeof fixtures / sizeof fixtures[0]; i++) {
        size_t len;
        char *text = read_file(fixtures[i], &len);
        FILE *f = fmemopen(text, len, "rb");
        TfReader *r = tf_reader_open(f, fixtures[i], NULL);
        const TraceEvent *ev;
        const char *line = strstr(text, "\n---\n") + 5;
        char *out = NULL;
        size_t out_len = 0;
        FILE *mf = open_memstream(&out, &out_len);
        TfWriter *w = tf_writer_open(mf, &(TraceHeader){.program = "a.js", .spec = "es2019",
                                                        .host = "node", .engine = "t"});
        tf_writer_set_autoflush(w, false);
        while (tf_reader_next(r, &ev) == TF_READ_OK) {
            fflush(mf);
            size_t start = out_len;
            tf_write_event(w, ev);
            fflush(mf);
            const char *eol = strchr(line, '\n');
            size_t n = (size_t)(eol - line) + 1;
            if (out_len - start != n || memcmp(out + start, line, n) != 0)
                fail_msg("%s: this line is not in the writer's form:\n%.*s", fixtures[i], (int)n,
                         line);
            line = eol + 1;
        }
        assert_int_equal(tf_writer_close(w), 0);
        fclose(mf);
        free(out);
        tf_reader_free(r);
        fclose(f);
        free(text);
    }
}

static void test_the_event_table_is_well_formed(void **state) {
    (void)state;
    for (int f = 0; f < TFF__COUNT; f++)
        assert_int_equal(tf_field_by_name(tf_field_name((TfField)f),
                                          strlen(tf_field_name((TfField)f))),
                         f);
    for (int k = 0; k < EV__COUNT; k++) {
        const TfEventSpec *s = tf_event_spec((TfEventKind)k);
        assert_int_equal(tf_event_by_name(s->name, strlen(s->name)), k);
        int n = 0;
        for (const TfArgSpec *a = s->args; a->field != TFF__COUNT; a++, n++) {
            TfType t = tf_field_type(a->field);
            if ((t == TFT_ID) != (a->role != TFR_NONE))
                fail_msg("%s.%s: an id field needs a role, and only it", s->name,
                         tf_field_name(a->field));
            if ((t == TFT_ENUM) != (a->set != TFS_NONE))
                fail_msg("%s.%s: an enum field needs a set, and only it", s->name,
                         tf_field_name(a->field));
            assert_ptr_equal(tf_event_arg((TfEventKind)k, a->field), a);
        }
        assert_true(n > 0);
    }
    for (int v = 0; v < TFV__COUNT; v++) {
        const char *text = tf_enum_text((TfEnumValue)v);
        if (!tf_is_plain_word(text, strlen(text)))
            fail_msg("enum word '%s' would need quotes", text);
        assert_int_equal(tf_enum_by_text(tf_enum_set((TfEnumValue)v), text, strlen(text)), v);
    }
    int nh;
    const TfHeaderSpec *hs = tf_header_specs(&nh);
    for (int k = 0; k < nh; k++)
        assert_true((hs[k].type == TFT_ENUM) == (hs[k].set != TFS_NONE));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spec_md_reference_is_generated_from_events_def),
        cmocka_unit_test(test_every_example_line_reads_back_and_is_written_the_same),
        cmocka_unit_test(test_hand_written_fixtures_are_in_the_writers_form),
        cmocka_unit_test(test_the_event_table_is_well_formed),
    };
    return cmocka_run_group_tests_name("formats_spec", tests, NULL, NULL);
}
