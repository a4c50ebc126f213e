/* chrome.c — see chrome.h. Two passes: timestamps for every job that ran (in run order),
 * then the events: metadata, then for each job in run order its complete event, its
 * output lines, and the flow start of each job it enqueued (bound to it) and the flow end
 * of its own incoming arrow. */
#include "analyzer/chrome.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/jsonw.h"
#include "common/util.h"

enum { PID = 1, MAX_ARG_LINES = 50 };

static uint32_t tid_of(const MJob *j) {
    return (uint32_t)j->queue + 1;
}

static void meta(JsonW *w, const char *name, uint32_t tid, const char *key, const char *sval,
                 int64_t ival) {
    json_newline(w);
    json_object_begin(w);
    json_kv_str(w, "name", name);
    json_kv_str(w, "ph", "M");
    json_kv_uint(w, "pid", PID);
    json_kv_uint(w, "tid", tid);
    json_key(w, "args");
    json_object_begin(w);
    json_key(w, key);
    if (sval)
        json_cstr(w, sval);
    else
        json_int(w, ival);
    json_object_end(w);
    json_object_end(w);
}

static void job_name(const Model *m, uint32_t j, StrBuf *sb) {
    const MJob *x = &m->jobs[j];
    strbuf_clear(sb);
    strbuf_printf(sb, "%s #%" PRIu64, x->kind ? model_str(m, x->kind) : "job", x->id);
}

static void job_event(JsonW *w, const Model *m, uint32_t j, double ts, double dur, StrBuf *tmp) {
    const MJob *x = &m->jobs[j];
    json_newline(w);
    json_object_begin(w);
    job_name(m, j, tmp);
    json_kv_str(w, "name", tmp->data);
    json_kv_str(w, "cat", model_str(m, x->queue_name));
    json_kv_str(w, "ph", "X");
    json_kv_num(w, "ts", ts);
    json_kv_num(w, "dur", dur);
    json_kv_uint(w, "pid", PID);
    json_kv_uint(w, "tid", tid_of(x));
    json_key(w, "args");
    json_object_begin(w);
    json_kv_uint(w, "id", x->id);
    json_kv_str(w, "kind", model_str(m, x->kind));
    if (x->fn)
        json_kv_str(w, "fn", model_str(m, x->fn));
    if (x->handler)
        json_kv_str(w, "handler", model_str(m, x->handler));
    if (x->reason)
        json_kv_str(w, "reason", model_str(m, x->reason));
    json_kv_uint(w, "tick", x->tick);
    json_kv_uint(w, "turn", x->turn);
    json_kv_num(w, "virtual_start_ms", x->time);
    json_kv_num(w, "virtual_end_ms", x->end_time);
    if (x->steps)
        json_kv_uint(w, "steps", x->steps);
    if (x->by != MODEL_NONE)
        json_kv_uint(w, "enqueued_by", m->jobs[x->by].id);
    else if (x->parent != MODEL_NONE)
        json_kv_uint(w, "caused_by", m->jobs[x->parent].id);
    if (x->completion == JOB_COMPLETION_THROW)
        json_kv_str(w, "completion", "throw");
    else if (x->completion == JOB_COMPLETION_ABORT)
        json_kv_str(w, "completion", "abort");
    if (x->nlogs) {
        json_key(w, "output");
        json_array_begin(w);
        MLineIter it;
        MLine line;
        uint32_t n = 0;
        model_lines_begin(m, j, &it);
        while (model_lines_next(&it, &line) && n++ < MAX_ARG_LINES)
            json_str(w, line.text, line.len);
        json_array_end(w);
    }
    json_object_end(w);
    json_object_end(w);
}

static void output_events(JsonW *w, const Model *m, uint32_t j, double ts) {
    MLineIter it;
    MLine line;
    model_lines_begin(m, j, &it);
    while (model_lines_next(&it, &line)) {
        json_newline(w);
        json_object_begin(w);
        json_key(w, "name");
        json_str(w, line.text, line.len);
        json_kv_str(w, "cat", line.is_err ? "stderr" : "stdout");
        json_kv_str(w, "ph", "i");
        json_kv_str(w, "s", "t");
        json_kv_num(w, "ts", ts);
        json_kv_uint(w, "pid", PID);
        json_kv_uint(w, "tid", tid_of(&m->jobs[j]));
        json_object_end(w);
    }
}

static void flow(JsonW *w, const Model *m, uint32_t child, const char *ph, uint32_t on, double ts,
                 StrBuf *tmp) {
    const MJob *c = &m->jobs[child];
    json_newline(w);
    json_object_begin(w);
    strbuf_clear(tmp);
    strbuf_puts(tmp, c->reason ? model_str(m, c->reason) : "enqueue");
    json_kv_str(w, "name", tmp->data);
    json_kv_str(w, "cat", "enqueue");
    json_kv_str(w, "ph", ph);
    json_kv_uint(w, "id", c->id);
    json_kv_num(w, "ts", ts);
    json_kv_uint(w, "pid", PID);
    json_kv_uint(w, "tid", tid_of(&m->jobs[on]));
    if (ph[0] == 'f')
        json_kv_str(w, "bp", "e");
    json_object_end(w);
}

void chrome_write(const Model *m, StrBuf *out) {
    uint32_t n = m->njobs ? m->njobs : 1;
    double *ts = xcalloc(n, sizeof *ts), *dur = xcalloc(n, sizeof *dur);
    double end = 0;
    for (uint32_t r = 0; r < m->nrun; r++) {
        uint32_t j = m->run_order[r];
        const MJob *x = &m->jobs[j];
        double start = isfinite(x->time) ? x->time * 1000.0 : 0;
        if (start < end)
            start = end;
        double d = isfinite(x->end_time) ? (x->end_time - x->time) * 1000.0 : 0;
        if (!(d > 0))
            d = x->steps > 0 ? (double)x->steps : 1;
        ts[j] = start;
        dur[j] = d;
        end = start + d;
    }
    /* the jobs each job enqueued, as lists through next_child */
    uint32_t *first_child = xmalloc(n * sizeof *first_child);
    uint32_t *next_child = xmalloc(n * sizeof *next_child);
    uint32_t *last_child = xmalloc(n * sizeof *last_child);
    for (uint32_t j = 0; j < m->njobs; j++)
        first_child[j] = next_child[j] = last_child[j] = MODEL_NONE;
    for (uint32_t j = 0; j < m->njobs; j++) {
        uint32_t p = m->jobs[j].parent;
        if (p == MODEL_NONE || m->jobs[j].run_index == MODEL_NONE ||
            m->jobs[p].run_index == MODEL_NONE)
            continue;
        if (last_child[p] == MODEL_NONE)
            first_child[p] = j;
        else
            next_child[last_child[p]] = j;
        last_child[p] = j;
    }

    JsonW w;
    json_init(&w, out, false);
    StrBuf tmp;
    strbuf_init(&tmp);
    json_object_begin(&w);
    json_key(&w, "traceEvents");
    json_array_begin(&w);
    strbuf_printf(&tmp, "%s (%s, %s)", m->program ? model_str(m, m->program) : "trace",
                  m->spec ? model_str(m, m->spec) : "?", m->host ? model_str(m, m->host) : "?");
    meta(&w, "process_name", 0, "name", tmp.data, 0);
    strbuf_clear(&tmp);
    strbuf_printf(&tmp, "tickscope trace, virtual clock; %u jobs", m->njobs);
    meta(&w, "process_labels", 0, "labels", tmp.data, 0);
    bool used[QUEUE__COUNT] = {false};
    for (uint32_t r = 0; r < m->nrun; r++)
        used[m->jobs[m->run_order[r]].queue] = true;
    for (int q = 0; q < QUEUE__COUNT; q++) {
        if (!used[q])
            continue;
        meta(&w, "thread_name", (uint32_t)q + 1, "name", model_queue_lane((QueueKind)q), 0);
        meta(&w, "thread_sort_index", (uint32_t)q + 1, "sort_index", NULL, q);
    }
    for (uint32_t r = 0; r < m->nrun; r++) {
        uint32_t j = m->run_order[r];
        const MJob *x = &m->jobs[j];
        job_event(&w, m, j, ts[j], dur[j], &tmp);
        output_events(&w, m, j, ts[j]);
        if (x->parent != MODEL_NONE && m->jobs[x->parent].run_index != MODEL_NONE)
            flow(&w, m, j, "f", j, ts[j] + dur[j] / 2, &tmp);
        for (uint32_t c = first_child[j]; c != MODEL_NONE; c = next_child[c])
            flow(&w, m, c, "s", j, ts[j] + dur[j] / 2, &tmp);
    }
    json_newline(&w);
    json_array_end(&w);
    json_kv_str(&w, "displayTimeUnit", "ms");
    json_key(&w, "otherData");
    json_object_begin(&w);
    json_kv_str(&w, "producer", "tickscope trace export");
    json_kv_str(&w, "program", m->program ? model_str(m, m->program) : "");
    json_kv_str(&w, "spec", m->spec ? model_str(m, m->spec) : "");
    json_kv_str(&w, "host", m->host ? model_str(m, m->host) : "");
    json_kv_str(&w, "clock",
                "virtual ms; ts = start in virtual microseconds, stretched so jobs never overlap");
    json_object_end(&w);
    json_object_end(&w);
    strbuf_putc(out, '\n');
    strbuf_fini(&tmp);
    free(first_child);
    free(next_child);
    free(last_child);
    free(ts);
    free(dur);
}
