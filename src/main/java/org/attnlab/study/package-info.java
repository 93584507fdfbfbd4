/**
 * Studies as files: a model-A rate study (settings x M grid x seeds, an ERM fit and a composed-error estimate
 * per unit, claims on the slopes) read from a TOML file ({@link org.attnlab.study.StudyFile}), validated with one
 * error line per bad entry naming its key path, and run by {@code attnlab run STUDY --out DIR} on the audit
 * layer's checkpointed runner. The schema is documented in {@code docs/studies/README.md}.
 *
 * <table>
 *   <caption>Notation</caption>
 *   <tr><th>symbol</th><th>meaning</th><th>study file key</th></tr>
 *   <tr><td>d, N, r</td><td>token dimension, tokens per sample, rank of A*</td><td>{@code d}, {@code N}, {@code r}</td></tr>
 *   <tr><td>M</td><td>training samples</td><td>{@code study.grid}</td></tr>
 *   <tr><td>phi*, beta</td><td>the true activation and its Holder smoothness</td><td>{@code phi}</td></tr>
 *   <tr><td>sigma</td><td>output noise</td><td>{@code noise}</td></tr>
 *   <tr><td>p, K_M, c0</td><td>estimator degree, pieces, constant of K_M = ceil(c0 (M / log M)^{1/(2 beta + 1)})</td>
 *       <td>{@code estimator.*}</td></tr>
 * </table>
 */
package org.attnlab.study;
