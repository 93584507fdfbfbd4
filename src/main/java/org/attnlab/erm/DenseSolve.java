package org.attnlab.erm;

import org.attnlab.kernel.SpdKernel;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The estimator's small dense symmetric solves: Cholesky by the one SPD solver of attnlab
 * ({@link SpdKernel}, its singularity rule), and the least-norm fallback of the phi-step for singular systems.
 */
final class DenseSolve {

    private DenseSolve() {
    }

    /**
     * Solves a x = b for symmetric positive definite a (n x n row-major) by {@link SpdKernel#solve}.
     *
     * @param a the matrix; not modified
     * @param b right-hand side, length n; not modified
     * @param out solution, length n; overwritten only on success
     * @return false if a is singular by {@link SpdKernel}'s rule or the solution is not finite (out untouched)
     */
    static boolean cholesky(double[] a, int n, double[] b, double[] out) {
        double[] x = new double[n];
        if (!SpdKernel.solve(a, b, x, new double[n * n], n)) {
            return false;
        }
        System.arraycopy(x, 0, out, 0, n);
        return true;
    }

    /** The least-norm solution of a x = b (SVD pseudo-inverse), written to out. */
    static void leastNorm(double[] a, int n, double[] b, double[] out) {
        LinearSolverDense<DMatrixRMaj> pinv = LinearSolverFactory_DDRM.pseudoInverse(true);
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        System.arraycopy(a, 0, m.data, 0, n * n);
        pinv.setA(m);
        DMatrixRMaj rhs = new DMatrixRMaj(n, 1);
        System.arraycopy(b, 0, rhs.data, 0, n);
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        pinv.solve(rhs, x);
        System.arraycopy(x.data, 0, out, 0, n);
    }
}
