package org.attnlab.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {

    @TempDir
    Path dir;

    private static Row row(double e, long it) {
        return Row.builder().put("error", e).put("iterations", it).put("status", "converged, ok").build();
    }

    @Test
    void appendedUnitsAreRestoredExactly() {
        Path f = dir.resolve("cp.jsonl");
        double awkward = 0.1 + 0.2;
        try (CheckpointStore s = CheckpointStore.open(f, "seed=1")) {
            assertEquals(0, s.restoredCount());
            s.append("a", row(awkward, 3));
            s.append("b", row(Double.NaN, 4));
            assertTrue(s.isDone("a"));
            assertThrows(IllegalArgumentException.class, () -> s.append("a", row(1, 1)));
        }
        try (CheckpointStore s = CheckpointStore.open(f, "seed=1")) {
            assertEquals(2, s.restoredCount());
            assertEquals(0, s.discardedBytes());
            assertEquals(List.of("a", "b"), List.copyOf(s.completed().keySet()));
            assertEquals(awkward, s.get("a").doubleValue("error"));
            assertTrue(Double.isNaN(s.get("b").doubleValue("error")));
            assertEquals(row(awkward, 3), s.get("a"));
            assertEquals(List.of("error", "iterations", "status"), s.get("a").columns());
        }
    }

    @Test
    void aHalfWrittenLastLineIsDiscardedAndOverwritten() throws IOException {
        Path f = dir.resolve("cp.jsonl");
        try (CheckpointStore s = CheckpointStore.open(f, "x")) {
            s.append("a", row(1.5, 1));
            s.append("b", row(2.5, 2));
        }
        byte[] full = Files.readAllBytes(f);
        // cut the last record in the middle, as a kill during write would
        byte[] cut = java.util.Arrays.copyOf(full, full.length - 7);
        Files.write(f, cut);
        try (CheckpointStore s = CheckpointStore.open(f, "x")) {
            assertEquals(1, s.restoredCount());
            assertFalse(s.isDone("b"));
            assertTrue(s.discardedBytes() > 0);
            s.append("b", row(2.5, 2));
        }
        assertEquals(new String(full, StandardCharsets.UTF_8), Files.readString(f));
    }

    @Test
    void aCorruptRecordEndsTheRestoredPrefix() throws IOException {
        Path f = dir.resolve("cp.jsonl");
        try (CheckpointStore s = CheckpointStore.open(f, "x")) {
            s.append("a", row(1.5, 1));
        }
        String text = Files.readString(f);
        Files.writeString(f, text.replace("1.5", "1.6")); // checksum no longer matches
        try (CheckpointStore s = CheckpointStore.open(f, "x")) {
            assertEquals(0, s.restoredCount());
        }
        Files.writeString(f, "garbage\n", StandardOpenOption.APPEND);
        try (CheckpointStore s = CheckpointStore.open(f, "x")) {
            assertEquals(0, s.restoredCount());
        }
    }

    @Test
    void aDamagedRecordMidFileIsDiscardedAloneAndReported() throws IOException {
        Path f = dir.resolve("cp.jsonl");
        try (CheckpointStore s = CheckpointStore.open(f, "x")) {
            s.append("a", row(1.5, 1));
            s.append("b", row(2.5, 2));
            s.append("c", row(3.5, 3));
        }
        String whole = Files.readString(f);
        Files.writeString(f, whole.replace("2.5", "2.6") + "{\"key\":\"d\"");
        try (CheckpointStore s = CheckpointStore.open(f, "x")) {
            assertEquals(2, s.restoredCount(), "a and c are intact and kept");
            assertTrue(s.isDone("a") && s.isDone("c") && !s.isDone("b"));
            assertEquals(2, s.repairs().size(), s.repairs().toString());
            assertTrue(s.repairs().get(0).startsWith("line 3 (") && s.repairs().get(0).contains("checksum mismatch"),
                    s.repairs().toString());
            assertTrue(s.repairs().get(1).startsWith("line 5 (10 bytes, no newline at the end"), s.repairs().toString());
            assertEquals(Files.size(f), whole.length() - whole.lines().toList().get(2).length() - 1);
            s.append("b", row(2.5, 2));
        }
        try (CheckpointStore s = CheckpointStore.open(f, "x")) {
            assertEquals(3, s.restoredCount());
            assertEquals(List.of(), s.repairs());
            assertEquals(0, s.discardedBytes());
        }
    }

    @Test
    void aRepeatedUnitKeepsTheFirstRecord() throws IOException {
        Path f = dir.resolve("cp.jsonl");
        try (CheckpointStore s = CheckpointStore.open(f, "x")) {
            s.append("a", row(1.5, 1));
        }
        List<String> lines = Files.readAllLines(f);
        Files.writeString(f, String.join("\n", lines) + "\n" + lines.get(1) + "\n");
        try (CheckpointStore s = CheckpointStore.open(f, "x")) {
            assertEquals(1, s.restoredCount());
            assertTrue(s.repairs().get(0).contains("a second record of unit a"), s.repairs().toString());
        }
        assertEquals(2, Files.readAllLines(f).size());
    }

    @Test
    void anotherConfigurationIsRefused() {
        Path f = dir.resolve("cp.jsonl");
        CheckpointStore.open(f, "seed=1").close();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CheckpointStore.open(f, "seed=2"));
        assertTrue(e.getMessage().contains("another configuration"), e.getMessage());
    }

    @Test
    void aForeignFileIsRefused() throws IOException {
        Path f = dir.resolve("notes.txt");
        Files.writeString(f, "hello\n");
        assertThrows(IllegalArgumentException.class, () -> CheckpointStore.open(f, "x"));
    }
}
