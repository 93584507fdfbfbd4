package org.attnlab.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every jqwik property of the core packages fixes its seed, so the same tries run in every build and PIT's
 * mutation score does not move between runs (jqwik has no global seed setting).
 */
class SeededPropertiesTest {

    private static final List<String> CORE = List.of("kernel", "basis", "sampler", "erm", "coercivity",
            "internal");
    private static final Pattern PROPERTY = Pattern.compile("@Property\\b(\\([^)]*\\))?");

    @Test
    void everyCorePropertyHasAFixedSeed() throws IOException {
        List<String> unseeded = new ArrayList<>();
        int seen = 0;
        for (String pkg : CORE) {
            Path dir = Path.of("src/test/java/org/attnlab", pkg);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.sorted().toList()) {
                    String text = Files.readString(f, StandardCharsets.UTF_8);
                    Matcher m = PROPERTY.matcher(text);
                    while (m.find()) {
                        seen++;
                        if (m.group(1) == null || !m.group(1).contains("seed")) {
                            unseeded.add(f.getFileName() + " at offset " + m.start());
                        }
                    }
                }
            }
        }
        assertTrue(seen > 20, "expected the core property tests, found " + seen + " @Property annotations");
        assertTrue(unseeded.isEmpty(), "core jqwik properties without a fixed seed: " + unseeded);
    }
}
