/* trace.c — the interpreter's event emitter over formats/trace_writer.h (see trace.h).
 * Nothing here runs JS or allocates GC memory. */
#include "tracer/trace.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tracer/bytecode.h"
#include "tracer/frame.h"
#include "tracer/function.h"
#include "tracer/jobs.h"
#include "tracer/numconv.h"
#include "tracer/object.h"
#include "tracer/promise.h"
#include "tracer/str.h"
#include "tracer/vm.h"

/* ==== lifetime ========================================================================== */

Tracer *trc_new(TfWriter *w) {
    Tracer *t = xcalloc(1, sizeof *t);
    t->w = w;
    return t;
}

void trc_free(Tracer *t) {
    free(t);
}

void trc_attach(Tracer *t, Vm *vm) {
    t->vm = vm;
}

void trc_set_time(Tracer *t, double ms) {
    if (t)
        t->time = ms;
}

void trc_set_clock(Tracer *t, double (*clock)(void *ctx), void *ctx) {
    if (t) {
        t->clock = clock;
        t->clock_ctx = ctx;
    }
}

void trc_set_turn(Tracer *t, uint64_t turn) {
    if (t)
        t->turn = turn;
}

/* ==== locations and names =============================================================== */

static TrcLoc frame_loc(const Frame *f) {
    TrcLoc loc = {NULL, {0, 0, 0}};
    if (!f || !f->proto)
        return loc;
    const FuncProto *p = f->proto;
    uint32_t off = 0;
    /* the saved pc is past the instruction that called out (SAVE_STATE): its position is
     * the last pc→pos entry at or before pc - 1 */
    if (f->pc && f->pc > p->code)
        off = (uint32_t)(f->pc - p->code) - 1;
    loc.file = p->filename;
    loc.pos = bc_pos_at(p, off);
    return loc;
}

TrcLoc trc_current_loc(const Tracer *t) {
    if (t->at_frame && t->vm && t->vm->frame == t->at_base)
        return frame_loc(t->at_frame);
    return frame_loc(t->vm ? t->vm->frame : NULL);
}

TrcLoc trc_function_loc(Value fn) {
    TrcLoc loc = {NULL, {0, 0, 0}};
    for (int depth = 0; depth < 8 && val_is_object(fn); depth++) {
        Obj *o = val_as_obj(fn);
        if (o->kind == OBJ_FUNCTION) {
            loc.file = o->u.func.proto->filename;
            loc.pos = o->u.func.proto->pos;
            return loc;
        }
        if (o->kind != OBJ_BOUND_FUNCTION)
            break;
        fn = o->u.bound.target;
    }
    return loc;
}

/* The own "name" data property of o as a string, or NULL. */
static const ObjString *own_name(const Obj *o) {
    Prop *p = obj_find_own_prop((Obj *)o, ATOM_name);
    if (p && !(p->flags & PROP_ACCESSOR) && val_is_string(p->u.value))
        return val_as_str(p->u.value);
    return NULL;
}

const char *trc_function_name(Vm *vm, Value fn, char *buf, size_t cap) {
    (void)vm;
    buf[0] = 0;
    if (!val_is_object(fn))
        return buf;
    const Obj *o = val_as_obj(fn);
    const ObjString *n = own_name(o);
    if (n && n->len)
        str_to_cbuf(n, buf, cap);
    else if (o->kind == OBJ_NATIVE_FUNCTION) {
        const char *s = promise_step_name(o);
        if (s)
            snprintf(buf, cap, "%s", s);
    }
    return buf;
}

/* ==== previews ========================================================================== */

typedef struct {
    char *p;
    size_t len, cap;
    bool full;
} PBuf;

static void pb_puts(PBuf *b, const char *s) {
    size_t n = strlen(s);
    if (b->full)
        return;
    if (b->len + n + 4 >= b->cap) { /* keep room for "..." and NUL */
        size_t room = b->cap > b->len + 4 ? b->cap - b->len - 4 : 0;
        memcpy(b->p + b->len, s, room);
        b->len += room;
        memcpy(b->p + b->len, "...", 3);
        b->len += 3;
        b->full = true;
    } else {
        memcpy(b->p + b->len, s, n);
        b->len += n;
    }
    b->p[b->len] = 0;
}

static void pb_str(PBuf *b, const ObjString *s, size_t max_units) {
    char tmp[96];
    str_to_cbuf(s, tmp, sizeof tmp);
    if (s->len > max_units || strlen(tmp) >= sizeof tmp - 1) {
        size_t cut = max_units < sizeof tmp - 1 ? max_units : sizeof tmp - 1;
        /* do not cut a UTF-8 sequence in half */
        while (cut > 0 && (tmp[cut] & 0xc0) == 0x80)
            cut--;
        tmp[cut] = 0;
        pb_puts(b, tmp);
        pb_puts(b, "...");
    } else {
        pb_puts(b, tmp);
    }
}

/* A data property on o or its prototypes (no getter runs); VAL_EMPTY when absent. */
static Value data_prop(const Obj *o, Atom key) {
    for (int depth = 0; o && depth < 32; depth++, o = o->proto) {
        Prop *p = obj_find_own_prop((Obj *)o, key);
        if (p)
            return (p->flags & PROP_ACCESSOR) ? VAL_EMPTY : p->u.value;
    }
    return VAL_EMPTY;
}

/* The name of o's constructor as inspect shows it ("Object", "A"), or NULL. */
static const ObjString *ctor_name(const Obj *o) {
    Value c = data_prop(o->proto, ATOM_constructor);
    if (!val_is_object(c))
        return NULL;
    return own_name(val_as_obj(c));
}

static void preview(Vm *vm, Value v, PBuf *b, int depth);

static void preview_function(Vm *vm, const Obj *o, PBuf *b) {
    (void)vm;
    const ObjString *n = own_name(o);
    const char *kind = "Function";
    if (o->kind == OBJ_FUNCTION) {
        uint32_t fl = o->u.func.proto->flags;
        if (fn_is_class(o)) {
            pb_puts(b, "[class ");
            if (n && n->len)
                pb_str(b, n, 40);
            else
                pb_puts(b, "(anonymous)");
            pb_puts(b, "]");
            return;
        }
        if ((fl & FP_ASYNC) && (fl & FP_GENERATOR))
            kind = "AsyncGeneratorFunction";
        else if (fl & FP_ASYNC)
            kind = "AsyncFunction";
        else if (fl & FP_GENERATOR)
            kind = "GeneratorFunction";
    }
    pb_puts(b, "[");
    pb_puts(b, kind);
    if (n && n->len) {
        pb_puts(b, ": ");
        pb_str(b, n, 40);
    } else {
        pb_puts(b, " (anonymous)");
    }
    pb_puts(b, "]");
}

static void preview_key(Vm *vm, Atom key, PBuf *b) {
    char kb[64];
    atom_to_cbuf(vm, key, kb, sizeof kb);
    if (!atom_is_int(key) && atom_is_symbol(vm, key)) {
        pb_puts(b, "[");
        pb_puts(b, kb);
        pb_puts(b, "]");
    } else {
        pb_puts(b, kb);
    }
}

static void preview_object(Vm *vm, const Obj *o, PBuf *b, int depth) {
    switch ((ObjKind)o->kind) {
    case OBJ_FUNCTION:
    case OBJ_NATIVE_FUNCTION:
    case OBJ_BOUND_FUNCTION:
        preview_function(vm, o, b);
        return;
    case OBJ_PROMISE: {
        if (depth > 1) {
            pb_puts(b, "[Promise]");
            return;
        }
        pb_puts(b, "Promise { ");
        const PromiseData *d = promise_data(o);
        if (!d || d->state == PROMISE_PENDING) {
            pb_puts(b, "<pending>");
        } else {
            if (d->state == PROMISE_REJECTED)
                pb_puts(b, "<rejected> ");
            preview(vm, promise_result(o), b, depth + 1);
        }
        pb_puts(b, " }");
        return;
    }
    case OBJ_ERROR: {
        Value name = data_prop(o, ATOM_name);
        Value msg = data_prop(o, ATOM_message);
        if (val_is_string(name))
            pb_str(b, val_as_str(name), 40);
        else
            pb_puts(b, "Error");
        if (val_is_string(msg) && val_as_str(msg)->len) {
            pb_puts(b, ": ");
            pb_str(b, val_as_str(msg), 60);
        }
        return;
    }
    case OBJ_ARRAY: {
        uint32_t len = obj_array_len(o);
        if (len == 0) {
            pb_puts(b, "[]");
            return;
        }
        if (depth > 1) {
            pb_puts(b, "[Array]");
            return;
        }
        pb_puts(b, "[ ");
        uint32_t shown = len < 6 ? len : 6;
        for (uint32_t i = 0; i < shown && !b->full; i++) {
            if (i)
                pb_puts(b, ", ");
            Value e = i < o->u.array.dense ? o->u.array.elems[i] : VAL_EMPTY;
            if (e == VAL_EMPTY)
                pb_puts(b, "<empty>");
            else
                preview(vm, e, b, depth + 1);
        }
        if (shown < len) {
            char more[48];
            snprintf(more, sizeof more, ", ... %u more item%s", len - shown,
                     len - shown == 1 ? "" : "s");
            pb_puts(b, more);
        }
        pb_puts(b, " ]");
        return;
    }
    case OBJ_ORDINARY:
        break;
    default: {
        const ObjString *cn = ctor_name(o);
        pb_puts(b, "[");
        if (cn && cn->len)
            pb_str(b, cn, 40);
        else
            pb_puts(b, obj_kind_name((ObjKind)o->kind));
        pb_puts(b, "]");
        return;
    }
    }
    /* an ordinary object: { a: 1, b: 'x' }, prefixed with its class name when not Object */
    const ObjString *cn = o->proto ? ctor_name(o) : NULL;
    if (!o->proto) {
        pb_puts(b, "[Object: null prototype] ");
    } else if (cn && cn->len && !str_equal_cstr(cn, "Object")) {
        pb_str(b, cn, 40);
        pb_puts(b, " ");
    }
    uint32_t shown = 0, total = 0;
    for (uint32_t i = 0; i < o->props.count; i++)
        if (o->props.props[i].flags & PROP_ENUMERABLE)
            total++;
    if (total == 0) {
        pb_puts(b, "{}");
        return;
    }
    if (depth > 1) {
        pb_puts(b, "[Object]");
        return;
    }
    pb_puts(b, "{ ");
    for (uint32_t i = 0; i < o->props.count && shown < 4 && !b->full; i++) {
        const Prop *p = &o->props.props[i];
        if (!(p->flags & PROP_ENUMERABLE))
            continue;
        if (shown++)
            pb_puts(b, ", ");
        preview_key(vm, p->key, b);
        pb_puts(b, ": ");
        if (p->flags & PROP_ACCESSOR) {
            bool g = p->u.accessor && !val_is_undefined(p->u.accessor->getter);
            bool s = p->u.accessor && !val_is_undefined(p->u.accessor->setter);
            pb_puts(b, g && s ? "[Getter/Setter]" : g ? "[Getter]" : "[Setter]");
        } else {
            preview(vm, p->u.value, b, depth + 1);
        }
    }
    if (shown < total)
        pb_puts(b, ", ...");
    pb_puts(b, " }");
}

static void preview(Vm *vm, Value v, PBuf *b, int depth) {
    if (val_is_undefined(v)) {
        pb_puts(b, "undefined");
    } else if (val_is_null(v)) {
        pb_puts(b, "null");
    } else if (val_is_bool(v)) {
        pb_puts(b, v == VAL_TRUE ? "true" : "false");
    } else if (val_is_number(v)) {
        char nb[NUMCONV_DTOA_SIZE];
        numconv_inspect(val_as_number(v), nb);
        pb_puts(b, nb);
    } else if (val_is_string(v)) {
        pb_puts(b, "'");
        pb_str(b, val_as_str(v), 40);
        pb_puts(b, "'");
    } else if (val_is_symbol(v)) {
        char sb[64];
        atom_to_cbuf(vm, val_as_sym(v)->atom, sb, sizeof sb);
        pb_puts(b, sb);
    } else if (val_is_object(v)) {
        preview_object(vm, val_as_obj(v), b, depth);
    } else if (v == VAL_EMPTY) {
        pb_puts(b, "<empty>");
    } else {
        pb_puts(b, "?");
    }
}

void trc_preview(Vm *vm, Value v, char *buf, size_t cap) {
    PBuf b = {buf, 0, cap, false};
    if (cap < 8) {
        if (cap)
            buf[0] = 0;
        return;
    }
    buf[0] = 0;
    preview(vm, v, &b, 0);
}

/* ==== field helpers ===================================================================== */

#define PREVIEW_CAP 96
#define NAME_CAP 128
#define PATH_CAP 1024

static bool on(const Tracer *t) {
    return t && t->w;
}

static void field_loc(TfWriter *w, TfField f, TrcLoc loc) {
    if (loc.pos.line == 0 || loc.pos.col == 0 || !loc.file)
        return;
    char path[PATH_CAP];
    str_to_cbuf(loc.file, path, sizeof path);
    tf_field_loc(w, f, path, loc.pos.line, loc.pos.col);
}

static void field_by(const Tracer *t) {
    if (t->running)
        tf_field_uint(t->w, TFF_by, t->running);
}

static void field_at(const Tracer *t) {
    field_loc(t->w, TFF_at, trc_current_loc(t));
}

static void field_id(TfWriter *w, TfField f, uint64_t id) {
    if (id)
        tf_field_uint(w, f, id);
}

static void field_value(const Tracer *t, Value v) {
    char pv[PREVIEW_CAP];
    trc_preview(t->vm, v, pv, sizeof pv);
    tf_field_str(t->w, TFF_value, pv);
}

/* handler (loc) and fn (name) of a function */
static void field_handler(const Tracer *t, TfField loc_field, Value fn, TrcLoc loc,
                          const char *step, bool with_name) {
    if (loc.pos.line == 0)
        loc = trc_function_loc(fn);
    field_loc(t->w, loc_field, loc);
    if (!with_name)
        return;
    char nb[NAME_CAP];
    const char *name = step;
    if (!name)
        name = trc_function_name(t->vm, fn, nb, sizeof nb);
    if (name && *name)
        tf_field_str(t->w, TFF_fn, name);
}

/* ==== job events ======================================================================== */

void trc_enqueue(Tracer *t, const Job *job) {
    if (!on(t))
        return;
    static const TfEnumValue kind_tfv[JOB_KIND_COUNT] = {
#define X(kind, tfv, queue, reason) TFV_JOB_KIND_##tfv,
        JOB_KINDS(X)
#undef X
    };
    tf_begin(t->w, EV_ENQUEUE);
    tf_field_uint(t->w, TFF_job, job->id);
    tf_field_enum(t->w, TFF_kind, kind_tfv[job->kind]);
    tf_field_enum(t->w, TFF_queue, job->queue);
    tf_field_enum(t->w, TFF_reason, job->reason);
    field_id(t->w, TFF_by, job->enqueued_by);
    field_id(t->w, TFF_promise, job->promise);
    field_id(t->w, TFF_thenable, job->thenable);
    field_id(t->w, TFF_reaction, job->reaction);
    field_id(t->w, TFF_activation, job->activation);
    field_id(t->w, TFF_timer, job->timer);
    field_handler(t, TFF_handler, job->handler, job->handler_loc, job->step, true);
    tf_end(t->w);
}

void trc_run(Tracer *t, const Job *job) {
    if (!t)
        return;
    t->running = job->id;
    t->running_tick = job->tick;
    t->steps_at_run = t->vm ? t->vm->steps : 0;
    if (!t->w)
        return;
    tf_begin(t->w, EV_RUN);
    tf_field_uint(t->w, TFF_job, job->id);
    tf_field_uint(t->w, TFF_tick, job->tick);
    tf_field_uint(t->w, TFF_turn, t->turn);
    tf_field_num(t->w, TFF_time, t->time);
    tf_end(t->w);
}

void trc_done(Tracer *t, const Job *job, TfEnumValue completion) {
    if (!t)
        return;
    if (t->w) {
        tf_begin(t->w, EV_DONE);
        tf_field_uint(t->w, TFF_job, job->id);
        if (completion != TFV_JOB_COMPLETION_NORMAL)
            tf_field_enum(t->w, TFF_completion, completion);
        if (t->vm)
            tf_field_uint(t->w, TFF_steps, t->vm->steps - t->steps_at_run);
        if (t->clock)
            t->time = t->clock(t->clock_ctx); /* the steps the job ran cost virtual time */
        tf_field_num(t->w, TFF_time, t->time);
        tf_end(t->w);
    }
    /* the job that this one interrupted (normally none) runs again */
    t->running = job->next ? job->next->id : 0;
    t->running_tick = job->next ? job->next->tick : 0;
}

/* ==== promise events ==================================================================== */

void trc_promise(Tracer *t, uint64_t promise, TfEnumValue origin) {
    if (!on(t))
        return;
    tf_begin(t->w, EV_PROMISE);
    tf_field_uint(t->w, TFF_promise, promise);
    tf_field_enum(t->w, TFF_origin, origin);
    field_by(t);
    field_at(t);
    tf_end(t->w);
}

void trc_then(Tracer *t, uint64_t promise, uint64_t reaction, uint64_t derived,
              TfEnumValue state, Value on_fulfilled, Value on_rejected, const char *step,
              uint64_t activation) {
    if (!on(t))
        return;
    TrcLoc none = {NULL, {0, 0, 0}};
    tf_begin(t->w, EV_THEN);
    tf_field_uint(t->w, TFF_promise, promise);
    tf_field_uint(t->w, TFF_reaction, reaction);
    field_id(t->w, TFF_derived, derived);
    tf_field_enum(t->w, TFF_state, state);
    if (!step) {
        field_handler(t, TFF_on_fulfilled, on_fulfilled, none, NULL, IsCallable(on_fulfilled));
        field_handler(t, TFF_on_rejected, on_rejected, none, NULL, false);
    } else {
        tf_field_str(t->w, TFF_fn, step);
    }
    field_id(t->w, TFF_activation, activation);
    field_by(t);
    field_at(t);
    tf_end(t->w);
}

void trc_resolve(Tracer *t, uint64_t promise, TfEnumValue outcome, uint64_t thenable, Value v) {
    if (!on(t))
        return;
    tf_begin(t->w, EV_RESOLVE);
    tf_field_uint(t->w, TFF_promise, promise);
    tf_field_enum(t->w, TFF_outcome, outcome);
    field_id(t->w, TFF_thenable, thenable);
    field_value(t, v);
    field_by(t);
    field_at(t);
    tf_end(t->w);
}

/* ==== activation events ================================================================= */

void trc_activation(Tracer *t, uint64_t activation, TfEnumValue kind, uint64_t promise,
                    Value fn) {
    if (!on(t))
        return;
    TrcLoc none = {NULL, {0, 0, 0}};
    tf_begin(t->w, EV_ACTIVATION);
    tf_field_uint(t->w, TFF_activation, activation);
    tf_field_enum(t->w, TFF_kind, kind);
    field_id(t->w, TFF_promise, promise);
    field_handler(t, TFF_handler, fn, none, NULL, true);
    field_by(t);
    field_at(t);
    tf_end(t->w);
}

void trc_suspend(Tracer *t, uint64_t activation, TfEnumValue op, uint64_t awaiting, Value v) {
    if (!on(t))
        return;
    tf_begin(t->w, EV_SUSPEND);
    tf_field_uint(t->w, TFF_activation, activation);
    tf_field_enum(t->w, TFF_op, op);
    field_id(t->w, TFF_awaiting, awaiting);
    field_value(t, v);
    field_by(t);
    field_at(t);
    tf_end(t->w);
}

void trc_resume(Tracer *t, uint64_t activation, TfEnumValue completion, Value v) {
    if (!on(t))
        return;
    tf_begin(t->w, EV_RESUME);
    tf_field_uint(t->w, TFF_activation, activation);
    tf_field_enum(t->w, TFF_completion, completion);
    field_value(t, v);
    field_by(t);
    tf_end(t->w);
}

/* ==== output and host events ============================================================ */

uint64_t trc_running_activation(const Tracer *t) {
    if (!t || !t->vm)
        return 0;
    /* an activation's id is extra[1] (async.h); the innermost one on the frame chain */
    for (const Frame *f = t->vm->frame; f; f = f->caller) {
        if ((f->flags & FRAME_HEAP) && f->act && val_is_number(f->act->extra[1]))
            return (uint64_t)val_as_number(f->act->extra[1]);
    }
    return 0;
}

void trc_log(Tracer *t, TfEnumValue stream, const char *text, size_t len, const char *method) {
    trc_log_text(t, stream, text, len, true, method);
}

void trc_log_text(Tracer *t, TfEnumValue stream, const char *text, size_t len, bool newline,
                  const char *method) {
    if (!on(t))
        return;
    tf_begin(t->w, EV_LOG);
    tf_field_enum(t->w, TFF_stream, stream);
    tf_field_strn(t->w, TFF_text, text, len);
    if (!newline)
        tf_field_bool(t->w, TFF_newline, false);
    if (method)
        tf_field_str(t->w, TFF_method, method);
    field_by(t);
    field_id(t->w, TFF_activation, trc_running_activation(t));
    field_at(t);
    tf_end(t->w);
}

void trc_timer(Tracer *t, uint64_t timer, TfEnumValue api, bool has_delay, double delay,
               double clamped, double due, int nesting, bool rearm, Value callback) {
    if (!on(t))
        return;
    TrcLoc none = {NULL, {0, 0, 0}};
    tf_begin(t->w, EV_TIMER);
    tf_field_uint(t->w, TFF_timer, timer);
    tf_field_enum(t->w, TFF_api, api);
    if (has_delay) {
        tf_field_num(t->w, TFF_delay, delay);
        tf_field_num(t->w, TFF_clamped, clamped);
    }
    tf_field_num(t->w, TFF_due, due);
    if (nesting >= 0)
        tf_field_uint(t->w, TFF_nesting, (uint64_t)nesting);
    if (rearm)
        tf_field_bool(t->w, TFF_rearm, true);
    field_handler(t, TFF_handler, callback, none, NULL, true);
    field_by(t);
    field_at(t);
    tf_end(t->w);
}

void trc_clear(Tracer *t, uint64_t timer) {
    if (!on(t))
        return;
    tf_begin(t->w, EV_CLEAR);
    tf_field_uint(t->w, TFF_timer, timer);
    field_by(t);
    field_at(t);
    tf_end(t->w);
}

void trc_error(Tracer *t, TfEnumValue kind, const char *message, const char *stack,
               uint64_t promise, bool fatal, const char *file, SrcPos at) {
    if (!on(t))
        return;
    tf_begin(t->w, EV_ERROR);
    tf_field_enum(t->w, TFF_kind, kind);
    tf_field_str(t->w, TFF_message, message ? message : "");
    if (stack)
        tf_field_str(t->w, TFF_stack, stack);
    field_id(t->w, TFF_promise, promise);
    if (fatal)
        tf_field_bool(t->w, TFF_fatal, true);
    field_by(t);
    if (file && at.line)
        tf_field_loc(t->w, TFF_at, file, at.line, at.col ? at.col : 1);
    tf_end(t->w);
}

void trc_limit(Tracer *t, TfEnumValue name, double max, const char *message) {
    if (!on(t))
        return;
    tf_begin(t->w, EV_LIMIT);
    tf_field_enum(t->w, TFF_name, name);
    tf_field_num(t->w, TFF_max, max);
    if (message)
        tf_field_str(t->w, TFF_message, message);
    field_by(t);
    tf_end(t->w);
}

void trc_note(Tracer *t, TfEnumValue kind, uint64_t job, uint64_t other, const char *text) {
    if (!on(t))
        return;
    tf_begin(t->w, EV_NOTE);
    tf_field_enum(t->w, TFF_kind, kind);
    field_id(t->w, TFF_job, job);
    field_id(t->w, TFF_other, other);
    tf_field_str(t->w, TFF_text, text);
    tf_end(t->w);
}

void trc_phase(Tracer *t, TfEnumValue name, int64_t turn) {
    if (!on(t))
        return;
    tf_begin(t->w, EV_PHASE);
    tf_field_enum(t->w, TFF_name, name);
    if (turn >= 0)
        tf_field_uint(t->w, TFF_turn, (uint64_t)turn);
    tf_field_num(t->w, TFF_time, t->time);
    tf_end(t->w);
}

void trc_exit(Tracer *t, int code, TfEnumValue reason, uint64_t steps) {
    if (!on(t))
        return;
    tf_begin(t->w, EV_EXIT);
    tf_field_int(t->w, TFF_code, code);
    tf_field_enum(t->w, TFF_reason, reason);
    tf_field_num(t->w, TFF_time, t->time);
    tf_field_uint(t->w, TFF_steps, steps);
    tf_end(t->w);
}
