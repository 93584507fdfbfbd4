package org.attnlab.experiments;

import java.io.IOException;

/**
 * One paper's audit: re-runs the paper's experiments and writes, into {@link AuditOptions#out()},
 * {@code report.md}, the per-run CSV, {@code claims.json} and the figures (PNG and SVG).
 *
 * <p>An audit is resumable: every finished unit of work is checkpointed in the output directory, and a
 * run started again with the same options continues where the previous one stopped and ends with the
 * same {@code claims.json} and CSV bytes as an uninterrupted run. Results do not depend on
 * {@link AuditOptions#threads()}.
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
    default java.util.List<String> parts() {
        return java.util.List.of("all");
    }

    /** Runs or resumes the audit and returns the verdicts it wrote to {@code claims.json}. */
    AuditOutcome run(AuditOptions options) throws IOException;
}
