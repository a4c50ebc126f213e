/* builtins/performance.c — `performance` in both hosts: performance.now() is the virtual
 * clock in ms with µs precision (tracer/host.h; 0 when the Script job starts, where node
 * and browsers start at the process's or page's time origin), performance.timeOrigin is
 * HOST_EPOCH_MS, so that timeOrigin + now() agrees with Date.now(). */
#include "tracer/host.h"
#include "tracer/realm.h"
#include "tracer/vm.h"

static NATIVE(performance_now) {
    return val_number(host_now_ms(vm));
}

static const BuiltinEntry performance_fns[] = {
    BI_METHOD("now", performance_now, 0),
    BI_NUMBER("timeOrigin", HOST_EPOCH_MS),
};

void bi_performance_host_init(Vm *vm, HostState *hs) {
    (void)hs;
    Obj *p = obj_new_plain(vm);
    gc_root_push_ptr(vm, &p);
    realm_define_entries(vm, p, performance_fns, ARRAY_LEN(performance_fns));
    realm_define_global(vm, "performance", val_obj(p));
    gc_root_pop(vm, 1);
}
