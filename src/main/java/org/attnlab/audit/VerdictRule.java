package org.attnlab.audit;

import java.util.Locale;
import org.attnlab.internal.Checks;

/**
 * The one verdict rule of every numeric claim of every audit (spec/verdicts.md).
 *
 * <p>A claim names a target for a quantity q, and we have a 95% interval [lo, hi] for q:
 * <ul>
 *   <li>{@link Kind#WITHIN} (a value claim, reference r, pre-registered margin delta): the target is the closed
 *       band T = [r - delta, r + delta]. REPRODUCED iff [lo, hi] is a subset of T (touching an edge from inside
 *       counts as inside); NOT_REPRODUCED iff [lo, hi] and T are disjoint (hi &lt; r - delta or lo &gt; r + delta);
 *       otherwise INCONCLUSIVE.</li>
 *   <li>{@link Kind#BELOW} / {@link Kind#ABOVE} (a directional claim: q &lt; r, resp. q &gt; r, usually r = 0
 *       for a difference or r = 1 for a ratio): REPRODUCED iff the whole interval lies strictly on the claimed
 *       side of r; NOT_REPRODUCED iff it lies strictly on the other side; INCONCLUSIVE iff lo &lt;= r &lt;= hi.</li>
 *   <li>{@link Kind#AT_LEAST} / {@link Kind#AT_MOST} (a one-sided bound, q &gt;= r or q &lt;= r, with margin delta):
 *       the target is the closed half-line T = [r - delta, inf), resp. (-inf, r + delta]; REPRODUCED iff
 *       [lo, hi] is a subset of T, NOT_REPRODUCED iff they are disjoint, otherwise INCONCLUSIVE.</li>
 * </ul>
 * An INCONCLUSIVE verdict comes with one line of advice: the half-width h = (hi - lo)/2 shrinks like
 * 1/sqrt(n) in the number n of independent replicates, so the interval would clear the nearest decisive edge e
 * (an edge of T, or r) when h sqrt(n / n') &lt; |c - e|, c = (lo + hi)/2: about
 * n' = ceil(n (h / |c - e|)^2) replicates, if c stays where it is.
 *
 * <p>Bad input (NaN bounds, lo &gt; hi, a NaN reference) is rejected, never decided.
 */
public final class VerdictRule {

    /** The kind of claim: a value within a margin of a reference, or a direction relative to a reference. */
    public enum Kind {
        /** q lies in [reference - margin, reference + margin]. */
        WITHIN,
        /** q &lt; reference (directional). */
        BELOW,
        /** q &gt; reference (directional). */
        ABOVE,
        /** q &gt;= reference - margin (a one-sided bound, e.g. a lemma's inequality). */
        AT_LEAST,
        /** q &lt;= reference + margin (a one-sided bound). */
        AT_MOST
    }

    /** The rule in one paragraph, for spec/verdicts.md and every report. */
    public static final String TEXT = "One rule for every numeric claim. A value claim (reference r, margin delta "
            + "fixed in code before any run) is REPRODUCED iff our whole 95% interval lies inside [r - delta, "
            + "r + delta], NOT_REPRODUCED iff it lies entirely outside, and INCONCLUSIVE otherwise. A directional "
            + "claim (q < r or q > r, e.g. a difference below 0) is REPRODUCED iff the whole interval lies on the "
            + "claimed side of r, NOT_REPRODUCED iff it lies entirely on the other side, and INCONCLUSIVE iff it "
            + "contains r. A one-sided bound (q >= r or q <= r, margin delta) is decided the same way against the "
            + "half-line [r - delta, inf) or (-inf, r + delta]. An INCONCLUSIVE verdict says how many more replicates (seeds, repeats) would decide it, "
            + "assuming the half-width shrinks like 1/sqrt(n) around the same centre. A quick run is judged by the "
            + "same rule: its wider intervals simply decide less often.";

    private VerdictRule() {
    }

    /** A decision: the verdict, the rule applied (with its numbers) and, when INCONCLUSIVE, the advice. */
    public record Decision(Verdict verdict, String rule, String advice) {
    }

    /**
     * Decides a claim.
     *
     * @param kind the kind of claim
     * @param reference r: the theory's or the paper's value, or the threshold of a directional claim; finite
     * @param margin delta (must be 0 for a directional claim)
     * @param lower lo, not NaN
     * @param upper hi, not NaN and &gt;= lo
     * @param sample what the interval was estimated from (for the advice)
     * @throws IllegalArgumentException if an argument is null, {@code reference} is not finite, a bound is NaN,
     *     {@code lower > upper}, or a directional claim has a non-zero margin
     */
    public static Decision decide(Kind kind, double reference, Margin margin, double lower, double upper,
                                  Sample sample) {
        Checks.notNull("kind", kind);
        Checks.finite("reference", reference);
        Checks.notNull("margin", margin);
        Checks.notNull("sample", sample);
        if (Double.isNaN(lower)) {
            throw Checks.fail("lower", "not NaN", lower);
        }
        if (Double.isNaN(upper)) {
            throw Checks.fail("upper", "not NaN", upper);
        }
        if (!(lower <= upper)) {
            throw Checks.fail("upper", ">= lower = " + lower, upper);
        }
        if ((kind == Kind.BELOW || kind == Kind.ABOVE) && margin.delta() != 0) {
            throw Checks.fail("margin of a directional claim", "0", margin.delta());
        }
        double d = margin.delta();
        Verdict v;
        String rule;
        double[] edges;
        switch (kind) {
            case WITHIN -> {
                double a = reference - d;
                double b = reference + d;
                v = a <= lower && upper <= b ? Verdict.REPRODUCED
                        : upper < a || lower > b ? Verdict.NOT_REPRODUCED : Verdict.INCONCLUSIVE;
                rule = String.format(Locale.ROOT, "REPRODUCED iff our whole 95%% interval lies inside [r - delta, "
                        + "r + delta] = [%s, %s] (r = %s, delta = %s); NOT_REPRODUCED iff it lies entirely outside; "
                        + "else INCONCLUSIVE", num(a), num(b), num(reference), num(d));
                edges = new double[] {a, b};
            }
            case AT_LEAST -> {
                double a = reference - d;
                v = lower >= a ? Verdict.REPRODUCED : upper < a ? Verdict.NOT_REPRODUCED : Verdict.INCONCLUSIVE;
                rule = String.format(Locale.ROOT, "one-sided (claim: q >= r, r = %s, delta = %s): REPRODUCED iff our "
                        + "whole 95%% interval lies in [r - delta, inf) = [%s, inf); NOT_REPRODUCED iff it lies entirely "
                        + "below %s; else INCONCLUSIVE", num(reference), num(d), num(a), num(a));
                edges = new double[] {a};
            }
            case AT_MOST -> {
                double b = reference + d;
                v = upper <= b ? Verdict.REPRODUCED : lower > b ? Verdict.NOT_REPRODUCED : Verdict.INCONCLUSIVE;
                rule = String.format(Locale.ROOT, "one-sided (claim: q <= r, r = %s, delta = %s): REPRODUCED iff our "
                        + "whole 95%% interval lies in (-inf, r + delta] = (-inf, %s]; NOT_REPRODUCED iff it lies "
                        + "entirely above %s; else INCONCLUSIVE", num(reference), num(d), num(b), num(b));
                edges = new double[] {b};
            }
            case BELOW -> {
                v = upper < reference ? Verdict.REPRODUCED
                        : lower > reference ? Verdict.NOT_REPRODUCED : Verdict.INCONCLUSIVE;
                rule = String.format(Locale.ROOT, "directional (claim: q < %s): REPRODUCED iff our whole 95%% interval "
                        + "lies below %s; NOT_REPRODUCED iff it lies entirely above; INCONCLUSIVE iff it contains %s",
                        num(reference), num(reference), num(reference));
                edges = new double[] {reference};
            }
            default -> {
                v = lower > reference ? Verdict.REPRODUCED
                        : upper < reference ? Verdict.NOT_REPRODUCED : Verdict.INCONCLUSIVE;
                rule = String.format(Locale.ROOT, "directional (claim: q > %s): REPRODUCED iff our whole 95%% interval "
                        + "lies above %s; NOT_REPRODUCED iff it lies entirely below; INCONCLUSIVE iff it contains %s",
                        num(reference), num(reference), num(reference));
                edges = new double[] {reference};
            }
        }
        String advice = v == Verdict.INCONCLUSIVE ? advice(lower, upper, edges, sample) : "";
        return new Decision(v, rule, advice);
    }

    /**
     * The advice of an INCONCLUSIVE verdict: how many replicates would make the interval clear the nearest
     * decisive edge, if its centre stayed where it is and its half-width shrank like 1/sqrt(n).
     */
    static String advice(double lower, double upper, double[] edges, Sample sample) {
        double c = 0.5 * lower + 0.5 * upper;
        double h = 0.5 * upper - 0.5 * lower;
        double dist = Double.POSITIVE_INFINITY;
        double edge = Double.NaN;
        for (double e : edges) {
            if (Math.abs(c - e) < dist) {
                dist = Math.abs(c - e);
                edge = e;
            }
        }
        if (sample.count() == 0) {
            return String.format(Locale.ROOT, "an exact quantity on the edge %s: no sampling can decide it", num(edge));
        }
        if (!sample.shrinks()) {
            return String.format(Locale.ROOT, "the interval is the range over all %d %s, which more %s do not "
                    + "narrow: only a longer run (or a different setting) can move it clear of the edge %s",
                    sample.count(), sample.noun(), sample.noun(), num(edge));
        }
        if (!(dist > 0) || !Double.isFinite(h)) {
            return String.format(Locale.ROOT, "the interval is centred on the edge %s: no number of %s can be "
                    + "predicted to decide it", num(edge), sample.noun());
        }
        double ratio = h / dist;
        double needed = Math.ceil(sample.count() * ratio * ratio);
        long n = needed > 1e12 ? Long.MAX_VALUE : Math.max(sample.count() + 1L, (long) needed);
        return String.format(Locale.ROOT, "to decide: about %s %s (now %d) would bring the half-width %s below the "
                + "distance %s from the centre %s to the edge %s, if the centre stays", n == Long.MAX_VALUE
                ? "> 1e12" : Long.toString(n), sample.noun(), sample.count(), num(h), num(dist), num(c), num(edge));
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
