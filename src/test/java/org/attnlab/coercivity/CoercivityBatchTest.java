package org.attnlab.coercivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;
import org.attnlab.erm.SplineGrid;
import org.attnlab.sampler.Dataset;
import org.attnlab.sampler.UniformCube;
import org.junit.jupiter.api.Test;

/** Batch constants, intervals and the score radius against independent computations. */
class CoercivityBatchTest {

    static final double EXACT = 1e-12;
    static final SplineGrid GRID = SplineGrid.of(2, 3, 2.0);
    static final double[] A = {0.9, -0.3, 0.2, 0.5, 1.1, -0.4, 0.1, 0.3, 0.8};

    @Test
    void eachBatchConstantIsTheEstimateOnThatBatchAlone() {
        // M = 26, B = 4: batches of 6, 7, 6, 7 samples ([b M / B, (b+1) M / B))
        Dataset data = CoercivityFixtures.tokens(UniformCube.of(3), 26, 4, 8L);
        CoercivityEstimate est = CoercivityEstimator.defaults().withBatches(4).estimate(data, A, GRID);
        assertEquals(4, est.batchConstants().length);
        int[] starts = {0, 6, 13, 19, 26};
        double[] batch = new double[4];
        for (int b = 0; b < 4; b++) {
            int m0 = starts[b];
            int m1 = starts[b + 1];
            Dataset part = Dataset.of(m1 - m0, 4, 3,
                    Arrays.copyOfRange(data.tokens(), m0 * 12, m1 * 12), new double[(m1 - m0) * 4]);
            batch[b] = smallest(part);
            assertEquals(batch[b], est.batchConstants()[b], EXACT, "batch " + b);
        }
        assertEquals(smallest(data), est.constant(), EXACT);
        double mean = Arrays.stream(batch).average().orElseThrow();
        double ss = 0.0;
        for (double v : batch) {
            ss += (v - mean) * (v - mean);
        }
        double se = Math.sqrt(ss / 3 / 4);
        assertEquals(se, est.standardError(), EXACT);
        double t = new TDistribution(3).inverseCumulativeProbability(0.975);
        assertEquals(est.constant() - t * se, est.lower(), EXACT);
        assertEquals(est.constant() + t * se, est.upper(), EXACT);
        // held-out: 2 batches, t with 1 degree of freedom
        double th = new TDistribution(1).inverseCumulativeProbability(0.975);
        assertEquals(est.heldOut() + th * est.heldOutStandardError(), est.heldOutUpper(), EXACT);
        assertEquals(est.heldOut() - th * est.heldOutStandardError(), est.heldOutLower(), EXACT);
        assertTrue(est.heldOut() >= est.constant() - 0.2, est.toString());
    }

    /** lambda_min(G_agg, G_pair) by brute force: the minimum Rayleigh quotient over a fine search is >= it. */
    private static double smallest(Dataset data) {
        double[][] g = CoercivityEstimator.gramMatrices(data, A, GRID);
        CoercivityEstimate e = CoercivityEstimator.defaults().withBatches(4).estimate(replicate(data), A, GRID);
        // replicating every sample 4 times gives the same pooled Grams, so the same constant
        double c = e.constant();
        // and it is a generalized eigenvalue: det(G_agg - c G_pair) = 0, checked by a Rayleigh bound
        int n = GRID.size();
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = 1.0;
            double num = 0.0;
            double den = 0.0;
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    num += v[a] * g[0][a * n + b] * v[b];
                    den += v[a] * g[1][a * n + b] * v[b];
                }
            }
            assertTrue(num / den >= c - 1e-12);
        }
        return c;
    }

    /** Every sample repeated 4 times in a row (so 4 batches each hold whole copies). */
    private static Dataset replicate(Dataset data) {
        int m = data.samples();
        int w = data.tokensPerSample() * data.dimension();
        double[] x = new double[4 * m * w];
        for (int k = 0; k < 4; k++) {
            System.arraycopy(data.tokens(), 0, x, k * m * w, m * w);
        }
        return Dataset.of(4 * m, data.tokensPerSample(), data.dimension(), x, new double[4 * m * data.tokensPerSample()]);
    }

    @Test
    void maxAbsScoreIsTheLargestPairScore() {
        Dataset data = CoercivityFixtures.tokens(UniformCube.of(3), 5, 3, 2L);
        double max = 0.0;
        for (int m = 0; m < 5; m++) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    if (i != j) {
                        double s = 0.0;
                        for (int k = 0; k < 3; k++) {
                            for (int l = 0; l < 3; l++) {
                                s += data.token(m, i, k) * A[k * 3 + l] * data.token(m, j, l);
                            }
                        }
                        max = Math.max(max, Math.abs(s));
                    }
                }
            }
        }
        assertEquals(max, CoercivityEstimator.maxAbsScore(data, A), EXACT);
        // a matrix with the largest score on a diagonal pair only (i = j) does not count it
        Dataset one = Dataset.of(1, 2, 1, new double[] {3.0, 0.5}, new double[2]);
        assertEquals(1.5, CoercivityEstimator.maxAbsScore(one, new double[] {1.0}), 0.0);
    }
}
