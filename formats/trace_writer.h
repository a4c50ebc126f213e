/* trace_writer.h — writes a trace (formats/SPEC.md) as the program runs: the header
 * document, `---`, then one event per line as a YAML flow mapping, flushed at every job
 * boundary (`done`) and at `error`, `limit` and `exit`, so that a killed run leaves a
 * readable prefix (whole jobs, and at worst a cut last line, which the reader drops
 * with a warning) without a write call per event. The writer assigns `seq` (1, 2,
 * 3, ...) and writes each event's fields in the order events.def lists them, whatever
 * order the caller gives them in, so the same run gives byte-identical traces.
 *
 * Emitting one event (the interpreter's usual path):
 *     tf_begin(w, EV_ENQUEUE);
 *     tf_field_uint(w, TFF_job, job->id);
 *     tf_field_enum(w, TFF_kind, TFV_JOB_KIND_PROMISE_REACTION);
 *     tf_field_enum(w, TFF_queue, TFV_QUEUE_MICROTASK);
 *     tf_field_uint(w, TFF_by, vm->running_job);
 *     tf_field_loc(w, TFF_handler, "a.js", 9, 7);
 *     tf_end(w);
 * Strings are copied at once; the caller's buffers may change right after the call.
 * Misuse (a field the event kind does not have, a wrong type, a field given twice, a
 * required field missing at tf_end, an id of 0, an enum value of another set) is a bug
 * in the caller and fails an assert.
 *
 * Buffering: on a FILE with a file descriptor (a file, a pipe, stdout) the writer keeps
 * finished lines in its own buffer and writes them with write(2) at the flush points
 * above (and when the buffer fills, always at a line end), bypassing the FILE's buffer:
 * so the caller must not write to that FILE while the writer is open, and a signal
 * handler can save what is buffered (tf_writer_flush_async_safe). Without a descriptor
 * (open_memstream) each line goes to stdio at once, flushed at the same points.
 *
 * I/O errors are sticky: after the first failed write or flush nothing more is
 * written, tf_end returns 0 and tf_writer_error() returns the errno. The FILE stays the
 * caller's: tf_writer_close() flushes and frees the writer but does not fclose. */
#ifndef TICKSCOPE_TRACE_WRITER_H
#define TICKSCOPE_TRACE_WRITER_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "formats/trace_event.h"

typedef struct TfWriter TfWriter;

/* Write the header document from h and the `---` that starts the events document, then
 * flush. format, version and (when NULL) clock are filled in by the writer; program,
 * spec, host and engine are required. Never returns NULL (memory comes from xmalloc);
 * check tf_writer_error() for a failed write. */
TfWriter *tf_writer_open(FILE *f, const TraceHeader *h);

/* Flush at job boundaries and fatal events (the default: a killed run leaves whole
 * jobs) or only when stdio's buffer fills and at close (for tools and tests). */
void tf_writer_set_autoflush(TfWriter *w, bool on);

/* Start an event of kind k; no other event may be open. */
void tf_begin(TfWriter *w, TfEventKind k);
/* Set a field of the open event. uint: TFT_ID (v >= 1) and TFT_UINT; str/strn: TFT_STR
 * and TFT_LOC (any bytes; see SPEC.md for what invalid UTF-8 becomes); loc: TFT_LOC as
 * "path:line:col" (line, col >= 1). */
void tf_field_uint(TfWriter *w, TfField f, uint64_t v);
void tf_field_int(TfWriter *w, TfField f, int64_t v);
void tf_field_num(TfWriter *w, TfField f, double v);
void tf_field_bool(TfWriter *w, TfField f, bool v);
void tf_field_str(TfWriter *w, TfField f, const char *s);
void tf_field_strn(TfWriter *w, TfField f, const char *s, size_t n);
void tf_field_loc(TfWriter *w, TfField f, const char *path, uint32_t line, uint32_t col);
void tf_field_enum(TfWriter *w, TfField f, TfEnumValue v);
/* Write the open event as one line, flush (autoflush, at a boundary), and return its
 * seq; 0 when the writer has failed. */
uint64_t tf_end(TfWriter *w);
/* Drop the open event, if any, without writing it (e.g. before writing a fatal error
 * from an out-of-memory hook in the middle of building one). */
void tf_discard(TfWriter *w);

/* Write a whole event record (kind and the present fields; ev->seq is ignored and the
 * writer's next seq is used). Enum fields with TFV_UNKNOWN write their text. Returns
 * the seq, or 0 when the writer has failed. */
uint64_t tf_write_event(TfWriter *w, const TraceEvent *ev);

/* Write out every finished line now (e.g. from an exit path that will not reach
 * tf_writer_close). An event being built is not written. */
void tf_writer_flush(TfWriter *w);
/* The same from a signal handler: write(2) only, no stdio, no locks, no allocation.
 * Writes nothing when w is NULL, has no descriptor, has failed, or the signal
 * interrupted one of the writer's own write(2) calls (the file is then a prefix of the
 * trace that may end in a cut line: SPEC.md's truncation rule). */
void tf_writer_flush_async_safe(TfWriter *w);

/* The seq of the last event written (0 before the first). */
uint64_t tf_writer_seq(const TfWriter *w);
/* 0, or the errno of the first failed write or flush. */
int tf_writer_error(const TfWriter *w);
/* Flush, free w, and return 0 or the errno of the first failure. */
int tf_writer_close(TfWriter *w);

#endif
