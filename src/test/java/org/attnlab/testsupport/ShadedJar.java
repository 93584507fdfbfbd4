package org.attnlab.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shaded jar the integration tests run in separate JVMs: the path failsafe passes as the system property
 * {@code attnlab.jar}. A test that needs it is skipped (not failed) when it is not built, e.g. when an IT is run
 * from an IDE without {@code mvn package}.
 */
public final class ShadedJar {

    private ShadedJar() {
    }

    /** The jar's path; skips the calling test when the property is unset or the file is missing. */
    public static Path path() {
        String p = System.getProperty("attnlab.jar");
        assumeTrue(p != null && Files.isRegularFile(Path.of(p)), "shaded jar not built: " + p);
        return Path.of(p);
    }
}
