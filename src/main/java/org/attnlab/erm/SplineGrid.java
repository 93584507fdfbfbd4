package org.attnlab.erm;

import org.attnlab.basis.BSplineBasis;
import org.attnlab.basis.KnotVector;
import org.attnlab.internal.Checks;
import org.attnlab.kernel.ScoreKernel;

/**
 * The estimator's activation space: splines of degree p on K equal pieces of [-R, R], with the uniform
 * (extended) knots of {@link KnotVector#uniform} and n = K + p coefficients; outside [-R, R] a spline is
 * extended by its end values (phi(s) = phi(clamp(s, -R, R))), so its derivative there is 0.
 *
 * <p>A final class with the API of a record (an accessor per component, component-wise {@code equals} and
 * {@code hashCode}, {@code toString} in the record format
 * {@code SplineGrid[degree=2, pieces=5, radius=1.5]}): OpenJML 0.21 cannot compile records (proofs/openjml.md).
 * Fields: degree p &gt;= 0, pieces K &gt;= 1, radius R &gt; 0 and finite.
 */
public final class SplineGrid {

    //@ public invariant degree >= 0 && pieces >= 1 && radius > 0 && radius < Double.POSITIVE_INFINITY;

    private final /*@ spec_public @*/ int degree;
    private final /*@ spec_public @*/ int pieces;
    private final /*@ spec_public @*/ double radius;

    /*@ public normal_behavior
      @   requires degree >= 0 && pieces >= 1 && radius > 0 && radius < Double.POSITIVE_INFINITY;
      @   ensures this.degree == degree && this.pieces == pieces && this.radius == radius;
      @ also public exceptional_behavior
      @   requires degree < 0 || pieces < 1 || !(radius > 0 && radius < Double.POSITIVE_INFINITY);
      @   signals_only IllegalArgumentException;
      @*/
    /**
     * Validates the grid.
     *
     * @param degree p &gt;= 0
     * @param pieces K &gt;= 1
     * @param radius R &gt; 0, finite
     * @throws IllegalArgumentException if degree &lt; 0, pieces &lt; 1 or radius is not finite and &gt; 0
     */
    public SplineGrid(int degree, int pieces, double radius) {
        Checks.nonNegative("degree", degree);
        Checks.positive("pieces", pieces);
        Checks.positive("radius", radius);
        this.degree = degree;
        this.pieces = pieces;
        this.radius = radius;
    }

    /*@ public normal_behavior
      @   requires degree >= 0 && pieces >= 1 && radius > 0 && radius < Double.POSITIVE_INFINITY;
      @   ensures \result != null && \result.degree == degree && \result.pieces == pieces && \result.radius == radius;
      @ also public exceptional_behavior
      @   requires degree < 0 || pieces < 1 || !(radius > 0 && radius < Double.POSITIVE_INFINITY);
      @   signals_only IllegalArgumentException;
      @*/
    /** The grid (degree, pieces, radius); same as the constructor. */
    public static SplineGrid of(int degree, int pieces, double radius) {
        return new SplineGrid(degree, pieces, radius);
    }

    /*@ public normal_behavior
      @   ensures \result == degree && \result >= 0;
      @*/
    /** p &gt;= 0. */
    public /*@ pure @*/ int degree() {
        return degree;
    }

    /*@ public normal_behavior
      @   ensures \result == pieces && \result >= 1;
      @*/
    /** K &gt;= 1. */
    public /*@ pure @*/ int pieces() {
        return pieces;
    }

    /*@ public normal_behavior
      @   ensures \result == radius && \result > 0 && \result < Double.POSITIVE_INFINITY;
      @*/
    /** R &gt; 0, finite. */
    public /*@ pure @*/ double radius() {
        return radius;
    }

    /*@ public normal_behavior
      @   ensures \result == pieces + degree;
      @*/
    /** n = K + p, the number of coefficients. */
    public /*@ pure @*/ int size() {
        return pieces + degree;
    }

    /*@ public normal_behavior
      @   ensures \result > 0;
      @*/
    /** K / (2 R), the factor from score to scaled position t. */
    public /*@ pure @*/ double scale() {
        return pieces / (2.0 * radius);
    }

    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    /** The knot vector ({@code KnotVector.uniform(p, K, -R, R)}). */
    public KnotVector knots() {
        return KnotVector.uniform(degree, pieces, -radius, radius);
    }

    /*@ public normal_behavior
      @   ensures \result != null;
      @   assignable \nothing;
      @*/
    /** The B-spline basis on {@link #knots()}. */
    public BSplineBasis basis() {
        return BSplineBasis.of(knots());
    }

    /*@ public normal_behavior
      @   requires coefficients != null && coefficients.length == pieces + degree;
      @   ensures (\forall int k; 0 <= k && k < coefficients.length; Double.isFinite(coefficients[k])
      @            && coefficients[k] <= 1.0e300 && coefficients[k] >= -1.0e300) ==> Double.isFinite(\result);
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires coefficients == null || coefficients.length != pieces + degree;
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    /**
     * The spline sum_k c_k N_k(clamp(s, -R, R)) (constant extension outside [-R, R]).
     *
     * @param coefficients c, length n; not modified
     * @param s the score
     * @return phi(s)
     * @throws IllegalArgumentException if coefficients.length != n
     */
    public /*@ pure @*/ double value(double[] coefficients, double s) {
        Checks.length("coefficients", coefficients, size());
        double[] vals = new double[degree + 1];
        return value(coefficients, s, vals);
    }

    /**
     * As {@link #value(double[], double)} without the length check, for the pair loops of ErmResult; not instrumented
     * by OpenJML's RAC ({@code skiprac}).
     */
    /*@ skiprac @*/
    double valueAt(double[] coefficients, double s) {
        double[] vals = new double[degree + 1];
        return value(coefficients, s, vals);
    }

    /** As {@link #value(double[], double)} without checks, with a work array of length &gt;= p + 1. */
    /*@ skiprac @*/
    double value(double[] coefficients, double s, double[] vals) {
        double t = ScoreKernel.position(s, -radius, radius, scale());
        int k = ScoreKernel.piece(t, pieces);
        ScoreKernel.values(t - k, degree, vals);
        double sum = 0.0;
        for (int q = 0; q <= degree; q++) {
            sum += coefficients[k + q] * vals[q];
        }
        return sum;
    }

    /*@ public normal_behavior
      @   requires coefficients != null && coefficients.length == pieces + degree;
      @   ensures !(s >= -radius && s <= radius) ==> \result == 0.0;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires coefficients == null || coefficients.length != pieces + degree;
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    /**
     * The derivative phi'(s) of the constant-extended spline (0 outside [-R, R]).
     *
     * @throws IllegalArgumentException if coefficients.length != n
     */
    public double derivative(double[] coefficients, double s) {
        Checks.length("coefficients", coefficients, size());
        if (!(s >= -radius && s <= radius)) {
            return 0.0;
        }
        double[] vals = new double[degree + 1];
        double[] ders = new double[degree + 1];
        double t = ScoreKernel.position(s, -radius, radius, scale());
        int k = ScoreKernel.piece(t, pieces);
        ScoreKernel.valuesAndDerivatives(t - k, degree, vals, ders);
        double sum = 0.0;
        for (int q = 0; q <= degree; q++) {
            sum += coefficients[k + q] * ders[q];
        }
        return sum * scale();
    }

    /*@ also public normal_behavior
      @   ensures \result == (o instanceof SplineGrid && ((SplineGrid) o).degree == degree
      @            && ((SplineGrid) o).pieces == pieces && Double.compare(((SplineGrid) o).radius, radius) == 0);
      @*/
    /** Component-wise equality, as for a record (radius compared with {@link Double#compare}). */
    @Override
    public /*@ pure @*/ boolean equals(/*@ nullable @*/ Object o) {
        if (!(o instanceof SplineGrid)) {
            return false;
        }
        SplineGrid g = (SplineGrid) o;
        return degree == g.degree && pieces == g.pieces && Double.compare(radius, g.radius) == 0;
    }

    /*@ also public normal_behavior
      @   ensures true;
      @*/
    /** The record hash: (31 p + K) 31 + {@link Double#hashCode(double)} of R (int arithmetic wraps). */
    @Override
    public /*@ pure code_java_math @*/ int hashCode() {
        return (31 * degree + pieces) * 31 + Double.hashCode(radius);
    }

    /*@ also public normal_behavior
      @   ensures \result != null;
      @*/
    /** The record format, e.g. {@code SplineGrid[degree=2, pieces=5, radius=1.5]}. */
    @Override
    public /*@ pure @*/ String toString() {
        return "SplineGrid[degree=" + degree + ", pieces=" + pieces + ", radius=" + radius + "]";
    }
}
