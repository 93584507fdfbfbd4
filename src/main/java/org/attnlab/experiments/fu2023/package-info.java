/**
 * The audit of Fu, Guo, Bai, Mei, "What can a single attention layer learn? A study through the random
 * features lens" (arXiv 2307.11353): {@code attnlab reproduce fu2023}. Experiments are pure functions
 * ({@link org.attnlab.experiments.fu2023.Fu2023Experiment#run}); claims are decided from the results by fixed
 * rules ({@link org.attnlab.experiments.fu2023.Fu2023Claims}); writing uses {@code org.attnlab.report}.
 * See {@code spec/rfa.md}.
 *
 * <h2>Notation</h2>
 * <table>
 *   <caption>Symbols</caption>
 *   <tr><th>symbol</th><th>meaning</th></tr>
 *   <tr><td>d, N</td><td>token dimension, number of keys</td></tr>
 *   <tr><td>H</td><td>heads; every method has H (d+1) trained parameters</td></tr>
 *   <tr><td>n</td><td>training samples</td></tr>
 *   <tr><td>r</td><td>repeat (independent data and features)</td></tr>
 *   <tr><td>e(method, target, size, r)</td><td>normalized test error: test MSE / test variance of the target</td></tr>
 *   <tr><td>u_i</td><td>sqrt(d) &lt;x_0, x_i&gt;</td></tr>
 * </table>
 */
package org.attnlab.experiments.fu2023;
