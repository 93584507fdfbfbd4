package org.attnlab.erm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.attnlab.basis.BSplineBasis;
import org.attnlab.internal.ChunkPool;
import org.attnlab.sampler.Dataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hot loops against naive oracles: a dense design matrix, direct sums, finite differences. M = 35 samples
 * make two chunks (32 + 3 samples) and 15 tokens in the last chunk, so a partial group of Jacobian rows is used.
 */
class PairAssemblyTest {

    /** Sums of the same terms in a different order. */
    static final double SUM_TOLERANCE = 1e-12;
    /** Central differences with step 1e-6 on a C^1 spline. */
    static final double DIFFERENCE_TOLERANCE = 1e-6;

    private static final int M = 35;
    private static final int N = 5;
    private static final int D = 3;
    private static final int R = 2;
    private final ErmFixtures.Problem pb = ErmFixtures.problem(M, N, D, R, 2, 3, 0.2, 31L);
    private final Dataset data = pb.data();
    private final ChunkPool runner = ChunkPool.of(2);
    private final double[] u = ErmFixtures.normalMatrix(D, R, 77L, 0);
    private final double[] v = ErmFixtures.normalMatrix(D, R, 77L, 1);
    private final SplineGrid grid = SplineGrid.of(2, 3, 1.5);

    @AfterEach
    void close() {
        runner.close();
    }

    private double score(int m, int i, int j, double[] uu, double[] vv) {
        return ErmFixtures.score(data.tokens(), (m * N + i) * D, (m * N + j) * D, D, R, uu, vv);
    }

    @Test
    void normalEquationsEqualTheDenseDesign() {
        PairAssembly asm = new PairAssembly(data, R, runner);
        PairAssembly.Projections pq = asm.project(u, v);
        int n = grid.size();
        double[] gram = new double[n * n];
        double[] rhs = new double[n];
        asm.normalEquations(pq, grid, gram, rhs);
        BSplineBasis basis = grid.basis();
        double[][] f = new double[M * N][n];
        for (int m = 0; m < M; m++) {
            for (int i = 0; i < N; i++) {
                for (int j = 0; j < N; j++) {
                    if (j != i) {
                        double[] b = basis.allValues(basis.clampToDomain(score(m, i, j, u, v)));
                        for (int k = 0; k < n; k++) {
                            f[m * N + i][k] += b[k] / (N - 1);
                        }
                    }
                }
            }
        }
        for (int a = 0; a < n; a++) {
            double sb = 0.0;
            for (int t = 0; t < M * N; t++) {
                sb += f[t][a] * data.outputs()[t];
            }
            assertEquals(sb, rhs[a], SUM_TOLERANCE, "rhs " + a);
            for (int e = 0; e < n; e++) {
                double s = 0.0;
                for (int t = 0; t < M * N; t++) {
                    s += f[t][a] * f[t][e];
                }
                assertEquals(s, gram[a * n + e], SUM_TOLERANCE, "gram " + a + "," + e);
            }
        }
    }

    @Test
    void sumOfSquaresAndMaxScoreAreTheDefinitions() {
        PairAssembly asm = new PairAssembly(data, R, runner);
        PairAssembly.Projections pq = asm.project(u, v);
        double[] c = {0.4, -1.0, 2.0, 0.3, -0.7};
        BSplineBasis basis = grid.basis();
        double sse = 0.0;
        double max = 0.0;
        for (int m = 0; m < M; m++) {
            for (int i = 0; i < N; i++) {
                double pred = 0.0;
                for (int j = 0; j < N; j++) {
                    if (j != i) {
                        double s = score(m, i, j, u, v);
                        max = Math.max(max, Math.abs(s));
                        pred += basis.value(c, basis.clampToDomain(s));
                    }
                }
                double e = data.output(m, i) - pred / (N - 1);
                sse += e * e;
            }
        }
        assertEquals(sse, asm.sumOfSquares(pq, grid, c), SUM_TOLERANCE);
        assertEquals(max, pq.largest, 0.0);
        assertEquals(max, Math.abs(pq.largestScore()), 0.0);
        assertEquals(M * N, asm.outputCount());
    }

    @Test
    void momentMatrixIsTheDefinition() {
        PairAssembly asm = new PairAssembly(data, R, runner);
        double[] c = new double[D * D];
        asm.momentMatrix(c);
        for (int a = 0; a < D; a++) {
            for (int b = 0; b < D; b++) {
                double s = 0.0;
                for (int m = 0; m < M; m++) {
                    for (int i = 0; i < N; i++) {
                        for (int j = 0; j < N; j++) {
                            if (j != i) {
                                s += data.output(m, i) * data.token(m, i, a) * data.token(m, j, b);
                            }
                        }
                    }
                }
                assertEquals(s, c[a * D + b], SUM_TOLERANCE, a + "," + b);
            }
        }
    }

    /** Predictions with the scores normalised so that the largest is R (as the solver sees them). */
    private double[] normalisedPredictions(double[] uu, double[] vv, double[] c) {
        double max = ErmFixtures.maxScore(data.tokens(), M, N, D, uu, vv);
        double[] p = new double[M * N];
        for (int m = 0; m < M; m++) {
            for (int i = 0; i < N; i++) {
                double s = 0.0;
                for (int j = 0; j < N; j++) {
                    if (j != i) {
                        s += grid.value(c, score(m, i, j, uu, vv) * grid.radius() / max);
                    }
                }
                p[m * N + i] = s / (N - 1);
            }
        }
        return p;
    }

    @Test
    void gaussNewtonSystemMatchesFiniteDifferencesOfNormalisedScores() {
        PairAssembly asm = new PairAssembly(data, R, runner);
        double[] uu = u.clone();
        double[] vv = v.clone();
        PairAssembly.Projections pq;
        try (ErmEngine engine = new ErmEngine(data, R, grid, 0.0, OptimizerSettings.DEFAULT)) {
            engine.normalise(uu, vv);
        }
        pq = asm.project(uu, vv);
        double[] c = {0.4, -1.0, 2.0, 0.3, -0.7};
        int q = 2 * D * R;
        double[] jtj = new double[q * q];
        double[] jte = new double[q];
        double[] ftj = new double[grid.size() * q];
        double sse = asm.gaussNewton(pq, grid, c, jtj, jte, ftj);
        assertEquals(asm.sumOfSquares(pq, grid, c), sse, SUM_TOLERANCE);
        double h = 1e-6;
        double[][] jac = new double[q][];
        for (int k = 0; k < q; k++) {
            double[] up = uu.clone();
            double[] vp = vv.clone();
            double[] um = uu.clone();
            double[] vm = vv.clone();
            if (k < D * R) {
                up[k] += h;
                um[k] -= h;
            } else {
                vp[k - D * R] += h;
                vm[k - D * R] -= h;
            }
            double[] plus = normalisedPredictions(up, vp, c);
            double[] minus = normalisedPredictions(um, vm, c);
            jac[k] = new double[M * N];
            for (int t = 0; t < M * N; t++) {
                jac[k][t] = (plus[t] - minus[t]) / (2 * h);
            }
        }
        double[] pred = normalisedPredictions(uu, vv, c);
        for (int a = 0; a < q; a++) {
            double g = 0.0;
            for (int t = 0; t < M * N; t++) {
                g += jac[a][t] * (data.outputs()[t] - pred[t]);
            }
            assertEquals(g, jte[a], DIFFERENCE_TOLERANCE * Math.max(1.0, Math.abs(g)), "jte " + a);
            // F^T J^n: column k of the design F is the prediction of the unit coefficient vector e_k
            for (int k = 0; k < grid.size(); k++) {
                double[] unit = new double[grid.size()];
                unit[k] = 1.0;
                double[] column = normalisedPredictions(uu, vv, unit);
                double fj = 0.0;
                for (int t = 0; t < M * N; t++) {
                    fj += column[t] * jac[a][t];
                }
                assertEquals(fj, ftj[k * q + a], DIFFERENCE_TOLERANCE * Math.max(1.0, Math.abs(fj)),
                        "ftj " + k + "," + a);
            }
            for (int e = 0; e < q; e++) {
                double s = 0.0;
                for (int t = 0; t < M * N; t++) {
                    s += jac[a][t] * jac[e][t];
                }
                assertEquals(s, jtj[a * q + e], DIFFERENCE_TOLERANCE * Math.max(1.0, Math.abs(s)), "jtj " + a + "," + e);
            }
        }
    }

    /**
     * The rank-one path of {@link PairAssembly#gaussNewton} (Jacobian rows built without the loop over the
     * rank) against the general path: with U = [u, u'] and V = [v, 0] the rank-two scores equal the rank-one
     * scores of (u, v), so the rank-two system restricted to the parameters U_a0, V_a0 is the rank-one system.
     * Odd M N = 35 * 5 leaves a partial group of Jacobian rows.
     */
    @Test
    void rankOneGaussNewtonEqualsTheGeneralPathOnAnEmbeddedRankTwoProblem() {
        double[] u1 = ErmFixtures.normalMatrix(D, 1, 91L, 0);
        double[] v1 = ErmFixtures.normalMatrix(D, 1, 91L, 1);
        double[] extra = ErmFixtures.normalMatrix(D, 1, 91L, 2);
        double[] u2 = new double[2 * D];
        double[] v2 = new double[2 * D];
        for (int a = 0; a < D; a++) {
            u2[2 * a] = u1[a];
            u2[2 * a + 1] = extra[a];
            v2[2 * a] = v1[a];
        }
        double[] c = {0.4, -1.0, 2.0, 0.3, -0.7};
        PairAssembly one = new PairAssembly(data, 1, runner);
        PairAssembly.Projections pq1 = one.project(u1, v1);
        double max1 = pq1.largest;
        int q1 = 2 * D;
        double[] jtj1 = new double[q1 * q1];
        double[] jte1 = new double[q1];
        double sse1 = one.gaussNewton(pq1, grid, c, jtj1, jte1, new double[grid.size() * q1]);
        PairAssembly two = new PairAssembly(data, 2, runner);
        PairAssembly.Projections pq2 = two.project(u2, v2);
        assertEquals(max1, pq2.largest, SUM_TOLERANCE * max1);
        int q2 = 4 * D;
        double[] jtj2 = new double[q2 * q2];
        double[] jte2 = new double[q2];
        double sse2 = two.gaussNewton(pq2, grid, c, jtj2, jte2, new double[grid.size() * q2]);
        assertEquals(sse1, sse2, SUM_TOLERANCE * sse1);
        // parameter k of the rank-one problem is parameter map[k] of the rank-two problem
        int[] map = new int[q1];
        for (int a = 0; a < D; a++) {
            map[a] = 2 * a;
            map[D + a] = 2 * D + 2 * a;
        }
        double scale = 0.0;
        for (double value : jtj1) {
            scale = Math.max(scale, Math.abs(value));
        }
        for (int a = 0; a < q1; a++) {
            assertEquals(jte2[map[a]], jte1[a], SUM_TOLERANCE * Math.max(1.0, Math.abs(jte2[map[a]])), "jte " + a);
            for (int e = 0; e < q1; e++) {
                assertEquals(jtj2[map[a] * q2 + map[e]], jtj1[a * q1 + e], SUM_TOLERANCE * scale, "jtj " + a + "," + e);
            }
        }
    }

    /**
     * The rank-one projection (four partial sums per product) against the direct scores, at d = 7 so that both
     * its blocks of four and its remainder are used: max |s_ij| and the sum of squares equal the definitions up
     * to the rounding of a different summation order.
     */
    @Test
    void rankOneProjectionGivesTheDefinitionScores() {
        int d = 7;
        ErmFixtures.Problem one = ErmFixtures.problem(M, N, d, 1, 2, 3, 0.2, 41L);
        Dataset data1 = one.data();
        double[] u1 = ErmFixtures.normalMatrix(d, 1, 93L, 0);
        double[] v1 = ErmFixtures.normalMatrix(d, 1, 93L, 1);
        PairAssembly asm = new PairAssembly(data1, 1, runner);
        PairAssembly.Projections pq = asm.project(u1, v1);
        double[] c = {0.4, -1.0, 2.0, 0.3, -0.7};
        BSplineBasis basis = grid.basis();
        double sse = 0.0;
        double max = 0.0;
        for (int m = 0; m < M; m++) {
            for (int i = 0; i < N; i++) {
                double pred = 0.0;
                for (int j = 0; j < N; j++) {
                    if (j != i) {
                        double s = ErmFixtures.score(data1.tokens(), (m * N + i) * d, (m * N + j) * d, d, 1, u1, v1);
                        max = Math.max(max, Math.abs(s));
                        pred += basis.value(c, basis.clampToDomain(s));
                    }
                }
                double e = data1.output(m, i) - pred / (N - 1);
                sse += e * e;
            }
        }
        assertEquals(max, pq.largest, SUM_TOLERANCE * max);
        assertEquals(sse, asm.sumOfSquares(pq, grid, c), SUM_TOLERANCE * Math.max(1.0, sse));
    }
}
