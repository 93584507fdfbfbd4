package org.attnlab.rfa;

import org.attnlab.internal.Checks;
import org.attnlab.internal.RandomStreams;

/**
 * The features of random-feature attention, RFA or BRFA (arXiv 2307.11353):
 * <pre>
 *   phi_{m,b}(x_0; x_1..x_N) = (1/N) sum_{i=1}^{N} relu(xt_0^T W_m xt_i) xt_i[b],   m &lt; H, b &lt; e = d+1,
 * </pre>
 * so that {@code f = sum_m (1/N) sum_i relu(<W_m, xt_0 xt_i^T>) <v_m, xt_i> = <phi, v>} with
 * {@code v[m*e + b] = v_m[b]}. The map is invariant to any permutation of the keys.
 *
 * <p>Random draws ({@link #random}): head m uses {@code RandomStreams.stream(seed, FEATURES, m)} and
 * consumes e^2 standard normals, row-major (entry (a, b) is draw a e + b); W_m[a][b] = normal / sqrt(e),
 * plus 1 on the first d diagonal entries for {@link WeightLaw#BIASED}.
 */
public final class AttentionFeatureMap implements FeatureMap {

    private final int d;
    private final int keys;
    private final int heads;
    private final double[] weights;

    private AttentionFeatureMap(int d, int keys, int heads, double[] weights) {
        this.d = d;
        this.keys = keys;
        this.heads = heads;
        this.weights = weights;
    }

    /**
     * H heads with frozen Gaussian W_m drawn from {@code law}.
     *
     * @param d token dimension, &gt;= 1
     * @param keys N, &gt;= 1
     * @param heads H, &gt;= 1, with H (d+1)^2 &lt;= 2^28
     * @param law zero-mean (RFA) or biased (BRFA)
     * @param seed the features' seed
     * @return the map
     * @throws IllegalArgumentException if d &lt; 1, keys &lt; 1, heads &lt; 1, the weights would be too many, or law is null
     */
    public static AttentionFeatureMap random(int d, int keys, int heads, WeightLaw law, long seed) {
        checkShape(d, keys, heads);
        Checks.notNull("law", law);
        int e = d + 1;
        double scale = 1.0 / Math.sqrt(e);
        double[] w = new double[heads * e * e];
        for (int m = 0; m < heads; m++) {
            RandomStreams.Stream s = RandomStreams.stream(seed, RandomStreams.Purpose.FEATURES, m);
            int base = m * e * e;
            for (int k = 0; k < e * e; k++) {
                w[base + k] = scale * s.normal();
            }
            if (law == WeightLaw.BIASED) {
                for (int a = 0; a < d; a++) {
                    w[base + a * e + a] += 1.0;
                }
            }
        }
        return new AttentionFeatureMap(d, keys, heads, w);
    }

    /**
     * A map with the given weights (copied): W_m[a][b] = {@code weights[m*e*e + a*e + b]}, e = d + 1.
     *
     * @param d token dimension, &gt;= 1
     * @param keys N, &gt;= 1
     * @param heads H, &gt;= 1
     * @param weights finite, length H (d+1)^2
     * @return the map
     * @throws IllegalArgumentException if a size is &lt; 1, the length is wrong, or an entry is not finite
     */
    public static AttentionFeatureMap ofWeights(int d, int keys, int heads, double[] weights) {
        checkShape(d, keys, heads);
        Checks.length("weights", weights, heads * (d + 1) * (d + 1));
        Checks.allFinite("weights", weights);
        return new AttentionFeatureMap(d, keys, heads, weights.clone());
    }

    private static void checkShape(int d, int keys, int heads) {
        Checks.positive("d", d);
        Checks.positive("keys", keys);
        Checks.positive("heads", heads);
        long count = (long) heads * (d + 1) * (d + 1);
        if (count > (1L << 28)) {
            throw Checks.fail("heads * (d+1)^2", "<= " + (1L << 28), count);
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

    /** H, the number of heads. */
    public int heads() {
        return heads;
    }

    @Override
    public int dimension() {
        return heads * (d + 1);
    }

    @Override
    public int scratchLength() {
        return d + 1;
    }

    /** A copy of the weights, W_m[a][b] at {@code [m*e*e + a*e + b]}. */
    public double[] weights() {
        return weights.clone();
    }

    /*@ also public normal_behavior
      @   requires 0 <= offset && offset + (keys + 1) * d <= tokens.length;
      @   requires 0 <= outOffset && outOffset + heads * (d + 1) <= out.length;
      @   requires scratch.length >= d + 1 && out != tokens && scratch != out && scratch != tokens;
      @   assignable scratch[*], out[outOffset .. outOffset + heads * (d + 1) - 1];
      @*/
    @Override
    public void features(double[] tokens, int offset, double[] scratch, double[] out, int outOffset) {
        FeatureChecks.range(this, tokens, offset, scratch, out, outOffset);
        RfaKernels.attentionFeatures(d, keys, heads, weights, tokens, offset, scratch, out, outOffset);
    }

    @Override
    public String toString() {
        return "AttentionFeatureMap[d=" + d + ", keys=" + keys + ", heads=" + heads + "]";
    }
}
