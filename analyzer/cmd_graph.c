/* cmd_graph.c — `trace graph TRACE [-T dot|svg|png|pdf] [-o FILE] [filters]`: the
 * causality graph (graph.h) rendered with Graphviz (render_gv.h).
 *
 * The format is -T, else the extension of -o (.dot/.gv, .svg, .png, .pdf), else dot.
 * -T dot is the graph before layout: deterministic, and ready for dot(1). A picture
 * (svg, png, pdf) without --max-nodes is folded to DEFAULT_MAX_NODES nodes, with a
 * warning, because dot's layout of tens of thousands of nodes takes minutes and is
 * unreadable anyway. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/acli.h"
#include "analyzer/graph.h"
#include "analyzer/model.h"
#include "analyzer/render_gv.h"
#include "common/cli.h"
#include "common/commands.h"
#include "common/util.h"

enum { DEFAULT_MAX_NODES = 500 };

enum { OPT_MAX_NODES = 256, OPT_FOCUS, OPT_KINDS, OPT_FROM, OPT_TO, OPT_PROMISES, OPT_ACTIVATIONS };

static const struct option long_options[] = {
    {"max-nodes", required_argument, NULL, OPT_MAX_NODES},
    {"focus", required_argument, NULL, OPT_FOCUS},
    {"kinds", required_argument, NULL, OPT_KINDS},
    {"from", required_argument, NULL, OPT_FROM},
    {"to", required_argument, NULL, OPT_TO},
    {"promises", no_argument, NULL, OPT_PROMISES},
    {"activations", no_argument, NULL, OPT_ACTIVATIONS},
    {"output", required_argument, NULL, 'o'},
    {"format", required_argument, NULL, 'T'},
    {NULL, 0, NULL, 0},
};

/* The format named by the extension of path, if any. */
static bool format_from_path(const char *path, GvFormat *out) {
    const char *dot = path ? strrchr(path, '.') : NULL;
    if (!dot || strchr(dot, '/'))
        return false;
    if (strcmp(dot, ".gv") == 0) {
        *out = GV_FMT_DOT;
        return true;
    }
    return gv_format_parse(dot + 1, out);
}

static bool parse_count(const char *s, uint32_t *out) {
    if (*s < '0' || *s > '9')
        return false;
    char *end;
    unsigned long v = strtoul(s, &end, 10);
    if (*end || v > UINT32_MAX)
        return false;
    *out = (uint32_t)v;
    return true;
}

int cmd_graph(int argc, char **argv) {
    GraphOptions o = {0};
    const char *format = NULL, *out_path = NULL;
    opterr = 0;
    optind = 0; /* GNU: reinitialise, and permute so options may follow TRACE */
    int c;
    while ((c = getopt_long(argc, argv, ":T:o:", long_options, NULL)) != -1) {
        switch (c) {
        case 'T':
            format = optarg;
            break;
        case 'o':
            out_path = optarg;
            break;
        case OPT_FOCUS:
            o.focus = optarg;
            break;
        case OPT_KINDS:
            o.kinds = optarg;
            break;
        case OPT_MAX_NODES:
            if (!parse_count(optarg, &o.max_nodes) || o.max_nodes == 0)
                return cli_usage_error("graph", "--max-nodes needs a positive number, not '%s'",
                                       optarg);
            break;
        case OPT_FROM:
        case OPT_TO:
            if (!graph_parse_bound(optarg, c == OPT_FROM ? &o.from : &o.to))
                return cli_usage_error("graph", "--%s needs N, tick:N or seq:N, not '%s'",
                                       c == OPT_FROM ? "from" : "to", optarg);
            break;
        case OPT_PROMISES:
            o.promises = true;
            break;
        case OPT_ACTIVATIONS:
            o.activations = true;
            break;
        case ':':
            return cli_usage_error("graph", "%s needs an argument", argv[optind - 1]);
        default:
            return cli_usage_error("graph", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind >= argc)
        return cli_usage_error("graph", "no trace file given");
    if (argc - optind > 1)
        return cli_usage_error("graph", "one trace file only (got '%s' too)", argv[optind + 1]);
    const char *path = argv[optind];

    GvFormat fmt = GV_FMT_DOT;
    if (format) {
        if (!gv_format_parse(format, &fmt))
            return cli_usage_error("graph", "unknown format '%s' (dot, svg, png or pdf)", format);
    } else if (out_path && strcmp(out_path, "-") != 0) {
        format_from_path(out_path, &fmt);
    }
    ExitCode rc = acli_check_output("graph", out_path, gv_format_is_binary(fmt));
    if (rc != EXIT_OK)
        return rc;

    Model m;
    rc = acli_load("graph", path, &m);
    if (rc != EXIT_OK)
        return rc;
    if (o.max_nodes == 0 && fmt != GV_FMT_DOT && m.njobs > DEFAULT_MAX_NODES) {
        o.max_nodes = DEFAULT_MAX_NODES;
        warn_msg("%u jobs: folding the picture to at most %u nodes (see --max-nodes)", m.njobs,
                 o.max_nodes);
    }
    uint32_t kept = 0;
    GvGraph *g = graph_build(&m, &o, &kept);
    if (o.focus && kept == 0) {
        fprintf(stderr, "trace graph: no job that printed \"%s\" passes the filters\n", o.focus);
        gv_graph_free(g);
        model_fini(&m);
        return EXIT_FAIL;
    }
    StrBuf doc;
    strbuf_init(&doc);
    char *err = NULL;
    if (!gv_render(g, fmt, &doc, &err)) {
        fprintf(stderr, "trace graph: %s\n", err);
        free(err);
        rc = EXIT_FAIL;
    } else {
        rc = acli_write("graph", out_path, doc.data, doc.len);
    }
    strbuf_fini(&doc);
    gv_graph_free(g);
    model_fini(&m);
    return rc;
}
