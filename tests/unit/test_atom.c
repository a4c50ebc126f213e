/* test_atom.c — the atom table: interning, integer keys, symbols, weak entries. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "js_harness.h"
#include "tracer/atom.h"

static int vm_setup(void **state) {
    *state = vm_new();
    return 0;
}

static int vm_teardown(void **state) {
    vm_free(*state);
    return 0;
}

static void test_atom_same_text_gives_the_same_atom(void **state) {
    Vm *vm = *state;
    ObjString *keep = str_new_cstr(vm, "hello");
    gc_root_push_ptr(vm, &keep); /* an atom lives as long as its string (atom.h) */
    Atom a = atom_from_str(vm, keep);
    Atom b = atom_intern(vm, "hello");
    assert_int_equal(a, b);
    assert_int_equal(atom_intern(vm, "length"), ATOM_length);
    assert_true(atom_intern(vm, "hellO") != a);
    gc_root_pop(vm, 1);
}

static void test_atom_canonical_indices_are_int_atoms(void **state) {
    Vm *vm = *state;
    Atom z = atom_intern(vm, "0"), n = atom_intern(vm, "123");
    assert_true(atom_is_int(z) && atom_int_value(z) == 0);
    assert_true(atom_is_int(n) && atom_int_value(n) == 123);
    assert_false(atom_is_int(atom_intern(vm, "01")));
    assert_false(atom_is_int(atom_intern(vm, "-1")));
    assert_false(atom_is_int(atom_intern(vm, "4294967295")));
    assert_int_equal(atom_from_uint32(vm, 7), atom_intern(vm, "7"));
    char buf[32];
    assert_string_equal(atom_to_cbuf(vm, n, buf, sizeof buf), "123");
}

static void test_atom_symbols_are_unique_keys(void **state) {
    Vm *vm = *state;
    Value d = val_str(str_new_cstr(vm, "x"));
    gc_root_push(vm, &d);
    ObjSymbol *s1 = atom_new_symbol(vm, d);
    gc_root_push_ptr(vm, &s1);
    ObjSymbol *s2 = atom_new_symbol(vm, d);
    assert_true(s1->atom != s2->atom);
    assert_true(atom_is_symbol(vm, s1->atom));
    gc_root_pop(vm, 2);
    assert_true(atom_is_symbol(vm, ATOM_Symbol_iterator));
    char buf[64];
    assert_string_equal(atom_to_cbuf(vm, ATOM_Symbol_iterator, buf, sizeof buf),
                        "Symbol(Symbol.iterator)");
}

static void test_atom_unreferenced_atoms_are_collected_and_reused(void **state) {
    Vm *vm = *state;
    Atom a = atom_intern(vm, "a-temporary-key");
    gc_collect(vm);
    assert_null(atom_entry(vm, a));
    Obj *o = obj_new_plain(vm);
    gc_root_push_ptr(vm, &o);
    Atom b = atom_intern(vm, "another-key"); /* obj_set allocates nothing GC: b stays */
    assert_true(obj_set(vm, o, b, VAL_TRUE, true));
    gc_collect(vm);
    assert_non_null(atom_entry(vm, b)); /* kept alive by the property */
    assert_int_equal(atom_intern(vm, "another-key"), b);
    gc_root_pop(vm, 1);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_atom_same_text_gives_the_same_atom, vm_setup, vm_teardown),
        cmocka_unit_test_setup_teardown(test_atom_canonical_indices_are_int_atoms, vm_setup, vm_teardown),
        cmocka_unit_test_setup_teardown(test_atom_symbols_are_unique_keys, vm_setup, vm_teardown),
        cmocka_unit_test_setup_teardown(test_atom_unreferenced_atoms_are_collected_and_reused,
                                        vm_setup, vm_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
