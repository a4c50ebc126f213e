/* timeline.h — the timeline picture: one horizontal lane per queue (script/tasks,
 * timers, microtasks, nextTick, immediates, rendering, ...), one box per job in run
 * order along x, grouped into shaded bands by macrotask turn, each box labelled with
 * the job's kind, handler, the lines it printed and its tick; arrows from each job to
 * the jobs it enqueued; the virtual clock on an axis under the lanes.
 *
 * The writer produces SVG text itself (no Graphviz): well-formed XML with every piece of
 * program text escaped by xmlesc.h, integer coordinates, no timestamps or pointers, so
 * the same input gives the same bytes. Each job is one <g class="job" id="..."> with a
 * <title> tooltip holding its full text; long lines are cut with "…" in the box only.
 * A job may carry a mark (a coloured frame and a badge), which `trace diff` uses to
 * highlight the jobs that differ between two traces drawn as stacked panels.
 * The input is a plain description (Timeline) that cmd_timeline.c builds from the
 * model, so this module knows nothing about traces (colours come from palette.h). */
#ifndef TICKSCOPE_TIMELINE_H
#define TICKSCOPE_TIMELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/strbuf.h"

#define TL_NONE UINT32_MAX

typedef struct {
    const char *text; /* one line, without its newline; any bytes */
    size_t len;
    bool is_err; /* printed on stderr */
} TlLine;

typedef struct {
    const char *id;       /* the element id, unique, [A-Za-z0-9_-] (e.g. "job7") */
    uint32_t lane;        /* index into Timeline.lanes */
    uint32_t turn;        /* macrotask turn; jobs of one turn are adjacent */
    uint32_t tick;        /* microtask tick, shown in the box */
    double time;          /* virtual clock when the job started */
    const char *title;    /* first line of the box, e.g. "PromiseReactionJob #7" */
    const char *subtitle; /* second line, e.g. "then a.js:9:7"; may be NULL */
    const TlLine *lines;  /* the job's output */
    uint32_t nlines;
    uint32_t by;           /* index in Timeline.jobs of the job that enqueued it, or TL_NONE */
    const char *edge_kind; /* why: "reaction", "await", "timer", ... (CSS class, and the
                            * arrow's colour from palette.h); may be NULL */
    const char *mark;      /* highlight: space-separated classes among "only", "shifted",
                            * "moved" (drawn as a coloured frame), or NULL */
    const char *badge;     /* a short note above the box ("only in A"), or NULL */
} TlJob;

typedef struct {
    const char *name; /* "microtasks" */
    const char *fill; /* box colours ("#rrggbb"); NULL for a default by lane number */
    const char *border;
} TlLane;

typedef struct {
    const char *title;   /* caption at the top (program, spec, host); may be NULL */
    const TlLane *lanes; /* top to bottom */
    uint32_t nlanes;
    const TlJob *jobs; /* in run order */
    uint32_t njobs;
    const char *time_unit; /* e.g. "ms" */
} Timeline;

/* Append the SVG document for t to out. Jobs whose lane or by is out of range are
 * drawn in no lane / without an arrow rather than rejected. */
void timeline_write_svg(const Timeline *t, StrBuf *out);

/* Append one SVG document with n timelines stacked top to bottom (each with its own
 * caption, lanes and clock), under an overall title; used by `trace diff -T svg` for the
 * two traces. Job ids must be unique across the panels. When any job has a mark, a
 * legend of the marks closes the document. */
void timeline_write_svg_panels(const Timeline *const *panels, uint32_t n, const char *title,
                               StrBuf *out);

#endif
