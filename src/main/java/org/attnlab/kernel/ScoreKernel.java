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
 * with unit knot spacing, where left_j = u + j - 1, right_j = j - u and every denominator equals j; for
 * p = 2 and 3 (the hot cases) its closed form, e.g. p = 2: ((1-u)^2/2, 1/2 + u (1-u), u^2/2).
 * Written in the Java subset that KeY reads.
 */
public final class ScoreKernel {

    private ScoreKernel() {
    }

    /*@ public normal_behavior
      @   requires lo < hi && scale > 0;
      @   requires -1.0e300 <= lo && hi <= 1.0e300 && scale <= 1.0e300;
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
     * @param lo left end of the spline domain, finite
     * @param hi right end, &gt; lo, finite
     * @param scale K / (hi - lo), &gt; 0, finite
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
      @   ensures !(t >= 1.0) ==> \result == 0;
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
      @   assignable out[0 .. p];
      @   ensures p == 2 ==> out[0] == 0.5 * (1.0 - u) * (1.0 - u) && out[1] == 0.5 + u * (1.0 - u)
      @                      && out[2] == 0.5 * u * u;
      @   ensures p == 3 ==> out[0] == (1.0 - u) * (1.0 - u) * (1.0 - u) / 6.0 && out[3] == u * u * u / 6.0;
      @   ensures (p == 2 && 0.0 <= u && u <= 1.0) ==> 0.0 <= out[0] && out[0] <= 0.5 && 0.5 <= out[1]
      @                      && out[1] <= 0.75 && 0.0 <= out[2] && out[2] <= 0.5;
      @   ensures (p == 3 && 0.0 <= u && u <= 1.0) ==> 0.0 <= out[0] && 0.0 <= out[1] && 0.0 <= out[2]
      @                      && 0.0 <= out[3];
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
        if (p == 2) {
            // closed form of the triangle below for p = 2 (same values up to rounding)
            double v = 1.0 - u;
            out[0] = 0.5 * v * v;
            out[1] = 0.5 + u * v;
            out[2] = 0.5 * u * u;
            return;
        }
        if (p == 3) {
            double v = 1.0 - u;
            double u2 = u * u;
            double u3 = u2 * u;
            out[0] = v * v * v / 6.0;
            out[1] = (3.0 * u3 - 6.0 * u2 + 4.0) / 6.0;
            out[2] = (-3.0 * u3 + 3.0 * u2 + 3.0 * u + 1.0) / 6.0;
            out[3] = u3 / 6.0;
            return;
        }
        out[0] = 1.0;
        // jd and rd hold j and r as doubles (exact for these small counts), so no int-to-double conversion
        double jd = 0.0;
        /*@ loop_invariant 1 <= j && j <= p + 1;
          @ loop_writes out[*];
          @ decreases p + 1 - j;
          @*/
        for (int j = 1; j <= p; j++) {
            jd = jd + 1.0;
            double inv = 1.0 / jd;
            double saved = 0.0;
            double rd = 0.0;
            /*@ loop_invariant 0 <= r && r <= j && 1 <= j && j <= p;
              @ loop_writes out[*];
              @ decreases j - r;
              @*/
            for (int r = 0; r < j; r++) {
                double temp = out[r] * inv;
                out[r] = saved + (rd + 1.0 - u) * temp;
                saved = (u + jd - rd - 1.0) * temp;
                rd = rd + 1.0;
            }
            out[j] = saved;
        }
    }

    /*@ public normal_behavior
      @   requires p >= 0 && values != null && derivatives != null && values != derivatives;
      @   requires values.length >= p + 1 && derivatives.length >= p + 1;
      @   assignable values[0 .. p], derivatives[0 .. p];
      @   ensures p == 0 ==> values[0] == 1.0 && derivatives[0] == 0.0;
      @   ensures p == 2 ==> derivatives[0] == -(1.0 - u) && derivatives[1] == (1.0 - u) - u && derivatives[2] == u;
      @   ensures p == 2 ==> values[0] == 0.5 * (1.0 - u) * (1.0 - u) && values[1] == 0.5 + u * (1.0 - u)
      @                      && values[2] == 0.5 * u * u;
      @   ensures (p == 2 && 0.0 <= u && u <= 1.0) ==> derivatives[0] <= 0.0 && 0.0 <= derivatives[2];
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
        if (p == 2) {
            double v = 1.0 - u;
            derivatives[0] = -v;
            derivatives[1] = v - u;
            derivatives[2] = u;
            values(u, 2, values);
            return;
        }
        if (p == 3) {
            double v = 1.0 - u;
            derivatives[0] = -0.5 * v * v;
            derivatives[1] = 1.5 * u * u - 2.0 * u;
            derivatives[2] = 0.5 + u - 1.5 * u * u;
            derivatives[3] = 0.5 * u * u;
            values(u, 3, values);
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
