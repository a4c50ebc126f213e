/* test_analyzer_why.c — causal chains and the rule that explains why one output line
 * came before another (why.h), and finding output lines by text or number (lines.h), on
 * small hand-written traces and on the seed puzzle fixtures (es2019 and es2017). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyzer/idmap.h"
#include "analyzer/lines.h"
#include "analyzer/model.h"
#include "analyzer/why.h"
#include "common/strbuf.h"
#include "formats/trace_event.h"

#define HEADER                                                                                     \
    "format: \"tickscope-trace\"\nversion: \"1.0\"\nprogram: \"a.js\"\nspec: es2019\n"             \
    "host: node\nengine: \"tickscope 0.1.0\"\nclock: virtual-ms\n---\n"

/* Lines: 1 s (Script), 2 tick (NextTick #2), 3 then and 4 then2 (reaction #3), 5 micro
 * (QueueMicrotask #4, enqueued by #3), 6 timeout (Timeout #5, turn 1), 7 hostmicro (a
 * microtask the host enqueued in turn 1), 8 a host message (no job). */
static const char rules[] = HEADER
    "- {seq: 1, ev: enqueue, job: 1, kind: Script, queue: script, reason: script}\n"
    "- {seq: 2, ev: run, job: 1, tick: 0, turn: 0, time: 0}\n"
    "- {seq: 3, ev: log, stream: out, text: \"s\", by: 1, at: \"a.js:1:1\"}\n"
    "- {seq: 4, ev: enqueue, job: 2, kind: NextTick, queue: nextTick, reason: nextTick, by: 1}\n"
    "- {seq: 5, ev: promise, promise: 1, origin: resolve, by: 1, at: \"a.js:3:1\"}\n"
    "- {seq: 6, ev: resolve, promise: 1, outcome: fulfilled, by: 1, at: \"a.js:3:1\"}\n"
    "- {seq: 7, ev: then, promise: 1, reaction: 1, state: fulfilled, on_fulfilled: \"a.js:3:20\", "
    "by: 1, at: \"a.js:3:15\"}\n"
    "- {seq: 8, ev: enqueue, job: 3, kind: PromiseReactionJob, queue: microtask, reason: "
    "reaction, by: 1, promise: 1, reaction: 1, handler: \"a.js:3:20\"}\n"
    "- {seq: 9, ev: timer, timer: 1, api: setTimeout, delay: 0, clamped: 1, due: 1, handler: "
    "\"a.js:7:12\", by: 1, at: \"a.js:7:1\"}\n"
    "- {seq: 10, ev: done, job: 1}\n"
    "- {seq: 11, ev: run, job: 2, tick: 1, turn: 0, time: 0}\n"
    "- {seq: 12, ev: log, stream: out, text: \"tick\", by: 2}\n"
    "- {seq: 13, ev: done, job: 2}\n"
    "- {seq: 14, ev: run, job: 3, tick: 1, turn: 0, time: 0}\n"
    "- {seq: 15, ev: log, stream: out, text: \"then\", by: 3, at: \"a.js:4:3\"}\n"
    "- {seq: 16, ev: enqueue, job: 4, kind: QueueMicrotask, queue: microtask, reason: "
    "microtask, by: 3}\n"
    "- {seq: 17, ev: log, stream: out, text: \"then2\", by: 3, at: \"a.js:5:3\"}\n"
    "- {seq: 18, ev: done, job: 3}\n"
    "- {seq: 19, ev: run, job: 4, tick: 2, turn: 0, time: 0}\n"
    "- {seq: 20, ev: log, stream: out, text: \"micro\", by: 4}\n"
    "- {seq: 21, ev: done, job: 4}\n"
    "- {seq: 22, ev: enqueue, job: 5, kind: Timeout, queue: timer, reason: timer, timer: 1, "
    "handler: \"a.js:7:12\"}\n"
    "- {seq: 23, ev: run, job: 5, tick: 0, turn: 1, time: 1}\n"
    "- {seq: 24, ev: log, stream: out, text: \"timeout\", by: 5}\n"
    "- {seq: 25, ev: enqueue, job: 6, kind: QueueMicrotask, queue: microtask, reason: host}\n"
    "- {seq: 26, ev: done, job: 5}\n"
    "- {seq: 27, ev: run, job: 6, tick: 1, turn: 1, time: 1}\n"
    "- {seq: 28, ev: log, stream: out, text: \"hostmicro\", by: 6}\n"
    "- {seq: 29, ev: done, job: 6}\n"
    "- {seq: 30, ev: log, stream: err, text: \"(node:1) Warning: host says hi\"}\n"
    "- {seq: 31, ev: exit, code: 0, reason: normal, time: 1}\n";

typedef struct {
    char path[64];
    Model m;
    OutputLines ls;
} Loaded;

static void load_text(Loaded *l, const char *text) {
    strcpy(l->path, "/tmp/tickscope-why-XXXXXX");
    int fd = mkstemp(l->path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    char *err = NULL, *warning = NULL;
    model_init(&l->m);
    ModelLoadStatus st = model_load(&l->m, l->path, &err, &warning);
    if (st != MODEL_LOAD_OK)
        fail_msg("%s", err);
    free(warning);
    lines_init(&l->ls, &l->m);
}

static void load_path(Loaded *l, const char *path) {
    l->path[0] = '\0';
    char *err = NULL, *warning = NULL;
    model_init(&l->m);
    if (model_load(&l->m, path, &err, &warning) != MODEL_LOAD_OK)
        fail_msg("%s: %s", path, err);
    free(warning);
    lines_init(&l->ls, &l->m);
}

static void unload(Loaded *l) {
    lines_fini(&l->ls);
    model_fini(&l->m);
    if (l->path[0])
        unlink(l->path);
}

/* The rule for output lines a and b (1-based, a printed first). */
static WhyDivergence diverge(const Loaded *l, uint32_t a, uint32_t b) {
    WhyChain ca, cb;
    why_chain(&l->m, l->ls.v[a - 1].job, &ca);
    why_chain(&l->m, l->ls.v[b - 1].job, &cb);
    WhyDivergence d;
    why_diverge(&l->m, &ca, &cb, &d);
    why_chain_fini(&ca);
    why_chain_fini(&cb);
    return d;
}

static char *rule_text(const Loaded *l, uint32_t a, uint32_t b) {
    WhyDivergence d = diverge(l, a, b);
    StrBuf sb;
    strbuf_init(&sb);
    why_explain_split(&l->m, &d, "A", "B", &sb);
    strbuf_putc(&sb, '|');
    why_explain_rule(&l->m, &d, "A", "B", &sb);
    char *s = strbuf_take(&sb, NULL);
    strbuf_fini(&sb);
    return s;
}

static uint32_t job_index(const Model *m, uint64_t id) {
    return idmap_get(&m->job_ids, id);
}

/* ---- lines ------------------------------------------------------------------------- */

static void test_lines_numbers_every_line_of_both_streams_in_trace_order(void **state) {
    (void)state;
    Loaded l;
    load_text(&l, rules);
    assert_int_equal(l.ls.n, 8);
    size_t len;
    assert_string_equal(lines_text(&l.ls, 0, &len), "s");
    assert_string_equal(lines_text(&l.ls, 5, &len), "timeout");
    assert_true(l.ls.v[7].is_err);
    assert_int_equal(l.ls.v[7].job, MODEL_NONE);
    assert_int_equal(l.ls.v[2].job, job_index(&l.m, 3));
    unload(&l);
}

static void test_lines_join_writes_without_newline_and_split_at_newlines(void **state) {
    (void)state;
    static const char t[] =
        HEADER "- {seq: 1, ev: enqueue, job: 1, kind: Script, queue: script}\n"
               "- {seq: 2, ev: run, job: 1, tick: 0, turn: 0, time: 0}\n"
               "- {seq: 3, ev: log, stream: out, text: \"a\", newline: false, by: 1}\n"
               "- {seq: 4, ev: log, stream: err, text: \"e1\\ne2\", by: 1}\n"
               "- {seq: 5, ev: log, stream: out, text: \"b\\nc\", by: 1}\n"
               "- {seq: 6, ev: log, stream: out, text: \"\", by: 1}\n"
               "- {seq: 7, ev: log, stream: out, text: \"tail\", newline: false, by: 1}\n"
               "- {seq: 8, ev: done, job: 1}\n";
    Loaded l;
    load_text(&l, t);
    static const char *const want[] = {"e1", "e2", "ab", "c", "", "tail"};
    assert_int_equal(l.ls.n, 6);
    for (uint32_t i = 0; i < 6; i++) {
        size_t len;
        assert_string_equal(lines_text(&l.ls, i, &len), want[i]);
    }
    assert_true(l.ls.v[0].is_err);
    assert_false(l.ls.v[2].is_err);
    unload(&l);
}

static void test_lines_find_by_number_exact_text_then_substring(void **state) {
    (void)state;
    Loaded l;
    load_text(&l, rules);
    uint32_t at = 99, cands[4], n;
    assert_int_equal(lines_find(&l.ls, "#6", &at, cands, 4, &n), LINES_FOUND);
    assert_int_equal(at, 5);
    assert_int_equal(lines_find(&l.ls, "#0", &at, cands, 4, &n), LINES_NO_NUMBER);
    assert_int_equal(lines_find(&l.ls, "#9", &at, cands, 4, &n), LINES_NO_NUMBER);
    assert_int_equal(lines_find(&l.ls, "then", &at, cands, 4, &n), LINES_FOUND); /* exact */
    assert_int_equal(at, 2);
    assert_int_equal(lines_find(&l.ls, "hostm", &at, cands, 4, &n), LINES_FOUND);
    assert_int_equal(at, 6);
    assert_int_equal(lines_find(&l.ls, "ti", &at, cands, 4, &n), LINES_AMBIGUOUS);
    assert_int_equal(n, 2); /* tick, timeout */
    assert_int_equal(cands[0], 1);
    assert_int_equal(cands[1], 5);
    assert_int_equal(lines_find(&l.ls, "nowhere", &at, cands, 4, &n), LINES_NONE);
    unload(&l);
}

static void test_lines_quote_escapes_control_characters(void **state) {
    (void)state;
    StrBuf sb;
    strbuf_init(&sb);
    lines_put_quoted(&sb, "a\"b\\c\td\x01", 8);
    assert_string_equal(sb.data, "\"a\\\"b\\\\c\\td\\x01\"");
    strbuf_fini(&sb);
}

/* ---- chains ------------------------------------------------------------------------ */

static void test_why_chain_runs_from_the_root_to_the_job(void **state) {
    (void)state;
    Loaded l;
    load_text(&l, rules);
    WhyChain c;
    why_chain(&l.m, job_index(&l.m, 4), &c);
    assert_int_equal(c.n, 3);
    assert_int_equal(l.m.jobs[c.jobs[0]].id, 1);
    assert_int_equal(l.m.jobs[c.jobs[1]].id, 3);
    assert_int_equal(l.m.jobs[c.jobs[2]].id, 4);
    why_chain_fini(&c);
    why_chain(&l.m, job_index(&l.m, 5), &c); /* a timer hangs from the job that armed it */
    assert_int_equal(c.n, 2);
    assert_int_equal(l.m.jobs[c.jobs[0]].id, 1);
    why_chain_fini(&c);
    why_chain(&l.m, MODEL_NONE, &c);
    assert_int_equal(c.n, 0);
    why_chain_fini(&c);
    unload(&l);
}

static void test_why_edge_reasons_name_the_cause(void **state) {
    (void)state;
    Loaded l;
    load_text(&l, rules);
    StrBuf sb;
    strbuf_init(&sb);
    why_edge_reason(&l.m, job_index(&l.m, 3), &sb);
    assert_string_equal(sb.data, "Script #1 called .then() at a.js:3:15 on promise #1 "
                                 "(Promise.resolve()), which was already fulfilled: the "
                                 "reaction was enqueued at once");
    strbuf_clear(&sb);
    why_edge_reason(&l.m, job_index(&l.m, 5), &sb);
    assert_string_equal(sb.data, "Script #1 called setTimeout at a.js:7:1 with a delay of 0 ms "
                                 "(the host made it 1); it came due at 1 ms");
    strbuf_clear(&sb);
    why_edge_reason(&l.m, job_index(&l.m, 2), &sb);
    assert_string_equal(sb.data, "Script #1 called process.nextTick()");
    strbuf_clear(&sb);
    why_edge_reason(&l.m, job_index(&l.m, 1), &sb);
    assert_string_equal(sb.data, "the host runs the program");
    strbuf_fini(&sb);
    unload(&l);
}

/* Every ORIGIN value of events.def has a phrase (a new value fails here until why.c
 * knows it). The trace: a promise of that origin, a reaction job on it that prints. */
static void test_why_names_every_promise_origin(void **state) {
    (void)state;
    for (int v = 0; v < TFV__COUNT; v++) {
        if (tf_enum_set((TfEnumValue)v) != TFS_ORIGIN)
            continue;
        const char *origin = tf_enum_text((TfEnumValue)v);
        StrBuf t;
        strbuf_init(&t);
        strbuf_printf(
            &t,
            HEADER "- {seq: 1, ev: enqueue, job: 1, kind: Module, queue: script, reason: script}\n"
                   "- {seq: 2, ev: run, job: 1, tick: 0, turn: 0, time: 0}\n"
                   "- {seq: 3, ev: promise, promise: 1, origin: %s, by: 1}\n"
                   "- {seq: 4, ev: resolve, promise: 1, outcome: fulfilled, by: 1}\n"
                   "- {seq: 5, ev: then, promise: 1, reaction: 1, state: fulfilled, "
                   "on_fulfilled: \"a.js:3:20\", by: 1, at: \"a.js:3:15\"}\n"
                   "- {seq: 6, ev: enqueue, job: 2, kind: PromiseReactionJob, queue: microtask, "
                   "reason: reaction, by: 1, promise: 1, reaction: 1, handler: \"a.js:3:20\"}\n"
                   "- {seq: 7, ev: done, job: 1}\n"
                   "- {seq: 8, ev: run, job: 2, tick: 1, turn: 0, time: 0}\n"
                   "- {seq: 9, ev: log, stream: out, text: \"x\", by: 2}\n"
                   "- {seq: 10, ev: done, job: 2}\n"
                   "- {seq: 11, ev: exit, code: 0, reason: normal, time: 0}\n",
            origin);
        Loaded l;
        load_text(&l, t.data);
        StrBuf sb;
        strbuf_init(&sb);
        why_edge_reason(&l.m, job_index(&l.m, 2), &sb);
        if (!strstr(sb.data, "on promise #1 ("))
            fail_msg("origin %s has no phrase: %s", origin, sb.data);
        if (strcmp(origin, "module") == 0)
            assert_non_null(strstr(sb.data, "on promise #1 (a module's evaluation)"));
        strbuf_fini(&sb);
        unload(&l);
        strbuf_fini(&t);
    }
}

/* ---- divergence -------------------------------------------------------------------- */

static void test_why_picks_the_rule_that_ordered_two_lines(void **state) {
    (void)state;
    Loaded l;
    load_text(&l, rules);
    assert_int_equal(diverge(&l, 3, 4).rule, WHY_SAME_JOB);
    assert_int_equal(diverge(&l, 1, 2).rule, WHY_ANCESTOR);
    assert_int_equal(diverge(&l, 3, 5).rule, WHY_ANCESTOR);
    assert_int_equal(diverge(&l, 2, 3).rule, WHY_QUEUE_ORDER);
    assert_int_equal(diverge(&l, 2, 5).rule, WHY_NOT_YET);
    assert_int_equal(diverge(&l, 5, 6).rule, WHY_EARLIER_TURN);
    assert_int_equal(diverge(&l, 6, 7).rule, WHY_TASK_FIRST);
    assert_int_equal(diverge(&l, 7, 8).rule, WHY_HOST);
    WhyDivergence d = diverge(&l, 2, 5);
    assert_int_equal(d.shared, 1);
    assert_int_equal(l.m.jobs[d.split].id, 1);
    assert_int_equal(l.m.jobs[d.branch_first].id, 2);
    assert_int_equal(l.m.jobs[d.branch_second].id, 3);
    assert_int_equal(d.tick_first, 1);
    assert_int_equal(d.tick_second, 2);
    d = diverge(&l, 6, 7);
    assert_int_equal(d.shared, 0);
    assert_int_equal(d.split, MODEL_NONE);
    unload(&l);
}

static void test_why_explains_queue_order_and_turns_with_facts(void **state) {
    (void)state;
    Loaded l;
    load_text(&l, rules);
    char *s = rule_text(&l, 2, 3);
    assert_non_null(strstr(s, "the host drains the nextTick queue first (node runs every "
                              "process.nextTick callback before promise jobs)"));
    free(s);
    s = rule_text(&l, 5, 6);
    assert_non_null(strstr(s, "QueueMicrotask #4 ran in macrotask turn 0 and Timeout #5 in "
                              "turn 1"));
    assert_non_null(strstr(s, "Turn 1 began with Timeout #5 at 1 ms"));
    free(s);
    s = rule_text(&l, 2, 5);
    assert_non_null(strstr(s, "Both chains start at Script #1, and split there"));
    assert_non_null(strstr(s, "QueueMicrotask #4 did not exist yet when NextTick #2 ran (seq "
                              "11): it was enqueued only at seq 16 by PromiseReactionJob #3"));
    free(s);
    s = rule_text(&l, 6, 7);
    assert_non_null(strstr(s, "The chains have no job in common"));
    free(s);
    unload(&l);
}

static void test_why_explains_the_seed_puzzle_in_both_spec_modes(void **state) {
    (void)state;
    Loaded l;
    load_path(&l, "tests/traces/seed_async_order.es2019.yaml");
    /* es2019: #6 async1 end, #7 promise2: both queued by the script, FIFO */
    WhyDivergence d = diverge(&l, 6, 7);
    assert_int_equal(d.rule, WHY_FIFO);
    char *s = rule_text(&l, 6, 7);
    assert_non_null(strstr(s, "#2 was enqueued at seq 13 by Script #1, #3 at seq 20 by "
                              "Script #1"));
    free(s);
    unload(&l);
    load_path(&l, "tests/golden/analyzer/traces/seed_async_order.es2017.yaml");
    /* es2017: #6 promise2, #7 async1 end, three ticks away */
    d = diverge(&l, 6, 7);
    assert_int_equal(d.rule, WHY_NOT_YET);
    assert_int_equal(d.tick_first, 1);
    assert_int_equal(d.tick_second, 3);
    assert_string_equal(model_str(&l.m, l.m.jobs[d.branch_second].kind),
                        "PromiseResolveThenableJob");
    s = rule_text(&l, 6, 7);
    assert_non_null(strstr(s, "its chain takes 2 more hops through the microtask queue"));
    free(s);
    unload(&l);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lines_numbers_every_line_of_both_streams_in_trace_order),
        cmocka_unit_test(test_lines_join_writes_without_newline_and_split_at_newlines),
        cmocka_unit_test(test_lines_find_by_number_exact_text_then_substring),
        cmocka_unit_test(test_lines_quote_escapes_control_characters),
        cmocka_unit_test(test_why_chain_runs_from_the_root_to_the_job),
        cmocka_unit_test(test_why_edge_reasons_name_the_cause),
        cmocka_unit_test(test_why_names_every_promise_origin),
        cmocka_unit_test(test_why_picks_the_rule_that_ordered_two_lines),
        cmocka_unit_test(test_why_explains_queue_order_and_turns_with_facts),
        cmocka_unit_test(test_why_explains_the_seed_puzzle_in_both_spec_modes),
    };
    return cmocka_run_group_tests_name("analyzer_why", tests, NULL, NULL);
}
