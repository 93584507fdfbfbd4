package org.attnlab.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.attnlab.audit.AuditOptions;
import org.attnlab.audit.Claim;
import org.attnlab.audit.UnitEngine;
import org.attnlab.internal.Checks;
import org.attnlab.report.ConsoleProgress;
import org.attnlab.study.Study;
import org.attnlab.study.StudyFile;
import org.attnlab.study.StudyRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code attnlab run STUDY [--out DIR] [--threads T] [--engine local|spark] [--master URL]} runs (or resumes) a
 * study file. The study file is
 * read and validated completely before anything is written.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a study file (TOML; docs/studies/README.md): report.md, rates.csv, claims.json, figures.")
public final class RunCommand implements Callable<Integer> {

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

    @Override
    public Integer call() throws Exception {
        Checks.positive("threads", threads);
        if (!"local".equals(engine) && !"spark".equals(engine)) {
            throw Checks.fail("engine", "one of [local, spark]", engine);
        }
        if (master != null && !"spark".equals(engine)) {
            throw Checks.fail("master", "given only with --engine spark", master);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw Checks.fail("STUDY", "an existing file", file);
        }
        Study study = StudyFile.parse(text, file.toString());
        Path dir = out != null ? out : Path.of("runs", study.id());
        long start = System.nanoTime();
        AuditOptions.Progress progress = ConsoleProgress.stderr();
        StudyRun.Outcome outcome;
        if ("spark".equals(engine)) {
            outcome = SparkLauncher.runStudy(study, text, file.toString(), dir, master, progress);
        } else {
            outcome = StudyRun.run(study, dir, UnitEngine.local(dir, threads, progress));
        }
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
