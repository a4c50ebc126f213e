/* test_formats_flush.c — when the writer's bytes become visible (formats/SPEC.md
 * "Writing, flushing and truncation"): on a descriptor, the header at once, a job's
 * events only at its `done` (or when the writer's buffer fills, and then only whole
 * lines), and a signal handler can save the open job with tf_writer_flush_async_safe.
 * Every prefix the writer leaves must read back without an error. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <setjmp.h>
#include <cmocka.h>

#include "common/strbuf.h"
#include "formats/trace_reader.h"
#include "formats/trace_writer.h"

/* ---- helpers ---------------------------------------------------------------------- */

static TraceHeader sample_header(void) {
    TraceHeader h;
    memset(&h, 0, sizeof h);
    h.program = "a.js";
    h.spec = "es2019";
    h.host = "node";
    h.engine = "tickscope test";
    return h;
}

static void ev_enqueue(TfWriter *w, uint64_t job) {
    tf_begin(w, EV_ENQUEUE);
    tf_field_uint(w, TFF_job, job);
    tf_field_enum(w, TFF_kind, job == 1 ? TFV_JOB_KIND_SCRIPT : TFV_JOB_KIND_TIMEOUT);
    tf_field_enum(w, TFF_queue, job == 1 ? TFV_QUEUE_SCRIPT : TFV_QUEUE_TIMER);
    assert_int_not_equal(tf_end(w), 0);
}

static void ev_run(TfWriter *w, uint64_t job) {
    tf_begin(w, EV_RUN);
    tf_field_uint(w, TFF_job, job);
    tf_field_uint(w, TFF_tick, 0);
    tf_field_uint(w, TFF_turn, job - 1);
    tf_field_num(w, TFF_time, 0);
    assert_int_not_equal(tf_end(w), 0);
}

static void ev_log(TfWriter *w, uint64_t job, const char *text) {
    tf_begin(w, EV_LOG);
    tf_field_enum(w, TFF_stream, TFV_STREAM_OUT);
    tf_field_str(w, TFF_text, text);
    tf_field_uint(w, TFF_by, job);
    assert_int_not_equal(tf_end(w), 0);
}

static void ev_done(TfWriter *w, uint64_t job) {
    tf_begin(w, EV_DONE);
    tf_field_uint(w, TFF_job, job);
    assert_int_not_equal(tf_end(w), 0);
}

/* Everything readable from a non-blocking pipe right now (a NUL-terminated copy). */
static char *drain(int fd) {
    StrBuf sb;
    strbuf_init(&sb);
    char buf[4096];
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0) {
            assert_true(n == 0 || errno == EAGAIN);
            break;
        }
        strbuf_put(&sb, buf, (size_t)n);
    }
    char *s = xstrndup(sb.data ? sb.data : "", sb.len);
    strbuf_fini(&sb);
    return s;
}

static size_t count_lines(const char *s) {
    size_t n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

static char *read_path(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    StrBuf sb;
    strbuf_init(&sb);
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        strbuf_put(&sb, buf, n);
    fclose(f);
    *len = sb.len;
    char *s = xstrndup(sb.data ? sb.data : "", sb.len);
    strbuf_fini(&sb);
    return s;
}

/* Read a trace text to its end; fails the test on any error. Returns the events. */
static size_t read_events(const char *text, size_t len) {
    FILE *f = fmemopen((void *)text, len, "rb");
    assert_non_null(f);
    TfReader *r = tf_reader_open(f, "prefix.yaml", NULL);
    const TraceHeader *h;
    TfReadStatus st = tf_reader_header(r, &h);
    size_t n = 0;
    const TraceEvent *ev;
    while (st == TF_READ_OK && (st = tf_reader_next(r, &ev)) == TF_READ_OK)
        n++;
    if (st != TF_READ_END)
        fail_msg("%s", tf_reader_error(r));
    tf_reader_free(r);
    fclose(f);
    return n;
}

static char *temp_path(void) {
    const char *dir = getenv("TMPDIR");
    StrBuf sb;
    strbuf_init(&sb);
    strbuf_printf(&sb, "%s/tickscope_flush_XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(sb.data);
    assert_true(fd >= 0);
    close(fd);
    return sb.data;
}

/* ---- tests ------------------------------------------------------------------------ */

static void test_on_a_pipe_a_job_shows_at_its_done_and_not_before(void **state) {
    (void)state;
    int p[2];
    assert_int_equal(pipe(p), 0);
    assert_int_equal(fcntl(p[0], F_SETFL, O_NONBLOCK), 0);
    FILE *f = fdopen(p[1], "w");
    assert_non_null(f);
    TraceHeader h = sample_header();
    TfWriter *w = tf_writer_open(f, &h);

    char *got = drain(p[0]);
    assert_non_null(strstr(got, "\n---\n")); /* the header: at once */
    free(got);

    ev_enqueue(w, 1);
    ev_run(w, 1);
    ev_log(w, 1, "script start");
    ev_enqueue(w, 2);
    got = drain(p[0]);
    assert_string_equal(got, ""); /* mid-job: nothing yet */
    free(got);

    ev_done(w, 1);
    got = drain(p[0]);
    assert_int_equal(count_lines(got), 5);
    assert_non_null(strstr(got, "ev: enqueue, job: 1,"));
    assert_non_null(strstr(got, "- {seq: 5, ev: done, job: 1}\n"));
    free(got);

    /* job 2 runs and is killed: what a signal handler saves is its whole lines */
    ev_run(w, 2);
    ev_log(w, 2, "in the timer");
    got = drain(p[0]);
    assert_string_equal(got, "");
    free(got);
    tf_writer_flush_async_safe(w);
    got = drain(p[0]);
    assert_string_equal(got, "- {seq: 6, ev: run, job: 2, tick: 0, turn: 1, time: 0}\n"
                             "- {seq: 7, ev: log, stream: out, text: \"in the timer\", by: 2}\n");
    free(got);
    tf_writer_flush_async_safe(w); /* twice: nothing is written twice */
    got = drain(p[0]);
    assert_string_equal(got, "");
    free(got);

    ev_done(w, 2);
    got = drain(p[0]);
    assert_string_equal(got, "- {seq: 8, ev: done, job: 2}\n");
    free(got);
    assert_int_equal(tf_writer_close(w), 0);
    fclose(f);
    close(p[0]);
}

static void test_a_job_bigger_than_the_buffer_leaves_only_whole_lines(void **state) {
    (void)state;
    char *path = temp_path();
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    TraceHeader h = sample_header();
    TfWriter *w = tf_writer_open(f, &h);
    ev_enqueue(w, 1);
    ev_run(w, 1);
    char text[200];
    for (int i = 0; i < 3000; i++) { /* about 450 KB, in one job */
        snprintf(text, sizeof text, "line %d of a chatty job, padded to about a hundred bytes "
                                    "................................",
                 i);
        ev_log(w, 1, text);
    }
    /* the buffer filled several times: every write ended at a line end */
    size_t len;
    char *got = read_path(path, &len);
    assert_true(len > 65536);
    assert_int_equal(got[len - 1], '\n');
    size_t n = read_events(got, len);
    assert_true(n >= 2 && n < 3002);
    free(got);

    /* one line longer than the buffer goes out whole, after what was buffered */
    char *big = malloc(100001);
    memset(big, 'x', 100000);
    big[100000] = '\0';
    ev_log(w, 1, big);
    free(big);
    got = read_path(path, &len);
    assert_memory_equal(got + len - 11, "x\", by: 1}\n", 11);
    assert_int_equal(read_events(got, len), 3003);
    free(got);

    ev_done(w, 1);
    assert_int_equal(tf_writer_close(w), 0);
    fclose(f);
    got = read_path(path, &len);
    assert_int_equal(read_events(got, len), 3004);
    free(got);
    unlink(path);
    free(path);
}

static void test_without_autoflush_a_descriptor_sees_events_only_at_close(void **state) {
    (void)state;
    char *path = temp_path();
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    TraceHeader h = sample_header();
    TfWriter *w = tf_writer_open(f, &h);
    tf_writer_set_autoflush(w, false);
    size_t header_len;
    free(read_path(path, &header_len));
    ev_enqueue(w, 1);
    ev_run(w, 1);
    ev_done(w, 1);
    size_t len;
    free(read_path(path, &len));
    assert_int_equal(len, header_len);
    tf_writer_flush(w);
    char *got = read_path(path, &len);
    assert_int_equal(read_events(got, len), 3);
    free(got);
    assert_int_equal(tf_writer_close(w), 0);
    fclose(f);
    unlink(path);
    free(path);
}

/* What tracer/cmd_run.c does on SIGTERM, in a child process: the handler saves the
 * buffered lines of the open job with write(2) and re-raises the signal. */
static TfWriter *child_writer;

static void on_term(int sig) {
    tf_writer_flush_async_safe(child_writer);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void test_a_signal_handler_saves_the_open_job(void **state) {
    (void)state;
    char *path = temp_path();
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        FILE *f = fopen(path, "w");
        TraceHeader h = sample_header();
        child_writer = tf_writer_open(f, &h);
        signal(SIGTERM, on_term);
        ev_enqueue(child_writer, 1);
        ev_run(child_writer, 1);
        ev_log(child_writer, 1, "about to be killed");
        raise(SIGTERM);
        _exit(0); /* not reached */
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFSIGNALED(status));
    assert_int_equal(WTERMSIG(status), SIGTERM);
    size_t len;
    char *got = read_path(path, &len);
    assert_int_equal(read_events(got, len), 3);
    assert_non_null(strstr(got, "text: \"about to be killed\""));
    assert_int_equal(got[len - 1], '\n');
    free(got);
    unlink(path);
    free(path);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_on_a_pipe_a_job_shows_at_its_done_and_not_before),
        cmocka_unit_test(test_a_job_bigger_than_the_buffer_leaves_only_whole_lines),
        cmocka_unit_test(test_without_autoflush_a_descriptor_sees_events_only_at_close),
        cmocka_unit_test(test_a_signal_handler_saves_the_open_job),
    };
    return cmocka_run_group_tests_name("formats_flush", tests, NULL, NULL);
}
