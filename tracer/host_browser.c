/* host_browser.c — the HTML event loop on virtual time (see host.h), with headless
 * Chromium 156 (Debian's chromium package) as the reference.
 *
 * The loop (HTML #event-loop-processing-model), one iteration at a time:
 * 1. Timers whose due time has come are queued, by due time then arming order, as tasks
 *    of the timer task source (HTML #timer-initialisation-steps: "wait until ... timeout
 *    ms ... then queue a global task on the timer task source").
 * 2. The oldest task of all task queues runs (one queue per task source: timer, posted
 *    message, DOM manipulation; between queues Chromium runs tasks in the order they
 *    were queued, which the reference shows for setTimeout(0) and postMessage), then a
 *    microtask checkpoint. Tasks a task left behind (the second and later listeners of
 *    one event) run next, each followed by a checkpoint, as HTML's "clean up after
 *    running a callback" performs one after every callback.
 * 3. If a rendering opportunity has come (every HOST_FRAME_US = 16.7 virtual ms) and
 *    animation frame callbacks are waiting, the rendering step runs them (those
 *    requested before it began), each followed by a microtask checkpoint.
 * 4. With nothing to do, the clock jumps to the next timer or rendering opportunity;
 *    with nothing left at all, the run ends.
 *
 * Timer clamping: no 1 ms minimum (Chromium since M101: setTimeout(f, 1);
 * setTimeout(g, 0) runs g first), and the HTML nesting clamp: a timer armed while a
 * timer task of nesting level > 5 runs (including the microtasks after its callback)
 * waits at least 4 ms. Measured on Chromium 156: chains of setTimeout(0) run unclamped
 * for 5 levels, then at >= 4 ms; setInterval(0) likewise from its 6th repetition; a
 * timer armed from a message task is never clamped.
 *
 * Uncaught exceptions are reported as Chromium's console shows them ("Uncaught
 * TypeError: ...", "Uncaught (in promise) ...") on stderr and the page goes on; the run
 * then ends with status 1. Real Chromium draws frames at vsync, so the order of
 * requestAnimationFrame callbacks relative to timers is nondeterministic there; here it
 * follows the fixed frame clock. */
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "tracer/host.h"
#include "tracer/jobs.h"
#include "tracer/object.h"
#include "tracer/realm.h"
#include "tracer/timers.h"
#include "tracer/trace.h"
#include "tracer/vm.h"

typedef struct {
    uint32_t handle;
    Value callback;
    uint64_t id; /* trace timer id */
} FrameRequest;

struct BrowserLoop {
    HostState *hs;
    JobFifo tasks[TASK_SOURCE__COUNT];
    JobFifo continuations; /* callbacks of the running task's event, run next */
    FrameRequest *frames;  /* the map of animation frame callbacks, in request order */
    size_t nframes, cap_frames;
    uint32_t next_frame_handle;
    uint64_t last_frame; /* the index k of the last rendering opportunity used */
    int running_nesting; /* the running timer task's nesting level, else 0 */
    bool mo_queued;      /* the mutation observer microtask is queued */
    Value ext[BROWSER_EXT__COUNT];
};

static const char *const source_names[TASK_SOURCE__COUNT] = {"timer", "posted message",
                                                             "DOM manipulation"};

const char *task_source_name(TaskSource src) {
    return src < TASK_SOURCE__COUNT ? source_names[src] : "";
}

/* ==== lifetime ========================================================================== */

BrowserLoop *browser_loop_new(HostState *hs) {
    BrowserLoop *bl = xcalloc(1, sizeof *bl);
    bl->hs = hs;
    bl->next_frame_handle = 1;
    for (int i = 0; i < BROWSER_EXT__COUNT; i++)
        bl->ext[i] = VAL_UNDEFINED;
    return bl;
}

Value *browser_ext(HostState *hs, BrowserExt which) {
    return &hs->browser->ext[which];
}

void browser_loop_free(BrowserLoop *bl) {
    for (int i = 0; i < TASK_SOURCE__COUNT; i++)
        job_fifo_clear(&bl->tasks[i]);
    job_fifo_clear(&bl->continuations);
    free(bl->frames);
    free(bl);
}

void browser_loop_mark(Vm *vm, BrowserLoop *bl) {
    for (int i = 0; i < TASK_SOURCE__COUNT; i++)
        job_fifo_mark(vm, &bl->tasks[i]);
    job_fifo_mark(vm, &bl->continuations);
    for (size_t i = 0; i < bl->nframes; i++)
        gc_mark_value(vm, bl->frames[i].callback);
    for (int i = 0; i < BROWSER_EXT__COUNT; i++)
        gc_mark_value(vm, bl->ext[i]);
}

/* ==== tasks ============================================================================= */

void browser_queue_task(HostState *hs, TaskSource src, Job *job) {
    job->queue = TFV_QUEUE_TASK;
    if (job->kind == JOB_TIMEOUT || job->kind == JOB_INTERVAL)
        job->queue = TFV_QUEUE_TIMER;
    job_enqueue(hs->vm, &hs->browser->tasks[src], job);
}

void browser_queue_continuation(HostState *hs, Job *job) {
    job_enqueue(hs->vm, &hs->browser->continuations, job);
}

/* The oldest queued task (job ids grow with every enqueue). */
static Job *pop_oldest_task(BrowserLoop *bl) {
    int best = -1;
    for (int i = 0; i < TASK_SOURCE__COUNT; i++)
        if (bl->tasks[i].head && (best < 0 || bl->tasks[i].head->id < bl->tasks[best].head->id))
            best = i;
    return best < 0 ? NULL : job_fifo_pop(&bl->tasks[best]);
}

int browser_timer_nesting(HostState *hs) {
    return hs->browser ? hs->browser->running_nesting : 0;
}

/* HTML "perform a microtask checkpoint", then "notify about rejected promises". */
static bool checkpoint(HostState *hs) {
    if (!host_drain_microtasks(hs))
        return false;
    host_process_rejections(hs);
    return !hs->stopped;
}

/* ==== timers ============================================================================ */

/* The timer task's steps after its callback (HTML timer initialization steps 8-9): an
 * interval that was not cleared is armed again, one nesting level deeper. */
static void rearm_interval(HostState *hs, Obj *obj) {
    Timer *t = obj->u.host.data;
    if (!t || t->api != TIMER_INTERVAL || !t->armed || t->heap_pos)
        return;
    int nesting = t->nesting;
    double timeout = t->delay;
    double clamped = timeout;
    if (nesting > 5 && clamped < 4)
        clamped = 4;
    t->nesting = nesting + 1;
    trc_timer(host_tracer(hs), t->id, TFV_TIMER_API_SET_INTERVAL, true, timeout, clamped,
              (double)(host_now_us(hs->vm) + (uint64_t)(clamped * 1000)) / 1000.0, t->nesting, true,
              timer_callback(t));
    browser_timer_start(hs, t, clamped);
}

/* The task of timer t (queued when it comes due). */
static void queue_timer_task(HostState *hs, Timer *t) {
    Value global = val_obj(hs->vm->realm->global);
    Job *job =
        host_callback_job(hs, t->api == TIMER_INTERVAL ? JOB_INTERVAL : JOB_TIMEOUT,
                          timer_callback(t), global, t->obj->u.host.slots[TIMER_SLOT_ARGS], t->id);
    job->gc_ref = t->obj;
    browser_queue_task(hs, TASK_SOURCE_TIMER, job);
}

void browser_timer_start(HostState *hs, Timer *t, double clamped_ms) {
    uint64_t now = host_now_us(hs->vm);
    uint64_t due = now + (uint64_t)(clamped_ms * 1000);
    if (clamped_ms <= 0) {
        /* Chromium posts a 0 ms timer as a task at once: it runs in posting order with
         * the other tasks (setTimeout(f, 0) before a later postMessage) */
        t->due_us = due;
        timer_arm(hs->timers, t);
        queue_timer_task(hs, t);
        return;
    }
    timers_browser_add(hs->timers, t, due);
}

/* Step 1: due timers become tasks, by due time then arming order. */
static void queue_due_timers(HostState *hs) {
    TimerSet *ts = hs->timers;
    uint64_t now = host_now_us(hs->vm);
    Timer *t;
    while ((t = timers_browser_peek(ts)) && t->due_us <= now) {
        timers_browser_remove(ts, t);
        queue_timer_task(hs, t);
    }
}

/* ==== animation frames ================================================================== */

uint32_t browser_request_frame(HostState *hs, Value callback) {
    BrowserLoop *bl = hs->browser;
    if (bl->nframes == bl->cap_frames) {
        bl->cap_frames = bl->cap_frames ? bl->cap_frames * 2 : 8;
        bl->frames = xrealloc(bl->frames, bl->cap_frames * sizeof *bl->frames);
    }
    FrameRequest *f = &bl->frames[bl->nframes++];
    f->handle = bl->next_frame_handle++;
    f->callback = callback;
    f->id = jobs_new_id(hs->vm, TF_SPACE_TIMER);
    uint64_t now = host_now_us(hs->vm);
    uint64_t k = now / HOST_FRAME_US;
    uint64_t due = (k > bl->last_frame ? k : bl->last_frame + 1) * (uint64_t)HOST_FRAME_US;
    if (due < now)
        due = now;
    trc_timer(host_tracer(hs), f->id, TFV_TIMER_API_REQUEST_ANIMATION_FRAME, false, 0, 0,
              (double)due / 1000.0, -1, false, callback);
    return f->handle;
}

void browser_cancel_frame(HostState *hs, uint32_t handle) {
    BrowserLoop *bl = hs->browser;
    for (size_t i = 0; i < bl->nframes; i++) {
        if (bl->frames[i].handle == handle) {
            trc_clear(host_tracer(hs), bl->frames[i].id);
            memmove(&bl->frames[i], &bl->frames[i + 1], (bl->nframes - i - 1) * sizeof *bl->frames);
            bl->nframes--;
            return;
        }
    }
}

static bool frame_is_due(BrowserLoop *bl, uint64_t now) {
    return bl->nframes && now / HOST_FRAME_US > bl->last_frame;
}

/* "Run the animation frame callbacks" (HTML #run-the-animation-frame-callbacks): the
 * callbacks requested before the step began, each with the frame's timestamp, each
 * followed by a microtask checkpoint; one cancelled by an earlier one does not run. */
static bool rendering_step(HostState *hs) {
    BrowserLoop *bl = hs->browser;
    Vm *vm = hs->vm;
    uint64_t now = host_now_us(vm);
    bl->last_frame = now / HOST_FRAME_US;
    double timestamp = (double)now / 1000.0;
    uint32_t last_handle = bl->next_frame_handle - 1; /* later requests: next frame */
    bool announced = false;
    while (bl->nframes && bl->frames[0].handle <= last_handle) {
        FrameRequest f = bl->frames[0];
        memmove(&bl->frames[0], &bl->frames[1], (bl->nframes - 1) * sizeof *bl->frames);
        bl->nframes--;
        if (host_check_max_jobs(hs))
            return false;
        if (!announced) {
            host_phase(hs, TFV_PHASE_RENDERING);
            announced = true;
        }
        Value arg = val_number(timestamp);
        gc_root_push(vm, &f.callback);
        Obj *args = obj_new_array_from(vm, 1, &arg);
        gc_root_pop(vm, 1);
        Job *job = host_callback_job(hs, JOB_ANIMATION_FRAME, f.callback, VAL_UNDEFINED,
                                     val_obj(args), f.id);
        JobFifo one = {NULL, NULL, 0};
        job_enqueue(vm, &one, job);
        job_fifo_pop(&one);
        bl->running_nesting = 0;
        if (!host_after_job(hs, host_run_task(hs, job)))
            return false;
        if (!checkpoint(hs))
            return false;
    }
    return true;
}

/* ==== mutation observers ================================================================ */

void browser_queue_mutation_microtask(HostState *hs, JobRunFn *notify) {
    BrowserLoop *bl = hs->browser;
    if (bl->mo_queued)
        return;
    bl->mo_queued = true;
    Job *job = job_new(hs->vm, JOB_MUTATION_OBSERVER, notify);
    job->realm = hs->vm->realm;
    job->step = "notify mutation observers";
    job_enqueue(hs->vm, &jobs_of(hs->vm)->microtasks, job);
}

void browser_mutation_microtask_done(HostState *hs) {
    hs->browser->mo_queued = false;
}

/* ==== the loop ========================================================================== */

/* Runs one task and the checkpoint after it; a timer task keeps its nesting level for
 * the microtasks after its callback (as Chromium does), and an interval is armed again
 * afterwards. */
static bool run_task(HostState *hs, Job *job) {
    BrowserLoop *bl = hs->browser;
    Vm *vm = hs->vm;
    if (host_check_max_jobs(hs)) {
        job_free(job);
        return false;
    }
    Obj *timer_obj = NULL;
    if (job->kind == JOB_TIMEOUT || job->kind == JOB_INTERVAL) {
        timer_obj = job->gc_ref;
        Timer *t = timer_obj->u.host.data;
        bl->running_nesting = t->nesting;
        if (!t->armed)
            job->handler = VAL_UNDEFINED; /* cleared after it was queued: the task aborts */
        if (job->kind == JOB_TIMEOUT)
            timer_disarm(hs->timers, t); /* a timeout's id is gone once it runs */
    } else {
        bl->running_nesting = 0;
    }
    gc_root_push_ptr(vm, &timer_obj);
    bool ok = host_after_job(hs, host_run_task(hs, job)) && checkpoint(hs);
    if (ok && timer_obj)
        rearm_interval(hs, timer_obj);
    bl->running_nesting = 0;
    gc_root_pop(vm, 1);
    return ok;
}

void browser_loop_run(HostState *hs, JobStatus script) {
    BrowserLoop *bl = hs->browser;
    if (!host_after_job(hs, script) || !checkpoint(hs))
        return;
    for (;;) {
        if (hs->stopped)
            return;
        queue_due_timers(hs);
        bool ran = false;
        Job *task = pop_oldest_task(bl);
        if (task) {
            if (!run_task(hs, task))
                return;
            while (bl->continuations.head) {
                if (!run_task(hs, job_fifo_pop(&bl->continuations)))
                    return;
            }
            ran = true;
        }
        uint64_t now = host_now_us(hs->vm);
        if (frame_is_due(bl, now)) {
            if (!rendering_step(hs))
                return;
            ran = true;
        }
        if (ran)
            continue;
        /* idle: wait for the next timer or rendering opportunity */
        uint64_t wake = UINT64_MAX;
        Timer *t = timers_browser_peek(hs->timers);
        if (t)
            wake = t->due_us;
        if (bl->nframes) {
            uint64_t next = (bl->last_frame + 1) * (uint64_t)HOST_FRAME_US;
            if (next < wake)
                wake = next;
        }
        if (wake == UINT64_MAX) {
            /* nothing left: FinalizationRegistry cleanup tasks (builtins/weakref.h),
             * else the run ends */
            Job *cleanup = host_next_cleanup_task(hs);
            if (!cleanup)
                return;
            if (!run_task(hs, cleanup))
                return;
            continue;
        }
        if (hs->clock_us < wake)
            hs->clock_us = wake;
    }
}
