package org.attnlab.rfa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The ridge trainer against hand-computed cases and a dense naive oracle. */
class RidgeTrainerTest {

    /** Agreement of two double-precision solutions of a well-conditioned small system. */
    private static final double SOLVE = 1e-10;

    @Test
    void oneFeatureHandComputed() {
        // d = 1, N = 1, one MLP feature relu(z_0): samples z_0 = 1, 2, 3 (z_1 = 0), y = 2, 4, 7.
        // Centered: mu = 2, ybar = 13/3, phi_c = (-1, 0, 1), y_c = (-7/3, -1/3, 8/3): G/n = 2/3,
        // b/n = (7/3 + 8/3)/3 = 5/3; s = 2/3, lambda = 0.5 -> lambda s = 1/3; jitter 1e-10 r with
        // r = (1 + 4 + 9)/3 = 14/3. So (2/3 + 1/3 + 1e-10 * 14/3) v = 5/3, c = 13/3 - 2 v
        // (without the jitter: v = 5/3, c = 1, residuals -2/3, -1/3, 1 and MSE 14/27).
        double v = (5.0 / 3.0) / (1.0 + 1e-10 * 14.0 / 3.0);
        double c = 13.0 / 3.0 - 2.0 * v;
        MlpFeatureMap map = MlpFeatureMap.ofWeights(1, 1, 1, new double[] {1, 0, 0});
        double[] tokens = {1, 0, 2, 0, 3, 0};
        RidgeFit fit = RidgeTrainer.fixed(0.5).fit(map, tokens, new double[] {2, 4, 7}, 3, 1);
        assertEquals(RidgeFit.Status.OK, fit.status());
        assertEquals(v, fit.values()[0][0], SOLVE);
        assertEquals(c, fit.intercepts()[0], SOLVE);
        double r1 = 2 - c - v;
        double r2 = 4 - c - 2 * v;
        double r3 = 7 - c - 3 * v;
        assertEquals((r1 * r1 + r2 * r2 + r3 * r3) / 3, fit.trainingMse()[0], SOLVE);
        assertEquals(14.0 / 27.0, fit.trainingMse()[0], 1e-8);
        assertEquals(0.5, fit.relativeRidge()[0], 0.0);
        assertEquals(0, fit.validationMse()[0].length);
        assertEquals(c + 2.0 * v, fit.predict(0, new double[] {2.0}), SOLVE);
    }

    @Test
    void agreesWithDenseOracleForEveryChunkSize() {
        int d = 2;
        int keys = 3;
        int n = 37;
        AttentionFeatureMap map = AttentionFeatureMap.random(d, keys, 3, WeightLaw.ZERO_MEAN, 4);
        double[] tokens = RfaTestSupport.tokens(8, n, d, keys);
        double[] y = Target.values(new Target[] {Target.CUBIC}, tokens, n, d, keys);
        double lambda = 1e-3;
        double[][] sys = RfaTestSupport.centeredSystem(map, tokens, y, n, lambda);
        int p = map.dimension();
        double[] expected = RfaTestSupport.gaussSolve(sys[0], sys[1], p);
        for (int rows : new int[] {1, 5, 36, 37, 200}) {
            RidgeFit fit = RidgeTrainer.fixed(lambda).withChunkRows(rows).fit(map, tokens, y, n, 1);
            assertArrayEquals(expected, fit.values()[0], SOLVE * 100, "chunk " + rows);
            double c = sys[3][0];
            for (int k = 0; k < p; k++) {
                c -= sys[2][k] * expected[k];
            }
            assertEquals(c, fit.intercepts()[0], SOLVE * 100);
            double[] mse = RidgeTrainer.meanSquaredError(map, fit, tokens, y, n);
            assertEquals(mse[0], fit.trainingMse()[0], 1e-9);
        }
    }

    @Test
    void selectionPicksTheRidgeOfLeastHeldOutError() {
        int d = 2;
        int keys = 2;
        int n = 60;
        AttentionFeatureMap map = AttentionFeatureMap.random(d, keys, 4, WeightLaw.BIASED, 3);
        double[] tokens = RfaTestSupport.tokens(2, n, d, keys);
        Target[] targets = {Target.LINEAR, Target.COSINE};
        double[] y = Target.values(targets, tokens, n, d, keys);
        double[] grid = {1e-4, 1e-2, 1.0};
        RidgeFit fit = RidgeTrainer.selecting(grid, 0.25).fit(map, tokens, y, n, 2);
        for (int t = 0; t < 2; t++) {
            double[] val = fit.validationMse()[t];
            int best = 0;
            for (int g = 1; g < grid.length; g++) {
                if (val[g] < val[best]) {
                    best = g;
                }
            }
            assertEquals(grid[best], fit.relativeRidge()[t], 0.0);
            // Held-out error by direct evaluation: fit on the first 45 samples with the same ridge.
            double[] yt = new double[45];
            double[] yv = new double[15];
            for (int s = 0; s < n; s++) {
                if (s < 45) {
                    yt[s] = y[s * 2 + t];
                } else {
                    yv[s - 45] = y[s * 2 + t];
                }
            }
            for (int g = 0; g < grid.length; g++) {
                RidgeFit sub = RidgeTrainer.fixed(grid[g]).fit(map, tokens, yt, 45, 1);
                double[] held = java.util.Arrays.copyOfRange(tokens, 45 * map.sampleLength(), n * map.sampleLength());
                double direct = RidgeTrainer.meanSquaredError(map, sub, held, yv, 15)[0];
                assertEquals(direct, val[g], 1e-9 * Math.max(1.0, direct), "grid " + g);
            }
        }
    }

    @Test
    void deterministic() {
        AttentionFeatureMap map = AttentionFeatureMap.random(3, 4, 5, WeightLaw.ZERO_MEAN, 1);
        double[] tokens = RfaTestSupport.tokens(3, 50, 3, 4);
        double[] y = Target.values(Target.values(), tokens, 50, 3, 4);
        RidgeFit a = RidgeTrainer.selecting(RidgeTrainer.DEFAULT_GRID, 0.2).fit(map, tokens, y, 50, 5);
        RidgeFit b = RidgeTrainer.selecting(RidgeTrainer.DEFAULT_GRID, 0.2).fit(map, tokens, y, 50, 5);
        for (int t = 0; t < 5; t++) {
            assertArrayEquals(a.values()[t], b.values()[t], 0.0);
        }
        assertTrue(a.status() == RidgeFit.Status.OK);
    }
}
