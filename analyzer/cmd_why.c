/* cmd_why.c — `trace why TRACE "LINE A" ["LINE B"]`: the causal chain of each output line
 * (from the script down to the job that printed it, each job with its kind, handler,
 * turn, tick and queue, and the reason it was enqueued), then where the two chains split
 * and the event-loop rule that made the earlier line come first (why.h).
 *
 * A line is named by "#N" (output line N, 1-based, counted as `trace log 2>&1` prints
 * them) or by its text: the line equal to it, else the line containing it. A text that
 * matches several lines is an error that lists them (exit 1): the tool does not guess,
 * it asks for #N. A line that is not in the trace is exit 1 too. With one line, only its
 * chain is printed. The order of A and B does not matter: the explanation always says
 * why the earlier one came first. Long chains show their first and last CHAIN_SHOW jobs. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/acli.h"
#include "analyzer/lines.h"
#include "analyzer/model.h"
#include "analyzer/why.h"
#include "common/cli.h"
#include "common/commands.h"
#include "common/strbuf.h"
#include "common/util.h"

enum { MAX_CANDIDATES = 10, CHAIN_SHOW = 20 };

/* "#6 \"async1 end\"" */
static void line_name(const OutputLines *ls, uint32_t i, StrBuf *sb) {
    size_t len;
    const char *t = lines_text(ls, i, &len);
    strbuf_printf(sb, "#%u ", i + 1);
    lines_put_quoted(sb, t, len);
}

/* Resolve a query to a line index, or print why not and return false. */
static bool find_line(const Model *m, const OutputLines *ls, const char *q, uint32_t *out) {
    uint32_t cands[MAX_CANDIDATES], ncands = 0;
    StrBuf sb;
    strbuf_init(&sb);
    bool ok = false;
    switch (lines_find(ls, q, out, cands, MAX_CANDIDATES, &ncands)) {
    case LINES_FOUND:
        ok = true;
        break;
    case LINES_NO_NUMBER:
        fprintf(stderr, "trace why: there is no output line %s (the trace has %u)\n", q, ls->n);
        break;
    case LINES_NONE:
        lines_put_quoted(&sb, q, strlen(q));
        fprintf(stderr, "trace why: no output line is or contains %s (the trace has %u line%s)\n",
                sb.data, ls->n, ls->n == 1 ? "" : "s");
        strbuf_clear(&sb);
        if (why_never_ran(m, MAX_CANDIDATES, &sb))
            fprintf(stderr, "Perhaps the code that prints it never ran:\n%s", sb.data);
        break;
    case LINES_AMBIGUOUS:
        lines_put_quoted(&sb, q, strlen(q));
        fprintf(stderr, "trace why: %s matches %u output lines; name one by its number:\n", sb.data,
                ncands);
        for (uint32_t k = 0; k < ncands && k < MAX_CANDIDATES; k++) {
            strbuf_clear(&sb);
            line_name(ls, cands[k], &sb);
            uint32_t j = ls->v[cands[k]].job;
            if (j != MODEL_NONE) {
                strbuf_puts(&sb, " (");
                model_job_title(m, j, &sb);
                strbuf_putc(&sb, ')');
            }
            fprintf(stderr, "  %s\n", sb.data);
        }
        if (ncands > MAX_CANDIDATES)
            fprintf(stderr, "  ... and %u more\n", ncands - MAX_CANDIDATES);
        break;
    }
    strbuf_fini(&sb);
    return ok;
}

static void print_job_line(FILE *f, const Model *m, uint32_t j, uint32_t pos) {
    const MJob *x = &m->jobs[j];
    StrBuf sb;
    strbuf_init(&sb);
    strbuf_printf(&sb, "  %u. ", pos);
    model_job_title(m, j, &sb);
    if (x->run_index != MODEL_NONE)
        strbuf_printf(&sb, " \xE2\x80\x94 turn %u, tick %u, %s queue", x->turn, x->tick,
                      model_str(m, x->queue_name));
    else
        strbuf_printf(&sb, " \xE2\x80\x94 never ran, %s queue", model_str(m, x->queue_name));
    if (x->enqueue_seq)
        strbuf_printf(&sb, ", enqueued at seq %" PRIu64, x->enqueue_seq);
    fprintf(f, "%s\n     because ", sb.data);
    strbuf_clear(&sb);
    why_edge_reason(m, j, &sb);
    fprintf(f, "%s\n", sb.data);
    strbuf_fini(&sb);
}

static void print_chain(FILE *f, const Model *m, const OutputLines *ls, uint32_t line,
                        const WhyChain *c) {
    StrBuf sb;
    strbuf_init(&sb);
    line_name(ls, line, &sb);
    if (c->n == 0) {
        fprintf(f, "%s was printed by the host, not by a job: it has no causal chain.\n", sb.data);
        strbuf_fini(&sb);
        return;
    }
    fprintf(f, "chain of %s (%u job%s, from the root):\n", sb.data, c->n, c->n == 1 ? "" : "s");
    for (uint32_t k = 0; k < c->n; k++) {
        if (c->n > 2 * CHAIN_SHOW && k >= CHAIN_SHOW && k < c->n - CHAIN_SHOW) {
            if (k == CHAIN_SHOW)
                fprintf(f, "  ... %u more jobs\n", c->n - 2 * CHAIN_SHOW);
            continue;
        }
        print_job_line(f, m, c->jobs[k], k + 1);
    }
    const MLog *lg = &m->logs[ls->v[line].log];
    strbuf_clear(&sb);
    strbuf_puts(&sb, "     printed ");
    size_t len;
    const char *t = lines_text(ls, line, &len);
    lines_put_quoted(&sb, t, len);
    if (lg->at)
        strbuf_printf(&sb, " at %s", model_short_loc(m, lg->at));
    if (ls->v[line].is_err)
        strbuf_puts(&sb, " (on stderr)");
    fprintf(f, "%s\n", sb.data);
    strbuf_fini(&sb);
}

static void explain(FILE *f, const Model *m, const OutputLines *ls, uint32_t a, uint32_t b) {
    WhyChain ca, cb;
    why_chain(m, ls->v[a].job, &ca);
    why_chain(m, ls->v[b].job, &cb);
    StrBuf na, nb, sb;
    strbuf_init(&na);
    strbuf_init(&nb);
    strbuf_init(&sb);
    line_name(ls, a, &na);
    line_name(ls, b, &nb);
    fprintf(f, "%s came before %s.\n\n", na.data, nb.data);
    print_chain(f, m, ls, a, &ca);
    fputc('\n', f);
    print_chain(f, m, ls, b, &cb);
    fputc('\n', f);
    WhyDivergence d;
    why_diverge(m, &ca, &cb, &d);
    why_explain_split(m, &d, na.data, nb.data, &sb);
    fprintf(f, "where the chains split: %s\n", sb.data);
    strbuf_clear(&sb);
    why_explain_rule(m, &d, na.data, nb.data, &sb);
    if (d.rule == WHY_SAME_JOB) {
        const MLog *la = &m->logs[ls->v[a].log], *lb = &m->logs[ls->v[b].log];
        if (la->at && lb->at && la->at != lb->at) {
            strbuf_printf(&sb, " %s is printed at %s, ", na.data, model_short_loc(m, la->at));
            strbuf_printf(&sb, "%s at %s.", nb.data, model_short_loc(m, lb->at));
        }
    }
    fprintf(f, "why %s came first (%s): %s\n", na.data, why_rule_name(d.rule), sb.data);
    strbuf_fini(&sb);
    strbuf_fini(&nb);
    strbuf_fini(&na);
    why_chain_fini(&ca);
    why_chain_fini(&cb);
}

int cmd_why(int argc, char **argv) {
    const char *args[3] = {NULL, NULL, NULL};
    int nargs = 0;
    bool options_done = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!options_done && strcmp(a, "--") == 0)
            options_done = true;
        else if (!options_done && a[0] == '-' && a[1] && a[1] != '#' && nargs == 0)
            return cli_usage_error("why", "unknown option '%s'", a);
        else if (nargs == 3)
            return cli_usage_error("why", "a trace and at most two lines (got '%s' too)", a);
        else
            args[nargs++] = a;
    }
    if (nargs == 0)
        return cli_usage_error("why", "no trace file given");
    if (nargs == 1)
        return cli_usage_error("why", "which output line? give its text or #N");

    Model m;
    ExitCode rc = acli_load("why", args[0], &m);
    if (rc != EXIT_OK)
        return rc;
    OutputLines ls;
    lines_init(&ls, &m);
    uint32_t la = 0, lb = 0;
    if (!find_line(&m, &ls, args[1], &la) || (nargs == 3 && !find_line(&m, &ls, args[2], &lb))) {
        rc = EXIT_FAIL;
    } else if (nargs == 2 || la == lb) {
        if (nargs == 3)
            printf("Both name the same output line.\n\n");
        WhyChain c;
        why_chain(&m, ls.v[la].job, &c);
        print_chain(stdout, &m, &ls, la, &c);
        why_chain_fini(&c);
    } else {
        explain(stdout, &m, &ls, la < lb ? la : lb, la < lb ? lb : la);
    }
    lines_fini(&ls);
    model_fini(&m);
    return rc;
}
