/* timers.h — timer records and the structures that order them (issue 5). Owns every
 * Timer: setTimeout/setInterval timeouts, node's Immediates and the browser's animation
 * frame requests. A Timer is the native data of a GC object (timer->obj: node's Timeout
 * or Immediate object that JS sees, or an internal holder in the browser), which owns it
 * and frees it at finalization; its callback and arguments are the object's slots. While
 * a timer is armed, the host keeps its object alive (timers_mark) and finds it by id
 * (clearTimeout(id), the browser's integer handles).
 *
 * Ordering structures, one per host model:
 * - node 20 (lib/internal/timers.js): lists of timeouts keyed by their duration in ms
 *   (`msecs`), each in insertion order, in a priority queue ordered by (expiry, list id);
 *   one libuv timer (uv_due) for all of them. The loop (host_node.c) runs processTimers
 *   and listOnTimeout over these lists exactly as node does, so timers that come due
 *   together run in node's order (by list, then insertion), not merely by due time.
 * - node 10 (lib/timers.js of v10.24.1): the same lists, but each with its own libuv
 *   timer: the lists are ordered by (uv timeout, uv start id) as libuv's timer heap is.
 * - browser (HTML timer initialization steps): one heap of timers ordered by due time
 *   then creation order.
 * All times here are in virtual ms for node (libuv's integer loop time) and virtual µs
 * for the browser. */
#ifndef TICKSCOPE_TIMERS_H
#define TICKSCOPE_TIMERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tracer/host.h"
#include "tracer/object.h"
#include "tracer/value.h"

/* node's TIMEOUT_MAX: delays above it become 1 ms with a TimeoutOverflowWarning. */
#define TIMER_TIMEOUT_MAX 2147483647.0

typedef enum {
    TIMER_TIMEOUT = 0,
    TIMER_INTERVAL,
    TIMER_IMMEDIATE,
    TIMER_ANIMATION_FRAME,
} TimerApi;

/* The slots of a timer's object. */
enum { TIMER_SLOT_CALLBACK = 0, TIMER_SLOT_ARGS = 1 };

typedef struct TimerList TimerList;
typedef struct Timer Timer;

struct Timer {
    Obj *obj;    /* the object that owns this record */
    uint64_t id; /* trace timer id (TF_SPACE_TIMER); the browser's handle */
    TimerApi api;
    double delay; /* the delay as given, after ToNumber (NaN allowed) */
    /* node */
    int64_t idle_timeout; /* _idleTimeout: the delay after clamping, -1 once unenrolled */
    int64_t repeat;       /* _repeat: the interval, 0 for a timeout */
    int64_t idle_start;   /* _idleStart: the libuv time it was inserted at */
    bool refed;           /* [kRefed] */
    bool destroyed;       /* _destroyed */
    TimerList *list;      /* the list it is linked in, or NULL */
    Timer *prev, *next;   /* list (or immediate queue) links */
    void *queue;          /* node: the immediate list it is in, or NULL */
    /* browser */
    uint64_t due_us;
    uint64_t seq;    /* creation order among timers armed with the same due time */
    int nesting;     /* the timer nesting level of its task */
    size_t heap_pos; /* position in the browser heap + 1, 0 when not in it */
    bool armed;      /* in the registry (reachable by id, marked) */
};

struct TimerList {
    int64_t msecs;      /* the duration shared by its timers */
    int64_t expiry;     /* node 20: when its first timer is due */
    int64_t id;         /* node 20: timerListId (ties of expiry) */
    int64_t uv_timeout; /* node 10: its libuv timer's due time */
    uint64_t uv_start;  /* node 10: its libuv timer's start id (ties) */
    Timer *head, *tail;
    size_t pos;   /* position in the priority queue + 1, 0 when not queued */
    bool running; /* listOnTimeout is walking it: deleting only detaches it */
    bool dead;    /* detached while running: freed by timers_node_list_done */
};

/* A binary min-heap of pointers with an index callback (node's PriorityQueue). */
typedef struct {
    void **v;
    size_t len, cap;
    int (*cmp)(const void *a, const void *b);
    void (*set_pos)(void *item, size_t pos_plus_1);
} TimerHeap;

struct TimerSet {
    HostState *hs;
    /* armed timers by id: open addressing, id 0 = empty, Timer* = NULL tombstone free */
    Timer **reg;
    size_t reg_cap, reg_count;
    /* node: lists by duration (few distinct durations: a small array) */
    TimerList **lists;
    size_t nlists, cap_lists;
    TimerHeap queue;      /* node 20: by (expiry, id); node 10: by (uv_timeout, uv_start) */
    int64_t next_list_id; /* timerListId */
    int64_t next_expiry;  /* node 20 nextExpiry (INT64_MAX: Infinity) */
    int64_t uv_due;       /* node 20: the libuv timer's due time, -1 when stopped */
    uint64_t uv_start_id; /* node 10: libuv's timer start counter */
    int64_t refed_count;  /* timeoutInfo[0]: ref'd timeouts */
    /* browser */
    TimerHeap heap; /* by (due_us, seq) */
    uint64_t next_seq;
    /* prototypes of the objects JS sees (builtins/timers.c), marked */
    Obj *timeout_proto, *immediate_proto;
};

/* ---- lifetime ---------------------------------------------------------------------- */

TimerSet *timers_new(HostState *hs);
void timers_free(TimerSet *ts);
/* Marks every armed timer's object and the prototypes. */
void timers_mark(Vm *vm, TimerSet *ts);

/* ---- records ----------------------------------------------------------------------- */

/* A new timer owned by a new object with prototype proto (NULL: an internal holder),
 * callback and args (a JS array or undefined) in its slots, a fresh trace id. Not armed. */
Obj *timer_new(Vm *vm, TimerSet *ts, Obj *proto, TimerApi api, Value callback, Value args);
/* The Timer of v when v is a timer object, else NULL. */
Timer *timer_of(Value v);
static inline Value timer_callback(const Timer *t) {
    return t->obj->u.host.slots[TIMER_SLOT_CALLBACK];
}
static inline void timer_set_callback(Timer *t, Value v) {
    t->obj->u.host.slots[TIMER_SLOT_CALLBACK] = v;
}

/* The registry of armed timers (what the GC keeps and clearTimeout(id) finds). */
void timer_arm(TimerSet *ts, Timer *t);
void timer_disarm(TimerSet *ts, Timer *t);
Timer *timers_find(TimerSet *ts, uint64_t id);

/* ---- node ------------------------------------------------------------------------- */

/* insert(item, msecs, start) of node 20 (node 10's insert for HOST_NODE10): appends t to
 * the list of its duration (t->idle_timeout), moving it to the end if it is linked
 * already, creating the list (expiry start + msecs) if needed; a new list's libuv timer
 * (node 20: the one timer, when the new list is due first) starts from libuv's loop time
 * loop_ms. */
void timers_node_insert(TimerSet *ts, Timer *t, int64_t start, int64_t loop_ms);
/* L.remove(item): unlinks t from its list (the list stays, possibly empty). */
void timers_node_unlink(TimerSet *ts, Timer *t);
/* Deletes list l from the map and the queue and frees it (a running list is only
 * detached; timers_node_list_done frees it). */
void timers_node_delete_list(TimerSet *ts, TimerList *l);
/* listOnTimeout is done with l: frees it if it was deleted meanwhile. */
void timers_node_list_done(TimerSet *ts, TimerList *l);
/* The list of duration msecs, or NULL. */
TimerList *timers_node_list(TimerSet *ts, int64_t msecs);
/* The first list of the queue, or NULL. */
TimerList *timers_node_peek(TimerSet *ts);
/* After changing l's keys (expiry, id): restores the queue order (percolateDown). */
void timers_node_requeue(TimerSet *ts, TimerList *l);
/* node 10: (re)starts list l's libuv timer to fire after ms from loop time now. */
void timers_node10_start(TimerSet *ts, TimerList *l, int64_t now, int64_t ms);
/* node 10: stops list l's libuv timer (it leaves the queue until restarted). */
void timers_node10_stop(TimerSet *ts, TimerList *l);

/* ---- browser ----------------------------------------------------------------------- */

/* Arms t to come due at due_us (the heap orders by due time, then arming order). */
void timers_browser_add(TimerSet *ts, Timer *t, uint64_t due_us);
/* Removes t from the heap (cleared). */
void timers_browser_remove(TimerSet *ts, Timer *t);
/* The timer due first, or NULL. */
Timer *timers_browser_peek(TimerSet *ts);

#endif
