package org.attnlab.erm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.attnlab.sampler.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AlternatingLeastSquaresTest {

    /** Agreement of two fits that differ only by the order of floating-point sums. */
    static final double REORDER_TOLERANCE = 1e-9;
    /** Agreement of exact identities in floating point. */
    static final double EXACT = 1e-12;

    private static final ErmFixtures.Problem NOISY = ErmFixtures.problem(200, 5, 3, 1, 2, 4, 0.1, 5L);

    private static AlternatingLeastSquares solver() {
        return AlternatingLeastSquares.defaults().withDegree(2).withPieces(4).withRandomStarts(1)
                .withMaxIterations(30).withThreads(1);
    }

    @Test
    void sameBytesAtOneTwoAndEightThreads() {
        ErmResult one = solver().withThreads(1).fit(NOISY.data(), 3L);
        for (int threads : new int[] {2, 8}) {
            ErmResult other = solver().withThreads(threads).fit(NOISY.data(), 3L);
            assertArrayEquals(one.u(), other.u(), "u at " + threads);
            assertArrayEquals(one.v(), other.v());
            assertArrayEquals(one.coefficients(), other.coefficients());
            assertArrayEquals(one.riskHistory(), other.riskHistory());
            assertArrayEquals(one.startRisks(), other.startRisks());
            assertEquals(one.status(), other.status());
        }
    }

    @Test
    void permutingTokensOrSamplesLeavesTheFitUnchanged() {
        // one start: the candidates of the reordered data are the same up to rounding, but when several converge
        // to the same minimum, which one wins (and so the last digits of its convergence) may change
        AlternatingLeastSquares converging = solver().withStarts(1).withMaxIterations(400).withTolerance(1e-13);
        ErmResult base = converging.fit(NOISY.data(), 3L);
        Dataset data = NOISY.data();
        int m = data.samples();
        int n = data.tokensPerSample();
        int d = data.dimension();
        double[] x1 = new double[m * n * d];
        double[] y1 = new double[m * n];
        double[] x2 = new double[m * n * d];
        double[] y2 = new double[m * n];
        for (int s = 0; s < m; s++) {
            int target = m - 1 - s; // reversed samples
            for (int i = 0; i < n; i++) {
                int pi = (i + 2) % n; // rotated tokens
                y1[s * n + pi] = data.output(s, i);
                y2[target * n + i] = data.output(s, i);
                for (int a = 0; a < d; a++) {
                    x1[(s * n + pi) * d + a] = data.token(s, i, a);
                    x2[(target * n + i) * d + a] = data.token(s, i, a);
                }
            }
        }
        for (Dataset permuted : new Dataset[] {Dataset.of(m, n, d, x1, y1), Dataset.of(m, n, d, x2, y2)}) {
            ErmResult other = converging.fit(permuted, 3L);
            assertEquals(base.trainingRisk(), other.trainingRisk(), REORDER_TOLERANCE * base.trainingRisk());
            double[] x = {0.3, -0.7, 0.5};
            double[] y = {-0.2, 0.9, 0.4};
            assertEquals(base.interaction(x, y), other.interaction(x, y), REORDER_TOLERANCE);
            assertEquals(base.interaction(y, x), other.interaction(y, x), REORDER_TOLERANCE);
        }
    }

    @Test
    void rescalingUAndVLeavesPredictionsUnchanged() {
        ErmResult fit = solver().fit(NOISY.data(), 3L);
        double[] u = fit.u().clone();
        double[] v = fit.v().clone();
        for (int k = 0; k < u.length; k++) {
            u[k] *= 3.5;
            v[k] /= 3.5;
        }
        ErmResult scaled = new ErmResult(fit.dimension(), fit.rank(), u, v, fit.grid(), fit.coefficients(),
                fit.riskHistory(), fit.iterations(), fit.status(), fit.start(), fit.startRisks(), fit.nanos());
        double[] x = {0.3, -0.7, 0.5};
        double[] y = {-0.2, 0.9, 0.4};
        assertEquals(fit.interaction(x, y), scaled.interaction(x, y), EXACT);
        // and a fixed-matrix fit with (c U, V / c) finds the same phi
        ErmResult a = solver().withFixedMatrix(fit.u(), fit.v()).fit(NOISY.data(), 0L);
        ErmResult b = solver().withFixedMatrix(u, v).fit(NOISY.data(), 0L);
        assertArrayEquals(a.coefficients(), b.coefficients(), 1e-10);
    }

    @Test
    void aGivenStartIsRunToConvergenceAloneAndDescends() {
        ErmResult fit = solver().fit(NOISY.data(), 3L);
        // from a rotated copy of the fitted A (a different point of the same problem): one start, no screening
        double[] u = fit.u().clone();
        double[] v = fit.v().clone();
        u[0] += 0.3;
        v[1] -= 0.2;
        ErmResult fixed = solver().withFixedMatrix(u, v).fit(NOISY.data(), 0L);
        ErmResult from = solver().withStartMatrix(u, v).fit(NOISY.data(), 0L);
        assertEquals(AlternatingLeastSquares.GIVEN_START_ID, from.start());
        assertEquals(1, from.startRisks().length);
        assertEquals(from.trainingRisk(), from.startRisks()[0], 0.0);
        assertTrue(from.iterations() >= 1, "the start must be descended from, not only phi-fitted");
        assertTrue(from.trainingRisk() < fixed.trainingRisk(), from.trainingRisk() + " vs " + fixed.trainingRisk());
        // it reaches the multi-start fit's risk from there (the same basin), to the solver's tolerance
        assertEquals(fit.trainingRisk(), from.trainingRisk(), 1e-6 * fit.trainingRisk());
        // the seed plays no role (no random candidate), and the result is deterministic
        ErmResult again = solver().withStartMatrix(u, v).fit(NOISY.data(), 99L);
        assertArrayEquals(from.coefficients(), again.coefficients(), 0.0);
        assertArrayEquals(from.matrix(), again.matrix(), 0.0);
    }

    @Test
    void riskHistoryDecreasesAndEndsAtTheReportedRisk() {
        ErmResult fit = solver().fit(NOISY.data(), 3L);
        double[] h = fit.riskHistory();
        assertEquals(fit.iterations() + 1, h.length);
        for (int k = 1; k < h.length; k++) {
            assertTrue(h[k] < h[k - 1], "strict decrease at " + k);
        }
        assertEquals(h[h.length - 1], fit.trainingRisk(), 0.0);
        double best = Double.POSITIVE_INFINITY;
        for (double r : fit.startRisks()) {
            best = Math.min(best, r);
        }
        assertEquals(best, fit.trainingRisk(), 0.0);
        // K = 4 > K_c = 2 and d > 1: the continuation stage runs the S starts on 2 pieces and only its best goes on,
        // beside the best start screened on K
        assertEquals(2, fit.startRisks().length);
        // noise sigma = 0.1: the risk is near sigma^2 = 0.01, below the output variance
        assertTrue(fit.trainingRisk() > 0.005 && fit.trainingRisk() < 0.02, "risk " + fit.trainingRisk());
    }

    @Test
    void trainingRiskMatchesDirectDefinition() {
        ErmResult fit = solver().fit(NOISY.data(), 3L);
        Dataset data = NOISY.data();
        int n = data.tokensPerSample();
        int d = data.dimension();
        double sse = 0.0;
        for (int m = 0; m < data.samples(); m++) {
            for (int i = 0; i < n; i++) {
                double pred = 0.0;
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        pred += fit.activation(fit.score(data.tokens(), (m * n + i) * d, data.tokens(), (m * n + j) * d));
                    }
                }
                double e = data.output(m, i) - pred / (n - 1);
                sse += e * e;
            }
        }
        assertEquals(sse / (data.samples() * n), fit.trainingRisk(), EXACT);
    }

    @Test
    void scoresFillTheKnotInterval() {
        ErmResult fit = solver().fit(NOISY.data(), 3L);
        Dataset data = NOISY.data();
        double max = ErmFixtures.maxScore(data.tokens(), data.samples(), data.tokensPerSample(),
                data.dimension(), fit.u(), fit.v());
        assertEquals(fit.grid().radius(), max, EXACT);
    }

    @Test
    void dimensionOneAndFullRankWork() {
        ErmFixtures.Problem one = ErmFixtures.problem(80, 4, 1, 1, 2, 3, 0.0, 8L);
        ErmResult f1 = AlternatingLeastSquares.defaults().withDegree(2).withPieces(3).fit(one.data(), 1L);
        ErrorEstimate e1 = ComposedError.defaults().estimate(f1, one.truth(), ErmFixtures.cubePairs(1), 2L);
        assertTrue(e1.relative() < 1e-10, "d = 1: " + e1);
        ErmFixtures.Problem full = ErmFixtures.problem(150, 5, 2, 2, 2, 3, 0.0, 9L);
        ErmResult f2 = AlternatingLeastSquares.defaults().withRank(2).withDegree(2).withPieces(3)
                .withMaxIterations(200).fit(full.data(), 1L);
        assertEquals(2, f2.rank());
        assertEquals(4, f2.u().length);
        ErrorEstimate e2 = ComposedError.defaults().estimate(f2, full.truth(), ErmFixtures.cubePairs(2), 2L);
        assertTrue(e2.relative() < 1e-8, "r = d = 2: " + e2 + " " + f2.status());
    }

    @Test
    void statusesAreReportedAsData() {
        ErmResult limited = solver().withMaxIterations(1).withTolerance(0.0).fit(NOISY.data(), 3L);
        assertEquals(ErmStatus.MAX_ITERATIONS, limited.status());
        assertEquals(1, limited.iterations());
        ErmResult none = solver().withMaxIterations(0).fit(NOISY.data(), 3L);
        assertEquals(0, none.iterations());
        assertEquals(1, none.riskHistory().length);
        // zero tokens: every score is 0
        Dataset zeros = Dataset.of(10, 3, 2, new double[60], ones(30));
        ErmResult singular = solver().fit(zeros, 1L);
        assertEquals(ErmStatus.SINGULAR, singular.status());
        assertEquals(1.0, singular.trainingRisk(), 0.0);
        ErmResult converged = solver().withMaxIterations(500).withTolerance(1e-6).fit(NOISY.data(), 3L);
        assertEquals(ErmStatus.CONVERGED, converged.status());
    }

    private static double[] ones(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, 1.0);
        return a;
    }

    @Test
    void automaticPieces() {
        // ceil((1000 / ln 1000)^(1/5)) = ceil(2.705) = 3
        assertEquals(3, AlternatingLeastSquares.defaultPieces(1000, 1.0, 2.0));
        assertEquals(1, AlternatingLeastSquares.defaultPieces(1, 1.0, 2.0));
        // c0 = 4, M = 10^4, beta = 1: ceil(4 (10^4 / 9.2103)^(1/3)) = ceil(4 * 10.279) = 42
        assertEquals(42, AlternatingLeastSquares.defaultPieces(10000, 4.0, 1.0));
        assertEquals(SplineGrid.of(2, 3, 1.0), AlternatingLeastSquares.defaults().withPiecesConstant(1.0)
                .withSmoothness(2.0).grid(1000));
        // beta defaults to the degree: p = 2 -> beta = 2
        assertEquals(3, AlternatingLeastSquares.defaults().grid(1000).pieces());
        assertEquals(7, AlternatingLeastSquares.defaults().withPieces(7).grid(1000).pieces());
    }

    @Test
    void matrixIsUTimesVTransposed() {
        ErmResult r = new ErmResult(2, 1, new double[] {1, 2}, new double[] {3, -1}, SplineGrid.of(0, 1, 1.0),
                new double[] {0.5}, new double[] {0.1}, 0, ErmStatus.CONVERGED, 0, new double[] {0.1}, 0L);
        assertArrayEquals(new double[] {3, -1, 6, -2}, r.matrix(), 0.0);
        // x^T A y with x = (1, 1), y = (1, 0): 3 + 6 = 9
        assertEquals(9.0, r.score(new double[] {1, 1}, 0, new double[] {1, 0}, 0), 0.0);
        assertEquals(0.5, r.interaction(new double[] {1, 1}, new double[] {1, 0}), 0.0);
        assertEquals(0.1, r.trainingRisk(), 0.0);
    }

    static Stream<Arguments> badInputs() {
        AlternatingLeastSquares s = AlternatingLeastSquares.defaults();
        Dataset data = NOISY.data();
        SplineGrid g = SplineGrid.of(1, 2, 1.0);
        double[] two = {1, 2};
        return Stream.of(
                Arguments.of("rank must be > 0", (Runnable) () -> s.withRank(0)),
                Arguments.of("degree must be in [0, 20]", (Runnable) () -> s.withDegree(-1)),
                Arguments.of("pieces must be >= 0", (Runnable) () -> s.withPieces(-1)),
                Arguments.of("c0 must be finite and > 0", (Runnable) () -> s.withPiecesConstant(0.0)),
                Arguments.of("beta must be finite and > 0", (Runnable) () -> s.withSmoothness(-1.0)),
                Arguments.of("radius must be finite and > 0", (Runnable) () -> s.withRadius(Double.NaN)),
                Arguments.of("ridge must be finite and >= 0", (Runnable) () -> s.withRidge(-1e-3)),
                Arguments.of("maxIterations must be >= 0", (Runnable) () -> s.withMaxIterations(-1)),
                Arguments.of("tolerance must be in [0.0, ", (Runnable) () -> s.withTolerance(1.0)),
                Arguments.of("randomStarts must be >= 0", (Runnable) () -> s.withRandomStarts(-1)),
                Arguments.of("threads must be in [1, 1024]", (Runnable) () -> s.withThreads(0)),
                Arguments.of("damping must be finite and > 0", (Runnable) () -> s.withDamping(0.0)),
                Arguments.of("u must be non-null", (Runnable) () -> s.withFixedMatrix(null, two)),
                Arguments.of("v[0] must be finite", (Runnable) () ->
                        s.withFixedMatrix(two, new double[] {Double.NaN, 1})),
                Arguments.of("v.length must be = 2", (Runnable) () -> s.withFixedMatrix(two, new double[3])),
                Arguments.of("data must be non-null", (Runnable) () -> s.fit(null, 1L)),
                Arguments.of("rank must be <= d = 3", (Runnable) () -> s.withRank(4).fit(data, 1L)),
                Arguments.of("u.length must be a positive multiple of d = 3", (Runnable) () ->
                        s.withFixedMatrix(two, two).fit(data, 1L)),
                Arguments.of("rank must be <= d = 3", (Runnable) () ->
                        s.withFixedMatrix(new double[12], new double[12]).fit(data, 1L)),
                Arguments.of("randomStarts must be >= 1 when the spectral start is off", (Runnable) () ->
                        s.withSpectralStart(false).withRandomStarts(0).fit(data, 1L)),
                Arguments.of("samples must be > 0", (Runnable) () -> AlternatingLeastSquares.defaultPieces(0, 1, 1)),
                Arguments.of("c0 must be finite and > 0", (Runnable) () ->
                        AlternatingLeastSquares.defaultPieces(5, -1, 1)),
                Arguments.of("beta must be finite and > 0", (Runnable) () ->
                        AlternatingLeastSquares.defaultPieces(5, 1, Double.POSITIVE_INFINITY)),
                Arguments.of("degree must be >= 0", (Runnable) () -> SplineGrid.of(-1, 2, 1.0)),
                Arguments.of("pieces must be > 0", (Runnable) () -> SplineGrid.of(1, 0, 1.0)),
                Arguments.of("radius must be finite and > 0", (Runnable) () -> SplineGrid.of(1, 2, 0.0)),
                Arguments.of("coefficients.length must be = 3", (Runnable) () -> g.value(new double[2], 0.0)),
                Arguments.of("coefficients.length must be = 3", (Runnable) () -> g.derivative(new double[4], 0.0)),
                Arguments.of("rank must be in [1, 2]", (Runnable) () -> new ErmResult(2, 3, two, two, g,
                        new double[3], new double[] {1}, 0, ErmStatus.CONVERGED, 0, new double[1], 0L)),
                Arguments.of("u.length must be = 2", (Runnable) () -> new ErmResult(2, 1, new double[1], two, g,
                        new double[3], new double[] {1}, 0, ErmStatus.CONVERGED, 0, new double[1], 0L)),
                Arguments.of("coefficients.length must be = 3", (Runnable) () -> new ErmResult(2, 1, two, two, g,
                        new double[2], new double[] {1}, 0, ErmStatus.CONVERGED, 0, new double[1], 0L)),
                Arguments.of("coefficients[1] must be finite", (Runnable) () -> new ErmResult(2, 1, two, two, g,
                        new double[] {0, Double.NaN, 0}, new double[] {1}, 0, ErmStatus.CONVERGED, 0,
                        new double[1], 0L)),
                Arguments.of("riskHistory.length must be >= 1", (Runnable) () -> new ErmResult(2, 1, two, two, g,
                        new double[3], new double[0], 0, ErmStatus.CONVERGED, 0, new double[1], 0L)),
                Arguments.of("iterations must be >= 0", (Runnable) () -> new ErmResult(2, 1, two, two, g,
                        new double[3], new double[] {1}, -1, ErmStatus.CONVERGED, 0, new double[1], 0L)),
                Arguments.of("status must be non-null", (Runnable) () -> new ErmResult(2, 1, two, two, g,
                        new double[3], new double[] {1}, 0, null, 0, new double[1], 0L)),
                Arguments.of("x.length must be = 2", (Runnable) () -> new ErmResult(2, 1, two, two, g,
                        new double[3], new double[] {1}, 0, ErmStatus.CONVERGED, 0, new double[1], 0L)
                        .interaction(new double[3], two)),
                Arguments.of("y offset must be in [0, 0]", (Runnable) () -> new ErmResult(2, 1, two, two, g,
                        new double[3], new double[] {1}, 0, ErmStatus.CONVERGED, 0, new double[1], 0L)
                        .score(two, 0, two, 1)),
                Arguments.of("fit must be non-null", (Runnable) () ->
                        ComposedError.defaults().estimate((ErmResult) null, (x, a, y, b) -> 0, (st, p) -> { }, 1L)),
                Arguments.of("truth must be non-null", (Runnable) () ->
                        ComposedError.defaults().estimate((x, a, y, b) -> 0, 1, null, (st, p) -> { }, 1L)),
                Arguments.of("law must be non-null", (Runnable) () ->
                        ComposedError.defaults().estimate((x, a, y, b) -> 0, 1, (x, a, y, b) -> 0, null, 1L)),
                Arguments.of("d must be > 0", (Runnable) () ->
                        ComposedError.defaults().estimate((x, a, y, b) -> 0, 0, (x, a, y, b) -> 0, (st, p) -> { }, 1L)),
                Arguments.of("minBlocks must be in [2, 256]", (Runnable) () ->
                        ComposedError.defaults().withMinBlocks(1)),
                Arguments.of("maxBlocks must be >= 16", (Runnable) () -> ComposedError.defaults().withMaxBlocks(8)),
                Arguments.of("targetRelativeError must be finite and > 0", (Runnable) () ->
                        ComposedError.defaults().withTargetRelativeError(0.0)));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputIsRejected(String message, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }
}
