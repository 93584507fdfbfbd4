package org.attnlab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.attnlab.io.OutputSet;
import org.attnlab.io.RunLock;

/**
 * How commands write into an output directory: under the directory's {@link RunLock} (one run per
 * {@code --out}), as one {@link OutputSet} (all files or none; stale files of the previous set removed; what an
 * interrupted run left cleaned up and reported on standard error).
 */
final class Outputs {

    /** The work of a command, run under the lock with its writes staged. */
    @FunctionalInterface
    interface Body<T> {
        T run() throws Exception;
    }

    private Outputs() {
    }

    /** Runs {@code body} under the lock of {@code dir}; all its writes there form one set (none are state). */
    static void writeSet(Path dir, String command, Runnable body) {
        try {
            run(dir, command, name -> false, () -> {
                body.run();
                return null;
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs {@code body} under the lock of {@code dir}; files for which {@code state} holds are written in place
     * (resumable state such as checkpoints), every other file written into {@code dir} is staged and committed
     * with the rest when the body returns.
     */
    static <T> T run(Path dir, String command, Predicate<String> state, Body<T> body) throws Exception {
        PrintStream err = System.err;
        try (RunLock lock = RunLock.acquire("--out", dir, command);
             OutputSet set = OutputSet.begin(dir, state)) {
            for (String r : set.repaired()) {
                err.println("attnlab: " + dir + ": cleaned up " + r);
            }
            T result = body.run();
            List<String> stale = set.commit();
            if (!stale.isEmpty()) {
                err.println("attnlab: " + dir + ": removed stale files of the previous run: " + String.join(", ", stale));
            }
            return result;
        }
    }
}
