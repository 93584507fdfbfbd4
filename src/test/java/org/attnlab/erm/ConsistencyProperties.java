package org.attnlab.erm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The fast variant of {@link ConsistencySlowTest} that PIT runs (PIT excludes the {@code *Slow*} classes): the
 * same model (d = 3, N = 5, r = 1, quadratic phi* on 3 pieces, sigma = 0.3, truth fixed by a reference sample of
 * M = 1600), the composed error at M = 1600 must be below half of that at M = 100. The estimation error of this
 * parametric problem scales like 1/M, so the expected ratio is 1/16 (measured over 12 seeds: 0.010 to 0.105);
 * a false failure needs the ratio of two chi-square like errors with about 12 degrees of freedom to exceed its
 * mean 8 times, probability about 2e-4 per seed (log-normal approximation), 4e-4 over the 2 tries. The error is
 * measured on 4 blocks of fresh pairs (16 384), enough for a factor of 8; jqwik's seed is fixed.
 */
class ConsistencyProperties {

    static final int SMALL = 100;
    static final int LARGE = 1600;

    @Property(tries = 2, seed = "20261130")
    void errorFallsAsMGrows(@ForAll @IntRange(min = 0, max = 100_000) int seed) {
        double small = error(SMALL, seed);
        double large = error(LARGE, seed);
        assertTrue(large < 0.5 * small, "M = " + SMALL + ": " + small + ", M = " + LARGE + ": " + large);
    }

    private static double error(int m, int seed) {
        ErmFixtures.Problem ref = ErmFixtures.problem(LARGE, 5, 3, 1, 2, 3, 0.3, seed);
        double[] x = java.util.Arrays.copyOf(ref.data().tokens(), m * 5 * 3);
        ErmFixtures.Problem pb = ErmFixtures.withOutputs(x, m, 5, 3, ref.u(), ref.v(), ref.grid(),
                ref.coefficients(), 0.3, seed);
        ErmResult fit = AlternatingLeastSquares.defaults().withDegree(2).withPieces(3).withRandomStarts(0)
                .withThreads(1).fit(pb.data(), seed);
        return ComposedError.defaults().withMinBlocks(4).withMaxBlocks(4)
                .estimate(fit, pb.truth(), ErmFixtures.cubePairs(3), seed + 1L).absolute();
    }
}
