/* timers.c — timer records, the registry of armed timers, node's duration lists and
 * their priority queue, the browser's timer heap (see timers.h). */
#include "tracer/timers.h"

#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "tracer/gc.h"
#include "tracer/jobs.h"
#include "tracer/vm.h"

/* ==== the heap ========================================================================= */

static void heap_set(TimerHeap *h, size_t i, void *item) {
    h->v[i] = item;
    h->set_pos(item, i + 1);
}

static void heap_up(TimerHeap *h, size_t i) {
    void *item = h->v[i];
    while (i > 0) {
        size_t parent = (i - 1) / 2;
        if (h->cmp(item, h->v[parent]) >= 0)
            break;
        heap_set(h, i, h->v[parent]);
        i = parent;
    }
    heap_set(h, i, item);
}

static void heap_down(TimerHeap *h, size_t i) {
    void *item = h->v[i];
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        void *best = item;
        if (l < h->len && h->cmp(h->v[l], best) < 0) {
            m = l;
            best = h->v[l];
        }
        if (r < h->len && h->cmp(h->v[r], best) < 0)
            m = r;
        if (m == i)
            break;
        heap_set(h, i, h->v[m]);
        i = m;
    }
    heap_set(h, i, item);
}

static void heap_insert(TimerHeap *h, void *item) {
    if (h->len == h->cap) {
        h->cap = h->cap ? h->cap * 2 : 16;
        h->v = xrealloc(h->v, h->cap * sizeof *h->v);
    }
    h->v[h->len++] = item;
    heap_up(h, h->len - 1);
}

/* Removes the item at index i. */
static void heap_remove_at(TimerHeap *h, size_t i) {
    void *gone = h->v[i];
    h->len--;
    if (i < h->len) {
        heap_set(h, i, h->v[h->len]);
        heap_down(h, i);
        heap_up(h, i);
    }
    h->set_pos(gone, 0);
}

static void *heap_peek(const TimerHeap *h) {
    return h->len ? h->v[0] : NULL;
}

/* ==== comparisons ======================================================================= */

static int cmp_i64(int64_t a, int64_t b) {
    return a < b ? -1 : a > b;
}

static int cmp_u64(uint64_t a, uint64_t b) {
    return a < b ? -1 : a > b;
}

/* node 20 compareTimersLists: expiry, then list id */
static int cmp_list_node(const void *pa, const void *pb) {
    const TimerList *a = pa, *b = pb;
    int c = cmp_i64(a->expiry, b->expiry);
    return c ? c : cmp_i64(a->id, b->id);
}

/* libuv's timer_less_than: timeout, then start_id */
static int cmp_list_node10(const void *pa, const void *pb) {
    const TimerList *a = pa, *b = pb;
    int c = cmp_i64(a->uv_timeout, b->uv_timeout);
    return c ? c : cmp_u64(a->uv_start, b->uv_start);
}

static void set_pos_list(void *item, size_t pos) {
    ((TimerList *)item)->pos = pos;
}

/* HTML: due time, then the order in which the timers were armed */
static int cmp_timer_browser(const void *pa, const void *pb) {
    const Timer *a = pa, *b = pb;
    int c = cmp_u64(a->due_us, b->due_us);
    return c ? c : cmp_u64(a->seq, b->seq);
}

static void set_pos_timer(void *item, size_t pos) {
    ((Timer *)item)->heap_pos = pos;
}

/* ==== lifetime ========================================================================== */

TimerSet *timers_new(HostState *hs) {
    TimerSet *ts = xcalloc(1, sizeof *ts);
    ts->hs = hs;
    bool node10 = hs && hs->kind == HOST_NODE10;
    ts->queue.cmp = node10 ? cmp_list_node10 : cmp_list_node;
    ts->queue.set_pos = set_pos_list;
    ts->heap.cmp = cmp_timer_browser;
    ts->heap.set_pos = set_pos_timer;
    ts->next_expiry = INT64_MAX;
    ts->uv_due = -1;
    return ts;
}

void timers_free(TimerSet *ts) {
    if (!ts)
        return;
    /* the Timer records belong to their objects (freed by their finalizers); the lists
     * are ours */
    for (size_t i = 0; i < ts->nlists; i++)
        free(ts->lists[i]);
    free(ts->lists);
    free(ts->queue.v);
    free(ts->heap.v);
    free(ts->reg);
    free(ts);
}

void timers_mark(Vm *vm, TimerSet *ts) {
    for (size_t i = 0; i < ts->reg_cap; i++)
        if (ts->reg[i])
            gc_mark(vm, ts->reg[i]->obj);
    gc_mark(vm, ts->timeout_proto);
    gc_mark(vm, ts->immediate_proto);
}

/* ==== records =========================================================================== */

static void timer_finalize(Vm *vm, Obj *o) {
    (void)vm;
    free(o->u.host.data);
    o->u.host.data = NULL;
}

static const ObjClass timer_class = {.name = "Timer", .finalize = timer_finalize};

Obj *timer_new(Vm *vm, TimerSet *ts, Obj *proto, TimerApi api, Value callback, Value args) {
    gc_root_push(vm, &callback);
    gc_root_push(vm, &args);
    Obj *o = obj_new_kind(vm, OBJ_HOST, proto);
    gc_root_pop(vm, 2);
    Timer *t = xcalloc(1, sizeof *t);
    t->obj = o;
    t->api = api;
    t->id = jobs_new_id(vm, TF_SPACE_TIMER);
    t->idle_timeout = -1;
    t->seq = ts->next_seq++;
    o->u.host.cls = &timer_class;
    o->u.host.data = t;
    o->u.host.slots[TIMER_SLOT_CALLBACK] = callback;
    o->u.host.slots[TIMER_SLOT_ARGS] = args;
    return o;
}

Timer *timer_of(Value v) {
    if (!val_is_object(v))
        return NULL;
    Obj *o = val_as_obj(v);
    if (o->kind != OBJ_HOST || o->u.host.cls != &timer_class)
        return NULL;
    return o->u.host.data;
}

/* ==== the registry ====================================================================== */

static size_t reg_slot(uint64_t id, size_t cap) {
    return (size_t)((id * 0x9E3779B97F4A7C15ull) >> 7) & (cap - 1);
}

static void reg_put(Timer **reg, size_t cap, Timer *t) {
    size_t i = reg_slot(t->id, cap);
    while (reg[i])
        i = (i + 1) & (cap - 1);
    reg[i] = t;
}

void timer_arm(TimerSet *ts, Timer *t) {
    if (t->armed)
        return;
    if ((ts->reg_count + 1) * 2 > ts->reg_cap) {
        size_t ncap = ts->reg_cap ? ts->reg_cap * 2 : 32;
        Timer **n = xcalloc(ncap, sizeof *n);
        for (size_t i = 0; i < ts->reg_cap; i++)
            if (ts->reg[i])
                reg_put(n, ncap, ts->reg[i]);
        free(ts->reg);
        ts->reg = n;
        ts->reg_cap = ncap;
    }
    reg_put(ts->reg, ts->reg_cap, t);
    ts->reg_count++;
    t->armed = true;
}

void timer_disarm(TimerSet *ts, Timer *t) {
    if (!t->armed)
        return;
    size_t i = reg_slot(t->id, ts->reg_cap);
    while (ts->reg[i] != t)
        i = (i + 1) & (ts->reg_cap - 1);
    ts->reg[i] = NULL;
    /* re-insert the rest of the cluster (linear probing deletion) */
    for (size_t j = (i + 1) & (ts->reg_cap - 1); ts->reg[j]; j = (j + 1) & (ts->reg_cap - 1)) {
        Timer *m = ts->reg[j];
        ts->reg[j] = NULL;
        reg_put(ts->reg, ts->reg_cap, m);
    }
    ts->reg_count--;
    t->armed = false;
}

Timer *timers_find(TimerSet *ts, uint64_t id) {
    if (!ts->reg_cap || id == 0)
        return NULL;
    for (size_t i = reg_slot(id, ts->reg_cap); ts->reg[i]; i = (i + 1) & (ts->reg_cap - 1))
        if (ts->reg[i]->id == id)
            return ts->reg[i];
    return NULL;
}

/* ==== node's lists ====================================================================== */

TimerList *timers_node_list(TimerSet *ts, int64_t msecs) {
    for (size_t i = 0; i < ts->nlists; i++)
        if (ts->lists[i]->msecs == msecs)
            return ts->lists[i];
    return NULL;
}

TimerList *timers_node_peek(TimerSet *ts) {
    return heap_peek(&ts->queue);
}

void timers_node_requeue(TimerSet *ts, TimerList *l) {
    if (!l->pos)
        return;
    heap_down(&ts->queue, l->pos - 1);
    heap_up(&ts->queue, l->pos - 1);
}

void timers_node10_start(TimerSet *ts, TimerList *l, int64_t now, int64_t ms) {
    /* uv_timer_start: stop, then timeout = loop time + ms, a new start id */
    if (l->pos)
        heap_remove_at(&ts->queue, l->pos - 1);
    l->uv_timeout = now + ms;
    l->uv_start = ts->uv_start_id++;
    heap_insert(&ts->queue, l);
}

void timers_node10_stop(TimerSet *ts, TimerList *l) {
    if (l->pos)
        heap_remove_at(&ts->queue, l->pos - 1);
}

void timers_node_insert(TimerSet *ts, Timer *t, int64_t start, int64_t loop_ms) {
    bool node10 = ts->hs && ts->hs->kind == HOST_NODE10;
    int64_t msecs = t->idle_timeout; /* already an integer (MathTrunc) */
    if (t->list)
        timers_node_unlink(ts, t); /* L.append removes a linked item first */
    t->idle_start = start;
    TimerList *l = timers_node_list(ts, msecs);
    if (!l) {
        l = xcalloc(1, sizeof *l);
        l->msecs = msecs;
        l->expiry = start + msecs;
        l->id = ts->next_list_id++;
        if (ts->nlists == ts->cap_lists) {
            ts->cap_lists = ts->cap_lists ? ts->cap_lists * 2 : 8;
            ts->lists = xrealloc(ts->lists, ts->cap_lists * sizeof *ts->lists);
        }
        ts->lists[ts->nlists++] = l;
        if (node10) {
            /* new TimersList: timer.start(msecs) */
            timers_node10_start(ts, l, loop_ms, msecs);
        } else {
            heap_insert(&ts->queue, l);
            if (ts->next_expiry > l->expiry) {
                /* binding.scheduleTimer(msecs) */
                ts->uv_due = loop_ms + msecs;
                ts->next_expiry = l->expiry;
            }
        }
    }
    /* L.append(list, item) */
    t->list = l;
    t->next = NULL;
    t->prev = l->tail;
    if (l->tail)
        l->tail->next = t;
    else
        l->head = t;
    l->tail = t;
    timer_arm(ts, t);
}

void timers_node_unlink(TimerSet *ts, Timer *t) {
    TimerList *l = t->list;
    if (!l)
        return;
    if (t->prev)
        t->prev->next = t->next;
    else
        l->head = t->next;
    if (t->next)
        t->next->prev = t->prev;
    else
        l->tail = t->prev;
    t->prev = t->next = NULL;
    t->list = NULL;
    timer_disarm(ts, t);
}

void timers_node_delete_list(TimerSet *ts, TimerList *l) {
    if (l->pos)
        heap_remove_at(&ts->queue, l->pos - 1);
    for (size_t i = 0; i < ts->nlists; i++) {
        if (ts->lists[i] == l) {
            memmove(&ts->lists[i], &ts->lists[i + 1], (ts->nlists - i - 1) * sizeof *ts->lists);
            ts->nlists--;
            break;
        }
    }
    if (l->running) {
        l->dead = true; /* listOnTimeout still holds it */
        return;
    }
    for (Timer *t = l->head; t; t = t->next)
        t->list = NULL;
    free(l);
}

void timers_node_list_done(TimerSet *ts, TimerList *l) {
    (void)ts;
    l->running = false;
    if (l->dead) {
        for (Timer *t = l->head; t; t = t->next)
            t->list = NULL;
        free(l);
    }
}

/* ==== the browser's heap ================================================================ */

void timers_browser_add(TimerSet *ts, Timer *t, uint64_t due_us) {
    if (t->heap_pos)
        heap_remove_at(&ts->heap, t->heap_pos - 1);
    t->due_us = due_us;
    t->seq = ts->next_seq++;
    heap_insert(&ts->heap, t);
    timer_arm(ts, t);
}

void timers_browser_remove(TimerSet *ts, Timer *t) {
    if (t->heap_pos)
        heap_remove_at(&ts->heap, t->heap_pos - 1);
}

Timer *timers_browser_peek(TimerSet *ts) {
    return heap_peek(&ts->heap);
}
