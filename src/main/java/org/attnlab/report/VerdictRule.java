package org.attnlab.report;

import java.util.Locale;
import org.attnlab.experiments.Claim;
import org.attnlab.internal.Checks;

/**
 * A rule that turns a reference value (theory or a published number), our estimate and its interval into a
 * {@link Claim.Verdict}, and says so in words for the report. Stated once, applied to every claim alike.
 */
public interface VerdictRule {

    /** The rule in words, for the report and {@code claims.json}. */
    String describe();

    /** The verdict for a reference value and our estimate {@code measured} with interval [lower, upper]. */
    Claim.Verdict decide(double reference, double measured, double lower, double upper);

    /** Reproduced iff {@code lower <= reference <= upper}. */
    static VerdictRule insideInterval() {
        return new VerdictRule() {
            @Override
            public String describe() {
                return "reproduced iff the reference value lies inside our interval";
            }

            @Override
            public Claim.Verdict decide(double reference, double measured, double lower, double upper) {
                return lower <= reference && reference <= upper
                        ? Claim.Verdict.REPRODUCED : Claim.Verdict.NOT_REPRODUCED;
            }
        };
    }

    /**
     * Reproduced iff {@code |measured - reference| <= tolerance}.
     *
     * @throws IllegalArgumentException if {@code tolerance} is not finite and &gt;= 0
     */
    static VerdictRule withinAbsolute(double tolerance) {
        Checks.nonNegative("tolerance", tolerance);
        return new VerdictRule() {
            @Override
            public String describe() {
                return String.format(Locale.ROOT, "reproduced iff |ours - reference| <= %s", tolerance);
            }

            @Override
            public Claim.Verdict decide(double reference, double measured, double lower, double upper) {
                return Math.abs(measured - reference) <= tolerance
                        ? Claim.Verdict.REPRODUCED : Claim.Verdict.NOT_REPRODUCED;
            }
        };
    }

    /**
     * Reproduced iff the reference lies inside our interval or {@code |measured - reference| <= tolerance}.
     *
     * @throws IllegalArgumentException if {@code tolerance} is not finite and &gt;= 0
     */
    static VerdictRule insideIntervalOrWithin(double tolerance) {
        VerdictRule a = insideInterval();
        VerdictRule b = withinAbsolute(tolerance);
        return new VerdictRule() {
            @Override
            public String describe() {
                return String.format(Locale.ROOT,
                        "reproduced iff the reference value lies inside our interval or |ours - reference| <= %s",
                        tolerance);
            }

            @Override
            public Claim.Verdict decide(double reference, double measured, double lower, double upper) {
                return a.decide(reference, measured, lower, upper) == Claim.Verdict.REPRODUCED
                        || b.decide(reference, measured, lower, upper) == Claim.Verdict.REPRODUCED
                        ? Claim.Verdict.REPRODUCED : Claim.Verdict.NOT_REPRODUCED;
            }
        };
    }
}
