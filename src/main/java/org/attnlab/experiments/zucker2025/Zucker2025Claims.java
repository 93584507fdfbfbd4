package org.attnlab.experiments.zucker2025;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attnlab.audit.Claim;
import org.attnlab.audit.Margin;
import org.attnlab.audit.Row;
import org.attnlab.audit.Sample;
import org.attnlab.audit.Seeds;
import org.attnlab.audit.VerdictRule;
import org.attnlab.internal.Checks;
import org.attnlab.report.Stats;

/**
 * Turns the rows of a rate sweep into curves (median and quartiles per M), slopes with bootstrap intervals,
 * and the claims of arXiv 2510.11789 Figure 1 with their verdicts. Pure: same rows and seed, same result.
 */
public final class Zucker2025Claims {

    /** Confidence level of the slope intervals. */
    public static final double LEVEL = 0.95;
    /** The paper's reported slope for P = 3 (Figure 1b, about -0.81). */
    public static final double PUBLISHED_SLOPE_P3 = -0.81;
    /** The paper's reported slope for P = 8 (Figure 1b, about -0.899). */
    public static final double PUBLISHED_SLOPE_P8 = -0.899;

    /** Margin of every slope claim (theory or the paper's number). */
    public static final Margin SLOPE_MARGIN = Margin.of(0.1, "0.1 in slope is under the gap 0.133 between the "
            + "rate of beta = 2 (-0.8) and that of the next rougher beta = 1 (-0.667), so a slope inside the margin "
            + "rules out the neighbouring rate, and it is 5x the reading error of a slope read off the paper's plot");
    /** Margin of the d-independence claims on the difference of two slopes. */
    public static final Margin SPREAD_MARGIN = Margin.of(0.1, "the paper's own \"nearly the same\" slopes, read as "
            + "no two slopes further apart than the slope margin 0.1 (under the gap 0.133 to the neighbouring rate)");
    /** Directional claims have no margin: they decide on the sign of the whole interval. */
    public static final Margin DIRECTIONAL = Margin.of(0.0, "directional claim: decided on the sign of the whole "
            + "interval, no size is claimed");

    private Zucker2025Claims() {
    }

    /**
     * One curve: per M and seed the absolute composed error (what the paper plots) and the relative one
     * (divided by ||g*||^2 on the same pairs); quartiles of the absolute error for the figure; paired-bootstrap
     * slopes of the median curves of both; the relative median-curve slope over the M inside the theorem's regime
     * (null when fewer than 3 such M); every seed's own relative slope; and their mean with its paired bootstrap
     * interval, the quantity every slope claim is decided on ({@link #SLOPE_QUANTITY}).
     */
    public record Curve(RateSetting setting, double[] sizes, double[][] errors, double[][] relative, double[] q1,
                        double[] median, double[] q3, Stats.SlopeEstimate absoluteSlope, Stats.SlopeEstimate slope,
                        Stats.SlopeEstimate regimeSlope, int firstInRegime, double[] perSeedSlopes,
                        Stats.MeanEstimate seedSlope) {
    }

    /** The curves of the settings, from the rows of the plan (any order). */
    public static List<Curve> curves(Zucker2025Config sweep, List<RateSetting> settings, List<Row> rows, long seed) {
        Checks.notNull("rows", rows);
        int[] m = sweep.sizes();
        List<Curve> out = new ArrayList<>();
        for (RateSetting s : settings) {
            int n = sweep.seeds(s);
            double[][] e = new double[m.length][n];
            double[][] rel = new double[m.length][n];
            boolean[][] seen = new boolean[m.length][n];
            for (Row r : rows) {
                if (!r.text("setting").equals(s.id())) {
                    continue;
                }
                int k = java.util.Arrays.binarySearch(m, (int) r.longValue("M"));
                int sd = (int) r.longValue("seed");
                if (k >= 0 && sd < n) {
                    e[k][sd] = r.doubleValue("error");
                    rel[k][sd] = r.doubleValue("error") / r.doubleValue("truth_norm");
                    seen[k][sd] = true;
                }
            }
            double[] x = new double[m.length];
            double[] q1 = new double[m.length];
            double[] med = new double[m.length];
            double[] q3 = new double[m.length];
            for (int k = 0; k < m.length; k++) {
                for (int sd = 0; sd < n; sd++) {
                    if (!seen[k][sd]) {
                        throw Checks.fail("rows", "complete for " + s.id(), "missing M=" + m[k] + " seed=" + sd);
                    }
                }
                x[k] = m[k];
                Stats.Quartiles q = Stats.quartiles(e[k]);
                q1[k] = q.q1();
                med[k] = q.median();
                q3[k] = q.q3();
            }
            long bs = Seeds.forKey(seed, "bootstrap/" + s.id());
            Stats.SlopeEstimate abs = Stats.pairedMedianSlope(x, e, bs, sweep.bootstrap(), LEVEL);
            Stats.SlopeEstimate relSlope = Stats.pairedMedianSlope(x, rel, bs, sweep.bootstrap(), LEVEL);
            int first = -1;
            for (int k = 0; k < m.length; k++) {
                if (s.inRegime(sweep.rank(), m[k])) {
                    first = k;
                    break;
                }
            }
            Stats.SlopeEstimate reg = null;
            if (first >= 0 && m.length - first >= 3) {
                reg = Stats.pairedMedianSlope(java.util.Arrays.copyOfRange(x, first, m.length),
                        java.util.Arrays.copyOfRange(rel, first, m.length), bs, sweep.bootstrap(), LEVEL);
            }
            double[] perSeed = Stats.perSeedSlopes(x, rel);
            Stats.MeanEstimate seedSlope = Stats.pairedMean(perSeed, Seeds.forKey(seed, "bootstrap/seed-slopes/"
                    + s.id()), sweep.bootstrap(), LEVEL);
            out.add(new Curve(s, x, e, rel, q1, med, q3, abs, relSlope, reg, first, perSeed, seedSlope));
        }
        return out;
    }

    private static double[] finite(double[] v) {
        return java.util.Arrays.stream(v).filter(Double::isFinite).toArray();
    }

    private static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String slopeText(Stats.SlopeEstimate s) {
        return f3(s.slope()) + " [" + f3(s.interval().lower()) + ", " + f3(s.interval().upper()) + "]";
    }

    private static String meanText(Stats.MeanEstimate s) {
        return f3(s.mean()) + " [" + f3(s.interval().lower()) + ", " + f3(s.interval().upper()) + "]";
    }

    /**
     * The decision statistic below was registered after the run on seeds 0 .. 15 (docs/zucker2025 of 2026-12-01,
     * decided then on the median curve), whose per-seed slopes had been looked at; seeds from this index on are
     * the statistic's first test, and every slope claim reports its estimate on them alone.
     */
    public static final int FIRST_UNSEEN_SEED = 16;

    /** The smallest number of unseen seeds for which the claims report the estimate on them alone. */
    static final int MIN_UNSEEN_SEEDS = 4;

    /** The statistic on the seeds from {@link #FIRST_UNSEEN_SEED} on, or "" when there are too few of them. */
    private static String unseenText(double[] perSeed, long seed, int replicates, String key) {
        if (perSeed.length - FIRST_UNSEEN_SEED < MIN_UNSEEN_SEEDS) {
            return "";
        }
        double[] unseen = java.util.Arrays.copyOfRange(perSeed, FIRST_UNSEEN_SEED, perSeed.length);
        Stats.MeanEstimate u = Stats.pairedMean(unseen, Seeds.forKey(seed, "bootstrap/unseen/" + key), replicates,
                LEVEL);
        return String.format(Locale.ROOT, "; on the %d seeds %d .. %d alone (not seen when the statistic was "
                + "registered): %s", unseen.length, FIRST_UNSEEN_SEED, perSeed.length - 1, meanText(u));
    }

    /** The claims of the part, in a fixed order, each decided by {@link VerdictRule}. */
    public static List<Claim> claims(Zucker2025Config sweep, String part, List<Curve> curves, long seed) {
        Map<String, Curve> byId = new LinkedHashMap<>();
        for (Curve c : curves) {
            byId.put(c.setting().id(), c);
        }
        List<Claim> out = new ArrayList<>();
        if (!"1b".equals(part)) {
            List<Curve> a = new ArrayList<>();
            for (RateSetting s : sweep.figure1a()) {
                Curve c = byId.get(s.id());
                a.add(c);
                out.add(slopeClaim(sweep, "fig1a.slope." + s.id(), String.format(Locale.ROOT,
                        "Figure 1(a): at d = %d the composed test MSE decays like M^(%s) (theory -2beta/(2beta+1), "
                                + "beta = %d)", s.dimension(), f3(s.theorySlope()), (int) s.beta()),
                        s.theorySlope(), c, "theory", seed));
            }
            out.addAll(dIndependenceClaims(sweep, a, seed));
        }
        if (!"1a".equals(part)) {
            List<Curve> b = new ArrayList<>();
            for (RateSetting s : sweep.figure1b()) {
                Curve c = byId.get(s.id());
                b.add(c);
                double published = s.orderTrue() == 3 ? PUBLISHED_SLOPE_P3
                        : s.orderTrue() == 8 ? PUBLISHED_SLOPE_P8 : Double.NaN;
                out.add(slopeClaim(sweep, "fig1b.theory." + s.id(), String.format(Locale.ROOT,
                        "Figure 1(b): with P_true = P_est = %d the slope is the theoretical %s",
                        s.orderTrue(), f3(s.theorySlope())), s.theorySlope(), c, "theory", seed));
                if (!Double.isNaN(published)) {
                    out.add(slopeClaim(sweep, "fig1b.published." + s.id(), String.format(Locale.ROOT,
                            "Figure 1(b): with P_true = P_est = %d the paper measures a slope of about %s",
                            s.orderTrue(), published), published, c, "the paper's slope", seed));
                }
            }
            if (b.size() == 2) {
                out.add(smootherFasterClaim(sweep, b.get(0), b.get(1), seed));
            }
        }
        return out;
    }

    /**
     * The quantity every slope claim is decided on: the mean over seeds of each seed's own slope of the relative
     * composed error. Why per seed: the theorem's rate is a statement about one fixed truth (phi*, A*), and each
     * seed draws its own truth, whose ||g*||^2 varies about 30x across seeds; each seed's curve over M estimates
     * the rate for its truth, and their mean the rate of a typical truth. The slope of the median curve (the v2
     * statistic) mixes truths: which seed is the median changes from one M to the next, which widened its
     * interval 2-3x (half-widths 0.080 .. 0.16 on 16 seeds against 0.034 .. 0.074 for this one). Why relative:
     * dividing by ||g*||^2 on the same pairs removes a per-seed constant, so a seed's slope hardly moves, but its
     * errors compare with other seeds'. The median-curve slopes (relative and absolute, what the paper plots) are
     * reported beside it. Registered before the run that decides it; see {@link #FIRST_UNSEEN_SEED}.
     */
    static final String SLOPE_QUANTITY = "mean over seeds of each seed's own least-squares slope of log(relative "
            + "composed test MSE, ||g_hat - g*||^2 / ||g*||^2 on the same fresh pairs) on log M, over the whole M "
            + "grid; 95% paired bootstrap over seeds (percentile)";

    private static Claim slopeClaim(Zucker2025Config sweep, String id, String statement, double reference, Curve c,
                                    String referenceName, long seed) {
        double lo = c.seedSlope().interval().lower();
        double hi = c.seedSlope().interval().upper();
        String regime = c.regimeSlope() == null
                ? String.format(Locale.ROOT, "no M of the grid satisfies r d <= (M/log M)^(1/(2beta+1)) with 3 points "
                        + "(needs M >= %.3g)", c.setting().regimeStart(sweep.rank()))
                : "slope over the M inside the theorem's regime " + slopeText(c.regimeSlope());
        String detail = String.format(Locale.ROOT, "mean per-seed slope %s (95%% paired bootstrap over seeds) vs "
                + "%s %s; per-seed slopes median %s, quartiles [%s, %s]; median-curve slopes: relative %s, absolute "
                + "(as plotted) %s; %s%s", meanText(c.seedSlope()), referenceName, f3(reference),
                f3(Stats.median(finite(c.perSeedSlopes()))), f3(Stats.quantile(finite(c.perSeedSlopes()), 0.25)),
                f3(Stats.quantile(finite(c.perSeedSlopes()), 0.75)), slopeText(c.slope()),
                slopeText(c.absoluteSlope()), regime, unseenText(c.perSeedSlopes(), seed, sweep.bootstrap(),
                        c.setting().id()));
        return Claim.decide(id, statement, SLOPE_QUANTITY, VerdictRule.Kind.WITHIN, reference, SLOPE_MARGIN,
                c.seedSlope().mean(), lo, hi, Sample.seeds(c.seedSlope().seeds()), detail);
    }

    /**
     * Per seed: slope of {@code a} minus slope of {@code b} for the same seed (the same truth), over the seeds both
     * settings have (seed indices are a prefix 0 .. n-1 in every setting).
     */
    static double[] perSeedDifferences(Curve a, Curve b) {
        double[] x = a.perSeedSlopes();
        double[] y = b.perSeedSlopes();
        double[] d = new double[Math.min(x.length, y.length)];
        for (int s = 0; s < d.length; s++) {
            d[s] = x[s] - y[s];
        }
        return d;
    }

    /**
     * d-independence, one claim per d other than the first (d = 1): q = mean over seeds of (the seed's slope at d
     * minus its slope at d = 1), WITHIN 0 +- {@link #SPREAD_MARGIN}. Paired: both slopes of a seed share its phi*,
     * and the bootstrap resamples seeds, each carrying its difference. A difference is unbiased where the range
     * (max - min) of noisy slopes is not: the range of slopes that are all equal in truth is positive under noise,
     * and its percentile interval sits above 0.
     */
    private static List<Claim> dIndependenceClaims(Zucker2025Config sweep, List<Curve> a, long seed) {
        List<Claim> out = new ArrayList<>();
        Curve base = a.get(0);
        for (Curve c : a.subList(1, a.size())) {
            double[] diffs = perSeedDifferences(c, base);
            Stats.MeanEstimate d = Stats.pairedMean(diffs, Seeds.forKey(seed, "bootstrap/d-independence/"
                    + c.setting().id()), sweep.bootstrap(), LEVEL);
            out.add(Claim.decide("fig1a.d-independence." + c.setting().id(),
                    "Figure 1(a): the slopes are nearly the same for every d (the rate does not depend on d): d = "
                            + c.setting().dimension() + " against d = " + base.setting().dimension(),
                    "mean over seeds of (the seed's slope at " + c.setting().id() + " minus its slope at "
                            + base.setting().id() + "), slopes as in the slope claims; paired: one seed, one phi*, "
                            + "for both d; 95% bootstrap over seeds",
                    VerdictRule.Kind.WITHIN, 0.0, SPREAD_MARGIN, d.mean(), d.interval().lower(), d.interval().upper(),
                    Sample.seeds(d.seeds()), String.format(Locale.ROOT, "mean per-seed slopes %s %s and %s %s; "
                            + "difference %s%s", c.setting().id(), f3(c.seedSlope().mean()), base.setting().id(),
                            f3(base.seedSlope().mean()), meanText(d), unseenText(diffs, seed, sweep.bootstrap(),
                                    "d-independence/" + c.setting().id()))));
        }
        return out;
    }

    private static Claim smootherFasterClaim(Zucker2025Config sweep, Curve rough, Curve smooth, long seed) {
        double[] diffs = perSeedDifferences(smooth, rough);
        Stats.MeanEstimate d = Stats.pairedMean(diffs, Seeds.forKey(seed, "bootstrap/smoothness"), sweep.bootstrap(),
                LEVEL);
        double theory = smooth.setting().theorySlope() - rough.setting().theorySlope();
        return Claim.decide("fig1b.smoother-is-faster",
                "Figure 1(b): the smoother phi* (P = " + smooth.setting().orderTrue() + ") is learned at a faster rate"
                        + " than P = " + rough.setting().orderTrue(),
                "mean over seeds of (the seed's slope at P = " + smooth.setting().orderTrue() + " minus its slope at "
                        + "P = " + rough.setting().orderTrue() + "), slopes as in the slope claims; 95% paired "
                        + "bootstrap over seeds",
                VerdictRule.Kind.BELOW, 0.0, DIRECTIONAL, d.mean(),
                d.interval().lower(), d.interval().upper(), Sample.seeds(d.seeds()),
                "difference " + meanText(d) + ", theory " + f3(theory) + ", paper about "
                        + f3(PUBLISHED_SLOPE_P8 - PUBLISHED_SLOPE_P3)
                        + unseenText(diffs, seed, sweep.bootstrap(), "smoothness"));
    }
}
