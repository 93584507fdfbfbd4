package org.attnlab.erm;

import org.attnlab.internal.Checks;

/**
 * The outcome of an ERM fit (arXiv 2510.11789, model A): g_hat(x, y) = phi(x^T U V^T y) with
 * phi = sum_k c_k B_k on {@code grid} (constant extension outside [-R, R]).
 *
 * <p>Arrays are row-major and owned by the record: accessors return them without copying, callers must not
 * modify them.
 *
 * <p>A final class with the API of a record (accessors, component-wise {@code equals} with arrays compared by
 * reference, {@code hashCode}, {@code toString} in the record format {@code ErmResult[dimension=2, rank=1, u=[D@..,
 * ...]}): OpenJML 0.21 cannot compile records (proofs/openjml.md).
 */
public final class ErmResult {

    /*@ public invariant dimension >= 1 && 1 <= rank && rank <= dimension;
      @ public invariant u != null && v != null && u.length == dimension * rank && v.length == dimension * rank;
      @ public invariant grid != null && coefficients != null && coefficients.length == grid.size();
      @ public invariant riskHistory != null && riskHistory.length >= 1 && startRisks != null;
      @ public invariant iterations >= 0 && status != null;
      @*/

    private final /*@ spec_public @*/ int dimension;
    private final /*@ spec_public @*/ int rank;
    private final /*@ spec_public @*/ double[] u;
    private final /*@ spec_public @*/ double[] v;
    private final /*@ spec_public @*/ SplineGrid grid;
    private final /*@ spec_public @*/ double[] coefficients;
    private final /*@ spec_public @*/ double[] riskHistory;
    private final /*@ spec_public @*/ int iterations;
    private final /*@ spec_public @*/ ErmStatus status;
    private final /*@ spec_public @*/ int start;
    private final /*@ spec_public @*/ double[] startRisks;
    private final /*@ spec_public @*/ long nanos;

    /*@ public normal_behavior
      @   requires dimension >= 1 && 1 <= rank && rank <= dimension
      @            && u != null && u.length == dimension * rank && v != null && v.length == dimension * rank
      @            && grid != null && coefficients != null && coefficients.length == grid.size()
      @            && (\forall int k; 0 <= k && k < u.length; Double.isFinite(u[k]))
      @            && (\forall int k; 0 <= k && k < v.length; Double.isFinite(v[k]))
      @            && (\forall int k; 0 <= k && k < coefficients.length; Double.isFinite(coefficients[k]))
      @            && riskHistory != null && riskHistory.length >= 1 && iterations >= 0 && status != null
      @            && startRisks != null;
      @   ensures this.dimension == dimension && this.rank == rank && this.u == u && this.v == v;
      @   ensures this.grid == grid && this.coefficients == coefficients && this.riskHistory == riskHistory;
      @   ensures this.iterations == iterations && this.status == status && this.start == start;
      @   ensures this.startRisks == startRisks && this.nanos == nanos;
      @ also public exceptional_behavior
      @   requires !(dimension >= 1 && 1 <= rank && rank <= dimension
      @              && u != null && u.length == dimension * rank && v != null && v.length == dimension * rank
      @              && grid != null && coefficients != null && coefficients.length == grid.size()
      @              && (\forall int k; 0 <= k && k < u.length; Double.isFinite(u[k]))
      @              && (\forall int k; 0 <= k && k < v.length; Double.isFinite(v[k]))
      @              && (\forall int k; 0 <= k && k < coefficients.length; Double.isFinite(coefficients[k]))
      @              && riskHistory != null && riskHistory.length >= 1 && iterations >= 0 && status != null
      @              && startRisks != null);
      @   signals_only IllegalArgumentException;
      @*/
    /**
     * Validates shapes.
     *
     * The risk history and the start risks are numerical outcomes and are stored as they are (a diverged trial may
     * leave a non-finite value there); u, v and the coefficients must be finite.
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
     * @throws IllegalArgumentException if a shape does not match, or u, v or the coefficients are not finite
     */
    public ErmResult(int dimension, int rank, double[] u, double[] v, SplineGrid grid, double[] coefficients,
                     double[] riskHistory, int iterations, ErmStatus status, int start, double[] startRisks,
                     long nanos) {
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
        this.dimension = dimension;
        this.rank = rank;
        this.u = u;
        this.v = v;
        this.grid = grid;
        this.coefficients = coefficients;
        this.riskHistory = riskHistory;
        this.iterations = iterations;
        this.status = status;
        this.start = start;
        this.startRisks = startRisks;
        this.nanos = nanos;
    }

    /*@ public normal_behavior
      @   ensures \result == dimension && \result >= 1;
      @*/
    /** d. */
    public /*@ pure @*/ int dimension() {
        return dimension;
    }

    /*@ public normal_behavior
      @   ensures \result == rank && 1 <= \result && \result <= dimension;
      @*/
    /** r. */
    public /*@ pure @*/ int rank() {
        return rank;
    }

    /*@ public normal_behavior
      @   ensures \result == u && \result.length == dimension * rank;
      @*/
    /** U, d x r row-major (owned by the result, not copied). */
    public /*@ pure @*/ double[] u() {
        return u;
    }

    /*@ public normal_behavior
      @   ensures \result == v && \result.length == dimension * rank;
      @*/
    /** V, d x r row-major (owned by the result, not copied). */
    public /*@ pure @*/ double[] v() {
        return v;
    }

    /*@ public normal_behavior
      @   ensures \result == grid && \result != null;
      @*/
    /** The spline space. */
    public /*@ pure @*/ SplineGrid grid() {
        return grid;
    }

    /*@ public normal_behavior
      @   ensures \result == coefficients && \result.length == grid.size();
      @*/
    /** c, length K + p (not copied). */
    public /*@ pure @*/ double[] coefficients() {
        return coefficients;
    }

    /*@ public normal_behavior
      @   ensures \result == riskHistory && \result.length >= 1;
      @*/
    /** The training risk history (not copied). */
    public /*@ pure @*/ double[] riskHistory() {
        return riskHistory;
    }

    /*@ public normal_behavior
      @   ensures \result == iterations && \result >= 0;
      @*/
    /** Accepted Gauss-Newton iterations of the winning start. */
    public /*@ pure @*/ int iterations() {
        return iterations;
    }

    /*@ public normal_behavior
      @   ensures \result == status && \result != null;
      @*/
    /** How the winning start ended. */
    public /*@ pure @*/ ErmStatus status() {
        return status;
    }

    /*@ public normal_behavior
      @   ensures \result == start;
      @*/
    /** The winning start. */
    public /*@ pure @*/ int start() {
        return start;
    }

    /*@ public normal_behavior
      @   ensures \result == startRisks && \result != null;
      @*/
    /** Final training risk of every start (not copied). */
    public /*@ pure @*/ double[] startRisks() {
        return startRisks;
    }

    /*@ public normal_behavior
      @   ensures \result == nanos;
      @*/
    /** Wall-clock time of the whole fit, in nanoseconds. */
    public /*@ pure @*/ long nanos() {
        return nanos;
    }

    /*@ public normal_behavior
      @   ensures Double.compare(\result, riskHistory[riskHistory.length - 1]) == 0;
      @*/
    /** The final training risk (last entry of the history). */
    public /*@ pure @*/ double trainingRisk() {
        return riskHistory[riskHistory.length - 1];
    }

    /*@ public normal_behavior
      @   ensures \result != null && \result.length == dimension * dimension;
      @   ensures \result != u && \result != v;
      @*/
    /** A = U V^T, d x d row-major (a new array). */
    public /*@ pure @*/ double[] matrix() {
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

    /*@ public normal_behavior
      @   requires x != null && y != null && 0 <= xo && xo <= x.length - dimension && 0 <= yo
      @            && yo <= y.length - dimension;
      @ also public exceptional_behavior
      @   requires x == null || y == null || !(0 <= xo && xo <= x.length - dimension && 0 <= yo
      @            && yo <= y.length - dimension);
      @   signals_only IllegalArgumentException;
      @*/
    /**
     * The score x^T U V^T y of the tokens at {@code x[xo..xo+d)} and {@code y[yo..yo+d)}.
     *
     * @throws IllegalArgumentException if an offset range is outside its array
     */
    public /*@ pure @*/ double score(double[] x, int xo, double[] y, int yo) {
        checkRange("x", x, xo);
        checkRange("y", y, yo);
        return scoreAt(x, xo, y, yo);
    }

    /**
     * {@link #score} without the range checks, for the pair loops of {@link ComposedError} and
     * {@link PiecesSelection}; not instrumented by OpenJML's RAC ({@code skiprac}), so that a RAC-compiled build does
     * not check the contracts of this class once per pair (the public methods are checked where the tests call them).
     */
    /*@ skiprac @*/
    double scoreAt(double[] x, int xo, double[] y, int yo) {
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

    /*@ public normal_behavior
      @   ensures Double.compare(\result, grid.value(coefficients, s)) == 0;
      @*/
    /** The activation phi(s), extended by its end values outside [-R, R]. */
    public /*@ pure @*/ double activation(double s) {
        return grid.value(coefficients, s);
    }

    /** {@link #activation} for the pair loops (see {@link #scoreAt}); not instrumented by RAC ({@code skiprac}). */
    /*@ skiprac @*/
    double activationAt(double s) {
        return grid.valueAt(coefficients, s);
    }

    /*@ public normal_behavior
      @   requires x != null && x.length == dimension && y != null && y.length == dimension;
      @   ensures Double.compare(\result, activation(score(x, 0, y, 0))) == 0;
      @ also public exceptional_behavior
      @   requires x == null || x.length != dimension || y == null || y.length != dimension;
      @   signals_only IllegalArgumentException;
      @*/
    /**
     * The estimated pair interaction g_hat(x, y) = phi(x^T U V^T y), with x and y of length d.
     *
     * @throws IllegalArgumentException if x or y does not have length d
     */
    public /*@ pure @*/ double interaction(double[] x, double[] y) {
        Checks.length("x", x, dimension);
        Checks.length("y", y, dimension);
        return activation(score(x, 0, y, 0));
    }

    private /*@ pure @*/ void checkRange(String name, double[] a, int offset) {
        Checks.notNull(name, a);
        if (offset < 0 || offset > a.length - dimension) {
            throw Checks.fail(name + " offset", "in [0, " + (a.length - dimension) + "]", offset);
        }
    }

    /*@ also public normal_behavior
      @   ensures !(o instanceof ErmResult) ==> !\result;
      @   ensures \result ==> (((ErmResult) o).dimension == dimension && ((ErmResult) o).rank == rank
      @            && ((ErmResult) o).u == u && ((ErmResult) o).v == v
      @            && ((ErmResult) o).coefficients == coefficients && ((ErmResult) o).riskHistory == riskHistory
      @            && ((ErmResult) o).iterations == iterations && ((ErmResult) o).start == start
      @            && ((ErmResult) o).startRisks == startRisks && ((ErmResult) o).nanos == nanos);
      @*/
    /** Component-wise equality, as for a record (arrays by reference). */
    @Override
    public /*@ pure @*/ boolean equals(/*@ nullable @*/ Object o) {
        if (!(o instanceof ErmResult)) {
            return false;
        }
        ErmResult that = (ErmResult) o;
        return dimension == that.dimension && rank == that.rank && u == that.u && v == that.v
                && java.util.Objects.equals(grid, that.grid) && coefficients == that.coefficients
                && riskHistory == that.riskHistory && iterations == that.iterations
                && java.util.Objects.equals(status, that.status) && start == that.start
                && startRisks == that.startRisks && nanos == that.nanos;
    }

    /*@ also public normal_behavior
      @   ensures true;
      @*/
    /** The record hash: h = 31 h + hash(component) over the components in order, from h = 0 (int arithmetic wraps: code_java_math). */
    @Override
    public /*@ pure code_java_math @*/ int hashCode() {
        int h = dimension;
        h = 31 * h + rank;
        h = 31 * h + java.util.Objects.hashCode(u);
        h = 31 * h + java.util.Objects.hashCode(v);
        h = 31 * h + java.util.Objects.hashCode(grid);
        h = 31 * h + java.util.Objects.hashCode(coefficients);
        h = 31 * h + java.util.Objects.hashCode(riskHistory);
        h = 31 * h + iterations;
        h = 31 * h + java.util.Objects.hashCode(status);
        h = 31 * h + start;
        h = 31 * h + java.util.Objects.hashCode(startRisks);
        return 31 * h + Long.hashCode(nanos);
    }

    /*@ also public normal_behavior
      @   ensures \result != null;
      @*/
    /** The record format {@code ErmResult[dimension=..., ...]} (arrays as {@code Object.toString}). */
    @Override
    public /*@ pure @*/ String toString() {
        return "ErmResult[dimension=" + dimension + ", rank=" + rank + ", u=" + u + ", v=" + v + ", grid=" + grid
                + ", coefficients=" + coefficients + ", riskHistory=" + riskHistory + ", iterations=" + iterations
                + ", status=" + status + ", start=" + start + ", startRisks=" + startRisks + ", nanos=" + nanos
                + "]";
    }
}
