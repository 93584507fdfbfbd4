package org.attnlab.erm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attnlab.sampler.Activation;
import org.attnlab.sampler.GaussianNoise;
import org.attnlab.sampler.GroundTruth;
import org.attnlab.sampler.TruthGenerator;
import org.attnlab.sampler.UniformCube;
import org.junit.jupiter.api.Test;

class ComposedErrorTest {

    /** A Monte Carlo mean of a constant is exact up to summation rounding. */
    static final double EXACT = 1e-12;

    @Test
    void constantOffsetGivesExactError() {
        // g* = x_1 y_1 on [-1, 1]^2, g_hat = g* + 0.5: (g_hat - g*)^2 = 0.25 exactly; E g*^2 = 1/9
        PairInteraction truth = (x, xo, y, yo) -> x[xo] * y[yo];
        PairInteraction est = (x, xo, y, yo) -> x[xo] * y[yo] + 0.5;
        ErrorEstimate e = ComposedError.defaults().estimate(est, 2, truth, ErmFixtures.cubePairs(2), 4L);
        assertEquals(0.25, e.absolute(), EXACT);
        assertEquals(0.0, e.absoluteStandardError(), EXACT);
        // the stopping rule stops at minBlocks when the error is constant
        assertEquals(16L * ComposedError.BLOCK, e.pairs());
        assertEquals(1.0 / 9.0, e.truthNorm(), 4 * 0.2 / Math.sqrt(e.pairs()) / 3.0);
        assertEquals(0.25 / e.truthNorm(), e.relative(), EXACT);
        assertTrue(e.relativeStandardError() > 0);
    }

    @Test
    void errorOfARandomEstimateHasTheRequestedPrecision() {
        // g_hat = 0: error = ||g*||^2 = E (x1 y1 + x2 y2)^2 = 2/9 on the cube
        PairInteraction truth = (x, xo, y, yo) -> x[xo] * y[yo] + x[xo + 1] * y[yo + 1];
        ErrorEstimate e = ComposedError.defaults().estimate((x, xo, y, yo) -> 0.0, 2, truth,
                ErmFixtures.cubePairs(2), 5L);
        assertTrue(e.absoluteStandardError() / e.absolute() <= 0.01);
        // 4.5 standard errors: false failure about 7e-6 (fixed seed: deterministic)
        assertEquals(2.0 / 9.0, e.absolute(), 4.5 * e.absoluteStandardError());
        assertEquals(1.0, e.relative(), EXACT);
        assertEquals(0.0, e.relativeStandardError(), EXACT);
        // a tighter target uses more pairs, reproducibly
        ComposedError tight = ComposedError.defaults().withTargetRelativeError(0.004).withMaxBlocks(400);
        ErrorEstimate t1 = tight.estimate((x, xo, y, yo) -> 0.0, 2, truth, ErmFixtures.cubePairs(2), 5L);
        ErrorEstimate t2 = tight.estimate((x, xo, y, yo) -> 0.0, 2, truth, ErmFixtures.cubePairs(2), 5L);
        assertTrue(t1.pairs() > e.pairs());
        assertEquals(t1, t2);
    }

    @Test
    void fitAgainstSamplerTruthUsesItsPairsAndInteraction() {
        GroundTruth truth = TruthGenerator.generate(UniformCube.of(2), 1, null, Activation.tanh(),
                GaussianNoise.of(0.0), 3, 9L);
        ErmResult zero = new ErmResult(2, 1, new double[] {1, 0}, new double[] {0, 1}, SplineGrid.of(0, 1, 1.0),
                new double[] {0.0}, new double[] {0.0}, 0, ErmStatus.CONVERGED, 0, new double[] {0.0}, 0L);
        ErrorEstimate viaTruth = ComposedError.defaults().estimate(zero, truth, 3L);
        ErrorEstimate direct = ComposedError.defaults().estimate(zero, truth::interaction, truth::drawPair, 3L);
        assertEquals(direct, viaTruth);
        assertEquals(1.0, viaTruth.relative(), EXACT);
    }
}
