/* host.h — the host event loops on virtual time (issue 5). Owns the virtual clock, the
 * cost rule for running code, the host's queues besides [[PromiseJobs]] (node's
 * process.nextTick queue and setImmediate queue, the browser's task queues, animation
 * frame callbacks and mutation observers), the loop that runs them after the Script job
 * (host_run), the reporting of uncaught exceptions and unhandled rejections as each host
 * does, process.exit/exitCode, and the host-specific globals (setTimeout, process,
 * document...). Timers themselves are in timers.h.
 *
 * Virtual time. The clock counts integer virtual microseconds from 0 at the start of the
 * Script job. Running code costs HOST_STEP_COST_US (1 µs) per interpreter step (vm->steps:
 * a call or a backward jump), so a busy-wait on Date.now() ends, deterministically; the
 * loop itself costs nothing, and waiting for a timer jumps the clock to its due time.
 * Date.now() is HOST_EPOCH_MS + the clock in whole ms; performance.now() the clock in ms
 * with µs precision. Node's timers see libuv's loop time, the clock in whole ms, cached
 * as libuv caches it (uv_update_time where libuv and node call it). The same program,
 * spec mode and host therefore always give the same trace, byte for byte.
 *
 * Hosts: HOST_NODE (Node.js 20: nextTicks then microtasks after the script and after
 * every macrotask callback; libuv phases timers, pending, poll, check, close),
 * HOST_NODE10 (Node.js 10: nextTicks and microtasks only after a whole timer list or the
 * whole check phase, nodejs/node#22842), HOST_BROWSER (the HTML event loop with a task
 * queue per task source, microtask checkpoints after each task and callback, rendering
 * steps every HOST_FRAME_US). host_node.c and host_browser.c hold the loops.
 *
 * How `trace run` uses this module (in this order): vm_new(); jobs_attach(vm, spec, trc);
 * q->max_jobs = --max-jobs; host_attach(vm, &opts) (installs the host's globals and
 * takes over q->on_limit); compile; jobs_run_script(vm, script, NULL) →
 * host_run(vm, status) → HostExit; then trc_exit(trc, exit.code, exit.reason, vm->steps)
 * and exit with exit.code. host_run reports the script's own uncaught exception too, so
 * the caller prints nothing for it. The state is freed with the heap (vm_free). */
#ifndef TICKSCOPE_HOST_H
#define TICKSCOPE_HOST_H

#include <stdbool.h>
#include <stdint.h>

#include "common/strbuf.h"
#include "formats/trace_event.h"
#include "tracer/jobs.h"
#include "tracer/srcpos.h"
#include "tracer/value.h"
#include "tracer/vm.h"

/* The cost rule: virtual microseconds per interpreter step, and the same in ms for the
 * trace header's `step_cost`. */
#define HOST_STEP_COST_US 1
#define HOST_STEP_COST_MS 0.001
/* Date.now() at virtual time 0: 2024-01-01T00:00:00.000Z. */
#define HOST_EPOCH_MS 1704067200000.0
/* The browser's rendering opportunities: every 16.7 virtual ms (about 60 Hz). */
#define HOST_FRAME_US 16700

typedef enum { HOST_NODE = 0, HOST_NODE10, HOST_BROWSER } HostKind;

/* node's --unhandled-rejections modes; DEFAULT is throw for node 20, warn for node 10
 * and report-and-continue for the browser. */
typedef enum {
    UNHANDLED_DEFAULT = 0,
    UNHANDLED_THROW,
    UNHANDLED_STRICT,
    UNHANDLED_WARN,
    UNHANDLED_NONE,
    UNHANDLED_WARN_WITH_ERROR_CODE,
} HostUnhandled;

/* Prints an uncaught exception exc thrown at pos (pos.line 0: unknown) as node prints it
 * (cmd_run's "FILE:LINE", source line, caret, blank line, stack) and appends the first
 * line of the report to *message and the stack text to *stack (for the `error` event). */
typedef void HostPrintErrorFn(Vm *vm, Value exc, SrcPos pos, StrBuf *message, StrBuf *stack,
                              void *ctx);

/* Writes program output: text (len bytes) on stream, then a newline when newline is
 * true. method is the console method ("log", "warn"...), "process.stdout.write" /
 * "process.stderr.write", or NULL for the host's own messages (warnings, Chromium's
 * "Uncaught ..."). One call per console call or stream write, so the `log` events can
 * replay the exact bytes (formats/SPEC.md, `log.newline`). */
typedef void HostWriteFn(Vm *vm, ConsoleStream stream, const char *text, size_t len,
                         bool newline, const char *method, void *ctx);

typedef struct {
    HostKind kind;
    bool module;             /* ES module (.mjs, --module): node drains promise jobs
                                before the nextTick queue after the top level */
    HostUnhandled unhandled; /* --unhandled-rejections */
    const char *program;     /* process.argv[1] */
    int argc;                /* the program's own arguments: process.argv[2...] */
    char *const *argv;
    double timeout_s;              /* --timeout, for the `limit` message (0: none) */
    HostPrintErrorFn *print_error; /* NULL: a built-in fallback (the stack only) */
    HostWriteFn *write;            /* NULL: lines through vm->hooks.console_write as
                                      before host_attach, stream writes to stdio */
    void *ctx;                     /* for print_error and write */
} HostOptions;

/* How the run ended: the exit status of `trace run` and the `exit` event's reason. */
typedef struct {
    int code;
    TfEnumValue reason; /* TFV_EXIT_REASON_* */
} HostExit;

/* ---- names ----------------------------------------------------------------------- */

/* "node", "node10", "browser"; false for another word. */
bool host_kind_parse(const char *word, HostKind *out);
const char *host_kind_name(HostKind kind);
TfEnumValue host_kind_tfv(HostKind kind);
/* "throw", "strict", "warn", "none", "warn-with-error-code". */
bool host_unhandled_parse(const char *word, HostUnhandled *out);
/* TFV_UNHANDLED_* of a mode (DEFAULT: the host's default mode), and its word for the
 * trace header's `unhandled_rejections`. */
TfEnumValue host_unhandled_tfv(HostKind kind, HostUnhandled mode);
const char *host_unhandled_name(HostKind kind, HostUnhandled mode);

/* ---- lifetime and the run ---------------------------------------------------------- */

/* Creates the host state of vm (after jobs_attach) and installs the host's globals
 * (tracer/builtins/host_builtins.def). */
void host_attach(Vm *vm, const HostOptions *opts);
/* Everything after the Script job: reports its uncaught exception (script is what
 * jobs_run_script returned), drains the queues and runs the event loop until no job,
 * timer or pending host work is left, a fatal error ends the process as node would, a
 * limit stops it, or process.exit() is called. */
HostExit host_run(Vm *vm, JobStatus script);

/* The Module job (instead of jobs_run_script for an ES module: .mjs, --module): job 1,
 * kind Module, runs the module body (ECMA-262 #sec-moduleevaluation; with a top-level
 * await, ExecuteAsyncModule: the body runs as an async function body through
 * AsyncBlockStart and settles the module's TopLevelCapability one job after its own
 * promise, as AsyncModuleExecutionFulfilled / Rejected do). The host then awaits that
 * capability as node's loader does (three awaits: a module's error is reported as an
 * uncaught exception three jobs after it settles) or as HTML's "run a module script"
 * does (one reaction, then "report the exception"). Returns JOB_RUN_OK unless a limit
 * or process.exit stopped the body; a throw is not a JOB_RUN_THREW, it rejects the
 * capability. Call after host_attach. */
JobStatus host_run_module(Vm *vm, FuncProto *module);

/* ---- the clock --------------------------------------------------------------------- */

/* The virtual clock after charging the steps run since the last reading. */
uint64_t host_now_us(Vm *vm);
double host_now_ms(Vm *vm);
/* The host kind of vm (HOST_NODE when no host is attached). */
HostKind host_kind(Vm *vm);

/* ==== for the host modules and the host built-ins ====================================== */

typedef struct HostState HostState;
typedef struct NodeLoop NodeLoop;       /* host_node.c */
typedef struct BrowserLoop BrowserLoop; /* host_browser.c */
typedef struct TimerSet TimerSet;       /* timers.c */
typedef struct Timer Timer;             /* timers.h */

/* A pending "these two may swap in a real engine" note (the `note` event): emitted when
 * the second of the two timers' jobs is enqueued. */
typedef struct {
    uint64_t first_timer, second_timer; /* timer ids, in the order tickscope runs them */
    uint64_t first_job;                 /* the first one's job id once enqueued, else 0 */
    const char *text;
} HostRaceNote;

struct HostState {
    Vm *vm;
    HostOptions opts;
    HostKind kind;
    uint64_t clock_us;   /* the virtual clock */
    uint64_t steps_seen; /* vm->steps already charged */
    uint64_t turn;       /* the macrotask turn (run.turn) */
    TimerSet *timers;
    NodeLoop *node;       /* NULL unless kind is node or node10 */
    BrowserLoop *browser; /* NULL unless kind is browser */
    Obj *holder;          /* frees this state with the heap */
    Obj *process;         /* node: the process object (exitCode), else NULL */
    /* process.exit(): the run unwinds (vm->terminated = TERM_EXIT, vm.h) and ends */
    bool exiting;
    int exit_code;
    /* the run is over (a fatal error or process.exit): nothing else may run */
    bool stopped;
    HostExit result;
    uint32_t uncaught_count; /* browser: errors reported (the exit status is 1 if any) */
    uint64_t rejection_uid;  /* node's "(rejection id: N)" */
    bool warned_hint;        /* node: the "(Use `node --trace-warnings ...`" line */
    void (*prev_console)(Vm *vm, ConsoleStream stream, const char *text, size_t len, void *ctx);
    void *prev_console_ctx;
    HostRaceNote *races;
    size_t nraces, cap_races;
    /* an ES module's TopLevelCapability promise (host_run_module), else NULL: still
     * pending when the loop ends, node exits with 13 (unsettled top-level await) */
    Obj *module_promise;
};

/* The host state of vm, or NULL. */
HostState *host_state(Vm *vm);
/* The trace emitter. */
Tracer *host_tracer(HostState *hs);
/* libuv's uv_update_time: the loop time becomes the clock in whole ms. */
int64_t host_update_loop_ms(HostState *hs);

/* Runs one job of a task queue (timer, immediate, message, animation frame): a new
 * macrotask turn, the clock and turn set for its `run`. Returns what job_run returned;
 * a throw is NOT reported here (host_report_uncaught). */
JobStatus host_run_task(HostState *hs, Job *job);
/* The `phase` event: the loop enters phase (TFV_PHASE_*) for the next turn's job. */
void host_phase(HostState *hs, TfEnumValue phase);
/* Runs a microtask-like job (a nextTick, a promise job) with the clock set. */
JobStatus host_run_micro(HostState *hs, Job *job);
/* Performs all of [[PromiseJobs]] (V8's RunMicrotasks / HTML's microtask checkpoint
 * loop), each job with the clock set; stops early on a fatal error, a limit or
 * process.exit (then false). Uncaught errors of queueMicrotask callbacks and mutation
 * observers are reported as the host does (fatal in node). */
bool host_drain_microtasks(HostState *hs);
/* When the event loop has nothing left to run: the next FinalizationRegistry cleanup
 * task (builtins/weakref.h: after a weak collection, one per registry with dead cells),
 * already enqueued (`enqueue` event) and ready for the loop to run as a task with its
 * microtask processing; NULL when none (the run ends). */
Job *host_next_cleanup_task(HostState *hs);
/* After a job did not end normally: reports the uncaught exception (node: fatal, the
 * run stops; browser: "Uncaught ..." on stderr and the loop goes on), or turns a limit /
 * process.exit into the run's result. Returns false when the run must stop. */
bool host_after_job(HostState *hs, JobStatus st);
/* --max-jobs: true (and the run stops with the `limit` event) when the limit is reached. */
bool host_check_max_jobs(HostState *hs);
/* Asks for the process to end with code (process.exit): unwinds the running JS. */
void host_request_exit(HostState *hs, int code);
/* The exit code of a normal end: process.exitCode (node) or 0 / 1 (browser errors). */
int host_normal_exit_code(HostState *hs);

/* Unhandled rejections, as node 20 / node 10 / the browser report them; node's
 * processPromiseRejections: returns true when something was reported (node: the tick
 * loop runs again). Sets hs->stopped on a fatal one. */
bool host_process_rejections(HostState *hs);
/* True when HostPromiseRejectionTracker left something for the host (node's
 * hasRejectionToWarn). */
bool host_has_rejection_to_warn(HostState *hs);

/* Race notes: remember that timers a and b (run in this order here) may swap in a real
 * engine; host_note_job_enqueued is called for every host job as it is enqueued. */
void host_note_race(HostState *hs, uint64_t first_timer, uint64_t second_timer, const char *text);
void host_note_job_enqueued(HostState *hs, const Job *job);

/* A job of kind calling fn with this_val and the arguments in args (a JS array or
 * undefined), defined where fn is defined; timer is the timer id or 0. */
Job *host_callback_job(HostState *hs, JobKind kind, Value fn, Value this_val, Value args,
                       uint64_t timer);

/* Throws node's error with a code: new <proto's kind>(message) whose stack begins
 * "TypeError [CODE]: message" and with an enumerable "code" (internal/errors.js). */
Value host_throw_node_error(Vm *vm, int proto_id, const char *code, const char *fmt, ...)
    PRINTF_LIKE(4, 5);
/* node's "Received ..." tail of ERR_INVALID_ARG_TYPE messages for v, into out. */
void host_describe_received(Vm *vm, Value v, StrBuf *out);
/* process.emitWarning(message, name): printed from a nextTick, as node does. */
void host_emit_warning(HostState *hs, const char *name, const char *message);
/* Reports the pending exception as uncaught (HTML "report the exception"; node: fatal)
 * from inside a job that goes on (mutation observer and event listener callbacks).
 * Returns false when the run must stop. */
bool host_report_exception(HostState *hs);

/* process.stdout.write / process.stderr.write: text that may end without a newline. */
void host_write_stream(HostState *hs, int stream, const char *text, size_t len);

/* ---- the loops (host_node.c, host_browser.c) ----------------------------------------- */

NodeLoop *node_loop_new(HostState *hs);
void node_loop_free(NodeLoop *nl);
void node_loop_mark(Vm *vm, NodeLoop *nl);
/* The run after the Script job (node and node10). */
void node_loop_run(HostState *hs, JobStatus script);
/* getLibuvNow(): libuv's loop time after uv_update_time (whole virtual ms). */
int64_t node_libuv_now(HostState *hs);
/* libuv's cached loop time (uv_now without an update). */
int64_t node_loop_time(HostState *hs);
/* Timeouts (timers.h): insert(item, msecs, start); unenroll (clearTimeout); refresh();
 * ref()/unref(). */
void node_timer_insert(HostState *hs, Timer *t, int64_t start);
void node_timer_unenroll(HostState *hs, Timer *t);
void node_timer_refresh(HostState *hs, Timer *t);
void node_timer_set_ref(HostState *hs, Timer *t, bool refed);
/* process.nextTick(fn, ...args) */
void node_next_tick(HostState *hs, Value fn, Value args);
/* setImmediate: queues the Immediate object imm (timers.h) / clearImmediate. */
void node_immediate_queue(HostState *hs, Obj *imm);
void node_immediate_clear(HostState *hs, Obj *imm);
/* Immediate ref/unref bookkeeping (the loop stays alive for ref'd immediates). */
void node_immediate_set_ref(HostState *hs, Obj *imm, bool refed);

BrowserLoop *browser_loop_new(HostState *hs);
void browser_loop_free(BrowserLoop *bl);
void browser_loop_mark(Vm *vm, BrowserLoop *bl);
void browser_loop_run(HostState *hs, JobStatus script);

/* Browser task sources (HTML: each has its own task queue). */
typedef enum {
    TASK_SOURCE_TIMER = 0,
    TASK_SOURCE_MESSAGING,
    TASK_SOURCE_DOM,
    TASK_SOURCE__COUNT
} TaskSource;
const char *task_source_name(TaskSource src);
/* Queues job on the task queue of src (emits `enqueue`). */
void browser_queue_task(HostState *hs, TaskSource src, Job *job);
/* Queues job to run right after the running task (and its microtask checkpoint): the
 * next listener of the event it dispatches. */
void browser_queue_continuation(HostState *hs, Job *job);
/* Starts browser timer t (armed, due after clamped_ms): a 0 ms timer's task is queued at
 * once, a later one when it comes due. */
void browser_timer_start(HostState *hs, Timer *t, double clamped_ms);
/* requestAnimationFrame / cancelAnimationFrame: returns the handle. */
uint32_t browser_request_frame(HostState *hs, Value callback);
void browser_cancel_frame(HostState *hs, uint32_t handle);
/* The running timer task's nesting level (HTML timer initialization steps), 0 when the
 * running task is not a timer. */
int browser_timer_nesting(HostState *hs);
/* Values the browser built-ins keep for the whole run (marked with the loop). */
typedef enum {
    BROWSER_EXT_WINDOW_LISTENERS = 0, /* messaging.c: window's 'message' listeners */
    BROWSER_EXT_OBSERVERS,            /* dom.c: the agent's mutation observers */
    BROWSER_EXT_PORT_PROTO,           /* messaging.c: MessagePort.prototype */
    BROWSER_EXT_NODE_PROTOS,          /* dom.c: [Element, Text, Document, MutationObserver]
                                         prototypes */
    BROWSER_EXT__COUNT
} BrowserExt;
Value *browser_ext(HostState *hs, BrowserExt which);
/* Queues a mutation observer microtask unless one is queued (DOM "queue a mutation
 * observer microtask"); notify runs "notify mutation observers". */
void browser_queue_mutation_microtask(HostState *hs, JobRunFn *notify);
void browser_mutation_microtask_done(HostState *hs);

#endif
