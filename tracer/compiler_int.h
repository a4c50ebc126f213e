/* compiler_int.h — the compiler's internal state, shared by compiler.c and scope.c only. */
#ifndef TICKSCOPE_COMPILER_INT_H
#define TICKSCOPE_COMPILER_INT_H

#include <setjmp.h>

#include "tracer/compiler.h"
#include "tracer/scope.h"

/* A forward jump target: patch sites until resolved. */
typedef struct {
    uint32_t *sites;
    uint32_t nsites, cap;
    int32_t pc; /* -1 until placed */
    int depth;  /* operand-stack depth expected at the label */
} Label;

typedef enum { JS_LOOP, JS_SWITCH, JS_LABEL, JS_FINALLY } JumpScopeKind;

typedef struct JumpScope JumpScope;

/* A GOTO completion leaving a finally block: PUSH_I32 at patch_site receives the pc of
 * the stub emitted right after that block's END_FINALLY, which continues towards the
 * next finally block or the target. */
typedef struct {
    uint32_t patch_site;
    JumpScope *target; /* the loop/label scope jumped to */
    bool is_continue;
} Stub;

struct JumpScope {
    struct JumpScope *parent;
    JumpScopeKind kind;
    AstName labels[8];
    int nlabels;
    int depth;               /* stack depth at the break/continue targets */
    uint16_t close_slot;     /* slots >= this are block-scoped inside: close on exit */
    Label brk, cont;         /* break / continue targets */
    Label handler;           /* JS_FINALLY: the finally block entry (depth + 2) */
    JumpScope *owner_loop;   /* JS_FINALLY of a for-of body: continue does not cross it */
    Stub *stubs;             /* JS_FINALLY: GOTO completions to continue after it */
    uint32_t nstubs, stubs_cap;
};

struct FuncState {
    struct FuncState *parent;
    FuncProto *proto;
    Binding *bindings;
    uint32_t nbindings, cap;
    ScopeBlock *block;
    uint16_t next_slot, max_slot;  /* local slots above the params */
    int depth, max_depth;          /* operand stack */
    JumpScope *jumps;
    bool is_arrow, is_script, strict, derived_ctor;
    AstName pending_labels[8];     /* labels of the statement being compiled */
    int npending;
    Atom *names;                   /* local_names being recorded (record_name) */
    uint32_t names_cap;
    /* Annex B.3.3 block functions of this body: the var binding of each name (its local
     * slot, or -1 for a property of the global object) */
    Atom *annexb_names;
    int32_t *annexb_slots;
    uint32_t nannexb;
};

typedef struct {
    Vm *vm;
    FuncState *fs;
    const char *src;
    size_t len;
    ObjString *filename, *source;
    CompileOptions opt;
    ParseError *err;
    struct Chain *chain; /* the optional chain being compiled */
    Node *pattern_src;   /* the initializer destructured by the next pattern (messages) */
    jmp_buf fail; /* unsupported construct: longjmp out of the whole compilation */
} Compiler;

#endif
