package org.attnlab.erm;

import org.attnlab.internal.Checks;

/**
 * The outcome of an ERM fit (arXiv 2510.11789, model A): g_hat(x, y) = phi(x^T U V^T y) with
 * phi = sum_k c_k B_k on {@code grid} (constant extension outside [-R, R]).
 *
 * <p>Arrays are row-major and owned by the record: accessors return them without copying, callers must not
 * modify them.
 *
 * @param dimension d
 * @param rank r
 * @param u U in R^{d x r}, {@code u[a * r + b]}
 * @param v V in R^{d x r}, {@code v[a * r + b]}
 * @param grid the spline space (degree p, K pieces, radius R)
 * @param coefficients c, length K + p
 * @param riskHistory training risk (1/(M N)) sum (Y - prediction)^2 after the first phi-step and after every
 *     accepted iteration of the winning start; the last entry is the final risk
 * @param iterations accepted Gauss-Newton iterations of the winning start
 * @param status how the winning start ended
 * @param start the winning start: 0 = moment (spectral) start when enabled, otherwise random starts 1, 2, ...
 *     (the fixed-matrix mode reports 0)
 * @param startRisks final training risk of every start, in start order
 * @param nanos wall-clock time of the whole fit, in nanoseconds
 */
public record ErmResult(int dimension, int rank, double[] u, double[] v, SplineGrid grid,
                        double[] coefficients, double[] riskHistory, int iterations, ErmStatus status,
                        int start, double[] startRisks, long nanos) {

    // Class invariants in the record body (before the record header they are not JML: OpenJML -check rejected them
    // with 74 errors). OpenJML 0.21 cannot compile records at all (proofs/openjml.md); the constructor checks
    // enforce them at run time (ErmDetailsTest, AlternatingLeastSquaresTest).
    /*@ public invariant u.length == dimension * rank && v.length == dimension * rank;
      @ public invariant coefficients.length == grid.size() && riskHistory.length >= 1;
      @ public invariant (\forall int k; 0 <= k && k < coefficients.length; Double.isFinite(coefficients[k]));
      @ public invariant iterations >= 0 && status != null;
      @*/

    /**
     * Validates shapes.
     *
     * The risk history and the start risks are numerical outcomes and are stored as they are (a diverged trial may
     * leave a non-finite value there); u, v and the coefficients must be finite.
     *
     * @throws IllegalArgumentException if a shape does not match, or u, v or the coefficients are not finite
     */
    public ErmResult {
        Checks.positive("dimension", dimension);
        Checks.inRange("rank", rank, 1, dimension);
        Checks.length("u", u, dimension * rank);
        Checks.length("v", v, dimension * rank);
        Checks.notNull("grid", grid);
        Checks.length("coefficients", coefficients, grid.size());
        Checks.allFinite("u", u);
        Checks.allFinite("v", v);
        Checks.allFinite("coefficients", coefficients);
        Checks.notNull("riskHistory", riskHistory);
        if (riskHistory.length < 1) {
            throw Checks.fail("riskHistory.length", ">= 1", riskHistory.length);
        }
        Checks.nonNegative("iterations", iterations);
        Checks.notNull("status", status);
        Checks.notNull("startRisks", startRisks);
    }

    /** The final training risk (last entry of the history). */
    public double trainingRisk() {
        return riskHistory[riskHistory.length - 1];
    }

    /** A = U V^T, d x d row-major (a new array). */
    public double[] matrix() {
        double[] a = new double[dimension * dimension];
        for (int i = 0; i < dimension; i++) {
            for (int j = 0; j < dimension; j++) {
                double s = 0.0;
                for (int b = 0; b < rank; b++) {
                    s += u[i * rank + b] * v[j * rank + b];
                }
                a[i * dimension + j] = s;
            }
        }
        return a;
    }

    /**
     * The score x^T U V^T y of the tokens at {@code x[xo..xo+d)} and {@code y[yo..yo+d)}.
     *
     * @throws IllegalArgumentException if an offset range is outside its array
     */
    public double score(double[] x, int xo, double[] y, int yo) {
        checkRange("x", x, xo);
        checkRange("y", y, yo);
        double s = 0.0;
        for (int b = 0; b < rank; b++) {
            double pu = 0.0;
            double qv = 0.0;
            for (int a = 0; a < dimension; a++) {
                pu += x[xo + a] * u[a * rank + b];
                qv += y[yo + a] * v[a * rank + b];
            }
            s += pu * qv;
        }
        return s;
    }

    /** The activation phi(s), extended by its end values outside [-R, R]. */
    public double activation(double s) {
        return grid.value(coefficients, s);
    }

    /**
     * The estimated pair interaction g_hat(x, y) = phi(x^T U V^T y), with x and y of length d.
     *
     * @throws IllegalArgumentException if x or y does not have length d
     */
    public double interaction(double[] x, double[] y) {
        Checks.length("x", x, dimension);
        Checks.length("y", y, dimension);
        return activation(score(x, 0, y, 0));
    }

    private void checkRange(String name, double[] a, int offset) {
        Checks.notNull(name, a);
        if (offset < 0 || offset > a.length - dimension) {
            throw Checks.fail(name + " offset", "in [0, " + (a.length - dimension) + "]", offset);
        }
    }
}
