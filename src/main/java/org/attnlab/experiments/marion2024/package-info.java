/**
 * The audit of arXiv 2410.01537 ({@code attnlab reproduce marion2024}): the five configurations of the authors'
 * code as pure functions {@code (configuration, seed) -> Trajectory}, the d sweep, Monte Carlo checks of the
 * closed forms, and the writers (CSV, claims, figures, report) on top of {@code org.attnlab.audit} and
 * {@code org.attnlab.report}.
 *
 * <p>The same file set as every audit: {@link org.attnlab.experiments.marion2024.Marion2024Config} (the runs,
 * sweep and checks; the runs' settings in {@link org.attnlab.experiments.marion2024.RunConfig}) -&gt;
 * {@link org.attnlab.experiments.marion2024.Marion2024Unit} -&gt;
 * {@link org.attnlab.experiments.marion2024.Marion2024Experiment} (a pure function of the unit, on
 * {@link org.attnlab.experiments.marion2024.Experiments}) -&gt;
 * {@link org.attnlab.experiments.marion2024.Marion2024Claims} (margins and the statistics claims are decided on)
 * and {@link org.attnlab.experiments.marion2024.Marion2024Figures} -&gt;
 * {@link org.attnlab.experiments.marion2024.Marion2024Report} -&gt;
 * {@link org.attnlab.experiments.marion2024.Marion2024Audit} (three unit families on a
 * {@link org.attnlab.audit.UnitEngine}).
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
