package org.attnlab.kernel;

/**
 * The straightforward assembly loops that the fast kernels replace, kept as test oracles: one token at a time,
 * the aggregated features F_i = w sum_{j != i} B(s_ij) built in a full vector of length n by
 * {@link ScoreKernel#values}, then the full outer product. Slow and obviously right.
 */
public final class NaiveAssembly {

    private NaiveAssembly() {
    }

    /** F_i of token row {@code row} (sample base {@code base}, token i) into f (length n, overwritten). */
    public static void features(double[] p, double[] q, int r, int tokens, int base, int i, double lo, double hi,
                                double scale, int pieces, int degree, double[] f) {
        java.util.Arrays.fill(f, 0.0);
        double[] vals = new double[degree + 1];
        double w = 1.0 / (tokens - 1);
        for (int j = 0; j < tokens; j++) {
            if (j == i) {
                continue;
            }
            double s = 0.0;
            for (int b = 0; b < r; b++) {
                s += p[(base + i) * r + b] * q[(base + j) * r + b];
            }
            double t = ScoreKernel.position(s, lo, hi, scale);
            int k = ScoreKernel.piece(t, pieces);
            ScoreKernel.values(t - k, degree, vals);
            for (int e = 0; e <= degree; e++) {
                f[k + e] += vals[e];
            }
        }
        for (int a = 0; a < f.length; a++) {
            f[a] *= w;
        }
    }

    /**
     * gram = sum F F^T (full n x n), rhs = sum y F, and in scale[0], scale[1] the sums of |terms| of the
     * largest entry of each (bounds for the rounding of any summation order).
     */
    public static void normalEquations(double[] p, double[] q, double[] y, int r, int tokens, int samples,
                                       double lo, double hi, double scale, int pieces, int degree, double[] gram,
                                       double[] rhs, double[] magnitude) {
        int n = pieces + degree;
        java.util.Arrays.fill(gram, 0.0);
        java.util.Arrays.fill(rhs, 0.0);
        double[] absRhs = new double[n];
        double[] f = new double[n];
        for (int m = 0; m < samples; m++) {
            for (int i = 0; i < tokens; i++) {
                features(p, q, r, tokens, m * tokens, i, lo, hi, scale, pieces, degree, f);
                double yi = y[m * tokens + i];
                for (int a = 0; a < n; a++) {
                    rhs[a] += yi * f[a];
                    absRhs[a] += Math.abs(yi * f[a]);
                    for (int e = 0; e < n; e++) {
                        gram[a * n + e] += f[a] * f[e];
                    }
                }
            }
        }
        double g = 0.0;
        double b = 0.0;
        for (int a = 0; a < n; a++) {
            b = Math.max(b, absRhs[a]);
            for (int e = 0; e < n; e++) {
                g = Math.max(g, gram[a * n + e]);
            }
        }
        magnitude[0] = g;
        magnitude[1] = b;
    }
}
