/* builtins/weakref.c — WeakRef (ecma262 #sec-weak-ref-objects), FinalizationRegistry
 * (#sec-finalization-registry-objects) and the agent's [[KeptAlive]] list
 * (#sec-agents), with tickscope's deterministic rule for when their targets die: see
 * weakref.h. Both kinds are weak containers for the GC (gc.h): their mark hook marks a
 * target only outside a weak collection, and their sweep_weak hook, during one, forgets
 * the targets that die.
 *
 * Storage. A WeakRef is an OBJ_WEAKREF whose u.host.data is a malloc'd Value, the
 * [[WeakRefTarget]] (undefined once it died). A registry is an OBJ_HOST object:
 * slots[0] is the [[CleanupCallback]], u.host.data a FinReg holding the [[Cells]] in
 * registration order. The agent state (WeakAgent: [[KeptAlive]], the registries waiting
 * for their cleanup task, whether a weak collection is running) hangs from the realm
 * intrinsic %WeakAgent%, an internal object that no JS sees. */
#include "tracer/builtins/weakref.h"

#include <stdlib.h>
#include <string.h>

#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/trace.h"
#include "tracer/vm.h"

/* ==== the agent =========================================================================== */

typedef struct {
    Value *kept; /* [[KeptAlive]] (strong) */
    size_t nkept, capkept;
    Obj **dirty; /* registries with dead cells and no cleanup job yet (strong), in the
                    order their cells died */
    size_t ndirty, capdirty;
    bool weak_pass; /* a weak collection is running */
    bool may_hold;  /* some WeakRef or cell may hold a target (a weak collection is due) */
    size_t live;    /* during a weak collection: the targets that survived it */
} WeakAgent;

static WeakAgent *agent_of(Vm *vm) {
    Obj *a = vm->realm ? vm->realm->intrinsics[INTR_WeakAgent] : NULL;
    return a ? a->u.host.data : NULL;
}

static bool in_weak_pass(Vm *vm) {
    WeakAgent *ag = agent_of(vm);
    return ag && ag->weak_pass;
}

static void agent_mark(Vm *vm, Obj *o) {
    WeakAgent *ag = o->u.host.data;
    if (!ag)
        return;
    for (size_t i = 0; i < ag->nkept; i++)
        gc_mark_value(vm, ag->kept[i]);
    for (size_t i = 0; i < ag->ndirty; i++)
        gc_mark(vm, ag->dirty[i]);
}

static void agent_finalize(Vm *vm, Obj *o) {
    (void)vm;
    WeakAgent *ag = o->u.host.data;
    if (!ag)
        return;
    o->u.host.data = NULL;
    free(ag->kept);
    free(ag->dirty);
    free(ag);
}

static const ObjClass agent_class = {
    .name = "WeakAgent", .mark = agent_mark, .finalize = agent_finalize};

void AddToKeptObjects(Vm *vm, Value v) {
    WeakAgent *ag = agent_of(vm);
    if (!ag)
        return;
    /* the same target deref'd again in a loop is usually the last one kept */
    for (size_t i = ag->nkept, n = 0; i > 0 && n < 8; i--, n++)
        if (ag->kept[i - 1] == v)
            return;
    if (ag->nkept == ag->capkept) {
        ag->capkept = ag->capkept ? ag->capkept * 2 : 16;
        ag->kept = xrealloc(ag->kept, ag->capkept * sizeof(Value));
    }
    ag->kept[ag->nkept++] = v;
}

void ClearKeptObjects(Vm *vm) {
    WeakAgent *ag = agent_of(vm);
    if (ag)
        ag->nkept = 0;
}

void weakref_collect(Vm *vm) {
    WeakAgent *ag = agent_of(vm);
    if (!ag || vm->gc.collecting)
        return;
    ag->weak_pass = true;
    ag->live = 0;
    gc_collect(vm);
    ag->weak_pass = false;
    ag->may_hold = ag->live > 0;
}

void weakref_checkpoint(Vm *vm) {
    ClearKeptObjects(vm);
    WeakAgent *ag = agent_of(vm);
    if (ag && ag->may_hold)
        weakref_collect(vm);
}

/* CanBeHeldWeakly (#sec-canbeheldweakly): objects, and symbols not from Symbol.for. */
static bool can_be_held_weakly(Value v) {
    if (val_is_object(v))
        return true;
    return val_is_symbol(v) && !val_as_sym(v)->registered;
}

/* V8's TypeError for a method called on the wrong receiver. */
static Value incompatible_receiver(Vm *vm, const char *method, Value this_val) {
    StrBuf sb;
    strbuf_init(&sb);
    vm_describe_value(vm, this_val, &sb);
    vm_throw_type_error(vm, "Method %s called on incompatible receiver %s", method, sb.data);
    strbuf_fini(&sb);
    return VAL_EXCEPTION;
}

/* ==== WeakRef ============================================================================= */

static void weakref_mark(Vm *vm, Obj *o) {
    Value *target = o->u.host.data;
    if (target && !in_weak_pass(vm))
        gc_mark_value(vm, *target);
}

/* Nothing lives because a WeakRef does (ObjClass.mark_weak): no ephemeron step. */
static bool no_ephemeron_step(Vm *vm, Obj *o) {
    (void)vm;
    (void)o;
    return false;
}

static void weakref_sweep_weak(Vm *vm, Obj *o) {
    Value *target = o->u.host.data;
    WeakAgent *ag = agent_of(vm);
    if (!target || !ag || !ag->weak_pass || val_is_undefined(*target))
        return;
    if (gc_value_is_marked(*target))
        ag->live++;
    else
        *target = VAL_UNDEFINED; /* [[WeakRefTarget]] becomes empty */
}

static void weakref_finalize(Vm *vm, Obj *o) {
    if (!o->u.host.data)
        return;
    free(o->u.host.data);
    o->u.host.data = NULL;
    gc_account(vm, -(ptrdiff_t)sizeof(Value));
}

static const ObjClass weakref_class = {.name = "WeakRef",
                                       .mark = weakref_mark,
                                       .finalize = weakref_finalize,
                                       .mark_weak = no_ephemeron_step,
                                       .sweep_weak = weakref_sweep_weak};

/* WeakRef(target) (#sec-weak-ref-target) */
static NATIVE(weakref_ctor) {
    if (val_is_undefined(ctx->new_target))
        return vm_throw_type_error(vm, "Constructor WeakRef requires 'new'");
    Value target = ARG(0);
    if (!can_be_held_weakly(target))
        return vm_throw_type_error(vm, "WeakRef: invalid target");
    /* steps 3-5: OrdinaryCreateFromConstructor, AddToKeptObjects, [[WeakRefTarget]] */
    Obj *o = obj_create_from_constructor(vm, ctx->new_target, OBJ_WEAKREF,
                                         realm_intrinsic(vm, INTR_WeakRefPrototype));
    if (!o)
        return VAL_EXCEPTION;
    Value *slot = xmalloc(sizeof *slot);
    *slot = target;
    gc_account(vm, (ptrdiff_t)sizeof *slot);
    o->u.host.data = slot;
    o->u.host.cls = &weakref_class;
    AddToKeptObjects(vm, target);
    WeakAgent *ag = agent_of(vm);
    if (ag)
        ag->may_hold = true;
    return val_obj(o);
}

/* WeakRef.prototype.deref() (#sec-weak-ref.prototype.deref, WeakRefDeref) */
static NATIVE(weakref_deref) {
    Obj *o = val_is_object(this_val) ? val_as_obj(this_val) : NULL;
    if (!o || o->kind != OBJ_WEAKREF || o->u.host.cls != &weakref_class || !o->u.host.data)
        return incompatible_receiver(vm, "WeakRef.prototype.deref", this_val);
    Value target = *(Value *)o->u.host.data;
    if (!val_is_undefined(target))
        AddToKeptObjects(vm, target);
    return target;
}

static const BuiltinEntry weakref_proto_fns[] = {
    BI_METHOD("deref", weakref_deref, 0),
    BI_SYM_STRING(ATOM_Symbol_toStringTag, "WeakRef"),
};

/* ==== FinalizationRegistry ================================================================ */

typedef struct {
    Value target;   /* [[WeakRefTarget]]; VAL_EMPTY once it died */
    Value holdings; /* [[HeldValue]] (strong) */
    Value token;    /* [[UnregisterToken]]; VAL_EMPTY for none */
} Cell;

typedef struct {
    Cell *cells; /* [[Cells]], in registration order */
    uint32_t n, cap;
    bool dirty; /* in the agent's list of registries waiting for a cleanup job */
} FinReg;

#define FR_CALLBACK 0 /* u.host.slots[0]: [[CleanupCallback]] */

static void finreg_mark(Vm *vm, Obj *o) {
    FinReg *fr = o->u.host.data;
    if (!fr)
        return;
    bool weak = in_weak_pass(vm);
    for (uint32_t i = 0; i < fr->n; i++) {
        gc_mark_value(vm, fr->cells[i].holdings);
        if (!weak) {
            gc_mark_value(vm, fr->cells[i].target);
            gc_mark_value(vm, fr->cells[i].token);
        }
    }
}

/* Puts registry o (with dead cells) in the agent's list for a cleanup job. */
static void queue_dirty(WeakAgent *ag, Obj *o) {
    FinReg *fr = o->u.host.data;
    if (!fr || fr->dirty)
        return;
    if (ag->ndirty == ag->capdirty) {
        ag->capdirty = ag->capdirty ? ag->capdirty * 2 : 8;
        ag->dirty = xrealloc(ag->dirty, ag->capdirty * sizeof(Obj *));
    }
    ag->dirty[ag->ndirty++] = o;
    fr->dirty = true;
}

static void finreg_sweep_weak(Vm *vm, Obj *o) {
    FinReg *fr = o->u.host.data;
    WeakAgent *ag = agent_of(vm);
    if (!fr || !ag || !ag->weak_pass)
        return;
    bool died = false;
    for (uint32_t i = 0; i < fr->n; i++) {
        Cell *c = &fr->cells[i];
        if (c->token != VAL_EMPTY && !gc_value_is_marked(c->token))
            c->token = VAL_EMPTY;
        if (c->target == VAL_EMPTY)
            continue;
        if (gc_value_is_marked(c->target)) {
            ag->live++;
        } else {
            c->target = VAL_EMPTY;
            died = true;
        }
    }
    if (died) /* the registry is marked (live), so the agent may hold it from now on */
        queue_dirty(ag, o);
}

static void finreg_finalize(Vm *vm, Obj *o) {
    FinReg *fr = o->u.host.data;
    if (!fr)
        return;
    o->u.host.data = NULL;
    gc_account(vm, -(ptrdiff_t)(sizeof *fr + fr->cap * sizeof(Cell)));
    free(fr->cells);
    free(fr);
}

static const ObjClass finreg_class = {.name = "FinalizationRegistry",
                                      .mark = finreg_mark,
                                      .finalize = finreg_finalize,
                                      .mark_weak = no_ephemeron_step,
                                      .sweep_weak = finreg_sweep_weak};

static FinReg *finreg_this(Vm *vm, Value this_val, const char *method) {
    Obj *o = val_is_object(this_val) ? val_as_obj(this_val) : NULL;
    if (o && o->kind == OBJ_HOST && o->u.host.cls == &finreg_class && o->u.host.data)
        return o->u.host.data;
    incompatible_receiver(vm, method, this_val);
    return NULL;
}

/* FinalizationRegistry(cleanupCallback) (#sec-finalization-registry-cleanup-callback) */
static NATIVE(finreg_ctor) {
    if (val_is_undefined(ctx->new_target))
        return vm_throw_type_error(vm, "Constructor FinalizationRegistry requires 'new'");
    if (!IsCallable(ARG(0)))
        return vm_throw_type_error(vm, "FinalizationRegistry: cleanup must be callable");
    Obj *o = obj_create_from_constructor(vm, ctx->new_target, OBJ_HOST,
                                         realm_intrinsic(vm, INTR_FinalizationRegistryPrototype));
    if (!o)
        return VAL_EXCEPTION;
    FinReg *fr = xcalloc(1, sizeof *fr);
    gc_account(vm, (ptrdiff_t)sizeof *fr);
    o->u.host.data = fr;
    o->u.host.cls = &finreg_class;
    o->u.host.slots[FR_CALLBACK] = ARG(0);
    return val_obj(o);
}

/* V8's "Invalid unregisterToken ('x')": the token as String() shows it (symbols too). */
static Value invalid_token(Vm *vm, Value token) {
    StrBuf sb;
    strbuf_init(&sb);
    if (val_is_symbol(token)) {
        Value d = val_as_sym(token)->description;
        strbuf_puts(&sb, "Symbol(");
        if (val_is_string(d))
            str_to_utf8(val_as_str(d), &sb);
        strbuf_putc(&sb, ')');
    } else {
        ObjString *s = ToString(vm, token);
        if (!s) {
            strbuf_fini(&sb);
            return VAL_EXCEPTION;
        }
        str_to_utf8(s, &sb);
    }
    vm_throw_type_error(vm, "Invalid unregisterToken ('%s')", sb.data);
    strbuf_fini(&sb);
    return VAL_EXCEPTION;
}

/* FinalizationRegistry.prototype.register(target, heldValue [, unregisterToken])
 * (#sec-finalization-registry.prototype.register) */
static NATIVE(finreg_register) {
    FinReg *fr = finreg_this(vm, this_val, "FinalizationRegistry.prototype.register");
    if (!fr)
        return VAL_EXCEPTION;
    Value target = ARG(0), held = ARG(1), token = ARG(2);
    if (!can_be_held_weakly(target))
        return vm_throw_type_error(vm, "FinalizationRegistry.prototype.register: invalid target");
    if (SameValue(target, held))
        return vm_throw_type_error(
            vm, "FinalizationRegistry.prototype.register: target and holdings must not be same");
    if (!can_be_held_weakly(token)) {
        if (!val_is_undefined(token))
            return invalid_token(vm, token);
        token = VAL_EMPTY;
    }
    if (fr->n == fr->cap) {
        uint32_t cap = fr->cap ? fr->cap * 2 : 4;
        fr->cells = xrealloc(fr->cells, cap * sizeof(Cell));
        gc_account(vm, (ptrdiff_t)((cap - fr->cap) * sizeof(Cell)));
        fr->cap = cap;
    }
    fr->cells[fr->n++] = (Cell){.target = target, .holdings = held, .token = token};
    WeakAgent *ag = agent_of(vm);
    if (ag)
        ag->may_hold = true;
    return VAL_UNDEFINED;
}

/* FinalizationRegistry.prototype.unregister(unregisterToken)
 * (#sec-finalization-registry.prototype.unregister): removes every cell registered with
 * the token, dead or alive; true when there was one. */
static NATIVE(finreg_unregister) {
    FinReg *fr = finreg_this(vm, this_val, "FinalizationRegistry.prototype.unregister");
    if (!fr)
        return VAL_EXCEPTION;
    Value token = ARG(0);
    if (!can_be_held_weakly(token))
        return invalid_token(vm, token);
    bool removed = false;
    uint32_t w = 0;
    for (uint32_t i = 0; i < fr->n; i++) {
        if (fr->cells[i].token != VAL_EMPTY && SameValue(fr->cells[i].token, token)) {
            removed = true;
            continue;
        }
        fr->cells[w++] = fr->cells[i];
    }
    fr->n = w;
    return val_bool(removed);
}

static const BuiltinEntry finreg_proto_fns[] = {
    BI_METHOD("register", finreg_register, 2),
    BI_METHOD("unregister", finreg_unregister, 1),
    BI_SYM_STRING(ATOM_Symbol_toStringTag, "FinalizationRegistry"),
};

/* The job's closure, CleanupFinalizationRegistry(finalizationRegistry)
 * (#sec-cleanup-finalization-registry): while a cell is dead, remove it and call the
 * callback with its [[HeldValue]]; a throw ends the job (the host reports it). */
static Value cleanup_job_run(Vm *vm, Job *job) {
    Obj *reg = job->gc_ref;
    Value held = VAL_UNDEFINED;
    gc_root_push(vm, &held);
    Value r = VAL_UNDEFINED;
    for (;;) {
        FinReg *fr = reg->u.host.data;
        uint32_t i = 0;
        while (fr && i < fr->n && fr->cells[i].target != VAL_EMPTY)
            i++;
        if (!fr || i == fr->n)
            break;
        held = fr->cells[i].holdings;
        memmove(&fr->cells[i], &fr->cells[i + 1], (fr->n - i - 1) * sizeof(Cell));
        fr->n--;
        r = vm_call(vm, reg->u.host.slots[FR_CALLBACK], VAL_UNDEFINED, 1, &held);
        if (r == VAL_EXCEPTION) {
            /* the rest of the dead cells get a job of their own, after the host has
             * reported this throw (if the run goes on) */
            WeakAgent *ag = agent_of(vm);
            FinReg *left = reg->u.host.data;
            for (uint32_t k = 0; ag && left && k < left->n; k++)
                if (left->cells[k].target == VAL_EMPTY) {
                    queue_dirty(ag, reg);
                    break;
                }
            break;
        }
        r = VAL_UNDEFINED;
    }
    gc_root_pop(vm, 1);
    return r;
}

Job *weakref_next_cleanup_job(Vm *vm) {
    WeakAgent *ag = agent_of(vm);
    if (!ag || ag->ndirty == 0)
        return NULL;
    Obj *reg = ag->dirty[0];
    memmove(ag->dirty, ag->dirty + 1, (ag->ndirty - 1) * sizeof(Obj *));
    ag->ndirty--;
    FinReg *fr = reg->u.host.data;
    if (fr)
        fr->dirty = false;
    /* HostEnqueueFinalizationRegistryCleanupJob: a host task calling the callback */
    Job *job = job_new(vm, JOB_HOST_TASK, cleanup_job_run);
    job->handler = reg->u.host.slots[FR_CALLBACK];
    job->handler_loc = trc_function_loc(job->handler);
    job->step = "CleanupFinalizationRegistry";
    job->gc_ref = reg;
    job->realm = vm->realm;
    return job;
}

/* ==== registration ======================================================================== */

void bi_weakref_init(Vm *vm) {
    Realm *r = vm->realm;
    Obj *agent = obj_new_kind(vm, OBJ_HOST, NULL);
    agent->u.host.cls = &agent_class;
    agent->u.host.data = xcalloc(1, sizeof(WeakAgent));
    r->intrinsics[INTR_WeakAgent] = agent;

    /* each prototype is an intrinsic and holds its constructor: both stay reachable */
    Obj *proto = obj_new(vm, realm_intrinsic(vm, INTR_ObjectPrototype));
    gc_root_push_ptr(vm, &proto);
    Obj *ctor = realm_new_ctor(vm, "WeakRef", weakref_ctor, 1, proto, -1, INTR_WeakRefPrototype);
    gc_root_push_ptr(vm, &ctor);
    realm_define_entries(vm, proto, weakref_proto_fns, ARRAY_LEN(weakref_proto_fns));
    realm_define_global(vm, "WeakRef", val_obj(ctor));

    proto = obj_new(vm, realm_intrinsic(vm, INTR_ObjectPrototype));
    ctor = realm_new_ctor(vm, "FinalizationRegistry", finreg_ctor, 1, proto, -1,
                          INTR_FinalizationRegistryPrototype);
    realm_define_entries(vm, proto, finreg_proto_fns, ARRAY_LEN(finreg_proto_fns));
    realm_define_global(vm, "FinalizationRegistry", val_obj(ctor));
    gc_root_pop(vm, 2);
}
