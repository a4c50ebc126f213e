/* host_node.c — the Node.js event loops on virtual time (see host.h): node 20 and node 10.
 *
 * What runs when, as node's own code does it (lib/internal/process/task_queues.js,
 * lib/internal/timers.js and lib/timers.js of v20 and v10.24.1, src/api/callback.cc's
 * InternalCallbackScope::Close, libuv's uv_run):
 *
 * - After the Script job and after every callback node enters from C++ (a timers phase,
 *   a check phase): if no nextTick is queued, the microtasks run first; then, if
 *   nextTicks are queued (or a rejection awaits processing), processTicksAndRejections
 *   runs every queued nextTick (those queued meanwhile too), then all microtasks, and
 *   again until both queues are empty and processPromiseRejections has nothing to say.
 *   So a nextTick queued by a promise job runs after the current microtasks drain.
 *   An ES module's top level (.mjs, --module) runs inside a promise job: the microtasks
 *   drain first, then the nextTicks.
 * - node 20 also runs that (runNextTicks) between two timers and between two immediates
 *   of one phase (Node >= 11). node 10 runs it only after a whole timer list (each list,
 *   one duration, has its own libuv timer and C++ callback) and after the whole check
 *   phase (nodejs/node#22842).
 * - The loop (uv_run, UV_RUN_DEFAULT): timers, then while alive: pending, poll, check,
 *   close, timers. Nothing is ever pending and no I/O exists, so poll only waits: for 0
 *   ms when ref'd immediates are queued, else until the libuv timer is due (the clock
 *   jumps there). The loop is alive while a ref'd timeout or a ref'd immediate exists.
 * - libuv's loop time (whole ms) is cached: updated at the start of each iteration, after
 *   poll, and wherever node calls uv_update_time (getLibuvNow when a timer is inserted,
 *   the `now` of processTimers).
 *
 * Nondeterminism of real node resolved one way: whether a timeout that comes due within
 * 1 ms of a timers phase fires there or one iteration later (after the check phase)
 * depends on real time. tickscope follows its virtual clock and writes a `note` event
 * naming the Timeout job and the Immediate job that a real node may run in the other
 * order (the classic setTimeout(f, 0) vs setImmediate(g) from the main module: here the
 * script takes less than 1 virtual ms, so g runs first, as it does in most node runs). */
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "tracer/host.h"
#include "tracer/jobs.h"
#include "tracer/object.h"
#include "tracer/timers.h"
#include "tracer/trace.h"
#include "tracer/vm.h"

typedef struct {
    Timer *head, *tail;
} ImmList;

struct NodeLoop {
    HostState *hs;
    JobFifo ticks;        /* the process.nextTick queue */
    ImmList immediates;   /* immediateQueue */
    ImmList outstanding;  /* the immediates of the running check phase */
    int64_t imm_count;    /* immediateInfo[kCount] */
    int64_t imm_refcount; /* immediateInfo[kRefCount] */
    int64_t loop_ms;      /* libuv's cached loop time */
    bool phase_announced; /* the running phase wrote its `phase` event */
};

static const char RACE_TEXT[] =
    "real node may run these two in either order: the timeout comes due within 1 ms of "
    "this loop iteration, so whether it runs before the immediate depends on real time";

/* ==== lifetime ========================================================================== */

NodeLoop *node_loop_new(HostState *hs) {
    NodeLoop *nl = xcalloc(1, sizeof *nl);
    nl->hs = hs;
    return nl;
}

void node_loop_free(NodeLoop *nl) {
    job_fifo_clear(&nl->ticks);
    free(nl);
}

void node_loop_mark(Vm *vm, NodeLoop *nl) {
    job_fifo_mark(vm, &nl->ticks);
    for (Timer *t = nl->immediates.head; t; t = t->next)
        gc_mark(vm, t->obj);
    for (Timer *t = nl->outstanding.head; t; t = t->next)
        gc_mark(vm, t->obj);
}

static int64_t update_time(NodeLoop *nl) {
    nl->loop_ms = host_update_loop_ms(nl->hs);
    return nl->loop_ms;
}

int64_t node_libuv_now(HostState *hs) {
    return update_time(hs->node);
}

int64_t node_loop_time(HostState *hs) {
    return hs->node->loop_ms;
}

/* The `phase` event, before the first job a phase runs. */
static void announce(NodeLoop *nl, TfEnumValue phase) {
    if (nl->phase_announced)
        return;
    nl->phase_announced = true;
    host_phase(nl->hs, phase);
}

/* ==== nextTick and the tick processing ================================================== */

void node_next_tick(HostState *hs, Value fn, Value args) {
    if (hs->exiting)
        return; /* process._exiting */
    Job *job = host_callback_job(hs, JOB_NEXT_TICK, fn, VAL_UNDEFINED, args, 0);
    job_enqueue(hs->vm, &hs->node->ticks, job);
}

/* processTicksAndRejections (lib/internal/process/task_queues.js) */
static bool process_ticks_and_rejections(HostState *hs) {
    NodeLoop *nl = hs->node;
    do {
        while (nl->ticks.head) {
            if (host_check_max_jobs(hs))
                return false;
            Job *job = job_fifo_pop(&nl->ticks);
            if (!host_after_job(hs, host_run_micro(hs, job)))
                return false;
        }
        if (!host_drain_microtasks(hs))
            return false;
    } while (nl->ticks.head || (host_process_rejections(hs) && !hs->stopped));
    return !hs->stopped;
}

/* InternalCallbackScope::Close after a callback from C++, and runNextTicks between two
 * callbacks of a phase (node 20): the same steps. */
static bool tick_processing(HostState *hs) {
    NodeLoop *nl = hs->node;
    if (hs->stopped)
        return false;
    if (!nl->ticks.head && !host_has_rejection_to_warn(hs)) {
        if (!host_drain_microtasks(hs))
            return false;
    }
    if (!nl->ticks.head && !host_has_rejection_to_warn(hs))
        return true;
    return process_ticks_and_rejections(hs);
}

/* ==== timeouts ========================================================================== */

static JobKind timer_job_kind(const Timer *t) {
    return t->repeat ? JOB_INTERVAL : JOB_TIMEOUT;
}

/* Runs timer t's callback as a job (the timer was unlinked from its list). The finally
 * block of listOnTimeout rearms an interval or destroys the timeout. */
static bool run_timeout(HostState *hs, Timer *t, int64_t start) {
    Vm *vm = hs->vm;
    TimerSet *ts = hs->timers;
    if (host_check_max_jobs(hs))
        return false;
    Obj *obj = t->obj;
    gc_root_push_ptr(vm, &obj);
    Job *job = host_callback_job(hs, timer_job_kind(t), timer_callback(t), val_obj(obj),
                                 obj->u.host.slots[TIMER_SLOT_ARGS], t->id);
    job->gc_ref = obj;
    JobFifo one = {NULL, NULL, 0};
    job_enqueue(vm, &one, job);
    job_fifo_pop(&one);
    host_note_job_enqueued(hs, job);
    JobStatus st = host_run_task(hs, job);
    t = obj->u.host.data;
    if (t->repeat && t->idle_timeout != -1) {
        /* insert(timer, timer._idleTimeout, start) */
        t->idle_timeout = t->repeat;
        int64_t now = hs->kind == HOST_NODE10 ? update_time(hs->node) : hs->node->loop_ms;
        if (hs->kind == HOST_NODE10) {
            /* rearm(timer, start) of node 10: a callback longer than the period moves the
             * next start so that the loop is not blocked */
            int64_t duration = now - start;
            if (duration >= t->repeat)
                start = start + duration - t->repeat + 1;
        }
        timers_node_insert(ts, t, start, now);
        trc_timer(host_tracer(hs), t->id, TFV_TIMER_API_SET_INTERVAL, true, t->delay,
                  (double)t->repeat, (double)(t->idle_start + t->repeat), -1, true,
                  timer_callback(t));
    } else if (!t->list && !t->destroyed) {
        t->destroyed = true;
        if (t->refed)
            ts->refed_count--;
    }
    gc_root_pop(vm, 1);
    return host_after_job(hs, st);
}

/* listOnTimeout(list, now) of node 20 (node 10: of v10.24.1, without runNextTicks and
 * restarting the list's own libuv timer). */
static bool list_on_timeout(HostState *hs, TimerList *l, int64_t now) {
    TimerSet *ts = hs->timers;
    bool node10 = hs->kind == HOST_NODE10;
    int64_t msecs = l->msecs;
    bool ran = false;
    l->running = true;
    Timer *t;
    while ((t = l->head)) {
        int64_t diff = now - t->idle_start;
        if (diff < msecs) {
            if (node10) {
                int64_t remaining = msecs - (update_time(hs->node) - t->idle_start);
                if (remaining <= 0)
                    remaining = 1;
                timers_node10_start(ts, l, hs->node->loop_ms, remaining);
            } else {
                int64_t e = t->idle_start + msecs;
                l->expiry = e > now + 1 ? e : now + 1;
                l->id = ts->next_list_id++;
                timers_node_requeue(ts, l);
            }
            timers_node_list_done(ts, l);
            return true;
        }
        if (!node10) {
            if (ran) {
                if (!tick_processing(hs))
                    goto stop;
            } else {
                ran = true;
            }
        }
        timers_node_unlink(ts, t);
        if (!IsCallable(timer_callback(t))) {
            /* cleared: _onTimeout is null */
            if (!t->destroyed) {
                t->destroyed = true;
                if (t->refed)
                    ts->refed_count--;
            }
            continue;
        }
        announce(hs->node, TFV_PHASE_TIMERS);
        int64_t start = 0;
        if (t->repeat)
            start = update_time(hs->node); /* getLibuvNow() */
        if (!run_timeout(hs, t, start))
            goto stop;
    }
    /* the list is empty: delete it unless it was replaced meanwhile */
    if (!l->dead && timers_node_list(ts, msecs) == l) {
        timers_node_list_done(ts, l);
        timers_node_delete_list(ts, l);
        return true;
    }
    timers_node_list_done(ts, l);
    return true;
stop:
    timers_node_list_done(ts, l);
    return false;
}

/* processTimers(now) of node 20: the expired lists in (expiry, id) order, runNextTicks
 * between two lists. Returns nextExpiry (negative when no ref'd timer is left) or 0. */
static int64_t process_timers(HostState *hs, int64_t now, bool *ok) {
    TimerSet *ts = hs->timers;
    ts->next_expiry = INT64_MAX;
    bool ran = false;
    TimerList *l;
    *ok = true;
    while ((l = timers_node_peek(ts))) {
        if (l->expiry > now) {
            ts->next_expiry = l->expiry;
            return ts->refed_count > 0 ? l->expiry : -l->expiry;
        }
        if (ran) {
            if (!tick_processing(hs)) {
                *ok = false;
                return 0;
            }
        } else {
            ran = true;
        }
        if (!list_on_timeout(hs, l, now)) {
            *ok = false;
            return 0;
        }
    }
    return 0;
}

/* A timeout that comes due within 1 ms of this timers phase races the queued
 * immediates in a real node. */
static void note_races(HostState *hs, int64_t loop, bool timer_due) {
    NodeLoop *nl = hs->node;
    TimerList *l = timers_node_peek(hs->timers);
    Timer *imm = nl->immediates.head;
    if (!l || !l->head || !imm)
        return;
    int64_t due = hs->kind == HOST_NODE10 ? l->uv_timeout : l->expiry;
    if (!timer_due && due == loop + 1)
        host_note_race(hs, imm->id, l->head->id, RACE_TEXT);
    else if (timer_due && due == loop)
        host_note_race(hs, l->head->id, imm->id, RACE_TEXT);
}

/* The timers phase: node 20's one libuv timer calls RunTimers. */
static bool timers_phase20(HostState *hs) {
    NodeLoop *nl = hs->node;
    TimerSet *ts = hs->timers;
    bool due = ts->uv_due >= 0 && ts->uv_due <= nl->loop_ms;
    note_races(hs, nl->loop_ms, due);
    if (!due)
        return true;
    ts->uv_due = -1;
    nl->phase_announced = false;
    int64_t now = update_time(nl); /* env->GetNow() */
    bool ok;
    int64_t ret = process_timers(hs, now, &ok);
    if (!ok)
        return false;
    if (ret != 0) {
        int64_t abs_ret = ret < 0 ? -ret : ret;
        int64_t duration = abs_ret - nl->loop_ms;
        ts->uv_due = nl->loop_ms + (duration > 0 ? duration : 1);
    }
    return tick_processing(hs); /* the InternalCallbackScope of RunTimers */
}

/* The timers phase of node 10: libuv runs each list's own timer in (timeout, start id)
 * order, re-reading the loop time that callbacks update. */
static bool timers_phase10(HostState *hs) {
    NodeLoop *nl = hs->node;
    TimerSet *ts = hs->timers;
    TimerList *first = timers_node_peek(ts);
    note_races(hs, nl->loop_ms, first && first->uv_timeout <= nl->loop_ms);
    nl->phase_announced = false;
    TimerList *l;
    while ((l = timers_node_peek(ts)) && l->uv_timeout <= nl->loop_ms) {
        /* uv_timer_stop, then OnTimeout(now = GetNow()) in its own callback scope */
        timers_node10_stop(ts, l);
        int64_t now = update_time(nl);
        if (!list_on_timeout(hs, l, now))
            return false;
        if (!tick_processing(hs))
            return false;
    }
    return true;
}

/* ==== node timer operations for the built-ins ============================================ */

void node_timer_insert(HostState *hs, Timer *t, int64_t start) {
    timers_node_insert(hs->timers, t, start, hs->node->loop_ms);
}

void node_timer_unenroll(HostState *hs, Timer *t) {
    TimerSet *ts = hs->timers;
    if (t->destroyed)
        return;
    t->destroyed = true;
    TimerList *was = t->list;
    timers_node_unlink(ts, t);
    if (hs->kind == HOST_NODE10) {
        /* reuse(): an emptied list is deleted with its libuv timer */
        if (was && !was->head && timers_node_list(ts, was->msecs) == was)
            timers_node_delete_list(ts, was);
        if (t->refed)
            ts->refed_count--;
    } else if (t->refed) {
        TimerList *l = timers_node_list(ts, t->idle_timeout);
        if (l && !l->head)
            timers_node_delete_list(ts, l);
        ts->refed_count--;
    }
    t->idle_timeout = -1;
}

/* insertGuarded(item, refed, start) for refresh() */
void node_timer_refresh(HostState *hs, Timer *t) {
    TimerSet *ts = hs->timers;
    if (t->idle_timeout < 0)
        return;
    node_timer_insert(hs, t, node_libuv_now(hs));
    bool was_destroyed = t->destroyed;
    t->destroyed = false;
    if (was_destroyed && t->refed)
        ts->refed_count++;
}

void node_timer_set_ref(HostState *hs, Timer *t, bool refed) {
    TimerSet *ts = hs->timers;
    if (t->refed == refed)
        return;
    t->refed = refed;
    if (!t->destroyed)
        ts->refed_count += refed ? 1 : -1;
}

/* ==== immediates ======================================================================== */

static void imm_append(ImmList *q, Timer *t) {
    t->next = NULL;
    t->prev = q->tail;
    if (q->tail)
        q->tail->next = t;
    else
        q->head = t;
    q->tail = t;
    t->queue = q;
}

static void imm_remove(Timer *t) {
    ImmList *q = t->queue;
    if (!q)
        return;
    if (t->prev)
        t->prev->next = t->next;
    else
        q->head = t->next;
    if (t->next)
        t->next->prev = t->prev;
    else
        q->tail = t->prev;
    t->prev = t->next = NULL;
    t->queue = NULL;
}

void node_immediate_queue(HostState *hs, Obj *imm) {
    NodeLoop *nl = hs->node;
    Timer *t = imm->u.host.data;
    t->refed = true;
    nl->imm_count++;
    nl->imm_refcount++;
    imm_append(&nl->immediates, t);
}

void node_immediate_clear(HostState *hs, Obj *imm) {
    NodeLoop *nl = hs->node;
    Timer *t = imm->u.host.data;
    if (t->destroyed)
        return;
    nl->imm_count--;
    t->destroyed = true;
    if (t->refed)
        nl->imm_refcount--;
    t->refed = false;
    timer_set_callback(t, VAL_NULL);
    imm_remove(t);
    trc_clear(host_tracer(hs), t->id);
}

void node_immediate_set_ref(HostState *hs, Obj *imm, bool refed) {
    NodeLoop *nl = hs->node;
    Timer *t = imm->u.host.data;
    if (t->destroyed || t->refed == refed)
        return;
    t->refed = refed;
    nl->imm_refcount += refed ? 1 : -1;
}

/* processImmediate: the immediates queued before the phase began, runNextTicks between
 * two of them (node 20 only). */
static bool check_phase(HostState *hs) {
    NodeLoop *nl = hs->node;
    Vm *vm = hs->vm;
    if (nl->imm_count == 0)
        return true; /* CheckImmediate */
    nl->phase_announced = false;
    if (!nl->outstanding.head) {
        nl->outstanding = nl->immediates;
        nl->immediates.head = nl->immediates.tail = NULL;
        for (Timer *t = nl->outstanding.head; t; t = t->next)
            t->queue = &nl->outstanding;
    }
    Timer *t;
    while ((t = nl->outstanding.head)) {
        imm_remove(t);
        t->destroyed = true;
        nl->imm_count--;
        if (t->refed)
            nl->imm_refcount--;
        t->refed = false;
        if (host_check_max_jobs(hs))
            return false;
        announce(nl, TFV_PHASE_CHECK);
        Obj *obj = t->obj;
        gc_root_push_ptr(vm, &obj);
        Job *job = host_callback_job(hs, JOB_IMMEDIATE, timer_callback(t), val_obj(obj),
                                     obj->u.host.slots[TIMER_SLOT_ARGS], t->id);
        job->gc_ref = obj;
        JobFifo one = {NULL, NULL, 0};
        job_enqueue(vm, &one, job);
        job_fifo_pop(&one);
        host_note_job_enqueued(hs, job);
        JobStatus st = host_run_task(hs, job);
        timer_set_callback(obj->u.host.data, VAL_NULL); /* _onImmediate = null */
        gc_root_pop(vm, 1);
        if (!host_after_job(hs, st))
            return false;
        /* node 20: runNextTicks before the next one (which may be cleared meanwhile) */
        if (hs->kind == HOST_NODE && nl->outstanding.head && !tick_processing(hs))
            return false;
    }
    return tick_processing(hs); /* the InternalCallbackScope of processImmediate */
}

/* ==== the loop ========================================================================== */

static bool loop_alive(HostState *hs) {
    NodeLoop *nl = hs->node;
    TimerSet *ts = hs->timers;
    if (nl->imm_refcount > 0)
        return true;
    if (ts->refed_count <= 0)
        return false;
    if (hs->kind == HOST_NODE10)
        return timers_node_peek(ts) != NULL;
    return ts->uv_due >= 0;
}

/* uv_backend_timeout: 0 with ref'd immediates (node's idle handle), else until the
 * libuv timer that is due first; -1: none. */
static int64_t poll_timeout(HostState *hs) {
    NodeLoop *nl = hs->node;
    TimerSet *ts = hs->timers;
    if (nl->imm_refcount > 0)
        return 0;
    int64_t due = -1;
    if (hs->kind == HOST_NODE10) {
        TimerList *l = timers_node_peek(ts);
        if (l)
            due = l->uv_timeout;
    } else {
        due = ts->uv_due;
    }
    if (due < 0)
        return -1;
    return due > nl->loop_ms ? due - nl->loop_ms : 0;
}

static bool timers_phase(HostState *hs) {
    return hs->kind == HOST_NODE10 ? timers_phase10(hs) : timers_phase20(hs);
}

/* uv_run(loop, UV_RUN_DEFAULT): false when the run stopped. */
static bool uv_run_default(HostState *hs) {
    NodeLoop *nl = hs->node;
    bool alive = loop_alive(hs);
    if (alive) {
        update_time(nl);
        if (!timers_phase(hs))
            return false;
    }
    while (alive && !hs->stopped) {
        /* pending, idle, prepare: nothing; poll: wait */
        int64_t timeout = poll_timeout(hs);
        if (timeout > 0) {
            uint64_t wake = (uint64_t)(nl->loop_ms + timeout) * 1000;
            if (hs->clock_us < wake)
                hs->clock_us = wake;
        }
        update_time(nl);
        if (!check_phase(hs))
            return false;
        /* close: nothing */
        update_time(nl);
        if (!timers_phase(hs))
            return false;
        alive = loop_alive(hs);
    }
    return !hs->stopped;
}

void node_loop_run(HostState *hs, JobStatus script) {
    if (!host_after_job(hs, script))
        return; /* the script threw: node prints it and exits before any tick */
    if (hs->opts.module && !host_drain_microtasks(hs))
        return;
    if (!tick_processing(hs))
        return;
    if (!uv_run_default(hs))
        return;
    /* node's SpinEventLoop drains the platform's tasks once uv_run returns, and runs the
     * loop again if they made it alive: tickscope's FinalizationRegistry cleanup tasks
     * come here (builtins/weakref.h) */
    Job *job;
    while ((job = host_next_cleanup_task(hs))) {
        if (host_check_max_jobs(hs)) {
            job_free(job);
            return;
        }
        if (!host_after_job(hs, host_run_task(hs, job)) || !tick_processing(hs))
            return;
        if (!uv_run_default(hs))
            return;
    }
}
