package org.attnlab.audit;

import org.attnlab.internal.Checks;

/**
 * What an interval was estimated from, so that an INCONCLUSIVE verdict can say how much more would decide it.
 *
 * <ul>
 *   <li>a confidence interval from {@code count} independent replicates ({@code shrinks}: its half-width
 *       shrinks like 1/sqrt(count)), e.g. 16 "seeds";</li>
 *   <li>the range over every one of {@code count} replicates (a claim about each run, not about a typical one:
 *       more replicates do not narrow it);</li>
 *   <li>an exact quantity ({@code count = 0}): computed without sampling, zero-width interval.</li>
 * </ul>
 *
 * @param count the number of replicates, &gt;= 0
 * @param noun what a replicate is, plural ("seeds", "repeats")
 * @param shrinks whether the interval narrows with more replicates
 */
public record Sample(int count, String noun, boolean shrinks) {

    public Sample {
        Checks.nonNegative("count", count);
        Checks.notNull("noun", noun);
    }

    /** A bootstrap interval over {@code count} seeds. */
    public static Sample seeds(int count) {
        return new Sample(count, "seeds", true);
    }

    /** A bootstrap interval over {@code count} repeats. */
    public static Sample repeats(int count) {
        return new Sample(count, "repeats", true);
    }

    /** The range over every one of {@code count} repeats. */
    public static Sample everyRepeat(int count) {
        return new Sample(count, "repeats", false);
    }

    /** A deterministic quantity: no sampling, zero-width interval. */
    public static Sample exact() {
        return new Sample(0, "exact", false);
    }
}
