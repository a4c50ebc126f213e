/* util.h — process-level services shared by every module: the exit-code table, the
 * out-of-memory policy (the one choke point for non-GC memory, xmalloc and friends),
 * tool/OS error reporting (die, die_errno, warn_msg) and a few attributes.
 * Nothing here knows about JavaScript or about traces. A module that must flush state
 * before the process dies (the trace writer) registers a hook with util_on_fatal(). */
#ifndef TICKSCOPE_UTIL_H
#define TICKSCOPE_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PRINTF_LIKE(fmt, args) __attribute__((format(printf, fmt, args)))
#define WARN_UNUSED __attribute__((warn_unused_result))
#define NORETURN _Noreturn

/* "Cannot happen" conditions that must still not crash a release build (SQLite). */
#define ALWAYS(x) (__builtin_expect(!!(x), 1))
#define NEVER(x) (__builtin_expect(!!(x), 0))

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* The value of the ASCII hex digit c, or -1: the one definition for the lexer's escapes,
 * JSON.parse, RegExp patterns and URI decoding. */
static inline int hex_digit_value(int32_t c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Exit codes of the `trace` command (documented in `trace help` and trace.1). */
typedef enum {
    EXIT_OK = 0,       /* success; `validate`: the trace is valid */
    EXIT_FAIL = 1,     /* the program threw, a SyntaxError, an invalid trace, a line not found */
    EXIT_USAGE = 2,    /* bad command line, or a subcommand not implemented yet */
    EXIT_IO = 3,       /* a file could not be read or written */
    EXIT_LIMIT = 4,    /* --max-steps, --max-jobs, --timeout or --max-heap stopped the run */
    EXIT_NOMEM = 5,    /* the process ran out of memory */
    EXIT_INTERNAL = 70 /* a bug in tickscope (an invariant failed) */
} ExitCode;

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Called once, before exiting, by die() and the out-of-memory path; used by the trace
 * writer to flush what was written and append an error event. */
void util_on_fatal(void (*hook)(const char *message));

/* Print "trace: message" to stderr and exit with code. */
NORETURN void die(ExitCode code, const char *fmt, ...) PRINTF_LIKE(2, 3);
/* The same, with ": strerror(errno)" appended (git style). */
NORETURN void die_errno(ExitCode code, const char *fmt, ...) PRINTF_LIKE(2, 3);
/* Print "trace: warning: message" to stderr. */
void warn_msg(const char *fmt, ...) PRINTF_LIKE(1, 2);

#endif
