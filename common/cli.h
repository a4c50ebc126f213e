/* cli.h — the text side of the `trace` command line: one help entry per subcommand
 * (summary line, usage synopsis, full help), and the two ways a subcommand reports
 * misuse. main.c owns the dispatch table; each cmd_* lives in its module's cmd_*.c and
 * uses these helpers so that every subcommand behaves alike: `trace X -h` prints help
 * to stdout and exits 0, misuse prints the usage to stderr and exits 2. */
#ifndef TICKSCOPE_CLI_H
#define TICKSCOPE_CLI_H

#include <stdbool.h>

#include "common/util.h"

#define TICKSCOPE_VERSION "0.1.0"

typedef struct {
    const char *name;
    const char *summary; /* one line, for `trace help` */
    const char *usage;   /* synopsis lines, each starting with "trace " */
    const char *details; /* options and explanation, for `trace help NAME` */
} CliHelp;

/* The help entry of a subcommand, or NULL. */
const CliHelp *cli_help_find(const char *name);
/* All entries, in the order `trace help` lists them; *count receives their number. */
const CliHelp *cli_help_all(int *count);

/* Print the full help of a subcommand to stdout. */
void cli_print_help(const CliHelp *h);
/* "trace NAME: message" and the usage to stderr; returns EXIT_USAGE for `return`. */
int cli_usage_error(const char *name, const char *fmt, ...) PRINTF_LIKE(2, 3);
/* True when argv holds -h or --help as an option (before "--"). */
bool cli_wants_help(int argc, char **argv);

#endif
