/* builtins/symbol.c — completes the Symbol built-in (ecma262 #sec-symbol-objects).
 * global.c installs the part the engine needs early (the constructor, Symbol.for/keyFor,
 * the well-known symbols, toString, valueOf, description); this file runs later and adds
 * Symbol.prototype[Symbol.toPrimitive], node 20's Symbol.dispose/asyncDispose (node
 * polyfills them as Symbol("nodejs.dispose") / Symbol("nodejs.asyncDispose")), and gives
 * valueOf and the description getter V8's messages, which name the method. */
#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/vm.h"

/* thisSymbolValue (#sec-thissymbolvalue); what names the method in V8's message. */
static bool this_symbol_value(Vm *vm, Value v, const char *what, Value *out) {
    if (val_is_symbol(v)) {
        *out = v;
        return true;
    }
    if (val_is_object(v) && val_as_obj(v)->kind == OBJ_SYMBOL &&
        val_is_symbol(val_as_obj(v)->u.prim)) {
        *out = val_as_obj(v)->u.prim;
        return true;
    }
    vm_throw_type_error(vm, "Symbol.prototype%s requires that 'this' be a Symbol", what);
    return false;
}

/* Symbol.prototype.valueOf() (#sec-symbol.prototype.valueof) */
static NATIVE(symbol_value_of) {
    Value s;
    if (!this_symbol_value(vm, this_val, ".valueOf", &s))
        return VAL_EXCEPTION;
    return s;
}

/* get Symbol.prototype.description (#sec-symbol.prototype.description) */
static NATIVE(symbol_description) {
    Value s;
    if (!this_symbol_value(vm, this_val, ".description", &s))
        return VAL_EXCEPTION;
    return val_as_sym(s)->description;
}

/* Symbol.prototype[@@toPrimitive](hint) (#sec-symbol.prototype-@@toprimitive) */
static NATIVE(symbol_to_primitive) {
    Value s;
    if (!this_symbol_value(vm, this_val, " [ @@toPrimitive ]", &s))
        return VAL_EXCEPTION;
    return s;
}

static const BuiltinEntry symbol_proto_fns[] = {
    BI_METHOD("valueOf", symbol_value_of, 0),
    BI_GETTER("description", symbol_description),
    /* { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: true } */
    {.atom = ATOM_Symbol_toPrimitive,
     .kind = BE_METHOD,
     .length = 1,
     .fn = symbol_to_primitive,
     .flags = PROP_CONFIGURABLE},
};

void bi_symbol_init(Vm *vm) {
    Obj *proto = realm_intrinsic(vm, INTR_SymbolPrototype);
    Obj *ctor = realm_intrinsic(vm, INTR_Symbol);
    if (NEVER(!proto || !ctor))
        die(EXIT_INTERNAL, "Symbol must exist before builtins/symbol.c runs");
    realm_define_entries(vm, proto, symbol_proto_fns, ARRAY_LEN(symbol_proto_fns));
    static const struct {
        const char *key, *description;
    } node_symbols[] = {
        {"dispose", "nodejs.dispose"},
        {"asyncDispose", "nodejs.asyncDispose"},
    };
    for (size_t i = 0; i < ARRAY_LEN(node_symbols); i++) {
        if (obj_find_own_prop(ctor, atom_intern(vm, node_symbols[i].key)))
            continue;
        Value desc = val_str(str_new_cstr(vm, node_symbols[i].description));
        Value sym = val_sym(atom_new_symbol(vm, desc)); /* desc is passed straight in */
        gc_root_push(vm, &sym);
        Atom key = atom_intern(vm, node_symbols[i].key);
        if (!obj_define_value(vm, ctor, key, sym, 0))
            die(EXIT_INTERNAL, "cannot install Symbol.%s", node_symbols[i].key);
        gc_root_pop(vm, 1);
    }
}
