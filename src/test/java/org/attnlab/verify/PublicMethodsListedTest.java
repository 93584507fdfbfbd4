package org.attnlab.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * proofs/public-methods.txt names every public method and constructor of the five core packages (kernel, basis,
 * sampler, erm, coercivity) with how its contract is checked; this test fails when one is missing from the list or
 * a listed one no longer exists (compared by class and name; regenerate the list with
 * {@code python3 proofs/gen-public-methods.py} after {@code mvn compile}).
 */
class PublicMethodsListedTest {

    private static final List<String> PACKAGES = List.of("kernel", "basis", "sampler", "erm", "coercivity");

    @Test
    void everyPublicMethodOfTheCoreIsListed() throws Exception {
        Set<String> listed = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("proofs/public-methods.txt"), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                listed.add(line.substring(0, line.indexOf('(')));
            }
        }
        Set<String> actual = new TreeSet<>();
        for (String pkg : PACKAGES) {
            for (String name : topLevelTypes(pkg)) {
                Class<?> type = Class.forName("org.attnlab." + pkg + "." + name);
                if (!Modifier.isPublic(type.getModifiers())) {
                    continue;
                }
                for (Method m : type.getDeclaredMethods()) {
                    boolean enumHelper = type.isEnum() && (m.getName().equals("values")
                            || m.getName().equals("valueOf"));
                    if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge() && !enumHelper) {
                        actual.add(name + "::" + m.getName());
                    }
                }
                for (Constructor<?> c : type.getDeclaredConstructors()) {
                    if (Modifier.isPublic(c.getModifiers()) && !c.isSynthetic()) {
                        actual.add(name + "::" + name);
                    }
                }
            }
        }
        Set<String> missing = new TreeSet<>(actual);
        missing.removeAll(listed);
        Set<String> stale = new TreeSet<>(listed);
        stale.removeAll(actual);
        assertTrue(missing.isEmpty(), "public methods missing from proofs/public-methods.txt (run python3 "
                + "proofs/gen-public-methods.py after mvn compile): " + missing);
        assertTrue(stale.isEmpty(), "proofs/public-methods.txt lists methods that no longer exist: " + stale);
    }

    private static List<String> topLevelTypes(String pkg) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/attnlab", pkg))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".java") && !n.equals("package-info.java"))
                    .map(n -> n.substring(0, n.length() - ".java".length())).sorted().toList();
        }
    }
}
