/* builtins/generator.c — the intrinsics of the suspendable function kinds:
 *  - %GeneratorFunction% and its prototype, %GeneratorPrototype% with next/return/throw
 *    (#sec-generator-objects): GeneratorResume and GeneratorResumeAbrupt on top of
 *    vm_resume (the activation is data; see frame.h);
 *  - %AsyncFunction% and %AsyncFunction.prototype% (#sec-async-function-objects);
 *  - %AsyncGeneratorFunction%, its prototype and %AsyncGeneratorPrototype% with
 *    next/return/throw (#sec-asyncgenerator-prototype) over asyncgen.h;
 *  - %AsyncIteratorPrototype% and %AsyncFromSyncIteratorPrototype%
 *    (#sec-%asyncfromsynciteratorprototype%-object).
 * The three constructors exist for `constructor` links and inspect; calling them (dynamic
 * code) throws, as the Function constructor does. */
#include "tracer/asyncgen.h"
#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/vm.h"

/* ==== generators ========================================================================= */

/* next / return / throw: magic is the ResumeMode */
static NATIVE(generator_resume) {
    static const char *const names[] = {"next", "return", "throw"};
    ResumeMode mode = (ResumeMode)ctx->magic;
    if (!val_is_object(this_val) || val_as_obj(this_val)->kind != OBJ_GENERATOR) {
        char fmt[96];
        snprintf(fmt, sizeof fmt, "Method [Generator].prototype.%s called on incompatible receiver %%s",
                 names[mode == RESUME_NEXT ? 0 : mode == RESUME_RETURN ? 1 : 2]);
        return vm_throw_type_error_describing(vm, fmt, this_val, false);
    }
    Obj *gen = val_as_obj(this_val);
    Activation *act = gen->u.gen.act;
    Value v = ARG(0);
    /* GeneratorValidate (#sec-generatorvalidate) */
    if (act->state == GEN_EXECUTING)
        return vm_throw_type_error(vm, "Generator is already running");
    if (act->state == GEN_SUSPENDED_START && mode != RESUME_NEXT)
        act->state = GEN_COMPLETED;
    if (act->state == GEN_COMPLETED) {
        if (mode == RESUME_THROW)
            return vm_throw(vm, v);
        return CreateIterResultObject(vm, mode == RESUME_RETURN ? v : VAL_UNDEFINED, true);
    }
    bool done;
    Value r = vm_resume(vm, act, mode, v, &done);
    if (r == VAL_EXCEPTION)
        return r;
    if (!done && act->yield_raw)
        return r; /* yield*: GeneratorYield(innerResult) hands the inner result over */
    return CreateIterResultObject(vm, r, done);
}

/* ==== async generators ================================================================== */

/* AsyncGenerator.prototype.next / return / throw (#sec-asyncgenerator-prototype-next,
 * -return, -throw); magic is the ResumeMode. */
static NATIVE(async_generator_method) {
    static const char *const names[] = {"next", "throw", "return"};
    ResumeMode mode = (ResumeMode)ctx->magic;
    Value v = ARG(0);
    /* 1. Let generator be the this value.
     * 2. Let promiseCapability be ! NewPromiseCapability(%Promise%). */
    PromiseCapability cap;
    if (!promise_capability_new(vm, val_obj(realm_intrinsic(vm, INTR_Promise)), TFV_ORIGIN_BUILTIN,
                                &cap))
        return VAL_EXCEPTION;
    promise_capability_root(vm, &cap);
    Value ret = cap.promise;
    /* 3. Let result be Completion(AsyncGeneratorValidate(generator, empty)).
     * 4. IfAbruptRejectPromise(result, promiseCapability). */
    if (!AsyncGeneratorValidate(vm, this_val, names[mode])) {
        if (vm->terminated) {
            ret = VAL_EXCEPTION;
        } else {
            Value e = vm_take_exception(vm);
            gc_root_push(vm, &e);
            if (vm_call(vm, cap.reject, VAL_UNDEFINED, 1, &e) == VAL_EXCEPTION)
                ret = VAL_EXCEPTION;
            gc_root_pop(vm, 1);
        }
        goto out;
    }
    Obj *gen = val_as_obj(this_val);
    /* 5. Let state be generator.[[AsyncGeneratorState]]. */
    AsyncGenState state = (AsyncGenState)gen->u.gen.state;
    if (mode == RESUME_THROW && state == AGEN_SUSPENDED_START) {
        /* throw 6. If state is suspended-start, then
         *   a. Set generator.[[AsyncGeneratorState]] to completed.
         *   b. Set state to completed. */
        gen->u.gen.state = state = AGEN_COMPLETED;
    }
    if (state == AGEN_COMPLETED && mode != RESUME_RETURN) {
        Value r;
        if (mode == RESUME_NEXT) {
            /* next 6. If state is completed, then
             *   a. Let iteratorResult be CreateIteratorResultObject(undefined, true).
             *   b. Perform ! Call(promiseCapability.[[Resolve]], undefined,
             *      « iteratorResult »).
             *   c. Return promiseCapability.[[Promise]]. */
            Value ir = CreateIterResultObject(vm, VAL_UNDEFINED, true);
            gc_root_push(vm, &ir);
            r = vm_call(vm, cap.resolve, VAL_UNDEFINED, 1, &ir);
            gc_root_pop(vm, 1);
        } else {
            /* throw 7. If state is completed, then
             *   a. Perform ! Call(promiseCapability.[[Reject]], undefined, « exception »).
             *   b. Return promiseCapability.[[Promise]]. */
            r = vm_call(vm, cap.reject, VAL_UNDEFINED, 1, &v);
        }
        if (r == VAL_EXCEPTION)
            ret = VAL_EXCEPTION;
        goto out;
    }
    /* next 7 / return 5 / throw 8: Let completion be NormalCompletion(value) /
     *   Completion { [[Type]]: return, [[Value]]: value } / ThrowCompletion(exception).
     * Perform AsyncGeneratorEnqueue(generator, completion, promiseCapability). */
    gc_root_push_ptr(vm, &gen);
    AsyncGeneratorEnqueue(vm, gen, mode, v, &cap);
    bool ok = true;
    if (mode == RESUME_RETURN && (state == AGEN_SUSPENDED_START || state == AGEN_COMPLETED)) {
        /* return 8. If state is either suspended-start or completed, then
         *   a. Set generator.[[AsyncGeneratorState]] to draining-queue.
         *   b. Perform AsyncGeneratorAwaitReturn(generator). */
        gen->u.gen.state = AGEN_DRAINING_QUEUE;
        ok = AsyncGeneratorAwaitReturn(vm, gen);
    } else if (state == AGEN_SUSPENDED_YIELD ||
               (mode == RESUME_NEXT && state == AGEN_SUSPENDED_START)) {
        /* next 9 / return 9 / throw 10: If state is suspended-yield (next: or
         * suspended-start), then Perform AsyncGeneratorResume(generator, completion). */
        ok = AsyncGeneratorResume(vm, gen, mode, v);
    }
    /* Else: Assert: state is either executing or draining-queue. */
    gc_root_pop(vm, 1);
    if (!ok)
        ret = VAL_EXCEPTION;
out:
    promise_capability_unroot(vm);
    /* Return promiseCapability.[[Promise]]. */
    return ret;
}

/* ==== async iterators =================================================================== */

/* %AsyncIteratorPrototype% [ @@asyncIterator ] () (#sec-asynciteratorprototype-asynciterator) */
static NATIVE(async_iterator_self) {
    return this_val;
}

/* %AsyncFromSyncIteratorPrototype%.next / return / throw; magic is the ResumeMode */
static NATIVE(async_from_sync_method) {
    return asyncgen_from_sync_method(vm, this_val, (ResumeMode)ctx->magic, argc > 0, ARG(0));
}

/* ==== constructors ======================================================================= */

static const BuiltinEntry generator_proto_fns[] = {
    BI_METHOD_MAGIC("next", generator_resume, 1, RESUME_NEXT),
    BI_METHOD_MAGIC("return", generator_resume, 1, RESUME_RETURN),
    BI_METHOD_MAGIC("throw", generator_resume, 1, RESUME_THROW),
    BI_SYM_STRING(ATOM_Symbol_toStringTag, "Generator"),
};
static const BuiltinEntry generator_fn_proto_fns[] = {
    BI_SYM_STRING(ATOM_Symbol_toStringTag, "GeneratorFunction"),
};
static const BuiltinEntry async_fn_proto_fns[] = {
    BI_SYM_STRING(ATOM_Symbol_toStringTag, "AsyncFunction"),
};
static const BuiltinEntry async_generator_proto_fns[] = {
    BI_METHOD_MAGIC("next", async_generator_method, 1, RESUME_NEXT),
    BI_METHOD_MAGIC("return", async_generator_method, 1, RESUME_RETURN),
    BI_METHOD_MAGIC("throw", async_generator_method, 1, RESUME_THROW),
    BI_SYM_STRING(ATOM_Symbol_toStringTag, "AsyncGenerator"),
};
static const BuiltinEntry async_generator_fn_proto_fns[] = {
    BI_SYM_STRING(ATOM_Symbol_toStringTag, "AsyncGeneratorFunction"),
};
static const BuiltinEntry async_iterator_proto_fns[] = {
    BI_SYM_METHOD(ATOM_Symbol_asyncIterator, async_iterator_self, 0),
};
static const BuiltinEntry async_from_sync_proto_fns[] = {
    BI_METHOD_MAGIC("next", async_from_sync_method, 1, RESUME_NEXT),
    BI_METHOD_MAGIC("return", async_from_sync_method, 1, RESUME_RETURN),
    BI_METHOD_MAGIC("throw", async_from_sync_method, 1, RESUME_THROW),
};

/* A function kind's constructor (name, [[Prototype]] %Function%) with its prototype
 * object fproto ({ [[Writable]]: false, [[Configurable]]: true } both ways, as
 * #sec-generatorfunction.prototype.constructor says). */
static void define_kind_ctor(Vm *vm, const char *name, Obj *fproto, int ctor_id) {
    gc_root_push_ptr(vm, &fproto);
    Obj *ctor = realm_new_ctor(vm, name, CreateDynamicFunction, 1, fproto, ctor_id, -1);
    ctor->proto = realm_intrinsic(vm, INTR_Function);
    Prop *p = obj_find_own_prop(fproto, ATOM_constructor);
    if (p)
        p->flags = PROP_CONFIGURABLE;
    gc_root_pop(vm, 1);
}

/* fproto.prototype = instproto, instproto.constructor = fproto (both non-writable,
 * configurable). */
static void link_protos(Vm *vm, Obj *fproto, Obj *instproto, const char *what) {
    if (!obj_define_value(vm, fproto, ATOM_prototype, val_obj(instproto), PROP_CONFIGURABLE) ||
        (instproto && !obj_define_value(vm, instproto, ATOM_constructor, val_obj(fproto),
                                        PROP_CONFIGURABLE)))
        die(EXIT_INTERNAL, "cannot build %s", what);
}

void bi_generator_init(Vm *vm) {
    Realm *r = vm->realm;
    Obj *fnproto = realm_intrinsic(vm, INTR_FunctionPrototype);
    /* generators */
    Obj *gp = obj_new(vm, realm_intrinsic(vm, INTR_IteratorPrototype));
    r->intrinsics[INTR_GeneratorPrototype] = gp;
    realm_define_entries(vm, gp, generator_proto_fns, ARRAY_LEN(generator_proto_fns));
    Obj *gfp = obj_new(vm, fnproto);
    r->intrinsics[INTR_GeneratorFunctionPrototype] = gfp;
    realm_define_entries(vm, gfp, generator_fn_proto_fns, ARRAY_LEN(generator_fn_proto_fns));
    link_protos(vm, gfp, gp, "%GeneratorPrototype%");
    define_kind_ctor(vm, "GeneratorFunction", gfp, INTR_GeneratorFunction);
    /* async functions */
    Obj *afp = obj_new(vm, fnproto);
    r->intrinsics[INTR_AsyncFunctionPrototype] = afp;
    realm_define_entries(vm, afp, async_fn_proto_fns, ARRAY_LEN(async_fn_proto_fns));
    define_kind_ctor(vm, "AsyncFunction", afp, INTR_AsyncFunction);
    /* async iterators */
    Obj *aip = obj_new(vm, realm_intrinsic(vm, INTR_ObjectPrototype));
    r->intrinsics[INTR_AsyncIteratorPrototype] = aip;
    realm_define_entries(vm, aip, async_iterator_proto_fns, ARRAY_LEN(async_iterator_proto_fns));
    Obj *afsp = obj_new(vm, aip);
    r->intrinsics[INTR_AsyncFromSyncIteratorPrototype] = afsp;
    realm_define_entries(vm, afsp, async_from_sync_proto_fns, ARRAY_LEN(async_from_sync_proto_fns));
    /* async generators */
    Obj *agp = obj_new(vm, aip);
    r->intrinsics[INTR_AsyncGeneratorPrototype] = agp;
    realm_define_entries(vm, agp, async_generator_proto_fns, ARRAY_LEN(async_generator_proto_fns));
    Obj *agfp = obj_new(vm, fnproto);
    r->intrinsics[INTR_AsyncGeneratorFunctionPrototype] = agfp;
    realm_define_entries(vm, agfp, async_generator_fn_proto_fns,
                         ARRAY_LEN(async_generator_fn_proto_fns));
    link_protos(vm, agfp, agp, "%AsyncGeneratorPrototype%");
    define_kind_ctor(vm, "AsyncGeneratorFunction", agfp, INTR_AsyncGeneratorFunction);
}
