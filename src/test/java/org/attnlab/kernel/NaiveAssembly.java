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

    /** {sum of squared residuals, sum of |terms| bound}: predictions by c . B(s) from {@link ScoreKernel#values}. */
    public static double[] sumOfSquares(double[] p, double[] q, double[] y, int r, int tokens, int samples,
                                        double lo, double hi, double scale, int pieces, int degree, double[] c) {
        double[] vals = new double[degree + 1];
        double w = 1.0 / (tokens - 1);
        double sse = 0.0;
        double bound = 0.0;
        for (int m = 0; m < samples; m++) {
            for (int i = 0; i < tokens; i++) {
                double pred = 0.0;
                double abs = 0.0;
                for (int j = 0; j < tokens; j++) {
                    if (j == i) {
                        continue;
                    }
                    double s = 0.0;
                    for (int b = 0; b < r; b++) {
                        s += p[(m * tokens + i) * r + b] * q[(m * tokens + j) * r + b];
                    }
                    double t = ScoreKernel.position(s, lo, hi, scale);
                    int k = ScoreKernel.piece(t, pieces);
                    ScoreKernel.values(t - k, degree, vals);
                    for (int e = 0; e <= degree; e++) {
                        pred += c[k + e] * vals[e];
                        abs += Math.abs(c[k + e]) * vals[e];
                    }
                }
                double res = y[m * tokens + i] - w * pred;
                sse += res * res;
                bound += 2.0 * Math.abs(res) * (Math.abs(y[m * tokens + i]) + w * abs);
            }
        }
        return new double[] {sse, bound};
    }

    /**
     * The Gauss-Newton sums of {@link AssemblyKernel#gaussNewton} one token at a time with full Jacobian rows and
     * full outer products, phi and phi' by {@link ScoreKernel#valuesAndDerivatives}: out[0..dim^2) = sum J^T J
     * (full), then sum e J, sum kappa J, then sum e^2, sum kappa^2, sum kappa e, then sum F J^T (n x dim, F the
     * features of {@link #features}) and sum kappa F (n).
     */
    public static double[] gaussNewton(double[] x, double[] y, double[] p, double[] q, int r, int d, int tokens,
                                       int samples, double lo, double hi, double scale, int pieces, int degree,
                                       double[] c, double sAbs) {
        int dim = 2 * d * r;
        int n = pieces + degree;
        int fo = dim * dim + 2 * dim + 3;
        double[] out = new double[fo + n * dim + n];
        double[] f = new double[n];
        double w = 1.0 / (tokens - 1);
        double[] vals = new double[degree + 1];
        double[] ders = new double[degree + 1];
        double[] jrow = new double[dim];
        for (int m = 0; m < samples; m++) {
            for (int i = 0; i < tokens; i++) {
                int row = m * tokens + i;
                double pred = 0.0;
                double kappa = 0.0;
                java.util.Arrays.fill(jrow, 0.0);
                for (int j = 0; j < tokens; j++) {
                    if (j == i) {
                        continue;
                    }
                    int col = m * tokens + j;
                    double s = 0.0;
                    for (int b = 0; b < r; b++) {
                        s += p[row * r + b] * q[col * r + b];
                    }
                    double t = ScoreKernel.position(s, lo, hi, scale);
                    int k = ScoreKernel.piece(t, pieces);
                    ScoreKernel.valuesAndDerivatives(t - k, degree, vals, ders);
                    double dphi = 0.0;
                    for (int e = 0; e <= degree; e++) {
                        pred += c[k + e] * vals[e];
                        dphi += c[k + e] * ders[e];
                    }
                    if (!(s >= lo && s <= hi)) {
                        continue;
                    }
                    dphi *= scale;
                    kappa += dphi * s;
                    for (int a = 0; a < d; a++) {
                        for (int b = 0; b < r; b++) {
                            jrow[a * r + b] += w * x[row * d + a] * dphi * q[col * r + b];
                            jrow[d * r + a * r + b] += w * p[row * r + b] * dphi * x[col * d + a];
                        }
                    }
                }
                double e = y[row] - w * pred;
                kappa *= w / sAbs;
                for (int a = 0; a < dim; a++) {
                    for (int b = 0; b < dim; b++) {
                        out[a * dim + b] += jrow[a] * jrow[b];
                    }
                    out[dim * dim + a] += e * jrow[a];
                    out[dim * dim + dim + a] += kappa * jrow[a];
                }
                out[dim * dim + 2 * dim] += e * e;
                out[dim * dim + 2 * dim + 1] += kappa * kappa;
                out[dim * dim + 2 * dim + 2] += kappa * e;
                features(p, q, r, tokens, m * tokens, i, lo, hi, scale, pieces, degree, f);
                for (int k = 0; k < n; k++) {
                    for (int a = 0; a < dim; a++) {
                        out[fo + k * dim + a] += f[k] * jrow[a];
                    }
                    out[fo + n * dim + k] += kappa * f[k];
                }
            }
        }
        return out;
    }
}
