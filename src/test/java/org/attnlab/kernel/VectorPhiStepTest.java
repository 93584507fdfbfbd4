package org.attnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.attnlab.internal.Simd;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SIMD phi-step loops ({@code org.attnlab.vector.VectorPhiStep}) against the scalar loops of
 * {@link AssemblyKernel}, bit for bit ({@link Double#doubleToRawLongBits}): {@code normalEquations} and
 * {@code sumOfSquares} with the loops and without (null). Inputs: p = 2 and 3; N - 1 odd and even and every N
 * modulo the vector width (the padded lanes); r = 1 (scores read from Q, and the copy at the end of Q) and r &gt; 1;
 * samples in one window, exactly full, and wider; n &lt; 8 (no window); scores at -R and R, one ulp either side,
 * at piece boundaries, far outside, NaN, +-infinity and +-0; chunks that start inside the data. PIT does not
 * mutate the vector package: these tests pin it to the scalar loops that PIT does mutate.
 */
class VectorPhiStepTest {

    private static PhiStepLoops simd;

    @BeforeAll
    static void load() {
        simd = Simd.load(PhiStepLoops.class, "org.attnlab.vector.VectorPhiStep");
        if (Boolean.getBoolean("attnlab.simd.expected")) {
            assertNotNull(simd, "surefire runs with the Vector API: the SIMD loops must load");
        }
        assumeTrue(simd != null, "no jdk.incubator.vector in this JVM");
    }

    /** Scores that exercise the clamping and the piece rules (R = 1, K pieces). */
    static double[] edgeScores(int pieces) {
        double step = 2.0 / pieces;
        return new double[] {-1.0, 1.0, Math.nextDown(-1.0), Math.nextUp(-1.0), Math.nextDown(1.0),
            Math.nextUp(1.0), -1.0 + step, -1.0 + 3 * step, Math.nextDown(-1.0 + step), 1.0 - step,
            Math.nextUp(1.0 - step), -7.5, 9.0, 0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, 1e-300, -1e-300};
    }

    /**
     * Projections of M samples, r columns: per sample one of five kinds: narrow around a level (one window),
     * medium, wide (tokens everywhere), P = 1 with Q_j = edge scores (every partner of a token on an edge), and
     * P = edge score with Q = 1 (all partners of a token on the same edge).
     */
    static double[][] projections(int m, int tokens, int r, int pieces, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] edges = edgeScores(pieces);
        double[] p = new double[m * tokens * r];
        double[] q = new double[m * tokens * r];
        double[] y = new double[m * tokens];
        for (int s = 0; s < m; s++) {
            int kind = rnd.nextInt(5);
            double level = rnd.nextDouble(-1.3, 1.3) / Math.sqrt(r);
            double spread = kind == 0 ? 0.002 : kind == 1 ? 0.05 : 1.0;
            for (int i = 0; i < tokens; i++) {
                for (int b = 0; b < r; b++) {
                    int at = (s * tokens + i) * r + b;
                    if (kind == 3) {
                        p[at] = b == 0 ? 1.0 : 0.0;
                        q[at] = b == 0 ? edges[rnd.nextInt(edges.length)] : 0.0;
                    } else if (kind == 4) {
                        p[at] = b == 0 ? edges[rnd.nextInt(edges.length)] : 0.0;
                        q[at] = b == 0 ? 1.0 : 0.0;
                    } else {
                        p[at] = level + spread * rnd.nextGaussian();
                        q[at] = 1.0 + spread * rnd.nextGaussian();
                    }
                }
                y[s * tokens + i] = rnd.nextGaussian();
            }
        }
        return new double[][] {p, q, y};
    }

    /** normalEquations over [0, half) and [half, m) into an offset output with sentinels; work arrays checked. */
    static double[] normalEquations(double[][] pqy, int r, int tokens, int m, int pieces, int p, PhiStepLoops loops) {
        int n = pieces + p;
        double scale = pieces / 2.0;
        int gramAt = 3;
        int rhsAt = gramAt + n * n + 2;
        double[] out = new double[rhsAt + n + 3];
        Arrays.fill(out, 7.0);
        Arrays.fill(out, gramAt, gramAt + n * n, 0.0);
        Arrays.fill(out, rhsAt, rhsAt + n, 0.0);
        double[] feature = new double[AssemblyKernel.featureLength(tokens, n)];
        int w = AssemblyKernel.WINDOW;
        double[] block = new double[w * (w + 1)];
        int half = m / 3;
        AssemblyKernel.normalEquations(pqy[0], pqy[1], pqy[2], r, tokens, 0, half, -1.0, 1.0, scale, pieces, p,
                1.0 / (tokens - 1), new int[2 * tokens], feature, new double[p + 1], block, out, gramAt, rhsAt,
                loops);
        AssemblyKernel.normalEquations(pqy[0], pqy[1], pqy[2], r, tokens, half, m, -1.0, 1.0, scale, pieces, p,
                1.0 / (tokens - 1), new int[2 * tokens], feature, new double[p + 1], block, out, gramAt, rhsAt,
                loops);
        for (double v : feature) {
            assertEquals(0L, Double.doubleToRawLongBits(v), "feature work array must be +0 on return");
        }
        for (double v : block) {
            assertEquals(0L, Double.doubleToRawLongBits(v), "block work array must be +0 on return");
        }
        return out;
    }

    static void assertSameBits(double[] want, double[] got, String what) {
        assertEquals(want.length, got.length, what + " length");
        for (int a = 0; a < want.length; a++) {
            long wb = Double.doubleToRawLongBits(want[a]);
            long gb = Double.doubleToRawLongBits(got[a]);
            if (wb != gb) {
                throw new AssertionError(what + "[" + a + "]: scalar " + want[a] + " (" + Long.toHexString(wb)
                        + "), simd " + got[a] + " (" + Long.toHexString(gb) + ")");
            }
        }
    }

    /** How many samples of [0, m) the SIMD loops take as one window (the rest: wide). */
    static int windowSamples(double[][] pqy, int r, int tokens, int m, int pieces, int p) {
        int n = pieces + p;
        int count = 0;
        for (int s = 0; s < m; s++) {
            double[] f = new double[AssemblyKernel.featureLength(tokens, n)];
            if (simd.sample(pqy[0], pqy[1], pqy[2], r, tokens, s * tokens, -1.0, 1.0, pieces / 2.0, pieces, p,
                    1.0 / (tokens - 1), f, n, new int[2 * tokens], new double[72], new double[n * n + n], 0,
                    n * n)) {
                count++;
            }
        }
        return count;
    }

    @ParameterizedTest
    @CsvSource({
        // p, K, r, N, M
        "2, 16, 1, 10, 120",
        "2, 16, 1, 11, 90",
        "2, 16, 1, 2, 60",
        "2, 16, 1, 3, 60",
        "2, 16, 1, 4, 60",
        "2, 16, 1, 5, 60",
        "2, 6, 1, 8, 60",
        "2, 6, 2, 9, 60",
        "2, 3, 1, 7, 40",
        "2, 40, 3, 6, 60",
        "2, 1, 1, 5, 20",
        "3, 13, 1, 10, 120",
        "3, 13, 1, 9, 90",
        "3, 5, 1, 12, 60",
        "3, 5, 2, 13, 40",
        "3, 4, 1, 3, 40",
        "3, 30, 1, 2, 60",
        "3, 2, 1, 6, 30",
    })
    void normalEquationsAreTheScalarBytes(int p, int pieces, int r, int tokens, int m) {
        double[][] pqy = projections(m, tokens, r, pieces, 1000L * p + 31L * pieces + 7L * r + tokens);
        double[] scalar = normalEquations(pqy, r, tokens, m, pieces, p, null);
        double[] vector = normalEquations(pqy, r, tokens, m, pieces, p, simd);
        assertSameBits(scalar, vector, "normal equations");
        int windows = windowSamples(pqy, r, tokens, m, pieces, p);
        int n = pieces + p;
        if (n > AssemblyKernel.WINDOW && pieces >= 5) {
            assertTrue(windows > 0 && windows < m, "both paths taken: " + windows + " of " + m + " in one window");
        } else if (n == AssemblyKernel.WINDOW) {
            assertEquals(m, windows, "n = 8: every sample in the one window");
        } else if (n < AssemblyKernel.WINDOW) {
            assertEquals(0, windows, "n < 8: no window");
        }
    }

    @ParameterizedTest
    @CsvSource({
        "2, 16, 1, 10, 120",
        "2, 16, 1, 11, 90",
        "2, 6, 2, 9, 60",
        "2, 1, 1, 4, 30",
        "3, 13, 1, 10, 120",
        "3, 13, 1, 9, 90",
        "3, 5, 3, 12, 40",
        "3, 30, 1, 2, 60",
    })
    void sumOfSquaresIsTheScalarBytes(int p, int pieces, int r, int tokens, int m) {
        double[][] pqy = projections(m, tokens, r, pieces, 77L * p + pieces + 5L * r + tokens);
        SplittableRandom rnd = new SplittableRandom(pieces);
        double[] table = new double[pieces * (p + 1)];
        for (int a = 0; a < table.length; a++) {
            table[a] = rnd.nextGaussian();
        }
        double scale = pieces / 2.0;
        double weight = 1.0 / (tokens - 1);
        for (int m0 : new int[] {0, m / 3, m - 1}) {
            double want = AssemblyKernel.sumOfSquares(pqy[0], pqy[1], pqy[2], r, tokens, m0, m, -1.0, 1.0, scale,
                    pieces, p, weight, table, null);
            double got = AssemblyKernel.sumOfSquares(pqy[0], pqy[1], pqy[2], r, tokens, m0, m, -1.0, 1.0, scale,
                    pieces, p, weight, table, simd);
            assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(got),
                    "sum of squares from sample " + m0 + ": scalar " + want + ", simd " + got);
        }
    }

    /**
     * Samples whose bands span exactly the window (pieces first..first + 7 - p), and one coefficient more, at the
     * left edge, the middle and the right edge of the basis; and degrees alternating on one thread with the same
     * N (the per-thread buffers must not carry a degree-3 value into a degree-2 sample).
     */
    @Test
    void windowsExactlyFullAndWiderAndAlternatingDegrees() {
        int tokens = 6;
        int samples = 3;
        for (int p : new int[] {3, 2, 3, 2}) {
            for (int pieces : new int[] {13, 16}) {
                double scale = pieces / 2.0;
                int n = pieces + p;
                for (int first : new int[] {0, 4, pieces - 1 - (7 - p), pieces - 1 - (8 - p)}) {
                    for (int extra = 0; extra <= 1; extra++) {
                        int last = first + 7 - p + extra;
                        if (first < 0 || last > pieces - 1) {
                            continue;
                        }
                        double[] pp = new double[samples * tokens];
                        double[] qq = new double[samples * tokens];
                        double[] y = new double[samples * tokens];
                        SplittableRandom rnd = new SplittableRandom(31L * first + last + p);
                        for (int m = 0; m < samples; m++) {
                            int[] at = {first, last, (first + last) / 2, first + 1, last, first};
                            for (int i = 0; i < tokens; i++) {
                                pp[m * tokens + i] = 1.0;
                                qq[m * tokens + i] = -1.0 + (at[i] + rnd.nextDouble(0.05, 0.95)) / scale;
                                y[m * tokens + i] = rnd.nextGaussian();
                            }
                        }
                        double[][] pqy = {pp, qq, y};
                        int windows = windowSamples(pqy, 1, tokens, samples, pieces, p);
                        assertEquals(extra == 0 ? samples : 0, windows, "window samples, first " + first
                                + ", extra " + extra);
                        assertSameBits(normalEquations(pqy, 1, tokens, samples, pieces, p, null),
                                normalEquations(pqy, 1, tokens, samples, pieces, p, simd),
                                "p " + p + " K " + pieces + " first " + first + " extra " + extra + " n " + n);
                    }
                }
            }
        }
    }

    /**
     * A token's score with itself (lane j = i, computed and ignored) does not count for the window: here s_00 =
     * 0.9 lies pieces away from every real pair's score (all near 0), so the sample is in one window only if lane
     * 0 of token 0 is left out; the window and the wide path add in different orders, so the bytes tell them apart.
     */
    @Test
    void aTokensOwnScoreDoesNotWidenTheWindow() {
        int pieces = 16;
        for (int p : new int[] {2, 3}) {
            double[][] pqy = {{1.0, 0.01, 0.02, 0.015}, {0.9, 0.01, 0.015, 0.012}, {0.3, -1.2, 0.7, 2.0}};
            assertEquals(1, windowSamples(pqy, 1, 4, 1, pieces, p), "p = " + p);
            assertSameBits(normalEquations(pqy, 1, 4, 1, pieces, p, null),
                    normalEquations(pqy, 1, 4, 1, pieces, p, simd), "p = " + p);
        }
    }

    /** The SIMD loops also agree with the straightforward loops (the oracle of AssemblyKernelTest). */
    @Test
    void simdNormalEquationsEqualTheStraightforwardLoops() {
        int p = 2;
        int pieces = 16;
        int tokens = 10;
        int m = 80;
        double[][] pqy = AssemblyKernelTest.projections(m, tokens, 1, 5L);
        int n = pieces + p;
        double[] gram = new double[n * n];
        double[] rhs = new double[n];
        double[] magnitude = new double[2];
        NaiveAssembly.normalEquations(pqy[0], pqy[1], pqy[2], 1, tokens, m, -1.0, 1.0, pieces / 2.0, pieces, p,
                gram, rhs, magnitude);
        double[] out = normalEquations(pqy, 1, tokens, m, pieces, p, simd);
        int gramAt = 3;
        int rhsAt = gramAt + n * n + 2;
        for (int a = 0; a < n; a++) {
            assertEquals(rhs[a], out[rhsAt + a], AssemblyKernelTest.TOLERANCE * magnitude[1], "rhs " + a);
            for (int e = a; e < n; e++) {
                assertEquals(gram[a * n + e], out[gramAt + a * n + e], AssemblyKernelTest.TOLERANCE * magnitude[0],
                        "gram " + a + "," + e);
            }
        }
    }
}
