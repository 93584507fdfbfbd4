package org.attnlab.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks: one row per failing rule (message exact), and the boundary values that pass. */
class ChecksTest {

    static Stream<Arguments> failures() {
        double nan = Double.NaN;
        double inf = Double.POSITIVE_INFINITY;
        return Stream.of(
                Arguments.of((Executable) () -> Checks.positive("n", 0), "n must be > 0, got 0"),
                Arguments.of((Executable) () -> Checks.positive("n", -3), "n must be > 0, got -3"),
                Arguments.of((Executable) () -> Checks.nonNegative("n", -1), "n must be >= 0, got -1"),
                Arguments.of((Executable) () -> Checks.atLeast("N", 1, 2), "N must be >= 2, got 1"),
                Arguments.of((Executable) () -> Checks.inRange("r", 0, 1, 3), "r must be in [1, 3], got 0"),
                Arguments.of((Executable) () -> Checks.inRange("r", 4, 1, 3), "r must be in [1, 3], got 4"),
                Arguments.of((Executable) () -> Checks.positive("x", 0.0), "x must be finite and > 0, got 0.0"),
                Arguments.of((Executable) () -> Checks.positive("x", -1.5), "x must be finite and > 0, got -1.5"),
                Arguments.of((Executable) () -> Checks.positive("x", nan), "x must be finite and > 0, got NaN"),
                Arguments.of((Executable) () -> Checks.positive("x", inf), "x must be finite and > 0, got Infinity"),
                Arguments.of((Executable) () -> Checks.nonNegative("x", -0.5), "x must be finite and >= 0, got -0.5"),
                Arguments.of((Executable) () -> Checks.nonNegative("x", nan), "x must be finite and >= 0, got NaN"),
                Arguments.of((Executable) () -> Checks.nonNegative("x", inf), "x must be finite and >= 0, got Infinity"),
                Arguments.of((Executable) () -> Checks.finite("x", nan), "x must be finite, got NaN"),
                Arguments.of((Executable) () -> Checks.finite("x", -inf), "x must be finite, got -Infinity"),
                Arguments.of((Executable) () -> Checks.inRange("t", 1.5, 0.0, 1.0), "t must be in [0.0, 1.0], got 1.5"),
                Arguments.of((Executable) () -> Checks.inRange("t", -0.1, 0.0, 1.0), "t must be in [0.0, 1.0], got -0.1"),
                Arguments.of((Executable) () -> Checks.inRange("t", nan, 0.0, 1.0), "t must be in [0.0, 1.0], got NaN"),
                Arguments.of((Executable) () -> Checks.allFinite("v", new double[] {1, nan}), "v[1] must be finite, got NaN"),
                Arguments.of((Executable) () -> Checks.allFinite("v", null), "v must be non-null, got null"),
                Arguments.of((Executable) () -> Checks.length("v", new double[2], 3), "v.length must be = 3, got 2"),
                Arguments.of((Executable) () -> Checks.length("v", null, 3), "v must be non-null, got null"),
                Arguments.of((Executable) () -> Checks.notNull("o", null), "o must be non-null, got null"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void eachRuleFailsWithTheProjectMessage(Executable call, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void boundaryValuesPassAndAreReturned() {
        assertEquals(1, Checks.positive("n", 1));
        assertEquals(0, Checks.nonNegative("n", 0));
        assertEquals(2, Checks.atLeast("N", 2, 2));
        assertEquals(1, Checks.inRange("r", 1, 1, 3));
        assertEquals(3, Checks.inRange("r", 3, 1, 3));
        assertEquals(Double.MIN_VALUE, Checks.positive("x", Double.MIN_VALUE));
        assertEquals(Double.MAX_VALUE, Checks.positive("x", Double.MAX_VALUE));
        assertEquals(0.0, Checks.nonNegative("x", 0.0));
        assertEquals(-Double.MAX_VALUE, Checks.finite("x", -Double.MAX_VALUE));
        assertEquals(0.0, Checks.inRange("t", 0.0, 0.0, 1.0));
        assertEquals(1.0, Checks.inRange("t", 1.0, 0.0, 1.0));
        double[] v = {1, 2};
        assertSame(v, Checks.allFinite("v", v));
        assertSame(v, Checks.length("v", v, 2));
        assertSame("s", Checks.notNull("s", "s"));
        assertEquals("x must be > 0, got 1.0E-300", Checks.message("x", "> 0", 1e-300));
        assertEquals("x must be ok, got null", Checks.message("x", "ok", null));
    }
}
