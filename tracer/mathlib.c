/* mathlib.c — the elementary functions, bit-exact with V8 (see mathlib.h for why).
 *
 * Each function follows the published fdlibm method (Sun Microsystems' freely
 * distributable libm, 1993; K.C. Ng et al.), which V8 uses: the comment above each one
 * names the reduction and the approximation. The polynomial coefficients are the
 * published minimax coefficients of those methods (numeric facts, given with their bit
 * patterns); the splits of pi/2, ln2 and the like are the exact leading bits of those
 * constants. Floating-point operations are done in the method's order, because a
 * different association changes the last bit. */
#include "tracer/mathlib.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* ==== access to the two 32-bit halves of a double ====================================== */

static inline uint64_t bits_of(double x) {
    uint64_t u;
    memcpy(&u, &x, sizeof u);
    return u;
}

static inline double double_of(uint64_t u) {
    double x;
    memcpy(&x, &u, sizeof x);
    return x;
}

/* the high word as a signed integer: negative when the sign bit is set */
static inline int32_t high_word(double x) {
    return (int32_t)(uint32_t)(bits_of(x) >> 32);
}

static inline uint32_t low_word(double x) {
    return (uint32_t)bits_of(x);
}

static inline double from_words(uint32_t hi, uint32_t lo) {
    return double_of((uint64_t)hi << 32 | lo);
}

static inline double with_low_word(double x, uint32_t lo) {
    return from_words((uint32_t)(bits_of(x) >> 32), lo);
}

static inline double with_high_word(double x, uint32_t hi) {
    return from_words(hi, low_word(x));
}

static const double huge = 1.0e300, tiny = 1.0e-300;

/* ==== argument reduction by pi/2 ======================================================== */

/* 2/pi as 24-bit chunks: 396 bits, enough for any double (Payne-Hanek). */
static const int32_t two_over_pi[] = {
    0xA2F983, 0x6E4E44, 0x1529FC, 0x2757D1, 0xF534DD, 0xC0DB62, 0x95993C, 0x439041,
    0xFE5163, 0xABDEBB, 0xC561B7, 0x246E3A, 0x424DD2, 0xE00649, 0x2EEA09, 0xD1921C,
    0xFE1DEB, 0x1CB129, 0xA73EE8, 0x8235F5, 0x2EBB44, 0x84E99C, 0x7026B4, 0x5F7E41,
    0x3991D6, 0x398353, 0x39F49C, 0x845F8B, 0xBDF928, 0x3B1FF8, 0x97FFDE, 0x05980F,
    0xEF2F11, 0x8B5A0A, 0x6D1F6D, 0x367ECF, 0x27CB09, 0xB74F46, 0x3F669E, 0x5FEA2D,
    0x7527BA, 0xC7EBE5, 0xF17B3D, 0x0739F7, 0x8A5292, 0xEA6BFB, 0x5FB11F, 0x8D5D08,
    0x560330, 0x46FC7B, 0x6BABF0, 0xCFBC20, 0x9AF436, 0x1DA9E3, 0x91615E, 0xE61B08,
    0x659985, 0x5F14A0, 0x68408D, 0xFFD880, 0x4D7327, 0x310606, 0x1556CA, 0x73A8C9,
    0x60E27B, 0xC08C6B,
};

/* pi/2 as doubles of 24 significant bits each, for summing the reduced fraction */
static const double pio2_chunks[] = {
    1.57079625129699707031e+00, /* 0x3FF921FB, 0x40000000 */
    7.54978941586159635335e-08, /* 0x3E74442D, 0x00000000 */
    5.39030252995776476554e-15, /* 0x3CF84698, 0x80000000 */
    3.28200341580791294123e-22, /* 0x3B78CC51, 0x60000000 */
    1.27065575308067607349e-29, /* 0x39F01B83, 0x80000000 */
    1.22933308981111328932e-36, /* 0x387A2520, 0x40000000 */
    2.73370053816464559624e-44, /* 0x36E38222, 0x80000000 */
    2.16741683877804819444e-51, /* 0x3569F31D, 0x00000000 */
};

static const double two24 = 1.67772160000000000000e+07, twon24 = 5.96046447753906250000e-08;

/* Payne-Hanek reduction of a large argument: x[0..nx-1] are 24-bit chunks of |x| scaled
 * by 2^-e0 (x = sum x[i] * 2^(e0 - 24 i)); multiplies by as many 24-bit chunks of 2/pi as
 * the exponent needs, keeps the integer part mod 8 and the fraction to 3 x 24 bits more
 * than the result needs (4 chunks of q, jk = 4 for double-double output), recomputing
 * with more chunks when the fraction cancels. Returns n mod 8 and y[0] + y[1] =
 * x - n pi/2 in [-pi/4, pi/4]. */
static int rem_pio2_large(const double *x, double *y, int e0, int nx) {
    const int jk = 4, jp = 4;
    int32_t iq[20];
    double f[20], fq[20] = {0}, q[20];

    int jx = nx - 1;
    int jv = (e0 - 3) / 24;
    if (jv < 0)
        jv = 0;
    int q0 = e0 - 24 * (jv + 1);

    /* f[0..jx+jk] = the chunks of 2/pi that meet x's chunks */
    int m = jx + jk;
    for (int i = 0, j = jv - jx; i <= m; i++, j++)
        f[i] = j < 0 ? 0.0 : (double)two_over_pi[j];

    /* q[i] = sum over j of x[j] * f[jx + i - j] */
    for (int i = 0; i <= jk; i++) {
        double fw = 0.0;
        for (int j = 0; j <= jx; j++)
            fw += x[j] * f[jx + i - j];
        q[i] = fw;
    }

    int jz = jk, n, ih;
    double z;
    for (;;) {
        /* distill q[] into 24-bit integers iq[], most significant last */
        int i = 0, j = jz;
        for (z = q[jz]; j > 0; i++, j--) {
            double fw = (double)(int32_t)(twon24 * z);
            iq[i] = (int32_t)(z - two24 * fw);
            z = q[j - 1] + fw;
        }

        /* the integer part, mod 8 */
        z = scalbn(z, q0);
        z -= 8.0 * floor(z * 0.125);
        n = (int32_t)z;
        z -= (double)n;
        ih = 0;
        if (q0 > 0) { /* the low bits of n are in iq[jz-1] */
            int32_t k = iq[jz - 1] >> (24 - q0);
            n += k;
            iq[jz - 1] -= k << (24 - q0);
            ih = iq[jz - 1] >> (23 - q0);
        } else if (q0 == 0) {
            ih = iq[jz - 1] >> 23;
        } else if (z >= 0.5) {
            ih = 2;
        }

        if (ih > 0) { /* fraction > 0.5: take n + 1 and the fraction 1 - q */
            n += 1;
            int carry = 0;
            for (i = 0; i < jz; i++) {
                int32_t w = iq[i];
                if (carry == 0) {
                    if (w != 0) {
                        carry = 1;
                        iq[i] = 0x1000000 - w;
                    }
                } else {
                    iq[i] = 0xffffff - w;
                }
            }
            if (q0 == 1)
                iq[jz - 1] &= 0x7fffff;
            else if (q0 == 2)
                iq[jz - 1] &= 0x3fffff;
            if (ih == 2) {
                z = 1.0 - z;
                if (carry != 0)
                    z -= scalbn(1.0, q0);
            }
        }

        /* total cancellation of the leading chunks: use more chunks of 2/pi */
        if (z == 0.0) {
            int32_t any = 0;
            for (i = jz - 1; i >= jk; i--)
                any |= iq[i];
            if (any == 0) {
                int k = 1;
                while (iq[jk - k] == 0)
                    k++;
                for (i = jz + 1; i <= jz + k; i++) {
                    f[jx + i] = (double)two_over_pi[jv + i];
                    double fw = 0.0;
                    for (j = 0; j <= jx; j++)
                        fw += x[j] * f[jx + i - j];
                    q[i] = fw;
                }
                jz += k;
                continue;
            }
        }
        break;
    }

    /* drop zero chunks, or split the last partial chunk */
    if (z == 0.0) {
        jz -= 1;
        q0 -= 24;
        while (iq[jz] == 0) {
            jz--;
            q0 -= 24;
        }
    } else {
        z = scalbn(z, -q0);
        if (z >= two24) {
            double fw = (double)(int32_t)(twon24 * z);
            iq[jz] = (int32_t)(z - two24 * fw);
            jz += 1;
            q0 += 24;
            iq[jz] = (int32_t)fw;
        } else {
            iq[jz] = (int32_t)z;
        }
    }

    /* the fraction as doubles, then times pi/2 */
    double fw = scalbn(1.0, q0);
    for (int i = jz; i >= 0; i--) {
        q[i] = fw * (double)iq[i];
        fw *= twon24;
    }
    for (int i = jz; i >= 0; i--) {
        fw = 0.0;
        for (int k = 0; k <= jp && k <= jz - i; k++)
            fw += pio2_chunks[k] * q[i + k];
        fq[jz - i] = fw;
    }

    /* sum into a double-double, smallest terms first */
    fw = 0.0;
    for (int i = jz; i >= 0; i--)
        fw += fq[i];
    y[0] = ih == 0 ? fw : -fw;
    fw = fq[0] - fw;
    for (int i = 1; i <= jz; i++)
        fw += fq[i];
    y[1] = ih == 0 ? fw : -fw;
    return n & 7;
}

/* The high words of n * pi/2 for n = 1..32: an argument whose high word equals one of
 * them may cancel badly in the first Cody-Waite step. */
static const int32_t npio2_hw[] = {
    0x3FF921FB, 0x400921FB, 0x4012D97C, 0x401921FB, 0x401F6A7A, 0x4022D97C, 0x4025FDBB,
    0x402921FB, 0x402C463A, 0x402F6A7A, 0x4031475C, 0x4032D97C, 0x40346B9C, 0x4035FDBB,
    0x40378FDB, 0x403921FB, 0x403AB41B, 0x403C463A, 0x403DD85A, 0x403F6A7A, 0x40407E4C,
    0x4041475C, 0x4042106C, 0x4042D97C, 0x4043A28C, 0x40446B9C, 0x404534AC, 0x4045FDBB,
    0x4046C6CB, 0x40478FDB, 0x404858EB, 0x404921FB,
};

static const double invpio2 = 6.36619772367581382433e-01, /* 0x3FE45F30, 0x6DC9C883 */
    pio2_1 = 1.57079632673412561417e+00,                  /* 0x3FF921FB, 0x54400000 */
    pio2_1t = 6.07710050650619224932e-11,                 /* 0x3DD0B461, 0x1A626331 */
    pio2_2 = 6.07710050630396597660e-11,                  /* 0x3DD0B461, 0x1A600000 */
    pio2_2t = 2.02226624879595063154e-21,                 /* 0x3BA3198A, 0x2E037073 */
    pio2_3 = 2.02226624871116645580e-21,                  /* 0x3BA3198A, 0x2E000000 */
    pio2_3t = 8.47842766036889956997e-32;                 /* 0x397B839A, 0x252049C1 */

/* x = n pi/2 + y[0] + y[1], |y| <= pi/4; returns n. Cody-Waite with pi/2 split into
 * 33-bit pieces (pio2_1 + pio2_2 + pio2_3 + tail) up to |x| ~ 2^19 pi/2, taking a second
 * or third piece only when the leading bits cancel; Payne-Hanek beyond. */
static int rem_pio2(double x, double *y) {
    int32_t hx = high_word(x), ix = hx & 0x7fffffff;

    if (ix <= 0x3fe921fb) { /* |x| <= pi/4: nothing to reduce */
        y[0] = x;
        y[1] = 0;
        return 0;
    }
    if (ix < 0x4002d97c) { /* |x| < 3pi/4: n = +-1 */
        if (hx > 0) {
            double z = x - pio2_1;
            if (ix != 0x3ff921fb) { /* 33 + 53 bits of pi/2 are enough */
                y[0] = z - pio2_1t;
                y[1] = (z - y[0]) - pio2_1t;
            } else { /* near pi/2: 33 + 33 + 53 bits */
                z -= pio2_2;
                y[0] = z - pio2_2t;
                y[1] = (z - y[0]) - pio2_2t;
            }
            return 1;
        }
        double z = x + pio2_1;
        if (ix != 0x3ff921fb) {
            y[0] = z + pio2_1t;
            y[1] = (z - y[0]) + pio2_1t;
        } else {
            z += pio2_2;
            y[0] = z + pio2_2t;
            y[1] = (z - y[0]) + pio2_2t;
        }
        return -1;
    }
    if (ix <= 0x413921fb) { /* |x| <= 2^19 pi/2: Cody-Waite */
        double t = fabs(x);
        int32_t n = (int32_t)(t * invpio2 + 0.5);
        double fn = (double)n;
        double r = t - fn * pio2_1;
        double w = fn * pio2_1t; /* first round: 85 bits */
        if (n < 32 && ix != npio2_hw[n - 1]) {
            y[0] = r - w;
        } else {
            int32_t j = ix >> 20;
            y[0] = r - w;
            int32_t i = j - ((high_word(y[0]) >> 20) & 0x7ff);
            if (i > 16) { /* second round: 118 bits */
                t = r;
                w = fn * pio2_2;
                r = t - w;
                w = fn * pio2_2t - ((t - r) - w);
                y[0] = r - w;
                i = j - ((high_word(y[0]) >> 20) & 0x7ff);
                if (i > 49) { /* third round: 151 bits */
                    t = r;
                    w = fn * pio2_3;
                    r = t - w;
                    w = fn * pio2_3t - ((t - r) - w);
                    y[0] = r - w;
                }
            }
        }
        y[1] = (r - y[0]) - w;
        if (hx < 0) {
            y[0] = -y[0];
            y[1] = -y[1];
            return -n;
        }
        return n;
    }
    if (ix >= 0x7ff00000) { /* Infinity or NaN */
        y[0] = y[1] = x - x;
        return 0;
    }
    /* Payne-Hanek: z = |x| scaled to [2^23, 2^24), cut into three 24-bit chunks */
    int32_t e0 = (ix >> 20) - 1046;
    double z = from_words((uint32_t)ix - ((uint32_t)e0 << 20), low_word(x));
    double tx[3];
    for (int i = 0; i < 2; i++) {
        tx[i] = (double)(int32_t)z;
        z = (z - tx[i]) * two24;
    }
    tx[2] = z;
    int nx = 3;
    while (tx[nx - 1] == 0.0)
        nx--;
    int n = rem_pio2_large(tx, y, e0, nx);
    if (hx < 0) {
        y[0] = -y[0];
        y[1] = -y[1];
        return -n;
    }
    return n;
}

/* ==== sin, cos, tan ===================================================================== */

/* sin(x + y) on [-pi/4, pi/4], y the tail of x (iy = 0: y is 0): the odd minimax
 * polynomial x + S1 x^3 + ... + S6 x^13, with y's first-order term added as y (1 - x^2/2). */
static double kernel_sin(double x, double y, int iy) {
    static const double S1 = -1.66666666666666324348e-01, /* 0xBFC55555, 0x55555549 */
        S2 = 8.33333333332248946124e-03,                  /* 0x3F811111, 0x1110F8A6 */
        S3 = -1.98412698298579493134e-04,                 /* 0xBF2A01A0, 0x19C161D5 */
        S4 = 2.75573137070700676789e-06,                  /* 0x3EC71DE3, 0x57B1FE7D */
        S5 = -2.50507602534068634195e-08,                 /* 0xBE5AE5E6, 0x8A2B9CEB */
        S6 = 1.58969099521155010221e-10;                  /* 0x3DE5D93A, 0x5ACFD57C */
    int32_t ix = high_word(x) & 0x7fffffff;
    if (ix < 0x3e400000 && (int)x == 0) /* |x| < 2^-27 */
        return x;
    double z = x * x, v = z * x;
    double r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
    if (iy == 0)
        return x + v * (S1 + z * r);
    return x - ((z * (0.5 * y - v * r) - y) - v * S1);
}

/* cos(x + y) on [-pi/4, pi/4]: 1 - x^2/2 + C1 x^4 + ... + C6 x^14, where for |x| >= 0.3
 * the subtraction 1 - x^2/2 is split as (1 - qx) - (x^2/2 - qx) with qx ~ x^2/4 (exact),
 * to keep it accurate. */
static double kernel_cos(double x, double y) {
    static const double C1 = 4.16666666666666019037e-02, /* 0x3FA55555, 0x5555554C */
        C2 = -1.38888888888741095749e-03,                /* 0xBF56C16C, 0x16C15177 */
        C3 = 2.48015872894767294178e-05,                 /* 0x3EFA01A0, 0x19CB1590 */
        C4 = -2.75573143513906633035e-07,                /* 0xBE927E4F, 0x809C52AD */
        C5 = 2.08757232129817482790e-09,                 /* 0x3E21EE9E, 0xBDB4B1C4 */
        C6 = -1.13596475577881948265e-11;                /* 0xBDA8FAE9, 0xBE8838D4 */
    int32_t ix = high_word(x) & 0x7fffffff;
    if (ix < 0x3e400000 && (int)x == 0) /* |x| < 2^-27 */
        return 1.0;
    double z = x * x;
    double r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
    if (ix < 0x3FD33333) /* |x| < 0.3 */
        return 1.0 - (0.5 * z - (z * r - x * y));
    double qx = ix > 0x3fe90000 ? 0.28125 : from_words((uint32_t)(ix - 0x00200000), 0);
    double hz = 0.5 * z - qx, a = 1.0 - qx;
    return a - (hz - (z * r - x * y));
}

/* tan(x + y) on [-pi/4, pi/4] (iy = 1), or -1/tan(x + y) (iy = -1). For |x| >= 0.6744,
 * tan(pi/4 - x') = (1 - tan x') / (1 + tan x') with the small x' = pi/4 - x; the
 * polynomial is x + T0 x^3 + ... + T12 x^27, evaluated as an odd and an even half. */
static double kernel_tan(double x, double y, int iy) {
    static const double T[] = {
        3.33333333333334091986e-01,  /* 0x3FD55555, 0x55555563 */
        1.33333333333201242699e-01,  /* 0x3FC11111, 0x1110FE7A */
        5.39682539762260521377e-02,  /* 0x3FABA1BA, 0x1BB341FE */
        2.18694882948595424599e-02,  /* 0x3F9664F4, 0x8406D637 */
        8.86323982359930005737e-03,  /* 0x3F8226E3, 0xE96E8493 */
        3.59207910759131235356e-03,  /* 0x3F6D6D22, 0xC9560328 */
        1.45620945432529025516e-03,  /* 0x3F57DBC8, 0xFEE08315 */
        5.88041240820264096874e-04,  /* 0x3F4344D8, 0xF2F26501 */
        2.46463134818469906812e-04,  /* 0x3F3026F7, 0x1A8D1068 */
        7.81794442939557092300e-05,  /* 0x3F147E88, 0xA03792A6 */
        7.14072491382608190305e-05,  /* 0x3F12B80F, 0x32F0A7E9 */
        -1.85586374855275456654e-05, /* 0xBEF375CB, 0xDB605373 */
        2.59073051863633712884e-05,  /* 0x3EFB2A70, 0x74BF7AD4 */
    };
    static const double pio4 = 7.85398163397448278999e-01, /* 0x3FE921FB, 0x54442D18 */
        pio4lo = 3.06161699786838301793e-17;               /* 0x3C81A626, 0x33145C07 */
    double z, r, v, w, s;
    int32_t hx = high_word(x), ix = hx & 0x7fffffff;

    if (ix < 0x3e300000 && (int)x == 0) { /* |x| < 2^-28 */
        if (((uint32_t)ix | low_word(x) | (uint32_t)(iy + 1)) == 0)
            return 1.0 / fabs(x);
        if (iy == 1)
            return x;
        /* -1/(x + y), with the division corrected by one Newton step */
        double a, t;
        z = w = x + y;
        z = with_low_word(z, 0);
        v = y - (z - x);
        t = a = -1.0 / w;
        t = with_low_word(t, 0);
        s = 1.0 + t * z;
        return t + a * (s + t * v);
    }
    if (ix >= 0x3FE59428) { /* |x| >= 0.6744 */
        if (hx < 0) {
            x = -x;
            y = -y;
        }
        z = pio4 - x;
        w = pio4lo - y;
        x = z + w;
        y = 0.0;
    }
    z = x * x;
    w = z * z;
    r = T[1] + w * (T[3] + w * (T[5] + w * (T[7] + w * (T[9] + w * T[11]))));
    v = z * (T[2] + w * (T[4] + w * (T[6] + w * (T[8] + w * (T[10] + w * T[12])))));
    s = z * x;
    r = y + z * (s * (r + v) + y);
    r += T[0] * s;
    w = x + r;
    if (ix >= 0x3FE59428) {
        v = (double)iy;
        return (double)(1 - ((hx >> 30) & 2)) * (v - 2.0 * (x - (w * w / (w + v) - r)));
    }
    if (iy == 1)
        return w;
    /* -1/(x + r), corrected as above */
    double a, t;
    z = with_low_word(w, 0);
    v = r - (z - x);
    t = a = -1.0 / w;
    t = with_low_word(t, 0);
    s = 1.0 + t * z;
    return t + a * (s + t * v);
}

double mathlib_sin(double x) {
    int32_t ix = high_word(x) & 0x7fffffff;
    if (ix <= 0x3fe921fb)
        return kernel_sin(x, 0.0, 0);
    if (ix >= 0x7ff00000)
        return x - x;
    double y[2];
    switch (rem_pio2(x, y) & 3) {
    case 0: return kernel_sin(y[0], y[1], 1);
    case 1: return kernel_cos(y[0], y[1]);
    case 2: return -kernel_sin(y[0], y[1], 1);
    default: return -kernel_cos(y[0], y[1]);
    }
}

double mathlib_cos(double x) {
    int32_t ix = high_word(x) & 0x7fffffff;
    if (ix <= 0x3fe921fb)
        return kernel_cos(x, 0.0);
    if (ix >= 0x7ff00000)
        return x - x;
    double y[2];
    switch (rem_pio2(x, y) & 3) {
    case 0: return kernel_cos(y[0], y[1]);
    case 1: return -kernel_sin(y[0], y[1], 1);
    case 2: return -kernel_cos(y[0], y[1]);
    default: return kernel_sin(y[0], y[1], 1);
    }
}

double mathlib_tan(double x) {
    int32_t ix = high_word(x) & 0x7fffffff;
    if (ix <= 0x3fe921fb)
        return kernel_tan(x, 0.0, 1);
    if (ix >= 0x7ff00000)
        return x - x;
    double y[2];
    int n = rem_pio2(x, y);
    return kernel_tan(y[0], y[1], 1 - ((n & 1) << 1));
}

/* ==== asin, acos, atan, atan2 =========================================================== */

static const double pio2_hi = 1.57079632679489655800e+00, /* 0x3FF921FB, 0x54442D18 */
    pio2_lo = 6.12323399573676603587e-17,                 /* 0x3C91A626, 0x33145C07 */
    pio4_hi = 7.85398163397448278999e-01,                 /* 0x3FE921FB, 0x54442D18 */
    pi_hi = 3.14159265358979311600e+00;                   /* 0x400921FB, 0x54442D18 */

/* (asin(sqrt t) / sqrt t - 1) / t ... as the rational minimax R(t) = t P(t) / Q(t) with
 * asin(x) = x + x R(x^2), shared by asin and acos. */
static double asin_rational(double t) {
    static const double pS0 = 1.66666666666666657415e-01, /* 0x3FC55555, 0x55555555 */
        pS1 = -3.25565818622400915405e-01,                /* 0xBFD4D612, 0x03EB6F7D */
        pS2 = 2.01212532134862925881e-01,                 /* 0x3FC9C155, 0x0E884455 */
        pS3 = -4.00555345006794114027e-02,                /* 0xBFA48228, 0xB5688F3B */
        pS4 = 7.91534994289814532176e-04,                 /* 0x3F49EFE0, 0x7501B288 */
        pS5 = 3.47933107596021167570e-05,                 /* 0x3F023DE1, 0x0DFDF709 */
        qS1 = -2.40339491173441421878e+00,                /* 0xC0033A27, 0x1C8A2D4B */
        qS2 = 2.02094576023350569471e+00,                 /* 0x40002AE5, 0x9C598AC8 */
        qS3 = -6.88283971605453293030e-01,                /* 0xBFE6066C, 0x1B8D0159 */
        qS4 = 7.70381505559019352791e-02;                 /* 0x3FB3B8C5, 0xB12E9282 */
    double p = t * (pS0 + t * (pS1 + t * (pS2 + t * (pS3 + t * (pS4 + t * pS5)))));
    double q = 1.0 + t * (qS1 + t * (qS2 + t * (qS3 + t * qS4)));
    return p / q;
}

/* asin: x + x R(x^2) for |x| < 0.5; above, asin(x) = pi/2 - 2 asin(sqrt((1-|x|)/2)),
 * with sqrt split into a 32-bit head and a correction for |x| <= 0.975. */
double mathlib_asin(double x) {
    int32_t hx = high_word(x), ix = hx & 0x7fffffff;
    if (ix >= 0x3ff00000) { /* |x| >= 1 */
        if (((uint32_t)(ix - 0x3ff00000) | low_word(x)) == 0)
            return x * pio2_hi + x * pio2_lo;
        return (x - x) / (x - x);
    }
    if (ix < 0x3fe00000) { /* |x| < 0.5 */
        if (ix < 0x3e400000 && huge + x > 1.0) /* |x| < 2^-27 */
            return x;
        return x + x * asin_rational(x * x);
    }
    double w = 1.0 - fabs(x), t = w * 0.5;
    double r = asin_rational(t); /* p/q */
    double s = sqrt(t);
    if (ix >= 0x3FEF3333) { /* |x| > 0.975 */
        t = pio2_hi - (2.0 * (s + s * r) - pio2_lo);
    } else {
        w = with_low_word(s, 0);
        double c = (t - w * w) / (s + w);
        double p = 2.0 * s * r - (pio2_lo - 2.0 * c);
        double q = pio4_hi - 2.0 * w;
        t = pio4_hi - (p - q);
    }
    return hx > 0 ? t : -t;
}

/* acos: pi/2 - (x + x R(x^2)) for |x| < 0.5; above, 2 asin(sqrt((1-|x|)/2)) or pi minus
 * it, with the same sqrt head/tail split for x > 0.5. */
double mathlib_acos(double x) {
    int32_t hx = high_word(x), ix = hx & 0x7fffffff;
    if (ix >= 0x3ff00000) { /* |x| >= 1 */
        if (((uint32_t)(ix - 0x3ff00000) | low_word(x)) == 0)
            return hx > 0 ? 0.0 : pi_hi + 2.0 * pio2_lo;
        return (x - x) / (x - x);
    }
    if (ix < 0x3fe00000) { /* |x| < 0.5 */
        if (ix <= 0x3c600000) /* |x| < 2^-57 */
            return pio2_hi + pio2_lo;
        double r = asin_rational(x * x);
        return pio2_hi - (x - (pio2_lo - x * r));
    }
    if (hx < 0) { /* x < -0.5 */
        double z = (1.0 + x) * 0.5;
        double r = asin_rational(z);
        double s = sqrt(z);
        double w = r * s - pio2_lo;
        return pi_hi - 2.0 * (s + w);
    }
    double z = (1.0 - x) * 0.5;
    double s = sqrt(z);
    double df = with_low_word(s, 0);
    double c = (z - df * df) / (s + df);
    double r = asin_rational(z);
    double w = r * s + c;
    return 2.0 * (df + w);
}

/* atan: reduce |x| to |t| <= 7/16 by atan(x) = atan(c) + atan((x - c)/(1 + x c)) for
 * c = 0.5, 1, 1.5, Infinity (by range), then the odd minimax polynomial of degree 23,
 * split into odd and even halves in z = t^2. */
double mathlib_atan(double x) {
    static const double atanhi[] = {
        4.63647609000806093515e-01, /* atan(0.5) hi 0x3FDDAC67, 0x0561BB4F */
        7.85398163397448278999e-01, /* atan(1.0) hi 0x3FE921FB, 0x54442D18 */
        9.82793723247329054082e-01, /* atan(1.5) hi 0x3FEF730B, 0xD281F69B */
        1.57079632679489655800e+00, /* atan(inf) hi 0x3FF921FB, 0x54442D18 */
    };
    static const double atanlo[] = {
        2.26987774529616870924e-17, /* atan(0.5) lo 0x3C7A2B7F, 0x222F65E2 */
        3.06161699786838301793e-17, /* atan(1.0) lo 0x3C81A626, 0x33145C07 */
        1.39033110312309984516e-17, /* atan(1.5) lo 0x3C700788, 0x7AF0CBBD */
        6.12323399573676603587e-17, /* atan(inf) lo 0x3C91A626, 0x33145C07 */
    };
    static const double aT[] = {
        3.33333333333329318027e-01,  /* 0x3FD55555, 0x5555550D */
        -1.99999999998764832476e-01, /* 0xBFC99999, 0x9998EBC4 */
        1.42857142725034663711e-01,  /* 0x3FC24924, 0x920083FF */
        -1.11111104054623557880e-01, /* 0xBFBC71C6, 0xFE231671 */
        9.09088713343650656196e-02,  /* 0x3FB745CD, 0xC54C206E */
        -7.69187620504482999495e-02, /* 0xBFB3B0F2, 0xAF749A6D */
        6.66107313738753120669e-02,  /* 0x3FB10D66, 0xA0D03D51 */
        -5.83357013379057348645e-02, /* 0xBFADDE2D, 0x52DEFD9A */
        4.97687799461593236017e-02,  /* 0x3FA97B4B, 0x24760DEB */
        -3.65315727442169155270e-02, /* 0xBFA2B444, 0x2C6A6C2F */
        1.62858201153657823623e-02,  /* 0x3F90AD3A, 0xE322DA11 */
    };
    int32_t hx = high_word(x), ix = hx & 0x7fffffff;
    int id;
    if (ix >= 0x44100000) { /* |x| >= 2^66 */
        if (ix > 0x7ff00000 || (ix == 0x7ff00000 && low_word(x) != 0))
            return x + x; /* NaN */
        return hx > 0 ? atanhi[3] + atanlo[3] : -atanhi[3] - atanlo[3];
    }
    if (ix < 0x3fdc0000) { /* |x| < 0.4375 */
        if (ix < 0x3e400000 && huge + x > 1.0) /* |x| < 2^-27 */
            return x;
        id = -1;
    } else {
        x = fabs(x);
        if (ix < 0x3ff30000) {     /* |x| < 1.1875 */
            if (ix < 0x3fe60000) { /* 7/16 <= |x| < 11/16 */
                id = 0;
                x = (2.0 * x - 1.0) / (2.0 + x);
            } else { /* 11/16 <= |x| < 19/16 */
                id = 1;
                x = (x - 1.0) / (x + 1.0);
            }
        } else if (ix < 0x40038000) { /* |x| < 2.4375 */
            id = 2;
            x = (x - 1.5) / (1.0 + 1.5 * x);
        } else { /* 2.4375 <= |x| < 2^66 */
            id = 3;
            x = -1.0 / x;
        }
    }
    double z = x * x, w = z * z;
    double s1 = z * (aT[0] + w * (aT[2] + w * (aT[4] + w * (aT[6] + w * (aT[8] + w * aT[10])))));
    double s2 = w * (aT[1] + w * (aT[3] + w * (aT[5] + w * (aT[7] + w * aT[9]))));
    if (id < 0)
        return x - x * (s1 + s2);
    z = atanhi[id] - ((x * (s1 + s2) - atanlo[id]) - x);
    return hx < 0 ? -z : z;
}

/* atan2: the quadrant from the signs (m = 2 sign(x) + sign(y)), the special values of
 * #sec-math.atan2, and atan(|y/x|) corrected by pi with its low part pi_lo. */
double mathlib_atan2(double y, double x) {
    static const double pi_o_4 = 7.8539816339744827900e-01, /* 0x3FE921FB, 0x54442D18 */
        pi_o_2 = 1.5707963267948965580e+00,                 /* 0x3FF921FB, 0x54442D18 */
        pi = 3.1415926535897931160e+00,                     /* 0x400921FB, 0x54442D18 */
        pi_lo = 1.2246467991473531772e-16;                  /* 0x3CA1A626, 0x33145C07 */
    if (isnan(x) || isnan(y))
        return x + y;
    int32_t hx = high_word(x), ix = hx & 0x7fffffff;
    int32_t hy = high_word(y), iy = hy & 0x7fffffff;
    uint32_t lx = low_word(x), ly = low_word(y);
    if ((((uint32_t)hx - 0x3ff00000u) | lx) == 0) /* x = 1 */
        return mathlib_atan(y);
    int m = ((hy >> 31) & 1) | ((hx >> 30) & 2);

    if (((uint32_t)iy | ly) == 0) { /* y = +-0 */
        switch (m) {
        case 0:
        case 1: return y;
        case 2: return pi + tiny;
        default: return -pi - tiny;
        }
    }
    if (((uint32_t)ix | lx) == 0) /* x = +-0 */
        return hy < 0 ? -pi_o_2 - tiny : pi_o_2 + tiny;
    if (ix == 0x7ff00000) { /* x = +-Infinity */
        if (iy == 0x7ff00000) {
            switch (m) {
            case 0: return pi_o_4 + tiny;
            case 1: return -pi_o_4 - tiny;
            case 2: return 3.0 * pi_o_4 + tiny;
            default: return -3.0 * pi_o_4 - tiny;
            }
        }
        switch (m) {
        case 0: return 0.0;
        case 1: return -0.0;
        case 2: return pi + tiny;
        default: return -pi - tiny;
        }
    }
    if (iy == 0x7ff00000) /* y = +-Infinity */
        return hy < 0 ? -pi_o_2 - tiny : pi_o_2 + tiny;

    double z;
    int32_t k = (iy - ix) >> 20;
    if (k > 60) { /* |y/x| > 2^60 */
        z = pi_o_2 + 0.5 * pi_lo;
        m &= 1;
    } else if (hx < 0 && k < -60) { /* |y/x| < 2^-60 and x < 0 */
        z = 0.0;
    } else {
        z = mathlib_atan(fabs(y / x));
    }
    switch (m) {
    case 0: return z;
    case 1: return -z;
    case 2: return pi - (z - pi_lo);
    default: return (z - pi_lo) - pi;
    }
}

/* ==== exp, expm1 ======================================================================== */

static const double ln2_hi = 6.93147180369123816490e-01, /* 0x3fe62e42, 0xfee00000 */
    ln2_lo = 1.90821492927058770002e-10,                 /* 0x3dea39ef, 0x35793c76 */
    invln2 = 1.44269504088896338700e+00,                 /* 0x3ff71547, 0x652b82fe */
    o_threshold = 7.09782712893383973096e+02;            /* 0x40862E42, 0xFEFA39EF */

/* exp: x = k ln2 + r with |r| <= ln2/2 (ln2 split into a 32-bit head and a tail, so k ln2_hi
 * is exact); exp(r) = 1 + r + r c(r)/(2 - c(r)) with c(r) = r - r^2 (P1 + ... + P5 r^8),
 * the Remez approximation of r (e^r + 1)/(e^r - 1); then scale by 2^k. */
double mathlib_exp(double x) {
    static const double P1 = 1.66666666666666019037e-01, /* 0x3FC55555, 0x5555553E */
        P2 = -2.77777777770155933842e-03,                /* 0xBF66C16C, 0x16BEBD93 */
        P3 = 6.61375632143793436117e-05,                 /* 0x3F11566A, 0xAF25DE2C */
        P4 = -1.65339022054652515390e-06,                /* 0xBEBBBD41, 0xC5D26BF1 */
        P5 = 4.13813679705723846039e-08,                 /* 0x3E663769, 0x72BEA4D0 */
        u_threshold = -7.45133219101941108420e+02,       /* 0xc0874910, 0xD52D3051 */
        E = 2.718281828459045,                           /* 0x4005bf0a, 0x8b145769 */
        twom1000 = 9.33263618503218878990e-302,          /* 2^-1000 */
        two1023 = 8.988465674311579539e307;              /* 2^1023 */
    double hi = 0, lo = 0, c, t, y, twopk;
    int32_t k = 0;
    int32_t hx = high_word(x);
    int xsb = (hx >> 31) & 1;
    hx &= 0x7fffffff;

    if (hx >= 0x40862E42) { /* |x| >= 709.78 */
        if (hx >= 0x7ff00000) {
            if (((hx & 0xfffff) | (int32_t)low_word(x)) != 0)
                return x + x; /* NaN */
            return xsb == 0 ? x : 0.0;
        }
        if (x > o_threshold)
            return huge * huge;
        if (x < u_threshold)
            return twom1000 * twom1000;
    }
    if (hx > 0x3fd62e42) {     /* |x| > ln2/2 */
        if (hx < 0x3FF0A2B2) { /* and |x| < 3 ln2/2 */
            if (x == 1.0)      /* V8 returns Math.E exactly here (the algorithm is 1 ulp off) */
                return E;
            hi = xsb ? x + ln2_hi : x - ln2_hi;
            lo = xsb ? -ln2_lo : ln2_lo;
            k = 1 - xsb - xsb;
        } else {
            k = (int32_t)(invln2 * x + (xsb ? -0.5 : 0.5));
            t = (double)k;
            hi = x - t * ln2_hi;
            lo = t * ln2_lo;
        }
        x = hi - lo;
    } else if (hx < 0x3e300000) { /* |x| < 2^-28 */
        if (huge + x > 1.0)
            return 1.0 + x;
    } else {
        k = 0;
    }

    t = x * x;
    if (k >= -1021)
        twopk = from_words(0x3ff00000u + ((uint32_t)k << 20), 0);
    else
        twopk = from_words(0x3ff00000u + ((uint32_t)(k + 1000) << 20), 0);
    c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    if (k == 0)
        return 1.0 - ((x * c) / (c - 2.0) - x);
    y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
    if (k >= -1021) {
        if (k == 1024)
            return y * 2.0 * two1023;
        return y * twopk;
    }
    return y * twopk * twom1000;
}

/* expm1: the same reduction x = k ln2 + r (keeping the rounding error c of r), then
 * e^r - 1 = r + r^2/2 + r^3/2 (3 - R1 r/2 ... ) from the even rational approximation
 * R1(r^2/2) = 1 + Q1 z + ... + Q5 z^5, and 2^k (e^r - 1) + (2^k - 1) assembled so that no
 * large cancellation happens (the case split on k). */
double mathlib_expm1(double x) {
    static const double Q1 = -3.33333333333331316428e-02, /* 0xBFA11111, 0x111110F4 */
        Q2 = 1.58730158725481460165e-03,                  /* 0x3F5A01A0, 0x19FE5585 */
        Q3 = -7.93650757867487942473e-05,                 /* 0xBF14CE19, 0x9EAADBB7 */
        Q4 = 4.00821782732936239552e-06,                  /* 0x3ED0CFCA, 0x86E65239 */
        Q5 = -2.01099218183624371326e-07;                 /* 0xBE8AFDB7, 0x6E09C32D */
    double y, hi, lo, c = 0, t, e, hxs, hfx, r1, twopk;
    int32_t k;
    int32_t hx = high_word(x);
    uint32_t xsb = (uint32_t)hx & 0x80000000;
    hx &= 0x7fffffff;

    if (hx >= 0x4043687A) {     /* |x| >= 56 ln2 */
        if (hx >= 0x40862E42) { /* |x| >= 709.78 */
            if (hx >= 0x7ff00000) {
                if (((hx & 0xfffff) | (int32_t)low_word(x)) != 0)
                    return x + x;
                return xsb == 0 ? x : -1.0;
            }
            if (x > o_threshold)
                return huge * huge;
        }
        if (xsb != 0 && x + tiny < 0.0) /* x < -56 ln2 */
            return tiny - 1.0;
    }
    if (hx > 0x3fd62e42) {     /* |x| > ln2/2 */
        if (hx < 0x3FF0A2B2) { /* and |x| < 3 ln2/2 */
            if (xsb == 0) {
                hi = x - ln2_hi;
                lo = ln2_lo;
                k = 1;
            } else {
                hi = x + ln2_hi;
                lo = -ln2_lo;
                k = -1;
            }
        } else {
            k = (int32_t)(invln2 * x + (xsb == 0 ? 0.5 : -0.5));
            t = (double)k;
            hi = x - t * ln2_hi;
            lo = t * ln2_lo;
        }
        x = hi - lo;
        c = (hi - x) - lo;
    } else if (hx < 0x3c900000) { /* |x| < 2^-54 */
        t = huge + x;
        return x - (t - (huge + x));
    } else {
        k = 0;
    }

    hfx = 0.5 * x;
    hxs = x * hfx;
    r1 = 1.0 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
    t = 3.0 - r1 * hfx;
    e = hxs * ((r1 - t) / (6.0 - x * t));
    if (k == 0)
        return x - (x * e - hxs);
    twopk = from_words(0x3ff00000u + ((uint32_t)k << 20), 0);
    e = (x * (e - c) - c);
    e -= hxs;
    if (k == -1)
        return 0.5 * (x - e) - 0.5;
    if (k == 1) {
        if (x < -0.25)
            return -2.0 * (e - (x + 0.5));
        return 1.0 + 2.0 * (x - e);
    }
    if (k <= -2 || k > 56) { /* e^x - 1 = e^x to working precision */
        y = 1.0 - (e - x);
        if (k == 1024)
            y = y * 2.0 * 8.98846567431158e+307;
        else
            y = y * twopk;
        return y - 1.0;
    }
    if (k < 20) {
        t = from_words((uint32_t)(0x3ff00000 - (0x200000 >> k)), 0); /* 1 - 2^-k */
        y = t - (e - x);
        y = y * twopk;
    } else {
        t = from_words((uint32_t)((0x3ff - k) << 20), 0); /* 2^-k */
        y = x - (e + t);
        y += 1.0;
        y = y * twopk;
    }
    return y;
}

/* ==== log, log1p, log2, log10 =========================================================== */

/* The minimax polynomial in z = s^2 for (log(1+f) - 2s)/s - ... where s = f/(2+f):
 * log(1+f) = 2s + s R(z), R(z) = Lg1 z + ... + Lg7 z^7. */
static const double Lg1 = 6.666666666666735130e-01, /* 0x3FE55555, 0x55555593 */
    Lg2 = 3.999999999940941908e-01,                 /* 0x3FD99999, 0x9997FA04 */
    Lg3 = 2.857142874366239149e-01,                 /* 0x3FD24924, 0x94229359 */
    Lg4 = 2.222219843214978396e-01,                 /* 0x3FCC71C5, 0x1D8E78AF */
    Lg5 = 1.818357216161805012e-01,                 /* 0x3FC74664, 0x96CB03DE */
    Lg6 = 1.531383769920937332e-01,                 /* 0x3FC39A09, 0xD078C69F */
    Lg7 = 1.479819860511658591e-01;                 /* 0x3FC2F112, 0xDF3E5244 */

static const double two54 = 1.80143985094819840000e+16; /* 0x43500000, 0x00000000 */

/* log: x = 2^k (1 + f) with sqrt(2)/2 < 1 + f < sqrt(2), then log(1+f) = f - (f^2/2 -
 * s (f^2/2 + R)) (or f - s (f - R) near the ends of the range), plus k ln2 in two parts. */
double mathlib_log(double x) {
    double hfsq, f, s, z, R, w, t1, t2, dk;
    int32_t k = 0, hx = high_word(x), i, j;
    uint32_t lx = low_word(x);

    if (hx < 0x00100000) { /* x < 2^-1022 */
        if (((hx & 0x7fffffff) | (int32_t)lx) == 0)
            return -INFINITY; /* log(+-0) */
        if (hx < 0)
            return NAN; /* log(negative) */
        k -= 54;
        x *= two54; /* subnormal: scale up */
        hx = high_word(x);
    }
    if (hx >= 0x7ff00000)
        return x + x;
    k += (hx >> 20) - 1023;
    hx &= 0x000fffff;
    i = (hx + 0x95f64) & 0x100000;
    x = with_high_word(x, (uint32_t)(hx | (i ^ 0x3ff00000))); /* normalize x or x/2 */
    k += i >> 20;
    f = x - 1.0;
    if ((0x000fffff & (2 + hx)) < 3) { /* -2^-20 <= f < 2^-20 */
        if (f == 0.0) {
            if (k == 0)
                return 0.0;
            dk = (double)k;
            return dk * ln2_hi + dk * ln2_lo;
        }
        R = f * f * (0.5 - 0.33333333333333333 * f);
        if (k == 0)
            return f - R;
        dk = (double)k;
        return dk * ln2_hi - ((R - dk * ln2_lo) - f);
    }
    s = f / (2.0 + f);
    dk = (double)k;
    z = s * s;
    i = hx - 0x6147a;
    w = z * z;
    j = 0x6b851 - hx;
    t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
    t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
    i |= j;
    R = t2 + t1;
    if (i > 0) {
        hfsq = 0.5 * f * f;
        if (k == 0)
            return f - (hfsq - s * (hfsq + R));
        return dk * ln2_hi - ((hfsq - (s * (hfsq + R) + dk * ln2_lo)) - f);
    }
    if (k == 0)
        return f - s * (f - R);
    return dk * ln2_hi - ((s * (f - R) - dk * ln2_lo) - f);
}

/* log1p: for 1 + x in [sqrt(2)/2, sqrt(2)) directly f = x; otherwise u = 1 + x rounded,
 * with the rounding error c/u carried as a correction, and reduced as in log. */
double mathlib_log1p(double x) {
    double hfsq, f = 0, c = 0, s, z, R, u;
    int32_t k = 1, hx = high_word(x), hu = 0;
    int32_t ax = hx & 0x7fffffff;

    if (hx < 0x3FDA827A) {      /* 1 + x < sqrt(2)+ */
        if (ax >= 0x3ff00000) { /* x <= -1 */
            if (x == -1.0)
                return -INFINITY;
            return (x - x) / (x - x);
        }
        if (ax < 0x3e200000) { /* |x| < 2^-29 */
            if (two54 + x > 0.0 && ax < 0x3c900000) /* |x| < 2^-54 */
                return x;
            return x - x * x * 0.5;
        }
        if (hx > 0 || hx <= (int32_t)0xbfd2bec4) { /* sqrt(2)/2- <= 1 + x < sqrt(2)+ */
            k = 0;
            f = x;
            hu = 1;
        }
    }
    if (hx >= 0x7ff00000)
        return x + x;
    if (k != 0) {
        if (hx < 0x43400000) {
            u = 1.0 + x;
            hu = high_word(u);
            k = (hu >> 20) - 1023;
            c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0); /* the rounding error of 1 + x */
            c /= u;
        } else {
            u = x;
            hu = high_word(u);
            k = (hu >> 20) - 1023;
            c = 0;
        }
        hu &= 0x000fffff;
        if (hu < 0x6a09e) { /* u < sqrt(2) */
            u = with_high_word(u, (uint32_t)(hu | 0x3ff00000));
        } else {
            k += 1;
            u = with_high_word(u, (uint32_t)(hu | 0x3fe00000)); /* u/2 */
            hu = (0x00100000 - hu) >> 2;
        }
        f = u - 1.0;
    }
    hfsq = 0.5 * f * f;
    if (hu == 0) { /* |f| < 2^-20 */
        if (f == 0.0) {
            if (k == 0)
                return 0.0;
            c += k * ln2_lo;
            return k * ln2_hi + c;
        }
        R = hfsq * (1.0 - 0.66666666666666666 * f);
        if (k == 0)
            return f - R;
        return k * ln2_hi - ((R - (k * ln2_lo + c)) - f);
    }
    s = f / (2.0 + f);
    z = s * s;
    R = z * (Lg1 + z * (Lg2 + z * (Lg3 + z * (Lg4 + z * (Lg5 + z * (Lg6 + z * Lg7))))));
    if (k == 0)
        return f - (hfsq - s * (hfsq + R));
    return k * ln2_hi - ((hfsq - (s * (hfsq + R) + (k * ln2_lo + c))) - f);
}

/* log(1+f) - f + f^2/2 for f in [sqrt(2)/2 - 1, sqrt(2) - 1]: s (f^2/2 + R(s^2)). */
static double log1p_tail(double f) {
    double s = f / (2.0 + f);
    double z = s * s, w = z * z;
    double t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
    double t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
    double R = t2 + t1;
    double hfsq = 0.5 * f * f;
    return s * (hfsq + R);
}

/* log2 (FreeBSD's method): the log reduction, then (f - f^2/2 + tail) / ln2 computed with
 * f - f^2/2 split into a 32-bit head and a tail, and 1/ln2 likewise, and k added last
 * with its rounding error kept. */
double mathlib_log2(double x) {
    static const double ivln2hi = 1.44269504072144627571e+00, /* 0x3ff71547, 0x65200000 */
        ivln2lo = 1.67517131648865118353e-10;                 /* 0x3de705fc, 0x2eefa200 */
    double f, hfsq, hi, lo, r, val_hi, val_lo, w, y;
    int32_t i, k = 0, hx = high_word(x);
    uint32_t lx = low_word(x);

    if (hx < 0x00100000) { /* x < 2^-1022 */
        if (((hx & 0x7fffffff) | (int32_t)lx) == 0)
            return -INFINITY;
        if (hx < 0)
            return NAN;
        k -= 54;
        x *= two54;
        hx = high_word(x);
    }
    if (hx >= 0x7ff00000)
        return x + x;
    if (hx == 0x3ff00000 && lx == 0)
        return 0.0;
    k += (hx >> 20) - 1023;
    hx &= 0x000fffff;
    i = (hx + 0x95f64) & 0x100000;
    x = with_high_word(x, (uint32_t)(hx | (i ^ 0x3ff00000)));
    k += i >> 20;
    y = (double)k;
    f = x - 1.0;
    hfsq = 0.5 * f * f;
    r = log1p_tail(f);
    hi = f - hfsq;
    hi = with_low_word(hi, 0);
    lo = (f - hi) - hfsq + r;
    val_hi = hi * ivln2hi;
    val_lo = (lo + hi) * ivln2lo + lo * ivln2hi;
    w = y + val_hi;
    val_lo += (y - w) + val_hi;
    val_hi = w;
    return val_lo + val_hi;
}

/* log10 (fdlibm's method): x = 2^n m with m in [1, 2) (or [1/2, 1) when n < 0, so that
 * n + 1 and log(m) do not cancel), log10(x) = n log10(2) + log(m) / ln10, log10(2) split
 * into a head with trailing zeros and a tail. */
double mathlib_log10(double x) {
    static const double ivln10 = 4.34294481903251816668e-01, /* 0x3FDBCB7B, 0x1526E50E */
        log10_2hi = 3.01029995663611771306e-01,              /* 0x3FD34413, 0x509F6000 */
        log10_2lo = 3.69423907715893078616e-13;              /* 0x3D59FEF3, 0x11F12B36 */
    int32_t k = 0, hx = high_word(x);
    uint32_t lx = low_word(x);

    if (hx < 0x00100000) { /* x < 2^-1022 */
        if (((hx & 0x7fffffff) | (int32_t)lx) == 0)
            return -INFINITY;
        if (hx < 0)
            return NAN;
        k -= 54;
        x *= two54;
        hx = high_word(x);
        lx = low_word(x);
    }
    if (hx >= 0x7ff00000)
        return x + x;
    if (hx == 0x3ff00000 && lx == 0)
        return 0.0;
    k += (hx >> 20) - 1023;
    int32_t i = k < 0 ? 1 : 0;
    hx = (hx & 0x000fffff) | ((0x3ff - i) << 20);
    double y = (double)(k + i);
    x = from_words((uint32_t)hx, lx);
    double z = y * log10_2lo + ivln10 * mathlib_log(x);
    return z + y * log10_2hi;
}

/* ==== cbrt ============================================================================== */

/* cbrt (FreeBSD's method): a 5-bit estimate from dividing the exponent by 3 in the bit
 * pattern, a polynomial step to 23 bits (P approximates 1/cbrt on the reduced range),
 * rounding away from zero to 23 bits so that t*t is exact, then one Newton step. */
double mathlib_cbrt(double x) {
    static const uint32_t B1 = 715094163, /* (1023 - 1023/3 - 0.03306235651) 2^20 */
        B2 = 696219795;                   /* (1023 - 1023/3 - 54/3 - 0.03306235651) 2^20 */
    static const double P0 = 1.87595182427177009643, /* 0x3ffe03e6, 0x0f61e692 */
        P1 = -1.88497979543377169875,                /* 0xbffe28e0, 0x92f02420 */
        P2 = 1.621429720105354466140,                /* 0x3ff9f160, 0x4a49d6c2 */
        P3 = -0.758397934778766047437,               /* 0xbfe844cb, 0xbee751d9 */
        P4 = 0.145996192886612446982;                /* 0x3fc2b000, 0xd4e4edd7 */
    int32_t hx = high_word(x);
    uint32_t sign = (uint32_t)hx & 0x80000000;
    uint32_t ux = (uint32_t)hx ^ sign;
    double r, s, t, w;

    if (ux >= 0x7ff00000)
        return x + x; /* NaN, +-Infinity */
    if (ux < 0x00100000) { /* zero or subnormal */
        if ((ux | low_word(x)) == 0)
            return x;
        t = x * from_words(0x43500000, 0); /* 2^54 */
        uint32_t high = (uint32_t)high_word(t);
        t = from_words(sign | ((high & 0x7fffffff) / 3 + B2), 0);
    } else {
        t = from_words(sign | (ux / 3 + B1), 0);
    }

    r = (t * t) * (t / x);
    t = t * ((P0 + r * (P1 + r * P2)) + ((r * r) * r) * (P3 + r * P4));

    t = double_of((bits_of(t) + 0x80000000u) & 0xffffffffc0000000ull);

    s = t * t;
    r = x / s;
    w = t + t;
    r = (r - t) / (w + r);
    return t + t * r;
}

/* ==== sinh, cosh, tanh, asinh, acosh, atanh ============================================= */

static const double ksinh_overflow = 710.4758600739439; /* where 0.5 e^x exceeds MAX_VALUE */

/* sinh: (E + E/(E+1))/2 with E = expm1(|x|) for |x| < 22, then e^|x|/2, then
 * (e^(|x|/2)/2) e^(|x|/2) near the overflow threshold. */
double mathlib_sinh(double x) {
    static const double two_m28 = 3.725290298461914e-9, /* 2^-28 */
        log_maxd = 709.7822265625,                      /* 0x40862E42, 0x00000000 */
        shuge = 1.0e307;
    double h = x < 0 ? -0.5 : 0.5;
    double ax = fabs(x);
    if (ax < 22) {
        if (ax < two_m28)
            return x;
        double t = mathlib_expm1(ax);
        if (ax < 1)
            return h * (2.0 * t - t * t / (t + 1.0));
        return h * (t + t / (t + 1.0));
    }
    if (ax < log_maxd)
        return h * mathlib_exp(ax);
    if (ax <= ksinh_overflow) {
        double w = mathlib_exp(0.5 * ax);
        double t = h * w;
        return t * w;
    }
    return x * shuge; /* overflow, or NaN */
}

/* cosh: 1 + E^2/(2(1+E)) with E = expm1(|x|) for |x| <= ln2/2, then (e^|x| + 1/e^|x|)/2
 * up to 22, then e^|x|/2, and the split form near overflow. */
double mathlib_cosh(double x) {
    int32_t ix = high_word(x) & 0x7fffffff;
    if (ix < 0x3fd62e43) { /* |x| < ln2/2 */
        double t = mathlib_expm1(fabs(x));
        double w = 1.0 + t;
        if (ix < 0x3c800000) /* |x| < 2^-55 */
            return w;
        return 1.0 + (t * t) / (w + w);
    }
    if (ix < 0x40360000) { /* |x| < 22 */
        double t = mathlib_exp(fabs(x));
        return 0.5 * t + 0.5 / t;
    }
    if (ix < 0x40862e42) /* |x| < log(MAX_VALUE) */
        return 0.5 * mathlib_exp(fabs(x));
    if (fabs(x) <= ksinh_overflow) {
        double w = mathlib_exp(0.5 * fabs(x));
        double t = 0.5 * w;
        return t * w;
    }
    if (ix >= 0x7ff00000)
        return x * x; /* NaN, Infinity */
    return huge * huge;
}

/* tanh: 1 - 2/(expm1(2|x|) + 2) for |x| >= 1, -E/(E + 2) with E = expm1(-2|x|) below, +-1
 * from 22 on. */
double mathlib_tanh(double x) {
    int32_t jx = high_word(x), ix = jx & 0x7fffffff;
    double t, z;
    if (ix >= 0x7ff00000) { /* Infinity or NaN */
        if (jx >= 0)
            return 1.0 / x + 1.0;
        return 1.0 / x - 1.0;
    }
    if (ix < 0x40360000) { /* |x| < 22 */
        if (ix < 0x3e300000 && huge + x > 1.0) /* |x| < 2^-28 */
            return x;
        if (ix >= 0x3ff00000) { /* |x| >= 1 */
            t = mathlib_expm1(2.0 * fabs(x));
            z = 1.0 - 2.0 / (t + 2.0);
        } else {
            t = mathlib_expm1(-2.0 * fabs(x));
            z = -t / (t + 2.0);
        }
    } else {
        z = 1.0 - tiny;
    }
    return jx >= 0 ? z : -z;
}

static const double ln2 = 6.93147180559945286227e-01; /* 0x3FE62E42, 0xFEFA39EF */

/* asinh: sign(x) log(|x| + sqrt(x^2 + 1)), as log(|x|) + ln2 for |x| > 2^28, as
 * log(2|x| + 1/(sqrt(x^2+1) + |x|)) above 2, and as log1p(|x| + x^2/(1 + sqrt(1+x^2)))
 * below. */
double mathlib_asinh(double x) {
    int32_t hx = high_word(x), ix = hx & 0x7fffffff;
    double t, w;
    if (ix >= 0x7ff00000)
        return x + x;
    if (ix < 0x3e300000 && huge + x > 1.0) /* |x| < 2^-28 */
        return x;
    if (ix > 0x41b00000) { /* |x| > 2^28 */
        w = mathlib_log(fabs(x)) + ln2;
    } else if (ix > 0x40000000) { /* 2 < |x| <= 2^28 */
        t = fabs(x);
        w = mathlib_log(2.0 * t + 1.0 / (sqrt(x * x + 1.0) + t));
    } else {
        t = x * x;
        w = mathlib_log1p(fabs(x) + t / (1.0 + sqrt(1.0 + t)));
    }
    return hx > 0 ? w : -w;
}

/* acosh: log(x + sqrt(x^2 - 1)) in the three forms matching asinh's ranges. */
double mathlib_acosh(double x) {
    int32_t hx = high_word(x);
    if (hx < 0x3ff00000) /* x < 1 */
        return (x - x) / (x - x);
    if (hx >= 0x41b00000) { /* x >= 2^28 */
        if (hx >= 0x7ff00000)
            return x + x;
        return mathlib_log(x) + ln2;
    }
    if (((uint32_t)(hx - 0x3ff00000) | low_word(x)) == 0)
        return 0.0;
    if (hx > 0x40000000) { /* 2 < x < 2^28 */
        double t = x * x;
        return mathlib_log(2.0 * x - 1.0 / (x + sqrt(t - 1.0)));
    }
    double t = x - 1.0;
    return mathlib_log1p(t + sqrt(2.0 * t + t * t));
}

/* atanh: sign(x) log1p(2|x| / (1 - |x|)) / 2, written for |x| < 0.5 as
 * log1p(2|x| + 2x^2/(1 - |x|)) / 2. */
double mathlib_atanh(double x) {
    int32_t hx = high_word(x), ix = hx & 0x7fffffff;
    uint32_t lx = low_word(x);
    double t;
    if (((uint32_t)ix | ((lx | (0u - lx)) >> 31)) > 0x3ff00000) /* |x| > 1 or NaN */
        return (x - x) / (x - x);
    if (ix == 0x3ff00000)
        return x / 0.0;
    if (ix < 0x3e300000 && huge + x > 0.0) /* |x| < 2^-28 */
        return x;
    x = with_high_word(x, (uint32_t)ix); /* |x| */
    if (ix < 0x3fe00000) {
        t = x + x;
        t = 0.5 * mathlib_log1p(t + t * x / (1.0 - x));
    } else {
        t = 0.5 * mathlib_log1p((x + x) / (1.0 - x));
    }
    return hx >= 0 ? t : -t;
}

/* ==== pow =============================================================================== */

/* x^y = 2^(y log2 x): log2|x| to about 64 bits as t1 + t2 (t1 with 29 trailing zero bits;
 * x = 2^n (1+f), reduced against 1 or 1.5, log2(1+f) from the series in s = f/(2+f)
 * with the minimax L1..L6), y split into 24+29 bits so y log2 x = p_h + p_l is exact
 * enough, overflow and underflow decided from p_h + p_l, then 2^(p_h+p_l) = 2^n e^(r ln2)
 * with exp's polynomial. The special values come first (#sec-numeric-types-number-exponentiate). */
static double fdlibm_pow(double x, double y) {
    static const double bp[] = {1.0, 1.5},
        dp_h[] = {0.0, 5.84962487220764160156e-01},  /* 0x3FE2B803, 0x40000000 */
        dp_l[] = {0.0, 1.35003920212974897128e-08},  /* 0x3E4CFDEB, 0x43CFD006 */
        two53 = 9007199254740992.0,                  /* 0x43400000, 0x00000000 */
        L1 = 5.99999999999994648725e-01,             /* 0x3FE33333, 0x33333303 */
        L2 = 4.28571428578550184252e-01,             /* 0x3FDB6DB6, 0xDB6FABFF */
        L3 = 3.33333329818377432918e-01,             /* 0x3FD55555, 0x518F264D */
        L4 = 2.72728123808534006489e-01,             /* 0x3FD17460, 0xA91D4101 */
        L5 = 2.30660745775561754067e-01,             /* 0x3FCD864A, 0x93C9DB65 */
        L6 = 2.06975017800338417784e-01,             /* 0x3FCA7E28, 0x4A454EEF */
        P1 = 1.66666666666666019037e-01,             /* 0x3FC55555, 0x5555553E */
        P2 = -2.77777777770155933842e-03,            /* 0xBF66C16C, 0x16BEBD93 */
        P3 = 6.61375632143793436117e-05,             /* 0x3F11566A, 0xAF25DE2C */
        P4 = -1.65339022054652515390e-06,            /* 0xBEBBBD41, 0xC5D26BF1 */
        P5 = 4.13813679705723846039e-08,             /* 0x3E663769, 0x72BEA4D0 */
        lg2 = 6.93147180559945286227e-01,            /* 0x3FE62E42, 0xFEFA39EF */
        lg2_h = 6.93147182464599609375e-01,          /* 0x3FE62E43, 0x00000000 */
        lg2_l = -1.90465429995776804525e-09,         /* 0xBE205C61, 0x0CA86C39 */
        ovt = 8.0085662595372944372e-17,             /* -(1024 - log2(ovfl + .5ulp)) */
        cp = 9.61796693925975554329e-01,             /* 0x3FEEC709, 0xDC3A03FD = 2/(3 ln2) */
        cp_h = 9.61796700954437255859e-01,           /* 0x3FEEC709, 0xE0000000 */
        cp_l = -7.02846165095275826516e-09,          /* 0xBE3E2FE0, 0x145B01F5 */
        ivln2 = 1.44269504088896338700e+00,          /* 0x3FF71547, 0x652B82FE */
        ivln2_h = 1.44269502162933349609e+00,        /* 0x3FF71547, 0x60000000 */
        ivln2_l = 1.92596299112661746887e-08;        /* 0x3E54AE0B, 0xF85DDF44 */
    double z, ax, z_h, z_l, p_h, p_l, y1, t1, t2, r, s, t, u, v, w;
    int32_t i, j, k, yisint, n;
    int32_t hx = high_word(x), hy = high_word(y);
    uint32_t lx = low_word(x), ly = low_word(y);
    int32_t ix = hx & 0x7fffffff, iy = hy & 0x7fffffff;

    if (((uint32_t)iy | ly) == 0) /* x^0 = 1 */
        return 1.0;
    if (isnan(x) || isnan(y))
        return x + y;

    /* for x < 0: yisint = 0 (y not an integer), 1 (odd integer), 2 (even integer) */
    yisint = 0;
    if (hx < 0) {
        if (iy >= 0x43400000) {
            yisint = 2;
        } else if (iy >= 0x3ff00000) {
            k = (iy >> 20) - 0x3ff;
            if (k > 20) {
                uint32_t jj = ly >> (52 - k);
                if ((jj << (52 - k)) == ly)
                    yisint = 2 - (int32_t)(jj & 1);
            } else if (ly == 0) {
                j = iy >> (20 - k);
                if ((j << (20 - k)) == iy)
                    yisint = 2 - (j & 1);
            }
        }
    }

    /* special values of y */
    if (ly == 0) {
        if (iy == 0x7ff00000) { /* y = +-Infinity */
            if (((uint32_t)(ix - 0x3ff00000) | lx) == 0)
                return y - y; /* (+-1)^+-Infinity is NaN */
            if (ix >= 0x3ff00000)
                return hy >= 0 ? y : 0.0;
            return hy < 0 ? -y : 0.0;
        }
        if (iy == 0x3ff00000) /* y = +-1 */
            return hy < 0 ? 1.0 / x : x;
        if (hy == 0x40000000) /* y = 2 */
            return x * x;
        if (hy == 0x3fe00000 && hx >= 0) /* y = 0.5, x >= +0 */
            return sqrt(x);
    }

    ax = fabs(x);
    /* special values of x: +-0, +-Infinity, +-1 */
    if (lx == 0 && (ix == 0x7ff00000 || ix == 0 || ix == 0x3ff00000)) {
        z = ax;
        if (hy < 0)
            z = 1.0 / z;
        if (hx < 0) {
            if (((ix - 0x3ff00000) | yisint) == 0)
                z = NAN; /* (-1)^non-integer */
            else if (yisint == 1)
                z = -z;
        }
        return z;
    }

    n = (int32_t)(((uint32_t)hx >> 31) - 1);
    if ((n | yisint) == 0) /* (x < 0)^non-integer */
        return NAN;
    s = 1.0;
    if ((n | (yisint - 1)) == 0)
        s = -1.0; /* (x < 0)^odd */

    if (iy > 0x41e00000) {     /* |y| > 2^31 */
        if (iy > 0x43f00000) { /* |y| > 2^64: overflow or underflow */
            if (ix <= 0x3fefffff)
                return hy < 0 ? huge * huge : tiny * tiny;
            if (ix >= 0x3ff00000)
                return hy > 0 ? huge * huge : tiny * tiny;
        }
        if (ix < 0x3fefffff)
            return hy < 0 ? s * huge * huge : s * tiny * tiny;
        if (ix > 0x3ff00000)
            return hy > 0 ? s * huge * huge : s * tiny * tiny;
        /* |1 - x| <= 2^-20: log(x) = t - t^2/2 + t^3/3 - t^4/4 */
        t = ax - 1.0;
        w = (t * t) * (0.5 - t * (0.3333333333333333333333 - t * 0.25));
        u = ivln2_h * t;
        v = t * ivln2_l - w * ivln2;
        t1 = u + v;
        t1 = with_low_word(t1, 0);
        t2 = v - (t1 - u);
    } else {
        double ss, s2, s_h, s_l, t_h, t_l;
        n = 0;
        if (ix < 0x00100000) { /* subnormal x */
            ax *= two53;
            n -= 53;
            ix = high_word(ax);
        }
        n += (ix >> 20) - 0x3ff;
        j = ix & 0x000fffff;
        ix = j | 0x3ff00000;
        if (j <= 0x3988E) { /* |x| < sqrt(3/2) */
            k = 0;
        } else if (j < 0xBB67A) { /* |x| < sqrt(3) */
            k = 1;
        } else {
            k = 0;
            n += 1;
            ix -= 0x00100000;
        }
        ax = with_high_word(ax, (uint32_t)ix);

        /* ss = s_h + s_l = (x - bp[k]) / (x + bp[k]) */
        u = ax - bp[k];
        v = 1.0 / (ax + bp[k]);
        ss = u * v;
        s_h = with_low_word(ss, 0);
        t_h = from_words((uint32_t)(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18)), 0);
        t_l = ax - (t_h - bp[k]);
        s_l = v * ((u - s_h * t_h) - s_h * t_l);
        /* log(ax) */
        s2 = ss * ss;
        r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
        r += s_l * (s_h + ss);
        s2 = s_h * s_h;
        t_h = 3.0 + s2 + r;
        t_h = with_low_word(t_h, 0);
        t_l = r - ((t_h - 3.0) - s2);
        u = s_h * t_h;
        v = s_l * t_h + t_l * ss;
        /* 2/(3 ln2) (ss + ...) */
        p_h = u + v;
        p_h = with_low_word(p_h, 0);
        p_l = v - (p_h - u);
        z_h = cp_h * p_h;
        z_l = cp_l * p_h + p_l * cp + dp_l[k];
        /* log2(ax) = n + dp_h + z_h + z_l */
        t = (double)n;
        t1 = (((z_h + z_l) + dp_h[k]) + t);
        t1 = with_low_word(t1, 0);
        t2 = z_l - (((t1 - t) - dp_h[k]) - z_h);
    }

    /* (y1 + y2) (t1 + t2) */
    y1 = with_low_word(y, 0);
    p_l = (y - y1) * t1 + y * t2;
    p_h = y1 * t1;
    z = p_l + p_h;
    j = high_word(z);
    i = (int32_t)low_word(z);
    if (j >= 0x40900000) { /* z >= 1024 */
        if (((j - 0x40900000) | i) != 0)
            return s * huge * huge;
        if (p_l + ovt > z - p_h)
            return s * huge * huge;
    } else if ((j & 0x7fffffff) >= 0x4090cc00) { /* z <= -1075 */
        if ((((uint32_t)j - 0xc090cc00u) | (uint32_t)i) != 0)
            return s * tiny * tiny;
        if (p_l <= z - p_h)
            return s * tiny * tiny;
    }

    /* 2^(p_h + p_l) = 2^n 2^r, n = [z + 0.5] taken out of p_h */
    i = j & 0x7fffffff;
    k = (i >> 20) - 0x3ff;
    n = 0;
    if (i > 0x3fe00000) { /* |z| > 0.5 */
        n = j + (0x00100000 >> (k + 1));
        k = ((n & 0x7fffffff) >> 20) - 0x3ff;
        t = from_words((uint32_t)(n & ~(0x000fffff >> k)), 0);
        n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
        if (j < 0)
            n = -n;
        p_h -= t;
    }
    t = p_l + p_h;
    t = with_low_word(t, 0);
    u = t * lg2_h;
    v = (p_l - (t - p_h)) * lg2 + t * lg2_l;
    z = u + v;
    w = v - (z - u);
    t = z * z;
    t1 = z - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    r = (z * t1) / ((t1 - 2.0) - (w + z * w));
    z = 1.0 - (r - z);
    j = high_word(z);
    j += (int32_t)((uint32_t)n << 20);
    if ((j >> 20) <= 0)
        z = scalbn(z, n); /* subnormal result */
    else
        z = with_high_word(z, (uint32_t)high_word(z) + ((uint32_t)n << 20));
    return s * z;
}

double mathlib_pow(double base, double exponent) {
    /* Number::exponentiate steps 1-2 and 6, 10: a NaN exponent gives NaN even for base 1,
     * and (+-1) ** (+-Infinity) is NaN (C's pow gives 1 for both). */
    if (isnan(exponent))
        return NAN;
    if (exponent == 0)
        return 1.0;
    if (isinf(exponent) && fabs(base) == 1.0)
        return NAN;
    return fdlibm_pow(base, exponent);
}
