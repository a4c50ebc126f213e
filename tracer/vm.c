/* vm.c — the dispatch loop, calls and returns, unwinding, suspension (see vm.h).
 *
 * The loop keeps pc, sp and the frame in locals. SAVE_STATE() writes them back to the
 * frame before anything that can allocate, throw, call out or suspend; LOAD_STATE()
 * reloads them from vm->frame afterwards (STYLE R8). A bytecode→bytecode call pushes a
 * Frame and continues in this same C frame; a frame flagged FRAME_ENTRY returns to the C
 * caller of run(). */
#include "tracer/vm.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "tracer/async.h"
#include "tracer/asyncgen.h"
#include "tracer/builtins/regexp.h"
#include "tracer/bytecode.h"
#include "tracer/frame.h"
#include "tracer/function.h"
#include "tracer/mathlib.h"
#include "tracer/numconv.h"
#include "tracer/object.h"
#include "tracer/realm.h"
#include "tracer/str.h"

#define MAX_JS_DEPTH 10800 /* about where node 20 stops simple recursion */
#define MAX_C_DEPTH 100000
/* C stack kept in reserve below the checked limit (natives that recurse without checking,
 * libc, the sanitizers' bookkeeping) */
#if defined(__SANITIZE_ADDRESS__)
#define C_STACK_RESERVE (2u << 20)
#else
#define C_STACK_RESERVE (512u << 10)
#endif

/* ==== lifecycle ========================================================================= */

static size_t c_stack_budget(size_t size) {
    return size > 2 * C_STACK_RESERVE ? size - C_STACK_RESERVE : size / 2;
}

void vm_set_c_stack(Vm *vm, uintptr_t base, size_t size) {
    vm->c_stack_base = base;
    vm->c_stack_max = c_stack_budget(size);
}

bool vm_c_stack_exhausted(Vm *vm) {
    intptr_t used = (intptr_t)(vm->c_stack_base - (uintptr_t)__builtin_frame_address(0));
    return used > (intptr_t)vm->c_stack_max || vm->c_depth >= vm->max_c_depth;
}

Vm *vm_new(void) {
    Vm *vm = xcalloc(1, sizeof(Vm));
    gc_init(vm);
    frame_stack_init(&vm->stack);
    vm->max_depth = MAX_JS_DEPTH;
    vm->max_c_depth = MAX_C_DEPTH;
    struct rlimit rl;
    size_t stack = 8u << 20;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
        stack = (size_t)rl.rlim_cur;
    vm_set_c_stack(vm, (uintptr_t)__builtin_frame_address(0), stack);
    vm->exception = VAL_UNDEFINED;
    atom_table_init(vm);
    vm->realm = realm_new(vm);
    return vm;
}

void vm_free(Vm *vm) {
    if (!vm)
        return;
    const char *dbg = getenv("TRACE_DEBUG");
    if (dbg && strstr(dbg, "gc"))
        fprintf(stderr, "gc: %llu collections, %zu bytes live, stress %s\n",
                (unsigned long long)vm->gc.collections, vm->gc.bytes, vm->gc.stress ? "on" : "off");
    gc_fini(vm);
    if (vm->realm)
        realm_free(vm, vm->realm);
    atom_table_fini(vm);
    frame_stack_fini(&vm->stack);
    free(vm);
}

/* ==== exceptions ======================================================================== */

Value vm_throw(Vm *vm, Value v) {
    vm->exception = v;
    vm->has_exception = true;
    Frame *f = vm->frame;
    if (f && f->proto && f->pc) {
        uint32_t off = (uint32_t)(f->pc - f->proto->code);
        vm->exc_pos = bc_pos_at(f->proto, off ? off - 1 : 0);
    } else {
        memset(&vm->exc_pos, 0, sizeof vm->exc_pos);
    }
    return VAL_EXCEPTION;
}

/* Rethrow (END_FINALLY): keeps the position of the original throw. */
static Value vm_rethrow(Vm *vm, Value v) {
    vm->exception = v;
    vm->has_exception = true;
    return VAL_EXCEPTION;
}

Value vm_take_exception(Vm *vm) {
    Value e = vm->exception;
    vm->exception = VAL_UNDEFINED;
    vm->has_exception = false;
    return e;
}

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void vm_limit_exceeded(Vm *vm, Termination why) {
    if (vm->terminated)
        return;
    vm->terminated = why;
    vm->exception = VAL_UNDEFINED;
    vm->has_exception = true;
}

bool vm_check_limits(Vm *vm) {
    vm->steps++;
    if (vm->max_steps && vm->steps > vm->max_steps) {
        vm_limit_exceeded(vm, TERM_MAX_STEPS);
        return false;
    }
    if (vm->timeout_at > 0 && (vm->steps & 0xfff) == 0 && now_seconds() > vm->timeout_at) {
        vm_limit_exceeded(vm, TERM_TIMEOUT);
        return false;
    }
    return !vm->terminated;
}

/* The data value of key found on o or its chain without running getters (undefined for
 * an accessor or when absent). */
static Value data_value(Obj *o, Atom key) {
    for (; o; o = o->proto) {
        Prop *p = obj_find_own_prop(o, key);
        if (p)
            return (p->flags & PROP_ACCESSOR) ? VAL_UNDEFINED : p->u.value;
    }
    return VAL_UNDEFINED;
}

/* The stack header "<name>: <message>" (ErrorUtils::ToString, without getters). */
static void error_header(Obj *e, StrBuf *sb) {
    Value name = data_value(e, ATOM_name);
    Value msg = data_value(e, ATOM_message);
    if (val_is_string(name))
        str_to_utf8(val_as_str(name), sb);
    else
        strbuf_puts(sb, "Error");
    if (val_is_string(msg) && val_as_str(msg)->len) {
        if (!val_is_string(name) || val_as_str(name)->len)
            strbuf_puts(sb, ": ");
        str_to_utf8(val_as_str(msg), sb);
    }
}

/* ---- error.stack: JS frames and native calls ---- */

/* The stack entries innermost first: every running native function sits just inside the
 * JS frame that called it. A cursor over both lists. */
typedef struct {
    Frame *frame;       /* the next JS frame, or NULL after the outermost */
    NativeCall *native; /* the next native call */
    bool done;
} StackWalk;

static void walk_init(Vm *vm, StackWalk *w) {
    w->frame = vm->frame;
    w->native = vm->native_calls;
    w->done = false;
}

/* The next entry: a native call (*nc set) or a JS frame (*f set); false at the end. */
static bool walk_next(StackWalk *w, Frame **f, NativeCall **nc) {
    *f = NULL;
    *nc = NULL;
    if (w->native && w->native->frame == w->frame) {
        *nc = w->native;
        w->native = w->native->outer;
        return true;
    }
    if (!w->frame)
        return false;
    *f = w->frame;
    w->frame = w->frame->caller;
    return true;
}

/* V8's type name of a native call's receiver (CallSiteInfo::GetTypeName): the wrapper
 * name for primitives, "Function" for functions, else the object's @@toStringTag or its
 * constructor's name ("JSON", "Map", "Array", "A"), "Object" when neither; NULL for
 * undefined and null (then only the function name shows). */
static const char *native_type_name(Vm *vm, Value recv, char *buf, size_t cap) {
    if (val_is_nullish(recv))
        return NULL;
    if (val_is_string(recv))
        return "String";
    if (val_is_number(recv))
        return "Number";
    if (val_is_bool(recv))
        return "Boolean";
    if (val_is_symbol(recv))
        return "Symbol";
    if (!val_is_object(recv))
        return "Object";
    if (IsCallable(recv))
        return "Function";
    Obj *o = val_as_obj(recv);
    Value tag = data_value(o, ATOM_Symbol_toStringTag);
    if (val_is_string(tag) && val_as_str(tag)->len) {
        str_to_cbuf(val_as_str(tag), buf, cap);
        return buf;
    }
    Value ctor = data_value(o, ATOM_constructor);
    if (IsCallable(ctor)) {
        ObjString *n = fn_get_name(vm, val_as_obj(ctor));
        if (n && n->len) {
            str_to_cbuf(n, buf, cap);
            return buf;
        }
    }
    return "Object";
}

static void put_native_entry(Vm *vm, const NativeCall *nc, StrBuf *out) {
    char nb[128], tb[128];
    str_to_cbuf(fn_get_name(vm, nc->fn), nb, sizeof nb);
    strbuf_puts(out, "\n    at ");
    if (!val_is_undefined(nc->new_target)) {
        strbuf_printf(out, "new %s (<anonymous>)", nb);
        return;
    }
    const char *type = native_type_name(vm, nc->this_val, tb, sizeof tb);
    if (type)
        strbuf_printf(out, "%s.%s (<anonymous>)", type, nb);
    else
        strbuf_printf(out, "%s (<anonymous>)", nb);
}

/* The key under which the receiver (or an object on its prototype chain) holds fn, as a
 * data property or an accessor (V8's CallSiteInfo::GetMethodName; string keys only), or
 * NULL. The own "name" key is tried first, as V8 does. Never allocates. */
static const char *frame_method_name(Vm *vm, Obj *recv, Obj *fn, const char *fname, char *buf,
                                     size_t cap) {
    Value fv = val_obj(fn);
    for (int pass = *fname ? 0 : 1; pass < 2; pass++) {
        int depth = 0;
        for (Obj *o = recv; o && depth < 32; o = o->proto, depth++) {
            for (uint32_t i = 0; i < o->props.count; i++) {
                Prop *pr = &o->props.props[i];
                bool holds = (pr->flags & PROP_ACCESSOR)
                                 ? pr->u.accessor->getter == fv || pr->u.accessor->setter == fv
                                 : pr->u.value == fv;
                if (!holds || atom_is_int(pr->key) || atom_is_symbol(vm, pr->key))
                    continue;
                const char *k = atom_to_cbuf(vm, pr->key, buf, cap);
                if (pass == 1 || strcmp(k, fname) == 0)
                    return k;
            }
        }
    }
    return NULL;
}

/* V8's type name of a JS frame's receiver (CallSiteInfo::GetTypeName): as for native
 * calls, except that a class constructor is named by its own name. */
static const char *frame_type_name(Vm *vm, Value recv, char *buf, size_t cap) {
    if (val_is_object(recv) && fn_is_class(val_as_obj(recv))) {
        ObjString *n = fn_get_name(vm, val_as_obj(recv));
        if (n->len) {
            str_to_cbuf(n, buf, cap);
            return buf;
        }
    }
    return native_type_name(vm, recv, buf, cap);
}

/* A JS frame called with an object or primitive receiver other than the global object,
 * named as V8 names a method call (CallSiteInfo, AppendMethodCall): "Type.name", the
 * type left out when the name starts with it (and for accessors "get x" and computed
 * names "[Symbol.iterator]", as node 20 prints them), then " [as key]" when the property
 * holding the function has another name; "Type.key" or "Type.<anonymous>" for an
 * anonymous function. False when the frame is not such a call. */
static bool put_method_call(Vm *vm, const Frame *f, StrBuf *out) {
    Value recv = f->this_val;
    if (!f->callee || val_is_nullish(recv) || recv == VAL_EMPTY ||
        (val_is_object(recv) && val_as_obj(recv) == vm->realm->global))
        return false;
    char nb[200], tb[128], mb[200];
    str_to_cbuf(fn_get_name(vm, f->callee), nb, sizeof nb);
    /* an anonymous function's inferred name ("o.f"): node 20 prints it whole, whatever
     * the receiver's type */
    bool inferred = !*nb && f->proto->inferred_name;
    if (inferred)
        atom_to_cbuf(vm, f->proto->inferred_name, nb, sizeof nb);
    const char *type = frame_type_name(vm, recv, tb, sizeof tb);
    const char *method =
        val_is_object(recv)
            ? frame_method_name(vm, val_as_obj(recv), f->callee, nb, mb, sizeof mb)
            : NULL;
    if (!type)
        return false;
    if (*nb) {
        bool bare = inferred || strncmp(nb, type, strlen(type)) == 0 ||
                    strncmp(nb, "get ", 4) == 0 || strncmp(nb, "set ", 4) == 0 || nb[0] == '[';
        if (!bare)
            strbuf_printf(out, "%s.", type);
        strbuf_puts(out, nb);
        if (method && strcmp(nb, method) != 0) {
            size_t ln = strlen(nb), lm = strlen(method);
            if (!(ln > lm && nb[ln - lm - 1] == '.' && strcmp(nb + ln - lm, method) == 0))
                strbuf_printf(out, " [as %s]", method);
        }
    } else {
        strbuf_printf(out, "%s.%s", type, method ? method : "<anonymous>");
    }
    return true;
}

static void put_frame_entry(Vm *vm, const Frame *f, StrBuf *out) {
    FuncProto *p = f->proto;
    uint32_t off = f->pc ? (uint32_t)(f->pc - p->code) : 0;
    SrcPos pos = bc_pos_at(p, off ? off - 1 : 0);
    StrBuf file;
    strbuf_init(&file);
    if (p->filename)
        str_to_utf8(p->filename, &file);
    strbuf_puts(out, "\n    at ");
    char nb[200];
    if (p->flags & FP_SCRIPT) {
        strbuf_printf(out, "Object.<anonymous> (%s:%u:%u)", file.data, pos.line, pos.col);
    } else {
        const char *name =
            p->name == ATOM_empty_string ? "" : atom_to_cbuf(vm, p->name, nb, sizeof nb);
        char ib[200];
        const char *iname = !*name && p->inferred_name
                                ? atom_to_cbuf(vm, p->inferred_name, ib, sizeof ib)
                                : name;
        const char *type = NULL, *method = NULL, *inferred = NULL;
        if (!(f->flags & FRAME_CONSTRUCT) && vm->hooks.frame_receiver &&
            vm->hooks.frame_receiver(vm, f->this_val, f->callee, &type, &method, &inferred)) {
            /* V8's method call (CallSiteInfo): Type.name [as method] */
            if (!*name && inferred)
                name = inferred;
            if (*name)
                strbuf_printf(out, "%s.%s", type, name);
            else
                strbuf_printf(out, "%s.%s", type, method ? method : "<anonymous>");
            if (*name && method && strcmp(name, method) != 0)
                strbuf_printf(out, " [as %s]", method);
            strbuf_printf(out, " (%s:%u:%u)", file.data, pos.line, pos.col);
        } else if (f->flags & FRAME_CONSTRUCT) {
            strbuf_printf(out, "new %s (%s:%u:%u)", *iname ? iname : "<anonymous>", file.data,
                          pos.line, pos.col);
        } else if (put_method_call(vm, f, out)) {
            strbuf_printf(out, " (%s:%u:%u)", file.data, pos.line, pos.col);
        } else if (*iname)
            strbuf_printf(out, "%s (%s:%u:%u)", iname, file.data, pos.line, pos.col);
        else
            strbuf_printf(out, "%s:%u:%u", file.data, pos.line, pos.col);
    }
    strbuf_fini(&file);
}

/* "    at ..." lines, innermost first, after skipping skip entries (V8's format, without
 * node's internal frames; Error.stackTraceLimit 10). */
static void capture_stack(Vm *vm, StrBuf *out, int skip) {
    StackWalk w;
    walk_init(vm, &w);
    Frame *f;
    NativeCall *nc;
    int n = 0;
    while (n < 10 && walk_next(&w, &f, &nc)) {
        if (skip > 0) {
            skip--;
            continue;
        }
        if (nc && !(nc->fn->flags & OBJF_HIDDEN_FRAME)) {
            put_native_entry(vm, nc, out);
            n++;
        } else if (f && f->proto) {
            put_frame_entry(vm, f, out);
            n++;
        }
    }
}

void vm_capture_stack(Vm *vm, StrBuf *out) {
    NativeCall *nc = vm->native_calls;
    capture_stack(vm, out, nc && nc->frame == vm->frame ? 1 : 0);
}

/* How many innermost entries a constructor call's stack leaves out: those up to and
 * including the one constructing new_target (V8: the error's constructor chain; the
 * native Error constructor itself for `new Error`). */
static int frames_to_skip(Vm *vm, Value new_target) {
    if (!val_is_object(new_target))
        return 0;
    StackWalk w;
    walk_init(vm, &w);
    Frame *f;
    NativeCall *nc;
    int n = 0;
    while (walk_next(&w, &f, &nc)) {
        n++;
        if (f && (f->flags & FRAME_CONSTRUCT) && val_obj(f->callee) == new_target)
            return n;
        if (nc && val_obj(nc->fn) == new_target)
            return n;
    }
    return 0;
}

Obj *vm_new_error_for(Vm *vm, Obj *proto, ObjString *msg, Value new_target) {
    int skip = frames_to_skip(vm, new_target);
    gc_root_push_ptr(vm, &proto);
    gc_root_push_ptr(vm, &msg);
    Obj *e = obj_new_kind(vm, OBJ_ERROR, proto);
    gc_root_push_ptr(vm, &e);
    /* V8's own-property order is stack, then message (then cause, errors): the stack
     * slot comes first and is filled once the message is there */
    if (!obj_define_value(vm, e, ATOM_stack, VAL_UNDEFINED, PROP_BUILTIN) ||
        (msg && !obj_define_value(vm, e, ATOM_message, val_str(msg), PROP_BUILTIN)))
        vm_take_exception(vm);
    /* stack = "<name>: <message>" + frames (the header is rewritten at its first read) */
    StrBuf sb;
    strbuf_init(&sb);
    error_header(e, &sb);
    uint32_t header = (uint32_t)sb.len;
    capture_stack(vm, &sb, skip);
    ObjString *stack = str_new_utf8(vm, sb.data, sb.len);
    strbuf_fini(&sb);
    Prop *sp = obj_find_own_prop(e, ATOM_stack);
    if (sp && !(sp->flags & PROP_ACCESSOR))
        sp->u.value = val_str(stack);
    e->flags |= OBJF_STACK_PENDING;
    e->u.error.stack_header = header;
    gc_root_pop(vm, 3);
    return e;
}

/* An Error instance with prototype proto, "message" and "stack" (V8 puts stack as an own
 * non-enumerable property: "TypeError: msg\n    at ..."). */
Obj *vm_new_error(Vm *vm, Obj *proto, ObjString *msg) {
    return vm_new_error_for(vm, proto, msg, VAL_UNDEFINED);
}

void vm_error_stack_materialize(Vm *vm, Obj *e) {
    if (!(e->flags & OBJF_STACK_PENDING))
        return;
    e->flags &= (uint8_t)~OBJF_STACK_PENDING;
    Prop *p = obj_find_own_prop(e, ATOM_stack);
    if (!p || (p->flags & PROP_ACCESSOR) || !val_is_string(p->u.value))
        return;
    /* the header (UTF-8 bytes at capture) is replaced; the frames text is kept */
    StrBuf old, sb;
    strbuf_init(&old);
    strbuf_init(&sb);
    str_to_utf8(val_as_str(p->u.value), &old);
    error_header(e, &sb);
    if (e->u.error.stack_header <= old.len)
        strbuf_put(&sb, old.data + e->u.error.stack_header, old.len - e->u.error.stack_header);
    if (sb.len != old.len || memcmp(sb.data, old.data, sb.len) != 0) {
        gc_root_push_ptr(vm, &e);
        ObjString *s = str_new_utf8(vm, sb.data, sb.len);
        gc_root_pop(vm, 1);
        p = obj_find_own_prop(e, ATOM_stack);
        if (p && !(p->flags & PROP_ACCESSOR))
            p->u.value = val_str(s);
    }
    strbuf_fini(&old);
    strbuf_fini(&sb);
}

static Value throw_error_v(Vm *vm, IntrinsicId proto_id, const char *fmt, va_list ap) {
    char buf[1024];
    vsnprintf(buf, sizeof buf, fmt, ap);
    ObjString *msg = str_new_cstr(vm, buf);
    Obj *e = vm_new_error(vm, realm_intrinsic(vm, proto_id), msg);
    return vm_throw(vm, val_obj(e));
}

/* vm_throw_type_error, vm_throw_range_error, vm_throw_reference_error and
 * vm_throw_syntax_error (vm.h): one varargs wrapper each around throw_error_v. */
#define VM_THROW_ERROR_FN(lower, Name)                                                       \
    Value vm_throw_##lower##_error(Vm *vm, const char *fmt, ...) {                           \
        va_list ap;                                                                          \
        va_start(ap, fmt);                                                                   \
        Value r = throw_error_v(vm, INTR_##Name##Prototype, fmt, ap);                         \
        va_end(ap);                                                                          \
        return r;                                                                            \
    }
VM_THROW_ERROR_FN(type, TypeError)
VM_THROW_ERROR_FN(range, RangeError)
VM_THROW_ERROR_FN(reference, ReferenceError)
VM_THROW_ERROR_FN(syntax, SyntaxError)
#undef VM_THROW_ERROR_FN

/* GetDataProperty along the chain without running getters (undefined when absent or an
 * accessor). */
static Value data_property(Obj *o, Atom key) {
    for (; o; o = o->proto) {
        if ((o->kind == OBJ_ARRAY || o->kind == OBJ_ARGUMENTS) && atom_is_int(key) &&
            atom_int_value(key) < o->u.array.dense) {
            Value v = o->u.array.elems[atom_int_value(key)];
            if (v != VAL_EMPTY)
                return v;
        }
        Prop *p = obj_find_own_prop(o, key);
        if (p)
            return (p->flags & PROP_ACCESSOR) ? VAL_UNDEFINED : p->u.value;
    }
    return VAL_UNDEFINED;
}

static const char *builtin_tag(const Obj *o) {
    switch (o->kind) {
    case OBJ_ARRAY: return "Array";
    case OBJ_ERROR: return "Error";
    case OBJ_BOOLEAN: return "Boolean";
    case OBJ_NUMBER: return "Number";
    case OBJ_STRING: return "String";
    case OBJ_SYMBOL: return "Symbol";
    case OBJ_DATE: return "Date";
    case OBJ_REGEXP: return "RegExp";
    case OBJ_ARGUMENTS: return "Arguments";
    default: return "Object";
    }
}

/* V8's NoSideEffectsToString: primitives as ToString would give them, functions as their
 * source text, errors as "Name: message", objects with Object.prototype.toString as
 * "#<Ctor>", others as "[object Tag]"; no JS runs. */
void vm_describe_value(Vm *vm, Value v, StrBuf *out) {
    if (val_is_string(v)) {
        str_to_utf8(val_as_str(v), out);
    } else if (val_is_number(v)) {
        char b[NUMCONV_DTOA_SIZE];
        NumberToString(val_as_number(v), b);
        strbuf_puts(out, b);
    } else if (val_is_undefined(v)) {
        strbuf_puts(out, "undefined");
    } else if (val_is_null(v)) {
        strbuf_puts(out, "null");
    } else if (val_is_bool(v)) {
        strbuf_puts(out, v == VAL_TRUE ? "true" : "false");
    } else if (val_is_symbol(v)) {
        char b[200];
        atom_to_cbuf(vm, val_as_sym(v)->atom, b, sizeof b);
        strbuf_puts(out, b);
    } else if (IsCallable(v)) {
        Obj *f = val_as_obj(v);
        if (f->kind == OBJ_FUNCTION) {
            FuncProto *p = f->u.func.proto;
            const ObjString *src = p->source;
            if (src && !src->wide && p->src_end > p->src_start && p->src_end <= src->len) {
                strbuf_put(out, (const char *)src->data + p->src_start, p->src_end - p->src_start);
                return;
            }
        }
        strbuf_puts(out, "function ");
        if (f->kind != OBJ_BOUND_FUNCTION)
            str_to_utf8(fn_get_name(vm, f), out);
        strbuf_puts(out, "() { [native code] }");
    } else if (val_is_object(v)) {
        Obj *o = val_as_obj(v);
        Value ts = data_property(o, ATOM_toString);
        Obj *ep = realm_intrinsic(vm, INTR_ErrorPrototype);
        Obj *op = realm_intrinsic(vm, INTR_ObjectPrototype);
        Value err_ts = ep ? data_property(ep, ATOM_toString) : VAL_UNDEFINED;
        Value obj_ts = op ? data_property(op, ATOM_toString) : VAL_UNDEFINED;
        if (o->kind == OBJ_ERROR || (val_is_object(ts) && ts == err_ts)) {
            /* NoSideEffectsErrorToString */
            Value name = data_property(o, ATOM_name), msg = data_property(o, ATOM_message);
            size_t start = out->len;
            if (val_is_string(name))
                str_to_utf8(val_as_str(name), out);
            else
                strbuf_puts(out, "Error");
            if (val_is_string(msg) && val_as_str(msg)->len) {
                if (out->len > start)
                    strbuf_puts(out, ": ");
                str_to_utf8(val_as_str(msg), out);
            }
            return;
        }
        if (val_is_object(ts) && ts == obj_ts) {
            Value ctor = data_property(o, ATOM_constructor);
            if (IsCallable(ctor)) {
                ObjString *n = fn_get_name(vm, val_as_obj(ctor));
                if (n && n->len) {
                    strbuf_puts(out, "#<");
                    str_to_utf8(n, out);
                    strbuf_puts(out, ">");
                    return;
                }
            }
        }
        Value tag = data_property(o, ATOM_Symbol_toStringTag);
        strbuf_puts(out, "[object ");
        if (val_is_string(tag))
            str_to_utf8(val_as_str(tag), out);
        else
            strbuf_puts(out, builtin_tag(o));
        strbuf_puts(out, "]");
    } else {
        strbuf_puts(out, "#<Object>");
    }
}

void vm_describe_callsite(Vm *vm, Value v, StrBuf *out) {
    char tb[16];
    strbuf_puts(out, atom_to_cbuf(vm, val_typeof(v), tb, sizeof tb));
    if (val_is_string(v)) {
        strbuf_puts(out, " \"");
        str_to_utf8(val_as_str(v), out);
        strbuf_putc(out, '"');
    } else if (val_is_null(v) || val_is_bool(v) || val_is_number(v)) {
        strbuf_putc(out, ' ');
        vm_describe_value(vm, v, out);
    }
}

Value vm_throw_type_error_describing(Vm *vm, const char *fmt, Value v, bool callsite) {
    StrBuf sb;
    strbuf_init(&sb);
    if (callsite)
        vm_describe_callsite(vm, v, &sb);
    else
        vm_describe_value(vm, v, &sb);
    Value r = vm_throw_type_error(vm, fmt, sb.data);
    strbuf_fini(&sb);
    return r;
}

Value vm_throw_not_object_access(Vm *vm, Value base, Atom key, bool is_set) {
    if (key == ATOM_Symbol_iterator && !is_set)
        return vm_throw_type_error(vm, "%s is not iterable (cannot read property Symbol(Symbol.iterator))",
                                   val_is_null(base) ? "object null" : "undefined");
    char kb[200];
    atom_to_cbuf(vm, key, kb, sizeof kb);
    return vm_throw_type_error(vm, "Cannot %s properties of %s (%s '%s')", is_set ? "set" : "read",
                               val_is_null(base) ? "null" : "undefined",
                               is_set ? "setting" : "reading", kb);
}

/* "x is not a function" using the call-site text when the compiler recorded one. */
static Value throw_not_callable(Vm *vm, Frame *f, const uint8_t *ip, Value v,
                                const char *what) {
    ObjString *t = f && f->proto ? bc_site_text(f->proto, (uint32_t)(ip - f->proto->code)) : NULL;
    StrBuf sb;
    strbuf_init(&sb);
    if (t)
        str_to_utf8(t, &sb);
    else
        vm_describe_value(vm, v, &sb);
    Value r = vm_throw_type_error(vm, "%s %s", sb.data, what);
    strbuf_fini(&sb);
    return r;
}

void vm_console_write(Vm *vm, ConsoleStream stream, const char *text, size_t len) {
    if (vm->hooks.console_write) {
        vm->hooks.console_write(vm, stream, text, len, vm->hooks.ctx);
        return;
    }
    fwrite(text, 1, len, stderr);
    fputc('\n', stderr);
}

/* [[Get]] of a string key on an object whose chain is made of ordinary-[[Get]] objects,
 * when it finds a data property (or nothing): the value, or VAL_EMPTY when the slow path
 * must decide (an accessor, an exotic object, an index key). Pure: runs no JS. */
static inline Value get_field_fast(Obj *o, Atom a) {
    if (atom_is_int(a) || (a == ATOM_stack && (o->flags & OBJF_STACK_PENDING)))
        return VAL_EMPTY;
    for (int depth = 0; o && depth < 16; depth++) {
        if (o->kind == OBJ_ARRAY) {
            if (a == ATOM_length)
                return val_number(o->u.array.len);
        } else if (o->kind == OBJ_STRING) {
            return VAL_EMPTY;
        }
        Prop *p = ptab_find(&o->props, a);
        if (p)
            return (p->flags & PROP_ACCESSOR) ? VAL_EMPTY : p->u.value;
        o = o->proto;
    }
    return o ? VAL_EMPTY : VAL_UNDEFINED;
}

/* [[Set]] of a string key on an ordinary object when no setter or read-only property is
 * in the way: sets an own writable data property or adds one to an extensible object.
 * False when the slow path must decide. Pure. */
static inline bool set_field_fast(Vm *vm, Obj *o, Atom a, Value v) {
    if (atom_is_int(a) || o->kind == OBJ_ARRAY || o->kind == OBJ_STRING ||
        o->kind == OBJ_ARGUMENTS)
        return false;
    Prop *p = ptab_find(&o->props, a);
    if (p) {
        if ((p->flags & (PROP_ACCESSOR | PROP_WRITABLE)) != PROP_WRITABLE)
            return false;
        p->u.value = v;
        if (a == ATOM_stack)
            o->flags &= (uint8_t)~OBJF_STACK_PENDING;
        return true;
    }
    if (!(o->flags & OBJF_EXTENSIBLE))
        return false;
    int depth = 0;
    for (Obj *q = o->proto; q; q = q->proto) {
        if (++depth > 16 || q->kind == OBJ_STRING || (q->kind == OBJ_ARRAY && a == ATOM_length))
            return false;
        Prop *qp = ptab_find(&q->props, a);
        if (qp) {
            if ((qp->flags & (PROP_ACCESSOR | PROP_WRITABLE)) != PROP_WRITABLE)
                return false;
            break; /* an inherited writable data property: a new own property shadows it */
        }
    }
    p = ptab_add(vm, &o->props, a, PROP_DEFAULT); /* allocates no GC memory */
    p->u.value = v;
    return true;
}

/* ==== frames: call setup and return ==================================================== */

static Value stack_overflow(Vm *vm) {
    return vm_throw_range_error(vm, "Maximum call stack size exceeded");
}

/* Prepares and links a frame for closure fn. argv is rooted by the caller. Returns NULL
 * on a throw. */
static Frame *setup_frame(Vm *vm, Obj *fn, Value this_val, int argc, const Value *argv,
                          Value new_target, uint32_t flags) {
    FuncProto *p = fn->u.func.proto;
    if ((p->flags & FP_CLASS_CONSTRUCTOR) && !(flags & FRAME_CONSTRUCT)) {
        char nb[200];
        atom_to_cbuf(vm, p->name, nb, sizeof nb);
        vm_throw_type_error(vm, "Class constructor %s cannot be invoked without 'new'", nb);
        return NULL;
    }
    if (vm->depth >= vm->max_depth) {
        stack_overflow(vm);
        return NULL;
    }
    if (!(p->flags & (FP_STRICT | FP_ARROW)) && !(flags & FRAME_CONSTRUCT)) {
        if (val_is_nullish(this_val))
            this_val = val_obj(vm->realm->global);
        else if (!val_is_object(this_val)) {
            gc_root_push_ptr(vm, &fn);
            Obj *o = ToObject(vm, this_val);
            gc_root_pop(vm, 1);
            if (!o)
                return NULL;
            this_val = val_obj(o);
        }
    }
    uint32_t nslots = (uint32_t)p->nparams + p->nlocals + p->max_stack;
    Frame *f;
    if (p->flags & (FP_GENERATOR | FP_ASYNC)) {
        gc_root_push_ptr(vm, &fn);
        gc_root_push(vm, &this_val);
        gc_root_push(vm, &new_target);
        Activation *a = frame_new_activation(vm, nslots);
        gc_root_pop(vm, 3);
        f = &a->frame;
        f->flags |= flags;
    } else {
        f = frame_push(vm, nslots);
        f->flags = flags;
    }
    int n = argc < p->nparams ? argc : p->nparams;
    for (int i = 0; i < n; i++)
        f->slots[i] = argv[i];
    for (uint32_t i = (uint32_t)n; i < (uint32_t)p->nparams + p->nlocals; i++)
        f->slots[i] = VAL_UNDEFINED;
    f->sp = f->slots + p->nparams + p->nlocals;
    f->proto = p;
    f->callee = fn;
    f->pc = p->code;
    f->this_val = (p->flags & FP_DERIVED) && (flags & FRAME_CONSTRUCT) ? VAL_EMPTY : this_val;
    f->new_target = new_target;
    f->argv = argv;
    f->argc = (uint32_t)argc;
    f->caller = vm->frame;
    vm->frame = f;
    vm->depth++;
    return f;
}

/* An async function (not a generator) is not run inline: setup_frame linked its fresh
 * activation; unlink it and let AsyncFunctionStart run the body until its first await
 * or its end. The result is the async function's promise (async.h). */
static bool is_async_fn(const FuncProto *p) {
    return (p->flags & (FP_ASYNC | FP_GENERATOR)) == FP_ASYNC;
}
static Value start_async(Vm *vm, Frame *f) {
    vm->frame = f->caller;
    vm->depth--;
    f->caller = NULL;
    f->flags &= ~(uint32_t)FRAME_ENTRY;
    f->act->state = GEN_SUSPENDED_START;
    return AsyncFunctionStart(vm, f->act);
}

/* Unlinks the running frame f (after its VarRefs are closed). */
static void unlink_frame(Vm *vm, Frame *f) {
    frame_close_vars(f, 0);
    vm->frame = f->caller;
    vm->depth--;
    if (f->flags & FRAME_HEAP) {
        f->act->state = GEN_COMPLETED;
        f->caller = NULL;
        f->sp = f->slots;
        f->flags &= ~(uint32_t)FRAME_ENTRY;
    } else {
        frame_pop(vm, f);
    }
}

static Value call_native(Vm *vm, Obj *fn, Value this_val, int argc, const Value *argv,
                         Value new_target) {
    if (vm_c_stack_exhausted(vm))
        return stack_overflow(vm);
    NativeCtx ctx = {fn, new_target, fn->u.native.magic};
    NativeCall nc = {vm->native_calls, fn, this_val, new_target, vm->frame};
    vm->native_calls = &nc;
    vm->c_depth++;
    Value r = fn->u.native.fn(vm, this_val, argc, argv, &ctx);
    vm->c_depth--;
    vm->native_calls = nc.outer;
    return r;
}

static Value run(Vm *vm, ResumeMode mode, Value v);

/* Arguments of a bound function followed by argv, in a malloc'd array. */
static Value *bound_args(Obj *b, int argc, const Value *argv, int *total) {
    int n = (int)b->u.bound.argc + argc;
    Value *all = xmalloc(((size_t)n + 1) * sizeof(Value));
    if (b->u.bound.argc)
        memcpy(all, b->u.bound.args, b->u.bound.argc * sizeof(Value));
    if (argc)
        memcpy(all + b->u.bound.argc, argv, (size_t)argc * sizeof(Value));
    *total = n;
    return all;
}

Value vm_call(Vm *vm, Value fnv, Value this_val, int argc, const Value *argv) {
    if (!IsCallable(fnv))
        return throw_not_callable(vm, NULL, NULL, fnv, "is not a function");
    Obj *fn = val_as_obj(fnv);
    switch (fn->kind) {
    case OBJ_NATIVE_FUNCTION:
        return call_native(vm, fn, this_val, argc, argv, VAL_UNDEFINED);
    case OBJ_BOUND_FUNCTION: {
        int n;
        Value *all = bound_args(fn, argc, argv, &n);
        /* the args array is not on the VM stack: root through a temporary array */
        Obj *holder = obj_new_array_from(vm, (uint32_t)n, all);
        free(all);
        gc_root_push_ptr(vm, &holder);
        Value r = vm_call(vm, fn->u.bound.target, fn->u.bound.this_val, n, holder->u.array.elems);
        gc_root_pop(vm, 1);
        return r;
    }
    default: {
        if (vm_c_stack_exhausted(vm))
            return stack_overflow(vm);
        Frame *f = setup_frame(vm, fn, this_val, argc, argv, VAL_UNDEFINED, FRAME_ENTRY);
        if (!f)
            return VAL_EXCEPTION;
        if (is_async_fn(fn->u.func.proto))
            return start_async(vm, f);
        vm->c_depth++;
        Value r = run(vm, RESUME_NEXT, VAL_UNDEFINED);
        vm->c_depth--;
        return r;
    }
    }
}

/* The receiver a [[Construct]] of closure fn starts with: a new object whose prototype is
 * newTarget.prototype (base constructors), or empty (derived ones). */
static bool construct_this(Vm *vm, Obj *fn, Value new_target, Value *out) {
    if (fn->kind == OBJ_FUNCTION && (fn->u.func.proto->flags & FP_DERIVED)) {
        *out = VAL_EMPTY;
        return true;
    }
    if (val_is_object(new_target)) {
        /* OrdinaryCreateFromConstructor's Get(constructor, "prototype") when it is a plain
         * data property holding an object */
        Value pv = get_field_fast(val_as_obj(new_target), ATOM_prototype);
        if (val_is_object(pv)) {
            *out = val_obj(obj_new(vm, val_as_obj(pv)));
            return true;
        }
    }
    Obj *o = obj_create_from_constructor(vm, new_target, OBJ_ORDINARY,
                                         realm_intrinsic(vm, INTR_ObjectPrototype));
    if (!o)
        return false;
    *out = val_obj(o);
    return true;
}

Value vm_construct(Vm *vm, Value fnv, int argc, const Value *argv, Value new_target) {
    if (!IsConstructor(fnv))
        return throw_not_callable(vm, NULL, NULL, fnv, "is not a constructor");
    Obj *fn = val_as_obj(fnv);
    if (fn->kind == OBJ_NATIVE_FUNCTION)
        return call_native(vm, fn, VAL_UNDEFINED, argc, argv, new_target);
    if (fn->kind == OBJ_BOUND_FUNCTION) {
        int n;
        Value *all = bound_args(fn, argc, argv, &n);
        Obj *holder = obj_new_array_from(vm, (uint32_t)n, all);
        free(all);
        gc_root_push_ptr(vm, &holder);
        if (new_target == fnv)
            new_target = fn->u.bound.target;
        Value r = vm_construct(vm, fn->u.bound.target, n, holder->u.array.elems, new_target);
        gc_root_pop(vm, 1);
        return r;
    }
    if (vm_c_stack_exhausted(vm))
        return stack_overflow(vm);
    Value this_val;
    gc_root_push_ptr(vm, &fn);
    gc_root_push(vm, &new_target);
    bool ok = construct_this(vm, fn, new_target, &this_val);
    gc_root_pop(vm, 2);
    if (!ok)
        return VAL_EXCEPTION;
    gc_root_push(vm, &this_val);
    Frame *f = setup_frame(vm, fn, this_val, argc, argv, new_target, FRAME_ENTRY | FRAME_CONSTRUCT);
    gc_root_pop(vm, 1);
    if (!f)
        return VAL_EXCEPTION;
    vm->c_depth++;
    Value r = run(vm, RESUME_NEXT, VAL_UNDEFINED);
    vm->c_depth--;
    return r;
}

Value vm_invoke(Vm *vm, Value v, Atom method, int argc, const Value *argv) {
    gc_root_push(vm, &v);
    Value f = val_get(vm, v, method);
    Value r = VAL_EXCEPTION;
    if (f != VAL_EXCEPTION) {
        if (!IsCallable(f)) {
            char kb[200];
            atom_to_cbuf(vm, method, kb, sizeof kb);
            vm_throw_type_error(vm, "%s is not a function", kb);
        } else {
            r = vm_call(vm, f, v, argc, argv);
        }
    }
    gc_root_pop(vm, 1);
    return r;
}

Value vm_run_script(Vm *vm, FuncProto *script) {
    gc_root_push_ptr(vm, &script);
    Obj *fn = fn_new_closure(vm, script, NULL, NULL);
    gc_root_pop(vm, 1);
    gc_root_push_ptr(vm, &fn);
    Value this_val = val_obj(vm->realm->global);
    if (!(script->flags & FP_GLOBAL_SCRIPT)) {
        /* node runs a CommonJS module: top-level this is module.exports ({}); a classic
         * Script's is the global object (#sec-globaldeclarationinstantiation) */
        Obj *exports = obj_new_plain(vm);
        this_val = val_obj(exports);
    }
    gc_root_push(vm, &this_val);
    Frame *f = setup_frame(vm, fn, this_val, 0, NULL, VAL_UNDEFINED, FRAME_ENTRY);
    gc_root_pop(vm, 2);
    if (!f)
        return VAL_EXCEPTION;
    vm->c_depth++;
    Value r = run(vm, RESUME_NEXT, VAL_UNDEFINED);
    vm->c_depth--;
    return r;
}

Value vm_resume(Vm *vm, Activation *act, ResumeMode mode, Value v, bool *done) {
    *done = false;
    if (vm_c_stack_exhausted(vm) || vm->depth >= vm->max_depth)
        return stack_overflow(vm);
    Frame *f = &act->frame;
    bool started = act->state == GEN_SUSPENDED_YIELD;
    f->caller = vm->frame;
    f->flags |= FRAME_ENTRY;
    vm->frame = f;
    vm->depth++;
    act->state = GEN_EXECUTING;
    if (started) {
        switch (act->resume_kind) {
        case RESUME_KIND_COMPLETION: /* yield* and async generator yields */
            *f->sp++ = v;
            *f->sp++ = val_number(mode);
            mode = RESUME_NEXT;
            break;
        case RESUME_KIND_AWAIT_COMPLETION:
            *f->sp++ = v;
            *f->sp++ = val_number(mode == RESUME_NEXT ? act->await_mode : RESUME_THROW);
            mode = RESUME_NEXT;
            break;
        default:
            if (mode == RESUME_NEXT)
                *f->sp++ = v;
            break;
        }
    }
    act->resume_kind = RESUME_KIND_VALUE;
    act->yield_raw = 0;
    vm->c_depth++;
    gc_root_push_ptr(vm, &act);
    Value r = run(vm, mode, v);
    gc_root_pop(vm, 1);
    vm->c_depth--;
    if (r == VAL_EXCEPTION || act->state == GEN_COMPLETED) {
        act->state = GEN_COMPLETED;
        *done = true;
    }
    return r;
}

/* ==== operators (slow paths) ============================================================ */

/* ApplyStringOrNumericBinaryOperator for + (#sec-applystringornumericbinaryoperator) */
static Value op_add_slow(Vm *vm, Value a, Value b) {
    gc_root_push(vm, &a);
    gc_root_push(vm, &b);
    Value r = VAL_EXCEPTION;
    a = ToPrimitive(vm, a, HINT_DEFAULT);
    if (a == VAL_EXCEPTION)
        goto out;
    b = ToPrimitive(vm, b, HINT_DEFAULT);
    if (b == VAL_EXCEPTION)
        goto out;
    if (val_is_string(a) || val_is_string(b)) {
        ObjString *sa = ToString(vm, a);
        if (!sa)
            goto out;
        a = val_str(sa);
        ObjString *sb = ToString(vm, b);
        if (!sb)
            goto out;
        b = val_str(sb);
        ObjString *s = str_concat(vm, val_as_str(a), val_as_str(b));
        if (!s) {
            vm_throw_range_error(vm, "Invalid string length");
            goto out;
        }
        r = val_str(s);
    } else {
        double x, y;
        if (!ToNumber(vm, a, &x) || !ToNumber(vm, b, &y))
            goto out;
        r = val_number(x + y);
    }
out:
    gc_root_pop(vm, 2);
    return r;
}

static bool to_numbers(Vm *vm, Value a, Value b, double *x, double *y) {
    gc_root_push(vm, &b);
    bool ok = ToNumber(vm, a, x);
    gc_root_pop(vm, 1);
    return ok && ToNumber(vm, b, y);
}

static double js_fmod(double x, double y) {
    if (y == 0 || isinf(x) || x != x || y != y)
        return NAN;
    if (isinf(y))
        return x;
    return fmod(x, y);
}

static Value arith(Vm *vm, uint8_t op, Value a, Value b) {
    double x, y;
    if (!to_numbers(vm, a, b, &x, &y))
        return VAL_EXCEPTION;
    switch (op) {
    case OP_SUB:
        return val_number(x - y);
    case OP_MUL:
        return val_number(x * y);
    case OP_DIV:
        return val_number(x / y);
    case OP_MOD:
        return val_number(js_fmod(x, y));
    case OP_POW:
        return val_number(mathlib_pow(x, y)); /* Number::exponentiate, as V8 */
    case OP_BIT_AND:
        return val_number(numconv_to_int32(x) & numconv_to_int32(y));
    case OP_BIT_OR:
        return val_number(numconv_to_int32(x) | numconv_to_int32(y));
    case OP_BIT_XOR:
        return val_number(numconv_to_int32(x) ^ numconv_to_int32(y));
    case OP_SHL:
        return val_number((int32_t)((uint32_t)numconv_to_int32(x) << (numconv_to_uint32(y) & 31)));
    case OP_SAR:
        return val_number(numconv_to_int32(x) >> (numconv_to_uint32(y) & 31));
    case OP_SHR:
        return val_number(numconv_to_uint32(x) >> (numconv_to_uint32(y) & 31));
    default:
        return VAL_UNDEFINED;
    }
}

/* IsLessThan (#sec-islessthan): 1 true, 0 false, -1 undefined (NaN), -2 throw. */
static int less_than(Vm *vm, Value a, Value b, bool left_first) {
    gc_root_push(vm, &a);
    gc_root_push(vm, &b);
    int r = -2;
    if (left_first) {
        if ((a = ToPrimitive(vm, a, HINT_NUMBER)) == VAL_EXCEPTION)
            goto out;
        if ((b = ToPrimitive(vm, b, HINT_NUMBER)) == VAL_EXCEPTION)
            goto out;
    } else {
        if ((b = ToPrimitive(vm, b, HINT_NUMBER)) == VAL_EXCEPTION)
            goto out;
        if ((a = ToPrimitive(vm, a, HINT_NUMBER)) == VAL_EXCEPTION)
            goto out;
    }
    if (val_is_string(a) && val_is_string(b)) {
        r = str_compare(val_as_str(a), val_as_str(b)) < 0;
        goto out;
    }
    double x, y;
    if (!to_numbers(vm, a, b, &x, &y))
        goto out;
    r = (x != x || y != y) ? -1 : x < y;
out:
    gc_root_pop(vm, 2);
    return r;
}

/* ==== helpers used by instructions ====================================================== */

/* The open VarRef of f's slot (created and linked when absent): closures and mapped
 * arguments share it. */
static VarRef *frame_slot_ref(Vm *vm, Frame *f, uint32_t slot) {
    for (VarRef *o = f->open_vars; o; o = o->next)
        if (o->slot == slot)
            return o;
    Value *pv = slot == FRAME_SLOT_THIS         ? &f->this_val
                : slot == FRAME_SLOT_NEW_TARGET ? &f->new_target
                                                : &f->slots[slot];
    VarRef *r = varref_new(vm, pv, f->act ? &f->act->gc : NULL, slot);
    r->next = f->open_vars;
    f->open_vars = r;
    return r;
}

/* The this binding super.x and super() use: an arrow's is its capture of the enclosing
 * function's (FuncProto.super_this), anything else's is its frame's. */
static Value *frame_this_ref(Frame *f) {
    if (f->proto->super_this)
        return f->callee->u.func.vars[f->proto->super_this - 1]->pvalue;
    return &f->this_val;
}

/* SuperCall's steps 3-6 (#sec-super-keyword-runtime-semantics-evaluation): Construct the
 * [[Prototype]] of active (the running constructor) with new_target. who is the running
 * function whose name V8's message shows. Returns the new object or VAL_EXCEPTION. */
static Value super_construct(Vm *vm, Obj *active, Obj *who, int argc, const Value *argv,
                             Value new_target) {
    Value parent = active->proto ? val_obj(active->proto) : VAL_NULL;
    if (!IsConstructor(parent)) {
        StrBuf sb;
        strbuf_init(&sb);
        if (active->proto == realm_intrinsic(vm, INTR_FunctionPrototype))
            strbuf_puts(&sb, "null"); /* class extends null */
        else
            vm_describe_value(vm, parent, &sb);
        char nb[200];
        atom_to_cbuf(vm, who->u.func.proto->name, nb, sizeof nb);
        vm_throw_type_error(vm, "Super constructor %s of %s is not a constructor", sb.data,
                            *nb ? nb : "anonymous class");
        strbuf_fini(&sb);
        return VAL_EXCEPTION;
    }
    return vm_construct(vm, parent, argc, (Value *)argv, new_target);
}

static Obj *closure_from(Vm *vm, Frame *f, FuncProto *p) {
    Obj *home = NULL;
    if ((p->flags & FP_ARROW) && f->callee && f->callee->kind == OBJ_FUNCTION)
        home = f->callee->u.func.home;
    Obj *fn = fn_new_closure(vm, p, NULL, home);
    gc_root_push_ptr(vm, &fn);
    for (uint32_t i = 0; i < p->ncaptures; i++) {
        CaptureDesc *c = &p->captures[i];
        VarRef *r = NULL;
        switch (c->kind) {
        case CAPTURE_LOCAL:
        case CAPTURE_THIS:
        case CAPTURE_NEW_TARGET: {
            uint32_t slot = c->kind == CAPTURE_LOCAL ? c->index
                            : c->kind == CAPTURE_THIS ? FRAME_SLOT_THIS
                                                      : FRAME_SLOT_NEW_TARGET;
            r = frame_slot_ref(vm, f, slot);
            break;
        }
        case CAPTURE_VARREF:
            r = f->callee->u.func.vars[c->index];
            break;
        case CAPTURE_CALLEE:
            r = varref_new(vm, NULL, NULL, 0);
            r->closed = val_obj(f->callee);
            r->pvalue = &r->closed;
            break;
        }
        r->is_const = c->is_const;
        fn->u.func.vars[i] = r;
    }
    gc_root_pop(vm, 1);
    return fn;
}

static Handler *find_handler(FuncProto *p, uint32_t off, bool finally_only) {
    for (uint32_t i = 0; i < p->nhandlers; i++) {
        Handler *h = &p->handlers[i];
        if (off >= h->start && off < h->end && (!finally_only || h->kind == HANDLER_FINALLY))
            return h;
    }
    return NULL;
}

static Value create_iter_result(Vm *vm, Value v, bool done) {
    gc_root_push(vm, &v);
    Obj *o = obj_new_plain(vm);
    gc_root_pop(vm, 1);
    Prop *p = ptab_add(vm, &o->props, ATOM_value, PROP_DEFAULT);
    p->u.value = v;
    p = ptab_add(vm, &o->props, ATOM_done, PROP_DEFAULT);
    p->u.value = val_bool(done);
    return val_obj(o);
}

Value CreateIterResultObject(Vm *vm, Value v, bool done) {
    return create_iter_result(vm, v, done);
}

/* The source text the compiler recorded for the instruction at ip, or NULL. */
static ObjString *site_text(Frame *f, const uint8_t *ip) {
    return f && f->proto ? bc_site_text(f->proto, (uint32_t)(ip - f->proto->code)) : NULL;
}

/* The iterator abstract operations (ecma262 #sec-operations-on-iterator-objects), shared
 * by the VM (for-of, spread, destructuring, yield*) and the built-ins that iterate
 * (Array.from, the Map/Set/WeakMap/WeakSet constructors). An Iterator Record is the pair
 * (iter, next) that the caller keeps rooted. */

/* The steps of GetIteratorFromMethod; which names the method in V8's TypeError. */
static bool iterator_from_method(Vm *vm, Value obj, Value method, const char *which,
                                 Value *iter, Value *next) {
    /* 1. Let iterator be ? Call(method, obj). */
    Value it = vm_call(vm, method, obj, 0, NULL);
    if (it == VAL_EXCEPTION)
        return false;
    /* 2. If iterator is not an Object, throw a TypeError exception. */
    if (!val_is_object(it)) {
        vm_throw_type_error(vm, "Result of the Symbol.%s method is not an object", which);
        return false;
    }
    /* 3. Let nextMethod be ? Get(iterator, "next"). */
    gc_root_push(vm, &it);
    Value n = obj_get(vm, val_as_obj(it), ATOM_next);
    gc_root_pop(vm, 1);
    if (n == VAL_EXCEPTION)
        return false;
    *iter = it;
    *next = n;
    return true;
}

bool GetIteratorFromMethod(Vm *vm, Value obj, Value method, Value *iter, Value *next) {
    return iterator_from_method(vm, obj, method, "iterator", iter, next);
}

bool GetAsyncIteratorFromMethod(Vm *vm, Value obj, Value method, Value *iter, Value *next) {
    return iterator_from_method(vm, obj, method, "asyncIterator", iter, next);
}

bool GetIterator(Vm *vm, Value obj, const ObjString *t, Value *iter, Value *next) {
    gc_root_push(vm, &obj);
    bool ok = false;
    /* 3. Let method be ? GetMethod(obj, @@iterator). */
    Value m = val_is_nullish(obj) ? VAL_UNDEFINED : val_get(vm, obj, ATOM_Symbol_iterator);
    if (m == VAL_EXCEPTION)
        goto out;
    /* 4. If method is undefined, throw a TypeError exception (V8: the operand's source
     * text, or without one the call-site description and the property it looked for). */
    if (!IsCallable(m)) {
        StrBuf sb;
        strbuf_init(&sb);
        if (t)
            str_to_utf8(t, &sb);
        const char *text = sb.data;
        if (t && sb.len && text[0] == SITE_ITER_CALL_SPREAD) {
            /* f(...x): V8's CallWithSpread wording */
            if (val_is_nullish(obj))
                vm_throw_type_error(vm, "%s is not iterable (cannot read property %s)", text + 1,
                                    val_is_null(obj) ? "null" : "undefined");
            else
                vm_throw_type_error(
                    vm, "Spread syntax requires ...iterable[Symbol.iterator] to be a function");
        } else if (t && sb.len) {
            vm_throw_type_error(vm, "%s is not iterable", text);
        } else {
            vm_throw_type_error_describing(
                vm, "%s is not iterable (cannot read property Symbol(Symbol.iterator))", obj, true);
        }
        strbuf_fini(&sb);
        goto out;
    }
    /* 5. Return ? GetIteratorFromMethod(obj, method). */
    ok = GetIteratorFromMethod(vm, obj, m, iter, next);
out:
    gc_root_pop(vm, 1);
    return ok;
}

static bool get_iterator(Vm *vm, Frame *f, const uint8_t *ip, Value obj, Value *iter,
                         Value *next) {
    return GetIterator(vm, obj, site_text(f, ip), iter, next);
}

/* IteratorComplete (#sec-iteratorcomplete) of an inner result, with the TypeError every
 * caller first throws when it is not an object: 1 (done), 0 (not done), -1 (threw). */
static int iter_result_done(Vm *vm, Value r) {
    if (!val_is_object(r)) {
        vm_throw_type_error_describing(vm, "Iterator result %s is not an object", r, false);
        return -1;
    }
    Value d = obj_get(vm, val_as_obj(r), ATOM_done);
    return d == VAL_EXCEPTION ? -1 : ToBoolean(d);
}

int IteratorStep(Vm *vm, Value iter, Value next, Value *value) {
    /* IteratorNext: Call(iteratorRecord.[[NextMethod]], iteratorRecord.[[Iterator]]) */
    if (!IsCallable(next)) {
        vm_throw_type_error_describing(vm, "%s is not a function", next, true);
        return -1;
    }
    Value r = vm_call(vm, next, iter, 0, NULL);
    if (r == VAL_EXCEPTION)
        return -1;
    if (!val_is_object(r)) {
        vm_throw_type_error_describing(vm, "Iterator result %s is not an object", r, false);
        return -1;
    }
    /* IteratorComplete, then IteratorValue */
    gc_root_push(vm, &r);
    Value d = obj_get(vm, val_as_obj(r), ATOM_done);
    int res = -1;
    if (d != VAL_EXCEPTION) {
        if (ToBoolean(d)) {
            res = 0;
        } else {
            Value v = obj_get(vm, val_as_obj(r), ATOM_value);
            if (v != VAL_EXCEPTION) {
                *value = v;
                res = 1;
            }
        }
    }
    gc_root_pop(vm, 1);
    return res;
}

bool IteratorClose(Vm *vm, Value iter, bool throwing) {
    if (vm->terminated != TERM_NONE)
        return false; /* a run limit unwinds without running JS */
    Value saved = VAL_UNDEFINED;
    if (throwing)
        saved = vm_take_exception(vm);
    gc_root_push(vm, &saved);
    gc_root_push(vm, &iter);
    bool ok = true;
    Value m = val_get(vm, iter, ATOM_return);
    if (m == VAL_EXCEPTION) {
        ok = false;
    } else if (!val_is_nullish(m)) {
        Value r = vm_call(vm, m, iter, 0, NULL);
        if (r == VAL_EXCEPTION)
            ok = false;
        else if (!val_is_object(r) && !throwing) {
            vm_throw_type_error_describing(vm, "Iterator result %s is not an object", r, false);
            ok = false;
        }
    }
    gc_root_pop(vm, 2);
    if (throwing) {
        if (!ok)
            vm_take_exception(vm);
        vm_throw(vm, saved);
        return false;
    }
    return ok;
}

/* Appends every value of iterable to arr (spread). */
static bool spread_into(Vm *vm, Frame *f, const uint8_t *ip, Obj *arr, Value iterable) {
    if (IsArray(iterable) && obj_array_is_dense(val_as_obj(iterable))) {
        /* fast path only when Array.prototype[Symbol.iterator] is the original values() */
        Obj *ap = realm_intrinsic(vm, INTR_ArrayPrototype);
        Prop *p = obj_find_own_prop(ap, ATOM_Symbol_iterator);
        Obj *a = val_as_obj(iterable);
        if (a->proto == ap && !obj_find_own_prop(a, ATOM_Symbol_iterator) && p &&
            !(p->flags & PROP_ACCESSOR) &&
            p->u.value == val_obj(realm_intrinsic(vm, INTR_ArrayProtoValues))) {
            for (uint32_t i = 0; i < a->u.array.len; i++) {
                Value v = i < a->u.array.dense ? a->u.array.elems[i] : VAL_UNDEFINED;
                if (v == VAL_EMPTY)
                    v = VAL_UNDEFINED;
                if (!obj_array_push(vm, arr, v))
                    return false;
            }
            return true;
        }
    }
    Value iter, next, v;
    gc_root_push_ptr(vm, &arr);
    if (!get_iterator(vm, f, ip, iterable, &iter, &next)) {
        gc_root_pop(vm, 1);
        return false;
    }
    gc_root_push(vm, &iter);
    gc_root_push(vm, &next);
    bool ok = true;
    for (;;) {
        int s = IteratorStep(vm, iter, next, &v);
        if (s < 0) {
            ok = false;
            break;
        }
        if (s == 0)
            break;
        if (!obj_array_push(vm, arr, v)) {
            ok = false;
            break;
        }
    }
    gc_root_pop(vm, 3);
    return ok;
}

/* CopyDataProperties (#sec-copydataproperties) with an optional exclusion list. */
static bool copy_data_props(Vm *vm, Obj *target, Value src, Obj *excluded) {
    if (val_is_nullish(src))
        return true;
    gc_root_push_ptr(vm, &target);
    gc_root_push_ptr(vm, &excluded);
    Obj *from = ToObject(vm, src);
    if (!from) {
        gc_root_pop(vm, 2);
        return false;
    }
    gc_root_push_ptr(vm, &from);
    Obj *keys = obj_own_keys(vm, from, OWNKEYS_STRINGS | OWNKEYS_SYMBOLS);
    gc_root_push_ptr(vm, &keys);
    bool ok = true;
    for (uint32_t i = 0; i < keys->u.array.len && ok; i++) {
        Value k = keys->u.array.elems[i];
        Atom a;
        if (!ToPropertyKey(vm, k, &a)) {
            ok = false;
            break;
        }
        bool skip = false;
        if (excluded)
            for (uint32_t j = 0; j < excluded->u.array.dense; j++) {
                Atom e;
                if (ToPropertyKey(vm, excluded->u.array.elems[j], &e) && e == a) {
                    skip = true;
                    break;
                }
            }
        if (skip)
            continue;
        PropDesc d;
        if (!obj_get_own_property(vm, from, a, &d) || !d.enumerable)
            continue;
        Value v = obj_get(vm, from, a);
        if (v == VAL_EXCEPTION || !CreateDataProperty(vm, target, a, v))
            ok = false;
    }
    gc_root_pop(vm, 4);
    return ok;
}

static Obj *new_for_in_iterator(Vm *vm, Value v) {
    Obj *it = obj_new_kind(vm, OBJ_FOR_IN_ITERATOR, NULL);
    if (val_is_nullish(v))
        return it;
    gc_root_push_ptr(vm, &it);
    Obj *o = ToObject(vm, v);
    gc_root_push_ptr(vm, &o);
    Obj *keys = obj_new_array(vm, 0);
    gc_root_push_ptr(vm, &keys);
    it->u.host.slots[0] = val_obj(o);
    it->u.host.slots[1] = val_obj(keys);
    it->u.host.slots[2] = val_number(0);
    /* visited: every own string key seen so far along the chain (shadowing) */
    Atom *seen = NULL;
    uint32_t nseen = 0, cap = 0;
    for (Obj *cur = o; cur; cur = cur->proto) {
        uint32_t n;
        Atom *ks = obj_own_keys_atoms(vm, cur, OWNKEYS_STRINGS, &n);
        for (uint32_t i = 0; i < n; i++) {
            bool dup = false;
            for (uint32_t j = 0; j < nseen; j++)
                if (seen[j] == ks[i]) {
                    dup = true;
                    break;
                }
            if (dup)
                continue;
            if (nseen == cap) {
                cap = cap ? cap * 2 : 16;
                seen = xrealloc(seen, cap * sizeof(Atom));
            }
            seen[nseen++] = ks[i];
            PropDesc d;
            if (obj_get_own_property(vm, cur, ks[i], &d) && d.enumerable) {
                Value kv = atom_to_value(vm, ks[i]);
                if (!obj_array_push(vm, keys, kv))
                    vm_take_exception(vm);
            }
        }
        free(ks);
    }
    free(seen);
    gc_root_pop(vm, 3);
    return it;
}

/* CreateUnmappedArgumentsObject / CreateMappedArgumentsObject (#sec-arguments-exotic-
 * objects): mapped (sloppy functions with simple parameters) links each index below
 * min(argc, nparams) to its parameter. */
static Obj *new_arguments(Vm *vm, Frame *f, bool mapped) {
    Obj *a = obj_new_kind(vm, OBJ_ARGUMENTS, realm_intrinsic(vm, INTR_ObjectPrototype));
    gc_root_push_ptr(vm, &a);
    if (f->argc) {
        a->u.array.elems = xmalloc(f->argc * sizeof(Value));
        a->u.array.cap = f->argc;
        gc_account(vm, (ptrdiff_t)(f->argc * sizeof(Value)));
        memcpy(a->u.array.elems, f->argv, f->argc * sizeof(Value));
    }
    a->u.array.dense = a->u.array.len = f->argc;
    Prop *p = ptab_add(vm, &a->props, ATOM_length, PROP_BUILTIN);
    p->u.value = val_number(f->argc);
    p = ptab_add(vm, &a->props, ATOM_Symbol_iterator, PROP_BUILTIN);
    p->u.value = val_obj(realm_intrinsic(vm, INTR_ArrayProtoValues));
    if (mapped) {
        /* 20. Perform ! DefinePropertyOrThrow(obj, "callee", { [[Value]]: func, ... }) */
        p = ptab_add(vm, &a->props, ATOM_callee, PROP_BUILTIN);
        p->u.value = val_obj(f->callee);
        uint32_t n = f->argc < f->proto->nparams ? f->argc : f->proto->nparams;
        if (n) {
            VarRef **refs = xcalloc(n, sizeof(VarRef *));
            obj_arguments_map(vm, a, refs, n); /* filled in place: marked as they come */
            for (uint32_t i = 0; i < n; i++) {
                /* a repeated parameter name maps only its last occurrence */
                bool later = false;
                for (uint32_t j = i + 1; j < f->proto->nparams && f->proto->local_names; j++)
                    later |= f->proto->local_names[j] == f->proto->local_names[i] &&
                             f->proto->local_names[i] != ATOM_NULL;
                if (!later)
                    refs[i] = frame_slot_ref(vm, f, i);
            }
        }
    } else {
        /* 8. Perform ! DefinePropertyOrThrow(obj, "callee", { [[Get]]: %ThrowTypeError%,
         *    [[Set]]: %ThrowTypeError%, [[Enumerable]]: false, [[Configurable]]: false }) */
        Value tte = val_obj(realm_intrinsic(vm, INTR_ThrowTypeError));
        if (!obj_define_accessor(vm, a, ATOM_callee, tte, tte, 0))
            vm_take_exception(vm);
    }
    gc_root_pop(vm, 1);
    return a;
}

static bool define_method(Vm *vm, Obj *target, Atom key, Obj *fn, uint8_t flags) {
    if (fn->kind == OBJ_FUNCTION)
        fn->u.func.home = target;
    int kind = flags & 3;
    if (!fn_set_name(vm, fn, key, kind == 1 ? "get" : kind == 2 ? "set" : NULL))
        return false;
    uint32_t pf = PROP_CONFIGURABLE | ((flags & 4) ? 0 : PROP_ENUMERABLE);
    if (kind == 0) {
        PropDesc d;
        memset(&d, 0, sizeof d);
        d.has_value = d.has_writable = d.has_enumerable = d.has_configurable = true;
        d.value = val_obj(fn);
        d.writable = true;
        d.enumerable = pf & PROP_ENUMERABLE;
        d.configurable = true;
        return obj_define_own_property(vm, target, key, &d, true);
    }
    PropDesc d;
    memset(&d, 0, sizeof d);
    d.has_enumerable = d.has_configurable = true;
    d.enumerable = pf & PROP_ENUMERABLE;
    d.configurable = true;
    if (kind == 1) {
        d.has_get = true;
        d.get = val_obj(fn);
    } else {
        d.has_set = true;
        d.set = val_obj(fn);
    }
    return obj_define_own_property(vm, target, key, &d, true);
}

/* ClassDefinitionEvaluation steps for the heritage and the two objects. */
static bool make_class(Vm *vm, Frame *f, FuncProto *p, Value heritage, Atom name, Value *ctor_out,
                       Value *proto_out) {
    Obj *proto_parent = realm_intrinsic(vm, INTR_ObjectPrototype);
    Obj *ctor_parent = realm_intrinsic(vm, INTR_FunctionPrototype);
    if (heritage != VAL_EMPTY) {
        if (val_is_null(heritage)) {
            proto_parent = NULL;
        } else if (!IsConstructor(heritage)) {
            StrBuf sb;
            strbuf_init(&sb);
            vm_describe_value(vm, heritage, &sb);
            vm_throw_type_error(vm, "Class extends value %s is not a constructor or null", sb.data);
            strbuf_fini(&sb);
            return false;
        } else {
            Value pp = obj_get(vm, val_as_obj(heritage), ATOM_prototype);
            if (pp == VAL_EXCEPTION)
                return false;
            if (!val_is_object(pp) && !val_is_null(pp)) {
                StrBuf sb;
                strbuf_init(&sb);
                vm_describe_value(vm, pp, &sb);
                vm_throw_type_error(vm, "Class extends value does not have valid prototype property %s",
                                    sb.data);
                strbuf_fini(&sb);
                return false;
            }
            proto_parent = val_is_null(pp) ? NULL : val_as_obj(pp);
            ctor_parent = val_as_obj(heritage);
        }
    }
    gc_root_push_ptr(vm, &proto_parent);
    gc_root_push_ptr(vm, &ctor_parent);
    Obj *proto = obj_new(vm, proto_parent);
    gc_root_push_ptr(vm, &proto);
    Obj *fn = closure_from(vm, f, p);
    fn->proto = ctor_parent;
    fn->u.func.home = proto;
    Prop *pr = ptab_add(vm, &fn->props, ATOM_prototype, 0);
    pr->u.value = val_obj(proto);
    pr = ptab_add(vm, &proto->props, ATOM_constructor, PROP_BUILTIN);
    pr->u.value = val_obj(fn);
    (void)name;
    gc_root_pop(vm, 3);
    *ctor_out = val_obj(fn);
    *proto_out = val_obj(proto);
    return true;
}

static bool run_field_init(Vm *vm, Obj *ctor, Value this_val) {
    if (ctor->kind != OBJ_FUNCTION || !ctor->u.func.fields)
        return true;
    Value r = vm_call(vm, val_obj(ctor->u.func.fields), this_val, 0, NULL);
    return r != VAL_EXCEPTION;
}

/* "#x" of a private name, into buf. */
static const char *private_desc(const ObjSymbol *s, char *buf, size_t cap) {
    buf[0] = 0;
    if (val_is_string(s->description))
        str_to_cbuf(val_as_str(s->description), buf, cap);
    return buf;
}

/* The TypeError for obj lacking the private element s (PrivateElementFind gave empty). */
static Value private_missing(Vm *vm, const ObjSymbol *s, bool is_set) {
    char b[200], cb[200] = "anonymous";
    private_desc(s, b, sizeof b);
    if (s->private_kind == PRIVATE_FIELD)
        return vm_throw_type_error(vm, "Cannot %s private member %s %s an object whose class did not declare it",
                                   is_set ? "write" : "read", b, is_set ? "to" : "from");
    if (val_is_string(s->private_class))
        str_to_cbuf(val_as_str(s->private_class), cb, sizeof cb);
    return vm_throw_type_error(vm, s->private_static ? "Receiver must be class %s"
                                                     : "Receiver must be an instance of class %s",
                               cb);
}

/* PrivateGet(O, P) (#sec-privateget): VAL_EXCEPTION on a throw. */
static Value private_get(Vm *vm, Value obj, Value sym) {
    ObjSymbol *s = val_as_sym(sym);
    Prop *p = val_is_object(obj) ? obj_find_own_prop(val_as_obj(obj), s->atom) : NULL;
    if (!p)
        return private_missing(vm, s, false);
    if (!(p->flags & PROP_ACCESSOR))
        return p->u.value; /* a field's value or the method */
    Value getter = p->u.accessor->getter;
    if (val_is_undefined(getter)) {
        char b[200];
        return vm_throw_type_error(vm, "'%s' was defined without a getter",
                                   private_desc(s, b, sizeof b));
    }
    return vm_call(vm, getter, obj, 0, NULL);
}

/* PrivateSet(O, P, value) (#sec-privateset): false on a throw. */
static bool private_set(Vm *vm, Value obj, Value sym, Value v) {
    ObjSymbol *s = val_as_sym(sym);
    Prop *p = val_is_object(obj) ? obj_find_own_prop(val_as_obj(obj), s->atom) : NULL;
    char b[200];
    if (!p) {
        private_missing(vm, s, true);
        return false;
    }
    if (!(p->flags & PROP_ACCESSOR)) {
        if (!(p->flags & PROP_WRITABLE)) {
            vm_throw_type_error(vm, "Private method '%s' is not writable",
                                private_desc(s, b, sizeof b));
            return false;
        }
        p->u.value = v;
        return true;
    }
    Value setter = p->u.accessor->setter;
    if (val_is_undefined(setter)) {
        vm_throw_type_error(vm, "'%s' was defined without a setter", private_desc(s, b, sizeof b));
        return false;
    }
    return vm_call(vm, setter, obj, 1, &v) != VAL_EXCEPTION;
}

/* ==== the loop ========================================================================== */

static Value run(Vm *vm, ResumeMode mode, Value resume_value) {
    Frame *frame;
    const uint8_t *pc, *ip;
    Value *sp, *slots;
    Value *consts;
    Value result = VAL_UNDEFINED;
    Value ret_value = VAL_UNDEFINED;

#define LOAD_STATE()                                                                        \
    do {                                                                                    \
        frame = vm->frame;                                                                  \
        pc = frame->pc;                                                                     \
        sp = frame->sp;                                                                     \
        slots = frame->slots;                                                               \
        consts = frame->proto->consts;                                                      \
    } while (0)
#define SAVE_STATE() (frame->pc = pc, frame->sp = sp)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-1 - (n)])
#define READ_U8() (pc += 1, pc[-1])
#define READ_U16() (pc += 2, bc_read_u16(pc - 2))
#define READ_U32() (pc += 4, bc_read_u32(pc - 4))
#define THROW() goto exception
#define CHECK(v)                                                                            \
    do {                                                                                    \
        if ((v) == VAL_EXCEPTION)                                                           \
            THROW();                                                                        \
    } while (0)
#define STRICT() ((frame->proto->flags & FP_STRICT) != 0)
    /* Dispatch: computed goto (one indirect jump per instruction site, which the branch
     * predictor learns far better than the switch's single jump) where the compiler has
     * it; the switch in sanitizer builds and with -DVM_SWITCH, so that both shapes of the
     * same bodies are tested. */
#if defined(__GNUC__) && !defined(VM_SWITCH) && !defined(__SANITIZE_ADDRESS__)
#define VM_COMPUTED_GOTO 1
    static const void *const dispatch_table[OP__COUNT] = {
#define OP(name, pops, pushes, size, fmt) __extension__ &&L_##name,
#include "tracer/opcodes.def"
#undef OP
    };
#define CASE(op) case OP_##op: L_##op:
    /* `goto *` is a GNU extension that __extension__ cannot mark (it is a statement, not
     * an expression), so -Wpedantic is silenced for that one statement only. */
#define NEXT()                                                                              \
    do {                                                                                    \
        ip = pc;                                                                            \
        _Pragma("GCC diagnostic push")                                                      \
        _Pragma("GCC diagnostic ignored \"-Wpedantic\"")                                    \
        goto *dispatch_table[*pc++];                                                        \
        _Pragma("GCC diagnostic pop")                                                       \
    } while (0)
#else
#define VM_COMPUTED_GOTO 0
#define CASE(op) case OP_##op:
#define NEXT() goto dispatch
#endif

    LOAD_STATE();
    ip = pc > frame->proto->code ? pc - 1 : pc;
    if (mode == RESUME_THROW) {
        vm_throw(vm, resume_value);
        THROW();
    }
    if (mode == RESUME_RETURN) {
        ret_value = resume_value;
        goto return_unwind;
    }

#if VM_COMPUTED_GOTO
    NEXT();
#else
dispatch:
    ip = pc;
#endif
    switch ((OpCode)*pc++) {
    CASE(NOP) NEXT();
    CASE(PUSH_UNDEFINED) PUSH(VAL_UNDEFINED); NEXT();
    CASE(PUSH_NULL) PUSH(VAL_NULL); NEXT();
    CASE(PUSH_TRUE) PUSH(VAL_TRUE); NEXT();
    CASE(PUSH_FALSE) PUSH(VAL_FALSE); NEXT();
    CASE(PUSH_EMPTY) PUSH(VAL_EMPTY); NEXT();
    CASE(PUSH_I32) PUSH(val_number((int32_t)READ_U32())); NEXT();
    CASE(PUSH_CONST) PUSH(consts[READ_U32()]); NEXT();
    CASE(PUSH_THIS) {
        if (frame->this_val == VAL_EMPTY) {
            SAVE_STATE();
            vm_throw_reference_error(vm, "Must call super constructor in derived class before "
                                         "accessing 'this' or returning from derived constructor");
            THROW();
        }
        PUSH(frame->this_val);
        NEXT();
    }
    CASE(PUSH_NEW_TARGET) PUSH(frame->new_target); NEXT();
    CASE(PUSH_CALLEE) PUSH(val_obj(frame->callee)); NEXT();
    CASE(POP) sp--; NEXT();
    CASE(DUP) { Value a = TOP(); PUSH(a); NEXT(); }
    CASE(DUP2) { Value a = PEEK(1), b = PEEK(0); PUSH(a); PUSH(b); NEXT(); }
    CASE(SWAP) { Value a = PEEK(1); PEEK(1) = PEEK(0); PEEK(0) = a; NEXT(); }
    CASE(ROT3) { Value c = PEEK(0); PEEK(0) = PEEK(1); PEEK(1) = PEEK(2); PEEK(2) = c; NEXT(); }
    CASE(ROT4) {
        Value d = PEEK(0);
        PEEK(0) = PEEK(1); PEEK(1) = PEEK(2); PEEK(2) = PEEK(3); PEEK(3) = d;
        NEXT();
    }
    CASE(NIP) { Value b = POP(); TOP() = b; NEXT(); }
    CASE(OVER) { Value a = PEEK(1); PUSH(a); NEXT(); }

    /* ---- variables ---- */
    CASE(GET_LOC) PUSH(slots[READ_U16()]); NEXT();
    CASE(GET_LOC_CHECK) {
        uint16_t i = READ_U16();
        if (slots[i] == VAL_EMPTY) {
            char nb[200];
            SAVE_STATE();
            vm_throw_reference_error(vm, "Cannot access '%s' before initialization",
                                     atom_to_cbuf(vm, frame->proto->local_names[i], nb, sizeof nb));
            THROW();
        }
        PUSH(slots[i]);
        NEXT();
    }
    CASE(SET_LOC) slots[READ_U16()] = TOP(); NEXT();
    CASE(PUT_LOC) slots[READ_U16()] = POP(); NEXT();
    CASE(SET_LOC_CHECK) {
        uint16_t i = READ_U16();
        if (slots[i] == VAL_EMPTY) {
            char nb[200];
            SAVE_STATE();
            vm_throw_reference_error(vm, "Cannot access '%s' before initialization",
                                     atom_to_cbuf(vm, frame->proto->local_names[i], nb, sizeof nb));
            THROW();
        }
        slots[i] = TOP();
        NEXT();
    }
    CASE(CLEAR_LOC) slots[READ_U16()] = VAL_EMPTY; NEXT();
    CASE(GET_VAR) PUSH(*frame->callee->u.func.vars[READ_U16()]->pvalue); NEXT();
    CASE(GET_VAR_CHECK) {
        uint16_t i = READ_U16();
        Value v = *frame->callee->u.func.vars[i]->pvalue;
        if (v == VAL_EMPTY) {
            char nb[200];
            SAVE_STATE();
            Atom nm = frame->proto->captures[i].name;
            if (frame->proto->captures[i].kind == CAPTURE_THIS || nm == ATOM_NULL)
                vm_throw_reference_error(vm, "Must call super constructor in derived class before "
                                             "accessing 'this' or returning from derived constructor");
            else
                vm_throw_reference_error(vm, "Cannot access '%s' before initialization",
                                         atom_to_cbuf(vm, nm, nb, sizeof nb));
            THROW();
        }
        PUSH(v);
        NEXT();
    }
    CASE(SET_VAR) *frame->callee->u.func.vars[READ_U16()]->pvalue = TOP(); NEXT();
    CASE(SET_VAR_CHECK) {
        uint16_t i = READ_U16();
        VarRef *r = frame->callee->u.func.vars[i];
        if (*r->pvalue == VAL_EMPTY) {
            char nb[200];
            SAVE_STATE();
            vm_throw_reference_error(vm, "Cannot access '%s' before initialization",
                                     atom_to_cbuf(vm, frame->proto->captures[i].name, nb, sizeof nb));
            THROW();
        }
        *r->pvalue = TOP();
        NEXT();
    }
    CASE(CLOSE_LOC) frame_close_vars(frame, READ_U16()); NEXT();
    CASE(GET_GLOBAL)
    CASE(GET_GLOBAL_TYPEOF) {
        Atom a = READ_U32();
        Obj *g = vm->realm->global;
        Prop *p = obj_find_own_prop(g, a);
        if (p && !(p->flags & PROP_ACCESSOR)) {
            PUSH(p->u.value);
            NEXT();
        }
        SAVE_STATE();
        if (!p && !obj_has_property(vm, g, a)) {
            if (*ip == OP_GET_GLOBAL_TYPEOF) {
                PUSH(VAL_UNDEFINED);
                NEXT();
            }
            char nb[200];
            vm_throw_reference_error(vm, "%s is not defined", atom_to_cbuf(vm, a, nb, sizeof nb));
            THROW();
        }
        Value v = obj_get(vm, g, a);
        LOAD_STATE();
        CHECK(v);
        PUSH(v);
        NEXT();
    }
    CASE(SET_GLOBAL) {
        Atom a = READ_U32();
        Obj *g = vm->realm->global;
        Prop *p = obj_find_own_prop(g, a);
        if (p && (p->flags & (PROP_ACCESSOR | PROP_WRITABLE)) == PROP_WRITABLE) {
            p->u.value = TOP();
            NEXT();
        }
        SAVE_STATE();
        if (!p && STRICT() && !obj_has_property(vm, g, a)) {
            char nb[200];
            vm_throw_reference_error(vm, "%s is not defined", atom_to_cbuf(vm, a, nb, sizeof nb));
            THROW();
        }
        bool ok = obj_set(vm, g, a, TOP(), STRICT());
        LOAD_STATE();
        if (!ok)
            THROW();
        NEXT();
    }
    CASE(DEFINE_GLOBAL) {
        Atom a = READ_U32();
        uint8_t fl = READ_U8();
        Value v = TOP();
        Obj *g = vm->realm->global;
        SAVE_STATE();
        Prop *p = obj_find_own_prop(g, a);
        bool ok = true;
        if (fl & 1) {
            if (p && !(p->flags & PROP_CONFIGURABLE))
                ok = obj_set(vm, g, a, v, true);
            else
                ok = obj_define_value(vm, g, a, v, PROP_WRITABLE | PROP_ENUMERABLE);
        } else if (!p) {
            ok = obj_define_value(vm, g, a, VAL_UNDEFINED, PROP_WRITABLE | PROP_ENUMERABLE);
        }
        LOAD_STATE();
        sp--;
        if (!ok)
            THROW();
        NEXT();
    }
    CASE(DELETE_GLOBAL) {
        Atom a = READ_U32();
        bool deleted = true;
        SAVE_STATE();
        if (!obj_delete(vm, vm->realm->global, a, &deleted))
            THROW();
        LOAD_STATE();
        PUSH(val_bool(deleted));
        NEXT();
    }
    CASE(THROW_CONST) {
        (void)READ_U32();
        SAVE_STATE();
        vm_throw_type_error(vm, "Assignment to constant variable.");
        THROW();
    }
    CASE(THROW_REF) {
        Atom a = READ_U32();
        char nb[300];
        SAVE_STATE();
        vm_throw_reference_error(vm, "%s", atom_to_cbuf(vm, a, nb, sizeof nb));
        THROW();
    }

    /* ---- properties ---- */
    CASE(GET_FIELD) {
        Atom a = READ_U32();
        Value o = TOP();
        if (val_is_object(o)) {
            Value fv = get_field_fast(val_as_obj(o), a);
            if (fv != VAL_EMPTY) {
                TOP() = fv;
                NEXT();
            }
        } else if (val_is_string(o) && a == ATOM_length) {
            TOP() = val_number(val_as_str(o)->len);
            NEXT();
        }
        SAVE_STATE();
        Value v = val_get(vm, o, a);
        LOAD_STATE();
        CHECK(v);
        TOP() = v;
        NEXT();
    }
    CASE(GET_FIELD2) {
        Atom a = READ_U32();
        Value o = TOP();
        if (val_is_object(o)) {
            Value fv = get_field_fast(val_as_obj(o), a);
            if (fv != VAL_EMPTY) {
                TOP() = fv;
                PUSH(o);
                NEXT();
            }
        }
        SAVE_STATE();
        Value v = val_get(vm, o, a);
        LOAD_STATE();
        CHECK(v);
        TOP() = v;
        PUSH(o);
        NEXT();
    }
    CASE(SET_FIELD) {
        Atom a = READ_U32();
        Value o = PEEK(1), v = PEEK(0);
        if (val_is_object(o) && set_field_fast(vm, val_as_obj(o), a, v)) {
            sp--;
            TOP() = v;
            NEXT();
        }
        SAVE_STATE();
        bool ok = val_set(vm, o, a, v, STRICT());
        LOAD_STATE();
        if (!ok)
            THROW();
        sp--;
        TOP() = v;
        NEXT();
    }
    CASE(GET_ELEM)
    CASE(GET_ELEM2) {
        Value o = PEEK(1), k = PEEK(0);
        Value v;
        if (val_is_object(o) && val_is_number(k) && val_as_obj(o)->kind == OBJ_ARRAY) {
            Obj *arr = val_as_obj(o);
            double d = val_as_number(k);
            if (d >= 0 && d < arr->u.array.dense) {
                uint32_t i = (uint32_t)d;
                if ((double)i == d && arr->u.array.elems[i] != VAL_EMPTY) {
                    v = arr->u.array.elems[i];
                    goto got_elem;
                }
            }
        }
        SAVE_STATE();
        v = val_get_by_value(vm, o, k);
        LOAD_STATE();
        CHECK(v);
    got_elem:
        if (*ip == OP_GET_ELEM2) {
            PEEK(1) = v;
            PEEK(0) = o;
        } else {
            sp--;
            TOP() = v;
        }
        NEXT();
    }
    CASE(SET_ELEM) {
        Value o = PEEK(2), k = PEEK(1), v = PEEK(0);
        if (val_is_object(o) && val_is_number(k) && val_as_obj(o)->kind == OBJ_ARRAY) {
            Obj *arr = val_as_obj(o);
            double d = val_as_number(k);
            if (d >= 0 && d < arr->u.array.dense && !(arr->flags & OBJF_LENGTH_READONLY)) {
                uint32_t i = (uint32_t)d;
                if ((double)i == d && arr->u.array.elems[i] != VAL_EMPTY) {
                    arr->u.array.elems[i] = v;
                    sp -= 2;
                    TOP() = v;
                    NEXT();
                }
            }
        }
        SAVE_STATE();
        if (val_is_nullish(o)) {
            Atom a;
            if (ToPropertyKey(vm, k, &a))
                vm_throw_not_object_access(vm, o, a, true);
            THROW();
        }
        if (val_is_object(o) && val_is_number(k) && val_as_obj(o)->kind == OBJ_ARRAY) {
            double d = val_as_number(k);
            uint32_t i = (uint32_t)d;
            if (d >= 0 && (double)i == d && i < 0x7fffffffu) {
                /* holes and appends (obj_set_index has their fast paths) */
                bool ok = obj_set_index(vm, val_as_obj(o), i, v, STRICT());
                LOAD_STATE();
                if (!ok)
                    THROW();
                sp -= 2;
                TOP() = v;
                NEXT();
            }
        }
        Atom a;
        bool ok = ToPropertyKey(vm, k, &a) && val_set(vm, o, a, v, STRICT());
        LOAD_STATE();
        if (!ok)
            THROW();
        sp -= 2;
        TOP() = v;
        NEXT();
    }
    CASE(TO_PROPKEY) {
        Value k = TOP();
        if (val_is_string(k) || val_is_symbol(k) || val_is_number(k))
            NEXT();
        SAVE_STATE();
        Atom a;
        if (!ToPropertyKey(vm, k, &a))
            THROW();
        Value kv = atom_to_value(vm, a);
        LOAD_STATE();
        TOP() = kv;
        NEXT();
    }
    CASE(DELETE_FIELD)
    CASE(DELETE_ELEM) {
        Atom a;
        Value o;
        SAVE_STATE();
        if (*ip == OP_DELETE_FIELD) {
            a = READ_U32();
            SAVE_STATE();
            o = TOP();
        } else {
            o = PEEK(1);
            if (!ToPropertyKey(vm, PEEK(0), &a))
                THROW();
        }
        if (val_is_nullish(o)) {
            char kb[200];
            atom_to_cbuf(vm, a, kb, sizeof kb);
            vm_throw_type_error(vm, "Cannot convert undefined or null to object");
            THROW();
        }
        bool deleted = true;
        if (val_is_object(o)) {
            if (!obj_delete(vm, val_as_obj(o), a, &deleted))
                THROW();
        }
        if (!deleted && STRICT()) {
            char kb[200];
            atom_to_cbuf(vm, a, kb, sizeof kb);
            StrBuf d;
            strbuf_init(&d);
            vm_describe_value(vm, o, &d);
            vm_throw_type_error(vm, "Cannot delete property '%s' of %s", kb, d.data);
            strbuf_fini(&d);
            THROW();
        }
        LOAD_STATE();
        if (*ip == OP_DELETE_ELEM)
            sp--;
        TOP() = val_bool(deleted);
        NEXT();
    }
    CASE(GET_HOME) {
        Obj *home = frame->callee ? frame->callee->u.func.home : NULL;
        PUSH(home ? val_obj(home) : VAL_UNDEFINED);
        NEXT();
    }
    CASE(GET_SUPER)
    CASE(GET_SUPER_ELEM) {
        Atom a;
        if (*ip == OP_GET_SUPER)
            a = READ_U32();
        SAVE_STATE();
        if (*ip == OP_GET_SUPER_ELEM) {
            if (!ToPropertyKey(vm, PEEK(0), &a))
                THROW();
        }
        Value home = *ip == OP_GET_SUPER ? TOP() : PEEK(1);
        Value thisv = *frame_this_ref(frame);
        if (thisv == VAL_EMPTY) {
            vm_throw_reference_error(vm, "Must call super constructor in derived class before "
                                         "accessing 'this' or returning from derived constructor");
            THROW();
        }
        Value v = VAL_UNDEFINED;
        if (val_is_object(home) && val_as_obj(home)->proto)
            v = obj_get_with_receiver(vm, val_as_obj(home)->proto, a, thisv);
        LOAD_STATE();
        CHECK(v);
        if (*ip == OP_GET_SUPER_ELEM)
            sp--;
        TOP() = v;
        NEXT();
    }
    CASE(SET_SUPER_ELEM) {
        SAVE_STATE();
        Atom a;
        if (!ToPropertyKey(vm, PEEK(1), &a))
            THROW();
        Value home = PEEK(2), v = PEEK(0);
        bool ok = true;
        if (val_is_object(home) && val_as_obj(home)->proto)
            ok = obj_set_with_receiver(vm, val_as_obj(home)->proto, a, v, *frame_this_ref(frame),
                                       true);
        LOAD_STATE();
        if (!ok)
            THROW();
        sp -= 2;
        TOP() = v;
        NEXT();
    }
    CASE(GET_PRIVATE) {
        SAVE_STATE();
        Value v = private_get(vm, PEEK(1), PEEK(0));
        LOAD_STATE();
        CHECK(v);
        sp--;
        TOP() = v;
        NEXT();
    }
    CASE(SET_PRIVATE) {
        SAVE_STATE();
        bool ok = private_set(vm, PEEK(2), PEEK(1), PEEK(0));
        LOAD_STATE();
        if (!ok)
            THROW();
        Value v = PEEK(0);
        sp -= 2;
        TOP() = v;
        NEXT();
    }
    CASE(DEFINE_PRIVATE) {
        /* PrivateFieldAdd (#sec-privatefieldadd) */
        SAVE_STATE();
        Value o = PEEK(2), s = PEEK(1), v = PEEK(0);
        if (!val_is_object(o)) {
            vm_throw_type_error(vm, "Cannot define private member on a non-object");
            THROW();
        }
        Obj *obj = val_as_obj(o);
        if (obj_find_own_prop(obj, val_as_sym(s)->atom)) {
            char b[200];
            vm_throw_type_error(vm, "Cannot initialize %s twice on the same object",
                                private_desc(val_as_sym(s), b, sizeof b));
            THROW();
        }
        Prop *p = ptab_add(vm, &obj->props, val_as_sym(s)->atom, PROP_WRITABLE);
        p->u.value = v;
        sp -= 2;
        NEXT();
    }
    CASE(SET_PRIVATE_METHOD) {
        uint8_t fl = READ_U8();
        SAVE_STATE();
        Value fn = PEEK(0);
        ObjSymbol *s = val_as_sym(PEEK(1));
        Obj *home = val_as_obj((fl & 4) ? PEEK(3) : PEEK(2));
        if (val_as_obj(fn)->kind == OBJ_FUNCTION)
            val_as_obj(fn)->u.func.home = home;
        s->private_static = (fl & 4) != 0;
        if (!(fl & 8) && val_is_object(PEEK(3)) && val_as_obj(PEEK(3))->kind == OBJ_FUNCTION) {
            Value cn = atom_to_value(vm, val_as_obj(PEEK(3))->u.func.proto->name);
            s->private_class = val_is_string(cn) ? cn : VAL_UNDEFINED;
        }
        if ((fl & 3) == 1) {
            s->private_kind = PRIVATE_METHOD;
            s->private_value = fn;
        } else {
            /* a getter or setter: both halves share one AccessorPair */
            if (s->private_kind != PRIVATE_ACCESSOR || !val_is_gc(s->private_value)) {
                AccessorPair *ap = gc_alloc(vm, GC_ACCESSOR, sizeof(AccessorPair));
                LOAD_STATE();
                ap->getter = ap->setter = VAL_UNDEFINED;
                s = val_as_sym(PEEK(1));
                s->private_kind = PRIVATE_ACCESSOR;
                s->private_value = val_obj((Obj *)(void *)ap);
            }
            AccessorPair *ap = (AccessorPair *)(void *)val_as_gc(s->private_value);
            if ((fl & 3) == 2)
                ap->getter = PEEK(0);
            else
                ap->setter = PEEK(0);
        }
        sp -= 2;
        NEXT();
    }
    CASE(DEFINE_PRIVATE_METHOD) {
        /* PrivateMethodOrAccessorAdd(O, method) (#sec-privatemethodoraccessoradd) */
        SAVE_STATE();
        Value o = PEEK(1);
        ObjSymbol *s = val_as_sym(PEEK(0));
        if (!val_is_object(o)) {
            vm_throw_type_error(vm, "Cannot define private member on a non-object");
            THROW();
        }
        Obj *obj = val_as_obj(o);
        if (obj_find_own_prop(obj, s->atom)) {
            char cb[200] = "anonymous";
            if (val_is_string(s->private_class))
                str_to_cbuf(val_as_str(s->private_class), cb, sizeof cb);
            vm_throw_type_error(vm, "Cannot initialize private methods of class %s twice on the same object",
                                cb);
            THROW();
        }
        if (s->private_kind == PRIVATE_ACCESSOR) {
            Prop *p = ptab_add(vm, &obj->props, s->atom, PROP_ACCESSOR);
            p->u.accessor = (AccessorPair *)(void *)val_as_gc(s->private_value);
        } else {
            Prop *p = ptab_add(vm, &obj->props, s->atom, 0); /* not writable */
            p->u.value = s->private_value;
        }
        sp--;
        NEXT();
    }
    CASE(HAS_PRIVATE) {
        Value s = PEEK(1), o = PEEK(0);
        SAVE_STATE();
        if (!val_is_object(o)) {
            vm_throw_type_error(vm, "Cannot use 'in' operator to search for '#...' in non-object");
            THROW();
        }
        bool has = obj_find_own_prop(val_as_obj(o), val_as_sym(s)->atom) != NULL;
        sp--;
        TOP() = val_bool(has);
        NEXT();
    }
    CASE(NEW_PRIVATE_NAME) {
        Atom a = READ_U32();
        SAVE_STATE();
        ObjString *nm = atom_to_str(vm, a); /* "#x" */
        Value d = nm ? val_str(nm) : val_str(str_empty(vm));
        ObjSymbol *s = atom_new_symbol(vm, d);
        s->is_private = true;
        LOAD_STATE();
        PUSH(val_sym(s));
        NEXT();
    }

    /* ---- literals ---- */
    CASE(NEW_OBJECT) {
        SAVE_STATE();
        Obj *o = obj_new_plain(vm);
        LOAD_STATE();
        PUSH(val_obj(o));
        NEXT();
    }
    CASE(NEW_ARRAY) {
        uint16_t n = READ_U16();
        SAVE_STATE();
        Obj *a = obj_new_array_from(vm, n, sp - n);
        LOAD_STATE();
        sp -= n;
        PUSH(val_obj(a));
        NEXT();
    }
    CASE(ARRAY_PUSH) {
        SAVE_STATE();
        Obj *a = val_as_obj(PEEK(1));
        if (!obj_array_push(vm, a, PEEK(0)))
            THROW();
        sp--;
        NEXT();
    }
    CASE(ARRAY_HOLE) {
        Obj *a = val_as_obj(TOP());
        if (a->u.array.dense == a->u.array.len && !(a->flags & OBJF_SPARSE)) {
            SAVE_STATE();
            if (!obj_array_push(vm, a, VAL_EMPTY))
                THROW();
        } else {
            a->u.array.len++;
            a->flags |= OBJF_SPARSE;
        }
        NEXT();
    }
    CASE(ARRAY_SPREAD) {
        SAVE_STATE();
        bool ok = spread_into(vm, frame, ip, val_as_obj(PEEK(1)), PEEK(0));
        LOAD_STATE();
        if (!ok)
            THROW();
        sp--;
        NEXT();
    }
    CASE(DEFINE_FIELD) {
        Atom a = READ_U32();
        Obj *lit = val_as_obj(PEEK(1));
        if (lit->kind == OBJ_ORDINARY && !atom_is_int(a) && (lit->flags & OBJF_EXTENSIBLE) &&
            !ptab_find(&lit->props, a)) {
            /* a new key of an object literal: CreateDataProperty cannot fail */
            Prop *p = ptab_add(vm, &lit->props, a, PROP_DEFAULT);
            p->u.value = POP();
            NEXT();
        }
        SAVE_STATE();
        if (!CreateDataProperty(vm, val_as_obj(PEEK(1)), a, PEEK(0)))
            THROW();
        sp--;
        NEXT();
    }
    CASE(DEFINE_ELEM) {
        SAVE_STATE();
        Atom a;
        if (!ToPropertyKey(vm, PEEK(1), &a))
            THROW();
        if (!CreateDataProperty(vm, val_as_obj(PEEK(2)), a, PEEK(0)))
            THROW();
        sp -= 2;
        NEXT();
    }
    CASE(DEFINE_METHOD) {
        Atom a = READ_U32();
        uint8_t fl = READ_U8();
        SAVE_STATE();
        if (!define_method(vm, val_as_obj(PEEK(1)), a, val_as_obj(PEEK(0)), fl))
            THROW();
        sp--;
        NEXT();
    }
    CASE(DEFINE_METHOD_ELEM) {
        uint8_t fl = READ_U8();
        SAVE_STATE();
        Atom a;
        if (!ToPropertyKey(vm, PEEK(1), &a))
            THROW();
        if (!define_method(vm, val_as_obj(PEEK(2)), a, val_as_obj(PEEK(0)), fl))
            THROW();
        sp -= 2;
        NEXT();
    }
    CASE(SET_NAME) {
        Atom a = READ_U32();
        Value f = TOP();
        if (val_is_object(f)) {
            Obj *fo = val_as_obj(f);
            Prop *p = obj_find_own_prop(fo, ATOM_name);
            if (fo->kind == OBJ_FUNCTION && p && !(p->flags & PROP_ACCESSOR) &&
                val_is_string(p->u.value) && val_as_str(p->u.value)->len == 0) {
                SAVE_STATE();
                if (!fn_set_name(vm, fo, a, NULL))
                    THROW();
            }
        }
        NEXT();
    }
    CASE(SET_NAME_ELEM) {
        Value f = PEEK(0);
        if (val_is_object(f) && val_as_obj(f)->kind == OBJ_FUNCTION) {
            SAVE_STATE();
            Atom a;
            if (!ToPropertyKey(vm, PEEK(1), &a) || !fn_set_name(vm, val_as_obj(f), a, NULL))
                THROW();
        }
        NEXT();
    }
    CASE(COPY_DATA_PROPS) {
        SAVE_STATE();
        if (!copy_data_props(vm, val_as_obj(PEEK(1)), PEEK(0), NULL))
            THROW();
        sp--;
        NEXT();
    }
    CASE(COPY_REST) {
        SAVE_STATE();
        Obj *r = obj_new_plain(vm);
        PUSH(val_obj(r));
        SAVE_STATE();
        bool ok = copy_data_props(vm, r, PEEK(2), val_as_obj(PEEK(1)));
        if (!ok)
            THROW();
        Value rv = POP();
        sp--;
        TOP() = rv;
        NEXT();
    }
    CASE(SET_PROTO) {
        Value p = PEEK(0);
        if (val_is_object(p) || val_is_null(p))
            obj_set_proto(vm, val_as_obj(PEEK(1)), val_is_null(p) ? NULL : val_as_obj(p));
        sp--;
        NEXT();
    }
    CASE(TEMPLATE_OBJECT) {
        uint32_t k = READ_U32();
        /* consts[k] is the cooked array; consts[k+1] the raw array; the first evaluation
         * freezes them and links raw (GetTemplateObject) */
        Obj *cooked = val_as_obj(consts[k]);
        if (!(cooked->flags & OBJF_LENGTH_READONLY)) {
            Obj *raw = val_as_obj(consts[k + 1]);
            SAVE_STATE();
            if (!obj_set_integrity(vm, raw, true))
                THROW();
            if (!obj_define_value(vm, cooked, ATOM_raw, val_obj(raw), 0))
                THROW();
            if (!obj_set_integrity(vm, cooked, true))
                THROW();
        }
        PUSH(val_obj(cooked));
        NEXT();
    }
    CASE(REGEXP) {
        /* #sec-regular-expression-literals-runtime-semantics-evaluation: a new object at
         * every evaluation (the compiled pattern is shared, builtins/regexp.c) */
        uint32_t k = READ_U32();
        SAVE_STATE();
        Value *pf = val_as_obj(consts[k])->u.array.elems;
        Obj *re = bi_regexp_from_literal(vm, val_as_str(pf[0]), val_as_str(pf[1]));
        if (!re)
            THROW();
        LOAD_STATE();
        PUSH(val_obj(re));
        NEXT();
    }
    CASE(CLOSURE) {
        FuncProto *p = (FuncProto *)val_as_gc(consts[READ_U32()]);
        SAVE_STATE();
        Obj *fn = closure_from(vm, frame, p);
        LOAD_STATE();
        PUSH(val_obj(fn));
        NEXT();
    }
    CASE(CLASS) {
        uint32_t k = READ_U32();
        uint8_t fl = READ_U8();
        (void)fl;
        FuncProto *p = (FuncProto *)val_as_gc(consts[k]);
        SAVE_STATE();
        Value ctor, proto;
        if (!make_class(vm, frame, p, TOP(), p->name, &ctor, &proto))
            THROW();
        LOAD_STATE();
        TOP() = ctor;
        PUSH(proto);
        NEXT();
    }
    CASE(SET_FIELDS_INIT) {
        Obj *ctor = val_as_obj(PEEK(1)), *init = val_as_obj(PEEK(0));
        ctor->u.func.fields = init;
        init->u.func.home = ctor->u.func.home;
        sp--;
        NEXT();
    }
    CASE(SET_HOME) {
        Obj *fn = val_as_obj(PEEK(1));
        if (fn->kind == OBJ_FUNCTION)
            fn->u.func.home = val_as_obj(PEEK(0));
        sp--;
        NEXT();
    }

    /* ---- operators ---- */
    CASE(ADD) {
        Value a = PEEK(1), b = PEEK(0);
        if (val_is_number(a) && val_is_number(b)) {
            sp--;
            TOP() = val_number(val_as_number(a) + val_as_number(b));
            NEXT();
        }
        SAVE_STATE();
        Value r;
        if (val_is_string(a) && val_is_string(b)) {
            ObjString *s = str_concat(vm, val_as_str(a), val_as_str(b));
            if (!s) {
                vm_throw_range_error(vm, "Invalid string length");
                THROW();
            }
            r = val_str(s);
        } else {
            r = op_add_slow(vm, a, b);
        }
        LOAD_STATE();
        CHECK(r);
        sp--;
        TOP() = r;
        NEXT();
    }
    CASE(SUB) CASE(MUL) CASE(DIV) CASE(MOD) CASE(POW) CASE(BIT_AND) CASE(BIT_OR) CASE(BIT_XOR)
    CASE(SHL) CASE(SAR) CASE(SHR) {
        Value a = PEEK(1), b = PEEK(0), r;
        if (val_is_number(a) && val_is_number(b)) {
            double x = val_as_number(a), y = val_as_number(b);
            switch (*ip) {
            case OP_SUB: r = val_number(x - y); break;
            case OP_MUL: r = val_number(x * y); break;
            case OP_DIV: r = val_number(x / y); break;
            case OP_MOD:
                /* non-negative integers (the result keeps the dividend's sign, so a
                 * negative dividend could need -0): exact integer remainder */
                if (x >= 0 && y > 0 && x <= 2147483647.0 && y <= 2147483647.0 &&
                    x == (int32_t)x && y == (int32_t)y)
                    r = val_number((int32_t)x % (int32_t)y);
                else
                    r = val_number(js_fmod(x, y));
                break;
            case OP_BIT_AND: r = val_number(numconv_to_int32(x) & numconv_to_int32(y)); break;
            case OP_BIT_OR: r = val_number(numconv_to_int32(x) | numconv_to_int32(y)); break;
            default: r = arith(vm, *ip, a, b); break;
            }
        } else {
            SAVE_STATE();
            r = arith(vm, *ip, a, b);
            LOAD_STATE();
            CHECK(r);
        }
        sp--;
        TOP() = r;
        NEXT();
    }
    CASE(EQ) CASE(NE) {
        bool eq;
        SAVE_STATE();
        if (!IsLooselyEqual(vm, PEEK(1), PEEK(0), &eq))
            THROW();
        LOAD_STATE();
        sp--;
        TOP() = val_bool(*ip == OP_EQ ? eq : !eq);
        NEXT();
    }
    CASE(STRICT_EQ) {
        bool eq = IsStrictlyEqual(PEEK(1), PEEK(0));
        sp--;
        TOP() = val_bool(eq);
        NEXT();
    }
    CASE(STRICT_NE) {
        bool eq = IsStrictlyEqual(PEEK(1), PEEK(0));
        sp--;
        TOP() = val_bool(!eq);
        NEXT();
    }
    CASE(LT) CASE(LE) CASE(GT) CASE(GE) {
        Value a = PEEK(1), b = PEEK(0);
        bool r;
        if (val_is_number(a) && val_is_number(b)) {
            double x = val_as_number(a), y = val_as_number(b);
            switch (*ip) {
            case OP_LT: r = x < y; break;
            case OP_LE: r = x <= y; break;
            case OP_GT: r = x > y; break;
            default: r = x >= y; break;
            }
        } else {
            SAVE_STATE();
            int t;
            switch (*ip) {
            case OP_LT: t = less_than(vm, a, b, true); r = t == 1; break;
            case OP_GT: t = less_than(vm, b, a, false); r = t == 1; break;
            case OP_LE: t = less_than(vm, b, a, false); r = t == 0; break;
            default: t = less_than(vm, a, b, true); r = t == 0; break;
            }
            LOAD_STATE();
            if (t == -2)
                THROW();
        }
        sp--;
        TOP() = val_bool(r);
        NEXT();
    }
    CASE(IN) {
        Value k = PEEK(1), o = PEEK(0);
        SAVE_STATE();
        if (!val_is_object(o)) {
            StrBuf a, b;
            strbuf_init(&a);
            strbuf_init(&b);
            vm_describe_value(vm, k, &a);
            vm_describe_value(vm, o, &b);
            vm_throw_type_error(vm, "Cannot use 'in' operator to search for '%s' in %s", a.data,
                                b.data);
            strbuf_fini(&a);
            strbuf_fini(&b);
            THROW();
        }
        Atom a;
        if (!ToPropertyKey(vm, k, &a))
            THROW();
        bool has = obj_has_property(vm, val_as_obj(o), a);
        LOAD_STATE();
        sp--;
        TOP() = val_bool(has);
        NEXT();
    }
    CASE(INSTANCEOF) {
        bool r;
        SAVE_STATE();
        if (!InstanceofOperator(vm, PEEK(1), PEEK(0), &r))
            THROW();
        LOAD_STATE();
        sp--;
        TOP() = val_bool(r);
        NEXT();
    }
    CASE(NEG) CASE(PLUS) CASE(BIT_NOT) CASE(INC) CASE(DEC) CASE(TO_NUMERIC) {
        Value a = TOP();
        double x;
        if (val_is_number(a)) {
            x = val_as_number(a);
        } else {
            SAVE_STATE();
            if (!ToNumber(vm, a, &x))
                THROW();
            LOAD_STATE();
        }
        switch (*ip) {
        case OP_NEG: x = -x; break;
        case OP_BIT_NOT: x = ~numconv_to_int32(x); break;
        case OP_INC: x = x + 1; break;
        case OP_DEC: x = x - 1; break;
        default: break;
        }
        TOP() = val_number(x);
        NEXT();
    }
    CASE(NOT) TOP() = val_bool(!ToBoolean(TOP())); NEXT();
    CASE(TO_STRING) {
        if (!val_is_string(TOP())) {
            SAVE_STATE();
            ObjString *s = ToString(vm, TOP());
            if (!s)
                THROW();
            LOAD_STATE();
            TOP() = val_str(s);
        }
        NEXT();
    }
    CASE(TYPEOF) {
        Atom a = val_typeof(TOP());
        TOP() = val_str((ObjString *)atom_entry(vm, a));
        NEXT();
    }

    /* ---- control flow ---- */
    CASE(JUMP) {
        int32_t off = (int32_t)READ_U32();
        pc += off;
        if (off < 0) {
            SAVE_STATE();
            if (!vm_check_limits(vm))
                THROW();
        }
        NEXT();
    }
    CASE(JUMP_IF_FALSE) {
        int32_t off = (int32_t)READ_U32();
        if (!ToBoolean(POP()))
            pc += off;
        NEXT();
    }
    CASE(JUMP_IF_TRUE) {
        int32_t off = (int32_t)READ_U32();
        if (ToBoolean(POP()))
            pc += off;
        NEXT();
    }
    CASE(JUMP_IF_NULLISH) {
        int32_t off = (int32_t)READ_U32();
        if (val_is_nullish(POP()))
            pc += off;
        NEXT();
    }
    CASE(JUMP_IF_NOT_NULLISH) {
        int32_t off = (int32_t)READ_U32();
        if (!val_is_nullish(POP()))
            pc += off;
        NEXT();
    }
    CASE(JUMP_IF_NOT_UNDEFINED) {
        int32_t off = (int32_t)READ_U32();
        if (!val_is_undefined(POP()))
            pc += off;
        NEXT();
    }

    /* ---- calls ---- */
    CASE(CALL) CASE(NEW) CASE(CALL_APPLY) CASE(NEW_APPLY) {
        bool is_new = *ip == OP_NEW || *ip == OP_NEW_APPLY;
        bool apply = *ip == OP_CALL_APPLY || *ip == OP_NEW_APPLY;
        int argc;
        Value *base, *argv;
        if (apply) {
            base = sp - (is_new ? 2 : 3);
            Obj *arr = val_as_obj(sp[-1]);
            argc = (int)arr->u.array.dense;
            argv = arr->u.array.elems;
        } else {
            argc = READ_U16();
            base = sp - argc - (is_new ? 1 : 2);
            argv = base + (is_new ? 1 : 2);
        }
        Value fnv = base[0];
        Value thisv = is_new ? VAL_UNDEFINED : base[1];
        SAVE_STATE();
        if (!vm_check_limits(vm))
            THROW();
        uint32_t pop = (uint32_t)(sp - base);
        if (is_new) {
            if (!IsConstructor(fnv)) {
                throw_not_callable(vm, frame, ip, fnv, "is not a constructor");
                THROW();
            }
        } else if (!IsCallable(fnv)) {
            throw_not_callable(vm, frame, ip, fnv, "is not a function");
            THROW();
        }
        Obj *fn = val_as_obj(fnv);
        if (fn->kind == OBJ_FUNCTION) {
            Value tv = thisv;
            if (is_new) {
                if (!construct_this(vm, fn, fnv, &tv))
                    THROW();
                LOAD_STATE();
                argv = apply ? val_as_obj(sp[-1])->u.array.elems : base + 1;
            }
            gc_root_push(vm, &tv);
            Frame *nf = setup_frame(vm, fn, tv, argc, argv, is_new ? fnv : VAL_UNDEFINED,
                                    is_new ? FRAME_CONSTRUCT : 0);
            gc_root_pop(vm, 1);
            if (!nf)
                THROW();
            nf->caller_pop = pop;
            if (is_async_fn(fn->u.func.proto)) {
                Value ar = start_async(vm, nf);
                LOAD_STATE();
                CHECK(ar);
                sp -= pop;
                PUSH(ar);
                NEXT();
            }
            LOAD_STATE();
            NEXT();
        }
        Value r = is_new ? vm_construct(vm, fnv, argc, argv, fnv)
                         : vm_call(vm, fnv, thisv, argc, argv);
        LOAD_STATE();
        CHECK(r);
        sp -= pop;
        PUSH(r);
        NEXT();
    }
    CASE(SUPER_CALL) CASE(SUPER_CALL_APPLY) {
        int argc;
        Value *argv;
        uint32_t pop;
        if (*ip == OP_SUPER_CALL) {
            argc = READ_U16();
            argv = sp - argc;
            pop = (uint32_t)argc;
        } else {
            Obj *arr = val_as_obj(sp[-1]);
            argc = (int)arr->u.array.dense;
            argv = arr->u.array.elems;
            pop = 1;
        }
        SAVE_STATE();
        Value r = super_construct(vm, frame->callee, frame->callee, argc, argv,
                                  frame->new_target);
        LOAD_STATE();
        CHECK(r);
        if (frame->this_val != VAL_EMPTY) {
            vm_throw_reference_error(vm, "Super constructor may only be called once");
            THROW();
        }
        frame->this_val = r;
        sp -= pop;
        PUSH(r);
        SAVE_STATE();
        if (!run_field_init(vm, frame->callee, r))
            THROW();
        LOAD_STATE();
        NEXT();
    }
    CASE(SUPER_CALL_ARROW) {
        Obj *active = val_as_obj(PEEK(2));
        Obj *arr = val_as_obj(PEEK(0));
        SAVE_STATE();
        Value r = super_construct(vm, active, frame->callee, (int)arr->u.array.dense,
                                  arr->u.array.elems, PEEK(1));
        LOAD_STATE();
        CHECK(r);
        Value *thisp = frame_this_ref(frame);
        if (*thisp != VAL_EMPTY) {
            vm_throw_reference_error(vm, "Super constructor may only be called once");
            THROW();
        }
        *thisp = r;
        sp -= 2;
        TOP() = r;
        SAVE_STATE();
        if (!run_field_init(vm, active, r))
            THROW();
        LOAD_STATE();
        NEXT();
    }
    CASE(INIT_FIELDS) {
        SAVE_STATE();
        if (!run_field_init(vm, frame->callee, frame->this_val))
            THROW();
        LOAD_STATE();
        NEXT();
    }
    CASE(CALL_METHOD0) {
        Value o = PEEK(1), f = PEEK(0);
        SAVE_STATE();
        if (val_as_obj(f)->kind == OBJ_FUNCTION && val_is_object(o))
            val_as_obj(f)->u.func.home = val_as_obj(o);
        Value r = vm_call(vm, f, o, 0, NULL);
        LOAD_STATE();
        CHECK(r);
        sp--;
        TOP() = r;
        NEXT();
    }
    CASE(RETURN) {
        ret_value = POP();
        if (frame->proto->nhandlers)
            goto return_unwind;
        goto do_return;
    }
    CASE(RETURN_UNDEF) {
        ret_value = VAL_UNDEFINED;
        if (frame->proto->nhandlers)
            goto return_unwind;
        goto do_return;
    }

    /* ---- exceptions ---- */
    CASE(THROW) {
        Value v = POP();
        SAVE_STATE();
        vm_throw(vm, v);
        THROW();
    }
    CASE(THROW_TYPE) {
        uint32_t k = READ_U32();
        SAVE_STATE();
        char b[512];
        str_to_cbuf(val_as_str(consts[k]), b, sizeof b);
        vm_throw_type_error(vm, "%s", b);
        THROW();
    }
    CASE(END_FINALLY) {
        int type = (int)val_as_number(POP());
        Value v = POP();
        switch (type) {
        case COMPLETION_NORMAL:
            NEXT();
        case COMPLETION_THROW:
            SAVE_STATE();
            vm_rethrow(vm, v);
            THROW();
        case COMPLETION_RETURN:
            ret_value = v;
            goto return_unwind;
        default:
            pc = frame->proto->code + (uint32_t)val_as_number(v);
            NEXT();
        }
    }

    /* ---- iteration ---- */
    CASE(GET_ITERATOR) {
        Value iter, next;
        SAVE_STATE();
        if (!get_iterator(vm, frame, ip, TOP(), &iter, &next))
            THROW();
        LOAD_STATE();
        TOP() = iter;
        PUSH(next);
        NEXT();
    }
    CASE(FOR_OF_NEXT) {
        int32_t off = (int32_t)READ_U32();
        Value v;
        SAVE_STATE();
        if (!vm_check_limits(vm))
            THROW();
        int s = IteratorStep(vm, PEEK(1), PEEK(0), &v);
        LOAD_STATE();
        if (s < 0)
            THROW();
        if (s == 0)
            pc += off;
        else
            PUSH(v);
        NEXT();
    }
    CASE(ITER_NEXT_OR_UNDEF) {
        Value v = VAL_UNDEFINED;
        if (PEEK(0) != VAL_EMPTY) {
            SAVE_STATE();
            int s = IteratorStep(vm, PEEK(1), PEEK(0), &v);
            LOAD_STATE();
            if (s < 0) {
                PEEK(0) = VAL_EMPTY;
                THROW();
            }
            if (s == 0) {
                PEEK(0) = VAL_EMPTY;
                v = VAL_UNDEFINED;
            }
        }
        PUSH(v);
        NEXT();
    }
    CASE(ITER_REST) {
        SAVE_STATE();
        Obj *arr = obj_new_array(vm, 0);
        PUSH(val_obj(arr));
        SAVE_STATE();
        while (PEEK(1) != VAL_EMPTY) {
            Value v;
            int s = IteratorStep(vm, PEEK(2), PEEK(1), &v);
            LOAD_STATE();
            if (s < 0) {
                PEEK(1) = VAL_EMPTY;
                THROW();
            }
            if (s == 0) {
                PEEK(1) = VAL_EMPTY;
                break;
            }
            if (!obj_array_push(vm, val_as_obj(PEEK(0)), v))
                THROW();
        }
        NEXT();
    }
    CASE(ITER_CLOSE) {
        Value iter = PEEK(1), next = PEEK(0);
        SAVE_STATE();
        if (next != VAL_EMPTY && !IteratorClose(vm, iter, false))
            THROW();
        LOAD_STATE();
        sp -= 2;
        NEXT();
    }
    CASE(ITER_CLOSE_FINALLY) {
        int type = (int)val_as_number(PEEK(0));
        /* next is empty once destructuring exhausted the iterator (or next() threw) */
        if (type != COMPLETION_NORMAL && PEEK(2) != VAL_EMPTY) {
            SAVE_STATE();
            if (type == COMPLETION_THROW) {
                vm_throw(vm, PEEK(1));
                (void)!IteratorClose(vm, PEEK(3), true); /* the throw completion stays */
                vm_take_exception(vm);
            } else if (!IteratorClose(vm, PEEK(3), false)) {
                THROW();
            }
            LOAD_STATE();
        }
        NEXT();
    }
    CASE(FOR_IN_START) {
        SAVE_STATE();
        Obj *it = new_for_in_iterator(vm, TOP());
        LOAD_STATE();
        if (!it)
            THROW();
        TOP() = val_obj(it);
        NEXT();
    }
    CASE(FOR_IN_NEXT) {
        int32_t off = (int32_t)READ_U32();
        Obj *it = val_as_obj(TOP());
        Value keysv = it->u.host.slots[1];
        for (;;) {
            if (!val_is_object(keysv)) {
                pc += off;
                break;
            }
            Obj *keys = val_as_obj(keysv);
            uint32_t i = (uint32_t)val_as_number(it->u.host.slots[2]);
            if (i >= keys->u.array.dense) {
                pc += off;
                break;
            }
            it->u.host.slots[2] = val_number(i + 1);
            Value k = keys->u.array.elems[i];
            SAVE_STATE();
            Atom a;
            if (!ToPropertyKey(vm, k, &a))
                THROW();
            if (!obj_has_property(vm, val_as_obj(it->u.host.slots[0]), a))
                continue; /* deleted during the loop */
            PUSH(k);
            break;
        }
        NEXT();
    }
    CASE(ARGUMENTS) CASE(MAPPED_ARGUMENTS) {
        SAVE_STATE();
        Obj *a = new_arguments(vm, frame, *ip == OP_MAPPED_ARGUMENTS);
        LOAD_STATE();
        PUSH(val_obj(a));
        NEXT();
    }
    CASE(REST) {
        uint16_t from = READ_U16();
        SAVE_STATE();
        uint32_t n = frame->argc > from ? frame->argc - from : 0;
        Obj *a = obj_new_array_from(vm, n, frame->argv + from);
        LOAD_STATE();
        PUSH(val_obj(a));
        NEXT();
    }

    /* ---- generators ---- */
    CASE(INITIAL_YIELD) {
        /* #sec-generatorstart / #sec-asyncgeneratorstart: the generator object, via
         * OrdinaryCreateFromConstructor(functionObject, "%GeneratorPrototype%") */
        SAVE_STATE();
        Activation *act = frame->act;
        bool is_async = (frame->proto->flags & FP_ASYNC) != 0;
        Value pv = obj_get(vm, frame->callee, ATOM_prototype);
        CHECK(pv);
        Obj *gproto = val_is_object(pv) ? val_as_obj(pv)
                                        : realm_intrinsic(vm, is_async ? INTR_AsyncGeneratorPrototype
                                                                       : INTR_GeneratorPrototype);
        Obj *gen;
        if (is_async) {
            gen = asyncgen_create(vm, act, gproto);
        } else {
            gen = obj_new_kind(vm, OBJ_GENERATOR, gproto);
            gen->u.gen.act = act;
            act->owner = gen;
            act->state = GEN_SUSPENDED_START;
            gc_root_push_ptr(vm, &gen);
            async_register_activation(vm, act, TFV_ACT_KIND_GENERATOR, 0);
            gc_root_pop(vm, 1);
        }
        LOAD_STATE();
        SAVE_STATE();
        ret_value = val_obj(gen);
        goto suspend;
    }
    CASE(YIELD) {
        ret_value = POP();
        SAVE_STATE();
        frame->act->state = GEN_SUSPENDED_YIELD;
        goto suspend;
    }
    CASE(AWAIT) CASE(AWAIT_COMPLETION) {
        /* ecma262 #sec-await (async.h): register the resumption, then suspend */
        SAVE_STATE();
        if (!Await(vm, frame->act, TOP())) {
            /* PromiseResolve threw: a throw completion of the await */
            if (*ip == OP_AWAIT || vm->terminated)
                THROW();
            LOAD_STATE();
            TOP() = vm_take_exception(vm);
            PUSH(val_number(RESUME_THROW));
            NEXT();
        }
        sp--;
        SAVE_STATE();
        frame->act->state = GEN_SUSPENDED_YIELD;
        if (*ip == OP_AWAIT_COMPLETION) {
            frame->act->resume_kind = RESUME_KIND_AWAIT_COMPLETION;
            frame->act->await_mode = RESUME_NEXT;
        }
        ret_value = VAL_UNDEFINED;
        goto suspend;
    }
    CASE(RESUMPTION_AWAIT_RETURN) {
        /* AsyncGeneratorUnwrapYieldResumption (#sec-asyncgeneratorunwrapyieldresumption):
         * 1. If resumptionValue is not a return completion, return ? resumptionValue.
         * 2. Let awaited be Completion(Await(resumptionValue.[[Value]])).
         * 3. If awaited is a throw completion, return ? awaited.
         * 5. Return ReturnCompletion(awaited.[[Value]]). */
        if ((int)val_as_number(TOP()) != RESUME_RETURN)
            NEXT();
        SAVE_STATE();
        if (!Await(vm, frame->act, PEEK(1))) {
            if (vm->terminated)
                THROW();
            LOAD_STATE();
            PEEK(1) = vm_take_exception(vm);
            TOP() = val_number(RESUME_THROW);
            NEXT();
        }
        sp -= 2;
        SAVE_STATE();
        frame->act->state = GEN_SUSPENDED_YIELD;
        frame->act->resume_kind = RESUME_KIND_AWAIT_COMPLETION;
        frame->act->await_mode = RESUME_RETURN;
        ret_value = VAL_UNDEFINED;
        goto suspend;
    }
    CASE(ASYNC_YIELD) {
        /* Yield(value) in an async generator: AsyncGeneratorYield(? Await(value)), the
         * Await being the AWAIT before this instruction */
        Value v = POP();
        SAVE_STATE();
        Value rv = VAL_UNDEFINED;
        int rm = RESUME_NEXT;
        int st = AsyncGeneratorYield(vm, frame->act, v, &rv, &rm);
        LOAD_STATE();
        if (st < 0)
            THROW();
        if (st > 0) {
            PUSH(rv);
            PUSH(val_number(rm));
            NEXT();
        }
        frame->act->state = GEN_SUSPENDED_YIELD;
        frame->act->resume_kind = RESUME_KIND_COMPLETION;
        ret_value = VAL_UNDEFINED;
        goto suspend;
    }
    CASE(YIELD_RESUME) {
        int m = (int)val_as_number(POP());
        if (m == RESUME_NEXT)
            NEXT();
        ret_value = POP();
        if (m == RESUME_THROW) {
            SAVE_STATE();
            vm_throw(vm, ret_value);
            THROW();
        }
        goto return_unwind;
    }
    CASE(YIELD_DELEGATE) {
        /* GeneratorYield(innerResult) (#sec-generatoryield) of yield*: the inner result
         * object is the resumer's next() result as it is */
        ret_value = POP();
        SAVE_STATE();
        frame->act->state = GEN_SUSPENDED_YIELD;
        frame->act->resume_kind = RESUME_KIND_COMPLETION;
        frame->act->yield_raw = 1;
        goto suspend;
    }
    CASE(YIELD_STAR_CALL) {
        /* yield* step 7: call next, throw or return on the inner iterator by the received
         * completion's type */
        int32_t off = (int32_t)READ_U32();
        int m = (int)val_as_number(PEEK(0));
        Value r;
        SAVE_STATE();
        if (m == RESUME_NEXT) {
            /* a.i. Let innerResult be ? Call(iteratorRecord.[[NextMethod]],
             *      iteratorRecord.[[Iterator]], « received.[[Value]] »). */
            r = vm_call(vm, PEEK(2), PEEK(3), 1, sp - 2);
        } else {
            /* b.i. Let throw be ? GetMethod(iterator, "throw").
             * c.ii. Let return be ? GetMethod(iterator, "return"). */
            Value meth = val_get(vm, PEEK(3), m == RESUME_THROW ? ATOM_throw : ATOM_return);
            LOAD_STATE();
            CHECK(meth);
            if (val_is_nullish(meth)) {
                /* b.iii / c.iii: the compiled code at off closes the iterator and throws,
                 * or returns received.[[Value]] */
                pc += off;
                NEXT();
            }
            if (!IsCallable(meth)) {
                vm_throw_type_error(vm, "%s is not a function",
                                    m == RESUME_THROW ? "throw" : "return");
                THROW();
            }
            /* b.ii.1 Let innerResult be ? Call(throw, iterator, « received.[[Value]] »).
             * c.iv. Let innerReturnResult be ? Call(return, iterator, « received.[[Value]] »). */
            r = vm_call(vm, meth, PEEK(3), 1, sp - 2);
        }
        LOAD_STATE();
        CHECK(r);
        PEEK(1) = val_number(m);
        PEEK(0) = r;
        NEXT();
    }
    CASE(YIELD_STAR_RESULT) {
        /* yield* steps 7.a.iii-vii (7.b.ii.4-8, 7.c.vi-x): the inner result */
        int32_t off = (int32_t)READ_U32();
        int m = (int)val_as_number(PEEK(1));
        SAVE_STATE();
        int done = iter_result_done(vm, TOP());
        LOAD_STATE();
        if (done < 0)
            THROW();
        bool is_async = (frame->proto->flags & FP_ASYNC) != 0;
        if (done || is_async) {
            Value v = obj_get(vm, val_as_obj(TOP()), ATOM_value);
            LOAD_STATE();
            CHECK(v);
            if (done) {
                if (m == RESUME_RETURN) {
                    /* c.viii. If done is true, return ReturnCompletion(? IteratorValue) */
                    ret_value = v;
                    goto return_unwind;
                }
                /* a.v. If done is true, return ? IteratorValue(innerResult). */
                sp -= 4;
                PUSH(v);
                pc += off;
                NEXT();
            }
            /* async: AsyncGeneratorYield(? IteratorValue(innerResult)) follows */
            TOP() = v;
        }
        PEEK(1) = TOP();
        sp--;
        NEXT();
    }
    CASE(GET_ASYNC_ITERATOR) {
        Value iter, next;
        SAVE_STATE();
        if (!GetAsyncIterator(vm, TOP(), site_text(frame, ip), &iter, &next))
            THROW();
        LOAD_STATE();
        TOP() = iter;
        PUSH(next);
        NEXT();
    }
    CASE(ITER_CALL_NEXT) {
        SAVE_STATE();
        if (!vm_check_limits(vm))
            THROW();
        Value r = vm_call(vm, PEEK(0), PEEK(1), 0, NULL);
        LOAD_STATE();
        CHECK(r);
        PUSH(r);
        NEXT();
    }
    CASE(ITER_RESULT) {
        int32_t off = (int32_t)READ_U32();
        SAVE_STATE();
        int done = iter_result_done(vm, TOP());
        LOAD_STATE();
        if (done < 0)
            THROW();
        if (done) {
            sp--;
            pc += off;
            NEXT();
        }
        Value v = obj_get(vm, val_as_obj(TOP()), ATOM_value);
        LOAD_STATE();
        CHECK(v);
        TOP() = v;
        NEXT();
    }
    CASE(ASYNC_CLOSE_CALL) {
        /* AsyncIteratorClose(iteratorRecord, completion) (#sec-asynciteratorclose)
         * 3. Let innerResult be Completion(GetMethod(iterator, "return")).
         * 4. If innerResult is a normal completion, then
         *   a. Let return be innerResult.[[Value]].
         *   b. If return is undefined, return ? completion.
         *   c. Set innerResult to Completion(Call(return, iterator)).
         *   d. If innerResult is a normal completion, set innerResult to
         *      Completion(Await(innerResult.[[Value]])). (AWAIT_COMPLETION follows)
         * 5. If completion is a throw completion, return ? completion. */
        int32_t off = (int32_t)READ_U32();
        int type = (int)val_as_number(PEEK(0));
        if (type == COMPLETION_NORMAL) {
            pc += off;
            NEXT();
        }
        SAVE_STATE();
        Value meth = val_get(vm, PEEK(3), ATOM_return);
        Value r = VAL_UNDEFINED;
        if (meth != VAL_EXCEPTION && !val_is_nullish(meth)) {
            if (IsCallable(meth))
                r = vm_call(vm, meth, PEEK(3), 0, NULL);
            else
                r = vm_throw_type_error(vm, "%s is not a function", "return");
        }
        LOAD_STATE();
        if (meth == VAL_EXCEPTION || r == VAL_EXCEPTION) {
            if (type != COMPLETION_THROW || vm->terminated)
                THROW(); /* 6. If innerResult is a throw completion, return ? innerResult. */
            vm_take_exception(vm);
            pc += off;
            NEXT();
        }
        if (val_is_nullish(meth)) {
            pc += off;
            NEXT();
        }
        PUSH(r);
        NEXT();
    }
    CASE(ASYNC_CLOSE_CHECK) {
        /* AsyncIteratorClose steps 5-9 after the Await */
        int rm = (int)val_as_number(POP());
        Value r = POP();
        int type = (int)val_as_number(PEEK(0));
        if (type == COMPLETION_THROW)
            NEXT(); /* 5. If completion is a throw completion, return ? completion. */
        SAVE_STATE();
        if (rm == RESUME_THROW) {
            /* 6. If innerResult is a throw completion, return ? innerResult. */
            vm_throw(vm, r);
            THROW();
        }
        if (!val_is_object(r)) {
            /* 7. If innerResult.[[Value]] is not an Object, throw a TypeError exception. */
            vm_throw_type_error_describing(vm, "Iterator result %s is not an object", r, false);
            THROW();
        }
        NEXT(); /* 8. Return ? completion. (END_FINALLY follows) */
    }

    /* ---- misc ---- */
    CASE(DEBUGGER) NEXT();
    CASE(CHECK_OBJECT_COERCIBLE) {
        Atom a = READ_U32();
        if (val_is_nullish(TOP())) {
            SAVE_STATE();
            const char *what = val_is_null(TOP()) ? "null" : "undefined";
            ObjString *t = bc_site_text(frame->proto, (uint32_t)(ip - frame->proto->code));
            char tb[200], kb[200];
            if (t)
                str_to_cbuf(t, tb, sizeof tb);
            else
                snprintf(tb, sizeof tb, "%s", what);
            if (a != ATOM_NULL)
                vm_throw_type_error(vm, "Cannot destructure property '%s' of '%s' as it is %s.",
                                    atom_to_cbuf(vm, a, kb, sizeof kb), tb, what);
            else
                vm_throw_type_error(vm, "Cannot destructure '%s' as it is %s.", tb, what);
            THROW();
        }
        NEXT();
    }
    case OP__COUNT:
    default:
        SAVE_STATE();
        die(EXIT_INTERNAL, "bad opcode %u at pc %u", *ip, (unsigned)(ip - frame->proto->code));
    }

    /* ---- leaving a frame ---- */
return_unwind: {
    /* a return crosses the finally blocks that enclose it (#sec-try-statement-runtime-
     * semantics-evaluation): jump to the innermost one with a return completion */
    Handler *h = find_handler(frame->proto, (uint32_t)(ip - frame->proto->code), true);
    if (h) {
        sp = slots + frame->proto->nparams + frame->proto->nlocals + h->depth;
        PUSH(ret_value);
        PUSH(val_number(COMPLETION_RETURN));
        pc = frame->proto->code + h->target;
        NEXT();
    }
}
do_return: {
    SAVE_STATE(); /* async.h: act->frame.pc is the return */
    Value v = ret_value;
    Frame *f = frame;
    if (f->flags & FRAME_CONSTRUCT) {
        if (!val_is_object(v)) {
            if ((f->proto->flags & FP_DERIVED) && !val_is_undefined(v)) {
                SAVE_STATE();
                vm_throw_type_error(vm, "Derived constructors may only return object or undefined");
                THROW();
            }
            if (f->this_val == VAL_EMPTY) {
                SAVE_STATE();
                vm_throw_reference_error(vm, "Must call super constructor in derived class before "
                                             "accessing 'this' or returning from derived constructor");
                THROW();
            }
            v = f->this_val;
        }
    }
    uint32_t fl = f->flags, pop = f->caller_pop;
    unlink_frame(vm, f);
    if (fl & FRAME_ENTRY) {
        result = v;
        goto out;
    }
    LOAD_STATE();
    sp -= pop;
    PUSH(v);
    NEXT();
}
suspend: {
    /* the activation keeps its frame; the caller continues (#sec-generatoryield) */
    Frame *f = frame;
    vm->frame = f->caller;
    vm->depth--;
    f->caller = NULL;
    uint32_t fl = f->flags, pop = f->caller_pop;
    f->flags &= ~(uint32_t)FRAME_ENTRY;
    if (fl & FRAME_ENTRY) {
        result = ret_value;
        goto out;
    }
    LOAD_STATE();
    sp -= pop;
    PUSH(ret_value);
    NEXT();
}
exception:
    for (;;) {
        Frame *f = vm->frame;
        frame = f;
        if (!vm->terminated && f->proto->nhandlers) {
            Handler *h = find_handler(f->proto, (uint32_t)(ip - f->proto->code), false);
            if (h) {
                pc = f->proto->code + h->target;
                slots = f->slots;
                consts = f->proto->consts;
                sp = slots + f->proto->nparams + f->proto->nlocals + h->depth;
                Value e = vm_take_exception(vm);
                PUSH(e);
                if (h->kind == HANDLER_FINALLY)
                    PUSH(val_number(COMPLETION_THROW));
                NEXT();
            }
        }
        uint32_t fl = f->flags;
        unlink_frame(vm, f);
        if (fl & FRAME_ENTRY) {
            result = VAL_EXCEPTION;
            goto out;
        }
        LOAD_STATE();
        ip = pc - 1;
    }
out:
    return result;
#undef LOAD_STATE
#undef SAVE_STATE
#undef PUSH
#undef POP
#undef TOP
#undef PEEK
#undef READ_U8
#undef READ_U16
#undef READ_U32
#undef THROW
#undef CHECK
#undef STRICT
#undef CASE
#undef NEXT
#undef VM_COMPUTED_GOTO
}
