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
 * @param degree p &gt;= 0
 * @param pieces K &gt;= 1
 * @param radius R &gt; 0, finite
 */
public record SplineGrid(int degree, int pieces, double radius) {

    /**
     * Validates the grid.
     *
     * @throws IllegalArgumentException if degree &lt; 0, pieces &lt; 1 or radius is not finite and &gt; 0
     */
    public SplineGrid {
        Checks.nonNegative("degree", degree);
        Checks.positive("pieces", pieces);
        Checks.positive("radius", radius);
    }

    /** The grid (degree, pieces, radius); same as the constructor. */
    public static SplineGrid of(int degree, int pieces, double radius) {
        return new SplineGrid(degree, pieces, radius);
    }

    /** n = K + p, the number of coefficients. */
    public int size() {
        return pieces + degree;
    }

    /** K / (2 R), the factor from score to scaled position t. */
    public double scale() {
        return pieces / (2.0 * radius);
    }

    /** The knot vector ({@code KnotVector.uniform(p, K, -R, R)}). */
    public KnotVector knots() {
        return KnotVector.uniform(degree, pieces, -radius, radius);
    }

    /** The B-spline basis on {@link #knots()}. */
    public BSplineBasis basis() {
        return BSplineBasis.of(knots());
    }

    /**
     * The spline sum_k c_k N_k(clamp(s, -R, R)) (constant extension outside [-R, R]).
     *
     * @param coefficients c, length n; not modified
     * @param s the score
     * @return phi(s)
     * @throws IllegalArgumentException if coefficients.length != n
     */
    public double value(double[] coefficients, double s) {
        Checks.length("coefficients", coefficients, size());
        double[] vals = new double[degree + 1];
        return value(coefficients, s, vals);
    }

    /** As {@link #value(double[], double)} without checks, with a work array of length &gt;= p + 1. */
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
}
