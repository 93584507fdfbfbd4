package org.attnlab.audit;

import java.nio.file.Path;
import java.util.List;

/**
 * What an audit produced.
 *
 * @param auditId the audit's id
 * @param claims the verdicts, in the order of {@code claims.json}
 * @param report the path of {@code report.md}
 */
public record AuditOutcome(String auditId, List<Claim> claims, Path report) {

    public AuditOutcome {
        claims = List.copyOf(claims);
    }
}
