package org.attnlab.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.attnlab.audit.Claim;
import org.attnlab.audit.Margin;
import org.attnlab.audit.Row;
import org.attnlab.audit.Sample;
import org.attnlab.audit.Seeds;
import org.attnlab.audit.VerdictRule;
import org.attnlab.internal.Checks;
import org.attnlab.internal.RandomStreams;
import org.attnlab.report.Stats;

/**
 * The curves and claims of a study, from its rows. Pure: same study and rows, same result.
 *
 * <p>Statistics: per setting and M the median over seeds of the unit errors (absolute, or relative = error /
 * ||g*||^2 on the same pairs, as {@code study.error} says); the slope of log median error on log M by least
 * squares; and a paired percentile bootstrap: replicate b draws n seed indices with replacement once
 * ({@code RandomStreams.stream(seedFor(master, "bootstrap/<study id>"), BOOTSTRAP, b)}, n draws
 * {@code nextInt(n)}) and uses them for every M and every setting, since seed s shares phi* across them.
 * Every claim's interval is the 2.5% and 97.5% type-7 quantiles of its statistic over the same replicates.
 */
public final class StudyAnalysis {

    /** The confidence level of every interval. */
    public static final double LEVEL = 0.95;

    private StudyAnalysis() {
    }

    /** One curve: errors per M and seed, median and quartiles, the slope and its interval. */
    public record Curve(StudySetting setting, double[] sizes, double[][] errors, double[] q1, double[] median,
                        double[] q3, double slope, double lower, double upper) {
    }

    /** The curves (study order) and the claims (file order). */
    public record Result(List<Curve> curves, List<Claim> claims) {
    }

    /**
     * Analyses the rows of a finished study.
     *
     * @throws IllegalArgumentException if a row is missing or an error is not finite and &gt; 0
     */
    public static Result analyse(Study study, List<Row> rows) {
        Checks.notNull("study", study);
        Checks.notNull("rows", rows);
        int[] m = study.grid();
        int n = study.seeds();
        List<StudySetting> settings = study.settings();
        double[][][] e = new double[settings.size()][m.length][n];
        boolean[][][] seen = new boolean[settings.size()][m.length][n];
        for (Row r : rows) {
            int s = index(settings, r.text("setting"));
            int k = Arrays.binarySearch(m, (int) r.longValue("M"));
            int sd = (int) r.longValue("seed");
            if (s < 0 || k < 0 || sd >= n) {
                continue;
            }
            double v = r.doubleValue("error");
            if ("relative".equals(study.error())) {
                v /= r.doubleValue("truth_norm");
            }
            if (!(v > 0) || !Double.isFinite(v)) {
                throw Checks.fail("error of " + r.text("setting") + " M=" + m[k] + " seed=" + sd, "finite and > 0", v);
            }
            e[s][k][sd] = v;
            seen[s][k][sd] = true;
        }
        double[] x = new double[m.length];
        for (int k = 0; k < m.length; k++) {
            x[k] = m[k];
        }
        int b = study.bootstrap();
        double[][] boot = new double[b][settings.size()];
        long seed = Seeds.forKey(study.masterSeed(), "bootstrap/" + study.id());
        int[] idx = new int[n];
        double[] pick = new double[n];
        double[] med = new double[m.length];
        for (int rep = 0; rep < b; rep++) {
            RandomStreams.Stream rng = RandomStreams.stream(seed, RandomStreams.Purpose.BOOTSTRAP, rep);
            for (int i = 0; i < n; i++) {
                idx[i] = rng.nextInt(n);
            }
            for (int s = 0; s < settings.size(); s++) {
                for (int k = 0; k < m.length; k++) {
                    for (int i = 0; i < n; i++) {
                        pick[i] = e[s][k][idx[i]];
                    }
                    med[k] = Stats.median(pick);
                }
                boot[rep][s] = Stats.logLogFit(x, med).slope();
            }
        }
        List<Curve> curves = new ArrayList<>();
        double[] slopes = new double[settings.size()];
        for (int s = 0; s < settings.size(); s++) {
            double[] q1 = new double[m.length];
            double[] md = new double[m.length];
            double[] q3 = new double[m.length];
            for (int k = 0; k < m.length; k++) {
                for (int sd = 0; sd < n; sd++) {
                    if (!seen[s][k][sd]) {
                        throw Checks.fail("rows", "complete for " + settings.get(s).id(), "missing M=" + m[k]
                                + " seed=" + sd);
                    }
                }
                Stats.Quartiles q = Stats.quartiles(e[s][k]);
                q1[k] = q.q1();
                md[k] = q.median();
                q3[k] = q.q3();
            }
            slopes[s] = Stats.logLogFit(x, md).slope();
            final int col = s;
            double[] ci = interval(boot, r -> r[col]);
            curves.add(new Curve(settings.get(s), x, e[s], q1, md, q3, slopes[s], ci[0], ci[1]));
        }
        List<Claim> claims = new ArrayList<>();
        for (ClaimSpec c : study.claims()) {
            if (c instanceof ClaimSpec.EqualSlopes eq) {
                claims.addAll(equalSlopes(study, eq, settings, slopes, boot));
            } else {
                claims.add(claim(study, c, settings, slopes, boot));
            }
        }
        return new Result(curves, claims);
    }

    private interface Statistic {
        double of(double[] slopes);
    }

    private static double[] interval(double[][] boot, Statistic st) {
        double[] v = new double[boot.length];
        int k = 0;
        for (double[] r : boot) {
            double s = st.of(r);
            if (Double.isFinite(s)) {
                v[k++] = s;
            }
        }
        if (k < 2) {
            throw Checks.fail("finite bootstrap replicates", ">= 2", k);
        }
        double[] f = Arrays.copyOf(v, k);
        return new double[] {Stats.quantile(f, (1 - LEVEL) / 2), Stats.quantile(f, (1 + LEVEL) / 2)};
    }

    private static int index(List<StudySetting> settings, String id) {
        for (int i = 0; i < settings.size(); i++) {
            if (settings.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static String quantity(Study study) {
        return "log-log slope on M of the median over seeds of the " + study.error() + " composed error";
    }

    /**
     * Equal slopes, one claim per listed setting after the first, id {@code <id>.<setting>}: the slope of that
     * setting minus the slope of the first, WITHIN 0 +- margin, on the paired bootstrap (the same seed indices for
     * every setting). The difference is unbiased where the range (largest minus smallest slope) is not: the range
     * of slopes that are equal in truth is positive under noise, so its interval sits above 0 and a range rule
     * reports a spread that is only noise. The zucker2025 audit's d-independence claims use the same rule.
     */
    private static List<Claim> equalSlopes(Study study, ClaimSpec.EqualSlopes eq, List<StudySetting> settings,
                                           double[] slopes, double[][] boot) {
        List<Claim> out = new ArrayList<>();
        String first = eq.settings().get(0);
        int b = index(settings, first);
        Margin margin = Margin.of(eq.margin(), "pre-registered in the study file " + study.id());
        for (String other : eq.settings().subList(1, eq.settings().size())) {
            int a = index(settings, other);
            double point = slopes[a] - slopes[b];
            double[] ci = interval(boot, r -> r[a] - r[b]);
            out.add(Claim.decide(eq.id() + "." + other, eq.statement() + ": " + other + " against " + first,
                    "slope of " + other + " minus slope of " + first + " (" + quantity(study) + "; paired "
                            + "bootstrap)", VerdictRule.Kind.WITHIN, 0.0, margin, point, ci[0], ci[1],
                    Sample.seeds(study.seeds()), String.format(Locale.ROOT, "slopes %s %.3f and %s %.3f; "
                            + "difference %.3f [%.3f, %.3f]", other, slopes[a], first, slopes[b], point, ci[0],
                            ci[1])));
        }
        return out;
    }

    private static Claim claim(Study study, ClaimSpec c, List<StudySetting> settings, double[] slopes,
                               double[][] boot) {
        Sample sample = Sample.seeds(study.seeds());
        if (c instanceof ClaimSpec.Slope sc) {
            int s = index(settings, sc.setting());
            double reference = sc.theory() ? settings.get(s).theorySlope() : sc.reference();
            double[] ci = interval(boot, r -> r[s]);
            Margin margin = Margin.of(sc.margin(), "pre-registered in the study file " + study.id());
            return Claim.decide(c.id(), c.statement(), quantity(study) + " of " + sc.setting(), VerdictRule.Kind.WITHIN,
                    reference, margin, slopes[s], ci[0], ci[1], sample, String.format(Locale.ROOT,
                            "slope %.3f [%.3f, %.3f], reference %.3f (%s)", slopes[s], ci[0], ci[1], reference,
                            sc.theory() ? "theory -2 beta' / (2 beta' + 1), beta' = min(beta of phi*, p + 1)" : "study file"));
        }
        ClaimSpec.Faster f = (ClaimSpec.Faster) c;
        int a = index(settings, f.faster());
        int b = index(settings, f.slower());
        double point = slopes[a] - slopes[b];
        double[] ci = interval(boot, r -> r[a] - r[b]);
        return Claim.decide(c.id(), c.statement(), "slope of " + f.faster() + " minus slope of " + f.slower() + " ("
                + quantity(study) + ")", VerdictRule.Kind.BELOW, 0.0, Margin.of(0.0, "a directional claim decides "
                        + "on the sign"), point, ci[0], ci[1], sample, String.format(Locale.ROOT,
                        "difference of slopes %.3f [%.3f, %.3f]", point, ci[0], ci[1]));
    }
}
