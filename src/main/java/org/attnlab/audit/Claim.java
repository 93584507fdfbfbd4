package org.attnlab.audit;

import org.attnlab.internal.Checks;

/**
 * One checkable claim of a paper and our verdict on it (one entry of {@code claims.json}). The verdict is
 * always the one {@link VerdictRule} gives for the claim's own numbers: the constructor recomputes it and
 * rejects a claim whose verdict or rule text says otherwise, so no audit can set a verdict by hand. Build
 * claims with {@link #decide}.
 *
 * @param id stable identifier, e.g. {@code "fig1a.slope.d5-P3"}
 * @param statement the claim in words, as the paper makes it
 * @param quantity the quantity q the verdict is decided on, in words (e.g. "log-log slope of the median
 *     absolute composed error over seeds, on M")
 * @param kind value claim or directional claim
 * @param reference r: the theory's or the paper's value, or the threshold of a directional claim
 * @param margin the pre-registered margin delta and its reason (delta = 0 for a directional claim)
 * @param measured our point estimate of q
 * @param lower lower end of our 95% interval for q
 * @param upper upper end of our 95% interval for q
 * @param sample what the interval was estimated from (replicates), for the INCONCLUSIVE advice
 * @param verdict the verdict by {@link VerdictRule}
 * @param rule the rule with its numbers, in words
 * @param detail one or two sentences on the numbers (ends with the advice when INCONCLUSIVE)
 */
public record Claim(String id, String statement, String quantity, VerdictRule.Kind kind, double reference,
                    Margin margin, double measured, double lower, double upper, Sample sample, Verdict verdict,
                    String rule, String detail) {

    /**
     * @throws IllegalArgumentException if a field is null, the numbers are rejected by {@link VerdictRule}, or
     *     {@code verdict} / {@code rule} differ from what the rule gives for these numbers
     */
    public Claim {
        Checks.notNull("id", id);
        Checks.notNull("statement", statement);
        Checks.notNull("quantity", quantity);
        Checks.notNull("verdict", verdict);
        Checks.notNull("rule", rule);
        Checks.notNull("detail", detail);
        VerdictRule.Decision d = VerdictRule.decide(kind, reference, margin, lower, upper, sample);
        if (d.verdict() != verdict) {
            throw Checks.fail("verdict of " + id, "the rule's " + d.verdict(), verdict);
        }
        if (!d.rule().equals(rule)) {
            throw Checks.fail("rule of " + id, "the rule's text", rule);
        }
    }

    /**
     * A claim decided by {@link VerdictRule}: verdict and rule text from the numbers; the advice of an
     * INCONCLUSIVE verdict is appended to {@code detail}.
     *
     * @throws IllegalArgumentException as {@link VerdictRule#decide} and the constructor
     */
    public static Claim decide(String id, String statement, String quantity, VerdictRule.Kind kind, double reference,
                               Margin margin, double measured, double lower, double upper, Sample sample,
                               String detail) {
        VerdictRule.Decision d = VerdictRule.decide(kind, reference, margin, lower, upper, sample);
        String full = d.advice().isEmpty() ? detail : detail + "; " + d.advice();
        return new Claim(id, statement, quantity, kind, reference, margin, measured, lower, upper, sample,
                d.verdict(), d.rule(), full);
    }
}
