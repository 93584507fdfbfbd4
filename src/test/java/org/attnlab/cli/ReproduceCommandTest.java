package org.attnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.attnlab.experiments.Audits;
import org.attnlab.experiments.zucker2025.Zucker2025Audit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Bad input to {@code attnlab reproduce}: one line, exit 2, nothing written. One row per check. */
class ReproduceCommandTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "unknown paper;         nope --quick;                  paper must be one of [zucker2025, fu2023, marion2024], got nope",
        "bad figure;            zucker2025 --figure 1c;        figure must be one of [1a, 1b, all], got 1c",
        "threads 0;             zucker2025 --threads 0;        --threads must be in [1, 1024], got 0",
        "negative threads;      zucker2025 --threads -3;       --threads must be in [1, 1024], got -3",
        "threads not a number;  zucker2025 --threads many;     many",
        "seed not a number;     zucker2025 --seed x1;          x1",
        "missing paper;         --quick;                       PAPER",
        "unknown option;        zucker2025 --fast;             --fast",
        "precision negative;    zucker2025 --precision -0.1;   --precision must be finite and >= 0 (0 = a fixed grid), got -0.1",
        "precision NaN;         zucker2025 --precision NaN;    --precision must be finite and >= 0 (0 = a fixed grid), got NaN",
        "precision infinite;    zucker2025 --precision Infinity; --precision must be finite and >= 0 (0 = a fixed grid), got Infinity",
        "budget on fixed grid;  zucker2025 --precision 0 --budget-units 9;   --budget-units",
        "budget on quick run;   zucker2025 --quick --budget-units 9;         --budget-units",
        "precision elsewhere;   fu2023 --precision 0.05;       precision must be used only with an audit that supports it",
        "negative unit budget;  zucker2025 --precision 0.05 --budget-units -1;   budget-units must be >= 0, got -1",
        "negative minutes;      zucker2025 --precision 0.05 --budget-minutes -2; budget-minutes must be",
    })
    void badInputIsOneLineExitTwoAndWritesNothing(String name, String args, String expected) {
        Path out = dir.resolve("out");
        List<String> argv = new ArrayList<>(List.of("reproduce"));
        argv.addAll(List.of(args.trim().split("\\s+")));
        argv.add("--out");
        argv.add(out.toString());
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        int code = cl.execute(argv.toArray(new String[0]));
        String text = err.toString();
        assertEquals(Main.EXIT_USAGE, code, text);
        assertTrue(text.startsWith("attnlab: "), text);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains(expected.trim()), text);
        assertFalse(Files.exists(out), "no output for bad input");
    }

    /** A full zucker2025 run aims at the half-width by default; a quick run and the other audits do not. */
    @Test
    void onlyAFullZuckerRunHasADefaultPrecision() {
        assertEquals(0.05, Zucker2025Audit.DEFAULT_PRECISION);
        assertEquals(0.05, Audits.find("zucker2025").orElseThrow().defaultPrecision(false));
        assertTrue(Double.isNaN(Audits.find("zucker2025").orElseThrow().defaultPrecision(true)));
        assertTrue(Double.isNaN(Audits.find("fu2023").orElseThrow().defaultPrecision(false)));
        assertTrue(Double.isNaN(Audits.find("marion2024").orElseThrow().defaultPrecision(false)));
    }
}
