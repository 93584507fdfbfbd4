package org.attnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.attnlab.internal.Simd;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SIMD Gauss-Newton loops ({@code org.attnlab.vector.VectorGaussNewton}: flushRows, flushFeatures, partnerSum;
 * loaded by name as the solver loads them) against the scalar loops of {@link AssemblyKernel}, bit for bit
 * ({@link #assertSameBits}) on the whole output array: every row length dim = 2 d r for d = 1..9 and 30, r = 1..3
 * (every length modulo the vector width, so every tail), output offsets that are not multiples of the width,
 * values of exponents from 2^-30 to 2^30 (so that another bracketing, a fused multiply-add or another order of the
 * eight products changes the rounding), NaN, infinities, -0.0 and subnormals, and the edges of the band of F^T J.
 * Then the whole {@link AssemblyKernel#gaussNewton} with and without them. PIT does not mutate the vector package:
 * these tests pin it to the scalar loops, which PIT does mutate.
 */
class VectorGaussNewtonTest {

    static final GaussNewtonLoops GN = Simd.load(GaussNewtonLoops.class, "org.attnlab.vector.VectorGaussNewton");

    static final int[] DIMS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 30};

    @BeforeAll
    static void loaded() {
        if (Boolean.getBoolean("attnlab.simd.expected")) {
            assertNotNull(GN, "surefire runs with the Vector API: VectorGaussNewton must load");
        }
        assumeTrue(GN != null, "no Vector API in this JVM: the scalar loops are the only ones");
    }

    /** A value of random sign and exponent in [-30, 30]; with probability special, one of the special values. */
    static double value(SplittableRandom rnd, double special) {
        if (rnd.nextDouble() < special) {
            double[] s = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
                Double.MIN_VALUE, -Double.MIN_NORMAL / 3.0, Double.MAX_VALUE};
            return s[rnd.nextInt(s.length)];
        }
        return rnd.nextGaussian() * Math.scalb(1.0, rnd.nextInt(-30, 31));
    }

    static double[] values(SplittableRandom rnd, int length, double special) {
        double[] a = new double[length];
        for (int k = 0; k < length; k++) {
            a[k] = value(rnd, special);
        }
        return a;
    }

    /**
     * The same bits in every entry, with all NaNs counted as one value ({@link Double#doubleToLongBits}): Java
     * does not define which NaN an operation returns, and on x86 the sign of a NaN sum depends on the operand
     * order that the JIT picks for a commutative add (the scalar loop's own NaN bits differ between the
     * interpreter and C2). Every other bit, the sign of zero included, must agree.
     */
    static void assertSameBits(double[] want, double[] got, String what) {
        assertEquals(want.length, got.length, what);
        for (int k = 0; k < want.length; k++) {
            long w = Double.doubleToLongBits(want[k]);
            long g = Double.doubleToLongBits(got[k]);
            if (w != g) {
                throw new AssertionError(String.format(java.util.Locale.ROOT,
                        "%s: entry %d differs: scalar %s (%016x), vector %s (%016x)", what, k, want[k], w, got[k], g));
            }
        }
    }

    /** flushRows on the output layout [margin | J^T J | margin | sum e J | sum kappa J | margin]. */
    void checkRows(int dim, long seed, double special, int shift) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] jbuf = values(rnd, AssemblyKernel.BLOCK * dim + 3, special);
        double[] rbuf = values(rnd, AssemblyKernel.BLOCK, special);
        double[] kbuf = values(rnd, AssemblyKernel.BLOCK, special);
        int ho = shift;
        int go = ho + dim * dim + 1 + shift;
        int ko = go + dim;
        double[] partial = values(rnd, ko + dim + 5, special);
        double[] want = partial.clone();
        double[] jcopy = jbuf.clone();
        AssemblyKernel.flushRows(want, ho, go, ko, dim, jbuf, rbuf, kbuf);
        GN.flushRows(partial, ho, go, ko, dim, jbuf, rbuf, kbuf);
        String what = "flushRows dim " + dim + " seed " + seed;
        assertSameBits(want, partial, what);
        assertSameBits(jcopy, jbuf, what + " (jbuf not modified)");
    }

    @Test
    void flushRowsGivesTheScalarBytesOnEveryRowLength() {
        for (int d : DIMS) {
            for (int r = 1; r <= 3; r++) {
                int dim = 2 * d * r;
                for (int shift = 0; shift < 3; shift++) {
                    checkRows(dim, 1000L * dim + 10 * r + shift, 0.0, shift);
                }
            }
        }
    }

    @Test
    void flushRowsGivesTheScalarBytesWithNanInfinitiesAndSignedZeros() {
        for (int d : DIMS) {
            for (int r = 1; r <= 3; r++) {
                checkRows(2 * d * r, 7000L * d + r, 0.15, r - 1);
            }
        }
        // all zero rows of both signs (the empty rows of the last group): the sign of each zero sum is kept
        for (int dim : new int[] {2, 6, 60}) {
            double[] jbuf = new double[AssemblyKernel.BLOCK * dim];
            for (int k = 0; k < jbuf.length; k++) {
                jbuf[k] = k % 3 == 0 ? -0.0 : 0.0;
            }
            double[] rbuf = {-0.0, 0.0, -0.0, -0.0, 0.0, -0.0, -0.0, -0.0};
            double[] kbuf = {-1.0, 1.0, -0.0, 2.0, 0.0, -0.0, 3.0, -0.0};
            double[] partial = new double[dim * dim + 2 * dim];
            for (int k = 0; k < partial.length; k++) {
                partial[k] = k % 2 == 0 ? -0.0 : 0.0;
            }
            double[] want = partial.clone();
            AssemblyKernel.flushRows(want, 0, dim * dim, dim * dim + dim, dim, jbuf, rbuf, kbuf);
            GN.flushRows(partial, 0, dim * dim, dim * dim + dim, dim, jbuf, rbuf, kbuf);
            assertSameBits(want, partial, "signed zeros dim " + dim);
        }
    }

    /**
     * The test data decide the last bits: summing the eight products of an entry in one chain, or with a fused
     * multiply-add chain, gives other bytes than the scalar loop's (t0 + t1 + t2 + t3) + (t4 + t5 + t6 + t7) in
     * most entries, so the bit-for-bit tests above fail for a loop that sums in another order.
     */
    @Test
    void theDataAreSensitiveToTheOrderOfTheProducts() {
        SplittableRandom rnd = new SplittableRandom(5);
        int dim = 60;
        double[] jbuf = values(rnd, AssemblyKernel.BLOCK * dim, 0.0);
        double[] partial = new double[dim * dim + 2 * dim];
        AssemblyKernel.flushRows(partial, 0, dim * dim, dim * dim + dim, dim, jbuf, new double[8], new double[8]);
        int chain = 0;
        int fused = 0;
        int entries = dim * (dim + 1) / 2;
        for (int a = 0; a < dim; a++) {
            for (int e = a; e < dim; e++) {
                double sum = 0.0;
                double fma = 0.0;
                for (int g = 0; g < AssemblyKernel.BLOCK; g++) {
                    sum += jbuf[g * dim + a] * jbuf[g * dim + e];
                    fma = Math.fma(jbuf[g * dim + a], jbuf[g * dim + e], fma);
                }
                chain += sum == partial[a * dim + e] ? 0 : 1;
                fused += fma == partial[a * dim + e] ? 0 : 1;
            }
        }
        assertTrue(chain > entries / 8, "one chain changes " + chain + " of " + entries);
        assertTrue(fused > entries / 8, "an fma chain changes " + fused + " of " + entries);
    }

    /** flushFeatures on [margin | F^T J | sum kappa F | margin] for the band first..last. */
    void checkFeatures(int dim, int nb, int first, int last, long seed, double special) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] jbuf = values(rnd, AssemblyKernel.BLOCK * dim + 2, special);
        double[] kbuf = values(rnd, AssemblyKernel.BLOCK, special);
        double[] fbuf = new double[AssemblyKernel.BLOCK * nb + 1];
        for (int g = 0; g < AssemblyKernel.BLOCK; g++) {
            for (int k = first; k <= last; k++) {
                fbuf[g * nb + k] = value(rnd, special);
            }
        }
        int ftj = 1 + (int) (seed % 3);
        int kf = ftj + nb * dim;
        double[] out = values(rnd, kf + nb + 4, special);
        double[] want = out.clone();
        double[] fwant = fbuf.clone();
        AssemblyKernel.flushFeatures(want, ftj, kf, dim, jbuf, kbuf, fwant, nb, first, last);
        GN.flushFeatures(out, ftj, kf, dim, jbuf, kbuf, fbuf, nb, first, last);
        String what = "flushFeatures dim " + dim + " nb " + nb + " band " + first + ".." + last + " seed " + seed;
        assertSameBits(want, out, what);
        assertSameBits(fwant, fbuf, what + " (fbuf)");
    }

    @Test
    void flushFeaturesGivesTheScalarBytesOnEveryRowLengthAndBand() {
        for (int d : DIMS) {
            for (int r = 1; r <= 3; r++) {
                int dim = 2 * d * r;
                long seed = 100L * dim + r;
                checkFeatures(dim, 16, 0, 15, seed, 0.0);
                checkFeatures(dim, 16, 0, 0, seed + 1, 0.0);
                checkFeatures(dim, 16, 15, 15, seed + 2, 0.0);
                checkFeatures(dim, 16, 4, 10, seed + 3, 0.0);
                checkFeatures(dim, 16, 6, 5, seed + 4, 0.0);
                checkFeatures(dim, 1, 0, 0, seed + 5, 0.0);
                checkFeatures(dim, 13, 2, 12, seed + 6, 0.2);
            }
        }
    }

    /** The scalar z_i loop of AssemblyKernel.gaussNewton: axpy3 over the triples, then axpy. */
    static void scalarPartnerSum(double[] z, int d, double[] factors, int[] partners, int count, double[] x) {
        int t = 0;
        for (; t + 2 < count; t += 3) {
            AssemblyKernel.axpy3(z, d, factors[t], factors[t + 1], factors[t + 2], x, partners[t], partners[t + 1],
                    partners[t + 2]);
        }
        for (; t < count; t++) {
            AssemblyKernel.axpy(z, d, factors[t], x, partners[t]);
        }
    }

    /**
     * partnerSum on every d (all tails) and every count 0..10 (0, 1 or 2 single partners after the triples), the
     * partners' rows including the first and the last row of x, z longer than d (entries from d on untouched).
     */
    @Test
    void partnerSumGivesTheScalarBytes() {
        for (int d : DIMS) {
            for (int count = 0; count <= 10; count++) {
                for (double special : new double[] {0.0, 0.15}) {
                    SplittableRandom rnd = new SplittableRandom(31L * d + count + (special > 0 ? 1000 : 0));
                    int rows = 12;
                    double[] x = values(rnd, rows * d, special);
                    double[] factors = values(rnd, count + 1, special);
                    int[] partners = new int[count + 1];
                    for (int t = 0; t < count; t++) {
                        partners[t] = t == 0 ? 0 : t == 1 ? (rows - 1) * d : rnd.nextInt(rows) * d;
                    }
                    double[] z = values(rnd, d + 3, special);
                    double[] want = z.clone();
                    double[] xcopy = x.clone();
                    scalarPartnerSum(want, d, factors, partners, count, x);
                    GN.partnerSum(z, d, factors, partners, count, x);
                    String what = "partnerSum d " + d + " count " + count + " special " + special;
                    assertSameBits(want, z, what);
                    assertSameBits(xcopy, x, what + " (x not modified)");
                }
            }
        }
    }

    /**
     * The whole Gauss-Newton assembly with and without the SIMD loops: the same bytes in every output (J^T J,
     * J^T e, sum kappa J, the three sums, F^T J, sum kappa F) and the work arrays back to zero; the cases of
     * AssemblyKernelTest (partial last groups, ranks 1 to 3, dimensions 2 to 30, degrees 0 to 3).
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
        "3, 13, 2, 30, 10, 9",
        "2, 8, 3, 9, 7, 11",
    })
    void gaussNewtonGivesTheSameBytesWithTheSimdLoops(int p, int pieces, int r, int d, int tokens, int m) {
        double[][] pqy = AssemblyKernelTest.projections(m, tokens, r, 900L * p + pieces + 17L * r + d);
        SplittableRandom rnd = new SplittableRandom(43L * d + p);
        double[] x = new double[m * tokens * d];
        for (int k = 0; k < x.length; k++) {
            x[k] = rnd.nextDouble(-1.0, 1.0);
        }
        double[] c = new double[pieces + p];
        for (int k = 0; k < c.length; k++) {
            c[k] = rnd.nextGaussian();
        }
        double scale = pieces / 2.0;
        int dim = 2 * d * r;
        double[] values = new double[pieces * (p + 1)];
        double[] slopes = new double[pieces * (p + 1)];
        AssemblyKernel.piecePolynomials(c, p, pieces, values, new double[(p + 1) * (p + 1)], new double[2 * (p + 1)]);
        for (int k = 0; k < pieces; k++) {
            for (int a = 0; a <= p; a++) {
                slopes[k * (p + 1) + a] = a < p ? (a + 1) * values[k * (p + 1) + a + 1] * scale : 0.0;
            }
        }
        int n = pieces + p;
        int fo = dim * dim + 2 * dim + 3;
        double[][] outs = new double[2][];
        for (int variant = 0; variant < 2; variant++) {
            GaussNewtonLoops loops = variant == 0 ? null : GN;
            int block = AssemblyKernel.BLOCK;
            double[] out = new double[fo + n * dim + n];
            double[] features = new double[2 * n];
            double[] fbuf = new double[block * n];
            double[] wv = new double[r];
            double[] z = new double[d];
            int half = m / 2;
            for (int[] range : new int[][] {{0, half}, {half, m}}) {
                AssemblyKernel.gaussNewton(x, pqy[2], pqy[0], pqy[1], r, d, tokens, range[0], range[1], -1.0, 1.0,
                        scale, pieces, p, 1.0 / (tokens - 1), values, slopes, 0.9, new int[tokens],
                        new double[tokens], wv, z, new double[block * dim], new double[block], new double[block],
                        new int[2 * tokens], features, new double[p + 1], fbuf, out, 0, dim * dim, dim * dim + dim,
                        dim * dim + 2 * dim, fo, fo + n * dim, loops);
            }
            for (double[] work : new double[][] {features, fbuf, wv, z}) {
                for (double v : work) {
                    assertEquals(0L, Double.doubleToRawLongBits(v), "work array not cleared");
                }
            }
            outs[variant] = out;
        }
        assertSameBits(outs[0], outs[1], "gaussNewton p " + p + " K " + pieces + " r " + r + " d " + d);
        double norm = 0.0;
        for (double v : outs[0]) {
            norm += Math.abs(v);
        }
        assertTrue(norm > 0.0, "the sums are not all zero");
    }
}
