package org.attnlab.sampler;

import java.util.Locale;
import org.attnlab.internal.Checks;

/**
 * The closed-form activations of model A (arXiv 2510.11789): ReLU, |u|^a, tanh, sin, softplus, exp.
 * Evaluated with {@link StrictMath} so values are the same bits on every JVM.
 *
 * <table>
 *   <caption>Families</caption>
 *   <tr><th>kind</th><th>phi(u)</th><th>phi'(u)</th><th>beta</th></tr>
 *   <tr><td>RELU</td><td>max(0, u)</td><td>1 if u &gt; 0 else 0 (0 at u = 0)</td><td>1</td></tr>
 *   <tr><td>ABS</td><td>|u|^a</td><td>a |u|^(a-1) sign(u) (0 at u = 0)</td><td>a</td></tr>
 *   <tr><td>TANH</td><td>tanh u</td><td>1 - tanh^2 u</td><td>infinity</td></tr>
 *   <tr><td>SIN</td><td>sin u</td><td>cos u</td><td>infinity</td></tr>
 *   <tr><td>SOFTPLUS</td><td>log(1 + e^u), computed as max(u, 0) + log1p(e^-|u|)</td>
 *       <td>1 / (1 + e^-u)</td><td>infinity</td></tr>
 *   <tr><td>EXP</td><td>e^u</td><td>e^u</td><td>infinity</td></tr>
 * </table>
 * At u = 0 the ABS derivative is 0 by convention (its true value for a &gt; 1; undefined for a &lt;= 1).
 */
public final class StandardActivation implements Activation {

    /** The closed-form families. */
    public enum Kind {
        RELU, ABS, TANH, SIN, SOFTPLUS, EXP
    }

    static final StandardActivation RELU = new StandardActivation(Kind.RELU, 1.0);
    static final StandardActivation TANH = new StandardActivation(Kind.TANH, Double.NaN);
    static final StandardActivation SIN = new StandardActivation(Kind.SIN, Double.NaN);
    static final StandardActivation SOFTPLUS = new StandardActivation(Kind.SOFTPLUS, Double.NaN);
    static final StandardActivation EXP = new StandardActivation(Kind.EXP, Double.NaN);

    private final Kind kind;
    private final double exponent;

    private StandardActivation(Kind kind, double exponent) {
        this.kind = kind;
        this.exponent = exponent;
    }

    /**
     * The activation of the given kind; {@code exponent} is used only by ABS (ignored otherwise).
     *
     * @throws IllegalArgumentException if kind is null, or kind is ABS and exponent is not finite and &gt; 0
     */
    public static StandardActivation of(Kind kind, double exponent) {
        Checks.notNull("kind", kind);
        return switch (kind) {
            case RELU -> RELU;
            case ABS -> absPower(exponent);
            case TANH -> TANH;
            case SIN -> SIN;
            case SOFTPLUS -> SOFTPLUS;
            case EXP -> EXP;
        };
    }

    static StandardActivation absPower(double a) {
        Checks.positive("a", a);
        return new StandardActivation(Kind.ABS, a);
    }

    /** The family. */
    public Kind kind() {
        return kind;
    }

    /** The exponent a of |u|^a (NaN for the other families, 1 for ReLU). */
    public double exponent() {
        return exponent;
    }

    @Override
    public double value(double u) {
        return switch (kind) {
            case RELU -> Math.max(u, 0.0);
            case ABS -> StrictMath.pow(Math.abs(u), exponent);
            case TANH -> StrictMath.tanh(u);
            case SIN -> StrictMath.sin(u);
            case SOFTPLUS -> Math.max(u, 0.0) + StrictMath.log1p(StrictMath.exp(-Math.abs(u)));
            case EXP -> StrictMath.exp(u);
        };
    }

    @Override
    public double derivative(double u) {
        switch (kind) {
            case RELU:
                return u > 0 ? 1.0 : 0.0;
            case ABS:
                if (u == 0.0) {
                    return 0.0;
                }
                double slope = exponent * StrictMath.pow(Math.abs(u), exponent - 1.0);
                return u > 0 ? slope : -slope;
            case TANH:
                double t = StrictMath.tanh(u);
                return 1.0 - t * t;
            case SIN:
                return StrictMath.cos(u);
            case SOFTPLUS:
                return 1.0 / (1.0 + StrictMath.exp(-u));
            case EXP:
                return StrictMath.exp(u);
            default:
                throw new AssertionError(kind);
        }
    }

    @Override
    public double smoothness() {
        return switch (kind) {
            case RELU -> 1.0;
            case ABS -> exponent;
            default -> Double.POSITIVE_INFINITY;
        };
    }

    @Override
    public String name() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StandardActivation other && other.kind == kind
                && (kind != Kind.ABS || Double.compare(other.exponent, exponent) == 0);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + (kind == Kind.ABS ? Double.hashCode(exponent) : 0);
    }

    @Override
    public String toString() {
        return kind == Kind.ABS ? "abs(a=" + exponent + ")" : name();
    }
}
