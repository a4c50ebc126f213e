/* compiler.h — AST (tracer/ast.h) to bytecode (tracer/bytecode.h). One pass over each
 * function: declarations are hoisted at scope entry from the parser's decl lists, so
 * identifier resolution (scope.h) sees every binding of a scope before its first use.
 * The result is the script's FuncProto with every nested function as a constant. The AST
 * arena may be freed as soon as comp_compile_program returns. */
#ifndef TICKSCOPE_COMPILER_H
#define TICKSCOPE_COMPILER_H

#include <stdbool.h>

#include "tracer/ast.h"
#include "tracer/bytecode.h"
#include "tracer/parser.h"

typedef struct {
    /* true: top-level var/function declarations become properties of the global object
     * (an ECMAScript Script, as in browsers and test262); false: they are locals of the
     * top-level function, as in a CommonJS module under node */
    bool script_vars_global;
} CompileOptions;

/* Compiles a NODE_PROGRAM. filename and the UTF-8 source text are kept (as JS strings)
 * for stack traces and Function.prototype.toString. On a construct the compiler does
 * not support yet, returns NULL and fills *err (a SyntaxError "... is not supported
 * yet" at the construct's position). */
FuncProto *comp_compile_program(Vm *vm, Node *program, const char *filename, const char *src,
                                size_t len, const CompileOptions *opt, ParseError *err);

#endif
