package org.attnlab.erm;

import org.attnlab.internal.ChunkPool;
import org.attnlab.kernel.ChunkKernel;
import org.attnlab.sampler.Dataset;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The moment (spectral) starts of the estimator, from three d x d moment matrices of the data (Ybar the mean
 * output, sums over samples m and tokens i, j != i of the same sample):
 * <pre>
 *   C1 = sum Y_i X_i (sum_{j != i} X_j)^T                 (first order: the linear part of phi* along A)
 *   C2 = sum (Y_i - Ybar) X_i X_i^T                         (second order, query side: spans the columns of U)
 *   C3 = sum (Y_i - Ybar) sum_{j != i} X_j X_j^T            (second order, key side: spans the columns of V)
 * </pre>
 * For A = U V^T and a phi* whose odd part is weak (E[phi*'(s)] near 0), C1 carries almost no information
 * about A while C2 and C3 still do (their expectation has the form U D_U U^T + c I and V D_V V^T + c' I when
 * phi* has an even part); measured on the zucker2025 settings, see spec/estimator.md "Starts".
 *
 * <p>Starts: the first-order start U = l sqrt(sigma), V = r sqrt(sigma) from the top r singular pairs of C1;
 * the second-order starts take r consecutive eigenvectors of C2 (by decreasing |eigenvalue|, offsets 0, 1, 2)
 * as U and r consecutive eigenvectors of C3 (offsets 0, 1, 2) as V: up to 9 candidates, numbered
 * {@code SECOND_ORDER_ID + 3 i + j}. The scale is irrelevant: every start is normalised before use.
 */
final class MomentStarts {

    /** Identifier of the first second-order start (offsets (0, 0)); offsets (i, j) have id + 3 i + j. */
    static final int SECOND_ORDER_ID = 101;
    /** Offsets tried on each side for the second-order starts. */
    static final int OFFSETS = 3;

    private MomentStarts() {
    }

    /** The first-order start, or null when C1 has fewer than r positive singular values or its SVD fails. */
    static double[][] firstOrder(double[] c1, int d, int r) {
        DMatrixRMaj m = new DMatrixRMaj(d, d);
        System.arraycopy(c1, 0, m.data, 0, d * d);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(d, d, true, true, false);
        if (!svd.decompose(m)) {
            return null;
        }
        DMatrixRMaj left = svd.getU(null, false);
        DMatrixRMaj right = svd.getV(null, false);
        double[] sigma = svd.getSingularValues().clone();
        SingularOps_DDRM.descendingOrder(left, false, sigma, d, right, false);
        if (!(sigma[r - 1] > 0)) {
            return null;
        }
        double[] u = new double[d * r];
        double[] v = new double[d * r];
        for (int b = 0; b < r; b++) {
            double s = Math.sqrt(sigma[b]);
            for (int a = 0; a < d; a++) {
                u[a * r + b] = left.get(a, b) * s;
                v[a * r + b] = right.get(a, b) * s;
            }
        }
        return new double[][] {u, v};
    }

    /**
     * The second-order moment matrices {C2, C3} (each d x d row-major), accumulated in fixed chunks of samples
     * and reduced in chunk order (the same bytes at any thread count).
     */
    static double[][] secondOrderMatrices(Dataset data, ChunkPool pool) {
        int samples = data.samples();
        int n = data.tokensPerSample();
        int d = data.dimension();
        double[] x = data.tokens();
        double[] y = data.outputs();
        double mean = 0.0;
        for (int k = 0; k < y.length; k++) {
            mean += y[k];
        }
        double ybar = mean / y.length;
        int part = 2 * d * d;
        double[] sum = pool.reduce(samples, part, (m0, m1, partial) -> {
            double[] s = new double[d * d];
            for (int m = m0; m < m1; m++) {
                java.util.Arrays.fill(s, 0.0);
                double ysum = 0.0;
                for (int i = 0; i < n; i++) {
                    int o = (m * n + i) * d;
                    double yi = y[m * n + i] - ybar;
                    ysum += yi;
                    for (int a = 0; a < d; a++) {
                        double xa = x[o + a];
                        int row = a * d;
                        for (int b = 0; b < d; b++) {
                            double xx = xa * x[o + b];
                            s[row + b] += xx;
                            // C2 += yi X_i X_i^T; C3 gets ysum S - sum_i yi X_i X_i^T below
                            partial[row + b] += yi * xx;
                        }
                    }
                }
                int c3 = d * d;
                for (int k = 0; k < d * d; k++) {
                    partial[c3 + k] += ysum * s[k];
                }
            }
        });
        double[] c2 = new double[d * d];
        double[] c3 = new double[d * d];
        for (int k = 0; k < d * d; k++) {
            c2[k] = sum[k];
            c3[k] = sum[d * d + k] - sum[k];
        }
        return new double[][] {c2, c3};
    }

    /**
     * The eigenvectors of symmetric c (d x d) ordered by decreasing |eigenvalue| (ties by index), as the columns
     * of a d x d row-major matrix; null if the decomposition fails.
     */
    static double[] eigenvectorsByMagnitude(double[] c, int d) {
        DMatrixRMaj m = new DMatrixRMaj(d, d);
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                // symmetrise exactly: the sums are symmetric up to rounding
                m.data[a * d + b] = 0.5 * (c[a * d + b] + c[b * d + a]);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eig.decompose(m)) {
            return null;
        }
        double[] mag = new double[d];
        int[] order = new int[d];
        for (int k = 0; k < d; k++) {
            mag[k] = Math.abs(eig.getEigenvalue(k).getReal());
            order[k] = k;
        }
        // insertion sort by decreasing magnitude, stable
        for (int k = 1; k < d; k++) {
            int key = order[k];
            int j = k - 1;
            while (j >= 0 && mag[order[j]] < mag[key]) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = key;
        }
        double[] out = new double[d * d];
        for (int k = 0; k < d; k++) {
            DMatrixRMaj vec = eig.getEigenVector(order[k]);
            if (vec == null) {
                return null;
            }
            for (int a = 0; a < d; a++) {
                out[a * d + k] = vec.get(a, 0);
            }
        }
        return out;
    }

    /**
     * U (or V) from r consecutive columns of the eigenvector matrix e (d x d), starting at column offset.
     */
    static double[] columns(double[] e, int d, int r, int offset) {
        double[] u = new double[d * r];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < r; b++) {
                u[a * r + b] = e[a * d + offset + b];
            }
        }
        return u;
    }

    /** The number of offsets usable on each side: min(OFFSETS, d - r + 1). */
    static int offsets(int d, int r) {
        return Math.min(OFFSETS, d - r + 1);
    }

    static int chunkSize(int samples, int part) {
        return ChunkKernel.size(samples, (int) Math.min(64, Math.max(1, (1L << 23) / part)), 32);
    }
}
