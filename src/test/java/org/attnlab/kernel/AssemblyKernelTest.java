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
                    dim * dim + 2 * dim, fo, fo + n * dim, null);
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
     * Samples whose bands span exactly WINDOW - 1 and WINDOW + 0 coefficients beyond their first (the last that fits
     * one window, and the first that does not), placed at the left edge, the middle and the right edge of the
     * basis: against the straightforward loops, and the work arrays cleared.
     */
    @ParameterizedTest
    @CsvSource({
        // p, first piece, last piece (span = last + p - first)
        "2, 0, 5",
        "2, 0, 6",
        "2, 4, 9",
        "2, 4, 10",
        "2, 10, 15",
        "2, 9, 15",
        "3, 0, 4",
        "3, 0, 5",
        "3, 8, 12",
        "3, 7, 12",
    })
    void samplesAtTheWindowWidthAndOneWider(int p, int first, int last) {
        int pieces = p == 2 ? 16 : 13;
        int tokens = 4;
        int samples = 3;
        double lo = -1.0;
        double hi = 1.0;
        double scale = pieces / 2.0;
        // r = 1, P = 1: the score of (i, j) is Q_j; the pieces of a sample's scores: first, last and two between
        double[] pp = new double[samples * tokens];
        double[] qq = new double[samples * tokens];
        double[] y = new double[samples * tokens];
        SplittableRandom rnd = new SplittableRandom(13L * first + last + p);
        for (int m = 0; m < samples; m++) {
            int[] at = {first, last, (first + last) / 2, first + 1};
            for (int i = 0; i < tokens; i++) {
                pp[m * tokens + i] = 1.0;
                qq[m * tokens + i] = lo + (at[i] + rnd.nextDouble(0.05, 0.95)) / scale;
                y[m * tokens + i] = rnd.nextGaussian();
            }
        }
        int n = pieces + p;
        double[] gram = new double[n * n];
        double[] rhs = new double[n];
        double[] magnitude = new double[2];
        NaiveAssembly.normalEquations(pp, qq, y, 1, tokens, samples, lo, hi, scale, pieces, p, gram, rhs, magnitude);
        double[] out = new double[n * n + n];
        double[] feature = new double[AssemblyKernel.featureLength(tokens, n)];
        int w = AssemblyKernel.WINDOW;
        double[] block = new double[w * (w + 1)];
        AssemblyKernel.normalEquations(pp, qq, y, 1, tokens, 0, samples, lo, hi, scale, pieces, p,
                1.0 / (tokens - 1), new int[2 * tokens], feature, new double[p + 1], block, out, 0, n * n);
        for (int a = 0; a < n; a++) {
            assertEquals(rhs[a], out[n * n + a], TOLERANCE * magnitude[1], "rhs " + a);
            for (int e = a; e < n; e++) {
                assertEquals(gram[a * n + e], out[a * n + e], TOLERANCE * magnitude[0], "gram " + a + "," + e);
            }
        }
        assertTrue(gram[last * n + last + p] > 0.0, "the last coefficient of the band is reached");
        for (double v : feature) {
            assertEquals(0.0, v, 0.0, "feature work array cleared");
        }
        for (double v : block) {
            assertEquals(0.0, v, 0.0, "block work array cleared");
        }
    }

    /**
     * sumOfSquares (in-range test first) against the general rules (ScoreKernel.position and piece for every pair,
     * then Horner), bit for bit, on the edge scores of {@link #edgeScores}: at s = R the position is exactly K and
     * belongs to the last piece.
     */
    @ParameterizedTest
    @CsvSource({
        // p, K, N, R
        "2, 16, 10, 1.0",
        "3, 13, 9, 1.0",
        "3, 4, 7, 1.3",
        "1, 5, 4, 0.7",
    })
    void sumOfSquaresAtTheEdgesFollowsTheGeneralRules(int p, int pieces, int tokens, double radius) {
        double lo = -radius;
        double hi = radius;
        double scale = pieces / (2.0 * radius);
        int samples = 30;
        double[] pp = edgeScores(samples * tokens, p, pieces, tokens, radius);
        double[] qq = new double[pp.length];
        java.util.Arrays.fill(qq, 1.0);
        SplittableRandom rnd = new SplittableRandom(5L * p + pieces);
        double[] y = new double[pp.length];
        for (int k = 0; k < y.length; k++) {
            y[k] = rnd.nextGaussian();
        }
        double[] c = new double[pieces + p];
        for (int k = 0; k < c.length; k++) {
            c[k] = rnd.nextGaussian();
        }
        double[] table = new double[pieces * (p + 1)];
        AssemblyKernel.piecePolynomials(c, p, pieces, table, new double[(p + 1) * (p + 1)], new double[2 * (p + 1)]);
        double weight = 1.0 / (tokens - 1);
        double want = 0.0;
        for (int m = 0; m < samples; m++) {
            for (int i = 0; i < tokens; i++) {
                double pred = 0.0;
                for (int k = 0; k < tokens - 1; k++) {
                    double t = ScoreKernel.position(pp[m * tokens + PairKernel.partner(tokens, i, k)], lo, hi, scale);
                    int piece = ScoreKernel.piece(t, pieces);
                    pred += AssemblyKernel.horner(table, piece * (p + 1), p, t - piece);
                }
                double res = y[m * tokens + i] - weight * pred;
                want += res * res;
            }
        }
        double got = AssemblyKernel.sumOfSquares(qq, pp, y, 1, tokens, 0, samples, lo, hi, scale, pieces, p, weight,
                table);
        assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(got));
    }

    /**
     * Scores for r = 1 with Q = 1: a third at or next to the edges of [-R, R], at piece boundaries, far outside,
     * NaN or infinite; the rest uniform in [-1.2 R, 1.2 R].
     */
    static double[] edgeScores(int count, int p, int pieces, int tokens, double radius) {
        double lo = -radius;
        double hi = radius;
        double h = 2.0 * radius / pieces;
        double[] special = {lo, hi, Math.nextUp(lo), Math.nextDown(lo), Math.nextDown(hi), Math.nextUp(hi),
            lo + h, lo + 2 * h, hi - h, Math.nextDown(lo + h), 5.0 * hi, 5.0 * lo, Double.NaN, 0.0, -0.0,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        SplittableRandom rnd = new SplittableRandom(31L * p + pieces + tokens);
        double[] out = new double[count];
        for (int k = 0; k < count; k++) {
            out[k] = rnd.nextInt(3) == 0 ? special[rnd.nextInt(special.length)] : rnd.nextDouble(-1.2, 1.2) * radius;
        }
        return out;
    }

    /**
     * The closed-form token loops (two partners per pass, the in-range test first) against the general rules of
     * {@link AssemblyKernel#tokenGeneral} (ScoreKernel.position, piece and values, one partner per pass), bit for
     * bit: scores exactly at -R and R, just inside and outside, far outside, NaN, at piece boundaries, and at the
     * right end where t = K belongs to the last piece; N - 1 even and odd (the last partner alone).
     */
    @ParameterizedTest
    @CsvSource({
        // p, K, N, R
        "2, 16, 10, 1.0",
        "2, 5, 9, 1.0",
        "2, 1, 4, 0.7",
        "3, 13, 10, 1.0",
        "3, 4, 7, 1.3",
        "3, 30, 2, 1.0",
        "3, 7, 3, 0.7",
    })
    void closedFormTokensEqualTheGeneralRulesBitForBit(int p, int pieces, int tokens, double radius) {
        double lo = -radius;
        double hi = radius;
        double scale = pieces / (2.0 * radius);
        int nb = pieces + p;
        int samples = 40;
        // r = 1, P and Q swapped below: the score of (i, j) is pp[j]
        double[] pp = edgeScores(samples * tokens, p, pieces, tokens, radius);
        double[] qq = new double[samples * tokens];
        java.util.Arrays.fill(qq, 1.0);
        int second = tokens * nb;
        for (int m = 0; m < samples; m++) {
            for (int i = 0; i < tokens; i++) {
                double[] want = new double[2 * second];
                double[] got = new double[2 * second];
                int[] wantBounds = new int[2 * tokens];
                int[] gotBounds = new int[2 * tokens];
                int row = i * nb;
                AssemblyKernel.tokenGeneral(qq, pp, 1, tokens, m * tokens, i, lo, hi, scale, pieces, p,
                        new double[p + 1], want, row, row + second, wantBounds);
                if (p == 2) {
                    AssemblyKernel.tokenDegree2(qq, pp, 1, tokens, m * tokens, i, lo, hi, scale, pieces, got, row,
                            row + second, gotBounds);
                } else {
                    AssemblyKernel.tokenDegree3(qq, pp, 1, tokens, m * tokens, i, lo, hi, scale, pieces, got, row,
                            row + second, gotBounds);
                }
                for (int a = 0; a < want.length; a++) {
                    assertEquals(Double.doubleToRawLongBits(want[a]), Double.doubleToRawLongBits(got[a]),
                            "sample " + m + " token " + i + " entry " + a);
                }
                assertEquals(wantBounds[2 * i], gotBounds[2 * i], "smallest piece");
                assertEquals(wantBounds[2 * i + 1], gotBounds[2 * i + 1], "largest piece");
            }
        }
    }

    /**
     * foldOuterWindow against its definition, foldBand + outerWindow + clearBand on the same window, bit for bit,
     * with a stride larger than the window and nonzero entries around the window that must stay untouched.
     */
    @Test
    void foldOuterWindowIsFoldThenOuterThenClear() {
        SplittableRandom rnd = new SplittableRandom(77);
        int nb = 13;
        int second = 3 * nb;
        int at = nb + 4;
        double[] f = new double[2 * second];
        for (int k = 0; k < f.length; k++) {
            f[k] = rnd.nextDouble(-1.0, 1.0);
        }
        double[] g = f.clone();
        int stride = nb;
        int gram = 5;
        int rhs = gram + 8 * stride + 3;
        double[] want = new double[rhs + 8 + 4];
        for (int k = 0; k < want.length; k++) {
            want[k] = rnd.nextDouble(-1.0, 1.0);
        }
        double[] got = want.clone();
        double weight = 1.0 / 7.0;
        double yi = -0.37;
        AssemblyKernel.foldBand(f, at, second, 0, 7, weight);
        AssemblyKernel.outerWindow(f, at, yi, want, gram, stride, rhs);
        AssemblyKernel.clearBand(f, at, 0, 7);
        AssemblyKernel.foldOuterWindow(g, at, second, weight, yi, got, gram, stride, rhs);
        for (int k = 0; k < want.length; k++) {
            assertEquals(Double.doubleToRawLongBits(want[k]), Double.doubleToRawLongBits(got[k]), "dst " + k);
        }
        for (int k = 0; k < f.length; k++) {
            assertEquals(Double.doubleToRawLongBits(f[k]), Double.doubleToRawLongBits(g[k]), "f " + k);
        }
        for (int k = 0; k < 8; k++) {
            assertEquals(0.0, g[at + k], 0.0);
            assertEquals(0.0, g[at + second + k], 0.0);
        }
        assertTrue(g[at - 1] != 0.0 && g[at + 8] != 0.0 && g[at + second + 8] != 0.0, "outside the window kept");
    }

    /**
     * {@link AssemblyKernel#pairScore} is {@link AssemblyKernel#score} bit for bit at ranks 1..4, on random rows
     * with zeros, signed zeros, infinities and NaN among them.
     */
    @Test
    void pairScoreIsScore() {
        SplittableRandom rnd = new SplittableRandom(71);
        double[] special = {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 1e-310, 1e300};
        for (int r = 1; r <= 4; r++) {
            int rows = 9;
            double[] p = new double[rows * r];
            double[] q = new double[rows * r];
            for (int k = 0; k < rows * r; k++) {
                p[k] = rnd.nextInt(5) == 0 ? special[rnd.nextInt(special.length)] : rnd.nextGaussian();
                q[k] = rnd.nextInt(5) == 0 ? special[rnd.nextInt(special.length)] : rnd.nextGaussian();
            }
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < rows; j++) {
                    double want = AssemblyKernel.score(p, q, r, i * r, j * r);
                    double got = AssemblyKernel.pairScore(p, q, r, i * r, p[i * r], j);
                    assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(got),
                            "r = " + r + ", i = " + i + ", j = " + j);
                }
            }
        }
    }

    /**
     * The rank-1 copies of the pair loops (C2 specialises them on r = 1 through {@link AssemblyKernel#pairScore})
     * give the bytes of the general copies: the same projections once at rank 1 and once at rank 2 with a zero
     * second column (s = P_i1 Q_j1 + 0 0, the same double up to the sign of a zero score, which gives the same
     * position) give bit-identical normal equations and sums of squares, for the closed-form degrees 2 and 3 (at
     * p = 1 the normal equations take the general token loop, which has no rank-1 copy, and the case checks the sum
     * of squares'), with samples in one window, wide tokens and scores outside [-R, R].
     */
    @ParameterizedTest
    @CsvSource({
        // p, K, N, M
        "2, 16, 10, 60",
        "2, 5, 9, 40",
        "3, 13, 10, 60",
        "3, 4, 7, 40",
        "1, 9, 5, 30",
    })
    void rankOnePathsGiveTheBytesOfTheGeneralPaths(int p, int pieces, int tokens, int m) {
        double[][] one = projections(m, tokens, 1, 500L * p + pieces);
        double[][] two = {new double[2 * m * tokens], new double[2 * m * tokens], one[2]};
        for (int k = 0; k < m * tokens; k++) {
            two[0][2 * k] = one[0][k];
            two[1][2 * k] = one[1][k];
        }
        double scale = pieces / 2.0;
        int n = pieces + p;
        int w = AssemblyKernel.WINDOW;
        double weight = 1.0 / (tokens - 1);
        double[][] outs = new double[2][];
        double[] sse = new double[2];
        double[] c = new double[n];
        for (int a = 0; a < n; a++) {
            c[a] = Math.sin(a + 1.0);
        }
        double[] table = new double[pieces * (p + 1)];
        AssemblyKernel.piecePolynomials(c, p, pieces, table, new double[(p + 1) * (p + 1)], new double[2 * (p + 1)]);
        for (int r = 1; r <= 2; r++) {
            double[][] pqy = r == 1 ? one : two;
            double[] out = new double[n * n + n];
            AssemblyKernel.normalEquations(pqy[0], pqy[1], pqy[2], r, tokens, 0, m, -1.0, 1.0, scale, pieces, p,
                    weight, new int[2 * tokens], new double[AssemblyKernel.featureLength(tokens, n)],
                    new double[p + 1], new double[w * (w + 1)], out, 0, n * n);
            outs[r - 1] = out;
            sse[r - 1] = AssemblyKernel.sumOfSquares(pqy[0], pqy[1], pqy[2], r, tokens, 0, m, -1.0, 1.0, scale,
                    pieces, p, weight, table);
        }
        for (int k = 0; k < n * n + n; k++) {
            assertEquals(Double.doubleToRawLongBits(outs[1][k]), Double.doubleToRawLongBits(outs[0][k]), "entry " + k);
        }
        assertEquals(Double.doubleToRawLongBits(sse[1]), Double.doubleToRawLongBits(sse[0]), "sum of squares");
        assertTrue(outs[0][0] != 0.0 || outs[0][n * n - 1] != 0.0, "the equations are not empty");
    }

    /**
     * Relative to the largest entry: the same sums in another order, phi and phi' by Horner from power
     * coefficients (sum of |terms| is within a small factor of the largest entry for these random problems).
     */
    static final double GAUSS_NEWTON_TOLERANCE = 1e-12;
}
