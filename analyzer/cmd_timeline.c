/* cmd_timeline.c — `trace timeline TRACE [-T svg|png|pdf] [-o FILE]`: the queues as
 * lanes of jobs in run order (timeline.h). SVG is written by timeline.c; png and pdf
 * are that SVG drawn by Graphviz's cairo renderer (render_gv.h). The format is -T, else
 * the extension of -o, else svg. Only jobs that ran are drawn (tlmodel.h builds the
 * picture's description from the model). */
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
#include "analyzer/tlmodel.h"
#include "common/cli.h"
#include "common/commands.h"
#include "common/strbuf.h"
#include "common/util.h"

static const struct option long_options[] = {
    {"output", required_argument, NULL, 'o'},
    {"format", required_argument, NULL, 'T'},
    {NULL, 0, NULL, 0},
};

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
    TlmDoc d;
    tlm_build(&m, "", &d);
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
    tlm_free(&d);
    model_fini(&m);
    return rc;
}
