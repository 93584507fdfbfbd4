/**
 * Verified numerical kernels: static methods on primitive arrays, written in the Java subset that KeY 2.12 reads
 * and specified in standard JML (also read by OpenJML). Every contract of every type here is proved by
 * {@code KeyProofIT} in {@code mvn verify} or listed as runtime-only in {@code proofs/contracts.txt}; the same
 * clauses are checked at run time by jqwik properties. Rules for code in this package: {@code proofs/README.md}.
 *
 * <p>Nothing outside {@code java.lang} is used (KeY cannot read modern class files); no generics, lambdas, records,
 * {@code var}, switch expressions, pattern {@code instanceof} or enhanced for loops; every loop has
 * {@code loop_invariant}, {@code loop_writes} and {@code decreases}; arrays are never allocated.
 *
 * <h2>Notation</h2>
 * <table>
 *   <caption>Symbols of the B-spline kernels (spec/basis.md)</caption>
 *   <tr><th>symbol</th><th>code</th><th>meaning</th></tr>
 *   <tr><td>p</td><td>{@code p}</td><td>degree (order p + 1), p &gt;= 0</td></tr>
 *   <tr><td>n</td><td>{@code n}</td><td>number of basis functions, n &gt;= p + 1</td></tr>
 *   <tr><td>t_0..t_{n+p}</td><td>{@code knots}</td><td>non-decreasing knots, length n + p + 1</td></tr>
 *   <tr><td>[t_p, t_n]</td><td></td><td>the domain, closed on both ends</td></tr>
 *   <tr><td>mu</td><td>{@code span}</td><td>span of x: t_mu &lt;= x &lt; t_{mu+1}, p &lt;= mu &lt;= n-1
 *       (x = t_n: last non-empty span)</td></tr>
 *   <tr><td>N_{i,k}</td><td>{@code out[j]}, i = mu - p + j</td><td>B-spline i of degree k (Cox-de Boor)</td></tr>
 *   <tr><td>N'_{i,p}</td><td>{@code derivatives[j]}</td><td>first derivative in x</td></tr>
 *   <tr><td>left_j, right_j</td><td>{@code left}, {@code right}</td><td>x - t_{mu+1-j}, t_{mu+j} - x (work arrays)</td></tr>
 * </table>
 */
package org.attnlab.kernel;
