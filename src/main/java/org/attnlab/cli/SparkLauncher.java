package org.attnlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.attnlab.audit.AuditOptions;
import org.attnlab.audit.AuditOutcome;
import org.attnlab.audit.Audit;
import org.attnlab.internal.Checks;
import org.attnlab.spark.AuditSource;
import org.attnlab.spark.SparkEngine;
import org.attnlab.spark.StudySource;
import org.attnlab.study.Study;
import org.attnlab.study.StudyRun;

/**
 * The command line's door to the Spark engine. Spark is not in {@code attnlab.jar}: it is on the class path when
 * the launcher runs with {@code --engine spark} (target/spark.classpath) or under spark-submit. This class is
 * loaded only then, and checks first, so that a missing Spark is one readable line.
 */
final class SparkLauncher {

    private SparkLauncher() {
    }

    static void requireSpark() {
        try {
            Class.forName("org.apache.spark.SparkConf", false, SparkLauncher.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw Checks.fail("engine spark", "run with Spark on the class path (./attnlab adds target/spark.classpath; "
                    + "or spark-submit)", "no org.apache.spark classes");
        }
    }

    static StudyRun.Outcome runStudy(Study study, String text, String name, Path dir, String master,
                                     AuditOptions.Progress progress) throws IOException {
        requireSpark();
        try (SparkEngine e = SparkEngine.start(master, new StudySource(text, name), dir, progress)) {
            return StudyRun.run(study, dir, e);
        }
    }

    static AuditOutcome runAudit(Audit audit, AuditOptions options, String master) throws IOException {
        requireSpark();
        try (SparkEngine e = SparkEngine.start(master, new AuditSource(audit.id(), options.quick(), options.seed(),
                options.part()), options.out(), options.progress())) {
            return audit.run(options, e);
        }
    }
}
