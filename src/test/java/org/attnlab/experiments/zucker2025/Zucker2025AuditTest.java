package org.attnlab.experiments.zucker2025;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.attnlab.audit.AuditOptions;
import org.attnlab.audit.AuditOutcome;
import org.attnlab.audit.Claim;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit on a tiny sweep (3 settings x 3 M x 2 seeds = 18 units of a few hundred samples): same bytes at
 * any thread count, and after an interruption plus a half-written checkpoint record, resumed to the same bytes.
 */
class Zucker2025AuditTest {

    @TempDir
    static Path dir;

    static final Zucker2025Config TINY = new Zucker2025Config(
            List.of(new RateSetting(1, 3, 3), new RateSetting(2, 3, 3)),
            List.of(new RateSetting(1, 3, 3), new RateSetting(1, 4, 4)),
            new int[] {60, 120, 240}, 2, 6, 1, 0.1, 8, 4.0, 4.0, 0, 15, 1e-6, 2, 50, false, 20);

    static final int UNITS = 18;

    static byte[] reference;
    static byte[] referenceClaims;
    static AuditOutcome referenceOutcome;

    private static AuditOptions options(Path out, int threads, AuditOptions.Progress p) {
        return new AuditOptions(out, false, threads, 7, "all", p);
    }

    @BeforeAll
    static void uninterruptedOnOneThread() throws IOException {
        Path out = dir.resolve("t1");
        referenceOutcome = new Zucker2025Audit().run(TINY, options(out, 1, AuditOptions.Progress.silent()));
        reference = Files.readAllBytes(out.resolve("rates.csv"));
        referenceClaims = Files.readAllBytes(out.resolve("claims.json"));
    }

    @Test
    void outputsHaveTheDocumentedStructure() throws IOException {
        Path out = dir.resolve("t1");
        List<String> lines = Files.readAllLines(out.resolve("rates.csv"));
        assertEquals(String.join(",", Zucker2025Experiment.COLUMNS), lines.get(0));
        assertEquals(UNITS + 1, lines.size());
        assertEquals(UNITS + 1, Files.readAllLines(out.resolve("timings.csv")).size());
        assertEquals(CoercivityTable.plan().size() + 1, Files.readAllLines(out.resolve("coercivity.csv")).size());
        for (String f : List.of("report.md", "fig1a.png", "fig1a.svg", "fig1b.png", "fig1b.svg", "claims.json")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        List<String> ids = referenceOutcome.claims().stream().map(Claim::id).toList();
        assertEquals(List.of("fig1a.slope.d1-P3", "fig1a.slope.d2-P3", "fig1a.d-independence.d2-P3",
                "fig1b.theory.d1-P3", "fig1b.published.d1-P3", "fig1b.theory.d1-P4", "fig1b.smoother-is-faster", "coercivity.lemma"), ids);
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("![fig1a](fig1a.png)"), report);
        assertTrue(report.contains("fig1a.d-independence"), report);
        for (Claim c : referenceOutcome.claims()) {
            assertTrue(c.lower() <= c.measured() && c.measured() <= c.upper() || c.id().contains("independence")
                    || c.id().startsWith("coercivity"),
                    c.toString());
        }
    }

    @Test
    void sameBytesOnThreeThreads() throws IOException {
        Path out = dir.resolve("t3");
        new Zucker2025Audit().run(TINY, options(out, 3, AuditOptions.Progress.silent()));
        assertArrayEquals(reference, Files.readAllBytes(out.resolve("rates.csv")));
        assertArrayEquals(referenceClaims, Files.readAllBytes(out.resolve("claims.json")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("t1/coercivity.csv")),
                Files.readAllBytes(out.resolve("coercivity.csv")));
    }

    /** Stops the run after k finished units, as a kill would (the k units are already fsynced). */
    private static final class Killer implements AuditOptions.Progress {
        final int k;
        int steps;

        Killer(int k) {
            this.k = k;
        }

        @Override
        public void start(String task, long total, long alreadyDone) {
        }

        @Override
        public void step() {
            if (++steps == k) {
                throw new IllegalStateException("killed after " + k + " units");
            }
        }

        @Override
        public void finish() {
        }
    }

    @Test
    void interruptedThenResumedGivesTheSameBytes() throws IOException {
        Path out = dir.resolve("resume");
        assertThrows(IllegalStateException.class, () -> new Zucker2025Audit().run(TINY, options(out, 2, new Killer(7))));
        Path cp = out.resolve("checkpoint.jsonl");
        // a record half-written at the moment of the kill
        Files.writeString(cp, "{\"key\":\"d2-P3/M240/s01\",\"row\":{\"setting\":\"d2", java.nio.file.StandardOpenOption.APPEND);
        AtomicInteger restored = new AtomicInteger(-1);
        AtomicInteger computed = new AtomicInteger();
        new Zucker2025Audit().run(TINY, options(out, 2, new AuditOptions.Progress() {
            boolean rates;

            @Override
            public void start(String task, long total, long alreadyDone) {
                rates = task.startsWith("zucker2025 fig");
                if (rates) {
                    restored.set((int) alreadyDone);
                }
            }

            @Override
            public void step() {
                if (rates) {
                    computed.incrementAndGet();
                }
            }

            @Override
            public void finish() {
            }
        }));
        assertEquals(7, restored.get());
        assertEquals(UNITS - 7, computed.get());
        assertArrayEquals(reference, Files.readAllBytes(out.resolve("rates.csv")));
        assertArrayEquals(referenceClaims, Files.readAllBytes(out.resolve("claims.json")));
    }

    @Test
    void aCheckpointOfAnotherSeedIsRefused() {
        Path out = dir.resolve("t1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Zucker2025Audit().run(TINY,
                new AuditOptions(out, false, 1, 8, "all", AuditOptions.Progress.silent())));
        assertTrue(e.getMessage().contains("another configuration"), e.getMessage());
    }

    /**
     * {@code --precision}: a target no interval can meet stops at the unit budget, after adding seeds in index
     * order; the rows of the first seeds are the reference run's rows (a precision run extends, never redraws).
     */
    @Test
    void precisionRunsAddSeedsUntilTheBudget() throws IOException {
        Path out = dir.resolve("precision");
        int budget = TINY.withSeeds(TINY.seeds() + Zucker2025Audit.PRECISION_STEP).plan("all").size();
        AuditOptions o = new AuditOptions(out, false, 2, 7, "all", AuditOptions.Progress.silent(), 1e-9, budget, 0);
        AuditOutcome outcome = new Zucker2025Audit().run(TINY, o);
        List<String> lines = Files.readAllLines(out.resolve("rates.csv"));
        assertEquals(budget + 1, lines.size());
        assertTrue(outcome.notes().get(0).contains("unit budget reached"), outcome.notes().toString());
        List<String> ref = Files.readAllLines(dir.resolve("t1/rates.csv"));
        for (String row : ref.subList(1, ref.size())) {
            assertTrue(lines.contains(row), "reference row kept: " + row);
        }
        // a target every interval meets stops at once, on the configured seeds
        Path easy = dir.resolve("precision-easy");
        AuditOutcome e = new Zucker2025Audit().run(TINY, new AuditOptions(easy, false, 1, 7, "all",
                AuditOptions.Progress.silent(), 100, 0, 0));
        assertTrue(e.notes().get(0).contains("precision reached"), e.notes().toString());
        assertArrayEquals(reference, Files.readAllBytes(easy.resolve("rates.csv")));
    }

    /**
     * {@code --precision} adds seeds only to the settings whose slope interval is still wider than asked, and the
     * reference setting of each difference claim (d1-P3, against d2-P3 in 1(a) and d1-P4 in 1(b)) follows the
     * settings it is compared with: with a target between the narrowest and the widest of the reference run's slope
     * half-widths, the narrow settings keep their 2 seeds, the wide ones get 4 more, and d1-P3 has as many as the
     * most of d2-P3 and d1-P4.
     */
    @Test
    void precisionAddsSeedsOnlyWhereAnIntervalIsTooWide() throws IOException {
        java.util.Map<String, Double> half = new java.util.LinkedHashMap<>();
        for (Claim c : referenceOutcome.claims()) {
            String id = c.id();
            if (id.startsWith("fig1a.slope.") || id.startsWith("fig1b.theory.")) {
                half.put(id.substring(id.lastIndexOf('.') + 1), 0.5 * (c.upper() - c.lower()));
            }
        }
        double lo = java.util.Collections.min(half.values());
        double hi = java.util.Collections.max(half.values());
        assertTrue(hi > lo, "the tiny sweep's half-widths differ: " + half);
        double target = 0.5 * (lo + hi);
        java.util.Map<String, Integer> expected = new java.util.HashMap<>();
        for (java.util.Map.Entry<String, Double> e : half.entrySet()) {
            expected.put(e.getKey(), e.getValue() > target ? TINY.seeds() + Zucker2025Audit.PRECISION_STEP
                    : TINY.seeds());
        }
        expected.put("d1-P3", Math.max(expected.get("d1-P3"), Math.max(expected.get("d2-P3"),
                expected.get("d1-P4"))));
        int budget = 0;
        for (int n : expected.values()) {
            budget += n * TINY.sizes().length;
        }
        Path out = dir.resolve("precision-some");
        new Zucker2025Audit().run(TINY, new AuditOptions(out, false, 2, 7, "all", AuditOptions.Progress.silent(),
                target, budget, 0));
        java.util.Map<String, java.util.Set<String>> seeds = new java.util.HashMap<>();
        List<String> lines = Files.readAllLines(out.resolve("rates.csv"));
        for (String row : lines.subList(1, lines.size())) {
            String[] f = row.split(",");
            seeds.computeIfAbsent(f[0], k -> new java.util.HashSet<>()).add(f[5]);
        }
        for (java.util.Map.Entry<String, Double> e : half.entrySet()) {
            assertEquals(expected.get(e.getKey()), seeds.get(e.getKey()).size(), e.getKey() + " half-width "
                    + e.getValue() + " target " + target + ", expected " + expected);
        }
    }
}
