package org.attnlab.basis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Hand-computed B-spline values, each worked out in the comment above it. */
class BSplineBasisTest {

    /** Hand values are exact dyadic numbers; the kernel may differ by a few ulps. */
    private static final double EXACT = 1e-15;

    private static double[] values(BSplineBasis b, double x) {
        double[] v = new double[b.degree() + 1];
        b.evaluate(x, v);
        return v;
    }

    private static double[] derivatives(BSplineBasis b, double x) {
        double[] v = new double[b.degree() + 1];
        double[] d = new double[b.degree() + 1];
        b.evaluate(x, v, d);
        return d;
    }

    @Test
    void degreeZeroIndicatorsClosedAtTheRightEnd() {
        // t = (0, 1, 2), p = 0, n = 2: N_0 = 1 on [0, 1), N_1 = 1 on [1, 2] (closed at the right end t_n = 2)
        BSplineBasis b = BSplineBasis.of(KnotVector.of(0, new double[] {0, 1, 2}));
        assertArrayEquals(new double[] {1, 0}, b.allValues(0.0), 0.0);
        assertArrayEquals(new double[] {1, 0}, b.allValues(0.5), 0.0);
        assertArrayEquals(new double[] {0, 1}, b.allValues(1.0), 0.0);
        assertArrayEquals(new double[] {0, 1}, b.allValues(2.0), 0.0);
        assertArrayEquals(new double[] {0}, derivatives(b, 0.5), 0.0);
        assertEquals(1, b.evaluate(2.0, new double[1]));
    }

    @Test
    void degreeOneHatFunctions() {
        // t = (0, 1, 2, 3), p = 1, n = 2, domain [1, 2]; x = 1.25 lies in span 1:
        // N_0 = (t_2 - x)/(t_2 - t_1) = 0.75, N_1 = (x - t_1)/(t_2 - t_1) = 0.25; N_0' = -1, N_1' = +1.
        BSplineBasis b = BSplineBasis.of(KnotVector.of(1, new double[] {0, 1, 2, 3}));
        assertEquals(0, b.evaluate(1.25, new double[2]));
        assertArrayEquals(new double[] {0.75, 0.25}, values(b, 1.25), EXACT);
        assertArrayEquals(new double[] {-1, 1}, derivatives(b, 1.25), EXACT);
        // right end x = 2: N_0 = 0, N_1 = 1 (left limit), derivatives still -1, +1
        assertArrayEquals(new double[] {0, 1}, b.allValues(2.0), EXACT);
        assertArrayEquals(new double[] {-1, 1}, derivatives(b, 2.0), EXACT);
    }

    @Test
    void degreeTwoUniformQuadratics() {
        // t = (0, 1, 2, 3, 4, 5), p = 2, n = 3, domain [2, 3]; x = 2.5 in span 2 with u = x - 2 = 0.5:
        // N_0 = (1 - u)^2 / 2 = 0.125, N_1 = (-2u^2 + 2u + 1)/2 = 0.75, N_2 = u^2 / 2 = 0.125;
        // N_0' = -(1 - u) = -0.5, N_1' = 1 - 2u = 0, N_2' = u = 0.5.
        BSplineBasis b = BSplineBasis.of(KnotVector.of(2, new double[] {0, 1, 2, 3, 4, 5}));
        assertArrayEquals(new double[] {0.125, 0.75, 0.125}, values(b, 2.5), EXACT);
        assertArrayEquals(new double[] {-0.5, 0.0, 0.5}, derivatives(b, 2.5), EXACT);
        // x = 2.25, u = 1/4: N = (9/32, 22/32, 1/32) = (0.28125, 0.6875, 0.03125); N' = (-0.75, 0.5, 0.25)
        assertArrayEquals(new double[] {0.28125, 0.6875, 0.03125}, values(b, 2.25), EXACT);
        assertArrayEquals(new double[] {-0.75, 0.5, 0.25}, derivatives(b, 2.25), EXACT);
    }

    @Test
    void degreeTwoClampedIsBernstein() {
        // t = (0, 0, 0, 1, 1, 1): N_i are the Bernstein polynomials (1-x)^2, 2x(1-x), x^2.
        // x = 0.25: (0.5625, 0.375, 0.0625); derivatives -2(1-x) = -1.5, 2 - 4x = 1, 2x = 0.5.
        BSplineBasis b = BSplineBasis.of(KnotVector.clamped(2, 1, 0, 1));
        assertArrayEquals(new double[] {0.5625, 0.375, 0.0625}, values(b, 0.25), EXACT);
        assertArrayEquals(new double[] {-1.5, 1.0, 0.5}, derivatives(b, 0.25), EXACT);
        // ends: x = 0 gives (1, 0, 0) with N' = (-2, 2, 0); x = 1 gives (0, 0, 1) with N' = (0, -2, 2)
        assertArrayEquals(new double[] {1, 0, 0}, values(b, 0.0), EXACT);
        assertArrayEquals(new double[] {-2, 2, 0}, derivatives(b, 0.0), EXACT);
        assertArrayEquals(new double[] {0, 0, 1}, values(b, 1.0), EXACT);
        assertArrayEquals(new double[] {0, -2, 2}, derivatives(b, 1.0), EXACT);
    }

    @Test
    void degreeTwoWithDoubleInteriorKnot() {
        // t = (0, 0, 0, 1, 1, 2, 2, 2), p = 2, n = 5: the double knot at 1 makes the spline C^0 there.
        // x = 0.5 (span 2): Bernstein on [0, 1]: N_0..N_2 = (0.25, 0.5, 0.25), N_3 = N_4 = 0.
        // x = 1 (span 4, t_4 = 1 <= x < t_5 = 2): u = 0: N_2 = 1, others 0; N_2' = -2, N_3' = 2.
        BSplineBasis b = BSplineBasis.of(KnotVector.of(2, new double[] {0, 0, 0, 1, 1, 2, 2, 2}));
        assertArrayEquals(new double[] {0.25, 0.5, 0.25, 0, 0}, b.allValues(0.5), EXACT);
        assertArrayEquals(new double[] {0, 0, 1, 0, 0}, b.allValues(1.0), EXACT);
        assertEquals(2, b.evaluate(1.0, new double[3]));
        assertArrayEquals(new double[] {-2, 2, 0}, derivatives(b, 1.0), EXACT);
    }

    @Test
    void splineValueAndDerivative() {
        // hat basis on t = (0, 1, 2, 3): s = 2 N_0 + 6 N_1 at x = 1.25 is 2 * 0.75 + 6 * 0.25 = 3, s' = -2 + 6 = 4
        BSplineBasis b = BSplineBasis.of(KnotVector.of(1, new double[] {0, 1, 2, 3}));
        assertEquals(3.0, b.value(new double[] {2, 6}, 1.25), EXACT);
        assertEquals(4.0, b.derivative(new double[] {2, 6}, 1.25), EXACT);
    }

    @Test
    void knotLayouts() {
        // uniform(p = 2, K = 4, [0, 1]): t_i = (i - 2)/4, i = 0..8
        KnotVector u = KnotVector.uniform(2, 4, 0, 1);
        assertArrayEquals(new double[] {-0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, 1.25, 1.5}, u.toArray(), 0.0);
        assertEquals(6, u.size());
        assertEquals(0.0, u.lower(), 0.0);
        assertEquals(1.0, u.upper(), 0.0);
        // clamped(p = 2, K = 4, [0, 1]): 0 three times, 1/4, 1/2, 3/4, 1 three times
        KnotVector c = KnotVector.clamped(2, 4, 0, 1);
        assertArrayEquals(new double[] {0, 0, 0, 0.25, 0.5, 0.75, 1, 1, 1}, c.toArray(), 0.0);
        assertEquals(2, c.degree());
        assertEquals(9, c.length());
        assertEquals(0.75, c.knot(5), 0.0);
        // a != 0: t_i = a + (i - p) h with h = (b - a)/K = 0.25 on [0.5, 1.5]
        assertArrayEquals(new double[] {0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75}, KnotVector.uniform(1, 4, 0.5, 1.5)
                .toArray(), 0.0);
        assertArrayEquals(new double[] {0.5, 0.5, 0.75, 1.0, 1.25, 1.5, 1.5}, KnotVector.clamped(1, 4, 0.5, 1.5)
                .toArray(), 0.0);
        // clamped ends are exactly b although a + K h = 0.39999999999999997 != 0.4 for a = -0.3, b = 0.4, K = 7
        KnotVector clampedOdd = KnotVector.clamped(1, 7, -0.3, 0.4);
        assertEquals(0.4, clampedOdd.knot(8), 0.0);
        assertEquals(0.4, clampedOdd.knot(9), 0.0);
        assertEquals(-0.3, clampedOdd.knot(1), 0.0);
        // the ends are exactly a and b even when (b - a)/K is not exact
        KnotVector odd = KnotVector.uniform(3, 3, 0.1, 0.7);
        assertEquals(0.1, odd.lower(), 0.0);
        assertEquals(0.7, odd.upper(), 0.0);
    }

    @Test
    void spanRule() {
        KnotVector t = KnotVector.of(1, new double[] {0, 0, 1, 1, 2, 2});
        assertEquals(1, t.span(0.0));
        assertEquals(1, t.span(0.5));
        assertEquals(3, t.span(1.0));
        assertEquals(3, t.span(2.0));
    }

    @Test
    void valueObjects() {
        KnotVector a = KnotVector.clamped(2, 3, -1, 1);
        KnotVector b = KnotVector.of(2, a.toArray());
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(false, a.equals(KnotVector.clamped(1, 3, -1, 1)));
        assertEquals(false, a.equals(KnotVector.clamped(2, 3, -1, 2)));
        assertEquals(false, a.equals(KnotVector.clamped(2, 4, -1, 1))); // same degree, more knots
        assertEquals(false, a.equals(null));
        assertEquals(false, a.equals(java.util.Arrays.toString(a.toArray())));
        BSplineBasis basis = BSplineBasis.of(a);
        assertEquals(a, basis.knots());
        assertEquals(5, basis.size());
        // the knots are copied in and out
        double[] raw = a.toArray();
        raw[0] = 99;
        assertEquals(-1.0, a.knot(0), 0.0);
    }
}
