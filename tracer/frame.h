/* frame.h — activation records. A Frame holds one running bytecode function: its
 * caller, prototype, pc, stack pointer, this/new.target, open captured variables, and
 * its slots (params, then locals, then the operand stack: nparams + nlocals + max_stack
 * Values, sized at compile time). Frames never move once allocated, so VarRefs may point
 * into them (STYLE "Frames that can suspend").
 *
 * Ordinary frames come from a segmented stack (FrameStack): chunks are linked, never
 * realloc'd, and frames are pushed/popped LIFO. Generator and async frames are embedded
 * in a GC object, Activation, allocated when the function is called: suspending
 * (OP_YIELD/OP_AWAIT) just unlinks the frame (frame->caller = NULL) and returns to the
 * caller; resuming links it under the resumer and jumps in (vm_resume). The GC marks a
 * suspended activation's slots up to its saved sp. */
#ifndef TICKSCOPE_FRAME_H
#define TICKSCOPE_FRAME_H

#include <stdbool.h>
#include <stdint.h>

#include "tracer/gc.h"
#include "tracer/value.h"


/* Frame.flags */
enum {
    FRAME_ENTRY = 1 << 0,     /* returning from it returns from vm_run to C */
    FRAME_CONSTRUCT = 1 << 1, /* [[Construct]]: return rules for constructors */
    FRAME_HEAP = 1 << 2,      /* embedded in an Activation (generator/async) */
};

struct Frame {
    Frame *caller;
    FuncProto *proto;
    Obj *callee;           /* the closure being run */
    const uint8_t *pc;     /* saved pc (valid when not the running frame, SAVE_STATE) */
    Value *sp;             /* saved stack pointer (first free slot) */
    Value this_val;        /* EMPTY in a derived constructor before super() */
    Value new_target;
    VarRef *open_vars;     /* open captured variables pointing into this frame */
    const Value *argv;     /* the actual arguments (caller's stack), valid until the
                              first suspension: OP_ARGUMENTS / OP_REST run at entry */
    uint32_t argc;
    uint32_t flags;        /* FRAME_* */
    uint32_t nslots;
    uint32_t caller_pop;   /* values the caller's stack drops when this frame returns
                              (callee, this, arguments) before pushing the result */
    Activation *act;       /* the owning Activation for FRAME_HEAP frames */
    Value slots[];
};

/* Generator states (#sec-properties-of-generator-instances). */
typedef enum {
    GEN_SUSPENDED_START = 0,
    GEN_SUSPENDED_YIELD,
    GEN_EXECUTING,
    GEN_COMPLETED,
} GenState;

/* How a suspended activation is resumed (the completion the resumer sends). */
typedef enum {
    RESUME_NEXT = 0,
    RESUME_THROW,
    RESUME_RETURN,
} ResumeMode;

/* What vm_resume pushes for the suspended instruction, by the completion it receives
 * (Activation.resume_kind):
 *  - RESUME_KIND_VALUE: a yield/await whose result is the sent value: next pushes the
 *    value, throw throws at the suspension point, return returns from it.
 *  - RESUME_KIND_COMPLETION: the instruction wants the completion record itself (yield*
 *    and async generator yields, whose next steps depend on its type): pushes the value
 *    then the ResumeMode as a number, whatever the mode.
 *  - RESUME_KIND_AWAIT_COMPLETION: an await whose rejection must not throw (the awaits of
 *    AsyncIteratorClose and AsyncGeneratorUnwrapYieldResumption): pushes the value, then
 *    Activation.await_mode when fulfilled or RESUME_THROW when rejected. */
enum {
    RESUME_KIND_VALUE = 0,
    RESUME_KIND_COMPLETION,
    RESUME_KIND_AWAIT_COMPLETION,
};

/* ISO C forbids a struct with a flexible array member inside another struct; GCC and
 * Clang allow it when it is the last member, which is what lets one allocation hold the
 * Activation and its frame's slots. The pragma is limited to this one definition. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
struct Activation {
    GcHeader gc;
    uint8_t state;       /* GenState */
    uint8_t resume_kind; /* RESUME_KIND_*: reset to VALUE by every resumption */
    uint8_t await_mode;  /* RESUME_KIND_AWAIT_COMPLETION: the mode pushed on fulfilment */
    uint8_t yield_raw;   /* a generator suspended in yield* (GeneratorYield(innerResult)):
                            the yielded value is already the iterator result */
    Obj *owner;         /* the generator (or async function's promise holder) object */
    Value extra[2];     /* async.h: [0] the async state object, [1] the trace id */
    Frame frame;        /* must be last: its slots follow */
};
#pragma GCC diagnostic pop

/* A chunk of the segmented frame stack. */
typedef struct FrameChunk {
    struct FrameChunk *prev;
    size_t size, used; /* in bytes */
    _Alignas(16) uint8_t data[];
} FrameChunk;

typedef struct {
    FrameChunk *top;
    FrameChunk *spare; /* one cached empty chunk, to avoid thrashing at a boundary */
} FrameStack;

void frame_stack_init(FrameStack *fs);
void frame_stack_fini(FrameStack *fs);
/* A frame with nslots slots from the segmented stack; the slots are uninitialised
 * (sp = slots: nothing is marked until the caller fills them and moves sp). */
Frame *frame_push(Vm *vm, uint32_t nslots);
/* Releases the most recently pushed stack frame (f must be it). */
void frame_pop(Vm *vm, Frame *f);
/* A new Activation (GC object) embedding a frame with nslots slots. */
Activation *frame_new_activation(Vm *vm, uint32_t nslots);
/* Pseudo slot numbers of VarRefs on a frame's this/new.target (arrows capture them). */
#define FRAME_SLOT_THIS 0xffff0001u
#define FRAME_SLOT_NEW_TARGET 0xffff0002u
#define FRAME_SLOT_SPECIAL 0xffff0000u
/* Closes every open VarRef of f at slot >= from (copies the value into the VarRef);
 * from == 0 (the frame ends) also closes the this/new.target VarRefs. */
void frame_close_vars(Frame *f, uint32_t from);
/* Marks a frame's contents (proto, callee, this, new.target, slots below sp). */
void frame_mark(Vm *vm, Frame *f);

#endif
