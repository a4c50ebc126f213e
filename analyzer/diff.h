/* diff.h — two traces of one program compared job by job and line by line, for
 * `trace diff` (two spec modes, two hosts, two versions of a program).
 *
 * Jobs are aligned by identity: a job's identity is its kind, its handler location (with
 * the program's directory removed, model_short_loc) and its fn name, and the k-th job of
 * an identity in run order in one trace matches the k-th in the other (jobs that never
 * ran count after those that ran, in enqueue order). A job with no partner is "only in"
 * its trace (es2017's PromiseResolveThenableJob); a matched pair whose tick, turn, queue
 * or start time differs is "shifted".
 *
 * Output lines are aligned by text (and stream) and occurrence the same way. The lines
 * that did not move are a heaviest common subsequence of the two line orders, where a
 * line whose printing jobs are matched and not shifted weighs 2 and any other line 1, so
 * that the line that "moved" is the one whose job changed (es2017 → es2019: "async1 end"
 * moved ahead of "promise2", not the reverse). It is found as a weighted longest
 * increasing subsequence in O(n log n) with a Fenwick tree. Matched lines outside it are
 * "moved"; unmatched lines are "removed" (only in A) or "added" (only in B).
 *
 * Everything is linear or n log n in the size of the traces: hash maps for identities,
 * no pairwise comparison. A Diff is caller storage (diff_init/diff_fini); it points into
 * the two Models and OutputLines, which must outlive it. Side 0 is A, side 1 is B. */
#ifndef TICKSCOPE_DIFF_H
#define TICKSCOPE_DIFF_H

#include <stdbool.h>
#include <stdint.h>

#include "analyzer/idmap.h"
#include "analyzer/lines.h"
#include "analyzer/model.h"
#include "common/strbuf.h"

typedef struct {
    const Model *m[2];
    const OutputLines *lines[2];
    StrPool keys;              /* identities of jobs and lines */
    uint32_t *job_key[2];      /* per job: its identity (a StrPool id) */
    uint32_t *job_occ[2];      /* per job: 1-based occurrence of its identity */
    uint32_t *match[2];        /* per job: the job of the other side, or MODEL_NONE */
    uint32_t *lmatch[2];       /* per output line: the line of the other side, or MODEL_NONE */
    uint8_t *kept[2];          /* per output line: 1 when matched and not moved */
    uint32_t *kept_a, *kept_b; /* the kept pairs in order: A and B line indices */
    uint32_t nkept;
    uint32_t nmoved, nadded, nremoved;
    uint32_t nonly[2]; /* jobs only in A, only in B */
    uint32_t nshifted; /* matched pairs that shifted */
} Diff;

void diff_init(Diff *d, const Model *a, const OutputLines *la, const Model *b,
               const OutputLines *lb);
void diff_fini(Diff *d);

/* True when the traces have the same output in the same order, the same jobs and no
 * shifted job. */
bool diff_is_empty(const Diff *d);

/* True when job a of A has a partner in B that ran at another tick, turn, queue or
 * (when diff_time_matters) virtual start time. */
bool diff_job_shifted(const Diff *d, uint32_t a);

/* Whether a job's virtual start time is the host's choice (a task: yes) rather than the
 * sum of the interpreter steps before it (a microtask or nextTick: no). */
bool diff_time_matters(const MJob *x);

/* True when line i of side s is matched but moved. */
bool diff_line_moved(const Diff *d, int side, uint32_t i);

/* Append the identity of job j of side s: "PromiseReactionJob Await fulfilled
 * (a.js:3:5)", with " (occurrence K)" when K > 1. */
void diff_put_identity(const Diff *d, int side, uint32_t j, StrBuf *sb);

/* The merged line sequence, as a unified diff shows it: ' ' a kept line (a and b set),
 * '-' a line of A that moved or was removed (b = MODEL_NONE), '+' a line of B that moved
 * or was added (a = MODEL_NONE). A moved line appears as a '-' and a '+'. */
typedef struct {
    char op;
    uint32_t a, b;
} DiffOp;
/* Returns the number of ops; *ops (caller frees) receives them. */
uint32_t diff_script(const Diff *d, DiffOp **ops);

/* For a moved line i of A: the kept lines it crossed. They are kept_a[*from .. *from +
 * *count) (A indices); *ahead is true when the line now comes before them (it moved
 * earlier), false when after. */
void diff_crossed(const Diff *d, uint32_t i, uint32_t *from, uint32_t *count, bool *ahead);

#endif
