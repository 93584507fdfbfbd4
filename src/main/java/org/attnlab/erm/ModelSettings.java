package org.attnlab.erm;

import org.attnlab.internal.Checks;

/**
 * What the ERM estimates (arXiv 2510.11789, model A): g(x, y) = phi(x^T U V^T y) with U, V in R^{d x r} and phi a
 * spline of degree p on K equal pieces of [-R, R], with an optional ridge penalty on the spline coefficients.
 * Validated once here; {@link AlternatingLeastSquares} and the CLI read their defaults from {@link #DEFAULT}.
 *
 * @param rank r &gt;= 1, the rank of A = U V^T
 * @param degree p in [0, 20] (spline order p + 1)
 * @param pieces K &gt;= 1, or 0 for the automatic rate rule {@link AlternatingLeastSquares#defaultPieces}
 * @param radius R &gt; 0, finite: the training scores are rescaled to fill [-R, R]
 * @param ridge &gt;= 0, finite: penalty ridge |c|^2 added to the phi-step's mean square loss
 */
public record ModelSettings(int rank, int degree, int pieces, double radius, double ridge) {

    /** r = 1, p = 2 (quadratic splines), K automatic, R = 1, no ridge. */
    public static final ModelSettings DEFAULT = new ModelSettings(1, 2, 0, 1.0, 0.0);

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException if rank &lt; 1, degree is not in [0, 20], pieces &lt; 0, radius is not
     *     finite and &gt; 0, or ridge is not finite and &gt;= 0
     */
    public ModelSettings {
        Checks.positive("rank", rank);
        Checks.inRange("degree", degree, 0, 20);
        Checks.nonNegative("pieces", pieces);
        Checks.positive("radius", radius);
        Checks.nonNegative("ridge", ridge);
    }

    /** A copy with r. @throws IllegalArgumentException if rank &lt; 1 */
    public ModelSettings withRank(int rank) {
        return new ModelSettings(rank, degree, pieces, radius, ridge);
    }

    /** A copy with p. @throws IllegalArgumentException if degree is not in [0, 20] */
    public ModelSettings withDegree(int degree) {
        return new ModelSettings(rank, degree, pieces, radius, ridge);
    }

    /** A copy with K (0 = automatic). @throws IllegalArgumentException if pieces &lt; 0 */
    public ModelSettings withPieces(int pieces) {
        return new ModelSettings(rank, degree, pieces, radius, ridge);
    }

    /** A copy with R. @throws IllegalArgumentException if radius is not finite and &gt; 0 */
    public ModelSettings withRadius(double radius) {
        return new ModelSettings(rank, degree, pieces, radius, ridge);
    }

    /** A copy with the ridge. @throws IllegalArgumentException if ridge is not finite and &gt;= 0 */
    public ModelSettings withRidge(double ridge) {
        return new ModelSettings(rank, degree, pieces, radius, ridge);
    }
}
