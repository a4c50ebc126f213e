/* disasm.c — the bytecode listing for `trace run --dump-bytecode` (stderr; STYLE R16):
 * one line per instruction with its pc, source line:col, name and decoded operand, then
 * the handler table, then every nested function. */
#include <stdio.h>

#include "tracer/atom.h"
#include "tracer/bytecode.h"
#include "tracer/str.h"
#include "tracer/vm.h"

static void put_value(Vm *vm, Value v, StrBuf *out) {
    if (val_is_number(v)) {
        strbuf_printf(out, "%.17g", val_as_number(v));
    } else if (val_is_string(v)) {
        strbuf_putc(out, '"');
        StrBuf t;
        strbuf_init(&t);
        str_to_utf8(val_as_str(v), &t);
        for (size_t i = 0; i < t.len && i < 40; i++)
            strbuf_putc(out, t.data[i] == '\n' ? ' ' : t.data[i]);
        strbuf_fini(&t);
        strbuf_putc(out, '"');
    } else if (val_is_gc(v) && val_as_gc(v)->type == GC_PROTO) {
        char b[128];
        strbuf_printf(out, "<function %s>",
                      atom_to_cbuf(vm, ((FuncProto *)val_as_gc(v))->name, b, sizeof b));
    } else {
        strbuf_puts(out, "<value>");
    }
}

void dis_proto(Vm *vm, const FuncProto *p, StrBuf *out) {
    char nb[128];
    strbuf_printf(out, "== function %s (params %u, locals %u, stack %u, captures %u) ==\n",
                  p->name == ATOM_empty_string ? "<anonymous>"
                                               : atom_to_cbuf(vm, p->name, nb, sizeof nb),
                  p->nparams, p->nlocals, p->max_stack, p->ncaptures);
    for (uint32_t i = 0; i < p->ncaptures; i++)
        strbuf_printf(out, "  capture %u: kind %u index %u %s\n", i, p->captures[i].kind,
                      p->captures[i].index, atom_to_cbuf(vm, p->captures[i].name, nb, sizeof nb));
    for (uint32_t pc = 0; pc < p->code_len;) {
        uint8_t op = p->code[pc];
        if (op >= OP__COUNT) {
            strbuf_printf(out, "%5u  <bad opcode %u>\n", pc, op);
            break;
        }
        const OpInfo *oi = &op_info[op];
        SrcPos pos = bc_pos_at(p, pc);
        strbuf_printf(out, "%5u %4u:%-3u %-22s", pc, pos.line, pos.col, oi->name);
        const uint8_t *a = p->code + pc + 1;
        switch (oi->fmt) {
        case FMT_U8:
            strbuf_printf(out, " %u", a[0]);
            break;
        case FMT_U16:
            strbuf_printf(out, " %u", bc_read_u16(a));
            if ((op == OP_GET_LOC || op == OP_PUT_LOC || op == OP_SET_LOC ||
                 op == OP_GET_LOC_CHECK || op == OP_SET_LOC_CHECK || op == OP_CLEAR_LOC) &&
                p->local_names && bc_read_u16(a) < p->nparams + p->nlocals &&
                p->local_names[bc_read_u16(a)])
                strbuf_printf(out, " (%s)",
                              atom_to_cbuf(vm, p->local_names[bc_read_u16(a)], nb, sizeof nb));
            break;
        case FMT_I32:
            strbuf_printf(out, " %d", (int32_t)bc_read_u32(a));
            break;
        case FMT_U32:
            strbuf_printf(out, " %u ", bc_read_u32(a));
            if (bc_read_u32(a) < p->nconsts)
                put_value(vm, p->consts[bc_read_u32(a)], out);
            break;
        case FMT_ATOM:
            strbuf_printf(out, " %s", atom_to_cbuf(vm, bc_read_u32(a), nb, sizeof nb));
            break;
        case FMT_ATOM_U8:
            strbuf_printf(out, " %s %u", atom_to_cbuf(vm, bc_read_u32(a), nb, sizeof nb), a[4]);
            break;
        case FMT_JUMP:
            strbuf_printf(out, " -> %d", (int32_t)(pc + oi->size + (int32_t)bc_read_u32(a)));
            break;
        default:
            break;
        }
        strbuf_putc(out, '\n');
        pc += oi->size;
    }
    for (uint32_t i = 0; i < p->nhandlers; i++)
        strbuf_printf(out, "  handler %s [%u, %u) -> %u depth %u\n",
                      p->handlers[i].kind == HANDLER_CATCH ? "catch" : "finally",
                      p->handlers[i].start, p->handlers[i].end, p->handlers[i].target,
                      p->handlers[i].depth);
    for (uint32_t i = 0; i < p->nconsts; i++) {
        Value v = p->consts[i];
        if (val_is_gc(v) && val_as_gc(v)->type == GC_PROTO) {
            strbuf_putc(out, '\n');
            dis_proto(vm, (FuncProto *)val_as_gc(v), out);
        }
    }
}
