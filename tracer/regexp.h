/* regexp.h — tickscope's own regular-expression engine (ECMA-262 #sec-regexp-regular-
 * expression-objects, pattern semantics #sec-pattern-semantics). Owns the parse of a
 * pattern (the ES2024 grammar #sec-patterns with the v flag's class sets, and Annex B
 * #sec-regular-expressions-patterns when neither u nor v is set) into a small program, and
 * a backtracking matcher over the UTF-16 code units of a JS string (code points in u/v
 * mode). It knows nothing of the VM: the RegExp built-in (builtins/regexp.c) and the
 * lexer's early errors (lexer.c) call it. The matcher never recurses in C: choice points
 * and the undo log of captures and loop counters live on one explicit backtrack stack,
 * bounded by ReInput.max_stack (past it, RE_OVERFLOW, which the built-in turns into V8's
 * RangeError). It calls ReInput.poll every RE_POLL_INTERVAL steps so the VM can stop a
 * catastrophic match at --max-steps or --timeout (RE_ABORTED). A ReProg is immutable after
 * re_compile and may be shared. */
#ifndef TICKSCOPE_REGEXP_H
#define TICKSCOPE_REGEXP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Flags (#sec-regexp.prototype.flags order: d g i m s u v y). */
enum {
    RE_FLAG_HAS_INDICES = 1, /* d */
    RE_FLAG_GLOBAL = 2,      /* g */
    RE_FLAG_IGNORE_CASE = 4, /* i */
    RE_FLAG_MULTILINE = 8,   /* m */
    RE_FLAG_DOT_ALL = 16,    /* s */
    RE_FLAG_UNICODE = 32,    /* u */
    RE_FLAG_UNICODE_SETS = 64, /* v: u plus class set notation (#prod-ClassSetExpression) */
    RE_FLAG_STICKY = 128,    /* y */
};

/* The flag letters in canonical order, "dgimsuvy"; bit i is letter i. */
extern const char re_flag_letters[];

/* Parses a flags string (units); false on an unknown or repeated flag, or u with v. */
bool re_parse_flags(const uint16_t *s, uint32_t len, unsigned *flags);

typedef struct ReProg ReProg;

/* Compiles pattern (len UTF-16 code units) under flags. On a syntax error returns NULL
 * and writes V8's message ("Unterminated group", without the "Invalid regular expression:
 * /p/f: " prefix) to err. Never fails for lack of memory (xmalloc). */
ReProg *re_compile(const uint16_t *pattern, uint32_t len, unsigned flags, char *err,
                   size_t err_cap);
void re_free(ReProg *prog);

/* The number of capture slots: 1 + the number of capturing groups. */
uint32_t re_capture_count(const ReProg *prog);
unsigned re_flags(const ReProg *prog);
/* The name of group i (1-based) as UTF-16 units, or NULL when the group is unnamed. */
const uint16_t *re_group_name(const ReProg *prog, uint32_t i, uint32_t *len);
/* True when some group has a name (exec results get a groups object). */
bool re_has_named_groups(const ReProg *prog);

/* The subject of a match: a JS string's units, Latin-1 bytes or 16-bit units. */
typedef struct {
    const void *data;
    bool wide;
    uint32_t len;
    /* Called every RE_POLL_INTERVAL steps; returning false aborts the match. May be NULL. */
    bool (*poll)(void *ctx);
    void *poll_ctx;
    size_t max_stack; /* backtrack stack entries; 0 means RE_DEFAULT_MAX_STACK */
    bool scan;        /* search forward even when the program is sticky */
} ReInput;

#define RE_POLL_INTERVAL 1024
#define RE_DEFAULT_MAX_STACK ((size_t)1 << 24)

typedef enum {
    RE_NO_MATCH = 0,
    RE_MATCH = 1,
    RE_ABORTED = -1,  /* poll returned false */
    RE_OVERFLOW = -2, /* the backtrack stack passed max_stack */
} ReResult;

/* Tries to match at index start, and unless the program is sticky at each later index
 * (the loop of RegExpBuiltinExec, #sec-regexpbuiltinexec, steps 11-13; in u mode a
 * start never splits a surrogate pair). On RE_MATCH, caps[2k] and caps[2k+1] are the
 * start and end of group k (group 0: the whole match), -1 when undefined; caps holds
 * 2 * re_capture_count(prog) entries. */
ReResult re_exec(const ReProg *prog, const ReInput *in, uint32_t start, int32_t *caps);

/* Canonicalize(rer, ch) (#sec-runtime-semantics-canonicalize-ch) for case-insensitive
 * comparisons outside the matcher; unicode selects simple case folding. The value is a
 * class representative: two characters match under /i exactly when these are equal. */
uint32_t re_canonicalize(uint32_t ch, bool unicode);

/* ---- internal to the engine (regexp_unicode.c, for regexp.c) ------------------------- */

/* The members of ch's case-equivalence class, ascending (NULL, *n = 0: ch is alone). */
const uint32_t *re_fold_class(uint32_t ch, bool unicode, uint32_t *n);
/* The code points of \\p{name} or \\p{name=value} (value NULL), passed to add as ranges;
 * false when the property or value is unknown (nothing added). */
typedef void (*ReRangeFn)(void *ctx, uint32_t lo, uint32_t hi);
bool re_unicode_property(const char *name, const char *value, ReRangeFn add, void *ctx);
/* The \\p{} text of property table entry i ("General_Category=Lu", "Script_Extensions=Grek",
 * "Alphabetic": its first alias) into buf; false past the last entry. For tests. */
bool re_unicode_property_entry(uint32_t i, char *buf, size_t cap);
/* Every class of size two or more: members[starts[k] .. starts[k+1]) for k < *nclasses. */
void re_fold_table(bool unicode, const uint32_t **members, const uint16_t **starts,
                   uint32_t *nclasses);

#endif
