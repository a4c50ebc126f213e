/* cli.c — help texts and usage reporting for the `trace` subcommands (see cli.h).
 * The same facts are in man/trace.1; tests/cli checks that both list every command. */
#include "common/cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const CliHelp help_entries[] = {
    {"run", "run a JavaScript program and write its event trace",
     "trace run [--host node|node10|browser] [--spec latest|es2019..es2025|es2017|es2018|fast-adoption]\n"
     "          [-o FILE] [--max-steps N] [--max-jobs N] [--timeout SECONDS] [--max-heap MB]\n"
     "          [--unhandled-rejections throw|strict|warn|none|warn-with-error-code]\n"
     "          [--module] FILE.js [-- ARGS...]\n",
     "Runs FILE.js in tickscope's instrumented interpreter on a virtual clock and writes the\n"
     "YAML trace (formats/SPEC.md) to stdout, or to FILE with -o. The program's console\n"
     "output goes to stderr while the trace is on stdout; with -o, console.log/info/debug go\n"
     "to stdout and warn/error to stderr, as in node.\n"
     "\n"
     "  --host H        event loop: node (Node.js 20, default), node10, browser\n"
     "  --spec S        Await semantics: latest/es2019..es2025 (PR #1250, default),\n"
     "                  es2017/es2018 (the old 3-tick Await), fast-adoption (EXPERIMENTAL:\n"
     "                  the Stage 1 proposal tc39/proposal-faster-promise-adoption)\n"
     "                  A mode reverts PR #1250 only; later changes (ecma262 #2819\n"
     "                  yield* in async generators, #2600 sync iterator closing) stay\n"
     "                  in every mode: see trace(1)\n"
     "  --module        run as an ES module (the default for .mjs files): strict, top-level\n"
     "                  this undefined, top-level await; import of another file is an error\n"
     "  --unhandled-rejections M  node's modes: throw (node 20's default), strict, warn\n"
     "                  (node 10's default), none, warn-with-error-code\n"
     "  -- ARGS         arguments for the program (process.argv[2..])\n"
     "  -o FILE         write the trace to FILE\n"
     "  --max-steps N   stop after N interpreter steps (exit 4)\n"
     "  --max-jobs N    stop after N jobs (exit 4)\n"
     "  --timeout S     stop after S seconds of real time (exit 4)\n"
     "  --max-heap MB   stop when the heap exceeds MB megabytes (exit 4)\n"
     "\n"
     "Time is virtual: each interpreter step (a call or a loop iteration) costs 1 us, waiting\n"
     "for a timer jumps the clock, so Date.now() busy-waits end and every run of the same\n"
     "program, spec and host writes the same trace, byte for byte. The exit status is the\n"
     "program's (process.exit, process.exitCode; 1 for an uncaught error or a fatal\n"
     "unhandled rejection; 13 for a module whose top-level await never settled).\n"
     "\n"
     "RegExp follows ECMA-262 2024 with Annex B and the legacy RegExp.$1-$9 statics (flags\n"
     "dgimsuvy; v has class set notation and \\q{...} but not the properties of strings;\n"
     "\\p{...} knows General_Category, Script, Script_Extensions and the binary properties).\n"
     "A long match costs one step per 1024 backtracking steps, so --max-steps and\n"
     "--timeout stop a catastrophic pattern.\n"},
    {"log", "replay the console output recorded in a trace", "trace log TRACE\n",
     "Prints the program's console output exactly as the run printed it: stream out to\n"
     "stdout, stream err to stderr.\n"},
    {"graph", "render the causality graph (which job enqueued which)",
     "trace graph TRACE [-T dot|svg|png|pdf] [-o FILE] [--max-nodes N] [--focus TEXT]\n"
     "            [--kinds K,...] [--from N|tick:N|seq:N] [--to N|tick:N|seq:N]\n"
     "            [--promises] [--activations]\n",
     "The causality graph: one node per job (kind, handler and location, the lines it\n"
     "printed, its tick), coloured by queue; an edge from each job to the jobs it enqueued,\n"
     "coloured and styled by reason (await and thenable adoption dashed). A timer callback\n"
     "hangs from the job that armed the timer. Laid out and rendered in-process with\n"
     "Graphviz.\n"
     "\n"
     "  -T FORMAT       dot, svg, png or pdf; default: the extension of -o, else dot.\n"
     "                  -T dot writes the graph before layout (machine-independent).\n"
     "  -o FILE         output file (default stdout; png/pdf are refused on a terminal)\n"
     "  --kinds K,...   keep jobs of these kinds or queues (e.g. PromiseReactionJob,timer)\n"
     "  --from/--to X   keep ticks from/to X (or seq:N for event numbers)\n"
     "  --focus TEXT    keep the ancestors and descendants of the jobs that printed TEXT;\n"
     "                  exit 1 when no output line matches\n"
     "  --max-nodes N   fold silent chains and repeated subtrees, then cut in run order;\n"
     "                  pictures default to 500 nodes\n"
     "  --promises      add promise nodes: created by, settled by, adopted thenable, and\n"
     "                  the jobs that ran their reactions\n"
     "  --activations   cluster the jobs that resumed each async function; dotted\n"
     "                  suspend->resume edges; a red node where an await never resumed\n"
     "Jobs hidden by a filter are bridged by a dotted \"via N jobs\" edge. TRACE may be -\n"
     "for stdin.\n"},
    {"timeline", "render the queues as lanes of jobs over virtual time",
     "trace timeline TRACE [-T svg|png|pdf] [-o FILE]\n",
     "Lanes for the script, nextTick, microtask, task, timer, immediate, close-callback and\n"
     "rendering queues; job boxes in run order, grouped into macrotask turns and labelled\n"
     "with their output; arrows for the enqueued-by edges coloured by reason; the virtual\n"
     "clock on an axis. Only jobs that ran are drawn. The format defaults to svg or the\n"
     "extension of -o; png and pdf are the same picture drawn by Graphviz.\n"},
    {"diff", "compare two traces (spec modes, hosts) job by job",
     "trace diff A.yaml B.yaml [--json | -T svg|png|pdf] [-o FILE] [--no-color|--color]\n"
     "           [-U N] [--exit-code]\n"
     "trace diff --spec X,Y [--host H] [--max-steps N ...] FILE.js [output options]\n"
     "trace diff --host X,Y [--spec S] [--max-steps N ...] FILE.js [output options]\n",
     "Aligns the jobs of two traces by identity (kind, handler location, occurrence in run\n"
     "order) and their output lines by text, and reports like a unified diff: the lines that\n"
     "moved (tick shift, the lines they jumped over, the causal chain of each in both\n"
     "traces), lines and jobs present in one trace only (with why each job was enqueued), and\n"
     "jobs that ran at another tick, turn, queue or time. Colour on a terminal unless NO_COLOR\n"
     "is set.\n"
     "\n"
     "  --spec X,Y     record FILE.js under two spec modes with `trace run`, then diff them\n"
     "  --host X,Y     the same with two hosts; the other option, with one value, applies to both\n"
     "  --max-steps N, --max-jobs N, --timeout S, --max-heap MB   passed on to `trace run`\n"
     "  --json         the comparison as JSON (schema: analyzer/README.md)\n"
     "  -T FORMAT      svg, png or pdf: both timelines stacked, differing jobs highlighted;\n"
     "                 default: the extension of -o, else text\n"
     "  -o FILE        write to FILE instead of stdout\n"
     "  -U N           lines of context around each change (default 3)\n"
     "  --color, --no-color   force colour on or off\n"
     "  --exit-code    exit 1 when the traces differ\n"
     "A failing `trace run` is reported and diff exits with its status; a run whose program\n"
     "threw (status 1) still leaves a trace, which is diffed after a warning.\n"},
    {"why", "explain why one output line came before another",
     "trace why TRACE \"LINE A\" [\"LINE B\"]\n",
     "Prints the causal chain of each output line, from the script down to the job that\n"
     "printed it: each job's kind, handler, turn, tick and queue, and why it was enqueued.\n"
     "With two lines, says where the chains split and which event-loop rule put the earlier\n"
     "line first (same job, ancestor, earlier turn, task first, enqueued later, FIFO, queue\n"
     "order). A line is #N (output lines numbered as `trace log 2>&1` prints them) or its\n"
     "text: the line equal to it, else the one containing it. A text matching several lines\n"
     "is an error that lists them with their numbers. Exit 1 when a line is not in the trace.\n"},
    {"stats", "summarise a trace: jobs per kind and queue, ticks, chains, leaks",
     "trace stats TRACE\n",
     "Jobs per kind and queue (with peak queue lengths), ticks, macrotask turns, the longest\n"
     "causal chain, promises created and settled and the ones never settled (where created,\n"
     "which reactions wait on them), activations suspended and never resumed (where called,\n"
     "where they wait, on which promise), timers, errors, output lines.\n"},
    {"export", "convert a trace to another format (Chrome trace event JSON)",
     "trace export [--format chrome] TRACE [-o FILE]\n",
     "Writes Chrome trace event JSON that Perfetto (ui.perfetto.dev) and chrome://tracing\n"
     "open: one slice per job on a thread per queue, flow arrows from each job to the jobs it\n"
     "enqueued, output lines as instant events. Timestamps are the virtual clock in\n"
     "microseconds, stretched so that jobs never overlap. chrome is the only format and the\n"
     "default. TRACE may be - for stdin.\n"},
    {"validate", "check a trace file against formats/SPEC.md", "trace validate FILE|-\n",
     "Checks YAML syntax, the header, every event's fields and types, that ids refer to\n"
     "earlier events and that seq strictly increases. Prints the first problem as\n"
     "FILE:LINE:COL: message; FILE - reads stdin. Exit 0 when valid, 1 when not, 3 when\n"
     "FILE cannot be read.\n"
     "A truncated last line (a run that was killed) is a warning, not an error.\n"},
    {"help", "show help for trace or one of its subcommands", "trace help [SUBCOMMAND]\n",
     "Exit codes of every subcommand:\n"
     "  0  success           1  program error, SyntaxError, invalid trace, line not found\n"
     "  2  usage error       3  file could not be read or written\n"
     "  4  a limit stopped the run (--max-steps, --max-jobs, --timeout, --max-heap)\n"
     "  5  out of memory    70  internal error\n"},
};

const CliHelp *cli_help_find(const char *name) {
    for (size_t i = 0; i < ARRAY_LEN(help_entries); i++)
        if (strcmp(help_entries[i].name, name) == 0)
            return &help_entries[i];
    return NULL;
}

const CliHelp *cli_help_all(int *count) {
    *count = (int)ARRAY_LEN(help_entries);
    return help_entries;
}

static void print_usage_lines(FILE *f, const char *usage) {
    fputs("usage: ", f);
    for (const char *p = usage; *p; p++) {
        fputc(*p, f);
        if (*p == '\n' && p[1])
            fputs("       ", f);
    }
}

void cli_print_help(const CliHelp *h) {
    print_usage_lines(stdout, h->usage);
    printf("\n%s — %s\n\n%s", h->name, h->summary, h->details);
}

int cli_usage_error(const char *name, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "trace %s: ", name);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    const CliHelp *h = cli_help_find(name);
    if (h)
        print_usage_lines(stderr, h->usage);
    return EXIT_USAGE;
}

bool cli_wants_help(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            return false;
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
            return true;
    }
    return false;
}
