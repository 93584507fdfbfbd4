package org.attnlab.experiments.marion2024;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.attnlab.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code attnlab reproduce marion2024 --quick} end to end: the outputs exist with the documented structure, a
 * second run in the same directory resumes from the checkpoint and writes the same bytes, and a run with one
 * thread writes the same bytes as a run with two.
 */
class Marion2024QuickIT {

    static final List<String> DETERMINISTIC = List.of("claims.json", "trajectories.csv", "summary.csv",
            "dsweep.csv", "checks.csv", "report.md");
    static final List<String> CONFIGS = List.of("pgd-manifold", "pgd-sphere-large", "pgd-sphere-small",
            "pgd-sphere-schedule", "sgd-sphere-schedule");

    @Test
    void quickRunWritesTheOutputsResumesAndIsThreadCountIndependent(@TempDir Path tmp) throws Exception {
        Path two = tmp.resolve("two");
        assertEquals(0, Main.execute("reproduce", "marion2024", "--quick", "--out", two.toString(), "--threads", "2"));
        checkStructure(two);
        List<byte[]> first = read(two);
        // resume: every unit restored from the checkpoint, same bytes
        assertEquals(0, Main.execute("reproduce", "marion2024", "--quick", "--out", two.toString(), "--threads", "2"));
        List<byte[]> again = read(two);
        for (int i = 0; i < DETERMINISTIC.size(); i++) {
            assertArrayEquals(first.get(i), again.get(i), "resume changed " + DETERMINISTIC.get(i));
        }
        Path one = tmp.resolve("one");
        assertEquals(0, Main.execute("reproduce", "marion2024", "--quick", "--out", one.toString(), "--threads", "1"));
        List<byte[]> single = read(one);
        for (int i = 0; i < DETERMINISTIC.size(); i++) {
            assertArrayEquals(first.get(i), single.get(i), "thread count changed " + DETERMINISTIC.get(i));
        }
    }

    @Test
    void badThreadCountIsAUsageError(@TempDir Path tmp) {
        Path out = tmp.resolve("bad");
        assertEquals(Main.EXIT_USAGE, Main.execute("reproduce", "marion2024", "--quick", "--out", out.toString(),
                "--threads", "0"));
        assertTrue(!Files.exists(out.resolve("claims.json")), "no output on bad input");
    }

    private static void checkStructure(Path dir) throws Exception {
        for (String f : DETERMINISTIC) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        for (String c : List.of("checkpoint-runs.jsonl", "checkpoint-dsweep.jsonl", "checkpoint-checks.jsonl")) {
            assertTrue(Files.size(dir.resolve(c)) > 0, c);
        }
        assertTrue(Files.exists(dir.resolve("timings.txt")));
        List<String> figures = new ArrayList<>(CONFIGS);
        figures.add("dsweep");
        for (String c : figures) {
            byte[] png = Files.readAllBytes(dir.resolve("fig-" + c + ".png"));
            assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "PNG " + c);
            String svg = Files.readString(dir.resolve("fig-" + c + ".svg"));
            assertTrue(svg.contains("<svg"), "SVG " + c);
        }
        JsonNode claims = new ObjectMapper().readTree(dir.resolve("claims.json").toFile());
        assertEquals("marion2024", claims.get("audit").asText());
        List<String> ids = new ArrayList<>();
        for (JsonNode c : claims.get("claims")) {
            ids.add(c.get("id").asText());
            String verdict = c.get("verdict").asText();
            assertTrue(List.of("REPRODUCED", "NOT_REPRODUCED", "INCONCLUSIVE").contains(verdict), c.toString());
            for (String field : List.of("reference", "margin", "margin_reason", "lower", "upper", "rule")) {
                assertTrue(c.has(field) && !c.get(field).isNull(), field + " in " + c);
            }
            assertTrue(c.get("lower").asDouble() <= c.get("upper").asDouble(), c.toString());
            if (c.get("id").asText().endsWith("monte-carlo")) {
                assertTrue(!"NOT_REPRODUCED".equals(verdict), "closed forms agree with Monte Carlo: " + c);
            }
        }
        List<String> expected = new ArrayList<>(List.of("closed-form.monte-carlo", "linear-risk.monte-carlo"));
        for (String c : CONFIGS) {
            expected.add("erf-beats-linear." + c);
        }
        expected.addAll(List.of("pgd-manifold.converges", "pgd-manifold.invariant", "dsweep.bayes"));
        assertEquals(expected, ids);
        List<String> traj = Files.readAllLines(dir.resolve("trajectories.csv"), StandardCharsets.UTF_8);
        assertEquals("config,repeat,step,lambda,excess_risk,test_excess_risk,kappa,nu,theta,eta,rho,distance",
                traj.get(0));
        // quick: 3 repeats x (101 + 401 + 101 + 401 + 401) log points (steps and log period both / 10)
        assertEquals(1 + 3 * (101 + 401 + 101 + 401 + 401), traj.size());
        String report = Files.readString(dir.resolve("report.md"));
        for (String c : CONFIGS) {
            assertTrue(report.contains("fig-" + c + ".png"), "report shows " + c);
        }
    }

    private static List<byte[]> read(Path dir) throws Exception {
        List<byte[]> out = new ArrayList<>();
        for (String f : DETERMINISTIC) {
            out.add(Files.readAllBytes(dir.resolve(f)));
        }
        return out;
    }
}
