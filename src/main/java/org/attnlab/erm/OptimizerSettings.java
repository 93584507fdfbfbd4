package org.attnlab.erm;

import org.attnlab.internal.Checks;

/**
 * How the ERM is minimised (spec/estimator.md "Algorithm"): the Levenberg-Marquardt loop of every start and the
 * start strategy. Validated once here; {@link AlternatingLeastSquares} and the CLI read their defaults from
 * {@link #DEFAULT}. None of these settings changes the result's bytes except through the optimisation path;
 * {@code threads} never does.
 *
 * @param maxIterations accepted Gauss-Newton steps per start, &gt;= 0
 * @param tolerance a start has converged when the relative risk decrease of a step is at most this, in [0, 1)
 * @param damping the initial Levenberg-Marquardt damping lambda, &gt; 0 and finite
 * @param starts S, the number of candidate starts run to convergence (the S best by screening risk), in
 *     [1, 1000]
 * @param randomStarts R &gt;= 0 random candidate starts (standard normal U, V from stream (seed, ESTIMATOR, k))
 * @param momentStarts whether the moment (spectral) candidates are used: the first-order start and the
 *     second-order ones ({@link MomentStarts})
 * @param threads worker threads in [1, 1024]
 */
public record OptimizerSettings(int maxIterations, double tolerance, double damping, int starts, int randomStarts,
                                boolean momentStarts, int threads) {

    /**
     * 100 iterations, tolerance 1e-10, damping 1e-3, 3 starts run out of the moment candidates and 2 random ones,
     * one thread.
     */
    public static final OptimizerSettings DEFAULT = new OptimizerSettings(100, 1e-10, 1e-3, 3, 2, true, 1);

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException if a setting is outside the range given in the class comment (a fit also
     *     needs a candidate start: momentStarts on or randomStarts &gt;= 1, checked by the fit)
     */
    public OptimizerSettings {
        Checks.nonNegative("maxIterations", maxIterations);
        Checks.inRange("tolerance", tolerance, 0.0, Math.nextDown(1.0));
        Checks.positive("damping", damping);
        Checks.inRange("starts", starts, 1, 1000);
        Checks.nonNegative("randomStarts", randomStarts);
        Checks.inRange("threads", threads, 1, 1024);
    }

    /** A copy with the iteration limit. @throws IllegalArgumentException if &lt; 0 */
    public OptimizerSettings withMaxIterations(int maxIterations) {
        return new OptimizerSettings(maxIterations, tolerance, damping, starts, randomStarts, momentStarts, threads);
    }

    /** A copy with the tolerance. @throws IllegalArgumentException if not in [0, 1) */
    public OptimizerSettings withTolerance(double tolerance) {
        return new OptimizerSettings(maxIterations, tolerance, damping, starts, randomStarts, momentStarts, threads);
    }

    /** A copy with the initial damping. @throws IllegalArgumentException if not finite and &gt; 0 */
    public OptimizerSettings withDamping(double damping) {
        return new OptimizerSettings(maxIterations, tolerance, damping, starts, randomStarts, momentStarts, threads);
    }

    /** A copy with S. @throws IllegalArgumentException if not in [1, 1000] */
    public OptimizerSettings withStarts(int starts) {
        return new OptimizerSettings(maxIterations, tolerance, damping, starts, randomStarts, momentStarts, threads);
    }

    /** A copy with R. @throws IllegalArgumentException if &lt; 0 */
    public OptimizerSettings withRandomStarts(int randomStarts) {
        return new OptimizerSettings(maxIterations, tolerance, damping, starts, randomStarts, momentStarts, threads);
    }

    /** A copy with the moment candidates on or off. */
    public OptimizerSettings withMomentStarts(boolean momentStarts) {
        return new OptimizerSettings(maxIterations, tolerance, damping, starts, randomStarts, momentStarts, threads);
    }

    /** A copy with the thread count. @throws IllegalArgumentException if not in [1, 1024] */
    public OptimizerSettings withThreads(int threads) {
        return new OptimizerSettings(maxIterations, tolerance, damping, starts, randomStarts, momentStarts, threads);
    }
}
