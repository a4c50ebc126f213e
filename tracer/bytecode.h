/* bytecode.h — the compiled form of one function: FuncProto. Owns its code bytes, its
 * constant pool (numbers, strings, nested FuncProtos, cached template objects), the
 * pc→SrcPos table, the exception handler table, the capture descriptors used by
 * OP_CLOSURE, the names of its locals (for TDZ messages and the disassembler), and the
 * frame size it needs (nparams + nlocals + max_stack; max_stack is derived from the stack
 * effects in opcodes.def while emitting). A FuncProto is a GC object, immutable once the
 * compiler has finished it (except the template-object cache in its constants).
 *
 * Instruction encoding: one opcode byte followed by its operands as opcodes.def declares
 * them (FMT_*), little-endian, unaligned. Jumps are relative to the end of the jump. */
#ifndef TICKSCOPE_BYTECODE_H
#define TICKSCOPE_BYTECODE_H

#include <stdbool.h>
#include <stdint.h>

#include "common/strbuf.h"
#include "tracer/gc.h"
#include "tracer/srcpos.h"
#include "tracer/value.h"

typedef enum {
    FMT_NONE,  /* no operand */
    FMT_U8,    /* u8 */
    FMT_U16,   /* u16: argc, local slot, varref index */
    FMT_I32,   /* i32: small integer constant */
    FMT_U32,   /* u32: constant-pool index */
    FMT_ATOM,  /* u32: an atom (property key or global name) */
    FMT_JUMP,  /* i32: relative jump offset */
    FMT_ATOM_U8, /* u32 atom, u8 flags */
} OpFormat;

typedef enum {
#define OP(name, pops, pushes, size, fmt) OP_##name,
#include "tracer/opcodes.def"
#undef OP
    OP__COUNT
} OpCode;

typedef struct {
    const char *name;
    int8_t pops, pushes; /* -1: depends on the operand (the emitter computes it) */
    uint8_t size;        /* bytes including the opcode */
    uint8_t fmt;         /* OpFormat */
} OpInfo;

extern const OpInfo op_info[OP__COUNT];

/* Where a closure's captured variable comes from when OP_CLOSURE creates it. */
typedef enum {
    CAPTURE_LOCAL = 0,  /* the creating frame's slot index */
    CAPTURE_VARREF,     /* the creating closure's captured variable index */
    CAPTURE_THIS,       /* the creating frame's this (arrows) */
    CAPTURE_NEW_TARGET, /* the creating frame's new.target (arrows) */
    CAPTURE_CALLEE,     /* the creating frame's function (super, home object in arrows) */
} CaptureKind;

typedef struct {
    uint8_t kind;    /* CaptureKind */
    uint8_t is_const;
    uint16_t index;
    Atom name;       /* for messages and the disassembler */
} CaptureDesc;

/* Exception handler table entries (#sec-try-statement). Ordered innermost first: the VM
 * takes the first entry whose [start, end) holds the faulting pc. */
typedef enum {
    HANDLER_CATCH = 0,   /* receives [exception] */
    HANDLER_FINALLY = 1, /* receives [value, completion type] (CompletionType) */
} HandlerKind;

/* The completion record a finally block receives (#sec-completion-record-specification-
 * type), as the number on top of the stack. GOTO carries an absolute pc as its value. */
typedef enum {
    COMPLETION_NORMAL = 0,
    COMPLETION_THROW = 1,
    COMPLETION_RETURN = 2,
    COMPLETION_GOTO = 3,
} CompletionType;

typedef struct {
    uint32_t start, end; /* pc range protected */
    uint32_t target;     /* handler pc */
    uint16_t depth;      /* operand-stack depth to restore (above the locals) */
    uint8_t kind;        /* HandlerKind */
} Handler;

typedef struct {
    uint32_t pc;
    SrcPos pos;
} PcPos;

/* How V8 names an expression in "x is not a function" / "x is not iterable" messages:
 * the callee text (o.foo, this.x, a[0]) or "(intermediate value)". An ARRAY_SPREAD text
 * that starts with SITE_ITER_CALL_SPREAD is the last argument of f(...x), which V8 words
 * differently (vm.c GetIterator). */
#define SITE_ITER_CALL_SPREAD '\x01'
typedef struct {
    uint32_t pc;    /* the CALL/NEW/GET_ITERATOR instruction */
    uint32_t text;  /* constant index of the description string */
} SiteDesc;

/* FuncProto.flags */
enum {
    FP_STRICT = 1 << 0,
    FP_ARROW = 1 << 1,
    FP_GENERATOR = 1 << 2,
    FP_ASYNC = 1 << 3,
    FP_CLASS_CONSTRUCTOR = 1 << 4,
    FP_DERIVED = 1 << 5,
    FP_METHOD = 1 << 6,        /* object/class method or accessor: no "prototype", not new-able */
    FP_SCRIPT = 1 << 7,        /* the top level of a script */
    FP_USES_ARGUMENTS = 1 << 8,
    FP_HAS_FIELDS = 1 << 9,    /* class constructor with instance fields */
    FP_FIELD_INIT = 1 << 10,   /* the synthesized field initializer of a class */
    FP_NEEDS_HOME = 1 << 11,   /* uses super.x: closures get a home object */
    FP_GLOBAL_SCRIPT = 1 << 12, /* a classic Script (CompileOptions.script_vars_global):
                                   top-level this is the global object */
};

struct FuncProto {
    GcHeader gc;
    uint32_t flags;       /* FP_* */
    Atom name;            /* ATOM_empty_string when anonymous */
    Atom inferred_name;   /* V8's inferred name of an anonymous function ("o.f" of
                             o.f = function () {}): stack frames only, ATOM_NULL if none */
    uint16_t nparams;     /* formal parameters copied into slots[0..nparams) */
    uint16_t length;      /* the function's "length" */
    uint16_t nlocals;     /* slots after the params */
    uint16_t max_stack;   /* operand stack size */
    uint16_t ncaptures;
    uint16_t super_this;  /* an arrow using super: 1 + the capture index of the enclosing
                             function's this binding (super() binds it, super.x reads it) */
    uint8_t *code;
    uint32_t code_len, code_cap;
    Value *consts;
    uint32_t nconsts, consts_cap;
    CaptureDesc *captures;
    Handler *handlers;
    uint32_t nhandlers, handlers_cap;
    PcPos *pcpos;
    uint32_t npcpos, pcpos_cap;
    SiteDesc *sites;      /* sorted by pc */
    uint32_t nsites, sites_cap;
    Atom *local_names;    /* nparams + nlocals names (ATOM_NULL for temporaries) */
    ObjString *filename;  /* shared by every function of a script */
    SrcPos pos;           /* where the function starts */
    uint32_t src_start, src_end; /* byte range in the source (Function.prototype.toString) */
    ObjString *source;    /* the whole source text (shared), for toString */
};

/* A new, empty FuncProto (the compiler fills it). */
FuncProto *bc_proto_new(Vm *vm);
void bc_proto_free(Vm *vm, FuncProto *p);
void bc_proto_mark(Vm *vm, FuncProto *p);

/* Appending (the compiler). */
uint32_t bc_emit_byte(Vm *vm, FuncProto *p, uint8_t b);
void bc_emit_u16(Vm *vm, FuncProto *p, uint16_t v);
void bc_emit_u32(Vm *vm, FuncProto *p, uint32_t v);
uint32_t bc_add_const(Vm *vm, FuncProto *p, Value v);
void bc_add_pcpos(Vm *vm, FuncProto *p, uint32_t pc, SrcPos pos);
uint32_t bc_add_handler(Vm *vm, FuncProto *p, Handler h);

static inline uint16_t bc_read_u16(const uint8_t *p) {
    return (uint16_t)(p[0] | (p[1] << 8));
}
static inline uint32_t bc_read_u32(const uint8_t *p) {
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) |
           ((uint32_t)p[3] << 24);
}
static inline void bc_write_u32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

void bc_add_site(Vm *vm, FuncProto *p, uint32_t pc, uint32_t text_const);
/* The description constant of the instruction at pc, or NULL. */
ObjString *bc_site_text(const FuncProto *p, uint32_t pc);

/* The source position of the instruction at pc (the last entry at or before pc). */
SrcPos bc_pos_at(const FuncProto *p, uint32_t pc);

/* disasm.c: the listing of p and of every nested function, for --dump-bytecode. */
void dis_proto(Vm *vm, const FuncProto *p, StrBuf *out);

#endif
