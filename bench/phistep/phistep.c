/*
 * phistep.c: a hand-written C reference for the phi-step normal equations of attnlab (issue 10, item 4), to
 * measure what this machine reaches, side by side with `attnlab bench`.
 *
 * It computes, exactly as PairAssembly.normalEquations (unnormalised):
 *   G = sum_{m,i} F_i F_i^T (only the upper triangle is compared), b = sum_{m,i} Y_i F_i,
 *   F_i = w sum_{j != i} B(s_ij) in R^n, n = K + p, w = 1/(N - 1), s_ij = P_i Q_j (rank r = 1 only),
 * with the clamping of ScoreKernel.position / piece: x = clamp(s, -R, R), t = (x + R) K / (2 R),
 * k = min(floor(t), K - 1), u = t - k, coefficients k..k + p with the cardinal B-spline values B_0(u)..B_p(u).
 *
 * The fast kernel (variant "full") is the one issue 10 describes:
 *  (a) each token's F_i lives in a window of 8 lanes (one 8-double vector: one zmm with AVX-512, two ymm
 *      without), each pair's contribution evaluated for all 8 lanes by Horner from a zero-padded coefficient
 *      table indexed by (piece - window start) (T: one 64-byte aligned row per offset and power, so no load splits
 *      a cache line): p fused multiply-adds of 8 lanes per pair, no scatter;
 *  (b) when all tokens of a sample fall in one window (sample's max piece + p - min piece < 8) the sample's
 *      sum of F F^T is accumulated in one 8 x 8 block (registers) and added to G once; otherwise a token whose
 *      own band fits in 8 adds its window's F F^T straight to G, and a wide token takes a scalar path;
 *  (c) no per-pair stores or reloads (the pair loop touches only P, Q and the table).
 * The sample's (and each token's) smallest and largest piece come from min/max of Q before the pair loop
 * (r = 1: min_{j != i} P_i Q_j is P_i times the smallest or largest Q_j, j != i; rounding is monotone).
 * Variants: "vecpos" is "full" with each token's N positions (score, clamp, piece, u) computed 4 at a time
 * with AVX2 instructions and read back by the pair loop (the fastest here); for the ablation, "noblock" drops (b)
 * (every token adds its window to G directly) and "scatter" drops (a) and (c) (closed-form values of each pair
 * added into two work rows in memory, even and odd partners, as our Java kernel does, then folded into the window
 * and the block of (b)).
 * Input (from DumpPhiStep.java), little-endian: int64 M, N, r, K, p; double R; P (M N), Q (M N), y (M N).
 * Reference (optional): int64 n; G (n x n, row-major); b (n).
 *
 * Build: gcc -O3 -march=native -fopenmp -o phistep phistep.c -lm   (add -mno-avx512f for an AVX2-only build)
 * Run:   ./phistep IN.bin [--ref REF.bin] [--threads 1,2] [--reps 50] [--warmup 5]
 *                 [--variant full|vecpos|noblock|scatter]
 */
#define _GNU_SOURCE
#include <math.h>
#include <omp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <immintrin.h>

/*
 * The window of 8 lanes: one 8-double vector with AVX-512, two 4-double vectors (two ymm) without (gcc lowers a
 * generic 64-byte vector through the stack when AVX-512 is off, so the AVX2 build spells out the two halves).
 */
typedef double v4d __attribute__((vector_size(32)));
typedef double v4du __attribute__((vector_size(32), aligned(8)));
#if defined(__AVX512F__)
typedef double v8d __attribute__((vector_size(64)));
typedef double v8du __attribute__((vector_size(64), aligned(8)));
typedef v8d win;
#define W_ZERO ((win){0})
#define W_LOAD(ptr) (*(const v8du *) (ptr))
#define W_STORE(ptr, x) (*(v8du *) (ptr) = (x))
#define W_ADD(x, y) ((x) + (y))
#define W_SCALE(x, c) ((x) * (c))
#define W_MADD(x, c, y) ((x) * (c) + (y))        /* x c + y, c scalar */
#define W_LANE(x, l) ((x)[l])
#define W_ACC(ptr, c, x) (*(v8du *) (ptr) += (c) * (x)) /* ptr[0..7] += c x */
#define W_ACCHI(ptr, c, x) W_ACC(ptr, c, x)              /* may also add lanes 0..3 (lower triangle) */
#else
typedef struct { v4d lo, hi; } win;
#define W_ZERO ((win){{0}, {0}})
static inline __attribute__((always_inline)) win w_load(const double *p) {
    return (win){*(const v4du *) p, *(const v4du *) (p + 4)};
}
#define W_LOAD(ptr) w_load(ptr)
#define W_STORE(ptr, x) (*(v4du *) (ptr) = (x).lo, *(v4du *) ((ptr) + 4) = (x).hi)
#define W_ADD(x, y) ((win){(x).lo + (y).lo, (x).hi + (y).hi})
#define W_SCALE(x, c) ((win){(x).lo * (c), (x).hi * (c)})
#define W_MADD(x, c, y) ((win){(x).lo * (c) + (y).lo, (x).hi * (c) + (y).hi})
static inline __attribute__((always_inline)) double w_lane(win x, int l) { return l < 4 ? x.lo[l] : x.hi[l - 4]; }
#define W_LANE(x, l) w_lane(x, l)
#define W_ACC(ptr, c, x) (*(v4du *) (ptr) += (c) * (x).lo, *(v4du *) ((ptr) + 4) += (c) * (x).hi)
#define W_ACCHI(ptr, c, x) (*(v4du *) ((ptr) + 4) += (c) * (x).hi) /* lanes 4..7 only (rows 4..7 of a block) */
#endif

#define WIN 8
#define MAXP 7

enum { FULL = 0, NOBLOCK = 1, SCATTER = 2, VECPOS = 3 };

typedef struct {
    long M, N, r, K, p;
    double R;
    double *P, *Q, *y;
} problem;

typedef struct {
    int K, p, nb, N;
    double lo, hi, scale, weight;
    double coef[MAXP + 1][MAXP + 1];       /* coef[e][a]: coefficient of u^a in B_e(u) */
    double Z[MAXP + 1][24] __attribute__((aligned(64))); /* Z[a][8 + e] = coef[e][a], e = 0..p; 0 elsewhere */
    /* T[off][a][l] = Z[a][8 - off + l]: the same table, one aligned 8-lane row per offset (no cache-line splits) */
    double T[WIN][MAXP + 1][WIN] __attribute__((aligned(64)));
} grid;

/* AssemblyKernel.cardinalPolynomials: the Cox-de Boor triangle on polynomials. */
static void cardinal(int p, double coef[MAXP + 1][MAXP + 1]) {
    int w = p + 1;
    double c[(MAXP + 1) * (MAXP + 1)] = {0}, work[2 * (MAXP + 1)];
    c[0] = 1.0;
    for (int j = 1; j <= p; j++) {
        for (int a = 0; a < w; a++) work[a] = 0.0;
        for (int r = 0; r < j; r++) {
            for (int a = 0; a < w; a++) work[w + a] = c[r * w + a] / j;
            for (int a = 0; a < w; a++) {
                double shifted = a == 0 ? 0.0 : work[w + a - 1];
                c[r * w + a] = work[a] + (r + 1) * work[w + a] - shifted;
                work[a] = (j - r - 1) * work[w + a] + shifted;
            }
        }
        for (int a = 0; a < w; a++) c[j * w + a] = work[a];
    }
    for (int e = 0; e < w; e++)
        for (int a = 0; a < w; a++) coef[e][a] = c[e * w + a];
}

static void grid_init(grid *g, const problem *pr) {
    memset(g, 0, sizeof *g);
    g->K = (int) pr->K;
    g->p = (int) pr->p;
    g->nb = g->K + g->p;
    g->N = (int) pr->N;
    g->lo = -pr->R;
    g->hi = pr->R;
    g->scale = g->K / (g->hi - g->lo); /* SplineGrid.scale(): K / (2 R) */
    g->weight = 1.0 / (g->N - 1);
    cardinal(g->p, g->coef);
    for (int a = 0; a <= g->p; a++)
        for (int e = 0; e <= g->p; e++) g->Z[a][8 + e] = g->coef[e][a];
    for (int off = 0; off < WIN; off++)
        for (int a = 0; a <= g->p; a++)
            for (int l = 0; l < WIN; l++) g->T[off][a][l] = g->Z[a][8 - off + l];
}

static inline __attribute__((always_inline)) int piece_of(const grid *g, double s, double *u) {
    /* clamp as ScoreKernel.position (a NaN score maps to lo, t = 0); written so that gcc emits maxsd/minsd */
    double x = s > g->lo ? s : g->lo;
    x = x < g->hi ? x : g->hi;
    double t = (x - g->lo) * g->scale;
    int k = (int) t;
    k = k > g->K - 1 ? g->K - 1 : k;
    *u = t - k;
    return k;
}

/* The 8 lanes of one pair's B(s) in the window starting at ws (piece k with ws <= k, k + p < ws + 8). */
static inline __attribute__((always_inline)) win pair_window(const grid *g, double s, int ws, const int PD) {
    double u;
    int k = piece_of(g, s, &u);
    const double (*t)[WIN] = g->T[k - ws];
    win acc = W_LOAD(t[PD]);
    for (int a = PD - 1; a >= 0; a--) acc = W_MADD(acc, u, W_LOAD(t[a]));
    return acc;
}

/* F_i / w of token i in the window ws: two accumulators (even and odd partners). */
static inline __attribute__((always_inline)) win token_window(const grid *g, double pi, const double *qm, int i,
                                                              int ws, const int PD) {
    const int N = g->N;
    win f0 = W_ZERO, f1 = W_ZERO;
    int k = 0;
    for (; k + 1 < N - 1; k += 2) {
        int j0 = k < i ? k : k + 1;
        int j1 = k + 1 < i ? k + 1 : k + 2;
        f0 = W_ADD(f0, pair_window(g, pi * qm[j0], ws, PD));
        f1 = W_ADD(f1, pair_window(g, pi * qm[j1], ws, PD));
    }
    if (k < N - 1) {
        int j0 = k < i ? k : k + 1;
        f0 = W_ADD(f0, pair_window(g, pi * qm[j0], ws, PD));
    }
    return W_ADD(f0, f1);
}

/*
 * "vecpos": token_window with the positions of the token's row computed 4 scores at a time (AVX2 instructions,
 * both builds): s = P_i Q_j for j = 0..N-1 (the diagonal and up to 3 lanes past the sample computed and unused;
 * Q is padded), clamped, scaled, k = min(trunc(t), K - 1), u = t - k, stored to two small arrays that the pair
 * loop reads. The same values as piece_of, bit for bit (same operations).
 */
static inline __attribute__((always_inline)) win token_window_vp(const grid *g, double pi, const double *qm, int i,
                                                                 int ws, const int PD) {
    const int N = g->N;
    int kk[64 + 4] __attribute__((aligned(32)));
    double uu[64 + 4] __attribute__((aligned(32)));
    const __m256d vp = _mm256_set1_pd(pi), lo = _mm256_set1_pd(g->lo), hi = _mm256_set1_pd(g->hi);
    const __m256d sc = _mm256_set1_pd(g->scale);
    const __m128i top = _mm_set1_epi32(g->K - 1), vws = _mm_set1_epi32(ws);
    for (int c = 0; c < N; c += 4) {
        __m256d x = _mm256_mul_pd(vp, _mm256_loadu_pd(qm + c));
        x = _mm256_min_pd(_mm256_max_pd(x, lo), hi);
        __m256d t = _mm256_mul_pd(_mm256_sub_pd(x, lo), sc);
        __m128i k = _mm_min_epi32(_mm256_cvttpd_epi32(t), top);
        _mm256_store_pd(uu + c, _mm256_sub_pd(t, _mm256_cvtepi32_pd(k)));
        _mm_store_si128((__m128i *) (kk + c), _mm_sub_epi32(k, vws));
    }
    win f0 = W_ZERO, f1 = W_ZERO;
    int j = 0;
    for (; j + 1 < N; j += 2) {
        if (j == i || j + 1 == i) {
            int jj = j == i ? j + 1 : j;
            win z = W_LOAD(g->T[kk[jj]][PD]);
            for (int a = PD - 1; a >= 0; a--) z = W_MADD(z, uu[jj], W_LOAD(g->T[kk[jj]][a]));
            f0 = W_ADD(f0, z);
            continue;
        }
        win z0 = W_LOAD(g->T[kk[j]][PD]), z1 = W_LOAD(g->T[kk[j + 1]][PD]);
        for (int a = PD - 1; a >= 0; a--) {
            z0 = W_MADD(z0, uu[j], W_LOAD(g->T[kk[j]][a]));
            z1 = W_MADD(z1, uu[j + 1], W_LOAD(g->T[kk[j + 1]][a]));
        }
        f0 = W_ADD(f0, z0);
        f1 = W_ADD(f1, z1);
    }
    if (j < N && j != i) {
        win z = W_LOAD(g->T[kk[j]][PD]);
        for (int a = PD - 1; a >= 0; a--) z = W_MADD(z, uu[j], W_LOAD(g->T[kk[j]][a]));
        f0 = W_ADD(f0, z);
    }
    return W_ADD(f0, f1);
}

/* Scalar values B_0(u)..B_p(u) (closed forms of ScoreKernel.values for p = 2, 3; Horner otherwise). */
static inline __attribute__((always_inline)) void values(const grid *g, double u, double *out, const int PD) {
    if (PD == 2) {
        double v = 1.0 - u;
        out[0] = 0.5 * v * v;
        out[1] = 0.5 + u * v;
        out[2] = 0.5 * u * u;
    } else if (PD == 3) {
        double v = 1.0 - u, u2 = u * u, u3 = u2 * u;
        out[0] = v * v * v / 6.0;
        out[1] = (3.0 * u3 - 6.0 * u2 + 4.0) / 6.0;
        out[2] = (-3.0 * u3 + 3.0 * u2 + 3.0 * u + 1.0) / 6.0;
        out[3] = u3 / 6.0;
    } else {
        for (int e = 0; e <= PD; e++) {
            double acc = g->coef[e][PD];
            for (int a = PD - 1; a >= 0; a--) acc = acc * u + g->coef[e][a];
            out[e] = acc;
        }
    }
}

/* The wide (scalar) path of one token: f (length >= nb + 8, zero on entry and return). */
static inline __attribute__((always_inline)) void token_scalar(const grid *g, double pi, const double *qm, int i,
                                                               double yi, int klo, int khi, double *f, double *G,
                                                               double *b, const int PD) {
    const int N = g->N, nb = g->nb;
    double val[MAXP + 1];
    for (int j = 0; j < N; j++) {
        if (j == i) continue;
        double u;
        int k = piece_of(g, pi * qm[j], &u);
        values(g, u, val, PD);
        for (int e = 0; e <= PD; e++) f[k + e] += val[e];
    }
    int last = khi + PD;
    for (int a = klo; a <= last; a++) f[a] *= g->weight;
    for (int a = klo; a <= last; a++) {
        double fa = f[a];
        b[a] += yi * fa;
        double *row = G + (long) a * nb;
        for (int e = a; e <= last; e++) row[e] += fa * f[e];
    }
    for (int a = klo; a <= last; a++) f[a] = 0.0;
}

/* "scatter" variant: F_i / w of token i via two work rows in memory (as the Java kernel), read as a window. */
static inline __attribute__((always_inline)) win token_scatter(const grid *g, double pi, const double *qm, int i,
                                                               int ws, double *f0, double *f1, const int PD) {
    const int N = g->N;
    double val0[MAXP + 1], val1[MAXP + 1];
    int k = 0;
    for (; k + 1 < N - 1; k += 2) {
        int j0 = k < i ? k : k + 1;
        int j1 = k + 1 < i ? k + 1 : k + 2;
        double u0, u1;
        int k0 = piece_of(g, pi * qm[j0], &u0);
        int k1 = piece_of(g, pi * qm[j1], &u1);
        values(g, u0, val0, PD);
        values(g, u1, val1, PD);
        for (int e = 0; e <= PD; e++) f0[k0 + e] += val0[e];
        for (int e = 0; e <= PD; e++) f1[k1 + e] += val1[e];
    }
    if (k < N - 1) {
        int j0 = k < i ? k : k + 1;
        double u0;
        int k0 = piece_of(g, pi * qm[j0], &u0);
        values(g, u0, val0, PD);
        for (int e = 0; e <= PD; e++) f0[k0 + e] += val0[e];
    }
    win a = W_LOAD(&f0[ws]), c = W_LOAD(&f1[ws]);
    W_STORE(&f0[ws], W_ZERO);
    W_STORE(&f1[ws], W_ZERO);
    return W_ADD(a, c);
}

typedef struct {
    long windowSamples, wideTokens, tokens;
} counts;

/* Samples m0..m1 - 1 added to G (nb x nb, only rows/cols of the window paths full; upper triangle exact), b. */
static inline __attribute__((always_inline)) void kernel(const grid *g, const double *P, const double *Q,
                                                         const double *Y, long m0, long m1, double *G, double *b,
                                                         double *work, counts *cnt, const int PD,
                                                         const int variant) {
    const int N = g->N, nb = g->nb;
    const double w = g->weight;
    int klo[64], khi[64];
    double *f0 = work, *f1 = work + nb + 16;
    long windowSamples = 0, wideTokens = 0;
    for (long m = m0; m < m1; m++) {
        const double *pm = P + m * N, *qm = Q + m * N, *ym = Y + m * N;
        /* smallest and second smallest, largest and second largest Q of the sample */
        double q1 = INFINITY, q2 = INFINITY, x1 = -INFINITY, x2 = -INFINITY;
        int iq = -1, ix = -1;
        for (int j = 0; j < N; j++) {
            double q = qm[j];
            if (q < q1) { q2 = q1; q1 = q; iq = j; } else if (q < q2) { q2 = q; }
            if (q > x1) { x2 = x1; x1 = q; ix = j; } else if (q > x2) { x2 = q; }
        }
        int kmin = g->K, kmax = -1;
        for (int i = 0; i < N; i++) {
            double pi = pm[i];
            double lowQ = i == iq ? q2 : q1, highQ = i == ix ? x2 : x1;
            double slo = pi >= 0 ? pi * lowQ : pi * highQ;
            double shi = pi >= 0 ? pi * highQ : pi * lowQ;
            double u;
            klo[i] = piece_of(g, slo, &u);
            khi[i] = piece_of(g, shi, &u);
            kmin = klo[i] < kmin ? klo[i] : kmin;
            kmax = khi[i] > kmax ? khi[i] : kmax;
        }
        if (nb >= WIN && kmax + PD - kmin < WIN && variant != NOBLOCK) {
            /* (b): the whole sample in one window, its F F^T in one 8 x 8 block */
            windowSamples++;
            int ws = kmin < nb - WIN ? kmin : nb - WIN;
            /* the block as local rows (registers, or L1 if gcc spills): 8 rows of 8 lanes; without AVX-512
               rows 4..7 keep only lanes 4..7 (upper triangle): 12 ymm */
#if defined(__AVX512F__)
            v8d B0 = {0}, B1 = {0}, B2 = {0}, B3 = {0}, B4 = {0}, B5 = {0}, B6 = {0}, B7 = {0};
#else
            v4d L0 = {0}, L1 = {0}, L2 = {0}, L3 = {0};
            v4d H0 = {0}, H1 = {0}, H2 = {0}, H3 = {0}, H4 = {0}, H5 = {0}, H6 = {0}, H7 = {0};
#endif
            win bv = W_ZERO;
            for (int i = 0; i < N; i++) {
                win F = variant == SCATTER  ? token_scatter(g, pm[i], qm, i, ws, f0, f1, PD)
                        : variant == VECPOS ? token_window_vp(g, pm[i], qm, i, ws, PD)
                                            : token_window(g, pm[i], qm, i, ws, PD);
                F = W_SCALE(F, w);
                bv = W_MADD(F, ym[i], bv);
#if defined(__AVX512F__)
                B0 += F[0] * F; B1 += F[1] * F; B2 += F[2] * F; B3 += F[3] * F;
                B4 += F[4] * F; B5 += F[5] * F; B6 += F[6] * F; B7 += F[7] * F;
#else
                L0 += F.lo[0] * F.lo; H0 += F.lo[0] * F.hi; L1 += F.lo[1] * F.lo; H1 += F.lo[1] * F.hi;
                L2 += F.lo[2] * F.lo; H2 += F.lo[2] * F.hi; L3 += F.lo[3] * F.lo; H3 += F.lo[3] * F.hi;
                H4 += F.hi[0] * F.hi; H5 += F.hi[1] * F.hi; H6 += F.hi[2] * F.hi; H7 += F.hi[3] * F.hi;
#endif
            }
            double *g0 = G + (long) ws * nb + ws;
#if defined(__AVX512F__)
            *(v8du *) (g0 + 0 * nb) += B0; *(v8du *) (g0 + 1 * nb) += B1;
            *(v8du *) (g0 + 2 * nb) += B2; *(v8du *) (g0 + 3 * nb) += B3;
            *(v8du *) (g0 + 4 * nb) += B4; *(v8du *) (g0 + 5 * nb) += B5;
            *(v8du *) (g0 + 6 * nb) += B6; *(v8du *) (g0 + 7 * nb) += B7;
#else
            *(v4du *) (g0 + 0 * nb) += L0; *(v4du *) (g0 + 0 * nb + 4) += H0;
            *(v4du *) (g0 + 1 * nb) += L1; *(v4du *) (g0 + 1 * nb + 4) += H1;
            *(v4du *) (g0 + 2 * nb) += L2; *(v4du *) (g0 + 2 * nb + 4) += H2;
            *(v4du *) (g0 + 3 * nb) += L3; *(v4du *) (g0 + 3 * nb + 4) += H3;
            *(v4du *) (g0 + 4 * nb + 4) += H4; *(v4du *) (g0 + 5 * nb + 4) += H5;
            *(v4du *) (g0 + 6 * nb + 4) += H6; *(v4du *) (g0 + 7 * nb + 4) += H7;
#endif
            W_ACC(b + ws, 1.0, bv);
            continue;
        }
        if (nb >= WIN && kmax + PD - kmin < WIN) windowSamples++; /* NOBLOCK: counted, not used */
        for (int i = 0; i < N; i++) {
            if (nb >= WIN && khi[i] + PD - klo[i] < WIN) {
                /* a token whose band fits in 8: its window's F F^T straight to G */
                int ws = klo[i] < nb - WIN ? klo[i] : nb - WIN;
                win F = variant == SCATTER  ? token_scatter(g, pm[i], qm, i, ws, f0, f1, PD)
                        : variant == VECPOS ? token_window_vp(g, pm[i], qm, i, ws, PD)
                                            : token_window(g, pm[i], qm, i, ws, PD);
                F = W_SCALE(F, w);
                W_ACC(b + ws, ym[i], F);
                double *g0 = G + (long) ws * nb + ws;
                for (int l = 0; l < 4; l++) W_ACC(g0 + l * nb, W_LANE(F, l), F);
                for (int l = 4; l < WIN; l++) W_ACCHI(g0 + l * nb, W_LANE(F, l), F);
            } else {
                wideTokens++;
                token_scalar(g, pm[i], qm, i, ym[i], klo[i], khi[i], f0, G, b, PD);
            }
        }
    }
    cnt->windowSamples += windowSamples;
    cnt->wideTokens += wideTokens;
    cnt->tokens += (m1 - m0) * N;
}

#define SPECIALISE(NAME, PD, VAR)                                                                            \
    static void NAME(const grid *g, const double *P, const double *Q, const double *Y, long m0, long m1,     \
                     double *G, double *b, double *work, counts *cnt) {                                      \
        kernel(g, P, Q, Y, m0, m1, G, b, work, cnt, PD, VAR);                                                \
    }
SPECIALISE(k2_full, 2, FULL)
SPECIALISE(k2_noblock, 2, NOBLOCK)
SPECIALISE(k2_scatter, 2, SCATTER)
SPECIALISE(k3_full, 3, FULL)
SPECIALISE(k3_noblock, 3, NOBLOCK)
SPECIALISE(k3_scatter, 3, SCATTER)
SPECIALISE(k2_vecpos, 2, VECPOS)
SPECIALISE(k3_vecpos, 3, VECPOS)

typedef void (*kernel_fn)(const grid *, const double *, const double *, const double *, long, long, double *,
                          double *, double *, counts *);

static kernel_fn pick(int p, int variant) {
    static const kernel_fn t[2][4] = {{k2_full, k2_noblock, k2_scatter, k2_vecpos},
                                      {k3_full, k3_noblock, k3_scatter, k3_vecpos}};
    if (p != 2 && p != 3) return NULL;
    return t[p - 2][variant];
}

/* Per-thread partials (padded to whole cache lines), reduced at the end into gout (upper triangle), bout. */
typedef struct {
    int threads;
    long stride;
    double *partial; /* threads * stride: G (nb nb), b (nb), work rows */
} pool;

static void assemble(const grid *g, const problem *pr, kernel_fn fn, pool *pl, double *gout, double *bout,
                     counts *total) {
    const int nb = g->nb;
    const long M = pr->M;
    const int T = pl->threads;
    counts c[64];
    memset(c, 0, sizeof c);
#pragma omp parallel num_threads(T)
    {
        int t = omp_get_thread_num();
        int nt = omp_get_num_threads();
        double *G = pl->partial + t * pl->stride;
        double *b = G + nb * nb;
        double *work = b + nb + 8;
        memset(G, 0, sizeof(double) * (nb * nb + nb + 8 + 2 * (nb + 16)));
        long m0 = M * t / nt, m1 = M * (t + 1) / nt;
        fn(g, pr->P, pr->Q, pr->y, m0, m1, G, b, work, &c[t]);
    }
    memset(gout, 0, sizeof(double) * nb * nb);
    memset(bout, 0, sizeof(double) * nb);
    for (int t = 0; t < T; t++) {
        const double *G = pl->partial + t * pl->stride, *b = G + nb * nb;
        for (int a = 0; a < nb; a++) {
            for (int e = a; e < nb; e++) gout[a * nb + e] += G[a * nb + e];
            bout[a] += b[a];
        }
    }
    for (int a = 0; a < nb; a++)
        for (int e = 0; e < a; e++) gout[a * nb + e] = gout[e * nb + a];
    if (total) {
        memset(total, 0, sizeof *total);
        for (int t = 0; t < T; t++) {
            total->windowSamples += c[t].windowSamples;
            total->wideTokens += c[t].wideTokens;
            total->tokens += c[t].tokens;
        }
    }
}

static void *read_file(const char *path, size_t *len) {
    FILE *fp = fopen(path, "rb");
    if (!fp) { perror(path); exit(2); }
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    void *buf = aligned_alloc(64, (n + 63) / 64 * 64);
    if (fread(buf, 1, n, fp) != (size_t) n) { perror(path); exit(2); }
    fclose(fp);
    *len = n;
    return buf;
}

static double now(clockid_t c) {
    struct timespec ts;
    clock_gettime(c, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s IN.bin [--ref REF.bin] [--threads 1,2] [--reps 50] [--warmup 5] "
                        "[--variant full|vecpos|noblock|scatter]\n", argv[0]);
        return 2;
    }
    const char *in = argv[1], *ref = NULL, *threads = "1,2", *vname = "full";
    int reps = 50, warmup = 5;
    for (int a = 2; a < argc; a++) {
        if (!strcmp(argv[a], "--ref") && a + 1 < argc) ref = argv[++a];
        else if (!strcmp(argv[a], "--threads") && a + 1 < argc) threads = argv[++a];
        else if (!strcmp(argv[a], "--reps") && a + 1 < argc) reps = atoi(argv[++a]);
        else if (!strcmp(argv[a], "--warmup") && a + 1 < argc) warmup = atoi(argv[++a]);
        else if (!strcmp(argv[a], "--variant") && a + 1 < argc) vname = argv[++a];
        else { fprintf(stderr, "unknown argument %s\n", argv[a]); return 2; }
    }
    int variant = !strcmp(vname, "full") ? FULL : !strcmp(vname, "noblock") ? NOBLOCK
                : !strcmp(vname, "scatter") ? SCATTER : !strcmp(vname, "vecpos") ? VECPOS : -1;
    if (variant < 0) { fprintf(stderr, "unknown variant %s\n", vname); return 2; }

    size_t len;
    char *buf = read_file(in, &len);
    problem pr;
    int64_t h[5];
    memcpy(h, buf, sizeof h);
    pr.M = h[0]; pr.N = h[1]; pr.r = h[2]; pr.K = h[3]; pr.p = h[4];
    memcpy(&pr.R, buf + 40, 8);
    long mn = pr.M * pr.N;
    if (pr.r != 1 || pr.N < 2 || pr.N > 64 || len != 48 + 8 * (size_t) (3 * mn * pr.r)) {
        fprintf(stderr, "%s: need r = 1, 2 <= N <= 64 and the right length (M=%ld N=%ld r=%ld len=%zu)\n", in,
                pr.M, pr.N, pr.r, len);
        return 2;
    }
    /* copy to 64-byte aligned arrays */
    pr.P = aligned_alloc(64, (8 * mn + 63) / 64 * 64);
    pr.Q = aligned_alloc(64, (8 * mn + 64 + 63) / 64 * 64); /* padded: vecpos reads up to 3 past a sample */
    memset(pr.Q + mn, 0, 64);
    pr.y = aligned_alloc(64, (8 * mn + 63) / 64 * 64);
    memcpy(pr.P, buf + 48, 8 * mn);
    memcpy(pr.Q, buf + 48 + 8 * mn, 8 * mn);
    memcpy(pr.y, buf + 48 + 16 * mn, 8 * mn);
    free(buf);

    grid g;
    grid_init(&g, &pr);
    kernel_fn fn = pick(g.p, variant);
    if (!fn) { fprintf(stderr, "degree p = %d: only 2 and 3 are built\n", g.p); return 2; }
    const int nb = g.nb;
    long pairs = pr.M * pr.N * (pr.N - 1);
#if defined(__AVX512F__)
    const char *isa = "avx512";
#elif defined(__AVX2__)
    const char *isa = "avx2";
#else
    const char *isa = "sse";
#endif
    printf("input %s: M=%ld N=%ld r=%ld K=%ld p=%ld R=%g n=%d pairs=%ld isa=%s variant=%s\n", in, pr.M, pr.N, pr.r,
           pr.K, pr.p, pr.R, nb, pairs, isa, vname);

    pool pl;
    pl.threads = 64;
    pl.stride = ((nb * nb + nb + 8 + 2 * (nb + 16)) + 7) / 8 * 8 + 8;
    pl.partial = aligned_alloc(64, sizeof(double) * pl.threads * pl.stride);
    double *G = malloc(sizeof(double) * nb * nb), *b = malloc(sizeof(double) * nb);

    /* one call on 1 thread: counts and the check against our G, b */
    pl.threads = 1;
    counts cnt;
    assemble(&g, &pr, fn, &pl, G, b, &cnt);
    printf("window: %ld of %ld samples (%.4f) fit one window of 8; wide tokens (scalar path): %ld of %ld (%.4f)\n",
           cnt.windowSamples, pr.M, (double) cnt.windowSamples / pr.M, cnt.wideTokens, cnt.tokens,
           (double) cnt.wideTokens / cnt.tokens);
    if (ref) {
        size_t rlen;
        char *rb = read_file(ref, &rlen);
        int64_t rn;
        memcpy(&rn, rb, 8);
        if (rn != nb || rlen != 8 + 8 * (size_t) (nb * nb + nb)) { fprintf(stderr, "%s: bad size\n", ref); return 2; }
        const double *rg = (const double *) (rb + 8), *rbv = rg + nb * nb;
        double gmax = 0, gdiff = 0, grel = 0, bmax = 0, bdiff = 0, brel = 0;
        for (int a = 0; a < nb; a++) {
            for (int e = a; e < nb; e++) {
                double x = rg[a * nb + e], d = fabs(G[a * nb + e] - x);
                gmax = fmax(gmax, fabs(x));
                gdiff = fmax(gdiff, d);
                if (x != 0) grel = fmax(grel, d / fabs(x));
                else if (d != 0) grel = INFINITY;
            }
            double x = rbv[a], d = fabs(b[a] - x);
            bmax = fmax(bmax, fabs(x));
            bdiff = fmax(bdiff, d);
            if (x != 0) brel = fmax(brel, d / fabs(x));
            else if (d != 0) brel = INFINITY;
        }
        printf("check vs %s: G upper: max|diff|/max|G| = %.3e, max entrywise rel = %.3e; "
               "b: max|diff|/max|b| = %.3e, max entrywise rel = %.3e  -> %s\n", ref, gdiff / gmax, grel,
               bdiff / bmax, brel, (gdiff <= 1e-12 * gmax && bdiff <= 1e-12 * bmax) ? "AGREE (1e-12)" : "DIFFER");
        free(rb);
    }

    double *ts = malloc(sizeof(double) * reps);
    for (const char *s = threads; *s;) {
        int T = atoi(s);
        if (T < 1 || T > 64) { fprintf(stderr, "bad thread count\n"); return 2; }
        pl.threads = T;
        for (int k = 0; k < warmup; k++) assemble(&g, &pr, fn, &pl, G, b, NULL);
        double c0 = now(CLOCK_PROCESS_CPUTIME_ID);
        for (int k = 0; k < reps; k++) {
            double t0 = now(CLOCK_MONOTONIC);
            assemble(&g, &pr, fn, &pl, G, b, NULL);
            ts[k] = now(CLOCK_MONOTONIC) - t0;
        }
        double cpu = (now(CLOCK_PROCESS_CPUTIME_ID) - c0) / reps;
        qsort(ts, reps, sizeof(double), cmp);
        double med = reps % 2 ? ts[reps / 2] : 0.5 * (ts[reps / 2 - 1] + ts[reps / 2]);
        double best = ts[0];
        double load[1] = {-1};
        getloadavg(load, 1);
        printf("RESULT isa=%s variant=%s p=%d K=%d threads=%d reps=%d median_s=%.6f best_s=%.6f "
               "median_pairs_per_s=%.3e best_pairs_per_s=%.3e cpu_s_per_call=%.6f pairs_per_cpu_s=%.3e "
               "load1=%.2f checksum=%.17g\n",
               isa, vname, g.p, g.K, T, reps, med, best, pairs / med, pairs / best, cpu, pairs / cpu, load[0],
               G[0] + b[nb - 1]);
        while (*s && *s != ',') s++;
        if (*s == ',') s++;
    }
    return 0;
}
