package org.attnlab.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The study-file reader: the valid base file read field by field, and the catalogue of bad study files
 * ({@code test-data/studies/bad/CATALOGUE.tsv}): each file is {@code valid-small.toml} with one edit, and must
 * fail with exactly one error line, the one written in the catalogue by hand (a trailing {@code ...} matches a
 * prefix, for the parser's own wording of TOML syntax errors).
 */
class StudyFileTest {

    static final Path DIR = Path.of("test-data", "studies");

    @Test
    void readsTheValidBaseFile() throws IOException {
        Study s = StudyFile.read(DIR.resolve("valid-small.toml"));
        assertEquals("small", s.id());
        assertEquals("two settings, tiny grid", s.title());
        assertEquals(7L, s.masterSeed());
        assertEquals(2, s.seeds());
        assertEquals(List.of(100, 200), List.of(s.grid()[0], s.grid()[1]));
        assertEquals("absolute", s.error());
        assertEquals(2, s.evalBlocks());
        assertEquals(200, s.bootstrap());
        assertEquals(new EstimatorSpec("rate", 8.0, Double.NaN, 0, 0, 20, 1e-6), s.estimator());
        assertEquals(2, s.settings().size());
        StudySetting d2 = s.setting("d2");
        assertEquals(new StudySetting("d2", 2, 10, 1, TokenLawSpec.uniform(), ActivationSpec.bspline(3, 8, 4.0), 0.1,
                2), d2);
        assertEquals(3, s.claims().size());
        ClaimSpec.Slope slope = (ClaimSpec.Slope) s.claims().get(0);
        assertTrue(slope.theory());
        assertEquals(0.1, slope.margin());
        assertEquals(List.of("d1", "d2"), s.claims().get(1).settings());
        assertEquals(new ClaimSpec.Faster("dir", "the error of d1 falls faster in M than that of d2", "d1", "d2"),
                s.claims().get(2));
        assertEquals(2L * 2 * 2, s.units());
    }

    @Test
    void optionalKeysTakeTheirDocumentedDefaults() {
        Study s = StudyFile.parse("""
                [study]
                id = "x"
                master_seed = -3
                seeds = 3
                grid = [10, 20]
                [[settings]]
                id = "a"
                d = 3
                N = 4
                r = 2
                noise = 0
                tokens = { law = "exchangeable", tau = 0.25 }
                phi = { family = "abs", exponent = 1.5 }
                """, "inline");
        assertEquals("x", s.title());
        assertEquals("absolute", s.error());
        assertEquals(8, s.evalBlocks());
        assertEquals(2000, s.bootstrap());
        assertEquals(new EstimatorSpec("rate", 8.0, Double.NaN, 0, 2, 100, 1e-6), s.estimator());
        StudySetting a = s.settings().get(0);
        assertEquals(new TokenLawSpec("exchangeable", "uniform", 0.25), a.law());
        assertEquals(1.5, a.phi().beta());
        assertEquals(2, a.degree());
        assertTrue(s.claims().isEmpty());
    }

    @Test
    void aFileWithSeveralBadEntriesReportsEachOnItsOwnLine() {
        StudyFileException e = assertThrows(StudyFileException.class, () -> StudyFile.parse("""
                [study]
                id = "x"
                master_seed = 1
                seeds = 0
                grid = [10, 20]
                colour = "red"
                [[settings]]
                id = "a"
                d = 0
                N = 4
                r = 1
                noise = 0
                tokens = { law = "uniform" }
                phi = { family = "tanh" }
                """, "inline"));
        assertEquals(List.of(
                "study.colour must be a known key (one of id, title, master_seed, seeds, grid, error, eval_blocks, "
                        + "bootstrap), got an unknown key",
                "study.seeds must be an integer in [2, 10000], got 0",
                "settings[0].d must be an integer in [1, 1000], got 0"), e.errors());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void everyShippedStudyFileIsValid() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("docs", "studies"))) {
            List<Path> tomls = files.filter(p -> p.toString().endsWith(".toml")).sorted().toList();
            assertTrue(tomls.size() >= 4, tomls.toString());
            for (Path p : tomls) {
                Study s = StudyFile.read(p);
                assertEquals(p.getFileName().toString(), s.id() + ".toml");
            }
        }
    }

    static Stream<Arguments> catalogue() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("bad").resolve("CATALOGUE.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", 2);
            rows.add(Arguments.of(f[0], f[1]));
        }
        return rows.stream();
    }

    @Test
    void theCatalogueHasAtLeastThirtyRowsAndEveryBadFileIsInIt() throws IOException {
        List<String> listed = catalogue().map(a -> (String) a.get()[0]).toList();
        assertTrue(listed.size() >= 30, "rows: " + listed.size());
        try (Stream<Path> files = Files.list(DIR.resolve("bad"))) {
            List<String> onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".toml"))
                    .sorted().toList();
            assertEquals(onDisk, listed.stream().sorted().toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void badStudyFileFailsWithOneLineNamingTheKeyPath(String file, String expected) {
        Path path = DIR.resolve("bad").resolve(file);
        StudyFileException e = assertThrows(StudyFileException.class, () -> StudyFile.read(path));
        assertEquals(1, e.errors().size(), () -> "errors: " + e.errors());
        String got = e.errors().get(0);
        if (expected.endsWith("...")) {
            String prefix = expected.substring(0, expected.length() - 3).replace("FILE", path.toString());
            assertTrue(got.startsWith(prefix), () -> "expected prefix: " + prefix + "\ngot: " + got);
        } else {
            assertEquals(expected, got);
        }
        assertFalse(got.contains("\n"));
    }
}
