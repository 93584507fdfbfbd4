package org.attnlab.erm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attnlab.internal.ChunkPool;
import org.junit.jupiter.api.Test;

/**
 * The second-order moment starts ({@link MomentStarts}) on an even phi*, whose first-order moment C1 carries
 * no information about A* (E[phi*'] = 0 on a symmetric score law): C2 and C3 must still point along u* and v*,
 * and the default fit must recover g* exactly from them.
 */
class MomentStartsTest {

    /** Lower bound on |cos| between the top eigenvector of C2 (C3) and u* (v*) on this fixture (M = 400, d = 8). */
    static final double ALIGNMENT = 0.9;

    /** A noiseless problem with an even phi* (coefficients symmetric about the middle) in the spline space. */
    static ErmFixtures.Problem evenProblem(int m, int d, long seed) {
        int n = 8;
        double[] x = ErmFixtures.cubeTokens(m, n, d, seed);
        double[] u = ErmFixtures.normalMatrix(d, 1, seed, 0);
        double[] v = ErmFixtures.normalMatrix(d, 1, seed, 1);
        SplineGrid grid = SplineGrid.of(3, 4, ErmFixtures.maxScore(x, m, n, d, u, v));
        int size = grid.size();
        double[] c = new double[size];
        for (int k = 0; k < size; k++) {
            c[k] = 2.0 * Math.abs(2.0 * k / (size - 1) - 1.0);
        }
        return ErmFixtures.withOutputs(x, m, n, d, u, v, grid, c, 0.0, seed);
    }

    @Test
    void secondOrderMomentsPointAlongTheTruthForAnEvenActivation() {
        int d = 8;
        ErmFixtures.Problem pb = evenProblem(400, d, 31L);
        try (ChunkPool pool = ChunkPool.of(2)) {
            double[][] c = MomentStarts.secondOrderMatrices(pb.data(), pool);
            double[] e2 = MomentStarts.eigenvectorsByMagnitude(c[0], d);
            double[] e3 = MomentStarts.eigenvectorsByMagnitude(c[1], d);
            assertTrue(cosine(MomentStarts.columns(e2, d, 1, 0), pb.u()) > ALIGNMENT, "C2 top eigenvector vs u*");
            assertTrue(cosine(MomentStarts.columns(e3, d, 1, 0), pb.v()) > ALIGNMENT, "C3 top eigenvector vs v*");
        }
    }

    @Test
    void secondOrderMatricesAreTheSameBytesAtAnyThreadCount() {
        ErmFixtures.Problem pb = evenProblem(300, 5, 32L);
        double[][] one;
        try (ChunkPool pool = ChunkPool.of(1)) {
            one = MomentStarts.secondOrderMatrices(pb.data(), pool);
        }
        try (ChunkPool pool = ChunkPool.of(3)) {
            double[][] three = MomentStarts.secondOrderMatrices(pb.data(), pool);
            assertArrayEquals(one[0], three[0]);
            assertArrayEquals(one[1], three[1]);
        }
    }

    @Test
    void secondOrderMatricesMatchTheirDefinition() {
        int d = 3;
        ErmFixtures.Problem pb = evenProblem(40, d, 33L);
        double[] x = pb.data().tokens();
        double[] y = pb.data().outputs();
        int n = pb.data().tokensPerSample();
        double ybar = 0.0;
        for (double v : y) {
            ybar += v;
        }
        ybar /= y.length;
        double[] c2 = new double[d * d];
        double[] c3 = new double[d * d];
        for (int m = 0; m < 40; m++) {
            for (int i = 0; i < n; i++) {
                double w = y[m * n + i] - ybar;
                for (int j = 0; j < n; j++) {
                    for (int a = 0; a < d; a++) {
                        for (int b = 0; b < d; b++) {
                            double xx = x[(m * n + j) * d + a] * x[(m * n + j) * d + b];
                            if (j == i) {
                                c2[a * d + b] += w * xx;
                            } else {
                                c3[a * d + b] += w * xx;
                            }
                        }
                    }
                }
            }
        }
        try (ChunkPool pool = ChunkPool.of(1)) {
            double[][] c = MomentStarts.secondOrderMatrices(pb.data(), pool);
            assertArrayEquals(c2, c[0], 1e-12);
            assertArrayEquals(c3, c[1], 1e-12);
        }
    }

    @Test
    void defaultFitRecoversAnEvenActivationThroughASecondOrderStart() {
        int d = 8;
        ErmFixtures.Problem pb = evenProblem(400, d, 31L);
        ErmResult fit = AlternatingLeastSquares.defaults().withDegree(3).withPieces(4).withRandomStarts(0)
                .withMaxIterations(200).withThreads(2).fit(pb.data(), 31L);
        ErrorEstimate err = ComposedError.defaults().estimate(fit, pb.truth(), ErmFixtures.cubePairs(d), 31L);
        assertTrue(err.relative() <= ExactRecoveryTest.RELATIVE_ERROR_TOLERANCE, "relative error " + err.relative());
        assertTrue(fit.start() >= MomentStarts.SECOND_ORDER_ID, "winning start " + fit.start());
        // K = 4 > K_c = 2: the continuation stage's best start and the best start screened on K are run on K
        assertEquals(2, fit.startRisks().length);
    }

    static double cosine(double[] a, double[] b) {
        double ab = 0.0;
        double aa = 0.0;
        double bb = 0.0;
        for (int k = 0; k < a.length; k++) {
            ab += a[k] * b[k];
            aa += a[k] * a[k];
            bb += b[k] * b[k];
        }
        return Math.abs(ab) / Math.sqrt(aa * bb);
    }
}
