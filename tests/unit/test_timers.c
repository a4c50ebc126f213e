/* test_timers.c — the timer structures of tracer/timers.c on a fresh Vm and host state
 * per test: the browser heap (due time, then arming order), node 20's duration lists in
 * (expiry, list id) order, node 10's lists in libuv's (timeout, start id) order, moving a
 * linked timer (refresh), detaching a list that listOnTimeout still walks, and the
 * registry of armed timers (clearTimeout by id) through growth and deletions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "tracer/host.h"
#include "tracer/jobs.h"
#include "tracer/realm.h"
#include "tracer/timers.h"
#include "tracer/vm.h"

typedef struct {
    Vm *vm;
    HostState *hs;
    TimerSet *ts;
} Fixture;

static int setup_kind(void **state, HostKind kind) {
    Fixture *f = calloc(1, sizeof *f);
    f->vm = vm_new();
    jobs_attach(f->vm, SPEC_LATEST, NULL);
    HostOptions o = {.kind = kind, .program = "test.js"};
    host_attach(f->vm, &o);
    f->hs = host_state(f->vm);
    f->ts = f->hs->timers;
    *state = f;
    return 0;
}

static int setup_node(void **state) {
    return setup_kind(state, HOST_NODE);
}

static int setup_node10(void **state) {
    return setup_kind(state, HOST_NODE10);
}

static int setup_browser(void **state) {
    return setup_kind(state, HOST_BROWSER);
}

static int teardown(void **state) {
    Fixture *f = *state;
    vm_free(f->vm);
    free(f);
    return 0;
}

/* A new timer, armed at once: the registry keeps its object alive. */
static Timer *new_timer(Fixture *f, TimerApi api) {
    Obj *o = timer_new(f->vm, f->ts, NULL, api, VAL_UNDEFINED, VAL_UNDEFINED);
    Timer *t = o->u.host.data;
    timer_arm(f->ts, t);
    return t;
}

static void test_browser_heap_orders_by_due_time_then_arming_order(void **state) {
    Fixture *f = *state;
    static const uint64_t due[] = {5000, 1000, 5000, 0, 1000, 7000, 0};
    Timer *t[7];
    for (int i = 0; i < 7; i++) {
        t[i] = new_timer(f, TIMER_TIMEOUT);
        timers_browser_add(f->ts, t[i], due[i]);
    }
    gc_collect(f->vm); /* armed timers survive */
    static const int order[] = {3, 6, 1, 4, 0, 2, 5};
    for (int i = 0; i < 7; i++) {
        Timer *first = timers_browser_peek(f->ts);
        assert_ptr_equal(first, t[order[i]]);
        timers_browser_remove(f->ts, first);
        timer_disarm(f->ts, first);
    }
    assert_null(timers_browser_peek(f->ts));
}

static void test_browser_heap_removes_a_cleared_timer_from_the_middle(void **state) {
    Fixture *f = *state;
    Timer *t[20];
    for (int i = 0; i < 20; i++) {
        t[i] = new_timer(f, TIMER_TIMEOUT);
        timers_browser_add(f->ts, t[i], (uint64_t)((i * 7) % 20) * 100);
    }
    for (int i = 0; i < 20; i += 3)
        timers_browser_remove(f->ts, t[i]);
    uint64_t last = 0;
    int n = 0;
    Timer *x;
    while ((x = timers_browser_peek(f->ts))) {
        assert_true(x->due_us >= last);
        for (int i = 0; i < 20; i += 3)
            assert_ptr_not_equal(x, t[i]);
        last = x->due_us;
        timers_browser_remove(f->ts, x);
        n++;
    }
    assert_int_equal(n, 13);
}

static void test_node_lists_run_by_expiry_then_list_id(void **state) {
    Fixture *f = *state;
    /* durations 10, 5, 10, 5 at start 0, then 3 at start 2 (expiry 5, created later) */
    static const int64_t msecs[] = {10, 5, 10, 5};
    Timer *t[5];
    for (int i = 0; i < 4; i++) {
        t[i] = new_timer(f, TIMER_TIMEOUT);
        t[i]->idle_timeout = msecs[i];
        timers_node_insert(f->ts, t[i], 0, 0);
    }
    t[4] = new_timer(f, TIMER_TIMEOUT);
    t[4]->idle_timeout = 3;
    timers_node_insert(f->ts, t[4], 2, 2);
    assert_int_equal(f->ts->nlists, 3);
    TimerList *l = timers_node_peek(f->ts);
    assert_int_equal(l->msecs, 5); /* expiry 5, list id 1 */
    assert_ptr_equal(l->head, t[1]);
    assert_ptr_equal(l->head->next, t[3]);
    timers_node_delete_list(f->ts, l);
    l = timers_node_peek(f->ts);
    assert_int_equal(l->msecs, 3); /* expiry 5, list id 2 */
    timers_node_delete_list(f->ts, l);
    l = timers_node_peek(f->ts);
    assert_int_equal(l->msecs, 10);
    assert_ptr_equal(l->head, t[0]);
    assert_ptr_equal(l->tail, t[2]);
    /* the one libuv timer is due when the first list is */
    assert_int_equal(f->ts->uv_due, 5);
}

static void test_node_insert_moves_a_linked_timer_to_the_end_of_its_list(void **state) {
    Fixture *f = *state;
    Timer *a = new_timer(f, TIMER_TIMEOUT), *b = new_timer(f, TIMER_TIMEOUT);
    a->idle_timeout = b->idle_timeout = 10;
    timers_node_insert(f->ts, a, 0, 0);
    timers_node_insert(f->ts, b, 0, 0);
    timers_node_insert(f->ts, a, 4, 4); /* refresh() */
    TimerList *l = timers_node_list(f->ts, 10);
    assert_ptr_equal(l->head, b);
    assert_ptr_equal(l->tail, a);
    assert_int_equal(a->idle_start, 4);
    assert_ptr_equal(timers_find(f->ts, a->id), a);
    timers_node_unlink(f->ts, b);
    assert_null(timers_find(f->ts, b->id));
    assert_ptr_equal(l->head, a);
}

static void test_a_running_list_is_only_detached_when_deleted(void **state) {
    Fixture *f = *state;
    Timer *a = new_timer(f, TIMER_TIMEOUT);
    a->idle_timeout = 7;
    timers_node_insert(f->ts, a, 0, 0);
    TimerList *l = timers_node_list(f->ts, 7);
    l->running = true;
    timers_node_unlink(f->ts, a);
    timers_node_delete_list(f->ts, l); /* clearTimeout of its last timer */
    assert_null(timers_node_list(f->ts, 7));
    assert_null(timers_node_peek(f->ts));
    assert_true(l->dead);
    assert_null(l->head);            /* still readable by listOnTimeout */
    timers_node_list_done(f->ts, l); /* freed here (ASan checks) */
}

static void test_node10_lists_run_by_libuv_timeout_then_start_id(void **state) {
    Fixture *f = *state;
    Timer *a = new_timer(f, TIMER_TIMEOUT), *b = new_timer(f, TIMER_TIMEOUT);
    a->idle_timeout = 4;
    b->idle_timeout = 2;
    timers_node_insert(f->ts, a, 0, 0); /* libuv timeout 4, start id 0 */
    timers_node_insert(f->ts, b, 2, 2); /* libuv timeout 4, start id 1 */
    TimerList *first = timers_node_peek(f->ts);
    assert_int_equal(first->msecs, 4);
    /* restarting a list gives it a new start id: it goes after the other */
    timers_node10_start(f->ts, first, 0, 4);
    assert_int_equal(timers_node_peek(f->ts)->msecs, 2);
    timers_node10_stop(f->ts, timers_node_peek(f->ts));
    assert_int_equal(timers_node_peek(f->ts)->msecs, 4);
}

static void test_the_registry_finds_armed_timers_through_growth_and_deletion(void **state) {
    Fixture *f = *state;
    enum { N = 300 };
    Timer *t[N];
    for (int i = 0; i < N; i++)
        t[i] = new_timer(f, TIMER_TIMEOUT);
    for (int i = 0; i < N; i += 2)
        timer_disarm(f->ts, t[i]);
    gc_collect(f->vm); /* the armed ones stay, the others may go */
    for (int i = 1; i < N; i += 2)
        assert_ptr_equal(timers_find(f->ts, t[i]->id), t[i]);
    assert_int_equal(f->ts->reg_count, N / 2);
    assert_null(timers_find(f->ts, 0));
    assert_null(timers_find(f->ts, 100000));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_browser_heap_orders_by_due_time_then_arming_order,
                                        setup_browser, teardown),
        cmocka_unit_test_setup_teardown(test_browser_heap_removes_a_cleared_timer_from_the_middle,
                                        setup_browser, teardown),
        cmocka_unit_test_setup_teardown(test_node_lists_run_by_expiry_then_list_id, setup_node,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            test_node_insert_moves_a_linked_timer_to_the_end_of_its_list, setup_node, teardown),
        cmocka_unit_test_setup_teardown(test_a_running_list_is_only_detached_when_deleted,
                                        setup_node, teardown),
        cmocka_unit_test_setup_teardown(test_node10_lists_run_by_libuv_timeout_then_start_id,
                                        setup_node10, teardown),
        cmocka_unit_test_setup_teardown(
            test_the_registry_finds_armed_timers_through_growth_and_deletion, setup_node, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
