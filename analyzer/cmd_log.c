/* cmd_log.c — `trace log TRACE`: the program's console output replayed exactly as the
 * run printed it: each log event's text, then a newline unless the event says
 * `newline: false`; stream out to stdout and err to stderr. stdout is flushed whenever
 * the stream changes, so the two interleave as they did when both reach one terminal. */
#include <stdio.h>
#include <string.h>

#include "analyzer/acli.h"
#include "analyzer/model.h"
#include "common/cli.h"
#include "common/commands.h"
#include "common/util.h"

int cmd_log(int argc, char **argv) {
    const char *path = NULL;
    bool options_done = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!options_done && strcmp(a, "--") == 0) {
            options_done = true;
        } else if (!options_done && a[0] == '-' && a[1]) {
            return cli_usage_error("log", "unknown option '%s'", a);
        } else if (path) {
            return cli_usage_error("log", "one trace file only (got '%s' too)", a);
        } else {
            path = a;
        }
    }
    if (!path)
        return cli_usage_error("log", "no trace file given");

    Model m;
    ExitCode rc = acli_load("log", path, &m);
    if (rc != EXIT_OK)
        return rc;
    FILE *prev = NULL;
    for (uint32_t i = 0; i < m.nlogs && rc == EXIT_OK; i++) {
        const MLog *l = &m.logs[i];
        FILE *f = l->is_err ? stderr : stdout;
        if (prev && prev != f)
            fflush(prev);
        prev = f;
        size_t len;
        const char *text = model_log_text(&m, l, &len);
        if (fwrite(text, 1, len, f) != len || (l->newline && fputc('\n', f) == EOF))
            rc = EXIT_IO;
    }
    if (rc != EXIT_OK)
        fprintf(stderr, "trace log: cannot write the output\n");
    model_fini(&m);
    return rc;
}
