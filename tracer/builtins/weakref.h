/* builtins/weakref.h — WeakRef and FinalizationRegistry (ecma262 #sec-managing-memory),
 * the agent's [[KeptAlive]] list (AddToKeptObjects, ClearKeptObjects), and tickscope's
 * deterministic rule for when weakly held targets die.
 *
 * The rule. Which objects a collection frees depends on when collections happen, and
 * that differs between a normal run and TRACE_GC_STRESS=1 (a collection at every
 * allocation). So that a program prints the same in both, and the same trace byte for
 * byte, an ordinary collection (gc_alloc's, gc_collect) treats the targets of WeakRefs
 * and FinalizationRegistry cells as strongly held; only a *weak collection*
 * (weakref_collect) treats them weakly (gc.h's weak hooks). The host runs one at the end
 * of every microtask checkpoint, right after ClearKeptObjects (weakref_checkpoint: HTML's
 * "perform a microtask checkpoint" step "Perform ClearKeptObjects()"; V8 after each
 * checkpoint), and only while some WeakRef or registry cell holds a target. So a target
 * that nothing else references is gone by the next macrotask: deref() returns undefined
 * from then on, and never earlier than the spec allows (#sec-weakref-execution).
 * FinalizationRegistry cleanup callbacks run only when the event loop would otherwise
 * end: after a last weak collection, each registry with dead cells gets one host task
 * (job kind HostTask, step CleanupFinalizationRegistry) calling the callback once per
 * dead cell; then the loop goes on, and this repeats until no registry has a dead cell.
 * Real engines collect and call back at unpredictable times (node usually never calls a
 * cleanup callback in a short program: it exits without collecting). WeakMap and WeakSet
 * entries stay ephemerons in every collection (builtins/mapset.c). */
#ifndef TICKSCOPE_BUILTINS_WEAKREF_H
#define TICKSCOPE_BUILTINS_WEAKREF_H

#include <stdbool.h>

#include "tracer/jobs.h"
#include "tracer/value.h"

/* AddToKeptObjects (#sec-addtokeptobjects): v (an object or symbol) stays alive until the
 * next ClearKeptObjects. */
void AddToKeptObjects(Vm *vm, Value v);
/* ClearKeptObjects (#sec-clear-kept-objects): empties [[KeptAlive]]. */
void ClearKeptObjects(Vm *vm);

/* A weak collection: gc_collect with WeakRef and registry targets held weakly (dead
 * WeakRefs clear, dead registry cells wait for their cleanup task). */
void weakref_collect(Vm *vm);
/* The end of a microtask checkpoint: ClearKeptObjects, then a weak collection if any
 * WeakRef or registry cell may hold a target. */
void weakref_checkpoint(Vm *vm);
/* The next registry with dead cells as a CleanupFinalizationRegistry job (not yet
 * enqueued; kind HostTask, handler the cleanup callback), or NULL when none. Call when
 * the event loop has nothing else to run, after weakref_checkpoint. */
Job *weakref_next_cleanup_job(Vm *vm);

#endif
