package org.attnlab.slr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.attnlab.internal.RandomStreams;
import org.attnlab.internal.RandomStreams.Purpose;
import org.junit.jupiter.api.Test;

/**
 * A naive oracle for the closed form, fast enough for every build: R from its definition, token by token.
 * Tokens are independent given J, so with f_l = erf(lambda a_l) b_l
 * R = E y^2 - 2 E[u f_J] + (L-1) E f0^2 + E f_J^2 + (L-1)(L-2) (E f0)^2 + 2 (L-1) E f0 E f_J,
 * and each per-token expectation is a brute-force tensor Gauss-Hermite integral over the 2 or 3 correlated
 * standard normals (A, B, U) = (&lt;Z,k&gt;, &lt;Z,v&gt;, &lt;Z,v*&gt;) (Cholesky factor of their correlation matrix).
 * No Stein identity, no Owen T, no derivative of zeta is used.
 */
class PopulationRiskQuadratureTest {

    /** 48-point Gauss-Hermite per axis on integrands analytic in each variable: converged below 1e-9. */
    static final double TOL = 1e-8;
    static final GaussIntegrator HERMITE = new GaussIntegratorFactory().hermite(48);

    @Test
    void closedFormEqualsTokenByTokenQuadrature() {
        double[][] settings = {{6, 3, 0.7, 0.8, 0.3}, {10, 5, 0.3, Math.sqrt(0.5), 0.1}, {4, 2, 1.1, 0.6, 0.0}};
        for (int c = 0; c < settings.length; c++) {
            double[] s = settings[c];
            int d = (int) s[0];
            SlrProblem p = SlrProblem.of(d, (int) s[1], s[3], s[4]);
            SlrTruth truth = SlrTruth.random(d, RandomStreams.stream(31, Purpose.TRUTH, c));
            for (int r = 0; r < 4; r++) {
                double[] k = new double[d];
                double[] v = new double[d];
                PopulationRiskMonteCarloSlowTest.randomParameters(truth,
                        RandomStreams.stream(31, Purpose.ESTIMATOR, 10 * c + r), k, v, r);
                Overlaps o = Overlaps.of(k, v, truth);
                double expected = quadratureRisk(p, o, s[2]);
                assertEquals(expected, PopulationRisk.of(p).value(o, s[2]), TOL, "setting " + c + ", " + o);
            }
        }
    }

    static double quadratureRisk(SlrProblem p, Overlaps o, double lambda) {
        double c = p.signalScale();
        double gamma = p.gamma();
        int tokens = p.tokens();
        // Cholesky of corr(A, B, U) = [[1, rho, eta], [rho, 1, nu], [eta, nu, 1]]
        double l21 = o.rho();
        double l22 = Math.sqrt(1 - l21 * l21);
        double l31 = o.eta();
        double l32 = (o.nu() - l31 * l21) / l22;
        double l33 = Math.sqrt(Math.max(0, 1 - l31 * l31 - l32 * l32));
        int n = HERMITE.getNumberOfPoints();
        double ef0 = 0;
        double ef0sq = 0;
        double ef1 = 0;
        double ef1sq = 0;
        double euf1 = 0;
        for (int i = 0; i < n; i++) {
            double z1 = Math.sqrt(2) * HERMITE.getPoint(i);
            double w1 = HERMITE.getWeight(i) / Math.sqrt(Math.PI);
            for (int j = 0; j < n; j++) {
                double z2 = Math.sqrt(2) * HERMITE.getPoint(j);
                double w2 = w1 * HERMITE.getWeight(j) / Math.sqrt(Math.PI);
                double a = z1;
                double b = l21 * z1 + l22 * z2;
                double f0 = GaussianErf.erf(lambda * a) * b;
                ef0 += w2 * f0;
                ef0sq += w2 * f0 * f0;
                double f1 = GaussianErf.erf(lambda * (c * o.kappa() + gamma * a)) * (c * o.theta() + gamma * b);
                ef1 += w2 * f1;
                ef1sq += w2 * f1 * f1;
                for (int m = 0; m < n; m++) {
                    double z3 = Math.sqrt(2) * HERMITE.getPoint(m);
                    double w3 = w2 * HERMITE.getWeight(m) / Math.sqrt(Math.PI);
                    double u = gamma * (l31 * z1 + l32 * z2 + l33 * z3);
                    euf1 += w3 * u * f1;
                }
            }
        }
        double ey2 = gamma * gamma + p.noise() * p.noise();
        return ey2 - 2 * euf1 + (tokens - 1) * ef0sq + ef1sq + (tokens - 1.0) * (tokens - 2.0) * ef0 * ef0
                + 2.0 * (tokens - 1) * ef0 * ef1;
    }
}
