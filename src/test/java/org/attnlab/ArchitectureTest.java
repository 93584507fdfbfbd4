package org.attnlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rules of TEAM-BRIEF, checked on the sources in {@code src/main/java}:
 * <ul>
 *   <li>the core (kernel, internal, basis, sampler, erm, coercivity, rfa, slr) imports only java.*, org.ejml.*,
 *       org.apache.commons.math3.*, org.apache.commons.rng.* and core org.attnlab packages;</li>
 *   <li>kernel (verified by KeY) uses nothing outside java.lang, neither imported nor fully qualified;</li>
 *   <li>layers: cli -&gt; experiments -&gt; report -&gt; audit -&gt; io -&gt; {erm, coercivity, rfa, slr} -&gt;
 *       {basis, sampler} -&gt; {kernel, internal}; a package never imports one of a higher layer (so the audit
 *       layer never imports experiments or report, and report never imports experiments);</li>
 *   <li>vector (the optional SIMD loops) imports only java.*, jdk.incubator.vector.* and org.attnlab.kernel.*, and
 *       no other package names it in code (it is loaded by name, see org.attnlab.internal.Simd, so the verified
 *       kernels, OpenJML and KeY never read it, and a JVM without the Vector API never loads it);</li>
 *   <li>every package under org.attnlab is one of the known ones (a new package needs a layer here).</li>
 * </ul>
 */
class ArchitectureTest {

    /** Layer of each top-level package under org.attnlab; imports may only go to the same or a lower layer. */
    static final Map<String, Integer> LAYER = Map.ofEntries(
            Map.entry("kernel", 0), Map.entry("internal", 0), Map.entry("vector", 0),
            Map.entry("basis", 1), Map.entry("sampler", 1),
            Map.entry("erm", 2), Map.entry("coercivity", 2), Map.entry("rfa", 2), Map.entry("slr", 2),
            Map.entry("io", 3), Map.entry("audit", 4), Map.entry("report", 5), Map.entry("experiments", 6),
            Map.entry("study", 6), Map.entry("spark", 7), Map.entry("cli", 7));

    static final Set<String> CORE = Set.of("kernel", "internal", "basis", "sampler", "erm", "coercivity", "rfa", "slr");

    static final List<String> CORE_EXTERNAL = List.of("java.", "org.ejml.", "org.apache.commons.math3.",
            "org.apache.commons.rng.");

    /** A reference to the SIMD package in code (outside comments and strings). */
    private static final Pattern VECTOR_USE = Pattern.compile("\\borg\\.attnlab\\.vector\\.\\w+");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;",
            Pattern.MULTILINE);
    /** A qualified name: lower-case package segments followed by an upper-case type name. */
    private static final Pattern QUALIFIED = Pattern.compile("\\b((?:[a-z][a-z0-9_]*\\.)+)[A-Z]\\w*");

    /** The violations of one source file. */
    static List<String> violations(String file, String source) {
        List<String> out = new ArrayList<>();
        Matcher pm = PACKAGE.matcher(source);
        if (!pm.find()) {
            out.add(file + ": no package declaration");
            return out;
        }
        String pkg = pm.group(1);
        if (!pkg.startsWith("org.attnlab.")) {
            return out;
        }
        String top = topLevel(pkg);
        Integer layer = LAYER.get(top);
        if (layer == null) {
            out.add(file + ": package " + pkg + " has no layer; add it to ArchitectureTest.LAYER");
            return out;
        }
        if (!top.equals("vector")) {
            Matcher vm = VECTOR_USE.matcher(IMPORT.matcher(stripCommentsAndStrings(source)).replaceAll(""));
            if (vm.find()) {
                out.add(file + ": names " + vm.group() + " (the SIMD loops are loaded by name only, see Simd)");
            }
        }
        Matcher im = IMPORT.matcher(source);
        while (im.find()) {
            String imported = im.group(1);
            if (imported.startsWith("org.attnlab.")) {
                String target = topLevel(imported);
                Integer targetLayer = LAYER.get(target);
                if (target.equals("vector") && !top.equals("vector")) {
                    out.add(file + ": imports " + imported + " (the SIMD loops are loaded by name only, see Simd)");
                } else if (top.equals("vector") && !target.equals("kernel") && !target.equals("vector")) {
                    out.add(file + ": vector imports " + imported + " (SIMD loops depend on org.attnlab.kernel only)");
                } else if (targetLayer == null) {
                    out.add(file + ": imports unknown package " + imported);
                } else if (targetLayer > layer) {
                    out.add(file + ": " + top + " (layer " + layer + ") imports " + imported + " of the higher layer "
                            + target + " (" + targetLayer + ")");
                } else if (CORE.contains(top) && !CORE.contains(target)) {
                    out.add(file + ": core package " + top + " imports non-core " + imported);
                }
            } else if (top.equals("vector")) {
                if (!imported.startsWith("java.") && !imported.startsWith("jdk.incubator.vector.")) {
                    out.add(file + ": vector imports " + imported
                            + " (SIMD loops use only java.*, jdk.incubator.vector.* and org.attnlab.kernel)");
                }
            } else if (CORE.contains(top) && CORE_EXTERNAL.stream().noneMatch(imported::startsWith)) {
                out.add(file + ": core package " + top + " imports " + imported
                        + " (core allows only java.*, org.ejml.*, org.apache.commons.math3.*, org.apache.commons.rng.*)");
            }
            if (top.equals("kernel") && !imported.startsWith("java.lang.")) {
                out.add(file + ": kernel imports " + imported + " (KeY-verified kernels use java.lang only)");
            }
        }
        if (top.equals("kernel")) {
            String code = stripCommentsAndStrings(source);
            code = PACKAGE.matcher(code).replaceAll("");
            code = IMPORT.matcher(code).replaceAll(""); // imports are checked above
            Matcher qm = QUALIFIED.matcher(code);
            while (qm.find()) {
                String prefix = qm.group(1);
                if (!prefix.equals("java.lang.") && !prefix.startsWith("org.attnlab.kernel.")) {
                    out.add(file + ": kernel uses " + qm.group() + " (KeY-verified kernels use java.lang only)");
                }
            }
        }
        return out;
    }

    private static String topLevel(String qualified) {
        String rest = qualified.substring("org.attnlab.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** Removes comments (incl. JML, which may mention anything) and string / char literals. */
    static String stripCommentsAndStrings(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 2;
                out.append(' ');
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < s.length() && s.charAt(i) != c) {
                    i += s.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
                out.append("\"\"");
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    @Test
    void mainSourcesFollowThePackageRules() throws IOException {
        Path root = Path.of("src/main/java");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(f -> f.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
        assertTrue(files.size() > 5, "found the sources");
        List<String> all = new ArrayList<>();
        for (Path f : files) {
            all.addAll(violations(root.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8)));
        }
        assertEquals(List.of(), all, "architecture violations");
    }

    /** The checker itself rejects each kind of violation (so the test above can fail). */
    @Test
    void checkerCatchesEachKindOfViolation() {
        assertEquals(1, violations("a", "package org.attnlab.erm;\nimport com.fasterxml.jackson.X;\n").size());
        assertEquals(1, violations("b", "package org.attnlab.basis;\nimport picocli.CommandLine;\n").size());
        assertEquals(1, violations("c", "package org.attnlab.basis;\nimport org.attnlab.erm.Fit;\n").size());
        assertEquals(1, violations("d", "package org.attnlab.erm;\nimport org.attnlab.audit.Audit;\n").size());
        assertEquals(1, violations("e", "package org.attnlab.experiments;\nimport org.attnlab.cli.Main;\n").size());
        assertEquals(1, violations("f", "package org.attnlab.sampler;\nimport org.attnlab.io.AtomicFiles;\n").size());
        assertEquals(1, violations("g", "package org.attnlab.kernel;\nclass K { java.util.List l; }\n").size());
        assertEquals(1, violations("h", "package org.attnlab.kernel;\nimport java.util.Arrays;\n").size());
        assertEquals(1, violations("i", "package org.attnlab.kernel;\nimport org.ejml.data.DMatrixRMaj;\n").size());
        assertEquals(1, violations("j", "package org.attnlab.newthing;\n").size());
        assertEquals(1, violations("k", "package org.attnlab.internal;\nimport org.attnlab.basis.KnotVector;\n").size());
        assertEquals(1, violations("l", "package org.attnlab.report;\nimport org.attnlab.experiments.Audits;\n").size());
        assertEquals(1, violations("m", "package org.attnlab.audit;\nimport org.attnlab.report.Stats;\n").size());
        assertEquals(1, violations("n", "package org.attnlab.audit;\nimport org.attnlab.experiments.Audits;\n").size());
        assertEquals(1, violations("o", "package org.attnlab.erm;\nimport org.attnlab.audit.Claim;\n").size());
        assertEquals(1, violations("p", "package org.attnlab.erm;\nimport org.attnlab.vector.VectorGaussNewton;\n").size());
        assertEquals(1, violations("q", "package org.attnlab.erm;\nclass E { Object o = new org.attnlab.vector.V(); }\n")
                .size());
        assertEquals(1, violations("r", "package org.attnlab.vector;\nimport org.ejml.data.DMatrixRMaj;\n").size());
        assertEquals(1, violations("s", "package org.attnlab.vector;\nimport org.attnlab.erm.ErmResult;\n").size());
        // allowed
        assertEquals(List.of(), violations("ok1", "package org.attnlab.erm;\nimport org.ejml.data.DMatrixRMaj;\n"
                + "import org.apache.commons.math3.util.FastMath;\nimport org.attnlab.basis.KnotVector;\n"));
        assertEquals(List.of(), violations("ok2", "package org.attnlab.kernel;\n/** java.util.List in a comment */\n"
                + "class K { String s = \"java.util.List\"; double d = java.lang.Math.abs(1.0); }\n"));
        assertEquals(List.of(), violations("ok3", "package org.attnlab.cli;\nimport picocli.CommandLine;\n"
                + "import org.attnlab.audit.Audit;\nimport org.attnlab.report.Report;\n"));
        assertEquals(List.of(), violations("ok4", "package org.attnlab.experiments;\nimport org.attnlab.io.AtomicFiles;\n"));
        assertEquals(List.of(), violations("ok5", "package org.attnlab.report;\nimport org.attnlab.audit.Row;\n"));
        assertEquals(List.of(), violations("ok6", "package org.attnlab.audit;\nimport org.attnlab.io.AtomicFiles;\n"));
        assertEquals(List.of(), violations("ok7", "package org.attnlab.vector;\nimport jdk.incubator.vector.DoubleVector;\n"
                + "import org.attnlab.kernel.GaussNewtonLoops;\n"));
        assertEquals(List.of(), violations("ok8", "package org.attnlab.erm;\nclass E { Object o = load(\"org.attnlab.vector.V\"); }\n"));
    }
}
