/**
 * Model A of arXiv 2510.11789 (Zucker, Wang, Lu, Seroussi): token laws, the ground truth (A*, phi*), the
 * forward map and the data sampler.
 *
 * <p>Model: one sample is N tokens X_1..X_N in R^d and N outputs
 * Y_i = 1/(N-1) sum_{j != i} phi*(X_i^T A* X_j) + eta_i; M i.i.d. samples form a {@link
 * org.attnlab.sampler.Dataset}. The exact random draws of every law and generator are specified in
 * {@code spec/sampler.md}; streams come from {@link org.attnlab.internal.RandomStreams} only.
 *
 * <table>
 *   <caption>Notation</caption>
 *   <tr><th>symbol</th><th>meaning</th><th>code</th></tr>
 *   <tr><td>M</td><td>number of samples</td><td>{@code samples}</td></tr>
 *   <tr><td>N</td><td>tokens per sample</td><td>{@code tokensPerSample}, {@code n}</td></tr>
 *   <tr><td>d</td><td>token dimension</td><td>{@code dimension}, {@code d}</td></tr>
 *   <tr><td>r</td><td>rank of A*</td><td>{@code rank}</td></tr>
 *   <tr><td>X_i^m</td><td>token i of sample m</td><td>{@code tokens[(m N + i) d + k]}</td></tr>
 *   <tr><td>Y_i^m</td><td>output i of sample m</td><td>{@code outputs[m N + i]}</td></tr>
 *   <tr><td>A*</td><td>d x d interaction matrix, row-major</td><td>{@code a[k d + l]}</td></tr>
 *   <tr><td>phi*, beta</td><td>activation and its Holder smoothness</td><td>{@link org.attnlab.sampler.Activation}</td></tr>
 *   <tr><td>Sigma, v_k</td><td>Cov(X_1) = diag(v)</td><td>{@code variances()}</td></tr>
 *   <tr><td>kappa_k</td><td>fourth cumulant E X_k^4 - 3 v_k^2</td><td>{@code fourthCumulants()}</td></tr>
 *   <tr><td>tau</td><td>shared fraction of exchangeable tokens</td><td>{@link org.attnlab.sampler.ExchangeableTokens}</td></tr>
 *   <tr><td>sigma</td><td>noise standard deviation</td><td>{@link org.attnlab.sampler.GaussianNoise}</td></tr>
 *   <tr><td>S</td><td>score X_1^T A X_2 of two distinct tokens</td><td>{@code score}</td></tr>
 *   <tr><td>g*</td><td>g*(x, y) = phi*(x^T A* y)</td><td>{@link org.attnlab.sampler.GroundTruth#interaction}</td></tr>
 * </table>
 */
package org.attnlab.sampler;
