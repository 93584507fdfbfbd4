package org.attnlab.sampler;

import java.util.Arrays;
import org.attnlab.basis.BSplineBasis;
import org.attnlab.basis.KnotVector;
import org.attnlab.internal.Checks;
import org.attnlab.internal.RandomStreams;

/**
 * A spline activation phi(u) = sum_k c_k B_k(u) of order P (degree P - 1) on uniform knots covering
 * [-R, R] cut into K equal pieces ({@link KnotVector#uniform}(P - 1, K, -R, R)), n = K + P - 1 coefficients.
 * This is the phi* family of the experiments of arXiv 2510.11789 (Figure 1b), with beta = P - 1.
 *
 * <p>Extension outside the domain: constant, phi(u) = phi(clamp(u, -R, R)), phi'(u) = 0 for |u| &gt; R.
 * With the default R = 4 and scores of variance 1 the extension is rarely reached.
 *
 * <p>Random coefficients ({@link #random}): c_k = {@code stream.normal()}, k = 0..n-1 in order, from
 * {@code RandomStreams.stream(seed, Purpose.TRUTH, 1)} (index 0 of TRUTH is used by A*).
 */
public final class BSplineActivation implements Activation {

    /** Default half-width R of the knot interval [-R, R]. */
    public static final double DEFAULT_RANGE = 4.0;
    /** Default number K of equal pieces. */
    public static final int DEFAULT_PIECES = 8;
    /** Default order P (degree 2, beta = 2), one of the two orders of arXiv 2510.11789 Figure 1b. */
    public static final int DEFAULT_ORDER = 3;
    /** The TRUTH stream index of the random coefficients. */
    public static final long COEFFICIENT_STREAM = 1L;

    private final int order;
    private final int pieces;
    private final double range;
    private final double[] coefficients;
    private final BSplineBasis basis;

    private BSplineActivation(int order, int pieces, double range, double[] coefficients) {
        this.order = order;
        this.pieces = pieces;
        this.range = range;
        this.coefficients = coefficients;
        this.basis = BSplineBasis.of(KnotVector.uniform(order - 1, pieces, -range, range));
    }

    /**
     * The spline of order P on K pieces of [-R, R] with given coefficients.
     *
     * @param order P &gt;= 1 (degree P - 1)
     * @param pieces K &gt;= 1
     * @param range R, finite and &gt; 0
     * @param coefficients finite, length K + P - 1; copied
     * @throws IllegalArgumentException if order &lt; 1, pieces &lt; 1, range is not finite and &gt; 0,
     *     coefficients is null, has the wrong length, or a non-finite entry
     */
    public static BSplineActivation of(int order, int pieces, double range, double[] coefficients) {
        checkShape(order, pieces, range);
        Checks.length("coefficients", coefficients, pieces + order - 1);
        Checks.allFinite("coefficients", coefficients);
        return new BSplineActivation(order, pieces, range, coefficients.clone());
    }

    /**
     * The spline of order P on K pieces of [-R, R] with i.i.d. N(0, 1) coefficients drawn from
     * {@code stream(seed, TRUTH, 1)} in index order.
     *
     * @throws IllegalArgumentException if order &lt; 1, pieces &lt; 1, or range is not finite and &gt; 0
     */
    public static BSplineActivation random(int order, int pieces, double range, long seed) {
        checkShape(order, pieces, range);
        RandomStreams.Stream stream = RandomStreams.stream(seed, RandomStreams.Purpose.TRUTH, COEFFICIENT_STREAM);
        double[] c = new double[pieces + order - 1];
        stream.normals(c);
        return new BSplineActivation(order, pieces, range, c);
    }

    private static void checkShape(int order, int pieces, double range) {
        Checks.positive("order", order);
        Checks.positive("pieces", pieces);
        Checks.positive("range", range);
    }

    /** P, the order (degree + 1). */
    public int order() {
        return order;
    }

    /** K, the number of pieces of [-R, R]. */
    public int pieces() {
        return pieces;
    }

    /** R, the half-width of the knot interval. */
    public double range() {
        return range;
    }

    /** The coefficients c_k; a new array. */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** The basis B_0..B_{n-1}. */
    public BSplineBasis basis() {
        return basis;
    }

    @Override
    public double value(double u) {
        return basis.value(coefficients, basis.clampToDomain(u));
    }

    /** phi'(u) for |u| &lt;= R (the right derivative at knots, as the basis defines it), 0 for |u| &gt; R. */
    @Override
    public double derivative(double u) {
        if (!(u >= -range && u <= range)) {
            return u != u ? Double.NaN : 0.0;
        }
        return basis.derivative(coefficients, u);
    }

    /** beta = P - 1. */
    @Override
    public double smoothness() {
        return order - 1;
    }

    @Override
    public String name() {
        return "bspline";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BSplineActivation other && other.order == order && other.pieces == pieces
                && Double.compare(other.range, range) == 0 && Arrays.equals(other.coefficients, coefficients);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(coefficients) * 31 + order * 7 + pieces;
    }

    @Override
    public String toString() {
        return "bspline(P=" + order + ", K=" + pieces + ", R=" + range + ", c=" + Arrays.toString(coefficients) + ")";
    }
}
