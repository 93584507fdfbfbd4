/**
 * {@code attnlab reproduce zucker2025}: the audit of arXiv 2510.11789 (Zucker, Wang, Lu, Seroussi, ICLR 2026),
 * Figure 1 -- the composed test MSE of the least-squares ERM against the number of samples M, for several token
 * dimensions d (1a) and smoothness orders P (1b) -- and of its coercivity Lemma. See {@code spec/rate-audit.md}
 * for the draws, the rules and why the settings are what they are.
 *
 * <p>Structure: {@link org.attnlab.experiments.zucker2025.Zucker2025Config} (the grid, a pure configuration) -&gt;
 * {@link org.attnlab.experiments.zucker2025.Zucker2025Unit} (one (setting, M, seed)) -&gt;
 * {@link org.attnlab.experiments.zucker2025.Zucker2025Experiment#run} (a pure function of the unit and the master seed)
 * -&gt; {@link org.attnlab.experiments.zucker2025.Zucker2025Claims} (medians, slopes, bootstrap, claims) -&gt; the
 * writers of {@code org.attnlab.report}; {@link org.attnlab.experiments.zucker2025.CoercivityTable} likewise.
 *
 * <table>
 *   <caption>Notation</caption>
 *   <tr><th>Symbol</th><th>Meaning</th></tr>
 *   <tr><td>d</td><td>token dimension</td></tr>
 *   <tr><td>N</td><td>tokens per sample</td></tr>
 *   <tr><td>M</td><td>samples</td></tr>
 *   <tr><td>r</td><td>rank of A* and of the estimator</td></tr>
 *   <tr><td>P_true, P_est</td><td>B-spline orders of phi* and of the estimator; beta = P_true - 1</td></tr>
 *   <tr><td>K_M</td><td>spline pieces of the estimator, ceil(c0 (M / log M)^{1/(2 beta + 1)})</td></tr>
 *   <tr><td>g*, g_hat</td><td>phi*(x^T A* y) and the fitted phi_hat(x^T A_hat y)</td></tr>
 *   <tr><td>error</td><td>composed test MSE ||g_hat - g*||^2 in L^2(rho), Monte Carlo on fresh pairs</td></tr>
 *   <tr><td>slope</td><td>a seed's least-squares slope of log(relative error) on log M; the claims take their mean over
 *   seeds; theory -2 beta/(2 beta+1)</td></tr>
 *   <tr><td>c_H</td><td>coercivity constant of the hypothesis space; the Lemma's bound is 1/(N-1)</td></tr>
 * </table>
 */
package org.attnlab.experiments.zucker2025;
