package org.attnlab.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the shaded jar: {@code attnlab run docs/studies/zucker2025-fig1-quick.toml --threads 2}
 * writes the same rates.csv bytes as {@code attnlab reproduce zucker2025 --quick --threads 2} (same master
 * seed 1, same grid): arXiv 2510.11789 Figure 1 expressed as a study file is that audit.
 */
class StudyZuckerIT {

    @TempDir
    static Path dir;

    private static int attnlab(Path log, String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("attnlab.jar");
        assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)), "shaded jar not built: " + jar);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Djava.awt.headless=true", "-jar", jar));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("CI", "1");
        Process p = pb.start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "timed out");
        return p.exitValue();
    }

    @Test
    void theQuickStudyFileWritesTheRatesOfReproduceZucker2025Quick() throws Exception {
        Path study = dir.resolve("study");
        Path audit = dir.resolve("audit");
        Path log1 = dir.resolve("study.log");
        Path log2 = dir.resolve("audit.log");
        assertEquals(0, attnlab(log1, "run", "docs/studies/zucker2025-fig1-quick.toml", "--out", study.toString(),
                "--threads", "2"), () -> log1.toString());
        assertEquals(0, attnlab(log2, "reproduce", "zucker2025", "--quick", "--out", audit.toString(), "--threads",
                "2", "--seed", "1"), () -> log2.toString());
        assertArrayEquals(Files.readAllBytes(audit.resolve("rates.csv")), Files.readAllBytes(study.resolve("rates.csv")));
        assertTrue(Files.readString(log1).contains("wall time:"));
    }
}
