package org.attnlab.slr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.Test;

/** GaussianErf against reference values, identities and independent quadratures. */
class GaussianErfTest {

    /** erf reference values are given to 16 digits (Abramowitz-Stegun table 7.1 / mpmath). */
    static final double ERF_TOL = 2e-15;
    /** Owen's T against an independent adaptive Gauss-Legendre integration with relative accuracy 1e-13. */
    static final double OWEN_TOL = 1e-14;
    /** zeta against a 120-point Gauss-Hermite rule on a smooth integrand (converged to below 1e-12). */
    static final double HERMITE_TOL = 1e-11;
    /** Closed-form derivatives against Richardson-extrapolated central differences (step 1e-3). */
    static final double FD_TOL = 1e-8;

    @Test
    void erfMatchesReferenceValues() {
        assertEquals(0.0, GaussianErf.erf(0.0), 0.0);
        assertEquals(0.5204998778130465, GaussianErf.erf(0.5), ERF_TOL);
        assertEquals(0.8427007929497149, GaussianErf.erf(1.0), ERF_TOL);
        assertEquals(0.9661051464753108, GaussianErf.erf(1.5), ERF_TOL);
        assertEquals(0.9953222650189527, GaussianErf.erf(2.0), ERF_TOL);
        assertEquals(-0.8427007929497149, GaussianErf.erf(-1.0), ERF_TOL);
        assertEquals(0.1124629160182849, GaussianErf.erf(0.1), ERF_TOL);
        assertEquals(2.0 / Math.sqrt(Math.PI) * Math.exp(-0.25), GaussianErf.erfPrime(0.5), 1e-16);
    }

    @Test
    void owenTSatisfiesClosedFormSpecialCases() {
        for (double a : new double[] {0.0, 0.1, 0.5, 0.9, 1.0}) {
            assertEquals(Math.atan(a) / (2 * Math.PI), GaussianErf.owenT(0.0, a), 1e-16, "T(0, a)");
        }
        for (double h : new double[] {-3, -1.2, -0.3, 0.0, 0.4, 1.0, 2.5, 5.0, 8.0}) {
            double phi = 0.5 * (1 + GaussianErf.erf(h / Math.sqrt(2)));
            assertEquals(0.5 * phi * (1 - phi), GaussianErf.owenT(h, 1.0), 1e-16, "T(h, 1) = Phi(1-Phi)/2");
            assertEquals(0.0, GaussianErf.owenT(h, 0.0), 0.0, "T(h, 0)");
        }
        assertEquals(0.0, GaussianErf.owenT(10.0, 1.0), 0.0, "negligible tail returns 0");
    }

    @Test
    void owenTMatchesIndependentQuadrature() {
        IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(7, 1e-13, 1e-18);
        for (double h : new double[] {-2.0, 0.1, 0.7, 1.9, 3.3, 6.0, 9.0}) {
            for (double a : new double[] {0.05, 0.3, 0.577, 0.8, 1.0}) {
                double hh = h * h;
                double ref = integrator.integrate(100_000, x -> Math.exp(-0.5 * hh * (1 + x * x)) / (1 + x * x), 0,
                        a) / (2 * Math.PI);
                assertEquals(ref, GaussianErf.owenT(h, a), OWEN_TOL, "T(" + h + ", " + a + ")");
            }
        }
    }

    @Test
    void zetaAtZeroIsTheArcsineFormula() {
        for (double g : new double[] {0.0, 0.01, 0.1, 0.3, 0.7071, 1.0, 2.0, 10.0}) {
            double expected = 2 / Math.PI * Math.asin(2 * g * g / (1 + 2 * g * g));
            assertEquals(expected, GaussianErf.zeta(0.0, g), 1e-15, "g=" + g);
        }
    }

    @Test
    void zetaWithoutNoiseIsErfSquaredAndIsEven() {
        for (double s : new double[] {-2.0, -0.3, 0.0, 0.2, 1.0, 3.0, 7.0}) {
            double e = GaussianErf.erf(s);
            assertEquals(e * e, GaussianErf.zeta(s, 0.0), 2e-15, "s=" + s);
            assertEquals(GaussianErf.zeta(s, 0.6), GaussianErf.zeta(-s, 0.6), 0.0, "even in s");
            assertEquals(GaussianErf.zeta(s, 0.6), GaussianErf.zeta(s, -0.6), 0.0, "even in g");
        }
    }

    @Test
    void zetaAndMeanErfMatchGaussHermite() {
        GaussIntegrator hermite = new GaussIntegratorFactory().hermite(120);
        double[] e = new double[4];
        for (double s : new double[] {-1.3, 0.0, 0.4, 1.1, 2.5}) {
            for (double g : new double[] {0.05, 0.1, 0.35, 0.7071}) {
                double ss = s;
                double gg = g;
                double zeta = hermite.integrate(x -> {
                    double v = GaussianErf.erf(ss + gg * Math.sqrt(2) * x);
                    return v * v;
                }) / Math.sqrt(Math.PI);
                double mean = hermite.integrate(x -> GaussianErf.erf(ss + gg * Math.sqrt(2) * x)) / Math.sqrt(Math.PI);
                assertEquals(zeta, GaussianErf.zeta(s, g), HERMITE_TOL, "zeta(" + s + ", " + g + ")");
                GaussianErf.meanErf(s, g, e);
                assertEquals(mean, e[0], HERMITE_TOL, "E erf(" + s + ", " + g + ")");
            }
        }
    }

    @Test
    void zetaDerivativesMatchFiniteDifferences() {
        double[] z = new double[3];
        double h = 1e-3;
        for (double s : new double[] {-1.7, -0.2, 0.0, 0.3, 1.4, 3.0}) {
            for (double g : new double[] {0.0, 0.07, 0.5, 1.3}) {
                GaussianErf.zetaDerivatives(s, g, z);
                assertEquals(richardson(x -> GaussianErf.zeta(x, g), s, h), z[0], FD_TOL, "zeta' " + s + "," + g);
                assertEquals(richardson(x -> {
                    double[] t = new double[3];
                    GaussianErf.zetaDerivatives(x, g, t);
                    return t[1];
                }, s, h), z[2], FD_TOL, "zeta''' " + s + "," + g);
                assertEquals(richardson(x -> {
                    double[] t = new double[3];
                    GaussianErf.zetaDerivatives(x, g, t);
                    return t[0];
                }, s, h), z[1], FD_TOL, "zeta'' richardson");
            }
        }
    }

    @Test
    void meanErfDerivativesMatchFiniteDifferences() {
        double[] e = new double[4];
        double h = 1e-3;
        for (double s : new double[] {-1.1, 0.0, 0.6, 2.2}) {
            for (double g : new double[] {0.0, 0.3, 1.0}) {
                GaussianErf.meanErf(s, g, e);
                for (int k = 0; k < 3; k++) {
                    int order = k;
                    double fd = richardson(x -> {
                        double[] t = new double[4];
                        GaussianErf.meanErf(x, g, t);
                        return t[order];
                    }, s, h);
                    assertEquals(fd, e[k + 1], FD_TOL, "derivative " + (k + 1) + " at " + s + "," + g);
                }
            }
        }
    }

    @Test
    void zetaIsAProbabilityOfTheRightSize() {
        for (double s = -5; s <= 5; s += 0.37) {
            double z = GaussianErf.zeta(s, 0.4);
            double e = GaussianErf.erf(s / Math.sqrt(1 + 2 * 0.16));
            assertTrue(z >= e * e - 1e-15 && z <= 1.0, "Jensen: zeta >= (E erf)^2 at s=" + s);
        }
    }

    /** Central difference with one Richardson step: error O(h^4). */
    static double richardson(java.util.function.DoubleUnaryOperator f, double x, double h) {
        double d1 = (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
        double d2 = (f.applyAsDouble(x + h / 2) - f.applyAsDouble(x - h / 2)) / h;
        return (4 * d2 - d1) / 3;
    }
}
