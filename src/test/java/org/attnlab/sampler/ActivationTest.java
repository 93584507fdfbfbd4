package org.attnlab.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attnlab.internal.RandomStreams;
import org.attnlab.internal.RandomStreams.Purpose;
import org.junit.jupiter.api.Test;

/** Activations: hand values, derivatives against central differences, smoothness, the B-spline extension. */
class ActivationTest {

    static final double EXACT = 1e-15;
    /** Central difference with step 1e-5 on smooth functions of unit scale: error ~ h^2 + eps/h. */
    static final double FINITE_DIFFERENCE = 1e-8;

    private static double centralDifference(Activation phi, double u) {
        double h = 1e-5;
        return (phi.value(u + h) - phi.value(u - h)) / (2 * h);
    }

    @Test
    void reluValuesAndDerivative() {
        Activation relu = Activation.relu();
        assertEquals(0.0, relu.value(-1.5), 0.0);
        assertEquals(2.5, relu.value(2.5), 0.0);
        assertEquals(0.0, relu.value(0.0), 0.0);
        assertEquals(0.0, relu.value(-0.0), 0.0);
        assertEquals(Double.NaN, relu.value(Double.NaN), 0.0);
        assertEquals(0.0, relu.derivative(-0.1), 0.0);
        assertEquals(0.0, relu.derivative(0.0), 0.0);
        assertEquals(1.0, relu.derivative(1e-300), 0.0);
        assertEquals(1.0, relu.smoothness(), 0.0);
        assertEquals("relu", relu.name());
    }

    @Test
    void absPowerValuesAndDerivative() {
        Activation abs = Activation.absPower(1.5);
        assertEquals(8.0, abs.value(-4.0), EXACT);
        assertEquals(8.0, abs.value(4.0), EXACT);
        assertEquals(-3.0, abs.derivative(-4.0), EXACT);
        assertEquals(3.0, abs.derivative(4.0), EXACT);
        assertEquals(0.0, abs.derivative(0.0), 0.0);
        assertEquals(0.0, abs.value(0.0), 0.0);
        assertEquals(1.5, abs.smoothness(), 0.0);
        assertEquals("abs", abs.name());
        Activation cube = Activation.absPower(3);
        assertEquals(-8.0, cube.value(-2.0) * -1, EXACT);
        assertEquals(-12.0, cube.derivative(-2.0), EXACT);
        assertEquals(1.5, ((StandardActivation) abs).exponent(), 0.0);
        assertEquals(StandardActivation.Kind.ABS, ((StandardActivation) abs).kind());
    }

    @Test
    void smoothFamilies() {
        assertEquals(StrictMath.tanh(0.7), Activation.tanh().value(0.7), 0.0);
        assertEquals(1 - StrictMath.tanh(0.7) * StrictMath.tanh(0.7), Activation.tanh().derivative(0.7), 0.0);
        assertEquals(StrictMath.sin(-1.2), Activation.sin().value(-1.2), 0.0);
        assertEquals(StrictMath.cos(-1.2), Activation.sin().derivative(-1.2), 0.0);
        assertEquals(Math.log(2), Activation.softplus().value(0.0), EXACT);
        assertEquals(0.5, Activation.softplus().derivative(0.0), 0.0);
        assertEquals(50.0, Activation.softplus().value(50.0), 1e-13);
        assertEquals(Math.exp(-50), Activation.softplus().value(-50.0), 1e-35);
        assertEquals(1.0, Activation.softplus().value(800.0) / 800.0, EXACT);
        assertEquals(StrictMath.log1p(StrictMath.exp(1.3)), Activation.softplus().value(1.3), 1e-15);
        assertEquals(1 / (1 + Math.exp(-1.3)), Activation.softplus().derivative(1.3), EXACT);
        assertEquals(StrictMath.exp(0.3), Activation.exp().value(0.3), 0.0);
        assertEquals(StrictMath.exp(0.3), Activation.exp().derivative(0.3), 0.0);
        for (Activation phi : new Activation[] {Activation.tanh(), Activation.sin(), Activation.softplus(), Activation.exp()}) {
            assertEquals(Double.POSITIVE_INFINITY, phi.smoothness(), 0.0, phi.name());
        }
        assertEquals("tanh", Activation.tanh().name());
        assertEquals("sin", Activation.sin().name());
        assertEquals("softplus", Activation.softplus().name());
        assertEquals("exp", Activation.exp().name());
    }

    @Test
    void derivativesMatchCentralDifferences() {
        Activation[] all = {Activation.relu(), Activation.absPower(2.5), Activation.absPower(0.5), Activation.tanh(),
            Activation.sin(), Activation.softplus(), Activation.exp(),
            BSplineActivation.random(4, 8, 4.0, 3)};
        double[] points = {-3.3, -1.7, -0.45, 0.3, 1.1, 2.9};
        for (Activation phi : all) {
            for (double u : points) {
                assertEquals(centralDifference(phi, u), phi.derivative(u),
                        FINITE_DIFFERENCE * Math.max(1, Math.abs(phi.derivative(u))), phi + " at " + u);
            }
        }
    }

    @Test
    void ofReturnsTheFamily() {
        assertSame(Activation.relu(), StandardActivation.of(StandardActivation.Kind.RELU, Double.NaN));
        assertSame(Activation.tanh(), StandardActivation.of(StandardActivation.Kind.TANH, 0));
        assertSame(Activation.sin(), StandardActivation.of(StandardActivation.Kind.SIN, 0));
        assertSame(Activation.softplus(), StandardActivation.of(StandardActivation.Kind.SOFTPLUS, 0));
        assertSame(Activation.exp(), StandardActivation.of(StandardActivation.Kind.EXP, 0));
        assertEquals(Activation.absPower(2), StandardActivation.of(StandardActivation.Kind.ABS, 2));
        assertNotEquals(Activation.absPower(2), Activation.absPower(3));
        assertEquals(Activation.absPower(2).hashCode(), StandardActivation.of(StandardActivation.Kind.ABS, 2).hashCode());
        assertNotEquals(Activation.relu(), Activation.tanh());
        assertEquals("abs(a=2.0)", Activation.absPower(2).toString());
        assertEquals("tanh", Activation.tanh().toString());
    }

    /** Order 1 (piecewise constant) on 2 pieces of [-1, 1]: c = [3, 5]. */
    @Test
    void bsplineOrderOneHandValues() {
        BSplineActivation phi = BSplineActivation.of(1, 2, 1.0, new double[] {3, 5});
        assertEquals(3.0, phi.value(-0.5), 0.0);
        assertEquals(5.0, phi.value(0.5), 0.0);
        assertEquals(5.0, phi.value(0.0), 0.0);
        assertEquals(5.0, phi.value(2.0), 0.0);
        assertEquals(3.0, phi.value(-7.0), 0.0);
        assertEquals(0.0, phi.smoothness(), 0.0);
    }

    /** Order 2 (hat functions at -1, 0, 1) on 2 pieces of [-1, 1]: linear interpolation of c = [1, 3, -1]. */
    @Test
    void bsplineOrderTwoIsLinearInterpolation() {
        BSplineActivation phi = BSplineActivation.of(2, 2, 1.0, new double[] {1, 3, -1});
        assertEquals(1.0, phi.value(-1.0), EXACT);
        assertEquals(2.0, phi.value(-0.5), EXACT);
        assertEquals(3.0, phi.value(0.0), EXACT);
        assertEquals(1.0, phi.value(0.5), EXACT);
        assertEquals(-1.0, phi.value(1.0), EXACT);
        assertEquals(2.0, phi.derivative(-0.5), EXACT);
        assertEquals(-4.0, phi.derivative(0.5), EXACT);
        // constant extension outside [-R, R]
        assertEquals(1.0, phi.value(-3.0), EXACT);
        assertEquals(-1.0, phi.value(1.5), EXACT);
        assertEquals(2.0, phi.derivative(-1.0), EXACT);
        assertEquals(-4.0, phi.derivative(1.0), EXACT);
        assertEquals(0.0, phi.derivative(-1.0001), 0.0);
        assertEquals(0.0, phi.derivative(1.0001), 0.0);
        assertTrue(Double.isNaN(phi.derivative(Double.NaN)));
        assertEquals(1.0, phi.smoothness(), 0.0);
        assertEquals("bspline", phi.name());
    }

    @Test
    void bsplineMatchesItsBasis() {
        BSplineActivation phi = BSplineActivation.random(3, 8, 4.0, 17);
        double[] c = phi.coefficients();
        assertEquals(8 + 3 - 1, c.length);
        assertEquals(3, phi.order());
        assertEquals(8, phi.pieces());
        assertEquals(4.0, phi.range(), 0.0);
        assertEquals(2, phi.basis().degree());
        assertEquals(-4.0, phi.basis().knots().lower(), 0.0);
        assertEquals(4.0, phi.basis().knots().upper(), 0.0);
        for (double u = -3.9; u < 4; u += 0.37) {
            double[] all = phi.basis().allValues(u);
            double s = 0;
            for (int k = 0; k < c.length; k++) {
                s += c[k] * all[k];
            }
            assertEquals(s, phi.value(u), 1e-14);
        }
        assertEquals(phi.value(4.0), phi.value(10.0), 0.0);
        assertEquals(phi.value(-4.0), phi.value(-10.0), 0.0);
    }

    @Test
    void randomCoefficientsComeFromTruthStreamOne() {
        BSplineActivation phi = BSplineActivation.random(4, 5, 3.0, -8);
        RandomStreams.Stream s = RandomStreams.stream(-8, Purpose.TRUTH, 1);
        double[] expected = new double[5 + 4 - 1];
        s.normals(expected);
        assertArrayEquals(expected, phi.coefficients(), 0.0);
        assertEquals(BSplineActivation.of(4, 5, 3.0, expected), phi);
        assertEquals(BSplineActivation.of(4, 5, 3.0, expected).hashCode(), phi.hashCode());
        assertNotEquals(BSplineActivation.random(4, 5, 3.0, -9), phi);
        assertNotEquals(BSplineActivation.of(4, 5, 3.5, expected), phi);
        phi.coefficients()[0] = 1e9;
        assertArrayEquals(expected, phi.coefficients(), 0.0);
        assertTrue(phi.toString().startsWith("bspline(P=4, K=5, R=3.0"));
    }

    @Test
    void bsplineCopiesItsCoefficients() {
        double[] c = {1, 2};
        BSplineActivation phi = BSplineActivation.of(1, 2, 1.0, c);
        c[0] = 100;
        assertEquals(1.0, phi.value(-0.5), 0.0);
    }
}
