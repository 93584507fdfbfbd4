package org.attnlab.erm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoublePredicate;
import org.attnlab.internal.ChunkPool;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The early-stopping risk pass ({@link PairAssembly#sumOfSquares(PairAssembly.Projections, SplineGrid, double[],
 * DoublePredicate)}) against the full one: the same accept/reject decision for the objective test of
 * {@link ErmEngine#phiStep(ErmEngine.State, double)} on random coefficients, ridge penalties, bounds at, just
 * above and just below the full objective, NaN and infinite bounds, NaN sums; the same bytes whenever the trial
 * is accepted; at 1 and 2 threads. M = 200, N = 12: 7 chunks (32 samples, the last 8) of blocks of 15 samples.
 */
class EarlyRejectionTest {

    private static final int M = 200;
    private static final int N = 12;

    private final ErmFixtures.Problem pb = ErmFixtures.problem(M, N, 2, 1, 3, 6, 0.3, 41L);

    /** fl(fl(sse inv) + penalty) &lt; bound: the acceptance test of a trial. */
    private static boolean accepted(double sse, double inv, double penalty, double bound) {
        return sse * inv + penalty < bound;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void sameDecisionAndSameBytesWhenAccepted(int threads) {
        double inv = 1.0 / (M * N);
        try (ChunkPool pool = ChunkPool.of(threads)) {
            PairAssembly asm = new PairAssembly(pb.data(), 1, pool);
            PairAssembly.Projections pq = asm.project(pb.u(), pb.v());
            SplineGrid grid = SplineGrid.of(3, 6, pq.largest);
            SplittableRandom rnd = new SplittableRandom(7L + threads);
            int stopped = 0;
            int cases = 0;
            for (int trial = 0; trial < 12; trial++) {
                double[] c = new double[grid.size()];
                for (int k = 0; k < c.length; k++) {
                    c[k] = pb.coefficients()[k] + (trial % 4) * 0.3 * rnd.nextGaussian();
                }
                if (trial == 11) {
                    // one coefficient NaN: the sum turns NaN part way, after the samples of other pieces
                    c[c.length / 2] = Double.NaN;
                }
                double full = asm.sumOfSquares(pq, grid, c);
                assertEquals(trial == 11, Double.isNaN(full), "sum " + full);
                for (double penalty : new double[] {0.0, 0.05 * full * inv, Double.NaN}) {
                    double objective = full * inv + penalty;
                    double[] bounds = {objective, Math.nextUp(objective), Math.nextDown(objective), 0.5 * objective,
                        0.999 * objective, 2.0 * objective, 0.0, Double.POSITIVE_INFINITY, Double.NaN, 1e-3};
                    for (double bound : bounds) {
                        DoublePredicate rejects = sse -> !accepted(sse, inv, penalty, bound);
                        double early = asm.sumOfSquares(pq, grid, c, rejects);
                        boolean want = accepted(full, inv, penalty, bound);
                        String what = "trial " + trial + ", penalty " + penalty + ", bound " + bound + ": full " + full
                                + ", early " + early;
                        assertEquals(want, accepted(early, inv, penalty, bound), what);
                        if (want) {
                            assertEquals(Double.doubleToRawLongBits(full), Double.doubleToRawLongBits(early), what);
                        } else {
                            assertTrue(!(early > full), what);
                        }
                        if (early < full) {
                            stopped++;
                        }
                        cases++;
                    }
                }
            }
            // the early stop does happen: at least the bounds at half the objective stop before the end
            assertTrue(stopped >= 11, stopped + " of " + cases + " stopped early");
        }
    }

    /**
     * Without a test, one kernel call per chunk; with one, the test runs after every block of
     * max(1, 2048 / (N (N - 1))) = 15 samples: 3 blocks in each of the six chunks of 32 samples, 1 in the last (8).
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void theTestRunsOncePerBlock(int threads) {
        try (ChunkPool pool = ChunkPool.of(threads)) {
            PairAssembly asm = new PairAssembly(pb.data(), 1, pool);
            PairAssembly.Projections pq = asm.project(pb.u(), pb.v());
            SplineGrid grid = SplineGrid.of(3, 6, pq.largest);
            AtomicInteger tests = new AtomicInteger();
            double full = asm.sumOfSquares(pq, grid, pb.coefficients());
            double checked = asm.sumOfSquares(pq, grid, pb.coefficients(), sse -> tests.incrementAndGet() < 0);
            assertEquals(6 * 3 + 1, tests.get());
            assertEquals(Double.doubleToRawLongBits(full), Double.doubleToRawLongBits(checked));
            // a test that holds at once stops every chunk after its first block (at 1 thread: after the first)
            tests.set(0);
            double first = asm.sumOfSquares(pq, grid, pb.coefficients(), sse -> tests.incrementAndGet() > 0);
            assertTrue(first > 0 && first < full, first + " of " + full);
            assertTrue(tests.get() >= 1 && tests.get() <= threads, tests.get() + " tests");
        }
    }
}
