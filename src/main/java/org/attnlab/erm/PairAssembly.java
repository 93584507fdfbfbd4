package org.attnlab.erm;

import org.attnlab.kernel.ChunkKernel;
import org.attnlab.kernel.PairKernel;
import org.attnlab.kernel.ScoreKernel;
import org.attnlab.sampler.Dataset;

/**
 * The hot loops of the estimator over all ordered pairs (i, j != i) of every sample (arXiv 2510.11789, model A).
 *
 * <p>Notation: X_i^m tokens (row m N + i of {@code tokens}, length d), U, V in R^{d x r} row-major
 * ({@code u[a * r + b]}), projections P = X U and Q = X V (row-major, length M N r, kept here), scores
 * s_ij = P_i . Q_j = X_i^T U V^T X_j, weight w = 1/(N - 1), aggregated features
 * F_i = w sum_{j != i} B(s_ij) in R^n.
 *
 * <p>Samples are split into fixed chunks ({@link ChunkKernel}) that depend only on M and the sizes of the
 * partial sums, never on the thread count; each chunk accumulates its own partial sums in sample order and
 * the chunks are reduced in chunk order, so every result is the same bytes at any thread count. Memory:
 * P and Q (2 M N r doubles) plus at most {@link #MAX_CHUNKS} partial sums, never an (M N) x n matrix.
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
    private final double[] p;
    private final double[] q;
    private final ChunkRunner runner;
    private final double weight;

    PairAssembly(Dataset data, int rank, ChunkRunner runner) {
        this.samples = data.samples();
        this.n = data.tokensPerSample();
        this.d = data.dimension();
        this.r = rank;
        this.x = data.tokens();
        this.y = data.outputs();
        this.p = new double[samples * n * rank];
        this.q = new double[samples * n * rank];
        this.runner = runner;
        this.weight = 1.0 / (n - 1);
    }

    /** The chunk size for partial sums of {@code partialSize} doubles each. */
    int chunkSize(int partialSize) {
        long byBudget = Math.max(1L, PARTIAL_BUDGET / Math.max(1, partialSize));
        int maxChunks = (int) Math.min(MAX_CHUNKS, byBudget);
        return ChunkKernel.size(samples, maxChunks, MIN_CHUNK);
    }

    /** P = X U, Q = X V for all tokens. */
    void project(double[] u, double[] v) {
        int size = chunkSize(1);
        int chunks = ChunkKernel.count(samples, size);
        runner.run(chunks, c -> {
            int rowStart = ChunkKernel.start(c, size, samples) * n;
            int rowEnd = ChunkKernel.end(c, size, samples) * n;
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

    /** max |s_ij| over all training pairs (NaN if a score is NaN). */
    double maxAbsScore() {
        int size = chunkSize(1);
        int chunks = ChunkKernel.count(samples, size);
        double[] partial = new double[chunks];
        runner.run(chunks, c -> {
            int m0 = ChunkKernel.start(c, size, samples);
            int m1 = ChunkKernel.end(c, size, samples);
            double max = 0.0;
            for (int m = m0; m < m1; m++) {
                int base = m * n;
                for (int i = 0; i < n; i++) {
                    int pi = (base + i) * r;
                    for (int k = 0; k < n - 1; k++) {
                        int qj = (base + PairKernel.partner(n, i, k)) * r;
                        double s = 0.0;
                        for (int b = 0; b < r; b++) {
                            s += p[pi + b] * q[qj + b];
                        }
                        double a = Math.abs(s);
                        if (!(a <= max)) {
                            max = a;
                        }
                    }
                }
            }
            partial[c] = max;
        });
        double max = 0.0;
        for (double v : partial) {
            if (!(v <= max)) {
                max = v;
            }
        }
        return max;
    }

    /**
     * The normal equations of the phi-step: gram = sum_{m,i} F_i F_i^T (n x n, row-major, full) and
     * rhs = sum_{m,i} Y_i F_i, unnormalised.
     */
    void normalEquations(SplineGrid grid, double[] gram, double[] rhs) {
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
            double[] f = new double[nb];
            double[] vals = new double[deg + 1];
            int go = c * part;
            int bo = go + nb * nb;
            for (int m = m0; m < m1; m++) {
                int base = m * n;
                for (int i = 0; i < n; i++) {
                    int pi = (base + i) * r;
                    int kmin = pieces;
                    int kmax = -1;
                    for (int k = 0; k < n - 1; k++) {
                        int qj = (base + PairKernel.partner(n, i, k)) * r;
                        double s = 0.0;
                        for (int b = 0; b < r; b++) {
                            s += p[pi + b] * q[qj + b];
                        }
                        double t = ScoreKernel.position(s, lo, hi, scale);
                        int piece = ScoreKernel.piece(t, pieces);
                        ScoreKernel.values(t - piece, deg, vals);
                        for (int e = 0; e <= deg; e++) {
                            f[piece + e] += vals[e];
                        }
                        if (piece < kmin) {
                            kmin = piece;
                        }
                        if (piece > kmax) {
                            kmax = piece;
                        }
                    }
                    int last = kmax + deg;
                    double yi = y[base + i];
                    for (int a = kmin; a <= last; a++) {
                        f[a] *= weight;
                    }
                    for (int a = kmin; a <= last; a++) {
                        double fa = f[a];
                        partial[bo + a] += yi * fa;
                        int row = go + a * nb;
                        for (int e = a; e <= last; e++) {
                            partial[row + e] += fa * f[e];
                        }
                    }
                    for (int a = kmin; a <= last; a++) {
                        f[a] = 0.0;
                    }
                }
            }
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
    double sumOfSquares(SplineGrid grid, double[] coefficients) {
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
     */
    double gaussNewton(SplineGrid grid, double[] coefficients, double[] jtj, double[] jte) {
        int deg = grid.degree();
        int pieces = grid.pieces();
        double lo = -grid.radius();
        double hi = grid.radius();
        double scale = grid.scale();
        int dim = 2 * d * r;
        int part = dim * dim + dim + 1;
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
            double[] jrow = new double[dim];
            int ho = c * part;
            int go = ho + dim * dim;
            int so = go + dim;
            double sse = 0.0;
            for (int m = m0; m < m1; m++) {
                int base = m * n;
                for (int i = 0; i < n; i++) {
                    int pi = (base + i) * r;
                    double pred = 0.0;
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
                            for (int b = 0; b < r; b++) {
                                w[b] += dphi * q[qj + b];
                            }
                            int xj = j * d;
                            for (int a = 0; a < d; a++) {
                                z[a] += dphi * x[xj + a];
                            }
                        }
                    }
                    double res = y[base + i] - weight * pred;
                    sse += res * res;
                    int xi = (base + i) * d;
                    int vo = d * r;
                    for (int a = 0; a < d; a++) {
                        double xa = x[xi + a];
                        double za = weight * z[a];
                        for (int b = 0; b < r; b++) {
                            jrow[a * r + b] = xa * weight * w[b];
                            jrow[vo + a * r + b] = p[pi + b] * za;
                        }
                        z[a] = 0.0;
                    }
                    for (int b = 0; b < r; b++) {
                        w[b] = 0.0;
                    }
                    for (int a = 0; a < dim; a++) {
                        double ja = jrow[a];
                        partial[go + a] += res * ja;
                        int row = ho + a * dim;
                        for (int e = a; e < dim; e++) {
                            partial[row + e] += ja * jrow[e];
                        }
                    }
                }
            }
            partial[so] = sse;
        });
        java.util.Arrays.fill(jtj, 0, dim * dim, 0.0);
        java.util.Arrays.fill(jte, 0, dim, 0.0);
        double sse = 0.0;
        for (int c = 0; c < chunks; c++) {
            int ho = c * part;
            for (int a = 0; a < dim; a++) {
                for (int e = a; e < dim; e++) {
                    jtj[a * dim + e] += partial[ho + a * dim + e];
                }
                jte[a] += partial[ho + dim * dim + a];
            }
            sse += partial[ho + dim * dim + dim];
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
