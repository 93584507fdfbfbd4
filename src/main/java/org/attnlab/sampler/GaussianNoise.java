package org.attnlab.sampler;

import org.attnlab.internal.Checks;

/**
 * Observation noise eta_i ~ N(0, sigma^2), i.i.d. over tokens and samples (sub-Gaussian as arXiv 2510.11789
 * assumes). Draws: eta_i = sigma * {@code stream.normal()} for i = 0..N-1 in order, from
 * {@code RandomStreams.stream(seed, Purpose.NOISE, m)} for sample m (drawn even when sigma = 0).
 *
 * <p>A value class with the API of the record it was (the accessor of sigma, and {@code equals}, {@code hashCode}
 * and {@code toString} as the record with the one component sigma defines them): OpenJML 0.21 cannot compile
 * records, and as a class its contracts are checked at run time (see proofs/openjml.md).
 */
public final /*@ code_java_math spec_java_math nullable_by_default @*/ class GaussianNoise {

    private final /*@ spec_public @*/ double sigma;

    //@ public invariant Double.isFinite(sigma) && sigma >= 0;

    /*@ public normal_behavior
      @   requires Double.isFinite(sigma) && sigma >= 0;
      @   ensures this.sigma == sigma;
      @ also public exceptional_behavior
      @   requires !(Double.isFinite(sigma) && sigma >= 0);
      @   signals_only IllegalArgumentException;
      @*/
    /**
     * Noise with standard deviation sigma.
     *
     * @param sigma the standard deviation, finite and &gt;= 0
     * @throws IllegalArgumentException if sigma is not finite and &gt;= 0
     */
    public GaussianNoise(double sigma) {
        Checks.nonNegative("sigma", sigma);
        this.sigma = sigma;
    }

    /*@ public normal_behavior
      @   requires Double.isFinite(sigma) && sigma >= 0;
      @   ensures \result != null && \result.sigma == sigma;
      @ also public exceptional_behavior
      @   requires !(Double.isFinite(sigma) && sigma >= 0);
      @   signals_only IllegalArgumentException;
      @*/
    /** N(0, sigma^2) noise. */
    public static GaussianNoise of(double sigma) {
        return new GaussianNoise(sigma);
    }

    //@ public normal_behavior ensures \result == sigma && Double.isFinite(\result) && \result >= 0; pure
    /** sigma, the standard deviation (finite, &gt;= 0). */
    public double sigma() {
        return sigma;
    }

    //@ public normal_behavior ensures \result == sigma * sigma && \result >= 0; pure
    /** sigma^2. */
    public double variance() {
        return sigma * sigma;
    }

    /*@ also public normal_behavior
      @   ensures \result <==> (o instanceof GaussianNoise && Double.compare(((GaussianNoise) o).sigma, sigma) == 0);
      @ pure
      @*/
    /** Equal when the other is a GaussianNoise with the same sigma (by {@link Double#compare}, as a record). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GaussianNoise)) {
            return false;
        }
        return Double.compare(((GaussianNoise) o).sigma, sigma) == 0;
    }

    //@ also public normal_behavior ensures \result == Double.hashCode(sigma); pure
    /** {@code Double.hashCode(sigma)}, the record's hash of its one component. */
    @Override
    public int hashCode() {
        return Double.hashCode(sigma);
    }

    //@ also public normal_behavior ensures \result != null && \result.startsWith("GaussianNoise[sigma="); pure
    /** {@code GaussianNoise[sigma=<sigma>]}, the record format. */
    @Override
    public String toString() {
        return "GaussianNoise[sigma=" + sigma + "]";
    }
}
