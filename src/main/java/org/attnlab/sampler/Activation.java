package org.attnlab.sampler;

/**
 * A scalar activation phi: R -&gt; R of model A (arXiv 2510.11789, its model equation; see PAPERS.md A): Y_i = 1/(N-1) sum_{j != i}
 * phi(X_i^T A X_j) + eta_i, with its first derivative and its Holder smoothness beta.
 *
 * <p>Implementations are immutable and thread-safe. Standard families: {@link StandardActivation}
 * (ReLU, |u|^a, tanh, sin, softplus, exp) and {@link BSplineActivation}.
 */
public /*@ code_java_math spec_java_math nullable_by_default @*/ interface Activation {

    //@ public normal_behavior requires Double.isFinite(u); pure
    /** phi(u). */
    double value(double u);

    //@ public normal_behavior requires Double.isFinite(u); pure
    /** phi'(u) (a documented one-sided or conventional value where phi is not differentiable). */
    double derivative(double u);

    /**
     * The Holder smoothness beta of phi used by the rate M^{-2 beta/(2 beta + 1)}; {@code
     * Double.POSITIVE_INFINITY} for analytic functions (tanh, sin, softplus, exp).
     */
    //@ public normal_behavior ensures \result >= 0; pure
    double smoothness();

    //@ public normal_behavior ensures \result != null; pure
    /** A short name ({@code relu}, {@code abs}, {@code tanh}, {@code sin}, {@code softplus}, {@code exp}, {@code bspline}). */
    String name();

    //@ public normal_behavior ensures \result != null && \result.smoothness() == 1.0; pure
    /** ReLU max(0, u), beta = 1. */
    static Activation relu() {
        return StandardActivation.RELU;
    }

    /**
     * |u|^a, beta = a.
     *
     * @throws IllegalArgumentException if a is not finite and &gt; 0
     */
    /*@ public normal_behavior
      @   requires Double.isFinite(a) && a > 0;
      @   ensures \result != null && \result.smoothness() == a;
      @ also public exceptional_behavior
      @   requires !(Double.isFinite(a) && a > 0);
      @   signals_only IllegalArgumentException;
      @*/
    static Activation absPower(double a) {
        return StandardActivation.absPower(a);
    }

    //@ public normal_behavior ensures \result != null && \result.smoothness() == Double.POSITIVE_INFINITY; pure
    /** tanh(u), analytic. */
    static Activation tanh() {
        return StandardActivation.TANH;
    }

    //@ public normal_behavior ensures \result != null && \result.smoothness() == Double.POSITIVE_INFINITY; pure
    /** sin(u), analytic. */
    static Activation sin() {
        return StandardActivation.SIN;
    }

    //@ public normal_behavior ensures \result != null && \result.smoothness() == Double.POSITIVE_INFINITY; pure
    /** softplus log(1 + e^u), analytic. */
    static Activation softplus() {
        return StandardActivation.SOFTPLUS;
    }

    //@ public normal_behavior ensures \result != null && \result.smoothness() == Double.POSITIVE_INFINITY; pure
    /** exp(u), analytic. */
    static Activation exp() {
        return StandardActivation.EXP;
    }
}
