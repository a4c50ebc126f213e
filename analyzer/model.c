/* model.c — see model.h.
 *
 * model_load() reads events one at a time and applies each to the arrays at once; no
 * event is kept. The trace is trusted for shape (the reader checked the YAML, the
 * fields and their types) but not for meaning: an id that was never defined, a job
 * that runs twice or a second definition of an id is an error at that event's
 * position, because every later step (chains, ticks, edges) relies on those facts.
 * Anything else that `trace validate` would flag but the model can live with (a log
 * whose job is not the running one, a promise settled twice) is taken as written. */
#include "analyzer/model.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/strbuf.h"
#include "formats/trace_event.h"
#include "formats/trace_reader.h"

static const char *const queue_names[] = {
#define X(e, name, lane) name,
    MODEL_QUEUES(X)
#undef X
};
static const char *const queue_lanes[] = {
#define X(e, name, lane) lane,
    MODEL_QUEUES(X)
#undef X
};

const char *model_queue_name(QueueKind q) {
    return q < QUEUE__COUNT ? queue_names[q] : "other";
}

const char *model_queue_lane(QueueKind q) {
    return q < QUEUE__COUNT ? queue_lanes[q] : "other";
}

static QueueKind queue_from_text(const char *s) {
    for (int q = 0; q < QUEUE_OTHER; q++)
        if (strcmp(queue_names[q], s) == 0)
            return (QueueKind)q;
    return QUEUE_OTHER;
}

/* ---- storage ----------------------------------------------------------------------- */

/* Grow an array of elements of size elem so that one more fits. */
static void *grow(void *arr, uint32_t count, uint32_t *cap, size_t elem) {
    if (count < *cap)
        return arr;
    if (*cap >= UINT32_MAX / 2)
        die(EXIT_NOMEM, "trace too large: more than 2^31 records of one kind");
    *cap = *cap ? *cap * 2 : 64;
    return xrealloc(arr, (size_t)*cap * elem);
}
#define GROW(m, arr, count, cap)                                                                   \
    ((m)->arr = grow((m)->arr, (m)->count, &(m)->cap, sizeof *(m)->arr))

void model_init(Model *m) {
    memset(m, 0, sizeof *m);
    strpool_init(&m->strings);
    idmap_init(&m->job_ids);
    idmap_init(&m->promise_ids);
    idmap_init(&m->reaction_ids);
    idmap_init(&m->activation_ids);
    idmap_init(&m->timer_ids);
    m->running = MODEL_NONE;
}

void model_fini(Model *m) {
    strpool_fini(&m->strings);
    idmap_fini(&m->job_ids);
    idmap_fini(&m->promise_ids);
    idmap_fini(&m->reaction_ids);
    idmap_fini(&m->activation_ids);
    idmap_fini(&m->timer_ids);
    free(m->text);
    free(m->jobs);
    free(m->run_order);
    free(m->logs);
    free(m->promises);
    free(m->reactions);
    free(m->activations);
    free(m->act_steps);
    free(m->timers);
    free(m->errors);
    memset(m, 0, sizeof *m);
    m->running = MODEL_NONE;
}

const char *model_str(const Model *m, uint32_t id) {
    return strpool_str(&m->strings, id);
}

const char *model_log_text(const Model *m, const MLog *l, size_t *len) {
    *len = l->len;
    return m->text ? m->text + l->text : "";
}

/* ---- output lines ------------------------------------------------------------------ */

void model_lines_begin(const Model *m, uint32_t job, MLineIter *it) {
    it->m = m;
    it->log = job < m->njobs ? m->jobs[job].first_log : MODEL_NONE;
    it->pos = 0;
}

/* True when log l ends without a newline and the job's next log continues its line:
 * the next log in the trace, on the same stream, so its text follows in the arena. */
static bool continues(const Model *m, uint32_t l) {
    const MLog *a = &m->logs[l];
    return !a->newline && a->next == l + 1 && m->logs[l + 1].is_err == a->is_err &&
           a->text + a->len == m->logs[l + 1].text;
}

/* The job's output is its logs' texts, each followed by a newline unless the log says
 * otherwise; lines are that text split at newlines. it = (log, pos) is where the next
 * line starts. A line may run on into the next log (process.stdout.write("a") then
 * console.log("b") is the one line "ab") when continues() says the texts are adjacent;
 * otherwise a log without a newline still ends the line. */
bool model_lines_next(MLineIter *it, MLine *line) {
    const Model *m = it->m;
    while (it->log != MODEL_NONE) { /* skip what is left of logs without a newline */
        const MLog *lg = &m->logs[it->log];
        if (it->pos < lg->len || lg->newline)
            break;
        it->log = lg->next;
        it->pos = 0;
    }
    if (it->log == MODEL_NONE)
        return false;
    uint32_t cur = it->log;
    size_t from = it->pos;
    const char *start = m->text + m->logs[cur].text + from;
    line->text = start;
    line->is_err = m->logs[cur].is_err;
    line->log = cur;
    for (;;) {
        const MLog *lg = &m->logs[cur];
        const char *t = m->text + lg->text;
        const char *nl = memchr(t + from, '\n', lg->len - from);
        if (nl) {
            line->len = (size_t)(nl - start);
            it->log = cur;
            it->pos = (size_t)(nl - t) + 1;
            return true;
        }
        if (!lg->newline && continues(m, cur)) {
            cur++;
            from = 0;
            continue;
        }
        line->len = (size_t)(t + lg->len - start);
        it->log = lg->next;
        it->pos = 0;
        return true;
    }
}

uint32_t model_job_line_count(const Model *m, uint32_t job) {
    MLineIter it;
    MLine line;
    uint32_t n = 0;
    model_lines_begin(m, job, &it);
    while (model_lines_next(&it, &line))
        n++;
    return n;
}

const char *model_short_loc(const Model *m, uint32_t loc) {
    const char *s = model_str(m, loc);
    const char *prog = model_str(m, m->program);
    const char *slash = strrchr(prog, '/');
    if (!slash)
        return s;
    size_t dir = (size_t)(slash - prog) + 1;
    return strncmp(s, prog, dir) == 0 ? s + dir : s;
}

void model_job_where(const Model *m, uint32_t job, StrBuf *out) {
    const MJob *j = &m->jobs[job];
    if (j->fn)
        strbuf_puts(out, model_str(m, j->fn));
    if (j->fn && j->handler)
        strbuf_puts(out, " (");
    if (j->handler)
        strbuf_puts(out, model_short_loc(m, j->handler));
    if (j->fn && j->handler)
        strbuf_putc(out, ')');
}

void model_job_title(const Model *m, uint32_t job, StrBuf *out) {
    const MJob *j = &m->jobs[job];
    strbuf_printf(out, "%s #%" PRIu64, j->kind ? model_str(m, j->kind) : "job", j->id);
    if (j->fn || j->handler)
        strbuf_putc(out, ' ');
    model_job_where(m, job, out);
}

const char *model_promise_state_name(PromiseState s) {
    switch (s) {
    case PROMISE_FULFILLED:
        return "fulfilled";
    case PROMISE_REJECTED:
        return "rejected";
    case PROMISE_LOCKED:
        return "locked in";
    default:
        return "pending";
    }
}

/* ---- applying events --------------------------------------------------------------- */

typedef struct {
    Model *m;
    const char *path;
    const TraceEvent *ev;
    StrBuf *err; /* the message of the first problem */
} Apply;

static bool fail_at(Apply *a, TfPos pos, const char *fmt, ...) PRINTF_LIKE(3, 4);
static bool fail_at(Apply *a, TfPos pos, const char *fmt, ...) {
    strbuf_printf(a->err, "%s:%u:%u: ", a->path, pos.line, pos.col);
    va_list ap;
    va_start(ap, fmt);
    char buf[512];
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    strbuf_puts(a->err, buf);
    return false;
}

static uint32_t intern(Model *m, const char *s, size_t len) {
    return s ? strpool_intern(&m->strings, s, len) : 0;
}

/* The interned text of field f, 0 when absent. */
static uint32_t field_str(Apply *a, TfField f) {
    if (!tf_has(a->ev, f))
        return 0;
    return intern(a->m, a->ev->f[f].s, a->ev->f[f].len);
}

/* Resolve an id field to an index through map; MODEL_NONE when the field is absent.
 * An id that was never defined is an error. */
static bool field_ref(Apply *a, TfField f, const IdMap *map, const char *what, uint32_t *out) {
    *out = MODEL_NONE;
    if (!tf_has(a->ev, f))
        return true;
    uint64_t id = a->ev->f[f].u;
    *out = idmap_get(map, id);
    if (*out == IDMAP_NONE) {
        *out = MODEL_NONE;
        return fail_at(a, a->ev->f[f].pos, "%s: unknown %s %" PRIu64, tf_field_name(f), what, id);
    }
    return true;
}

static bool field_new(Apply *a, TfField f, IdMap *map, const char *what, uint32_t index) {
    uint64_t id = a->ev->f[f].u;
    if (idmap_get(map, id) != IDMAP_NONE)
        return fail_at(a, a->ev->f[f].pos, "%s %" PRIu64 " is defined twice", what, id);
    idmap_put(map, id, index);
    return true;
}

static double field_num(const TraceEvent *e, TfField f) {
    if (!tf_has(e, f))
        return 0;
    return tf_field_type(f) == TFT_NUM ? e->f[f].d : (double)e->f[f].u;
}

static bool apply_enqueue(Apply *a) {
    Model *m = a->m;
    const TraceEvent *e = a->ev;
    GROW(m, jobs, njobs, jobs_cap);
    uint32_t idx = m->njobs;
    MJob *j = &m->jobs[idx];
    memset(j, 0, sizeof *j);
    j->id = e->f[TFF_job].u;
    if (!field_new(a, TFF_job, &m->job_ids, "job", idx))
        return false;
    j->kind = field_str(a, TFF_kind);
    j->queue_name = field_str(a, TFF_queue);
    j->queue = queue_from_text(model_str(m, j->queue_name));
    j->reason = field_str(a, TFF_reason);
    j->fn = field_str(a, TFF_fn);
    j->handler = field_str(a, TFF_handler);
    j->enqueue_seq = e->seq;
    j->enqueue_line = e->pos.line;
    j->run_index = MODEL_NONE;
    j->first_log = j->last_log = MODEL_NONE;
    if (!field_ref(a, TFF_by, &m->job_ids, "job", &j->by) ||
        !field_ref(a, TFF_promise, &m->promise_ids, "promise", &j->promise) ||
        !field_ref(a, TFF_thenable, &m->promise_ids, "promise", &j->thenable) ||
        !field_ref(a, TFF_reaction, &m->reaction_ids, "reaction", &j->reaction) ||
        !field_ref(a, TFF_activation, &m->activation_ids, "activation", &j->activation) ||
        !field_ref(a, TFF_timer, &m->timer_ids, "timer", &j->timer))
        return false;
    if (j->reaction != MODEL_NONE && m->reactions[j->reaction].job == MODEL_NONE)
        m->reactions[j->reaction].job = idx;
    j->parent = j->by;
    if (j->timer != MODEL_NONE) {
        m->timers[j->timer].fired++;
        if (j->parent == MODEL_NONE)
            j->parent = m->timers[j->timer].by; /* the job that armed it last */
    }
    j->depth = j->parent == MODEL_NONE ? 0 : m->jobs[j->parent].depth + 1;
    m->njobs++;
    uint32_t *len = &m->queue_len[j->queue];
    if (++*len > m->queue_peak[j->queue]) {
        m->queue_peak[j->queue] = *len;
        m->queue_peak_seq[j->queue] = e->seq;
    }
    return true;
}

static bool apply_run(Apply *a) {
    Model *m = a->m;
    const TraceEvent *e = a->ev;
    uint32_t idx;
    if (!field_ref(a, TFF_job, &m->job_ids, "job", &idx))
        return false;
    MJob *j = &m->jobs[idx];
    if (j->run_index != MODEL_NONE)
        return fail_at(a, e->f[TFF_job].pos, "job %" PRIu64 " runs twice", j->id);
    GROW(m, run_order, nrun, run_cap);
    j->run_index = m->nrun;
    m->run_order[m->nrun++] = idx;
    j->run_seq = e->seq;
    uint64_t tick = tf_get_u(e, TFF_tick), turn = tf_get_u(e, TFF_turn);
    j->tick = tick > UINT32_MAX ? UINT32_MAX : (uint32_t)tick;
    j->turn = turn > UINT32_MAX ? UINT32_MAX : (uint32_t)turn;
    j->time = j->end_time = field_num(e, TFF_time);
    if (j->tick > m->max_tick)
        m->max_tick = j->tick;
    if (j->turn > m->max_turn)
        m->max_turn = j->turn;
    if (m->queue_len[j->queue] > 0)
        m->queue_len[j->queue]--;
    m->running = idx;
    return true;
}

static bool apply_done(Apply *a) {
    Model *m = a->m;
    uint32_t idx;
    if (!field_ref(a, TFF_job, &m->job_ids, "job", &idx))
        return false;
    switch (tf_get_e(a->ev, TFF_completion)) {
    case TFV_JOB_COMPLETION_THROW:
        m->jobs[idx].completion = JOB_COMPLETION_THROW;
        break;
    case TFV_JOB_COMPLETION_ABORT:
        m->jobs[idx].completion = JOB_COMPLETION_ABORT;
        break;
    default:
        m->jobs[idx].completion = JOB_COMPLETION_NORMAL;
        break;
    }
    MJob *j = &m->jobs[idx];
    j->done_seq = a->ev->seq;
    if (tf_has(a->ev, TFF_time))
        j->end_time = field_num(a->ev, TFF_time);
    if (tf_has(a->ev, TFF_steps))
        j->steps = a->ev->f[TFF_steps].u;
    if (m->running == idx)
        m->running = MODEL_NONE;
    return true;
}

static bool apply_promise(Apply *a) {
    Model *m = a->m;
    GROW(m, promises, npromises, promises_cap);
    uint32_t idx = m->npromises;
    MPromise *p = &m->promises[idx];
    memset(p, 0, sizeof *p);
    p->id = a->ev->f[TFF_promise].u;
    if (!field_new(a, TFF_promise, &m->promise_ids, "promise", idx))
        return false;
    p->origin = field_str(a, TFF_origin);
    p->at = field_str(a, TFF_at);
    p->create_seq = a->ev->seq;
    p->settler = p->locked_to = p->lock_by = MODEL_NONE;
    p->first_reaction = p->last_reaction = MODEL_NONE;
    p->state = PROMISE_PENDING;
    if (!field_ref(a, TFF_by, &m->job_ids, "job", &p->creator))
        return false;
    m->npromises++;
    return true;
}

static PromiseState state_from(TfEnumValue v) {
    switch (v) {
    case TFV_PROMISE_STATE_FULFILLED:
        return PROMISE_FULFILLED;
    case TFV_PROMISE_STATE_REJECTED:
        return PROMISE_REJECTED;
    default:
        return PROMISE_PENDING;
    }
}

static bool apply_then(Apply *a) {
    Model *m = a->m;
    const TraceEvent *e = a->ev;
    GROW(m, reactions, nreactions, reactions_cap);
    uint32_t idx = m->nreactions;
    MReaction *r = &m->reactions[idx];
    memset(r, 0, sizeof *r);
    r->id = e->f[TFF_reaction].u;
    r->seq = e->seq;
    r->job = r->next = MODEL_NONE;
    if (!field_ref(a, TFF_promise, &m->promise_ids, "promise", &r->promise) ||
        !field_ref(a, TFF_derived, &m->promise_ids, "promise", &r->derived) ||
        !field_ref(a, TFF_activation, &m->activation_ids, "activation", &r->activation) ||
        !field_ref(a, TFF_by, &m->job_ids, "job", &r->by) ||
        !field_new(a, TFF_reaction, &m->reaction_ids, "reaction", idx))
        return false;
    r->at = field_str(a, TFF_at);
    r->on_fulfilled = field_str(a, TFF_on_fulfilled);
    r->on_rejected = field_str(a, TFF_on_rejected);
    r->fn = field_str(a, TFF_fn);
    r->state_known = tf_has(e, TFF_state);
    r->state = state_from(tf_get_e(e, TFF_state));
    MPromise *p = &m->promises[r->promise];
    if (p->last_reaction == MODEL_NONE)
        p->first_reaction = idx;
    else
        m->reactions[p->last_reaction].next = idx;
    p->last_reaction = idx;
    p->nreactions++;
    m->nreactions++;
    return true;
}

static bool apply_resolve(Apply *a) {
    Model *m = a->m;
    uint32_t p, by, thenable;
    if (!field_ref(a, TFF_promise, &m->promise_ids, "promise", &p) ||
        !field_ref(a, TFF_by, &m->job_ids, "job", &by) ||
        !field_ref(a, TFF_thenable, &m->promise_ids, "promise", &thenable))
        return false;
    MPromise *pr = &m->promises[p];
    switch (tf_get_e(a->ev, TFF_outcome)) {
    case TFV_OUTCOME_FULFILLED:
        pr->state = PROMISE_FULFILLED;
        break;
    case TFV_OUTCOME_REJECTED:
        pr->state = PROMISE_REJECTED;
        break;
    case TFV_OUTCOME_LOCKED:
        pr->state = PROMISE_LOCKED;
        pr->locked_to = thenable;
        pr->lock_by = by;
        pr->lock_at = field_str(a, TFF_at);
        pr->lock_seq = a->ev->seq;
        return true;
    default:
        return true; /* an outcome from a newer format: no change we understand */
    }
    pr->settler = by;
    pr->settle_seq = a->ev->seq;
    pr->settle_at = field_str(a, TFF_at);
    pr->value = field_str(a, TFF_value);
    return true;
}

static bool apply_activation(Apply *a) {
    Model *m = a->m;
    GROW(m, activations, nactivations, activations_cap);
    uint32_t idx = m->nactivations;
    MActivation *act = &m->activations[idx];
    memset(act, 0, sizeof *act);
    act->id = a->ev->f[TFF_activation].u;
    if (!field_new(a, TFF_activation, &m->activation_ids, "activation", idx))
        return false;
    act->kind = field_str(a, TFF_kind);
    act->fn = field_str(a, TFF_fn);
    act->handler = field_str(a, TFF_handler);
    act->at = field_str(a, TFF_at);
    act->awaiting = act->resumed_in = MODEL_NONE;
    act->first_step = act->last_step = MODEL_NONE;
    if (!field_ref(a, TFF_promise, &m->promise_ids, "promise", &act->promise) ||
        !field_ref(a, TFF_by, &m->job_ids, "job", &act->creator))
        return false;
    /* Generators start suspended (at their start, not at a yield). */
    act->suspended = tf_get_e(a->ev, TFF_kind) != TFV_ACT_KIND_ASYNC;
    m->nactivations++;
    return true;
}

/* Append a step to activation idx's suspend/resume list. */
static MActStep *add_step(Model *m, uint32_t idx, uint64_t seq) {
    GROW(m, act_steps, nact_steps, act_steps_cap);
    uint32_t s = m->nact_steps++;
    MActStep *st = &m->act_steps[s];
    memset(st, 0, sizeof *st);
    st->seq = seq;
    st->job = st->awaiting = st->next = MODEL_NONE;
    MActivation *act = &m->activations[idx];
    if (act->last_step == MODEL_NONE)
        act->first_step = s;
    else
        m->act_steps[act->last_step].next = s;
    act->last_step = s;
    return st;
}

static bool apply_suspend(Apply *a) {
    Model *m = a->m;
    uint32_t idx, awaiting;
    if (!field_ref(a, TFF_activation, &m->activation_ids, "activation", &idx) ||
        !field_ref(a, TFF_awaiting, &m->promise_ids, "promise", &awaiting))
        return false;
    MActivation *act = &m->activations[idx];
    act->nsuspend++;
    act->suspended = true;
    act->op = field_str(a, TFF_op);
    act->suspend_at = field_str(a, TFF_at);
    act->suspend_seq = a->ev->seq;
    act->awaiting = awaiting;
    uint32_t by;
    if (!field_ref(a, TFF_by, &m->job_ids, "job", &by))
        return false;
    MActStep *st = add_step(m, idx, a->ev->seq);
    st->job = by;
    st->op = act->op;
    st->at = act->suspend_at;
    st->awaiting = awaiting;
    return true;
}

static bool apply_resume(Apply *a) {
    Model *m = a->m;
    uint32_t idx, by;
    if (!field_ref(a, TFF_activation, &m->activation_ids, "activation", &idx) ||
        !field_ref(a, TFF_by, &m->job_ids, "job", &by))
        return false;
    MActivation *act = &m->activations[idx];
    act->nresume++;
    act->suspended = false;
    act->resumed_in = by;
    MActStep *st = add_step(m, idx, a->ev->seq);
    st->resume = true;
    st->job = by;
    st->op = field_str(a, TFF_completion);
    return true;
}

static bool apply_log(Apply *a) {
    Model *m = a->m;
    const TraceEvent *e = a->ev;
    uint32_t job;
    if (!field_ref(a, TFF_by, &m->job_ids, "job", &job))
        return false;
    GROW(m, logs, nlogs, logs_cap);
    uint32_t idx = m->nlogs;
    MLog *l = &m->logs[idx];
    const TfValue *text = &e->f[TFF_text];
    l->seq = e->seq;
    l->job = job;
    l->is_err = tf_get_e(e, TFF_stream) == TFV_STREAM_ERR;
    l->newline = tf_has(e, TFF_newline) ? e->f[TFF_newline].b : true;
    l->at = field_str(a, TFF_at);
    l->next = MODEL_NONE;
    l->len = text->len;
    if (m->text_len + text->len + 1 > m->text_cap) {
        while (m->text_len + text->len + 1 > m->text_cap)
            m->text_cap = m->text_cap ? m->text_cap * 2 : 4096;
        m->text = xrealloc(m->text, m->text_cap);
    }
    l->text = m->text_len;
    if (text->len)
        memcpy(m->text + m->text_len, text->s, text->len);
    m->text_len += text->len;
    m->text[m->text_len] = '\0';
    if (job != MODEL_NONE) {
        MJob *j = &m->jobs[job];
        if (j->last_log == MODEL_NONE)
            j->first_log = idx;
        else
            m->logs[j->last_log].next = idx;
        j->last_log = idx;
        j->nlogs++;
    }
    m->nlogs++;
    return true;
}

static bool apply_timer(Apply *a) {
    Model *m = a->m;
    const TraceEvent *e = a->ev;
    uint64_t id = e->f[TFF_timer].u;
    uint32_t idx = idmap_get(&m->timer_ids, id);
    bool rearm = tf_has(e, TFF_rearm) && e->f[TFF_rearm].b;
    if (idx == IDMAP_NONE) {
        GROW(m, timers, ntimers, timers_cap);
        idx = m->ntimers++;
        idmap_put(&m->timer_ids, id, idx);
        memset(&m->timers[idx], 0, sizeof m->timers[idx]);
        m->timers[idx].id = id;
    } else if (!rearm) {
        return fail_at(a, e->f[TFF_timer].pos, "timer %" PRIu64 " is defined twice", id);
    }
    MTimer *t = &m->timers[idx];
    t->api = field_str(a, TFF_api);
    t->handler = field_str(a, TFF_handler);
    t->fn = field_str(a, TFF_fn);
    t->at = field_str(a, TFF_at);
    t->arm_seq = e->seq;
    t->delay = field_num(e, TFF_delay);
    t->clamped = tf_has(e, TFF_clamped) ? field_num(e, TFF_clamped) : t->delay;
    t->due = field_num(e, TFF_due);
    t->armed++;
    return field_ref(a, TFF_by, &m->job_ids, "job", &t->by);
}

static bool apply_clear(Apply *a) {
    uint32_t idx;
    if (!field_ref(a, TFF_timer, &a->m->timer_ids, "timer", &idx))
        return false;
    a->m->timers[idx].cleared = true;
    return true;
}

static bool apply_error(Apply *a) {
    Model *m = a->m;
    GROW(m, errors, nerrors, errors_cap);
    MError *er = &m->errors[m->nerrors];
    memset(er, 0, sizeof *er);
    er->seq = a->ev->seq;
    er->kind = field_str(a, TFF_kind);
    er->message = field_str(a, TFF_message);
    er->at = field_str(a, TFF_at);
    er->fatal = tf_has(a->ev, TFF_fatal) && a->ev->f[TFF_fatal].b;
    if (!field_ref(a, TFF_by, &m->job_ids, "job", &er->job))
        return false;
    m->nerrors++;
    return true;
}

static bool apply_exit(Apply *a) {
    a->m->has_exit = true;
    a->m->exit_code = tf_has(a->ev, TFF_code) ? a->ev->f[TFF_code].i : 0;
    a->m->exit_reason = field_str(a, TFF_reason);
    return true;
}

/* One handler per event kind the model uses; the rest (limit, note, phase, and kinds
 * from newer minor versions) are counted and skipped. */
static bool (*const appliers[EV__COUNT])(Apply *) = {
    [EV_ENQUEUE] = apply_enqueue,
    [EV_RUN] = apply_run,
    [EV_DONE] = apply_done,
    [EV_PROMISE] = apply_promise,
    [EV_THEN] = apply_then,
    [EV_RESOLVE] = apply_resolve,
    [EV_ACTIVATION] = apply_activation,
    [EV_SUSPEND] = apply_suspend,
    [EV_RESUME] = apply_resume,
    [EV_LOG] = apply_log,
    [EV_TIMER] = apply_timer,
    [EV_CLEAR] = apply_clear,
    [EV_ERROR] = apply_error,
    [EV_EXIT] = apply_exit,
};

static bool model_apply(Apply *a) {
    a->m->nevents++;
    if (a->ev->kind >= EV__COUNT || !appliers[a->ev->kind]) {
        a->m->nunknown += a->ev->kind >= EV__COUNT;
        return true;
    }
    return appliers[a->ev->kind](a);
}

static void model_set_header(Model *m, const TraceHeader *h) {
#define HSTR(field) (h->field ? intern(m, h->field, strlen(h->field)) : 0)
    m->version = HSTR(version);
    m->program = HSTR(program);
    m->spec = HSTR(spec);
    m->host = HSTR(host);
    m->engine = HSTR(engine);
    m->clock = HSTR(clock);
#undef HSTR
}

/* ---- loading ----------------------------------------------------------------------- */

enum { MAX_WARNINGS = 10 };

typedef struct {
    StrBuf text;
    unsigned count;
} Warnings;

static void collect_warning(void *ctx, const char *message) {
    Warnings *w = ctx;
    if (w->count++ < MAX_WARNINGS) {
        if (w->text.len)
            strbuf_putc(&w->text, '\n');
        strbuf_puts(&w->text, message);
    }
}

static char *take(StrBuf *sb) {
    char *s = strbuf_take(sb, NULL);
    strbuf_fini(sb);
    return s;
}

ModelLoadStatus model_load(Model *m, const char *path, char **err, char **warning) {
    *err = NULL;
    if (warning)
        *warning = NULL;
    bool use_stdin = strcmp(path, "-") == 0;
    const char *name = use_stdin ? "<stdin>" : path;
    FILE *f = use_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        StrBuf sb;
        strbuf_init(&sb);
        strbuf_printf(&sb, "cannot read %s: %s", path, strerror(errno));
        *err = take(&sb);
        return MODEL_LOAD_IO;
    }
    Warnings w;
    strbuf_init(&w.text);
    w.count = 0;
    TfReaderOptions opt = {.strict = false, .warn = collect_warning, .warn_ctx = &w};
    TfReader *r = tf_reader_open(f, name, &opt);
    StrBuf problem;
    strbuf_init(&problem);
    ModelLoadStatus status = MODEL_LOAD_OK;

    const TraceHeader *h;
    TfReadStatus st = tf_reader_header(r, &h);
    if (st == TF_READ_OK)
        model_set_header(m, h);
    const TraceEvent *ev;
    while (st == TF_READ_OK && (st = tf_reader_next(r, &ev)) == TF_READ_OK) {
        Apply a = {m, name, ev, &problem};
        if (!model_apply(&a)) {
            status = MODEL_LOAD_BAD;
            break;
        }
    }
    if (st == TF_READ_INVALID || st == TF_READ_IO) {
        strbuf_clear(&problem);
        strbuf_puts(&problem, tf_reader_error(r));
        status = st == TF_READ_IO ? MODEL_LOAD_IO : MODEL_LOAD_BAD;
    }
    m->truncated = tf_reader_truncated(r);
    tf_reader_free(r);
    if (!use_stdin)
        fclose(f);

    if (w.count > MAX_WARNINGS)
        strbuf_printf(&w.text, "\n%s: warning: %u more warnings", name, w.count - MAX_WARNINGS);
    if (warning && w.count > 0)
        *warning = take(&w.text);
    else
        strbuf_fini(&w.text);
    if (status != MODEL_LOAD_OK)
        *err = take(&problem);
    else
        strbuf_fini(&problem);
    return status;
}
