package org.attnlab.sampler;

/**
 * A scalar activation phi: R -&gt; R of model A (arXiv 2510.11789, its model equation; see PAPERS.md A): Y_i = 1/(N-1) sum_{j != i}
 * phi(X_i^T A X_j) + eta_i, with its first derivative and its Holder smoothness beta.
 *
 * <p>Implementations are immutable and thread-safe. Standard families: {@link StandardActivation}
 * (ReLU, |u|^a, tanh, sin, softplus, exp) and {@link BSplineActivation}.
 */
public interface Activation {

    /** phi(u). */
    double value(double u);

    /** phi'(u) (a documented one-sided or conventional value where phi is not differentiable). */
    double derivative(double u);

    /**
     * The Holder smoothness beta of phi used by the rate M^{-2 beta/(2 beta + 1)}; {@code
     * Double.POSITIVE_INFINITY} for analytic functions (tanh, sin, softplus, exp).
     */
    double smoothness();

    /** A short name ({@code relu}, {@code abs}, {@code tanh}, {@code sin}, {@code softplus}, {@code exp}, {@code bspline}). */
    String name();

    /** ReLU max(0, u), beta = 1. */
    static Activation relu() {
        return StandardActivation.RELU;
    }

    /**
     * |u|^a, beta = a.
     *
     * @throws IllegalArgumentException if a is not finite and &gt; 0
     */
    static Activation absPower(double a) {
        return StandardActivation.absPower(a);
    }

    /** tanh(u), analytic. */
    static Activation tanh() {
        return StandardActivation.TANH;
    }

    /** sin(u), analytic. */
    static Activation sin() {
        return StandardActivation.SIN;
    }

    /** softplus log(1 + e^u), analytic. */
    static Activation softplus() {
        return StandardActivation.SOFTPLUS;
    }

    /** exp(u), analytic. */
    static Activation exp() {
        return StandardActivation.EXP;
    }
}
