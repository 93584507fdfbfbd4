package org.attnlab.kernel;

/**
 * The one dense symmetric positive definite (SPD) solver of attnlab: Cholesky factorisation A = L L^T and the two
 * triangular solves, on row-major {@code n x n} arrays. Used by the ERM (phi-step and Levenberg-Marquardt step),
 * the coercivity estimate (generalised eigenproblem) and random-feature ridge regression.
 *
 * <p><b>Singularity rule</b> (one for every caller). A is treated as singular, and {@link #factor} returns false,
 * when a pivot A_ii - sum_{k &lt; i} L_ik^2 is not &gt; 0 (this includes NaN), or when the factor's diagonal has
 * min(L_kk)^2 &lt; {@link #PIVOT_RATIO} max(L_kk)^2 (about: the reciprocal condition number of A is below
 * 1e-14, so a solve would have no correct digit); {@link #solve} also fails when a solution entry is not finite.
 * What a caller does with a singular system is the caller's rule (ERM: the least-norm solution and status
 * SINGULAR, or a larger damping; coercivity: a NaN estimate flagged singular; ridge: status SINGULAR).
 *
 * <p>Order of operations (fixed, so that results are the same bytes on every platform): row-wise Cholesky-Crout,
 * L_ji = (A_ij - sum_{k=0}^{i-1} L_ik L_jk) (1 / L_ii) for j &gt;= i, sums in increasing k; forward substitution
 * y_i = (b_i - sum_{k &lt; i} L_ik y_k) / L_ii in increasing k; back substitution
 * x_i = (y_i - sum_{k &gt; i} L_ki x_k) / L_ii, i decreasing, k increasing. This is the order of EJML's
 * {@code CholeskyDecompositionInner_DDRM} and {@code TriangularSolver_DDRM}, which attnlab used before, so the
 * numbers did not change when it moved here.
 *
 * <p>Written in the subset of Java that KeY and OpenJML read (plain indexed loops on primitive arrays, no
 * allocation); {@code Math.sqrt} keeps {@link #factor} out of the proofs of floating-point facts.
 */
public final class SpdKernel {

    /**
     * Smallest accepted ratio min(L_kk)^2 / max(L_kk)^2 of the Cholesky factor; below it the system counts as
     * singular.
     */
    public static final double PIVOT_RATIO = 1e-14;

    /** +infinity, written without {@code Double.POSITIVE_INFINITY}, which KeY's library model does not declare. */
    private static final double INFINITY = 1.0 / 0.0;

    private SpdKernel() {
    }

    /**
     * Cholesky factor of the SPD matrix a: writes the lower triangle of L to l (upper triangle zeroed).
     *
     * @param a n x n row-major, symmetric (only its upper triangle, row i from column i, is read); not modified
     * @param l n x n row-major output, a different array from a; written entirely on success, partially otherwise
     * @param n the order, n &gt;= 0 (n = 0 succeeds)
     * @return false if a is singular by the rule of this class
     */
    public static boolean factor(double[] a, double[] l, int n) {
        double inverse = 0.0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double sum = a[i * n + j];
                for (int k = 0; k < i; k++) {
                    sum -= l[i * n + k] * l[j * n + k];
                }
                if (i == j) {
                    if (!(sum > 0.0)) {
                        return false;
                    }
                    double pivot = Math.sqrt(sum);
                    l[i * n + i] = pivot;
                    inverse = 1.0 / pivot;
                } else {
                    l[j * n + i] = sum * inverse;
                }
            }
            for (int j = i + 1; j < n; j++) {
                l[i * n + j] = 0.0;
            }
        }
        double min = INFINITY;
        double max = 0.0;
        for (int k = 0; k < n; k++) {
            double v = l[k * n + k];
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
        }
        return n == 0 || (max < INFINITY && min * min >= PIVOT_RATIO * max * max);
    }

    /**
     * Forward substitution in place: b := L^{-1} b.
     *
     * @param l n x n row-major lower-triangular factor with a non-zero diagonal; not modified
     * @param b length &gt;= n, overwritten
     * @param n the order
     */
    public static void forward(double[] l, double[] b, int n) {
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i * n + k] * b[k];
            }
            b[i] = sum / l[i * n + i];
        }
    }

    /**
     * Back substitution in place: b := L^{-T} b.
     *
     * @param l n x n row-major lower-triangular factor with a non-zero diagonal; not modified
     * @param b length &gt;= n, overwritten
     * @param n the order
     */
    public static void backward(double[] l, double[] b, int n) {
        for (int i = n - 1; i >= 0; i--) {
            double sum = b[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k * n + i] * b[k];
            }
            b[i] = sum / l[i * n + i];
        }
    }

    /**
     * Solves a x = b for SPD a: {@link #factor} into the work array l, then the two substitutions on x.
     *
     * @param a n x n row-major; not modified
     * @param b right-hand side, length &gt;= n; not modified (may be the same array as x)
     * @param x solution, length &gt;= n; overwritten (unspecified when false is returned)
     * @param l work array of n x n, distinct from a, b and x; overwritten with the factor
     * @param n the order
     * @return false if a is singular by the rule of this class or a solution entry is not finite
     */
    public static boolean solve(double[] a, double[] b, double[] x, double[] l, int n) {
        if (!factor(a, l, n)) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            x[i] = b[i];
        }
        forward(l, x, n);
        backward(l, x, n);
        for (int i = 0; i < n; i++) {
            if (!(x[i] - x[i] == 0.0)) {
                return false;
            }
        }
        return true;
    }
}
