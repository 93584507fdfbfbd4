package org.attnlab.slr;

import org.attnlab.internal.Checks;

/**
 * The law of single-location regression (arXiv 2410.01537, Section 2): L tokens in R^d, one of them, at a
 * uniform latent position J, informative: X_J ~ N(sqrt(d/2) k*, gamma^2 I_d), the others X_l ~ N(0, I_d);
 * output y = &lt;X_J, v*&gt; + xi with xi ~ N(0, eps^2).
 *
 * @param dimension d &gt;= 2 (k*, v* must be orthonormal)
 * @param tokens L &gt;= 1
 * @param gamma standard deviation of the informative token, finite and &gt; 0
 * @param noise eps, standard deviation of the output noise, finite and &gt;= 0
 */
public record SlrProblem(int dimension, int tokens, double gamma, double noise) {

    /**
     * Validates the parameters.
     *
     * @throws IllegalArgumentException if d &lt; 2
     * @throws IllegalArgumentException if L &lt; 1
     * @throws IllegalArgumentException if gamma is not finite and &gt; 0
     * @throws IllegalArgumentException if eps is not finite and &gt;= 0
     */
    public SlrProblem {
        Checks.atLeast("d", dimension, 2);
        Checks.positive("L", tokens);
        Checks.positive("gamma", gamma);
        Checks.nonNegative("eps", noise);
    }

    /** The problem (d, L, gamma, eps); see the record's rules. */
    public static SlrProblem of(int dimension, int tokens, double gamma, double noise) {
        return new SlrProblem(dimension, tokens, gamma, noise);
    }

    /** sqrt(d/2), the norm of the informative token's mean. */
    public double signalScale() {
        return Math.sqrt(dimension / 2.0);
    }

    /** The Bayes risk eps^2 (the predictor E[y | X] = &lt;X_J, v*&gt; needs J, which is identifiable as d grows). */
    public double bayesRisk() {
        return noise * noise;
    }

    /**
     * The risk of the best linear predictor sum_l &lt;w_l, X_l&gt; when J is uniform:
     * eps^2 + gamma^2 - gamma^4 / (gamma^2 + L - 1), attained at w_l = gamma^2 / (gamma^2 + L - 1) v*
     * (derivation in spec/slr.md).
     */
    public double linearRisk() {
        double g2 = gamma * gamma;
        return noise * noise + g2 - g2 * g2 / (g2 + tokens - 1);
    }
}
