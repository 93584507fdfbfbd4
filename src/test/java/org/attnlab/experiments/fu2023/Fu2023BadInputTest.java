package org.attnlab.experiments.fu2023;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.attnlab.rfa.RidgeTrainer;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per validation rule of the audit's configuration records. */
class Fu2023BadInputTest {

    private static final double[] GRID = RidgeTrainer.DEFAULT_GRID;

    static Stream<Arguments> rows() {
        return Stream.of(
            Arguments.of("d", (Executable) () -> new Fu2023Config(0, 4, 3, new int[] {10, 20}, new int[] {1, 2}, 20, 2,
                    10, GRID, 0.2, false), "d must be > 0, got 0"),
            Arguments.of("sizes increasing", (Executable) () -> new Fu2023Config(2, 4, 3, new int[] {20, 20},
                    new int[] {1, 2}, 20, 2, 10, GRID, 0.2, false), "sampleSizes[1] must be >= 21, got 20"),
            Arguments.of("sizes too small", (Executable) () -> new Fu2023Config(2, 4, 3, new int[] {1, 20},
                    new int[] {1, 2}, 20, 2, 10, GRID, 0.2, false), "sampleSizes[0] must be >= 2, got 1"),
            Arguments.of("one head size", (Executable) () -> new Fu2023Config(2, 4, 3, new int[] {10, 20},
                    new int[] {1}, 20, 2, 10, GRID, 0.2, false), "headGrid.length must be >= 2, got 1"),
            Arguments.of("repeats", (Executable) () -> new Fu2023Config(2, 4, 3, new int[] {10, 20},
                    new int[] {1, 2}, 20, 0, 10, GRID, 0.2, false), "repeats must be > 0, got 0"),
            Arguments.of("fraction", (Executable) () -> new Fu2023Config(2, 4, 3, new int[] {10, 20},
                    new int[] {1, 2}, 20, 2, 10, GRID, 0.0, false), "validationFraction must be in (0, 1), got 0.0"),
            Arguments.of("sweep", (Executable) () -> new Fu2023Unit("other", Method.RFA, 0, 10, 2),
                    "sweep must be samples or heads, got other"),
            Arguments.of("unit n", (Executable) () -> new Fu2023Unit(Fu2023Unit.SAMPLES, Method.RFA, 0, 1, 2),
                    "n must be >= 2, got 1"),
            Arguments.of("unit heads", (Executable) () -> new Fu2023Unit(Fu2023Unit.HEADS, Method.RFA, 0, 10, 0),
                    "heads must be > 0, got 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void rejects(String name, Executable call, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
