package org.attnlab.experiments.zucker2025;

import org.attnlab.audit.Seeds;
import org.attnlab.erm.AlternatingLeastSquares;
import org.attnlab.sampler.Dataset;
import org.attnlab.sampler.GroundTruth;
import org.attnlab.sampler.Sampler;

/**
 * One unit of the full zucker2025 audit (master seed 1, P = 3) rebuilt from the audit's own pieces, for tests that
 * pin a single unit's fit: its data, data seed, estimator, oracle risk and the local-minimum rule's margin
 * sigma^2 p / (M N), p = the estimator's basis size + 2 d (as {@link LocalMinimumRule} computes them).
 */
record AuditUnitFit(Dataset data, long dataSeed, AlternatingLeastSquares estimator, double oracleRisk,
                    double margin) {

    private static final Zucker2025Config SWEEP = Zucker2025Config.fullGrid();
    private static final long MASTER = 1;

    static AuditUnitFit of(int d, int samples, int seed) {
        Zucker2025Unit unit = new Zucker2025Unit(new RateSetting(d, 3, 3), samples, seed);
        GroundTruth truth = Zucker2025Experiment.truth(SWEEP, unit, MASTER);
        long ds = Seeds.forKey(MASTER, unit.key());
        Dataset data = Sampler.sample(truth, samples, ds, 1);
        AlternatingLeastSquares est = Zucker2025Experiment.estimator(SWEEP, unit.setting());
        double oracle = LocalMinimumRule.oracleRisk(truth, data, est);
        double margin = SWEEP.noise() * SWEEP.noise() * (est.grid(samples).size() + 2 * d)
                / (samples * (double) SWEEP.tokens());
        return new AuditUnitFit(data, ds, est, oracle, margin);
    }
}
