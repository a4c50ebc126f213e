/* diffout.h — the three renderings of a Diff (diff.h) for `trace diff`:
 *
 *   text   like a unified diff of the output lines (--- A, +++ B, @@ hunks with context,
 *          ' ' kept, '-' only or moved away in A, '+' only or moved here in B, with a
 *          note after each changed line), then the moved lines with their tick shift, the
 *          lines they jumped over and both causal chains, the jobs only in A and only in B
 *          with why each was enqueued, the shifted jobs, and a summary. ANSI colours when
 *          asked (the command decides: a terminal, no NO_COLOR, no --no-color).
 *   json   the same facts as one JSON document; the schema is in analyzer/README.md
 *          ("trace diff --json", schema version 1).
 *   svg    the two timelines stacked (A above B), the differing jobs framed and badged.
 *
 * Text lists stop after DIFFOUT_LIST_MAX entries each (JSON lists are complete). All
 * output is deterministic: it depends on the traces only. */
#ifndef TICKSCOPE_DIFFOUT_H
#define TICKSCOPE_DIFFOUT_H

#include <stdbool.h>

#include "analyzer/diff.h"
#include "common/strbuf.h"

enum { DIFFOUT_LIST_MAX = 20 };

typedef struct {
    const char *label[2]; /* how A and B are named: their paths, or "f.js --spec es2017" */
    bool color;           /* ANSI colours (text only) */
    uint32_t context;     /* unchanged lines around each hunk (text only) */
} DiffOutOptions;

void diffout_text(const Diff *d, const DiffOutOptions *o, StrBuf *out);
void diffout_json(const Diff *d, const DiffOutOptions *o, StrBuf *out);
void diffout_svg(const Diff *d, const DiffOutOptions *o, StrBuf *out);

#endif
