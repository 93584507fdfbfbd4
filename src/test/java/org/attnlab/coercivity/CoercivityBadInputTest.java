package org.attnlab.coercivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.attnlab.erm.PairInteraction;
import org.attnlab.erm.SplineGrid;
import org.attnlab.sampler.Dataset;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one-row-per-{@code @throws} table of the public coercivity API ({@link CoercivityEstimator}): every
 * documented check, called with one bad argument, and the exact message naming the parameter and the value.
 */
class CoercivityBadInputTest {

    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;
    /** d = 2, N = 3, M = 2 (fewer samples than the 20 default batches). */
    private static final Dataset DATA = Dataset.of(2, 3, 2, new double[12], new double[6]);
    private static final SplineGrid GRID = SplineGrid.of(1, 2, 1.0);
    private static final double[] A = {1, 0, 0, 1};
    private static final CoercivityEstimator EST = CoercivityEstimator.defaults();
    private static final PairInteraction ZERO = (x, xo, y, yo) -> 0.0;

    static Stream<Arguments> rows() {
        return Stream.of(
                row("withBatches: < 4", () -> EST.withBatches(3), "batches must be >= 4, got 3"),
                row("estimate: data null", () -> EST.estimate(null, A, GRID), "data must be non-null, got null"),
                row("estimate: a null", () -> EST.estimate(DATA, null, GRID), "a must be non-null, got null"),
                row("estimate: grid null", () -> EST.estimate(DATA, A, null), "grid must be non-null, got null"),
                row("estimate: a.length != d^2", () -> EST.estimate(DATA, new double[3], GRID),
                        "a.length must be = 4, got 3"),
                row("estimate: a not finite", () -> EST.estimate(DATA, new double[] {1, 0, NAN, 1}, GRID),
                        "a[2] must be finite, got NaN"),
                row("estimate: M < batches", () -> EST.estimate(DATA, A, GRID), "M must be >= batches = 20, got 2"),
                row("maxAbsScore: data null", () -> CoercivityEstimator.maxAbsScore(null, A),
                        "data must be non-null, got null"),
                row("maxAbsScore: a.length != d^2", () -> CoercivityEstimator.maxAbsScore(DATA, new double[5]),
                        "a.length must be = 4, got 5"),
                row("maxAbsScore: a not finite", () -> CoercivityEstimator.maxAbsScore(DATA, new double[] {INF, 0, 0, 1}),
                        "a[0] must be finite, got Infinity"),
                row("gramMatrices: data null", () -> CoercivityEstimator.gramMatrices(null, A, GRID),
                        "data must be non-null, got null"),
                row("gramMatrices: a null", () -> CoercivityEstimator.gramMatrices(DATA, null, GRID),
                        "a must be non-null, got null"),
                row("gramMatrices: grid null", () -> CoercivityEstimator.gramMatrices(DATA, A, null),
                        "grid must be non-null, got null"),
                row("gramMatrices: a.length != d^2", () -> CoercivityEstimator.gramMatrices(DATA, new double[1], GRID),
                        "a.length must be = 4, got 1"),
                row("gramMatrices: a not finite", () -> CoercivityEstimator.gramMatrices(DATA, new double[] {1, 0, 0, -INF},
                        GRID), "a[3] must be finite, got -Infinity"),
                row("identityTerms: data null", () -> CoercivityEstimator.identityTerms(null, ZERO),
                        "data must be non-null, got null"),
                row("identityTerms: h null", () -> CoercivityEstimator.identityTerms(DATA, null),
                        "h must be non-null, got null"));
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
