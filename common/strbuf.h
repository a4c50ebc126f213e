/* strbuf.h — a growable byte buffer, always NUL-terminated, owned by its user
 * (strbuf_init/strbuf_fini). Used for building output text, escaped strings and file
 * contents. Memory comes from xrealloc, so growing never fails (see util.h). */
#ifndef TICKSCOPE_STRBUF_H
#define TICKSCOPE_STRBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "common/util.h"

typedef struct {
    char *data; /* NUL-terminated; never NULL after strbuf_init */
    size_t len;
    size_t cap;
} StrBuf;

void strbuf_init(StrBuf *sb);
void strbuf_fini(StrBuf *sb);
void strbuf_clear(StrBuf *sb);
void strbuf_reserve(StrBuf *sb, size_t extra);
void strbuf_putc(StrBuf *sb, char c);
void strbuf_put(StrBuf *sb, const char *s, size_t n);
void strbuf_puts(StrBuf *sb, const char *s);
void strbuf_printf(StrBuf *sb, const char *fmt, ...) PRINTF_LIKE(2, 3);
/* Hand the buffer to the caller (who frees it with free). sb is left empty but still
 * owns a fresh small buffer: it can be reused, and still needs strbuf_fini. */
char *strbuf_take(StrBuf *sb, size_t *len_out);
/* Read a whole file; false (errno set) when it cannot be opened or read. */
bool strbuf_read_file(StrBuf *sb, const char *path) WARN_UNUSED;

#endif
