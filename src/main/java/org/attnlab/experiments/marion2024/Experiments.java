package org.attnlab.experiments.marion2024;

import org.attnlab.internal.RandomStreams;
import org.attnlab.internal.RandomStreams.Purpose;
import org.attnlab.slr.DescentSettings;
import org.attnlab.slr.ErfPredictor;
import org.attnlab.slr.Initialisation;
import org.attnlab.slr.Overlaps;
import org.attnlab.slr.PopulationRisk;
import org.attnlab.slr.ProjectedGradientDescent;
import org.attnlab.slr.SlrProblem;
import org.attnlab.slr.SlrSampler;
import org.attnlab.slr.SlrTruth;
import org.attnlab.slr.SphereStep;
import org.attnlab.slr.StochasticGradientDescent;
import org.attnlab.slr.Trajectory;

/**
 * The units of the marion2024 audit as pure functions {@code (configuration, seed) -> result}. Streams of a
 * unit with seed s: truth {@code (s, TRUTH, 0)}, initialisation {@code (s, ESTIMATOR, 0)}, SGD batches
 * {@code (s, TOKENS, 0)}, SGD test batch and Monte Carlo {@code (s, EVALUATION, 0)}.
 */
final class Experiments {

    private Experiments() {
    }

    /** One repeat of a configuration: draw k*, v*, the start, and run PGD (reduced) or SGD. */
    static Trajectory run(RunConfig config, long seed) {
        SlrProblem problem = config.problem();
        int d = problem.dimension();
        SlrTruth truth = SlrTruth.random(d, RandomStreams.stream(seed, Purpose.TRUTH, 0));
        double[] k = new double[d];
        double[] v = new double[d];
        config.initialisation().draw(truth, RandomStreams.stream(seed, Purpose.ESTIMATOR, 0), k, v);
        if (config.sgd()) {
            return StochasticGradientDescent.of(problem, config.settings(), config.batch(), config.testBatch())
                    .run(truth, k, v, RandomStreams.stream(seed, Purpose.TOKENS, 0),
                            RandomStreams.stream(seed, Purpose.EVALUATION, 0));
        }
        return ProjectedGradientDescent.of(problem, config.settings()).run(truth, k, v);
    }

    /**
     * The sweep's step size alpha_d = min(4e-3, 1.6/d): the paper's alpha = 4e-3 up to d = 400, then the paper's
     * alpha d = 1.6. The curvature of R across M grows like d (the term (d/2) theta^2 zeta in q1), so a fixed
     * alpha makes gradient descent unstable across M once alpha d zeta &gt; 2 (a first run with alpha = 4e-3
     * diverged at d &gt;= 800), while at small d other terms of order L^2 lambda^2 bound the step (alpha = 1.6/d
     * diverged at d = 25).
     */
    static double sweepAlpha(int d) {
        return Math.min(4e-3, 1.6 / d);
    }

    /**
     * One point of the dimension sweep: PGD from M with lambda_d = d^(-1/4), alpha_d = min(4e-3, 1.6/d) and
     * baseSteps max(1, d/400) steps, returning {final excess risk, final |kappa|, final |nu|, excess risk at (k*, v*)}.
     */
    static double[] sweepPoint(int d, int tokens, int baseSteps, long seed) {
        SlrProblem problem = SlrProblem.of(d, tokens, RunConfig.GAMMA, RunConfig.EPS);
        double lambda = sweepLambda(d);
        int steps = sweepSteps(d, baseSteps);
        DescentSettings s = new DescentSettings(lambda, 0.0, sweepAlpha(d), steps, steps);
        RunConfig c = new RunConfig("dsweep", "d sweep", problem, Initialisation.MANIFOLD, s, 0, 0, 1,
                java.util.List.of());
        Trajectory t = run(c, seed);
        int n = t.last();
        double optimum = PopulationRisk.of(problem).value(new Overlaps(1, 1, 0, 0, 0), lambda) - problem.bayesRisk();
        return new double[] {t.risk()[n] - problem.bayesRisk(), Math.abs(t.kappa()[n]), Math.abs(t.nu()[n]), optimum};
    }

    /** The number of steps at dimension d: baseSteps max(1, d/400) (the step size shrinks like 1/d). */
    static int sweepSteps(int d, int baseSteps) {
        return baseSteps * Math.max(1, d / 400);
    }

    /** The sweep's erf scale lambda_d = d^(-1/4): lambda sqrt(d) = d^(1/4) -&gt; infinity, lambda sqrt(L) -&gt; 0. */
    static double sweepLambda(int d) {
        return Math.pow(d, -0.25);
    }

    /**
     * Closed form against Monte Carlo at one random (k, v) (uniform on the sphere pulled towards (k*, v*) by
     * {@code pull}): {closed-form risk, MC mean, MC standard error} over n fresh sequences.
     */
    static double[] monteCarloCheck(SlrProblem problem, double lambda, double pull, int n, long seed) {
        int d = problem.dimension();
        SlrTruth truth = SlrTruth.random(d, RandomStreams.stream(seed, Purpose.TRUTH, 0));
        double[] k = new double[d];
        double[] v = new double[d];
        Initialisation.SPHERE.draw(truth, RandomStreams.stream(seed, Purpose.ESTIMATOR, 0), k, v);
        for (int i = 0; i < d; i++) {
            k[i] += pull * truth.kStar()[i] + 0.5 * pull * truth.vStar()[i];
            v[i] += pull * truth.vStar()[i] - 0.5 * pull * truth.kStar()[i];
        }
        SphereStep.normalise(k);
        SphereStep.normalise(v);
        double closed = PopulationRisk.of(problem).value(Overlaps.of(k, v, truth), lambda);
        RandomStreams.Stream stream = RandomStreams.stream(seed, Purpose.EVALUATION, 0);
        double[] x = new double[problem.tokens() * d];
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double y = SlrSampler.sample(problem, truth, stream, x, 0, null);
            double e = y - ErfPredictor.value(x, 0, problem.tokens(), k, v, lambda);
            sum += e * e;
            sumSq += e * e * e * e;
        }
        double mean = sum / n;
        return new double[] {closed, mean, Math.sqrt(Math.max(0, sumSq / n - mean * mean) / n)};
    }

    /**
     * Monte Carlo risk of the best linear predictor w = gamma^2/(gamma^2+L-1) v* applied to every token:
     * {formula, MC mean, MC standard error}.
     */
    static double[] linearCheck(SlrProblem problem, int n, long seed) {
        int d = problem.dimension();
        SlrTruth truth = SlrTruth.random(d, RandomStreams.stream(seed, Purpose.TRUTH, 0));
        double g2 = problem.gamma() * problem.gamma();
        double w = g2 / (g2 + problem.tokens() - 1);
        RandomStreams.Stream stream = RandomStreams.stream(seed, Purpose.EVALUATION, 0);
        double[] x = new double[problem.tokens() * d];
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double y = SlrSampler.sample(problem, truth, stream, x, 0, null);
            double pred = 0;
            for (int l = 0; l < problem.tokens(); l++) {
                for (int j = 0; j < d; j++) {
                    pred += x[l * d + j] * truth.vStar()[j];
                }
            }
            double e = (y - w * pred) * (y - w * pred);
            sum += e;
            sumSq += e * e;
        }
        double mean = sum / n;
        return new double[] {problem.linearRisk(), mean, Math.sqrt(Math.max(0, sumSq / n - mean * mean) / n)};
    }
}
