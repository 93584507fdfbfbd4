package org.attnlab.experiments.zucker2025;

import java.util.List;
import org.attnlab.audit.Row;
import org.attnlab.audit.Seeds;
import org.attnlab.erm.AlternatingLeastSquares;
import org.attnlab.erm.ComposedError;
import org.attnlab.erm.ErmResult;
import org.attnlab.erm.ErrorEstimate;
import org.attnlab.internal.Checks;
import org.attnlab.sampler.BSplineActivation;
import org.attnlab.sampler.Dataset;
import org.attnlab.sampler.GaussianNoise;
import org.attnlab.sampler.GroundTruth;
import org.attnlab.sampler.Sampler;
import org.attnlab.sampler.TruthGenerator;
import org.attnlab.sampler.UniformCube;

/**
 * One unit of the rate sweep as a pure function of (sweep, unit, master seed):
 * <ol>
 *   <li>ground truth: phi* = {@code BSplineActivation.random(P_true, pieces, range, ts)} and
 *       A* = {@code TruthGenerator.generate(UniformCube(d), r, ...)} with the truth seed
 *       {@code ts = seedFor(master, "truth/P<P>/s<seed>")} (so phi* is the same for every d and M);</li>
 *   <li>data: M samples from {@code Sampler.sample(truth, M, ds, 1)}, {@code ds = seedFor(master, unit key)};</li>
 *   <li>fit: the ERM ({@link #estimator}) with seed {@code ds} (its own ESTIMATOR streams), judged by the
 *       {@link LocalMinimumRule} against the truth's best approximation in the estimator's spline space and, if
 *       above it, re-fitted with {@link LocalMinimumRule#RETRY_STARTS} random candidates and as many starts run
 *       to convergence, from the seed
 *       {@code seedFor(master, key + "/retry")} (the better fit is kept);</li>
 *   <li>error: the composed error {@code (1/n) sum_p (g_hat(X_p, X'_p) - g*(X_p, X'_p))^2} on n fresh pairs
 *       ({@link ComposedError} with a fixed number of blocks of 4096 pairs, EVALUATION streams of {@code ds}),
 *       never the training data.</li>
 * </ol>
 * Single-threaded inside a unit; parallelism is across units.
 */
public final class Zucker2025Experiment {

    /** The result columns, in CSV order ({@code seconds} is kept out of {@code rates.csv}). */
    public static final List<String> COLUMNS = List.of("setting", "d", "P_true", "P_est", "M", "seed", "K",
            "error", "error_se", "truth_norm", "train_risk", "iterations", "status", "first_train_risk",
            "truth_risk", "oracle_risk", "lm_margin", "retried", "oracle_start", "above_rule");

    private Zucker2025Experiment() {
    }

    /** The ground truth of a unit. */
    public static GroundTruth truth(Zucker2025Config sweep, Zucker2025Unit unit, long masterSeed) {
        RateSetting s = unit.setting();
        long ts = Seeds.forKey(masterSeed, unit.truthKey());
        BSplineActivation phi = BSplineActivation.random(s.orderTrue(), sweep.phiPieces(), sweep.phiRange(), ts);
        return TruthGenerator.generate(UniformCube.of(s.dimension()), sweep.rank(), null, phi,
                GaussianNoise.of(sweep.noise()), sweep.tokens(), ts);
    }

    /** The ERM of a setting: ALS with B-splines of order P_est and K_M from c0 and beta (arXiv 2510.11789). */
    public static AlternatingLeastSquares estimator(Zucker2025Config sweep, RateSetting s) {
        return AlternatingLeastSquares.defaults().withRank(sweep.rank()).withDegree(s.orderEst() - 1)
                .withSmoothness(s.beta()).withPiecesConstant(sweep.c0()).withRandomStarts(sweep.randomStarts())
                .withMaxIterations(sweep.maxIterations()).withRidge(sweep.ridge()).withThreads(1);
    }

    /**
     * Runs one unit and returns its row ({@link #COLUMNS} then {@code seconds}).
     *
     * @throws IllegalArgumentException if an argument is null
     */
    public static Row run(Zucker2025Config sweep, Zucker2025Unit unit, long masterSeed) {
        Checks.notNull("sweep", sweep);
        Checks.notNull("unit", unit);
        long start = System.nanoTime();
        RateSetting s = unit.setting();
        GroundTruth truth = truth(sweep, unit, masterSeed);
        long ds = Seeds.forKey(masterSeed, unit.key());
        Dataset data = Sampler.sample(truth, unit.samples(), ds, 1);
        AlternatingLeastSquares est = estimator(sweep, s);
        AlternatingLeastSquares retry = est.withRandomStarts(LocalMinimumRule.RETRY_STARTS)
                .withStarts(LocalMinimumRule.RETRY_STARTS);
        LocalMinimumRule.Outcome lm = LocalMinimumRule.apply(truth, data, est, ds, retry,
                Seeds.forKey(masterSeed, unit.key() + "/retry"), sweep.noise());
        ErmResult fit = lm.fit();
        ErrorEstimate error = ComposedError.defaults().withMinBlocks(2).withMaxBlocks(sweep.evalBlocks())
                .withMinBlocks(sweep.evalBlocks()).estimate(fit, truth, ds);
        double seconds = (System.nanoTime() - start) / 1e9;
        return Row.builder().put("setting", s.id()).put("d", s.dimension()).put("P_true", s.orderTrue())
                .put("P_est", s.orderEst()).put("M", unit.samples()).put("seed", unit.seed())
                .put("K", fit.grid().pieces()).put("error", error.absolute()).put("error_se", error.absoluteStandardError())
                .put("truth_norm", error.truthNorm()).put("train_risk", fit.trainingRisk())
                .put("iterations", fit.iterations()).put("status", fit.status().name())
                .put("first_train_risk", lm.firstRisk()).put("truth_risk", lm.truthRisk())
                .put("oracle_risk", lm.oracleRisk()).put("lm_margin", lm.margin())
                .put("retried", Boolean.toString(lm.retried()))
                .put("oracle_start", Boolean.toString(lm.oracleStart())).put("above_rule", Boolean.toString(lm.remaining()))
                .put("seconds", Math.round(seconds * 1000) / 1000.0).build();
    }
}
