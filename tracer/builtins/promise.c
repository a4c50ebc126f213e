/* builtins/promise.c — the Promise constructor and its methods (ecma262 #sec-promise-
 * objects): new Promise, Promise.prototype.then / catch / finally (with the
 * thenFinally / catchFinally closures and their extra ticks), Promise.resolve, reject,
 * all, allSettled, any, race, withResolvers, try and get Promise[@@species]. Subclasses
 * work through NewPromiseCapability(C) and SpeciesConstructor. The abstract operations
 * live in tracer/promise.c; the messages are V8's (node 20), checked one by one. */
#include <string.h>

#include "tracer/function.h"
#include "tracer/jobs.h"
#include "tracer/promise.h"
#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/vm.h"

static bool catchable(Vm *vm) {
    return vm->terminated == TERM_NONE;
}

/* Throws a TypeError whose message embeds vm_describe_value(v) at the %s of fmt. */
static Value throw_described(Vm *vm, const char *fmt, Value v) {
    StrBuf sb;
    strbuf_init(&sb);
    vm_describe_value(vm, v, &sb);
    Value r = vm_throw_type_error(vm, fmt, sb.data);
    strbuf_fini(&sb);
    return r;
}

/* SpeciesConstructor(O, defaultConstructor) (#sec-speciesconstructor): VAL_EXCEPTION on
 * a throw. */
static Value SpeciesConstructor(Vm *vm, Value O, Value default_ctor) {
    /* 1. Let C be ? Get(O, "constructor"). */
    gc_root_push(vm, &default_ctor);
    Value C = val_get(vm, O, ATOM_constructor);
    Value r = VAL_EXCEPTION;
    if (C == VAL_EXCEPTION)
        goto out;
    /* 2. If C is undefined, return defaultConstructor. */
    if (val_is_undefined(C)) {
        r = default_ctor;
        goto out;
    }
    /* 3. If C is not an Object, throw a TypeError exception. */
    if (!val_is_object(C)) {
        vm_throw_type_error(vm, "The .constructor property is not an object");
        goto out;
    }
    /* 4. Let S be ? Get(C, @@species). */
    Value S = val_get(vm, C, ATOM_Symbol_species);
    if (S == VAL_EXCEPTION)
        goto out;
    /* 5. If S is either undefined or null, return defaultConstructor.
     * 6. If IsConstructor(S) is true, return S.
     * 7. Throw a TypeError exception. */
    if (val_is_nullish(S))
        r = default_ctor;
    else if (IsConstructor(S))
        r = S;
    else
        vm_throw_type_error(vm, "object.constructor[Symbol.species] is not a constructor");
out:
    gc_root_pop(vm, 1);
    return r;
}

static Value throw_typeof(Vm *vm, Value v, const char *rest);

/* Invoke(V, "then", args) (#sec-invoke) with V8's message for a missing then. The caller
 * roots argv (a C array is not on the VM stack). */
static Value invoke_then(Vm *vm, Value v, int argc, const Value *argv) {
    gc_root_push(vm, &v);
    Value then = val_get(vm, v, ATOM_then);
    gc_root_pop(vm, 1);
    if (then == VAL_EXCEPTION)
        return VAL_EXCEPTION;
    if (!IsCallable(then))
        return throw_typeof(vm, then, " is not a function");
    return vm_call(vm, then, v, argc, argv);
}

static Value promise_ctor_value(Vm *vm) {
    return val_obj(realm_intrinsic(vm, INTR_Promise));
}

/* ==== the constructor =================================================================== */

/* Promise ( executor ) (#sec-promise-executor) */
static NATIVE(promise_construct) {
    Value executor = ARG(0);
    /* 1. If NewTarget is undefined, throw a TypeError exception. */
    if (val_is_undefined(ctx->new_target))
        return vm_throw_type_error(vm, "Promise constructor cannot be invoked without 'new'");
    /* 2. If IsCallable(executor) is false, throw a TypeError exception. */
    if (!IsCallable(executor))
        return throw_described(vm, "Promise resolver %s is not a function", executor);
    /* 3-7. Let promise be ? OrdinaryCreateFromConstructor(NewTarget,
     *      "%Promise.prototype%", ...), pending, with empty reaction lists. */
    Obj *promise = promise_create(vm, ctx->new_target);
    if (!promise)
        return VAL_EXCEPTION;
    gc_root_push_ptr(vm, &promise);
    /* 8. Let resolvingFunctions be CreateResolvingFunctions(promise). */
    ResolvingFunctions rf = CreateResolvingFunctions(vm, promise);
    gc_root_push(vm, &rf.resolve);
    gc_root_push(vm, &rf.reject);
    /* 9. Let completion be Completion(Call(executor, undefined, « resolvingFunctions.
     *    [[Resolve]], resolvingFunctions.[[Reject]] »)). */
    Value args[2] = {rf.resolve, rf.reject};
    Value r = vm_call(vm, executor, VAL_UNDEFINED, 2, args);
    /* 10. If completion is an abrupt completion, then a. Perform ? Call(
     *     resolvingFunctions.[[Reject]], undefined, « completion.[[Value]] »). */
    if (r == VAL_EXCEPTION) {
        if (!catchable(vm)) {
            gc_root_pop(vm, 3);
            return VAL_EXCEPTION;
        }
        Value reason = vm_take_exception(vm);
        r = vm_call(vm, rf.reject, VAL_UNDEFINED, 1, &reason);
    }
    gc_root_pop(vm, 3);
    if (r == VAL_EXCEPTION)
        return VAL_EXCEPTION;
    /* 11. Return promise. */
    return val_obj(promise);
}

/* get Promise [ @@species ] (#sec-get-promise-@@species): 1. Return the this value. */
static NATIVE(promise_species) {
    return this_val;
}

/* ==== Promise.prototype ================================================================= */

/* Promise.prototype.then ( onFulfilled, onRejected ) (#sec-promise.prototype.then) */
static NATIVE(promise_then) {
    /* 1. Let promise be the this value.
     * 2. If IsPromise(promise) is false, throw a TypeError exception. */
    if (!IsPromise(this_val))
        return throw_described(vm, "Method Promise.prototype.then called on incompatible receiver %s",
                               this_val);
    /* 3. Let C be ? SpeciesConstructor(promise, %Promise%). */
    Value C = SpeciesConstructor(vm, this_val, promise_ctor_value(vm));
    if (C == VAL_EXCEPTION)
        return VAL_EXCEPTION;
    /* 4. Let resultCapability be ? NewPromiseCapability(C). */
    PromiseCapability cap;
    if (!promise_capability_new(vm, C, TFV_ORIGIN_THEN, &cap))
        return VAL_EXCEPTION;
    /* 5. Return PerformPromiseThen(promise, onFulfilled, onRejected, resultCapability). */
    return PerformPromiseThen(vm, val_as_obj(this_val), ARG(0), ARG(1), &cap);
}

/* Promise.prototype.catch ( onRejected ) (#sec-promise.prototype.catch) */
static NATIVE(promise_catch) {
    /* 1. Let promise be the this value.
     * 2. Return ? Invoke(promise, "then", « undefined, onRejected »). */
    Value args[2] = {VAL_UNDEFINED, ARG(0)};
    return invoke_then(vm, this_val, 2, args);
}

/* The closures of Promise.prototype.finally (step 6), data[0] = onFinally, data[1] = C:
 * thenFinally, catchFinally; valueThunk / thrower: data[0] = value / reason. */
static NATIVE(finally_value_thunk) {
    /* returnValue: 1. Return value. */
    return ctx->callee->u.native.data[0];
}

static NATIVE(finally_thrower) {
    /* throwReason: 1. Return ThrowCompletion(reason). */
    return vm_throw(vm, ctx->callee->u.native.data[0]);
}

static Value finally_step(Vm *vm, const NativeCtx *ctx, Value arg, NativeFn *thunk) {
    Value on_finally = ctx->callee->u.native.data[0];
    Value C = ctx->callee->u.native.data[1];
    /* i. Let result be ? Call(onFinally, undefined). */
    Value result = vm_call(vm, on_finally, VAL_UNDEFINED, 0, NULL);
    if (result == VAL_EXCEPTION)
        return VAL_EXCEPTION;
    /* ii. Let p be ? PromiseResolve(C, result). */
    Value p = promise_resolve_with_origin(vm, C, result, TFV_ORIGIN_BUILTIN);
    if (p == VAL_EXCEPTION)
        return VAL_EXCEPTION;
    gc_root_push(vm, &p);
    /* iii-iv. Let returnValue (throwReason) be a new Abstract Closure that captures value
     * (reason); let valueThunk (thrower) be CreateBuiltinFunction(returnValue, 0, "", « »). */
    Value fv = val_obj(promise_new_builtin(vm, thunk, 0, arg, VAL_UNDEFINED, VAL_UNDEFINED));
    gc_root_push(vm, &fv);
    /* v. Return ? Invoke(p, "then", « valueThunk » (« thrower »)). */
    Value r = invoke_then(vm, p, 1, &fv);
    gc_root_pop(vm, 2);
    return r;
}

/* thenFinallyClosure ( value ) */
static NATIVE(finally_then) {
    return finally_step(vm, ctx, ARG(0), finally_value_thunk);
}

/* catchFinallyClosure ( reason ) */
static NATIVE(finally_catch) {
    return finally_step(vm, ctx, ARG(0), finally_thrower);
}

/* Promise.prototype.finally ( onFinally ) (#sec-promise.prototype.finally) */
static NATIVE(promise_finally) {
    Value on_finally = ARG(0);
    /* 1. Let promise be the this value.
     * 2. If promise is not an Object, throw a TypeError exception. */
    if (!val_is_object(this_val))
        return vm_throw_type_error(vm, "Promise.prototype.finally called on non-object");
    /* 3. Let C be ? SpeciesConstructor(promise, %Promise%). 4. Assert: IsConstructor(C). */
    Value C = SpeciesConstructor(vm, this_val, promise_ctor_value(vm));
    if (C == VAL_EXCEPTION)
        return VAL_EXCEPTION;
    Value args[2];
    if (!IsCallable(on_finally)) {
        /* 5. If IsCallable(onFinally) is false, then a. Let thenFinally be onFinally.
         * b. Let catchFinally be onFinally. */
        args[0] = args[1] = on_finally;
        return invoke_then(vm, this_val, 2, args);
    }
    /* 6. Else, a-b. Let thenFinally be CreateBuiltinFunction(thenFinallyClosure, 1, "",
     *    « »). c-d. Let catchFinally be CreateBuiltinFunction(catchFinallyClosure, 1, "",
     *    « »). */
    gc_root_push(vm, &C);
    args[0] = val_obj(promise_new_builtin(vm, finally_then, 1, on_finally, C, VAL_UNDEFINED));
    gc_root_push(vm, &args[0]);
    args[1] = val_obj(promise_new_builtin(vm, finally_catch, 1, on_finally, C, VAL_UNDEFINED));
    gc_root_push(vm, &args[1]);
    /* 7. Return ? Invoke(promise, "then", « thenFinally, catchFinally »). */
    Value r = invoke_then(vm, this_val, 2, args);
    gc_root_pop(vm, 3);
    return r;
}

/* ==== Promise.resolve, reject, withResolvers, try ======================================= */

/* Promise.resolve ( x ) (#sec-promise.resolve) */
static NATIVE(promise_resolve_static) {
    /* 1. Let C be the this value.
     * 2. If C is not an Object, throw a TypeError exception. */
    if (!val_is_object(this_val))
        return vm_throw_type_error(vm, "PromiseResolve called on non-object");
    /* 3. Return ? PromiseResolve(C, x). */
    return promise_resolve_with_origin(vm, this_val, ARG(0), TFV_ORIGIN_RESOLVE);
}

/* Promise.reject ( r ) (#sec-promise.reject) */
static NATIVE(promise_reject_static) {
    Value r = ARG(0);
    /* 1. Let C be the this value. (V8 checks for an object first.) */
    if (!val_is_object(this_val))
        return vm_throw_type_error(vm, "PromiseReject called on non-object");
    /* 2. Let promiseCapability be ? NewPromiseCapability(C). */
    PromiseCapability cap;
    if (!promise_capability_new(vm, this_val, TFV_ORIGIN_REJECT, &cap))
        return VAL_EXCEPTION;
    /* 3. Perform ? Call(promiseCapability.[[Reject]], undefined, « r »). */
    promise_capability_root(vm, &cap);
    Value x = vm_call(vm, cap.reject, VAL_UNDEFINED, 1, &r);
    promise_capability_unroot(vm);
    if (x == VAL_EXCEPTION)
        return VAL_EXCEPTION;
    /* 4. Return promiseCapability.[[Promise]]. */
    return cap.promise;
}

/* Promise.withResolvers ( ) (#sec-promise.withResolvers) */
static NATIVE(promise_with_resolvers) {
    /* 1. Let C be the this value.
     * 2. Let promiseCapability be ? NewPromiseCapability(C). */
    PromiseCapability cap;
    if (!promise_capability_new(vm, this_val, TFV_ORIGIN_BUILTIN, &cap))
        return VAL_EXCEPTION;
    promise_capability_root(vm, &cap);
    /* 3. Let obj be OrdinaryObjectCreate(%Object.prototype%).
     * 4-6. Perform ! CreateDataPropertyOrThrow(obj, "promise" / "resolve" / "reject",
     *      ...). 7. Return obj. */
    Obj *obj = obj_new_plain(vm);
    gc_root_push_ptr(vm, &obj);
    Atom promise_atom = atom_intern(vm, "promise");
    bool ok = CreateDataProperty(vm, obj, promise_atom, cap.promise) &&
              CreateDataProperty(vm, obj, ATOM_resolve, cap.resolve) &&
              CreateDataProperty(vm, obj, ATOM_reject, cap.reject);
    gc_root_pop(vm, 1);
    promise_capability_unroot(vm);
    return ok ? val_obj(obj) : VAL_EXCEPTION;
}

/* Promise.try ( callbackfn, ...args ) (#sec-promise.try) */
static NATIVE(promise_try) {
    /* 1. Let C be the this value.
     * 2. If C is not an Object, throw a TypeError exception. */
    if (!val_is_object(this_val))
        return vm_throw_type_error(vm, "Promise.try called on non-object");
    /* 3. Let promiseCapability be ? NewPromiseCapability(C). */
    PromiseCapability cap;
    if (!promise_capability_new(vm, this_val, TFV_ORIGIN_BUILTIN, &cap))
        return VAL_EXCEPTION;
    promise_capability_root(vm, &cap);
    /* 4. Let status be Completion(Call(callbackfn, undefined, args)). */
    Value status = vm_call(vm, ARG(0), VAL_UNDEFINED, argc > 1 ? argc - 1 : 0, argv + 1);
    Value r;
    if (status == VAL_EXCEPTION) {
        if (!catchable(vm)) {
            promise_capability_unroot(vm);
            return VAL_EXCEPTION;
        }
        /* 5. If status is an abrupt completion, then a. Perform ? Call(promiseCapability.
         *    [[Reject]], undefined, « status.[[Value]] »). */
        Value reason = vm_take_exception(vm);
        r = vm_call(vm, cap.reject, VAL_UNDEFINED, 1, &reason);
    } else {
        /* 6. Else, a. Perform ? Call(promiseCapability.[[Resolve]], undefined,
         *    « status.[[Value]] »). */
        gc_root_push(vm, &status);
        r = vm_call(vm, cap.resolve, VAL_UNDEFINED, 1, &status);
        gc_root_pop(vm, 1);
    }
    promise_capability_unroot(vm);
    /* 7. Return promiseCapability.[[Promise]]. */
    return r == VAL_EXCEPTION ? VAL_EXCEPTION : cap.promise;
}

/* ==== iteration for the combinators ===================================================== */

/* Iterator Record (#sec-iterator-records). */
typedef struct {
    Value iterator;    /* [[Iterator]] */
    Value next_method; /* [[NextMethod]] */
    bool done;         /* [[Done]] */
} IteratorRecord;

/* How V8 names a value it cannot call or iterate when there is no source text:
 * `undefined`, `object null`, `boolean true`, `number 1.5`, `string "abc"`, `symbol`,
 * `function`, `object`. */
static void describe_typeof(Vm *vm, Value v, StrBuf *sb) {
    if (val_is_undefined(v)) {
        strbuf_puts(sb, "undefined");
    } else if (val_is_null(v)) {
        strbuf_puts(sb, "object null");
    } else if (val_is_number(v) || val_is_bool(v)) {
        strbuf_puts(sb, val_is_number(v) ? "number " : "boolean ");
        vm_describe_value(vm, v, sb);
    } else if (val_is_string(v)) {
        strbuf_puts(sb, "string \"");
        str_to_utf8(val_as_str(v), sb);
        strbuf_puts(sb, "\"");
    } else if (val_is_symbol(v)) {
        strbuf_puts(sb, "symbol");
    } else if (IsCallable(v)) {
        strbuf_puts(sb, "function");
    } else {
        strbuf_puts(sb, "object");
    }
}

/* Throws "<describe_typeof(v)><rest>" as a TypeError. */
static Value throw_typeof(Vm *vm, Value v, const char *rest) {
    StrBuf sb;
    strbuf_init(&sb);
    describe_typeof(vm, v, &sb);
    strbuf_puts(&sb, rest);
    Value r = vm_throw_type_error(vm, "%s", sb.data);
    strbuf_fini(&sb);
    return r;
}

/* GetIterator(obj, sync) (#sec-getiterator): false on a throw. */
static bool GetIteratorRecord(Vm *vm, Value obj, IteratorRecord *rec) {
    gc_root_push(vm, &obj);
    bool ok = false;
    /* GetMethod(obj, @@iterator) */
    Value method = val_is_nullish(obj) ? VAL_UNDEFINED : val_get(vm, obj, ATOM_Symbol_iterator);
    if (method == VAL_EXCEPTION)
        goto out;
    if (!IsCallable(method)) {
        /* V8 says "not iterable" for any method that is not callable */
        throw_typeof(vm, obj, " is not iterable (cannot read property Symbol(Symbol.iterator))");
        goto out;
    }
    Value it, next;
    if (!GetIteratorFromMethod(vm, obj, method, &it, &next))
        goto out;
    rec->iterator = it;
    rec->next_method = next;
    rec->done = false;
    ok = true;
out:
    gc_root_pop(vm, 1);
    return ok;
}

/* IteratorStepValue(iteratorRecord) (#sec-iteratorstepvalue): 1 with *value, 0 when done,
 * -1 on a throw; [[Done]] becomes true on done and on every throw. rec is rooted. */
static int IteratorStepValue(Vm *vm, IteratorRecord *rec, Value *value) {
    Value r = VAL_EXCEPTION;
    if (!IsCallable(rec->next_method)) {
        throw_typeof(vm, rec->next_method, " is not a function");
    } else {
        r = vm_call(vm, rec->next_method, rec->iterator, 0, NULL);
    }
    if (r == VAL_EXCEPTION) {
        rec->done = true;
        return -1;
    }
    if (!val_is_object(r)) {
        rec->done = true;
        throw_described(vm, "Iterator result %s is not an object", r);
        return -1;
    }
    gc_root_push(vm, &r);
    int res = -1;
    Value d = obj_get(vm, val_as_obj(r), ATOM_done);
    if (d != VAL_EXCEPTION) {
        if (ToBoolean(d)) {
            res = 0;
        } else {
            Value v = obj_get(vm, val_as_obj(r), ATOM_value);
            if (v != VAL_EXCEPTION) {
                *value = v;
                res = 1;
            }
        }
    }
    gc_root_pop(vm, 1);
    if (res != 1)
        rec->done = true;
    return res;
}

/* IteratorClose(iteratorRecord, completion) for a throw completion (#sec-iteratorclose):
 * the original exception stays pending whatever return() does. */
static void IteratorCloseThrow(Vm *vm, IteratorRecord *rec) {
    if (!catchable(vm))
        return;
    Value saved = vm_take_exception(vm);
    gc_root_push(vm, &saved);
    Value m = val_get(vm, rec->iterator, ATOM_return);
    if (m != VAL_EXCEPTION && !val_is_nullish(m)) {
        Value ignored = vm_call(vm, m, rec->iterator, 0, NULL);
        (void)ignored;
    }
    gc_root_pop(vm, 1);
    if (!catchable(vm))
        return;
    if (vm_has_exception(vm))
        (void)vm_take_exception(vm);
    vm_throw(vm, saved);
}

/* IfAbruptRejectPromise(value, capability) (#sec-ifabruptrejectpromise): with the
 * exception pending, Perform ? Call(capability.[[Reject]], undefined, « reason ») and
 * return capability.[[Promise]]. */
static Value IfAbruptRejectPromise(Vm *vm, const PromiseCapability *cap) {
    if (!catchable(vm))
        return VAL_EXCEPTION;
    Value reason = vm_take_exception(vm);
    gc_root_push(vm, &reason);
    Value r = vm_call(vm, cap->reject, VAL_UNDEFINED, 1, &reason);
    gc_root_pop(vm, 1);
    return r == VAL_EXCEPTION ? VAL_EXCEPTION : cap->promise;
}

/* GetPromiseResolve(promiseConstructor) (#sec-getpromiseresolve) */
static Value GetPromiseResolve(Vm *vm, Value C) {
    /* 1. Let promiseResolve be ? Get(promiseConstructor, "resolve"). */
    Value r = val_get(vm, C, ATOM_resolve);
    if (r == VAL_EXCEPTION)
        return VAL_EXCEPTION;
    /* 2. If IsCallable(promiseResolve) is false, throw a TypeError exception. */
    if (!IsCallable(r))
        return vm_throw_type_error(vm, "Promise resolve or reject function is not callable");
    /* 3. Return promiseResolve. */
    return r;
}

/* ==== Promise.all, allSettled, any, race ================================================ */

typedef enum { COMB_ALL = 0, COMB_ALL_SETTLED, COMB_ANY, COMB_RACE } Combinator;

static const char *const comb_names[] = {"Promise.all", "Promise.allSettled", "Promise.any",
                                         "Promise.race"};

/* The shared state of one combinator call, an internal object: slots[0] = the values /
 * errors List (an internal array, appended to only), [1] = remainingElementsCount
 * .[[Value]], [2] = the capability's [[Promise]], [3] = the capability function the
 * element functions call ([[Resolve]] for all/allSettled, [[Reject]] for any). */
static const ObjClass comb_state_class = {.name = "PromiseCombinatorState"};
/* An alreadyCalled Record { [[Value]] }: slots[0] = true/false. */
static const ObjClass already_called_class = {.name = "AlreadyCalled"};

static Obj *new_internal(Vm *vm, const ObjClass *cls) {
    Obj *o = obj_new_kind(vm, OBJ_HOST, NULL);
    o->u.host.cls = cls;
    return o;
}

static Obj *list_of(Obj *state) {
    return val_as_obj(state->u.host.slots[0]);
}

/* remainingElementsCount.[[Value]] += delta; returns the new value. */
static double remaining_add(Obj *state, double delta) {
    double n = val_as_number(state->u.host.slots[1]) + delta;
    state->u.host.slots[1] = val_number(n);
    return n;
}

/* CreateArrayFromList(list) */
static Obj *array_from_list(Vm *vm, Obj *list) {
    return obj_new_array_from(vm, obj_array_len(list), list->u.array.elems);
}

/* A new AggregateError for Promise.any with errors, message "All promises were
 * rejected" (#sec-promise.any-reject-element-functions step 11). */
static Value new_aggregate_error(Vm *vm, Obj *errors_list) {
    gc_root_push_ptr(vm, &errors_list);
    ObjString *msg = str_new_cstr(vm, "All promises were rejected");
    Obj *error = vm_new_error(vm, realm_intrinsic(vm, INTR_AggregateErrorPrototype), msg);
    gc_root_push_ptr(vm, &error);
    /* Perform ! DefinePropertyOrThrow(error, "errors", PropertyDescriptor {
     * [[Configurable]]: true, [[Enumerable]]: false, [[Writable]]: true, [[Value]]:
     * CreateArrayFromList(errors) }). */
    Obj *arr = array_from_list(vm, errors_list);
    bool ok = obj_define_value(vm, error, ATOM_errors, val_obj(arr),
                               PROP_WRITABLE | PROP_CONFIGURABLE);
    gc_root_pop(vm, 2);
    return ok ? val_obj(error) : VAL_EXCEPTION;
}

/* The element functions: data[0] = the combinator state, data[1] = [[Index]], data[2] =
 * the alreadyCalled record. magic: which one (see element_fn_kind). */
typedef enum {
    ELEM_ALL_RESOLVE = 0,      /* Promise.all Resolve Element Functions */
    ELEM_SETTLED_RESOLVE,      /* Promise.allSettled Resolve Element Functions */
    ELEM_SETTLED_REJECT,       /* Promise.allSettled Reject Element Functions */
    ELEM_ANY_REJECT,           /* Promise.any Reject Element Functions */
} ElementKind;

static NATIVE(promise_element_function) {
    Value x = ARG(0);
    Obj *F = ctx->callee;
    ElementKind kind = (ElementKind)F->u.native.magic;
    Obj *state = val_as_obj(F->u.native.data[0]);
    uint32_t index = (uint32_t)val_as_number(F->u.native.data[1]);
    Obj *already_called = val_as_obj(F->u.native.data[2]);
    /* 1. Let F be the active function object.
     * 2. If F.[[AlreadyCalled]] (alreadyCalled.[[Value]]) is true, return undefined.
     * 3. Set it to true. */
    if (already_called->u.host.slots[0] == VAL_TRUE)
        return VAL_UNDEFINED;
    already_called->u.host.slots[0] = VAL_TRUE;
    gc_root_push_ptr(vm, &state);
    gc_root_push(vm, &x);
    Value elem = x;
    if (kind == ELEM_SETTLED_RESOLVE || kind == ELEM_SETTLED_REJECT) {
        /* allSettled: 9. Let obj be OrdinaryObjectCreate(%Object.prototype%).
         * 10. Perform ! CreateDataPropertyOrThrow(obj, "status", "fulfilled"/"rejected").
         * 11. Perform ! CreateDataPropertyOrThrow(obj, "value"/"reason", x). */
        Obj *obj = obj_new_plain(vm);
        gc_root_push_ptr(vm, &obj);
        bool fulfilled = kind == ELEM_SETTLED_RESOLVE;
        ObjString *status = str_new_cstr(vm, fulfilled ? "fulfilled" : "rejected");
        if (!CreateDataProperty(vm, obj, ATOM_status, val_str(status)) ||
            !CreateDataProperty(vm, obj, fulfilled ? ATOM_value : ATOM_reason, x)) {
            gc_root_pop(vm, 3);
            return VAL_EXCEPTION;
        }
        elem = val_obj(obj);
        gc_root_pop(vm, 1);
    }
    /* Set values[index] (errors[index]) to x (obj). */
    Obj *list = list_of(state);
    if (ALWAYS(index < list->u.array.dense))
        list->u.array.elems[index] = elem;
    /* Set remainingElementsCount.[[Value]] to remainingElementsCount.[[Value]] - 1.
     * If remainingElementsCount.[[Value]] = 0, then */
    Value r = VAL_UNDEFINED;
    if (remaining_add(state, -1) == 0) {
        Value result;
        if (kind == ELEM_ANY_REJECT) {
            /* a. Let error be a newly created AggregateError object. b. Perform !
             * DefinePropertyOrThrow(error, "errors", ...). c. Return ? Call(
             * promiseCapability.[[Reject]], undefined, « error »). */
            result = new_aggregate_error(vm, list);
        } else {
            /* a. Let valuesArray be CreateArrayFromList(values). b. Return ? Call(
             * promiseCapability.[[Resolve]], undefined, « valuesArray »). */
            result = val_obj(array_from_list(vm, list));
        }
        if (result == VAL_EXCEPTION) {
            r = VAL_EXCEPTION;
        } else {
            gc_root_push(vm, &result);
            r = vm_call(vm, state->u.host.slots[3], VAL_UNDEFINED, 1, &result);
            gc_root_pop(vm, 1);
        }
    }
    gc_root_pop(vm, 2);
    /* 12. Return undefined. */
    return r == VAL_EXCEPTION ? VAL_EXCEPTION : VAL_UNDEFINED;
}

static Obj *new_element_function(Vm *vm, ElementKind kind, Obj *state, uint32_t index,
                                 Obj *already_called) {
    Obj *f = promise_new_builtin(vm, promise_element_function, 1, val_obj(state),
                                 val_number(index), val_obj(already_called));
    f->u.native.magic = (int32_t)kind;
    return f;
}

/* PerformPromiseAll / PerformPromiseAllSettled / PerformPromiseAny / PerformPromiseRace
 * (#sec-performpromiseall, #sec-performpromiseallsettled, #sec-performpromiseany,
 * #sec-performpromiserace): one loop, the differences marked. Returns the capability's
 * promise, or VAL_EXCEPTION (the caller closes the iterator unless [[Done]]). */
static Value perform_combinator(Vm *vm, Combinator which, IteratorRecord *rec, Value C,
                                const PromiseCapability *cap, Value promise_resolve) {
    Obj *state = NULL;
    gc_root_push_ptr(vm, &state);
    if (which != COMB_RACE) {
        /* 1. Let values (errors) be a new empty List.
         * 2. Let remainingElementsCount be the Record { [[Value]]: 1 }.
         * 3. Let index be 0. */
        state = new_internal(vm, &comb_state_class);
        state->u.host.slots[1] = val_number(1);
        state->u.host.slots[2] = cap->promise;
        state->u.host.slots[3] = which == COMB_ANY ? cap->reject : cap->resolve;
        Obj *list = obj_new_array(vm, 0);
        state->u.host.slots[0] = val_obj(list);
    }
    Value next = VAL_UNDEFINED, next_promise = VAL_UNDEFINED;
    gc_root_push(vm, &next);
    gc_root_push(vm, &next_promise);
    Value result = VAL_EXCEPTION;
    for (uint32_t index = 0;; index++) {
        /* 4. Repeat, a. Let next be ? IteratorStepValue(iteratorRecord). */
        int st = IteratorStepValue(vm, rec, &next);
        if (st < 0)
            goto out;
        if (st == 0) {
            /* b. If next is done, then */
            if (which == COMB_RACE) {
                /* race: i. Return resultCapability.[[Promise]]. */
                result = cap->promise;
                goto out;
            }
            /* i. Set remainingElementsCount.[[Value]] to remainingElementsCount.[[Value]]
             *    - 1. ii. If remainingElementsCount.[[Value]] = 0, then */
            if (remaining_add(state, -1) == 0) {
                Value v;
                if (which == COMB_ANY) {
                    /* any: 1. Let error be a newly created AggregateError object.
                     * 2. Perform ! DefinePropertyOrThrow(error, "errors", ...).
                     * 3. Return ThrowCompletion(error). */
                    v = new_aggregate_error(vm, list_of(state));
                    if (v != VAL_EXCEPTION)
                        vm_throw(vm, v);
                    goto out;
                }
                /* 1. Let valuesArray be CreateArrayFromList(values).
                 * 2. Perform ? Call(resultCapability.[[Resolve]], undefined,
                 *    « valuesArray »). */
                v = val_obj(array_from_list(vm, list_of(state)));
                gc_root_push(vm, &v);
                Value r = vm_call(vm, cap->resolve, VAL_UNDEFINED, 1, &v);
                gc_root_pop(vm, 1);
                if (r == VAL_EXCEPTION)
                    goto out;
            }
            /* iii. Return resultCapability.[[Promise]]. */
            result = cap->promise;
            goto out;
        }
        /* c. Append undefined to values (errors). */
        if (which != COMB_RACE && !obj_array_push(vm, list_of(state), VAL_UNDEFINED))
            goto out;
        /* d. Let nextPromise be ? Call(promiseResolve, constructor, « next »). */
        next_promise = vm_call(vm, promise_resolve, C, 1, &next);
        if (next_promise == VAL_EXCEPTION)
            goto out;
        /* args (the then handlers) stay rooted through the Invoke */
        Value args[2] = {cap->resolve, cap->reject};
        gc_root_push(vm, &args[0]);
        gc_root_push(vm, &args[1]);
        if (which == COMB_RACE) {
            /* race: e. Perform ? Invoke(nextPromise, "then", « resultCapability.
             *    [[Resolve]], resultCapability.[[Reject]] »). */
        } else {
            /* e-m. Let onFulfilled (onRejected) be CreateBuiltinFunction(steps, 1, "",
             *      « [[AlreadyCalled]], [[Index]], [[Values]], [[Capability]],
             *      [[RemainingElements]] »), with alreadyCalled = Record { [[Value]]:
             *      false }; allSettled shares one alreadyCalled between both. */
            Obj *called = new_internal(vm, &already_called_class);
            called->u.host.slots[0] = VAL_FALSE;
            gc_root_push_ptr(vm, &called);
            ElementKind k1 = which == COMB_ALL   ? ELEM_ALL_RESOLVE
                             : which == COMB_ANY ? ELEM_ANY_REJECT
                                                 : ELEM_SETTLED_RESOLVE;
            Value f1 = val_obj(new_element_function(vm, k1, state, index, called));
            /* o. Perform ? Invoke(nextPromise, "then", « onFulfilled, resultCapability.
             *    [[Reject]] ») — allSettled: « onFulfilled, onRejected »; any:
             *    « resultCapability.[[Resolve]], onRejected ». */
            if (which == COMB_ANY)
                args[1] = f1;
            else
                args[0] = f1;
            if (which == COMB_ALL_SETTLED)
                args[1] = val_obj(
                    new_element_function(vm, ELEM_SETTLED_REJECT, state, index, called));
            gc_root_pop(vm, 1);
            /* n. Set remainingElementsCount.[[Value]] to remainingElementsCount.[[Value]]
             *    + 1. */
            remaining_add(state, 1);
        }
        Value then_result = invoke_then(vm, next_promise, 2, args);
        gc_root_pop(vm, 2);
        if (then_result == VAL_EXCEPTION)
            goto out;
        /* p. Set index to index + 1. */
    }
out:
    gc_root_pop(vm, 3);
    return result;
}

/* Promise.all / allSettled / any / race ( iterable ) (#sec-promise.all ...); magic =
 * Combinator. */
static NATIVE(promise_combinator) {
    Combinator which = (Combinator)ctx->magic;
    Value iterable = ARG(0);
    /* 1. Let C be the this value. (V8 checks for an object first.) */
    if (!val_is_object(this_val))
        return vm_throw_type_error(vm, "%s called on non-object", comb_names[which]);
    Value C = this_val;
    /* 2. Let promiseCapability be ? NewPromiseCapability(C). */
    PromiseCapability cap;
    if (!promise_capability_new(vm, C, TFV_ORIGIN_COMBINATOR, &cap))
        return VAL_EXCEPTION;
    promise_capability_root(vm, &cap);
    IteratorRecord rec = {VAL_UNDEFINED, VAL_UNDEFINED, false};
    gc_root_push(vm, &rec.iterator);
    gc_root_push(vm, &rec.next_method);
    Value result;
    /* 3. Let promiseResolve be Completion(GetPromiseResolve(C)).
     * 4. IfAbruptRejectPromise(promiseResolve, promiseCapability). */
    Value promise_resolve = GetPromiseResolve(vm, C);
    gc_root_push(vm, &promise_resolve);
    if (promise_resolve == VAL_EXCEPTION) {
        result = IfAbruptRejectPromise(vm, &cap);
        goto out;
    }
    /* 5. Let iteratorRecord be Completion(GetIterator(iterable, sync)).
     * 6. IfAbruptRejectPromise(iteratorRecord, promiseCapability). */
    if (!GetIteratorRecord(vm, iterable, &rec)) {
        result = IfAbruptRejectPromise(vm, &cap);
        goto out;
    }
    /* 7. Let result be Completion(PerformPromiseAll(iteratorRecord, C, promiseCapability,
     *    promiseResolve)). */
    result = perform_combinator(vm, which, &rec, C, &cap, promise_resolve);
    /* 8. If result is an abrupt completion, then a. If iteratorRecord.[[Done]] is false,
     *    set result to Completion(IteratorClose(iteratorRecord, result)).
     *    b. IfAbruptRejectPromise(result, promiseCapability). */
    if (result == VAL_EXCEPTION) {
        if (!rec.done)
            IteratorCloseThrow(vm, &rec);
        result = IfAbruptRejectPromise(vm, &cap);
    }
out:
    gc_root_pop(vm, 3);
    promise_capability_unroot(vm);
    /* 9. Return ? result. */
    return result;
}

/* ==== step names ======================================================================== */

const char *bi_promise_step_name(const Obj *fn) {
    if (!fn || fn->kind != OBJ_NATIVE_FUNCTION)
        return NULL;
    NativeFn *f = fn->u.native.fn;
    if (f == finally_then)
        return "thenFinally";
    if (f == finally_catch)
        return "catchFinally";
    if (f == finally_value_thunk)
        return "valueThunk";
    if (f == finally_thrower)
        return "thrower";
    if (f == promise_element_function) {
        static const char *const names[] = {
            "Promise.all Resolve Element", "Promise.allSettled Resolve Element",
            "Promise.allSettled Reject Element", "Promise.any Reject Element"};
        int m = fn->u.native.magic;
        return m >= 0 && m < 4 ? names[m] : NULL;
    }
    return NULL;
}

/* ==== registration ====================================================================== */

static const BuiltinEntry promise_proto_fns[] = {
    BI_METHOD("then", promise_then, 2),
    BI_METHOD("catch", promise_catch, 1),
    BI_METHOD("finally", promise_finally, 1),
    BI_SYM_STRING(ATOM_Symbol_toStringTag, "Promise"),
};

static const BuiltinEntry promise_static_fns[] = {
    BI_METHOD_MAGIC("all", promise_combinator, 1, COMB_ALL),
    BI_METHOD_MAGIC("allSettled", promise_combinator, 1, COMB_ALL_SETTLED),
    BI_METHOD_MAGIC("any", promise_combinator, 1, COMB_ANY),
    BI_METHOD_MAGIC("race", promise_combinator, 1, COMB_RACE),
    BI_METHOD("resolve", promise_resolve_static, 1),
    BI_METHOD("reject", promise_reject_static, 1),
    BI_METHOD("withResolvers", promise_with_resolvers, 0),
    BI_METHOD("try", promise_try, 1),
    BI_SYM_GETTER(ATOM_Symbol_species, promise_species),
};

void bi_promise_init(Vm *vm) {
    Obj *proto = obj_new(vm, realm_intrinsic(vm, INTR_ObjectPrototype));
    gc_root_push_ptr(vm, &proto);
    /* the constructor first, so that "constructor" is proto's first key (as in V8) */
    Obj *ctor = realm_new_ctor(vm, "Promise", promise_construct, 1, proto, INTR_Promise,
                               INTR_PromisePrototype);
    gc_root_push_ptr(vm, &ctor);
    realm_define_entries(vm, proto, promise_proto_fns, ARRAY_LEN(promise_proto_fns));
    realm_define_entries(vm, ctor, promise_static_fns, ARRAY_LEN(promise_static_fns));
    realm_define_global(vm, "Promise", val_obj(ctor));
    gc_root_pop(vm, 2);
}
