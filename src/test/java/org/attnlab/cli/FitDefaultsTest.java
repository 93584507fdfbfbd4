package org.attnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attnlab.erm.AlternatingLeastSquares;
import org.attnlab.erm.ErmResult;
import org.attnlab.erm.PiecesSelection;
import org.attnlab.internal.RandomStreams;
import org.attnlab.io.DatasetCsv;
import org.attnlab.io.GroundTruthJson;
import org.attnlab.sampler.BSplineActivation;
import org.attnlab.sampler.Dataset;
import org.attnlab.sampler.GaussianNoise;
import org.attnlab.sampler.GroundTruth;
import org.attnlab.sampler.Sampler;
import org.attnlab.sampler.UniformCube;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attnlab fit} without tuning: the held-out choice of K, and exact recovery through the CLI. */
class FitDefaultsTest {

    /** Relative composed error of an exact recovery (noiseless, phi* in the spline space). */
    static final double EXACT_RECOVERY = 1e-10;

    @TempDir
    Path dir;

    @Test
    void withoutPiecesKIsTheLowestHeldOutRiskAndIsPrinted() throws IOException {
        SampleCommandTest.Run s = SampleCommandTest.run("sample", "--samples", "100", "--tokens", "5", "--dim", "2",
                "--noise", "0.05", "--out", dir.toString(), "--seed", "4");
        assertEquals(0, s.code(), s.err());
        Path out = dir.resolve("fit.json");
        SampleCommandTest.Run r = SampleCommandTest.run("fit", "--data", dir.resolve("data.csv").toString(),
                "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("chosen by 5-fold held-out risk over samples"), r.out());
        JsonNode node = new ObjectMapper().readTree(Files.readString(out));
        JsonNode choice = node.get("piecesChoice");
        int chosen = choice.get("pieces").asInt();
        assertEquals(chosen, node.get("spline").get("pieces").asInt());
        assertTrue(r.out().contains("K=" + chosen + " chosen"), r.out());
        double lowest = Double.POSITIVE_INFINITY;
        int argmin = -1;
        int previous = 0;
        for (JsonNode row : choice.get("candidates")) {
            int k = row.get("pieces").asInt();
            assertTrue(k > previous, "candidates increase");
            previous = k;
            if (row.get("heldOutRisk").asDouble() < lowest) {
                lowest = row.get("heldOutRisk").asDouble();
                argmin = k;
            }
        }
        assertEquals(argmin, chosen);
        // without --pieces and --ridge: the guard ridge, printed and recorded
        assertEquals(PiecesSelection.GUARD_RIDGE, choice.get("ridge").asDouble(), 0.0);
        assertTrue(r.out().contains("ridge: 1.0E-6 (guard"), r.out());
        // --pieces overrides the choice
        Path fixed = dir.resolve("fixed.json");
        SampleCommandTest.Run p = SampleCommandTest.run("fit", "--data", dir.resolve("data.csv").toString(),
                "--out", fixed.toString(), "--pieces", "3");
        assertEquals(0, p.code(), p.err());
        assertTrue(!p.out().contains("chosen by"), p.out());
        JsonNode fixedNode = new ObjectMapper().readTree(Files.readString(fixed));
        assertEquals(3, fixedNode.get("spline").get("pieces").asInt());
        assertTrue(fixedNode.get("piecesChoice") == null);
        // ... and is the library's fit with its defaults (no ridge): --pieces fits did not change
        Dataset set = DatasetCsv.read(dir.resolve("data.csv"));
        ErmResult direct = AlternatingLeastSquares.defaults().withPieces(3).fit(set, 1L);
        JsonNode coefficients = fixedNode.get("coefficients");
        assertEquals(direct.coefficients().length, coefficients.size());
        for (int k = 0; k < coefficients.size(); k++) {
            assertEquals(direct.coefficients()[k], coefficients.get(k).asDouble(), 0.0, "coefficient " + k);
        }
    }

    @Test
    void exactRecoveryOfRankOneThroughTheCli() throws IOException {
        exactRecovery(1, 41L);
    }

    @Test
    void exactRecoveryOfRankTwoThroughTheCli() throws IOException {
        exactRecovery(2, 42L);
    }

    /**
     * Noiseless data whose phi* is a cubic spline on 4 pieces of [-S, S], S the largest training score of A*:
     * after the estimator's normalisation phi* lies in its space at --degree 3 --pieces 4, so the fit must recover
     * g* to rounding, with the default starts.
     */
    private void exactRecovery(int r, long seed) throws IOException {
        int d = 5;
        int n = 8;
        int m = 300;
        double[] u = new double[d * r];
        double[] v = new double[d * r];
        RandomStreams.stream(seed, RandomStreams.Purpose.TRUTH, 0).normals(u);
        RandomStreams.stream(seed, RandomStreams.Purpose.TRUTH, 1).normals(v);
        double[] a = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                for (int b = 0; b < r; b++) {
                    a[i * d + j] += u[i * r + b] * v[j * r + b];
                }
            }
        }
        double[] c = new double[7];
        RandomStreams.Stream cs = RandomStreams.stream(seed, RandomStreams.Purpose.TRUTH, 2);
        for (int k = 0; k < c.length; k++) {
            c[k] = 2.0 * k / (c.length - 1) - 1.0 + 0.5 * cs.normal();
        }
        // the tokens do not depend on phi*: draw them once to find the largest training score S
        GroundTruth draft = GroundTruth.of(UniformCube.of(d), a, r, BSplineActivation.of(4, 4, 1.0, c),
                GaussianNoise.of(0.0), n, seed);
        Dataset tokens = Sampler.sample(draft, m, seed, 1);
        double max = 0.0;
        for (int s = 0; s < m; s++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (i != j) {
                        max = Math.max(max, Math.abs(draft.score(tokens.tokens(), (s * n + i) * d, tokens.tokens(),
                                (s * n + j) * d)));
                    }
                }
            }
        }
        GroundTruth truth = GroundTruth.of(UniformCube.of(d), a, r, BSplineActivation.of(4, 4, max, c),
                GaussianNoise.of(0.0), n, seed);
        Path data = dir.resolve("data-r" + r + ".csv");
        Path truthFile = dir.resolve("truth-r" + r + ".json");
        DatasetCsv.write(data, Sampler.sample(truth, m, seed, 1));
        GroundTruthJson.write(truthFile, truth);
        Path out = dir.resolve("fit-r" + r + ".json");
        SampleCommandTest.Run run = SampleCommandTest.run("fit", "--data", data.toString(), "--truth",
                truthFile.toString(), "--out", out.toString(), "--rank", Integer.toString(r), "--degree", "3",
                "--pieces", "4", "--max-iterations", "200", "--threads", "2");
        assertEquals(0, run.code(), run.err());
        JsonNode node = new ObjectMapper().readTree(Files.readString(out));
        double relative = node.get("composedError").get("relative").asDouble();
        assertTrue(relative <= EXACT_RECOVERY, "relative composed error " + relative + "\n" + run.out());
    }
}
