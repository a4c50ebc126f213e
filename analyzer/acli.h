/* acli.h — what the analyzer's subcommands (cmd_log, cmd_graph, cmd_timeline,
 * cmd_stats, cmd_why, cmd_diff, cmd_export) share on the command line: the -o/-T output policy,
 * loading the trace with its errors mapped to exit codes, and writing a finished document.
 *
 * Output policy: the document goes to -o FILE, or to stdout when there is no -o (or
 * it is "-"). A binary format (png, pdf) is never written to a terminal: without -o,
 * stdout must be redirected, else it is a usage error (exit 2). A document is built
 * in memory first and written only when complete, so an error leaves no partial file;
 * a file that cannot be written is exit 3. */
#ifndef TICKSCOPE_ACLI_H
#define TICKSCOPE_ACLI_H

#include <stdbool.h>
#include <stddef.h>

#include "analyzer/model.h"
#include "common/util.h"

/* Load the trace at path into m (model_init'ed by this call). On failure prints the
 * error ("FILE:LINE:COL: message" for a bad trace, "trace CMD: cannot read FILE: ..."
 * when unreadable) and returns EXIT_FAIL or EXIT_IO, with m already finalized.
 * Warnings (a truncated last line) are printed and loading succeeds. */
ExitCode acli_load(const char *cmd, const char *path, Model *m) WARN_UNUSED;

/* Check that a document of this kind may go where -o says (NULL: stdout). Returns
 * EXIT_OK, or prints the usage error and returns EXIT_USAGE. */
ExitCode acli_check_output(const char *cmd, const char *out_path, bool binary) WARN_UNUSED;

/* Write data to out_path (NULL or "-": stdout). Returns EXIT_OK or, after printing
 * "trace CMD: cannot write FILE: reason", EXIT_IO. */
ExitCode acli_write(const char *cmd, const char *out_path, const char *data,
                    size_t len) WARN_UNUSED;

#endif
