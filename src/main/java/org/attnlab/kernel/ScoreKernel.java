package org.attnlab.kernel;

/**
 * Scores on a uniform knot grid: the knot-interval scaling of a score and the cardinal B-spline values on it.
 *
 * <p>Notation: the estimator's spline lives on [lo, hi] = [-R, R] cut into K equal pieces of width
 * h = (hi - lo)/K, with the uniform (extended) knots t_i = lo + (i - p) h of degree p, n = K + p basis
 * functions N_0..N_{n-1} (as {@code KnotVector.uniform}). A score s is first clamped to [lo, hi] (constant
 * extension of the spline outside its domain), then scaled to t = (s - lo)/h in [0, K]. Its piece is
 * k = min(floor(t), K - 1) in [0, K - 1] and its local coordinate u = t - k in [0, 1]. On piece k the
 * non-zero basis functions are N_k..N_{k+p}: the coefficients a score touches are k..k + p, all in [0, n).
 * Their values depend only on u (cardinal B-splines): the Cox-de Boor triangle of Piegl and Tiller (A2.2)
 * with unit knot spacing, where left_j = u + j - 1, right_j = j - u and every denominator equals j.
 * Written in the Java subset that KeY reads.
 */
public final class ScoreKernel {

    private ScoreKernel() {
    }

    /*@ public normal_behavior
      @   requires lo < hi && scale > 0;
      @   ensures (lo <= s && s <= hi) ==> \result == (s - lo) * scale;
      @   ensures !(lo <= s) ==> \result == 0.0;
      @   ensures !(s <= hi) && lo <= s ==> \result == (hi - lo) * scale;
      @   assignable \nothing;
      @*/
    /**
     * The scaled position t = (clamp(s, lo, hi) - lo) scale of score s, with scale = K/(hi - lo).
     * A NaN score maps to 0 (it fails the test lo &lt;= s).
     *
     * @param s the score
     * @param lo left end of the spline domain
     * @param hi right end, &gt; lo
     * @param scale K / (hi - lo), &gt; 0
     * @return t in [0, K] up to rounding
     */
    public static double position(double s, double lo, double hi, double scale) {
        if (!(lo <= s)) {
            return 0.0;
        }
        if (!(s <= hi)) {
            return (hi - lo) * scale;
        }
        return (s - lo) * scale;
    }

    /*@ public normal_behavior
      @   requires pieces >= 1;
      @   ensures 0 <= \result && \result <= pieces - 1;
      @   assignable \nothing;
      @*/
    /**
     * The piece k = min(max(floor(t), 0), K - 1) of a scaled position t (t in [0, K] gives floor(t), except
     * t = K which belongs to the last piece). The coefficients it touches are k..k + p, within [0, K + p).
     *
     * @param t scaled position, normally in [0, K]
     * @param pieces K &gt;= 1
     * @return k in [0, K - 1]
     */
    public static int piece(double t, int pieces) {
        int k = 0;
        if (t >= 1.0) {
            k = (int) t;
        }
        if (k > pieces - 1) {
            k = pieces - 1;
        }
        if (k < 0) {
            k = 0;
        }
        return k;
    }

    /*@ public normal_behavior
      @   requires p >= 0 && out != null && out.length >= p + 1;
      @   assignable out[*];
      @*/
    /**
     * The p + 1 cardinal B-spline values of degree p at local coordinate u: out[q] = N_{k+q}(x) for the
     * point x = lo + (k + u) h of piece k. Sum of out[0..p] is 1 (partition of unity) and each is in [0, 1]
     * for u in [0, 1].
     *
     * @param u local coordinate, in [0, 1]
     * @param p degree, &gt;= 0
     * @param out result, length &gt;= p + 1; entries 0..p overwritten
     */
    public static void values(double u, int p, double[] out) {
        out[0] = 1.0;
        /*@ loop_invariant 1 <= j && j <= p + 1;
          @ loop_writes out[*];
          @ decreases p + 1 - j;
          @*/
        for (int j = 1; j <= p; j++) {
            double inv = 1.0 / j;
            double saved = 0.0;
            /*@ loop_invariant 0 <= r && r <= j;
              @ loop_writes out[*];
              @ decreases j - r;
              @*/
            for (int r = 0; r < j; r++) {
                double temp = out[r] * inv;
                out[r] = saved + (r + 1 - u) * temp;
                saved = (u + j - r - 1) * temp;
            }
            out[j] = saved;
        }
    }

    /*@ public normal_behavior
      @   requires p >= 0 && values != null && derivatives != null && values != derivatives;
      @   requires values.length >= p + 1 && derivatives.length >= p + 1;
      @   assignable values[*], derivatives[*];
      @*/
    /**
     * Cardinal values and derivatives with respect to t (divide by h for the derivative in the score):
     * values[q] = N_{k+q}, derivatives[q] = N_{k+q, p-1} - N_{k+q+1, p-1} (unit spacing), where the degree
     * p - 1 values are those of {@link #values} at degree p - 1 and the terms outside the piece are 0.
     * For p = 0 the derivative is 0.
     *
     * @param u local coordinate, in [0, 1]
     * @param p degree, &gt;= 0
     * @param values result values, length &gt;= p + 1; entries 0..p overwritten
     * @param derivatives result derivatives d/dt, length &gt;= p + 1; entries 0..p overwritten
     */
    public static void valuesAndDerivatives(double u, int p, double[] values, double[] derivatives) {
        if (p == 0) {
            values[0] = 1.0;
            derivatives[0] = 0.0;
            return;
        }
        values(u, p - 1, values);
        double previous = 0.0;
        /*@ loop_invariant 0 <= q && q <= p + 1;
          @ loop_writes derivatives[*];
          @ decreases p + 1 - q;
          @*/
        for (int q = 0; q <= p; q++) {
            double here = q == p ? 0.0 : values[q];
            derivatives[q] = previous - here;
            previous = here;
        }
        values(u, p, values);
    }
}
