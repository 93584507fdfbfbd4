package org.attnlab.experiments.zucker2025;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.attnlab.testsupport.ShadedJar;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the shaded jar ({@code -Dattnlab.jar}, set by the pom): {@code attnlab reproduce zucker2025
 * --quick} writes the documented outputs; a second run on one thread, killed (SIGKILL) after some units and
 * restarted on two threads, ends with the same rates.csv and claims.json bytes as the first.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReproduceZuckerIT {

    private static final int QUICK_UNITS = 4 * 4 * 3;
    private static final long RUN_TIMEOUT_MINUTES = 10;

    @TempDir
    static Path dir;

    private static Process start(Path out, int threads, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Djava.awt.headless=true", "-jar", ShadedJar.path().toString(), "reproduce", "zucker2025", "--quick",
                "--out", out.toString(), "--threads", Integer.toString(threads), "--seed", "1"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("CI", "1");
        return pb.start();
    }

    private static int runToEnd(Path out, int threads, Path log) throws Exception {
        Process p = start(out, threads, log);
        assertTrue(p.waitFor(RUN_TIMEOUT_MINUTES, TimeUnit.MINUTES), "timed out");
        return p.exitValue();
    }

    @Test
    @Order(1)
    void quickRunWritesTheDocumentedOutputs() throws Exception {
        Path out = dir.resolve("a");
        Path log = dir.resolve("a.log");
        assertEquals(0, runToEnd(out, 2, log), Files.readString(log));
        List<String> rates = Files.readAllLines(out.resolve("rates.csv"));
        assertEquals(String.join(",", Zucker2025Experiment.COLUMNS), rates.get(0));
        assertEquals(QUICK_UNITS + 1, rates.size());
        for (String line : rates.subList(1, rates.size())) {
            double error = Double.parseDouble(line.split(",")[7]);
            assertTrue(error >= 0 && Double.isFinite(error), line);
        }
        JsonNode claims = new ObjectMapper().readTree(out.resolve("claims.json").toFile());
        assertEquals("zucker2025", claims.get("audit").asText());
        assertEquals("quick", claims.get("settings").get("mode").asText());
        assertEquals(11, claims.get("claims").size()); // d-independence: one claim per d other than d = 1
        for (JsonNode c : claims.get("claims")) {
            assertTrue(List.of("REPRODUCED", "NOT_REPRODUCED", "INCONCLUSIVE").contains(c.get("verdict").asText()),
                    c.toString());
            assertTrue(c.get("measured").isNumber(), c.toString());
            for (String field : List.of("id", "statement", "quantity", "reference", "margin", "margin_reason",
                    "lower", "upper", "rule", "detail")) {
                assertTrue(c.has(field) && !c.get(field).isNull(), field + " in " + c);
            }
        }
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("![fig1a](fig1a.png)") && report.contains("![fig1b](fig1b.png)"), report);
        assertTrue(report.contains("--quick"), report);
        for (String fig : List.of("fig1a", "fig1b")) {
            byte[] png = Files.readAllBytes(out.resolve(fig + ".png"));
            assertEquals((byte) 0x89, png[0]);
            assertEquals('P', png[1]);
            assertTrue(Files.readString(out.resolve(fig + ".svg")).contains("<svg"));
        }
        String log1 = Files.readString(log);
        assertTrue(log1.contains("ETA"), log1);
        assertTrue(log1.contains("fig1a.slope.d1-P3"), log1);
    }

    @Test
    @Order(2)
    void killedAndRestartedRunEndsWithTheSameBytes() throws Exception {
        Path first = dir.resolve("a");
        assumeTrue(Files.exists(first.resolve("claims.json")), "needs the first run");
        Path out = dir.resolve("b");
        Path cp = out.resolve("checkpoint.jsonl");
        Process p = start(out, 1, dir.resolve("b1.log"));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(RUN_TIMEOUT_MINUTES);
        int target = 1 + 12; // header + 12 units
        while (System.nanoTime() < deadline && p.isAlive()
                && (!Files.exists(cp) || Files.readAllLines(cp).size() < target)) {
            Thread.sleep(100);
        }
        assertTrue(p.isAlive(), "run ended before it could be killed");
        p.destroyForcibly().waitFor();
        int done = Files.readAllLines(cp).size() - 1;
        assertTrue(done >= 12 && done < QUICK_UNITS, "units before the kill: " + done);
        Path log = dir.resolve("b2.log");
        assertEquals(0, runToEnd(out, 2, log), Files.readString(log));
        assertTrue(Files.readString(log).contains("resuming"), Files.readString(log));
        assertArrayEquals(Files.readAllBytes(first.resolve("rates.csv")), Files.readAllBytes(out.resolve("rates.csv")));
        assertArrayEquals(Files.readAllBytes(first.resolve("claims.json")),
                Files.readAllBytes(out.resolve("claims.json")));
    }
}
