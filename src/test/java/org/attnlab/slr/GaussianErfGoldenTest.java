package org.attnlab.slr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * zeta(s, g) and E[erf(s + gZ)] against {@code test-data/slr/zeta-golden.csv}: 77 values computed by direct
 * integration against the normal density with mpmath at 40 digits ({@code test-data/slr/make_golden.py}), a
 * route independent of the Owen-T formula used by {@link GaussianErf}.
 */
class GaussianErfGoldenTest {

    /** The Owen-T route's bound (1e-16) plus rounding of 1 - 8 T. */
    static final double ZETA_TOL = 1e-15;
    /** Commons Math erf: about 1e-15 relative. */
    static final double MEAN_TOL = 2e-15;

    @Test
    void matchesTheMpmathGoldenValues() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("test-data/slr/zeta-golden.csv"));
        double[] e = new double[4];
        int checked = 0;
        for (String line : lines) {
            if (line.startsWith("#") || line.startsWith("s,")) {
                continue;
            }
            String[] f = line.split(",");
            double s = Double.parseDouble(f[0]);
            double g = Double.parseDouble(f[1]);
            assertEquals(Double.parseDouble(f[2]), GaussianErf.zeta(s, g), ZETA_TOL, "zeta(" + s + ", " + g + ")");
            GaussianErf.meanErf(s, g, e);
            assertEquals(Double.parseDouble(f[3]), e[0], MEAN_TOL, "E erf(" + s + ", " + g + ")");
            checked++;
        }
        assertTrue(checked == 77, "rows read: " + checked);
    }
}
