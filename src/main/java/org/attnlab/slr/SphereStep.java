package org.attnlab.slr;

import org.attnlab.internal.Checks;

/**
 * The projected (Riemannian) gradient step on the unit sphere used by arXiv 2410.01537:
 * x' = normalise(x - alpha (g - &lt;x, g&gt; x)).
 *
 * <p>Since the tangent part g - &lt;x,g&gt;x is orthogonal to a unit x, |x - alpha(...)|^2 = 1 + alpha^2 |P g|^2 &gt;= 1,
 * so the normalisation never divides by zero. Rounding leaves |x'| within {@link #UNIT_TOLERANCE} of 1 for
 * d up to 10^4 (each of the d squared terms contributes at most one rounding error of 2^-53).
 */
public final class SphereStep {

    /** Accepted and guaranteed deviation | |x| - 1 |. */
    public static final double UNIT_TOLERANCE = 1e-12;

    private SphereStep() {
    }

    /**
     * One projected gradient step, into {@code out} (which may be {@code x} itself).
     *
     * @param x current point, unit norm within {@link #UNIT_TOLERANCE}, finite; not modified unless it is {@code out}
     * @param grad Euclidean gradient at x, same length, finite; not modified
     * @param alpha step size, finite and &gt;= 0
     * @param out receives the new point, same length
     * @throws IllegalArgumentException if x is null, empty, not finite or not of unit norm
     * @throws IllegalArgumentException if grad is null, not of x's length or not finite
     * @throws IllegalArgumentException if alpha is not finite and &gt;= 0
     * @throws IllegalArgumentException if out is null or not of x's length
     */
    /*@ public normal_behavior
      @   requires x != null && grad != null && out != null;
      @   requires x.length >= 1 && grad.length == x.length && out.length == x.length;
      @   requires alpha >= 0 && alpha < Double.POSITIVE_INFINITY;
      @   requires Math.abs(norm(x) - 1) <= UNIT_TOLERANCE;
      @   requires (\forall int i; 0 <= i && i < x.length; Double.isFinite(x[i]) && Double.isFinite(grad[i]));
      @   assignable out[*];
      @   ensures Math.abs(norm(out) - 1) <= UNIT_TOLERANCE;
      @ also public exceptional_behavior
      @   requires x == null || grad == null || out == null || x.length == 0 || grad.length != x.length
      @            || out.length != x.length || !(alpha >= 0) || alpha == Double.POSITIVE_INFINITY
      @            || !(Math.abs(norm(x) - 1) <= UNIT_TOLERANCE)
      @            || (\exists int i; 0 <= i && i < x.length; !Double.isFinite(x[i]))
      @            || (\exists int i; 0 <= i && i < grad.length; !Double.isFinite(grad[i]));
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public static void step(double[] x, double[] grad, double alpha, double[] out) {
        checkUnit("x", x);
        Checks.length("grad", grad, x.length);
        Checks.allFinite("grad", grad);
        Checks.nonNegative("alpha", alpha);
        Checks.length("out", out, x.length);
        stepUnchecked(x, grad, alpha, out);
    }

    /** {@link #step} without validation, for inner loops whose inputs are valid by construction. */
    static void stepUnchecked(double[] x, double[] grad, double alpha, double[] out) {
        int n = x.length;
        double xg = 0.0;
        for (int i = 0; i < n; i++) {
            xg += x[i] * grad[i];
        }
        for (int i = 0; i < n; i++) {
            out[i] = x[i] - alpha * (grad[i] - xg * x[i]);
        }
        normalise(out);
    }

    /**
     * Divides x by its Euclidean norm, in place.
     *
     * @param x non-zero, finite
     * @throws IllegalArgumentException if x is null, empty, zero or not finite
     */
    /*@ public normal_behavior
      @   requires x != null && x.length >= 1 && norm(x) > 0;
      @   assignable x[*];
      @   ensures Math.abs(norm(x) - 1) <= UNIT_TOLERANCE;
      @*/
    public static void normalise(double[] x) {
        Checks.notNull("x", x);
        double n = norm(x);
        if (!(n > 0) || !Double.isFinite(n)) {
            throw Checks.fail("|x|", "finite and > 0", n);
        }
        for (int i = 0; i < x.length; i++) {
            x[i] /= n;
        }
    }

    /** The Euclidean norm. */
    /*@ public pure @*/
    public static double norm(double[] x) {
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * x[i];
        }
        return Math.sqrt(s);
    }

    private static void checkUnit(String name, double[] x) {
        Checks.allFinite(name, x);
        if (x.length == 0) {
            throw Checks.fail(name + ".length", ">= 1", 0);
        }
        double n = norm(x);
        if (!(Math.abs(n - 1.0) <= UNIT_TOLERANCE)) {
            throw Checks.fail("|" + name + "|", "1 within " + UNIT_TOLERANCE, n);
        }
    }
}
