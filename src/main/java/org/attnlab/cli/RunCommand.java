package org.attnlab.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.attnlab.audit.AuditOptions;
import org.attnlab.audit.Claim;
import org.attnlab.audit.UnitEngine;
import org.attnlab.internal.Checks;
import org.attnlab.io.EncodingException;
import org.attnlab.io.InputFiles;
import org.attnlab.io.IoMessages;
import org.attnlab.io.Utf8Reader;
import org.attnlab.report.ConsoleProgress;
import org.attnlab.study.Study;
import org.attnlab.study.StudyFile;
import org.attnlab.study.StudyPlan;
import org.attnlab.study.StudyRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code attnlab run STUDY [--out DIR] [--threads T] [--engine local|spark] [--master URL]} runs (or resumes) a
 * study file; {@code --plan --executors E --cores C} predicts its cost instead ({@link StudyPlan}). The study
 * file is
 * read and validated completely before anything is written.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a study file (TOML; docs/studies/README.md): report.md, rates.csv, claims.json, figures.")
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STUDY", description = "the study file (TOML)")
    Path file;

    @Option(names = "--out", paramLabel = "DIR",
            description = "output directory (default runs/<study id>); reused to resume an interrupted run")
    Path out;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "1",
            description = "worker threads of the local engine (>= 1); never changes the numbers; default ${DEFAULT-VALUE}")
    int threads;

    @Option(names = "--engine", paramLabel = "E", defaultValue = "local",
            description = "local (threads, the default) or spark; both write the same CSV and claims.json bytes")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (local[N], spark://host:port, yarn, k8s://...); default: spark-submit's")
    String master;

    @Option(names = "--plan", description = "predict CPU time, memory per task and wall time instead of running "
            + "(times a few small units of each setting first)")
    boolean plan;

    @Option(names = "--executors", paramLabel = "E", defaultValue = "1",
            description = "with --plan: executors (machines); default ${DEFAULT-VALUE}")
    int executors;

    @Option(names = "--cores", paramLabel = "C", defaultValue = "2",
            description = "with --plan: cores per executor (one unit per core); default ${DEFAULT-VALUE}")
    int cores;

    @Option(names = "--task-memory", paramLabel = "GIB", defaultValue = "4",
            description = "with --plan: memory per task in GiB, for the largest M a task can hold; default ${DEFAULT-VALUE}")
    double taskMemory;

    @Option(names = "--calibration-threads", paramLabel = "T",
            description = "with --plan: calibration units run at a time; default: --cores when --executors is 1 "
                    + "(this machine, under its own contention), else 1 (dedicated cores)")
    Integer calibrationThreads;

    @Option(names = "--calibration-points", paramLabel = "K", defaultValue = "3",
            description = "with --plan: smallest grid sizes timed per setting (>= 2); default ${DEFAULT-VALUE}")
    int calibrationPoints;

    /** The study file as text: strict UTF-8 with line and column of a bad byte, a byte-order mark skipped. */
    private static String readText(Path p) {
        try {
            return Utf8Reader.readString(p);
        } catch (EncodingException e) {
            throw new IllegalArgumentException(p + ": line " + e.line() + ", column " + e.column()
                    + ": the file must be UTF-8, got an invalid byte sequence", e);
        } catch (java.io.IOException e) {
            throw IoMessages.unchecked("cannot read", p, e);
        }
    }

    @Override
    public Integer call() throws Exception {
        InputDomain.threads("--threads", threads);
        if (!"local".equals(engine) && !"spark".equals(engine)) {
            throw Checks.fail("--engine", "one of [local, spark]", engine);
        }
        if (master != null && !"spark".equals(engine)) {
            throw Checks.fail("--master", "given only with --engine spark", master);
        }
        InputDomain.onlyWhen(spec, plan, "only with --plan", "--executors", "--cores", "--task-memory",
                "--calibration-points", "--calibration-threads");
        if (out != null) {
            InputDomain.outputDirectory("--out", out);
        }
        String text = InputFiles.read("STUDY", file, RunCommand::readText);
        Study study = StudyFile.parse(text, file.toString());
        if (plan) {
            Checks.positive("--executors", executors);
            Checks.positive("--cores", cores);
            Checks.positive("--task-memory", taskMemory);
            Checks.atLeast("--calibration-points", calibrationPoints, 2);
            int ct = calibrationThreads != null ? calibrationThreads : executors == 1 ? cores : 1;
            InputDomain.threads("--calibration-threads", ct);
            System.err.println("plan: timing seeds 0 and 1 at the " + calibrationPoints + " smallest M of each setting, "
                    + ct + " at a time ...");
            StudyPlan.Prediction p = StudyPlan.predict(study, StudyPlan.calibrate(study, calibrationPoints, ct),
                    executors, cores, taskMemory, "spark".equals(engine) ? StudyPlan.SPARK_OVERHEAD_SECONDS
                            : StudyPlan.LOCAL_OVERHEAD_SECONDS);
            System.out.print(p.text());
            return 0;
        }
        Path dir = out != null ? out : Path.of("runs", study.id());
        long start = System.nanoTime();
        AuditOptions.Progress progress = ConsoleProgress.stderr();
        StudyRun.Outcome outcome = Outputs.run(dir, "run " + file, name -> name.endsWith(".jsonl"),
                () -> "spark".equals(engine) ? SparkLauncher.runStudy(study, text, file.toString(), dir, master, progress)
                        : StudyRun.run(study, dir, UnitEngine.local(dir, threads, progress)));
        double wall = (System.nanoTime() - start) / 1e9;
        System.out.println(study.title());
        for (Claim c : outcome.claims()) {
            System.out.printf(Locale.ROOT, "  %-16s %-24s %s%n", c.verdict(), c.id(), c.detail());
        }
        System.out.println("report: " + outcome.report());
        System.out.printf(Locale.ROOT, "wall time: %.1f s (%s engine)%n", wall, engine);
        return 0;
    }
}
