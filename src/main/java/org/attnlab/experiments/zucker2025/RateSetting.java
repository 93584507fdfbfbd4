package org.attnlab.experiments.zucker2025;

import java.util.Locale;
import org.attnlab.internal.Checks;

/**
 * One curve of arXiv 2510.11789 Figure 1: token dimension d and spline orders of phi* and of the estimator.
 * Everything else (N, r, noise, token law) is shared by the whole sweep ({@link Zucker2025Config}).
 *
 * @param dimension d &gt;= 1
 * @param orderTrue P_true &gt;= 2, the B-spline order of phi* (Holder smoothness beta = P_true - 1)
 * @param orderEst P_est &gt;= 1, the B-spline order of the estimator (degree P_est - 1)
 */
public record RateSetting(int dimension, int orderTrue, int orderEst) {

    public RateSetting {
        Checks.positive("d", dimension);
        Checks.atLeast("P_true", orderTrue, 2);
        Checks.positive("P_est", orderEst);
    }

    /** The identifier used in keys, CSV and claims, e.g. {@code d5-P3} (or {@code d5-P3-E4} when P_est differs). */
    public String id() {
        return "d" + dimension + "-P" + orderTrue + (orderEst == orderTrue ? "" : "-E" + orderEst);
    }

    /** beta = P_true - 1, the smoothness the rate uses (PAPERS.md A: P read as beta = P - 1). */
    public double beta() {
        return orderTrue - 1.0;
    }

    /** The theoretical slope -2 beta / (2 beta + 1) of log error against log M (arXiv 2510.11789, main theorem). */
    public double theorySlope() {
        double b = beta();
        return -2.0 * b / (2.0 * b + 1.0);
    }

    /**
     * Whether M is inside the regime of the theorem, {@code r d <= (M / log M)^{1/(2 beta + 1)}}.
     *
     * @throws IllegalArgumentException if {@code samples < 2} or {@code rank < 1}
     */
    public boolean inRegime(int rank, int samples) {
        return rank * dimension <= regimeBound(samples);
    }

    /**
     * {@code (M / log M)^{1/(2 beta + 1)}}.
     *
     * @throws IllegalArgumentException if {@code samples < 2}
     */
    public double regimeBound(int samples) {
        Checks.atLeast("M", samples, 2);
        return Math.pow(samples / Math.log(samples), 1.0 / (2.0 * beta() + 1.0));
    }

    /** The smallest M with {@code r d <= (M / log M)^{1/(2 beta + 1)}} (the bound grows for M &gt;= 3). */
    public double regimeStart(int rank) {
        double target = Math.pow(rank * (double) dimension, 2.0 * beta() + 1.0);
        // solve M / log M = target for M >= e by fixed-point iteration M = target log M
        double m = Math.max(3.0, target);
        for (int i = 0; i < 200; i++) {
            m = Math.max(3.0, target * Math.log(m));
        }
        return m;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "d=%d P_true=%d P_est=%d", dimension, orderTrue, orderEst);
    }
}
