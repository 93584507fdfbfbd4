package org.attnlab.sampler;

import org.attnlab.internal.RandomStreams;

/**
 * The law of the N tokens X_1, ..., X_N in R^d of one sample of model A (arXiv 2510.11789; see PAPERS.md A).
 *
 * <p>Every law here is exchangeable, has zero mean and a diagonal (axis-aligned) covariance
 * Sigma = diag(v_1, ..., v_d); tokens of one sample may be dependent through a shared component
 * (see {@link ExchangeableTokens}). The exact order in which each law consumes random numbers is part of
 * its contract (and of {@code spec/sampler.md}), so that ports reproduce the same tokens.
 *
 * <p>Notation: d = {@link #dimension()}, Sigma = Cov(X_1), C = Cov(X_1, X_2),
 * S = X_1^T A X_2 the score of a pair of distinct tokens of one sample.
 *
 * <p>The laws are {@link UniformCube}, {@link GaussianTokens} (through {@link IndependentTokenLaw}) and
 * {@link ExchangeableTokens}. The interface is not {@code sealed} only because OpenJML 0.21 cannot compile sealed
 * types (proofs/openjml.md); other implementations are not supported (the JSON writers and spec/sampler.md know
 * these three).
 */
public /*@ code_java_math spec_java_math nullable_by_default @*/ interface TokenLaw {

    //@ public normal_behavior ensures \result >= 1; pure
    /** d, the token dimension. */
    int dimension();

    /*@ public normal_behavior
      @   requires stream != null && n >= 1 && out != null && offset >= 0;
      @   requires offset + n * dimension() <= out.length;
      @   ensures (\forall int i; offset <= i && i < offset + n * dimension(); Double.isFinite(out[i]));
      @   assignable out[offset .. offset + n * dimension() - 1], stream.*;
      @ also public exceptional_behavior
      @   requires stream == null || n < 1 || out == null || offset < 0 || offset + n * dimension() > out.length;
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    /**
     * Draws the n tokens of one sample into {@code out[offset + i d + k]}, i = 0..n-1, k = 0..d-1.
     *
     * @param stream the sample's stream ({@code RandomStreams.stream(seed, Purpose.TOKENS, m)}); advanced
     * @param n number of tokens, &gt;= 1
     * @param out output; entries offset .. offset + n d - 1 overwritten, nothing else
     * @param offset first entry written, &gt;= 0
     * @throws IllegalArgumentException if n &lt; 1, offset &lt; 0, or out is too short
     */
    void sample(RandomStreams.Stream stream, int n, double[] out, int offset);

    /*@ public normal_behavior
      @   ensures \result != null && \result.length == dimension();
      @   ensures (\forall int k; 0 <= k && k < dimension(); \result[k] == 0.0);
      @ pure
      @*/
    /** E X_1, length d (all zero for the laws of this package); a new array. */
    double[] mean();

    /*@ public normal_behavior
      @   ensures \result != null && \result.length == dimension();
      @   ensures (\forall int k; 0 <= k && k < dimension(); \result[k] > 0 && Double.isFinite(\result[k]));
      @ pure
      @*/
    /** The diagonal v_k of Sigma = Cov(X_1) = E X_1 X_1^T, length d; a new array. */
    double[] variances();

    /*@ public normal_behavior
      @   ensures \result != null && \result.length == dimension() * dimension();
      @   ensures (\forall int i; 0 <= i && i < \result.length; i % (dimension() + 1) == 0
      @       ? \result[i] > 0 && Double.isFinite(\result[i]) : \result[i] == 0.0);
      @ pure
      @*/
    /** Sigma = Cov(X_1), d x d row-major; a new array. */
    default double[] covariance() {
        return Sampling.scaledDiagonal(variances(), 1.0);
    }

    /** C = Cov(X_1, X_2) = E X_1 X_2^T for two distinct tokens of one sample, d x d row-major; a new array. */
    /*@ public normal_behavior
      @   ensures \result != null && \result.length == dimension() * dimension();
      @   ensures (\forall int i; 0 <= i && i < \result.length; i % (dimension() + 1) == 0
      @       ? \result[i] >= 0 && Double.isFinite(\result[i]) : \result[i] == 0.0);
      @ pure
      @*/
    double[] crossCovariance();

    /**
     * Var(X_1^T A X_2) for two distinct tokens of one sample under this law (exact formula; see
     * {@code spec/sampler.md} and the implementing classes).
     *
     * @param a A, d x d row-major, finite; not modified
     * @throws IllegalArgumentException if a is null, has the wrong length or a non-finite entry
     */
    /*@ public normal_behavior
      @   requires a != null && a.length == dimension() * dimension();
      @   requires (\forall int i; 0 <= i && i < a.length; Double.isFinite(a[i]));
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires a == null || a.length != dimension() * dimension()
      @       || (\exists int i; 0 <= i && i < a.length; !Double.isFinite(a[i]));
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @ pure
      @*/
    double scoreVariance(double[] a);

    //@ public normal_behavior ensures \result != null; pure
    /** A short name: {@code cube}, {@code gaussian} or {@code exchangeable}. */
    String name();
}
