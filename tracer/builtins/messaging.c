/* builtins/messaging.c — MessageChannel, MessagePort and window.postMessage (HTML
 * #channel-messaging, #posting-messages), browser host only. postMessage queues a task
 * on the posted message task source (host_browser.c) that fires a `message` event at
 * the other port (or at window): the event handler attribute (onmessage) and the
 * listeners added with addEventListener('message', f), in the order they were
 * registered; the first runs in the task, each further one right after it, each followed
 * by a microtask checkpoint (HTML "clean up after running a callback"). A port delivers
 * only once started: setting onmessage starts it, addEventListener needs start(); what
 * arrives earlier waits in its port message queue.
 *
 * The event is a plain object { type, data, origin, lastEventId, source, ports, target,
 * currentTarget }. SPEC-DEVIATION: the message is not structured-cloned; the receiver
 * gets the very value that was posted. */
#include <stdlib.h>
#include <string.h>

#include "tracer/host.h"
#include "tracer/jobs.h"
#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/trace.h"
#include "tracer/vm.h"

enum { PORT_ONMESSAGE = 0, PORT_LISTENERS = 1, PORT_OTHER = 2, PORT_PENDING = 3 };

typedef struct {
    bool started;
    bool closed;
} PortData;

static void port_finalize(Vm *vm, Obj *o) {
    (void)vm;
    free(o->u.host.data);
    o->u.host.data = NULL;
}

static const ObjClass port_class = {.name = "MessagePort", .finalize = port_finalize};

static Obj *port_of(Value v) {
    if (!val_is_object(v))
        return NULL;
    Obj *o = val_as_obj(v);
    return o->kind == OBJ_HOST && o->u.host.cls == &port_class ? o : NULL;
}

static PortData *port_data(Obj *p) {
    return p->u.host.data;
}

/* ==== dispatch ========================================================================= */

/* o.name = v (v is rooted while the key is interned) */
static bool set(Vm *vm, Obj *o, const char *name, Value v) {
    gc_root_push(vm, &v);
    Atom key = atom_intern(vm, name);
    bool ok = obj_define_value(vm, o, key, v, PROP_DEFAULT);
    gc_root_pop(vm, 1);
    return ok;
}

/* A MessageEvent-like object. */
static Obj *make_event(Vm *vm, Value target, Value data, bool from_window) {
    gc_root_push(vm, &target);
    gc_root_push(vm, &data);
    Obj *e = obj_new_plain(vm);
    gc_root_push_ptr(vm, &e);
    bool ok = set(vm, e, "type", val_str(str_new_cstr(vm, "message"))) &&
              set(vm, e, "data", data) &&
              set(vm, e, "origin", val_str(str_new_cstr(vm, from_window ? "null" : ""))) &&
              set(vm, e, "lastEventId", val_str(str_empty(vm))) &&
              set(vm, e, "source", from_window ? target : VAL_NULL) &&
              set(vm, e, "ports", val_obj(obj_new_array(vm, 0))) && set(vm, e, "target", target) &&
              set(vm, e, "currentTarget", target);
    if (!ok)
        vm_take_exception(vm);
    gc_root_pop(vm, 3);
    return e;
}

/* The listeners of target's `message` event, in registration order, as a new array of
 * callables (the onmessage attribute stands where it was first set). */
static Obj *message_listeners(Vm *vm, HostState *hs, Obj *target) {
    Obj *port = port_of(val_obj(target));
    Value list =
        port ? port->u.host.slots[PORT_LISTENERS] : *browser_ext(hs, BROWSER_EXT_WINDOW_LISTENERS);
    Obj *out = obj_new_array(vm, 0);
    gc_root_push_ptr(vm, &out);
    bool handler_seen = false;
    if (val_is_object(list)) {
        Obj *l = val_as_obj(list);
        for (uint32_t i = 0; i < obj_array_len(l); i++) {
            Value f = l->u.array.elems[i];
            if (val_is_object(f) && val_as_obj(f) == target) {
                handler_seen = true;
                f = port ? port->u.host.slots[PORT_ONMESSAGE] : VAL_UNDEFINED;
            }
            if (IsCallable(f) && !obj_array_push(vm, out, f))
                vm_take_exception(vm);
        }
    }
    if (!port && !handler_seen) {
        /* window.onmessage: an ordinary property of the global object here */
        Prop *p = obj_find_own_prop(target, atom_intern(vm, "onmessage"));
        if (p && !(p->flags & PROP_ACCESSOR) && IsCallable(p->u.value)) {
            Value f = p->u.value;
            if (!obj_array_push(vm, out, VAL_UNDEFINED))
                vm_take_exception(vm);
            /* the attribute's listener comes first (it was set before any task ran) */
            memmove(&out->u.array.elems[1], &out->u.array.elems[0],
                    (obj_array_len(out) - 1) * sizeof(Value));
            out->u.array.elems[0] = f;
        }
    }
    gc_root_pop(vm, 1);
    return out;
}

/* The task: fire `message` at job->gc_ref with job->argument as data. */
static Value message_task_run(Vm *vm, Job *job) {
    HostState *hs = host_state(vm);
    Obj *target = job->gc_ref;
    bool from_window = target == vm->realm->global;
    Obj *event = make_event(vm, val_obj(target), job->argument, from_window);
    gc_root_push_ptr(vm, &event);
    Obj *ls = message_listeners(vm, hs, target);
    gc_root_push_ptr(vm, &ls);
    Value r = VAL_UNDEFINED;
    for (uint32_t i = 0; i < obj_array_len(ls); i++) {
        Value f = ls->u.array.elems[i];
        Value ev = val_obj(event);
        if (i == 0) {
            r = vm_call(vm, f, val_obj(target), 1, &ev);
            if (r == VAL_EXCEPTION)
                break; /* reported by the loop; the other listeners still run */
            continue;
        }
        Obj *args = obj_new_array_from(vm, 1, &ev);
        Job *next = host_callback_job(hs, JOB_MESSAGE, f, val_obj(target), val_obj(args), 0);
        next->reason = TFV_REASON_MESSAGE;
        browser_queue_continuation(hs, next);
    }
    if (r == VAL_EXCEPTION && !vm->terminated) {
        /* queue the listeners after the one that threw before giving up the task */
        Value exc = vm_take_exception(vm);
        gc_root_push(vm, &exc);
        for (uint32_t i = 1; i < obj_array_len(ls); i++) {
            Value ev = val_obj(event);
            Obj *args = obj_new_array_from(vm, 1, &ev);
            Job *next = host_callback_job(hs, JOB_MESSAGE, ls->u.array.elems[i], val_obj(target),
                                          val_obj(args), 0);
            browser_queue_continuation(hs, next);
        }
        vm_throw(vm, exc);
        gc_root_pop(vm, 1);
    }
    gc_root_pop(vm, 2);
    return r;
}

/* Queues the task that delivers data to target (a started port, or window). */
static void queue_message(Vm *vm, HostState *hs, Obj *target, Value data) {
    Job *job = job_new(vm, JOB_MESSAGE, message_task_run);
    job->gc_ref = target;
    job->argument = data;
    job->realm = vm->realm;
    Obj *port = port_of(val_obj(target));
    Value h = port ? port->u.host.slots[PORT_ONMESSAGE] : VAL_UNDEFINED;
    if (IsCallable(h)) {
        job->handler = h;
        job->handler_loc = trc_function_loc(h);
    }
    browser_queue_task(hs, TASK_SOURCE_MESSAGING, job);
}

static void port_start(Vm *vm, HostState *hs, Obj *p) {
    PortData *d = port_data(p);
    if (d->started)
        return;
    d->started = true;
    Value pend = p->u.host.slots[PORT_PENDING];
    p->u.host.slots[PORT_PENDING] = VAL_UNDEFINED;
    if (!val_is_object(pend))
        return;
    gc_root_push(vm, &pend);
    Obj *a = val_as_obj(pend);
    for (uint32_t i = 0; i < obj_array_len(a); i++)
        queue_message(vm, hs, p, a->u.array.elems[i]);
    gc_root_pop(vm, 1);
}

/* ==== MessagePort ====================================================================== */

static Obj *new_port(Vm *vm, HostState *hs) {
    Value proto = *browser_ext(hs, BROWSER_EXT_PORT_PROTO);
    Obj *p = obj_new_kind(vm, OBJ_HOST, val_is_object(proto) ? val_as_obj(proto) : NULL);
    p->u.host.cls = &port_class;
    p->u.host.data = xcalloc(1, sizeof(PortData));
    p->u.host.slots[PORT_ONMESSAGE] = VAL_NULL;
    return p;
}

static Value illegal_invocation(Vm *vm) {
    return vm_throw_type_error(vm, "Illegal invocation");
}

static NATIVE(port_post_message) {
    HostState *hs = host_state(vm);
    Obj *p = port_of(this_val);
    if (!p)
        return illegal_invocation(vm);
    Obj *other = port_of(p->u.host.slots[PORT_OTHER]);
    if (!other || port_data(p)->closed || port_data(other)->closed)
        return VAL_UNDEFINED;
    if (port_data(other)->started) {
        queue_message(vm, hs, other, ARG(0));
        return VAL_UNDEFINED;
    }
    Value pend = other->u.host.slots[PORT_PENDING];
    if (!val_is_object(pend)) {
        pend = val_obj(obj_new_array(vm, 0));
        other->u.host.slots[PORT_PENDING] = pend;
    }
    if (!obj_array_push(vm, val_as_obj(pend), ARG(0)))
        return VAL_EXCEPTION;
    return VAL_UNDEFINED;
}

static NATIVE(port_start_fn) {
    Obj *p = port_of(this_val);
    if (!p)
        return illegal_invocation(vm);
    port_start(vm, host_state(vm), p);
    return VAL_UNDEFINED;
}

static NATIVE(port_close) {
    Obj *p = port_of(this_val);
    if (!p)
        return illegal_invocation(vm);
    port_data(p)->closed = true;
    Obj *other = port_of(p->u.host.slots[PORT_OTHER]);
    if (other)
        other->u.host.slots[PORT_OTHER] = VAL_UNDEFINED;
    p->u.host.slots[PORT_OTHER] = VAL_UNDEFINED;
    return VAL_UNDEFINED;
}

static NATIVE(port_get_onmessage) {
    Obj *p = port_of(this_val);
    if (!p)
        return illegal_invocation(vm);
    return p->u.host.slots[PORT_ONMESSAGE];
}

/* The list a listener goes to: the port's, or window's. */
static Obj *listener_list(Vm *vm, HostState *hs, Obj *port) {
    Value *slot =
        port ? &port->u.host.slots[PORT_LISTENERS] : browser_ext(hs, BROWSER_EXT_WINDOW_LISTENERS);
    if (!val_is_object(*slot))
        *slot = val_obj(obj_new_array(vm, 0));
    return val_as_obj(*slot);
}

static bool list_has(Obj *l, Value f) {
    for (uint32_t i = 0; i < obj_array_len(l); i++)
        if (l->u.array.elems[i] == f)
            return true;
    return false;
}

static NATIVE(port_set_onmessage) {
    HostState *hs = host_state(vm);
    Obj *p = port_of(this_val);
    if (!p)
        return illegal_invocation(vm);
    Value f = IsCallable(ARG(0)) ? ARG(0) : VAL_NULL;
    p->u.host.slots[PORT_ONMESSAGE] = f;
    if (!val_is_null(f)) {
        /* the handler's listener is added where it is first set; setting it starts the
         * port (HTML: "the first time a MessagePort's onmessage is set") */
        Obj *l = listener_list(vm, hs, p);
        if (!list_has(l, val_obj(p)) && !obj_array_push(vm, l, val_obj(p)))
            return VAL_EXCEPTION;
        port_start(vm, hs, p);
    }
    return VAL_UNDEFINED;
}

/* addEventListener(type, callback) / removeEventListener on a port or on window; only
 * `message` listeners are ever called. */
static NATIVE(add_event_listener) {
    HostState *hs = host_state(vm);
    Obj *p = port_of(this_val);
    if (!p && !(val_is_object(this_val) && val_as_obj(this_val) == vm->realm->global) &&
        !val_is_undefined(this_val))
        return illegal_invocation(vm);
    ObjString *type = ToString(vm, ARG(0));
    if (!type)
        return VAL_EXCEPTION;
    if (!str_equal_cstr(type, "message") || !IsCallable(ARG(1)))
        return VAL_UNDEFINED;
    Obj *l = listener_list(vm, hs, p);
    if (ctx->magic == 0) {
        if (!list_has(l, ARG(1)) && !obj_array_push(vm, l, ARG(1)))
            return VAL_EXCEPTION;
    } else {
        for (uint32_t i = 0; i < obj_array_len(l); i++) {
            if (l->u.array.elems[i] == ARG(1)) {
                memmove(&l->u.array.elems[i], &l->u.array.elems[i + 1],
                        (obj_array_len(l) - i - 1) * sizeof(Value));
                if (!obj_array_set_length(vm, l, obj_array_len(l) - 1, false))
                    return VAL_EXCEPTION;
                break;
            }
        }
    }
    return VAL_UNDEFINED;
}

/* ==== MessageChannel and window.postMessage ============================================ */

static NATIVE(message_channel_ctor) {
    HostState *hs = host_state(vm);
    if (val_is_undefined(ctx->new_target))
        return vm_throw_type_error(vm, "Failed to construct 'MessageChannel': Please use the "
                                       "'new' operator, this DOM object constructor cannot be "
                                       "called as a function.");
    Obj *ch = obj_create_from_constructor(vm, ctx->new_target, OBJ_ORDINARY,
                                          realm_intrinsic(vm, INTR_ObjectPrototype));
    if (!ch)
        return VAL_EXCEPTION;
    gc_root_push_ptr(vm, &ch);
    Obj *p1 = new_port(vm, hs);
    gc_root_push_ptr(vm, &p1);
    Obj *p2 = new_port(vm, hs);
    p1->u.host.slots[PORT_OTHER] = val_obj(p2);
    p2->u.host.slots[PORT_OTHER] = val_obj(p1);
    Value r = val_obj(ch);
    if (!obj_define_value(vm, ch, atom_intern(vm, "port1"), val_obj(p1),
                          PROP_ENUMERABLE | PROP_CONFIGURABLE) ||
        !obj_define_value(vm, ch, atom_intern(vm, "port2"), val_obj(p2),
                          PROP_ENUMERABLE | PROP_CONFIGURABLE))
        r = VAL_EXCEPTION;
    gc_root_pop(vm, 2);
    return r;
}

static NATIVE(window_post_message) {
    HostState *hs = host_state(vm);
    queue_message(vm, hs, vm->realm->global, ARG(0));
    return VAL_UNDEFINED;
}

static NATIVE(illegal_constructor) {
    return vm_throw_type_error(vm, "Illegal constructor");
}

static const BuiltinEntry port_proto[] = {
    BI_METHOD("postMessage", port_post_message, 1),
    BI_METHOD("start", port_start_fn, 0),
    BI_METHOD("close", port_close, 0),
    BI_ACCESSOR("onmessage", port_get_onmessage, port_set_onmessage),
    BI_METHOD_MAGIC("addEventListener", add_event_listener, 2, 0),
    BI_METHOD_MAGIC("removeEventListener", add_event_listener, 2, 1),
};

static const BuiltinEntry window_fns[] = {
    BI_METHOD("postMessage", window_post_message, 1),
    BI_METHOD_MAGIC("addEventListener", add_event_listener, 2, 0),
    BI_METHOD_MAGIC("removeEventListener", add_event_listener, 2, 1),
};

void bi_messaging_host_init(Vm *vm, HostState *hs) {
    Obj *pp = obj_new_plain(vm);
    gc_root_push_ptr(vm, &pp);
    *browser_ext(hs, BROWSER_EXT_PORT_PROTO) = val_obj(pp);
    realm_define_entries(vm, pp, port_proto, ARRAY_LEN(port_proto));
    Obj *pc = realm_new_ctor(vm, "MessagePort", illegal_constructor, 0, pp, -1, -1);
    realm_define_global(vm, "MessagePort", val_obj(pc));
    Obj *cp = obj_new_plain(vm);
    gc_root_push_ptr(vm, &cp);
    Obj *cc = realm_new_ctor(vm, "MessageChannel", message_channel_ctor, 0, cp, -1, -1);
    realm_define_global(vm, "MessageChannel", val_obj(cc));
    realm_define_entries(vm, vm->realm->global, window_fns, ARRAY_LEN(window_fns));
    gc_root_pop(vm, 2);
}
