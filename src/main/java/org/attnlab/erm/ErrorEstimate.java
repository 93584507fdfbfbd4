package org.attnlab.erm;

/**
 * A Monte Carlo estimate of the composed error ||g_hat - g*||^2 in L2(rho) (arXiv 2510.11789, "composed test
 * MSE").
 *
 * @param absolute mean of (g_hat - g*)^2 over the fresh pairs
 * @param absoluteStandardError its standard error, sd / sqrt(pairs)
 * @param truthNorm mean of g*^2 over the same pairs, the estimate of ||g*||^2
 * @param relative absolute / truthNorm (NaN if truthNorm is 0)
 * @param relativeStandardError delta-method standard error of the ratio:
 *     sqrt(var(e - relative g*^2) / pairs) / truthNorm, e = (g_hat - g*)^2
 * @param pairs number of fresh pairs used
 */
public record ErrorEstimate(double absolute, double absoluteStandardError, double truthNorm, double relative,
                            double relativeStandardError, long pairs) {
}
