package org.attnlab.experiments.fu2023;

import org.attnlab.internal.Checks;
import org.attnlab.rfa.RidgeTrainer;

/**
 * The settings of the audit of arXiv 2307.11353 [ours: the paper's figure parameters were not available].
 *
 * @param d token dimension
 * @param keys N
 * @param heads H of the sample-size sweep
 * @param sampleSizes the n grid of the sample-size sweep (increasing)
 * @param headGrid the H grid of the heads sweep (increasing)
 * @param samplesForHeads n of the heads sweep
 * @param repeats independent repeats (data, features) per point
 * @param testSamples fresh test samples per repeat
 * @param ridgeGrid relative ridge grid (see {@link RidgeTrainer})
 * @param validationFraction held-out fraction for the ridge choice
 * @param quick whether this is the reduced CI grid (verdicts then INCONCLUSIVE)
 */
public record Fu2023Config(int d, int keys, int heads, int[] sampleSizes, int[] headGrid, int samplesForHeads,
                           int repeats, int testSamples, double[] ridgeGrid, double validationFraction,
                           boolean quick) {

    public Fu2023Config {
        Checks.positive("d", d);
        Checks.positive("keys", keys);
        Checks.positive("heads", heads);
        increasing("sampleSizes", sampleSizes, 2);
        increasing("headGrid", headGrid, 1);
        Checks.atLeast("samplesForHeads", samplesForHeads, 2);
        Checks.positive("repeats", repeats);
        Checks.positive("testSamples", testSamples);
        RidgeTrainer.selecting(ridgeGrid, validationFraction);
        sampleSizes = sampleSizes.clone();
        headGrid = headGrid.clone();
        ridgeGrid = ridgeGrid.clone();
    }

    private static void increasing(String name, int[] values, int min) {
        Checks.notNull(name, values);
        Checks.atLeast(name + ".length", values.length, 2);
        for (int i = 0; i < values.length; i++) {
            Checks.atLeast(name + "[" + i + "]", values[i], i == 0 ? min : values[i - 1] + 1);
        }
    }

    /** The full run: d = 8, N = 16, H = 64 (576 parameters), n = 64 .. 8192, H = 4 .. 128 at n = 4096, 5 repeats. */
    public static Fu2023Config full() {
        return new Fu2023Config(8, 16, 64, new int[] {64, 128, 256, 512, 1024, 2048, 4096, 8192},
                new int[] {4, 8, 16, 32, 64, 128}, 4096, 5, 2000, RidgeTrainer.DEFAULT_GRID,
                RidgeTrainer.DEFAULT_VALIDATION_FRACTION, false);
    }

    /** The CI run (seconds): d = 4, N = 6, H = 16, n = 32 .. 512, H = 2 .. 32 at n = 512, 2 repeats. */
    public static Fu2023Config quickConfig() {
        return new Fu2023Config(4, 6, 16, new int[] {32, 128, 512}, new int[] {2, 8, 32}, 512, 2, 500,
                RidgeTrainer.DEFAULT_GRID, RidgeTrainer.DEFAULT_VALIDATION_FRACTION, true);
    }

    /** The trainer these settings use. */
    public RidgeTrainer trainer() {
        return RidgeTrainer.selecting(ridgeGrid, validationFraction);
    }
}
