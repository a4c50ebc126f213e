/* trace_gen.c — see trace_gen.h. A small simulation keeps the state the validator
 * checks (queued and running jobs, promise and activation states, the clock), and each
 * step picks an event kind that is legal in that state, then fills its fields from
 * events.def: required ones always, optional ones half of the time. */
#include "formats/trace_gen.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "common/strbuf.h"
#include "common/util.h"
#include "formats/trace_escape.h"

typedef struct {
    uint64_t *v;
    size_t n, cap;
} IdList;

enum { P_PENDING, P_LOCKED, P_SETTLED };

struct TfGen {
    uint64_t rng;
    uint64_t seq;
    StrBuf arena;               /* this event's strings */
    size_t off[TFF__COUNT];     /* offsets of string values in arena */
    char program[64];
    IdList queued;              /* jobs enqueued, not run */
    IdList jobs;                /* all jobs */
    uint64_t running;
    uint64_t next_id[TF_SPACE__COUNT];
    IdList promises;
    uint8_t *pstate;            /* by promise id */
    size_t pstate_cap;
    IdList acts;
    uint8_t *astate;            /* by activation id: 1 running, 2 suspended */
    size_t astate_cap;
    uint64_t timers;            /* timer ids are 1..timers */
    uint64_t reactions;
    double clock;
    uint64_t turn;
};

/* ---- randomness ------------------------------------------------------------------- */

static uint64_t next_u64(TfGen *g) { /* splitmix64 */
    uint64_t z = (g->rng += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static uint32_t below(TfGen *g, uint32_t n) {
    return (uint32_t)(next_u64(g) % n);
}

static bool chance(TfGen *g, uint32_t percent) {
    return below(g, 100) < percent;
}

/* ---- ids -------------------------------------------------------------------------- */

static void list_push(IdList *l, uint64_t id) {
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 64;
        l->v = xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n++] = id;
}

static uint64_t list_pick(TfGen *g, const IdList *l) {
    return l->n ? l->v[below(g, (uint32_t)l->n)] : 0;
}

static uint8_t *state_slot(uint8_t **arr, size_t *cap, uint64_t id) {
    if (id >= *cap) {
        size_t ncap = *cap ? *cap : 64;
        while (ncap <= id)
            ncap *= 2;
        *arr = xrealloc(*arr, ncap);
        memset(*arr + *cap, 0, ncap - *cap);
        *cap = ncap;
    }
    return &(*arr)[id];
}

/* A promise (or activation) in the wanted state, 0 when there is none (tries a few). */
static uint64_t pick_in_state(TfGen *g, const IdList *l, uint8_t *states, int want, bool not) {
    for (int tries = 0; tries < 8 && l->n; tries++) {
        uint64_t id = list_pick(g, l);
        if ((states[id] == want) != not)
            return id;
    }
    for (size_t i = l->n; i-- > 0;) /* newest first: most are still in play */
        if ((states[l->v[i]] == want) != not)
            return l->v[i];
    return 0;
}

/* ---- values ----------------------------------------------------------------------- */

static const char *const pieces[] = {
    "a", "promise2", " ", "  ", "\"", "'", "\\", ": ", "#", " #x", "- ", "-", "{", "}", "[",
    "]", ",", "&a", "*a", "!", "|", ">", "%", "@", "`", "?", "---", "...", "~", "null", "true",
    "yes", "no", "0x1F", "012", "1e3", ".inf", "\n", "\r\n", "\r", "\t", "\x01", "\x07",
    "\x1b", "\x1f", "\x7f", "\xc2\x80", "\xc2\x85", "\xc2\x9f", "\xc2\xa0", "\xe2\x80\xa8",
    "\xe2\x80\xa9", "\xef\xbb\xbf", "\xef\xbf\xbe", "\xef\xbf\xbf", "\xef\xbf\xbd",
    "\xf0\x9f\x98\x80", "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", "\xe4\xb8\xad\xe6\x96\x87",
    "\xe5\xbc\x82\xe6\xad\xa5", "\xc3\xa9", "\xff", "\xfe", "\xc0\x80", "\xed\xa0\x80",
    "\x80", "\xe4\xb8", "\xf4\x90\x80\x80", "\xf0\x9f\x98",
};

static size_t put_nasty(TfGen *g, size_t *len) {
    size_t off = g->arena.len;
    uint32_t n = below(g, 10);
    for (uint32_t i = 0; i < n; i++) {
        if (chance(g, 3)) {
            strbuf_putc(&g->arena, '\0'); /* NUL inside a string */
            continue;
        }
        strbuf_puts(&g->arena, pieces[below(g, (uint32_t)ARRAY_LEN(pieces))]);
    }
    *len = g->arena.len - off;
    strbuf_putc(&g->arena, '\0');
    return off;
}

static void set_str(TfGen *g, TraceEvent *ev, TfField f) {
    size_t len;
    g->off[f] = put_nasty(g, &len);
    ev->f[f].len = len;
}

static void set_loc(TfGen *g, TraceEvent *ev, TfField f) {
    size_t off = g->arena.len, len;
    if (chance(g, 50)) {
        strbuf_puts(&g->arena, "samples/a.js");
    } else {
        put_nasty(g, &len);
        g->arena.len--; /* drop its NUL */
        strbuf_putc(&g->arena, 'x'); /* a path is never empty */
    }
    strbuf_printf(&g->arena, ":%u:%u", 1 + below(g, 5000), 1 + below(g, 300));
    ev->f[f].len = g->arena.len - off;
    strbuf_putc(&g->arena, '\0');
    g->off[f] = off;
}

static double random_number(TfGen *g) {
    switch (below(g, 10)) {
    case 0:
        return (double)below(g, 100);
    case 1:
        return below(g, 1000) / 8.0;
    case 2:
        return 16.7;
    case 3:
        return ldexp((double)(next_u64(g) >> 11), (int)below(g, 200) - 100);
    case 4:
        return -0.0;
    case 5:
        return NAN;
    case 6:
        return chance(g, 50) ? INFINITY : -INFINITY;
    case 7:
        return 1e300 * (chance(g, 50) ? 1 : -1);
    case 8:
        return 9007199254740993.0; /* 2^53 + 1 rounds to 2^53 + 2 */
    default:
        return -(double)below(g, 1u << 31) / 1024.0;
    }
}

static uint64_t random_uint(TfGen *g) {
    switch (below(g, 4)) {
    case 0:
        return below(g, 10);
    case 1:
        return below(g, 1000000);
    case 2:
        return (uint64_t)INT64_MAX;
    default:
        return next_u64(g) >> 1;
    }
}

static int64_t random_int(TfGen *g) {
    switch (below(g, 4)) {
    case 0:
        return (int64_t)below(g, 256) - 128;
    case 1:
        return INT64_MIN;
    case 2:
        return INT64_MAX;
    default:
        return (int64_t)next_u64(g);
    }
}

static void set_present(TraceEvent *ev, TfField f) {
    ev->present |= (uint64_t)1 << f;
}

static void set_u(TraceEvent *ev, TfField f, uint64_t v) {
    ev->f[f].u = v;
    set_present(ev, f);
}

/* A value for an id field, per its role; false when there is no legal one. */
static bool pick_id(TfGen *g, TfRole role, uint64_t *out) {
    TfSpace sp = tf_role_space(role);
    switch (tf_role_mode(role)) {
    case TF_MODE_NEW:
        *out = ++g->next_id[sp];
        return true;
    case TF_MODE_RUNNING:
        *out = g->running;
        return *out != 0;
    case TF_MODE_QUEUED:
        *out = list_pick(g, &g->queued);
        return *out != 0;
    default:
        break;
    }
    switch (sp) {
    case TF_SPACE_JOB:
        *out = list_pick(g, &g->jobs);
        break;
    case TF_SPACE_PROMISE:
        *out = list_pick(g, &g->promises);
        break;
    case TF_SPACE_ACTIVATION:
        *out = list_pick(g, &g->acts);
        break;
    case TF_SPACE_TIMER:
        *out = g->timers ? 1 + below(g, (uint32_t)g->timers) : 0;
        break;
    case TF_SPACE_REACTION:
        *out = g->reactions ? 1 + below(g, (uint32_t)g->reactions) : 0;
        break;
    default:
        *out = 0;
    }
    return *out != 0;
}

/* Fill every field of ev->kind that fill_special did not set. */
static void fill_fields(TfGen *g, TraceEvent *ev) {
    const TfEventSpec *spec = tf_event_spec(ev->kind);
    for (const TfArgSpec *a = spec->args; a->field != TFF__COUNT; a++) {
        TfField f = a->field;
        if (tf_has(ev, f) || (a->presence == TF_OPT && chance(g, 50)))
            continue;
        if (f == TFF_time || f == TFF_rearm)
            continue; /* only fill_special knows legal values */
        switch (tf_field_type(f)) {
        case TFT_ID: {
            uint64_t id;
            if (pick_id(g, a->role, &id))
                set_u(ev, f, id);
            continue; /* required ids are always set by fill_special */
        }
        case TFT_UINT:
            ev->f[f].u = random_uint(g);
            break;
        case TFT_INT:
            ev->f[f].i = random_int(g);
            break;
        case TFT_NUM:
            ev->f[f].d = random_number(g);
            break;
        case TFT_BOOL:
            ev->f[f].b = chance(g, 50);
            break;
        case TFT_STR:
            set_str(g, ev, f);
            break;
        case TFT_LOC:
            set_loc(g, ev, f);
            break;
        case TFT_ENUM: {
            TfEnumValue first;
            int count;
            tf_set_values(a->set, &first, &count);
            ev->f[f].e = (TfEnumValue)(first + (int)below(g, (uint32_t)count));
            break;
        }
        default:
            continue;
        }
        set_present(ev, f);
    }
}

/* ---- choosing the event ----------------------------------------------------------- */

static TfEventKind choose_kind(TfGen *g) {
    if (!g->running) {
        if (g->queued.n && chance(g, 75))
            return EV_RUN;
        static const TfEventKind host[] = {EV_ENQUEUE, EV_ENQUEUE, EV_PHASE, EV_NOTE,
                                           EV_LOG,     EV_TIMER,   EV_ERROR};
        return host[below(g, (uint32_t)ARRAY_LEN(host))];
    }
    static const TfEventKind in_job[] = {
        EV_ENQUEUE, EV_ENQUEUE,  EV_PROMISE, EV_PROMISE, EV_THEN, EV_RESOLVE, EV_ACTIVATION,
        EV_SUSPEND, EV_RESUME,   EV_LOG,     EV_LOG,     EV_TIMER, EV_CLEAR,  EV_ERROR,
        EV_LIMIT,   EV_NOTE,     EV_DONE,    EV_DONE,    EV_DONE};
    return in_job[below(g, (uint32_t)ARRAY_LEN(in_job))];
}

/* Set the fields whose legal values depend on the state, and update the state. False
 * when this kind is not possible now. */
static bool fill_special(TfGen *g, TraceEvent *ev) {
    uint64_t id;
    switch (ev->kind) {
    case EV_ENQUEUE:
        id = ++g->next_id[TF_SPACE_JOB];
        set_u(ev, TFF_job, id);
        list_push(&g->queued, id);
        list_push(&g->jobs, id);
        break;
    case EV_RUN: {
        size_t i = below(g, (uint32_t)g->queued.n);
        id = g->queued.v[i];
        g->queued.v[i] = g->queued.v[--g->queued.n];
        set_u(ev, TFF_job, id);
        g->running = id;
        if (chance(g, 20))
            g->turn++;
        set_u(ev, TFF_turn, g->turn);
        set_u(ev, TFF_tick, below(g, 4));
        if (chance(g, 30))
            g->clock += below(g, 50) / 4.0;
        ev->f[TFF_time].d = g->clock;
        set_present(ev, TFF_time);
        break;
    }
    case EV_DONE:
        set_u(ev, TFF_job, g->running);
        g->running = 0;
        if (chance(g, 50)) {
            ev->f[TFF_time].d = g->clock;
            set_present(ev, TFF_time);
        }
        break;
    case EV_PHASE:
    case EV_EXIT:
        g->clock += below(g, 3);
        ev->f[TFF_time].d = g->clock;
        set_present(ev, TFF_time);
        if (ev->kind == EV_PHASE)
            set_u(ev, TFF_turn, g->turn + 1);
        break;
    case EV_PROMISE:
        id = ++g->next_id[TF_SPACE_PROMISE];
        set_u(ev, TFF_promise, id);
        list_push(&g->promises, id);
        *state_slot(&g->pstate, &g->pstate_cap, id) = P_PENDING;
        break;
    case EV_THEN:
        if (!g->promises.n)
            return false;
        set_u(ev, TFF_promise, list_pick(g, &g->promises));
        set_u(ev, TFF_reaction, ++g->reactions);
        g->next_id[TF_SPACE_REACTION] = g->reactions;
        break;
    case EV_RESOLVE: {
        id = pick_in_state(g, &g->promises, g->pstate, P_SETTLED, true);
        if (!id)
            return false;
        set_u(ev, TFF_promise, id);
        TfEnumValue o = (TfEnumValue)(TFV_OUTCOME_FULFILLED + (int)below(g, 3));
        if (g->pstate[id] == P_LOCKED && o == TFV_OUTCOME_LOCKED)
            o = TFV_OUTCOME_FULFILLED;
        ev->f[TFF_outcome].e = o;
        set_present(ev, TFF_outcome);
        g->pstate[id] = o == TFV_OUTCOME_LOCKED ? P_LOCKED : P_SETTLED;
        break;
    }
    case EV_ACTIVATION: {
        id = ++g->next_id[TF_SPACE_ACTIVATION];
        set_u(ev, TFF_activation, id);
        TfEnumValue k = (TfEnumValue)(TFV_ACT_KIND_ASYNC + (int)below(g, 3));
        ev->f[TFF_kind].e = k;
        set_present(ev, TFF_kind);
        list_push(&g->acts, id);
        *state_slot(&g->astate, &g->astate_cap, id) = k == TFV_ACT_KIND_ASYNC ? 1 : 2;
        break;
    }
    case EV_SUSPEND:
    case EV_RESUME: {
        int want = ev->kind == EV_SUSPEND ? 1 : 2;
        id = pick_in_state(g, &g->acts, g->astate, want, false);
        if (!id)
            return false;
        set_u(ev, TFF_activation, id);
        g->astate[id] = (uint8_t)(3 - want);
        break;
    }
    case EV_TIMER:
        if (g->timers && chance(g, 20)) {
            set_u(ev, TFF_timer, 1 + below(g, (uint32_t)g->timers));
            ev->f[TFF_rearm].b = true;
        } else {
            set_u(ev, TFF_timer, ++g->timers);
            ev->f[TFF_rearm].b = false;
            g->next_id[TF_SPACE_TIMER] = g->timers;
        }
        if (ev->f[TFF_rearm].b || chance(g, 30))
            set_present(ev, TFF_rearm);
        break;
    case EV_CLEAR:
        if (!g->timers)
            return false;
        set_u(ev, TFF_timer, 1 + below(g, (uint32_t)g->timers));
        break;
    case EV_LOG: {
        set_str(g, ev, TFF_text);
        set_present(ev, TFF_text);
        /* method = "hex:" + the hex of what text reads back as (see trace_gen.h) */
        StrBuf fixed;
        strbuf_init(&fixed);
        tf_utf8_repair(&fixed, g->arena.data + g->off[TFF_text], ev->f[TFF_text].len);
        size_t off = g->arena.len;
        strbuf_puts(&g->arena, "hex:");
        for (size_t i = 0; i < fixed.len; i++)
            strbuf_printf(&g->arena, "%02x", (unsigned char)fixed.data[i]);
        strbuf_fini(&fixed);
        ev->f[TFF_method].len = g->arena.len - off;
        strbuf_putc(&g->arena, '\0');
        g->off[TFF_method] = off;
        set_present(ev, TFF_method);
        break;
    }
    default:
        break;
    }
    return true;
}

void tf_gen_next(TfGen *g, TraceEvent *ev) {
    for (;;) {
        strbuf_clear(&g->arena);
        tf_event_init(ev, choose_kind(g));
        if (!fill_special(g, ev))
            continue;
        fill_fields(g, ev);
        break;
    }
    ev->seq = ++g->seq;
    for (int f = 0; f < TFF__COUNT; f++) {
        TfType t = tf_field_type((TfField)f);
        if (tf_has(ev, (TfField)f) && (t == TFT_STR || t == TFT_LOC))
            ev->f[f].s = g->arena.data + g->off[f];
        if (tf_has(ev, (TfField)f) && t == TFT_ENUM)
            ev->f[f].s = tf_enum_text(ev->f[f].e), ev->f[f].len = strlen(ev->f[f].s);
    }
}

void tf_gen_exit(TfGen *g, TraceEvent *ev) {
    strbuf_clear(&g->arena);
    tf_event_init(ev, EV_EXIT);
    fill_special(g, ev);
    ev->f[TFF_code].i = 0;
    set_present(ev, TFF_code);
    ev->f[TFF_reason].e = TFV_EXIT_REASON_NORMAL;
    ev->f[TFF_reason].s = tf_enum_text(TFV_EXIT_REASON_NORMAL);
    ev->f[TFF_reason].len = strlen(ev->f[TFF_reason].s);
    set_present(ev, TFF_reason);
    ev->seq = ++g->seq;
}

/* ---- lifetime --------------------------------------------------------------------- */

TfGen *tf_gen_new(uint64_t seed) {
    TfGen *g = xcalloc(1, sizeof *g);
    g->rng = seed;
    strbuf_init(&g->arena);
    return g;
}

void tf_gen_header(TfGen *g, TraceHeader *h) {
    memset(h, 0, sizeof *h);
    snprintf(g->program, sizeof g->program, "generated/seed-%llu: \"x\".js",
             (unsigned long long)g->rng);
    h->program = g->program;
    h->spec = tf_enum_text(TFV_SPEC_ES2019);
    h->host = tf_enum_text(TFV_HOST_NODE);
    h->engine = "tickscope trace_gen";
    h->columns = tf_enum_text(TFV_COLUMNS_UTF16);
    h->module = false;
    h->present |= (uint64_t)1 << TFH_module;
    h->max_steps = 1000000;
    h->present |= (uint64_t)1 << TFH_max_steps;
    h->step_cost = 0.001;
    h->present |= (uint64_t)1 << TFH_step_cost;
}

void tf_gen_free(TfGen *g) {
    if (!g)
        return;
    free(g->queued.v);
    free(g->jobs.v);
    free(g->promises.v);
    free(g->acts.v);
    free(g->pstate);
    free(g->astate);
    strbuf_fini(&g->arena);
    free(g);
}
