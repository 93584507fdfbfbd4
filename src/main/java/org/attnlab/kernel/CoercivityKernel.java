package org.attnlab.kernel;

/**
 * The index-heavy loops of the coercivity estimate ({@code org.attnlab.coercivity.CoercivityEstimator}), on
 * row-major primitive arrays: the accumulation of the two Gram matrices over the samples, the largest pair score,
 * the restriction to the kept basis functions and the transposes of the generalized-eigenvalue setup.
 *
 * <p>With b_ij = (B_k(s_ij))_k, s_ij = X_i^T A X_j and F_i = 1/(N-1) sum_{j != i} b_ij, {@link #accumulate} adds
 * F_i F_i^T to an n x n block of {@code agg} and every b_ij b_ij^T to the same block of {@code pair}. Order of
 * operations (fixed; the estimator's numbers depend on it): samples increasing; in a sample, first the rows
 * X_i^T A (sum over k increasing), then for each token i its partners j in {@link PairKernel#partner} order, the
 * score s_ij summed over l increasing, b_ij added to F_i and b_ij b_ij^T to {@code pair} row by row; then
 * {@code agg[e][g] += (F_e w) F_g w} with w = 1/(N-1), rows e whose F_e w is zero skipped.
 *
 * <p>The top-level methods take row-major offsets such as {@code a * n + b}: nonlinear integer arithmetic that
 * z3 does not close under OpenJML 0.21, so their contracts (shapes, index ranges, frames) are parsed and
 * type-checked only (excluded by name in proofs/openjml-files.txt) and {@code CoercivityKernelTest} exercises them.
 * Their inner loops are small helpers with additive index arithmetic whose bounds, frames and values ESC proves.
 * No allocation: callers pass every work array.
 */
public final class CoercivityKernel {

    private CoercivityKernel() {
    }

    /*@ public normal_behavior
      @   requires x != null && a != null && agg != null && pair != null && xa != null && f != null && vals != null;
      @   requires agg != pair && xa != f && xa != vals && f != vals && xa != x && xa != a;
      @   requires agg != xa && agg != f && agg != vals && pair != xa && pair != f && pair != vals;
      @   requires d >= 1 && tokens >= 2 && degree >= 0 && pieces >= 1 && d <= 46340 && tokens <= 46340;
      @   requires 0 <= m0 && m0 <= m1 && m1 <= x.length / (tokens * d) && d * d <= a.length;
      @   requires lo < hi && scale > 0 && -1.0e300 <= lo && hi <= 1.0e300 && scale <= 1.0e300;
      @   requires pieces + degree <= 46340 && 0 <= offset;
      @   requires offset + (pieces + degree) * (pieces + degree) <= agg.length;
      @   requires offset + (pieces + degree) * (pieces + degree) <= pair.length;
      @   requires tokens * d <= xa.length && pieces + degree <= f.length && degree + 1 <= vals.length;
      @   assignable agg[offset .. offset + (pieces + degree) * (pieces + degree) - 1],
      @       pair[offset .. offset + (pieces + degree) * (pieces + degree) - 1],
      @       xa[0 .. tokens * d - 1], f[0 .. pieces + degree - 1], vals[0 .. degree];
      @*/
    /**
     * Adds, over samples [m0, m1), F_i F_i^T to agg and b_ij b_ij^T to pair, both n x n row-major at offset,
     * n = pieces + degree (order of operations: the class doc).
     *
     * @param x tokens, sample m token i coordinate k at (m tokens + i) d + k; not modified
     * @param d token dimension
     * @param tokens N &gt;= 2 tokens per sample
     * @param a A, d x d row-major; not modified
     * @param m0 first sample
     * @param m1 one past the last sample
     * @param lo left end of the spline domain (scores below are clamped)
     * @param hi right end
     * @param scale pieces / (hi - lo)
     * @param pieces K &gt;= 1
     * @param degree p &gt;= 0
     * @param agg accumulates sum F_i F_i^T in [offset, offset + n^2)
     * @param pair accumulates sum b_ij b_ij^T in [offset, offset + n^2)
     * @param offset start of the n x n block in agg and pair
     * @param xa work array, length &gt;= N d
     * @param f work array, length &gt;= n
     * @param vals work array, length &gt;= p + 1
     */
    public static void accumulate(double[] x, int d, int tokens, double[] a, int m0, int m1, double lo, double hi,
                                  double scale, int pieces, int degree, double[] agg, double[] pair, int offset,
                                  double[] xa, double[] f, double[] vals) {
        int nb = pieces + degree;
        double w = 1.0 / (tokens - 1);
        for (int m = m0; m < m1; m++) {
            int base = m * tokens;
            projectRows(x, base * d, tokens, d, a, xa);
            for (int i = 0; i < tokens; i++) {
                zeroRange(f, 0, nb);
                for (int k = 0; k < tokens - 1; k++) {
                    int j = PairKernel.partner(tokens, i, k);
                    double s = dot(xa, i * d, x, (base + j) * d, d);
                    double t = ScoreKernel.position(s, lo, hi, scale);
                    int piece = ScoreKernel.piece(t, pieces);
                    ScoreKernel.values(t - piece, degree, vals);
                    addRange(f, piece, vals, 0, degree + 1);
                    for (int e = 0; e <= degree; e++) {
                        addScaled(pair, offset + (piece + e) * nb + piece, vals[e], vals, degree + 1);
                    }
                }
                for (int e = 0; e < nb; e++) {
                    double fe = f[e] * w;
                    if (fe != 0.0) {
                        addScaledWeighted(agg, offset + e * nb, fe, f, w, nb);
                    }
                }
            }
        }
    }

    /*@ public normal_behavior
      @   requires x != null && a != null && xa != null && xa != x && xa != a;
      @   requires d >= 1 && tokens >= 1 && d <= 46340 && tokens <= 46340 && tokens * d <= xa.length;
      @   requires 0 <= from && from + tokens * d <= x.length && d * d <= a.length;
      @   assignable xa[0 .. tokens * d - 1];
      @*/
    /**
     * xa[i d + l] = sum_{k &lt; d} x[from + i d + k] a[k d + l] for i &lt; tokens, l &lt; d (the rows X_i^T A of one
     * sample), summing in increasing k.
     */
    public static void projectRows(double[] x, int from, int tokens, int d, double[] a, double[] xa) {
        for (int i = 0; i < tokens; i++) {
            int xi = from + i * d;
            for (int l = 0; l < d; l++) {
                double s = 0.0;
                for (int k = 0; k < d; k++) {
                    s += x[xi + k] * a[k * d + l];
                }
                xa[i * d + l] = s;
            }
        }
    }

    /*@ public normal_behavior
      @   requires x != null && a != null && xa != null && xa != x && xa != a;
      @   requires d >= 1 && tokens >= 1 && samples >= 0 && d <= 46340 && tokens <= 46340 && d <= xa.length;
      @   requires samples <= x.length / (tokens * d) && d * d <= a.length;
      @   assignable xa[0 .. d - 1];
      @   ensures !(\result < 0);
      @*/
    /**
     * max |X_i^T A X_j| over the ordered pairs i != j of each of the first {@code samples} samples (0 when there
     * are none), the scores summed in increasing l as in {@link #accumulate}.
     *
     * @param xa work array, length &gt;= d
     */
    public static double largestScore(double[] x, int d, int tokens, int samples, double[] a, double[] xa) {
        double max = 0.0;
        for (int row = 0; row < samples * tokens; row++) {
            projectRows(x, row * d, 1, d, a, xa);
            int base = row - row % tokens;
            for (int j = base; j < base + tokens; j++) {
                if (j != row) {
                    max = Math.max(max, Math.abs(dot(xa, 0, x, j * d, d)));
                }
            }
        }
        return max;
    }

    /*@ public normal_behavior
      @   requires g != null && c != null && nb >= 0 && nb <= 46340 && nb <= c.length;
      @   requires 0 <= offset && offset + nb * nb <= g.length;
      @   assignable \nothing;
      @*/
    /** c^T G c for the nb x nb block of g at offset: sum over rows a of c[a] (sum over b of G_ab c[b]). */
    public static double quadratic(double[] g, int offset, double[] c, int nb) {
        double s = 0.0;
        for (int a = 0; a < nb; a++) {
            s += c[a] * dot(g, offset + a * nb, c, 0, nb);
        }
        return s;
    }

    /*@ public normal_behavior
      @   requires g != null && kept != null && nb >= 0 && nb <= 46340 && nb * nb <= g.length && nb <= kept.length;
      @   assignable kept[0 .. nb - 1];
      @*/
    /**
     * kept[k] = (g[k nb + k] &gt; floor max_j g[j nb + j]) for k &lt; nb: the basis functions whose diagonal Gram
     * entry is above floor times the largest (max taken with Math.max from 0).
     */
    public static void keep(double[] g, int nb, double floor, boolean[] kept) {
        double max = 0.0;
        for (int k = 0; k < nb; k++) {
            max = Math.max(max, g[k * nb + k]);
        }
        for (int k = 0; k < nb; k++) {
            kept[k] = g[k * nb + k] > floor * max;
        }
    }

    /*@ public normal_behavior
      @   requires src != null && idx != null && dst != null && src != dst;
      @   requires 0 <= size && size <= idx.length && size <= 46340 && size * size <= dst.length;
      @   requires nb >= 0 && nb <= 46340 && nb * nb <= src.length;
      @   requires (\forall int k; 0 <= k && k < size; 0 <= idx[k] && idx[k] < nb);
      @   assignable dst[0 .. size * size - 1];
      @*/
    /** dst[r size + c] = src[idx[r] nb + idx[c]] for r, c &lt; size: the rows and columns idx of an nb x nb matrix. */
    public static void restrict(double[] src, int nb, int[] idx, int size, double[] dst) {
        for (int r = 0; r < size; r++) {
            int row = idx[r] * nb;
            for (int c = 0; c < size; c++) {
                dst[r * size + c] = src[row + idx[c]];
            }
        }
    }

    /*@ public normal_behavior
      @   requires src != null && col != null && src != col && 0 <= n && n <= 46340 && n * n <= src.length;
      @   requires 0 <= c && c < n && n <= col.length;
      @   assignable col[0 .. n - 1];
      @*/
    /** col[r] = src[r n + c] for r &lt; n: column c of an n x n matrix. */
    public static void column(double[] src, int n, int c, double[] col) {
        for (int r = 0; r < n; r++) {
            col[r] = src[r * n + c];
        }
    }

    /*@ public normal_behavior
      @   requires dst != null && col != null && dst != col && 0 <= n && n <= 46340 && n * n <= dst.length;
      @   requires 0 <= c && c < n && n <= col.length;
      @   assignable dst[0 .. n * n - 1];
      @*/
    /** dst[r n + c] = col[r] for r &lt; n: sets column c of an n x n matrix. */
    public static void setColumn(double[] dst, int n, int c, double[] col) {
        for (int r = 0; r < n; r++) {
            dst[r * n + c] = col[r];
        }
    }

    /*@ public normal_behavior
      @   requires m != null && 0 <= n && n <= 46340 && n * n <= m.length;
      @   assignable m[0 .. n * n - 1];
      @*/
    /** m[r n + c] = m[c n + r] = (m[r n + c] + m[c n + r]) / 2 for c &lt; r (rows r increasing, c increasing). */
    public static void symmetrize(double[] m, int n) {
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < r; c++) {
                double avg = 0.5 * (m[r * n + c] + m[c * n + r]);
                m[r * n + c] = avg;
                m[c * n + r] = avg;
            }
        }
    }

    // ---------------------------------------------------------------- proved helpers (additive index arithmetic)

    /*@ normal_behavior
      @   requires u != null && v != null && 0 <= count;
      @   requires 0 <= u0 && u0 + count <= u.length && 0 <= v0 && v0 + count <= v.length;
      @   assignable \nothing;
      @   ensures count == 0 ==> \result == 0.0;
      @*/
    /** sum_{l &lt; count} u[u0 + l] v[v0 + l], from 0.0, adding in increasing l. */
    static double dot(double[] u, int u0, double[] v, int v0, int count) {
        double s = 0.0;
        /*@ loop_invariant 0 <= l && l <= count;
          @ loop_writes \nothing;
          @ decreases count - l;
          @*/
        for (int l = 0; l < count; l++) {
            s += u[u0 + l] * v[v0 + l];
        }
        return s;
    }

    /*@ normal_behavior
      @   requires a != null && 0 <= from && from <= to && to <= a.length;
      @   assignable a[from .. to - 1];
      @   ensures (\forall int k; from <= k && k < to; a[k] == 0.0);
      @*/
    /** a[from .. to - 1] = 0. */
    static void zeroRange(double[] a, int from, int to) {
        /*@ loop_invariant from <= k && k <= to;
          @ loop_invariant (\forall int c; from <= c && c < k; a[c] == 0.0);
          @ loop_writes a[from .. to - 1];
          @ decreases to - k;
          @*/
        for (int k = from; k < to; k++) {
            a[k] = 0.0;
        }
    }

    /*@ normal_behavior
      @   requires dst != null && src != null && dst != src && 0 <= count;
      @   requires 0 <= to && to + count <= dst.length && 0 <= from && from + count <= src.length;
      @   assignable dst[to .. to + count - 1];
      @*/
    /** dst[to + k] += src[from + k] for k &lt; count. */
    static void addRange(double[] dst, int to, double[] src, int from, int count) {
        /*@ loop_invariant 0 <= k && k <= count;
          @ loop_writes dst[to .. to + count - 1];
          @ decreases count - k;
          @*/
        for (int k = 0; k < count; k++) {
            dst[to + k] = dst[to + k] + src[from + k];
        }
    }

    /*@ normal_behavior
      @   requires dst != null && v != null && dst != v && 0 <= count && count <= v.length;
      @   requires 0 <= at && at + count <= dst.length;
      @   assignable dst[at .. at + count - 1];
      @*/
    /** dst[at + g] += c v[g] for g &lt; count. */
    static void addScaled(double[] dst, int at, double c, double[] v, int count) {
        /*@ loop_invariant 0 <= g && g <= count;
          @ loop_writes dst[at .. at + count - 1];
          @ decreases count - g;
          @*/
        for (int g = 0; g < count; g++) {
            dst[at + g] = dst[at + g] + c * v[g];
        }
    }

    /*@ normal_behavior
      @   requires dst != null && v != null && dst != v && 0 <= count && count <= v.length;
      @   requires 0 <= at && at + count <= dst.length;
      @   assignable dst[at .. at + count - 1];
      @*/
    /** dst[at + g] += c v[g] w for g &lt; count (multiplied left to right). */
    static void addScaledWeighted(double[] dst, int at, double c, double[] v, double w, int count) {
        /*@ loop_invariant 0 <= g && g <= count;
          @ loop_writes dst[at .. at + count - 1];
          @ decreases count - g;
          @*/
        for (int g = 0; g < count; g++) {
            dst[at + g] = dst[at + g] + c * v[g] * w;
        }
    }

    /*@ public normal_behavior
      @   requires src != null && dst != null && src != dst && 0 <= count && divisor >= 1.0;
      @   requires 0 <= from && from + count <= src.length && count <= dst.length;
      @   assignable dst[0 .. count - 1];
      @*/
    /** dst[k] = src[from + k] / divisor for k &lt; count (divisor: a count, &gt;= 1). */
    public static void divided(double[] src, int from, double[] dst, int count, double divisor) {
        /*@ loop_invariant 0 <= k && k <= count;
          @ loop_writes dst[0 .. count - 1];
          @ decreases count - k;
          @*/
        for (int k = 0; k < count; k++) {
            dst[k] = src[from + k] / divisor;
        }
    }

    /*@ public normal_behavior
      @   requires a != null && 0 <= count && count <= a.length && divisor >= 1.0;
      @   assignable a[0 .. count - 1];
      @*/
    /** a[k] /= divisor for k &lt; count (divisor: a count, &gt;= 1). */
    public static void divideAll(double[] a, int count, double divisor) {
        /*@ loop_invariant 0 <= k && k <= count;
          @ loop_writes a[0 .. count - 1];
          @ decreases count - k;
          @*/
        for (int k = 0; k < count; k++) {
            a[k] = a[k] / divisor;
        }
    }

    /*@ public normal_behavior
      @   requires dst != null && src != null && dst != src && 0 <= count;
      @   requires 0 <= from && from + count <= src.length && count <= dst.length;
      @   assignable dst[0 .. count - 1];
      @*/
    /** dst[k] += src[from + k] for k &lt; count (adds a block of a batch array into a total). */
    public static void addBlock(double[] dst, double[] src, int from, int count) {
        addRange(dst, 0, src, from, count);
    }

    /*@ public normal_behavior
      @   requires src != null && dst != null && src != dst && 0 <= count;
      @   requires 0 <= from && from + count <= src.length && 0 <= to && to + count <= dst.length;
      @   assignable dst[to .. to + count - 1];
      @   ensures (\forall int c; to <= c && c < to + count; dst[c] == src[c - to + from]);
      @*/
    /** dst[to + k] = src[from + k] for k &lt; count. */
    public static void copyRange(double[] src, int from, double[] dst, int to, int count) {
        /*@ loop_invariant 0 <= k && k <= count;
          @ loop_invariant (\forall int c; to <= c && c < to + k; dst[c] == src[c - to + from]);
          @ loop_writes dst[to .. to + count - 1];
          @ decreases count - k;
          @*/
        for (int k = 0; k < count; k++) {
            dst[to + k] = src[from + k];
        }
    }

    /*@ public normal_behavior
      @   requires kept != null && idx != null && 0 <= nb && nb <= kept.length && nb <= idx.length;
      @   assignable idx[0 .. nb - 1];
      @   ensures 0 <= \result && \result <= nb;
      @   ensures (\forall int k; 0 <= k && k < \result; 0 <= idx[k] && idx[k] < nb);
      @*/
    /** idx[0 .. s - 1] = the indices k &lt; nb with kept[k], increasing; returns s. */
    public static int keptIndices(boolean[] kept, int nb, int[] idx) {
        int s = 0;
        /*@ loop_invariant 0 <= k && k <= nb && 0 <= s && s <= k;
          @ loop_invariant (\forall int c; 0 <= c && c < s; 0 <= idx[c] && idx[c] < k);
          @ loop_writes idx[0 .. nb - 1];
          @ decreases nb - k;
          @*/
        for (int k = 0; k < nb; k++) {
            if (kept[k]) {
                idx[s] = k;
                s++;
            }
        }
        return s;
    }

    /*@ public normal_behavior
      @   requires y != null && idx != null && out != null && y != out && 0 <= count;
      @   requires count <= y.length && count <= idx.length && 0 <= nb && nb <= out.length;
      @   requires (\forall int k; 0 <= k && k < count; 0 <= idx[k] && idx[k] < nb);
      @   assignable out[0 .. nb - 1];
      @*/
    /** out[idx[k]] = y[k] for k &lt; count (entries of out not named by idx are left as they are). */
    public static void scatter(double[] y, int[] idx, int count, double[] out, int nb) {
        /*@ loop_invariant 0 <= k && k <= count;
          @ loop_writes out[0 .. nb - 1];
          @ decreases count - k;
          @*/
        for (int k = 0; k < count; k++) {
            out[idx[k]] = y[k];
        }
    }
}
