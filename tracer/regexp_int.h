/* regexp_int.h — private to the regular-expression engine: the program format that the
 * compiler (regexp.c) writes and the matcher (regexp_exec.c) runs. A program is an array
 * of int32 words: an opcode (RI_*, with the RI_BACK and RI_ICASE bits) and its operands,
 * plus the classes it refers to by index. */
#ifndef TICKSCOPE_REGEXP_INT_H
#define TICKSCOPE_REGEXP_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "tracer/regexp.h"

/* Instruction words: the low byte is the opcode; RI_BACK marks matchers that read to the
 * left (inside a lookbehind). Operands follow as int32 words. */
enum {
    RI_CHAR = 1,   /* c: the character c */
    RI_CHAR_I,     /* c: a character whose Canonicalize is c */
    RI_ANY,        /* any character (dot with s) */
    RI_DOT,        /* any character but a LineTerminator */
    RI_CLASS,      /* k: a character in class k */
    RI_BOL,        /* ^ without m */
    RI_EOL,        /* $ without m */
    RI_MBOL,       /* ^ with m */
    RI_MEOL,       /* $ with m */
    RI_WORDB,      /* \b */
    RI_NWORDB,     /* \B */
    RI_SPLIT,      /* off: try the next instruction, and on failure pc+off */
    RI_SPLIT_LAZY, /* off: try pc+off, and on failure the next instruction */
    RI_JMP,        /* off */
    RI_OPEN,       /* k: group k starts here (its other end becomes undefined) */
    RI_CLOSE,      /* k: group k ends here */
    RI_RESET,      /* from to: groups [from, to) become undefined */
    RI_BACKREF,    /* k: the text of group k (case-insensitively with RI_ICASE) */
    RI_LOOP_INIT,  /* r: register r (the iteration count) = 0 */
    RI_LOOP,       /* r min max greedy exit: decide whether to run one more iteration */
    RI_SET_POS,    /* p: register p = the current position */
    RI_LOOP_END,   /* r p min head: the empty-iteration check, count + 1, jump to head */
    RI_STAR,       /* min max greedy mlen, then a single-character matcher of mlen words */
    RI_LOOK,       /* kind end: a lookaround whose body follows; end = pc after LOOK_END */
    RI_LOOK_END,   /* kind */
    RI_MATCH,
};
#define RI_BACK 0x100
#define RI_ICASE 0x200
#define RE_INF 0x7fffffff

enum { LOOK_NEG = 1, LOOK_BEHIND = 2 };

typedef struct {
    uint32_t *r; /* ranges, [lo, hi] pairs */
    uint32_t n;
    bool invert;
    uint32_t low[8]; /* membership bitmap for characters < 256 (before invert) */
} ReClass;

struct ReProg {
    int32_t *code;
    uint32_t code_len;
    unsigned flags;
    uint32_t ncaps; /* including group 0 */
    uint32_t nregs;
    ReClass *classes;
    uint32_t nclasses;
    uint16_t **names; /* per group, NULL when unnamed */
    uint32_t *name_lens;
    bool has_names;
    int32_t first_unit; /* every match starts with this code unit, or -1 */
    bool anchored;      /* every match starts at 0 (^ without m first) */
};

static inline bool re_is_hi(uint32_t c) {
    return c >= 0xd800 && c <= 0xdbff;
}
static inline bool re_is_lo(uint32_t c) {
    return c >= 0xdc00 && c <= 0xdfff;
}

/* Membership of c in sorted, disjoint [lo, hi] pairs r[0 .. 2n). */
static inline bool re_ranges_have(const uint32_t *r, uint32_t n, uint32_t c) {
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (c < r[2 * mid])
            hi = mid;
        else if (c > r[2 * mid + 1])
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

#endif
