package org.attnlab.slr;

import org.attnlab.internal.Checks;

/**
 * Settings of projected gradient descent on the sphere (arXiv 2410.01537, authors' code):
 * step size alpha, number of steps, logging period, and the erf scale lambda_t = lambda0 / (1 + decay t)
 * (decay = 1e-4 for the paper's schedule, 0 for a constant lambda).
 *
 * @param lambda0 initial erf scale, finite and &gt; 0
 * @param decay schedule rate, finite and &gt;= 0
 * @param alpha step size, finite and &gt; 0
 * @param steps number of steps, &gt;= 1
 * @param logEvery logging period in steps, &gt;= 1 (step 0 and every multiple of it are logged, and the last step)
 */
public record DescentSettings(double lambda0, double decay, double alpha, int steps, int logEvery) {

    /** The paper's schedule rate: lambda_t = lambda0 / (1 + 1e-4 t). */
    public static final double PAPER_DECAY = 1e-4;

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException if lambda0 is not finite and &gt; 0
     * @throws IllegalArgumentException if decay is not finite and &gt;= 0
     * @throws IllegalArgumentException if alpha is not finite and &gt; 0
     * @throws IllegalArgumentException if steps &lt; 1
     * @throws IllegalArgumentException if logEvery &lt; 1
     */
    public DescentSettings {
        Checks.positive("lambda0", lambda0);
        Checks.nonNegative("decay", decay);
        Checks.positive("alpha", alpha);
        Checks.positive("steps", steps);
        Checks.positive("logEvery", logEvery);
    }

    /** The settings; see the record's rules. */
    public static DescentSettings of(double lambda0, boolean schedule, double alpha, int steps, int logEvery) {
        return new DescentSettings(lambda0, schedule ? PAPER_DECAY : 0.0, alpha, steps, logEvery);
    }

    /** lambda_t = lambda0 / (1 + decay t). */
    public double lambdaAt(long t) {
        return lambda0 / (1.0 + decay * t);
    }

    /** The number of logged points: step 0, every multiple of logEvery, and the last step. */
    public int logCount() {
        return 1 + steps / logEvery + (steps % logEvery == 0 ? 0 : 1);
    }

    /** Whether step t (t = number of completed steps) is logged. */
    boolean logged(int t) {
        return t % logEvery == 0 || t == steps;
    }
}
