/* trace_gen.h — a deterministic generator of random but valid traces, for tests: every
 * event kind, every optional field now and then, ids that refer to earlier events as
 * trace_validate.h requires, and nasty strings (quotes, `: `, `#`, `- `, leading and
 * trailing spaces, newlines, tabs, control characters, DEL, C1 controls, U+2028/2029,
 * U+FEFF, emoji, Chinese text, invalid UTF-8, NUL). The same seed gives the same events
 * on every machine (splitmix64, no rand()).
 *
 * For the independent YAML check (tests/tools/yaml_check.py --hex), each log event's
 * `method` is "hex:" followed by the hex of the UTF-8 its `text` must read back as. */
#ifndef TICKSCOPE_TRACE_GEN_H
#define TICKSCOPE_TRACE_GEN_H

#include <stdint.h>

#include "formats/trace_event.h"

typedef struct TfGen TfGen;

TfGen *tf_gen_new(uint64_t seed);
void tf_gen_free(TfGen *g);
/* A header for the generated trace (strings owned by g, valid until tf_gen_free). */
void tf_gen_header(TfGen *g, TraceHeader *h);
/* The next event, with seq = the number of events generated so far. ev and its strings
 * are valid until the next call on g. */
void tf_gen_next(TfGen *g, TraceEvent *ev);
/* A final exit event (nothing may follow it). */
void tf_gen_exit(TfGen *g, TraceEvent *ev);

#endif
