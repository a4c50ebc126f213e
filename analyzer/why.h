/* why.h — causal chains, and why one job ran before another. The chain of a job is the
 * path through MJob.parent from a root (the script, or a job the host enqueued with no
 * cause in the trace) down to the job: who enqueued whom, including the job that armed a
 * timer for the timer's callback. Two output lines have two chains; they share a prefix
 * (usually the script) and split at one job. Which printing job ran first follows from
 * one rule of the event loop, and why_diverge says which:
 *
 *   - one job printed both lines: statements run in order;
 *   - the earlier job is an ancestor of the later one: a job runs after its enqueuer;
 *   - different macrotask turns: a turn (a task and every microtask it causes) ends
 *     before the next task starts;
 *   - same turn, the earlier job is the turn's task: microtasks run after it;
 *   - same turn, the later job was enqueued only after the earlier one had started:
 *     it did not exist yet (its chain is longer: more ticks);
 *   - both were waiting, in one queue: the queue is first in, first out, and the earlier
 *     one was enqueued first (by whom, at which seq);
 *   - both were waiting, in two queues: the host drains one queue before the other
 *     (node: process.nextTick before promise jobs).
 *
 * Text is produced for the commands (`trace why`, `trace diff`) as whole sentences with
 * job titles (model_job_title) and source locations shortened by model_short_loc. Pure
 * functions of a loaded Model; the caller owns every buffer. */
#ifndef TICKSCOPE_WHY_H
#define TICKSCOPE_WHY_H

#include <stdint.h>

#include "analyzer/model.h"
#include "common/strbuf.h"

/* A chain: job indices from the root down to the job. */
typedef struct {
    uint32_t *jobs;
    uint32_t n;
} WhyChain;

/* The chain of job (MODEL_NONE gives an empty chain). why_chain_fini frees it. */
void why_chain(const Model *m, uint32_t job, WhyChain *out);
void why_chain_fini(WhyChain *c);

/* Append why job was enqueued, as one sentence without a final period: the edge from its
 * parent. E.g. "Script #1 called .then() at a.js:22:4 on promise #3, which was already
 * fulfilled: the reaction was enqueued at once". */
void why_edge_reason(const Model *m, uint32_t job, StrBuf *sb);

typedef enum {
    WHY_SAME_JOB,     /* one job printed both */
    WHY_HOST,         /* a line not printed by any job (a host message) */
    WHY_ANCESTOR,     /* first is on second's chain */
    WHY_EARLIER_TURN, /* first ran in an earlier macrotask turn */
    WHY_TASK_FIRST,   /* same turn: first is the turn's task */
    WHY_NOT_YET,      /* same turn: second was enqueued after first started */
    WHY_FIFO,         /* same queue, both waiting: first was enqueued first */
    WHY_QUEUE_ORDER,  /* both waiting in different queues: first's queue drains first */
    WHY_HOST_ORDER,   /* anything else: the host ran first first */
} WhyRule;

typedef struct {
    WhyRule rule;
    uint32_t first, second;           /* the jobs that printed the earlier and the later line */
    uint32_t shared;                  /* jobs the two chains share from the root */
    uint32_t split;                   /* the last shared job, or MODEL_NONE */
    uint32_t branch_first;            /* first job of the first chain after split, or MODEL_NONE */
    uint32_t branch_second;           /* first job of the second chain after split, or MODEL_NONE */
    uint32_t tick_first, tick_second; /* microtask ticks of the two printing jobs */
} WhyDivergence;

/* Append, one per line (each "  " + sentence + "\n"), the reasons the trace gives for
 * code that never ran: async activations still suspended at the end (an await on a
 * promise that never settled), activations that ended by throwing, and the uncaught
 * error or limit that ended the run. At most max sentences (then "  ... and N more").
 * Returns how many reasons there are (0: the trace shows none). `trace why` prints them
 * when a line is not in the trace. */
uint32_t why_never_ran(const Model *m, uint32_t max, StrBuf *sb);

/* Compare the chains of the jobs that printed an earlier and a later line (either job
 * may be MODEL_NONE, for a host message). */
void why_diverge(const Model *m, const WhyChain *first, const WhyChain *second, WhyDivergence *out);

/* Append where the chains split ("The chains share 1 job, Script #1, which caused ..."),
 * one sentence. name_first and name_second name the two lines as the caller wants them
 * shown (already quoted, e.g. "\"promise2\"" or "#7"). */
void why_explain_split(const Model *m, const WhyDivergence *d, const char *name_first,
                       const char *name_second, StrBuf *sb);
/* Append why the first line came first: the rule, with the facts (turns, queues, seqs,
 * enqueuers, ticks) that make it apply. */
void why_explain_rule(const Model *m, const WhyDivergence *d, const char *name_first,
                      const char *name_second, StrBuf *sb);

/* The name of a rule, for --json and tests: "same-job", "earlier-turn", "fifo", ... */
const char *why_rule_name(WhyRule r);

#endif
