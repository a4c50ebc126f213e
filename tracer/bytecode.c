/* bytecode.c — FuncProto storage and the opcode table (see bytecode.h). */
#include "tracer/bytecode.h"

#include <stdlib.h>
#include <string.h>

#include "tracer/atom.h"
#include "tracer/vm.h"

const OpInfo op_info[OP__COUNT] = {
#define OP(name, pops, pushes, size, fmt) {#name, pops, pushes, size, fmt},
#include "tracer/opcodes.def"
#undef OP
};

FuncProto *bc_proto_new(Vm *vm) {
    FuncProto *p = gc_alloc(vm, GC_PROTO, sizeof(FuncProto));
    p->name = ATOM_empty_string;
    return p;
}

void bc_proto_free(Vm *vm, FuncProto *p) {
    gc_account(vm, -(ptrdiff_t)(p->code_cap + p->consts_cap * sizeof(Value)));
    free(p->code);
    free(p->consts);
    free(p->captures);
    free(p->handlers);
    free(p->pcpos);
    free(p->local_names);
    free(p->sites);
}

void bc_proto_mark(Vm *vm, FuncProto *p) {
    gc_mark_atom(vm, p->name);
    gc_mark_atom(vm, p->inferred_name);
    for (uint32_t i = 0; i < p->nconsts; i++)
        gc_mark_value(vm, p->consts[i]);
    gc_mark(vm, p->filename);
    gc_mark(vm, p->source);
    if (p->local_names)
        for (uint32_t i = 0; i < (uint32_t)p->nparams + p->nlocals; i++)
            gc_mark_atom(vm, p->local_names[i]);
    for (uint32_t i = 0; i < p->ncaptures; i++)
        gc_mark_atom(vm, p->captures[i].name);
    /* atoms used as operands */
    for (uint32_t pc = 0; pc < p->code_len;) {
        uint8_t op = p->code[pc];
        if (op >= OP__COUNT)
            break;
        uint8_t fmt = op_info[op].fmt;
        if (fmt == FMT_ATOM || fmt == FMT_ATOM_U8)
            gc_mark_atom(vm, bc_read_u32(p->code + pc + 1));
        pc += op_info[op].size;
    }
}

uint32_t bc_emit_byte(Vm *vm, FuncProto *p, uint8_t b) {
    if (p->code_len == p->code_cap) {
        uint32_t cap = p->code_cap ? p->code_cap * 2 : 64;
        gc_account(vm, (ptrdiff_t)(cap - p->code_cap));
        p->code = xrealloc(p->code, cap);
        p->code_cap = cap;
    }
    p->code[p->code_len] = b;
    return p->code_len++;
}

void bc_emit_u16(Vm *vm, FuncProto *p, uint16_t v) {
    bc_emit_byte(vm, p, (uint8_t)v);
    bc_emit_byte(vm, p, (uint8_t)(v >> 8));
}

void bc_emit_u32(Vm *vm, FuncProto *p, uint32_t v) {
    for (int i = 0; i < 4; i++)
        bc_emit_byte(vm, p, (uint8_t)(v >> (8 * i)));
}

uint32_t bc_add_const(Vm *vm, FuncProto *p, Value v) {
    for (uint32_t i = 0; i < p->nconsts; i++)
        if (p->consts[i] == v && !val_is_object(v))
            return i;
    if (p->nconsts == p->consts_cap) {
        uint32_t cap = p->consts_cap ? p->consts_cap * 2 : 8;
        gc_account(vm, (ptrdiff_t)((cap - p->consts_cap) * sizeof(Value)));
        p->consts = xrealloc(p->consts, cap * sizeof(Value));
        p->consts_cap = cap;
    }
    p->consts[p->nconsts] = v;
    return p->nconsts++;
}

void bc_add_pcpos(Vm *vm, FuncProto *p, uint32_t pc, SrcPos pos) {
    if (p->npcpos && p->pcpos[p->npcpos - 1].pc == pc) {
        p->pcpos[p->npcpos - 1].pos = pos;
        return;
    }
    if (p->npcpos && p->pcpos[p->npcpos - 1].pos.offset == pos.offset &&
        p->pcpos[p->npcpos - 1].pos.line == pos.line)
        return;
    if (p->npcpos == p->pcpos_cap) {
        p->pcpos_cap = p->pcpos_cap ? p->pcpos_cap * 2 : 16;
        p->pcpos = xrealloc(p->pcpos, p->pcpos_cap * sizeof(PcPos));
    }
    p->pcpos[p->npcpos].pc = pc;
    p->pcpos[p->npcpos].pos = pos;
    p->npcpos++;
}

uint32_t bc_add_handler(Vm *vm, FuncProto *p, Handler h) {
    if (p->nhandlers == p->handlers_cap) {
        p->handlers_cap = p->handlers_cap ? p->handlers_cap * 2 : 4;
        p->handlers = xrealloc(p->handlers, p->handlers_cap * sizeof(Handler));
    }
    p->handlers[p->nhandlers] = h;
    return p->nhandlers++;
}

SrcPos bc_pos_at(const FuncProto *p, uint32_t pc) {
    SrcPos pos = p->pos;
    uint32_t lo = 0, hi = p->npcpos;
    while (lo < hi) { /* last entry with entry.pc <= pc */
        uint32_t mid = (lo + hi) / 2;
        if (p->pcpos[mid].pc <= pc)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo > 0)
        pos = p->pcpos[lo - 1].pos;
    return pos;
}

void bc_add_site(Vm *vm, FuncProto *p, uint32_t pc, uint32_t text_const) {
    (void)vm;
    if (p->nsites == p->sites_cap) {
        p->sites_cap = p->sites_cap ? p->sites_cap * 2 : 8;
        p->sites = xrealloc(p->sites, p->sites_cap * sizeof(SiteDesc));
    }
    p->sites[p->nsites].pc = pc;
    p->sites[p->nsites].text = text_const;
    p->nsites++;
}

ObjString *bc_site_text(const FuncProto *p, uint32_t pc) {
    for (uint32_t i = 0; i < p->nsites; i++)
        if (p->sites[i].pc == pc && p->sites[i].text < p->nconsts &&
            val_is_string(p->consts[p->sites[i].text]))
            return val_as_str(p->consts[p->sites[i].text]);
    return NULL;
}
