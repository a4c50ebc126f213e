/* builtins/mapset.h — read access to Map, Set, WeakMap and WeakSet contents for C code
 * that runs no JS (util.inspect shows `Map(1) { 'a' => 1 }`). The collections themselves
 * live in mapset.c (ecma262 #sec-keyed-collections). Entries are visited in insertion
 * order; a cursor stays valid only while no JS runs and nothing is added or deleted (a
 * collection may empty weak entries, never moves them). */
#ifndef TICKSCOPE_BUILTINS_MAPSET_H
#define TICKSCOPE_BUILTINS_MAPSET_H

#include <stdbool.h>
#include <stdint.h>

#include "tracer/object.h"

/* True when o is a Map, Set, WeakMap or WeakSet made by the constructors (not merely an
 * object whose prototype is Map.prototype). */
bool mapset_is_collection(const Obj *o);

/* The number of live entries (Map/Set .size; WeakMap/WeakSet: the entries whose keys
 * were alive at the last collection). */
uint32_t mapset_size(const Obj *o);

/* Visits the next live entry at or after *cursor (start with 0): stores its key and value
 * (for sets, value = key), advances *cursor, returns true; false at the end. */
bool mapset_next(const Obj *o, uint32_t *cursor, Value *key, Value *value);

/* For a Map/Set iterator: true when it, and *kind = 0 keys, 1 values, 2 entries, and
 * *collection the object iterated (NULL once the iterator is exhausted); *cursor is
 * where its next entry will come from (for mapset_next). */
bool mapset_iterator_state(const Obj *it, Obj **collection, uint32_t *cursor, int *kind);

#endif
