package org.attnlab.coercivity;

/**
 * The three empirical moments of the coercivity identity (arXiv 2510.11789)
 * E |R_h[X]_1|^2 = 1/(N-1) E h(X_1,X_2)^2 + (N-2)/(N-1) E[h(X_1,X_2) h(X_1,X_3)], each averaged over every
 * token, ordered pair and ordered triple of distinct tokens of every sample.
 *
 * @param aggregated mean over (m, i) of R_i^2, R_i = 1/(N-1) sum_{j != i} h(X_i, X_j)
 * @param pairwise mean over (m, i, j != i) of h(X_i, X_j)^2
 * @param cross mean over (m, i, j != i, k != i, j) of h(X_i, X_j) h(X_i, X_k) (0 when N = 2)
 * @param tokensPerSample N
 */
public record IdentityTerms(double aggregated, double pairwise, double cross, int tokensPerSample) {

    /** The right-hand side 1/(N-1) pairwise + (N-2)/(N-1) cross. */
    public double rightHandSide() {
        int n = tokensPerSample;
        return pairwise / (n - 1) + (n - 2.0) / (n - 1) * cross;
    }
}
