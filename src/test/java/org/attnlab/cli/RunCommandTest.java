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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Bad input to {@code attnlab run}: one line, exit 2, nothing written. One row per check. */
class RunCommandTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "missing file;        test-data/studies/nope.toml;                                      STUDY test-data/studies/nope.toml: not found",
        "bad study file;      test-data/studies/bad/rank-above-d.toml;                          settings[0].r must be <= d = 1, got 2",
        "toml syntax;         test-data/studies/bad/toml-syntax.toml;                           must be valid TOML, got a syntax error at line 6, column 9",
        "unknown engine;      test-data/studies/valid-small.toml --engine dask;                 --engine must be one of [local, spark], got dask",
        "master without spark; test-data/studies/valid-small.toml --master local[2];            --master must be given only with --engine spark, got local[2]",
        "threads 0;           test-data/studies/valid-small.toml --threads 0;                   --threads must be in [1, 1024], got 0",
        "plan cores 0;        test-data/studies/valid-small.toml --plan --cores 0;              --cores must be > 0, got 0",
        "plan points 1;       test-data/studies/valid-small.toml --plan --calibration-points 1; --calibration-points must be >= 2, got 1",
        "missing study;       --threads 2;                                                      STUDY",
    })
    void badInputIsOneLineExitTwoAndWritesNothing(String name, String args, String expected) {
        Path out = dir.resolve("out");
        List<String> argv = new ArrayList<>(List.of("run"));
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
}
