package org.attnlab.rfa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-computed cases and the golden file of test-data/rfa (independent Python implementation). */
class AttentionFeatureMapTest {

    /** Hand-computed values are exact dyadic rationals: only rounding of the last bit may differ. */
    private static final double EXACT = 1e-15;
    /** Golden values were printed with 17 significant digits by another implementation. */
    private static final double GOLDEN = 1e-13;

    @Test
    void handComputedOneHeadOneDimension() {
        // d = 1, N = 2, H = 1, W = [[1, 2], [3, -1]], x_0 = 0.5, x_1 = 0.5, x_2 = -1.
        // s_1 = 0.5*1*0.5 + 0.5*2 + 3*0.5 - 1 = 1.75;  s_2 = -0.5 + 1 - 3 - 1 = -3.5 -> relu 0.
        // phi = (1/2) * 1.75 * [0.5, 1] = [0.4375, 0.875].
        AttentionFeatureMap map = AttentionFeatureMap.ofWeights(1, 2, 1, new double[] {1, 2, 3, -1});
        double[] out = {7, 7, 7, 7};
        map.features(new double[] {0.5, 0.5, -1}, 0, new double[2], out, 1);
        assertArrayEquals(new double[] {7, 0.4375, 0.875, 7}, out, EXACT);
        assertEquals(2, map.dimension());
        assertEquals(0.4375 * 2 - 0.875, map.predict(new double[] {0.5, 0.5, -1}, 0, new double[] {2, -1}), EXACT);
    }

    @Test
    void handComputedTwoHeadsWithOffset() {
        // Head 0 as above; head 1 = -W: s_1 = -1.75 -> 0, s_2 = 3.5 -> phi = (1/2) 3.5 [-1, 1] = [-1.75, 1.75].
        AttentionFeatureMap map = AttentionFeatureMap.ofWeights(1, 2, 2, new double[] {1, 2, 3, -1, -1, -2, -3, 1});
        double[] out = new double[4];
        map.features(new double[] {9, 0.5, 0.5, -1}, 1, new double[2], out, 0);
        assertArrayEquals(new double[] {0.4375, 0.875, -1.75, 1.75}, out, EXACT);
    }

    @Test
    void handComputedMlp() {
        // d = 1, N = 1, z = (0.5, 0.25); w_0 = (1, -1), c_0 = 0.5 -> 0.75; w_1 = (-2, 1), c_1 = 0 -> relu(-0.75) = 0.
        MlpFeatureMap map = MlpFeatureMap.ofWeights(1, 1, 2, new double[] {1, -1, 0.5, -2, 1, 0});
        double[] out = new double[3];
        map.features(new double[] {0.5, 0.25}, 0, new double[0], out, 1);
        assertArrayEquals(new double[] {0, 0.75, 0}, out, EXACT);
    }

    @Test
    void biasedLawAddsIdentityBlockToTheSameFluctuation() {
        AttentionFeatureMap zero = AttentionFeatureMap.random(3, 2, 4, WeightLaw.ZERO_MEAN, 11);
        AttentionFeatureMap biased = AttentionFeatureMap.random(3, 2, 4, WeightLaw.BIASED, 11);
        double[] w0 = zero.weights();
        double[] w1 = biased.weights();
        int e = 4;
        for (int m = 0; m < 4; m++) {
            for (int a = 0; a < e; a++) {
                for (int b = 0; b < e; b++) {
                    int k = m * e * e + a * e + b;
                    double mean = a == b && a < 3 ? 1.0 : 0.0;
                    assertEquals(w0[k] + mean, w1[k], 0.0, "entry " + k);
                }
            }
        }
    }

    @Test
    void randomWeightsHaveTheDocumentedScale() {
        // 400 heads x 16 entries = 6400 draws of N(0, 1/4): the sample variance has sd 0.25 * sqrt(2/6400)
        // = 0.0044; the tolerance 0.025 is 5.6 sd (false-failure probability < 1e-7 for this fixed seed).
        double[] w = AttentionFeatureMap.random(3, 2, 400, WeightLaw.ZERO_MEAN, 5).weights();
        double mean = Arrays.stream(w).average().orElseThrow();
        double var = Arrays.stream(w).map(x -> x * x).average().orElseThrow();
        assertEquals(0.0, mean, 0.025);
        assertEquals(0.25, var, 0.025);
        assertNotEquals(w[0], AttentionFeatureMap.random(3, 2, 400, WeightLaw.ZERO_MEAN, 6).weights()[0]);
        assertArrayEquals(w, AttentionFeatureMap.random(3, 2, 400, WeightLaw.ZERO_MEAN, 5).weights(), 0.0);
    }

    @Test
    void headsArePrefixStable() {
        double[] small = AttentionFeatureMap.random(2, 3, 2, WeightLaw.ZERO_MEAN, 9).weights();
        double[] large = AttentionFeatureMap.random(2, 3, 5, WeightLaw.ZERO_MEAN, 9).weights();
        assertArrayEquals(small, Arrays.copyOf(large, small.length), 0.0);
    }

    @Test
    void goldenFileFromIndependentPython() throws IOException {
        Map<String, double[]> g = readGolden(Path.of("test-data/rfa/features-tiny.txt"));
        double[] sizes = g.get("sizes");
        int d = (int) sizes[0];
        int keys = (int) sizes[1];
        int heads = (int) sizes[2];
        int p = (int) sizes[3];
        double[] tokens = g.get("tokens");
        AttentionFeatureMap att = AttentionFeatureMap.ofWeights(d, keys, heads, g.get("attention_weights"));
        double[] out = new double[att.dimension()];
        att.features(tokens, 0, new double[att.scratchLength()], out, 0);
        assertArrayEquals(g.get("attention_features"), out, GOLDEN);

        MlpFeatureMap mlp = MlpFeatureMap.ofWeights(d, keys, p, g.get("mlp_weights"));
        double[] outMlp = new double[p];
        mlp.features(tokens, 0, new double[0], outMlp, 0);
        assertArrayEquals(g.get("mlp_features"), outMlp, GOLDEN);

        double[] expected = g.get("targets_linear_quadratic_cubic_cosine_firstkey");
        List<Target> order = List.of(Target.LINEAR, Target.QUADRATIC, Target.CUBIC, Target.COSINE, Target.FIRST_KEY);
        for (int t = 0; t < order.size(); t++) {
            assertEquals(expected[t], order.get(t).value(tokens, 0, d, keys), GOLDEN, order.get(t).label());
        }
    }

    static Map<String, double[]> readGolden(Path path) throws IOException {
        Map<String, double[]> rows = new HashMap<>();
        for (String line : Files.readAllLines(path)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.trim().split("\\s+");
            rows.put(parts[0], Arrays.stream(parts, 1, parts.length).mapToDouble(Double::parseDouble).toArray());
        }
        return rows;
    }
}
