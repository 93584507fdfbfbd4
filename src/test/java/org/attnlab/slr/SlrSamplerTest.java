package org.attnlab.slr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attnlab.internal.RandomStreams;
import org.attnlab.internal.RandomStreams.Purpose;
import org.junit.jupiter.api.Test;

/**
 * The law of the sampled sequences, fixed seed, n = 20000 sequences. Each check accepts 4.5 standard errors
 * (false failure 6.8e-6 each); the chi-square test of a uniform J uses the 1 - 1e-5 quantile of chi2(4), 25.75.
 * In all, below 1e-4.
 */
class SlrSamplerTest {

    static final int N = 20_000;
    static final double Z = 4.5;

    @Test
    void informativeTokenPositionAndMomentsFollowTheModel() {
        int d = 6;
        int tokens = 5;
        double gamma = 0.6;
        double eps = 0.3;
        SlrProblem p = SlrProblem.of(d, tokens, gamma, eps);
        SlrTruth truth = SlrTruth.random(d, RandomStreams.stream(77, Purpose.TRUTH, 0));
        RandomStreams.Stream s = RandomStreams.stream(77, Purpose.TOKENS, 0);
        double[] x = new double[tokens * d];
        int[] pos = new int[1];
        int[] counts = new int[tokens];
        double sumK = 0;
        double sumKk = 0;
        double sumOther = 0;
        double sumOtherSq = 0;
        double sumY = 0;
        double sumYy = 0;
        double sumResidual = 0;
        int others = 0;
        for (int n = 0; n < N; n++) {
            double y = SlrSampler.sample(p, truth, s, x, 0, pos);
            counts[pos[0]]++;
            for (int l = 0; l < tokens; l++) {
                double proj = 0;
                double value = 0;
                for (int i = 0; i < d; i++) {
                    proj += x[l * d + i] * truth.kStar()[i];
                    value += x[l * d + i] * truth.vStar()[i];
                }
                if (l == pos[0]) {
                    sumK += proj;
                    sumKk += proj * proj;
                    sumResidual += (y - value) * (y - value);
                } else {
                    sumOther += proj;
                    sumOtherSq += proj * proj;
                    others++;
                }
            }
            sumY += y;
            sumYy += y * y;
        }
        double chi2 = 0;
        for (int c : counts) {
            chi2 += (c - N / (double) tokens) * (c - N / (double) tokens) / (N / (double) tokens);
        }
        assertTrue(chi2 < 25.75, "J uniform: chi2 = " + chi2);
        double meanK = sumK / N;
        assertEquals(p.signalScale(), meanK, Z * gamma / Math.sqrt(N), "E<X_J, k*> = sqrt(d/2)");
        assertEquals(gamma * gamma, sumKk / N - meanK * meanK, Z * gamma * gamma * Math.sqrt(2.0 / N), "Var <X_J,k*>");
        assertEquals(0.0, sumOther / others, Z / Math.sqrt(others), "noise tokens centred");
        assertEquals(1.0, sumOtherSq / others, Z * Math.sqrt(2.0 / others), "noise tokens unit variance");
        assertEquals(0.0, sumY / N, Z * Math.sqrt(gamma * gamma + eps * eps) / Math.sqrt(N), "E y = 0");
        double vy = gamma * gamma + eps * eps;
        assertEquals(vy, sumYy / N, Z * vy * Math.sqrt(2.0 / N), "E y^2 = gamma^2 + eps^2");
        assertEquals(eps * eps, sumResidual / N, Z * eps * eps * Math.sqrt(2.0 / N), "E xi^2 = eps^2");
    }
}
