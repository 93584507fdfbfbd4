package org.attnlab.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.attnlab.internal.RandomStreams;
import org.attnlab.report.CsvTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelRunnerTest {

    @TempDir
    Path dir;

    record Unit(int setting, int size, int rep) {
        String key() {
            return "s" + setting + "/n" + size + "/r" + rep;
        }
    }

    private static List<Unit> plan() {
        List<Unit> p = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            for (int n = 10; n <= 40; n *= 2) {
                for (int r = 0; r < 4; r++) {
                    p.add(new Unit(s, n, r));
                }
            }
        }
        return p;
    }

    /** A fake unit: mean of `size` uniforms from the unit's own seed; sleeps a little to shuffle completion. */
    private static Row fake(Unit u) throws InterruptedException {
        RandomStreams.Stream rng = RandomStreams.stream(Seeds.forKey(5, u.key()),
                RandomStreams.Purpose.EXPERIMENT, 0);
        double sum = 0;
        for (int i = 0; i < u.size(); i++) {
            sum += rng.uniform();
        }
        Thread.sleep((u.rep() * 7 + u.size()) % 3);
        return Row.builder().put("setting", u.setting()).put("size", u.size()).put("rep", u.rep())
                .put("value", sum / u.size()).build();
    }

    private byte[] runToCsv(Path out, int threads, ParallelRunner.UnitFunction<Unit> fn) throws IOException {
        try (CheckpointStore store = CheckpointStore.open(out.resolve("cp.jsonl"), "seed=5")) {
            List<Row> rows = ParallelRunner.run("t", plan(), Unit::key, fn, store, threads,
                    AuditOptions.Progress.silent());
            CsvTable.write(out.resolve("r.csv"), List.of("setting", "size", "rep", "value"), rows);
        }
        return Files.readAllBytes(out.resolve("r.csv"));
    }

    @Test
    void sameBytesAtAnyThreadCount() throws IOException {
        byte[] one = runToCsv(dir.resolve("t1"), 1, ParallelRunnerTest::fake);
        byte[] four = runToCsv(dir.resolve("t4"), 4, ParallelRunnerTest::fake);
        assertArrayEquals(one, four);
        assertEquals(plan().size() + 1, Files.readAllLines(dir.resolve("t1/r.csv")).size());
    }

    @Test
    void aRunStoppedAfterKUnitsResumesToTheSameBytes() throws IOException {
        byte[] uninterrupted = runToCsv(dir.resolve("full"), 2, ParallelRunnerTest::fake);
        Path out = dir.resolve("resumed");
        AtomicInteger calls = new AtomicInteger();
        int k = 9;
        ParallelRunner.UnitFunction<Unit> dying = u -> {
            if (calls.incrementAndGet() > k) {
                throw new IllegalStateException("killed");
            }
            return fake(u);
        };
        assertThrows(IllegalStateException.class, () -> runToCsv(out, 1, dying));
        AtomicInteger recomputed = new AtomicInteger();
        byte[] resumed = runToCsv(out, 3, u -> {
            recomputed.incrementAndGet();
            return fake(u);
        });
        assertEquals(plan().size() - k, recomputed.get());
        assertArrayEquals(uninterrupted, resumed);
    }

    @Test
    void seedsDependOnTheKeyOnly() {
        assertEquals(Seeds.forKey(1, "a/1"), Seeds.forKey(1, "a/1"));
        assertNotEquals(Seeds.forKey(1, "a/1"), Seeds.forKey(1, "a/2"));
        assertNotEquals(Seeds.forKey(1, "a/1"), Seeds.forKey(2, "a/1"));
    }

    @Test
    void badInputs() {
        try (CheckpointStore store = CheckpointStore.open(dir.resolve("cp.jsonl"), "x")) {
            AuditOptions.Progress p = AuditOptions.Progress.silent();
            assertThrows(IllegalArgumentException.class,
                    () -> ParallelRunner.run("t", plan(), Unit::key, ParallelRunnerTest::fake, store, 0, p));
            assertThrows(IllegalArgumentException.class,
                    () -> ParallelRunner.run("t", List.of(new Unit(0, 1, 0), new Unit(0, 1, 0)), Unit::key,
                            ParallelRunnerTest::fake, store, 1, p));
            assertThrows(IllegalArgumentException.class,
                    () -> ParallelRunner.run("t", plan(), Unit::key, null, store, 1, p));
        }
    }
}
