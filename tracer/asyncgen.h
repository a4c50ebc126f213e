/* asyncgen.h — ECMA-262 §27.6 AsyncGenerator objects (#sec-asyncgenerator-objects) and
 * §27.1.6 async-from-sync iterators (#sec-async-from-sync-iterator-objects), under the
 * spec's names: AsyncGeneratorStart (the generator object and what happens when its body
 * completes), AsyncGeneratorValidate, AsyncGeneratorEnqueue, AsyncGeneratorCompleteStep,
 * AsyncGeneratorResume, AsyncGeneratorYield, AsyncGeneratorAwaitReturn,
 * AsyncGeneratorDrainQueue, CreateAsyncFromSyncIterator and
 * AsyncFromSyncIteratorContinuation; plus GetIterator(obj, async). The prototype methods
 * (AsyncGenerator.prototype.next/return/throw, %AsyncFromSyncIteratorPrototype%) are in
 * builtins/generator.c on top of these.
 *
 * Representation: an async generator is an OBJ_ASYNC_GENERATOR whose u.gen.act is its
 * Activation (the [[AsyncGeneratorContext]]), u.gen.state its [[AsyncGeneratorState]]
 * and u.gen.queue its [[AsyncGeneratorQueue]]: a hidden array holding, per
 * AsyncGeneratorRequest, 5 values: the completion's type (a ResumeMode) and value, then
 * the capability's promise, resolve and reject. The activation's async state object
 * (async.h, extra[0]) lets Await work in the body; async.c hands every resumption of the
 * body back to asyncgen_after_resume.
 *
 * The VM side: INITIAL_YIELD of an async generator calls asyncgen_create; `yield v`
 * compiles to AWAIT, ASYNC_YIELD (AsyncGeneratorYield), RESUMPTION_AWAIT_RETURN
 * (AsyncGeneratorUnwrapYieldResumption) and YIELD_RESUME; `return v` awaits v first.
 *
 * Spec modes: es2017/es2018 revert PR #1250 in AsyncGeneratorAwaitReturn (a new
 * capability resolved with the value plus a throwaway capability, instead of
 * PromiseResolve) and in AsyncFromSyncIteratorContinuation (the valueWrapper). Known
 * differences from the historical editions, not modes (man/trace.1): yield* in async
 * generators does not await inner values (ecma262 #2819, as node 20 does); the
 * async-from-sync iterator closes the sync iterator when a value is a rejected promise
 * or throw() has no method to call (ecma262 #2600, ES2025; node 20 predates it). */
#ifndef TICKSCOPE_ASYNCGEN_H
#define TICKSCOPE_ASYNCGEN_H

#include <stdbool.h>

#include "tracer/frame.h"
#include "tracer/object.h"
#include "tracer/promise.h"
#include "tracer/value.h"

/* [[AsyncGeneratorState]] (u.gen.state of an OBJ_ASYNC_GENERATOR). */
typedef enum {
    AGEN_SUSPENDED_START = 0,
    AGEN_SUSPENDED_YIELD,
    AGEN_EXECUTING,
    AGEN_DRAINING_QUEUE,
    AGEN_COMPLETED,
} AsyncGenState;

/* AsyncGeneratorStart (#sec-asyncgeneratorstart) as INITIAL_YIELD performs it: the
 * generator object (prototype proto) for the suspended activation act, state
 * suspended-start, an empty queue, the activation registered for the trace. */
Obj *asyncgen_create(Vm *vm, Activation *act, Obj *proto);

/* What AsyncGeneratorStart's closure does after the body ran through vm_resume (r and
 * done as vm_resume gave them): nothing while it is suspended at an await or a yield; on
 * completion (steps 4.c-4.j) the state becomes draining-queue, the first request is
 * completed (AsyncGeneratorCompleteStep) and the queue drained. False only while a run
 * limit unwinds. */
bool asyncgen_after_resume(Vm *vm, Obj *gen, Value r, bool done) WARN_UNUSED;

/* AsyncGeneratorValidate(generator, empty) (#sec-asyncgeneratorvalidate): false with a
 * TypeError pending when v is not an async generator (method names the caller). */
bool AsyncGeneratorValidate(Vm *vm, Value v, const char *method) WARN_UNUSED;

/* AsyncGeneratorEnqueue(generator, completion, promiseCapability)
 * (#sec-asyncgeneratorenqueue); the completion is (mode, value). */
void AsyncGeneratorEnqueue(Vm *vm, Obj *gen, ResumeMode mode, Value value,
                           const PromiseCapability *cap);

/* AsyncGeneratorResume(generator, completion) (#sec-asyncgeneratorresume): runs the body
 * until it next suspends or completes. False only while a run limit unwinds. */
bool AsyncGeneratorResume(Vm *vm, Obj *gen, ResumeMode mode, Value value) WARN_UNUSED;

/* AsyncGeneratorAwaitReturn(generator) (#sec-asyncgeneratorawaitreturn); the state is
 * draining-queue and the first request a return. False only while a run limit unwinds. */
bool AsyncGeneratorAwaitReturn(Vm *vm, Obj *gen) WARN_UNUSED;

/* AsyncGeneratorYield(value) (#sec-asyncgeneratoryield) for the running activation act
 * (ASYNC_YIELD): completes the first request with { value, done: false }. Returns 1 when
 * the queue still holds a request (its completion is in *value and *mode: the body goes on
 * without suspending), 0 when the VM must suspend act (state suspended-yield, resumed with
 * the completion), -1 while a run limit unwinds. */
int AsyncGeneratorYield(Vm *vm, Activation *act, Value v, Value *value, int *mode) WARN_UNUSED;

/* GetIterator(obj, async) (#sec-getiterator) for for-await and yield* in async
 * generators: obj[Symbol.asyncIterator](), or CreateAsyncFromSyncIterator of its sync
 * iterator. site: the source text of the operand for "x is not async iterable" (NULL:
 * the value is described). False with the exception pending. */
bool GetAsyncIterator(Vm *vm, Value obj, const ObjString *site, Value *iter,
                      Value *next) WARN_UNUSED;

/* %AsyncFromSyncIteratorPrototype%.next/return/throw (#sec-%asyncfromsynciteratorprototype%
 * -object); mode says which, has_value whether the argument was present. */
Value asyncgen_from_sync_method(Vm *vm, Value this_val, ResumeMode mode, bool has_value,
                                Value value);

/* The spec's name of the built-in closures made here ("AsyncGeneratorAwaitReturn
 * fulfilled", "AsyncFromSyncIteratorContinuation unwrap"...), else NULL. */
const char *asyncgen_step_name(const Obj *fn);

#endif
