package org.attnlab.erm;

import org.attnlab.kernel.AssemblyKernel;
import org.attnlab.kernel.ChunkKernel;
import org.attnlab.kernel.PairKernel;
import org.attnlab.kernel.ScoreKernel;
import org.attnlab.sampler.Dataset;

/**
 * The hot loops of the estimator over all ordered pairs (i, j != i) of every sample (arXiv 2510.11789, model A).
 *
 * <p>Notation: X_i^m tokens (row m N + i of {@code tokens}, length d), U, V in R^{d x r} row-major
 * ({@code u[a * r + b]}), projections P = X U and Q = X V (row-major, length M N r, a {@link Projections}
 * value that each step takes; the assembly keeps no state between calls), scores
 * s_ij = P_i . Q_j = X_i^T U V^T X_j, weight w = 1/(N - 1), aggregated features
 * F_i = w sum_{j != i} B(s_ij) in R^n.
 *
 * <p>Samples are split into fixed chunks ({@link ChunkKernel}) that depend only on M and the sizes of the
 * partial sums, never on the thread count; each chunk accumulates its own partial sums in sample order and
 * the chunks are reduced in chunk order, so every result is the same bytes at any thread count. Memory:
 * P and Q (2 M N r doubles per live {@link Projections}) plus at most {@link #MAX_CHUNKS} partial sums, never an
 * (M N) x n matrix.
 */
final class PairAssembly {

    /** Largest number of chunks (bounds the memory of the partial sums). */
    static final int MAX_CHUNKS = 64;
    /** Smallest chunk, in samples. */
    static final int MIN_CHUNK = 32;
    /** Budget of doubles for all partial sums of one pass. */
    static final long PARTIAL_BUDGET = 1L << 23;

    private final int samples;
    private final int n;
    private final int d;
    private final int r;
    private final double[] x;
    private final double[] y;
    private final ChunkRunner runner;
    private final double weight;

    PairAssembly(Dataset data, int rank, ChunkRunner runner) {
        this.samples = data.samples();
        this.n = data.tokensPerSample();
        this.d = data.dimension();
        this.r = rank;
        this.x = data.tokens();
        this.y = data.outputs();
        this.runner = runner;
        this.weight = 1.0 / (n - 1);
    }

    /**
     * The projections P = X U and Q = X V of one (U, V) (row-major, length M N r each) and the pair of rows
     * (i*, j*) of the largest training |score| (first in sample, token, partner order; the pair of an earlier
     * projection when made by {@link #project(double[], double[], Projections)}), with largest = |s_{i*j*}| on
     * these projections. A value: nothing modifies it after construction (its arrays are not exposed outside
     * the package and are not written after the projection).
     */
    static final class Projections {
        final int rank;
        final double[] p;
        final double[] q;
        /** |s_{i*j*}|; NaN if a training score is NaN. */
        final double largest;
        final int largestRowI;
        final int largestRowJ;

        Projections(int rank, double[] p, double[] q, double largest, int largestRowI, int largestRowJ) {
            this.rank = rank;
            this.p = p;
            this.q = q;
            this.largest = largest;
            this.largestRowI = largestRowI;
            this.largestRowJ = largestRowJ;
        }

        /** The signed score s_{i*j*} = P_{i*} . Q_{j*}. */
        double largestScore() {
            double s = 0.0;
            for (int b = 0; b < rank; b++) {
                s += p[largestRowI * rank + b] * q[largestRowJ * rank + b];
            }
            return s;
        }
    }

    /** The chunk size for partial sums of {@code partialSize} doubles each. */
    int chunkSize(int partialSize) {
        long byBudget = Math.max(1L, PARTIAL_BUDGET / Math.max(1, partialSize));
        int maxChunks = (int) Math.min(MAX_CHUNKS, byBudget);
        return ChunkKernel.size(samples, maxChunks, MIN_CHUNK);
    }

    /**
     * P = X U, Q = X V for all tokens and the pair of the largest training |score|.
     *
     * @param u U, d x r row-major; not modified
     * @param v V, d x r row-major; not modified
     */
    Projections project(double[] u, double[] v) {
        double[] p = new double[samples * n * r];
        double[] q = new double[samples * n * r];
        projectInto(u, v, p, q);
        double[] top = largestScore(p, q);
        return new Projections(r, p, q, top[0], (int) top[1], (int) top[2]);
    }

    /**
     * P = X U, Q = X V for all tokens, keeping the pair (i*, j*) of {@code samePair}: for (U, V) whose scores
     * are those of samePair's matrices times one positive factor (as after the solver's normalisation), so that
     * the pair of the largest |score| is unchanged; largest is recomputed on the new projections.
     */
    Projections project(double[] u, double[] v, Projections samePair) {
        double[] p = new double[samples * n * r];
        double[] q = new double[samples * n * r];
        projectInto(u, v, p, q);
        Projections out = new Projections(r, p, q, Double.NaN, samePair.largestRowI, samePair.largestRowJ);
        double s = Math.abs(out.largestScore());
        return new Projections(r, p, q, s, samePair.largestRowI, samePair.largestRowJ);
    }

    private void projectInto(double[] u, double[] v, double[] p, double[] q) {
        int size = chunkSize(1);
        int chunks = ChunkKernel.count(samples, size);
        runner.run(chunks, c -> {
            int rowStart = ChunkKernel.start(c, size, samples) * n;
            int rowEnd = ChunkKernel.end(c, size, samples) * n;
            if (r == 1) {
                projectRankOne(rowStart, rowEnd, u, v, p, q);
                return;
            }
            for (int row = rowStart; row < rowEnd; row++) {
                int xo = row * d;
                int po = row * r;
                for (int b = 0; b < r; b++) {
                    double su = 0.0;
                    double sv = 0.0;
                    for (int a = 0; a < d; a++) {
                        double xa = x[xo + a];
                        su += xa * u[a * r + b];
                        sv += xa * v[a * r + b];
                    }
                    p[po + b] = su;
                    q[po + b] = sv;
                }
            }
        });
    }

    /**
     * P = X u, Q = X v for rows rowStart..rowEnd - 1 at r = 1: four partial sums per product (indices a mod 4),
     * so that the additions do not wait on each other.
     */
    private void projectRankOne(int rowStart, int rowEnd, double[] u, double[] v, double[] p, double[] q) {
        int d4 = d - d % 4;
        for (int row = rowStart; row < rowEnd; row++) {
            int xo = row * d;
            double su0 = 0.0;
            double su1 = 0.0;
            double su2 = 0.0;
            double su3 = 0.0;
            double sv0 = 0.0;
            double sv1 = 0.0;
            double sv2 = 0.0;
            double sv3 = 0.0;
            int a = 0;
            for (; a < d4; a += 4) {
                double x0 = x[xo + a];
                double x1 = x[xo + a + 1];
                double x2 = x[xo + a + 2];
                double x3 = x[xo + a + 3];
                su0 += x0 * u[a];
                su1 += x1 * u[a + 1];
                su2 += x2 * u[a + 2];
                su3 += x3 * u[a + 3];
                sv0 += x0 * v[a];
                sv1 += x1 * v[a + 1];
                sv2 += x2 * v[a + 2];
                sv3 += x3 * v[a + 3];
            }
            for (; a < d; a++) {
                double xa = x[xo + a];
                su0 += xa * u[a];
                sv0 += xa * v[a];
            }
            p[row] = (su0 + su1) + (su2 + su3);
            q[row] = (sv0 + sv1) + (sv2 + sv3);
        }
    }

    /**
     * {max |s_ij| over all training pairs (NaN if a score is NaN), row i, row j} of the first pair (in sample,
     * token, partner order) that attains it.
     */
    private double[] largestScore(double[] p, double[] q) {
        int size = chunkSize(3);
        int chunks = ChunkKernel.count(samples, size);
        double[] partial = new double[3 * chunks];
        runner.run(chunks, c -> {
            int m0 = ChunkKernel.start(c, size, samples);
            int m1 = ChunkKernel.end(c, size, samples);
            double max = -1.0;
            int bi = m0 * n;
            int bj = m0 * n + 1;
            for (int m = m0; m < m1; m++) {
                int base = m * n;
                for (int i = 0; i < n; i++) {
                    int pi = (base + i) * r;
                    for (int k = 0; k < n - 1; k++) {
                        int j = base + PairKernel.partner(n, i, k);
                        int qj = j * r;
                        double s = 0.0;
                        for (int b = 0; b < r; b++) {
                            s += p[pi + b] * q[qj + b];
                        }
                        double a = Math.abs(s);
                        if (!(a <= max)) {
                            if (Double.isNaN(a)) {
                                partial[3 * c] = Double.NaN;
                                return;
                            }
                            max = a;
                            bi = base + i;
                            bj = j;
                        }
                    }
                }
            }
            partial[3 * c] = max;
            partial[3 * c + 1] = bi;
            partial[3 * c + 2] = bj;
        });
        double[] top = {-1.0, 0.0, 1.0};
        for (int c = 0; c < chunks; c++) {
            double v = partial[3 * c];
            if (Double.isNaN(v)) {
                return new double[] {Double.NaN, 0.0, 1.0};
            }
            if (v > top[0]) {
                top[0] = v;
                top[1] = partial[3 * c + 1];
                top[2] = partial[3 * c + 2];
            }
        }
        return top;
    }

    /**
     * The normal equations of the phi-step: gram = sum_{m,i} F_i F_i^T (n x n, row-major, full) and
     * rhs = sum_{m,i} Y_i F_i, unnormalised; the loops are {@link AssemblyKernel#normalEquations}.
     */
    void normalEquations(Projections pq, SplineGrid grid, double[] gram, double[] rhs) {
        double[] p = pq.p;
        double[] q = pq.q;
        int nb = grid.size();
        int deg = grid.degree();
        int pieces = grid.pieces();
        double lo = -grid.radius();
        double hi = grid.radius();
        double scale = grid.scale();
        int part = nb * nb + nb;
        int size = chunkSize(part);
        int chunks = ChunkKernel.count(samples, size);
        double[] partial = new double[chunks * part];
        runner.run(chunks, c -> {
            int m0 = ChunkKernel.start(c, size, samples);
            int m1 = ChunkKernel.end(c, size, samples);
            int w = AssemblyKernel.WINDOW;
            AssemblyKernel.normalEquations(p, q, y, r, n, m0, m1, lo, hi, scale, pieces, deg, weight,
                    new int[2 * n], new double[AssemblyKernel.featureLength(n, nb)], new double[deg + 1],
                    new double[w * (w + 1)], partial, c * part, c * part + nb * nb);
        });
        java.util.Arrays.fill(gram, 0, nb * nb, 0.0);
        java.util.Arrays.fill(rhs, 0, nb, 0.0);
        for (int c = 0; c < chunks; c++) {
            int go = c * part;
            for (int a = 0; a < nb; a++) {
                for (int e = a; e < nb; e++) {
                    gram[a * nb + e] += partial[go + a * nb + e];
                }
                rhs[a] += partial[go + nb * nb + a];
            }
        }
        for (int a = 0; a < nb; a++) {
            for (int e = 0; e < a; e++) {
                gram[a * nb + e] = gram[e * nb + a];
            }
        }
    }

    /** The sum of squared residuals sum_{m,i} (Y_i - w sum_{j != i} phi(s_ij))^2 for phi = sum c_k B_k. */
    double sumOfSquares(Projections pq, SplineGrid grid, double[] coefficients) {
        double[] p = pq.p;
        double[] q = pq.q;
        int deg = grid.degree();
        int pieces = grid.pieces();
        double lo = -grid.radius();
        double hi = grid.radius();
        double scale = grid.scale();
        int size = chunkSize(1);
        int chunks = ChunkKernel.count(samples, size);
        double[] partial = new double[chunks];
        runner.run(chunks, c -> {
            int m0 = ChunkKernel.start(c, size, samples);
            int m1 = ChunkKernel.end(c, size, samples);
            double[] vals = new double[deg + 1];
            double sse = 0.0;
            for (int m = m0; m < m1; m++) {
                int base = m * n;
                for (int i = 0; i < n; i++) {
                    int pi = (base + i) * r;
                    double pred = 0.0;
                    for (int k = 0; k < n - 1; k++) {
                        int qj = (base + PairKernel.partner(n, i, k)) * r;
                        double s = 0.0;
                        for (int b = 0; b < r; b++) {
                            s += p[pi + b] * q[qj + b];
                        }
                        double t = ScoreKernel.position(s, lo, hi, scale);
                        int piece = ScoreKernel.piece(t, pieces);
                        ScoreKernel.values(t - piece, deg, vals);
                        double phi = 0.0;
                        for (int e = 0; e <= deg; e++) {
                            phi += coefficients[piece + e] * vals[e];
                        }
                        pred += phi;
                    }
                    double res = y[base + i] - weight * pred;
                    sse += res * res;
                }
            }
            partial[c] = sse;
        });
        double sse = 0.0;
        for (double v : partial) {
            sse += v;
        }
        return sse;
    }

    /**
     * The Gauss-Newton system in theta = (vec U, vec V) (length 2 d r, U first, row-major) for the residuals
     * e_i = Y_i - f_i, f_i = w sum_{j != i} phi(s_ij): jtj = sum J_i^T J_i (full, row-major), jte = sum e_i J_i,
     * with dF_i/dU_ab = X_ia W_ib, W_i = w sum_j phi'(s_ij) Q_j, and dF_i/dV_ab = P_ib Z_ia,
     * Z_i = w sum_j phi'(s_ij) X_j. Returns the sum of squared residuals.
     *
     * <p>The Jacobian is that of the normalised scores s_ij R / S(theta), S = |s_{i*j*}| the largest training
     * score (the pair (i*, j*) of {@code pq}), at S = R: ds^n_ij = ds_ij - (s_ij / S) dS, so
     * J^n_i = J_i - kappa_i gS with kappa_i = w sum_j phi'(s_ij) s_ij / S and gS = dS/dtheta. Then
     * J^nT J^n = JtJ - k gS^T - gS k^T + (sum kappa_i^2) gS gS^T with k = sum kappa_i J_i, and
     * J^nT e = Jte - (sum kappa_i e_i) gS. The scale of A is then a null direction, as it is for the risk.
     */
    double gaussNewton(Projections pq, SplineGrid grid, double[] coefficients, double[] jtj, double[] jte) {
        double[] p = pq.p;
        double[] q = pq.q;
        int maxRowI = pq.largestRowI;
        int maxRowJ = pq.largestRowJ;
        int deg = grid.degree();
        int pieces = grid.pieces();
        double lo = -grid.radius();
        double hi = grid.radius();
        double scale = grid.scale();
        int dim = 2 * d * r;
        int part = dim * dim + 2 * dim + 3;
        double sMax = pq.largestScore();
        double sAbs = Math.abs(sMax);
        int size = chunkSize(part);
        int chunks = ChunkKernel.count(samples, size);
        double[] partial = new double[chunks * part];
        runner.run(chunks, c -> {
            int m0 = ChunkKernel.start(c, size, samples);
            int m1 = ChunkKernel.end(c, size, samples);
            double[] vals = new double[deg + 1];
            double[] ders = new double[deg + 1];
            double[] w = new double[r];
            double[] z = new double[d];
            double[] zc = new double[n];
            int[] zx = new int[n];
            double[] jbuf = new double[GROUP * dim];
            double[] rbuf = new double[GROUP];
            double[] kbuf = new double[GROUP];
            int ho = c * part;
            int go = ho + dim * dim;
            int ko = go + dim;
            int so = ko + dim;
            double sse = 0.0;
            double kk = 0.0;
            double ke = 0.0;
            int slot = 0;
            for (int m = m0; m < m1; m++) {
                int base = m * n;
                for (int i = 0; i < n; i++) {
                    int pi = (base + i) * r;
                    double pred = 0.0;
                    double kappa = 0.0;
                    int inRange = 0;
                    for (int k = 0; k < n - 1; k++) {
                        int j = base + PairKernel.partner(n, i, k);
                        int qj = j * r;
                        double s = 0.0;
                        for (int b = 0; b < r; b++) {
                            s += p[pi + b] * q[qj + b];
                        }
                        double t = ScoreKernel.position(s, lo, hi, scale);
                        int piece = ScoreKernel.piece(t, pieces);
                        ScoreKernel.valuesAndDerivatives(t - piece, deg, vals, ders);
                        double phi = 0.0;
                        double dphi = 0.0;
                        for (int e = 0; e <= deg; e++) {
                            phi += coefficients[piece + e] * vals[e];
                            dphi += coefficients[piece + e] * ders[e];
                        }
                        pred += phi;
                        if (s >= lo && s <= hi) {
                            dphi *= scale;
                            kappa += dphi * s;
                            for (int b = 0; b < r; b++) {
                                w[b] += dphi * q[qj + b];
                            }
                            zc[inRange] = dphi;
                            zx[inRange] = j * d;
                            inRange++;
                        }
                    }
                    // z = sum over in-range partners of dphi x_j, three partners per pass over z
                    int t = 0;
                    for (; t + 2 < inRange; t += 3) {
                        double c0 = zc[t];
                        double c1 = zc[t + 1];
                        double c2 = zc[t + 2];
                        int x0 = zx[t];
                        int x1 = zx[t + 1];
                        int x2 = zx[t + 2];
                        for (int a = 0; a < d; a++) {
                            z[a] += c0 * x[x0 + a] + c1 * x[x1 + a] + c2 * x[x2 + a];
                        }
                    }
                    for (; t < inRange; t++) {
                        double c0 = zc[t];
                        int x0 = zx[t];
                        for (int a = 0; a < d; a++) {
                            z[a] += c0 * x[x0 + a];
                        }
                    }
                    double res = y[base + i] - weight * pred;
                    sse += res * res;
                    kappa *= weight / sAbs;
                    kk += kappa * kappa;
                    ke += kappa * res;
                    int xi = (base + i) * d;
                    int jo = slot * dim;
                    int vo = jo + d * r;
                    if (r == 1) {
                        // the same products as the general loop below, without its inner loop over b
                        double w0 = w[0];
                        double p0 = p[pi];
                        for (int a = 0; a < d; a++) {
                            jbuf[jo + a] = (x[xi + a] * weight) * w0;
                            jbuf[vo + a] = p0 * (weight * z[a]);
                            z[a] = 0.0;
                        }
                    } else {
                        for (int a = 0; a < d; a++) {
                            double xa = x[xi + a] * weight;
                            double za = weight * z[a];
                            for (int b = 0; b < r; b++) {
                                jbuf[jo + a * r + b] = xa * w[b];
                                jbuf[vo + a * r + b] = p[pi + b] * za;
                            }
                            z[a] = 0.0;
                        }
                    }
                    for (int b = 0; b < r; b++) {
                        w[b] = 0.0;
                    }
                    rbuf[slot] = res;
                    kbuf[slot] = kappa;
                    slot++;
                    if (slot == GROUP) {
                        flush(partial, ho, go, ko, dim, jbuf, rbuf, kbuf);
                        slot = 0;
                    }
                }
            }
            if (slot > 0) {
                java.util.Arrays.fill(jbuf, slot * dim, GROUP * dim, 0.0);
                java.util.Arrays.fill(rbuf, slot, GROUP, 0.0);
                java.util.Arrays.fill(kbuf, slot, GROUP, 0.0);
                flush(partial, ho, go, ko, dim, jbuf, rbuf, kbuf);
            }
            partial[so] = sse;
            partial[so + 1] = kk;
            partial[so + 2] = ke;
        });
        java.util.Arrays.fill(jtj, 0, dim * dim, 0.0);
        java.util.Arrays.fill(jte, 0, dim, 0.0);
        double[] kj = new double[dim];
        double sse = 0.0;
        double kk = 0.0;
        double ke = 0.0;
        for (int c = 0; c < chunks; c++) {
            int ho = c * part;
            int go = ho + dim * dim;
            for (int a = 0; a < dim; a++) {
                for (int e = a; e < dim; e++) {
                    jtj[a * dim + e] += partial[ho + a * dim + e];
                }
                jte[a] += partial[go + a];
                kj[a] += partial[go + dim + a];
            }
            sse += partial[go + 2 * dim];
            kk += partial[go + 2 * dim + 1];
            ke += partial[go + 2 * dim + 2];
        }
        // gS = sign(s*) d s_{i*j*} / d theta
        double[] gs = new double[dim];
        double sign = sMax < 0 ? -1.0 : 1.0;
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < r; b++) {
                gs[a * r + b] = sign * x[maxRowI * d + a] * q[maxRowJ * r + b];
                gs[d * r + a * r + b] = sign * p[maxRowI * r + b] * x[maxRowJ * d + a];
            }
        }
        for (int a = 0; a < dim; a++) {
            for (int e = a; e < dim; e++) {
                jtj[a * dim + e] += -kj[a] * gs[e] - gs[a] * kj[e] + kk * gs[a] * gs[e];
            }
            jte[a] -= ke * gs[a];
        }
        for (int a = 0; a < dim; a++) {
            for (int e = 0; e < a; e++) {
                jtj[a * dim + e] = jtj[e * dim + a];
            }
        }
        return sse;
    }

    /** Jacobian rows accumulated together (one pass over the partial sums per group). */
    static final int GROUP = 8;

    /**
     * Adds GROUP Jacobian rows (jbuf, row g at g dim) to the partial sums at ho (upper triangle of J^T J),
     * go (J^T e) and ko (sum kappa J). Eight rows per pass: each partial-sum entry is loaded and stored once
     * per eight rank-one updates, and two rows share the loads of the column entries.
     */
    private static void flush(double[] partial, int ho, int go, int ko, int dim, double[] jbuf, double[] rbuf,
                              double[] kbuf) {
        double r0 = rbuf[0];
        double r1 = rbuf[1];
        double r2 = rbuf[2];
        double r3 = rbuf[3];
        double r4 = rbuf[4];
        double r5 = rbuf[5];
        double r6 = rbuf[6];
        double r7 = rbuf[7];
        double k0 = kbuf[0];
        double k1 = kbuf[1];
        double k2 = kbuf[2];
        double k3 = kbuf[3];
        double k4 = kbuf[4];
        double k5 = kbuf[5];
        double k6 = kbuf[6];
        double k7 = kbuf[7];
        int o1 = dim;
        int o2 = 2 * dim;
        int o3 = 3 * dim;
        int o4 = 4 * dim;
        int o5 = 5 * dim;
        int o6 = 6 * dim;
        int o7 = 7 * dim;
        // two rows of J^T J per pass (dim = 2 d r is even): the eight column entries jbuf[g dim + e] are loaded
        // once for both rows
        for (int a = 0; a < dim; a += 2) {
            double j0 = jbuf[a];
            double j1 = jbuf[o1 + a];
            double j2 = jbuf[o2 + a];
            double j3 = jbuf[o3 + a];
            double j4 = jbuf[o4 + a];
            double j5 = jbuf[o5 + a];
            double j6 = jbuf[o6 + a];
            double j7 = jbuf[o7 + a];
            int b = a + 1;
            double i0 = jbuf[b];
            double i1 = jbuf[o1 + b];
            double i2 = jbuf[o2 + b];
            double i3 = jbuf[o3 + b];
            double i4 = jbuf[o4 + b];
            double i5 = jbuf[o5 + b];
            double i6 = jbuf[o6 + b];
            double i7 = jbuf[o7 + b];
            partial[go + a] += (r0 * j0 + r1 * j1 + r2 * j2 + r3 * j3) + (r4 * j4 + r5 * j5 + r6 * j6 + r7 * j7);
            partial[ko + a] += (k0 * j0 + k1 * j1 + k2 * j2 + k3 * j3) + (k4 * j4 + k5 * j5 + k6 * j6 + k7 * j7);
            partial[go + b] += (r0 * i0 + r1 * i1 + r2 * i2 + r3 * i3) + (r4 * i4 + r5 * i5 + r6 * i6 + r7 * i7);
            partial[ko + b] += (k0 * i0 + k1 * i1 + k2 * i2 + k3 * i3) + (k4 * i4 + k5 * i5 + k6 * i6 + k7 * i7);
            int rowA = ho + a * dim;
            int rowB = ho + b * dim;
            partial[rowA + a] += (j0 * j0 + j1 * j1 + j2 * j2 + j3 * j3) + (j4 * j4 + j5 * j5 + j6 * j6 + j7 * j7);
            for (int e = b; e < dim; e++) {
                double v0 = jbuf[e];
                double v1 = jbuf[o1 + e];
                double v2 = jbuf[o2 + e];
                double v3 = jbuf[o3 + e];
                double v4 = jbuf[o4 + e];
                double v5 = jbuf[o5 + e];
                double v6 = jbuf[o6 + e];
                double v7 = jbuf[o7 + e];
                partial[rowA + e] += (j0 * v0 + j1 * v1 + j2 * v2 + j3 * v3) + (j4 * v4 + j5 * v5 + j6 * v6 + j7 * v7);
                partial[rowB + e] += (i0 * v0 + i1 * v1 + i2 * v2 + i3 * v3) + (i4 * v4 + i5 * v5 + i6 * v6 + i7 * v7);
            }
        }
    }

    /** The moment matrix C = sum_{m,i} Y_i X_i (sum_{j != i} X_j)^T (d x d, row-major), unnormalised. */
    void momentMatrix(double[] out) {
        int part = d * d;
        int size = chunkSize(part);
        int chunks = ChunkKernel.count(samples, size);
        double[] partial = new double[chunks * part];
        runner.run(chunks, c -> {
            int m0 = ChunkKernel.start(c, size, samples);
            int m1 = ChunkKernel.end(c, size, samples);
            double[] total = new double[d];
            int co = c * part;
            for (int m = m0; m < m1; m++) {
                int base = m * n;
                java.util.Arrays.fill(total, 0.0);
                for (int i = 0; i < n; i++) {
                    int xi = (base + i) * d;
                    for (int a = 0; a < d; a++) {
                        total[a] += x[xi + a];
                    }
                }
                for (int i = 0; i < n; i++) {
                    int xi = (base + i) * d;
                    double yi = y[base + i];
                    for (int a = 0; a < d; a++) {
                        double ya = yi * x[xi + a];
                        int row = co + a * d;
                        for (int e = 0; e < d; e++) {
                            partial[row + e] += ya * (total[e] - x[xi + e]);
                        }
                    }
                }
            }
        });
        java.util.Arrays.fill(out, 0, part, 0.0);
        for (int c = 0; c < chunks; c++) {
            for (int a = 0; a < part; a++) {
                out[a] += partial[c * part + a];
            }
        }
    }

    /** M N, the number of outputs. */
    int outputCount() {
        return samples * n;
    }
}
