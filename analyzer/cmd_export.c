/* cmd_export.c — `trace export --format chrome TRACE [-o FILE]`: the trace converted for
 * other tools. The one format so far is Chrome trace event JSON (chrome.h), which
 * Perfetto and chrome://tracing open; it is also the default. The document is built in
 * memory and written whole (acli.h), to stdout or -o FILE. TRACE may be - for stdin. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "analyzer/acli.h"
#include "analyzer/chrome.h"
#include "analyzer/model.h"
#include "common/cli.h"
#include "common/commands.h"
#include "common/strbuf.h"
#include "common/util.h"

static const struct option long_options[] = {
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {NULL, 0, NULL, 0},
};

int cmd_export(int argc, char **argv) {
    const char *format = "chrome", *out_path = NULL;
    opterr = 0;
    optind = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":f:o:", long_options, NULL)) != -1) {
        switch (c) {
        case 'f':
            format = optarg;
            break;
        case 'o':
            out_path = optarg;
            break;
        case ':':
            return cli_usage_error("export", "%s needs an argument", argv[optind - 1]);
        default:
            return cli_usage_error("export", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (strcmp(format, "chrome") != 0)
        return cli_usage_error("export", "unknown format '%s' (chrome)", format);
    if (optind >= argc)
        return cli_usage_error("export", "no trace file given");
    if (argc - optind > 1)
        return cli_usage_error("export", "one trace file only (got '%s' too)", argv[optind + 1]);
    Model m;
    ExitCode rc = acli_load("export", argv[optind], &m);
    if (rc != EXIT_OK)
        return rc;
    StrBuf doc;
    strbuf_init(&doc);
    chrome_write(&m, &doc);
    rc = acli_write("export", out_path, doc.data, doc.len);
    strbuf_fini(&doc);
    model_fini(&m);
    return rc;
}
