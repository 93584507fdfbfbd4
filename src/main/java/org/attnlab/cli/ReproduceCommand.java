package org.attnlab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.attnlab.audit.Audit;
import org.attnlab.audit.AuditOptions;
import org.attnlab.audit.AuditOutcome;
import org.attnlab.audit.Claim;
import org.attnlab.experiments.Audits;
import org.attnlab.internal.Checks;
import org.attnlab.report.ConsoleProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code attnlab reproduce <paper> [--figure F] [--quick] [--out DIR] [--threads T] [--seed S] [--precision DELTA]
 * [--budget-units N] [--budget-minutes MIN]}: runs (or
 * resumes) a paper's audit through {@link Audits} and prints its verdicts. Without {@code --precision} the audit's
 * {@link Audit#defaultPrecision} applies (0.05 for a full zucker2025 run); {@code --precision 0} asks for the fixed
 * grid. Every argument is checked before anything is written.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Re-run a paper's experiments and check its claims (report.md, CSV, claims.json, figures).")
public final class ReproduceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PAPER", description = "the paper's audit id (e.g. zucker2025)")
    String paper;

    @Option(names = {"--figure", "--part"}, paramLabel = "F", defaultValue = "all",
            description = "which figure/part to run (e.g. 1a, 1b, all); default ${DEFAULT-VALUE}")
    String figure;

    @Option(names = "--quick", description = "the reduced grid (about a minute; what CI runs)")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR",
            description = "output directory (default runs/<paper>[-quick]); reused to resume an interrupted run")
    Path out;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "1",
            description = "worker threads (>= 1); never changes the numbers; default ${DEFAULT-VALUE}")
    int threads;

    @Option(names = "--engine", paramLabel = "E", defaultValue = "local",
            description = "local (threads, the default) or spark (docs/spark.md); both write the same CSV and claims.json bytes")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (local[N], spark://host:port, yarn, k8s://...); default: spark-submit's")
    String master;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "master seed; default ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--precision", paramLabel = "DELTA",
            description = "start from 16 seeds and add 4 at a time (in a fixed order, at most 64) to each setting whose slope's "
                    + "95%% interval is wider than +-DELTA, until none is or the budget is spent (zucker2025 only; "
                    + "default 0.05 for a full run, none for --quick; 0 = the fixed 16-seed grid)")
    Double precision;

    @Option(names = "--budget-units", paramLabel = "N", defaultValue = "0",
            description = "with a precision: at most N units in total (deterministic); 0 = none")
    long budgetUnits;

    @Option(names = "--budget-minutes", paramLabel = "MIN", defaultValue = "0",
            description = "with a precision: stop adding seeds when the next batch would end after MIN minutes "
                    + "(the outputs then depend on the machine's speed); 0 = none")
    double budgetMinutes;

    @Override
    public Integer call() throws Exception {
        Audit audit = Audits.find(paper).orElseThrow(() -> Checks.fail("paper", "one of " + ids(), paper));
        InputDomain.threads("--threads", threads);
        if (out != null) {
            InputDomain.outputDirectory("--out", out);
        }
        List<String> parts = audit.parts();
        String part = figure.toLowerCase(Locale.ROOT);
        if (!parts.contains(part)) {
            throw Checks.fail("--figure", "one of " + parts, figure);
        }
        double target = audit.defaultPrecision(quick);
        if (precision != null) {
            if (!audit.supportsPrecision()) {
                throw Checks.fail("--precision", "used only with an audit that supports it (zucker2025)", paper);
            }
            if (!(precision >= 0) || Double.isInfinite(precision)) {
                throw Checks.fail("--precision", "finite and >= 0 (0 = a fixed grid)", precision);
            }
            target = precision == 0 ? Double.NaN : precision;
        }
        InputDomain.onlyWhen(spec, !Double.isNaN(target), "only with a precision (--precision DELTA > 0, the default "
                + "of a full zucker2025 run)", "--budget-units", "--budget-minutes");
        if (budgetUnits < 0) {
            throw Checks.fail("--budget-units", ">= 0", budgetUnits);
        }
        Checks.nonNegative("--budget-minutes", budgetMinutes);
        Path dir = out != null ? out : Path.of("runs", paper + (quick ? "-quick" : ""));
        if (!"local".equals(engine) && !"spark".equals(engine)) {
            throw Checks.fail("--engine", "one of [local, spark]", engine);
        }
        if (master != null && !"spark".equals(engine)) {
            throw Checks.fail("--master", "given only with --engine spark", master);
        }
        AuditOptions options = new AuditOptions(dir, quick, threads, seed, part, ConsoleProgress.stderr(),
                target, budgetUnits, budgetMinutes);
        long start = System.nanoTime();
        AuditOutcome outcome = Outputs.run(dir, "reproduce " + paper + " --figure " + part + (quick ? " --quick" : ""),
                name -> name.endsWith(".jsonl"),
                () -> "spark".equals(engine) ? SparkLauncher.runAudit(audit, options, master) : audit.run(options));
        double wall = (System.nanoTime() - start) / 1e9;
        System.out.println(audit.paper());
        for (Claim c : outcome.claims()) {
            System.out.printf(Locale.ROOT, "  %-16s %-14s %s%n", c.verdict(), c.id(), c.detail());
        }
        for (String note : outcome.notes()) {
            System.out.println(note);
        }
        System.out.println("report: " + outcome.report());
        System.out.printf(Locale.ROOT, "wall time: %.1f s (%d thread%s)%n", wall, threads, threads == 1 ? "" : "s");
        return 0;
    }

    private static List<String> ids() {
        List<String> ids = new java.util.ArrayList<>();
        Audits.ids().forEach(ids::add);
        return ids;
    }
}
