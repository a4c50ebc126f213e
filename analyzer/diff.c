/* diff.c — see diff.h.
 *
 * Passes: (1) job identities and occurrences on each side, then matching through an
 * IdMap keyed by (identity, occurrence); (2) line identities the same way; (3) the
 * heaviest increasing subsequence of B positions over the matched lines of A; (4) the
 * counts. Identity strings are interned in one StrPool shared by both sides, so equal
 * identities get equal ids across traces. */
#include "analyzer/diff.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"

static uint64_t pair_key(uint32_t key, uint32_t occ) {
    return ((uint64_t)key << 32) | occ;
}

/* Count one more occurrence of key; returns the new count. */
static uint32_t bump(uint32_t **counts, uint32_t *cap, uint32_t key) {
    if (key >= *cap) {
        uint32_t ncap = *cap ? *cap : 64;
        while (ncap <= key)
            ncap *= 2;
        *counts = xrealloc(*counts, (size_t)ncap * sizeof **counts);
        memset(*counts + *cap, 0, (size_t)(ncap - *cap) * sizeof **counts);
        *cap = ncap;
    }
    return ++(*counts)[key];
}

static uint32_t job_identity(Diff *d, const Model *m, uint32_t j, StrBuf *tmp) {
    const MJob *x = &m->jobs[j];
    strbuf_clear(tmp);
    strbuf_puts(tmp, model_str(m, x->kind));
    strbuf_putc(tmp, '\0');
    if (x->handler)
        strbuf_puts(tmp, model_short_loc(m, x->handler));
    strbuf_putc(tmp, '\0');
    strbuf_puts(tmp, model_str(m, x->fn));
    return strpool_intern(&d->keys, tmp->data, tmp->len);
}

/* Identities and occurrences of one side's jobs: run order first, then never-run jobs. */
static void side_jobs(Diff *d, int s, StrBuf *tmp) {
    const Model *m = d->m[s];
    uint32_t n = m->njobs ? m->njobs : 1;
    d->job_key[s] = xcalloc(n, sizeof(uint32_t));
    d->job_occ[s] = xcalloc(n, sizeof(uint32_t));
    d->match[s] = xmalloc(n * sizeof(uint32_t));
    uint32_t *counts = NULL, cap = 0;
    for (uint32_t r = 0; r < m->nrun + m->njobs; r++) {
        uint32_t j;
        if (r < m->nrun) {
            j = m->run_order[r];
        } else {
            j = r - m->nrun;
            if (m->jobs[j].run_index != MODEL_NONE)
                continue;
        }
        d->job_key[s][j] = job_identity(d, m, j, tmp);
        d->job_occ[s][j] = bump(&counts, &cap, d->job_key[s][j]);
        d->match[s][j] = MODEL_NONE;
    }
    free(counts);
}

static void match_jobs(Diff *d) {
    StrBuf tmp;
    strbuf_init(&tmp);
    side_jobs(d, 0, &tmp);
    side_jobs(d, 1, &tmp);
    strbuf_fini(&tmp);
    IdMap map;
    idmap_init(&map);
    for (uint32_t j = 0; j < d->m[0]->njobs; j++)
        idmap_put(&map, pair_key(d->job_key[0][j], d->job_occ[0][j]), j);
    for (uint32_t j = 0; j < d->m[1]->njobs; j++) {
        uint32_t a = idmap_get(&map, pair_key(d->job_key[1][j], d->job_occ[1][j]));
        if (a != IDMAP_NONE) {
            d->match[1][j] = a;
            d->match[0][a] = j;
        }
    }
    idmap_fini(&map);
}

static void match_lines(Diff *d) {
    StrBuf tmp;
    strbuf_init(&tmp);
    uint32_t *keys[2];
    uint32_t *counts = NULL, cap = 0;
    IdMap map;
    idmap_init(&map);
    for (int s = 0; s < 2; s++) {
        const OutputLines *ls = d->lines[s];
        uint32_t n = ls->n ? ls->n : 1;
        keys[s] = xmalloc(n * sizeof(uint32_t));
        d->lmatch[s] = xmalloc(n * sizeof(uint32_t));
        d->kept[s] = xcalloc(n, 1);
        if (cap)
            memset(counts, 0, (size_t)cap * sizeof *counts);
        for (uint32_t i = 0; i < ls->n; i++) {
            size_t len;
            const char *t = lines_text(ls, i, &len);
            strbuf_clear(&tmp);
            strbuf_putc(&tmp, ls->v[i].is_err ? 'e' : 'o');
            strbuf_put(&tmp, t, len);
            keys[s][i] = strpool_intern(&d->keys, tmp.data, tmp.len);
            uint32_t occ = bump(&counts, &cap, keys[s][i]);
            d->lmatch[s][i] = MODEL_NONE;
            if (s == 0) {
                idmap_put(&map, pair_key(keys[0][i], occ), i);
            } else {
                uint32_t a = idmap_get(&map, pair_key(keys[1][i], occ));
                if (a != IDMAP_NONE) {
                    d->lmatch[1][i] = a;
                    d->lmatch[0][a] = i;
                }
            }
        }
    }
    idmap_fini(&map);
    free(counts);
    free(keys[0]);
    free(keys[1]);
    strbuf_fini(&tmp);
}

/* Does a change of virtual start time matter for this job? For a task it does: the host
 * chose when to run it (a timer's due time, a clamp, another host's loop). A microtask
 * starts when the job before it ends, so its start only reflects the interpreter steps
 * of the jobs ahead of it; its tick and turn already say where it moved. */
bool diff_time_matters(const MJob *x) {
    return x->queue != QUEUE_MICROTASK && x->queue != QUEUE_NEXTTICK;
}

bool diff_job_shifted(const Diff *d, uint32_t a) {
    uint32_t b = d->match[0][a];
    if (b == MODEL_NONE)
        return false;
    const MJob *x = &d->m[0]->jobs[a], *y = &d->m[1]->jobs[b];
    if ((x->run_index == MODEL_NONE) != (y->run_index == MODEL_NONE))
        return true;
    if (x->run_index == MODEL_NONE)
        return false;
    return x->tick != y->tick || x->turn != y->turn ||
           (x->time != y->time && (diff_time_matters(x) || diff_time_matters(y))) ||
           strcmp(model_str(d->m[0], x->queue_name), model_str(d->m[1], y->queue_name)) != 0;
}

/* A line weighs 2 when the jobs that printed it are partners and did not shift. */
static uint32_t line_weight(const Diff *d, uint32_t a, uint32_t b) {
    uint32_t ja = d->lines[0]->v[a].job, jb = d->lines[1]->v[b].job;
    if (ja == MODEL_NONE || jb == MODEL_NONE)
        return ja == jb ? 2 : 1;
    return d->match[0][ja] == jb && !diff_job_shifted(d, ja) ? 2 : 1;
}

/* Fenwick tree over B positions 1..n holding the best (weight, A line) of a subsequence
 * ending at each position, queried for the best prefix. */
typedef struct {
    uint64_t *w;
    uint32_t *at;
    uint32_t n;
} Fenwick;

static void fen_update(Fenwick *f, uint32_t pos, uint64_t w, uint32_t at) {
    for (uint32_t i = pos; i <= f->n; i += i & (~i + 1))
        if (w > f->w[i]) {
            f->w[i] = w;
            f->at[i] = at;
        }
}

static void fen_query(const Fenwick *f, uint32_t pos, uint64_t *w, uint32_t *at) {
    *w = 0;
    *at = MODEL_NONE;
    for (uint32_t i = pos; i > 0; i -= i & (~i + 1))
        if (f->w[i] > *w) {
            *w = f->w[i];
            *at = f->at[i];
        }
}

static void keep_common(Diff *d) {
    uint32_t na = d->lines[0]->n, nb = d->lines[1]->n;
    Fenwick f = {xcalloc((size_t)nb + 1, sizeof(uint64_t)),
                 xcalloc((size_t)nb + 1, sizeof(uint32_t)), nb};
    uint32_t *prev = xmalloc((na ? na : 1) * sizeof(uint32_t));
    uint64_t best = 0;
    uint32_t best_at = MODEL_NONE;
    for (uint32_t a = 0; a < na; a++) {
        prev[a] = MODEL_NONE;
        uint32_t b = d->lmatch[0][a];
        if (b == MODEL_NONE)
            continue;
        uint64_t w;
        fen_query(&f, b, &w, &prev[a]); /* B positions < b, 1-based: 1..b */
        w += line_weight(d, a, b);
        fen_update(&f, b + 1, w, a);
        if (w > best) {
            best = w;
            best_at = a;
        }
    }
    uint32_t n = 0;
    for (uint32_t a = best_at; a != MODEL_NONE; a = prev[a])
        n++;
    d->nkept = n;
    d->kept_a = xmalloc((n ? n : 1) * sizeof(uint32_t));
    d->kept_b = xmalloc((n ? n : 1) * sizeof(uint32_t));
    for (uint32_t a = best_at; a != MODEL_NONE; a = prev[a]) {
        n--;
        d->kept_a[n] = a;
        d->kept_b[n] = d->lmatch[0][a];
        d->kept[0][a] = 1;
        d->kept[1][d->lmatch[0][a]] = 1;
    }
    free(prev);
    free(f.w);
    free(f.at);
}

void diff_init(Diff *d, const Model *a, const OutputLines *la, const Model *b,
               const OutputLines *lb) {
    memset(d, 0, sizeof *d);
    d->m[0] = a;
    d->m[1] = b;
    d->lines[0] = la;
    d->lines[1] = lb;
    strpool_init(&d->keys);
    match_jobs(d);
    match_lines(d);
    keep_common(d);
    for (uint32_t i = 0; i < la->n; i++) {
        if (d->lmatch[0][i] == MODEL_NONE)
            d->nremoved++;
        else if (!d->kept[0][i])
            d->nmoved++;
    }
    for (uint32_t i = 0; i < lb->n; i++)
        d->nadded += d->lmatch[1][i] == MODEL_NONE;
    for (int s = 0; s < 2; s++)
        for (uint32_t j = 0; j < d->m[s]->njobs; j++)
            d->nonly[s] += d->match[s][j] == MODEL_NONE;
    for (uint32_t j = 0; j < a->njobs; j++)
        d->nshifted += diff_job_shifted(d, j);
}

void diff_fini(Diff *d) {
    strpool_fini(&d->keys);
    for (int s = 0; s < 2; s++) {
        free(d->job_key[s]);
        free(d->job_occ[s]);
        free(d->match[s]);
        free(d->lmatch[s]);
        free(d->kept[s]);
    }
    free(d->kept_a);
    free(d->kept_b);
    memset(d, 0, sizeof *d);
}

bool diff_is_empty(const Diff *d) {
    return d->nmoved == 0 && d->nadded == 0 && d->nremoved == 0 && d->nonly[0] == 0 &&
           d->nonly[1] == 0 && d->nshifted == 0;
}

bool diff_line_moved(const Diff *d, int side, uint32_t i) {
    return d->lmatch[side][i] != MODEL_NONE && !d->kept[side][i];
}

void diff_put_identity(const Diff *d, int side, uint32_t j, StrBuf *sb) {
    const Model *m = d->m[side];
    const MJob *x = &m->jobs[j];
    strbuf_puts(sb, x->kind ? model_str(m, x->kind) : "job");
    if (x->fn || x->handler)
        strbuf_putc(sb, ' ');
    if (x->fn)
        strbuf_puts(sb, model_str(m, x->fn));
    if (x->fn && x->handler)
        strbuf_puts(sb, " (");
    if (x->handler)
        strbuf_puts(sb, model_short_loc(m, x->handler));
    if (x->fn && x->handler)
        strbuf_putc(sb, ')');
    if (d->job_occ[side][j] > 1)
        strbuf_printf(sb, " (occurrence %u)", d->job_occ[side][j]);
}

uint32_t diff_script(const Diff *d, DiffOp **ops) {
    uint32_t na = d->lines[0]->n, nb = d->lines[1]->n;
    DiffOp *v = xmalloc(((size_t)na + nb + 1) * sizeof *v);
    uint32_t n = 0, ia = 0, ib = 0;
    for (uint32_t k = 0; k <= d->nkept; k++) {
        uint32_t ka = k < d->nkept ? d->kept_a[k] : na;
        uint32_t kb = k < d->nkept ? d->kept_b[k] : nb;
        for (; ia < ka; ia++)
            v[n++] = (DiffOp){'-', ia, MODEL_NONE};
        for (; ib < kb; ib++)
            v[n++] = (DiffOp){'+', MODEL_NONE, ib};
        if (k < d->nkept)
            v[n++] = (DiffOp){' ', ia++, ib++};
    }
    *ops = v;
    return n;
}

/* The number of kept entries of arr (increasing) below x. */
static uint32_t count_below(const uint32_t *arr, uint32_t n, uint32_t x) {
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (arr[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void diff_crossed(const Diff *d, uint32_t i, uint32_t *from, uint32_t *count, bool *ahead) {
    uint32_t before_a = count_below(d->kept_a, d->nkept, i);
    uint32_t before_b = count_below(d->kept_b, d->nkept, d->lmatch[0][i]);
    *ahead = before_b < before_a;
    *from = *ahead ? before_b : before_a;
    *count = *ahead ? before_a - before_b : before_b - before_a;
}
