package org.attnlab.basis;

import java.util.Arrays;
import org.attnlab.internal.Checks;
import org.attnlab.kernel.BSplineKernel;

/**
 * An immutable knot vector t_0 &lt;= ... &lt;= t_{n+p} for n B-splines of degree p, with domain [t_p, t_n].
 *
 * <p>Two standard layouts on an interval [a, b] cut into K equal pieces of width h = (b - a)/K:
 * <ul>
 *   <li>{@link #uniform}: t_i = a + (i - p) h, i = 0..K + 2p (knots extend p pieces beyond each end);</li>
 *   <li>{@link #clamped}: a repeated p + 1 times, the interior knots a + k h (k = 1..K-1), b repeated p + 1 times.</li>
 * </ul>
 * Both give n = K + p basis functions whose sum is 1 on [a, b].
 */
public final class KnotVector {

    private final int degree;
    private final double[] knots;
    private final int size;

    private KnotVector(int degree, double[] knots) {
        this.degree = degree;
        this.knots = knots;
        this.size = knots.length - degree - 1;
    }

    /**
     * Uniform (extended) knots on [a, b] with {@code pieces} equal pieces.
     *
     * @throws IllegalArgumentException if degree &lt; 0, pieces &lt; 1, a or b is not finite, or !(a &lt; b)
     */
    public static KnotVector uniform(int degree, int pieces, double a, double b) {
        checkInterval(degree, pieces, a, b);
        double h = (b - a) / pieces;
        double[] t = new double[pieces + 2 * degree + 1];
        for (int i = 0; i < t.length; i++) {
            t[i] = a + (i - degree) * h;
        }
        t[degree] = a;
        t[degree + pieces] = b;
        return new KnotVector(degree, t);
    }

    /**
     * Clamped knots on [a, b] with {@code pieces} equal pieces: end knots of multiplicity degree + 1.
     *
     * @throws IllegalArgumentException if degree &lt; 0, pieces &lt; 1, a or b is not finite, or !(a &lt; b)
     */
    public static KnotVector clamped(int degree, int pieces, double a, double b) {
        checkInterval(degree, pieces, a, b);
        double h = (b - a) / pieces;
        double[] t = new double[pieces + 2 * degree + 1];
        for (int i = 0; i < t.length; i++) {
            if (i <= degree) {
                t[i] = a;
            } else if (i >= degree + pieces) {
                t[i] = b;
            } else {
                t[i] = a + (i - degree) * h;
            }
        }
        return new KnotVector(degree, t);
    }

    /**
     * A general knot vector.
     *
     * @param degree p &gt;= 0
     * @param knots non-decreasing finite knots, length &gt;= 2p + 2, with t_p &lt; t_n; copied
     * @throws IllegalArgumentException if degree &lt; 0, knots is too short, has a non-finite or decreasing
     *     entry, or the domain [t_p, t_n] is empty
     */
    public static KnotVector of(int degree, double[] knots) {
        Checks.nonNegative("degree", degree);
        Checks.allFinite("knots", knots);
        if (knots.length < 2 * degree + 2) {
            throw Checks.fail("knots.length", ">= 2 * degree + 2 = " + (2 * degree + 2), knots.length);
        }
        for (int i = 0; i + 1 < knots.length; i++) {
            if (!(knots[i] <= knots[i + 1])) {
                throw Checks.fail("knots[" + (i + 1) + "]", ">= knots[" + i + "] = " + knots[i], knots[i + 1]);
            }
        }
        int n = knots.length - degree - 1;
        if (!(knots[degree] < knots[n])) {
            throw Checks.fail("knots[" + n + "]", "> knots[degree] = " + knots[degree], knots[n]);
        }
        return new KnotVector(degree, knots.clone());
    }

    private static void checkInterval(int degree, int pieces, double a, double b) {
        Checks.nonNegative("degree", degree);
        Checks.positive("pieces", pieces);
        Checks.finite("a", a);
        Checks.finite("b", b);
        if (!(a < b)) {
            throw Checks.fail("b", "> a = " + a, b);
        }
    }

    /** The degree p. */
    public int degree() {
        return degree;
    }

    /** The number n of basis functions. */
    public int size() {
        return size;
    }

    /** The left end t_p of the domain. */
    public double lower() {
        return knots[degree];
    }

    /** The right end t_n of the domain. */
    public double upper() {
        return knots[size];
    }

    /** The knot t_i. */
    public double knot(int i) {
        return knots[i];
    }

    /** The number of knots, n + p + 1. */
    public int length() {
        return knots.length;
    }

    /** A copy of the knots. */
    public double[] toArray() {
        return knots.clone();
    }

    /** The knots themselves, for kernels in this package; never modified. */
    double[] raw() {
        return knots;
    }

    /**
     * The span mu of x: t_mu &lt;= x &lt; t_{mu+1}, p &lt;= mu &lt;= n - 1 (mu = n - 1 at x = t_n).
     *
     * @throws IllegalArgumentException if x is outside [lower(), upper()] or NaN
     */
    public int span(double x) {
        if (!(x >= lower() && x <= upper())) {
            throw Checks.fail("x", "in [" + lower() + ", " + upper() + "]", x);
        }
        return BSplineKernel.findSpan(knots, degree, size, x);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KnotVector other && other.degree == degree && Arrays.equals(other.knots, knots);
    }

    @Override
    public int hashCode() {
        return 31 * degree + Arrays.hashCode(knots);
    }

    @Override
    public String toString() {
        return "KnotVector[degree=" + degree + ", knots=" + Arrays.toString(knots) + "]";
    }
}
