/* main.c — the `trace` command: a table of subcommands (git's cmd_struct) and the
 * dispatch. Each cmd_* lives in its module (tracer/cmd_run.c, formats/cmd_validate.c,
 * analyzer/cmd_*.c); the help texts live in common/cli.c. A subcommand whose entry has
 * no function yet is listed in help but says it is not implemented and exits 2. */
#include <stdio.h>
#include <string.h>

#include "common/cli.h"
#include "common/util.h"
#include "common/commands.h"

typedef struct {
    const char *name;
    int (*fn)(int argc, char **argv);
} Command;

static const Command commands[] = {
    {"run", cmd_run},      {"log", cmd_log}, {"graph", cmd_graph}, {"timeline", cmd_timeline},
    {"diff", cmd_diff},     {"why", cmd_why},   {"stats", cmd_stats},  {"export", cmd_export},
    {"validate", cmd_validate},
};

static void print_overview(FILE *f) {
    fprintf(f, "usage: trace <command> [options] [args]\n"
               "       trace help <command> | trace --version\n\n"
               "tickscope %s — every tick of the JavaScript event loop.\n\ncommands:\n",
            TICKSCOPE_VERSION);
    int n;
    const CliHelp *all = cli_help_all(&n);
    for (int i = 0; i < n; i++)
        fprintf(f, "  %-10s %s\n", all[i].name, all[i].summary);
    fprintf(f, "\nRun 'trace help <command>' for its options; 'man trace' for the manual.\n");
}

static const Command *find_command(const char *name) {
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

static int cmd_help(int argc, char **argv) {
    if (argc < 2) {
        print_overview(stdout);
        return EXIT_OK;
    }
    const CliHelp *h = cli_help_find(argv[1]);
    if (!h) {
        fprintf(stderr, "trace help: unknown command '%s'\n", argv[1]);
        print_overview(stderr);
        return EXIT_USAGE;
    }
    cli_print_help(h);
    return EXIT_OK;
}

/* Every byte of output must have reached its file: a full disk is an error (git). */
static int finish_stdout(int code) {
    if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
        perror("trace: error writing standard output");
        return code ? code : EXIT_IO;
    }
    return code;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        print_overview(stderr);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "help") == 0)
        return finish_stdout(cmd_help(argc - 1, argv + 1));
    if (strcmp(name, "--version") == 0) {
        printf("trace (tickscope) %s\n", TICKSCOPE_VERSION);
        return finish_stdout(EXIT_OK);
    }
    const Command *cmd = find_command(name);
    if (!cmd) {
        fprintf(stderr, "trace: '%s' is not a trace command. See 'trace help'.\n", name);
        return EXIT_USAGE;
    }
    if (cli_wants_help(argc - 1, argv + 1)) {
        cli_print_help(cli_help_find(name));
        return finish_stdout(EXIT_OK);
    }
    if (!cmd->fn) {
        fprintf(stderr, "trace %s: not implemented yet\n", name);
        return EXIT_USAGE;
    }
    return finish_stdout(cmd->fn(argc - 1, argv + 1));
}
