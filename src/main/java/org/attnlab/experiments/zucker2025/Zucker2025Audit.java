package org.attnlab.experiments.zucker2025;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attnlab.audit.Audit;
import org.attnlab.audit.AuditOptions;
import org.attnlab.audit.AuditOutcome;
import org.attnlab.audit.Claim;
import org.attnlab.audit.ClaimsJson;
import org.attnlab.audit.Row;
import org.attnlab.audit.RowFamily;
import org.attnlab.audit.UnitEngine;
import org.attnlab.audit.UnitFamily;
import org.attnlab.internal.Checks;
import org.attnlab.report.CsvTable;
import org.attnlab.report.Stats;

/**
 * {@code attnlab reproduce zucker2025}: the audit of arXiv 2510.11789 (Zucker, Wang, Lu, Seroussi, ICLR 2026)
 * Figure 1 -- the rate of the composed test MSE in M for several d (1a) and smoothness P (1b).
 *
 * <p>Outputs in {@link AuditOptions#out()}:
 * <ul>
 *   <li>{@code rates.csv}: one row per (setting, M, seed), columns {@link Zucker2025Experiment#COLUMNS}
 *       (byte-identical across thread counts and resumed runs);</li>
 *   <li>{@code timings.csv}: the wall-clock seconds of each unit (NOT byte-stable: timing varies);</li>
 *   <li>{@code coercivity.csv}: the coercivity table (byte-identical likewise);</li>
 *   <li>{@code claims.json}: the verdicts (byte-identical across thread counts and resumed runs);</li>
 *   <li>{@code fig1a.png/.svg}, {@code fig1b.png/.svg}: log-log error vs M, median with quartile band,
 *       theoretical slope dashed;</li>
 *   <li>{@code report.md}: settings, regime, claims table, figures, per-M table;</li>
 *   <li>{@code checkpoint.jsonl}: the finished units (resume by re-running the same command).</li>
 * </ul>
 */
public final class Zucker2025Audit implements Audit {

    /** The audit id. */
    public static final String ID = "zucker2025";
    /** The parts {@code --figure} accepts. */
    public static final List<String> PARTS = List.of("1a", "1b", "all");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String paper() {
        return "Zucker, Wang, Lu, Seroussi, Pairwise interactions in attention-style models (arXiv 2510.11789)";
    }

    @Override
    public List<String> parts() {
        return PARTS;
    }

    @Override
    public AuditOutcome run(AuditOptions options, UnitEngine engine) throws IOException {
        Checks.notNull("options", options);
        String part = options.part();
        if (!PARTS.contains(part)) {
            throw Checks.fail("figure", "one of " + PARTS, part);
        }
        Zucker2025Config sweep = options.quick() ? Zucker2025Config.quickGrid() : Zucker2025Config.fullGrid();
        return run(sweep, options, engine);
    }

    /** Runs the audit on a given sweep with the local engine (tests use small sweeps). */
    public AuditOutcome run(Zucker2025Config sweep, AuditOptions options) throws IOException {
        return run(sweep, options, UnitEngine.local(options));
    }

    /** The rate units of a part: one per (setting, M, seed), checkpointed in {@code checkpoint.jsonl}. */
    public static UnitFamily<Zucker2025Unit, Row> rateFamily(Zucker2025Config sweep, String part, long seed) {
        return RowFamily.of("zucker2025 fig " + part, "checkpoint.jsonl", sweep.fingerprint(seed), sweep.plan(part),
                Zucker2025Unit::key, u -> Zucker2025Experiment.run(sweep, u, seed));
    }

    /** The coercivity units: one per (token law, N), checkpointed in {@code coercivity-checkpoint.jsonl}. */
    public static UnitFamily<String, Row> coercivityFamily(Zucker2025Config sweep, long seed) {
        return RowFamily.of("zucker2025 coercivity", "coercivity-checkpoint.jsonl",
                sweep.coercivityFingerprint(seed), CoercivityTable.plan(), k -> k,
                k -> CoercivityTable.run(k, sweep.coercivitySamples(), seed));
    }

    @Override
    public boolean supportsPrecision() {
        return true;
    }

    /**
     * The half-width every Figure 1 slope interval must reach in a full run unless {@code --precision} says
     * otherwise: issue 9's target, 0.05, half the margin of a slope claim (spec/verdicts.md), so that an interval
     * can lie wholly inside or outside the margin band. Fixed before the runs that use it (2026-12-01).
     */
    public static final double DEFAULT_PRECISION = 0.05;

    /** A full run adds seeds until every slope interval reaches {@link #DEFAULT_PRECISION}; a quick run does not. */
    @Override
    public double defaultPrecision(boolean quick) {
        return quick ? Double.NaN : DEFAULT_PRECISION;
    }

    /** Seeds added per round of a {@code --precision} run (in index order, so a run is a prefix of the next). */
    public static final int PRECISION_STEP = 4;
    /**
     * The seeds a {@code --precision} run starts from (or fewer, if the configuration has fewer): the full grid's
     * 16, so that no setting stops on the first few seeds, where a percentile bootstrap of a mean understates the
     * spread and a stopping rule would favour a lucky draw.
     */
    public static final int PRECISION_START_SEEDS = 16;
    /** The most seeds a {@code --precision} run adds up to when no budget stops it first. */
    public static final int PRECISION_MAX_SEEDS = 64;

    /** The largest half-width of the slope intervals the claims are decided on (mean per-seed slopes). */
    static double largestHalfWidth(List<Zucker2025Claims.Curve> curves) {
        double max = 0;
        for (Zucker2025Claims.Curve c : curves) {
            max = Math.max(max, c.seedSlope().halfWidth());
        }
        return max;
    }

    /** Runs the audit on a given sweep, its units computed by {@code engine}. */
    public AuditOutcome run(Zucker2025Config sweep, AuditOptions options, UnitEngine engine) throws IOException {
        long start = System.nanoTime();
        Path out = options.out();
        String part = options.part();
        long seed = options.seed();
        Files.createDirectories(out);
        List<RateSetting> settings = sweep.settings(part);
        if (options.adaptive()) {
            sweep = sweep.withSeeds(Math.min(sweep.seeds(), PRECISION_START_SEEDS));
        }
        List<Row> rows = engine.run(rateFamily(sweep, part, seed));
        List<Zucker2025Claims.Curve> curves = Zucker2025Claims.curves(sweep, settings, rows, seed);
        List<String> notes = new ArrayList<>();
        String precision = "";
        if (options.adaptive()) {
            // --precision: add seeds, in index order, to every setting whose slope interval is still wider than
            // asked, until none is or a budget is spent; the reference setting of a difference claim follows the
            // seeds of the settings it is compared with; units already computed are reused (their keys and seeds do
            // not depend on the seed count)
            String stop;
            while (true) {
                double half = largestHalfWidth(curves);
                List<RateSetting> wide = new ArrayList<>();
                for (Zucker2025Claims.Curve c : curves) {
                    if (c.seedSlope().halfWidth() > options.precision()) {
                        wide.add(c.setting());
                    }
                }
                if (wide.isEmpty()) {
                    stop = String.format(Locale.ROOT, "precision reached: largest slope half-width %.4f <= %s with "
                            + "seeds per M %s", half, options.precision(), sweep.seedsText(part));
                    break;
                }
                Zucker2025Config next = sweep;
                boolean capped = false;
                for (RateSetting s : wide) {
                    capped |= sweep.seeds(s) + PRECISION_STEP > PRECISION_MAX_SEEDS;
                    next = next.withSeeds(s, sweep.seeds(s) + PRECISION_STEP);
                }
                next = next.withReferencesFollowing(part);
                long nextUnits = next.plan(part).size();
                double minutes = (System.nanoTime() - start) / 60e9;
                double predicted = minutes * (nextUnits - rows.size()) / Math.max(1, rows.size());
                if (capped) {
                    stop = String.format(Locale.ROOT, "seed cap reached (%d seeds; seeds per M %s): largest slope "
                            + "half-width %.4f > %s", PRECISION_MAX_SEEDS, sweep.seedsText(part), half,
                            options.precision());
                    break;
                }
                if (options.budgetUnits() > 0 && nextUnits > options.budgetUnits()) {
                    stop = String.format(Locale.ROOT, "unit budget reached (%d units, seeds per M %s; the next step "
                            + "would need %d): largest slope half-width %.4f > %s", rows.size(), sweep.seedsText(part),
                            nextUnits, half, options.precision());
                    break;
                }
                if (options.budgetMinutes() > 0 && minutes + predicted > options.budgetMinutes()) {
                    stop = String.format(Locale.ROOT, "time budget reached (%.1f min spent, the next step would "
                            + "take about %.1f min more, budget %s min; seeds per M %s): largest slope half-width "
                            + "%.4f > %s", minutes, predicted, options.budgetMinutes(), sweep.seedsText(part), half,
                            options.precision());
                    break;
                }
                sweep = next;
                rows = engine.run(rateFamily(sweep, part, seed));
                curves = Zucker2025Claims.curves(sweep, settings, rows, seed);
            }
            precision = "--precision " + options.precision() + ": " + stop;
            notes.add(precision);
        }
        List<Row> coercivity = engine.run(coercivityFamily(sweep, seed));
        List<Claim> claims = new ArrayList<>(Zucker2025Claims.claims(sweep, part, curves, seed));
        claims.add(CoercivityTable.claim(coercivity, sweep.coercivitySamples()));

        CsvTable.write(out.resolve("rates.csv"), Zucker2025Experiment.COLUMNS, rows);
        CsvTable.write(out.resolve("timings.csv"), List.of("setting", "M", "seed", "seconds"), rows);
        CsvTable.write(out.resolve("coercivity.csv"), CoercivityTable.COLUMNS, coercivity);
        Map<String, String> described = sweep.describe(seed, part);
        described.put("local-minimum rule", localMinima(rows));
        notes.add("local-minimum rule: " + localMinima(rows));
        if (!precision.isEmpty()) {
            described.put("precision", precision);
        }
        ClaimsJson.write(out.resolve("claims.json"), ID, paper(), described, claims);
        List<String> figures = new ArrayList<>();
        if (!"1b".equals(part)) {
            Zucker2025Figures.figure(out.resolve("fig1a"), "Figure 1(a): P_true = P_est = 3, d in {1, 5, 30}",
                    Zucker2025Figures.select(curves, sweep.figure1a()), true);
            figures.add("fig1a");
        }
        if (!"1a".equals(part)) {
            Zucker2025Figures.figure(out.resolve("fig1b"), "Figure 1(b): d = " + sweep.figure1b().get(0).dimension()
                    + ", P_true = P_est in {3, 8}", Zucker2025Figures.select(curves, sweep.figure1b()), false);
            figures.add("fig1b");
        }
        Path report = out.resolve("report.md");
        double wall = (System.nanoTime() - start) / 1e9;
        Zucker2025Report.write(report, this, sweep, options, described, curves, claims, figures, rows, coercivity,
                wall);
        return new AuditOutcome(ID, claims, report, notes);
    }

    /** "k of n units re-fitted (local minimum), o from the oracle's point; j still above the rule". */
    static String localMinima(List<Row> rows) {
        return count(rows, "retried") + " of " + rows.size() + " units re-fitted (local minimum), "
                + count(rows, "oracle_start") + " of them from the oracle's point; " + count(rows, "above_rule")
                + " still above the rule";
    }

    /** The number of rows whose boolean column is {@code true} (retried, oracle_start, above_rule). */
    static int count(List<Row> rows, String column) {
        int n = 0;
        for (Row r : rows) {
            n += Boolean.parseBoolean(r.text(column)) ? 1 : 0;
        }
        return n;
    }

    /** The median of a column over rows matching a predicate -- used by the report's timing line. */
    static double medianOf(List<Row> rows, String column) {
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rows.get(i).doubleValue(column);
        }
        return v.length == 0 ? Double.NaN : Stats.median(v);
    }
}
