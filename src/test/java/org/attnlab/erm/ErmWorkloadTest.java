package org.attnlab.erm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.attnlab.internal.Simd;
import org.attnlab.sampler.Dataset;
import org.junit.jupiter.api.Test;

class ErmWorkloadTest {

    private static final ErmFixtures.Problem PB = ErmFixtures.problem(60, 4, 3, 1, 2, 3, 0.1, 12L);

    @Test
    void workloadRunsTheSolverSteps() {
        SplineGrid grid = SplineGrid.of(2, 3, 1.0);
        double[] u = {0.3, -0.2, 0.5};
        double[] v = {0.1, 0.4, -0.3};
        // the same start through the solver: a fit with 0 iterations from this start equals the workload's state
        try (ErmWorkload w = ErmWorkload.of(PB.data(), grid, u, v, 2)) {
            assertEquals(60L * 4 * 3, w.pairs());
            double start = w.risk();
            ErmResult fixed = AlternatingLeastSquares.defaults().withDegree(2).withPieces(3)
                    .withFixedMatrix(scaledToMax(u, v), v).fit(PB.data(), 0L);
            assertEquals(fixed.trainingRisk(), start, 1e-12);
            assertEquals(fixed.coefficients()[0], w.phiStep(), 1e-9);
            double first = w.iteration();
            assertTrue(first < start, first + " vs " + start);
            double second = w.iteration();
            assertTrue(second <= first);
            w.reset();
            assertEquals(start, w.risk(), 0.0);
            assertEquals(first, w.iteration(), 0.0);
        }
    }

    /** u scaled so that with v the largest training score is 1 (the workload's normalisation, up to balancing). */
    private static double[] scaledToMax(double[] u, double[] v) {
        Dataset d = PB.data();
        double max = ErmFixtures.maxScore(d.tokens(), d.samples(), d.tokensPerSample(), d.dimension(), u, v);
        double[] s = u.clone();
        for (int k = 0; k < s.length; k++) {
            s[k] /= max;
        }
        return s;
    }

    @Test
    void badInputsAreRejected() {
        SplineGrid grid = SplineGrid.of(2, 3, 1.0);
        double[] three = {1, 2, 3};
        assertThrows(IllegalArgumentException.class, () -> ErmWorkload.of(null, grid, three, three, 1));
        assertThrows(IllegalArgumentException.class, () -> ErmWorkload.of(PB.data(), null, three, three, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ErmWorkload.of(PB.data(), grid, new double[2], new double[2], 1));
        assertTrue(e.getMessage().startsWith("u.length must be d r with 1 <= r <= d = 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ErmWorkload.of(PB.data(), grid, three, new double[6], 1));
        assertThrows(IllegalArgumentException.class, () -> ErmWorkload.of(PB.data(), grid, three, three, 0));
        e = assertThrows(IllegalArgumentException.class,
                () -> ErmWorkload.of(PB.data(), grid, new double[3], three, 1));
        assertTrue(e.getMessage().startsWith("u, v must be a matrix with a non-zero training score"), e.getMessage());
    }

    /**
     * simdLoops' contract (a non-null list) and what it says: nothing without the Vector API; with it (the surefire
     * JVM), only the known loop names, in order.
     */
    @Test
    void simdLoopsNamesTheLoadedLoops() {
        List<String> loops = ErmWorkload.simdLoops();
        if (!Simd.enabled()) {
            assertEquals(List.of(), loops);
        }
        List<String> known = List.of("gauss-newton");
        assertTrue(known.containsAll(loops), loops.toString());
        assertEquals(known.stream().filter(loops::contains).toList(), loops, "in order");
    }
}
