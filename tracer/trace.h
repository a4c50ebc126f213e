/* trace.h — the interpreter's event emitter: one trc_* function per event kind of
 * formats/events.def that the tracer writes (enqueue, run, done, promise, then, resolve,
 * activation, suspend, resume, log, timer, clear, error, limit, note, phase, exit), over
 * the writer of formats/trace_writer.h. Owns what an event needs besides its arguments:
 * the running job (every `by`), the macrotask turn and the virtual time the host last
 * set, the current source position (`at`, from the innermost JS frame), source
 * locations of functions (`handler`, `on_fulfilled`), function and built-in step names
 * (`fn`), and the short value previews (`value`).
 *
 * Cheap when off: every trc_* accepts a NULL Tracer or a Tracer without a writer and then
 * returns at once, so unit tests and `trace run` without a trace pay one branch per
 * event. Ids are NOT assigned here: each module numbers its own id space (jobs.h:
 * jobs_new_id) and passes the ids in, so ids are the same with or without a trace.
 *
 * The emitter never runs JS and never allocates GC memory: previews read own data
 * properties only (a getter is shown as [Getter]), names come from own "name" data
 * properties, so an event may be written in the middle of any spec algorithm without
 * rooting anything. Lifetime: trc_new() after the writer is opened, trc_attach() once
 * the Vm exists (positions and previews need it), trc_free() before the writer is
 * closed; the TfWriter stays the caller's. */
#ifndef TICKSCOPE_TRACE_H
#define TICKSCOPE_TRACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "formats/trace_writer.h"
#include "tracer/srcpos.h"
#include "tracer/value.h"

typedef struct Job Job; /* jobs.h */

typedef struct Tracer {
    TfWriter *w;            /* NULL: every trc_* is a no-op */
    Vm *vm;                 /* for positions, names and previews (trc_attach) */
    uint64_t running;       /* the running job's id, 0 between jobs */
    uint32_t running_tick;  /* its tick */
    uint64_t turn;          /* the macrotask turn (run.turn), kept by the host */
    double time;            /* the virtual clock (ms), kept by the host */
    uint64_t steps_at_run;  /* vm->steps when the running job started (done.steps) */
    /* The host's clock (trc_set_clock): read for done.time, so a job's end shows the
     * virtual time its code cost; NULL: `time` as last set. */
    double (*clock)(void *ctx);
    void *clock_ctx;
    /* When set, and while the innermost frame is still at_base, `at` positions come from
     * at_frame's saved pc instead: the return that settles an async function's promise
     * is reported after its frame was unlinked (async.c). A getter or then() that runs
     * meanwhile has frames of its own and reports its own positions. */
    const Frame *at_frame;
    const Frame *at_base;
} Tracer;

/* A source location for a `loc` field: file (a JS string, usually the program's path)
 * and position; pos.line == 0 means "none". */
typedef struct {
    const ObjString *file;
    SrcPos pos;
} TrcLoc;

/* ---- lifetime ---------------------------------------------------------------------- */

/* A tracer writing to w (NULL: ids and state only, no output). Never NULL. */
Tracer *trc_new(TfWriter *w);
void trc_free(Tracer *t);
/* Binds the tracer to the VM whose positions and values it describes. */
void trc_attach(Tracer *t, Vm *vm);
/* True when events are written (callers may skip building expensive arguments). */
static inline bool trc_on(const Tracer *t) {
    return t && t->w;
}
/* The host advances the virtual clock and the turn (run.time, run.turn, done.time). */
void trc_set_time(Tracer *t, double ms);
/* The host's clock, read (and kept as `time`) when a job ends; NULL to stop reading it
 * (the host's state is about to go). */
void trc_set_clock(Tracer *t, double (*clock)(void *ctx), void *ctx);
void trc_set_turn(Tracer *t, uint64_t turn);

/* ---- helpers shared with the modules that emit ------------------------------------- */

/* Where the innermost JS frame is (the call site while a native runs), or at_frame's saved
 * position (see Tracer.at_frame). loc.pos.line == 0 when no JS frame is running. */
TrcLoc trc_current_loc(const Tracer *t);
/* Where a function is defined: closures give their FuncProto position, bound functions
 * their target's; natives give none. */
TrcLoc trc_function_loc(Value fn);
/* The function's own "name" data property (no getter runs), into buf; "" if none. For
 * built-in step functions (resolve functions, Await fulfilled, thenFinally...) the spec's
 * name from promise_step_name() when the name is empty. */
const char *trc_function_name(Vm *vm, Value fn, char *buf, size_t cap);
/* A one-line preview of v in the style of node's util.inspect, at most about 60 bytes:
 * `undefined`, `42`, `'text'`, `[Function: f]`, `Promise { <pending> }`,
 * `TypeError: boom`, `{ a: 1, b: [Object] }`, `[ 1, 2, 3 ]`. */
void trc_preview(Vm *vm, Value v, char *buf, size_t cap);

/* ---- job events -------------------------------------------------------------------- */

/* enqueue: job was put on its queue (its id, kind, queue, reason, by, promise, thenable,
 * reaction, activation, timer, handler location and name are read from the record). */
void trc_enqueue(Tracer *t, const Job *job);
/* run: job starts; it becomes the running job (`by` of every event until trc_done). */
void trc_run(Tracer *t, const Job *job);
/* done: the running job ended with completion (TFV_JOB_COMPLETION_*). */
void trc_done(Tracer *t, const Job *job, TfEnumValue completion);

/* ---- promise events ---------------------------------------------------------------- */

/* promise: a promise with this id was created (origin TFV_ORIGIN_*), at the current
 * position. */
void trc_promise(Tracer *t, uint64_t promise, TfEnumValue origin);
/* then: PerformPromiseThen registered reaction on promise. derived: the result
 * capability's promise id or 0; state: TFV_PROMISE_STATE_*; on_fulfilled/on_rejected:
 * the handlers (undefined when absent); step: the spec's name of a built-in fulfill
 * step ("Await fulfilled") or NULL; activation: the async activation it resumes or 0.
 * `at` is the current position (the `.then(` call, or the await expression). */
void trc_then(Tracer *t, uint64_t promise, uint64_t reaction, uint64_t derived,
              TfEnumValue state, Value on_fulfilled, Value on_rejected, const char *step,
              uint64_t activation);
/* resolve: promise was fulfilled, rejected or locked in (TFV_OUTCOME_*); thenable: the
 * promise id it is locked in to (0: not a promise, or not locked); v: the value, reason
 * or thenable to preview. */
void trc_resolve(Tracer *t, uint64_t promise, TfEnumValue outcome, uint64_t thenable, Value v);

/* ---- activation events ------------------------------------------------------------- */

/* activation: fn was called and a suspendable activation created (kind TFV_ACT_KIND_*);
 * promise: async functions' result promise id or 0. `at` is the call site. */
void trc_activation(Tracer *t, uint64_t activation, TfEnumValue kind, uint64_t promise,
                    Value fn);
/* suspend: the activation suspends at await or yield (op TFV_SUSPEND_OP_*); awaiting:
 * the promise id it waits on or 0; v: the awaited or yielded value. */
void trc_suspend(Tracer *t, uint64_t activation, TfEnumValue op, uint64_t awaiting, Value v);
/* resume: the activation resumes with completion TFV_RESUME_COMPLETION_* and value v. */
void trc_resume(Tracer *t, uint64_t activation, TfEnumValue completion, Value v);

/* ---- output and host events -------------------------------------------------------- */

/* log: one console line (without its newline); stream TFV_STREAM_*; method may be NULL.
 * The running job and the innermost running activation (trc_running_activation) are
 * attributed; `at` is the console call. */
void trc_log(Tracer *t, TfEnumValue stream, const char *text, size_t len, const char *method);
/* The same for output that may end without a newline (process.stdout.write): newline
 * false writes `newline: false`. */
void trc_log_text(Tracer *t, TfEnumValue stream, const char *text, size_t len, bool newline,
                  const char *method);
/* The id of the innermost activation on the running frame chain (async function,
 * generator...), 0 when none: what a console line is attributed to. */
uint64_t trc_running_activation(const Tracer *t);
/* timer: armed (api TFV_TIMER_API_*). has_delay false for setImmediate and rAF;
 * nesting < 0: absent; callback: for handler and fn. */
void trc_timer(Tracer *t, uint64_t timer, TfEnumValue api, bool has_delay, double delay,
               double clamped, double due, int nesting, bool rearm, Value callback);
void trc_clear(Tracer *t, uint64_t timer);
/* error: kind TFV_ERROR_KIND_*; message is the first line as node prints it; stack may be
 * NULL; promise: the rejected promise id or 0; `at`: file and position where the error
 * was thrown (or created, for a rejection), none when file is NULL or at.line is 0. */
void trc_error(Tracer *t, TfEnumValue kind, const char *message, const char *stack,
               uint64_t promise, bool fatal, const char *file, SrcPos at);
/* limit: name TFV_LIMIT_*, max its value, message as printed (may be NULL). */
void trc_limit(Tracer *t, TfEnumValue name, double max, const char *message);
/* note: kind TFV_NOTE_KIND_*; job/other 0 when absent. */
void trc_note(Tracer *t, TfEnumValue kind, uint64_t job, uint64_t other, const char *text);
/* phase: the host's loop enters phase name (TFV_PHASE_*); turn < 0: absent. */
void trc_phase(Tracer *t, TfEnumValue name, int64_t turn);
/* exit: the last event; reason TFV_EXIT_REASON_*. */
void trc_exit(Tracer *t, int code, TfEnumValue reason, uint64_t steps);

#endif
