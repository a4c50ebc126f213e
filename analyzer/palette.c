/* palette.c — see palette.h. */
#include "analyzer/palette.h"

#include <string.h>

#include "common/util.h"

static const struct {
    const char *fill, *border;
} queue_colors[QUEUE__COUNT] = {
    [QUEUE_SCRIPT] = {"#e8eefc", "#4c6ef5"},    [QUEUE_NEXTTICK] = {"#fce8f3", "#d6336c"},
    [QUEUE_MICROTASK] = {"#e6f4ea", "#2f9e44"}, [QUEUE_TASK] = {"#e0f4f7", "#1098ad"},
    [QUEUE_TIMER] = {"#fdf0e0", "#e8590c"},     [QUEUE_IMMEDIATE] = {"#f1e8fd", "#7048e8"},
    [QUEUE_CLOSE] = {"#f8f0fc", "#ae3ec9"},     [QUEUE_RENDER] = {"#fff9db", "#f08c00"},
    [QUEUE_OTHER] = {"#f2f2f2", "#868e96"},
};

static const struct {
    const char *reason, *color, *style;
} reasons[] = {
    {"script", "#495057", "solid"},    {"reaction", "#1c7ed6", "solid"},
    {"await", "#7048e8", "dashed"},    {"thenable", "#f59f00", "dashed"},
    {"timer", "#e8590c", "solid"},     {"immediate", "#7048e8", "solid"},
    {"nextTick", "#d6336c", "solid"},  {"microtask", "#2f9e44", "solid"},
    {"message", "#1098ad", "solid"},   {"mutation", "#0ca678", "solid"},
    {"animation", "#f08c00", "solid"}, {"host", "#868e96", "solid"},
};

const char *palette_queue_fill(QueueKind q) {
    return queue_colors[q < QUEUE__COUNT ? q : QUEUE_OTHER].fill;
}

const char *palette_queue_border(QueueKind q) {
    return queue_colors[q < QUEUE__COUNT ? q : QUEUE_OTHER].border;
}

static int find_reason(const char *reason) {
    if (!reason)
        return -1;
    for (size_t i = 0; i < ARRAY_LEN(reasons); i++)
        if (strcmp(reasons[i].reason, reason) == 0)
            return (int)i;
    return -1;
}

const char *palette_reason_color(const char *reason) {
    int i = find_reason(reason);
    return i < 0 ? "#868e96" : reasons[i].color;
}

const char *palette_reason_style(const char *reason) {
    int i = find_reason(reason);
    return i < 0 ? "solid" : reasons[i].style;
}
