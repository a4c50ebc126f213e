/* regexp_exec.c — the regular-expression engine (regexp.h), second half: the backtracking
 * matcher over a program of regexp_int.h.
 *
 * The matcher implements the continuation semantics of #sec-pattern-semantics with an
 * explicit stack: a choice point is pushed where the spec would try a continuation and
 * fall back to another; every write to a capture or a loop register logs the old value
 * above the choice points, so backtracking restores the state the spec's closures would
 * have captured. RepeatMatcher (#sec-runtime-semantics-repeatmatcher-abstract-operation)
 * becomes a counted loop whose registers are logged the same way, with the spec's
 * empty-iteration check; a quantified single-character matcher has a faster form that
 * keeps one stack entry per run instead of one per character. A lookaround
 * (#sec-compileassertion) pushes a barrier: success of a positive one cuts the choice
 * points above it (its body cannot be backtracked into), keeping the undo log. */
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "tracer/regexp.h"
#include "tracer/regexp_int.h"

/* ==== the matcher ========================================================================== */

enum {
    BT_CHOICE = 1, /* a pc, b pos */
    BT_CAP,        /* a slot, b old value */
    BT_REG,        /* a register, b old value */
    BT_LOOK,       /* a kind, b pos, c pc after the lookaround */
    BT_GREEDY,     /* a pc of RI_STAR, b current end, c the end of the min-th match */
    BT_LAZY,       /* a pc of RI_STAR, b current end, c count */
};

typedef struct {
    int32_t kind, a, b, c;
} BtEntry;

typedef struct {
    const ReProg *prog;
    const ReInput *in;
    const uint8_t *s8;
    const uint16_t *s16;
    int32_t len;
    bool u, icase;
    int32_t *caps, *regs;
    BtEntry *bt;
    size_t n, cap, max;
    uint32_t steps;
} Matcher;

static inline uint32_t unit(const Matcher *m, int32_t i) {
    return m->s16 ? m->s16[i] : m->s8[i];
}

/* The character at pos reading forward: its width (0 at the end). */
static inline int read_fwd(const Matcher *m, int32_t pos, uint32_t *c) {
    if (pos >= m->len)
        return 0;
    uint32_t x = unit(m, pos);
    if (m->u && re_is_hi(x) && pos + 1 < m->len) {
        uint32_t y = unit(m, pos + 1);
        if (re_is_lo(y)) {
            *c = 0x10000 + ((x - 0xd800) << 10) + (y - 0xdc00);
            return 2;
        }
    }
    *c = x;
    return 1;
}

/* The character before pos (reading backward): its width (0 at the start). */
static inline int read_back(const Matcher *m, int32_t pos, uint32_t *c) {
    if (pos <= 0)
        return 0;
    uint32_t y = unit(m, pos - 1);
    if (m->u && re_is_lo(y) && pos >= 2) {
        uint32_t x = unit(m, pos - 2);
        if (re_is_hi(x)) {
            *c = 0x10000 + ((x - 0xd800) << 10) + (y - 0xdc00);
            return 2;
        }
    }
    *c = y;
    return 1;
}

static bool is_line_terminator(uint32_t c) {
    return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
}

/* IsWordChar(rer, Input, e) (#sec-runtime-semantics-iswordchar-abstract-operation) */
static bool is_word_at(const Matcher *m, int32_t e) {
    if (e < 0 || e >= m->len)
        return false;
    uint32_t c = unit(m, e);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')
        return true;
    return m->u && m->icase && (c == 0x17f || c == 0x212a);
}

static bool class_has(const ReClass *k, uint32_t c) {
    bool in = c < 256 ? (k->low[c >> 5] >> (c & 31)) & 1 : re_ranges_have(k->r, k->n, c);
    return in != k->invert;
}

/* One single-character matcher at code[pc] from pos; the new position or -1. */
static inline int32_t match_one(const Matcher *m, const int32_t *code, int32_t pos) {
    int32_t op = code[0];
    uint32_t c;
    int w = (op & RI_BACK) ? read_back(m, pos, &c) : read_fwd(m, pos, &c);
    if (!w)
        return -1;
    switch (op & 0xff) {
    case RI_CHAR:
        if (c != (uint32_t)code[1])
            return -1;
        break;
    case RI_CHAR_I:
        if (c != (uint32_t)code[1] && re_canonicalize(c, m->u) != (uint32_t)code[1])
            return -1;
        break;
    case RI_ANY:
        break;
    case RI_DOT:
        if (is_line_terminator(c))
            return -1;
        break;
    case RI_CLASS:
        if (!class_has(&m->prog->classes[code[1]], c))
            return -1;
        break;
    default:
        return -1;
    }
    return (op & RI_BACK) ? pos - w : pos + w;
}

static bool bt_push(Matcher *m, int32_t kind, int32_t a, int32_t b, int32_t c) {
    if (m->n == m->cap) {
        if (m->cap >= m->max)
            return false;
        size_t nc = m->cap * 2;
        if (nc > m->max)
            nc = m->max;
        m->bt = xrealloc(m->bt, nc * sizeof(BtEntry));
        m->cap = nc;
    }
    m->bt[m->n++] = (BtEntry){kind, a, b, c};
    return true;
}

static bool set_cap(Matcher *m, int32_t slot, int32_t v) {
    if (m->caps[slot] == v)
        return true;
    if (!bt_push(m, BT_CAP, slot, m->caps[slot], 0))
        return false;
    m->caps[slot] = v;
    return true;
}

static bool set_reg(Matcher *m, int32_t r, int32_t v) {
    if (m->regs[r] == v)
        return true;
    if (!bt_push(m, BT_REG, r, m->regs[r], 0))
        return false;
    m->regs[r] = v;
    return true;
}

/* BackreferenceMatcher (#sec-backreference-matcher): the new position or -1. */
static int32_t match_backref(const Matcher *m, int32_t k, int32_t pos, bool back, bool icase) {
    int32_t s = m->caps[2 * k], e = m->caps[2 * k + 1];
    if (s < 0 || e < 0)
        return pos;
    int32_t len = e - s;
    int32_t from = back ? pos - len : pos;
    if (from < 0 || from + len > m->len)
        return -1;
    for (int32_t i = 0; i < len; i++) {
        uint32_t a = unit(m, s + i), b = unit(m, from + i);
        if (a == b)
            continue;
        if (!icase)
            return -1;
        if (m->u && (re_is_hi(a) || re_is_hi(b)) && i + 1 < len) {
            uint32_t a2 = unit(m, s + i + 1), b2 = unit(m, from + i + 1);
            if (re_is_lo(a2) && re_is_lo(b2)) {
                a = 0x10000 + ((a - 0xd800) << 10) + (a2 - 0xdc00);
                b = 0x10000 + ((b - 0xd800) << 10) + (b2 - 0xdc00);
                i++;
            }
        }
        if (re_canonicalize(a, m->u) != re_canonicalize(b, m->u))
            return -1;
    }
    return back ? from : from + len;
}

/* Runs the program from start; RE_MATCH with m->caps filled. */
static ReResult run(Matcher *m, int32_t start) {
    const int32_t *code = m->prog->code;
    int32_t pc = 0, pos = start;
    m->n = 0;
    for (uint32_t i = 0; i < 2 * m->prog->ncaps; i++)
        m->caps[i] = -1;
    for (;;) {
        if (++m->steps >= RE_POLL_INTERVAL) {
            m->steps = 0;
            if (m->in->poll && !m->in->poll(m->in->poll_ctx))
                return RE_ABORTED;
        }
        int32_t op = code[pc];
        bool back = (op & RI_BACK) != 0;
        switch (op & 0xff) {
        case RI_CHAR:
        case RI_CHAR_I:
        case RI_CLASS:
            pos = match_one(m, code + pc, pos);
            if (pos < 0)
                goto fail;
            pc += 2;
            continue;
        case RI_ANY:
        case RI_DOT:
            pos = match_one(m, code + pc, pos);
            if (pos < 0)
                goto fail;
            pc += 1;
            continue;
        case RI_BOL:
            if (pos != 0)
                goto fail;
            pc++;
            continue;
        case RI_EOL:
            if (pos != m->len)
                goto fail;
            pc++;
            continue;
        case RI_MBOL:
            if (pos != 0 && !is_line_terminator(unit(m, pos - 1)))
                goto fail;
            pc++;
            continue;
        case RI_MEOL:
            if (pos != m->len && !is_line_terminator(unit(m, pos)))
                goto fail;
            pc++;
            continue;
        case RI_WORDB:
        case RI_NWORDB: {
            bool a = is_word_at(m, pos - 1), b = is_word_at(m, pos);
            if ((a != b) != ((op & 0xff) == RI_WORDB))
                goto fail;
            pc++;
            continue;
        }
        case RI_SPLIT:
            if (!bt_push(m, BT_CHOICE, code[pc + 1], pos, 0))
                return RE_OVERFLOW;
            pc += 2;
            continue;
        case RI_SPLIT_LAZY:
            if (!bt_push(m, BT_CHOICE, pc + 2, pos, 0))
                return RE_OVERFLOW;
            pc = code[pc + 1];
            continue;
        case RI_JMP:
            pc = code[pc + 1];
            continue;
        case RI_OPEN: {
            int32_t k = code[pc + 1];
            int32_t here = back ? 2 * k + 1 : 2 * k, other = back ? 2 * k : 2 * k + 1;
            if (!set_cap(m, here, pos) || !set_cap(m, other, -1))
                return RE_OVERFLOW;
            pc += 2;
            continue;
        }
        case RI_CLOSE: {
            int32_t k = code[pc + 1];
            if (!set_cap(m, back ? 2 * k : 2 * k + 1, pos))
                return RE_OVERFLOW;
            pc += 2;
            continue;
        }
        case RI_RESET:
            for (int32_t s = 2 * code[pc + 1]; s < 2 * code[pc + 2]; s++)
                if (!set_cap(m, s, -1))
                    return RE_OVERFLOW;
            pc += 3;
            continue;
        case RI_BACKREF:
            pos = match_backref(m, code[pc + 1], pos, back, (op & RI_ICASE) != 0);
            if (pos < 0)
                goto fail;
            pc += 2;
            continue;
        case RI_LOOP_INIT:
            if (!set_reg(m, code[pc + 1], 0))
                return RE_OVERFLOW;
            pc += 2;
            continue;
        case RI_LOOP: {
            /* RepeatMatcher (#sec-runtime-semantics-repeatmatcher-abstract-operation):
             * below min an iteration is required (step 6); at max none is possible
             * (step 1); otherwise greedy tries the body first (steps 8-9), lazy the
             * continuation first (step 7) */
            int32_t cnt = m->regs[code[pc + 1]], min = code[pc + 2], max = code[pc + 3];
            int32_t exit_pc = code[pc + 5];
            if (cnt < min) {
                pc += 6;
            } else if (max != RE_INF && cnt >= max) {
                pc = exit_pc;
            } else if (code[pc + 4]) {
                if (!bt_push(m, BT_CHOICE, exit_pc, pos, 0))
                    return RE_OVERFLOW;
                pc += 6;
            } else {
                if (!bt_push(m, BT_CHOICE, pc + 6, pos, 0))
                    return RE_OVERFLOW;
                pc = exit_pc;
            }
            continue;
        }
        case RI_SET_POS:
            if (!set_reg(m, code[pc + 1], pos))
                return RE_OVERFLOW;
            pc += 2;
            continue;
        case RI_LOOP_END: {
            /* RepeatMatcher step 2.b: an iteration past min that matched the empty string
             * fails */
            int32_t r = code[pc + 1], cnt = m->regs[r];
            if (cnt >= code[pc + 3] && pos == m->regs[code[pc + 2]])
                goto fail;
            if (!set_reg(m, r, cnt + 1))
                return RE_OVERFLOW;
            pc = code[pc + 4];
            continue;
        }
        case RI_STAR: {
            int32_t min = code[pc + 1], max = code[pc + 2], mlen = code[pc + 4];
            const int32_t *mcode = code + pc + 5;
            int32_t cont = pc + 5 + mlen;
            int32_t cnt = 0, p2;
            for (; cnt < min; cnt++) {
                if ((p2 = match_one(m, mcode, pos)) < 0)
                    goto fail;
                pos = p2;
            }
            if (code[pc + 3]) {
                int32_t floor = pos;
                for (; max == RE_INF || cnt < max; cnt++) {
                    if ((p2 = match_one(m, mcode, pos)) < 0)
                        break;
                    pos = p2;
                }
                if (pos != floor && !bt_push(m, BT_GREEDY, pc, pos, floor))
                    return RE_OVERFLOW;
            } else if (max == RE_INF || cnt < max) {
                if (!bt_push(m, BT_LAZY, pc, pos, cnt))
                    return RE_OVERFLOW;
            }
            pc = cont;
            continue;
        }
        case RI_LOOK:
            if (!bt_push(m, BT_LOOK, code[pc + 1], pos, code[pc + 2]))
                return RE_OVERFLOW;
            pc += 3;
            continue;
        case RI_LOOK_END: {
            /* #sec-compileassertion: the body matched */
            size_t b = m->n;
            while (b > 0 && m->bt[b - 1].kind != BT_LOOK)
                b--;
            if (b == 0)
                return RE_NO_MATCH; /* cannot happen */
            b--;
            BtEntry look = m->bt[b];
            if (look.a & LOOK_NEG) {
                /* (?!...) / (?<!...): the body matched, so the assertion fails; undo
                 * what the body did down to the barrier, then backtrack */
                while (m->n > b + 1) {
                    BtEntry *e = &m->bt[--m->n];
                    if (e->kind == BT_CAP)
                        m->caps[e->a] = e->b;
                    else if (e->kind == BT_REG)
                        m->regs[e->a] = e->b;
                }
                m->n = b;
                goto fail;
            }
            /* positive: drop the body's choice points (it cannot be re-entered), keep
             * its undo log for backtracking past the assertion */
            size_t w = b;
            for (size_t i = b + 1; i < m->n; i++)
                if (m->bt[i].kind == BT_CAP || m->bt[i].kind == BT_REG)
                    m->bt[w++] = m->bt[i];
            m->n = w;
            pos = look.b;
            pc += 2;
            continue;
        }
        case RI_MATCH:
            m->caps[0] = start;
            m->caps[1] = pos;
            return RE_MATCH;
        default:
            return RE_NO_MATCH; /* cannot happen */
        }
    fail:
        for (;;) {
            if (m->n == 0)
                return RE_NO_MATCH;
            BtEntry *e = &m->bt[m->n - 1];
            switch (e->kind) {
            case BT_CAP:
                m->caps[e->a] = e->b;
                m->n--;
                continue;
            case BT_REG:
                m->regs[e->a] = e->b;
                m->n--;
                continue;
            case BT_CHOICE:
                pc = e->a;
                pos = e->b;
                m->n--;
                break;
            case BT_LOOK:
                m->n--;
                if (!(e->a & LOOK_NEG))
                    continue;
                /* a negative lookaround whose body failed succeeds */
                pos = e->b;
                pc = e->c;
                break;
            case BT_GREEDY: {
                /* give back one character */
                const int32_t *s = code + e->a;
                bool sback = (s[5] & RI_BACK) != 0;
                uint32_t c;
                int w = sback ? read_fwd(m, e->b, &c) : read_back(m, e->b, &c);
                int32_t np = sback ? e->b + w : e->b - w;
                if (sback ? np > e->c : np < e->c)
                    np = e->c;
                e->b = np;
                pos = np;
                pc = e->a + 5 + s[4];
                if (np == e->c)
                    m->n--;
                break;
            }
            case BT_LAZY: {
                /* take one more character */
                const int32_t *s = code + e->a;
                int32_t np = match_one(m, s + 5, e->b);
                if (np < 0) {
                    m->n--;
                    continue;
                }
                e->b = np;
                e->c++;
                pos = np;
                pc = e->a + 5 + s[4];
                if (s[2] != RE_INF && e->c >= s[2])
                    m->n--;
                break;
            }
            default:
                return RE_NO_MATCH; /* cannot happen */
            }
            break;
        }
    }
}

ReResult re_exec(const ReProg *prog, const ReInput *in, uint32_t start, int32_t *caps) {
    Matcher m;
    memset(&m, 0, sizeof m);
    m.prog = prog;
    m.in = in;
    m.len = (int32_t)in->len;
    if (in->wide)
        m.s16 = in->data;
    else
        m.s8 = in->data;
    m.u = (prog->flags & (RE_FLAG_UNICODE | RE_FLAG_UNICODE_SETS)) != 0;
    m.icase = (prog->flags & RE_FLAG_IGNORE_CASE) != 0;
    m.caps = caps;
    int32_t regs_local[16];
    m.regs = prog->nregs <= 16 ? regs_local : xmalloc(prog->nregs * sizeof(int32_t));
    for (uint32_t i = 0; i < prog->nregs; i++)
        m.regs[i] = 0;
    m.max = in->max_stack ? in->max_stack : RE_DEFAULT_MAX_STACK;
    m.cap = 64 < m.max ? 64 : m.max;
    m.bt = xmalloc(m.cap * sizeof(BtEntry));
    bool sticky = (prog->flags & RE_FLAG_STICKY) && !in->scan;
    ReResult r = RE_NO_MATCH;
    /* in u mode lastIndex designates the character that contains its unit
     * (#sec-regexpbuiltinexec step 13.b, "the character that was obtained from element
     * lastIndex"), so a start inside a surrogate pair moves back to the pair */
    if (m.u && start > 0 && start < (uint32_t)m.len && re_is_lo(unit(&m, (int32_t)start)) &&
        re_is_hi(unit(&m, (int32_t)start - 1)))
        start--;
    for (int32_t i = (int32_t)start; i <= m.len;) {
        if (!sticky) {
            if (prog->anchored && i > 0)
                break;
            if (prog->first_unit >= 0) {
                while (i < m.len && unit(&m, i) != (uint32_t)prog->first_unit)
                    i++;
                if (i >= m.len)
                    break;
            }
        }
        r = run(&m, i);
        if (r != RE_NO_MATCH || sticky)
            break;
        /* AdvanceStringIndex (#sec-advancestringindex) */
        if (m.u && i + 1 < m.len && re_is_hi(unit(&m, i)) && re_is_lo(unit(&m, i + 1)))
            i += 2;
        else
            i++;
    }
    if (r != RE_MATCH)
        for (uint32_t k = 0; k < 2 * prog->ncaps; k++)
            caps[k] = -1;
    free(m.bt);
    if (m.regs != regs_local)
        free(m.regs);
    return r;
}
