/* test_inspect.c — util.inspect's options and the formatter's safety properties, which
 * the golden programs (tests/js/inspect/, through console.log's defaults) cannot reach:
 * compact false/true/1, depth 0 and Infinity, maxArrayLength, maxStringLength,
 * breakLength Infinity, the nesting limit, exceptions thrown by user code inside the
 * formatter, and a GC-stress run. Every expected string is node 20's
 * util.inspect(value, options) output. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "js_harness.h"
#include "tracer/inspect.h"

static int vm_setup(void **state) {
    Vm *vm = vm_new();
    assert_true(
        js_run(vm, "var obj = { a: 1, b: [1, 2, { c: 'x' }], d: { e: { f: { g: { h: 1 } } } } };"
                   "var deep = {}; var cur = deep;"
                   "for (var i = 0; i < 3000; i++) { cur.n = {}; cur = cur.n }"));
    *state = vm;
    return 0;
}

static int vm_teardown(void **state) {
    vm_free(*state);
    return 0;
}

/* util.inspect(global `name`, opts) */
static void expect_inspect(Vm *vm, const char *name, const InspectOptions *o, const char *want) {
    StrBuf sb;
    strbuf_init(&sb);
    Value v = js_global(vm, name);
    gc_root_push(vm, &v);
    size_t roots = gc_root_depth(vm);
    assert_true(inspect_value_opts(vm, v, o, &sb));
    assert_int_equal(gc_root_depth(vm), roots);
    gc_root_pop(vm, 1);
    assert_string_equal(sb.data, want);
    strbuf_fini(&sb);
}

static void test_inspect_compact_false_puts_every_entry_on_its_own_line(void **state) {
    InspectOptions o;
    inspect_options_init(&o);
    o.compact = INSPECT_COMPACT_FALSE;
    expect_inspect(*state, "obj", &o,
                   "{\n  a: 1,\n  b: [\n    1,\n    2,\n    {\n      c: 'x'\n    }\n  ],\n"
                   "  d: {\n    e: {\n      f: [Object]\n    }\n  }\n}");
}

static void test_inspect_compact_true_uses_the_legacy_layout(void **state) {
    Vm *vm = *state;
    InspectOptions o;
    inspect_options_init(&o);
    o.compact = INSPECT_COMPACT_TRUE;
    expect_inspect(vm, "obj", &o, "{ a: 1, b: [ 1, 2, { c: 'x' } ], d: { e: { f: [Object] } } }");
    assert_true(js_run(vm, "var long = { a: { b: 'x'.repeat(90) } };"));
    expect_inspect(
        vm, "long", &o,
        "{ a:\n   { b:\n      'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
        "xxxxxxxxxxxxxxxxxxxxxxxxxx' } }");
}

static void test_inspect_compact_one_joins_only_the_innermost_level(void **state) {
    Vm *vm = *state;
    InspectOptions o;
    inspect_options_init(&o);
    o.compact = 1;
    assert_true(js_run(vm, "var nest = { a: { b: { c: {} } } };"));
    expect_inspect(vm, "nest", &o, "{\n  a: {\n    b: { c: {} }\n  }\n}");
}

static void test_inspect_depth_zero_and_infinity(void **state) {
    InspectOptions o;
    inspect_options_init(&o);
    o.depth = 0;
    expect_inspect(*state, "obj", &o, "{ a: 1, b: [Array], d: [Object] }");
    o.depth = INFINITY;
    expect_inspect(
        *state, "obj", &o,
        "{\n  a: 1,\n  b: [ 1, 2, { c: 'x' } ],\n  d: {\n    e: { f: { g: { h: 1 } } }\n  }\n}");
}

static void test_inspect_limits_array_and_string_lengths(void **state) {
    Vm *vm = *state;
    InspectOptions o;
    inspect_options_init(&o);
    o.max_array_length = 2;
    o.max_string_length = 10;
    assert_true(js_run(vm, "var five = [1, 2, 3, 4, 5]; var s30 = 'x'.repeat(30);"));
    expect_inspect(vm, "five", &o, "[ 1, 2, ... 3 more items ]");
    expect_inspect(vm, "s30", &o, "'xxxxxxxxxx'... 20 more characters");
}

static void test_inspect_break_length_infinity_keeps_one_line(void **state) {
    Vm *vm = *state;
    InspectOptions o;
    inspect_options_init(&o);
    o.break_length = INFINITY;
    assert_true(js_run(vm, "var alpha = { s: 'abcdefghijklmnopqrstuvwxyz'.repeat(4) };"));
    expect_inspect(vm, "alpha", &o,
                   "{ s: 'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnop"
                   "qrstuvwxyzabcdefghijklmnopqrstuvwxyz' }");
}

static void test_inspect_stops_deep_nesting_like_a_stack_overflow(void **state) {
    Vm *vm = *state;
    InspectOptions o;
    inspect_options_init(&o);
    o.depth = INFINITY;
    StrBuf sb;
    strbuf_init(&sb);
    Value v = js_global(vm, "deep");
    gc_root_push(vm, &v);
    assert_true(inspect_value_opts(vm, v, &o, &sb));
    gc_root_pop(vm, 1);
    assert_non_null(strstr(sb.data, "[Object: Inspection interrupted prematurely. Maximum call "
                                    "stack size exceeded.]"));
    strbuf_fini(&sb);
}

static void test_inspect_propagates_a_throwing_getter_of_the_tag(void **state) {
    Vm *vm = *state;
    assert_true(
        js_run(vm, "var bad = { get [Symbol.toStringTag]() { throw new RangeError('tag') } };"));
    StrBuf sb;
    strbuf_init(&sb);
    Value v = js_global(vm, "bad");
    gc_root_push(vm, &v);
    size_t roots = gc_root_depth(vm);
    assert_false(inspect_value(vm, v, &sb));
    assert_int_equal(gc_root_depth(vm), roots);
    assert_true(vm_has_exception(vm));
    vm_take_exception(vm);
    gc_root_pop(vm, 1);
    strbuf_fini(&sb);
}

static void test_format_propagates_a_throwing_to_string(void **state) {
    Vm *vm = *state;
    assert_true(js_run(vm, "var ts = { toString() { throw new Error('no') } };"
                           "var fmt = '%s!';"));
    Value args[2] = {js_global(vm, "fmt"), js_global(vm, "ts")};
    gc_root_push(vm, &args[0]);
    gc_root_push(vm, &args[1]);
    StrBuf sb;
    strbuf_init(&sb);
    assert_false(inspect_format_args(vm, 2, args, &sb));
    assert_true(vm_has_exception(vm));
    vm_take_exception(vm);
    gc_root_pop(vm, 2);
    strbuf_fini(&sb);
}

static void test_inspect_survives_collections_at_every_allocation(void **state) {
    Vm *vm = *state;
    assert_true(js_run(
        vm, "var gcy = { m: new Map([[{ k: [1] }, new Set(['v'])]]),"
            "  t: { get [Symbol.toStringTag]() { delete gcy.x; return 'T' + [1, 2].join('') } },"
            "  x: { y: 'gone' }, e: new TypeError('t') };"
            "gcy.e.stack = 'TypeError: t\\n    at f (a.js:1:1)'; gcy.self = gcy;"));
    vm->gc.stress = true;
    InspectOptions o;
    inspect_options_init(&o);
    o.show_hidden = false;
    expect_inspect(
        vm, "gcy", &o,
        "<ref *1> {\n  m: Map(1) { { k: [Array] } => Set(1) { 'v' } },\n"
        "  t: { [Symbol(Symbol.toStringTag)]: [Getter] },\n  x: undefined,\n  e: TypeError: t\n"
        "      at f (a.js:1:1),\n  self: [Circular *1]\n}");
    vm->gc.stress = false;
    assert_true(gc_verify(vm));
}

static void test_inspect_reads_options_from_a_js_object(void **state) {
    Vm *vm = *state;
    assert_true(js_run(vm, "var o1 = { depth: null, compact: false, breakLength: 40 };"
                           "var o2 = { depth: 1, showHidden: true, colors: true };"));
    InspectOptions o;
    inspect_options_init(&o);
    assert_true(inspect_options_from_object(vm, js_global(vm, "o1"), &o));
    assert_true(isinf(o.depth) && o.compact == INSPECT_COMPACT_FALSE && o.break_length == 40);
    expect_inspect(
        vm, "obj", &o,
        "{\n  a: 1,\n  b: [\n    1,\n    2,\n    {\n      c: 'x'\n    }\n  ],\n"
        "  d: {\n    e: {\n      f: {\n        g: {\n          h: 1\n        }\n      }\n"
        "    }\n  }\n}");
    inspect_options_init(&o);
    assert_true(inspect_options_from_object(vm, js_global(vm, "o2"), &o));
    expect_inspect(vm, "obj", &o,
                   "{ a: 1, b: [ 1, 2, [Object], [length]: 3 ], d: { e: [Object] } }");
}

/* console.table(data[, properties]) as node 20 prints it (generated with node's Console). */
static const struct {
    const char *name, *data, *properties, *want;
} table_cases[] = {
    // clang-format off
    {"t_mixed", "[{ a: 1, b: 'x' }, { a: 2, c: [1, 2, 3, 4] }, 5, 'str']", NULL,
     "┌─────────┬───┬─────┬──────────────────────────────┬────────┐\n"
     "│ (index) │ a │ b   │ c                            │ Values │\n"
     "├─────────┼───┼─────┼──────────────────────────────┼────────┤\n"
     "│ 0       │ 1 │ 'x' │                              │        │\n"
     "│ 1       │ 2 │     │ [ 1, 2, 3, ... 1 more item ] │        │\n"
     "│ 2       │   │     │                              │ 5      │\n"
     "│ 3       │   │     │                              │ 'str'  │\n"
     "└─────────┴───┴─────┴──────────────────────────────┴────────┘"},
    {"t_obj", "({ r1: { c1: 1 }, r2: { c2: { deep: { x: 1 } }, c3: { a: 1, b: 2, c: 3 } } })", NULL,
     "┌─────────┬────┬────────────────────┬──────────┐\n"
     "│ (index) │ c1 │ c2                 │ c3       │\n"
     "├─────────┼────┼────────────────────┼──────────┤\n"
     "│ r1      │ 1  │                    │          │\n"
     "│ r2      │    │ { deep: [Object] } │ [Object] │\n"
     "└─────────┴────┴────────────────────┴──────────┘"},
    {"t_map", "new Map([['k', { v: 1 }], [{ o: 1 }, 'val']])", NULL,
     "┌───────────────────┬──────────┬──────────┐\n"
     "│ (iteration index) │ Key      │ Values   │\n"
     "├───────────────────┼──────────┼──────────┤\n"
     "│ 0                 │ 'k'      │ { v: 1 } │\n"
     "│ 1                 │ { o: 1 } │ 'val'    │\n"
     "└───────────────────┴──────────┴──────────┘"},
    {"t_setit", "new Set([1, 2]).entries()", NULL,
     "┌───────────────────┬────────┐\n"
     "│ (iteration index) │ Values │\n"
     "├───────────────────┼────────┤\n"
     "│ 0                 │ 1      │\n"
     "│ 1                 │ 1      │\n"
     "│ 2                 │ 2      │\n"
     "│ 3                 │ 2      │\n"
     "└───────────────────┴────────┘"},
    {"t_sparse", "(() => { const s = []; s[2] = { a: 1 }; return s })()", NULL,
     "┌─────────┬───┐\n"
     "│ (index) │ a │\n"
     "├─────────┼───┤\n"
     "│ 2       │ 1 │\n"
     "└─────────┴───┘"},
    {"t_numkeys", "[{ 10: 'ten', 2: 'two', b: 'b' }]", NULL,
     "┌─────────┬───────┬───────┬─────┐\n"
     "│ (index) │ 2     │ 10    │ b   │\n"
     "├─────────┼───────┼───────┼─────┤\n"
     "│ 0       │ 'two' │ 'ten' │ 'b' │\n"
     "└─────────┴───────┴───────┴─────┘"},
    {"t_wide", "['中文', 'é', null, function f() {}]", NULL,
     "┌─────────┬────────┐\n"
     "│ (index) │ Values │\n"
     "├─────────┼────────┤\n"
     "│ 0       │ '中文' │\n"
     "│ 1       │ 'é'    │\n"
     "│ 2       │ null   │\n"
     "│ 3       │        │\n"
     "└─────────┴────────┘"},
    {"t_empty", "[]", NULL,
     "┌─────────┐\n"
     "│ (index) │\n"
     "├─────────┤\n"
     "└─────────┘"},
    {"t_props", "[{ a: 1, b: 2 }]", "['b', 'z']",
     "┌─────────┬───┬───┐\n"
     "│ (index) │ b │ z │\n"
     "├─────────┼───┼───┤\n"
     "│ 0       │ 2 │   │\n"
     "└─────────┴───┴───┘"},
    {"t_prim", "42", NULL,
     "42"},
    // clang-format on
};

static void test_console_table_matches_node(void **state) {
    Vm *vm = *state;
    for (size_t i = 0; i < ARRAY_LEN(table_cases); i++) {
        StrBuf src;
        strbuf_init(&src);
        strbuf_printf(&src, "var tdata = %s; var tprops = %s;", table_cases[i].data,
                      table_cases[i].properties ? table_cases[i].properties : "undefined");
        assert_true(js_run(vm, src.data));
        strbuf_fini(&src);
        Value d = js_global(vm, "tdata"), p = js_global(vm, "tprops");
        gc_root_push(vm, &d);
        gc_root_push(vm, &p);
        size_t roots = gc_root_depth(vm);
        StrBuf sb;
        strbuf_init(&sb);
        assert_true(inspect_console_table(vm, d, p, &sb));
        assert_int_equal(gc_root_depth(vm), roots);
        if (strcmp(sb.data, table_cases[i].want) != 0)
            print_error("%s:\n%s\n", table_cases[i].name, sb.data);
        assert_string_equal(sb.data, table_cases[i].want);
        strbuf_fini(&sb);
        gc_root_pop(vm, 2);
    }
}

static void test_console_table_rejects_properties_that_are_not_an_array(void **state) {
    Vm *vm = *state;
    StrBuf sb;
    strbuf_init(&sb);
    assert_true(js_run(vm, "var tdata = [1]; var tprops = 'x';"));
    Value d = js_global(vm, "tdata"), p = js_global(vm, "tprops");
    gc_root_push(vm, &d);
    gc_root_push(vm, &p);
    assert_false(inspect_console_table(vm, d, p, &sb));
    Value e = vm_take_exception(vm);
    gc_root_push(vm, &e);
    Value m = obj_get(vm, val_as_obj(e), ATOM_message);
    char buf[160];
    str_to_cbuf(val_as_str(m), buf, sizeof buf);
    assert_string_equal(buf, "The \"properties\" argument must be an instance of Array. "
                             "Received type string ('x')");
    gc_root_pop(vm, 3);
    strbuf_fini(&sb);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_inspect_compact_false_puts_every_entry_on_its_own_line,
                                        vm_setup, vm_teardown),
        cmocka_unit_test_setup_teardown(test_inspect_compact_true_uses_the_legacy_layout, vm_setup,
                                        vm_teardown),
        cmocka_unit_test_setup_teardown(test_inspect_compact_one_joins_only_the_innermost_level,
                                        vm_setup, vm_teardown),
        cmocka_unit_test_setup_teardown(test_inspect_depth_zero_and_infinity, vm_setup,
                                        vm_teardown),
        cmocka_unit_test_setup_teardown(test_inspect_limits_array_and_string_lengths, vm_setup,
                                        vm_teardown),
        cmocka_unit_test_setup_teardown(test_inspect_break_length_infinity_keeps_one_line, vm_setup,
                                        vm_teardown),
        cmocka_unit_test_setup_teardown(test_inspect_stops_deep_nesting_like_a_stack_overflow,
                                        vm_setup, vm_teardown),
        cmocka_unit_test_setup_teardown(test_inspect_propagates_a_throwing_getter_of_the_tag,
                                        vm_setup, vm_teardown),
        cmocka_unit_test_setup_teardown(test_format_propagates_a_throwing_to_string, vm_setup,
                                        vm_teardown),
        cmocka_unit_test_setup_teardown(test_inspect_survives_collections_at_every_allocation,
                                        vm_setup, vm_teardown),
        cmocka_unit_test_setup_teardown(test_inspect_reads_options_from_a_js_object, vm_setup,
                                        vm_teardown),
        cmocka_unit_test_setup_teardown(test_console_table_matches_node, vm_setup, vm_teardown),
        cmocka_unit_test_setup_teardown(test_console_table_rejects_properties_that_are_not_an_array,
                                        vm_setup, vm_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
