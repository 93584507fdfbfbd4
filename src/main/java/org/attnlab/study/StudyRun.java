package org.attnlab.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attnlab.audit.Claim;
import org.attnlab.audit.ClaimsJson;
import org.attnlab.audit.MarkdownReport;
import org.attnlab.audit.Row;
import org.attnlab.audit.RowFamily;
import org.attnlab.audit.UnitEngine;
import org.attnlab.audit.UnitFamily;
import org.attnlab.internal.Checks;
import org.attnlab.report.CsvTable;
import org.attnlab.report.Plot;

/**
 * {@code attnlab run STUDY --out DIR}: runs (or resumes) a study on a {@link UnitEngine} (local threads by
 * default, Spark with {@code --engine spark}) and writes, into the output directory:
 * <ul>
 *   <li>{@code rates.csv}: one row per (setting, M, seed), columns {@link StudyExperiment#COLUMNS}, byte-identical
 *       across thread counts, engines and resumed runs;</li>
 *   <li>{@code timings.csv}: seconds per unit (not byte-stable);</li>
 *   <li>{@code claims.json}: the verdicts under the audit layer's rule (byte-identical likewise);</li>
 *   <li>{@code rates.png/.svg}: log-log error against M per setting, median and quartile band;</li>
 *   <li>{@code report.md}: the study, the rule and margins, claims, slopes, figure, per-M table;</li>
 *   <li>{@code checkpoint.jsonl}: the finished units.</li>
 * </ul>
 */
public final class StudyRun {

    /** The checkpoint file of the units. */
    public static final String CHECKPOINT = "checkpoint.jsonl";

    private StudyRun() {
    }

    /** What a run produced. */
    public record Outcome(List<Claim> claims, StudyAnalysis.Result analysis, Path report) {
    }

    /**
     * The checkpoint fingerprint: everything that changes a unit's numbers, i.e. the master seed, the estimator,
     * the evaluation size and every setting (not the grid or the number of seeds, which may grow). The version
     * tag changes with the solver's numbers: v2 since the screened moment starts (MomentStarts) became the
     * default start strategy, which changed every fit; a v1 directory is refused, not mixed; v3 since the
     * variable-projection A-step and the oracle-start stage; v4 since the continuation stage and acceptance on
     * the penalised objective; v5 since the best candidate screened on K is run beside the continuation stage's
     * winner (spec/estimator.md).
     */
    public static String fingerprint(Study study) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "study/v5 seed=%d estimator=%s pairs=%dx4096",
                study.masterSeed(), study.estimator(), study.evalBlocks()));
        for (StudySetting s : study.settings()) {
            b.append(" [").append(s).append(']');
        }
        return b.toString();
    }

    /** Every (setting, M, seed) of the study: setting-major, then M, then seed. */
    public static List<StudyUnit> plan(Study study) {
        List<StudyUnit> units = new ArrayList<>();
        for (StudySetting s : study.settings()) {
            for (int m : study.grid()) {
                for (int k = 0; k < study.seeds(); k++) {
                    units.add(new StudyUnit(s, m, k));
                }
            }
        }
        return units;
    }

    /** The study's one unit family. */
    public static UnitFamily<StudyUnit, Row> family(Study study) {
        return RowFamily.of("study " + study.id(), CHECKPOINT, fingerprint(study), plan(study), StudyUnit::key,
                u -> StudyExperiment.run(study, u));
    }

    /**
     * Runs or resumes the study and writes its outputs.
     *
     * @throws IllegalArgumentException if an argument is null
     * @throws IOException if an output cannot be written
     */
    public static Outcome run(Study study, Path out, UnitEngine engine) throws IOException {
        Checks.notNull("study", study);
        Checks.notNull("out", out);
        Checks.notNull("engine", engine);
        Files.createDirectories(out);
        List<Row> rows = engine.run(family(study));
        StudyAnalysis.Result analysis = StudyAnalysis.analyse(study, rows);
        CsvTable.write(out.resolve("rates.csv"), StudyExperiment.COLUMNS, rows);
        CsvTable.write(out.resolve("timings.csv"), List.of("setting", "M", "seed", "seconds"), rows);
        Map<String, String> described = describe(study);
        ClaimsJson.write(out.resolve("claims.json"), study.id(), study.title(), described, analysis.claims());
        figure(out.resolve("rates"), study, analysis.curves());
        Path report = out.resolve("report.md");
        report(report, study, described, analysis, rows);
        return new Outcome(analysis.claims(), analysis, report);
    }

    /** The study as an ordered map, for claims.json and the report. */
    public static Map<String, String> describe(Study study) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("study", study.id());
        m.put("master seed", Long.toString(study.masterSeed()));
        m.put("M", Arrays.toString(study.grid()));
        m.put("seeds per M", Integer.toString(study.seeds()));
        m.put("error measure", study.error());
        EstimatorSpec e = study.estimator();
        m.put("estimator", "ALS ERM, B-splines, " + ("fixed".equals(e.kRule()) ? "K = " + e.pieces()
                : "K_M = ceil(c0 (M/log M)^{1/(2 beta+1)}), c0 = " + e.c0()
                        + (Double.isNaN(e.beta()) ? ", beta = min(beta of phi*, p + 1)" : ", beta = " + e.beta()))
                + ", ridge " + e.ridge() + ", moment start + " + e.randomStarts() + " random starts, <= "
                + e.maxIterations() + " iterations");
        m.put("evaluation pairs", study.evalBlocks() + " x 4096 fresh pairs per unit");
        m.put("bootstrap replicates", study.bootstrap() + " (paired over seeds)");
        for (StudySetting s : study.settings()) {
            m.put("setting " + s.id(), String.format(Locale.ROOT, "d=%d N=%d r=%d tokens %s, phi* %s, noise %s, "
                    + "estimator degree %d", s.dimension(), s.tokens(), s.rank(), s.law().describe(),
                    s.phi().describe(), s.noise(), s.degree()));
        }
        return m;
    }

    private static void figure(Path base, Study study, List<StudyAnalysis.Curve> curves) {
        List<Plot.Series> series = new ArrayList<>();
        for (int i = 0; i < curves.size(); i++) {
            StudyAnalysis.Curve c = curves.get(i);
            series.add(Plot.Series.band(c.setting().id() + " IQR", c.sizes(), c.q1(), c.q3(), i));
        }
        for (int i = 0; i < curves.size(); i++) {
            StudyAnalysis.Curve c = curves.get(i);
            series.add(Plot.Series.line(String.format(Locale.ROOT, "%s median (slope %.3f)", c.setting().id(),
                    c.slope()), c.sizes(), c.median(), i));
        }
        Plot.write(base, 1, 1, List.of(new Plot.Panel(study.title(), "M (samples)", study.error()
                + " composed test MSE", true, true, series)), 760, 560);
    }

    private static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static void report(Path target, Study study, Map<String, String> described,
                               StudyAnalysis.Result analysis, List<Row> rows) {
        MarkdownReport r = MarkdownReport.create().heading(1, "Study " + study.id() + ": " + study.title());
        List<String> settings = new ArrayList<>();
        described.forEach((k, v) -> settings.add(k + ": " + v));
        r.heading(2, "Settings").bullets(settings);
        r.heading(2, "Claims").claims(analysis.claims());
        r.verdictRules(analysis.claims());
        List<List<String>> slopeRows = new ArrayList<>();
        for (StudyAnalysis.Curve c : analysis.curves()) {
            slopeRows.add(List.of(c.setting().id(), f3(c.slope()), "[" + f3(c.lower()) + ", " + f3(c.upper()) + "]",
                    f3(c.setting().theorySlope())));
        }
        r.heading(2, "Slopes").table(List.of("setting", "slope", "95% interval (paired bootstrap)",
                "theory -2b/(2b+1), b = min(beta, p+1)"), slopeRows);
        r.heading(2, "Figure").image("error against M", "rates.png");
        List<List<String>> perM = new ArrayList<>();
        for (StudyAnalysis.Curve c : analysis.curves()) {
            for (int k = 0; k < c.sizes().length; k++) {
                perM.add(List.of(c.setting().id(), Long.toString((long) c.sizes()[k]),
                        String.format(Locale.ROOT, "%.4g", c.q1()[k]), String.format(Locale.ROOT, "%.4g",
                                c.median()[k]), String.format(Locale.ROOT, "%.4g", c.q3()[k])));
            }
        }
        r.heading(2, "Median error per M").table(List.of("setting", "M", "q1", "median", "q3"), perM);
        double total = 0;
        for (Row row : rows) {
            total += row.doubleValue("seconds");
        }
        r.paragraph(String.format(Locale.ROOT, "%d units, %.1f CPU seconds in the units (timings.csv).", rows.size(),
                total));
        r.write(target);
    }
}
