package org.attnlab.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One run per output directory: an OS file lock ({@link FileChannel#tryLock}) on {@code DIR/.attnlab.lock}, held
 * for the whole run and released by the operating system when the process ends, however it ends (so a
 * {@code kill -9} never leaves a stale lock). The file records the holder's pid, command and start time, so a
 * second run fails at once naming it. The file itself stays (deleting a lock file races with its next user).
 */
public final class RunLock implements AutoCloseable {

    /** The lock file's name inside the output directory. */
    public static final String FILE = ".attnlab.lock";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates {@code dir} if missing and locks it for this process.
     *
     * @param option the option that named the directory, e.g. {@code --out}
     * @param command what this run is, recorded for the next run's message (e.g. {@code reproduce zucker2025})
     * @throws RunLockedException naming the other run's pid and command, if another run holds the directory
     * @throws UncheckedIOException if the directory or the lock file cannot be created
     */
    public static RunLock acquire(String option, Path dir, String command) {
        try {
            Files.createDirectories(dir);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UncheckedIOException("cannot create " + option + " " + dir
                    + ": the parent directory does not accept new directories (no such file or directory)", e);
        } catch (IOException e) {
            throw IoMessages.unchecked("cannot create " + option, dir, e);
        }
        Path file = dir.resolve(FILE);
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw IoMessages.unchecked("cannot create the lock file of " + option, file, e);
        }
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            close(ch);
            throw IoMessages.unchecked("cannot lock " + option, file, e);
        }
        if (lock == null) {
            String holder = holder(ch);
            close(ch);
            throw new RunLockedException(option + " " + dir + " is in use by another attnlab run (" + holder
                    + "); wait for it to finish or use another " + option);
        }
        try {
            String text = "pid " + ProcessHandle.current().pid() + "\ncommand " + command.replaceAll("\\R", " ")
                    + "\nstarted " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n";
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
        } catch (IOException e) {
            close(lock, ch);
            throw IoMessages.unchecked("cannot write the lock file of " + option, file, e);
        }
        return new RunLock(file, ch, lock);
    }

    /** What the lock file says about its holder: "pid P: COMMAND, since T". */
    private static String holder(FileChannel ch) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(4096);
            ch.read(buf, 0);
            String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
            String pid = field(text, "pid");
            if (pid == null) {
                return "its lock file names no process yet";
            }
            boolean self = pid.equals(Long.toString(ProcessHandle.current().pid()));
            return "pid " + pid + (self ? " (this process)" : "") + ": " + field(text, "command") + ", since "
                    + field(text, "started");
        } catch (IOException e) {
            return "its lock file is unreadable: " + IoMessages.reason(e);
        }
    }

    private static String field(String text, String name) {
        for (String line : text.split("\n")) {
            if (line.startsWith(name + " ")) {
                return Printable.escape(line.substring(name.length() + 1));
            }
        }
        return null;
    }

    /** The lock file. */
    public Path file() {
        return file;
    }

    @Override
    public void close() {
        close(lock, channel);
    }

    private static void close(FileLock lock, FileChannel ch) {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it as well
        }
        close(ch);
    }

    private static void close(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing left to do: the OS releases the lock with the process
        }
    }
}
