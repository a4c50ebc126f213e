/* test_analyzer_diff.c — aligning two traces (diff.h): jobs by identity and occurrence,
 * lines by text and occurrence, the heaviest common subsequence that decides which line
 * moved, the merged script, the lines a moved line crossed; the renderings (diffout.h)
 * on the seed puzzle (es2017 vs es2019), and the JSON writer they use (jsonw.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyzer/diff.h"
#include "analyzer/diffout.h"
#include "analyzer/idmap.h"
#include "analyzer/jsonw.h"
#include "analyzer/lines.h"
#include "analyzer/model.h"

#define HEADER(spec)                                                                               \
    "format: \"tickscope-trace\"\nversion: \"1.0\"\nprogram: \"dir/a.js\"\nspec: " spec "\n"       \
    "host: node\nengine: \"tickscope 0.1.0\"\nclock: virtual-ms\n---\n"

/* A: the script prints x, then reactions 2:1 (p) and 3:1 (q) at tick 1, then "old";
 * two timers with the same handler. */
static const char trace_a[] = HEADER(
    "es2019") "- {seq: 1, ev: enqueue, job: 1, kind: Script, queue: script, handler: "
              "\"dir/a.js:1:1\"}\n"
              "- {seq: 2, ev: run, job: 1, tick: 0, turn: 0, time: 0}\n"
              "- {seq: 3, ev: log, stream: out, text: \"x\", by: 1}\n"
              "- {seq: 4, ev: enqueue, job: 2, kind: PromiseReactionJob, queue: microtask, by: 1, "
              "handler: \"dir/a.js:2:1\"}\n"
              "- {seq: 5, ev: enqueue, job: 3, kind: PromiseReactionJob, queue: microtask, by: 1, "
              "handler: \"dir/a.js:3:1\"}\n"
              "- {seq: 6, ev: log, stream: out, text: \"old\", by: 1}\n"
              "- {seq: 7, ev: timer, timer: 1, api: setTimeout, delay: 0, handler: "
              "\"dir/a.js:9:1\", by: 1}\n"
              "- {seq: 8, ev: timer, timer: 2, api: setTimeout, delay: 0, handler: "
              "\"dir/a.js:9:1\", by: 1}\n"
              "- {seq: 9, ev: done, job: 1}\n"
              "- {seq: 10, ev: run, job: 2, tick: 1, turn: 0, time: 0}\n"
              "- {seq: 11, ev: log, stream: out, text: \"p\", by: 2}\n"
              "- {seq: 12, ev: done, job: 2}\n"
              "- {seq: 13, ev: run, job: 3, tick: 1, turn: 0, time: 0}\n"
              "- {seq: 14, ev: log, stream: out, text: \"q\", by: 3}\n"
              "- {seq: 15, ev: done, job: 3}\n"
              "- {seq: 16, ev: enqueue, job: 4, kind: Timeout, queue: timer, timer: 1, handler: "
              "\"dir/a.js:9:1\"}\n"
              "- {seq: 17, ev: run, job: 4, tick: 0, turn: 1, time: 1}\n"
              "- {seq: 18, ev: done, job: 4}\n"
              "- {seq: 19, ev: enqueue, job: 5, kind: Timeout, queue: timer, timer: 2, handler: "
              "\"dir/a.js:9:1\"}\n"
              "- {seq: 20, ev: run, job: 5, tick: 0, turn: 2, time: 1}\n"
              "- {seq: 21, ev: done, job: 5}\n";

/* B (another directory, so locations differ by their prefix): the script prints x then
 * "new"; q's reaction runs at tick 1 but p's now waits behind a thenable job (tick 2);
 * the second timer comes later. */
static const char trace_b[] = HEADER(
    "es2017") "- {seq: 1, ev: enqueue, job: 1, kind: Script, queue: script, handler: "
              "\"dir/a.js:1:1\"}\n"
              "- {seq: 2, ev: run, job: 1, tick: 0, turn: 0, time: 0}\n"
              "- {seq: 3, ev: log, stream: out, text: \"x\", by: 1}\n"
              "- {seq: 4, ev: enqueue, job: 2, kind: PromiseReactionJob, queue: microtask, by: 1, "
              "handler: \"dir/a.js:3:1\"}\n"
              "- {seq: 5, ev: enqueue, job: 3, kind: PromiseResolveThenableJob, queue: microtask, "
              "by: 1, "
              "fn: \"then\"}\n"
              "- {seq: 6, ev: log, stream: out, text: \"new\", by: 1}\n"
              "- {seq: 7, ev: timer, timer: 1, api: setTimeout, delay: 0, handler: "
              "\"dir/a.js:9:1\", by: 1}\n"
              "- {seq: 8, ev: timer, timer: 2, api: setTimeout, delay: 0, handler: "
              "\"dir/a.js:9:1\", by: 1}\n"
              "- {seq: 9, ev: done, job: 1}\n"
              "- {seq: 10, ev: run, job: 2, tick: 1, turn: 0, time: 0}\n"
              "- {seq: 11, ev: log, stream: out, text: \"q\", by: 2}\n"
              "- {seq: 12, ev: done, job: 2}\n"
              "- {seq: 13, ev: run, job: 3, tick: 1, turn: 0, time: 0}\n"
              "- {seq: 14, ev: enqueue, job: 4, kind: PromiseReactionJob, queue: microtask, by: 3, "
              "handler: \"dir/a.js:2:1\"}\n"
              "- {seq: 15, ev: done, job: 3}\n"
              "- {seq: 16, ev: run, job: 4, tick: 2, turn: 0, time: 0}\n"
              "- {seq: 17, ev: log, stream: out, text: \"p\", by: 4}\n"
              "- {seq: 18, ev: done, job: 4}\n"
              "- {seq: 19, ev: enqueue, job: 5, kind: Timeout, queue: timer, timer: 1, handler: "
              "\"dir/a.js:9:1\"}\n"
              "- {seq: 20, ev: run, job: 5, tick: 0, turn: 1, time: 1}\n"
              "- {seq: 21, ev: done, job: 5}\n"
              "- {seq: 22, ev: enqueue, job: 6, kind: Timeout, queue: timer, timer: 2, handler: "
              "\"dir/a.js:9:1\"}\n"
              "- {seq: 23, ev: run, job: 6, tick: 0, turn: 2, time: 2}\n"
              "- {seq: 24, ev: done, job: 6}\n";

typedef struct {
    char path[64];
    Model m;
    OutputLines ls;
} Side;

static void load(Side *s, const char *text, const char *path) {
    s->path[0] = '\0';
    if (text) {
        strcpy(s->path, "/tmp/tickscope-diff-XXXXXX");
        int fd = mkstemp(s->path);
        assert_true(fd >= 0);
        assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
        close(fd);
        path = s->path;
    }
    char *err = NULL, *warning = NULL;
    model_init(&s->m);
    if (model_load(&s->m, path, &err, &warning) != MODEL_LOAD_OK)
        fail_msg("%s", err);
    free(warning);
    lines_init(&s->ls, &s->m);
}

static void unload(Side *s) {
    lines_fini(&s->ls);
    model_fini(&s->m);
    if (s->path[0])
        unlink(s->path);
}

static uint32_t job(const Side *s, uint64_t id) {
    return idmap_get(&s->m.job_ids, id);
}

static uint64_t id_of(const Side *s, uint32_t j) {
    return j == MODEL_NONE ? 0 : s->m.jobs[j].id;
}

static void test_diff_matches_jobs_by_kind_handler_and_occurrence(void **state) {
    (void)state;
    Side a, b;
    load(&a, trace_a, NULL);
    load(&b, trace_b, NULL);
    Diff d;
    diff_init(&d, &a.m, &a.ls, &b.m, &b.ls);
    assert_int_equal(id_of(&b, d.match[0][job(&a, 1)]), 1);
    assert_int_equal(id_of(&b, d.match[0][job(&a, 2)]), 4); /* handler 2:1 */
    assert_int_equal(id_of(&b, d.match[0][job(&a, 3)]), 2); /* handler 3:1 */
    assert_int_equal(id_of(&b, d.match[0][job(&a, 4)]), 5); /* 1st Timeout 9:1 */
    assert_int_equal(id_of(&b, d.match[0][job(&a, 5)]), 6); /* 2nd Timeout 9:1 */
    assert_int_equal(d.match[1][job(&b, 3)], MODEL_NONE);   /* the thenable job */
    assert_int_equal(d.job_occ[0][job(&a, 5)], 2);
    assert_int_equal(d.nonly[0], 0);
    assert_int_equal(d.nonly[1], 1);
    /* shifted: p's job (tick 1 -> 2) and the second timer (time 1 -> 2) */
    assert_int_equal(d.nshifted, 2);
    assert_true(diff_job_shifted(&d, job(&a, 2)));
    assert_false(diff_job_shifted(&d, job(&a, 3)));
    assert_true(diff_job_shifted(&d, job(&a, 5)));
    StrBuf sb;
    strbuf_init(&sb);
    diff_put_identity(&d, 0, job(&a, 5), &sb);
    assert_string_equal(sb.data, "Timeout a.js:9:1 (occurrence 2)");
    strbuf_fini(&sb);
    diff_fini(&d);
    unload(&a);
    unload(&b);
}

static void test_diff_moves_the_line_whose_job_shifted(void **state) {
    (void)state;
    Side a, b;
    load(&a, trace_a, NULL);
    load(&b, trace_b, NULL);
    Diff d;
    diff_init(&d, &a.m, &a.ls, &b.m, &b.ls);
    /* A: x old p q   B: x new q p — p moved (its job went from tick 1 to 2), not q */
    assert_int_equal(d.nmoved, 1);
    assert_int_equal(d.nremoved, 1);
    assert_int_equal(d.nadded, 1);
    assert_true(diff_line_moved(&d, 0, 2));       /* p */
    assert_false(diff_line_moved(&d, 0, 3));      /* q */
    assert_int_equal(d.lmatch[0][1], MODEL_NONE); /* old */
    assert_int_equal(d.lmatch[1][1], MODEL_NONE); /* new */
    uint32_t from, count;
    bool ahead;
    diff_crossed(&d, 2, &from, &count, &ahead);
    assert_false(ahead);
    assert_int_equal(count, 1);
    assert_int_equal(d.kept_a[from], 3); /* it is now after q */
    DiffOp *ops;
    uint32_t n = diff_script(&d, &ops);
    static const char want[] = " --+ +";
    assert_int_equal(n, strlen(want));
    for (uint32_t i = 0; i < n; i++)
        assert_int_equal(ops[i].op, want[i]);
    assert_int_equal(ops[1].a, 1); /* -old */
    assert_int_equal(ops[2].a, 2); /* -p */
    assert_int_equal(ops[3].b, 1); /* +new */
    assert_int_equal(ops[4].a, 3); /* q */
    assert_int_equal(ops[4].b, 2);
    assert_int_equal(ops[5].b, 3); /* +p */
    free(ops);
    assert_false(diff_is_empty(&d));
    diff_fini(&d);
    unload(&a);
    unload(&b);
}

static void test_diff_of_a_trace_with_itself_is_empty(void **state) {
    (void)state;
    Side a, b;
    load(&a, trace_a, NULL);
    load(&b, trace_a, NULL);
    Diff d;
    diff_init(&d, &a.m, &a.ls, &b.m, &b.ls);
    assert_true(diff_is_empty(&d));
    assert_int_equal(d.nkept, a.ls.n);
    diff_fini(&d);
    unload(&a);
    unload(&b);
}

static void test_diff_of_the_seed_puzzle_moves_async1_end_ahead_of_promise2(void **state) {
    (void)state;
    Side a, b;
    load(&a, NULL, "tests/golden/analyzer/traces/seed_async_order.es2017.yaml");
    load(&b, NULL, "tests/traces/seed_async_order.es2019.yaml");
    Diff d;
    diff_init(&d, &a.m, &a.ls, &b.m, &b.ls);
    assert_int_equal(d.nmoved, 1);
    size_t len;
    assert_string_equal(lines_text(&a.ls, 6, &len), "async1 end");
    assert_true(diff_line_moved(&d, 0, 6));
    assert_int_equal(d.lmatch[0][6], 5); /* #7 -> #6 */
    uint32_t from, count;
    bool ahead;
    diff_crossed(&d, 6, &from, &count, &ahead);
    assert_true(ahead);
    assert_int_equal(count, 1);
    assert_string_equal(lines_text(&a.ls, d.kept_a[from], &len), "promise2");
    assert_int_equal(d.nonly[0], 2);
    assert_int_equal(d.nonly[1], 0);
    assert_int_equal(d.match[0][job(&a, 2)], MODEL_NONE);   /* PromiseResolveThenableJob */
    assert_int_equal(d.match[0][job(&a, 4)], MODEL_NONE);   /* the resolving reaction */
    assert_int_equal(id_of(&b, d.match[0][job(&a, 5)]), 2); /* async1's resumption */
    assert_int_equal(d.nshifted, 1);

    DiffOutOptions o = {{"A.yaml", "B.yaml"}, false, 3};
    StrBuf sb;
    strbuf_init(&sb);
    diffout_text(&d, &o, &sb);
    assert_non_null(strstr(sb.data, "\n+async1 end "));
    assert_non_null(strstr(sb.data, "\n-async1 end "));
    assert_non_null(strstr(sb.data, "\"async1 end\": A #7 \xE2\x86\x92 B #6, 2 ticks earlier "
                                    "(tick 3 \xE2\x86\x92 1); now before \"promise2\""));
    assert_non_null(strstr(sb.data, "PromiseResolveThenableJob #2, PromiseReactionJob #4"));
    assert_null(strstr(sb.data, "\033[")); /* no colour */
    strbuf_clear(&sb);
    o.color = true;
    diffout_text(&d, &o, &sb);
    assert_non_null(strstr(sb.data, "\033[32m+async1 end"));
    strbuf_fini(&sb);
    diff_fini(&d);
    unload(&a);
    unload(&b);
}

/* ---- json -------------------------------------------------------------------------- */

static void test_json_writer_nests_and_escapes_anything(void **state) {
    (void)state;
    StrBuf sb;
    strbuf_init(&sb);
    JsonW w;
    json_init(&w, &sb, false);
    json_object_begin(&w);
    json_key(&w, "s");
    static const char nasty[] = "q\"b\\\n\x01\x7f\xE2\x80\xA8\xFF\xC3\xA9";
    json_str(&w, nasty, sizeof nasty - 1);
    json_key(&w, "a");
    json_array_begin(&w);
    json_uint(&w, 1);
    json_newline(&w);
    json_num(&w, 0.5);
    json_num(&w, 1.0 / 0.0);
    json_int(&w, -3);
    json_bool(&w, true);
    json_null(&w);
    json_array_end(&w);
    json_key(&w, "o");
    json_object_begin(&w);
    json_object_end(&w);
    json_object_end(&w);
    assert_string_equal(sb.data, "{\"s\":\"q\\\"b\\\\\\n\\u0001\\u007f\\u2028\\ufffd\xC3\xA9\","
                                 "\"a\":[1,\n0.5,null,-3,true,null],\"o\":{}}");
    strbuf_clear(&sb);
    json_init(&w, &sb, true);
    json_object_begin(&w);
    json_kv_uint(&w, "n", 2);
    json_key(&w, "e");
    json_array_begin(&w);
    json_array_end(&w);
    json_object_end(&w);
    assert_string_equal(sb.data, "{\n  \"n\": 2,\n  \"e\": []\n}");
    strbuf_fini(&sb);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_diff_matches_jobs_by_kind_handler_and_occurrence),
        cmocka_unit_test(test_diff_moves_the_line_whose_job_shifted),
        cmocka_unit_test(test_diff_of_a_trace_with_itself_is_empty),
        cmocka_unit_test(test_diff_of_the_seed_puzzle_moves_async1_end_ahead_of_promise2),
        cmocka_unit_test(test_json_writer_nests_and_escapes_anything),
    };
    return cmocka_run_group_tests_name("analyzer_diff", tests, NULL, NULL);
}
