/* trace_validate.c — see trace_validate.h. The id rules come from the ROLE column of
 * events.def (TF_ROLE: which id space, and whether the field defines a new id, refers
 * to an earlier one, to a queued job or to the running job); the state rules for jobs,
 * promises and activations are written out per event kind below. */
#include "formats/trace_validate.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "formats/trace_escape.h"
#include "formats/trace_reader.h"

/* ==== a map from id to a state byte (open addressing; id 0 marks an empty slot) ===== */

typedef struct {
    uint64_t *keys;
    uint8_t *vals;
    size_t cap, count; /* cap is a power of two */
} IdStates;

static size_t id_hash(uint64_t x) {
    x ^= x >> 30; /* splitmix64's finaliser */
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    x ^= x >> 31;
    return (size_t)x;
}

static uint8_t *ids_find(const IdStates *m, uint64_t id) {
    if (!m->cap)
        return NULL;
    for (size_t i = id_hash(id) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        if (m->keys[i] == id)
            return &m->vals[i];
        if (m->keys[i] == 0)
            return NULL;
    }
}

static void ids_grow(IdStates *m);

/* The state of a new id (set to 0); id must not be in the map. */
static uint8_t *ids_add(IdStates *m, uint64_t id) {
    if ((m->count + 1) * 4 > m->cap * 3)
        ids_grow(m);
    size_t i = id_hash(id) & (m->cap - 1);
    while (m->keys[i] != 0)
        i = (i + 1) & (m->cap - 1);
    m->keys[i] = id;
    m->vals[i] = 0;
    m->count++;
    return &m->vals[i];
}

static void ids_grow(IdStates *m) {
    IdStates old = *m;
    m->cap = old.cap ? old.cap * 2 : 64;
    m->keys = xcalloc(m->cap, sizeof *m->keys);
    m->vals = xcalloc(m->cap, sizeof *m->vals);
    m->count = 0;
    for (size_t i = 0; i < old.cap; i++)
        if (old.keys[i])
            *ids_add(m, old.keys[i]) = old.vals[i];
    free(old.keys);
    free(old.vals);
}

static void ids_free(IdStates *m) {
    free(m->keys);
    free(m->vals);
}

/* ==== the checker =================================================================== */

enum { JOB_QUEUED = 1, JOB_RUNNING, JOB_DONE };
enum { PROMISE_PENDING = 1, PROMISE_LOCKED, PROMISE_SETTLED };
enum { ACT_RUNNING = 1, ACT_SUSPENDED };
enum { DEFINED = 1 };

struct TfChecker {
    IdStates ids[TF_SPACE__COUNT];
    uint64_t last_seq;
    uint64_t running;      /* the running job, 0 when none */
    double clock;          /* the latest virtual time seen */
    bool have_clock;
    uint64_t turn;
    uint64_t exit_seq;     /* seq of the exit event, 0 before it */
};

TfChecker *tf_checker_new(void) {
    return xcalloc(1, sizeof(TfChecker));
}

void tf_checker_free(TfChecker *c) {
    if (!c)
        return;
    for (int s = 0; s < TF_SPACE__COUNT; s++)
        ids_free(&c->ids[s]);
    free(c);
}

static bool problem(TfPos *pos, StrBuf *msg, TfPos at, const char *fmt, ...) PRINTF_LIKE(4, 5);
static bool problem(TfPos *pos, StrBuf *msg, TfPos at, const char *fmt, ...) {
    char body[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(body, sizeof body, fmt, ap);
    va_end(ap);
    *pos = at;
    strbuf_puts(msg, body);
    return false;
}

typedef unsigned long long ull;

/* Check one id field against its role (no state changes). */
static bool check_role(TfChecker *c, const TraceEvent *ev, const TfArgSpec *a, TfPos *pos,
                       StrBuf *msg) {
    TfSpace sp = tf_role_space(a->role);
    const TfValue *v = &ev->f[a->field];
    uint64_t id = v->u;
    const char *ek = tf_event_name(ev->kind), *fname = tf_field_name(a->field);
    const char *space = tf_space_name(sp), *definer = tf_event_name(tf_space_definer(sp));
    uint8_t *st = ids_find(&c->ids[sp], id);
    switch (tf_role_mode(a->role)) {
    case TF_MODE_NEW:
        if (ev->kind == EV_TIMER && tf_has(ev, TFF_rearm) && ev->f[TFF_rearm].b) {
            if (!st)
                return problem(pos, msg, v->pos,
                               "%s.%s: rearm of timer %llu, which no earlier timer event "
                               "defines",
                               ek, fname, (ull)id);
            return true;
        }
        if (st)
            return problem(pos, msg, v->pos, "%s.%s: %s %llu is already defined by an earlier %s "
                                             "event",
                           ek, fname, space, (ull)id, definer);
        return true;
    case TF_MODE_REF:
    case TF_MODE_QUEUED:
        if (!st)
            return problem(pos, msg, v->pos, "%s.%s: no earlier %s event defines %s %llu", ek,
                           fname, definer, space, (ull)id);
        if (tf_role_mode(a->role) == TF_MODE_QUEUED) {
            if (*st != JOB_QUEUED)
                return problem(pos, msg, v->pos, "%s.%s: job %llu has already run", ek, fname,
                               (ull)id);
            if (c->running)
                return problem(pos, msg, v->pos,
                               "%s.%s: job %llu starts while job %llu is still running (no done "
                               "event)",
                               ek, fname, (ull)id, (ull)c->running);
        }
        return true;
    case TF_MODE_RUNNING:
        if (!st)
            return problem(pos, msg, v->pos, "%s.%s: no earlier %s event defines %s %llu", ek,
                           fname, definer, space, (ull)id);
        if (c->running != id) {
            if (c->running)
                return problem(pos, msg, v->pos,
                               "%s.%s: job %llu is not the running job (job %llu is)", ek, fname,
                               (ull)id, (ull)c->running);
            return problem(pos, msg, v->pos, "%s.%s: job %llu is not running (no job is)", ek,
                           fname, (ull)id);
        }
        return true;
    default:
        return true;
    }
}

static bool check_clock(TfChecker *c, const TraceEvent *ev, TfPos *pos, StrBuf *msg) {
    if (!tf_has(ev, TFF_time))
        return true;
    const TfValue *v = &ev->f[TFF_time];
    const char *ek = tf_event_name(ev->kind);
    if (!isfinite(v->d))
        return problem(pos, msg, v->pos, "%s.time: the virtual clock must be a finite number", ek);
    if (c->have_clock && v->d < c->clock) {
        StrBuf before, after;
        strbuf_init(&before);
        strbuf_init(&after);
        tf_format_number(&before, c->clock);
        tf_format_number(&after, v->d);
        problem(pos, msg, v->pos, "%s.time: the virtual clock goes back from %s to %s", ek,
                before.data, after.data);
        strbuf_fini(&before);
        strbuf_fini(&after);
        return false;
    }
    c->clock = v->d;
    c->have_clock = true;
    return true;
}

/* The per-kind state rules, after the id roles passed. */
static bool check_states(TfChecker *c, const TraceEvent *ev, TfPos *pos, StrBuf *msg) {
    switch (ev->kind) {
    case EV_RUN: {
        const TfValue *t = &ev->f[TFF_turn];
        if (t->u < c->turn)
            return problem(pos, msg, t->pos, "run.turn: the turn goes back from %llu to %llu",
                           (ull)c->turn, (ull)t->u);
        c->turn = t->u;
        break;
    }
    case EV_RESOLVE: {
        const TfValue *p = &ev->f[TFF_promise];
        uint8_t st = *ids_find(&c->ids[TF_SPACE_PROMISE], p->u);
        bool locking = ev->f[TFF_outcome].e == TFV_OUTCOME_LOCKED;
        if (st == PROMISE_SETTLED)
            return problem(pos, msg, p->pos, "resolve.promise: promise %llu is already settled",
                           (ull)p->u);
        if (st == PROMISE_LOCKED && locking)
            return problem(pos, msg, p->pos,
                           "resolve.promise: promise %llu is already locked in to a thenable",
                           (ull)p->u);
        break;
    }
    case EV_SUSPEND:
    case EV_RESUME: {
        const TfValue *a = &ev->f[TFF_activation];
        uint8_t st = *ids_find(&c->ids[TF_SPACE_ACTIVATION], a->u);
        if (ev->kind == EV_SUSPEND && st != ACT_RUNNING)
            return problem(pos, msg, a->pos, "suspend.activation: activation %llu is already "
                                             "suspended",
                           (ull)a->u);
        if (ev->kind == EV_RESUME && st != ACT_SUSPENDED)
            return problem(pos, msg, a->pos, "resume.activation: activation %llu is not "
                                             "suspended",
                           (ull)a->u);
        break;
    }
    default:
        break;
    }
    return check_clock(c, ev, pos, msg);
}

/* Record the event's effects: new ids and state changes. */
static void apply(TfChecker *c, const TraceEvent *ev) {
    const TfEventSpec *spec = tf_event_spec(ev->kind);
    for (const TfArgSpec *a = spec->args; a->field != TFF__COUNT; a++) {
        if (a->role == TFR_NONE || !tf_has(ev, a->field) || tf_role_mode(a->role) != TF_MODE_NEW)
            continue;
        IdStates *m = &c->ids[tf_role_space(a->role)];
        uint64_t id = ev->f[a->field].u;
        if (!ids_find(m, id))
            *ids_add(m, id) = DEFINED;
    }
    uint8_t *st;
    switch (ev->kind) {
    case EV_ENQUEUE:
        *ids_find(&c->ids[TF_SPACE_JOB], ev->f[TFF_job].u) = JOB_QUEUED;
        break;
    case EV_RUN:
        *ids_find(&c->ids[TF_SPACE_JOB], ev->f[TFF_job].u) = JOB_RUNNING;
        c->running = ev->f[TFF_job].u;
        break;
    case EV_DONE:
        *ids_find(&c->ids[TF_SPACE_JOB], ev->f[TFF_job].u) = JOB_DONE;
        c->running = 0;
        break;
    case EV_PROMISE:
        *ids_find(&c->ids[TF_SPACE_PROMISE], ev->f[TFF_promise].u) = PROMISE_PENDING;
        break;
    case EV_RESOLVE:
        st = ids_find(&c->ids[TF_SPACE_PROMISE], ev->f[TFF_promise].u);
        *st = ev->f[TFF_outcome].e == TFV_OUTCOME_LOCKED ? PROMISE_LOCKED : PROMISE_SETTLED;
        break;
    case EV_ACTIVATION:
        *ids_find(&c->ids[TF_SPACE_ACTIVATION], ev->f[TFF_activation].u) =
            ev->f[TFF_kind].e == TFV_ACT_KIND_ASYNC ? ACT_RUNNING : ACT_SUSPENDED;
        break;
    case EV_SUSPEND:
        *ids_find(&c->ids[TF_SPACE_ACTIVATION], ev->f[TFF_activation].u) = ACT_SUSPENDED;
        break;
    case EV_RESUME:
        *ids_find(&c->ids[TF_SPACE_ACTIVATION], ev->f[TFF_activation].u) = ACT_RUNNING;
        break;
    case EV_EXIT:
        c->exit_seq = ev->seq;
        break;
    default:
        break;
    }
    c->last_seq = ev->seq;
}

bool tf_checker_event(TfChecker *c, const TraceEvent *ev, TfPos *pos, StrBuf *msg) {
    if (ev->kind < 0 || ev->kind >= EV__COUNT)
        return true; /* unknown kinds (newer minor) carry no rules we know */
    if (c->exit_seq)
        return problem(pos, msg, ev->pos, "an event after the exit event (seq %llu)",
                       (ull)c->exit_seq);
    if (ev->seq <= c->last_seq)
        return problem(pos, msg, ev->seq_pos,
                       "seq %llu does not increase (the previous event has seq %llu)",
                       (ull)ev->seq, (ull)c->last_seq);
    const TfEventSpec *spec = tf_event_spec(ev->kind);
    for (const TfArgSpec *a = spec->args; a->field != TFF__COUNT; a++)
        if (a->role != TFR_NONE && tf_has(ev, a->field) && !check_role(c, ev, a, pos, msg))
            return false;
    if (!check_states(c, ev, pos, msg))
        return false;
    apply(c, ev);
    return true;
}

/* ==== the whole check =============================================================== */

void tf_validate_stream(FILE *f, const char *name, void (*warn)(void *ctx, const char *message),
                        void *warn_ctx, TfValidation *out) {
    memset(out, 0, sizeof *out);
    TfReaderOptions opt = {.strict = true, .warn = warn, .warn_ctx = warn_ctx};
    TfReader *r = tf_reader_open(f, name, &opt);
    TfChecker *c = tf_checker_new();
    StrBuf msg;
    strbuf_init(&msg);
    const TraceHeader *h;
    const TraceEvent *ev;
    TfReadStatus st = tf_reader_header(r, &h);
    if (st == TF_READ_OK) {
        out->major = h->major;
        out->minor = h->minor;
    }
    while (st == TF_READ_OK && (st = tf_reader_next(r, &ev)) == TF_READ_OK) {
        TfPos pos;
        strbuf_clear(&msg);
        if (!tf_checker_event(c, ev, &pos, &msg)) {
            StrBuf full;
            strbuf_init(&full);
            strbuf_printf(&full, "%s:%u:%u: %s", name, (unsigned)pos.line, (unsigned)pos.col,
                          msg.data);
            out->message = strbuf_take(&full, NULL);
            strbuf_fini(&full);
            out->code = EXIT_FAIL;
            break;
        }
        out->events++;
    }
    if (!out->message) {
        if (st == TF_READ_END) {
            out->code = EXIT_OK;
        } else {
            out->code = st == TF_READ_IO ? EXIT_IO : EXIT_FAIL;
            out->message = xstrdup(tf_reader_error(r));
        }
    }
    out->truncated = tf_reader_truncated(r);
    strbuf_fini(&msg);
    tf_checker_free(c);
    tf_reader_free(r);
}

void tf_validation_fini(TfValidation *v) {
    free(v->message);
    v->message = NULL;
}
