/* promise.c — ECMA-262 §27.2.1 Promise Abstract Operations and §27.2.2 Promise Jobs,
 * step by step (see promise.h). Each spec algorithm is one C function with its spec name
 * and numbered step comments; the spec mode is a branch inside the promise resolve
 * functions (fast-adoption). */
#include "tracer/promise.h"

#include <stdlib.h>
#include <string.h>

#include "tracer/async.h"
#include "tracer/function.h"
#include "tracer/jobs.h"
#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/vm.h"

/* ==== promise objects =================================================================== */

static void promise_mark(Vm *vm, Obj *o);
static void promise_finalize(Vm *vm, Obj *o);

static const ObjClass promise_class = {
    .name = "Promise", .mark = promise_mark, .finalize = promise_finalize};

static void mark_reaction(Vm *vm, const PromiseReaction *r) {
    gc_mark_value(vm, r->capability.promise);
    gc_mark_value(vm, r->capability.resolve);
    gc_mark_value(vm, r->capability.reject);
    gc_mark_value(vm, r->handler);
    gc_mark(vm, (void *)r->handler_loc.file);
}

static void promise_mark(Vm *vm, Obj *o) {
    PromiseData *d = promise_data(o);
    if (!d)
        return;
    for (uint32_t i = 0; i < d->nfulfill; i++)
        mark_reaction(vm, &d->fulfill[i]);
    for (uint32_t i = 0; i < d->nreject; i++)
        mark_reaction(vm, &d->reject[i]);
}

static void free_reactions(Vm *vm, PromiseReaction **list, uint32_t *n, uint32_t *cap) {
    gc_account(vm, -(ptrdiff_t)(*cap * sizeof(PromiseReaction)));
    free(*list);
    *list = NULL;
    *n = *cap = 0;
}

static void promise_finalize(Vm *vm, Obj *o) {
    PromiseData *d = promise_data(o);
    if (!d)
        return;
    free_reactions(vm, &d->fulfill, &d->nfulfill, &d->cap_fulfill);
    free_reactions(vm, &d->reject, &d->nreject, &d->cap_reject);
    gc_account(vm, -(ptrdiff_t)sizeof(PromiseData));
    free(d);
    o->u.host.data = NULL;
}

bool IsPromise(Value x) {
    /* ecma262 #sec-ispromise: 1. If x is not an Object, return false. 2. If x does not
     * have a [[PromiseState]] internal slot, return false. 3. Return true. */
    return val_is_object(x) && val_as_obj(x)->kind == OBJ_PROMISE &&
           val_as_obj(x)->u.host.cls == &promise_class;
}

uint64_t promise_id_of(Value v) {
    return IsPromise(v) ? promise_id(val_as_obj(v)) : 0;
}

Obj *promise_create(Vm *vm, Value new_target) {
    JobQueue *q = jobs_of(vm);
    /* ecma262 #sec-promise-executor, step 3: OrdinaryCreateFromConstructor(NewTarget,
     * "%Promise.prototype%", « [[PromiseState]], [[PromiseResult]],
     * [[PromiseFulfillReactions]], [[PromiseRejectReactions]], [[PromiseIsHandled]] ») */
    Obj *p = obj_create_from_constructor(vm, new_target, OBJ_PROMISE,
                                         realm_intrinsic(vm, INTR_PromisePrototype));
    if (!p)
        return NULL;
    PromiseData *d = xcalloc(1, sizeof *d);
    gc_account(vm, (ptrdiff_t)sizeof *d);
    p->u.host.cls = &promise_class;
    p->u.host.data = d;
    /* steps 4-7: [[PromiseState]] pending, empty reaction lists, [[PromiseIsHandled]]
     * false (xcalloc) */
    p->u.host.slots[0] = VAL_UNDEFINED;
    d->state = PROMISE_PENDING;
    d->id = jobs_new_id(vm, TF_SPACE_PROMISE);
    TfEnumValue origin = TFV_ORIGIN_CONSTRUCTOR;
    if (q->origin_ctor && val_is_object(new_target) && val_as_obj(new_target) == q->origin_ctor) {
        origin = q->origin_hint;
        q->origin_ctor = NULL;
    }
    trc_promise(q->trc, d->id, origin);
    return p;
}

/* ==== built-in functions with internal slots ============================================ */

Obj *promise_new_builtin(Vm *vm, NativeFn *fn, int length, Value d0, Value d1, Value d2) {
    gc_root_push(vm, &d0);
    gc_root_push(vm, &d1);
    gc_root_push(vm, &d2);
    Obj *f = fn_new_native(vm, fn, "", length, 0);
    gc_root_pop(vm, 3);
    f->u.native.data[0] = d0;
    f->u.native.data[1] = d1;
    f->u.native.data[2] = d2;
    return f;
}

void promise_capability_root(Vm *vm, PromiseCapability *cap) {
    gc_root_push(vm, &cap->promise);
    gc_root_push(vm, &cap->resolve);
    gc_root_push(vm, &cap->reject);
}

/* A JS exception may be caught by a spec step unless a run limit is unwinding. */
static bool catchable(Vm *vm) {
    return vm->terminated == TERM_NONE;
}

/* ==== CreateResolvingFunctions ========================================================== */

/* The alreadyResolved Record { [[Value]] } shared by a resolve function and its reject
 * function is represented by the pair itself: data[1] of each names the other, and
 * data[2] of both holds [[Value]] (true/false), always set on both at once. */
static bool already_resolved(const Obj *f) {
    return f->u.native.data[2] == VAL_TRUE;
}
static void set_already_resolved(Obj *f) {
    f->u.native.data[2] = VAL_TRUE;
    if (val_is_object(f->u.native.data[1]))
        val_as_obj(f->u.native.data[1])->u.native.data[2] = VAL_TRUE;
}

static Value resolve_promise_with(Vm *vm, Obj *promise, Value resolution);

/* Promise Resolve Functions (#sec-promise-resolve-functions); data[0] = [[Promise]]. */
static NATIVE(promise_resolve_function) {
    Value resolution = ARG(0);
    /* 1. Let F be the active function object. */
    Obj *F = ctx->callee;
    /* 2-3. Let promise be F.[[Promise]]. */
    Obj *promise = val_as_obj(F->u.native.data[0]);
    /* 4-5. If alreadyResolved.[[Value]] is true, return undefined. */
    if (already_resolved(F))
        return VAL_UNDEFINED;
    /* 6. Set alreadyResolved.[[Value]] to true. */
    set_already_resolved(F);
    return resolve_promise_with(vm, promise, resolution);
}

/* Steps 7-16 of the promise resolve functions. */
static Value resolve_promise_with(Vm *vm, Obj *promise, Value resolution) {
    JobQueue *q = jobs_of(vm);
    /* 7. If SameValue(resolution, promise) is true, then */
    if (SameValue(resolution, val_obj(promise))) {
        /* a. Let selfResolutionError be a newly created TypeError object. */
        gc_root_push_ptr(vm, &promise);
        ObjString *msg = str_new_cstr(vm, "Chaining cycle detected for promise #<Promise>");
        Obj *err = vm_new_error(vm, realm_intrinsic(vm, INTR_TypeErrorPrototype), msg);
        gc_root_pop(vm, 1);
        /* b. Perform RejectPromise(promise, selfResolutionError). c. Return undefined. */
        RejectPromise(vm, promise, val_obj(err));
        return VAL_UNDEFINED;
    }
    /* 8. If resolution is not an Object, then a. Perform FulfillPromise(promise,
     * resolution). b. Return undefined. */
    if (!val_is_object(resolution)) {
        FulfillPromise(vm, promise, resolution);
        return VAL_UNDEFINED;
    }
    /* 9. Let then be Completion(Get(resolution, "then")). Read once: a getter runs once. */
    gc_root_push_ptr(vm, &promise);
    gc_root_push(vm, &resolution);
    Value then = val_get(vm, resolution, ATOM_then);
    Value result = VAL_UNDEFINED;
    if (then == VAL_EXCEPTION) {
        /* 10. If then is an abrupt completion, then a. Perform RejectPromise(promise,
         * then.[[Value]]). b. Return undefined. */
        if (!catchable(vm)) {
            result = VAL_EXCEPTION;
        } else {
            Value reason = vm_take_exception(vm);
            RejectPromise(vm, promise, reason);
        }
    } else if (!IsCallable(then)) {
        /* 11. Let thenAction be then.[[Value]]. 12. If IsCallable(thenAction) is false,
         * then a. Perform FulfillPromise(promise, resolution). b. Return undefined. */
        FulfillPromise(vm, promise, resolution);
    } else {
        /* The promise is now locked in to the thenable (still pending). */
        PromiseData *d = promise_data(promise);
        if (!d->locked) {
            d->locked = true;
            trc_resolve(q->trc, d->id, TFV_OUTCOME_LOCKED, promise_id_of(resolution),
                        resolution);
        }
        if (q->spec == SPEC_FAST_ADOPTION) {
            /* tc39/proposal-faster-promise-adoption (Stage 1), spec.emu, Promise Resolve
             * Functions steps 13-15, which replace the job below:
             * 13. Let resolvingFunctions be CreateResolvingFunctions(promise).
             * 14. Let thenCallResult be Completion(Call(thenAction, resolution,
             *     « resolvingFunctions.[[Resolve]], resolvingFunctions.[[Reject]] »)).
             * 15. If thenCallResult is an abrupt completion, then
             *     a. Perform ! Call(resolvingFunctions.[[Reject]], undefined,
             *        « thenCallResult.[[Value]] »).
             * (The proposal's text calls `_then_`, the completion; it means thenAction.) */
            gc_root_push(vm, &then);
            ResolvingFunctions rf = CreateResolvingFunctions(vm, promise);
            gc_root_push(vm, &rf.resolve);
            gc_root_push(vm, &rf.reject);
            Value args[2] = {rf.resolve, rf.reject};
            Value r = vm_call(vm, then, resolution, 2, args);
            if (r == VAL_EXCEPTION) {
                if (!catchable(vm)) {
                    result = VAL_EXCEPTION;
                } else {
                    Value reason = vm_take_exception(vm);
                    if (vm_call(vm, rf.reject, VAL_UNDEFINED, 1, &reason) == VAL_EXCEPTION)
                        result = VAL_EXCEPTION;
                }
            }
            gc_root_pop(vm, 3);
        } else {
            /* 13. Let thenJobCallback be HostMakeJobCallback(thenAction).
             * 14. Let job be NewPromiseResolveThenableJob(promise, resolution,
             *     thenJobCallback).
             * 15. Perform HostEnqueuePromiseJob(job.[[Job]], job.[[Realm]]). */
            Job *job = NewPromiseResolveThenableJob(vm, promise, resolution, then);
            HostEnqueuePromiseJob(vm, job, job->realm);
        }
    }
    gc_root_pop(vm, 2);
    /* 16. Return undefined. */
    return result;
}

/* Promise Reject Functions (#sec-promise-reject-functions); data[0] = [[Promise]]. */
static NATIVE(promise_reject_function) {
    Value reason = ARG(0);
    /* 1-3. Let F be the active function object; let promise be F.[[Promise]]. */
    Obj *F = ctx->callee;
    Obj *promise = val_as_obj(F->u.native.data[0]);
    /* 4-5. If alreadyResolved.[[Value]] is true, return undefined. */
    if (already_resolved(F))
        return VAL_UNDEFINED;
    /* 6. Set alreadyResolved.[[Value]] to true. */
    set_already_resolved(F);
    /* 7. Perform RejectPromise(promise, reason). 8. Return undefined. */
    RejectPromise(vm, promise, reason);
    return VAL_UNDEFINED;
}

ResolvingFunctions CreateResolvingFunctions(Vm *vm, Obj *promise) {
    /* ecma262 #sec-createresolvingfunctions
     * 1. Let alreadyResolved be the Record { [[Value]]: false }.
     * 2-6. Let resolve be CreateBuiltinFunction(stepsResolve, 1, "", « [[Promise]],
     *      [[AlreadyResolved]] »); set resolve.[[Promise]] to promise. */
    Obj *resolve =
        promise_new_builtin(vm, promise_resolve_function, 1, val_obj(promise), VAL_UNDEFINED,
                            VAL_FALSE);
    gc_root_push_ptr(vm, &resolve);
    /* 7-11. Let reject be CreateBuiltinFunction(stepsReject, 1, "", ...); set
     * reject.[[Promise]] to promise and both [[AlreadyResolved]] to alreadyResolved. */
    Obj *reject = promise_new_builtin(vm, promise_reject_function, 1, val_obj(promise),
                                      val_obj(resolve), VAL_FALSE);
    gc_root_pop(vm, 1);
    resolve->u.native.data[1] = val_obj(reject);
    /* 12. Return the Record { [[Resolve]]: resolve, [[Reject]]: reject }. */
    ResolvingFunctions rf = {val_obj(resolve), val_obj(reject)};
    return rf;
}

/* ==== settling ========================================================================== */

static void TriggerPromiseReactions(Vm *vm, PromiseReaction *reactions, uint32_t n,
                                    Value argument);

/* Moves a reaction list out of the promise (the spec's "Set ... to undefined"). */
static PromiseReaction *take_reactions(Vm *vm, PromiseReaction **list, uint32_t *n,
                                       uint32_t *cap, uint32_t *out_n) {
    PromiseReaction *r = *list;
    *out_n = *n;
    gc_account(vm, -(ptrdiff_t)(*cap * sizeof(PromiseReaction)));
    *list = NULL;
    *n = *cap = 0;
    return r;
}

void FulfillPromise(Vm *vm, Obj *promise, Value value) {
    PromiseData *d = promise_data(promise);
    /* ecma262 #sec-fulfillpromise
     * 1. Assert: The value of promise.[[PromiseState]] is pending. */
    if (NEVER(d->state != PROMISE_PENDING))
        return;
    /* 2. Let reactions be promise.[[PromiseFulfillReactions]]. */
    uint32_t n, nrej;
    PromiseReaction *reactions = take_reactions(vm, &d->fulfill, &d->nfulfill, &d->cap_fulfill, &n);
    /* 3. Set promise.[[PromiseResult]] to value.
     * 4. Set promise.[[PromiseFulfillReactions]] to undefined.
     * 5. Set promise.[[PromiseRejectReactions]] to undefined.
     * 6. Set promise.[[PromiseState]] to fulfilled. */
    promise->u.host.slots[0] = value;
    free(take_reactions(vm, &d->reject, &d->nreject, &d->cap_reject, &nrej));
    d->state = PROMISE_FULFILLED;
    trc_resolve(jobs_tracer(vm), d->id, TFV_OUTCOME_FULFILLED, 0, value);
    /* 7. Perform TriggerPromiseReactions(reactions, value). */
    TriggerPromiseReactions(vm, reactions, n, value);
    free(reactions);
}

void RejectPromise(Vm *vm, Obj *promise, Value reason) {
    PromiseData *d = promise_data(promise);
    /* ecma262 #sec-rejectpromise
     * 1. Assert: The value of promise.[[PromiseState]] is pending. */
    if (NEVER(d->state != PROMISE_PENDING))
        return;
    /* 2. Let reactions be promise.[[PromiseRejectReactions]]. */
    uint32_t n, nful;
    PromiseReaction *reactions = take_reactions(vm, &d->reject, &d->nreject, &d->cap_reject, &n);
    /* 3-6. Set [[PromiseResult]] to reason, both lists to undefined, state rejected. */
    promise->u.host.slots[0] = reason;
    free(take_reactions(vm, &d->fulfill, &d->nfulfill, &d->cap_fulfill, &nful));
    d->state = PROMISE_REJECTED;
    trc_resolve(jobs_tracer(vm), d->id, TFV_OUTCOME_REJECTED, 0, reason);
    /* 7. If promise.[[PromiseIsHandled]] is false, perform
     * HostPromiseRejectionTracker(promise, "reject"). */
    if (!d->is_handled)
        HostPromiseRejectionTracker(vm, promise, REJECTION_REJECT);
    /* 8. Perform TriggerPromiseReactions(reactions, reason). */
    TriggerPromiseReactions(vm, reactions, n, reason);
    free(reactions);
}

/* TriggerPromiseReactions (#sec-triggerpromisereactions). The reactions were moved out
 * of the promise, so nothing marks them: no GC may run until each is in a queued job
 * (creating and enqueuing jobs only mallocs; the inhibit makes that a checked rule). */
static void TriggerPromiseReactions(Vm *vm, PromiseReaction *reactions, uint32_t n,
                                    Value argument) {
    vm->gc.inhibit++;
    /* 1. For each element reaction of reactions, do */
    for (uint32_t i = 0; i < n; i++) {
        /* a. Let job be NewPromiseReactionJob(reaction, argument).
         * b. Perform HostEnqueuePromiseJob(job.[[Job]], job.[[Realm]]). */
        Job *job = NewPromiseReactionJob(vm, &reactions[i], argument);
        HostEnqueuePromiseJob(vm, job, job->realm);
    }
    vm->gc.inhibit--;
    /* 2. Return unused. */
}

/* ==== PerformPromiseThen ================================================================ */

static void append_reaction(Vm *vm, PromiseReaction **list, uint32_t *n, uint32_t *cap,
                            const PromiseReaction *r) {
    if (*n == *cap) {
        uint32_t nc = *cap ? *cap * 2 : 2;
        *list = xrealloc(*list, nc * sizeof(PromiseReaction));
        gc_account(vm, (ptrdiff_t)((nc - *cap) * sizeof(PromiseReaction)));
        *cap = nc;
    }
    (*list)[(*n)++] = *r;
}

Value PerformPromiseThen(Vm *vm, Obj *promise, Value on_fulfilled, Value on_rejected,
                         const PromiseCapability *cap) {
    return promise_perform_then(vm, promise, on_fulfilled, on_rejected, cap, NULL);
}

Value promise_perform_then(Vm *vm, Obj *promise, Value on_fulfilled, Value on_rejected,
                           const PromiseCapability *cap, const PromiseThenTrace *tr) {
    PromiseData *d = promise_data(promise);
    /* ecma262 #sec-performpromisethen
     * 1. Assert: IsPromise(promise) is true.
     * 2. If resultCapability is not present, then set resultCapability to undefined. */
    PromiseCapability result_cap = cap ? *cap : promise_capability_none();
    /* 3-4. If IsCallable(onFulfilled) is false, let onFulfilledJobCallback be empty;
     * else HostMakeJobCallback(onFulfilled). 5-6. The same for onRejected. */
    Value fulfill_cb = IsCallable(on_fulfilled) ? on_fulfilled : VAL_EMPTY;
    Value reject_cb = IsCallable(on_rejected) ? on_rejected : VAL_EMPTY;
    /* 7. Let fulfillReaction be the PromiseReaction Record { [[Capability]]:
     *    resultCapability, [[Type]]: fulfill, [[Handler]]: onFulfilledJobCallback }.
     * 8. Let rejectReaction be ... [[Type]]: reject, [[Handler]]: onRejectedJobCallback. */
    PromiseReaction fulfill_reaction = {
        .capability = result_cap,
        .type = REACTION_FULFILL,
        .handler = fulfill_cb,
        .id = jobs_new_id(vm, TF_SPACE_REACTION),
        .promise = d->id,
        .reason = TFV_REASON_REACTION,
    };
    PromiseReaction reject_reaction = fulfill_reaction;
    reject_reaction.type = REACTION_REJECT;
    reject_reaction.handler = reject_cb;
    if (tr) {
        fulfill_reaction.activation = reject_reaction.activation = tr->activation;
        fulfill_reaction.handler_loc = reject_reaction.handler_loc = tr->at;
        fulfill_reaction.step = tr->step_fulfilled;
        reject_reaction.step = tr->step_rejected;
        fulfill_reaction.reason = reject_reaction.reason = tr->reason;
    }
    static const TfEnumValue state_tfv[] = {TFV_PROMISE_STATE_PENDING,
                                            TFV_PROMISE_STATE_FULFILLED,
                                            TFV_PROMISE_STATE_REJECTED};
    trc_then(jobs_tracer(vm), d->id, fulfill_reaction.id, promise_id_of(result_cap.promise),
             state_tfv[d->state], on_fulfilled, on_rejected, tr ? tr->step_fulfilled : NULL,
             tr ? tr->activation : 0);
    switch (d->state) {
    case PROMISE_PENDING:
        /* 9. If promise.[[PromiseState]] is pending, then a. Append fulfillReaction to
         * promise.[[PromiseFulfillReactions]]. b. Append rejectReaction to
         * promise.[[PromiseRejectReactions]]. */
        append_reaction(vm, &d->fulfill, &d->nfulfill, &d->cap_fulfill, &fulfill_reaction);
        append_reaction(vm, &d->reject, &d->nreject, &d->cap_reject, &reject_reaction);
        break;
    case PROMISE_FULFILLED: {
        /* 10. Else if promise.[[PromiseState]] is fulfilled, then
         * a. Let value be promise.[[PromiseResult]].
         * b. Let fulfillJob be NewPromiseReactionJob(fulfillReaction, value).
         * c. Perform HostEnqueuePromiseJob(fulfillJob.[[Job]], fulfillJob.[[Realm]]). */
        Job *job = NewPromiseReactionJob(vm, &fulfill_reaction, promise_result(promise));
        HostEnqueuePromiseJob(vm, job, job->realm);
        break;
    }
    case PROMISE_REJECTED: {
        /* 11. Else, a. Assert: The value of promise.[[PromiseState]] is rejected.
         * b. Let reason be promise.[[PromiseResult]].
         * c. If promise.[[PromiseIsHandled]] is false, perform
         *    HostPromiseRejectionTracker(promise, "handle").
         * d. Let rejectJob be NewPromiseReactionJob(rejectReaction, reason).
         * e. Perform HostEnqueuePromiseJob(rejectJob.[[Job]], rejectJob.[[Realm]]). */
        if (!d->is_handled)
            HostPromiseRejectionTracker(vm, promise, REJECTION_HANDLE);
        Job *job = NewPromiseReactionJob(vm, &reject_reaction, promise_result(promise));
        HostEnqueuePromiseJob(vm, job, job->realm);
        break;
    }
    }
    /* 12. Set promise.[[PromiseIsHandled]] to true. */
    d->is_handled = true;
    /* 13. If resultCapability is undefined, return undefined.
     * 14. Else, return resultCapability.[[Promise]]. */
    return result_cap.promise;
}

/* ==== NewPromiseCapability ============================================================== */

/* GetCapabilitiesExecutor Functions (the executorClosure of NewPromiseCapability, step 4):
 * data[0], data[1] = resolvingFunctions.[[Resolve]], [[Reject]]. */
static NATIVE(get_capabilities_executor) {
    Obj *F = ctx->callee;
    /* a. If resolvingFunctions.[[Resolve]] is not undefined, throw a TypeError exception.
     * b. If resolvingFunctions.[[Reject]] is not undefined, throw a TypeError exception. */
    if (!val_is_undefined(F->u.native.data[0]) || !val_is_undefined(F->u.native.data[1]))
        return vm_throw_type_error(
            vm, "Promise executor has already been invoked with non-undefined arguments");
    /* c. Set resolvingFunctions.[[Resolve]] to resolve.
     * d. Set resolvingFunctions.[[Reject]] to reject. e. Return undefined. */
    F->u.native.data[0] = ARG(0);
    F->u.native.data[1] = ARG(1);
    return VAL_UNDEFINED;
}

bool promise_capability_new(Vm *vm, Value C, TfEnumValue origin, PromiseCapability *out) {
    JobQueue *q = jobs_of(vm);
    /* ecma262 #sec-newpromisecapability
     * 1. If IsConstructor(C) is false, throw a TypeError exception. */
    if (!IsConstructor(C)) {
        StrBuf sb;
        strbuf_init(&sb);
        vm_describe_value(vm, C, &sb);
        vm_throw_type_error(vm, "%s is not a constructor", sb.data);
        strbuf_fini(&sb);
        return false;
    }
    /* 2. NOTE: C is assumed to be a constructor function that supports the parameter
     *    conventions of the Promise constructor.
     * 3. Let resolvingFunctions be the Record { [[Resolve]]: undefined, [[Reject]]:
     *    undefined }.
     * 4-5. Let executor be CreateBuiltinFunction(executorClosure, 2, "", « »). */
    gc_root_push(vm, &C);
    Obj *executor = promise_new_builtin(vm, get_capabilities_executor, 2, VAL_UNDEFINED,
                                        VAL_UNDEFINED, VAL_UNDEFINED);
    gc_root_push_ptr(vm, &executor);
    /* 6. Let promise be ? Construct(C, « executor »). */
    q->origin_hint = origin;
    q->origin_ctor = val_as_obj(C);
    Value ev = val_obj(executor);
    Value promise = vm_construct(vm, C, 1, &ev, C);
    q->origin_ctor = NULL;
    gc_root_pop(vm, 2);
    if (promise == VAL_EXCEPTION)
        return false;
    Value resolve = executor->u.native.data[0], reject = executor->u.native.data[1];
    /* 7. If IsCallable(resolvingFunctions.[[Resolve]]) is false, throw a TypeError
     *    exception. 8. If IsCallable(resolvingFunctions.[[Reject]]) is false, throw a
     *    TypeError exception. */
    if (!IsCallable(resolve) || !IsCallable(reject)) {
        vm_throw_type_error(vm, "Promise resolve or reject function is not callable");
        return false;
    }
    /* 9. Return the PromiseCapability Record { [[Promise]]: promise, [[Resolve]]:
     *    resolvingFunctions.[[Resolve]], [[Reject]]: resolvingFunctions.[[Reject]] }. */
    out->promise = promise;
    out->resolve = resolve;
    out->reject = reject;
    return true;
}

bool NewPromiseCapability(Vm *vm, Value C, PromiseCapability *out) {
    return promise_capability_new(vm, C, TFV_ORIGIN_CONSTRUCTOR, out);
}

/* ==== PromiseResolve ==================================================================== */

Value promise_resolve_with_origin(Vm *vm, Value C, Value x, TfEnumValue origin) {
    /* ecma262 #sec-promise-resolve
     * 1. If IsPromise(x) is true, then */
    if (IsPromise(x)) {
        /* a. Let xConstructor be ? Get(x, "constructor").
         * b. If SameValue(xConstructor, C) is true, return x. */
        gc_root_push(vm, &C);
        gc_root_push(vm, &x);
        Value xc = val_get(vm, x, ATOM_constructor);
        gc_root_pop(vm, 2);
        if (xc == VAL_EXCEPTION)
            return VAL_EXCEPTION;
        if (SameValue(xc, C))
            return x;
    }
    /* 2. Let promiseCapability be ? NewPromiseCapability(C). */
    gc_root_push(vm, &x);
    PromiseCapability cap;
    bool ok = promise_capability_new(vm, C, origin, &cap);
    gc_root_pop(vm, 1);
    if (!ok)
        return VAL_EXCEPTION;
    /* 3. Perform ? Call(promiseCapability.[[Resolve]], undefined, « x »). */
    promise_capability_root(vm, &cap);
    gc_root_push(vm, &x);
    Value r = vm_call(vm, cap.resolve, VAL_UNDEFINED, 1, &x);
    gc_root_pop(vm, 1);
    promise_capability_unroot(vm);
    if (r == VAL_EXCEPTION)
        return VAL_EXCEPTION;
    /* 4. Return promiseCapability.[[Promise]]. */
    return cap.promise;
}

Value PromiseResolve(Vm *vm, Value C, Value x) {
    return promise_resolve_with_origin(vm, C, x, TFV_ORIGIN_RESOLVE);
}

/* ==== Promise Jobs ====================================================================== */

/* The Job Abstract Closure of NewPromiseReactionJob (#sec-newpromisereactionjob, step 1).
 * The record stays the running job until it returns, so its values are marked. */
static Value promise_reaction_job(Vm *vm, Job *job) {
    /* a. Let promiseCapability be reaction.[[Capability]].
     * b. Let type be reaction.[[Type]].
     * c. Let handler be reaction.[[Handler]]. */
    const PromiseReaction *reaction = &job->reaction_rec;
    const PromiseCapability *promise_capability = &reaction->capability;
    Value handler_result;
    bool abrupt;
    if (reaction->handler == VAL_EMPTY) {
        /* d. If handler is empty, then i. If type is fulfill, let handlerResult be
         * NormalCompletion(argument). ii. Else, let handlerResult be
         * ThrowCompletion(argument). */
        handler_result = job->argument;
        abrupt = reaction->type == REACTION_REJECT;
    } else {
        /* e. Else, let handlerResult be Completion(HostCallJobCallback(handler,
         * undefined, « argument »)). */
        Value r = vm_call(vm, reaction->handler, VAL_UNDEFINED, 1, &job->argument);
        if (r == VAL_EXCEPTION) {
            if (!catchable(vm))
                return VAL_EXCEPTION;
            handler_result = vm_take_exception(vm);
            abrupt = true;
        } else {
            handler_result = r;
            abrupt = false;
        }
    }
    /* f. If promiseCapability is undefined, then i. Assert: handlerResult is not an
     * abrupt completion. ii. Return empty. */
    if (val_is_undefined(promise_capability->promise)) {
        (void)NEVER(abrupt);
        return VAL_UNDEFINED;
    }
    /* g. Assert: promiseCapability is a PromiseCapability Record.
     * h. If handlerResult is an abrupt completion, then i. Return ? Call(
     *    promiseCapability.[[Reject]], undefined, « handlerResult.[[Value]] »).
     * i. Else, i. Return ? Call(promiseCapability.[[Resolve]], undefined,
     *    « handlerResult.[[Value]] »). */
    gc_root_push(vm, &handler_result);
    Value fn = abrupt ? promise_capability->reject : promise_capability->resolve;
    Value r = vm_call(vm, fn, VAL_UNDEFINED, 1, &handler_result);
    gc_root_pop(vm, 1);
    return r;
}

Job *NewPromiseReactionJob(Vm *vm, const PromiseReaction *reaction, Value argument) {
    /* ecma262 #sec-newpromisereactionjob
     * 1. Let job be a new Job Abstract Closure ... that captures reaction and argument. */
    Job *job = job_new(vm, JOB_PROMISE_REACTION, promise_reaction_job);
    job->reaction_rec = *reaction;
    job->argument = argument;
    job->reason = reaction->reason;
    job->promise = reaction->promise;
    job->reaction = reaction->id;
    job->activation = reaction->activation;
    job->handler = reaction->handler == VAL_EMPTY ? VAL_UNDEFINED : reaction->handler;
    job->handler_loc = reaction->handler_loc;
    job->step = reaction->step;
    /* 2. Let handlerRealm be null. 3. If reaction.[[Handler]] is not empty, then
     * a. Let getHandlerRealmResult be Completion(GetFunctionRealm(handler)). b. If it is
     * a normal completion, set handlerRealm to its value. c. Else, set handlerRealm to the
     * current Realm Record. (One realm per run: the handler's realm is vm->realm.)
     * 4. Return the Record { [[Job]]: job, [[Realm]]: handlerRealm }. */
    job->realm = reaction->handler == VAL_EMPTY ? NULL : vm->realm;
    return job;
}

/* The Job Abstract Closure of NewPromiseResolveThenableJob
 * (#sec-newpromiseresolvethenablejob, step 1). */
static Value promise_resolve_thenable_job(Vm *vm, Job *job) {
    /* a. Let resolvingFunctions be CreateResolvingFunctions(promiseToResolve). */
    ResolvingFunctions rf = CreateResolvingFunctions(vm, val_as_obj(job->promise_to_resolve));
    gc_root_push(vm, &rf.resolve);
    gc_root_push(vm, &rf.reject);
    /* b. Let thenCallResult be Completion(HostCallJobCallback(then, thenable,
     *    « resolvingFunctions.[[Resolve]], resolvingFunctions.[[Reject]] »)). */
    Value args[2] = {rf.resolve, rf.reject};
    Value r = vm_call(vm, job->handler, job->thenable_val, 2, args);
    /* c. If thenCallResult is an abrupt completion, then i. Return ? Call(
     *    resolvingFunctions.[[Reject]], undefined, « thenCallResult.[[Value]] »).
     * d. Return ? thenCallResult. */
    if (r == VAL_EXCEPTION && catchable(vm)) {
        Value reason = vm_take_exception(vm);
        r = vm_call(vm, rf.reject, VAL_UNDEFINED, 1, &reason);
    }
    gc_root_pop(vm, 2);
    return r;
}

Job *NewPromiseResolveThenableJob(Vm *vm, Obj *promise_to_resolve, Value thenable, Value then) {
    /* ecma262 #sec-newpromiseresolvethenablejob
     * 1. Let job be a new Job Abstract Closure ... that captures promiseToResolve,
     *    thenable, and then. */
    Job *job = job_new(vm, JOB_PROMISE_RESOLVE_THENABLE, promise_resolve_thenable_job);
    job->promise_to_resolve = val_obj(promise_to_resolve);
    job->thenable_val = thenable;
    job->handler = then;
    job->promise = promise_id(promise_to_resolve);
    job->thenable = promise_id_of(thenable);
    /* 2. Let getThenRealmResult be Completion(GetFunctionRealm(then.[[Callback]])).
     * 3-4. thenRealm: its value, or the current Realm Record. (One realm per run.)
     * 5. NOTE: thenRealm is never null...
     * 6. Return the Record { [[Job]]: job, [[Realm]]: thenRealm }. */
    job->realm = vm->realm;
    return job;
}

/* ==== HostPromiseRejectionTracker ======================================================= */

static void rejection_push(RejectionList *l, Value promise, uint64_t id) {
    if (l->len == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 8;
        l->v = xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->len].promise = promise;
    l->v[l->len].id = id;
    l->len++;
}

static bool rejection_remove(RejectionList *l, const Obj *promise) {
    for (size_t i = 0; i < l->len; i++) {
        if (val_is_object(l->v[i].promise) && val_as_obj(l->v[i].promise) == promise) {
            memmove(&l->v[i], &l->v[i + 1], (l->len - i - 1) * sizeof *l->v);
            l->len--;
            return true;
        }
    }
    return false;
}

void HostPromiseRejectionTracker(Vm *vm, Obj *promise, RejectionOperation operation) {
    /* ecma262 #sec-host-promise-rejection-tracker: the host keeps what node keeps
     * (lib/internal/process/promises.js): "reject" — a promise rejected with no handler
     * becomes a candidate unhandled rejection; "handle" — a handler was added: the
     * candidate is dropped, or, when the host already reported it, the host is told
     * (node's 'rejectionhandled'). The host processes the candidates after draining the
     * microtasks (jobs_next_unhandled_rejection). */
    JobQueue *q = jobs_of(vm);
    if (operation == REJECTION_REJECT) {
        rejection_push(&q->unhandled, val_obj(promise), promise_id(promise));
    } else if (!rejection_remove(&q->unhandled, promise) &&
               rejection_remove(&q->reported, promise)) {
        rejection_push(&q->handled_late, val_obj(promise), promise_id(promise));
    }
}

/* ==== step names ======================================================================== */

const char *promise_step_name(const Obj *fn) {
    if (!fn || fn->kind != OBJ_NATIVE_FUNCTION)
        return NULL;
    NativeFn *f = fn->u.native.fn;
    if (f == promise_resolve_function)
        return "Promise Resolve Function";
    if (f == promise_reject_function)
        return "Promise Reject Function";
    if (f == get_capabilities_executor)
        return "GetCapabilitiesExecutor";
    const char *s = async_step_name(fn);
    if (s)
        return s;
    return bi_promise_step_name(fn);
}
