package org.attnlab.rfa;

/**
 * A frozen random-feature map of one sample (query x_0 and keys x_1..x_N) to p features; the model is
 * {@code f = <phi(x), v>} with trained v (arXiv 2307.11353). Implementations are immutable and
 * thread-safe; the scratch array passed to {@link #features} is per caller.
 */
public sealed interface FeatureMap permits AttentionFeatureMap, MlpFeatureMap {

    /** d, the token dimension. */
    int tokenDimension();

    /** N, the number of keys. */
    int keys();

    /** p, the number of features (= trained parameters). */
    int dimension();

    /** Length of the scratch array {@link #features} needs. */
    int scratchLength();

    /** (N+1) d, the number of doubles of one sample in a token array. */
    default int sampleLength() {
        return (keys() + 1) * tokenDimension();
    }

    /**
     * Writes the p features of the sample at {@code tokens[offset .. offset + (N+1)d - 1]} into
     * {@code out[outOffset .. outOffset + p - 1]}. Allocation-free.
     *
     * @param tokens x_0..x_N, read only
     * @param offset start of x_0
     * @param scratch scratch of length &gt;= {@link #scratchLength()}, overwritten
     * @param out receives the features
     * @param outOffset where the features start in out
     * @throws IllegalArgumentException if a range falls outside its array or scratch is too short
     */
    void features(double[] tokens, int offset, double[] scratch, double[] out, int outOffset);

    /**
     * The model's prediction {@code <phi(x), v>} for one sample (allocates its own scratch; not for hot loops).
     *
     * @param tokens x_0..x_N, read only
     * @param offset start of x_0
     * @param values v, length p, read only
     * @return the prediction
     * @throws IllegalArgumentException if {@code values.length != p} or the sample is out of range
     */
    default double predict(double[] tokens, int offset, double[] values) {
        int p = dimension();
        org.attnlab.internal.Checks.length("values", values, p);
        double[] phi = new double[p];
        features(tokens, offset, new double[scratchLength()], phi, 0);
        return RfaKernels.dot(phi, 0, values, p);
    }
}
