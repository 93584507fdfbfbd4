package org.attnlab.experiments.fu2023;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attnlab.audit.Audit;
import org.attnlab.audit.AuditOptions;
import org.attnlab.audit.AuditOutcome;
import org.attnlab.audit.Claim;
import org.attnlab.audit.ClaimsJson;
import org.attnlab.audit.Row;
import org.attnlab.audit.UnitEngine;
import org.attnlab.audit.UnitFamily;
import org.attnlab.report.CsvTable;
import org.attnlab.report.Stats;
import org.attnlab.rfa.Target;

/**
 * {@code attnlab reproduce fu2023}: the audit of Fu, Guo, Bai, Mei, "What can a single attention layer learn?
 * A study through the random features lens" (arXiv 2307.11353).
 *
 * <p>Writes into the output directory: {@code checkpoint.jsonl} (one line per finished unit; a rerun resumes),
 * {@code results.csv} (one row per unit, plan order), {@code claims.json}, {@code fig_samples.png/.svg}
 * (error vs n), {@code fig_heads.png/.svg} (error vs H) and {@code report.md}. The CSV and claims.json are
 * byte-identical whatever the thread count and however often the run was interrupted.
 */
public final class Fu2023Audit implements Audit {

    /** The audit id. */
    public static final String ID = "fu2023";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String paper() {
        return "Fu, Guo, Bai, Mei, What can a single attention layer learn? (arXiv 2307.11353)";
    }

    @Override
    public AuditOutcome run(AuditOptions options, UnitEngine engine) throws IOException {
        Fu2023Config config = options.quick() ? Fu2023Config.quickConfig() : Fu2023Config.full();
        return run(options, config, engine);
    }

    /** Runs the audit with an explicit configuration on the local engine (tests). */
    AuditOutcome run(AuditOptions options, Fu2023Config config) throws IOException {
        return run(options, config, UnitEngine.local(options));
    }

    /** The units of a configuration: one per (sweep, method, size, repeat), checkpointed in checkpoint.jsonl. */
    public static UnitFamily<Fu2023Unit, Fu2023Result> family(Fu2023Config config, long seed) {
        List<Fu2023Unit> plan = Fu2023Experiment.units(config);
        return new UnitFamily<>() {
            @Override
            public String name() {
                return ID;
            }

            @Override
            public String checkpointName() {
                return "checkpoint.jsonl";
            }

            @Override
            public String fingerprint() {
                return Fu2023Audit.fingerprint(config, seed);
            }

            @Override
            public List<Fu2023Unit> units() {
                return plan;
            }

            @Override
            public String key(Fu2023Unit unit) {
                return unit.key();
            }

            @Override
            public Fu2023Result compute(Fu2023Unit unit) {
                return Fu2023Experiment.run(config, seed, unit);
            }

            @Override
            public Row encode(Fu2023Result result) {
                return toRow(config, result);
            }

            @Override
            public Fu2023Result decode(Fu2023Unit unit, Row row) {
                return fromRow(unit, row);
            }
        };
    }

    /** Runs the audit with an explicit configuration, its units computed by {@code engine}. */
    AuditOutcome run(AuditOptions options, Fu2023Config config, UnitEngine engine) throws IOException {
        Path out = options.out();
        Files.createDirectories(out);
        long seed = options.seed();
        UnitFamily<Fu2023Unit, Fu2023Result> family = family(config, seed);
        List<Fu2023Result> results = engine.run(family);
        List<Row> rows = new ArrayList<>(results.size());
        for (Fu2023Result r : results) {
            rows.add(toRow(config, r));
        }
        Fu2023Results all = Fu2023Results.of(config, results);
        List<Claim> claims = Fu2023Claims.evaluate(all, seed);

        CsvTable.write(out.resolve("results.csv"), columns(), rows);
        ClaimsJson.write(out.resolve("claims.json"), ID, paper(), settings(config, seed), claims);
        Fu2023Figures.write(out, all);
        Path report = out.resolve("report.md");
        Fu2023Report.build(paper(), config, seed, all, claims).write(report);
        return new AuditOutcome(ID, claims, report);
    }

    /** Everything that changes the results. */
    static String fingerprint(Fu2023Config c, long seed) {
        return "fu2023/v1 " + settings(c, seed);
    }

    static Map<String, String> settings(Fu2023Config c, long seed) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("mode", c.quick() ? "quick" : "full");
        s.put("seed", Long.toString(seed));
        s.put("d", Integer.toString(c.d()));
        s.put("N", Integer.toString(c.keys()));
        s.put("H (sample-size sweep)", Integer.toString(c.heads()));
        s.put("trained parameters (sample-size sweep)", Integer.toString(c.heads() * (c.d() + 1)));
        s.put("n grid", Arrays.toString(c.sampleSizes()));
        s.put("H grid", Arrays.toString(c.headGrid()));
        s.put("n (heads sweep)", Integer.toString(c.samplesForHeads()));
        s.put("repeats", Integer.toString(c.repeats()));
        s.put("test samples", Integer.toString(c.testSamples()));
        s.put("relative ridge grid", Arrays.toString(c.ridgeGrid()));
        s.put("validation fraction", Double.toString(c.validationFraction()));
        s.put("tokens", "uniform on the unit sphere S^{d-1}");
        s.put("W_m", "entries N(0, 1/(d+1)); BRFA adds W_0 = [[I_d, 0], [0, 0]]");
        s.put("RF-MLP", "H (d+1) ReLU features on (x_0..x_N, 1), weights N(0, 1/(N+2))");
        s.put("error", "test MSE / test variance of the target (1 = best constant)");
        return s;
    }

    static List<String> columns() {
        List<String> cols = new ArrayList<>(List.of("sweep", "method", "repeat", "n", "heads", "parameters"));
        for (Target t : Fu2023Experiment.TARGETS) {
            cols.add("error_" + t.label());
        }
        for (Target t : Fu2023Experiment.TARGETS) {
            cols.add("ridge_" + t.label());
        }
        for (Target t : Fu2023Experiment.TARGETS) {
            cols.add("train_mse_" + t.label());
        }
        cols.add("singular");
        return cols;
    }

    static Row toRow(Fu2023Config config, Fu2023Result r) {
        Fu2023Unit u = r.unit();
        Row.Builder b = Row.builder().put("sweep", u.sweep()).put("method", u.method().label())
                .put("repeat", u.repeat()).put("n", u.n()).put("heads", u.heads())
                .put("parameters", (long) u.heads() * (config.d() + 1));
        Target[] ts = Fu2023Experiment.TARGETS;
        for (int t = 0; t < ts.length; t++) {
            b.put("error_" + ts[t].label(), r.testError()[t]);
        }
        for (int t = 0; t < ts.length; t++) {
            b.put("ridge_" + ts[t].label(), r.ridge()[t]);
        }
        for (int t = 0; t < ts.length; t++) {
            b.put("train_mse_" + ts[t].label(), r.trainingMse()[t]);
        }
        return b.put("singular", Boolean.toString(r.singular())).build();
    }

    static Fu2023Result fromRow(Fu2023Unit unit, Row row) {
        Target[] ts = Fu2023Experiment.TARGETS;
        double[] err = new double[ts.length];
        double[] ridge = new double[ts.length];
        double[] train = new double[ts.length];
        for (int t = 0; t < ts.length; t++) {
            err[t] = row.doubleValue("error_" + ts[t].label());
            ridge[t] = row.doubleValue("ridge_" + ts[t].label());
            train[t] = row.doubleValue("train_mse_" + ts[t].label());
        }
        return new Fu2023Result(unit, err, train, ridge, Boolean.parseBoolean(row.text("singular")));
    }

    /** Median, min and max over repeats of one point (NaN-free values only). */
    static double[] summary(double[] errors) {
        double[] f = Fu2023Results.finite(errors);
        if (f.length == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        return new double[] {Stats.median(f), Arrays.stream(f).min().orElseThrow(), Arrays.stream(f).max().orElseThrow()};
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
