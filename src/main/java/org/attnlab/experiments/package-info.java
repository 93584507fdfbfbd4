/**
 * The audit contract shared by the {@code attnlab reproduce <paper>} audits: {@link org.attnlab.experiments.Audit}
 * (id, paper, parts, run), {@link org.attnlab.experiments.AuditOptions} (output directory, quick, threads, seed,
 * part, progress), {@link org.attnlab.experiments.AuditOutcome} and {@link org.attnlab.experiments.Claim} (one
 * entry of {@code claims.json}: published value, ours with interval, rule, verdict), and the registry
 * {@link org.attnlab.experiments.Audits} (one line per paper). The machinery audits are built on is in
 * {@code org.attnlab.report}.
 *
 * <table>
 *   <caption>Notation</caption>
 *   <tr><th>Term</th><th>Meaning</th></tr>
 *   <tr><td>unit</td><td>one independent computation of an audit, e.g. (setting, M, seed); checkpointed</td></tr>
 *   <tr><td>part</td><td>which figure of the paper to run ({@code --figure}); {@code all} by default</td></tr>
 *   <tr><td>verdict</td><td>REPRODUCED / NOT_REPRODUCED by the claim's stated rule; INCONCLUSIVE for --quick</td></tr>
 * </table>
 */
package org.attnlab.experiments;
