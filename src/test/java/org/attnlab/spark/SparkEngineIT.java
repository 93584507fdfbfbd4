package org.attnlab.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.launcher.JavaModuleOptions;
import org.attnlab.audit.AuditOptions;
import org.attnlab.audit.UnitEngine;
import org.attnlab.study.Study;
import org.attnlab.study.StudyFile;
import org.attnlab.study.StudyRun;
import org.attnlab.testsupport.ShadedJar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark engine on a real standalone cluster started here on 127.0.0.1: a master and a worker (2 cores) as
 * separate JVMs, the worker's SPARK_HOME a directory whose {@code jars/} links the jars of
 * {@code target/spark.classpath} (what a Spark installation holds), and the driver the shaded
 * {@code attnlab.jar} run as {@code attnlab run STUDY --engine spark --master spark://127.0.0.1:PORT} in its own
 * JVM, so that it can be killed.
 * <ol>
 *   <li>the study run in-process (local engine, 2 threads) and on the cluster: same rates.csv and claims.json
 *       bytes;</li>
 *   <li>the driver killed (SIGKILL) once some units are checkpointed, then the same command again: it resumes
 *       (the checkpoint's units are not recomputed) and ends with the same bytes.</li>
 * </ol>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkEngineIT {

    private static final Path STUDY = Path.of("test-data", "studies", "spark-it.toml");
    private static final int UNITS = 2 * 3 * 4;

    @TempDir
    static Path dir;

    static Process master;
    static Process worker;
    static String masterUrl;
    static byte[] rates;
    static byte[] claims;

    private static String sparkClasspath() throws IOException {
        Path cp = ShadedJar.path().resolveSibling("spark.classpath");
        assumeTrue(Files.isRegularFile(cp), "target/spark.classpath not built");
        return Files.readString(cp, StandardCharsets.UTF_8).trim();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<String> jvm(String heap) {
        List<String> cmd = new ArrayList<>(List.of(java(), heap, "-Djava.awt.headless=true"));
        cmd.addAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));
        return cmd;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Process daemon(List<String> cmd, Path log, Path sparkHome) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb.start();
    }

    private static void awaitLine(Path log, String text, Process p, long seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            assertTrue(p.isAlive(), () -> "exited before '" + text + "': " + tail(log));
            Thread.sleep(200);
        }
        throw new AssertionError("no '" + text + "' within " + seconds + " s: " + tail(log));
    }

    private static String tail(Path log) {
        try {
            String s = Files.readString(log);
            return s.substring(Math.max(0, s.length() - 3000));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @BeforeAll
    static void startClusterAndRunInProcess() throws Exception {
        String cp = sparkClasspath();
        Path home = Files.createDirectories(dir.resolve("spark-home"));
        Files.writeString(home.resolve("RELEASE"), "attnlab SparkEngineIT: jars/ links target/spark.classpath\n");
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (String entry : cp.split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            if (entry.endsWith(".jar") && !Files.exists(jars.resolve(p.getFileName()))) {
                Files.createSymbolicLink(jars.resolve(p.getFileName()), p.toAbsolutePath());
            }
        }
        int port = freePort();
        masterUrl = "spark://127.0.0.1:" + port;
        List<String> m = jvm("-Xmx256m");
        m.addAll(List.of("-cp", cp, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--webui-port", Integer.toString(freePort())));
        Path masterLog = dir.resolve("master.log");
        master = daemon(m, masterLog, home);
        List<String> w = jvm("-Xmx256m");
        w.addAll(List.of("-cp", cp, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "2",
                "--memory", "1g", "--webui-port", Integer.toString(freePort()), "--work-dir",
                dir.resolve("work").toString(), masterUrl));
        Path workerLog = dir.resolve("worker.log");
        awaitLine(masterLog, "I have been elected leader", master, 120);
        worker = daemon(w, workerLog, home);

        Study study = StudyFile.read(STUDY);
        Path local = dir.resolve("local");
        StudyRun.run(study, local, UnitEngine.local(local, 2, AuditOptions.Progress.silent()));
        rates = Files.readAllBytes(local.resolve("rates.csv"));
        claims = Files.readAllBytes(local.resolve("claims.json"));
        awaitLine(workerLog, "Successfully registered with master", worker, 120);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (Process p : new Process[] {worker, master}) {
            if (p != null) {
                p.destroy();
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    private static Process driver(Path out, Path log) throws IOException {
        List<String> cmd = jvm("-Xmx768m");
        cmd.addAll(List.of("-Dspark.executor.memory=512m", "-cp", ShadedJar.path() + java.io.File.pathSeparator
                + sparkClasspath(), "org.attnlab.cli.Main", "run", STUDY.toString(), "--out", out.toString(),
                "--engine", "spark", "--master", masterUrl));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("CI", "1");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb.start();
    }

    private static void runToEnd(Path out, Path log) throws Exception {
        Process p = driver(out, log);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), () -> "driver timed out: " + tail(log));
        assertEquals(0, p.exitValue(), () -> tail(log));
    }

    private static int checkpointed(Path out) throws IOException {
        Path f = out.resolve(StudyRun.CHECKPOINT);
        if (!Files.exists(f)) {
            return 0;
        }
        // the first line is the checkpoint's header; a line cut by a kill does not end with a newline
        String s = Files.readString(f);
        int lines = (int) s.chars().filter(c -> c == '\n').count();
        return Math.max(0, lines - 1);
    }

    @Test
    @Order(1)
    void sameBytesOnTheClusterAsInProcess() throws Exception {
        Path out = dir.resolve("spark");
        runToEnd(out, dir.resolve("driver-1.log"));
        assertArrayEquals(rates, Files.readAllBytes(out.resolve("rates.csv")));
        assertArrayEquals(claims, Files.readAllBytes(out.resolve("claims.json")));
        assertTrue(Files.readString(dir.resolve("driver-1.log")).contains("spark engine"));
    }

    @Test
    @Order(2)
    void killedDriverResumesToTheSameBytes() throws Exception {
        Path out = dir.resolve("killed");
        Path log = dir.resolve("driver-2.log");
        Process p = driver(out, log);
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (checkpointed(out) < 2 && p.isAlive() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        int before = checkpointed(out);
        assertTrue(before >= 2 && before < UNITS, () -> "killed with " + before + " of " + UNITS
                + " units checkpointed: " + tail(log));
        Path log2 = dir.resolve("driver-3.log");
        runToEnd(out, log2);
        assertTrue(Files.readString(log2).contains("resuming, " + before + " of " + UNITS + " units restored"),
                () -> "resumed run did not restore the " + before + " units: " + tail(log2));
        assertEquals(UNITS, checkpointed(out), "units computed twice or lost");
        assertArrayEquals(rates, Files.readAllBytes(out.resolve("rates.csv")));
        assertArrayEquals(claims, Files.readAllBytes(out.resolve("claims.json")));
    }
}
