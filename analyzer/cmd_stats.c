/* cmd_stats.c — `trace stats TRACE`: a summary of a trace in plain text: jobs per kind
 * and per queue (with each queue's peak length), ticks, macrotask turns, the longest
 * causal chain, promises created / settled / never settled, activations suspended and
 * never resumed (with where they wait: the classic "await on a promise that never
 * resolves"), timers, errors and output lines. Deterministic: every list is in trace
 * order, so the output is a golden-test artifact. Lists of leaks stop after LIST_MAX
 * entries with a count of the rest. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/acli.h"
#include "analyzer/model.h"
#include "common/cli.h"
#include "common/commands.h"
#include "common/strbuf.h"
#include "common/util.h"

enum { LIST_MAX = 20, REACTIONS_SHOWN = 3 };

static const char *plural(uint64_t n, const char *one, const char *many) {
    return n == 1 ? one : many;
}

/* "Kind #id fn handler" for one job. */
static void print_job(FILE *f, const Model *m, uint32_t i) {
    const MJob *j = &m->jobs[i];
    fprintf(f, "#%" PRIu64 " %s", j->id, model_str(m, j->kind));
    StrBuf where;
    strbuf_init(&where);
    model_job_where(m, i, &where);
    if (where.len)
        fprintf(f, " %s", where.data);
    strbuf_fini(&where);
}

static void print_jobs(FILE *f, const Model *m) {
    uint32_t nstr = m->strings.count;
    uint32_t *per_kind = xcalloc(nstr, sizeof *per_kind);
    uint32_t *kind_order = xmalloc((m->njobs ? m->njobs : 1) * sizeof *kind_order);
    uint32_t nkinds = 0;
    uint32_t per_queue[QUEUE__COUNT] = {0};
    for (uint32_t i = 0; i < m->njobs; i++) {
        const MJob *j = &m->jobs[i];
        if (per_kind[j->kind]++ == 0)
            kind_order[nkinds++] = j->kind;
        per_queue[j->queue]++;
    }
    fprintf(f, "jobs:         %u enqueued, %u ran", m->njobs, m->nrun);
    if (m->nrun < m->njobs)
        fprintf(f, ", %u never ran", m->njobs - m->nrun);
    fputc('\n', f);
    if (m->njobs > 0)
        fprintf(f, "  by kind:\n");
    for (uint32_t k = 0; k < nkinds; k++)
        fprintf(f, "    %-28s %6u\n", model_str(m, kind_order[k]), per_kind[kind_order[k]]);
    if (m->njobs > 0)
        fprintf(f, "  by queue:                        jobs  peak waiting\n");
    for (int q = 0; q < QUEUE__COUNT; q++) {
        if (per_queue[q] == 0)
            continue;
        fprintf(f, "    %-28s %6u  %6u", model_queue_name((QueueKind)q), per_queue[q],
                m->queue_peak[q]);
        if (m->queue_peak[q] > 1)
            fprintf(f, "  (first at seq %" PRIu64 ")", m->queue_peak_seq[q]);
        fputc('\n', f);
    }
    free(kind_order);
    free(per_kind);
}

static void print_chain(FILE *f, const Model *m) {
    uint32_t deepest = MODEL_NONE;
    for (uint32_t i = 0; i < m->njobs; i++)
        if (deepest == MODEL_NONE || m->jobs[i].depth > m->jobs[deepest].depth)
            deepest = i;
    if (deepest == MODEL_NONE) {
        fprintf(f, "longest causal chain: none\n");
        return;
    }
    uint32_t len = m->jobs[deepest].depth + 1;
    fprintf(f, "longest causal chain: %u %s\n", len, plural(len, "job", "jobs"));
    uint32_t *chain = xmalloc(len * sizeof *chain);
    uint32_t n = 0;
    for (uint32_t k = deepest; k != MODEL_NONE && n < len; k = m->jobs[k].parent)
        chain[n++] = k;
    for (uint32_t pos = 0; pos < n; pos++) { /* from the root down */
        if (n > 2 * LIST_MAX && pos >= LIST_MAX && pos < n - LIST_MAX) {
            if (pos == LIST_MAX)
                fprintf(f, "    ... %u more\n", n - 2 * LIST_MAX);
            continue;
        }
        uint32_t k = chain[n - 1 - pos];
        fprintf(f, "    ");
        print_job(f, m, k);
        if (m->jobs[k].run_index != MODEL_NONE)
            fprintf(f, " (tick %u, turn %u)", m->jobs[k].tick, m->jobs[k].turn);
        fputc('\n', f);
    }
    free(chain);
}

/* ": await in stuck() at a.js:3:3, .then() at a.js:9:4" for the first reactions. */
static void print_reactions(FILE *f, const Model *m, const MPromise *p) {
    uint32_t n = 0;
    for (uint32_t r = p->first_reaction; r != MODEL_NONE; r = m->reactions[r].next) {
        const MReaction *x = &m->reactions[r];
        if (n++ == REACTIONS_SHOWN) {
            fprintf(f, ", ...");
            break;
        }
        fputs(n == 1 ? ": " : ", ", f);
        if (x->activation != MODEL_NONE) {
            const MActivation *a = &m->activations[x->activation];
            fprintf(f, "await in %s()", a->fn ? model_str(m, a->fn) : "(anonymous)");
        } else if (x->at || x->on_fulfilled || x->on_rejected) {
            fputs(".then()", f);
        } else {
            fputs("a built-in reaction", f);
        }
        if (x->at)
            fprintf(f, " at %s", model_str(m, x->at));
    }
}

static void print_promises(FILE *f, const Model *m) {
    uint32_t count[4] = {0};
    for (uint32_t i = 0; i < m->npromises; i++)
        count[m->promises[i].state]++;
    uint32_t settled = count[PROMISE_FULFILLED] + count[PROMISE_REJECTED];
    uint32_t never = count[PROMISE_PENDING] + count[PROMISE_LOCKED];
    fprintf(f,
            "promises:     %u created, %u settled (%u fulfilled, %u rejected), "
            "%u never settled\n",
            m->npromises, settled, count[PROMISE_FULFILLED], count[PROMISE_REJECTED], never);
    if (never == 0)
        return;
    fprintf(f, "  never settled:\n");
    uint32_t shown = 0;
    for (uint32_t i = 0; i < m->npromises && shown < LIST_MAX; i++) {
        const MPromise *p = &m->promises[i];
        if (p->state != PROMISE_PENDING && p->state != PROMISE_LOCKED)
            continue;
        shown++;
        fprintf(f, "    promise #%" PRIu64, p->id);
        if (p->origin)
            fprintf(f, " (%s)", model_str(m, p->origin));
        if (p->at)
            fprintf(f, " created at %s", model_str(m, p->at));
        if (p->creator != MODEL_NONE)
            fprintf(f, " in job #%" PRIu64, m->jobs[p->creator].id);
        if (p->state == PROMISE_LOCKED)
            fprintf(f, ", locked in to a thenable");
        if (p->nreactions) {
            fprintf(f, ", %u %s waiting", p->nreactions,
                    plural(p->nreactions, "reaction", "reactions"));
            print_reactions(f, m, p);
        }
        fputc('\n', f);
    }
    if (never > shown)
        fprintf(f, "    ... and %u more\n", never - shown);
}

static void print_activations(FILE *f, const Model *m) {
    uint64_t nsuspend = 0, nresume = 0;
    uint32_t stuck = 0;
    for (uint32_t i = 0; i < m->nactivations; i++) {
        const MActivation *a = &m->activations[i];
        nsuspend += a->nsuspend;
        nresume += a->nresume;
        stuck += a->suspended && a->nsuspend > 0;
    }
    fprintf(f,
            "activations:  %u created, %" PRIu64 " %s, %" PRIu64 " %s, "
            "%u suspended and never resumed\n",
            m->nactivations, nsuspend, plural(nsuspend, "suspension", "suspensions"), nresume,
            plural(nresume, "resumption", "resumptions"), stuck);
    uint32_t shown = 0;
    for (uint32_t i = 0; i < m->nactivations && shown < LIST_MAX; i++) {
        const MActivation *a = &m->activations[i];
        if (!a->suspended || a->nsuspend == 0)
            continue;
        shown++;
        fprintf(f, "    activation #%" PRIu64 " %s %s", a->id,
                a->kind ? model_str(m, a->kind) : "function",
                a->fn ? model_str(m, a->fn) : "(anonymous)");
        if (a->handler)
            fprintf(f, " (%s)", model_str(m, a->handler));
        if (a->at)
            fprintf(f, " called at %s", model_str(m, a->at));
        fprintf(f, ": %s", a->op ? model_str(m, a->op) : "suspended");
        if (a->suspend_at)
            fprintf(f, " at %s", model_str(m, a->suspend_at));
        if (a->awaiting != MODEL_NONE) {
            const MPromise *p = &m->promises[a->awaiting];
            fprintf(f, " on promise #%" PRIu64 " (%s)", p->id,
                    p->state == PROMISE_FULFILLED  ? "fulfilled"
                    : p->state == PROMISE_REJECTED ? "rejected"
                    : p->state == PROMISE_LOCKED   ? "locked in, never settled"
                                                   : "never settled");
        }
        fputc('\n', f);
    }
    if (stuck > shown)
        fprintf(f, "    ... and %u more\n", stuck - shown);
}

static void print_timers_errors_output(FILE *f, const Model *m) {
    uint32_t cleared = 0, fired = 0, armed = 0;
    for (uint32_t i = 0; i < m->ntimers; i++) {
        cleared += m->timers[i].cleared;
        fired += m->timers[i].fired;
        armed += m->timers[i].armed;
    }
    fprintf(f, "timers:       %u created, %u armed, %u cleared, %u fired\n", m->ntimers, armed,
            cleared, fired);
    fprintf(f, "errors:       %u\n", m->nerrors);
    for (uint32_t i = 0; i < m->nerrors && i < LIST_MAX; i++) {
        const MError *e = &m->errors[i];
        fprintf(f, "    %s: %s", model_str(m, e->kind), model_str(m, e->message));
        if (e->at)
            fprintf(f, " at %s", model_str(m, e->at));
        if (e->job != MODEL_NONE)
            fprintf(f, " in job #%" PRIu64, m->jobs[e->job].id);
        fputc('\n', f);
    }
    if (m->nerrors > LIST_MAX)
        fprintf(f, "    ... and %u more\n", m->nerrors - LIST_MAX);
    uint64_t lines[2] = {0, 0};
    for (uint32_t i = 0; i < m->nlogs; i++) {
        const MLog *l = &m->logs[i];
        size_t len;
        const char *t = model_log_text(m, l, &len);
        uint64_t n = l->newline ? 1 : 0;
        for (size_t k = 0; k < len; k++)
            n += t[k] == '\n';
        lines[l->is_err] += n;
    }
    fprintf(f, "output:       %" PRIu64 " %s on stdout, %" PRIu64 " on stderr\n", lines[0],
            plural(lines[0], "line", "lines"), lines[1]);
}

int cmd_stats(int argc, char **argv) {
    const char *path = NULL;
    bool options_done = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!options_done && strcmp(a, "--") == 0)
            options_done = true;
        else if (!options_done && a[0] == '-' && a[1])
            return cli_usage_error("stats", "unknown option '%s'", a);
        else if (path)
            return cli_usage_error("stats", "one trace file only (got '%s' too)", a);
        else
            path = a;
    }
    if (!path)
        return cli_usage_error("stats", "no trace file given");

    Model m;
    ExitCode rc = acli_load("stats", path, &m);
    if (rc != EXIT_OK)
        return rc;
    FILE *f = stdout;
    fprintf(f, "program:      %s\n", m.program ? model_str(&m, m.program) : "?");
    fprintf(f, "run:          spec %s, host %s, %s\n", m.spec ? model_str(&m, m.spec) : "?",
            m.host ? model_str(&m, m.host) : "?", m.engine ? model_str(&m, m.engine) : "?");
    fprintf(f, "events:       %" PRIu64, m.nevents);
    if (m.nunknown)
        fprintf(f, " (%" PRIu64 " of kinds this version does not know)", m.nunknown);
    if (m.truncated)
        fprintf(f, " (the last line was truncated)");
    fputc('\n', f);
    print_jobs(f, &m);
    fprintf(f, "ticks:        %u (the deepest microtask tick)\n", m.max_tick);
    fprintf(f, "turns:        %u %s\n", m.nrun ? m.max_turn + 1 : 0,
            plural(m.nrun ? m.max_turn + 1 : 0, "macrotask turn", "macrotask turns"));
    print_chain(f, &m);
    print_promises(f, &m);
    print_activations(f, &m);
    print_timers_errors_output(f, &m);
    if (m.has_exit)
        fprintf(f, "exit:         %s, code %" PRId64 "\n", model_str(&m, m.exit_reason),
                m.exit_code);
    else
        fprintf(f, "exit:         none (the trace ends before the run did)\n");
    model_fini(&m);
    return EXIT_OK;
}
