/* diffout.c — see diffout.h. */
#include "analyzer/diffout.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/jsonw.h"
#include "analyzer/tlmodel.h"
#include "analyzer/why.h"
#include "analyzer/xmlesc.h"
#include "common/util.h"

enum { CHAIN_SHOW_HEAD = 4, CHAIN_SHOW_TAIL = 6, CROSSED_SHOW = 3, NOTE_COLUMN = 24 };

typedef struct {
    const char *bold, *red, *green, *cyan, *dim, *reset;
} Pal;

static Pal palette(bool color) {
    if (!color)
        return (Pal){"", "", "", "", "", ""};
    return (Pal){"\033[1m", "\033[31m", "\033[32m", "\033[36m", "\033[2m", "\033[0m"};
}

static const char *side_name(int s) {
    return s == 0 ? "A" : "B";
}

/* ---- shared facts ------------------------------------------------------------------ */

static uint32_t line_job(const Diff *d, int s, uint32_t i) {
    return i == MODEL_NONE ? MODEL_NONE : d->lines[s]->v[i].job;
}

static bool ran(const Model *m, uint32_t j) {
    return j != MODEL_NONE && m->jobs[j].run_index != MODEL_NONE;
}

/* The program's output as shown in a diff line: text with control characters escaped. */
static void put_display(StrBuf *sb, const Diff *d, int s, uint32_t i) {
    size_t len;
    const char *t = lines_text(d->lines[s], i, &len);
    StrBuf q;
    strbuf_init(&q);
    lines_put_quoted(&q, t, len);
    /* drop the quotes, and unescape \" and \\ which read fine in a diff */
    for (size_t k = 1; k + 1 < q.len; k++) {
        if (q.data[k] == '\\' && (q.data[k + 1] == '"' || q.data[k + 1] == '\\'))
            k++;
        strbuf_putc(sb, q.data[k]);
    }
    strbuf_fini(&q);
}

static void put_quoted_line(StrBuf *sb, const Diff *d, int s, uint32_t i) {
    size_t len;
    const char *t = lines_text(d->lines[s], i, &len);
    lines_put_quoted(sb, t, len);
}

static void put_job(StrBuf *sb, const Model *m, uint32_t j) {
    const MJob *x = &m->jobs[j];
    strbuf_printf(sb, "%s #%" PRIu64, x->kind ? model_str(m, x->kind) : "job", x->id);
}

/* "2 ticks earlier (tick 3 → 1)", "turn 0 → 1, same tick (0)"; with colon, "2 ticks
 * earlier: tick 3 → 1" (for use inside parentheses). */
static void put_shift_as(StrBuf *sb, const Diff *d, uint32_t ja, uint32_t jb, bool colon) {
    if (!ran(d->m[0], ja) || !ran(d->m[1], jb))
        return;
    const MJob *x = &d->m[0]->jobs[ja], *y = &d->m[1]->jobs[jb];
    if (x->turn != y->turn)
        strbuf_printf(sb, "turn %u \xE2\x86\x92 %u, ", x->turn, y->turn);
    if (x->tick == y->tick) {
        strbuf_printf(sb, "same tick (%u)", x->tick);
        return;
    }
    uint32_t n = x->tick > y->tick ? x->tick - y->tick : y->tick - x->tick;
    strbuf_printf(sb,
                  colon ? "%u tick%s %s: tick %u \xE2\x86\x92 %u"
                        : "%u tick%s %s (tick %u \xE2\x86\x92 %u)",
                  n, n == 1 ? "" : "s", y->tick < x->tick ? "earlier" : "later", x->tick, y->tick);
}

static void put_shift(StrBuf *sb, const Diff *d, uint32_t ja, uint32_t jb) {
    put_shift_as(sb, d, ja, jb, false);
}

/* "Script #1 → PromiseReactionJob #2" */
static void put_chain(StrBuf *sb, const Model *m, const WhyChain *c) {
    if (c->n == 0) {
        strbuf_puts(sb, "(printed by the host)");
        return;
    }
    for (uint32_t k = 0; k < c->n; k++) {
        if (c->n > CHAIN_SHOW_HEAD + CHAIN_SHOW_TAIL + 1 && k >= CHAIN_SHOW_HEAD &&
            k < c->n - CHAIN_SHOW_TAIL) {
            if (k == CHAIN_SHOW_HEAD)
                strbuf_printf(sb, " \xE2\x86\x92 \xE2\x80\xA6 %u more",
                              c->n - CHAIN_SHOW_HEAD - CHAIN_SHOW_TAIL);
            continue;
        }
        if (k > 0)
            strbuf_puts(sb, " \xE2\x86\x92 ");
        put_job(sb, m, c->jobs[k]);
    }
}

/* The kept line nearest to moved line i of A among those it crossed. */
static uint32_t nearest_crossed(const Diff *d, uint32_t i, bool *ahead, uint32_t *count) {
    uint32_t from;
    diff_crossed(d, i, &from, count, ahead);
    if (*count == 0)
        return MODEL_NONE;
    return d->kept_a[*ahead ? from + *count - 1 : from];
}

/* Why, in trace s, line `early` came before line `late` (line indices of side s). */
static WhyRule explain_order(const Diff *d, int s, uint32_t early, uint32_t late, StrBuf *sb) {
    const Model *m = d->m[s];
    WhyChain ce, cl;
    why_chain(m, line_job(d, s, early), &ce);
    why_chain(m, line_job(d, s, late), &cl);
    WhyDivergence dv;
    why_diverge(m, &ce, &cl, &dv);
    StrBuf ne, nl;
    strbuf_init(&ne);
    strbuf_init(&nl);
    put_quoted_line(&ne, d, s, early);
    put_quoted_line(&nl, d, s, late);
    why_explain_rule(m, &dv, ne.data, nl.data, sb);
    strbuf_fini(&ne);
    strbuf_fini(&nl);
    why_chain_fini(&ce);
    why_chain_fini(&cl);
    return dv.rule;
}

/* ---- text -------------------------------------------------------------------------- */

static void put_side_header(StrBuf *out, const Diff *d, const DiffOutOptions *o, int s,
                            const Pal *p) {
    const Model *m = d->m[s];
    strbuf_printf(out, "%s%s %s: %s", p->bold, s == 0 ? "---" : "+++", side_name(s), o->label[s]);
    strbuf_printf(out, "  (spec %s, host %s; %u job%s, %u output line%s)%s\n",
                  m->spec ? model_str(m, m->spec) : "?", m->host ? model_str(m, m->host) : "?",
                  m->njobs, m->njobs == 1 ? "" : "s", d->lines[s]->n,
                  d->lines[s]->n == 1 ? "" : "s", p->reset);
}

static void put_op_line(StrBuf *out, const Diff *d, const DiffOp *op, const Pal *p) {
    int s = op->op == '+' ? 1 : 0;
    uint32_t i = s ? op->b : op->a;
    const char *col = op->op == '-' ? p->red : op->op == '+' ? p->green : "";
    size_t start = out->len;
    strbuf_printf(out, "%s%c", col, op->op);
    size_t text_start = out->len;
    put_display(out, d, s, i);
    size_t width = xml_text_width(out->data + text_start, out->len - text_start);
    (void)start;
    if (op->op == ' ') {
        strbuf_putc(out, '\n');
        return;
    }
    strbuf_puts(out, p->reset);
    for (size_t w = width; w < NOTE_COLUMN; w++)
        strbuf_putc(out, ' ');
    strbuf_printf(out, "  %s(", p->dim);
    uint32_t other = d->lmatch[s][i];
    if (other == MODEL_NONE) {
        strbuf_printf(out, "only in %s", side_name(s));
    } else if (s == 0) {
        strbuf_printf(out, "moved to B #%u", other + 1);
    } else {
        strbuf_printf(out, "moved from A #%u", other + 1);
        uint32_t ja = line_job(d, 0, other), jb = line_job(d, 1, i);
        if (ran(d->m[0], ja) && ran(d->m[1], jb)) {
            strbuf_puts(out, ", ");
            put_shift_as(out, d, ja, jb, true);
        }
    }
    strbuf_printf(out, ")%s\n", p->reset);
}

static void text_hunks(StrBuf *out, const Diff *d, const DiffOutOptions *o, const Pal *p) {
    DiffOp *ops;
    uint32_t n = diff_script(d, &ops);
    uint32_t *pa = xmalloc(((size_t)n + 1) * sizeof *pa),
             *pb = xmalloc(((size_t)n + 1) * sizeof *pb);
    pa[0] = pb[0] = 0;
    for (uint32_t i = 0; i < n; i++) {
        pa[i + 1] = pa[i] + (ops[i].a != MODEL_NONE);
        pb[i + 1] = pb[i] + (ops[i].b != MODEL_NONE);
    }
    uint32_t c = o->context;
    for (uint32_t i = 0; i < n;) {
        if (ops[i].op == ' ') {
            i++;
            continue;
        }
        uint32_t last = i, j = i + 1;
        while (j < n && (ops[j].op != ' ' || j - last <= 2 * c)) {
            if (ops[j].op != ' ')
                last = j;
            j++;
        }
        uint32_t start = i > c ? i - c : 0;
        uint32_t end = last + 1 + c < n ? last + 1 + c : n;
        uint32_t na = pa[end] - pa[start], nb = pb[end] - pb[start];
        strbuf_printf(out, "%s@@ -%u,%u +%u,%u @@%s\n", p->cyan, na ? pa[start] + 1 : pa[start], na,
                      nb ? pb[start] + 1 : pb[start], nb, p->reset);
        for (uint32_t k = start; k < end; k++)
            put_op_line(out, d, &ops[k], p);
        i = end;
    }
    free(pa);
    free(pb);
    free(ops);
}

static void text_moved(StrBuf *out, const Diff *d, const Pal *p) {
    if (d->nmoved == 0)
        return;
    strbuf_printf(out, "\n%smoved lines (%u):%s\n", p->bold, d->nmoved, p->reset);
    uint32_t shown = 0;
    StrBuf sb;
    strbuf_init(&sb);
    for (uint32_t a = 0; a < d->lines[0]->n; a++) {
        if (!diff_line_moved(d, 0, a))
            continue;
        if (shown++ == DIFFOUT_LIST_MAX) {
            strbuf_printf(out, "  ... and %u more (see --json)\n", d->nmoved - DIFFOUT_LIST_MAX);
            break;
        }
        uint32_t b = d->lmatch[0][a];
        uint32_t ja = line_job(d, 0, a), jb = line_job(d, 1, b);
        strbuf_puts(out, "  ");
        put_quoted_line(out, d, 0, a);
        strbuf_printf(out, ": A #%u \xE2\x86\x92 B #%u", a + 1, b + 1);
        if (ran(d->m[0], ja) && ran(d->m[1], jb)) {
            strbuf_puts(out, ", ");
            put_shift(out, d, ja, jb);
        }
        bool ahead;
        uint32_t from, count;
        diff_crossed(d, a, &from, &count, &ahead);
        if (count > 0) {
            strbuf_printf(out, "; now %s ", ahead ? "before" : "after");
            for (uint32_t k = 0; k < count && k < CROSSED_SHOW; k++) {
                if (k > 0)
                    strbuf_puts(out, k + 1 == count ? " and " : ", ");
                put_quoted_line(out, d, 0, d->kept_a[from + k]); /* in output order */
            }
            if (count > CROSSED_SHOW)
                strbuf_printf(out, " and %u more", count - CROSSED_SHOW);
        }
        strbuf_putc(out, '\n');
        WhyChain ca, cb;
        why_chain(d->m[0], ja, &ca);
        why_chain(d->m[1], jb, &cb);
        strbuf_printf(out, "    %schain in A:%s ", p->dim, p->reset);
        put_chain(out, d->m[0], &ca);
        strbuf_printf(out, "\n    %schain in B:%s ", p->dim, p->reset);
        put_chain(out, d->m[1], &cb);
        strbuf_putc(out, '\n');
        for (int s = 0; s < 2; s++) {
            const WhyChain *c = s == 0 ? &ca : &cb;
            uint32_t nonly = 0;
            strbuf_clear(&sb);
            for (uint32_t k = 0; k < c->n; k++) {
                if (d->match[s][c->jobs[k]] != MODEL_NONE)
                    continue;
                if (nonly++)
                    strbuf_puts(&sb, ", ");
                put_job(&sb, d->m[s], c->jobs[k]);
            }
            if (nonly)
                strbuf_printf(out, "    %s's chain has %u job%s that %s does not have: %s\n",
                              side_name(s), nonly, nonly == 1 ? "" : "s", side_name(1 - s),
                              sb.data);
        }
        uint32_t x = nearest_crossed(d, a, &ahead, &count);
        if (x != MODEL_NONE) {
            /* in A the line was after x when it moved ahead, before x when it moved back */
            for (int s = 0; s < 2; s++) {
                uint32_t line = s == 0 ? a : b, other = s == 0 ? x : d->lmatch[0][x];
                bool line_first = (s == 0) != ahead;
                strbuf_clear(&sb);
                WhyRule r =
                    explain_order(d, s, line_first ? line : other, line_first ? other : line, &sb);
                strbuf_printf(out, "    %sin %s, ", p->dim, side_name(s));
                put_quoted_line(out, d, s, line_first ? line : other);
                strbuf_printf(out, " came first (%s):%s %s\n", why_rule_name(r), p->reset, sb.data);
            }
        }
        why_chain_fini(&ca);
        why_chain_fini(&cb);
    }
    strbuf_fini(&sb);
}

static void text_lines_only(StrBuf *out, const Diff *d, int s, const Pal *p) {
    uint32_t n = s == 0 ? d->nremoved : d->nadded;
    if (n == 0)
        return;
    strbuf_printf(out, "\n%slines only in %s (%u):%s\n", p->bold, side_name(s), n, p->reset);
    uint32_t shown = 0;
    for (uint32_t i = 0; i < d->lines[s]->n; i++) {
        if (d->lmatch[s][i] != MODEL_NONE)
            continue;
        if (shown++ == DIFFOUT_LIST_MAX) {
            strbuf_printf(out, "  ... and %u more (see --json)\n", n - DIFFOUT_LIST_MAX);
            break;
        }
        strbuf_printf(out, "  #%u ", i + 1);
        put_quoted_line(out, d, s, i);
        uint32_t j = line_job(d, s, i);
        if (j != MODEL_NONE) {
            strbuf_puts(out, ", printed by ");
            model_job_title(d->m[s], j, out);
        }
        strbuf_putc(out, '\n');
    }
}

static void text_jobs_only(StrBuf *out, const Diff *d, int s, const Pal *p) {
    const Model *m = d->m[s];
    if (d->nonly[s] == 0) {
        strbuf_printf(out, "\n%sjobs only in %s:%s none\n", p->bold, side_name(s), p->reset);
        return;
    }
    strbuf_printf(out, "\n%sjobs only in %s (%u):%s\n", p->bold, side_name(s), d->nonly[s],
                  p->reset);
    uint32_t shown = 0;
    for (uint32_t r = 0; r < m->nrun + m->njobs; r++) {
        uint32_t j = r < m->nrun ? m->run_order[r] : r - m->nrun;
        if (r >= m->nrun && m->jobs[j].run_index != MODEL_NONE)
            continue;
        if (d->match[s][j] != MODEL_NONE)
            continue;
        if (shown++ == DIFFOUT_LIST_MAX) {
            strbuf_printf(out, "  ... and %u more (see --json)\n", d->nonly[s] - DIFFOUT_LIST_MAX);
            break;
        }
        const MJob *x = &m->jobs[j];
        strbuf_puts(out, "  ");
        model_job_title(m, j, out);
        if (x->run_index != MODEL_NONE)
            strbuf_printf(out, " \xE2\x80\x94 turn %u, tick %u", x->turn, x->tick);
        else
            strbuf_puts(out, " \xE2\x80\x94 never ran");
        strbuf_printf(out, "\n      %sbecause%s ", p->dim, p->reset);
        why_edge_reason(m, j, out);
        strbuf_putc(out, '\n');
    }
}

/* "tick 3 → 1, queue timer → task, time 1 → 0 ms" */
static void put_job_change(StrBuf *sb, const Diff *d, uint32_t a, uint32_t b) {
    const Model *ma = d->m[0], *mb = d->m[1];
    const MJob *x = &ma->jobs[a], *y = &mb->jobs[b];
    bool first = true;
#define SEP() (first ? (void)(first = false) : strbuf_puts(sb, ", "))
    if (!ran(ma, a) || !ran(mb, b)) {
        strbuf_puts(sb, ran(ma, a) ? "ran in A, never in B" : "ran in B, never in A");
        return;
    }
    if (x->turn != y->turn) {
        SEP();
        strbuf_printf(sb, "turn %u \xE2\x86\x92 %u", x->turn, y->turn);
    }
    if (x->tick != y->tick) {
        SEP();
        strbuf_printf(sb, "tick %u \xE2\x86\x92 %u", x->tick, y->tick);
    }
    const char *qa = model_str(ma, x->queue_name), *qb = model_str(mb, y->queue_name);
    if (strcmp(qa, qb) != 0) {
        SEP();
        strbuf_printf(sb, "queue %s \xE2\x86\x92 %s", qa, qb);
    }
    if (x->time != y->time && (diff_time_matters(x) || diff_time_matters(y))) {
        SEP();
        strbuf_printf(sb, "starts at %.6g \xE2\x86\x92 %.6g ms", x->time, y->time);
    }
#undef SEP
}

static void text_shifted(StrBuf *out, const Diff *d, const Pal *p) {
    if (d->nshifted == 0) {
        strbuf_printf(out, "\n%sshifted jobs:%s none\n", p->bold, p->reset);
        return;
    }
    strbuf_printf(out, "\n%sshifted jobs (%u):%s\n", p->bold, d->nshifted, p->reset);
    const Model *m = d->m[0];
    uint32_t shown = 0;
    for (uint32_t r = 0; r < m->nrun + m->njobs; r++) {
        uint32_t j = r < m->nrun ? m->run_order[r] : r - m->nrun;
        if (r >= m->nrun && m->jobs[j].run_index != MODEL_NONE)
            continue;
        if (!diff_job_shifted(d, j))
            continue;
        if (shown++ == DIFFOUT_LIST_MAX) {
            strbuf_printf(out, "  ... and %u more (see --json)\n", d->nshifted - DIFFOUT_LIST_MAX);
            break;
        }
        uint32_t b = d->match[0][j];
        strbuf_puts(out, "  ");
        diff_put_identity(d, 0, j, out);
        strbuf_printf(out, ": A #%" PRIu64 " \xE2\x86\x92 B #%" PRIu64 ": ", m->jobs[j].id,
                      d->m[1]->jobs[b].id);
        put_job_change(out, d, j, b);
        strbuf_putc(out, '\n');
    }
}

void diffout_text(const Diff *d, const DiffOutOptions *o, StrBuf *out) {
    Pal p = palette(o->color);
    put_side_header(out, d, o, 0, &p);
    put_side_header(out, d, o, 1, &p);
    bool same_output = d->nmoved == 0 && d->nadded == 0 && d->nremoved == 0;
    if (same_output)
        strbuf_printf(out, "output: the same %u line%s in the same order\n", d->lines[0]->n,
                      d->lines[0]->n == 1 ? "" : "s");
    else
        text_hunks(out, d, o, &p);
    text_moved(out, d, &p);
    text_lines_only(out, d, 0, &p);
    text_lines_only(out, d, 1, &p);
    text_jobs_only(out, d, 0, &p);
    text_jobs_only(out, d, 1, &p);
    text_shifted(out, d, &p);
    if (diff_is_empty(d)) {
        strbuf_printf(out,
                      "\n%ssummary:%s no differences: the same output, the same jobs at "
                      "the same ticks\n",
                      p.bold, p.reset);
        return;
    }
    strbuf_printf(out,
                  "\n%ssummary:%s %u line%s moved, %u added, %u removed; %u job%s only in A, "
                  "%u only in B; %u job%s shifted\n",
                  p.bold, p.reset, d->nmoved, d->nmoved == 1 ? "" : "s", d->nadded, d->nremoved,
                  d->nonly[0], d->nonly[0] == 1 ? "" : "s", d->nonly[1], d->nshifted,
                  d->nshifted == 1 ? "" : "s");
}

/* ---- json -------------------------------------------------------------------------- */

static void json_opt_str(JsonW *w, const char *key, const Model *m, uint32_t id) {
    json_key(w, key);
    if (id)
        json_cstr(w, model_str(m, id));
    else
        json_null(w);
}

static void json_job(JsonW *w, const Diff *d, int s, uint32_t j) {
    if (j == MODEL_NONE) {
        json_null(w);
        return;
    }
    const Model *m = d->m[s];
    const MJob *x = &m->jobs[j];
    StrBuf sb;
    strbuf_init(&sb);
    json_object_begin(w);
    json_kv_uint(w, "id", x->id);
    json_opt_str(w, "kind", m, x->kind);
    json_opt_str(w, "fn", m, x->fn);
    json_key(w, "handler");
    json_cstr(w, x->handler ? model_short_loc(m, x->handler) : NULL);
    json_kv_str(w, "queue", model_str(m, x->queue_name));
    json_opt_str(w, "reason", m, x->reason);
    bool r = x->run_index != MODEL_NONE;
    json_key(w, "tick");
    r ? json_uint(w, x->tick) : json_null(w);
    json_key(w, "turn");
    r ? json_uint(w, x->turn) : json_null(w);
    json_key(w, "time");
    r ? json_num(w, x->time) : json_null(w);
    diff_put_identity(d, s, j, &sb);
    json_kv_str(w, "identity", sb.data);
    json_kv_uint(w, "occurrence", d->job_occ[s][j]);
    json_key(w, "enqueued_by");
    x->by != MODEL_NONE ? json_uint(w, m->jobs[x->by].id) : json_null(w);
    json_key(w, "partner");
    d->match[s][j] != MODEL_NONE ? json_uint(w, d->m[1 - s]->jobs[d->match[s][j]].id)
                                 : json_null(w);
    json_object_end(w);
    strbuf_fini(&sb);
}

static void json_line_text(JsonW *w, const Diff *d, int s, uint32_t i) {
    size_t len;
    const char *t = lines_text(d->lines[s], i, &len);
    json_key(w, "text");
    json_str(w, t, len);
    json_kv_str(w, "stream", d->lines[s]->v[i].is_err ? "err" : "out");
}

static void json_line_side(JsonW *w, const Diff *d, int s, uint32_t i) {
    json_key(w, s == 0 ? "a" : "b");
    if (i == MODEL_NONE) {
        json_null(w);
        return;
    }
    json_object_begin(w);
    json_kv_uint(w, "line", (uint64_t)i + 1);
    json_key(w, "job");
    json_job(w, d, s, line_job(d, s, i));
    json_object_end(w);
}

/* A chain as short job records: {"id", "kind", "tick", "turn", "partner"}. */
static void json_chain(JsonW *w, const Diff *d, int s, uint32_t j) {
    const Model *m = d->m[s];
    WhyChain c;
    why_chain(m, j, &c);
    json_array_begin(w);
    for (uint32_t k = 0; k < c.n; k++) {
        const MJob *x = &m->jobs[c.jobs[k]];
        bool r = x->run_index != MODEL_NONE;
        json_object_begin(w);
        json_kv_uint(w, "id", x->id);
        json_key(w, "kind");
        json_cstr(w, x->kind ? model_str(m, x->kind) : NULL);
        json_key(w, "tick");
        r ? json_uint(w, x->tick) : json_null(w);
        json_key(w, "turn");
        r ? json_uint(w, x->turn) : json_null(w);
        uint32_t p = d->match[s][c.jobs[k]];
        json_key(w, "partner");
        p != MODEL_NONE ? json_uint(w, d->m[1 - s]->jobs[p].id) : json_null(w);
        json_object_end(w);
    }
    json_array_end(w);
    why_chain_fini(&c);
}

static void json_sides(JsonW *w, const Diff *d, const DiffOutOptions *o) {
    for (int s = 0; s < 2; s++) {
        const Model *m = d->m[s];
        json_key(w, s == 0 ? "a" : "b");
        json_object_begin(w);
        json_kv_str(w, "label", o->label[s]);
        json_opt_str(w, "program", m, m->program);
        json_opt_str(w, "spec", m, m->spec);
        json_opt_str(w, "host", m, m->host);
        json_kv_uint(w, "jobs", m->njobs);
        json_kv_uint(w, "lines", d->lines[s]->n);
        json_object_end(w);
    }
}

static void json_moved(JsonW *w, const Diff *d) {
    json_key(w, "moved");
    json_array_begin(w);
    StrBuf sb;
    strbuf_init(&sb);
    for (uint32_t a = 0; a < d->lines[0]->n; a++) {
        if (!diff_line_moved(d, 0, a))
            continue;
        uint32_t b = d->lmatch[0][a];
        uint32_t ja = line_job(d, 0, a), jb = line_job(d, 1, b);
        json_object_begin(w);
        json_line_text(w, d, 0, a);
        json_line_side(w, d, 0, a);
        json_line_side(w, d, 1, b);
        bool both = ran(d->m[0], ja) && ran(d->m[1], jb);
        json_key(w, "tick_shift");
        both ? json_int(w, (int64_t)d->m[1]->jobs[jb].tick - (int64_t)d->m[0]->jobs[ja].tick)
             : json_null(w);
        json_key(w, "turn_shift");
        both ? json_int(w, (int64_t)d->m[1]->jobs[jb].turn - (int64_t)d->m[0]->jobs[ja].turn)
             : json_null(w);
        bool ahead;
        uint32_t from, count;
        diff_crossed(d, a, &from, &count, &ahead);
        json_kv_str(w, "direction", ahead ? "earlier" : "later");
        json_key(w, "crossed");
        json_array_begin(w);
        for (uint32_t k = 0; k < count; k++) {
            uint32_t x = d->kept_a[ahead ? from + count - 1 - k : from + k];
            size_t len;
            const char *t = lines_text(d->lines[0], x, &len);
            json_str(w, t, len);
        }
        json_array_end(w);
        json_key(w, "chain_a");
        json_chain(w, d, 0, ja);
        json_key(w, "chain_b");
        json_chain(w, d, 1, jb);
        uint32_t x = nearest_crossed(d, a, &ahead, &count);
        for (int s = 0; s < 2 && x != MODEL_NONE; s++) {
            uint32_t line = s == 0 ? a : b, other = s == 0 ? x : d->lmatch[0][x];
            bool line_first = (s == 0) != ahead;
            strbuf_clear(&sb);
            WhyRule r =
                explain_order(d, s, line_first ? line : other, line_first ? other : line, &sb);
            json_key(w, s == 0 ? "why_a" : "why_b");
            json_object_begin(w);
            json_key(w, "first");
            size_t len;
            const char *t = lines_text(d->lines[s], line_first ? line : other, &len);
            json_str(w, t, len);
            json_kv_str(w, "rule", why_rule_name(r));
            json_kv_str(w, "text", sb.data);
            json_object_end(w);
        }
        json_object_end(w);
    }
    json_array_end(w);
    strbuf_fini(&sb);
}

static void json_lines_only(JsonW *w, const Diff *d, int s) {
    json_key(w, s == 0 ? "removed" : "added");
    json_array_begin(w);
    for (uint32_t i = 0; i < d->lines[s]->n; i++) {
        if (d->lmatch[s][i] != MODEL_NONE)
            continue;
        json_object_begin(w);
        json_line_text(w, d, s, i);
        json_kv_uint(w, "line", (uint64_t)i + 1);
        json_key(w, "job");
        json_job(w, d, s, line_job(d, s, i));
        json_object_end(w);
    }
    json_array_end(w);
}

static void json_jobs_only(JsonW *w, const Diff *d, int s) {
    const Model *m = d->m[s];
    json_key(w, s == 0 ? "only_in_a" : "only_in_b");
    json_array_begin(w);
    StrBuf sb;
    strbuf_init(&sb);
    for (uint32_t r = 0; r < m->nrun + m->njobs; r++) {
        uint32_t j = r < m->nrun ? m->run_order[r] : r - m->nrun;
        if ((r >= m->nrun && m->jobs[j].run_index != MODEL_NONE) || d->match[s][j] != MODEL_NONE)
            continue;
        json_object_begin(w);
        json_key(w, "job");
        json_job(w, d, s, j);
        strbuf_clear(&sb);
        why_edge_reason(m, j, &sb);
        json_kv_str(w, "because", sb.data);
        json_object_end(w);
    }
    json_array_end(w);
    strbuf_fini(&sb);
}

static void json_shifted(JsonW *w, const Diff *d) {
    const Model *m = d->m[0];
    json_key(w, "shifted");
    json_array_begin(w);
    for (uint32_t r = 0; r < m->nrun + m->njobs; r++) {
        uint32_t j = r < m->nrun ? m->run_order[r] : r - m->nrun;
        if ((r >= m->nrun && m->jobs[j].run_index != MODEL_NONE) || !diff_job_shifted(d, j))
            continue;
        uint32_t b = d->match[0][j];
        const MJob *x = &m->jobs[j], *y = &d->m[1]->jobs[b];
        bool both = ran(m, j) && ran(d->m[1], b);
        json_object_begin(w);
        json_key(w, "a");
        json_job(w, d, 0, j);
        json_key(w, "b");
        json_job(w, d, 1, b);
        json_key(w, "tick_shift");
        both ? json_int(w, (int64_t)y->tick - (int64_t)x->tick) : json_null(w);
        json_key(w, "turn_shift");
        both ? json_int(w, (int64_t)y->turn - (int64_t)x->turn) : json_null(w);
        json_key(w, "time_shift");
        both ? json_num(w, y->time - x->time) : json_null(w);
        json_kv_bool(w, "queue_changed",
                     strcmp(model_str(m, x->queue_name), model_str(d->m[1], y->queue_name)) != 0);
        json_object_end(w);
    }
    json_array_end(w);
}

static void json_script(JsonW *w, const Diff *d) {
    DiffOp *ops;
    uint32_t n = diff_script(d, &ops);
    json_key(w, "lines");
    json_array_begin(w);
    for (uint32_t k = 0; k < n; k++) {
        const DiffOp *op = &ops[k];
        int s = op->op == '+' ? 1 : 0;
        uint32_t i = s ? op->b : op->a;
        json_object_begin(w);
        char opc[2] = {op->op, '\0'};
        json_kv_str(w, "op", opc);
        json_kv_str(w, "status",
                    op->op == ' '                   ? "same"
                    : d->lmatch[s][i] == MODEL_NONE ? (s ? "added" : "removed")
                                                    : "moved");
        json_line_text(w, d, s, i);
        uint32_t la = s ? d->lmatch[1][i] : i, lb = s ? i : d->lmatch[0][i];
        json_key(w, "a");
        la != MODEL_NONE ? json_uint(w, (uint64_t)la + 1) : json_null(w);
        json_key(w, "b");
        lb != MODEL_NONE ? json_uint(w, (uint64_t)lb + 1) : json_null(w);
        json_object_end(w);
    }
    json_array_end(w);
    free(ops);
}

void diffout_json(const Diff *d, const DiffOutOptions *o, StrBuf *out) {
    JsonW w;
    json_init(&w, out, true);
    json_object_begin(&w);
    json_kv_str(&w, "schema", "tickscope-diff");
    json_kv_uint(&w, "version", 1);
    json_sides(&w, d, o);
    json_kv_bool(&w, "identical", diff_is_empty(d));
    json_key(&w, "summary");
    json_object_begin(&w);
    json_kv_uint(&w, "moved", d->nmoved);
    json_kv_uint(&w, "added", d->nadded);
    json_kv_uint(&w, "removed", d->nremoved);
    json_kv_uint(&w, "only_in_a", d->nonly[0]);
    json_kv_uint(&w, "only_in_b", d->nonly[1]);
    json_kv_uint(&w, "shifted", d->nshifted);
    json_object_end(&w);
    json_script(&w, d);
    json_moved(&w, d);
    json_lines_only(&w, d, 0);
    json_lines_only(&w, d, 1);
    json_jobs_only(&w, d, 0);
    json_jobs_only(&w, d, 1);
    json_shifted(&w, d);
    json_object_end(&w);
    strbuf_putc(out, '\n');
}

/* ---- svg --------------------------------------------------------------------------- */

void diffout_svg(const Diff *d, const DiffOutOptions *o, StrBuf *out) {
    TlmDoc doc[2];
    StrBuf sb;
    strbuf_init(&sb);
    for (int s = 0; s < 2; s++) {
        const Model *m = d->m[s];
        tlm_build(m, s == 0 ? "a-" : "b-", &doc[s]);
        /* jobs that printed a moved line */
        uint8_t *moved = xcalloc(m->njobs ? m->njobs : 1, 1);
        for (uint32_t i = 0; i < d->lines[s]->n; i++) {
            uint32_t j = line_job(d, s, i);
            if (j != MODEL_NONE && diff_line_moved(d, s, i))
                moved[j] = 1;
        }
        for (uint32_t r = 0; r < m->nrun; r++) {
            uint32_t j = m->run_order[r];
            uint32_t other = d->match[s][j];
            bool only = other == MODEL_NONE;
            bool shifted = !only && diff_job_shifted(d, s == 0 ? j : other);
            if (!only && !shifted && !moved[j])
                continue;
            strbuf_clear(&sb);
            const char *words[3] = {only ? "only" : NULL, shifted ? "shifted" : NULL,
                                    moved[j] ? "moved" : NULL};
            for (int k = 0; k < 3; k++)
                if (words[k])
                    strbuf_printf(&sb, "%s%s", sb.len ? " " : "", words[k]);
            doc[s].jobs[r].mark = tlm_keep(&doc[s], &sb);
            if (only) {
                strbuf_printf(&sb, "only in %s", side_name(s));
            } else if (shifted) {
                put_job_change(&sb, d, s == 0 ? j : other, s == 0 ? other : j);
            } else {
                strbuf_puts(&sb, "printed a moved line");
            }
            doc[s].jobs[r].badge = tlm_keep(&doc[s], &sb);
        }
        free(moved);
        strbuf_clear(&sb);
        strbuf_printf(&sb, "%s: %s \xE2\x80\x94 spec %s, host %s", side_name(s), o->label[s],
                      m->spec ? model_str(m, m->spec) : "?", m->host ? model_str(m, m->host) : "?");
        doc[s].t.title = tlm_keep(&doc[s], &sb);
    }
    strbuf_clear(&sb);
    strbuf_printf(&sb, "trace diff: %u line%s moved, %u job%s only in A, %u only in B, %u shifted",
                  d->nmoved, d->nmoved == 1 ? "" : "s", d->nonly[0], d->nonly[0] == 1 ? "" : "s",
                  d->nonly[1], d->nshifted);
    const Timeline *panels[2] = {&doc[0].t, &doc[1].t};
    timeline_write_svg_panels(panels, 2, sb.data, out);
    strbuf_fini(&sb);
    tlm_free(&doc[0]);
    tlm_free(&doc[1]);
}
