/* vm.h — the virtual machine: one instance of the engine (R3: no globals; every function
 * takes the Vm). Owns the heap (gc.h), the atom table, the realm, the frame stack, the
 * pending exception, the run limits, and the hooks through which the host (cmd_run,
 * the job queue, the trace writer) observes it. vm_run() is the one non-recursive
 * dispatch loop: a call from bytecode to bytecode pushes a frame and continues in the same
 * C frame; C is re-entered only when native code calls JS (vm_call from a built-in,
 * getters, jobs), and that depth is bounded (RangeError: Maximum call stack size exceeded).
 *
 * JS exceptions are values: a function that throws sets vm->exception (vm_throw*) and
 * returns VAL_EXCEPTION / NULL / false; the loop unwinds through each frame's handler
 * table. A run limit (--max-steps, --timeout, --max-heap) raises an uncatchable
 * termination that unwinds everything (vm->terminated says which). */
#ifndef TICKSCOPE_VM_H
#define TICKSCOPE_VM_H

#include <stdbool.h>
#include <stdint.h>

#include "common/strbuf.h"
#include "common/util.h"
#include "tracer/atom.h"
#include "tracer/frame.h"
#include "tracer/gc.h"
#include "tracer/srcpos.h"
#include "tracer/value.h"

typedef enum {
    TERM_NONE = 0,
    TERM_MAX_STEPS,
    TERM_TIMEOUT,
    TERM_MAX_HEAP,
    TERM_EXIT, /* process.exit(): the host ends the run (host.h) */
} Termination;

typedef enum {
    CONSOLE_OUT = 1, /* console.log/info/debug */
    CONSOLE_ERR = 2, /* console.warn/error/trace */
} ConsoleStream;

/* Hooks the embedder sets; all are optional. */
typedef struct {
    /* One console line (without its newline) was produced. */
    void (*console_write)(Vm *vm, ConsoleStream stream, const char *text, size_t len,
                          void *ctx);
    void *ctx;
    /* error.stack names a JS frame whose receiver is a host object as V8 names a method
     * call ("Timeout._onTimeout", "Timeout.f [as _onTimeout]", "Immediate.<anonymous>"):
     * true with *type set, *method the property holding the function (or NULL), and
     * *name a name for an anonymous function (or NULL). Set by the host (host.c). */
    bool (*frame_receiver)(Vm *vm, Value receiver, Obj *callee, const char **type,
                           const char **method, const char **name);
} VmHooks;

struct Vm {
    Gc gc;
    AtomTable atoms;
    Realm *realm;
    FrameStack stack;
    Frame *frame;          /* the running (innermost) frame, or NULL */

    Value exception;       /* valid while has_exception */
    bool has_exception;
    SrcPos exc_pos;        /* where the pending exception was thrown (innermost JS frame) */
    Termination terminated; /* set: an uncatchable stop is unwinding */

    uint32_t depth, max_depth;     /* JS frames on the stack / limit */
    uint32_t c_depth, max_c_depth; /* nested vm_run calls / limit */
    uintptr_t c_stack_base;        /* the C stack at vm_new (it grows down from there) */
    size_t c_stack_max;            /* bytes of C stack the engine may use below it */
    uint64_t steps, max_steps;     /* backward jumps + calls; 0 = unlimited */
    double timeout_at;             /* CLOCK_MONOTONIC seconds; 0 = none */

    ObjString *unit_strings[256];  /* one-unit strings cache (str_from_unit) */
    ObjString *empty_string;
    ObjString *filename;           /* the script being run */
    ObjString *source;             /* its text */
    ObjSymbol *private_brand;      /* unused yet */

    VmHooks hooks;
    const char *console_method;    /* the console method writing (builtins/console.c), for
                                      the hook's `log` event; NULL otherwise */
    void *host;                    /* the host/job-queue state (issue 4) */
    bool dump_bytecode;
    struct NativeCall *native_calls; /* the running native functions, innermost first */
};

/* A native function being called (call_native keeps one on the C stack while it runs),
 * so that error.stack shows it between the JS frames as V8 does: "at Array.map
 * (<anonymous>)". fn and this_val are rooted by the caller for the call's duration. */
typedef struct NativeCall {
    struct NativeCall *outer;
    Obj *fn;
    Value this_val;
    Value new_target; /* undefined for [[Call]] */
    Frame *frame;     /* vm->frame when it was called (NULL: from a job or the host) */
} NativeCall;

/* Creates a VM with a fresh realm (every built-in registered). The C stack below the
 * caller's frame is the engine's: native code re-entering JS (vm_call, vm_resume...)
 * throws RangeError "Maximum call stack size exceeded" before it is exhausted (the limit
 * is RLIMIT_STACK less a reserve, or what vm_set_c_stack says). */
Vm *vm_new(void);
/* The C stack available to the engine is the size bytes below base (the frame address
 * at the start of a thread made with that stack size); the engine keeps a reserve for
 * code that recurses without checking. */
void vm_set_c_stack(Vm *vm, uintptr_t base, size_t size);
/* True when the C stack is nearly exhausted (then throw RangeError). */
bool vm_c_stack_exhausted(Vm *vm);
void vm_free(Vm *vm);

/* ---- calling ----------------------------------------------------------------------- */

/* Call(F, thisValue, args) (#sec-call): VAL_EXCEPTION on throw ("x is not a function"
 * is the caller's message to give; this one says "... is not a function" generically). */
Value vm_call(Vm *vm, Value fn, Value this_val, int argc, const Value *argv) WARN_UNUSED;
/* Construct(F, args, newTarget) (#sec-construct): VAL_EXCEPTION on throw. */
Value vm_construct(Vm *vm, Value fn, int argc, const Value *argv, Value new_target) WARN_UNUSED;
/* Invoke(V, P, args) (#sec-invoke): GetV then Call. */
Value vm_invoke(Vm *vm, Value v, Atom method, int argc, const Value *argv) WARN_UNUSED;

/* Compiles and runs a script's top level; the result or VAL_EXCEPTION. */
Value vm_run_script(Vm *vm, FuncProto *script) WARN_UNUSED;
/* Resumes a suspended generator/async activation with a completion; returns what the
 * activation produced when it next suspends or completes (the yielded/returned value;
 * *done tells which), or VAL_EXCEPTION. */
Value vm_resume(Vm *vm, Activation *act, ResumeMode mode, Value v, bool *done) WARN_UNUSED;

/* ---- exceptions -------------------------------------------------------------------- */

/* Throws v; returns VAL_EXCEPTION for `return vm_throw(vm, v);`. */
Value vm_throw(Vm *vm, Value v);
/* Creates and throws an error of the given intrinsic kind with a printf message. */
Value vm_throw_type_error(Vm *vm, const char *fmt, ...) PRINTF_LIKE(2, 3);
Value vm_throw_range_error(Vm *vm, const char *fmt, ...) PRINTF_LIKE(2, 3);
Value vm_throw_reference_error(Vm *vm, const char *fmt, ...) PRINTF_LIKE(2, 3);
Value vm_throw_syntax_error(Vm *vm, const char *fmt, ...) PRINTF_LIKE(2, 3);
/* Takes the pending exception (and clears it). */
Value vm_take_exception(Vm *vm);
static inline bool vm_has_exception(const Vm *vm) {
    return vm->has_exception;
}
/* "Cannot read properties of undefined (reading 'x')" and friends, from a key. */
Value vm_throw_not_object_access(Vm *vm, Value base, Atom key, bool is_set);
/* An Error object with prototype proto (an intrinsic such as %TypeError.prototype%),
 * "message" (when msg is not NULL) and "stack" captured from the current frames. */
Obj *vm_new_error(Vm *vm, Obj *proto, ObjString *msg);
/* The same for a constructor call: frames of the constructors up to new_target's (the
 * `super(...)` chain of an Error subclass) are left out of the stack, as V8 does. */
Obj *vm_new_error_for(Vm *vm, Obj *proto, ObjString *msg, Value new_target);
/* V8 formats error.stack when it is first read: the header ("Name: message") comes from
 * the error's name and message at that time, so `this.name = 'MyError'` in a subclass
 * constructor shows. Every own read of "stack" calls this (object.c does; code reading
 * the property table directly must call it first); a write to "stack" cancels it. */
void vm_error_stack_materialize(Vm *vm, Obj *e);
/* CreateIterResultObject (#sec-createiterresultobject): { value, done }. */
Value CreateIterResultObject(Vm *vm, Value v, bool done);

/* The iterator operations (#sec-operations-on-iterator-objects), the one implementation
 * for the VM and the built-ins. An Iterator Record is the pair *iter ([[Iterator]]) and
 * *next ([[NextMethod]]), which the caller roots. */
/* GetIterator(obj, sync) (#sec-getiterator). site: the source text of the operand for
 * V8's "x is not iterable" (NULL: "number 3 is not iterable (cannot read property
 * Symbol(Symbol.iterator))", as for built-ins). False with the exception pending. */
bool GetIterator(Vm *vm, Value obj, const ObjString *site, Value *iter, Value *next) WARN_UNUSED;
/* GetIteratorFromMethod(obj, method) (#sec-getiteratorfrommethod): method is callable. */
bool GetIteratorFromMethod(Vm *vm, Value obj, Value method, Value *iter,
                           Value *next) WARN_UNUSED;
/* The same for GetIterator(obj, async)'s @@asyncIterator method (only the TypeError
 * names Symbol.asyncIterator). */
bool GetAsyncIteratorFromMethod(Vm *vm, Value obj, Value method, Value *iter,
                                Value *next) WARN_UNUSED;
/* IteratorStepValue (#sec-iteratorstepvalue: IteratorNext, IteratorComplete,
 * IteratorValue): 1 with the value in *value, 0 when the iterator is done, -1 on a throw
 * (a non-callable next: "number 5 is not a function"). */
int IteratorStep(Vm *vm, Value iter, Value next, Value *value) WARN_UNUSED;
/* IteratorClose(iteratorRecord, completion) (#sec-iteratorclose): throwing says whether
 * completion is a throw completion, which is pending in vm->exception and stays the
 * result (errors of return() are then ignored). False with an exception pending. After
 * a run limit (vm->terminated) it runs nothing and returns false. */
bool IteratorClose(Vm *vm, Value iter, bool throwing) WARN_UNUSED;

/* A short description of v for "... is not a function" messages, as V8 renders the
 * callee expression when it has no source text: the value for primitives, "object"... */
void vm_describe_value(Vm *vm, Value v, StrBuf *out);
/* V8's description of a value that is not callable or not iterable when no source text
 * of the call site is at hand (BuildDefaultCallSite): its typeof, then the value for
 * strings ("string \"abc\""), numbers, booleans and null: "number 3", "object null",
 * "undefined", "object", "symbol". */
void vm_describe_callsite(Vm *vm, Value v, StrBuf *out);
/* Throws a TypeError whose message is fmt with its one %s replaced by v described
 * (vm_describe_callsite when callsite, else vm_describe_value). Returns VAL_EXCEPTION. */
Value vm_throw_type_error_describing(Vm *vm, const char *fmt, Value v, bool callsite);

/* The stack trace text of the current frames ("    at f (file.js:3:9)" lines, and
 * "    at Array.map (<anonymous>)" for a running native function), for error.stack
 * (#sec-error-objects; V8 format, at most 10 lines). Called from a native function
 * (console.trace, Error.captureStackTrace), that function itself is left out. */
void vm_capture_stack(Vm *vm, StrBuf *out);

/* Run limits: counts a step; on the limit sets vm->terminated and a pending exception. */
bool vm_check_limits(Vm *vm) WARN_UNUSED;
/* Called by gc_alloc past --max-heap. */
void vm_limit_exceeded(Vm *vm, Termination why);

/* Console output through the hook (or stderr when no hook is set). */
void vm_console_write(Vm *vm, ConsoleStream stream, const char *text, size_t len);

#endif
