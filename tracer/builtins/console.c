/* builtins/console.c — the console object: log/info/debug write to the program's
 * standard output stream, warn/error/trace to its error stream (as node does), one
 * vm_console_write per line; the text is inspect_format_args (tracer/inspect.h).
 * console.trace prefixes "Trace: " and appends the stack. */
#include <string.h>

#include "tracer/inspect.h"
#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/vm.h"

enum { C_LOG, C_INFO, C_DEBUG, C_WARN, C_ERROR, C_TRACE };

static NATIVE(console_print) {
    StrBuf sb;
    strbuf_init(&sb);
    if (ctx->magic == C_TRACE)
        strbuf_puts(&sb, "Trace: ");
    if (!inspect_format_args(vm, argc, argv, &sb)) {
        strbuf_fini(&sb);
        return VAL_EXCEPTION;
    }
    if (ctx->magic == C_TRACE) {
        if (sb.len == 7)
            sb.len = 5, sb.data[5] = 0; /* "Trace" alone */
        vm_capture_stack(vm, &sb, 0);
    }
    ConsoleStream stream = ctx->magic >= C_WARN ? CONSOLE_ERR : CONSOLE_OUT;
    /* one write per line, so that each becomes one log event */
    size_t start = 0;
    for (size_t i = 0; i <= sb.len; i++) {
        if (i == sb.len || sb.data[i] == '\n') {
            vm_console_write(vm, stream, sb.data + start, i - start);
            start = i + 1;
        }
    }
    strbuf_fini(&sb);
    return VAL_UNDEFINED;
}

static const BuiltinEntry console_fns[] = {
    BI_METHOD_MAGIC("log", console_print, 0, C_LOG),
    BI_METHOD_MAGIC("info", console_print, 0, C_INFO),
    BI_METHOD_MAGIC("debug", console_print, 0, C_DEBUG),
    BI_METHOD_MAGIC("warn", console_print, 0, C_WARN),
    BI_METHOD_MAGIC("error", console_print, 0, C_ERROR),
    BI_METHOD_MAGIC("trace", console_print, 0, C_TRACE),
};

void bi_console_init(Vm *vm) {
    Obj *c = obj_new_plain(vm);
    gc_root_push_ptr(vm, &c);
    vm->realm->intrinsics[INTR_Console] = c;
    realm_define_entries(vm, c, console_fns, ARRAY_LEN(console_fns));
    realm_define_global(vm, "console", val_obj(c));
    gc_root_pop(vm, 1);
}
