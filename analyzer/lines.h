/* lines.h — a trace's console output as numbered lines, as `trace log 2>&1` shows it:
 * every log event's text in trace order, with the newline the event implies, split at
 * newlines. A log without `newline` (process.stdout.write("a")) leaves its line open, and
 * the next log on the same stream continues it. Each line has its 1-based number (its
 * index + 1), its stream, the job that printed it (the job of the log that began the
 * line; MODEL_NONE for a host message) and that log's call site. `trace why` finds lines
 * here by text or #N, and `trace diff` aligns the lines of two traces.
 *
 * An OutputLines is caller storage: lines_init builds it from a loaded Model (O(output
 * size)), lines_fini frees it. It copies the text into its own arena, so it stays valid
 * as long as the Model's indices do. */
#ifndef TICKSCOPE_LINES_H
#define TICKSCOPE_LINES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "analyzer/model.h"
#include "common/strbuf.h"

typedef struct {
    size_t text, len; /* in OutputLines.text; no newline */
    uint32_t job;     /* index of the job that printed it, or MODEL_NONE */
    uint32_t log;     /* index of the log event that began it */
    bool is_err;      /* printed on stderr */
} OutputLine;

typedef struct {
    OutputLine *v; /* in output order */
    uint32_t n, cap;
    char *text; /* every line's bytes back to back, each followed by a NUL */
    size_t text_len, text_cap;
} OutputLines;

void lines_init(OutputLines *ls, const Model *m);
void lines_fini(OutputLines *ls);

/* The bytes of line i (NUL-terminated, but it may also contain NULs: use *len). */
const char *lines_text(const OutputLines *ls, uint32_t i, size_t *len);

typedef enum {
    LINES_FOUND,     /* *out is the line */
    LINES_NONE,      /* no line matches */
    LINES_AMBIGUOUS, /* several lines match: cands[] lists the first of them */
    LINES_NO_NUMBER, /* #N with N = 0 or past the last line */
} LinesMatch;

/* Find the line a user names: "#N" is output line N (1-based; a query of that form is
 * always a number); otherwise the one line whose text equals query, else the one line
 * that contains it; when none does, the same two tries with every Unicode space (U+00A0
 * NO-BREAK SPACE, U+2000-200A, U+3000..., a tab) taken as a plain space in both the query
 * and the lines. When several lines match (the same text printed twice, or a
 * substring of several lines), the match is ambiguous: up to max_cands of the candidates
 * go to cands[] in output order and *ncands receives how many there are in all. */
LinesMatch lines_find(const OutputLines *ls, const char *query, uint32_t *out, uint32_t *cands,
                      uint32_t max_cands, uint32_t *ncands);

/* Append s[0..n) between double quotes, with " and \ escaped and control characters
 * (and DEL) as \n, \t, \xNN, so that a line of program output shows as one line of
 * our text output. Other bytes are copied as they are. */
void lines_put_quoted(StrBuf *sb, const char *s, size_t n);

#endif
