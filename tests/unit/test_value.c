/* test_value.c — NaN-boxed values and the ECMA-262 conversions/comparisons. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "js_harness.h"
#include "tracer/value.h"

static int vm_setup(void **state) {
    *state = vm_new();
    return 0;
}

static int vm_teardown(void **state) {
    vm_free(*state);
    return 0;
}

static void test_value_numbers_round_trip_and_nan_is_canonical(void **state) {
    double ds[] = {0.0, -0.0, 1.5, -1e308, 5e-324, INFINITY, -INFINITY};
    for (size_t i = 0; i < sizeof ds / sizeof ds[0]; i++) {
        Value v = val_number(ds[i]);
        assert_true(val_is_number(v));
        assert_memory_equal(&ds[i], &(double){val_as_number(v)}, sizeof(double));
    }
    Value n1 = val_number(NAN), n2 = val_number(-NAN), n3 = val_number(0.0 / 0.0);
    assert_true(val_is_number(n1) && val_is_number(n2) && val_is_number(n3));
    assert_true(n1 == n2 && n2 == n3);
    assert_false(val_is_object(n2));
}

static void test_value_tags_are_distinct(void **state) {
    Value vs[] = {VAL_UNDEFINED, VAL_NULL, VAL_TRUE, VAL_FALSE, VAL_EMPTY, VAL_EXCEPTION};
    for (size_t i = 0; i < 6; i++) {
        assert_false(val_is_number(vs[i]));
        for (size_t j = i + 1; j < 6; j++)
            assert_true(vs[i] != vs[j]);
    }
    assert_true(val_is_nullish(VAL_NULL) && val_is_nullish(VAL_UNDEFINED));
    assert_true(val_is_bool(VAL_TRUE) && val_is_bool(VAL_FALSE) && !val_is_bool(VAL_NULL));
}

static void test_value_pointers_keep_their_tag(void **state) {
    Vm *vm = *state;
    ObjString *s = str_new_cstr(vm, "abc");
    Value v = val_str(s);
    assert_true(val_is_string(v) && !val_is_object(v) && !val_is_symbol(v));
    assert_ptr_equal(val_as_str(v), s);
    Obj *o = obj_new_plain(vm);
    assert_true(val_is_object(val_obj(o)));
    assert_ptr_equal(val_as_obj(val_obj(o)), o);
}

static void test_value_equality_follows_the_spec(void **state) {
    Vm *vm = *state;
    assert_false(SameValue(val_number(0.0), val_number(-0.0)));
    assert_true(SameValueZero(val_number(0.0), val_number(-0.0)));
    assert_true(SameValue(val_number(NAN), val_number(NAN)));
    assert_false(IsStrictlyEqual(val_number(NAN), val_number(NAN)));
    Value ab1 = val_str(str_new_cstr(vm, "ab"));
    gc_root_push(vm, &ab1);
    Value ab2 = val_str(str_new_cstr(vm, "ab"));
    assert_true(ab1 != ab2 && IsStrictlyEqual(ab1, ab2));
    gc_root_pop(vm, 1);
    bool eq = false;
    assert_true(IsLooselyEqual(vm, VAL_NULL, VAL_UNDEFINED, &eq));
    assert_true(eq);
    assert_true(IsLooselyEqual(vm, val_str(str_new_cstr(vm, "1")), val_number(1), &eq));
    assert_true(eq);
}

static void test_value_conversions(void **state) {
    Vm *vm = *state;
    assert_false(ToBoolean(val_str(str_empty(vm))));
    assert_false(ToBoolean(val_number(NAN)));
    assert_true(ToBoolean(val_obj(obj_new_plain(vm))));
    double d;
    assert_true(ToNumber(vm, val_str(str_new_cstr(vm, "  0x1f ")), &d));
    assert_true(d == 31);
    ObjString *s = ToString(vm, val_number(0.1 + 0.2));
    char buf[64];
    str_to_cbuf(s, buf, sizeof buf);
    assert_string_equal(buf, "0.30000000000000004");
    s = ToString(vm, val_number(-0.0));
    str_to_cbuf(s, buf, sizeof buf);
    assert_string_equal(buf, "0");
    assert_null(ToString(vm, val_sym(atom_new_symbol(vm, VAL_UNDEFINED))));
    assert_true(vm_has_exception(vm));
    vm_take_exception(vm);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_value_numbers_round_trip_and_nan_is_canonical),
        cmocka_unit_test(test_value_tags_are_distinct),
        cmocka_unit_test_setup_teardown(test_value_pointers_keep_their_tag, vm_setup, vm_teardown),
        cmocka_unit_test_setup_teardown(test_value_equality_follows_the_spec, vm_setup, vm_teardown),
        cmocka_unit_test_setup_teardown(test_value_conversions, vm_setup, vm_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
