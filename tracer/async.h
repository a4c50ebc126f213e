/* async.h — the Await side of ECMA-262 §27.7 (AsyncFunction objects): Await
 * (#sec-await) with its spec-mode branch, and the start of an async function's body,
 * AsyncFunctionStart / AsyncBlockStart (#sec-async-functions-abstract-operations), on
 * top of the suspendable Activation of frame.h. Owns the per-activation async state (the
 * result PromiseCapability) and the activation ids of the trace.
 *
 * Spec modes (jobs.h SpecMode), a branch inside Await (STYLE R13):
 *  - es2019 and later, fast-adoption: tc39/ecma262 PR #1250 — PromiseResolve(%Promise%,
 *    value), then PerformPromiseThen(promise, onFulfilled, onRejected): awaiting a native
 *    promise costs 1 tick.
 *  - es2017, es2018: the text before PR #1250 (ES2018 #sec-await, steps 2-9): a new
 *    promise capability resolved with the value, then PerformPromiseThen with a throwaway
 *    capability whose promise is marked handled: awaiting a native promise costs 3 ticks
 *    (a PromiseResolveThenableJob, the reaction that resolves the new promise, then the
 *    resumption).
 *
 * Async generators and async-from-sync iterators are in asyncgen.h (with their own
 * es2017/es2018 branches of PR #1250); an Await inside an async generator resumes it
 * here and hands the outcome to asyncgen_after_resume.
 *
 * Depth: each async call nested inside another synchronously (async1 calling async2
 * before its first await) runs through vm_resume, one C level each, so such chains are
 * bounded by the C stack (vm_c_stack_exhausted: RangeError: Maximum call stack size
 * exceeded); `trace run` gives the engine a 256 MB stack, enough for node's depths.
 *
 * Conventions on Activation (frame.h): extra[0] is the async state object (an OBJ_HOST
 * that owns the result capability and points back to the activation), extra[1] is the
 * activation's trace id as a number (every kind of activation: async_register_activation
 * sets it; trace.c reads it to attribute console output). act->owner is the state object
 * for async functions (the generator object for generators).
 *
 * WHAT THE VM MUST DO
 *
 *  Calling an async function (FP_ASYNC without FP_GENERATOR), from the OP_CALL paths and
 *  vm_call alike (async functions are not constructors): create the Activation and bind the arguments exactly as for a
 *  generator (setup_frame), but do not run it inline: unlink it (vm->frame back to the
 *  caller, depth--, frame->caller = NULL, state GEN_SUSPENDED_START, pc at the first
 *  instruction of the function, parameter initialisation included), then
 *      Value p = AsyncFunctionStart(vm, act);
 *  with the caller's frame saved (SAVE_STATE) and its arguments still on its stack.
 *  AsyncFunctionStart runs the body through vm_resume until its first await or its end
 *  and returns the result promise, which is the call's value. VAL_EXCEPTION only when a
 *  run limit is unwinding or the call depth is exhausted before the body starts
 *  (RangeError): every JS exception of the body rejects the promise instead, including
 *  one thrown while binding parameters, as EvaluateAsyncFunctionBody says.
 *
 *  OP_AWAIT (value v on the stack, inside an async activation act):
 *      SAVE_STATE();                          -- `at` of the trace is the await
 *      if (!Await(vm, act, v)) THROW();       -- PromiseResolve threw: throw at the await
 *      pop v; act->state = GEN_SUSPENDED_YIELD; goto suspend (returning to the C caller
 *      of vm_resume: the activation is always entered through vm_resume).
 *  The resumption arrives through vm_resume(act, RESUME_NEXT, value) — the value is
 *  pushed as the await expression's result — or vm_resume(act, RESUME_THROW, reason),
 *  which throws at the await. The VM does nothing else: resolving the result promise when
 *  the body returns or throws is done here, after vm_resume returns done.
 *
 *  Returning from an async activation: SAVE_STATE() before unlinking the frame, so that
 *  act->frame.pc is the return (the `at` of the result promise's `resolve` event).
 *
 *  Generators (for the trace): after INITIAL_YIELD creates the generator,
 *  async_register_activation(vm, act, TFV_ACT_KIND_GENERATOR, 0); YIELD and the
 *  generator methods may emit trc_suspend/trc_resume with async_activation_id(act). */
#ifndef TICKSCOPE_ASYNC_H
#define TICKSCOPE_ASYNC_H

#include <stdbool.h>
#include <stdint.h>

#include "formats/trace_event.h"
#include "tracer/frame.h"
#include "tracer/object.h"
#include "tracer/promise.h"
#include "tracer/value.h"

/* EvaluateAsyncFunctionBody's steps 1 and 3-5 with AsyncFunctionStart
 * (#sec-async-functions-abstract-operations-async-function-start): creates the
 * PromiseCapability of %Promise%, writes the `activation` event, runs the body
 * (AsyncBlockStart) until it first awaits or completes, and returns
 * promiseCapability.[[Promise]]. act is suspended at its start and unlinked (see above).
 * VAL_EXCEPTION only while a run limit unwinds or when the call depth is exhausted. */
Value AsyncFunctionStart(Vm *vm, Activation *act) WARN_UNUSED;

/* AsyncBlockStart(promiseCapability, asyncBody, asyncContext)
 * (#sec-asyncblockstart): resumes act (asyncContext) until it awaits or completes; on
 * completion resolves or rejects cap. false only while a run limit unwinds. */
bool AsyncBlockStart(Vm *vm, const PromiseCapability *cap, Activation *act) WARN_UNUSED;

/* Await(value) (#sec-await) for the running async activation act: registers the
 * resumption (onFulfilled/onRejected closures that resume act in a PromiseReactionJob)
 * and writes the `suspend` event; the VM then suspends act. False with the exception
 * pending when PromiseResolve throws (a "constructor" getter of a promise, es2019+): the
 * exception is thrown at the await instead. */
bool Await(Vm *vm, Activation *act, Value value) WARN_UNUSED;

/* The async state object of act (extra[0]: Await's [[AsyncContext]] capture), created on
 * first use; async generators get theirs when they are created (asyncgen.h). */
Obj *async_state_attach(Vm *vm, Activation *act);

/* Gives act a trace activation id (extra[1]) and writes the `activation` event (kind
 * TFV_ACT_KIND_*; promise: the result promise id or 0; fn: the function called). */
uint64_t async_register_activation(Vm *vm, Activation *act, TfEnumValue kind, uint64_t promise);
/* The trace id of act, 0 when it has none. */
uint64_t async_activation_id(const Activation *act);

/* "Await fulfilled" / "Await rejected" for Await's closures, else NULL (promise.c). */
const char *async_step_name(const Obj *fn);

#endif
