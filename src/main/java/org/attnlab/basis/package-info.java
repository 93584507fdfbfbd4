/**
 * B-spline bases for the activation phi of model A (arXiv 2510.11789; the estimator's piecewise polynomials of
 * degree s on K_M equal pieces): validated, immutable value types over the verified kernels of
 * {@link org.attnlab.kernel}. Language-neutral definitions for ports: {@code spec/basis.md}.
 *
 * <h2>Notation</h2>
 * <table>
 *   <caption>Symbols of the B-spline basis</caption>
 *   <tr><th>symbol</th><th>code</th><th>meaning</th></tr>
 *   <tr><td>p</td><td>{@code degree()}</td><td>polynomial degree, p &gt;= 0 (spline order p + 1)</td></tr>
 *   <tr><td>K</td><td>{@code pieces}</td><td>equal pieces of [a, b] in the uniform and clamped layouts</td></tr>
 *   <tr><td>h</td><td></td><td>(b - a) / K, the piece width</td></tr>
 *   <tr><td>n</td><td>{@code size()}</td><td>number of basis functions; n = K + p for both layouts</td></tr>
 *   <tr><td>t_i</td><td>{@code knot(i)}</td><td>knots, i = 0..n+p, non-decreasing</td></tr>
 *   <tr><td>[t_p, t_n]</td><td>{@code lower(), upper()}</td><td>the domain; points outside are rejected</td></tr>
 *   <tr><td>mu</td><td>{@code span(x)}</td><td>t_mu &lt;= x &lt; t_{mu+1}; x = t_n gives the last non-empty span</td></tr>
 *   <tr><td>N_i</td><td>{@code allValues(x)[i]}</td><td>B-spline i of degree p; non-zero only for
 *       i = mu - p .. mu</td></tr>
 *   <tr><td>c_i</td><td>{@code coefficients[i]}</td><td>spline s(x) = sum_i c_i N_i(x)</td></tr>
 * </table>
 */
package org.attnlab.basis;
