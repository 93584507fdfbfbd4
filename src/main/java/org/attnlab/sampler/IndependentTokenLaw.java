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
 *
 * <p>The laws are {@link UniformCube} and {@link GaussianTokens}; not {@code sealed} only because OpenJML 0.21
 * cannot compile sealed types (see {@link TokenLaw}).
 */
public /*@ code_java_math spec_java_math nullable_by_default @*/ interface IndependentTokenLaw extends TokenLaw {

    /**
     * Draws coordinate k of one token.
     *
     * @param stream the stream; advanced by the documented number of outputs
     * @param k coordinate index in [0, d)
     */
    /*@ public normal_behavior
      @   requires stream != null && 0 <= k && k < dimension();
      @   ensures Double.isFinite(\result);
      @   assignable stream.*;
      @*/
    double drawCoordinate(RandomStreams.Stream stream, int k);

    /*@ public normal_behavior
      @   ensures \result != null && \result.length == dimension();
      @   ensures (\forall int k; 0 <= k && k < dimension(); Double.isFinite(\result[k]));
      @ pure
      @*/
    /** The fourth cumulants kappa_k = E X_k^4 - 3 v_k^2 of the coordinates, length d; a new array. */
    double[] fourthCumulants();

    /*@ also public normal_behavior
      @   requires stream != null && n >= 1 && out != null && offset >= 0;
      @   requires offset + n * dimension() <= out.length;
      @   assignable out[offset .. offset + n * dimension() - 1], stream.*;
      @*/
    /** Draws the n d coordinates in layout order, one {@link #drawCoordinate} call each. */
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

    //@ also public normal_behavior ensures \result.length == dimension(); pure
    @Override
    default double[] mean() {
        return new double[dimension()];
    }

    /*@ also public normal_behavior
      @   ensures (\forall int i; 0 <= i && i < \result.length; \result[i] == 0.0);
      @ pure
      @*/
    /** Zero: the tokens are independent. */
    @Override
    default double[] crossCovariance() {
        int d = dimension();
        return new double[d * d];
    }

    /*@ also public normal_behavior
      @   requires a != null && a.length == dimension() * dimension();
      @   requires (\forall int i; 0 <= i && i < a.length; Double.isFinite(a[i]));
      @   ensures \result >= 0;
      @ pure
      @*/
    /** sum_{k,l} A_kl^2 v_k v_l, a sum of non-negative terms. */
    @Override
    default double scoreVariance(double[] a) {
        return Sampling.independentScoreVariance(a, variances());
    }
}
