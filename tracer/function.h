/* function.h — callable objects: bytecode closures (a FuncProto plus its captured
 * variables), native functions (a C function plus magic and data slots), and bound
 * functions (#sec-bound-function-exotic-objects). Also the captured-variable cell,
 * VarRef: open while it points into a live frame's slot, closed (holding its own copy)
 * once that frame or block scope ends (clox's upvalues, QuickJS's var_refs). Frames never
 * move, so an open VarRef's pointer stays valid; an open VarRef into a suspended
 * generator/async activation keeps that activation alive (owner).
 *
 * Calling: vm_call / vm_construct (vm.h). Writing a native: see NativeFn below and
 * /tmp/tickscope-notes/core-api.md. */
#ifndef TICKSCOPE_FUNCTION_H
#define TICKSCOPE_FUNCTION_H

#include <stdbool.h>
#include <stdint.h>

#include "tracer/object.h"
#include "tracer/value.h"

/* What a native receives besides this and the arguments. */
typedef struct NativeCtx {
    Obj *callee;      /* the native function object (u.native.data holds its data) */
    Value new_target; /* undefined for [[Call]]; the constructor for [[Construct]] */
    int magic;        /* callee->u.native.magic, for functions sharing one C body */
} NativeCtx;

/* The native function signature (see object.h: typedef Value NativeFn(...)):
 *   Value fn(Vm *vm, Value this_val, int argc, const Value *argv, const NativeCtx *ctx)
 * this_val and argv[0..argc) are rooted for the duration of the call (they are on the
 * VM stack). argc may be smaller than the declared length: read arguments with ARG(i).
 * Return the result, or VAL_EXCEPTION after vm_throw*() (vm.h). */
#define ARG(i) ((i) < argc ? argv[(i)] : VAL_UNDEFINED)
#define NATIVE(name)                                                                         \
    Value name(Vm *vm, Value this_val, int argc, const Value *argv, const NativeCtx *ctx)

struct VarRef {
    GcHeader gc;
    Value *pvalue;    /* &closed when closed, else the frame slot */
    Value closed;
    VarRef *next;     /* the owning frame's list of open VarRefs */
    GcHeader *owner;  /* the Activation whose slot this is while open, or NULL */
    uint32_t slot;    /* the slot index while open */
    bool is_const;    /* assignment throws "Assignment to constant variable." */
};

/* A native function object with "length" and "name" (#sec-createbuiltinfunction).
 * name may be a plain name ("push") or a key atom (symbols become "[Symbol.iterator]"). */
Obj *fn_new_native(Vm *vm, NativeFn *fn, const char *name, int length, int magic);
Obj *fn_new_native_atom(Vm *vm, NativeFn *fn, Atom name, int length, int magic);
/* The same, as a constructor (has [[Construct]]; new_target is passed in ctx). */
Obj *fn_new_native_ctor(Vm *vm, NativeFn *fn, const char *name, int length, int magic);

/* A closure of proto whose captured variables are vars (copied; NULL: all NULL, for the
 * VM to fill while the closure is rooted); creates "prototype"
 * for ordinary functions, generators and classes as the spec says
 * (#sec-makeconstructor). Used by the VM (OP_CLOSURE). */
Obj *fn_new_closure(Vm *vm, FuncProto *proto, VarRef **vars, Obj *home);

/* BoundFunctionCreate (#sec-boundfunctioncreate): NULL on throw. */
Obj *BoundFunctionCreate(Vm *vm, Value target, Value bound_this, int argc, const Value *argv);

/* SetFunctionName (#sec-setfunctionname) on a fresh function: defines "name".
 * prefix is NULL, "get" or "set". */
bool fn_set_name(Vm *vm, Obj *fn, Atom key, const char *prefix) WARN_UNUSED;
/* The function's name for messages and inspect ("" when anonymous); no JS runs. */
ObjString *fn_get_name(Vm *vm, Obj *fn);
/* True for closures of class constructors (inspect prints [class A]). */
bool fn_is_class(const Obj *fn);

/* A new open VarRef on slot (owner: the activation or NULL for a stack frame). */
VarRef *varref_new(Vm *vm, Value *slot, GcHeader *owner, uint32_t slot_index);

#endif
