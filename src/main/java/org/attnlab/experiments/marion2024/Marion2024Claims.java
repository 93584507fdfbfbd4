package org.attnlab.experiments.marion2024;

import org.attnlab.audit.Claim;
import org.attnlab.audit.Margin;
import org.attnlab.audit.Row;
import org.attnlab.audit.Sample;
import org.attnlab.audit.VerdictRule;
import org.attnlab.report.Stats;

/**
 * The claims of arXiv 2410.01537 this audit checks: their pre-registered margins and the statistics they are
 * decided on (the claims themselves are assembled in {@link Marion2024Report} from the same numbers the tables
 * and figures show), all decided by the one {@link VerdictRule}.
 */
final class Marion2024Claims {

    private Marion2024Claims() {
    }

    /** Margin of the Monte Carlo checks of closed forms, on the relative difference. */
    static final Margin MONTE_CARLO = Margin.of(0.05, "the closed forms are exact; a wrong term or factor in them "
            + "(a missing L - 1, a sqrt 2) changes the risk by far more than 5%, while 5% leaves room for the 95% "
            + "Monte Carlo interval of 20 000 sequences (about +-2%)");
    /** Margin of the invariance of M: rounding level of the distance to M. */
    static final Margin ROUNDING = Margin.of(1e-12, "the invariance is exact in real arithmetic; 1e-12 is the "
            + "rounding level of double-precision iterates of norm about 1 after 10^5 steps");
    /** Margin of "converges to the optimum" on min(|kappa|, |nu|) against 1. */
    static final Margin ALIGNMENT_MARGIN = Margin.of(0.01, "alignment 0.99 (cosine with the optimum) is within "
            + "1% of the optimum's excess risk scale in the paper's figures, where the curves reach 1");
    /** Directional claims decide on the side of the whole interval. */
    static final Margin DIRECTIONAL = Margin.of(0.0, "directional claim (\"smaller risk than\", \"approaches\"): "
            + "decided on the side of the whole interval, no size is claimed");
    /** Alignment counted as "aligned" in the report's tables. */
    static final double ALIGNMENT = 0.99;

    /** Bootstrap replicates of the marion2024 intervals. */
    static final int BOOTSTRAP = 2000;

    /** A Monte Carlo check of a closed form: relative difference with its 95% normal interval. */
    static Claim monteCarloClaim(String id, String statement, String quantity, Row r, int samples,
                                         String detail) {
        double closed = r.doubleValue("closed");
        double rel = (r.doubleValue("mc") - closed) / closed;
        double half = 1.96 * r.doubleValue("se") / Math.abs(closed);
        return Claim.decide(id, statement, quantity, VerdictRule.Kind.WITHIN, 0.0, MONTE_CARLO,
                rel, rel - half, rel + half, new Sample(samples, "Monte Carlo sequences", true), detail);
    }

    /** The 95% bootstrap interval of the median of {@code v} (resampling its entries). */
    static double[] medianInterval(double[] v, long seed) {
        Stats.Interval iv = Stats.bootstrap(seed, BOOTSTRAP, 0.95, rng -> {
            double[] r = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                r[i] = v[rng.nextInt(v.length)];
            }
            return Stats.median(r);
        });
        return new double[] {iv.lower(), iv.upper()};
    }

    /** Log-log slope of the medians over repeats ({@code pick}: resampled repeat indices, or null for all). */
    static double logSlope(double[] x, double[][] perRepeat, int[] pick) {
        double[] med = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            int n = pick == null ? perRepeat.length : pick.length;
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = perRepeat[pick == null ? i : pick[i]][j];
            }
            med[j] = Stats.median(v);
            if (!(med[j] > 0)) {
                return Double.NaN;
            }
        }
        return Stats.logLogFit(x, med).slope();
    }
}
