package org.attnlab.slr;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attnlab.internal.RandomStreams;
import org.attnlab.internal.RandomStreams.Purpose;
import org.junit.jupiter.api.Test;

/**
 * "A closed form is only trusted once it agrees with a Monte Carlo estimate": the closed-form risk of
 * {@link PopulationRisk} against the empirical mean of (y - T(X))^2 over fresh samples of {@link SlrSampler},
 * at random (k, v) for four (d, L, lambda, gamma, eps), and the best linear risk likewise.
 *
 * <p>Statistics: each comparison accepts |closed - MC| &lt;= Z * standard error. With Z = 4.5 the two-sided
 * probability of a false failure of one comparison is 6.8e-6 (normal approximation; n = 40000 samples of a
 * variable with finite fourth moment), so below 3e-4 for the 40 comparisons here. The seeds are fixed, so the
 * test is deterministic; the probability is that of having picked a seed that fails a correct formula.
 */
class PopulationRiskMonteCarloSlowTest {

    static final double Z = 4.5;
    static final int SAMPLES = 40_000;
    static final long SEED = 20241001L;

    /** (d, L, lambda, gamma, eps). */
    static final double[][] SETTINGS = {
        {4, 3, 0.7, 0.8, 0.3},
        {10, 5, 0.3, Math.sqrt(0.5), 0.1},
        {6, 2, 1.5, 1.2, 0.0},
        {12, 4, 0.1, 0.5, 0.2},
    };

    @Test
    void closedFormAgreesWithMonteCarloAtRandomParameters() {
        for (int c = 0; c < SETTINGS.length; c++) {
            double[] s = SETTINGS[c];
            SlrProblem problem = SlrProblem.of((int) s[0], (int) s[1], s[3], s[4]);
            double lambda = s[2];
            SlrTruth truth = SlrTruth.random(problem.dimension(), RandomStreams.stream(SEED, Purpose.TRUTH, c));
            PopulationRisk risk = PopulationRisk.of(problem);
            for (int r = 0; r < 8; r++) {
                RandomStreams.Stream init = RandomStreams.stream(SEED, Purpose.ESTIMATOR, 100L * c + r);
                double[] k = new double[problem.dimension()];
                double[] v = new double[problem.dimension()];
                randomParameters(truth, init, k, v, r);
                double closed = risk.value(Overlaps.of(k, v, truth), lambda);
                double[] mc = monteCarlo(problem, truth, k, v, lambda,
                        RandomStreams.stream(SEED, Purpose.EVALUATION, 100L * c + r));
                String msg = String.format("setting %d, draw %d: closed %.6f, MC %.6f +- %.6f (%s)", c, r, closed,
                        mc[0], mc[1], Overlaps.of(k, v, truth));
                assertTrue(Math.abs(closed - mc[0]) <= Z * mc[1], msg);
            }
        }
    }

    @Test
    void bestLinearRiskAgreesWithMonteCarlo() {
        for (int c = 0; c < SETTINGS.length; c++) {
            double[] s = SETTINGS[c];
            SlrProblem problem = SlrProblem.of((int) s[0], (int) s[1], s[3], s[4]);
            SlrTruth truth = SlrTruth.random(problem.dimension(), RandomStreams.stream(SEED, Purpose.TRUTH, c));
            int d = problem.dimension();
            int tokens = problem.tokens();
            double g2 = problem.gamma() * problem.gamma();
            double w = g2 / (g2 + tokens - 1);
            RandomStreams.Stream stream = RandomStreams.stream(SEED, Purpose.EVALUATION, 1000L + c);
            double[] x = new double[tokens * d];
            double sum = 0;
            double sumSq = 0;
            for (int n = 0; n < SAMPLES; n++) {
                double y = SlrSampler.sample(problem, truth, stream, x, 0, null);
                double pred = 0;
                for (int l = 0; l < tokens; l++) {
                    for (int i = 0; i < d; i++) {
                        pred += w * x[l * d + i] * truth.vStar()[i];
                    }
                }
                double e = (y - pred) * (y - pred);
                sum += e;
                sumSq += e * e;
            }
            double mean = sum / SAMPLES;
            double se = Math.sqrt((sumSq / SAMPLES - mean * mean) / SAMPLES);
            assertTrue(Math.abs(problem.linearRisk() - mean) <= Z * se,
                    String.format("setting %d: linear risk %.6f, MC %.6f +- %.6f", c, problem.linearRisk(), mean, se));
        }
    }

    /** Draw r: alternately uniform on the sphere and pulled towards (k*, v*) or (v*, k*), to cover large overlaps. */
    static void randomParameters(SlrTruth truth, RandomStreams.Stream init, double[] k, double[] v, int r) {
        init.normals(k);
        init.normals(v);
        SphereStep.normalise(k);
        SphereStep.normalise(v);
        double pull = (r % 4) * 0.8;
        double[] a = r % 2 == 0 ? truth.kStar() : truth.vStar();
        double[] b = r % 2 == 0 ? truth.vStar() : truth.kStar();
        for (int i = 0; i < k.length; i++) {
            k[i] += pull * a[i];
            v[i] += pull * b[i] * (r % 3 == 0 ? -1 : 1);
        }
        SphereStep.normalise(k);
        SphereStep.normalise(v);
    }

    /** {mean, standard error} of (y - T(X))^2 over SAMPLES fresh sequences. */
    static double[] monteCarlo(SlrProblem problem, SlrTruth truth, double[] k, double[] v, double lambda,
                               RandomStreams.Stream stream) {
        double[] x = new double[problem.tokens() * problem.dimension()];
        double sum = 0;
        double sumSq = 0;
        for (int n = 0; n < SAMPLES; n++) {
            double y = SlrSampler.sample(problem, truth, stream, x, 0, null);
            double e = y - ErfPredictor.value(x, 0, problem.tokens(), k, v, lambda);
            sum += e * e;
            sumSq += e * e * e * e;
        }
        double mean = sum / SAMPLES;
        return new double[] {mean, Math.sqrt((sumSq / SAMPLES - mean * mean) / SAMPLES)};
    }
}
