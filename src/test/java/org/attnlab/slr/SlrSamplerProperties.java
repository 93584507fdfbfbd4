package org.attnlab.slr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.attnlab.internal.RandomStreams;
import org.attnlab.internal.RandomStreams.Purpose;

/** The JML contract of {@link SlrSampler#sample}: frame, position range, finiteness, determinism, noise-free y. */
class SlrSamplerProperties {

    @Property(tries = 150, seed = "20261130")
    void writesExactlyItsSliceAndReportsAValidPosition(@ForAll @IntRange(min = 2, max = 30) int d,
                                                       @ForAll @IntRange(min = 1, max = 8) int tokens,
                                                       @ForAll @IntRange(min = 0, max = 7) int offset,
                                                       @ForAll @IntRange(min = 0, max = 5) int tail,
                                                       @ForAll @DoubleRange(min = 0.01, max = 3) double gamma,
                                                       @ForAll @DoubleRange(min = 0, max = 2) double eps,
                                                       @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        SlrProblem p = SlrProblem.of(d, tokens, gamma, eps);
        SlrTruth truth = SlrTruth.random(d, RandomStreams.stream(seed, Purpose.TRUTH, 0));
        double[] x = new double[offset + tokens * d + tail];
        java.util.Arrays.fill(x, -7.5);
        int[] position = {-1};
        double y = SlrSampler.sample(p, truth, RandomStreams.stream(seed, Purpose.TOKENS, 0), x, offset, position);
        assertTrue(Double.isFinite(y));
        assertTrue(position[0] >= 0 && position[0] < tokens, "J in range");
        for (int i = 0; i < x.length; i++) {
            boolean inside = i >= offset && i < offset + tokens * d;
            assertTrue(inside ? Double.isFinite(x[i]) && x[i] != -7.5 : x[i] == -7.5, "index " + i);
        }
        double[] again = new double[x.length];
        java.util.Arrays.fill(again, -7.5);
        double y2 = SlrSampler.sample(p, truth, RandomStreams.stream(seed, Purpose.TOKENS, 0), again, offset, null);
        assertEquals(y, y2, 0.0, "same stream, same draw");
        assertEquals(java.util.Arrays.toString(x), java.util.Arrays.toString(again));
    }

    @Property(tries = 100, seed = "20261130")
    void withoutNoiseTheOutputIsTheValueOfTheInformativeToken(@ForAll @IntRange(min = 2, max = 20) int d,
                                                              @ForAll @IntRange(min = 1, max = 6) int tokens,
                                                              @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        SlrProblem p = SlrProblem.of(d, tokens, 0.5, 0.0);
        SlrTruth truth = SlrTruth.random(d, RandomStreams.stream(seed, Purpose.TRUTH, 1));
        double[] x = new double[tokens * d];
        int[] position = new int[1];
        double y = SlrSampler.sample(p, truth, RandomStreams.stream(seed, Purpose.TOKENS, 1), x, 0, position);
        double value = 0;
        for (int i = 0; i < d; i++) {
            value += x[position[0] * d + i] * truth.vStar()[i];
        }
        assertEquals(value, y, 1e-12 * (1 + Math.abs(value)));
    }
}
