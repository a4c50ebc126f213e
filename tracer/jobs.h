/* jobs.h — Job records, the job queues and the per-VM job state (vm->host). Owns the
 * [[PromiseJobs]] queue of ECMA-262 (#sec-jobs, HostEnqueuePromiseJob: the host's
 * microtask queue, shared with queueMicrotask as in V8), the running job, the per-kind id
 * counters of the trace (job, promise, reaction, activation, timer: STYLE R22), the spec
 * mode (`--spec`), the list that HostPromiseRejectionTracker keeps for the host's
 * unhandled-rejection processing, and the GC root marker for all of it.
 *
 * A Job is a typed record (STYLE R14): the spec's Job Abstract Closure is `run`, a C
 * function, plus the values it captures as named fields (a PromiseReactionJob's reaction
 * and argument; a PromiseResolveThenableJob's promise, thenable and then). Every field a
 * trace event needs (kind, id, enqueuer, tick, promise, reaction, activation, handler
 * and its source location) is a field of the record. Jobs are malloc'd, owned by their
 * queue until they run, and freed by job_run; every Value in a queued or running job is
 * marked by the root marker. FIFO order is the only scheduling rule of a queue; the host
 * (issue 5) decides when to drain which queue (node: nextTick queue, then microtasks,
 * after the script and after every macrotask callback).
 *
 * Lifetime: jobs_attach(vm, spec, tracer) once after vm_new() (it sets vm->host and
 * registers the GC root marker). The state is freed with the heap at vm_free() (a holder
 * object's finalizer), or earlier by jobs_detach(vm). A VM used without jobs_attach gets
 * one lazily (latest spec, no trace) at its first promise. */
#ifndef TICKSCOPE_JOBS_H
#define TICKSCOPE_JOBS_H

#include <stdbool.h>
#include <stdint.h>

#include "formats/trace_event.h"
#include "tracer/promise.h"
#include "tracer/srcpos.h"
#include "tracer/trace.h"
#include "tracer/value.h"

/* Spec modes (`--spec`), ordered so that `spec >= SPEC_ES2019` means "PR #1250's Await".
 * FAST_ADOPTION is the latest edition plus the Stage 1 proposal
 * tc39/proposal-faster-promise-adoption (experimental). */
typedef enum {
    SPEC_ES2017 = 0,
    SPEC_ES2018,
    SPEC_ES2019,
    SPEC_ES2020,
    SPEC_ES2021,
    SPEC_ES2022,
    SPEC_ES2023,
    SPEC_ES2024,
    SPEC_ES2025,
    SPEC_FAST_ADOPTION,
    SPEC_LATEST = SPEC_ES2025
} SpecMode;

/* Parses a --spec word ("es2017" ... "es2025", "latest", "fast-adoption"); false if
 * unknown. The trace header's word for a mode: spec_mode_name (latest → "es2025"). */
bool spec_mode_parse(const char *word, SpecMode *out);
const char *spec_mode_name(SpecMode mode);
TfEnumValue spec_mode_tfv(SpecMode mode);

/* X(KIND, trace kind, default queue, default reason) — the job kinds, named as in
 * ECMA-262 or the host (formats/events.def JOB_KIND). */
#define JOB_KINDS(X)                                                                        \
    X(SCRIPT, SCRIPT, SCRIPT, SCRIPT)                                                       \
    X(MODULE, MODULE, SCRIPT, SCRIPT)                                                       \
    X(PROMISE_REACTION, PROMISE_REACTION, MICROTASK, REACTION)                              \
    X(PROMISE_RESOLVE_THENABLE, PROMISE_RESOLVE_THENABLE, MICROTASK, THENABLE)              \
    X(NEXT_TICK, NEXT_TICK, NEXT_TICK, NEXT_TICK)                                           \
    X(QUEUE_MICROTASK, QUEUE_MICROTASK, MICROTASK, MICROTASK)                               \
    X(TIMEOUT, TIMEOUT, TIMER, TIMER)                                                       \
    X(INTERVAL, INTERVAL, TIMER, TIMER)                                                     \
    X(IMMEDIATE, IMMEDIATE, IMMEDIATE, IMMEDIATE)                                           \
    X(MESSAGE, MESSAGE, TASK, MESSAGE)                                                      \
    X(MUTATION_OBSERVER, MUTATION_OBSERVER, MICROTASK, MUTATION)                            \
    X(ANIMATION_FRAME, ANIMATION_FRAME, RENDER, ANIMATION)                                  \
    X(HOST_TASK, HOST_TASK, TASK, HOST)

typedef enum {
#define X(kind, tfv, queue, reason) JOB_##kind,
    JOB_KINDS(X)
#undef X
        JOB_KIND_COUNT
} JobKind;

typedef struct JobQueue JobQueue;

/* What running a job gave: JOB_RUN_OK; JOB_RUN_THREW: an exception escaped the job (it is
 * pending in vm->exception; the host reports it as uncaught); JOB_RUN_TERMINATED: a run
 * limit (--max-steps, --timeout, --max-heap) is unwinding (vm->terminated says which);
 * JOB_RUN_MAX_JOBS: --max-jobs was reached before the job ran (it stays queued). */
typedef enum { JOB_RUN_OK = 0, JOB_RUN_THREW, JOB_RUN_TERMINATED, JOB_RUN_MAX_JOBS } JobStatus;

/* The Job Abstract Closure: performs the job; VAL_EXCEPTION on a throw. */
typedef Value JobRunFn(Vm *vm, Job *job);

struct Job {
    JobKind kind;
    TfEnumValue queue;       /* TFV_QUEUE_*: the queue it waits in */
    TfEnumValue reason;      /* TFV_REASON_*: why it was enqueued */
    uint64_t id;             /* job id (jobs_new_id), assigned at enqueue */
    uint64_t enqueued_by;    /* the running job at enqueue, 0 = the host */
    uint32_t tick;           /* microtasks: 1 + enqueuer's tick; tasks: 0 */
    Realm *realm;            /* [[Realm]] of the job (the handler's realm) */
    JobRunFn *run;           /* the closure's steps */

    /* what the job concerns, for the trace (0 = none) */
    uint64_t promise;        /* reaction: the promise whose reaction runs; thenable job:
                                the promise to resolve */
    uint64_t thenable;       /* thenable job: the thenable's promise id */
    uint64_t reaction;       /* reaction id */
    uint64_t activation;     /* the activation an await reaction resumes */
    uint64_t timer;          /* host timer id */

    /* the function the job calls (JobCallback [[Callback]]) and where it is defined; an
     * await resumption names the await expression instead */
    Value handler;
    TrcLoc handler_loc;      /* handler_loc.file is marked */
    const char *step;        /* a built-in step's spec name ("Await fulfilled") or NULL */

    /* captured values (every one is marked; unused ones are undefined) */
    PromiseReaction reaction_rec; /* PromiseReactionJob: [[Reaction]] */
    Value argument;               /* PromiseReactionJob: argument */
    Value promise_to_resolve;     /* PromiseResolveThenableJob */
    Value thenable_val;           /* PromiseResolveThenableJob: thenable */
    Value this_val;               /* host callbacks: this */
    Value args;                   /* host callbacks: an array of arguments, or undefined */
    void *gc_ref;                 /* any GC object the host's run needs (the Script's
                                     FuncProto); marked with gc_mark */
    Job *next;                    /* queue link */
};

/* A FIFO of jobs. */
typedef struct {
    Job *head, *tail;
    size_t len;
} JobFifo;

/* One HostPromiseRejectionTracker record awaiting the host. */
typedef struct {
    Value promise;
    uint64_t id;
} RejectionRecord;

typedef struct {
    RejectionRecord *v;
    size_t len, cap;
} RejectionList;

struct JobQueue {
    Vm *vm;
    SpecMode spec;
    Tracer *trc;              /* never NULL (a tracer without writer when not tracing) */
    bool own_trc;             /* trc was created by jobs_attach */
    JobFifo microtasks;       /* [[PromiseJobs]] + queueMicrotask (V8's microtask queue) */
    Job *running;             /* the job being run (its values are marked); running->next
                                 is the job it interrupted, normally NULL */
    Value last_result;        /* the completion value of the last job run (marked) */
    uint64_t next_id[TF_SPACE__COUNT];
    uint64_t max_jobs;        /* --max-jobs, 0 = unlimited */
    uint64_t jobs_run;
    /* HostPromiseRejectionTracker (#sec-host-promise-rejection-tracker), as node keeps it:
     * rejected without a handler and not yet handled (oldest first); already reported to
     * the host; handled after being reported (node's 'rejectionhandled'). */
    RejectionList unhandled, reported, handled_late;
    /* NewPromiseCapability's origin hint for the next promise a constructor creates
     * (promise.c: the trace's promise.origin) */
    TfEnumValue origin_hint;
    const Obj *origin_ctor;
    /* Called once when a run limit stops a job, before its `done` (the trace wants the
     * `limit` event first); the host writes the event with its message. NULL: a
     * `limit` event without message. */
    void (*on_limit)(Vm *vm);
    bool limit_reported;
    Obj *holder;              /* owns this state: freed with the heap at vm_free */
    void *host;               /* the host event loop's state (issue 5) */
};

/* ---- lifetime ---------------------------------------------------------------------- */

/* Creates the job state of vm (vm->host) in spec mode spec, emitting through trc (NULL:
 * no trace; a writer-less tracer is made). Registers the GC root marker. */
JobQueue *jobs_attach(Vm *vm, SpecMode spec, Tracer *trc);
/* Frees the job state now (queued jobs are dropped without running). Optional: vm_free
 * frees it too. */
void jobs_detach(Vm *vm);
/* vm's job state; attaches one (latest spec, no trace) on first use so that promises work
 * in a bare vm_new() VM. */
JobQueue *jobs_of(Vm *vm);
static inline Tracer *jobs_tracer(Vm *vm) {
    return jobs_of(vm)->trc;
}

/* The next id of a trace id space (TF_SPACE_JOB, _PROMISE, _REACTION, _ACTIVATION,
 * _TIMER): 1, 2, 3... in creation order. */
uint64_t jobs_new_id(Vm *vm, TfSpace space);

/* ---- jobs -------------------------------------------------------------------------- */

/* A new record of kind with its queue and reason defaulted, every Value undefined, no id
 * yet (the enqueue assigns it). */
Job *job_new(Vm *vm, JobKind kind, JobRunFn *run);
/* Frees a job that was never enqueued. */
void job_free(Job *job);

/* HostEnqueuePromiseJob (#sec-hostenqueuepromisejob): appends job to [[PromiseJobs]]
 * (assigning id, enqueuer and tick, emitting `enqueue`). Takes ownership of job. */
void HostEnqueuePromiseJob(Vm *vm, Job *job, Realm *realm);
/* Any other FIFO (the host's queues): the same numbering and `enqueue` event. */
void job_enqueue(Vm *vm, JobFifo *fifo, Job *job);

/* Runs one dequeued job (run → closure → done events; the job is freed). The job is the
 * running job meanwhile. */
JobStatus job_run(Vm *vm, Job *job);
/* True when --max-jobs jobs have run (the host checks it before running a task). */
bool jobs_limit_reached(Vm *vm);
/* Runs [[PromiseJobs]] until it is empty (jobs enqueued meanwhile run too, in FIFO
 * order) or a job does not end normally (then the rest stays queued). */
JobStatus jobs_drain_microtasks(Vm *vm);
/* A top-level job (Script or Module) for code, enqueued at once with its enqueue event;
 * the caller runs it with job_run. */
Job *jobs_new_top_level(Vm *vm, JobKind kind, JobRunFn *run, FuncProto *code);
/* Runs the script as job 1 (kind Script, queue script): enqueue, run, done events, the
 * result in *result (VAL_EXCEPTION when it threw). Does not drain microtasks. */
JobStatus jobs_run_script(Vm *vm, FuncProto *script, Value *result);

/* FIFO operations for host queues. */
void job_fifo_push(JobFifo *f, Job *job);
Job *job_fifo_pop(JobFifo *f);
void job_fifo_clear(JobFifo *f);
/* Marks every value of every job in f (for a host root marker). */
void job_fifo_mark(Vm *vm, const JobFifo *f);
void job_mark(Vm *vm, const Job *job);

/* ---- unhandled rejections (for the host) ------------------------------------------- */

/* HostPromiseRejectionTracker's records, in node's terms: the oldest promise rejected
 * with no handler that is still unhandled (it moves to the reported list; the host then
 * prints it and ends the run, or emits 'unhandledRejection'); false when none. */
bool jobs_next_unhandled_rejection(Vm *vm, Value *promise, uint64_t *id);
/* The oldest reported rejection that got a handler afterwards ('rejectionhandled'). */
bool jobs_next_late_handled_rejection(Vm *vm, Value *promise, uint64_t *id);

#endif
