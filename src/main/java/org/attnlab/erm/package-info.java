/**
 * Least-squares ERM for pairwise interactions g(x, y) = phi(x^T U V^T y) (arXiv 2510.11789, model A):
 * {@link org.attnlab.erm.AlternatingLeastSquares} (configuration with {@code withX}, {@code fit(Dataset, seed)}),
 * {@link org.attnlab.erm.ErmResult} (the estimate), {@link org.attnlab.erm.ComposedError} (Monte Carlo
 * ||g_hat - g*||^2 in L2(rho)), {@link org.attnlab.erm.SplineGrid} (the activation space, constant extension
 * outside [-R, R]). Specification: {@code spec/estimator.md}, {@code spec/error-and-coercivity.md}.
 *
 * <table>
 *   <caption>Notation</caption>
 *   <tr><th>symbol</th><th>meaning</th><th>code</th></tr>
 *   <tr><td>M, N, d</td><td>samples, tokens per sample, dimension</td><td>{@code Dataset}</td></tr>
 *   <tr><td>r</td><td>rank of A = U V^T</td><td>{@code withRank}</td></tr>
 *   <tr><td>U, V</td><td>d x r factors, row-major</td><td>{@code u[a * r + b]}</td></tr>
 *   <tr><td>s_ij</td><td>score X_i^T U V^T X_j</td><td>{@code ErmResult.score}</td></tr>
 *   <tr><td>p, K, R</td><td>spline degree, pieces, half-width of [-R, R]</td><td>{@code SplineGrid}</td></tr>
 *   <tr><td>c</td><td>spline coefficients, length K + p</td><td>{@code ErmResult.coefficients}</td></tr>
 *   <tr><td>w</td><td>1/(N - 1)</td><td></td></tr>
 *   <tr><td>F_i</td><td>w sum_{j != i} B(s_ij), aggregated features</td><td>{@code PairAssembly}</td></tr>
 * </table>
 */
package org.attnlab.erm;
