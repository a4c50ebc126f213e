/* jobs.c — Job records, FIFO queues, HostEnqueuePromiseJob, running and draining jobs,
 * the per-VM job state and its GC roots (see jobs.h). */
#include "tracer/jobs.h"

#include <stdlib.h>
#include <string.h>

#include "tracer/builtins/weakref.h"
#include "tracer/bytecode.h"
#include "tracer/object.h"
#include "tracer/str.h"
#include "tracer/vm.h"

/* ==== spec modes ======================================================================== */

static const struct {
    const char *word;
    SpecMode mode;
    TfEnumValue tfv;
} spec_modes[] = {
    {"es2017", SPEC_ES2017, TFV_SPEC_ES2017},
    {"es2018", SPEC_ES2018, TFV_SPEC_ES2018},
    {"es2019", SPEC_ES2019, TFV_SPEC_ES2019},
    {"es2020", SPEC_ES2020, TFV_SPEC_ES2020},
    {"es2021", SPEC_ES2021, TFV_SPEC_ES2021},
    {"es2022", SPEC_ES2022, TFV_SPEC_ES2022},
    {"es2023", SPEC_ES2023, TFV_SPEC_ES2023},
    {"es2024", SPEC_ES2024, TFV_SPEC_ES2024},
    {"es2025", SPEC_ES2025, TFV_SPEC_ES2025},
    {"fast-adoption", SPEC_FAST_ADOPTION, TFV_SPEC_FAST_ADOPTION},
};

bool spec_mode_parse(const char *word, SpecMode *out) {
    if (strcmp(word, "latest") == 0) {
        *out = SPEC_LATEST;
        return true;
    }
    for (size_t i = 0; i < ARRAY_LEN(spec_modes); i++) {
        if (strcmp(word, spec_modes[i].word) == 0) {
            *out = spec_modes[i].mode;
            return true;
        }
    }
    return false;
}

const char *spec_mode_name(SpecMode mode) {
    for (size_t i = 0; i < ARRAY_LEN(spec_modes); i++)
        if (spec_modes[i].mode == mode)
            return spec_modes[i].word;
    return "es2025";
}

TfEnumValue spec_mode_tfv(SpecMode mode) {
    for (size_t i = 0; i < ARRAY_LEN(spec_modes); i++)
        if (spec_modes[i].mode == mode)
            return spec_modes[i].tfv;
    return TFV_SPEC_ES2025;
}

/* ==== job kinds ========================================================================= */

static const struct {
    TfEnumValue kind, queue, reason;
} job_kind_info[JOB_KIND_COUNT] = {
#define X(kind, tfv, queue, reason) {TFV_JOB_KIND_##tfv, TFV_QUEUE_##queue, TFV_REASON_##reason},
    JOB_KINDS(X)
#undef X
};

/* Microtask-like queues: a job's tick is 1 + its enqueuer's (formats/SPEC.md, run.tick). */
static bool queue_is_micro(TfEnumValue queue) {
    return queue == TFV_QUEUE_MICROTASK || queue == TFV_QUEUE_NEXT_TICK;
}

/* ==== the per-VM state ================================================================== */

/* The job state is freed with the heap: a holder object (kept alive by the root marker)
 * frees it in its finalizer at vm_free, unless jobs_detach ran first. */
static void holder_finalize(Vm *vm, Obj *o);
static const ObjClass holder_class = {.name = "JobQueue", .finalize = holder_finalize};

static void free_state(JobQueue *q) {
    /* queued jobs are dropped; a running job is owned by job_run's C frame */
    job_fifo_clear(&q->microtasks);
    free(q->unhandled.v);
    free(q->reported.v);
    free(q->handled_late.v);
    if (q->own_trc)
        trc_free(q->trc);
    free(q);
}

static void holder_finalize(Vm *vm, Obj *o) {
    JobQueue *q = o->u.host.data;
    if (!q)
        return;
    o->u.host.data = NULL;
    if (vm->host == q)
        vm->host = NULL;
    free_state(q);
}

static void mark_rejections(Vm *vm, const RejectionList *l) {
    for (size_t i = 0; i < l->len; i++)
        gc_mark_value(vm, l->v[i].promise);
}

static void jobs_mark_roots(Vm *vm, void *ctx) {
    (void)ctx;
    JobQueue *q = vm->host;
    if (!q)
        return;
    gc_mark(vm, q->holder);
    job_fifo_mark(vm, &q->microtasks);
    for (const Job *j = q->running; j; j = j->next)
        job_mark(vm, j);
    gc_mark_value(vm, q->last_result);
    mark_rejections(vm, &q->unhandled);
    mark_rejections(vm, &q->reported);
    mark_rejections(vm, &q->handled_late);
}

JobQueue *jobs_attach(Vm *vm, SpecMode spec, Tracer *trc) {
    if (vm->host)
        jobs_detach(vm);
    JobQueue *q = xcalloc(1, sizeof *q);
    q->vm = vm;
    q->spec = spec;
    q->trc = trc ? trc : trc_new(NULL);
    q->own_trc = trc == NULL;
    q->last_result = VAL_UNDEFINED;
    q->origin_hint = TFV_ORIGIN_CONSTRUCTOR;
    trc_attach(q->trc, vm);
    bool registered = false;
    for (int i = 0; i < vm->gc.nmarkers; i++)
        if (vm->gc.markers[i].fn == jobs_mark_roots)
            registered = true;
    if (!registered)
        gc_add_root_marker(vm, jobs_mark_roots, NULL);
    /* the holder is allocated with collection inhibited: jobs_of may be called lazily in
     * the middle of an algorithm that holds unrooted values */
    vm->gc.inhibit++;
    Obj *holder = obj_new_kind(vm, OBJ_HOST, NULL);
    vm->gc.inhibit--;
    holder->u.host.cls = &holder_class;
    holder->u.host.data = q;
    q->holder = holder;
    vm->host = q;
    return q;
}

void jobs_detach(Vm *vm) {
    JobQueue *q = vm->host;
    if (!q)
        return;
    if (q->holder)
        q->holder->u.host.data = NULL;
    vm->host = NULL;
    free_state(q);
}

JobQueue *jobs_of(Vm *vm) {
    if (!vm->host)
        jobs_attach(vm, SPEC_LATEST, NULL);
    return vm->host;
}

uint64_t jobs_new_id(Vm *vm, TfSpace space) {
    return ++jobs_of(vm)->next_id[space];
}

/* ==== job records and FIFOs ============================================================= */

Job *job_new(Vm *vm, JobKind kind, JobRunFn *run) {
    (void)vm;
    Job *job = xcalloc(1, sizeof *job);
    job->kind = kind;
    job->queue = job_kind_info[kind].queue;
    job->reason = job_kind_info[kind].reason;
    job->run = run;
    job->handler = VAL_UNDEFINED;
    job->reaction_rec.capability = promise_capability_none();
    job->reaction_rec.handler = VAL_EMPTY;
    job->argument = VAL_UNDEFINED;
    job->promise_to_resolve = VAL_UNDEFINED;
    job->thenable_val = VAL_UNDEFINED;
    job->this_val = VAL_UNDEFINED;
    job->args = VAL_UNDEFINED;
    return job;
}

void job_free(Job *job) {
    free(job);
}

void job_mark(Vm *vm, const Job *job) {
    gc_mark_value(vm, job->handler);
    gc_mark(vm, (void *)job->handler_loc.file);
    gc_mark_value(vm, job->reaction_rec.capability.promise);
    gc_mark_value(vm, job->reaction_rec.capability.resolve);
    gc_mark_value(vm, job->reaction_rec.capability.reject);
    gc_mark_value(vm, job->reaction_rec.handler);
    gc_mark(vm, (void *)job->reaction_rec.handler_loc.file);
    gc_mark_value(vm, job->argument);
    gc_mark_value(vm, job->promise_to_resolve);
    gc_mark_value(vm, job->thenable_val);
    gc_mark_value(vm, job->this_val);
    gc_mark_value(vm, job->args);
    gc_mark(vm, job->gc_ref);
}

void job_fifo_push(JobFifo *f, Job *job) {
    job->next = NULL;
    if (f->tail)
        f->tail->next = job;
    else
        f->head = job;
    f->tail = job;
    f->len++;
}

Job *job_fifo_pop(JobFifo *f) {
    Job *j = f->head;
    if (!j)
        return NULL;
    f->head = j->next;
    if (!f->head)
        f->tail = NULL;
    j->next = NULL;
    f->len--;
    return j;
}

void job_fifo_clear(JobFifo *f) {
    Job *j;
    while ((j = job_fifo_pop(f)))
        job_free(j);
}

void job_fifo_mark(Vm *vm, const JobFifo *f) {
    for (const Job *j = f->head; j; j = j->next)
        job_mark(vm, j);
}

/* ==== enqueueing ======================================================================== */

void job_enqueue(Vm *vm, JobFifo *fifo, Job *job) {
    JobQueue *q = jobs_of(vm);
    job->id = jobs_new_id(vm, TF_SPACE_JOB);
    job->enqueued_by = q->running ? q->running->id : 0;
    if (queue_is_micro(job->queue))
        job->tick = q->running ? q->running->tick + 1 : 1;
    else
        job->tick = 0;
    job_fifo_push(fifo, job);
    trc_enqueue(q->trc, job);
}

void HostEnqueuePromiseJob(Vm *vm, Job *job, Realm *realm) {
    /* ecma262 #sec-hostenqueuepromisejob: "schedule job to be performed at some future
     * time"; the Jobs are run in FIFO order, after the running execution context stack is
     * empty — here, when the host drains [[PromiseJobs]] (jobs_drain_microtasks). */
    job->realm = realm;
    job_enqueue(vm, &jobs_of(vm)->microtasks, job);
}

/* ==== running =========================================================================== */

/* The default `limit` event when the host did not install its own (jobs.h on_limit). */
static void default_limit_event(Vm *vm, JobQueue *q) {
    switch (vm->terminated) {
    case TERM_MAX_STEPS:
        trc_limit(q->trc, TFV_LIMIT_MAX_STEPS, (double)vm->max_steps, NULL);
        break;
    case TERM_TIMEOUT:
        trc_limit(q->trc, TFV_LIMIT_TIMEOUT, 0, NULL);
        break;
    case TERM_MAX_HEAP:
        trc_limit(q->trc, TFV_LIMIT_MAX_HEAP, (double)vm->gc.max_heap / (1024.0 * 1024.0), NULL);
        break;
    case TERM_NONE:
    case TERM_EXIT:
        break;
    }
}

JobStatus job_run(Vm *vm, Job *job) {
    JobQueue *q = jobs_of(vm);
    /* the running chain (job->next links to the job it interrupted, normally none) keeps
     * the record's values marked while its closure runs */
    job->next = q->running;
    q->running = job;
    q->jobs_run++;
    trc_run(q->trc, job);
    Value r = job->run(vm, job);
    JobStatus st = JOB_RUN_OK;
    TfEnumValue completion = TFV_JOB_COMPLETION_NORMAL;
    if (r == VAL_EXCEPTION) {
        if (vm->terminated) {
            st = JOB_RUN_TERMINATED;
            completion = TFV_JOB_COMPLETION_ABORT;
            if (!q->limit_reported) {
                q->limit_reported = true;
                if (q->on_limit)
                    q->on_limit(vm);
                else
                    default_limit_event(vm, q);
            }
        } else {
            st = JOB_RUN_THREW;
            completion = TFV_JOB_COMPLETION_THROW;
        }
        r = VAL_UNDEFINED;
    }
    q->last_result = r;
    trc_done(q->trc, job, completion);
    q->running = job->next;
    job_free(job);
    return st;
}

bool jobs_limit_reached(Vm *vm) {
    JobQueue *q = jobs_of(vm);
    return q->max_jobs && q->jobs_run >= q->max_jobs;
}

JobStatus jobs_drain_microtasks(Vm *vm) {
    JobQueue *q = jobs_of(vm);
    while (q->microtasks.head) {
        if (jobs_limit_reached(vm))
            return JOB_RUN_MAX_JOBS;
        Job *job = job_fifo_pop(&q->microtasks);
        JobStatus st = job_run(vm, job);
        if (st != JOB_RUN_OK)
            return st;
    }
    /* the checkpoint ends: ClearKeptObjects (HTML "perform a microtask checkpoint";
     * builtins/weakref.h) */
    ClearKeptObjects(vm);
    return JOB_RUN_OK;
}

/* The Script job's closure: ScriptEvaluation of the FuncProto in gc_ref. */
static Value script_job(Vm *vm, Job *job) {
    return vm_run_script(vm, (FuncProto *)job->gc_ref);
}

Job *jobs_new_top_level(Vm *vm, JobKind kind, JobRunFn *run, FuncProto *code) {
    JobQueue *q = jobs_of(vm);
    Job *job = job_new(vm, kind, run);
    job->gc_ref = code;
    job->handler_loc.file = code->filename;
    job->handler_loc.pos.line = 1;
    job->handler_loc.pos.col = 1;
    job->realm = vm->realm;
    job->id = jobs_new_id(vm, TF_SPACE_JOB);
    job->enqueued_by = q->running ? q->running->id : 0;
    trc_enqueue(q->trc, job);
    return job;
}

JobStatus jobs_run_script(Vm *vm, FuncProto *script, Value *result) {
    /* the host enqueues the script and runs it at once (ScriptEvaluationJob) */
    JobQueue *q = jobs_of(vm);
    Job *job = jobs_new_top_level(vm, JOB_SCRIPT, script_job, script);
    JobStatus st = job_run(vm, job);
    if (result)
        *result = st == JOB_RUN_OK ? q->last_result : VAL_EXCEPTION;
    q->last_result = VAL_UNDEFINED;
    return st;
}

/* ==== unhandled rejections ============================================================== */

static bool rejection_shift(RejectionList *l, RejectionRecord *out) {
    if (!l->len)
        return false;
    *out = l->v[0];
    memmove(&l->v[0], &l->v[1], (l->len - 1) * sizeof *l->v);
    l->len--;
    return true;
}

bool jobs_next_unhandled_rejection(Vm *vm, Value *promise, uint64_t *id) {
    JobQueue *q = jobs_of(vm);
    RejectionRecord r;
    if (!rejection_shift(&q->unhandled, &r))
        return false;
    if (q->reported.len == q->reported.cap) {
        q->reported.cap = q->reported.cap ? q->reported.cap * 2 : 8;
        q->reported.v = xrealloc(q->reported.v, q->reported.cap * sizeof *q->reported.v);
    }
    q->reported.v[q->reported.len++] = r;
    *promise = r.promise;
    if (id)
        *id = r.id;
    return true;
}

bool jobs_next_late_handled_rejection(Vm *vm, Value *promise, uint64_t *id) {
    JobQueue *q = jobs_of(vm);
    RejectionRecord r;
    if (!rejection_shift(&q->handled_late, &r))
        return false;
    *promise = r.promise;
    if (id)
        *id = r.id;
    return true;
}
