/**
 * The audit layer: what every {@code attnlab reproduce <paper>} audit is made of, and the one place where
 * claims are decided and written. Outside the core; imports only the core's {@code internal} and {@code io};
 * never {@code experiments} or {@code report}.
 *
 * <h2>Design note: the public API</h2>
 * <pre>{@code
 * // the contract
 * interface Audit { String id(); String paper(); List<String> parts();
 *                   AuditOutcome run(AuditOptions o, UnitEngine engine);      // the only entry point
 *                   default AuditOutcome run(AuditOptions o) { return run(o, UnitEngine.local(o)); } }
 * record AuditOptions(Path out, boolean quick, int threads, long seed, String part, Progress progress)
 * record AuditOutcome(String auditId, List<Claim> claims, Path report)
 *
 * // computation: a family of independent units, run by an engine
 * interface UnitFamily<U, R> { String name(); String checkpointName(); String fingerprint();
 *                              List<U> units(); String key(U u);                // canonical order, stable keys
 *                              R compute(U u);                                  // pure: seed = Seeds.forKey(master, key)
 *                              Row encode(R r); R decode(U u, Row row); }       // the checkpoint line codec
 * interface UnitEngine { <U, R> List<R> run(UnitFamily<U, R> f);                // results in plan order, decoded
 *                        static UnitEngine local(Path out, int threads, Progress p); }  // checkpointed threads
 * final class Seeds { static long forKey(long master, String key); }
 *
 * // verdicts: one rule, pre-registered margins
 * record Margin(double delta, String reason)                                   // a named constant per claim type
 * record Sample(int count, String noun, boolean shrinks)                       // what the interval came from
 * final class VerdictRule { enum Kind { WITHIN, BELOW, ABOVE, AT_LEAST, AT_MOST }
 *                           static Decision decide(Kind, reference, Margin, lower, upper, Sample); String TEXT; }
 * record Claim(id, statement, quantity, kind, reference, margin, measured, lower, upper, sample,
 *              verdict, rule, detail)                                         // verdict re-checked on construction
 *     static Claim decide(...)                                                 // the only way audits build claims
 * enum Verdict { REPRODUCED, NOT_REPRODUCED, INCONCLUSIVE }
 *
 * // writing
 * final class ClaimsJson { static void write(Path, String audit, String paper, Map<String,String> settings,
 *                                           List<Claim>); }                  // fixed order, no timestamps
 * final class MarkdownReport { ... ; MarkdownReport verdictRules(List<Claim>) } // the rule + every margin
 * }</pre>
 *
 * <p>An external engine (Spark) needs only {@link org.attnlab.audit.UnitEngine}: given a family, compute
 * {@code family.encode(family.compute(u))} for every unit anywhere, bring the rows back in plan order, and
 * return {@code family.decode(u, row)}. Because every audit computes only through its families and builds its
 * outputs from the decoded results, the CSV and {@code claims.json} bytes are the same as with the local engine.
 *
 * <h2>Classes</h2>
 * <table>
 *   <caption>Classes</caption>
 *   <tr><th>Class</th><th>Role</th><th>Guarantee</th></tr>
 *   <tr><td>{@link org.attnlab.audit.Row}</td><td>one unit's result as ordered column -&gt; cell text</td>
 *       <td>doubles as {@code Double.toString}, so a restored row is the computed row, bit for bit</td></tr>
 *   <tr><td>{@link org.attnlab.audit.CheckpointStore}</td><td>append-only {@code key -> Row} file</td>
 *       <td>each append one fsynced line; a half-written last line is discarded on open; another
 *       configuration's file (fingerprint) is refused</td></tr>
 *   <tr><td>{@link org.attnlab.audit.ParallelRunner}</td><td>runs a plan on T threads with a store</td>
 *       <td>skips finished units; rows in plan order</td></tr>
 *   <tr><td>{@link org.attnlab.audit.VerdictRule}</td><td>interval + reference + margin -&gt; verdict</td>
 *       <td>NaN bounds rejected; INCONCLUSIVE says how many more replicates would decide</td></tr>
 * </table>
 *
 * <h2>Notation</h2>
 * <table>
 *   <caption>Notation</caption>
 *   <tr><th>Symbol</th><th>Meaning</th></tr>
 *   <tr><td>unit</td><td>one independent computation, e.g. (setting, M, seed); checkpointed under its key</td></tr>
 *   <tr><td>r, delta</td><td>a claim's reference value and its pre-registered margin</td></tr>
 *   <tr><td>[lo, hi]</td><td>our 95% interval for the claim's quantity q</td></tr>
 *   <tr><td>n</td><td>replicates behind the interval (seeds, repeats)</td></tr>
 * </table>
 */
package org.attnlab.audit;
