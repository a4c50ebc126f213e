/* cmd_diff.c — `trace diff A B` and `trace diff --spec X,Y | --host X,Y FILE.js`: compare
 * two traces (diff.h) and print the comparison as text, JSON or a picture (diffout.h).
 *
 * With --spec or --host and one JavaScript file, the two traces are recorded first by
 * running this same executable as `trace run --spec X -o TMP -- FILE.js` (spawn.h), once
 * per value, into temporary files that are removed afterwards. The other option, when
 * given with one value, applies to both runs (`--spec es2017,es2019 --host browser`);
 * --max-steps, --max-jobs, --timeout and --max-heap are passed on. A run that fails
 * (usage, I/O, a limit, a crash) is reported with its own message and diff exits with
 * its status; a run whose program threw (status 1) still left a complete trace, so the
 * diff goes on after a warning.
 *
 * Output: text by default (colour on a terminal unless NO_COLOR is set or --no-color;
 * --color forces it), --json, or -T svg|png|pdf (the two timelines). -o FILE writes any
 * of them to FILE; without -T, an -o ending in .svg/.png/.pdf picks the picture.
 * Exit 0 (with --exit-code: 1 when the traces differ), 1 for a bad trace, 2 usage, 3 I/O. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyzer/acli.h"
#include "analyzer/diff.h"
#include "analyzer/diffout.h"
#include "analyzer/lines.h"
#include "analyzer/model.h"
#include "analyzer/render_gv.h"
#include "analyzer/spawn.h"
#include "common/cli.h"
#include "common/commands.h"
#include "common/strbuf.h"
#include "common/util.h"

enum {
    OPT_SPEC = 256,
    OPT_HOST,
    OPT_JSON,
    OPT_COLOR,
    OPT_NO_COLOR,
    OPT_EXIT_CODE,
    OPT_MAX_STEPS,
    OPT_MAX_JOBS,
    OPT_TIMEOUT,
    OPT_MAX_HEAP,
};

static const struct option long_options[] = {
    {"spec", required_argument, NULL, OPT_SPEC},
    {"host", required_argument, NULL, OPT_HOST},
    {"json", no_argument, NULL, OPT_JSON},
    {"color", no_argument, NULL, OPT_COLOR},
    {"no-color", no_argument, NULL, OPT_NO_COLOR},
    {"exit-code", no_argument, NULL, OPT_EXIT_CODE},
    {"context", required_argument, NULL, 'U'},
    {"max-steps", required_argument, NULL, OPT_MAX_STEPS},
    {"max-jobs", required_argument, NULL, OPT_MAX_JOBS},
    {"timeout", required_argument, NULL, OPT_TIMEOUT},
    {"max-heap", required_argument, NULL, OPT_MAX_HEAP},
    {"output", required_argument, NULL, 'o'},
    {"format", required_argument, NULL, 'T'},
    {NULL, 0, NULL, 0},
};

typedef struct {
    const char *spec, *host;  /* as given: "es2017,es2019" or "browser" */
    const char *limits[4][2]; /* pass-through options for `trace run` */
    uint32_t nlimits;
    bool json, exit_code;
    int color; /* -1 auto, 0 never, 1 always */
    uint32_t context;
    const char *format, *out_path;
} Options;

/* Split "a,b" into two values; false unless there are exactly two non-empty ones. */
static bool split_pair(const char *s, char out[2][64]) {
    const char *comma = strchr(s, ',');
    if (!comma || strchr(comma + 1, ',') || comma == s || !comma[1])
        return false;
    size_t n0 = (size_t)(comma - s), n1 = strlen(comma + 1);
    if (n0 >= 64 || n1 >= 64)
        return false;
    memcpy(out[0], s, n0);
    out[0][n0] = '\0';
    memcpy(out[1], comma + 1, n1 + 1);
    return true;
}

/* ---- recording the two traces ------------------------------------------------------ */

/* Run `trace run` for one side into path. Returns EXIT_OK, or the exit status to give up
 * with after printing why. */
static int record(const Options *o, const char *spec, const char *host, const char *file,
                  const char *path, const char *label) {
    const char *args[24];
    int n = 0;
    args[n++] = "run";
    if (spec) {
        args[n++] = "--spec";
        args[n++] = spec;
    }
    if (host) {
        args[n++] = "--host";
        args[n++] = host;
    }
    for (uint32_t k = 0; k < o->nlimits; k++) {
        args[n++] = o->limits[k][0];
        args[n++] = o->limits[k][1];
    }
    args[n++] = "-o";
    args[n++] = path;
    args[n++] = "--";
    args[n++] = file;
    args[n] = NULL;
    SpawnResult res;
    char *err = NULL;
    if (!spawn_self(args, &res, &err)) {
        fprintf(stderr, "trace diff: %s\n", err);
        free(err);
        return EXIT_INTERNAL;
    }
    int rc = EXIT_OK;
    if (res.status != 0) {
        bool threw = res.status == EXIT_FAIL && !res.signaled;
        fprintf(stderr, "trace diff: `trace run` of %s %s (%s %d)%s\n", label,
                threw ? "ended with an error" : "failed", res.signaled ? "signal" : "exit status",
                res.signaled ? res.status - 128 : res.status,
                threw ? "; diffing its trace anyway:" : ":");
        fputs(res.err.data, stderr);
        if (res.err.len && res.err.data[res.err.len - 1] != '\n')
            fputc('\n', stderr);
        if (!threw)
            rc = res.signaled ? EXIT_INTERNAL : res.status;
    }
    strbuf_fini(&res.err);
    return rc;
}

/* ---- the command ------------------------------------------------------------------- */

static bool want_color(const Options *o) {
    if (o->color >= 0)
        return o->color == 1;
    if (o->out_path && strcmp(o->out_path, "-") != 0)
        return false;
    const char *no = getenv("NO_COLOR");
    if (no && *no)
        return false;
    const char *term = getenv("TERM");
    if (term && strcmp(term, "dumb") == 0)
        return false;
    return isatty(STDOUT_FILENO);
}

static bool picture_format(const Options *o, GvFormat *fmt, bool *picture) {
    *picture = false;
    if (o->format) {
        if (!gv_format_parse(o->format, fmt) || *fmt == GV_FMT_DOT)
            return false;
        *picture = true;
        return true;
    }
    if (o->out_path && strcmp(o->out_path, "-") != 0) {
        const char *dot = strrchr(o->out_path, '.');
        if (dot && !strchr(dot, '/') && gv_format_parse(dot + 1, fmt) && *fmt != GV_FMT_DOT)
            *picture = true;
    }
    return true;
}

static int diff_files(const Options *o, const char *const paths[2], const char *const labels[2]) {
    GvFormat fmt = GV_FMT_SVG;
    bool picture;
    if (!picture_format(o, &fmt, &picture))
        return cli_usage_error("diff", "unknown format '%s' (svg, png or pdf)", o->format);
    if (picture && o->json)
        return cli_usage_error("diff", "--json and -T %s exclude each other", gv_format_name(fmt));
    ExitCode rc = acli_check_output("diff", o->out_path, picture && gv_format_is_binary(fmt));
    if (rc != EXIT_OK)
        return rc;
    Model m[2];
    rc = acli_load("diff", paths[0], &m[0]);
    if (rc != EXIT_OK)
        return rc;
    rc = acli_load("diff", paths[1], &m[1]);
    if (rc != EXIT_OK) {
        model_fini(&m[0]);
        return rc;
    }
    OutputLines ls[2];
    lines_init(&ls[0], &m[0]);
    lines_init(&ls[1], &m[1]);
    Diff d;
    diff_init(&d, &m[0], &ls[0], &m[1], &ls[1]);
    DiffOutOptions dopt = {{labels[0], labels[1]}, false, o->context};
    StrBuf doc;
    strbuf_init(&doc);
    if (picture) {
        diffout_svg(&d, &dopt, &doc);
        if (fmt != GV_FMT_SVG) {
            StrBuf pic;
            strbuf_init(&pic);
            char *err = NULL;
            if (gv_render_svg_image(doc.data, doc.len, fmt, &pic, &err)) {
                strbuf_fini(&doc);
                doc = pic;
            } else {
                fprintf(stderr, "trace diff: %s\n", err);
                free(err);
                strbuf_fini(&pic);
                rc = EXIT_FAIL;
            }
        }
    } else if (o->json) {
        diffout_json(&d, &dopt, &doc);
    } else {
        dopt.color = want_color(o);
        diffout_text(&d, &dopt, &doc);
    }
    if (rc == EXIT_OK)
        rc = acli_write("diff", o->out_path, doc.data, doc.len);
    if (rc == EXIT_OK && o->exit_code && !diff_is_empty(&d))
        rc = EXIT_FAIL;
    strbuf_fini(&doc);
    diff_fini(&d);
    lines_fini(&ls[0]);
    lines_fini(&ls[1]);
    model_fini(&m[0]);
    model_fini(&m[1]);
    return rc;
}

static int diff_runs(const Options *o, const char *file) {
    char specs[2][64], hosts[2][64];
    bool two_specs = o->spec && strchr(o->spec, ',');
    bool two_hosts = o->host && strchr(o->host, ',');
    if (two_specs && two_hosts)
        return cli_usage_error("diff", "compare either two spec modes or two hosts, not both");
    if (!two_specs && !two_hosts)
        return cli_usage_error("diff", "--spec or --host needs two values, e.g. --spec "
                                       "es2017,es2019");
    if (two_specs && !split_pair(o->spec, specs))
        return cli_usage_error("diff", "--spec needs two modes: X,Y (got '%s')", o->spec);
    if (two_hosts && !split_pair(o->host, hosts))
        return cli_usage_error("diff", "--host needs two hosts: X,Y (got '%s')", o->host);
    char *paths[2] = {NULL, NULL};
    char labels[2][256];
    int rc = EXIT_OK;
    for (int s = 0; s < 2 && rc == EXIT_OK; s++) {
        const char *spec = two_specs ? specs[s] : o->spec;
        const char *host = two_hosts ? hosts[s] : o->host;
        snprintf(labels[s], sizeof labels[s], "%s --%s %s", file, two_specs ? "spec" : "host",
                 two_specs ? spec : host);
        paths[s] = spawn_temp_path(s == 0 ? "a" : "b");
        if (!paths[s]) {
            fprintf(stderr, "trace diff: cannot create a temporary file: %s\n", strerror(errno));
            rc = EXIT_IO;
            break;
        }
        rc = record(o, spec, host, file, paths[s], labels[s]);
    }
    if (rc == EXIT_OK) {
        const char *const p[2] = {paths[0], paths[1]};
        const char *const l[2] = {labels[0], labels[1]};
        rc = diff_files(o, p, l);
    }
    for (int s = 0; s < 2; s++) {
        if (paths[s])
            unlink(paths[s]);
        free(paths[s]);
    }
    return rc;
}

static bool parse_count(const char *s, uint32_t *out) {
    if (*s < '0' || *s > '9')
        return false;
    char *end;
    unsigned long v = strtoul(s, &end, 10);
    if (*end || v > 100000)
        return false;
    *out = (uint32_t)v;
    return true;
}

int cmd_diff(int argc, char **argv) {
    Options o;
    memset(&o, 0, sizeof o);
    o.color = -1;
    o.context = 3;
    opterr = 0;
    optind = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":T:o:U:", long_options, NULL)) != -1) {
        switch (c) {
        case 'T':
            o.format = optarg;
            break;
        case 'o':
            o.out_path = optarg;
            break;
        case 'U':
            if (!parse_count(optarg, &o.context))
                return cli_usage_error("diff", "-U needs a number of lines, not '%s'", optarg);
            break;
        case OPT_SPEC:
            o.spec = optarg;
            break;
        case OPT_HOST:
            o.host = optarg;
            break;
        case OPT_JSON:
            o.json = true;
            break;
        case OPT_COLOR:
            o.color = 1;
            break;
        case OPT_NO_COLOR:
            o.color = 0;
            break;
        case OPT_EXIT_CODE:
            o.exit_code = true;
            break;
        case OPT_MAX_STEPS:
        case OPT_MAX_JOBS:
        case OPT_TIMEOUT:
        case OPT_MAX_HEAP: {
            static const char *const names[] = {"--max-steps", "--max-jobs", "--timeout",
                                                "--max-heap"};
            if (o.nlimits == ARRAY_LEN(o.limits))
                return cli_usage_error("diff", "too many run limits");
            o.limits[o.nlimits][0] = names[c - OPT_MAX_STEPS];
            o.limits[o.nlimits][1] = optarg;
            o.nlimits++;
            break;
        }
        case ':':
            return cli_usage_error("diff", "%s needs an argument", argv[optind - 1]);
        default:
            return cli_usage_error("diff", "unknown option '%s'", argv[optind - 1]);
        }
    }
    int npos = argc - optind;
    if (o.spec || o.host) {
        if (npos != 1)
            return cli_usage_error("diff", "--spec/--host take one JavaScript file (got %d)", npos);
        return diff_runs(&o, argv[optind]);
    }
    if (o.nlimits)
        return cli_usage_error("diff", "%s is for --spec/--host runs", o.limits[0][0]);
    if (npos < 2)
        return cli_usage_error("diff", "two trace files are needed");
    if (npos > 2)
        return cli_usage_error("diff", "two trace files only (got '%s' too)", argv[optind + 2]);
    if (strcmp(argv[optind], "-") == 0 && strcmp(argv[optind + 1], "-") == 0)
        return cli_usage_error("diff", "only one of the traces can be standard input");
    const char *const paths[2] = {argv[optind], argv[optind + 1]};
    return diff_files(&o, paths, paths);
}
