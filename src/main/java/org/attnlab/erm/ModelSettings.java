package org.attnlab.erm;

import org.attnlab.internal.Checks;

/**
 * What the ERM estimates (arXiv 2510.11789, model A): g(x, y) = phi(x^T U V^T y) with U, V in R^{d x r} and phi a
 * spline of degree p on K equal pieces of [-R, R], with an optional ridge penalty on the spline coefficients.
 * Validated once here; {@link AlternatingLeastSquares} and the CLI read their defaults from {@link #DEFAULT}.
 *
 * <p>The components: rank r &gt;= 1, the rank of A = U V^T; degree p in [0, 20] (spline order p + 1); pieces
 * K &gt;= 1, or 0 for the automatic rate rule {@link AlternatingLeastSquares#defaultPieces}; radius R &gt; 0,
 * finite: the training scores are rescaled to fill [-R, R]; ridge &gt;= 0, finite: penalty ridge |c|^2 added to
 * the phi-step's mean square loss.
 *
 * <p>A final class with the API of a record (accessors, component-wise {@code equals} and {@code hashCode},
 * {@code toString} in the record format {@code ModelSettings[rank=1, degree=2, pieces=0, radius=1.0, ridge=0.0]}):
 * OpenJML 0.21 cannot compile records (proofs/openjml.md).
 */
public final class ModelSettings {

    /*@ public invariant rank >= 1 && 0 <= degree && degree <= 20 && pieces >= 0;
      @ public invariant radius > 0 && radius < Double.POSITIVE_INFINITY;
      @ public invariant ridge >= 0 && ridge < Double.POSITIVE_INFINITY;
      @*/


    private final /*@ spec_public @*/ int rank;
    private final /*@ spec_public @*/ int degree;
    private final /*@ spec_public @*/ int pieces;
    private final /*@ spec_public @*/ double radius;
    private final /*@ spec_public @*/ double ridge;

    /*@ public normal_behavior
      @   requires rank >= 1 && 0 <= degree && degree <= 20 && pieces >= 0;
      @   requires radius > 0 && radius < Double.POSITIVE_INFINITY && ridge >= 0 && ridge < Double.POSITIVE_INFINITY;
      @   ensures this.rank == rank && this.degree == degree && this.pieces == pieces;
      @   ensures this.radius == radius && this.ridge == ridge;
      @ also public exceptional_behavior
      @   requires rank < 1 || degree < 0 || degree > 20 || pieces < 0
      @            || !(radius > 0 && radius < Double.POSITIVE_INFINITY)
      @            || !(ridge >= 0 && ridge < Double.POSITIVE_INFINITY);
      @   signals_only IllegalArgumentException;
      @*/
    /**
     * Validates the settings.
     *
     * @param rank r &gt;= 1
     * @param degree p in [0, 20]
     * @param pieces K &gt;= 1, or 0 for automatic
     * @param radius R &gt; 0, finite
     * @param ridge &gt;= 0, finite
     * @throws IllegalArgumentException if rank &lt; 1, degree is not in [0, 20], pieces &lt; 0, radius is not
     *     finite and &gt; 0, or ridge is not finite and &gt;= 0
     */
    public ModelSettings(int rank, int degree, int pieces, double radius, double ridge) {
        Checks.positive("rank", rank);
        Checks.inRange("degree", degree, 0, 20);
        Checks.nonNegative("pieces", pieces);
        Checks.positive("radius", radius);
        Checks.nonNegative("ridge", ridge);
        this.rank = rank;
        this.degree = degree;
        this.pieces = pieces;
        this.radius = radius;
        this.ridge = ridge;
    }

    /** r = 1, p = 2 (quadratic splines), K automatic, R = 1, no ridge. */
    public static final ModelSettings DEFAULT = new ModelSettings(1, 2, 0, 1.0, 0.0);

    /*@ public normal_behavior
      @   ensures \result == rank && \result >= 1;
      @*/
    /** r &gt;= 1. */
    public /*@ pure @*/ int rank() {
        return rank;
    }

    /*@ public normal_behavior
      @   ensures \result == degree && 0 <= \result && \result <= 20;
      @*/
    /** p in [0, 20]. */
    public /*@ pure @*/ int degree() {
        return degree;
    }

    /*@ public normal_behavior
      @   ensures \result == pieces && \result >= 0;
      @*/
    /** K, or 0 for automatic. */
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
      @   ensures \result == ridge && \result >= 0 && \result < Double.POSITIVE_INFINITY;
      @*/
    /** The ridge &gt;= 0, finite. */
    public /*@ pure @*/ double ridge() {
        return ridge;
    }

    /*@ public normal_behavior
      @   requires rank >= 1;
      @   ensures \result != null && \result.rank == rank && \result.degree == degree && \result.pieces == pieces;
      @   ensures \result.radius == radius && \result.ridge == ridge;
      @ also public exceptional_behavior
      @   requires rank < 1;
      @   signals_only IllegalArgumentException;
      @*/
    /** A copy with r. @throws IllegalArgumentException if rank &lt; 1 */
    public /*@ pure @*/ ModelSettings withRank(int rank) {
        return new ModelSettings(rank, degree, pieces, radius, ridge);
    }

    /*@ public normal_behavior
      @   requires 0 <= degree && degree <= 20;
      @   ensures \result != null && \result.rank == rank && \result.degree == degree && \result.pieces == pieces;
      @   ensures \result.radius == radius && \result.ridge == ridge;
      @ also public exceptional_behavior
      @   requires degree < 0 || degree > 20;
      @   signals_only IllegalArgumentException;
      @*/
    /** A copy with p. @throws IllegalArgumentException if degree is not in [0, 20] */
    public /*@ pure @*/ ModelSettings withDegree(int degree) {
        return new ModelSettings(rank, degree, pieces, radius, ridge);
    }

    /*@ public normal_behavior
      @   requires pieces >= 0;
      @   ensures \result != null && \result.rank == rank && \result.degree == degree && \result.pieces == pieces;
      @   ensures \result.radius == radius && \result.ridge == ridge;
      @ also public exceptional_behavior
      @   requires pieces < 0;
      @   signals_only IllegalArgumentException;
      @*/
    /** A copy with K (0 = automatic). @throws IllegalArgumentException if pieces &lt; 0 */
    public /*@ pure @*/ ModelSettings withPieces(int pieces) {
        return new ModelSettings(rank, degree, pieces, radius, ridge);
    }

    /*@ public normal_behavior
      @   requires radius > 0 && radius < Double.POSITIVE_INFINITY;
      @   ensures \result != null && \result.rank == rank && \result.degree == degree && \result.pieces == pieces;
      @   ensures \result.radius == radius && \result.ridge == ridge;
      @ also public exceptional_behavior
      @   requires !(radius > 0 && radius < Double.POSITIVE_INFINITY);
      @   signals_only IllegalArgumentException;
      @*/
    /** A copy with R. @throws IllegalArgumentException if radius is not finite and &gt; 0 */
    public /*@ pure @*/ ModelSettings withRadius(double radius) {
        return new ModelSettings(rank, degree, pieces, radius, ridge);
    }

    /*@ public normal_behavior
      @   requires ridge >= 0 && ridge < Double.POSITIVE_INFINITY;
      @   ensures \result != null && \result.rank == rank && \result.degree == degree && \result.pieces == pieces;
      @   ensures \result.radius == radius && \result.ridge == ridge;
      @ also public exceptional_behavior
      @   requires !(ridge >= 0 && ridge < Double.POSITIVE_INFINITY);
      @   signals_only IllegalArgumentException;
      @*/
    /** A copy with the ridge. @throws IllegalArgumentException if ridge is not finite and &gt;= 0 */
    public /*@ pure @*/ ModelSettings withRidge(double ridge) {
        return new ModelSettings(rank, degree, pieces, radius, ridge);
    }

    /*@ also public normal_behavior
      @   ensures \result == (o instanceof ModelSettings && ((ModelSettings) o).rank == rank
      @            && ((ModelSettings) o).degree == degree && ((ModelSettings) o).pieces == pieces
      @            && Double.compare(((ModelSettings) o).radius, radius) == 0
      @            && Double.compare(((ModelSettings) o).ridge, ridge) == 0);
      @*/
    /** Component-wise equality, as for a record (doubles compared with {@link Double#compare}). */
    @Override
    public /*@ pure @*/ boolean equals(/*@ nullable @*/ Object o) {
        if (!(o instanceof ModelSettings)) {
            return false;
        }
        ModelSettings m = (ModelSettings) o;
        return rank == m.rank && degree == m.degree && pieces == m.pieces && Double.compare(radius, m.radius) == 0
                && Double.compare(ridge, m.ridge) == 0;
    }

    /*@ also public normal_behavior
      @   ensures true;
      @*/
    /** The record hash: h = 31 h + hash(component) over the components in order, from h = 0 (int arithmetic wraps: code_java_math). */
    @Override
    public /*@ pure code_java_math @*/ int hashCode() {
        int h = rank;
        h = 31 * h + degree;
        h = 31 * h + pieces;
        h = 31 * h + Double.hashCode(radius);
        return 31 * h + Double.hashCode(ridge);
    }

    /*@ also public normal_behavior
      @   ensures \result != null;
      @*/
    /** The record format, e.g. {@code ModelSettings[rank=1, degree=2, pieces=0, radius=1.0, ridge=0.0]}. */
    @Override
    public /*@ pure @*/ String toString() {
        return "ModelSettings[rank=" + rank + ", degree=" + degree + ", pieces=" + pieces + ", radius=" + radius
                + ", ridge=" + ridge + "]";
    }
}
