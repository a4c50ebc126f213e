/* test_gc.c — the garbage collector: reachability from roots, C roots, cycles, objects
 * reachable only from a suspended generator frame, and gc_verify. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "js_harness.h"
#include "tracer/gc.h"
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
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
