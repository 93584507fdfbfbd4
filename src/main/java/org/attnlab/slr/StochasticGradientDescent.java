package org.attnlab.slr;

import org.attnlab.internal.Checks;
import org.attnlab.internal.RandomStreams;

/**
 * Projected stochastic gradient descent on sampled batches (arXiv 2410.01537, authors' code): at step t a fresh
 * batch of B sequences is drawn, the gradient of (1/B) sum_b (T(X_b) - y_b)^2 with lambda_t is computed, and
 * k, v take the projected step of {@link SphereStep}. At every log point the record holds the closed-form
 * population risk and the empirical risk on one fixed test batch drawn before training.
 */
public final class StochasticGradientDescent {

    private final SlrProblem problem;
    private final PopulationRisk risk;
    private final DescentSettings settings;
    private final int batch;
    private final int testBatch;

    private StochasticGradientDescent(SlrProblem problem, DescentSettings settings, int batch, int testBatch) {
        this.problem = problem;
        this.risk = PopulationRisk.of(problem);
        this.settings = settings;
        this.batch = batch;
        this.testBatch = testBatch;
    }

    /**
     * SGD for a problem.
     *
     * @param problem (d, L, gamma, eps)
     * @param settings lambda schedule, alpha, steps, log period
     * @param batch training batch size B &gt;= 1
     * @param testBatch test batch size &gt;= 1
     * @return the descent
     * @throws IllegalArgumentException if problem or settings is null
     * @throws IllegalArgumentException if batch &lt; 1
     * @throws IllegalArgumentException if testBatch &lt; 1 or testBatch L d exceeds the array limit
     */
    public static StochasticGradientDescent of(SlrProblem problem, DescentSettings settings, int batch,
                                               int testBatch) {
        Checks.notNull("problem", problem);
        Checks.notNull("settings", settings);
        Checks.positive("batch", batch);
        Checks.positive("testBatch", testBatch);
        long size = (long) Math.max(batch, testBatch) * problem.tokens() * problem.dimension();
        if (size > Integer.MAX_VALUE - 8) {
            throw Checks.fail("testBatch * L * d", "<= " + (Integer.MAX_VALUE - 8), size);
        }
        return new StochasticGradientDescent(problem, settings, batch, testBatch);
    }

    /**
     * Runs SGD. Draws: the test batch from {@code test} (testBatch sequences, {@link SlrSampler} order), then
     * B sequences per step from {@code train}.
     *
     * @param truth k*, v* of length d
     * @param k0 initial key vector, unit norm, length d (not modified)
     * @param v0 initial value vector, unit norm, length d (not modified)
     * @param train stream of the training batches
     * @param test stream of the test batch
     * @return the logged trajectory (with test risks)
     * @throws IllegalArgumentException if an argument is null, truth's dimension is not d, or k0, v0 are not
     *     finite unit vectors of length d
     */
    public Trajectory run(SlrTruth truth, double[] k0, double[] v0, RandomStreams.Stream train,
                          RandomStreams.Stream test) {
        Checks.notNull("truth", truth);
        Checks.notNull("train", train);
        Checks.notNull("test", test);
        int d = problem.dimension();
        if (truth.dimension() != d) {
            throw Checks.fail("truth.dimension()", "= d = " + d, truth.dimension());
        }
        ProjectedGradientDescent.checkUnit("k0", k0, d);
        ProjectedGradientDescent.checkUnit("v0", v0, d);
        int tokenCount = problem.tokens();
        int stride = tokenCount * d;
        double[] testTokens = new double[testBatch * stride];
        double[] testY = new double[testBatch];
        for (int b = 0; b < testBatch; b++) {
            testY[b] = SlrSampler.sampleUnchecked(problem, truth, test, testTokens, b * stride, null);
        }
        double[] tokens = new double[batch * stride];
        double[] y = new double[batch];
        double[] k = k0.clone();
        double[] v = v0.clone();
        double[] gk = new double[d];
        double[] gv = new double[d];
        double[] kNew = new double[d];
        double[] pa = new double[tokenCount];
        double[] pb = new double[tokenCount];
        Trajectory out = Trajectory.allocate(settings.logCount(), true);
        int logged = log(out, 0, 0, truth, k, v, testTokens, testY);
        for (int t = 0; t < settings.steps(); t++) {
            double lambda = settings.lambdaAt(t);
            for (int b = 0; b < batch; b++) {
                y[b] = SlrSampler.sampleUnchecked(problem, truth, train, tokens, b * stride, null);
            }
            java.util.Arrays.fill(gk, 0.0);
            java.util.Arrays.fill(gv, 0.0);
            for (int b = 0; b < batch; b++) {
                accumulate(tokens, b * stride, tokenCount, k, v, lambda, y[b], 2.0 / batch, gk, gv, pa, pb);
            }
            SphereStep.stepUnchecked(k, gk, settings.alpha(), kNew);
            SphereStep.stepUnchecked(v, gv, settings.alpha(), v);
            System.arraycopy(kNew, 0, k, 0, d);
            if (settings.logged(t + 1)) {
                logged = log(out, logged, t + 1, truth, k, v, testTokens, testY);
            }
        }
        return out;
    }

    /**
     * Adds scale (T(X) - y) dT/dk to gk and scale (T(X) - y) dT/dv to gv, the gradient of (scale/2)(T - y)^2
     * (one pass for the projections, erf evaluated once per token).
     */
    static void accumulate(double[] tokens, int offset, int tokenCount, double[] k, double[] v, double lambda,
                           double y, double scale, double[] gk, double[] gv, double[] pa, double[] pb) {
        int d = k.length;
        double t = 0.0;
        for (int l = 0; l < tokenCount; l++) {
            int base = offset + l * d;
            double a = 0.0;
            double b = 0.0;
            for (int i = 0; i < d; i++) {
                double x = tokens[base + i];
                a += x * k[i];
                b += x * v[i];
            }
            double f = GaussianErf.erf(lambda * a);
            pa[l] = f;
            pb[l] = lambda * GaussianErf.erfPrime(lambda * a) * b;
            t += f * b;
        }
        double weight = scale * (t - y);
        for (int l = 0; l < tokenCount; l++) {
            int base = offset + l * d;
            double ck = weight * pb[l];
            double cv = weight * pa[l];
            for (int i = 0; i < d; i++) {
                double x = tokens[base + i];
                gk[i] += ck * x;
                gv[i] += cv * x;
            }
        }
    }

    private int log(Trajectory out, int index, int step, SlrTruth truth, double[] k, double[] v,
                    double[] testTokens, double[] testY) {
        double lambda = settings.lambdaAt(step);
        Overlaps o = Overlaps.of(k, v, truth);
        double r = risk.evaluate(o.kappa(), o.nu(), o.theta(), o.eta(), o.rho(), lambda, null);
        out.record(index, step, lambda, r, o.kappa(), o.nu(), o.theta(), o.eta(), o.rho());
        int stride = problem.tokens() * problem.dimension();
        double sum = 0.0;
        for (int b = 0; b < testY.length; b++) {
            double e = testY[b] - ErfPredictor.valueUnchecked(testTokens, b * stride, problem.tokens(), k, v, lambda);
            sum += e * e;
        }
        out.testRisk()[index] = sum / testY.length;
        return index + 1;
    }
}
