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
    private static final /*@ spec_public @*/ double INFINITY = 1.0 / 0.0;

    private SpdKernel() {
    }

    /*@ public normal_behavior
      @   requires a != null && l != null && a != l;
      @   requires 0 <= n && n <= 46340 && n * n <= a.length && n * n <= l.length;
      @   assignable l[0 .. n * n - 1];
      @   ensures n == 0 ==> \result;
      @*/
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
        /*@ loop_invariant 0 <= i && i <= n;
          @ loop_writes l[0 .. n * n - 1];
          @ decreases n - i;
          @*/
        for (int i = 0; i < n; i++) {
            int rowI = i * n;
            /*@ loop_invariant i <= j && j <= n;
              @ loop_invariant j > i ==> inverse != 0.0;
              @ loop_writes l[0 .. n * n - 1];
              @ decreases n - j;
              @*/
            for (int j = i; j < n; j++) {
                int rowJ = j * n;
                double sum = reduced(a, rowI + j, l, rowI, rowJ, i);
                if (i == j) {
                    if (!(sum > 0.0)) {
                        return false;
                    }
                    double pivot = Math.sqrt(sum);
                    l[rowI + i] = pivot;
                    inverse = 1.0 / pivot;
                } else {
                    l[rowJ + i] = sum * inverse;
                }
            }
            clear(l, rowI + i + 1, rowI + n);
        }
        return conditioned(l, n);
    }

    /*@ normal_behavior
      @   requires a != null && l != null;
      @   requires 0 <= at && at < a.length && 0 <= count && 0 <= ri && ri + count <= l.length
      @         && 0 <= rj && rj + count <= l.length;
      @   assignable \nothing;
      @*/
    /** a[at] - sum_{k &lt; count} l[ri + k] l[rj + k], subtracting in increasing k (the order of the class doc). */
    static double reduced(double[] a, int at, double[] l, int ri, int rj, int count) {
        double sum = a[at];
        /*@ loop_invariant 0 <= k && k <= count;
          @ loop_writes \nothing;
          @ decreases count - k;
          @*/
        for (int k = 0; k < count; k++) {
            sum -= l[ri + k] * l[rj + k];
        }
        return sum;
    }

    /*@ normal_behavior
      @   requires l != null && 0 <= from && from <= to && to <= l.length;
      @   assignable l[from .. to - 1];
      @   ensures (\forall int k; from <= k && k < to; l[k] == 0.0);
      @*/
    /** l[from .. to - 1] = 0. */
    static void clear(double[] l, int from, int to) {
        /*@ loop_invariant from <= k && k <= to;
          @ loop_invariant (\forall int c; from <= c && c < k; l[c] == 0.0);
          @ loop_writes l[from .. to - 1];
          @ decreases to - k;
          @*/
        for (int k = from; k < to; k++) {
            l[k] = 0.0;
        }
    }

    /*@ normal_behavior
      @   requires l != null && 0 <= n && n <= 46340 && n * n <= l.length;
      @   assignable \nothing;
      @   ensures n == 0 ==> \result;
      @*/
    /**
     * The conditioning half of the singularity rule on the diagonal of l: max(L_kk) finite and
     * min(L_kk)^2 &gt;= {@link #PIVOT_RATIO} max(L_kk)^2 (true for n = 0).
     */
    static boolean conditioned(double[] l, int n) {
        double min = INFINITY;
        double max = 0.0;
        /*@ loop_invariant 0 <= k && k <= n;
          @ loop_writes \nothing;
          @ decreases n - k;
          @*/
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

    /*@ normal_behavior
      @   requires l != null && b != null && 0 <= at && 0 <= count && at + count <= l.length && count <= b.length;
      @   assignable \nothing;
      @*/
    /** s - sum_{k &lt; count} l[at + k] b[k], subtracting in increasing k. */
    static double minusDot(double s, double[] l, int at, double[] b, int count) {
        /*@ loop_invariant 0 <= k && k <= count;
          @ loop_writes \nothing;
          @ decreases count - k;
          @*/
        for (int k = 0; k < count; k++) {
            s -= l[at + k] * b[k];
        }
        return s;
    }

    /*@ public normal_behavior
      @   requires l != null && b != null && l != b;
      @   requires 0 <= n && n <= 46340 && n * n <= l.length && n <= b.length;
      @   requires (\forall int i; 0 <= i && i < n; l[i * n + i] != 0.0);
      @   assignable b[0 .. n - 1];
      @*/
    /**
     * Forward substitution in place: b := L^{-1} b.
     *
     * @param l n x n row-major lower-triangular factor with a non-zero diagonal; not modified
     * @param b length &gt;= n, overwritten
     * @param n the order
     */
    public static void forward(double[] l, double[] b, int n) {
        /*@ loop_invariant 0 <= i && i <= n;
          @ loop_writes b[0 .. n - 1];
          @ decreases n - i;
          @*/
        for (int i = 0; i < n; i++) {
            int row = i * n;
            b[i] = minusDot(b[i], l, row, b, i) / l[row + i];
        }
    }

    /*@ public normal_behavior
      @   requires l != null && b != null && l != b;
      @   requires 0 <= n && n <= 46340 && n * n <= l.length && n <= b.length;
      @   requires (\forall int i; 0 <= i && i < n; l[i * n + i] != 0.0);
      @   assignable b[0 .. n - 1];
      @*/
    /**
     * Back substitution in place: b := L^{-T} b.
     *
     * @param l n x n row-major lower-triangular factor with a non-zero diagonal; not modified
     * @param b length &gt;= n, overwritten
     * @param n the order
     */
    public static void backward(double[] l, double[] b, int n) {
        /*@ loop_invariant -1 <= i && i < n;
          @ loop_writes b[0 .. n - 1];
          @ decreases i + 1;
          @*/
        for (int i = n - 1; i >= 0; i--) {
            double sum = b[i];
            /*@ loop_invariant i + 1 <= k && k <= n;
              @ loop_writes \nothing;
              @ decreases n - k;
              @*/
            for (int k = i + 1; k < n; k++) {
                sum -= l[k * n + i] * b[k];
            }
            b[i] = sum / l[i * n + i];
        }
    }

    /*@ public normal_behavior
      @   requires a != null && b != null && x != null && l != null;
      @   requires l != a && l != b && l != x && x != a;
      @   requires 0 <= n && n <= 46340 && n * n <= a.length && n * n <= l.length && n <= b.length
      @         && n <= x.length;
      @   assignable x[0 .. n - 1], l[0 .. n * n - 1];
      @   ensures \result ==> (\forall int i; 0 <= i && i < n; x[i] - x[i] == 0.0);
      @*/
    /**
     * Solves a x = b for SPD a: {@link #factor} into the work array l, then the two substitutions on x.
     *
     * @param a n x n row-major; not modified
     * @param b right-hand side, length &gt;= n; not modified (may be the same array as x)
     * @param x solution, length &gt;= n; overwritten (unspecified when false is returned); every entry finite
     *     (x - x == 0) when true is returned
     * @param l work array of n x n, distinct from a, b and x; overwritten with the factor
     * @param n the order
     * @return false if a is singular by the rule of this class or a solution entry is not finite
     */
    public static boolean solve(double[] a, double[] b, double[] x, double[] l, int n) {
        if (!factor(a, l, n)) {
            return false;
        }
        copy(b, x, n);
        forward(l, x, n);
        backward(l, x, n);
        return finite(x, n);
    }

    /*@ normal_behavior
      @   requires b != null && x != null && 0 <= n && n <= b.length && n <= x.length;
      @   assignable x[0 .. n - 1];
      @   ensures (\forall int k; 0 <= k && k < n; x[k] == b[k]);
      @*/
    /** x[0 .. n - 1] = b[0 .. n - 1] (b may be x). */
    static void copy(double[] b, double[] x, int n) {
        /*@ loop_invariant 0 <= i && i <= n;
          @ loop_invariant (\forall int k; 0 <= k && k < i; x[k] == b[k]);
          @ loop_writes x[0 .. n - 1];
          @ decreases n - i;
          @*/
        for (int i = 0; i < n; i++) {
            x[i] = b[i];
        }
    }

    /*@ normal_behavior
      @   requires x != null && 0 <= n && n <= x.length;
      @   assignable \nothing;
      @   ensures \result <==> (\forall int k; 0 <= k && k < n; x[k] - x[k] == 0.0);
      @*/
    /** Whether x[0 .. n - 1] are all finite (x - x == 0 is false exactly for NaN and the infinities). */
    static boolean finite(double[] x, int n) {
        /*@ loop_invariant 0 <= i && i <= n;
          @ loop_invariant (\forall int k; 0 <= k && k < i; x[k] - x[k] == 0.0);
          @ loop_writes \nothing;
          @ decreases n - i;
          @*/
        for (int i = 0; i < n; i++) {
            if (!(x[i] - x[i] == 0.0)) {
                return false;
            }
        }
        return true;
    }
}
