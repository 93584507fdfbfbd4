package org.attnlab.experiments.zucker2025;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attnlab.audit.Seeds;
import org.attnlab.erm.AlternatingLeastSquares;
import org.attnlab.erm.ErmResult;
import org.attnlab.sampler.Dataset;
import org.attnlab.sampler.GroundTruth;
import org.attnlab.sampler.Sampler;
import org.junit.jupiter.api.Test;

/**
 * The local minimum the continuation stage opened (zucker2025/v4, issue 10 item 1): unit d30-P3, M = 1000, seed
 * 19, master seed 1, the audit's own truth, data and estimator. The coarse stage's winner (chosen on 1000 samples
 * and 2 pieces) ends on K at training risk 0.0380 against the oracle's 0.00998; the best candidate screened on K,
 * run beside it since v5, ends at 0.009913, below the local-minimum rule, and wins. Deterministic (fixed seeds);
 * the first assertion fails on the v4 solver (main at 88700a8: 0.03797).
 */
class SeedNineteenBasinTest {

    private static final Zucker2025Config SWEEP = Zucker2025Config.fullGrid();
    private static final Zucker2025Unit UNIT = new Zucker2025Unit(new RateSetting(30, 3, 3), 1000, 19);
    private static final long MASTER = 1;

    @Test
    void theStartScreenedOnKRunsBesideTheCoarseWinnerAndReachesTheOraclesRisk() {
        GroundTruth truth = Zucker2025Experiment.truth(SWEEP, UNIT, MASTER);
        long ds = Seeds.forKey(MASTER, UNIT.key());
        Dataset data = Sampler.sample(truth, UNIT.samples(), ds, 1);
        AlternatingLeastSquares est = Zucker2025Experiment.estimator(SWEEP, UNIT.setting());
        double oracle = LocalMinimumRule.oracleRisk(truth, data, est);
        double margin = SWEEP.noise() * SWEEP.noise() * (est.grid(UNIT.samples()).size() + 2 * 30)
                / (UNIT.samples() * (double) SWEEP.tokens());
        ErmResult fit = est.fit(data, ds);
        assertTrue(fit.trainingRisk() <= oracle + margin, "the estimator's own fit is above the local-minimum rule: "
                + fit.trainingRisk() + " > " + oracle + " + " + margin);
        // the basin is real: the coarse winner's run on K (the first start risk) stays in it
        assertEquals(2, fit.startRisks().length);
        assertTrue(fit.startRisks()[0] > 3 * oracle, "the coarse winner on K: " + fit.startRisks()[0]);
        assertEquals(fit.trainingRisk(), fit.startRisks()[1], 0.0, "the K-screened start wins");
    }
}
