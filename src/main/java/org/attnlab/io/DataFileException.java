package org.attnlab.io;

import java.nio.file.Path;
import org.attnlab.internal.Checks;

/** Builds the readers' error messages: {@code "<file>: line L, column C (<name>): <name> must be <rule>, got <value>"}. */
final class DataFileException {

    private DataFileException() {
    }

    static IllegalArgumentException at(Path file, long line, int column, String name, String rule, Object value) {
        return new IllegalArgumentException(file + ": line " + line + ", column " + column + " (" + name + "): "
                + Checks.message(name, rule, value));
    }

    static IllegalArgumentException field(Path file, String field, String rule, Object value) {
        return new IllegalArgumentException(file + ": field " + field + ": " + Checks.message(field, rule, value));
    }
}
