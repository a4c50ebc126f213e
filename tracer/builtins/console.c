/* builtins/console.c — the console object, as node 20's lib/internal/console/
 * constructor.js has it: log/info/debug/dirxml write to the program's standard output
 * stream, warn/error/trace to its error stream, one vm_console_write per line (so each
 * line is one `log` event, whose `method` is the console method); the text is
 * inspect_format_args (tracer/inspect.h). Also dir (util.inspect with customInspect
 * off), table, group/groupCollapsed/groupEnd (every line of console output is indented
 * by the group depth, two spaces a level, as node's kWriteToConsole does), assert,
 * count/countReset, and time/timeLog/timeEnd on the host's virtual clock (formatted as
 * node's formatTime). node's process warnings ("Count for 'x' does not exist") go
 * through the host (host_emit_warning). The per-realm state (the group indent, the
 * counters and timers) is a hidden object, the realm's %ConsoleState%. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tracer/host.h"
#include "tracer/inspect.h"
#include "tracer/numconv.h"
#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/vm.h"

enum { C_LOG, C_INFO, C_DEBUG, C_DIRXML, C_WARN, C_ERROR, C_TRACE };
static const char *const method_names[] = {"log",  "info",  "debug", "dirxml",
                                           "warn", "error", "trace"};

/* ==== state ============================================================================= */

/* %ConsoleState%: slots[0] the counters (label → count), slots[1] the timers (label →
 * start ms), both null-prototype objects; slots[2] the group indent (a number). */
static Obj *state_of(Vm *vm) {
    return realm_intrinsic(vm, INTR_ConsoleState);
}

static uint32_t group_indent(Vm *vm) {
    Obj *st = state_of(vm);
    return st && val_is_number(st->u.host.slots[2]) ? (uint32_t)val_as_number(st->u.host.slots[2])
                                                     : 0;
}

/* ==== writing =========================================================================== */

/* kWriteToConsole: text, each line indented by the group depth, one write per line. */
static void console_emit(Vm *vm, ConsoleStream stream, const char *method, const char *text,
                         size_t len) {
    uint32_t indent = group_indent(vm);
    const char *saved = vm->console_method;
    vm->console_method = method;
    StrBuf line;
    strbuf_init(&line);
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || text[i] == '\n') {
            strbuf_clear(&line);
            for (uint32_t k = 0; k < indent; k++)
                strbuf_putc(&line, ' ');
            strbuf_put(&line, text + start, i - start);
            vm_console_write(vm, stream, line.data, line.len);
            start = i + 1;
        }
    }
    strbuf_fini(&line);
    vm->console_method = saved;
}

static Value print_args(Vm *vm, int magic, int argc, const Value *argv) {
    StrBuf sb;
    strbuf_init(&sb);
    if (magic == C_TRACE)
        strbuf_puts(&sb, "Trace: ");
    if (!inspect_format_args(vm, argc, argv, &sb)) {
        strbuf_fini(&sb);
        return VAL_EXCEPTION;
    }
    if (magic == C_TRACE) {
        if (sb.len == 7)
            sb.len = 5, sb.data[5] = 0; /* "Trace" alone */
        vm_capture_stack(vm, &sb);
    }
    console_emit(vm, magic >= C_WARN ? CONSOLE_ERR : CONSOLE_OUT, method_names[magic], sb.data,
                 sb.len);
    strbuf_fini(&sb);
    return VAL_UNDEFINED;
}

/* log, info, debug, dirxml, warn, error, trace */
static NATIVE(console_print) {
    return print_args(vm, ctx->magic, argc, argv);
}

/* console.dir(object, options): util.inspect(object, { customInspect: false, ...options }) */
static NATIVE(console_dir) {
    InspectOptions o;
    inspect_options_init(&o);
    o.custom_inspect = false;
    if (!inspect_options_from_object(vm, ARG(1), &o))
        return VAL_EXCEPTION;
    StrBuf sb;
    strbuf_init(&sb);
    bool ok = inspect_value_opts(vm, ARG(0), &o, &sb);
    if (ok)
        console_emit(vm, CONSOLE_OUT, "dir", sb.data, sb.len);
    strbuf_fini(&sb);
    return ok ? VAL_UNDEFINED : VAL_EXCEPTION;
}

/* console.table(data, properties) */
static NATIVE(console_table) {
    StrBuf sb;
    strbuf_init(&sb);
    bool ok = inspect_console_table(vm, ARG(0), ARG(1), &sb);
    if (ok)
        console_emit(vm, CONSOLE_OUT, "table", sb.data, sb.len);
    strbuf_fini(&sb);
    return ok ? VAL_UNDEFINED : VAL_EXCEPTION;
}

/* ==== groups ============================================================================ */

/* group(...data) / groupCollapsed(...data): logs data when there is some, then indents */
static NATIVE(console_group) {
    if (argc > 0 && print_args(vm, C_LOG, argc, argv) == VAL_EXCEPTION)
        return VAL_EXCEPTION;
    Obj *st = state_of(vm);
    st->u.host.slots[2] = val_number(group_indent(vm) + 2); /* groupIndentation: 2 */
    return VAL_UNDEFINED;
}

static NATIVE(console_group_end) {
    uint32_t n = group_indent(vm);
    state_of(vm)->u.host.slots[2] = val_number(n >= 2 ? n - 2 : 0);
    return VAL_UNDEFINED;
}

/* ==== assert ============================================================================ */

/* assert(expression, ...args): args[0] = `Assertion failed${args.length === 0 ? '' :
 * `: ${args[0]}`}`, then warn(...args) */
static NATIVE(console_assert) {
    if (ToBoolean(ARG(0)))
        return VAL_UNDEFINED;
    int n = argc > 1 ? argc - 1 : 1;
    Value *args = xcalloc((size_t)n, sizeof(Value));
    for (int i = 0; i < n; i++)
        args[i] = VAL_UNDEFINED;
    Obj *holder = obj_new_array(vm, 0); /* roots the message while the rest is formatted */
    gc_root_push_ptr(vm, &holder);
    Value r = VAL_EXCEPTION;
    ObjString *first = NULL;
    if (argc > 1) {
        ObjString *s = ToString(vm, argv[1]);
        if (!s)
            goto out;
        StrBuilder b;
        sbld_init(&b);
        sbld_put_ascii(&b, "Assertion failed: ");
        sbld_put_str(&b, s);
        first = sbld_finish(vm, &b);
        sbld_fini(&b);
    } else {
        first = str_new_cstr(vm, "Assertion failed");
    }
    if (!obj_array_push(vm, holder, val_str(first)))
        goto out;
    args[0] = val_str(first);
    for (int i = 1; i < n; i++)
        args[i] = argv[i + 1];
    r = print_args(vm, C_WARN, n, args);
out:
    gc_root_pop(vm, 1);
    free(args);
    return r;
}

/* ==== count, time ======================================================================= */

/* label = `${label}` with label defaulting to 'default' (undefined counts as absent) */
static ObjString *label_of(Vm *vm, int argc, const Value *argv) {
    if (argc == 0 || val_is_undefined(argv[0]))
        return str_new_cstr(vm, "default");
    return ToString(vm, argv[0]);
}

/* process.emitWarning(message) as node's console does it, when a host is attached. */
static void console_warning(Vm *vm, const char *fmt, ObjString *label) {
    HostState *hs = host_state(vm);
    if (!hs)
        return;
    StrBuf l;
    strbuf_init(&l);
    str_to_utf8(label, &l);
    char msg[600];
    snprintf(msg, sizeof msg, fmt, l.data);
    strbuf_fini(&l);
    host_emit_warning(hs, "Warning", msg);
}

/* count(label = 'default') / countReset(label = 'default'); magic 1 resets */
static NATIVE(console_count) {
    ObjString *label = label_of(vm, argc, argv);
    if (!label)
        return VAL_EXCEPTION;
    gc_root_push_ptr(vm, &label);
    Obj *counts = val_as_obj(state_of(vm)->u.host.slots[0]);
    Atom key = atom_from_str(vm, label);
    Prop *p = obj_find_own_prop(counts, key);
    Value r = VAL_UNDEFINED;
    if (ctx->magic == 1) {
        if (!p)
            console_warning(vm, "Count for '%s' does not exist", label);
        else
            p->u.value = val_number(0);
    } else {
        double n = p ? val_as_number(p->u.value) + 1 : 1;
        if (p)
            p->u.value = val_number(n);
        else if (!obj_define_value(vm, counts, key, val_number(n), PROP_DEFAULT))
            r = VAL_EXCEPTION;
        if (r != VAL_EXCEPTION) {
            StrBuf sb;
            strbuf_init(&sb);
            str_to_utf8(label, &sb);
            char nb[NUMCONV_DTOA_SIZE];
            NumberToString(n, nb);
            strbuf_printf(&sb, ": %s", nb);
            console_emit(vm, CONSOLE_OUT, "count", sb.data, sb.len);
            strbuf_fini(&sb);
        }
    }
    gc_root_pop(vm, 1);
    return r;
}

/* node's formatTime(ms) (lib/internal/util/debuglog.js) */
static void format_time(double ms, StrBuf *out) {
    const double ksec = 1000, kmin = 60 * ksec, khour = 60 * kmin;
    double hours = 0, minutes = 0, seconds = 0;
    if (ms >= ksec) {
        if (ms >= kmin) {
            if (ms >= khour) {
                hours = floor(ms / khour);
                ms = fmod(ms, khour);
            }
            minutes = floor(ms / kmin);
            ms = fmod(ms, kmin);
        }
        seconds = ms / ksec;
    }
    char b[64];
    if (hours != 0 || minutes != 0) {
        snprintf(b, sizeof b, "%.3f", seconds); /* seconds.toFixed(3), split at '.' */
        char *dot = strchr(b, '.');
        *dot = 0;
        if (hours != 0)
            strbuf_printf(out, "%.0f:%02.0f", hours, minutes);
        else
            strbuf_printf(out, "%.0f", minutes);
        strbuf_printf(out, ":%02d.%s (%sm:ss.mmm)", atoi(b), dot + 1, hours != 0 ? "h:m" : "");
        return;
    }
    if (seconds != 0) {
        snprintf(b, sizeof b, "%.3fs", seconds);
        strbuf_puts(out, b);
        return;
    }
    snprintf(b, sizeof b, "%.3f", ms); /* Number(ms.toFixed(3)) */
    char nb[NUMCONV_DTOA_SIZE];
    NumberToString(strtod(b, NULL), nb);
    strbuf_printf(out, "%sms", nb);
}

enum { T_TIME, T_LOG, T_END };

/* time(label) / timeLog(label, ...data) / timeEnd(label) on the virtual clock */
static NATIVE(console_time) {
    ObjString *label = label_of(vm, argc, argv);
    if (!label)
        return VAL_EXCEPTION;
    gc_root_push_ptr(vm, &label);
    Obj *timers = val_as_obj(state_of(vm)->u.host.slots[1]);
    Atom key = atom_from_str(vm, label);
    Prop *p = obj_find_own_prop(timers, key);
    double now = host_now_ms(vm);
    Value r = VAL_UNDEFINED;
    if (ctx->magic == T_TIME) {
        if (p)
            console_warning(vm, "Label '%s' already exists for console.time()", label);
        else if (!obj_define_value(vm, timers, key, val_number(now), PROP_DEFAULT))
            r = VAL_EXCEPTION;
    } else if (!p) {
        console_warning(vm, ctx->magic == T_END ? "No such label '%s' for console.timeEnd()"
                                                : "No such label '%s' for console.timeLog()",
                        label);
    } else {
        StrBuf sb;
        strbuf_init(&sb);
        str_to_utf8(label, &sb);
        strbuf_puts(&sb, ": ");
        format_time(now - val_as_number(p->u.value), &sb);
        if (ctx->magic == T_END) {
            bool deleted;
            if (!obj_delete(vm, timers, key, &deleted))
                vm_take_exception(vm);
        }
        /* this.log('%s: %s', label, formatted, ...data): the data follow, formatted */
        if (ctx->magic == T_LOG && argc > 1) {
            StrBuf rest;
            strbuf_init(&rest);
            if (!inspect_format_args(vm, argc - 1, argv + 1, &rest)) {
                r = VAL_EXCEPTION;
            } else {
                strbuf_putc(&sb, ' ');
                strbuf_put(&sb, rest.data, rest.len);
            }
            strbuf_fini(&rest);
        }
        if (r != VAL_EXCEPTION)
            console_emit(vm, CONSOLE_OUT, ctx->magic == T_END ? "timeEnd" : "timeLog", sb.data,
                         sb.len);
        strbuf_fini(&sb);
    }
    gc_root_pop(vm, 1);
    return r;
}

/* console.clear(): the output is never a terminal here, so there is nothing to clear */
static NATIVE(console_clear) {
    return VAL_UNDEFINED;
}

static const BuiltinEntry console_fns[] = {
    BI_METHOD_MAGIC("log", console_print, 0, C_LOG),
    BI_METHOD_MAGIC("warn", console_print, 0, C_WARN),
    BI_METHOD("dir", console_dir, 0),
    BI_METHOD_MAGIC("time", console_time, 0, T_TIME),
    BI_METHOD_MAGIC("timeEnd", console_time, 0, T_END),
    BI_METHOD_MAGIC("timeLog", console_time, 0, T_LOG),
    BI_METHOD_MAGIC("trace", console_print, 0, C_TRACE),
    BI_METHOD("assert", console_assert, 0),
    BI_METHOD("clear", console_clear, 0),
    BI_METHOD_MAGIC("count", console_count, 0, 0),
    BI_METHOD_MAGIC("countReset", console_count, 0, 1),
    BI_METHOD("group", console_group, 0),
    BI_METHOD("groupEnd", console_group_end, 0),
    BI_METHOD("table", console_table, 0),
    BI_METHOD_MAGIC("debug", console_print, 0, C_DEBUG),
    BI_METHOD_MAGIC("info", console_print, 0, C_INFO),
    BI_METHOD_MAGIC("dirxml", console_print, 0, C_DIRXML),
    BI_METHOD_MAGIC("error", console_print, 0, C_ERROR),
    BI_METHOD("groupCollapsed", console_group, 0),
};

void bi_console_init(Vm *vm) {
    Obj *st = obj_new_kind(vm, OBJ_HOST, NULL);
    vm->realm->intrinsics[INTR_ConsoleState] = st;
    Obj *counts = obj_new(vm, NULL);
    st->u.host.slots[0] = val_obj(counts);
    Obj *timers = obj_new(vm, NULL);
    st->u.host.slots[1] = val_obj(timers);
    st->u.host.slots[2] = val_number(0);
    Obj *c = obj_new_plain(vm);
    gc_root_push_ptr(vm, &c);
    vm->realm->intrinsics[INTR_Console] = c;
    realm_define_entries(vm, c, console_fns, ARRAY_LEN(console_fns));
    realm_define_global(vm, "console", val_obj(c));
    gc_root_pop(vm, 1);
}
