/* test_promise.c — the promise machinery (tracer/promise.c, jobs.c, async.c, trace.c,
 * builtins/promise.c) on a fresh Vm per test: the order of jobs and their ticks in each
 * spec mode, read back from the trace they write; the C API (NewPromiseCapability,
 * PerformPromiseThen with native handlers, HostPromiseRejectionTracker); GC safety of
 * values held only by queued jobs and reactions; value previews.
 *
 * A job sequence is written as one token per `run` event, in run order:
 *   KIND TICK [< ENQUEUER]    with KIND S = Script, R = PromiseReactionJob,
 *                             T = PromiseResolveThenableJob, A = an await resumption
 *                             (a PromiseReactionJob whose reason is `await`)
 *   KIND @ TURN               for a host task (O = Timeout), with the loop turn it ran in
 * e.g. "S0 R1<1 T1<1 R2<3 O@1" — so a test states exactly which job enqueued which, on
 * which tick it ran. Most programs run as the Script job followed by a drain of the
 * microtasks; the seeds' main puzzle runs the way `trace run` runs it (node's host loop,
 * so its setTimeout runs too). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "common/strbuf.h"
#include "formats/trace_reader.h"
#include "formats/trace_validate.h"
#include "formats/trace_writer.h"
#include "tracer/async.h"
#include "tracer/compiler.h"
#include "tracer/host.h"
#include "tracer/jobs.h"
#include "tracer/parser.h"
#include "tracer/promise.h"
#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/trace.h"
#include "tracer/vm.h"

/* ==== a run: one VM, a trace in memory, the console output ============================= */

typedef struct {
    Vm *vm;
    Tracer *trc;
    TfWriter *w;
    FILE *f;
    char *trace;
    size_t trace_len;
    StrBuf out;       /* console lines, each ending in '\n' */
    JobStatus status;
    bool host;        /* runs with node's host loop (host_attach, host_run) */
    HostExit exit;
} Run;

static void console_hook(Vm *vm, ConsoleStream s, const char *text, size_t len, void *ctx) {
    (void)vm;
    Run *r = ctx;
    strbuf_put(&r->out, text, len);
    strbuf_putc(&r->out, '\n');
    trc_log(r->trc, s == CONSOLE_OUT ? TFV_STREAM_OUT : TFV_STREAM_ERR, text, len, "log");
}

static void run_open_host(Run *r, SpecMode spec, bool host) {
    memset(r, 0, sizeof *r);
    r->host = host;
    r->f = open_memstream(&r->trace, &r->trace_len);
    assert_non_null(r->f);
    TraceHeader h;
    memset(&h, 0, sizeof h);
    h.program = "test.js";
    h.spec = spec_mode_name(spec);
    h.host = "node";
    h.engine = "tickscope test";
    r->w = tf_writer_open(r->f, &h);
    tf_writer_set_autoflush(r->w, false);
    r->trc = trc_new(r->w);
    strbuf_init(&r->out);
    r->vm = vm_new();
    r->vm->hooks.console_write = console_hook;
    r->vm->hooks.ctx = r;
    jobs_attach(r->vm, spec, r->trc);
    if (host) {
        HostOptions o = {.kind = HOST_NODE, .program = "test.js"};
        host_attach(r->vm, &o);
    }
}

static void run_open(Run *r, SpecMode spec) {
    run_open_host(r, spec, false);
}

/* Compiles and runs src as the Script job, then drains the microtasks (or, with the
 * host, runs node's event loop to its end). */
static void run_js(Run *r, const char *src) {
    AstArena arena;
    ast_arena_init(&arena);
    ParseError err;
    memset(&err, 0, sizeof err);
    Node *prog = parse_program(&arena, src, strlen(src), PARSE_SCRIPT, &err);
    FuncProto *script = NULL;
    if (prog) {
        CompileOptions copt = {.script_vars_global = false};
        script = comp_compile_program(r->vm, prog, "test.js", src, strlen(src), &copt, &err);
    }
    ast_arena_fini(&arena);
    if (!script)
        fail_msg("test.js:%u:%u: %s: %s", err.pos.line, err.pos.col, err.name, err.message);
    Value result;
    r->status = jobs_run_script(r->vm, script, &result);
    if (r->host) {
        r->exit = host_run(r->vm, r->status);
        trc_exit(r->trc, r->exit.code, r->exit.reason, r->vm->steps);
    } else if (r->status == JOB_RUN_OK) {
        r->status = jobs_drain_microtasks(r->vm);
    }
}

/* Frees the VM and closes the trace (r->trace then holds the whole text). */
static void run_close(Run *r) {
    vm_free(r->vm);
    r->vm = NULL;
    trc_free(r->trc);
    assert_int_equal(tf_writer_close(r->w), 0);
    fclose(r->f);
}

static void run_free(Run *r) {
    strbuf_fini(&r->out);
    free(r->trace);
}

/* The jobs of a closed run, read back from its trace: what each job is (the letter of
 * the header comment), who enqueued it, and when it ran. */
enum { MAXJ = 1024 };
typedef struct {
    char kind[MAXJ];        /* '?' for an id never enqueued */
    uint64_t by[MAXJ];      /* enqueuer, 0 = the host */
    uint64_t tick[MAXJ];    /* the run's tick */
    uint64_t turn[MAXJ];    /* the run's turn */
    uint64_t order[MAXJ];   /* job ids in run order */
    size_t nrun;
} JobTable;

static void job_table(const Run *r, JobTable *t) {
    memset(t, 0, sizeof *t);
    memset(t->kind, '?', sizeof t->kind);
    FILE *f = fmemopen(r->trace, r->trace_len, "rb");
    assert_non_null(f);
    TfReader *rd = tf_reader_open(f, "test.yaml", NULL);
    const TraceEvent *ev;
    TfReadStatus st;
    while ((st = tf_reader_next(rd, &ev)) == TF_READ_OK) {
        uint64_t job = tf_get_u(ev, TFF_job);
        if (job >= MAXJ)
            fail_msg("more than %d jobs", MAXJ);
        if (ev->kind == EV_ENQUEUE) {
            TfEnumValue k = tf_get_e(ev, TFF_kind);
            t->kind[job] = k == TFV_JOB_KIND_SCRIPT                       ? 'S'
                           : k == TFV_JOB_KIND_PROMISE_RESOLVE_THENABLE   ? 'T'
                           : tf_get_e(ev, TFF_reason) == TFV_REASON_AWAIT ? 'A'
                           : k == TFV_JOB_KIND_PROMISE_REACTION           ? 'R'
                           : k == TFV_JOB_KIND_TIMEOUT                    ? 'O'
                                                                          : '?';
            t->by[job] = tf_get_u(ev, TFF_by);
        } else if (ev->kind == EV_RUN) {
            t->tick[job] = tf_get_u(ev, TFF_tick);
            t->turn[job] = tf_get_u(ev, TFF_turn);
            t->order[t->nrun++] = job;
        }
    }
    assert_int_equal(st, TF_READ_END);
    tf_reader_free(rd);
    fclose(f);
}

/* The job sequence of a closed run (see the header comment). */
static void job_sequence(const Run *r, StrBuf *seq) {
    JobTable *t = malloc(sizeof *t);
    assert_non_null(t);
    job_table(r, t);
    for (size_t i = 0; i < t->nrun; i++) {
        uint64_t job = t->order[i];
        if (seq->len)
            strbuf_putc(seq, ' ');
        if (t->kind[job] == 'O')
            strbuf_printf(seq, "O@%llu", (unsigned long long)t->turn[job]);
        else
            strbuf_printf(seq, "%c%llu", t->kind[job], (unsigned long long)t->tick[job]);
        if (t->by[job])
            strbuf_printf(seq, "<%llu", (unsigned long long)t->by[job]);
    }
    free(t);
}

static void assert_valid_trace(const Run *r) {
    FILE *f = fmemopen(r->trace, r->trace_len, "rb");
    TfValidation v;
    tf_validate_stream(f, "test.yaml", NULL, NULL, &v);
    fclose(f);
    if (v.code != EXIT_OK)
        fail_msg("invalid trace: %s\n%s", v.message, r->trace);
    tf_validation_fini(&v);
}

/* Runs src in spec mode, checks the trace is valid, and compares the output and the job
 * sequence (when expected_jobs is not NULL). */
static void check_run(SpecMode spec, bool host, const char *src, const char *expected_out,
                      const char *expected_jobs) {
    Run r;
    run_open_host(&r, spec, host);
    run_js(&r, src);
    run_close(&r);
    assert_int_equal(r.status, JOB_RUN_OK);
    if (host)
        assert_int_equal(r.exit.code, 0);
    assert_string_equal(r.out.data, expected_out);
    assert_valid_trace(&r);
    if (expected_jobs) {
        StrBuf seq;
        strbuf_init(&seq);
        job_sequence(&r, &seq);
        assert_string_equal(seq.data, expected_jobs);
        strbuf_fini(&seq);
    }
    run_free(&r);
}

#define CHECK(spec, src, out, jobs) check_run((spec), false, (src), (out), (jobs))

/* ==== ordering without async functions ================================================= */

static void test_then_on_a_fulfilled_promise_runs_its_handler_on_tick_1(void **state) {
    (void)state;
    CHECK(SPEC_LATEST,
                  "console.log('start');\n"
                  "const p = new Promise(r => { console.log('executor'); r(1); });\n"
                  "p.then(v => console.log('then', v)).then(() => console.log('second'));\n"
                  "Promise.resolve(2).then(v => console.log('resolve', v));\n"
                  "console.log('end');\n",
                  "start\nexecutor\nend\nthen 1\nresolve 2\nsecond\n", "S0 R1<1 R1<1 R2<2");
}

/* Seed 003, "resolve a promise instance": resolve(promise) costs a
 * PromiseResolveThenableJob and the reaction that resolves the outer promise: 2 ticks. */
static void test_resolving_with_a_native_promise_costs_two_extra_jobs(void **state) {
    (void)state;
    const char *src =
        "new Promise((r) => { console.log('in p0'); r(new Promise((r) => {\n"
        "  console.log('in internal p'); r(); })); })\n"
        ".then(() => { console.log('0-0') })\n"
        ".then(() => { console.log('0-1') })\n"
        ".then(() => { console.log('0-2') })\n"
        ".then(() => { console.log('0-3') });\n"
        "new Promise((r) => { console.log('in p1'); r(); })\n"
        ".then(() => { console.log('1-0') })\n"
        ".then(() => { console.log('1-1') })\n"
        ".then(() => { console.log('1-2') })\n"
        ".then(() => { console.log('1-3') });\n";
    const char *out = "in p0\nin internal p\nin p1\n1-0\n1-1\n0-0\n1-2\n0-1\n1-3\n0-2\n0-3\n";
    /* T1<1: the thenable job; R2<2: then()'s reaction resolving p0; R3<4: 0-0 */
    const char *jobs = "S0 T1<1 R1<1 R2<2 R2<3 R3<4 R3<5 R4<6 R4<7 R5<8 R6<10";
    CHECK(SPEC_ES2019, src, out, jobs);
    CHECK(SPEC_ES2017, src, out, jobs);
    /* fast-adoption: then() is called at once, so only the reaction remains */
    CHECK(SPEC_FAST_ADOPTION, src,
                  "in p0\nin internal p\nin p1\n1-0\n0-0\n1-1\n0-1\n1-2\n0-2\n1-3\n0-3\n",
                  "S0 R1<1 R1<1 R2<2 R2<3 R3<4 R3<5 R4<6 R4<7 R5<8");
}

/* Seed 003, "resolve a thenable": `then` runs in a PromiseResolveThenableJob, 1 tick. */
static void test_resolving_with_a_thenable_calls_then_in_a_job(void **state) {
    (void)state;
    const char *src = "let thenable = { then: function(resolve, reject) {\n"
                      "  console.log('in thenable'); resolve(42); } };\n"
                      "new Promise((r) => { console.log('in p0'); r(thenable); })\n"
                      ".then(() => { console.log('0-0') })\n"
                      ".then(() => { console.log('0-1') })\n"
                      ".then(() => { console.log('0-2') })\n"
                      ".then(() => { console.log('0-3') });\n"
                      "new Promise((r) => { console.log('in p1'); r(); })\n"
                      ".then(() => { console.log('1-0') })\n"
                      ".then(() => { console.log('1-1') })\n"
                      ".then(() => { console.log('1-2') })\n"
                      ".then(() => { console.log('1-3') });\n";
    CHECK(SPEC_ES2019, src,
                  "in p0\nin p1\nin thenable\n1-0\n0-0\n1-1\n0-1\n1-2\n0-2\n1-3\n0-3\n",
                  "S0 T1<1 R1<1 R2<2 R2<3 R3<4 R3<5 R4<6 R4<7 R5<8");
    /* fast-adoption: the thenable's then runs synchronously inside resolve */
    CHECK(SPEC_FAST_ADOPTION, src,
                  "in p0\nin thenable\nin p1\n0-0\n1-0\n0-1\n1-1\n0-2\n1-2\n0-3\n1-3\n", NULL);
}

static void test_finally_settles_two_ticks_after_a_plain_then(void **state) {
    (void)state;
    CHECK(SPEC_LATEST,
                  "let tick = 0;\n"
                  "function t() { if (tick < 8) { tick++; Promise.resolve().then(t); } }\n"
                  "Promise.resolve().then(t);\n"
                  "Promise.resolve(1).then(x => x).then(() => console.log('then', tick));\n"
                  "Promise.resolve(1).finally(() => {}).then(v => console.log('finally', v, tick));\n",
                  "then 2\nfinally 1 4\n", NULL);
}

static void test_combinators_and_their_errors_match_node(void **state) {
    (void)state;
    CHECK(
        SPEC_LATEST,
        "const log = (...a) => console.log(...a);\n"
        "Promise.all([1, Promise.resolve(2), { then(r) { r(3); } }]).then(v => log('all', v.join()));\n"
        "Promise.allSettled([1, Promise.reject(2)]).then(r => log('settled', r[0].status, r[1].reason));\n"
        "Promise.any([Promise.reject(1), Promise.reject(2)]).catch(e => log(e.name, e.message, e.errors.join()));\n"
        "Promise.race([new Promise(() => {}), Promise.resolve('fast')]).then(v => log('race', v));\n"
        "Promise.all(1).catch(e => log(e.message));\n",
        "number 1 is not iterable (cannot read property Symbol(Symbol.iterator))\n"
        "settled fulfilled 2\n"
        "AggregateError All promises were rejected 1,2\n"
        "race fast\n"
        "all 1,2,3\n",
        NULL);
}

static void test_a_promise_resolved_with_itself_is_rejected_with_a_type_error(void **state) {
    (void)state;
    CHECK(SPEC_LATEST,
                  "let res; const p = new Promise(r => { res = r; }); res(p);\n"
                  "p.catch(e => console.log(e.name + ': ' + e.message));\n",
                  "TypeError: Chaining cycle detected for promise #<Promise>\n", NULL);
}

static void test_a_then_getter_runs_once_and_a_throwing_then_rejects(void **state) {
    (void)state;
    CHECK(SPEC_LATEST,
                  "let reads = 0;\n"
                  "const t = { get then() { reads++; return r => { r('v'); r('again'); }; } };\n"
                  "Promise.resolve(t).then(v => console.log(v, reads));\n"
                  "Promise.resolve({ then() { throw 'boom'; } }).catch(e => console.log(e));\n",
                  "v 1\nboom\n", NULL);
}

static void test_max_jobs_stops_an_endless_promise_loop(void **state) {
    (void)state;
    Run r;
    run_open(&r, SPEC_LATEST);
    jobs_of(r.vm)->max_jobs = 50;
    run_js(&r, "function f() { Promise.resolve().then(f); } f();\n");
    assert_int_equal(r.status, JOB_RUN_MAX_JOBS);
    assert_int_equal(jobs_of(r.vm)->jobs_run, 50);
    run_close(&r);
    run_free(&r);
}

/* ==== async functions =================================================================== */

/* The seeds' main puzzle, samples/toutiao_interview_puzzle_003.js, read from the file
 * (the tests run from the repository's root, as make check runs them; a build elsewhere
 * finds it next to this source file). The caller frees the text. */
static char *read_seed_puzzle(void) {
    static const char *const paths[] = {
        "samples/toutiao_interview_puzzle_003.js",
        "../../samples/toutiao_interview_puzzle_003.js",
        "../../../samples/toutiao_interview_puzzle_003.js",
    };
    for (size_t i = 0; i < sizeof paths / sizeof *paths; i++) {
        FILE *f = fopen(paths[i], "rb");
        if (!f)
            continue;
        StrBuf b;
        strbuf_init(&b);
        char chunk[4096];
        size_t n;
        while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
            strbuf_put(&b, chunk, n);
        fclose(f);
        return b.data;
    }
    fail_msg("samples/toutiao_interview_puzzle_003.js not found (run from the repository root)");
    return NULL;
}

/* es2019: Script (job 1) enqueues async1's resumption (job 2: Await's reaction on
 * async2()'s already fulfilled promise) before promise2's reaction (job 3), both on
 * tick 1; the Timeout (job 4) runs in the loop's next turn. */
static void test_seed_puzzle_job_sequence_in_es2019(void **state) {
    (void)state;
    char *src = read_seed_puzzle();
    check_run(SPEC_ES2019, true, src,
              "script start\nasync1 start\nasync2\npromise1\nscript end\nasync1 end\npromise2\n"
              "setTimeout\n",
              "S0 A1<1 R1<1 O@1");
    free(src);
}

/* es2017: the same program has two more jobs around the await of async2()'s native
 * promise — a PromiseResolveThenableJob (job 2, tick 1, enqueued by the Script) and the
 * reaction it registers on async2()'s promise (job 4, tick 2), which resolves Await's
 * promise and so enqueues the resumption (job 5, tick 3) — and async1 resumes after
 * promise2 (job 3, tick 1). */
static void test_seed_puzzle_job_sequence_in_es2017(void **state) {
    (void)state;
    char *src = read_seed_puzzle();
    check_run(SPEC_ES2017, true, src,
              "script start\nasync1 start\nasync2\npromise1\nscript end\npromise2\nasync1 end\n"
              "setTimeout\n",
              "S0 T1<1 R1<1 R2<2 A3<4 O@1");
    /* es2018 is es2017's Await too */
    check_run(SPEC_ES2018, true, src,
              "script start\nasync1 start\nasync2\npromise1\nscript end\npromise2\nasync1 end\n"
              "setTimeout\n",
              "S0 T1<1 R1<1 R2<2 A3<4 O@1");
    free(src);
}

/* For every await resumption A of the run: in es2017, when the awaited value was a native
 * promise, A was enqueued by a PromiseReactionJob R (Await's promise resolved by the
 * reaction on the awaited promise), R by the PromiseResolveThenableJob T that
 * NewPromiseResolveThenableJob queued when Await resolved its fresh promise with the
 * native one, and T by the job that suspended; A, R, T run on consecutive ticks. Counts
 * the awaits with the two extra jobs (*extra) and those without (*plain). */
static void count_await_chains(const JobTable *t, int *extra, int *plain) {
    *extra = *plain = 0;
    for (size_t i = 0; i < t->nrun; i++) {
        uint64_t a = t->order[i];
        if (t->kind[a] != 'A')
            continue;
        uint64_t r = t->by[a];
        if (t->kind[r] == 'R' && t->kind[t->by[r]] == 'T') {
            uint64_t th = t->by[r];
            assert_int_equal(t->tick[r], t->tick[th] + 1);
            assert_int_equal(t->tick[a], t->tick[r] + 1);
            assert_int_equal(t->tick[th], t->tick[t->by[th]] + 1);
            ++*extra;
        } else {
            assert_int_equal(t->tick[a], t->tick[r] + 1);
            ++*plain;
        }
    }
}

/* Awaits in a loop, in try/finally, of an async function's promise, of a value and of
 * a thenable: es2017 has exactly two more jobs per await of a native promise, each one a
 * PromiseResolveThenableJob and a PromiseReactionJob between the suspending job and the
 * resumption, and the same jobs as es2019 otherwise. */
static void test_es2017_has_two_extra_jobs_around_each_await_of_a_native_promise(void **state) {
    (void)state;
    const char *src =
        "async function g() { await null; return 'g'; }\n"
        "async function f() {\n"
        "  for (let i = 0; i < 3; i++) { await Promise.resolve(i); console.log('loop', i); }\n"
        "  try { console.log(await g()); } finally { console.log('finally'); }\n"
        "  await { then(r) { r(1); } };\n"
        "  await (async () => {})();\n"
        "  return 'done';\n"
        "}\n"
        "f().then(console.log);\n";
    const char *out = "loop 0\nloop 1\nloop 2\ng\nfinally\ndone\n";
    int extra19, plain19, extra17, plain17;
    size_t njobs[2];
    for (int m = 0; m < 2; m++) {
        Run r;
        run_open(&r, m == 0 ? SPEC_ES2019 : SPEC_ES2017);
        run_js(&r, src);
        run_close(&r);
        assert_int_equal(r.status, JOB_RUN_OK);
        assert_string_equal(r.out.data, out);
        assert_valid_trace(&r);
        JobTable *t = malloc(sizeof *t);
        assert_non_null(t);
        job_table(&r, t);
        njobs[m] = t->nrun;
        if (m == 0)
            count_await_chains(t, &extra19, &plain19);
        else
            count_await_chains(t, &extra17, &plain17);
        free(t);
        run_free(&r);
    }
    /* es2019: no await has the extra jobs; 7 awaits (the loop's 3, g's, f's 3 others) */
    assert_int_equal(extra19, 0);
    assert_int_equal(plain19, 7);
    /* es2017: the 5 awaits of native promises (the loop's 3, g(), the arrow's) have them;
     * `await null` and the thenable do not */
    assert_int_equal(extra17, 5);
    assert_int_equal(plain17, 2);
    assert_int_equal(njobs[1], njobs[0] + 2 * 5);
}

static void test_await_of_a_native_promise_costs_one_tick_in_es2019_and_three_in_es2017(
    void **state) {
    (void)state;
    const char *src = "(async () => { await Promise.resolve(); console.log('resumed'); })();\n";
    CHECK(SPEC_ES2019, src, "resumed\n", "S0 A1<1");
    CHECK(SPEC_ES2017, src, "resumed\n", "S0 T1<1 R2<2 A3<3");
    /* a non-promise: 1 tick in both */
    CHECK(SPEC_ES2017, "(async () => { await 1; console.log('resumed'); })();\n",
                  "resumed\n", "S0 A1<1");
}

static void test_facts_about_ticks_hold_in_es2019(void **state) {
    (void)state;
    CHECK(
        SPEC_ES2019,
        "let tick = 0;\n"
        "function t() { if (tick < 8) { tick++; Promise.resolve().then(t); } }\n"
        "Promise.resolve().then(t);\n"
        "const log = (n) => console.log(n, tick);\n"
        "(async () => { await Promise.resolve(1); log('await native'); })();\n"
        "(async () => { await 5; log('await value'); })();\n"
        "(async () => { await { then(r) { r(1); } }; log('await thenable'); })();\n"
        "(async () => Promise.resolve(1))().then(() => log('return promise'));\n"
        "(async () => await Promise.resolve(1))().then(() => log('return await'));\n",
        "await native 1\nawait value 1\nawait thenable 2\nreturn await 2\nreturn promise 3\n",
        NULL);
}

static void test_await_rethrows_rejections_and_async_errors_reject(void **state) {
    (void)state;
    CHECK(SPEC_LATEST,
                  "async function a() { try { await Promise.reject(new Error('x')); }\n"
                  "  catch (e) { console.log('caught', e.message); } finally { console.log('fin'); }\n"
                  "  throw new TypeError('out'); }\n"
                  "a().catch(e => console.log(e.name, e.message));\n"
                  "async function p(x = (() => { throw 1; })()) {}\n"
                  "p().catch(e => console.log('param', e));\n",
                  "caught x\nfin\nparam 1\nTypeError out\n", NULL);
}

/* Async-from-sync iterators: @@iterator is read once by for await and yield*, and
 * (ecma262 #2600, in every spec mode; node 20 predates it, so this is no tests/js
 * program) a rejected promise yielded by a sync iterator closes it, and so does a throw()
 * it has no method for, which then rejects with a TypeError. */
static void test_async_from_sync_iterators_read_iterator_once_and_close_on_rejection(
    void **state) {
    (void)state;
    const char *src =
        "let gets = 0;\n"
        "const once = { get [Symbol.iterator]() { gets++; return function* () { yield 1; }; } };\n"
        "(async () => { for await (const v of once) {} console.log('gets', gets); })();\n"
        "const log = [];\n"
        "const it = { i: 0, [Symbol.iterator]() { return this; },\n"
        "  next() { this.i++; return this.i === 1 ? { value: Promise.reject('rej'), done: false }\n"
        "                                         : { done: true }; },\n"
        "  return() { log.push('return'); return {}; } };\n"
        "(async () => { try { for await (const v of it) log.push(v); }\n"
        "  catch (e) { log.push('caught ' + e); } console.log(log.join()); })();\n"
        "const sync = { [Symbol.iterator]() { return { next() { return { value: 1, done: false }; },\n"
        "  return() { console.log('closed'); return {}; } }; } };\n"
        "async function* g() { yield* sync; }\n"
        "const i2 = g();\n"
        "i2.next().then(() => i2.throw(new Error('x'))).catch(e => console.log(e.constructor.name));\n";
    /* node 20 prints "caught rej", "gets 1", "Error": the same order without #2600 */
    CHECK(SPEC_LATEST, src, "return,caught rej\nclosed\ngets 1\nTypeError\n", NULL);
    /* es2017: the valueWrapper adds two ticks before the rejection */
    CHECK(SPEC_ES2017, src, "closed\nreturn,caught rej\ngets 1\nTypeError\n", NULL);
}

/* Deep nesting: each level of an async function awaiting the next one, of a generator
 * delegating with yield*, of an async generator delegating or looping with for await,
 * holds a suspended activation whose start ran on the C stack of its caller. Depths
 * node 20 runs work (500 here: this test runs on the main thread's stack, also under
 * ASan; `trace run` has 256 MB and runs 10000, where node already overflows); deeper
 * ones reject or throw a RangeError cleanly, never crash. */
static void test_deep_async_and_generator_nesting_works_or_throws_a_range_error(void **state) {
    (void)state;
    CHECK(SPEC_LATEST,
          "async function rec(n) { if (n === 0) return 0; return 1 + await rec(n - 1); }\n"
          "rec(500).then(console.log);\n"
          "rec(300000).then(console.log, e => console.log(e.name + ': ' + e.message));\n",
          "500\nRangeError: Maximum call stack size exceeded\n", NULL);
    CHECK(SPEC_ES2017,
          "async function rec(n) { if (n === 0) return 0; return 1 + await rec(n - 1); }\n"
          "rec(500).then(console.log);\n"
          "rec(300000).then(console.log, e => console.log(e.name + ': ' + e.message));\n",
          "500\nRangeError: Maximum call stack size exceeded\n", NULL);
    CHECK(SPEC_LATEST,
          "function* g(n) { if (n === 0) return 0; return 1 + (yield* g(n - 1)); }\n"
          "function run(n) { const it = g(n); let r; while (!(r = it.next()).done); return r.value; }\n"
          "console.log(run(500));\n"
          "try { run(300000); } catch (e) { console.log(e.name + ': ' + e.message); }\n"
          "function* h(n) { if (n > 0) { const it = h(n - 1); yield it.next().value + 1; } else yield 0; }\n"
          "console.log(h(500).next().value);\n"
          "try { h(300000).next(); } catch (e) { console.log(e.name + ': ' + e.message); }\n",
          "500\nRangeError: Maximum call stack size exceeded\n"
          "500\nRangeError: Maximum call stack size exceeded\n",
          NULL);
    CHECK(SPEC_LATEST,
          "async function* a(n) { if (n === 0) { yield 0; return; } yield* a(n - 1); }\n"
          "async function* b(n) { if (n === 0) { yield 0; return; }\n"
          "  for await (const v of b(n - 1)) yield v + 1; }\n"
          "(async () => {\n"
          "  for await (const v of a(500)) console.log('yield*', v);\n"
          "  for await (const v of b(500)) console.log('for await', v);\n"
          "  try { for await (const v of a(300000)) console.log(v); }\n"
          "  catch (e) { console.log(e.name + ': ' + e.message); }\n"
          "  try { for await (const v of b(300000)) console.log(v); }\n"
          "  catch (e) { console.log(e.name + ': ' + e.message); }\n"
          "})();\n",
          "yield* 0\nfor await 500\nRangeError: Maximum call stack size exceeded\n"
          "RangeError: Maximum call stack size exceeded\n",
          NULL);
}

/* ==== the C API ======================================================================== */

/* A native handler: data[0] = the last argument, data[1] = the call count. */
static NATIVE(record_call) {
    Obj *F = ctx->callee;
    F->u.native.data[0] = ARG(0);
    F->u.native.data[1] = val_number(val_as_number(F->u.native.data[1]) + 1);
    return VAL_UNDEFINED;
}

static void test_a_native_reaction_runs_once_in_a_job_with_the_value(void **state) {
    (void)state;
    Vm *vm = vm_new();
    jobs_attach(vm, SPEC_LATEST, NULL);
    PromiseCapability cap;
    assert_true(NewPromiseCapability(vm, val_obj(realm_intrinsic(vm, INTR_Promise)), &cap));
    promise_capability_root(vm, &cap);
    Obj *handler = promise_new_builtin(vm, record_call, 1, VAL_UNDEFINED, val_number(0),
                                       VAL_UNDEFINED);
    gc_root_push_ptr(vm, &handler);
    assert_true(IsPromise(cap.promise));
    assert_int_equal(promise_state(val_as_obj(cap.promise)), PROMISE_PENDING);
    Value derived = PerformPromiseThen(vm, val_as_obj(cap.promise), val_obj(handler),
                                       VAL_UNDEFINED, NULL);
    assert_true(val_is_undefined(derived));
    Value v = val_number(42);
    assert_true(vm_call(vm, cap.resolve, VAL_UNDEFINED, 1, &v) != VAL_EXCEPTION);
    /* a second resolve is ignored (alreadyResolved) */
    Value w = val_number(7);
    assert_true(vm_call(vm, cap.resolve, VAL_UNDEFINED, 1, &w) != VAL_EXCEPTION);
    assert_true(vm_call(vm, cap.reject, VAL_UNDEFINED, 1, &w) != VAL_EXCEPTION);
    assert_int_equal(promise_state(val_as_obj(cap.promise)), PROMISE_FULFILLED);
    /* the handler has not run: it is a job */
    assert_true(val_as_number(handler->u.native.data[1]) == 0);
    assert_int_equal(jobs_of(vm)->microtasks.len, 1);
    gc_collect(vm);
    assert_int_equal(jobs_drain_microtasks(vm), JOB_RUN_OK);
    assert_true(val_as_number(handler->u.native.data[1]) == 1);
    assert_true(val_as_number(handler->u.native.data[0]) == 42);
    gc_root_pop(vm, 1);
    promise_capability_unroot(vm);
    vm_free(vm);
}

/* Objects reachable only from a queued job and from a pending promise's reactions
 * survive collections (the job queue is a GC root; reactions are marked by their
 * promise). */
static void test_values_held_only_by_jobs_and_reactions_survive_collection(void **state) {
    (void)state;
    Vm *vm = vm_new();
    jobs_attach(vm, SPEC_LATEST, NULL);
    Value ctor = val_obj(realm_intrinsic(vm, INTR_Promise));
    PromiseCapability pending, done;
    assert_true(NewPromiseCapability(vm, ctor, &pending));
    promise_capability_root(vm, &pending);
    assert_true(NewPromiseCapability(vm, ctor, &done));
    promise_capability_root(vm, &done);
    Obj *h1 = promise_new_builtin(vm, record_call, 1, VAL_UNDEFINED, val_number(0), VAL_UNDEFINED);
    gc_root_push_ptr(vm, &h1);
    Obj *h2 = promise_new_builtin(vm, record_call, 1, VAL_UNDEFINED, val_number(0), VAL_UNDEFINED);
    gc_root_push_ptr(vm, &h2);
    /* the value: a fresh string only the job will hold */
    Value s = val_str(str_new_cstr(vm, "held by a job only"));
    gc_root_push(vm, &s);
    assert_true(vm_call(vm, done.resolve, VAL_UNDEFINED, 1, &s) != VAL_EXCEPTION);
    gc_root_pop(vm, 1);
    s = VAL_UNDEFINED;
    PerformPromiseThen(vm, val_as_obj(done.promise), val_obj(h1), VAL_UNDEFINED, NULL);
    PerformPromiseThen(vm, val_as_obj(pending.promise), val_obj(h2), VAL_UNDEFINED, NULL);
    gc_root_pop(vm, 2); /* h1, h2: now only the job and the reaction hold them */
    promise_capability_unroot(vm); /* done */
    Obj *h1_seen = h1, *h2_seen = h2;
    for (int i = 0; i < 3; i++)
        gc_collect(vm);
    assert_true(gc_verify(vm));
    assert_int_equal(jobs_drain_microtasks(vm), JOB_RUN_OK);
    assert_true(val_as_number(h1_seen->u.native.data[1]) == 1);
    assert_true(str_equal_cstr(val_as_str(h1_seen->u.native.data[0]), "held by a job only"));
    Value x = val_number(5);
    assert_true(vm_call(vm, pending.resolve, VAL_UNDEFINED, 1, &x) != VAL_EXCEPTION);
    gc_collect(vm);
    assert_int_equal(jobs_drain_microtasks(vm), JOB_RUN_OK);
    assert_true(val_as_number(h2_seen->u.native.data[0]) == 5);
    promise_capability_unroot(vm); /* pending */
    vm_free(vm);
}

static void test_rejection_tracker_reports_unhandled_rejections_and_late_handlers(
    void **state) {
    (void)state;
    Vm *vm = vm_new();
    jobs_attach(vm, SPEC_LATEST, NULL);
    Value ctor = val_obj(realm_intrinsic(vm, INTR_Promise));
    PromiseCapability a, b;
    assert_true(NewPromiseCapability(vm, ctor, &a));
    promise_capability_root(vm, &a);
    assert_true(NewPromiseCapability(vm, ctor, &b));
    promise_capability_root(vm, &b);
    Value reason = val_number(1);
    assert_true(vm_call(vm, a.reject, VAL_UNDEFINED, 1, &reason) != VAL_EXCEPTION);
    assert_true(vm_call(vm, b.reject, VAL_UNDEFINED, 1, &reason) != VAL_EXCEPTION);
    /* a gets a handler before the host looks: not reported */
    PerformPromiseThen(vm, val_as_obj(a.promise), VAL_UNDEFINED, VAL_UNDEFINED, NULL);
    Value p;
    uint64_t id;
    assert_true(jobs_next_unhandled_rejection(vm, &p, &id));
    assert_true(p == b.promise);
    assert_int_equal(id, promise_id(val_as_obj(b.promise)));
    assert_false(jobs_next_unhandled_rejection(vm, &p, &id));
    /* b gets a handler after it was reported: node's 'rejectionhandled' */
    assert_false(jobs_next_late_handled_rejection(vm, &p, &id));
    PerformPromiseThen(vm, val_as_obj(b.promise), VAL_UNDEFINED, VAL_UNDEFINED, NULL);
    assert_true(jobs_next_late_handled_rejection(vm, &p, &id));
    assert_true(p == b.promise);
    assert_int_equal(jobs_drain_microtasks(vm), JOB_RUN_OK);
    promise_capability_unroot(vm);
    promise_capability_unroot(vm);
    vm_free(vm);
}

static void test_promise_resolve_returns_the_same_promise_for_its_constructor(void **state) {
    (void)state;
    Vm *vm = vm_new();
    Value ctor = val_obj(realm_intrinsic(vm, INTR_Promise));
    Value p = PromiseResolve(vm, ctor, val_number(3));
    assert_true(IsPromise(p));
    gc_root_push(vm, &p);
    assert_int_equal(promise_state(val_as_obj(p)), PROMISE_FULFILLED);
    assert_true(PromiseResolve(vm, ctor, p) == p);
    assert_false(IsPromise(val_number(3)));
    gc_root_pop(vm, 1);
    vm_free(vm); /* the job state was attached lazily and is freed with the heap */
}

static void test_new_promise_capability_rejects_a_non_constructor(void **state) {
    (void)state;
    Vm *vm = vm_new();
    PromiseCapability cap;
    assert_false(NewPromiseCapability(vm, val_number(1), &cap));
    assert_true(vm_has_exception(vm));
    Value e = vm_take_exception(vm);
    assert_true(val_is_object(e));
    vm_free(vm);
}

/* ==== previews, spec modes ============================================================= */

static void test_previews_look_like_util_inspect(void **state) {
    (void)state;
    Vm *vm = vm_new();
    char b[96];
    trc_preview(vm, VAL_UNDEFINED, b, sizeof b);
    assert_string_equal(b, "undefined");
    trc_preview(vm, val_number(-0.0), b, sizeof b);
    assert_string_equal(b, "-0");
    trc_preview(vm, val_number(1.5), b, sizeof b);
    assert_string_equal(b, "1.5");
    Value s = val_str(str_new_cstr(vm, "hi"));
    trc_preview(vm, s, b, sizeof b);
    assert_string_equal(b, "'hi'");
    Value p = PromiseResolve(vm, val_obj(realm_intrinsic(vm, INTR_Promise)), s);
    gc_root_push(vm, &p);
    trc_preview(vm, p, b, sizeof b);
    assert_string_equal(b, "Promise { 'hi' }");
    Obj *arr = obj_new_array(vm, 0);
    gc_root_push_ptr(vm, &arr);
    for (int i = 1; i <= 8; i++)
        assert_true(obj_array_push(vm, arr, val_number(i)));
    trc_preview(vm, val_obj(arr), b, sizeof b);
    assert_string_equal(b, "[ 1, 2, 3, 4, 5, 6, ... 2 more items ]");
    Obj *o = obj_new_plain(vm);
    gc_root_push_ptr(vm, &o);
    assert_true(CreateDataProperty(vm, o, ATOM_value, val_number(1)));
    assert_true(CreateDataProperty(vm, o, ATOM_done, VAL_FALSE));
    trc_preview(vm, val_obj(o), b, sizeof b);
    assert_string_equal(b, "{ value: 1, done: false }");
    /* long strings are cut */
    char longs[200];
    memset(longs, 'x', sizeof longs - 1);
    longs[sizeof longs - 1] = 0;
    Value ls = val_str(str_new_cstr(vm, longs));
    trc_preview(vm, ls, b, 32);
    assert_true(strlen(b) < 32);
    gc_root_pop(vm, 3);
    vm_free(vm);
}

static void test_spec_modes_parse_and_order(void **state) {
    (void)state;
    SpecMode m;
    assert_true(spec_mode_parse("es2017", &m));
    assert_int_equal(m, SPEC_ES2017);
    assert_true(spec_mode_parse("latest", &m));
    assert_int_equal(m, SPEC_LATEST);
    assert_string_equal(spec_mode_name(m), "es2025");
    assert_true(spec_mode_parse("fast-adoption", &m));
    assert_true(m >= SPEC_ES2019); /* PR #1250's Await */
    assert_false(spec_mode_parse("es2016", &m));
    assert_int_equal(spec_mode_tfv(SPEC_ES2018), TFV_SPEC_ES2018);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_then_on_a_fulfilled_promise_runs_its_handler_on_tick_1),
        cmocka_unit_test(test_resolving_with_a_native_promise_costs_two_extra_jobs),
        cmocka_unit_test(test_resolving_with_a_thenable_calls_then_in_a_job),
        cmocka_unit_test(test_finally_settles_two_ticks_after_a_plain_then),
        cmocka_unit_test(test_combinators_and_their_errors_match_node),
        cmocka_unit_test(test_a_promise_resolved_with_itself_is_rejected_with_a_type_error),
        cmocka_unit_test(test_a_then_getter_runs_once_and_a_throwing_then_rejects),
        cmocka_unit_test(test_max_jobs_stops_an_endless_promise_loop),
        cmocka_unit_test(test_seed_puzzle_job_sequence_in_es2019),
        cmocka_unit_test(test_seed_puzzle_job_sequence_in_es2017),
        cmocka_unit_test(test_es2017_has_two_extra_jobs_around_each_await_of_a_native_promise),
        cmocka_unit_test(test_await_of_a_native_promise_costs_one_tick_in_es2019_and_three_in_es2017),
        cmocka_unit_test(test_facts_about_ticks_hold_in_es2019),
        cmocka_unit_test(test_await_rethrows_rejections_and_async_errors_reject),
        cmocka_unit_test(test_async_from_sync_iterators_read_iterator_once_and_close_on_rejection),
        cmocka_unit_test(test_deep_async_and_generator_nesting_works_or_throws_a_range_error),
        cmocka_unit_test(test_a_native_reaction_runs_once_in_a_job_with_the_value),
        cmocka_unit_test(test_values_held_only_by_jobs_and_reactions_survive_collection),
        cmocka_unit_test(test_rejection_tracker_reports_unhandled_rejections_and_late_handlers),
        cmocka_unit_test(test_promise_resolve_returns_the_same_promise_for_its_constructor),
        cmocka_unit_test(test_new_promise_capability_rejects_a_non_constructor),
        cmocka_unit_test(test_previews_look_like_util_inspect),
        cmocka_unit_test(test_spec_modes_parse_and_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
