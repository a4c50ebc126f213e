/* util.c — see util.h. */
#include "common/util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void (*fatal_hook)(const char *message);

void util_on_fatal(void (*hook)(const char *message)) {
    fatal_hook = hook;
}

static NORETURN void fatal_exit(ExitCode code, const char *message) {
    void (*hook)(const char *) = fatal_hook;
    fatal_hook = NULL; /* a failure inside the hook must not recurse */
    if (hook)
        hook(message);
    fprintf(stderr, "trace: %s\n", message);
    fflush(stdout);
    exit(code);
}

static NORETURN void out_of_memory(size_t n) {
    char msg[96];
    snprintf(msg, sizeof msg, "out of memory (allocating %zu bytes)", n);
    fatal_exit(EXIT_NOMEM, msg);
}

void *xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p)
        out_of_memory(n);
    return p;
}

void *xcalloc(size_t count, size_t size) {
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        out_of_memory(count * size);
    return p;
}

void *xrealloc(void *p, size_t n) {
    void *q = realloc(p, n ? n : 1);
    if (!q)
        out_of_memory(n);
    return q;
}

char *xstrdup(const char *s) {
    return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n) {
    char *d = xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

static void vformat(char *buf, size_t cap, const char *fmt, va_list ap) {
    vsnprintf(buf, cap, fmt, ap);
}

void die(ExitCode code, const char *fmt, ...) {
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vformat(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fatal_exit(code, msg);
}

void die_errno(ExitCode code, const char *fmt, ...) {
    int saved = errno;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vformat(msg, sizeof msg, fmt, ap);
    va_end(ap);
    size_t len = strlen(msg);
    snprintf(msg + len, sizeof msg - len, ": %s", strerror(saved));
    fatal_exit(code, msg);
}

void warn_msg(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("trace: warning: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}
