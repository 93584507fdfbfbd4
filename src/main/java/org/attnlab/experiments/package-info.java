/**
 * The paper audits of {@code attnlab reproduce <paper>} and their registry {@link org.attnlab.experiments.Audits}
 * (one line per paper). Every audit implements {@link org.attnlab.audit.Audit} and is built from the same
 * pieces (see {@link org.attnlab.audit}): its unit families run by a {@link org.attnlab.audit.UnitEngine},
 * claims decided by the one {@link org.attnlab.audit.VerdictRule} with pre-registered margins, and the writers
 * of {@code claims.json} and {@code report.md}.
 *
 * <table>
 *   <caption>Notation</caption>
 *   <tr><th>Term</th><th>Meaning</th></tr>
 *   <tr><td>unit</td><td>one independent computation of an audit, e.g. (setting, M, seed); checkpointed</td></tr>
 *   <tr><td>part</td><td>which figure of the paper to run ({@code --figure}); {@code all} by default</td></tr>
 *   <tr><td>verdict</td><td>by the one rule of spec/verdicts.md, for full and quick runs alike</td></tr>
 * </table>
 */
package org.attnlab.experiments;
