/* scope.c — bindings, block scopes and resolution (see scope.h). */
#include "tracer/scope.h"

#include <stdlib.h>
#include <string.h>

#include "tracer/atom.h"
#include "tracer/compiler_int.h"
#include "tracer/vm.h"

void scope_enter_block(FuncState *fs, ScopeBlock *b) {
    b->parent = fs->block;
    b->first_binding = fs->nbindings;
    b->first_slot = fs->next_slot;
    fs->block = b;
}

bool scope_leave_block(FuncState *fs) {
    ScopeBlock *b = fs->block;
    bool captured = false;
    for (uint32_t i = b->first_binding; i < fs->nbindings; i++)
        captured |= fs->bindings[i].captured;
    fs->nbindings = b->first_binding;
    fs->next_slot = b->first_slot;
    fs->block = b->parent;
    return captured;
}

static uint16_t alloc_slot(FuncState *fs) {
    uint16_t s = fs->next_slot++;
    if (fs->next_slot > fs->max_slot)
        fs->max_slot = fs->next_slot;
    return (uint16_t)(fs->proto->nparams + s);
}

Binding *scope_bind(FuncState *fs, Atom name, BindKind kind) {
    for (uint32_t i = fs->block->first_binding; i < fs->nbindings; i++)
        if (fs->bindings[i].name == name && kind != BIND_HIDDEN &&
            fs->bindings[i].kind != BIND_HIDDEN)
            return &fs->bindings[i];
    if (fs->nbindings == fs->cap) {
        fs->cap = fs->cap ? fs->cap * 2 : 16;
        fs->bindings = xrealloc(fs->bindings, fs->cap * sizeof(Binding));
    }
    Binding *b = &fs->bindings[fs->nbindings++];
    b->name = name;
    b->kind = (uint8_t)kind;
    b->captured = false;
    b->slot = alloc_slot(fs);
    return b;
}

uint16_t scope_temp(FuncState *fs) {
    return scope_bind(fs, ATOM_NULL, BIND_HIDDEN)->slot;
}

static uint16_t add_capture(FuncState *fs, CaptureKind kind, uint16_t index, Atom name,
                            bool is_const) {
    FuncProto *p = fs->proto;
    for (uint16_t i = 0; i < p->ncaptures; i++)
        if (p->captures[i].kind == kind && p->captures[i].index == index)
            return i;
    p->captures = xrealloc(p->captures, (p->ncaptures + 1u) * sizeof(CaptureDesc));
    CaptureDesc *c = &p->captures[p->ncaptures];
    c->kind = (uint8_t)kind;
    c->index = index;
    c->name = name;
    c->is_const = is_const;
    return p->ncaptures++;
}

static Binding *find_local(FuncState *fs, Atom name) {
    for (uint32_t i = fs->nbindings; i-- > 0;)
        if (fs->bindings[i].name == name && fs->bindings[i].kind != BIND_HIDDEN)
            return &fs->bindings[i];
    return NULL;
}

Ref scope_resolve(FuncState *fs, Atom name) {
    Ref r = {REF_GLOBAL, 0, BIND_VAR, name};
    Binding *b = find_local(fs, name);
    if (b) {
        r.kind = REF_LOCAL;
        r.index = b->slot;
        r.bind = b->kind;
        return r;
    }
    if (!fs->parent)
        return r;
    Ref pr = scope_resolve(fs->parent, name);
    if (pr.kind == REF_GLOBAL)
        return pr;
    bool is_const = pr.bind == BIND_CONST || pr.bind == BIND_FUNCNAME;
    if (pr.kind == REF_LOCAL) {
        Binding *pb = find_local(fs->parent, name);
        pb->captured = true;
        r.index = add_capture(fs, CAPTURE_LOCAL, pr.index, name, is_const);
    } else {
        r.index = add_capture(fs, CAPTURE_VARREF, pr.index, name, is_const);
    }
    r.kind = REF_VAR;
    r.bind = pr.bind;
    return r;
}

uint16_t scope_capture_special(FuncState *fs, CaptureKind kind) {
    FuncState *parent = fs->parent;
    if (!parent->is_arrow)
        return add_capture(fs, kind, 0, ATOM_NULL, false);
    uint16_t pi = scope_capture_special(parent, kind);
    return add_capture(fs, CAPTURE_VARREF, pi, ATOM_NULL, false);
}
