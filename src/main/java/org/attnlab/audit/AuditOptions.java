package org.attnlab.audit;

import java.nio.file.Path;
import org.attnlab.internal.Checks;

/**
 * Options shared by every audit.
 *
 * @param out output directory (created if missing; reused to resume)
 * @param quick the reduced grid that finishes in about a minute (what CI runs)
 * @param threads worker threads, &gt;= 1; never changes the numbers
 * @param seed the master seed
 * @param part which part of the paper to run (for example a figure id, or {@code "all"})
 * @param progress where progress is reported
 * @param precision the target half-width of the audit's headline intervals ({@code --precision}): the audit adds
 *     replicates in a fixed order until every such interval is at most this wide on each side, or the budget is
 *     spent; NaN when off (the audit's fixed grid)
 * @param budgetUnits the most units a precision run may compute in total (0 = no unit budget); deterministic
 * @param budgetMinutes the most wall-clock minutes a precision run may take (0 = no time budget); the point where
 *     it stops then depends on the machine, and the report says so
 */
public record AuditOptions(Path out, boolean quick, int threads, long seed, String part, Progress progress,
                           double precision, long budgetUnits, double budgetMinutes) {

    /**
     * @throws IllegalArgumentException if a reference is null, {@code threads < 1}, {@code precision} is neither
     *     NaN nor finite and &gt; 0, or a budget is negative
     */
    public AuditOptions {
        Checks.notNull("out", out);
        Checks.positive("threads", threads);
        Checks.notNull("part", part);
        Checks.notNull("progress", progress);
        if (!Double.isNaN(precision)) {
            Checks.positive("precision", precision);
        }
        if (budgetUnits < 0) {
            throw Checks.fail("budgetUnits", ">= 0", budgetUnits);
        }
        Checks.nonNegative("budgetMinutes", budgetMinutes);
    }

    /** Options of a fixed-grid run (no {@code --precision}). */
    public AuditOptions(Path out, boolean quick, int threads, long seed, String part, Progress progress) {
        this(out, quick, threads, seed, part, progress, Double.NaN, 0, 0.0);
    }

    /** Whether {@code --precision} is on. */
    public boolean adaptive() {
        return !Double.isNaN(precision);
    }

    /** Progress of a long run: total units known up front, one call per finished unit. */
    public interface Progress {
        /** The run has {@code total} units, {@code alreadyDone} of them restored from checkpoints. */
        void start(String task, long total, long alreadyDone);

        /** One more unit finished. */
        void step();

        /** The run ended. */
        void finish();

        /** A progress sink that reports nothing (tests). */
        static Progress silent() {
            return new Progress() {
                @Override
                public void start(String task, long total, long alreadyDone) {
                }

                @Override
                public void step() {
                }

                @Override
                public void finish() {
                }
            };
        }
    }
}
