package org.attnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.attnlab.basis.KnotCases;

/**
 * The JML contracts of {@link BSplineKernel} checked at run time (the same clauses KeY proves statically).
 */
class BSplineKernelProperties {

    private static final double SENTINEL = -12345.5;

    @Provide
    Arbitrary<KnotCases.Case> cases() {
        return KnotCases.cases();
    }

    /** findSpan: p &lt;= mu &lt;= n-1, t_mu &lt;= x, t_mu &lt; t_{mu+1}, x &lt; t_{mu+1} or (x = t_n = t_{mu+1}). */
    @Property(tries = 300, seed = "20261130")
    void findSpanSatisfiesItsContract(@ForAll("cases") KnotCases.Case c) {
        double[] t = c.t();
        double[] copy = t.clone();
        int p = c.p();
        int n = t.length - p - 1;
        double x = c.x();
        int mu = BSplineKernel.findSpan(t, p, n, x);
        assertTrue(p <= mu && mu <= n - 1, "range");
        assertTrue(t[mu] <= x, "t[mu] <= x");
        assertTrue(t[mu] < t[mu + 1], "non-empty span");
        assertTrue(x < t[mu + 1] || (x == t[n] && t[mu + 1] == t[n]), "x < t[mu+1] or right end");
        assertArrayEquals(copy, t, "assignable \\nothing");
    }

    /** basisValues: no exception, writes only out[0..p] (and work arrays), knots untouched. */
    @Property(tries = 200, seed = "20261130")
    void basisValuesFramesAndRanges(@ForAll("cases") KnotCases.Case c) {
        double[] t = c.t();
        double[] copy = t.clone();
        int p = c.p();
        int mu = BSplineKernel.findSpan(t, p, t.length - p - 1, c.x());
        double[] left = new double[p + 1];
        double[] right = new double[p + 1];
        double[] out = new double[p + 3];
        Arrays.fill(out, SENTINEL);
        BSplineKernel.basisValues(t, p, mu, c.x(), left, right, out);
        assertArrayEquals(copy, t);
        assertEquals(SENTINEL, out[p + 1]);
        assertEquals(SENTINEL, out[p + 2]);
        double sum = 0.0;
        for (int j = 0; j <= p; j++) {
            assertTrue(out[j] >= 0.0 && out[j] <= 1.0, "value in [0, 1]");
            sum += out[j];
        }
        assertEquals(1.0, sum, 1e-13);
    }

    /** basisValuesAndDerivatives: no exception, writes only values/derivatives[0..p], knots untouched. */
    @Property(tries = 200, seed = "20261130")
    void basisValuesAndDerivativesFramesAndRanges(@ForAll("cases") KnotCases.Case c) {
        double[] t = c.t();
        double[] copy = t.clone();
        int p = c.p();
        int mu = BSplineKernel.findSpan(t, p, t.length - p - 1, c.x());
        double[] left = new double[p + 1];
        double[] right = new double[p + 1];
        double[] values = new double[p + 2];
        double[] derivatives = new double[p + 2];
        Arrays.fill(values, SENTINEL);
        Arrays.fill(derivatives, SENTINEL);
        BSplineKernel.basisValuesAndDerivatives(t, p, mu, c.x(), left, right, values, derivatives);
        assertArrayEquals(copy, t);
        assertEquals(SENTINEL, values[p + 1]);
        assertEquals(SENTINEL, derivatives[p + 1]);
        double sum = 0.0;
        double dsum = 0.0;
        for (int j = 0; j <= p; j++) {
            sum += values[j];
            dsum += derivatives[j];
        }
        assertEquals(1.0, sum, 1e-13);
        // d/dx of the partition of unity: derivatives sum to 0 (scale: |N'| <= 2p / min gap = 32)
        assertEquals(0.0, dsum, 1e-12);
    }

    /** Degree 0 (the value clauses p == 0): basisValues gives out[0] = 1, basisValuesAndDerivatives 1 and slope 0. */
    @Property(tries = 100, seed = "20261201")
    void degreeZeroValueIsOneAndSlopeZero(@ForAll("cases") KnotCases.Case c) {
        double[] t = c.t();
        int mu = BSplineKernel.findSpan(t, c.p(), t.length - c.p() - 1, c.x());
        // x lies in [t[mu], t[mu + 1]]: the span of degree 0 on the same knots
        double[] out = {SENTINEL, SENTINEL};
        BSplineKernel.basisValues(t, 0, mu, c.x(), new double[1], new double[1], out);
        assertEquals(1.0, out[0]);
        assertEquals(SENTINEL, out[1]);
        double[] values = {SENTINEL};
        double[] derivatives = {SENTINEL};
        BSplineKernel.basisValuesAndDerivatives(t, 0, mu, c.x(), new double[1], new double[1], values, derivatives);
        assertEquals(1.0, values[0]);
        assertEquals(0.0, derivatives[0]);
    }

    /**
     * Non-negativity (the ESC-proved clause {@code !(out[k] < 0.0)}, here also not NaN) and partition of unity
     * within 1e-12 on knot vectors with arbitrary (non-dyadic) gaps, repeated knots and points at knots.
     */
    @Property(tries = 400, seed = "20261201")
    void valuesAreNonNegativeAndSumToOneOnRandomKnots(@ForAll("randomKnots") double[] t, @ForAll("degrees") int p,
                                                     @ForAll("fractions") double f) {
        int n = t.length - p - 1;
        net.jqwik.api.Assume.that(n >= p + 1 && t[p] < t[n]);
        double x = f < 0.0 ? t[Math.min(n, p + (int) (-f * (n - p + 1)))] : t[p] + f * (t[n] - t[p]);
        x = Math.min(t[n], Math.max(t[p], x));
        int mu = BSplineKernel.findSpan(t, p, n, x);
        double[] out = new double[p + 1];
        BSplineKernel.basisValues(t, p, mu, x, new double[p + 1], new double[p + 1], out);
        double[] values = new double[p + 1];
        double[] derivatives = new double[p + 1];
        BSplineKernel.basisValuesAndDerivatives(t, p, mu, x, new double[p + 1], new double[p + 1], values,
                derivatives);
        double sum = 0.0;
        for (int k = 0; k <= p; k++) {
            assertTrue(out[k] >= 0.0, "out[" + k + "] = " + out[k]);
            assertTrue(values[k] >= 0.0, "values[" + k + "] = " + values[k]);
            assertEquals(out[k], values[k], 0.0, "the same recursion");
            sum += out[k];
        }
        assertEquals(1.0, sum, 1e-12);
    }

    @Provide
    Arbitrary<Integer> degrees() {
        return Arbitraries.integers().between(0, 5);
    }

    /** In [0, 1): a point of the domain; negative: -f picks a knot of the domain. */
    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.doubles().between(0.0, 1.0).ofScale(12)),
                net.jqwik.api.Tuple.of(1, Arbitraries.doubles().between(-0.999, -0.001).ofScale(6)));
    }

    /** Non-decreasing knots: start in [-10, 10], gaps 0 (repeated knots) or in [1e-3, 3]; length 2 .. 14. */
    @Provide
    Arbitrary<double[]> randomKnots() {
        Arbitrary<Double> gap = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(0.0)),
                net.jqwik.api.Tuple.of(4, Arbitraries.doubles().between(1e-3, 3.0).ofScale(12)));
        return Combinators.combine(Arbitraries.doubles().between(-10.0, 10.0).ofScale(12), gap.list().ofMinSize(1).ofMaxSize(13))
                .as((a, gaps) -> {
                    double[] t = new double[gaps.size() + 1];
                    t[0] = a;
                    for (int i = 1; i < t.length; i++) {
                        t[i] = t[i - 1] + gaps.get(i - 1);
                    }
                    return t;
                });
    }
}
