package org.attnlab.experiments;

import org.attnlab.internal.Checks;

/**
 * One checkable claim of a paper and our verdict on it (one entry of {@code claims.json}).
 *
 * @param id stable identifier, e.g. {@code "fig1a.slope.d5"}
 * @param statement the claim in words, as the paper makes it
 * @param published the published value (NaN when the claim is qualitative)
 * @param measured our value
 * @param lower lower end of our interval (NaN when none)
 * @param upper upper end of our interval (NaN when none)
 * @param rule the rule that turns the numbers into the verdict, in words
 * @param verdict the verdict
 * @param detail one sentence on why (numbers included)
 */
public record Claim(String id, String statement, double published, double measured, double lower, double upper,
                    String rule, Verdict verdict, String detail) {

    public Claim {
        Checks.notNull("id", id);
        Checks.notNull("statement", statement);
        Checks.notNull("rule", rule);
        Checks.notNull("verdict", verdict);
        Checks.notNull("detail", detail);
    }

    /** A verdict. */
    public enum Verdict {
        /** The claim holds by the stated rule. */
        REPRODUCED,
        /** The claim fails by the stated rule. */
        NOT_REPRODUCED,
        /** The run was too small (for example {@code --quick}) to decide. */
        INCONCLUSIVE
    }
}
