/* shape.c — per-object property tables (object.h: PropTable). Properties are kept in
 * insertion order in one array; up to PTAB_LINEAR of them are found by a linear scan of
 * the keys, beyond that an open-addressing index maps key → position+1. Removing a key
 * shifts the tail down (order is observable) and rebuilds the index. */
#include "tracer/object.h"

#include <stdlib.h>
#include <string.h>

#include "tracer/vm.h"

#define PTAB_LINEAR 8

static inline uint32_t key_hash(Atom a) {
    uint32_t h = a * 2654435761u;
    return h ^ (h >> 15);
}

void ptab_init(PropTable *t, Prop *inline_props, uint32_t cap) {
    memset(t, 0, sizeof *t);
    if (inline_props && cap) {
        t->props = inline_props;
        t->cap = cap;
        t->is_inline = true;
    }
}

void ptab_fini(Vm *vm, PropTable *t) {
    if (t->props && !t->is_inline) {
        gc_account(vm, -(ptrdiff_t)(t->cap * sizeof(Prop)));
        free(t->props);
    }
    if (t->index)
        gc_account(vm, -(ptrdiff_t)(t->index_cap * sizeof(uint32_t)));
    free(t->index);
    memset(t, 0, sizeof *t);
}

static void index_rebuild(Vm *vm, PropTable *t) {
    if (t->count <= PTAB_LINEAR) {
        if (t->index) {
            gc_account(vm, -(ptrdiff_t)(t->index_cap * sizeof(uint32_t)));
            free(t->index);
            t->index = NULL;
            t->index_cap = 0;
        }
        return;
    }
    uint32_t cap = 16;
    while (cap < t->count * 2)
        cap *= 2;
    if (cap != t->index_cap) {
        gc_account(vm, (ptrdiff_t)cap * (ptrdiff_t)sizeof(uint32_t) -
                           (ptrdiff_t)t->index_cap * (ptrdiff_t)sizeof(uint32_t));
        free(t->index);
        t->index = xmalloc(cap * sizeof(uint32_t));
        t->index_cap = cap;
    }
    memset(t->index, 0, cap * sizeof(uint32_t));
    for (uint32_t p = 0; p < t->count; p++) {
        uint32_t i = key_hash(t->props[p].key) & (cap - 1);
        while (t->index[i])
            i = (i + 1) & (cap - 1);
        t->index[i] = p + 1;
    }
}

Prop *ptab_find_indexed(const PropTable *t, Atom key) {
    uint32_t mask = t->index_cap - 1;
    uint32_t i = key_hash(key) & mask;
    while (t->index[i]) {
        Prop *p = &t->props[t->index[i] - 1];
        if (p->key == key)
            return p;
        i = (i + 1) & mask;
    }
    return NULL;
}

Prop *ptab_add(Vm *vm, PropTable *t, Atom key, uint32_t flags) {
    if (t->count == t->cap) {
        uint32_t cap = t->cap ? t->cap * 2 : 4;
        if (t->is_inline) {
            /* leave the inline storage: the whole table moves to the heap */
            Prop *p = xmalloc(cap * sizeof(Prop));
            memcpy(p, t->props, t->count * sizeof(Prop));
            t->props = p;
            t->is_inline = false;
            gc_account(vm, (ptrdiff_t)cap * (ptrdiff_t)sizeof(Prop));
        } else {
            gc_account(vm, (ptrdiff_t)(cap - t->cap) * (ptrdiff_t)sizeof(Prop));
            t->props = xrealloc(t->props, cap * sizeof(Prop));
        }
        t->cap = cap;
    }
    Prop *p = &t->props[t->count++];
    p->key = key;
    p->flags = flags;
    p->u.value = VAL_UNDEFINED;
    if (t->index && t->count * 2 <= t->index_cap) {
        uint32_t mask = t->index_cap - 1;
        uint32_t i = key_hash(key) & mask;
        while (t->index[i])
            i = (i + 1) & mask;
        t->index[i] = t->count;
    } else if (t->count > PTAB_LINEAR) {
        index_rebuild(vm, t);
    }
    return p;
}

void ptab_remove(Vm *vm, PropTable *t, Atom key) {
    Prop *p = ptab_find(t, key);
    if (!p)
        return;
    uint32_t pos = (uint32_t)(p - t->props);
    memmove(&t->props[pos], &t->props[pos + 1], (t->count - pos - 1) * sizeof(Prop));
    t->count--;
    if (t->index)
        index_rebuild(vm, t);
}
