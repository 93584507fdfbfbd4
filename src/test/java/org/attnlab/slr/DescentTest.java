package org.attnlab.slr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attnlab.internal.RandomStreams;
import org.attnlab.internal.RandomStreams.Purpose;
import org.junit.jupiter.api.Test;

/** PGD (reduced against full dimension), the manifold's invariance, settings, SGD gradients and determinism. */
class DescentTest {

    /** Reduced and full iterations differ only by rounding, amplified at most mildly over 3000 steps. */
    static final double REDUCTION_TOL = 1e-10;
    /** Rounding level of the distance to M for runs started on M. */
    static final double INVARIANCE_TOL = 1e-13;

    @Test
    void reducedIterationEqualsFullDimensionalIteration() {
        int d = 13;
        SlrProblem p = SlrProblem.of(d, 5, Math.sqrt(0.5), 0.1);
        DescentSettings[] all = {
            DescentSettings.of(0.3, false, 4e-2, 3000, 100),
            DescentSettings.of(1.0, true, 1e-2, 3000, 250),
        };
        for (Initialisation init : Initialisation.values()) {
            for (DescentSettings s : all) {
                SlrTruth truth = SlrTruth.random(d, RandomStreams.stream(11, Purpose.TRUTH, 0));
                double[] k = new double[d];
                double[] v = new double[d];
                init.draw(truth, RandomStreams.stream(11, Purpose.ESTIMATOR, 0), k, v);
                ProjectedGradientDescent pgd = ProjectedGradientDescent.of(p, s);
                Trajectory reduced = pgd.run(truth, k, v);
                Trajectory full = pgd.runFullDimension(truth, k, v);
                assertArrayEquals(full.steps(), reduced.steps());
                assertEquals(s.logCount(), reduced.size());
                for (int i = 0; i < full.size(); i++) {
                    String at = init + " " + s + " log point " + i;
                    assertEquals(full.kappa()[i], reduced.kappa()[i], REDUCTION_TOL, at);
                    assertEquals(full.nu()[i], reduced.nu()[i], REDUCTION_TOL, at);
                    assertEquals(full.theta()[i], reduced.theta()[i], REDUCTION_TOL, at);
                    assertEquals(full.eta()[i], reduced.eta()[i], REDUCTION_TOL, at);
                    assertEquals(full.rho()[i], reduced.rho()[i], REDUCTION_TOL, at);
                    assertEquals(full.risk()[i], reduced.risk()[i], REDUCTION_TOL, at);
                }
                // the run moved: the check is not vacuous
                assertTrue(Math.abs(full.kappa()[full.last()] - full.kappa()[0]) > 0.05, "kappa moved");
            }
        }
    }

    @Test
    void manifoldIsInvariantAndDescentReachesTheOptimumFromIt() {
        int d = 50;
        SlrProblem p = SlrProblem.of(d, 4, Math.sqrt(0.5), 0.1);
        SlrTruth truth = SlrTruth.random(d, RandomStreams.stream(5, Purpose.TRUTH, 0));
        double[] k = new double[d];
        double[] v = new double[d];
        Initialisation.MANIFOLD.draw(truth, RandomStreams.stream(5, Purpose.ESTIMATOR, 0), k, v);
        Overlaps o = Overlaps.of(k, v, truth);
        assertTrue(o.distanceToManifold() < 1e-15, "start on M: " + o);
        Trajectory t = ProjectedGradientDescent.of(p, DescentSettings.of(0.3, false, 2e-2, 4000, 100))
                .runFullDimension(truth, k, v);
        for (int i = 0; i < t.size(); i++) {
            assertTrue(t.distanceToManifold(i) <= INVARIANCE_TOL, "distance " + t.distanceToManifold(i));
        }
        int n = t.last();
        // convergence to the optimum: |nu| -> 1 fast; |kappa| -> 1 slowly (the risk is flat in kappa once erf
        // saturates), so the check is on the risk gap, which must shrink by a factor 100
        double optimum = PopulationRisk.of(p).value(new Overlaps(1, 1, 0, 0, 0), 0.3);
        assertTrue(Math.abs(t.nu()[n]) > 0.99, "nu " + t.nu()[n]);
        assertTrue(Math.abs(t.kappa()[n]) > Math.abs(t.kappa()[0]) + 0.5, "kappa " + t.kappa()[n]);
        assertTrue(t.risk()[n] - optimum < 0.01 * (t.risk()[0] - optimum),
                "gap " + (t.risk()[n] - optimum) + " from " + (t.risk()[0] - optimum));
        for (int i = 1; i < t.size(); i++) {
            assertTrue(t.risk()[i] <= t.risk()[i - 1] + 1e-15, "risk decreases along PGD with a small step");
        }
    }

    @Test
    void sphereInitialisationIsUnitAndManifoldInitialisationIsOnM() {
        int d = 9;
        SlrTruth truth = SlrTruth.random(d, RandomStreams.stream(2, Purpose.TRUTH, 0));
        assertEquals(1.0, SphereStep.norm(truth.kStar()), 1e-15);
        assertEquals(1.0, SphereStep.norm(truth.vStar()), 1e-15);
        assertEquals(0.0, Overlaps.dot(truth.kStar(), truth.vStar()), 1e-15);
        for (Initialisation init : Initialisation.values()) {
            double[] k = new double[d];
            double[] v = new double[d];
            init.draw(truth, RandomStreams.stream(2, Purpose.ESTIMATOR, 1), k, v);
            assertEquals(1.0, SphereStep.norm(k), 1e-15);
            assertEquals(1.0, SphereStep.norm(v), 1e-15);
            double dist = Overlaps.of(k, v, truth).distanceToManifold();
            if (init == Initialisation.MANIFOLD) {
                assertTrue(dist < 1e-15);
            } else {
                assertTrue(dist > 1e-3);
            }
        }
    }

    @Test
    void settingsScheduleAndLogPoints() {
        DescentSettings s = DescentSettings.of(2.0, true, 1e-3, 1050, 100);
        assertEquals(2.0, s.lambdaAt(0), 0.0);
        assertEquals(1.0, s.lambdaAt(10_000), 1e-15);
        assertEquals(2.0 / 21, s.lambdaAt(200_000), 1e-15);
        assertEquals(12, s.logCount());
        DescentSettings c = DescentSettings.of(0.5, false, 1e-3, 1000, 100);
        assertEquals(0.5, c.lambdaAt(123_456), 0.0);
        assertEquals(11, c.logCount());
        Trajectory t = ProjectedGradientDescent.of(SlrProblem.of(4, 2, 1, 0), s).run(
                SlrTruth.of(new double[] {1, 0, 0, 0}, new double[] {0, 1, 0, 0}),
                new double[] {0.6, 0, 0.8, 0}, new double[] {0, 0, 0, 1});
        assertEquals(0, t.steps()[0]);
        assertEquals(100, t.steps()[1]);
        assertEquals(1000, t.steps()[10]);
        assertEquals(1050, t.steps()[11]);
        assertEquals(s.lambdaAt(1050), t.lambda()[11], 0.0);
        assertNull(t.testRisk());
    }

    @Test
    void sgdAccumulatedGradientIsTheGradientOfTheBatchLoss() {
        int d = 5;
        int tokens = 3;
        SlrProblem p = SlrProblem.of(d, tokens, 0.9, 0.2);
        SlrTruth truth = SlrTruth.random(d, RandomStreams.stream(4, Purpose.TRUTH, 0));
        double[] x = new double[tokens * d];
        double y = SlrSampler.sample(p, truth, RandomStreams.stream(4, Purpose.TOKENS, 0), x, 0, null);
        double[] k = new double[d];
        double[] v = new double[d];
        Initialisation.SPHERE.draw(truth, RandomStreams.stream(4, Purpose.ESTIMATOR, 0), k, v);
        double lambda = 0.8;
        double[] gk = new double[d];
        double[] gv = new double[d];
        StochasticGradientDescent.accumulate(x, 0, tokens, k, v, lambda, y, 2.0, gk, gv, new double[tokens],
                new double[tokens]);
        for (int i = 0; i < d; i++) {
            int ii = i;
            double fk = GaussianErfTest.richardson(t -> {
                double[] kk = k.clone();
                kk[ii] = t;
                double e = ErfPredictor.value(x, 0, tokens, kk, v, lambda) - y;
                return e * e;
            }, k[i], 1e-5);
            double fv = GaussianErfTest.richardson(t -> {
                double[] vv = v.clone();
                vv[ii] = t;
                double e = ErfPredictor.value(x, 0, tokens, k, vv, lambda) - y;
                return e * e;
            }, v[i], 1e-5);
            assertEquals(fk, gk[i], 1e-7 * Math.max(1, Math.abs(fk)), "d/dk_" + i);
            assertEquals(fv, gv[i], 1e-7 * Math.max(1, Math.abs(fv)), "d/dv_" + i);
        }
        double[] gk2 = new double[d];
        double[] gv2 = new double[d];
        double t = ErfPredictor.addGradient(x, 0, tokens, k, v, lambda, 1.0, gk2, gv2);
        assertEquals(ErfPredictor.value(x, 0, tokens, k, v, lambda), t, 0.0);
        for (int i = 0; i < d; i++) {
            assertEquals(gk[i], 2.0 * (t - y) * gk2[i], 1e-12, "addGradient is dT/dk");
            assertEquals(gv[i], 2.0 * (t - y) * gv2[i], 1e-12, "addGradient is dT/dv");
        }
    }

    @Test
    void sgdIsDeterministicAndLearns() {
        int d = 12;
        SlrProblem p = SlrProblem.of(d, 3, Math.sqrt(0.5), 0.1);
        DescentSettings s = DescentSettings.of(1.0, true, 2e-2, 3000, 500);
        Trajectory[] runs = new Trajectory[2];
        for (int r = 0; r < 2; r++) {
            SlrTruth truth = SlrTruth.random(d, RandomStreams.stream(9, Purpose.TRUTH, 0));
            double[] k = new double[d];
            double[] v = new double[d];
            Initialisation.SPHERE.draw(truth, RandomStreams.stream(9, Purpose.ESTIMATOR, 0), k, v);
            runs[r] = StochasticGradientDescent.of(p, s, 5, 200).run(truth, k, v,
                    RandomStreams.stream(9, Purpose.TOKENS, 0), RandomStreams.stream(9, Purpose.EVALUATION, 0));
        }
        assertArrayEquals(runs[0].risk(), runs[1].risk(), 0.0);
        assertArrayEquals(runs[0].kappa(), runs[1].kappa(), 0.0);
        assertArrayEquals(runs[0].testRisk(), runs[1].testRisk(), 0.0);
        Trajectory t = runs[0];
        assertTrue(t.risk()[t.last()] < 0.5 * t.risk()[0], "risk " + t.risk()[0] + " -> " + t.risk()[t.last()]);
    }

    @Test
    void reductionHandlesStartsInsideSpanOfTruth() {
        // k0 = k*, v0 = v*: e3 and e4 are degenerate; the optimum is a fixed point of PGD
        SlrProblem p = SlrProblem.of(4, 3, 0.7, 0.1);
        SlrTruth truth = SlrTruth.of(new double[] {0, 1, 0, 0}, new double[] {0, 0, 0, 1});
        Trajectory t = ProjectedGradientDescent.of(p, DescentSettings.of(0.5, false, 1e-2, 200, 100))
                .run(truth, truth.kStar(), truth.vStar());
        assertEquals(1.0, t.kappa()[t.last()], 1e-15);
        assertEquals(1.0, t.nu()[t.last()], 1e-15);
        assertEquals(0.0, t.distanceToManifold(t.last()), 0.0);
    }

    @Test
    void sgdStepsAreTheDocumentedUpdatesAndTestRiskIsTheTestBatchMean() {
        int d = 7;
        int tokens = 3;
        int batch = 4;
        int testBatch = 50;
        SlrProblem p = SlrProblem.of(d, tokens, 0.8, 0.2);
        DescentSettings s = DescentSettings.of(1.5, true, 5e-2, 3, 1);
        SlrTruth truth = SlrTruth.random(d, RandomStreams.stream(21, Purpose.TRUTH, 0));
        double[] k = new double[d];
        double[] v = new double[d];
        Initialisation.SPHERE.draw(truth, RandomStreams.stream(21, Purpose.ESTIMATOR, 0), k, v);
        Trajectory t = StochasticGradientDescent.of(p, s, batch, testBatch).run(truth, k, v,
                RandomStreams.stream(21, Purpose.TOKENS, 0), RandomStreams.stream(21, Purpose.EVALUATION, 0));
        // naive replay: the same draws, the gradient from ErfPredictor, the step from SphereStep
        int stride = tokens * d;
        RandomStreams.Stream testStream = RandomStreams.stream(21, Purpose.EVALUATION, 0);
        double[] testX = new double[testBatch * stride];
        double[] testY = new double[testBatch];
        for (int b = 0; b < testBatch; b++) {
            testY[b] = SlrSampler.sample(p, truth, testStream, testX, b * stride, null);
        }
        RandomStreams.Stream train = RandomStreams.stream(21, Purpose.TOKENS, 0);
        double[] kk = k.clone();
        double[] vv = v.clone();
        for (int step = 0; step <= s.steps(); step++) {
            double lambda = s.lambdaAt(step);
            double mse = 0;
            for (int b = 0; b < testBatch; b++) {
                double e = testY[b] - ErfPredictor.value(testX, b * stride, tokens, kk, vv, lambda);
                mse += e * e / testBatch;
            }
            Overlaps o = Overlaps.of(kk, vv, truth);
            assertEquals(mse, t.testRisk()[step], 1e-12, "test risk at step " + step);
            assertEquals(o.kappa(), t.kappa()[step], 1e-12, "kappa at step " + step);
            assertEquals(o.rho(), t.rho()[step], 1e-12, "rho at step " + step);
            assertEquals(PopulationRisk.of(p).value(o, lambda), t.risk()[step], 1e-12, "risk at step " + step);
            if (step == s.steps()) {
                break;
            }
            double[] x = new double[batch * stride];
            double[] y = new double[batch];
            for (int b = 0; b < batch; b++) {
                y[b] = SlrSampler.sample(p, truth, train, x, b * stride, null);
            }
            double[] gk = new double[d];
            double[] gv = new double[d];
            double[] dk = new double[d];
            double[] dv = new double[d];
            for (int b = 0; b < batch; b++) {
                java.util.Arrays.fill(dk, 0);
                java.util.Arrays.fill(dv, 0);
                double pred = ErfPredictor.addGradient(x, b * stride, tokens, kk, vv, lambda, 1.0, dk, dv);
                for (int i = 0; i < d; i++) {
                    gk[i] += 2 * (pred - y[b]) / batch * dk[i];
                    gv[i] += 2 * (pred - y[b]) / batch * dv[i];
                }
            }
            double[] kNew = new double[d];
            double[] vNew = new double[d];
            SphereStep.step(kk, gk, s.alpha(), kNew);
            SphereStep.step(vv, gv, s.alpha(), vNew);
            kk = kNew;
            vv = vNew;
        }
    }
}
