/* builtins/raf.c — requestAnimationFrame / cancelAnimationFrame (HTML
 * #animation-frames), browser host only: the callback runs in the next rendering step
 * (every HOST_FRAME_US of virtual time, host_browser.c) with the frame's timestamp in
 * ms, and a microtask checkpoint after it. Handles count from 1. */
#include "tracer/host.h"
#include "tracer/realm.h"
#include "tracer/vm.h"

static NATIVE(request_animation_frame) {
    if (!IsCallable(ARG(0)))
        return vm_throw_type_error(vm, "Failed to execute 'requestAnimationFrame' on 'Window': "
                                       "The callback provided as parameter 1 is not a "
                                       "function.");
    return val_number(browser_request_frame(host_state(vm), ARG(0)));
}

static NATIVE(cancel_animation_frame) {
    int32_t h;
    if (!ToInt32(vm, ARG(0), &h))
        return VAL_EXCEPTION;
    if (h > 0)
        browser_cancel_frame(host_state(vm), (uint32_t)h);
    return VAL_UNDEFINED;
}

static const BuiltinEntry raf_globals[] = {
    BI_METHOD("requestAnimationFrame", request_animation_frame, 1),
    BI_METHOD("cancelAnimationFrame", cancel_animation_frame, 1),
};

void bi_raf_host_init(Vm *vm, HostState *hs) {
    (void)hs;
    realm_define_entries(vm, vm->realm->global, raf_globals, ARRAY_LEN(raf_globals));
}
