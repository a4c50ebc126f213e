/* test_analyzer_model.c — the analyzer's model (model.h) loaded from small hand-written
 * traces: ids and indices, enqueued-by edges, run order, ticks and turns, output
 * attribution, promises, activations, timers, queue peaks, and the errors (with their
 * FILE:LINE:COL) for malformed and inconsistent traces; plus the hash maps (idmap.h). */
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
#include "analyzer/model.h"

#define HEADER                                                                                     \
    "format: \"tickscope-trace\"\n"                                                                \
    "version: \"1.0\"\n"                                                                           \
    "program: \"a.js\"\n"                                                                          \
    "spec: es2019\n"                                                                               \
    "host: node\n"                                                                                 \
    "engine: \"tickscope 0.1.0\"\n"                                                                \
    "clock: virtual-ms\n"                                                                          \
    "---\n"

/* The first seed puzzle (seeds/000, "async1 end" before "promise1") under es2019 on
 * node, by hand; the Timeout's output is on stderr and has two lines. */
static const char seed[] = HEADER
    "- {seq: 1, ev: enqueue, job: 1, kind: Script, queue: script, reason: script}\n"
    "- {seq: 2, ev: run, job: 1, tick: 0, turn: 0, time: 0}\n"
    "- {seq: 3, ev: log, stream: out, text: \"script start\", by: 1}\n"
    "- {seq: 4, ev: promise, promise: 1, origin: async, by: 1, at: \"a.js:10:1\"}\n"
    "- {seq: 5, ev: activation, activation: 1, kind: async, promise: 1, fn: \"async1\", "
    "handler: \"a.js:3:1\", by: 1}\n"
    "- {seq: 6, ev: promise, promise: 2, origin: async, by: 1, at: \"a.js:4:11\"}\n"
    "- {seq: 7, ev: activation, activation: 2, kind: async, promise: 2, fn: \"async2\", by: 1}\n"
    "- {seq: 8, ev: log, stream: out, text: \"async2 end\", by: 1, activation: 2}\n"
    "- {seq: 9, ev: resolve, promise: 2, outcome: fulfilled, by: 1}\n"
    "- {seq: 10, ev: suspend, activation: 1, op: await, awaiting: 2, by: 1, at: \"a.js:4:5\"}\n"
    "- {seq: 11, ev: then, promise: 2, reaction: 1, state: fulfilled, activation: 1, by: 1}\n"
    "- {seq: 12, ev: enqueue, job: 2, kind: PromiseReactionJob, queue: microtask, "
    "reason: await, by: 1, promise: 2, reaction: 1, activation: 1, handler: \"a.js:4:5\", "
    "fn: \"Await fulfilled\"}\n"
    "- {seq: 13, ev: timer, timer: 1, api: setTimeout, delay: 0, clamped: 1, due: 1, "
    "handler: \"a.js:12:12\", by: 1}\n"
    "- {seq: 14, ev: promise, promise: 3, origin: constructor, by: 1, at: \"a.js:16:1\"}\n"
    "- {seq: 15, ev: log, stream: out, text: \"Promise\", by: 1}\n"
    "- {seq: 16, ev: resolve, promise: 3, outcome: fulfilled, by: 1}\n"
    "- {seq: 17, ev: promise, promise: 4, origin: then, by: 1}\n"
    "- {seq: 18, ev: then, promise: 3, reaction: 2, derived: 4, state: fulfilled, by: 1}\n"
    "- {seq: 19, ev: enqueue, job: 3, kind: PromiseReactionJob, queue: microtask, "
    "reason: reaction, by: 1, promise: 3, reaction: 2, handler: \"a.js:20:7\"}\n"
    "- {seq: 20, ev: promise, promise: 5, origin: then, by: 1}\n"
    "- {seq: 21, ev: then, promise: 4, reaction: 3, derived: 5, state: pending, by: 1}\n"
    "- {seq: 22, ev: log, stream: out, text: \"script end\", by: 1}\n"
    "- {seq: 23, ev: done, job: 1}\n"
    "- {seq: 24, ev: run, job: 2, tick: 1, turn: 0, time: 0}\n"
    "- {seq: 25, ev: resume, activation: 1, completion: normal, by: 2}\n"
    "- {seq: 26, ev: log, stream: out, text: \"async1 end\", by: 2}\n"
    "- {seq: 27, ev: resolve, promise: 1, outcome: fulfilled, by: 2}\n"
    "- {seq: 28, ev: done, job: 2}\n"
    "- {seq: 29, ev: run, job: 3, tick: 1, turn: 0, time: 0}\n"
    "- {seq: 30, ev: log, stream: out, text: \"promise1\", by: 3}\n"
    "- {seq: 31, ev: resolve, promise: 4, outcome: fulfilled, by: 3}\n"
    "- {seq: 32, ev: enqueue, job: 4, kind: PromiseReactionJob, queue: microtask, "
    "reason: reaction, by: 3, promise: 4, reaction: 3, handler: \"a.js:23:7\"}\n"
    "- {seq: 33, ev: done, job: 3}\n"
    "- {seq: 34, ev: run, job: 4, tick: 2, turn: 0, time: 0}\n"
    "- {seq: 35, ev: log, stream: out, text: \"promise2\", by: 4}\n"
    "- {seq: 36, ev: resolve, promise: 5, outcome: fulfilled, by: 4}\n"
    "- {seq: 37, ev: done, job: 4}\n"
    "- {seq: 38, ev: enqueue, job: 5, kind: Timeout, queue: timer, reason: timer, timer: 1, "
    "handler: \"a.js:12:12\"}\n"
    "- {seq: 39, ev: run, job: 5, tick: 0, turn: 1, time: 1}\n"
    "- {seq: 40, ev: log, stream: err, text: \"setTimeout\\nsecond\", by: 5}\n"
    "- {seq: 41, ev: done, job: 5}\n"
    "- {seq: 42, ev: exit, code: 0, reason: normal, time: 1}\n";

typedef struct {
    char path[64];
    Model m;
    char *err, *warning;
    ModelLoadStatus st;
} Loaded;

static void write_file(char *path, const char *text, size_t len) {
    strcpy(path, "/tmp/tickscope-test-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, len), (ssize_t)len);
    close(fd);
}

static void load_text(Loaded *l, const char *text) {
    write_file(l->path, text, strlen(text));
    model_init(&l->m);
    l->st = model_load(&l->m, l->path, &l->err, &l->warning);
}

static void unload(Loaded *l) {
    model_fini(&l->m);
    free(l->err);
    free(l->warning);
    unlink(l->path);
}

static uint32_t job_index(const Model *m, uint64_t id) {
    uint32_t i = idmap_get(&m->job_ids, id);
    assert_int_not_equal(i, IDMAP_NONE);
    return i;
}

static void test_model_reads_the_header_and_counts_events(void **state) {
    (void)state;
    Loaded l;
    load_text(&l, seed);
    assert_int_equal(l.st, MODEL_LOAD_OK);
    assert_null(l.err);
    assert_string_equal(model_str(&l.m, l.m.program), "a.js");
    assert_string_equal(model_str(&l.m, l.m.spec), "es2019");
    assert_string_equal(model_str(&l.m, l.m.host), "node");
    assert_int_equal(l.m.nevents, 42);
    assert_true(l.m.has_exit);
    assert_false(l.m.truncated);
    unload(&l);
}

static void test_model_maps_job_ids_to_indices_in_enqueue_order(void **state) {
    (void)state;
    Loaded l;
    load_text(&l, seed);
    const Model *m = &l.m;
    assert_int_equal(m->njobs, 5);
    for (uint64_t id = 1; id <= 5; id++)
        assert_int_equal(m->jobs[job_index(m, id)].id, id);
    const MJob *j2 = &m->jobs[job_index(m, 2)];
    assert_string_equal(model_str(m, j2->kind), "PromiseReactionJob");
    assert_int_equal(j2->queue, QUEUE_MICROTASK);
    assert_string_equal(model_str(m, j2->reason), "await");
    assert_string_equal(model_str(m, j2->handler), "a.js:4:5");
    assert_string_equal(model_str(m, j2->fn), "Await fulfilled");
    assert_int_equal(m->jobs[job_index(m, 5)].queue, QUEUE_TIMER);
    assert_int_equal(m->jobs[job_index(m, 1)].queue, QUEUE_SCRIPT);
    unload(&l);
}

static void test_model_links_each_job_to_the_job_that_enqueued_it(void **state) {
    (void)state;
    Loaded l;
    load_text(&l, seed);
    const Model *m = &l.m;
    assert_int_equal(m->jobs[job_index(m, 1)].by, MODEL_NONE);
    assert_int_equal(m->jobs[job_index(m, 2)].by, job_index(m, 1));
    assert_int_equal(m->jobs[job_index(m, 4)].by, job_index(m, 3));
    assert_int_equal(m->jobs[job_index(m, 5)].by, MODEL_NONE); /* the host: a timer */
    assert_int_equal(m->jobs[job_index(m, 4)].depth, 2);
    assert_int_equal(m->jobs[job_index(m, 5)].timer, 0);
    assert_int_equal(m->timers[0].fired, 1);
    unload(&l);
}

static void test_model_records_run_order_ticks_turns_and_time(void **state) {
    (void)state;
    Loaded l;
    load_text(&l, seed);
    const Model *m = &l.m;
    assert_int_equal(m->nrun, 5);
    for (uint32_t r = 0; r < 5; r++)
        assert_int_equal(m->jobs[m->run_order[r]].id, r + 1);
    assert_int_equal(m->jobs[job_index(m, 4)].tick, 2);
    assert_int_equal(m->jobs[job_index(m, 4)].run_index, 3);
    assert_int_equal(m->jobs[job_index(m, 5)].turn, 1);
    assert_true(m->jobs[job_index(m, 5)].time == 1.0);
    assert_int_equal(m->max_tick, 2);
    assert_int_equal(m->max_turn, 1);
    assert_int_equal(m->jobs[job_index(m, 3)].completion, JOB_COMPLETION_NORMAL);
    /* Jobs 2 and 3 waited in the microtask queue together. */
    assert_int_equal(m->queue_peak[QUEUE_MICROTASK], 2);
    assert_int_equal(m->queue_peak_seq[QUEUE_MICROTASK], 19);
    unload(&l);
}

static void test_model_attributes_output_lines_to_the_job_that_printed_them(void **state) {
    (void)state;
    Loaded l;
    load_text(&l, seed);
    const Model *m = &l.m;
    assert_int_equal(m->nlogs, 8);
    assert_int_equal(m->jobs[job_index(m, 1)].nlogs, 4);
    assert_int_equal(model_job_line_count(m, job_index(m, 1)), 4);
    MLineIter it;
    MLine line;
    model_lines_begin(m, job_index(m, 2), &it);
    assert_true(model_lines_next(&it, &line));
    assert_int_equal(line.len, 10);
    assert_memory_equal(line.text, "async1 end", 10);
    assert_false(model_lines_next(&it, &line));
    /* One log with an embedded newline is two lines, on stderr. */
    uint32_t j5 = job_index(m, 5);
    assert_int_equal(model_job_line_count(m, j5), 2);
    model_lines_begin(m, j5, &it);
    assert_true(model_lines_next(&it, &line));
    assert_true(line.is_err);
    assert_int_equal(line.len, 10);
    assert_true(model_lines_next(&it, &line));
    assert_memory_equal(line.text, "second", 6);
    assert_false(model_lines_next(&it, &line));
    unload(&l);
}

/* All lines of job 1 joined with '|'. */
static void job_lines(const Model *m, char *buf, size_t cap) {
    MLineIter it;
    MLine line;
    size_t n = 0;
    buf[0] = '\0';
    model_lines_begin(m, 0, &it);
    while (model_lines_next(&it, &line)) {
        n += (size_t)snprintf(buf + n, cap - n, "%s%.*s", n ? "|" : "", (int)line.len, line.text);
        assert_true(n < cap);
    }
}

static void test_model_splits_output_into_lines_as_the_terminal_shows_them(void **state) {
    (void)state;
    Loaded l;
    load_text(&l, HEADER "- {seq: 1, ev: enqueue, job: 1, kind: Script, queue: script}\n"
                         "- {seq: 2, ev: run, job: 1, tick: 0, turn: 0, time: 0}\n"
                         "- {seq: 3, ev: log, stream: out, text: \"a, \", newline: false, by: 1}\n"
                         "- {seq: 4, ev: log, stream: out, text: \"b\", by: 1}\n"
                         "- {seq: 5, ev: log, stream: out, text: \"\", by: 1}\n"
                         "- {seq: 6, ev: log, stream: out, text: \"c\\n\", by: 1}\n"
                         "- {seq: 7, ev: log, stream: out, text: \"d\\ne\", by: 1}\n"
                         "- {seq: 8, ev: log, stream: out, text: \"f\\n\", newline: false, by: 1}\n"
                         "- {seq: 9, ev: log, stream: err, text: \"g\", newline: false, by: 1}\n"
                         "- {seq: 10, ev: log, stream: out, text: \"h\", by: 1}\n"
                         "- {seq: 11, ev: done, job: 1}\n");
    assert_int_equal(l.st, MODEL_LOAD_OK);
    char buf[128];
    job_lines(&l.m, buf, sizeof buf);
    assert_string_equal(buf, "a, b||c||d|e|f|g|h");
    assert_int_equal(model_job_line_count(&l.m, 0), 9);
    unload(&l);
}

static void test_model_tracks_promise_states_and_activations(void **state) {
    (void)state;
    Loaded l;
    load_text(&l, seed);
    const Model *m = &l.m;
    assert_int_equal(m->npromises, 5);
    for (uint32_t p = 0; p < 5; p++)
        assert_int_equal(m->promises[p].state, PROMISE_FULFILLED);
    assert_int_equal(m->promises[0].settler, job_index(m, 2));
    assert_int_equal(m->promises[1].nreactions, 1);
    assert_string_equal(model_str(m, m->promises[2].origin), "constructor");
    assert_int_equal(m->nactivations, 2);
    const MActivation *a1 = &m->activations[0];
    assert_string_equal(model_str(m, a1->fn), "async1");
    assert_int_equal(a1->nsuspend, 1);
    assert_int_equal(a1->nresume, 1);
    assert_false(a1->suspended);
    assert_int_equal(a1->awaiting, 1);
    assert_int_equal(a1->resumed_in, job_index(m, 2));
    unload(&l);
}

static void test_model_keeps_an_activation_that_never_resumed_with_its_location(void **state) {
    (void)state;
    Loaded l;
    load_text(
        &l, HEADER
        "- {seq: 1, ev: enqueue, job: 1, kind: Script, queue: script}\n"
        "- {seq: 2, ev: run, job: 1, tick: 0, turn: 0, time: 0}\n"
        "- {seq: 3, ev: promise, promise: 1, origin: async, by: 1}\n"
        "- {seq: 4, ev: activation, activation: 7, kind: async, promise: 1, fn: \"f\", by: 1}\n"
        "- {seq: 5, ev: promise, promise: 2, origin: constructor, by: 1, at: \"a.js:2:9\"}\n"
        "- {seq: 6, ev: suspend, activation: 7, op: await, awaiting: 2, by: 1, at: \"a.js:2:3\"}\n"
        "- {seq: 7, ev: done, job: 1}\n");
    assert_int_equal(l.st, MODEL_LOAD_OK);
    const MActivation *a = &l.m.activations[0];
    assert_int_equal(a->id, 7);
    assert_true(a->suspended);
    assert_string_equal(model_str(&l.m, a->suspend_at), "a.js:2:3");
    assert_int_equal(l.m.promises[a->awaiting].state, PROMISE_PENDING);
    assert_false(l.m.has_exit);
    unload(&l);
}

static void test_model_records_reactions_with_who_registered_and_ran_them(void **state) {
    (void)state;
    Loaded l;
    load_text(&l, seed);
    const Model *m = &l.m;
    assert_int_equal(m->nreactions, 3);
    const MReaction *r = &m->reactions[0];
    assert_int_equal(m->promises[r->promise].id, 2);
    assert_int_equal(m->activations[r->activation].id, 1);
    assert_true(r->state_known);
    assert_int_equal(r->state, PROMISE_FULFILLED);
    assert_int_equal(m->jobs[r->by].id, 1);
    assert_int_equal(m->jobs[r->job].id, 2);
    r = &m->reactions[2]; /* on promise 4, pending: run by job 4 after job 3 settled it */
    assert_int_equal(r->state, PROMISE_PENDING);
    assert_int_equal(m->jobs[r->job].id, 4);
    assert_int_equal(m->promises[r->derived].id, 5);
    const MJob *j4 = &m->jobs[job_index(m, 4)];
    assert_int_equal(j4->reaction, 2);
    const MPromise *p4 = &m->promises[idmap_get(&m->promise_ids, 4)];
    assert_int_equal(p4->first_reaction, 2);
    assert_int_equal(m->jobs[p4->settler].id, 3);
    assert_int_equal(p4->settle_seq, 31);
    unload(&l);
}

static void test_model_records_lock_ins_thenable_jobs_and_suspend_resume_steps(void **state) {
    (void)state;
    Loaded l;
    l.path[0] = '\0';
    model_init(&l.m);
    l.err = l.warning = NULL;
    l.st = model_load(&l.m, "tests/golden/analyzer/traces/seed_async_order.es2017.yaml", &l.err,
                      &l.warning);
    assert_int_equal(l.st, MODEL_LOAD_OK);
    const Model *m = &l.m;
    const MPromise *p3 = &m->promises[idmap_get(&m->promise_ids, 3)];
    assert_int_equal(m->promises[p3->locked_to].id, 2);
    assert_int_equal(m->jobs[p3->lock_by].id, 1);
    assert_int_equal(p3->lock_seq, 13);
    assert_int_equal(p3->state, PROMISE_FULFILLED);
    assert_int_equal(m->jobs[p3->settler].id, 4);
    const MJob *j2 = &m->jobs[job_index(m, 2)];
    assert_string_equal(model_str(m, j2->kind), "PromiseResolveThenableJob");
    assert_int_equal(m->promises[j2->promise].id, 3);
    assert_int_equal(m->promises[j2->thenable].id, 2);
    const MActivation *a = &m->activations[0];
    assert_int_not_equal(a->first_step, MODEL_NONE);
    const MActStep *s1 = &m->act_steps[a->first_step];
    assert_false(s1->resume);
    assert_int_equal(m->jobs[s1->job].id, 1);
    assert_int_equal(m->promises[s1->awaiting].id, 3);
    assert_string_equal(model_str(m, s1->at), "tests/traces/seed_async_order.js:3:5");
    const MActStep *s2 = &m->act_steps[s1->next];
    assert_true(s2->resume);
    assert_int_equal(m->jobs[s2->job].id, 5);
    assert_int_equal(s2->next, MODEL_NONE);
    StrBuf sb;
    strbuf_init(&sb);
    model_job_title(m, job_index(m, 5), &sb);
    assert_string_equal(sb.data, "PromiseReactionJob #5 Await fulfilled (seed_async_order.js:3:5)");
    strbuf_fini(&sb);
    unload(&l);
}

static void test_model_reports_yaml_errors_with_file_line_and_column(void **state) {
    (void)state;
    Loaded l;
    load_text(&l, HEADER "- {seq: 1, ev: enqueue, job: 1, kind: Script, queue: script}\n"
                         "- {seq: 2, ev: run, job: 1, tick: 0 turn: 0, time: 0}\n"
                         "- {seq: 3, ev: done, job: 1}\n");
    assert_int_equal(l.st, MODEL_LOAD_BAD);
    assert_non_null(l.err);
    char want[96];
    snprintf(want, sizeof want, "%s:10:", l.path);
    assert_int_equal(strncmp(l.err, want, strlen(want)), 0);
    unload(&l);
}

static void test_model_rejects_a_run_of_an_unknown_job_at_its_position(void **state) {
    (void)state;
    Loaded l;
    load_text(&l, HEADER "- {seq: 1, ev: enqueue, job: 1, kind: Script, queue: script}\n"
                         "- {seq: 2, ev: run, job: 9, tick: 0, turn: 0, time: 0}\n");
    assert_int_equal(l.st, MODEL_LOAD_BAD);
    char want[128];
    snprintf(want, sizeof want, "%s:10:26: job: unknown job 9", l.path);
    assert_string_equal(l.err, want);
    unload(&l);
}

static void test_model_rejects_a_job_defined_twice_and_a_job_run_twice(void **state) {
    (void)state;
    Loaded l;
    load_text(&l, HEADER "- {seq: 1, ev: enqueue, job: 1, kind: Script, queue: script}\n"
                         "- {seq: 2, ev: enqueue, job: 1, kind: Script, queue: script}\n");
    assert_int_equal(l.st, MODEL_LOAD_BAD);
    assert_non_null(strstr(l.err, ":10:30: job 1 is defined twice"));
    unload(&l);
    load_text(&l, HEADER "- {seq: 1, ev: enqueue, job: 1, kind: Script, queue: script}\n"
                         "- {seq: 2, ev: run, job: 1, tick: 0, turn: 0, time: 0}\n"
                         "- {seq: 3, ev: done, job: 1}\n"
                         "- {seq: 4, ev: run, job: 1, tick: 0, turn: 0, time: 0}\n");
    assert_int_equal(l.st, MODEL_LOAD_BAD);
    assert_non_null(strstr(l.err, ":12:26: job 1 runs twice"));
    unload(&l);
}

static void test_model_accepts_a_truncated_last_line_with_a_warning(void **state) {
    (void)state;
    Loaded l;
    load_text(&l, HEADER "- {seq: 1, ev: enqueue, job: 1, kind: Script, queue: script}\n"
                         "- {seq: 2, ev: run, job: 1, tick: 0, turn: 0, time: 0}\n"
                         "- {seq: 3, ev: log, stream: out, text: \"half");
    assert_int_equal(l.st, MODEL_LOAD_OK);
    assert_true(l.m.truncated);
    assert_non_null(l.warning);
    assert_non_null(strstr(l.warning, "warning"));
    assert_int_equal(l.m.nrun, 1);
    assert_int_equal(l.m.nlogs, 0);
    unload(&l);
}

static void test_model_reports_a_missing_file_as_an_io_error(void **state) {
    (void)state;
    Model m;
    model_init(&m);
    char *err = NULL;
    ModelLoadStatus st = model_load(&m, "/nonexistent/trace.yaml", &err, NULL);
    assert_int_equal(st, MODEL_LOAD_IO);
    assert_non_null(strstr(err, "/nonexistent/trace.yaml"));
    free(err);
    model_fini(&m);
}

/* ---- hash maps --------------------------------------------------------------------- */

static void test_idmap_finds_every_key_after_growing(void **state) {
    (void)state;
    IdMap map;
    idmap_init(&map);
    assert_int_equal(idmap_get(&map, 1), IDMAP_NONE);
    for (uint64_t k = 1; k <= 5000; k++)
        idmap_put(&map, k * 7919, (uint32_t)k);
    idmap_put(&map, 7919, 42); /* overwrite */
    assert_int_equal(map.count, 5000);
    assert_int_equal(idmap_get(&map, 7919), 42);
    for (uint64_t k = 2; k <= 5000; k++)
        assert_int_equal(idmap_get(&map, k * 7919), k);
    assert_int_equal(idmap_get(&map, 3), IDMAP_NONE);
    idmap_fini(&map);
}

static void test_strpool_interns_each_distinct_string_once(void **state) {
    (void)state;
    StrPool p;
    strpool_init(&p);
    assert_int_equal(strpool_intern(&p, "", 0), 0);
    uint32_t a = strpool_intern(&p, "microtask", 9);
    uint32_t b = strpool_intern(&p, "macrotask", 9);
    assert_int_not_equal(a, b);
    assert_int_equal(strpool_intern(&p, "microtask!", 9), a);
    uint32_t nul = strpool_intern(&p, "a\0b", 3);
    assert_int_not_equal(nul, strpool_intern(&p, "a", 1));
    assert_int_equal(strpool_len(&p, nul), 3);
    char buf[16];
    for (int i = 0; i < 1000; i++) {
        snprintf(buf, sizeof buf, "s%d", i);
        strpool_intern(&p, buf, strlen(buf));
    }
    assert_int_equal(strpool_intern(&p, "s500", 4), strpool_intern(&p, "s500", 4));
    assert_string_equal(strpool_str(&p, a), "microtask");
    assert_string_equal(strpool_str(&p, b), "macrotask");
    strpool_fini(&p);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_model_reads_the_header_and_counts_events),
        cmocka_unit_test(test_model_maps_job_ids_to_indices_in_enqueue_order),
        cmocka_unit_test(test_model_links_each_job_to_the_job_that_enqueued_it),
        cmocka_unit_test(test_model_records_run_order_ticks_turns_and_time),
        cmocka_unit_test(test_model_attributes_output_lines_to_the_job_that_printed_them),
        cmocka_unit_test(test_model_splits_output_into_lines_as_the_terminal_shows_them),
        cmocka_unit_test(test_model_tracks_promise_states_and_activations),
        cmocka_unit_test(test_model_keeps_an_activation_that_never_resumed_with_its_location),
        cmocka_unit_test(test_model_records_reactions_with_who_registered_and_ran_them),
        cmocka_unit_test(test_model_records_lock_ins_thenable_jobs_and_suspend_resume_steps),
        cmocka_unit_test(test_model_reports_yaml_errors_with_file_line_and_column),
        cmocka_unit_test(test_model_rejects_a_run_of_an_unknown_job_at_its_position),
        cmocka_unit_test(test_model_rejects_a_job_defined_twice_and_a_job_run_twice),
        cmocka_unit_test(test_model_accepts_a_truncated_last_line_with_a_warning),
        cmocka_unit_test(test_model_reports_a_missing_file_as_an_io_error),
        cmocka_unit_test(test_idmap_finds_every_key_after_growing),
        cmocka_unit_test(test_strpool_interns_each_distinct_string_once),
    };
    return cmocka_run_group_tests_name("analyzer_model", tests, NULL, NULL);
}
