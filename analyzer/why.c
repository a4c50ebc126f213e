/* why.c — see why.h. The sentences are built from the model's facts only (kinds, queues,
 * seqs, ticks, turns, reactions, settlers, timers); when a trace lacks a fact (no `then`
 * events, no `at`), the sentence says less rather than guessing. */
#include "analyzer/why.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"

/* ---- chains ------------------------------------------------------------------------ */

void why_chain(const Model *m, uint32_t job, WhyChain *out) {
    out->jobs = NULL;
    out->n = 0;
    if (job == MODEL_NONE || job >= m->njobs)
        return;
    uint32_t len = 0;
    for (uint32_t k = job; k != MODEL_NONE; k = m->jobs[k].parent)
        len++;
    out->jobs = xmalloc(len * sizeof *out->jobs);
    out->n = len;
    for (uint32_t k = job; k != MODEL_NONE; k = m->jobs[k].parent)
        out->jobs[--len] = k;
}

void why_chain_fini(WhyChain *c) {
    free(c->jobs);
    c->jobs = NULL;
    c->n = 0;
}

/* ---- small phrases ----------------------------------------------------------------- */

/* A job as sentences name it: "PromiseReactionJob #2" (the chains give the details). */
static void put_job(const Model *m, uint32_t j, StrBuf *sb) {
    if (j == MODEL_NONE) {
        strbuf_puts(sb, "the host");
        return;
    }
    const MJob *x = &m->jobs[j];
    strbuf_printf(sb, "%s #%" PRIu64, x->kind ? model_str(m, x->kind) : "job", x->id);
}

static void put_at(const Model *m, uint32_t loc, StrBuf *sb) {
    if (loc)
        strbuf_printf(sb, " at %s", model_short_loc(m, loc));
}

static const struct {
    const char *origin, *phrase;
} origin_phrases[] = {
    {"constructor", "new Promise"},          {"then", "the result of a .then()"},
    {"resolve", "Promise.resolve()"},        {"reject", "Promise.reject()"},
    {"async", "an async function's result"}, {"await", "made by await"},
    {"combinator", "a combinator's result"}, {"builtin", "made by a built-in"},
    {"module", "a module's evaluation"},
};

/* "promise #3 (new Promise)" */
static void put_promise(const Model *m, uint32_t p, StrBuf *sb) {
    if (p == MODEL_NONE) {
        strbuf_puts(sb, "a promise");
        return;
    }
    const MPromise *pr = &m->promises[p];
    strbuf_printf(sb, "promise #%" PRIu64, pr->id);
    const char *o = model_str(m, pr->origin);
    for (size_t i = 0; i < ARRAY_LEN(origin_phrases); i++)
        if (strcmp(o, origin_phrases[i].origin) == 0)
            strbuf_printf(sb, " (%s)", origin_phrases[i].phrase);
}

static void put_activation(const Model *m, uint32_t a, StrBuf *sb) {
    const MActivation *act = &m->activations[a];
    if (act->fn)
        strbuf_printf(sb, "%s()", model_str(m, act->fn));
    else
        strbuf_printf(sb, "async activation #%" PRIu64, act->id);
}

static const char *settled_word(PromiseState s) {
    return s == PROMISE_REJECTED ? "rejected" : "fulfilled";
}

static bool is_reason(const Model *m, const MJob *j, const char *reason) {
    return j->reason && strcmp(model_str(m, j->reason), reason) == 0;
}

static bool is_kind(const Model *m, const MJob *j, const char *kind) {
    return j->kind && strcmp(model_str(m, j->kind), kind) == 0;
}

/* ---- code that never ran ----------------------------------------------------------- */

/* "async1() (defined at a.js:2:1)" */
static void put_activation_where(const Model *m, const MActivation *act, uint32_t a, StrBuf *sb) {
    put_activation(m, a, sb);
    if (act->handler)
        strbuf_printf(sb, " (defined at %s)", model_short_loc(m, act->handler));
}

uint32_t why_never_ran(const Model *m, uint32_t max, StrBuf *sb) {
    uint32_t n = 0;
#define REASON() (n++ < max ? (strbuf_puts(sb, "  "), true) : false)
    for (uint32_t a = 0; a < m->nactivations; a++) {
        const MActivation *act = &m->activations[a];
        const MPromise *res = act->promise != MODEL_NONE ? &m->promises[act->promise] : NULL;
        if (act->suspended) {
            if (!REASON())
                continue;
            put_activation_where(m, act, a, sb);
            strbuf_printf(sb, " is still suspended at its %s",
                          act->op ? model_str(m, act->op) : "await");
            put_at(m, act->suspend_at, sb);
            if (act->awaiting != MODEL_NONE) {
                const MPromise *w = &m->promises[act->awaiting];
                strbuf_puts(sb, ": ");
                put_promise(m, act->awaiting, sb);
                /* es2017's await waits on its own promise, locked in to the awaited one */
                uint32_t q = act->awaiting;
                for (uint32_t hops = 0; hops < 8 && m->promises[q].state == PROMISE_LOCKED &&
                                        m->promises[q].locked_to != MODEL_NONE;
                     hops++) {
                    q = m->promises[q].locked_to;
                    strbuf_puts(sb, hops ? ", which follows " : " follows ");
                    put_promise(m, q, sb);
                }
                if (q != act->awaiting)
                    strbuf_puts(sb, ",");
                w = &m->promises[q];
                if (w->state == PROMISE_PENDING || w->state == PROMISE_LOCKED)
                    strbuf_puts(sb, q != act->awaiting ? " which never settled" : " never settled");
                else
                    strbuf_printf(sb, " was %s, but the host never ran the resumption",
                                  settled_word(w->state));
            }
            strbuf_puts(sb, ", so the code after it never ran\n");
        } else if (res && res->state == PROMISE_REJECTED &&
                   res->settler != MODEL_NONE) {
            if (!REASON())
                continue;
            put_activation_where(m, act, a, sb);
            strbuf_puts(sb, " threw");
            put_at(m, res->settle_at, sb);
            strbuf_puts(sb, ": ");
            put_promise(m, act->promise, sb);
            strbuf_puts(sb, " was rejected");
            if (res->value)
                strbuf_printf(sb, " with %s", model_str(m, res->value));
            strbuf_puts(sb, ", so the rest of its body never ran\n");
        }
    }
    for (uint32_t e = 0; e < m->nerrors; e++) {
        const MError *er = &m->errors[e];
        if (!er->fatal || !REASON())
            continue;
        strbuf_printf(sb, "the run ended at an uncaught error (%s)",
                      er->kind ? model_str(m, er->kind) : "error");
        if (er->message)
            strbuf_printf(sb, ": %s", model_str(m, er->message));
        strbuf_putc(sb, '\n');
    }
    if (n > max)
        strbuf_printf(sb, "  ... and %u more (see trace stats)\n", n - max);
#undef REASON
    return n;
}

/* ---- edges ------------------------------------------------------------------------- */

static void reaction_reason(const Model *m, uint32_t j, StrBuf *sb) {
    const MJob *c = &m->jobs[j];
    const MReaction *r = c->reaction != MODEL_NONE ? &m->reactions[c->reaction] : NULL;
    uint32_t p = c->promise != MODEL_NONE ? c->promise : r ? r->promise : MODEL_NONE;
    const MPromise *pr = p != MODEL_NONE ? &m->promises[p] : NULL;
    uint32_t act = c->activation != MODEL_NONE ? c->activation : r ? r->activation : MODEL_NONE;
    bool settled_before = r && r->state_known && r->state != PROMISE_PENDING;
    uint32_t resolving = MODEL_NONE; /* a PromiseResolveThenableJob's promise to resolve */
    if (settled_before) {
        /* PerformPromiseThen on a settled promise enqueues the job at once. */
        if (act != MODEL_NONE) {
            put_activation(m, act, sb);
            strbuf_puts(sb, " (in ");
            put_job(m, r->by, sb);
            strbuf_puts(sb, ") awaited ");
            put_promise(m, p, sb);
            put_at(m, r->at, sb);
        } else if (r->at || r->on_fulfilled || r->on_rejected) {
            put_job(m, r->by, sb);
            strbuf_puts(sb, " called .then()");
            put_at(m, r->at, sb);
            strbuf_puts(sb, " on ");
            put_promise(m, p, sb);
        } else if (r->by != MODEL_NONE &&
                   is_kind(m, &m->jobs[r->by], "PromiseResolveThenableJob")) {
            /* #sec-newpromiseresolvethenablejob: then.call(thenable, resolve, reject) */
            put_job(m, r->by, sb);
            strbuf_puts(sb, " called then() on ");
            put_promise(m, p, sb);
            resolving = m->jobs[r->by].promise;
        } else {
            put_job(m, r->by, sb);
            strbuf_puts(sb, " registered a built-in reaction on ");
            put_promise(m, p, sb);
        }
        strbuf_printf(sb, ", which was already %s", settled_word(r->state));
        if (pr && pr->settler != MODEL_NONE && pr->settler != r->by) {
            strbuf_puts(sb, " (by ");
            put_job(m, pr->settler, sb);
            strbuf_putc(sb, ')');
        }
        if (resolving != MODEL_NONE) {
            strbuf_puts(sb, ", passing it the resolving functions of ");
            put_promise(m, resolving, sb);
        }
        strbuf_puts(sb, act != MODEL_NONE ? ": the resumption was enqueued at once"
                                          : ": the reaction was enqueued at once");
        return;
    }
    /* The reaction waited; settling the promise triggered it (TriggerPromiseReactions). */
    put_job(m, c->by, sb);
    if (pr && (pr->state == PROMISE_FULFILLED || pr->state == PROMISE_REJECTED)) {
        strbuf_printf(sb, " %s ", settled_word(pr->state));
        put_promise(m, p, sb);
        if (pr->settler == c->by)
            put_at(m, pr->settle_at, sb);
    } else {
        strbuf_puts(sb, " settled ");
        put_promise(m, p, sb);
    }
    if (act != MODEL_NONE) {
        strbuf_puts(sb, ", which ");
        put_activation(m, act, sb);
        strbuf_puts(sb, " was awaiting");
        if (r)
            put_at(m, r->at, sb);
    } else if (r && (r->at || r->on_fulfilled)) {
        strbuf_puts(sb, ", whose .then() reaction");
        put_at(m, r->at ? r->at : r->on_fulfilled, sb);
        strbuf_puts(sb, " was waiting");
    } else if (r) {
        strbuf_puts(sb, ", whose reaction (registered by ");
        put_job(m, r->by, sb);
        strbuf_puts(sb, ") was waiting");
    }
}

static void timer_reason(const Model *m, uint32_t j, StrBuf *sb) {
    const MJob *c = &m->jobs[j];
    const MTimer *t = &m->timers[c->timer];
    put_job(m, t->by, sb);
    const char *api = t->api ? model_str(m, t->api) : "a timer";
    strbuf_printf(sb, " called %s", api);
    put_at(m, t->at, sb);
    bool delayed = strcmp(api, "setTimeout") == 0 || strcmp(api, "setInterval") == 0;
    if (delayed) {
        strbuf_printf(sb, " with a delay of %.6g ms", t->delay);
        if (t->clamped != t->delay)
            strbuf_printf(sb, " (the host made it %.6g)", t->clamped);
        strbuf_printf(sb, "; it came due at %.6g ms", t->due);
    }
    if (t->armed > 1)
        strbuf_printf(sb, " (armed %u times)", t->armed);
}

void why_edge_reason(const Model *m, uint32_t j, StrBuf *sb) {
    const MJob *c = &m->jobs[j];
    if (c->parent == MODEL_NONE &&
        (is_reason(m, c, "script") || is_kind(m, c, "Script") || is_kind(m, c, "Module"))) {
        strbuf_puts(sb, "the host runs the program");
        return;
    }
    if (c->timer != MODEL_NONE) {
        timer_reason(m, j, sb);
        return;
    }
    if (is_kind(m, c, "PromiseResolveThenableJob")) {
        uint32_t p = c->promise;
        const MPromise *pr = p != MODEL_NONE ? &m->promises[p] : NULL;
        put_job(m, c->by, sb);
        strbuf_puts(sb, " resolved ");
        put_promise(m, p, sb);
        strbuf_puts(sb, " with ");
        if (c->thenable != MODEL_NONE)
            put_promise(m, c->thenable, sb);
        else
            strbuf_puts(sb, "a thenable");
        if (pr)
            put_at(m, pr->lock_at, sb);
        strbuf_puts(sb, ": adopting a thenable's state takes a PromiseResolveThenableJob, which "
                        "calls its then()");
        return;
    }
    if (c->reaction != MODEL_NONE || is_kind(m, c, "PromiseReactionJob") ||
        is_reason(m, c, "reaction") || is_reason(m, c, "await")) {
        reaction_reason(m, j, sb);
        return;
    }
    put_job(m, c->by != MODEL_NONE ? c->by : c->parent, sb);
    if (is_reason(m, c, "nextTick"))
        strbuf_puts(sb, " called process.nextTick()");
    else if (is_reason(m, c, "microtask"))
        strbuf_puts(sb, " called queueMicrotask()");
    else if (c->reason)
        strbuf_printf(sb, " enqueued it (%s)", model_str(m, c->reason));
    else
        strbuf_puts(sb, " enqueued it");
}

/* ---- divergence -------------------------------------------------------------------- */

static const char *const rule_names[] = {
    [WHY_SAME_JOB] = "same-job",
    [WHY_HOST] = "host-message",
    [WHY_ANCESTOR] = "ancestor",
    [WHY_EARLIER_TURN] = "earlier-turn",
    [WHY_TASK_FIRST] = "task-first",
    [WHY_NOT_YET] = "enqueued-later",
    [WHY_FIFO] = "fifo",
    [WHY_QUEUE_ORDER] = "queue-order",
    [WHY_HOST_ORDER] = "host-order",
};

const char *why_rule_name(WhyRule r) {
    return (size_t)r < ARRAY_LEN(rule_names) ? rule_names[r] : "?";
}

/* A job from a microtask-like queue (drained between tasks), as opposed to a task. */
static bool is_micro(const MJob *j) {
    if (j->queue == QUEUE_MICROTASK || j->queue == QUEUE_NEXTTICK)
        return true;
    return j->queue == QUEUE_OTHER && j->tick > 0;
}

void why_diverge(const Model *m, const WhyChain *a, const WhyChain *b, WhyDivergence *d) {
    memset(d, 0, sizeof *d);
    d->first = a->n ? a->jobs[a->n - 1] : MODEL_NONE;
    d->second = b->n ? b->jobs[b->n - 1] : MODEL_NONE;
    uint32_t k = 0;
    while (k < a->n && k < b->n && a->jobs[k] == b->jobs[k])
        k++;
    d->shared = k;
    d->split = k ? a->jobs[k - 1] : MODEL_NONE;
    d->branch_first = k < a->n ? a->jobs[k] : MODEL_NONE;
    d->branch_second = k < b->n ? b->jobs[k] : MODEL_NONE;
    if (d->first == MODEL_NONE || d->second == MODEL_NONE) {
        d->rule = WHY_HOST;
        return;
    }
    const MJob *f = &m->jobs[d->first], *s = &m->jobs[d->second];
    d->tick_first = f->tick;
    d->tick_second = s->tick;
    if (d->first == d->second)
        d->rule = WHY_SAME_JOB;
    else if (k == a->n)
        d->rule = WHY_ANCESTOR;
    else if (f->run_index == MODEL_NONE || s->run_index == MODEL_NONE || f->turn > s->turn)
        d->rule = WHY_HOST_ORDER;
    else if (f->turn < s->turn)
        d->rule = WHY_EARLIER_TURN;
    else if (!is_micro(f))
        d->rule = WHY_TASK_FIRST;
    else if (s->enqueue_seq > f->run_seq)
        d->rule = WHY_NOT_YET;
    else if (f->queue_name == s->queue_name)
        d->rule = f->enqueue_seq < s->enqueue_seq ? WHY_FIFO : WHY_HOST_ORDER;
    else
        d->rule = WHY_QUEUE_ORDER;
}

/* Names of lines come from the caller already quoted ("\"promise2\"" or "#7"). */
static void quote(StrBuf *sb, const char *name) {
    strbuf_puts(sb, name);
}

void why_explain_split(const Model *m, const WhyDivergence *d, const char *na, const char *nb,
                       StrBuf *sb) {
    switch (d->rule) {
    case WHY_HOST:
        strbuf_puts(sb, "At least one of the lines was printed by the host, not by a job: "
                        "there is no chain to compare.");
        return;
    case WHY_SAME_JOB:
        strbuf_puts(sb, "Both lines were printed by the same job, ");
        put_job(m, d->first, sb);
        strbuf_puts(sb, ".");
        return;
    case WHY_ANCESTOR:
        strbuf_puts(sb, "The chain of ");
        quote(sb, nb);
        strbuf_puts(sb, " runs through ");
        put_job(m, d->first, sb);
        strbuf_puts(sb, ", the job that printed ");
        quote(sb, na);
        strbuf_puts(sb, ".");
        return;
    default:
        break;
    }
    if (d->split == MODEL_NONE) {
        strbuf_puts(sb, "The chains have no job in common: ");
        quote(sb, na);
        strbuf_puts(sb, " comes from ");
        put_job(m, d->branch_first, sb);
        strbuf_puts(sb, " and ");
        quote(sb, nb);
        strbuf_puts(sb, " from ");
        put_job(m, d->branch_second, sb);
        strbuf_puts(sb, ", which the host enqueued.");
        return;
    }
    if (d->shared == 1)
        strbuf_puts(sb, "Both chains start at ");
    else
        strbuf_printf(sb, "The chains share %u jobs, down to ", d->shared);
    put_job(m, d->split, sb);
    strbuf_puts(sb, ", and split there: it caused ");
    const uint32_t br[2] = {d->branch_first, d->branch_second};
    const uint32_t end[2] = {d->first, d->second};
    const char *names[2] = {na, nb};
    for (int i = 0; i < 2; i++) {
        const MJob *j = &m->jobs[br[i]];
        if (i == 1)
            strbuf_puts(sb, ", and ");
        put_job(m, br[i], sb);
        strbuf_printf(sb, " (enqueued at seq %" PRIu64 ")", j->enqueue_seq);
        strbuf_puts(sb, br[i] == end[i] ? ", which printed " : ", which led to ");
        quote(sb, names[i]);
    }
    strbuf_puts(sb, ".");
}

/* The job that began macrotask turn t: the first job in run order of that turn. */
static uint32_t turn_task(const Model *m, uint32_t t) {
    uint32_t lo = 0, hi = m->nrun;
    while (lo < hi) { /* turns never decrease in run order */
        uint32_t mid = lo + (hi - lo) / 2;
        if (m->jobs[m->run_order[mid]].turn < t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < m->nrun && m->jobs[m->run_order[lo]].turn == t ? m->run_order[lo] : MODEL_NONE;
}

static void put_enqueued(const Model *m, uint32_t j, StrBuf *sb) {
    const MJob *x = &m->jobs[j];
    strbuf_printf(sb, "at seq %" PRIu64 " by ", x->enqueue_seq);
    put_job(m, x->by != MODEL_NONE ? x->by : x->parent, sb);
}

void why_explain_rule(const Model *m, const WhyDivergence *d, const char *na, const char *nb,
                      StrBuf *sb) {
    const MJob *f = d->first != MODEL_NONE ? &m->jobs[d->first] : NULL;
    const MJob *s = d->second != MODEL_NONE ? &m->jobs[d->second] : NULL;
    switch (d->rule) {
    case WHY_HOST:
        strbuf_puts(sb, "the host wrote the message at that point of the run.");
        return;
    case WHY_SAME_JOB:
        strbuf_puts(sb, "a job runs to completion, so its statements print in program order.");
        return;
    case WHY_ANCESTOR:
        put_job(m, d->second, sb);
        strbuf_puts(sb, " descends from ");
        put_job(m, d->first, sb);
        strbuf_puts(sb, ", and a job can only run after the job that caused it (enqueued it, or "
                        "armed its timer) has run");
        if (f->turn < s->turn)
            strbuf_printf(sb, "; it even ran in a later macrotask turn (turn %u, at %.6g ms)",
                          s->turn, s->time);
        strbuf_puts(sb, ".");
        return;
    case WHY_EARLIER_TURN: {
        put_job(m, d->first, sb);
        strbuf_printf(sb, " ran in macrotask turn %u and ", f->turn);
        put_job(m, d->second, sb);
        strbuf_printf(sb,
                      " in turn %u; the event loop finishes a turn (its task and every "
                      "microtask it causes) before it takes the next task.",
                      s->turn);
        uint32_t t = turn_task(m, s->turn);
        if (t != MODEL_NONE) {
            strbuf_printf(sb, " Turn %u began with ", s->turn);
            put_job(m, t, sb);
            strbuf_printf(sb, " at %.6g ms", m->jobs[t].time);
            if (f->time != m->jobs[t].time)
                strbuf_printf(sb, " (turn %u ran at %.6g ms)", f->turn, f->time);
            strbuf_puts(sb, ".");
        }
        return;
    }
    case WHY_TASK_FIRST:
        put_job(m, d->first, sb);
        strbuf_printf(sb, " is the task of turn %u, and microtasks such as ", f->turn);
        put_job(m, d->second, sb);
        strbuf_puts(sb, " run only after the task ends.");
        return;
    case WHY_NOT_YET:
        put_job(m, d->second, sb);
        strbuf_puts(sb, " did not exist yet when ");
        put_job(m, d->first, sb);
        strbuf_printf(sb, " ran (seq %" PRIu64 "): it was enqueued only ", f->run_seq);
        put_enqueued(m, d->second, sb);
        strbuf_printf(sb, ". ");
        quote(sb, na);
        strbuf_printf(sb, " is printed at microtask tick %u, ", f->tick);
        quote(sb, nb);
        strbuf_printf(sb, " at tick %u: ", s->tick);
        if (s->tick > f->tick)
            strbuf_printf(sb,
                          "its chain takes %u more hop%s through the %s queue, and each hop "
                          "waits behind the jobs already queued.",
                          s->tick - f->tick, s->tick - f->tick == 1 ? "" : "s",
                          model_str(m, s->queue_name));
        else
            strbuf_puts(sb, "it was caused by a job that ran later.");
        return;
    case WHY_FIFO:
        strbuf_puts(sb, "both ");
        put_job(m, d->first, sb);
        strbuf_puts(sb, " and ");
        put_job(m, d->second, sb);
        strbuf_printf(sb,
                      " waited in the %s queue in turn %u, which runs jobs first in, first "
                      "out: ",
                      model_str(m, f->queue_name), f->turn);
        strbuf_printf(sb, "#%" PRIu64 " was enqueued ", f->id);
        put_enqueued(m, d->first, sb);
        strbuf_printf(sb, ", #%" PRIu64 " ", s->id);
        put_enqueued(m, d->second, sb);
        strbuf_puts(sb, ".");
        if (s->tick > f->tick && f->queue == s->queue) {
            /* both waited at once, but the later one's chain is longer: say by how much */
            strbuf_putc(sb, ' ');
            quote(sb, na);
            strbuf_printf(sb, " is printed at microtask tick %u, ", f->tick);
            quote(sb, nb);
            strbuf_printf(sb, " at tick %u: its chain takes %u more hop%s through the %s queue.",
                          s->tick, s->tick - f->tick, s->tick - f->tick == 1 ? "" : "s",
                          model_str(m, s->queue_name));
        }
        return;
    case WHY_QUEUE_ORDER:
        strbuf_puts(sb, "both were waiting in turn ");
        strbuf_printf(sb, "%u, ", f->turn);
        put_job(m, d->first, sb);
        strbuf_printf(sb, " in the %s queue and ", model_str(m, f->queue_name));
        put_job(m, d->second, sb);
        strbuf_printf(sb, " in the %s queue; the host drains the %s queue first",
                      model_str(m, s->queue_name), model_str(m, f->queue_name));
        if (f->queue == QUEUE_NEXTTICK && s->queue == QUEUE_MICROTASK)
            strbuf_puts(sb, " (node runs every process.nextTick callback before promise jobs)");
        strbuf_puts(sb, ".");
        return;
    case WHY_HOST_ORDER:
    default:
        strbuf_puts(sb, "the host ran ");
        put_job(m, d->first, sb);
        if (f && f->run_seq)
            strbuf_printf(sb, " (seq %" PRIu64 ")", f->run_seq);
        strbuf_puts(sb, " before ");
        put_job(m, d->second, sb);
        if (s && s->run_seq)
            strbuf_printf(sb, " (seq %" PRIu64 ")", s->run_seq);
        strbuf_puts(sb, ".");
        return;
    }
}
