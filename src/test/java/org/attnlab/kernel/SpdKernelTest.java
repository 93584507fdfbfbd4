package org.attnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.junit.jupiter.api.Test;

/** The one SPD solver: a hand-computed case, the definition L L^T = A, the singularity rule, EJML's bytes. */
class SpdKernelTest {

    @Test
    void handComputedThreeByThree() {
        // A = L L^T with L = [[2, 0, 0], [1, 3, 0], [-1, 2, 1]]
        double[] a = {4, 2, -2, 2, 10, 5, -2, 5, 6};
        double[] l = new double[9];
        assertTrue(SpdKernel.factor(a, l, 3));
        assertArrayEquals(new double[] {2, 0, 0, 1, 3, 0, -1, 2, 1}, l, 0.0);
        // A x = b with x = (1, -1, 2): b = (4 - 2 - 4, 2 - 10 + 10, -2 - 5 + 12) = (-2, 2, 5)
        double[] x = new double[3];
        assertTrue(SpdKernel.solve(a, new double[] {-2, 2, 5}, x, new double[9], 3));
        assertArrayEquals(new double[] {1, -1, 2}, x, 1e-15);
    }

    @Test
    void factorTimesItsTransposeIsTheMatrixAndMatchesEjmlBytes() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int n : new int[] {1, 2, 5, 17, 60}) {
            double[] g = new double[n * n];
            for (int k = 0; k < g.length; k++) {
                g[k] = rng.nextDouble(-1, 1);
            }
            double[] a = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double s = i == j ? 0.1 : 0.0;
                    for (int k = 0; k < n; k++) {
                        s += g[i * n + k] * g[j * n + k];
                    }
                    a[i * n + j] = s;
                }
            }
            double[] l = new double[n * n];
            assertTrue(SpdKernel.factor(a, l, n));
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0.0;
                    for (int k = 0; k < n; k++) {
                        s += l[i * n + k] * l[j * n + k];
                    }
                    assertEquals(a[i * n + j], s, 1e-12 * n, "(L L^T)_" + i + j);
                    if (j > i) {
                        assertEquals(0.0, l[i * n + j], 0.0);
                    }
                }
            }
            // the same operations as EJML's inner Cholesky and triangular solvers: the same bytes
            DMatrixRMaj m = new DMatrixRMaj(n, n);
            System.arraycopy(a, 0, m.data, 0, n * n);
            CholeskyDecompositionInner_DDRM chol = new CholeskyDecompositionInner_DDRM(true);
            assertTrue(chol.decompose(m));
            assertArrayEquals(chol.getT().data, l);
            double[] b = new double[n];
            for (int k = 0; k < n; k++) {
                b[k] = rng.nextDouble(-1, 1);
            }
            double[] expected = b.clone();
            TriangularSolver_DDRM.solveL(chol.getT().data, expected, n);
            TriangularSolver_DDRM.solveTranL(chol.getT().data, expected, n);
            double[] x = new double[n];
            assertTrue(SpdKernel.solve(a, b, x, new double[n * n], n));
            assertArrayEquals(expected, x);
        }
    }

    @Test
    void singularityRule() {
        double[] l = new double[4];
        // a zero pivot
        assertFalse(SpdKernel.factor(new double[] {1, 1, 1, 1}, l, 2));
        // a negative pivot
        assertFalse(SpdKernel.factor(new double[] {-1, 0, 0, 1}, l, 2));
        // NaN
        assertFalse(SpdKernel.factor(new double[] {Double.NaN, 0, 0, 1}, l, 2));
        // positive pivots, but min(L_kk)^2 / max(L_kk)^2 = 1e-15 < PIVOT_RATIO
        assertFalse(SpdKernel.factor(new double[] {1, 0, 0, 1e-15}, l, 2));
        // just above the ratio: accepted
        assertTrue(SpdKernel.factor(new double[] {1, 0, 0, 1e-13}, l, 2));
        // a solution that overflows is rejected
        double[] x = new double[2];
        assertFalse(SpdKernel.solve(new double[] {1e-300, 0, 0, 1e-300}, new double[] {1e300, 1}, x, l, 2));
        // order 0 is trivially solvable
        assertTrue(SpdKernel.solve(new double[0], new double[0], new double[0], new double[0], 0));
    }
}
