/* trace_event.h — the trace format's vocabulary as C types, generated from events.def:
 * event kinds (EV_*), field names (TFF_*), value types (TFT_*), id roles (TFR_*), enum
 * sets (TFS_*) and values (TFV_*), header keys (TFH_*); the records that carry one
 * event (TraceEvent) and the header (TraceHeader); and the tables that describe them,
 * which the writer, the reader and the validator share. formats/SPEC.md is the prose
 * form of the same table.
 *
 * A TraceEvent holds at most one value per field name; `present` says which. Strings
 * are (pointer, length) pairs, NUL-terminated too, and may contain NUL bytes. Who owns
 * them depends on who filled the record: see trace_reader.h and trace_writer.h. */
#ifndef TICKSCOPE_TRACE_EVENT_H
#define TICKSCOPE_TRACE_EVENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TF_FORMAT_NAME "tickscope-trace"
#define TF_VERSION_MAJOR 1
#define TF_VERSION_MINOR 0
#define TF_VERSION_TEXT "1.0"

typedef enum {
#define TF_EVENT(NAME, name, summary, example) EV_##NAME,
#include "formats/events.def"
    EV__COUNT,
    EV_UNKNOWN = EV__COUNT /* the reader's kind for an event kind it does not know */
} TfEventKind;

typedef enum {
#define TF_FIELD(name, TYPE) TFF_##name,
#include "formats/events.def"
    TFF__COUNT
} TfField;

typedef enum {
#define TF_TYPE(NAME, text, doc) TFT_##NAME,
#include "formats/events.def"
    TFT__COUNT
} TfType;

typedef enum {
#define TF_ROLE(NAME, SPACE, MODE, doc) TFR_##NAME,
#include "formats/events.def"
    TFR__COUNT
} TfRole;

typedef enum {
#define TF_SET(NAME, doc) TFS_##NAME,
#include "formats/events.def"
    TFS__COUNT
} TfSet;

typedef enum {
    TFV_UNKNOWN = -1, /* the reader's value for a word the set does not know */
#define TF_VALUE(SET, NAME, text) TFV_##SET##_##NAME,
#include "formats/events.def"
    TFV__COUNT
} TfEnumValue;

typedef enum {
#define TF_HEADER(key, TYPE, PRESENCE, SET, doc) TFH_##key,
#include "formats/events.def"
    TFH__COUNT
} TfHeaderKey;

/* Id spaces and how a field uses an id (the SPACE and MODE columns of TF_ROLE). */
typedef enum { TF_SPACE_NONE, TF_SPACE_JOB, TF_SPACE_PROMISE, TF_SPACE_REACTION,
               TF_SPACE_ACTIVATION, TF_SPACE_TIMER, TF_SPACE__COUNT } TfSpace;
typedef enum { TF_MODE_NONE, TF_MODE_NEW, TF_MODE_REF, TF_MODE_QUEUED, TF_MODE_RUNNING } TfMode;

_Static_assert(TFF__COUNT <= 64, "TraceEvent.present is a 64-bit mask");
_Static_assert(TFH__COUNT <= 64, "TraceHeader.present is a 64-bit mask");

/* A position in a trace file: 1-based line and column (columns count characters). */
typedef struct {
    uint32_t line, col;
} TfPos;

typedef struct {
    TfPos pos; /* reader: where the value starts; writer: unused */
    union {
        uint64_t u;    /* TFT_ID, TFT_UINT */
        int64_t i;     /* TFT_INT */
        double d;      /* TFT_NUM */
        bool b;        /* TFT_BOOL */
        TfEnumValue e; /* TFT_ENUM (TFV_UNKNOWN when the word is not in the set) */
    };
    const char *s; /* TFT_STR, TFT_LOC, TFT_ENUM: the text, NUL-terminated */
    size_t len;    /* its length in bytes */
} TfValue;

typedef struct {
    TfEventKind kind;
    uint64_t seq;
    uint64_t present;          /* bit (1 << TFF_x) for each field present */
    TfValue f[TFF__COUNT];     /* f[TFF_x] is meaningful when present */
    const char *kind_name;     /* the `ev` word as written (reader) */
    TfPos pos;                 /* where the event's mapping starts (reader) */
    TfPos seq_pos, kind_pos;   /* where its seq and ev values are (reader) */
} TraceEvent;

/* The header document. Strings (STR and ENUM keys) are present when not NULL; the other
 * keys when their bit (1 << TFH_x) is set in present. */
typedef struct {
    uint64_t present;
    const char *format;
    const char *version;
    const char *program;
    const char *spec;
    const char *host;
    const char *engine;
    const char *clock;
    const char *columns;
    bool module;
    const char *unhandled_rejections;
    uint64_t max_steps;
    uint64_t max_jobs;
    double timeout;
    uint64_t max_heap;
    double step_cost;
    unsigned major, minor; /* reader: the parsed version */
    TfPos pos;             /* reader: where the header mapping starts */
    TfPos key_pos[TFH__COUNT]; /* reader: where each key's value is */
} TraceHeader;

/* ---- the tables ------------------------------------------------------------------- */

typedef enum { TF_OPT = 0, TF_REQ = 1 } TfPresence;

typedef struct {
    TfField field;
    TfPresence presence;
    TfRole role;
    TfSet set;
    const char *doc;
} TfArgSpec;

/* An event kind's fields, in writing order, end with a row whose field is TFF__COUNT:
 *   for (const TfArgSpec *a = spec->args; a->field != TFF__COUNT; a++) ... */
typedef struct {
    const char *name;    /* "enqueue" */
    const char *summary;
    const char *example; /* one line exactly as the writer writes it */
    const TfArgSpec *args;
} TfEventSpec;

typedef struct {
    const char *key;
    TfType type;
    TfPresence presence;
    TfSet set;
    const char *doc;
    size_t offset; /* of the member in TraceHeader */
} TfHeaderSpec;

const TfEventSpec *tf_event_spec(TfEventKind kind);
/* EV_UNKNOWN when the name is not an event kind. */
TfEventKind tf_event_by_name(const char *name, size_t len);
const char *tf_event_name(TfEventKind kind); /* "enqueue"; "?" for EV_UNKNOWN */

const char *tf_field_name(TfField f);
TfType tf_field_type(TfField f);
/* -1 when the name is not a field of any event. */
int tf_field_by_name(const char *name, size_t len);
/* The spec of field f in event kind k, or NULL when k has no such field. */
const TfArgSpec *tf_event_arg(TfEventKind k, TfField f);

const char *tf_type_name(TfType t); /* "id", "uint", ... */
const char *tf_type_doc(TfType t);
TfSpace tf_role_space(TfRole r);
TfMode tf_role_mode(TfRole r);
const char *tf_role_doc(TfRole r);
const char *tf_space_name(TfSpace s); /* "job", "promise", ... */
/* The event kind that defines ids of a space (job: EV_ENQUEUE, promise: EV_PROMISE...). */
TfEventKind tf_space_definer(TfSpace s);

const char *tf_set_name(TfSet s); /* "QUEUE" */
const char *tf_set_doc(TfSet s);
/* The values of a set are first..first+count-1. */
void tf_set_values(TfSet s, TfEnumValue *first, int *count);
const char *tf_enum_text(TfEnumValue v); /* "microtask" */
TfSet tf_enum_set(TfEnumValue v);
/* TFV_UNKNOWN when text is not a value of set s. */
TfEnumValue tf_enum_by_text(TfSet s, const char *text, size_t len);

const TfHeaderSpec *tf_header_specs(int *count);
/* -1 when the key is not a header key. */
int tf_header_by_name(const char *name, size_t len);

/* ---- reading a TraceEvent --------------------------------------------------------- */

static inline bool tf_has(const TraceEvent *e, TfField f) {
    return (e->present >> f) & 1u;
}
/* The value of an id/uint field, 0 when absent (ids are >= 1, so 0 means "none"). */
static inline uint64_t tf_get_u(const TraceEvent *e, TfField f) {
    return tf_has(e, f) ? e->f[f].u : 0;
}
/* The text of a string/loc/enum field, NULL when absent. */
static inline const char *tf_get_s(const TraceEvent *e, TfField f) {
    return tf_has(e, f) ? e->f[f].s : NULL;
}
/* The value of an enum field, TFV_UNKNOWN when absent or unknown. */
static inline TfEnumValue tf_get_e(const TraceEvent *e, TfField f) {
    return tf_has(e, f) ? e->f[f].e : TFV_UNKNOWN;
}

/* Reset ev to an event of kind k with no fields. */
void tf_event_init(TraceEvent *ev, TfEventKind k);

#endif
