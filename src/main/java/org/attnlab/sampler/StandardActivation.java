package org.attnlab.sampler;

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
public final /*@ code_java_math spec_java_math nullable_by_default @*/ class StandardActivation implements Activation {

    /** The closed-form families. */
    public enum Kind {
        RELU, ABS, TANH, SIN, SOFTPLUS, EXP
    }

    static final StandardActivation RELU = new StandardActivation(Kind.RELU, 1.0);
    static final StandardActivation TANH = new StandardActivation(Kind.TANH, Double.NaN);
    static final StandardActivation SIN = new StandardActivation(Kind.SIN, Double.NaN);
    static final StandardActivation SOFTPLUS = new StandardActivation(Kind.SOFTPLUS, Double.NaN);
    static final StandardActivation EXP = new StandardActivation(Kind.EXP, Double.NaN);

    private final /*@ spec_public @*/ Kind kind;
    private final /*@ spec_public @*/ double exponent;

    //@ public invariant kind != null;
    //@ public invariant kind == Kind.ABS ==> Double.isFinite(exponent) && exponent > 0;
    //@ public invariant kind == Kind.RELU ==> exponent == 1.0;

    private StandardActivation(Kind kind, double exponent) {
        this.kind = kind;
        this.exponent = exponent;
    }

    /**
     * The activation of the given kind; {@code exponent} is used only by ABS (ignored otherwise).
     *
     * @throws IllegalArgumentException if kind is null, or kind is ABS and exponent is not finite and &gt; 0
     */
    /*@ public normal_behavior
      @   requires kind != null && (kind != Kind.ABS || (Double.isFinite(exponent) && exponent > 0));
      @   ensures \result != null && \result.kind == kind;
      @   ensures kind == Kind.ABS ==> \result.exponent == exponent;
      @ also public exceptional_behavior
      @   requires kind == null || (kind == Kind.ABS && !(Double.isFinite(exponent) && exponent > 0));
      @   signals_only IllegalArgumentException;
      @*/
    public static StandardActivation of(Kind kind, double exponent) {
        Sampling.nonNull("kind", kind);
        // if chains rather than switches on the enum: OpenJML 0.21's RAC crashes in Lower on enum switches
        if (kind == Kind.RELU) {
            return RELU;
        } else if (kind == Kind.ABS) {
            return absPower(exponent);
        } else if (kind == Kind.TANH) {
            return TANH;
        } else if (kind == Kind.SIN) {
            return SIN;
        } else if (kind == Kind.SOFTPLUS) {
            return SOFTPLUS;
        } else {
            return EXP;
        }
    }

    static StandardActivation absPower(double a) {
        Checks.positive("a", a);
        return new StandardActivation(Kind.ABS, a);
    }

    /** The family. */
    //@ public normal_behavior ensures \result == kind && \result != null; pure
    public Kind kind() {
        return kind;
    }

    /** The exponent a of |u|^a (NaN for the other families, 1 for ReLU). */
    //@ public normal_behavior ensures \result == exponent || (Double.isNaN(\result) && Double.isNaN(exponent)); pure
    public double exponent() {
        return exponent;
    }

    /*@ also public normal_behavior
      @   requires !Double.isNaN(u);
      @   ensures (kind == Kind.RELU || kind == Kind.ABS || kind == Kind.SOFTPLUS || kind == Kind.EXP) ==> \result >= 0;
      @   ensures kind == Kind.RELU ==> \result == Math.max(u, 0.0);
      @   ensures (kind == Kind.TANH || kind == Kind.SIN) && Double.isFinite(u) ==> -1 <= \result && \result <= 1;
      @ also public normal_behavior
      @   requires Double.isNaN(u);
      @   ensures Double.isNaN(\result);
      @ pure
      @*/
    @Override
    public double value(double u) {
        if (kind == Kind.RELU) {
            return PlainCalls.max(u, 0.0);
        } else if (kind == Kind.ABS) {
            return PlainCalls.strictPow(PlainCalls.abs(u), exponent);
        } else if (kind == Kind.TANH) {
            return PlainCalls.strictTanh(u);
        } else if (kind == Kind.SIN) {
            return PlainCalls.strictSin(u);
        } else if (kind == Kind.SOFTPLUS) {
            return PlainCalls.max(u, 0.0) + PlainCalls.strictLog1p(PlainCalls.strictExp(-PlainCalls.abs(u)));
        } else {
            return PlainCalls.strictExp(u);
        }
    }

    /*@ also public normal_behavior
      @   requires !Double.isNaN(u);
      @   ensures kind == Kind.RELU ==> (\result == (u > 0 ? 1.0 : 0.0));
      @   ensures (kind == Kind.TANH || kind == Kind.SOFTPLUS) ==> 0 <= \result && \result <= 1;
      @   ensures kind == Kind.SIN && Double.isFinite(u) ==> -1 <= \result && \result <= 1;
      @   ensures kind == Kind.EXP ==> \result >= 0;
      @   ensures kind == Kind.ABS && u == 0 ==> \result == 0;
      @ also public normal_behavior
      @   requires Double.isNaN(u);
      @ pure
      @*/
    @Override
    public double derivative(double u) {
        if (kind == Kind.RELU) {
            return u > 0 ? 1.0 : 0.0;
        } else if (kind == Kind.ABS) {
            if (u == 0.0) {
                return 0.0;
            }
            double slope = exponent * PlainCalls.strictPow(PlainCalls.abs(u), exponent - 1.0);
            return u > 0 ? slope : -slope;
        } else if (kind == Kind.TANH) {
            double t = PlainCalls.strictTanh(u);
            return 1.0 - t * t;
        } else if (kind == Kind.SIN) {
            return PlainCalls.strictCos(u);
        } else if (kind == Kind.SOFTPLUS) {
            return 1.0 / (1.0 + PlainCalls.strictExp(-u));
        } else {
            return PlainCalls.strictExp(u);
        }
    }

    /*@ also public normal_behavior
      @   ensures kind == Kind.RELU ==> \result == 1.0;
      @   ensures kind == Kind.ABS ==> \result == exponent;
      @   ensures kind != Kind.RELU && kind != Kind.ABS ==> \result == Double.POSITIVE_INFINITY;
      @ pure
      @*/
    @Override
    public double smoothness() {
        if (kind == Kind.RELU) {
            return 1.0;
        } else if (kind == Kind.ABS) {
            return exponent;
        } else {
            return Double.POSITIVE_INFINITY;
        }
    }

    //@ also public normal_behavior ensures \result != null && \result.length() > 0; pure
    @Override
    public String name() {
        return lowerCaseName(kind);
    }

    /**
     * {@code kind.name().toLowerCase(java.util.Locale.ROOT)}, spelled out: OpenJML 0.21's RAC stops with an internal error
     * on a returned {@code toLowerCase} call (the JDK specification's {@code \fresh}).
     */
    private static String lowerCaseName(Kind kind) {
        if (kind == Kind.RELU) {
            return "relu";
        } else if (kind == Kind.ABS) {
            return "abs";
        } else if (kind == Kind.TANH) {
            return "tanh";
        } else if (kind == Kind.SIN) {
            return "sin";
        } else if (kind == Kind.SOFTPLUS) {
            return "softplus";
        } else {
            return "exp";
        }
    }

    /*@ also public normal_behavior
      @   ensures \result ==> o instanceof StandardActivation && ((StandardActivation) o).kind == kind;
      @   ensures o == this ==> \result;
      @ pure
      @*/
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StandardActivation)) {
            return false;
        }
        StandardActivation other = (StandardActivation) o;
        return other.kind == kind
                && (kind != Kind.ABS || Double.compare(other.exponent, exponent) == 0);
    }

    //@ also public normal_behavior ensures kind != Kind.ABS ==> \result == kind.hashCode() * 31; pure
    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + (kind == Kind.ABS ? Double.hashCode(exponent) : 0);
    }

    //@ also public normal_behavior ensures \result != null && \result.length() > 0; pure
    @Override
    public String toString() {
        return kind == Kind.ABS ? "abs(a=" + exponent + ")" : name();
    }
}
