package org.attnlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attnlab.internal.RandomStreams;
import org.junit.jupiter.api.Test;

class StatsTest {

    private static final double EXACT = 1e-12;

    @Test
    void quantilesByHand() {
        double[] v = {4, 1, 3, 2};
        // sorted 1 2 3 4; h = 3p: p=.5 -> 1.5 -> 2.5; p=.25 -> .75 -> 1.75; p=.75 -> 2.25 -> 3.25
        assertEquals(2.5, Stats.median(v), EXACT);
        Stats.Quartiles q = Stats.quartiles(v);
        assertEquals(1.75, q.q1(), EXACT);
        assertEquals(3.25, q.q3(), EXACT);
        assertEquals(1.0, Stats.quantile(v, 0), EXACT);
        assertEquals(4.0, Stats.quantile(v, 1), EXACT);
        assertEquals(7.0, Stats.median(new double[] {9, 7, 1}), EXACT);
        assertEquals(4, v[0], EXACT); // input not modified
    }

    @Test
    void logLogFitRecoversAnExactPowerLaw() {
        double[] x = {100, 200, 400, 800, 1600};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 3.0 * Math.pow(x[i], -0.8);
        }
        Stats.LogLogFit f = Stats.logLogFit(x, y);
        assertEquals(-0.8, f.slope(), 1e-12);
        assertEquals(Math.log(3.0), f.intercept(), 1e-10);
        assertEquals(1.0, f.rSquared(), 1e-12);
        assertEquals(3.0 * Math.pow(300, -0.8), f.predict(300), 1e-12);
    }

    @Test
    void logLogFitByHandOnThreePoints() {
        // log x = 0, 1, 2 (x = 1, e, e^2); log y = 0, 1, 5: slope = S_xy/S_xx = (-1*-2 + 1*3)/2 = 2.5
        double e = Math.E;
        Stats.LogLogFit f = Stats.logLogFit(new double[] {1, e, e * e}, new double[] {1, e, Math.exp(5)});
        assertEquals(2.5, f.slope(), 1e-12);
        assertEquals(2.0 - 2.5, f.intercept(), 1e-12);
    }

    /**
     * Synthetic errors e = 2 M^-0.8 exp(0.3 Z) with 15 seeds at 6 sizes: the fitted slope is within 0.1 of
     * -0.8 and the 95% bootstrap interval covers -0.8. Seed fixed (so the test is deterministic); with a fresh
     * seed a 95% interval would miss about 5% of the time, and the 0.1 bound is about 4 standard errors.
     */
    @Test
    void medianSlopeAndBootstrapIntervalCoverAKnownSlope() {
        double[] m = {250, 500, 1000, 2000, 4000, 8000};
        double[][] e = new double[m.length][15];
        for (int k = 0; k < m.length; k++) {
            RandomStreams.Stream rng = RandomStreams.stream(42, RandomStreams.Purpose.EVALUATION, k);
            for (int s = 0; s < 15; s++) {
                e[k][s] = 2.0 * Math.pow(m[k], -0.8) * Math.exp(0.3 * rng.normal());
            }
        }
        Stats.SlopeEstimate est = Stats.medianSlope(m, e, 7, 1000, 0.95);
        assertEquals(-0.8, est.slope(), 0.1);
        assertTrue(est.interval().contains(-0.8), est.toString());
        assertTrue(est.interval().lower() < est.slope() && est.slope() < est.interval().upper(), est.toString());
        assertTrue(est.interval().upper() - est.interval().lower() < 0.3, est.toString());
        // deterministic
        assertEquals(est, Stats.medianSlope(m, e, 7, 1000, 0.95));
    }

    @Test
    void badInputs() {
        assertThrows(IllegalArgumentException.class, () -> Stats.quantile(new double[0], 0.5));
        assertThrows(IllegalArgumentException.class, () -> Stats.quantile(new double[] {1}, 1.5));
        assertThrows(IllegalArgumentException.class, () -> Stats.quantile(new double[] {Double.NaN}, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Stats.logLogFit(new double[] {1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Stats.logLogFit(new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Stats.logLogFit(new double[] {1, 2}, new double[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> Stats.logLogFit(new double[] {2, 2}, new double[] {1, 3}));
        assertThrows(IllegalArgumentException.class, () -> Stats.bootstrap(1, 1, 0.95, r -> 1));
        assertThrows(IllegalArgumentException.class, () -> Stats.bootstrap(1, 10, 1.0, r -> 1));
        assertThrows(IllegalArgumentException.class, () -> Stats.bootstrap(1, 10, 0.9, r -> Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> Stats.medianSlope(new double[] {1, 2}, new double[][] {{1}, {}}, 1, 10, 0.9));
    }

    /**
     * The paired bootstrap against a brute-force enumeration of every resample on a tiny case: n = 3 seeds at
     * K = 3 sizes has 3^3 = 27 equally likely index tuples. Every replicate of {@link Stats#pairedMedianSlope}'s
     * scheme must be one of the 27 enumerated slopes (an unpaired scheme, resampling independently at each size,
     * produces others: checked, so this part can fail), and the frequency of each distinct slope over 20 000
     * replicates must match its exact probability within 5 binomial standard deviations (seed fixed; with a
     * fresh seed the false-failure probability is below 27 x 5.7e-7 = 2e-5).
     */
    @Test
    void pairedBootstrapMatchesTheEnumerationOfAllResamples() {
        double[] x = {100, 400, 1600};
        // seed 0 is an easy target (small errors), seed 2 a hard one; each seed decays at its own rate
        double[][] e = {{0.10, 1.0, 3.0}, {0.04, 0.5, 2.0}, {0.01, 0.3, 1.5}};
        java.util.Map<Double, Integer> exact = new java.util.HashMap<>();
        int[] idx = new int[3];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                for (int c = 0; c < 3; c++) {
                    idx[0] = a;
                    idx[1] = b;
                    idx[2] = c;
                    exact.merge(Stats.medianSlope(x, e, idx), 1, Integer::sum);
                }
            }
        }
        int replicates = 20000;
        java.util.Map<Double, Integer> seen = new java.util.HashMap<>();
        for (int r = 0; r < replicates; r++) {
            RandomStreams.Stream rng = RandomStreams.stream(77, RandomStreams.Purpose.BOOTSTRAP, r);
            double v = Stats.medianSlope(x, e, Stats.resampleIndices(rng, 3));
            assertTrue(exact.containsKey(v), "replicate " + r + " slope " + v + " is not an enumerated resample");
            seen.merge(v, 1, Integer::sum);
        }
        for (java.util.Map.Entry<Double, Integer> en : exact.entrySet()) {
            double p = en.getValue() / 27.0;
            double expected = replicates * p;
            double sd = Math.sqrt(replicates * p * (1 - p));
            int got = seen.getOrDefault(en.getKey(), 0);
            assertTrue(Math.abs(got - expected) <= 5 * sd, "slope " + en.getKey() + ": " + got + " vs " + expected);
        }
        // the same interval as Stats.bootstrap over the enumerated scheme's replicates
        Stats.SlopeEstimate paired = Stats.pairedMedianSlope(x, e, 77, replicates, 0.95);
        Stats.Interval direct = Stats.bootstrap(77, replicates, 0.95,
                rng -> Stats.medianSlope(x, e, Stats.resampleIndices(rng, 3)));
        assertEquals(direct, paired.interval());
        assertEquals(Stats.medianSlope(x, e, null), paired.slope(), EXACT);
        // the unpaired scheme resamples each size on its own and leaves the enumerated set
        boolean outside = false;
        for (int r = 0; r < 200 && !outside; r++) {
            double v = Stats.resampledMedianSlope(RandomStreams.stream(77, RandomStreams.Purpose.BOOTSTRAP, r), x,
                    new double[][] {e[0], e[1], e[2]});
            outside = !exact.containsKey(v);
        }
        assertTrue(outside, "an unpaired resample must be able to fail this test");
    }

    /**
     * The paired mean bootstrap against a brute-force enumeration of all 4^4 = 256 equally likely resamples of
     * four per-seed values: every replicate mean must be an enumerated one, each distinct mean's frequency over
     * 20 000 replicates within 5 binomial standard deviations of its exact probability (seed fixed; with a fresh
     * seed the false-failure probability is below 256 x 5.7e-7 = 1.5e-4), and the interval is that of
     * {@link Stats#bootstrap} over the same scheme.
     */
    @Test
    void pairedMeanMatchesTheEnumerationOfAllResamples() {
        double[] v = {-0.9, -0.8, -0.75, -0.6};
        java.util.Map<Double, Integer> exact = new java.util.HashMap<>();
        int[] idx = new int[4];
        for (int t = 0; t < 256; t++) {
            for (int i = 0; i < 4; i++) {
                idx[i] = (t >> (2 * i)) & 3;
            }
            exact.merge(Stats.mean(v, idx), 1, Integer::sum);
        }
        int replicates = 20000;
        java.util.Map<Double, Integer> seen = new java.util.HashMap<>();
        for (int r = 0; r < replicates; r++) {
            RandomStreams.Stream rng = RandomStreams.stream(5, RandomStreams.Purpose.BOOTSTRAP, r);
            double m = Stats.mean(v, Stats.resampleIndices(rng, 4));
            assertTrue(exact.containsKey(m), "replicate " + r + " mean " + m + " is not an enumerated resample");
            seen.merge(m, 1, Integer::sum);
        }
        for (java.util.Map.Entry<Double, Integer> en : exact.entrySet()) {
            double p = en.getValue() / 256.0;
            double sd = Math.sqrt(replicates * p * (1 - p));
            int got = seen.getOrDefault(en.getKey(), 0);
            assertTrue(Math.abs(got - replicates * p) <= 5 * sd, "mean " + en.getKey() + ": " + got);
        }
        Stats.MeanEstimate est = Stats.pairedMean(v, 5, replicates, 0.95);
        assertEquals(Stats.bootstrap(5, replicates, 0.95, rng -> Stats.mean(v, Stats.resampleIndices(rng, 4))),
                est.interval());
        assertEquals(-0.7625, est.mean(), 1e-15);
        assertEquals(4, est.seeds());
        assertEquals(0.5 * (est.interval().upper() - est.interval().lower()), est.halfWidth(), EXACT);
    }

    @Test
    void pairedMeanRejectsBadInput() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> Stats.pairedMean(new double[] {1, Double.NaN}, 1, 10, 0.9));
        assertTrue(nan.getMessage().contains("perSeed[1]"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Stats.pairedMean(new double[0], 1, 10, 0.9));
        assertThrows(IllegalArgumentException.class, () -> Stats.pairedMean(null, 1, 10, 0.9));
        assertThrows(IllegalArgumentException.class, () -> Stats.mean(new double[] {1, 2}, new int[] {2}));
        assertEquals(1.5, Stats.mean(new double[] {1, 2}, null), EXACT);
        assertEquals(2.0, Stats.mean(new double[] {1, 2}, new int[] {1, 1}), EXACT);
    }

    @Test
    void perSeedSlopesByHand() {
        double[] x = {1, Math.E, Math.E * Math.E};
        // seed 0: log e = 0, -1, -2 (slope -1); seed 1: log e = 0, 0, 0 (slope 0)
        double[][] e = {{1, 1}, {Math.exp(-1), 1}, {Math.exp(-2), 1}};
        double[] s = Stats.perSeedSlopes(x, e);
        assertEquals(-1.0, s[0], 1e-12);
        assertEquals(0.0, s[1], 1e-12);
    }
}
