/* render_gv.h — the one seam to Graphviz (cgraph to build, gvc to lay out and render).
 * render_gv.c is the only file that includes <graphviz/gvc.h> or <graphviz/cgraph.h>;
 * everyone else sees an opaque GvGraph whose nodes and clusters are small integer
 * handles. A GvGraph is a directed graph that owns its cgraph graph; attributes are
 * copied, so callers may free their strings at once. Text that reaches a label must be
 * escaped by the caller (xmlesc.h for HTML-like labels, gv_put_plain for plain ones).
 *
 * Rendering lays the graph out with the dot engine and renders it into memory
 * (open_memstream + gvRender, which also avoids gvRenderData's changing length type),
 * so a failed render never leaves half a file behind. GV_FMT_DOT is the exception: it
 * writes the graph as built, before layout (agwrite), so it is deterministic across
 * machines and fonts and can be edited and fed to dot(1). Graphviz's own diagnostics
 * are captured and returned as our error text instead of going to stderr. */
#ifndef TICKSCOPE_RENDER_GV_H
#define TICKSCOPE_RENDER_GV_H

#include <stdbool.h>
#include <stdint.h>

#include "common/strbuf.h"

typedef enum { GV_FMT_DOT, GV_FMT_SVG, GV_FMT_PNG, GV_FMT_PDF } GvFormat;

typedef struct GvGraph GvGraph;
typedef uint32_t GvNode;    /* a node of one GvGraph, in creation order from 0 */
typedef uint32_t GvCluster; /* a cluster of one GvGraph; GV_ROOT is the graph itself */
#define GV_ROOT ((GvCluster)0)

/* Attribute lists are NULL-terminated arrays of name, value pairs, e.g.
 * (const char *[]){"shape", "box", "color", "gray40", NULL}. A NULL list is empty. */
typedef const char *const *GvAttrs;

/* Parse "dot", "svg", "png" or "pdf". False for anything else. */
bool gv_format_parse(const char *name, GvFormat *out);
/* The name parse accepts for f. */
const char *gv_format_name(GvFormat f);
/* True for formats that are not text (png, pdf): not for a terminal. */
bool gv_format_is_binary(GvFormat f);

/* A new empty directed graph named name (printed by -T dot). Never NULL. */
GvGraph *gv_graph_new(const char *name);
void gv_graph_free(GvGraph *g);

/* Graph attributes, and defaults for every node and every edge added later. */
void gv_graph_attrs(GvGraph *g, GvAttrs attrs);
void gv_node_defaults(GvGraph *g, GvAttrs attrs);
void gv_edge_defaults(GvGraph *g, GvAttrs attrs);

/* A new cluster inside parent (GV_ROOT or another cluster): Graphviz draws a box
 * around its nodes. */
GvCluster gv_cluster_new(GvGraph *g, GvCluster parent, GvAttrs attrs);

/* A new node named name (unique in g; it becomes the node id in dot and svg output),
 * in cluster `in`. */
GvNode gv_node_new(GvGraph *g, GvCluster in, const char *name, GvAttrs attrs);
/* Set the node's label as an HTML-like label; html must be well-formed (xmlesc.h).
 * Use <FONT> (POINT-SIZE, COLOR, FACE), <BR/> and <TABLE>, but not the markup tags
 * <B> <I> <U> <S> <O> <SUB> <SUP>: Graphviz 2.43 sends those through pango's markup
 * parser, which leaks (LSan) and needs fonts that a server may not have. */
void gv_node_html_label(GvGraph *g, GvNode n, const char *html);
/* An edge from -> to. Several edges between the same pair are kept apart. */
void gv_edge_new(GvGraph *g, GvNode from, GvNode to, GvAttrs attrs);

uint32_t gv_node_count(const GvGraph *g);

/* Append s to sb escaped for a plain (non-HTML) Graphviz label: any bytes give a label
 * that renders as the text and stays well-formed in SVG. The text goes through
 * xml_put_text (& < > " ' as entities, which Graphviz decodes in plain labels; control
 * characters as visible pictures; invalid UTF-8 as U+FFFD), backslashes are doubled and
 * newlines become "\l" (left-justified lines). */
void gv_put_plain(StrBuf *sb, const char *s);

/* Lay out (unless fmt is GV_FMT_DOT) and render g into out (appended). On failure
 * returns false, leaves out unchanged, and sets *err to a message that the caller frees
 * (Graphviz's own words where it gave some). */
bool gv_render(GvGraph *g, GvFormat fmt, StrBuf *out, char **err) WARN_UNUSED;

/* Render the SVG document svg[0..len) as a picture in fmt (png or pdf), through
 * Graphviz's cairo renderer and its rsvg image loader: a one-node graph whose node is
 * the image. The SVG goes through a temporary file (Graphviz loads images by path),
 * which is removed before returning. fmt svg copies the text; fmt dot is refused.
 * Errors as for gv_render. */
bool gv_render_svg_image(const char *svg, size_t len, GvFormat fmt, StrBuf *out,
                         char **err) WARN_UNUSED;

#endif
