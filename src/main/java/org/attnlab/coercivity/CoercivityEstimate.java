package org.attnlab.coercivity;

/**
 * The empirical coercivity constant of H = span{B_k(x^T A y)} (arXiv 2510.11789, coercivity Lemma):
 * c_H = min over h in H \ {0} of E|R_h[X]_1|^2 / E h(X_1, X_2)^2, the smallest generalized eigenvalue of
 * (aggregated Gram, pairwise Gram). For i.i.d. or conditionally i.i.d. tokens c_H &gt;= 1/(N - 1).
 *
 * @param constant c_H estimated from all the data
 * @param standardError batch-means standard error: sd(batch constants) / sqrt(batches), over the batches whose
 *     constant is finite (a batch with a singular Gram matrix gives NaN); +infinity with fewer than two
 * @param lower constant - t_{0.975, batches-1} standardError
 * @param upper constant + t_{0.975, batches-1} standardError
 * @param heldOut the ratio E|R_h|^2 / E h^2 of the minimising h of the first half of the batches, measured on
 *     the other half: the mean of its per-batch ratios. For a fixed h this is unbiased for a population ratio
 *     &gt;= c_H, whereas the plug-in constant is biased downwards (it is a minimum of noisy ratios; when the
 *     smallest eigenvalue is multiple, as for symmetric token laws, the bias is of the order of its standard
 *     error). Use it to test the Lemma's bound.
 * @param heldOutStandardError batch-means standard error of heldOut (over the held-out batches)
 * @param heldOutLower heldOut - t_{0.975, B/2 - 1} heldOutStandardError
 * @param heldOutUpper heldOut + t_{0.975, B/2 - 1} heldOutStandardError
 * @param bound 1/(N - 1), the Lemma's lower bound for (conditionally) i.i.d. tokens
 * @param normalised (N - 1) constant, which is &gt;= 1 when the bound holds
 * @param batchConstants c_H of each batch of consecutive samples, in batch order
 * @param basisSize number of basis functions kept (those with pairwise mass, see {@link CoercivityEstimator})
 * @param singular true if the pairwise Gram matrix of the kept functions was numerically singular (then
 *     constant is NaN)
 */
public record CoercivityEstimate(double constant, double standardError, double lower, double upper,
                                 double heldOut, double heldOutStandardError,
                                 double heldOutLower, double heldOutUpper, double bound, double normalised, double[] batchConstants, int basisSize,
                                 boolean singular) {
}
