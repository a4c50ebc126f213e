/* trace_event.c — the tables of events.def as C arrays, and lookups by name. */
#include "formats/trace_event.h"

#include <string.h>

/* ---- per-type checks that TraceHeader's members match TF_HEADER ------------------- */

#define TF_HC_STR const char *
#define TF_HC_ENUM const char *
#define TF_HC_BOOL bool
#define TF_HC_UINT uint64_t
#define TF_HC_NUM double
#define TF_HEADER(key, TYPE, PRESENCE, SET, doc)                                           \
    _Static_assert(_Generic(((TraceHeader *)0)->key, TF_HC_##TYPE: 1, default: 0),         \
                   "TraceHeader." #key " must have the C type of " #TYPE);
#include "formats/events.def"

/* ---- tables ----------------------------------------------------------------------- */

static const char *const type_names[] = {
#define TF_TYPE(NAME, text, doc) text,
#include "formats/events.def"
};
static const char *const type_docs[] = {
#define TF_TYPE(NAME, text, doc) doc,
#include "formats/events.def"
};

static const struct {
    TfSpace space;
    TfMode mode;
    const char *doc;
} roles[] = {
#define TF_ROLE(NAME, SPACE, MODE, doc) {TF_SPACE_##SPACE, TF_MODE_##MODE, doc},
#include "formats/events.def"
};

static const struct {
    const char *name;
    const char *doc;
} sets[] = {
#define TF_SET(NAME, doc) {#NAME, doc},
#include "formats/events.def"
};

static const struct {
    TfSet set;
    const char *text;
} values[] = {
#define TF_VALUE(SET, NAME, text) {TFS_##SET, text},
#include "formats/events.def"
};

static const struct {
    const char *name;
    TfType type;
} fields[] = {
#define TF_FIELD(name, TYPE) {#name, TFT_##TYPE},
#include "formats/events.def"
};

static const TfHeaderSpec header_specs[] = {
#define TF_HEADER(key, TYPE, PRESENCE, SET, doc)                                           \
    {#key, TFT_##TYPE, TF_##PRESENCE, TFS_##SET, doc, offsetof(TraceHeader, key)},
#include "formats/events.def"
};

/* All TF_ARG rows, grouped by event as events.def lists them; each event's rows are
 * preceded by a sentinel row (field TFF__COUNT) that ends the previous event's list, and
 * a last sentinel ends the last one. FIRSTARG_x is the index of event x's first row. */
enum {
#define TF_EVENT(NAME, name, summary, example)                                             \
    SENTINEL_##NAME, FIRSTARG_##NAME, BACK_##NAME = FIRSTARG_##NAME - 1,
#define TF_ARG(EVENT, field, PRESENCE, ROLE, SET, doc) ARGROW_##EVENT##_##field,
#include "formats/events.def"
    ARG__END
};

static const TfArgSpec args[] = {
#define TF_EVENT(NAME, name, summary, example) {TFF__COUNT, TF_OPT, TFR_NONE, TFS_NONE, NULL},
#define TF_ARG(EVENT, field, PRESENCE, ROLE, SET, doc)                                      \
    {TFF_##field, TF_##PRESENCE, TFR_##ROLE, TFS_##SET, doc},
#include "formats/events.def"
    {TFF__COUNT, TF_OPT, TFR_NONE, TFS_NONE, NULL},
};
_Static_assert(sizeof args / sizeof args[0] == ARG__END + 1, "one sentinel per event");

static const TfEventSpec event_specs[] = {
#define TF_EVENT(NAME, name, summary, example) {#name, summary, example, &args[FIRSTARG_##NAME]},
#include "formats/events.def"
};

const TfEventSpec *tf_event_spec(TfEventKind kind) {
    return kind >= 0 && kind < EV__COUNT ? &event_specs[kind] : NULL;
}

static bool name_is(const char *name, const char *s, size_t len) {
    return strlen(name) == len && memcmp(name, s, len) == 0;
}

TfEventKind tf_event_by_name(const char *name, size_t len) {
    for (int k = 0; k < EV__COUNT; k++)
        if (name_is(event_specs[k].name, name, len))
            return (TfEventKind)k;
    return EV_UNKNOWN;
}

const char *tf_event_name(TfEventKind kind) {
    return kind >= 0 && kind < EV__COUNT ? event_specs[kind].name : "?";
}

const char *tf_field_name(TfField f) {
    return fields[f].name;
}

TfType tf_field_type(TfField f) {
    return fields[f].type;
}

int tf_field_by_name(const char *name, size_t len) {
    for (int f = 0; f < TFF__COUNT; f++)
        if (name_is(fields[f].name, name, len))
            return f;
    return -1;
}

const TfArgSpec *tf_event_arg(TfEventKind k, TfField f) {
    if (k < 0 || k >= EV__COUNT)
        return NULL;
    for (const TfArgSpec *a = event_specs[k].args; a->field != TFF__COUNT; a++)
        if (a->field == f)
            return a;
    return NULL;
}

const char *tf_type_name(TfType t) {
    return type_names[t];
}

const char *tf_type_doc(TfType t) {
    return type_docs[t];
}

TfSpace tf_role_space(TfRole r) {
    return roles[r].space;
}

TfMode tf_role_mode(TfRole r) {
    return roles[r].mode;
}

const char *tf_role_doc(TfRole r) {
    return roles[r].doc;
}

const char *tf_space_name(TfSpace s) {
    static const char *const names[TF_SPACE__COUNT] = {"", "job", "promise", "reaction",
                                                        "activation", "timer"};
    return names[s];
}

TfEventKind tf_space_definer(TfSpace s) {
    static const TfEventKind definers[TF_SPACE__COUNT] = {
        EV_UNKNOWN, EV_ENQUEUE, EV_PROMISE, EV_THEN, EV_ACTIVATION, EV_TIMER};
    return definers[s];
}

const char *tf_set_name(TfSet s) {
    return sets[s].name;
}

const char *tf_set_doc(TfSet s) {
    return sets[s].doc;
}

void tf_set_values(TfSet s, TfEnumValue *first, int *count) {
    int n = 0, start = -1;
    for (int v = 0; v < TFV__COUNT; v++) {
        if (values[v].set != s)
            continue;
        if (start < 0)
            start = v;
        n++;
    }
    *first = start < 0 ? TFV_UNKNOWN : (TfEnumValue)start;
    *count = n;
}

const char *tf_enum_text(TfEnumValue v) {
    return v >= 0 && v < TFV__COUNT ? values[v].text : "?";
}

TfSet tf_enum_set(TfEnumValue v) {
    return v >= 0 && v < TFV__COUNT ? values[v].set : TFS_NONE;
}

TfEnumValue tf_enum_by_text(TfSet s, const char *text, size_t len) {
    for (int v = 0; v < TFV__COUNT; v++)
        if (values[v].set == s && name_is(values[v].text, text, len))
            return (TfEnumValue)v;
    return TFV_UNKNOWN;
}

const TfHeaderSpec *tf_header_specs(int *count) {
    *count = TFH__COUNT;
    return header_specs;
}

int tf_header_by_name(const char *name, size_t len) {
    for (int h = 0; h < TFH__COUNT; h++)
        if (name_is(header_specs[h].key, name, len))
            return h;
    return -1;
}

void tf_event_init(TraceEvent *ev, TfEventKind k) {
    memset(ev, 0, sizeof *ev);
    ev->kind = k;
    ev->kind_name = tf_event_name(k);
}
