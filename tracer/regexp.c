/* regexp.c — the regular-expression engine (regexp.h), first half: the pattern parser and
 * the code generator (the matcher is regexp_exec.c; the program format regexp_int.h).
 *
 * The parser follows the pattern grammar of ECMA-262 (#sec-patterns) with the Annex B
 * extensions when neither u nor v is set (#sec-regular-expressions-patterns: `]`, `{` and
 * `}` as literals, legacy octal escapes, `\c` without a letter, identity escapes,
 * quantified lookaheads) and the v flag's ClassSetExpression (nested classes, &&, --,
 * \q{...} strings), and reports V8's texts for early errors. It builds a small tree
 * (ReNode) that the code generator turns into a word-coded program; the tree is needed
 * because a lookbehind's body runs backward (#sec-compilesubpattern, direction), which
 * reverses the order of a sequence. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "tracer/lexer.h"
#include "tracer/regexp.h"
#include "tracer/regexp_int.h"

const char re_flag_letters[] = "dgimsuvy";

bool re_parse_flags(const uint16_t *s, uint32_t len, unsigned *flags) {
    unsigned f = 0;
    for (uint32_t i = 0; i < len; i++) {
        const char *p = s[i] && s[i] < 0x80 ? strchr(re_flag_letters, (int)s[i]) : NULL;
        if (!p)
            return false;
        unsigned bit = 1u << (p - re_flag_letters);
        if (f & bit)
            return false;
        f |= bit;
    }
    if ((f & RE_FLAG_UNICODE) && (f & RE_FLAG_UNICODE_SETS))
        return false;
    *flags = f;
    return true;
}

/* ==== character sets ======================================================================= */

/* A set of code points as sorted, disjoint, non-adjacent [lo, hi] pairs once normalized. */
typedef struct {
    uint32_t *r;
    uint32_t n, cap; /* pairs */
} CharSet;

static void cs_add(CharSet *cs, uint32_t lo, uint32_t hi) {
    if (cs->n == cs->cap) {
        cs->cap = cs->cap ? cs->cap * 2 : 8;
        cs->r = xrealloc(cs->r, cs->cap * 2 * sizeof(uint32_t));
    }
    cs->r[2 * cs->n] = lo;
    cs->r[2 * cs->n + 1] = hi;
    cs->n++;
}

static int cmp_pair(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static void cs_normalize(CharSet *cs) {
    if (cs->n < 2)
        return;
    qsort(cs->r, cs->n, 2 * sizeof(uint32_t), cmp_pair);
    uint32_t w = 0;
    for (uint32_t i = 1; i < cs->n; i++) {
        uint32_t lo = cs->r[2 * i], hi = cs->r[2 * i + 1];
        if (lo <= cs->r[2 * w + 1] + 1) {
            if (hi > cs->r[2 * w + 1])
                cs->r[2 * w + 1] = hi;
        } else {
            w++;
            cs->r[2 * w] = lo;
            cs->r[2 * w + 1] = hi;
        }
    }
    cs->n = w + 1;
}

static bool cs_has(const uint32_t *r, uint32_t n, uint32_t c) {
    return re_ranges_have(r, n, c);
}

/* The complement within [0, max] (normalized input). */
static void cs_invert(CharSet *cs, uint32_t max) {
    CharSet out = {0};
    uint32_t next = 0;
    for (uint32_t i = 0; i < cs->n; i++) {
        if (cs->r[2 * i] > next)
            cs_add(&out, next, cs->r[2 * i] - 1);
        next = cs->r[2 * i + 1] + 1;
    }
    if (next <= max && (cs->n == 0 || cs->r[2 * cs->n - 1] < max))
        cs_add(&out, next, max);
    free(cs->r);
    *cs = out;
}

/* CharacterClassEscape sets (#sec-compiletocharset, CharacterClassEscape). */
static void cs_add_digits(CharSet *cs) {
    cs_add(cs, '0', '9');
}
static void cs_add_space(CharSet *cs) {
    /* WhiteSpace and LineTerminator (#sec-white-space, #sec-line-terminators) */
    static const uint32_t sp[][2] = {{0x09, 0x0d}, {0x20, 0x20},     {0xa0, 0xa0},
                                     {0x1680, 0x1680}, {0x2000, 0x200a}, {0x2028, 0x2029},
                                     {0x202f, 0x202f}, {0x205f, 0x205f}, {0x3000, 0x3000},
                                     {0xfeff, 0xfeff}};
    for (size_t i = 0; i < ARRAY_LEN(sp); i++)
        cs_add(cs, sp[i][0], sp[i][1]);
}
/* WordCharacters (#sec-wordcharacters): with u and i, also the characters that
 * canonicalize into the basic set (U+017F and U+212A). */
static void cs_add_word(CharSet *cs, bool unicode_icase) {
    cs_add(cs, '0', '9');
    cs_add(cs, 'A', 'Z');
    cs_add(cs, '_', '_');
    cs_add(cs, 'a', 'z');
    if (unicode_icase) {
        cs_add(cs, 0x17f, 0x17f);
        cs_add(cs, 0x212a, 0x212a);
    }
}

/* Closes a normalized set under case equivalence, so that "some a in A has
 * Canonicalize(a) = Canonicalize(ch)" (#sec-runtime-semantics-charactersetmatcher-abstract-
 * operation) becomes plain membership of ch. */
static void cs_close_case(CharSet *cs, bool unicode) {
    const uint32_t *members;
    const uint16_t *starts;
    uint32_t ncls;
    re_fold_table(unicode, &members, &starts, &ncls);
    uint32_t n0 = cs->n;
    uint32_t *r0 = xmalloc((n0 ? n0 : 1) * 2 * sizeof(uint32_t));
    if (n0)
        memcpy(r0, cs->r, n0 * 2 * sizeof(uint32_t));
    for (uint32_t k = 0; k < ncls; k++) {
        bool any = false;
        for (uint32_t j = starts[k]; j < starts[k + 1] && !any; j++)
            any = cs_has(r0, n0, members[j]);
        if (any)
            for (uint32_t j = starts[k]; j < starts[k + 1]; j++)
                cs_add(cs, members[j], members[j]);
    }
    free(r0);
    cs_normalize(cs);
}

/* ==== the program ========================================================================== */

uint32_t re_capture_count(const ReProg *prog) {
    return prog->ncaps;
}
unsigned re_flags(const ReProg *prog) {
    return prog->flags;
}
bool re_has_named_groups(const ReProg *prog) {
    return prog->has_names;
}
const uint16_t *re_group_name(const ReProg *prog, uint32_t i, uint32_t *len) {
    if (i >= prog->ncaps || !prog->names[i])
        return NULL;
    *len = prog->name_lens[i];
    return prog->names[i];
}

void re_free(ReProg *prog) {
    if (!prog)
        return;
    free(prog->code);
    for (uint32_t i = 0; i < prog->nclasses; i++)
        free(prog->classes[i].r);
    free(prog->classes);
    for (uint32_t i = 0; i < prog->ncaps; i++)
        free(prog->names[i]);
    free(prog->names);
    free(prog->name_lens);
    free(prog);
}

/* ==== the parser =========================================================================== */

typedef enum {
    N_EMPTY,
    N_CHAR,    /* a: the character */
    N_ANY,     /* . */
    N_CLASS,   /* a: class index */
    N_ASSERT,  /* a: RI_BOL / RI_EOL / RI_WORDB / RI_NWORDB */
    N_SEQ,     /* children */
    N_ALT,     /* children */
    N_GROUP,   /* a: capture index; child */
    N_LOOK,    /* a: LOOK_* kind; child */
    N_BACKREF, /* a: group index, or -1 with name (resolved after the parse) */
    N_REPEAT,  /* a min, b max, c greedy; child; caps [d, e) inside */
} ReNodeType;

typedef struct {
    uint8_t type;
    int32_t a, b, c, d, e;
    int32_t child;   /* first child, -1 */
    int32_t next;    /* next sibling, -1 */
    uint32_t name_at, name_len; /* N_BACKREF by name: the name's units in ReParser.names */
} ReNode;

typedef struct {
    const uint16_t *src;
    uint32_t len, pos;
    unsigned flags;
    bool u;          /* u or v: the Unicode grammar */
    bool v;
    bool icase;
    bool named;      /* the pattern has a GroupName somewhere ([+NamedCaptureGroups]) */
    uint32_t total_caps; /* capturing groups in the whole pattern (pre-scan) */
    uint32_t ncaps;  /* groups opened so far, + 1 */
    ReNode *nodes;
    uint32_t nnodes, cap_nodes;
    ReClass *classes;
    uint32_t nclasses, cap_classes;
    uint16_t **names;  /* per group */
    uint32_t *name_lens;
    uint16_t *refnames; /* names of \k<name> references, concatenated */
    uint32_t nref, cap_ref;
    uint32_t depth;
    char *err;
    size_t err_cap;
    bool failed;
} ReParser;

#define RE_MAX_DEPTH 1000

static bool fail(ReParser *p, const char *msg) {
    if (!p->failed) {
        p->failed = true;
        snprintf(p->err, p->err_cap, "%s", msg);
    }
    return false;
}

static int32_t node_new(ReParser *p, ReNodeType t) {
    if (p->nnodes == p->cap_nodes) {
        p->cap_nodes = p->cap_nodes ? p->cap_nodes * 2 : 32;
        p->nodes = xrealloc(p->nodes, p->cap_nodes * sizeof(ReNode));
    }
    ReNode *n = &p->nodes[p->nnodes];
    memset(n, 0, sizeof *n);
    n->type = (uint8_t)t;
    n->child = n->next = -1;
    return (int32_t)p->nnodes++;
}

static bool at_end(const ReParser *p) {
    return p->pos >= p->len;
}
static int32_t peek(const ReParser *p) {
    return p->pos < p->len ? p->src[p->pos] : -1;
}
static int32_t peek_at(const ReParser *p, uint32_t k) {
    return p->pos + k < p->len ? p->src[p->pos + k] : -1;
}

static bool is_digit(int32_t c) {
    return c >= '0' && c <= '9';
}
static bool is_syntax_char(int32_t c) {
    return c >= 0 && c < 0x80 && c && strchr("^$\\.*+?()[]{}|", (int)c);
}

/* The next source character; in u mode a surrogate pair is one code point. */
static uint32_t next_char(ReParser *p) {
    uint32_t c = p->src[p->pos++];
    if (p->u && re_is_hi(c) && p->pos < p->len && re_is_lo(p->src[p->pos]))
        c = 0x10000 + ((c - 0xd800) << 10) + (p->src[p->pos++] - 0xdc00);
    return c;
}

/* Pre-scan: the number of capturing groups and whether any has a name, which the grammar
 * needs before the parse (DecimalEscape vs legacy octal, \k). */
static void prescan(ReParser *p) {
    bool in_class = false;
    uint32_t class_depth = 0;
    for (uint32_t i = 0; i < p->len; i++) {
        uint16_t c = p->src[i];
        if (c == '\\') {
            i++;
        } else if (in_class) {
            if (c == ']')
                in_class = --class_depth > 0;
            else if (c == '[' && p->v) /* v: nested classes */
                class_depth++;
        } else if (c == '[') {
            in_class = true;
            class_depth = 1;
        } else if (c == '(') {
            if (i + 1 < p->len && p->src[i + 1] == '?') {
                if (i + 3 < p->len && p->src[i + 2] == '<' && p->src[i + 3] != '=' &&
                    p->src[i + 3] != '!') {
                    p->total_caps++;
                    p->named = true;
                }
            } else {
                p->total_caps++;
            }
        }
    }
}

/* HexDigits after \u{ (the { consumed); the code point or -1. */
static int32_t parse_braced_hex(ReParser *p) {
    uint32_t v = 0;
    bool any = false;
    while (!at_end(p) && hex_digit_value(peek(p)) >= 0) {
        v = v * 16 + (uint32_t)hex_digit_value(peek(p));
        if (v > 0x10ffff)
            return -1;
        p->pos++;
        any = true;
    }
    if (!any || peek(p) != '}')
        return -1;
    p->pos++;
    return (int32_t)v;
}

/* Four hex digits at pos, or -1 (nothing consumed then). */
static int32_t parse_hex4(ReParser *p) {
    int32_t v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hex_digit_value(peek_at(p, (uint32_t)i));
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    p->pos += 4;
    return v;
}

/* RegExpUnicodeEscapeSequence after "\u" (#prod-RegExpUnicodeEscapeSequence); unicode:
 * the [+UnicodeMode] forms (\u{...}, a pair of \u escapes as one code point). -1 when
 * it is not one (pos unchanged). */
static int32_t parse_unicode_escape(ReParser *p, bool unicode) {
    uint32_t save = p->pos;
    if (unicode && peek(p) == '{') {
        p->pos++;
        int32_t v = parse_braced_hex(p);
        if (v < 0)
            p->pos = save;
        return v;
    }
    int32_t v = parse_hex4(p);
    if (v < 0)
        return -1;
    if (unicode && re_is_hi((uint32_t)v) && peek(p) == '\\' && peek_at(p, 1) == 'u') {
        uint32_t s2 = p->pos;
        p->pos += 2;
        int32_t w = parse_hex4(p);
        if (w >= 0 && re_is_lo((uint32_t)w))
            return 0x10000 + ((v - 0xd800) << 10) + (w - 0xdc00);
        p->pos = s2;
    }
    return v;
}

/* GroupName :: < RegExpIdentifierName > (#prod-GroupName), the < consumed. Appends the
 * name's units to *out. */
static bool parse_group_name(ReParser *p, uint16_t **out, uint32_t *out_len) {
    uint16_t *buf = NULL;
    uint32_t n = 0, cap = 0;
    for (bool first = true;; first = false) {
        if (at_end(p))
            goto bad;
        uint32_t c;
        if (peek(p) == '\\') {
            p->pos++;
            if (peek(p) != 'u')
                goto bad;
            p->pos++;
            int32_t v = parse_unicode_escape(p, true);
            if (v < 0)
                goto bad;
            c = (uint32_t)v;
        } else if (peek(p) == '>') {
            if (first)
                goto bad;
            p->pos++;
            break;
        } else {
            /* RegExpIdentifierName takes a surrogate pair as one code point in any mode */
            c = p->src[p->pos++];
            if (re_is_hi(c) && p->pos < p->len && re_is_lo(p->src[p->pos]))
                c = 0x10000 + ((c - 0xd800) << 10) + (p->src[p->pos++] - 0xdc00);
        }
        bool ok = first ? (c == '$' || c == '_' || lex_is_id_start(c))
                        : (c == '$' || c == 0x200c || c == 0x200d || lex_is_id_part(c));
        if (!ok)
            goto bad;
        if (n + 2 > cap) {
            cap = cap ? cap * 2 : 16;
            buf = xrealloc(buf, cap * sizeof(uint16_t));
        }
        if (c > 0xffff) {
            buf[n++] = (uint16_t)(0xd800 + ((c - 0x10000) >> 10));
            buf[n++] = (uint16_t)(0xdc00 + ((c - 0x10000) & 0x3ff));
        } else {
            buf[n++] = (uint16_t)c;
        }
    }
    *out = buf;
    *out_len = n;
    return true;
bad:
    free(buf);
    return fail(p, "Invalid capture group name");
}

static int32_t class_new(ReParser *p, CharSet *cs, bool invert) {
    if (p->nclasses == p->cap_classes) {
        p->cap_classes = p->cap_classes ? p->cap_classes * 2 : 8;
        p->classes = xrealloc(p->classes, p->cap_classes * sizeof(ReClass));
    }
    cs_normalize(cs);
    if (p->icase)
        cs_close_case(cs, p->u);
    ReClass *k = &p->classes[p->nclasses];
    memset(k, 0, sizeof *k);
    k->r = cs->r;
    k->n = cs->n;
    k->invert = invert;
    for (uint32_t i = 0; i < cs->n && cs->r[2 * i] < 256; i++)
        for (uint32_t c = cs->r[2 * i]; c <= cs->r[2 * i + 1] && c < 256; c++)
            k->low[c >> 5] |= 1u << (c & 31);
    cs->r = NULL;
    cs->n = cs->cap = 0;
    return (int32_t)p->nclasses++;
}

/* CharacterClassEscape d D s S w W into cs (#sec-compiletocharset). */
static void class_escape_set(ReParser *p, int32_t e, CharSet *cs) {
    CharSet t = {0};
    int32_t lower = e | 0x20;
    if (lower == 'd')
        cs_add_digits(&t);
    else if (lower == 's')
        cs_add_space(&t);
    else
        cs_add_word(&t, p->u && p->icase);
    cs_normalize(&t);
    if (e != lower)
        cs_invert(&t, p->u ? 0x10ffff : 0xffff);
    for (uint32_t i = 0; i < t.n; i++)
        cs_add(cs, t.r[2 * i], t.r[2 * i + 1]);
    free(t.r);
}

static void cs_add_cb(void *ctx, uint32_t lo, uint32_t hi) {
    cs_add(ctx, lo, hi);
}

/* CharacterClassEscape :: p{ UnicodePropertyValueExpression } | P{...} (u mode), the
 * backslash consumed and p or P at pos (#sec-compiletocharset; the names and values of
 * tables 67-69 that regexp_unicode.c has). Adds the set (complemented for \P) to cs. */
static bool parse_property_escape(ReParser *p, CharSet *cs, bool in_class) {
    const char *msg = in_class ? "Invalid property name in character class"
                               : "Invalid property name";
    bool negate = peek(p) == 'P';
    p->pos++;
    if (peek(p) != '{')
        return fail(p, msg);
    p->pos++;
    char buf[64];
    size_t n = 0;
    char *value = NULL;
    for (;;) {
        int32_t c = peek(p);
        if (c == '}')
            break;
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || (c == '=' && !value && n > 0);
        if (!ok || n + 1 >= sizeof buf)
            return fail(p, msg);
        buf[n++] = (char)c;
        if (c == '=') {
            buf[n - 1] = 0;
            value = buf + n;
        }
        p->pos++;
    }
    p->pos++;
    buf[n] = 0;
    if (value && !*value)
        return fail(p, msg);
    CharSet t = {0};
    if (!re_unicode_property(buf, value, cs_add_cb, &t)) {
        free(t.r);
        return fail(p, msg);
    }
    cs_normalize(&t);
    if (negate && p->v && p->icase) /* v: complement after MaybeSimpleCaseFolding */
        cs_close_case(&t, true);
    if (negate)
        cs_invert(&t, 0x10ffff);
    for (uint32_t i = 0; i < t.n; i++)
        cs_add(cs, t.r[2 * i], t.r[2 * i + 1]);
    free(t.r);
    return true;
}

/* Legacy octal escape (Annex B LegacyOctalEscapeSequence), the first digit at pos. */
static uint32_t parse_legacy_octal(ReParser *p) {
    uint32_t v = (uint32_t)(peek(p) - '0');
    p->pos++;
    if (peek(p) >= '0' && peek(p) <= '7') {
        v = v * 8 + (uint32_t)(peek(p) - '0');
        p->pos++;
        if (v < 32 && peek(p) >= '0' && peek(p) <= '7') {
            v = v * 8 + (uint32_t)(peek(p) - '0');
            p->pos++;
        }
    }
    return v;
}

/* CharacterEscape (#prod-CharacterEscape), the backslash consumed and the escape letter
 * at pos; in_class allows \- (u) and Annex B's ClassControlLetter. Returns the character,
 * or -1 after an error. -2: Annex B's "\c" not followed by a letter — the backslash is
 * a literal and the c is read again. */
static int32_t parse_char_escape(ReParser *p, bool in_class) {
    int32_t c = peek(p);
    switch (c) {
    case 'f':
        p->pos++;
        return '\f';
    case 'n':
        p->pos++;
        return '\n';
    case 'r':
        p->pos++;
        return '\r';
    case 't':
        p->pos++;
        return '\t';
    case 'v':
        p->pos++;
        return '\v';
    case 'c': {
        int32_t l = peek_at(p, 1);
        if ((l >= 'a' && l <= 'z') || (l >= 'A' && l <= 'Z')) {
            p->pos += 2;
            return l % 32;
        }
        if (!p->u && in_class && (is_digit(l) || l == '_')) {
            p->pos += 2;
            return l % 32;
        }
        if (p->u) {
            fail(p, "Invalid Unicode escape");
            return -1;
        }
        return -2;
    }
    case 'x': {
        int h1 = hex_digit_value(peek_at(p, 1)), h2 = hex_digit_value(peek_at(p, 2));
        if (h1 >= 0 && h2 >= 0) {
            p->pos += 3;
            return h1 * 16 + h2;
        }
        if (p->u) {
            fail(p, "Invalid escape");
            return -1;
        }
        p->pos++;
        return 'x';
    }
    case 'u': {
        p->pos++;
        int32_t v = parse_unicode_escape(p, p->u);
        if (v >= 0)
            return v;
        if (p->u) {
            fail(p, "Invalid Unicode escape");
            return -1;
        }
        return 'u';
    }
    case '0':
        if (!is_digit(peek_at(p, 1))) {
            p->pos++;
            return 0;
        }
        if (p->u) {
            fail(p, in_class ? "Invalid class escape" : "Invalid decimal escape");
            return -1;
        }
        return (int32_t)parse_legacy_octal(p);
    default:
        break;
    }
    if (p->u) {
        /* IdentityEscape[+UnicodeMode] :: SyntaxCharacter | / ; and \- in a class */
        if (is_syntax_char(c) || c == '/' || (in_class && c == '-')) {
            p->pos++;
            return c;
        }
        if (is_digit(c) && in_class) {
            fail(p, "Invalid class escape");
            return -1;
        }
        fail(p, "Invalid escape");
        return -1;
    }
    if (c >= '1' && c <= '7')
        return (int32_t)parse_legacy_octal(p);
    /* IdentityEscape[~UnicodeMode] (Annex B): any source character but c (and k with
     * named groups, which the callers handle) */
    return (int32_t)next_char(p);
}

static int32_t parse_disjunction(ReParser *p);
static int32_t parse_class_v(ReParser *p);

enum { CLASS_ATOM_SET = -1, CLASS_ATOM_ERROR = -3 };

/* ClassAtom (#prod-ClassAtom): a character, or CLASS_ATOM_SET after adding a class escape
 * (\d, \w...) to cs, or CLASS_ATOM_ERROR. */
static int32_t parse_class_atom(ReParser *p, CharSet *cs) {
    if (peek(p) != '\\')
        return (int32_t)next_char(p);
    p->pos++;
    if (at_end(p)) {
        fail(p, "\\ at end of pattern");
        return CLASS_ATOM_ERROR;
    }
    int32_t e = peek(p);
    if (e && strchr("dDsSwW", (int)e)) {
        p->pos++;
        class_escape_set(p, e, cs);
        return CLASS_ATOM_SET;
    }
    if (p->u && (e == 'p' || e == 'P'))
        return parse_property_escape(p, cs, true) ? CLASS_ATOM_SET : CLASS_ATOM_ERROR;
    if (e == 'b' || (!p->u && (e == 'k' || e == '8' || e == '9'))) {
        p->pos++;
        return e == 'b' ? 8 : e; /* ClassEscape :: b is the backspace */
    }
    int32_t ch = parse_char_escape(p, true);
    if (ch == -1)
        return CLASS_ATOM_ERROR;
    return ch == -2 ? '\\' : ch; /* Annex B: \c without a letter is a backslash */
}

/* ClassContents (#prod-ClassContents), the [ consumed: NonemptyClassRanges as a set
 * (#sec-compiletocharset), with Annex B's ranges that touch a class escape. */
static int32_t parse_class(ReParser *p) {
    if (p->v)
        return parse_class_v(p);
    bool invert = false;
    if (peek(p) == '^') {
        invert = true;
        p->pos++;
    }
    CharSet cs = {0};
    for (;;) {
        if (at_end(p)) {
            fail(p, "Unterminated character class");
            goto error;
        }
        if (peek(p) == ']') {
            p->pos++;
            break;
        }
        int32_t lo = parse_class_atom(p, &cs);
        if (lo == CLASS_ATOM_ERROR)
            goto error;
        if (peek(p) != '-' || peek_at(p, 1) == ']' || peek_at(p, 1) < 0) {
            if (lo != CLASS_ATOM_SET)
                cs_add(&cs, (uint32_t)lo, (uint32_t)lo);
            continue;
        }
        p->pos++; /* the - of a range */
        int32_t hi = parse_class_atom(p, &cs);
        if (hi == CLASS_ATOM_ERROR)
            goto error;
        if (lo == CLASS_ATOM_SET || hi == CLASS_ATOM_SET) {
            if (p->u) {
                fail(p, "Invalid character class");
                goto error;
            }
            /* Annex B: the union of both sides and '-' */
            if (lo != CLASS_ATOM_SET)
                cs_add(&cs, (uint32_t)lo, (uint32_t)lo);
            if (hi != CLASS_ATOM_SET)
                cs_add(&cs, (uint32_t)hi, (uint32_t)hi);
            cs_add(&cs, '-', '-');
            continue;
        }
        if (lo > hi) {
            fail(p, "Range out of order in character class");
            goto error;
        }
        cs_add(&cs, (uint32_t)lo, (uint32_t)hi);
    }
    int32_t n = node_new(p, N_CLASS);
    p->nodes[n].a = class_new(p, &cs, invert);
    return n;
error:
    free(cs.r);
    return -1;
}

/* One standalone character (or class escape) as an atom node. */
static int32_t char_node(ReParser *p, uint32_t c) {
    int32_t n = node_new(p, N_CHAR);
    p->nodes[n].a = (int32_t)c;
    return n;
}

/* ==== the v flag's class set notation (#sec-compiletocharset, ClassSetExpression) ========== *
 * With v a class is a set of code points and of strings (from \q{...}): ClassUnion,
 * ClassIntersection (&&), ClassSubtraction (--) and nested classes. The strings that are
 * not one code point long are kept apart (VSet.strs); the class compiles to an
 * alternation of them, longest first, then the code points (#sec-compileatom,
 * CharacterClass with strings). Under i the operands of && and -- and of a complement
 * are first closed under case equivalence: MaybeSimpleCaseFolding followed by the
 * operation in the folded space (#sec-maybesimplecasefolding) matches the same
 * characters as the operation on the closed sets, since closed sets are unions of whole
 * equivalence classes. */

typedef struct {
    uint32_t *cp;
    uint32_t len;
} VStr;

typedef struct {
    CharSet cs;
    VStr *strs;
    uint32_t nstrs, cap;
} VSet;

static void vset_free(VSet *s) {
    free(s->cs.r);
    for (uint32_t i = 0; i < s->nstrs; i++)
        free(s->strs[i].cp);
    free(s->strs);
    memset(s, 0, sizeof *s);
}

static bool vstr_eq(const VStr *a, const VStr *b) {
    return a->len == b->len && memcmp(a->cp, b->cp, a->len * sizeof(uint32_t)) == 0;
}

static bool vset_has_str(const VSet *s, const VStr *x) {
    for (uint32_t i = 0; i < s->nstrs; i++)
        if (vstr_eq(&s->strs[i], x))
            return true;
    return false;
}

/* Adds a string (taking cp); a one-character string is a code point of the set. */
static void vset_add_str(VSet *s, uint32_t *cp, uint32_t len) {
    VStr x = {cp, len};
    if (len == 1) {
        cs_add(&s->cs, cp[0], cp[0]);
        free(cp);
        return;
    }
    if (vset_has_str(s, &x)) {
        free(cp);
        return;
    }
    if (s->nstrs == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 4;
        s->strs = xrealloc(s->strs, s->cap * sizeof(VStr));
    }
    s->strs[s->nstrs++] = x;
}

/* a ∪= b (b emptied) */
static void vset_union(VSet *a, VSet *b) {
    for (uint32_t i = 0; i < b->cs.n; i++)
        cs_add(&a->cs, b->cs.r[2 * i], b->cs.r[2 * i + 1]);
    for (uint32_t i = 0; i < b->nstrs; i++) {
        vset_add_str(a, b->strs[i].cp, b->strs[i].len);
        b->strs[i].cp = NULL;
    }
    b->nstrs = 0;
    vset_free(b);
}

/* Under i: the closure of the code points, and each string's characters canonicalized. */
static void vset_fold(ReParser *p, VSet *s) {
    cs_normalize(&s->cs);
    if (!p->icase)
        return;
    cs_close_case(&s->cs, true);
    for (uint32_t i = 0; i < s->nstrs; i++)
        for (uint32_t j = 0; j < s->strs[i].len; j++)
            s->strs[i].cp[j] = re_canonicalize(s->strs[i].cp[j], true);
}

/* a = a ∩ b, or a − b when subtract (both folded; b freed). */
static void vset_combine(ReParser *p, VSet *a, VSet *b, bool subtract) {
    vset_fold(p, a);
    vset_fold(p, b);
    if (subtract)
        cs_invert(&b->cs, 0x10ffff);
    CharSet out = {0};
    uint32_t i = 0, j = 0;
    while (i < a->cs.n && j < b->cs.n) { /* intersection of two sorted range lists */
        uint32_t lo = a->cs.r[2 * i] > b->cs.r[2 * j] ? a->cs.r[2 * i] : b->cs.r[2 * j];
        uint32_t hi = a->cs.r[2 * i + 1] < b->cs.r[2 * j + 1] ? a->cs.r[2 * i + 1]
                                                             : b->cs.r[2 * j + 1];
        if (lo <= hi)
            cs_add(&out, lo, hi);
        if (a->cs.r[2 * i + 1] < b->cs.r[2 * j + 1])
            i++;
        else
            j++;
    }
    free(a->cs.r);
    a->cs = out;
    uint32_t w = 0;
    for (uint32_t k = 0; k < a->nstrs; k++) {
        if (vset_has_str(b, &a->strs[k]) != subtract)
            a->strs[w++] = a->strs[k];
        else
            free(a->strs[k].cp);
    }
    a->nstrs = w;
    vset_free(b);
}

static bool is_double_punctuator(const ReParser *p) {
    int32_t c = peek(p);
    return c > 0 && c < 0x80 && strchr("&!#$%*+,.:;<=>?@^`~", (int)c) && peek_at(p, 1) == c;
}

/* ClassSetCharacter (#prod-ClassSetCharacter): the code point, or -1 after an error. */
static int32_t parse_set_char(ReParser *p) {
    if (at_end(p)) {
        fail(p, "Unterminated character class");
        return -1;
    }
    int32_t c = peek(p);
    if (c == '\\') {
        p->pos++;
        if (at_end(p)) {
            fail(p, "\\ at end of pattern");
            return -1;
        }
        int32_t e = peek(p);
        if (e == 'b') {
            p->pos++;
            return 8;
        }
        /* \ ClassSetReservedPunctuator */
        if (e > 0 && e < 0x80 && strchr("&-!#%,:;<=>@`~", (int)e)) {
            p->pos++;
            return e;
        }
        int32_t ch = parse_char_escape(p, true);
        return ch < 0 ? (fail(p, "Invalid escape"), -1) : ch;
    }
    if (is_double_punctuator(p)) { /* ClassSetReservedDoublePunctuator */
        fail(p, "Invalid set operation in character class");
        return -1;
    }
    if (c > 0 && c < 0x80 && strchr("()[]{}/-|", (int)c)) { /* ClassSetSyntaxCharacter */
        fail(p, "Invalid character in character class");
        return -1;
    }
    return (int32_t)next_char(p);
}

static bool parse_class_set(ReParser *p, VSet *out, bool *may_strings);

enum { OPERAND_ERROR = -1, OPERAND_SET = 0, OPERAND_CHAR = 1 };

/* ClassSetOperand (#prod-ClassSetOperand): a NestedClass, a ClassStringDisjunction or
 * a class escape (added to out, OPERAND_SET), or a ClassSetCharacter (*ch, OPERAND_CHAR).
 * *may_strings: MayContainStrings (#sec-static-semantics-maycontainstrings). */
static int parse_set_operand(ReParser *p, VSet *out, int32_t *ch, bool *may_strings) {
    *may_strings = false;
    int32_t c = peek(p);
    if (c == '[') {
        p->pos++;
        if (++p->depth > RE_MAX_DEPTH) {
            fail(p, "Regular expression too large");
            return OPERAND_ERROR;
        }
        bool invert = peek(p) == '^';
        if (invert)
            p->pos++;
        VSet in = {0};
        if (!parse_class_set(p, &in, may_strings)) {
            vset_free(&in);
            return OPERAND_ERROR;
        }
        p->depth--;
        if (invert) {
            if (*may_strings) {
                vset_free(&in);
                fail(p, "Negated character class may contain strings");
                return OPERAND_ERROR;
            }
            vset_fold(p, &in);
            cs_invert(&in.cs, 0x10ffff);
        }
        vset_union(out, &in);
        return OPERAND_SET;
    }
    if (c == '\\') {
        int32_t e = peek_at(p, 1);
        if (e > 0 && e < 0x80 && strchr("dDsSwW", (int)e)) {
            p->pos += 2;
            class_escape_set(p, e, &out->cs);
            return OPERAND_SET;
        }
        if (e == 'p' || e == 'P') {
            p->pos++;
            return parse_property_escape(p, &out->cs, true) ? OPERAND_SET : OPERAND_ERROR;
        }
        if (e == 'q') {
            /* ClassStringDisjunction :: \q{ ClassString (| ClassString)* } */
            p->pos += 2;
            if (peek(p) != '{') {
                fail(p, "Invalid escape");
                return OPERAND_ERROR;
            }
            p->pos++;
            uint32_t *buf = NULL, n = 0, cap = 0;
            for (;;) {
                if (peek(p) == '|' || peek(p) == '}') {
                    if (n != 1)
                        *may_strings = true;
                    vset_add_str(out, buf ? buf : xmalloc(sizeof(uint32_t)), n);
                    buf = NULL, n = cap = 0;
                    if (p->src[p->pos++] == '}')
                        break;
                    continue;
                }
                int32_t x = parse_set_char(p);
                if (x < 0) {
                    free(buf);
                    return OPERAND_ERROR;
                }
                if (n == cap) {
                    cap = cap ? cap * 2 : 8;
                    buf = xrealloc(buf, cap * sizeof(uint32_t));
                }
                buf[n++] = (uint32_t)x;
            }
            return OPERAND_SET;
        }
    }
    *ch = parse_set_char(p);
    return *ch < 0 ? OPERAND_ERROR : OPERAND_CHAR;
}

/* An operand, or a ClassSetRange (#prod-ClassSetRange) when a single character is
 * followed by - (not --), added to out. */
static bool parse_set_operand_or_range(ReParser *p, VSet *out, bool *may_strings,
                                       bool *single) {
    int32_t lo;
    int r = parse_set_operand(p, out, &lo, may_strings);
    *single = true;
    if (r != OPERAND_CHAR)
        return r != OPERAND_ERROR;
    if (peek(p) == '-' && peek_at(p, 1) != '-') {
        p->pos++;
        *single = false;
        int32_t hi;
        bool ms;
        VSet t = {0};
        r = parse_set_operand(p, &t, &hi, &ms);
        vset_free(&t);
        if (r == OPERAND_ERROR)
            return false;
        if (r == OPERAND_SET)
            return fail(p, "Invalid character class");
        if (lo > hi)
            return fail(p, "Range out of order in character class");
        cs_add(&out->cs, (uint32_t)lo, (uint32_t)hi);
        return true;
    }
    cs_add(&out->cs, (uint32_t)lo, (uint32_t)lo);
    return true;
}

/* ClassSetExpression (#prod-ClassSetExpression) up to and including the closing ]:
 * a ClassUnion, or a ClassIntersection / ClassSubtraction when the first operand is
 * followed by && / --. Mixing the operators, or a range or second union member next to
 * them, is V8's "Invalid set operation in character class". */
static bool parse_class_set(ReParser *p, VSet *out, bool *may_strings) {
    *may_strings = false;
    if (peek(p) == ']') {
        p->pos++;
        return true;
    }
    bool ms, operand;
    if (!parse_set_operand_or_range(p, out, may_strings, &operand))
        return false;
    bool inter = peek(p) == '&' && peek_at(p, 1) == '&';
    bool sub = peek(p) == '-' && peek_at(p, 1) == '-';
    if (operand && (inter || sub)) {
        int32_t op = peek(p);
        while (peek(p) == op && peek_at(p, 1) == op) {
            p->pos += 2;
            if (op == '&' && peek(p) == '&')
                return fail(p, "Invalid character in character class");
            VSet b = {0};
            int32_t ch;
            int r = parse_set_operand(p, &b, &ch, &ms);
            if (r == OPERAND_ERROR) {
                vset_free(&b);
                return false;
            }
            if (r == OPERAND_CHAR)
                cs_add(&b.cs, (uint32_t)ch, (uint32_t)ch);
            /* MayContainStrings: && needs both sides, -- only the left */
            if (inter)
                *may_strings = *may_strings && ms;
            vset_combine(p, out, &b, sub);
        }
        if (peek(p) == ']') {
            p->pos++;
            return true;
        }
        return fail(p, at_end(p) ? "Unterminated character class"
                                 : "Invalid set operation in character class");
    }
    for (;;) { /* ClassUnion */
        if (at_end(p))
            return fail(p, "Unterminated character class");
        if (peek(p) == ']') {
            p->pos++;
            return true;
        }
        if ((peek(p) == '&' && peek_at(p, 1) == '&') || (peek(p) == '-' && peek_at(p, 1) == '-'))
            return fail(p, "Invalid set operation in character class");
        VSet b = {0};
        if (!parse_set_operand_or_range(p, &b, &ms, &operand)) {
            vset_free(&b);
            return false;
        }
        *may_strings |= ms;
        vset_union(out, &b);
    }
}

/* A v-mode CharacterClass, the [ consumed: a class node, or an alternation of the
 * class's strings (longest first), its code points, and the empty string last. */
static int32_t parse_class_v(ReParser *p) {
    bool invert = peek(p) == '^';
    if (invert)
        p->pos++;
    VSet s = {0};
    bool may_strings;
    if (!parse_class_set(p, &s, &may_strings)) {
        vset_free(&s);
        return -1;
    }
    if (invert && may_strings) {
        vset_free(&s);
        fail(p, "Negated character class may contain strings");
        return -1;
    }
    int32_t cls = node_new(p, N_CLASS);
    p->nodes[cls].a = class_new(p, &s.cs, invert);
    if (s.nstrs == 0) {
        vset_free(&s);
        return cls;
    }
    /* longest first: a stable insertion sort by descending length */
    for (uint32_t i = 1; i < s.nstrs; i++) {
        VStr x = s.strs[i];
        uint32_t j = i;
        for (; j > 0 && s.strs[j - 1].len < x.len; j--)
            s.strs[j] = s.strs[j - 1];
        s.strs[j] = x;
    }
    int32_t alt = node_new(p, N_ALT), last = -1;
    bool has_empty = false;
    for (uint32_t i = 0; i <= s.nstrs; i++) {
        if (i < s.nstrs && s.strs[i].len == 0) {
            has_empty = true;
            continue;
        }
        int32_t seq = node_new(p, N_SEQ);
        if (i == s.nstrs) {
            if (p->classes[p->nodes[cls].a].n == 0)
                continue; /* no code points: nothing to add */
            p->nodes[seq].child = cls;
        } else {
            int32_t prev = -1;
            for (uint32_t j = 0; j < s.strs[i].len; j++) {
                int32_t c = char_node(p, s.strs[i].cp[j]);
                if (prev < 0)
                    p->nodes[seq].child = c;
                else
                    p->nodes[prev].next = c;
                prev = c;
            }
        }
        if (last < 0)
            p->nodes[alt].child = seq;
        else
            p->nodes[last].next = seq;
        last = seq;
    }
    if (has_empty) {
        int32_t seq = node_new(p, N_SEQ);
        if (last < 0)
            p->nodes[alt].child = seq;
        else
            p->nodes[last].next = seq;
    }
    vset_free(&s);
    return alt;
}

static int32_t class_escape_node(ReParser *p, int32_t e) {
    CharSet cs = {0};
    class_escape_set(p, e, &cs);
    int32_t n = node_new(p, N_CLASS);
    p->nodes[n].a = class_new(p, &cs, false);
    return n;
}

/* Parses DecimalDigits at pos into a saturating value. */
static uint32_t parse_decimal(ReParser *p) {
    uint64_t v = 0;
    while (is_digit(peek(p))) {
        v = v * 10 + (uint64_t)(peek(p) - '0');
        if (v > RE_INF)
            v = RE_INF;
        p->pos++;
    }
    return (uint32_t)v;
}

/* Tries to read a braced quantifier {n}, {n,}, {n,m} at pos ('{' there). On success pos
 * is after '}'. */
static bool parse_braces(ReParser *p, uint32_t *min, uint32_t *max) {
    uint32_t save = p->pos;
    p->pos++;
    if (!is_digit(peek(p)))
        goto no;
    *min = parse_decimal(p);
    *max = *min;
    if (peek(p) == ',') {
        p->pos++;
        if (is_digit(peek(p)))
            *max = parse_decimal(p);
        else
            *max = RE_INF;
    }
    if (peek(p) != '}')
        goto no;
    p->pos++;
    return true;
no:
    p->pos = save;
    return false;
}

/* AtomEscape (#prod-AtomEscape), the backslash consumed. */
static int32_t parse_atom_escape(ReParser *p) {
    if (at_end(p)) {
        fail(p, "\\ at end of pattern");
        return -1;
    }
    int32_t c = peek(p);
    if (c >= '1' && c <= '9') {
        /* DecimalEscape: a backreference when there are that many groups; otherwise
         * (Annex B) a legacy octal escape or the digit itself */
        uint32_t save = p->pos;
        uint32_t v = parse_decimal(p);
        if (v <= p->total_caps) {
            int32_t n = node_new(p, N_BACKREF);
            p->nodes[n].a = (int32_t)v;
            return n;
        }
        if (p->u) {
            fail(p, "Invalid escape");
            return -1;
        }
        p->pos = save;
        if (c >= '8') {
            p->pos++;
            return char_node(p, (uint32_t)c);
        }
        return char_node(p, parse_legacy_octal(p));
    }
    if (c == 'k' && (p->u || p->named)) {
        p->pos++;
        if (peek(p) != '<') {
            fail(p, "Invalid named reference");
            return -1;
        }
        p->pos++;
        uint16_t *name;
        uint32_t nlen;
        if (!parse_group_name(p, &name, &nlen))
            return -1;
        if (p->nref + nlen > p->cap_ref) {
            p->cap_ref = (p->nref + nlen) * 2;
            p->refnames = xrealloc(p->refnames, p->cap_ref * sizeof(uint16_t));
        }
        memcpy(p->refnames + p->nref, name, nlen * sizeof(uint16_t));
        free(name);
        int32_t n = node_new(p, N_BACKREF);
        p->nodes[n].a = -1;
        p->nodes[n].name_at = p->nref;
        p->nodes[n].name_len = nlen;
        p->nref += nlen;
        return n;
    }
    if (c && strchr("dDsSwW", (int)c)) {
        p->pos++;
        return class_escape_node(p, c);
    }
    if (c == 'p' || c == 'P') {
        if (p->u) {
            CharSet cs = {0};
            if (!parse_property_escape(p, &cs, false)) {
                free(cs.r);
                return -1;
            }
            int32_t n = node_new(p, N_CLASS);
            p->nodes[n].a = class_new(p, &cs, false);
            return n;
        }
        p->pos++;
        return char_node(p, (uint32_t)c);
    }
    int32_t ch = parse_char_escape(p, false);
    if (ch == -1)
        return -1;
    if (ch == -2)
        return char_node(p, '\\'); /* Annex B: "\c" + non-letter: a literal backslash */
    return char_node(p, (uint32_t)ch);
}

/* Term (#prod-Term): an assertion, or an atom with an optional quantifier. Returns the
 * node, -1 on error. */
static int32_t parse_term(ReParser *p) {
    int32_t c = peek(p);
    int32_t n = -1;
    bool quantifiable = true;
    bool unquantifiable_look = false; /* a lookbehind, or any lookaround with u */
    uint32_t caps_before = p->ncaps;
    switch (c) {
    case '^':
    case '$':
        p->pos++;
        n = node_new(p, N_ASSERT);
        p->nodes[n].a = c == '^' ? RI_BOL : RI_EOL;
        quantifiable = false;
        break;
    case '\\':
        if (peek_at(p, 1) == 'b' || peek_at(p, 1) == 'B') {
            n = node_new(p, N_ASSERT);
            p->nodes[n].a = peek_at(p, 1) == 'b' ? RI_WORDB : RI_NWORDB;
            p->pos += 2;
            quantifiable = false;
            break;
        }
        p->pos++;
        n = parse_atom_escape(p);
        break;
    case '.':
        p->pos++;
        n = node_new(p, N_ANY);
        break;
    case '(': {
        p->pos++;
        if (++p->depth > RE_MAX_DEPTH) {
            fail(p, "Regular expression too large");
            return -1;
        }
        int kind = -1; /* -1 capture, 0 non-capturing, else LOOK_* + 4 */
        uint16_t *name = NULL;
        uint32_t nlen = 0;
        if (peek(p) == '?') {
            int32_t d = peek_at(p, 1);
            if (d == ':') {
                kind = 0;
                p->pos += 2;
            } else if (d == '=' || d == '!') {
                kind = 4 + (d == '!' ? LOOK_NEG : 0);
                p->pos += 2;
            } else if (d == '<' && (peek_at(p, 2) == '=' || peek_at(p, 2) == '!')) {
                kind = 4 + LOOK_BEHIND + (peek_at(p, 2) == '!' ? LOOK_NEG : 0);
                p->pos += 3;
            } else if (d == '<') {
                p->pos += 2;
                if (!parse_group_name(p, &name, &nlen))
                    return -1;
                for (uint32_t g = 1; g < p->ncaps; g++) {
                    if (p->names[g] && p->name_lens[g] == nlen &&
                        memcmp(p->names[g], name, nlen * sizeof(uint16_t)) == 0) {
                        free(name);
                        fail(p, "Duplicate capture group name");
                        return -1;
                    }
                }
            } else {
                fail(p, "Invalid group");
                return -1;
            }
        }
        uint32_t k = 0;
        if (kind == -1) {
            if (NEVER(p->ncaps > p->total_caps)) { /* the pre-scan counts every group */
                free(name);
                fail(p, "Invalid group");
                return -1;
            }
            k = p->ncaps++;
            p->names[k] = name;
            p->name_lens[k] = nlen;
        }
        int32_t body = parse_disjunction(p);
        if (body < 0)
            return -1;
        if (peek(p) != ')') {
            fail(p, "Unterminated group");
            return -1;
        }
        p->pos++;
        p->depth--;
        if (kind == -1) {
            n = node_new(p, N_GROUP);
            p->nodes[n].a = (int32_t)k;
            p->nodes[n].child = body;
        } else if (kind == 0) {
            n = body;
        } else {
            n = node_new(p, N_LOOK);
            p->nodes[n].a = kind - 4;
            p->nodes[n].child = body;
            /* Annex B QuantifiableAssertion: only lookaheads, only without u */
            if ((kind - 4) & LOOK_BEHIND || p->u)
                unquantifiable_look = true;
        }
        break;
    }
    case '[':
        p->pos++;
        n = parse_class(p);
        break;
    case '*':
    case '+':
    case '?':
        fail(p, "Nothing to repeat");
        return -1;
    case '{': {
        uint32_t mn, mx;
        if (parse_braces(p, &mn, &mx)) {
            fail(p, "Nothing to repeat");
            return -1;
        }
        if (p->u) {
            fail(p, "Lone quantifier brackets");
            return -1;
        }
        p->pos++;
        n = char_node(p, '{');
        break;
    }
    case '}':
    case ']':
        if (p->u) {
            fail(p, "Lone quantifier brackets");
            return -1;
        }
        p->pos++;
        n = char_node(p, (uint32_t)c);
        break;
    default:
        n = char_node(p, next_char(p));
        break;
    }
    if (n < 0)
        return -1;
    /* Quantifier (#prod-Quantifier) */
    c = peek(p);
    uint32_t min, max;
    if (c == '*') {
        min = 0, max = RE_INF;
        p->pos++;
    } else if (c == '+') {
        min = 1, max = RE_INF;
        p->pos++;
    } else if (c == '?') {
        min = 0, max = 1;
        p->pos++;
    } else if (c == '{') {
        if (!parse_braces(p, &min, &max)) {
            if (p->u) {
                fail(p, "Incomplete quantifier");
                return -1;
            }
            return n; /* Annex B: a literal { follows */
        }
        if (min > max) {
            fail(p, "numbers out of order in {} quantifier");
            return -1;
        }
    } else {
        return n;
    }
    if (!quantifiable) {
        fail(p, "Nothing to repeat");
        return -1;
    }
    if (unquantifiable_look) {
        fail(p, "Invalid quantifier");
        return -1;
    }
    bool greedy = true;
    if (peek(p) == '?') {
        greedy = false;
        p->pos++;
    }
    int32_t r = node_new(p, N_REPEAT);
    p->nodes[r].a = (int32_t)min;
    p->nodes[r].b = (int32_t)max;
    p->nodes[r].c = greedy;
    p->nodes[r].child = n;
    p->nodes[r].d = (int32_t)caps_before;
    p->nodes[r].e = (int32_t)p->ncaps;
    c = peek(p);
    if (c == '*' || c == '+' || c == '?') {
        fail(p, "Nothing to repeat");
        return -1;
    }
    if (c == '{') {
        uint32_t a2, b2;
        if (parse_braces(p, &a2, &b2)) {
            fail(p, "Nothing to repeat");
            return -1;
        }
    }
    return r;
}

/* Alternative (#prod-Alternative): terms until | or ) or the end. */
static int32_t parse_alternative(ReParser *p) {
    int32_t seq = node_new(p, N_SEQ), last = -1;
    while (!at_end(p) && peek(p) != '|' && peek(p) != ')') {
        int32_t t = parse_term(p);
        if (t < 0)
            return -1;
        if (last < 0)
            p->nodes[seq].child = t;
        else
            p->nodes[last].next = t;
        last = t;
    }
    return seq;
}

/* The single character an alternative matches when it is one character or a
 * non-inverted class: its node, else -1. */
static int32_t single_char_alternative(const ReParser *p, int32_t seq) {
    int32_t c = p->nodes[seq].child;
    if (c < 0 || p->nodes[c].next >= 0)
        return -1;
    const ReNode *n = &p->nodes[c];
    if (n->type == N_CHAR || (n->type == N_CLASS && !p->classes[n->a].invert))
        return c;
    return -1;
}

/* An alternation of single characters (a|b|[cd]) matches exactly what the union class
 * matches, and trying its alternatives in order can only produce the same state again,
 * so it becomes that class: a quantifier over it then takes the fast single-character
 * form instead of a choice point per character and alternative. */
static int32_t merge_char_alternatives(ReParser *p, int32_t alt) {
    for (int32_t a = p->nodes[alt].child; a >= 0; a = p->nodes[a].next)
        if (single_char_alternative(p, a) < 0)
            return alt;
    CharSet cs = {0};
    for (int32_t a = p->nodes[alt].child; a >= 0; a = p->nodes[a].next) {
        const ReNode *n = &p->nodes[single_char_alternative(p, a)];
        if (n->type == N_CHAR) {
            cs_add(&cs, (uint32_t)n->a, (uint32_t)n->a);
        } else {
            const ReClass *k = &p->classes[n->a];
            for (uint32_t i = 0; i < k->n; i++)
                cs_add(&cs, k->r[2 * i], k->r[2 * i + 1]);
        }
    }
    int32_t n = node_new(p, N_CLASS);
    p->nodes[n].a = class_new(p, &cs, false);
    return n;
}

/* Disjunction (#prod-Disjunction) */
static int32_t parse_disjunction(ReParser *p) {
    int32_t first = parse_alternative(p);
    if (first < 0 || peek(p) != '|')
        return first;
    int32_t alt = node_new(p, N_ALT), last = first;
    p->nodes[alt].child = first;
    while (peek(p) == '|') {
        p->pos++;
        int32_t a = parse_alternative(p);
        if (a < 0)
            return -1;
        p->nodes[last].next = a;
        last = a;
    }
    return merge_char_alternatives(p, alt);
}

/* ==== the code generator =================================================================== */

typedef struct {
    ReParser *p;
    int32_t *code;
    uint32_t len, cap;
    uint32_t nregs;
} ReGen;

static void emit(ReGen *g, int32_t w) {
    if (g->len == g->cap) {
        g->cap = g->cap ? g->cap * 2 : 64;
        g->code = xrealloc(g->code, g->cap * sizeof(int32_t));
    }
    g->code[g->len++] = w;
}

static bool is_single_char(const ReNode *n) {
    return n->type == N_CHAR || n->type == N_ANY || n->type == N_CLASS;
}

static void gen_node(ReGen *g, int32_t idx, bool back);

/* A single-character matcher (#sec-compileatom: CharacterSetMatcher). */
static void gen_char(ReGen *g, const ReNode *n, int32_t back) {
    ReParser *p = g->p;
    if (n->type == N_CHAR) {
        uint32_t c = (uint32_t)n->a;
        uint32_t cnt;
        if (p->icase && re_fold_class(c, p->u, &cnt)) {
            emit(g, RI_CHAR_I | back);
            emit(g, (int32_t)re_canonicalize(c, p->u));
            return;
        }
        emit(g, RI_CHAR | back);
        emit(g, (int32_t)c);
    } else if (n->type == N_ANY) {
        emit(g, ((p->flags & RE_FLAG_DOT_ALL) ? RI_ANY : RI_DOT) | back);
    } else {
        emit(g, RI_CLASS | back);
        emit(g, n->a);
    }
}

static void gen_repeat(ReGen *g, const ReNode *n, int32_t back) {
    int32_t min = n->a, max = n->b;
    bool greedy = n->c;
    const ReNode *child = &g->p->nodes[n->child];
    if (max == 0)
        return; /* RepeatMatcher step 1: c(x) */
    if (min == 1 && max == 1) {
        gen_node(g, n->child, back);
        return;
    }
    if (is_single_char(child)) {
        emit(g, RI_STAR | back);
        emit(g, min);
        emit(g, max);
        emit(g, greedy);
        uint32_t at = g->len;
        emit(g, 0);
        gen_char(g, child, back);
        g->code[at] = (int32_t)(g->len - at - 1);
        return;
    }
    int32_t r = (int32_t)g->nregs++, pr = (int32_t)g->nregs++;
    emit(g, RI_LOOP_INIT);
    emit(g, r);
    uint32_t head = g->len;
    emit(g, RI_LOOP);
    emit(g, r);
    emit(g, min);
    emit(g, max);
    emit(g, greedy);
    uint32_t exit_at = g->len;
    emit(g, 0);
    emit(g, RI_SET_POS);
    emit(g, pr);
    if (n->e > n->d) { /* RepeatMatcher step 4: the groups inside become undefined */
        emit(g, RI_RESET);
        emit(g, n->d);
        emit(g, n->e);
    }
    gen_node(g, n->child, back);
    emit(g, RI_LOOP_END);
    emit(g, r);
    emit(g, pr);
    emit(g, min);
    emit(g, (int32_t)head);
    g->code[exit_at] = (int32_t)g->len;
}

static void gen_node(ReGen *g, int32_t idx, bool back_dir) {
    ReParser *p = g->p;
    const ReNode *n = &p->nodes[idx];
    int32_t back = back_dir ? RI_BACK : 0;
    switch ((ReNodeType)n->type) {
    case N_EMPTY:
        break;
    case N_CHAR:
    case N_ANY:
    case N_CLASS:
        gen_char(g, n, back);
        break;
    case N_ASSERT: {
        int32_t op = n->a;
        if (p->flags & RE_FLAG_MULTILINE)
            op = op == RI_BOL ? RI_MBOL : op == RI_EOL ? RI_MEOL : op;
        emit(g, op);
        break;
    }
    case N_SEQ: {
        /* #sec-compilesubpattern Alternative: left to right forward, right to left
         * backward */
        uint32_t cnt = 0;
        for (int32_t c = n->child; c >= 0; c = p->nodes[c].next)
            cnt++;
        if (!back_dir) {
            for (int32_t c = n->child; c >= 0; c = p->nodes[c].next)
                gen_node(g, c, back_dir);
        } else {
            int32_t *kids = xmalloc((cnt ? cnt : 1) * sizeof(int32_t));
            uint32_t i = 0;
            for (int32_t c = n->child; c >= 0; c = p->nodes[c].next)
                kids[i++] = c;
            while (i > 0)
                gen_node(g, kids[--i], back_dir);
            free(kids);
        }
        break;
    }
    case N_ALT: {
        /* #sec-compilesubpattern Disjunction: try each alternative in order */
        uint32_t *jumps = NULL, nj = 0;
        for (int32_t c = n->child; c >= 0; c = p->nodes[c].next) {
            uint32_t split_at = 0;
            bool last = p->nodes[c].next < 0;
            if (!last) {
                emit(g, RI_SPLIT);
                split_at = g->len;
                emit(g, 0);
            }
            gen_node(g, c, back_dir);
            if (!last) {
                emit(g, RI_JMP);
                jumps = xrealloc(jumps, (nj + 1) * sizeof(uint32_t));
                jumps[nj++] = g->len;
                emit(g, 0);
                g->code[split_at] = (int32_t)g->len;
            }
        }
        for (uint32_t i = 0; i < nj; i++)
            g->code[jumps[i]] = (int32_t)g->len;
        free(jumps);
        break;
    }
    case N_GROUP:
        emit(g, RI_OPEN | back);
        emit(g, n->a);
        gen_node(g, n->child, back_dir);
        emit(g, RI_CLOSE | back);
        emit(g, n->a);
        break;
    case N_LOOK: {
        emit(g, RI_LOOK);
        emit(g, n->a);
        uint32_t end_at = g->len;
        emit(g, 0);
        gen_node(g, n->child, (n->a & LOOK_BEHIND) != 0);
        emit(g, RI_LOOK_END);
        emit(g, n->a);
        g->code[end_at] = (int32_t)g->len;
        break;
    }
    case N_BACKREF:
        emit(g, RI_BACKREF | back | (p->icase ? RI_ICASE : 0));
        emit(g, n->a);
        break;
    case N_REPEAT:
        gen_repeat(g, n, back);
        break;
    }
}

/* Resolves \k<name> references (#sec-patterns-static-semantics-early-errors: "It is a
 * Syntax Error if ... GroupSpecifiers does not contain a GroupName equal to ..."). */
static bool resolve_names(ReParser *p) {
    for (uint32_t i = 0; i < p->nnodes; i++) {
        ReNode *n = &p->nodes[i];
        if (n->type != N_BACKREF || n->a >= 0)
            continue;
        for (uint32_t g = 1; g < p->ncaps; g++) {
            if (p->names[g] && p->name_lens[g] == n->name_len &&
                memcmp(p->names[g], p->refnames + n->name_at, n->name_len * 2) == 0) {
                n->a = (int32_t)g;
                break;
            }
        }
        if (n->a < 0)
            return fail(p, "Invalid named capture referenced");
    }
    return true;
}

ReProg *re_compile(const uint16_t *pattern, uint32_t len, unsigned flags, char *err,
                   size_t err_cap) {
    ReParser p;
    memset(&p, 0, sizeof p);
    p.src = pattern;
    p.len = len;
    p.flags = flags;
    p.v = (flags & RE_FLAG_UNICODE_SETS) != 0;
    p.u = p.v || (flags & RE_FLAG_UNICODE);
    p.icase = (flags & RE_FLAG_IGNORE_CASE) != 0;
    p.err = err;
    p.err_cap = err_cap;
    p.ncaps = 1;
    prescan(&p);
    p.names = xmalloc((p.total_caps + 1) * sizeof(uint16_t *));
    p.name_lens = xmalloc((p.total_caps + 1) * sizeof(uint32_t));
    memset(p.names, 0, (p.total_caps + 1) * sizeof(uint16_t *));
    memset(p.name_lens, 0, (p.total_caps + 1) * sizeof(uint32_t));
    int32_t root = parse_disjunction(&p);
    if (root >= 0 && !at_end(&p)) {
        /* only a ) can stop the top-level disjunction early */
        fail(&p, "Unmatched ')'");
        root = -1;
    }
    if (root >= 0 && !resolve_names(&p))
        root = -1;
    ReProg *prog = NULL;
    if (root >= 0) {
        ReGen g = {.p = &p};
        gen_node(&g, root, false);
        emit(&g, RI_MATCH);
        prog = xmalloc(sizeof *prog);
        memset(prog, 0, sizeof *prog);
        prog->code = g.code;
        prog->code_len = g.len;
        prog->flags = flags;
        prog->ncaps = p.ncaps;
        prog->nregs = g.nregs;
        prog->classes = p.classes;
        prog->nclasses = p.nclasses;
        prog->names = p.names;
        prog->name_lens = p.name_lens;
        for (uint32_t i = 1; i < p.ncaps; i++)
            prog->has_names |= p.names[i] != NULL;
        /* start-position shortcuts for the exec loop */
        prog->first_unit = -1;
        int32_t op = g.code[0];
        if (op == RI_CHAR && (uint32_t)g.code[1] < 0xd800)
            prog->first_unit = g.code[1];
        else if (op == RI_CHAR && (uint32_t)g.code[1] > 0xffff)
            prog->first_unit = (int32_t)(0xd800 + (((uint32_t)g.code[1] - 0x10000) >> 10));
        else if (op == RI_CHAR && (uint32_t)g.code[1] >= 0xe000 && (uint32_t)g.code[1] <= 0xffff)
            prog->first_unit = g.code[1];
        prog->anchored = op == RI_BOL;
        p.classes = NULL;
        p.names = NULL;
        p.name_lens = NULL;
    }
    free(p.nodes);
    free(p.refnames);
    if (p.classes) {
        for (uint32_t i = 0; i < p.nclasses; i++)
            free(p.classes[i].r);
        free(p.classes);
    }
    if (p.names) {
        for (uint32_t i = 0; i <= p.total_caps; i++)
            free(p.names[i]);
        free(p.names);
        free(p.name_lens);
    }
    return prog;
}
