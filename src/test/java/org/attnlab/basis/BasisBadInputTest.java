package org.attnlab.basis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per {@code @throws} of {@link KnotVector} and {@link BSplineBasis}: the call and the exact message. */
class BasisBadInputTest {

    private static final BSplineBasis QUADRATIC = BSplineBasis.of(KnotVector.clamped(2, 2, 0, 1));

    static Stream<Arguments> rows() {
        return Stream.of(
                row("uniform: degree < 0", () -> KnotVector.uniform(-1, 2, 0, 1), "degree must be >= 0, got -1"),
                row("uniform: pieces < 1", () -> KnotVector.uniform(1, 0, 0, 1), "pieces must be > 0, got 0"),
                row("uniform: a not finite", () -> KnotVector.uniform(1, 2, Double.NaN, 1), "a must be finite, got NaN"),
                row("uniform: b not finite", () -> KnotVector.uniform(1, 2, 0, Double.POSITIVE_INFINITY),
                        "b must be finite, got Infinity"),
                row("uniform: !(a < b)", () -> KnotVector.uniform(1, 2, 1, 1), "b must be > a = 1.0, got 1.0"),
                row("clamped: degree < 0", () -> KnotVector.clamped(-2, 2, 0, 1), "degree must be >= 0, got -2"),
                row("clamped: pieces < 1", () -> KnotVector.clamped(1, -1, 0, 1), "pieces must be > 0, got -1"),
                row("clamped: a not finite", () -> KnotVector.clamped(1, 2, Double.NEGATIVE_INFINITY, 1),
                        "a must be finite, got -Infinity"),
                row("clamped: b not finite", () -> KnotVector.clamped(1, 2, 0, Double.NaN), "b must be finite, got NaN"),
                row("clamped: !(a < b)", () -> KnotVector.clamped(1, 2, 2, 1), "b must be > a = 2.0, got 1.0"),
                row("of: degree < 0", () -> KnotVector.of(-1, new double[] {0, 1}), "degree must be >= 0, got -1"),
                row("of: knots null", () -> KnotVector.of(1, null), "knots must be non-null, got null"),
                row("of: knot not finite", () -> KnotVector.of(0, new double[] {0, Double.NaN}),
                        "knots[1] must be finite, got NaN"),
                row("of: too short", () -> KnotVector.of(1, new double[] {0, 1, 2}),
                        "knots.length must be >= 2 * degree + 2 = 4, got 3"),
                row("of: too short for degree 2", () -> KnotVector.of(2, new double[] {0, 1, 2, 3, 4}),
                        "knots.length must be >= 2 * degree + 2 = 6, got 5"),
                row("of: decreasing", () -> KnotVector.of(1, new double[] {0, 2, 1, 3}),
                        "knots[2] must be >= knots[1] = 2.0, got 1.0"),
                row("of: empty domain", () -> KnotVector.of(1, new double[] {0, 1, 1, 2}),
                        "knots[2] must be > knots[degree] = 1.0, got 1.0"),
                row("span: x below", () -> QUADRATIC.knots().span(-0.5), "x must be in [0.0, 1.0], got -0.5"),
                row("span: x above", () -> QUADRATIC.knots().span(1.5), "x must be in [0.0, 1.0], got 1.5"),
                row("span: x NaN", () -> QUADRATIC.knots().span(Double.NaN), "x must be in [0.0, 1.0], got NaN"),
                row("basis of: null", () -> BSplineBasis.of(null), "knots must be non-null, got null"),
                row("evaluate: values null", () -> QUADRATIC.evaluate(0.5, null), "values must be non-null, got null"),
                row("evaluate: values short", () -> QUADRATIC.evaluate(0.5, new double[2]),
                        "values.length must be >= degree + 1 = 3, got 2"),
                row("evaluate: x outside", () -> QUADRATIC.evaluate(2.0, new double[3]),
                        "x must be in [0.0, 1.0], got 2.0"),
                row("evaluate': derivatives null", () -> QUADRATIC.evaluate(0.5, new double[3], null),
                        "derivatives must be non-null, got null"),
                row("evaluate': derivatives short", () -> QUADRATIC.evaluate(0.5, new double[3], new double[1]),
                        "derivatives.length must be >= degree + 1 = 3, got 1"),
                row("evaluate': values short", () -> QUADRATIC.evaluate(0.5, new double[1], new double[3]),
                        "values.length must be >= degree + 1 = 3, got 1"),
                row("evaluate': same array", () -> {
                    double[] a = new double[3];
                    QUADRATIC.evaluate(0.5, a, a);
                }, "derivatives must be a different array from values, got the same array"),
                row("evaluate': x outside", () -> QUADRATIC.evaluate(-1.0, new double[3], new double[3]),
                        "x must be in [0.0, 1.0], got -1.0"),
                row("allValues: x outside", () -> QUADRATIC.allValues(1.25), "x must be in [0.0, 1.0], got 1.25"),
                row("value: coefficients length", () -> QUADRATIC.value(new double[3], 0.5),
                        "coefficients.length must be = 4, got 3"),
                row("value: coefficients null", () -> QUADRATIC.value(null, 0.5),
                        "coefficients must be non-null, got null"),
                row("value: x outside", () -> QUADRATIC.value(new double[4], 7.0), "x must be in [0.0, 1.0], got 7.0"),
                row("derivative: coefficients length", () -> QUADRATIC.derivative(new double[5], 0.5),
                        "coefficients.length must be = 4, got 5"),
                row("derivative: x outside", () -> QUADRATIC.derivative(new double[4], Double.NaN),
                        "x must be in [0.0, 1.0], got NaN"));
    }

    private static Arguments row(String name, Executable call, String message) {
        return Arguments.of(name, call, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void rejects(String name, Executable call, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }
}
