package org.attnlab.audit;

import org.attnlab.internal.Checks;

/**
 * A pre-registered margin: how far from the reference a quantity may lie and still agree with the claim,
 * fixed in code before any run, with the sentence that justifies it. Every margin of every audit is a named
 * {@code static final Margin} constant and is listed in {@code spec/verdicts.md} and in each report.
 *
 * @param delta the half-width of the target band [reference - delta, reference + delta]; finite and &gt;= 0
 *     (0 for a directional claim, which decides on a sign)
 * @param reason why this margin (one sentence, shown in claims.json and the report)
 */
public record Margin(double delta, String reason) {

    /**
     * @throws IllegalArgumentException if {@code delta} is not finite and &gt;= 0, or {@code reason} is null or blank
     */
    public Margin {
        Checks.nonNegative("delta", delta);
        Checks.notNull("reason", reason);
        if (reason.isBlank()) {
            throw Checks.fail("reason", "not blank", "\"\"");
        }
    }

    /** A margin of {@code delta} for the stated reason. */
    public static Margin of(double delta, String reason) {
        return new Margin(delta, reason);
    }
}
