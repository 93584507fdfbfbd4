package org.attnlab.basis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Compares the basis with {@code test-data/basis/basis-golden.csv}, produced by the independent exact-arithmetic
 * script {@code test-data/basis/make_golden.py} (Python, fractions.Fraction; see the file header).
 */
class BasisGoldenTest {

    /** Golden values are correctly rounded exact values in [0, 1]; the kernel is within a few ulps. */
    static final double VALUE_TOL = 1e-14;
    /** Derivatives here are at most 8 in magnitude (gaps >= 1/4, p <= 3); relative to 1 + |N'|. */
    static final double DERIVATIVE_TOL = 1e-13;

    @Test
    void matchesIndependentExactValues() throws IOException {
        Path file = Path.of(System.getProperty("attnlab.basedir", "."), "test-data/basis/basis-golden.csv");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int rows = 0;
        for (String line : lines) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split(";");
            int p = Integer.parseInt(f[1]);
            double[] knots = parse(f[2]);
            double x = Double.parseDouble(f[3]);
            int first = Integer.parseInt(f[4]);
            double[] values = parse(f[5]);
            double[] derivatives = parse(f[6]);
            BSplineBasis basis = BSplineBasis.of(KnotVector.of(p, knots));
            double[] v = new double[p + 1];
            double[] d = new double[p + 1];
            assertEquals(first, basis.evaluate(x, v, d), "first at " + line);
            for (int j = 0; j <= p; j++) {
                assertEquals(values[j], v[j], VALUE_TOL, "value " + j + " at " + line);
                assertEquals(derivatives[j], d[j], DERIVATIVE_TOL * (1 + Math.abs(derivatives[j])),
                        "derivative " + j + " at " + line);
            }
            rows++;
        }
        assertTrue(rows >= 150, "golden file has " + rows + " rows");
    }

    private static double[] parse(String field) {
        String[] parts = field.trim().split(" ");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Double.parseDouble(parts[i]);
        }
        return out;
    }
}
