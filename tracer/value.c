/* value.c — ECMA-262 type conversions and comparisons (see value.h). */
#include "tracer/value.h"

#include <math.h>
#include <string.h>

#include "tracer/atom.h"
#include "tracer/function.h"
#include "tracer/numconv.h"
#include "tracer/object.h"
#include "tracer/realm.h"
#include "tracer/str.h"
#include "tracer/vm.h"

bool ToBoolean(Value v) {
    if (val_is_number(v)) {
        double d = val_as_number(v);
        return d == d && d != 0;
    }
    if (v == VAL_TRUE)
        return true;
    if (v == VAL_FALSE || val_is_nullish(v))
        return false;
    if (val_is_string(v))
        return val_as_str(v)->len > 0;
    return true; /* objects, symbols */
}

/* OrdinaryToPrimitive (#sec-ordinarytoprimitive) */
static Value ordinary_to_primitive(Vm *vm, Value o, PreferredType hint) {
    Atom order[2] = {ATOM_valueOf, ATOM_toString};
    if (hint == HINT_STRING) {
        order[0] = ATOM_toString;
        order[1] = ATOM_valueOf;
    }
    gc_root_push(vm, &o);
    for (int i = 0; i < 2; i++) {
        Value m = obj_get(vm, val_as_obj(o), order[i]);
        if (m == VAL_EXCEPTION) {
            gc_root_pop(vm, 1);
            return VAL_EXCEPTION;
        }
        if (IsCallable(m)) {
            Value r = vm_call(vm, m, o, 0, NULL);
            if (r == VAL_EXCEPTION || !val_is_object(r)) {
                gc_root_pop(vm, 1);
                return r;
            }
        }
    }
    gc_root_pop(vm, 1);
    return vm_throw_type_error(vm, "Cannot convert object to primitive value");
}

Value ToPrimitive(Vm *vm, Value v, PreferredType hint) {
    if (!val_is_object(v))
        return v;
    gc_root_push(vm, &v);
    Value ex = obj_get(vm, val_as_obj(v), ATOM_Symbol_toPrimitive);
    gc_root_pop(vm, 1);
    if (ex == VAL_EXCEPTION)
        return ex;
    if (!val_is_nullish(ex)) {
        if (!IsCallable(ex))
            return vm_throw_type_error(vm, "Symbol.toPrimitive is not a function");
        gc_root_push(vm, &v);
        ObjString *h = str_new_cstr(vm, hint == HINT_STRING   ? "string"
                                        : hint == HINT_NUMBER ? "number"
                                                              : "default");
        Value hv = val_str(h);
        Value r = vm_call(vm, ex, v, 1, &hv);
        gc_root_pop(vm, 1);
        if (r == VAL_EXCEPTION)
            return r;
        if (val_is_object(r))
            return vm_throw_type_error(vm, "Cannot convert object to primitive value");
        return r;
    }
    return ordinary_to_primitive(vm, v, hint == HINT_DEFAULT ? HINT_NUMBER : hint);
}

static double string_to_number(const ObjString *s) {
    NumconvText t = s->wide ? numconv_text_utf16(str_u16(s), s->len)
                            : numconv_text_utf8((const char *)s->data, s->len);
    if (!s->wide) {
        /* Latin-1 bytes are not UTF-8: only ASCII matters for numbers; map others out */
        for (uint32_t i = 0; i < s->len; i++)
            if (s->data[i] >= 0x80) {
                uint16_t tmp[64];
                if (s->len > 64)
                    return NAN;
                for (uint32_t k = 0; k < s->len; k++)
                    tmp[k] = s->data[k];
                return StringToNumber(numconv_text_utf16(tmp, s->len));
            }
    }
    return StringToNumber(t);
}

bool ToNumber(Vm *vm, Value v, double *out) {
    for (;;) {
        if (val_is_number(v)) {
            *out = val_as_number(v);
            return true;
        }
        if (val_is_undefined(v)) {
            *out = NAN;
            return true;
        }
        if (val_is_null(v) || v == VAL_FALSE) {
            *out = 0;
            return true;
        }
        if (v == VAL_TRUE) {
            *out = 1;
            return true;
        }
        if (val_is_string(v)) {
            *out = string_to_number(val_as_str(v));
            return true;
        }
        if (val_is_symbol(v)) {
            vm_throw_type_error(vm, "Cannot convert a Symbol value to a number");
            return false;
        }
        v = ToPrimitive(vm, v, HINT_NUMBER);
        if (v == VAL_EXCEPTION)
            return false;
    }
}

bool ToIntegerOrInfinity(Vm *vm, Value v, double *out) {
    double d;
    if (!ToNumber(vm, v, &d))
        return false;
    *out = numconv_to_integer_or_infinity(d);
    return true;
}

bool ToInt32(Vm *vm, Value v, int32_t *out) {
    double d;
    if (!ToNumber(vm, v, &d))
        return false;
    *out = numconv_to_int32(d);
    return true;
}

bool ToUint32(Vm *vm, Value v, uint32_t *out) {
    double d;
    if (!ToNumber(vm, v, &d))
        return false;
    *out = numconv_to_uint32(d);
    return true;
}

bool ToLength(Vm *vm, Value v, double *out) {
    double d;
    if (!ToIntegerOrInfinity(vm, v, &d))
        return false;
    if (d <= 0)
        d = 0;
    if (d > 9007199254740991.0)
        d = 9007199254740991.0;
    *out = d;
    return true;
}

ObjString *val_number_to_string(Vm *vm, double d) {
    char buf[NUMCONV_DTOA_SIZE];
    size_t n = NumberToString(d, buf);
    if (n == 1)
        return str_from_unit(vm, (uint8_t)buf[0]);
    return str_new_latin1(vm, (const uint8_t *)buf, n);
}

ObjString *ToString(Vm *vm, Value v) {
    for (;;) {
        if (val_is_string(v))
            return val_as_str(v);
        if (val_is_number(v))
            return val_number_to_string(vm, val_as_number(v));
        if (val_is_undefined(v))
            return atom_to_str(vm, ATOM_undefined);
        if (val_is_null(v))
            return atom_to_str(vm, ATOM_null);
        if (v == VAL_TRUE)
            return atom_to_str(vm, ATOM_true);
        if (v == VAL_FALSE)
            return atom_to_str(vm, ATOM_false);
        if (val_is_symbol(v)) {
            vm_throw_type_error(vm, "Cannot convert a Symbol value to a string");
            return NULL;
        }
        v = ToPrimitive(vm, v, HINT_STRING);
        if (v == VAL_EXCEPTION)
            return NULL;
    }
}

Obj *ToObject(Vm *vm, Value v) {
    if (val_is_object(v))
        return val_as_obj(v);
    ObjKind kind;
    IntrinsicId proto;
    if (val_is_string(v)) {
        kind = OBJ_STRING;
        proto = INTR_StringPrototype;
    } else if (val_is_number(v)) {
        kind = OBJ_NUMBER;
        proto = INTR_NumberPrototype;
    } else if (val_is_bool(v)) {
        kind = OBJ_BOOLEAN;
        proto = INTR_BooleanPrototype;
    } else if (val_is_symbol(v)) {
        kind = OBJ_SYMBOL;
        proto = INTR_SymbolPrototype;
    } else {
        vm_throw_type_error(vm, "Cannot convert undefined or null to object");
        return NULL;
    }
    gc_root_push(vm, &v);
    Obj *o = obj_new_kind(vm, kind, realm_intrinsic(vm, proto));
    gc_root_pop(vm, 1);
    o->u.prim = v;
    return o;
}

bool ToPropertyKey(Vm *vm, Value v, Atom *out) {
    if (val_is_number(v)) {
        uint32_t idx;
        if (numconv_is_array_index(val_as_number(v), &idx)) {
            *out = atom_from_uint32(vm, idx);
            return true;
        }
    } else if (val_is_string(v)) {
        *out = atom_from_str(vm, val_as_str(v));
        return true;
    } else if (val_is_symbol(v)) {
        *out = val_as_sym(v)->atom;
        return true;
    }
    Value p = ToPrimitive(vm, v, HINT_STRING);
    if (p == VAL_EXCEPTION)
        return false;
    if (val_is_symbol(p)) {
        *out = val_as_sym(p)->atom;
        return true;
    }
    ObjString *s = ToString(vm, p);
    if (!s)
        return false;
    *out = atom_from_str(vm, s);
    return true;
}

bool SameValue(Value a, Value b) {
    if (val_is_number(a) && val_is_number(b)) {
        double x = val_as_number(a), y = val_as_number(b);
        if (x != x)
            return y != y;
        if (x == 0 && y == 0)
            return signbit(x) == signbit(y);
        return x == y;
    }
    return IsStrictlyEqual(a, b);
}

bool SameValueZero(Value a, Value b) {
    if (val_is_number(a) && val_is_number(b)) {
        double x = val_as_number(a), y = val_as_number(b);
        if (x != x)
            return y != y;
        return x == y;
    }
    return IsStrictlyEqual(a, b);
}

bool IsStrictlyEqual(Value a, Value b) {
    if (val_is_number(a))
        return val_is_number(b) && val_as_number(a) == val_as_number(b);
    if (val_is_string(a) && val_is_string(b))
        return str_equal(val_as_str(a), val_as_str(b));
    return a == b;
}

bool IsLooselyEqual(Vm *vm, Value a, Value b, bool *out) {
    for (;;) {
        if ((val_is_number(a) && val_is_number(b)) || (val_is_string(a) && val_is_string(b)) ||
            (val_is_object(a) && val_is_object(b)) || (val_is_bool(a) && val_is_bool(b)) ||
            (val_is_symbol(a) && val_is_symbol(b))) {
            *out = IsStrictlyEqual(a, b);
            return true;
        }
        if (val_is_nullish(a) && val_is_nullish(b)) {
            *out = true;
            return true;
        }
        if (val_is_nullish(a) || val_is_nullish(b)) {
            *out = false;
            return true;
        }
        if (val_is_number(a) && val_is_string(b)) {
            *out = val_as_number(a) == string_to_number(val_as_str(b));
            return true;
        }
        if (val_is_string(a) && val_is_number(b)) {
            *out = string_to_number(val_as_str(a)) == val_as_number(b);
            return true;
        }
        if (val_is_bool(a)) {
            a = val_number(a == VAL_TRUE ? 1 : 0);
            continue;
        }
        if (val_is_bool(b)) {
            b = val_number(b == VAL_TRUE ? 1 : 0);
            continue;
        }
        if (val_is_object(a) && !val_is_object(b)) {
            gc_root_push(vm, &b);
            a = ToPrimitive(vm, a, HINT_DEFAULT);
            gc_root_pop(vm, 1);
            if (a == VAL_EXCEPTION)
                return false;
            continue;
        }
        if (val_is_object(b) && !val_is_object(a)) {
            gc_root_push(vm, &a);
            b = ToPrimitive(vm, b, HINT_DEFAULT);
            gc_root_pop(vm, 1);
            if (b == VAL_EXCEPTION)
                return false;
            continue;
        }
        *out = false;
        return true;
    }
}

bool IsCallable(Value v) {
    if (!val_is_object(v))
        return false;
    uint8_t k = val_as_obj(v)->kind;
    return k == OBJ_FUNCTION || k == OBJ_NATIVE_FUNCTION || k == OBJ_BOUND_FUNCTION;
}

bool IsConstructor(Value v) {
    return IsCallable(v) && (val_as_obj(v)->flags & OBJF_CONSTRUCTOR);
}

Atom val_typeof(Value v) {
    if (val_is_number(v))
        return ATOM_number;
    if (val_is_string(v))
        return ATOM_string;
    if (val_is_undefined(v))
        return ATOM_undefined;
    if (val_is_null(v))
        return ATOM_object;
    if (val_is_bool(v))
        return ATOM_boolean;
    if (val_is_symbol(v))
        return ATOM_symbol;
    return IsCallable(v) ? ATOM_function : ATOM_object;
}
