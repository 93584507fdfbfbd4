package org.attnlab.audit;

import java.nio.file.Path;
import java.util.List;

/**
 * What an audit produced.
 *
 * @param auditId the audit's id
 * @param claims the verdicts, in the order of {@code claims.json}
 * @param report the path of {@code report.md}
 * @param notes lines the command line prints after the claims (e.g. the local-minimum count, how a precision
 *     run stopped); may be empty
 */
public record AuditOutcome(String auditId, List<Claim> claims, Path report, List<String> notes) {

    public AuditOutcome {
        claims = List.copyOf(claims);
        notes = List.copyOf(notes);
    }

    /** An outcome without notes. */
    public AuditOutcome(String auditId, List<Claim> claims, Path report) {
        this(auditId, claims, report, List.of());
    }
}
