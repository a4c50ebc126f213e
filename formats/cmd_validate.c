/* cmd_validate.c — `trace validate FILE`: check a trace against formats/SPEC.md and
 * report the first problem as FILE:LINE:COL: message (trace_validate.h does the work).
 * Exit 0 valid, 1 invalid, 2 usage, 3 unreadable. FILE may be `-` for stdin.
 *
 * Hidden, for the test suites only (not in help): `trace validate --generate SEED N`
 * writes a random valid trace of N events and an exit event to stdout (trace_gen.h),
 * so that tests/e2e/validate.sh can feed fresh traces from the binary under test to an
 * independent YAML reader. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/cli.h"
#include "common/commands.h"
#include "common/util.h"
#include "formats/trace_gen.h"
#include "formats/trace_validate.h"
#include "formats/trace_writer.h"

static void print_warning(void *ctx, const char *message) {
    (void)ctx;
    fprintf(stderr, "%s\n", message);
}

static bool parse_u64(const char *s, uint64_t *out) {
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (!*s || *end || errno || s[0] == '-')
        return false;
    *out = v;
    return true;
}

static int generate(int argc, char **argv) {
    uint64_t seed, count;
    if (argc != 4 || !parse_u64(argv[2], &seed) || !parse_u64(argv[3], &count))
        return cli_usage_error("validate", "--generate needs SEED and COUNT");
    TfGen *g = tf_gen_new(seed);
    TraceHeader h;
    tf_gen_header(g, &h);
    TfWriter *w = tf_writer_open(stdout, &h);
    tf_writer_set_autoflush(w, false);
    TraceEvent *ev = xmalloc(sizeof *ev);
    for (uint64_t i = 0; i < count; i++) {
        tf_gen_next(g, ev);
        tf_write_event(w, ev);
    }
    tf_gen_exit(g, ev);
    tf_write_event(w, ev);
    free(ev);
    int err = tf_writer_close(w);
    tf_gen_free(g);
    if (err) {
        fprintf(stderr, "trace validate: writing the trace: %s\n", strerror(err));
        return EXIT_IO;
    }
    return EXIT_OK;
}

int cmd_validate(int argc, char **argv) {
    if (argc >= 2 && strcmp(argv[1], "--generate") == 0)
        return generate(argc, argv);
    const char *path = NULL;
    bool dashdash = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!dashdash && strcmp(a, "--") == 0) {
            dashdash = true;
        } else if (!dashdash && a[0] == '-' && a[1]) {
            return cli_usage_error("validate", "unknown option '%s'", a);
        } else if (path) {
            return cli_usage_error("validate", "one trace file at a time");
        } else {
            path = a;
        }
    }
    if (!path)
        return cli_usage_error("validate", "which trace file?");

    bool is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "trace validate: cannot open %s: %s\n", path, strerror(errno));
        return EXIT_IO;
    }
    TfValidation v;
    tf_validate_stream(f, is_stdin ? "<stdin>" : path, print_warning, NULL, &v);
    if (!is_stdin)
        fclose(f);
    int code = v.code;
    if (v.message) {
        fprintf(stderr, "%s\n", v.message);
    } else {
        printf("%s: valid (%s %u.%u, %llu event%s%s)\n", is_stdin ? "<stdin>" : path,
               TF_FORMAT_NAME, v.major, v.minor, (unsigned long long)v.events,
               v.events == 1 ? "" : "s", v.truncated ? "; truncated last line ignored" : "");
    }
    tf_validation_fini(&v);
    return code;
}
