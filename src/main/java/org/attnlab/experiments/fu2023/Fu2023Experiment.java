package org.attnlab.experiments.fu2023;

import java.util.ArrayList;
import java.util.List;
import org.attnlab.internal.Checks;
import org.attnlab.internal.RandomStreams;
import org.attnlab.internal.RandomStreams.Purpose;
import org.attnlab.rfa.FeatureMap;
import org.attnlab.rfa.RidgeFit;
import org.attnlab.rfa.RidgeTrainer;
import org.attnlab.rfa.SphereTokens;
import org.attnlab.rfa.Target;

/**
 * The experiments of the audit of arXiv 2307.11353 as pure functions {@code (config, seed, unit) -> result}.
 *
 * <p>Seeds: repeat r has {@code seedR = RandomStreams.derive(seed, EXPERIMENT, r)}; its training sample s is
 * drawn from {@code stream(seedR, TOKENS, s)} (so the n samples of a smaller n are a prefix of a larger one),
 * its test sample j from {@code stream(seedR, EVALUATION, j)}; the attention weights (RFA and BRFA share
 * them, BRFA adds W_0) from {@code derive(seedR, FEATURES, 0)} and the RF-MLP weights from
 * {@code derive(seedR, FEATURES, 1)}. Every method of a repeat sees the same data.
 */
public final class Fu2023Experiment {

    /** The targets, in the column order of every result. */
    public static final Target[] TARGETS = Target.values();

    private Fu2023Experiment() {
    }

    /** Every unit of a run, in a fixed order (sample-size sweep, then heads sweep; method, repeat, size). */
    public static List<Fu2023Unit> units(Fu2023Config config) {
        Checks.notNull("config", config);
        List<Fu2023Unit> units = new ArrayList<>();
        for (Method method : Method.values()) {
            for (int r = 0; r < config.repeats(); r++) {
                for (int n : config.sampleSizes()) {
                    units.add(new Fu2023Unit(Fu2023Unit.SAMPLES, method, r, n, config.heads()));
                }
            }
        }
        for (Method method : Method.values()) {
            for (int r = 0; r < config.repeats(); r++) {
                for (int h : config.headGrid()) {
                    units.add(new Fu2023Unit(Fu2023Unit.HEADS, method, r, config.samplesForHeads(), h));
                }
            }
        }
        return units;
    }

    /** Runs one unit. Deterministic: the same (config, seed, unit) gives the same result on any thread. */
    public static Fu2023Result run(Fu2023Config config, long seed, Fu2023Unit unit) {
        Checks.notNull("config", config);
        Checks.notNull("unit", unit);
        int d = config.d();
        int keys = config.keys();
        long repeatSeed = RandomStreams.derive(seed, Purpose.EXPERIMENT, unit.repeat());
        long featureSeed = RandomStreams.derive(repeatSeed, Purpose.FEATURES, unit.method() == Method.RF_MLP ? 1 : 0);
        FeatureMap map = unit.method().featureMap(d, keys, unit.heads(), featureSeed);

        double[] train = SphereTokens.samples(repeatSeed, Purpose.TOKENS, 0, unit.n(), d, keys);
        double[] trainY = Target.values(TARGETS, train, unit.n(), d, keys);
        RidgeTrainer trainer = config.trainer();
        RidgeFit fit = trainer.fit(map, train, trainY, unit.n(), TARGETS.length);

        int nTest = config.testSamples();
        double[] test = SphereTokens.samples(repeatSeed, Purpose.EVALUATION, 0, nTest, d, keys);
        double[] testY = Target.values(TARGETS, test, nTest, d, keys);
        double[] testError = new double[TARGETS.length];
        if (fit.status() == RidgeFit.Status.OK) {
            double[] mse = RidgeTrainer.meanSquaredError(map, fit, test, testY, nTest);
            for (int t = 0; t < TARGETS.length; t++) {
                testError[t] = mse[t] / variance(testY, t, TARGETS.length, nTest);
            }
        } else {
            java.util.Arrays.fill(testError, Double.NaN);
        }
        return new Fu2023Result(unit, testError, fit.trainingMse(), fit.relativeRidge(),
                fit.status() != RidgeFit.Status.OK);
    }

    private static double variance(double[] y, int t, int stride, int n) {
        double mean = 0.0;
        for (int s = 0; s < n; s++) {
            mean += y[s * stride + t];
        }
        mean /= n;
        double v = 0.0;
        for (int s = 0; s < n; s++) {
            double r = y[s * stride + t] - mean;
            v += r * r;
        }
        return v / n;
    }
}
