/* gc.c — precise mark and sweep (see gc.h). Marking is iterative: gc_mark pushes onto
 * the gray stack, and blacken() traces one object's children. */
#include "tracer/gc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tracer/atom.h"
#include "tracer/bytecode.h"
#include "tracer/frame.h"
#include "tracer/function.h"
#include "tracer/object.h"
#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/vm.h"

#define GC_MIN_THRESHOLD (4u << 20)

/* During gc_verify: the set of heap objects, to check that marked pointers are live. */
typedef struct {
    GcHeader **set;
    size_t cap;
    bool ok;
} VerifySet;
static VerifySet *verify_set_of(Vm *vm);

void gc_init(Vm *vm) {
    Gc *g = &vm->gc;
    memset(g, 0, sizeof *g);
    g->next_gc = GC_MIN_THRESHOLD;
    const char *e = getenv("TRACE_GC_STRESS");
    g->stress = e && *e && strcmp(e, "0") != 0;
}

/* ---- the pool: size classes of 16 bytes, slabs of GC_SLAB bytes ---- */

#if defined(__SANITIZE_ADDRESS__)
#define GC_POOL 0 /* one malloc per object, so that ASan sees every use after free */
#else
#define GC_POOL 1
#endif
#define GC_SLAB (256u << 10)

static void *pool_alloc(Gc *g, size_t size) {
    size_t cls = (size + 15) >> 4; /* 1..GC_SIZE_CLASSES */
    if (!GC_POOL || cls > GC_SIZE_CLASSES)
        return xcalloc(1, size);
    void **fl = &g->free_lists[cls - 1];
    void *p = *fl;
    if (p) {
        *fl = *(void **)p;
    } else {
        size_t bytes = cls << 4;
        if (!g->slab_cur || g->slab_cur + bytes > g->slab_end) {
            uint8_t *slab = xmalloc(GC_SLAB);
            *(void **)slab = g->slabs;
            g->slabs = slab;
            g->slab_cur = slab + 16;
            g->slab_end = slab + GC_SLAB;
        }
        p = g->slab_cur;
        g->slab_cur += bytes;
    }
    memset(p, 0, size);
    return p;
}

static void pool_free(Gc *g, GcHeader *h) {
    size_t cls = ((size_t)h->size + 15) >> 4;
    if (!GC_POOL || cls > GC_SIZE_CLASSES) {
        free(h);
        return;
    }
    void **fl = &g->free_lists[cls - 1];
    *(void **)h = *fl;
    *fl = h;
}

static void free_object(Vm *vm, GcHeader *h) {
    switch (h->type) {
    case GC_OBJECT:
        obj_finalize(vm, (Obj *)h);
        break;
    case GC_PROTO:
        bc_proto_free(vm, (FuncProto *)h);
        break;
    case GC_STRING:
        str_free(vm, (ObjString *)h);
        break;
    default:
        break;
    }
    vm->gc.bytes -= h->size;
    pool_free(&vm->gc, h);
}

void gc_fini(Vm *vm) {
    Gc *g = &vm->gc;
    GcHeader *h = g->objects;
    while (h) {
        GcHeader *next = h->next;
        free_object(vm, h);
        h = next;
    }
    g->objects = NULL;
    free(g->gray);
    free(g->weak);
    g->weak = NULL;
    g->weak_len = g->weak_cap = 0;
    free(g->roots);
    free(g->root_kinds);
    while (g->slabs) {
        void *next = *(void **)g->slabs;
        free(g->slabs);
        g->slabs = next;
    }
    memset(g->free_lists, 0, sizeof g->free_lists);
    g->slab_cur = g->slab_end = NULL;
}

void gc_account(Vm *vm, ptrdiff_t delta) {
    vm->gc.bytes += (size_t)delta;
}

void *gc_alloc(Vm *vm, GcType type, size_t size) {
    Gc *g = &vm->gc;
    if (!g->collecting && !g->inhibit && (g->stress || g->bytes + size > g->next_gc))
        gc_collect(vm);
    if (g->max_heap && g->bytes + size > g->max_heap && !vm->terminated) {
        gc_collect(vm);
        if (g->bytes + size > g->max_heap)
            vm_limit_exceeded(vm, TERM_MAX_HEAP);
    }
    GcHeader *h = pool_alloc(g, size);
    h->type = (uint8_t)type;
    h->size = (uint32_t)size;
    h->next = g->objects;
    g->objects = h;
    g->bytes += size;
    return h;
}

/* ---- roots ---- */

static void roots_reserve(Gc *g) {
    if (g->roots_len == g->roots_cap) {
        g->roots_cap = g->roots_cap ? g->roots_cap * 2 : 64;
        g->roots = xrealloc(g->roots, g->roots_cap * sizeof(void *));
        g->root_kinds = xrealloc(g->root_kinds, g->roots_cap);
    }
}

void gc_root_push(Vm *vm, Value *v) {
    Gc *g = &vm->gc;
    roots_reserve(g);
    g->roots[g->roots_len] = v;
    g->root_kinds[g->roots_len++] = 0;
}

void gc_root_push_ptr(Vm *vm, void *pp) {
    Gc *g = &vm->gc;
    roots_reserve(g);
    g->roots[g->roots_len] = pp;
    g->root_kinds[g->roots_len++] = 1;
}

void gc_root_pop(Vm *vm, size_t n) {
    if (NEVER(n > vm->gc.roots_len))
        n = vm->gc.roots_len;
    vm->gc.roots_len -= n;
}

size_t gc_root_depth(Vm *vm) {
    return vm->gc.roots_len;
}

void gc_add_root_marker(Vm *vm, GcRootMarker fn, void *ctx) {
    Gc *g = &vm->gc;
    if (NEVER(g->nmarkers >= (int)ARRAY_LEN(g->markers)))
        die(EXIT_INTERNAL, "too many GC root markers");
    g->markers[g->nmarkers].fn = fn;
    g->markers[g->nmarkers].ctx = ctx;
    g->nmarkers++;
}

/* ---- marking ---- */

void gc_mark(Vm *vm, void *p) {
    GcHeader *h = p;
    if (!h || h->marked)
        return;
    VerifySet *vs = verify_set_of(vm);
    if (vs) {
        size_t mask = vs->cap - 1, i = ((uintptr_t)h >> 4) & mask;
        bool found = false;
        while (vs->set[i]) {
            if (vs->set[i] == h) {
                found = true;
                break;
            }
            i = (i + 1) & mask;
        }
        if (!found) {
            fprintf(stderr, "gc_verify: reachable object %p is not in the heap\n", (void *)h);
            vs->ok = false;
            return;
        }
        if (h->type == 0 || h->type >= GC_TYPE_COUNT) {
            fprintf(stderr, "gc_verify: object %p has a bad tag %d\n", (void *)h, h->type);
            vs->ok = false;
            return;
        }
    }
    h->marked = 1;
    if (h->type == GC_STRING)
        return; /* no children */
    Gc *g = &vm->gc;
    if (g->gray_len == g->gray_cap) {
        g->gray_cap = g->gray_cap ? g->gray_cap * 2 : 256;
        g->gray = xrealloc(g->gray, g->gray_cap * sizeof(GcHeader *));
    }
    g->gray[g->gray_len++] = h;
}

void gc_mark_value(Vm *vm, Value v) {
    if (val_is_gc(v))
        gc_mark(vm, val_as_gc(v));
}

void gc_mark_atom(Vm *vm, Atom a) {
    if (atom_is_int(a) || a == ATOM_NULL || a < ATOM_PREDEFINED_END)
        return;
    gc_mark(vm, atom_entry(vm, a));
}

bool gc_value_is_marked(Value v) {
    return !val_is_gc(v) || ((GcHeader *)val_as_gc(v))->marked;
}

void gc_defer_weak(Vm *vm, Obj *o) {
    Gc *g = &vm->gc;
    if (g->weak_len == g->weak_cap) {
        g->weak_cap = g->weak_cap ? g->weak_cap * 2 : 16;
        g->weak = xrealloc(g->weak, g->weak_cap * sizeof(Obj *));
    }
    g->weak[g->weak_len++] = o;
}

static void blacken(Vm *vm, GcHeader *h) {
    switch (h->type) {
    case GC_SYMBOL: {
        ObjSymbol *s = (ObjSymbol *)h;
        gc_mark_value(vm, s->description);
        gc_mark_value(vm, s->private_value);
        gc_mark_value(vm, s->private_class);
        break;
    }
    case GC_OBJECT:
        obj_mark_children(vm, (Obj *)h);
        break;
    case GC_PROTO:
        bc_proto_mark(vm, (FuncProto *)h);
        break;
    case GC_VARREF: {
        VarRef *r = (VarRef *)h;
        gc_mark_value(vm, *r->pvalue);
        gc_mark(vm, r->owner);
        break;
    }
    case GC_ACCESSOR: {
        AccessorPair *a = (AccessorPair *)h;
        gc_mark_value(vm, a->getter);
        gc_mark_value(vm, a->setter);
        break;
    }
    case GC_ACTIVATION: {
        Activation *a = (Activation *)h;
        gc_mark(vm, a->owner);
        gc_mark_value(vm, a->extra[0]);
        gc_mark_value(vm, a->extra[1]);
        frame_mark(vm, &a->frame);
        break;
    }
    default:
        break;
    }
}

static void mark_roots(Vm *vm) {
    Gc *g = &vm->gc;
    atom_table_mark_roots(vm);
    if (vm->realm)
        realm_mark(vm, vm->realm);
    for (Frame *f = vm->frame; f; f = f->caller)
        frame_mark(vm, f);
    if (vm->has_exception)
        gc_mark_value(vm, vm->exception);
    gc_mark(vm, vm->empty_string);
    for (int i = 0; i < 256; i++)
        gc_mark(vm, vm->unit_strings[i]);
    gc_mark(vm, vm->filename);
    gc_mark(vm, vm->source);
    for (size_t i = 0; i < g->roots_len; i++) {
        if (g->root_kinds[i] == 0)
            gc_mark_value(vm, *(Value *)g->roots[i]);
        else
            gc_mark(vm, *(void **)g->roots[i]);
    }
    for (int i = 0; i < g->nmarkers; i++)
        g->markers[i].fn(vm, g->markers[i].ctx);
}

static void drain_gray(Vm *vm) {
    Gc *g = &vm->gc;
    while (g->gray_len > 0) {
        GcHeader *h = g->gray[--g->gray_len];
        blacken(vm, h);
    }
}

/* Phases (1) and (2) of marking (gc.h, "weak containers"). The list of weak containers
 * may grow while the gray stack drains: a container reached only through an ephemeron's
 * value joins the next round, and since reaching it marked something, there is one. */
static void trace_all(Vm *vm) {
    Gc *g = &vm->gc;
    g->weak_len = 0;
    mark_roots(vm);
    drain_gray(vm);
    bool progress = g->weak_len > 0;
    while (progress) {
        progress = false;
        for (size_t i = 0; i < g->weak_len; i++) {
            Obj *o = g->weak[i];
            if (o->u.host.cls->mark_weak(vm, o))
                progress = true;
        }
        drain_gray(vm);
    }
}

/* Phase (3): every live weak container forgets what dies in this collection. */
static void sweep_weak(Vm *vm) {
    Gc *g = &vm->gc;
    for (size_t i = 0; i < g->weak_len; i++) {
        Obj *o = g->weak[i];
        if (o->u.host.cls->sweep_weak)
            o->u.host.cls->sweep_weak(vm, o);
    }
    g->weak_len = 0;
}

static void sweep(Vm *vm) {
    Gc *g = &vm->gc;
    atom_table_sweep(vm);
    GcHeader **link = &g->objects;
    while (*link) {
        GcHeader *h = *link;
        if (h->marked) {
            h->marked = 0;
            link = &h->next;
        } else {
            *link = h->next;
            free_object(vm, h);
        }
    }
}

void gc_collect(Vm *vm) {
    Gc *g = &vm->gc;
    if (g->collecting)
        return;
    g->collecting = true;
    trace_all(vm);
    sweep_weak(vm);
    sweep(vm);
    g->collections++;
    g->next_gc = g->bytes * 2 > GC_MIN_THRESHOLD ? g->bytes * 2 : GC_MIN_THRESHOLD;
    g->collecting = false;
#ifndef NDEBUG
    if (g->stress && !gc_verify(vm))
        die(EXIT_INTERNAL, "gc_verify failed after collection %llu",
            (unsigned long long)g->collections);
#endif
}

/* ---- verification ---- */

static VerifySet *verify_set_of(Vm *vm) {
    return vm->gc.verify_set;
}

bool gc_verify(Vm *vm) {
    Gc *g = &vm->gc;
    size_t n = 0;
    for (GcHeader *h = g->objects; h; h = h->next) {
        if (h->type == 0 || h->type >= GC_TYPE_COUNT) {
            fprintf(stderr, "gc_verify: heap object %p has a bad tag %d\n", (void *)h, h->type);
            return false;
        }
        if (h->marked) {
            fprintf(stderr, "gc_verify: heap object %p is still marked\n", (void *)h);
            return false;
        }
        n++;
    }
    VerifySet vs = {.cap = 16, .ok = true};
    while (vs.cap < n * 2 + 16)
        vs.cap *= 2;
    vs.set = xcalloc(vs.cap, sizeof(GcHeader *));
    for (GcHeader *h = g->objects; h; h = h->next) {
        size_t i = ((uintptr_t)h >> 4) & (vs.cap - 1);
        while (vs.set[i])
            i = (i + 1) & (vs.cap - 1);
        vs.set[i] = h;
    }
    bool was = g->collecting;
    g->collecting = true;
    g->verify_set = &vs;
    trace_all(vm);
    g->weak_len = 0;
    g->verify_set = NULL;
    for (GcHeader *h = g->objects; h; h = h->next)
        h->marked = 0;
    g->collecting = was;
    free(vs.set);
    return vs.ok;
}
