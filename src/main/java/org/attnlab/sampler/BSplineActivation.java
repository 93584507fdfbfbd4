package org.attnlab.sampler;

import java.util.Arrays;
import org.attnlab.basis.BSplineBasis;
import org.attnlab.basis.KnotVector;
import org.attnlab.internal.Checks;
import org.attnlab.internal.DoubleArrays;
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
public final /*@ code_java_math spec_java_math nullable_by_default @*/ class BSplineActivation implements Activation {

    /** Default half-width R of the knot interval [-R, R]. */
    public static final double DEFAULT_RANGE = 4.0;
    /** Default number K of equal pieces. */
    public static final int DEFAULT_PIECES = 8;
    /** Default order P (degree 2, beta = 2), one of the two orders of arXiv 2510.11789 Figure 1b. */
    public static final int DEFAULT_ORDER = 3;
    /** The TRUTH stream index of the random coefficients. */
    public static final long COEFFICIENT_STREAM = 1L;

    private final /*@ spec_public @*/ int order;
    private final /*@ spec_public @*/ int pieces;
    private final /*@ spec_public @*/ double range;
    private final /*@ spec_public @*/ double[] coefficients;
    private final /*@ spec_public @*/ BSplineBasis basis;

    //@ public invariant order >= 1 && pieces >= 1 && Double.isFinite(range) && range > 0;
    //@ public invariant coefficients != null && coefficients.length == pieces + order - 1;
    //@ public invariant basis != null && basis.degree() == order - 1 && basis.size() == coefficients.length;

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
    /*@ public normal_behavior
      @   requires order >= 1 && pieces >= 1 && Double.isFinite(range) && range > 0;
      @   requires pieces + 2L * order - 1 <= Integer.MAX_VALUE;
      @   requires coefficients != null && coefficients.length == pieces + order - 1;
      @   requires (\forall int k; 0 <= k && k < coefficients.length; Double.isFinite(coefficients[k]));
      @   ensures \result != null && \result.order == order && \result.pieces == pieces && \result.range == range;
      @   ensures \result.coefficients != coefficients && \result.coefficients.length == coefficients.length;
      @   ensures (\forall int k; 0 <= k && k < coefficients.length; \result.coefficients[k] == coefficients[k]);
      @ also public exceptional_behavior
      @   requires order < 1 || pieces < 1 || !(Double.isFinite(range) && range > 0)
      @       || coefficients == null || coefficients.length != pieces + order - 1
      @       || (\exists int k; 0 <= k && k < coefficients.length; !Double.isFinite(coefficients[k]));
      @   signals_only IllegalArgumentException;
      @*/
    public static BSplineActivation of(int order, int pieces, double range, double[] coefficients) {
        checkShape(order, pieces, range);
        Sampling.length("coefficients", coefficients, pieces + order - 1);
        Checks.allFinite("coefficients", coefficients);
        return new BSplineActivation(order, pieces, range, Sampling.copy(coefficients));
    }

    /**
     * The spline of order P on K pieces of [-R, R] with i.i.d. N(0, 1) coefficients drawn from
     * {@code stream(seed, TRUTH, 1)} in index order.
     *
     * @throws IllegalArgumentException if order &lt; 1, pieces &lt; 1, or range is not finite and &gt; 0
     */
    /*@ public normal_behavior
      @   requires order >= 1 && pieces >= 1 && Double.isFinite(range) && range > 0;
      @   requires pieces + 2L * order - 1 <= Integer.MAX_VALUE;
      @   ensures \result != null && \result.order == order && \result.pieces == pieces && \result.range == range;
      @   ensures (\forall int k; 0 <= k && k < \result.coefficients.length; Double.isFinite(\result.coefficients[k]));
      @ also public exceptional_behavior
      @   requires order < 1 || pieces < 1 || !(Double.isFinite(range) && range > 0);
      @   signals_only IllegalArgumentException;
      @*/
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
    //@ public normal_behavior ensures \result == order && \result >= 1; pure
    public int order() {
        return order;
    }

    /** K, the number of pieces of [-R, R]. */
    //@ public normal_behavior ensures \result == pieces && \result >= 1; pure
    public int pieces() {
        return pieces;
    }

    /** R, the half-width of the knot interval. */
    //@ public normal_behavior ensures \result == range && \result > 0; pure
    public double range() {
        return range;
    }

    /** The coefficients c_k; a new array. */
    /*@ public normal_behavior
      @   ensures \result != null && \result != coefficients && \result.length == pieces + order - 1;
      @   ensures (\forall int k; 0 <= k && k < coefficients.length; \result[k] == coefficients[k]);
      @ pure
      @*/
    public double[] coefficients() {
        return Sampling.copy(coefficients);
    }

    /** The basis B_0..B_{n-1}. */
    //@ public normal_behavior ensures \result == basis && \result.degree() == order - 1 && \result.size() == pieces + order - 1; pure
    public BSplineBasis basis() {
        return basis;
    }

    /*@ also public normal_behavior
      @   requires !Double.isNaN(u);
      @   ensures Double.isFinite(\result)
      @       || (\exists int k; 0 <= k && k < coefficients.length; Math.abs(coefficients[k]) * order > 1.0e300);
      @ also public exceptional_behavior
      @   requires Double.isNaN(u);
      @   signals_only IllegalArgumentException;
      @ pure
      @*/
    /**
     * phi(u) = phi(clamp(u, -R, R)).
     *
     * @throws IllegalArgumentException if u is NaN (outside every domain)
     */
    @Override
    public double value(double u) {
        return basis.value(coefficients, basis.clampToDomain(u));
    }

    /** phi'(u) for |u| &lt;= R (the right derivative at knots, as the basis defines it), 0 for |u| &gt; R. */
    /*@ also public normal_behavior
      @   ensures Double.isNaN(u) ==> Double.isNaN(\result);
      @   ensures !Double.isNaN(u) && (u < -range || u > range) ==> \result == 0.0;
      @ pure
      @*/
    @Override
    public double derivative(double u) {
        if (!(u >= -range && u <= range)) {
            return u != u ? Double.NaN : 0.0;
        }
        return basis.derivative(coefficients, u);
    }

    /** beta = P - 1. */
    //@ also public normal_behavior ensures \result == order - 1; pure
    @Override
    public double smoothness() {
        return order - 1;
    }

    //@ also public normal_behavior ensures \result.equals("bspline"); pure
    @Override
    public String name() {
        return "bspline";
    }

    /*@ also public normal_behavior
      @   ensures \result ==> o instanceof BSplineActivation && ((BSplineActivation) o).order == order
      @       && ((BSplineActivation) o).pieces == pieces;
      @   ensures o == this ==> \result;
      @ pure
      @*/
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof BSplineActivation)) {
            return false;
        }
        BSplineActivation other = (BSplineActivation) o;
        return other.order == order && other.pieces == pieces
                && Double.compare(other.range, range) == 0 && DoubleArrays.sameEntries(other.coefficients, coefficients);
    }

    //@ also public normal_behavior ensures true; pure
    @Override
    public int hashCode() {
        return Arrays.hashCode(coefficients) * 31 + order * 7 + pieces;
    }

    //@ also public normal_behavior ensures \result != null && \result.startsWith("bspline(P="); pure
    @Override
    public String toString() {
        return "bspline(P=" + order + ", K=" + pieces + ", R=" + range + ", c=" + Arrays.toString(coefficients) + ")";
    }
}
