package org.attnlab.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.attnlab.internal.RandomStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local engine on a typed unit family: results in plan order, decoded from their rows, the same after a
 * kill mid-run (and a half-written checkpoint line) and a resume, at any thread count; restored units are not
 * computed again.
 */
class UnitEngineTest {

    @TempDir
    Path dir;

    record Unit(int index) {
    }

    record Result(int index, double value) {
    }

    /** 24 units; each a pure function of its key's seed. */
    static final class Family implements UnitFamily<Unit, Result> {
        final AtomicInteger computed = new AtomicInteger();

        @Override
        public String name() {
            return "test";
        }

        @Override
        public String checkpointName() {
            return "cp.jsonl";
        }

        @Override
        public String fingerprint() {
            return "test/1";
        }

        @Override
        public List<Unit> units() {
            List<Unit> u = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                u.add(new Unit(i));
            }
            return u;
        }

        @Override
        public String key(Unit unit) {
            return "u" + unit.index();
        }

        @Override
        public Result compute(Unit unit) {
            computed.incrementAndGet();
            RandomStreams.Stream s = RandomStreams.stream(Seeds.forKey(3, key(unit)),
                    RandomStreams.Purpose.EXPERIMENT, 0);
            return new Result(unit.index(), s.uniform() / 3.0);
        }

        @Override
        public Row encode(Result r) {
            return Row.builder().put("index", r.index()).put("value", r.value()).build();
        }

        @Override
        public Result decode(Unit unit, Row row) {
            return new Result((int) row.longValue("index"), row.doubleValue("value"));
        }
    }

    /** Stops the run after k finished units, as a kill would (those k are already fsynced). */
    static AuditOptions.Progress killAfter(int k) {
        return new AuditOptions.Progress() {
            int steps;

            @Override
            public void start(String task, long total, long alreadyDone) {
            }

            @Override
            public void step() {
                if (++steps == k) {
                    throw new IllegalStateException("killed");
                }
            }

            @Override
            public void finish() {
            }
        };
    }

    @Test
    void resumeAfterAKillGivesTheUninterruptedResults() throws Exception {
        Family f = new Family();
        List<Result> reference = UnitEngine.local(dir.resolve("ref"), 1, AuditOptions.Progress.silent()).run(f);
        assertEquals(24, reference.size());
        for (int i = 0; i < 24; i++) {
            assertEquals(i, reference.get(i).index());
        }
        Path out = dir.resolve("killed");
        Family g = new Family();
        assertThrows(IllegalStateException.class, () -> UnitEngine.local(out, 3, killAfter(9)).run(g));
        // a process killed mid-write leaves half a line
        Files.writeString(out.resolve("cp.jsonl"), "{\"key\":\"u99\",\"row\":{\"ind", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        Family h = new Family();
        List<Result> resumed = UnitEngine.local(out, 2, AuditOptions.Progress.silent()).run(h);
        assertEquals(reference, resumed);
        assertEquals(24 - 9, h.computed.get(), "the 9 checkpointed units are restored, not recomputed");
    }
}
