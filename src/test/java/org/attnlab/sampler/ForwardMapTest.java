package org.attnlab.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.attnlab.internal.RandomStreams;
import org.attnlab.internal.RandomStreams.Purpose;
import org.junit.jupiter.api.Test;

/** The forward map: a hand-computed sample and a naive oracle. */
class ForwardMapTest {

    /** Oracle and map sum the same terms in a different order: a few ulps of O(1) sums. */
    static final double ORACLE_TOLERANCE = 1e-13;

    /** d = 1, A = [2], x = (1, -1, 0.5), ReLU: scores s01 = -2, s02 = 1, s12 = -1. */
    @Test
    void handComputedSample() {
        double[] x = {99, 1, -1, 0.5};
        double[] out = {7, 7, 7, 7, 7};
        ForwardMap.apply(x, 1, 3, 1, new double[] {2}, Activation.relu(), new double[3], out, 1);
        assertArrayEquals(new double[] {7, 0.5, 0.0, 0.5, 7}, out, 0.0);
    }

    /** d = 2, N = 2, A = [[1, 2], [0, -1]], identity-like phi = softplus checked through its argument. */
    @Test
    void nonSymmetricMatrixUsesXiTransposeAXj() {
        double[] x = {1, 0, 0, 1};
        double[] a = {1, 2, 0, -1};
        double[] out = new double[2];
        ForwardMap.apply(x, 0, 2, 2, a, Activation.exp(), new double[4], out, 0);
        // X_0^T A X_1 = A_01 = 2 ; X_1^T A X_0 = A_10 = 0
        assertEquals(Math.exp(2), out[0], 1e-15 * Math.exp(2));
        assertEquals(1.0, out[1], 0.0);
    }

    @Test
    void agreesWithANaiveOracle() {
        int n = 6;
        int d = 3;
        RandomStreams.Stream s = RandomStreams.stream(3, Purpose.EVALUATION, 0);
        double[] x = new double[n * d];
        double[] a = new double[d * d];
        s.normals(x);
        s.normals(a);
        Activation phi = Activation.tanh();
        double[] out = new double[n];
        ForwardMap.apply(x, 0, n, d, a, phi, new double[n * d], out, 0);
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = n - 1; j >= 0; j--) {
                if (j != i) {
                    double score = 0;
                    for (int l = 0; l < d; l++) {
                        for (int k = 0; k < d; k++) {
                            score += x[i * d + k] * a[k * d + l] * x[j * d + l];
                        }
                    }
                    sum += phi.value(score);
                }
            }
            assertEquals(sum / (n - 1), out[i], ORACLE_TOLERANCE);
        }
    }

    @Test
    void scratchIsOnlyWorkspace() {
        double[] x = {0.5, -0.25, 1, 2, -1, 0.75};
        double[] a = {1, 0.5, -0.5, 2};
        double[] out1 = new double[3];
        double[] out2 = new double[3];
        double[] dirty = new double[8];
        Arrays.fill(dirty, Double.NaN);
        ForwardMap.apply(x, 0, 3, 2, a, Activation.sin(), new double[6], out1, 0);
        ForwardMap.apply(x, 0, 3, 2, a, Activation.sin(), dirty, out2, 0);
        assertArrayEquals(out1, out2, 0.0);
        assertArrayEquals(new double[] {0.5, -0.25, 1, 2, -1, 0.75}, x, 0.0);
        assertArrayEquals(new double[] {1, 0.5, -0.5, 2}, a, 0.0);
    }
}
