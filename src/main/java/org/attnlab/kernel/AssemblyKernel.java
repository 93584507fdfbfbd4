package org.attnlab.kernel;

/**
 * The phi-step assembly of the pairwise-interaction estimator (arXiv 2510.11789, model A) on primitive arrays:
 * the normal equations G = sum_{m,i} F_i F_i^T and b = sum_{m,i} Y_i F_i over the samples of a chunk, with the
 * aggregated features F_i = w sum_{j != i} B(s_ij) in R^n (n = K + p, w = 1/(N - 1)) and s_ij = P_i . Q_j.
 *
 * <p>Notation as {@link ScoreKernel}: a score s maps to the scaled position t = position(s) in [0, K], its piece
 * k = piece(t) in [0, K - 1] and local coordinate u = t - k in [0, 1]; it touches the coefficients k..k + p with
 * the cardinal values B_0(u)..B_p(u) (for p = 2 and 3 the closed forms of {@link ScoreKernel#values}, inline).
 *
 * <p>Algorithm, per sample: (1) each token's sum over its N - 1 partners is accumulated in two rows of a small
 * work matrix (even partners in one, odd in the other, so that consecutive additions do not wait on each other),
 * with the token's pieces k_min..k_max; for p = 2 and 3 two partners per pass, with one test (both scores in
 * [lo, hi], both positions below K) before the general clamping rules of {@link ScoreKernel}. (2) When the bands of all tokens of the sample fit in one window of
 * {@link #WINDOW} = 8 coefficients, each token's two rows are added and scaled by w on the whole window, its
 * F F^T and y F added to one 8 x 8 block, and the window cleared, in one unrolled helper with fixed trip counts
 * ({@link #foldOuterWindow}); the block is added to G once per sample. Otherwise each token's rows are added and
 * scaled on its band k_min..k_max + p, a token whose band fits in a window adds its unrolled window to G
 * directly, and a wide token adds its band by a plain double loop. Entries of the window outside a token's band
 * are zero in both rows, so folding the whole window gives the same bytes as folding the band. (The fast C kernel of issue 10 keeps F in
 * eight vector lanes and evaluates B by Horner from a table for every lane; in scalar Java that costs 8 (p + 1)
 * operations per pair against p + 1 here, and measured 1.8x slower.)
 *
 * <p>Only the upper triangle of G is accumulated. Each call adds to its output in sample order, so a caller that
 * reduces fixed chunks in chunk order gets the same bytes at any thread count. The result equals the definition
 * up to the rounding of a different summation order. Written in the Java subset of {@code org.attnlab.kernel}
 * (no allocation, plain indexed loops); contracts to be added by the verification work.
 */
public final class AssemblyKernel {

    /** Width of the window of coefficients handled by unrolled code. */
    public static final int WINDOW = 8;

    private AssemblyKernel() {
    }

    /*@ public normal_behavior
      @   requires tokens >= 0 && size >= 0 && tokens <= 1073741823 && 2 * tokens * size <= 2147483647;
      @   assignable \nothing;
      @   ensures \result == 2 * tokens * size;
      @*/
    /**
     * The length of the feature work array of {@link #normalEquations}: 2 N n.
     *
     * @param tokens N
     * @param size n = K + p
     * @return 2 N n
     */
    public static int featureLength(int tokens, int size) {
        return 2 * tokens * size;
    }

    /*@ public normal_behavior
      @   requires p != null && q != null && y != null && bounds != null && features != null && values != null;
      @   requires block != null && out != null && r >= 1 && tokens >= 2 && 0 <= m0 && m0 <= m1;
      @   requires pieces >= 1 && degree >= 0 && scale > 0 && lo < hi;
      @   requires m1 * tokens * r <= p.length && m1 * tokens * r <= q.length && m1 * tokens <= y.length;
      @   requires bounds.length >= 2 * tokens && features.length >= 2 * tokens * (pieces + degree);
      @   requires values.length >= degree + 1 && block.length >= WINDOW * (WINDOW + 1);
      @   requires gram >= 0 && rhs >= 0 && gram + (pieces + degree) * (pieces + degree) <= out.length;
      @   requires rhs + pieces + degree <= out.length;
      @   assignable bounds[0 .. 2 * tokens - 1], features[0 .. 2 * tokens * (pieces + degree) - 1];
      @   assignable values[0 .. degree], block[0 .. WINDOW * (WINDOW + 1) - 1];
      @   assignable out[gram .. gram + (pieces + degree) * (pieces + degree) - 1], out[rhs .. rhs + pieces + degree - 1];
      @*/
    /**
     * Adds the normal equations of samples m0..m1 - 1 to {@code out}: out[gram + a n + e] += sum F_ia F_ie for
     * a &lt;= e (upper triangle, row-major n x n) and out[rhs + a] += sum Y_i F_ia. Nothing else is written.
     *
     * @param p projections P, row-major (M N) x r; not modified
     * @param q projections Q, row-major (M N) x r; not modified
     * @param y outputs, length M N; not modified
     * @param r rank, &gt;= 1
     * @param tokens N, &gt;= 2
     * @param m0 first sample
     * @param m1 one past the last sample
     * @param lo -R
     * @param hi R
     * @param scale K / (2 R)
     * @param pieces K &gt;= 1
     * @param degree p &gt;= 0
     * @param weight w = 1/(N - 1)
     * @param bounds work array, length &gt;= 2 N; overwritten
     * @param features work array, length &gt;= {@link #featureLength}(N, n), all 0 on entry; all 0 on return
     * @param values work array, length &gt;= p + 1; overwritten
     * @param block work array, length &gt;= WINDOW (WINDOW + 1), all 0 on entry; all 0 on return
     * @param out the sums; only the entries named above are modified
     * @param gram offset of G in out
     * @param rhs offset of b in out
     */
    public static void normalEquations(double[] p, double[] q, double[] y, int r, int tokens, int m0, int m1,
                                       double lo, double hi, double scale, int pieces, int degree, double weight,
                                       int[] bounds, double[] features, double[] values, double[] block,
                                       double[] out, int gram, int rhs) {
        int nb = pieces + degree;
        int second = tokens * nb;
        int blockRhs = WINDOW * WINDOW;
        for (int m = m0; m < m1; m++) {
            int base = m * tokens;
            int sampleMin = pieces;
            int sampleMax = -1;
            for (int i = 0; i < tokens; i++) {
                int row = i * nb;
                if (degree == 2) {
                    tokenDegree2(p, q, r, tokens, base, i, lo, hi, scale, pieces, features, row, row + second,
                            bounds);
                } else if (degree == 3) {
                    tokenDegree3(p, q, r, tokens, base, i, lo, hi, scale, pieces, features, row, row + second,
                            bounds);
                } else {
                    tokenGeneral(p, q, r, tokens, base, i, lo, hi, scale, pieces, degree, values, features, row,
                            row + second, bounds);
                }
                int kMin = bounds[2 * i];
                int last = bounds[2 * i + 1] + degree;
                if (kMin < sampleMin) {
                    sampleMin = kMin;
                }
                if (last > sampleMax) {
                    sampleMax = last;
                }
            }
            if (nb >= WINDOW && sampleMax - sampleMin < WINDOW) {
                // the whole sample in one window: each token folded, added to one 8 x 8 block and cleared on the
                // full window (fixed trip counts), the block added to G once
                int ws = sampleMin < nb - WINDOW ? sampleMin : nb - WINDOW;
                for (int i = 0; i < tokens; i++) {
                    foldOuterWindow(features, i * nb + ws, second, weight, y[base + i], block, 0, WINDOW, blockRhs);
                }
                for (int l = 0; l < WINDOW; l++) {
                    int at = gram + (ws + l) * nb + ws;
                    moveRow(out, at, block, l * WINDOW, l, WINDOW - 1);
                    out[rhs + ws + l] += block[blockRhs + l];
                    block[blockRhs + l] = 0.0;
                }
                continue;
            }
            for (int i = 0; i < tokens; i++) {
                int row = i * nb;
                int kMin = bounds[2 * i];
                int last = bounds[2 * i + 1] + degree;
                foldBand(features, row, second, kMin, last, weight);
                double yi = y[base + i];
                if (nb >= WINDOW && last - kMin < WINDOW) {
                    int ws = kMin < nb - WINDOW ? kMin : nb - WINDOW;
                    outerWindow(features, row + ws, yi, out, gram + ws * nb + ws, nb, rhs + ws);
                } else {
                    for (int a = kMin; a <= last; a++) {
                        double fa = features[row + a];
                        out[rhs + a] += yi * fa;
                        addScaled(out, gram + a * nb, fa, features, row, a, last);
                    }
                }
                clearBand(features, row, kMin, last);
            }
        }
    }

    /**
     * The power-basis coefficients of the cardinal B-spline segments: coef[e (p + 1) + a] is the coefficient of
     * u^a in B_e(u), e = 0..p, the value at local coordinate u of the basis function k + e on piece k. The
     * Cox-de Boor triangle of {@link ScoreKernel#values} carried out on polynomials.
     *
     * @param p degree, &gt;= 0
     * @param coef result, length &gt;= (p + 1)^2; entries 0..(p + 1)^2 - 1 overwritten
     * @param work work array, length &gt;= 2 (p + 1); overwritten
     */
    /*@ public normal_behavior
      @   requires p >= 0 && coef != null && work != null && coef != work;
      @   requires coef.length >= (p + 1) * (p + 1) && work.length >= 2 * (p + 1);
      @   assignable coef[0 .. (p + 1) * (p + 1) - 1], work[0 .. 2 * (p + 1) - 1];
      @   ensures p == 0 ==> coef[0] == 1.0;
      @*/
    public static void cardinalPolynomials(int p, double[] coef, double[] work) {
        int w = p + 1;
        for (int a = 0; a < w * w; a++) {
            coef[a] = 0.0;
        }
        coef[0] = 1.0;
        for (int j = 1; j <= p; j++) {
            // saved (work[0..p]) = 0
            for (int a = 0; a < w; a++) {
                work[a] = 0.0;
            }
            for (int r = 0; r < j; r++) {
                // temp (work[w..2w-1]) = out[r] / j
                divided(coef, r * w, work, w, w, j);
                // out[r] = saved + (r + 1 - u) temp; saved = (u + j - r - 1) temp
                for (int a = 0; a < w; a++) {
                    double shifted = a == 0 ? 0.0 : work[w + a - 1];
                    coef[r * w + a] = work[a] + (r + 1) * work[w + a] - shifted;
                    work[a] = (j - r - 1) * work[w + a] + shifted;
                }
            }
            copyRange(work, 0, coef, j * w, w);
        }
    }

    /**
     * The spline phi = sum_k c_k B_k piece by piece in the power basis of the local coordinate: on piece k,
     * phi = sum_a table[k (p + 1) + a] u^a with table[k (p + 1) + a] = sum_e c_{k+e} coef_e[a]
     * ({@link #cardinalPolynomials}), so that a pair's phi(s) is one Horner evaluation of degree p.
     *
     * @param c coefficients, length &gt;= K + p; not modified
     * @param p degree, &gt;= 0
     * @param pieces K &gt;= 1
     * @param table result, length &gt;= K (p + 1); overwritten
     * @param coef work array, length &gt;= (p + 1)^2
     * @param work work array, length &gt;= 2 (p + 1)
     */
    /*@ public normal_behavior
      @   requires c != null && table != null && coef != null && work != null && p >= 0 && pieces >= 1;
      @   requires c.length >= pieces + p && table.length >= pieces * (p + 1);
      @   requires coef.length >= (p + 1) * (p + 1) && work.length >= 2 * (p + 1);
      @   requires table != c && table != coef && table != work && coef != work && coef != c && work != c;
      @   assignable table[0 .. pieces * (p + 1) - 1], coef[0 .. (p + 1) * (p + 1) - 1], work[0 .. 2 * (p + 1) - 1];
      @*/
    public static void piecePolynomials(double[] c, int p, int pieces, double[] table, double[] coef,
                                        double[] work) {
        cardinalPolynomials(p, coef, work);
        int w = p + 1;
        for (int k = 0; k < pieces; k++) {
            for (int a = 0; a < w; a++) {
                double sum = 0.0;
                for (int e = 0; e < w; e++) {
                    sum += c[k + e] * coef[e * w + a];
                }
                table[k * w + a] = sum;
            }
        }
    }

    /**
     * The sum of squared residuals sum_{m,i} (Y_i - w sum_{j != i} phi(s_ij))^2 over samples m0..m1 - 1, phi
     * given piece by piece by {@link #piecePolynomials} (constant extension outside [lo, hi] through the
     * clamped position, as {@link ScoreKernel#position}).
     *
     * @param p projections P, row-major (M N) x r; not modified
     * @param q projections Q, row-major (M N) x r; not modified
     * @param y outputs, length M N; not modified
     * @param r rank, &gt;= 1
     * @param tokens N, &gt;= 2
     * @param m0 first sample
     * @param m1 one past the last sample
     * @param lo -R
     * @param hi R
     * @param scale K / (2 R)
     * @param pieces K &gt;= 1
     * @param degree p &gt;= 0
     * @param weight w = 1/(N - 1)
     * @param table the piece polynomials, length &gt;= K (p + 1); not modified
     * @return the sum of squares of the residuals of the samples
     */
    /*@ public normal_behavior
      @   requires p != null && q != null && y != null && table != null && r >= 1 && tokens >= 2;
      @   requires 0 <= m0 && m0 <= m1 && pieces >= 1 && degree >= 0 && scale > 0 && lo < hi;
      @   requires m1 * tokens * r <= p.length && m1 * tokens * r <= q.length && m1 * tokens <= y.length;
      @   requires table.length >= pieces * (degree + 1);
      @   assignable \nothing;
      @   ensures !(\result < 0);
      @*/
    public static double sumOfSquares(double[] p, double[] q, double[] y, int r, int tokens, int m0, int m1,
                                      double lo, double hi, double scale, int pieces, int degree, double weight,
                                      double[] table) {
        int w = degree + 1;
        double top = pieces;
        double sse = 0.0;
        for (int m = m0; m < m1; m++) {
            int base = m * tokens;
            for (int i = 0; i < tokens; i++) {
                int pi = (base + i) * r;
                double pv = p[pi];
                double pred = 0.0;
                for (int k = 0; k < tokens - 1; k++) {
                    double s = pairScore(p, q, r, pi, pv, base + PairKernel.partner(tokens, i, k));
                    double t = (s - lo) * scale;
                    int piece;
                    // in [lo, hi] and below the right end: position(s) = t, piece = floor(t) (as tokenDegree2)
                    if ((s >= lo) & (s <= hi) & (t < top)) {
                        piece = (int) t;
                    } else {
                        t = ScoreKernel.position(s, lo, hi, scale);
                        piece = ScoreKernel.piece(t, pieces);
                    }
                    double u = t - piece;
                    pred += horner(table, piece * w, degree, u);
                }
                double res = y[base + i] - weight * pred;
                sse += res * res;
            }
        }
        return sse;
    }

    /** Jacobian rows gathered before they are added to J^T J in {@link #gaussNewton}. */
    public static final int BLOCK = 8;

    /**
     * The Gauss-Newton sums of samples m0..m1 - 1 (arXiv 2510.11789 model A; the normalised-score correction is
     * applied by the caller): for each token i, the residual e_i = Y_i - f_i, f_i = w sum_{j != i} phi(s_ij), the
     * Jacobian row J_i in theta = (vec U, vec V) (length dim = 2 d r, U first, row-major) with
     * dF/dU_ab = w X_ia W_ib, W_i = sum_j phi'(s_ij) Q_j, and dF/dV_ab = w P_ib Z_ia, Z_i = sum_j phi'(s_ij) X_j,
     * and kappa_i = w sum_j phi'(s_ij) s_ij / sAbs (phi' = 0 outside [lo, hi]). Adds the upper triangle of
     * sum J_i^T J_i to out[jtj + a dim + e] (a &lt;= e), sum e_i J_i to out[jte + a], sum kappa_i J_i to out[kj + a],
     * and sum e_i^2, sum kappa_i^2, sum kappa_i e_i to out[stats], out[stats + 1], out[stats + 2]. With the
     * aggregated features F_i = w sum_{j != i} B(s_ij) in R^n (n = K + p, as {@link #normalEquations}) it also adds
     * sum F_ik J_i to out[ftj + k dim + a] (n x dim, row-major) and sum kappa_i F_ik to out[kf + k]: the blocks
     * F^T J and F^T kappa that the variable-projection A-step (Kaufman) needs to remove from J^T J the directions
     * that the phi-step re-fits.
     *
     * <p>The rows of {@link #BLOCK} = 8 tokens are gathered in {@code block} (row-major 8 x dim) and added by
     * {@link #flushRows}: each entry of J^T J is loaded and stored once per eight rank-one updates, and two rows
     * of J^T J share the loads of the eight column entries. (4 x 4 tiles of dot products over 64 transposed
     * rows measured 8% slower per iteration in scalar Java 17, whose C2 does not vectorise either form.)
     * phi and phi' come from the piece polynomials of {@link #piecePolynomials} (values) and of their
     * derivatives times K / (2 R) (slopes, entry p of each piece 0).
     *
     * @param x tokens, row-major (M N) x d; not modified
     * @param y outputs; not modified
     * @param p projections P, (M N) x r; not modified
     * @param q projections Q, (M N) x r; not modified
     * @param r rank
     * @param d dimension
     * @param tokens N
     * @param m0 first sample
     * @param m1 one past the last sample
     * @param lo -R
     * @param hi R
     * @param scale K / (2 R)
     * @param pieces K
     * @param degree p
     * @param weight w
     * @param values piece polynomials of phi, length K (p + 1); not modified
     * @param slopes piece polynomials of phi' in s, length K (p + 1); not modified
     * @param sAbs the largest training |score| S, &gt; 0
     * @param partners work array, length &gt;= N
     * @param factors work array, length &gt;= N
     * @param wv work array, length &gt;= r, all 0 on entry; all 0 on return
     * @param z work array, length &gt;= d, all 0 on entry; all 0 on return
     * @param block work array, length &gt;= BLOCK 2 d r; overwritten
     * @param res work array, length &gt;= BLOCK; overwritten
     * @param kap work array, length &gt;= BLOCK; overwritten
     * @param bounds work array, length &gt;= 2 N; overwritten
     * @param features work array, length &gt;= 2 n, all 0 on entry; all 0 on return
     * @param bvalues work array, length &gt;= p + 1; overwritten
     * @param fbuf work array, length &gt;= BLOCK n, all 0 on entry; all 0 on return
     * @param out the sums; only the entries named above are modified
     * @param jtj offset of J^T J in out
     * @param jte offset of J^T e
     * @param kj offset of sum kappa J
     * @param stats offset of the three scalar sums
     * @param ftj offset of F^T J (n x dim)
     * @param kf offset of sum kappa F (n)
     * @param simd the SIMD Gauss-Newton loops (same bytes), or null for the scalar loops
     */
    /*@ public normal_behavior
      @   requires x != null && y != null && p != null && q != null && values != null && slopes != null;
      @   requires partners != null && factors != null && wv != null && z != null && block != null;
      @   requires res != null && kap != null && out != null && r >= 1 && d >= 1 && tokens >= 2;
      @   requires 0 <= m0 && m0 <= m1 && pieces >= 1 && degree >= 0 && scale > 0 && lo < hi && sAbs > 0;
      @   requires m1 * tokens * d <= x.length && m1 * tokens <= y.length;
      @   requires m1 * tokens * r <= p.length && m1 * tokens * r <= q.length;
      @   requires values.length >= pieces * (degree + 1) && slopes.length >= pieces * (degree + 1);
      @   requires partners.length >= tokens && factors.length >= tokens && wv.length >= r && z.length >= d;
      @   requires block.length >= BLOCK * 2 * d * r && res.length >= BLOCK && kap.length >= BLOCK;
      @   requires jtj >= 0 && jte >= 0 && kj >= 0 && stats >= 0;
      @   requires jtj + 4 * d * r * d * r <= out.length && jte + 2 * d * r <= out.length;
      @   requires kj + 2 * d * r <= out.length && stats + 3 <= out.length;
      @   requires bounds != null && features != null && bvalues != null && bounds.length >= 2 * tokens;
      @   requires features.length >= 2 * (pieces + degree) && bvalues.length >= degree + 1;
      @   requires fbuf != null && fbuf.length >= BLOCK * (pieces + degree);
      @   requires ftj >= 0 && kf >= 0 && ftj + (pieces + degree) * 2 * d * r <= out.length;
      @   requires kf + pieces + degree <= out.length;
      @   assignable partners[0 .. tokens - 1], factors[0 .. tokens - 1], wv[0 .. r - 1], z[0 .. d - 1];
      @   assignable block[0 .. BLOCK * 2 * d * r - 1], res[0 .. BLOCK - 1], kap[0 .. BLOCK - 1];
      @   assignable bounds[0 .. 2 * tokens - 1], features[0 .. 2 * (pieces + degree) - 1], bvalues[0 .. degree];
      @   assignable fbuf[0 .. BLOCK * (pieces + degree) - 1];
      @   assignable out[jtj .. jtj + 4 * d * r * d * r - 1], out[jte .. jte + 2 * d * r - 1];
      @   assignable out[kj .. kj + 2 * d * r - 1], out[stats .. stats + 2];
      @   assignable out[ftj .. ftj + (pieces + degree) * 2 * d * r - 1], out[kf .. kf + pieces + degree - 1];
      @*/
    public static void gaussNewton(double[] x, double[] y, double[] p, double[] q, int r, int d, int tokens,
                                   int m0, int m1, double lo, double hi, double scale, int pieces, int degree,
                                   double weight, double[] values, double[] slopes, double sAbs, int[] partners,
                                   double[] factors, double[] wv, double[] z, double[] block, double[] res,
                                   double[] kap, int[] bounds, double[] features, double[] bvalues,
                                   double[] fbuf, double[] out, int jtj, int jte, int kj, int stats, int ftj,
                                   int kf, GaussNewtonLoops simd) {
        int dim = 2 * d * r;
        int nb = pieces + degree;
        int w1 = degree + 1;
        int half = d * r;
        int gMin = nb;
        int gMax = -1;
        double sse = 0.0;
        double kk = 0.0;
        double ke = 0.0;
        int slot = 0;
        for (int m = m0; m < m1; m++) {
            int base = m * tokens;
            for (int i = 0; i < tokens; i++) {
                int pi = (base + i) * r;
                double pred = 0.0;
                double kappa = 0.0;
                int inRange = 0;
                for (int k = 0; k < tokens - 1; k++) {
                    int j = base + PairKernel.partner(tokens, i, k);
                    int qj = j * r;
                    double s = score(p, q, r, pi, qj);
                    double t = ScoreKernel.position(s, lo, hi, scale);
                    int piece = ScoreKernel.piece(t, pieces);
                    double u = t - piece;
                    int at = piece * w1;
                    double phi = values[at + degree];
                    double dphi = slopes[at + degree];
                    for (int a = degree - 1; a >= 0; a--) {
                        phi = phi * u + values[at + a];
                        dphi = dphi * u + slopes[at + a];
                    }
                    pred += phi;
                    if (s >= lo && s <= hi) {
                        kappa += dphi * s;
                        for (int b = 0; b < r; b++) {
                            wv[b] += dphi * q[qj + b];
                        }
                        factors[inRange] = dphi;
                        partners[inRange] = j * d;
                        inRange++;
                    }
                }
                // z = sum over in-range partners of phi' x_j, three partners per pass over z
                if (simd != null) {
                    simd.partnerSum(z, d, factors, partners, inRange, x);
                } else {
                    int t = 0;
                    for (; t + 2 < inRange; t += 3) {
                        double c0 = factors[t];
                        double c1 = factors[t + 1];
                        double c2 = factors[t + 2];
                        int x0 = partners[t];
                        int x1 = partners[t + 1];
                        int x2 = partners[t + 2];
                        axpy3(z, d, c0, c1, c2, x, x0, x1, x2);
                    }
                    for (; t < inRange; t++) {
                        double c0 = factors[t];
                        int x0 = partners[t];
                        axpy(z, d, c0, x, x0);
                    }
                }
                double e = y[base + i] - weight * pred;
                sse += e * e;
                kappa *= weight / sAbs;
                kk += kappa * kappa;
                ke += kappa * e;
                int xi = (base + i) * d;
                int jo = slot * dim;
                if (r == 1) {
                    // the same products as jacobianPair, in one loop over a that C2 can vectorise
                    double w0 = wv[0];
                    double p0 = p[pi];
                    for (int a = 0; a < d; a++) {
                        block[jo + a] = x[xi + a] * weight * w0;
                        block[jo + half + a] = p0 * (weight * z[a]);
                        z[a] = 0.0;
                    }
                } else {
                    for (int a = 0; a < d; a++) {
                        double xa = x[xi + a] * weight;
                        double za = weight * z[a];
                        jacobianPair(block, jo + a * r, half, xa, wv, za, p, pi, r);
                        z[a] = 0.0;
                    }
                }
                for (int b = 0; b < r; b++) {
                    wv[b] = 0.0;
                }
                // F_i (even partners in features[0..n), odd in [n..2n)), moved to row slot of fbuf; F J^T and
                // kappa F are added per group of BLOCK tokens (flushFeatures) on the union of their bands
                if (degree == 2) {
                    tokenDegree2(p, q, r, tokens, base, i, lo, hi, scale, pieces, features, 0, nb, bounds);
                } else if (degree == 3) {
                    tokenDegree3(p, q, r, tokens, base, i, lo, hi, scale, pieces, features, 0, nb, bounds);
                } else {
                    tokenGeneral(p, q, r, tokens, base, i, lo, hi, scale, pieces, degree, bvalues, features, 0, nb,
                            bounds);
                }
                int kMin = bounds[2 * i];
                int last = bounds[2 * i + 1] + degree;
                foldBand(features, 0, nb, kMin, last, weight);
                copyRange(features, kMin, fbuf, slot * nb + kMin, last - kMin + 1);
                clearBand(features, 0, kMin, last);
                gMin = Math.min(gMin, kMin);
                gMax = Math.max(gMax, last);
                res[slot] = e;
                kap[slot] = kappa;
                slot++;
                if (slot == BLOCK) {
                    flushGroup(simd, out, jtj, jte, kj, ftj, kf, dim, block, res, kap, fbuf, nb, gMin, gMax);
                    gMin = nb;
                    gMax = -1;
                    slot = 0;
                }
            }
        }
        if (slot > 0) {
            // empty rows add exact zeros
            clearBand(block, 0, slot * dim, BLOCK * dim - 1);
            for (int g = slot; g < BLOCK; g++) {
                res[g] = 0.0;
                kap[g] = 0.0;
            }
            flushGroup(simd, out, jtj, jte, kj, ftj, kf, dim, block, res, kap, fbuf, nb, gMin, gMax);
        }
        out[stats] += sse;
        out[stats + 1] += kk;
        out[stats + 2] += ke;
    }

    /**
     * Flushes one group of {@link #BLOCK} token rows (a full group, or the last one padded with zero rows) into the
     * sums: {@link #flushRows} then {@link #flushFeatures}, with the SIMD loops when given (the same bytes).
     */
    private static void flushGroup(GaussNewtonLoops simd, double[] out, int jtj, int jte, int kj, int ftj, int kf,
                                   int dim, double[] block, double[] res, double[] kap, double[] fbuf, int nb,
                                   int gMin, int gMax) {
        if (simd != null) {
            simd.flushRows(out, jtj, jte, kj, dim, block, res, kap);
            simd.flushFeatures(out, ftj, kf, dim, block, kap, fbuf, nb, gMin, gMax);
        } else {
            flushRows(out, jtj, jte, kj, dim, block, res, kap);
            flushFeatures(out, ftj, kf, dim, block, kap, fbuf, nb, gMin, gMax);
        }
    }

    /**
     * Adds 8 Jacobian rows (jbuf, row g at g dim, dim even) to the sums at ho (upper triangle of J^T J), go
     * (sum e J, weights rbuf) and ko (sum kappa J, weights kbuf): eight rank-one updates per pass over J^T J,
     * two of its rows per pass sharing the loads of the eight column entries.
     */
    static void flushRows(double[] partial, int ho, int go, int ko, int dim, double[] jbuf, double[] rbuf,
                          double[] kbuf) {
        double r0 = rbuf[0];
        double r1 = rbuf[1];
        double r2 = rbuf[2];
        double r3 = rbuf[3];
        double r4 = rbuf[4];
        double r5 = rbuf[5];
        double r6 = rbuf[6];
        double r7 = rbuf[7];
        double k0 = kbuf[0];
        double k1 = kbuf[1];
        double k2 = kbuf[2];
        double k3 = kbuf[3];
        double k4 = kbuf[4];
        double k5 = kbuf[5];
        double k6 = kbuf[6];
        double k7 = kbuf[7];
        int o1 = dim;
        int o2 = 2 * dim;
        int o3 = 3 * dim;
        int o4 = 4 * dim;
        int o5 = 5 * dim;
        int o6 = 6 * dim;
        int o7 = 7 * dim;
        // two rows of J^T J per pass (dim = 2 d r is even): the eight column entries jbuf[g dim + e] are loaded
        // once for both rows
        for (int a = 0; a < dim; a += 2) {
            double j0 = jbuf[a];
            double j1 = jbuf[o1 + a];
            double j2 = jbuf[o2 + a];
            double j3 = jbuf[o3 + a];
            double j4 = jbuf[o4 + a];
            double j5 = jbuf[o5 + a];
            double j6 = jbuf[o6 + a];
            double j7 = jbuf[o7 + a];
            int b = a + 1;
            double i0 = jbuf[b];
            double i1 = jbuf[o1 + b];
            double i2 = jbuf[o2 + b];
            double i3 = jbuf[o3 + b];
            double i4 = jbuf[o4 + b];
            double i5 = jbuf[o5 + b];
            double i6 = jbuf[o6 + b];
            double i7 = jbuf[o7 + b];
            partial[go + a] += (r0 * j0 + r1 * j1 + r2 * j2 + r3 * j3) + (r4 * j4 + r5 * j5 + r6 * j6 + r7 * j7);
            partial[ko + a] += (k0 * j0 + k1 * j1 + k2 * j2 + k3 * j3) + (k4 * j4 + k5 * j5 + k6 * j6 + k7 * j7);
            partial[go + b] += (r0 * i0 + r1 * i1 + r2 * i2 + r3 * i3) + (r4 * i4 + r5 * i5 + r6 * i6 + r7 * i7);
            partial[ko + b] += (k0 * i0 + k1 * i1 + k2 * i2 + k3 * i3) + (k4 * i4 + k5 * i5 + k6 * i6 + k7 * i7);
            int rowA = ho + a * dim;
            int rowB = ho + b * dim;
            partial[rowA + a] += (j0 * j0 + j1 * j1 + j2 * j2 + j3 * j3) + (j4 * j4 + j5 * j5 + j6 * j6 + j7 * j7);
            for (int e = b; e < dim; e++) {
                double v0 = jbuf[e];
                double v1 = jbuf[o1 + e];
                double v2 = jbuf[o2 + e];
                double v3 = jbuf[o3 + e];
                double v4 = jbuf[o4 + e];
                double v5 = jbuf[o5 + e];
                double v6 = jbuf[o6 + e];
                double v7 = jbuf[o7 + e];
                partial[rowA + e] += (j0 * v0 + j1 * v1 + j2 * v2 + j3 * v3) + (j4 * v4 + j5 * v5 + j6 * v6 + j7 * v7);
                partial[rowB + e] += (i0 * v0 + i1 * v1 + i2 * v2 + i3 * v3) + (i4 * v4 + i5 * v5 + i6 * v6 + i7 * v7);
            }
        }
    }

    /*@ normal_behavior
      @   requires out != null && jbuf != null && kbuf != null && fbuf != null && dim >= 0 && nb >= 1;
      @   requires out != jbuf && out != kbuf && out != fbuf && jbuf.length >= BLOCK * dim && kbuf.length >= BLOCK;
      @   requires fbuf.length >= BLOCK * nb && 0 <= first && first <= last + 1 && last < nb;
      @   requires ftj >= 0 && ftj + nb * dim <= out.length && kf >= 0 && kf + nb <= out.length;
      @   assignable out[ftj + first * dim .. ftj + (last + 1) * dim - 1], out[kf + first .. kf + last];
      @   assignable fbuf[0 .. BLOCK * nb - 1];
      @*/
    /**
     * Adds the feature products of a group of 8 tokens: out[ftj + k dim + e] += sum_g fbuf[g nb + k] jbuf[g dim + e]
     * and out[kf + k] += sum_g kbuf[g] fbuf[g nb + k] for k = first..last (the union of the tokens' bands; fbuf is 0
     * elsewhere) and e &lt; dim, then fbuf[g nb + k] = 0 there: one load and store of each entry of F^T J per eight
     * tokens, as {@link #flushRows} does for J^T J (one token at a time measured 25% slower per iteration).
     */
    static void flushFeatures(double[] out, int ftj, int kf, int dim, double[] jbuf, double[] kbuf, double[] fbuf,
                              int nb, int first, int last) {
        int o1 = dim;
        int o2 = 2 * dim;
        int o3 = 3 * dim;
        int o4 = 4 * dim;
        int o5 = 5 * dim;
        int o6 = 6 * dim;
        int o7 = 7 * dim;
        for (int k = first; k <= last; k++) {
            double c0 = fbuf[k];
            double c1 = fbuf[nb + k];
            double c2 = fbuf[2 * nb + k];
            double c3 = fbuf[3 * nb + k];
            double c4 = fbuf[4 * nb + k];
            double c5 = fbuf[5 * nb + k];
            double c6 = fbuf[6 * nb + k];
            double c7 = fbuf[7 * nb + k];
            out[kf + k] += (kbuf[0] * c0 + kbuf[1] * c1 + kbuf[2] * c2 + kbuf[3] * c3)
                    + (kbuf[4] * c4 + kbuf[5] * c5 + kbuf[6] * c6 + kbuf[7] * c7);
            int row = ftj + k * dim;
            for (int e = 0; e < dim; e++) {
                out[row + e] += (c0 * jbuf[e] + c1 * jbuf[o1 + e] + c2 * jbuf[o2 + e] + c3 * jbuf[o3 + e])
                        + (c4 * jbuf[o4 + e] + c5 * jbuf[o5 + e] + c6 * jbuf[o6 + e] + c7 * jbuf[o7 + e]);
            }
            fbuf[k] = 0.0;
            fbuf[nb + k] = 0.0;
            fbuf[2 * nb + k] = 0.0;
            fbuf[3 * nb + k] = 0.0;
            fbuf[4 * nb + k] = 0.0;
            fbuf[5 * nb + k] = 0.0;
            fbuf[6 * nb + k] = 0.0;
            fbuf[7 * nb + k] = 0.0;
        }
    }

    /*@ normal_behavior
      @   requires f != null && 0 <= row && 0 <= first && first <= last + 1 && row + last < f.length;
      @   assignable f[row + first .. row + last];
      @   ensures (\forall int k; row + first <= k && k <= row + last; f[k] == 0.0);
      @*/
    /** f[row + a] = 0 for a = first..last. */
    static void clearBand(double[] f, int row, int first, int last) {
        /*@ loop_invariant first <= a && a <= last + 1;
          @ loop_invariant (\forall int k; row + first <= k && k < row + a; f[k] == 0.0);
          @ loop_writes f[row + first .. row + last];
          @ decreases last + 1 - a;
          @*/
        for (int a = first; a <= last; a++) {
            f[row + a] = 0.0;
        }
    }

    /*@ normal_behavior
      @   requires p != null && q != null && r >= 1;
      @   requires 0 <= pi && pi + r <= p.length && 0 <= qj && qj + r <= q.length;
      @   assignable \nothing;
      @   ensures r == 1 ==> \result == p[pi] * q[qj];
      @*/
    /** The score s_ij = P_i . Q_j of rows pi / r and qj / r. */
    static double score(double[] p, double[] q, int r, int pi, int qj) {
        if (r == 1) {
            return p[pi] * q[qj];
        }
        double s = 0.0;
        /*@ loop_invariant 0 <= b && b <= r;
          @ loop_writes \nothing;
          @ decreases r - b;
          @*/
        for (int b = 0; b < r; b++) {
            s += p[pi + b] * q[qj + b];
        }
        return s;
    }

    /*@ normal_behavior
      @   requires p != null && q != null && r >= 1 && 0 <= pi && pi + r <= p.length && 0 <= j;
      @   requires (j + 1) * r <= q.length;
      @   assignable \nothing;
      @   ensures r == 1 ==> \result == pv * q[j];
      @*/
    /**
     * The score s_ij = P_i . Q_j of token row pi / r and token j, {@link #score} with P_i's first entry pv = p[pi]
     * loaded by the caller once per token: at rank 1 it is one product, and C2 compiles the callers' pair loops
     * once for r = 1 and once for r &gt; 1 (the test is invariant in them), the rank-1 copy without the row
     * arithmetic and the second load (one-thread phi-step at r = 1 pinned to one CPU: 15-20% faster at p = 2, 0-7%
     * at p = 3; spec/estimator.md). The same value as
     * {@code score(p, q, r, pi, j * r)}.
     */
    static double pairScore(double[] p, double[] q, int r, int pi, double pv, int j) {
        return r == 1 ? pv * q[j] : score(p, q, r, pi, j * r);
    }

    /**
     * Degree 2: sum_{j != i} B(s_ij) of token i of the sample at row base, even partners added to f[even + k..],
     * odd ones to f[odd + k..] (both zero outside the band on entry); bounds[2 i], bounds[2 i + 1] receive the
     * smallest and largest piece.
     */
    static void tokenDegree2(double[] p, double[] q, int r, int tokens, int base, int i, double lo, double hi,
                             double scale, int pieces, double[] f, int even, int odd, int[] bounds) {
        int pi = (base + i) * r;
        double pv = p[pi];
        double top = pieces;
        int kMin = pieces;
        int kMax = 0;
        int k = 0;
        for (; k + 1 < tokens - 1; k += 2) {
            double s0 = pairScore(p, q, r, pi, pv, base + PairKernel.partner(tokens, i, k));
            double s1 = pairScore(p, q, r, pi, pv, base + PairKernel.partner(tokens, i, k + 1));
            double t0 = (s0 - lo) * scale;
            double t1 = (s1 - lo) * scale;
            int k0;
            int k1;
            // in [lo, hi] and below the right end: position(s) = t, piece = floor(t); otherwise the general rules
            if ((s0 >= lo) & (s0 <= hi) & (t0 < top) & (s1 >= lo) & (s1 <= hi) & (t1 < top)) {
                k0 = (int) t0;
                k1 = (int) t1;
            } else {
                t0 = ScoreKernel.position(s0, lo, hi, scale);
                t1 = ScoreKernel.position(s1, lo, hi, scale);
                k0 = ScoreKernel.piece(t0, pieces);
                k1 = ScoreKernel.piece(t1, pieces);
            }
            double u0 = t0 - k0;
            double u1 = t1 - k1;
            double v0 = 1.0 - u0;
            double v1 = 1.0 - u1;
            int o0 = even + k0;
            int o1 = odd + k1;
            f[o0] += 0.5 * v0 * v0;
            f[o0 + 1] += 0.5 + u0 * v0;
            f[o0 + 2] += 0.5 * u0 * u0;
            f[o1] += 0.5 * v1 * v1;
            f[o1 + 1] += 0.5 + u1 * v1;
            f[o1 + 2] += 0.5 * u1 * u1;
            kMin = Math.min(kMin, Math.min(k0, k1));
            kMax = Math.max(kMax, Math.max(k0, k1));
        }
        if (k < tokens - 1) {
            // the last partner when N - 1 is odd: the same test for one score
            double s0 = pairScore(p, q, r, pi, pv, base + PairKernel.partner(tokens, i, k));
            double t0 = (s0 - lo) * scale;
            int k0;
            if ((s0 >= lo) & (s0 <= hi) & (t0 < top)) {
                k0 = (int) t0;
            } else {
                t0 = ScoreKernel.position(s0, lo, hi, scale);
                k0 = ScoreKernel.piece(t0, pieces);
            }
            double u0 = t0 - k0;
            double v0 = 1.0 - u0;
            int o0 = even + k0;
            f[o0] += 0.5 * v0 * v0;
            f[o0 + 1] += 0.5 + u0 * v0;
            f[o0 + 2] += 0.5 * u0 * u0;
            kMin = Math.min(kMin, k0);
            kMax = Math.max(kMax, k0);
        }
        bounds[2 * i] = kMin;
        bounds[2 * i + 1] = kMax;
    }

    /**
     * Degree 3: as {@link #tokenDegree2} (two partners per pass, the in-range test before the general rules)
     * with the cubic closed forms of {@link ScoreKernel#values}.
     */
    static void tokenDegree3(double[] p, double[] q, int r, int tokens, int base, int i, double lo, double hi,
                             double scale, int pieces, double[] f, int even, int odd, int[] bounds) {
        int pi = (base + i) * r;
        double pv = p[pi];
        double top = pieces;
        int kMin = pieces;
        int kMax = 0;
        int k = 0;
        for (; k + 1 < tokens - 1; k += 2) {
            double s0 = pairScore(p, q, r, pi, pv, base + PairKernel.partner(tokens, i, k));
            double s1 = pairScore(p, q, r, pi, pv, base + PairKernel.partner(tokens, i, k + 1));
            double t0 = (s0 - lo) * scale;
            double t1 = (s1 - lo) * scale;
            int k0;
            int k1;
            // in [lo, hi] and below the right end: position(s) = t, piece = floor(t); otherwise the general rules
            if ((s0 >= lo) & (s0 <= hi) & (t0 < top) & (s1 >= lo) & (s1 <= hi) & (t1 < top)) {
                k0 = (int) t0;
                k1 = (int) t1;
            } else {
                t0 = ScoreKernel.position(s0, lo, hi, scale);
                t1 = ScoreKernel.position(s1, lo, hi, scale);
                k0 = ScoreKernel.piece(t0, pieces);
                k1 = ScoreKernel.piece(t1, pieces);
            }
            double u0 = t0 - k0;
            double v0 = 1.0 - u0;
            double u20 = u0 * u0;
            double u30 = u20 * u0;
            double u1 = t1 - k1;
            double v1 = 1.0 - u1;
            double u21 = u1 * u1;
            double u31 = u21 * u1;
            int o0 = even + k0;
            int o1 = odd + k1;
            f[o0] += v0 * v0 * v0 / 6.0;
            f[o0 + 1] += (3.0 * u30 - 6.0 * u20 + 4.0) / 6.0;
            f[o0 + 2] += (-3.0 * u30 + 3.0 * u20 + 3.0 * u0 + 1.0) / 6.0;
            f[o0 + 3] += u30 / 6.0;
            f[o1] += v1 * v1 * v1 / 6.0;
            f[o1 + 1] += (3.0 * u31 - 6.0 * u21 + 4.0) / 6.0;
            f[o1 + 2] += (-3.0 * u31 + 3.0 * u21 + 3.0 * u1 + 1.0) / 6.0;
            f[o1 + 3] += u31 / 6.0;
            kMin = Math.min(kMin, Math.min(k0, k1));
            kMax = Math.max(kMax, Math.max(k0, k1));
        }
        if (k < tokens - 1) {
            double s = pairScore(p, q, r, pi, pv, base + PairKernel.partner(tokens, i, k));
            double t = (s - lo) * scale;
            int kk;
            if ((s >= lo) & (s <= hi) & (t < top)) {
                kk = (int) t;
            } else {
                t = ScoreKernel.position(s, lo, hi, scale);
                kk = ScoreKernel.piece(t, pieces);
            }
            double u = t - kk;
            double v = 1.0 - u;
            double u2 = u * u;
            double u3 = u2 * u;
            int o = even + kk;
            f[o] += v * v * v / 6.0;
            f[o + 1] += (3.0 * u3 - 6.0 * u2 + 4.0) / 6.0;
            f[o + 2] += (-3.0 * u3 + 3.0 * u2 + 3.0 * u + 1.0) / 6.0;
            f[o + 3] += u3 / 6.0;
            kMin = Math.min(kMin, kk);
            kMax = Math.max(kMax, kk);
        }
        bounds[2 * i] = kMin;
        bounds[2 * i + 1] = kMax;
    }

    /** Any degree: as {@link #tokenDegree2} with {@link ScoreKernel#values} into {@code values}. */
    static void tokenGeneral(double[] p, double[] q, int r, int tokens, int base, int i, double lo, double hi,
                             double scale, int pieces, int degree, double[] values, double[] f, int even, int odd,
                             int[] bounds) {
        int pi = (base + i) * r;
        int kMin = pieces;
        int kMax = 0;
        for (int k = 0; k < tokens - 1; k++) {
            double t = ScoreKernel.position(score(p, q, r, pi, (base + PairKernel.partner(tokens, i, k)) * r),
                    lo, hi, scale);
            int kk = ScoreKernel.piece(t, pieces);
            ScoreKernel.values(t - kk, degree, values);
            int o = ((k & 1) == 0 ? even : odd) + kk;
            addInto(f, o, values, degree + 1);
            kMin = Math.min(kMin, kk);
            kMax = Math.max(kMax, kk);
        }
        bounds[2 * i] = kMin;
        bounds[2 * i + 1] = kMax;
    }

    /*@ normal_behavior
      @   requires out != null && block != null && out != block && 0 <= first && first <= last + 1;
      @   requires 0 <= at && at + last < out.length && 0 <= from && from + last < block.length;
      @   assignable out[at + first .. at + last], block[from + first .. from + last];
      @   ensures (\forall int k; from + first <= k && k <= from + last; block[k] == 0.0);
      @*/
    /** out[at + e] += block[from + e], then block[from + e] = 0, for e = first..last. */
    static void moveRow(double[] out, int at, double[] block, int from, int first, int last) {
        /*@ loop_invariant first <= e && e <= last + 1;
          @ loop_invariant (\forall int k; from + first <= k && k < from + e; block[k] == 0.0);
          @ loop_writes out[at + first .. at + last], block[from + first .. from + last];
          @ decreases last + 1 - e;
          @*/
        for (int e = first; e <= last; e++) {
            out[at + e] = out[at + e] + block[from + e];
            block[from + e] = 0.0;
        }
    }

    /*@ normal_behavior
      @   requires out != null && f != null && out != f && 0 <= first && first <= last + 1;
      @   requires 0 <= at && at + last < out.length && 0 <= row && row + last < f.length;
      @   assignable out[at + first .. at + last];
      @*/
    /** out[at + e] += fa f[row + e] for e = first..last (one row of the upper triangle of F F^T). */
    static void addScaled(double[] out, int at, double fa, double[] f, int row, int first, int last) {
        /*@ loop_invariant first <= e && e <= last + 1;
          @ loop_writes out[at + first .. at + last];
          @ decreases last + 1 - e;
          @*/
        for (int e = first; e <= last; e++) {
            out[at + e] = out[at + e] + fa * f[row + e];
        }
    }

    /*@ normal_behavior
      @   requires src != null && dst != null && src != dst && j >= 1 && 0 <= count;
      @   requires 0 <= from && from + count <= src.length && 0 <= to && to + count <= dst.length;
      @   assignable dst[to .. to + count - 1];
      @*/
    /** dst[to + a] = src[from + a] / j for a &lt; count. */
    static void divided(double[] src, int from, double[] dst, int to, int count, int j) {
        /*@ loop_invariant 0 <= a && a <= count;
          @ loop_writes dst[to .. to + count - 1];
          @ decreases count - a;
          @*/
        for (int a = 0; a < count; a++) {
            dst[to + a] = src[from + a] / j;
        }
    }

    /*@ normal_behavior
      @   requires src != null && dst != null && src != dst && 0 <= count;
      @   requires 0 <= from && from + count <= src.length && 0 <= to && to + count <= dst.length;
      @   assignable dst[to .. to + count - 1];
      @*/
    /** dst[to + a] = src[from + a] for a &lt; count. */
    static void copyRange(double[] src, int from, double[] dst, int to, int count) {
        /*@ loop_invariant 0 <= a && a <= count;
          @ loop_writes dst[to .. to + count - 1];
          @ decreases count - a;
          @*/
        for (int a = 0; a < count; a++) {
            dst[to + a] = src[from + a];
        }
    }

    /*@ normal_behavior
      @   requires block != null && wv != null && p != null && block != wv && block != p && 0 <= r;
      @   requires r <= wv.length && 0 <= pi && pi + r <= p.length;
      @   requires 0 <= at && r <= half && at + half + r <= block.length;
      @   assignable block[at .. at + r - 1], block[at + half .. at + half + r - 1];
      @*/
    /**
     * One row of the U and V halves of a Jacobian row: block[at + b] = xa wv[b] and block[at + half + b] =
     * p[pi + b] za for b &lt; r.
     */
    static void jacobianPair(double[] block, int at, int half, double xa, double[] wv, double za, double[] p,
                             int pi, int r) {
        /*@ loop_invariant 0 <= b && b <= r;
          @ loop_writes block[at .. at + r - 1], block[at + half .. at + half + r - 1];
          @ decreases r - b;
          @*/
        for (int b = 0; b < r; b++) {
            block[at + b] = xa * wv[b];
            block[at + half + b] = p[pi + b] * za;
        }
    }

    /*@ normal_behavior
      @   requires f != null && 0 <= row && 0 <= first && first <= last + 1 && second > last - first;
      @   requires second + row + last < f.length;
      @   assignable f[row + first .. row + last], f[second + row + first .. second + row + last];
      @   ensures (\forall int k; second + row + first <= k && k <= second + row + last; f[k] == 0.0);
      @*/
    /**
     * Adds the odd-partner half to the even one and scales by the weight on the band first..last of a token:
     * f[row + a] = (f[row + a] + f[second + row + a]) weight, f[second + row + a] = 0.
     */
    static void foldBand(double[] f, int row, int second, int first, int last, double weight) {
        /*@ loop_invariant first <= a && a <= last + 1;
          @ loop_invariant (\forall int k; second + row + first <= k && k < second + row + a; f[k] == 0.0);
          @ loop_writes f[row + first .. row + last], f[second + row + first .. second + row + last];
          @ decreases last + 1 - a;
          @*/
        for (int a = first; a <= last; a++) {
            f[row + a] = (f[row + a] + f[second + row + a]) * weight;
            f[second + row + a] = 0.0;
        }
    }

    /*@ normal_behavior
      @   requires table != null && degree >= 0 && 0 <= at && at + degree < table.length;
      @   assignable \nothing;
      @   ensures degree == 0 ==> \result == table[at];
      @*/
    /** Horner: sum_a table[at + a] u^a, a = 0..degree, from the highest coefficient down. */
    static double horner(double[] table, int at, int degree, double u) {
        double phi = table[at + degree];
        /*@ loop_invariant -1 <= a && a <= degree - 1;
          @ loop_writes \nothing;
          @ decreases a + 1;
          @*/
        for (int a = degree - 1; a >= 0; a--) {
            phi = phi * u + table[at + a];
        }
        return phi;
    }

    /*@ normal_behavior
      @   requires z != null && x != null && z != x && 0 <= d && d <= z.length;
      @   requires 0 <= x0 && x0 + d <= x.length;
      @   assignable z[0 .. d - 1];
      @*/
    /** z[a] += c0 x[x0 + a] for a &lt; d. */
    static void axpy(double[] z, int d, double c0, double[] x, int x0) {
        /*@ loop_invariant 0 <= a && a <= d;
          @ loop_writes z[0 .. d - 1];
          @ decreases d - a;
          @*/
        for (int a = 0; a < d; a++) {
            z[a] = z[a] + c0 * x[x0 + a];
        }
    }

    /*@ normal_behavior
      @   requires z != null && x != null && z != x && 0 <= d && d <= z.length;
      @   requires 0 <= x0 && x0 + d <= x.length && 0 <= x1 && x1 + d <= x.length && 0 <= x2 && x2 + d <= x.length;
      @   assignable z[0 .. d - 1];
      @*/
    /** z[a] += c0 x[x0 + a] + c1 x[x1 + a] + c2 x[x2 + a] for a &lt; d (three partners per pass over z). */
    static void axpy3(double[] z, int d, double c0, double c1, double c2, double[] x, int x0, int x1, int x2) {
        /*@ loop_invariant 0 <= a && a <= d;
          @ loop_writes z[0 .. d - 1];
          @ decreases d - a;
          @*/
        for (int a = 0; a < d; a++) {
            z[a] = z[a] + (c0 * x[x0 + a] + c1 * x[x1 + a] + c2 * x[x2 + a]);
        }
    }

    /*@ normal_behavior
      @   requires f != null && values != null && f != values && 0 <= count && count <= values.length;
      @   requires 0 <= at && at + count <= f.length;
      @   assignable f[at .. at + count - 1];
      @*/
    /** f[at + e] += values[e] for e &lt; count. */
    static void addInto(double[] f, int at, double[] values, int count) {
        /*@ loop_invariant 0 <= e && e <= count;
          @ loop_writes f[at .. at + count - 1];
          @ decreases count - e;
          @*/
        for (int e = 0; e < count; e++) {
            f[at + e] = f[at + e] + values[e];
        }
    }

    /*@ normal_behavior
      @   requires f != null && dst != null && f != dst && 0 <= at && at + 8 <= f.length && stride >= 8;
      @   requires 0 <= g && g + 7 * stride + 8 <= dst.length && 0 <= rhs && rhs + 8 <= dst.length;
      @   requires rhs + 8 <= g || g + 7 * stride + 8 <= rhs;
      @   assignable dst[rhs .. rhs + 7], dst[g .. g + 7], dst[g + stride + 1 .. g + stride + 7],
      @       dst[g + 2 * stride + 2 .. g + 2 * stride + 7], dst[g + 3 * stride + 3 .. g + 3 * stride + 7],
      @       dst[g + 4 * stride + 4 .. g + 4 * stride + 7], dst[g + 5 * stride + 5 .. g + 5 * stride + 7],
      @       dst[g + 6 * stride + 6 .. g + 6 * stride + 7], dst[g + 7 * stride + 7];
      @*/
    /**
     * dst[g + l stride + e] += f_l f_e for 0 &lt;= l &lt;= e &lt; 8 and dst[rhs + l] += yi f_l, with f_l = f[at + l]
     * (the upper triangle of F F^T and y F for one window of eight coefficients).
     */
    static void outerWindow(double[] f, int at, double yi, double[] dst, int g, int stride, int rhs) {
        double f0 = f[at + 0];
        double f1 = f[at + 1];
        double f2 = f[at + 2];
        double f3 = f[at + 3];
        double f4 = f[at + 4];
        double f5 = f[at + 5];
        double f6 = f[at + 6];
        double f7 = f[at + 7];
        dst[rhs + 0] += yi * f0;
        dst[rhs + 1] += yi * f1;
        dst[rhs + 2] += yi * f2;
        dst[rhs + 3] += yi * f3;
        dst[rhs + 4] += yi * f4;
        dst[rhs + 5] += yi * f5;
        dst[rhs + 6] += yi * f6;
        dst[rhs + 7] += yi * f7;
        int g0 = g;
        dst[g0 + 0] += f0 * f0;
        dst[g0 + 1] += f0 * f1;
        dst[g0 + 2] += f0 * f2;
        dst[g0 + 3] += f0 * f3;
        dst[g0 + 4] += f0 * f4;
        dst[g0 + 5] += f0 * f5;
        dst[g0 + 6] += f0 * f6;
        dst[g0 + 7] += f0 * f7;
        int g1 = g + 1 * stride;
        dst[g1 + 1] += f1 * f1;
        dst[g1 + 2] += f1 * f2;
        dst[g1 + 3] += f1 * f3;
        dst[g1 + 4] += f1 * f4;
        dst[g1 + 5] += f1 * f5;
        dst[g1 + 6] += f1 * f6;
        dst[g1 + 7] += f1 * f7;
        int g2 = g + 2 * stride;
        dst[g2 + 2] += f2 * f2;
        dst[g2 + 3] += f2 * f3;
        dst[g2 + 4] += f2 * f4;
        dst[g2 + 5] += f2 * f5;
        dst[g2 + 6] += f2 * f6;
        dst[g2 + 7] += f2 * f7;
        int g3 = g + 3 * stride;
        dst[g3 + 3] += f3 * f3;
        dst[g3 + 4] += f3 * f4;
        dst[g3 + 5] += f3 * f5;
        dst[g3 + 6] += f3 * f6;
        dst[g3 + 7] += f3 * f7;
        int g4 = g + 4 * stride;
        dst[g4 + 4] += f4 * f4;
        dst[g4 + 5] += f4 * f5;
        dst[g4 + 6] += f4 * f6;
        dst[g4 + 7] += f4 * f7;
        int g5 = g + 5 * stride;
        dst[g5 + 5] += f5 * f5;
        dst[g5 + 6] += f5 * f6;
        dst[g5 + 7] += f5 * f7;
        int g6 = g + 6 * stride;
        dst[g6 + 6] += f6 * f6;
        dst[g6 + 7] += f6 * f7;
        int g7 = g + 7 * stride;
        dst[g7 + 7] += f7 * f7;
    }

    /*@ normal_behavior
      @   requires f != null && dst != null && f != dst && 0 <= at && second >= 8 && at + second + 8 <= f.length;
      @   requires stride >= 8 && 0 <= g && g + 7 * stride + 8 <= dst.length && 0 <= rhs && rhs + 8 <= dst.length;
      @   requires rhs + 8 <= g || g + 7 * stride + 8 <= rhs;
      @   assignable f[at .. at + 7], f[at + second .. at + second + 7];
      @   assignable dst[rhs .. rhs + 7], dst[g .. g + 7], dst[g + stride + 1 .. g + stride + 7],
      @       dst[g + 2 * stride + 2 .. g + 2 * stride + 7], dst[g + 3 * stride + 3 .. g + 3 * stride + 7],
      @       dst[g + 4 * stride + 4 .. g + 4 * stride + 7], dst[g + 5 * stride + 5 .. g + 5 * stride + 7],
      @       dst[g + 6 * stride + 6 .. g + 6 * stride + 7], dst[g + 7 * stride + 7];
      @   ensures (\forall int k; at <= k && k <= at + 7; f[k] == 0.0 && f[k + second] == 0.0);
      @*/
    /**
     * {@link #foldBand} on one full window of eight coefficients, then {@link #outerWindow} of the folded
     * values and {@link #clearBand} of the window, without storing the folded values: with
     * f_l = (f[at + l] + f[at + second + l]) weight, dst[g + l stride + e] += f_l f_e for 0 &lt;= l &lt;= e &lt; 8
     * and dst[rhs + l] += yi f_l; then f[at + l] = f[at + second + l] = 0 for l &lt; 8. The same operations in the
     * same order as the three calls, so the same bytes.
     */
    static void foldOuterWindow(double[] f, int at, int second, double weight, double yi, double[] dst, int g,
                                int stride, int rhs) {
        int o = at + second;
        double f0 = (f[at + 0] + f[o + 0]) * weight;
        double f1 = (f[at + 1] + f[o + 1]) * weight;
        double f2 = (f[at + 2] + f[o + 2]) * weight;
        double f3 = (f[at + 3] + f[o + 3]) * weight;
        double f4 = (f[at + 4] + f[o + 4]) * weight;
        double f5 = (f[at + 5] + f[o + 5]) * weight;
        double f6 = (f[at + 6] + f[o + 6]) * weight;
        double f7 = (f[at + 7] + f[o + 7]) * weight;
        /*@ loop_invariant 0 <= a && a <= 8;
          @ loop_invariant (\forall int k; at <= k && k < at + a; f[k] == 0.0 && f[k + second] == 0.0);
          @ loop_writes f[at .. at + 7], f[at + second .. at + second + 7];
          @ decreases 8 - a;
          @*/
        for (int a = 0; a < 8; a++) {
            f[at + a] = 0.0;
            f[o + a] = 0.0;
        }
        dst[rhs + 0] += yi * f0;
        dst[rhs + 1] += yi * f1;
        dst[rhs + 2] += yi * f2;
        dst[rhs + 3] += yi * f3;
        dst[rhs + 4] += yi * f4;
        dst[rhs + 5] += yi * f5;
        dst[rhs + 6] += yi * f6;
        dst[rhs + 7] += yi * f7;
        int g0 = g;
        dst[g0 + 0] += f0 * f0;
        dst[g0 + 1] += f0 * f1;
        dst[g0 + 2] += f0 * f2;
        dst[g0 + 3] += f0 * f3;
        dst[g0 + 4] += f0 * f4;
        dst[g0 + 5] += f0 * f5;
        dst[g0 + 6] += f0 * f6;
        dst[g0 + 7] += f0 * f7;
        int g1 = g + 1 * stride;
        dst[g1 + 1] += f1 * f1;
        dst[g1 + 2] += f1 * f2;
        dst[g1 + 3] += f1 * f3;
        dst[g1 + 4] += f1 * f4;
        dst[g1 + 5] += f1 * f5;
        dst[g1 + 6] += f1 * f6;
        dst[g1 + 7] += f1 * f7;
        int g2 = g + 2 * stride;
        dst[g2 + 2] += f2 * f2;
        dst[g2 + 3] += f2 * f3;
        dst[g2 + 4] += f2 * f4;
        dst[g2 + 5] += f2 * f5;
        dst[g2 + 6] += f2 * f6;
        dst[g2 + 7] += f2 * f7;
        int g3 = g + 3 * stride;
        dst[g3 + 3] += f3 * f3;
        dst[g3 + 4] += f3 * f4;
        dst[g3 + 5] += f3 * f5;
        dst[g3 + 6] += f3 * f6;
        dst[g3 + 7] += f3 * f7;
        int g4 = g + 4 * stride;
        dst[g4 + 4] += f4 * f4;
        dst[g4 + 5] += f4 * f5;
        dst[g4 + 6] += f4 * f6;
        dst[g4 + 7] += f4 * f7;
        int g5 = g + 5 * stride;
        dst[g5 + 5] += f5 * f5;
        dst[g5 + 6] += f5 * f6;
        dst[g5 + 7] += f5 * f7;
        int g6 = g + 6 * stride;
        dst[g6 + 6] += f6 * f6;
        dst[g6 + 7] += f6 * f7;
        int g7 = g + 7 * stride;
        dst[g7 + 7] += f7 * f7;
    }
}
