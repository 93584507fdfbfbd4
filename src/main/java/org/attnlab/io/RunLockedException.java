package org.attnlab.io;

/** A second run on an output directory that another run holds (exit code 1: the environment, not the input). */
public final class RunLockedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RunLockedException(String message) {
        super(message);
    }
}
