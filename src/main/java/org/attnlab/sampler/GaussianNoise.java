package org.attnlab.sampler;

import org.attnlab.internal.Checks;

/**
 * Observation noise eta_i ~ N(0, sigma^2), i.i.d. over tokens and samples (sub-Gaussian as arXiv 2510.11789
 * assumes). Draws: eta_i = sigma * {@code stream.normal()} for i = 0..N-1 in order, from
 * {@code RandomStreams.stream(seed, Purpose.NOISE, m)} for sample m (drawn even when sigma = 0).
 *
 * @param sigma the standard deviation, finite and &gt;= 0
 */
public record GaussianNoise(double sigma) {

    /**
     * Validates sigma.
     *
     * @throws IllegalArgumentException if sigma is not finite and &gt;= 0
     */
    public GaussianNoise {
        Checks.nonNegative("sigma", sigma);
    }

    /** N(0, sigma^2) noise. */
    public static GaussianNoise of(double sigma) {
        return new GaussianNoise(sigma);
    }

    /** sigma^2. */
    public double variance() {
        return sigma * sigma;
    }
}
