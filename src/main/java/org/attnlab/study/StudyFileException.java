package org.attnlab.study;

import java.util.List;

/**
 * A study file that breaks the schema: one line per bad entry, each {@code "<key path> must be <rule>, got
 * <value>"}. The message is the lines joined by {@code "; "} (one line).
 */
public final class StudyFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> errors;

    /** @param errors the error lines, at least one */
    public StudyFileException(List<String> errors) {
        super(String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    /** The error lines, in file order. */
    public List<String> errors() {
        return errors;
    }
}
