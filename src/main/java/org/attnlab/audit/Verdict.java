package org.attnlab.audit;

/**
 * The verdict on one claim, always produced by {@link VerdictRule} (never set by hand).
 */
public enum Verdict {
    /** Our whole 95% interval lies inside the claim's target (the reference plus or minus its margin). */
    REPRODUCED,
    /** Our whole 95% interval lies outside the claim's target. */
    NOT_REPRODUCED,
    /** Our 95% interval straddles an edge of the target: more data would decide (the claim says how much). */
    INCONCLUSIVE
}
