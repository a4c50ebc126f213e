/* builtins/regexp.h — what the RegExp built-in (builtins/regexp.c) shares with the VM and
 * with String.prototype (builtins/string.c): IsRegExp, RegExpCreate for
 * String.prototype.match, matchAll and search, the object behind a regular expression literal (OP_REGEXP), and
 * GetSubstitution, which string.c implements for both replace protocols. */
#ifndef TICKSCOPE_BUILTINS_REGEXP_H
#define TICKSCOPE_BUILTINS_REGEXP_H

#include <stdbool.h>
#include <stdint.h>

#include "tracer/object.h"
#include "tracer/str.h"
#include "tracer/value.h"

/* IsRegExp(argument) (#sec-isregexp): 1 yes, 0 no, -1 on a throw (a getter of
 * argument[Symbol.match]). */
int IsRegExp(Vm *vm, Value v);

/* RegExpCreate(P, F) (#sec-regexpcreate): a new RegExp from %RegExp%; NULL on a throw
 * (SyntaxError "Invalid regular expression: /P/F: ..." or "Invalid flags supplied to
 * RegExp constructor 'F'"). */
Obj *RegExpCreate(Vm *vm, Value P, Value F);

/* The RegExp object of a regular expression literal (#sec-regular-expression-literals-
 * runtime-semantics-evaluation): a new object at every evaluation; the compiled pattern
 * is shared through a cache. NULL on a throw. */
Obj *bi_regexp_from_literal(Vm *vm, ObjString *pattern, ObjString *flags);

/* GetSubstitution(matched, str, position, captures, namedCaptures, replacementTemplate)
 * (#sec-getsubstitution). captures is a dense array of the captures 1..m (strings or
 * undefined; NULL for none); named is undefined or an object. Appends to b; false on a
 * throw (a getter on named). Defined in string.c. */
bool GetSubstitution(Vm *vm, ObjString *matched, ObjString *str, uint32_t position,
                     Obj *captures, Value named, ObjString *tmpl, StrBuilder *b) WARN_UNUSED;

#endif
