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
import org.attnlab.audit.MarkdownReport;
import org.attnlab.audit.Row;
import org.attnlab.audit.RowFamily;
import org.attnlab.audit.Seeds;
import org.attnlab.audit.UnitEngine;
import org.attnlab.audit.UnitFamily;
import org.attnlab.io.AtomicFiles;
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

    @Override
    public AuditOutcome run(AuditOptions options, UnitEngine engine) throws IOException {
        Path out = options.out();
        Files.createDirectories(out);
        Marion2024Config plan = Marion2024Config.of(options.quick());
        long start = System.nanoTime();
        Map<String, Row> byKey = new LinkedHashMap<>();
        int unitCount = 0;
        for (UnitFamily<Marion2024Unit, Row> family : families(plan, options.seed(), options.quick())) {
            List<Marion2024Unit> units = family.units();
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
        Marion2024Report.write(out, options, plan.configs(), plan.longConfig(), results, byKey, plan.sweepDims(),
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
                    list.add(TrajectoryCodec.get(byKey.get(new Marion2024Unit("run", c.id(), 0, r).key())));
                }
                runs.put(c.id(), list);
            }
            List<Trajectory> longRuns = new ArrayList<>();
            for (int r = 0; r < longConfig.repeats(); r++) {
                longRuns.add(TrajectoryCodec.get(byKey.get(new Marion2024Unit("long", longConfig.id(), 0, r).key())));
            }
            return new Results(runs, longRuns);
        }
    }

    /** The three unit families: trajectories, d sweep, closed-form checks (one checkpoint file each). */
    static List<UnitFamily<Marion2024Unit, Row>> families(Marion2024Config plan, long seed, boolean quick) {
        String[] fingerprints = plan.fingerprints(seed, quick);
        String[] files = {"checkpoint-runs.jsonl", "checkpoint-dsweep.jsonl", "checkpoint-checks.jsonl"};
        List<List<Marion2024Unit>> units = List.of(plan.runUnits(), plan.sweepUnits(), plan.checkUnits());
        String[] tasks = {"marion2024 trajectories", "marion2024 d sweep", "marion2024 checks"};
        List<UnitFamily<Marion2024Unit, Row>> out = new ArrayList<>();
        for (int f = 0; f < files.length; f++) {
            out.add(RowFamily.of(tasks[f], files[f], fingerprints[f], units.get(f), Marion2024Unit::key,
                    u -> Marion2024Experiment.run(plan, u, Seeds.forKey(seed, u.key()))));
        }
        return out;
    }

}
