package org.attnlab.slr;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.special.Erf;
import org.attnlab.internal.Checks;

/**
 * Gaussian expectations of the error function used by the closed-form risk of single-location regression
 * (arXiv 2410.01537). Z is a standard normal variable throughout; derivation in {@code spec/slr.md}.
 *
 * <pre>
 *   erf(x)        = 2/sqrt(pi) int_0^x exp(-u^2) du                     (Commons Math, |error| ~ 1e-15)
 *   E[erf(s+gZ)]  = erf(s / sqrt(1+2g^2))
 *   zeta(s, g)    = E[erf(s+gZ)^2] = 1 - 8 T(h, a),   h = sqrt(2) s / sqrt(1+2g^2),  a = 1/sqrt(1+4g^2)
 *   T(h, a)       = 1/(2 pi) int_0^a exp(-h^2 (1+x^2)/2) / (1+x^2) dx    (Owen's T function)
 *   d zeta / ds   = 4/sqrt(pi (1+2g^2)) exp(-s^2/(1+2g^2)) erf(s / sqrt((1+2g^2)(1+4g^2)))
 * </pre>
 * The Owen-T identity follows from erf(x) = 2 Phi(sqrt(2) x) - 1 and Owen's (1956) formula
 * Phi_2(h, h; r) = Phi(h) - 2 T(h, sqrt((1-r)/(1+r))) with r = 2g^2/(1+2g^2).
 *
 * <p>Accuracy of {@link #owenT}: composite 16-point Gauss-Legendre on panels of width at most 1/(|h|+1).
 * On each panel the integrand is analytic inside the Bernstein ellipse of parameter 4 (its poles are at
 * x = +-i, its semi-minor axis is below 0.94/(|h|+1)), where it is bounded by 14 exp(-h^2/2); the
 * Gauss-Legendre bound (64/15) M rho^(-32) / (rho^2 - 1) then gives less than 1e-18 per panel. When
 * a exp(-h^2/2) / (2 pi) &lt; 1e-18 (|h| &gt; 9.1) the integral itself is below that bound and 0 is returned.
 * So |zeta - zeta_exact| &lt; 1e-16 plus rounding.
 */
public final class GaussianErf {

    /** Bound on the truncated part of T that is neglected (see class comment). */
    static final double NEGLIGIBLE = 1e-18;
    private static final int NODES = 16;
    private static final double[] GL_X;
    private static final double[] GL_W;
    private static final double SQRT_PI = Math.sqrt(Math.PI);
    private static final double TWO_OVER_SQRT_PI = 2.0 / SQRT_PI;

    static {
        GaussIntegrator rule = new GaussIntegratorFactory().legendreHighPrecision(NODES, 0.0, 1.0);
        GL_X = new double[NODES];
        GL_W = new double[NODES];
        for (int i = 0; i < NODES; i++) {
            GL_X[i] = rule.getPoint(i);
            GL_W[i] = rule.getWeight(i);
        }
    }

    private GaussianErf() {
    }

    /**
     * The error function, erf(x) = 2/sqrt(pi) int_0^x exp(-u^2) du (Commons Math {@link Erf#erf(double)}).
     *
     * @param x any finite value; NaN gives NaN
     * @return erf(x) in [-1, 1]
     */
    public static double erf(double x) {
        return Erf.erf(x);
    }

    /** erf'(x) = 2/sqrt(pi) exp(-x^2). */
    public static double erfPrime(double x) {
        return TWO_OVER_SQRT_PI * Math.exp(-x * x);
    }

    /**
     * Owen's T function T(h, a) = 1/(2 pi) int_0^a exp(-h^2 (1+x^2)/2) / (1+x^2) dx for 0 &lt;= a &lt;= 1,
     * by composite Gauss-Legendre (error bound in the class comment).
     *
     * @param h finite
     * @param a in [0, 1]
     * @return T(h, a), even in h, in [0, arctan(a)/(2 pi)]
     * @throws IllegalArgumentException if h is not finite
     * @throws IllegalArgumentException if a is not in [0, 1]
     */
    public static double owenT(double h, double a) {
        Checks.finite("h", h);
        Checks.inRange("a", a, 0.0, 1.0);
        double hh = h * h;
        if (a * Math.exp(-0.5 * hh) / (2 * Math.PI) < NEGLIGIBLE) {
            return 0.0;
        }
        int panels = (int) Math.ceil(a * (Math.abs(h) + 1.0));
        if (panels < 1) {
            panels = 1;
        }
        double width = a / panels;
        double sum = 0.0;
        for (int p = 0; p < panels; p++) {
            double left = p * width;
            double part = 0.0;
            for (int i = 0; i < NODES; i++) {
                double x = left + width * GL_X[i];
                double q = 1.0 + x * x;
                part += GL_W[i] * Math.exp(-0.5 * hh * q) / q;
            }
            sum += part * width;
        }
        return sum / (2 * Math.PI);
    }

    /**
     * zeta(s, g) = E[erf(s + g Z)^2] = 1 - 8 T(sqrt(2) s / sqrt(1+2g^2), 1/sqrt(1+4g^2)).
     * Edge cases: zeta(s, 0) = erf(s)^2; zeta(0, g) = (2/pi) arcsin(2g^2/(1+2g^2)).
     *
     * @param s finite mean
     * @param g finite scale (its sign does not matter)
     * @return zeta in [0, 1]
     * @throws IllegalArgumentException if s or g is not finite
     */
    public static double zeta(double s, double g) {
        Checks.finite("s", s);
        Checks.finite("g", g);
        double w1 = 1.0 + 2.0 * g * g;
        double h = Math.sqrt(2.0) * s / Math.sqrt(w1);
        double a = 1.0 / Math.sqrt(1.0 + 4.0 * g * g);
        return 1.0 - 8.0 * owenT(h, a);
    }

    /**
     * The s-derivatives of zeta(s, g), in closed form: out[0] = d zeta/ds, out[1] = d^2 zeta/ds^2,
     * out[2] = d^3 zeta/ds^3, from d zeta/ds = P(s) Q(s) with P = 4/sqrt(pi w1) exp(-s^2/w1),
     * Q = erf(s/w2), w1 = 1+2g^2, w2 = sqrt(w1 (1+4g^2)).
     *
     * @param s finite
     * @param g finite
     * @param out length &gt;= 3, entries 0..2 overwritten
     * @throws IllegalArgumentException if s or g is not finite
     * @throws IllegalArgumentException if out is null or shorter than 3
     */
    public static void zetaDerivatives(double s, double g, double[] out) {
        Checks.finite("s", s);
        Checks.finite("g", g);
        Checks.notNull("out", out);
        if (out.length < 3) {
            throw Checks.fail("out.length", ">= 3", out.length);
        }
        double w1 = 1.0 + 2.0 * g * g;
        double w2 = Math.sqrt(w1 * (1.0 + 4.0 * g * g));
        double p = 4.0 / Math.sqrt(Math.PI * w1) * Math.exp(-s * s / w1);
        double p1 = -2.0 * s / w1 * p;
        double p2 = (-2.0 / w1 + 4.0 * s * s / (w1 * w1)) * p;
        double q = erf(s / w2);
        double q1 = TWO_OVER_SQRT_PI / w2 * Math.exp(-s * s / (w2 * w2));
        double q2 = -2.0 * s / (w2 * w2) * q1;
        out[0] = p * q;
        out[1] = p1 * q + p * q1;
        out[2] = p2 * q + 2.0 * p1 * q1 + p * q2;
    }

    /**
     * E[erf(s + gZ)] = erf(s/w) and its s-derivatives, w = sqrt(1+2g^2): out[0] = value, out[1..3] = first
     * to third derivatives in s.
     *
     * @param s finite
     * @param g finite
     * @param out length &gt;= 4, entries 0..3 overwritten
     * @throws IllegalArgumentException if s or g is not finite
     * @throws IllegalArgumentException if out is null or shorter than 4
     */
    public static void meanErf(double s, double g, double[] out) {
        Checks.finite("s", s);
        Checks.finite("g", g);
        Checks.notNull("out", out);
        if (out.length < 4) {
            throw Checks.fail("out.length", ">= 4", out.length);
        }
        double w = Math.sqrt(1.0 + 2.0 * g * g);
        double e1 = TWO_OVER_SQRT_PI / w * Math.exp(-s * s / (w * w));
        out[0] = erf(s / w);
        out[1] = e1;
        out[2] = -2.0 * s / (w * w) * e1;
        out[3] = (-2.0 / (w * w) + 4.0 * s * s / (w * w * w * w)) * e1;
    }
}
