package org.attnlab.experiments.marion2024;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attnlab.audit.Audit;
import org.attnlab.audit.AuditOptions;
import org.attnlab.audit.AuditOutcome;
import org.attnlab.audit.Claim;
import org.attnlab.audit.ClaimsJson;
import org.attnlab.audit.Margin;
import org.attnlab.audit.MarkdownReport;
import org.attnlab.audit.Row;
import org.attnlab.audit.RowFamily;
import org.attnlab.audit.Seeds;
import org.attnlab.audit.UnitEngine;
import org.attnlab.audit.UnitFamily;
import org.attnlab.io.AtomicFiles;
import org.attnlab.report.Plot;
import org.attnlab.report.Stats;
import org.attnlab.slr.DescentSettings;
import org.attnlab.slr.Overlaps;
import org.attnlab.slr.PopulationRisk;
import org.attnlab.slr.SlrProblem;
import org.attnlab.slr.Trajectory;

/**
 * {@code attnlab reproduce marion2024}: the experiments of Marion, Berthier, Biau, Boyer, "Attention layers
 * provably solve single-location regression" (arXiv 2410.01537), with the five configurations of the authors'
 * code, a dimension sweep, and Monte Carlo checks of the closed forms.
 *
 * <p>Outputs in the output directory: {@code report.md}, {@code claims.json}, {@code trajectories.csv} (one row
 * per configuration, repeat and logged step), {@code summary.csv} (median and 95% band per logged step),
 * {@code dsweep.csv}, {@code checks.csv}, one 4-panel figure {@code fig-<config>.png/.svg} per configuration and
 * {@code fig-dsweep.png/.svg}; {@code checkpoint-runs.jsonl}, {@code checkpoint-dsweep.jsonl},
 * {@code checkpoint-checks.jsonl} (one line per finished unit, to resume; one file per family of units) and
 * {@code timings.txt} (wall time, the only file that differs between runs).
 */
public final class Marion2024Audit implements Audit {

    /** The audit id. */
    public static final String ID = "marion2024";
    static final String PAPER = "Marion, Berthier, Biau, Boyer, Attention layers provably solve single-location "
            + "regression (arXiv 2410.01537)";
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
    /** Plot floor of the distance to M on the log axis. */
    static final double DISTANCE_FLOOR = 1e-20;
    /** Extended horizon (multiple of the paper's) for the convergence claim from M. */
    static final int LONG_FACTOR = 10;
    static final int[] SWEEP_DIMENSIONS = {25, 50, 100, 200, 400, 800, 1600, 3200};
    static final int[] SWEEP_DIMENSIONS_QUICK = {25, 100, 400};

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String paper() {
        return PAPER;
    }

    @Override
    public List<String> parts() {
        return List.of("all");
    }

    /** One unit of work. kind: run, long, sweep, mc, linear. */
    record Unit(String kind, String config, int index, int repeat) {
        String key() {
            return kind + "/" + config + "/" + index + "/r" + repeat;
        }
    }

    private record Plan(List<RunConfig> configs, RunConfig longConfig, int[] sweepDims, int sweepRepeats,
                        int sweepSteps, int mcSamples, double[][] mcPoints, List<Unit> runUnits,
                        List<Unit> sweepUnits, List<Unit> checkUnits) {
    }

    static Plan plan(boolean quick) {
        List<RunConfig> configs = RunConfig.paper(quick);
        RunConfig manifold = configs.get(0);
        DescentSettings ms = manifold.settings();
        RunConfig longConfig = new RunConfig("pgd-manifold-long", manifold.title() + ", 10x steps",
                manifold.problem(), manifold.initialisation(),
                new DescentSettings(ms.lambda0(), ms.decay(), ms.alpha(), ms.steps() * LONG_FACTOR,
                        ms.logEvery() * LONG_FACTOR), 0, 0, manifold.repeats(), List.of());
        int[] dims = quick ? SWEEP_DIMENSIONS_QUICK : SWEEP_DIMENSIONS;
        int sweepRepeats = quick ? 2 : 10;
        int sweepSteps = quick ? 2_000 : 20_000;
        // Monte Carlo points: (lambda, pull) at the paper's (d, L, gamma, eps) = (400, 10, sqrt(.5), .1)
        double[][] mc = {{0.1, 0.0}, {0.1, 1.0}, {1.0, 0.5}, {1.0, 3.0}, {0.3, 1.5}};
        int mcSamples = quick ? 2_000 : 20_000;
        List<Unit> units = new ArrayList<>();
        List<Unit> sweepUnits = new ArrayList<>();
        List<Unit> checkUnits = new ArrayList<>();
        // longest units first, so that the pool stays busy
        for (int pass = 0; pass < 2; pass++) {
            for (RunConfig c : configs) {
                if (c.sgd() == (pass == 0)) {
                    for (int r = 0; r < c.repeats(); r++) {
                        units.add(new Unit("run", c.id(), 0, r));
                    }
                }
            }
            if (pass == 0) {
                for (int r = 0; r < longConfig.repeats(); r++) {
                    units.add(new Unit("long", longConfig.id(), 0, r));
                }
            }
        }
        for (int d : dims) {
            for (int r = 0; r < sweepRepeats; r++) {
                sweepUnits.add(new Unit("sweep", "dsweep", d, r));
            }
        }
        for (int i = 0; i < mc.length; i++) {
            checkUnits.add(new Unit("mc", "closed-form", i, 0));
        }
        checkUnits.add(new Unit("linear", "linear", 0, 0));
        return new Plan(configs, longConfig, dims, sweepRepeats, sweepSteps, mcSamples, mc, units, sweepUnits,
                checkUnits);
    }

    /**
     * The fingerprints of the three checkpoint files: trajectories, d sweep, closed-form checks. Each names
     * everything that changes its units' results, so a change of the sweep does not invalidate the trajectories.
     */
    static String[] fingerprints(Plan p, long seed, boolean quick) {
        String head = "marion2024/2 seed=" + seed + " quick=" + quick;
        StringBuilder runs = new StringBuilder(head);
        for (RunConfig c : p.configs()) {
            runs.append(" | ").append(c.describe());
        }
        runs.append(" | ").append(p.longConfig().describe());
        String sweep = head + " | sweep d=" + java.util.Arrays.toString(p.sweepDims()) + " repeats="
                + p.sweepRepeats() + " baseSteps=" + p.sweepSteps() + " alpha=min(4e-3,1.6/d)"
                + " lambda=d^-1/4 L=10";
        String checks = head + " | mc n=" + p.mcSamples() + " points=" + java.util.Arrays.deepToString(p.mcPoints());
        return new String[] {runs.toString(), sweep, checks};
    }

    private static Row compute(Plan p, Unit u, long seed) {
        Row.Builder b = Row.builder().put("key", u.key());
        switch (u.kind()) {
            case "run" -> TrajectoryCodec.put(b, Experiments.run(find(p, u.config()), seed));
            case "long" -> TrajectoryCodec.put(b, Experiments.run(p.longConfig(), seed));
            case "sweep" -> {
                double[] r = Experiments.sweepPoint(u.index(), 10, p.sweepSteps(), seed);
                b.put("excess", r[0]).put("kappa", r[1]).put("nu", r[2]).put("optimum", r[3]);
            }
            case "mc" -> {
                double[] pt = p.mcPoints()[u.index()];
                double[] r = Experiments.monteCarloCheck(paperProblem(), pt[0], pt[1], p.mcSamples(), seed);
                b.put("closed", r[0]).put("mc", r[1]).put("se", r[2]);
            }
            case "linear" -> {
                double[] r = Experiments.linearCheck(paperProblem(), p.mcSamples(), seed);
                b.put("closed", r[0]).put("mc", r[1]).put("se", r[2]);
            }
            default -> throw new IllegalStateException("unknown unit kind " + u.kind());
        }
        return b.build();
    }

    static SlrProblem paperProblem() {
        return SlrProblem.of(400, 10, RunConfig.GAMMA, RunConfig.EPS);
    }

    private static RunConfig find(Plan p, String id) {
        for (RunConfig c : p.configs()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        throw new IllegalStateException("unknown configuration " + id);
    }

    @Override
    public AuditOutcome run(AuditOptions options, UnitEngine engine) throws IOException {
        Path out = options.out();
        Files.createDirectories(out);
        Plan plan = plan(options.quick());
        long start = System.nanoTime();
        Map<String, Row> byKey = new LinkedHashMap<>();
        int unitCount = 0;
        for (UnitFamily<Unit, Row> family : families(plan, options.seed(), options.quick())) {
            List<Unit> units = family.units();
            unitCount += units.size();
            List<Row> rows = engine.run(family);
            for (int i = 0; i < rows.size(); i++) {
                byKey.put(units.get(i).key(), rows.get(i));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Results results = Results.collect(plan.configs(), plan.longConfig(), byKey);
        List<Claim> claims = new ArrayList<>();
        MarkdownReport md = MarkdownReport.create().heading(1, "Audit: " + PAPER);
        Report.write(out, options, plan.configs(), plan.longConfig(), results, byKey, plan.sweepDims(),
                plan.sweepRepeats(), plan.mcPoints(), plan.mcSamples(), claims, md);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("seed", Long.toString(options.seed()));
        settings.put("quick", Boolean.toString(options.quick()));
        for (RunConfig c : plan.configs()) {
            settings.put(c.id(), c.describe());
        }
        settings.put("dsweep", "PGD from M, L=10, lambda_d=d^(-1/4), alpha_d=min(4e-3, 1.6/d), steps=" + plan.sweepSteps() + "*max(1,d/400), d=" + java.util.Arrays.toString(plan.sweepDims())
                + ", repeats=" + plan.sweepRepeats());
        ClaimsJson.write(out.resolve("claims.json"), ID, PAPER, settings, claims);
        Path report = out.resolve("report.md");
        md.write(report);
        AtomicFiles.writeString(out.resolve("timings.txt"), String.format(Locale.ROOT,
                "wall_seconds=%.1f threads=%d units=%d (units restored from checkpoint are not timed)%n", seconds,
                options.threads(), unitCount));
        return new AuditOutcome(ID, claims, report);
    }

    /** Per-configuration trajectories, in repeat order. */
    record Results(Map<String, List<Trajectory>> runs, List<Trajectory> longRuns) {
        static Results collect(List<RunConfig> configs, RunConfig longConfig, Map<String, Row> byKey) {
            Map<String, List<Trajectory>> runs = new LinkedHashMap<>();
            for (RunConfig c : configs) {
                List<Trajectory> list = new ArrayList<>();
                for (int r = 0; r < c.repeats(); r++) {
                    list.add(TrajectoryCodec.get(byKey.get(new Unit("run", c.id(), 0, r).key())));
                }
                runs.put(c.id(), list);
            }
            List<Trajectory> longRuns = new ArrayList<>();
            for (int r = 0; r < longConfig.repeats(); r++) {
                longRuns.add(TrajectoryCodec.get(byKey.get(new Unit("long", longConfig.id(), 0, r).key())));
            }
            return new Results(runs, longRuns);
        }
    }

    /** Excess risk at the optimum (k*, v*) with scale lambda. */
    static double optimumExcess(SlrProblem problem, double lambda) {
        return PopulationRisk.of(problem).value(new Overlaps(1, 1, 0, 0, 0), lambda) - problem.bayesRisk();
    }

    /** The three unit families: trajectories, d sweep, closed-form checks (one checkpoint file each). */
    static List<UnitFamily<Unit, Row>> families(Plan plan, long seed, boolean quick) {
        String[] fingerprints = fingerprints(plan, seed, quick);
        String[] files = {"checkpoint-runs.jsonl", "checkpoint-dsweep.jsonl", "checkpoint-checks.jsonl"};
        List<List<Unit>> units = List.of(plan.runUnits(), plan.sweepUnits(), plan.checkUnits());
        String[] tasks = {"marion2024 trajectories", "marion2024 d sweep", "marion2024 checks"};
        List<UnitFamily<Unit, Row>> out = new ArrayList<>();
        for (int f = 0; f < files.length; f++) {
            out.add(RowFamily.of(tasks[f], files[f], fingerprints[f], units.get(f), Unit::key,
                    u -> compute(plan, u, Seeds.forKey(seed, u.key()))));
        }
        return out;
    }

    static double quantile(double[] v, double p) {
        return Stats.quantile(v, p);
    }

    static List<Plot.Series> bandAndMedian(String name, double[] x, double[][] perRepeat, int color, double floor) {
        int n = x.length;
        double[] lo = new double[n];
        double[] med = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            double[] col = new double[perRepeat.length];
            for (int r = 0; r < perRepeat.length; r++) {
                col[r] = Math.max(floor, perRepeat[r][i]);
            }
            lo[i] = quantile(col, 0.025);
            med[i] = quantile(col, 0.5);
            hi[i] = quantile(col, 0.975);
        }
        List<Plot.Series> s = new ArrayList<>();
        s.add(Plot.Series.band(name + " 95% band", x, lo, hi, color));
        s.add(new Plot.Series(name + " median", x, med, null, Plot.Style.DASHED, color));
        return s;
    }
}
