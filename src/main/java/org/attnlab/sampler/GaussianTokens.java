package org.attnlab.sampler;

import java.util.Arrays;
import org.attnlab.internal.Checks;
import org.attnlab.internal.DoubleArrays;
import org.attnlab.internal.RandomStreams;

/**
 * I.i.d. Gaussian tokens N(0, Sigma) with Sigma = diag(lambda_1, ..., lambda_d): the eigenbasis of Sigma is
 * the standard basis (axis-aligned), the eigenvalues are given (all 1 for the isotropic law).
 *
 * <p>Draws: coordinate k is {@code sqrt(lambda_k) * stream.normal()} (one Box-Muller draw, two 64-bit outputs),
 * tokens in layout order. Moments: mean 0, v_k = lambda_k, fourth cumulant 0.
 */
public final /*@ code_java_math spec_java_math nullable_by_default @*/ class GaussianTokens implements IndependentTokenLaw {

    private final /*@ spec_public @*/ double[] eigenvalues;
    private final /*@ spec_public @*/ double[] scales;

    //@ public invariant eigenvalues != null && scales != null && eigenvalues.length >= 1;
    //@ public invariant scales.length == eigenvalues.length;

    private GaussianTokens(double[] eigenvalues) {
        this.eigenvalues = eigenvalues;
        this.scales = new double[eigenvalues.length];
        for (int k = 0; k < eigenvalues.length; k++) {
            scales[k] = PlainCalls.sqrt(eigenvalues[k]);
        }
    }

    /**
     * Isotropic N(0, I_d).
     *
     * @throws IllegalArgumentException if dimension &lt; 1
     */
    /*@ public normal_behavior
      @   requires dimension >= 1;
      @   ensures \result != null && \result.eigenvalues.length == dimension;
      @   ensures (\forall int k; 0 <= k && k < dimension; \result.eigenvalues[k] == 1.0);
      @ also public exceptional_behavior
      @   requires dimension < 1;
      @   signals_only IllegalArgumentException;
      @*/
    public static GaussianTokens isotropic(int dimension) {
        Checks.positive("d", dimension);
        return new GaussianTokens(Sampling.filled(dimension, 1.0));
    }

    /**
     * N(0, diag(eigenvalues)); d = eigenvalues.length.
     *
     * @param eigenvalues finite, &gt; 0, length &gt;= 1; copied
     * @throws IllegalArgumentException if eigenvalues is null or empty, or an entry is not finite and &gt; 0
     */
    /*@ public normal_behavior
      @   requires eigenvalues != null && eigenvalues.length >= 1;
      @   requires (\forall int k; 0 <= k && k < eigenvalues.length; eigenvalues[k] > 0 && Double.isFinite(eigenvalues[k]));
      @   ensures \result != null && \result.eigenvalues != eigenvalues && \result.eigenvalues.length == eigenvalues.length;
      @   ensures (\forall int k; 0 <= k && k < eigenvalues.length; \result.eigenvalues[k] == eigenvalues[k]);
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires eigenvalues == null || eigenvalues.length < 1
      @       || (\exists int k; 0 <= k && k < eigenvalues.length; !(eigenvalues[k] > 0 && Double.isFinite(eigenvalues[k])));
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    public static GaussianTokens withEigenvalues(double[] eigenvalues) {
        Sampling.nonNull("eigenvalues", eigenvalues);
        Checks.positive("eigenvalues.length", eigenvalues.length);
        for (int k = 0; k < eigenvalues.length; k++) {
            Checks.positive("eigenvalues[" + k + "]", eigenvalues[k]);
        }
        return new GaussianTokens(Sampling.copy(eigenvalues));
    }

    //@ also public normal_behavior ensures \result == eigenvalues.length; pure
    @Override
    public int dimension() {
        return eigenvalues.length;
    }

    /** The eigenvalues lambda_k of Sigma; a new array. */
    /*@ public normal_behavior
      @   ensures \result != null && \result != eigenvalues && \result.length == eigenvalues.length;
      @   ensures (\forall int k; 0 <= k && k < eigenvalues.length; \result[k] == eigenvalues[k]);
      @ pure
      @*/
    public double[] eigenvalues() {
        return Sampling.copy(eigenvalues);
    }

    /** True if every eigenvalue is 1. */
    /*@ public normal_behavior
      @   ensures \result <==> (\forall int k; 0 <= k && k < eigenvalues.length; eigenvalues[k] == 1.0);
      @ pure
      @*/
    public boolean isIsotropic() {
        for (double v : eigenvalues) {
            if (v != 1.0) {
                return false;
            }
        }
        return true;
    }

    /*@ also public normal_behavior
      @   requires stream != null && 0 <= k && k < eigenvalues.length;
      @   assignable stream.*;
      @*/
    @Override
    public double drawCoordinate(RandomStreams.Stream stream, int k) {
        return scales[k] * stream.normal();
    }

    /*@ also public normal_behavior
      @   ensures \result != eigenvalues && (\forall int k; 0 <= k && k < eigenvalues.length; \result[k] == eigenvalues[k]);
      @ pure
      @*/
    @Override
    public double[] variances() {
        return Sampling.copy(eigenvalues);
    }

    //@ also public normal_behavior ensures (\forall int k; 0 <= k && k < \result.length; \result[k] == 0.0); pure
    @Override
    public double[] fourthCumulants() {
        return new double[eigenvalues.length];
    }

    //@ also public normal_behavior ensures \result.equals("gaussian"); pure
    @Override
    public String name() {
        return "gaussian";
    }

    /*@ also public normal_behavior
      @   ensures \result ==> o instanceof GaussianTokens
      @       && ((GaussianTokens) o).eigenvalues.length == eigenvalues.length;
      @   ensures o == this ==> \result;
      @ pure
      @*/
    @Override
    public boolean equals(Object o) {
        return o instanceof GaussianTokens && DoubleArrays.sameEntries(((GaussianTokens) o).eigenvalues, eigenvalues);
    }

    //@ also public normal_behavior ensures true; pure
    @Override
    public int hashCode() {
        return Arrays.hashCode(eigenvalues);
    }

    //@ also public normal_behavior ensures \result != null && \result.startsWith("GaussianTokens[eigenvalues="); pure
    @Override
    public String toString() {
        return "GaussianTokens[eigenvalues=" + Arrays.toString(eigenvalues) + "]";
    }
}
