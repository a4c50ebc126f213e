/* builtins/dom.c — a minimal DOM and MutationObserver (WHATWG DOM #interface-node,
 * #mutation-observers), browser host only, plus window / self. Enough for the classic
 * event-loop puzzles: `document` (documentElement, head, body, createElement,
 * createTextNode), nodes with nodeType, nodeName, tagName, parentNode, childNodes (a
 * fresh array), firstChild, lastChild, appendChild, removeChild, insertBefore,
 * textContent, data / nodeValue (Text), setAttribute, getAttribute, removeAttribute,
 * hasAttribute; MutationObserver with observe (childList, attributes, characterData,
 * subtree, attributeOldValue, characterDataOldValue, attributeFilter), disconnect and
 * takeRecords.
 *
 * Every mutation "queues a mutation record" (DOM #queue-a-mutation-record): the
 * interested observers of the target and, with subtree, of its ancestors get a
 * MutationRecord, and a mutation observer microtask is queued unless one is
 * (host_browser.c). That microtask, "notify mutation observers", calls each observer
 * with a non-empty record queue, in creation order, with (records, observer); an
 * exception is reported and the others still run. Records are plain objects { type,
 * target, addedNodes, removedNodes, previousSibling, nextSibling, attributeName,
 * attributeNamespace, oldValue }; node lists are arrays.
 *
 * A node is a host object: slots parent, children (a private array), attributes (a
 * private object, insertion-ordered) or text, tag name; its registered observers are in
 * its native data. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "tracer/host.h"
#include "tracer/jobs.h"
#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/vm.h"

enum { NODE_ELEMENT = 1, NODE_TEXT = 3, NODE_DOCUMENT = 9 };
enum { SLOT_PARENT = 0, SLOT_CHILDREN = 1, SLOT_ATTRS = 2, SLOT_NAME = 3 }; /* Text: ATTRS = data */
#define SLOT_DATA SLOT_ATTRS

/* MutationObserverInit flags */
enum {
    MO_CHILD_LIST = 1,
    MO_ATTRIBUTES = 2,
    MO_CHARACTER_DATA = 4,
    MO_SUBTREE = 8,
    MO_ATTRIBUTE_OLD_VALUE = 16,
    MO_CHARACTER_DATA_OLD_VALUE = 32,
};

typedef struct {
    Obj *observer;
    unsigned flags;
    Value filter; /* attributeFilter: an array of strings, or undefined */
} Registered;

typedef struct {
    int type;
    Registered *reg;
    size_t nreg, capreg;
} DomNode;

static void node_mark(Vm *vm, Obj *o) {
    DomNode *n = o->u.host.data;
    if (!n)
        return;
    for (size_t i = 0; i < n->nreg; i++) {
        gc_mark(vm, n->reg[i].observer);
        gc_mark_value(vm, n->reg[i].filter);
    }
}

static void node_finalize(Vm *vm, Obj *o) {
    (void)vm;
    DomNode *n = o->u.host.data;
    if (n) {
        free(n->reg);
        free(n);
    }
    o->u.host.data = NULL;
}

static const ObjClass node_class = {.name = "Node", .mark = node_mark, .finalize = node_finalize};

/* MutationObserver: slots callback, record queue (array), node list (array) */
enum { MO_SLOT_CALLBACK = 0, MO_SLOT_RECORDS = 1, MO_SLOT_NODES = 2 };
static const ObjClass observer_class = {.name = "MutationObserver"};

enum { PROTO_ELEMENT = 0, PROTO_TEXT, PROTO_DOCUMENT, PROTO_OBSERVER, PROTO__COUNT };

static Obj *node_of(Value v) {
    if (!val_is_object(v))
        return NULL;
    Obj *o = val_as_obj(v);
    return o->kind == OBJ_HOST && o->u.host.cls == &node_class ? o : NULL;
}

static int node_type(Obj *n) {
    return ((DomNode *)n->u.host.data)->type;
}

static Obj *observer_of(Value v) {
    if (!val_is_object(v))
        return NULL;
    Obj *o = val_as_obj(v);
    return o->kind == OBJ_HOST && o->u.host.cls == &observer_class ? o : NULL;
}

static Obj *proto(Vm *vm, HostState *hs, int which) {
    (void)vm;
    Value a = *browser_ext(hs, BROWSER_EXT_NODE_PROTOS);
    if (!val_is_object(a))
        return NULL;
    Value p = val_as_obj(a)->u.array.elems[which];
    return val_is_object(p) ? val_as_obj(p) : NULL;
}

static Value illegal_invocation(Vm *vm) {
    return vm_throw_type_error(vm, "Illegal invocation");
}

static Value str_value(Vm *vm, const char *s) {
    return val_str(str_new_cstr(vm, s));
}

/* ==== nodes ============================================================================ */

static Obj *new_node(Vm *vm, HostState *hs, int type, Value name_or_data) {
    gc_root_push(vm, &name_or_data);
    int which = type == NODE_ELEMENT ? PROTO_ELEMENT
                : type == NODE_TEXT  ? PROTO_TEXT
                                     : PROTO_DOCUMENT;
    Obj *o = obj_new_kind(vm, OBJ_HOST, proto(vm, hs, which));
    o->u.host.cls = &node_class;
    DomNode *n = xcalloc(1, sizeof *n);
    n->type = type;
    o->u.host.data = n;
    o->u.host.slots[SLOT_PARENT] = VAL_NULL;
    gc_root_push_ptr(vm, &o);
    if (type == NODE_TEXT) {
        o->u.host.slots[SLOT_DATA] = name_or_data;
    } else {
        o->u.host.slots[SLOT_CHILDREN] = val_obj(obj_new_array(vm, 0));
        o->u.host.slots[SLOT_ATTRS] = val_obj(obj_new(vm, NULL));
        o->u.host.slots[SLOT_NAME] = name_or_data;
    }
    gc_root_pop(vm, 2);
    return o;
}

static Obj *children(Obj *n) {
    Value c = n->u.host.slots[SLOT_CHILDREN];
    return val_is_object(c) ? val_as_obj(c) : NULL;
}

static Obj *parent(Obj *n) {
    return node_of(n->u.host.slots[SLOT_PARENT]);
}

static int64_t index_in_parent(Obj *n) {
    Obj *p = parent(n);
    Obj *c = p ? children(p) : NULL;
    if (!c)
        return -1;
    for (uint32_t i = 0; i < obj_array_len(c); i++)
        if (c->u.array.elems[i] == val_obj(n))
            return i;
    return -1;
}

static Value sibling(Obj *n, int delta) {
    int64_t i = index_in_parent(n);
    if (i < 0)
        return VAL_NULL;
    Obj *c = children(parent(n));
    int64_t j = i + delta;
    if (j < 0 || j >= (int64_t)obj_array_len(c))
        return VAL_NULL;
    return c->u.array.elems[j];
}

/* ==== mutation records (DOM #queue-a-mutation-record) ================================== */

static bool filter_has(Vm *vm, Value filter, Value name) {
    if (!val_is_object(filter))
        return true;
    Obj *f = val_as_obj(filter);
    (void)vm;
    for (uint32_t i = 0; i < obj_array_len(f); i++) {
        Value v = f->u.array.elems[i];
        if (val_is_string(v) && val_is_string(name) && str_equal(val_as_str(v), val_as_str(name)))
            return true;
    }
    return false;
}

static JobRunFn notify_mutation_observers;

typedef enum { REC_ATTRIBUTES, REC_CHARACTER_DATA, REC_CHILD_LIST } RecordType;

typedef struct {
    RecordType type;
    Value target, name, old_value, added, removed, prev, next;
} RecordArgs;

/* o.k = v (v is rooted while the key is interned) */
static bool def(Vm *vm, Obj *o, const char *k, Value v) {
    gc_root_push(vm, &v);
    Atom key = atom_intern(vm, k);
    bool ok = obj_define_value(vm, o, key, v, PROP_DEFAULT);
    gc_root_pop(vm, 1);
    return ok;
}

static Obj *make_record(Vm *vm, RecordArgs *a, Value old) {
    static const char *const types[] = {"attributes", "characterData", "childList"};
    gc_root_push(vm, &old);
    Obj *r = obj_new_plain(vm);
    gc_root_push_ptr(vm, &r);
    Value added = val_is_object(a->added) ? a->added : val_obj(obj_new_array(vm, 0));
    gc_root_push(vm, &added);
    Value removed = val_is_object(a->removed) ? a->removed : val_obj(obj_new_array(vm, 0));
    gc_root_push(vm, &removed);
    bool ok = def(vm, r, "type", str_value(vm, types[a->type])) &&
              def(vm, r, "target", a->target) && def(vm, r, "addedNodes", added) &&
              def(vm, r, "removedNodes", removed) && def(vm, r, "previousSibling", a->prev) &&
              def(vm, r, "nextSibling", a->next) && def(vm, r, "attributeName", a->name) &&
              def(vm, r, "attributeNamespace", VAL_NULL) && def(vm, r, "oldValue", old);
    if (!ok)
        vm_take_exception(vm);
    gc_root_pop(vm, 4);
    return r;
}

static void queue_record(Vm *vm, RecordArgs *a) {
    HostState *hs = host_state(vm);
    gc_root_push(vm, &a->target);
    gc_root_push(vm, &a->name);
    gc_root_push(vm, &a->old_value);
    gc_root_push(vm, &a->added);
    gc_root_push(vm, &a->removed);
    gc_root_push(vm, &a->prev);
    gc_root_push(vm, &a->next);
    /* interestedObservers: observer -> mapped old value, in the order first found */
    Obj *observers = obj_new_array(vm, 0);
    gc_root_push_ptr(vm, &observers);
    Obj *olds = obj_new_array(vm, 0);
    gc_root_push_ptr(vm, &olds);
    Obj *target = node_of(a->target);
    for (Obj *node = target; node; node = parent(node)) {
        DomNode *dn = node->u.host.data;
        for (size_t i = 0; i < dn->nreg; i++) {
            Registered *r = &dn->reg[i];
            unsigned f = r->flags;
            if (node != target && !(f & MO_SUBTREE))
                continue;
            if (a->type == REC_ATTRIBUTES &&
                (!(f & MO_ATTRIBUTES) || !filter_has(vm, r->filter, a->name)))
                continue;
            if (a->type == REC_CHARACTER_DATA && !(f & MO_CHARACTER_DATA))
                continue;
            if (a->type == REC_CHILD_LIST && !(f & MO_CHILD_LIST))
                continue;
            uint32_t k;
            for (k = 0; k < obj_array_len(observers); k++)
                if (observers->u.array.elems[k] == val_obj(r->observer))
                    break;
            if (k == obj_array_len(observers)) {
                if (!obj_array_push(vm, observers, val_obj(r->observer)) ||
                    !obj_array_push(vm, olds, VAL_NULL))
                    vm_take_exception(vm);
                dn = node->u.host.data; /* (no reallocation of reg happens here) */
                r = &dn->reg[i];
            }
            if ((a->type == REC_ATTRIBUTES && (f & MO_ATTRIBUTE_OLD_VALUE)) ||
                (a->type == REC_CHARACTER_DATA && (f & MO_CHARACTER_DATA_OLD_VALUE)))
                olds->u.array.elems[k] = a->old_value;
        }
    }
    for (uint32_t k = 0; k < obj_array_len(observers); k++) {
        Obj *rec = make_record(vm, a, olds->u.array.elems[k]);
        Obj *mo = val_as_obj(observers->u.array.elems[k]);
        Value q = mo->u.host.slots[MO_SLOT_RECORDS];
        if (!obj_array_push(vm, val_as_obj(q), val_obj(rec)))
            vm_take_exception(vm);
    }
    if (obj_array_len(observers))
        browser_queue_mutation_microtask(hs, notify_mutation_observers);
    gc_root_pop(vm, 9);
}

/* "notify mutation observers" (DOM #notify-mutation-observers) */
static Value notify_mutation_observers(Vm *vm, Job *job) {
    (void)job;
    HostState *hs = host_state(vm);
    browser_mutation_microtask_done(hs);
    Value all = *browser_ext(hs, BROWSER_EXT_OBSERVERS);
    if (!val_is_object(all))
        return VAL_UNDEFINED;
    Obj *set =
        obj_new_array_from(vm, obj_array_len(val_as_obj(all)), val_as_obj(all)->u.array.elems);
    gc_root_push_ptr(vm, &set);
    Value result = VAL_UNDEFINED;
    for (uint32_t i = 0; i < obj_array_len(set); i++) {
        Obj *mo = val_as_obj(set->u.array.elems[i]);
        Value records = mo->u.host.slots[MO_SLOT_RECORDS];
        if (!val_is_object(records) || obj_array_len(val_as_obj(records)) == 0)
            continue;
        Obj *fresh = obj_new_array(vm, 0);
        mo->u.host.slots[MO_SLOT_RECORDS] = val_obj(fresh);
        gc_root_push(vm, &records);
        Value args[2] = {records, val_obj(mo)};
        Value r = vm_call(vm, mo->u.host.slots[MO_SLOT_CALLBACK], val_obj(mo), 2, args);
        gc_root_pop(vm, 1);
        if (r == VAL_EXCEPTION && !host_report_exception(hs)) {
            result = VAL_EXCEPTION;
            break;
        }
    }
    gc_root_pop(vm, 1);
    return result;
}

/* ==== tree mutations =================================================================== */

static bool is_inclusive_ancestor(Obj *a, Obj *n) {
    for (; n; n = parent(n))
        if (n == a)
            return true;
    return false;
}

/* "remove" (DOM #concept-node-remove), with its childList record. */
static bool remove_node(Vm *vm, Obj *node) {
    Obj *p = parent(node);
    if (!p)
        return true;
    gc_root_push_ptr(vm, &p); /* the old parent may be reachable only from node */
    RecordArgs a = {REC_CHILD_LIST, val_obj(p),    VAL_NULL,          VAL_NULL,
                    VAL_UNDEFINED,  VAL_UNDEFINED, sibling(node, -1), sibling(node, +1)};
    int64_t i = index_in_parent(node);
    Obj *c = children(p);
    memmove(&c->u.array.elems[i], &c->u.array.elems[i + 1],
            (obj_array_len(c) - (size_t)i - 1) * sizeof(Value));
    if (!obj_array_set_length(vm, c, obj_array_len(c) - 1, false)) {
        gc_root_pop(vm, 1);
        return false;
    }
    node->u.host.slots[SLOT_PARENT] = VAL_NULL;
    gc_root_push_ptr(vm, &node);
    a.removed = val_obj(obj_new_array_from(vm, 1, &(Value){val_obj(node)}));
    queue_record(vm, &a);
    gc_root_pop(vm, 2);
    return true;
}

/* "pre-insert" node into p before child (NULL: append), with its records. */
static Value insert_node(Vm *vm, Obj *p, Obj *node, Obj *child) {
    if (node_type(p) == NODE_TEXT)
        return vm_throw_type_error(vm, "Failed to execute 'appendChild' on 'Node': This node "
                                       "type does not support this method.");
    if (is_inclusive_ancestor(node, p))
        return vm_throw_type_error(vm, "Failed to execute 'appendChild' on 'Node': The new "
                                       "child element contains the parent.");
    if (node_type(node) == NODE_DOCUMENT)
        return vm_throw_type_error(vm,
                                   "Failed to execute 'appendChild' on 'Node': Nodes of "
                                   "type '#document' may not be inserted inside nodes of "
                                   "type '%s'.",
                                   node_type(p) == NODE_DOCUMENT ? "#document" : "Element");
    gc_root_push_ptr(vm, &p);
    gc_root_push_ptr(vm, &node);
    gc_root_push_ptr(vm, &child);
    if (child == node)
        child = node_of(sibling(node, +1));
    Value result = val_obj(node);
    if (parent(node) && !remove_node(vm, node))
        result = VAL_EXCEPTION;
    if (result != VAL_EXCEPTION) {
        Obj *c = children(p);
        uint32_t at = obj_array_len(c);
        if (child) {
            int64_t i = index_in_parent(child);
            if (i < 0 || parent(child) != p) {
                gc_root_pop(vm, 3);
                return vm_throw_type_error(vm, "Failed to execute 'insertBefore' on 'Node': The "
                                               "node before which the new node is to be inserted "
                                               "is not a child of this node.");
            }
            at = (uint32_t)i;
        }
        Value prev = at > 0 ? c->u.array.elems[at - 1] : VAL_NULL;
        if (!obj_array_push(vm, c, VAL_NULL)) {
            result = VAL_EXCEPTION;
        } else {
            c = children(p);
            memmove(&c->u.array.elems[at + 1], &c->u.array.elems[at],
                    (obj_array_len(c) - at - 1) * sizeof(Value));
            c->u.array.elems[at] = val_obj(node);
            node->u.host.slots[SLOT_PARENT] = val_obj(p);
            RecordArgs a = {
                REC_CHILD_LIST, val_obj(p),    VAL_NULL, VAL_NULL,
                VAL_UNDEFINED,  VAL_UNDEFINED, prev,     child ? val_obj(child) : VAL_NULL};
            a.added = val_obj(obj_new_array_from(vm, 1, &(Value){val_obj(node)}));
            queue_record(vm, &a);
        }
    }
    gc_root_pop(vm, 3);
    return result;
}

/* textContent: the concatenation of the descendant Text nodes' data. */
static void text_content(Obj *n, StrBuilder *b) {
    if (node_type(n) == NODE_TEXT) {
        Value d = n->u.host.slots[SLOT_DATA];
        if (val_is_string(d))
            sbld_put_str(b, val_as_str(d));
        return;
    }
    Obj *c = children(n);
    for (uint32_t i = 0; c && i < obj_array_len(c); i++)
        text_content(val_as_obj(c->u.array.elems[i]), b);
}

/* "replace data" of a Text node, with its characterData record. */
static void replace_data(Vm *vm, Obj *t, ObjString *s) {
    Value old = t->u.host.slots[SLOT_DATA];
    gc_root_push(vm, &old);
    t->u.host.slots[SLOT_DATA] = val_str(s);
    RecordArgs a = {REC_CHARACTER_DATA, val_obj(t),    VAL_NULL, old,
                    VAL_UNDEFINED,      VAL_UNDEFINED, VAL_NULL, VAL_NULL};
    queue_record(vm, &a);
    gc_root_pop(vm, 1);
}

/* "string replace all" (DOM #string-replace-all): one childList record. */
static bool replace_all(Vm *vm, HostState *hs, Obj *p, ObjString *s) {
    gc_root_push_ptr(vm, &p);
    Obj *text = NULL;
    gc_root_push_ptr(vm, &text);
    if (s->len)
        text = new_node(vm, hs, NODE_TEXT, val_str(s));
    Obj *old = children(p);
    Obj *removed = obj_new_array_from(vm, obj_array_len(old), old->u.array.elems);
    gc_root_push_ptr(vm, &removed);
    for (uint32_t i = 0; i < obj_array_len(removed); i++)
        val_as_obj(removed->u.array.elems[i])->u.host.slots[SLOT_PARENT] = VAL_NULL;
    Obj *fresh = obj_new_array(vm, 0);
    p->u.host.slots[SLOT_CHILDREN] = val_obj(fresh);
    Value added = VAL_UNDEFINED;
    gc_root_push(vm, &added);
    if (text) {
        if (!obj_array_push(vm, fresh, val_obj(text)))
            vm_take_exception(vm);
        text->u.host.slots[SLOT_PARENT] = val_obj(p);
        added = val_obj(obj_new_array_from(vm, 1, &(Value){val_obj(text)}));
    }
    if (text || obj_array_len(removed)) {
        RecordArgs a = {REC_CHILD_LIST, val_obj(p),       VAL_NULL, VAL_NULL,
                        added,          val_obj(removed), VAL_NULL, VAL_NULL};
        queue_record(vm, &a);
    }
    gc_root_pop(vm, 4);
    return true;
}

/* ==== Node methods and accessors ======================================================= */

static NATIVE(node_append_child) {
    Obj *p = node_of(this_val), *n = node_of(ARG(0));
    if (!p)
        return illegal_invocation(vm);
    if (!n)
        return vm_throw_type_error(vm, "Failed to execute 'appendChild' on 'Node': parameter 1 "
                                       "is not of type 'Node'.");
    return insert_node(vm, p, n, NULL);
}

static NATIVE(node_insert_before) {
    Obj *p = node_of(this_val), *n = node_of(ARG(0));
    if (!p)
        return illegal_invocation(vm);
    if (!n)
        return vm_throw_type_error(vm, "Failed to execute 'insertBefore' on 'Node': parameter 1 "
                                       "is not of type 'Node'.");
    return insert_node(vm, p, n, node_of(ARG(1)));
}

static NATIVE(node_remove_child) {
    Obj *p = node_of(this_val), *n = node_of(ARG(0));
    if (!p)
        return illegal_invocation(vm);
    if (!n || parent(n) != p)
        return vm_throw_type_error(vm, "Failed to execute 'removeChild' on 'Node': The node to "
                                       "be removed is not a child of this node.");
    return remove_node(vm, n) ? val_obj(n) : VAL_EXCEPTION;
}

enum {
    G_NODE_TYPE,
    G_NODE_NAME,
    G_PARENT,
    G_CHILD_NODES,
    G_FIRST,
    G_LAST,
    G_PREV,
    G_NEXT,
    G_TEXT_CONTENT,
    G_DATA
};

static NATIVE(node_getter) {
    Obj *n = node_of(this_val);
    if (!n)
        return illegal_invocation(vm);
    int type = node_type(n);
    switch (ctx->magic) {
    case G_NODE_TYPE:
        return val_number(type);
    case G_NODE_NAME:
        if (type == NODE_TEXT)
            return str_value(vm, "#text");
        if (type == NODE_DOCUMENT)
            return str_value(vm, "#document");
        return n->u.host.slots[SLOT_NAME];
    case G_PARENT:
        return n->u.host.slots[SLOT_PARENT];
    case G_CHILD_NODES: {
        Obj *c = children(n);
        return val_obj(c ? obj_new_array_from(vm, obj_array_len(c), c->u.array.elems)
                         : obj_new_array(vm, 0));
    }
    case G_FIRST:
    case G_LAST: {
        Obj *c = children(n);
        if (!c || !obj_array_len(c))
            return VAL_NULL;
        return c->u.array.elems[ctx->magic == G_FIRST ? 0 : obj_array_len(c) - 1];
    }
    case G_PREV:
        return sibling(n, -1);
    case G_NEXT:
        return sibling(n, +1);
    case G_TEXT_CONTENT: {
        if (type == NODE_DOCUMENT)
            return VAL_NULL;
        StrBuilder b;
        sbld_init(&b);
        text_content(n, &b);
        ObjString *s = sbld_finish(vm, &b);
        sbld_fini(&b);
        return val_str(s);
    }
    default:
        return type == NODE_TEXT ? n->u.host.slots[SLOT_DATA] : VAL_NULL;
    }
}

static NATIVE(node_set_text_content) {
    HostState *hs = host_state(vm);
    Obj *n = node_of(this_val);
    if (!n)
        return illegal_invocation(vm);
    ObjString *s = val_is_null(ARG(0)) ? str_empty(vm) : ToString(vm, ARG(0));
    if (!s)
        return VAL_EXCEPTION;
    if (node_type(n) == NODE_TEXT)
        replace_data(vm, n, s);
    else if (node_type(n) == NODE_ELEMENT)
        replace_all(vm, hs, n, s);
    return VAL_UNDEFINED;
}

static NATIVE(node_set_data) {
    Obj *n = node_of(this_val);
    if (!n)
        return illegal_invocation(vm);
    if (node_type(n) != NODE_TEXT)
        return VAL_UNDEFINED;
    ObjString *s = val_is_null(ARG(0)) ? str_empty(vm) : ToString(vm, ARG(0));
    if (!s)
        return VAL_EXCEPTION;
    replace_data(vm, n, s);
    return VAL_UNDEFINED;
}

/* Element attributes: the name is lowercased (HTML documents). */
static ObjString *attr_name(Vm *vm, Value v) {
    ObjString *s = ToString(vm, v);
    if (!s)
        return NULL;
    StrBuilder b;
    sbld_init(&b);
    for (uint32_t i = 0; i < s->len; i++) {
        uint16_t u = str_at(s, i);
        sbld_put_unit(&b, u < 128 ? (uint16_t)tolower(u) : u);
    }
    ObjString *r = sbld_finish(vm, &b);
    sbld_fini(&b);
    return r;
}

static Obj *attrs_of(Obj *n) {
    if (node_type(n) != NODE_ELEMENT)
        return NULL;
    return val_as_obj(n->u.host.slots[SLOT_ATTRS]);
}

enum { A_SET, A_GET, A_REMOVE, A_HAS };

static NATIVE(element_attribute) {
    Obj *n = node_of(this_val);
    Obj *attrs = n ? attrs_of(n) : NULL;
    if (!attrs)
        return illegal_invocation(vm);
    ObjString *name = attr_name(vm, ARG(0));
    if (!name)
        return VAL_EXCEPTION;
    gc_root_push_ptr(vm, &name);
    Atom key = atom_from_str(vm, name);
    Prop *p = obj_find_own_prop(attrs, key);
    Value old = p ? p->u.value : VAL_NULL;
    Value r = VAL_UNDEFINED;
    switch (ctx->magic) {
    case A_GET:
        r = old;
        break;
    case A_HAS:
        r = val_bool(p != NULL);
        break;
    case A_SET: {
        ObjString *v = ToString(vm, ARG(1));
        if (!v) {
            r = VAL_EXCEPTION;
            break;
        }
        gc_root_push(vm, &old);
        RecordArgs a = {REC_ATTRIBUTES, this_val,      val_str(name), old,
                        VAL_UNDEFINED,  VAL_UNDEFINED, VAL_NULL,      VAL_NULL};
        Value vv = val_str(v);
        gc_root_push(vm, &vv);
        queue_record(vm, &a);
        if (!obj_define_value(vm, attrs, key, vv, PROP_DEFAULT))
            r = VAL_EXCEPTION;
        gc_root_pop(vm, 2);
        break;
    }
    case A_REMOVE: {
        if (!p)
            break;
        gc_root_push(vm, &old);
        RecordArgs a = {REC_ATTRIBUTES, this_val,      val_str(name), old,
                        VAL_UNDEFINED,  VAL_UNDEFINED, VAL_NULL,      VAL_NULL};
        queue_record(vm, &a);
        bool deleted;
        if (!obj_delete(vm, attrs, key, &deleted))
            r = VAL_EXCEPTION;
        gc_root_pop(vm, 1);
        break;
    }
    }
    gc_root_pop(vm, 1);
    return r;
}

/* ==== document ========================================================================= */

static NATIVE(document_create_element) {
    HostState *hs = host_state(vm);
    ObjString *tag = ToString(vm, ARG(0));
    if (!tag)
        return VAL_EXCEPTION;
    /* tagName of an HTML element is its local name uppercased */
    StrBuilder b;
    sbld_init(&b);
    for (uint32_t i = 0; i < tag->len; i++) {
        uint16_t u = str_at(tag, i);
        sbld_put_unit(&b, u < 128 ? (uint16_t)toupper(u) : u);
    }
    ObjString *upper = sbld_finish(vm, &b);
    sbld_fini(&b);
    return val_obj(new_node(vm, hs, NODE_ELEMENT, val_str(upper)));
}

static NATIVE(document_create_text_node) {
    HostState *hs = host_state(vm);
    ObjString *s = ToString(vm, ARG(0));
    if (!s)
        return VAL_EXCEPTION;
    return val_obj(new_node(vm, hs, NODE_TEXT, val_str(s)));
}

/* ==== MutationObserver ================================================================= */

static NATIVE(mutation_observer_ctor) {
    HostState *hs = host_state(vm);
    if (val_is_undefined(ctx->new_target))
        return vm_throw_type_error(vm, "Failed to construct 'MutationObserver': Please use the "
                                       "'new' operator, this DOM object constructor cannot be "
                                       "called as a function.");
    if (!IsCallable(ARG(0)))
        return vm_throw_type_error(vm, "Failed to construct 'MutationObserver': parameter 1 is "
                                       "not of type 'MutationCallback'.");
    Obj *mo =
        obj_create_from_constructor(vm, ctx->new_target, OBJ_HOST, proto(vm, hs, PROTO_OBSERVER));
    if (!mo)
        return VAL_EXCEPTION;
    mo->u.host.cls = &observer_class;
    mo->u.host.slots[MO_SLOT_CALLBACK] = ARG(0);
    gc_root_push_ptr(vm, &mo);
    mo->u.host.slots[MO_SLOT_RECORDS] = val_obj(obj_new_array(vm, 0));
    mo->u.host.slots[MO_SLOT_NODES] = val_obj(obj_new_array(vm, 0));
    Value *all = browser_ext(hs, BROWSER_EXT_OBSERVERS);
    if (!val_is_object(*all))
        *all = val_obj(obj_new_array(vm, 0));
    Value r = val_obj(mo);
    if (!obj_array_push(vm, val_as_obj(*all), val_obj(mo)))
        r = VAL_EXCEPTION;
    gc_root_pop(vm, 1);
    return r;
}

/* An option of MutationObserverInit: -1 absent, 0 false, 1 true. */
static int option(Vm *vm, Value opts, const char *name, bool *threw) {
    if (!val_is_object(opts))
        return -1;
    Value v = obj_get(vm, val_as_obj(opts), atom_intern(vm, name));
    if (v == VAL_EXCEPTION) {
        *threw = true;
        return -1;
    }
    return val_is_undefined(v) ? -1 : ToBoolean(v);
}

static NATIVE(mutation_observer_observe) {
    Obj *mo = observer_of(this_val);
    if (!mo)
        return illegal_invocation(vm);
    Obj *target = node_of(ARG(0));
    if (!target)
        return vm_throw_type_error(vm, "Failed to execute 'observe' on 'MutationObserver': "
                                       "parameter 1 is not of type 'Node'.");
    bool threw = false;
    Value opts = ARG(1);
    int child_list = option(vm, opts, "childList", &threw);
    int attributes = option(vm, opts, "attributes", &threw);
    int character_data = option(vm, opts, "characterData", &threw);
    int subtree = option(vm, opts, "subtree", &threw);
    int attr_old = option(vm, opts, "attributeOldValue", &threw);
    int cd_old = option(vm, opts, "characterDataOldValue", &threw);
    Value filter = VAL_UNDEFINED;
    if (val_is_object(opts)) {
        filter = obj_get(vm, val_as_obj(opts), atom_intern(vm, "attributeFilter"));
        if (filter == VAL_EXCEPTION)
            return VAL_EXCEPTION;
    }
    if (threw)
        return VAL_EXCEPTION;
    /* DOM #dom-mutationobserver-observe steps 1-6 */
    if (attributes < 0 && (attr_old >= 0 || !val_is_undefined(filter)))
        attributes = 1;
    if (character_data < 0 && cd_old >= 0)
        character_data = 1;
    if (child_list <= 0 && attributes <= 0 && character_data <= 0)
        return vm_throw_type_error(vm, "Failed to execute 'observe' on 'MutationObserver': The "
                                       "options object must set at least one of 'attributes', "
                                       "'characterData', or 'childList' to true.");
    if (attr_old > 0 && attributes == 0)
        return vm_throw_type_error(vm, "Failed to execute 'observe' on 'MutationObserver': The "
                                       "options object may only set 'attributeOldValue' to "
                                       "true when 'attributes' is true or not present.");
    if (cd_old > 0 && character_data == 0)
        return vm_throw_type_error(vm, "Failed to execute 'observe' on 'MutationObserver': The "
                                       "options object may only set 'characterDataOldValue' to "
                                       "true when 'characterData' is true or not present.");
    unsigned flags = (child_list > 0 ? MO_CHILD_LIST : 0) | (attributes > 0 ? MO_ATTRIBUTES : 0) |
                     (character_data > 0 ? MO_CHARACTER_DATA : 0) | (subtree > 0 ? MO_SUBTREE : 0) |
                     (attr_old > 0 ? MO_ATTRIBUTE_OLD_VALUE : 0) |
                     (cd_old > 0 ? MO_CHARACTER_DATA_OLD_VALUE : 0);
    if (!val_is_undefined(filter)) {
        /* a sequence<DOMString>: copied into a private array of strings */
        gc_root_push(vm, &filter);
        Obj *copy = obj_new_array(vm, 0);
        gc_root_push_ptr(vm, &copy);
        double len = 0;
        if (val_is_object(filter) && !LengthOfArrayLike(vm, val_as_obj(filter), &len)) {
            gc_root_pop(vm, 2);
            return VAL_EXCEPTION;
        }
        for (uint32_t i = 0; i < (uint32_t)len; i++) {
            Value e = obj_get_index(vm, val_as_obj(filter), i);
            ObjString *s = e == VAL_EXCEPTION ? NULL : ToString(vm, e);
            if (!s || !obj_array_push(vm, copy, val_str(s))) {
                gc_root_pop(vm, 2);
                return VAL_EXCEPTION;
            }
        }
        filter = val_obj(copy);
        gc_root_pop(vm, 2);
    }
    DomNode *dn = target->u.host.data;
    for (size_t i = 0; i < dn->nreg; i++) {
        if (dn->reg[i].observer == mo) {
            dn->reg[i].flags = flags;
            dn->reg[i].filter = filter;
            return VAL_UNDEFINED;
        }
    }
    gc_root_push(vm, &filter);
    Obj *nodes = val_as_obj(mo->u.host.slots[MO_SLOT_NODES]);
    bool ok = obj_array_push(vm, nodes, val_obj(target));
    gc_root_pop(vm, 1);
    if (!ok)
        return VAL_EXCEPTION;
    if (dn->nreg == dn->capreg) {
        dn->capreg = dn->capreg ? dn->capreg * 2 : 2;
        dn->reg = xrealloc(dn->reg, dn->capreg * sizeof *dn->reg);
    }
    dn->reg[dn->nreg++] = (Registered){mo, flags, filter};
    return VAL_UNDEFINED;
}

static NATIVE(mutation_observer_disconnect) {
    Obj *mo = observer_of(this_val);
    if (!mo)
        return illegal_invocation(vm);
    Obj *nodes = val_as_obj(mo->u.host.slots[MO_SLOT_NODES]);
    for (uint32_t i = 0; i < obj_array_len(nodes); i++) {
        DomNode *dn = val_as_obj(nodes->u.array.elems[i])->u.host.data;
        for (size_t k = 0; k < dn->nreg;) {
            if (dn->reg[k].observer == mo)
                dn->reg[k] = dn->reg[--dn->nreg];
            else
                k++;
        }
    }
    if (!obj_array_set_length(vm, nodes, 0, false))
        return VAL_EXCEPTION;
    mo->u.host.slots[MO_SLOT_RECORDS] = val_obj(obj_new_array(vm, 0));
    return VAL_UNDEFINED;
}

static NATIVE(mutation_observer_take_records) {
    Obj *mo = observer_of(this_val);
    if (!mo)
        return illegal_invocation(vm);
    Value r = mo->u.host.slots[MO_SLOT_RECORDS];
    gc_root_push(vm, &r);
    mo->u.host.slots[MO_SLOT_RECORDS] = val_obj(obj_new_array(vm, 0));
    gc_root_pop(vm, 1);
    return r;
}

/* ==== registration ===================================================================== */

static const BuiltinEntry node_proto_entries[] = {
    BI_METHOD("appendChild", node_append_child, 1),
    BI_METHOD("insertBefore", node_insert_before, 2),
    BI_METHOD("removeChild", node_remove_child, 1),
    {.name = "nodeType", .kind = BE_GETTER, .fn = node_getter, .magic = G_NODE_TYPE},
    {.name = "nodeName", .kind = BE_GETTER, .fn = node_getter, .magic = G_NODE_NAME},
    {.name = "parentNode", .kind = BE_GETTER, .fn = node_getter, .magic = G_PARENT},
    {.name = "childNodes", .kind = BE_GETTER, .fn = node_getter, .magic = G_CHILD_NODES},
    {.name = "firstChild", .kind = BE_GETTER, .fn = node_getter, .magic = G_FIRST},
    {.name = "lastChild", .kind = BE_GETTER, .fn = node_getter, .magic = G_LAST},
    {.name = "previousSibling", .kind = BE_GETTER, .fn = node_getter, .magic = G_PREV},
    {.name = "nextSibling", .kind = BE_GETTER, .fn = node_getter, .magic = G_NEXT},
    {.name = "textContent",
     .kind = BE_ACCESSOR,
     .fn = node_getter,
     .fn2 = node_set_text_content,
     .magic = G_TEXT_CONTENT},
};

static const BuiltinEntry element_entries[] = {
    BI_METHOD_MAGIC("setAttribute", element_attribute, 2, A_SET),
    BI_METHOD_MAGIC("getAttribute", element_attribute, 1, A_GET),
    BI_METHOD_MAGIC("removeAttribute", element_attribute, 1, A_REMOVE),
    BI_METHOD_MAGIC("hasAttribute", element_attribute, 1, A_HAS),
    {.name = "tagName", .kind = BE_GETTER, .fn = node_getter, .magic = G_NODE_NAME},
};

static const BuiltinEntry text_entries[] = {
    {.name = "data", .kind = BE_ACCESSOR, .fn = node_getter, .fn2 = node_set_data, .magic = G_DATA},
    {.name = "nodeValue",
     .kind = BE_ACCESSOR,
     .fn = node_getter,
     .fn2 = node_set_data,
     .magic = G_DATA},
};

static const BuiltinEntry document_entries[] = {
    BI_METHOD("createElement", document_create_element, 1),
    BI_METHOD("createTextNode", document_create_text_node, 1),
};

static const BuiltinEntry observer_entries[] = {
    BI_METHOD("observe", mutation_observer_observe, 1),
    BI_METHOD("disconnect", mutation_observer_disconnect, 0),
    BI_METHOD("takeRecords", mutation_observer_take_records, 0),
};

static NATIVE(illegal_constructor) {
    return vm_throw_type_error(vm, "Illegal constructor");
}

/* A prototype inheriting from parent_proto, with a global constructor named name. */
static Obj *interface(Vm *vm, const char *name, Obj *parent_proto, const BuiltinEntry *e, size_t n,
                      NativeFn *ctor) {
    Obj *p = obj_new(vm, parent_proto);
    gc_root_push_ptr(vm, &p);
    realm_define_entries(vm, p, e, n);
    Obj *c = realm_new_ctor(vm, name, ctor ? ctor : illegal_constructor, ctor ? 1 : 0, p, -1, -1);
    realm_define_global(vm, name, val_obj(c));
    gc_root_pop(vm, 1);
    return p;
}

static void append(Vm *vm, Obj *p, Obj *child) {
    Obj *c = children(p);
    if (!obj_array_push(vm, c, val_obj(child)))
        vm_take_exception(vm);
    child->u.host.slots[SLOT_PARENT] = val_obj(p);
}

void bi_dom_host_init(Vm *vm, HostState *hs) {
    Obj *protos = obj_new_array(vm, PROTO__COUNT);
    gc_root_push_ptr(vm, &protos);
    *browser_ext(hs, BROWSER_EXT_NODE_PROTOS) = val_obj(protos);
    Obj *node = interface(vm, "Node", realm_intrinsic(vm, INTR_ObjectPrototype), node_proto_entries,
                          ARRAY_LEN(node_proto_entries), NULL);
    gc_root_push_ptr(vm, &node);
    protos->u.array.elems[PROTO_ELEMENT] =
        val_obj(interface(vm, "Element", node, element_entries, ARRAY_LEN(element_entries), NULL));
    protos->u.array.elems[PROTO_TEXT] =
        val_obj(interface(vm, "Text", node, text_entries, ARRAY_LEN(text_entries), NULL));
    protos->u.array.elems[PROTO_DOCUMENT] = val_obj(
        interface(vm, "Document", node, document_entries, ARRAY_LEN(document_entries), NULL));
    protos->u.array.elems[PROTO_OBSERVER] =
        val_obj(interface(vm, "MutationObserver", realm_intrinsic(vm, INTR_ObjectPrototype),
                          observer_entries, ARRAY_LEN(observer_entries), mutation_observer_ctor));
    /* document > html > (head, body) */
    Obj *doc = new_node(vm, hs, NODE_DOCUMENT, VAL_NULL);
    gc_root_push_ptr(vm, &doc);
    Obj *html = new_node(vm, hs, NODE_ELEMENT, str_value(vm, "HTML"));
    append(vm, doc, html);
    Obj *head = new_node(vm, hs, NODE_ELEMENT, str_value(vm, "HEAD"));
    append(vm, html, head);
    Obj *body = new_node(vm, hs, NODE_ELEMENT, str_value(vm, "BODY"));
    append(vm, html, body);
    bool ok = obj_define_value(vm, doc, atom_intern(vm, "documentElement"), val_obj(html), 0) &&
              obj_define_value(vm, doc, atom_intern(vm, "head"), val_obj(head), 0) &&
              obj_define_value(vm, doc, atom_intern(vm, "body"), val_obj(body), 0);
    if (!ok)
        vm_take_exception(vm);
    realm_define_global(vm, "document", val_obj(doc));
    realm_define_global(vm, "window", val_obj(vm->realm->global));
    realm_define_global(vm, "self", val_obj(vm->realm->global));
    gc_root_pop(vm, 3);
}
