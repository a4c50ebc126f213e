/* atom.h — interned property keys. An Atom is a 32-bit key: either an array index
 * (bit 31 set, the index in the low 31 bits, for indices < 2^31-1; larger indices are
 * interned as strings) or an index into the VM's atom table, whose entry is an interned
 * ObjString or an ObjSymbol. Two keys are the same property iff their atoms are equal,
 * so property lookup compares integers. The names in atoms.def are predefined
 * (ATOM_length, ATOM_prototype, ATOM_Symbol_iterator...) and never collected; other
 * atoms live as long as their string or symbol is reachable (the table is weak; marking
 * an atom marks its string/symbol). Symbols always have an atom (their identity).
 *
 * Invalidation: an atom obtained from atom_intern stays valid while something reachable
 * holds it (a property, a bytecode constant, a rooted string); atoms in C locals across
 * an allocation must be protected by rooting their string (or be predefined). */
#ifndef TICKSCOPE_ATOM_H
#define TICKSCOPE_ATOM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tracer/gc.h"
#include "tracer/value.h"

enum {
    ATOM_NULL = 0,
#define ATOM_STR(id, text) ATOM_##id,
#define ATOM_SYM(id, desc) ATOM_##id,
#include "tracer/atoms.def"
#undef ATOM_STR
#undef ATOM_SYM
    ATOM_PREDEFINED_END
};

#define ATOM_INT_FLAG 0x80000000u
#define ATOM_INT_MAX 0x7ffffffeu
static inline bool atom_is_int(Atom a) {
    return (a & ATOM_INT_FLAG) != 0;
}
static inline uint32_t atom_int_value(Atom a) {
    return a & ~ATOM_INT_FLAG;
}
static inline Atom atom_from_index(uint32_t i) {
    return i | ATOM_INT_FLAG;
}

/* What a private name names (ObjSymbol.private_kind). */
enum {
    PRIVATE_FIELD = 0,    /* #x = ...: a per-object value */
    PRIVATE_METHOD,       /* #m() {}: one function shared by the class's instances */
    PRIVATE_ACCESSOR,     /* get #a() / set #a(): one getter/setter pair */
};

struct ObjSymbol {
    GcHeader gc;
    Atom atom;         /* its own atom (identity as a key) */
    bool registered;   /* created by Symbol.for */
    bool is_private;   /* a class private name #x: never an own key of enumeration */
    uint8_t private_kind;   /* PRIVATE_* */
    bool private_static;    /* a static private method or accessor (brand: the class) */
    Value description; /* a string or undefined */
    /* private methods and accessors (#sec-privateelement-specification-type): the function
     * (PRIVATE_METHOD) or an AccessorPair object (PRIVATE_ACCESSOR) that
     * PrivateMethodOrAccessorAdd gives every instance, and the class's name for "Receiver
     * must be an instance of class X" (a string); undefined for fields */
    Value private_value;
    Value private_class;
};

typedef struct {
    GcHeader **entries; /* entries[atom]: ObjString or ObjSymbol; NULL = free */
    uint32_t count, cap;
    uint32_t free_head;   /* free list through entries (tagged) */
    uint32_t *hash;       /* open addressing: string atoms by content */
    uint32_t hash_cap;    /* power of two */
    uint32_t hash_used;   /* including tombstones */
} AtomTable;

void atom_table_init(Vm *vm);
void atom_table_fini(Vm *vm);
/* Called by the GC after marking: frees the entries of unmarked strings/symbols. */
void atom_table_sweep(Vm *vm);
/* Marks the predefined atoms (a GC root). */
void atom_table_mark_roots(Vm *vm);

/* The atom of a key given as UTF-8 text, a JS string, or an index. Canonical array
 * indices ("0", "17", not "017") become int atoms. Allocates at most one string. */
Atom atom_intern(Vm *vm, const char *utf8);
Atom atom_intern_n(Vm *vm, const char *utf8, size_t n);
Atom atom_from_str(Vm *vm, ObjString *s);
Atom atom_from_uint32(Vm *vm, uint32_t index);

/* A new symbol (Symbol(desc)); desc is a string or undefined. */
ObjSymbol *atom_new_symbol(Vm *vm, Value description);

bool atom_is_symbol(Vm *vm, Atom a);
/* The string or symbol of a non-int atom (no allocation). */
GcHeader *atom_entry(Vm *vm, Atom a);
/* The key as a JS value: a string (allocates for int atoms) or a symbol. */
Value atom_to_value(Vm *vm, Atom a);
/* The key as a JS string; for a symbol, NULL. Allocates for int atoms. */
ObjString *atom_to_str(Vm *vm, Atom a);
/* Text for messages and the disassembler: "x", "0", or "Symbol(desc)". Truncates. */
const char *atom_to_cbuf(Vm *vm, Atom a, char *buf, size_t cap);
/* The function name a key gives (SetFunctionName): "x", or "[desc]" for a symbol. */
ObjString *atom_to_function_name(Vm *vm, Atom a);

#endif
