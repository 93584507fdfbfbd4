package org.attnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.Arbitrary;
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
}
