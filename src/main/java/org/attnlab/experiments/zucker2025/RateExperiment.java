package org.attnlab.experiments.zucker2025;

import java.util.List;
import org.attnlab.internal.Checks;
import org.attnlab.internal.RandomStreams;
import org.attnlab.report.ParallelRunner;
import org.attnlab.report.Row;
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
 *   <li>fit: the ERM with seed {@code ds} (its own ESTIMATOR streams);</li>
 *   <li>error: the composed error {@code (1/n) sum_p (g_hat(X_p, X'_p) - g*(X_p, X'_p))^2} on n fresh pairs
 *       drawn with {@code truth.drawPair} from {@code stream(ds, EVALUATION, 0)}, never the training data.</li>
 * </ol>
 * Single-threaded inside a unit; parallelism is across units.
 */
public final class RateExperiment {

    /** The result columns, in CSV order ({@code seconds} is kept out of {@code rates.csv}). */
    public static final List<String> COLUMNS = List.of("setting", "d", "P_true", "P_est", "M", "seed", "K",
            "error", "train_risk", "iterations", "status");

    /** A fitted pairwise interaction g_hat(x, y) = phi_hat(x^T A_hat y) and how the fit went. */
    public interface Fit {
        /** g_hat(x, y) for x at {@code x[xo..xo+d)} and y at {@code y[yo..yo+d)}. */
        double interaction(double[] x, int xo, double[] y, int yo);

        /** The final training risk. */
        double trainingRisk();

        /** Iterations of the kept start. */
        int iterations();

        /** The solver's status (converged, stalled, singular, ...). */
        String status();

        /** K, the number of spline pieces used. */
        int pieces();
    }

    /** The estimator: fits a data set with a seed. */
    @FunctionalInterface
    public interface Fitter {
        Fit fit(Dataset data, RateSweep sweep, RateSetting setting, long seed);
    }

    private RateExperiment() {
    }

    /** The ground truth of a unit. */
    public static GroundTruth truth(RateSweep sweep, RateUnit unit, long masterSeed) {
        RateSetting s = unit.setting();
        long ts = ParallelRunner.seedFor(masterSeed, unit.truthKey());
        BSplineActivation phi = BSplineActivation.random(s.orderTrue(), sweep.phiPieces(), sweep.phiRange(), ts);
        return TruthGenerator.generate(UniformCube.of(s.dimension()), sweep.rank(), null, phi,
                GaussianNoise.of(sweep.noise()), sweep.tokens(), ts);
    }

    /**
     * Runs one unit and returns its row ({@link #COLUMNS} then {@code seconds}).
     *
     * @throws IllegalArgumentException if an argument is null
     */
    public static Row run(RateSweep sweep, RateUnit unit, long masterSeed, Fitter fitter) {
        Checks.notNull("sweep", sweep);
        Checks.notNull("unit", unit);
        Checks.notNull("fitter", fitter);
        long start = System.nanoTime();
        RateSetting s = unit.setting();
        GroundTruth truth = truth(sweep, unit, masterSeed);
        long ds = ParallelRunner.seedFor(masterSeed, unit.key());
        Dataset data = Sampler.sample(truth, unit.samples(), ds, 1);
        Fit fit = fitter.fit(data, sweep, s, ds);
        double error = composedError(truth, fit, sweep.evalPairs(), ds);
        double seconds = (System.nanoTime() - start) / 1e9;
        return Row.builder().put("setting", s.id()).put("d", s.dimension()).put("P_true", s.orderTrue())
                .put("P_est", s.orderEst()).put("M", unit.samples()).put("seed", unit.seed())
                .put("K", fit.pieces()).put("error", error).put("train_risk", fit.trainingRisk())
                .put("iterations", fit.iterations()).put("status", fit.status())
                .put("seconds", Math.round(seconds * 1000) / 1000.0).build();
    }

    /**
     * The Monte Carlo composed error (1/n) sum_p (g_hat - g*)^2 over n fresh pairs from
     * {@code stream(seed, EVALUATION, 0)}, summed in draw order.
     */
    public static double composedError(GroundTruth truth, Fit fit, int pairs, long seed) {
        int d = truth.dimension();
        double[] pair = new double[2 * d];
        RandomStreams.Stream rng = RandomStreams.stream(seed, RandomStreams.Purpose.EVALUATION, 0);
        double sum = 0;
        for (int p = 0; p < pairs; p++) {
            truth.drawPair(rng, pair);
            double diff = fit.interaction(pair, 0, pair, d) - truth.interaction(pair, 0, pair, d);
            sum += diff * diff;
        }
        return sum / pairs;
    }
}
