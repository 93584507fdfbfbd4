package org.attnlab.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Says in words what an {@link IOException} means ("not found", "is a directory", "permission denied", ...),
 * instead of the JDK's bare path ({@code NoSuchFileException: runs/nope.csv}).
 */
public final class IoMessages {

    private IoMessages() {
    }

    /** The reason in words, without the path: e.g. {@code "not found"}, {@code "permission denied"}. */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "not found";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        if (e instanceof FileSystemException fs) {
            String r = fs.getReason();
            if (r != null && !r.isBlank()) {
                return r.substring(0, 1).toLowerCase(Locale.ROOT) + r.substring(1);
            }
            return "file system error";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** The path the exception names, if any (the innermost file of a two-file operation). */
    public static String subject(IOException e) {
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            return fs.getFile();
        }
        return null;
    }

    /**
     * {@code "<verb> <path>: <reason>"}, naming the file the JDK blames when it differs from {@code path}
     * (for example a parent directory that cannot be created).
     */
    public static String describe(String verb, Path path, IOException e) {
        String subject = subject(e);
        boolean same = subject == null || path == null
                || Path.of(subject).toAbsolutePath().normalize().equals(path.toAbsolutePath().normalize());
        String where = same ? "" : " (" + subject + ")";
        return verb + " " + path + where + ": " + reason(e);
    }

    /** An {@link UncheckedIOException} carrying {@link #describe}. */
    public static UncheckedIOException unchecked(String verb, Path path, IOException e) {
        return new UncheckedIOException(describe(verb, path, e), e);
    }
}
