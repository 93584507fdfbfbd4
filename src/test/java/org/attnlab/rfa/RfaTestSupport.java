package org.attnlab.rfa;

import org.attnlab.internal.RandomStreams;

/** Naive oracles and helpers shared by the tests of org.attnlab.rfa. */
final class RfaTestSupport {

    private RfaTestSupport() {
    }

    /**
     * The model by its definition (arXiv 2307.11353), with explicit matrices and no reuse of W^T xt_0:
     * f = sum_m (1/N) sum_i relu(sum_{a,b} xt_0[a] W_m[a][b] xt_i[b]) sum_b v_m[b] xt_i[b].
     */
    static double naiveAttention(int d, int keys, int heads, double[] w, double[] tokens, int offset, double[] v) {
        int e = d + 1;
        double f = 0.0;
        for (int m = 0; m < heads; m++) {
            for (int i = 1; i <= keys; i++) {
                double s = 0.0;
                for (int a = 0; a < e; a++) {
                    double x0a = a < d ? tokens[offset + a] : 1.0;
                    for (int b = 0; b < e; b++) {
                        double xib = b < d ? tokens[offset + i * d + b] : 1.0;
                        s += x0a * w[m * e * e + a * e + b] * xib;
                    }
                }
                double value = 0.0;
                for (int b = 0; b < e; b++) {
                    value += v[m * e + b] * (b < d ? tokens[offset + i * d + b] : 1.0);
                }
                f += Math.max(s, 0.0) * value / keys;
            }
        }
        return f;
    }

    /** n samples of unit tokens from a test stream. */
    static double[] tokens(long seed, int n, int d, int keys) {
        return SphereTokens.samples(seed, RandomStreams.Purpose.TOKENS, 0, n, d, keys);
    }

    /** Solves the dense system a x = b (a is k x k row-major, copied) by Gaussian elimination with pivoting. */
    static double[] gaussSolve(double[] a, double[] b, int k) {
        double[] m = a.clone();
        double[] r = b.clone();
        for (int c = 0; c < k; c++) {
            int piv = c;
            for (int i = c + 1; i < k; i++) {
                if (Math.abs(m[i * k + c]) > Math.abs(m[piv * k + c])) {
                    piv = i;
                }
            }
            for (int j = 0; j < k; j++) {
                double t = m[c * k + j];
                m[c * k + j] = m[piv * k + j];
                m[piv * k + j] = t;
            }
            double t = r[c];
            r[c] = r[piv];
            r[piv] = t;
            for (int i = c + 1; i < k; i++) {
                double f = m[i * k + c] / m[c * k + c];
                for (int j = c; j < k; j++) {
                    m[i * k + j] -= f * m[c * k + j];
                }
                r[i] -= f * r[c];
            }
        }
        double[] x = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            double s = r[i];
            for (int j = i + 1; j < k; j++) {
                s -= m[i * k + j] * x[j];
            }
            x[i] = s / m[i * k + i];
        }
        return x;
    }

    /**
     * The centered ridge system of the definition, built from the explicit feature matrix:
     * A = Phi_c^T Phi_c / n + (lambda s + jitter r) I, rhs = Phi_c^T y_c / n, s = trace(Phi_c^T Phi_c / n) / p.
     * Returns {A (p*p), rhs (p), mu (p), ybar (1)}.
     */
    static double[][] centeredSystem(FeatureMap map, double[] tokens, double[] y, int n, double lambda) {
        int p = map.dimension();
        double[] phi = new double[n * p];
        double[] scratch = new double[map.scratchLength()];
        for (int s = 0; s < n; s++) {
            map.features(tokens, s * map.sampleLength(), scratch, phi, s * p);
        }
        double[] mu = new double[p];
        double ybar = 0.0;
        for (int s = 0; s < n; s++) {
            for (int k = 0; k < p; k++) {
                mu[k] += phi[s * p + k] / n;
            }
            ybar += y[s] / n;
        }
        double[] a = new double[p * p];
        double[] rhs = new double[p];
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < p; i++) {
                double ci = phi[s * p + i] - mu[i];
                rhs[i] += ci * (y[s] - ybar) / n;
                for (int j = 0; j < p; j++) {
                    a[i * p + j] += ci * (phi[s * p + j] - mu[j]) / n;
                }
            }
        }
        double trace = 0.0;
        double raw = 0.0;
        for (int i = 0; i < p; i++) {
            trace += a[i * p + i];
            for (int s = 0; s < n; s++) {
                raw += phi[s * p + i] * phi[s * p + i] / n;
            }
        }
        double shift = lambda * (trace > 0 ? trace / p : 1.0) + RidgeTrainer.JITTER * raw / p;
        for (int i = 0; i < p; i++) {
            a[i * p + i] += shift;
        }
        return new double[][] {a, rhs, mu, {ybar}};
    }
}
