package org.attnlab.experiments.zucker2025;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attnlab.erm.ErmResult;
import org.junit.jupiter.api.Test;

/**
 * The local minimum the continuation stage opened (zucker2025/v4, issue 10 item 1): unit d30-P3, M = 1000, seed
 * 19, master seed 1, the audit's own truth, data and estimator. The coarse stage's winner (chosen on 1000 samples
 * and 2 pieces) ends on K at training risk 0.0380 against the oracle's 0.00998; the best candidate screened on K,
 * run beside it since v5, ends at 0.009913, below the local-minimum rule, and wins. Deterministic (fixed seeds);
 * the first assertion fails on the v4 solver (main at 88700a8: 0.03797).
 */
class SeedNineteenBasinTest {

    @Test
    void theStartScreenedOnKRunsBesideTheCoarseWinnerAndReachesTheOraclesRisk() {
        AuditUnitFit unit = AuditUnitFit.of(30, 1000, 19);
        ErmResult fit = unit.estimator().fit(unit.data(), unit.dataSeed());
        assertTrue(fit.trainingRisk() <= unit.oracleRisk() + unit.margin(),
                "the estimator's own fit is above the local-minimum rule: " + fit.trainingRisk() + " > "
                        + unit.oracleRisk() + " + " + unit.margin());
        // the basin is real: the coarse winner's run on K (the first start risk) stays in it
        assertEquals(2, fit.startRisks().length);
        assertTrue(fit.startRisks()[0] > 3 * unit.oracleRisk(), "the coarse winner on K: " + fit.startRisks()[0]);
        assertEquals(fit.trainingRisk(), fit.startRisks()[1], 0.0, "the K-screened start wins");
    }
}
