/* object.c — objects and the ordinary internal methods (see object.h). Array elements
 * below u.array.dense live in u.array.elems; any other element of an array is an
 * ordinary property keyed by an int atom (OBJF_SPARSE marks that some exist). */
#include "tracer/object.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tracer/bytecode.h"
#include "tracer/frame.h"
#include "tracer/function.h"
#include "tracer/numconv.h"
#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/vm.h"

static const char *const kind_names[] = {
#define X(kind, name) name,
    OBJ_KINDS(X)
#undef X
};

const char *obj_kind_name(ObjKind kind) {
    return kind < OBJ_KIND_COUNT ? kind_names[kind] : "Object";
}

/* ==== creation ========================================================================== */

/* How many Props an object of kind keeps in its own allocation. */
static uint32_t inline_props_of(ObjKind kind) {
    switch (kind) {
    case OBJ_ORDINARY:
    case OBJ_FUNCTION:
        return 4;
    case OBJ_NATIVE_FUNCTION:
    case OBJ_BOUND_FUNCTION:
    case OBJ_ERROR:
        return 2;
    default:
        return 0;
    }
}

Obj *obj_new_kind(Vm *vm, ObjKind kind, Obj *proto) {
    uint32_t ninline = inline_props_of(kind);
    gc_root_push_ptr(vm, &proto);
    Obj *o = gc_alloc(vm, GC_OBJECT, sizeof(Obj) + ninline * sizeof(Prop));
    gc_root_pop(vm, 1);
    o->kind = (uint8_t)kind;
    o->flags = OBJF_EXTENSIBLE;
    o->proto = proto;
    ptab_init(&o->props, (Prop *)(void *)(o + 1), ninline);
    switch (kind) {
    case OBJ_BOOLEAN:
    case OBJ_NUMBER:
    case OBJ_STRING:
    case OBJ_SYMBOL:
        o->u.prim = VAL_UNDEFINED;
        break;
    case OBJ_BOUND_FUNCTION:
        o->u.bound.target = VAL_UNDEFINED;
        o->u.bound.this_val = VAL_UNDEFINED;
        break;
    case OBJ_GENERATOR:
    case OBJ_ASYNC_GENERATOR:
        o->u.gen.queue = VAL_UNDEFINED;
        break;
    case OBJ_NATIVE_FUNCTION:
        for (int i = 0; i < 3; i++)
            o->u.native.data[i] = VAL_UNDEFINED;
        break;
    case OBJ_FUNCTION:
    case OBJ_ARRAY:
    case OBJ_ARGUMENTS:
        break;
    default:
        for (int i = 0; i < 4; i++)
            o->u.host.slots[i] = VAL_UNDEFINED;
        break;
    }
    return o;
}

Obj *obj_new(Vm *vm, Obj *proto) {
    return obj_new_kind(vm, OBJ_ORDINARY, proto);
}

Obj *obj_new_plain(Vm *vm) {
    return obj_new(vm, realm_intrinsic(vm, INTR_ObjectPrototype));
}

static void elems_reserve(Vm *vm, Obj *a, uint32_t need) {
    if (need <= a->u.array.cap)
        return;
    uint32_t cap = a->u.array.cap ? a->u.array.cap : 4;
    while (cap < need)
        cap = cap < 0x40000000u ? cap * 2 : need;
    gc_account(vm, (ptrdiff_t)(cap - a->u.array.cap) * (ptrdiff_t)sizeof(Value));
    a->u.array.elems = xrealloc(a->u.array.elems, (size_t)cap * sizeof(Value));
    a->u.array.cap = cap;
}

Obj *obj_new_array(Vm *vm, uint32_t len) {
    Obj *a = obj_new_kind(vm, OBJ_ARRAY, realm_intrinsic(vm, INTR_ArrayPrototype));
    if (len > 0 && len <= (1u << 24)) {
        elems_reserve(vm, a, len);
        for (uint32_t i = 0; i < len; i++)
            a->u.array.elems[i] = VAL_UNDEFINED;
        a->u.array.dense = len;
    }
    a->u.array.len = len;
    return a;
}

Obj *obj_new_array_from(Vm *vm, uint32_t n, const Value *values) {
    Obj *a = obj_new_kind(vm, OBJ_ARRAY, realm_intrinsic(vm, INTR_ArrayPrototype));
    if (n) {
        elems_reserve(vm, a, n);
        memcpy(a->u.array.elems, values, n * sizeof(Value));
    }
    a->u.array.dense = a->u.array.len = n;
    return a;
}

bool IsArray(Value v) {
    return val_is_object(v) && val_as_obj(v)->kind == OBJ_ARRAY;
}

uint32_t obj_identity_hash(Vm *vm, Obj *o) {
    if (o->identity == 0) {
        uint32_t next = vm->gc.next_identity + 1;
        if (next == 0)
            next = 1; /* wraps: the numbers only spread buckets, equality is by pointer */
        vm->gc.next_identity = next;
        o->identity = next;
    }
    return o->identity;
}

/* ==== GC hooks ========================================================================== */

void obj_mark_children(Vm *vm, Obj *o) {
    gc_mark(vm, o->proto);
    for (uint32_t i = 0; i < o->props.count; i++) {
        Prop *p = &o->props.props[i];
        gc_mark_atom(vm, p->key);
        if (p->flags & PROP_ACCESSOR)
            gc_mark(vm, p->u.accessor);
        else
            gc_mark_value(vm, p->u.value);
    }
    switch ((ObjKind)o->kind) {
    case OBJ_ARRAY:
    case OBJ_ARGUMENTS:
        for (uint32_t i = 0; i < o->u.array.dense; i++)
            gc_mark_value(vm, o->u.array.elems[i]);
        for (uint32_t i = 0; i < o->u.array.nmap; i++)
            gc_mark(vm, o->u.array.map[i]);
        break;
    case OBJ_FUNCTION: {
        FuncProto *fp = o->u.func.proto;
        gc_mark(vm, fp);
        if (o->u.func.vars)
            for (uint32_t i = 0; i < fp->ncaptures; i++)
                gc_mark(vm, o->u.func.vars[i]);
        gc_mark(vm, o->u.func.home);
        gc_mark(vm, o->u.func.fields);
        break;
    }
    case OBJ_NATIVE_FUNCTION:
        for (int i = 0; i < 3; i++)
            gc_mark_value(vm, o->u.native.data[i]);
        break;
    case OBJ_BOUND_FUNCTION:
        gc_mark_value(vm, o->u.bound.target);
        gc_mark_value(vm, o->u.bound.this_val);
        for (uint32_t i = 0; i < o->u.bound.argc; i++)
            gc_mark_value(vm, o->u.bound.args[i]);
        break;
    case OBJ_BOOLEAN:
    case OBJ_NUMBER:
    case OBJ_STRING:
    case OBJ_SYMBOL:
        gc_mark_value(vm, o->u.prim);
        break;
    case OBJ_GENERATOR:
    case OBJ_ASYNC_GENERATOR:
        gc_mark(vm, o->u.gen.act);
        gc_mark_value(vm, o->u.gen.queue);
        break;
    case OBJ_ORDINARY:
    case OBJ_ERROR:
        break;
    default:
        for (int i = 0; i < 4; i++)
            gc_mark_value(vm, o->u.host.slots[i]);
        if (o->u.host.cls && o->u.host.cls->mark)
            o->u.host.cls->mark(vm, o);
        if (o->u.host.cls && o->u.host.cls->mark_weak)
            gc_defer_weak(vm, o);
        break;
    }
}

void obj_finalize(Vm *vm, Obj *o) {
    ptab_fini(vm, &o->props);
    switch ((ObjKind)o->kind) {
    case OBJ_ARRAY:
    case OBJ_ARGUMENTS:
        gc_account(vm, -(ptrdiff_t)(o->u.array.cap * sizeof(Value)));
        free(o->u.array.elems);
        free(o->u.array.map);
        break;
    case OBJ_FUNCTION:
        free(o->u.func.vars);
        break;
    case OBJ_BOUND_FUNCTION:
        free(o->u.bound.args);
        break;
    case OBJ_ORDINARY:
    case OBJ_ERROR:
    case OBJ_NATIVE_FUNCTION:
    case OBJ_BOOLEAN:
    case OBJ_NUMBER:
    case OBJ_STRING:
    case OBJ_SYMBOL:
    case OBJ_GENERATOR:
    case OBJ_ASYNC_GENERATOR:
        break;
    default:
        if (o->u.host.cls && o->u.host.cls->finalize)
            o->u.host.cls->finalize(vm, o);
        break;
    }
}

/* ==== own properties ==================================================================== */

Prop *obj_find_own_prop(Obj *o, Atom key) {
    return ptab_find(&o->props, key);
}

static bool has_elements(const Obj *o) {
    return o->kind == OBJ_ARRAY || o->kind == OBJ_ARGUMENTS;
}

/* ---- mapped arguments: the map's variables are the truth, elements a copy ---- */

void obj_arguments_map(Vm *vm, Obj *args, VarRef **refs, uint32_t n) {
    args->u.array.map = refs;
    args->u.array.nmap = n;
}

static inline bool is_mapped(const Obj *o, uint32_t i) {
    return o->kind == OBJ_ARGUMENTS && i < o->u.array.nmap && o->u.array.map[i];
}

/* Copies every mapped variable into its element (or into the property it became after
 * the elements went sparse), so that reads see the parameters' current values. */
static void args_refresh(Obj *o) {
    if (o->kind != OBJ_ARGUMENTS || !o->u.array.nmap)
        return;
    for (uint32_t i = 0; i < o->u.array.nmap; i++) {
        VarRef *r = o->u.array.map[i];
        if (!r)
            continue;
        if (i < o->u.array.dense) {
            o->u.array.elems[i] = *r->pvalue;
        } else {
            Prop *p = ptab_find(&o->props, atom_from_index(i));
            if (p && !(p->flags & PROP_ACCESSOR))
                p->u.value = *r->pvalue;
        }
    }
}

/* After element i of o was given the value v: the mapped parameter gets it too. */
static inline void args_write_back(Obj *o, uint32_t i, Value v) {
    if (is_mapped(o, i))
        *o->u.array.map[i]->pvalue = v;
}

static inline void args_unmap(Obj *o, uint32_t i) {
    if (is_mapped(o, i))
        o->u.array.map[i] = NULL;
}

static void desc_from_prop(const Prop *p, PropDesc *d) {
    memset(d, 0, sizeof *d);
    d->has_enumerable = d->has_configurable = true;
    d->enumerable = (p->flags & PROP_ENUMERABLE) != 0;
    d->configurable = (p->flags & PROP_CONFIGURABLE) != 0;
    if (p->flags & PROP_ACCESSOR) {
        d->has_get = d->has_set = true;
        d->get = p->u.accessor->getter;
        d->set = p->u.accessor->setter;
        d->value = VAL_UNDEFINED;
    } else {
        d->has_value = d->has_writable = true;
        d->value = p->u.value;
        d->writable = (p->flags & PROP_WRITABLE) != 0;
        d->get = d->set = VAL_UNDEFINED;
    }
}

static void desc_data(PropDesc *d, Value v, uint32_t flags) {
    memset(d, 0, sizeof *d);
    d->has_value = d->has_writable = d->has_enumerable = d->has_configurable = true;
    d->value = v;
    d->writable = flags & PROP_WRITABLE;
    d->enumerable = flags & PROP_ENUMERABLE;
    d->configurable = flags & PROP_CONFIGURABLE;
    d->get = d->set = VAL_UNDEFINED;
}

bool obj_get_own_property(Vm *vm, Obj *o, Atom key, PropDesc *desc) {
    args_refresh(o);
    if (key == ATOM_stack && (o->flags & OBJF_STACK_PENDING))
        vm_error_stack_materialize(vm, o);
    if (has_elements(o)) {
        if (atom_is_int(key)) {
            uint32_t i = atom_int_value(key);
            if (i < o->u.array.dense) {
                Value v = o->u.array.elems[i];
                if (v == VAL_EMPTY)
                    return false;
                desc_data(desc, v, (o->flags & OBJF_LENGTH_READONLY) && o->kind == OBJ_ARRAY &&
                                           !(o->flags & OBJF_EXTENSIBLE)
                                       ? PROP_ENUMERABLE
                                       : PROP_DEFAULT);
                return true;
            }
        } else if (key == ATOM_length && o->kind == OBJ_ARRAY) {
            desc_data(desc, val_number(o->u.array.len),
                      (o->flags & OBJF_LENGTH_READONLY) ? 0 : PROP_WRITABLE);
            return true;
        }
    } else if (o->kind == OBJ_STRING && val_is_string(o->u.prim)) {
        ObjString *s = val_as_str(o->u.prim);
        if (atom_is_int(key) && atom_int_value(key) < s->len) {
            desc_data(desc, val_str(str_from_unit(vm, str_at(s, atom_int_value(key)))),
                      PROP_ENUMERABLE);
            return true;
        }
        if (key == ATOM_length) {
            desc_data(desc, val_number(s->len), 0);
            return true;
        }
    }
    Prop *p = ptab_find(&o->props, key);
    if (!p)
        return false;
    desc_from_prop(p, desc);
    return true;
}

bool obj_has_own_property(Vm *vm, Obj *o, Atom key) {
    PropDesc d;
    return obj_get_own_property(vm, o, key, &d);
}

bool obj_has_property(Vm *vm, Obj *o, Atom key) {
    for (; o; o = o->proto)
        if (obj_has_own_property(vm, o, key))
            return true;
    return false;
}

/* ==== [[Get]] =========================================================================== */

static Value call_getter(Vm *vm, AccessorPair *acc, Value receiver) {
    if (!IsCallable(acc->getter))
        return VAL_UNDEFINED;
    return vm_call(vm, acc->getter, receiver, 0, NULL);
}

Value obj_get_with_receiver(Vm *vm, Obj *o, Atom key, Value receiver) {
    while (o) {
        args_refresh(o);
        if (key == ATOM_stack && (o->flags & OBJF_STACK_PENDING)) {
            gc_root_push_ptr(vm, &o);
            vm_error_stack_materialize(vm, o);
            gc_root_pop(vm, 1);
        }
        if (has_elements(o) && atom_is_int(key)) {
            uint32_t i = atom_int_value(key);
            if (i < o->u.array.dense && o->u.array.elems[i] != VAL_EMPTY)
                return o->u.array.elems[i];
        }
        Prop *p;
        if (o->kind == OBJ_ORDINARY || o->kind == OBJ_FUNCTION ||
            o->kind == OBJ_NATIVE_FUNCTION) {
            p = ptab_find(&o->props, key);
        } else {
            PropDesc d;
            if (!(o->props.count || o->kind == OBJ_ARRAY || o->kind == OBJ_STRING)) {
                o = o->proto;
                continue;
            }
            p = ptab_find(&o->props, key);
            if (!p && obj_get_own_property(vm, o, key, &d))
                return d.value;
        }
        if (p) {
            if (p->flags & PROP_ACCESSOR)
                return call_getter(vm, p->u.accessor, receiver);
            return p->u.value;
        }
        o = o->proto;
    }
    return VAL_UNDEFINED;
}

Value obj_get(Vm *vm, Obj *o, Atom key) {
    return obj_get_with_receiver(vm, o, key, val_obj(o));
}

static Obj *proto_of_primitive(Vm *vm, Value v) {
    if (val_is_string(v))
        return realm_intrinsic(vm, INTR_StringPrototype);
    if (val_is_number(v))
        return realm_intrinsic(vm, INTR_NumberPrototype);
    if (val_is_bool(v))
        return realm_intrinsic(vm, INTR_BooleanPrototype);
    if (val_is_symbol(v))
        return realm_intrinsic(vm, INTR_SymbolPrototype);
    return NULL;
}

Value val_get(Vm *vm, Value v, Atom key) {
    if (val_is_object(v))
        return obj_get(vm, val_as_obj(v), key);
    if (val_is_string(v)) {
        ObjString *s = val_as_str(v);
        if (key == ATOM_length)
            return val_number(s->len);
        if (atom_is_int(key) && atom_int_value(key) < s->len)
            return val_str(str_from_unit(vm, str_at(s, atom_int_value(key))));
    }
    if (val_is_nullish(v))
        return vm_throw_not_object_access(vm, v, key, false);
    Obj *proto = proto_of_primitive(vm, v);
    if (!proto)
        return VAL_UNDEFINED;
    return obj_get_with_receiver(vm, proto, key, v);
}

Value val_get_by_value(Vm *vm, Value v, Value key) {
    if (val_is_object(v) && val_is_number(key)) {
        Obj *o = val_as_obj(v);
        double d = val_as_number(key);
        if (o->kind == OBJ_ARRAY && d >= 0 && d < o->u.array.dense) {
            uint32_t i = (uint32_t)d;
            if ((double)i == d && o->u.array.elems[i] != VAL_EMPTY)
                return o->u.array.elems[i];
        }
    }
    if (val_is_nullish(v)) {
        /* V8 converts the key first only for the message */
        Atom a;
        if (!ToPropertyKey(vm, key, &a))
            return VAL_EXCEPTION;
        return vm_throw_not_object_access(vm, v, a, false);
    }
    Atom a;
    gc_root_push(vm, &v);
    bool ok = ToPropertyKey(vm, key, &a);
    gc_root_pop(vm, 1);
    if (!ok)
        return VAL_EXCEPTION;
    /* keep a non-predefined atom alive while a getter runs: key is rooted by the caller */
    return val_get(vm, v, a);
}

Value obj_get_index(Vm *vm, Obj *o, uint32_t index) {
    if (is_mapped(o, index))
        args_refresh(o);
    if (has_elements(o) && index < o->u.array.dense && o->u.array.elems[index] != VAL_EMPTY)
        return o->u.array.elems[index];
    return obj_get(vm, o, atom_from_uint32(vm, index));
}

/* ==== defining ========================================================================== */

static Value type_error_key(Vm *vm, const char *fmt, Atom key) {
    char buf[256];
    atom_to_cbuf(vm, key, buf, sizeof buf);
    return vm_throw_type_error(vm, fmt, buf);
}

/* Moves every dense element into ordinary properties (an element became non-default). */
static void array_make_sparse(Vm *vm, Obj *a) {
    uint32_t n = a->u.array.dense;
    a->u.array.dense = 0;
    a->flags |= OBJF_SPARSE;
    for (uint32_t i = 0; i < n; i++) {
        Value v = a->u.array.elems[i];
        if (v == VAL_EMPTY)
            continue;
        Prop *p = ptab_add(vm, &a->props, atom_from_index(i), PROP_DEFAULT);
        p->u.value = v;
    }
}

static bool key_array_index(Vm *vm, Atom k, uint32_t *index);

/* An array index in 2^31-1 .. 2^32-2 has a string atom, not an int one (ATOM_INT_MAX), so
 * it is always an ordinary property; the array exotic [[DefineOwnProperty]] and
 * ArraySetLength (#sec-array-exotic-objects-defineownproperty-p-desc, #sec-arraysetlength)
 * still treat it as an index. Only the paths that add a string key to an array ask. */
static bool key_high_index(Vm *vm, Atom key, uint32_t *index) {
    return !atom_is_int(key) && key != ATOM_length && key_array_index(vm, key, index);
}

/* Writes element i of an array-like with default attributes; the caller checked that
 * the property is absent or a writable default data property. Returns false (no throw)
 * when the array length is read-only and i >= length. */
static bool elem_store(Vm *vm, Obj *a, uint32_t i, Value v) {
    if (a->kind == OBJ_ARRAY && i >= a->u.array.len && (a->flags & OBJF_LENGTH_READONLY))
        return false;
    uint32_t dense = a->u.array.dense;
    if (i < dense) {
        a->u.array.elems[i] = v;
    } else if (!(a->flags & OBJF_SPARSE) && i < dense + 1024 && i <= (1u << 28) &&
               i < (uint64_t)dense * 2 + 64) {
        elems_reserve(vm, a, i + 1);
        for (uint32_t k = dense; k < i; k++)
            a->u.array.elems[k] = VAL_EMPTY;
        a->u.array.elems[i] = v;
        a->u.array.dense = i + 1;
    } else {
        Atom key = atom_from_uint32(vm, i);
        Prop *p = ptab_find(&a->props, key);
        if (!p)
            p = ptab_add(vm, &a->props, key, PROP_DEFAULT);
        p->u.value = v;
        a->flags |= OBJF_SPARSE;
    }
    if (a->kind == OBJ_ARRAY && i >= a->u.array.len)
        a->u.array.len = i + 1;
    return true;
}

bool obj_array_set_length(Vm *vm, Obj *a, double dlen, bool throw_on_fail) {
    uint32_t len = (uint32_t)dlen;
    if ((double)len != dlen) {
        vm_throw_range_error(vm, "Invalid array length");
        return false;
    }
    if (len == a->u.array.len)
        return true;
    if (a->flags & OBJF_LENGTH_READONLY) {
        if (throw_on_fail) {
            vm_throw_type_error(vm, "Cannot assign to read only property 'length' of object '[object Array]'");
            return false;
        }
        return true;
    }
    if (len < a->u.array.len) {
        if (a->u.array.dense > len)
            a->u.array.dense = len;
        if (a->flags & OBJF_SPARSE) {
            /* delete index-keyed props >= len (int atoms and the string atoms of high
             * indices), from the highest; stop at a non-configurable */
            for (;;) {
                int64_t best = -1;
                uint32_t bi = 0;
                for (uint32_t k = 0; k < a->props.count; k++) {
                    Atom key = a->props.props[k].key;
                    uint32_t idx;
                    if (!key_array_index(vm, key, &idx))
                        continue;
                    if (idx >= len && (int64_t)idx > best) {
                        best = idx;
                        bi = k;
                    }
                }
                if (best < 0)
                    break;
                if (!(a->props.props[bi].flags & PROP_CONFIGURABLE)) {
                    a->u.array.len = (uint32_t)best + 1;
                    if (throw_on_fail) {
                        vm_throw_type_error(vm, "Cannot delete property '%u' of [object Array]",
                                            (unsigned)best);
                        return false;
                    }
                    return true;
                }
                ptab_remove(vm, &a->props, a->props.props[bi].key);
            }
        }
    }
    a->u.array.len = len;
    return true;
}

bool obj_array_push(Vm *vm, Obj *a, Value v) {
    uint32_t i = a->u.array.len;
    if (i == 0xffffffffu) {
        vm_throw_type_error(vm, "Pushing 1 elements on an array-like of length 4294967295 "
                                "is disallowed, as the total surpasses 2**53-1");
        return false;
    }
    if (!(a->flags & OBJF_EXTENSIBLE) || !elem_store(vm, a, i, v)) {
        vm_throw_type_error(vm, "Cannot add property %u, object is not extensible", i);
        return false;
    }
    if (a->kind == OBJ_ARGUMENTS)
        a->u.array.len = i + 1;
    return true;
}

static bool reject(Vm *vm, bool throw_on_fail, Atom key) {
    if (throw_on_fail)
        type_error_key(vm, "Cannot redefine property: %s", key);
    return false;
}

static bool ordinary_define_own_property(Vm *vm, Obj *o, Atom key, const PropDesc *d,
                                         bool throw_on_fail);

bool obj_define_own_property(Vm *vm, Obj *o, Atom key, const PropDesc *d, bool throw_on_fail) {
    if (key == ATOM_stack)
        o->flags &= (uint8_t)~OBJF_STACK_PENDING;
    if (o->kind != OBJ_ARGUMENTS || !atom_is_int(key) || !is_mapped(o, atom_int_value(key)))
        return ordinary_define_own_property(vm, o, key, d, throw_on_fail);
    /* [[DefineOwnProperty]] of a mapped index (#sec-arguments-exotic-objects-
     * defineownproperty-p-desc) */
    uint32_t i = atom_int_value(key);
    args_refresh(o);
    PropDesc nd = *d;
    bool is_data = d->has_value || d->has_writable;
    if (is_data && !d->has_value && d->has_writable && !d->writable) {
        nd.has_value = true;
        nd.value = *o->u.array.map[i]->pvalue;
    }
    if (!ordinary_define_own_property(vm, o, key, &nd, throw_on_fail))
        return false;
    if (d->has_get || d->has_set) {
        args_unmap(o, i);
    } else {
        if (d->has_value)
            args_write_back(o, i, d->value);
        if (d->has_writable && !d->writable)
            args_unmap(o, i);
    }
    return true;
}

/* ValidateAndApplyPropertyDescriptor (#sec-validateandapplypropertydescriptor). */
static bool ordinary_define_own_property(Vm *vm, Obj *o, Atom key, const PropDesc *d,
                                         bool throw_on_fail) {
    /* array "length" */
    if (o->kind == OBJ_ARRAY && key == ATOM_length) {
        if ((d->has_configurable && d->configurable) || (d->has_enumerable && d->enumerable) ||
            d->has_get || d->has_set)
            return reject(vm, throw_on_fail, key);
        if (d->has_value) {
            double nl;
            if (!ToNumber(vm, d->value, &nl))
                return false;
            if ((o->flags & OBJF_LENGTH_READONLY) && nl != o->u.array.len)
                return reject(vm, throw_on_fail, key);
            if (!obj_array_set_length(vm, o, nl, throw_on_fail))
                return false;
        }
        if (d->has_writable && !d->writable)
            o->flags |= OBJF_LENGTH_READONLY;
        else if (d->has_writable && d->writable && (o->flags & OBJF_LENGTH_READONLY))
            return reject(vm, throw_on_fail, key);
        return true;
    }
    bool is_elem = has_elements(o) && atom_is_int(key);
    bool default_data = !d->has_get && !d->has_set &&
                        (!d->has_writable || d->writable) &&
                        (!d->has_enumerable || d->enumerable) &&
                        (!d->has_configurable || d->configurable);
    if (is_elem) {
        uint32_t i = atom_int_value(key);
        if (o->kind == OBJ_ARRAY && i >= o->u.array.len && (o->flags & OBJF_LENGTH_READONLY))
            return reject(vm, throw_on_fail, key);
        if (i < o->u.array.dense) {
            Value cur = o->u.array.elems[i];
            if (cur != VAL_EMPTY && default_data) {
                if (d->has_value)
                    o->u.array.elems[i] = d->value;
                return true;
            }
            if (cur == VAL_EMPTY && default_data && (o->flags & OBJF_EXTENSIBLE) &&
                d->has_value && d->has_writable && d->has_enumerable && d->has_configurable) {
                o->u.array.elems[i] = d->value;
                return true;
            }
            array_make_sparse(vm, o);
        } else if (!ptab_find(&o->props, key) && (o->flags & OBJF_EXTENSIBLE) && default_data &&
                   d->has_writable && d->has_enumerable && d->has_configurable) {
            return elem_store(vm, o, i, d->has_value ? d->value : VAL_UNDEFINED) ||
                   reject(vm, throw_on_fail, key);
        } else if (o->u.array.dense > 0 && !default_data) {
            array_make_sparse(vm, o);
        }
        if (o->kind == OBJ_ARRAY && i >= o->u.array.len && (o->flags & OBJF_EXTENSIBLE))
            o->u.array.len = i + 1; /* i >= length: absent, so the add below succeeds */
        o->flags |= OBJF_SPARSE;
    } else if (o->kind == OBJ_ARRAY) {
        uint32_t i;
        if (key_high_index(vm, key, &i)) {
            if (i >= o->u.array.len) {
                if (o->flags & OBJF_LENGTH_READONLY)
                    return reject(vm, throw_on_fail, key);
                if (o->flags & OBJF_EXTENSIBLE)
                    o->u.array.len = i + 1; /* absent, so the add below succeeds */
            }
            o->flags |= OBJF_SPARSE; /* ArraySetLength must look at the props */
        }
    }
    if (o->kind == OBJ_STRING && val_is_string(o->u.prim)) {
        PropDesc cur;
        if ((key == ATOM_length || atom_is_int(key)) && obj_get_own_property(vm, o, key, &cur) &&
            !ptab_find(&o->props, key)) {
            /* string indices and length are non-configurable, non-writable */
            if ((d->has_value && !SameValue(d->value, cur.value)) ||
                (d->has_writable && d->writable) || (d->has_configurable && d->configurable) ||
                d->has_get || d->has_set || (d->has_enumerable && d->enumerable != cur.enumerable))
                return reject(vm, throw_on_fail, key);
            return true;
        }
    }
    Prop *p = ptab_find(&o->props, key);
    if (!p) {
        if (!(o->flags & OBJF_EXTENSIBLE)) {
            if (throw_on_fail)
                type_error_key(vm, "Cannot define property %s, object is not extensible", key);
            return false;
        }
        uint32_t flags = (d->has_enumerable && d->enumerable ? PROP_ENUMERABLE : 0) |
                         (d->has_configurable && d->configurable ? PROP_CONFIGURABLE : 0);
        if (d->has_get || d->has_set) {
            Value g = d->has_get ? d->get : VAL_UNDEFINED, st = d->has_set ? d->set : VAL_UNDEFINED;
            gc_root_push(vm, &g);
            gc_root_push(vm, &st);
            gc_root_push_ptr(vm, &o);
            AccessorPair *acc = gc_alloc(vm, GC_ACCESSOR, sizeof(AccessorPair));
            gc_root_pop(vm, 3);
            acc->getter = g;
            acc->setter = st;
            p = ptab_add(vm, &o->props, key, flags | PROP_ACCESSOR);
            p->u.accessor = acc;
        } else {
            if (d->has_writable && d->writable)
                flags |= PROP_WRITABLE;
            p = ptab_add(vm, &o->props, key, flags);
            p->u.value = d->has_value ? d->value : VAL_UNDEFINED;
        }
        return true;
    }
    /* existing property */
    bool configurable = p->flags & PROP_CONFIGURABLE;
    if (!configurable) {
        if (d->has_configurable && d->configurable)
            return reject(vm, throw_on_fail, key);
        if (d->has_enumerable && d->enumerable != ((p->flags & PROP_ENUMERABLE) != 0))
            return reject(vm, throw_on_fail, key);
        bool is_acc = p->flags & PROP_ACCESSOR;
        if ((d->has_get || d->has_set) && !is_acc)
            return reject(vm, throw_on_fail, key);
        if ((d->has_value || d->has_writable) && is_acc)
            return reject(vm, throw_on_fail, key);
        if (is_acc) {
            if ((d->has_get && d->get != p->u.accessor->getter) ||
                (d->has_set && d->set != p->u.accessor->setter))
                return reject(vm, throw_on_fail, key);
        } else if (!(p->flags & PROP_WRITABLE)) {
            if ((d->has_writable && d->writable) ||
                (d->has_value && !SameValue(d->value, p->u.value)))
                return reject(vm, throw_on_fail, key);
        }
    }
    uint32_t flags = p->flags;
    if (d->has_enumerable)
        flags = d->enumerable ? (flags | PROP_ENUMERABLE) : (flags & ~(uint32_t)PROP_ENUMERABLE);
    if (d->has_configurable)
        flags = d->configurable ? (flags | PROP_CONFIGURABLE)
                                : (flags & ~(uint32_t)PROP_CONFIGURABLE);
    if (d->has_get || d->has_set) {
        if (!(flags & PROP_ACCESSOR)) {
            Value g = d->get, st = d->set;
            gc_root_push(vm, &g);
            gc_root_push(vm, &st);
            gc_root_push_ptr(vm, &o);
            AccessorPair *acc = gc_alloc(vm, GC_ACCESSOR, sizeof(AccessorPair));
            gc_root_pop(vm, 3);
            acc->getter = acc->setter = VAL_UNDEFINED;
            p = ptab_find(&o->props, key); /* gc_alloc does not move props, but be safe */
            p->u.accessor = acc;
            flags = (flags | PROP_ACCESSOR) & ~(uint32_t)PROP_WRITABLE;
        }
        if (d->has_get)
            p->u.accessor->getter = d->get;
        if (d->has_set)
            p->u.accessor->setter = d->set;
    } else if (d->has_value || d->has_writable) {
        if (flags & PROP_ACCESSOR) {
            flags &= ~(uint32_t)PROP_ACCESSOR;
            p->u.value = VAL_UNDEFINED;
        }
        if (d->has_value)
            p->u.value = d->value;
        if (d->has_writable)
            flags = d->writable ? (flags | PROP_WRITABLE) : (flags & ~(uint32_t)PROP_WRITABLE);
    }
    p->flags = flags;
    return true;
}

bool obj_define_value(Vm *vm, Obj *o, Atom key, Value v, uint32_t flags) {
    if (key == ATOM_stack)
        o->flags &= (uint8_t)~OBJF_STACK_PENDING;
    if (!has_elements(o) && o->kind != OBJ_STRING) {
        Prop *p = ptab_find(&o->props, key);
        if (!p && (o->flags & OBJF_EXTENSIBLE)) {
            p = ptab_add(vm, &o->props, key, flags & ~(uint32_t)PROP_ACCESSOR);
            p->u.value = v;
            return true;
        }
    }
    PropDesc d;
    desc_data(&d, v, flags);
    return obj_define_own_property(vm, o, key, &d, true);
}

bool obj_define_accessor(Vm *vm, Obj *o, Atom key, Value getter, Value setter,
                         uint32_t flags) {
    PropDesc d;
    memset(&d, 0, sizeof d);
    d.has_get = d.has_set = d.has_enumerable = d.has_configurable = true;
    d.get = getter;
    d.set = setter;
    d.enumerable = flags & PROP_ENUMERABLE;
    d.configurable = flags & PROP_CONFIGURABLE;
    d.value = VAL_UNDEFINED;
    return obj_define_own_property(vm, o, key, &d, true);
}

bool CreateDataProperty(Vm *vm, Obj *o, Atom key, Value v) {
    if (o->kind == OBJ_ARRAY && atom_is_int(key)) {
        uint32_t i = atom_int_value(key);
        if (i < o->u.array.dense && o->u.array.elems[i] != VAL_EMPTY) {
            o->u.array.elems[i] = v;
            return true;
        }
        if (i == o->u.array.dense && i == o->u.array.len && (o->flags & OBJF_EXTENSIBLE) &&
            !(o->flags & (OBJF_SPARSE | OBJF_LENGTH_READONLY)))
            return elem_store(vm, o, i, v);
    }
    Prop *p;
    if (!has_elements(o) && (p = ptab_find(&o->props, key)) &&
        (p->flags & (PROP_ACCESSOR | PROP_CONFIGURABLE | PROP_WRITABLE)) ==
            (PROP_CONFIGURABLE | PROP_WRITABLE)) {
        p->u.value = v;
        p->flags |= PROP_ENUMERABLE;
        return true;
    }
    return obj_define_value(vm, o, key, v, PROP_DEFAULT);
}

/* ==== [[Set]] =========================================================================== */

static bool set_fail(Vm *vm, bool throw_on_fail, Atom key, Value receiver, bool readonly) {
    if (!throw_on_fail)
        return true;
    char kb[200];
    atom_to_cbuf(vm, key, kb, sizeof kb);
    if (readonly) {
        /* V8: "... of object '#<Foo>'", "of function 'function f() {}'", "of string 'abc'" */
        StrBuf d;
        strbuf_init(&d);
        vm_describe_value(vm, receiver, &d);
        const char *type = IsCallable(receiver)     ? "function"
                           : val_is_object(receiver) ? "object"
                           : val_is_string(receiver) ? "string"
                           : val_is_number(receiver) ? "number"
                           : val_is_bool(receiver)   ? "boolean"
                                                     : "symbol";
        vm_throw_type_error(vm, "Cannot assign to read only property '%s' of %s '%s'", kb, type,
                            d.data);
        strbuf_fini(&d);
    } else if (!val_is_object(receiver)) {
        StrBuf d;
        strbuf_init(&d);
        vm_describe_value(vm, receiver, &d);
        vm_throw_type_error(vm, "Cannot create property '%s' on %s '%s'", kb,
                            val_is_string(receiver)   ? "string"
                            : val_is_number(receiver) ? "number"
                            : val_is_bool(receiver)   ? "boolean"
                                                      : "symbol",
                            d.data);
        strbuf_fini(&d);
    } else {
        vm_throw_type_error(vm, "Cannot add property %s, object is not extensible", kb);
    }
    return false;
}

/* OrdinarySet (#sec-ordinaryset) walking the prototype chain. */
bool obj_set_with_receiver(Vm *vm, Obj *o, Atom key, Value v, Value receiver,
                           bool throw_on_fail) {
    if (key == ATOM_stack && val_is_object(receiver))
        val_as_obj(receiver)->flags &= (uint8_t)~OBJF_STACK_PENDING;
    /* fast path: own writable data property on the receiver itself */
    if (val_is_object(receiver) && val_as_obj(receiver) == o) {
        if (has_elements(o) && atom_is_int(key)) {
            uint32_t i = atom_int_value(key);
            if (i < o->u.array.dense && o->u.array.elems[i] != VAL_EMPTY &&
                !(o->flags & OBJF_LENGTH_READONLY && !(o->flags & OBJF_EXTENSIBLE))) {
                o->u.array.elems[i] = v;
                args_write_back(o, i, v);
                return true;
            }
        } else if (o->kind == OBJ_ARRAY && key == ATOM_length) {
            /* the own writable "length": ArraySetLength with a number */
            if (val_is_number(v) && !(o->flags & OBJF_LENGTH_READONLY))
                return obj_array_set_length(vm, o, val_as_number(v), throw_on_fail);
        } else if (o->kind != OBJ_STRING) {
            Prop *p = ptab_find(&o->props, key);
            if (p && (p->flags & (PROP_ACCESSOR | PROP_WRITABLE)) == PROP_WRITABLE) {
                p->u.value = v;
                return true;
            }
        }
    }
    /* find the property along the chain */
    PropDesc d;
    bool found = false;
    for (Obj *cur = o; cur; cur = cur->proto) {
        if (obj_get_own_property(vm, cur, key, &d)) {
            found = true;
            break;
        }
    }
    if (found && (d.has_get || d.has_set)) {
        if (!IsCallable(d.set)) {
            if (!throw_on_fail)
                return true;
            char kb[200];
            atom_to_cbuf(vm, key, kb, sizeof kb);
            vm_throw_type_error(vm, "Cannot set property %s of %s which has only a getter", kb,
                                "#<Object>");
            return false;
        }
        Value r = vm_call(vm, d.set, receiver, 1, &v);
        return r != VAL_EXCEPTION;
    }
    if (found && !d.writable)
        return set_fail(vm, throw_on_fail, key, receiver, true);
    if (!val_is_object(receiver))
        return set_fail(vm, throw_on_fail, key, receiver, false);
    Obj *r = val_as_obj(receiver);
    PropDesc own;
    if (obj_get_own_property(vm, r, key, &own)) {
        if (own.has_get || own.has_set || !own.writable)
            return set_fail(vm, throw_on_fail, key, receiver, true);
        if (r->kind == OBJ_ARRAY && key == ATOM_length) {
            double nl;
            if (!ToNumber(vm, v, &nl))
                return false;
            uint32_t u;
            if (!ToUint32(vm, v, &u))
                return false;
            if ((double)u != nl) {
                vm_throw_range_error(vm, "Invalid array length");
                return false;
            }
            return obj_array_set_length(vm, r, nl, throw_on_fail);
        }
        PropDesc vd;
        memset(&vd, 0, sizeof vd);
        vd.has_value = true;
        vd.value = v;
        return obj_define_own_property(vm, r, key, &vd, throw_on_fail) || !throw_on_fail;
    }
    if (!(r->flags & OBJF_EXTENSIBLE))
        return set_fail(vm, throw_on_fail, key, receiver, false);
    if (has_elements(r) && atom_is_int(key)) {
        if (!elem_store(vm, r, atom_int_value(key), v)) /* past a read-only length */
            return set_fail(vm, throw_on_fail, r->kind == OBJ_ARRAY ? ATOM_length : key, receiver,
                            true);
        return true;
    }
    uint32_t hi;
    if (r->kind == OBJ_ARRAY && key_high_index(vm, key, &hi)) {
        /* CreateDataProperty of a high index: the array [[DefineOwnProperty]] */
        if (hi >= r->u.array.len && (r->flags & OBJF_LENGTH_READONLY))
            return set_fail(vm, throw_on_fail, ATOM_length, receiver, true);
        if (hi >= r->u.array.len)
            r->u.array.len = hi + 1;
        r->flags |= OBJF_SPARSE;
    }
    Prop *p = ptab_add(vm, &r->props, key, PROP_DEFAULT);
    p->u.value = v;
    return true;
}

bool obj_set(Vm *vm, Obj *o, Atom key, Value v, bool throw_on_fail) {
    return obj_set_with_receiver(vm, o, key, v, val_obj(o), throw_on_fail);
}

/* OrdinarySet's walk for an index missing from the receiver: true when no object of
 * the chain from proto has the index (or one has it as a writable data property), so
 * that [[Set]] just creates the element on the receiver. Pure. */
static bool chain_allows_new_index(Obj *proto, uint32_t index) {
    for (int depth = 0; proto; proto = proto->proto) {
        if (++depth > 32 || proto->kind == OBJ_STRING)
            return false;
        if (has_elements(proto) && index < proto->u.array.dense &&
            proto->u.array.elems[index] != VAL_EMPTY)
            return true; /* a writable data element: the receiver gets its own */
        if (proto->props.count == 0 || index >= 0x7fffffffu)
            continue;
        Prop *p = ptab_find(&proto->props, atom_from_index(index));
        if (p)
            return (p->flags & (PROP_ACCESSOR | PROP_WRITABLE)) == PROP_WRITABLE;
    }
    return true;
}

bool obj_set_index(Vm *vm, Obj *o, uint32_t index, Value v, bool throw_on_fail) {
    if (o->kind == OBJ_ARRAY && !(o->flags & (OBJF_LENGTH_READONLY | OBJF_SPARSE)) &&
        index < 0x7fffffffu) {
        uint32_t dense = o->u.array.dense;
        if (index < dense && o->u.array.elems[index] != VAL_EMPTY) {
            o->u.array.elems[index] = v; /* an own writable data element */
            return true;
        }
        /* a hole, or one past the end of a dense array (push): a new element, unless the
         * prototype chain has something to say about that index */
        if ((index < dense || (index == dense && dense == o->u.array.len)) &&
            (o->flags & OBJF_EXTENSIBLE) && chain_allows_new_index(o->proto, index))
            return elem_store(vm, o, index, v);
    }
    gc_root_push(vm, &v);
    gc_root_push_ptr(vm, &o);
    Atom key = atom_from_uint32(vm, index);
    gc_root_pop(vm, 2);
    return obj_set(vm, o, key, v, throw_on_fail);
}

bool val_set(Vm *vm, Value base, Atom key, Value v, bool throw_on_fail) {
    if (val_is_object(base))
        return obj_set(vm, val_as_obj(base), key, v, throw_on_fail);
    if (val_is_nullish(base)) {
        vm_throw_not_object_access(vm, base, key, true);
        return false;
    }
    Obj *proto = proto_of_primitive(vm, base);
    if (val_is_string(base) && (key == ATOM_length ||
                                (atom_is_int(key) && atom_int_value(key) < val_as_str(base)->len)))
        return set_fail(vm, throw_on_fail, key, base, true);
    return obj_set_with_receiver(vm, proto, key, v, base, throw_on_fail);
}

/* ==== delete, keys, prototype ========================================================== */

bool obj_delete(Vm *vm, Obj *o, Atom key, bool *deleted) {
    *deleted = true;
    if (key == ATOM_stack)
        o->flags &= (uint8_t)~OBJF_STACK_PENDING;
    if (has_elements(o) && atom_is_int(key)) {
        uint32_t i = atom_int_value(key);
        args_unmap(o, i); /* #sec-arguments-exotic-objects-delete-p */
        if (i < o->u.array.dense) {
            if (!(o->flags & OBJF_EXTENSIBLE) && (o->flags & OBJF_LENGTH_READONLY)) {
                /* frozen/sealed array elements are non-configurable */
                *deleted = o->u.array.elems[i] == VAL_EMPTY;
                return true;
            }
            if (i + 1 == o->u.array.dense)
                o->u.array.dense--;
            else
                o->u.array.elems[i] = VAL_EMPTY;
            return true;
        }
    }
    if (o->kind == OBJ_ARRAY && key == ATOM_length) {
        *deleted = false;
        return true;
    }
    if (o->kind == OBJ_STRING && val_is_string(o->u.prim)) {
        if (key == ATOM_length ||
            (atom_is_int(key) && atom_int_value(key) < val_as_str(o->u.prim)->len)) {
            *deleted = false;
            return true;
        }
    }
    Prop *p = ptab_find(&o->props, key);
    if (!p)
        return true;
    if (!(p->flags & PROP_CONFIGURABLE)) {
        *deleted = false;
        return true;
    }
    ptab_remove(vm, &o->props, key);
    return true;
}

/* An own key that is an array index, for OrdinaryOwnPropertyKeys (#sec-ordinaryownpropertykeys
 * orders those first, ascending): an int atom, or the canonical text of an index above
 * ATOM_INT_MAX (ten digits, at most 2^32-2). "4294967295" is a string key. */
typedef struct {
    uint32_t index;
    Atom key;
} IndexKey;

static bool key_array_index(Vm *vm, Atom k, uint32_t *index) {
    if (atom_is_int(k)) {
        *index = atom_int_value(k);
        return true;
    }
    if (atom_is_symbol(vm, k))
        return false;
    ObjString *s = (ObjString *)(void *)atom_entry(vm, k);
    if (s->len != 10 || s->wide)
        return false;
    return numconv_text_is_array_index(numconv_text_utf8((const char *)s->data, s->len), index);
}

static int cmp_index_key(const void *a, const void *b) {
    uint32_t x = ((const IndexKey *)a)->index, y = ((const IndexKey *)b)->index;
    return x < y ? -1 : x > y;
}

Atom *obj_own_keys_atoms(Vm *vm, Obj *o, uint32_t flags, uint32_t *count) {
    bool enum_only = flags & OWNKEYS_ENUMERABLE_ONLY;
    uint32_t cap = o->props.count + 8;
    uint32_t n = 0;
    if (has_elements(o))
        cap += o->u.array.dense + 1;
    if (o->kind == OBJ_STRING && val_is_string(o->u.prim))
        cap += val_as_str(o->u.prim)->len + 1;
    Atom *out = xmalloc(cap * sizeof(Atom));
    if (flags & OWNKEYS_STRINGS) {
        /* integer keys, ascending */
        if (o->kind == OBJ_STRING && val_is_string(o->u.prim)) {
            for (uint32_t i = 0; i < val_as_str(o->u.prim)->len; i++)
                out[n++] = atom_from_index(i);
        }
        if (has_elements(o))
            for (uint32_t i = 0; i < o->u.array.dense; i++)
                if (o->u.array.elems[i] != VAL_EMPTY)
                    out[n++] = atom_from_index(i);
        /* the props' array-index keys, ascending: int atoms, and the string atoms of
         * the indices above the int-atom range (up to 2^32-2) */
        IndexKey *idx = xmalloc((o->props.count + 1) * sizeof(IndexKey));
        uint32_t nidx = 0;
        for (uint32_t i = 0; i < o->props.count; i++) {
            Prop *p = &o->props.props[i];
            if ((!enum_only || (p->flags & PROP_ENUMERABLE)) &&
                key_array_index(vm, p->key, &idx[nidx].index))
                idx[nidx++].key = p->key;
        }
        qsort(idx, nidx, sizeof(IndexKey), cmp_index_key);
        for (uint32_t i = 0; i < nidx; i++)
            out[n++] = idx[i].key;
        free(idx);
        if (o->kind == OBJ_ARRAY && !enum_only)
            out[n++] = ATOM_length;
        if (o->kind == OBJ_STRING && val_is_string(o->u.prim) && !enum_only)
            out[n++] = ATOM_length;
        for (uint32_t i = 0; i < o->props.count; i++) {
            Prop *p = &o->props.props[i];
            uint32_t ix;
            if (atom_is_int(p->key) || atom_is_symbol(vm, p->key) ||
                key_array_index(vm, p->key, &ix))
                continue;
            if (!enum_only || (p->flags & PROP_ENUMERABLE))
                out[n++] = p->key;
        }
    }
    if (flags & OWNKEYS_SYMBOLS) {
        for (uint32_t i = 0; i < o->props.count; i++) {
            Prop *p = &o->props.props[i];
            if (!atom_is_symbol(vm, p->key))
                continue;
            ObjSymbol *s = (ObjSymbol *)atom_entry(vm, p->key);
            if (s->is_private)
                continue;
            if (!enum_only || (p->flags & PROP_ENUMERABLE))
                out[n++] = p->key;
        }
    }
    *count = n;
    return out;
}

Obj *obj_own_keys(Vm *vm, Obj *o, uint32_t flags) {
    uint32_t n;
    Atom *keys = obj_own_keys_atoms(vm, o, flags, &n);
    gc_root_push_ptr(vm, &o);
    Obj *arr = obj_new_array(vm, 0);
    gc_root_push_ptr(vm, &arr);
    elems_reserve(vm, arr, n);
    for (uint32_t i = 0; i < n; i++) {
        Value k = atom_to_value(vm, keys[i]);
        arr->u.array.elems[i] = k;
        arr->u.array.dense = arr->u.array.len = i + 1;
    }
    gc_root_pop(vm, 2);
    free(keys);
    return arr;
}

Obj *obj_get_proto(Obj *o) {
    return o->proto;
}

bool obj_set_proto(Vm *vm, Obj *o, Obj *proto) {
    if (o->proto == proto)
        return true;
    if (!(o->flags & OBJF_EXTENSIBLE))
        return false;
    for (Obj *p = proto; p; p = p->proto)
        if (p == o)
            return false;
    o->proto = proto;
    return true;
}

bool obj_prevent_extensions(Vm *vm, Obj *o) {
    o->flags &= ~(uint8_t)OBJF_EXTENSIBLE;
    return true;
}

bool obj_set_integrity(Vm *vm, Obj *o, bool frozen) {
    args_refresh(o);
    if (frozen && o->kind == OBJ_ARGUMENTS)
        o->u.array.nmap = 0; /* non-writable elements are unmapped */
    o->flags &= ~(uint8_t)OBJF_EXTENSIBLE;
    if (has_elements(o) && o->u.array.dense > 0) {
        array_make_sparse(vm, o);
    }
    for (uint32_t i = 0; i < o->props.count; i++) {
        Prop *p = &o->props.props[i];
        p->flags &= ~(uint32_t)PROP_CONFIGURABLE;
        if (frozen && !(p->flags & PROP_ACCESSOR))
            p->flags &= ~(uint32_t)PROP_WRITABLE;
    }
    if (o->kind == OBJ_ARRAY && frozen)
        o->flags |= OBJF_LENGTH_READONLY;
    return true;
}

bool obj_test_integrity(Vm *vm, Obj *o, bool frozen) {
    if (o->flags & OBJF_EXTENSIBLE)
        return false;
    if (has_elements(o)) {
        for (uint32_t i = 0; i < o->u.array.dense; i++)
            if (o->u.array.elems[i] != VAL_EMPTY)
                return false;
        if (o->kind == OBJ_ARRAY && frozen && !(o->flags & OBJF_LENGTH_READONLY))
            return false;
    }
    for (uint32_t i = 0; i < o->props.count; i++) {
        Prop *p = &o->props.props[i];
        if (p->flags & PROP_CONFIGURABLE)
            return false;
        if (frozen && !(p->flags & PROP_ACCESSOR) && (p->flags & PROP_WRITABLE))
            return false;
    }
    return true;
}

/* ==== misc abstract operations ========================================================= */

bool LengthOfArrayLike(Vm *vm, Obj *o, double *out) {
    if (o->kind == OBJ_ARRAY) {
        *out = o->u.array.len;
        return true;
    }
    Value v = obj_get(vm, o, ATOM_length);
    if (v == VAL_EXCEPTION)
        return false;
    return ToLength(vm, v, out);
}

/* OrdinaryHasInstance (#sec-ordinaryhasinstance) */
static bool ordinary_has_instance(Vm *vm, Value c, Value o, bool *out) {
    *out = false;
    if (!IsCallable(c))
        return true;
    Obj *cf = val_as_obj(c);
    if (cf->kind == OBJ_BOUND_FUNCTION)
        return InstanceofOperator(vm, o, cf->u.bound.target, out);
    if (!val_is_object(o))
        return true;
    Value p = obj_get(vm, cf, ATOM_prototype);
    if (p == VAL_EXCEPTION)
        return false;
    if (!val_is_object(p)) {
        vm_throw_type_error(vm, "Function has non-object prototype '%s' in instanceof check",
                            val_is_undefined(p) ? "undefined" : "null");
        return false;
    }
    for (Obj *x = val_as_obj(o)->proto; x; x = x->proto)
        if (x == val_as_obj(p)) {
            *out = true;
            return true;
        }
    return true;
}

bool InstanceofOperator(Vm *vm, Value v, Value target, bool *out) {
    if (!val_is_object(target)) {
        vm_throw_type_error(vm, "Right-hand side of 'instanceof' is not an object");
        return false;
    }
    gc_root_push(vm, &v);
    gc_root_push(vm, &target);
    Value h = obj_get(vm, val_as_obj(target), ATOM_Symbol_hasInstance);
    bool ok = true;
    if (h == VAL_EXCEPTION) {
        ok = false;
    } else if (!val_is_nullish(h)) {
        Value r = vm_call(vm, h, target, 1, &v);
        if (r == VAL_EXCEPTION)
            ok = false;
        else
            *out = ToBoolean(r);
    } else if (!IsCallable(target)) {
        vm_throw_type_error(vm, "Right-hand side of 'instanceof' is not callable");
        ok = false;
    } else {
        ok = ordinary_has_instance(vm, target, v, out);
    }
    gc_root_pop(vm, 2);
    return ok;
}

Obj *obj_create_from_constructor(Vm *vm, Value new_target, ObjKind kind, Obj *fallback) {
    Obj *proto = fallback;
    if (val_is_object(new_target)) {
        Value p = obj_get(vm, val_as_obj(new_target), ATOM_prototype);
        if (p == VAL_EXCEPTION)
            return NULL;
        if (val_is_object(p))
            proto = val_as_obj(p);
    }
    return obj_new_kind(vm, kind, proto);
}
