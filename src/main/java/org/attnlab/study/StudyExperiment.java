package org.attnlab.study;

import java.util.List;
import org.attnlab.erm.AlternatingLeastSquares;
import org.attnlab.erm.ComposedError;
import org.attnlab.erm.ErmResult;
import org.attnlab.erm.ErrorEstimate;
import org.attnlab.experiments.zucker2025.LocalMinimumRule;
import org.attnlab.experiments.zucker2025.Zucker2025Experiment;
import org.attnlab.internal.Checks;
import org.attnlab.audit.Seeds;
import org.attnlab.audit.Row;
import org.attnlab.sampler.Dataset;
import org.attnlab.sampler.GaussianNoise;
import org.attnlab.sampler.GroundTruth;
import org.attnlab.sampler.Sampler;
import org.attnlab.sampler.TruthGenerator;

/**
 * One unit of a study as a pure function of (study, unit): the steps of {@code reproduce zucker2025}'s rate
 * unit with the setting's own token law, phi*, N, r and noise.
 * <ol>
 *   <li>truth: phi* from the setting's family (a B-spline's coefficients from the truth seed
 *       {@code ts = seedFor(master, unit.truthKey())}), A* = {@code TruthGenerator.generate(law, r, ...)} with
 *       {@code ts};</li>
 *   <li>data: {@code Sampler.sample(truth, M, ds, 1)}, {@code ds = seedFor(master, unit.key())};</li>
 *   <li>fit: the ALS ERM of {@link #estimator} with seed {@code ds}, judged by the audit's
 *       {@link LocalMinimumRule} and, above it, re-fitted with {@link LocalMinimumRule#RETRY_STARTS} random
 *       starts from {@code seedFor(master, key + "/retry")} (the better fit is kept);</li>
 *   <li>error: the composed error on {@code evalBlocks x 4096} fresh pairs (EVALUATION streams of {@code ds}).</li>
 * </ol>
 * For a setting that {@code reproduce zucker2025} also has (uniform tokens, B-spline phi* on 8 pieces of
 * [-4, 4], P_est = P_true), the row is the same bytes as that audit's.
 */
public final class StudyExperiment {

    /** The result columns, in CSV order: those of {@code reproduce zucker2025} ({@code seconds} is kept out). */
    public static final List<String> COLUMNS = Zucker2025Experiment.COLUMNS;

    private StudyExperiment() {
    }

    /** The ground truth of a unit. */
    public static GroundTruth truth(Study study, StudyUnit unit) {
        StudySetting s = unit.setting();
        long ts = Seeds.forKey(study.masterSeed(), unit.truthKey());
        return TruthGenerator.generate(s.law().build(s.dimension()), s.rank(), null, s.phi().build(ts),
                GaussianNoise.of(s.noise()), s.tokens(), ts);
    }

    /**
     * The ERM of a setting: ALS with B-splines of degree p; K_M by the study's rule (the rate rule's beta is the
     * study's {@code estimator.beta}, else the setting's {@link StudySetting#effectiveBeta()}).
     */
    public static AlternatingLeastSquares estimator(Study study, StudySetting s) {
        EstimatorSpec e = study.estimator();
        AlternatingLeastSquares als = AlternatingLeastSquares.defaults().withRank(s.rank()).withDegree(s.degree());
        if ("fixed".equals(e.kRule())) {
            als = als.withPieces(e.pieces());
        } else {
            double beta = Double.isNaN(e.beta()) ? s.effectiveBeta() : e.beta();
            als = als.withSmoothness(beta).withPiecesConstant(e.c0());
        }
        return als.withRandomStarts(e.randomStarts()).withMaxIterations(e.maxIterations()).withRidge(e.ridge())
                .withThreads(1);
    }

    /**
     * Runs one unit and returns its row ({@link #COLUMNS} then {@code seconds}). {@code P_true} is phi*'s
     * B-spline order, 0 when phi* is not a B-spline; {@code P_est} is the estimator's order p + 1.
     *
     * @throws IllegalArgumentException if an argument is null
     */
    public static Row run(Study study, StudyUnit unit) {
        Checks.notNull("study", study);
        Checks.notNull("unit", unit);
        long start = System.nanoTime();
        StudySetting s = unit.setting();
        GroundTruth truth = truth(study, unit);
        long ds = Seeds.forKey(study.masterSeed(), unit.key());
        Dataset data = Sampler.sample(truth, unit.samples(), ds, 1);
        AlternatingLeastSquares est = estimator(study, s);
        LocalMinimumRule.Outcome lm = LocalMinimumRule.apply(truth, data, est, ds,
                est.withRandomStarts(LocalMinimumRule.RETRY_STARTS), Seeds.forKey(study.masterSeed(),
                        unit.key() + "/retry"), s.noise());
        ErmResult fit = lm.fit();
        ErrorEstimate error = ComposedError.defaults().withMinBlocks(2).withMaxBlocks(study.evalBlocks())
                .withMinBlocks(study.evalBlocks()).estimate(fit, truth, ds);
        double seconds = (System.nanoTime() - start) / 1e9;
        return Row.builder().put("setting", s.id()).put("d", s.dimension())
                .put("P_true", "bspline".equals(s.phi().family()) ? s.phi().order() : 0)
                .put("P_est", s.degree() + 1).put("M", unit.samples()).put("seed", unit.seed())
                .put("K", fit.grid().pieces()).put("error", error.absolute())
                .put("error_se", error.absoluteStandardError()).put("truth_norm", error.truthNorm())
                .put("train_risk", fit.trainingRisk()).put("iterations", fit.iterations())
                .put("status", fit.status().name())
                .put("first_train_risk", lm.firstRisk()).put("truth_risk", lm.truthRisk())
                .put("oracle_risk", lm.oracleRisk()).put("lm_margin", lm.margin())
                .put("retried", Boolean.toString(lm.retried()))
                .put("oracle_start", Boolean.toString(lm.oracleStart())).put("above_rule", Boolean.toString(lm.remaining()))
                .put("seconds", Math.round(seconds * 1000) / 1000.0).build();
    }
}
