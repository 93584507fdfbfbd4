package org.attnlab.study;

import org.attnlab.internal.Checks;

/**
 * The estimator of a study: the ALS ERM of arXiv 2510.11789 with B-splines.
 *
 * <p>K rule: {@code rate} gives K_M = ceil(c0 (M / log M)^{1/(2 beta + 1)}) with beta from the setting's phi*
 * (or {@code beta} when given; an infinite beta gives K = c0); {@code fixed} gives K = {@code pieces} for every M.
 *
 * @param kRule {@code rate} or {@code fixed}
 * @param c0 the constant of the rate rule (&gt; 0; NaN for fixed)
 * @param beta the smoothness of the rate rule, or NaN for the setting's phi* beta
 * @param pieces K of the fixed rule (&gt;= 1; 0 for rate)
 * @param randomStarts random starts besides the moment start, &gt;= 0
 * @param maxIterations iteration limit per start, &gt;= 1
 * @param ridge ridge on the spline coefficients, &gt;= 0
 */
public record EstimatorSpec(String kRule, double c0, double beta, int pieces, int randomStarts, int maxIterations,
                            double ridge) {

    public EstimatorSpec {
        Checks.notNull("k_rule", kRule);
        if ("rate".equals(kRule)) {
            Checks.positive("c0", c0);
            if (!Double.isNaN(beta)) {
                Checks.positive("beta", beta);
            }
        } else if ("fixed".equals(kRule)) {
            Checks.positive("pieces", pieces);
        } else {
            throw Checks.fail("k_rule", "one of [rate, fixed]", kRule);
        }
        Checks.nonNegative("random_starts", randomStarts);
        Checks.positive("max_iterations", maxIterations);
        Checks.nonNegative("ridge", ridge);
    }
}
