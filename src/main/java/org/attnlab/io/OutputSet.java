package org.attnlab.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * A command's output files written as one set: while the set is open, every {@link AtomicFiles} write into its
 * directory goes to a hidden staging directory {@code DIR/.attnlab-staging-PID-RANDOM/}; {@link #commit()} moves
 * them into place together. A run that fails or is killed before the commit leaves the previous set untouched.
 *
 * <p>Commit protocol (so that a kill at any point is repaired at the next start, under the {@link RunLock}):
 * <ol>
 *   <li>write {@code STAGING/.commit}, the list of the set's files -- from here on the set is complete;</li>
 *   <li>move every staged file over its target;</li>
 *   <li>delete the files of the previous set ({@value #MANIFEST}) that this set does not contain (for example
 *       {@code fig1b.*} when {@code --figure 1a} follows an {@code all} run): they are stale;</li>
 *   <li>write the new manifest {@value #MANIFEST} and delete the staging directory.</li>
 * </ol>
 * {@link #begin} first finishes a set whose {@code .commit} exists (roll forward), deletes staging directories
 * without one (an interrupted run), and removes temporary files of dead processes. Files a predicate names as
 * the run's state (checkpoints) are written in place, never staged. The caller holds the directory's
 * {@link RunLock}.
 */
public final class OutputSet implements AutoCloseable {

    /** The manifest of the last committed set: one file name per line. */
    public static final String MANIFEST = ".attnlab-outputs";
    /** The prefix of staging directories. */
    public static final String STAGING_PREFIX = ".attnlab-staging-";
    private static final String COMMIT = ".commit";

    private static final Map<Path, OutputSet> ACTIVE = new ConcurrentHashMap<>();

    private final Path dir;
    private final Path staging;
    private final Predicate<String> inPlace;
    private final Set<String> names = Collections.synchronizedSet(new LinkedHashSet<>());
    private final List<String> repaired;
    private boolean committed;

    private OutputSet(Path dir, Path staging, Predicate<String> inPlace, List<String> repaired) {
        this.dir = dir;
        this.staging = staging;
        this.inPlace = inPlace;
        this.repaired = repaired;
    }

    /**
     * Opens a set on {@code dir} (created if missing): repairs what an interrupted run left, then stages.
     *
     * @param inPlace names of files written directly into {@code dir} (the run's state, e.g. checkpoints)
     * @throws IllegalStateException if a set is already open on {@code dir} in this process
     * @throws UncheckedIOException if the directory cannot be prepared
     */
    public static OutputSet begin(Path dir, Predicate<String> inPlace) {
        Path key = dir.toAbsolutePath().normalize();
        List<String> repaired = new ArrayList<>();
        Path staging;
        try {
            Files.createDirectories(key);
            repaired.addAll(recover(key));
            repaired.addAll(AtomicFiles.removeStaleTemporaries(key));
            staging = key.resolve(STAGING_PREFIX + ProcessHandle.current().pid() + "-"
                    + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36));
            Files.createDirectory(staging);
        } catch (IOException e) {
            throw IoMessages.unchecked("cannot prepare the output directory", dir, e);
        }
        OutputSet set = new OutputSet(key, staging, inPlace, repaired);
        if (ACTIVE.putIfAbsent(key, set) != null) {
            deleteTree(staging);
            throw new IllegalStateException("an output set is already open on " + dir);
        }
        return set;
    }

    /** Where a write to {@code absolute} goes while a set is open on its directory, or null. */
    static Path redirect(Path absolute) {
        if (ACTIVE.isEmpty()) {
            return null;
        }
        Path parent = absolute.normalize().getParent();
        OutputSet set = parent == null ? null : ACTIVE.get(parent);
        if (set == null || set.committed) {
            return null;
        }
        String name = absolute.getFileName().toString();
        if (set.inPlace.test(name)) {
            return null;
        }
        set.names.add(name);
        return set.staging.resolve(name);
    }

    /** What {@link #begin} cleaned up: staging directories and temporary files of interrupted runs. */
    public List<String> repaired() {
        return List.copyOf(repaired);
    }

    /** The names staged so far. */
    public List<String> names() {
        synchronized (names) {
            return List.copyOf(names);
        }
    }

    /**
     * Moves the staged files into place together, deletes the previous set's files this set lacks, and writes
     * the manifest.
     *
     * @return the stale files deleted
     * @throws UncheckedIOException if a file cannot be moved or written (the next {@link #begin} finishes the job)
     */
    public List<String> commit() {
        List<String> list = names();
        try {
            for (String name : list) {
                // a target that cannot be replaced fails the commit before anything moves
                Path target = dir.resolve(name);
                if (Files.isDirectory(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    throw new java.nio.file.FileSystemException(target.toString(), null,
                            "is a directory, so the output cannot replace it; nothing of this run was moved into "
                                    + dir);
                }
            }
            AtomicFiles.writeDirect(staging.resolve(COMMIT), staging.resolve(COMMIT),
                    out -> out.write(lines(list).getBytes(StandardCharsets.UTF_8)));
            committed = true;
            return finish(dir, staging, list);
        } catch (IOException e) {
            throw IoMessages.unchecked("cannot commit the outputs of", dir, e);
        } finally {
            ACTIVE.remove(dir, this);
        }
    }

    /** Drops an uncommitted set (its staged files are deleted; the previous set is untouched). */
    @Override
    public void close() {
        ACTIVE.remove(dir, this);
        if (!committed) {
            deleteTree(staging);
        }
    }

    private static List<String> finish(Path dir, Path staging, List<String> list) throws IOException {
        for (String name : list) {
            Path from = staging.resolve(name);
            if (Files.exists(from)) {
                try {
                    Files.move(from, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(from, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        List<String> stale = new ArrayList<>();
        Path manifest = dir.resolve(MANIFEST);
        if (list.isEmpty()) {
            // a run that wrote nothing here (its outputs went elsewhere) leaves the previous set as it was
            deleteTree(staging);
            return stale;
        }
        if (Files.isRegularFile(manifest)) {
            for (String old : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                if (!old.isEmpty() && !list.contains(old) && isPlainName(old) && Files.deleteIfExists(dir.resolve(old))) {
                    stale.add(old);
                }
            }
        }
        AtomicFiles.writeDirect(manifest, manifest, out -> out.write(lines(list).getBytes(StandardCharsets.UTF_8)));
        deleteTree(staging);
        return stale;
    }

    /** Finishes committed sets and deletes uncommitted staging directories of runs that ended. */
    private static List<String> recover(Path dir) throws IOException {
        List<String> done = new ArrayList<>();
        List<Path> stagings = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, STAGING_PREFIX + "*")) {
            ds.forEach(stagings::add);
        }
        Collections.sort(stagings);
        for (Path s : stagings) {
            if (!Files.isDirectory(s)) {
                continue;
            }
            Path commit = s.resolve(COMMIT);
            if (Files.isRegularFile(commit)) {
                List<String> list = new ArrayList<>();
                for (String n : Files.readAllLines(commit, StandardCharsets.UTF_8)) {
                    if (!n.isEmpty() && isPlainName(n)) {
                        list.add(n);
                    }
                }
                finish(dir, s, list);
                done.add(s.getFileName() + " (an interrupted commit, finished)");
            } else {
                deleteTree(s);
                done.add(s.getFileName() + " (the uncommitted outputs of an interrupted run, deleted)");
            }
        }
        return done;
    }

    private static boolean isPlainName(String name) {
        return !name.contains("/") && !name.contains("\\") && !name.equals("..") && !name.equals(".");
    }

    private static String lines(List<String> list) {
        StringBuilder sb = new StringBuilder();
        for (String n : list) {
            sb.append(n).append('\n');
        }
        return sb.toString();
    }

    private static void deleteTree(Path p) {
        try {
            if (Files.isDirectory(p)) {
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
                    for (Path c : ds) {
                        deleteTree(c);
                    }
                }
            }
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: the next begin() deletes what is left
        }
    }
}
