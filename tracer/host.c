/* host.c — what every host shares (see host.h): the virtual clock, the host state and its
 * GC roots, installing the host's globals, running host jobs with the clock and the
 * macrotask turn set, the microtask drain, reporting uncaught exceptions and unhandled
 * rejections as node 20, node 10 and Chromium do, process.exit, --max-jobs, the race
 * notes, and console text written without a newline (process.stdout.write). */
#include "tracer/host.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "tracer/builtins/weakref.h"
#include "tracer/bytecode.h"
#include "tracer/function.h"
#include "tracer/inspect.h"
#include "tracer/object.h"
#include "tracer/promise.h"
#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/timers.h"
#include "tracer/trace.h"

/* The process-wide "(node:PID)" prefix of warnings: tickscope prints no pid (R22). */
#define WARN_PREFIX "(node) "
#define WARN_PREFIX_TEXT WARN_PREFIX

/* the host globals (tracer/builtins/host_builtins.def) */
enum { HOSTS_NODE = 1, HOSTS_NODE10 = 2, HOSTS_BROWSER = 4 };
#define HOST_BUILTIN(name, hosts) void bi_##name##_host_init(Vm *vm, HostState *hs);
#include "tracer/builtins/host_builtins.def"
#undef HOST_BUILTIN

/* ECMA-262 library features node 10.24.1 (V8 6.8) does not have, hidden under --host
 * node10 so that `typeof WeakRef` and feature tests read as there: {object path from the
 * global object ("" for a global), key} or, key NULL, the symbol key sym. Only removals of
 * whole properties (no behaviour changes). Kept on purpose: Promise.allSettled,
 * Promise.any and AggregateError, which samples/features runs under node10 with
 * --spec es2017 (the spec modes, not the host, select the promise algorithms). */
static const struct {
    const char *path;
    const char *key;
    Atom sym;
} node10_absent[] = {
    {"", "WeakRef", 0},                  /* ES2021 */
    {"", "FinalizationRegistry", 0},     /* ES2021 */
    {"", "globalThis", 0},               /* ES2020, node 12 */
    {"Object", "fromEntries", 0},        /* ES2019, node 12 */
    {"Object", "hasOwn", 0},             /* ES2022 */
    {"Array.prototype", "flat", 0},      /* ES2019, node 11 */
    {"Array.prototype", "flatMap", 0},
    {"Array.prototype", "at", 0},        /* ES2022 */
    {"Array.prototype", "findLast", 0},  /* ES2023 */
    {"Array.prototype", "findLastIndex", 0},
    {"Array.prototype", "toReversed", 0},
    {"Array.prototype", "toSorted", 0},
    {"Array.prototype", "toSpliced", 0},
    {"Array.prototype", "with", 0},
    {"String.prototype", "matchAll", 0}, /* ES2020, node 12 */
    {"String.prototype", "replaceAll", 0}, /* ES2021 */
    {"String.prototype", "at", 0},
    {"String.prototype", "isWellFormed", 0}, /* ES2024 */
    {"String.prototype", "toWellFormed", 0},
    {"Symbol", "matchAll", 0},
    {"Symbol", "asyncDispose", 0},
    {"Symbol", "dispose", 0},
    {"Symbol.prototype", "description", 0}, /* ES2019, node 11 */
    {"RegExp.prototype", NULL, ATOM_Symbol_matchAll},
    {"RegExp.prototype", "hasIndices", 0}, /* ES2022 */
    {"RegExp.prototype", "unicodeSets", 0},
    {"Reflect", NULL, ATOM_Symbol_toStringTag},
    {"Promise", "withResolvers", 0},     /* ES2024 */
    {"Promise", "try", 0},
};

/* Deletes each node10_absent property. */
static void hide_node10_absent(Vm *vm) {
    for (size_t i = 0; i < ARRAY_LEN(node10_absent); i++) {
        Obj *o = vm->realm->global;
        const char *path = node10_absent[i].path;
        while (o && *path) {
            const char *dot = strchr(path, '.');
            size_t n = dot ? (size_t)(dot - path) : strlen(path);
            Prop *p = obj_find_own_prop(o, atom_intern_n(vm, path, n));
            o = p && !(p->flags & PROP_ACCESSOR) && val_is_object(p->u.value) ? val_as_obj(p->u.value)
                                                                             : NULL;
            path += n + (dot != NULL);
        }
        if (!o)
            continue;
        Atom key = node10_absent[i].key ? atom_intern(vm, node10_absent[i].key) : node10_absent[i].sym;
        /* the well-known symbols on Symbol are non-configurable: this is realm setup */
        Prop *p = obj_find_own_prop(o, key);
        if (p)
            p->flags |= PROP_CONFIGURABLE;
        bool deleted;
        if (!obj_delete(vm, o, key, &deleted))
            (void)vm_take_exception(vm);
    }
}

/* ==== names ============================================================================= */

static const struct {
    const char *word;
    HostKind kind;
    TfEnumValue tfv;
} host_names[] = {
    {"node", HOST_NODE, TFV_HOST_NODE},
    {"node10", HOST_NODE10, TFV_HOST_NODE10},
    {"browser", HOST_BROWSER, TFV_HOST_BROWSER},
};

bool host_kind_parse(const char *word, HostKind *out) {
    for (size_t i = 0; i < ARRAY_LEN(host_names); i++) {
        if (strcmp(word, host_names[i].word) == 0) {
            *out = host_names[i].kind;
            return true;
        }
    }
    return false;
}

const char *host_kind_name(HostKind kind) {
    for (size_t i = 0; i < ARRAY_LEN(host_names); i++)
        if (host_names[i].kind == kind)
            return host_names[i].word;
    return "node";
}

TfEnumValue host_kind_tfv(HostKind kind) {
    for (size_t i = 0; i < ARRAY_LEN(host_names); i++)
        if (host_names[i].kind == kind)
            return host_names[i].tfv;
    return TFV_HOST_NODE;
}

static const struct {
    const char *word;
    HostUnhandled mode;
    TfEnumValue tfv;
} unhandled_names[] = {
    {"throw", UNHANDLED_THROW, TFV_UNHANDLED_THROW},
    {"strict", UNHANDLED_STRICT, TFV_UNHANDLED_STRICT},
    {"warn", UNHANDLED_WARN, TFV_UNHANDLED_WARN},
    {"none", UNHANDLED_NONE, TFV_UNHANDLED_NONE},
    {"warn-with-error-code", UNHANDLED_WARN_WITH_ERROR_CODE, TFV_UNHANDLED_WARN_WITH_ERROR_CODE},
};

bool host_unhandled_parse(const char *word, HostUnhandled *out) {
    for (size_t i = 0; i < ARRAY_LEN(unhandled_names); i++) {
        if (strcmp(word, unhandled_names[i].word) == 0) {
            *out = unhandled_names[i].mode;
            return true;
        }
    }
    return false;
}

/* The mode a run uses: node 20 throws by default; node 10 warns (its only behaviour
 * before v12's flag); the browser reports and goes on (as warn, without node's text). */
static HostUnhandled effective_mode(HostKind kind, HostUnhandled mode) {
    if (mode != UNHANDLED_DEFAULT)
        return mode;
    return kind == HOST_NODE ? UNHANDLED_THROW : UNHANDLED_WARN;
}

const char *host_unhandled_name(HostKind kind, HostUnhandled mode) {
    HostUnhandled m = effective_mode(kind, mode);
    for (size_t i = 0; i < ARRAY_LEN(unhandled_names); i++)
        if (unhandled_names[i].mode == m)
            return unhandled_names[i].word;
    return "throw";
}

TfEnumValue host_unhandled_tfv(HostKind kind, HostUnhandled mode) {
    HostUnhandled m = effective_mode(kind, mode);
    for (size_t i = 0; i < ARRAY_LEN(unhandled_names); i++)
        if (unhandled_names[i].mode == m)
            return unhandled_names[i].tfv;
    return TFV_UNHANDLED_THROW;
}

/* ==== the state ========================================================================= */

HostState *host_state(Vm *vm) {
    JobQueue *q = vm->host;
    return q ? q->host : NULL;
}

HostKind host_kind(Vm *vm) {
    HostState *hs = host_state(vm);
    return hs ? hs->kind : HOST_NODE;
}

Tracer *host_tracer(HostState *hs) {
    return jobs_tracer(hs->vm);
}

static void free_state(HostState *hs) {
    if (hs->node)
        node_loop_free(hs->node);
    if (hs->browser)
        browser_loop_free(hs->browser);
    timers_free(hs->timers);
    free(hs->races);
    free(hs);
}

/* The state is freed with the heap: the holder's finalizer runs at vm_free. It touches
 * nothing but the state itself (the job state may already be gone). */
static void holder_finalize(Vm *vm, Obj *o) {
    (void)vm;
    HostState *hs = o->u.host.data;
    if (!hs)
        return;
    o->u.host.data = NULL;
    free_state(hs);
}

static const ObjClass holder_class = {.name = "HostState", .finalize = holder_finalize};

static void host_mark_roots(Vm *vm, void *ctx) {
    (void)ctx;
    HostState *hs = host_state(vm);
    if (!hs)
        return;
    gc_mark(vm, hs->holder);
    gc_mark(vm, hs->process);
    gc_mark(vm, hs->module_promise);
    timers_mark(vm, hs->timers);
    if (hs->node)
        node_loop_mark(vm, hs->node);
    if (hs->browser)
        browser_loop_mark(vm, hs->browser);
}

/* ==== console text ======================================================================= */

/* Every piece of program output goes through here: to the embedder's HostWriteFn, else
 * (no writer) lines to the console hook that was installed before host_attach and
 * partial writes to stdio. */
static void host_out(HostState *hs, ConsoleStream stream, const char *text, size_t len,
                     bool newline, const char *method) {
    if (hs->opts.write) {
        hs->opts.write(hs->vm, stream, text, len, newline, method, hs->opts.ctx);
    } else if (newline && hs->prev_console) {
        hs->prev_console(hs->vm, stream, text, len, hs->prev_console_ctx);
    } else {
        FILE *f = stream == CONSOLE_OUT ? stdout : stderr;
        fwrite(text, 1, len, f);
        if (newline)
            fputc('\n', f);
        fflush(f);
    }
}

static void forward_line(HostState *hs, ConsoleStream stream, const char *text, size_t len) {
    host_out(hs, stream, text, len, true, NULL);
}

/* vm.h's console hook while the host is attached: a console call prints one line. */
static void host_console_hook(Vm *vm, ConsoleStream stream, const char *text, size_t len,
                              void *ctx) {
    HostState *hs = ctx;
    host_out(hs, stream, text, len, true, vm->console_method);
}

/* process.stdout.write / process.stderr.write: the bytes as given, one `log` event per
 * call (its text without a final newline, `newline: false` when there was none), so a
 * replay prints exactly what node prints. */
void host_write_stream(HostState *hs, int stream, const char *text, size_t len) {
    if (!len)
        return;
    bool nl = text[len - 1] == '\n';
    host_out(hs, stream == 1 ? CONSOLE_OUT : CONSOLE_ERR, text, nl ? len - 1 : len, nl,
             stream == 1 ? "process.stdout.write" : "process.stderr.write");
}

/* A host message on stderr (warnings): line by line through the console hook, so each
 * line is also a `log` event without `by`. */
static void host_message(HostState *hs, const char *text) {
    const char *p = text;
    for (;;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        forward_line(hs, CONSOLE_ERR, p, n);
        if (!nl)
            break;
        p = nl + 1;
    }
}

/* ==== limits ============================================================================= */

static void host_stop(HostState *hs, int code, TfEnumValue reason) {
    if (hs->stopped)
        return;
    hs->stopped = true;
    hs->result.code = code;
    hs->result.reason = reason;
}

/* jobs.h on_limit: the `limit` event of --max-steps, --timeout, --max-heap (or nothing
 * for process.exit), written before the stopped job's `done`. */
static void host_on_limit(Vm *vm) {
    HostState *hs = host_state(vm);
    if (!hs || hs->exiting)
        return;
    char msg[200];
    TfEnumValue name = TFV_LIMIT_MAX_STEPS;
    double max = 0;
    switch (vm->terminated) {
    case TERM_MAX_STEPS:
        max = (double)vm->max_steps;
        snprintf(msg, sizeof msg, "stopped after %llu steps (--max-steps)",
                 (unsigned long long)vm->max_steps);
        break;
    case TERM_TIMEOUT:
        name = TFV_LIMIT_TIMEOUT;
        max = hs->opts.timeout_s;
        snprintf(msg, sizeof msg, "stopped after %g seconds (--timeout)", hs->opts.timeout_s);
        break;
    default:
        name = TFV_LIMIT_MAX_HEAP;
        max = (double)(vm->gc.max_heap >> 20);
        snprintf(msg, sizeof msg, "stopped: the heap exceeded %llu MB (--max-heap)",
                 (unsigned long long)(vm->gc.max_heap >> 20));
        break;
    }
    fprintf(stderr, "trace: %s\n", msg);
    fflush(stderr);
    trc_limit(host_tracer(hs), name, max, msg);
}

bool host_check_max_jobs(HostState *hs) {
    if (hs->stopped)
        return true;
    if (!jobs_limit_reached(hs->vm))
        return false;
    JobQueue *q = jobs_of(hs->vm);
    char msg[120];
    snprintf(msg, sizeof msg, "stopped after %llu jobs (--max-jobs)",
             (unsigned long long)q->max_jobs);
    fprintf(stderr, "trace: %s\n", msg);
    fflush(stderr);
    trc_limit(host_tracer(hs), TFV_LIMIT_MAX_JOBS, (double)q->max_jobs, msg);
    host_stop(hs, EXIT_LIMIT, TFV_EXIT_REASON_LIMIT);
    return true;
}

void host_request_exit(HostState *hs, int code) {
    if (hs->exiting)
        return;
    hs->exiting = true;
    hs->exit_code = code;
    vm_limit_exceeded(hs->vm, TERM_EXIT);
}

int host_normal_exit_code(HostState *hs) {
    if (hs->kind == HOST_BROWSER)
        return hs->uncaught_count ? EXIT_FAIL : EXIT_OK;
    /* node's kUnsettledTopLevelAwait (13) when the loop ends with the module's
     * evaluation still pending and process.exitCode unset (run_main.js
     * handleProcessExit) */
    bool unsettled = hs->module_promise && promise_state(hs->module_promise) == PROMISE_PENDING;
    if (!hs->process)
        return unsettled ? 13 : EXIT_OK;
    /* process.exitCode, read without running a getter */
    Prop *p = obj_find_own_prop(hs->process, atom_intern(hs->vm, "exitCode"));
    if (p && !(p->flags & PROP_ACCESSOR) && val_is_number(p->u.value)) {
        double d = val_as_number(p->u.value);
        if (isfinite(d))
            return (int)((int64_t)d & 0xff);
    }
    return unsettled ? 13 : EXIT_OK;
}

/* ==== the clock ========================================================================== */

uint64_t host_now_us(Vm *vm) {
    HostState *hs = host_state(vm);
    if (!hs)
        return vm->steps * HOST_STEP_COST_US;
    if (vm->steps > hs->steps_seen) {
        hs->clock_us += (vm->steps - hs->steps_seen) * HOST_STEP_COST_US;
        hs->steps_seen = vm->steps;
    }
    return hs->clock_us;
}

double host_now_ms(Vm *vm) {
    return (double)host_now_us(vm) / 1000.0;
}

int64_t host_update_loop_ms(HostState *hs) {
    return (int64_t)(host_now_us(hs->vm) / 1000);
}

static void set_trace_time(HostState *hs) {
    trc_set_time(host_tracer(hs), host_now_ms(hs->vm));
}

/* trace.h's clock: the tracer reads it when a job ends (done.time). */
static double trace_clock(void *ctx) {
    HostState *hs = ctx;
    return host_now_ms(hs->vm);
}

/* ==== running jobs ======================================================================= */

JobStatus host_run_task(HostState *hs, Job *job) {
    hs->turn++;
    trc_set_turn(host_tracer(hs), hs->turn);
    set_trace_time(hs);
    return job_run(hs->vm, job);
}

void host_phase(HostState *hs, TfEnumValue phase) {
    set_trace_time(hs);
    trc_phase(host_tracer(hs), phase, (int64_t)hs->turn + 1);
}

JobStatus host_run_micro(HostState *hs, Job *job) {
    set_trace_time(hs);
    return job_run(hs->vm, job);
}

/* How an uncaught exception is shown when the embedder gave no printer: the stack (or
 * the value as console.log shows it). */
static void default_print_error(Vm *vm, Value exc, SrcPos pos, StrBuf *message, StrBuf *stack,
                                void *ctx) {
    (void)pos;
    (void)ctx;
    gc_root_push(vm, &exc);
    Value st = VAL_UNDEFINED;
    if (val_is_object(exc)) {
        vm_error_stack_materialize(vm, val_as_obj(exc));
        Prop *p = obj_find_own_prop(val_as_obj(exc), ATOM_stack);
        if (p && !(p->flags & PROP_ACCESSOR))
            st = p->u.value;
    }
    if (val_is_string(st))
        str_to_utf8(val_as_str(st), stack);
    else if (!inspect_value(vm, exc, stack))
        vm_take_exception(vm);
    gc_root_pop(vm, 1);
    const char *nl = memchr(stack->data, '\n', stack->len);
    strbuf_put(message, stack->data, nl ? (size_t)(nl - stack->data) : stack->len);
    fprintf(stderr, "%s\n", stack->data);
    fflush(stderr);
}

static void print_error(HostState *hs, Value exc, SrcPos pos, StrBuf *msg, StrBuf *stack) {
    if (hs->opts.print_error)
        hs->opts.print_error(hs->vm, exc, pos, msg, stack, hs->opts.ctx);
    else
        default_print_error(hs->vm, exc, pos, msg, stack, NULL);
}

/* The first line of an error's stack (or of the value as console.log shows it). */
static void first_line(Vm *vm, Value v, StrBuf *out) {
    gc_root_push(vm, &v);
    StrBuf all;
    strbuf_init(&all);
    Value st = VAL_UNDEFINED;
    if (val_is_object(v) && val_as_obj(v)->kind == OBJ_ERROR) {
        vm_error_stack_materialize(vm, val_as_obj(v));
        Prop *p = obj_find_own_prop(val_as_obj(v), ATOM_stack);
        if (p && !(p->flags & PROP_ACCESSOR))
            st = p->u.value;
    }
    if (val_is_string(st))
        str_to_utf8(val_as_str(st), &all);
    else if (!inspect_value(vm, v, &all))
        vm_take_exception(vm);
    const char *nl = memchr(all.data, '\n', all.len);
    strbuf_put(out, all.data, nl ? (size_t)(nl - all.data) : all.len);
    strbuf_fini(&all);
    gc_root_pop(vm, 1);
}

/* Reports exc, thrown at pos, as an uncaught exception, as the host does. */
static bool report_uncaught_value(HostState *hs, Value exc, SrcPos pos) {
    Vm *vm = hs->vm;
    gc_root_push(vm, &exc);
    StrBuf msg, stack;
    strbuf_init(&msg);
    strbuf_init(&stack);
    bool go_on;
    if (hs->kind == HOST_BROWSER) {
        /* Chromium's console: "Uncaught TypeError: x is not a function"; the page lives
         * on */
        strbuf_puts(&msg, "Uncaught ");
        first_line(vm, exc, &msg);
        host_message(hs, msg.data);
        trc_error(host_tracer(hs), TFV_ERROR_KIND_UNCAUGHT, msg.data, NULL, 0, false,
                  hs->opts.program, pos);
        hs->uncaught_count++;
        go_on = true;
    } else {
        print_error(hs, exc, pos, &msg, &stack);
        trc_error(host_tracer(hs), TFV_ERROR_KIND_UNCAUGHT, msg.data, stack.len ? stack.data : NULL,
                  0, true, hs->opts.program, pos);
        host_stop(hs, EXIT_FAIL, TFV_EXIT_REASON_ERROR);
        go_on = false;
    }
    strbuf_fini(&msg);
    strbuf_fini(&stack);
    gc_root_pop(vm, 1);
    return go_on;
}

/* An uncaught exception is pending: report it as the host does. */
static bool report_uncaught(HostState *hs) {
    Vm *vm = hs->vm;
    SrcPos pos = vm->exc_pos;
    Value exc = vm_take_exception(vm);
    return report_uncaught_value(hs, exc, pos);
}

bool host_report_exception(HostState *hs) {
    if (hs->vm->terminated) {
        host_after_job(hs, JOB_RUN_TERMINATED);
        return false;
    }
    return report_uncaught(hs);
}

bool host_after_job(HostState *hs, JobStatus st) {
    switch (st) {
    case JOB_RUN_OK:
        return !hs->stopped;
    case JOB_RUN_THREW:
        if (hs->stopped)
            return false;
        return report_uncaught(hs);
    case JOB_RUN_TERMINATED:
        if (hs->exiting)
            host_stop(hs, hs->exit_code, TFV_EXIT_REASON_NORMAL);
        else
            host_stop(hs, EXIT_LIMIT, TFV_EXIT_REASON_LIMIT);
        return false;
    case JOB_RUN_MAX_JOBS:
        host_check_max_jobs(hs);
        return false;
    }
    return false;
}

bool host_drain_microtasks(HostState *hs) {
    JobQueue *q = jobs_of(hs->vm);
    while (q->microtasks.head && !hs->stopped) {
        if (host_check_max_jobs(hs))
            return false;
        Job *job = job_fifo_pop(&q->microtasks);
        JobStatus st = host_run_micro(hs, job);
        if (!host_after_job(hs, st))
            return false;
    }
    if (hs->stopped)
        return false;
    /* the end of the checkpoint: ClearKeptObjects, and the weak collection that is
     * tickscope's only point where WeakRef targets die (builtins/weakref.h) */
    weakref_checkpoint(hs->vm);
    return true;
}

Job *host_next_cleanup_task(HostState *hs) {
    if (hs->stopped)
        return NULL;
    weakref_checkpoint(hs->vm);
    Job *job = weakref_next_cleanup_job(hs->vm);
    if (!job)
        return NULL;
    JobFifo one = {NULL, NULL, 0};
    job_enqueue(hs->vm, &one, job); /* the `enqueue` event */
    return job_fifo_pop(&one);
}

/* The closure of a host callback job: Call(fn, this, args). */
static Value callback_job_run(Vm *vm, Job *job) {
    Value *argv = NULL;
    int argc = 0;
    if (val_is_object(job->args) && obj_is_array(val_as_obj(job->args))) {
        Obj *a = val_as_obj(job->args);
        uint32_t n = obj_array_len(a);
        if (n && obj_array_is_dense(a)) {
            /* a private array (no JS sees it): its values stay rooted through job->args */
            argv = xmalloc(n * sizeof *argv);
            for (uint32_t i = 0; i < n; i++)
                argv[i] = val_is_empty(a->u.array.elems[i]) ? VAL_UNDEFINED : a->u.array.elems[i];
            argc = (int)n;
        }
    }
    Value r = VAL_UNDEFINED;
    if (IsCallable(job->handler))
        r = vm_call(vm, job->handler, job->this_val, argc, argv);
    free(argv);
    /* done.time: the clock after the callback */
    HostState *hs = host_state(vm);
    if (hs)
        set_trace_time(hs);
    return r;
}

Job *host_callback_job(HostState *hs, JobKind kind, Value fn, Value this_val, Value args,
                       uint64_t timer) {
    Job *job = job_new(hs->vm, kind, callback_job_run);
    job->handler = fn;
    job->handler_loc = trc_function_loc(fn);
    job->this_val = this_val;
    job->args = args;
    job->timer = timer;
    job->realm = hs->vm->realm;
    return job;
}

/* ==== node's errors and warnings ======================================================== */

Value host_throw_node_error(Vm *vm, int proto_id, const char *code, const char *fmt, ...) {
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    ObjString *msg = str_new_cstr(vm, buf);
    Obj *e = vm_new_error(vm, realm_intrinsic(vm, (IntrinsicId)proto_id), msg);
    gc_root_push_ptr(vm, &e);
    /* "TypeError: msg" → "TypeError [CODE]: msg" */
    vm_error_stack_materialize(vm, e);
    Prop *p = obj_find_own_prop(e, ATOM_stack);
    if (p && !(p->flags & PROP_ACCESSOR) && val_is_string(p->u.value)) {
        StrBuf old, sb;
        strbuf_init(&old);
        strbuf_init(&sb);
        str_to_utf8(val_as_str(p->u.value), &old);
        const char *colon = strstr(old.data, ": ");
        size_t name_len = colon ? (size_t)(colon - old.data) : 0;
        strbuf_put(&sb, old.data, name_len);
        strbuf_printf(&sb, " [%s]", code);
        strbuf_puts(&sb, old.data + name_len);
        ObjString *st = str_new_utf8(vm, sb.data, sb.len);
        if (!obj_define_value(vm, e, ATOM_stack, val_str(st), PROP_BUILTIN))
            vm_take_exception(vm);
        strbuf_fini(&old);
        strbuf_fini(&sb);
    }
    ObjString *c = str_new_cstr(vm, code);
    if (!obj_define_value(vm, e, atom_intern(vm, "code"), val_str(c), PROP_DEFAULT))
        vm_take_exception(vm);
    gc_root_pop(vm, 1);
    return vm_throw(vm, val_obj(e));
}

/* lib/internal/errors.js determineSpecificType, for "Received ...". */
void host_describe_received(Vm *vm, Value v, StrBuf *out) {
    if (val_is_undefined(v) || val_is_null(v)) {
        strbuf_puts(out, val_is_null(v) ? "Received null" : "Received undefined");
        return;
    }
    if (val_is_object(v)) {
        Obj *o = val_as_obj(v);
        if (IsCallable(v)) {
            ObjString *n = fn_get_name(vm, o);
            strbuf_puts(out, "Received function ");
            if (n && n->len)
                str_to_utf8(n, out);
            else
                strbuf_puts(out, "<anonymous>");
            return;
        }
        /* constructor.name without running getters */
        for (Obj *p = o->proto; p; p = p->proto) {
            Prop *c = obj_find_own_prop(p, ATOM_constructor);
            if (!c)
                continue;
            if (!(c->flags & PROP_ACCESSOR) && val_is_object(c->u.value)) {
                ObjString *n = fn_get_name(vm, val_as_obj(c->u.value));
                if (n && n->len) {
                    strbuf_puts(out, "Received an instance of ");
                    str_to_utf8(n, out);
                    return;
                }
            }
            break;
        }
        strbuf_puts(out, "Received [object Object]");
        return;
    }
    StrBuf t;
    strbuf_init(&t);
    gc_root_push(vm, &v);
    InspectOptions io;
    inspect_options_init(&io);
    if (!inspect_value_opts(vm, v, &io, &t))
        vm_take_exception(vm);
    gc_root_pop(vm, 1);
    if (t.len > 28) {
        t.len = 25;
        t.data[25] = 0;
        strbuf_puts(&t, "...");
    }
    char ty[16];
    Atom a = val_typeof(v);
    atom_to_cbuf(vm, a, ty, sizeof ty);
    strbuf_printf(out, "Received type %s (%s)", ty, t.data);
    strbuf_fini(&t);
}

/* The nextTick that prints a warning (process.emitWarning → doEmitWarning). */
static NATIVE(emit_warning_tick) {
    HostState *hs = host_state(vm);
    if (!hs || !val_is_string(ARG(0)))
        return VAL_UNDEFINED;
    StrBuf sb;
    strbuf_init(&sb);
    strbuf_puts(&sb, WARN_PREFIX_TEXT);
    str_to_utf8(val_as_str(ARG(0)), &sb);
    host_message(hs, sb.data);
    if (!hs->warned_hint && hs->kind == HOST_NODE)
        host_message(hs, "(Use `node --trace-warnings ...` to show where the warning was "
                         "created)");
    hs->warned_hint = true;
    strbuf_fini(&sb);
    return VAL_UNDEFINED;
}

void host_emit_warning(HostState *hs, const char *name, const char *message) {
    Vm *vm = hs->vm;
    if (hs->kind == HOST_BROWSER) {
        char line[600];
        snprintf(line, sizeof line, "%s: %s", name, message);
        host_message(hs, line);
        return;
    }
    Obj *fn = fn_new_native(vm, emit_warning_tick, "emitWarning", 1, 0);
    gc_root_push_ptr(vm, &fn);
    StrBuf sb;
    strbuf_init(&sb);
    strbuf_printf(&sb, "%s: %s", name, message);
    Value text = val_str(str_new_utf8(vm, sb.data, sb.len));
    strbuf_fini(&sb);
    gc_root_push(vm, &text);
    Obj *args = obj_new_array_from(vm, 1, &text);
    node_next_tick(hs, val_obj(fn), val_obj(args));
    gc_root_pop(vm, 2);
}

/* ==== unhandled rejections =============================================================== */

bool host_has_rejection_to_warn(HostState *hs) {
    JobQueue *q = jobs_of(hs->vm);
    return q->unhandled.len > 0 || q->handled_late.len > 0;
}

/* node's isErrorLike: an object with an own "stack" property. */
static bool is_error_like(Value v) {
    return val_is_object(v) && obj_find_own_prop(val_as_obj(v), ATOM_stack) != NULL;
}

/* Where the error was created: the position of the first frame of its stack
 * ("    at f (file:LINE:COL)"); node prints that line and a caret for an unhandled
 * rejection. */
static SrcPos error_origin(Vm *vm, Value err) {
    (void)vm;
    SrcPos pos = {0, 0, 0};
    vm_error_stack_materialize(vm, val_as_obj(err));
    Prop *p = obj_find_own_prop(val_as_obj(err), ATOM_stack);
    if (!p || (p->flags & PROP_ACCESSOR) || !val_is_string(p->u.value))
        return pos;
    StrBuf st;
    strbuf_init(&st);
    str_to_utf8(val_as_str(p->u.value), &st);
    const char *at = strstr(st.data, "\n    at ");
    if (at) {
        at += 8;
        const char *end = strchr(at, '\n');
        size_t n = end ? (size_t)(end - at) : strlen(at);
        while (n && at[n - 1] == ')')
            n--;
        /* ...:LINE:COL */
        size_t c = n;
        while (c && at[c - 1] >= '0' && at[c - 1] <= '9')
            c--;
        size_t l = c ? c - 1 : 0;
        while (l && at[l - 1] >= '0' && at[l - 1] <= '9')
            l--;
        if (c < n && c && at[c - 1] == ':' && l < c - 1 && l && at[l - 1] == ':') {
            pos.line = (uint32_t)strtoul(at + l, NULL, 10);
            pos.col = (uint32_t)strtoul(at + c, NULL, 10);
        }
    }
    strbuf_fini(&st);
    return pos;
}

/* error_origin of an error-like reason, else none. */
static SrcPos reason_origin(Vm *vm, Value reason) {
    SrcPos none = {0, 0, 0};
    if (!is_error_like(reason))
        return none;
    gc_root_push(vm, &reason);
    SrcPos pos = error_origin(vm, reason);
    gc_root_pop(vm, 1);
    return pos;
}

/* noSideEffectsToString(reason) for the UnhandledPromiseRejection message. */
static void reason_text(Vm *vm, Value v, StrBuf *out) {
    gc_root_push(vm, &v);
    if (val_is_string(v)) {
        str_to_utf8(val_as_str(v), out);
    } else if (!inspect_value(vm, v, out)) {
        vm_take_exception(vm);
    }
    gc_root_pop(vm, 1);
}

/* triggerUncaughtException(err, fromPromise) for an unhandled rejection: prints and ends
 * the process (node 20's default `throw` and `strict`). */
static void node_fatal_rejection(HostState *hs, Value reason, uint64_t promise) {
    Vm *vm = hs->vm;
    StrBuf msg, stack;
    strbuf_init(&msg);
    strbuf_init(&stack);
    SrcPos at = {0, 0, 0};
    if (is_error_like(reason)) {
        at = error_origin(vm, reason);
        print_error(hs, reason, at, &msg, &stack);
    } else {
        /* an UnhandledPromiseRejection error made by node (its internal frames left out,
         * as cmd_run leaves out node's frames) */
        StrBuf r;
        strbuf_init(&r);
        reason_text(vm, reason, &r);
        strbuf_printf(&msg,
                      "UnhandledPromiseRejection: This error originated either by throwing "
                      "inside of an async function without a catch block, or by rejecting a "
                      "promise which was not handled with .catch(). The promise rejected with "
                      "the reason \"%s\".",
                      r.data);
        strbuf_printf(&stack, "%s {\n  code: 'ERR_UNHANDLED_REJECTION'\n}", msg.data);
        /* node 20's lib/internal/process/promises.js: strict mode throws the error from
         * strictUnhandledRejectionsMode, throw mode from throwUnhandledRejectionsMode */
        if (effective_mode(hs->kind, hs->opts.unhandled) == UNHANDLED_STRICT)
            fprintf(stderr,
                    "node:internal/process/promises:340\n"
                    "    reason : new UnhandledPromiseRejection(reason);\n"
                    "             ^\n\n%s\n",
                    stack.data);
        else
            fprintf(stderr,
                    "node:internal/process/promises:389\n"
                    "      new UnhandledPromiseRejection(reason);\n"
                    "      ^\n\n%s\n",
                    stack.data);
        fflush(stderr);
        strbuf_fini(&r);
    }
    trc_error(host_tracer(hs), TFV_ERROR_KIND_UNHANDLED_REJECTION, msg.data,
              stack.len ? stack.data : NULL, promise, true, hs->opts.program, at);
    strbuf_fini(&msg);
    strbuf_fini(&stack);
    host_stop(hs, EXIT_FAIL, TFV_EXIT_REASON_ERROR);
}

/* emitUnhandledRejectionWarning (node 20) / node 10's warning, with the uid. */
static void node_warn_rejection(HostState *hs, Value reason, uint64_t promise, uint64_t uid) {
    Vm *vm = hs->vm;
    StrBuf text, first;
    strbuf_init(&text);
    strbuf_init(&first);
    Value st = VAL_UNDEFINED;
    if (is_error_like(reason)) {
        vm_error_stack_materialize(vm, val_as_obj(reason));
        Prop *p = obj_find_own_prop(val_as_obj(reason), ATOM_stack);
        if (!(p->flags & PROP_ACCESSOR))
            st = p->u.value;
    }
    if (val_is_string(st))
        str_to_utf8(val_as_str(st), &first);
    else
        reason_text(vm, reason, &first);
    strbuf_printf(&text, WARN_PREFIX "UnhandledPromiseRejectionWarning: %s", first.data);
    host_message(hs, text.data);
    if (!hs->warned_hint && hs->kind == HOST_NODE) {
        host_message(hs, "(Use `node --trace-warnings ...` to show where the warning was "
                         "created)");
    }
    strbuf_clear(&text);
    if (hs->kind == HOST_NODE10) {
        strbuf_printf(&text,
                      WARN_PREFIX
                      "UnhandledPromiseRejectionWarning: Unhandled promise "
                      "rejection. This error originated either by throwing inside of an "
                      "async function without a catch block, or by rejecting a promise which "
                      "was not handled with .catch(). (rejection id: %llu)",
                      (unsigned long long)uid);
    } else {
        strbuf_printf(&text,
                      WARN_PREFIX
                      "UnhandledPromiseRejectionWarning: Unhandled promise "
                      "rejection. This error originated either by throwing inside of an "
                      "async function without a catch block, or by rejecting a promise which "
                      "was not handled with .catch(). To terminate the node process on "
                      "unhandled promise rejection, use the CLI flag "
                      "`--unhandled-rejections=strict` (see "
                      "https://nodejs.org/api/cli.html#cli_unhandled_rejections_mode). "
                      "(rejection id: %llu)",
                      (unsigned long long)uid);
    }
    host_message(hs, text.data);
    if (hs->kind == HOST_NODE10 && !hs->warned_hint) {
        host_message(hs, WARN_PREFIX "[DEP0018] DeprecationWarning: Unhandled promise "
                                     "rejections are deprecated. In the future, promise "
                                     "rejections that are not handled will terminate the "
                                     "Node.js process with a non-zero exit code.");
    }
    hs->warned_hint = true;
    trc_error(host_tracer(hs), TFV_ERROR_KIND_UNHANDLED_REJECTION, first.data, NULL, promise,
              false, hs->opts.program, reason_origin(vm, reason));
    strbuf_fini(&text);
    strbuf_fini(&first);
}

bool host_process_rejections(HostState *hs) {
    Vm *vm = hs->vm;
    HostUnhandled mode = effective_mode(hs->kind, hs->opts.unhandled);
    bool reported = false;
    Value promise = VAL_UNDEFINED;
    uint64_t id = 0;
    gc_root_push(vm, &promise);
    /* 'rejectionhandled' for rejections warned about earlier */
    while (jobs_next_late_handled_rejection(vm, &promise, &id)) {
        reported = true;
        trc_error(host_tracer(hs), TFV_ERROR_KIND_REJECTION_HANDLED,
                  "Promise rejection was handled asynchronously", NULL, id, false, NULL,
                  (SrcPos){0, 0, 0});
        if (hs->kind != HOST_BROWSER) { /* node warns in every mode, `none` too */
            char text[200];
            snprintf(text, sizeof text,
                     WARN_PREFIX "PromiseRejectionHandledWarning: Promise rejection was "
                                 "handled asynchronously (rejection id: %llu)",
                     (unsigned long long)id);
            host_message(hs, text);
        }
    }
    while (!hs->stopped && jobs_next_unhandled_rejection(vm, &promise, &id)) {
        reported = true;
        Value reason = IsPromise(promise) ? promise_result(val_as_obj(promise)) : VAL_UNDEFINED;
        gc_root_push(vm, &reason);
        uint64_t uid = ++hs->rejection_uid;
        if (hs->kind == HOST_BROWSER) {
            StrBuf m;
            strbuf_init(&m);
            strbuf_puts(&m, "Uncaught (in promise) ");
            first_line(vm, reason, &m);
            host_message(hs, m.data);
            trc_error(host_tracer(hs), TFV_ERROR_KIND_UNHANDLED_REJECTION, m.data, NULL, id, false,
                      hs->opts.program, reason_origin(vm, reason));
            hs->uncaught_count++;
            strbuf_fini(&m);
        } else {
            switch (mode) {
            case UNHANDLED_THROW:
            case UNHANDLED_STRICT:
            case UNHANDLED_DEFAULT:
                node_fatal_rejection(hs, reason, id);
                break;
            case UNHANDLED_WARN:
                node_warn_rejection(hs, reason, id, uid);
                break;
            case UNHANDLED_WARN_WITH_ERROR_CODE:
                node_warn_rejection(hs, reason, id, uid);
                if (hs->process) {
                    Atom a = atom_intern(vm, "exitCode");
                    if (!obj_set(vm, hs->process, a, val_number(1), false))
                        vm_take_exception(vm);
                }
                break;
            case UNHANDLED_NONE: {
                StrBuf m;
                strbuf_init(&m);
                first_line(vm, reason, &m);
                trc_error(host_tracer(hs), TFV_ERROR_KIND_UNHANDLED_REJECTION, m.data, NULL, id,
                          false, hs->opts.program, reason_origin(vm, reason));
                strbuf_fini(&m);
                break;
            }
            }
        }
        gc_root_pop(vm, 1);
    }
    gc_root_pop(vm, 1);
    return reported;
}

/* ==== race notes ========================================================================= */

void host_note_race(HostState *hs, uint64_t first_timer, uint64_t second_timer, const char *text) {
    for (size_t i = 0; i < hs->nraces; i++)
        if (hs->races[i].first_timer == first_timer && hs->races[i].second_timer == second_timer)
            return;
    if (hs->nraces == hs->cap_races) {
        hs->cap_races = hs->cap_races ? hs->cap_races * 2 : 4;
        hs->races = xrealloc(hs->races, hs->cap_races * sizeof *hs->races);
    }
    HostRaceNote *r = &hs->races[hs->nraces++];
    r->first_timer = first_timer;
    r->second_timer = second_timer;
    r->first_job = 0;
    r->text = text;
}

void host_note_job_enqueued(HostState *hs, const Job *job) {
    if (!job->timer)
        return;
    for (size_t i = 0; i < hs->nraces;) {
        HostRaceNote *r = &hs->races[i];
        if (r->first_timer == job->timer && !r->first_job) {
            r->first_job = job->id;
        } else if (r->second_timer == job->timer && r->first_job) {
            trc_note(host_tracer(hs), TFV_NOTE_KIND_ORDER, r->first_job, job->id, r->text);
            hs->races[i] = hs->races[--hs->nraces];
            continue;
        } else if (r->second_timer == job->timer) {
            /* the second ran first after all: nothing to say */
            hs->races[i] = hs->races[--hs->nraces];
            continue;
        }
        i++;
    }
}

/* ==== ES modules ========================================================================== */

/* The final reaction of the host to a rejected module evaluation (node: the catch of
 * runEntryPointWithESMLoader → triggerUncaughtException; HTML: "report the exception"):
 * the error is reported as an uncaught exception (node: fatal). */
static Value module_rejected(Vm *vm, Value this_val, int argc, const Value *argv,
                             const NativeCtx *ctx) {
    (void)this_val;
    (void)ctx;
    HostState *hs = host_state(vm);
    Value reason = argc > 0 ? argv[0] : VAL_UNDEFINED;
    if (!hs || hs->stopped)
        return VAL_UNDEFINED;
    SrcPos pos = {0, 0, 0};
    /* node 10 prints the error with console.error: its stack, no source line */
    if (is_error_like(reason) && hs->kind != HOST_NODE10) {
        gc_root_push(vm, &reason);
        pos = error_origin(vm, reason);
        gc_root_pop(vm, 1);
    }
    report_uncaught_value(hs, reason, pos);
    return VAL_UNDEFINED;
}

/* node's awaits between the module's evaluation promise and its report, each one promise
 * job, written with these step names as the handler: v20's ModuleJob.run `await
 * module.evaluate()` (lib/internal/modules/esm/module_job.js), ModuleLoader.import
 * `await job.run()` (loader.js), runEntryPointWithESMLoader `await import()`
 * (run_main.js, whose catch reports the error); v10.24.1's Loader.import `await
 * job.run()`, the adoption of its promise by loaderPromise.then(), that then's
 * reaction, and the .catch() of lib/internal/bootstrap/node.js, which prints the error
 * with console.error and calls process.exit(1). */
static const char *const NODE_MODULE_AWAITS[] = {
    "node ModuleJob.run: await module.evaluate()",
    "node ModuleLoader.import: await job.run()",
    "node runEntryPointWithESMLoader: await import()",
};
static const char *const NODE10_MODULE_AWAITS[] = {
    "node 10 Loader.import: await job.run()",
    "node 10 loaderPromise.then: adopt loader.import()",
    "node 10 loaderPromise.then",
    "node 10 .catch: console.error(e), process.exit(1)",
};

/* The host's reaction to the module's TopLevelCapability promise top (rooted by the
 * caller): node passes it through two awaits, then the third reports a rejection; the
 * browser reports at once (HTML "run a module script" step 7: upon rejection of
 * evaluationPromise, report the exception). A fulfilled evaluation does nothing more. */
static bool module_host_await(HostState *hs, Value top) {
    Vm *vm = hs->vm;
    Value p = top, derived = VAL_UNDEFINED;
    gc_root_push(vm, &p);
    gc_root_push(vm, &derived);
    const char *const *steps = hs->kind == HOST_NODE10 ? NODE10_MODULE_AWAITS : NODE_MODULE_AWAITS;
    size_t hops = hs->kind == HOST_BROWSER ? 0 : hs->kind == HOST_NODE10 ? 3 : 2;
    bool ok = true;
    for (size_t i = 0; i < hops && ok; i++) {
        PromiseCapability cap;
        if (!promise_capability_new(vm, val_obj(realm_intrinsic(vm, INTR_Promise)), TFV_ORIGIN_ASYNC,
                                    &cap)) {
            ok = false;
            break;
        }
        derived = cap.promise;
        PromiseThenTrace tr = {.step_fulfilled = steps[i],
                               .step_rejected = steps[i],
                               .reason = TFV_REASON_REACTION};
        promise_capability_root(vm, &cap);
        promise_perform_then(vm, val_as_obj(p), VAL_EMPTY, VAL_EMPTY, &cap, &tr);
        promise_capability_unroot(vm);
        p = derived;
    }
    if (ok) {
        Obj *on_rejected = promise_new_builtin(vm, module_rejected, 1, VAL_UNDEFINED,
                                               VAL_UNDEFINED, VAL_UNDEFINED);
        derived = val_obj(on_rejected);
        const char *step = hs->kind == HOST_BROWSER ? "HTML run a module script: report the exception"
                                                    : steps[hops];
        PromiseThenTrace tr = {.step_fulfilled = step, .step_rejected = step,
                               .reason = TFV_REASON_REACTION};
        promise_perform_then(vm, val_as_obj(p), VAL_EMPTY, derived, NULL, &tr);
    }
    gc_root_pop(vm, 2);
    return ok;
}

/* The Module job's closure: Evaluate() of the module (#sec-moduleevaluation) with its
 * TopLevelCapability, then the host's reaction to it. */
static Value module_job_run(Vm *vm, Job *job) {
    HostState *hs = host_state(vm);
    FuncProto *proto = job->gc_ref;
    Obj *fn = fn_new_closure(vm, proto, NULL, NULL);
    gc_root_push_ptr(vm, &fn);
    /* Evaluate() step 7: Let capability be ! NewPromiseCapability(%Promise%); step 8: set
     * module.[[TopLevelCapability]] to capability. */
    PromiseCapability top;
    if (!promise_capability_new(vm, val_obj(realm_intrinsic(vm, INTR_Promise)), TFV_ORIGIN_MODULE,
                                &top)) {
        gc_root_pop(vm, 1);
        return VAL_EXCEPTION;
    }
    promise_capability_root(vm, &top);
    if (hs)
        hs->module_promise = val_as_obj(top.promise);
    Value r;
    if (proto->flags & FP_ASYNC) {
        /* ExecuteAsyncModule (#sec-execute-async-module): the body runs as an async
         * function body (AsyncBlockStart, through the call of the async closure, with
         * `this` undefined); its promise settles the capability one job later
         * (AsyncModuleExecutionFulfilled / AsyncModuleExecutionRejected). */
        Value body = vm_call(vm, val_obj(fn), VAL_UNDEFINED, 0, NULL);
        r = body;
        if (body != VAL_EXCEPTION && IsPromise(body)) {
            PromiseThenTrace tr = {.step_fulfilled = "AsyncModuleExecutionFulfilled",
                                   .step_rejected = "AsyncModuleExecutionRejected",
                                   .reason = TFV_REASON_REACTION};
            gc_root_push(vm, &body);
            promise_perform_then(vm, val_as_obj(body), VAL_EMPTY, VAL_EMPTY, &top, &tr);
            gc_root_pop(vm, 1);
        }
    } else {
        /* a synchronous module: InnerModuleEvaluation → ExecuteModule; Evaluate() steps
         * 10-11: an abrupt completion rejects the capability, else it is resolved with
         * undefined */
        r = vm_call(vm, val_obj(fn), VAL_UNDEFINED, 0, NULL);
        if (r == VAL_EXCEPTION && vm->terminated == TERM_NONE) {
            Value exc = vm_take_exception(vm);
            gc_root_push(vm, &exc);
            r = vm_call(vm, top.reject, VAL_UNDEFINED, 1, &exc);
            gc_root_pop(vm, 1);
        } else if (r != VAL_EXCEPTION) {
            Value undef = VAL_UNDEFINED;
            r = vm_call(vm, top.resolve, VAL_UNDEFINED, 1, &undef);
        }
    }
    if (r != VAL_EXCEPTION && hs && !module_host_await(hs, top.promise))
        r = VAL_EXCEPTION;
    promise_capability_unroot(vm);
    gc_root_pop(vm, 1);
    return r == VAL_EXCEPTION ? VAL_EXCEPTION : VAL_UNDEFINED;
}

JobStatus host_run_module(Vm *vm, FuncProto *module) {
    /* the host loads and evaluates the module at once (node's ModuleJob.run) */
    return job_run(vm, jobs_new_top_level(vm, JOB_MODULE, module_job_run, module));
}

/* ==== attach and run ===================================================================== */

/* error.stack's name for a frame of a timer callback (VmHooks.frame_receiver), as V8
 * names node's calls: listOnTimeout calls `timer._onTimeout()` ("Timeout._onTimeout",
 * "Timeout.f [as _onTimeout]"), processImmediate calls the callback with the Immediate
 * as receiver after setting its _onImmediate to null ("Immediate.<anonymous>",
 * "Immediate.f"). Node 10's V8 also named an anonymous function passed straight to a
 * call after the callee ("Timeout.setTimeout [as _onTimeout]"): the direct call is
 * assumed. node's internal frames that follow (listOnTimeout, processTimers...) are not
 * shown. Never allocates. */
static bool host_frame_receiver(Vm *vm, Value receiver, Obj *callee, const char **type,
                                const char **method, const char **name) {
    HostState *hs = host_state(vm);
    if (!hs || hs->kind == HOST_BROWSER)
        return false;
    Timer *t = timer_of(receiver);
    if (!t)
        return false;
    switch (t->api) {
    case TIMER_TIMEOUT:
    case TIMER_INTERVAL:
        *type = "Timeout";
        *method = timer_callback(t) == val_obj(callee) ? "_onTimeout" : NULL;
        *name = t->api == TIMER_TIMEOUT ? "setTimeout" : "setInterval";
        break;
    case TIMER_IMMEDIATE:
        *type = "Immediate";
        *method = NULL;
        *name = "setImmediate";
        break;
    default:
        return false;
    }
    if (hs->kind != HOST_NODE10)
        *name = NULL;
    return true;
}

void host_attach(Vm *vm, const HostOptions *opts) {
    JobQueue *q = jobs_of(vm);
    if (q->host)
        return; /* attached already */
    HostState *hs = xcalloc(1, sizeof *hs);
    hs->vm = vm;
    hs->opts = *opts;
    hs->kind = opts->kind;
    hs->steps_seen = vm->steps;
    hs->timers = timers_new(hs);
    if (hs->kind == HOST_BROWSER)
        hs->browser = browser_loop_new(hs);
    else
        hs->node = node_loop_new(hs);
    vm->gc.inhibit++;
    Obj *holder = obj_new_kind(vm, OBJ_HOST, NULL);
    vm->gc.inhibit--;
    holder->u.host.cls = &holder_class;
    holder->u.host.data = hs;
    hs->holder = holder;
    q->host = hs;
    q->on_limit = host_on_limit;
    gc_add_root_marker(vm, host_mark_roots, NULL);
    /* console lines go through the host (see host_console_hook) */
    hs->prev_console = vm->hooks.console_write;
    hs->prev_console_ctx = vm->hooks.ctx;
    vm->hooks.console_write = host_console_hook;
    vm->hooks.ctx = hs;
    vm->hooks.frame_receiver = host_frame_receiver;
    trc_set_clock(host_tracer(hs), trace_clock, hs);
    /* the host's globals */
    unsigned mask = hs->kind == HOST_BROWSER  ? HOSTS_BROWSER
                    : hs->kind == HOST_NODE10 ? HOSTS_NODE10
                                              : HOSTS_NODE;
#define HOST_BUILTIN(name, hosts)                                                                  \
    if ((hosts)&mask)                                                                              \
        bi_##name##_host_init(vm, hs);
#include "tracer/builtins/host_builtins.def"
#undef HOST_BUILTIN
    if (hs->kind == HOST_NODE10)
        hide_node10_absent(vm);
}

HostExit host_run(Vm *vm, JobStatus script) {
    HostState *hs = host_state(vm);
    HostExit none = {EXIT_INTERNAL, TFV_EXIT_REASON_FATAL};
    if (!hs)
        return none;
    hs->turn = 0;
    if (hs->kind == HOST_BROWSER)
        browser_loop_run(hs, script);
    else
        node_loop_run(hs, script);
    if (!hs->stopped)
        host_stop(hs, host_normal_exit_code(hs), TFV_EXIT_REASON_NORMAL);
    set_trace_time(hs);
    trc_set_clock(host_tracer(hs), NULL, NULL); /* the tracer outlives this state */
    /* the console hook goes back to the embedder's */
    vm->hooks.console_write = hs->prev_console;
    vm->hooks.ctx = hs->prev_console_ctx;
    return hs->result;
}
