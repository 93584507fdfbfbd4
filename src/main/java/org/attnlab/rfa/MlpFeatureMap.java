package org.attnlab.rfa;

import org.attnlab.internal.Checks;
import org.attnlab.internal.RandomStreams;

/**
 * The RF-MLP baseline of arXiv 2307.11353: a two-layer random-feature ReLU network on the concatenated
 * input z = (x_0, x_1, .., x_N) of length D = (N+1) d,
 * <pre>
 *   phi_j(z) = relu(&lt;w_j, z&gt; + c_j),   j &lt; P,   f = &lt;phi, a&gt;,
 * </pre>
 * with frozen Gaussian (w_j, c_j) and trained output weights a. For a comparison at equal parameters use
 * P = H (d+1).
 *
 * <p>Random draws ({@link #random}): feature j uses {@code RandomStreams.stream(seed, FEATURES, j)} and
 * consumes D + 1 standard normals (w_j[0..D-1], then c_j), each divided by sqrt(N+2), so that
 * Var(&lt;w_j, z&gt; + c_j) = (|z|^2 + 1)/(N+2) = 1 for unit-norm tokens [ours].
 */
public final class MlpFeatureMap implements FeatureMap {

    private final int d;
    private final int keys;
    private final int features;
    private final double[] weights;

    private MlpFeatureMap(int d, int keys, int features, double[] weights) {
        this.d = d;
        this.keys = keys;
        this.features = features;
        this.weights = weights;
    }

    /**
     * P random ReLU features with the Gaussian law above.
     *
     * @param d token dimension, &gt;= 1
     * @param keys N, &gt;= 1
     * @param features P, &gt;= 1, with P ((N+1) d + 1) &lt;= 2^28
     * @param seed the features' seed
     * @return the map
     * @throws IllegalArgumentException if a size is &lt; 1 or the weights would be too many
     */
    public static MlpFeatureMap random(int d, int keys, int features, long seed) {
        checkShape(d, keys, features);
        int stride = (keys + 1) * d + 1;
        double scale = 1.0 / Math.sqrt(keys + 2.0);
        double[] w = new double[features * stride];
        for (int j = 0; j < features; j++) {
            RandomStreams.Stream s = RandomStreams.stream(seed, RandomStreams.Purpose.FEATURES, j);
            for (int k = 0; k < stride; k++) {
                w[j * stride + k] = scale * s.normal();
            }
        }
        return new MlpFeatureMap(d, keys, features, w);
    }

    /**
     * A map with the given weights (copied): w_j[k] at {@code [j*(D+1) + k]}, c_j at {@code [j*(D+1) + D]}.
     *
     * @param d token dimension, &gt;= 1
     * @param keys N, &gt;= 1
     * @param features P, &gt;= 1
     * @param weights finite, length P ((N+1) d + 1)
     * @return the map
     * @throws IllegalArgumentException if a size is &lt; 1, the length is wrong, or an entry is not finite
     */
    public static MlpFeatureMap ofWeights(int d, int keys, int features, double[] weights) {
        checkShape(d, keys, features);
        Checks.length("weights", weights, features * ((keys + 1) * d + 1));
        Checks.allFinite("weights", weights);
        return new MlpFeatureMap(d, keys, features, weights.clone());
    }

    private static void checkShape(int d, int keys, int features) {
        Checks.positive("d", d);
        Checks.positive("keys", keys);
        Checks.positive("features", features);
        long count = (long) features * ((long) (keys + 1) * d + 1);
        if (count > (1L << 28)) {
            throw Checks.fail("features * ((keys+1) d + 1)", "<= " + (1L << 28), count);
        }
    }

    @Override
    public int tokenDimension() {
        return d;
    }

    @Override
    public int keys() {
        return keys;
    }

    @Override
    public int dimension() {
        return features;
    }

    @Override
    public int scratchLength() {
        return 0;
    }

    /** A copy of the weights. */
    public double[] weights() {
        return weights.clone();
    }

    /*@ also public normal_behavior
      @   requires 0 <= offset && offset + (keys + 1) * d <= tokens.length;
      @   requires 0 <= outOffset && outOffset + features <= out.length && out != tokens;
      @   assignable out[outOffset .. outOffset + features - 1];
      @   ensures (\forall int j; outOffset <= j && j < outOffset + features; out[j] >= 0);
      @*/
    @Override
    public void features(double[] tokens, int offset, double[] scratch, double[] out, int outOffset) {
        FeatureChecks.range(this, tokens, offset, scratch, out, outOffset);
        RfaKernels.mlpFeatures((keys + 1) * d, features, weights, tokens, offset, out, outOffset);
    }

    @Override
    public String toString() {
        return "MlpFeatureMap[d=" + d + ", keys=" + keys + ", features=" + features + "]";
    }
}
