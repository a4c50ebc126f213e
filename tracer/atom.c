/* atom.c — the atom table (see atom.h). entries[] maps an atom to its interned string or
 * symbol; hash[] finds string atoms by content (open addressing, linear probing; 0 =
 * empty, UINT32_MAX = tombstone). Free entries form a list through the entries array
 * (tagged with bit 0 set). */
#include "tracer/atom.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tracer/numconv.h"
#include "tracer/str.h"
#include "tracer/vm.h"

#define HASH_EMPTY 0u
#define HASH_TOMB 0xffffffffu
#define FREE_TAG(i) ((GcHeader *)(uintptr_t)(((uintptr_t)(i) << 1) | 1))
#define IS_FREE(e) (((uintptr_t)(e)) & 1)
#define FREE_NEXT(e) ((uint32_t)(((uintptr_t)(e)) >> 1))

static const struct {
    const char *text;
    bool symbol;
} predefined[] = {
    {"", false}, /* ATOM_NULL, unused */
#define ATOM_STR(id, text) {text, false},
#define ATOM_SYM(id, desc) {desc, true},
#include "tracer/atoms.def"
#undef ATOM_STR
#undef ATOM_SYM
};

static void hash_insert(AtomTable *t, Vm *vm, Atom a);

static void hash_resize(Vm *vm, AtomTable *t, uint32_t cap) {
    free(t->hash);
    t->hash = xcalloc(cap, sizeof(uint32_t));
    t->hash_cap = cap;
    t->hash_used = 0;
    for (uint32_t i = 1; i < t->count; i++) {
        GcHeader *e = t->entries[i];
        if (e && !IS_FREE(e) && e->type == GC_STRING)
            hash_insert(t, vm, i);
    }
}

static void hash_insert(AtomTable *t, Vm *vm, Atom a) {
    (void)vm;
    ObjString *s = (ObjString *)t->entries[a];
    uint32_t mask = t->hash_cap - 1;
    uint32_t i = str_hash(s) & mask;
    while (t->hash[i] != HASH_EMPTY && t->hash[i] != HASH_TOMB)
        i = (i + 1) & mask;
    if (t->hash[i] == HASH_EMPTY)
        t->hash_used++;
    t->hash[i] = a;
}

static Atom table_add(Vm *vm, GcHeader *obj) {
    AtomTable *t = &vm->atoms;
    Atom a;
    if (t->free_head) {
        a = t->free_head;
        t->free_head = FREE_NEXT(t->entries[a]);
    } else {
        if (t->count == t->cap) {
            t->cap = t->cap ? t->cap * 2 : 512;
            t->entries = xrealloc(t->entries, t->cap * sizeof(GcHeader *));
        }
        a = t->count++;
    }
    t->entries[a] = obj;
    return a;
}

static Atom intern_string(Vm *vm, ObjString *s) {
    AtomTable *t = &vm->atoms;
    if (s->atom)
        return s->atom;
    uint32_t mask = t->hash_cap - 1;
    uint32_t i = str_hash(s) & mask;
    while (t->hash[i] != HASH_EMPTY) {
        if (t->hash[i] != HASH_TOMB) {
            ObjString *e = (ObjString *)t->entries[t->hash[i]];
            if (str_equal(e, s))
                return t->hash[i];
        }
        i = (i + 1) & mask;
    }
    Atom a = table_add(vm, &s->gc);
    s->atom = a;
    if ((t->hash_used + 1) * 4 >= t->hash_cap * 3)
        hash_resize(vm, t, t->hash_cap * 2);
    hash_insert(t, vm, a);
    return a;
}

void atom_table_init(Vm *vm) {
    AtomTable *t = &vm->atoms;
    memset(t, 0, sizeof *t);
    t->hash_cap = 1024;
    t->hash = xcalloc(t->hash_cap, sizeof(uint32_t));
    t->cap = 512;
    t->entries = xcalloc(t->cap, sizeof(GcHeader *));
    t->count = 1; /* ATOM_NULL */
    vm->gc.inhibit++;
    for (uint32_t i = 1; i < ATOM_PREDEFINED_END; i++) {
        ObjString *s = str_new_cstr(vm, predefined[i].text);
        if (predefined[i].symbol) {
            ObjSymbol *sym = gc_alloc(vm, GC_SYMBOL, sizeof(ObjSymbol));
            sym->description = val_str(s);
            sym->private_value = sym->private_class = VAL_UNDEFINED;
            Atom a = table_add(vm, &sym->gc);
            sym->atom = a;
            if (NEVER(a != i))
                die(EXIT_INTERNAL, "atom table out of order");
        } else {
            /* the empty string is shared with str_empty: intern it as well */
            Atom a = table_add(vm, &s->gc);
            s->atom = a;
            hash_insert(t, vm, a);
            t->hash_used += 0;
            if (NEVER(a != i))
                die(EXIT_INTERNAL, "atom table out of order");
        }
    }
    vm->gc.inhibit--;
}

void atom_table_fini(Vm *vm) {
    free(vm->atoms.entries);
    free(vm->atoms.hash);
    memset(&vm->atoms, 0, sizeof vm->atoms);
}

void atom_table_mark_roots(Vm *vm) {
    for (uint32_t i = 1; i < ATOM_PREDEFINED_END; i++)
        gc_mark(vm, vm->atoms.entries[i]);
}

void atom_table_sweep(Vm *vm) {
    AtomTable *t = &vm->atoms;
    bool removed = false;
    for (uint32_t i = ATOM_PREDEFINED_END; i < t->count; i++) {
        GcHeader *e = t->entries[i];
        if (!e || IS_FREE(e) || e->marked)
            continue;
        if (e->type == GC_STRING)
            removed = true;
        t->entries[i] = FREE_TAG(t->free_head);
        t->free_head = i;
    }
    if (removed)
        hash_resize(vm, t, t->hash_cap);
}

Atom atom_from_str(Vm *vm, ObjString *s) {
    if (s->atom)
        return s->atom;
    /* canonical array index → int atom */
    if (s->len > 0 && s->len <= 10) {
        uint32_t idx;
        NumconvText txt = s->wide ? numconv_text_utf16(str_u16(s), s->len)
                                  : numconv_text_utf8((const char *)s->data, s->len);
        if (numconv_text_is_array_index(txt, &idx) && idx <= ATOM_INT_MAX)
            return atom_from_index(idx);
    }
    return intern_string(vm, s);
}

Atom atom_intern_n(Vm *vm, const char *utf8, size_t n) {
    ObjString *s = str_new_utf8(vm, utf8, n);
    return atom_from_str(vm, s);
}

Atom atom_intern(Vm *vm, const char *utf8) {
    return atom_intern_n(vm, utf8, strlen(utf8));
}

Atom atom_from_uint32(Vm *vm, uint32_t index) {
    if (index <= ATOM_INT_MAX)
        return atom_from_index(index);
    char buf[NUMCONV_INT_SIZE];
    size_t n = numconv_format_u32(index, buf);
    return intern_string(vm, str_new_latin1(vm, (const uint8_t *)buf, n));
}

ObjSymbol *atom_new_symbol(Vm *vm, Value description) {
    gc_root_push(vm, &description);
    ObjSymbol *sym = gc_alloc(vm, GC_SYMBOL, sizeof(ObjSymbol));
    gc_root_pop(vm, 1);
    sym->description = description;
    sym->private_value = sym->private_class = VAL_UNDEFINED;
    sym->atom = table_add(vm, &sym->gc);
    return sym;
}

bool atom_is_symbol(Vm *vm, Atom a) {
    if (atom_is_int(a) || a == ATOM_NULL)
        return false;
    return vm->atoms.entries[a]->type == GC_SYMBOL;
}

GcHeader *atom_entry(Vm *vm, Atom a) {
    if (atom_is_int(a) || a == ATOM_NULL || a >= vm->atoms.count)
        return NULL;
    GcHeader *e = vm->atoms.entries[a];
    return IS_FREE(e) ? NULL : e;
}

Value atom_to_value(Vm *vm, Atom a) {
    if (atom_is_int(a)) {
        char buf[NUMCONV_INT_SIZE];
        size_t n = numconv_format_u32(atom_int_value(a), buf);
        return val_str(str_new_latin1(vm, (const uint8_t *)buf, n));
    }
    GcHeader *e = vm->atoms.entries[a];
    if (e->type == GC_SYMBOL)
        return val_sym((ObjSymbol *)e);
    return val_str((ObjString *)e);
}

ObjString *atom_to_str(Vm *vm, Atom a) {
    Value v = atom_to_value(vm, a);
    return val_is_string(v) ? val_as_str(v) : NULL;
}

const char *atom_to_cbuf(Vm *vm, Atom a, char *buf, size_t cap) {
    if (atom_is_int(a)) {
        snprintf(buf, cap, "%u", atom_int_value(a));
        return buf;
    }
    GcHeader *e = atom_entry(vm, a);
    if (!e) {
        snprintf(buf, cap, "?");
        return buf;
    }
    if (e->type == GC_SYMBOL) {
        ObjSymbol *sym = (ObjSymbol *)e;
        char d[200] = "";
        if (val_is_string(sym->description))
            str_to_cbuf(val_as_str(sym->description), d, sizeof d);
        snprintf(buf, cap, "Symbol(%s)", d);
        return buf;
    }
    str_to_cbuf((ObjString *)e, buf, cap);
    return buf;
}

ObjString *atom_to_function_name(Vm *vm, Atom a) {
    if (atom_is_symbol(vm, a)) {
        ObjSymbol *sym = (ObjSymbol *)vm->atoms.entries[a];
        if (!val_is_string(sym->description))
            return str_empty(vm);
        StrBuilder b;
        sbld_init(&b);
        sbld_put_unit(&b, '[');
        sbld_put_str(&b, val_as_str(sym->description));
        sbld_put_unit(&b, ']');
        ObjString *r = sbld_finish(vm, &b);
        sbld_fini(&b);
        return r;
    }
    return atom_to_str(vm, a);
}
