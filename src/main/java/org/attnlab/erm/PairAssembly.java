package org.attnlab.erm;

import org.attnlab.internal.ChunkPool;
import org.attnlab.internal.Simd;
import org.attnlab.kernel.AssemblyKernel;
import org.attnlab.kernel.ChunkKernel;
import org.attnlab.kernel.GaussNewtonLoops;
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
    /** The SIMD Gauss-Newton loops, or null (scalar): same bytes either way ({@link Simd}). */
    static final GaussNewtonLoops GN_LOOPS = Simd.load(GaussNewtonLoops.class,
            "org.attnlab.vector.VectorGaussNewton");

    private final int samples;
    private final int n;
    private final int d;
    private final int r;
    private final double[] x;
    private final double[] y;
    private final ChunkPool runner;
    private final double weight;

    PairAssembly(Dataset data, int rank, ChunkPool runner) {
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
        int size = chunkSize(3);
        int chunks = ChunkKernel.count(samples, size);
        double[] partial = new double[3 * chunks];
        projectInto(u, v, p, q, size, partial);
        double[] top = largestOfChunks(partial, chunks);
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
        projectInto(u, v, p, q, chunkSize(1), null);
        Projections out = new Projections(r, p, q, Double.NaN, samePair.largestRowI, samePair.largestRowJ);
        double s = Math.abs(out.largestScore());
        return new Projections(r, p, q, s, samePair.largestRowI, samePair.largestRowJ);
    }

    /**
     * P = X U, Q = X V in chunks of {@code size} samples; with {@code partial} non-null, each chunk then searches
     * its own pairs for the largest |score| while its projections are in cache (partial[3 c..3 c + 2], as
     * {@link #largestPairs}).
     */
    private void projectInto(double[] u, double[] v, double[] p, double[] q, int size, double[] partial) {
        int chunks = ChunkKernel.count(samples, size);
        runner.run(chunks, c -> {
            int m0 = ChunkKernel.start(c, size, samples);
            int m1 = ChunkKernel.end(c, size, samples);
            projectRows(m0 * n, m1 * n, u, v, p, q);
            if (partial != null && (r != 1 || !largestRankOne(p, q, n, m0, m1, partial, 3 * c))) {
                largestPairs(p, q, r, n, m0, m1, partial, 3 * c);
            }
        });
    }

    /** P = X U, Q = X V for rows rowStart..rowEnd - 1. */
    private void projectRows(int rowStart, int rowEnd, double[] u, double[] v, double[] p, double[] q) {
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
     * token, partner order) that attains it, from the chunks' results (chunk order).
     */
    private static double[] largestOfChunks(double[] partial, int chunks) {
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
     * The pair search of {@link #project(double[], double[])} on samples m0..m1 - 1 (rank r, n tokens):
     * out[at] = the largest |s_ij| (NaN if a score is NaN), out[at + 1], out[at + 2] = the rows of the first pair
     * (sample, token, partner order) that attains it.
     */
    static void largestPairs(double[] p, double[] q, int r, int n, int m0, int m1, double[] out, int at) {
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
                            out[at] = Double.NaN;
                            return;
                        }
                        max = a;
                        bi = base + i;
                        bj = j;
                    }
                }
            }
        }
        out[at] = max;
        out[at + 1] = bi;
        out[at + 2] = bj;
    }

    /**
     * The pair search of {@link #largestPairs} on samples m0..m1 - 1 at r = 1 in O(N) per sample instead of
     * O(N^2), with the same result: out[at] = the largest |s_ij|, out[at + 1], out[at + 2] = the rows of the first
     * pair (sample, token, partner order) that attains it. Returns false, writing nothing, if a projection of these
     * samples is not finite (the caller then runs the pair loop, which also handles NaN scores).
     *
     * <p>Why it is exact: |s_ij| = |p_i q_j| is the rounded product fl(|p_i| |q_j|) (rounding to nearest is
     * symmetric), and rounding is monotone, so max_{j != i} |s_ij| = fl(|p_i| max_{j != i} |q_j|), where the
     * largest |q_j| over j != i is the sample's largest |q| unless i holds it, else the second largest. The pair
     * loop keeps the first pair at which its running maximum reaches its final value, that is the first pair with
     * |s_ij| equal to the overall maximum. It lies in the first sample whose largest |s_ij| is the maximum; a second
     * pass over that sample finds it among the tokens whose largest |s_ij| equals it (several |q_j| can round to
     * the same product, so the partners are scanned in order).
     */
    static boolean largestRankOne(double[] p, double[] q, int n, int m0, int m1, double[] out, int at) {
        int rows0 = m0 * n;
        int rows1 = m1 * n;
        for (int row = rows0; row < rows1; row++) {
            if (!Double.isFinite(p[row]) || !Double.isFinite(q[row])) {
                return false;
            }
        }
        double max = -1.0;
        int at0 = -1;
        for (int m = m0; m < m1; m++) {
            int base = m * n;
            int top = topIndex(q, base, n);
            double first = Math.abs(q[base + top]);
            double second = secondLargest(q, base, n, top);
            for (int i = 0; i < n; i++) {
                double v = Math.abs(p[base + i]) * (i == top ? second : first);
                if (v > max) {
                    max = v;
                    at0 = m;
                }
            }
        }
        if (at0 < 0) {
            // no sample
            return false;
        }
        // the first pair attaining the maximum is in the first sample that attains it
        int base = at0 * n;
        int top = topIndex(q, base, n);
        double first = Math.abs(q[base + top]);
        double second = secondLargest(q, base, n, top);
        for (int i = 0; i < n; i++) {
            double pi = Math.abs(p[base + i]);
            if (pi * (i == top ? second : first) != max) {
                continue;
            }
            for (int k = 0; k < n - 1; k++) {
                int j = PairKernel.partner(n, i, k);
                if (pi * Math.abs(q[base + j]) == max) {
                    out[at] = max;
                    out[at + 1] = base + i;
                    out[at + 2] = base + j;
                    return true;
                }
            }
        }
        // not reached for finite projections (the maximum is attained); the pair loop decides
        return false;
    }

    /** The token of the sample at row base with the largest |q| (the first if several). */
    private static int topIndex(double[] q, int base, int n) {
        int top = 0;
        for (int j = 1; j < n; j++) {
            if (Math.abs(q[base + j]) > Math.abs(q[base + top])) {
                top = j;
            }
        }
        return top;
    }

    /** The largest |q_j| of the sample at row base over j != top. */
    private static double secondLargest(double[] q, int base, int n, int top) {
        double second = -1.0;
        for (int j = 0; j < n; j++) {
            if (j != top) {
                second = Math.max(second, Math.abs(q[base + j]));
            }
        }
        return second;
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

    /**
     * The sum of squared residuals sum_{m,i} (Y_i - w sum_{j != i} phi(s_ij))^2 for phi = sum c_k B_k; the loops
     * are {@link AssemblyKernel#sumOfSquares}, phi by Horner from its piece polynomials.
     */
    double sumOfSquares(Projections pq, SplineGrid grid, double[] coefficients) {
        double[] p = pq.p;
        double[] q = pq.q;
        int deg = grid.degree();
        int pieces = grid.pieces();
        double lo = -grid.radius();
        double hi = grid.radius();
        double scale = grid.scale();
        double[] table = new double[pieces * (deg + 1)];
        AssemblyKernel.piecePolynomials(coefficients, deg, pieces, table, new double[(deg + 1) * (deg + 1)],
                new double[2 * (deg + 1)]);
        int size = chunkSize(1);
        int chunks = ChunkKernel.count(samples, size);
        double[] partial = new double[chunks];
        runner.run(chunks, c -> {
            int m0 = ChunkKernel.start(c, size, samples);
            int m1 = ChunkKernel.end(c, size, samples);
            partial[c] = AssemblyKernel.sumOfSquares(p, q, y, r, n, m0, m1, lo, hi, scale, pieces, deg, weight,
                    table);
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
     *
     * <p>ftj receives F^T J^n (n x 2 d r, row-major: ftj[k 2 d r + a] = sum_i F_ik J^n_ia, F_i the aggregated
     * features of the phi-step, unnormalised) = F^T J - (sum kappa_i F_i) gS^T, for the variable-projection
     * A-step of {@link ErmEngine}.
     */
    double gaussNewton(Projections pq, SplineGrid grid, double[] coefficients, double[] jtj, double[] jte,
                       double[] ftj) {
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
        int nb = grid.size();
        int part = dim * dim + 2 * dim + 3 + nb * dim + nb;
        double sMax = pq.largestScore();
        double sAbs = Math.abs(sMax);
        double[] values = new double[pieces * (deg + 1)];
        double[] slopes = new double[pieces * (deg + 1)];
        AssemblyKernel.piecePolynomials(coefficients, deg, pieces, values, new double[(deg + 1) * (deg + 1)],
                new double[2 * (deg + 1)]);
        for (int k = 0; k < pieces; k++) {
            for (int a = 0; a <= deg; a++) {
                slopes[k * (deg + 1) + a] = a < deg ? (a + 1) * values[k * (deg + 1) + a + 1] * scale : 0.0;
            }
        }
        int size = chunkSize(part);
        int chunks = ChunkKernel.count(samples, size);
        double[] partial = new double[chunks * part];
        runner.run(chunks, c -> {
            int m0 = ChunkKernel.start(c, size, samples);
            int m1 = ChunkKernel.end(c, size, samples);
            int ho = c * part;
            int go = ho + dim * dim;
            int ko = go + dim;
            int so = ko + dim;
            int block = AssemblyKernel.BLOCK;
            AssemblyKernel.gaussNewton(x, y, p, q, r, d, n, m0, m1, lo, hi, scale, pieces, deg, weight, values,
                    slopes, sAbs, new int[n], new double[n], new double[r], new double[d],
                    new double[block * dim], new double[block], new double[block], new int[2 * n],
                    new double[2 * nb], new double[deg + 1], new double[block * nb], partial, ho, go, ko, so, so + 3,
                    so + 3 + nb * dim, GN_LOOPS);
        });
        java.util.Arrays.fill(jtj, 0, dim * dim, 0.0);
        java.util.Arrays.fill(jte, 0, dim, 0.0);
        double[] kj = new double[dim];
        double[] kf = new double[nb];
        java.util.Arrays.fill(ftj, 0, nb * dim, 0.0);
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
            int fo = go + 2 * dim + 3;
            for (int a = 0; a < nb * dim; a++) {
                ftj[a] += partial[fo + a];
            }
            for (int k = 0; k < nb; k++) {
                kf[k] += partial[fo + nb * dim + k];
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
        for (int k = 0; k < nb; k++) {
            for (int a = 0; a < dim; a++) {
                ftj[k * dim + a] -= kf[k] * gs[a];
            }
        }
        for (int a = 0; a < dim; a++) {
            for (int e = 0; e < a; e++) {
                jtj[a * dim + e] = jtj[e * dim + a];
            }
        }
        return sse;
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
