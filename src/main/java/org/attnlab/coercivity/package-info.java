/**
 * The coercivity constant of H = span{B_k(x^T A y)} (arXiv 2510.11789, coercivity Lemma):
 * {@link org.attnlab.coercivity.CoercivityEstimator}, {@link org.attnlab.coercivity.CoercivityEstimate},
 * {@link org.attnlab.coercivity.IdentityTerms}. Specification: {@code spec/error-and-coercivity.md}.
 *
 * <table>
 *   <caption>Notation</caption>
 *   <tr><th>symbol</th><th>meaning</th></tr>
 *   <tr><td>R_h[X]_i</td><td>1/(N-1) sum_{j != i} h(X_i, X_j)</td></tr>
 *   <tr><td>G_agg</td><td>mean F_i F_i^T (c^T G_agg c = E |R_h|^2)</td></tr>
 *   <tr><td>G_pair</td><td>mean b_ij b_ij^T (c^T G_pair c = E h^2)</td></tr>
 *   <tr><td>c_H</td><td>lambda_min(G_agg, G_pair), &gt;= 1/(N-1) for (conditionally) i.i.d. tokens</td></tr>
 *   <tr><td>B</td><td>number of batches of consecutive samples</td></tr>
 * </table>
 */
package org.attnlab.coercivity;
