/**
 * The audit of arXiv 2410.01537 ({@code attnlab reproduce marion2024}): the five configurations of the authors'
 * code as pure functions {@code (configuration, seed) -> Trajectory}, the d sweep, Monte Carlo checks of the
 * closed forms, and the writers (CSV, claims, figures, report) on top of {@code org.attnlab.report}.
 *
 * <table>
 *   <caption>Notation</caption>
 *   <tr><th>Symbol</th><th>Meaning</th></tr>
 *   <tr><td>excess risk</td><td>R(k_t, v_t) - eps^2 at the current lambda_t</td></tr>
 *   <tr><td>distance to M</td><td>sqrt(theta^2 + eta^2 + rho^2)</td></tr>
 *   <tr><td>band</td><td>2.5% and 97.5% quantiles over repeats (type 7)</td></tr>
 *   <tr><td>lambda_d</td><td>d^(-1/4), the erf scale of the d sweep</td></tr>
 * </table>
 */
package org.attnlab.experiments.marion2024;
