/* test_gc.c — the garbage collector: reachability from roots, C roots, cycles, objects
 * reachable only from a suspended generator or async frame, gc_verify, and the weak
 * containers: WeakMap/WeakSet entries vanish with their keys (and take their values
 * along), ephemeron chains inside one table and across tables, identity hashes; a
 * WeakRef's target dies in a weak collection once ClearKeptObjects has run, never in an
 * ordinary one, and a FinalizationRegistry cell's death queues one cleanup job. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "js_harness.h"
#include "tracer/builtins/mapset.h"
#include "tracer/builtins/weakref.h"
#include "tracer/gc.h"
#include "tracer/jobs.h"
#include "tracer/object.h"

static int vm_setup(void **state) {
    *state = vm_new();
    return 0;
}

static int vm_teardown(void **state) {
    vm_free(*state);
    return 0;
}

static size_t count_objects(Vm *vm) {
    size_t n = 0;
    for (GcHeader *h = vm->gc.objects; h; h = h->next)
        n++;
    return n;
}

static void test_gc_frees_unreachable_cycles(void **state) {
    Vm *vm = *state;
    gc_collect(vm);
    size_t before = count_objects(vm);
    Obj *a = obj_new_plain(vm), *b = NULL;
    gc_root_push_ptr(vm, &a);
    gc_root_push_ptr(vm, &b);
    b = obj_new_plain(vm);
    assert_true(obj_set(vm, a, ATOM_next, val_obj(b), true));
    assert_true(obj_set(vm, b, ATOM_next, val_obj(a), true));
    assert_true(count_objects(vm) >= before + 2);
    gc_root_pop(vm, 2); /* now only the cycle holds them */
    gc_collect(vm);
    assert_int_equal(count_objects(vm), before);
    assert_true(gc_verify(vm));
}

static void test_gc_keeps_objects_rooted_from_c_locals(void **state) {
    Vm *vm = *state;
    Obj *o = obj_new_plain(vm);
    gc_root_push_ptr(vm, &o);
    Value v = val_obj(obj_new_plain(vm));
    gc_root_push(vm, &v);
    assert_true(obj_set(vm, o, ATOM_value, val_number(7), true));
    gc_collect(vm);
    assert_true(gc_verify(vm));
    assert_true(val_as_number(obj_get(vm, o, ATOM_value)) == 7);
    assert_int_equal(val_as_obj(v)->kind, OBJ_ORDINARY);
    gc_root_pop(vm, 2);
    assert_int_equal(gc_root_depth(vm), 0);
}

static void test_gc_keeps_objects_reachable_only_from_a_suspended_frame(void **state) {
    Vm *vm = *state;
    /* o lives only in the generator's frame slot while it is suspended */
    assert_true(js_run(vm, "function* g() { let o = { v: 42 }; yield 1; yield o.v }\n"
                           "var it = g(); it.next();"));
    gc_collect(vm);
    /* allocate a lot so that freed memory would be reused */
    assert_true(js_run(vm, "var junk = []; for (let i = 0; i < 2000; i++) junk.push({ i });"));
    gc_collect(vm);
    assert_true(gc_verify(vm));
    assert_true(js_run(vm, "var r = it.next().value;"));
    assert_true(js_global_number(vm, "r") == 42);
}

static void test_gc_keeps_captured_variables_of_finished_frames(void **state) {
    Vm *vm = *state;
    assert_true(js_run(vm, "function mk() { let n = { k: 'kept' }; return () => n.k }\n"
                           "var f = mk();"));
    gc_collect(vm);
    assert_true(js_run(vm, "var s = f();"));
    char buf[32];
    assert_string_equal(js_global_string(vm, "s", buf, sizeof buf), "kept");
}

static void test_gc_collects_a_finished_generator(void **state) {
    Vm *vm = *state;
    gc_collect(vm);
    size_t before = count_objects(vm);
    assert_true(js_run(vm, "(function () { function* g() { yield {} } const it = g(); it.next() })()"));
    gc_collect(vm);
    /* the script's own function proto stays (constants of nothing: collected too) */
    assert_true(count_objects(vm) <= before + 1);
}

static void test_gc_keeps_objects_reachable_only_from_a_suspended_async_frame(void **state) {
    Vm *vm = *state;
    /* o lives only in f's suspended activation, which only p's reaction refers to */
    assert_true(js_run(vm, "var resolve; var p = new Promise(r => { resolve = r }); var r = 0;\n"
                           "async function f() { let o = { v: 7 }; await p; r = o.v }\n"
                           "f();"));
    assert_int_equal(jobs_drain_microtasks(vm), JOB_RUN_OK);
    gc_collect(vm);
    assert_true(js_run(vm, "var junk = []; for (let i = 0; i < 2000; i++) junk.push({ i });"));
    gc_collect(vm);
    assert_true(gc_verify(vm));
    assert_true(js_global_number(vm, "r") == 0);
    assert_true(js_run(vm, "resolve();"));
    assert_int_equal(jobs_drain_microtasks(vm), JOB_RUN_OK);
    assert_true(js_global_number(vm, "r") == 7);
}

/* Sets the global name to undefined without running JS (nothing is allocated). */
static void drop_global(Vm *vm, const char *name) {
    assert_true(obj_set(vm, vm->realm->global, atom_intern(vm, name), VAL_UNDEFINED, true));
}

static Obj *global_obj(Vm *vm, const char *name) {
    Value v = js_global(vm, name);
    assert_true(val_is_object(v));
    return val_as_obj(v);
}

static void test_gc_drops_a_weakmap_entry_with_its_key_and_frees_the_value(void **state) {
    Vm *vm = *state;
    assert_true(js_run(vm, "var wm = new WeakMap(), ws = new WeakSet();\n"
                           "var k1 = {}, k2 = {};\n"
                           "wm.set(k1, { payload: [1, 2, 3] }); wm.set(k2, 'two');\n"
                           "ws.add(k1); ws.add(k2);"));
    gc_collect(vm);
    assert_int_equal(mapset_size(global_obj(vm, "wm")), 2);
    assert_int_equal(mapset_size(global_obj(vm, "ws")), 2);
    size_t before = count_objects(vm);
    drop_global(vm, "k1"); /* now only the tables refer to k1, and only wm to its value */
    gc_collect(vm);
    assert_true(gc_verify(vm));
    assert_int_equal(mapset_size(global_obj(vm, "wm")), 1);
    assert_int_equal(mapset_size(global_obj(vm, "ws")), 1);
    /* k1, the value object and its array are gone */
    assert_true(count_objects(vm) <= before - 3);
    assert_true(js_run(vm, "var ok = wm.get(k2) === 'two' && ws.has(k2) && !wm.has({});"));
    assert_true(val_is_bool(js_global(vm, "ok")) && js_global(vm, "ok") == VAL_TRUE);
}

static void test_gc_weakmap_value_that_refers_to_its_own_key_does_not_keep_it(void **state) {
    Vm *vm = *state;
    assert_true(js_run(vm, "var wm = new WeakMap(); var k = {};\n"
                           "wm.set(k, { back: k });"));
    drop_global(vm, "k");
    gc_collect(vm);
    assert_true(gc_verify(vm));
    assert_int_equal(mapset_size(global_obj(vm, "wm")), 0);
}

static void test_gc_resolves_ephemeron_chains_in_any_order_and_across_tables(void **state) {
    Vm *vm = *state;
    /* a -> b -> c inside wm (entries inserted so that one pass in order is not enough),
     * then c -> wm2 (a table reachable only as a value), and wm2 maps c -> d */
    assert_true(js_run(vm, "var wm = new WeakMap();\n"
                           "var a = {}; var b = {}; var c = {};\n"
                           "wm.set(c, new WeakMap()); wm.set(b, c); wm.set(a, b);\n"
                           "wm.get(c).set(c, { d: 'deep' });\n"
                           "b = undefined; c = undefined;"));
    gc_collect(vm);
    assert_true(js_run(vm, "var junk = []; for (let i = 0; i < 2000; i++) junk.push({ i });"));
    gc_collect(vm);
    assert_true(gc_verify(vm));
    assert_int_equal(mapset_size(global_obj(vm, "wm")), 3);
    char buf[16];
    assert_true(js_run(vm, "var cc = wm.get(wm.get(a)); var s = wm.get(cc).get(cc).d;"));
    assert_string_equal(js_global_string(vm, "s", buf, sizeof buf), "deep");
    drop_global(vm, "cc");
    gc_collect(vm);
    assert_int_equal(mapset_size(global_obj(vm, "wm")), 3);
    drop_global(vm, "a"); /* the whole chain hangs on a */
    gc_collect(vm);
    assert_true(gc_verify(vm));
    assert_int_equal(mapset_size(global_obj(vm, "wm")), 0);
}

static void test_gc_weak_table_keeps_working_after_its_entries_die(void **state) {
    Vm *vm = *state;
    assert_true(js_run(vm, "var wm = new WeakMap(); var keep = [];\n"
                           "for (let i = 0; i < 100; i++) { const k = {}; wm.set(k, i);"
                           " if (i % 10 == 0) keep.push(k) }"));
    gc_collect(vm);
    assert_int_equal(mapset_size(global_obj(vm, "wm")), 10);
    assert_true(js_run(vm, "var sum = 0; for (const k of keep) sum += wm.get(k);\n"
                           "for (let i = 0; i < 50; i++) wm.set({}, i);\n"
                           "wm.set(keep[0], 1000); sum += wm.get(keep[0]);"));
    assert_true(js_global_number(vm, "sum") == 450 + 1000);
    gc_collect(vm);
    assert_true(gc_verify(vm));
    assert_int_equal(mapset_size(global_obj(vm, "wm")), 10);
}

static void test_gc_identity_hashes_are_stable_nonzero_and_in_order_of_first_use(void **state) {
    Vm *vm = *state;
    Obj *a = obj_new_plain(vm), *b = NULL;
    gc_root_push_ptr(vm, &a);
    gc_root_push_ptr(vm, &b);
    b = obj_new_plain(vm);
    assert_false(obj_has_identity_hash(a));
    uint32_t hb = obj_identity_hash(vm, b), ha = obj_identity_hash(vm, a);
    assert_true(hb != 0 && ha == hb + 1);
    gc_collect(vm);
    assert_int_equal(obj_identity_hash(vm, a), ha);
    assert_true(obj_has_identity_hash(a));
    gc_root_pop(vm, 2);
}

/* The js value of expr, evaluated into the global `out`. */
static Value js_eval_global(Vm *vm, const char *expr) {
    char src[256];
    snprintf(src, sizeof src, "var out = %s;", expr);
    assert_true(js_run(vm, src));
    return js_global(vm, "out");
}

static void test_gc_weakref_target_is_collected_only_after_clear_kept_objects(void **state) {
    Vm *vm = *state;
    /* the constructor keeps the target alive for the rest of the job (AddToKeptObjects) */
    assert_true(js_run(vm, "var target = { big: [1, 2, 3] }; var ref = new WeakRef(target);"
                           "var other = new WeakRef({}); target = undefined;"));
    weakref_collect(vm);
    assert_true(gc_verify(vm));
    assert_true(val_is_object(js_eval_global(vm, "ref.deref()")));
    /* an ordinary collection holds WeakRef targets strongly (builtins/weakref.h) */
    ClearKeptObjects(vm);
    drop_global(vm, "out");
    gc_collect(vm);
    assert_true(val_is_object(js_eval_global(vm, "ref.deref() && ref.deref().big")));
    /* deref kept it again: still alive after a weak collection in the same "job" */
    drop_global(vm, "out");
    weakref_collect(vm);
    assert_true(val_is_object(js_eval_global(vm, "ref.deref()")));
    /* the job ends: ClearKeptObjects, then the weak collection frees it */
    drop_global(vm, "out");
    size_t before = count_objects(vm);
    ClearKeptObjects(vm);
    weakref_collect(vm);
    assert_true(gc_verify(vm));
    assert_true(count_objects(vm) <= before - 3); /* target, its array, other's target */
    assert_true(val_is_undefined(js_eval_global(vm, "ref.deref()")));
    assert_true(val_is_undefined(js_eval_global(vm, "other.deref()")));
}

static void test_gc_finalization_registry_cell_death_queues_one_cleanup_job(void **state) {
    Vm *vm = *state;
    assert_true(js_run(vm, "var seen = [];"
                           "var fr = new FinalizationRegistry(h => seen.push(h));"
                           "var alive = {}; fr.register(alive, 'alive');"
                           "fr.register({}, 'a'); fr.register({}, 'b');"
                           "fr.register({}, 'gone', alive); fr.unregister(alive);"));
    gc_collect(vm);
    assert_null(weakref_next_cleanup_job(vm)); /* ordinary collections hold targets */
    weakref_checkpoint(vm);
    Job *job = weakref_next_cleanup_job(vm);
    assert_non_null(job);
    assert_int_equal(job->kind, JOB_HOST_TASK);
    assert_null(weakref_next_cleanup_job(vm)); /* one job per registry */
    JobFifo one = {NULL, NULL, 0};
    job_enqueue(vm, &one, job);
    assert_int_equal(job_run(vm, job_fifo_pop(&one)), JOB_RUN_OK);
    assert_true(js_run(vm, "var got = seen.join(',');"));
    char buf[64];
    assert_string_equal(js_global_string(vm, "got", buf, sizeof buf), "a,b");
    weakref_checkpoint(vm);
    assert_null(weakref_next_cleanup_job(vm)); /* `alive` lives, its cell stays */
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_gc_frees_unreachable_cycles, vm_setup, vm_teardown),
        cmocka_unit_test_setup_teardown(test_gc_keeps_objects_rooted_from_c_locals, vm_setup,
                                        vm_teardown),
        cmocka_unit_test_setup_teardown(test_gc_keeps_objects_reachable_only_from_a_suspended_frame,
                                        vm_setup, vm_teardown),
        cmocka_unit_test_setup_teardown(test_gc_keeps_captured_variables_of_finished_frames,
                                        vm_setup, vm_teardown),
        cmocka_unit_test_setup_teardown(test_gc_collects_a_finished_generator, vm_setup,
                                        vm_teardown),
        cmocka_unit_test_setup_teardown(
            test_gc_keeps_objects_reachable_only_from_a_suspended_async_frame, vm_setup,
            vm_teardown),
        cmocka_unit_test_setup_teardown(
            test_gc_drops_a_weakmap_entry_with_its_key_and_frees_the_value, vm_setup,
            vm_teardown),
        cmocka_unit_test_setup_teardown(
            test_gc_weakmap_value_that_refers_to_its_own_key_does_not_keep_it, vm_setup,
            vm_teardown),
        cmocka_unit_test_setup_teardown(
            test_gc_resolves_ephemeron_chains_in_any_order_and_across_tables, vm_setup,
            vm_teardown),
        cmocka_unit_test_setup_teardown(test_gc_weak_table_keeps_working_after_its_entries_die,
                                        vm_setup, vm_teardown),
        cmocka_unit_test_setup_teardown(
            test_gc_identity_hashes_are_stable_nonzero_and_in_order_of_first_use, vm_setup,
            vm_teardown),
        cmocka_unit_test_setup_teardown(
            test_gc_weakref_target_is_collected_only_after_clear_kept_objects, vm_setup,
            vm_teardown),
        cmocka_unit_test_setup_teardown(
            test_gc_finalization_registry_cell_death_queues_one_cleanup_job, vm_setup,
            vm_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
