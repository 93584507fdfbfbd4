package org.attnlab.slr;

import org.attnlab.internal.Checks;

/**
 * The five overlaps through which the population risk depends on unit vectors (k, v)
 * (arXiv 2410.01537): kappa = &lt;k,k*&gt;, nu = &lt;v,v*&gt;, theta = &lt;v,k*&gt;, eta = &lt;k,v*&gt;,
 * rho = &lt;k,v&gt;.
 *
 * @param kappa &lt;k, k*&gt;, finite
 * @param nu &lt;v, v*&gt;, finite
 * @param theta &lt;v, k*&gt;, finite
 * @param eta &lt;k, v*&gt;, finite
 * @param rho &lt;k, v&gt;, finite
 */
public record Overlaps(double kappa, double nu, double theta, double eta, double rho) {

    /**
     * Validates finiteness.
     *
     * @throws IllegalArgumentException if any overlap is not finite
     */
    public Overlaps {
        Checks.finite("kappa", kappa);
        Checks.finite("nu", nu);
        Checks.finite("theta", theta);
        Checks.finite("eta", eta);
        Checks.finite("rho", rho);
    }

    /**
     * The overlaps of (k, v) with the truth.
     *
     * @param k length d
     * @param v length d
     * @param truth k*, v* of length d
     * @return the overlaps
     * @throws IllegalArgumentException if k or v is null or not of length d
     */
    public static Overlaps of(double[] k, double[] v, SlrTruth truth) {
        Checks.notNull("truth", truth);
        int d = truth.dimension();
        Checks.length("k", k, d);
        Checks.length("v", v, d);
        double[] ks = truth.kStar();
        double[] vs = truth.vStar();
        return new Overlaps(dot(k, ks), dot(v, vs), dot(v, ks), dot(k, vs), dot(k, v));
    }

    /** The distance to the invariant manifold M = {eta = theta = rho = 0}: sqrt(theta^2 + eta^2 + rho^2). */
    public double distanceToManifold() {
        return Math.sqrt(theta * theta + eta * eta + rho * rho);
    }

    static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
