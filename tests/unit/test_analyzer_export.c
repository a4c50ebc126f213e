/* test_analyzer_export.c — `trace export --format chrome` (chrome.h) on the seed puzzle
 * fixture: one complete event per job on its queue's thread, a flow pair per
 * enqueued-by edge, thread names, output lines as instant events, jobs laid end to end
 * in run order. (tests/e2e/analyzer.sh checks the JSON with python3 -m json.tool.) */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "analyzer/chrome.h"
#include "analyzer/model.h"
#include "common/strbuf.h"

static size_t count(const char *hay, const char *needle) {
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

static void export_fixture(const char *path, StrBuf *out) {
    Model m;
    model_init(&m);
    char *err = NULL, *warning = NULL;
    if (model_load(&m, path, &err, &warning) != MODEL_LOAD_OK)
        fail_msg("%s", err);
    free(warning);
    chrome_write(&m, out);
    model_fini(&m);
}

static void test_chrome_export_has_a_slice_per_job_and_a_flow_per_edge(void **state) {
    (void)state;
    StrBuf sb;
    strbuf_init(&sb);
    export_fixture("tests/golden/analyzer/traces/seed_async_order.es2017.yaml", &sb);
    assert_int_equal(strncmp(sb.data, "{\"traceEvents\":[\n", 17), 0);
    assert_int_equal(count(sb.data, "\"ph\":\"X\""), 6);
    assert_int_equal(count(sb.data, "\"ph\":\"s\""), 5); /* every job but the script */
    assert_int_equal(count(sb.data, "\"ph\":\"f\""), 5);
    assert_int_equal(count(sb.data, "\"bp\":\"e\""), 5);
    assert_int_equal(count(sb.data, "\"ph\":\"i\""), 8); /* the output lines */
    assert_non_null(strstr(sb.data, "{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":3,"
                                    "\"args\":{\"name\":\"microtasks\"}}"));
    /* the thenable job runs after the script's slice (which lasts 1 µs: no steps given) */
    assert_non_null(strstr(sb.data, "{\"name\":\"PromiseResolveThenableJob #2\",\"cat\":"
                                    "\"microtask\",\"ph\":\"X\",\"ts\":1,\"dur\":1,"));
    /* the timer fires at virtual 1 ms = 1000 µs */
    assert_non_null(strstr(sb.data, "\"name\":\"Timeout #6\",\"cat\":\"timer\",\"ph\":\"X\","
                                    "\"ts\":1000,"));
    assert_non_null(strstr(sb.data, "\"displayTimeUnit\":\"ms\""));
    assert_int_equal(strcmp(sb.data + sb.len - 3, "}}\n"), 0);
    strbuf_fini(&sb);
}

static void test_chrome_export_escapes_program_output(void **state) {
    (void)state;
    StrBuf sb;
    strbuf_init(&sb);
    export_fixture("tests/golden/analyzer/traces/output.yaml", &sb);
    assert_null(strchr(sb.data, '\t'));
    assert_non_null(strstr(sb.data, "\\\""));
    strbuf_fini(&sb);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_chrome_export_has_a_slice_per_job_and_a_flow_per_edge),
        cmocka_unit_test(test_chrome_export_escapes_program_output),
    };
    return cmocka_run_group_tests_name("analyzer_export", tests, NULL, NULL);
}
