package org.attnlab.coercivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.attnlab.basis.BSplineBasis;
import org.attnlab.erm.PairInteraction;
import org.attnlab.erm.SplineGrid;
import org.attnlab.sampler.Dataset;
import org.attnlab.sampler.UniformCube;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CoercivityTest {

    /** Relative tolerance of exact algebraic identities evaluated in floating point. */
    static final double IDENTITY_TOLERANCE = 1e-12;
    /** Absolute tolerance of Gram entries against the naive oracle. */
    static final double GRAM_TOLERANCE = 1e-13;

    static final SplineGrid GRID = SplineGrid.of(2, 4, 2.0);
    static final double[] A = {0.9, -0.3, 0.2, 0.5, 1.1, -0.4, 0.1, 0.3, 0.8};

    private static Dataset data(int m, int n) {
        return CoercivityFixtures.tokens(UniformCube.of(3), m, n, 3L);
    }

    /** h = sum c_k B_k(x^T A y) through the independent Cox-de Boor basis. */
    private static PairInteraction spline(double[] c) {
        BSplineBasis basis = GRID.basis();
        return (x, xo, y, yo) -> {
            double s = 0.0;
            for (int k = 0; k < 3; k++) {
                for (int l = 0; l < 3; l++) {
                    s += x[xo + k] * A[k * 3 + l] * y[yo + l];
                }
            }
            return basis.value(c, basis.clampToDomain(s));
        };
    }

    @Test
    void identityHoldsExactlyForEmpiricalMoments() {
        for (int n : new int[] {2, 3, 7}) {
            double[] c = {0.3, -1.2, 0.7, 2.0, -0.5, 0.4};
            IdentityTerms t = CoercivityEstimator.identityTerms(data(40, n), spline(c));
            assertEquals(t.aggregated(), t.rightHandSide(), IDENTITY_TOLERANCE * t.aggregated(), "N=" + n);
            assertTrue(t.pairwise() > 0);
        }
    }

    @Test
    void hand_computedIdentityTermsForOneSample() {
        // d = 1, N = 3, tokens 1, 2, 3, h(x, y) = x y: h12 = 2, h13 = 3, h23 = 6
        Dataset one = Dataset.of(1, 3, 1, new double[] {1, 2, 3}, new double[3]);
        IdentityTerms t = CoercivityEstimator.identityTerms(one, (x, xo, y, yo) -> x[xo] * y[yo]);
        // R = (5/2, 8/2, 9/2): mean R^2 = (6.25 + 16 + 20.25)/3
        assertEquals((6.25 + 16 + 20.25) / 3, t.aggregated(), 1e-15);
        // h^2 over 6 ordered pairs: 2 (4 + 9 + 36) / 6
        assertEquals(98.0 / 6, t.pairwise(), 1e-15);
        // cross over 6 ordered triples: 2 (2*3 + 2*6 + 3*6) / 6
        assertEquals(72.0 / 6, t.cross(), 1e-15);
    }

    @Test
    void gramMatricesMatchNaiveOracleAndIdentity() {
        Dataset data = data(30, 4);
        double[][] g = CoercivityEstimator.gramMatrices(data, A, GRID);
        int nb = GRID.size();
        double[] agg = new double[nb * nb];
        double[] pair = new double[nb * nb];
        BSplineBasis basis = GRID.basis();
        int n = 4;
        double[] x = data.tokens();
        for (int m = 0; m < 30; m++) {
            for (int i = 0; i < n; i++) {
                double[] f = new double[nb];
                for (int j = 0; j < n; j++) {
                    if (j == i) {
                        continue;
                    }
                    double s = 0.0;
                    for (int k = 0; k < 3; k++) {
                        for (int l = 0; l < 3; l++) {
                            s += x[(m * n + i) * 3 + k] * A[k * 3 + l] * x[(m * n + j) * 3 + l];
                        }
                    }
                    double[] b = basis.allValues(basis.clampToDomain(s));
                    for (int p = 0; p < nb; p++) {
                        f[p] += b[p] / (n - 1);
                        for (int q = 0; q < nb; q++) {
                            pair[p * nb + q] += b[p] * b[q] / (30.0 * n * (n - 1));
                        }
                    }
                }
                for (int p = 0; p < nb; p++) {
                    for (int q = 0; q < nb; q++) {
                        agg[p * nb + q] += f[p] * f[q] / (30.0 * n);
                    }
                }
            }
        }
        for (int k = 0; k < nb * nb; k++) {
            assertEquals(agg[k], g[0][k], GRAM_TOLERANCE, "agg " + k);
            assertEquals(pair[k], g[1][k], GRAM_TOLERANCE, "pair " + k);
        }
        // c^T G_agg c and c^T G_pair c are the identity's aggregated and pairwise moments
        double[] c = {0.3, -1.2, 0.7, 2.0, -0.5, 0.4};
        IdentityTerms t = CoercivityEstimator.identityTerms(data, spline(c));
        assertEquals(t.aggregated(), quad(g[0], c), IDENTITY_TOLERANCE * t.aggregated());
        assertEquals(t.pairwise(), quad(g[1], c), IDENTITY_TOLERANCE * t.pairwise());
    }

    @Test
    void constantIsTheMinimumRatioAndBelowEveryDirection() {
        Dataset data = data(200, 5);
        CoercivityEstimate est = CoercivityEstimator.defaults().withBatches(4).estimate(data, A, GRID);
        double[][] g = CoercivityEstimator.gramMatrices(data, A, GRID);
        assertFalse(est.singular());
        assertEquals(GRID.size(), est.basisSize());
        assertEquals(4, est.batchConstants().length);
        assertEquals(0.25, est.bound(), 0.0);
        assertEquals(4 * est.constant(), est.normalised(), 1e-15);
        // Rayleigh quotients of unit vectors and a few mixtures are >= the constant
        for (int k = 0; k < GRID.size(); k++) {
            double[] e = new double[GRID.size()];
            e[k] = 1.0;
            e[(k + 1) % GRID.size()] = -0.5;
            assertTrue(quad(g[0], e) / quad(g[1], e) >= est.constant() - 1e-12);
        }
        assertTrue(est.lower() <= est.constant() && est.constant() <= est.upper());
        assertTrue(est.heldOutLower() <= est.heldOut() && est.heldOut() <= est.heldOutUpper());
        assertTrue(est.standardError() > 0 && est.heldOutStandardError() > 0);
    }

    @Test
    void twoTokensGiveConstantOne() {
        // N = 2: R_h = h, so both Grams coincide and every ratio is 1
        CoercivityEstimate est = CoercivityEstimator.defaults().withBatches(4).estimate(data(50, 2), A, GRID);
        assertEquals(1.0, est.constant(), 1e-10);
        assertEquals(1.0, est.heldOut(), 1e-10);
    }

    @Test
    void unusedBasisFunctionsAreDropped() {
        // a tiny A puts every score near the centre of the middle piece of [-2, 2] (K = 3): only its p + 1 = 3
        // functions have mass
        double[] small = new double[9];
        small[0] = 1e-3;
        CoercivityEstimate est = CoercivityEstimator.defaults().withBatches(4)
                .estimate(data(20, 3), small, SplineGrid.of(2, 3, 2.0));
        assertEquals(3, est.basisSize());
    }

    private static double quad(double[] g, double[] c) {
        int nb = c.length;
        double s = 0.0;
        for (int a = 0; a < nb; a++) {
            for (int b = 0; b < nb; b++) {
                s += c[a] * g[a * nb + b] * c[b];
            }
        }
        return s;
    }

    static Stream<Arguments> badInputs() {
        Dataset data = data(10, 3);
        return Stream.of(
                Arguments.of("data must be non-null", (Runnable) () ->
                        CoercivityEstimator.defaults().estimate(null, A, GRID)),
                Arguments.of("grid must be non-null", (Runnable) () ->
                        CoercivityEstimator.defaults().estimate(data, A, null)),
                Arguments.of("a.length must be = 9", (Runnable) () ->
                        CoercivityEstimator.defaults().estimate(data, new double[4], GRID)),
                Arguments.of("a[1] must be finite", (Runnable) () ->
                        CoercivityEstimator.defaults().estimate(data, new double[] {0, Double.NaN, 0, 0, 0, 0, 0, 0, 0},
                                GRID)),
                Arguments.of("M must be >= batches = 20", (Runnable) () ->
                        CoercivityEstimator.defaults().estimate(data, A, GRID)),
                Arguments.of("batches must be >= 4", (Runnable) () ->
                        CoercivityEstimator.defaults().withBatches(3)),
                Arguments.of("h must be non-null", (Runnable) () ->
                        CoercivityEstimator.identityTerms(data, null)),
                Arguments.of("a.length must be = 9", (Runnable) () ->
                        CoercivityEstimator.gramMatrices(data, new double[3], GRID)));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputIsRejected(String message, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }
}
