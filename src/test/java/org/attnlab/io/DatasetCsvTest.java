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
import org.attnlab.sampler.Dataset;
import org.attnlab.sampler.ExchangeableTokens;
import org.attnlab.sampler.GaussianNoise;
import org.attnlab.sampler.GaussianTokens;
import org.attnlab.sampler.GroundTruth;
import org.attnlab.sampler.Sampler;
import org.attnlab.sampler.TruthGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** data.csv: exact round trip, the exact text of a small file, one bad-input row per rule. */
class DatasetCsvTest {

    @TempDir
    Path dir;

    @Test
    void roundTripIsExact() {
        GroundTruth t = TruthGenerator.generate(ExchangeableTokens.of(GaussianTokens.isotropic(3), 0.4), 2, null,
                Activation.softplus(), GaussianNoise.of(0.3), 5, 12);
        Dataset ds = Sampler.sample(t, 7, 1);
        Path file = dir.resolve("sub").resolve("data.csv");
        DatasetCsv.write(file, ds);
        Dataset back = DatasetCsv.read(file);
        assertEquals(7, back.samples());
        assertEquals(5, back.tokensPerSample());
        assertEquals(3, back.dimension());
        assertArrayEquals(ds.tokens(), back.tokens(), 0.0);
        assertArrayEquals(ds.outputs(), back.outputs(), 0.0);
    }

    @Test
    void extremeDoublesRoundTripBitForBit() {
        double[] x = {Double.MIN_VALUE, -Double.MAX_VALUE, -0.0, 1.0 / 3, 0.1 + 0.2, 1e-300};
        double[] y = {Math.PI, -Math.E, Math.nextUp(1.0), 123456789.123456789, -1e308, 5e-324};
        Dataset ds = Dataset.of(2, 3, 1, x, y);
        Path file = dir.resolve("extreme.csv");
        DatasetCsv.write(file, ds);
        Dataset back = DatasetCsv.read(file);
        for (int i = 0; i < 6; i++) {
            assertEquals(Double.doubleToRawLongBits(x[i]), Double.doubleToRawLongBits(back.tokens()[i]));
            assertEquals(Double.doubleToRawLongBits(y[i]), Double.doubleToRawLongBits(back.outputs()[i]));
        }
    }

    @Test
    void writesTheDocumentedText() throws IOException {
        Dataset ds = Dataset.of(1, 2, 2, new double[] {0.5, -1.0, 2.0, 1e-5}, new double[] {0.25, -3.0});
        Path file = dir.resolve("small.csv");
        DatasetCsv.write(file, ds);
        assertEquals("sample,token,y,x1,x2\n0,0,0.25,0.5,-1.0\n0,1,-3.0,2.0,1.0E-5\n", Files.readString(file));
        assertArrayEquals(new String[] {"sample", "token", "y", "x1"}, DatasetCsv.header(1));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void readsLargerFilesThanTheInitialBuffer() {
        GroundTruth t = TruthGenerator.generate(GaussianTokens.isotropic(1), 1, null, Activation.tanh(),
                GaussianNoise.of(0.1), 3, 2);
        Dataset ds = Sampler.sample(t, 700, 1);
        Path file = dir.resolve("big.csv");
        DatasetCsv.write(file, ds);
        assertArrayEquals(ds.outputs(), DatasetCsv.read(file).outputs(), 0.0);
    }

    @Test
    void missingFileIsAnIoError() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> DatasetCsv.read(dir.resolve("none.csv")));
        assertTrue(e.getMessage().startsWith("cannot read "));
    }

    static Stream<Arguments> badFiles() {
        String h = "sample,token,y,x1,x2\n";
        return Stream.of(
                Arguments.of("", "line 1, column 1 (header): header must be present (the file is empty), got nothing"),
                Arguments.of("sample,token,y\n0,0,1\n",
                        "line 1, column 3 (header): header must be sample,token,y,x1..xd with d >= 1, got sample,token,y"),
                Arguments.of("sample,tok,y,x1\n", "line 1, column 2 (header): header must be 'token', got tok"),
                Arguments.of("sample,token,y,x1,x3\n", "line 1, column 5 (header): header must be 'x2', got x3"),
                Arguments.of(h + "0,0,1.0,2.0\n", "line 2, column 5 (columns): columns must be = 5 (the header's count), got 4"),
                Arguments.of(h + "0,0,1.0,2.0,3.0,4.0\n",
                        "line 2, column 6 (columns): columns must be = 5 (the header's count), got 6"),
                Arguments.of(h + "0,0,abc,2.0,3.0\n", "line 2, column 3 (y): y must be a number, got 'abc'"),
                Arguments.of(h + "0,0,1.0,2.0,NaN\n", "line 2, column 5 (x2): x2 must be finite, got NaN"),
                Arguments.of(h + "0,0,Infinity,2.0,1\n", "line 2, column 3 (y): y must be finite, got Infinity"),
                Arguments.of(h + "0,0,1,-Infinity,1\n", "line 2, column 4 (x1): x1 must be finite, got -Infinity"),
                Arguments.of(h + "0.5,0,1,2,3\n", "line 2, column 1 (sample): sample must be an integer, got '0.5'"),
                Arguments.of(h + "-1,0,1,2,3\n", "line 2, column 1 (sample): sample must be >= 0, got -1"),
                Arguments.of(h + "0,-2,1,2,3\n", "line 2, column 2 (token): token must be >= 0, got -2"),
                Arguments.of(h + "0,x,1,2,3\n", "line 2, column 2 (token): token must be an integer, got 'x'"),
                Arguments.of(h + "1,0,1,2,3\n", "line 2, column 1 (sample): sample must be = 0 (samples in order 0..M-1), got 1"),
                Arguments.of(h + "0,1,1,2,3\n", "line 2, column 2 (token): token must be = 0 (first token of a sample), got 1"),
                Arguments.of(h + "0,0,1,2,3\n0,2,1,2,3\n",
                        "line 3, column 2 (token): token must be = 1 (tokens in order 0..N-1), got 2"),
                Arguments.of(h + "0,0,1,2,3\n0,1,1,2,3\n2,0,1,2,3\n",
                        "line 4, column 1 (sample): sample must be = 1 (samples in order 0..M-1), got 2"),
                Arguments.of(h + "0,0,1,2,3\n0,1,1,2,3\n0,2,1,2,3\n1,0,1,2,3\n1,1,1,2,3\n",
                        "line 7, column 2 (N): N must be = 3 (missing tokens in sample 1), got 2"),
                Arguments.of(h + "0,0,1,2,3\n0,1,1,2,3\n0,2,1,2,3\n1,0,1,2,3\n2,0,1,2,3\n",
                        "line 6, column 2 (N): N must be = 3 (missing tokens in sample 1), got 1"),
                Arguments.of(h + "0,0,1,2,3\n0,1,1,2,3\n1,0,1,2,3\n1,1,1,2,3\n1,2,1,2,3\n",
                        "line 6, column 2 (token): token must be < N = 2 (the first sample's size), got 2"),
                Arguments.of(h + "0,0,1,2,3\n1,0,1,2,3\n", "line 3, column 2 (N): N must be >= 2 (tokens in sample 0), got 1"),
                Arguments.of(h, "line 2, column 1 (rows): rows must be >= 1 data row, got 0"),
                Arguments.of(h + "0,0,\"1,2,3\n", "malformed CSV"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badFiles")
    void rejectsBadFilesNamingFileLineColumnRuleAndValue(String content, String message) throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, content);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatasetCsv.read(file));
        assertTrue(e.getMessage().startsWith(file + ": " + message), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void rejectsNullArguments() {
        assertEquals("file must be non-null, got null",
                assertThrows(IllegalArgumentException.class, () -> DatasetCsv.read(null)).getMessage());
        assertEquals("data must be non-null, got null",
                assertThrows(IllegalArgumentException.class, () -> DatasetCsv.write(dir.resolve("x.csv"), null)).getMessage());
        assertEquals("file must be non-null, got null", assertThrows(IllegalArgumentException.class,
                () -> DatasetCsv.write(null, Dataset.of(1, 2, 1, new double[2], new double[2]))).getMessage());
        assertEquals("d must be > 0, got 0", assertThrows(IllegalArgumentException.class, () -> DatasetCsv.header(0)).getMessage());
    }
}
