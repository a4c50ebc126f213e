/* test_host.c — the host event loops (tracer/host.c, host_node.c, host_browser.c and the
 * host built-ins) on a fresh Vm per test: what order node 20, node 10 and the browser run
 * callbacks in, the virtual clock, clamping, errors and exit statuses, and the trace
 * events the hosts write (timer, phase, note, error, limit). Each test runs a program the
 * way `trace run` does: jobs_attach, host_attach, the Script job, host_run. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "common/strbuf.h"
#include "formats/trace_validate.h"
#include "formats/trace_writer.h"
#include "tracer/compiler.h"
#include "tracer/host.h"
#include "tracer/jobs.h"
#include "tracer/parser.h"
#include "tracer/realm.h"
#include "tracer/trace.h"
#include "tracer/vm.h"

/* ==== a run ============================================================================ */

typedef struct {
    Vm *vm;
    Tracer *trc;
    TfWriter *w;
    FILE *f;
    char *trace;
    size_t trace_len;
    StrBuf out; /* console lines (both streams), each ending in '\n' */
    HostExit exit;
} Run;

static void console_hook(Vm *vm, ConsoleStream s, const char *text, size_t len, void *ctx) {
    (void)vm;
    Run *r = ctx;
    if (s == CONSOLE_OUT) {
        strbuf_put(&r->out, text, len);
        strbuf_putc(&r->out, '\n');
    }
    trc_log(r->trc, s == CONSOLE_OUT ? TFV_STREAM_OUT : TFV_STREAM_ERR, text, len, NULL);
}

/* host.h HostWriteFn: stdout text as printed (a newline only where one was written) */
static void write_hook(Vm *vm, ConsoleStream s, const char *text, size_t len, bool newline,
                       const char *method, void *ctx) {
    (void)vm;
    Run *r = ctx;
    if (s == CONSOLE_OUT) {
        strbuf_put(&r->out, text, len);
        if (newline)
            strbuf_putc(&r->out, '\n');
    }
    trc_log_text(r->trc, s == CONSOLE_OUT ? TFV_STREAM_OUT : TFV_STREAM_ERR, text, len, newline,
                 method);
}

static void quiet_print_error(Vm *vm, Value exc, SrcPos pos, StrBuf *msg, StrBuf *stack,
                              void *ctx) {
    (void)vm;
    (void)exc;
    (void)pos;
    (void)stack;
    (void)ctx;
    strbuf_puts(msg, "uncaught");
}

/* Runs src under host kind (node10 with --spec es2017), with max_jobs (0: none), as a
 * script or an ES module. */
static void run_goal(Run *r, HostKind kind, const char *src, uint64_t max_jobs, bool stress,
                     HostUnhandled unhandled, bool module) {
    memset(r, 0, sizeof *r);
    SpecMode spec = kind == HOST_NODE10 ? SPEC_ES2017 : SPEC_LATEST;
    r->f = open_memstream(&r->trace, &r->trace_len);
    assert_non_null(r->f);
    TraceHeader h;
    memset(&h, 0, sizeof h);
    h.program = "test.js";
    h.spec = spec_mode_name(spec);
    h.host = host_kind_name(kind);
    h.engine = "tickscope test";
    r->w = tf_writer_open(r->f, &h);
    tf_writer_set_autoflush(r->w, false);
    r->trc = trc_new(r->w);
    strbuf_init(&r->out);
    r->vm = vm_new();
    r->vm->hooks.console_write = console_hook;
    r->vm->hooks.ctx = r;
    r->vm->gc.stress = stress;
    JobQueue *q = jobs_attach(r->vm, spec, r->trc);
    q->max_jobs = max_jobs;
    HostOptions o = {.kind = kind,
                     .unhandled = unhandled,
                     .module = module,
                     .program = "test.js",
                     .print_error = quiet_print_error,
                     .write = write_hook,
                     .ctx = r};
    host_attach(r->vm, &o);
    AstArena arena;
    ast_arena_init(&arena);
    ParseError err;
    memset(&err, 0, sizeof err);
    Node *prog = parse_program(&arena, src, strlen(src), module ? PARSE_MODULE : PARSE_SCRIPT, &err);
    FuncProto *script = NULL;
    if (prog) {
        CompileOptions copt = {.script_vars_global = false};
        script = comp_compile_program(r->vm, prog, "test.js", src, strlen(src), &copt, &err);
    }
    ast_arena_fini(&arena);
    if (!script)
        fail_msg("test.js:%u:%u: %s: %s", err.pos.line, err.pos.col, err.name, err.message);
    JobStatus st = module ? host_run_module(r->vm, script) : jobs_run_script(r->vm, script, NULL);
    r->exit = host_run(r->vm, st);
    trc_exit(r->trc, r->exit.code, r->exit.reason, r->vm->steps);
    vm_free(r->vm);
    r->vm = NULL;
    trc_free(r->trc);
    assert_int_equal(tf_writer_close(r->w), 0);
    fclose(r->f);
}

static void run_full(Run *r, HostKind kind, const char *src, uint64_t max_jobs, bool stress,
                     HostUnhandled unhandled) {
    run_goal(r, kind, src, max_jobs, stress, unhandled, false);
}

static void run(Run *r, HostKind kind, const char *src) {
    run_full(r, kind, src, 0, false, UNHANDLED_DEFAULT);
}

static void run_free(Run *r) {
    strbuf_fini(&r->out);
    free(r->trace);
}

static void assert_output(Run *r, const char *want) {
    if (strcmp(r->out.data ? r->out.data : "", want) != 0)
        fail_msg("output:\n%s\nexpected:\n%s", r->out.data ? r->out.data : "", want);
}

static void assert_trace_has(Run *r, const char *needle) {
    if (!strstr(r->trace, needle))
        fail_msg("the trace lacks '%s':\n%s", needle, r->trace);
}

/* Every `timer` line of the trace with both a and b also has c (and there is one). */
static void assert_timer_line(Run *r, const char *a, const char *b, const char *c) {
    int found = 0;
    for (const char *l = r->trace; l && *l;) {
        const char *e = strchr(l, '\n');
        size_t n = e ? (size_t)(e - l) : strlen(l);
        char line[512];
        snprintf(line, sizeof line, "%.*s", (int)(n < 511 ? n : 511), l);
        if (strstr(line, "ev: timer,") && strstr(line, a) && strstr(line, b)) {
            found++;
            if (!strstr(line, c))
                fail_msg("timer line without '%s': %s", c, line);
        }
        l = e ? e + 1 : NULL;
    }
    if (!found)
        fail_msg("no timer line with '%s' and '%s':\n%s", a, b, r->trace);
}

static void assert_trace_valid(Run *r) {
    FILE *f = fmemopen(r->trace, r->trace_len, "rb");
    assert_non_null(f);
    TfValidation v;
    tf_validate_stream(f, "test.yaml", NULL, NULL, &v);
    fclose(f);
    if (v.code != EXIT_OK)
        fail_msg("invalid trace: %s\n%s", v.message ? v.message : "?", r->trace);
    tf_validation_fini(&v);
}

/* ==== node ============================================================================== */

static void test_node_runs_next_ticks_before_promise_jobs_after_the_script(void **state) {
    (void)state;
    Run r;
    run(&r, HOST_NODE,
        "Promise.resolve().then(() => console.log('promise'));\n"
        "process.nextTick(() => console.log('tick'));\n"
        "console.log('script');\n");
    assert_output(&r, "script\ntick\npromise\n");
    assert_int_equal(r.exit.code, 0);
    assert_trace_has(&r, "kind: NextTick, queue: nextTick, reason: nextTick, by: 1");
    assert_trace_valid(&r);
    run_free(&r);
}

static void test_node_runs_a_next_tick_from_a_promise_job_after_the_microtasks_drain(void **state) {
    (void)state;
    Run r;
    run(&r, HOST_NODE,
        "Promise.resolve().then(() => { console.log('p1');"
        " process.nextTick(() => console.log('tick from p1')); })"
        ".then(() => console.log('p2'));\n"
        "process.nextTick(() => { console.log('t1');"
        " Promise.resolve().then(() => console.log('promise from t1'));"
        " process.nextTick(() => console.log('t2')); });\n");
    assert_output(&r, "t1\nt2\np1\npromise from t1\np2\ntick from p1\n");
    run_free(&r);
}

static const char TWO_TIMERS[] =
    "setTimeout(() => { console.log('t1'); Promise.resolve().then(() => console.log('p1')); "
    "process.nextTick(() => console.log('n1')); }, 0);\n"
    "setTimeout(() => { console.log('t2'); Promise.resolve().then(() => console.log('p2')); "
    "}, 0);\n"
    "setTimeout(() => { setImmediate(() => { console.log('i1'); Promise.resolve().then(() => "
    "console.log('pi1')); }); setImmediate(() => console.log('i2')); }, 5);\n";

static void test_node_drains_microtasks_after_every_timer_and_immediate(void **state) {
    (void)state;
    Run r;
    run(&r, HOST_NODE, TWO_TIMERS);
    assert_output(&r, "t1\nn1\np1\nt2\np2\ni1\npi1\ni2\n");
    assert_trace_has(&r, "ev: phase, name: timers, turn: 1, time: 1}");
    assert_trace_has(&r, "ev: phase, name: check");
    run_free(&r);
}

static void test_node10_drains_microtasks_only_after_a_timer_list_or_the_check_phase(void **state) {
    (void)state;
    Run r;
    run(&r, HOST_NODE10, TWO_TIMERS);
    assert_output(&r, "t1\nt2\nn1\np1\np2\ni1\ni2\npi1\n");
    run_free(&r);
}

static void test_node_clamps_delays_to_one_ms_and_overflowing_ones_with_a_warning(void **state) {
    (void)state;
    Run r;
    run(&r, HOST_NODE,
        "setTimeout(() => console.log('1ms'), 1);\n"
        "setTimeout(() => console.log('0ms'), 0);\n"
        "setTimeout(() => console.log('2^31'), 2 ** 31);\n"
        "setTimeout(() => console.log('NaN'), NaN);\n");
    assert_output(&r, "1ms\n0ms\n2^31\nNaN\n");
    assert_trace_has(&r, "api: setTimeout, delay: 0, clamped: 1, due: 1,");
    assert_trace_has(&r, "api: setTimeout, delay: 2147483648, clamped: 1, due: 1,");
    assert_trace_has(&r, "api: setTimeout, delay: .nan, clamped: 1, due: 1,");
    assert_trace_has(&r, "text: \"(node) TimeoutOverflowWarning: 2147483648 does not fit into a "
                         "32-bit signed integer.\"");
    assert_trace_valid(&r);
    run_free(&r);
}

static void test_node_runs_equal_due_times_by_list_then_creation_order(void **state) {
    (void)state;
    Run r;
    run(&r, HOST_NODE,
        "setTimeout(() => console.log('a10'), 10); setTimeout(() => console.log('b5'), 5);\n"
        "setTimeout(() => console.log('c10'), 10); setTimeout(() => console.log('d5'), 5);\n"
        "const s = Date.now(); while (Date.now() - s < 20);\n");
    /* all due together: the 5 ms list expires first */
    assert_output(&r, "b5\nd5\na10\nc10\n");
    run_free(&r);
}

static void test_node_interval_repeats_until_cleared_and_is_rearmed_in_the_trace(void **state) {
    (void)state;
    Run r;
    run(&r, HOST_NODE,
        "let n = 0; const id = setInterval(() => { console.log('tick ' + ++n);"
        " if (n === 3) clearInterval(id); }, 10);\n");
    assert_output(&r, "tick 1\ntick 2\ntick 3\n");
    assert_trace_has(&r, "api: setInterval, delay: 10, clamped: 10, due: 20, rearm: true");
    assert_trace_has(&r, "ev: clear, timer: 1, by:");
    assert_int_equal(r.exit.code, 0);
    run_free(&r);
}

static void test_node_notes_the_main_module_timeout_and_immediate_race(void **state) {
    (void)state;
    Run r;
    run(&r, HOST_NODE,
        "setTimeout(() => console.log('timeout'), 0);\n"
        "setImmediate(() => console.log('immediate'));\n");
    assert_output(&r, "immediate\ntimeout\n");
    /* jobs 2 (the Immediate) and 3 (the Timeout) */
    assert_trace_has(&r, "ev: note, kind: order, job: 2, other: 3, text: \"real node may run");
    assert_trace_valid(&r);
    run_free(&r);
}

static void test_node_unref_timer_does_not_keep_the_loop_alive(void **state) {
    (void)state;
    Run r;
    run(&r, HOST_NODE,
        "const t = setTimeout(() => console.log('never'), 100); t.unref();\n"
        "console.log(t.hasRef());\n"
        "setTimeout(() => console.log('5ms'), 5);\n"
        "const r = setTimeout(() => console.log('refreshed'), 10);\n"
        "setTimeout(() => r.refresh(), 8);\n"
        "setTimeout(() => console.log('15ms'), 15);\n");
    assert_output(&r, "false\n5ms\n15ms\nrefreshed\n");
    run_free(&r);
}

static void test_node_uncaught_error_in_a_callback_ends_the_run_with_status_1(void **state) {
    (void)state;
    Run r;
    run(&r, HOST_NODE,
        "setTimeout(() => { console.log('first'); process.nextTick(() => console.log('no'));"
        " null.x; }, 1);\n"
        "setTimeout(() => console.log('never'), 2);\n");
    assert_output(&r, "first\n");
    assert_int_equal(r.exit.code, 1);
    assert_int_equal(r.exit.reason, TFV_EXIT_REASON_ERROR);
    assert_trace_has(&r, "ev: error, kind: uncaught, message: \"uncaught\"");
    assert_trace_has(&r, "completion: throw");
    assert_trace_valid(&r);
    run_free(&r);
}

static void test_node_unhandled_rejection_throws_by_default_and_warns_when_asked(void **state) {
    (void)state;
    static const char SRC[] = "Promise.reject(new Error('boom'));\n"
                              "Promise.resolve().then(() => console.log('micro'));\n"
                              "setTimeout(() => console.log('timer'), 0);\n";
    Run r;
    run(&r, HOST_NODE, SRC);
    assert_output(&r, "micro\n");
    assert_int_equal(r.exit.code, 1);
    assert_trace_has(&r, "ev: error, kind: unhandled-rejection");
    run_free(&r);

    run_full(&r, HOST_NODE, SRC, 0, false, UNHANDLED_WARN);
    assert_output(&r, "micro\ntimer\n");
    assert_int_equal(r.exit.code, 0);
    assert_trace_has(&r, "UnhandledPromiseRejectionWarning: Error: boom");
    run_free(&r);

    run_full(&r, HOST_NODE, SRC, 0, false, UNHANDLED_WARN_WITH_ERROR_CODE);
    assert_output(&r, "micro\ntimer\n");
    assert_int_equal(r.exit.code, 1);
    run_free(&r);

    run_full(&r, HOST_NODE, SRC, 0, false, UNHANDLED_NONE);
    assert_int_equal(r.exit.code, 0);
    run_free(&r);

    /* node 10 warns (with its deprecation warning) and goes on */
    run(&r, HOST_NODE10, SRC);
    assert_output(&r, "micro\ntimer\n");
    assert_int_equal(r.exit.code, 0);
    assert_trace_has(&r, "[DEP0018] DeprecationWarning");
    run_free(&r);
}

static void test_node_process_exit_unwinds_at_once_and_sets_the_status(void **state) {
    (void)state;
    Run r;
    run(&r, HOST_NODE,
        "process.exitCode = 3;\n"
        "setTimeout(() => { console.log('timer'); process.exit(process.exitCode + 1);"
        " console.log('never'); }, 1);\n"
        "setTimeout(() => console.log('never 2'), 2);\n");
    assert_output(&r, "timer\n");
    assert_int_equal(r.exit.code, 4);
    assert_int_equal(r.exit.reason, TFV_EXIT_REASON_NORMAL);
    run_free(&r);

    run(&r, HOST_NODE, "process.exitCode = 7;\n");
    assert_int_equal(r.exit.code, 7);
    run_free(&r);
}

static void test_node_stdout_write_continues_the_line(void **state) {
    (void)state;
    Run r;
    run(&r, HOST_NODE,
        "process.stdout.write('a'); process.stdout.write('b\\nc'); "
        "console.log('d');\n");
    assert_output(&r, "ab\ncd\n");
    /* one log event per write, partial lines marked, so `trace log` replays the bytes */
    assert_trace_has(&r, "text: \"a\", newline: false, method: \"process.stdout.write\"");
    assert_trace_has(&r, "text: \"b\\nc\", newline: false, method: \"process.stdout.write\"");
    assert_trace_has(&r, "text: \"d\", method: \"log\"");
    run_free(&r);
}

static void test_node_stdout_write_without_a_final_newline_adds_none(void **state) {
    (void)state;
    Run r;
    run(&r, HOST_NODE, "process.stdout.write('x\\n'); process.stdout.write('end');\n");
    assert_output(&r, "x\nend");
    assert_trace_has(&r, "text: \"x\", method: \"process.stdout.write\"");
    run_free(&r);
}

static void test_console_methods_are_named_in_log_events(void **state) {
    (void)state;
    Run r;
    run(&r, HOST_NODE,
        "console.info('i'); console.warn('w'); console.error('e'); console.debug('d');\n");
    assert_trace_has(&r, "text: \"i\", method: \"info\"");
    assert_trace_has(&r, "stream: err, text: \"w\", method: \"warn\"");
    assert_trace_has(&r, "stream: err, text: \"e\", method: \"error\"");
    assert_trace_has(&r, "text: \"d\", method: \"debug\"");
    run_free(&r);
}

static void run_module(Run *r, HostKind kind, const char *src) {
    run_goal(r, kind, src, 0, false, UNHANDLED_DEFAULT, true);
}

static void test_module_top_level_await_drains_promises_before_next_ticks(void **state) {
    (void)state;
    Run r;
    run_module(&r, HOST_NODE,
               "console.log(1)\nawait null\nconsole.log(2)\n"
               "process.nextTick(()=>console.log('tick'))\n"
               "Promise.resolve().then(()=>console.log('p'))\n");
    assert_output(&r, "1\n2\np\ntick\n");
    assert_int_equal(r.exit.code, 0);
    assert_trace_has(&r, "kind: Module, queue: script");
    assert_trace_has(&r, "fn: \"AsyncModuleExecutionFulfilled\"");
    run_free(&r);
}

static void test_module_this_is_undefined_and_code_is_strict(void **state) {
    (void)state;
    Run r;
    run_module(&r, HOST_NODE,
               "console.log(String(this));\n"
               "try { undeclared = 1 } catch (e) { console.log(e.name) }\n");
    assert_output(&r, "undefined\nReferenceError\n");
    run_free(&r);
}

static void test_module_error_is_reported_three_jobs_later(void **state) {
    (void)state;
    Run r;
    run_module(&r, HOST_NODE,
               "Promise.resolve().then(()=>console.log('a')).then(()=>console.log('b'))"
               ".then(()=>console.log('c')).then(()=>console.log('d'))\n"
               "throw new Error('boom')\n");
    assert_output(&r, "a\nb\nc\n");
    assert_int_equal(r.exit.code, 1);
    assert_trace_has(&r, "ev: error, kind: uncaught, message: \"uncaught\", fatal: true");
    assert_trace_has(&r, "at: \"test.js:2:7\"");
    run_free(&r);
}

static void test_module_unsettled_top_level_await_exits_13(void **state) {
    (void)state;
    Run r;
    run_module(&r, HOST_NODE, "await new Promise(() => {});\nconsole.log('never');\n");
    assert_output(&r, "");
    assert_int_equal(r.exit.code, 13);
    run_free(&r);
}

static void test_browser_module_error_is_reported_and_the_page_lives_on(void **state) {
    (void)state;
    Run r;
    run_module(&r, HOST_BROWSER,
               "setTimeout(() => console.log('timer'), 0);\nthrow new Error('boom');\n");
    assert_output(&r, "timer\n");
    assert_trace_has(&r, "message: \"Uncaught Error: boom\"");
    assert_int_equal(r.exit.code, 1);
    run_free(&r);
}

static void test_max_jobs_stops_an_endless_interval_with_a_limit_event(void **state) {
    (void)state;
    Run r;
    run_full(&r, HOST_NODE, "setInterval(() => {}, 1000);\n", 20, false, UNHANDLED_DEFAULT);
    assert_int_equal(r.exit.code, EXIT_LIMIT);
    assert_int_equal(r.exit.reason, TFV_EXIT_REASON_LIMIT);
    assert_trace_has(&r, "ev: limit, name: max-jobs, max: 20");
    assert_trace_valid(&r);
    run_free(&r);
}

/* ==== the clock ========================================================================= */

static void test_busy_wait_on_date_now_ends_and_time_is_charged_per_step(void **state) {
    (void)state;
    Run r;
    run(&r, HOST_NODE,
        "const s = Date.now(); let n = 0; while (Date.now() - s < 50) n++;\n"
        "console.log(n > 0, Date.now() - s >= 50);\n"
        "console.log(new Date(0).toISOString(), new Date().toISOString());\n"
        "console.log(performance.now() > 50, performance.now() < 60);\n");
    assert_output(&r, "true true\n1970-01-01T00:00:00.000Z 2024-01-01T00:00:00.050Z\n"
                      "true true\n");
    run_free(&r);
}

static void test_the_same_program_gives_a_byte_identical_trace(void **state) {
    (void)state;
    static const char SRC[] =
        "setTimeout(() => { console.log('a'); setImmediate(() => console.log('b')); }, 3);\n"
        "let n = 0; const i = setInterval(() => { if (++n === 3) clearInterval(i); }, 2);\n"
        "Promise.resolve().then(() => process.nextTick(() => console.log('c')));\n";
    Run a, b, c;
    run(&a, HOST_NODE, SRC);
    run(&b, HOST_NODE, SRC);
    run_full(&c, HOST_NODE, SRC, 0, true, UNHANDLED_DEFAULT);
    assert_int_equal(a.trace_len, b.trace_len);
    assert_memory_equal(a.trace, b.trace, a.trace_len);
    assert_int_equal(a.trace_len, c.trace_len);
    assert_memory_equal(a.trace, c.trace, a.trace_len);
    run_free(&a);
    run_free(&b);
    run_free(&c);
}

/* ==== the browser ======================================================================= */

static void test_browser_has_no_process_or_setimmediate_and_node_no_document(void **state) {
    (void)state;
    Run r;
    run(&r, HOST_BROWSER,
        "console.log(typeof process, typeof setImmediate, typeof document, typeof window,"
        " typeof MessageChannel, typeof requestAnimationFrame);\n"
        "setTimeout(() => console.log('timer runs after the error'), 0);\n"
        "setImmediate(() => {});\n");
    assert_output(&r, "undefined undefined object object function function\n"
                      "timer runs after the error\n");
    assert_int_equal(r.exit.code, 1);
    assert_trace_has(&r, "Uncaught ReferenceError: setImmediate is not defined");
    run_free(&r);

    run(&r, HOST_NODE,
        "console.log(typeof process, typeof setImmediate, typeof document, typeof window,"
        " typeof global);\n");
    assert_output(&r, "object function undefined undefined object\n");
    run_free(&r);
}

static void test_browser_has_no_one_ms_minimum(void **state) {
    (void)state;
    Run r;
    run(&r, HOST_BROWSER,
        "setTimeout(() => console.log('f'), 1); setTimeout(() => console.log('g'), 0);\n");
    assert_output(&r, "g\nf\n");
    run_free(&r);
    run(&r, HOST_NODE,
        "setTimeout(() => console.log('f'), 1); setTimeout(() => console.log('g'), 0);\n");
    assert_output(&r, "f\ng\n");
    run_free(&r);
}

static void test_browser_clamps_timers_nested_deeper_than_five_levels_to_4ms(void **state) {
    (void)state;
    Run r;
    run(&r, HOST_BROWSER,
        "let level = 0; const step = () => { if (++level < 8) setTimeout(step, 0); };\n"
        "setTimeout(step, 0);\n"
        "let k = 0; const i = setInterval(() => { if (++k === 7) clearInterval(i); }, 0);\n");
    /* the timer armed at nesting level 5 (its task's level 6) is not clamped, the one
     * armed at level 6 is; the interval likewise from its 7th period */
    assert_timer_line(&r, "api: setTimeout", "nesting: 6,", "clamped: 0,");
    assert_timer_line(&r, "api: setTimeout", "nesting: 7,", "clamped: 4,");
    assert_timer_line(&r, "api: setInterval", "nesting: 6,", "clamped: 0,");
    assert_timer_line(&r, "api: setInterval", "nesting: 7,", "clamped: 4,");
    assert_trace_valid(&r);
    run_free(&r);
}

static void test_browser_runs_tasks_in_posting_order_with_a_checkpoint_after_each(void **state) {
    (void)state;
    Run r;
    run(&r, HOST_BROWSER,
        "const ch = new MessageChannel();\n"
        "ch.port1.onmessage = (e) => { console.log('message ' + e.data);"
        " Promise.resolve().then(() => console.log('micro ' + e.data)); };\n"
        "setTimeout(() => console.log('timeout A'), 0);\n"
        "ch.port2.postMessage(1);\n"
        "setTimeout(() => console.log('timeout B'), 0);\n"
        "window.addEventListener('message', () => { console.log('l1');"
        " Promise.resolve().then(() => console.log('after l1')); });\n"
        "window.addEventListener('message', () => console.log('l2'));\n"
        "window.postMessage('w', '*');\n");
    assert_output(&r, "timeout A\nmessage 1\nmicro 1\ntimeout B\nl1\nafter l1\nl2\n");
    assert_trace_has(&r, "kind: Message, queue: task, reason: message");
    assert_trace_valid(&r);
    run_free(&r);
}

static void test_browser_mutation_observer_callbacks_are_microtasks(void **state) {
    (void)state;
    Run r;
    run(&r, HOST_BROWSER,
        "const el = document.createElement('div');\n"
        "new MutationObserver((recs) => console.log('mo ' + recs.map((x) => x.type +"
        " (x.oldValue === null ? '' : '=' + x.oldValue)).join(','))).observe(el,"
        " { attributes: true, childList: true, characterData: true, subtree: true,"
        " attributeOldValue: true });\n"
        "setTimeout(() => console.log('timeout'), 0);\n"
        "Promise.resolve().then(() => console.log('p1'));\n"
        "el.setAttribute('a', '1'); el.setAttribute('a', '2');\n"
        "el.appendChild(document.createTextNode('x'));\n"
        "Promise.resolve().then(() => { console.log('p2'); el.textContent = 'y'; });\n"
        "console.log(el.textContent, el.getAttribute('a'), el.firstChild.data);\n");
    assert_output(&r, "x 2 x\np1\nmo attributes,attributes=1,childList\np2\nmo childList\n"
                      "timeout\n");
    assert_trace_has(&r, "kind: MutationObserver, queue: microtask, reason: mutation");
    run_free(&r);
}

static void test_browser_runs_animation_frames_in_the_rendering_step(void **state) {
    (void)state;
    Run r;
    run(&r, HOST_BROWSER,
        "requestAnimationFrame((t) => { console.log('frame 1 at ' + t);"
        " Promise.resolve().then(() => console.log('micro'));"
        " setTimeout(() => console.log('timeout'), 0);"
        " requestAnimationFrame((t2) => console.log('frame 2 at ' + t2)); });\n"
        "requestAnimationFrame(() => console.log('frame 1, second'));\n"
        "cancelAnimationFrame(requestAnimationFrame(() => console.log('never')));\n");
    assert_output(&r, "frame 1 at 16.7\nmicro\nframe 1, second\ntimeout\nframe 2 at 33.4\n");
    assert_trace_has(&r, "ev: phase, name: rendering");
    assert_trace_valid(&r);
    run_free(&r);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_node_runs_next_ticks_before_promise_jobs_after_the_script),
        cmocka_unit_test(test_node_runs_a_next_tick_from_a_promise_job_after_the_microtasks_drain),
        cmocka_unit_test(test_node_drains_microtasks_after_every_timer_and_immediate),
        cmocka_unit_test(test_node10_drains_microtasks_only_after_a_timer_list_or_the_check_phase),
        cmocka_unit_test(test_node_clamps_delays_to_one_ms_and_overflowing_ones_with_a_warning),
        cmocka_unit_test(test_node_runs_equal_due_times_by_list_then_creation_order),
        cmocka_unit_test(test_node_interval_repeats_until_cleared_and_is_rearmed_in_the_trace),
        cmocka_unit_test(test_node_notes_the_main_module_timeout_and_immediate_race),
        cmocka_unit_test(test_node_unref_timer_does_not_keep_the_loop_alive),
        cmocka_unit_test(test_node_uncaught_error_in_a_callback_ends_the_run_with_status_1),
        cmocka_unit_test(test_node_unhandled_rejection_throws_by_default_and_warns_when_asked),
        cmocka_unit_test(test_node_process_exit_unwinds_at_once_and_sets_the_status),
        cmocka_unit_test(test_node_stdout_write_continues_the_line),
        cmocka_unit_test(test_node_stdout_write_without_a_final_newline_adds_none),
        cmocka_unit_test(test_console_methods_are_named_in_log_events),
        cmocka_unit_test(test_module_top_level_await_drains_promises_before_next_ticks),
        cmocka_unit_test(test_module_this_is_undefined_and_code_is_strict),
        cmocka_unit_test(test_module_error_is_reported_three_jobs_later),
        cmocka_unit_test(test_module_unsettled_top_level_await_exits_13),
        cmocka_unit_test(test_browser_module_error_is_reported_and_the_page_lives_on),
        cmocka_unit_test(test_max_jobs_stops_an_endless_interval_with_a_limit_event),
        cmocka_unit_test(test_busy_wait_on_date_now_ends_and_time_is_charged_per_step),
        cmocka_unit_test(test_the_same_program_gives_a_byte_identical_trace),
        cmocka_unit_test(test_browser_has_no_process_or_setimmediate_and_node_no_document),
        cmocka_unit_test(test_browser_has_no_one_ms_minimum),
        cmocka_unit_test(test_browser_clamps_timers_nested_deeper_than_five_levels_to_4ms),
        cmocka_unit_test(test_browser_runs_tasks_in_posting_order_with_a_checkpoint_after_each),
        cmocka_unit_test(test_browser_mutation_observer_callbacks_are_microtasks),
        cmocka_unit_test(test_browser_runs_animation_frames_in_the_rendering_step),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
