package org.attnlab.io;

import java.io.IOException;

/** A byte sequence that is not valid UTF-8, with its 1-based line and column (in characters). */
public final class EncodingException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long line;
    private final long column;

    EncodingException(long line, long column, String bytes) {
        super("not valid UTF-8 at line " + line + ", column " + column + " (bytes " + bytes + ")");
        this.line = line;
        this.column = column;
    }

    /** 1-based line of the first invalid byte. */
    public long line() {
        return line;
    }

    /** 1-based column (characters decoded on that line, plus one) of the first invalid byte. */
    public long column() {
        return column;
    }
}
