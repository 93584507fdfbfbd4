package org.attnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link CoercivityKernel} against straightforward computations written from the definitions (b_ij, F_i, the
 * Gram matrices, max |s_ij|, c^T G c, the kept set), with sentinels around every output range to see that nothing
 * outside the contract's frame is written. Each helper's contract (frame, values) is exercised on random
 * arguments from a fixed seed, including empty ranges and ranges at the ends of the arrays.
 */
class CoercivityKernelTest {

    private static final double SENTINEL = 7.0;

    /** Tokens of m samples of n tokens in dimension d, in [-1, 1], and a d x d matrix A with entries in [-1, 1]. */
    private static double[][] tokensAndA(int m, int n, int d, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[m * n * d];
        for (int k = 0; k < x.length; k++) {
            x[k] = rnd.nextDouble(-1.0, 1.0);
        }
        double[] a = new double[d * d];
        for (int k = 0; k < a.length; k++) {
            a[k] = rnd.nextDouble(-1.0, 1.0);
        }
        return new double[][] {x, a};
    }

    /** s_ij = sum_k sum_l x_ik A_kl x_jl, directly. */
    private static double score(double[] x, double[] a, int d, int row, int col) {
        double s = 0.0;
        for (int k = 0; k < d; k++) {
            for (int l = 0; l < d; l++) {
                s += x[row * d + k] * a[k * d + l] * x[col * d + l];
            }
        }
        return s;
    }

    /** b_ij: the n basis values at s (clamped to [lo, hi]), from ScoreKernel's cardinal pieces. */
    private static double[] basisVector(double s, double lo, double hi, int pieces, int degree) {
        double scale = pieces / (hi - lo);
        double t = (Math.min(Math.max(s, lo), hi) - lo) * scale;
        int piece = (int) Math.min(Math.max(Math.floor(t), 0), pieces - 1);
        double[] vals = new double[degree + 1];
        ScoreKernel.values(t - piece, degree, vals);
        double[] b = new double[pieces + degree];
        for (int e = 0; e <= degree; e++) {
            b[piece + e] = vals[e];
        }
        return b;
    }

    @ParameterizedTest
    @CsvSource({
        // d, N, M, m0, m1, pieces, degree, hi
        "3, 5, 12, 0, 12, 6, 2, 1.5",
        "1, 2, 20, 3, 17, 4, 0, 0.5",
        "4, 7, 6, 1, 5, 5, 3, 2.0",
        "2, 3, 10, 0, 10, 1, 1, 1.0",
        "5, 4, 8, 2, 8, 9, 4, 0.7",
        "2, 6, 5, 5, 5, 3, 2, 1.0",
    })
    void accumulateEqualsTheDefinitionAndWritesOnlyItsBlock(int d, int n, int m, int m0, int m1, int pieces,
                                                            int degree, double hi) {
        double[][] xa = tokensAndA(m, n, d, 31L * d + n + 7L * pieces);
        double[] x = xa[0];
        double[] a = xa[1];
        double lo = -hi;
        int nb = pieces + degree;
        double w = 1.0 / (n - 1);
        double[] aggNaive = new double[nb * nb];
        double[] pairNaive = new double[nb * nb];
        for (int s = m0; s < m1; s++) {
            for (int i = 0; i < n; i++) {
                double[] f = new double[nb];
                for (int j = 0; j < n; j++) {
                    if (j == i) {
                        continue;
                    }
                    double[] b = basisVector(score(x, a, d, s * n + i, s * n + j), lo, hi, pieces, degree);
                    for (int e = 0; e < nb; e++) {
                        f[e] += b[e] * w;
                        for (int g = 0; g < nb; g++) {
                            pairNaive[e * nb + g] += b[e] * b[g];
                        }
                    }
                }
                for (int e = 0; e < nb; e++) {
                    for (int g = 0; g < nb; g++) {
                        aggNaive[e * nb + g] += f[e] * f[g];
                    }
                }
            }
        }
        int offset = 3;
        double[] agg = new double[offset + nb * nb + 2];
        double[] pair = new double[offset + nb * nb + 2];
        Arrays.fill(agg, SENTINEL);
        Arrays.fill(pair, SENTINEL);
        double[] xCopy = x.clone();
        double[] aCopy = a.clone();
        CoercivityKernel.accumulate(x, d, n, a, m0, m1, lo, hi, pieces / (hi - lo), pieces, degree, agg, pair,
                offset, new double[n * d], new double[nb], new double[degree + 1]);
        assertArrayEquals(xCopy, x, "x must not be modified");
        assertArrayEquals(aCopy, a, "a must not be modified");
        for (int k = 0; k < agg.length; k++) {
            if (k < offset || k >= offset + nb * nb) {
                assertEquals(SENTINEL, agg[k], "agg written outside its block at " + k);
                assertEquals(SENTINEL, pair[k], "pair written outside its block at " + k);
            } else {
                // the block started at SENTINEL: the kernel adds to it
                double scaleA = 1.0 + Math.abs(aggNaive[k - offset]);
                double scaleP = 1.0 + Math.abs(pairNaive[k - offset]);
                assertEquals(SENTINEL + aggNaive[k - offset], agg[k], 1e-12 * scaleA * (m1 - m0 + 1) * n, "agg " + k);
                assertEquals(SENTINEL + pairNaive[k - offset], pair[k], 1e-12 * scaleP * (m1 - m0 + 1) * n,
                        "pair " + k);
            }
        }
    }

    @Test
    void accumulateWritesOnlyTheWorkRangesOfItsWorkArrays() {
        int d = 3;
        int n = 4;
        int pieces = 5;
        int degree = 2;
        double[][] xa = tokensAndA(6, n, d, 5);
        double[] work = new double[n * d + 2];
        double[] f = new double[pieces + degree + 2];
        double[] vals = new double[degree + 3];
        Arrays.fill(work, SENTINEL);
        Arrays.fill(f, SENTINEL);
        Arrays.fill(vals, SENTINEL);
        int nb = pieces + degree;
        CoercivityKernel.accumulate(xa[0], d, n, xa[1], 0, 6, -1.0, 1.0, pieces / 2.0, pieces, degree,
                new double[nb * nb], new double[nb * nb], 0, work, f, vals);
        for (int k = n * d; k < work.length; k++) {
            assertEquals(SENTINEL, work[k]);
        }
        for (int k = nb; k < f.length; k++) {
            assertEquals(SENTINEL, f[k]);
        }
        for (int k = degree + 1; k < vals.length; k++) {
            assertEquals(SENTINEL, vals[k]);
        }
    }

    @ParameterizedTest
    @CsvSource({"3, 5, 12", "1, 2, 9", "6, 3, 4", "2, 8, 1", "4, 4, 0"})
    void largestScoreIsTheLargestAbsolutePairScore(int d, int n, int m) {
        double[][] xa = tokensAndA(Math.max(m, 1), n, d, 100L + d * n);
        double max = 0.0;
        for (int s = 0; s < m; s++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (i != j) {
                        max = Math.max(max, Math.abs(score(xa[0], xa[1], d, s * n + i, s * n + j)));
                    }
                }
            }
        }
        double[] work = new double[d + 1];
        work[d] = SENTINEL;
        double got = CoercivityKernel.largestScore(xa[0], d, n, m, xa[1], work);
        assertTrue(got >= 0.0);
        assertEquals(max, got, 1e-14 * (1.0 + max) * d * d);
        assertEquals(SENTINEL, work[d]);
    }

    @Test
    void projectRowsIsTheRowsTimesA() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 50; trial++) {
            int d = 1 + rnd.nextInt(5);
            int tokens = 1 + rnd.nextInt(5);
            int from = rnd.nextInt(4);
            double[] x = randomArray(rnd, from + tokens * d + rnd.nextInt(3));
            double[] a = randomArray(rnd, d * d);
            double[] out = new double[tokens * d + 2];
            Arrays.fill(out, SENTINEL);
            CoercivityKernel.projectRows(x, from, tokens, d, a, out);
            for (int i = 0; i < tokens; i++) {
                for (int l = 0; l < d; l++) {
                    double s = 0.0;
                    for (int k = 0; k < d; k++) {
                        s += x[from + i * d + k] * a[k * d + l];
                    }
                    assertEquals(s, out[i * d + l], 0.0, "same order, same bits");
                }
            }
            assertEquals(SENTINEL, out[tokens * d]);
            assertEquals(SENTINEL, out[tokens * d + 1]);
        }
    }

    @Test
    void quadraticIsCTransposeGC() {
        SplittableRandom rnd = new SplittableRandom(12);
        for (int trial = 0; trial < 50; trial++) {
            int nb = rnd.nextInt(6);
            int offset = rnd.nextInt(5);
            double[] g = randomArray(rnd, offset + nb * nb + rnd.nextInt(3));
            double[] c = randomArray(rnd, nb + rnd.nextInt(2));
            double expected = 0.0;
            for (int a = 0; a < nb; a++) {
                for (int b = 0; b < nb; b++) {
                    expected += c[a] * g[offset + a * nb + b] * c[b];
                }
            }
            double[] gCopy = g.clone();
            assertEquals(expected, CoercivityKernel.quadratic(g, offset, c, nb), 1e-13);
            assertArrayEquals(gCopy, g);
        }
    }

    @Test
    void keepMarksTheDiagonalEntriesAboveTheFloorTimesTheLargest() {
        SplittableRandom rnd = new SplittableRandom(13);
        for (int trial = 0; trial < 50; trial++) {
            int nb = rnd.nextInt(7);
            double[] g = randomArray(rnd, nb * nb);
            double max = 0.0;
            for (int k = 0; k < nb; k++) {
                g[k * nb + k] = rnd.nextInt(3) == 0 ? 1e-14 * rnd.nextDouble() : rnd.nextDouble();
                max = Math.max(max, g[k * nb + k]);
            }
            boolean[] kept = new boolean[nb + 1];
            kept[nb] = true;
            CoercivityKernel.keep(g, nb, 1e-12, kept);
            for (int k = 0; k < nb; k++) {
                assertEquals(g[k * nb + k] > 1e-12 * max, kept[k], "k = " + k);
            }
            assertTrue(kept[nb], "written past nb");
        }
    }

    @Test
    void keepIsStrictAtTheFloorAndSymmetrizeKeepsEveryDiagonalEntry() {
        // a diagonal entry exactly at floor * max is dropped (the rule is "above"); all-zero masses drop everything
        boolean[] kept = new boolean[3];
        CoercivityKernel.keep(new double[] {2.0, 0, 0, 0, 1.0, 0, 0, 0, 1.5}, 3, 0.5, kept);
        assertArrayEquals(new boolean[] {true, false, true}, kept);
        CoercivityKernel.keep(new double[4], 2, 1e-12, kept);
        assertArrayEquals(new boolean[] {false, false, true}, kept, "only the first nb entries are written");
        // the diagonal is not averaged with itself: 0.5 (x + x) overflows for the largest finite x
        double[] m = {Double.MAX_VALUE, 1.0, 3.0, -Double.MAX_VALUE};
        CoercivityKernel.symmetrize(m, 2);
        assertArrayEquals(new double[] {Double.MAX_VALUE, 2.0, 2.0, -Double.MAX_VALUE}, m);
    }

    @Test
    void restrictColumnSetColumnAndSymmetrize() {
        SplittableRandom rnd = new SplittableRandom(14);
        for (int trial = 0; trial < 50; trial++) {
            int nb = 1 + rnd.nextInt(6);
            double[] src = randomArray(rnd, nb * nb);
            boolean[] kept = new boolean[nb];
            for (int k = 0; k < nb; k++) {
                kept[k] = rnd.nextBoolean();
            }
            int[] idx = new int[nb];
            int size = CoercivityKernel.keptIndices(kept, nb, idx);
            double[] dst = new double[size * size + 1];
            dst[size * size] = SENTINEL;
            CoercivityKernel.restrict(src, nb, idx, size, dst);
            for (int r = 0; r < size; r++) {
                for (int c = 0; c < size; c++) {
                    assertEquals(src[idx[r] * nb + idx[c]], dst[r * size + c]);
                }
            }
            assertEquals(SENTINEL, dst[size * size]);
            if (size == 0) {
                continue;
            }
            int c = rnd.nextInt(size);
            double[] col = new double[size + 1];
            col[size] = SENTINEL;
            CoercivityKernel.column(dst, size, c, col);
            double[] copy = dst.clone();
            for (int r = 0; r < size; r++) {
                assertEquals(dst[r * size + c], col[r]);
                col[r] = -col[r];
            }
            assertEquals(SENTINEL, col[size]);
            CoercivityKernel.setColumn(dst, size, c, col);
            for (int r = 0; r < size; r++) {
                for (int cc = 0; cc < size; cc++) {
                    assertEquals(cc == c ? -copy[r * size + cc] : copy[r * size + cc], dst[r * size + cc]);
                }
            }
            assertEquals(SENTINEL, dst[size * size]);
            CoercivityKernel.symmetrize(dst, size);
            for (int r = 0; r < size; r++) {
                assertEquals(r == c ? -copy[r * size + r] : copy[r * size + r], dst[r * size + r], 0.0, "diagonal");
                for (int cc = 0; cc < r; cc++) {
                    double lower = cc == c ? -copy[r * size + cc] : copy[r * size + cc];
                    double upper = r == c ? -copy[cc * size + r] : copy[cc * size + r];
                    assertEquals(0.5 * (lower + upper), dst[r * size + cc], 0.0);
                    assertEquals(dst[r * size + cc], dst[cc * size + r], 0.0);
                }
            }
            assertEquals(SENTINEL, dst[size * size]);
        }
    }

    @Test
    void dotSumsTheProductsOfTheTwoRanges() {
        SplittableRandom rnd = new SplittableRandom(15);
        for (int trial = 0; trial < 100; trial++) {
            int count = rnd.nextInt(6);
            int u0 = rnd.nextInt(3);
            int v0 = rnd.nextInt(3);
            double[] u = randomArray(rnd, u0 + count);
            double[] v = randomArray(rnd, v0 + count);
            double s = 0.0;
            for (int l = 0; l < count; l++) {
                s += u[u0 + l] * v[v0 + l];
            }
            assertEquals(s, CoercivityKernel.dot(u, u0, v, v0, count), 0.0);
        }
        assertEquals(0.0, CoercivityKernel.dot(new double[0], 0, new double[0], 0, 0));
    }

    @Test
    void rangeHelpersWriteExactlyTheirFrame() {
        SplittableRandom rnd = new SplittableRandom(16);
        for (int trial = 0; trial < 200; trial++) {
            int count = rnd.nextInt(6);
            int at = rnd.nextInt(4);
            int from = rnd.nextInt(4);
            int len = at + count + rnd.nextInt(3);
            double[] src = randomArray(rnd, from + count + rnd.nextInt(3));
            double c = rnd.nextDouble(-2, 2);
            double w = rnd.nextDouble(-2, 2);
            double divisor = 1.0 + rnd.nextInt(50);
            double[] dst0 = randomArray(rnd, len);

            double[] dst = dst0.clone();
            CoercivityKernel.zeroRange(dst, at, at + count);
            for (int k = 0; k < len; k++) {
                assertEquals(k >= at && k < at + count ? 0.0 : dst0[k], dst[k], 0.0, "zeroRange " + k);
            }
            dst = dst0.clone();
            CoercivityKernel.addRange(dst, at, src, from, count);
            for (int k = 0; k < len; k++) {
                double want = k >= at && k < at + count ? dst0[k] + src[from + k - at] : dst0[k];
                assertEquals(want, dst[k], 0.0, "addRange " + k);
            }
            dst = dst0.clone();
            CoercivityKernel.addScaled(dst, at, c, src, Math.min(count, src.length));
            for (int k = 0; k < len; k++) {
                double want = k >= at && k < at + Math.min(count, src.length) ? dst0[k] + c * src[k - at] : dst0[k];
                assertEquals(want, dst[k], 0.0, "addScaled " + k);
            }
            dst = dst0.clone();
            CoercivityKernel.addScaledWeighted(dst, at, c, src, w, Math.min(count, src.length));
            for (int k = 0; k < len; k++) {
                double want = k >= at && k < at + Math.min(count, src.length) ? dst0[k] + c * src[k - at] * w
                        : dst0[k];
                assertEquals(want, dst[k], 0.0, "addScaledWeighted " + k);
            }
            dst = dst0.clone();
            CoercivityKernel.copyRange(src, from, dst, at, count);
            for (int k = 0; k < len; k++) {
                assertEquals(k >= at && k < at + count ? src[from + k - at] : dst0[k], dst[k], 0.0, "copyRange " + k);
            }
            // the helpers that write from index 0
            int n0 = Math.min(count, len);
            dst = dst0.clone();
            CoercivityKernel.divided(src, from, dst, n0, divisor);
            for (int k = 0; k < len; k++) {
                assertEquals(k < n0 ? src[from + k] / divisor : dst0[k], dst[k], 0.0, "divided " + k);
            }
            dst = dst0.clone();
            CoercivityKernel.divideAll(dst, n0, divisor);
            for (int k = 0; k < len; k++) {
                assertEquals(k < n0 ? dst0[k] / divisor : dst0[k], dst[k], 0.0, "divideAll " + k);
            }
            dst = dst0.clone();
            CoercivityKernel.addBlock(dst, src, from, n0);
            for (int k = 0; k < len; k++) {
                assertEquals(k < n0 ? dst0[k] + src[from + k] : dst0[k], dst[k], 0.0, "addBlock " + k);
            }
        }
    }

    @Test
    void keptIndicesAndScatter() {
        SplittableRandom rnd = new SplittableRandom(17);
        for (int trial = 0; trial < 100; trial++) {
            int nb = rnd.nextInt(8);
            boolean[] kept = new boolean[nb + 1];
            int expected = 0;
            for (int k = 0; k < nb; k++) {
                kept[k] = rnd.nextBoolean();
                expected += kept[k] ? 1 : 0;
            }
            kept[nb] = true; // past nb: never read
            int[] idx = new int[nb + 1];
            Arrays.fill(idx, -5);
            int size = CoercivityKernel.keptIndices(kept, nb, idx);
            assertEquals(expected, size);
            for (int s = 0, k = 0; k < nb; k++) {
                if (kept[k]) {
                    assertEquals(k, idx[s++]);
                }
            }
            for (int s = size; s <= nb; s++) {
                assertEquals(-5, idx[s], "idx written past the kept ones");
            }
            double[] y = randomArray(rnd, size);
            double[] out = new double[nb + 1];
            Arrays.fill(out, SENTINEL);
            CoercivityKernel.scatter(y, idx, size, out, nb);
            for (int s = 0, k = 0; k <= nb; k++) {
                if (k < nb && kept[k]) {
                    assertEquals(y[s++], out[k], 0.0);
                } else {
                    assertEquals(SENTINEL, out[k], 0.0, "scatter wrote a dropped index " + k);
                }
            }
        }
    }

    private static double[] randomArray(SplittableRandom rnd, int length) {
        double[] v = new double[length];
        for (int k = 0; k < length; k++) {
            v[k] = rnd.nextDouble(-1.0, 1.0);
        }
        return v;
    }
}
