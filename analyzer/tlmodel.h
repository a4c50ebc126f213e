/* tlmodel.h — the timeline (timeline.h) of a loaded trace: one lane per queue that
 * occurs, in the order of the QueueKind table (script first) and then by first
 * appearance; one box per job that ran, in run order, titled "Kind #id", subtitled with
 * its handler, holding its output lines; an arrow from its cause (MJob.parent). Used by
 * `trace timeline` and by `trace diff -T svg`, which marks the jobs that differ.
 *
 * A TlmDoc owns everything its Timeline points to (tlm_build / tlm_free); it reads
 * strings from the Model, which must outlive it. */
#ifndef TICKSCOPE_TLMODEL_H
#define TICKSCOPE_TLMODEL_H

#include "analyzer/model.h"
#include "analyzer/timeline.h"
#include "common/strbuf.h"

typedef struct {
    Timeline t;
    TlLane *lanes;
    TlJob *jobs; /* t.jobs, writable: jobs[r] is the job of run index r */
    TlLine *lines;
    char **strings; /* ids, titles, subtitles, badges */
    uint32_t nstrings, strings_cap;
    char *title;
} TlmDoc;

/* Build the timeline of m. Element ids are id_prefix + "job" + the job id ("job7", or
 * "a-job7" with id_prefix "a-"). */
void tlm_build(const Model *m, const char *id_prefix, TlmDoc *d);
void tlm_free(TlmDoc *d);

/* Move sb's text into the document and return it (for marks and badges); sb is left
 * empty and reusable. */
const char *tlm_keep(TlmDoc *d, StrBuf *sb);

#endif
