/* promise.h — ECMA-262 §27.2 Promise Abstract Operations (#sec-promise-abstract-
 * operations) and Promise Jobs (#sec-promise-jobs), under the spec's names (STYLE R2):
 * NewPromiseCapability, CreateResolvingFunctions (with its alreadyResolved record), the
 * promise resolve and reject functions, FulfillPromise, RejectPromise,
 * TriggerPromiseReactions, PerformPromiseThen, NewPromiseReactionJob,
 * NewPromiseResolveThenableJob, PromiseResolve, HostPromiseRejectionTracker, IsPromise.
 * The spec records are typed structs: PromiseCapability, PromiseReaction,
 * ResolvingFunctions. builtins/promise.c builds the Promise constructor and its methods
 * on top of this module; async.c builds Await.
 *
 * A promise is an Obj of kind OBJ_PROMISE whose u.host.data is a PromiseData (state,
 * [[PromiseIsHandled]], the two reaction lists, its trace id) and whose u.host.slots[0]
 * is [[PromiseResult]]. Reactions are held by value in the promise, then copied into
 * the Job that runs them; the promise's mark function marks every value they hold.
 *
 * Every observable step is a trace event (trace.h): `promise` when a promise is created
 * (with the origin its creator announced to NewPromiseCapability), `then` for each
 * PerformPromiseThen, `resolve` when a promise is locked in to a thenable, fulfilled or
 * rejected, `enqueue` for each job. The spec mode is a branch inside the promise resolve
 * functions: `fast-adoption` calls a thenable's then at once instead of enqueuing a
 * PromiseResolveThenableJob (tc39/proposal-faster-promise-adoption).
 *
 * GC: a PromiseCapability held in a C local across an allocation must be rooted
 * (promise_capability_root). Functions returning Value give VAL_EXCEPTION on a throw;
 * those returning bool give false with the exception pending. */
#ifndef TICKSCOPE_PROMISE_H
#define TICKSCOPE_PROMISE_H

#include <stdbool.h>
#include <stdint.h>

#include "formats/trace_event.h"
#include "tracer/object.h"
#include "tracer/trace.h"
#include "tracer/value.h"

typedef struct Job Job; /* jobs.h */

/* [[PromiseState]] */
typedef enum { PROMISE_PENDING = 0, PROMISE_FULFILLED, PROMISE_REJECTED } PromiseState;

/* PromiseCapability Record (#sec-promisecapability-records). A capability that the spec
 * writes as *undefined* (PerformPromiseThen without a result capability) has all three
 * fields undefined. */
typedef struct {
    Value promise; /* [[Promise]] */
    Value resolve; /* [[Resolve]] */
    Value reject;  /* [[Reject]] */
} PromiseCapability;

/* The Record { [[Resolve]], [[Reject]] } of CreateResolvingFunctions. */
typedef struct {
    Value resolve;
    Value reject;
} ResolvingFunctions;

/* [[Type]] of a PromiseReaction */
typedef enum { REACTION_FULFILL = 0, REACTION_REJECT } PromiseReactionType;

/* PromiseReaction Record (#sec-promisereaction-records), plus what the trace needs. */
typedef struct {
    PromiseCapability capability; /* [[Capability]] (all undefined: undefined) */
    PromiseReactionType type;      /* [[Type]] */
    Value handler;                 /* [[Handler]]: the JobCallback's [[Callback]], or
                                      VAL_EMPTY for empty */
    /* trace */
    uint64_t id;                   /* reaction id, shared by the fulfill/reject pair */
    uint64_t promise;              /* id of the promise it is registered on */
    uint64_t activation;           /* the activation an await reaction resumes, or 0 */
    TrcLoc handler_loc;            /* where the handler is defined (await: the await) */
    const char *step;              /* a built-in handler's spec name, or NULL */
    TfEnumValue reason;            /* TFV_REASON_REACTION or _AWAIT */
} PromiseReaction;

/* The native state of a promise object (u.host.data). */
typedef struct {
    PromiseState state;          /* [[PromiseState]] */
    bool is_handled;             /* [[PromiseIsHandled]] */
    bool locked;                 /* a `resolve: locked` event was written (trace only) */
    uint64_t id;                 /* trace promise id */
    PromiseReaction *fulfill;    /* [[PromiseFulfillReactions]] */
    uint32_t nfulfill, cap_fulfill;
    PromiseReaction *reject;     /* [[PromiseRejectReactions]] */
    uint32_t nreject, cap_reject;
} PromiseData;

/* Extra trace information for PerformPromiseThen when the handlers are built-in steps
 * that stand for something else (Await's closures stand for the await expression). */
typedef struct {
    uint64_t activation;          /* the activation the reaction resumes */
    TrcLoc at;                    /* the handler location to report (the await) */
    const char *step_fulfilled;   /* "Await fulfilled" */
    const char *step_rejected;    /* "Await rejected" */
    TfEnumValue reason;           /* TFV_REASON_AWAIT */
} PromiseThenTrace;

/* HostPromiseRejectionTracker's operation argument. */
typedef enum { REJECTION_REJECT = 0, REJECTION_HANDLE } RejectionOperation;

/* ---- promise objects ----------------------------------------------------------------- */

/* IsPromise (#sec-ispromise): an object with a [[PromiseState]] slot. */
bool IsPromise(Value x);
static inline PromiseData *promise_data(const Obj *p) {
    return (PromiseData *)p->u.host.data;
}
static inline PromiseState promise_state(const Obj *p) {
    return promise_data(p)->state;
}
/* [[PromiseResult]] (undefined while pending). */
static inline Value promise_result(const Obj *p) {
    return p->u.host.slots[0];
}
static inline uint64_t promise_id(const Obj *p) {
    return promise_data(p)->id;
}
/* The trace id of v when it is a promise, else 0. */
uint64_t promise_id_of(Value v);

/* The Promise constructor's steps 3-7 (#sec-promise-executor): a pending promise made by
 * OrdinaryCreateFromConstructor(newTarget, "%Promise.prototype%"), with its `promise`
 * event (origin: the hint NewPromiseCapability left for new_target, else constructor).
 * NULL on a throw (a "prototype" getter). */
Obj *promise_create(Vm *vm, Value new_target);

/* ---- abstract operations --------------------------------------------------------- */

/* NewPromiseCapability(C) (#sec-newpromisecapability). On success the three values are in
 * *out (root them before allocating); false on a throw. */
bool NewPromiseCapability(Vm *vm, Value C, PromiseCapability *out) WARN_UNUSED;
/* The same, announcing to the trace what the new promise is for (origin TFV_ORIGIN_*:
 * then, resolve, async, await, combinator...). */
bool promise_capability_new(Vm *vm, Value C, TfEnumValue origin,
                            PromiseCapability *out) WARN_UNUSED;
/* Pushes / pops the three fields of *cap on the GC root stack. */
void promise_capability_root(Vm *vm, PromiseCapability *cap);
static inline void promise_capability_unroot(Vm *vm) {
    gc_root_pop(vm, 3);
}
/* A capability that the spec writes as undefined. */
static inline PromiseCapability promise_capability_none(void) {
    PromiseCapability c = {VAL_UNDEFINED, VAL_UNDEFINED, VAL_UNDEFINED};
    return c;
}

/* CreateResolvingFunctions(promise) (#sec-createresolvingfunctions). Never throws. */
ResolvingFunctions CreateResolvingFunctions(Vm *vm, Obj *promise);

/* FulfillPromise / RejectPromise (#sec-fulfillpromise, #sec-rejectpromise): promise must be
 * pending. Never throw. */
void FulfillPromise(Vm *vm, Obj *promise, Value value);
void RejectPromise(Vm *vm, Obj *promise, Value reason);

/* PerformPromiseThen(promise, onFulfilled, onRejected [, resultCapability])
 * (#sec-performpromisethen). cap NULL: no result capability. Returns the capability's
 * promise, or undefined. Never throws. */
Value PerformPromiseThen(Vm *vm, Obj *promise, Value on_fulfilled, Value on_rejected,
                         const PromiseCapability *cap);
/* The same with trace information for built-in handlers (Await). */
Value promise_perform_then(Vm *vm, Obj *promise, Value on_fulfilled, Value on_rejected,
                           const PromiseCapability *cap, const PromiseThenTrace *tr);

/* PromiseResolve(C, x) (#sec-promise-resolve): x itself when it is a promise whose
 * "constructor" is C, else a new promise of C resolved with x. VAL_EXCEPTION on a throw. */
Value PromiseResolve(Vm *vm, Value C, Value x) WARN_UNUSED;
/* The same, announcing the origin of a new promise to the trace. */
Value promise_resolve_with_origin(Vm *vm, Value C, Value x, TfEnumValue origin) WARN_UNUSED;

/* NewPromiseReactionJob(reaction, argument) (#sec-newpromisereactionjob) and
 * NewPromiseResolveThenableJob(promiseToResolve, thenable, then)
 * (#sec-newpromiseresolvethenablejob): the job records, not yet enqueued. */
Job *NewPromiseReactionJob(Vm *vm, const PromiseReaction *reaction, Value argument);
Job *NewPromiseResolveThenableJob(Vm *vm, Obj *promise_to_resolve, Value thenable, Value then);

/* HostPromiseRejectionTracker(promise, operation) (#sec-host-promise-rejection-tracker):
 * records the operation for the host's unhandled-rejection processing (jobs.h). */
void HostPromiseRejectionTracker(Vm *vm, Obj *promise, RejectionOperation operation);

/* The spec's name of a built-in function created by the promise machinery (a promise
 * resolve function, Await fulfilled, thenFinally, a Promise.all resolve element...), or
 * NULL for any other function. */
const char *promise_step_name(const Obj *fn);

/* ---- support for the built-ins ------------------------------------------------------ */

/* A built-in function with per-function data (CreateBuiltinFunction with internal slots):
 * name "" (anonymous, as the spec's closures are), length, data[0..2]. */
Obj *promise_new_builtin(Vm *vm, NativeFn *fn, int length, Value d0, Value d1, Value d2);
/* builtins/promise.c: the spec names of its built-in closures (thenFinally, catchFinally,
 * Promise.all Resolve Element Functions...), or NULL. */
const char *bi_promise_step_name(const Obj *fn);

#endif
