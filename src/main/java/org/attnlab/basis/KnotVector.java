package org.attnlab.basis;

import java.util.Arrays;
import org.attnlab.internal.Checks;
import org.attnlab.internal.DoubleArrays;
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
public final /*@ code_java_math spec_java_math nullable_by_default @*/ class KnotVector {

    private final /*@ spec_public @*/ int degree;
    private final /*@ spec_public @*/ double[] knots;
    private final /*@ spec_public @*/ int size;

    //@ public invariant degree >= 0 && knots != null && knots.length >= 2 * degree + 2;
    //@ public invariant size == knots.length - degree - 1;
    // Sortedness (knots[i] <= knots[i + 1]) is ensured by every factory and kept because the array is private, final
    // and never written after construction. It is not stated as an invariant: RAC would re-check all n + p + 1 knots
    // on entry and exit of every call (span, lower, upper), which made the RAC test run several times slower.
    //@ public invariant knots[degree] < knots[size];

    private KnotVector(int degree, double[] knots) {
        this.degree = degree;
        this.knots = knots;
        this.size = knots.length - degree - 1;
    }

    /*@ public normal_behavior
      @   requires degree >= 0 && pieces >= 1 && Double.isFinite(a) && Double.isFinite(b) && a < b;
      @   requires pieces + 2L * degree + 1 <= 2147483647L;
      @   ensures \result != null && \result.degree == degree && \result.size == pieces + degree;
      @   ensures \result.knots.length == pieces + 2 * degree + 1;
      @   ensures \result.knots[degree] == a && \result.knots[degree + pieces] == b;
      @   ensures (\forall int i; 0 <= i && i < \result.knots.length - 1; \result.knots[i] <= \result.knots[i + 1]);
      @ also public exceptional_behavior
      @   requires !(degree >= 0 && pieces >= 1 && Double.isFinite(a) && Double.isFinite(b) && a < b);
      @   signals_only IllegalArgumentException;
      @*/
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

    /*@ public normal_behavior
      @   requires degree >= 0 && pieces >= 1 && Double.isFinite(a) && Double.isFinite(b) && a < b;
      @   requires pieces + 2L * degree + 1 <= 2147483647L;
      @   ensures \result != null && \result.degree == degree && \result.size == pieces + degree;
      @   ensures \result.knots.length == pieces + 2 * degree + 1;
      @   ensures (\forall int i; 0 <= i && i <= degree; \result.knots[i] == a
      @                && \result.knots[pieces + degree + i] == b);
      @   ensures (\forall int i; 0 <= i && i < \result.knots.length - 1; \result.knots[i] <= \result.knots[i + 1]);
      @ also public exceptional_behavior
      @   requires !(degree >= 0 && pieces >= 1 && Double.isFinite(a) && Double.isFinite(b) && a < b);
      @   signals_only IllegalArgumentException;
      @*/
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

    /*@ public normal_behavior
      @   requires degree >= 0 && knots != null && knots.length >= 2L * degree + 2;
      @   requires (\forall int i; 0 <= i && i < knots.length; Double.isFinite(knots[i]));
      @   requires (\forall int i; 0 <= i && i < knots.length - 1; knots[i] <= knots[i + 1]);
      @   requires knots[degree] < knots[knots.length - degree - 1];
      @   ensures \result != null && \result.degree == degree && \result.size == knots.length - degree - 1;
      @   ensures \result.knots != knots && \result.knots.length == knots.length;
      @   ensures (\forall int i; 0 <= i && i < knots.length; \result.knots[i] == knots[i]);
      @ also public exceptional_behavior
      @   requires !(degree >= 0 && knots != null && knots.length >= 2L * degree + 2
      @     && (\forall int i; 0 <= i && i < knots.length; Double.isFinite(knots[i]))
      @     && (\forall int i; 0 <= i && i < knots.length - 1; knots[i] <= knots[i + 1])
      @     && knots[degree] < knots[knots.length - degree - 1]);
      @   signals_only IllegalArgumentException;
      @*/
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
        allFinite("knots", knots);
        if (knots.length < 2L * degree + 2) {
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
        return new KnotVector(degree, copy(knots));
    }

    /**
     * {@code Checks.notNull(name, value)} done here (same exception and message): OpenJML's RAC treats the
     * parameters of the un-annotated {@code Checks} methods as non-null, so handing them null would be reported as
     * a contract violation instead of the documented IllegalArgumentException.
     */
    private static void nonNull(String name, Object value) {
        if (value == null) {
            throw Checks.fail(name, "non-null", "null");
        }
    }

    /** {@code Checks.allFinite(name, values)} with its null check done here (same exceptions and messages). */
    private static void allFinite(String name, double[] values) {
        nonNull(name, values);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw Checks.fail(name + "[" + i + "]", "finite", values[i]);
            }
        }
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

    //@ public normal_behavior ensures \result == degree; pure
    /** The degree p. */
    public int degree() {
        return degree;
    }

    //@ public normal_behavior ensures \result == size; pure
    /** The number n of basis functions. */
    public int size() {
        return size;
    }

    //@ public normal_behavior ensures \result == knots[degree]; pure
    /** The left end t_p of the domain. */
    public double lower() {
        return knots[degree];
    }

    //@ public normal_behavior ensures \result == knots[size] && \result > knots[degree]; pure
    /** The right end t_n of the domain. */
    public double upper() {
        return knots[size];
    }

    /*@ public normal_behavior
      @   requires 0 <= i && i < knots.length;
      @   ensures \result == knots[i];
      @ also public exceptional_behavior
      @   requires i < 0 || i >= knots.length;
      @   signals_only ArrayIndexOutOfBoundsException;
      @ pure
      @*/
    /** The knot t_i (an index outside 0..length() - 1 throws ArrayIndexOutOfBoundsException). */
    public double knot(int i) {
        return knots[i];
    }

    //@ public normal_behavior ensures \result == knots.length && \result == size + degree + 1; pure
    /** The number of knots, n + p + 1. */
    public int length() {
        return knots.length;
    }

    /*@ public normal_behavior
      @   ensures \result != null && \result != knots && \result.length == knots.length;
      @   ensures (\forall int i; 0 <= i && i < knots.length; \result[i] == knots[i]);
      @   assignable \nothing;
      @*/
    /** A copy of the knots. */
    public double[] toArray() {
        return copy(knots);
    }

    /*@ private normal_behavior
      @   requires x != null;
      @   ensures \result != null && \result != x && \result.length == x.length;
      @   ensures (\forall int i; 0 <= i && i < x.length; \result[i] == x[i]);
      @   assignable \nothing;
      @*/
    /**
     * A copy of x, element by element (what {@code Arrays.copyOf(x, x.length)} returns; written as a loop because
     * OpenJML 0.21's RAC reports a null result for methods returning {@code Arrays.copyOf}).
     */
    private static double[] copy(double[] x) {
        double[] out = new double[x.length];
        //@ maintaining 0 <= i && i <= x.length;
        //@ decreasing x.length - i;
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i];
        }
        return out;
    }

    /** The knots themselves, for kernels in this package; never modified. */
    double[] raw() {
        return knots;
    }

    /*@ public normal_behavior
      @   requires knots[degree] <= x && x <= knots[size];
      @   ensures degree <= \result && \result <= size - 1;
      @   ensures knots[\result] <= x && knots[\result] < knots[\result + 1];
      @   ensures x < knots[\result + 1] || (x == knots[size] && knots[\result + 1] == knots[size]);
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires !(knots[degree] <= x && x <= knots[size]);
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    /**
     * The span mu of x: t_mu &lt;= x &lt; t_{mu+1}, p &lt;= mu &lt;= n - 1 (mu = n - 1 at x = t_n).
     *
     * @throws IllegalArgumentException if x is outside [lower(), upper()] or NaN
     */
    public int span(double x) {
        // the domain ends read directly (= lower(), upper()): a call per end is a RAC-checked call, and span is hot
        if (!(x >= knots[degree] && x <= knots[size])) {
            throw Checks.fail("x", "in [" + knots[degree] + ", " + knots[size] + "]", x);
        }
        return BSplineKernel.findSpan(knots, degree, size, x);
    }

    /*@ also public normal_behavior
      @   ensures \result ==> (o instanceof KnotVector && ((KnotVector) o).degree == degree
      @       && ((KnotVector) o).knots.length == knots.length);
      @   ensures o == this ==> \result;
      @ pure
      @*/
    @Override
    public boolean equals(Object o) {
        // no pattern instanceof: OpenJML 0.21's RAC compiles it to code the JVM rejects (VerifyError)
        if (!(o instanceof KnotVector)) {
            return false;
        }
        KnotVector other = (KnotVector) o;
        return other.degree == degree && DoubleArrays.sameEntries(other.knots, knots);
    }

    //@ also public normal_behavior ensures true; pure
    @Override
    public int hashCode() {
        return 31 * degree + Arrays.hashCode(knots);
    }

    //@ also public normal_behavior ensures \result != null && \result.startsWith("KnotVector[degree="); pure
    @Override
    public String toString() {
        return "KnotVector[degree=" + degree + ", knots=" + Arrays.toString(knots) + "]";
    }
}
