package org.attnlab.kernel;

/**
 * B-spline kernels on primitive arrays (Cox-de Boor), written in the Java subset that KeY reads.
 *
 * <p>Used for the spline activation phi of model A (arXiv 2510.11789, the estimator's piecewise polynomials).
 * Notation (package-info, spec/basis.md): {@code t} = knots (non-decreasing, length n + p + 1), {@code p} = degree,
 * {@code n} = number of basis functions. The spline domain is [t[p], t[n]]. The span of x is the index mu with
 * t[mu] &lt;= x &lt; t[mu + 1], p &lt;= mu &lt;= n - 1; x = t[n] belongs to the last non-empty span.
 * On span mu the non-zero basis functions are N_{mu-p}, ..., N_{mu} (p + 1 of them).
 *
 * <p>Contracts are proved by OpenJML ESC (and findSpan's also by KeY; proofs/contracts.txt); they state index ranges,
 * frames, the absence of exceptions, and for the basis values: 1 for degree 0 and no negative value when x lies in
 * the span. ESC reasons about doubles as real numbers (proofs/openjml.md); the IEEE reading of the value clauses
 * and the other numerical facts (partition of unity, accuracy) are checked by tests.
 *
 * <p>Cox-de Boor: N_{i,0}(x) = 1 if t_i &lt;= x &lt; t_{i+1} else 0;
 * N_{i,k}(x) = (x - t_i)/(t_{i+k} - t_i) N_{i,k-1}(x) + (t_{i+k+1} - x)/(t_{i+k+1} - t_{i+1}) N_{i+1,k-1}(x),
 * with 0/0 = 0. Computed by the triangular scheme of Piegl and Tiller (The NURBS Book, A2.2 and A2.3).
 */
public final class BSplineKernel {

    private BSplineKernel() {
    }

    /*@ public normal_behavior
      @   requires knots != null && p >= 0 && n >= p + 1 && knots.length == n + p + 1;
      @   requires (\forall int i, j; 0 <= i && i <= j && j < knots.length; knots[i] <= knots[j]);
      @   requires knots[p] < knots[n];
      @   requires knots[p] <= x && x <= knots[n];
      @   ensures p <= \result && \result <= n - 1;
      @   ensures knots[\result] <= x && knots[\result] < knots[\result + 1];
      @   ensures x < knots[\result + 1] || (x == knots[n] && knots[\result + 1] == knots[n]);
      @   assignable \nothing;
      @*/
    /**
     * Knot-span search: the span mu of x.
     *
     * <p>For x in [t_p, t_n) the result is the unique mu in [p, n-1] with t_mu &lt;= x &lt; t_{mu+1} (bisection on
     * [p, n]). For x = t_n it is the last non-empty span: the largest mu &lt;= n-1 with t_mu &lt; t_{mu+1}, so that
     * the domain is closed on the right. In both cases the span is non-empty (t_mu &lt; t_{mu+1}). The contract
     * determines mu uniquely (see proofs/derivations/findSpan.md).
     *
     * @param knots non-decreasing knot vector t, length {@code n + p + 1}; not modified
     * @param p degree, p &gt;= 0
     * @param n number of basis functions, n &gt;= p + 1
     * @param x point in [t_p, t_n]
     * @return the span mu, p &lt;= mu &lt;= n - 1
     */
    public static int findSpan(double[] knots, int p, int n, double x) {
        if (!(x < knots[n])) {
            int last = n - 1;
            // stops at the latest at last = p, because knots[p] < knots[n] (precondition)
            /*@ loop_invariant p <= last && last <= n - 1 && knots[last + 1] == knots[n];
              @ loop_writes \nothing;
              @ decreases last;
              @*/
            while (!(knots[last] < knots[n])) {
                last--;
            }
            return last;
        }
        int low = p;
        int high = n;
        /*@ loop_invariant p <= low && low < high && high <= n;
          @ loop_invariant knots[low] <= x && x < knots[high];
          @ loop_writes \nothing;
          @ decreases high - low;
          @*/
        while (high - low > 1) {
            int mid = low + (high - low) / 2;
            if (x < knots[mid]) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return low;
    }

    /*@ public normal_behavior
      @   requires knots != null && left != null && right != null && out != null;
      @   requires p >= 0 && span >= p && span + p < knots.length;
      @   requires left.length >= p + 1 && right.length >= p + 1 && out.length >= p + 1;
      @   requires left != right && left != out && right != out;
      @   requires left != knots && right != knots && out != knots;
      @   requires span + 1 < knots.length && knots[span] <= x && x <= knots[span + 1];
      @   requires (\forall int i; span + 1 - p <= i && i <= span; knots[i] <= knots[span]);
      @   requires (\forall int i; span + 1 <= i && i <= span + p; knots[span + 1] <= knots[i]);
      @   assignable left[1 .. p], right[1 .. p], out[0 .. p];
      @   ensures p == 0 ==> out[0] == 1.0;
      @   ensures (\forall int k; 0 <= k && k <= p; !(out[k] < 0.0));
      @*/
    /**
     * Values of the p + 1 basis functions that are non-zero on {@code span}: out[j] = N_{span-p+j, p}(x), by the
     * Cox-de Boor recursion in triangular form (The NURBS Book A2.2): for j = 1..p, left[j] = x - t[span+1-j],
     * right[j] = t[span+j] - x, and out[r] is updated with temp = out[r] / (right[r+1] + left[j-r]), 0/0 = 0.
     * Requires x in [t[span], t[span+1]] and the knots t[span+1-p .. span+p] ordered around that span (the kernel does
     * not check this; {@link #findSpan} on a non-decreasing vector gives such a span). Then out[0] = 1 for p = 0 and
     * no out[k] is negative (proved; NaN is possible when a denominator is subnormal); the values sum to 1 up to
     * rounding (tested).
     *
     * @param knots knot vector; not modified
     * @param p degree
     * @param span the span of x (from {@link #findSpan})
     * @param x the point
     * @param left work array, length &gt;= p + 1; overwritten
     * @param right work array, length &gt;= p + 1; overwritten
     * @param out result, length &gt;= p + 1; entries 0..p overwritten
     */
    public static void basisValues(double[] knots, int p, int span, double x,
                                   double[] left, double[] right, double[] out) {
        out[0] = 1.0;
        /*@ loop_invariant 1 <= j && j <= p + 1;
          @ loop_invariant j == 1 ==> out[0] == 1.0;
          @ loop_invariant (\forall int k; 0 <= k && k < j; !(out[k] < 0.0));
          @ loop_invariant (\forall int k; 1 <= k && k < j; !(left[k] < 0.0) && !(right[k] < 0.0));
          @ loop_writes left[1 .. p], right[1 .. p], out[0 .. p];
          @ decreases p + 1 - j;
          @*/
        for (int j = 1; j <= p; j++) {
            //@ assert knots[span + 1 - j] <= x && x <= knots[span + j];
            left[j] = x - knots[span + 1 - j];
            right[j] = knots[span + j] - x;
            //@ assert !(left[j] < 0.0) && !(right[j] < 0.0);
            double saved = 0.0;
            /*@ loop_invariant 0 <= r && r <= j;
              @ loop_invariant (\forall int k; 0 <= k && k < j; !(out[k] < 0.0)) && !(saved < 0.0);
              @ loop_invariant (\forall int k; 1 <= k && k <= j; !(left[k] < 0.0) && !(right[k] < 0.0));
              @ loop_writes out[0 .. p];
              @ decreases j - r;
              @*/
            // OpenJML 0.21 keeps a local that its loop_writes omits unchanged after the loop (KeY frames heap only)
            //+OPENJML@ loop_writes saved;
            for (int r = 0; r < j; r++) {
                double denom = right[r + 1] + left[j - r];
                //@ assert !(denom < 0.0);
                double temp = denom == 0.0 ? 0.0 : out[r] / denom;
                //@ assert !(temp < 0.0);
                out[r] = saved + right[r + 1] * temp;
                saved = left[j - r] * temp;
            }
            out[j] = saved;
        }
    }

    /*@ public normal_behavior
      @   requires knots != null && left != null && right != null && values != null && derivatives != null;
      @   requires p >= 0 && span >= p && span + p + 1 < knots.length;
      @   requires left.length >= p + 1 && right.length >= p + 1;
      @   requires values.length >= p + 1 && derivatives.length >= p + 1;
      @   requires left != right && left != values && left != derivatives && right != values
      @         && right != derivatives && values != derivatives;
      @   requires left != knots && right != knots && values != knots && derivatives != knots;
      @   requires knots[span] <= x && x <= knots[span + 1];
      @   requires (\forall int i; span + 1 - p <= i && i <= span; knots[i] <= knots[span]);
      @   requires (\forall int i; span + 1 <= i && i <= span + p; knots[span + 1] <= knots[i]);
      @   assignable left[1 .. p], right[1 .. p], values[0 .. p], derivatives[0 .. p];
      @   ensures p == 0 ==> values[0] == 1.0 && derivatives[0] == 0.0;
      @   ensures (\forall int k; 0 <= k && k <= p; !(values[k] < 0.0));
      @*/
    /**
     * Values and first derivatives of the p + 1 basis functions non-zero on {@code span}:
     * values[j] = N_{span-p+j, p}(x), derivatives[j] = N'_{span-p+j, p}(x), from
     * N'_{i,p} = p N_{i,p-1}/(t_{i+p} - t_i) - p N_{i+1,p-1}/(t_{i+p+1} - t_{i+1}) (0/0 = 0).
     * Requires x in the span as {@link #basisValues} does. For p = 0 the value is 1 and the derivative 0; no value is
     * negative (proved). At a knot this is the derivative of the polynomial piece of {@code span}
     * (right derivative; at x = t[n] the left one).
     *
     * @param knots knot vector, length &gt;= span + p + 2; not modified
     * @param p degree
     * @param span the span of x (from {@link #findSpan})
     * @param x the point
     * @param left work array, length &gt;= p + 1; overwritten
     * @param right work array, length &gt;= p + 1; overwritten
     * @param values result N_{span-p+j, p}(x), length &gt;= p + 1; entries 0..p overwritten
     * @param derivatives result N'_{span-p+j, p}(x), length &gt;= p + 1; entries 0..p overwritten
     */
    public static void basisValuesAndDerivatives(double[] knots, int p, int span, double x,
                                                 double[] left, double[] right,
                                                 double[] values, double[] derivatives) {
        if (p == 0) {
            values[0] = 1.0;
            derivatives[0] = 0.0;
            return;
        }
        // degree p-1 values N_{span-p+1+j, p-1}, j = 0..p-1, into derivatives[] as scratch
        basisValues(knots, p - 1, span, x, left, right, derivatives);
        // shift so that lower[j] = N_{span-p+j, p-1}, j = 0..p, with lower[0] = lower[p+1] = 0 at the ends
        // p as a double by repeated addition (exact for p < 2^53): KeY 2.12 has no rule for the int -> double
        // conversion, neither for a cast nor for the implicit promotion in p * (double)
        double degree = 0.0;
        /*@ loop_invariant 0 <= q && q <= p;
          @ loop_writes \nothing;
          @ decreases p - q;
          @*/
        for (int q = 0; q < p; q++) {
            degree += 1.0;
        }
        double previous = 0.0;
        /*@ loop_invariant 0 <= j && j <= p + 1;
          @ loop_writes values[0 .. p];
          @ decreases p + 1 - j;
          @*/
        for (int j = 0; j <= p; j++) {
            int i = span - p + j;
            double lowerHere = j == p ? 0.0 : derivatives[j];
            double a = knots[i + p] - knots[i];
            double b = knots[i + p + 1] - knots[i + 1];
            double termA = a == 0.0 ? 0.0 : previous / a;
            double termB = b == 0.0 ? 0.0 : lowerHere / b;
            values[j] = degree * (termA - termB);
            previous = lowerHere;
        }
        // values[] now holds derivatives; swap roles by recomputing the degree-p values
        /*@ loop_invariant 0 <= k && k <= p + 1;
          @ loop_writes derivatives[0 .. p];
          @ decreases p + 1 - k;
          @*/
        for (int k = 0; k <= p; k++) {
            derivatives[k] = values[k];
        }
        basisValues(knots, p, span, x, left, right, values);
    }
}
