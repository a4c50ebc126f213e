/* scope.h — name resolution for the compiler (ecma262 #sec-environment-records, done
 * statically): the bindings of each function (params, var, let/const/class, function
 * declarations, catch parameters, hidden temporaries) in nested block scopes, each in a
 * frame slot; lookups walk outwards through enclosing functions, turning a hit in an
 * outer function into a captured variable (a chain of CaptureDesc, like Lua upvalues);
 * an unresolved name is a global. The arrow-function specials (this, new.target) are
 * captured the same way from the nearest non-arrow function. Let/const/class bindings
 * carry their TDZ: loads and stores check them (GET_LOC_CHECK...). */
#ifndef TICKSCOPE_SCOPE_H
#define TICKSCOPE_SCOPE_H

#include <stdbool.h>
#include <stdint.h>

#include "tracer/bytecode.h"

typedef enum {
    BIND_VAR = 0,   /* var, function declaration, parameter: no TDZ, mutable */
    BIND_LET,       /* let, catch parameter of a pattern: TDZ, mutable */
    BIND_CONST,     /* const, class inner name, private names: TDZ, immutable */
    BIND_CLASS,     /* class declaration: TDZ, mutable */
    BIND_FUNCNAME,  /* a named function expression's own name: immutable, no TDZ */
    BIND_HIDDEN,    /* a compiler temporary (never found by name) */
} BindKind;

typedef struct {
    Atom name;
    uint16_t slot;
    uint8_t kind;      /* BindKind */
    bool captured;
} Binding;

typedef struct ScopeBlock {
    struct ScopeBlock *parent;
    uint32_t first_binding;  /* index into FuncState.bindings */
    uint16_t first_slot;     /* first slot this block allocated */
} ScopeBlock;

typedef enum { REF_LOCAL, REF_VAR, REF_GLOBAL } RefKind;

typedef struct {
    RefKind kind;
    uint16_t index;  /* slot (LOCAL) or capture index (VAR) */
    uint8_t bind;    /* BindKind of the binding (LOCAL/VAR) */
    Atom name;
} Ref;

typedef struct FuncState FuncState;

void scope_enter_block(FuncState *fs, ScopeBlock *b);
/* Pops the innermost block: frees its slots; returns true when one of its bindings was
 * captured (the caller emits CLOSE_LOC first_slot). */
bool scope_leave_block(FuncState *fs);
/* Declares name in the innermost block (or returns the existing binding of the same
 * block). */
Binding *scope_bind(FuncState *fs, Atom name, BindKind kind);
/* A fresh hidden slot in the innermost block. */
uint16_t scope_temp(FuncState *fs);
/* Resolves name from fs outwards. */
Ref scope_resolve(FuncState *fs, Atom name);
/* The capture index in fs of the nearest non-arrow function's this (kind CAPTURE_THIS)
 * or new.target; fs must be an arrow. */
uint16_t scope_capture_special(FuncState *fs, CaptureKind kind);

#endif
