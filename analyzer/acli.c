/* acli.c — see acli.h. */
#include "analyzer/acli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/cli.h"

ExitCode acli_load(const char *cmd, const char *path, Model *m) {
    model_init(m);
    char *err = NULL, *warning = NULL;
    ModelLoadStatus st = model_load(m, path, &err, &warning);
    if (warning) {
        fprintf(stderr, "%s\n", warning);
        free(warning);
    }
    if (st == MODEL_LOAD_OK)
        return EXIT_OK;
    if (st == MODEL_LOAD_IO)
        fprintf(stderr, "trace %s: %s\n", cmd, err ? err : "cannot read the trace");
    else
        fprintf(stderr, "%s\n", err ? err : "invalid trace");
    free(err);
    model_fini(m);
    return st == MODEL_LOAD_IO ? EXIT_IO : EXIT_FAIL;
}

static bool is_stdout(const char *out_path) {
    return !out_path || strcmp(out_path, "-") == 0;
}

ExitCode acli_check_output(const char *cmd, const char *out_path, bool binary) {
    if (binary && is_stdout(out_path) && isatty(STDOUT_FILENO))
        return (ExitCode)cli_usage_error(
            cmd, "not writing binary output to a terminal: use -o FILE or redirect stdout");
    return EXIT_OK;
}

ExitCode acli_write(const char *cmd, const char *out_path, const char *data, size_t len) {
    if (is_stdout(out_path)) {
        /* main.c checks fflush/ferror/fclose on stdout at exit. */
        if (fwrite(data, 1, len, stdout) != len) {
            fprintf(stderr, "trace %s: cannot write standard output: %s\n", cmd, strerror(errno));
            return EXIT_IO;
        }
        return EXIT_OK;
    }
    FILE *f = fopen(out_path, "wb");
    if (!f) {
        fprintf(stderr, "trace %s: cannot write %s: %s\n", cmd, out_path, strerror(errno));
        return EXIT_IO;
    }
    bool ok = fwrite(data, 1, len, f) == len;
    int saved = errno;
    if (fclose(f) != 0 && ok) {
        ok = false;
        saved = errno;
    }
    if (!ok) {
        fprintf(stderr, "trace %s: cannot write %s: %s\n", cmd, out_path, strerror(saved));
        return EXIT_IO;
    }
    return EXIT_OK;
}
