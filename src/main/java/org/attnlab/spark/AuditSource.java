package org.attnlab.spark;

import java.nio.file.Path;
import org.attnlab.audit.Audit;
import org.attnlab.audit.AuditOptions;
import org.attnlab.audit.UnitEngine;
import org.attnlab.experiments.Audits;
import org.attnlab.internal.Checks;

/**
 * A paper's audit, shipped to executors as its options (the id, quick or full, master seed, part).
 *
 * @param auditId the audit id, e.g. {@code zucker2025}
 * @param quick the reduced grid
 * @param seed the master seed
 * @param part the part
 */
public record AuditSource(String auditId, boolean quick, long seed, String part) implements FamilySource {

    private static final long serialVersionUID = 1L;

    public AuditSource {
        Checks.notNull("auditId", auditId);
        Checks.notNull("part", part);
    }

    @Override
    public void replay(UnitEngine engine, Path scratch) throws Exception {
        Audit audit = Audits.find(auditId).orElseThrow(() -> Checks.fail("audit", "a known audit id", auditId));
        audit.run(new AuditOptions(scratch, quick, 1, seed, part, AuditOptions.Progress.silent()), engine);
    }

    @Override
    public String describe() {
        return "audit " + auditId + (quick ? " (quick)" : "") + " part " + part + " seed " + seed;
    }
}
