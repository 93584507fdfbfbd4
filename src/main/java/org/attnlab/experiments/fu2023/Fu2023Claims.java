package org.attnlab.experiments.fu2023;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.attnlab.audit.Claim;
import org.attnlab.audit.Margin;
import org.attnlab.audit.Sample;
import org.attnlab.audit.VerdictRule;
import org.attnlab.internal.Checks;
import org.attnlab.internal.RandomStreams;
import org.attnlab.report.Stats;
import org.attnlab.rfa.Target;

/**
 * The checkable statements of arXiv 2307.11353 that this audit tests, each decided by the one
 * {@link VerdictRule} from the results alone (a pure function). Margins are the named constants below, fixed
 * before any run; a quick run is judged by the same rule.
 *
 * <p>Shared definitions: e(method, target, size, repeat) is the normalized test error (test MSE / test variance
 * of the target; 1 is the error of the best constant). "A beats B on a target" is a directional claim on the
 * ratio median_r e(B) / median_r e(A) at the largest size of the sweep: reproduced iff its whole 95% paired
 * bootstrap interval (over repeats: same data, same fluctuations for both methods) lies above 1.
 */
public final class Fu2023Claims {

    /** Directional claims decide on the side of the whole interval; no size is claimed. */
    public static final Margin DIRECTIONAL = Margin.of(0.0, "directional claim (\"lower test error\", \"decreases\"): "
            + "decided on the side of the whole interval, the paper claims no size");
    /** The control: "loses its advantage" as a ratio error(RF-MLP) / error(RFA) of at most 1 + this. */
    public static final Margin NO_ADVANTAGE = Margin.of(0.1, "an advantage smaller than 10% of the median error "
            + "is not the sample-complexity advantage the paper reports (its gaps are several-fold), so a ratio "
            + "up to 1.1 counts as no advantage");
    /** The control's floor: RFA's median error at least 1 - 1/N, up to this. */
    public static final Margin FLOOR = Margin.of(0.05, "no permutation-invariant predictor beats 1 - 1/N on the "
            + "control; 0.05 allows the finite test set and ridge selection, whose error noise is about 1%");
    /** A normalized error at or above this is reported as "not learned" (the best constant has error 1). */
    public static final double TRIVIAL = 0.95;
    /** Bootstrap replicates of the median ratio. */
    public static final int REPLICATES = 2000;

    private static final Target[] INVARIANT = {Target.LINEAR, Target.QUADRATIC, Target.CUBIC, Target.COSINE};
    private static final Target[] HIGHER = {Target.QUADRATIC, Target.CUBIC, Target.COSINE};

    private Fu2023Claims() {
    }

    /** The verdicts, in a fixed order: a.*, b.*, c.control, c.floor, d.*. */
    public static List<Claim> evaluate(Fu2023Results results, long seed) {
        Fu2023Config c = results.config();
        List<Claim> claims = new ArrayList<>();
        int nMax = last(c.sampleSizes());
        int index = 0;
        for (Target t : INVARIANT) {
            Comparison cmp = compare(results, Fu2023Unit.SAMPLES, Method.RF_MLP, Method.RFA, t, nMax, seed, index++);
            claims.add(Claim.decide("a." + t.label(),
                    "RFA has lower test error than RF-MLP at equal numbers of trained parameters on the "
                            + "permutation-invariant target " + describe(t) + " (sample-complexity advantage).",
                    ratioQuantity("RF-MLP", "RFA", nMax), VerdictRule.Kind.ABOVE, 1.0, DIRECTIONAL, cmp.ratio,
                    cmp.lower, cmp.upper, Sample.repeats(cmp.repeats), cmp.detail("RF-MLP", "RFA")));
        }
        for (Target t : HIGHER) {
            Comparison cmp = compare(results, Fu2023Unit.SAMPLES, Method.RFA, Method.BRFA, t, nMax, seed, index++);
            claims.add(Claim.decide("b." + t.label(),
                    "Biased random-feature attention (W_m with non-zero mean W_0) has lower test error than "
                            + "zero-mean RFA on the target " + describe(t) + " of degree > 1 in <x_0, x_i>.",
                    ratioQuantity("RFA", "BRFA", nMax), VerdictRule.Kind.ABOVE, 1.0, DIRECTIONAL, cmp.ratio,
                    cmp.lower, cmp.upper, Sample.repeats(cmp.repeats), cmp.detail("RFA", "BRFA")));
        }
        Comparison control = compare(results, Fu2023Unit.SAMPLES, Method.RF_MLP, Method.RFA, Target.FIRST_KEY, nMax,
                seed, index++);
        claims.add(Claim.decide("c.control",
                "On a target that is not invariant to permuting the keys (u_1 = sqrt(d) <x_0, x_1>), RFA loses its "
                        + "advantage over RF-MLP.",
                ratioQuantity("RF-MLP", "RFA", nMax), VerdictRule.Kind.AT_MOST, 1.0, NO_ADVANTAGE, control.ratio,
                control.lower, control.upper, Sample.repeats(control.repeats), control.detail("RF-MLP", "RFA")));
        double floor = 1.0 - 1.0 / c.keys();
        claims.add(Claim.decide("c.floor",
                "On the control target RFA, being invariant to permuting the keys, cannot beat the error 1 - 1/N of "
                        + "the best invariant predictor.",
                "median over repeats of RFA's normalized test error on the control, at n = " + nMax,
                VerdictRule.Kind.AT_LEAST, floor, FLOOR, control.medianB, control.lowerB, control.upperB,
                Sample.repeats(control.repeats), String.format(Locale.ROOT,
                        "RFA median error %.4f [%.4f, %.4f] vs the floor 1 - 1/N = %.4f", control.medianB,
                        control.lowerB, control.upperB, floor)));
        for (Method m : new Method[] {Method.RFA, Method.BRFA}) {
            claims.add(heads(results, m, seed, index++));
        }
        return claims;
    }

    private static String ratioQuantity(String a, String b, int n) {
        return "median over repeats of the normalized test error of " + a + " divided by that of " + b + ", at n = "
                + n;
    }

    /**
     * The largest over the invariant targets of the log-log slope of the median error in H (the error must fall
     * for every target), with a paired bootstrap: a replicate resamples repeat indices once for every H and target.
     */
    private static Claim heads(Fu2023Results results, Method m, long seed, int index) {
        Fu2023Config c = results.config();
        int[] hs = c.headGrid();
        double[] x = new double[hs.length];
        for (int k = 0; k < hs.length; k++) {
            x[k] = hs[k];
        }
        double[][][] e = new double[INVARIANT.length][hs.length][];
        for (int t = 0; t < INVARIANT.length; t++) {
            for (int k = 0; k < hs.length; k++) {
                e[t][k] = results.errors(Fu2023Unit.HEADS, m, INVARIANT[t], hs[k]);
            }
        }
        int repeats = e[0][0].length;
        double maxSlope = maxSlope(x, e, null);
        long bootSeed = RandomStreams.derive(seed, RandomStreams.Purpose.BOOTSTRAP, index);
        Stats.Interval iv = Stats.bootstrap(bootSeed, REPLICATES, 0.95, rng -> {
            int[] pick = new int[repeats];
            for (int i = 0; i < repeats; i++) {
                pick[i] = rng.nextInt(repeats);
            }
            return maxSlope(x, e, pick);
        });
        StringBuilder detail = new StringBuilder();
        for (int t = 0; t < INVARIANT.length; t++) {
            double[] med = medians(e[t], null);
            detail.append(String.format(Locale.ROOT, "%s%s: %.4f -> %.4f", detail.length() == 0 ? "" : "; ",
                    INVARIANT[t].label(), med[0], med[hs.length - 1]));
        }
        return Claim.decide("d." + m.label().toLowerCase(Locale.ROOT),
                "The test error of " + m.label() + " decreases with the number of heads H (finite-head excess-risk "
                        + "bound).",
                "largest over the 4 invariant targets of the least-squares slope of log(median error over repeats) on "
                        + "log H (H = " + hs[0] + ".." + last(hs) + ", n = " + c.samplesForHeads() + ")",
                VerdictRule.Kind.BELOW, 0.0, DIRECTIONAL, maxSlope, iv.lower(), iv.upper(), Sample.repeats(repeats),
                String.format(Locale.ROOT, "largest slope %.3f [%.3f, %.3f] (paired bootstrap over repeats); median "
                        + "error at H = %d -> %d: %s", maxSlope, iv.lower(), iv.upper(), hs[0], last(hs), detail));
    }

    /** Largest over targets of the log-log slope of the medians; {@code pick} resamples repeats (null: all). */
    private static double maxSlope(double[] x, double[][][] e, int[] pick) {
        double max = Double.NEGATIVE_INFINITY;
        for (double[][] target : e) {
            double[] med = medians(target, pick);
            if (!positive(med)) {
                return Double.NaN;
            }
            max = Math.max(max, Stats.logLogFit(x, med).slope());
        }
        return max;
    }

    private static double[] medians(double[][] byH, int[] pick) {
        double[] med = new double[byH.length];
        for (int k = 0; k < byH.length; k++) {
            double[] v = byH[k];
            if (pick != null) {
                double[] r = new double[pick.length];
                for (int i = 0; i < pick.length; i++) {
                    r[i] = v[pick[i]];
                }
                v = r;
            }
            med[k] = median(v);
        }
        return med;
    }

    private static String describe(Target t) {
        return switch (t) {
            case LINEAR -> "(1/N) sum_i u_i";
            case QUADRATIC -> "(1/N) sum_i u_i^2";
            case CUBIC -> "(1/N) sum_i u_i^3";
            case COSINE -> "(1/N) sum_i cos(2 u_i)";
            case FIRST_KEY -> "u_1";
        };
    }

    /** Errors of B (the one claimed better) against A, paired by repeat. */
    private static Comparison compare(Fu2023Results r, String sweep, Method a, Method b, Target t, int size, long seed,
                                      int index) {
        double[] ea = r.errors(sweep, a, t, size);
        double[] eb = r.errors(sweep, b, t, size);
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < ea.length; i++) {
            if (Double.isFinite(ea[i]) && Double.isFinite(eb[i])) {
                pairs.add(new double[] {ea[i], eb[i]});
            }
        }
        int k = pairs.size();
        if (k < 2) {
            throw Checks.fail("paired repeats with finite errors for " + t.label() + " at n = " + size, ">= 2", k);
        }
        double[] pa = new double[k];
        double[] pb = new double[k];
        int wins = 0;
        for (int i = 0; i < k; i++) {
            pa[i] = pairs.get(i)[0];
            pb[i] = pairs.get(i)[1];
            if (pb[i] < pa[i]) {
                wins++;
            }
        }
        double ma = Stats.median(pa);
        double mb = Stats.median(pb);
        long bootSeed = RandomStreams.derive(seed, RandomStreams.Purpose.BOOTSTRAP, index);
        Stats.Interval iv = Stats.bootstrap(bootSeed, REPLICATES, 0.95, rng -> {
            double[] ra = new double[k];
            double[] rb = new double[k];
            for (int i = 0; i < k; i++) {
                int j = rng.nextInt(k);
                ra[i] = pa[j];
                rb[i] = pb[j];
            }
            return Stats.median(ra) / Stats.median(rb);
        });
        // the same replicates (same streams, same draws) for B's median alone
        Stats.Interval ivB = Stats.bootstrap(bootSeed, REPLICATES, 0.95, rng -> {
            double[] rb = new double[k];
            for (int i = 0; i < k; i++) {
                rb[i] = pb[rng.nextInt(k)];
            }
            return Stats.median(rb);
        });
        return new Comparison(ma, mb, ma / mb, iv.lower(), iv.upper(), ivB.lower(), ivB.upper(), wins, k);
    }

    private record Comparison(double medianA, double medianB, double ratio, double lower, double upper,
                              double lowerB, double upperB, int wins, int repeats) {

        String detail(String nameA, String nameB) {
            String s = String.format(Locale.ROOT, "median error %s %.4f vs %s %.4f, ratio %.3f (95%% CI %.3f..%.3f), "
                    + "%s lower in %d of %d repeats", nameA, medianA, nameB, medianB, ratio, lower, upper, nameB,
                    wins, repeats);
            if (medianA >= TRIVIAL && medianB >= TRIVIAL) {
                s += "; neither model learns this target at this size (both errors >= " + TRIVIAL
                        + ", near the best constant's 1)";
            }
            return s;
        }
    }

    static double median(double[] v) {
        double[] f = Fu2023Results.finite(v);
        return f.length == 0 ? Double.NaN : Stats.median(f);
    }

    private static boolean positive(double[] v) {
        for (double x : v) {
            if (!(x > 0 && Double.isFinite(x))) {
                return false;
            }
        }
        return true;
    }

    private static int last(int[] v) {
        return v[v.length - 1];
    }
}
