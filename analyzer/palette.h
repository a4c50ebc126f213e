/* palette.h — the colours and line styles the pictures share, so that a queue or an
 * edge reason looks the same in the causality graph and in the timeline: a fill and
 * a border per queue (the hue of the lane and of the job's node), and a colour and a
 * dash style per enqueue reason (the arrows). Plain "#rrggbb" strings. */
#ifndef TICKSCOPE_PALETTE_H
#define TICKSCOPE_PALETTE_H

#include "analyzer/model.h"

const char *palette_queue_fill(QueueKind q);
const char *palette_queue_border(QueueKind q);
/* reason may be NULL or unknown: a neutral grey, solid. */
const char *palette_reason_color(const char *reason);
const char *palette_reason_style(const char *reason); /* "solid" or "dashed" */

#endif
