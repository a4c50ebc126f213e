/* tlmodel.c — see tlmodel.h. */
#include "analyzer/tlmodel.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/palette.h"
#include "common/util.h"

const char *tlm_keep(TlmDoc *d, StrBuf *sb) {
    if (d->nstrings == d->strings_cap) {
        d->strings_cap = d->strings_cap ? d->strings_cap * 2 : 64;
        d->strings = xrealloc(d->strings, d->strings_cap * sizeof *d->strings);
    }
    char *s = strbuf_take(sb, NULL);
    d->strings[d->nstrings++] = s;
    return s;
}

/* Lanes: one per queue name that occurs among the jobs that ran, in the order of the
 * QueueKind table (script first), then by first appearance. */
static uint32_t *assign_lanes(const Model *m, TlmDoc *d) {
    uint32_t *lane_of = xmalloc((m->njobs ? m->njobs : 1) * sizeof *lane_of);
    uint32_t *names = xmalloc((m->nrun ? m->nrun : 1) * sizeof *names);
    QueueKind *kinds = xmalloc((m->nrun ? m->nrun : 1) * sizeof *kinds);
    uint32_t nlanes = 0;
    for (int q = 0; q < QUEUE__COUNT; q++) {
        for (uint32_t r = 0; r < m->nrun; r++) {
            const MJob *j = &m->jobs[m->run_order[r]];
            if (j->queue != (QueueKind)q)
                continue;
            uint32_t l = 0;
            while (l < nlanes && names[l] != j->queue_name)
                l++;
            if (l == nlanes) {
                names[nlanes] = j->queue_name;
                kinds[nlanes++] = j->queue;
            }
            lane_of[m->run_order[r]] = l;
        }
    }
    d->lanes = xmalloc((nlanes ? nlanes : 1) * sizeof *d->lanes);
    for (uint32_t l = 0; l < nlanes; l++) {
        d->lanes[l].name = kinds[l] == QUEUE_OTHER && names[l] ? model_str(m, names[l])
                                                               : model_queue_lane(kinds[l]);
        d->lanes[l].fill = palette_queue_fill(kinds[l]);
        d->lanes[l].border = palette_queue_border(kinds[l]);
    }
    d->t.lanes = d->lanes;
    d->t.nlanes = nlanes;
    free(kinds);
    free(names);
    return lane_of;
}

void tlm_build(const Model *m, const char *id_prefix, TlmDoc *d) {
    memset(d, 0, sizeof *d);
    uint32_t *lane_of = assign_lanes(m, d);
    uint32_t nlines = 0;
    for (uint32_t r = 0; r < m->nrun; r++)
        nlines += model_job_line_count(m, m->run_order[r]);
    d->jobs = xcalloc(m->nrun ? m->nrun : 1, sizeof *d->jobs);
    d->lines = xcalloc(nlines ? nlines : 1, sizeof *d->lines);
    StrBuf sb;
    strbuf_init(&sb);
    uint32_t line = 0;
    for (uint32_t r = 0; r < m->nrun; r++) {
        uint32_t i = m->run_order[r];
        const MJob *j = &m->jobs[i];
        TlJob *tj = &d->jobs[r];
        strbuf_printf(&sb, "%sjob%" PRIu64, id_prefix, j->id);
        tj->id = tlm_keep(d, &sb);
        strbuf_printf(&sb, "%s #%" PRIu64, model_str(m, j->kind), j->id);
        tj->title = tlm_keep(d, &sb);
        model_job_where(m, i, &sb);
        if (sb.len)
            tj->subtitle = tlm_keep(d, &sb);
        tj->lane = lane_of[i];
        tj->turn = j->turn;
        tj->tick = j->tick;
        tj->time = j->time;
        tj->by = j->parent != MODEL_NONE ? m->jobs[j->parent].run_index : TL_NONE;
        tj->edge_kind = j->reason ? model_str(m, j->reason) : NULL;
        tj->lines = &d->lines[line];
        MLineIter it;
        MLine ml;
        model_lines_begin(m, i, &it);
        while (model_lines_next(&it, &ml)) {
            d->lines[line++] = (TlLine){ml.text, ml.len, ml.is_err};
            tj->nlines++;
        }
    }
    strbuf_puts(&sb, m->program ? model_str(m, m->program) : "trace");
    if (m->spec || m->host) {
        strbuf_puts(&sb, " \xE2\x80\x94 ");
        strbuf_puts(&sb, model_str(m, m->spec));
        if (m->spec && m->host)
            strbuf_puts(&sb, ", ");
        strbuf_puts(&sb, model_str(m, m->host));
    }
    if (m->nrun < m->njobs)
        strbuf_printf(&sb, " (%u job%s enqueued but never ran)", m->njobs - m->nrun,
                      m->njobs - m->nrun == 1 ? "" : "s");
    d->title = strbuf_take(&sb, NULL);
    strbuf_fini(&sb);
    d->t.title = d->title;
    d->t.jobs = d->jobs;
    d->t.njobs = m->nrun;
    d->t.time_unit = "ms"; /* format v1: the clock is always virtual-ms */
    free(lane_of);
}

void tlm_free(TlmDoc *d) {
    for (uint32_t i = 0; i < d->nstrings; i++)
        free(d->strings[i]);
    free(d->strings);
    free(d->lines);
    free(d->jobs);
    free(d->lanes);
    free(d->title);
}
