package org.attnlab.experiments.zucker2025;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attnlab.erm.AlternatingLeastSquares;
import org.attnlab.sampler.Dataset;
import org.attnlab.sampler.GroundTruth;
import org.attnlab.sampler.Sampler;
import org.junit.jupiter.api.Test;

/**
 * The local-minimum rule on a unit forced into a bad start: the first "fit" is pinned to a wrong A (a start
 * that never moves, as a stalled non-convex fit would be), which the rule must flag and the retry must repair;
 * a proper fit must not be flagged. Deterministic (fixed seeds).
 */
class LocalMinimumRuleTest {

    private static final Zucker2025Config SWEEP = Zucker2025Config.quickGrid();
    private static final RateSetting SETTING = new RateSetting(2, 3, 3);
    private static final Zucker2025Unit UNIT = new Zucker2025Unit(SETTING, 400, 0);
    private static final long MASTER = 11;

    /** The estimator of the unit with a few more random starts: a proper fit. */
    private static AlternatingLeastSquares good() {
        return Zucker2025Experiment.estimator(SWEEP, SETTING).withRandomStarts(4).withMaxIterations(100);
    }

    private static GroundTruth truth() {
        return Zucker2025Experiment.truth(SWEEP, UNIT, MASTER);
    }

    @Test
    void aFitStuckAtAWrongMatrixIsFlaggedAndRepairedByTheRetry() {
        GroundTruth truth = truth();
        Dataset data = Sampler.sample(truth, UNIT.samples(), 5, 1);
        AlternatingLeastSquares good = good();
        // A wrong A = u v^T with u, v orthogonal to each other: scores unrelated to the truth's
        AlternatingLeastSquares stuck = good.withFixedMatrix(new double[] {1.0, 0.0}, new double[] {0.0, 1.0});
        LocalMinimumRule.Outcome o = LocalMinimumRule.apply(truth, data, stuck, 5, good, 6, SWEEP.noise());
        assertTrue(o.retried(), "the stuck fit must be flagged: first " + o.firstRisk() + ", oracle "
                + o.oracleRisk() + ", margin " + o.margin());
        assertTrue(o.firstRisk() > o.oracleRisk() + o.margin());
        assertFalse(o.remaining(), "the retry must reach the oracle's risk: " + o.fit().trainingRisk() + " vs "
                + o.oracleRisk() + " + " + o.margin());
        assertTrue(o.fit().trainingRisk() < o.firstRisk());
        // the truth's own training risk is the noise power, sigma^2 = 0.01, to within sampling error
        assertEquals(SWEEP.noise() * SWEEP.noise(), o.truthRisk(), 0.2 * SWEEP.noise() * SWEEP.noise());
    }

    @Test
    void whenTheRetryIsStuckTooTheDescentFromTheOraclesPointRepairsIt() {
        GroundTruth truth = truth();
        Dataset data = Sampler.sample(truth, UNIT.samples(), 5, 1);
        AlternatingLeastSquares good = good();
        AlternatingLeastSquares stuck = good.withFixedMatrix(new double[] {1.0, 0.0}, new double[] {0.0, 1.0});
        // the retry is pinned to the same wrong A: only the oracle-start stage can leave it
        LocalMinimumRule.Outcome o = LocalMinimumRule.apply(truth, data, stuck, 5, stuck, 6, SWEEP.noise());
        assertTrue(o.retried());
        assertTrue(o.oracleStart(), "the retry was as stuck as the first fit, so the oracle stage must run");
        assertFalse(o.remaining(), "the descent from the oracle's point must reach its risk: "
                + o.fit().trainingRisk() + " vs " + o.oracleRisk() + " + " + o.margin());
        assertEquals(AlternatingLeastSquares.GIVEN_START_ID, o.fit().start());
        assertTrue(o.fit().iterations() >= 0 && o.fit().trainingRisk() <= o.oracleRisk() + o.margin());
        // and a fit the retry repairs never reaches the oracle stage
        LocalMinimumRule.Outcome repaired = LocalMinimumRule.apply(truth, data, stuck, 5, good, 6, SWEEP.noise());
        assertFalse(repaired.oracleStart());
    }

    @Test
    void aProperFitIsNotFlagged() {
        GroundTruth truth = truth();
        Dataset data = Sampler.sample(truth, UNIT.samples(), 5, 1);
        AlternatingLeastSquares good = good();
        LocalMinimumRule.Outcome o = LocalMinimumRule.apply(truth, data, good, 5, good, 6, SWEEP.noise());
        assertFalse(o.retried(), "first " + o.firstRisk() + ", oracle " + o.oracleRisk() + ", margin " + o.margin());
        assertFalse(o.oracleStart());
        assertFalse(o.remaining());
    }

    @Test
    void theOracleFactorsAStarExactly() {
        double[] a = {0.6, -0.2, 0.9, -0.3};   // rank 1: (1, 1.5)^T (0.6, -0.2)
        double[][] uv = LocalMinimumRule.factor(a, 2, 1);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(a[i * 2 + j], uv[0][i] * uv[1][j], 1e-12);
            }
        }
    }
}
