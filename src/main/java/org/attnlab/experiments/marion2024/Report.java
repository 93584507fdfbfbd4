package org.attnlab.experiments.marion2024;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attnlab.audit.AuditOptions;
import org.attnlab.audit.Claim;
import org.attnlab.audit.MarkdownReport;
import org.attnlab.audit.Row;
import org.attnlab.audit.Sample;
import org.attnlab.audit.Seeds;
import org.attnlab.audit.VerdictRule;
import org.attnlab.report.CsvTable;
import org.attnlab.report.Plot;
import org.attnlab.report.Stats;
import org.attnlab.slr.SlrProblem;
import org.attnlab.slr.Trajectory;

/** Writes the marion2024 outputs (CSV, figures, claims, report.md) from the checkpointed rows. */
final class Report {

    private static final int PANEL_W = 480;
    private static final int PANEL_H = 420;
    private static final int MAX_MARKERS = 40;

    private Report() {
    }

    static void write(Path out, AuditOptions options, List<RunConfig> configs, RunConfig longConfig,
                      Marion2024Audit.Results results, Map<String, Row> byKey, int[] sweepDims, int sweepRepeats,
                      double[][] mcPoints, int mcSamples, List<Claim> claims, MarkdownReport md) {
        boolean quick = options.quick();
        md.paragraph("Command: `attnlab reproduce marion2024" + (quick ? " --quick" : "") + " --seed "
                + options.seed() + "`. " + (quick ? "Quick mode (steps / 10, 3 repeats): the same verdict rule, wider "
                + "intervals." : "Full run."))
                .paragraph("PGD runs on the closed-form population risk in the exact 4-dimensional reduction "
                        + "(span of k*, v*, k0, v0; see spec/slr.md); SGD runs in R^d on sampled batches. Excess "
                        + "risk = R - eps^2 with the current lambda_t. Bands are the 2.5% and 97.5% quantiles over "
                        + "repeats, lines the medians.");

        // ---- checks of the closed forms ----
        SlrProblem paper = Marion2024Audit.paperProblem();
        List<List<String>> mcRows = new ArrayList<>();
        List<Row> checkRows = new ArrayList<>();
        double worstZ = 0;
        for (int i = 0; i < mcPoints.length; i++) {
            Row r = byKey.get(new Marion2024Audit.Unit("mc", "closed-form", i, 0).key());
            double z = (r.doubleValue("closed") - r.doubleValue("mc")) / r.doubleValue("se");
            worstZ = Math.max(worstZ, Math.abs(z));
            mcRows.add(List.of("erf predictor, lambda=" + mcPoints[i][0] + ", pull=" + mcPoints[i][1],
                    fmt(r.doubleValue("closed")), fmt(r.doubleValue("mc")), fmt(r.doubleValue("se")), fmt2(z)));
            checkRows.add(Row.builder().put("check", "erf lambda=" + mcPoints[i][0] + " pull=" + mcPoints[i][1])
                    .put("closed_form", r.doubleValue("closed")).put("monte_carlo", r.doubleValue("mc"))
                    .put("standard_error", r.doubleValue("se")).put("z", z).build());
        }
        Row lin = byKey.get(new Marion2024Audit.Unit("linear", "linear", 0, 0).key());
        double linZ = (lin.doubleValue("closed") - lin.doubleValue("mc")) / lin.doubleValue("se");
        mcRows.add(List.of("best linear predictor", fmt(lin.doubleValue("closed")), fmt(lin.doubleValue("mc")),
                fmt(lin.doubleValue("se")), fmt2(linZ)));
        checkRows.add(Row.builder().put("check", "best linear").put("closed_form", lin.doubleValue("closed"))
                .put("monte_carlo", lin.doubleValue("mc")).put("standard_error", lin.doubleValue("se"))
                .put("z", linZ).build());
        CsvTable.write(out.resolve("checks.csv"), List.of("check", "closed_form", "monte_carlo", "standard_error", "z"),
                checkRows);
        int worst = 0;
        for (int i = 0; i < mcPoints.length; i++) {
            Row r = byKey.get(new Marion2024Audit.Unit("mc", "closed-form", i, 0).key());
            Row w = byKey.get(new Marion2024Audit.Unit("mc", "closed-form", worst, 0).key());
            if (Math.abs((r.doubleValue("closed") - r.doubleValue("mc")) / r.doubleValue("se"))
                    > Math.abs((w.doubleValue("closed") - w.doubleValue("mc")) / w.doubleValue("se"))) {
                worst = i;
            }
        }
        Row w = byKey.get(new Marion2024Audit.Unit("mc", "closed-form", worst, 0).key());
        claims.add(monteCarloClaim("closed-form.monte-carlo",
                "The closed-form population risk R(k, v) of the erf predictor equals E(y - T(X))^2",
                "relative difference (Monte Carlo - closed form) / closed form of the risk, at the (lambda, pull) of "
                        + "the " + mcPoints.length + " checked where |z| is largest", w, mcSamples,
                String.format(Locale.ROOT, "largest |z| = %.2f over %d (lambda, pull) at d=400, L=10, at lambda=%s "
                        + "pull=%s", worstZ, mcPoints.length, mcPoints[worst][0], mcPoints[worst][1])));
        claims.add(monteCarloClaim("linear-risk.monte-carlo",
                "The best linear regressor has risk eps^2 + gamma^2 - gamma^4/(gamma^2 + L - 1)",
                "relative difference (Monte Carlo - formula) / formula of the best linear regressor's risk", lin,
                mcSamples, String.format(Locale.ROOT, "formula %.5f, Monte Carlo %.5f +- %.5f (z = %.2f)",
                        paper.linearRisk(), lin.doubleValue("mc"), lin.doubleValue("se"), linZ)));

        // ---- trajectories: CSV, summaries, figures ----
        List<Row> trajRows = new ArrayList<>();
        List<Row> summaryRows = new ArrayList<>();
        List<List<String>> obsRows = new ArrayList<>();
        for (RunConfig c : configs) {
            List<Trajectory> runs = results.runs().get(c.id());
            SlrProblem p = c.problem();
            double eps2 = p.bayesRisk();
            for (int r = 0; r < runs.size(); r++) {
                Trajectory t = runs.get(r);
                for (int i = 0; i < t.size(); i++) {
                    trajRows.add(Row.builder().put("config", c.id()).put("repeat", r).put("step", t.steps()[i])
                            .put("lambda", t.lambda()[i]).put("excess_risk", t.risk()[i] - eps2)
                            .put("test_excess_risk", t.testRisk() == null ? Double.NaN : t.testRisk()[i] - eps2)
                            .put("kappa", t.kappa()[i]).put("nu", t.nu()[i]).put("theta", t.theta()[i])
                            .put("eta", t.eta()[i]).put("rho", t.rho()[i])
                            .put("distance", t.distanceToManifold(i)).build());
                }
            }
            Trajectory t0 = runs.get(0);
            int n = t0.size();
            double[] steps = new double[n];
            double[][] excess = new double[runs.size()][n];
            double[][] test = c.sgd() ? new double[runs.size()][n] : null;
            double[][] kap = new double[runs.size()][n];
            double[][] nu = new double[runs.size()][n];
            double[][] dist = new double[runs.size()][n];
            for (int i = 0; i < n; i++) {
                steps[i] = t0.steps()[i];
            }
            for (int r = 0; r < runs.size(); r++) {
                Trajectory t = runs.get(r);
                for (int i = 0; i < n; i++) {
                    excess[r][i] = t.risk()[i] - eps2;
                    if (test != null) {
                        test[r][i] = t.testRisk()[i] - eps2;
                    }
                    kap[r][i] = Math.abs(t.kappa()[i]);
                    nu[r][i] = Math.abs(t.nu()[i]);
                    dist[r][i] = t.distanceToManifold(i);
                }
            }
            double[] optimum = new double[n];
            double[] linear = new double[n];
            for (int i = 0; i < n; i++) {
                optimum[i] = Marion2024Audit.optimumExcess(p, t0.lambda()[i]);
                linear[i] = p.linearRisk() - eps2;
                double[] ex = column(excess, i);
                double[] tk = column(kap, i);
                double[] tn = column(nu, i);
                double[] td = column(dist, i);
                summaryRows.add(Row.builder().put("config", c.id()).put("step", t0.steps()[i])
                        .put("lambda", t0.lambda()[i])
                        .put("excess_q025", q(ex, 0.025)).put("excess_median", q(ex, 0.5))
                        .put("excess_q975", q(ex, 0.975))
                        .put("test_excess_median", test == null ? Double.NaN : q(column(test, i), 0.5))
                        .put("abs_kappa_median", q(tk, 0.5)).put("abs_nu_median", q(tn, 0.5))
                        .put("distance_q025", q(td, 0.025)).put("distance_median", q(td, 0.5))
                        .put("distance_q975", q(td, 0.975)).put("optimum_excess", optimum[i]).build());
            }
            writeFigure(out, c, steps, excess, test, kap, nu, dist, optimum, linear, runs);
            md.heading(2, c.title() + " (`" + c.id() + "`)").paragraph(c.describe())
                    .image(c.id(), "fig-" + c.id() + ".png");
            int last = n - 1;
            double[] fe = column(excess, last);
            double[] fk = column(kap, last);
            double[] fn = column(nu, last);
            int aligned = 0;
            int valueAligned = 0;
            for (int r = 0; r < runs.size(); r++) {
                if (Math.min(fk[r], fn[r]) >= Marion2024Audit.ALIGNMENT) {
                    aligned++;
                }
                if (fn[r] >= Marion2024Audit.ALIGNMENT) {
                    valueAligned++;
                }
            }
            obsRows.add(List.of(c.id(), Integer.toString(t0.steps()[last]), band(fe),
                    test == null ? "-" : fmt(q(column(test, last), 0.5)), band(fk), band(fn),
                    sci(q(column(dist, last), 0.5)), valueAligned + "/" + runs.size(), aligned + "/" + runs.size(),
                    fmt(optimum[last])));
            // erf beats linear
            double linEx = p.linearRisk() - eps2;
            double[] medCi = medianInterval(fe, Seeds.forKey(options.seed(), "bootstrap/erf-beats-linear/" + c.id()));
            claims.add(Claim.decide("erf-beats-linear." + c.id(),
                    "The trained erf predictor has a smaller risk than the best linear regressor",
                    "median over repeats of the final excess risk R - eps^2 (95% bootstrap over repeats), against "
                            + "the best linear regressor's excess gamma^2 - gamma^4/(gamma^2+L-1)",
                    VerdictRule.Kind.BELOW, linEx, Marion2024Audit.DIRECTIONAL, q(fe, 0.5), medCi[0], medCi[1],
                    Sample.repeats(fe.length),
                    String.format(Locale.ROOT, "final excess risk median %.4f (repeats range [%.4f, %.4f] at 2.5%%/"
                                    + "97.5%%) vs linear %.4f; excess at (k*, v*) with the final lambda = %.4f",
                            q(fe, 0.5), q(fe, 0.025), q(fe, 0.975), linEx, optimum[last])));
        }
        md.heading(2, "Final values per configuration (median [2.5%, 97.5%] over repeats)")
                .table(List.of("config", "steps", "excess risk", "test excess (SGD)", "|kappa|", "|nu|",
                        "distance to M (median)", "repeats with |nu| >= 0.99", "repeats with min(|kappa|,|nu|) >= 0.99",
                        "excess at (k*, v*)"), obsRows);
        CsvTable.write(out.resolve("trajectories.csv"), List.of("config", "repeat", "step", "lambda", "excess_risk",
                "test_excess_risk", "kappa", "nu", "theta", "eta", "rho", "distance"), trajRows);
        CsvTable.write(out.resolve("summary.csv"), List.of("config", "step", "lambda", "excess_q025",
                "excess_median", "excess_q975", "test_excess_median", "abs_kappa_median", "abs_nu_median",
                "distance_q025", "distance_median", "distance_q975", "optimum_excess"), summaryRows);

        // ---- convergence and invariance from M ----
        RunConfig manifold = configs.get(0);
        List<Trajectory> shortRuns = results.runs().get(manifold.id());
        List<Trajectory> longRuns = results.longRuns();
        double minAlignLong = Double.POSITIVE_INFINITY;
        double minAlignShort = Double.POSITIVE_INFINITY;
        double[] kShort = new double[shortRuns.size()];
        double maxDist = 0;
        for (int r = 0; r < shortRuns.size(); r++) {
            Trajectory s = shortRuns.get(r);
            Trajectory l = longRuns.get(r);
            minAlignShort = Math.min(minAlignShort, Math.min(Math.abs(s.kappa()[s.last()]), Math.abs(s.nu()[s.last()])));
            minAlignLong = Math.min(minAlignLong, Math.min(Math.abs(l.kappa()[l.last()]), Math.abs(l.nu()[l.last()])));
            kShort[r] = Math.abs(s.kappa()[s.last()]);
            for (int i = 0; i < s.size(); i++) {
                maxDist = Math.max(maxDist, s.distanceToManifold(i));
            }
            for (int i = 0; i < l.size(); i++) {
                maxDist = Math.max(maxDist, l.distanceToManifold(i));
            }
        }
        int longSteps = longConfig.settings().steps();
        double maxAlignLong = 0;
        for (Trajectory l : longRuns) {
            maxAlignLong = Math.max(maxAlignLong, Math.min(Math.abs(l.kappa()[l.last()]), Math.abs(l.nu()[l.last()])));
        }
        claims.add(Claim.decide("pgd-manifold.converges",
                "PGD initialised on the manifold M converges to the optimum (|kappa|, |nu| -> 1)",
                "min(|kappa|, |nu|) at the end of each repeat, after " + longSteps + " steps ("
                        + Marion2024Audit.LONG_FACTOR + "x the paper's horizon, because |kappa| approaches 1 slowly: "
                        + "the risk is flat in kappa once erf saturates); interval: range over every repeat",
                VerdictRule.Kind.AT_LEAST, 1.0, Marion2024Audit.ALIGNMENT_MARGIN, minAlignLong, minAlignLong,
                maxAlignLong, Sample.everyRepeat(longRuns.size()),
                String.format(Locale.ROOT, "min over %d repeats of min(|kappa|,|nu|): %.5f after %d steps; at the "
                                + "paper's horizon (%d steps) %.5f, median |kappa| %.5f", longRuns.size(),
                        minAlignLong, longSteps, manifold.settings().steps(), minAlignShort, q(kShort, 0.5))));
        claims.add(Claim.decide("pgd-manifold.invariant",
                "The manifold M = {<k,v*> = <v,k*> = <k,v> = 0} is invariant under PGD",
                "largest distance to M over every logged step of every repeat started on M (deterministic: PGD on "
                        + "the closed-form risk)", VerdictRule.Kind.AT_MOST, 0.0, Marion2024Audit.ROUNDING, maxDist,
                maxDist, maxDist, Sample.exact(),
                String.format(Locale.ROOT, "largest distance to M: %.3e over %d repeats x (%d and %d steps)",
                        maxDist, shortRuns.size(), manifold.settings().steps(), longSteps)));

        // ---- dimension sweep ----
        List<Row> sweepRows = new ArrayList<>();
        double[] dx = new double[sweepDims.length];
        double[][] perRepeat = new double[sweepRepeats][sweepDims.length];
        double[] optimum = new double[sweepDims.length];
        double[] linear = new double[sweepDims.length];
        double[] med = new double[sweepDims.length];
        List<List<String>> sweepTable = new ArrayList<>();
        for (int j = 0; j < sweepDims.length; j++) {
            dx[j] = sweepDims[j];
            double[] ex = new double[sweepRepeats];
            double[] kk = new double[sweepRepeats];
            for (int r = 0; r < sweepRepeats; r++) {
                Row row = byKey.get(new Marion2024Audit.Unit("sweep", "dsweep", sweepDims[j], r).key());
                ex[r] = row.doubleValue("excess");
                kk[r] = row.doubleValue("kappa");
                perRepeat[r][j] = ex[r];
                optimum[j] = row.doubleValue("optimum");
                sweepRows.add(Row.builder().put("d", sweepDims[j]).put("repeat", r)
                        .put("lambda", Experiments.sweepLambda(sweepDims[j])).put("excess_risk", ex[r])
                        .put("abs_kappa", kk[r]).put("abs_nu", row.doubleValue("nu"))
                        .put("optimum_excess", optimum[j]).build());
            }
            linear[j] = paper.linearRisk() - paper.bayesRisk();
            med[j] = q(ex, 0.5);
            sweepTable.add(List.of(Integer.toString(sweepDims[j]), fmt(Experiments.sweepLambda(sweepDims[j])),
                    band(ex), fmt(q(kk, 0.5)), fmt(optimum[j])));
        }
        CsvTable.write(out.resolve("dsweep.csv"), List.of("d", "repeat", "lambda", "excess_risk", "abs_kappa",
                "abs_nu", "optimum_excess"), sweepRows);
        boolean decreasing = true;
        for (int j = 1; j < med.length; j++) {
            decreasing &= med[j] < med[j - 1];
        }
        List<Plot.Series> sweepSeries = new ArrayList<>(Marion2024Audit.bandAndMedian("PGD excess", dx,
                perRepeat, 0, 1e-300));
        sweepSeries.set(1, Plot.Series.line("PGD excess (median)", dx, med, 0));
        sweepSeries.add(Plot.Series.dashed("excess at (k*, v*)", dx, optimum, 2));
        sweepSeries.add(Plot.Series.dashed("best linear", dx, linear, -1));
        Plot.write(out.resolve("fig-dsweep"), 1, 1, List.of(new Plot.Panel(
                "Excess risk vs d (L=10, lambda=d^-1/4, PGD from M)", "d", "excess risk", true, true,
                sweepSeries)), 640, 480);
        double dSlope = logSlope(dx, perRepeat, null);
        int nRep = perRepeat.length;
        Stats.Interval dCi = Stats.bootstrap(Seeds.forKey(options.seed(), "bootstrap/dsweep"), BOOTSTRAP, 0.95,
                rng -> {
                    int[] pick = new int[nRep];
                    for (int i = 0; i < nRep; i++) {
                        pick[i] = rng.nextInt(nRep);
                    }
                    return logSlope(dx, perRepeat, pick);
                });
        claims.add(Claim.decide("dsweep.bayes",
                "The excess risk approaches the Bayes level (0) as d grows with L fixed (lambda sqrt(d) -> inf, "
                        + "lambda sqrt(L) -> 0)",
                "least-squares slope of log(median over repeats of the final excess risk) on log d over the sweep "
                        + "(95% paired bootstrap over repeats)", VerdictRule.Kind.BELOW, 0.0,
                Marion2024Audit.DIRECTIONAL, dSlope, dCi.lower(), dCi.upper(), Sample.repeats(nRep),
                String.format(Locale.ROOT, "median final excess %.4f at d=%d down to %.4f at d=%d (strictly "
                                + "decreasing: %s; log-log slope %.3f [%.3f, %.3f]); excess at (k*, v*): %.4f to %.4f",
                        med[0], sweepDims[0], med[med.length - 1], sweepDims[sweepDims.length - 1], decreasing,
                        dSlope, dCi.lower(), dCi.upper(), optimum[0], optimum[optimum.length - 1])));
        md.heading(2, "Dimension sweep").paragraph("PGD from M with lambda_d = d^(-1/4) (our choice: it satisfies "
                        + "the theorem's lambda sqrt(d) -> infinity and lambda sqrt(L) -> 0), L = 10, gamma = sqrt(0.5), "
                        + sweepRepeats + " repeats per d, step size alpha_d = min(4e-3, 1.6/d) (the paper's alpha up to d = "
                        + "400, then the paper's alpha d) and 20000 max(1, d/400) steps. The curvature of R across M "
                        + "grows like d, so a fixed alpha is unstable at large d: our first run with alpha = 4e-3 for "
                        + "every d left M and diverged at d >= 800 (median excess 233 at d = 1600), and alpha = 1.6/d "
                        + "for every d diverged at d = 25 (quick run). These were numerical artefacts of our sweep's "
                        + "step size, not properties of the paper's claim.")
                .table(List.of("d", "lambda", "final excess risk", "|kappa| (median)", "excess at (k*, v*)"),
                        sweepTable).image("d sweep", "fig-dsweep.png");
        md.heading(2, "Checks of the closed forms (d=400, L=10, gamma=sqrt(0.5), eps=0.1)")
                .table(List.of("quantity", "closed form", "Monte Carlo", "standard error", "z"), mcRows);
        md.heading(2, "Claims").claims(claims);
        md.heading(3, "How each claim is decided").verdictRules(claims);
    }

    /** Bootstrap replicates of the marion2024 intervals. */
    static final int BOOTSTRAP = 2000;

    /** A Monte Carlo check of a closed form: relative difference with its 95% normal interval. */
    private static Claim monteCarloClaim(String id, String statement, String quantity, Row r, int samples,
                                         String detail) {
        double closed = r.doubleValue("closed");
        double rel = (r.doubleValue("mc") - closed) / closed;
        double half = 1.96 * r.doubleValue("se") / Math.abs(closed);
        return Claim.decide(id, statement, quantity, VerdictRule.Kind.WITHIN, 0.0, Marion2024Audit.MONTE_CARLO,
                rel, rel - half, rel + half, new Sample(samples, "Monte Carlo sequences", true), detail);
    }

    /** The 95% bootstrap interval of the median of {@code v} (resampling its entries). */
    private static double[] medianInterval(double[] v, long seed) {
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
    private static double logSlope(double[] x, double[][] perRepeat, int[] pick) {
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

    private static void writeFigure(Path out, RunConfig c, double[] steps, double[][] excess, double[][] test,
                                    double[][] kap, double[][] nu, double[][] dist, double[] optimum,
                                    double[] linear, List<Trajectory> runs) {
        List<Plot.Series> a = new ArrayList<>(Marion2024Audit.bandAndMedian("excess", steps, excess, 0,
                Double.NEGATIVE_INFINITY));
        a.set(1, thinLine(c.sgd() ? "population (median)" : "excess (median)", steps, a.get(1).y(), 0));
        if (test != null) {
            double[] tm = new double[steps.length];
            for (int i = 0; i < steps.length; i++) {
                tm[i] = q(column(test, i), 0.5);
            }
            a.add(thinLine("test batch (median)", steps, tm, 1));
        }
        a.add(Plot.Series.dashed("at (k*, v*)", steps, optimum, 2));
        a.add(Plot.Series.dashed("best linear", steps, linear, -1));
        List<Plot.Series> b = new ArrayList<>();
        List<Plot.Series> kb = Marion2024Audit.bandAndMedian("|kappa|", steps, kap, 0, Double.NEGATIVE_INFINITY);
        List<Plot.Series> nb = Marion2024Audit.bandAndMedian("|nu|", steps, nu, 1, Double.NEGATIVE_INFINITY);
        b.add(kb.get(0));
        b.add(nb.get(0));
        b.add(thinLine("|kappa| (median)", steps, kb.get(1).y(), 0));
        b.add(thinLine("|nu| (median)", steps, nb.get(1).y(), 1));
        List<Plot.Series> cPanel = new ArrayList<>();
        int color = 0;
        for (int r : c.plotRuns()) {
            if (r < runs.size()) {
                Trajectory t = runs.get(r);
                cPanel.add(thinLine("run " + r, t.kappa(), t.nu(), color++));
            }
        }
        cPanel.add(Plot.Series.markers("optima (+-1, +-1)", new double[] {1, 1, -1, -1}, new double[] {1, -1, 1, -1},
                -1));
        List<Plot.Series> d = new ArrayList<>(Marion2024Audit.bandAndMedian("distance", steps, dist, 0,
                Marion2024Audit.DISTANCE_FLOOR));
        d.set(1, thinLine("distance (median)", steps, d.get(1).y(), 0));
        Plot.write(out.resolve("fig-" + c.id()), 1, 4, List.of(
                new Plot.Panel(c.id() + ": excess risk", "step", "excess risk", false, false, a),
                new Plot.Panel("alignment with k*, v*", "step", "|kappa|, |nu|", false, false, b),
                new Plot.Panel("(kappa, nu) trajectories", "kappa", "nu", false, false, cPanel),
                new Plot.Panel("distance to M (floor 1e-20)", "step", "sqrt(theta^2+eta^2+rho^2)", false, true, d)),
                PANEL_W, PANEL_H);
    }

    /** A line with markers on at most MAX_MARKERS points (the full series would draw a thick band of circles). */
    private static Plot.Series thinLine(String name, double[] x, double[] y, int color) {
        int n = x.length;
        int stride = Math.max(1, (n + MAX_MARKERS - 1) / MAX_MARKERS);
        int m = (n - 1) / stride + 1 + ((n - 1) % stride == 0 ? 0 : 1);
        double[] xs = new double[m];
        double[] ys = new double[m];
        int j = 0;
        for (int i = 0; i < n; i += stride) {
            xs[j] = x[i];
            ys[j++] = y[i];
        }
        if (j < m) {
            xs[j] = x[n - 1];
            ys[j] = y[n - 1];
        }
        return Plot.Series.line(name, xs, ys, color);
    }

    private static double[] column(double[][] a, int i) {
        double[] c = new double[a.length];
        for (int r = 0; r < a.length; r++) {
            c[r] = a[r][i];
        }
        return c;
    }

    private static double q(double[] v, double p) {
        return Marion2024Audit.quantile(v, p);
    }

    private static String band(double[] v) {
        return String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", q(v, 0.5), q(v, 0.025), q(v, 0.975));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.5f", v);
    }

    private static String fmt2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String sci(double v) {
        return String.format(Locale.ROOT, "%.2e", v);
    }
}
