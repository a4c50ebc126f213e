/* idmap.c — see idmap.h. */
#include "analyzer/idmap.h"

#include <stdlib.h>
#include <string.h>

#include "common/util.h"

/* splitmix64's finalizer: trace ids are small consecutive integers, so spread them. */
static uint64_t hash_u64(uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

/* FNV-1a */
static uint64_t hash_bytes(const char *s, size_t n) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

void idmap_init(IdMap *m) {
    memset(m, 0, sizeof *m);
}

void idmap_fini(IdMap *m) {
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

uint32_t idmap_get(const IdMap *m, uint64_t key) {
    if (m->cap == 0)
        return IDMAP_NONE;
    size_t mask = m->cap - 1;
    for (size_t i = hash_u64(key) & mask;; i = (i + 1) & mask) {
        if (m->vals[i] == IDMAP_NONE)
            return IDMAP_NONE;
        if (m->keys[i] == key)
            return m->vals[i];
    }
}

static void idmap_grow(IdMap *m) {
    size_t old_cap = m->cap;
    uint64_t *old_keys = m->keys;
    uint32_t *old_vals = m->vals;
    m->cap = old_cap ? old_cap * 2 : 64;
    m->keys = xmalloc(m->cap * sizeof *m->keys);
    m->vals = xmalloc(m->cap * sizeof *m->vals);
    memset(m->vals, 0xFF, m->cap * sizeof *m->vals); /* IDMAP_NONE everywhere */
    size_t mask = m->cap - 1;
    for (size_t j = 0; j < old_cap; j++) {
        if (old_vals[j] == IDMAP_NONE)
            continue;
        size_t i = hash_u64(old_keys[j]) & mask;
        while (m->vals[i] != IDMAP_NONE)
            i = (i + 1) & mask;
        m->keys[i] = old_keys[j];
        m->vals[i] = old_vals[j];
    }
    free(old_keys);
    free(old_vals);
}

void idmap_put(IdMap *m, uint64_t key, uint32_t val) {
    if (NEVER(val == IDMAP_NONE))
        return;
    if ((m->count + 1) * 2 > m->cap)
        idmap_grow(m);
    size_t mask = m->cap - 1;
    size_t i = hash_u64(key) & mask;
    while (m->vals[i] != IDMAP_NONE) {
        if (m->keys[i] == key) {
            m->vals[i] = val;
            return;
        }
        i = (i + 1) & mask;
    }
    m->keys[i] = key;
    m->vals[i] = val;
    m->count++;
}

/* ---- StrPool ----------------------------------------------------------------------- */

static uint32_t strpool_add(StrPool *p, const char *s, size_t n) {
    if (n > UINT32_MAX - 1 || p->len + n + 1 > UINT32_MAX)
        die(EXIT_NOMEM, "string pool exceeds 4 GiB");
    if (p->count == p->offsets_cap) {
        p->offsets_cap = p->offsets_cap ? p->offsets_cap * 2 : 64;
        p->offsets = xrealloc(p->offsets, p->offsets_cap * sizeof *p->offsets);
        p->lengths = xrealloc(p->lengths, p->offsets_cap * sizeof *p->lengths);
    }
    if (p->len + n + 1 > p->cap) {
        while (p->len + n + 1 > p->cap)
            p->cap = p->cap ? p->cap * 2 : 1024;
        p->bytes = xrealloc(p->bytes, p->cap);
    }
    memcpy(p->bytes + p->len, s, n);
    p->bytes[p->len + n] = '\0';
    p->offsets[p->count] = (uint32_t)p->len;
    p->lengths[p->count] = (uint32_t)n;
    p->len += n + 1;
    return p->count++;
}

static void strpool_rehash(StrPool *p) {
    free(p->table);
    p->table_cap = p->table_cap ? p->table_cap * 2 : 64;
    p->table = xcalloc(p->table_cap, sizeof *p->table);
    size_t mask = p->table_cap - 1;
    for (uint32_t id = 0; id < p->count; id++) {
        size_t i = hash_bytes(p->bytes + p->offsets[id], p->lengths[id]) & mask;
        while (p->table[i])
            i = (i + 1) & mask;
        p->table[i] = id + 1;
    }
}

void strpool_init(StrPool *p) {
    memset(p, 0, sizeof *p);
    strpool_add(p, "", 0);
    strpool_rehash(p);
}

void strpool_fini(StrPool *p) {
    free(p->bytes);
    free(p->offsets);
    free(p->lengths);
    free(p->table);
    memset(p, 0, sizeof *p);
}

uint32_t strpool_intern(StrPool *p, const char *s, size_t n) {
    size_t mask = p->table_cap - 1;
    size_t i = hash_bytes(s, n) & mask;
    for (; p->table[i]; i = (i + 1) & mask) {
        uint32_t id = p->table[i] - 1;
        if (p->lengths[id] == n && memcmp(p->bytes + p->offsets[id], s, n) == 0)
            return id;
    }
    uint32_t id = strpool_add(p, s, n);
    if ((size_t)(p->count) * 2 > p->table_cap)
        strpool_rehash(p);
    else
        p->table[i] = id + 1;
    return id;
}

const char *strpool_str(const StrPool *p, uint32_t id) {
    if (NEVER(id >= p->count))
        return "";
    return p->bytes + p->offsets[id];
}

uint32_t strpool_len(const StrPool *p, uint32_t id) {
    if (NEVER(id >= p->count))
        return 0;
    return p->lengths[id];
}
