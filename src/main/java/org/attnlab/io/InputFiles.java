package org.attnlab.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Input files at the command-line boundary: a missing, unreadable or wrong-kind input file is bad input (exit
 * code 2), reported as {@code "--data runs/nope.csv: not found"} -- never the JDK's bare path.
 */
public final class InputFiles {

    private InputFiles() {
    }

    /**
     * Requires {@code file} to be an existing, readable regular file.
     *
     * @param option the option or field that named the file, e.g. {@code --data}
     * @throws IllegalArgumentException "OPTION FILE: not found | is a directory | permission denied | is empty"
     */
    public static Path requireReadable(String option, Path file) {
        if (file == null) {
            throw new IllegalArgumentException(option + " must be a file, got nothing");
        }
        if (file.toString().isEmpty()) {
            throw new IllegalArgumentException(option + " must be a non-empty path, got ''");
        }
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(option + " " + file + ": not found");
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " " + file + ": is a directory, not a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(option + " " + file + ": not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(option + " " + file + ": permission denied");
        }
        return file;
    }

    /**
     * Checks {@code file} with {@link #requireReadable} and reads it with {@code reader}; an I/O failure while
     * reading is reported as bad input naming the option.
     *
     * @throws IllegalArgumentException if the file is missing or unreadable, or the reader refuses its content
     */
    public static <T> T read(String option, Path file, Function<Path, T> reader) {
        requireReadable(option, file);
        try {
            return reader.apply(file);
        } catch (UncheckedIOException e) {
            IOException cause = e.getCause();
            String msg = cause == null ? e.getMessage() : IoMessages.reason(cause);
            throw new IllegalArgumentException(option + " " + file + ": " + msg, e);
        }
    }
}
