package org.attnlab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.attnlab.sampler.Activation;
import org.attnlab.sampler.BSplineActivation;
import org.attnlab.sampler.ExchangeableTokens;
import org.attnlab.sampler.GaussianNoise;
import org.attnlab.sampler.GaussianTokens;
import org.attnlab.sampler.GroundTruth;
import org.attnlab.sampler.TokenLaw;
import org.attnlab.sampler.TruthGenerator;
import org.attnlab.sampler.UniformCube;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** truth.json: exact round trip of every law and activation, one bad-input row per rule. */
class GroundTruthJsonTest {

    @TempDir
    Path dir;

    static Stream<Arguments> truths() {
        TokenLaw[] laws = {UniformCube.of(2), GaussianTokens.withEigenvalues(new double[] {0.3, 1.7}),
            ExchangeableTokens.of(UniformCube.of(2), 0.25),
            ExchangeableTokens.of(GaussianTokens.withEigenvalues(new double[] {2, 1.0 / 3}), 0.9)};
        Activation[] phis = {Activation.relu(), Activation.absPower(1.25), Activation.tanh(), Activation.sin(),
            Activation.softplus(), Activation.exp(), BSplineActivation.random(4, 6, 3.5, 8)};
        Stream.Builder<Arguments> b = Stream.builder();
        long seed = -5;
        for (TokenLaw law : laws) {
            for (Activation phi : phis) {
                b.add(Arguments.of(TruthGenerator.generate(law, 1 + Math.floorMod(seed, 2), null, phi,
                        GaussianNoise.of(0.1 * Math.floorMod(seed, 3)), 3 + Math.floorMod(seed, 5), seed)));
                seed += 7919;
            }
        }
        return b.build();
    }

    @ParameterizedTest
    @MethodSource("truths")
    void roundTripIsExact(GroundTruth truth) {
        Path file = dir.resolve("truth.json");
        GroundTruthJson.write(file, truth);
        GroundTruth back = GroundTruthJson.read(file);
        assertEquals(truth, back);
        assertArrayEquals(truth.a(), back.a(), 0.0);
    }

    @Test
    void writesTheDocumentedFields() throws IOException {
        GroundTruth t = GroundTruth.of(UniformCube.of(2), new double[] {0.5, -1, 0.25, 2}, 2, Activation.absPower(1.5),
                GaussianNoise.of(0.1), 4, Long.MIN_VALUE);
        Path file = dir.resolve("t.json");
        GroundTruthJson.write(file, t);
        String text = Files.readString(file).replaceAll("\\s+", "");
        assertEquals("{\"format\":\"attnlab.truth.v1\",\"model\":\"arXiv2510.11789modelA\",\"seed\":-9223372036854775808,"
                + "\"tokensPerSample\":4,\"dimension\":2,\"rank\":2,\"tokenLaw\":{\"type\":\"cube\",\"dimension\":2},"
                + "\"a\":[[0.5,-1.0],[0.25,2.0]],\"activation\":{\"type\":\"abs\",\"exponent\":1.5,\"smoothness\":\"1.5\"},"
                + "\"noise\":{\"type\":\"gaussian\",\"sigma\":0.1}}", text);
        assertEquals(t, GroundTruthJson.read(file));
    }

    @Test
    void rejectsActivationsWithoutAFileForm() {
        Activation custom = new Activation() {
            @Override
            public double value(double u) {
                return u;
            }

            @Override
            public double derivative(double u) {
                return 1;
            }

            @Override
            public double smoothness() {
                return Double.POSITIVE_INFINITY;
            }

            @Override
            public String name() {
                return "identity";
            }
        };
        GroundTruth t = GroundTruth.of(UniformCube.of(1), new double[] {1}, 1, custom, GaussianNoise.of(0), 2, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GroundTruthJson.write(dir.resolve("x.json"), t));
        assertTrue(e.getMessage().startsWith("activation must be a standard family"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("x.json")));
    }

    @Test
    void missingFileIsAnIoError() {
        assertThrows(UncheckedIOException.class, () -> GroundTruthJson.read(dir.resolve("none.json")));
        assertEquals("file must be non-null, got null",
                assertThrows(IllegalArgumentException.class, () -> GroundTruthJson.read(null)).getMessage());
        assertEquals("truth must be non-null, got null",
                assertThrows(IllegalArgumentException.class, () -> GroundTruthJson.toJson(null)).getMessage());
    }

    static final String GOOD = "{\"format\":\"attnlab.truth.v1\",\"seed\":3,\"tokensPerSample\":4,\"dimension\":2,"
            + "\"rank\":1,\"tokenLaw\":{\"type\":\"cube\",\"dimension\":2},\"a\":[[1,0],[0,1]],"
            + "\"activation\":{\"type\":\"tanh\"},\"noise\":{\"type\":\"gaussian\",\"sigma\":0.1}}";

    static String with(String from, String to) {
        if (!GOOD.contains(from)) {
            throw new IllegalArgumentException(from);
        }
        return GOOD.replace(from, to);
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("{", "not valid JSON"),
                Arguments.of("[1]", "field (root): (root) must be a JSON object, got ARRAY"),
                Arguments.of(with("attnlab.truth.v1", "v0"), "field format: format must be 'attnlab.truth.v1', got v0"),
                Arguments.of(with("\"seed\":3,", ""), "field seed: seed must be present, got nothing"),
                Arguments.of(with("\"seed\":3", "\"seed\":3.5"), "field seed: seed must be a 64-bit integer, got 3.5"),
                Arguments.of(with("\"tokensPerSample\":4", "\"tokensPerSample\":1"),
                        "field tokensPerSample: tokensPerSample must be >= 2, got 1"),
                Arguments.of(with("\"dimension\":2,\"rank\"", "\"dimension\":-2,\"rank\""),
                        "field dimension: dimension must be >= 1, got -2"),
                Arguments.of(with("\"rank\":1", "\"rank\":3"), "field rank: rank must be <= dimension = 2, got 3"),
                Arguments.of(with("\"rank\":1", "\"rank\":\"1\""), "field rank: rank must be an integer, got \"1\""),
                Arguments.of(with("{\"type\":\"cube\",\"dimension\":2}", "{\"type\":\"cube\",\"dimension\":3}"),
                        "field tokenLaw: tokenLaw must be of dimension 2, got 3"),
                Arguments.of(with("\"type\":\"cube\"", "\"type\":\"sphere\""),
                        "field tokenLaw.type: tokenLaw.type must be 'cube', 'gaussian' or 'exchangeable', got sphere"),
                Arguments.of(with("{\"type\":\"cube\",\"dimension\":2}", "{\"type\":\"gaussian\",\"eigenvalues\":[1,-1]}"),
                        "field tokenLaw: eigenvalues[1] must be finite and > 0, got -1.0"),
                Arguments.of(with("{\"type\":\"cube\",\"dimension\":2}",
                        "{\"type\":\"exchangeable\",\"tau\":1.5,\"base\":{\"type\":\"cube\",\"dimension\":2}}"),
                        "field tokenLaw: tau must be in [0.0, 1.0], got 1.5"),
                Arguments.of(with("{\"type\":\"cube\",\"dimension\":2}",
                        "{\"type\":\"exchangeable\",\"tau\":0.5,\"base\":{\"type\":\"exchangeable\",\"tau\":0.5,"
                                + "\"base\":{\"type\":\"cube\",\"dimension\":2}}}"),
                        "field tokenLaw.base.type: tokenLaw.base.type must be 'cube' or 'gaussian', got exchangeable"),
                Arguments.of(with("{\"type\":\"cube\",\"dimension\":2}", "{\"type\":\"exchangeable\",\"tau\":0.5}"),
                        "field tokenLaw.base: tokenLaw.base must be present, got nothing"),
                Arguments.of(with("[[1,0],[0,1]]", "[[1,0]]"), "field a: a must be a list of d = 2 rows, got 1"),
                Arguments.of(with("[[1,0],[0,1]]", "[[1,0],[0]]"), "field a[1]: a[1] must be a row of d = 2 numbers, got 1"),
                Arguments.of(with("[[1,0],[0,1]]", "[[1,0],[0,\"x\"]]"), "field a[1][1]: a[1][1] must be a number, got \"x\""),
                Arguments.of(with("[[1,0],[0,1]]", "[[1,0],[0,1e999]]"), "field a[1][1]: a[1][1] must be finite"),
                Arguments.of(with("[[1,0],[0,1]]", "7"), "field a: a must be a list, got 7"),
                Arguments.of(with("{\"type\":\"tanh\"}", "{\"type\":\"gelu\"}"),
                        "field activation.type: activation.type must be one of relu, abs, tanh, sin, softplus, exp, bspline, got gelu"),
                Arguments.of(with("{\"type\":\"tanh\"}", "{\"type\":\"abs\",\"exponent\":0}"),
                        "field activation: a must be finite and > 0, got 0.0"),
                Arguments.of(with("{\"type\":\"tanh\"}", "{\"type\":\"bspline\",\"order\":2,\"pieces\":2,\"range\":1,"
                        + "\"coefficients\":[1,2]}"), "field activation: coefficients.length must be = 3, got 2"),
                Arguments.of(with("{\"type\":\"tanh\"}", "{\"type\":\"bspline\",\"order\":0,\"pieces\":2,\"range\":1,"
                        + "\"coefficients\":[1,2]}"), "field activation.order: activation.order must be >= 1, got 0"),
                Arguments.of(with("{\"type\":\"tanh\"}", "\"tanh\""), "field activation: activation must be an object, got \"tanh\""),
                Arguments.of(with("\"sigma\":0.1", "\"sigma\":-0.1"), "field noise.sigma: sigma must be finite and >= 0, got -0.1"),
                Arguments.of(with("\"type\":\"gaussian\",\"sigma\"", "\"type\":\"laplace\",\"sigma\""),
                        "field noise.type: noise.type must be 'gaussian', got laplace"),
                Arguments.of(with("\"format\":\"attnlab.truth.v1\"", "\"format\":1"), "field format: format must be a string, got 1"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badFiles")
    void rejectsBadFilesNamingFileFieldRuleAndValue(String content, String message) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, content);
        // the fixture itself is valid
        Files.writeString(dir.resolve("good.json"), GOOD);
        GroundTruthJson.read(dir.resolve("good.json"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GroundTruthJson.read(file));
        assertTrue(e.getMessage().startsWith(file + ": " + message), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
