package org.attnlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.attnlab.testsupport.ShadedJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, "Done when", through the shaded jar in separate JVMs: while one {@code reproduce zucker2025 --quick
 * --figure 1a} runs, a second on the same {@code --out} exits at once (code 1) naming the first one's pid; the
 * first is killed with SIGKILL, and a rerun resumes and ends with the same rates.csv, coercivity.csv and
 * claims.json bytes as an uninterrupted run, leaving no staging directory or temporary file behind; the
 * uninterrupted run, in the folder of an earlier {@code --figure all} run, removes that run's stale fig1b.*. Figure 1a
 * only: 94 s at load 20 and 183 s at load 35 on the shared two cores.
 */
class RunLockIT {

    private static final long RUN_TIMEOUT_MINUTES = 10;
    private static final long SECOND_RUN_LIMIT_SECONDS = 20;

    @TempDir
    Path dir;

    private static Process start(Path out, int threads, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Djava.awt.headless=true", "-jar", ShadedJar.path().toString(), "reproduce", "zucker2025", "--quick",
                "--figure", "1a", "--out", out.toString(), "--threads", Integer.toString(threads)));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("CI", "1");
        return pb.start();
    }

    private static int lines(Path f) throws IOException {
        return Files.exists(f) ? Files.readAllLines(f).size() : 0;
    }

    @Test
    void secondRunIsRefusedAndAKilledRunResumesToTheSameBytes() throws Exception {
        Path reference = dir.resolve("reference");
        Path refLog = dir.resolve("reference.log");
        // the folder of an earlier --figure all run: its manifest lists fig1b.*, which a 1a run must not leave behind
        Files.createDirectories(reference);
        Files.writeString(reference.resolve(".attnlab-outputs"), "fig1a.png\nfig1a.svg\nfig1b.png\nfig1b.svg\n");
        Files.writeString(reference.resolve("fig1b.png"), "from the all run");
        Files.writeString(reference.resolve("fig1b.svg"), "from the all run");
        Process ref = start(reference, 2, refLog);
        assertTrue(ref.waitFor(RUN_TIMEOUT_MINUTES, TimeUnit.MINUTES), "timed out");
        assertEquals(0, ref.exitValue(), Files.readString(refLog));
        assertFalse(Files.exists(reference.resolve("fig1b.png")) || Files.exists(reference.resolve("fig1b.svg")),
                "stale figures of the earlier run removed");
        assertTrue(Files.readString(refLog).contains("removed stale files of the previous run: fig1b.png, fig1b.svg"),
                Files.readString(refLog));

        Path out = dir.resolve("out");
        Path cp = out.resolve("checkpoint.jsonl");
        Process first = start(out, 1, dir.resolve("first.log"));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(RUN_TIMEOUT_MINUTES);
        while (System.nanoTime() < deadline && first.isAlive() && lines(cp) < 1 + 4) {
            Thread.sleep(100);
        }
        assertTrue(first.isAlive(), "the first run ended before the second could start");

        Path secondLog = dir.resolve("second.log");
        long t0 = System.nanoTime();
        Process second = start(out, 1, secondLog);
        assertTrue(second.waitFor(SECOND_RUN_LIMIT_SECONDS, TimeUnit.SECONDS), "the second run did not exit at once");
        double seconds = (System.nanoTime() - t0) * 1e-9;
        String msg = Files.readString(secondLog);
        assertEquals(Main.EXIT_FAILURE, second.exitValue(), msg);
        assertTrue(msg.contains("is in use by another attnlab run (pid " + first.pid() + ": reproduce zucker2025"), msg);
        assertEquals(1, msg.strip().lines().count(), msg);
        System.out.printf("RunLockIT: second run refused in %.2f s: %s%n", seconds, msg.strip());
        assertTrue(first.isAlive(), "the refused run must not disturb the first");

        int before = lines(cp);
        first.destroyForcibly().waitFor();
        int units = lines(cp) - 1;
        assertTrue(units >= 4, "units before the kill: " + units);
        assertFalse(Files.exists(out.resolve("claims.json")), "the killed run committed nothing");

        Path rerunLog = dir.resolve("rerun.log");
        Process rerun = start(out, 2, rerunLog);
        assertTrue(rerun.waitFor(RUN_TIMEOUT_MINUTES, TimeUnit.MINUTES), "timed out");
        String log = Files.readString(rerunLog);
        assertEquals(0, rerun.exitValue(), log);
        assertTrue(log.contains("resuming"), log);
        for (String f : List.of("rates.csv", "coercivity.csv", "claims.json")) {
            assertArrayEquals(Files.readAllBytes(reference.resolve(f)), Files.readAllBytes(out.resolve(f)), f);
        }
        try (Stream<Path> files = Files.list(out)) {
            List<String> leftovers = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".attnlab-staging-") || n.endsWith(".tmp")).toList();
            assertTrue(leftovers.isEmpty(), "left behind: " + leftovers);
        }
        System.out.printf("RunLockIT: killed after %d checkpoint lines (%d units), rerun resumed to identical bytes%n",
                before, units);
    }
}
