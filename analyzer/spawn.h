/* spawn.h — running this very executable as a child process, for `trace diff --spec
 * es2017,es2019 FILE.js`, which records the two traces with `trace run` before diffing
 * them. The analyzer never links the interpreter (DESIGN): it runs the `trace` binary it
 * is part of (/proc/self/exe) as a separate process, so a crash or a runaway program
 * stays in the child. The child's stdout (the program's console output, since the trace
 * goes to -o) is discarded; its stderr is captured for the caller to report. Temporary
 * trace files are made with spawn_temp_path and removed by the caller. */
#ifndef TICKSCOPE_SPAWN_H
#define TICKSCOPE_SPAWN_H

#include <stdbool.h>

#include "common/strbuf.h"
#include "common/util.h"

typedef struct {
    int status;    /* the child's exit status; 128 + N when killed by signal N */
    bool signaled; /* it was killed by a signal */
    StrBuf err;    /* what it wrote on stderr (the caller finis it) */
} SpawnResult;

/* Run /proc/self/exe with args (a NULL-terminated list; args[0] is the subcommand, e.g.
 * "run") and wait for it. On success returns true and fills *res (strbuf_init'ed here).
 * Returns false, with *err set to a message the caller frees, when the child could not
 * be started at all (no /proc/self/exe, fork failed). */
bool spawn_self(const char *const *args, SpawnResult *res, char **err) WARN_UNUSED;

/* A new empty file in $TMPDIR (or /tmp) named "tickscope-TAG-XXXXXX.yaml"; returns its
 * path (the caller frees it and removes the file), or NULL with errno set. */
char *spawn_temp_path(const char *tag);

#endif
