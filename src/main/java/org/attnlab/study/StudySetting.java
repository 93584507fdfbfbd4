package org.attnlab.study;

import java.util.Locale;
import org.attnlab.internal.Checks;

/**
 * One setting (one curve) of a rate study.
 *
 * @param id the setting's name in keys, CSV and claims (letters, digits, {@code . _ -})
 * @param dimension d &gt;= 1
 * @param tokens N &gt;= 2, tokens per sample
 * @param rank r in [1, d], the rank of A* and of the estimator
 * @param law the token law
 * @param phi the family of phi*
 * @param noise sigma &gt;= 0 of the Gaussian output noise
 * @param degree the estimator's spline degree p &gt;= 0 (order p + 1)
 */
public record StudySetting(String id, int dimension, int tokens, int rank, TokenLawSpec law, ActivationSpec phi,
                           double noise, int degree) {

    public StudySetting {
        Checks.notNull("id", id);
        Checks.positive("d", dimension);
        Checks.atLeast("N", tokens, 2);
        Checks.inRange("r", rank, 1, dimension);
        Checks.notNull("tokens", law);
        Checks.notNull("phi", phi);
        Checks.nonNegative("noise", noise);
        Checks.inRange("degree", degree, 0, 20);
    }

    /**
     * The smoothness the estimator can use: beta' = min(beta of phi*, p + 1), since splines of degree p
     * approximate no faster than order p + 1. For a B-spline phi* of order P fitted with degree P - 1 it is
     * P - 1 (arXiv 2510.11789 Figure 1); for tanh fitted with quadratic splines it is 3.
     */
    public double effectiveBeta() {
        return Math.min(phi.beta(), degree + 1.0);
    }

    /** The theorem's slope -2 beta' / (2 beta' + 1) of log error on log M, with {@link #effectiveBeta()}. */
    public double theorySlope() {
        double b = effectiveBeta();
        return -2.0 * b / (2.0 * b + 1.0);
    }

    /** In words, for the report. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: d=%d N=%d r=%d tokens=%s phi*=%s noise=%s degree=%d", id, dimension,
                tokens, rank, law.describe(), phi.describe(), noise, degree);
    }
}
