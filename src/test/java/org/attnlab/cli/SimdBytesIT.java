package org.attnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.attnlab.testsupport.ShadedJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SIMD loops (org.attnlab.internal.Simd) change the speed, never a result: through the shaded jar in separate
 * JVMs, {@code fit} with {@code --add-modules jdk.incubator.vector} writes the same JSON (but for the wall time) as
 * {@code fit} with {@code -Dattnlab.simd=false} (d = 30, r = 1, p = 3: the bench's shape, smaller) and as {@code fit}
 * without the module (d = 5, r = 2, p = 2: two columns of U and V). Thread counts are covered elsewhere (same
 * bytes at any count); here both runs use 2.
 */
class SimdBytesIT {

    private static final long TIMEOUT_MINUTES = 5;
    private static final String INCUBATOR = "WARNING: Using incubator modules: jdk.incubator.vector";

    @TempDir
    Path dir;

    /** Runs the jar with the given JVM options; returns its output (stdout and stderr), failing on a non-zero exit. */
    private String run(List<String> jvm, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Djava.awt.headless=true"));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-jar", ShadedJar.path().toString()));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "run", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES), "timed out: " + cmd);
        String out = Files.readString(log);
        assertEquals(0, p.exitValue(), cmd + "\n" + out);
        return out;
    }

    /** The fit JSON without its wall-time field. */
    private static String withoutSeconds(Path json) throws IOException {
        return Files.readString(json).replaceAll("\"seconds\"\\s*:\\s*[-0-9.eE]+,?", "");
    }

    /**
     * Samples a data set and fits it twice at 2 threads, with the SIMD loops and with the scalar ones (the given
     * JVM options), and checks that the fit JSON is the same but for the wall time.
     */
    private void sameBytes(String name, List<String> scalar, String[] sample, String[] fit) throws Exception {
        Path data = dir.resolve(name);
        List<String> sampleArgs = new ArrayList<>(List.of("sample", "--out", data.toString()));
        sampleArgs.addAll(List.of(sample));
        run(List.of(), sampleArgs.toArray(new String[0]));
        String reference = null;
        List<List<String>> variants = List.of(List.of("--add-modules", "jdk.incubator.vector"), scalar);
        for (List<String> jvm : variants) {
            Path out = dir.resolve(name + "-" + (reference == null ? "simd" : "scalar") + ".json");
            List<String> args = new ArrayList<>(List.of("fit", "--data", data.resolve("data.csv").toString(), "--out",
                    out.toString(), "--threads", "2"));
            args.addAll(List.of(fit));
            String log = run(jvm, args.toArray(new String[0]));
            assertEquals(jvm.contains("jdk.incubator.vector"), log.contains(INCUBATOR),
                    "the module is loaded exactly when asked for: " + jvm + "\n" + log);
            String json = withoutSeconds(out);
            if (reference == null) {
                reference = json;
            } else {
                assertEquals(reference, json, name + ": the scalar loops (" + jvm + ") differ from the SIMD loops");
            }
        }
    }

    @Test
    void rankOneAtDimensionThirtyGivesTheSameBytesWithAndWithoutSimd() throws Exception {
        sameBytes("d30", List.of("--add-modules", "jdk.incubator.vector", "-Dattnlab.simd=false"),
                new String[] {"--dim", "30", "--samples", "600", "--tokens", "10", "--rank", "1", "--seed", "3",
                    "--activation", "tanh"},
                new String[] {"--pieces", "9", "--degree", "3", "--max-iterations", "15"});
    }

    @Test
    void rankTwoGivesTheSameBytesWithAndWithoutSimd() throws Exception {
        sameBytes("r2", List.of(),
                new String[] {"--dim", "5", "--samples", "500", "--tokens", "7", "--rank", "2", "--seed", "4",
                    "--activation", "tanh"},
                new String[] {"--pieces", "8", "--degree", "2", "--rank", "2", "--max-iterations", "15"});
    }
}
