package org.attnlab.rfa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.attnlab.internal.RandomStreams;

/**
 * Run-time checks of the JML contracts of the feature maps and the trainer, and the model's invariances.
 * Every property fixes its randomness through the jqwik-generated seed, so a failure is reproducible.
 */
class RfaProperties {

    /** Reordered sums of O(1) terms: a few ulps. */
    private static final double REORDER = 1e-12;
    /** Residual of the normal equations solved by Cholesky, relative to |rhs| + |A| |v|. */
    private static final double NORMAL_EQUATIONS = 1e-9;
    /** Absolute floor: the centered system of O(1) features cancels to ~1e-17 when n is tiny. */
    private static final double CANCELLATION = 1e-14;
    private static final double SENTINEL = -12345.5;

    @Property(tries = 40, seed = "20261130")
    void attentionFeaturesFillExactlyTheirRangeWithFiniteValues(@ForAll @IntRange(min = 1, max = 4) int d,
            @ForAll @IntRange(min = 1, max = 5) int keys, @ForAll @IntRange(min = 1, max = 4) int heads,
            @ForAll @IntRange(min = 0, max = 3) int offset, @ForAll @IntRange(min = 0, max = 3) int outOffset,
            @ForAll long seed, @ForAll boolean biased) {
        AttentionFeatureMap map = AttentionFeatureMap.random(d, keys, heads,
                biased ? WeightLaw.BIASED : WeightLaw.ZERO_MEAN, seed);
        assertEquals(heads * (d + 1), map.dimension());
        assertEquals(d + 1, map.scratchLength());
        double[] sample = RfaTestSupport.tokens(seed, 1, d, keys);
        double[] tokens = new double[offset + sample.length + 2];
        System.arraycopy(sample, 0, tokens, offset, sample.length);
        double[] before = tokens.clone();
        double[] out = new double[outOffset + map.dimension() + 3];
        Arrays.fill(out, SENTINEL);
        map.features(tokens, offset, new double[d + 1], out, outOffset);
        for (int j = 0; j < out.length; j++) {
            boolean inside = j >= outOffset && j < outOffset + map.dimension();
            assertTrue(inside ? Double.isFinite(out[j]) : out[j] == SENTINEL, "out[" + j + "]");
        }
        assertTrue(Arrays.equals(before, tokens), "tokens are read only");
    }

    @Property(tries = 40, seed = "20261130")
    void mlpFeaturesAreNonNegativeAndFramed(@ForAll @IntRange(min = 1, max = 4) int d,
            @ForAll @IntRange(min = 1, max = 5) int keys, @ForAll @IntRange(min = 1, max = 9) int features,
            @ForAll @IntRange(min = 0, max = 3) int outOffset, @ForAll long seed) {
        MlpFeatureMap map = MlpFeatureMap.random(d, keys, features, seed);
        double[] tokens = RfaTestSupport.tokens(seed, 1, d, keys);
        double[] out = new double[outOffset + features + 2];
        Arrays.fill(out, SENTINEL);
        map.features(tokens, 0, new double[0], out, outOffset);
        for (int j = 0; j < out.length; j++) {
            boolean inside = j >= outOffset && j < outOffset + features;
            assertTrue(inside ? out[j] >= 0.0 && Double.isFinite(out[j]) : out[j] == SENTINEL, "out[" + j + "]");
        }
    }

    @Property(tries = 40, seed = "20261130")
    void attentionModelIsInvariantToPermutingKeys(@ForAll @IntRange(min = 1, max = 4) int d,
            @ForAll @IntRange(min = 2, max = 6) int keys, @ForAll @IntRange(min = 1, max = 4) int heads,
            @ForAll long seed) {
        AttentionFeatureMap map = AttentionFeatureMap.random(d, keys, heads, WeightLaw.ZERO_MEAN, seed);
        double[] tokens = RfaTestSupport.tokens(seed ^ 1, 1, d, keys);
        int[] perm = permutation(keys, seed);
        double[] permuted = tokens.clone();
        for (int i = 1; i <= keys; i++) {
            System.arraycopy(tokens, perm[i - 1] * d + d, permuted, i * d, d);
        }
        double[] a = new double[map.dimension()];
        double[] b = new double[map.dimension()];
        map.features(tokens, 0, new double[d + 1], a, 0);
        map.features(permuted, 0, new double[d + 1], b, 0);
        for (int j = 0; j < a.length; j++) {
            assertEquals(a[j], b[j], REORDER * (1 + Math.abs(a[j])), "feature " + j);
        }
        for (Target t : Target.values()) {
            if (t.permutationInvariant()) {
                assertEquals(t.value(tokens, 0, d, keys), t.value(permuted, 0, d, keys), REORDER * 10, t.label());
            }
        }
    }

    @Property(tries = 40, seed = "20261130")
    void featuresTimesValuesEqualTheModelDefinition(@ForAll @IntRange(min = 1, max = 4) int d,
            @ForAll @IntRange(min = 1, max = 5) int keys, @ForAll @IntRange(min = 1, max = 4) int heads,
            @ForAll long seed, @ForAll boolean biased) {
        AttentionFeatureMap map = AttentionFeatureMap.random(d, keys, heads,
                biased ? WeightLaw.BIASED : WeightLaw.ZERO_MEAN, seed);
        double[] tokens = RfaTestSupport.tokens(seed + 7, 1, d, keys);
        double[] v = new double[map.dimension()];
        RandomStreams.stream(seed, RandomStreams.Purpose.TRUTH, 0).normals(v);
        double expected = RfaTestSupport.naiveAttention(d, keys, heads, map.weights(), tokens, 0, v);
        assertEquals(expected, map.predict(tokens, 0, v), REORDER * (1 + Math.abs(expected)) * 10);
    }

    @Property(tries = 25, seed = "20261130")
    void ridgeSolutionSatisfiesTheNormalEquations(@ForAll @IntRange(min = 1, max = 3) int d,
            @ForAll @IntRange(min = 1, max = 4) int keys, @ForAll @IntRange(min = 1, max = 4) int heads,
            @ForAll @IntRange(min = 2, max = 40) int n, @ForAll @IntRange(min = -6, max = 1) int log10Ridge,
            @ForAll long seed, @ForAll boolean mlp) {
        FeatureMap map = mlp ? MlpFeatureMap.random(d, keys, heads * (d + 1), seed)
                : AttentionFeatureMap.random(d, keys, heads, WeightLaw.BIASED, seed);
        double[] tokens = RfaTestSupport.tokens(seed, n, d, keys);
        double[] y = Target.values(new Target[] {Target.COSINE}, tokens, n, d, keys);
        double lambda = Math.pow(10, log10Ridge);
        RidgeFit fit = RidgeTrainer.fixed(lambda).withChunkRows(7).fit(map, tokens, y, n, 1);
        int p = map.dimension();
        assertEquals(1, fit.outputs());
        assertEquals(p, fit.values()[0].length);
        assertEquals(RidgeFit.Status.OK, fit.status());
        double[][] sys = RfaTestSupport.centeredSystem(map, tokens, y, n, lambda);
        double[] v = fit.values()[0];
        for (int i = 0; i < p; i++) {
            double lhs = 0.0;
            double scale = Math.abs(sys[1][i]);
            for (int j = 0; j < p; j++) {
                lhs += sys[0][i * p + j] * v[j];
                scale += Math.abs(sys[0][i * p + j] * v[j]);
            }
            assertEquals(sys[1][i], lhs, NORMAL_EQUATIONS * scale + CANCELLATION, "row " + i);
            assertTrue(Double.isFinite(v[i]));
        }
        double c = sys[3][0];
        for (int k = 0; k < p; k++) {
            c -= sys[2][k] * v[k];
        }
        assertEquals(c, fit.intercepts()[0], 1e-9 * (1 + Math.abs(c)));
    }

    @Property(tries = 25, seed = "20261130")
    void selectingTrainerReturnsShapedFiniteFits(@ForAll @IntRange(min = 1, max = 3) int d,
            @ForAll @IntRange(min = 1, max = 4) int keys, @ForAll @IntRange(min = 1, max = 4) int heads,
            @ForAll @IntRange(min = 2, max = 40) int n, @ForAll long seed) {
        AttentionFeatureMap map = AttentionFeatureMap.random(d, keys, heads, WeightLaw.ZERO_MEAN, seed);
        double[] tokens = RfaTestSupport.tokens(seed, n, d, keys);
        Target[] targets = Target.values();
        double[] y = Target.values(targets, tokens, n, d, keys);
        RidgeFit fit = RidgeTrainer.selecting(RidgeTrainer.DEFAULT_GRID, 0.2).fit(map, tokens, y, n, targets.length);
        assertEquals(targets.length, fit.outputs());
        for (int t = 0; t < targets.length; t++) {
            assertEquals(map.dimension(), fit.values()[t].length);
            assertEquals(RidgeTrainer.DEFAULT_GRID.length, fit.validationMse()[t].length);
            assertTrue(fit.trainingMse()[t] >= 0.0);
            if (fit.status() == RidgeFit.Status.OK) {
                assertTrue(Arrays.stream(fit.values()[t]).allMatch(Double::isFinite));
                assertTrue(Double.isFinite(fit.intercepts()[t]));
            }
        }
    }

    @Property(tries = 30, seed = "20261130")
    void sphereTokensHaveUnitNorm(@ForAll @IntRange(min = 1, max = 6) int d,
            @ForAll @IntRange(min = 0, max = 5) int count, @ForAll long seed) {
        double[] out = new double[count * d + 2];
        Arrays.fill(out, SENTINEL);
        SphereTokens.fill(RandomStreams.stream(seed, RandomStreams.Purpose.TOKENS, 0), d, count, out, 1);
        assertEquals(SENTINEL, out[0]);
        assertEquals(SENTINEL, out[out.length - 1]);
        for (int t = 0; t < count; t++) {
            double norm2 = 0.0;
            for (int k = 0; k < d; k++) {
                norm2 += out[1 + t * d + k] * out[1 + t * d + k];
            }
            assertEquals(1.0, norm2, 1e-14);
        }
    }

    private static int[] permutation(int n, long seed) {
        RandomStreams.Stream s = RandomStreams.stream(seed, RandomStreams.Purpose.ESTIMATOR, 0);
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = s.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
