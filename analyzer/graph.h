/* graph.h — the causality graph of a loaded trace: which job enqueued which. Builds a
 * GvGraph (render_gv.h) from a Model: one node per job, labelled with its kind, handler
 * and location, the lines it printed and its tick, coloured by queue; one edge from
 * each job to every job it enqueued, coloured and dashed by reason.
 *
 * Because every job has at most one enqueuer, the graph is a forest, and enqueue order
 * is a topological order (a parent is enqueued before its children); every filter
 * below is therefore one or two linear passes.
 *  - kinds: keep jobs whose kind or queue name is in the list;
 *  - from/to: keep jobs that ran within a tick or seq range;
 *  - focus: keep the jobs whose output contains a text, their ancestors and descendants.
 * A job kept whose enqueuer was filtered out hangs from its nearest kept ancestor with a
 * dashed grey edge labelled "via N jobs". Then, if more than max_nodes nodes remain:
 * chains of silent jobs are folded into one node with a count, runs of identical
 * sibling subtrees are folded into their first with "×N", and as a last resort only the
 * first jobs in run order are kept with one node counting the rest.
 *
 * Promises and activations (optional layers over the shown jobs):
 *  - promises: an ellipse per promise that touches a shown job (label: id, origin,
 *    where it was created, its final state, and its reactions that never ran), with a
 *    grey dotted edge from the job that created it, a green (fulfils) or red (rejects)
 *    edge from the job that settled it, an orange dashed "adopts" edge to the thenable it
 *    was locked in to, and a blue dashed edge to each job that ran one of its reactions
 *    ("then" or "await"). With max_nodes, at most max_nodes promise nodes are drawn, in
 *    creation order, and a note counts the rest.
 *  - activations: a cluster per async activation (or generator) that suspended at least
 *    once, labelled with its function, where it was called and by which job, holding the
 *    jobs that resumed it after an await; a purple dotted edge from the job where it
 *    suspended to the job where it resumed, labelled with the await (or yield) location;
 *    and, for one that never resumed, a red dashed node in its cluster saying where it
 *    is stuck and on which promise. */
#ifndef TICKSCOPE_GRAPH_H
#define TICKSCOPE_GRAPH_H

#include <stdbool.h>
#include <stdint.h>

#include "analyzer/model.h"
#include "analyzer/render_gv.h"

typedef struct {
    bool set;
    bool is_seq; /* "seq:N"; otherwise a tick ("N" or "tick:N") */
    uint64_t value;
} GraphBound;

typedef struct {
    const char *kinds; /* comma-separated kinds or queue names, or NULL for all */
    GraphBound from, to;
    const char *focus;  /* NULL for none */
    uint32_t max_nodes; /* 0 for no limit */
    bool promises;      /* add promise nodes (graph.h, "Promises and activations") */
    bool activations;   /* add a cluster per async activation */
} GraphOptions;

/* Parse "N", "tick:N" or "seq:N". False when s is none of these. */
bool graph_parse_bound(const char *s, GraphBound *out);

/* The graph for m under o; never NULL (an empty graph says so in a note node). The
 * caller frees it with gv_graph_free. *nodes_out (if not NULL) receives the number
 * of jobs kept before folding, so a command can report an empty --focus. */
GvGraph *graph_build(const Model *m, const GraphOptions *o, uint32_t *jobs_kept);

#endif
