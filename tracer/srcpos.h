/* srcpos.h — a position in a JavaScript source text. Set by the lexer, carried by every
 * token and AST node, copied into the compiler's pc→pos tables and into trace events.
 *
 * offset is a 0-based byte offset into the UTF-8 source. line and col are 1-based.
 * col counts UTF-16 code units from the start of the line (plus one), which is what
 * V8/node 20 print in "file.js:LINE:COL" and in stack traces: a character outside the
 * BMP (an emoji) counts 2, any other character (é, 中) counts 1, whatever its UTF-8
 * length. Lines end at LF, CR (a CRLF pair is one line end), U+2028 and U+2029, the
 * ECMA-262 LineTerminators. A SrcPos of all zeros means "no position". */
#ifndef TICKSCOPE_SRCPOS_H
#define TICKSCOPE_SRCPOS_H

#include <stdint.h>

typedef struct {
    uint32_t offset; /* byte offset into the source, 0-based */
    uint32_t line;   /* 1-based line number */
    uint32_t col;    /* 1-based column, in UTF-16 code units */
} SrcPos;

#endif
