/* cmd_run.c — `trace run`: parse the flags, read and parse the program (an ES module
 * for .mjs or --module), compile it, run it as the Script job (jobs.h) and then the
 * host's event loop (host.h: --host node|node10|browser), and write the trace
 * (formats/trace_writer.h, through the emitter of trace.h): the header, the events of
 * the jobs, a `log` event per console line, `error`, `limit`, and `exit` last. Arguments
 * after `--` are the program's own (process.argv).
 *
 * Streams: with the trace on stdout, all console output goes to stderr; with -o FILE,
 * console.log/info/debug go to stdout and warn/error/trace to stderr, as in node.
 * Uncaught errors print as node prints them for a CommonJS script: "FILE:LINE", the
 * source line, a caret, a blank line, then error.stack (or the thrown value as
 * util.inspect shows it). Differences from node, by design: the path is printed as
 * given (node makes it absolute), the stack has no node-internal frames, and neither the
 * "(Use `node --trace-uncaught ...`)" hint nor the final "Node.js v20..." line is printed.
 * Exit status: 0 (or process.exitCode / process.exit's code), 1 (SyntaxError, uncaught
 * exception, unhandled rejection), 2 (usage), 3 (I/O), 4 (a limit); host_run decides it
 * after the Script job.
 *
 * Fatal ends leave a readable trace (formats/SPEC.md "Writing, flushing and
 * truncation"): limits write `limit` and `exit`; out of memory (util_on_fatal) writes a
 * fatal `error` and flushes; SIGTERM, SIGINT, SIGHUP and the signals of an interpreter
 * bug (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT) write the writer's buffered whole lines
 * from the handler and then die of the same signal (exit status 128+N in a shell). */
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "common/cli.h"
#include "common/commands.h"
#include "common/strbuf.h"
#include "common/util.h"
#include "formats/trace_writer.h"
#include "tracer/ast.h"
#include "tracer/bytecode.h"
#include "tracer/compiler.h"
#include "tracer/host.h"
#include "tracer/inspect.h"
#include "tracer/jobs.h"
#include "tracer/object.h"
#include "tracer/parser.h"
#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/trace.h"
#include "tracer/vm.h"

typedef struct {
    const char *file;
    const char *out_path;
    const char *host;
    const char *spec;
    uint64_t max_steps, max_jobs, max_heap_mb;
    double timeout;
    bool dump_bytecode;
    bool module;
    HostKind host_kind;
    HostUnhandled unhandled;
    SpecMode spec_mode;
    const char *src;   /* the program text, for uncaught errors */
    size_t src_len;
    int prog_argc;     /* arguments after the program: process.argv[2...] */
    char **prog_argv;
} RunOptions;

typedef struct {
    TfWriter *w;
    Tracer *trc;
    FILE *out;      /* console.log/info/debug */
    FILE *err;      /* console.warn/error/trace */
    const RunOptions *o;
} RunCtx;

static bool parse_uint(const char *s, uint64_t *out) {
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *end || *s == '-')
        return false;
    *out = v;
    return true;
}

static int parse_args(int argc, char **argv, RunOptions *o) {
    memset(o, 0, sizeof *o);
    o->host = "node";
    o->spec = "latest";
    o->host_kind = HOST_NODE;
    o->spec_mode = SPEC_LATEST;
    o->unhandled = UNHANDLED_DEFAULT;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
#define NEEDS_VALUE()                                                                       \
    do {                                                                                    \
        if (i + 1 >= argc)                                                                  \
            return cli_usage_error("run", "option %s needs a value", a);                    \
        val = argv[++i];                                                                    \
    } while (0)
        if (strcmp(a, "-o") == 0) {
            NEEDS_VALUE();
            o->out_path = val;
        } else if (strcmp(a, "--host") == 0) {
            NEEDS_VALUE();
            if (!host_kind_parse(val, &o->host_kind))
                return cli_usage_error("run", "unknown host '%s' (node, node10, browser)", val);
            o->host = val;
        } else if (strcmp(a, "--spec") == 0) {
            NEEDS_VALUE();
            if (!spec_mode_parse(val, &o->spec_mode))
                return cli_usage_error("run", "unknown spec mode '%s'", val);
            o->spec = val;
        } else if (strcmp(a, "--max-steps") == 0) {
            NEEDS_VALUE();
            if (!parse_uint(val, &o->max_steps) || o->max_steps == 0)
                return cli_usage_error("run", "--max-steps needs a positive integer");
        } else if (strcmp(a, "--max-jobs") == 0) {
            NEEDS_VALUE();
            if (!parse_uint(val, &o->max_jobs) || o->max_jobs == 0)
                return cli_usage_error("run", "--max-jobs needs a positive integer");
        } else if (strcmp(a, "--max-heap") == 0) {
            NEEDS_VALUE();
            if (!parse_uint(val, &o->max_heap_mb) || o->max_heap_mb == 0)
                return cli_usage_error("run", "--max-heap needs a positive number of megabytes");
        } else if (strcmp(a, "--timeout") == 0) {
            NEEDS_VALUE();
            char *end;
            o->timeout = strtod(val, &end);
            if (end == val || *end || !(o->timeout > 0) || isinf(o->timeout))
                return cli_usage_error("run", "--timeout needs a positive number of seconds");
        } else if (strcmp(a, "--unhandled-rejections") == 0 ||
                   strncmp(a, "--unhandled-rejections=", 23) == 0) {
            if (a[22] == '=')
                val = a + 23; /* node's spelling: --unhandled-rejections=MODE */
            else
                NEEDS_VALUE();
            if (!host_unhandled_parse(val, &o->unhandled))
                return cli_usage_error("run", "unknown --unhandled-rejections mode '%s'", val);
        } else if (strcmp(a, "--module") == 0) {
            o->module = true;
        } else if (strcmp(a, "--dump-bytecode") == 0) {
            o->dump_bytecode = true; /* hidden: the disassembler on stderr (STYLE R16) */
        } else if (strcmp(a, "--") == 0) {
            /* `-- FILE ARGS...` or `FILE -- ARGS...`: the rest is the program's own
             * (process.argv[2...]) */
            if (i + 1 < argc && !o->file)
                o->file = argv[++i];
            o->prog_argc = argc - i - 1;
            o->prog_argv = argv + i + 1;
            break;
        } else if (a[0] == '-' && a[1]) {
            return cli_usage_error("run", "unknown option '%s'", a);
        } else if (!o->file) {
            o->file = a;
        } else {
            return cli_usage_error("run", "unexpected argument '%s'", a);
        }
#undef NEEDS_VALUE
    }
    if (!o->file)
        return cli_usage_error("run", "no program given");
    return EXIT_OK;
}

static void console_hook(Vm *vm, ConsoleStream stream, const char *text, size_t len, void *p) {
    RunCtx *rc = p;
    FILE *f = stream == CONSOLE_OUT ? rc->out : rc->err;
    fwrite(text, 1, len, f);
    fputc('\n', f);
    fflush(f);
    trc_log(rc->trc, stream == CONSOLE_OUT ? TFV_STREAM_OUT : TFV_STREAM_ERR, text, len,
            vm->console_method);
}

/* host.h HostWriteFn: all program output once the host is attached (console lines,
 * process.stdout.write chunks, host warnings), each a `log` event */
static void write_hook(Vm *vm, ConsoleStream stream, const char *text, size_t len,
                       bool newline, const char *method, void *p) {
    (void)vm;
    RunCtx *rc = p;
    FILE *f = stream == CONSOLE_OUT ? rc->out : rc->err;
    fwrite(text, 1, len, f);
    if (newline)
        fputc('\n', f);
    fflush(f);
    trc_log_text(rc->trc, stream == CONSOLE_OUT ? TFV_STREAM_OUT : TFV_STREAM_ERR, text, len,
                 newline, method);
}

/* The line `line` (1-based) of src, without its terminator. */
static void source_line(const char *src, size_t len, uint32_t line, StrBuf *out) {
    uint32_t cur = 1;
    size_t i = 0;
    while (i < len && cur < line) {
        if (src[i] == '\n')
            cur++;
        else if (src[i] == '\r') {
            cur++;
            if (i + 1 < len && src[i + 1] == '\n')
                i++;
        }
        i++;
    }
    size_t start = i;
    while (i < len && src[i] != '\n' && src[i] != '\r')
        i++;
    strbuf_put(out, src + start, i - start);
}

/* "file:LINE\n<line>\n<caret>\n\n<stack or value>\n" as node prints an uncaught error */
static void print_uncaught(Vm *vm, const RunOptions *o, const char *src, size_t len, Value exc,
                           SrcPos pos, StrBuf *msg_line, StrBuf *stack_text) {
    StrBuf sb;
    strbuf_init(&sb);
    /* node begins with a blank line when the thrown value is not an Error */
    if (pos.line && !(val_is_object(exc) && val_as_obj(exc)->kind == OBJ_ERROR))
        strbuf_putc(&sb, '\n');
    if (pos.line) {
        strbuf_printf(&sb, "%s:%u\n", o->file, pos.line);
        StrBuf line;
        strbuf_init(&line);
        source_line(src, len, pos.line, &line);
        strbuf_put(&sb, line.data, line.len);
        strbuf_putc(&sb, '\n');
        for (uint32_t k = 1; k < pos.col && k - 1 < line.len; k++)
            strbuf_putc(&sb, line.data[k - 1] == '\t' ? '\t' : ' ');
        strbuf_puts(&sb, "^\n");
        strbuf_fini(&line);
    }
    gc_root_push(vm, &exc);
    Value stack = VAL_UNDEFINED;
    if (val_is_object(exc) && val_as_obj(exc)->kind == OBJ_ERROR) {
        vm_error_stack_materialize(vm, val_as_obj(exc));
        Prop *p = obj_find_own_prop(val_as_obj(exc), ATOM_stack);
        if (p && !(p->flags & PROP_ACCESSOR))
            stack = p->u.value;
    }
    if (pos.line && val_is_string(stack))
        strbuf_putc(&sb, '\n'); /* node: a blank line before a stack, none before a value */
    /* node shows an uncaught error as util.inspect does: its stack, then any other own
     * properties ({ code: 'E_X' }); any other value as inspected too */
    if (!inspect_value(vm, exc, stack_text)) {
        vm_take_exception(vm);
        strbuf_clear(stack_text);
        if (val_is_string(stack))
            str_to_utf8(val_as_str(stack), stack_text);
    }
    gc_root_pop(vm, 1);
    strbuf_put(&sb, stack_text->data, stack_text->len);
    strbuf_putc(&sb, '\n');
    fputs(sb.data, stderr);
    fflush(stderr);
    /* the first line of the stack is the message (for the error event) */
    const char *nl = memchr(stack_text->data, '\n', stack_text->len);
    strbuf_put(msg_line, stack_text->data, nl ? (size_t)(nl - stack_text->data) : stack_text->len);
    if (!val_is_string(stack) && !(val_is_object(exc) && val_as_obj(exc)->kind == OBJ_ERROR)) {
        strbuf_clear(msg_line);
        strbuf_puts(msg_line, "Uncaught ");
        strbuf_put(msg_line, stack_text->data, stack_text->len);
    }
    strbuf_fini(&sb);
}

/* host.h HostPrintErrorFn: node's report of an uncaught exception */
static void print_error_hook(Vm *vm, Value exc, SrcPos pos, StrBuf *msg, StrBuf *stack,
                             void *p) {
    RunCtx *rc = p;
    print_uncaught(vm, rc->o, rc->o->src, rc->o->src_len, exc, pos, msg, stack);
}

/* ---- fatal signals and out of memory ---------------------------------------------- */

/* The writer of this process's run, for the signal handlers and the fatal hook, which
 * cannot be given an argument: the tracer's one piece of process-wide state (STYLE R3),
 * set only between tf_writer_open and tf_writer_close. */
static TfWriter *volatile run_writer;

static const struct {
    int sig;
    const char *msg; /* for the signals of a bug: what stderr says (write(2) only) */
} run_signals[] = {
    {SIGTERM, NULL},
    {SIGINT, NULL},
    {SIGHUP, NULL},
    {SIGSEGV, "trace: internal error: SIGSEGV; the trace ends at the last whole event\n"},
    {SIGBUS, "trace: internal error: SIGBUS; the trace ends at the last whole event\n"},
    {SIGFPE, "trace: internal error: SIGFPE; the trace ends at the last whole event\n"},
    {SIGILL, "trace: internal error: SIGILL; the trace ends at the last whole event\n"},
    {SIGABRT, "trace: internal error: SIGABRT; the trace ends at the last whole event\n"},
};
#define RUN_NSIGNALS (sizeof run_signals / sizeof run_signals[0])
static struct sigaction run_old_actions[RUN_NSIGNALS];
static bool run_installed[RUN_NSIGNALS];

/* Async-signal-safe: write(2) and sigaction only (no stdio, no locks, no allocation). */
static void on_run_signal(int sig, siginfo_t *si, void *uc) {
    (void)uc;
    int saved = errno;
    tf_writer_flush_async_safe(run_writer);
    for (size_t i = 0; i < RUN_NSIGNALS; i++) {
        if (run_signals[i].sig != sig)
            continue;
        if (run_signals[i].msg) {
            ssize_t r = write(STDERR_FILENO, run_signals[i].msg, strlen(run_signals[i].msg));
            (void)r;
        }
        sigaction(sig, &run_old_actions[i], NULL); /* the default, or ASan's handler */
    }
    errno = saved;
    /* A fault the kernel raised happens again when the handler returns, now into the
     * previous action with its real context (ASan reports it); anything else (kill,
     * abort(), raise) is raised again, pending until the handler returns. */
    bool fault = sig == SIGSEGV || sig == SIGBUS || sig == SIGFPE || sig == SIGILL;
    if (!(fault && si && si->si_code > 0))
        raise(sig);
}

/* util_on_fatal: out of memory or die() during the run. The event being built, if any,
 * is dropped; the fatal error is the last event. */
static void on_run_fatal(const char *message) {
    TfWriter *w = run_writer;
    if (!w)
        return;
    tf_discard(w);
    tf_begin(w, EV_ERROR);
    tf_field_enum(w, TFF_kind, TFV_ERROR_KIND_FATAL);
    tf_field_str(w, TFF_message, message);
    tf_field_bool(w, TFF_fatal, true);
    tf_end(w); /* `error` is a flush point */
    tf_writer_flush(w);
}

/* Install the handlers for w. A signal that was ignored when we started (SIGINT and
 * SIGHUP of a background job, nohup) stays ignored. The handlers run on an alternate
 * stack, so that a C stack overflow can still flush (sigaltstack is per thread: this
 * runs on the run's thread). */
static void run_signals_install(TfWriter *w, stack_t *alt) {
    run_writer = w;
    util_on_fatal(on_run_fatal);
    alt->ss_size = 64 * 1024;
    alt->ss_sp = malloc(alt->ss_size);
    alt->ss_flags = 0;
    bool have_alt = alt->ss_sp && sigaltstack(alt, NULL) == 0;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_run_signal;
    sa.sa_flags = SA_SIGINFO | SA_RESTART | (have_alt ? SA_ONSTACK : 0);
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < RUN_NSIGNALS; i++) {
        run_installed[i] = false;
        if (sigaction(run_signals[i].sig, NULL, &run_old_actions[i]) != 0)
            continue;
        if (!run_signals[i].msg && run_old_actions[i].sa_handler == SIG_IGN)
            continue;
        run_installed[i] = sigaction(run_signals[i].sig, &sa, NULL) == 0;
    }
}

/* Undo run_signals_install before the writer is closed. */
static void run_signals_remove(stack_t *alt) {
    for (size_t i = 0; i < RUN_NSIGNALS; i++)
        if (run_installed[i])
            sigaction(run_signals[i].sig, &run_old_actions[i], NULL);
    util_on_fatal(NULL);
    run_writer = NULL;
    if (alt->ss_sp) {
        stack_t off = {.ss_flags = SS_DISABLE};
        sigaltstack(&off, NULL);
        free(alt->ss_sp);
    }
}

/* The signals a shell sends to stop a program, blocked on the main thread while the run's
 * thread works, so that they reach the run's thread and its handler flushes a writer no
 * other thread is changing. */
static void run_async_signals(sigset_t *set) {
    sigemptyset(set);
    sigaddset(set, SIGTERM);
    sigaddset(set, SIGINT);
    sigaddset(set, SIGHUP);
}

/* The run happens on a thread of its own with a large stack (reserved, committed only as
 * used), so that JS recursion through native code (getters, generators, nested async
 * calls, deep data for inspect or JSON) reaches node's depths before the engine's
 * RangeError. */
#define RUN_STACK_SIZE ((size_t)256 << 20)

typedef struct {
    int argc;
    char **argv;
    uintptr_t stack_top;
    int status;
} RunThread;

static int run_program(int argc, char **argv, uintptr_t stack_top);

static void *run_thread(void *p) {
    RunThread *rt = p;
    sigset_t set;
    run_async_signals(&set);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    rt->stack_top = (uintptr_t)__builtin_frame_address(0);
    rt->status = run_program(rt->argc, rt->argv, rt->stack_top);
    return NULL;
}

int cmd_run(int argc, char **argv) {
    RunThread rt = {argc, argv, 0, EXIT_OK};
    pthread_attr_t attr;
    pthread_t th;
    if (pthread_attr_init(&attr) == 0) {
        sigset_t set, old;
        run_async_signals(&set);
        pthread_sigmask(SIG_BLOCK, &set, &old); /* inherited; run_thread unblocks them */
        bool started = pthread_attr_setstacksize(&attr, RUN_STACK_SIZE) == 0 &&
                       pthread_create(&th, &attr, run_thread, &rt) == 0;
        pthread_attr_destroy(&attr);
        if (started)
            pthread_join(th, NULL);
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        if (started)
            return rt.status;
    }
    return run_program(argc, argv, 0); /* no thread: the process stack and its limit */
}

static int run_program(int argc, char **argv, uintptr_t stack_top) {
    RunOptions o;
    int rc = parse_args(argc, argv, &o);
    if (rc != EXIT_OK)
        return rc;
    StrBuf srcbuf;
    strbuf_init(&srcbuf);
    if (!strbuf_read_file(&srcbuf, o.file)) {
        int e = errno;
        strbuf_fini(&srcbuf);
        errno = e;
        die_errno(EXIT_IO, "cannot read %s", o.file);
    }
    FILE *trace_file = stdout;
    if (o.out_path) {
        trace_file = fopen(o.out_path, "w");
        if (!trace_file) {
            strbuf_fini(&srcbuf);
            die_errno(EXIT_IO, "cannot open %s", o.out_path);
        }
    }
    TraceHeader h;
    memset(&h, 0, sizeof h);
    h.program = o.file;
    if (!o.module) {
        size_t n = strlen(o.file);
        o.module = n > 4 && strcmp(o.file + n - 4, ".mjs") == 0;
    }
    o.src = srcbuf.data;
    o.src_len = srcbuf.len;
    h.spec = spec_mode_name(o.spec_mode);
    h.host = host_kind_name(o.host_kind);
    h.step_cost = HOST_STEP_COST_MS;
    h.present |= 1ull << TFH_step_cost;
    if (o.module) {
        h.module = true;
        h.present |= 1ull << TFH_module;
    }
    if (o.host_kind != HOST_BROWSER || o.unhandled != UNHANDLED_DEFAULT)
        h.unhandled_rejections = host_unhandled_name(o.host_kind, o.unhandled);
    h.engine = "tickscope " TICKSCOPE_VERSION;
    if (o.max_steps) {
        h.max_steps = o.max_steps;
        h.present |= 1ull << TFH_max_steps;
    }
    if (o.max_jobs) {
        h.max_jobs = o.max_jobs;
        h.present |= 1ull << TFH_max_jobs;
    }
    if (o.timeout > 0) {
        h.timeout = o.timeout;
        h.present |= 1ull << TFH_timeout;
    }
    if (o.max_heap_mb) {
        h.max_heap = o.max_heap_mb;
        h.present |= 1ull << TFH_max_heap;
    }
    TfWriter *w = tf_writer_open(trace_file, &h);
    stack_t altstack;
    run_signals_install(w, &altstack);
    Tracer *trc = trc_new(w);
    RunCtx ctx = {w, trc, o.out_path ? stdout : stderr, stderr, &o};
    int status = EXIT_OK;

    AstArena arena;
    ast_arena_init(&arena);
    ParseError perr;
    memset(&perr, 0, sizeof perr);
    Node *prog = parse_program(&arena, srcbuf.data, srcbuf.len,
                               o.module ? PARSE_MODULE : PARSE_SCRIPT, &perr);
    Vm *vm = NULL;
    FuncProto *script = NULL;
    if (prog) {
        vm = vm_new();
        if (stack_top)
            vm_set_c_stack(vm, stack_top, RUN_STACK_SIZE);
        vm->hooks.console_write = console_hook;
        vm->hooks.ctx = &ctx;
        vm->max_steps = o.max_steps;
        vm->gc.max_heap = (size_t)o.max_heap_mb << 20;
        JobQueue *q = jobs_attach(vm, o.spec_mode, trc);
        q->max_jobs = o.max_jobs;
        HostOptions hopt = {.kind = o.host_kind,
                            .module = o.module,
                            .unhandled = o.unhandled,
                            .program = o.file,
                            .argc = o.prog_argc,
                            .argv = o.prog_argv,
                            .timeout_s = o.timeout,
                            .print_error = print_error_hook,
                            .write = write_hook,
                            .ctx = &ctx};
        host_attach(vm, &hopt);
        /* a classic script in the browser (and test262): top-level var and function
         * declarations are properties of the global object; node wraps it in a module */
        CompileOptions copt = {.script_vars_global = o.host_kind == HOST_BROWSER && !o.module};
        script = comp_compile_program(vm, prog, o.file, srcbuf.data, srcbuf.len, &copt, &perr);
    }
    ast_arena_fini(&arena);
    if (!script) {
        parse_error_print(&perr, o.file, srcbuf.data, srcbuf.len, stderr);
        char msg[320];
        snprintf(msg, sizeof msg, "%s: %s", perr.name ? perr.name : "SyntaxError", perr.message);
        tf_begin(w, EV_ERROR);
        tf_field_enum(w, TFF_kind, TFV_ERROR_KIND_SYNTAX);
        tf_field_str(w, TFF_message, msg);
        tf_field_bool(w, TFF_fatal, true);
        if (perr.pos.line)
            tf_field_loc(w, TFF_at, o.file, perr.pos.line, perr.pos.col ? perr.pos.col : 1);
        tf_end(w);
        status = EXIT_FAIL;
        goto done;
    }
    if (o.dump_bytecode) {
        StrBuf d;
        strbuf_init(&d);
        dis_proto(vm, script, &d);
        fputs(d.data, stderr);
        strbuf_fini(&d);
    }
    if (o.timeout > 0) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        vm->timeout_at = (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9 + o.timeout;
    }
    /* the Script job, then the host's event loop */
    {
        JobStatus st = o.module ? host_run_module(vm, script) : jobs_run_script(vm, script, NULL);
        HostExit ex = host_run(vm, st);
        status = ex.code;
        trc_exit(trc, ex.code, ex.reason, vm->steps);
    }
done:
    vm_free(vm);
    trc_free(trc);
    run_signals_remove(&altstack);
    int werr = tf_writer_close(w);
    if (o.out_path && fclose(trace_file) != 0 && !werr)
        werr = errno;
    if (werr) {
        fprintf(stderr, "trace: error writing the trace: %s\n", strerror(werr));
        if (status == EXIT_OK)
            status = EXIT_IO;
    }
    strbuf_fini(&srcbuf);
    return status;
}
