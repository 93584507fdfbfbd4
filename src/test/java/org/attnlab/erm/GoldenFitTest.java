package org.attnlab.erm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.attnlab.sampler.Dataset;
import org.junit.jupiter.api.Test;

/**
 * The phi-step with A known against {@code test-data/erm/golden-fixed-matrix.txt}, produced by an independent
 * exact rational least-squares solve in Python (see the file's header and golden_fixed_matrix.py).
 */
class GoldenFitTest {

    /**
     * The oracle is exact for the decimal inputs; Java sees the nearest doubles (relative change 1e-16), which
     * the least-squares solution (condition number of the normal equations about 1e4 here) can amplify.
     */
    static final double COEFFICIENT_TOLERANCE = 1e-11;
    static final double RISK_TOLERANCE = 1e-14;

    @Test
    void fixedMatrixPhiStepMatchesExactOracle() throws IOException {
        Map<String, double[]> f = read(Path.of("test-data/erm/golden-fixed-matrix.txt"));
        double[] size = f.get("M N d");
        int m = (int) size[0];
        int n = (int) size[1];
        int d = (int) size[2];
        double[] grid = f.get("degree pieces radius");
        Dataset data = Dataset.of(m, n, d, f.get("tokens"), f.get("outputs"));
        ErmResult fit = AlternatingLeastSquares.defaults().withDegree((int) grid[0]).withPieces((int) grid[1])
                .withRadius(grid[2]).withFixedMatrix(f.get("u"), f.get("v")).withThreads(1).fit(data, 0L);
        double[] expected = f.get("coefficients");
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], fit.coefficients()[k], COEFFICIENT_TOLERANCE * Math.max(1, Math.abs(expected[k])),
                    "c_" + k);
        }
        assertEquals(f.get("risk")[0], fit.trainingRisk(), RISK_TOLERANCE);
        assertEquals(ErmStatus.CONVERGED, fit.status());
    }

    private static Map<String, double[]> read(Path file) throws IOException {
        Map<String, double[]> out = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] kv = line.split("=", 2);
            String[] parts = kv[1].trim().split("\\s+");
            double[] v = new double[parts.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = Double.parseDouble(parts[i]);
            }
            out.put(kv[0].trim(), v);
        }
        return out;
    }
}
