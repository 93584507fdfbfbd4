package org.attnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link AssemblyKernel} against the straightforward loops of {@link NaiveAssembly}, on projections built so
 * that some samples fall in one window, some tokens are wide, and some scores lie outside [-R, R].
 */
class AssemblyKernelTest {

    /** Relative to the sum of |terms| of the largest entry: the same terms summed in another order. */
    static final double TOLERANCE = 1e-14;

    /**
     * Projections of M samples: in each sample P = a + spread n_i, Q = 1 + spread n'_j (r columns, the first
     * carrying the level), with a uniform in [-1.3, 1.3] (beyond R = 1 for some) and spread 0.002 (narrow:
     * the sample in one window), 0.05 or 1 (wide tokens).
     */
    static double[][] projections(int m, int tokens, int r, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] p = new double[m * tokens * r];
        double[] q = new double[m * tokens * r];
        double[] y = new double[m * tokens];
        double[] spreads = {0.002, 0.05, 1.0};
        for (int s = 0; s < m; s++) {
            double level = rnd.nextDouble(-1.3, 1.3) / Math.sqrt(r);
            double spread = spreads[rnd.nextInt(3)];
            for (int i = 0; i < tokens; i++) {
                for (int b = 0; b < r; b++) {
                    int at = (s * tokens + i) * r + b;
                    p[at] = level + spread * rnd.nextGaussian();
                    q[at] = 1.0 + spread * rnd.nextGaussian();
                }
                y[s * tokens + i] = rnd.nextGaussian();
            }
        }
        return new double[][] {p, q, y};
    }

    @ParameterizedTest
    @CsvSource({
        // p, K, r, N, M
        "2, 16, 1, 10, 60",
        "2, 6, 1, 10, 60",
        "2, 5, 1, 4, 40",
        "2, 40, 2, 5, 50",
        "2, 1, 1, 3, 20",
        "3, 13, 1, 10, 60",
        "3, 5, 1, 10, 60",
        "3, 4, 3, 6, 40",
        "3, 30, 1, 2, 40",
        "0, 7, 1, 5, 30",
        "1, 9, 2, 5, 30",
        "4, 6, 1, 5, 30",
        "7, 3, 1, 4, 20",
    })
    void normalEquationsEqualTheStraightforwardLoops(int p, int pieces, int r, int tokens, int m) {
        double[][] pqy = projections(m, tokens, r, 1000L * p + pieces + 7L * r);
        double lo = -1.0;
        double hi = 1.0;
        double scale = pieces / 2.0;
        int n = pieces + p;
        double[] gram = new double[n * n];
        double[] rhs = new double[n];
        double[] magnitude = new double[2];
        NaiveAssembly.normalEquations(pqy[0], pqy[1], pqy[2], r, tokens, m, lo, hi, scale, pieces, p, gram, rhs,
                magnitude);
        double weight = 1.0 / (tokens - 1);
        int w = AssemblyKernel.WINDOW;
        // an offset and a sentinel around the output, to see that nothing else is written
        int gramAt = 3;
        int rhsAt = gramAt + n * n + 2;
        double[] out = new double[rhsAt + n + 3];
        java.util.Arrays.fill(out, 7.0);
        for (int a = 0; a < n * n; a++) {
            out[gramAt + a] = 0.0;
        }
        for (int a = 0; a < n; a++) {
            out[rhsAt + a] = 0.0;
        }
        double[] feature = new double[AssemblyKernel.featureLength(tokens, n)];
        double[] block = new double[w * (w + 1)];
        // two calls over consecutive sample ranges add up
        int half = m / 2;
        AssemblyKernel.normalEquations(pqy[0], pqy[1], pqy[2], r, tokens, 0, half, lo, hi, scale, pieces, p,
                weight, new int[2 * tokens], feature, new double[p + 1], block, out, gramAt, rhsAt);
        AssemblyKernel.normalEquations(pqy[0], pqy[1], pqy[2], r, tokens, half, m, lo, hi, scale, pieces, p,
                weight, new int[2 * tokens], feature, new double[p + 1], block, out, gramAt, rhsAt);
        for (int a = 0; a < n; a++) {
            assertEquals(rhs[a], out[rhsAt + a], TOLERANCE * magnitude[1], "rhs " + a);
            for (int e = 0; e < n; e++) {
                double got = e >= a ? out[gramAt + a * n + e] : 0.0;
                double want = e >= a ? gram[a * n + e] : 0.0;
                assertEquals(want, got, TOLERANCE * magnitude[0], "gram " + a + "," + e);
            }
        }
        for (int a = 0; a < gramAt; a++) {
            assertEquals(7.0, out[a], 0.0);
        }
        assertEquals(7.0, out[rhsAt - 1], 0.0);
        assertEquals(7.0, out[out.length - 1], 0.0);
        for (double v : feature) {
            assertEquals(0.0, v, 0.0, "feature work array cleared");
        }
        for (double v : block) {
            assertEquals(0.0, v, 0.0, "block work array cleared");
        }
        assertTrue(magnitude[0] > 0);
    }

    @ParameterizedTest
    @CsvSource({
        // p, K, r, N, M
        "2, 16, 1, 10, 60",
        "3, 13, 1, 10, 60",
        "3, 4, 3, 6, 40",
        "0, 7, 1, 5, 30",
        "1, 9, 2, 5, 30",
        "5, 3, 1, 4, 20",
    })
    void sumOfSquaresEqualsTheStraightforwardLoop(int p, int pieces, int r, int tokens, int m) {
        double[][] pqy = projections(m, tokens, r, 300L * p + pieces + 11L * r);
        double[] c = new double[pieces + p];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(p + 17L * pieces);
        for (int k = 0; k < c.length; k++) {
            c[k] = rnd.nextGaussian() * (1 + k % 3);
        }
        double scale = pieces / 2.0;
        double[] want = NaiveAssembly.sumOfSquares(pqy[0], pqy[1], pqy[2], r, tokens, m, -1.0, 1.0, scale, pieces, p,
                c);
        double[] table = new double[pieces * (p + 1)];
        AssemblyKernel.piecePolynomials(c, p, pieces, table, new double[(p + 1) * (p + 1)], new double[2 * (p + 1)]);
        int half = m / 3;
        double got = AssemblyKernel.sumOfSquares(pqy[0], pqy[1], pqy[2], r, tokens, 0, half, -1.0, 1.0, scale,
                pieces, p, 1.0 / (tokens - 1), table)
                + AssemblyKernel.sumOfSquares(pqy[0], pqy[1], pqy[2], r, tokens, half, m, -1.0, 1.0, scale, pieces, p,
                1.0 / (tokens - 1), table);
        assertEquals(want[0], got, POLYNOMIAL_TOLERANCE * want[1]);
    }

    /**
     * phi by Horner from power coefficients against c . B(u): each prediction within a few ulps of sum |c_k| B_k
     * (the power coefficients are sums of at most p + 1 terms of size |c| times small rationals).
     */
    static final double POLYNOMIAL_TOLERANCE = 1e-13;

    /**
     * The grouped Gauss-Newton sums against one token at a time with full rows: the M N tokens fill several
     * groups of 8 rows and, for M N not a multiple of 8 (27 x 5 = 135, 33 x 4 = 132, 50 x 3 = 150), leave a partial
     * one; ranks 1 to 3 and dimensions 2 to 30.
     */
    @ParameterizedTest
    @CsvSource({
        // p, K, r, d, N, M
        "3, 13, 1, 30, 10, 20",
        "2, 16, 1, 5, 10, 30",
        "3, 5, 2, 3, 6, 40",
        "1, 7, 1, 7, 5, 27",
        "2, 4, 3, 3, 4, 33",
        "0, 6, 1, 2, 3, 50",
    })
    void gaussNewtonEqualsTheStraightforwardLoop(int p, int pieces, int r, int d, int tokens, int m) {
        double[][] pqy = projections(m, tokens, r, 500L * p + pieces + 13L * r + d);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(41L * d + p);
        double[] x = new double[m * tokens * d];
        for (int k = 0; k < x.length; k++) {
            x[k] = rnd.nextDouble(-1.0, 1.0);
        }
        double[] c = new double[pieces + p];
        for (int k = 0; k < c.length; k++) {
            c[k] = rnd.nextGaussian();
        }
        double scale = pieces / 2.0;
        double sAbs = 0.9;
        double[] want = NaiveAssembly.gaussNewton(x, pqy[2], pqy[0], pqy[1], r, d, tokens, m, -1.0, 1.0, scale,
                pieces, p, c, sAbs);
        int dim = 2 * d * r;
        double[] values = new double[pieces * (p + 1)];
        double[] slopes = new double[pieces * (p + 1)];
        AssemblyKernel.piecePolynomials(c, p, pieces, values, new double[(p + 1) * (p + 1)], new double[2 * (p + 1)]);
        for (int k = 0; k < pieces; k++) {
            for (int a = 0; a <= p; a++) {
                slopes[k * (p + 1) + a] = a < p ? (a + 1) * values[k * (p + 1) + a + 1] * scale : 0.0;
            }
        }
        int block = AssemblyKernel.BLOCK;
        int n = pieces + p;
        int fo = dim * dim + 2 * dim + 3;
        double[] out = new double[fo + n * dim + n];
        double[] features = new double[2 * n];
        double[] fbuf = new double[block * n];
        double[] wv = new double[r];
        double[] z = new double[d];
        int half = m / 2;
        for (int[] range : new int[][] {{0, half}, {half, m}}) {
            AssemblyKernel.gaussNewton(x, pqy[2], pqy[0], pqy[1], r, d, tokens, range[0], range[1], -1.0, 1.0,
                    scale, pieces, p, 1.0 / (tokens - 1), values, slopes, sAbs, new int[tokens],
                    new double[tokens], wv, z, new double[block * dim], new double[block], new double[block],
                    new int[2 * tokens], features, new double[p + 1], fbuf, out, 0, dim * dim, dim * dim + dim,
                    dim * dim + 2 * dim, fo, fo + n * dim);
        }
        double jMax = 0.0;
        double vMax = 0.0;
        for (int a = 0; a < dim * dim; a++) {
            jMax = Math.max(jMax, Math.abs(want[a]));
        }
        for (int a = dim * dim; a < fo; a++) {
            vMax = Math.max(vMax, Math.abs(want[a]));
        }
        double fMax = 0.0;
        for (int a = fo; a < want.length; a++) {
            fMax = Math.max(fMax, Math.abs(want[a]));
        }
        for (int a = 0; a < dim; a++) {
            for (int e = a; e < dim; e++) {
                assertEquals(want[a * dim + e], out[a * dim + e], GAUSS_NEWTON_TOLERANCE * jMax, "jtj " + a + "," + e);
            }
        }
        for (int a = dim * dim; a < fo; a++) {
            assertEquals(want[a], out[a], GAUSS_NEWTON_TOLERANCE * vMax, "entry " + a);
        }
        // F^T J and sum kappa F (the blocks of the variable-projection step); nonzero for p >= 1 (phi' = 0 for
        // p = 0), so the check can fail
        assertTrue(p == 0 || fMax > 0.0, "F^T J is all zero");
        for (int a = fo; a < want.length; a++) {
            assertEquals(want[a], out[a], GAUSS_NEWTON_TOLERANCE * fMax, "feature entry " + a);
        }
        for (double v : features) {
            assertEquals(0.0, v, 0.0);
        }
        for (double v : fbuf) {
            assertEquals(0.0, v, 0.0);
        }
        for (double v : wv) {
            assertEquals(0.0, v, 0.0);
        }
        for (double v : z) {
            assertEquals(0.0, v, 0.0);
        }
    }

    /**
     * Relative to the largest entry: the same sums in another order, phi and phi' by Horner from power
     * coefficients (sum of |terms| is within a small factor of the largest entry for these random problems).
     */
    static final double GAUSS_NEWTON_TOLERANCE = 1e-12;
}
