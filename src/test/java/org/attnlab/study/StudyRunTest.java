package org.attnlab.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.attnlab.audit.AuditOptions;
import org.attnlab.audit.UnitEngine;
import org.attnlab.experiments.zucker2025.RateSetting;
import org.attnlab.experiments.zucker2025.Zucker2025Config;
import org.attnlab.experiments.zucker2025.Zucker2025Audit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny study (3 settings x 3 M x 2 seeds = 18 units of a few hundred samples): the same rates.csv bytes as
 * {@code reproduce zucker2025} on the same tiny sweep; the same rates.csv and claims.json bytes on 1 and 3
 * threads and after resuming from a half checkpoint; claims.json with every field of the verdict rule.
 */
class StudyRunTest {

    @TempDir
    static Path dir;

    static final String TINY = """
            [study]
            id = "tiny"
            master_seed = 7
            seeds = 2
            grid = [60, 120, 240]
            eval_blocks = 2
            bootstrap = 100
            [estimator]
            degree = "match"
            c0 = 4.0
            random_starts = 0
            max_iterations = 15
            ridge = 1e-6
            [defaults]
            N = 6
            r = 1
            noise = 0.1
            tokens = { law = "uniform" }
            phi = { family = "bspline", order = 3 }
            [[settings]]
            id = "d1-P3"
            d = 1
            [[settings]]
            id = "d2-P3"
            d = 2
            [[settings]]
            id = "d1-P4"
            d = 1
            phi = { family = "bspline", order = 4 }
            [[claims]]
            id = "slope"
            kind = "slope"
            setting = "d1-P3"
            reference = "theory"
            margin = 0.1
            [[claims]]
            id = "same"
            kind = "equal_slopes"
            settings = ["d1-P3", "d2-P3"]
            margin = 0.2
            [[claims]]
            id = "smoother"
            kind = "faster"
            faster = "d1-P4"
            slower = "d1-P3"
            """;

    /** The same units as {@link #TINY} in the audit's own configuration record. */
    static final Zucker2025Config SWEEP = new Zucker2025Config(
            List.of(new RateSetting(1, 3, 3), new RateSetting(2, 3, 3)),
            List.of(new RateSetting(1, 3, 3), new RateSetting(1, 4, 4)),
            new int[] {60, 120, 240}, 2, 6, 1, 0.1, 8, 4.0, 4.0, 0, 15, 1e-6, 2, 50, false, 20);

    static Study study;
    static byte[] rates;
    static byte[] claims;

    static UnitEngine local(Path out, int threads) {
        return UnitEngine.local(out, threads, AuditOptions.Progress.silent());
    }

    @BeforeAll
    static void runOnOneThread() throws IOException {
        study = StudyFile.parse(TINY, "tiny");
        Path out = dir.resolve("t1");
        StudyRun.run(study, out, local(out, 1));
        rates = Files.readAllBytes(out.resolve("rates.csv"));
        claims = Files.readAllBytes(out.resolve("claims.json"));
    }

    @Test
    void ratesAreTheBytesOfTheZuckerAuditOnTheSameSweep() throws IOException {
        Path out = dir.resolve("audit");
        new Zucker2025Audit().run(SWEEP, new AuditOptions(out, false, 2, 7, "all", AuditOptions.Progress.silent()));
        assertArrayEquals(Files.readAllBytes(out.resolve("rates.csv")), rates);
    }

    @Test
    void sameBytesOnThreeThreads() throws IOException {
        Path out = dir.resolve("t3");
        StudyRun.run(study, out, local(out, 3));
        assertArrayEquals(rates, Files.readAllBytes(out.resolve("rates.csv")));
        assertArrayEquals(claims, Files.readAllBytes(out.resolve("claims.json")));
    }

    @Test
    void resumedFromHalfACheckpointGivesTheSameBytes() throws IOException {
        Path out = dir.resolve("resumed");
        Files.createDirectories(out);
        List<String> lines = Files.readAllLines(dir.resolve("t1").resolve(StudyRun.CHECKPOINT));
        // the header line, then 9 of the 18 units, then half a record (a write cut by a kill)
        String half = String.join("\n", lines.subList(0, 10)) + "\n" + lines.get(10).substring(0, 20);
        Files.writeString(out.resolve(StudyRun.CHECKPOINT), half);
        StudyRun.run(study, out, local(out, 2));
        assertArrayEquals(rates, Files.readAllBytes(out.resolve("rates.csv")));
        assertArrayEquals(claims, Files.readAllBytes(out.resolve("claims.json")));
    }

    @Test
    void claimsCarryReferenceMarginIntervalVerdictAndRule() throws IOException {
        JsonNode root = new ObjectMapper().readTree(claims);
        JsonNode list = root.get("claims");
        assertEquals(3, list.size());
        assertEquals("slope", list.get(0).get("id").asText());
        for (JsonNode c : list) {
            for (String f : List.of("reference", "margin", "lower", "upper", "verdict", "rule")) {
                assertTrue(c.has(f), f + " in " + c);
            }
        }
        assertEquals(-0.8, list.get(0).get("reference").asDouble(), 1e-12);
        List<String> out = Files.readAllLines(dir.resolve("t1").resolve("rates.csv"));
        assertEquals(String.join(",", StudyExperiment.COLUMNS), out.get(0));
        assertEquals(19, out.size());
        for (String f : List.of("report.md", "rates.png", "rates.svg", "timings.csv")) {
            assertTrue(Files.size(dir.resolve("t1").resolve(f)) > 0, f);
        }
    }

    /**
     * equal_slopes gives one claim per setting after the first, on the difference of slopes (not on the range of
     * the slopes, which is biased upward by noise); its estimate is recomputed here from rates.csv alone: the
     * median over seeds per M, least squares of log median on log M, per setting.
     */
    @Test
    void equalSlopesIsThePairedDifferenceAgainstTheFirstSetting() throws IOException {
        JsonNode same = null;
        for (JsonNode c : new ObjectMapper().readTree(claims).get("claims")) {
            if (c.get("id").asText().startsWith("same")) {
                assertEquals(null, same, "one equal_slopes claim for two settings");
                same = c;
            }
        }
        assertEquals("same.d2-P3", same.get("id").asText());
        assertEquals(0.0, same.get("reference").asDouble());
        List<String> lines = Files.readAllLines(dir.resolve("t1").resolve("rates.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        double expected = slopeFromCsv(lines, header, "d2-P3") - slopeFromCsv(lines, header, "d1-P3");
        assertEquals(expected, same.get("measured").asDouble(), 1e-12 * (1 + Math.abs(expected)));
        assertTrue(same.get("lower").asDouble() <= same.get("measured").asDouble()
                && same.get("measured").asDouble() <= same.get("upper").asDouble(), same.toString());
    }

    private static double slopeFromCsv(List<String> lines, List<String> header, String setting) {
        java.util.TreeMap<Integer, List<Double>> byM = new java.util.TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (f[header.indexOf("setting")].equals(setting)) {
                double e = Double.parseDouble(f[header.indexOf("error")]);
                if ("relative".equals(study.error())) {
                    e /= Double.parseDouble(f[header.indexOf("truth_norm")]);
                }
                byM.computeIfAbsent(Integer.parseInt(f[header.indexOf("M")]), k -> new java.util.ArrayList<>()).add(e);
            }
        }
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        for (var entry : byM.entrySet()) {
            List<Double> v = entry.getValue();
            assertEquals(2, v.size(), "two seeds per M");
            double median = (v.get(0) + v.get(1)) / 2;
            double x = Math.log(entry.getKey());
            double y = Math.log(median);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
            n++;
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }
}
