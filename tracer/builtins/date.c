/* builtins/date.c — a minimal, deterministic Date (ECMA-262 #sec-date-objects) on the
 * virtual clock (tracer/host.h): Date.now() is HOST_EPOCH_MS (2024-01-01T00:00:00.000Z)
 * plus the virtual time in whole ms, so a busy-wait on it ends and every run reads the
 * same times. The local time zone is UTC (a fixed, documented choice: local and UTC
 * getters agree, getTimezoneOffset() is 0).
 *
 * Provided: Date() (a string), new Date() / new Date(ms) / new Date(date) /
 * new Date(isoString) / new Date(y, m[, d, h, min, s, ms]); Date.now, Date.UTC,
 * Date.parse (the ISO format of #sec-date-time-string-format only); getTime, valueOf,
 * toISOString, toJSON, toString, toUTCString, toDateString, toTimeString, the get*
 * and getUTC* field getters, getTimezoneOffset, setTime, [Symbol.toPrimitive]. Not yet:
 * the other setters and locale formatting. The time value is slot 0 of an OBJ_DATE. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tracer/host.h"
#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/vm.h"

#define MS_PER_DAY 86400000.0

/* ==== time arithmetic (#sec-time-values-and-time-range) ================================ */

/* TimeClip */
static double time_clip(double t) {
    if (!isfinite(t) || fabs(t) > 8.64e15)
        return NAN;
    return trunc(t) + 0.0;
}

/* days since 1970-01-01 of a proleptic Gregorian civil date (Howard Hinnant) */
static double days_from_civil(double y, double m, double d) {
    y -= m <= 2;
    double era = floor(y / 400);
    double yoe = y - era * 400;
    double mp = fmod(m + 9, 12);
    double doy = floor((153 * mp + 2) / 5) + d - 1;
    double doe = yoe * 365 + floor(yoe / 4) - floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
}

typedef struct {
    int year, month, day, wday, hour, min, sec, ms; /* month 0-11 */
} Fields;

static Fields fields_of(double t) {
    Fields f;
    double days = floor(t / MS_PER_DAY);
    double in_day = t - days * MS_PER_DAY;
    double z = days + 719468;
    double era = floor(z / 146097);
    double doe = z - era * 146097;
    double yoe = floor((doe - floor(doe / 1460) + floor(doe / 36524) - floor(doe / 146096)) / 365);
    double y = yoe + era * 400;
    double doy = doe - (365 * yoe + floor(yoe / 4) - floor(yoe / 100));
    double mp = floor((5 * doy + 2) / 153);
    double d = doy - floor((153 * mp + 2) / 5) + 1;
    double m = mp < 10 ? mp + 3 : mp - 9;
    f.year = (int)(y + (m <= 2));
    f.month = (int)m - 1;
    f.day = (int)d;
    f.wday = (int)fmod(fmod(days + 4, 7) + 7, 7);
    f.hour = (int)(in_day / 3600000);
    f.min = (int)fmod(in_day / 60000, 60);
    f.sec = (int)fmod(in_day / 1000, 60);
    f.ms = (int)fmod(in_day, 1000);
    return f;
}

/* MakeDate(MakeDay(y, m, d), MakeTime(h, min, s, ms)) */
static double make_date(double y, double m, double d, double h, double min, double s, double ms) {
    if (!isfinite(y) || !isfinite(m) || !isfinite(d) || !isfinite(h) || !isfinite(min) ||
        !isfinite(s) || !isfinite(ms))
        return NAN;
    y = trunc(y);
    m = trunc(m);
    double ym = y + floor(m / 12);
    double mn = fmod(fmod(m, 12) + 12, 12);
    double day = days_from_civil(ym, mn + 1, 1) + trunc(d) - 1;
    double time = trunc(h) * 3600000 + trunc(min) * 60000 + trunc(s) * 1000 + trunc(ms);
    return day * MS_PER_DAY + time;
}

/* The date time string format (#sec-date-time-string-format): YYYY[-MM[-DD]] and
 * [THH:mm[:ss[.sss]][Z|±HH:mm]]; local time = UTC here. NaN for anything else. */
static double parse_iso(const char *s) {
    int y = 0, mo = 1, d = 1, h = 0, mi = 0, sec = 0, ms = 0, n = 0;
    int sign = 1;
    const char *p = s;
    if (*p == '+' || *p == '-') {
        sign = *p == '-' ? -1 : 1;
        if (sscanf(p + 1, "%6d%n", &y, &n) != 1 || n != 6)
            return NAN;
        p += 7;
    } else {
        if (sscanf(p, "%4d%n", &y, &n) != 1 || n != 4)
            return NAN;
        p += 4;
    }
    y *= sign;
    if (*p == '-') {
        if (sscanf(p + 1, "%2d%n", &mo, &n) != 1 || n != 2)
            return NAN;
        p += 3;
        if (*p == '-') {
            if (sscanf(p + 1, "%2d%n", &d, &n) != 1 || n != 2)
                return NAN;
            p += 3;
        }
    }
    double offset = 0;
    if (*p == 'T') {
        if (sscanf(p + 1, "%2d:%2d%n", &h, &mi, &n) != 2 || n != 5)
            return NAN;
        p += 6;
        if (*p == ':') {
            if (sscanf(p + 1, "%2d%n", &sec, &n) != 1 || n != 2)
                return NAN;
            p += 3;
            if (*p == '.') {
                int digits = 0;
                p++;
                while (*p >= '0' && *p <= '9') {
                    if (digits < 3)
                        ms = ms * 10 + (*p - '0');
                    digits++;
                    p++;
                }
                if (!digits)
                    return NAN;
                for (; digits < 3; digits++)
                    ms *= 10;
            }
        }
        if (*p == 'Z') {
            p++;
        } else if (*p == '+' || *p == '-') {
            int oh, om;
            int sg = *p == '-' ? -1 : 1;
            if (sscanf(p + 1, "%2d:%2d%n", &oh, &om, &n) != 2 || n != 5)
                return NAN;
            offset = sg * (oh * 3600000.0 + om * 60000.0);
            p += 6;
        }
    }
    if (*p || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || sec > 59)
        return NAN;
    return time_clip(make_date(y, mo - 1, d, h, mi, sec, ms) - offset);
}

/* ==== the object ======================================================================= */

static double now_value(Vm *vm) {
    return HOST_EPOCH_MS + floor(host_now_ms(vm));
}

static bool this_time(Vm *vm, Value this_val, double *t) {
    if (!val_is_object(this_val) || val_as_obj(this_val)->kind != OBJ_DATE) {
        vm_throw_type_error(vm, "this is not a Date object.");
        return false;
    }
    Value v = val_as_obj(this_val)->u.host.slots[0];
    *t = val_is_number(v) ? val_as_number(v) : NAN;
    return true;
}

static const char *const day_names[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
static const char *const month_names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

enum { FMT_STRING, FMT_UTC, FMT_DATE, FMT_TIME };

/* Date.prototype.toString and friends (#sec-date.prototype.tostring), zone UTC. */
static void format_date(double t, int how, char *buf, size_t cap) {
    if (isnan(t)) {
        snprintf(buf, cap, "Invalid Date");
        return;
    }
    Fields f = fields_of(t);
    char year[16];
    if (f.year >= 0)
        snprintf(year, sizeof year, "%04d", f.year);
    else
        snprintf(year, sizeof year, "-%06d", -f.year);
    switch (how) {
    case FMT_UTC:
        snprintf(buf, cap, "%s, %02d %s %s %02d:%02d:%02d GMT", day_names[f.wday], f.day,
                 month_names[f.month], year, f.hour, f.min, f.sec);
        break;
    case FMT_DATE:
        snprintf(buf, cap, "%s %s %02d %s", day_names[f.wday], month_names[f.month], f.day, year);
        break;
    case FMT_TIME:
        snprintf(buf, cap, "%02d:%02d:%02d GMT+0000 (Coordinated Universal Time)", f.hour, f.min,
                 f.sec);
        break;
    default:
        snprintf(buf, cap, "%s %s %02d %s %02d:%02d:%02d GMT+0000 (Coordinated Universal Time)",
                 day_names[f.wday], month_names[f.month], f.day, year, f.hour, f.min, f.sec);
        break;
    }
}

static Value date_string(Vm *vm, double t, int how) {
    char buf[128];
    format_date(t, how, buf, sizeof buf);
    return val_str(str_new_cstr(vm, buf));
}

/* Date ( ...values ) (#sec-date) */
static NATIVE(date_ctor) {
    if (val_is_undefined(ctx->new_target))
        return date_string(vm, now_value(vm), FMT_STRING);
    double tv;
    if (argc == 0) {
        tv = now_value(vm);
    } else if (argc == 1) {
        Value v = argv[0];
        if (val_is_object(v) && val_as_obj(v)->kind == OBJ_DATE) {
            Value s = val_as_obj(v)->u.host.slots[0];
            tv = val_is_number(s) ? val_as_number(s) : NAN;
        } else {
            v = ToPrimitive(vm, v, HINT_DEFAULT);
            if (v == VAL_EXCEPTION)
                return VAL_EXCEPTION;
            if (val_is_string(v)) {
                StrBuf sb;
                strbuf_init(&sb);
                str_to_utf8(val_as_str(v), &sb);
                tv = parse_iso(sb.data);
                strbuf_fini(&sb);
            } else {
                if (!ToNumber(vm, v, &tv))
                    return VAL_EXCEPTION;
                tv = time_clip(tv);
            }
        }
    } else {
        double nums[7] = {0, 0, 1, 0, 0, 0, 0};
        for (int i = 0; i < argc && i < 7; i++)
            if (!ToNumber(vm, argv[i], &nums[i]))
                return VAL_EXCEPTION;
        double y = nums[0];
        if (!isnan(y)) {
            double yi = trunc(y);
            if (yi >= 0 && yi <= 99)
                y = 1900 + yi;
        }
        tv = time_clip(make_date(y, nums[1], nums[2], nums[3], nums[4], nums[5], nums[6]));
    }
    Obj *o = obj_create_from_constructor(vm, ctx->new_target, OBJ_DATE,
                                         realm_intrinsic(vm, INTR_DatePrototype));
    if (!o)
        return VAL_EXCEPTION;
    o->u.host.slots[0] = val_number(tv);
    return val_obj(o);
}

static NATIVE(date_now) {
    return val_number(now_value(vm));
}

static NATIVE(date_parse) {
    ObjString *s = ToString(vm, ARG(0));
    if (!s)
        return VAL_EXCEPTION;
    StrBuf sb;
    strbuf_init(&sb);
    str_to_utf8(s, &sb);
    double t = parse_iso(sb.data);
    strbuf_fini(&sb);
    return val_number(t);
}

static NATIVE(date_utc) {
    double nums[7] = {NAN, 0, 1, 0, 0, 0, 0};
    for (int i = 0; i < argc && i < 7; i++)
        if (!ToNumber(vm, argv[i], &nums[i]))
            return VAL_EXCEPTION;
    double y = nums[0];
    if (!isnan(y)) {
        double yi = trunc(y);
        if (yi >= 0 && yi <= 99)
            y = 1900 + yi;
    }
    return val_number(
        time_clip(make_date(y, nums[1], nums[2], nums[3], nums[4], nums[5], nums[6])));
}

static NATIVE(date_get_time) {
    double t;
    if (!this_time(vm, this_val, &t))
        return VAL_EXCEPTION;
    return val_number(t);
}

static NATIVE(date_set_time) {
    double t;
    if (!this_time(vm, this_val, &t))
        return VAL_EXCEPTION;
    if (!ToNumber(vm, ARG(0), &t))
        return VAL_EXCEPTION;
    t = time_clip(t);
    val_as_obj(this_val)->u.host.slots[0] = val_number(t);
    return val_number(t);
}

static NATIVE(date_to_iso) {
    double t;
    if (!this_time(vm, this_val, &t))
        return VAL_EXCEPTION;
    if (isnan(t))
        return vm_throw_range_error(vm, "Invalid time value");
    Fields f = fields_of(t);
    char buf[64];
    if (f.year >= 0 && f.year <= 9999)
        snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", f.year, f.month + 1, f.day,
                 f.hour, f.min, f.sec, f.ms);
    else
        snprintf(buf, sizeof buf, "%c%06d-%02d-%02dT%02d:%02d:%02d.%03dZ", f.year < 0 ? '-' : '+',
                 f.year < 0 ? -f.year : f.year, f.month + 1, f.day, f.hour, f.min, f.sec, f.ms);
    return val_str(str_new_cstr(vm, buf));
}

/* toJSON (#sec-date.prototype.tojson): null for a non-finite time, else toISOString. */
static NATIVE(date_to_json) {
    double t;
    if (val_is_object(this_val) && val_as_obj(this_val)->kind == OBJ_DATE) {
        if (!this_time(vm, this_val, &t))
            return VAL_EXCEPTION;
        if (!isfinite(t))
            return VAL_NULL;
        return date_to_iso(vm, this_val, argc, argv, ctx);
    }
    return vm_invoke(vm, this_val, atom_intern(vm, "toISOString"), 0, NULL);
}

static NATIVE(date_to_string) {
    double t;
    if (!this_time(vm, this_val, &t))
        return VAL_EXCEPTION;
    return date_string(vm, t, ctx->magic);
}

enum { F_YEAR, F_MONTH, F_DATE, F_DAY, F_HOURS, F_MINUTES, F_SECONDS, F_MS };

static NATIVE(date_get_field) {
    double t;
    if (!this_time(vm, this_val, &t))
        return VAL_EXCEPTION;
    if (isnan(t))
        return val_number(NAN);
    Fields f = fields_of(t);
    int v = 0;
    switch (ctx->magic) {
    case F_YEAR:
        v = f.year;
        break;
    case F_MONTH:
        v = f.month;
        break;
    case F_DATE:
        v = f.day;
        break;
    case F_DAY:
        v = f.wday;
        break;
    case F_HOURS:
        v = f.hour;
        break;
    case F_MINUTES:
        v = f.min;
        break;
    case F_SECONDS:
        v = f.sec;
        break;
    default:
        v = f.ms;
        break;
    }
    return val_number(v);
}

static NATIVE(date_tz_offset) {
    double t;
    if (!this_time(vm, this_val, &t))
        return VAL_EXCEPTION;
    return val_number(isnan(t) ? NAN : 0);
}

/* Date.prototype [ @@toPrimitive ] ( hint ) (#sec-date.prototype-@@toprimitive) */
static NATIVE(date_to_primitive) {
    if (!val_is_object(this_val))
        return vm_throw_type_error(vm, "Date.prototype [ @@toPrimitive ] called on non-object");
    Value h = ARG(0);
    bool string_first;
    if (val_is_string(h) &&
        (str_equal_cstr(val_as_str(h), "string") || str_equal_cstr(val_as_str(h), "default")))
        string_first = true;
    else if (val_is_string(h) && str_equal_cstr(val_as_str(h), "number"))
        string_first = false;
    else
        return vm_throw_type_error(vm, "Invalid hint: %s",
                                   val_is_string(h) ? "(string)" : "(not a string)");
    /* OrdinaryToPrimitive */
    const char *order[2] = {"toString", "valueOf"};
    if (!string_first) {
        order[0] = "valueOf";
        order[1] = "toString";
    }
    for (int i = 0; i < 2; i++) {
        Value m = val_get(vm, this_val, atom_intern(vm, order[i]));
        if (m == VAL_EXCEPTION)
            return VAL_EXCEPTION;
        if (IsCallable(m)) {
            Value r = vm_call(vm, m, this_val, 0, NULL);
            if (r == VAL_EXCEPTION || !val_is_object(r))
                return r;
        }
    }
    return vm_throw_type_error(vm, "Cannot convert object to primitive value");
}

static const BuiltinEntry date_statics[] = {
    BI_METHOD("now", date_now, 0),
    BI_METHOD("parse", date_parse, 1),
    BI_METHOD("UTC", date_utc, 7),
};

static const BuiltinEntry date_proto[] = {
    BI_METHOD("getTime", date_get_time, 0),
    BI_METHOD("valueOf", date_get_time, 0),
    BI_METHOD("setTime", date_set_time, 1),
    BI_METHOD("toISOString", date_to_iso, 0),
    BI_METHOD("toJSON", date_to_json, 1),
    BI_METHOD_MAGIC("toString", date_to_string, 0, FMT_STRING),
    BI_METHOD_MAGIC("toUTCString", date_to_string, 0, FMT_UTC),
    BI_METHOD_MAGIC("toGMTString", date_to_string, 0, FMT_UTC),
    BI_METHOD_MAGIC("toDateString", date_to_string, 0, FMT_DATE),
    BI_METHOD_MAGIC("toTimeString", date_to_string, 0, FMT_TIME),
    BI_METHOD_MAGIC("getFullYear", date_get_field, 0, F_YEAR),
    BI_METHOD_MAGIC("getMonth", date_get_field, 0, F_MONTH),
    BI_METHOD_MAGIC("getDate", date_get_field, 0, F_DATE),
    BI_METHOD_MAGIC("getDay", date_get_field, 0, F_DAY),
    BI_METHOD_MAGIC("getHours", date_get_field, 0, F_HOURS),
    BI_METHOD_MAGIC("getMinutes", date_get_field, 0, F_MINUTES),
    BI_METHOD_MAGIC("getSeconds", date_get_field, 0, F_SECONDS),
    BI_METHOD_MAGIC("getMilliseconds", date_get_field, 0, F_MS),
    BI_METHOD_MAGIC("getUTCFullYear", date_get_field, 0, F_YEAR),
    BI_METHOD_MAGIC("getUTCMonth", date_get_field, 0, F_MONTH),
    BI_METHOD_MAGIC("getUTCDate", date_get_field, 0, F_DATE),
    BI_METHOD_MAGIC("getUTCDay", date_get_field, 0, F_DAY),
    BI_METHOD_MAGIC("getUTCHours", date_get_field, 0, F_HOURS),
    BI_METHOD_MAGIC("getUTCMinutes", date_get_field, 0, F_MINUTES),
    BI_METHOD_MAGIC("getUTCSeconds", date_get_field, 0, F_SECONDS),
    BI_METHOD_MAGIC("getUTCMilliseconds", date_get_field, 0, F_MS),
    BI_METHOD("getTimezoneOffset", date_tz_offset, 0),
};

void bi_date_init(Vm *vm) {
    Obj *proto = obj_new(vm, realm_intrinsic(vm, INTR_ObjectPrototype));
    gc_root_push_ptr(vm, &proto);
    realm_define_entries(vm, proto, date_proto, ARRAY_LEN(date_proto));
    Obj *tp = fn_new_native_atom(vm, date_to_primitive, ATOM_Symbol_toPrimitive, 1, 0);
    if (!obj_define_value(vm, proto, ATOM_Symbol_toPrimitive, val_obj(tp), PROP_CONFIGURABLE))
        vm_take_exception(vm);
    Obj *ctor = realm_new_ctor(vm, "Date", date_ctor, 7, proto, INTR_Date, INTR_DatePrototype);
    gc_root_push_ptr(vm, &ctor);
    realm_define_entries(vm, ctor, date_statics, ARRAY_LEN(date_statics));
    realm_define_global(vm, "Date", val_obj(ctor));
    gc_root_pop(vm, 2);
}
