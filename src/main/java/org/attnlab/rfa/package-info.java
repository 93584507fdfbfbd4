/**
 * Random-feature attention (RFA), its biased variant (BRFA) and the random-feature MLP baseline
 * (RF-MLP), after Fu, Guo, Bai, Mei, "What can a single attention layer learn? A study through the
 * random features lens" (arXiv 2307.11353, NeurIPS 2023). See {@code spec/rfa.md}.
 *
 * <p>The model (our reading of the paper's definition; the exact scalings are our documented choices):
 * <pre>
 *   f(x_0; x_1..x_N) = sum_{m=1}^{H} (1/N) sum_{i=1}^{N} relu(xt_0^T W_m xt_i) &lt;v_m, xt_i&gt;,   xt = [x; 1]
 * </pre>
 * It is linear in the trained values v_m, so fitting is a ridge regression on the H (d+1) features
 * {@code phi_{m,b} = (1/N) sum_i relu(xt_0^T W_m xt_i) xt_i[b]}.
 *
 * <h2>Notation</h2>
 * <table>
 *   <caption>Symbols and their names in code</caption>
 *   <tr><th>symbol</th><th>code</th><th>meaning</th></tr>
 *   <tr><td>d</td><td>{@code d}</td><td>token dimension; tokens lie on the unit sphere S^{d-1}</td></tr>
 *   <tr><td>N</td><td>{@code keys}</td><td>number of key tokens x_1..x_N (x_0 is the query)</td></tr>
 *   <tr><td>e = d + 1</td><td>{@code e}</td><td>length of an augmented token xt = [x; 1]</td></tr>
 *   <tr><td>H</td><td>{@code heads}</td><td>number of heads (random features of the attention layer)</td></tr>
 *   <tr><td>W_m</td><td>{@code weights[m*e*e + a*e + b]}</td><td>frozen e x e query-key matrix of head m</td></tr>
 *   <tr><td>W_0</td><td>{@link org.attnlab.rfa.WeightLaw#BIASED}</td><td>mean of W_m in BRFA: [[I_d, 0], [0, 0]]</td></tr>
 *   <tr><td>p = H e</td><td>{@code dimension()}</td><td>number of features = number of trained parameters</td></tr>
 *   <tr><td>D = (N+1) d</td><td>{@code inputDimension}</td><td>input length of the RF-MLP (concatenated tokens)</td></tr>
 *   <tr><td>u_i</td><td>-</td><td>standardized score sqrt(d) &lt;x_0, x_i&gt; used by the targets</td></tr>
 *   <tr><td>n</td><td>{@code n}</td><td>number of training samples</td></tr>
 *   <tr><td>lambda</td><td>{@code ridge}</td><td>ridge penalty, relative to trace(G)/p (see {@link org.attnlab.rfa.RidgeTrainer})</td></tr>
 * </table>
 *
 * <p>Token layout of one sample (shared by every class here): {@code x_i[k]} at
 * {@code tokens[offset + i*d + k]} for {@code i = 0..N}; sample {@code s} of a flat array starts at
 * {@code offset = s*(N+1)*d}. The concatenated RF-MLP input is exactly that slice.
 */
package org.attnlab.rfa;
