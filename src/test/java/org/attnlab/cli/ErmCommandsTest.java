package org.attnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.attnlab.erm.ErmResult;
import org.attnlab.io.FitJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code attnlab fit}, {@code coercivity} and {@code bench} in-process. */
class ErmCommandsTest {

    @TempDir
    Path dir;

    private Path data;
    private Path truth;

    @BeforeEach
    void sample() {
        SampleCommandTest.Run r = SampleCommandTest.run("sample", "--samples", "120", "--tokens", "5", "--dim", "3",
                "--noise", "0.05", "--out", dir.toString(), "--seed", "4");
        assertEquals(0, r.code(), r.err());
        data = dir.resolve("data.csv");
        truth = dir.resolve("truth.json");
    }

    @Test
    void fitWritesJsonAndPrintsComposedError() throws IOException {
        Path out = dir.resolve("fit.json");
        SampleCommandTest.Run r = SampleCommandTest.run("fit", "--data", data.toString(), "--truth", truth.toString(),
                "--out", out.toString(), "--pieces", "6", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("composed error: "), r.out());
        JsonNode node = new ObjectMapper().readTree(Files.readString(out));
        assertEquals(FitJson.FORMAT, node.get("format").asText());
        assertTrue(node.get("composedError").get("relative").asDouble() < 1.0);
        ErmResult back = FitJson.read(out);
        assertEquals(3, back.dimension());
        assertEquals(node.get("trainingRisk").asDouble(), back.trainingRisk(), 0.0);
        assertEquals(node.get("coefficients").get(0).asDouble(), back.coefficients()[0], 0.0);
        // same command, 1 thread: same estimate
        Path out1 = dir.resolve("fit1.json");
        assertEquals(0, SampleCommandTest.run("fit", "--data", data.toString(), "--out", out1.toString(),
                "--pieces", "6", "--threads", "1").code());
        ErmResult one = FitJson.read(out1);
        assertEquals(back.trainingRisk(), one.trainingRisk(), 0.0);
    }

    /**
     * {@code --coarse-pieces}: the default continuation stage runs one start on K (one start risk); with 0 the S = 3
     * screened starts all run on K (three start risks), and the fit is the library's
     * {@code withCoarsePieces(0)} fit, bit for bit.
     */
    @Test
    void coarsePiecesZeroTurnsTheContinuationStageOff() throws IOException {
        Path coarse = dir.resolve("coarse.json");
        Path plain = dir.resolve("plain.json");
        assertEquals(0, SampleCommandTest.run("fit", "--data", data.toString(), "--out", coarse.toString(),
                "--pieces", "6").code());
        assertEquals(0, SampleCommandTest.run("fit", "--data", data.toString(), "--out", plain.toString(),
                "--pieces", "6", "--coarse-pieces", "0").code());
        // with the stage: the coarse winner and the best start screened on K run on K
        assertEquals(2, FitJson.read(coarse).startRisks().length);
        ErmResult off = FitJson.read(plain);
        assertEquals(3, off.startRisks().length);
        ErmResult lib = org.attnlab.erm.AlternatingLeastSquares.defaults().withPieces(6).withCoarsePieces(0)
                .fit(org.attnlab.io.DatasetCsv.read(data), 1L);
        assertEquals(lib.trainingRisk(), off.trainingRisk(), 0.0);
    }

    @Test
    void coercivityPrintsJsonForTruthAndFit() throws IOException {
        SampleCommandTest.Run r = SampleCommandTest.run("coercivity", "--data", data.toString(), "--truth",
                truth.toString(), "--batches", "6");
        assertEquals(0, r.code(), r.err());
        JsonNode node = new ObjectMapper().readTree(r.out());
        assertEquals(0.25, node.get("bound").asDouble(), 0.0);
        assertTrue(node.get("constant").asDouble() > 0);
        Path out = dir.resolve("fit.json");
        assertEquals(0, SampleCommandTest.run("fit", "--data", data.toString(), "--out", out.toString(),
                "--pieces", "4").code());
        SampleCommandTest.Run f = SampleCommandTest.run("coercivity", "--data", data.toString(), "--fit",
                out.toString(), "--batches", "4");
        assertEquals(0, f.code(), f.err());
        assertEquals(6, new ObjectMapper().readTree(f.out()).get("basisSize").asInt());
    }

    @Test
    void benchPrintsThroughputAndIterationTime() throws IOException {
        SampleCommandTest.Run r = SampleCommandTest.run("bench", "--samples", "40,80", "--tokens", "4", "--dim", "3",
                "--pieces", "4", "--repeats", "2", "--warmup", "1", "--warmup-seconds", "0", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        JsonNode node = new ObjectMapper().readTree(r.out());
        assertEquals(2, node.get("runs").size());
        JsonNode run = node.get("runs").get(1);
        assertEquals(80 * 4 * 3, run.get("pairs").asInt());
        assertTrue(run.get("phiStepPairsPerSecond").asDouble() > 0);
        // the best repeat is at most the median, so its rate at least the median's
        assertTrue(run.get("phiStepSecondsMin").asDouble() <= run.get("phiStepSeconds").asDouble(), run.toString());
        double best = run.get("phiStepPairsPerSecondBest").asDouble();
        assertEquals(80 * 4 * 3 / run.get("phiStepSecondsMin").asDouble(), best, 1e-9 * best);
        assertTrue(run.get("phiStepCpuSecondsMean").asDouble() >= 0);
        JsonNode perCpu = run.get("phiStepPairsPerCpuSecond");
        assertTrue(perCpu.isNull() || perCpu.asDouble() > 0, perCpu.toString());
        assertTrue(run.get("iterationSeconds").asDouble() > 0);
        assertTrue(run.get("fitSeconds") == null, "no fit figures without --fit");
        // no warm-up time: exactly --warmup repeats
        assertEquals(1, run.get("phiStepWarmupRepeats").asInt(), run.toString());
        assertEquals(1, run.get("iterationWarmupRepeats").asInt(), run.toString());
    }

    @Test
    void benchWarmsUpForTheGivenTimeAtLeast() throws IOException {
        // --warmup 0 alone would time cold code; 0.3 s of warm-up on a problem whose phi-step takes well under
        // 0.1 s runs several repeats (at least 2 even if one took 0.3 s on a loaded machine: the loop runs until
        // the time has passed)
        SampleCommandTest.Run r = SampleCommandTest.run("bench", "--samples", "40", "--tokens", "4", "--dim", "3",
                "--pieces", "4", "--repeats", "1", "--warmup", "0", "--warmup-seconds", "0.3", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        JsonNode run = new ObjectMapper().readTree(r.out()).get("runs").get(0);
        assertTrue(run.get("phiStepWarmupRepeats").asInt() >= 2, run.toString());
        assertTrue(run.get("iterationWarmupRepeats").asInt() >= 2, run.toString());
    }

    @Test
    void benchWithFitTimesOneWholeFit() throws IOException {
        SampleCommandTest.Run r = SampleCommandTest.run("bench", "--samples", "60", "--tokens", "4", "--dim", "3",
                "--pieces", "4", "--repeats", "1", "--warmup", "0", "--warmup-seconds", "0", "--threads", "1", "--fit");
        assertEquals(0, r.code(), r.err());
        JsonNode run = new ObjectMapper().readTree(r.out()).get("runs").get(0);
        assertTrue(run.get("fitSeconds").asDouble() > 0);
        assertTrue(run.get("fitIterations").asInt() >= 1, run.toString());
        assertTrue(run.get("fitRisk").asDouble() > 0, run.toString());
        assertEquals("CONVERGED", run.get("fitStatus").asText(), run.toString());
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of((Object) new String[] {"fit", "--data", "DATA", "--out", "OUT", "--rank", "4"},
                        "rank must be <= d = 3"),
                Arguments.of((Object) new String[] {"fit", "--data", "DATA", "--out", "OUT", "--degree", "-1"},
                        "degree must be in [0, 20]"),
                Arguments.of((Object) new String[] {"fit", "--data", "missing.csv", "--out", "OUT"}, "--data missing.csv: not found"),
                Arguments.of((Object) new String[] {"fit", "--data", "DATA", "--out", "OUT", "--threads", "0"},
                        "threads must be in [1, 1024]"),
                Arguments.of((Object) new String[] {"coercivity", "--data", "DATA", "--truth", "TRUTH",
                    "--batches", "2"}, "batches must be >= 4"),
                Arguments.of((Object) new String[] {"coercivity", "--data", "DATA"}, "Error: Missing required"),
                Arguments.of((Object) new String[] {"bench", "--rank", "5", "--dim", "3"}, "--rank must be in [1, 3]"),
                Arguments.of((Object) new String[] {"bench", "--samples", "0"}, "--samples must be > 0"),
                Arguments.of((Object) new String[] {"bench", "--warmup-seconds", "-1"},
                        "--warmup-seconds must be in [0.0, 600.0], got -1.0"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputIsOneLineAndWritesNothing(String[] template, String message) {
        Path out = dir.resolve("never.json");
        String[] args = template.clone();
        for (int k = 0; k < args.length; k++) {
            args[k] = args[k].replace("DATA", data.toString()).replace("TRUTH", truth.toString())
                    .replace("OUT", out.toString());
        }
        SampleCommandTest.Run r = SampleCommandTest.run(args);
        assertTrue(r.code() == 2 || r.code() == 1, "exit " + r.code());
        assertTrue(r.err().startsWith("attnlab: ") || r.err().contains(message), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out));
    }
}
