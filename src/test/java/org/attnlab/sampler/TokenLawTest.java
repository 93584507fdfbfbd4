package org.attnlab.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.attnlab.internal.RandomStreams;
import org.attnlab.internal.RandomStreams.Purpose;
import org.attnlab.internal.RandomStreams.Stream;
import org.junit.jupiter.api.Test;

/** Token laws: exact draw order against a second copy of the stream, exact moments, hand-computed score variances. */
class TokenLawTest {

    /** Hand-computed rational values evaluated in double: a few ulps. */
    static final double EXACT = 1e-14;

    private static Stream stream() {
        return RandomStreams.stream(77, Purpose.TOKENS, 5);
    }

    @Test
    void cubeDrawsOneUniformPerCoordinateInLayoutOrder() {
        double[] out = new double[2 + 3 * 2 + 1];
        Arrays.fill(out, Double.NaN);
        UniformCube.of(2).sample(stream(), 3, out, 2);
        Stream copy = stream();
        assertTrue(Double.isNaN(out[0]) && Double.isNaN(out[1]) && Double.isNaN(out[8]));
        for (int idx = 2; idx < 8; idx++) {
            assertEquals(-1.0 + 2.0 * copy.uniform(), out[idx], 0.0);
            assertTrue(out[idx] >= -1.0 && out[idx] < 1.0);
        }
    }

    @Test
    void gaussianDrawsScaledNormalsInLayoutOrder() {
        GaussianTokens law = GaussianTokens.withEigenvalues(new double[] {4.0, 0.25});
        double[] out = new double[4];
        law.sample(stream(), 2, out, 0);
        Stream copy = stream();
        double[] scale = {2.0, 0.5};
        for (int idx = 0; idx < 4; idx++) {
            assertEquals(scale[idx % 2] * copy.normal(), out[idx], 0.0);
        }
        double[] iso = new double[3];
        GaussianTokens.isotropic(3).sample(stream(), 1, iso, 0);
        Stream copy2 = stream();
        for (double v : iso) {
            assertEquals(copy2.normal(), v, 0.0);
        }
    }

    @Test
    void exchangeableDrawsAllZThenWAndMixes() {
        double tau = 0.36;
        ExchangeableTokens law = ExchangeableTokens.of(UniformCube.of(2), tau);
        int n = 3;
        double[] out = new double[1 + n * 2];
        out[0] = 42.0;
        law.sample(stream(), n, out, 1);
        Stream copy = stream();
        double[] z = new double[n * 2];
        for (int i = 0; i < z.length; i++) {
            z[i] = copy.uniform(-1, 1);
        }
        double[] w = {copy.uniform(-1, 1), copy.uniform(-1, 1)};
        assertEquals(42.0, out[0], 0.0);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 2; k++) {
                assertEquals(Math.sqrt(1 - tau) * z[i * 2 + k] + Math.sqrt(tau) * w[k], out[1 + i * 2 + k], 0.0);
            }
        }
    }

    @Test
    void exchangeableOverAnisotropicGaussianKeepsCoordinatesAtAnyOffset() {
        GaussianTokens base = GaussianTokens.withEigenvalues(new double[] {4.0, 0.25, 1.0});
        ExchangeableTokens law = ExchangeableTokens.of(base, 0.5);
        double[] scale = {2.0, 0.5, 1.0};
        double[] out = new double[1 + 2 * 3];
        law.sample(stream(), 2, out, 1);
        RandomStreams.Stream copy = stream();
        double[] z = new double[6];
        for (int i = 0; i < 6; i++) {
            z[i] = scale[i % 3] * copy.normal();
        }
        double[] w = new double[3];
        for (int k = 0; k < 3; k++) {
            w[k] = scale[k] * copy.normal();
        }
        double h = Math.sqrt(0.5);
        for (int i = 0; i < 6; i++) {
            assertEquals(h * z[i] + h * w[i % 3], out[1 + i], 0.0);
        }
    }

    @Test
    void exchangeableEndpoints() {
        double[] iid = new double[6];
        double[] cube = new double[6];
        ExchangeableTokens.of(UniformCube.of(2), 0.0).sample(stream(), 3, iid, 0);
        UniformCube.of(2).sample(stream(), 3, cube, 0);
        assertArrayEquals(cube, iid, 0.0);
        double[] same = new double[6];
        ExchangeableTokens.of(GaussianTokens.isotropic(2), 1.0).sample(stream(), 3, same, 0);
        assertEquals(same[0], same[2], 0.0);
        assertEquals(same[1], same[5], 0.0);
        assertNotEquals(same[0], same[1]);
    }

    @Test
    void momentsAreExact() {
        UniformCube cube = UniformCube.of(2);
        assertArrayEquals(new double[2], cube.mean(), 0.0);
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3}, cube.variances(), 0.0);
        assertArrayEquals(new double[] {1.0 / 3, 0, 0, 1.0 / 3}, cube.covariance(), 0.0);
        assertArrayEquals(new double[4], cube.crossCovariance(), 0.0);
        assertArrayEquals(new double[] {-2.0 / 15, -2.0 / 15}, cube.fourthCumulants(), EXACT);
        assertEquals("cube", cube.name());

        GaussianTokens g = GaussianTokens.withEigenvalues(new double[] {2, 3});
        assertArrayEquals(new double[] {2, 3}, g.variances(), 0.0);
        assertArrayEquals(new double[] {2, 0, 0, 3}, g.covariance(), 0.0);
        assertArrayEquals(new double[2], g.fourthCumulants(), 0.0);
        assertArrayEquals(new double[2], g.mean(), 0.0);
        assertArrayEquals(new double[4], g.crossCovariance(), 0.0);
        assertFalse(g.isIsotropic());
        assertTrue(GaussianTokens.isotropic(3).isIsotropic());
        assertEquals(3, GaussianTokens.isotropic(3).dimension());
        assertEquals("gaussian", g.name());

        ExchangeableTokens ex = ExchangeableTokens.of(g, 0.25);
        assertArrayEquals(new double[] {2, 0, 0, 3}, ex.covariance(), 0.0);
        assertArrayEquals(new double[] {0.5, 0, 0, 0.75}, ex.crossCovariance(), 0.0);
        assertArrayEquals(new double[2], ex.mean(), 0.0);
        assertEquals(2, ex.dimension());
        assertEquals(0.25, ex.tau(), 0.0);
        assertEquals(g, ex.base());
        assertEquals("exchangeable", ex.name());
    }

    @Test
    void accessorsReturnCopies() {
        GaussianTokens g = GaussianTokens.withEigenvalues(new double[] {2, 3});
        g.eigenvalues()[0] = 99;
        g.variances()[0] = 99;
        assertArrayEquals(new double[] {2, 3}, g.eigenvalues(), 0.0);
        double[] ev = {5.0};
        GaussianTokens h = GaussianTokens.withEigenvalues(ev);
        ev[0] = 6.0;
        assertArrayEquals(new double[] {5.0}, h.variances(), 0.0);
    }

    /** Var(X_1^T A X_2) for A = [[1, 2], [3, 4]], worked by hand in the comments. */
    @Test
    void scoreVarianceHandComputed() {
        double[] a = {1, 2, 3, 4};
        // cube: sum A_kl^2 / 9 = 30 / 9
        assertEquals(30.0 / 9, UniformCube.of(2).scoreVariance(a), EXACT);
        // Gaussian diag(2, 3): 1*2*2 + 4*2*3 + 9*3*2 + 16*3*3 = 226
        assertEquals(226.0, GaussianTokens.withEigenvalues(new double[] {2, 3}).scoreVariance(a), 1e-12);
        // exchangeable over the cube, tau = 1/2: 30/9 + (1/4) [ (1 + 6 + 6 + 16)/9 - (2/15)(1 + 16) ] = 643/180
        assertEquals(643.0 / 180, ExchangeableTokens.of(UniformCube.of(2), 0.5).scoreVariance(a), EXACT);
        // exchangeable over N(0, diag(2, 3)), tau = 0.1: 226 + 0.01 (1*4 + 2*3*6 + 3*2*6 + 16*9) = 226 + 0.01 * 220
        assertEquals(226.0 + 2.2,
                ExchangeableTokens.of(GaussianTokens.withEigenvalues(new double[] {2, 3}), 0.1).scoreVariance(a), 1e-12);
        // d = 1, Gaussian: Var = A^2 (1 + tau^2) (Gaussian pair with correlation tau)
        assertEquals(4.0 * (1 + 0.49),
                ExchangeableTokens.of(GaussianTokens.isotropic(1), 0.7).scoreVariance(new double[] {2}), EXACT);
        // tau = 1, cube, d = 1: Var(A W^2) = A^2 (1/5 - 1/9)
        assertEquals(9.0 * (0.2 - 1.0 / 9),
                ExchangeableTokens.of(UniformCube.of(1), 1.0).scoreVariance(new double[] {3}), EXACT);
    }

    @Test
    void scoreMeanIsTauTraceOfASigma() {
        double[] a = {1, 2, 3, 4};
        assertEquals(5.0 / 6, ExchangeableTokens.of(UniformCube.of(2), 0.5).scoreMean(a), EXACT);
        assertEquals(0.3 * (2 + 12), ExchangeableTokens.of(GaussianTokens.withEigenvalues(new double[] {2, 3}), 0.3)
                .scoreMean(a), EXACT);
    }

    @Test
    void equalityAndHashing() {
        assertEquals(UniformCube.of(2), new UniformCube(2));
        assertNotEquals(UniformCube.of(2), UniformCube.of(3));
        assertEquals(GaussianTokens.isotropic(2), GaussianTokens.withEigenvalues(new double[] {1, 1}));
        assertEquals(GaussianTokens.isotropic(2).hashCode(), GaussianTokens.withEigenvalues(new double[] {1, 1}).hashCode());
        assertNotEquals(GaussianTokens.isotropic(2), GaussianTokens.withEigenvalues(new double[] {1, 2}));
        ExchangeableTokens e1 = ExchangeableTokens.of(UniformCube.of(2), 0.5);
        assertEquals(e1, ExchangeableTokens.of(UniformCube.of(2), 0.5));
        assertEquals(e1.hashCode(), ExchangeableTokens.of(UniformCube.of(2), 0.5).hashCode());
        assertNotEquals(e1, ExchangeableTokens.of(UniformCube.of(2), 0.4));
        assertNotEquals(e1, ExchangeableTokens.of(GaussianTokens.isotropic(2), 0.5));
        assertTrue(e1.toString().contains("tau=0.5"));
        assertTrue(GaussianTokens.isotropic(1).toString().contains("[1.0]"));
    }
}
