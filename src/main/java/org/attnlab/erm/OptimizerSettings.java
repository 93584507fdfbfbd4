package org.attnlab.erm;

import org.attnlab.internal.Checks;

/**
 * How the ERM is minimised (spec/estimator.md "Algorithm"): the Levenberg-Marquardt loop of every start and the
 * start strategy. Validated once here; {@link AlternatingLeastSquares} and the CLI read their defaults from
 * {@link #DEFAULT}. None of these settings changes the result's bytes except through the optimisation path;
 * {@code threads} never does.
 *
 * <p>The components: maxIterations, accepted Gauss-Newton steps per start, &gt;= 0; tolerance: a start has
 * converged when the relative risk decrease of a step is at most this, in [0, 1); damping: the initial
 * Levenberg-Marquardt damping lambda, &gt; 0 and finite; starts: S, the number of candidate starts run to
 * convergence (the S best by screening risk), in [1, 1000]; randomStarts: R &gt;= 0 random candidate starts
 * (standard normal U, V from stream (seed, ESTIMATOR, k)); momentStarts: whether the moment (spectral) candidates
 * are used: the first-order start and the second-order ones ({@link MomentStarts}); threads: worker threads in
 * [1, 1024]; coarsePieces: K_c &gt;= 0, the pieces of the continuation stage (spec/estimator.md "Algorithm" step 2:
 * the S starts are first run on K_c pieces, then on K from where they ended), 0 for none.
 *
 * <p>A final class with the API of a record (accessors, component-wise {@code equals} and {@code hashCode},
 * {@code toString} in the record format {@code OptimizerSettings[maxIterations=100, tolerance=1.0E-10, ...]}):
 * OpenJML 0.21 cannot compile records (proofs/openjml.md).
 */
public final class OptimizerSettings {

    /*@ public invariant maxIterations >= 0 && tolerance >= 0 && tolerance < 1.0;
      @ public invariant damping > 0 && damping < Double.POSITIVE_INFINITY;
      @ public invariant 1 <= starts && starts <= 1000 && randomStarts >= 0 && 1 <= threads && threads <= 1024;
      @ public invariant coarsePieces >= 0;
      @*/

    private final /*@ spec_public @*/ int maxIterations;
    private final /*@ spec_public @*/ double tolerance;
    private final /*@ spec_public @*/ double damping;
    private final /*@ spec_public @*/ int starts;
    private final /*@ spec_public @*/ int randomStarts;
    private final /*@ spec_public @*/ boolean momentStarts;
    private final /*@ spec_public @*/ int threads;
    private final /*@ spec_public @*/ int coarsePieces;

    /** The default K_c: 2 pieces (spec/estimator.md "Start strategy": measured on the zucker2025 units). */
    public static final int DEFAULT_COARSE_PIECES = 2;

    /*@ public normal_behavior
      @   requires maxIterations >= 0 && tolerance >= 0 && tolerance < 1.0;
      @   requires damping > 0 && damping < Double.POSITIVE_INFINITY;
      @   requires 1 <= starts && starts <= 1000 && randomStarts >= 0 && 1 <= threads && threads <= 1024;
      @   ensures this.maxIterations == maxIterations && this.tolerance == tolerance && this.damping == damping;
      @   ensures this.starts == starts && this.randomStarts == randomStarts && this.momentStarts == momentStarts;
      @   ensures this.threads == threads && this.coarsePieces == DEFAULT_COARSE_PIECES;
      @ also public exceptional_behavior
      @   requires maxIterations < 0 || !(tolerance >= 0 && tolerance < 1.0)
      @            || !(damping > 0 && damping < Double.POSITIVE_INFINITY)
      @            || starts < 1 || starts > 1000 || randomStarts < 0 || threads < 1 || threads > 1024;
      @   signals_only IllegalArgumentException;
      @*/
    /**
     * Validates the settings, with the continuation stage on {@link #DEFAULT_COARSE_PIECES} pieces.
     *
     * @param maxIterations &gt;= 0
     * @param tolerance in [0, 1)
     * @param damping &gt; 0 and finite
     * @param starts in [1, 1000]
     * @param randomStarts &gt;= 0
     * @param momentStarts whether the moment candidates are used
     * @param threads in [1, 1024]
     * @throws IllegalArgumentException if a setting is outside the range given in the class comment
     */
    public OptimizerSettings(int maxIterations, double tolerance, double damping, int starts, int randomStarts,
                             boolean momentStarts, int threads) {
        this(maxIterations, tolerance, damping, starts, randomStarts, momentStarts, threads, DEFAULT_COARSE_PIECES);
    }

    /*@ public normal_behavior
      @   requires maxIterations >= 0 && tolerance >= 0 && tolerance < 1.0;
      @   requires damping > 0 && damping < Double.POSITIVE_INFINITY;
      @   requires 1 <= starts && starts <= 1000 && randomStarts >= 0 && 1 <= threads && threads <= 1024;
      @   requires coarsePieces >= 0;
      @   ensures this.maxIterations == maxIterations && this.tolerance == tolerance && this.damping == damping;
      @   ensures this.starts == starts && this.randomStarts == randomStarts && this.momentStarts == momentStarts;
      @   ensures this.threads == threads && this.coarsePieces == coarsePieces;
      @ also public exceptional_behavior
      @   requires maxIterations < 0 || !(tolerance >= 0 && tolerance < 1.0)
      @            || !(damping > 0 && damping < Double.POSITIVE_INFINITY)
      @            || starts < 1 || starts > 1000 || randomStarts < 0 || threads < 1 || threads > 1024
      @            || coarsePieces < 0;
      @   signals_only IllegalArgumentException;
      @*/
    /**
     * Validates the settings.
     *
     * @param maxIterations &gt;= 0
     * @param tolerance in [0, 1)
     * @param damping &gt; 0 and finite
     * @param starts in [1, 1000]
     * @param randomStarts &gt;= 0
     * @param momentStarts whether the moment candidates are used
     * @param threads in [1, 1024]
     * @param coarsePieces K_c &gt;= 0 of the continuation stage, 0 for none
     * @throws IllegalArgumentException if a setting is outside the range given in the class comment (a fit also
     *     needs a candidate start: momentStarts on or randomStarts &gt;= 1, checked by the fit)
     */
    public OptimizerSettings(int maxIterations, double tolerance, double damping, int starts, int randomStarts,
                             boolean momentStarts, int threads, int coarsePieces) {
        Checks.nonNegative("maxIterations", maxIterations);
        Checks.inRange("tolerance", tolerance, 0.0, Math.nextDown(1.0));
        Checks.positive("damping", damping);
        Checks.inRange("starts", starts, 1, 1000);
        Checks.nonNegative("randomStarts", randomStarts);
        Checks.inRange("threads", threads, 1, 1024);
        Checks.nonNegative("coarsePieces", coarsePieces);
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        this.damping = damping;
        this.starts = starts;
        this.randomStarts = randomStarts;
        this.momentStarts = momentStarts;
        this.threads = threads;
        this.coarsePieces = coarsePieces;
    }

    /**
     * 100 iterations, tolerance 1e-10, damping 1e-3, 3 starts run out of the moment candidates and 2 random ones,
     * one thread, continuation from 2 pieces.
     */
    public static final OptimizerSettings DEFAULT = new OptimizerSettings(100, 1e-10, 1e-3, 3, 2, true, 1);

    /*@ public normal_behavior
      @   ensures \result == maxIterations && \result >= 0;
      @*/
    /** Accepted Gauss-Newton steps per start, &gt;= 0. */
    public /*@ pure @*/ int maxIterations() {
        return maxIterations;
    }

    /*@ public normal_behavior
      @   ensures \result == tolerance && \result >= 0 && \result < 1.0;
      @*/
    /** The relative risk decrease of a converged step, in [0, 1). */
    public /*@ pure @*/ double tolerance() {
        return tolerance;
    }

    /*@ public normal_behavior
      @   ensures \result == damping && \result > 0 && \result < Double.POSITIVE_INFINITY;
      @*/
    /** The initial Levenberg-Marquardt damping, &gt; 0 and finite. */
    public /*@ pure @*/ double damping() {
        return damping;
    }

    /*@ public normal_behavior
      @   ensures \result == starts && 1 <= \result && \result <= 1000;
      @*/
    /** S in [1, 1000]. */
    public /*@ pure @*/ int starts() {
        return starts;
    }

    /*@ public normal_behavior
      @   ensures \result == randomStarts && \result >= 0;
      @*/
    /** R &gt;= 0. */
    public /*@ pure @*/ int randomStarts() {
        return randomStarts;
    }

    /*@ public normal_behavior
      @   ensures \result == momentStarts;
      @*/
    /** Whether the moment candidates are used. */
    public /*@ pure @*/ boolean momentStarts() {
        return momentStarts;
    }

    /*@ public normal_behavior
      @   ensures \result == threads && 1 <= \result && \result <= 1024;
      @*/
    /** Worker threads in [1, 1024]. */
    public /*@ pure @*/ int threads() {
        return threads;
    }

    /*@ public normal_behavior
      @   ensures \result == coarsePieces && \result >= 0;
      @*/
    /** K_c &gt;= 0, the pieces of the continuation stage; 0 for none. */
    public /*@ pure @*/ int coarsePieces() {
        return coarsePieces;
    }

    /*@ public normal_behavior
      @   requires maxIterations >= 0;
      @   ensures \result != null && \result.maxIterations == maxIterations && \result.tolerance == tolerance;
      @   ensures \result.damping == damping && \result.starts == starts;
      @   ensures \result.randomStarts == randomStarts && \result.momentStarts == momentStarts;
      @   ensures \result.threads == threads && \result.coarsePieces == coarsePieces;
      @ also public exceptional_behavior
      @   requires !(maxIterations >= 0);
      @   signals_only IllegalArgumentException;
      @*/
    /** A copy with the iteration limit. @throws IllegalArgumentException if &lt; 0 */
    public /*@ pure @*/ OptimizerSettings withMaxIterations(int maxIterations) {
        return new OptimizerSettings(maxIterations, tolerance, damping, starts, randomStarts, momentStarts, threads,
                coarsePieces);
    }

    /*@ public normal_behavior
      @   requires tolerance >= 0 && tolerance < 1.0;
      @   ensures \result != null && \result.maxIterations == maxIterations && \result.tolerance == tolerance;
      @   ensures \result.damping == damping && \result.starts == starts;
      @   ensures \result.randomStarts == randomStarts && \result.momentStarts == momentStarts;
      @   ensures \result.threads == threads && \result.coarsePieces == coarsePieces;
      @ also public exceptional_behavior
      @   requires !(tolerance >= 0 && tolerance < 1.0);
      @   signals_only IllegalArgumentException;
      @*/
    /** A copy with the tolerance. @throws IllegalArgumentException if not in [0, 1) */
    public /*@ pure @*/ OptimizerSettings withTolerance(double tolerance) {
        return new OptimizerSettings(maxIterations, tolerance, damping, starts, randomStarts, momentStarts, threads,
                coarsePieces);
    }

    /*@ public normal_behavior
      @   requires damping > 0 && damping < Double.POSITIVE_INFINITY;
      @   ensures \result != null && \result.maxIterations == maxIterations && \result.tolerance == tolerance;
      @   ensures \result.damping == damping && \result.starts == starts;
      @   ensures \result.randomStarts == randomStarts && \result.momentStarts == momentStarts;
      @   ensures \result.threads == threads && \result.coarsePieces == coarsePieces;
      @ also public exceptional_behavior
      @   requires !(damping > 0 && damping < Double.POSITIVE_INFINITY);
      @   signals_only IllegalArgumentException;
      @*/
    /** A copy with the initial damping. @throws IllegalArgumentException if not finite and &gt; 0 */
    public /*@ pure @*/ OptimizerSettings withDamping(double damping) {
        return new OptimizerSettings(maxIterations, tolerance, damping, starts, randomStarts, momentStarts, threads,
                coarsePieces);
    }

    /*@ public normal_behavior
      @   requires 1 <= starts && starts <= 1000;
      @   ensures \result != null && \result.maxIterations == maxIterations && \result.tolerance == tolerance;
      @   ensures \result.damping == damping && \result.starts == starts;
      @   ensures \result.randomStarts == randomStarts && \result.momentStarts == momentStarts;
      @   ensures \result.threads == threads && \result.coarsePieces == coarsePieces;
      @ also public exceptional_behavior
      @   requires !(1 <= starts && starts <= 1000);
      @   signals_only IllegalArgumentException;
      @*/
    /** A copy with S. @throws IllegalArgumentException if not in [1, 1000] */
    public /*@ pure @*/ OptimizerSettings withStarts(int starts) {
        return new OptimizerSettings(maxIterations, tolerance, damping, starts, randomStarts, momentStarts, threads,
                coarsePieces);
    }

    /*@ public normal_behavior
      @   requires randomStarts >= 0;
      @   ensures \result != null && \result.maxIterations == maxIterations && \result.tolerance == tolerance;
      @   ensures \result.damping == damping && \result.starts == starts;
      @   ensures \result.randomStarts == randomStarts && \result.momentStarts == momentStarts;
      @   ensures \result.threads == threads && \result.coarsePieces == coarsePieces;
      @ also public exceptional_behavior
      @   requires !(randomStarts >= 0);
      @   signals_only IllegalArgumentException;
      @*/
    /** A copy with R. @throws IllegalArgumentException if &lt; 0 */
    public /*@ pure @*/ OptimizerSettings withRandomStarts(int randomStarts) {
        return new OptimizerSettings(maxIterations, tolerance, damping, starts, randomStarts, momentStarts, threads,
                coarsePieces);
    }

    /*@ public normal_behavior
      @   ensures \result != null && \result.maxIterations == maxIterations && \result.tolerance == tolerance;
      @   ensures \result.damping == damping && \result.starts == starts;
      @   ensures \result.randomStarts == randomStarts && \result.momentStarts == momentStarts;
      @   ensures \result.threads == threads && \result.coarsePieces == coarsePieces;
      @*/
    /** A copy with the moment candidates on or off. */
    public /*@ pure @*/ OptimizerSettings withMomentStarts(boolean momentStarts) {
        return new OptimizerSettings(maxIterations, tolerance, damping, starts, randomStarts, momentStarts, threads,
                coarsePieces);
    }

    /*@ public normal_behavior
      @   requires 1 <= threads && threads <= 1024;
      @   ensures \result != null && \result.maxIterations == maxIterations && \result.tolerance == tolerance;
      @   ensures \result.damping == damping && \result.starts == starts;
      @   ensures \result.randomStarts == randomStarts && \result.momentStarts == momentStarts;
      @   ensures \result.threads == threads && \result.coarsePieces == coarsePieces;
      @ also public exceptional_behavior
      @   requires !(1 <= threads && threads <= 1024);
      @   signals_only IllegalArgumentException;
      @*/
    /** A copy with the thread count. @throws IllegalArgumentException if not in [1, 1024] */
    public /*@ pure @*/ OptimizerSettings withThreads(int threads) {
        return new OptimizerSettings(maxIterations, tolerance, damping, starts, randomStarts, momentStarts, threads,
                coarsePieces);
    }

    /*@ public normal_behavior
      @   requires coarsePieces >= 0;
      @   ensures \result != null && \result.maxIterations == maxIterations && \result.tolerance == tolerance;
      @   ensures \result.damping == damping && \result.starts == starts;
      @   ensures \result.randomStarts == randomStarts && \result.momentStarts == momentStarts;
      @   ensures \result.threads == threads && \result.coarsePieces == coarsePieces;
      @ also public exceptional_behavior
      @   requires !(coarsePieces >= 0);
      @   signals_only IllegalArgumentException;
      @*/
    /** A copy with K_c (0: no continuation stage). @throws IllegalArgumentException if &lt; 0 */
    public /*@ pure @*/ OptimizerSettings withCoarsePieces(int coarsePieces) {
        return new OptimizerSettings(maxIterations, tolerance, damping, starts, randomStarts, momentStarts, threads,
                coarsePieces);
    }

    /*@ also public normal_behavior
      @   ensures \result == (o instanceof OptimizerSettings
      @            && ((OptimizerSettings) o).maxIterations == maxIterations
      @            && Double.compare(((OptimizerSettings) o).tolerance, tolerance) == 0
      @            && Double.compare(((OptimizerSettings) o).damping, damping) == 0
      @            && ((OptimizerSettings) o).starts == starts && ((OptimizerSettings) o).randomStarts == randomStarts
      @            && ((OptimizerSettings) o).momentStarts == momentStarts
      @            && ((OptimizerSettings) o).threads == threads
      @            && ((OptimizerSettings) o).coarsePieces == coarsePieces);
      @*/
    /** Component-wise equality, as for a record (doubles compared with {@link Double#compare}). */
    @Override
    public /*@ pure @*/ boolean equals(/*@ nullable @*/ Object o) {
        if (!(o instanceof OptimizerSettings)) {
            return false;
        }
        OptimizerSettings s = (OptimizerSettings) o;
        return maxIterations == s.maxIterations && Double.compare(tolerance, s.tolerance) == 0
                && Double.compare(damping, s.damping) == 0 && starts == s.starts && randomStarts == s.randomStarts
                && momentStarts == s.momentStarts && threads == s.threads && coarsePieces == s.coarsePieces;
    }

    /*@ also public normal_behavior
      @   ensures true;
      @*/
    /** The record hash: h = 31 h + hash(component) over the components in order, from h = 0 (int arithmetic wraps: code_java_math). */
    @Override
    public /*@ pure code_java_math @*/ int hashCode() {
        int h = maxIterations;
        h = 31 * h + Double.hashCode(tolerance);
        h = 31 * h + Double.hashCode(damping);
        h = 31 * h + starts;
        h = 31 * h + randomStarts;
        h = 31 * h + Boolean.hashCode(momentStarts);
        h = 31 * h + threads;
        return 31 * h + coarsePieces;
    }

    /*@ also public normal_behavior
      @   ensures \result != null;
      @*/
    /** The record format, e.g. {@code OptimizerSettings[maxIterations=100, tolerance=1.0E-10, ..., threads=1]}. */
    @Override
    public /*@ pure @*/ String toString() {
        return "OptimizerSettings[maxIterations=" + maxIterations + ", tolerance=" + tolerance + ", damping="
                + damping + ", starts=" + starts + ", randomStarts=" + randomStarts + ", momentStarts="
                + momentStarts + ", threads=" + threads + ", coarsePieces=" + coarsePieces + "]";
    }
}
