package org.attnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Documented behaviour at the edges that the random properties do not reach: exact integers, zero and infinite pivots. */
class KernelBoundaryTest {

    @Test
    void pieceOfAnIntegerPositionIsItsFloorExceptTheRightEnd() {
        // "t in [0, K] gives floor(t), except t = K which belongs to the last piece"
        for (int pieces = 1; pieces <= 4; pieces++) {
            for (int t = 0; t < pieces; t++) {
                assertEquals(t, ScoreKernel.piece(t, pieces), "t=" + t + " K=" + pieces);
                assertEquals(t, ScoreKernel.piece(Math.nextUp((double) t), pieces));
            }
            assertEquals(pieces - 1, ScoreKernel.piece(pieces, pieces));
            assertEquals(Math.max(0, pieces - 2), ScoreKernel.piece(Math.nextDown(pieces - 1.0), pieces));
        }
    }

    @Test
    void singularityRuleAtZeroAndInfinitePivots() {
        double[] l = new double[1];
        // order 1: the only pivot is 0 (not > 0), so the ratio rule never sees it
        assertFalse(SpdKernel.factor(new double[] {0.0}, l, 1));
        // an infinite pivot: min^2 / max^2 is undefined, the factor has no correct digit
        assertFalse(SpdKernel.factor(new double[] {Double.POSITIVE_INFINITY}, l, 1));
        assertTrue(SpdKernel.factor(new double[] {4.0}, l, 1));
        assertEquals(2.0, l[0], 0.0);
    }

    @Test
    void pivotRatioIsRelativeToTheLargestPivot() {
        // largest pivot 1e3 (not 1, so that a rule written with max^2 in the wrong place shows): min(L_kk)^2 /
        // max(L_kk)^2 = 10 PIVOT_RATIO is accepted, PIVOT_RATIO / 10 is not
        double big = 1e6;
        double[] l = new double[4];
        assertTrue(SpdKernel.factor(new double[] {big, 0, 0, big * 10 * SpdKernel.PIVOT_RATIO}, l, 2));
        assertFalse(SpdKernel.factor(new double[] {big, 0, 0, big * 0.1 * SpdKernel.PIVOT_RATIO}, l, 2));
        // and small matrices are not singular by scale alone
        double tiny = 1e-200;
        assertTrue(SpdKernel.factor(new double[] {tiny, 0, 0, tiny}, l, 2));
    }

    @Test
    void factorZeroesTheUpperTriangleOfItsOutput() {
        // "writes the lower triangle of L to l (upper triangle zeroed)", whatever l held before
        int n = 3;
        double[] a = {4, 2, -2, 2, 5, 1, -2, 1, 6};
        double[] l = new double[n * n];
        Arrays.fill(l, Double.NaN);
        assertTrue(SpdKernel.factor(a, l, n));
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                assertEquals(0.0, l[i * n + j], 0.0, "L[" + i + "][" + j + "]");
            }
        }
        // L L^T = A
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0.0;
                for (int k = 0; k < n; k++) {
                    s += l[i * n + k] * l[j * n + k];
                }
                assertEquals(a[i * n + j], s, 1e-14 * 6);
            }
        }
    }
}
