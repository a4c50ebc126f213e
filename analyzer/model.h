/* model.h — a trace loaded into memory for analysis: the header, the jobs (in the order
 * they were enqueued, with the order they ran in), the console output attributed to
 * the job that printed it, promises, async activations (suspend/resume chains),
 * timers and uncaught errors, and the edges between them, all as indices into
 * arrays. model_load() streams the file through formats/trace_reader.h, one event at a
 * time, so memory is proportional to the trace and every step is O(1) amortised (ids
 * are resolved through hash maps, strings are interned once).
 *
 * A Model is caller storage: model_init/model_fini. Everything it holds, including
 * every string, is owned by the Model and lives until model_fini. Indices are
 * uint32_t; MODEL_NONE means "absent". Strings that repeat (kinds, queues, handler
 * locations, names) are StrPool ids (0 = absent); console text is kept in one arena.
 * Edges: MJob.by/parent (enqueued-by, caused-by), MJob.promise (the promise a reaction
 * job runs for, or the one a PromiseResolveThenableJob resolves) and MJob.reaction (the
 * `then` it runs), MPromise.creator/settler/locked_to, MReaction.by (the job that
 * registered it) and .job (the job that ran it), MActivation.creator/resumed_in. Lists
 * threaded through indices: a job's output (MLog.next), a promise's reactions
 * (MReaction.next), an activation's suspend/resume steps (MActStep.next); the jobs that
 * resume an activation after an await also carry its index in MJob.activation. */
#ifndef TICKSCOPE_MODEL_H
#define TICKSCOPE_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "analyzer/idmap.h"
#include "common/strbuf.h"
#include "common/util.h"

#define MODEL_NONE UINT32_MAX

/* The queue a job waits in: lanes of the timeline, rows of `trace stats`, in this
 * order (the script, then the microtask queues that drain after it, then the task
 * queues). Mirrors the QUEUE set of formats/events.def; a queue word the model does not
 * know (a newer minor version of the format) maps to QUEUE_OTHER and keeps its text in
 * MJob.queue_name. */
#define MODEL_QUEUES(X)                                                                            \
    X(QUEUE_SCRIPT, "script", "script")                                                            \
    X(QUEUE_NEXTTICK, "nextTick", "nextTick")                                                      \
    X(QUEUE_MICROTASK, "microtask", "microtasks")                                                  \
    X(QUEUE_TASK, "task", "tasks")                                                                 \
    X(QUEUE_TIMER, "timer", "timers")                                                              \
    X(QUEUE_IMMEDIATE, "immediate", "immediates")                                                  \
    X(QUEUE_CLOSE, "close", "close callbacks")                                                     \
    X(QUEUE_RENDER, "render", "rendering")                                                         \
    X(QUEUE_OTHER, "other", "other")

typedef enum {
#define X(e, name, lane) e,
    MODEL_QUEUES(X)
#undef X
        QUEUE__COUNT
} QueueKind;

const char *model_queue_name(QueueKind q); /* as in the trace: "microtask" */
const char *model_queue_lane(QueueKind q); /* as a lane title: "microtasks" */

typedef enum {
    JOB_COMPLETION_NONE,
    JOB_COMPLETION_NORMAL,
    JOB_COMPLETION_THROW,
    JOB_COMPLETION_ABORT
} JobCompletion;

typedef struct {
    uint64_t id;   /* the trace's job id */
    uint32_t kind; /* StrPool: "PromiseReactionJob", "Script", ... */
    QueueKind queue;
    uint32_t queue_name; /* StrPool: the trace's queue word */
    uint32_t reason;     /* StrPool: why it was enqueued ("reaction", "await"...), or 0 */
    uint32_t by;         /* index of the job that enqueued it, or MODEL_NONE (the host) */
    uint32_t parent;     /* its cause: `by`, or for a timer callback the host enqueued,
                          * the job that armed the timer; MODEL_NONE for a root. The
                          * causality graph, the timeline arrows and chains follow this. */
    uint32_t promise;    /* index into promises, or MODEL_NONE */
    uint32_t thenable;   /* PromiseResolveThenableJob: the thenable promise, or MODEL_NONE */
    uint32_t reaction;   /* index into reactions (the `then` it runs), or MODEL_NONE */
    uint32_t activation; /* index into activations (an await resumption), or MODEL_NONE */
    uint32_t timer;      /* index into timers, or MODEL_NONE */
    uint32_t fn;         /* StrPool: the function's name, or 0 */
    uint32_t handler;    /* StrPool: "file.js:9:7", where that function is defined, or 0 */
    uint64_t enqueue_seq;
    uint32_t enqueue_line;        /* line of the enqueue event in the trace file */
    uint64_t run_seq;             /* 0 if it never ran */
    uint32_t run_index;           /* its position in run order, or MODEL_NONE if it never ran */
    uint32_t tick;                /* run: 0 for a task, 1 + the enqueuer's tick for a microtask */
    uint32_t turn;                /* run: the macrotask turn (0: the script and its microtasks) */
    double time;                  /* run: the virtual clock when it started */
    double end_time;              /* done: the virtual clock when it ended (else = time) */
    uint64_t steps;               /* done: interpreter steps, 0 when not given */
    uint64_t done_seq;            /* 0 if it never ended */
    JobCompletion completion;     /* from its done event; NONE if it never ended */
    uint32_t first_log, last_log; /* its output: a chain through MLog.next, or MODEL_NONE */
    uint32_t nlogs;
    uint32_t depth; /* jobs above it on its chain of parents (0 for a root) */
} MJob;

typedef struct {
    uint64_t seq;
    uint32_t job;  /* the job that printed it, or MODEL_NONE (a host message) */
    bool is_err;   /* stream err */
    bool newline;  /* a newline followed the text */
    size_t text;   /* offset into Model.text */
    size_t len;    /* bytes, without the final newline */
    uint32_t at;   /* StrPool: call site, or 0 */
    uint32_t next; /* the next log of the same job, or MODEL_NONE */
} MLog;

typedef enum { PROMISE_PENDING, PROMISE_LOCKED, PROMISE_FULFILLED, PROMISE_REJECTED } PromiseState;

typedef struct {
    uint64_t id;
    uint32_t origin;  /* StrPool: "constructor", "then", "async", ... or 0 */
    uint32_t creator; /* the job that created it, or MODEL_NONE */
    uint32_t at;      /* StrPool: the expression that created it, or 0 */
    uint64_t create_seq;
    uint32_t nreactions;
    uint32_t first_reaction, last_reaction; /* its `then`s in order, through MReaction.next */
    PromiseState state;                     /* the last state the trace shows */
    uint32_t settler;    /* the job that fulfilled or rejected it, or MODEL_NONE */
    uint64_t settle_seq; /* 0 if never settled */
    uint32_t settle_at;  /* StrPool: the resolve/reject call, return or throw, or 0 */
    uint32_t value;      /* StrPool: preview of the value or reason, or 0 */
    uint32_t locked_to;  /* resolved with this thenable promise, or MODEL_NONE */
    uint32_t lock_by;    /* the job that locked it in, or MODEL_NONE */
    uint32_t lock_at;    /* StrPool, or 0 */
    uint64_t lock_seq;   /* 0 if never locked in */
} MPromise;

/* A `then` event: one PerformPromiseThen (a .then()/.catch()/.finally() call, an await,
 * or a built-in step). */
typedef struct {
    uint64_t id;
    uint64_t seq;
    uint32_t promise;                       /* the promise it waits on */
    uint32_t derived;                       /* resultCapability.[[Promise]], or MODEL_NONE */
    uint32_t activation;                    /* the activation it resumes (await), or MODEL_NONE */
    uint32_t by;                            /* the job that registered it, or MODEL_NONE */
    uint32_t at;                            /* StrPool: the call site, or 0 */
    uint32_t on_fulfilled, on_rejected, fn; /* StrPool, or 0 */
    PromiseState state; /* the promise's state at registration (LOCKED: not given) */
    bool state_known;   /* the event had a state field */
    uint32_t job;       /* the job that ran it (the enqueue naming it), or MODEL_NONE */
    uint32_t next;      /* the next reaction on the same promise, or MODEL_NONE */
} MReaction;

typedef struct {
    uint64_t id;
    uint32_t kind;    /* StrPool: "async", "generator", "async-generator" */
    uint32_t fn;      /* StrPool: function name, or 0 */
    uint32_t handler; /* StrPool: where the function is defined, or 0 */
    uint32_t at;      /* StrPool: the call site, or 0 */
    uint32_t promise; /* the async function's result promise, or MODEL_NONE */
    uint32_t creator; /* the job that called it, or MODEL_NONE */
    uint32_t nsuspend, nresume;
    bool suspended;      /* suspended at the end of the trace */
    uint32_t op;         /* StrPool: "await" or "yield" of the last suspension */
    uint32_t suspend_at; /* StrPool: where it last suspended, or 0 */
    uint64_t suspend_seq;
    uint32_t awaiting;              /* the promise of the last await, or MODEL_NONE */
    uint32_t resumed_in;            /* the job it last resumed in, or MODEL_NONE */
    uint32_t first_step, last_step; /* its suspends and resumes, through MActStep.next */
} MActivation;

/* One suspend or resume of an activation. */
typedef struct {
    uint64_t seq;
    bool resume;       /* false: a suspend */
    uint32_t job;      /* the running job (the job it resumed in), or MODEL_NONE */
    uint32_t op;       /* suspend: StrPool "await" or "yield"; resume: the completion */
    uint32_t at;       /* suspend: StrPool, where; 0 when not given */
    uint32_t awaiting; /* suspend: the promise awaited, or MODEL_NONE */
    uint32_t next;     /* the activation's next step, or MODEL_NONE */
} MActStep;

typedef struct {
    uint64_t id;
    uint32_t api;     /* StrPool: "setTimeout", ... */
    uint32_t by;      /* the job that armed it, or MODEL_NONE */
    uint32_t handler; /* StrPool: where the callback is defined, or 0 */
    uint32_t fn;      /* StrPool: the callback's name, or 0 */
    uint32_t at;      /* StrPool: the call site that armed it last, or 0 */
    uint64_t arm_seq; /* the seq of the last (re-)arming */
    double delay, clamped, due;
    uint32_t armed; /* times armed (intervals re-arm) */
    uint32_t fired; /* jobs it produced */
    bool cleared;
} MTimer;

typedef struct {
    uint64_t seq;
    uint32_t kind;    /* StrPool: "uncaught", "unhandled-rejection", ... */
    uint32_t message; /* StrPool */
    uint32_t job;     /* the running job, or MODEL_NONE */
    uint32_t at;      /* StrPool, or 0 */
    bool fatal;
} MError;

typedef struct {
    /* the header document (StrPool ids; 0 when absent) */
    uint32_t version, program, spec, host, engine, clock;

    StrPool strings;
    char *text; /* console output, back to back */
    size_t text_len, text_cap;

    MJob *jobs; /* in enqueue order: a job's parent always comes before it */
    uint32_t njobs, jobs_cap;
    uint32_t *run_order; /* indices into jobs, in the order they ran */
    uint32_t nrun, run_cap;
    MLog *logs; /* in trace order */
    uint32_t nlogs, logs_cap;
    MPromise *promises;
    uint32_t npromises, promises_cap;
    MReaction *reactions;
    uint32_t nreactions, reactions_cap;
    MActivation *activations;
    uint32_t nactivations, activations_cap;
    MActStep *act_steps;
    uint32_t nact_steps, act_steps_cap;
    MTimer *timers;
    uint32_t ntimers, timers_cap;
    MError *errors;
    uint32_t nerrors, errors_cap;

    IdMap job_ids, promise_ids, reaction_ids, activation_ids, timer_ids;

    uint64_t nevents, nunknown;        /* events read; of them, of kinds the model does not know */
    uint32_t running;                  /* the job between its run and its done, or MODEL_NONE */
    uint32_t queue_len[QUEUE__COUNT];  /* jobs enqueued and not yet run, while loading */
    uint32_t queue_peak[QUEUE__COUNT]; /* the most jobs waiting at once in each queue */
    uint64_t queue_peak_seq[QUEUE__COUNT]; /* the seq at which each peak was first reached */
    uint32_t max_tick, max_turn;
    bool has_exit;
    int64_t exit_code;
    uint32_t exit_reason; /* StrPool */
    bool truncated;       /* the last line was cut off (a warning was given) */
} Model;

void model_init(Model *m);
void model_fini(Model *m);

typedef enum { MODEL_LOAD_OK, MODEL_LOAD_IO, MODEL_LOAD_BAD } ModelLoadStatus;

/* Read the trace at path into m (which must be freshly initialised). On MODEL_LOAD_IO
 * (cannot open or read) or MODEL_LOAD_BAD (malformed: "PATH:LINE:COL: message"),
 * *err receives a message the caller frees and m holds what was read before the error
 * (still to be model_fini'ed). A truncated last line is not an error: m->truncated is
 * set and *warning (if not NULL) receives the reader's message, which the caller frees. */
ModelLoadStatus model_load(Model *m, const char *path, char **err, char **warning);

/* Helpers for the commands. */
const char *model_str(const Model *m, uint32_t id);
/* The text of a log, and its length. */
const char *model_log_text(const Model *m, const MLog *l, size_t *len);

/* The output lines of one job, in order: each log's text split at '\n' (a final
 * newline does not start another line; an empty log is one empty line).
 *   MLineIter it; model_lines_begin(m, j, &it);
 *   while (model_lines_next(&it, &line)) ... */
typedef struct {
    const char *text; /* not NUL-terminated */
    size_t len;
    bool is_err;
    uint32_t log; /* index into logs */
} MLine;
typedef struct {
    const Model *m;
    uint32_t log; /* current log, or MODEL_NONE */
    size_t pos;   /* offset of the next line in it */
} MLineIter;
void model_lines_begin(const Model *m, uint32_t job, MLineIter *it);
bool model_lines_next(MLineIter *it, MLine *line);
/* The number of output lines of a job. */
uint32_t model_job_line_count(const Model *m, uint32_t job);
/* A source location (StrPool id) without the directory of the program's path, when
 * it starts with it: "dir/a.js:9:7" -> "a.js:9:7" for program "dir/a.js". */
const char *model_short_loc(const Model *m, uint32_t loc);
/* Append "fn (a.js:9:7)", "fn", "a.js:9:7" or nothing: what a job runs, as in a stack,
 * with the location shortened by model_short_loc. */
void model_job_where(const Model *m, uint32_t job, StrBuf *out);
/* Append "Kind #id" and, when known, " fn (a.js:9:7)": a job as the text outputs name it. */
void model_job_title(const Model *m, uint32_t job, StrBuf *out);
/* "fulfilled", "rejected", "locked in" or "pending". */
const char *model_promise_state_name(PromiseState s);

#endif
