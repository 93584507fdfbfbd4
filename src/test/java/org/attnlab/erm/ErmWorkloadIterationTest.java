package org.attnlab.erm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attnlab.internal.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * {@link ErmWorkload#iteration()} is "one full alternating iteration exactly as fit runs it": from the same
 * start (random start 1, U then V drawn from stream (seed, ESTIMATOR, 1)) its risk is the fit's risk after one
 * accepted iteration, and after {@link ErmWorkload#reset()} the same again. Also r = d is accepted.
 */
class ErmWorkloadIterationTest {

    @Test
    void iterationIsTheFitsFirstIteration() {
        int d = 3;
        int r = 3;
        long seed = 23L;
        ErmFixtures.Problem pb = ErmFixtures.problem(40, 4, d, 1, 2, 3, 0.2, seed);
        ErmResult fit = AlternatingLeastSquares.defaults().withRank(r).withDegree(2).withPieces(3)
                .withSpectralStart(false).withRandomStarts(1).withStarts(1).withMaxIterations(1).withThreads(1)
                .withCoarsePieces(0).fit(pb.data(), seed);
        assertEquals(2, fit.riskHistory().length, "one accepted iteration");
        RandomStreams.Stream st = RandomStreams.stream(seed, RandomStreams.Purpose.ESTIMATOR, 1);
        double[] u = new double[d * r];
        double[] v = new double[d * r];
        st.normals(u);
        st.normals(v);
        try (ErmWorkload w = ErmWorkload.of(pb.data(), fit.grid(), u, v, 1)) {
            double first = w.iteration();
            assertEquals(fit.riskHistory()[1], first, 1e-12 * first);
            assertTrue(first < fit.riskHistory()[0]);
            w.reset();
            assertEquals(first, w.iteration(), 0.0);
        }
    }
}
