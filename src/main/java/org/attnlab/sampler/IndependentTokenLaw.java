package org.attnlab.sampler;

import org.attnlab.internal.RandomStreams;

/**
 * A token law with i.i.d. tokens whose d coordinates are independent with zero mean, variances v_k and
 * fourth cumulants kappa_k = E X_k^4 - 3 v_k^2.
 *
 * <p>Tokens are drawn coordinate by coordinate in layout order: token 0 coordinates 0..d-1, then token 1,
 * and so on; each coordinate is one call of {@link #drawCoordinate}.
 *
 * <p>Score variance (independent zero-mean tokens): Var(X_1^T A X_2) = tr(A Sigma A^T Sigma)
 * = sum_{k,l} A_{kl}^2 v_k v_l.
 */
public sealed interface IndependentTokenLaw extends TokenLaw permits UniformCube, GaussianTokens {

    /**
     * Draws coordinate k of one token.
     *
     * @param stream the stream; advanced by the documented number of outputs
     * @param k coordinate index in [0, d)
     */
    double drawCoordinate(RandomStreams.Stream stream, int k);

    /** The fourth cumulants kappa_k = E X_k^4 - 3 v_k^2 of the coordinates, length d; a new array. */
    double[] fourthCumulants();

    @Override
    default void sample(RandomStreams.Stream stream, int n, double[] out, int offset) {
        int d = dimension();
        Sampling.checkSampleArguments(stream, n, d, out, offset);
        int idx = offset;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                out[idx++] = drawCoordinate(stream, k);
            }
        }
    }

    @Override
    default double[] mean() {
        return new double[dimension()];
    }

    @Override
    default double[] crossCovariance() {
        int d = dimension();
        return new double[d * d];
    }

    @Override
    default double scoreVariance(double[] a) {
        return Sampling.independentScoreVariance(a, variances());
    }
}
