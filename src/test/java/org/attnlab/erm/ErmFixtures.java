package org.attnlab.erm;

import org.attnlab.basis.BSplineBasis;
import org.attnlab.internal.RandomStreams;
import org.attnlab.sampler.Dataset;

/**
 * Small model-A problems built by hand for the tests (independent of the sampler): tokens i.i.d. uniform on
 * [-1, 1]^d, A* = U* V*^T, phi* a spline evaluated through the shared Cox-de Boor basis
 * ({@link BSplineBasis}, not the estimator's {@code ScoreKernel}), outputs
 * Y_i = 1/(N-1) sum_{j != i} phi*(X_i^T A* X_j) + sigma eta_i.
 */
final class ErmFixtures {

    private ErmFixtures() {
    }

    /** A problem: data plus the truth that generated it. */
    record Problem(Dataset data, double[] u, double[] v, SplineGrid grid, double[] coefficients) {

        /** g*(x, y) = phi*(clamp(x^T U V^T y)) by the independent basis. */
        PairInteraction truth() {
            int d = data.dimension();
            int r = u.length / d;
            BSplineBasis basis = grid.basis();
            return (x, xo, y, yo) -> {
                double s = 0.0;
                for (int b = 0; b < r; b++) {
                    double pu = 0.0;
                    double qv = 0.0;
                    for (int a = 0; a < d; a++) {
                        pu += x[xo + a] * u[a * r + b];
                        qv += y[yo + a] * v[a * r + b];
                    }
                    s += pu * qv;
                }
                return basis.value(coefficients, basis.clampToDomain(s));
            };
        }
    }

    /** i.i.d. uniform tokens on [-1, 1]^d, one stream per sample. */
    static double[] cubeTokens(int m, int n, int d, long seed) {
        double[] x = new double[m * n * d];
        for (int s = 0; s < m; s++) {
            RandomStreams.Stream st = RandomStreams.stream(seed, RandomStreams.Purpose.TOKENS, s);
            for (int k = 0; k < n * d; k++) {
                x[s * n * d + k] = st.uniform(-1.0, 1.0);
            }
        }
        return x;
    }

    /** The cube pair law (x, y independent uniform on [-1, 1]^d). */
    static PairLaw cubePairs(int d) {
        return (stream, pair) -> {
            for (int a = 0; a < 2 * d; a++) {
                pair[a] = stream.uniform(-1.0, 1.0);
            }
        };
    }

    /** Standard normal d x r matrix from the TRUTH stream. */
    static double[] normalMatrix(int d, int r, long seed, int index) {
        double[] a = new double[d * r];
        RandomStreams.stream(seed, RandomStreams.Purpose.TRUTH, index).normals(a);
        return a;
    }

    /** max |X_i^T U V^T X_j| over the pairs of the tokens. */
    static double maxScore(double[] x, int m, int n, int d, double[] u, double[] v) {
        int r = u.length / d;
        double max = 0.0;
        for (int s = 0; s < m; s++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (i != j) {
                        max = Math.max(max, Math.abs(score(x, (s * n + i) * d, (s * n + j) * d, d, r, u, v)));
                    }
                }
            }
        }
        return max;
    }

    static double score(double[] x, int xo, int yo, int d, int r, double[] u, double[] v) {
        double s = 0.0;
        for (int b = 0; b < r; b++) {
            double pu = 0.0;
            double qv = 0.0;
            for (int a = 0; a < d; a++) {
                pu += x[xo + a] * u[a * r + b];
                qv += x[yo + a] * v[a * r + b];
            }
            s += pu * qv;
        }
        return s;
    }

    /**
     * Spline coefficients with a linear trend plus noise (so the moment start sees A*): c_k = 2 k/(n-1) - 1
     * + 0.5 z_k.
     */
    static double[] trendCoefficients(int n, long seed) {
        double[] c = new double[n];
        RandomStreams.Stream st = RandomStreams.stream(seed, RandomStreams.Purpose.TRUTH, 99);
        for (int k = 0; k < n; k++) {
            c[k] = 2.0 * k / Math.max(1, n - 1) - 1.0 + 0.5 * st.normal();
        }
        return c;
    }

    /**
     * A problem with the truth's spline on [-R*, R*], R* the largest training score of A* (so phi* lies in the
     * estimator's space after its normalisation).
     */
    static Problem problem(int m, int n, int d, int r, int degree, int pieces, double sigma, long seed) {
        double[] x = cubeTokens(m, n, d, seed);
        double[] u = normalMatrix(d, r, seed, 0);
        double[] v = normalMatrix(d, r, seed, 1);
        double radius = maxScore(x, m, n, d, u, v);
        SplineGrid grid = SplineGrid.of(degree, pieces, radius);
        double[] c = trendCoefficients(grid.size(), seed);
        return withOutputs(x, m, n, d, u, v, grid, c, sigma, seed);
    }

    /** Outputs for given tokens and truth. */
    static Problem withOutputs(double[] x, int m, int n, int d, double[] u, double[] v, SplineGrid grid,
                               double[] c, double sigma, long seed) {
        int r = u.length / d;
        BSplineBasis basis = grid.basis();
        double[] y = new double[m * n];
        for (int s = 0; s < m; s++) {
            RandomStreams.Stream noise = RandomStreams.stream(seed, RandomStreams.Purpose.NOISE, s);
            for (int i = 0; i < n; i++) {
                double sum = 0.0;
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        double sc = score(x, (s * n + i) * d, (s * n + j) * d, d, r, u, v);
                        sum += basis.value(c, basis.clampToDomain(sc));
                    }
                }
                y[s * n + i] = sum / (n - 1) + sigma * noise.normal();
            }
        }
        return new Problem(Dataset.of(m, n, d, x, y), u, v, grid, c);
    }
}
