/* graph.c — see graph.h.
 *
 * The build runs in passes over arrays indexed by job (enqueue order, so a parent's
 * index is below its children's):
 *   1. keep[]     the filters (kinds, from/to, focus);
 *   2. folding    only when more than max_nodes jobs are kept: chain folding, then
 *                 identical-subtree folding, then the run-order cut;
 *   3. emit       a node per shown job, an edge from its nearest shown ancestor.
 * Hidden jobs are of two sorts: filtered out (an edge that skips them says "via N
 * jobs") and folded (their node stands for them, so the edge says nothing). */
#include "analyzer/graph.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/palette.h"
#include "analyzer/xmlesc.h"
#include "common/strbuf.h"
#include "common/util.h"

enum { LABEL_MAX_LINES = 8, LABEL_MAX_CHARS = 60 };

typedef enum {
    SHOW,        /* a node */
    HIDE_FILTER, /* filtered out: edges skip it and count it */
    HIDE_FOLDED, /* part of a folded chain: its representative stands for it */
    HIDE_CUT,    /* in a folded duplicate subtree or past the cut: no node, no edge */
} Visibility;

typedef struct {
    const Model *m;
    const GraphOptions *o;
    uint32_t n;
    uint8_t *vis;          /* Visibility */
    uint8_t *focus_hit;    /* printed the focus text */
    uint32_t *kparent;     /* nearest SHOW ancestor (recomputed), or MODEL_NONE */
    uint32_t *skipped;     /* HIDE_FILTER jobs between kparent and the job */
    uint32_t *first_child; /* the forest of shown jobs, children in index order */
    uint32_t *next_sib;
    uint32_t *last_child;
    uint32_t *nkids;
    uint32_t *chain_len; /* for a chain's representative: the jobs it stands for */
    uint32_t *dup_count; /* for the first of identical siblings: how many */
    uint32_t roots_first, roots_last;
    uint32_t cut_count; /* jobs dropped by the run-order cut */
} Build;

bool graph_parse_bound(const char *s, GraphBound *out) {
    bool is_seq = false;
    if (strncmp(s, "seq:", 4) == 0)
        is_seq = true, s += 4;
    else if (strncmp(s, "tick:", 5) == 0)
        s += 5;
    if (*s < '0' || *s > '9')
        return false;
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (*end)
        return false;
    out->set = true;
    out->is_seq = is_seq;
    out->value = v;
    return true;
}

/* ---- filters ----------------------------------------------------------------------- */

static bool in_list(const char *list, const char *word) {
    size_t wl = strlen(word);
    for (const char *p = list; *p;) {
        const char *comma = strchr(p, ',');
        size_t l = comma ? (size_t)(comma - p) : strlen(p);
        if (l == wl && memcmp(p, word, l) == 0)
            return true;
        p += l + (comma ? 1 : 0);
    }
    return false;
}

static bool within(const MJob *j, const GraphBound *b, bool lower) {
    if (!b->set)
        return true;
    uint64_t v = b->is_seq ? (j->run_seq ? j->run_seq : j->enqueue_seq) : j->tick;
    return lower ? v >= b->value : v <= b->value;
}

static bool job_prints(const Model *m, uint32_t j, const char *needle) {
    size_t nl = strlen(needle);
    for (uint32_t l = m->jobs[j].first_log; l != MODEL_NONE; l = m->logs[l].next) {
        size_t len;
        const char *t = model_log_text(m, &m->logs[l], &len);
        if (nl == 0 || memmem(t, len, needle, nl))
            return true;
    }
    return false;
}

/* Returns the number of jobs kept. */
static uint32_t apply_filters(Build *b) {
    const Model *m = b->m;
    const GraphOptions *o = b->o;
    uint32_t n = b->n;
    uint8_t *near = NULL; /* focus: ancestor-or-descendant of a hit */
    if (o->focus) {
        near = xcalloc(n ? n : 1, 1);
        for (uint32_t i = 0; i < n; i++)
            b->focus_hit[i] = job_prints(m, i, o->focus);
        for (uint32_t i = 0; i < n; i++) { /* descendants: parents come first */
            uint32_t p = m->jobs[i].parent;
            near[i] = b->focus_hit[i] || (p != MODEL_NONE && (near[p] & 1));
        }
        for (uint32_t i = n; i-- > 0;) { /* ancestors: children come later */
            uint32_t p = m->jobs[i].parent;
            if (p != MODEL_NONE && (b->focus_hit[i] || (near[i] & 2)))
                near[p] |= 2;
        }
    }
    uint32_t kept = 0;
    for (uint32_t i = 0; i < n; i++) {
        const MJob *j = &m->jobs[i];
        bool keep = true;
        if (o->kinds)
            keep = in_list(o->kinds, model_str(m, j->kind)) ||
                   in_list(o->kinds, model_str(m, j->queue_name)) ||
                   in_list(o->kinds, model_queue_name(j->queue));
        keep = keep && within(j, &o->from, true) && within(j, &o->to, false);
        if (near)
            keep = keep && near[i];
        b->vis[i] = keep ? SHOW : HIDE_FILTER;
        kept += keep;
    }
    free(near);
    return kept;
}

/* ---- the forest of shown jobs ------------------------------------------------------ */

/* Recompute kparent and the child lists over the jobs currently SHOWn. A job below a
 * HIDE_CUT job is cut too. */
static uint32_t rebuild_forest(Build *b) {
    const Model *m = b->m;
    uint32_t shown = 0;
    b->roots_first = b->roots_last = MODEL_NONE;
    for (uint32_t i = 0; i < b->n; i++) {
        b->first_child[i] = b->last_child[i] = b->next_sib[i] = MODEL_NONE;
        b->nkids[i] = 0;
        uint32_t p = m->jobs[i].parent;
        if (p != MODEL_NONE && b->vis[p] == HIDE_CUT)
            b->vis[i] = HIDE_CUT;
        if (p == MODEL_NONE || b->vis[p] == SHOW) {
            b->kparent[i] = p;
            b->skipped[i] = 0;
        } else {
            b->kparent[i] = b->kparent[p];
            b->skipped[i] = b->skipped[p] + (b->vis[p] == HIDE_FILTER);
        }
        if (b->vis[i] != SHOW)
            continue;
        shown++;
        uint32_t kp = b->kparent[i];
        uint32_t *first = kp == MODEL_NONE ? &b->roots_first : &b->first_child[kp];
        uint32_t *last = kp == MODEL_NONE ? &b->roots_last : &b->last_child[kp];
        if (*last == MODEL_NONE)
            *first = i;
        else
            b->next_sib[*last] = i;
        *last = i;
        if (kp != MODEL_NONE)
            b->nkids[kp]++;
    }
    return shown;
}

/* ---- folding ----------------------------------------------------------------------- */

static bool chain_member(const Build *b, uint32_t i) {
    uint32_t kp = b->kparent[i];
    return b->vis[i] == SHOW && kp != MODEL_NONE && b->nkids[kp] == 1 && b->nkids[i] == 1 &&
           b->m->jobs[i].nlogs == 0 && !b->focus_hit[i];
}

/* Chains of silent jobs, each the only child of the one before: keep the first. */
static void fold_chains(Build *b) {
    for (uint32_t i = 0; i < b->n; i++) {
        if (!chain_member(b, i) || chain_member(b, b->kparent[i]))
            continue; /* not the start of a chain */
        uint32_t len = 1, k = b->first_child[i];
        while (k != MODEL_NONE && chain_member(b, k)) {
            len++;
            k = b->first_child[k];
        }
        if (len < 2)
            continue;
        b->chain_len[i] = len;
        for (k = b->first_child[i]; len-- > 1; k = b->first_child[k])
            b->vis[k] = HIDE_FOLDED;
    }
}

static uint64_t mix(uint64_t h, uint64_t v) {
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h * 0xff51afd7ed558ccdULL;
}

/* Runs of sibling subtrees with the same shape (kinds, handlers, queues, recursively)
 * fold into their first, which gets a count. */
static void fold_duplicates(Build *b) {
    const Model *m = b->m;
    uint64_t *sig = xcalloc(b->n ? b->n : 1, sizeof *sig);
    uint64_t *acc = xcalloc(b->n ? b->n : 1, sizeof *acc);
    for (uint32_t i = b->n; i-- > 0;) { /* children before parents */
        if (b->vis[i] != SHOW)
            continue;
        const MJob *j = &m->jobs[i];
        uint64_t h = mix(mix(mix(mix(j->kind, j->handler), j->fn), j->queue), b->chain_len[i]);
        sig[i] = mix(h, acc[i]);
        uint32_t kp = b->kparent[i];
        if (kp != MODEL_NONE)
            acc[kp] = mix(acc[kp], sig[i]); /* order-dependent: siblings in reverse */
    }
    for (uint32_t p = 0; p <= b->n; p++) {
        uint32_t c = p == b->n ? b->roots_first : b->first_child[p];
        while (c != MODEL_NONE) {
            uint32_t d = b->next_sib[c], count = 1;
            while (d != MODEL_NONE && sig[d] == sig[c]) {
                b->vis[d] = HIDE_CUT;
                count++;
                d = b->next_sib[d];
            }
            if (count > 1)
                b->dup_count[c] = count;
            c = d;
        }
    }
    free(acc);
    free(sig);
}

/* Keep the first max_nodes - 1 shown jobs in run order (then the never-run ones). */
static void cut_in_run_order(Build *b, uint32_t max_nodes) {
    const Model *m = b->m;
    uint32_t budget = max_nodes > 1 ? max_nodes - 1 : 1;
    uint32_t seen = 0;
    for (uint32_t r = 0; r < m->nrun + m->njobs; r++) {
        uint32_t i;
        if (r < m->nrun) {
            i = m->run_order[r];
        } else {
            i = r - m->nrun;
            if (m->jobs[i].run_index != MODEL_NONE)
                continue;
        }
        if (b->vis[i] != SHOW)
            continue;
        if (seen++ >= budget) {
            b->vis[i] = HIDE_CUT;
            b->cut_count++;
        }
    }
}

/* ---- emitting ---------------------------------------------------------------------- */

static void put_row(StrBuf *sb, const char *font_attrs, const char *s, size_t len) {
    if (len == 0) { /* Graphviz rejects an empty <FONT></FONT>; an empty cell is fine */
        strbuf_puts(sb, "<TR><TD></TD></TR>");
        return;
    }
    strbuf_printf(sb, "<TR><TD ALIGN=\"LEFT\"><FONT %s>", font_attrs);
    /* Graphviz 2.43's HTML lexer rejects a text made only of ']' (found by the bench's
     * generated traces): write every ']' as a character reference. */
    StrBuf t;
    strbuf_init(&t);
    xml_put_text(&t, s, len, LABEL_MAX_CHARS);
    for (size_t k = 0; k < t.len; k++) {
        if (t.data[k] == ']')
            strbuf_puts(sb, "&#93;");
        else
            strbuf_putc(sb, t.data[k]);
    }
    strbuf_fini(&t);
    strbuf_puts(sb, "</FONT></TD></TR>");
}

static void job_label(const Build *b, uint32_t i, StrBuf *sb) {
    const Model *m = b->m;
    const MJob *j = &m->jobs[i];
    StrBuf t;
    strbuf_init(&t);
    strbuf_puts(sb, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">");
    if (b->chain_len[i] > 1)
        strbuf_printf(&t, "%u jobs, from %s #%" PRIu64, b->chain_len[i], model_str(m, j->kind),
                      j->id);
    else
        strbuf_printf(&t, "%s #%" PRIu64, model_str(m, j->kind), j->id);
    if (b->dup_count[i] > 1)
        strbuf_printf(&t, "  \xC3\x97%u", b->dup_count[i]); /* ×N */
    put_row(sb, "POINT-SIZE=\"11\"", t.data, t.len);
    strbuf_clear(&t);
    model_job_where(m, i, &t);
    if (t.len)
        put_row(sb, "POINT-SIZE=\"9\" COLOR=\"#495057\"", t.data, t.len);
    MLineIter it;
    MLine line;
    uint32_t shown = 0, total = model_job_line_count(m, i);
    model_lines_begin(m, i, &it);
    while (model_lines_next(&it, &line)) {
        if (total > LABEL_MAX_LINES && shown == LABEL_MAX_LINES - 1)
            break;
        put_row(sb,
                line.is_err ? "FACE=\"monospace\" POINT-SIZE=\"10\" COLOR=\"#c92a2a\""
                            : "FACE=\"monospace\" POINT-SIZE=\"10\"",
                line.text, line.len);
        shown++;
    }
    if (shown < total) {
        strbuf_clear(&t);
        strbuf_printf(&t, "\xE2\x80\xA6 %u more lines", total - shown);
        put_row(sb, "POINT-SIZE=\"9\" COLOR=\"#6c757d\"", t.data, t.len);
    }
    strbuf_clear(&t);
    if (j->run_index == MODEL_NONE)
        strbuf_puts(&t, "never ran");
    else
        strbuf_printf(&t, "tick %u \xC2\xB7 turn %u", j->tick, j->turn);
    put_row(sb, "POINT-SIZE=\"8\" COLOR=\"#6c757d\"", t.data, t.len);
    strbuf_puts(sb, "</TABLE>");
    strbuf_fini(&t);
}

/* ---- activations and promises ------------------------------------------------------ */

/* The attribute that labels an edge: "label", or "xlabel" when the graph has activation
 * clusters, because Graphviz 2.43's dot layout frees memory twice for some graphs where
 * labelled edges (which dot turns into virtual label nodes) meet clusters. An xlabel is
 * placed after the layout and takes no part in it. */
static const char *edge_label(const Build *b) {
    return b->o->activations ? "xlabel" : "label";
}

/* A shown job, or the nearest shown ancestor of a hidden one, or MODEL_NONE. */
static uint32_t shown_or_above(const Build *b, uint32_t j) {
    if (j == MODEL_NONE)
        return MODEL_NONE;
    return b->vis[j] == SHOW ? j : b->kparent[j];
}

static bool show_activation(const Build *b, uint32_t a) {
    return b->o->activations && b->m->activations[a].nsuspend > 0;
}

/* Clusters for the activations to show; cluster_of[job] receives the cluster a resumed
 * job goes into (GV_ROOT for the others). Returns the clusters by activation. */
static GvCluster *activation_clusters(const Build *b, GvGraph *g, GvCluster *cluster_of) {
    const Model *m = b->m;
    for (uint32_t i = 0; i < b->n; i++)
        cluster_of[i] = GV_ROOT;
    if (!b->o->activations)
        return NULL;
    GvCluster *cl = xcalloc(m->nactivations ? m->nactivations : 1, sizeof *cl);
    /* A cluster only for an activation with something inside: a shown job that resumed
     * it, or the node of an await that never resumed (Graphviz 2.43's dot layout frees
     * memory twice for some graphs with empty clusters). */
    uint8_t *filled = xcalloc(m->nactivations ? m->nactivations : 1, 1);
    for (uint32_t i = 0; i < b->n; i++)
        if (b->vis[i] == SHOW && m->jobs[i].activation != MODEL_NONE)
            filled[m->jobs[i].activation] = 1;
    for (uint32_t a = 0; a < m->nactivations; a++) {
        const MActivation *act = &m->activations[a];
        if (act->suspended && act->last_step != MODEL_NONE && !m->act_steps[act->last_step].resume)
            filled[a] = 1;
    }
    StrBuf label;
    strbuf_init(&label);
    for (uint32_t a = 0; a < m->nactivations; a++) {
        if (!show_activation(b, a) || !filled[a])
            continue;
        const MActivation *act = &m->activations[a];
        strbuf_clear(&label);
        strbuf_printf(&label, "%s %s() #%" PRIu64, act->kind ? model_str(m, act->kind) : "",
                      act->fn ? model_str(m, act->fn) : "(anonymous)", act->id);
        if (act->at)
            strbuf_printf(&label, ", called at %s", model_short_loc(m, act->at));
        if (act->creator != MODEL_NONE)
            strbuf_printf(&label, " in %s #%" PRIu64, model_str(m, m->jobs[act->creator].kind),
                          m->jobs[act->creator].id);
        strbuf_printf(&label, ": %u suspension%s, %u resumption%s", act->nsuspend,
                      act->nsuspend == 1 ? "" : "s", act->nresume, act->nresume == 1 ? "" : "s");
        StrBuf esc;
        strbuf_init(&esc);
        gv_put_plain(&esc, label.data);
        cl[a] =
            gv_cluster_new(g, GV_ROOT,
                           (const char *[]){"label", esc.data, "style", "rounded,dashed", "color",
                                            "#7048e8", "fontname", "Helvetica", "fontsize", "10",
                                            "fontcolor", "#5f3dc4", "labeljust", "l", NULL});
        strbuf_fini(&esc);
    }
    for (uint32_t i = 0; i < b->n; i++) {
        uint32_t a = m->jobs[i].activation;
        if (b->vis[i] == SHOW && a != MODEL_NONE && show_activation(b, a))
            cluster_of[i] = cl[a];
    }
    free(filled);
    strbuf_fini(&label);
    return cl;
}

/* The suspend -> resume edges of each shown activation, and a node for one that never
 * resumed. */
static void activation_edges(const Build *b, GvGraph *g, const GvNode *node, const GvCluster *cl) {
    const Model *m = b->m;
    StrBuf label, name;
    strbuf_init(&label);
    strbuf_init(&name);
    for (uint32_t a = 0; a < m->nactivations; a++) {
        if (!show_activation(b, a))
            continue;
        const MActivation *act = &m->activations[a];
        const MActStep *susp = NULL;
        for (uint32_t s = act->first_step; s != MODEL_NONE; s = m->act_steps[s].next) {
            const MActStep *st = &m->act_steps[s];
            if (!st->resume) {
                susp = st;
                continue;
            }
            if (!susp)
                continue;
            uint32_t from = shown_or_above(b, susp->job), to = shown_or_above(b, st->job);
            strbuf_clear(&label);
            strbuf_puts(&label, susp->op ? model_str(m, susp->op) : "suspend");
            if (susp->at)
                strbuf_printf(&label, " %s", model_short_loc(m, susp->at));
            susp = NULL;
            if (from == MODEL_NONE || to == MODEL_NONE || from == to)
                continue;
            StrBuf esc;
            strbuf_init(&esc);
            gv_put_plain(&esc, label.data);
            gv_edge_new(g, node[from], node[to],
                        (const char *[]){"color", "#7048e8", "style", "dotted", "xlabel", esc.data,
                                         "fontcolor", "#5f3dc4", "constraint", "false", "class",
                                         "resume", NULL});
            strbuf_fini(&esc);
        }
        if (!act->suspended || !susp)
            continue;
        /* never resumed: where it waits */
        strbuf_clear(&label);
        strbuf_printf(&label, "never resumed: %s", susp->op ? model_str(m, susp->op) : "suspended");
        if (susp->at)
            strbuf_printf(&label, " at %s", model_short_loc(m, susp->at));
        if (susp->awaiting != MODEL_NONE) {
            const MPromise *p = &m->promises[susp->awaiting];
            strbuf_printf(&label, "\non promise #%" PRIu64 " (%s)", p->id,
                          p->state == PROMISE_FULFILLED || p->state == PROMISE_REJECTED
                              ? model_promise_state_name(p->state)
                              : "never settled");
        }
        strbuf_putc(&label, '\n');
        StrBuf esc;
        strbuf_init(&esc);
        gv_put_plain(&esc, label.data);
        strbuf_clear(&name);
        strbuf_printf(&name, "act%" PRIu64 "_stuck", act->id);
        GvNode stuck = gv_node_new(g, cl[a], name.data,
                                   (const char *[]){"id", name.data, "label", esc.data, "style",
                                                    "rounded,dashed", "color", "#e03131",
                                                    "fontcolor", "#c92a2a", NULL});
        strbuf_fini(&esc);
        uint32_t from = shown_or_above(b, susp->job);
        if (from != MODEL_NONE)
            gv_edge_new(
                g, node[from], stuck,
                (const char *[]){"color", "#e03131", "style", "dashed", "class", "stuck", NULL});
    }
    strbuf_fini(&label);
    strbuf_fini(&name);
}

static const char *origin_phrase(const char *origin) {
    static const struct {
        const char *origin, *phrase;
    } t[] = {
        {"constructor", "new Promise"}, {"then", ".then() result"}, {"resolve", "Promise.resolve"},
        {"reject", "Promise.reject"},   {"async", "async result"},  {"await", "await's promise"},
        {"combinator", "combinator"},   {"builtin", "built-in"},
        {"module", "module evaluation"},
    };
    for (size_t i = 0; i < ARRAY_LEN(t); i++)
        if (strcmp(t[i].origin, origin) == 0)
            return t[i].phrase;
    return origin;
}

static bool promise_touches_shown(const Build *b, uint32_t p) {
    const Model *m = b->m;
    const MPromise *pr = &m->promises[p];
    if ((pr->creator != MODEL_NONE && b->vis[pr->creator] == SHOW) ||
        (pr->settler != MODEL_NONE && b->vis[pr->settler] == SHOW))
        return true;
    for (uint32_t r = pr->first_reaction; r != MODEL_NONE; r = m->reactions[r].next)
        if (m->reactions[r].job != MODEL_NONE && b->vis[m->reactions[r].job] == SHOW)
            return true;
    return false;
}

static void promise_layer(const Build *b, GvGraph *g, const GvNode *node) {
    const Model *m = b->m;
    GvNode *pnode = xmalloc((m->npromises ? m->npromises : 1) * sizeof *pnode);
    uint8_t *drawn = xcalloc(m->npromises ? m->npromises : 1, 1);
    uint32_t count = 0, skipped = 0;
    StrBuf label, name, esc;
    strbuf_init(&label);
    strbuf_init(&name);
    strbuf_init(&esc);
    for (uint32_t p = 0; p < m->npromises; p++) {
        if (!promise_touches_shown(b, p))
            continue;
        if (b->o->max_nodes > 0 && count >= b->o->max_nodes) {
            skipped++;
            continue;
        }
        count++;
        const MPromise *pr = &m->promises[p];
        strbuf_clear(&label);
        strbuf_printf(&label, "promise #%" PRIu64, pr->id);
        if (pr->origin)
            strbuf_printf(&label, "\n%s", origin_phrase(model_str(m, pr->origin)));
        if (pr->at)
            strbuf_printf(&label, "\n%s", model_short_loc(m, pr->at));
        strbuf_printf(&label, "\n%s",
                      pr->state == PROMISE_PENDING  ? "never settled"
                      : pr->state == PROMISE_LOCKED ? "locked in, never settled"
                                                    : model_promise_state_name(pr->state));
        uint32_t idle = 0;
        for (uint32_t r = pr->first_reaction; r != MODEL_NONE; r = m->reactions[r].next)
            idle += m->reactions[r].job == MODEL_NONE;
        if (idle)
            strbuf_printf(&label, "\n%u reaction%s never ran", idle, idle == 1 ? "" : "s");
        strbuf_putc(&label, '\n');
        strbuf_clear(&esc);
        gv_put_plain(&esc, label.data);
        strbuf_clear(&name);
        strbuf_printf(&name, "promise%" PRIu64, pr->id);
        bool bad = pr->state == PROMISE_REJECTED;
        bool open = pr->state == PROMISE_PENDING || pr->state == PROMISE_LOCKED;
        pnode[p] = gv_node_new(g, GV_ROOT, name.data,
                               (const char *[]){"id", name.data, "label", esc.data, "shape",
                                                "ellipse", "style", open ? "dashed" : "filled",
                                                "fillcolor", bad ? "#fff5f5" : "#f8f9fa", "color",
                                                bad    ? "#e03131"
                                                : open ? "#868e96"
                                                       : "#495057",
                                                "fontsize", "9", "margin", "0.04,0.02", NULL});
        drawn[p] = 1;
    }
    for (uint32_t p = 0; p < m->npromises; p++) {
        if (!drawn[p])
            continue;
        const MPromise *pr = &m->promises[p];
        if (pr->creator != MODEL_NONE && b->vis[pr->creator] == SHOW && pr->creator != pr->settler)
            gv_edge_new(g, node[pr->creator], pnode[p],
                        (const char *[]){"color", "#ced4da", "style", "dotted", "arrowhead", "odot",
                                         "class", "creates", NULL});
        if (pr->settler != MODEL_NONE && b->vis[pr->settler] == SHOW) {
            bool rej = pr->state == PROMISE_REJECTED;
            gv_edge_new(g, node[pr->settler], pnode[p],
                        (const char *[]){"color", rej ? "#e03131" : "#2f9e44", edge_label(b),
                                         rej ? "rejects" : "fulfils", "fontcolor",
                                         rej ? "#c92a2a" : "#2b8a3e", "class", "settles", NULL});
        }
        if (pr->locked_to != MODEL_NONE && drawn[pr->locked_to])
            gv_edge_new(g, pnode[p], pnode[pr->locked_to],
                        (const char *[]){"color", "#f59f00", "style", "dashed", edge_label(b),
                                         "adopts", "fontcolor", "#e67700", "class", "adopts",
                                         NULL});
        for (uint32_t r = pr->first_reaction; r != MODEL_NONE; r = m->reactions[r].next) {
            uint32_t j = m->reactions[r].job;
            if (j == MODEL_NONE || b->vis[j] != SHOW)
                continue;
            bool aw = m->reactions[r].activation != MODEL_NONE;
            gv_edge_new(g, pnode[p], node[j],
                        (const char *[]){"color", "#1c7ed6", "style", "dashed", edge_label(b),
                                         aw ? "await" : "then", "fontcolor", "#1864ab", "class",
                                         "reaction", NULL});
        }
    }
    if (skipped > 0) {
        strbuf_clear(&label);
        strbuf_printf(&label, "\xE2\x80\xA6 %u more promise%s not shown (--max-nodes)", skipped,
                      skipped == 1 ? "" : "s");
        gv_node_new(g, GV_ROOT, "more_promises",
                    (const char *[]){"label", label.data, "style", "dashed", "color", "#868e96",
                                     "shape", "ellipse", NULL});
    }
    strbuf_fini(&label);
    strbuf_fini(&name);
    strbuf_fini(&esc);
    free(drawn);
    free(pnode);
}

static GvGraph *emit(const Build *b) {
    const Model *m = b->m;
    GvGraph *g = gv_graph_new("causality");
    StrBuf title;
    strbuf_init(&title);
    gv_put_plain(&title, m->program ? model_str(m, m->program) : "trace");
    if (m->spec || m->host) {
        strbuf_puts(&title, " \xE2\x80\x94 ");
        gv_put_plain(&title, model_str(m, m->spec));
        if (m->spec && m->host)
            strbuf_puts(&title, ", ");
        gv_put_plain(&title, model_str(m, m->host));
    }
    gv_graph_attrs(g, (const char *[]){"label", title.data, "labelloc", "t", "fontname",
                                       "Helvetica", "fontsize", "12", "rankdir", "TB", "nodesep",
                                       "0.3", "ranksep", "0.4", NULL});
    strbuf_fini(&title);
    gv_node_defaults(g,
                     (const char *[]){"shape", "box", "style", "rounded,filled", "fontname",
                                      "Helvetica", "fontsize", "10", "margin", "0.08,0.04", NULL});
    gv_edge_defaults(
        g, (const char *[]){"arrowsize", "0.7", "fontname", "Helvetica", "fontsize", "9", NULL});
    GvNode *node = xmalloc((b->n ? b->n : 1) * sizeof *node);
    GvCluster *cluster_of = xmalloc((b->n ? b->n : 1) * sizeof *cluster_of);
    GvCluster *act_cluster = activation_clusters(b, g, cluster_of);
    StrBuf label, name;
    strbuf_init(&label);
    strbuf_init(&name);
    for (uint32_t i = 0; i < b->n; i++) {
        if (b->vis[i] != SHOW)
            continue;
        const MJob *j = &m->jobs[i];
        strbuf_clear(&name);
        strbuf_printf(&name, "job%" PRIu64, j->id);
        /* The node's name is also its id in svg output: <g id="job7" class="node">. */
        node[i] =
            gv_node_new(g, cluster_of[i], name.data,
                        (const char *[]){"id", name.data, "fillcolor", palette_queue_fill(j->queue),
                                         "color", palette_queue_border(j->queue), NULL});
        strbuf_clear(&label);
        job_label(b, i, &label);
        gv_node_html_label(g, node[i], label.data);
    }
    for (uint32_t i = 0; i < b->n; i++) {
        uint32_t p = b->kparent[i];
        if (b->vis[i] != SHOW || p == MODEL_NONE)
            continue;
        uint32_t via = b->skipped[i];
        if (via > 0) {
            strbuf_clear(&label);
            strbuf_printf(&label, "via %u job%s", via, via == 1 ? "" : "s");
            gv_edge_new(g, node[p], node[i],
                        (const char *[]){"color", "#adb5bd", "style", "dotted", edge_label(b),
                                         label.data, "class", "via", NULL});
            continue;
        }
        const char *reason = model_str(m, m->jobs[i].reason);
        gv_edge_new(g, node[p], node[i],
                    (const char *[]){"color", palette_reason_color(reason), "style",
                                     palette_reason_style(reason), "class",
                                     *reason ? reason : "other", NULL});
    }
    if (act_cluster)
        activation_edges(b, g, node, act_cluster);
    if (b->o->promises)
        promise_layer(b, g, node);
    free(act_cluster);
    free(cluster_of);
    if (b->cut_count > 0) {
        strbuf_clear(&label);
        strbuf_printf(&label, "\xE2\x80\xA6 %u more job%s not shown (--max-nodes)", b->cut_count,
                      b->cut_count == 1 ? "" : "s");
        gv_node_new(
            g, GV_ROOT, "more",
            (const char *[]){"label", label.data, "style", "dashed", "color", "#868e96", NULL});
    }
    if (gv_node_count(g) == 0)
        gv_node_new(
            g, GV_ROOT, "empty",
            (const char *[]){"label", "no job matches the filters", "style", "dashed", NULL});
    strbuf_fini(&name);
    strbuf_fini(&label);
    free(node);
    return g;
}

GvGraph *graph_build(const Model *m, const GraphOptions *o, uint32_t *jobs_kept) {
    Build b = {.m = m, .o = o, .n = m->njobs};
    size_t n1 = b.n ? b.n : 1;
    b.vis = xcalloc(n1, 1);
    b.focus_hit = xcalloc(n1, 1);
    b.kparent = xcalloc(n1, sizeof(uint32_t));
    b.skipped = xcalloc(n1, sizeof(uint32_t));
    b.first_child = xcalloc(n1, sizeof(uint32_t));
    b.next_sib = xcalloc(n1, sizeof(uint32_t));
    b.last_child = xcalloc(n1, sizeof(uint32_t));
    b.nkids = xcalloc(n1, sizeof(uint32_t));
    b.chain_len = xcalloc(n1, sizeof(uint32_t));
    b.dup_count = xcalloc(n1, sizeof(uint32_t));

    uint32_t kept = apply_filters(&b);
    if (jobs_kept)
        *jobs_kept = kept;
    uint32_t shown = rebuild_forest(&b);
    if (o->max_nodes > 0 && shown > o->max_nodes) {
        fold_chains(&b);
        shown = rebuild_forest(&b);
    }
    if (o->max_nodes > 0 && shown > o->max_nodes) {
        fold_duplicates(&b);
        shown = rebuild_forest(&b);
    }
    if (o->max_nodes > 0 && shown > o->max_nodes) {
        cut_in_run_order(&b, o->max_nodes);
        rebuild_forest(&b);
    }
    GvGraph *g = emit(&b);

    free(b.vis);
    free(b.focus_hit);
    free(b.kparent);
    free(b.skipped);
    free(b.first_child);
    free(b.next_sib);
    free(b.last_child);
    free(b.nkids);
    free(b.chain_len);
    free(b.dup_count);
    return g;
}
