package org.attnlab.erm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The O(N) search of the largest training |score| at rank 1 ({@link PairAssembly#largestRankOne}) against the pair
 * loop ({@link PairAssembly#largestPairs}): the same maximum and the same first pair, bit for bit, also with ties
 * of |q|, zeros, products that round to the same value from different |q_j|, and a chunk that starts past sample 0.
 */
class LargestPairTest {

    /** Both searches on samples m0..m1 - 1; returns the fast one's result after checking it equals the loop's. */
    private static double[] same(double[] p, double[] q, int n, int m0, int m1) {
        double[] loop = new double[4];
        double[] fast = new double[4];
        PairAssembly.largestPairs(p, q, 1, n, m0, m1, loop, 1);
        assertTrue(PairAssembly.largestRankOne(p, q, n, m0, m1, fast, 1), "finite projections take the fast path");
        assertArrayEquals(loop, fast, 0.0, "n " + n + ", samples " + m0 + ".." + m1);
        return fast;
    }

    @Test
    void randomProjectionsGiveTheLoopsPair() {
        SplittableRandom rnd = new SplittableRandom(5L);
        for (int n : new int[] {2, 3, 5, 10}) {
            for (int rep = 0; rep < 200; rep++) {
                int m = 1 + rnd.nextInt(6);
                double[] p = new double[m * n];
                double[] q = new double[m * n];
                boolean coarse = rep % 2 == 0;
                for (int t = 0; t < m * n; t++) {
                    // coarse values make many ties of |p_i q_j| and of |q| (and zeros)
                    p[t] = coarse ? rnd.nextInt(5) - 2 : rnd.nextGaussian();
                    q[t] = coarse ? rnd.nextInt(5) - 2 : rnd.nextGaussian();
                }
                int m0 = rnd.nextInt(m);
                same(p, q, n, m0, m);
            }
        }
    }

    @Test
    void allZeroScoresGiveTheFirstPair() {
        double[] p = {0.0, 1.0, 2.0, 0.0, 0.0, 0.0};
        double[] q = {0.0, 0.0, 0.0, 0.0, -0.0, 0.0};
        double[] out = same(p, q, 3, 1, 2);
        assertEquals(0.0, out[1], 0.0);
        assertEquals(3.0, out[2], 0.0);
        assertEquals(4.0, out[3], 0.0);
    }

    @Test
    void aRoundedTieKeepsTheEarlierPartner() {
        // |q_1| < |q_2| but p_0 q_1 and p_0 q_2 round to the same double: the loop keeps partner 1, not the
        // partner of the largest |q|
        SplittableRandom rnd = new SplittableRandom(9L);
        double p0 = 0.0;
        double q1 = 1.0;
        for (int k = 0; k < 1000 && p0 == 0.0; k++) {
            double c = 1.0 + rnd.nextDouble();
            double b = 1.0 + rnd.nextDouble();
            if (c * b == c * Math.nextUp(b)) {
                p0 = c;
                q1 = b;
            }
        }
        double q2 = Math.nextUp(q1);
        assertNotEquals(0.0, p0, "a tie exists");
        double[] p = {p0, 0.5, 0.25, 0.1};
        double[] q = {0.5, q1, -q2, -0.75};
        double[] out = same(p, q, 4, 0, 1);
        assertEquals(p0 * q1, out[1], 0.0);
        assertEquals(0.0, out[2], 0.0);
        assertEquals(1.0, out[3], 0.0);
    }

    @Test
    void theTokenHoldingTheLargestQUsesTheSecond() {
        // token 1 holds the largest |q|; its best partner is the second largest |q| (token 2)
        double[] p = {0.1, 3.0, 0.2};
        double[] q = {0.5, 4.0, -2.0};
        double[] out = same(p, q, 3, 0, 1);
        assertEquals(6.0, out[1], 0.0);
        assertEquals(1.0, out[2], 0.0);
        assertEquals(2.0, out[3], 0.0);
    }

    @Test
    void nonFiniteProjectionsLeaveItToTheLoop() {
        double[] untouched = {7.0, 7.0, 7.0, 7.0};
        double[] out = untouched.clone();
        double[] q = {1.0, 2.0, 3.0, 4.0};
        assertFalse(PairAssembly.largestRankOne(new double[] {1.0, Double.NaN, 1.0, 1.0}, q, 2, 0, 2, out, 1));
        assertFalse(PairAssembly.largestRankOne(q, new double[] {1.0, 1.0, 1.0, Double.POSITIVE_INFINITY}, 2, 0, 2,
                out, 1));
        assertFalse(PairAssembly.largestRankOne(q, q, 2, 1, 1, out, 1), "no sample");
        assertArrayEquals(untouched, out, 0.0);
    }

    /** M = 70 copies of one sample (N = 4, d = 3): three chunks (32, 32, 6 samples) with the same largest |score|. */
    private static org.attnlab.sampler.Dataset copies(double[] sample) {
        int m = 70;
        int n = 4;
        double[] x = new double[m * sample.length];
        for (int k = 0; k < m; k++) {
            System.arraycopy(sample, 0, x, k * sample.length, sample.length);
        }
        return org.attnlab.sampler.Dataset.of(m, n, 3, x, new double[m * n]);
    }

    @Test
    void aTieAcrossChunksKeepsTheFirstChunksPair() {
        double[] sample = {0.5, -1.0, 0.25, 1.0, 1.0, 0.0, -0.75, 0.5, 2.0, 0.1, 0.2, 0.3};
        double[] u = {1.0, -0.5, 0.25};
        double[] v = {0.3, 0.7, -1.1};
        for (int r : new int[] {1, 3}) {
            double[] ur = new double[3 * r];
            double[] vr = new double[3 * r];
            for (int a = 0; a < 3; a++) {
                ur[a * r] = u[a];
                vr[a * r] = v[a];
            }
            try (org.attnlab.internal.ChunkPool pool = org.attnlab.internal.ChunkPool.of(2)) {
                PairAssembly asm = new PairAssembly(copies(sample), r, pool);
                PairAssembly.Projections pq = asm.project(ur, vr);
                double[] first = new double[3];
                PairAssembly.largestPairs(pq.p, pq.q, r, 4, 0, 1, first, 0);
                assertEquals(first[0], pq.largest, 0.0, "rank " + r);
                assertEquals((int) first[1], pq.largestRowI, "rank " + r + ": the pair of sample 0");
                assertEquals((int) first[2], pq.largestRowJ, "rank " + r);
            }
        }
    }

    @Test
    void aNanProjectionGivesANanLargestScore() {
        double[] sample = {0.5, -1.0, 0.25, 1.0, 1.0, 0.0, -0.75, 0.5, 2.0, 0.1, 0.2, 0.3};
        try (org.attnlab.internal.ChunkPool pool = org.attnlab.internal.ChunkPool.of(2)) {
            PairAssembly asm = new PairAssembly(copies(sample), 1, pool);
            double[] u = {1.0, Double.NaN, 0.0};
            PairAssembly.Projections pq = asm.project(u, new double[] {1.0, 1.0, 1.0});
            assertTrue(Double.isNaN(pq.largest));
        }
    }

    @Test
    void reprojectionKeepsThePairAndRecomputesTheLargest() {
        ErmFixtures.Problem pb = ErmFixtures.problem(70, 6, 4, 1, 2, 3, 0.2, 43L);
        double[] u = ErmFixtures.normalMatrix(4, 1, 5L, 0);
        double[] v = ErmFixtures.normalMatrix(4, 1, 5L, 1);
        try (org.attnlab.internal.ChunkPool pool = org.attnlab.internal.ChunkPool.of(2)) {
            PairAssembly asm = new PairAssembly(pb.data(), 1, pool);
            PairAssembly.Projections before = asm.project(u, v);
            double[] u2 = u.clone();
            double[] v2 = v.clone();
            for (int a = 0; a < u2.length; a++) {
                u2[a] *= 3.0;
                v2[a] *= 0.5;
            }
            PairAssembly.Projections fresh = asm.project(u2, v2);
            PairAssembly.Projections kept = asm.project(u2, v2, before);
            assertArrayEquals(fresh.p, kept.p, 0.0);
            assertArrayEquals(fresh.q, kept.q, 0.0);
            assertEquals(before.largestRowI, kept.largestRowI);
            assertEquals(before.largestRowJ, kept.largestRowJ);
            assertEquals(Math.abs(kept.largestScore()), kept.largest, 0.0);
            assertEquals(fresh.largest, kept.largest, 1e-15 * fresh.largest);
        }
    }

    @Test
    void projectionsUseTheFastPathWithTheSameResult() {
        ErmFixtures.Problem pb = ErmFixtures.problem(70, 6, 4, 1, 2, 3, 0.2, 41L);
        double[] u = ErmFixtures.normalMatrix(4, 1, 3L, 0);
        double[] v = ErmFixtures.normalMatrix(4, 1, 3L, 1);
        try (org.attnlab.internal.ChunkPool pool = org.attnlab.internal.ChunkPool.of(2)) {
            PairAssembly.Projections pq = new PairAssembly(pb.data(), 1, pool).project(u, v);
            double[] loop = new double[3];
            PairAssembly.largestPairs(pq.p, pq.q, 1, 6, 0, 70, loop, 0);
            assertEquals(loop[0], pq.largest, 0.0);
            assertEquals((int) loop[1], pq.largestRowI);
            assertEquals((int) loop[2], pq.largestRowJ);
            assertTrue(Arrays.stream(pq.p).allMatch(Double::isFinite));
            double[] x = pb.data().tokens();
            for (int row = 0; row < 70 * 6; row++) {
                double pu = 0.0;
                double qv = 0.0;
                double scale = 0.0;
                for (int a = 0; a < 4; a++) {
                    pu += x[row * 4 + a] * u[a];
                    qv += x[row * 4 + a] * v[a];
                    scale += Math.abs(x[row * 4 + a]) * (Math.abs(u[a]) + Math.abs(v[a]));
                }
                // the same four products summed in another order
                assertEquals(pu, pq.p[row], 1e-15 * scale, "P row " + row);
                assertEquals(qv, pq.q[row], 1e-15 * scale, "Q row " + row);
            }
        }
    }
}
