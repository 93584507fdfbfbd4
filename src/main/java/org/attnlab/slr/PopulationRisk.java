package org.attnlab.slr;

import org.attnlab.internal.Checks;

/**
 * The population risk R(k, v) = E(y - T(X))^2 of the erf predictor T(X) = sum_l erf(lambda &lt;X_l,k&gt;) &lt;X_l,v&gt;
 * in closed form, for unit k and v, as a function of the overlaps (arXiv 2410.01537; our derivation in
 * {@code spec/slr.md}, checked against Monte Carlo in the tests).
 *
 * <p>With c = sqrt(d/2), g = lambda gamma, s = lambda c kappa, and Z standard normal:
 * <pre>
 *   E0 = E[erf(s+gZ)],  E1 = E[Z erf(s+gZ)] = g E0',  E2 = E[Z^2 erf(s+gZ)] = E0 + g^2 E0''
 *   Z0 = zeta(s,g),     Z1 = E[Z erf^2] = g zeta',   Z2 = E[Z^2 erf^2] = zeta + g^2 zeta''   (' = d/ds)
 *   mu0 = 2 lambda / sqrt(pi (1+2 lambda^2)),  z00 = zeta(0, lambda),
 *   beta = 8 lambda^2 / (pi (1+2 lambda^2) sqrt(1+4 lambda^2))
 *   Y  = E[y T]           = gamma [ c theta eta E1 + gamma ((nu - eta rho) E0 + eta rho E2) ]
 *   m1 = E[erf(.) b]_J    = c theta E0 + gamma rho E1
 *   q1 = E[erf(.)^2 b^2]_J = (c^2 theta^2 + gamma^2 (1 - rho^2)) Z0 + 2 c theta gamma rho Z1 + gamma^2 rho^2 Z2
 *   R  = gamma^2 + eps^2 - 2 Y + (L-1)(z00 + rho^2 beta) + q1 + (L-1)(L-2) rho^2 mu0^2 + 2 (L-1) rho mu0 m1
 * </pre>
 * The partial derivatives with respect to (kappa, nu, theta, eta, rho) are exact differentiations of these
 * formulas (ds/dkappa = lambda c). The Euclidean gradients of this extension are
 * grad_k = R_kappa k* + R_eta v* + R_rho v and grad_v = R_nu v* + R_theta k* + R_rho k; after projection on
 * the tangent spaces they are the Riemannian gradients on the product of spheres.
 */
public final class PopulationRisk {

    /** Index of dR/dkappa in a partials array. */
    public static final int KAPPA = 0;
    /** Index of dR/dnu. */
    public static final int NU = 1;
    /** Index of dR/dtheta. */
    public static final int THETA = 2;
    /** Index of dR/deta. */
    public static final int ETA = 3;
    /** Index of dR/drho. */
    public static final int RHO = 4;

    private final SlrProblem problem;
    private final double[] e = new double[4];
    private final double[] z = new double[3];

    private PopulationRisk(SlrProblem problem) {
        this.problem = problem;
    }

    /**
     * The closed-form risk of a problem. Instances hold scratch arrays: one per thread.
     *
     * @param problem (d, L, gamma, eps)
     * @return the risk functional
     * @throws IllegalArgumentException if problem is null
     */
    public static PopulationRisk of(SlrProblem problem) {
        return new PopulationRisk(Checks.notNull("problem", problem));
    }

    /** The problem. */
    public SlrProblem problem() {
        return problem;
    }

    /**
     * R at the given overlaps.
     *
     * @param overlaps the overlaps of unit vectors (k, v)
     * @param lambda the erf scale, finite and &gt; 0
     * @return the population risk (&gt;= eps^2 up to rounding)
     * @throws IllegalArgumentException if overlaps is null
     * @throws IllegalArgumentException if lambda is not finite and &gt; 0
     */
    public double value(Overlaps overlaps, double lambda) {
        Checks.notNull("overlaps", overlaps);
        Checks.positive("lambda", lambda);
        return evaluate(overlaps.kappa(), overlaps.nu(), overlaps.theta(), overlaps.eta(), overlaps.rho(),
                lambda, null);
    }

    /**
     * R and its partial derivatives with respect to the overlaps.
     *
     * @param overlaps the overlaps of unit vectors (k, v)
     * @param lambda the erf scale, finite and &gt; 0
     * @param partials length 5, receives (R_kappa, R_nu, R_theta, R_eta, R_rho)
     * @return R
     * @throws IllegalArgumentException if overlaps is null
     * @throws IllegalArgumentException if lambda is not finite and &gt; 0
     * @throws IllegalArgumentException if partials is null or not of length 5
     */
    public double valueAndPartials(Overlaps overlaps, double lambda, double[] partials) {
        Checks.notNull("overlaps", overlaps);
        Checks.positive("lambda", lambda);
        Checks.length("partials", partials, 5);
        return evaluate(overlaps.kappa(), overlaps.nu(), overlaps.theta(), overlaps.eta(), overlaps.rho(),
                lambda, partials);
    }

    /** The unchecked evaluation used by the descent loops; partials may be null. */
    double evaluate(double kappa, double nu, double theta, double eta, double rho, double lambda,
                    double[] partials) {
        double gamma = problem.gamma();
        double eps = problem.noise();
        int tokens = problem.tokens();
        double c = problem.signalScale();
        double g = lambda * gamma;
        double s = lambda * c * kappa;
        double g2 = g * g;
        double gm2 = gamma * gamma;

        GaussianErf.meanErf(s, g, e);
        double e0 = e[0];
        double e1 = g * e[1];
        double e2 = e[0] + g2 * e[2];
        double z0 = GaussianErf.zeta(s, g);
        GaussianErf.zetaDerivatives(s, g, z);
        double z1 = g * z[0];
        double z2 = z0 + g2 * z[1];

        double lam2 = lambda * lambda;
        double mu0 = 2.0 * lambda / Math.sqrt(Math.PI * (1.0 + 2.0 * lam2));
        double z00 = GaussianErf.zeta(0.0, lambda);
        double beta = 8.0 * lam2 / (Math.PI * (1.0 + 2.0 * lam2) * Math.sqrt(1.0 + 4.0 * lam2));
        double noiseTokens = tokens - 1.0;

        double y = gamma * (c * theta * eta * e1 + gamma * ((nu - eta * rho) * e0 + eta * rho * e2));
        double m1 = c * theta * e0 + gamma * rho * e1;
        double a0 = c * c * theta * theta + gm2 * (1.0 - rho * rho);
        double q1 = a0 * z0 + 2.0 * c * theta * gamma * rho * z1 + gm2 * rho * rho * z2;
        double risk = gm2 + eps * eps - 2.0 * y + noiseTokens * (z00 + rho * rho * beta) + q1
                + noiseTokens * (tokens - 2.0) * rho * rho * mu0 * mu0 + 2.0 * noiseTokens * rho * mu0 * m1;

        if (partials != null) {
            double ds = lambda * c;
            double e1s = g * e[2];
            double e2s = e[1] + g2 * e[3];
            double z1s = g * z[1];
            double z2s = z[0] + g2 * z[2];
            double yKappa = gamma * ds * (c * theta * eta * e1s + gamma * ((nu - eta * rho) * e[1] + eta * rho * e2s));
            double yNu = gm2 * e0;
            double yTheta = gamma * c * eta * e1;
            double yEta = gamma * (c * theta * e1 + gamma * rho * (e2 - e0));
            double yRho = gm2 * eta * (e2 - e0);
            double m1Kappa = ds * (c * theta * e[1] + gamma * rho * e1s);
            double m1Theta = c * e0;
            double m1Rho = gamma * e1;
            double q1Kappa = ds * (a0 * z[0] + 2.0 * c * theta * gamma * rho * z1s + gm2 * rho * rho * z2s);
            double q1Theta = 2.0 * c * c * theta * z0 + 2.0 * c * gamma * rho * z1;
            double q1Rho = -2.0 * gm2 * rho * z0 + 2.0 * c * theta * gamma * z1 + 2.0 * gm2 * rho * z2;
            partials[KAPPA] = -2.0 * yKappa + q1Kappa + 2.0 * noiseTokens * rho * mu0 * m1Kappa;
            partials[NU] = -2.0 * yNu;
            partials[THETA] = -2.0 * yTheta + q1Theta + 2.0 * noiseTokens * rho * mu0 * m1Theta;
            partials[ETA] = -2.0 * yEta;
            partials[RHO] = -2.0 * yRho + 2.0 * noiseTokens * rho * beta + q1Rho
                    + 2.0 * noiseTokens * (tokens - 2.0) * rho * mu0 * mu0
                    + 2.0 * noiseTokens * mu0 * m1 + 2.0 * noiseTokens * rho * mu0 * m1Rho;
        }
        return risk;
    }
}
