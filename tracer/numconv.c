/* numconv.c — number <-> text conversions (see numconv.h).
 *
 * Sections: a fixed-size bignum; shortest digits (Steele & White / Burger & Dybvig
 * free-format, exact); exact decimal expansion for toFixed/toExponential/toPrecision;
 * Number::toString and the radix conversion; the parsers; integers and keys. */
#include "tracer/numconv.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* {==================================================================================
 * A small unsigned bignum, little-endian 32-bit limbs, on the stack. The largest value
 * any caller builds is M * 5^1074 (53 + 2494 bits, the exact expansion of the smallest
 * subnormal), so 90 limbs (2880 bits) is plenty; overflow is an internal error.
 * ================================================================================== */

#define BIG_LIMBS 90

typedef struct {
    uint32_t d[BIG_LIMBS];
    int n; /* limbs in use; d[n-1] != 0 unless n == 0 */
} Big;

static void big_trim(Big *b)
{
    while (b->n > 0 && b->d[b->n - 1] == 0)
        b->n--;
}

static void big_set_u64(Big *b, uint64_t v)
{
    b->n = 0;
    while (v) {
        b->d[b->n++] = (uint32_t)v;
        v >>= 32;
    }
}

static void big_copy(Big *dst, const Big *src)
{
    dst->n = src->n;
    memcpy(dst->d, src->d, (size_t)src->n * sizeof src->d[0]);
}

static void big_grow_check(int n)
{
    if (NEVER(n > BIG_LIMBS))
        die(EXIT_INTERNAL, "numconv: bignum overflow (%d limbs)", n);
}

static void big_mul_small(Big *b, uint32_t m)
{
    uint64_t carry = 0;
    for (int i = 0; i < b->n; i++) {
        uint64_t t = (uint64_t)b->d[i] * m + carry;
        b->d[i] = (uint32_t)t;
        carry = t >> 32;
    }
    if (carry) {
        big_grow_check(b->n + 1);
        b->d[b->n++] = (uint32_t)carry;
    }
}

static void big_shl(Big *b, int bits)
{
    if (b->n == 0 || bits == 0)
        return;
    int limbs = bits / 32, sh = bits % 32;
    big_grow_check(b->n + limbs + 1);
    b->d[b->n + limbs] = 0;
    if (sh == 0) {
        for (int i = b->n - 1; i >= 0; i--)
            b->d[i + limbs] = b->d[i];
    } else {
        for (int i = b->n - 1; i >= 0; i--) {
            b->d[i + limbs + 1] |= b->d[i] >> (32 - sh);
            b->d[i + limbs] = b->d[i] << sh;
        }
    }
    for (int i = 0; i < limbs; i++)
        b->d[i] = 0;
    b->n += limbs + 1;
    big_trim(b);
}

static void big_mul_pow5(Big *b, int k)
{
    static const uint32_t pow5[14] = {1, 5, 25, 125, 625, 3125, 15625, 78125, 390625,
                                      1953125, 9765625, 48828125, 244140625, 1220703125};
    while (k >= 13) {
        big_mul_small(b, pow5[13]);
        k -= 13;
    }
    if (k > 0)
        big_mul_small(b, pow5[k]);
}

static void big_mul_pow10(Big *b, int k)
{
    big_mul_pow5(b, k);
    big_shl(b, k);
}

static int big_cmp(const Big *a, const Big *b)
{
    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    for (int i = a->n - 1; i >= 0; i--)
        if (a->d[i] != b->d[i])
            return a->d[i] < b->d[i] ? -1 : 1;
    return 0;
}

/* a += b */
static void big_add(Big *a, const Big *b)
{
    int n = a->n > b->n ? a->n : b->n;
    big_grow_check(n + 1);
    uint64_t carry = 0;
    for (int i = 0; i < n; i++) {
        uint64_t t = carry + (i < a->n ? a->d[i] : 0) + (i < b->n ? b->d[i] : 0);
        a->d[i] = (uint32_t)t;
        carry = t >> 32;
    }
    a->n = n;
    if (carry)
        a->d[a->n++] = (uint32_t)carry;
}

/* a -= b, requires a >= b */
static void big_sub(Big *a, const Big *b)
{
    int64_t borrow = 0;
    for (int i = 0; i < a->n; i++) {
        int64_t t = (int64_t)a->d[i] - (i < b->n ? b->d[i] : 0) - borrow;
        borrow = t < 0;
        a->d[i] = (uint32_t)(t + (borrow ? ((int64_t)1 << 32) : 0));
    }
    big_trim(a);
}

/* Compare a + b with c. */
static int big_add_cmp(const Big *a, const Big *b, const Big *c)
{
    Big t;
    big_copy(&t, a);
    big_add(&t, b);
    return big_cmp(&t, c);
}

/* a -= q * b, requires a >= q * b */
static void big_sub_mul(Big *a, const Big *b, uint32_t q)
{
    uint64_t carry = 0;
    int64_t borrow = 0;
    for (int i = 0; i < a->n; i++) {
        uint64_t p = (i < b->n ? (uint64_t)b->d[i] * q : 0) + carry;
        carry = p >> 32;
        int64_t t = (int64_t)a->d[i] - (int64_t)(uint32_t)p - borrow;
        borrow = t < 0;
        a->d[i] = (uint32_t)(t + (borrow ? ((int64_t)1 << 32) : 0));
    }
    big_trim(a);
}

/* The top of b as a double scaled by 2^(-32 * (at - 1)), reading limbs at-1, at-2, at-3. */
static double big_top(const Big *b, int at)
{
    double v = 0;
    for (int i = at; i >= at - 2; i--)
        v = v * 4294967296.0 + (i >= 0 && i < b->n ? b->d[i] : 0);
    return v;
}

/* r = r mod s, returning floor(r / s), which the caller guarantees is below 2^31. */
static uint32_t big_divmod(Big *r, const Big *s)
{
    if (big_cmp(r, s) < 0)
        return 0;
    int at = s->n; /* r has at most s->n + 1 limbs here */
    double est = big_top(r, at) / (big_top(s, at) + 1.0);
    uint32_t q = est >= 1.0 ? (uint32_t)est - 1 : 0;
    if (q)
        big_sub_mul(r, s, q);
    while (big_cmp(r, s) >= 0) {
        big_sub(r, s);
        q++;
    }
    return q;
}

/* b = b / m, returning the remainder. */
static uint32_t big_div_small(Big *b, uint32_t m)
{
    uint64_t rem = 0;
    for (int i = b->n - 1; i >= 0; i--) {
        uint64_t cur = (rem << 32) | b->d[i];
        b->d[i] = (uint32_t)(cur / m);
        rem = cur % m;
    }
    big_trim(b);
    return (uint32_t)rem;
}

/* }================================================================================== */

/* {==================================================================================
 * Decomposing a double: v = f * 2^e with f an integer of at most 53 bits.
 * ================================================================================== */

typedef struct {
    uint64_t f;
    int e;
    bool lower_closer; /* the gap below v is half the gap above (f = 2^52, not the least normal exponent) */
} Decomposed;

static Decomposed decompose(double v)
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    uint64_t frac = bits & ((UINT64_C(1) << 52) - 1);
    int biased = (int)((bits >> 52) & 0x7ff);
    Decomposed d;
    if (biased == 0) {
        d.f = frac;
        d.e = -1074;
        d.lower_closer = false;
    } else {
        d.f = frac | (UINT64_C(1) << 52);
        d.e = biased - 1075;
        d.lower_closer = frac == 0 && biased > 1;
    }
    return d;
}

static int bit_length(uint64_t v)
{
    int n = 0;
    while (v) {
        n++;
        v >>= 1;
    }
    return n;
}

/* }================================================================================== */

/* {==================================================================================
 * Shortest digits. Steele & White's free-format algorithm as Burger & Dybvig state it,
 * with exact bignums: v = r/s * 10^k, the round-trip interval is (v - m-, v + m+),
 * closed when f is even (round-half-even reading back). Among the shortest digit
 * strings it picks the closest to v, and the even one on a tie (the spec's Note 2 to
 * Number::toString, which V8 follows).
 * ================================================================================== */

#ifdef __SIZEOF_INT128__
__extension__ typedef unsigned __int128 U128;

/* The same algorithm in 128-bit integers, for binary exponents -117 <= e <= 60 (about
 * 2.7e-20 <= v < 1e34, every "ordinary" number), where r, s, m+ and m- times 10 all stay
 * below 2^127 (s < 2^123 after scaling, and r, m+, m- < 10 s). Five to ten times faster
 * than the bignums. Returns -1 when e is out of that range. */
static int shortest_digits_u128(Decomposed dc, char *digits, int *point)
{
    if (dc.e < -117 || dc.e > 60)
        return -1;
    bool even = (dc.f & 1) == 0;
    int shift = dc.lower_closer ? 1 : 0;
    U128 r, s, mplus, mminus;
    if (dc.e >= 0) {
        r = (U128)dc.f << (dc.e + 1 + shift);
        s = (U128)2 << shift;
        mminus = (U128)1 << dc.e;
        mplus = mminus << shift;
    } else {
        r = (U128)dc.f << (1 + shift);
        s = (U128)1 << (-dc.e + 1 + shift);
        mminus = 1;
        mplus = (U128)1 << shift;
    }
    int k = (int)ceil((dc.e + bit_length(dc.f) - 1) * 0.30102999566398114 - 1e-10);
    if (k >= 0) {
        for (int i = 0; i < k; i++)
            s *= 10;
    } else {
        for (int i = 0; i < -k; i++) {
            r *= 10;
            mplus *= 10;
            mminus *= 10;
        }
    }
    if (even ? r + mplus >= s : r + mplus > s) {
        k++;
        s *= 10;
    }
    *point = k;
    int n = 0;
    for (;;) {
        r *= 10;
        mplus *= 10;
        mminus *= 10;
        unsigned digit = 0;
        while (r >= s) {
            r -= s;
            digit++;
        }
        bool low = even ? r <= mminus : r < mminus;
        bool high = even ? r + mplus >= s : r + mplus > s;
        if (!low && !high) {
            digits[n++] = (char)('0' + digit);
            continue;
        }
        if (low && high) {
            U128 twice = r * 2;
            if (twice > s || (twice == s && (digit & 1)))
                digit++;
        } else if (high) {
            digit++;
        }
        digits[n++] = (char)('0' + digit);
        return n;
    }
}
#endif

/* Writes the digits of v > 0 (finite) into digits (at most 17, no NUL) and the decimal
 * point position into *point: v ~= 0.d1d2... * 10^point. Returns the digit count. */
static int shortest_digits(double v, char *digits, int *point)
{
    Decomposed dc = decompose(v);
#ifdef __SIZEOF_INT128__
    int fast = shortest_digits_u128(dc, digits, point);
    if (fast > 0)
        return fast;
#endif
    bool even = (dc.f & 1) == 0;
    Big r, s, mplus, mminus;

    if (dc.e >= 0) {
        big_set_u64(&r, dc.f);
        big_shl(&r, dc.e + (dc.lower_closer ? 2 : 1));
        big_set_u64(&s, dc.lower_closer ? 4 : 2);
        big_set_u64(&mminus, 1);
        big_shl(&mminus, dc.e);
        big_set_u64(&mplus, 1);
        big_shl(&mplus, dc.e + (dc.lower_closer ? 1 : 0));
    } else {
        big_set_u64(&r, dc.f);
        big_shl(&r, dc.lower_closer ? 2 : 1);
        big_set_u64(&s, 1);
        big_shl(&s, -dc.e + (dc.lower_closer ? 2 : 1));
        big_set_u64(&mminus, 1);
        big_set_u64(&mplus, dc.lower_closer ? 2 : 1);
    }

    /* k = ceil(log10(v)), estimated from the binary exponent (never too large, at most
     * one too small), then corrected. */
    int k = (int)ceil((dc.e + bit_length(dc.f) - 1) * 0.30102999566398114 - 1e-10);
    if (k >= 0) {
        big_mul_pow10(&s, k);
    } else {
        big_mul_pow10(&r, -k);
        big_mul_pow10(&mplus, -k);
        big_mul_pow10(&mminus, -k);
    }
    int c = big_add_cmp(&r, &mplus, &s);
    if (even ? c >= 0 : c > 0) {
        k++;
        big_mul_small(&s, 10);
    }
    *point = k;

    int n = 0;
    for (;;) {
        big_mul_small(&r, 10);
        big_mul_small(&mplus, 10);
        big_mul_small(&mminus, 10);
        uint32_t digit = big_divmod(&r, &s);
        int lo = big_cmp(&r, &mminus);
        int hi = big_add_cmp(&r, &mplus, &s);
        bool low = even ? lo <= 0 : lo < 0;
        bool high = even ? hi >= 0 : hi > 0;
        if (!low && !high) {
            digits[n++] = (char)('0' + digit);
            continue;
        }
        if (low && high) {
            int twice = big_add_cmp(&r, &r, &s);
            if (twice > 0 || (twice == 0 && (digit & 1)))
                digit++;
        } else if (high) {
            digit++;
        }
        digits[n++] = (char)('0' + digit);
        return n;
    }
}

/* }================================================================================== */

/* {==================================================================================
 * Exact decimal expansion. A finite double is dyadic, so its decimal expansion is
 * finite (at most 767 significant digits): f * 2^e = f * 5^-e / 10^-e when e < 0.
 * toFixed, toExponential and toPrecision round this string, so every "pick the larger
 * n" tie of the spec is decided on the exact value.
 * ================================================================================== */

#define EXACT_MAX 800

/* Digits of v > 0 without trailing zeros into digits, point as in shortest_digits. */
static int exact_digits(double v, char digits[EXACT_MAX], int *point)
{
    Decomposed dc = decompose(v);
    Big b;
    big_set_u64(&b, dc.f);
    int scale10 = 0; /* v = b * 10^scale10 */
    if (dc.e >= 0) {
        big_shl(&b, dc.e);
    } else {
        big_mul_pow5(&b, -dc.e);
        scale10 = dc.e;
    }
    /* Nine digits at a time, least significant chunk first. */
    char rev[EXACT_MAX + 16];
    int nrev = 0;
    while (b.n > 0) {
        uint32_t chunk = big_div_small(&b, 1000000000u);
        for (int i = 0; i < 9; i++) {
            rev[nrev++] = (char)('0' + chunk % 10);
            chunk /= 10;
        }
    }
    while (nrev > 0 && rev[nrev - 1] == '0')
        nrev--;
    int n = 0;
    for (int i = nrev - 1; i >= 0; i--)
        digits[n++] = rev[i];
    *point = n + scale10;
    while (n > 1 && digits[n - 1] == '0')
        n--;
    return n;
}

/* Round the digit string (n digits, point) to keep digits before position `keep`
 * (counted from the first digit), half up: ties go to the larger magnitude as the spec's
 * "pick the larger n" says. Writes exactly `keep` digits (keep >= 0) and may bump
 * *point when the rounding carries into a new leading digit. */
static void round_half_up(const char *in, int n, int keep, char *out, int *point)
{
    for (int i = 0; i < keep; i++)
        out[i] = i < n ? in[i] : '0';
    if (keep < n && in[keep] >= '5') {
        int i = keep - 1;
        while (i >= 0 && out[i] == '9')
            out[i--] = '0';
        if (i >= 0) {
            out[i]++;
        } else {
            /* all nines (or keep == 0): the result is 10^(point - keep + ...) */
            if (keep > 0)
                out[0] = '1';
            (*point)++;
        }
    }
}

/* }================================================================================== */

/* {==================================================================================
 * Number::toString (radix 10 and the others) and the Number.prototype methods.
 * ================================================================================== */

const char *numconv_status_message(NumconvStatus status)
{
    switch (status) {
    case NUMCONV_OK: return "";
    case NUMCONV_ERR_RADIX: return "toString() radix argument must be between 2 and 36";
    case NUMCONV_ERR_FIXED_DIGITS: return "toFixed() digits argument must be between 0 and 100";
    case NUMCONV_ERR_EXP_DIGITS: return "toExponential() argument must be between 0 and 100";
    case NUMCONV_ERR_PRECISION: return "toPrecision() argument must be between 1 and 100";
    }
    return "";
}

size_t numconv_format_u32(uint32_t v, char out[NUMCONV_INT_SIZE])
{
    char tmp[NUMCONV_INT_SIZE];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    for (size_t i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    out[n] = '\0';
    return n;
}

size_t numconv_format_int(int64_t v, char out[NUMCONV_INT_SIZE])
{
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    char tmp[NUMCONV_INT_SIZE];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    size_t len = 0;
    if (v < 0)
        out[len++] = '-';
    while (n > 0)
        out[len++] = tmp[--n];
    out[len] = '\0';
    return len;
}

/* Lay out k digits with value 0.digits * 10^n per ecma262 #sec-numeric-types-number-tostring
 * steps 6-10 (spec's n is our point). Returns the length; out gets a NUL. */
static size_t layout_decimal(char *out, bool negative, const char *digits, int k, int n)
{
    size_t len = 0;
    if (negative)
        out[len++] = '-';
    if (k <= n && n <= 21) {
        /* step 6: the digits followed by n - k zeros */
        memcpy(out + len, digits, (size_t)k);
        len += (size_t)k;
        for (int i = 0; i < n - k; i++)
            out[len++] = '0';
    } else if (0 < n && n <= 21) {
        /* step 7: the first n digits, '.', the remaining k - n */
        memcpy(out + len, digits, (size_t)n);
        len += (size_t)n;
        out[len++] = '.';
        memcpy(out + len, digits + n, (size_t)(k - n));
        len += (size_t)(k - n);
    } else if (-6 < n && n <= 0) {
        /* step 8: "0." then -n zeros then the digits */
        out[len++] = '0';
        out[len++] = '.';
        for (int i = 0; i < -n; i++)
            out[len++] = '0';
        memcpy(out + len, digits, (size_t)k);
        len += (size_t)k;
    } else {
        /* steps 9-10: exponential, e = n - 1 with an explicit sign */
        out[len++] = digits[0];
        if (k > 1) {
            out[len++] = '.';
            memcpy(out + len, digits + 1, (size_t)(k - 1));
            len += (size_t)(k - 1);
        }
        out[len++] = 'e';
        out[len++] = n - 1 < 0 ? '-' : '+';
        char e[NUMCONV_INT_SIZE];
        size_t elen = numconv_format_int(n - 1 < 0 ? 1 - n : n - 1, e);
        memcpy(out + len, e, elen);
        len += elen;
    }
    out[len] = '\0';
    return len;
}

static size_t number_to_string(double x, bool show_neg_zero, char *out)
{
    if (isnan(x)) {
        memcpy(out, "NaN", 4);
        return 3;
    }
    if (x == 0) {
        if (show_neg_zero && signbit(x)) {
            memcpy(out, "-0", 3);
            return 2;
        }
        memcpy(out, "0", 2);
        return 1;
    }
    if (isinf(x)) {
        if (x < 0) {
            memcpy(out, "-Infinity", 10);
            return 9;
        }
        memcpy(out, "Infinity", 9);
        return 8;
    }
    /* Integers below 2^53 are exactly their digits (their shortest form only drops
     * trailing zeros, which step 6 puts back). */
    if (x > -9007199254740992.0 && x < 9007199254740992.0 && x == (double)(int64_t)x)
        return numconv_format_int((int64_t)x, out);
    char digits[20];
    int point;
    int k = shortest_digits(fabs(x), digits, &point);
    return layout_decimal(out, x < 0, digits, k, point);
}

size_t NumberToString(double x, char out[NUMCONV_DTOA_SIZE])
{
    return number_to_string(x, false, out);
}

size_t numconv_inspect(double x, char out[NUMCONV_DTOA_SIZE])
{
    return number_to_string(x, true, out);
}

static void put_number(StrBuf *out, double x)
{
    char buf[NUMCONV_DTOA_SIZE];
    size_t n = NumberToString(x, buf);
    strbuf_put(out, buf, n);
}

static double next_double_up(double v)
{
    return nextafter(v, INFINITY);
}

/* The binary exponent of v as V8's Double::Exponent() counts it: v = f * 2^e with f a
 * 53-bit integer (subnormals: e = -1074). */
static int double_exponent(double v)
{
    return decompose(v).e;
}

/* V8's DoubleToRadixCString (src/numbers/conversions.cc), restated: fraction digits are
 * produced only while they are significant (delta tracks half an ulp of the input,
 * scaled with the fraction); the last digit is rounded half-to-even, carrying back into
 * earlier digits and the integer part; integer digits beyond 2^53 are written as 0. */
static void double_to_radix(double value, int radix, StrBuf *out)
{
    static const char chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    enum { SIZE = 2200 };
    char buffer[SIZE];
    int integer_cursor = SIZE / 2;
    int fraction_cursor = integer_cursor;
    bool negative = value < 0;
    if (negative)
        value = -value;

    double integer = floor(value);
    double fraction = value - integer;
    double delta = 0.5 * (next_double_up(value) - value);
    double tiny = next_double_up(0.0);
    if (delta < tiny)
        delta = tiny;
    if (fraction >= delta) {
        buffer[fraction_cursor++] = '.';
        do {
            fraction *= radix;
            delta *= radix;
            int digit = (int)fraction;
            buffer[fraction_cursor++] = chars[digit];
            fraction -= digit;
            if (fraction > 0.5 || (fraction == 0.5 && (digit & 1))) {
                if (fraction + delta > 1) {
                    /* round up, propagating the carry backwards */
                    for (;;) {
                        fraction_cursor--;
                        if (fraction_cursor == SIZE / 2) {
                            integer += 1;
                            break;
                        }
                        char ch = buffer[fraction_cursor];
                        int d = ch > '9' ? ch - 'a' + 10 : ch - '0';
                        if (d + 1 < radix) {
                            buffer[fraction_cursor++] = chars[d + 1];
                            break;
                        }
                    }
                    break;
                }
            }
        } while (fraction >= delta && fraction_cursor < SIZE - 1);
    }

    while (double_exponent(integer / radix) > 0) {
        integer /= radix;
        buffer[--integer_cursor] = '0';
    }
    do {
        double remainder = fmod(integer, radix);
        buffer[--integer_cursor] = chars[(int)remainder];
        integer = (integer - remainder) / radix;
    } while (integer > 0);

    if (negative)
        buffer[--integer_cursor] = '-';
    strbuf_put(out, buffer + integer_cursor, (size_t)(fraction_cursor - integer_cursor));
}

NumconvStatus numconv_to_radix_string(double x, double radix, StrBuf *out)
{
    if (!(radix >= 2 && radix <= 36))
        return NUMCONV_ERR_RADIX;
    int r = (int)radix;
    if (r == 10) {
        put_number(out, x);
    } else if (isnan(x)) {
        strbuf_puts(out, "NaN");
    } else if (isinf(x)) {
        strbuf_puts(out, x < 0 ? "-Infinity" : "Infinity");
    } else {
        double_to_radix(x, r, out);
    }
    return NUMCONV_OK;
}

static void put_zeros(StrBuf *out, int n)
{
    for (int i = 0; i < n; i++)
        strbuf_putc(out, '0');
}

/* ecma262 #sec-number.prototype.tofixed */
NumconvStatus numconv_to_fixed(double x, double fraction_digits, StrBuf *out)
{
    /* steps 3-5: f must be finite and in 0..100 (before the NaN test) */
    if (!(fraction_digits >= 0 && fraction_digits <= 100))
        return NUMCONV_ERR_FIXED_DIGITS;
    int f = (int)fraction_digits;
    /* step 6 */
    if (!isfinite(x)) {
        put_number(out, x);
        return NUMCONV_OK;
    }
    /* step 8-9: x < 0 (so not -0) prints '-' then the magnitude */
    if (x < 0) {
        strbuf_putc(out, '-');
        x = -x;
    }
    /* step 10: x >= 10^21 is ToString(x) */
    if (x >= 1e21) {
        put_number(out, x);
        return NUMCONV_OK;
    }
    /* step 11: n = round(x * 10^f), ties to the larger n; m its digits */
    char m[EXACT_MAX + 128];
    int mlen;
    if (x == 0) {
        m[0] = '0';
        mlen = 1;
    } else {
        char digits[EXACT_MAX];
        int point;
        int nd = exact_digits(x, digits, &point);
        int keep = point + f; /* digits of n */
        if (keep < 0) {
            m[0] = '0';
            mlen = 1;
        } else {
            int p = point;
            round_half_up(digits, nd, keep, m, &p);
            mlen = keep;
            if (p != point) { /* carried: n = 10^keep */
                m[0] = '1';
                for (int i = 1; i <= keep; i++)
                    m[i] = '0';
                mlen = keep + 1;
            }
            if (mlen == 0) {
                m[0] = '0';
                mlen = 1;
            }
        }
    }
    /* step 11.c-d: at least f+1 digits, then the point before the last f */
    if (f == 0) {
        strbuf_put(out, m, (size_t)mlen);
        return NUMCONV_OK;
    }
    if (mlen <= f) {
        /* m padded to f+1 digits with leading zeros: a is "0", b the rest */
        strbuf_puts(out, "0.");
        put_zeros(out, f - mlen);
        strbuf_put(out, m, (size_t)mlen);
        return NUMCONV_OK;
    }
    strbuf_put(out, m, (size_t)(mlen - f));
    strbuf_putc(out, '.');
    strbuf_put(out, m + mlen - f, (size_t)f);
    return NUMCONV_OK;
}

/* "d.ddd" + "e" + sign + exponent, the common tail of toExponential and toPrecision. */
static void put_exponential(StrBuf *out, const char *digits, int k, int e)
{
    strbuf_putc(out, digits[0]);
    if (k > 1) {
        strbuf_putc(out, '.');
        strbuf_put(out, digits + 1, (size_t)(k - 1));
    }
    strbuf_putc(out, 'e');
    strbuf_putc(out, e < 0 ? '-' : '+');
    char buf[NUMCONV_INT_SIZE];
    size_t n = numconv_format_int(e < 0 ? -(int64_t)e : e, buf);
    strbuf_put(out, buf, n);
}

/* The p significant digits of x > 0, rounded half up; *e is the decimal exponent of the
 * first digit (x ~= d.ddd * 10^e). */
static void significant_digits(double x, int p, char *out, int *e)
{
    char digits[EXACT_MAX];
    int point;
    int nd = exact_digits(x, digits, &point);
    round_half_up(digits, nd, p, out, &point);
    *e = point - 1;
}

/* ecma262 #sec-number.prototype.toexponential */
NumconvStatus numconv_to_exponential(double x, bool has_digits, double fraction_digits,
                                     StrBuf *out)
{
    /* step 4: non-finite x before the range check */
    if (!isfinite(x)) {
        put_number(out, x);
        return NUMCONV_OK;
    }
    if (has_digits && !(fraction_digits >= 0 && fraction_digits <= 100))
        return NUMCONV_ERR_EXP_DIGITS;
    int f = has_digits ? (int)fraction_digits : 0;
    if (x < 0) {
        strbuf_putc(out, '-');
        x = -x;
    }
    char digits[128];
    int k, e;
    if (x == 0) {
        /* step 10: m is f+1 zeros, e = 0 */
        k = f + 1;
        memset(digits, '0', (size_t)k);
        e = 0;
    } else if (!has_digits) {
        /* step 11.b: the shortest digits that round-trip */
        int point;
        k = shortest_digits(x, digits, &point);
        e = point - 1;
    } else {
        k = f + 1;
        significant_digits(x, k, digits, &e);
    }
    put_exponential(out, digits, k, e);
    return NUMCONV_OK;
}

/* ecma262 #sec-number.prototype.toprecision */
NumconvStatus numconv_to_precision(double x, bool has_precision, double precision, StrBuf *out)
{
    /* step 2-4: undefined precision, or non-finite x, is ToString(x) */
    if (!has_precision || !isfinite(x)) {
        put_number(out, x);
        return NUMCONV_OK;
    }
    if (!(precision >= 1 && precision <= 100))
        return NUMCONV_ERR_PRECISION;
    int p = (int)precision;
    if (x < 0) {
        strbuf_putc(out, '-');
        x = -x;
    }
    char digits[128];
    int e;
    if (x == 0) {
        memset(digits, '0', (size_t)p);
        e = 0;
    } else {
        significant_digits(x, p, digits, &e);
        /* step 10.c: exponential when e < -6 or e >= p */
        if (e < -6 || e >= p) {
            put_exponential(out, digits, p, e);
            return NUMCONV_OK;
        }
    }
    if (e == p - 1) {
        strbuf_put(out, digits, (size_t)p);
    } else if (e >= 0) {
        strbuf_put(out, digits, (size_t)(e + 1));
        strbuf_putc(out, '.');
        strbuf_put(out, digits + e + 1, (size_t)(p - (e + 1)));
    } else {
        strbuf_puts(out, "0.");
        put_zeros(out, -(e + 1));
        strbuf_put(out, digits, (size_t)p);
    }
    return NUMCONV_OK;
}

/* }================================================================================== */

/* {==================================================================================
 * Text to number: StringToNumber, parseInt, parseFloat.
 * ================================================================================== */

NumconvText numconv_text_utf8(const char *s, size_t len)
{
    NumconvText t = {(const uint8_t *)s, NULL, len, false};
    return t;
}

NumconvText numconv_text_latin1(const uint8_t *s, size_t len)
{
    NumconvText t = {s, NULL, len, true};
    return t;
}

NumconvText numconv_text_utf16(const uint16_t *s, size_t len)
{
    NumconvText t = {NULL, s, len, false};
    return t;
}

/* The code unit at i (a byte of UTF-8 or a UTF-16 unit); all the syntax is ASCII. */
static uint32_t unit_at(const NumconvText *t, size_t i)
{
    return t->u8 ? t->u8[i] : t->u16[i];
}

/* The code point at *pos, advancing *pos; malformed UTF-8 is U+FFFD for one byte. */
static uint32_t code_point_at(const NumconvText *t, size_t *pos)
{
    size_t i = *pos;
    if (t->u16 || t->latin1) {
        *pos = i + 1;
        return t->u16 ? t->u16[i] : t->u8[i];
    }
    uint32_t c = t->u8[i];
    int need = c >= 0xF0 && c < 0xF8 ? 3 : c >= 0xE0 ? 2 : c >= 0xC2 ? 1 : 0;
    if (c < 0x80 || need == 0 || i + (size_t)need >= t->len) {
        *pos = i + 1;
        return c < 0x80 ? c : 0xFFFD;
    }
    uint32_t cp = c & (0x3F >> need);
    for (int k = 1; k <= need; k++) {
        uint32_t cc = t->u8[i + (size_t)k];
        if ((cc & 0xC0) != 0x80) {
            *pos = i + 1;
            return 0xFFFD;
        }
        cp = (cp << 6) | (cc & 0x3F);
    }
    *pos = i + (size_t)need + 1;
    return cp;
}

/* StrWhiteSpaceChar (ecma262 #prod-StrWhiteSpaceChar): WhiteSpace (TAB VT FF ZWNBSP and
 * category Zs) and LineTerminator (LF CR LS PS). */
static bool is_str_whitespace(uint32_t c)
{
    switch (c) {
    case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x20: case 0xA0:
    case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
    case 0xFEFF:
        return true;
    default:
        return c >= 0x2000 && c <= 0x200A;
    }
}

static size_t skip_whitespace(const NumconvText *t, size_t pos)
{
    while (pos < t->len) {
        size_t next = pos;
        if (!is_str_whitespace(code_point_at(t, &next)))
            break;
        pos = next;
    }
    return pos;
}

/* The value of an ASCII digit or letter in radixes up to 36, or 99. */
static int digit_value(uint32_t c)
{
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    if (c >= 'a' && c <= 'z')
        return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'Z')
        return (int)(c - 'A' + 10);
    return 99;
}

static size_t count_digits(const NumconvText *t, size_t pos, int radix)
{
    size_t i = pos;
    while (i < t->len && digit_value(unit_at(t, i)) < radix)
        i++;
    return i - pos;
}

static bool match_ascii(const NumconvText *t, size_t pos, const char *word)
{
    for (size_t k = 0; word[k]; k++)
        if (pos + k >= t->len || unit_at(t, pos + k) != (uint32_t)(unsigned char)word[k])
            return false;
    return true;
}

/* Correctly rounded strtod of the ASCII text [start, end) of t (already validated as a
 * StrDecimalLiteral without "Infinity"). */
static double decimal_value(const NumconvText *t, size_t start, size_t end)
{
    char small[128];
    size_t n = end - start;
    char *buf = n < sizeof small ? small : xmalloc(n + 1);
    for (size_t i = 0; i < n; i++)
        buf[i] = (char)unit_at(t, start + i);
    buf[n] = '\0';
    double v = strtod(buf, NULL);
    if (buf != small)
        free(buf);
    return v;
}

/* The digits [start, end) in radix 2^log2, correctly rounded (half to even on the exact
 * value): what V8's InternalStringToIntDouble computes, and what RoundMVResult allows. */
static double pow2_radix_value(const NumconvText *t, size_t start, size_t end, int log2)
{
    uint64_t m = 0;
    int exp = 0;
    bool sticky = false;
    for (size_t i = start; i < end; i++) {
        int d = digit_value(unit_at(t, i));
        if (m < (UINT64_C(1) << 56)) {
            m = (m << log2) | (uint64_t)d;
        } else {
            exp += log2;
            sticky = sticky || d != 0;
        }
    }
    int len = bit_length(m);
    if (len > 53) {
        int shift = len - 53;
        uint64_t dropped = m & ((UINT64_C(1) << shift) - 1);
        uint64_t half = UINT64_C(1) << (shift - 1);
        m >>= shift;
        exp += shift;
        if (dropped > half || (dropped == half && (sticky || (m & 1))))
            m++;
        if (m == (UINT64_C(1) << 53)) {
            m >>= 1;
            exp++;
        }
    }
    return ldexp((double)m, exp);
}

/* V8's generic parseInt path for radixes that are neither 10 nor powers of two
 * (NumberParseIntHelper::HandleGenericCase): digits are gathered into 32-bit parts
 * while the part's multiplier stays below 0xFFFFFFFF / 36, and each part is folded in
 * with one double multiply-add. The spec allows this approximation for such radixes. */
static double generic_radix_value(const NumconvText *t, size_t start, size_t end, int radix)
{
    const uint32_t max_multiplier = 0xFFFFFFFFu / 36;
    double result = 0;
    size_t i = start;
    while (i < end && unit_at(t, i) == '0') /* V8 skips leading zeros first: it moves the chunks */
        i++;
    while (i < end) {
        uint32_t part = 0, multiplier = 1;
        while (i < end) {
            uint32_t m = multiplier * (uint32_t)radix;
            if (m > max_multiplier)
                break;
            part = part * (uint32_t)radix + (uint32_t)digit_value(unit_at(t, i));
            multiplier = m;
            i++;
        }
        result = result * multiplier + part;
    }
    return result;
}

/* Radix-10 integer digits: strtod of the significant digits (V8 keeps at most 310 of
 * them, beyond which the value is Infinity anyway). */
static double decimal_integer_value(const NumconvText *t, size_t start, size_t end)
{
    while (start < end && unit_at(t, start) == '0')
        start++;
    if (end - start > 310)
        return INFINITY;
    if (start == end)
        return 0;
    return decimal_value(t, start, end);
}

/* Scan a StrDecimalLiteral at pos (sign, Infinity, digits, fraction, exponent): the
 * longest match, its end in *end. Returns false when nothing matches. */
static bool scan_decimal_literal(const NumconvText *t, size_t pos, size_t *end, bool *infinity)
{
    size_t i = pos;
    *infinity = false;
    if (i < t->len && (unit_at(t, i) == '+' || unit_at(t, i) == '-'))
        i++;
    if (match_ascii(t, i, "Infinity")) {
        *infinity = true;
        *end = i + 8;
        return true;
    }
    size_t int_digits = count_digits(t, i, 10);
    i += int_digits;
    size_t frac_digits = 0;
    if (i < t->len && unit_at(t, i) == '.') {
        frac_digits = count_digits(t, i + 1, 10);
        if (int_digits == 0 && frac_digits == 0)
            return false;
        i += 1 + frac_digits;
    }
    if (int_digits == 0 && frac_digits == 0)
        return false;
    if (i < t->len && (unit_at(t, i) == 'e' || unit_at(t, i) == 'E')) {
        size_t j = i + 1;
        if (j < t->len && (unit_at(t, j) == '+' || unit_at(t, j) == '-'))
            j++;
        size_t exp_digits = count_digits(t, j, 10);
        if (exp_digits > 0)
            i = j + exp_digits;
    }
    *end = i;
    return true;
}

static double literal_value(const NumconvText *t, size_t start, size_t end, bool infinity)
{
    if (infinity)
        return unit_at(t, start) == '-' ? -INFINITY : INFINITY;
    return decimal_value(t, start, end);
}

/* ecma262 #sec-stringtonumber */
double StringToNumber(NumconvText s)
{
    size_t pos = skip_whitespace(&s, 0);
    if (pos == s.len)
        return 0; /* StringNumericLiteral ::: StrWhiteSpace_opt */
    /* NonDecimalIntegerLiteral (no sign, no separators) */
    if (pos + 1 < s.len && unit_at(&s, pos) == '0') {
        uint32_t c = unit_at(&s, pos + 1) | 0x20;
        int log2 = c == 'x' ? 4 : c == 'o' ? 3 : c == 'b' ? 1 : 0;
        if (log2) {
            size_t start = pos + 2;
            size_t n = count_digits(&s, start, 1 << log2);
            if (n == 0 || skip_whitespace(&s, start + n) != s.len)
                return NAN;
            return pow2_radix_value(&s, start, start + n, log2);
        }
    }
    size_t end;
    bool infinity;
    if (!scan_decimal_literal(&s, pos, &end, &infinity) || skip_whitespace(&s, end) != s.len)
        return NAN;
    return literal_value(&s, pos, end, infinity);
}

/* ecma262 #sec-parsefloat-string, steps 2-5 */
double numconv_parse_float(NumconvText s)
{
    size_t pos = skip_whitespace(&s, 0);
    size_t end;
    bool infinity;
    if (!scan_decimal_literal(&s, pos, &end, &infinity))
        return NAN;
    return literal_value(&s, pos, end, infinity);
}

/* ecma262 #sec-parseint-string-radix, steps 2-16 */
double numconv_parse_int(NumconvText s, int32_t radix)
{
    size_t pos = skip_whitespace(&s, 0);
    bool negative = false;
    if (pos < s.len && (unit_at(&s, pos) == '-' || unit_at(&s, pos) == '+')) {
        negative = unit_at(&s, pos) == '-';
        pos++;
    }
    bool strip_prefix = true;
    int r = 10;
    if (radix != 0) {
        if (radix < 2 || radix > 36)
            return NAN;
        if (radix != 16)
            strip_prefix = false;
        r = radix;
    }
    if (strip_prefix && pos + 1 < s.len && unit_at(&s, pos) == '0' &&
        (unit_at(&s, pos + 1) | 0x20) == 'x') {
        pos += 2;
        r = 16;
    }
    size_t n = count_digits(&s, pos, r);
    if (n == 0)
        return NAN;
    double v;
    if (r == 10)
        v = decimal_integer_value(&s, pos, pos + n);
    else if ((r & (r - 1)) == 0)
        v = pow2_radix_value(&s, pos, pos + n, bit_length((uint64_t)r) - 1);
    else
        v = generic_radix_value(&s, pos, pos + n, r);
    return negative ? -v : v;
}

/* }================================================================================== */

/* {==================================================================================
 * Integers and property keys.
 * ================================================================================== */

bool numconv_is_integral(double d)
{
    return isfinite(d) && trunc(d) == d;
}

bool numconv_is_array_index(double d, uint32_t *index)
{
    if (!(d >= 0 && d <= 4294967294.0))
        return false;
    uint32_t u = (uint32_t)d;
    if ((double)u != d)
        return false;
    *index = u;
    return true;
}

bool numconv_text_is_array_index(NumconvText s, uint32_t *index)
{
    if (s.len == 0 || s.len > 10)
        return false;
    if (s.len > 1 && unit_at(&s, 0) == '0')
        return false;
    uint64_t v = 0;
    for (size_t i = 0; i < s.len; i++) {
        uint32_t c = unit_at(&s, i);
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    if (v > UINT64_C(4294967294))
        return false;
    *index = (uint32_t)v;
    return true;
}

double numconv_to_integer_or_infinity(double d)
{
    if (isnan(d))
        return 0;
    if (isinf(d))
        return d;
    return trunc(d) + 0.0; /* -0 becomes +0 */
}

uint32_t numconv_to_uint32(double d)
{
    if (!isfinite(d))
        return 0;
    double m = fmod(trunc(d), 4294967296.0);
    if (m < 0)
        m += 4294967296.0;
    return (uint32_t)m;
}

int32_t numconv_to_int32(double d)
{
    uint32_t u = numconv_to_uint32(d);
    return u >= UINT32_C(0x80000000) ? (int32_t)((int64_t)u - INT64_C(4294967296)) : (int32_t)u;
}

/* }================================================================================== */
