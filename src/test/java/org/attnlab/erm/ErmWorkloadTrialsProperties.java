package org.attnlab.erm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.attnlab.internal.RandomStreams;
import org.attnlab.sampler.Activation;
import org.attnlab.sampler.Dataset;
import org.attnlab.sampler.GaussianNoise;
import org.attnlab.sampler.GroundTruth;
import org.attnlab.sampler.Sampler;
import org.attnlab.sampler.TruthGenerator;
import org.attnlab.sampler.UniformCube;

/**
 * The contract of {@link ErmWorkload#trials()}: 1 &lt;= trials &lt;= 12, the workload left at its start (the risk is
 * the initial one and the next iteration is the first from the start), and the count is a function of the start
 * (the same twice, at 1 and 2 threads); and, on the bench's problem at M = 3000 (whose first iteration takes 3
 * trials), the count is the fit's: the fit from the same start with its damping starting at lambda_0 10^2 takes
 * the same step, and from lambda_0 10^3 another.
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

    /** One iteration of the fit from (u, v) with the given initial damping (no continuation: a given start). */
    private static double oneIteration(Dataset data, double[] u, double[] v, double damping) {
        OptimizerSettings one = OptimizerSettings.DEFAULT.withMaxIterations(1).withDamping(damping).withThreads(2);
        ErmResult fit = AlternatingLeastSquares.of(new ModelSettings(1, 3, 13, 1.0, 0.0), one)
                .withStartMatrix(u, v).fit(data, 1L);
        assertEquals(1, fit.iterations(), "accepted");
        return fit.trainingRisk();
    }

    @Example
    void trialsAreTheFitsOnTheBenchProblem() {
        // attnlab bench's problem and start (seed 1) at M = 3000: d = 30, N = 10, tanh, sigma 0.1, K = 13, p = 3
        GroundTruth truth = TruthGenerator.generate(UniformCube.of(30), 1, null, Activation.tanh(),
                GaussianNoise.of(0.1), 10, 1L);
        Dataset data = Sampler.sample(truth, 3000, 2);
        double[] u = new double[30];
        double[] v = new double[30];
        RandomStreams.Stream s = RandomStreams.stream(1L, RandomStreams.Purpose.ESTIMATOR, 1);
        s.normals(u);
        s.normals(v);
        try (ErmWorkload w = ErmWorkload.of(data, SplineGrid.of(3, 13, 1.0), u, v, 2)) {
            assertEquals(3, w.trials());
            double after = w.iteration();
            double lambda = OptimizerSettings.DEFAULT.damping() * 10.0 * 10.0;
            assertEquals(after, oneIteration(data, u, v, OptimizerSettings.DEFAULT.damping()), 0.0);
            assertEquals(after, oneIteration(data, u, v, lambda), 0.0, "the third trial's damping: the same step");
            assertNotEquals(after, oneIteration(data, u, v, lambda * 10.0), "a damping not tried: another step");
        }
    }
}
