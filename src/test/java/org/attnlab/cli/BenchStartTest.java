package org.attnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.attnlab.erm.AlternatingLeastSquares;
import org.attnlab.erm.ErmResult;
import org.attnlab.erm.ModelSettings;
import org.attnlab.erm.OptimizerSettings;
import org.attnlab.io.DatasetCsv;
import org.attnlab.io.FitJson;
import org.attnlab.sampler.Dataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code attnlab bench --data --start}: the first iteration from the start written by {@code fit --max-iterations 0}
 * is the iteration the fit runs from that start. The reference is {@code fit} with one iteration from the same U, V
 * ({@link AlternatingLeastSquares#withStartMatrix}; the CLI's {@code fit --max-iterations 1} from a random start is
 * not that iteration since the continuation stage, which spends its first iteration on K_c = 2 pieces). The problem
 * (d = 30, M = 3000, N = 10, K = 13, p = 3, tanh, seeds 1) is one where the iteration rejects two damped trials and
 * accepts the third, so the trial count is checked at a value other than 1.
 */
class BenchStartTest {

    @TempDir
    static Path dir;

    private static Path data;
    private static Path start;

    @BeforeAll
    static void sampleAndStart() {
        SampleCommandTest.Run s = SampleCommandTest.run("sample", "--dim", "30", "--samples", "3000", "--tokens", "10",
                "--rank", "1", "--seed", "1", "--activation", "tanh", "--out", dir.resolve("set").toString());
        assertEquals(0, s.code(), s.err());
        data = dir.resolve("set").resolve("data.csv");
        start = dir.resolve("fit0.json");
        SampleCommandTest.Run f = SampleCommandTest.run("fit", "--data", data.toString(), "--out", start.toString(),
                "--pieces", "13", "--degree", "3", "--no-spectral", "--random-starts", "1", "--max-iterations", "0");
        assertEquals(0, f.code(), f.err());
    }

    /** One iteration of the fit from the start's U, V with the given initial damping. */
    private static ErmResult oneIteration(Dataset set, ErmResult fit0, double damping) {
        OptimizerSettings one = OptimizerSettings.DEFAULT.withMaxIterations(1).withDamping(damping).withThreads(1);
        return AlternatingLeastSquares.of(new ModelSettings(fit0.rank(), fit0.grid().degree(), fit0.grid().pieces(),
                        fit0.grid().radius(), 0.0), one)
                .withStartMatrix(fit0.u(), fit0.v()).fit(set, 1);
    }

    @Test
    void timesTheFitsFirstIterationFromTheStart() throws IOException {
        SampleCommandTest.Run r = SampleCommandTest.run("bench", "--data", data.toString(), "--start", start.toString(),
                "--repeats", "1", "--warmup", "0", "--warmup-seconds", "0", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        ErmResult fit0 = FitJson.read(start);
        Dataset set = DatasetCsv.read(data);
        assertEquals(30, root.get("dim").asInt());
        assertEquals(13, root.get("pieces").asInt());
        assertEquals(3, root.get("degree").asInt());
        assertEquals(fit0.trainingRisk(), root.get("startRisk").asDouble(), 0.0);
        JsonNode run = root.get("runs").get(0);
        assertEquals(3000L * 10 * 9, run.get("pairs").asLong());
        assertTrue(run.get("iterationSeconds").asDouble() > 0, run.toString());
        assertTrue(run.get("iterationCpuSeconds").asDouble() >= 0, run.toString());
        assertTrue(run.get("loadAverageBefore") != null && run.get("phiStepSeconds").asDouble() > 0, run.toString());
        // the start is the fit's: the workload's normalisation and phi-step give back the fit's risk
        assertEquals(fit0.trainingRisk(), run.get("riskBefore").asDouble(), 0.0);

        ErmResult fit1 = oneIteration(set, fit0, OptimizerSettings.DEFAULT.damping());
        assertEquals(1, fit1.iterations(), "the fit's step is accepted");
        assertEquals(fit1.trainingRisk(), run.get("riskAfter").asDouble(), 0.0, "same iteration, same bytes");
        assertEquals(fit1.trainingRisk(), run.get("finalRisk").asDouble(), 0.0);

        // trials = k: the fit starting its damping at lambda_0 10^(k-1) accepts the same step at once; at
        // lambda_0 10^k it never tries the accepted step's damping, so its step differs
        int trials = run.get("trials").asInt();
        assertEquals(3, trials, run.toString());
        double lambda = OptimizerSettings.DEFAULT.damping();
        for (int j = 1; j < trials; j++) {
            lambda *= 10.0;
        }
        assertEquals(fit1.trainingRisk(), oneIteration(set, fit0, lambda).trainingRisk(), 0.0);
        assertNotEquals(fit1.trainingRisk(), oneIteration(set, fit0, lambda * 10.0).trainingRisk());
    }

    @Test
    void startWithoutDataIsBadInput() {
        SampleCommandTest.Run r = SampleCommandTest.run("bench", "--start", start.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--start needs --data"), r.err());
    }
}
