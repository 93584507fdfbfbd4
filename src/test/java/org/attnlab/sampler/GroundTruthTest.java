package org.attnlab.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attnlab.internal.RandomStreams;
import org.attnlab.internal.RandomStreams.Purpose;
import org.junit.jupiter.api.Test;

/** GroundTruth: g*(x, y) on hand cases, fresh pairs from the joint law of one sample. */
class GroundTruthTest {

    static final double[] A = {1, 2, 3, 4};

    static GroundTruth truth(TokenLaw law) {
        return GroundTruth.of(law, A, 2, Activation.tanh(), GaussianNoise.of(0.5), 5, 11);
    }

    @Test
    void scoreAndInteractionByHand() {
        GroundTruth t = truth(UniformCube.of(2));
        // x = (1, -1), y = (0.5, 2): A y = (4.5, 9.5), x^T A y = -5
        assertEquals(-5.0, t.score(new double[] {1, -1}, 0, new double[] {0.5, 2}, 0), 0.0);
        assertEquals(-5.0, t.score(new double[] {9, 1, -1}, 1, new double[] {0.5, 2, 9}, 0), 0.0);
        assertEquals(StrictMath.tanh(-5.0), t.interaction(new double[] {1, -1}, new double[] {0.5, 2}), 0.0);
        assertEquals(StrictMath.tanh(-5.0), t.interaction(new double[] {1, -1}, 0, new double[] {0.5, 2}, 0), 0.0);
        // y^T A x = 0.5 * (1 - 2) + 2 * (3 - 4) = -2.5: order matters
        assertEquals(-2.5, t.score(new double[] {0.5, 2}, 0, new double[] {1, -1}, 0), 0.0);
        assertEquals(3.0, t.a(1, 0), 0.0);
        assertEquals(2.0, t.a(0, 1), 0.0);
    }

    @Test
    void pairIsATwoTokenSampleOfTheLaw() {
        for (TokenLaw law : new TokenLaw[] {UniformCube.of(2), ExchangeableTokens.of(GaussianTokens.isotropic(2), 0.6)}) {
            double[] pair = new double[5];
            pair[4] = 123;
            truth(law).drawPair(RandomStreams.stream(1, Purpose.EVALUATION, 2), pair);
            double[] expected = new double[4];
            law.sample(RandomStreams.stream(1, Purpose.EVALUATION, 2), 2, expected, 0);
            assertArrayEquals(expected, java.util.Arrays.copyOf(pair, 4), 0.0);
            assertEquals(123, pair[4], 0.0);
        }
    }

    @Test
    void noiselessOutputsAreTheForwardMap() {
        GroundTruth t = truth(UniformCube.of(2));
        double[] x = {0.5, -0.5, 0.25, 1, -1, 0.1};
        double[] expected = new double[3];
        ForwardMap.apply(x, 0, 3, 2, A, Activation.tanh(), new double[6], expected, 0);
        assertArrayEquals(expected, t.noiselessOutputs(x), 0.0);
    }

    @Test
    void accessorsAndCopies() {
        double[] a = A.clone();
        GroundTruth t = GroundTruth.of(UniformCube.of(2), a, 1, Activation.relu(), GaussianNoise.of(0), 2, -4);
        a[0] = 100;
        t.a()[1] = 100;
        assertArrayEquals(A, t.a(), 0.0);
        assertEquals(1, t.rank());
        assertEquals(2, t.tokensPerSample());
        assertEquals(-4, t.seed());
        assertEquals(2, t.dimension());
        assertEquals(UniformCube.of(2), t.law());
        assertEquals(0.0, t.noise().variance(), 0.0);
        assertEquals(GaussianNoise.of(0.5).variance(), 0.25, 0.0);
        assertEquals(t, GroundTruth.of(UniformCube.of(2), A, 1, Activation.relu(), GaussianNoise.of(0), 2, -4));
        assertEquals(t.hashCode(), GroundTruth.of(UniformCube.of(2), A, 1, Activation.relu(), GaussianNoise.of(0), 2, -4).hashCode());
        assertNotEquals(t, GroundTruth.of(UniformCube.of(2), A, 1, Activation.relu(), GaussianNoise.of(0), 2, -5));
        assertNotEquals(t, GroundTruth.of(UniformCube.of(2), A, 2, Activation.relu(), GaussianNoise.of(0), 2, -4));
        assertNotEquals(t, GroundTruth.of(UniformCube.of(2), A, 1, Activation.relu(), GaussianNoise.of(0), 3, -4));
        assertNotEquals(t, GroundTruth.of(UniformCube.of(2), A, 1, Activation.tanh(), GaussianNoise.of(0), 2, -4));
        assertNotEquals(t, GroundTruth.of(UniformCube.of(2), A, 1, Activation.relu(), GaussianNoise.of(1), 2, -4));
        assertNotEquals(t, GroundTruth.of(GaussianTokens.isotropic(2), A, 1, Activation.relu(), GaussianNoise.of(0), 2, -4));
        assertNotEquals(t, GroundTruth.of(UniformCube.of(2), new double[] {1, 2, 3, 5}, 1, Activation.relu(),
                GaussianNoise.of(0), 2, -4));
        assertTrue(t.toString().contains("seed=-4"));
    }
}
