/* chrome.h — a loaded trace as Chrome trace event JSON (the "JSON Object Format" of the
 * Trace Event Format document), which Perfetto (ui.perfetto.dev) and chrome://tracing
 * open. The mapping:
 *
 *   process   one (pid 1), named after the program, spec mode and host (metadata "M"
 *             events process_name, and process_labels);
 *   threads   one per queue that has jobs (tid = the QueueKind's position + 1, so
 *             script, nextTick, microtask, task, timer, ... in that order), named by
 *             thread_name and ordered by thread_sort_index metadata;
 *   jobs      one complete event ("ph": "X") per job that ran, on its queue's thread,
 *             named "Kind #id", category the queue, with args: id, kind, fn, handler,
 *             reason, tick, turn, virtual start time, enqueued_by and its output lines;
 *   output    an instant event ("ph": "i", thread scope) per output line, at its job;
 *   causality a flow ("ph": "s" at the enqueuing job, "ph": "f" with "bp": "e" at the
 *             enqueued one, same "id" = the enqueued job's id, category "enqueue",
 *             each in the middle of its job's slice so that it binds to that slice)
 *             for every job with a parent that ran, so the viewers draw arrows.
 *
 * Time. Chrome timestamps are microseconds. A job starts at max(its virtual start time
 * in µs, the end of the job before it), and lasts its virtual duration, or when that is
 * zero (microtasks usually take no virtual time) its interpreter steps in µs (done.steps)
 * with a minimum of 1 µs; so jobs never overlap and keep their run order, while the
 * virtual clock stays readable where it advances. The virtual times are in args.
 *
 * Output is compact JSON with one event per line, deterministic, escaped by jsonw.h. */
#ifndef TICKSCOPE_CHROME_H
#define TICKSCOPE_CHROME_H

#include "analyzer/model.h"
#include "common/strbuf.h"

/* Append the Chrome trace JSON document of m to out. */
void chrome_write(const Model *m, StrBuf *out);

#endif
