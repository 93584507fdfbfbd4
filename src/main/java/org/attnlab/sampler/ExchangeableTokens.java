package org.attnlab.sampler;

import org.attnlab.internal.Checks;
import org.attnlab.internal.RandomStreams;

/**
 * Exchangeable, dependent tokens with a shared component: X_i = sqrt(1 - tau) Z_i + sqrt(tau) W, i = 1..N,
 * where Z_1, ..., Z_N, W are i.i.d. draws of a base law with independent zero-mean coordinates
 * ({@link UniformCube} or {@link GaussianTokens}), and one W per sample. tau in [0, 1] is the correlation of
 * two tokens: tau = 0 gives i.i.d. tokens, tau = 1 gives N copies of W. The tokens are conditionally i.i.d.
 * given W (de Finetti form), as in the coercivity discussion of arXiv 2510.11789.
 *
 * <p>Draws (per sample): first Z_1, ..., Z_N in layout order (N d coordinate draws of the base law), then
 * the d coordinates of W; then x_{ik} = a z_{ik} + b w_k with a = sqrt(1 - tau), b = sqrt(tau).
 *
 * <p>Moments, with Sigma = diag(v) the base covariance and kappa_k the base fourth cumulants:
 * E X_1 = 0, Cov(X_1) = Sigma, Cov(X_1, X_2) = tau Sigma, E[X_1^T A X_2] = tau tr(A Sigma), and
 * <pre>
 *   Var(X_1^T A X_2) = tr(A Sigma A^T Sigma) + tau^2 [ tr(A Sigma A Sigma) + sum_k kappa_k A_kk^2 ]
 * </pre>
 * (derived in {@code spec/sampler.md}; checked by Monte Carlo in the tests).
 */
public final /*@ code_java_math spec_java_math nullable_by_default @*/ class ExchangeableTokens implements TokenLaw {

    private final /*@ spec_public @*/ IndependentTokenLaw base;
    private final /*@ spec_public @*/ double tau;

    //@ public invariant base != null && 0 <= tau && tau <= 1;
    private final double zScale;
    private final double wScale;

    private ExchangeableTokens(IndependentTokenLaw base, double tau) {
        this.base = base;
        this.tau = tau;
        this.zScale = PlainCalls.sqrt(1.0 - tau);
        this.wScale = PlainCalls.sqrt(tau);
    }

    /**
     * The law X_i = sqrt(1 - tau) Z_i + sqrt(tau) W with Z_i, W i.i.d. from {@code base}.
     *
     * @param base the law of Z_i and W
     * @param tau the shared fraction, in [0, 1]
     * @throws IllegalArgumentException if base is null or tau is not in [0, 1]
     */
    /*@ public normal_behavior
      @   requires base != null && 0 <= tau && tau <= 1;
      @   ensures \result != null && \result.base == base && \result.tau == tau;
      @ also public exceptional_behavior
      @   requires base == null || !(0 <= tau && tau <= 1);
      @   signals_only IllegalArgumentException;
      @*/
    public static ExchangeableTokens of(IndependentTokenLaw base, double tau) {
        Sampling.nonNull("base", base);
        Checks.inRange("tau", tau, 0.0, 1.0);
        return new ExchangeableTokens(base, tau);
    }

    /** The law of Z_i and W. */
    //@ public normal_behavior ensures \result == base && \result != null; pure
    public IndependentTokenLaw base() {
        return base;
    }

    /** tau, the correlation between two tokens of one sample. */
    //@ public normal_behavior ensures \result == tau && 0 <= \result && \result <= 1; pure
    public double tau() {
        return tau;
    }

    //@ also public normal_behavior ensures \result == base.dimension(); pure
    @Override
    public int dimension() {
        return base.dimension();
    }

    /*@ also public normal_behavior
      @   requires stream != null && n >= 1 && out != null && offset >= 0;
      @   requires offset + n * dimension() <= out.length;
      @   ensures tau == 1.0 ==> (\forall int i; offset + dimension() <= i && i < offset + n * dimension();
      @       out[i] == out[i - dimension()]);
      @   assignable out[offset .. offset + n * dimension() - 1], stream.*;
      @*/
    /** Tokens X_i = sqrt(1 - tau) Z_i + sqrt(tau) W (all equal to W when tau = 1). */
    @Override
    public void sample(RandomStreams.Stream stream, int n, double[] out, int offset) {
        int d = base.dimension();
        Sampling.checkSampleArguments(stream, n, d, out, offset);
        int end = offset + n * d;
        for (int idx = offset; idx < end; idx++) {
            out[idx] = base.drawCoordinate(stream, (idx - offset) % d);
        }
        for (int k = 0; k < d; k++) {
            double w = base.drawCoordinate(stream, k);
            for (int idx = offset + k; idx < end; idx += d) {
                out[idx] = zScale * out[idx] + wScale * w;
            }
        }
    }

    //@ also public normal_behavior ensures \result.length == base.dimension(); pure
    @Override
    public double[] mean() {
        return new double[base.dimension()];
    }

    //@ also public normal_behavior ensures \result.length == base.dimension(); pure
    @Override
    public double[] variances() {
        return base.variances();
    }

    /*@ also public normal_behavior
      @   ensures (\forall int k; 0 <= k && k < dimension();
      @       \result[k * (dimension() + 1)] == tau * base.variances()[k]);
      @ pure
      @*/
    /** C = tau Sigma. */
    @Override
    public double[] crossCovariance() {
        return Sampling.scaledDiagonal(base.variances(), tau);
    }

    /**
     * Var(X_1^T A X_2) = tr(A Sigma A^T Sigma) + tau^2 [tr(A Sigma A Sigma) + sum_k kappa_k A_kk^2].
     *
     * @throws IllegalArgumentException if a is null, has the wrong length or a non-finite entry
     */
    /*@ also public normal_behavior
      @   requires a != null && a.length == dimension() * dimension();
      @   requires (\forall int i; 0 <= i && i < a.length; Double.isFinite(a[i]));
      @   ensures tau == 0 && Double.isFinite(\result) ==> \result == base.scoreVariance(a);
      @ pure
      @*/
    @Override
    public double scoreVariance(double[] a) {
        double[] v = base.variances();
        double independent = Sampling.independentScoreVariance(a, v);
        int d = v.length;
        double[] kappa = base.fourthCumulants();
        double shared = 0.0;
        for (int k = 0; k < d; k++) {
            for (int l = 0; l < d; l++) {
                shared += a[k * d + l] * a[l * d + k] * v[k] * v[l];
            }
            shared += kappa[k] * a[k * d + k] * a[k * d + k];
        }
        return independent + tau * tau * shared;
    }

    /**
     * E[X_1^T A X_2] = tau tr(A Sigma).
     *
     * @throws IllegalArgumentException if a is null, has the wrong length or a non-finite entry
     */
    /*@ public normal_behavior
      @   requires a != null && a.length == dimension() * dimension();
      @   requires (\forall int i; 0 <= i && i < a.length; Double.isFinite(a[i]));
      @   ensures tau == 0 ==> \result == 0;
      @ also public exceptional_behavior
      @   requires a == null || a.length != dimension() * dimension()
      @       || (\exists int i; 0 <= i && i < a.length; !Double.isFinite(a[i]));
      @   signals_only IllegalArgumentException;
      @ pure
      @*/
    public double scoreMean(double[] a) {
        int d = base.dimension();
        Sampling.checkMatrix(a, d);
        double[] v = base.variances();
        double trace = 0.0;
        for (int k = 0; k < d; k++) {
            trace += a[k * d + k] * v[k];
        }
        return tau * trace;
    }

    //@ also public normal_behavior ensures \result.equals("exchangeable"); pure
    @Override
    public String name() {
        return "exchangeable";
    }

    /*@ also public normal_behavior
      @   ensures \result ==> o instanceof ExchangeableTokens
      @       && Double.compare(((ExchangeableTokens) o).tau, tau) == 0;
      @ pure
      @*/
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ExchangeableTokens)) {
            return false;
        }
        ExchangeableTokens other = (ExchangeableTokens) o;
        return PlainCalls.equal(other.base, base) && Double.compare(other.tau, tau) == 0;
    }

    //@ also public normal_behavior ensures true; pure
    @Override
    public int hashCode() {
        return 31 * base.hashCode() + Double.hashCode(tau);
    }

    //@ also public normal_behavior ensures \result != null && \result.startsWith("ExchangeableTokens[base="); pure
    @Override
    public String toString() {
        return "ExchangeableTokens[base=" + base + ", tau=" + tau + "]";
    }
}
