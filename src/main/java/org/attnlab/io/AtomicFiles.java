package org.attnlab.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes files so that a reader never sees half of one: the content goes to a temporary file
 * {@code .NAME.PID.rRANDOM.tmp} in the same directory, which is then moved over the target (atomically where the
 * file system allows). If writing fails, the temporary file is deleted and the target is left as it was; the
 * temporary file of a process that was killed is removed by {@link #removeStaleTemporaries} at the next start
 * (it names its process). Files get the permissions the umask gives (not the 0600 of
 * {@code Files.createTempFile}).
 *
 * <p>While an {@link OutputSet} is open on the target's directory, the file is written into the set's staging
 * directory instead and moved into place with the rest of the set.
 */
public final class AtomicFiles {

    /** Writes the content of a stream. */
    @FunctionalInterface
    public interface StreamBody {
        void write(OutputStream out) throws IOException;
    }

    /** Writes the content as text. */
    @FunctionalInterface
    public interface TextBody {
        void write(Writer out) throws IOException;
    }

    /** {@code .NAME.PID.rRANDOM.tmp}: group 1 is the pid. */
    private static final Pattern TEMPORARY = Pattern.compile("^\\..+\\.(\\d{1,19})\\.r[0-9a-z]+\\.tmp$");
    /** {@code .NAME.DIGITS.tmp}, the temporary files of versions before the pid was recorded. */
    private static final Pattern LEGACY = Pattern.compile("^\\..+\\.\\d+\\.tmp$");

    private AtomicFiles() {
    }

    /** Writes {@code target} from {@code body}, atomically. Creates missing parent directories. */
    public static void write(Path target, StreamBody body) {
        Path absolute = target.toAbsolutePath();
        Path staged = OutputSet.redirect(absolute);
        writeDirect(target, staged != null ? staged : absolute, body);
    }

    /** Writes {@code actual} (reporting errors as {@code target}), bypassing any output set. */
    static void writeDirect(Path target, Path actual, StreamBody body) {
        Path dir = actual.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            removeStaleTemporaries(dir, "." + actual.getFileName() + ".*.tmp");
            tmp = dir.resolve("." + actual.getFileName() + "." + ProcessHandle.current().pid() + ".r"
                    + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36) + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                body.write(out);
            }
            try {
                Files.move(tmp, actual, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, actual, StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.FileSystemException e) {
                // the move names the temporary file; the user named the target
                throw new java.nio.file.FileSystemException(actual.toString(), null, IoMessages.reason(e));
            }
            tmp = null;
        } catch (IOException e) {
            throw IoMessages.unchecked("cannot write", target, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write already failed; the original error is the one to report
                }
            }
        }
    }

    /** Writes {@code target} as UTF-8 text from {@code body}, atomically. */
    public static void writeText(Path target, TextBody body) {
        write(target, out -> {
            Writer writer = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
            body.write(writer);
            writer.flush();
        });
    }

    /** Writes {@code text} to {@code target} as UTF-8, atomically. */
    public static void writeString(Path target, String text) {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Deletes the temporary files in {@code dir} left by processes that no longer run (a killed write), and
     * returns their names. Files of live processes are left alone. A missing directory has none.
     *
     * @throws UncheckedIOException if the directory cannot be listed
     */
    public static List<String> removeStaleTemporaries(Path dir) {
        return removeStaleTemporaries(dir, ".*.tmp");
    }

    private static List<String> removeStaleTemporaries(Path dir, String glob) {
        List<String> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                Matcher m = TEMPORARY.matcher(name);
                boolean stale = m.matches() ? !alive(m.group(1)) : LEGACY.matcher(name).matches();
                if (stale && Files.isRegularFile(f)) {
                    Files.deleteIfExists(f);
                    removed.add(name);
                }
            }
        } catch (IOException e) {
            throw IoMessages.unchecked("cannot clean", dir, e);
        }
        return removed;
    }

    /** Whether the process {@code pid} runs (an unparsable or absurd pid does not). */
    static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
