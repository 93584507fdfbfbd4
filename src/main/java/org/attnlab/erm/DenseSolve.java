package org.attnlab.erm;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/** Small dense symmetric solves through EJML: Cholesky, with a least-norm fallback for singular systems. */
final class DenseSolve {

    /**
     * Smallest accepted ratio min(L_kk)^2 / max(L_kk)^2 of the Cholesky factor; below it the system is treated
     * as singular (a lower bound on the reciprocal condition number is about this ratio).
     */
    static final double PIVOT_RATIO = 1e-14;

    private DenseSolve() {
    }

    /**
     * Solves a x = b for symmetric positive definite a (n x n row-major) by Cholesky.
     *
     * @param a the matrix; not modified
     * @param b right-hand side, length n; not modified
     * @param out solution, length n; overwritten only on success
     * @return false if a is not numerically positive definite (out untouched)
     */
    static boolean cholesky(double[] a, int n, double[] b, double[] out) {
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        System.arraycopy(a, 0, m.data, 0, n * n);
        CholeskyDecompositionInner_DDRM chol = new CholeskyDecompositionInner_DDRM(true);
        if (!chol.decompose(m)) {
            return false;
        }
        double[] l = chol.getT().data;
        double min = Double.POSITIVE_INFINITY;
        double max = 0.0;
        for (int k = 0; k < n; k++) {
            double v = l[k * n + k];
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (!(min > 0) || !(min * min >= PIVOT_RATIO * max * max)) {
            return false;
        }
        double[] x = b.clone();
        TriangularSolver_DDRM.solveL(l, x, n);
        TriangularSolver_DDRM.solveTranL(l, x, n);
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return false;
            }
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
