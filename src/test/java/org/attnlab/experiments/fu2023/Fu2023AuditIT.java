package org.attnlab.experiments.fu2023;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.attnlab.audit.AuditOptions;
import org.attnlab.audit.AuditOutcome;
import org.attnlab.audit.Claim;
import org.attnlab.cli.Main;
import org.attnlab.experiments.Audits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quick fu2023 audit end to end: outputs, their structure, thread-count and resume byte identity. */
class Fu2023AuditIT {

    private static final List<String> FILES = List.of("report.md", "results.csv", "claims.json", "checkpoint.jsonl",
            "fig_samples.png", "fig_samples.svg", "fig_heads.png", "fig_heads.svg");

    @TempDir
    Path tmp;

    private AuditOutcome quick(Path out, int threads) throws IOException {
        return Audits.find("fu2023").orElseThrow()
                .run(new AuditOptions(out, true, threads, 1, "all", AuditOptions.Progress.silent()));
    }

    @Test
    void quickRunWritesEveryOutputWithTheDocumentedStructure() throws IOException {
        Path out = tmp.resolve("one");
        AuditOutcome outcome = quick(out, 1);
        for (String f : FILES) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertEquals(out.resolve("report.md"), outcome.report());
        assertEquals(11, outcome.claims().size());
        for (Claim c : outcome.claims()) {
            assertTrue(Double.isFinite(c.measured()), c.id());
            assertTrue(c.lower() <= c.upper(), c.id());
        }
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        Fu2023Config q = Fu2023Config.quickConfig();
        assertEquals(1 + Fu2023Experiment.units(q).size(), csv.size());
        assertEquals(String.join(",", Fu2023Audit.columns()), csv.get(0));
        for (String line : csv.subList(1, csv.size())) {
            assertEquals(Fu2023Audit.columns().size(), line.split(",", -1).length, line);
            assertTrue(line.endsWith(",false"), "no singular system: " + line);
        }
        JsonNode json = new ObjectMapper().readTree(out.resolve("claims.json").toFile());
        assertEquals("fu2023", json.get("audit").asText());
        assertEquals(11, json.get("claims").size());
        for (JsonNode c : json.get("claims")) {
            for (String field : List.of("id", "statement", "quantity", "reference", "margin",
                    "margin_reason", "measured", "lower", "upper", "rule", "verdict", "detail")) {
                assertTrue(c.has(field), field);
            }
        }
        String report = Files.readString(out.resolve("report.md"));
        for (String s : List.of("## Verdicts", "fig_samples.png", "fig_heads.png", "a.linear", "c.control", "d.rfa")) {
            assertTrue(report.contains(s), s);
        }
        byte[] png = Files.readAllBytes(out.resolve("fig_samples.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
    }

    @Test
    void threadCountAndInterruptionDoNotChangeTheBytes() throws IOException {
        Path one = tmp.resolve("t1");
        Path two = tmp.resolve("t2");
        quick(one, 1);
        quick(two, 2);
        for (String f : List.of("results.csv", "claims.json")) {
            assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(two.resolve(f)), f);
        }
        // Interrupt: keep the header and the first 10 units of the checkpoint, then resume.
        Path resumed = tmp.resolve("resumed");
        Files.createDirectories(resumed);
        List<String> lines = Files.readAllLines(one.resolve("checkpoint.jsonl"), StandardCharsets.UTF_8);
        Files.write(resumed.resolve("checkpoint.jsonl"), lines.subList(0, 11), StandardCharsets.UTF_8);
        quick(resumed, 2);
        for (String f : List.of("results.csv", "claims.json")) {
            assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(resumed.resolve(f)), f);
        }
    }

    @Test
    void commandLineRunsTheQuickAudit() {
        Path out = tmp.resolve("cli");
        assertEquals(0, Main.execute("reproduce", "fu2023", "--quick", "--out", out.toString(), "--threads", "2"));
        assertTrue(Files.exists(out.resolve("claims.json")));
        assertEquals(Main.EXIT_USAGE, Main.execute("reproduce", "fu2023", "--quick", "--threads", "0", "--out",
                tmp.resolve("bad").toString()));
        assertTrue(Files.notExists(tmp.resolve("bad")), "no output on bad input");
    }
}
