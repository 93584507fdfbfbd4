package org.attnlab.sampler;

import java.util.Arrays;
import org.attnlab.internal.Checks;
import org.attnlab.internal.RandomStreams;

/**
 * I.i.d. Gaussian tokens N(0, Sigma) with Sigma = diag(lambda_1, ..., lambda_d): the eigenbasis of Sigma is
 * the standard basis (axis-aligned), the eigenvalues are given (all 1 for the isotropic law).
 *
 * <p>Draws: coordinate k is {@code sqrt(lambda_k) * stream.normal()} (one Box-Muller draw, two 64-bit outputs),
 * tokens in layout order. Moments: mean 0, v_k = lambda_k, fourth cumulant 0.
 */
public final class GaussianTokens implements IndependentTokenLaw {

    private final double[] eigenvalues;
    private final double[] scales;

    private GaussianTokens(double[] eigenvalues) {
        this.eigenvalues = eigenvalues;
        this.scales = new double[eigenvalues.length];
        for (int k = 0; k < eigenvalues.length; k++) {
            scales[k] = Math.sqrt(eigenvalues[k]);
        }
    }

    /**
     * Isotropic N(0, I_d).
     *
     * @throws IllegalArgumentException if dimension &lt; 1
     */
    public static GaussianTokens isotropic(int dimension) {
        Checks.positive("d", dimension);
        double[] ones = new double[dimension];
        Arrays.fill(ones, 1.0);
        return new GaussianTokens(ones);
    }

    /**
     * N(0, diag(eigenvalues)); d = eigenvalues.length.
     *
     * @param eigenvalues finite, &gt; 0, length &gt;= 1; copied
     * @throws IllegalArgumentException if eigenvalues is null or empty, or an entry is not finite and &gt; 0
     */
    public static GaussianTokens withEigenvalues(double[] eigenvalues) {
        Checks.notNull("eigenvalues", eigenvalues);
        Checks.positive("eigenvalues.length", eigenvalues.length);
        for (int k = 0; k < eigenvalues.length; k++) {
            Checks.positive("eigenvalues[" + k + "]", eigenvalues[k]);
        }
        return new GaussianTokens(eigenvalues.clone());
    }

    @Override
    public int dimension() {
        return eigenvalues.length;
    }

    /** The eigenvalues lambda_k of Sigma; a new array. */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** True if every eigenvalue is 1. */
    public boolean isIsotropic() {
        for (double v : eigenvalues) {
            if (v != 1.0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public double drawCoordinate(RandomStreams.Stream stream, int k) {
        return scales[k] * stream.normal();
    }

    @Override
    public double[] variances() {
        return eigenvalues.clone();
    }

    @Override
    public double[] fourthCumulants() {
        return new double[eigenvalues.length];
    }

    @Override
    public String name() {
        return "gaussian";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GaussianTokens other && Arrays.equals(other.eigenvalues, eigenvalues);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(eigenvalues);
    }

    @Override
    public String toString() {
        return "GaussianTokens[eigenvalues=" + Arrays.toString(eigenvalues) + "]";
    }
}
