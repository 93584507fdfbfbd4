package org.attnlab.slr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.special.Erf;
import org.attnlab.internal.RandomStreams;
import org.attnlab.internal.RandomStreams.Purpose;
import org.junit.jupiter.api.Test;

/**
 * The excess risk we log (R - eps^2, R our full population risk, at the logged iterate and lambda_t) is the
 * quantity the authors log for PGD: their closed form (which omits eps^2 and (L-1) zeta(0, lambda)) plus
 * (L-1) zeta(0, lambda) (run.py, PierreMarion23/single-location-regression). On the manifold M
 * (theta = eta = rho = 0) their closed form reduces by hand to
 * <pre>
 *   gamma^2 - 2 gamma^2 nu erf(lambda sqrt(d/2) kappa / sqrt(1 + 2 lambda^2 gamma^2)) + gamma^2 zeta(lambda sqrt(d/2) kappa, lambda gamma)
 * </pre>
 * which this test evaluates independently of {@link GaussianErf}: erf from Commons Math, zeta(s, g) =
 * E erf(s + g Z)^2 by composite Simpson quadrature, zeta(0, lambda) = (2/pi) arcsin(2 lambda^2/(1 + 2 lambda^2)).
 */
class ExcessRiskConventionTest {

    /** Simpson on [-12, 12] with 2400 panels: observed agreement 1.5e-15. */
    private static final double TOL = 1e-12;

    @Test
    void loggedExcessFromTheManifoldIsTheAuthorsExcess() {
        // a tiny problem with a schedule, so that lambda_t changes between log points
        SlrProblem p = SlrProblem.of(6, 3, 0.8, 0.3);
        DescentSettings s = DescentSettings.of(0.7, true, 2e-2, 3000, 500);
        SlrTruth truth = SlrTruth.random(6, RandomStreams.stream(11, Purpose.TRUTH, 0));
        double[] k = new double[6];
        double[] v = new double[6];
        Initialisation.MANIFOLD.draw(truth, RandomStreams.stream(11, Purpose.ESTIMATOR, 0), k, v);
        Trajectory t = ProjectedGradientDescent.of(p, s).run(truth, k, v);
        for (int n = 0; n < t.size(); n++) {
            assertEquals(s.lambdaAt(t.steps()[n]), t.lambda()[n], 0.0, "lambda_t at step " + t.steps()[n]);
            double expected = authorsExcessOnManifold(p, t.kappa()[n], t.nu()[n], t.lambda()[n]);
            assertEquals(expected, t.risk()[n] - p.bayesRisk(), TOL, "excess at step " + t.steps()[n]);
        }
        // the run moved: the check covered more than the start
        assertEquals(true, Math.abs(t.kappa()[t.last()]) > Math.abs(t.kappa()[0]) + 0.1);
    }

    @Test
    void loggedExcessDoesNotDependOnTheNoiseLevel() {
        // run.py passes no eps to PGD: the trajectory and R - eps^2 must be the same for every eps
        DescentSettings s = DescentSettings.of(1.0, false, 1e-2, 800, 100);
        SlrTruth truth = SlrTruth.random(7, RandomStreams.stream(5, Purpose.TRUTH, 0));
        double[] k = new double[7];
        double[] v = new double[7];
        Initialisation.SPHERE.draw(truth, RandomStreams.stream(5, Purpose.ESTIMATOR, 0), k, v);
        SlrProblem quiet = SlrProblem.of(7, 4, Math.sqrt(0.5), 0.0);
        SlrProblem noisy = SlrProblem.of(7, 4, Math.sqrt(0.5), 0.5);
        Trajectory a = ProjectedGradientDescent.of(quiet, s).run(truth, k, v);
        Trajectory b = ProjectedGradientDescent.of(noisy, s).run(truth, k, v);
        for (int n = 0; n < a.size(); n++) {
            assertEquals(a.risk()[n] - quiet.bayesRisk(), b.risk()[n] - noisy.bayesRisk(), 1e-13);
            assertEquals(a.kappa()[n], b.kappa()[n], 0.0);
        }
    }

    static double authorsExcessOnManifold(SlrProblem p, double kappa, double nu, double lambda) {
        double gamma = p.gamma();
        double g = lambda * gamma;
        double s = lambda * Math.sqrt(p.dimension() / 2.0) * kappa;
        double authors = gamma * gamma - 2 * gamma * gamma * nu * Erf.erf(s / Math.sqrt(1 + 2 * g * g))
                + gamma * gamma * zetaBySimpson(s, g);
        double zeta0 = 2 / Math.PI * Math.asin(2 * lambda * lambda / (1 + 2 * lambda * lambda));
        return authors + (p.tokens() - 1) * zeta0;
    }

    /** E erf(s + g Z)^2, Z standard normal, by composite Simpson on [-12, 12]. */
    static double zetaBySimpson(double s, double g) {
        int n = 2400;
        double a = -12;
        double h = 24.0 / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double z = a + i * h;
            double e = Erf.erf(s + g * z);
            double f = e * e * Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
            sum += (i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2)) * f;
        }
        return sum * h / 3;
    }
}
