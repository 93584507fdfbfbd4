package org.attnlab.erm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.attnlab.internal.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * {@link ComposedError} against a two-pass recomputation of spec/error-and-coercivity.md on the same pairs
 * (blocks of 4096 from stream (seed, EVALUATION, b) through the law): e = (g_hat - g*)^2, t = g*^2;
 * absolute = mean(e) with sd(e)/sqrt(n), truthNorm = mean(t), relative = mean(e)/mean(t) with the delta-method
 * sqrt(var(e - relative t)/n)/mean(t); blocks are added from minBlocks on until sd(e)/(sqrt(n) mean(e)) is at
 * most the target, or maxBlocks.
 */
class ComposedErrorOracleTest {

    static final int D = 2;
    /** g*(x, y) = x^T y + x_1^2. */
    static final PairInteraction TRUTH = (x, xo, y, yo) -> x[xo] * y[yo] + x[xo + 1] * y[yo + 1] + x[xo] * x[xo];
    /** g_hat = g* + 0.3 x_2 - 0.1: an error with a spread. */
    static final PairInteraction ESTIMATE = (x, xo, y, yo) -> TRUTH.value(x, xo, y, yo) + 0.3 * x[xo + 1] - 0.1;

    /** {e, t} of the first `blocks` blocks of pairs. */
    static double[][] draws(int blocks, long seed) {
        int n = blocks * ComposedError.BLOCK;
        double[] e = new double[n];
        double[] t = new double[n];
        double[] pair = new double[2 * D];
        PairLaw law = ErmFixtures.cubePairs(D);
        for (int b = 0; b < blocks; b++) {
            RandomStreams.Stream st = RandomStreams.stream(seed, RandomStreams.Purpose.EVALUATION, b);
            for (int k = 0; k < ComposedError.BLOCK; k++) {
                law.draw(st, pair);
                double g = TRUTH.value(pair, 0, pair, D);
                double diff = ESTIMATE.value(pair, 0, pair, D) - g;
                e[b * ComposedError.BLOCK + k] = diff * diff;
                t[b * ComposedError.BLOCK + k] = g * g;
            }
        }
        return new double[][] {e, t};
    }

    static double mean(double[] v, int n) {
        double s = 0.0;
        for (int k = 0; k < n; k++) {
            s += v[k];
        }
        return s / n;
    }

    /** Population variance (divisor n), as the spec's sd over the n pairs. */
    static double variance(double[] v, int n) {
        double m = mean(v, n);
        double s = 0.0;
        for (int k = 0; k < n; k++) {
            s += (v[k] - m) * (v[k] - m);
        }
        return s / n;
    }

    static double relativeStandardErrorOfE(double[] e, int n) {
        return Math.sqrt(variance(e, n)) / Math.sqrt(n) / mean(e, n);
    }

    @Test
    void estimateAndStandardErrorsMatchATwoPassRecomputation() {
        long seed = 12L;
        int max = 6;
        double[][] all = draws(max, seed);
        // a target between the relative standard errors after 3 and 4 blocks: the estimate stops after 4
        double r3 = relativeStandardErrorOfE(all[0], 3 * ComposedError.BLOCK);
        double r4 = relativeStandardErrorOfE(all[0], 4 * ComposedError.BLOCK);
        double target = 0.5 * (r3 + r4);
        ErrorEstimate got = ComposedError.defaults().withMinBlocks(2).withMaxBlocks(max)
                .withTargetRelativeError(target).estimate(ESTIMATE, D, TRUTH, ErmFixtures.cubePairs(D), seed);
        int n = 4 * ComposedError.BLOCK;
        assertEquals(n, got.pairs());
        checkAgainstOracle(all, n, got);
    }

    @Test
    void stopsAtMinBlocksWhenAlreadyPreciseAndAtMaxBlocksWhenNever() {
        long seed = 13L;
        double[][] all = draws(5, seed);
        // target 1: the first check (after minBlocks = 3) passes
        ErrorEstimate early = ComposedError.defaults().withMinBlocks(3).withMaxBlocks(5).withTargetRelativeError(1.0)
                .estimate(ESTIMATE, D, TRUTH, ErmFixtures.cubePairs(D), seed);
        assertEquals(3 * ComposedError.BLOCK, early.pairs());
        checkAgainstOracle(all, 3 * ComposedError.BLOCK, early);
        // a tiny target is never reached: all 5 blocks
        ErrorEstimate late = ComposedError.defaults().withMinBlocks(2).withMaxBlocks(5).withTargetRelativeError(1e-9)
                .estimate(ESTIMATE, D, TRUTH, ErmFixtures.cubePairs(D), seed);
        assertEquals(5 * ComposedError.BLOCK, late.pairs());
        checkAgainstOracle(all, 5 * ComposedError.BLOCK, late);
    }

    static void checkAgainstOracle(double[][] all, int n, ErrorEstimate got) {
        double[] e = all[0];
        double[] t = all[1];
        double me = mean(e, n);
        double mt = mean(t, n);
        double rel = me / mt;
        double[] z = new double[n];
        for (int k = 0; k < n; k++) {
            z[k] = e[k] - rel * t[k];
        }
        assertEquals(me, got.absolute(), 1e-12 * me);
        assertEquals(Math.sqrt(variance(e, n) / n), got.absoluteStandardError(), 1e-9 * got.absoluteStandardError());
        assertEquals(mt, got.truthNorm(), 1e-12 * mt);
        assertEquals(rel, got.relative(), 1e-12 * rel);
        assertEquals(Math.sqrt(variance(z, n) / n) / mt, got.relativeStandardError(),
                1e-9 * got.relativeStandardError());
    }
}
