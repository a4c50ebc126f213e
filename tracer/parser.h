/* parser.h — JavaScript source text to AST (tracer/ast.h), with automatic semicolon
 * insertion (ecma262 #sec-automatic-semicolon-insertion) and the early errors the
 * specification requires (redeclarations, invalid assignment targets, await/yield misuse,
 * labels, strict-mode restrictions...). Error messages use V8's wording as node 20 prints
 * it, at the line:col node reports (columns in UTF-16 code units, see srcpos.h).
 *
 * The parser stops at the first error. It never asserts, crashes or hangs on any input:
 * nesting deeper than PARSE_MAX_DEPTH gives "RangeError: Maximum call stack size exceeded"
 * (what node says for such input; node's own limit is between 1000 and 2000 nested
 * parentheses). Each nesting level and also each link of a left-deep chain (a + b + c,
 * a.b.c, f()()) counts, so a tree it returns is at most about 3 * PARSE_MAX_DEPTH nodes
 * deep: recursive consumers such as the compiler can rely on that bound. (node accepts
 * longer `+` chains; ours stop at PARSE_MAX_DEPTH links.) The parser itself needs about
 * 1 MB of C stack at the bound (1.5 MB under ASan).
 *
 * Goals: PARSE_SCRIPT (sloppy unless "use strict"; top-level await is an error, as node
 * reports for .js files), PARSE_COMMONJS (the same, plus what node's CommonJS function
 * wrapper allows: top-level return) and PARSE_MODULE (a .mjs file or --module: strict,
 * top-level await, import/export declarations at the top level).
 *
 * Source positions: see srcpos.h. Strings in the AST are UTF-8 / UTF-16 as ast.h says. */
#ifndef TICKSCOPE_PARSER_H
#define TICKSCOPE_PARSER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "common/strbuf.h"
#include "tracer/ast.h"
#include "tracer/srcpos.h"

/* Maximum nesting of expressions and statements (each level is a few C frames). */
#define PARSE_MAX_DEPTH 1000

typedef enum {
    PARSE_SCRIPT = 0, /* a Script (#sec-scripts): what vm.Script / eval accept */
    PARSE_MODULE,     /* a Module (#sec-modules) */
    PARSE_COMMONJS,   /* a Script as node compiles a CommonJS .js file: its body is a
                         function body, so a top-level `return` and `new.target` are allowed
                         (await stays an error, as node reports) */
} ParseGoal;

typedef struct {
    SrcPos pos;         /* where node reports the error (1-based line/col) */
    const char *name;   /* "SyntaxError", or "RangeError" for too deep nesting */
    char message[256];  /* V8's text, e.g. "Unexpected token ')'" */
} ParseError;

/* Parse src[0..len) (UTF-8; a BOM and a #! line are skipped) into a NODE_PROGRAM whose
 * nodes and strings live in arena. On error returns NULL and fills *err; what was allocated stays in the arena (freed with
 * it). The arena must have been initialized with ast_arena_init. */
Node *parse_program(AstArena *arena, const char *src, size_t len, ParseGoal goal,
                    ParseError *err) WARN_UNUSED;

/* Format err as node-like diagnostics:
 *   file.js:LINE:COL: SyntaxError: <message>
 *   <the source line>
 *   <spaces>^
 * The caret line repeats the line's tabs so the caret lines up; the caret sits under the
 * error column (UTF-16 units, so a character outside the BMP takes two columns there:
 * terminals usually show it two cells wide). Appends to out, each line ending in '\n'. */
void parse_error_format(const ParseError *err, const char *file, const char *src, size_t len,
                        StrBuf *out);
/* The same, written to f. */
void parse_error_print(const ParseError *err, const char *file, const char *src, size_t len,
                       FILE *f);

#endif
