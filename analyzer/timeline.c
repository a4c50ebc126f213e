/* timeline.c — see timeline.h.
 *
 * Layout, left to right: a gutter with the lane names, then one column per job in run
 * order (a job runs alone, so no two boxes share a column), with a wider gap between
 * macrotask turns. Top to bottom: the caption, a header row naming each turn, the lanes
 * (each as tall as its tallest box, with room above the boxes for the arcs between jobs
 * of the same lane), the clock axis, and the legend of arrow kinds. All coordinates are
 * integers in px; text widths are estimated from the character count (CHAR_W), which
 * is close enough for the sans and monospace fonts the style sheet asks for. */
#include "analyzer/timeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/palette.h"
#include "analyzer/xmlesc.h"
#include "common/util.h"

enum {
    MARGIN = 16,
    GUTTER = 112, /* lane names */
    CAPTION_H = 30,
    TURN_HDR_H = 22,
    LANE_PAD_TOP = 26, /* room for same-lane arcs */
    LANE_PAD_BOTTOM = 10,
    BOX_PAD = 6,
    TITLE_LINE_H = 15,
    SUB_LINE_H = 13,
    OUT_LINE_H = 14,
    FOOT_LINE_H = 13,
    CHAR_W = 7,
    MIN_BOX_W = 112,
    MAX_BOX_W = 308,
    COL_GAP = 16,
    TURN_GAP = 28,
    MAX_LINES_SHOWN = 6,
    AXIS_H = 40,
    LEGEND_H = 26,
};

/* Box colours for lanes that bring none, by lane number (cycled). */
static const char *const lane_fill[] = {"#e8eefc", "#fdf0e0", "#e6f4ea", "#fce8f3",
                                        "#f1e8fd", "#e0f4f7", "#f2f2f2"};
static const char *const lane_stroke[] = {"#4c6ef5", "#e8590c", "#2f9e44", "#d6336c",
                                          "#7048e8", "#1098ad", "#868e96"};

typedef struct {
    int x, w;       /* column */
    int h;          /* box height */
    int lane;       /* -1: no valid lane */
    uint32_t shown; /* output lines drawn */
} BoxGeom;

static const char *edge_color(const char *kind) {
    return palette_reason_color(kind);
}

/* A CSS class / id fragment: [A-Za-z0-9_-] kept, anything else becomes '_'. */
static void put_token(StrBuf *sb, const char *s) {
    if (!s || !*s) {
        strbuf_puts(sb, "other");
        return;
    }
    for (; *s; s++) {
        char c = *s;
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '-';
        strbuf_putc(sb, ok ? c : '_');
    }
}

static void put_esc(StrBuf *sb, const char *s) {
    if (s)
        xml_put_text(sb, s, strlen(s), 0);
}

static size_t width_of(const char *s) {
    return s ? xml_text_width(s, strlen(s)) : 0;
}

static int clamp_int(long v, int lo, int hi) {
    return v < lo ? lo : v > hi ? hi : (int)v;
}

static void format_time(char *buf, size_t cap, double t, const char *unit) {
    snprintf(buf, cap, "%.6g %s", t, unit ? unit : "");
}

/* ---- geometry ---------------------------------------------------------------------- */

static int box_width(const TlJob *j) {
    size_t chars = width_of(j->title);
    size_t sub = width_of(j->subtitle);
    if (sub > chars)
        chars = sub;
    for (uint32_t i = 0; i < j->nlines && i < MAX_LINES_SHOWN; i++) {
        size_t w = xml_text_width(j->lines[i].text, j->lines[i].len);
        if (w > chars)
            chars = w;
    }
    return clamp_int((long)chars * CHAR_W + 2 * BOX_PAD, MIN_BOX_W, MAX_BOX_W);
}

static int box_height(const TlJob *j, uint32_t *shown) {
    uint32_t n = j->nlines;
    uint32_t rows = n;
    if (n > MAX_LINES_SHOWN) {
        n = MAX_LINES_SHOWN - 1; /* the last row says how many more */
        rows = MAX_LINES_SHOWN;
    }
    *shown = n;
    return BOX_PAD + TITLE_LINE_H + (j->subtitle ? SUB_LINE_H : 0) + (int)rows * OUT_LINE_H +
           FOOT_LINE_H + BOX_PAD;
}

/* ---- writing ----------------------------------------------------------------------- */

/* The CSS class of lane l of panel p: "l3" in the first panel, "p1l3" in the next. */
static void put_lane_class(StrBuf *sb, uint32_t p, uint32_t l) {
    if (p > 0)
        strbuf_printf(sb, "p%u", p);
    strbuf_printf(sb, "l%u", l);
}

static void write_lane_styles(StrBuf *sb, uint32_t p, const TlLane *lanes, uint32_t nlanes) {
    for (uint32_t i = 0; i < nlanes; i++) {
        size_t c = i % ARRAY_LEN(lane_fill);
        const char *fill = lanes[i].fill ? lanes[i].fill : lane_fill[c];
        const char *stroke = lanes[i].border ? lanes[i].border : lane_stroke[c];
        strbuf_putc(sb, '.');
        put_lane_class(sb, p, i);
        strbuf_puts(sb, " rect { fill: ");
        xml_put_text(sb, fill, strlen(fill), 0);
        strbuf_puts(sb, "; stroke: ");
        xml_put_text(sb, stroke, strlen(stroke), 0);
        strbuf_puts(sb, "; }\n");
    }
}

static void write_style(StrBuf *sb, const Timeline *const *panels, uint32_t npanels) {
    strbuf_puts(
        sb, "<style>\n"
            "text { font-family: Helvetica, Arial, sans-serif; font-size: 12px; fill: #212529; }\n"
            ".caption { font-size: 15px; }\n"
            ".lane-label { font-size: 12px; fill: #495057; }\n"
            ".turn-label, .axis text, .foot, .sub { font-size: 10px; fill: #6c757d; }\n"
            ".out, .err { font-family: Menlo, Consolas, 'DejaVu Sans Mono', monospace;"
            " font-size: 11px; white-space: pre; }\n"
            ".err { fill: #c92a2a; }\n"
            ".more { font-size: 10px; fill: #6c757d; font-style: italic; }\n"
            ".edge { fill: none; stroke-width: 1.4; stroke-linejoin: round; opacity: 0.85; }\n"
            ".lane { fill: none; stroke: #dee2e6; }\n"
            ".axis line { stroke: #adb5bd; }\n"
            ".job.only rect, .key.only rect { stroke: #e03131; stroke-width: 3;"
            " stroke-dasharray: 7 3; }\n"
            ".job.shifted rect, .key.shifted rect { stroke: #f08c00; stroke-width: 3; }\n"
            ".job.moved rect, .key.moved rect { stroke: #7048e8; stroke-width: 3; }\n"
            ".badge { font-size: 10px; font-weight: bold; fill: #c92a2a; }\n");
    for (uint32_t p = 0; p < npanels; p++)
        write_lane_styles(sb, p, panels[p]->lanes, panels[p]->nlanes);
    strbuf_puts(sb, ".lnone rect { fill: #ffffff; stroke: #868e96; }\n</style>\n");
}

/* One arrowhead marker per edge kind that occurs, in order of first appearance; kinds
 * already in kinds[0..n) are not added again. Returns the new count. */
static uint32_t collect_edge_kinds(const Timeline *t, const char **kinds, uint32_t n) {
    for (uint32_t i = 0; i < t->njobs; i++) {
        const TlJob *j = &t->jobs[i];
        if (j->by == TL_NONE || j->by >= t->njobs)
            continue;
        const char *k = j->edge_kind ? j->edge_kind : "";
        bool seen = false;
        for (uint32_t m = 0; m < n && !seen; m++)
            seen = strcmp(kinds[m], k) == 0;
        if (!seen)
            kinds[n++] = k;
    }
    return n;
}

static void write_markers(StrBuf *sb, const char **kinds, uint32_t nkinds) {
    strbuf_puts(sb, "<defs>\n");
    for (uint32_t i = 0; i < nkinds; i++) {
        strbuf_puts(sb, "<marker id=\"arrow-");
        put_token(sb, kinds[i]);
        strbuf_printf(sb,
                      "\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\""
                      " markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\""
                      " fill=\"%s\"/></marker>\n",
                      edge_color(*kinds[i] ? kinds[i] : NULL));
    }
    strbuf_puts(sb, "</defs>\n");
}

/* The mark classes as given, each character outside [a-z-] and space dropped. */
static void put_mark(StrBuf *sb, const char *mark) {
    strbuf_putc(sb, ' ');
    for (const char *c = mark; *c; c++)
        if ((*c >= 'a' && *c <= 'z') || *c == '-' || *c == ' ')
            strbuf_putc(sb, *c);
}

static void write_job(StrBuf *sb, uint32_t panel, const TlJob *j, const BoxGeom *b, int y) {
    strbuf_puts(sb, "<g class=\"job ");
    if (b->lane >= 0)
        put_lane_class(sb, panel, (uint32_t)b->lane);
    else
        strbuf_puts(sb, "lnone");
    if (j->mark && *j->mark)
        put_mark(sb, j->mark);
    strbuf_puts(sb, "\" id=\"");
    put_esc(sb, j->id);
    strbuf_puts(sb, "\">\n<title>");
    put_esc(sb, j->title);
    if (j->subtitle) {
        strbuf_putc(sb, '\n');
        put_esc(sb, j->subtitle);
    }
    strbuf_printf(sb, "\ntick %u, turn %u", j->tick, j->turn);
    if (j->badge) {
        strbuf_putc(sb, '\n');
        put_esc(sb, j->badge);
    }
    for (uint32_t i = 0; i < j->nlines; i++) {
        strbuf_puts(sb, j->lines[i].is_err ? "\n! " : "\n> ");
        xml_put_text(sb, j->lines[i].text, j->lines[i].len, 0);
    }
    strbuf_puts(sb, "</title>\n");
    strbuf_printf(sb, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"4\"/>\n", b->x, y,
                  b->w, b->h);
    if (j->badge) {
        strbuf_printf(sb, "<text class=\"badge\" x=\"%d\" y=\"%d\">", b->x + 2, y - 4);
        xml_put_text(sb, j->badge, strlen(j->badge), (size_t)b->w / CHAR_W);
        strbuf_puts(sb, "</text>\n");
    }
    size_t max_chars = (size_t)(b->w - 2 * BOX_PAD) / CHAR_W;
    int tx = b->x + BOX_PAD;
    int ty = y + BOX_PAD + 11;
    strbuf_printf(sb, "<text x=\"%d\" y=\"%d\">", tx, ty);
    if (j->title)
        xml_put_text(sb, j->title, strlen(j->title), max_chars);
    strbuf_puts(sb, "</text>\n");
    ty += TITLE_LINE_H;
    if (j->subtitle) {
        strbuf_printf(sb, "<text class=\"sub\" x=\"%d\" y=\"%d\">", tx, ty - 2);
        xml_put_text(sb, j->subtitle, strlen(j->subtitle), max_chars + max_chars / 3);
        strbuf_puts(sb, "</text>\n");
        ty += SUB_LINE_H;
    }
    for (uint32_t i = 0; i < b->shown; i++) {
        strbuf_printf(sb, "<text class=\"%s\" xml:space=\"preserve\" x=\"%d\" y=\"%d\">",
                      j->lines[i].is_err ? "err" : "out", tx, ty);
        xml_put_text(sb, j->lines[i].text, j->lines[i].len, max_chars);
        strbuf_puts(sb, "</text>\n");
        ty += OUT_LINE_H;
    }
    if (b->shown < j->nlines) {
        strbuf_printf(sb, "<text class=\"more\" x=\"%d\" y=\"%d\">… %u more lines</text>\n", tx, ty,
                      j->nlines - b->shown);
        ty += OUT_LINE_H;
    }
    strbuf_printf(sb, "<text class=\"foot\" x=\"%d\" y=\"%d\">tick %u</text>\n", tx, ty - 1,
                  j->tick);
    strbuf_puts(sb, "</g>\n");
}

/* An arrow from one box to another. Within a lane: an arc through the lane's top
 * padding. Across lanes: an orthogonal path that stays in empty space: right into the
 * gap after the source column, up or down that gap to the band at the top of the
 * target lane, along the band to the gap before the target column, down it, and right
 * into the target box. Columns hold one box each, so the gaps are clear in every lane. */
static void write_edge(StrBuf *sb, const TlJob *j, const BoxGeom *from, const BoxGeom *to,
                       const int *lane_y) {
    strbuf_puts(sb, "<path class=\"edge ");
    put_token(sb, j->edge_kind);
    strbuf_printf(sb, "\" stroke=\"%s\" marker-end=\"url(#arrow-", edge_color(j->edge_kind));
    put_token(sb, j->edge_kind ? j->edge_kind : "");
    strbuf_puts(sb, ")\" d=\"");
    int fy = lane_y[from->lane] + LANE_PAD_TOP; /* box tops */
    int ty = lane_y[to->lane] + LANE_PAD_TOP;
    if (from->lane == to->lane) {
        int x1 = from->x + from->w / 2, x2 = to->x + to->w / 2;
        int lift = LANE_PAD_TOP - 8;
        strbuf_printf(sb, "M%d,%d C%d,%d %d,%d %d,%d", x1, fy, x1, fy - lift, x2, ty - lift, x2,
                      ty);
    } else {
        int x1 = from->x + from->w, y1 = fy + from->h / 2;
        int x2 = to->x, y2 = ty + to->h / 2;
        int xa = x1 + COL_GAP / 2, xb = x2 - COL_GAP / 2;
        int band = lane_y[to->lane] + 5;
        if (xb <= xa)
            strbuf_printf(sb, "M%d,%d H%d V%d H%d", x1, y1, xa, y2, x2);
        else
            strbuf_printf(sb, "M%d,%d H%d V%d H%d V%d H%d", x1, y1, xa, band, xb, y2, x2);
    }
    strbuf_puts(sb, "\"/>\n");
}

/* ---- panels ------------------------------------------------------------------------ */

typedef struct {
    BoxGeom *box;
    int *lane_h, *lane_y;
    int width, height; /* of the panel, from its top */
    int lanes_top, lanes_bottom;
} Layout;

enum { PANEL_MIN_W = MARGIN + GUTTER + 240 };

static void layout(const Timeline *t, Layout *L) {
    uint32_t n = t->njobs;
    L->box = xcalloc(n ? n : 1, sizeof *L->box);
    L->lane_h = xcalloc(t->nlanes + 1, sizeof *L->lane_h);
    L->lane_y = xcalloc(t->nlanes + 1, sizeof *L->lane_y);
    BoxGeom *box = L->box;
    int x = MARGIN + GUTTER;
    for (uint32_t i = 0; i < n; i++) {
        const TlJob *j = &t->jobs[i];
        if (i > 0)
            x += j->turn != t->jobs[i - 1].turn ? TURN_GAP : COL_GAP;
        box[i].x = x;
        box[i].w = box_width(j);
        box[i].h = box_height(j, &box[i].shown);
        box[i].lane = j->lane < t->nlanes ? (int)j->lane : -1;
        x += box[i].w;
        if (box[i].lane >= 0 && box[i].h > L->lane_h[box[i].lane])
            L->lane_h[box[i].lane] = box[i].h;
    }
    L->width = x + MARGIN;
    if (L->width < PANEL_MIN_W)
        L->width = PANEL_MIN_W;
    L->lanes_top = MARGIN + CAPTION_H + TURN_HDR_H;
    int y = L->lanes_top;
    int empty_lane_h = BOX_PAD + TITLE_LINE_H + FOOT_LINE_H + BOX_PAD;
    for (uint32_t l = 0; l < t->nlanes; l++) {
        L->lane_y[l] = y;
        if (L->lane_h[l] == 0)
            L->lane_h[l] = empty_lane_h;
        y += LANE_PAD_TOP + L->lane_h[l] + LANE_PAD_BOTTOM;
    }
    L->lanes_bottom = y;
    L->height = L->lanes_bottom + AXIS_H + LEGEND_H + MARGIN;
}

static void layout_free(Layout *L) {
    free(L->box);
    free(L->lane_h);
    free(L->lane_y);
}

/* Everything of one timeline, in the panel's own coordinates (its top at y = 0). */
static void write_panel(const Timeline *t, uint32_t panel, const Layout *L, int width,
                        StrBuf *out) {
    uint32_t n = t->njobs;
    const BoxGeom *box = L->box;
    const int *lane_y = L->lane_y, *lane_h = L->lane_h;
    int lanes_top = L->lanes_top, lanes_bottom = L->lanes_bottom;
    strbuf_printf(out, "<text class=\"caption\" x=\"%d\" y=\"%d\">", MARGIN, MARGIN + 16);
    put_esc(out, t->title ? t->title : "tickscope timeline");
    strbuf_puts(out, "</text>\n");

    /* Turn bands, alternately shaded, each with its name in the header row. */
    strbuf_puts(out, "<g class=\"turns\">\n");
    for (uint32_t i = 0, band = 0; i < n; band++) {
        uint32_t k = i;
        while (k + 1 < n && t->jobs[k + 1].turn == t->jobs[i].turn)
            k++;
        int bx = box[i].x - COL_GAP / 2, bw = box[k].x + box[k].w + COL_GAP / 2 - bx;
        strbuf_printf(out,
                      "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>\n"
                      "<text class=\"turn-label\" x=\"%d\" y=\"%d\">turn %u</text>\n",
                      bx, lanes_top - TURN_HDR_H, bw, lanes_bottom - lanes_top + TURN_HDR_H,
                      band % 2 ? "#ffffff" : "#f8f9fa", bx + 4, lanes_top - 7, t->jobs[i].turn);
        i = k + 1;
    }
    strbuf_puts(out, "</g>\n");

    /* Lanes: a rule under each and its name in the gutter. */
    strbuf_puts(out, "<g class=\"lanes\">\n");
    for (uint32_t l = 0; l < t->nlanes; l++) {
        int ly = lane_y[l] + LANE_PAD_TOP + lane_h[l] + LANE_PAD_BOTTOM;
        strbuf_printf(out,
                      "<line class=\"lane\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\""
                      " stroke=\"#dee2e6\"/>\n",
                      MARGIN, ly, width - MARGIN, ly);
        strbuf_printf(out, "<text class=\"lane-label\" x=\"%d\" y=\"%d\">", MARGIN,
                      lane_y[l] + LANE_PAD_TOP + 14);
        xml_put_text(out, t->lanes[l].name, strlen(t->lanes[l].name), (GUTTER - 8) / CHAR_W);
        strbuf_puts(out, "</text>\n");
    }
    strbuf_puts(out, "</g>\n");

    /* Arrows under the boxes, so that boxes stay readable. */
    strbuf_puts(out, "<g class=\"edges\">\n");
    for (uint32_t i = 0; i < n; i++) {
        const TlJob *j = &t->jobs[i];
        if (j->by == TL_NONE || j->by >= n || box[j->by].lane < 0 || box[i].lane < 0)
            continue;
        write_edge(out, j, &box[j->by], &box[i], lane_y);
    }
    strbuf_puts(out, "</g>\n");

    strbuf_puts(out, "<g class=\"jobs\">\n");
    for (uint32_t i = 0; i < n; i++) {
        int by = box[i].lane >= 0 ? lane_y[box[i].lane] + LANE_PAD_TOP : lanes_bottom;
        write_job(out, panel, &t->jobs[i], &box[i], by);
    }
    strbuf_puts(out, "</g>\n");

    /* The clock: a mark at the first job and wherever the virtual time moves on. */
    int axis_y = lanes_bottom + 14;
    strbuf_printf(out, "<g class=\"axis\">\n<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n",
                  MARGIN + GUTTER, axis_y, width - MARGIN, axis_y);
    strbuf_printf(out, "<text x=\"%d\" y=\"%d\">virtual clock</text>\n", MARGIN, axis_y + 4);
    for (uint32_t i = 0; i < n; i++) {
        if (i > 0 && t->jobs[i].time == t->jobs[i - 1].time)
            continue;
        char tb[64];
        format_time(tb, sizeof tb, t->jobs[i].time, t->time_unit);
        strbuf_printf(out,
                      "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
                      "<text x=\"%d\" y=\"%d\">",
                      box[i].x, axis_y - 4, box[i].x, axis_y + 4, box[i].x + 2, axis_y + 16);
        put_esc(out, tb);
        strbuf_puts(out, "</text>\n");
    }
    strbuf_puts(out, "</g>\n");

    /* Legend of arrow kinds. */
    const char **kinds = xcalloc(n ? n : 1, sizeof *kinds);
    uint32_t nkinds = collect_edge_kinds(t, kinds, 0);
    strbuf_puts(out, "<g class=\"legend\">\n");
    int lx = MARGIN + GUTTER, ly = lanes_bottom + AXIS_H + 12;
    if (nkinds > 0) {
        strbuf_printf(out, "<text class=\"foot\" x=\"%d\" y=\"%d\">enqueued by:</text>\n", MARGIN,
                      ly + 4);
    }
    for (uint32_t k = 0; k < nkinds; k++) {
        const char *name = *kinds[k] ? kinds[k] : "other";
        strbuf_printf(out,
                      "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\""
                      " stroke-width=\"2\"/><text class=\"foot\" x=\"%d\" y=\"%d\">",
                      lx, ly, lx + 22, ly, edge_color(*kinds[k] ? kinds[k] : NULL), lx + 26,
                      ly + 4);
        put_esc(out, name);
        strbuf_puts(out, "</text>\n");
        lx += 26 + (int)width_of(name) * CHAR_W + 18;
    }
    strbuf_puts(out, "</g>\n");
    free(kinds);
}

static const struct {
    const char *mark, *text;
} mark_legend[] = {
    {"only", "only in this trace"},
    {"shifted", "ran at another tick, turn, queue or time"},
    {"moved", "printed a line that moved"},
};

static bool any_mark(const Timeline *const *panels, uint32_t n) {
    for (uint32_t p = 0; p < n; p++)
        for (uint32_t i = 0; i < panels[p]->njobs; i++)
            if (panels[p]->jobs[i].mark && *panels[p]->jobs[i].mark)
                return true;
    return false;
}

enum { MARK_LEGEND_H = 34 };

void timeline_write_svg_panels(const Timeline *const *panels, uint32_t np, const char *title,
                               StrBuf *out) {
    Layout *L = xcalloc(np ? np : 1, sizeof *L);
    int width = PANEL_MIN_W, height = 0;
    uint32_t total_jobs = 0;
    for (uint32_t p = 0; p < np; p++) {
        layout(panels[p], &L[p]);
        if (L[p].width > width)
            width = L[p].width;
        height += L[p].height;
        total_jobs += panels[p]->njobs;
    }
    bool marks = any_mark(panels, np);
    if (np > 1)
        height += MARGIN + CAPTION_H;
    if (marks)
        height += MARK_LEGEND_H;
    if (height == 0)
        height = MARGIN + CAPTION_H + TURN_HDR_H + AXIS_H + LEGEND_H + MARGIN;

    const char **kinds = xcalloc(total_jobs ? total_jobs : 1, sizeof *kinds);
    uint32_t nkinds = 0;
    for (uint32_t p = 0; p < np; p++)
        nkinds = collect_edge_kinds(panels[p], kinds, nkinds);

    strbuf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    strbuf_printf(out,
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%d\""
                  " height=\"%d\" viewBox=\"0 0 %d %d\">\n",
                  width, height, width, height);
    strbuf_puts(out, "<title>");
    put_esc(out, title ? title : "tickscope timeline");
    strbuf_puts(out, "</title>\n");
    write_style(out, panels, np);
    write_markers(out, kinds, nkinds);
    strbuf_printf(out, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n",
                  width, height);
    int y = 0;
    if (np > 1) {
        strbuf_printf(out, "<text class=\"caption\" x=\"%d\" y=\"%d\">", MARGIN, MARGIN + 16);
        put_esc(out, title ? title : "tickscope timelines");
        strbuf_puts(out, "</text>\n");
        y = MARGIN + CAPTION_H;
    }
    for (uint32_t p = 0; p < np; p++) {
        if (np > 1)
            strbuf_printf(out, "<g class=\"panel\" transform=\"translate(0,%d)\">\n", y);
        write_panel(panels[p], p, &L[p], width, out);
        if (np > 1)
            strbuf_puts(out, "</g>\n");
        y += L[p].height;
    }
    if (marks) {
        strbuf_printf(out,
                      "<g class=\"marks\">\n<text class=\"foot\" x=\"%d\" y=\"%d\">"
                      "highlighted:</text>\n",
                      MARGIN, y + 14);
        int lx = MARGIN + GUTTER;
        for (size_t k = 0; k < ARRAY_LEN(mark_legend); k++) {
            strbuf_printf(out,
                          "<g class=\"key %s\"><rect x=\"%d\" y=\"%d\" width=\"22\" height=\"12\""
                          " rx=\"3\" fill=\"#ffffff\"/></g><text class=\"foot\" x=\"%d\" "
                          "y=\"%d\">%s</text>\n",
                          mark_legend[k].mark, lx, y + 4, lx + 28, y + 14, mark_legend[k].text);
            lx += 28 + (int)strlen(mark_legend[k].text) * CHAR_W + 24;
        }
        strbuf_puts(out, "</g>\n");
    }
    strbuf_puts(out, "</svg>\n");
    free(kinds);
    for (uint32_t p = 0; p < np; p++)
        layout_free(&L[p]);
    free(L);
}

void timeline_write_svg(const Timeline *t, StrBuf *out) {
    const Timeline *panels[1] = {t};
    timeline_write_svg_panels(panels, 1, t->title, out);
}
