/* asyncgen.c — AsyncGenerator abstract operations and async-from-sync iterators (see
 * asyncgen.h). Sections: the request queue, the generator's life (start, completion,
 * resume, yield, draining), async-from-sync iterators, GetIterator(async). */
#include "tracer/asyncgen.h"

#include <string.h>

#include "tracer/async.h"
#include "tracer/jobs.h"
#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/vm.h"

static bool catchable(Vm *vm) {
    return vm->terminated == TERM_NONE;
}

/* ==== the request queue ================================================================= */

/* Each AsyncGeneratorRequest Record is 5 consecutive elements of the hidden array
 * u.gen.queue: [[Completion]] type and value, [[Capability]] promise, resolve, reject. */
enum { REQ_MODE = 0, REQ_VALUE, REQ_PROMISE, REQ_RESOLVE, REQ_REJECT, REQ_SIZE };

static Obj *queue_of(const Obj *gen) {
    return val_as_obj(gen->u.gen.queue);
}

static uint32_t queue_len(const Obj *gen) {
    return queue_of(gen)->u.array.len / REQ_SIZE;
}

/* The first request's field i (the queue must not be empty). */
static Value queue_first(const Obj *gen, int i) {
    return queue_of(gen)->u.array.elems[i];
}

static void queue_shift(Obj *gen) {
    Obj *q = queue_of(gen);
    uint32_t n = q->u.array.len - REQ_SIZE;
    memmove(q->u.array.elems, q->u.array.elems + REQ_SIZE, n * sizeof(Value));
    q->u.array.len = q->u.array.dense = n;
}

void AsyncGeneratorEnqueue(Vm *vm, Obj *gen, ResumeMode mode, Value value,
                           const PromiseCapability *cap) {
    /* ecma262 #sec-asyncgeneratorenqueue
     * 1. Let request be AsyncGeneratorRequest { [[Completion]]: completion,
     *    [[Capability]]: promiseCapability }.
     * 2. Append request to generator.[[AsyncGeneratorQueue]]. */
    Value rec[REQ_SIZE] = {val_number(mode), value, cap->promise, cap->resolve, cap->reject};
    Obj *q = queue_of(gen);
    gc_root_push_ptr(vm, &q);
    for (int i = 0; i < REQ_SIZE; i++)
        gc_root_push(vm, &rec[i]);
    for (int i = 0; i < REQ_SIZE; i++)
        if (!obj_array_push(vm, q, rec[i]))
            vm_take_exception(vm); /* only a run limit: the run is over anyway */
    gc_root_pop(vm, REQ_SIZE + 1);
}

/* ==== life of a generator =============================================================== */

Obj *asyncgen_create(Vm *vm, Activation *act, Obj *proto) {
    gc_root_push_ptr(vm, &act);
    gc_root_push_ptr(vm, &proto);
    Obj *q = obj_new_array(vm, 0);
    gc_root_push_ptr(vm, &q);
    Obj *gen = obj_new_kind(vm, OBJ_ASYNC_GENERATOR, proto);
    gen->u.gen.act = act;
    gen->u.gen.queue = val_obj(q);
    /* ecma262 #sec-asyncgeneratorstart: 1. Assert: generator.[[AsyncGeneratorState]] is
     * suspended-start. ... 5. Set generator.[[AsyncGeneratorContext]] to genContext.
     * 6. Set generator.[[AsyncGeneratorQueue]] to a new empty List. */
    gen->u.gen.state = AGEN_SUSPENDED_START;
    act->owner = gen;
    act->state = GEN_SUSPENDED_START;
    gc_root_push_ptr(vm, &gen);
    async_state_attach(vm, act); /* Await's [[AsyncContext]] for the body */
    async_register_activation(vm, act, TFV_ACT_KIND_ASYNC_GENERATOR, 0);
    gc_root_pop(vm, 4);
    return gen;
}

/* AsyncGeneratorCompleteStep(generator, completion, done [, realm])
 * (#sec-asyncgeneratorcompletestep); completion is (mode, value) with mode RESUME_NEXT
 * (normal) or RESUME_THROW. False only while a run limit unwinds. */
static bool AsyncGeneratorCompleteStep(Vm *vm, Obj *gen, ResumeMode mode, Value value,
                                       bool done) {
    /* 1. Assert: generator.[[AsyncGeneratorQueue]] is not empty. */
    if (NEVER(queue_len(gen) == 0))
        return true;
    /* 2. Let next be the first element of generator.[[AsyncGeneratorQueue]].
     * 3. Remove the first element from generator.[[AsyncGeneratorQueue]].
     * 4. Let promiseCapability be next.[[Capability]].
     * 5. Let value be completion.[[Value]]. */
    Value resolve = queue_first(gen, REQ_RESOLVE), reject = queue_first(gen, REQ_REJECT);
    queue_shift(gen);
    gc_root_push(vm, &resolve);
    gc_root_push(vm, &reject);
    gc_root_push(vm, &value);
    Value r;
    if (mode == RESUME_THROW) {
        /* 6. If completion is a throw completion, then
         *    a. Perform ! Call(promiseCapability.[[Reject]], undefined, « value »). */
        r = vm_call(vm, reject, VAL_UNDEFINED, 1, &value);
    } else {
        /* 7. Else, a. Assert: completion is a normal completion.
         *    b-c. Let iteratorResult be CreateIteratorResultObject(value, done) (in realm
         *    when present: one realm here).
         *    d. Perform ! Call(promiseCapability.[[Resolve]], undefined,
         *       « iteratorResult »). */
        Value ir = CreateIterResultObject(vm, value, done);
        gc_root_push(vm, &ir);
        r = vm_call(vm, resolve, VAL_UNDEFINED, 1, &ir);
        gc_root_pop(vm, 1);
    }
    gc_root_pop(vm, 3);
    return r != VAL_EXCEPTION;
}

static bool AsyncGeneratorDrainQueue(Vm *vm, Obj *gen);

bool asyncgen_after_resume(Vm *vm, Obj *gen, Value r, bool done) {
    if (!done)
        return true; /* suspended at an await or a yield */
    /* ecma262 #sec-asyncgeneratorstart step 4, the closure after the body:
     * c. Assert: If we return here, the async generator either threw an exception or
     *    performed either an implicit or explicit return.
     * d. Remove acGenContext from the execution context stack ... (vm_resume did)
     * e. Set acGenerator.[[AsyncGeneratorState]] to draining-queue.
     * f. If result is a normal completion, set result to NormalCompletion(undefined).
     * g. If result is a return completion, set result to NormalCompletion(result.
     *    [[Value]]). (vm_resume gives undefined for a normal completion.) */
    ResumeMode mode = RESUME_NEXT;
    if (r == VAL_EXCEPTION) {
        if (!catchable(vm))
            return false;
        r = vm_take_exception(vm);
        mode = RESUME_THROW;
    }
    gen->u.gen.state = AGEN_DRAINING_QUEUE;
    Activation *act = gen->u.gen.act;
    Tracer *t = jobs_tracer(vm);
    const Frame *saved_at = t->at_frame, *saved_base = t->at_base;
    t->at_frame = &act->frame; /* `at` of the resolve: the return or throw */
    t->at_base = vm->frame;
    gc_root_push_ptr(vm, &gen);
    /* h. Perform AsyncGeneratorCompleteStep(acGenerator, result, true). */
    bool ok = AsyncGeneratorCompleteStep(vm, gen, mode, r, true);
    t->at_frame = saved_at;
    t->at_base = saved_base;
    /* i. Perform AsyncGeneratorDrainQueue(acGenerator). j. Return undefined. */
    ok = ok && AsyncGeneratorDrainQueue(vm, gen);
    gc_root_pop(vm, 1);
    return ok;
}

bool AsyncGeneratorValidate(Vm *vm, Value v, const char *method) {
    /* ecma262 #sec-asyncgeneratorvalidate: 1-3. Perform ? RequireInternalSlot(generator,
     * [[AsyncGeneratorContext]]), ([[AsyncGeneratorState]]), ([[AsyncGeneratorQueue]]).
     * 4. If generator.[[GeneratorBrand]] is not generatorBrand, throw a TypeError. */
    if (val_is_object(v) && val_as_obj(v)->kind == OBJ_ASYNC_GENERATOR)
        return true;
    StrBuf sb;
    strbuf_init(&sb);
    vm_describe_value(vm, v, &sb);
    vm_throw_type_error(vm, "Method [AsyncGenerator].prototype.%s called on incompatible receiver %s",
                        method, sb.data);
    strbuf_fini(&sb);
    return false;
}

bool AsyncGeneratorResume(Vm *vm, Obj *gen, ResumeMode mode, Value value) {
    /* ecma262 #sec-asyncgeneratorresume
     * 1. Assert: generator.[[AsyncGeneratorState]] is either suspended-start or
     *    suspended-yield.
     * 2. Let genContext be generator.[[AsyncGeneratorContext]].
     * 3-4. Let callerContext be the running execution context. Suspend callerContext.
     * 5. Set generator.[[AsyncGeneratorState]] to executing.
     * 6-8. Push genContext; resume it with completion. */
    Activation *act = gen->u.gen.act;
    gen->u.gen.state = AGEN_EXECUTING;
    /* The trace's generators start suspended (formats/SPEC.md, activations): the first
     * next() resumes the body too; the value it passes is not seen by the body (a
     * suspended-start generator is resumed with its completion discarded). */
    bool starting = act->state == GEN_SUSPENDED_START;
    trc_resume(jobs_tracer(vm), async_activation_id(act),
               mode == RESUME_NEXT    ? TFV_RESUME_COMPLETION_NORMAL
               : mode == RESUME_THROW ? TFV_RESUME_COMPLETION_THROW
                                      : TFV_RESUME_COMPLETION_RETURN,
               starting ? VAL_UNDEFINED : value);
    gc_root_push_ptr(vm, &gen);
    bool done;
    Value r = vm_resume(vm, act, mode, value, &done);
    bool ok = asyncgen_after_resume(vm, gen, r, done);
    gc_root_pop(vm, 1);
    /* 9. Assert: result is never an abrupt completion. 10-11. Return unused. */
    return ok;
}

int AsyncGeneratorYield(Vm *vm, Activation *act, Value v, Value *value, int *mode) {
    /* ecma262 #sec-asyncgeneratoryield
     * 1-4. Let genContext be the running execution context; generator its Generator.
     * 5. Let completion be NormalCompletion(value).
     * 6-8. Let previousRealm be the Realm of the execution context below it.
     * 9. Perform AsyncGeneratorCompleteStep(generator, completion, false, previousRealm). */
    Obj *gen = act->owner;
    gc_root_push_ptr(vm, &gen);
    gc_root_push(vm, &v);
    bool ok = AsyncGeneratorCompleteStep(vm, gen, RESUME_NEXT, v, false);
    gc_root_pop(vm, 2);
    if (!ok)
        return -1;
    /* 10. Let queue be generator.[[AsyncGeneratorQueue]].
     * 11. If queue is not empty, then
     *   a. NOTE: Execution continues without suspending the generator.
     *   b. Let toYield be the first element of queue.
     *   c. Let resumptionValue be Completion(toYield.[[Completion]]).
     *   d. Return ? AsyncGeneratorUnwrapYieldResumption(resumptionValue).
     *      (RESUMPTION_AWAIT_RETURN and YIELD_RESUME follow in the bytecode) */
    if (queue_len(gen) > 0) {
        *mode = (int)val_as_number(queue_first(gen, REQ_MODE));
        *value = queue_first(gen, REQ_VALUE);
        return 1;
    }
    /* 12. Else,
     *   a. Set generator.[[AsyncGeneratorState]] to suspended-yield.
     *   b-d. Remove genContext ...; resume callerContext passing undefined. (The VM
     *   suspends act; it is resumed with the completion record.) */
    gen->u.gen.state = AGEN_SUSPENDED_YIELD;
    trc_suspend(jobs_tracer(vm), async_activation_id(act), TFV_SUSPEND_OP_YIELD, 0, v);
    return 0;
}

/* The closures of AsyncGeneratorAwaitReturn: data[0] = the generator; magic 0 fulfilled,
 * 1 rejected. */
static NATIVE(await_return_closure) {
    Obj *gen = val_as_obj(ctx->callee->u.native.data[0]);
    /* fulfilledClosure (value) / rejectedClosure (reason):
     * a. Assert: generator.[[AsyncGeneratorState]] is draining-queue.
     * b. Let result be NormalCompletion(value) / ThrowCompletion(reason).
     * c. Perform AsyncGeneratorCompleteStep(generator, result, true).
     * d. Perform AsyncGeneratorDrainQueue(generator).
     * e. Return undefined. */
    gc_root_push_ptr(vm, &gen);
    bool ok = AsyncGeneratorCompleteStep(
        vm, gen, ctx->callee->u.native.data[1] == VAL_TRUE ? RESUME_THROW : RESUME_NEXT, ARG(0),
        true);
    ok = ok && AsyncGeneratorDrainQueue(vm, gen);
    gc_root_pop(vm, 1);
    return ok ? VAL_UNDEFINED : VAL_EXCEPTION;
}

bool AsyncGeneratorAwaitReturn(Vm *vm, Obj *gen) {
    JobQueue *q = jobs_of(vm);
    Value promise_ctor = val_obj(realm_intrinsic(vm, INTR_Promise));
    /* ecma262 #sec-asyncgeneratorawaitreturn
     * 1. Assert: generator.[[AsyncGeneratorState]] is draining-queue.
     * 2. Let queue be generator.[[AsyncGeneratorQueue]].
     * 3. Assert: queue is not empty.
     * 4. Let next be the first element of queue.
     * 5. Let completion be Completion(next.[[Completion]]).
     * 6. Assert: completion is a return completion. */
    Value value = queue_first(gen, REQ_VALUE);
    Value promise = VAL_UNDEFINED;
    PromiseCapability throwaway = promise_capability_none();
    gc_root_push_ptr(vm, &gen);
    gc_root_push(vm, &value);
    gc_root_push(vm, &promise);
    promise_capability_root(vm, &throwaway);
    bool ok = true;
    if (q->spec >= SPEC_ES2019) {
        /* 7. Let promiseCompletion be Completion(PromiseResolve(%Promise%,
         *    completion.[[Value]])). (PR #1250) */
        promise = promise_resolve_with_origin(vm, promise_ctor, value, TFV_ORIGIN_AWAIT);
        if (promise == VAL_EXCEPTION) {
            /* 8. If promiseCompletion is an abrupt completion, then
             *   a. Perform AsyncGeneratorCompleteStep(generator, promiseCompletion, true).
             *   b. Perform AsyncGeneratorDrainQueue(generator).
             *   c. Return unused. */
            if (!catchable(vm)) {
                ok = false;
                goto out;
            }
            Value e = vm_take_exception(vm);
            ok = AsyncGeneratorCompleteStep(vm, gen, RESUME_THROW, e, true) &&
                 AsyncGeneratorDrainQueue(vm, gen);
            goto out;
        }
    } else {
        /* ES2018 #sec-asyncgeneratorresumenext step 10.b (before PR #1250):
         * ii. Let promiseCapability be ! NewPromiseCapability(%Promise%).
         * iii. Perform ! Call(promiseCapability.[[Resolve]], undefined,
         *      « completion.[[Value]] »). */
        PromiseCapability cap;
        if (!promise_capability_new(vm, promise_ctor, TFV_ORIGIN_AWAIT, &cap)) {
            ok = false;
            goto out;
        }
        promise = cap.promise;
        promise_capability_root(vm, &cap);
        Value r = vm_call(vm, cap.resolve, VAL_UNDEFINED, 1, &value);
        promise_capability_unroot(vm);
        if (r == VAL_EXCEPTION) {
            ok = false;
            goto out;
        }
        /* viii. Let throwawayCapability be ! NewPromiseCapability(%Promise%).
         * ix. Set throwawayCapability.[[Promise]].[[PromiseIsHandled]] to true. */
        if (!promise_capability_new(vm, promise_ctor, TFV_ORIGIN_AWAIT, &throwaway)) {
            ok = false;
            goto out;
        }
        promise_data(val_as_obj(throwaway.promise))->is_handled = true;
    }
    {
        /* 9-10. Let onFulfilled be CreateBuiltinFunction(fulfilledClosure, 1, "", « »).
         * 11-12. Let onRejected be CreateBuiltinFunction(rejectedClosure, 1, "", « »). */
        Obj *on_fulfilled = promise_new_builtin(vm, await_return_closure, 1, val_obj(gen),
                                                VAL_FALSE, VAL_UNDEFINED);
        gc_root_push_ptr(vm, &on_fulfilled);
        Obj *on_rejected = promise_new_builtin(vm, await_return_closure, 1, val_obj(gen),
                                               VAL_TRUE, VAL_UNDEFINED);
        gc_root_push_ptr(vm, &on_rejected);
        PromiseThenTrace tr = {
            .activation = async_activation_id(gen->u.gen.act),
            .at = trc_current_loc(jobs_tracer(vm)),
            .step_fulfilled = "AsyncGeneratorAwaitReturn fulfilled",
            .step_rejected = "AsyncGeneratorAwaitReturn rejected",
            .reason = TFV_REASON_AWAIT,
        };
        /* 13. Perform PerformPromiseThen(promise, onFulfilled, onRejected).
         * (ES2018: x. Perform ! PerformPromiseThen(promiseCapability.[[Promise]],
         *  onFulfilled, onRejected, throwawayCapability).) */
        promise_perform_then(vm, val_as_obj(promise), val_obj(on_fulfilled), val_obj(on_rejected),
                             q->spec >= SPEC_ES2019 ? NULL : &throwaway, &tr);
        gc_root_pop(vm, 2);
    }
out:
    promise_capability_unroot(vm);
    gc_root_pop(vm, 3);
    /* 14. Return unused. */
    return ok;
}

static bool AsyncGeneratorDrainQueue(Vm *vm, Obj *gen) {
    /* ecma262 #sec-asyncgeneratordrainqueue
     * 1. Assert: generator.[[AsyncGeneratorState]] is draining-queue.
     * 2. Let queue be generator.[[AsyncGeneratorQueue]].
     * 3. If queue is empty, then
     *    a. Set generator.[[AsyncGeneratorState]] to completed.
     *    b. Return unused.
     * 4. Let done be false.
     * 5. Repeat, while done is false, */
    gc_root_push_ptr(vm, &gen);
    bool ok = true;
    while (queue_len(gen) > 0) {
        /* a. Let next be the first element of queue.
         * b. Let completion be Completion(next.[[Completion]]). */
        ResumeMode mode = (ResumeMode)(int)val_as_number(queue_first(gen, REQ_MODE));
        if (mode == RESUME_RETURN) {
            /* c. If completion is a return completion, then
             *    i. Perform AsyncGeneratorAwaitReturn(generator).
             *    ii. Set done to true. */
            ok = AsyncGeneratorAwaitReturn(vm, gen);
            gc_root_pop(vm, 1);
            return ok;
        }
        /* d. Else,
         *    i. If completion is a normal completion, then
         *       1. Set completion to NormalCompletion(undefined).
         *    ii. Perform AsyncGeneratorCompleteStep(generator, completion, true).
         *    iii. If queue is empty, then
         *       1. Set generator.[[AsyncGeneratorState]] to completed.
         *       2. Set done to true. */
        Value v = mode == RESUME_THROW ? queue_first(gen, REQ_VALUE) : VAL_UNDEFINED;
        if (!AsyncGeneratorCompleteStep(vm, gen, mode, v, true)) {
            ok = false;
            break;
        }
    }
    if (ok)
        gen->u.gen.state = AGEN_COMPLETED;
    gc_root_pop(vm, 1);
    /* 6. Return unused. */
    return ok;
}

/* ==== async-from-sync iterators ========================================================= */

/* CreateAsyncFromSyncIterator(syncIteratorRecord) (#sec-createasyncfromsynciterator):
 * slots[0] = [[SyncIteratorRecord]].[[Iterator]], slots[1] = its [[NextMethod]]. */
static Obj *CreateAsyncFromSyncIterator(Vm *vm, Value iter, Value next) {
    gc_root_push(vm, &iter);
    gc_root_push(vm, &next);
    /* 1. Let asyncIterator be OrdinaryObjectCreate(%AsyncFromSyncIteratorPrototype%,
     *    « [[SyncIteratorRecord]] »).
     * 2. Set asyncIterator.[[SyncIteratorRecord]] to syncIteratorRecord. */
    Obj *o = obj_new_kind(vm, OBJ_ASYNC_FROM_SYNC_ITERATOR,
                          realm_intrinsic(vm, INTR_AsyncFromSyncIteratorPrototype));
    gc_root_pop(vm, 2);
    o->u.host.slots[0] = iter;
    o->u.host.slots[1] = next;
    /* 3-5. Let nextMethod be ! Get(asyncIterator, "next"). Let iteratorRecord be the
     * Iterator Record { asyncIterator, nextMethod, false }. Return iteratorRecord.
     * (the caller reads "next") */
    return o;
}

/* With the exception pending: IfAbruptRejectPromise (#sec-ifabruptrejectpromise). */
static Value if_abrupt_reject(Vm *vm, const PromiseCapability *cap) {
    if (!catchable(vm))
        return VAL_EXCEPTION;
    Value reason = vm_take_exception(vm);
    gc_root_push(vm, &reason);
    Value r = vm_call(vm, cap->reject, VAL_UNDEFINED, 1, &reason);
    gc_root_pop(vm, 1);
    return r == VAL_EXCEPTION ? VAL_EXCEPTION : cap->promise;
}

/* The unwrap closure of AsyncFromSyncIteratorContinuation: data[0] = done. */
static NATIVE(from_sync_unwrap) {
    /* 7. Let unwrap be a new Abstract Closure with parameters (v) that captures done and
     *    performs the following steps when called:
     *    a. Return CreateIteratorResultObject(v, done). */
    return CreateIterResultObject(vm, ARG(0), ctx->callee->u.native.data[0] == VAL_TRUE);
}

/* The closeIterator closure of AsyncFromSyncIteratorContinuation (ecma262 #2600):
 * data[0] = the sync iterator. */
static NATIVE(from_sync_close) {
    /* 11.a. Let closeIterator be a new Abstract Closure with parameters (error) that
     *       captures syncIteratorRecord and performs the following steps when called:
     *       i. Return ? IteratorClose(syncIteratorRecord, ThrowCompletion(error)). */
    vm_throw(vm, ARG(0));
    (void)!IteratorClose(vm, ctx->callee->u.native.data[0], true); /* error stays thrown */
    return VAL_EXCEPTION;
}

/* AsyncFromSyncIteratorContinuation(result, promiseCapability, syncIteratorRecord,
 * closeOnRejection) (#sec-asyncfromsynciteratorcontinuation), with ecma262 #2600 (a
 * rejected value closes the sync iterator; in every spec mode, see asyncgen.h). result,
 * iter and *cap are rooted by the caller. */
static Value AsyncFromSyncIteratorContinuation(Vm *vm, Value result, PromiseCapability *cap,
                                               Value iter, bool close_on_rejection) {
    JobQueue *q = jobs_of(vm);
    Value promise_ctor = val_obj(realm_intrinsic(vm, INTR_Promise));
    /* 1. NOTE: Because promiseCapability is derived from the intrinsic %Promise%, the
     *    calls to promiseCapability.[[Reject]] entailed by the use IfAbruptRejectPromise
     *    below are guaranteed not to throw.
     * 2. Let done be Completion(IteratorComplete(result)).
     * 3. IfAbruptRejectPromise(done, promiseCapability). */
    Value d = obj_get(vm, val_as_obj(result), ATOM_done);
    if (d == VAL_EXCEPTION)
        return if_abrupt_reject(vm, cap);
    bool done = ToBoolean(d);
    /* 4. Let value be Completion(IteratorValue(result)).
     * 5. IfAbruptRejectPromise(value, promiseCapability). */
    Value value = obj_get(vm, val_as_obj(result), ATOM_value);
    if (value == VAL_EXCEPTION)
        return if_abrupt_reject(vm, cap);
    gc_root_push(vm, &value);
    Value wrapper;
    if (q->spec >= SPEC_ES2019) {
        /* 6. Let valueWrapper be Completion(PromiseResolve(%Promise%, value)). (PR #1250)
         * 7. IfAbruptRejectPromise(valueWrapper, promiseCapability). */
        wrapper = promise_resolve_with_origin(vm, promise_ctor, value, TFV_ORIGIN_RESOLVE);
        if (wrapper == VAL_EXCEPTION) {
            /* 7. If valueWrapper is an abrupt completion, done is false, and
             *    closeOnRejection is true, then set valueWrapper to
             *    Completion(IteratorClose(syncIteratorRecord, valueWrapper)).
             * 8. IfAbruptRejectPromise(valueWrapper, promiseCapability). */
            if (!done && close_on_rejection)
                (void)!IteratorClose(vm, iter, true);
            gc_root_pop(vm, 1);
            return if_abrupt_reject(vm, cap);
        }
    } else {
        /* ES2018 #sec-asyncfromsynciteratorcontinuation, before PR #1250:
         * 5. Let valueWrapperCapability be ! NewPromiseCapability(%Promise%).
         * 6. Perform ! Call(valueWrapperCapability.[[Resolve]], undefined, « value »). */
        PromiseCapability vw;
        if (!promise_capability_new(vm, promise_ctor, TFV_ORIGIN_RESOLVE, &vw)) {
            gc_root_pop(vm, 1);
            return VAL_EXCEPTION;
        }
        promise_capability_root(vm, &vw);
        Value r = vm_call(vm, vw.resolve, VAL_UNDEFINED, 1, &value);
        promise_capability_unroot(vm);
        if (r == VAL_EXCEPTION) {
            gc_root_pop(vm, 1);
            return if_abrupt_reject(vm, cap);
        }
        wrapper = vw.promise;
    }
    gc_root_push(vm, &wrapper);
    /* 8-9. Let onFulfilled be CreateBuiltinFunction(unwrap, 1, "", « »).
     * 10. NOTE: onFulfilled is used when processing the "value" property of an
     *     IteratorResult object in order to wait for its value if it is a promise and
     *     re-package the result in a new "unwrapped" IteratorResult object. */
    Obj *on_fulfilled = promise_new_builtin(vm, from_sync_unwrap, 1, val_bool(done),
                                            VAL_UNDEFINED, VAL_UNDEFINED);
    gc_root_push_ptr(vm, &on_fulfilled);
    /* 11. If done is true, or if closeOnRejection is false, then let onRejected be
     *     undefined.
     * 12. Else, let onRejected be CreateBuiltinFunction(closeIterator, 1, "", « »).
     *     NOTE: onRejected is used to close the Iterator when the "value" property of
     *     an IteratorResult object it yields is a rejected promise. */
    Obj *on_rejected = NULL;
    if (!done && close_on_rejection)
        on_rejected = promise_new_builtin(vm, from_sync_close, 1, iter, VAL_UNDEFINED,
                                          VAL_UNDEFINED);
    gc_root_push_ptr(vm, &on_rejected);
    /* 13. Perform PerformPromiseThen(valueWrapper, onFulfilled, onRejected,
     *     promiseCapability). */
    PerformPromiseThen(vm, val_as_obj(wrapper), val_obj(on_fulfilled),
                       on_rejected ? val_obj(on_rejected) : VAL_UNDEFINED, cap);
    gc_root_pop(vm, 4);
    /* 12. Return promiseCapability.[[Promise]]. */
    return cap->promise;
}

Value asyncgen_from_sync_method(Vm *vm, Value this_val, ResumeMode mode, bool has_value,
                                Value value) {
    /* %AsyncFromSyncIteratorPrototype%.next / return / throw
     * 1. Let O be the this value.
     * 2. Assert: O is an Object that has a [[SyncIteratorRecord]] internal slot.
     * 3. Let promiseCapability be ! NewPromiseCapability(%Promise%).
     * 4. Let syncIteratorRecord be O.[[SyncIteratorRecord]]. */
    if (NEVER(!val_is_object(this_val) ||
              val_as_obj(this_val)->kind != OBJ_ASYNC_FROM_SYNC_ITERATOR))
        return vm_throw_type_error(vm, "not an async-from-sync iterator");
    Obj *o = val_as_obj(this_val);
    PromiseCapability cap;
    if (!promise_capability_new(vm, val_obj(realm_intrinsic(vm, INTR_Promise)), TFV_ORIGIN_BUILTIN,
                                &cap))
        return VAL_EXCEPTION;
    promise_capability_root(vm, &cap);
    gc_root_push_ptr(vm, &o);
    gc_root_push(vm, &value);
    Value iter = o->u.host.slots[0];
    Value result = VAL_UNDEFINED, ret = VAL_UNDEFINED;
    gc_root_push(vm, &result);
    if (mode == RESUME_NEXT) {
        /* next: 5. If value is present, let result be Completion(IteratorNext(
         *    syncIteratorRecord, value)); else Completion(IteratorNext(syncIteratorRecord)).
         * 6. IfAbruptRejectPromise(result, promiseCapability). */
        result = vm_call(vm, o->u.host.slots[1], iter, has_value ? 1 : 0, &value);
        if (result == VAL_EXCEPTION) {
            ret = if_abrupt_reject(vm, &cap);
            goto out;
        }
        if (!val_is_object(result)) {
            StrBuf sb;
            strbuf_init(&sb);
            vm_describe_value(vm, result, &sb);
            vm_throw_type_error(vm, "Iterator result %s is not an object", sb.data);
            strbuf_fini(&sb);
            ret = if_abrupt_reject(vm, &cap);
            goto out;
        }
    } else {
        /* return: 5. Let return be Completion(GetMethod(syncIterator, "return")).
         * throw: 5. Let throw be Completion(GetMethod(syncIterator, "throw")).
         * 6. IfAbruptRejectPromise(return/throw, promiseCapability). */
        Value m = val_get(vm, iter, mode == RESUME_RETURN ? ATOM_return : ATOM_throw);
        if (m == VAL_EXCEPTION) {
            ret = if_abrupt_reject(vm, &cap);
            goto out;
        }
        if (val_is_nullish(m)) {
            Value r;
            if (mode == RESUME_RETURN) {
                /* return: 7. If return is undefined, then
                 *   a. Let iteratorResult be CreateIteratorResultObject(value, true).
                 *   b. Perform ! Call(promiseCapability.[[Resolve]], undefined,
                 *      « iteratorResult »).
                 *   c. Return promiseCapability.[[Promise]]. */
                result = CreateIterResultObject(vm, value, true);
                r = vm_call(vm, cap.resolve, VAL_UNDEFINED, 1, &result);
            } else {
                /* throw: 7. If throw is undefined, then (ecma262 #2600)
                 *   a. NOTE: If syncIterator does not have a throw method, close it to
                 *      give it a chance to clean up before we reject the capability.
                 *   b-c. Let result be Completion(IteratorClose(syncIteratorRecord,
                 *      NormalCompletion(empty))).
                 *   d. IfAbruptRejectPromise(result, promiseCapability).
                 *   e-f. NOTE: a protocol violation; the close's own result is ignored.
                 *   g. Perform ! Call(promiseCapability.[[Reject]], undefined, « a newly
                 *      created TypeError object »).
                 *   h. Return promiseCapability.[[Promise]]. */
                if (!IteratorClose(vm, iter, false)) {
                    ret = if_abrupt_reject(vm, &cap);
                    goto out;
                }
                vm_throw_type_error(vm, "The iterator does not provide a 'throw' method");
                ret = if_abrupt_reject(vm, &cap);
                goto out;
            }
            ret = r == VAL_EXCEPTION ? VAL_EXCEPTION : cap.promise;
            goto out;
        }
        if (!IsCallable(m)) {
            vm_throw_type_error(vm, "%s is not a function",
                                mode == RESUME_RETURN ? "return" : "throw");
            ret = if_abrupt_reject(vm, &cap);
            goto out;
        }
        /* 8. If value is present, let result be Completion(Call(return/throw,
         *    syncIterator, « value »)); else Completion(Call(return, syncIterator)).
         * 9. IfAbruptRejectPromise(result, promiseCapability). */
        result = vm_call(vm, m, iter, has_value ? 1 : 0, &value);
        if (result == VAL_EXCEPTION) {
            ret = if_abrupt_reject(vm, &cap);
            goto out;
        }
        /* 10. If result is not an Object, then
         *   a. Perform ! Call(promiseCapability.[[Reject]], undefined, « a newly created
         *      TypeError object »).
         *   b. Return promiseCapability.[[Promise]]. */
        if (!val_is_object(result)) {
            StrBuf sb;
            strbuf_init(&sb);
            vm_describe_value(vm, result, &sb);
            vm_throw_type_error(vm, "Iterator result %s is not an object", sb.data);
            strbuf_fini(&sb);
            ret = if_abrupt_reject(vm, &cap);
            goto out;
        }
    }
    /* next: Return AsyncFromSyncIteratorContinuation(result, promiseCapability,
     *       syncIteratorRecord, true).
     * return: ... (result, promiseCapability, syncIteratorRecord, false).
     * throw: ... (result, promiseCapability, syncIteratorRecord, true). */
    ret = AsyncFromSyncIteratorContinuation(vm, result, &cap, iter, mode != RESUME_RETURN);
out:
    gc_root_pop(vm, 3);
    promise_capability_unroot(vm);
    return ret;
}

/* ==== GetIterator(obj, async) =========================================================== */

bool GetAsyncIterator(Vm *vm, Value obj, const ObjString *site, Value *iter, Value *next) {
    /* ecma262 #sec-getiterator, kind async:
     * a. Let method be ? GetMethod(obj, @@asyncIterator). */
    gc_root_push(vm, &obj);
    bool ok = false;
    Value m = val_is_nullish(obj) ? VAL_UNDEFINED : val_get(vm, obj, ATOM_Symbol_asyncIterator);
    if (m == VAL_EXCEPTION)
        goto out;
    if (val_is_nullish(m)) {
        /* b. If method is undefined, then
         *   i. Let syncMethod be ? GetMethod(obj, @@iterator).
         *   ii. If syncMethod is undefined, throw a TypeError exception.
         *   iii. Let syncIteratorRecord be ? GetIteratorFromMethod(obj, syncMethod).
         *   iv. Return CreateAsyncFromSyncIterator(syncIteratorRecord). */
        Value sm = val_is_nullish(obj) ? VAL_UNDEFINED : val_get(vm, obj, ATOM_Symbol_iterator);
        if (sm == VAL_EXCEPTION)
            goto out;
        if (!IsCallable(sm)) {
            StrBuf sb;
            strbuf_init(&sb);
            if (site)
                str_to_utf8(site, &sb);
            else
                vm_describe_value(vm, obj, &sb);
            vm_throw_type_error(vm, "%s is not async iterable", sb.data);
            strbuf_fini(&sb);
            goto out;
        }
        /* GetIteratorFromMethod(obj, syncMethod): @@iterator is read once (GetIterator
         * would read it again, which a getter sees) */
        Value si, sn;
        if (!GetIteratorFromMethod(vm, obj, sm, &si, &sn))
            goto out;
        Obj *a = CreateAsyncFromSyncIterator(vm, si, sn);
        gc_root_push_ptr(vm, &a);
        Value n = obj_get(vm, a, ATOM_next);
        gc_root_pop(vm, 1);
        if (n == VAL_EXCEPTION)
            goto out;
        *iter = val_obj(a);
        *next = n;
        ok = true;
        goto out;
    }
    if (!IsCallable(m)) {
        vm_throw_type_error(vm, "Symbol.asyncIterator is not a function");
        goto out;
    }
    ok = GetAsyncIteratorFromMethod(vm, obj, m, iter, next);
out:
    gc_root_pop(vm, 1);
    return ok;
}

const char *asyncgen_step_name(const Obj *fn) {
    if (fn->kind != OBJ_NATIVE_FUNCTION)
        return NULL;
    if (fn->u.native.fn == await_return_closure)
        return fn->u.native.data[1] == VAL_TRUE ? "AsyncGeneratorAwaitReturn rejected"
                                                : "AsyncGeneratorAwaitReturn fulfilled";
    if (fn->u.native.fn == from_sync_unwrap)
        return "AsyncFromSyncIteratorContinuation unwrap";
    if (fn->u.native.fn == from_sync_close)
        return "AsyncFromSyncIteratorContinuation closeIterator";
    return NULL;
}
