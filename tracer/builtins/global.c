/* builtins/global.c — the value properties of the global object (#sec-value-properties-
 * of-the-global-object: globalThis, undefined, NaN, Infinity) and a minimal Symbol
 * (constructor, Symbol.for/keyFor, the well-known symbols, description, toString) that
 * the engine itself needs for iteration; the built-ins helper may extend Symbol. */
#include <math.h>

#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/vm.h"

static NATIVE(symbol_ctor) {
    if (!val_is_undefined(ctx->new_target))
        return vm_throw_type_error(vm, "Symbol is not a constructor");
    Value d = ARG(0);
    if (!val_is_undefined(d)) {
        ObjString *s = ToString(vm, d);
        if (!s)
            return VAL_EXCEPTION;
        d = val_str(s);
    }
    return val_sym(atom_new_symbol(vm, d));
}

static NATIVE(symbol_for) {
    ObjString *key = ToString(vm, ARG(0));
    if (!key)
        return VAL_EXCEPTION;
    gc_root_push_ptr(vm, &key);
    Realm *r = vm->realm;
    if (!val_is_object(r->symbol_registry))
        r->symbol_registry = val_obj(obj_new(vm, NULL));
    Atom a = atom_from_str(vm, key);
    Obj *reg = val_as_obj(r->symbol_registry);
    Prop *p = obj_find_own_prop(reg, a);
    Value res;
    if (p) {
        res = p->u.value;
    } else {
        ObjSymbol *s = atom_new_symbol(vm, val_str(key));
        s->registered = true;
        res = val_sym(s);
        if (!obj_define_value(vm, reg, a, res, PROP_DEFAULT))
            res = VAL_EXCEPTION;
    }
    gc_root_pop(vm, 1);
    return res;
}

static NATIVE(symbol_key_for) {
    if (!val_is_symbol(ARG(0))) {
        StrBuf sb;
        strbuf_init(&sb);
        vm_describe_value(vm, ARG(0), &sb);
        Value r = vm_throw_type_error(vm, "%s is not a symbol", sb.data);
        strbuf_fini(&sb);
        return r;
    }
    ObjSymbol *s = val_as_sym(ARG(0));
    return s->registered ? s->description : VAL_UNDEFINED;
}

static bool this_symbol(Vm *vm, Value v, ObjSymbol **out) {
    if (val_is_symbol(v)) {
        *out = val_as_sym(v);
        return true;
    }
    if (val_is_object(v) && val_as_obj(v)->kind == OBJ_SYMBOL) {
        *out = val_as_sym(val_as_obj(v)->u.prim);
        return true;
    }
    vm_throw_type_error(vm, "Symbol.prototype.toString requires that 'this' be a Symbol");
    return false;
}

static NATIVE(symbol_to_string) {
    ObjSymbol *s;
    if (!this_symbol(vm, this_val, &s))
        return VAL_EXCEPTION;
    StrBuilder b;
    sbld_init(&b);
    sbld_put_ascii(&b, "Symbol(");
    if (val_is_string(s->description))
        sbld_put_str(&b, val_as_str(s->description));
    sbld_put_unit(&b, ')');
    ObjString *r = sbld_finish(vm, &b);
    sbld_fini(&b);
    return val_str(r);
}

static NATIVE(symbol_value_of) {
    ObjSymbol *s;
    if (!this_symbol(vm, this_val, &s))
        return VAL_EXCEPTION;
    return val_sym(s);
}

static NATIVE(symbol_description) {
    ObjSymbol *s;
    if (!this_symbol(vm, this_val, &s))
        return VAL_EXCEPTION;
    return s->description;
}

static const BuiltinEntry symbol_fns[] = {
    BI_METHOD("for", symbol_for, 1),
    BI_METHOD("keyFor", symbol_key_for, 1),
};
static const BuiltinEntry symbol_proto_fns[] = {
    BI_METHOD("toString", symbol_to_string, 0),
    BI_METHOD("valueOf", symbol_value_of, 0),
    BI_GETTER("description", symbol_description),
    BI_SYM_STRING(ATOM_Symbol_toStringTag, "Symbol"),
};

static const struct {
    const char *name;
    Atom atom;
} well_known[] = {
    {"iterator", ATOM_Symbol_iterator},       {"asyncIterator", ATOM_Symbol_asyncIterator},
    {"hasInstance", ATOM_Symbol_hasInstance}, {"toPrimitive", ATOM_Symbol_toPrimitive},
    {"toStringTag", ATOM_Symbol_toStringTag}, {"species", ATOM_Symbol_species},
    {"isConcatSpreadable", ATOM_Symbol_isConcatSpreadable},
    {"unscopables", ATOM_Symbol_unscopables}, {"match", ATOM_Symbol_match},
    {"matchAll", ATOM_Symbol_matchAll},       {"replace", ATOM_Symbol_replace},
    {"search", ATOM_Symbol_search},           {"split", ATOM_Symbol_split},
};

void bi_global_init(Vm *vm) {
    Obj *g = vm->realm->global;
    if (!obj_define_value(vm, g, ATOM_globalThis, val_obj(g), PROP_BUILTIN) ||
        !obj_define_value(vm, g, ATOM_undefined, VAL_UNDEFINED, 0) ||
        !obj_define_value(vm, g, ATOM_NaN, val_number(NAN), 0) ||
        !obj_define_value(vm, g, ATOM_Infinity, val_number(INFINITY), 0))
        die(EXIT_INTERNAL, "cannot build the global object");
    Obj *sp = realm_intrinsic(vm, INTR_SymbolPrototype);
    realm_define_entries(vm, sp, symbol_proto_fns, ARRAY_LEN(symbol_proto_fns));
    Obj *ctor = realm_new_ctor(vm, "Symbol", symbol_ctor, 0, sp, INTR_Symbol, -1);
    ctor->flags &= ~(uint8_t)OBJF_CONSTRUCTOR;
    ctor->flags |= OBJF_CONSTRUCTOR; /* `new Symbol` reaches symbol_ctor, which throws */
    gc_root_push_ptr(vm, &ctor);
    realm_define_entries(vm, ctor, symbol_fns, ARRAY_LEN(symbol_fns));
    for (size_t i = 0; i < ARRAY_LEN(well_known); i++) {
        Value s = atom_to_value(vm, well_known[i].atom);
        if (!obj_define_value(vm, ctor, atom_intern(vm, well_known[i].name), s, 0))
            die(EXIT_INTERNAL, "cannot build Symbol");
    }
    realm_define_global(vm, "Symbol", val_obj(ctor));
    gc_root_pop(vm, 1);
}
