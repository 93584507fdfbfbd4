package org.attnlab.audit;

import java.io.IOException;
import java.util.List;

/**
 * One paper's audit: re-runs the paper's experiments and writes, into {@link AuditOptions#out()},
 * {@code report.md}, the per-unit CSV, {@code claims.json} and the figures (PNG and SVG).
 *
 * <p>An audit computes only through {@link UnitFamily unit families} handed to a {@link UnitEngine}; what it
 * writes is a pure function of the families' results (in plan order) and the options. So it is resumable with
 * the local engine (every finished unit is checkpointed in the output directory; a run started again with the
 * same options continues where the previous one stopped and ends with the same {@code claims.json} and CSV
 * bytes), independent of {@link AuditOptions#threads()}, and gives the same bytes on any other engine.
 */
public interface Audit {

    /** The id used on the command line, e.g. {@code zucker2025}. */
    String id();

    /** The paper, e.g. {@code "Zucker, Wang, Lu, Seroussi (arXiv 2510.11789)"}. */
    String paper();

    /**
     * The values {@link AuditOptions#part()} may take (for example {@code "1a"}, {@code "1b"}, {@code "all"});
     * the command line rejects any other value before anything is written. Default: {@code ["all"]}.
     */
    default List<String> parts() {
        return List.of("all");
    }

    /** Whether the audit honours {@link AuditOptions#precision()} ({@code --precision}); default false. */
    default boolean supportsPrecision() {
        return false;
    }

    /**
     * The precision a run uses when the command line gives none: NaN (the default) for a fixed grid, or the
     * half-width the audit's headline intervals must reach (only if {@link #supportsPrecision()}).
     *
     * @param quick whether the run is the reduced {@code --quick} grid
     */
    default double defaultPrecision(boolean quick) {
        return Double.NaN;
    }

    /**
     * Runs the audit with its unit families computed by {@code engine}, writes its outputs into
     * {@code options.out()} and returns the verdicts it wrote to {@code claims.json}.
     */
    AuditOutcome run(AuditOptions options, UnitEngine engine) throws IOException;

    /** Runs or resumes the audit on the local checkpointed engine ({@link UnitEngine#local(AuditOptions)}). */
    default AuditOutcome run(AuditOptions options) throws IOException {
        return run(options, UnitEngine.local(options));
    }
}
