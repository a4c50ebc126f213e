/* test_formats_reader.c — the reader and `trace validate`'s checks on malformed input:
 * each case is a small trace and the exact "FILE:LINE:COL: message" expected (or
 * validity), in the spirit of SQLite's exact-error-text tests. Also: every prefix of a
 * trace is either valid or valid with a truncated-last-line warning; unknown names are
 * skipped by the default reader and by readers of an older minor; the hand-written
 * fixture of the seeds' main puzzle has the job sequence the spec gives. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>
#include <cmocka.h>

#include "common/strbuf.h"
#include "formats/trace_gen.h"
#include "formats/trace_reader.h"
#include "formats/trace_validate.h"
#include "formats/trace_writer.h"

#define HEADER                                                                             \
    "format: \"tickscope-trace\"\n"                                                        \
    "version: \"1.0\"\n"                                                                   \
    "program: \"a.js\"\n"                                                                  \
    "spec: es2019\n"                                                                       \
    "host: node\n"                                                                         \
    "engine: \"t\"\n"                                                                      \
    "clock: virtual-ms\n"                                                                  \
    "---\n"
/* events start on line 9 */
#define SCRIPT_JOB                                                                         \
    "- {seq: 1, ev: enqueue, job: 1, kind: Script, queue: script}\n"                       \
    "- {seq: 2, ev: run, job: 1, tick: 0, turn: 0, time: 0}\n"

typedef struct {
    StrBuf text;
    int count;
} Warnings;

static void collect_warning(void *ctx, const char *message) {
    Warnings *w = ctx;
    strbuf_puts(&w->text, message);
    strbuf_putc(&w->text, '\n');
    w->count++;
}

/* Validate text; returns the exit code, *message the first problem (caller frees). */
static int validate_text(const char *text, size_t len, char **message, Warnings *warnings) {
    FILE *f = fmemopen((void *)text, len, "rb");
    assert_non_null(f);
    TfValidation v;
    tf_validate_stream(f, "t.yaml", warnings ? collect_warning : NULL, warnings, &v);
    fclose(f);
    *message = v.message;
    return v.code;
}

static const struct {
    const char *name;
    const char *text;
    const char *message; /* NULL: valid */
} cases[] = {
    {"bad YAML: an unclosed flow mapping",
     HEADER "- {seq: 1, ev: enqueue, job: 1, kind: Script, queue: script\n- {seq: 2}\n",
     "t.yaml:10:3: did not find expected ',' or '}' (while parsing a flow mapping at 9:3)"},
    {"bad YAML: a tab where indentation is expected", HEADER "-\t{seq: 1}\n\t- {seq: 2}\n",
     "t.yaml:9:2: found character that cannot start any token (while scanning for the next "
     "token at 9:2)"},
    {"a missing required field", HEADER "- {seq: 1, ev: enqueue, job: 1, queue: script}\n",
     "t.yaml:9:3: missing field 'kind' (required in enqueue events)"},
    {"a missing seq", HEADER "- {ev: enqueue, job: 1, kind: Script, queue: script}\n",
     "t.yaml:9:3: missing field 'seq'"},
    {"a missing ev", HEADER "- {seq: 1, job: 1}\n",
     "t.yaml:9:3: missing field 'ev' (the event kind)"},
    {"an id written as a string", HEADER "- {seq: 1, ev: enqueue, job: \"1\", kind: Script, "
                                         "queue: script}\n",
     "t.yaml:9:30: enqueue.job: expected an id (an integer >= 1), found \"1\""},
    {"an id of zero", HEADER "- {seq: 1, ev: enqueue, job: 0, kind: Script, queue: script}\n",
     "t.yaml:9:30: enqueue.job: expected an id (an integer >= 1), found 0"},
    {"an octal-looking integer", HEADER "- {seq: 01, ev: enqueue}\n",
     "t.yaml:9:9: seq: expected an id (an integer >= 1), found 01"},
    {"a number that YAML 1.1 reads as a string", HEADER SCRIPT_JOB
     "- {seq: 3, ev: done, job: 1, time: 1e3}\n",
     "t.yaml:11:36: done.time: expected a number, found 1e3"},
    {"a plain number where a string belongs", HEADER SCRIPT_JOB
     "- {seq: 3, ev: log, stream: out, text: 12}\n",
     "t.yaml:11:40: log.text: expected a string, found 12"},
    {"a yes where a bool belongs", HEADER "- {seq: 1, ev: log, stream: out, text: \"\", newline: "
                                          "yes}\n",
     "t.yaml:9:53: log.newline: expected true or false, found yes"},
    {"a malformed location", HEADER "- {seq: 1, ev: log, stream: out, text: \"\", at: "
                                    "\"a.js:0:1\"}\n",
     "t.yaml:9:48: log.at: expected a location \"PATH:LINE:COL\", found \"a.js:0:1\""},
    {"a mapping as a value", HEADER "- {seq: 1, ev: log, stream: out, text: {a: 1}}\n",
     "t.yaml:9:40: log.text: expected a string, found a mapping"},
    {"an unknown enum word", HEADER "- {seq: 1, ev: enqueue, job: 1, kind: Script, queue: "
                                    "later}\n",
     "t.yaml:9:54: enqueue.queue: unknown value 'later' (known: script, task, timer, microtask, "
     "nextTick, immediate, render or close) (format 1.0 has no such name)"},
    {"a dangling job id", HEADER "- {seq: 1, ev: run, job: 2, tick: 0, turn: 0, time: 0}\n",
     "t.yaml:9:26: run.job: no earlier enqueue event defines job 2"},
    {"a dangling promise id", HEADER SCRIPT_JOB "- {seq: 3, ev: then, promise: 4, reaction: 1}\n",
     "t.yaml:11:31: then.promise: no earlier promise event defines promise 4"},
    {"a job id defined twice", HEADER SCRIPT_JOB
     "- {seq: 3, ev: enqueue, job: 1, kind: Script, queue: script}\n",
     "t.yaml:11:30: enqueue.job: job 1 is already defined by an earlier enqueue event"},
    {"a job that runs twice", HEADER SCRIPT_JOB "- {seq: 3, ev: done, job: 1}\n"
                                                "- {seq: 4, ev: run, job: 1, tick: 0, turn: 0, "
                                                "time: 0}\n",
     "t.yaml:12:26: run.job: job 1 has already run"},
    {"a job that starts while another runs", HEADER SCRIPT_JOB
     "- {seq: 3, ev: enqueue, job: 2, kind: Timeout, queue: timer, by: 1}\n"
     "- {seq: 4, ev: run, job: 2, tick: 0, turn: 1, time: 1}\n",
     "t.yaml:12:26: run.job: job 2 starts while job 1 is still running (no done event)"},
    {"by naming a job that is not running", HEADER SCRIPT_JOB
     "- {seq: 3, ev: done, job: 1}\n- {seq: 4, ev: promise, promise: 1, by: 1}\n",
     "t.yaml:12:41: promise.by: job 1 is not running (no job is)"},
    {"done for a job that is not running", HEADER SCRIPT_JOB
     "- {seq: 3, ev: enqueue, job: 2, kind: Timeout, queue: timer, by: 1}\n"
     "- {seq: 4, ev: done, job: 2}\n",
     "t.yaml:12:27: done.job: job 2 is not the running job (job 1 is)"},
    {"seq that does not increase", HEADER SCRIPT_JOB "- {seq: 2, ev: done, job: 1}\n",
     "t.yaml:11:9: seq 2 does not increase (the previous event has seq 2)"},
    {"a promise settled twice", HEADER SCRIPT_JOB
     "- {seq: 3, ev: promise, promise: 1}\n"
     "- {seq: 4, ev: resolve, promise: 1, outcome: fulfilled}\n"
     "- {seq: 5, ev: resolve, promise: 1, outcome: rejected}\n",
     "t.yaml:13:34: resolve.promise: promise 1 is already settled"},
    {"a promise locked in, then settled, is fine", HEADER SCRIPT_JOB
     "- {seq: 3, ev: promise, promise: 1}\n"
     "- {seq: 4, ev: resolve, promise: 1, outcome: locked}\n"
     "- {seq: 5, ev: resolve, promise: 1, outcome: rejected}\n",
     NULL},
    {"an activation resumed while running", HEADER SCRIPT_JOB
     "- {seq: 3, ev: activation, activation: 1, kind: async}\n"
     "- {seq: 4, ev: resume, activation: 1, completion: normal}\n",
     "t.yaml:12:36: resume.activation: activation 1 is not suspended"},
    {"an activation suspended twice", HEADER SCRIPT_JOB
     "- {seq: 3, ev: activation, activation: 1, kind: async}\n"
     "- {seq: 4, ev: suspend, activation: 1, op: await}\n"
     "- {seq: 5, ev: suspend, activation: 1, op: await}\n",
     "t.yaml:13:37: suspend.activation: activation 1 is already suspended"},
    {"a generator starts suspended", HEADER SCRIPT_JOB
     "- {seq: 3, ev: activation, activation: 1, kind: generator}\n"
     "- {seq: 4, ev: resume, activation: 1, completion: normal}\n",
     NULL},
    {"the clock going back", HEADER SCRIPT_JOB "- {seq: 3, ev: done, job: 1, time: 5}\n"
                                               "- {seq: 4, ev: phase, name: timers, time: 4.5}\n",
     "t.yaml:12:43: phase.time: the virtual clock goes back from 5 to 4.5"},
    {"a rearm of an unknown timer", HEADER SCRIPT_JOB
     "- {seq: 3, ev: timer, timer: 1, api: setInterval, rearm: true}\n",
     "t.yaml:11:30: timer.timer: rearm of timer 1, which no earlier timer event defines"},
    {"an event after exit", HEADER "- {seq: 1, ev: exit, code: 0, reason: normal}\n"
                                   "- {seq: 2, ev: phase, name: timers, time: 0}\n",
     "t.yaml:10:3: an event after the exit event (seq 1)"},
    {"a duplicate key", HEADER "- {seq: 1, ev: enqueue, job: 1, job: 2}\n",
     "t.yaml:9:33: duplicate field 'job' (first at 9:25)"},
    {"an unknown field in a 1.0 trace", HEADER "- {seq: 1, ev: phase, name: timers, time: 0, "
                                               "color: red}\n",
     "t.yaml:9:46: unknown field 'color' in a phase event (format 1.0 has no such name)"},
    {"an unknown event kind in a 1.0 trace", HEADER "- {seq: 1, ev: teleport, job: 1}\n",
     "t.yaml:9:16: unknown event kind 'teleport' (format 1.0 has no such name)"},
    {"an alias", HEADER "- {seq: 1, ev: log, stream: out, text: &t \"x\"}\n",
     "t.yaml:9:40: anchors, aliases and tags are not used in traces"},
    {"a tag", HEADER "- {seq: 1, ev: log, stream: out, text: !!str x}\n",
     "t.yaml:9:40: anchors, aliases and tags are not used in traces"},
    {"an event that is not a mapping", HEADER "- [seq, 1]\n",
     "t.yaml:9:3: an event must be a mapping {seq: N, ev: KIND, ...}, not a sequence"},
    {"an events document that is a mapping", HEADER "seq: 1\n",
     "t.yaml:9:1: the events document must be a sequence of events (- {seq: 1, ev: ...}), not "
     "a mapping"},
    {"a third document", HEADER "- {seq: 1, ev: phase, name: timers, time: 0}\n---\n- {}\n",
     "t.yaml:10:1: a third document: a trace has a header and one events document"},
    {"a missing header", "- {seq: 1, ev: phase, name: timers, time: 0}\n",
     "t.yaml:1:1: missing header: the first document must be a mapping (format: "
     "tickscope-trace, version: ...), not a sequence"},
    {"an empty file", "", "t.yaml:1:1: empty file: a trace starts with its header document"},
    {"a wrong format name", "format: \"othertrace\"\nversion: \"1.0\"\n---\n",
     "t.yaml:1:9: header: format is \"othertrace\", not \"tickscope-trace\""},
    {"no format key", "version: \"1.0\"\n---\n",
     "t.yaml:1:1: header: missing key 'format' (is this a tickscope trace?)"},
    {"an unknown major version", "format: \"tickscope-trace\"\nversion: \"2.0\"\n---\n",
     "t.yaml:2:10: header: unsupported format version 2.0 (this reader reads 1.x)"},
    {"a version written as a float", "format: \"tickscope-trace\"\nversion: 1.0\n---\n",
     "t.yaml:2:10: header key 'version': expected a string, found 1.0"},
    {"a missing required header key", "format: \"tickscope-trace\"\nversion: \"1.0\"\n---\n",
     "t.yaml:1:1: header: missing key 'program'"},
    {"an unknown host", "format: \"tickscope-trace\"\nversion: \"1.0\"\nhost: deno\n",
     "t.yaml:3:7: header key 'host': unknown value 'deno' (known: node, node10 or browser) "
     "(format 1.0 has no such name)"},
    {"a raw control character", HEADER "- {seq: 1, ev: log, stream: out, text: \"a\x07\"}\n",
     "t.yaml:9:42: character U+0007 is not allowed in YAML; inside a string write it as an "
     "escape"},
    {"invalid UTF-8 in the file", HEADER "- {seq: 1, ev: log, stream: out, text: \"\xe4\xb8\xad"
                                         "\xff\"}\n",
     "t.yaml:9:42: invalid UTF-8 (byte 0xFF); a trace is UTF-8 text"},
    {"a header with no events document", "format: \"tickscope-trace\"\nversion: \"1.0\"\n"
                                         "program: \"a.js\"\nspec: es2019\nhost: node\n"
                                         "engine: \"t\"\nclock: virtual-ms\n",
     NULL},
    {"an empty events document", HEADER, NULL},
    {"a truncated line in the middle", HEADER "- {seq: 1, ev: phase, name: ti\n"
                                              "- {seq: 2, ev: phase, name: timers, time: 0}\n",
     "t.yaml:10:3: did not find expected ',' or '}' (while parsing a flow mapping at 9:3)"},
    {"a truncated last line", HEADER "- {seq: 1, ev: phase, name: timers, time: 0}\n- {seq: 2, "
                                     "ev: pha",
     NULL},
    {"a last line cut after its dash", HEADER "- {seq: 1, ev: phase, name: timers, time: 0}\n- ",
     NULL},
    {"CRLF line ends", "format: \"tickscope-trace\"\r\nversion: \"2.0\"\r\n",
     "t.yaml:2:10: header: unsupported format version 2.0 (this reader reads 1.x)"},
};

static void test_each_malformed_trace_gives_its_exact_first_problem(void **state) {
    (void)state;
    int failures = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *msg;
        int code = validate_text(cases[i].text, strlen(cases[i].text), &msg, NULL);
        const char *want = cases[i].message;
        bool ok = want ? code == EXIT_FAIL && msg && strcmp(msg, want) == 0
                       : code == EXIT_OK && !msg;
        if (!ok) {
            print_error("case '%s':\n  want %s\n  got  %s (exit %d)\n", cases[i].name,
                        want ? want : "valid", msg ? msg : "valid", code);
            failures++;
        }
        free(msg);
    }
    assert_int_equal(failures, 0);
}

static void test_a_truncated_last_line_is_a_warning_with_its_position(void **state) {
    (void)state;
    const char *text = HEADER "- {seq: 1, ev: phase, name: timers, time: 0}\n- {seq: 2, ev: pha";
    Warnings w;
    strbuf_init(&w.text);
    w.count = 0;
    char *msg;
    assert_int_equal(validate_text(text, strlen(text), &msg, &w), EXIT_OK);
    assert_null(msg);
    assert_string_equal(w.text.data, "t.yaml:10:1: warning: truncated last line ignored (the "
                                     "run was probably killed while writing it)\n");
    strbuf_fini(&w.text);
}

static void test_unknown_names_in_a_newer_minor_are_warnings_not_errors(void **state) {
    (void)state;
    const char *text = "format: \"tickscope-trace\"\nversion: \"1.7\"\nprogram: \"a.js\"\n"
                       "spec: es2031\nhost: node\nengine: \"t\"\nclock: virtual-ms\n"
                       "colour: blue\n---\n"
                       "- {seq: 1, ev: teleport, to: 3}\n"
                       "- {seq: 2, ev: phase, name: timers, time: 0, hue: 1}\n"
                       "- {seq: 3, ev: phase, name: timers, time: 0, hue: 2}\n";
    Warnings w;
    strbuf_init(&w.text);
    w.count = 0;
    char *msg;
    assert_int_equal(validate_text(text, strlen(text), &msg, &w), EXIT_OK);
    assert_null(msg);
    assert_string_equal(
        w.text.data,
        "t.yaml:4:7: warning: header key 'spec': unknown value 'es2031' (known: es2017, es2018, "
        "es2019, es2020, es2021, es2022, es2023, es2024, es2025 or fast-adoption) ignored (the "
        "trace is format 1.7, this reader knows 1.0)\n"
        "t.yaml:8:1: warning: unknown header key 'colour' ignored (the trace is format 1.7, this "
        "reader knows 1.0)\n"
        "t.yaml:10:16: warning: unknown event kind 'teleport' ignored (the trace is format 1.7, "
        "this reader knows 1.0)\n"
        "t.yaml:11:46: warning: unknown field 'hue' in a phase event ignored (the trace is "
        "format 1.7, this reader knows 1.0)\n");
    strbuf_fini(&w.text);
}

static void test_the_default_reader_skips_unknown_names_of_any_minor(void **state) {
    (void)state;
    const char *text = HEADER "- {seq: 1, ev: teleport}\n"
                              "- {seq: 2, ev: enqueue, job: 1, kind: Fiber, queue: script, x: 1}\n";
    FILE *f = fmemopen((void *)text, strlen(text), "rb");
    TfReader *r = tf_reader_open(f, "t.yaml", NULL);
    const TraceEvent *ev;
    assert_int_equal(tf_reader_next(r, &ev), TF_READ_OK);
    assert_int_equal(ev->kind, EV_ENQUEUE);
    assert_int_equal(ev->seq, 2);
    assert_int_equal(tf_get_e(ev, TFF_kind), TFV_UNKNOWN);
    assert_string_equal(tf_get_s(ev, TFF_kind), "Fiber");
    assert_int_equal(tf_get_e(ev, TFF_queue), TFV_QUEUE_SCRIPT);
    assert_int_equal(tf_reader_next(r, &ev), TF_READ_END);
    tf_reader_free(r);
    fclose(f);
}

/* Write a generated trace, then cut it at every byte of its last lines and at a
 * sample of earlier offsets: every prefix must read as valid, with a truncation warning
 * exactly when it does not end at a line break (or at a '}' that ends a line). */
static void test_every_prefix_of_a_trace_is_valid_or_a_truncation_warning(void **state) {
    (void)state;
    char *data = NULL;
    size_t len = 0;
    FILE *mf = open_memstream(&data, &len);
    TfGen *g = tf_gen_new(99);
    TraceHeader h;
    tf_gen_header(g, &h);
    TfWriter *w = tf_writer_open(mf, &h);
    TraceEvent *ev = malloc(sizeof *ev);
    for (int i = 0; i < 80; i++) {
        tf_gen_next(g, ev);
        tf_write_event(w, ev);
    }
    assert_int_equal(tf_writer_close(w), 0);
    fclose(mf);
    free(ev);
    tf_gen_free(g);

    size_t header_end = (size_t)(strstr(data, "\n---\n") - data) + 5;
    int checked = 0;
    for (size_t cut = header_end; cut <= len; cut += cut + 1200 < len ? 11 : 1) {
        Warnings wn;
        strbuf_init(&wn.text);
        wn.count = 0;
        char *msg;
        FILE *f = fmemopen(data, cut, "rb");
        TfValidation v;
        tf_validate_stream(f, "t.yaml", collect_warning, &wn, &v);
        fclose(f);
        bool at_line_end = data[cut - 1] == '\n' || (data[cut - 1] == '}' && data[cut] == '\n');
        msg = v.message;
        if (v.code != EXIT_OK || v.truncated == at_line_end || (wn.count == 1) == at_line_end)
            fail_msg("cut at %zu: exit %d, truncated %d, %d warnings, %s", cut, v.code,
                     v.truncated, wn.count, msg ? msg : "");
        size_t lines = 0;
        for (size_t i = header_end; i < cut; i++)
            lines += data[i] == '\n';
        assert_int_equal(v.events, lines + (data[cut - 1] == '}' && data[cut] == '\n'));
        tf_validation_fini(&v);
        strbuf_fini(&wn.text);
        checked++;
    }
    assert_true(checked > 1200);
    free(data);
}

/* The seeds' main puzzle (seeds/003, first program) under node 20 in es2019: the job
 * sequence and the console output of the hand-written fixture. */
static void test_the_seed_fixture_has_the_jobs_the_spec_gives(void **state) {
    (void)state;
    FILE *f = fopen("tests/traces/seed_async_order.es2019.yaml", "rb");
    if (!f)
        fail_msg("run from the repository root (tests/traces/ not found)");
    TfValidation v;
    tf_validate_stream(f, "seed", NULL, NULL, &v);
    if (v.message)
        fail_msg("%s", v.message);
    rewind(f);
    TfReader *r = tf_reader_open(f, "seed", NULL);
    const TraceEvent *ev;
    StrBuf jobs, out;
    strbuf_init(&jobs);
    strbuf_init(&out);
    while (tf_reader_next(r, &ev) == TF_READ_OK) {
        if (ev->kind == EV_RUN)
            strbuf_printf(&jobs, "%llu@%llu ", (unsigned long long)tf_get_u(ev, TFF_job),
                          (unsigned long long)tf_get_u(ev, TFF_tick));
        if (ev->kind == EV_ENQUEUE)
            strbuf_printf(&jobs, "+%s ", tf_get_s(ev, TFF_kind));
        if (ev->kind == EV_LOG)
            strbuf_printf(&out, "%s\n", tf_get_s(ev, TFF_text));
    }
    assert_string_equal(jobs.data, "+Script 1@0 +PromiseReactionJob +PromiseReactionJob 2@1 3@1 "
                                   "+Timeout 4@0 ");
    assert_string_equal(out.data, "script start\nasync1 start\nasync2\npromise1\nscript end\n"
                                  "async1 end\npromise2\nsetTimeout\n");
    strbuf_fini(&jobs);
    strbuf_fini(&out);
    tf_reader_free(r);
    tf_validation_fini(&v);
    fclose(f);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_each_malformed_trace_gives_its_exact_first_problem),
        cmocka_unit_test(test_a_truncated_last_line_is_a_warning_with_its_position),
        cmocka_unit_test(test_unknown_names_in_a_newer_minor_are_warnings_not_errors),
        cmocka_unit_test(test_the_default_reader_skips_unknown_names_of_any_minor),
        cmocka_unit_test(test_every_prefix_of_a_trace_is_valid_or_a_truncation_warning),
        cmocka_unit_test(test_the_seed_fixture_has_the_jobs_the_spec_gives),
    };
    return cmocka_run_group_tests_name("formats_reader", tests, NULL, NULL);
}
