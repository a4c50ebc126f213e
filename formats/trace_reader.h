/* trace_reader.h — reads a trace (formats/SPEC.md) as a stream: the header, then one
 * event at a time, in constant memory per event (libyaml's event parser; this module
 * is the only one that includes <yaml.h> for reading, STYLE R19).
 *
 *     TfReader *r = tf_reader_open(f, "out.yaml", NULL);
 *     const TraceHeader *h;
 *     const TraceEvent *ev;
 *     TfReadStatus st = tf_reader_header(r, &h);
 *     while (st == TF_READ_OK && (st = tf_reader_next(r, &ev)) == TF_READ_OK)
 *         ... ev->kind, ev->seq, tf_get_u(ev, TFF_job), tf_get_s(ev, TFF_text) ...
 *     if (st != TF_READ_END) fprintf(stderr, "%s\n", tf_reader_error(r));
 *     tf_reader_free(r);
 *
 * Every event delivered has the right types, its required fields and nothing else
 * (per events.def); enum fields carry their TFV_ value. What the reader does NOT check
 * is the relation between events (ids, seq order, job states): trace_validate.h does.
 *
 * Problems are reported as "FILE:LINE:COL: message" (1-based; columns count
 * characters), from libyaml's problem and context marks for YAML syntax errors:
 *     out.yaml:3:1: did not find expected ',' or '}' (while parsing a flow mapping at 2:3)
 * A last line cut short by a killed run (the file does not end with a newline and the
 * only problem is on that line) is not an error: a warning is given, the events before
 * it are delivered and the reader ends with TF_READ_END (tf_reader_truncated() is true).
 *
 * Unknown names (event kinds, fields, header keys, enum words) are what a newer minor
 * version may add. By default they are skipped (unknown kinds: the whole event; unknown
 * enum words: delivered as TFV_UNKNOWN with their text) with a warning. With `strict`
 * (used by `trace validate`) they are errors when the trace claims a version this
 * reader fully knows (1.0 here) and warnings when it is a newer 1.x. */
#ifndef TICKSCOPE_TRACE_READER_H
#define TICKSCOPE_TRACE_READER_H

#include <stdbool.h>
#include <stdio.h>

#include "formats/trace_event.h"

typedef struct TfReader TfReader;

typedef struct {
    bool strict;
    /* Receives each warning as "FILE:LINE:COL: warning: message"; NULL drops them. */
    void (*warn)(void *ctx, const char *message);
    void *warn_ctx;
} TfReaderOptions;

typedef enum {
    TF_READ_OK = 1,       /* a header or an event was delivered */
    TF_READ_END = 0,      /* no more events */
    TF_READ_INVALID = -1, /* malformed trace: see tf_reader_error() */
    TF_READ_IO = -2       /* the file could not be read: see tf_reader_error() */
} TfReadStatus;

/* Read from f (not owned; not closed). name is used in messages (copied). opt may be
 * NULL for the defaults (not strict, warnings dropped). Never returns NULL. */
TfReader *tf_reader_open(FILE *f, const char *name, const TfReaderOptions *opt);

/* Read the header document. *out stays valid until tf_reader_free. Calling it again
 * returns the same header; tf_reader_next calls it first when needed. */
TfReadStatus tf_reader_header(TfReader *r, const TraceHeader **out);

/* Read the next event. *out (and every string in it) is valid until the next call to
 * tf_reader_next or tf_reader_free. After an error or the end, keeps returning the same
 * status. */
TfReadStatus tf_reader_next(TfReader *r, const TraceEvent **out);

/* After TF_READ_INVALID or TF_READ_IO: "FILE:LINE:COL: message" (or "FILE: message"
 * when there is no position), and that position (0:0 when none). */
const char *tf_reader_error(const TfReader *r);
TfPos tf_reader_error_pos(const TfReader *r);

/* True when the reader ended at a cut-off last line (a warning was given). */
bool tf_reader_truncated(const TfReader *r);

void tf_reader_free(TfReader *r);

#endif
