/* async.c — Await, AsyncFunctionStart and AsyncBlockStart (see async.h). The async
 * state object (extra[0] of the Activation) is the spec's captured promiseCapability of
 * AsyncBlockStart's closure; Await's onFulfilled/onRejected closures capture it as their
 * [[AsyncContext]]. */
#include "tracer/async.h"

#include "tracer/asyncgen.h"
#include "tracer/jobs.h"
#include "tracer/realm.h"
#include "tracer/vm.h"

/* ==== the async state object ============================================================ */

/* OBJ_HOST, no prototype, never visible to JS: u.host.data is the Activation (marked
 * here), slots[0..2] the PromiseCapability { promise, resolve, reject }. */
static void async_state_mark(Vm *vm, Obj *o) {
    gc_mark(vm, o->u.host.data);
}
static const ObjClass async_state_class = {.name = "AsyncContext", .mark = async_state_mark};

static Obj *state_of(const Activation *act) {
    if (val_is_object(act->extra[0]) &&
        val_as_obj(act->extra[0])->u.host.cls == &async_state_class)
        return val_as_obj(act->extra[0]);
    return NULL;
}

static Activation *state_act(const Obj *state) {
    return (Activation *)state->u.host.data;
}

uint64_t async_activation_id(const Activation *act) {
    return val_is_number(act->extra[1]) ? (uint64_t)val_as_number(act->extra[1]) : 0;
}

uint64_t async_register_activation(Vm *vm, Activation *act, TfEnumValue kind, uint64_t promise) {
    uint64_t id = jobs_new_id(vm, TF_SPACE_ACTIVATION);
    act->extra[1] = val_number((double)id);
    trc_activation(jobs_tracer(vm), id, kind, promise,
                   act->frame.callee ? val_obj(act->frame.callee) : VAL_UNDEFINED);
    return id;
}

static bool catchable(Vm *vm) {
    return vm->terminated == TERM_NONE;
}

/* The end of AsyncBlockStart's closure (#sec-asyncblockstart, steps 2.d-2.i) after the
 * body ran through vm_resume: nothing while it is suspended; on completion, resolve or
 * reject the captured promiseCapability. false only while a run limit unwinds. */
static bool async_block_settle(Vm *vm, Obj *state, Value result, bool done) {
    Activation *act = state_act(state);
    Value fn;
    if (result == VAL_EXCEPTION) {
        if (!catchable(vm))
            return false;
        /* h. Else, i. Assert: result is a throw completion. ii. Perform ! Call(
         *    promiseCapability.[[Reject]], undefined, « result.[[Value]] »). */
        result = vm_take_exception(vm);
        fn = state->u.host.slots[2];
    } else if (done) {
        /* f. If result is a normal completion, then i. Perform ! Call(
         *    promiseCapability.[[Resolve]], undefined, « undefined »).
         * g. Else if result is a return completion, then i. Perform ! Call(
         *    promiseCapability.[[Resolve]], undefined, « result.[[Value]] »).
         * (vm_resume gives undefined for a normal completion.) */
        fn = state->u.host.slots[1];
    } else {
        /* suspended at an await: Await registered the resumption */
        return true;
    }
    Tracer *t = jobs_tracer(vm);
    const Frame *saved_at = t->at_frame, *saved_base = t->at_base;
    t->at_frame = &act->frame; /* `at` of the resolve: the return or throw */
    t->at_base = vm->frame;
    gc_root_push_ptr(vm, &state);
    gc_root_push(vm, &result);
    Value r = vm_call(vm, fn, VAL_UNDEFINED, 1, &result);
    gc_root_pop(vm, 2);
    t->at_frame = saved_at;
    t->at_base = saved_base;
    /* i. Return unused. */
    return r != VAL_EXCEPTION;
}

/* ==== AsyncFunctionStart / AsyncBlockStart ============================================= */

Obj *async_state_attach(Vm *vm, Activation *act) {
    Obj *state = state_of(act);
    if (!state) {
        gc_root_push_ptr(vm, &act);
        state = obj_new_kind(vm, OBJ_HOST, NULL);
        gc_root_pop(vm, 1);
        state->u.host.cls = &async_state_class;
        state->u.host.data = act;
        act->extra[0] = val_obj(state);
        if (!act->owner)
            act->owner = state;
    }
    return state;
}

bool AsyncBlockStart(Vm *vm, const PromiseCapability *cap, Activation *act) {
    /* ecma262 #sec-asyncblockstart
     * 1. Let runningContext be the running execution context.
     * 2. Let closure be a new Abstract Closure with no parameters that captures
     *    promiseCapability and asyncBody ... (the state object holds the capture) */
    gc_root_push_ptr(vm, &act);
    Obj *state = async_state_attach(vm, act);
    state->u.host.slots[0] = cap->promise;
    state->u.host.slots[1] = cap->resolve;
    state->u.host.slots[2] = cap->reject;
    gc_root_push_ptr(vm, &state);
    /* 3. Set the code evaluation state of asyncContext such that when evaluation is
     *    resumed for that execution context, closure will be called with no arguments.
     * 4. Push asyncContext onto the execution context stack; asyncContext is now the
     *    running execution context.
     * 5. Resume the suspended evaluation of asyncContext. Let result be the value
     *    returned by the resumed computation. */
    bool done;
    Value r = vm_resume(vm, act, RESUME_NEXT, VAL_UNDEFINED, &done);
    /* 6. Assert: When we return here, asyncContext has already been removed from the
     *    execution context stack and runningContext is the currently running execution
     *    context. 7. Assert: result is a normal completion with a value of unused. The
     *    possible sources of this value are Await or, if the async function doesn't
     *    await anything, step 2.i above. */
    bool ok = async_block_settle(vm, state, r, done);
    gc_root_pop(vm, 2);
    /* 8. Return unused. */
    return ok;
}

Value AsyncFunctionStart(Vm *vm, Activation *act) {
    /* EvaluateAsyncFunctionBody (#sec-runtime-semantics-evaluateasyncfunctionbody):
     * 1. Let promiseCapability be ! NewPromiseCapability(%Promise%). */
    gc_root_push_ptr(vm, &act);
    PromiseCapability cap;
    if (!promise_capability_new(vm, val_obj(realm_intrinsic(vm, INTR_Promise)), TFV_ORIGIN_ASYNC,
                                &cap)) {
        gc_root_pop(vm, 1);
        return VAL_EXCEPTION; /* only a stack overflow or a run limit */
    }
    promise_capability_root(vm, &cap);
    async_register_activation(vm, act, TFV_ACT_KIND_ASYNC, promise_id_of(cap.promise));
    /* 2. Let declResult be Completion(FunctionDeclarationInstantiation(functionObject,
     *    argumentsList)).
     * 3. If declResult is an abrupt completion, then Perform ! Call(promiseCapability.
     *    [[Reject]], undefined, « declResult.[[Value]] »).
     * 4. Else, Perform AsyncFunctionStart(promiseCapability, FunctionBody).
     * (The parameters are bound by the body's own first instructions, so a throw there is
     * a throw completion of the resumed activation: AsyncBlockStart rejects with it.)
     *
     * AsyncFunctionStart (#sec-async-functions-abstract-operations-async-function-start):
     * 1. Let runningContext be the running execution context.
     * 2. Let asyncContext be a copy of runningContext.
     * 3. NOTE: Copying the execution state is required for AsyncBlockStart to resume its
     *    execution. It is ill-defined to resume a currently executing context.
     * 4. Perform AsyncBlockStart(promiseCapability, asyncFunctionBody, asyncContext).
     * 5. Return unused. */
    bool ok = AsyncBlockStart(vm, &cap, act);
    Value promise = cap.promise;
    promise_capability_unroot(vm);
    gc_root_pop(vm, 1);
    /* 5. Return Completion Record { [[Type]]: return, [[Value]]: promiseCapability.
     *    [[Promise]], [[Target]]: empty }. */
    return ok ? promise : VAL_EXCEPTION;
}

/* ==== Await ============================================================================= */

/* Resumes the activation captured by an Await closure with a normal (fulfilled) or throw
 * (rejected) completion: steps a-f of fulfilledClosure / rejectedClosure. */
static Value await_resume(Vm *vm, Obj *state, ResumeMode mode, Value v) {
    Activation *act = state_act(state);
    if (NEVER(act->state != GEN_SUSPENDED_YIELD))
        return VAL_UNDEFINED;
    trc_resume(jobs_tracer(vm), async_activation_id(act),
               mode == RESUME_NEXT ? TFV_RESUME_COMPLETION_NORMAL : TFV_RESUME_COMPLETION_THROW,
               v);
    /* a. Let prevContext be the running execution context.
     * b. Suspend prevContext.
     * c. Push asyncContext onto the execution context stack; asyncContext is now the
     *    running execution context.
     * d. Resume the suspended evaluation of asyncContext using NormalCompletion(v)
     *    (ThrowCompletion(reason)) as the result of the operation that suspended it.
     * e. Assert: When we reach this step, asyncContext has already been removed from the
     *    execution context stack and prevContext is the currently running execution
     *    context. */
    gc_root_push_ptr(vm, &state);
    bool done;
    Value r = vm_resume(vm, act, mode, v, &done);
    act = state_act(state);
    bool ok;
    if (act->owner && act->owner->kind == OBJ_ASYNC_GENERATOR)
        ok = asyncgen_after_resume(vm, act->owner, r, done); /* the generator's closure */
    else
        ok = async_block_settle(vm, state, r, done);
    gc_root_pop(vm, 1);
    /* f. Return undefined. */
    return ok ? VAL_UNDEFINED : VAL_EXCEPTION;
}

/* fulfilledClosure of Await (step 3): data[0] = the async state ([[AsyncContext]]). */
static NATIVE(await_fulfilled) {
    return await_resume(vm, val_as_obj(ctx->callee->u.native.data[0]), RESUME_NEXT, ARG(0));
}

/* rejectedClosure of Await (step 5). */
static NATIVE(await_rejected) {
    return await_resume(vm, val_as_obj(ctx->callee->u.native.data[0]), RESUME_THROW, ARG(0));
}

const char *async_step_name(const Obj *fn) {
    if (fn->kind != OBJ_NATIVE_FUNCTION)
        return NULL;
    if (fn->u.native.fn == await_fulfilled)
        return "Await fulfilled";
    if (fn->u.native.fn == await_rejected)
        return "Await rejected";
    return asyncgen_step_name(fn);
}

bool Await(Vm *vm, Activation *act, Value value) {
    JobQueue *q = jobs_of(vm);
    Value promise_ctor = val_obj(realm_intrinsic(vm, INTR_Promise));
    gc_root_push_ptr(vm, &act);
    gc_root_push(vm, &value);
    /* ecma262 #sec-await
     * 1. Let asyncContext be the running execution context. */
    Obj *state = state_of(act);
    if (NEVER(!state)) {
        gc_root_pop(vm, 2);
        vm_throw_syntax_error(vm, "await is only valid in async functions");
        return false;
    }
    gc_root_push_ptr(vm, &state);
    Value promise = VAL_UNDEFINED;
    PromiseCapability throwaway = promise_capability_none();
    promise_capability_root(vm, &throwaway);
    gc_root_push(vm, &promise);
    bool ok = false;
    if (q->spec >= SPEC_ES2019) {
        /* PR #1250: 2. Let promise be ? PromiseResolve(%Promise%, value). */
        promise = promise_resolve_with_origin(vm, promise_ctor, value, TFV_ORIGIN_AWAIT);
        if (promise == VAL_EXCEPTION)
            goto out;
    } else {
        /* ES2017/ES2018 #sec-await, before PR #1250:
         * 2. Let promiseCapability be ! NewPromiseCapability(%Promise%).
         * 3. Perform ! Call(promiseCapability.[[Resolve]], undefined, « value »). */
        PromiseCapability cap;
        if (!promise_capability_new(vm, promise_ctor, TFV_ORIGIN_AWAIT, &cap))
            goto out;
        promise = cap.promise;
        promise_capability_root(vm, &cap);
        Value r = vm_call(vm, cap.resolve, VAL_UNDEFINED, 1, &value);
        promise_capability_unroot(vm);
        if (r == VAL_EXCEPTION)
            goto out;
    }
    /* 3-4. Let onFulfilled be CreateBuiltinFunction(fulfilledClosure, 1, "", « »).
     * 5-6. Let onRejected be CreateBuiltinFunction(rejectedClosure, 1, "", « »). */
    Obj *on_fulfilled = promise_new_builtin(vm, await_fulfilled, 1, val_obj(state),
                                            VAL_UNDEFINED, VAL_UNDEFINED);
    gc_root_push_ptr(vm, &on_fulfilled);
    Obj *on_rejected = promise_new_builtin(vm, await_rejected, 1, val_obj(state),
                                           VAL_UNDEFINED, VAL_UNDEFINED);
    gc_root_push_ptr(vm, &on_rejected);
    PromiseThenTrace tr = {
        .activation = async_activation_id(act),
        .at = trc_current_loc(jobs_tracer(vm)),
        .step_fulfilled = "Await fulfilled",
        .step_rejected = "Await rejected",
        .reason = TFV_REASON_AWAIT,
    };
    if (q->spec >= SPEC_ES2019) {
        /* 7. Perform PerformPromiseThen(promise, onFulfilled, onRejected). */
        promise_perform_then(vm, val_as_obj(promise), val_obj(on_fulfilled),
                             val_obj(on_rejected), NULL, &tr);
    } else {
        /* ES2018 8. Let throwawayCapability be ! NewPromiseCapability(%Promise%).
         * 9. Set throwawayCapability.[[Promise]].[[PromiseIsHandled]] to true.
         * 10. Perform ! PerformPromiseThen(promiseCapability.[[Promise]], onFulfilled,
         *     onRejected, throwawayCapability).
         * (ES2017 has no step 9; the throwaway promise is only ever fulfilled with
         * undefined, so marking it handled changes nothing observable.) */
        if (!promise_capability_new(vm, promise_ctor, TFV_ORIGIN_AWAIT, &throwaway)) {
            gc_root_pop(vm, 2);
            goto out;
        }
        promise_data(val_as_obj(throwaway.promise))->is_handled = true;
        promise_perform_then(vm, val_as_obj(promise), val_obj(on_fulfilled),
                             val_obj(on_rejected), &throwaway, &tr);
    }
    gc_root_pop(vm, 2);
    /* 8. Remove asyncContext from the execution context stack and restore the execution
     *    context that is at the top of the execution context stack as the running
     *    execution context. 9-10. ... Resume callerContext passing empty. (The VM
     *    suspends the activation when this returns.) */
    trc_suspend(q->trc, async_activation_id(act), TFV_SUSPEND_OP_AWAIT, promise_id_of(promise),
                value);
    ok = true;
out:
    gc_root_pop(vm, 1);          /* promise */
    promise_capability_unroot(vm); /* throwaway */
    gc_root_pop(vm, 3);          /* state, value, act */
    return ok;
}
