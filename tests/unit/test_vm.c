/* test_vm.c — small compiled programs through parse → compile → run: values, closures,
 * exceptions across frames, finally completions, stack overflow, --max-steps. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "js_harness.h"

static int vm_setup(void **state) {
    *state = vm_new();
    return 0;
}

static int vm_teardown(void **state) {
    vm_free(*state);
    return 0;
}

static void test_vm_runs_arithmetic_and_loops(void **state) {
    Vm *vm = *state;
    assert_true(js_run(vm, "var s = 0; for (let i = 1; i <= 100; i++) s += i;"));
    assert_true(js_global_number(vm, "s") == 5050);
}

static void test_vm_calls_closures_without_c_recursion(void **state) {
    Vm *vm = *state;
    assert_true(js_run(vm, "function d(n) { return n ? 1 + d(n - 1) : 0 } var r = d(9000);"));
    assert_true(js_global_number(vm, "r") == 9000);
    assert_int_equal(vm->c_depth, 0);
    assert_int_equal(vm->depth, 0);
}

static void test_vm_turns_runaway_recursion_into_a_range_error(void **state) {
    Vm *vm = *state;
    assert_true(js_run(vm, "function f() { return f() } var m;"
                           "try { f() } catch (e) { m = e.constructor.name + ': ' + e.message }"));
    char buf[128];
    assert_string_equal(js_global_string(vm, "m", buf, sizeof buf),
                        "RangeError: Maximum call stack size exceeded");
}

static void test_vm_finally_overrides_the_completion(void **state) {
    Vm *vm = *state;
    assert_true(js_run(vm, "function f() { try { return 1 } finally { return 2 } } var r = f();"));
    assert_true(js_global_number(vm, "r") == 2);
}

static void test_vm_uncaught_exception_is_pending_with_its_position(void **state) {
    Vm *vm = *state;
    assert_false(js_run(vm, "var a = 1;\nnull.x"));
    assert_true(vm_has_exception(vm));
    assert_int_equal(vm->exc_pos.line, 2);
    Value e = vm_take_exception(vm);
    assert_true(val_is_object(e));
    assert_int_equal(vm->depth, 0);
}

static void test_vm_max_steps_stops_an_infinite_loop(void **state) {
    Vm *vm = *state;
    vm->max_steps = 10000;
    assert_false(js_run(vm, "for (;;) {}"));
    assert_int_equal(vm->terminated, TERM_MAX_STEPS);
}

static void test_vm_generators_resume_where_they_yielded(void **state) {
    Vm *vm = *state;
    assert_true(js_run(vm, "function* g() { const x = yield 1; yield x * 2 }"
                           "var it = g(); it.next(); var r = it.next(21).value;"
                           "var d = it.next().done;"));
    assert_true(js_global_number(vm, "r") == 42);
    assert_true(js_global(vm, "d") == VAL_TRUE);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_vm_runs_arithmetic_and_loops, vm_setup, vm_teardown),
        cmocka_unit_test_setup_teardown(test_vm_calls_closures_without_c_recursion, vm_setup, vm_teardown),
        cmocka_unit_test_setup_teardown(test_vm_turns_runaway_recursion_into_a_range_error, vm_setup,
                                        vm_teardown),
        cmocka_unit_test_setup_teardown(test_vm_finally_overrides_the_completion, vm_setup, vm_teardown),
        cmocka_unit_test_setup_teardown(test_vm_uncaught_exception_is_pending_with_its_position,
                                        vm_setup, vm_teardown),
        cmocka_unit_test_setup_teardown(test_vm_max_steps_stops_an_infinite_loop, vm_setup, vm_teardown),
        cmocka_unit_test_setup_teardown(test_vm_generators_resume_where_they_yielded, vm_setup,
                                        vm_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
