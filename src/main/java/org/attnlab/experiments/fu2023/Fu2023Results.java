package org.attnlab.experiments.fu2023;

import java.util.ArrayList;
import java.util.List;
import org.attnlab.internal.Checks;
import org.attnlab.rfa.Target;

/**
 * The results of a run, indexed for the claims and figures: errors by (sweep, method, target, size, repeat).
 */
public final class Fu2023Results {

    private final Fu2023Config config;
    private final List<Fu2023Result> results;

    private Fu2023Results(Fu2023Config config, List<Fu2023Result> results) {
        this.config = config;
        this.results = List.copyOf(results);
    }

    /** Wraps the results of {@link Fu2023Experiment#units} run on {@code config}. */
    public static Fu2023Results of(Fu2023Config config, List<Fu2023Result> results) {
        Checks.notNull("config", config);
        Checks.notNull("results", results);
        return new Fu2023Results(config, results);
    }

    /** The configuration. */
    public Fu2023Config config() {
        return config;
    }

    /** All results, in plan order. */
    public List<Fu2023Result> all() {
        return results;
    }

    /** The sizes of a sweep: n for {@link Fu2023Unit#SAMPLES}, H for {@link Fu2023Unit#HEADS}. */
    public int[] sizes(String sweep) {
        return sweep.equals(Fu2023Unit.SAMPLES) ? config.sampleSizes() : config.headGrid();
    }

    /**
     * The normalized test errors of the repeats at one point, in repeat order (NaN for a missing or singular
     * unit).
     */
    public double[] errors(String sweep, Method method, Target target, int size) {
        double[] e = new double[config.repeats()];
        java.util.Arrays.fill(e, Double.NaN);
        int t = target.ordinal();
        for (Fu2023Result r : results) {
            Fu2023Unit u = r.unit();
            int s = sweep.equals(Fu2023Unit.SAMPLES) ? u.n() : u.heads();
            if (u.sweep().equals(sweep) && u.method() == method && s == size && u.repeat() < e.length) {
                e[u.repeat()] = r.testError()[t];
            }
        }
        return e;
    }

    /** The finite values of {@code v}. */
    static double[] finite(double[] v) {
        List<Double> f = new ArrayList<>();
        for (double x : v) {
            if (Double.isFinite(x)) {
                f.add(x);
            }
        }
        return f.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
