package org.attnlab.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.attnlab.internal.RandomStreams;
import org.attnlab.internal.RandomStreams.Purpose;
import org.junit.jupiter.api.Test;

/** The sampler: per-sample streams, exact composition, same bytes at 1, 2 and 8 threads. */
class SamplerTest {

    static GroundTruth truth(TokenLaw law, double sigma, int n, long seed) {
        return TruthGenerator.generate(law, 1, null, BSplineActivation.random(3, 8, 4.0, seed), GaussianNoise.of(sigma), n, seed);
    }

    @Test
    void eachSampleIsTokensThenForwardMapThenNoise() {
        GroundTruth t = truth(ExchangeableTokens.of(UniformCube.of(3), 0.3), 0.2, 4, 17);
        Dataset ds = Sampler.sample(t, 5, 1);
        assertEquals(5, ds.samples());
        assertEquals(4, ds.tokensPerSample());
        assertEquals(3, ds.dimension());
        for (int m = 0; m < 5; m++) {
            double[] x = new double[12];
            t.law().sample(RandomStreams.stream(17, Purpose.TOKENS, m), 4, x, 0);
            double[] f = t.noiselessOutputs(x);
            RandomStreams.Stream noise = RandomStreams.stream(17, Purpose.NOISE, m);
            for (int i = 0; i < 4; i++) {
                assertEquals(f[i] + 0.2 * noise.normal(), ds.output(m, i), 0.0);
                for (int k = 0; k < 3; k++) {
                    assertEquals(x[i * 3 + k], ds.token(m, i, k), 0.0);
                }
            }
        }
    }

    @Test
    void sameBytesAtOneTwoAndEightThreads() {
        GroundTruth t = truth(GaussianTokens.withEigenvalues(new double[] {1, 2}), 0.1, 5, 3);
        Dataset one = Sampler.sample(t, 37, 1);
        for (int threads : new int[] {2, 8}) {
            Dataset many = Sampler.sample(t, 37, threads);
            assertArrayEquals(one.tokens(), many.tokens(), 0.0, "threads=" + threads);
            assertArrayEquals(one.outputs(), many.outputs(), 0.0, "threads=" + threads);
        }
        // more threads than samples
        Dataset tiny = Sampler.sample(t, 3, 8);
        assertArrayEquals(Arrays.copyOf(one.outputs(), 15), tiny.outputs(), 0.0);
    }

    @Test
    void dataSeedSelectsTheStreams() {
        GroundTruth t = truth(UniformCube.of(2), 0.1, 3, 5);
        Dataset own = Sampler.sample(t, 4, 1);
        assertArrayEquals(own.outputs(), Sampler.sample(t, 4, 5L, 1).outputs(), 0.0);
        Dataset other = Sampler.sample(t, 4, 6L, 1);
        assertFalse(Arrays.equals(own.tokens(), other.tokens()));
        // a prefix of samples is the same whatever M
        assertArrayEquals(own.tokens(), Arrays.copyOf(Sampler.sample(t, 9, 2).tokens(), 24), 0.0);
    }

    @Test
    void sampleOneFillsOneSlot() {
        GroundTruth t = truth(UniformCube.of(2), 0.4, 3, 8);
        Dataset ds = Sampler.sample(t, 3, 1);
        double[] x = new double[3 * 3 * 2];
        double[] y = new double[9];
        Arrays.fill(x, Double.NaN);
        Arrays.fill(y, Double.NaN);
        Sampler.sampleOne(t, 8, 1, x, y);
        for (int i = 0; i < 6; i++) {
            assertEquals(Double.NaN, x[i], 0.0);
            assertEquals(ds.tokens()[6 + i], x[6 + i], 0.0);
            assertEquals(Double.NaN, x[12 + i], 0.0);
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(ds.outputs()[3 + i], y[3 + i], 0.0);
            assertEquals(Double.NaN, y[i], 0.0);
            assertEquals(Double.NaN, y[6 + i], 0.0);
        }
    }

    @Test
    void sampleOneAcceptsArraysOfExactlyTheNeededLength() {
        GroundTruth t = truth(UniformCube.of(2), 0.4, 3, 8);
        double[] x = new double[2 * 3 * 2];
        double[] y = new double[2 * 3];
        Sampler.sampleOne(t, 8, 1, x, y);
        assertArrayEquals(Arrays.copyOfRange(Sampler.sample(t, 2, 1).outputs(), 3, 6), Arrays.copyOfRange(y, 3, 6), 0.0);
    }

    @Test
    void zeroNoiseGivesTheNoiselessOutputs() {
        GroundTruth t = truth(UniformCube.of(2), 0.0, 4, 2);
        Dataset ds = Sampler.sample(t, 2, 1);
        for (int m = 0; m < 2; m++) {
            double[] x = Arrays.copyOfRange(ds.tokens(), m * 8, m * 8 + 8);
            assertArrayEquals(t.noiselessOutputs(x), Arrays.copyOfRange(ds.outputs(), m * 4, m * 4 + 4), 0.0);
        }
    }
}
