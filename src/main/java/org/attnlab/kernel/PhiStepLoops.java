package org.attnlab.kernel;

/**
 * SIMD versions of the phi-step's loops in {@link AssemblyKernel} ({@code normalEquations}, {@code sumOfSquares}
 * and the token loops {@code gaussNewton} shares with them). An implementation (package
 * {@code org.attnlab.vector}, loaded by {@code org.attnlab.internal.Simd}) must give the same bytes as the scalar
 * loop of the same name for every input; the kernels take it as a parameter and run their own scalar loops when
 * it is null.
 *
 * <p>The vector loops vectorise the order-free part (lanes = partners j for the score, clamp, piece, local
 * coordinate and B values; lanes = the coefficients of one window for a token's rows and F F^T) and keep every sum
 * whose order matters in the scalar order. {@code VectorPhiStepTest} pins each method to the scalar loops bit for bit.
 */
public interface PhiStepLoops {

    /**
     * One sample of {@code AssemblyKernel.normalEquations} (degree 2 or 3, the sample at row {@code base}), the
     * same bytes as the scalar loops. If the bands of all its tokens fit one window of 8 coefficients (and n
     * &gt;= 8), its F F^T and y F are added to out as the scalar loops add them (each token's to the 8 x 8 block,
     * the block's upper triangle to G once per sample), block is left all 0, f and bounds are not touched, and
     * true is returned. Otherwise each token's even and odd rows f[i n + k..] and f[N n + i n + k..] receive its
     * partners' values as {@code tokenDegree2}/{@code tokenDegree3} give them, bounds[2 i], bounds[2 i + 1] its
     * smallest and largest piece, nothing else is written, and false is returned.
     *
     * @param p projections P, row-major (M N) x r; not modified
     * @param q projections Q, row-major (M N) x r; not modified
     * @param y outputs, length M N; not modified
     * @param r rank, &gt;= 1
     * @param tokens N, &gt;= 2
     * @param base m N, the sample's first row
     * @param lo -R
     * @param hi R
     * @param scale K / (2 R)
     * @param pieces K &gt;= 1
     * @param degree p, 2 or 3
     * @param weight w = 1/(N - 1)
     * @param f the rows, length &gt;= 2 N n, all 0 on entry
     * @param nb n = K + p
     * @param bounds length &gt;= 2 N
     * @param block work array, length &gt;= 72, all 0 on entry and on return
     * @param out the sums: G (upper triangle, row-major n x n) at gram, b at rhs
     * @param gram offset of G in out
     * @param rhs offset of b in out
     * @return whether the sample was in one window (and added to out)
     */
    boolean sample(double[] p, double[] q, double[] y, int r, int tokens, int base, double lo, double hi,
                   double scale, int pieces, int degree, double weight, double[] f, int nb, int[] bounds,
                   double[] block, double[] out, int gram, int rhs);

    /**
     * {@code AssemblyKernel.sumOfSquares} for degree 2 or 3: the same arguments and the same bytes.
     */
    double sumOfSquares(double[] p, double[] q, double[] y, int r, int tokens, int m0, int m1, double lo,
                        double hi, double scale, int pieces, int degree, double weight, double[] table);
}
