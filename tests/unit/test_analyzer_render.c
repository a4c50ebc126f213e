/* test_analyzer_render.c — the analyzer's output side without a trace: XML escaping
 * (xmlesc.h), the SVG timeline writer (timeline.h) and the Graphviz seam (render_gv.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "analyzer/render_gv.h"
#include "analyzer/timeline.h"
#include "analyzer/xmlesc.h"
#include "common/strbuf.h"

static char *escape(const char *s, size_t n, size_t max_chars) {
    StrBuf sb;
    strbuf_init(&sb);
    xml_put_text(&sb, s, n, max_chars);
    char *out = strbuf_take(&sb, NULL);
    strbuf_fini(&sb);
    return out;
}

static size_t count(const char *hay, const char *needle) {
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

static void test_xml_escape_turns_markup_characters_into_entities(void **state) {
    (void)state;
    char *s = escape("<a href=\"x\">&'</a>", 18, 0);
    assert_string_equal(s, "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
    free(s);
}

static void test_xml_escape_replaces_bad_utf8_and_controls_and_expands_tabs(void **state) {
    (void)state;
    /* a, bad byte 0xFF, a lone continuation byte, an overlong '/', a surrogate, tab, NUL */
    static const char in[] = "a\xFF\x80\xC0\xAF\xED\xA0\x80\t\0z";
    char *s = escape(in, sizeof in - 1, 0);
    assert_string_equal(s, "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
                           "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
                           "    \xE2\x90\x80z");
    free(s);
}

static void test_xml_escape_keeps_valid_multibyte_text(void **state) {
    (void)state;
    static const char in[] = "\xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x98\x80"; /* 中文 😀 */
    char *s = escape(in, sizeof in - 1, 0);
    assert_string_equal(s, in);
    assert_int_equal(xml_text_width(in, sizeof in - 1), 4);
    free(s);
}

static void test_xml_escape_truncates_at_a_code_point_with_an_ellipsis(void **state) {
    (void)state;
    static const char in[] = "\xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD\xE6\x96\x87"; /* 4 chars */
    char *s = escape(in, sizeof in - 1, 3);
    assert_string_equal(s, "\xE4\xB8\xAD\xE6\x96\x87\xE2\x80\xA6");
    free(s);
    s = escape(in, sizeof in - 1, 4); /* fits: unchanged */
    assert_string_equal(s, in);
    free(s);
}

/* ---- timeline ---------------------------------------------------------------------- */

static const TlLane lanes[] = {
    {"script", NULL, NULL}, {"timers", "#fdf0e0", "#e8590c"}, {"microtasks", NULL, NULL}};

static void build_timeline(StrBuf *out) {
    static const TlLine l0[] = {{"script start", 12, false}, {"<b>&amp;</b>", 12, false}};
    static const TlLine l1[] = {{"promise1", 8, false}};
    static const TlLine l2[] = {{"boom\x01", 5, true}};
    static const TlJob jobs[] = {
        {"job1", 0, 0, 0, 0, "Script #1", "a.js", l0, 2, TL_NONE, NULL, NULL, NULL},
        {"job2", 2, 0, 1, 0, "PromiseReactionJob #2", "a.js:3:9", l1, 1, 0, "reaction", NULL, NULL},
        {"job3", 1, 1, 0, 1, "Timeout #3", NULL, l2, 1, 0, "timer", NULL, NULL},
        {"job4", 2, 1, 1, 1, "PromiseReactionJob #4", NULL, NULL, 0, 1, "await", NULL, NULL},
    };
    Timeline t = {"a.js <es2019>", lanes, 3, jobs, 4, "ms"};
    timeline_write_svg(&t, out);
}

static void test_timeline_draws_one_group_per_job_and_escapes_output(void **state) {
    (void)state;
    StrBuf sb;
    strbuf_init(&sb);
    build_timeline(&sb);
    assert_int_equal(count(sb.data, "<g class=\"job "), 4);
    assert_non_null(strstr(sb.data, "id=\"job3\""));
    assert_non_null(strstr(sb.data, "&lt;b&gt;&amp;amp;&lt;/b&gt;"));
    assert_null(strstr(sb.data, "<b>"));
    assert_non_null(strstr(sb.data, "a.js &lt;es2019&gt;"));
    assert_non_null(strstr(sb.data, "boom\xE2\x90\x81")); /* ␁ */
    assert_int_equal(count(sb.data, "<path class=\"edge "), 3);
    assert_non_null(strstr(sb.data, "turn 1"));
    assert_non_null(strstr(sb.data, ">1 ms<"));
    assert_int_equal(strncmp(sb.data, "<?xml", 5), 0);
    assert_non_null(strstr(sb.data, "</svg>\n"));
    strbuf_fini(&sb);
}

static void test_timeline_output_is_deterministic(void **state) {
    (void)state;
    StrBuf a, b;
    strbuf_init(&a);
    strbuf_init(&b);
    build_timeline(&a);
    build_timeline(&b);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.data, b.data, a.len);
    strbuf_fini(&a);
    strbuf_fini(&b);
}

static void test_timeline_of_no_jobs_is_still_a_document(void **state) {
    (void)state;
    StrBuf sb;
    strbuf_init(&sb);
    Timeline t = {NULL, NULL, 0, NULL, 0, "ms"};
    timeline_write_svg(&t, &sb);
    assert_int_equal(count(sb.data, "<g class=\"job "), 0);
    assert_non_null(strstr(sb.data, "</svg>"));
    strbuf_fini(&sb);
}

static void test_timeline_panels_stack_two_traces_and_draw_marks(void **state) {
    (void)state;
    static const TlLine out1[] = {{"async1 end", 10, false}};
    static const TlJob a[] = {
        {"a-job1", 0, 0, 0, 0, "Script #1", NULL, NULL, 0, TL_NONE, NULL, NULL, NULL},
        {"a-job2", 1, 0, 1, 0, "PromiseResolveThenableJob #2", NULL, NULL, 0, 0, "thenable", "only",
         "only in A"},
        {"a-job3", 1, 0, 3, 0, "PromiseReactionJob #3", NULL, out1, 1, 1, "await", "shifted moved",
         "tick 3 \xE2\x86\x92 1"},
    };
    static const TlJob b[] = {
        {"b-job1", 0, 0, 0, 0, "Script #1", NULL, NULL, 0, TL_NONE, NULL, NULL, NULL},
        {"b-job2", 1, 0, 1, 0, "PromiseReactionJob #2", NULL, out1, 1, 0, "await",
         "shifted moved<script>", "<b>"},
    };
    static const TlLane ln[] = {{"script", NULL, NULL}, {"microtasks", NULL, NULL}};
    Timeline ta = {"A: es2017", ln, 2, a, 3, "ms"}, tb = {"B: es2019", ln, 2, b, 2, "ms"};
    const Timeline *panels[] = {&ta, &tb};
    StrBuf sb;
    strbuf_init(&sb);
    timeline_write_svg_panels(panels, 2, "diff <A> <B>", &sb);
    assert_int_equal(count(sb.data, "<g class=\"job "), 5);
    assert_int_equal(count(sb.data, "<g class=\"panel\" transform=\"translate(0,"), 2);
    assert_non_null(strstr(sb.data, "<g class=\"job p1l1 shifted movedscript\" id=\"b-job2\""));
    assert_non_null(strstr(sb.data, "<g class=\"job l1 only\" id=\"a-job2\""));
    assert_non_null(strstr(sb.data, ">only in A</text>"));
    assert_non_null(strstr(sb.data, "&lt;b&gt;"));
    assert_non_null(strstr(sb.data, "diff &lt;A&gt; &lt;B&gt;"));
    assert_non_null(strstr(sb.data, ".p1l0 rect"));
    assert_non_null(strstr(sb.data, "highlighted:"));
    assert_int_equal(count(sb.data, "<marker id=\"arrow-await\""), 1);
    strbuf_fini(&sb);
}

/* ---- Graphviz ---------------------------------------------------------------------- */

static GvGraph *small_graph(const char *html) {
    GvGraph *g = gv_graph_new("g");
    gv_node_defaults(g, (const char *[]){"shape", "box", NULL});
    GvCluster c = gv_cluster_new(g, GV_ROOT, (const char *[]){"label", "turn 1", NULL});
    GvNode a = gv_node_new(g, GV_ROOT, "j1", NULL);
    GvNode b = gv_node_new(g, c, "j2", (const char *[]){"label", "second", NULL});
    gv_node_html_label(g, a, html);
    gv_edge_new(g, a, b, (const char *[]){"color", "#1c7ed6", NULL});
    gv_edge_new(g, a, b, (const char *[]){"style", "dashed", NULL});
    return g;
}

static void test_gv_formats_parse_by_name(void **state) {
    (void)state;
    GvFormat f;
    assert_true(gv_format_parse("png", &f));
    assert_int_equal(f, GV_FMT_PNG);
    assert_true(gv_format_is_binary(f));
    assert_true(gv_format_parse("dot", &f));
    assert_false(gv_format_is_binary(f));
    assert_false(gv_format_parse("jpeg", &f));
    assert_string_equal(gv_format_name(GV_FMT_SVG), "svg");
}

static void test_gv_dot_output_is_the_graph_before_layout(void **state) {
    (void)state;
    GvGraph *g = small_graph("first &amp; <FONT POINT-SIZE=\"9\">x</FONT>");
    StrBuf out;
    strbuf_init(&out);
    char *err = NULL;
    assert_true(gv_render(g, GV_FMT_DOT, &out, &err));
    assert_non_null(strstr(out.data, "digraph g {"));
    assert_non_null(strstr(out.data, "subgraph cluster_1"));
    assert_int_equal(count(out.data, "j1 -> j2"), 2);
    assert_non_null(strstr(out.data, "label=<first &amp; <FONT"));
    assert_null(strstr(out.data, "pos=")); /* no layout */
    strbuf_fini(&out);
    gv_graph_free(g);
}

static void test_gv_renders_svg_png_and_pdf(void **state) {
    (void)state;
    GvGraph *g = small_graph("first");
    StrBuf out;
    char *err = NULL;
    strbuf_init(&out);
    assert_true(gv_render(g, GV_FMT_SVG, &out, &err));
    assert_non_null(strstr(out.data, "<svg"));
    assert_int_equal(count(out.data, "class=\"node\""), 2);
    strbuf_clear(&out);
    assert_true(gv_render(g, GV_FMT_PNG, &out, &err));
    assert_true(out.len > 8);
    assert_memory_equal(out.data, "\x89PNG\r\n\x1a\n", 8);
    strbuf_clear(&out);
    assert_true(gv_render(g, GV_FMT_PDF, &out, &err));
    assert_memory_equal(out.data, "%PDF", 4);
    strbuf_fini(&out);
    gv_graph_free(g);
}

static void test_gv_reports_a_bad_html_label_as_an_error(void **state) {
    (void)state;
    GvGraph *g = small_graph("<FONT>unclosed");
    StrBuf out;
    strbuf_init(&out);
    char *err = NULL;
    assert_false(gv_render(g, GV_FMT_SVG, &out, &err));
    assert_non_null(err);
    assert_non_null(strstr(err, "graphviz"));
    assert_int_equal(out.len, 0); /* nothing half-written */
    free(err);
    strbuf_fini(&out);
    gv_graph_free(g);
}

static void test_gv_draws_an_svg_document_as_png(void **state) {
    (void)state;
    StrBuf svg, out;
    strbuf_init(&svg);
    strbuf_init(&out);
    build_timeline(&svg);
    char *err = NULL;
    bool ok = gv_render_svg_image(svg.data, svg.len, GV_FMT_PNG, &out, &err);
    if (!ok)
        fail_msg("%s", err);
    assert_memory_equal(out.data, "\x89PNG\r\n\x1a\n", 8);
    strbuf_fini(&out);
    strbuf_fini(&svg);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_xml_escape_turns_markup_characters_into_entities),
        cmocka_unit_test(test_xml_escape_replaces_bad_utf8_and_controls_and_expands_tabs),
        cmocka_unit_test(test_xml_escape_keeps_valid_multibyte_text),
        cmocka_unit_test(test_xml_escape_truncates_at_a_code_point_with_an_ellipsis),
        cmocka_unit_test(test_timeline_draws_one_group_per_job_and_escapes_output),
        cmocka_unit_test(test_timeline_output_is_deterministic),
        cmocka_unit_test(test_timeline_of_no_jobs_is_still_a_document),
        cmocka_unit_test(test_timeline_panels_stack_two_traces_and_draw_marks),
        cmocka_unit_test(test_gv_formats_parse_by_name),
        cmocka_unit_test(test_gv_dot_output_is_the_graph_before_layout),
        cmocka_unit_test(test_gv_renders_svg_png_and_pdf),
        cmocka_unit_test(test_gv_reports_a_bad_html_label_as_an_error),
        cmocka_unit_test(test_gv_draws_an_svg_document_as_png),
    };
    return cmocka_run_group_tests_name("analyzer_render", tests, NULL, NULL);
}
