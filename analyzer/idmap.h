/* idmap.h — hash maps for the model: IdMap from the 64-bit ids a trace uses (job,
 * promise, activation, timer ids) to 32-bit indices into the model's arrays, and
 * StrPool, which interns strings (kinds, queues, handler locations) as small integers
 * so that the model stores each distinct string once. Both use open addressing with
 * linear probing in a power-of-two table that doubles at 1/2 load, so every operation
 * is O(1) on average and memory is proportional to the number of entries. Iteration
 * order never reaches output (R22): StrPool ids are handed out in insertion order. */
#ifndef TICKSCOPE_IDMAP_H
#define TICKSCOPE_IDMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define IDMAP_NONE UINT32_MAX /* not a valid value: marks empty slots */

typedef struct {
    uint64_t *keys;
    uint32_t *vals; /* IDMAP_NONE in an empty slot */
    size_t cap;     /* 0 or a power of two */
    size_t count;
} IdMap;

void idmap_init(IdMap *m);
void idmap_fini(IdMap *m);
/* The value stored for key, or IDMAP_NONE. */
uint32_t idmap_get(const IdMap *m, uint64_t key);
/* Store val (not IDMAP_NONE) for key, replacing any previous value. */
void idmap_put(IdMap *m, uint64_t key, uint32_t val);

/* Interned strings. Id 0 is the empty string, which also means "absent". */
typedef struct {
    char *bytes; /* every string, NUL-terminated, back to back */
    size_t len, cap;
    uint32_t *offsets; /* offsets[id] = start of string id in bytes */
    uint32_t *lengths; /* lengths[id], so strings may contain NUL */
    uint32_t count, offsets_cap;
    uint32_t *table; /* hash slots holding id + 1; 0 = empty */
    size_t table_cap;
} StrPool;

void strpool_init(StrPool *p);
void strpool_fini(StrPool *p);
/* The id of s[0..n), adding a copy if it is new. */
uint32_t strpool_intern(StrPool *p, const char *s, size_t n);
/* The string of id, NUL-terminated. The pointer is invalidated by the next intern. */
const char *strpool_str(const StrPool *p, uint32_t id);
uint32_t strpool_len(const StrPool *p, uint32_t id);

#endif
