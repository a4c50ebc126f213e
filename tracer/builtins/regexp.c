/* builtins/regexp.c — the RegExp constructor, RegExp.prototype and the RegExp String
 * Iterator (ecma262 #sec-regexp-regular-expression-objects), on top of the engine in
 * tracer/regexp.h, with V8's error texts.
 *
 * A RegExp object is an OBJ_REGEXP whose u.host.data is the shared compiled pattern
 * (RxCode, reference-counted) and whose slots hold [[OriginalSource]] and
 * [[OriginalFlags]]; "lastIndex" is an ordinary own data property, as the spec has it.
 * Compiled patterns are cached by source and flags, so a literal evaluated in a loop (a
 * new object each time, #sec-regular-expression-literals-runtime-semantics-evaluation)
 * compiles once. The cache, and the atoms this file needs, live in a host object kept in
 * the RegExp constructor's native data slot 0.
 *
 * The protocol methods (Symbol.match, matchAll, replace, search, split) follow the spec
 * step by step through RegExpExec, so user-defined exec methods and subclasses behave as
 * in node; split takes a shortcut only where no difference can be observed. A match
 * polls the VM's run limits (--max-steps, --timeout), and a match that would need more
 * backtracking memory than the engine allows throws V8's RangeError. */
#include "tracer/builtins/regexp.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tracer/realm.h"
#include "tracer/regexp.h"
#include "tracer/str.h"
#include "tracer/vm.h"

/* ==== compiled patterns and their cache =================================================== */

typedef struct {
    ReProg *prog;
    uint32_t refs;
} RxCode;

static void rxcode_release(RxCode *c) {
    if (c && --c->refs == 0) {
        re_free(c->prog);
        free(c);
    }
}

#define RX_CACHE_SIZE 64

typedef struct {
    uint16_t *src;
    uint32_t len;
    unsigned flags;
    RxCode *code; /* the cache holds one reference */
} RxCacheEntry;

/* Names this file reads and writes; their strings are kept alive by the state object. */
#define RX_ATOMS(X)                                                                             \
    X(groups) X(indices) X(exec) X(hasIndices) X(global) X(ignoreCase) X(multiline) X(dotAll)   \
    X(unicode) X(unicodeSets) X(sticky)

enum {
#define X(n) RXA_##n,
    RX_ATOMS(X)
#undef X
        RXA__COUNT
};

typedef struct {
    RxCacheEntry cache[RX_CACHE_SIZE];
    Atom atoms[RXA__COUNT];
    /* the legacy static properties (RegExp.$1...): the last successful match's groups
     * 0-9 and its last group, as start/end pairs in the subject (slot 2) */
    int32_t legacy[22];
    uint32_t legacy_ncaps; /* 0 until a match */
} RxState;

static void rx_state_finalize(Vm *vm, Obj *o) {
    RxState *st = o->u.host.data;
    if (!st)
        return;
    for (int i = 0; i < RX_CACHE_SIZE; i++) {
        free(st->cache[i].src);
        rxcode_release(st->cache[i].code);
    }
    free(st);
    o->u.host.data = NULL;
}

static const ObjClass rx_state_class = {.name = "RegExpState", .finalize = rx_state_finalize};

/* The state object: slots[0] holds the atom strings, slots[1] the intrinsic exec, slots[2]
 * the subject of the last successful match and slots[3] RegExp.input (the legacy static
 * properties). */
static Obj *rx_state_obj(Vm *vm) {
    return val_as_obj(realm_intrinsic(vm, INTR_RegExp)->u.native.data[0]);
}
static RxState *rx_state(Vm *vm) {
    return rx_state_obj(vm)->u.host.data;
}
static Atom rx_atom(Vm *vm, int which) {
    return rx_state(vm)->atoms[which];
}

/* A compiled pattern for (P, flags) with one reference for the caller, or NULL with
 * V8's message in err. */
static RxCode *rx_compile(Vm *vm, const ObjString *P, unsigned flags, char *err, size_t cap) {
    uint32_t len = P->len;
    uint16_t *units = xmalloc((len ? len : 1) * sizeof(uint16_t));
    uint32_t h = 2166136261u ^ flags;
    for (uint32_t i = 0; i < len; i++) {
        units[i] = str_at(P, i);
        h = (h ^ units[i]) * 16777619u;
    }
    RxCacheEntry *e = &rx_state(vm)->cache[h % RX_CACHE_SIZE];
    if (e->code && e->flags == flags && e->len == len &&
        memcmp(e->src, units, len * sizeof(uint16_t)) == 0) {
        free(units);
        e->code->refs++;
        return e->code;
    }
    ReProg *prog = re_compile(units, len, flags, err, cap);
    if (!prog) {
        free(units);
        return NULL;
    }
    RxCode *c = xmalloc(sizeof *c);
    c->prog = prog;
    c->refs = 2;
    free(e->src);
    rxcode_release(e->code);
    e->src = units;
    e->len = len;
    e->flags = flags;
    e->code = c;
    return c;
}

/* ==== RegExp objects ======================================================================= */

static void rx_finalize(Vm *vm, Obj *o) {
    rxcode_release(o->u.host.data);
    o->u.host.data = NULL;
}

static const ObjClass rx_class = {.name = "RegExp", .finalize = rx_finalize};

/* True when v has [[RegExpMatcher]] (an initialized RegExp). */
static bool is_rx(Value v) {
    if (!val_is_object(v))
        return false;
    Obj *o = val_as_obj(v);
    return o->kind == OBJ_REGEXP && o->u.host.cls == &rx_class && o->u.host.data;
}
static RxCode *rx_code(Obj *o) {
    return o->u.host.data;
}
#define RX_SOURCE(o) ((o)->u.host.slots[0])
#define RX_FLAGS(o) ((o)->u.host.slots[1])

/* V8's TypeError for a method of owner.prototype called on the wrong kind of receiver v. */
static Value throw_incompatible_receiver(Vm *vm, const char *owner, const char *method, Value v) {
    StrBuf sb;
    strbuf_init(&sb);
    vm_describe_value(vm, v, &sb);
    vm_throw_type_error(vm, "Method %s.prototype.%s called on incompatible receiver %s", owner,
                        method, sb.data);
    strbuf_fini(&sb);
    return VAL_EXCEPTION;
}

static Value throw_incompatible(Vm *vm, const char *method, Value v) {
    return throw_incompatible_receiver(vm, "RegExp", method, v);
}

int IsRegExp(Vm *vm, Value v) {
    if (!val_is_object(v))
        return 0;
    Value m = obj_get(vm, val_as_obj(v), ATOM_Symbol_match);
    if (m == VAL_EXCEPTION)
        return -1;
    if (!val_is_undefined(m))
        return ToBoolean(m);
    return is_rx(v);
}

/* RegExpAlloc(newTarget) (#sec-regexpalloc) */
static Obj *RegExpAlloc(Vm *vm, Value new_target) {
    Obj *o = obj_create_from_constructor(vm, new_target, OBJ_REGEXP,
                                         realm_intrinsic(vm, INTR_RegExpPrototype));
    if (!o)
        return NULL;
    o->u.host.cls = &rx_class;
    o->u.host.data = NULL;
    RX_SOURCE(o) = VAL_UNDEFINED;
    RX_FLAGS(o) = VAL_UNDEFINED;
    o->u.host.slots[2] = o->u.host.slots[3] = VAL_UNDEFINED;
    gc_root_push_ptr(vm, &o);
    bool ok = obj_define_value(vm, o, ATOM_lastIndex, VAL_UNDEFINED, PROP_WRITABLE);
    gc_root_pop(vm, 1);
    return ok ? o : NULL;
}

/* RegExpInitialize(obj, pattern, flags) (#sec-regexpinitialize) */
static Obj *RegExpInitialize(Vm *vm, Obj *obj, Value pattern, Value flags) {
    ObjString *P = NULL, *F = NULL;
    Obj *result = NULL;
    gc_root_push_ptr(vm, &obj);
    gc_root_push_ptr(vm, &P);
    gc_root_push_ptr(vm, &F);
    gc_root_push(vm, &flags);
    /* 1-4. P and F as strings ("" for undefined) */
    P = val_is_undefined(pattern) ? str_empty(vm) : ToString(vm, pattern);
    if (!P)
        goto out;
    F = val_is_undefined(flags) ? str_empty(vm) : ToString(vm, flags);
    if (!F)
        goto out;
    /* 5. flags must be distinct letters of "dgimsuvy" */
    unsigned fl = 0;
    uint16_t fu[16];
    bool ok = F->len <= 8;
    for (uint32_t i = 0; ok && i < F->len; i++)
        fu[i] = str_at(F, i);
    if (!ok || !re_parse_flags(fu, F->len, &fl)) {
        StrBuf sb;
        strbuf_init(&sb);
        str_to_utf8(F, &sb);
        vm_throw_syntax_error(vm, "Invalid flags supplied to RegExp constructor '%s'", sb.data);
        strbuf_fini(&sb);
        goto out;
    }
    /* 10-13. parse the pattern; early errors are SyntaxErrors */
    char err[200];
    RxCode *code = rx_compile(vm, P, fl, err, sizeof err);
    if (!code) {
        StrBuf sp, sf;
        strbuf_init(&sp);
        strbuf_init(&sf);
        str_to_utf8(P, &sp);
        str_to_utf8(F, &sf);
        vm_throw_syntax_error(vm, "Invalid regular expression: /%s/%s: %s", sp.data, sf.data, err);
        strbuf_fini(&sp);
        strbuf_fini(&sf);
        goto out;
    }
    rxcode_release(obj->u.host.data); /* RegExp.prototype.compile re-initializes */
    obj->u.host.cls = &rx_class;
    obj->u.host.data = code;
    RX_SOURCE(obj) = val_str(P);
    RX_FLAGS(obj) = val_str(F);
    /* 14. Perform ? Set(obj, "lastIndex", +0, true). */
    if (!obj_set(vm, obj, ATOM_lastIndex, val_number(0), true))
        goto out;
    result = obj;
out:
    gc_root_pop(vm, 4);
    return result;
}

Obj *RegExpCreate(Vm *vm, Value P, Value F) {
    gc_root_push(vm, &P);
    gc_root_push(vm, &F);
    Obj *o = RegExpAlloc(vm, val_obj(realm_intrinsic(vm, INTR_RegExp)));
    Obj *r = o ? RegExpInitialize(vm, o, P, F) : NULL;
    gc_root_pop(vm, 2);
    return r;
}

Obj *bi_regexp_from_literal(Vm *vm, ObjString *pattern, ObjString *flags) {
    return RegExpCreate(vm, val_str(pattern), val_str(flags));
}

/* RegExp(pattern, flags) (#sec-regexp-pattern-flags) */
static NATIVE(regexp_ctor) {
    Value pattern = ARG(0), flags = ARG(1), new_target = ctx->new_target;
    Value P = VAL_UNDEFINED, F = VAL_UNDEFINED, result = VAL_EXCEPTION;
    gc_root_push(vm, &new_target);
    gc_root_push(vm, &P);
    gc_root_push(vm, &F);
    /* 1. Let patternIsRegExp be ? IsRegExp(pattern). */
    int pir = IsRegExp(vm, pattern);
    if (pir < 0)
        goto out;
    /* 2-3. a call: new_target is the active function; RegExp(re) returns re itself */
    if (val_is_undefined(new_target)) {
        new_target = val_obj(ctx->callee);
        if (pir && val_is_undefined(flags)) {
            Value pc = obj_get(vm, val_as_obj(pattern), ATOM_constructor);
            if (pc == VAL_EXCEPTION)
                goto out;
            if (SameValue(new_target, pc)) {
                result = pattern;
                goto out;
            }
        }
    }
    /* 4-6. the source and flags */
    if (is_rx(pattern)) {
        P = RX_SOURCE(val_as_obj(pattern));
        F = val_is_undefined(flags) ? RX_FLAGS(val_as_obj(pattern)) : flags;
    } else if (pir) {
        P = obj_get(vm, val_as_obj(pattern), ATOM_source);
        if (P == VAL_EXCEPTION)
            goto out;
        if (val_is_undefined(flags)) {
            F = obj_get(vm, val_as_obj(pattern), ATOM_flags);
            if (F == VAL_EXCEPTION)
                goto out;
        } else {
            F = flags;
        }
    } else {
        P = pattern;
        F = flags;
    }
    /* 7-8. RegExpAlloc, RegExpInitialize */
    Obj *o = RegExpAlloc(vm, new_target);
    if (o && (o = RegExpInitialize(vm, o, P, F)))
        result = val_obj(o);
out:
    gc_root_pop(vm, 3);
    return result;
}

/* get RegExp[@@species] (#sec-get-regexp-@@species) */
static NATIVE(regexp_species) {
    return this_val;
}

/* ==== exec ================================================================================ */

static bool rx_poll(void *ctx) {
    return vm_check_limits((Vm *)ctx);
}

/* Runs the matcher on S from start (a forward search when scan is set), polling the run
 * limits. RE_ABORTED and RE_OVERFLOW leave an exception pending: the limit's, or V8's
 * RangeError for a match that needs more backtracking memory than the engine allows. */
static ReResult rx_run(Vm *vm, const ReProg *prog, const ObjString *S, uint32_t start, bool scan,
                       int32_t *caps) {
    ReInput in = {.data = S->data, .wide = S->wide, .len = S->len, .poll = rx_poll,
                  .poll_ctx = vm, .scan = scan};
    ReResult r = re_exec(prog, &in, start, caps);
    if (r == RE_OVERFLOW)
        vm_throw_range_error(vm, "Maximum call stack size exceeded");
    return r;
}

static bool set_last_index(Vm *vm, Obj *R, double v) {
    return obj_set(vm, R, ATOM_lastIndex, val_number(v), true);
}

/* AdvanceStringIndex(S, index, unicode) (#sec-advancestringindex) */
static double AdvanceStringIndex(const ObjString *S, double index, bool unicode) {
    if (!unicode || index + 1 >= S->len)
        return index + 1;
    uint32_t i = (uint32_t)index;
    uint16_t c = str_at(S, i);
    if (c >= 0xd800 && c <= 0xdbff) {
        uint16_t d = str_at(S, i + 1);
        if (d >= 0xdc00 && d <= 0xdfff)
            return index + 2;
    }
    return index + 1;
}

/* The substring of group k, or undefined. */
static Value capture_value(Vm *vm, ObjString *S, const int32_t *caps, uint32_t k) {
    if (caps[2 * k] < 0 || caps[2 * k + 1] < 0)
        return VAL_UNDEFINED;
    return val_str(str_substring(vm, S, (uint32_t)caps[2 * k], (uint32_t)caps[2 * k + 1]));
}

/* The groups object (null prototype) of a match, from values[k] for each named group;
 * undefined when the pattern has no names. NULL-equivalent VAL_EXCEPTION on a throw. */
static Value make_groups(Vm *vm, const ReProg *prog, Obj *values) {
    if (!re_has_named_groups(prog))
        return VAL_UNDEFINED;
    Obj *g = obj_new(vm, NULL);
    ObjString *name = NULL;
    gc_root_push_ptr(vm, &g);
    gc_root_push_ptr(vm, &name);
    Value r = val_obj(g);
    for (uint32_t k = 1; k < re_capture_count(prog); k++) {
        uint32_t nlen;
        const uint16_t *n = re_group_name(prog, k, &nlen);
        if (!n)
            continue;
        name = str_new_utf16(vm, n, nlen);
        Value v = obj_get_index(vm, values, k);
        if (v == VAL_EXCEPTION || !CreateDataProperty(vm, g, atom_from_str(vm, name), v)) {
            r = VAL_EXCEPTION;
            break;
        }
    }
    gc_root_pop(vm, 2);
    return r;
}

/* UpdateLegacyRegExpStaticProperties (the legacy RegExp features proposal, Annex B-style
 * #sec-updatelegacyregexpstaticproperties): a successful match records its subject and
 * groups for RegExp.$1-$9, input, lastMatch, lastParen, leftContext and rightContext.
 * V8 (node 20) does this for every RegExp object, subclass instances included, and its
 * getters accept any receiver; tickscope follows node. */
static void legacy_update(Vm *vm, ObjString *S, const int32_t *caps, uint32_t ncaps) {
    RxState *st = rx_state(vm);
    Obj *state = rx_state_obj(vm);
    for (uint32_t k = 0; k < 10; k++) {
        st->legacy[2 * k] = k < ncaps ? caps[2 * k] : -1;
        st->legacy[2 * k + 1] = k < ncaps ? caps[2 * k + 1] : -1;
    }
    st->legacy[20] = ncaps > 1 ? caps[2 * (ncaps - 1)] : -1;
    st->legacy[21] = ncaps > 1 ? caps[2 * (ncaps - 1) + 1] : -1;
    st->legacy_ncaps = ncaps;
    state->u.host.slots[2] = val_str(S);
    state->u.host.slots[3] = val_str(S);
}

enum { LEG_INPUT = 10, LEG_LAST_MATCH, LEG_LAST_PAREN, LEG_LEFT, LEG_RIGHT };

/* get RegExp.$1 ... (GetLegacyRegExpStaticProperty): "" before any match and for a group
 * that did not participate. */
static NATIVE(regexp_legacy_get) {
    RxState *st = rx_state(vm);
    Obj *state = rx_state_obj(vm);
    int which = ctx->magic;
    if (which == LEG_INPUT) {
        Value in = state->u.host.slots[3];
        return val_is_string(in) ? in : val_str(str_new_cstr(vm, ""));
    }
    if (st->legacy_ncaps == 0 || !val_is_string(state->u.host.slots[2]))
        return val_str(str_new_cstr(vm, ""));
    ObjString *S = val_as_str(state->u.host.slots[2]);
    int32_t lo, hi;
    if (which >= 1 && which <= 9) {
        lo = st->legacy[2 * which], hi = st->legacy[2 * which + 1];
    } else if (which == LEG_LAST_MATCH) {
        lo = st->legacy[0], hi = st->legacy[1];
    } else if (which == LEG_LAST_PAREN) {
        lo = st->legacy[20], hi = st->legacy[21];
    } else if (which == LEG_LEFT) {
        lo = 0, hi = st->legacy[0];
    } else {
        lo = st->legacy[1], hi = (int32_t)S->len;
    }
    if (lo < 0 || hi < lo)
        return val_str(str_new_cstr(vm, ""));
    return val_str(str_substring(vm, S, (uint32_t)lo, (uint32_t)hi));
}

/* set RegExp.input / RegExp.$_ (SetLegacyRegExpStaticProperty); V8's other setters do
 * nothing. */
static NATIVE(regexp_legacy_set) {
    if (ctx->magic != LEG_INPUT)
        return VAL_UNDEFINED;
    ObjString *s = ToString(vm, ARG(0));
    if (!s)
        return VAL_EXCEPTION;
    rx_state_obj(vm)->u.host.slots[3] = val_str(s);
    return VAL_UNDEFINED;
}

/* RegExpBuiltinExec(R, S) (#sec-regexpbuiltinexec): the match array, null, or
 * VAL_EXCEPTION. */
static Value RegExpBuiltinExec(Vm *vm, Obj *R, ObjString *S) {
    Value result = VAL_EXCEPTION;
    Obj *A = NULL, *indices = NULL;
    RxCode *code = NULL;
    int32_t caps_local[32], *caps = caps_local;
    gc_root_push_ptr(vm, &R);
    gc_root_push_ptr(vm, &S);
    gc_root_push_ptr(vm, &A);
    gc_root_push_ptr(vm, &indices);
    /* 1-2. lastIndex = ToLength(Get(R, "lastIndex")) */
    Value li_v = obj_get(vm, R, ATOM_lastIndex);
    double last_index;
    if (li_v == VAL_EXCEPTION || !ToLength(vm, li_v, &last_index))
        goto out;
    if (!is_rx(val_obj(R))) { /* compile() with a bad pattern cannot undo this; be safe */
        throw_incompatible(vm, "exec", val_obj(R));
        goto out;
    }
    /* 3-8. the flags and the matcher */
    code = rx_code(R);
    code->refs++;
    const ReProg *prog = code->prog;
    unsigned flags = re_flags(prog);
    bool global = flags & RE_FLAG_GLOBAL, sticky = flags & RE_FLAG_STICKY;
    bool has_indices = flags & RE_FLAG_HAS_INDICES;
    if (!global && !sticky)
        last_index = 0;
    uint32_t ncaps = re_capture_count(prog);
    if (2 * ncaps > 32)
        caps = xmalloc(2 * ncaps * sizeof(int32_t));
    /* 12-13. the matcher loop (inside re_exec); a lastIndex past the end fails at once */
    ReResult r = last_index > S->len ? RE_NO_MATCH
                                     : rx_run(vm, prog, S, (uint32_t)last_index, false, caps);
    if (r == RE_ABORTED || r == RE_OVERFLOW)
        goto out;
    if (r == RE_NO_MATCH) {
        if ((global || sticky) && !set_last_index(vm, R, 0))
            goto out;
        result = VAL_NULL;
        goto out;
    }
    /* 15-16. lastIndex = e when global or sticky */
    if ((global || sticky) && !set_last_index(vm, R, caps[1]))
        goto out;
    legacy_update(vm, S, caps, ncaps);
    /* 18-33. the array: captures, index, input, groups, indices */
    A = obj_new_array(vm, 0);
    for (uint32_t k = 0; k < ncaps; k++)
        if (!obj_array_push(vm, A, capture_value(vm, S, caps, k)))
            goto out;
    if (!CreateDataProperty(vm, A, ATOM_index, val_number(caps[0])) ||
        !CreateDataProperty(vm, A, ATOM_input, val_str(S)))
        goto out;
    Value groups = make_groups(vm, prog, A);
    if (groups == VAL_EXCEPTION || !CreateDataProperty(vm, A, rx_atom(vm, RXA_groups), groups))
        goto out;
    if (has_indices) {
        /* MakeMatchIndicesIndexPairArray (#sec-makematchindicesindexpairarray) */
        indices = obj_new_array(vm, 0);
        for (uint32_t k = 0; k < ncaps; k++) {
            Value pair = VAL_UNDEFINED;
            if (caps[2 * k] >= 0 && caps[2 * k + 1] >= 0) {
                Value se[2] = {val_number(caps[2 * k]), val_number(caps[2 * k + 1])};
                pair = val_obj(obj_new_array_from(vm, 2, se));
            }
            if (!obj_array_push(vm, indices, pair))
                goto out;
        }
        Value ig = make_groups(vm, prog, indices);
        if (ig == VAL_EXCEPTION ||
            !CreateDataProperty(vm, indices, rx_atom(vm, RXA_groups), ig) ||
            !CreateDataProperty(vm, A, rx_atom(vm, RXA_indices), val_obj(indices)))
            goto out;
    }
    result = val_obj(A);
out:
    if (caps != caps_local)
        free(caps);
    rxcode_release(code);
    gc_root_pop(vm, 4);
    return result;
}

static bool is_intrinsic_exec(Vm *vm, Value f) {
    return f == rx_state_obj(vm)->u.host.slots[1];
}

/* RegExpExec(R, S) (#sec-regexpexec) */
static Value RegExpExec(Vm *vm, Obj *R, ObjString *S) {
    gc_root_push_ptr(vm, &R);
    gc_root_push_ptr(vm, &S);
    Value result = VAL_EXCEPTION;
    /* 1. Let exec be ? Get(R, "exec"). */
    Value exec = obj_get(vm, R, rx_atom(vm, RXA_exec));
    if (exec == VAL_EXCEPTION)
        goto out;
    /* 2. If IsCallable(exec): call it; the result must be an Object or null */
    if (IsCallable(exec)) {
        if (is_intrinsic_exec(vm, exec) && is_rx(val_obj(R))) {
            result = RegExpBuiltinExec(vm, R, S);
            goto out;
        }
        Value arg = val_str(S);
        result = vm_call(vm, exec, val_obj(R), 1, &arg);
        if (result != VAL_EXCEPTION && !val_is_object(result) && !val_is_null(result))
            result = vm_throw_type_error(
                vm, "RegExp exec method returned something other than an Object or null");
        goto out;
    }
    /* 3-4. Perform ? RequireInternalSlot(R, [[RegExpMatcher]]). */
    if (!is_rx(val_obj(R))) {
        throw_incompatible(vm, "exec", val_obj(R));
        goto out;
    }
    result = RegExpBuiltinExec(vm, R, S);
out:
    gc_root_pop(vm, 2);
    return result;
}

/* RegExp.prototype.exec(string) (#sec-regexp.prototype.exec) */
static NATIVE(regexp_exec) {
    if (!is_rx(this_val))
        return throw_incompatible(vm, "exec", this_val);
    ObjString *S = ToString(vm, ARG(0));
    if (!S)
        return VAL_EXCEPTION;
    return RegExpBuiltinExec(vm, val_as_obj(this_val), S);
}

/* RegExp.prototype.test(S) (#sec-regexp.prototype.test) */
static NATIVE(regexp_test) {
    if (!val_is_object(this_val))
        return throw_incompatible(vm, "test", this_val);
    ObjString *S = ToString(vm, ARG(0));
    if (!S)
        return VAL_EXCEPTION;
    Value m = RegExpExec(vm, val_as_obj(this_val), S);
    if (m == VAL_EXCEPTION)
        return m;
    return val_bool(!val_is_null(m));
}

/* ==== accessors and toString ============================================================== */

/* EscapeRegExpPattern (#sec-escaperegexppattern): "/" outside a class and line
 * terminators are escaped; the empty pattern is "(?:)". */
static ObjString *EscapeRegExpPattern(Vm *vm, ObjString *src) {
    if (src->len == 0)
        return str_new_cstr(vm, "(?:)");
    StrBuilder b;
    sbld_init(&b);
    bool in_class = false;
    for (uint32_t i = 0; i < src->len; i++) {
        uint16_t c = str_at(src, i);
        if (c == '\\' && i + 1 < src->len) {
            sbld_put_unit(&b, c);
            c = str_at(src, ++i);
            if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029) {
                i--;
                continue;
            }
            sbld_put_unit(&b, c);
            continue;
        }
        if (c == '/' && !in_class)
            sbld_put_ascii(&b, "\\/");
        else if (c == '\n')
            sbld_put_ascii(&b, "\\n");
        else if (c == '\r')
            sbld_put_ascii(&b, "\\r");
        else if (c == 0x2028)
            sbld_put_ascii(&b, "\\u2028");
        else if (c == 0x2029)
            sbld_put_ascii(&b, "\\u2029");
        else
            sbld_put_unit(&b, c);
        if (c == '[')
            in_class = true;
        else if (c == ']')
            in_class = false;
    }
    ObjString *r = sbld_finish(vm, &b);
    sbld_fini(&b);
    return r;
}

static Value throw_non_object_getter(Vm *vm, const char *name, Value v) {
    StrBuf sb;
    strbuf_init(&sb);
    vm_describe_value(vm, v, &sb);
    vm_throw_type_error(vm, "RegExp.prototype.%s getter called on non-object %s", name, sb.data);
    strbuf_fini(&sb);
    return VAL_EXCEPTION;
}

/* Steps 1-4 shared by get RegExp.prototype.source and RegExpHasFlag (#sec-regexphasflag):
 * the receiver must be an Object; a RegExp gives 1, %RegExp.prototype% itself 0 (the
 * getter then answers its default), anything else throws (-1). */
static int rx_getter_receiver(Vm *vm, Value this_val, const char *name) {
    if (!val_is_object(this_val)) {
        throw_non_object_getter(vm, name, this_val);
        return -1;
    }
    if (is_rx(this_val))
        return 1;
    if (val_as_obj(this_val) == realm_intrinsic(vm, INTR_RegExpPrototype))
        return 0;
    vm_throw_type_error(vm, "RegExp.prototype.%s getter called on non-RegExp object", name);
    return -1;
}

/* get RegExp.prototype.source (#sec-get-regexp.prototype.source) */
static NATIVE(regexp_source) {
    int r = rx_getter_receiver(vm, this_val, "source");
    if (r <= 0)
        return r < 0 ? VAL_EXCEPTION : val_str(str_new_cstr(vm, "(?:)"));
    return val_str(EscapeRegExpPattern(vm, val_as_str(RX_SOURCE(val_as_obj(this_val)))));
}

static const char *const flag_getter_names[] = {"hasIndices", "global",  "ignoreCase",
                                                "multiline",  "dotAll",  "unicode",
                                                "unicodeSets", "sticky"};

/* get RegExp.prototype.global and the other flags (#sec-regexphasflag); magic is the
 * flag's index in "dgimsuvy" */
static NATIVE(regexp_flag_getter) {
    int r = rx_getter_receiver(vm, this_val, flag_getter_names[ctx->magic]);
    if (r <= 0)
        return r < 0 ? VAL_EXCEPTION : VAL_UNDEFINED;
    return val_bool((re_flags(rx_code(val_as_obj(this_val))->prog) >> ctx->magic) & 1);
}

/* get RegExp.prototype.flags (#sec-get-regexp.prototype.flags) */
static NATIVE(regexp_flags) {
    static const int order[] = {RXA_hasIndices, RXA_global,  RXA_ignoreCase, RXA_multiline,
                                RXA_dotAll,     RXA_unicode, RXA_unicodeSets, RXA_sticky};
    if (!val_is_object(this_val))
        return throw_non_object_getter(vm, "flags", this_val);
    char out[9];
    int n = 0;
    for (int i = 0; i < 8; i++) {
        Value v = obj_get(vm, val_as_obj(this_val), rx_atom(vm, order[i]));
        if (v == VAL_EXCEPTION)
            return v;
        if (ToBoolean(v))
            out[n++] = re_flag_letters[i];
    }
    return val_str(str_new_latin1(vm, (const uint8_t *)out, (size_t)n));
}

/* RegExp.prototype.toString() (#sec-regexp.prototype.tostring) */
static NATIVE(regexp_to_string) {
    if (!val_is_object(this_val))
        return throw_incompatible(vm, "toString", this_val);
    Obj *R = val_as_obj(this_val);
    ObjString *P = NULL, *F = NULL;
    Value result = VAL_EXCEPTION;
    gc_root_push_ptr(vm, &P);
    gc_root_push_ptr(vm, &F);
    Value v = obj_get(vm, R, ATOM_source);
    if (v == VAL_EXCEPTION || !(P = ToString(vm, v)))
        goto out;
    v = obj_get(vm, R, ATOM_flags);
    if (v == VAL_EXCEPTION || !(F = ToString(vm, v)))
        goto out;
    StrBuilder b;
    sbld_init(&b);
    sbld_put_unit(&b, '/');
    sbld_put_str(&b, P);
    sbld_put_unit(&b, '/');
    sbld_put_str(&b, F);
    result = val_str(sbld_finish(vm, &b));
    sbld_fini(&b);
out:
    gc_root_pop(vm, 2);
    return result;
}

/* RegExp.prototype.compile(pattern, flags) (Annex B, #sec-regexp.prototype.compile) */
static NATIVE(regexp_compile) {
    if (!is_rx(this_val))
        return throw_incompatible(vm, "compile", this_val);
    Value P = ARG(0), F = ARG(1);
    if (is_rx(P)) {
        if (!val_is_undefined(F))
            return vm_throw_type_error(vm, "Cannot supply flags when constructing one RegExp "
                                           "from another");
        F = RX_FLAGS(val_as_obj(P));
        P = RX_SOURCE(val_as_obj(P));
    }
    Obj *o = RegExpInitialize(vm, val_as_obj(this_val), P, F);
    return o ? val_obj(o) : VAL_EXCEPTION;
}

/* ==== the string protocol methods ========================================================= */

/* ToString(Get(rx, "flags")) */
static ObjString *get_flags(Vm *vm, Obj *rx) {
    Value f = obj_get(vm, rx, ATOM_flags);
    return f == VAL_EXCEPTION ? NULL : ToString(vm, f);
}

static bool has_flag(const ObjString *f, char c) {
    for (uint32_t i = 0; i < f->len; i++)
        if (str_at(f, i) == (uint16_t)c)
            return true;
    return false;
}

/* After an empty match of a global loop: lastIndex = AdvanceStringIndex(S, lastIndex). */
static bool advance_after_empty(Vm *vm, Obj *rx, ObjString *S, bool unicode) {
    Value li = obj_get(vm, rx, ATOM_lastIndex);
    double this_index;
    if (li == VAL_EXCEPTION || !ToLength(vm, li, &this_index))
        return false;
    return set_last_index(vm, rx, AdvanceStringIndex(S, this_index, unicode));
}

/* ToString(Get(result, "0")), or NULL on a throw. */
static ObjString *match_string(Vm *vm, Value result) {
    Value m = obj_get_index(vm, val_as_obj(result), 0);
    return m == VAL_EXCEPTION ? NULL : ToString(vm, m);
}

/* RegExp.prototype[@@match](string) (#sec-regexp.prototype-@@match) */
static NATIVE(regexp_match) {
    if (!val_is_object(this_val))
        return throw_incompatible(vm, "@@match", this_val);
    Obj *rx = val_as_obj(this_val), *A = NULL;
    ObjString *S = ToString(vm, ARG(0)), *flags = NULL;
    if (!S)
        return VAL_EXCEPTION;
    Value result = VAL_EXCEPTION;
    gc_root_push_ptr(vm, &S);
    gc_root_push_ptr(vm, &flags);
    gc_root_push_ptr(vm, &A);
    if (!(flags = get_flags(vm, rx)))
        goto out;
    if (!has_flag(flags, 'g')) {
        result = RegExpExec(vm, rx, S);
        goto out;
    }
    bool full_unicode = has_flag(flags, 'u') || has_flag(flags, 'v');
    if (!set_last_index(vm, rx, 0))
        goto out;
    A = obj_new_array(vm, 0);
    for (;;) {
        Value r = RegExpExec(vm, rx, S);
        if (r == VAL_EXCEPTION)
            goto out;
        if (val_is_null(r)) {
            result = obj_array_len(A) == 0 ? VAL_NULL : val_obj(A);
            goto out;
        }
        ObjString *m = match_string(vm, r);
        if (!m || !obj_array_push(vm, A, val_str(m)))
            goto out;
        if (m->len == 0 && !advance_after_empty(vm, rx, S, full_unicode))
            goto out;
    }
out:
    gc_root_pop(vm, 3);
    return result;
}

/* SpeciesConstructor(O, %RegExp%) (#sec-speciesconstructor) */
static Value SpeciesConstructor(Vm *vm, Obj *O) {
    Value dflt = val_obj(realm_intrinsic(vm, INTR_RegExp));
    Value C = obj_get(vm, O, ATOM_constructor);
    if (C == VAL_EXCEPTION || val_is_undefined(C))
        return C == VAL_EXCEPTION ? C : dflt;
    if (!val_is_object(C))
        return vm_throw_type_error(vm, "The .constructor property is not an object");
    Value S = obj_get(vm, val_as_obj(C), ATOM_Symbol_species);
    if (S == VAL_EXCEPTION || val_is_nullish(S))
        return S == VAL_EXCEPTION ? S : dflt;
    if (IsConstructor(S))
        return S;
    return vm_throw_type_error(vm, "object.constructor[Symbol.species] is not a constructor");
}

/* The RegExp String Iterator (#sec-regexp-string-iterator-objects): slots R, S, and the
 * bits of [[Global]], [[Unicode]] and [[Done]]. */
static const ObjClass rsi_class = {.name = "RegExp String Iterator"};
enum { RSI_GLOBAL = 1, RSI_UNICODE = 2, RSI_DONE = 4 };

/* RegExp.prototype[@@matchAll](string) (#sec-regexp-prototype-matchall) */
static NATIVE(regexp_match_all) {
    if (!val_is_object(this_val))
        return throw_incompatible(vm, "@@matchAll", this_val);
    Obj *R = val_as_obj(this_val);
    ObjString *S = ToString(vm, ARG(0)), *flags = NULL;
    if (!S)
        return VAL_EXCEPTION;
    Value C = VAL_UNDEFINED, matcher = VAL_UNDEFINED, result = VAL_EXCEPTION;
    gc_root_push_ptr(vm, &S);
    gc_root_push_ptr(vm, &flags);
    gc_root_push(vm, &C);
    gc_root_push(vm, &matcher);
    /* 3-6. matcher = Construct(C, « R, flags ») */
    C = SpeciesConstructor(vm, R);
    if (C == VAL_EXCEPTION || !(flags = get_flags(vm, R)))
        goto out;
    Value args[2] = {this_val, val_str(flags)};
    matcher = vm_construct(vm, C, 2, args, C);
    if (matcher == VAL_EXCEPTION)
        goto out;
    /* 7-8. matcher.lastIndex = ToLength(R.lastIndex) */
    Value li = obj_get(vm, R, ATOM_lastIndex);
    double last_index;
    if (li == VAL_EXCEPTION || !ToLength(vm, li, &last_index))
        goto out;
    if (!val_set(vm, matcher, ATOM_lastIndex, val_number(last_index), true))
        goto out;
    /* 9-13. CreateRegExpStringIterator(matcher, S, global, fullUnicode) */
    Obj *it = obj_new_kind(vm, OBJ_HOST, realm_intrinsic(vm, INTR_RegExpStringIteratorPrototype));
    it->u.host.cls = &rsi_class;
    it->u.host.slots[0] = matcher;
    it->u.host.slots[1] = val_str(S);
    it->u.host.slots[2] = val_number((has_flag(flags, 'g') ? RSI_GLOBAL : 0) |
                                     (has_flag(flags, 'u') || has_flag(flags, 'v') ? RSI_UNICODE
                                                                                   : 0));
    it->u.host.slots[3] = VAL_UNDEFINED;
    result = val_obj(it);
out:
    gc_root_pop(vm, 4);
    return result;
}

/* %RegExpStringIteratorPrototype%.next() (#sec-%regexpstringiteratorprototype%.next) */
static NATIVE(rsi_next) {
    if (!val_is_object(this_val) || val_as_obj(this_val)->u.host.cls != &rsi_class ||
        val_as_obj(this_val)->kind != OBJ_HOST)
        return throw_incompatible_receiver(vm, "%RegExpStringIterator%", "next", this_val);
    Obj *it = val_as_obj(this_val);
    int bits = (int)val_as_number(it->u.host.slots[2]);
    if (bits & RSI_DONE)
        return CreateIterResultObject(vm, VAL_UNDEFINED, true);
    if (!val_is_object(it->u.host.slots[0]))
        return vm_throw_type_error(vm, "RegExp String Iterator has no matcher");
    Obj *R = val_as_obj(it->u.host.slots[0]);
    ObjString *S = val_as_str(it->u.host.slots[1]);
    Value match = RegExpExec(vm, R, S);
    if (match == VAL_EXCEPTION)
        return match;
    if (val_is_null(match)) {
        it->u.host.slots[2] = val_number(bits | RSI_DONE);
        return CreateIterResultObject(vm, VAL_UNDEFINED, true);
    }
    gc_root_push(vm, &match);
    Value r = VAL_EXCEPTION;
    if (bits & RSI_GLOBAL) {
        ObjString *m = match_string(vm, match);
        if (!m)
            goto out;
        if (m->len == 0 && !advance_after_empty(vm, R, S, bits & RSI_UNICODE))
            goto out;
    } else {
        it->u.host.slots[2] = val_number(bits | RSI_DONE);
    }
    r = CreateIterResultObject(vm, match, false);
out:
    gc_root_pop(vm, 1);
    return r;
}

/* RegExp.prototype[@@replace](string, replaceValue) (#sec-regexp.prototype-@@replace) */
static NATIVE(regexp_replace) {
    if (!val_is_object(this_val))
        return throw_incompatible(vm, "@@replace", this_val);
    Obj *rx = val_as_obj(this_val), *results = NULL, *captures = NULL;
    ObjString *S = ToString(vm, ARG(0)), *flags = NULL, *tmpl = NULL, *matched = NULL;
    if (!S)
        return VAL_EXCEPTION;
    Value replace_value = ARG(1), named = VAL_UNDEFINED, result = VAL_EXCEPTION;
    Value cur = VAL_UNDEFINED;
    StrBuilder acc;
    sbld_init(&acc);
    gc_root_push_ptr(vm, &S);
    gc_root_push_ptr(vm, &flags);
    gc_root_push_ptr(vm, &tmpl);
    gc_root_push_ptr(vm, &matched);
    gc_root_push_ptr(vm, &results);
    gc_root_push_ptr(vm, &captures);
    gc_root_push(vm, &named);
    gc_root_push(vm, &cur);
    /* 5-6. functionalReplace, or the template as a string */
    bool functional = IsCallable(replace_value);
    if (!functional && !(tmpl = ToString(vm, replace_value)))
        goto out;
    /* 7-10. flags; a global regexp starts at lastIndex 0 */
    if (!(flags = get_flags(vm, rx)))
        goto out;
    bool global = has_flag(flags, 'g');
    bool full_unicode = has_flag(flags, 'u') || has_flag(flags, 'v');
    if (global && !set_last_index(vm, rx, 0))
        goto out;
    /* 11-12. collect the results */
    results = obj_new_array(vm, 0);
    for (;;) {
        Value r = RegExpExec(vm, rx, S);
        if (r == VAL_EXCEPTION)
            goto out;
        if (val_is_null(r))
            break;
        if (!obj_array_push(vm, results, r))
            goto out;
        if (!global)
            break;
        ObjString *m = match_string(vm, r);
        if (!m)
            goto out;
        if (m->len == 0 && !advance_after_empty(vm, rx, S, full_unicode))
            goto out;
    }
    /* 13-15. build the result */
    uint32_t next_source_position = 0;
    for (uint32_t i = 0; i < obj_array_len(results); i++) {
        cur = obj_get_index(vm, results, i);
        if (cur == VAL_EXCEPTION)
            goto out;
        Obj *res = val_as_obj(cur);
        double result_length;
        if (!LengthOfArrayLike(vm, res, &result_length))
            goto out;
        double n_captures = result_length - 1 < 0 ? 0 : result_length - 1;
        if (!(matched = match_string(vm, cur)))
            goto out;
        Value pv = obj_get(vm, res, ATOM_index);
        double position;
        if (pv == VAL_EXCEPTION || !ToIntegerOrInfinity(vm, pv, &position))
            goto out;
        position = position < 0 ? 0 : position > S->len ? S->len : position;
        captures = obj_new_array(vm, 0);
        for (double n = 1; n <= n_captures; n++) {
            Value c = obj_get_index(vm, res, (uint32_t)n);
            if (c == VAL_EXCEPTION)
                goto out;
            if (!val_is_undefined(c)) {
                ObjString *cs = ToString(vm, c);
                if (!cs)
                    goto out;
                c = val_str(cs);
            }
            if (!obj_array_push(vm, captures, c))
                goto out;
        }
        named = obj_get(vm, res, rx_atom(vm, RXA_groups));
        if (named == VAL_EXCEPTION)
            goto out;
        ObjString *replacement;
        if (functional) {
            uint32_t nc = obj_array_len(captures);
            uint32_t argc2 = nc + 3 + (val_is_undefined(named) ? 0 : 1);
            Value *args = xmalloc(argc2 * sizeof(Value));
            args[0] = val_str(matched);
            for (uint32_t k = 0; k < nc; k++)
                args[1 + k] = captures->u.array.elems[k];
            args[nc + 1] = val_number(position);
            args[nc + 2] = val_str(S);
            if (!val_is_undefined(named))
                args[nc + 3] = named;
            /* args point at rooted values only (captures, S, named, matched) */
            Value rv = vm_call(vm, replace_value, VAL_UNDEFINED, (int)argc2, args);
            free(args);
            if (rv == VAL_EXCEPTION || !(replacement = ToString(vm, rv)))
                goto out;
            if (position >= next_source_position) {
                sbld_put_range(&acc, S, next_source_position, (uint32_t)position);
                sbld_put_str(&acc, replacement);
            }
        } else {
            if (!val_is_undefined(named)) {
                Obj *no = ToObject(vm, named);
                if (!no)
                    goto out;
                named = val_obj(no);
            }
            if (position >= next_source_position) {
                sbld_put_range(&acc, S, next_source_position, (uint32_t)position);
                if (!GetSubstitution(vm, matched, S, (uint32_t)position, captures, named, tmpl,
                                     &acc))
                    goto out;
            }
        }
        if (position >= next_source_position)
            next_source_position = (uint32_t)position + matched->len;
        if (acc.len > 0x1fffffe8u) {
            vm_throw_range_error(vm, "Invalid string length");
            goto out;
        }
    }
    if (next_source_position < S->len)
        sbld_put_range(&acc, S, next_source_position, S->len);
    result = val_str(sbld_finish(vm, &acc));
out:
    sbld_fini(&acc);
    gc_root_pop(vm, 8);
    return result;
}

/* RegExp.prototype[@@search](string) (#sec-regexp.prototype-@@search) */
static NATIVE(regexp_search) {
    if (!val_is_object(this_val))
        return throw_incompatible(vm, "@@search", this_val);
    Obj *rx = val_as_obj(this_val);
    ObjString *S = ToString(vm, ARG(0));
    if (!S)
        return VAL_EXCEPTION;
    Value prev = VAL_UNDEFINED, r = VAL_UNDEFINED, result = VAL_EXCEPTION;
    gc_root_push_ptr(vm, &S);
    gc_root_push(vm, &prev);
    gc_root_push(vm, &r);
    prev = obj_get(vm, rx, ATOM_lastIndex);
    if (prev == VAL_EXCEPTION)
        goto out;
    if (!SameValue(prev, val_number(0)) && !set_last_index(vm, rx, 0))
        goto out;
    r = RegExpExec(vm, rx, S);
    if (r == VAL_EXCEPTION)
        goto out;
    Value current = obj_get(vm, rx, ATOM_lastIndex);
    if (current == VAL_EXCEPTION)
        goto out;
    if (!SameValue(current, prev) && !obj_set(vm, rx, ATOM_lastIndex, prev, true))
        goto out;
    result = val_is_null(r) ? val_number(-1) : obj_get(vm, val_as_obj(r), ATOM_index);
out:
    gc_root_pop(vm, 3);
    return result;
}

/* True when exec on splitter is the built-in one with no way to observe how often it
 * runs: then a forward search replaces the spec's sticky attempt at every position. */
static bool split_can_search(Vm *vm, Obj *splitter) {
    if (!is_rx(val_obj(splitter)) || obj_find_own_prop(splitter, rx_atom(vm, RXA_exec)) ||
        splitter->proto != realm_intrinsic(vm, INTR_RegExpPrototype))
        return false;
    Prop *p = obj_find_own_prop(splitter->proto, rx_atom(vm, RXA_exec));
    return p && !(p->flags & PROP_ACCESSOR) && is_intrinsic_exec(vm, p->u.value);
}

/* RegExp.prototype[@@split](string, limit) (#sec-regexp.prototype-@@split) */
static NATIVE(regexp_split) {
    if (!val_is_object(this_val))
        return throw_incompatible(vm, "@@split", this_val);
    Obj *rx = val_as_obj(this_val), *A = NULL, *splitter = NULL;
    ObjString *S = ToString(vm, ARG(0)), *flags = NULL, *new_flags = NULL;
    if (!S)
        return VAL_EXCEPTION;
    Value C = VAL_UNDEFINED, z = VAL_UNDEFINED, result = VAL_EXCEPTION;
    int32_t *caps = NULL;
    gc_root_push_ptr(vm, &S);
    gc_root_push_ptr(vm, &flags);
    gc_root_push_ptr(vm, &new_flags);
    gc_root_push_ptr(vm, &A);
    gc_root_push_ptr(vm, &splitter);
    gc_root_push(vm, &C);
    gc_root_push(vm, &z);
    /* 5-10. splitter = Construct(C, « rx, flags + "y" ») */
    C = SpeciesConstructor(vm, rx);
    if (C == VAL_EXCEPTION || !(flags = get_flags(vm, rx)))
        goto out;
    bool unicode_matching = has_flag(flags, 'u') || has_flag(flags, 'v');
    if (has_flag(flags, 'y')) {
        new_flags = flags;
    } else {
        ObjString *y = str_from_unit(vm, 'y');
        if (!(new_flags = str_concat(vm, flags, y)))
            goto out;
    }
    Value args[2] = {this_val, val_str(new_flags)};
    Value sv = vm_construct(vm, C, 2, args, C);
    if (sv == VAL_EXCEPTION)
        goto out;
    if (!val_is_object(sv)) {
        vm_throw_type_error(vm, "object.constructor[Symbol.species] is not a constructor");
        goto out;
    }
    splitter = val_as_obj(sv);
    /* 11-14. A, lim */
    A = obj_new_array(vm, 0);
    uint32_t lim = 0xffffffffu;
    if (!val_is_undefined(ARG(1)) && !ToUint32(vm, ARG(1), &lim))
        goto out;
    if (lim == 0)
        goto done;
    uint32_t size = S->len;
    /* 16. the empty string: [S] unless the splitter matches it */
    if (size == 0) {
        z = RegExpExec(vm, splitter, S);
        if (z == VAL_EXCEPTION)
            goto out;
        if (val_is_null(z) && !obj_array_push(vm, A, val_str(S)))
            goto out;
        goto done;
    }
    /* 17-19. the loop over q */
    uint32_t p = 0, q = 0;
    bool fast = split_can_search(vm, splitter);
    const ReProg *prog = fast ? rx_code(splitter)->prog : NULL;
    RxCode *held = NULL;
    if (fast) {
        held = rx_code(splitter);
        held->refs++;
        caps = xmalloc(2 * re_capture_count(prog) * sizeof(int32_t));
    }
    bool ok = true;
    while (q < size) {
        uint32_t e;
        if (fast) {
            /* the first q' >= q where a sticky match exists is where a forward search
             * from q finds one (the same matcher, the same AdvanceStringIndex steps) */
            ReResult r = rx_run(vm, prog, S, q, true, caps);
            if (r == RE_ABORTED || r == RE_OVERFLOW) {
                ok = false;
                break;
            }
            if (r == RE_NO_MATCH || (uint32_t)caps[0] >= size)
                break;
            legacy_update(vm, S, caps, re_capture_count(prog));
            q = (uint32_t)caps[0];
            e = (uint32_t)caps[1] < size ? (uint32_t)caps[1] : size;
        } else {
            /* 19.a-c. splitter.lastIndex = q; z = RegExpExec(splitter, S) */
            if (!set_last_index(vm, splitter, q)) {
                ok = false;
                break;
            }
            z = RegExpExec(vm, splitter, S);
            if (z == VAL_EXCEPTION) {
                ok = false;
                break;
            }
            if (val_is_null(z)) {
                q = (uint32_t)AdvanceStringIndex(S, q, unicode_matching);
                continue;
            }
            Value lv = obj_get(vm, splitter, ATOM_lastIndex);
            double ed;
            if (lv == VAL_EXCEPTION || !ToLength(vm, lv, &ed)) {
                ok = false;
                break;
            }
            e = ed < size ? (uint32_t)ed : size;
        }
        /* 19.d.iv. an empty match where the last piece ended: move on */
        if (e == p) {
            q = (uint32_t)AdvanceStringIndex(S, q, unicode_matching);
            continue;
        }
        /* 19.d.v. T = the substring from p to q, then the captures */
        ObjString *T = str_substring(vm, S, p, q);
        if (!obj_array_push(vm, A, val_str(T))) {
            ok = false;
            break;
        }
        if (obj_array_len(A) == lim)
            break;
        p = e;
        double nz;
        if (fast) {
            nz = re_capture_count(prog);
        } else if (!LengthOfArrayLike(vm, val_as_obj(z), &nz)) {
            ok = false;
            break;
        }
        for (double i = 1; i <= nz - 1; i++) {
            Value c = fast ? capture_value(vm, S, caps, (uint32_t)i)
                           : obj_get_index(vm, val_as_obj(z), (uint32_t)i);
            if (c == VAL_EXCEPTION || !obj_array_push(vm, A, c)) {
                ok = false;
                break;
            }
            if (obj_array_len(A) == lim)
                break;
        }
        if (!ok || obj_array_len(A) == lim)
            break;
        q = p;
    }
    rxcode_release(held);
    if (!ok)
        goto out;
    if (obj_array_len(A) == lim)
        goto done;
    /* 20-22. the rest */
    if (!obj_array_push(vm, A, val_str(str_substring(vm, S, p, size))))
        goto out;
done:
    result = val_obj(A);
out:
    free(caps);
    gc_root_pop(vm, 7);
    return result;
}

/* ==== registration ======================================================================== */

#define FLAG_GETTER(nm, bit) {.name = (nm), .kind = BE_GETTER, .fn = regexp_flag_getter, .magic = (bit)}

/* RegExp.prototype in node 20's property order */
static const BuiltinEntry regexp_proto_fns[] = {
    BI_METHOD("exec", regexp_exec, 1),
    FLAG_GETTER("dotAll", 4),
    BI_GETTER("flags", regexp_flags),
    FLAG_GETTER("global", 1),
    FLAG_GETTER("hasIndices", 0),
    FLAG_GETTER("ignoreCase", 2),
    FLAG_GETTER("multiline", 3),
    BI_GETTER("source", regexp_source),
    FLAG_GETTER("sticky", 7),
    FLAG_GETTER("unicode", 5),
    BI_METHOD("compile", regexp_compile, 2),
    BI_METHOD("toString", regexp_to_string, 0),
    BI_METHOD("test", regexp_test, 1),
    FLAG_GETTER("unicodeSets", 6),
    BI_SYM_METHOD(ATOM_Symbol_match, regexp_match, 1),
    BI_SYM_METHOD(ATOM_Symbol_matchAll, regexp_match_all, 1),
    BI_SYM_METHOD(ATOM_Symbol_replace, regexp_replace, 2),
    BI_SYM_METHOD(ATOM_Symbol_search, regexp_search, 1),
    BI_SYM_METHOD(ATOM_Symbol_split, regexp_split, 2),
};

#define LEGACY(nm, mg)                                                                       \
    {.name = (nm), .kind = BE_ACCESSOR, .fn = regexp_legacy_get, .fn2 = regexp_legacy_set,      \
     .magic = (mg)}

/* the accessors in node's order */
static const BuiltinEntry regexp_fns[] = {
    LEGACY("input", LEG_INPUT),         LEGACY("$_", LEG_INPUT),
    LEGACY("lastMatch", LEG_LAST_MATCH), LEGACY("$&", LEG_LAST_MATCH),
    LEGACY("lastParen", LEG_LAST_PAREN), LEGACY("$+", LEG_LAST_PAREN),
    LEGACY("leftContext", LEG_LEFT),    LEGACY("$`", LEG_LEFT),
    LEGACY("rightContext", LEG_RIGHT),  LEGACY("$'", LEG_RIGHT),
    LEGACY("$1", 1), LEGACY("$2", 2), LEGACY("$3", 3), LEGACY("$4", 4), LEGACY("$5", 5),
    LEGACY("$6", 6), LEGACY("$7", 7), LEGACY("$8", 8), LEGACY("$9", 9),
    BI_SYM_GETTER(ATOM_Symbol_species, regexp_species),
};

static const BuiltinEntry rsi_proto_fns[] = {
    BI_METHOD("next", rsi_next, 0),
    BI_SYM_STRING(ATOM_Symbol_toStringTag, "RegExp String Iterator"),
};

void bi_regexp_init(Vm *vm) {
    Obj *proto = obj_new(vm, realm_intrinsic(vm, INTR_ObjectPrototype));
    Obj *state = NULL, *names = NULL, *ctor = NULL, *rsi = NULL;
    gc_root_push_ptr(vm, &proto);
    gc_root_push_ptr(vm, &state);
    gc_root_push_ptr(vm, &names);
    gc_root_push_ptr(vm, &ctor);
    gc_root_push_ptr(vm, &rsi);
    /* the state: the cache and the atoms (their strings kept in an array) */
    state = obj_new_kind(vm, OBJ_HOST, NULL);
    state->u.host.cls = &rx_state_class;
    for (int i = 0; i < 4; i++)
        state->u.host.slots[i] = VAL_UNDEFINED;
    RxState *st = xmalloc(sizeof *st);
    memset(st, 0, sizeof *st);
    state->u.host.data = st;
    names = obj_new_array(vm, 0);
    state->u.host.slots[0] = val_obj(names);
    static const char *const atom_names[] = {
#define X(n) #n,
        RX_ATOMS(X)
#undef X
    };
    for (int i = 0; i < RXA__COUNT; i++) {
        ObjString *s = str_new_cstr(vm, atom_names[i]);
        if (!obj_array_push(vm, names, val_str(s)))
            die(EXIT_INTERNAL, "cannot initialize RegExp");
        st->atoms[i] = atom_from_str(vm, s);
    }
    /* "constructor" first, as in node (realm_new_ctor fills it in) */
    if (!obj_define_value(vm, proto, ATOM_constructor, VAL_UNDEFINED, PROP_BUILTIN))
        die(EXIT_INTERNAL, "cannot initialize RegExp");
    realm_define_entries(vm, proto, regexp_proto_fns, ARRAY_LEN(regexp_proto_fns));
    Prop *exec = obj_find_own_prop(proto, st->atoms[RXA_exec]);
    state->u.host.slots[1] = exec ? exec->u.value : VAL_UNDEFINED;
    ctor = realm_new_ctor(vm, "RegExp", regexp_ctor, 2, proto, INTR_RegExp, INTR_RegExpPrototype);
    ctor->u.native.data[0] = val_obj(state);
    realm_define_entries(vm, ctor, regexp_fns, ARRAY_LEN(regexp_fns));
    /* %RegExpStringIteratorPrototype% */
    rsi = obj_new(vm, realm_intrinsic(vm, INTR_IteratorPrototype));
    realm_define_entries(vm, rsi, rsi_proto_fns, ARRAY_LEN(rsi_proto_fns));
    vm->realm->intrinsics[INTR_RegExpStringIteratorPrototype] = rsi;
    realm_define_global(vm, "RegExp", val_obj(ctor));
    gc_root_pop(vm, 5);
}
