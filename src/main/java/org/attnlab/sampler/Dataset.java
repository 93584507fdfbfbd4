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

    private final /*@ spec_public @*/ int samples;
    private final /*@ spec_public @*/ int tokensPerSample;
    private final /*@ spec_public @*/ int dimension;
    private final /*@ spec_public @*/ double[] tokens;
    private final /*@ spec_public @*/ double[] outputs;

    /*@ public invariant samples >= 1 && tokensPerSample >= 2 && dimension >= 1;
      @ public invariant (long) samples * tokensPerSample * dimension <= Integer.MAX_VALUE - 8;
      @ public invariant tokens != null && tokens.length == samples * tokensPerSample * dimension;
      @ public invariant outputs != null && outputs.length == samples * tokensPerSample;
      @*/

    private Dataset(int samples, int tokensPerSample, int dimension, double[] tokens, double[] outputs) {
        this.samples = samples;
        this.tokensPerSample = tokensPerSample;
        this.dimension = dimension;
        this.tokens = tokens;
        this.outputs = outputs;
    }

    /*@ public normal_behavior
      @   requires samples >= 1 && tokensPerSample >= 2 && dimension >= 1;
      @   requires (long) samples * tokensPerSample * dimension <= Integer.MAX_VALUE - 8;
      @   requires tokens != null && tokens.length == samples * tokensPerSample * dimension;
      @   requires outputs != null && outputs.length == samples * tokensPerSample;
      @   requires (\forall int j; 0 <= j && j < tokens.length; Double.isFinite(tokens[j]));
      @   requires (\forall int j; 0 <= j && j < outputs.length; Double.isFinite(outputs[j]));
      @   ensures \result.samples == samples && \result.tokensPerSample == tokensPerSample;
      @   ensures \result.dimension == dimension && \result.tokens == tokens && \result.outputs == outputs;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires samples < 1 || tokensPerSample < 2 || dimension < 1
      @       || (long) samples * tokensPerSample * dimension > Integer.MAX_VALUE - 8
      @       || tokens == null || tokens.length != samples * tokensPerSample * dimension
      @       || outputs == null || outputs.length != samples * tokensPerSample
      @       || (\exists int j; 0 <= j && j < tokens.length; !Double.isFinite(tokens[j]))
      @       || (\exists int j; 0 <= j && j < outputs.length; !Double.isFinite(outputs[j]));
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
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
        Sampling.length("tokens", tokens, (int) tokenCount);
        Sampling.length("outputs", outputs, samples * tokensPerSample);
        Checks.allFinite("tokens", tokens);
        Checks.allFinite("outputs", outputs);
        return new Dataset(samples, tokensPerSample, dimension, tokens, outputs);
    }

    /** M, the number of samples. */
    //@ public normal_behavior ensures \result == samples; assignable \nothing;
    public /*@ pure @*/ int samples() {
        return samples;
    }

    /** N, the number of tokens per sample. */
    //@ public normal_behavior ensures \result == tokensPerSample; assignable \nothing;
    public /*@ pure @*/ int tokensPerSample() {
        return tokensPerSample;
    }

    /** d, the token dimension. */
    //@ public normal_behavior ensures \result == dimension; assignable \nothing;
    public /*@ pure @*/ int dimension() {
        return dimension;
    }

    /** The tokens, layout {@code [(m * N + i) * d + k]}; do not modify. */
    //@ public normal_behavior ensures \result == tokens; assignable \nothing;
    public /*@ pure @*/ double[] tokens() {
        return tokens;
    }

    /** The outputs, layout {@code [m * N + i]}; do not modify. */
    //@ public normal_behavior ensures \result == outputs; assignable \nothing;
    public /*@ pure @*/ double[] outputs() {
        return outputs;
    }

    /*@ public normal_behavior
      @   requires 0 <= m && m < samples && 0 <= i && i < tokensPerSample && 0 <= k && k < dimension;
      @   ensures \result == tokens[(m * tokensPerSample + i) * dimension + k];
      @   assignable \nothing;
      @*/
    /** Token k of X_i^m. */
    public /*@ pure @*/ double token(int m, int i, int k) {
        return tokens[(m * tokensPerSample + i) * dimension + k];
    }

    /*@ public normal_behavior
      @   requires 0 <= m && m < samples && 0 <= i && i < tokensPerSample;
      @   ensures \result == outputs[m * tokensPerSample + i];
      @   assignable \nothing;
      @*/
    /** Y_i^m. */
    public /*@ pure @*/ double output(int m, int i) {
        return outputs[m * tokensPerSample + i];
    }
}
