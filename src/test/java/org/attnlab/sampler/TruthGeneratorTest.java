package org.attnlab.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attnlab.internal.RandomStreams;
import org.attnlab.internal.RandomStreams.Purpose;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.junit.jupiter.api.Test;

/** The A* generator: Haar frames, normalisation to unit score variance, golden values from the Python reference. */
class TruthGeneratorTest {

    /** Orthonormality and normalisation are exact up to a few ulps of d-term sums. */
    static final double ROUNDING = 1e-13;
    /** Python (Gram-Schmidt, libm) vs Java (Householder QR, StrictMath): agreement to rounding. */
    static final double GOLDEN_TOLERANCE = 1e-12;

    static final TokenLaw[] LAWS = {
        UniformCube.of(3),
        GaussianTokens.isotropic(3),
        GaussianTokens.withEigenvalues(new double[] {0.5, 2.0, 3.0}),
        ExchangeableTokens.of(UniformCube.of(3), 0.4),
        ExchangeableTokens.of(GaussianTokens.withEigenvalues(new double[] {1.0, 0.2, 4.0}), 0.9),
    };

    @Test
    void haarFrameIsTheSignFixedQOfTheGaussianMatrix() {
        int d = 4;
        int r = 3;
        double[] q = TruthGenerator.haarFrame(RandomStreams.stream(9, Purpose.TRUTH, 0), d, r);
        RandomStreams.Stream copy = RandomStreams.stream(9, Purpose.TRUTH, 0);
        double[] g = new double[d * r];
        for (int i = 0; i < d * r; i++) {
            g[i] = copy.normal();
        }
        // Q^T Q = I
        for (int a = 0; a < r; a++) {
            for (int b = 0; b < r; b++) {
                double s = 0;
                for (int i = 0; i < d; i++) {
                    s += q[i * r + a] * q[i * r + b];
                }
                assertEquals(a == b ? 1.0 : 0.0, s, ROUNDING);
            }
        }
        // R = Q^T G is upper triangular with a positive diagonal, and Q R = G
        double[] rr = new double[r * r];
        for (int a = 0; a < r; a++) {
            for (int b = 0; b < r; b++) {
                double s = 0;
                for (int i = 0; i < d; i++) {
                    s += q[i * r + a] * g[i * r + b];
                }
                rr[a * r + b] = s;
            }
        }
        for (int a = 0; a < r; a++) {
            assertTrue(rr[a * r + a] > 0, "R diagonal positive");
            for (int b = 0; b < a; b++) {
                assertEquals(0.0, rr[a * r + b], ROUNDING);
            }
        }
        for (int i = 0; i < d; i++) {
            for (int b = 0; b < r; b++) {
                double s = 0;
                for (int a = 0; a < r; a++) {
                    s += q[i * r + a] * rr[a * r + b];
                }
                assertEquals(g[i * r + b], s, ROUNDING * 10);
            }
        }
    }

    @Test
    void frameInDimensionOneIsTheSignOfTheDraw() {
        double g = RandomStreams.stream(4, Purpose.TRUTH, 0).normal();
        double[] q = TruthGenerator.haarFrame(RandomStreams.stream(4, Purpose.TRUTH, 0), 1, 1);
        assertArrayEquals(new double[] {Math.signum(g)}, q, 0.0);
    }

    @Test
    void normalisedMatrixHasUnitScoreVarianceUnderEveryLaw() {
        for (TokenLaw law : LAWS) {
            for (int r = 1; r <= 3; r++) {
                double[] a = TruthGenerator.normalisedMatrix(law, r, null, 31 + r);
                assertEquals(1.0, law.scoreVariance(a), ROUNDING, law + " r=" + r);
            }
        }
    }

    @Test
    void matrixHasTheGivenRankAndSingularValueRatios() {
        double[] a = TruthGenerator.normalisedMatrix(UniformCube.of(4), 2, new double[] {3.0, 1.0}, 8);
        double[] sv = SingularOps_DDRM.singularValues(new DMatrixRMaj(4, 4, true, a));
        java.util.Arrays.sort(sv);
        assertEquals(0.0, sv[0], ROUNDING);
        assertEquals(0.0, sv[1], ROUNDING);
        assertEquals(3.0, sv[3] / sv[2], 1e-12);
        // cube: c^2 (9 + 1) / 9 = 1, so the singular values are 3 c and c with c = 3 / sqrt(10)
        assertEquals(9.0 / Math.sqrt(10), sv[3], 1e-12);
    }

    @Test
    void fullRankAndDimensionOne() {
        double[] full = TruthGenerator.normalisedMatrix(GaussianTokens.isotropic(3), 3, null, 2);
        double[] sv = SingularOps_DDRM.singularValues(new DMatrixRMaj(3, 3, true, full));
        for (double s : sv) {
            // isotropic Gaussian, all singular values equal: 3 s^2 = 1
            assertEquals(1.0 / Math.sqrt(3), s, 1e-12);
        }
        double[] one = TruthGenerator.normalisedMatrix(UniformCube.of(1), 1, null, 7);
        assertEquals(3.0, Math.abs(one[0]), ROUNDING);
    }

    @Test
    void generateAssemblesTheGroundTruth() {
        TokenLaw law = ExchangeableTokens.of(UniformCube.of(3), 0.2);
        GroundTruth t = TruthGenerator.generate(law, 2, new double[] {1, 0.5}, Activation.sin(), GaussianNoise.of(0.3), 6, 44);
        assertArrayEquals(TruthGenerator.normalisedMatrix(law, 2, new double[] {1, 0.5}, 44), t.a(), 0.0);
        assertSame(law, t.law());
        assertEquals(2, t.rank());
        assertEquals(3, t.dimension());
        assertSame(Activation.sin(), t.phi());
        assertEquals(0.3, t.noise().sigma(), 0.0);
        assertEquals(6, t.tokensPerSample());
        assertEquals(44, t.seed());
    }

    @Test
    void matchesTheIndependentPythonReference() throws IOException {
        Map<String, TokenLaw> laws = new LinkedHashMap<>();
        Map<String, double[]> actual = new LinkedHashMap<>();
        laws.put("cube-d3-r2", UniformCube.of(3));
        actual.put("cube-d3-r2", TruthGenerator.normalisedMatrix(UniformCube.of(3), 2, new double[] {2, 1}, 99));
        TokenLaw ex = ExchangeableTokens.of(UniformCube.of(3), 0.5);
        actual.put("exchangeable-cube-d3-r3", TruthGenerator.normalisedMatrix(ex, 3, null, 5));
        TokenLaw g = GaussianTokens.withEigenvalues(new double[] {1, 2, 0.5, 3});
        actual.put("gaussian-d4-r1", TruthGenerator.normalisedMatrix(g, 1, null, -123));
        actual.put("cube-d1-r1", TruthGenerator.normalisedMatrix(UniformCube.of(1), 1, null, 7));
        List<String> lines = Files.readAllLines(Path.of("test-data", "sampler", "golden-matrices.csv"));
        int rows = 0;
        for (String line : lines) {
            if (line.startsWith("#") || line.startsWith("name,")) {
                continue;
            }
            String[] f = line.split(",");
            double expected = Double.parseDouble(f[2]);
            assertEquals(expected, actual.get(f[0])[Integer.parseInt(f[1])],
                    GOLDEN_TOLERANCE * Math.max(1, Math.abs(expected)), line);
            rows++;
        }
        assertEquals(9 + 9 + 16 + 1, rows);
    }

    /**
     * Haar frames are rotation invariant: for d = 3, r = 1 the first coordinate u_1 of the frame has E u_1 = 0
     * and E u_1^2 = 1/3 (Var u_1^2 = 4/45). 4000 frames, bounds of 5 standard errors: false-failure probability
     * below 1e-6 per check (the seed is fixed, so the test is deterministic).
     */
    @Test
    void haarFramesAreUniformOnTheSphere() {
        int n = 4000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double[] q = TruthGenerator.haarFrame(RandomStreams.stream(1234, Purpose.TRUTH, i), 3, 1);
            sum += q[0];
            sumSq += q[0] * q[0];
        }
        assertEquals(0.0, sum / n, 5 * Math.sqrt(1.0 / 3 / n));
        assertEquals(1.0 / 3, sumSq / n, 5 * Math.sqrt(4.0 / 45 / n));
    }
}
