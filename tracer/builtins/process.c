/* builtins/process.c — node's `process` (minimal) and `global`, for the node hosts only
 * (host_builtins.def): process.nextTick(fn, ...args), process.exit([code]) and
 * process.exitCode, process.argv (["node", the program's absolute path, its arguments]),
 * process.env (an empty object: runs do not depend on the environment), process.platform,
 * process.version, process.stdout.write / process.stderr.write (text without a newline
 * continues on the next console line), process.hrtime([previous]) on the virtual clock.
 * Not provided: process.on and the other events (a program that listens for
 * 'unhandledRejection' behaves as if it did not). */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tracer/host.h"
#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/vm.h"

static NATIVE(process_next_tick) {
    HostState *hs = host_state(vm);
    if (!IsCallable(ARG(0))) {
        StrBuf sb;
        strbuf_init(&sb);
        host_describe_received(vm, ARG(0), &sb);
        Value r = host_throw_node_error(vm, INTR_TypeErrorPrototype, "ERR_INVALID_ARG_TYPE",
                                        "The \"callback\" argument must be of type function. %s",
                                        sb.data);
        strbuf_fini(&sb);
        return r;
    }
    Value args = VAL_UNDEFINED;
    if (argc > 1)
        args = val_obj(obj_new_array_from(vm, (uint32_t)(argc - 1), argv + 1));
    node_next_tick(hs, ARG(0), args);
    return VAL_UNDEFINED;
}

/* process.exit([code]): the code, else process.exitCode, else 0; ends the run now. */
static NATIVE(process_exit) {
    HostState *hs = host_state(vm);
    int code = host_normal_exit_code(hs);
    if (argc > 0 && !val_is_undefined(argv[0])) {
        double d;
        if (!ToNumber(vm, argv[0], &d))
            return VAL_EXCEPTION;
        code = isfinite(d) ? (int)((int64_t)d & 0xff) : 0;
    }
    host_request_exit(hs, code);
    return VAL_EXCEPTION;
}

/* process.hrtime([time]): [seconds, nanoseconds] of the virtual clock, or the
 * difference from an earlier reading. */
static NATIVE(process_hrtime) {
    uint64_t ns = host_now_us(vm) * 1000;
    double sec = (double)(ns / 1000000000u), nsec = (double)(ns % 1000000000u);
    if (val_is_object(ARG(0))) {
        Value ps = obj_get_index(vm, val_as_obj(ARG(0)), 0);
        if (ps == VAL_EXCEPTION)
            return VAL_EXCEPTION;
        Value pn = obj_get_index(vm, val_as_obj(ARG(0)), 1);
        if (pn == VAL_EXCEPTION)
            return VAL_EXCEPTION;
        double s0, n0;
        if (!ToNumber(vm, ps, &s0) || !ToNumber(vm, pn, &n0))
            return VAL_EXCEPTION;
        sec -= s0;
        nsec -= n0;
        if (nsec < 0) {
            sec -= 1;
            nsec += 1e9;
        }
    }
    Value v[2] = {val_number(sec), val_number(nsec)};
    return val_obj(obj_new_array_from(vm, 2, v));
}

/* stream.write(chunk): magic 1 = stdout, 2 = stderr */
static NATIVE(stream_write) {
    HostState *hs = host_state(vm);
    ObjString *s = ToString(vm, ARG(0));
    if (!s)
        return VAL_EXCEPTION;
    StrBuf sb;
    strbuf_init(&sb);
    str_to_utf8(s, &sb);
    host_write_stream(hs, ctx->magic, sb.data, sb.len);
    strbuf_fini(&sb);
    return VAL_TRUE;
}

static const BuiltinEntry process_fns[] = {
    BI_METHOD("nextTick", process_next_tick, 1),
    BI_METHOD("exit", process_exit, 1),
    BI_METHOD("hrtime", process_hrtime, 1),
    BI_STRING("platform", "linux"),
    BI_STRING("version", "v20.20.2"),
};

static const BuiltinEntry stdout_fns[] = {
    BI_METHOD_MAGIC("write", stream_write, 1, 1),
};

static const BuiltinEntry stderr_fns[] = {
    BI_METHOD_MAGIC("write", stream_write, 1, 2),
};

/* o.name = v (v is rooted while the key is interned) */
static void define(Vm *vm, Obj *o, const char *name, Value v) {
    gc_root_push(vm, &v);
    Atom key = atom_intern(vm, name);
    if (!obj_define_value(vm, o, key, v, PROP_DEFAULT))
        vm_take_exception(vm);
    gc_root_pop(vm, 1);
}

void bi_process_host_init(Vm *vm, HostState *hs) {
    Obj *p = obj_new_plain(vm);
    gc_root_push_ptr(vm, &p);
    realm_define_entries(vm, p, process_fns, ARRAY_LEN(process_fns));
    if (hs->kind == HOST_NODE10)
        define(vm, p, "version", val_str(str_new_cstr(vm, "v10.24.1")));
    define(vm, p, "exitCode", VAL_UNDEFINED);
    define(vm, p, "env", val_obj(obj_new_plain(vm)));
    Obj *out = obj_new_plain(vm);
    define(vm, p, "stdout", val_obj(out)); /* reachable from p from now on */
    realm_define_entries(vm, out, stdout_fns, ARRAY_LEN(stdout_fns));
    Obj *err = obj_new_plain(vm);
    define(vm, p, "stderr", val_obj(err));
    realm_define_entries(vm, err, stderr_fns, ARRAY_LEN(stderr_fns));
    /* argv: node, the program (absolute, as node resolves it), its arguments */
    Obj *av = obj_new_array(vm, 0);
    define(vm, p, "argv", val_obj(av));
    Value item = val_str(str_new_cstr(vm, "node"));
    gc_root_push(vm, &item);
    if (!obj_array_push(vm, av, item))
        vm_take_exception(vm);
    if (hs->opts.program) {
        char *abs = realpath(hs->opts.program, NULL);
        item = val_str(str_new_cstr(vm, abs ? abs : hs->opts.program));
        free(abs);
        if (!obj_array_push(vm, av, item))
            vm_take_exception(vm);
    }
    for (int i = 0; i < hs->opts.argc; i++) {
        item = val_str(str_new_cstr(vm, hs->opts.argv[i]));
        if (!obj_array_push(vm, av, item))
            vm_take_exception(vm);
    }
    gc_root_pop(vm, 1);
    hs->process = p;
    realm_define_global(vm, "process", val_obj(p));
    realm_define_global(vm, "global", val_obj(vm->realm->global));
    gc_root_pop(vm, 1);
}
