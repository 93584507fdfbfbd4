package org.attnlab.coercivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.attnlab.erm.SplineGrid;
import org.attnlab.internal.RandomStreams;
import org.attnlab.sampler.Dataset;
import org.attnlab.sampler.UniformCube;

/** The JML contract of {@link CoercivityEstimator#estimate} on small random inputs. */
class CoercivityProperties {

    @Property(tries = 10, seed = "20261130")
    void estimateContract(@ForAll @IntRange(min = 1, max = 3) int d, @ForAll @IntRange(min = 2, max = 5) int n,
                          @ForAll @IntRange(min = 4, max = 8) int batches, @ForAll @IntRange(min = 0, max = 2) int degree,
                          @ForAll @IntRange(min = 1, max = 5) int pieces, @ForAll @IntRange(min = 0, max = 999) int seed) {
        Dataset data = CoercivityFixtures.tokens(UniformCube.of(d), 3 * batches, n, seed);
        double[] a = new double[d * d];
        RandomStreams.stream(seed, RandomStreams.Purpose.TRUTH, 0).normals(a);
        SplineGrid grid = SplineGrid.of(degree, pieces, 1.0);
        CoercivityEstimate e = CoercivityEstimator.defaults().withBatches(batches).estimate(data, a, grid);
        assertEquals(batches, e.batchConstants().length);
        assertTrue(e.basisSize() >= 0 && e.basisSize() <= grid.size());
        assertEquals(1.0 / (n - 1), e.bound(), 0.0);
        if (!e.singular()) {
            assertTrue(e.lower() <= e.constant() && e.constant() <= e.upper(), e.toString());
            // E|R_h|^2 <= E h^2 by Cauchy-Schwarz, so c_H <= 1 (up to rounding)
            assertTrue(e.constant() <= 1.0 + 1e-9 && e.constant() >= -1e-9, e.toString());
        }
        assertTrue(e.standardError() >= 0 && e.heldOutStandardError() >= 0, e.toString());
        if (Double.isFinite(e.heldOut())) {
            assertTrue(e.heldOutLower() <= e.heldOut() && e.heldOut() <= e.heldOutUpper(), e.toString());
        }
    }
}
