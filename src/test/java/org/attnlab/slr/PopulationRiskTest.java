package org.attnlab.slr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.attnlab.internal.RandomStreams;
import org.attnlab.internal.RandomStreams.Purpose;
import org.junit.jupiter.api.Test;

/** The closed-form risk: hand-computed special cases, partial derivatives and Riemannian gradients vs differences. */
class PopulationRiskTest {

    /** Richardson-extrapolated central differences, step 1e-4 on O(1) quantities: error below 1e-9. */
    static final double FD_TOL = 1e-8;
    static final double EXACT_TOL = 1e-14;

    /** (d, L, lambda, gamma, eps). */
    static final double[][] SETTINGS = {
        {400, 10, 0.1, Math.sqrt(0.5), 0.1},
        {400, 10, 1.0, Math.sqrt(0.5), 0.1},
        {80, 10, 2.0, Math.sqrt(0.5), 0.1},
        {6, 2, 0.7, 1.3, 0.0},
        {10, 1, 0.3, 0.5, 0.2},
    };

    @Test
    void linearAndBayesRisksByHand() {
        SlrProblem p = SlrProblem.of(400, 10, Math.sqrt(0.5), 0.1);
        assertEquals(0.01, p.bayesRisk(), 1e-17);
        assertEquals(0.01 + 0.5 - 0.25 / 9.5, p.linearRisk(), 1e-15);
        assertEquals(Math.sqrt(200), p.signalScale(), 1e-15);
    }

    @Test
    void riskAtTheOriginOfTheOverlapsByHand() {
        // kappa = nu = theta = eta = rho = 0: T is uncorrelated with y, so R = E y^2 + E T^2 with
        // E y^2 = gamma^2 + eps^2 and E T^2 = (L-1) zeta(0, lambda) + gamma^2 zeta(0, lambda gamma),
        // each zeta(0, g) = (2/pi) arcsin(2 g^2 / (1 + 2 g^2)).
        for (double[] s : SETTINGS) {
            SlrProblem p = SlrProblem.of((int) s[0], (int) s[1], s[3], s[4]);
            double lambda = s[2];
            double g = lambda * s[3];
            double expected = s[3] * s[3] + s[4] * s[4] + (s[1] - 1) * arcsinZeta(lambda)
                    + s[3] * s[3] * arcsinZeta(g);
            assertEquals(expected, PopulationRisk.of(p).value(new Overlaps(0, 0, 0, 0, 0), lambda), EXACT_TOL);
        }
    }

    @Test
    void riskAtTheOptimumByHand() {
        // k = k*, v = v*: R = gamma^2 + eps^2 - 2 gamma^2 E0 + (L-1) zeta(0, lambda) + gamma^2 zeta(s, g)
        for (double[] s : SETTINGS) {
            SlrProblem p = SlrProblem.of((int) s[0], (int) s[1], s[3], s[4]);
            double lambda = s[2];
            double g = lambda * s[3];
            double sc = lambda * Math.sqrt(s[0] / 2);
            double e0 = GaussianErf.erf(sc / Math.sqrt(1 + 2 * g * g));
            double expected = s[3] * s[3] + s[4] * s[4] - 2 * s[3] * s[3] * e0 + (s[1] - 1) * arcsinZeta(lambda)
                    + s[3] * s[3] * GaussianErf.zeta(sc, g);
            assertEquals(expected, PopulationRisk.of(p).value(new Overlaps(1, 1, 0, 0, 0), lambda), EXACT_TOL);
        }
    }

    @Test
    void partialsMatchFiniteDifferences() {
        double h = 1e-4;
        double[] partials = new double[5];
        for (int c = 0; c < SETTINGS.length; c++) {
            double[] s = SETTINGS[c];
            SlrProblem p = SlrProblem.of((int) s[0], (int) s[1], s[3], s[4]);
            PopulationRisk risk = PopulationRisk.of(p);
            double lambda = s[2];
            RandomStreams.Stream rng = RandomStreams.stream(7, Purpose.ESTIMATOR, c);
            for (int trial = 0; trial < 6; trial++) {
                double[] o = new double[5];
                for (int j = 0; j < 5; j++) {
                    o[j] = rng.uniform(-1, 1);
                }
                risk.valueAndPartials(overlaps(o), lambda, partials);
                for (int j = 0; j < 5; j++) {
                    int jj = j;
                    double fd = GaussianErfTest.richardson(x -> {
                        double[] q = o.clone();
                        q[jj] = x;
                        return risk.value(overlaps(q), lambda);
                    }, o[j], h);
                    double scale = Math.max(1.0, Math.abs(fd));
                    assertEquals(fd, partials[j], FD_TOL * scale, "setting " + c + ", partial " + j);
                }
            }
        }
    }

    @Test
    void partialsOffTheManifoldDirectionsVanishOnTheManifold() {
        double[] partials = new double[5];
        for (double[] s : SETTINGS) {
            SlrProblem p = SlrProblem.of((int) s[0], (int) s[1], s[3], s[4]);
            for (double kappa : new double[] {-0.9, -0.1, 0.0, 0.4, 0.99}) {
                PopulationRisk.of(p).valueAndPartials(new Overlaps(kappa, 0.3, 0, 0, 0), s[2], partials);
                assertEquals(0.0, partials[PopulationRisk.THETA], 0.0);
                assertEquals(0.0, partials[PopulationRisk.ETA], 0.0);
                assertEquals(0.0, partials[PopulationRisk.RHO], 0.0);
            }
        }
    }

    @Test
    void riemannianGradientMatchesDerivativeAlongGeodesics() {
        // f(t) = R(cos t k + sin t u, v) with u a unit tangent vector at k: f'(0) = <grad_k, u>
        int d = 7;
        SlrProblem p = SlrProblem.of(d, 4, 0.8, 0.1);
        PopulationRisk risk = PopulationRisk.of(p);
        double lambda = 0.6;
        SlrTruth truth = SlrTruth.random(d, RandomStreams.stream(3, Purpose.TRUTH, 0));
        double[] partials = new double[5];
        for (int trial = 0; trial < 5; trial++) {
            RandomStreams.Stream rng = RandomStreams.stream(3, Purpose.ESTIMATOR, trial);
            double[] k = new double[d];
            double[] v = new double[d];
            Initialisation.SPHERE.draw(truth, rng, k, v);
            risk.valueAndPartials(Overlaps.of(k, v, truth), lambda, partials);
            double[] gk = new double[d];
            double[] gv = new double[d];
            for (int i = 0; i < d; i++) {
                gk[i] = partials[0] * truth.kStar()[i] + partials[3] * truth.vStar()[i] + partials[4] * v[i];
                gv[i] = partials[1] * truth.vStar()[i] + partials[2] * truth.kStar()[i] + partials[4] * k[i];
            }
            double[] u = tangent(k, rng);
            double[] w = tangent(v, rng);
            double fdK = GaussianErfTest.richardson(t -> risk.value(Overlaps.of(geodesic(k, u, t), v, truth), lambda),
                    0.0, 1e-4);
            double fdV = GaussianErfTest.richardson(t -> risk.value(Overlaps.of(k, geodesic(v, w, t), truth), lambda),
                    0.0, 1e-4);
            assertEquals(fdK, Overlaps.dot(gk, u), FD_TOL, "k direction");
            assertEquals(fdV, Overlaps.dot(gv, w), FD_TOL, "v direction");
        }
    }

    static double arcsinZeta(double g) {
        return 2 / Math.PI * Math.asin(2 * g * g / (1 + 2 * g * g));
    }

    static Overlaps overlaps(double[] o) {
        return new Overlaps(o[0], o[1], o[2], o[3], o[4]);
    }

    static double[] tangent(double[] x, RandomStreams.Stream rng) {
        double[] u = new double[x.length];
        rng.normals(u);
        double c = Overlaps.dot(u, x);
        for (int i = 0; i < u.length; i++) {
            u[i] -= c * x[i];
        }
        SphereStep.normalise(u);
        return u;
    }

    static double[] geodesic(double[] x, double[] u, double t) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.cos(t) * x[i] + Math.sin(t) * u[i];
        }
        return y;
    }
}
