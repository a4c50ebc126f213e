/* cmd_timeline.c — `trace timeline TRACE [-T svg|png|pdf] [-o FILE]`: the queues as
 * lanes of jobs in run order (timeline.h). SVG is written by timeline.c; png and pdf
 * are that SVG drawn by Graphviz's cairo renderer (render_gv.h). The format is -T, else
 * the extension of -o, else svg. Only jobs that ran are drawn. */
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/acli.h"
#include "analyzer/model.h"
#include "analyzer/palette.h"
#include "analyzer/render_gv.h"
#include "analyzer/timeline.h"
#include "common/cli.h"
#include "common/commands.h"
#include "common/strbuf.h"
#include "common/util.h"

static const struct option long_options[] = {
    {"output", required_argument, NULL, 'o'},
    {"format", required_argument, NULL, 'T'},
    {NULL, 0, NULL, 0},
};

/* Everything the Timeline points into, owned here. */
typedef struct {
    Timeline t;
    TlLane *lanes;
    TlJob *jobs;
    TlLine *lines;
    char **strings; /* ids, titles, subtitles */
    uint32_t nstrings;
    char *title;
} TimelineDoc;

static char *keep_str(TimelineDoc *d, StrBuf *sb) {
    char *s = strbuf_take(sb, NULL);
    d->strings[d->nstrings++] = s;
    return s;
}

/* Lanes: one per queue name that occurs among the jobs that ran, in the order of the
 * QueueKind table (script first), then by first appearance. */
static uint32_t *assign_lanes(const Model *m, TimelineDoc *d) {
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

static void doc_build(const Model *m, TimelineDoc *d) {
    memset(d, 0, sizeof *d);
    uint32_t *lane_of = assign_lanes(m, d);
    uint32_t nlines = 0;
    for (uint32_t r = 0; r < m->nrun; r++)
        nlines += model_job_line_count(m, m->run_order[r]);
    d->jobs = xcalloc(m->nrun ? m->nrun : 1, sizeof *d->jobs);
    d->lines = xcalloc(nlines ? nlines : 1, sizeof *d->lines);
    d->strings = xcalloc(3 * (size_t)m->nrun + 1, sizeof *d->strings);
    StrBuf sb;
    strbuf_init(&sb);
    uint32_t line = 0;
    for (uint32_t r = 0; r < m->nrun; r++) {
        uint32_t i = m->run_order[r];
        const MJob *j = &m->jobs[i];
        TlJob *tj = &d->jobs[r];
        strbuf_printf(&sb, "job%" PRIu64, j->id);
        tj->id = keep_str(d, &sb);
        strbuf_printf(&sb, "%s #%" PRIu64, model_str(m, j->kind), j->id);
        tj->title = keep_str(d, &sb);
        model_job_where(m, i, &sb);
        if (sb.len)
            tj->subtitle = keep_str(d, &sb);
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

static void doc_free(TimelineDoc *d) {
    for (uint32_t i = 0; i < d->nstrings; i++)
        free(d->strings[i]);
    free(d->strings);
    free(d->lines);
    free(d->jobs);
    free(d->lanes);
    free(d->title);
}

int cmd_timeline(int argc, char **argv) {
    const char *format = NULL, *out_path = NULL;
    opterr = 0;
    optind = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":T:o:", long_options, NULL)) != -1) {
        switch (c) {
        case 'T':
            format = optarg;
            break;
        case 'o':
            out_path = optarg;
            break;
        case ':':
            return cli_usage_error("timeline", "%s needs an argument", argv[optind - 1]);
        default:
            return cli_usage_error("timeline", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind >= argc)
        return cli_usage_error("timeline", "no trace file given");
    if (argc - optind > 1)
        return cli_usage_error("timeline", "one trace file only (got '%s' too)", argv[optind + 1]);
    const char *path = argv[optind];

    GvFormat fmt = GV_FMT_SVG;
    if (format) {
        if (!gv_format_parse(format, &fmt) || fmt == GV_FMT_DOT)
            return cli_usage_error("timeline", "unknown format '%s' (svg, png or pdf)", format);
    } else if (out_path && strcmp(out_path, "-") != 0) {
        const char *dot = strrchr(out_path, '.');
        GvFormat f;
        if (dot && !strchr(dot, '/') && gv_format_parse(dot + 1, &f) && f != GV_FMT_DOT)
            fmt = f;
    }
    ExitCode rc = acli_check_output("timeline", out_path, gv_format_is_binary(fmt));
    if (rc != EXIT_OK)
        return rc;

    Model m;
    rc = acli_load("timeline", path, &m);
    if (rc != EXIT_OK)
        return rc;
    TimelineDoc d;
    doc_build(&m, &d);
    StrBuf svg;
    strbuf_init(&svg);
    timeline_write_svg(&d.t, &svg);
    if (fmt == GV_FMT_SVG) {
        rc = acli_write("timeline", out_path, svg.data, svg.len);
    } else {
        StrBuf pic;
        strbuf_init(&pic);
        char *err = NULL;
        if (gv_render_svg_image(svg.data, svg.len, fmt, &pic, &err)) {
            rc = acli_write("timeline", out_path, pic.data, pic.len);
        } else {
            fprintf(stderr, "trace timeline: %s\n", err);
            free(err);
            rc = EXIT_FAIL;
        }
        strbuf_fini(&pic);
    }
    strbuf_fini(&svg);
    doc_free(&d);
    model_fini(&m);
    return rc;
}
