package org.attnlab.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code proofs/openjml-esc.sh} in {@code mvn verify}: OpenJML {@code --esc} on the kernel package when
 * {@code OPENJML_HOME} is set (a failed check fails the build), otherwise the script prints one line
 * "OpenJML: skipped (OPENJML_HOME not set) ..." and this test passes.
 */
class OpenJmlIT {

    /** Generous: ESC of a few small methods takes seconds to a few minutes. */
    private static final long TIMEOUT_MINUTES = 15;

    @Test
    void openJmlEscOnKernelsOrClearSkip() throws Exception {
        Path basedir = Path.of(System.getProperty("attnlab.basedir", "."));
        Process process = new ProcessBuilder("bash", basedir.resolve("proofs/openjml-esc.sh").toString())
                .directory(basedir.toFile())
                .redirectErrorStream(true)
                .start();
        // echo through System.out: surefire/failsafe only relay the test JVM's Java streams
        try (java.io.BufferedReader out = new java.io.BufferedReader(
                new java.io.InputStreamReader(process.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                System.out.println(line);
            }
        }
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("OpenJML: no result within " + TIMEOUT_MINUTES + " minutes");
        }
        assertEquals(0, process.exitValue(), "OpenJML ESC failed on the kernels (output above)"
               );
    }
}
