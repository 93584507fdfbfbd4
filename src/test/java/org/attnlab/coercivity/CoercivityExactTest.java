package org.attnlab.coercivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.attnlab.basis.BSplineBasis;
import org.attnlab.erm.SplineGrid;
import org.attnlab.internal.RandomStreams;
import org.attnlab.sampler.Dataset;
import org.attnlab.sampler.UniformCube;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The coercivity constant checked from both sides (|estimate - answer| &lt;= tolerance), against answers that do
 * not come from {@link CoercivityEstimator}:
 * <ul>
 *   <li>exact population values: a data set that enumerates every sequence of N tokens from a finite support
 *       once is the population itself (every ordered pair and triple of distinct token slots is uniform on
 *       the support's pairs and triples), so the estimator's empirical c_H must equal the population c_H to
 *       rounding. For H = linear functions of s = x^T A y the identity E|R_h|^2 = 1/(N-1) E h^2 + (N-2)/(N-1)
 *       E[(E[h|X_1])^2] gives, by hand (a 2 x 2 generalized eigenproblem whose eigenvalues are 1 and
 *       Var(E[s|X_1]) / Var(s)): c_H = 1/(N-1) + (N-2)/(N-1) Var(E[s | X_1]) / Var(s);
 *       and for a symmetric support with a symmetric grid, H holds odd functions (E[h|X_1] = 0), so c_H is
 *       exactly 1/(N-1), the Lemma's bound;</li>
 *   <li>an independent generalized-eigenvalue computation on random data: Gram matrices from the Cox-de Boor
 *       basis ({@link BSplineBasis}, not the estimator's ScoreKernel), Commons Math's Cholesky G_pair = L L^T and
 *       symmetric eigen-decomposition of L^-1 G_agg L^-T (the estimator uses its own Cholesky and EJML), for the
 *       pooled constant, each batch constant and the held-out ratio; also with basis functions dropped by the
 *       mass floor at both ends of the grid (the restriction to the kept functions and the scatter of the
 *       held-out eigenvector back to the full basis);</li>
 *   <li>a statistical two-sided check for Gaussian tokens with a non-zero mean (a continuous law, known c_H,
 *       simple smallest eigenvalue so the plug-in bias is O(1/M), well below its standard error): the
 *       estimate within t_{0.9995, 19} = 3.883 batch-means standard errors of c_H, the held-out ratio within
 *       t_{0.9995, 9} = 4.781 of its standard errors: each fails with probability about 0.1% (normal
 *       approximation of the batch statistics), about 0.4% for the whole test; the seed is fixed, so the
 *       outcome is deterministic. This is the fast variant, usable by PIT, of {@code CoercivitySlowTest}.</li>
 * </ul>
 */
class CoercivityExactTest {

    /** Relative tolerance for values that are equal in exact arithmetic (2 x 2 to 7 x 7 eigenproblems). */
    static final double EXACT = 1e-10;

    // ---------------------------------------------------------------- exact population values (enumeration)

    /** Every sequence of n tokens from the support (q points of R^d), one per sample: q^n samples. */
    static Dataset enumerate(double[][] support, int n) {
        int q = support.length;
        int d = support[0].length;
        int m = (int) Math.round(Math.pow(q, n));
        double[] x = new double[m * n * d];
        for (int s = 0; s < m; s++) {
            int code = s;
            for (int i = 0; i < n; i++) {
                System.arraycopy(support[code % q], 0, x, (s * n + i) * d, d);
                code /= q;
            }
        }
        return Dataset.of(m, n, d, x, new double[m * n]);
    }

    static double score(double[] x, double[] a, double[] y) {
        int d = x.length;
        double s = 0.0;
        for (int k = 0; k < d; k++) {
            for (int l = 0; l < d; l++) {
                s += x[k] * a[k * d + l] * y[l];
            }
        }
        return s;
    }

    /**
     * c_H of H = {alpha + beta s} for i.i.d. tokens uniform on the support, by the hand formula
     * 1/(N-1) + (N-2)/(N-1) Var(E[s | X_1]) / Var(s), s = X_1^T A X_2.
     */
    static double linearSpaceConstant(double[][] support, double[] a, int n) {
        int q = support.length;
        double mean = 0.0;
        double square = 0.0;
        double conditionalSquare = 0.0;
        for (double[] x : support) {
            double g = 0.0;
            for (double[] y : support) {
                double s = score(x, a, y);
                mean += s / (q * q);
                square += s * s / (q * q);
                g += s / q;
            }
            conditionalSquare += g * g / q;
        }
        double ratio = (conditionalSquare - mean * mean) / (square - mean * mean);
        return 1.0 / (n - 1) + (n - 2.0) / (n - 1) * ratio;
    }

    static Stream<Arguments> linearCases() {
        double[][] oneTwo = {{1.0}, {2.0}};
        double[][] plane = {{1.0, 0.5}, {-0.3, 1.2}, {0.7, -0.8}};
        double[] a2 = {0.8, 0.3, -0.4, 1.1};
        return Stream.of(
                Arguments.of("{1, 2}, N = 3 (c_H = 14/19 by hand)", oneTwo, new double[] {1.0}, 3, 14.0 / 19),
                Arguments.of("{1, 2}, N = 4", oneTwo, new double[] {1.0}, 4, 1.0 / 3 + 2.0 / 3 * 9 / 19),
                Arguments.of("{1, 2}, N = 6", oneTwo, new double[] {1.0}, 6, Double.NaN),
                Arguments.of("3 points of R^2, N = 3", plane, a2, 3, Double.NaN),
                Arguments.of("3 points of R^2, N = 5", plane, a2, 5, Double.NaN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("linearCases")
    void enumeratedFiniteLawGivesTheHandDerivedConstant(String name, double[][] support, double[] a, int n,
                                                         double byHand) {
        double expected = linearSpaceConstant(support, a, n);
        if (!Double.isNaN(byHand)) {
            assertEquals(byHand, expected, 1e-15, "the formula against the hand computation");
        }
        // degree 1, one piece: H = {alpha + beta s}; the radius covers every score, so no clamping
        double radius = 1.5 * CoercivityEstimator.maxAbsScore(enumerate(support, n), a);
        SplineGrid grid = SplineGrid.of(1, 1, radius);
        CoercivityEstimate est = CoercivityEstimator.defaults().withBatches(4).estimate(enumerate(support, n), a, grid);
        assertFalse(est.singular());
        assertEquals(2, est.basisSize());
        assertEquals(expected, est.constant(), EXACT * expected, name + ": " + est);
        assertEquals((n - 1) * expected, est.normalised(), EXACT * n * expected);
        // the test can tell A from A^T and h(X_i, X_j) from h(X_j, X_i): the transposed answer differs
        if (a.length > 1) {
            double[] t = {a[0], a[2], a[1], a[3]};
            assertTrue(Math.abs(linearSpaceConstant(support, t, n) - expected) > 1e-3);
        }
    }

    @Test
    void symmetricSupportAttainsTheBoundExactly() {
        // support {-1, -1/2, 1/2, 1}, A = 1: scores {+-1, +-1/2, +-1/4}; quadratic splines on [-1, 1] with a knot
        // at 0 (4 functions, Schoenberg-Whitney points -1, -1/2, 1/2, 1 so G_pair is regular) hold h(s) = s, with
        // E[h | X_1] = X_1 E[X_2] = 0, and every ratio is >= 1/(N-1)
        double[][] support = {{-1.0}, {-0.5}, {0.5}, {1.0}};
        for (int n : new int[] {3, 4}) {
            CoercivityEstimate est = CoercivityEstimator.defaults().withBatches(4)
                    .estimate(enumerate(support, n), new double[] {1.0}, SplineGrid.of(2, 2, 1.0));
            assertFalse(est.singular());
            assertEquals(4, est.basisSize());
            assertEquals(1.0 / (n - 1), est.constant(), EXACT, "N=" + n + ": " + est);
        }
    }

    // ---------------------------------------------------------------- independent generalized eigenvalue

    /** {G_agg, G_pair} of samples [m0, m1) by the Cox-de Boor basis, normalised as the estimator documents. */
    static RealMatrix[] oracleGrams(Dataset data, double[] a, SplineGrid grid, int m0, int m1) {
        BSplineBasis basis = grid.basis();
        int nb = grid.size();
        int n = data.tokensPerSample();
        int d = data.dimension();
        double[][] agg = new double[nb][nb];
        double[][] pair = new double[nb][nb];
        double tokens = (double) (m1 - m0) * n;
        for (int m = m0; m < m1; m++) {
            for (int i = 0; i < n; i++) {
                double[] xi = new double[d];
                for (int k = 0; k < d; k++) {
                    xi[k] = data.token(m, i, k);
                }
                double[] f = new double[nb];
                for (int j = 0; j < n; j++) {
                    if (j == i) {
                        continue;
                    }
                    double[] xj = new double[d];
                    for (int k = 0; k < d; k++) {
                        xj[k] = data.token(m, j, k);
                    }
                    double[] b = basis.allValues(basis.clampToDomain(score(xi, a, xj)));
                    for (int p = 0; p < nb; p++) {
                        f[p] += b[p] / (n - 1);
                        for (int r = 0; r < nb; r++) {
                            pair[p][r] += b[p] * b[r] / (tokens * (n - 1));
                        }
                    }
                }
                for (int p = 0; p < nb; p++) {
                    for (int r = 0; r < nb; r++) {
                        agg[p][r] += f[p] * f[r] / tokens;
                    }
                }
            }
        }
        return new RealMatrix[] {new Array2DRowRealMatrix(agg), new Array2DRowRealMatrix(pair)};
    }

    /** Smallest generalized eigenvalue of (agg, pair) and its eigenvector c (agg c = lambda pair c), by Commons Math. */
    record Smallest(double value, double[] vector) {
    }

    static Smallest smallest(RealMatrix agg, RealMatrix pair) {
        RealMatrix l = new CholeskyDecomposition(pair, 1e-12, 1e-300).getL();
        RealMatrix li = MatrixUtils.inverse(l);
        RealMatrix c = li.multiply(agg).multiply(li.transpose());
        c = c.add(c.transpose()).scalarMultiply(0.5);
        EigenDecomposition eig = new EigenDecomposition(c);
        double[] values = eig.getRealEigenvalues();
        int arg = 0;
        for (int k = 1; k < values.length; k++) {
            if (values[k] < values[arg]) {
                arg = k;
            }
        }
        RealVector y = eig.getEigenvector(arg);
        return new Smallest(values[arg], li.transpose().operate(y).toArray());
    }

    static double ratio(RealMatrix agg, RealMatrix pair, double[] c) {
        RealVector v = MatrixUtils.createRealVector(c);
        return agg.operate(v).dotProduct(v) / pair.operate(v).dotProduct(v);
    }

    static Stream<Arguments> grids() {
        // radii below the largest score (about 3 to 5 here), so the constant extension is exercised
        return Stream.of(Arguments.of(SplineGrid.of(0, 3, 1.0), 3), Arguments.of(SplineGrid.of(1, 4, 2.0), 4),
                Arguments.of(SplineGrid.of(2, 5, 1.5), 3), Arguments.of(SplineGrid.of(3, 3, 2.5), 5),
                Arguments.of(SplineGrid.of(2, 2, 8.0), 2));
    }

    @ParameterizedTest
    @MethodSource("grids")
    void matchesAnIndependentGeneralizedEigenvalueComputation(SplineGrid grid, int n) {
        int batches = 4;
        int m = 42;
        Dataset data = CoercivityFixtures.tokens(UniformCube.of(3), m, n, 31L + n);
        double[] a = new double[9];
        RandomStreams.stream(17L, RandomStreams.Purpose.TRUTH, grid.degree()).normals(a);
        CoercivityEstimate est = CoercivityEstimator.defaults().withBatches(batches).estimate(data, a, grid);
        assertFalse(est.singular());
        assertEquals(grid.size(), est.basisSize());

        RealMatrix[] all = oracleGrams(data, a, grid, 0, m);
        double pooled = smallest(all[0], all[1]).value();
        assertEquals(pooled, est.constant(), EXACT * Math.max(1.0, Math.abs(pooled)), grid + ": " + est);
        assertEquals((n - 1) * pooled, est.normalised(), EXACT * n);

        // batch b: samples [b M / B, (b + 1) M / B) (42 = 10 + 11 + 10 + 11)
        RealMatrix[][] batch = new RealMatrix[batches][];
        double[] constants = new double[batches];
        for (int b = 0; b < batches; b++) {
            batch[b] = oracleGrams(data, a, grid, b * m / batches, (b + 1) * m / batches);
            constants[b] = smallest(batch[b][0], batch[b][1]).value();
            assertEquals(constants[b], est.batchConstants()[b], EXACT * Math.max(1.0, Math.abs(constants[b])),
                    "batch " + b);
        }
        assertEquals(standardError(constants), est.standardError(), 1e-8);

        // held-out: minimising c of batches 0 and 1 (pooled, weights of their token counts), ratios on 2 and 3
        int firstHalf = batches / 2 * m / batches;
        RealMatrix[] train = oracleGrams(data, a, grid, 0, firstHalf);
        double[] c = smallest(train[0], train[1]).vector();
        double[] held = new double[batches - batches / 2];
        for (int b = batches / 2; b < batches; b++) {
            held[b - batches / 2] = ratio(batch[b][0], batch[b][1], c);
        }
        double heldMean = Arrays.stream(held).average().orElseThrow();
        assertEquals(heldMean, est.heldOut(), EXACT * Math.max(1.0, heldMean));
        assertEquals(standardError(held), est.heldOutStandardError(), 1e-8);
        // a ratio is never below the minimum of its own batch
        for (int b = batches / 2; b < batches; b++) {
            assertTrue(held[b - batches / 2] >= constants[b] - 1e-12);
        }
    }

    /** The rows and columns idx of m. */
    static RealMatrix restricted(RealMatrix m, int[] idx) {
        return m.getSubMatrix(idx, idx);
    }

    /**
     * The same independent computation when the mass floor drops basis functions at both ends of the grid (a
     * radius far beyond every score, so the outer functions have exactly zero pairwise mass) and N &gt;= 3: the
     * estimator restricts the Gram matrices to the kept functions and scatters the held-out eigenvector back to
     * the full basis ({@code CoercivityKernel.keptIndices}, {@code restrict}, {@code scatter}); here the kept set
     * is found from the Cox-de Boor Gram matrix and the eigenproblem is solved by Commons Math on the submatrices.
     */
    @ParameterizedTest
    @MethodSource("wideGrids")
    void matchesTheIndependentComputationWhenFunctionsAreDropped(SplineGrid grid, int n) {
        int batches = 4;
        int m = 42;
        Dataset data = CoercivityFixtures.tokens(UniformCube.of(3), m, n, 57L + n);
        double[] a = new double[9];
        RandomStreams.stream(23L, RandomStreams.Purpose.TRUTH, grid.degree()).normals(a);
        assertTrue(CoercivityEstimator.maxAbsScore(data, a) < grid.radius() / 3, "the outer functions get no mass");
        CoercivityEstimate est = CoercivityEstimator.defaults().withBatches(batches).estimate(data, a, grid);

        RealMatrix[] all = oracleGrams(data, a, grid, 0, m);
        int[] idx = keptByTheFloor(all[1]);
        assertTrue(idx.length >= 2 && idx.length < grid.size() && idx[0] > 0, Arrays.toString(idx));
        assertFalse(est.singular());
        assertEquals(idx.length, est.basisSize());
        double pooled = smallest(restricted(all[0], idx), restricted(all[1], idx)).value();
        assertEquals(pooled, est.constant(), EXACT * Math.max(1.0, Math.abs(pooled)), grid + ": " + est);

        RealMatrix[][] batch = new RealMatrix[batches][];
        for (int b = 0; b < batches; b++) {
            batch[b] = oracleGrams(data, a, grid, b * m / batches, (b + 1) * m / batches);
            int[] kept = keptByTheFloor(batch[b][1]);
            double constant = smallest(restricted(batch[b][0], kept), restricted(batch[b][1], kept)).value();
            assertEquals(constant, est.batchConstants()[b], EXACT * Math.max(1.0, Math.abs(constant)), "batch " + b);
        }
        // held-out: the training eigenvector on the kept functions, zero on the dropped ones
        RealMatrix[] train = oracleGrams(data, a, grid, 0, batches / 2 * m / batches);
        int[] trainKept = keptByTheFloor(train[1]);
        double[] y = smallest(restricted(train[0], trainKept), restricted(train[1], trainKept)).vector();
        double[] c = new double[grid.size()];
        for (int k = 0; k < trainKept.length; k++) {
            c[trainKept[k]] = y[k];
        }
        double held = 0.0;
        for (int b = batches / 2; b < batches; b++) {
            held += ratio(batch[b][0], batch[b][1], c) / (batches - batches / 2);
        }
        assertEquals(held, est.heldOut(), EXACT * Math.max(1.0, held));
    }

    static Stream<Arguments> wideGrids() {
        return Stream.of(Arguments.of(SplineGrid.of(1, 10, 50.0), 4), Arguments.of(SplineGrid.of(2, 9, 30.0), 3),
                Arguments.of(SplineGrid.of(3, 12, 40.0), 5));
    }

    /** The indices k with pair[k][k] &gt; MASS_FLOOR max_j pair[j][j] (the documented rule), increasing. */
    static int[] keptByTheFloor(RealMatrix pair) {
        double max = 0.0;
        for (int k = 0; k < pair.getRowDimension(); k++) {
            max = Math.max(max, pair.getEntry(k, k));
        }
        final double top = max;
        return java.util.stream.IntStream.range(0, pair.getRowDimension())
                .filter(k -> pair.getEntry(k, k) > CoercivityEstimator.MASS_FLOOR * top).toArray();
    }

    static double standardError(double[] v) {
        double mean = Arrays.stream(v).average().orElseThrow();
        double ss = 0.0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (v.length - 1) / v.length);
    }

    // ---------------------------------------------------------------- the mass floor, from both sides

    /**
     * Four samples of two tokens in d = 1 (A = 1) with scores -0.5, -0.3, -0.7 and delta; hat functions on
     * [-1, 1] with a knot at 0 (degree 1, K = 2): B_2(s) = s on [0, 1], so only the pair with score delta gives
     * B_2 mass, delta^2 / 4.
     */
    static Dataset massFloorData(double delta) {
        double[] x = {1.0, -0.5, 1.0, -0.3, 1.0, -0.7, 1.0, delta};
        return Dataset.of(4, 2, 1, x, new double[8]);
    }

    /** B_2's pairwise mass relative to the largest, by the Cox-de Boor basis. */
    static double relativeMassOfLastFunction(double delta, SplineGrid grid) {
        RealMatrix pair = oracleGrams(massFloorData(delta), new double[] {1.0}, grid, 0, 4)[1];
        double max = 0.0;
        for (int k = 0; k < 3; k++) {
            max = Math.max(max, pair.getEntry(k, k));
        }
        return pair.getEntry(2, 2) / max;
    }

    @Test
    void functionsAreDroppedExactlyBelowTheDocumentedMassFloor() {
        // the documented rule: B_k is dropped when G_pair[k][k] <= MASS_FLOOR max_j G_pair[j][j] (1e-12); delta
        // chosen so that B_2's relative mass is 2 times above and 0.7 times the floor (close, so that a floor
        // measured against another entry than the largest diagonal one, or scaled the wrong way, shows). M = B = 4
        // (one sample per batch) is the smallest accepted data set.
        SplineGrid grid = SplineGrid.of(1, 2, 1.0);
        double[] a = {1.0};
        // B_1 has the largest mass, about (0.25 + 0.49 + 0.09 + 1) / 4 = 0.4575 for a small delta
        double above = Math.sqrt(4 * 0.4575 * 2 * CoercivityEstimator.MASS_FLOOR);
        double below = Math.sqrt(4 * 0.4575 * 0.7 * CoercivityEstimator.MASS_FLOOR);
        double rAbove = relativeMassOfLastFunction(above, grid);
        double rBelow = relativeMassOfLastFunction(below, grid);
        assertEquals(2 * CoercivityEstimator.MASS_FLOOR, rAbove, 1e-3 * rAbove);
        assertEquals(0.7 * CoercivityEstimator.MASS_FLOOR, rBelow, 1e-3 * rBelow);

        CoercivityEstimator est = CoercivityEstimator.defaults().withBatches(4);
        assertEquals(3, est.estimate(massFloorData(above), a, grid).basisSize(), "relative mass " + rAbove);
        CoercivityEstimate dropped = est.estimate(massFloorData(below), a, grid);
        assertEquals(2, dropped.basisSize(), "relative mass " + rBelow);
        // N = 2: R_h = h, so on the two kept functions every ratio is 1
        assertFalse(dropped.singular());
        assertEquals(1.0, dropped.constant(), EXACT);
    }

    // ---------------------------------------------------------------- statistical, continuous law

    /** t_{0.9995, 19}: 99.9% two-sided quantile for 20 batches. */
    static final double T_BATCHES = 3.883;
    /** t_{0.9995, 9}: 99.9% two-sided quantile for the 10 held-out batches. */
    static final double T_HELD_OUT = 4.781;

    @ParameterizedTest
    @MethodSource("gaussianCases")
    void gaussianTokensWithMeanGiveTheKnownConstantWithinTheInterval(int n, long seed) {
        // X ~ N(mu, I_2): s = X^T A Y has E s = mu^T A mu, E s^2 = tr(A^T S A S) (S = I + mu mu^T),
        // E[s | X] = X^T A mu with variance |A mu|^2; c_H = 1/(N-1) + (N-2)/(N-1) |A mu|^2 / Var(s)
        double[] mu = {1.0, -0.5};
        double[] a = {0.8, 0.3, -0.4, 1.1};
        double[][] s = {{1 + mu[0] * mu[0], mu[0] * mu[1]}, {mu[1] * mu[0], 1 + mu[1] * mu[1]}};
        double[][] am = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                am[i][j] = a[i * 2 + j];
            }
        }
        RealMatrix ma = new Array2DRowRealMatrix(am);
        RealMatrix ms = new Array2DRowRealMatrix(s);
        double meanScore = score(mu, a, mu);
        double variance = ma.transpose().multiply(ms).multiply(ma).multiply(ms).getTrace() - meanScore * meanScore;
        double[] amu = ma.operate(mu);
        double expected = 1.0 / (n - 1) + (n - 2.0) / (n - 1) * (amu[0] * amu[0] + amu[1] * amu[1]) / variance;

        int m = 4000;
        double[] x = new double[m * n * 2];
        for (int k = 0; k < m; k++) {
            RandomStreams.Stream st = RandomStreams.stream(seed, RandomStreams.Purpose.TOKENS, k);
            for (int t = 0; t < n * 2; t++) {
                x[k * n * 2 + t] = mu[t % 2] + st.normal();
            }
        }
        Dataset data = Dataset.of(m, n, 2, x, new double[m * n]);
        // linear functions of s: no score reaches the radius (checked), so H = {alpha + beta s} on the data
        double radius = 100.0;
        assertTrue(CoercivityEstimator.maxAbsScore(data, a) < radius);
        CoercivityEstimate est = CoercivityEstimator.defaults().estimate(data, a, SplineGrid.of(1, 1, radius));
        assertTrue(Math.abs(est.constant() - expected) <= T_BATCHES * est.standardError(),
                "c_H = " + expected + ", " + est);
        assertTrue(Math.abs(est.heldOut() - expected) <= T_HELD_OUT * est.heldOutStandardError(),
                "c_H = " + expected + ", " + est);
        // the interval is informative: narrower than the distance between c_H and the bound
        assertTrue(T_BATCHES * est.standardError() < 0.25 * (expected - est.bound()), est.toString());
    }

    static Stream<Arguments> gaussianCases() {
        return Stream.of(Arguments.of(3, 41L), Arguments.of(6, 42L));
    }
}
