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
