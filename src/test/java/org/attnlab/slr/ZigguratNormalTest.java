package org.attnlab.slr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.attnlab.internal.RandomStreams;
import org.attnlab.internal.RandomStreams.Purpose;
import org.junit.jupiter.api.Test;

/**
 * The ziggurat sampler against the standard normal law, fixed seed. False-failure probabilities (for a correct
 * sampler): Kolmogorov-Smirnov at level 1e-4 (critical value sqrt(ln(2/1e-4)/2)/sqrt(n)); each proportion and
 * moment at 4.5 standard errors (6.8e-6 each); in all below 2e-4.
 */
class ZigguratNormalTest {

    static final int N = 400_000;
    static final double Z = 4.5;

    @Test
    void sampleFollowsTheStandardNormalLaw() {
        RandomStreams.Stream s = RandomStreams.stream(12345, Purpose.TOKENS, 0);
        double[] x = new double[N];
        ZigguratNormal.fill(s, x);
        double m1 = 0;
        double m2 = 0;
        for (double v : x) {
            m1 += v;
            m2 += v * v;
        }
        m1 /= N;
        m2 /= N;
        assertEquals(0.0, m1, Z / Math.sqrt(N), "mean");
        assertEquals(1.0, m2, Z * Math.sqrt(2.0 / N), "second moment");
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double ks = 0;
        for (int i = 0; i < N; i++) {
            double f = 0.5 * (1 + GaussianErf.erf(sorted[i] / Math.sqrt(2)));
            ks = Math.max(ks, Math.max((i + 1.0) / N - f, f - (double) i / N));
        }
        double critical = Math.sqrt(Math.log(2 / 1e-4) / 2) / Math.sqrt(N);
        assertTrue(ks < critical, "KS distance " + ks + " >= " + critical);
        // the tail beyond R and the wedges of the top layers are the delicate parts
        checkProportion(x, ZigguratNormal.R, 2 * 0.5 * (1 - GaussianErf.erf(ZigguratNormal.R / Math.sqrt(2))));
        checkProportion(x, 4.0, 2 * 0.5 * (1 - GaussianErf.erf(4.0 / Math.sqrt(2))));
        checkProportion(x, 0.05, 2 * 0.5 * (1 - GaussianErf.erf(0.05 / Math.sqrt(2))));
    }

    @Test
    void sameStreamSameVariates() {
        double[] a = new double[1000];
        double[] b = new double[1000];
        ZigguratNormal.fill(RandomStreams.stream(1, Purpose.TOKENS, 3), a);
        RandomStreams.Stream s = RandomStreams.stream(1, Purpose.TOKENS, 3);
        for (int i = 0; i < b.length; i++) {
            b[i] = ZigguratNormal.next(s);
        }
        assertEquals(Arrays.toString(a), Arrays.toString(b));
    }

    private static void checkProportion(double[] x, double threshold, double p) {
        int count = 0;
        for (double v : x) {
            if (Math.abs(v) > threshold) {
                count++;
            }
        }
        double se = Math.sqrt(p * (1 - p) / x.length);
        assertEquals(p, (double) count / x.length, Z * se + 1.0 / x.length, "P(|Z| > " + threshold + ")");
    }
}
