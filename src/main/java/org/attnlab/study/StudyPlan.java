package org.attnlab.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.attnlab.internal.Checks;
import org.attnlab.report.Stats;

/**
 * Predicts a study's cost before running it: total CPU time, memory per task, wall time on E executors with C
 * cores each, and the largest M one task can hold.
 *
 * <p>Model.
 * <ul>
 *   <li>Seconds per unit: per setting, t(M) = a M^g fitted by least squares in log-log on measured units of
 *       that setting (the calibration: {@link #calibrate} runs seed indices 0 and 1 at the smallest grid sizes,
 *       twice, timing the second pass (the first warms the JIT), as many at a time as the run will, and takes
 *       the mean time per size); g is clamped to [1, 2] (an ALS iteration is linear in M, spec/estimator.md;
 *       iteration counts may grow with M).</li>
 *   <li>CPU time: the sum of t over every unit of the study.</li>
 *   <li>Wall time: units are independent tasks on S = E C slots (one unit per core); the makespan of the
 *       longest-processing-time-first schedule of the predicted unit times, plus a fixed start-up overhead
 *       (local: JVM and analysis; Spark: application and executor start).</li>
 *   <li>Memory per task: the peak heap of a fit is 2.5 times its token bytes 8 M N d (spec/estimator.md: data plus
 *       solver arrays 1.12 times the token bytes retained, 2.5 times at peak with garbage), plus the composed
 *       error's block of 4096 pairs (2 x 4096 x N x d doubles, twice) and a 64 MiB JVM baseline.</li>
 *   <li>Largest M per task: the M at which that memory reaches the task's memory.</li>
 * </ul>
 */
public final class StudyPlan {

    /** Peak heap of a fit over its token bytes (spec/estimator.md, measured at d = 30, M = 1e4). */
    public static final double PEAK_OVER_TOKENS = 2.5;
    /** JVM and code baseline per task, bytes. */
    public static final double BASELINE_BYTES = 64.0 * 1024 * 1024;
    /** Start-up overhead of a local run (JVM, reading the study, analysis and figures), seconds. */
    public static final double LOCAL_OVERHEAD_SECONDS = 3.0;
    /** Start-up overhead of a Spark run (application, executors), seconds, measured here (SparkEngineIT). */
    public static final double SPARK_OVERHEAD_SECONDS = 25.0;

    /** Seeds timed per calibration point (their mean is the point). */
    public static final int CALIBRATION_SEEDS = 2;

    private StudyPlan() {
    }

    /**
     * The measured cost of one setting: the calibration units' M and seconds, and the fitted t(M) = a M^g.
     *
     * @param setting the setting id
     * @param sizes M of the calibration units
     * @param seconds their measured seconds
     * @param coefficient a
     * @param exponent g
     */
    public record Calibration(String setting, double[] sizes, double[] seconds, double coefficient, double exponent) {

        /** Predicted seconds of one unit at M. */
        public double seconds(int samples) {
            return coefficient * Math.pow(samples, exponent);
        }
    }

    /** A prediction, with the table behind it. */
    public record Prediction(Study study, int executors, int cores, double taskMemoryGiB, double overheadSeconds,
                             List<Calibration> calibrations, double cpuSeconds, double wallSeconds,
                             double peakTaskBytes, long largestM) {

        /** The prediction as text (what {@code attnlab run STUDY --plan} prints). */
        public String text() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "plan of study %s: %d units (%d settings x %d M x %d seeds) on %d "
                    + "executor(s) x %d core(s)%n", study.id(), study.units(), study.settings().size(),
                    study.grid().length, study.seeds(), executors, cores));
            b.append("calibration (mean of seeds 0 and 1): t(M) = a M^g per setting\n");
            for (Calibration c : calibrations) {
                StringBuilder pts = new StringBuilder();
                for (int i = 0; i < c.sizes().length; i++) {
                    pts.append(String.format(Locale.ROOT, " M=%d:%.3fs", (long) c.sizes()[i], c.seconds()[i]));
                }
                int[] g = study.grid();
                b.append(String.format(Locale.ROOT, "  %-16s a=%.3g g=%.2f  measured%s  predicted at M=%d: %.2f s%n",
                        c.setting(), c.coefficient(), c.exponent(), pts, g[g.length - 1], c.seconds(g[g.length - 1])));
            }
            b.append(String.format(Locale.ROOT, "CPU time: %.0f s (%.2f core-hours)%n", cpuSeconds, cpuSeconds / 3600));
            b.append(String.format(Locale.ROOT, "wall time: %.0f s (%.2f h), including %.0f s start-up%n", wallSeconds,
                    wallSeconds / 3600, overheadSeconds));
            b.append(String.format(Locale.ROOT, "memory per task: %.0f MiB at the largest unit%n",
                    peakTaskBytes / 1024 / 1024));
            b.append(String.format(Locale.ROOT, "largest M a task of %.1f GiB can hold (at the largest N d): %d%n",
                    taskMemoryGiB, largestM));
            return b.toString();
        }
    }

    /**
     * Runs the calibration units: for every setting, seeds 0 and 1 at the {@code points} smallest grid sizes,
     * each unit on one thread, {@code threads} units at a time (so that the times include the contention of a
     * run with that many threads on this machine), twice: the first pass warms the JIT, the second is timed.
     *
     * @throws IllegalArgumentException if study is null, points &lt; 2 or threads &lt; 1
     */
    public static List<Calibration> calibrate(Study study, int points, int threads) {
        Checks.notNull("study", study);
        Checks.atLeast("points", points, 2);
        Checks.positive("threads", threads);
        int[] g = study.grid();
        int n = Math.min(points, g.length);
        int seeds = Math.min(CALIBRATION_SEEDS, study.seeds());
        List<StudyUnit> units = new ArrayList<>();
        for (StudySetting s : study.settings()) {
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < seeds; k++) {
                    units.add(new StudyUnit(s, g[i], k));
                }
            }
        }
        // warm-up: the calibration units run twice and only the second pass is timed. The first fits of a JVM
        // run interpreted and C1 code; one warm-up fit was not enough: measured on the idle machine, the units of
        // a single-warm-up calibration took about twice as long as the same units in the study's own run, and the
        // plan over-predicted by 20-51% (docs/studies/plan.md).
        runAll(units, study, threads);
        double[] seconds = runAll(units, study, threads);
        List<Calibration> out = new ArrayList<>();
        int u = 0;
        for (StudySetting s : study.settings()) {
            double[] m = new double[n];
            double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                m[i] = g[i];
                for (int k = 0; k < seeds; k++) {
                    t[i] += seconds[u++] / seeds;
                }
            }
            out.add(fit(s.id(), m, t));
        }
        return out;
    }

    private static double[] runAll(List<StudyUnit> units, Study study, int threads) {
        double[] seconds = new double[units.size()];
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<Double>> done = new ArrayList<>();
            for (StudyUnit unit : units) {
                done.add(pool.submit(() -> StudyExperiment.run(study, unit).doubleValue("seconds")));
            }
            for (int i = 0; i < seconds.length; i++) {
                seconds[i] = done.get(i).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("calibration unit failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return seconds;
    }

    /** t(M) = a M^g from measured points, g clamped to [1, 2] (a refitted with the clamped g). */
    public static Calibration fit(String setting, double[] sizes, double[] seconds) {
        double[] t = new double[seconds.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = Math.max(seconds[i], 1e-4);
        }
        double g = Math.min(2.0, Math.max(1.0, Stats.logLogFit(sizes, t).slope()));
        double la = 0;
        for (int i = 0; i < t.length; i++) {
            la += Math.log(t[i]) - g * Math.log(sizes[i]);
        }
        return new Calibration(setting, sizes.clone(), seconds.clone(), Math.exp(la / t.length), g);
    }

    /** Peak heap bytes of one unit at M (see the class comment). */
    public static double taskBytes(int samples, int tokens, int dimension) {
        double tokenBytes = 8.0 * samples * tokens * dimension;
        double evaluation = 2.0 * 2 * 4096 * tokens * dimension * 8.0;
        return PEAK_OVER_TOKENS * tokenBytes + evaluation + BASELINE_BYTES;
    }

    /**
     * The prediction for a study from its calibrations.
     *
     * @param overheadSeconds the start-up overhead ({@link #LOCAL_OVERHEAD_SECONDS} or {@link #SPARK_OVERHEAD_SECONDS})
     * @throws IllegalArgumentException if an argument is null, executors or cores &lt; 1, the task memory is not
     *     finite and &gt; 0, or a setting has no calibration
     */
    public static Prediction predict(Study study, List<Calibration> calibrations, int executors, int cores,
                                     double taskMemoryGiB, double overheadSeconds) {
        Checks.notNull("study", study);
        Checks.notNull("calibrations", calibrations);
        Checks.positive("executors", executors);
        Checks.positive("cores", cores);
        Checks.positive("taskMemoryGiB", taskMemoryGiB);
        Checks.nonNegative("overheadSeconds", overheadSeconds);
        List<Double> units = new ArrayList<>();
        double cpu = 0;
        double peak = 0;
        int maxNd = 1;
        for (StudySetting s : study.settings()) {
            Calibration c = null;
            for (Calibration k : calibrations) {
                if (k.setting().equals(s.id())) {
                    c = k;
                }
            }
            if (c == null) {
                throw Checks.fail("calibrations", "one per setting", "none for " + s.id());
            }
            for (int m : study.grid()) {
                double t = c.seconds(m);
                for (int k = 0; k < study.seeds(); k++) {
                    units.add(t);
                    cpu += t;
                }
                peak = Math.max(peak, taskBytes(m, s.tokens(), s.dimension()));
            }
            maxNd = Math.max(maxNd, s.tokens() * s.dimension());
        }
        double wall = makespan(units, executors * cores) + overheadSeconds;
        double budget = taskMemoryGiB * 1024 * 1024 * 1024 - BASELINE_BYTES - 2.0 * 2 * 4096 * maxNd * 8.0;
        long largest = budget <= 0 ? 0 : (long) Math.floor(budget / (PEAK_OVER_TOKENS * 8.0 * maxNd));
        return new Prediction(study, executors, cores, taskMemoryGiB, overheadSeconds, List.copyOf(calibrations), cpu,
                wall, peak, largest);
    }

    /** The makespan of the longest-processing-time-first schedule of {@code times} on {@code slots} slots. */
    public static double makespan(List<Double> times, int slots) {
        Checks.positive("slots", slots);
        double[] t = new double[times.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = times.get(i);
        }
        Arrays.sort(t);
        double[] load = new double[Math.min(slots, Math.max(1, t.length))];
        for (int i = t.length - 1; i >= 0; i--) {
            int best = 0;
            for (int j = 1; j < load.length; j++) {
                if (load[j] < load[best]) {
                    best = j;
                }
            }
            load[best] += t[i];
        }
        double max = 0;
        for (double l : load) {
            max = Math.max(max, l);
        }
        return max;
    }
}
