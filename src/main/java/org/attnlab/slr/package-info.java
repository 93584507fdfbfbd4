/**
 * Single-location regression (Marion, Berthier, Biau, Boyer, arXiv 2410.01537): the sampler, the erf attention
 * predictor, its closed-form population risk and gradient, and projected gradient descent on the sphere (exact
 * 4-dimensional reduction) and SGD. Derivations in {@code spec/slr.md}. Core package: JDK, Commons Math and
 * Commons RNG only.
 *
 * <table>
 *   <caption>Notation</caption>
 *   <tr><th>Symbol</th><th>Meaning</th><th>Code</th></tr>
 *   <tr><td>d, L</td><td>token dimension, number of tokens</td><td>{@link org.attnlab.slr.SlrProblem}</td></tr>
 *   <tr><td>gamma, eps</td><td>sd of the informative token, sd of the noise</td><td>{@code gamma()}, {@code noise()}</td></tr>
 *   <tr><td>k*, v*</td><td>orthonormal key and value directions</td><td>{@link org.attnlab.slr.SlrTruth}</td></tr>
 *   <tr><td>J</td><td>uniform informative position; X_J ~ N(sqrt(d/2) k*, gamma^2 I)</td><td>{@link org.attnlab.slr.SlrSampler}</td></tr>
 *   <tr><td>T(X)</td><td>sum_l erf(lambda &lt;X_l,k&gt;) &lt;X_l,v&gt;</td><td>{@link org.attnlab.slr.ErfPredictor}</td></tr>
 *   <tr><td>kappa, nu, theta, eta, rho</td><td>&lt;k,k*&gt;, &lt;v,v*&gt;, &lt;v,k*&gt;, &lt;k,v*&gt;, &lt;k,v&gt;</td><td>{@link org.attnlab.slr.Overlaps}</td></tr>
 *   <tr><td>zeta(s, g)</td><td>E[erf(s + gZ)^2]</td><td>{@link org.attnlab.slr.GaussianErf}</td></tr>
 *   <tr><td>R(k, v)</td><td>population risk E(y - T)^2</td><td>{@link org.attnlab.slr.PopulationRisk}</td></tr>
 *   <tr><td>M</td><td>invariant manifold eta = theta = rho = 0</td><td>{@link org.attnlab.slr.Initialisation#MANIFOLD}</td></tr>
 *   <tr><td>alpha, lambda_t</td><td>step size, erf scale lambda_0/(1 + decay t)</td><td>{@link org.attnlab.slr.DescentSettings}</td></tr>
 * </table>
 */
package org.attnlab.slr;
