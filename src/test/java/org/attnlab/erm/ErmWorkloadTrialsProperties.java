package org.attnlab.erm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The contract of {@link ErmWorkload#trials()}: 1 &lt;= trials &lt;= 12, the workload left at its start (the risk is
 * the initial one and the next iteration is the first from the start), and the count is a function of the start
 * (the same twice, at 1 and 2 threads). That the count is the fit's own is checked on a problem with 3 trials by
 * {@code BenchStartTest}.
 */
class ErmWorkloadTrialsProperties {

    @Property(tries = 6, seed = "20261201")
    void trialsAreInRangeAndLeaveTheStart(@ForAll @IntRange(min = 1, max = 4) int d,
                                          @ForAll @IntRange(min = 1, max = 4) int pieces,
                                          @ForAll @IntRange(min = 0, max = 1000) int seed) {
        ErmFixtures.Problem pb = ErmFixtures.problem(30, 4, d, 1, 2, pieces, 0.2, seed);
        double[] u = ErmFixtures.normalMatrix(d, 1, seed + 1L, 0);
        double[] v = ErmFixtures.normalMatrix(d, 1, seed + 1L, 1);
        SplineGrid grid = SplineGrid.of(2, pieces, 1.0);
        int one;
        try (ErmWorkload w = ErmWorkload.of(pb.data(), grid, u, v, 1)) {
            double start = w.risk();
            double first = w.iteration();
            w.reset();
            one = w.trials();
            assertTrue(1 <= one && one <= 12, "trials " + one);
            assertEquals(start, w.risk(), 0.0, "left at the start");
            assertEquals(first, w.iteration(), 0.0, "the next iteration is the first from the start");
            w.reset();
            assertEquals(one, w.trials(), "the same count twice");
        }
        try (ErmWorkload w = ErmWorkload.of(pb.data(), grid, u, v, 2)) {
            assertEquals(one, w.trials(), "the same count at 2 threads");
        }
    }
}
