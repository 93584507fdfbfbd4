package org.attnlab.sampler;

import org.attnlab.internal.Checks;

/**
 * M samples of N tokens in R^d with one output per token (model A, arXiv 2510.11789).
 *
 * <p>Layout (row-major, primitive, shared with the kernels):
 * <ul>
 *   <li>token k of X_i^m at {@code tokens[(m * N + i) * d + k]}, length M N d;</li>
 *   <li>Y_i^m at {@code outputs[m * N + i]}, length M N.</li>
 * </ul>
 * The arrays are owned by the data set: the accessors return them without copying for speed, and
 * callers must not modify them.
 */
public final class Dataset {

    private final int samples;
    private final int tokensPerSample;
    private final int dimension;
    private final double[] tokens;
    private final double[] outputs;

    private Dataset(int samples, int tokensPerSample, int dimension, double[] tokens, double[] outputs) {
        this.samples = samples;
        this.tokensPerSample = tokensPerSample;
        this.dimension = dimension;
        this.tokens = tokens;
        this.outputs = outputs;
    }

    /**
     * A data set over the given arrays (taken, not copied).
     *
     * @param samples M &gt;= 1
     * @param tokensPerSample N &gt;= 2
     * @param dimension d &gt;= 1
     * @param tokens finite, length M N d
     * @param outputs finite, length M N
     * @throws IllegalArgumentException naming the first violated rule
     */
    public static Dataset of(int samples, int tokensPerSample, int dimension, double[] tokens, double[] outputs) {
        Checks.positive("M", samples);
        Checks.atLeast("N", tokensPerSample, 2);
        Checks.positive("d", dimension);
        long tokenCount = (long) samples * tokensPerSample * dimension;
        if (tokenCount > Integer.MAX_VALUE - 8) {
            throw Checks.fail("M * N * d", "<= " + (Integer.MAX_VALUE - 8), tokenCount);
        }
        Checks.length("tokens", tokens, (int) tokenCount);
        Checks.length("outputs", outputs, samples * tokensPerSample);
        Checks.allFinite("tokens", tokens);
        Checks.allFinite("outputs", outputs);
        return new Dataset(samples, tokensPerSample, dimension, tokens, outputs);
    }

    /** M, the number of samples. */
    public int samples() {
        return samples;
    }

    /** N, the number of tokens per sample. */
    public int tokensPerSample() {
        return tokensPerSample;
    }

    /** d, the token dimension. */
    public int dimension() {
        return dimension;
    }

    /** The tokens, layout {@code [(m * N + i) * d + k]}; do not modify. */
    public double[] tokens() {
        return tokens;
    }

    /** The outputs, layout {@code [m * N + i]}; do not modify. */
    public double[] outputs() {
        return outputs;
    }

    /** Token k of X_i^m. */
    public double token(int m, int i, int k) {
        return tokens[(m * tokensPerSample + i) * dimension + k];
    }

    /** Y_i^m. */
    public double output(int m, int i) {
        return outputs[m * tokensPerSample + i];
    }
}
