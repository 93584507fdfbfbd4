package org.attnlab.basis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of {@link BSplineBasis} on random small knot vectors (see {@link KnotCases}: dyadic knots with gaps
 * in {0, 1/4, 1/2, 1, 2}, so a non-empty span is at least 1/4 wide and |N'| &lt;= 2p / (1/4) &lt;= 32).
 */
class BSplineBasisProperties {

    /** Sum of p + 1 values in [0, 1], each with a few ulps of rounding error. */
    static final double UNITY_TOL = 1e-13;
    /** Triangular scheme against the literal recursion: same quantities, different evaluation order. */
    static final double ORACLE_TOL = 1e-13;
    /** Derivatives are at most 32 in magnitude here; relative to 1 + |N'|. */
    static final double ORACLE_DERIVATIVE_TOL = 1e-12;
    /** Central difference step. */
    static final double FD_STEP = 1e-6;
    /**
     * Central difference error: truncation h^2/6 |N'''| &lt;= 1e-12/6 * (2p/(1/4))^3 &lt; 6e-9, rounding about
     * 1e-15/h plus ulp(x)/h * |N'| &lt; 2e-8; so 1e-6 is a 20x margin.
     */
    static final double FD_TOL = 1e-6;
    /** Marsden's identity: relative to the sum of |psi_i(y) N_i(x)|. */
    static final double MARSDEN_TOL = 1e-12;

    @Provide
    Arbitrary<KnotCases.Case> cases() {
        return KnotCases.cases();
    }

    @Property(tries = 200, seed = "20261130")
    void partitionOfUnityAndNonNegativity(@ForAll("cases") KnotCases.Case c) {
        double[] all = BSplineBasis.of(c.knots()).allValues(c.x());
        double sum = 0.0;
        for (double v : all) {
            assertTrue(v >= 0.0, "non-negative");
            sum += v;
        }
        assertEquals(1.0, sum, UNITY_TOL);
    }

    @Property(tries = 200, seed = "20261130")
    void localSupport(@ForAll("cases") KnotCases.Case c) {
        BSplineBasis basis = BSplineBasis.of(c.knots());
        int p = basis.degree();
        double[] local = new double[p + 1];
        int first = basis.evaluate(c.x(), local);
        int mu = CoxDeBoorOracle.span(c.t(), p, c.x());
        assertEquals(mu - p, first, "first = span - p");
        double[] all = basis.allValues(c.x());
        int nonZero = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] != 0.0) {
                nonZero++;
                assertTrue(i >= first && i <= first + p, "non-zero only on first..first+p");
            }
        }
        assertTrue(nonZero <= p + 1);
    }

    @Property(tries = 200, seed = "20261130")
    void agreesWithNaiveRecursion(@ForAll("cases") KnotCases.Case c) {
        BSplineBasis basis = BSplineBasis.of(c.knots());
        int p = basis.degree();
        double[] t = c.t();
        double[] values = new double[p + 1];
        double[] derivatives = new double[p + 1];
        int first = basis.evaluate(c.x(), values, derivatives);
        int mu = CoxDeBoorOracle.span(t, p, c.x());
        double[] all = basis.allValues(c.x());
        for (int i = 0; i < basis.size(); i++) {
            assertEquals(CoxDeBoorOracle.basis(t, i, p, c.x(), mu), all[i], ORACLE_TOL, "N_" + i);
        }
        for (int j = 0; j <= p; j++) {
            double expected = CoxDeBoorOracle.derivative(t, first + j, p, c.x(), mu);
            assertEquals(expected, derivatives[j], ORACLE_DERIVATIVE_TOL * (1 + Math.abs(expected)), "N'_" + j);
            assertEquals(all[first + j], values[j], 0.0, "evaluate with derivatives gives the same values");
        }
    }

    @Provide
    Arbitrary<KnotCases.Case> interiorCases() {
        return KnotCases.knotVectors().flatMap(kv -> Arbitraries.doubles().between(kv.lower(), kv.upper())
                .filter(x -> distanceToKnots(kv, x) > 10 * FD_STEP).map(x -> new KnotCases.Case(kv, x)));
    }

    private static double distanceToKnots(KnotVector kv, double x) {
        double d = Double.POSITIVE_INFINITY;
        for (int i = 0; i < kv.length(); i++) {
            d = Math.min(d, Math.abs(x - kv.knot(i)));
        }
        return d;
    }

    @Property(tries = 150, seed = "20261130")
    void derivativeMatchesCentralDifference(@ForAll("interiorCases") KnotCases.Case c) {
        BSplineBasis basis = BSplineBasis.of(c.knots());
        double[] plus = basis.allValues(c.x() + FD_STEP);
        double[] minus = basis.allValues(c.x() - FD_STEP);
        int p = basis.degree();
        double[] values = new double[p + 1];
        double[] derivatives = new double[p + 1];
        int first = basis.evaluate(c.x(), values, derivatives);
        for (int j = 0; j <= p; j++) {
            double fd = (plus[first + j] - minus[first + j]) / (2 * FD_STEP);
            assertEquals(fd, derivatives[j], FD_TOL * (1 + Math.abs(fd)), "N'_" + (first + j));
        }
    }

    /**
     * Marsden's identity: (y - x)^p = sum_i psi_i(y) N_{i,p}(x) on [t_p, t_n], psi_i(y) = prod_{j=1..p}(y - t_{i+j}).
     * As a polynomial identity in y it says the basis reproduces every polynomial of degree &lt;= p, and its
     * derivative in x checks the spline derivative: -p (y - x)^(p-1) = sum_i psi_i(y) N'_i(x).
     */
    @Property(tries = 200, seed = "20261130")
    void reproducesPolynomialsMarsden(@ForAll("cases") KnotCases.Case c,
                                      @ForAll("unit") double u) {
        BSplineBasis basis = BSplineBasis.of(c.knots());
        int p = basis.degree();
        double[] t = c.t();
        double y = basis.knots().lower() - 1 + u * (basis.knots().upper() - basis.knots().lower() + 2);
        double[] psi = new double[basis.size()];
        double scale = 0.0;
        for (int i = 0; i < psi.length; i++) {
            double prod = 1.0;
            for (int j = 1; j <= p; j++) {
                prod *= y - t[i + j];
            }
            psi[i] = prod;
            scale += Math.abs(prod);
        }
        double x = c.x();
        double expected = Math.pow(y - x, p);
        assertEquals(expected, basis.value(psi, x), MARSDEN_TOL * scale, "value");
        double expectedDerivative = p == 0 ? 0.0 : -p * Math.pow(y - x, p - 1);
        assertEquals(expectedDerivative, basis.derivative(psi, x), MARSDEN_TOL * 64 * scale, "derivative");
    }

    @Provide
    Arbitrary<Double> unit() {
        return Arbitraries.doubles().between(0, 1);
    }

    @Property(tries = 100, seed = "20261130")
    void clampToDomainIsIdentityInsideAndProjectsOutside(@ForAll("cases") KnotCases.Case c,
                                                          @ForAll("unit") double u) {
        BSplineBasis basis = BSplineBasis.of(c.knots());
        assertEquals(c.x(), basis.clampToDomain(c.x()), 0.0);
        double lo = basis.knots().lower();
        double hi = basis.knots().upper();
        assertEquals(lo, basis.clampToDomain(lo - 1 - u), 0.0);
        assertEquals(hi, basis.clampToDomain(hi + 1 + u), 0.0);
        assertTrue(Double.isNaN(basis.clampToDomain(Double.NaN)));
    }
}
