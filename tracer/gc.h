/* gc.h — the garbage-collected heap. Owns every GC object from gc_alloc() to sweep;
 * callers never free one. Precise, non-moving mark and sweep with an explicit gray stack
 * (no C recursion while marking). Anything a C function holds across an allocation must
 * be reachable from a root: the VM frames (every frame's slots up to its saved sp,
 * including suspended generator/async activations reachable from their objects), the
 * realm, the atom table's predefined atoms, the C root stack (gc_root_push), and the
 * root markers that other modules register (jobs, timers, promise reactions:
 * gc_add_root_marker). gc_alloc() is the one choke point for GC memory: accounting,
 * --max-heap, and TRACE_GC_STRESS=1, which collects at every allocation and then runs
 * gc_verify(). Collection never happens anywhere else than inside gc_alloc/gc_collect.
 *
 * Weak containers. WeakMap and WeakSet are ephemeron tables (ecma262 #sec-weakmap-objects:
 * an entry whose key is reachable only through the table is inaccessible and is removed);
 * a WeakRef or FinalizationRegistry cell does not keep its target (#sec-weak-ref-objects)
 * in the host's weak collections (builtins/weakref.h: only there, so that when targets
 * die is deterministic; other collections hold them). Their ObjClass has the
 * mark_weak/sweep_weak hooks (object.h), and marking has three phases: (1) everything
 * strongly reachable from the roots; (2) the ephemeron fixpoint: every weak container met
 * in (1) marks the values whose keys are marked, then the gray stack drains, again until
 * no container marks anything new, so chains (the value of one entry is the key of
 * another, in the same table or another) resolve in any order; (3) before the sweep,
 * every marked container drops its entries whose key is unmarked. What a weak container
 * holds is therefore freed in the same collection that frees its key. gc_verify runs
 * phases (1) and (2) only. */
#ifndef TICKSCOPE_GC_H
#define TICKSCOPE_GC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tracer/value.h"

typedef enum {
    GC_STRING = 1,  /* ObjString (str.h) */
    GC_SYMBOL,      /* ObjSymbol (atom.h) */
    GC_OBJECT,      /* Obj and its kinds (object.h) */
    GC_PROTO,       /* FuncProto (bytecode.h) */
    GC_VARREF,      /* VarRef: a captured variable (function.h) */
    GC_ACCESSOR,    /* AccessorPair: getter/setter of a property (object.h) */
    GC_ACTIVATION,  /* Activation: a frame that can suspend (frame.h) */
    GC_TYPE_COUNT
} GcType;

struct GcHeader {
    GcHeader *next;  /* all objects, in one list */
    uint32_t size;   /* bytes allocated for this object (accounting, verify) */
    uint8_t type;    /* GcType */
    uint8_t marked;
    uint16_t gcflags;
};

typedef void (*GcRootMarker)(Vm *vm, void *ctx);

/* Objects of at most GC_SIZE_CLASSES * 16 bytes are pooled. */
#define GC_SIZE_CLASSES 32

typedef struct {
    GcHeader *objects;
    size_t bytes;          /* live GC bytes plus accounted buffers */
    size_t next_gc;        /* collect when bytes exceeds this */
    size_t max_heap;       /* 0 = unlimited (--max-heap) */
    bool stress;           /* TRACE_GC_STRESS=1 */
    bool collecting;
    uint32_t inhibit;      /* >0: no collection (used while a structure is half-built) */
    uint64_t collections;
    GcHeader **gray;       /* mark stack */
    size_t gray_len, gray_cap;
    void **roots;          /* C root stack: addresses of Value (kind 0) or pointers (1) */
    uint8_t *root_kinds;
    size_t roots_len, roots_cap;
    struct {
        GcRootMarker fn;
        void *ctx;
    } markers[16];
    int nmarkers;
    void *verify_set;      /* non-NULL only while gc_verify runs */
    /* small objects come from per-size-class free lists carved out of slabs (gc.c),
     * except in sanitizer builds, which keep one malloc per object */
    void *free_lists[GC_SIZE_CLASSES];
    void *slabs;           /* the slabs, linked through their first word */
    uint8_t *slab_cur, *slab_end;
    Obj **weak;            /* the weak containers marked in this collection (gc_defer_weak) */
    size_t weak_len, weak_cap;
    uint32_t next_identity; /* the last identity hash handed out (obj_identity_hash) */
} Gc;

void gc_init(Vm *vm);
/* Frees every object (the VM is being destroyed). */
void gc_fini(Vm *vm);

/* Allocates size bytes (zeroed) of GC type, with the header filled in. May collect first.
 * Past --max-heap it stops the run (vm_limit_exceeded: message, exit 4). Never NULL. */
void *gc_alloc(Vm *vm, GcType type, size_t size);

/* Non-GC buffers owned by a GC object (property tables, elements, code) are counted in
 * the heap size: report growth and shrinkage with gc_account. Never collects. */
void gc_account(Vm *vm, ptrdiff_t delta);

/* A full collection. */
void gc_collect(Vm *vm);

/* Marking, for root markers and for object kinds with custom data (ObjClass.mark). */
void gc_mark_value(Vm *vm, Value v);
void gc_mark(Vm *vm, void *gc_object); /* NULL is allowed */
void gc_mark_atom(Vm *vm, Atom a);
/* During marking: whether v is (so far) known to be reachable. Values that are not GC
 * objects count as marked. For the weak hooks (object.h). */
bool gc_value_is_marked(Value v);
/* Called by obj_mark_children for an object whose class has mark_weak: the collector
 * remembers it for the ephemeron phase and the weak sweep. */
void gc_defer_weak(Vm *vm, Obj *o);

/* C root stack (LIFO). Push the ADDRESS of a local Value or of a local GC pointer
 * (Obj *, ObjString *, ...) before an allocation and pop it after; the GC reads the
 * current value of the local at collection time. */
void gc_root_push(Vm *vm, Value *v);
void gc_root_push_ptr(Vm *vm, void *pointer_to_gc_pointer);
void gc_root_pop(Vm *vm, size_t n);
/* Current depth, to assert that a function pops what it pushed. */
size_t gc_root_depth(Vm *vm);

/* Registers fn(vm, ctx) to be called at every collection to mark extra roots. */
void gc_add_root_marker(Vm *vm, GcRootMarker fn, void *ctx);

/* Walks the heap; checks tags and that every reachable object is in the heap list.
 * Returns false (and prints the problem to stderr) on a broken heap. */
bool gc_verify(Vm *vm);

#endif
