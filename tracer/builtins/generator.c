/* builtins/generator.c — %GeneratorFunction.prototype% and %GeneratorPrototype% with
 * next/return/throw (#sec-generator-objects): GeneratorResume and
 * GeneratorResumeAbrupt on top of vm_resume (the activation is data; see frame.h). */
#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/vm.h"

/* next / return / throw: magic is the ResumeMode */
static NATIVE(generator_resume) {
    static const char *const names[] = {"next", "return", "throw"};
    ResumeMode mode = (ResumeMode)ctx->magic;
    if (!val_is_object(this_val) || val_as_obj(this_val)->kind != OBJ_GENERATOR) {
        StrBuf sb;
        strbuf_init(&sb);
        vm_describe_value(vm, this_val, &sb);
        Value r = vm_throw_type_error(vm, "%s method called on incompatible receiver %s",
                                      names[mode == RESUME_NEXT ? 0 : mode == RESUME_RETURN ? 1 : 2],
                                      sb.data);
        strbuf_fini(&sb);
        return r;
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
    return CreateIterResultObject(vm, r, done);
}

static const BuiltinEntry generator_proto_fns[] = {
    BI_METHOD_MAGIC("next", generator_resume, 1, RESUME_NEXT),
    BI_METHOD_MAGIC("return", generator_resume, 1, RESUME_RETURN),
    BI_METHOD_MAGIC("throw", generator_resume, 1, RESUME_THROW),
    BI_SYM_STRING(ATOM_Symbol_toStringTag, "Generator"),
};
static const BuiltinEntry generator_fn_proto_fns[] = {
    BI_SYM_STRING(ATOM_Symbol_toStringTag, "GeneratorFunction"),
};

void bi_generator_init(Vm *vm) {
    Realm *r = vm->realm;
    Obj *gp = obj_new(vm, realm_intrinsic(vm, INTR_IteratorPrototype));
    r->intrinsics[INTR_GeneratorPrototype] = gp;
    realm_define_entries(vm, gp, generator_proto_fns, ARRAY_LEN(generator_proto_fns));
    Obj *gfp = obj_new(vm, realm_intrinsic(vm, INTR_FunctionPrototype));
    r->intrinsics[INTR_GeneratorFunctionPrototype] = gfp;
    realm_define_entries(vm, gfp, generator_fn_proto_fns, ARRAY_LEN(generator_fn_proto_fns));
    if (!obj_define_value(vm, gfp, ATOM_prototype, val_obj(gp), PROP_CONFIGURABLE) ||
        !obj_define_value(vm, gp, ATOM_constructor, val_obj(gfp), PROP_CONFIGURABLE))
        die(EXIT_INTERNAL, "cannot build %%GeneratorPrototype%%");
}
