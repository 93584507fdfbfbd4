package org.attnlab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link OutputSet}, {@link AtomicFiles}' temporaries and {@link RunLock}: the protocol of spec/data-format.md. */
class OutputSetTest {

    @TempDir
    Path dir;

    private List<String> visible() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    private List<String> hidden() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).sorted().toList();
        }
    }

    @Test
    void aCommittedSetAppearsTogetherWithItsManifest() throws IOException {
        try (OutputSet set = OutputSet.begin(dir, n -> false)) {
            AtomicFiles.writeString(dir.resolve("a.csv"), "a");
            AtomicFiles.writeString(dir.resolve("b.json"), "b");
            assertEquals(List.of(), visible(), "nothing visible before the commit");
            assertEquals(List.of(), set.commit());
        }
        assertEquals(List.of("a.csv", "b.json"), visible());
        assertEquals("a.csv\nb.json\n", Files.readString(dir.resolve(OutputSet.MANIFEST)));
        assertEquals(List.of(OutputSet.MANIFEST), hidden(), "no staging directory left");
    }

    @Test
    void anUncommittedSetLeavesThePreviousOneUntouched() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "old");
        try (OutputSet set = OutputSet.begin(dir, n -> false)) {
            AtomicFiles.writeString(dir.resolve("a.csv"), "new");
            AtomicFiles.writeString(dir.resolve("b.csv"), "new");
        }
        assertEquals("old", Files.readString(dir.resolve("a.csv")));
        assertEquals(List.of("a.csv"), visible());
        assertEquals(List.of(), hidden());
    }

    @Test
    void staleFilesOfThePreviousSetAreRemovedOthersKept() throws IOException {
        Files.writeString(dir.resolve(OutputSet.MANIFEST), "fig1a.png\nfig1b.png\n");
        Files.writeString(dir.resolve("fig1b.png"), "stale");
        Files.writeString(dir.resolve("notes.txt"), "the user's");
        try (OutputSet set = OutputSet.begin(dir, n -> false)) {
            AtomicFiles.writeString(dir.resolve("fig1a.png"), "new");
            assertEquals(List.of("fig1b.png"), set.commit());
        }
        assertEquals(List.of("fig1a.png", "notes.txt"), visible());
    }

    @Test
    void anEmptySetKeepsThePreviousManifest() throws IOException {
        Files.writeString(dir.resolve(OutputSet.MANIFEST), "a.csv\n");
        Files.writeString(dir.resolve("a.csv"), "kept");
        try (OutputSet set = OutputSet.begin(dir, n -> false)) {
            assertEquals(List.of(), set.commit());
        }
        assertEquals(List.of("a.csv"), visible());
        assertEquals("a.csv\n", Files.readString(dir.resolve(OutputSet.MANIFEST)));
    }

    @Test
    void stateFilesAreWrittenInPlace() throws IOException {
        try (OutputSet set = OutputSet.begin(dir, n -> n.endsWith(".jsonl"))) {
            AtomicFiles.writeString(dir.resolve("checkpoint.jsonl"), "x");
            assertEquals(List.of("checkpoint.jsonl"), visible());
            assertEquals(List.of(), set.names());
        }
        assertEquals(List.of("checkpoint.jsonl"), visible());
    }

    @Test
    void anInterruptedCommitIsFinishedAndAnUncommittedStagingDeleted() throws IOException {
        Path committed = Files.createDirectory(dir.resolve(OutputSet.STAGING_PREFIX + "999999998-a"));
        Files.writeString(committed.resolve("a.csv"), "from the killed commit");
        Files.writeString(committed.resolve(".commit"), "a.csv\nb.csv\n");
        Files.writeString(dir.resolve("b.csv"), "already moved");
        Path uncommitted = Files.createDirectory(dir.resolve(OutputSet.STAGING_PREFIX + "999999999-b"));
        Files.writeString(uncommitted.resolve("c.csv"), "half a run");
        Files.writeString(dir.resolve(".c.csv.999999999.rdead.tmp"), "half a file");
        Path live = dir.resolve(".d.csv." + ProcessHandle.current().pid() + ".rlive.tmp");
        Files.writeString(live, "a write in progress in this process");
        try (OutputSet set = OutputSet.begin(dir, n -> false)) {
            assertEquals(3, set.repaired().size(), set.repaired().toString());
            assertTrue(set.repaired().get(0).contains("finished"), set.repaired().toString());
            assertTrue(set.repaired().get(1).contains("deleted"), set.repaired().toString());
            assertEquals(".c.csv.999999999.rdead.tmp", set.repaired().get(2));
        }
        assertEquals("from the killed commit", Files.readString(dir.resolve("a.csv")));
        assertEquals(List.of("a.csv", "b.csv"), visible());
        assertEquals("a.csv\nb.csv\n", Files.readString(dir.resolve(OutputSet.MANIFEST)));
        assertTrue(Files.exists(live), "a live process's temporary file is kept");
        Files.delete(live);
    }

    @Test
    void oneSetPerDirectoryAndOneLockPerDirectory() {
        try (OutputSet set = OutputSet.begin(dir, n -> false)) {
            assertThrows(IllegalStateException.class, () -> OutputSet.begin(dir, n -> false));
        }
        try (RunLock lock = RunLock.acquire("--out", dir, "first")) {
            RunLockedException e = assertThrows(RunLockedException.class, () -> RunLock.acquire("--out", dir, "second"));
            assertTrue(e.getMessage().contains("(pid " + ProcessHandle.current().pid() + " (this process): first, since "),
                    e.getMessage());
        }
        RunLock.acquire("--out", dir, "third").close();
    }

    @Test
    void filesGetTheUmaskPermissionsNot0600() throws IOException {
        Path probe = dir.resolve("probe");
        Files.newOutputStream(probe).close();
        AtomicFiles.writeString(dir.resolve("written"), "x");
        assertEquals(Files.getPosixFilePermissions(probe), Files.getPosixFilePermissions(dir.resolve("written")));
        assertFalse(Files.getPosixFilePermissions(dir.resolve("written")).isEmpty());
    }
}
