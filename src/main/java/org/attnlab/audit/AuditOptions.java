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
 */
public record AuditOptions(Path out, boolean quick, int threads, long seed, String part, Progress progress) {

    public AuditOptions {
        Checks.notNull("out", out);
        Checks.positive("threads", threads);
        Checks.notNull("part", part);
        Checks.notNull("progress", progress);
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
