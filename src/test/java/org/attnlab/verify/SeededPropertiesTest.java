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
 * Every jqwik property of the whole test tree fixes its seed, so the same tries run in every build and PIT's
 * mutation score does not move between runs (jqwik has no global seed setting).
 */
class SeededPropertiesTest {

    private static final Path TESTS = Path.of("src/test/java");
    private static final List<String> CORE = List.of("kernel", "basis", "sampler", "erm", "coercivity",
            "internal");
    /** The annotation at the start of a line (not in a comment or a string), with its arguments if any. */
    private static final Pattern PROPERTY = Pattern.compile("(?m)^\\s*@Property\\b(\\([^)]*\\))?");
    private static final Pattern JQWIK_IMPORT = Pattern.compile("(?m)^import net\\.jqwik\\.api\\.");

    @Test
    void everyPropertyHasAFixedSeed() throws IOException {
        List<String> unseeded = new ArrayList<>();
        List<String> packagesSeen = new ArrayList<>();
        int seen = 0;
        try (Stream<Path> files = Files.walk(TESTS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                if (!JQWIK_IMPORT.matcher(text).find()) {
                    continue; // another library's @Property
                }
                Matcher m = PROPERTY.matcher(text);
                while (m.find()) {
                    seen++;
                    String pkg = TESTS.relativize(f.getParent()).getFileName().toString();
                    if (!packagesSeen.contains(pkg)) {
                        packagesSeen.add(pkg);
                    }
                    if (m.group(1) == null || !m.group(1).contains("seed")) {
                        unseeded.add(TESTS.relativize(f) + " at offset " + m.start());
                    }
                }
            }
        }
        assertTrue(seen > 30, "expected the project's property tests, found " + seen + " @Property annotations");
        assertTrue(packagesSeen.containsAll(CORE.subList(0, 5)),
                "expected properties in every core package, found them in " + packagesSeen);
        assertTrue(unseeded.isEmpty(), "jqwik properties without a fixed seed: " + unseeded);
    }
}
