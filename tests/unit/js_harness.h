/* js_harness.h — helpers shared by the engine's unit tests: run a JavaScript source in a
 * fresh Vm and read globals back. Header-only (static functions) so that each test binary
 * stays one file plus the library. */
#ifndef TICKSCOPE_TEST_JS_HARNESS_H
#define TICKSCOPE_TEST_JS_HARNESS_H

#include <string.h>

#include "tracer/ast.h"
#include "tracer/compiler.h"
#include "tracer/parser.h"
#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/vm.h"

/* Compiles and runs src as a script whose top-level var/function declarations are
 * globals. Returns false on a SyntaxError or an uncaught exception (left pending). */
static inline bool js_run(Vm *vm, const char *src) {
    AstArena arena;
    ast_arena_init(&arena);
    ParseError err;
    memset(&err, 0, sizeof err);
    Node *prog = parse_program(&arena, src, strlen(src), PARSE_SCRIPT, &err);
    FuncProto *p = NULL;
    if (prog) {
        CompileOptions opt = {.script_vars_global = true};
        p = comp_compile_program(vm, prog, "test.js", src, strlen(src), &opt, &err);
    }
    ast_arena_fini(&arena);
    if (!p)
        return false;
    return vm_run_script(vm, p) != VAL_EXCEPTION;
}

static inline Value js_global(Vm *vm, const char *name) {
    return obj_get(vm, vm->realm->global, atom_intern(vm, name));
}

static inline double js_global_number(Vm *vm, const char *name) {
    Value v = js_global(vm, name);
    return val_is_number(v) ? val_as_number(v) : -12345.0;
}

/* The global as UTF-8 in buf (strings only; "" otherwise). */
static inline const char *js_global_string(Vm *vm, const char *name, char *buf, size_t cap) {
    Value v = js_global(vm, name);
    buf[0] = 0;
    if (val_is_string(v))
        str_to_cbuf(val_as_str(v), buf, cap);
    return buf;
}

#endif
