package org.attnlab.slr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;
import org.attnlab.internal.RandomStreams;
import org.attnlab.internal.RandomStreams.Purpose;

/** The JML contract of {@link SphereStep#step}: shapes, frame, unit norm within UNIT_TOLERANCE. */
class SphereStepProperties {

    @Property(tries = 200, seed = "20261130")
    void stepKeepsUnitNormAndOnlyWritesOut(@ForAll @IntRange(min = 1, max = 500) int d,
                                          @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                          @ForAll @DoubleRange(min = 0, max = 50) double alpha,
                                          @ForAll @Scale(7) @DoubleRange(min = 1e-6, max = 1e6) double gradScale) {
        RandomStreams.Stream rng = RandomStreams.stream(seed, Purpose.ESTIMATOR, d);
        double[] x = new double[d];
        double[] g = new double[d];
        rng.normals(x);
        rng.normals(g);
        SphereStep.normalise(x);
        for (int i = 0; i < d; i++) {
            g[i] *= gradScale;
        }
        double[] x0 = x.clone();
        double[] g0 = g.clone();
        double[] out = new double[d];
        SphereStep.step(x, g, alpha, out);
        assertEquals(1.0, SphereStep.norm(out), SphereStep.UNIT_TOLERANCE);
        assertEquals(java.util.Arrays.toString(x0), java.util.Arrays.toString(x), "x not modified");
        assertEquals(java.util.Arrays.toString(g0), java.util.Arrays.toString(g), "grad not modified");
        // in place gives the same result
        double[] y = x.clone();
        SphereStep.step(y, g, alpha, y);
        assertEquals(java.util.Arrays.toString(out), java.util.Arrays.toString(y));
    }

    @Property(tries = 100, seed = "20261130")
    void stepMovesAgainstTheTangentGradient(@ForAll @IntRange(min = 2, max = 60) int d,
                                           @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                           @ForAll @Scale(7) @DoubleRange(min = 1e-4, max = 1e-2) double alpha) {
        RandomStreams.Stream rng = RandomStreams.stream(seed, Purpose.ESTIMATOR, 1000 + d);
        double[] x = new double[d];
        double[] g = new double[d];
        rng.normals(x);
        rng.normals(g);
        SphereStep.normalise(x);
        double[] out = new double[d];
        SphereStep.step(x, g, alpha, out);
        double xg = Overlaps.dot(x, g);
        double tangentNormSq = Overlaps.dot(g, g) - xg * xg;
        // first-order decrease of the linear function <g, .>: <g, out - x> ~ -alpha |P g|^2
        double change = Overlaps.dot(g, out) - xg;
        assertTrue(change < 0 || tangentNormSq < 1e-20, "moves downhill: " + change);
        assertEquals(-alpha * tangentNormSq, change, 2 * alpha * alpha * Overlaps.dot(g, g) * Math.sqrt(Overlaps.dot(g, g)) + 1e-12);
    }

    @Property(tries = 50, seed = "20261130")
    void radialGradientIsIgnored(@ForAll @IntRange(min = 1, max = 40) int d,
                                 @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                 @ForAll @DoubleRange(min = -100, max = 100) double c) {
        RandomStreams.Stream rng = RandomStreams.stream(seed, Purpose.ESTIMATOR, 2000 + d);
        double[] x = new double[d];
        rng.normals(x);
        SphereStep.normalise(x);
        double[] g = new double[d];
        for (int i = 0; i < d; i++) {
            g[i] = c * x[i];
        }
        double[] out = new double[d];
        SphereStep.step(x, g, 0.7, out);
        for (int i = 0; i < d; i++) {
            assertEquals(x[i], out[i], 1e-13);
        }
    }
}
