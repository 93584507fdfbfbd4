package org.attnlab.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.attnlab.kernel.GaussNewtonLoops;

/**
 * The Gauss-Newton loops of {@code AssemblyKernel.gaussNewton} (J^T J, J^T e and sum kappa J in {@code flushRows};
 * F^T J and sum kappa F in {@code flushFeatures}) with the Vector API (incubating in JDK 17), bit for bit equal to
 * the scalar loops. The lanes of a vector are consecutive output entries (columns e of J^T J or F^T J, coordinates
 * a of J^T e and sum kappa J), and each lane performs the scalar loop's operations in its order: separate
 * {@code mul} and {@code add} (never {@code fma}), the same bracketing ((t0 + t1 + t2 + t3) + (t4 + t5 + t6 + t7),
 * summed from the left), the same operand order, then the addition to the stored sum. Entries that do not fill a
 * whole vector get the scalar expression. So the species width (4 doubles with AVX2, 8 with AVX-512) cannot
 * change a result.
 *
 * <p>J^T J goes by column blocks: the eight entries jbuf[g dim + e..e + width - 1] of a block of columns stay in
 * registers while the rows a &lt; e + width pass by (one broadcast of each row entry, one load and store of the
 * sums); the rows that cross the diagonal inside the block keep their lanes below it by a blend (the lanes are
 * written back unchanged). This measured faster than row by row with the row entries broadcast once per row,
 * than two rows or two column blocks per pass (register pressure with 16 AVX2 registers), and than the crossing
 * rows in scalar code (20% slower).
 *
 * <p>{@code partnerSum} (z_i = sum_j phi'(s_ij) x_j) keeps the scalar loop's order: three partners per pass over
 * z, lanes = coordinates a (2.1x faster than the scalar loop in isolation at d = 30; keeping z in registers over
 * all partners was not faster than scalar).
 *
 * <p>Loaded by {@code org.attnlab.internal.Simd} when the module {@code jdk.incubator.vector} is present and
 * {@code -Dattnlab.simd=false} is not set; {@code VectorGaussNewtonTest} compares every method with the scalar
 * loop on all lengths modulo the width, at the edges of the index ranges and with NaN, infinities and -0.0.
 */
public final class VectorGaussNewton implements GaussNewtonLoops {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    /** Lane numbers 0, 1, .., width - 1. */
    private static final DoubleVector LANE = DoubleVector.zero(S).addIndex(1);

    /** Partner offsets for the warm-up of {@link #partnerSum} (rows of length 9 in a buffer of 80). */
    private static final int[] PARTNERS = {0, 9, 18, 27, 36, 45, 54, 63};
    /** Calls of each loop on small arrays when the class is loaded (see the constructor). */
    static final int WARM_UP_CALLS = 10_000;

    /**
     * Public for {@code Simd.load} (reflection). Runs each loop {@link #WARM_UP_CALLS} times on a group of rows of
     * length 10 (whole vectors, a tail and partial rows), so that C2 compiles them before the first assembly: until
     * then the Vector API runs far slower than scalar code (the interpreter and C1 do not intrinsify it; the first
     * 500 calls of flushRows at dim = 60 took 0.6-1 s cold against 0.07 s for the scalar loop, and 3 ms after this
     * warm-up). It costs about 0.1-0.2 s of CPU once per JVM and changes no result.
     */
    public VectorGaussNewton() {
        int dim = 10;
        int nb = 4;
        double[] jbuf = new double[8 * dim];
        double[] weights = new double[8];
        double[] fbuf = new double[8 * nb];
        double[] sums = new double[dim * dim + 2 * dim + nb * dim + nb];
        for (int k = 0; k < jbuf.length; k++) {
            jbuf[k] = 1.0 / (k + 1);
        }
        for (int c = 0; c < WARM_UP_CALLS; c++) {
            flushRows(sums, 0, dim * dim, dim * dim + dim, dim, jbuf, weights, weights);
            flushFeatures(sums, dim * dim + 2 * dim, dim * dim + 2 * dim + nb * dim, dim, jbuf, weights, fbuf, nb, 0,
                    nb - 1);
            partnerSum(sums, dim - 1, weights, PARTNERS, PARTNERS.length, jbuf);
        }
    }

    @Override
    public void flushRows(double[] partial, int ho, int go, int ko, int dim, double[] jbuf, double[] rbuf,
                          double[] kbuf) {
        int width = S.length();
        int o1 = dim;
        int o2 = 2 * dim;
        int o3 = 3 * dim;
        int o4 = 4 * dim;
        int o5 = 5 * dim;
        int o6 = 6 * dim;
        int o7 = 7 * dim;
        weightedSums(partial, go, dim, jbuf, rbuf);
        weightedSums(partial, ko, dim, jbuf, kbuf);
        // J^T J by columns e..e + width - 1: their eight entries jbuf[g dim + e..] stay in registers while the
        // rows a < e + width pass by; the diagonal j_g j_g is the entry e = a of the same expression
        int e = 0;
        for (; e <= dim - width; e += width) {
            DoubleVector v0 = DoubleVector.fromArray(S, jbuf, e);
            DoubleVector v1 = DoubleVector.fromArray(S, jbuf, o1 + e);
            DoubleVector v2 = DoubleVector.fromArray(S, jbuf, o2 + e);
            DoubleVector v3 = DoubleVector.fromArray(S, jbuf, o3 + e);
            DoubleVector v4 = DoubleVector.fromArray(S, jbuf, o4 + e);
            DoubleVector v5 = DoubleVector.fromArray(S, jbuf, o5 + e);
            DoubleVector v6 = DoubleVector.fromArray(S, jbuf, o6 + e);
            DoubleVector v7 = DoubleVector.fromArray(S, jbuf, o7 + e);
            // rows a <= e lie on or above the diagonal in all lanes; a row e < a < e + width in lanes a - e.. only:
            // its other lanes (below the diagonal) are written back unchanged
            for (int a = 0; a < e + width; a++) {
                DoubleVector lo = DoubleVector.broadcast(S, jbuf[a]).mul(v0)
                        .add(DoubleVector.broadcast(S, jbuf[o1 + a]).mul(v1))
                        .add(DoubleVector.broadcast(S, jbuf[o2 + a]).mul(v2))
                        .add(DoubleVector.broadcast(S, jbuf[o3 + a]).mul(v3));
                DoubleVector hi = DoubleVector.broadcast(S, jbuf[o4 + a]).mul(v4)
                        .add(DoubleVector.broadcast(S, jbuf[o5 + a]).mul(v5))
                        .add(DoubleVector.broadcast(S, jbuf[o6 + a]).mul(v6))
                        .add(DoubleVector.broadcast(S, jbuf[o7 + a]).mul(v7));
                int at = ho + a * dim + e;
                DoubleVector old = DoubleVector.fromArray(S, partial, at);
                DoubleVector sum = old.add(lo.add(hi));
                if (a > e) {
                    sum = old.blend(sum, LANE.compare(VectorOperators.GE, (double) (a - e)));
                }
                sum.intoArray(partial, at);
            }
        }
        // the last dim mod width columns
        for (int a = 0; a < dim; a++) {
            scalarRow(partial, ho, dim, jbuf, a, Math.max(a, e), dim);
        }
    }

    /**
     * The scalar entries partial[ho + a dim + e] += (j0 v0 + j1 v1 + j2 v2 + j3 v3) + (j4 v4 + ... + j7 v7), with
     * j_g = jbuf[g dim + a] and v_g = jbuf[g dim + e], for e = from..to - 1.
     */
    private static void scalarRow(double[] partial, int ho, int dim, double[] jbuf, int a, int from, int to) {
        int o1 = dim;
        int o2 = 2 * dim;
        int o3 = 3 * dim;
        int o4 = 4 * dim;
        int o5 = 5 * dim;
        int o6 = 6 * dim;
        int o7 = 7 * dim;
        double j0 = jbuf[a];
        double j1 = jbuf[o1 + a];
        double j2 = jbuf[o2 + a];
        double j3 = jbuf[o3 + a];
        double j4 = jbuf[o4 + a];
        double j5 = jbuf[o5 + a];
        double j6 = jbuf[o6 + a];
        double j7 = jbuf[o7 + a];
        int row = ho + a * dim;
        for (int e = from; e < to; e++) {
            partial[row + e] += (j0 * jbuf[e] + j1 * jbuf[o1 + e] + j2 * jbuf[o2 + e] + j3 * jbuf[o3 + e])
                    + (j4 * jbuf[o4 + e] + j5 * jbuf[o5 + e] + j6 * jbuf[o6 + e] + j7 * jbuf[o7 + e]);
        }
    }

    /** partial[at + a] += (w0 j0a + w1 j1a + w2 j2a + w3 j3a) + (w4 j4a + ... + w7 j7a) for a &lt; dim. */
    private static void weightedSums(double[] partial, int at, int dim, double[] jbuf, double[] w) {
        int width = S.length();
        double w0 = w[0];
        double w1 = w[1];
        double w2 = w[2];
        double w3 = w[3];
        double w4 = w[4];
        double w5 = w[5];
        double w6 = w[6];
        double w7 = w[7];
        DoubleVector b0 = DoubleVector.broadcast(S, w0);
        DoubleVector b1 = DoubleVector.broadcast(S, w1);
        DoubleVector b2 = DoubleVector.broadcast(S, w2);
        DoubleVector b3 = DoubleVector.broadcast(S, w3);
        DoubleVector b4 = DoubleVector.broadcast(S, w4);
        DoubleVector b5 = DoubleVector.broadcast(S, w5);
        DoubleVector b6 = DoubleVector.broadcast(S, w6);
        DoubleVector b7 = DoubleVector.broadcast(S, w7);
        int o1 = dim;
        int o2 = 2 * dim;
        int o3 = 3 * dim;
        int o4 = 4 * dim;
        int o5 = 5 * dim;
        int o6 = 6 * dim;
        int o7 = 7 * dim;
        int a = 0;
        for (; a <= dim - width; a += width) {
            DoubleVector lo = b0.mul(DoubleVector.fromArray(S, jbuf, a))
                    .add(b1.mul(DoubleVector.fromArray(S, jbuf, o1 + a)))
                    .add(b2.mul(DoubleVector.fromArray(S, jbuf, o2 + a)))
                    .add(b3.mul(DoubleVector.fromArray(S, jbuf, o3 + a)));
            DoubleVector hi = b4.mul(DoubleVector.fromArray(S, jbuf, o4 + a))
                    .add(b5.mul(DoubleVector.fromArray(S, jbuf, o5 + a)))
                    .add(b6.mul(DoubleVector.fromArray(S, jbuf, o6 + a)))
                    .add(b7.mul(DoubleVector.fromArray(S, jbuf, o7 + a)));
            DoubleVector.fromArray(S, partial, at + a).add(lo.add(hi)).intoArray(partial, at + a);
        }
        for (; a < dim; a++) {
            partial[at + a] += (w0 * jbuf[a] + w1 * jbuf[o1 + a] + w2 * jbuf[o2 + a] + w3 * jbuf[o3 + a])
                    + (w4 * jbuf[o4 + a] + w5 * jbuf[o5 + a] + w6 * jbuf[o6 + a] + w7 * jbuf[o7 + a]);
        }
    }

    @Override
    public void flushFeatures(double[] out, int ftj, int kf, int dim, double[] jbuf, double[] kbuf, double[] fbuf,
                              int nb, int first, int last) {
        int width = S.length();
        int o1 = dim;
        int o2 = 2 * dim;
        int o3 = 3 * dim;
        int o4 = 4 * dim;
        int o5 = 5 * dim;
        int o6 = 6 * dim;
        int o7 = 7 * dim;
        for (int k = first; k <= last; k++) {
            double c0 = fbuf[k];
            double c1 = fbuf[nb + k];
            double c2 = fbuf[2 * nb + k];
            double c3 = fbuf[3 * nb + k];
            double c4 = fbuf[4 * nb + k];
            double c5 = fbuf[5 * nb + k];
            double c6 = fbuf[6 * nb + k];
            double c7 = fbuf[7 * nb + k];
            out[kf + k] += (kbuf[0] * c0 + kbuf[1] * c1 + kbuf[2] * c2 + kbuf[3] * c3)
                    + (kbuf[4] * c4 + kbuf[5] * c5 + kbuf[6] * c6 + kbuf[7] * c7);
            DoubleVector b0 = DoubleVector.broadcast(S, c0);
            DoubleVector b1 = DoubleVector.broadcast(S, c1);
            DoubleVector b2 = DoubleVector.broadcast(S, c2);
            DoubleVector b3 = DoubleVector.broadcast(S, c3);
            DoubleVector b4 = DoubleVector.broadcast(S, c4);
            DoubleVector b5 = DoubleVector.broadcast(S, c5);
            DoubleVector b6 = DoubleVector.broadcast(S, c6);
            DoubleVector b7 = DoubleVector.broadcast(S, c7);
            int row = ftj + k * dim;
            int e = 0;
            for (; e <= dim - width; e += width) {
                DoubleVector lo = b0.mul(DoubleVector.fromArray(S, jbuf, e))
                        .add(b1.mul(DoubleVector.fromArray(S, jbuf, o1 + e)))
                        .add(b2.mul(DoubleVector.fromArray(S, jbuf, o2 + e)))
                        .add(b3.mul(DoubleVector.fromArray(S, jbuf, o3 + e)));
                DoubleVector hi = b4.mul(DoubleVector.fromArray(S, jbuf, o4 + e))
                        .add(b5.mul(DoubleVector.fromArray(S, jbuf, o5 + e)))
                        .add(b6.mul(DoubleVector.fromArray(S, jbuf, o6 + e)))
                        .add(b7.mul(DoubleVector.fromArray(S, jbuf, o7 + e)));
                DoubleVector.fromArray(S, out, row + e).add(lo.add(hi)).intoArray(out, row + e);
            }
            for (; e < dim; e++) {
                out[row + e] += (c0 * jbuf[e] + c1 * jbuf[o1 + e] + c2 * jbuf[o2 + e] + c3 * jbuf[o3 + e])
                        + (c4 * jbuf[o4 + e] + c5 * jbuf[o5 + e] + c6 * jbuf[o6 + e] + c7 * jbuf[o7 + e]);
            }
            fbuf[k] = 0.0;
            fbuf[nb + k] = 0.0;
            fbuf[2 * nb + k] = 0.0;
            fbuf[3 * nb + k] = 0.0;
            fbuf[4 * nb + k] = 0.0;
            fbuf[5 * nb + k] = 0.0;
            fbuf[6 * nb + k] = 0.0;
            fbuf[7 * nb + k] = 0.0;
        }
    }

    @Override
    public void partnerSum(double[] z, int d, double[] factors, int[] partners, int count, double[] x) {
        int width = S.length();
        int t = 0;
        for (; t + 2 < count; t += 3) {
            double c0 = factors[t];
            double c1 = factors[t + 1];
            double c2 = factors[t + 2];
            int x0 = partners[t];
            int x1 = partners[t + 1];
            int x2 = partners[t + 2];
            DoubleVector b0 = DoubleVector.broadcast(S, c0);
            DoubleVector b1 = DoubleVector.broadcast(S, c1);
            DoubleVector b2 = DoubleVector.broadcast(S, c2);
            int a = 0;
            for (; a <= d - width; a += width) {
                DoubleVector sum = b0.mul(DoubleVector.fromArray(S, x, x0 + a))
                        .add(b1.mul(DoubleVector.fromArray(S, x, x1 + a)))
                        .add(b2.mul(DoubleVector.fromArray(S, x, x2 + a)));
                DoubleVector.fromArray(S, z, a).add(sum).intoArray(z, a);
            }
            for (; a < d; a++) {
                z[a] = z[a] + (c0 * x[x0 + a] + c1 * x[x1 + a] + c2 * x[x2 + a]);
            }
        }
        for (; t < count; t++) {
            double c0 = factors[t];
            int x0 = partners[t];
            DoubleVector b0 = DoubleVector.broadcast(S, c0);
            int a = 0;
            for (; a <= d - width; a += width) {
                DoubleVector.fromArray(S, z, a).add(b0.mul(DoubleVector.fromArray(S, x, x0 + a))).intoArray(z, a);
            }
            for (; a < d; a++) {
                z[a] = z[a] + c0 * x[x0 + a];
            }
        }
    }
}
