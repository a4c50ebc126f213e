/* frame.c — the segmented frame stack and activations (see frame.h). */
#include "tracer/frame.h"

#include <stdlib.h>
#include <string.h>

#include "tracer/bytecode.h"
#include "tracer/function.h"
#include "tracer/object.h"
#include "tracer/vm.h"

#define CHUNK_SIZE (256u * 1024u)

void frame_stack_init(FrameStack *fs) {
    fs->top = NULL;
    fs->spare = NULL;
}

void frame_stack_fini(FrameStack *fs) {
    while (fs->top) {
        FrameChunk *c = fs->top;
        fs->top = c->prev;
        free(c);
    }
    free(fs->spare);
    fs->spare = NULL;
}

Frame *frame_push(Vm *vm, uint32_t nslots) {
    FrameStack *fs = &vm->stack;
    size_t need = sizeof(Frame) + (size_t)nslots * sizeof(Value);
    need = (need + 15) & ~(size_t)15;
    if (!fs->top || fs->top->used + need > fs->top->size) {
        FrameChunk *c;
        size_t size = need > CHUNK_SIZE ? need : CHUNK_SIZE;
        if (fs->spare && fs->spare->size >= need) {
            c = fs->spare;
            fs->spare = NULL;
        } else {
            c = xmalloc(sizeof(FrameChunk) + size);
            c->size = size;
        }
        c->used = 0;
        c->prev = fs->top;
        fs->top = c;
    }
    Frame *f = (Frame *)(void *)(fs->top->data + fs->top->used);
    fs->top->used += need;
    f->caller = NULL;
    f->proto = NULL;
    f->callee = NULL;
    f->pc = NULL;
    f->open_vars = NULL;
    f->argv = NULL;
    f->argc = 0;
    f->flags = 0;
    f->caller_pop = 0;
    f->act = NULL;
    f->nslots = nslots;
    f->sp = f->slots; /* the slots are the caller's to fill (setup_frame) */
    f->this_val = VAL_UNDEFINED;
    f->new_target = VAL_UNDEFINED;
    return f;
}

void frame_pop(Vm *vm, Frame *f) {
    FrameStack *fs = &vm->stack;
    FrameChunk *c = fs->top;
    if (NEVER(!c))
        return;
    size_t off = (size_t)((uint8_t *)f - c->data);
    c->used = off;
    if (off == 0 && c->prev) {
        fs->top = c->prev;
        free(fs->spare);
        fs->spare = c;
    }
}

Activation *frame_new_activation(Vm *vm, uint32_t nslots) {
    Activation *a =
        gc_alloc(vm, GC_ACTIVATION, sizeof(Activation) + (size_t)nslots * sizeof(Value));
    a->state = GEN_SUSPENDED_START;
    a->extra[0] = a->extra[1] = VAL_UNDEFINED;
    Frame *f = &a->frame;
    f->nslots = nslots;
    for (uint32_t i = 0; i < nslots; i++)
        f->slots[i] = VAL_UNDEFINED;
    f->sp = f->slots;
    f->this_val = VAL_UNDEFINED;
    f->new_target = VAL_UNDEFINED;
    f->flags = FRAME_HEAP;
    f->act = a;
    return a;
}

void frame_close_vars(Frame *f, uint32_t from) {
    VarRef **link = &f->open_vars;
    while (*link) {
        VarRef *r = *link;
        if (from == 0 || (r->slot >= from && r->slot < FRAME_SLOT_SPECIAL)) {
            r->closed = *r->pvalue;
            r->pvalue = &r->closed;
            r->owner = NULL;
            *link = r->next;
            r->next = NULL;
        } else {
            link = &r->next;
        }
    }
}

void frame_mark(Vm *vm, Frame *f) {
    gc_mark(vm, f->proto);
    gc_mark(vm, f->callee);
    gc_mark_value(vm, f->this_val);
    gc_mark_value(vm, f->new_target);
    gc_mark(vm, f->act);
    for (VarRef *r = f->open_vars; r; r = r->next)
        gc_mark(vm, r);
    Value *end = f->sp;
    if (end < f->slots || end > f->slots + f->nslots)
        end = f->slots + f->nslots;
    for (Value *p = f->slots; p < end; p++)
        gc_mark_value(vm, *p);
}
