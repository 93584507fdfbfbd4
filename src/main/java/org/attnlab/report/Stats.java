package org.attnlab.report;

import java.util.Arrays;
import org.attnlab.internal.Checks;
import org.attnlab.internal.RandomStreams;

/**
 * Small statistics for audits: order statistics, the log-log least-squares slope and a deterministic
 * bootstrap over seeds.
 *
 * <p>Notation: {@code x_k} the sizes (e.g. the sample counts M), {@code e_{k,s}} the error of seed {@code s}
 * at size {@code k}, {@code med_k} the median over seeds.
 */
public final class Stats {

    private Stats() {
    }

    /** Quartiles and median of a sample. */
    public record Quartiles(double q1, double median, double q3) {
    }

    /** A least-squares line {@code log y = intercept + slope * log x}. */
    public record LogLogFit(double slope, double intercept, double rSquared, int points) {
        /** The fitted {@code y} at {@code x}: {@code exp(intercept) * x^slope}. */
        public double predict(double x) {
            return Math.exp(intercept + slope * Math.log(x));
        }
    }

    /** A two-sided interval at a confidence level (for example 0.95). */
    public record Interval(double lower, double upper, double level) {
        /** Whether {@code lower <= v <= upper}. */
        public boolean contains(double v) {
            return lower <= v && v <= upper;
        }
    }

    /** A statistic of one bootstrap replicate, computed from its own random stream. */
    @FunctionalInterface
    public interface Replicate {
        double compute(RandomStreams.Stream rng);
    }

    /**
     * The {@code p}-quantile by linear interpolation between order statistics (Hyndman-Fan type 7, the
     * default of R and NumPy): {@code h = (n-1) p}, {@code q = v[floor h] + (h - floor h)(v[floor h + 1] - v[floor h])}.
     *
     * @throws IllegalArgumentException if {@code values} is null, empty or not finite, or {@code p} not in [0, 1]
     */
    public static double quantile(double[] values, double p) {
        Checks.allFinite("values", values);
        if (values.length == 0) {
            throw Checks.fail("values.length", "> 0", 0);
        }
        Checks.inRange("p", p, 0.0, 1.0);
        double[] v = values.clone();
        Arrays.sort(v);
        return sortedQuantile(v, p);
    }

    private static double sortedQuantile(double[] v, double p) {
        double h = (v.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, v.length - 1);
        return v[lo] + (h - lo) * (v[hi] - v[lo]);
    }

    /** The median (type-7 quantile 0.5: the mean of the two middle values for an even count). */
    public static double median(double[] values) {
        return quantile(values, 0.5);
    }

    /** First quartile, median and third quartile (type 7). */
    public static Quartiles quartiles(double[] values) {
        return new Quartiles(quantile(values, 0.25), quantile(values, 0.5), quantile(values, 0.75));
    }

    /**
     * Least-squares fit of {@code log y} on {@code log x}: slope {@code b = S_xy / S_xx} with centred sums of
     * the logs, intercept {@code a = mean(log y) - b mean(log x)}, and {@code R^2 = S_xy^2 / (S_xx S_yy)}
     * (1 when {@code S_yy = 0}).
     *
     * @throws IllegalArgumentException if the arrays are null, of different lengths, shorter than 2, hold a
     *     value that is not finite and &gt; 0, or all {@code x} are equal
     */
    public static LogLogFit logLogFit(double[] x, double[] y) {
        Checks.notNull("x", x);
        Checks.length("y", y, x.length);
        if (x.length < 2) {
            throw Checks.fail("x.length", ">= 2", x.length);
        }
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            Checks.positive("x[" + i + "]", x[i]);
            Checks.positive("y[" + i + "]", y[i]);
            mx += Math.log(x[i]);
            my += Math.log(y[i]);
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = Math.log(x[i]) - mx;
            double dy = Math.log(y[i]) - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        if (!(sxx > 0)) {
            throw Checks.fail("x", "not all equal", x[0]);
        }
        double b = sxy / sxx;
        double r2 = syy == 0 ? 1.0 : sxy * sxy / (sxx * syy);
        return new LogLogFit(b, my - b * mx, r2, n);
    }

    /**
     * A deterministic percentile bootstrap interval: replicate {@code b} (0-based) computes its statistic from
     * {@code RandomStreams.stream(seed, BOOTSTRAP, b)}; the interval is the type-7 quantiles
     * {@code (1-level)/2} and {@code (1+level)/2} of the finite replicate values.
     *
     * @throws IllegalArgumentException if {@code replicates < 2}, {@code level} not in (0, 1), the statistic is
     *     null, or fewer than 2 replicates are finite
     */
    public static Interval bootstrap(long seed, int replicates, double level, Replicate statistic) {
        Checks.atLeast("replicates", replicates, 2);
        if (!(level > 0 && level < 1)) {
            throw Checks.fail("level", "in (0, 1)", level);
        }
        Checks.notNull("statistic", statistic);
        double[] v = new double[replicates];
        int k = 0;
        for (int b = 0; b < replicates; b++) {
            double s = statistic.compute(RandomStreams.stream(seed, RandomStreams.Purpose.BOOTSTRAP, b));
            if (Double.isFinite(s)) {
                v[k++] = s;
            }
        }
        if (k < 2) {
            throw Checks.fail("finite bootstrap replicates", ">= 2", k);
        }
        double[] f = Arrays.copyOf(v, k);
        Arrays.sort(f);
        return new Interval(sortedQuantile(f, (1 - level) / 2), sortedQuantile(f, (1 + level) / 2), level);
    }

    /**
     * The slope of log(median over seeds of e) on log x, and its bootstrap interval over seeds: each replicate
     * resamples, independently at each size {@code k}, {@code n_k} seeds with replacement from
     * {@code e[k]} (in order k = 0, 1, ..., each draw {@code rng.nextInt(n_k)}), takes the medians and fits
     * the slope by {@link #logLogFit}.
     *
     * @param x the sizes, length K &gt;= 2, finite and &gt; 0
     * @param e {@code e[k]} the errors of the seeds at size {@code x[k]}, each non-empty, finite and &gt; 0
     * @return the point fit (on the medians of the full sample) and the interval
     * @throws IllegalArgumentException on the conditions of {@link #logLogFit} and {@link #bootstrap}, or if
     *     {@code e.length != x.length} or some {@code e[k]} is empty
     */
    public static SlopeEstimate medianSlope(double[] x, double[][] e, long seed, int replicates, double level) {
        Checks.notNull("e", e);
        Checks.notNull("x", x);
        if (e.length != x.length) {
            throw Checks.fail("e.length", "= " + x.length, e.length);
        }
        double[] med = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            Checks.notNull("e[" + k + "]", e[k]);
            if (e[k].length == 0) {
                throw Checks.fail("e[" + k + "].length", "> 0", 0);
            }
            med[k] = median(e[k]);
        }
        LogLogFit fit = logLogFit(x, med);
        Interval ci = bootstrap(seed, replicates, level, rng -> resampledMedianSlope(rng, x, e));
        return new SlopeEstimate(fit, ci);
    }

    /**
     * One bootstrap replicate of the median slope (as in {@link #medianSlope}): at each size k in order,
     * {@code n_k} draws {@code e[k][rng.nextInt(n_k)]}, the median, then the log-log slope of the medians.
     * Public so that statistics of several slopes (differences, spreads) can be bootstrapped jointly.
     */
    public static double resampledMedianSlope(RandomStreams.Stream rng, double[] x, double[][] e) {
        double[] m = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            double[] r = new double[e[k].length];
            for (int i = 0; i < r.length; i++) {
                r[i] = e[k][rng.nextInt(r.length)];
            }
            m[k] = median(r);
        }
        return logLogFit(x, m).slope();
    }

    /**
     * One paired bootstrap draw: {@code n} seed indices drawn with replacement, {@code rng.nextInt(n)} each,
     * in order. A paired replicate draws these once and uses them for every size and every setting that shares
     * the seeds' truths ({@link #pairedMedianSlope}).
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public static int[] resampleIndices(RandomStreams.Stream rng, int n) {
        Checks.positive("n", n);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = rng.nextInt(n);
        }
        return idx;
    }

    /**
     * The slope of log(median over the seeds {@code idx} of e) on log x, where {@code e[k][s]} is the error of
     * seed s at size k (the same seed s, hence the same truth, at every k): {@code idx == null} uses every seed
     * once (the point estimate), otherwise the resampled seed indices of one paired replicate. NaN when a
     * median is not &gt; 0.
     *
     * @throws IllegalArgumentException if the shapes differ or an index is out of range
     */
    public static double medianSlope(double[] x, double[][] e, int[] idx) {
        Checks.notNull("x", x);
        Checks.notNull("e", e);
        if (e.length != x.length) {
            throw Checks.fail("e.length", "= " + x.length, e.length);
        }
        double[] med = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            double[] v;
            if (idx == null) {
                v = e[k];
            } else {
                v = new double[idx.length];
                for (int i = 0; i < idx.length; i++) {
                    Checks.inRange("idx[" + i + "]", idx[i], 0, e[k].length - 1);
                    v[i] = e[k][idx[i]];
                }
            }
            med[k] = median(v);
            if (!(med[k] > 0)) {
                return Double.NaN;
            }
        }
        return logLogFit(x, med).slope();
    }

    /**
     * The paired bootstrap of the median slope: replicate b draws {@code n} seed indices once
     * ({@link #resampleIndices} on {@code stream(seed, BOOTSTRAP, b)}) and uses them at every size, so a seed's
     * errors at all M (which share its truth) move together; the interval is the percentile interval of the
     * replicate slopes (as {@link #bootstrap}).
     *
     * @param e {@code e[k][s]}, the same number n of seeds at every size, paired by s
     * @throws IllegalArgumentException as {@link #logLogFit} and {@link #bootstrap}, or if the rows of e differ in length
     */
    public static SlopeEstimate pairedMedianSlope(double[] x, double[][] e, long seed, int replicates, double level) {
        Checks.notNull("e", e);
        int n = e.length == 0 ? 0 : e[0].length;
        for (int k = 0; k < e.length; k++) {
            Checks.notNull("e[" + k + "]", e[k]);
            if (e[k].length != n || n == 0) {
                throw Checks.fail("e[" + k + "].length", "= e[0].length > 0 (paired seeds)", e[k].length);
            }
        }
        double[] med = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            med[k] = median(e[k]);
        }
        LogLogFit fit = logLogFit(x, med);
        Interval ci = bootstrap(seed, replicates, level, rng -> medianSlope(x, e, resampleIndices(rng, n)));
        return new SlopeEstimate(fit, ci);
    }

    /**
     * Each seed's own slope: the least-squares slope of log e[k][s] on log x for every seed s (NaN for a seed
     * with an error that is not &gt; 0).
     */
    public static double[] perSeedSlopes(double[] x, double[][] e) {
        Checks.notNull("e", e);
        int n = e[0].length;
        double[] out = new double[n];
        double[] y = new double[x.length];
        for (int s = 0; s < n; s++) {
            boolean ok = true;
            for (int k = 0; k < x.length; k++) {
                y[k] = e[k][s];
                ok &= y[k] > 0 && Double.isFinite(y[k]);
            }
            out[s] = ok ? logLogFit(x, y).slope() : Double.NaN;
        }
        return out;
    }

    /**
     * The mean of a per-seed statistic and its paired bootstrap interval: replicate b draws the seed indices once
     * ({@link #resampleIndices} on {@code stream(seed, BOOTSTRAP, b)}) and takes the mean of {@code perSeed} over
     * them; the interval is the percentile interval of the replicate means (as {@link #bootstrap}). A statistic
     * computed per seed from that seed's whole curve (its own slope, or the difference of two settings' slopes for
     * the same seed) is paired by construction: one resampled seed carries all its sizes and settings.
     *
     * @param perSeed one finite value per seed, at least one
     * @throws IllegalArgumentException if {@code perSeed} is null, empty or has a value that is not finite, or on
     *     the conditions of {@link #bootstrap}
     */
    public static MeanEstimate pairedMean(double[] perSeed, long seed, int replicates, double level) {
        Checks.notNull("perSeed", perSeed);
        if (perSeed.length == 0) {
            throw Checks.fail("perSeed.length", "> 0", 0);
        }
        for (int s = 0; s < perSeed.length; s++) {
            Checks.finite("perSeed[" + s + "]", perSeed[s]);
        }
        Interval ci = bootstrap(seed, replicates, level, rng -> mean(perSeed, resampleIndices(rng, perSeed.length)));
        return new MeanEstimate(mean(perSeed, null), ci, perSeed.length);
    }

    /**
     * The mean of {@code v} over the indices {@code idx} (each counted as often as it occurs), or over all of
     * {@code v} when {@code idx} is null; summed in index order.
     *
     * @throws IllegalArgumentException if {@code v} is null or empty, or an index is out of range
     */
    public static double mean(double[] v, int[] idx) {
        Checks.notNull("v", v);
        if (v.length == 0) {
            throw Checks.fail("v.length", "> 0", 0);
        }
        double sum = 0;
        if (idx == null) {
            for (double x : v) {
                sum += x;
            }
            return sum / v.length;
        }
        for (int i = 0; i < idx.length; i++) {
            Checks.inRange("idx[" + i + "]", idx[i], 0, v.length - 1);
            sum += v[idx[i]];
        }
        return sum / idx.length;
    }

    /** The mean of a per-seed statistic over {@code seeds} seeds with its paired bootstrap interval. */
    public record MeanEstimate(double mean, Interval interval, int seeds) {
        /** Half the interval's width. */
        public double halfWidth() {
            return 0.5 * (interval.upper() - interval.lower());
        }
    }

    /** A log-log slope with its bootstrap interval. */
    public record SlopeEstimate(LogLogFit fit, Interval interval) {
        /** The slope. */
        public double slope() {
            return fit.slope();
        }
    }
}
