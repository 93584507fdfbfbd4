package org.attnlab.erm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

/**
 * The linear algebra of the moment starts ({@link MomentStarts}) on given matrices, against Commons Math (the
 * code uses EJML) and the defining equations: the first-order start is the rank-r truncated SVD of C1 split
 * evenly (U V^T = sum_{b < r} sigma_b l_b r_b^T, |U_b| = |V_b| = sqrt(sigma_b)); the second-order eigenvectors
 * satisfy S e_k = lambda_k e_k for the symmetric part S, ordered by decreasing |lambda_k|.
 */
class MomentStartsAlgebraTest {

    static final double TOLERANCE = 1e-12;
    /** A non-symmetric 4 x 4 matrix with distinct singular values. */
    static final double[] C = {
        3.0, -1.0, 0.5, 2.0,
        0.2, 4.0, -2.0, 1.0,
        -1.5, 0.3, 1.0, 0.7,
        2.2, -0.4, 0.9, -3.0};

    @Test
    void firstOrderStartIsTheEvenlySplitTruncatedSvd() {
        int d = 4;
        SingularValueDecomposition svd = new SingularValueDecomposition(matrix(C, d));
        double[] sigma = svd.getSingularValues();
        for (int r = 1; r <= 3; r++) {
            double[][] uv = MomentStarts.firstOrder(C.clone(), d, r);
            assertNotNull(uv);
            // U V^T against the truncated SVD from Commons Math
            RealMatrix truncated = new Array2DRowRealMatrix(d, d);
            for (int b = 0; b < r; b++) {
                truncated = truncated.add(svd.getU().getColumnMatrix(b)
                        .multiply(svd.getV().getColumnMatrix(b).transpose()).scalarMultiply(sigma[b]));
            }
            for (int a = 0; a < d; a++) {
                for (int c = 0; c < d; c++) {
                    double s = 0.0;
                    for (int b = 0; b < r; b++) {
                        s += uv[0][a * r + b] * uv[1][c * r + b];
                    }
                    assertEquals(truncated.getEntry(a, c), s, TOLERANCE * sigma[0], "r=" + r + " (" + a + "," + c + ")");
                }
            }
            for (int b = 0; b < r; b++) {
                double nu = 0.0;
                double nv = 0.0;
                for (int a = 0; a < d; a++) {
                    nu += uv[0][a * r + b] * uv[0][a * r + b];
                    nv += uv[1][a * r + b] * uv[1][a * r + b];
                }
                assertEquals(sigma[b], nu, TOLERANCE * sigma[0], "|U_" + b + "|^2");
                assertEquals(sigma[b], nv, TOLERANCE * sigma[0], "|V_" + b + "|^2");
            }
        }
    }

    @Test
    void firstOrderStartIsNullWhenCOneHasFewerThanRPositiveSingularValues() {
        // rank 1: x y^T
        double[] x = {1.0, -2.0, 0.5};
        double[] y = {0.3, 1.0, 2.0};
        double[] rankOne = new double[9];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                rankOne[a * 3 + b] = x[a] * y[b];
            }
        }
        assertNotNull(MomentStarts.firstOrder(rankOne.clone(), 3, 1));
        assertNull(MomentStarts.firstOrder(new double[9], 3, 1));
        double[][] two = MomentStarts.firstOrder(rankOne.clone(), 3, 2);
        // the second singular value is 0 up to rounding: either rejected or a negligible column
        if (two != null) {
            double n2 = 0.0;
            for (int a = 0; a < 3; a++) {
                n2 += two[0][a * 2 + 1] * two[0][a * 2 + 1];
            }
            assertTrue(n2 < 1e-12, "second column " + n2);
        }
    }

    @Test
    void eigenvectorsOfTheSymmetricPartByDecreasingMagnitude() {
        int d = 4;
        // symmetric part S = (C + C^T)/2 has eigenvalues of both signs
        double[] s = new double[d * d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                s[a * d + b] = 0.5 * (C[a * d + b] + C[b * d + a]);
            }
        }
        double[] e = MomentStarts.eigenvectorsByMagnitude(C.clone(), d);
        assertNotNull(e);
        double previous = Double.POSITIVE_INFINITY;
        boolean negative = false;
        for (int k = 0; k < d; k++) {
            double[] v = new double[d];
            double norm = 0.0;
            for (int a = 0; a < d; a++) {
                v[a] = e[a * d + k];
                norm += v[a] * v[a];
            }
            assertEquals(1.0, norm, TOLERANCE, "unit eigenvector " + k);
            double lambda = 0.0;
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    lambda += v[a] * s[a * d + b] * v[b];
                }
            }
            for (int a = 0; a < d; a++) {
                double sv = 0.0;
                for (int b = 0; b < d; b++) {
                    sv += s[a * d + b] * v[b];
                }
                assertEquals(lambda * v[a], sv, 1e-10, "S e_" + k + " = lambda e_" + k);
            }
            assertTrue(Math.abs(lambda) <= previous + 1e-12, "ordered by |lambda|: " + lambda + " after " + previous);
            previous = Math.abs(lambda);
            negative |= lambda < 0;
        }
        assertTrue(negative, "the case has a negative eigenvalue");
    }

    @Test
    void columnsTakeRConsecutiveColumnsFromTheOffset() {
        int d = 4;
        double[] e = new double[d * d];
        for (int k = 0; k < d * d; k++) {
            e[k] = k;
        }
        double[] u = MomentStarts.columns(e, d, 2, 1);
        // row a, column b of U is column 1 + b of e: e[a * 4 + 1 + b]
        assertEquals(8, u.length);
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < 2; b++) {
                assertEquals(a * 4 + 1 + b, u[a * 2 + b], 0.0);
            }
        }
        assertEquals(3, MomentStarts.offsets(5, 1));
        assertEquals(2, MomentStarts.offsets(3, 2));
    }

    static RealMatrix matrix(double[] a, int d) {
        double[][] m = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                m[i][j] = a[i * d + j];
            }
        }
        return new Array2DRowRealMatrix(m);
    }
}
