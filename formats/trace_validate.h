/* trace_validate.h — the rules of formats/SPEC.md that span events, and `trace
 * validate`'s whole check. The reader (trace_reader.h, in strict mode) checks each event
 * on its own: YAML, types, required fields, known names. The checker adds what needs
 * the events before: seq strictly increasing; ids that must be new (an enqueue's job) or
 * must refer to an earlier event (a run's job to an enqueue, a then's promise to a
 * promise event, ...); the life of a job (enqueued → run → done, one job at a time, `by`
 * is the running job); promises settled at most once; activations suspended only when
 * running and resumed only when suspended; the virtual clock never going back; nothing
 * after `exit`. The analyzer may run a TfChecker over its own reading of a trace.
 *
 * Memory: one byte of state per id plus a hash table slot, freed by tf_checker_free. */
#ifndef TICKSCOPE_TRACE_VALIDATE_H
#define TICKSCOPE_TRACE_VALIDATE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "common/strbuf.h"
#include "common/util.h"
#include "formats/trace_event.h"

typedef struct TfChecker TfChecker;

TfChecker *tf_checker_new(void);
void tf_checker_free(TfChecker *c);
/* Check ev against the events given before it and record it. On a problem, returns
 * false, sets *pos and appends the message (without "FILE:LINE:COL: ") to msg; the
 * checker's state is then unspecified (stop there). */
bool tf_checker_event(TfChecker *c, const TraceEvent *ev, TfPos *pos, StrBuf *msg);

typedef struct {
    ExitCode code;     /* EXIT_OK (valid), EXIT_FAIL (invalid), EXIT_IO (unreadable) */
    char *message;     /* the first problem, "FILE:LINE:COL: message"; NULL when valid */
    uint64_t events;   /* events read and checked before the end or the problem */
    bool truncated;    /* a cut-off last line was ignored (a warning was given) */
    unsigned major, minor; /* the trace's format version, when its header was read */
} TfValidation;

/* Validate the trace in f (not closed); name is used in messages. Warnings
 * ("FILE:LINE:COL: warning: ...") go to warn (may be NULL). Fills *out, which
 * tf_validation_fini releases. */
void tf_validate_stream(FILE *f, const char *name, void (*warn)(void *ctx, const char *message),
                        void *warn_ctx, TfValidation *out);
void tf_validation_fini(TfValidation *v);

#endif
