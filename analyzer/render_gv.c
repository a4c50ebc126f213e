/* render_gv.c — see render_gv.h. The only file that includes Graphviz headers.
 *
 * Graphviz 2.43 (Debian 11/12) takes `char *` where it means `const char *`; gv_str()
 * is the one place that casts the constness away (cgraph copies every string it is
 * given into its own string pool and never writes through these pointers).
 *
 * Resources are released in reverse order of acquisition: the context is created
 * before the first graph (gvContext() installs the default node label "\N", which
 * agopen then sees), a render frees its layout before returning, gv_graph_free()
 * closes the graph, and the context goes last: gvFreeLayout -> agclose ->
 * gvFreeContext.
 *
 * There is one GVC_t per process, not one per graph: Graphviz 2.43's pango plugin
 * caches a pointer to the last font name in a static (pango_textlayout's `fontname`),
 * and that name belongs to the context's font dictionary; a second context in the same
 * process then reads freed memory (found by ASan in our unit tests). So the context is
 * created on first use and freed by an atexit handler, after every graph is closed. */
#include "analyzer/render_gv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "analyzer/xmlesc.h"
#include "common/util.h"

struct GvGraph {
    Agraph_t *root;
    Agnode_t **nodes;
    uint32_t nnodes, node_cap;
    Agraph_t **clusters; /* clusters[0] is root (GV_ROOT) */
    uint32_t nclusters, cluster_cap;
};

static char *gv_str(const char *s) {
    return (char *)s;
}

/* ---- capturing Graphviz diagnostics ------------------------------------------------
 * cgraph's error callback takes no user data, so the sink is file-scoped. It is set
 * only for the duration of a call into Graphviz and restored afterwards. */
typedef struct {
    StrBuf text;
    bool saw_error; /* a message at level AGERR (cgraph prefixes it with "Error") */
    agusererrf saved;
} DiagScope;

static DiagScope *gv_diag;

static int gv_capture(char *msg) {
    if (gv_diag) {
        strbuf_puts(&gv_diag->text, msg);
        if (strncmp(msg, "Error", 5) == 0)
            gv_diag->saw_error = true;
    }
    return 0;
}

static void diag_begin(DiagScope *d) {
    strbuf_init(&d->text);
    d->saw_error = false;
    gv_diag = d;
    d->saved = agseterrf(gv_capture);
}

/* Ends the capture. Returns Graphviz's text with line breaks folded into "; ". */
static char *diag_end(DiagScope *d) {
    agseterrf(d->saved);
    gv_diag = NULL;
    StrBuf out;
    strbuf_init(&out);
    const char *p = d->text.data;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\r'))
            n--;
        if (n > 0) {
            if (out.len)
                strbuf_puts(&out, "; ");
            strbuf_put(&out, p, n);
        }
        p += nl ? (size_t)(nl - p) + 1 : strlen(p);
    }
    strbuf_fini(&d->text);
    char *msg = strbuf_take(&out, NULL);
    strbuf_fini(&out);
    return msg;
}

/* ---- formats ----------------------------------------------------------------------- */

static const struct {
    const char *name;
    const char *device; /* gvRender's format; NULL for the pre-layout dot writer */
    bool binary;
} formats[] = {
    [GV_FMT_DOT] = {"dot", NULL, false},
    [GV_FMT_SVG] = {"svg", "svg", false},
    [GV_FMT_PNG] = {"png", "png:cairo", true},
    [GV_FMT_PDF] = {"pdf", "pdf:cairo", true},
};

bool gv_format_parse(const char *name, GvFormat *out) {
    for (size_t i = 0; i < ARRAY_LEN(formats); i++) {
        if (strcmp(formats[i].name, name) == 0) {
            *out = (GvFormat)i;
            return true;
        }
    }
    return false;
}

const char *gv_format_name(GvFormat f) {
    return formats[f].name;
}

bool gv_format_is_binary(GvFormat f) {
    return formats[f].binary;
}

/* ---- the context ------------------------------------------------------------------- */

static GVC_t *gv_context; /* see the top of the file */

static void gv_context_free(void) {
    if (gv_context) {
        gvFreeContext(gv_context);
        gv_context = NULL;
    }
}

static GVC_t *gv_context_get(void) {
    if (!gv_context) {
        gv_context = gvContext();
        if (gv_context)
            atexit(gv_context_free);
    }
    return gv_context;
}

/* ---- building ---------------------------------------------------------------------- */

GvGraph *gv_graph_new(const char *name) {
    GvGraph *g = xcalloc(1, sizeof *g);
    DiagScope d;
    diag_begin(&d);
    GVC_t *gvc = gv_context_get();
    g->root = gvc ? agopen(gv_str(name), Agdirected, NULL) : NULL;
    char *msg = diag_end(&d);
    if (!gvc || !g->root)
        die(EXIT_INTERNAL, "graphviz: cannot create a graph%s%s", *msg ? ": " : "", msg);
    free(msg);
    g->cluster_cap = 8;
    g->clusters = xmalloc(g->cluster_cap * sizeof *g->clusters);
    g->clusters[g->nclusters++] = g->root;
    return g;
}

void gv_graph_free(GvGraph *g) {
    if (!g)
        return;
    agclose(g->root);
    free(g->nodes);
    free(g->clusters);
    free(g);
}

static void set_attrs(void *obj, GvAttrs attrs) {
    if (!attrs)
        return;
    for (size_t i = 0; attrs[i] && attrs[i + 1]; i += 2)
        agsafeset(obj, gv_str(attrs[i]), gv_str(attrs[i + 1]), gv_str(""));
}

void gv_graph_attrs(GvGraph *g, GvAttrs attrs) {
    set_attrs(g->root, attrs);
}

static void set_defaults(GvGraph *g, int kind, GvAttrs attrs) {
    if (!attrs)
        return;
    for (size_t i = 0; attrs[i] && attrs[i + 1]; i += 2)
        agattr(g->root, kind, gv_str(attrs[i]), gv_str(attrs[i + 1]));
}

void gv_node_defaults(GvGraph *g, GvAttrs attrs) {
    set_defaults(g, AGNODE, attrs);
}

void gv_edge_defaults(GvGraph *g, GvAttrs attrs) {
    set_defaults(g, AGEDGE, attrs);
}

GvCluster gv_cluster_new(GvGraph *g, GvCluster parent, GvAttrs attrs) {
    if (NEVER(parent >= g->nclusters))
        parent = GV_ROOT;
    if (g->nclusters == g->cluster_cap) {
        g->cluster_cap *= 2;
        g->clusters = xrealloc(g->clusters, g->cluster_cap * sizeof *g->clusters);
    }
    char name[32];
    snprintf(name, sizeof name, "cluster_%u", g->nclusters);
    Agraph_t *sub = agsubg(g->clusters[parent], name, 1);
    if (!sub)
        die(EXIT_INTERNAL, "graphviz: cannot create subgraph %s", name);
    set_attrs(sub, attrs);
    g->clusters[g->nclusters] = sub;
    return g->nclusters++;
}

GvNode gv_node_new(GvGraph *g, GvCluster in, const char *name, GvAttrs attrs) {
    if (NEVER(in >= g->nclusters))
        in = GV_ROOT;
    if (g->nnodes == g->node_cap) {
        g->node_cap = g->node_cap ? 2 * g->node_cap : 64;
        g->nodes = xrealloc(g->nodes, g->node_cap * sizeof *g->nodes);
    }
    Agnode_t *n = agnode(g->clusters[in], gv_str(name), 1);
    if (!n)
        die(EXIT_INTERNAL, "graphviz: cannot create node %s", name);
    set_attrs(n, attrs);
    g->nodes[g->nnodes] = n;
    return g->nnodes++;
}

void gv_node_html_label(GvGraph *g, GvNode n, const char *html) {
    if (NEVER(n >= g->nnodes))
        return;
    char *h = agstrdup_html(g->root, gv_str(html));
    agsafeset(g->nodes[n], gv_str("label"), h, gv_str(""));
    agstrfree(g->root, h);
}

void gv_edge_new(GvGraph *g, GvNode from, GvNode to, GvAttrs attrs) {
    if (NEVER(from >= g->nnodes || to >= g->nnodes))
        return;
    /* An anonymous edge in a non-strict graph: always a new edge. */
    Agedge_t *e = agedge(g->root, g->nodes[from], g->nodes[to], NULL, 1);
    if (!e)
        die(EXIT_INTERNAL, "graphviz: cannot create an edge");
    set_attrs(e, attrs);
}

uint32_t gv_node_count(const GvGraph *g) {
    return g->nnodes;
}

void gv_put_plain(StrBuf *sb, const char *s) {
    StrBuf t;
    strbuf_init(&t);
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        strbuf_clear(&t);
        xml_put_text(&t, s, n, 0); /* Graphviz decodes the entities of plain labels */
        for (size_t k = 0; k < t.len; k++) {
            if (t.data[k] == '\\')
                strbuf_puts(sb, "\\\\");
            else
                strbuf_putc(sb, t.data[k]);
        }
        if (!nl)
            break;
        strbuf_puts(sb, "\\l");
        s = nl + 1;
    }
    strbuf_fini(&t);
}

/* ---- rendering --------------------------------------------------------------------- */

/* Run Graphviz writing into a memory stream; the bytes go to out only on success
 * (no error reported through d either: Graphviz sometimes reports and carries on). */
static bool render_to_memory(GvGraph *g, GvFormat fmt, StrBuf *out, StrBuf *why,
                             const DiagScope *d) {
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (!mem) {
        strbuf_printf(why, "cannot open a memory stream: %s", strerror(errno));
        return false;
    }
    bool ok;
    if (fmt == GV_FMT_DOT) {
        ok = agwrite(g->root, mem) == 0;
        if (!ok)
            strbuf_puts(why, "cannot write the graph");
    } else if (gvLayout(gv_context, g->root, "dot") != 0) {
        ok = false;
        strbuf_puts(why, "layout failed");
    } else {
        ok = gvRender(gv_context, g->root, formats[fmt].device, mem) == 0;
        if (!ok)
            strbuf_printf(why, "cannot render %s", formats[fmt].name);
        gvFreeLayout(gv_context, g->root);
    }
    if (fclose(mem) != 0 && ok) {
        ok = false;
        strbuf_printf(why, "cannot write to a memory stream: %s", strerror(errno));
    }
    if (ok && d->saw_error) {
        ok = false;
        strbuf_printf(why, "cannot render %s", formats[fmt].name);
    }
    if (ok)
        strbuf_put(out, buf, len);
    free(buf);
    return ok;
}

bool gv_render(GvGraph *g, GvFormat fmt, StrBuf *out, char **err) {
    StrBuf why;
    strbuf_init(&why);
    DiagScope d;
    diag_begin(&d);
    bool ok = render_to_memory(g, fmt, out, &why, &d);
    char *diag = diag_end(&d);
    if (ok) {
        if (*diag)
            warn_msg("graphviz: %s", diag);
    } else {
        if (*diag)
            strbuf_printf(&why, " (graphviz: %s)", diag);
        *err = strbuf_take(&why, NULL);
    }
    free(diag);
    strbuf_fini(&why);
    return ok;
}

/* ---- SVG documents as pictures ----------------------------------------------------- */

/* A temporary file holding the SVG; *path receives its name (caller unlinks, frees). */
static bool write_temp_svg(const char *svg, size_t len, char **path, StrBuf *why) {
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir)
        dir = "/tmp";
    StrBuf name;
    strbuf_init(&name);
    strbuf_printf(&name, "%s/tickscope-XXXXXX.svg", dir);
    int fd = mkstemps(name.data, 4);
    if (fd < 0) {
        strbuf_printf(why, "cannot create a temporary file in %s: %s", dir, strerror(errno));
        strbuf_fini(&name);
        return false;
    }
    size_t done = 0;
    while (done < len) {
        ssize_t w = write(fd, svg + done, len - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            strbuf_printf(why, "cannot write %s: %s", name.data, strerror(errno));
            close(fd);
            unlink(name.data);
            strbuf_fini(&name);
            return false;
        }
        done += (size_t)w;
    }
    if (close(fd) != 0) {
        strbuf_printf(why, "cannot write %s: %s", name.data, strerror(errno));
        unlink(name.data);
        strbuf_fini(&name);
        return false;
    }
    *path = strbuf_take(&name, NULL);
    strbuf_fini(&name);
    return true;
}

bool gv_render_svg_image(const char *svg, size_t len, GvFormat fmt, StrBuf *out, char **err) {
    if (fmt == GV_FMT_SVG) {
        strbuf_put(out, svg, len);
        return true;
    }
    if (fmt == GV_FMT_DOT) {
        *err = xstrdup("a picture cannot be written as dot");
        return false;
    }
    StrBuf why;
    strbuf_init(&why);
    char *path = NULL;
    if (!write_temp_svg(svg, len, &path, &why)) {
        *err = strbuf_take(&why, NULL);
        strbuf_fini(&why);
        return false;
    }
    strbuf_fini(&why);
    GvGraph *g = gv_graph_new("picture");
    gv_graph_attrs(g, (const char *[]){"pad", "0", "margin", "0", NULL});
    gv_node_new(g, GV_ROOT, "picture",
                (const char *[]){"shape", "none", "label", "", "margin", "0", "image", path, NULL});
    bool ok = gv_render(g, fmt, out, err);
    gv_graph_free(g);
    unlink(path);
    free(path);
    return ok;
}
