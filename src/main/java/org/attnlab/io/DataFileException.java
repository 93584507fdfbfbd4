package org.attnlab.io;

import java.nio.file.Path;
import org.attnlab.internal.Checks;

/** Builds the readers' error messages: {@code "<file>: line L, column C (<name>): <name> must be <rule>, got <value>"}. */
final class DataFileException {

    private DataFileException() {
    }

    static IllegalArgumentException at(Path file, long line, int column, String name, String rule, Object value) {
        return new IllegalArgumentException(file + ": line " + line + ", column " + column + " (" + name + "): "
                + Checks.message(name, rule, printable(value)));
    }

    static IllegalArgumentException field(Path file, String field, String rule, Object value) {
        return new IllegalArgumentException(file + ": field " + field + ": " + Checks.message(field, rule, printable(value)));
    }

    /** An invalid byte sequence, with its line and column. */
    static IllegalArgumentException encoding(Path file, EncodingException e) {
        return new IllegalArgumentException(file + ": line " + e.line() + ", column " + e.column() + ": "
                + "the file must be UTF-8, got an invalid byte sequence (" + e.getMessage().replaceFirst(".*\\(bytes ", "bytes "), e);
    }

    /** A file that is not JSON, with the parser's line and column. */
    static IllegalArgumentException json(Path file, com.fasterxml.jackson.core.JsonProcessingException e) {
        com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new IllegalArgumentException(file + ": not valid JSON" + where + ": "
                + Printable.escape(String.valueOf(e.getOriginalMessage()).replaceAll("\\s+", " ")), e);
    }

    private static Object printable(Object value) {
        return value instanceof String || value instanceof com.fasterxml.jackson.databind.JsonNode
                ? Printable.escape(String.valueOf(value)) : value;
    }
}
