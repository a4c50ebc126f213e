/* builtins/timers.c — setTimeout, setInterval, clearTimeout, clearInterval and
 * queueMicrotask in every host; node's setImmediate/clearImmediate and its Timeout and
 * Immediate objects (ref, unref, hasRef, refresh, close, [Symbol.toPrimitive]); the
 * browser's integer timer handles (HTML #timers). Registered by host_attach
 * (host_builtins.def), so the set of globals depends on the host.
 *
 * node 20 (lib/timers.js, lib/internal/timers.js): the callback must be a function
 * (TypeError [ERR_INVALID_ARG_TYPE]); the delay is `after * 1` and becomes 1 ms unless
 * 1 <= delay <= 2^31-1 (above it with node's TimeoutOverflowWarning, "N does not fit
 * into a 32-bit signed integer.\nTimeout duration was set to 1."), then truncated;
 * `this` in the callback is the Timeout. node 10 the same, with its own messages.
 * Browser (HTML timer initialization steps): the delay is a WebIDL long (ToInt32),
 * negative becomes 0, no 1 ms minimum, the nesting clamp (host_browser.c); the callback
 * runs with `this` = window. A string handler is not compiled: SPEC-DEVIATION, the
 * timer fires and does nothing. */
#include <math.h>
#include <string.h>

#include "tracer/host.h"
#include "tracer/jobs.h"
#include "tracer/numconv.h"
#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/timers.h"
#include "tracer/trace.h"
#include "tracer/vm.h"

/* The extra arguments argv[from...] as a private array, or undefined when none. */
static Value extra_args(Vm *vm, int argc, const Value *argv, int from) {
    if (argc <= from)
        return VAL_UNDEFINED;
    return val_obj(obj_new_array_from(vm, (uint32_t)(argc - from), argv + from));
}

static Value invalid_callback(Vm *vm, Value v) {
    StrBuf sb;
    strbuf_init(&sb);
    host_describe_received(vm, v, &sb);
    Value r =
        host_throw_node_error(vm, INTR_TypeErrorPrototype, "ERR_INVALID_ARG_TYPE",
                              "The \"callback\" argument must be of type function. %s", sb.data);
    strbuf_fini(&sb);
    return r;
}

/* ==== node ============================================================================== */

/* new Timeout(callback, after, args, isRepeat, isRefed) then insert(): magic 1 =
 * setInterval. */
static NATIVE(node_set_timeout) {
    HostState *hs = host_state(vm);
    bool repeat = ctx->magic == 1;
    if (!IsCallable(ARG(0)))
        return invalid_callback(vm, ARG(0));
    double after;
    if (!ToNumber(vm, ARG(1), &after)) /* after *= 1 */
        return VAL_EXCEPTION;
    double given = after;
    if (!(after >= 1 && after <= TIMER_TIMEOUT_MAX)) {
        if (after > TIMER_TIMEOUT_MAX) {
            char num[NUMCONV_DTOA_SIZE], msg[200];
            NumberToString(after, num);
            snprintf(msg, sizeof msg,
                     "%s does not fit into a 32-bit signed integer.\nTimeout duration was set "
                     "to 1.",
                     num);
            host_emit_warning(hs, "TimeoutOverflowWarning", msg);
        }
        after = 1;
    }
    Value args = extra_args(vm, argc, argv, 2);
    gc_root_push(vm, &args);
    Obj *o = timer_new(vm, hs->timers, hs->timers->timeout_proto,
                       repeat ? TIMER_INTERVAL : TIMER_TIMEOUT, ARG(0), args);
    gc_root_pop(vm, 1);
    Timer *t = o->u.host.data;
    t->delay = given;
    t->idle_timeout = (int64_t)trunc(after);
    t->repeat = repeat ? t->idle_timeout : 0;
    t->refed = true;
    hs->timers->refed_count++;
    node_timer_insert(hs, t, node_libuv_now(hs));
    trc_timer(host_tracer(hs), t->id,
              repeat ? TFV_TIMER_API_SET_INTERVAL : TFV_TIMER_API_SET_TIMEOUT, true, given,
              (double)t->idle_timeout, (double)(t->idle_start + t->idle_timeout), -1, false,
              ARG(0));
    return val_obj(o);
}

/* clearTimeout(timer): a Timeout, or the number its [Symbol.toPrimitive] gave. */
static NATIVE(node_clear_timeout) {
    HostState *hs = host_state(vm);
    Value v = ARG(0);
    Timer *t = timer_of(v);
    if (!t && (val_is_number(v) || val_is_string(v))) {
        double d;
        if (!ToNumber(vm, v, &d))
            return VAL_EXCEPTION;
        if (d >= 1 && d == floor(d))
            t = timers_find(hs->timers, (uint64_t)d);
        if (t && t->api != TIMER_TIMEOUT && t->api != TIMER_INTERVAL)
            t = NULL;
    }
    if (!t || (t->api != TIMER_TIMEOUT && t->api != TIMER_INTERVAL))
        return VAL_UNDEFINED;
    if (!IsCallable(timer_callback(t)))
        return VAL_UNDEFINED; /* already cleared (_onTimeout is null) */
    timer_set_callback(t, VAL_NULL);
    trc_clear(host_tracer(hs), t->id);
    node_timer_unenroll(hs, t);
    return VAL_UNDEFINED;
}

static Timer *this_timer(Value this_val, TimerApi a, TimerApi b) {
    Timer *t = timer_of(this_val);
    return t && (t->api == a || t->api == b) ? t : NULL;
}

static NATIVE(timeout_ref) {
    Timer *t = this_timer(this_val, TIMER_TIMEOUT, TIMER_INTERVAL);
    if (t)
        node_timer_set_ref(host_state(vm), t, ctx->magic == 1);
    return this_val;
}

static NATIVE(timeout_has_ref) {
    Timer *t = this_timer(this_val, TIMER_TIMEOUT, TIMER_INTERVAL);
    return val_bool(t && t->refed);
}

static NATIVE(timeout_refresh) {
    HostState *hs = host_state(vm);
    Timer *t = this_timer(this_val, TIMER_TIMEOUT, TIMER_INTERVAL);
    if (t && t->idle_timeout >= 0) {
        node_timer_refresh(hs, t);
        trc_timer(host_tracer(hs), t->id,
                  t->repeat ? TFV_TIMER_API_SET_INTERVAL : TFV_TIMER_API_SET_TIMEOUT, true,
                  t->delay, (double)t->idle_timeout, (double)(t->idle_start + t->idle_timeout), -1,
                  true, timer_callback(t));
    }
    return this_val;
}

static NATIVE(timeout_close) {
    Value a = this_val;
    Value r = node_clear_timeout(vm, VAL_UNDEFINED, 1, &a, ctx);
    return r == VAL_EXCEPTION ? r : this_val;
}

/* [Symbol.toPrimitive](): the timer's id, which clearTimeout accepts. */
static NATIVE(timeout_to_primitive) {
    Timer *t = this_timer(this_val, TIMER_TIMEOUT, TIMER_INTERVAL);
    return t ? val_number((double)t->id) : VAL_UNDEFINED;
}

static NATIVE(node_set_immediate) {
    HostState *hs = host_state(vm);
    if (!IsCallable(ARG(0)))
        return invalid_callback(vm, ARG(0));
    Value args = extra_args(vm, argc, argv, 1);
    gc_root_push(vm, &args);
    Obj *o = timer_new(vm, hs->timers, hs->timers->immediate_proto, TIMER_IMMEDIATE, ARG(0), args);
    gc_root_pop(vm, 1);
    Timer *t = o->u.host.data;
    node_immediate_queue(hs, o);
    trc_timer(host_tracer(hs), t->id, TFV_TIMER_API_SET_IMMEDIATE, false, 0, 0, host_now_ms(vm), -1,
              false, ARG(0));
    return val_obj(o);
}

static NATIVE(node_clear_immediate) {
    Timer *t = timer_of(ARG(0));
    if (t && t->api == TIMER_IMMEDIATE)
        node_immediate_clear(host_state(vm), t->obj);
    return VAL_UNDEFINED;
}

static NATIVE(immediate_ref) {
    Timer *t = this_timer(this_val, TIMER_IMMEDIATE, TIMER_IMMEDIATE);
    if (t)
        node_immediate_set_ref(host_state(vm), t->obj, ctx->magic == 1);
    return this_val;
}

static NATIVE(immediate_has_ref) {
    Timer *t = this_timer(this_val, TIMER_IMMEDIATE, TIMER_IMMEDIATE);
    return val_bool(t && t->refed);
}

/* ==== browser =========================================================================== */

/* WebIDL long: ToInt32 of the number (NaN and infinities are 0). */
static bool webidl_long(Vm *vm, Value v, int32_t *out) {
    if (val_is_undefined(v)) {
        *out = 0;
        return true;
    }
    return ToInt32(vm, v, out);
}

/* The timer initialization steps (HTML #timer-initialisation-steps); magic 1 = interval. */
static NATIVE(browser_set_timeout) {
    HostState *hs = host_state(vm);
    bool repeat = ctx->magic == 1;
    int32_t timeout;
    if (!webidl_long(vm, ARG(1), &timeout))
        return VAL_EXCEPTION;
    double given = 0;
    if (argc > 1 && !ToNumber(vm, ARG(1), &given))
        return VAL_EXCEPTION;
    Value handler = IsCallable(ARG(0)) ? ARG(0) : VAL_UNDEFINED;
    Value args = extra_args(vm, argc, argv, 2);
    gc_root_push(vm, &handler);
    gc_root_push(vm, &args);
    Obj *o =
        timer_new(vm, hs->timers, NULL, repeat ? TIMER_INTERVAL : TIMER_TIMEOUT, handler, args);
    gc_root_pop(vm, 2);
    Timer *t = o->u.host.data;
    /* 4. If timeout is less than 0, then set timeout to 0. */
    double clamped = timeout < 0 ? 0 : timeout;
    /* 5-6. nesting level of the running timer task; > 5 clamps below 4 ms to 4 */
    int nesting = browser_timer_nesting(hs);
    if (nesting > 5 && clamped < 4)
        clamped = 4;
    t->nesting = nesting + 1;
    t->delay = timeout < 0 ? 0 : timeout; /* what a repetition of an interval starts from */
    trc_timer(host_tracer(hs), t->id,
              repeat ? TFV_TIMER_API_SET_INTERVAL : TFV_TIMER_API_SET_TIMEOUT, true, given, clamped,
              (double)(host_now_us(vm) + (uint64_t)(clamped * 1000)) / 1000.0, t->nesting, false,
              handler);
    browser_timer_start(hs, t, clamped);
    return val_number((double)t->id);
}

static NATIVE(browser_clear_timeout) {
    HostState *hs = host_state(vm);
    int32_t id;
    if (!webidl_long(vm, ARG(0), &id))
        return VAL_EXCEPTION;
    if (id <= 0)
        return VAL_UNDEFINED;
    Timer *t = timers_find(hs->timers, (uint64_t)id);
    if (!t || (t->api != TIMER_TIMEOUT && t->api != TIMER_INTERVAL))
        return VAL_UNDEFINED;
    trc_clear(host_tracer(hs), t->id);
    timers_browser_remove(hs->timers, t);
    timer_disarm(hs->timers, t);
    return VAL_UNDEFINED;
}

/* ==== queueMicrotask (both hosts) ======================================================= */

static NATIVE(queue_microtask) {
    HostState *hs = host_state(vm);
    if (!IsCallable(ARG(0))) {
        if (hs && hs->kind == HOST_BROWSER)
            return vm_throw_type_error(vm, "Failed to execute 'queueMicrotask' on 'Window': "
                                           "The callback provided as parameter 1 is not a "
                                           "function.");
        return invalid_callback(vm, ARG(0));
    }
    Job *job = host_callback_job(hs, JOB_QUEUE_MICROTASK, ARG(0), VAL_UNDEFINED, VAL_UNDEFINED, 0);
    job_enqueue(vm, &jobs_of(vm)->microtasks, job);
    return VAL_UNDEFINED;
}

/* ==== registration ====================================================================== */

static const BuiltinEntry node_globals[] = {
    BI_METHOD_MAGIC("setTimeout", node_set_timeout, 2, 0),
    BI_METHOD_MAGIC("setInterval", node_set_timeout, 2, 1),
    BI_METHOD("clearTimeout", node_clear_timeout, 1),
    BI_METHOD("clearInterval", node_clear_timeout, 1),
    BI_METHOD("setImmediate", node_set_immediate, 1),
    BI_METHOD("clearImmediate", node_clear_immediate, 1),
    BI_METHOD("queueMicrotask", queue_microtask, 1), /* last: not in node 10 */
};

static const BuiltinEntry timeout_proto[] = {
    BI_METHOD_MAGIC("ref", timeout_ref, 0, 1),
    BI_METHOD_MAGIC("unref", timeout_ref, 0, 0),
    BI_METHOD("refresh", timeout_refresh, 0),
    BI_METHOD("close", timeout_close, 0),
    /* the last two are not in node 10 */
    BI_METHOD("hasRef", timeout_has_ref, 0),
    BI_SYM_METHOD(ATOM_Symbol_toPrimitive, timeout_to_primitive, 0),
};

static const BuiltinEntry immediate_proto[] = {
    BI_METHOD_MAGIC("ref", immediate_ref, 0, 1),
    BI_METHOD_MAGIC("unref", immediate_ref, 0, 0),
    BI_METHOD("hasRef", immediate_has_ref, 0),
};

static const BuiltinEntry browser_globals[] = {
    BI_METHOD_MAGIC("setTimeout", browser_set_timeout, 1, 0),
    BI_METHOD_MAGIC("setInterval", browser_set_timeout, 1, 1),
    BI_METHOD("clearTimeout", browser_clear_timeout, 0),
    BI_METHOD("clearInterval", browser_clear_timeout, 0),
    BI_METHOD("queueMicrotask", queue_microtask, 1),
};

static NATIVE(illegal_constructor) {
    return vm_throw_type_error(vm, "Illegal constructor");
}

/* A prototype whose "constructor" is a function named name (how inspect names the
 * objects: Timeout {...}); the constructor itself is not a global, as in node. */
static Obj *make_proto(Vm *vm, const char *name, const BuiltinEntry *t, size_t n) {
    Obj *proto = obj_new_plain(vm);
    gc_root_push_ptr(vm, &proto);
    realm_define_entries(vm, proto, t, n);
    realm_new_ctor(vm, name, illegal_constructor, 0, proto, -1, -1);
    gc_root_pop(vm, 1);
    return proto;
}

void bi_timers_host_init(Vm *vm, HostState *hs) {
    Obj *g = vm->realm->global;
    if (hs->kind == HOST_BROWSER) {
        realm_define_entries(vm, g, browser_globals, ARRAY_LEN(browser_globals));
        return;
    }
    bool node10 = hs->kind == HOST_NODE10;
    realm_define_entries(vm, g, node_globals, ARRAY_LEN(node_globals) - node10);
    hs->timers->timeout_proto =
        make_proto(vm, "Timeout", timeout_proto, ARRAY_LEN(timeout_proto) - 2 * node10);
    hs->timers->immediate_proto =
        make_proto(vm, "Immediate", immediate_proto, ARRAY_LEN(immediate_proto));
}
