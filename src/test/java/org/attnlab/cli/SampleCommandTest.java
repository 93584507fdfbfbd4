package org.attnlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.attnlab.io.DatasetCsv;
import org.attnlab.io.GroundTruthJson;
import org.attnlab.sampler.BSplineActivation;
import org.attnlab.sampler.Dataset;
import org.attnlab.sampler.ExchangeableTokens;
import org.attnlab.sampler.GaussianTokens;
import org.attnlab.sampler.GroundTruth;
import org.attnlab.sampler.Sampler;
import org.attnlab.sampler.UniformCube;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code attnlab sample} in-process through {@link Main#execute}, capturing standard output and error. */
class SampleCommandTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private String[] args(Path out, String... extra) {
        List<String> base = List.of("--samples", "6", "--tokens", "4", "--dim", "3", "--out", out.toString());
        List<String> given = Arrays.asList(extra);
        List<String> a = new ArrayList<>(List.of("sample"));
        for (int i = 0; i < base.size(); i += 2) {
            if (!given.contains(base.get(i))) {
                a.add(base.get(i));
                a.add(base.get(i + 1));
            }
        }
        a.addAll(given);
        return a.toArray(new String[0]);
    }

    @Test
    void writesDataAndTruthThatReproduceEachOther() throws IOException {
        Path out = dir.resolve("run");
        Run r = run(args(out, "--rank", "2", "--law", "exchangeable", "--tau", "0.3", "--base", "gaussian",
                "--activation", "tanh", "--noise", "0.2", "--seed", "42"));
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("wrote "));
        GroundTruth truth = GroundTruthJson.read(out.resolve("truth.json"));
        assertEquals(ExchangeableTokens.of(GaussianTokens.isotropic(3), 0.3), truth.law());
        assertEquals(2, truth.rank());
        assertEquals(42, truth.seed());
        assertEquals(4, truth.tokensPerSample());
        assertEquals(0.2, truth.noise().sigma(), 0.0);
        Dataset data = DatasetCsv.read(out.resolve("data.csv"));
        Dataset again = Sampler.sample(truth, 6, 1);
        assertArrayEquals(again.tokens(), data.tokens(), 0.0);
        assertArrayEquals(again.outputs(), data.outputs(), 0.0);
        assertEquals(1.0, truth.law().scoreVariance(truth.a()), 1e-12);
    }

    @Test
    void threadCountDoesNotChangeTheBytes() throws IOException {
        Path one = dir.resolve("one");
        Path four = dir.resolve("four");
        assertEquals(0, run(args(one, "--threads", "1")).code());
        assertEquals(0, run(args(four, "--threads", "4")).code());
        assertArrayEquals(Files.readAllBytes(one.resolve("data.csv")), Files.readAllBytes(four.resolve("data.csv")));
        assertArrayEquals(Files.readAllBytes(one.resolve("truth.json")), Files.readAllBytes(four.resolve("truth.json")));
    }

    @Test
    void defaultsAreCubeTokensAndARandomBSpline() {
        Path out = dir.resolve("defaults");
        assertEquals(0, run(args(out)).code());
        GroundTruth truth = GroundTruthJson.read(out.resolve("truth.json"));
        assertEquals(UniformCube.of(3), truth.law());
        assertEquals(BSplineActivation.random(3, 8, 4.0, 1), truth.phi());
        assertEquals(1, truth.rank());
        assertEquals(0.1, truth.noise().sigma(), 0.0);
    }

    static Stream<Arguments> goodOptions() {
        return Stream.of(
                Arguments.of((Object) new String[] {"--law", "gaussian", "--eigenvalues", "1,2,0.5", "--activation", "relu"}),
                Arguments.of((Object) new String[] {"--law", "gaussian", "--activation", "abs", "--exponent", "2.5"}),
                Arguments.of((Object) new String[] {"--law", "exchangeable", "--activation", "sin", "--rank", "3"}),
                Arguments.of((Object) new String[] {"--activation", "softplus", "--singular-values", "2,1", "--rank", "2"}),
                Arguments.of((Object) new String[] {"--activation", "exp", "--noise", "0"}),
                Arguments.of((Object) new String[] {"--activation", "BSPLINE", "--order", "2", "--pieces", "2", "--range", "3",
                    "--coefficients", "1,-1,0.5"}));
    }

    @ParameterizedTest
    @MethodSource("goodOptions")
    void everyLawAndActivationCanBeChosen(String[] extra) {
        Path out = dir.resolve("ok");
        Run r = run(args(out, extra));
        assertEquals(0, r.code(), r.err());
        GroundTruth truth = GroundTruthJson.read(out.resolve("truth.json"));
        assertEquals(6, DatasetCsv.read(out.resolve("data.csv")).samples());
        assertEquals(1.0, truth.law().scoreVariance(truth.a()), 1e-12);
    }

    static Stream<Arguments> badOptions() {
        return Stream.of(
                Arguments.of(List.of("--samples", "-1"), "--samples must be > 0, got -1"),
                Arguments.of(List.of("--tokens", "1"), "--tokens must be >= 2, got 1"),
                Arguments.of(List.of("--dim", "0"), "--dim must be > 0, got 0"),
                Arguments.of(List.of("--rank", "4"), "--rank must be in [1, 3], got 4"),
                Arguments.of(List.of("--rank", "0"), "--rank must be in [1, 3], got 0"),
                Arguments.of(List.of("--threads", "0"), "--threads must be in [1, 1024], got 0"),
                Arguments.of(List.of("--noise", "NaN"), "--noise must be in [0, 1e100], got NaN"),
                Arguments.of(List.of("--noise", "-0.5"), "--noise must be in [0, 1e100], got -0.5"),
                Arguments.of(List.of("--law", "exchangeable", "--tau", "2"), "--tau must be in [0.0, 1.0], got 2.0"),
                Arguments.of(List.of("--law", "gaussian", "--eigenvalues", "1,2"), "--eigenvalues count must be = d = 3, got 2"),
                Arguments.of(List.of("--law", "gaussian", "--eigenvalues", "1,-2,1"), "--eigenvalues[1] must be in (0, 1e100], got -2.0"),
                Arguments.of(List.of("--law", "gaussian", "--eigenvalues", "1,NaN,1"), "--eigenvalues[1] must be in (0, 1e100], got NaN"),
                Arguments.of(List.of("--singular-values", "1,2"), "singularValues.length must be = 1, got 2"),
                Arguments.of(List.of("--singular-values", "0"), "--singular-values[0] must be in (0, 1e100], got 0.0"),
                Arguments.of(List.of("--activation", "abs", "--exponent", "0"), "--exponent must be in (0, 64], got 0.0"),
                Arguments.of(List.of("--order", "0"), "--order must be in [1, 21], got 0"),
                Arguments.of(List.of("--range", "NaN"), "--range must be in (0, 1e100], got NaN"),
                Arguments.of(List.of("--coefficients", "1,2"), "coefficients.length must be = 10, got 2"),
                Arguments.of(List.of("--activation", "gelu"), "Invalid value for option '--activation'"),
                Arguments.of(List.of("--law", "sphere"), "Invalid value for option '--law'"),
                Arguments.of(List.of("--dim", "two"), "Invalid value for option '--dim'"),
                Arguments.of(List.of("--bogus"), "Unknown option: '--bogus'"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badOptions")
    void badInputIsOneLineExitTwoAndNoFiles(List<String> extra, String message) {
        Path out = dir.resolve("bad");
        Run r = run(args(out, extra.toArray(new String[0])));
        assertEquals(Main.EXIT_USAGE, r.code(), r.err());
        assertTrue(r.err().startsWith("attnlab: " + message), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(Files.exists(out), "no output written");
    }

    @Test
    void missingRequiredOptionsAreUsageErrors() {
        Run r = run("sample", "--samples", "3", "--dim", "2");
        assertEquals(Main.EXIT_USAGE, r.code());
        assertTrue(r.err().startsWith("attnlab: Missing required option: '--out=<out>'"), r.err());
        assertEquals(1, r.err().lines().count());
    }
}
