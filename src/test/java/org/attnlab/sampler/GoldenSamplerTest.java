package org.attnlab.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sampler against golden data sets produced by the independent stdlib-only Python script
 * test-data/sampler/reference_sampler.py (written from spec/sampler.md and spec/random.md).
 */
class GoldenSamplerTest {

    /** Python's libm (log, cos, tanh) vs StrictMath: a few ulps, so 1e-12 relative. */
    static final double GOLDEN_RELATIVE_TOLERANCE = 1e-12;
    /** Absolute floor for values that are sums cancelling to near 0. */
    static final double GOLDEN_ABSOLUTE_TOLERANCE = 1e-14;

    static final Path DIR = Path.of("test-data", "sampler");

    private static void compare(String file, Dataset ds) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve(file))) {
            if (!line.startsWith("#") && !line.startsWith("sample,")) {
                rows.add(line.split(","));
            }
        }
        int d = ds.dimension();
        assertEquals(ds.samples() * ds.tokensPerSample(), rows.size(), file);
        for (String[] f : rows) {
            int m = Integer.parseInt(f[0]);
            int i = Integer.parseInt(f[1]);
            assertEquals(3 + d, f.length);
            check(Double.parseDouble(f[2]), ds.output(m, i), file + " y " + m + "," + i);
            for (int k = 0; k < d; k++) {
                check(Double.parseDouble(f[3 + k]), ds.token(m, i, k), file + " x" + (k + 1) + " " + m + "," + i);
            }
        }
    }

    private static void check(double expected, double actual, String what) {
        assertEquals(expected, actual, GOLDEN_RELATIVE_TOLERANCE * Math.abs(expected) + GOLDEN_ABSOLUTE_TOLERANCE, what);
    }

    @Test
    void cubeWithTanh() throws IOException {
        GroundTruth t = GroundTruth.of(UniformCube.of(2), new double[] {0.8, -0.5, 0.3, 1.1}, 2, Activation.tanh(),
                GaussianNoise.of(0.1), 4, 20261123L);
        for (int threads : new int[] {1, 2}) {
            compare("golden-cube-tanh.csv", Sampler.sample(t, 3, threads));
        }
    }

    @Test
    void exchangeableGaussianWithRelu() throws IOException {
        TokenLaw law = ExchangeableTokens.of(GaussianTokens.withEigenvalues(new double[] {2.0, 0.5}), 0.3);
        GroundTruth t = GroundTruth.of(law, new double[] {0.5, 1.0, -0.7, 0.2}, 2, Activation.relu(),
                GaussianNoise.of(0.25), 3, -7L);
        compare("golden-exchangeable-relu.csv", Sampler.sample(t, 2, 1));
    }

    /** Random B-spline phi* (naive Cox-de Boor in the reference) with scores beyond R = 2 (constant extension). */
    @Test
    void gaussianWithRandomBSpline() throws IOException {
        GroundTruth t = GroundTruth.of(GaussianTokens.isotropic(2), new double[] {1.2, 0.4, -0.3, 0.9}, 2,
                BSplineActivation.random(3, 4, 2.0, 31), GaussianNoise.of(0.05), 3, 31L);
        compare("golden-gaussian-bspline.csv", Sampler.sample(t, 4, 2));
    }
}
