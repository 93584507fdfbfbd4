package org.attnlab.basis;

import org.attnlab.internal.Checks;
import org.attnlab.kernel.BSplineKernel;

/**
 * The B-spline basis N_0, ..., N_{n-1} of degree p on a {@link KnotVector}, and splines
 * s(x) = sum_k c_k N_k(x) on its domain [t_p, t_n].
 *
 * <p>Instances are immutable and thread-safe; the evaluation methods allocate nothing except where they
 * return a new array. Points outside the domain are rejected; callers that need an extension outside the
 * domain (for example a constant extension) clamp x themselves with {@link #clampToDomain}.
 */
public final /*@ code_java_math spec_java_math nullable_by_default @*/ class BSplineBasis {

    private final /*@ spec_public @*/ KnotVector knots;
    private final /*@ spec_public @*/ int degree;
    private final /*@ spec_public @*/ int size;
    /** The domain ends t_p and t_n, kept here so that the hot {@link #clampToDomain} makes no (RAC-checked) call. */
    private final /*@ spec_public @*/ double lower;
    private final /*@ spec_public @*/ double upper;

    //@ public invariant knots != null && degree == knots.degree && size == knots.size;
    //@ public invariant lower == knots.knots[degree] && upper == knots.knots[size];

    private BSplineBasis(KnotVector knots) {
        this.knots = knots;
        this.degree = knots.degree();
        this.size = knots.size();
        this.lower = knots.lower();
        this.upper = knots.upper();
    }

    /*@ public normal_behavior
      @   requires knots != null;
      @   ensures \result != null && \result.knots == knots && \result.degree == knots.degree && \result.size == knots.size;
      @ also public exceptional_behavior
      @   requires knots == null;
      @   signals_only IllegalArgumentException;
      @*/
    /**
     * The basis on {@code knots}.
     *
     * @throws IllegalArgumentException if knots is null
     */
    public static BSplineBasis of(KnotVector knots) {
        nonNull("knots", knots);
        return new BSplineBasis(knots);
    }

    //@ public normal_behavior ensures \result == knots; pure
    /** The knot vector. */
    public KnotVector knots() {
        return knots;
    }

    //@ public normal_behavior ensures \result == degree; pure
    /** The degree p. */
    public int degree() {
        return degree;
    }

    //@ public normal_behavior ensures \result == size; pure
    /** The number n of basis functions. */
    public int size() {
        return size;
    }

    /*@ public normal_behavior
      @   ensures Double.isNaN(x) <==> Double.isNaN(\result);
      @   ensures !Double.isNaN(x) ==> knots.knots[degree] <= \result && \result <= knots.knots[size];
      @   ensures (knots.knots[degree] <= x && x <= knots.knots[size]) ==> \result == x;
      @   assignable \nothing;
      @*/
    /** x moved into the domain [t_p, t_n] (NaN stays NaN). */
    public double clampToDomain(double x) {
        return Math.max(lower, Math.min(upper, x));
    }

    /*@ public normal_behavior
      @   requires values != null && values.length >= degree + 1;
      @   requires knots.knots[degree] <= x && x <= knots.knots[size];
      @   assignable values[0 .. degree];
      @   ensures 0 <= \result && \result <= size - degree - 1;
      @   ensures knots.knots[\result + degree] <= x && x <= knots.knots[\result + degree + 1];
      @   ensures (\forall int j; 0 <= j && j <= degree; 0.0 <= values[j] && values[j] <= 1.0 + 1.0e-12);
      @   ensures Math.abs((\sum int j; 0 <= j && j <= degree; values[j]) - 1.0) <= 1.0e-12;
      @ also public exceptional_behavior
      @   requires values == null || values.length < degree + 1
      @            || !(knots.knots[degree] <= x && x <= knots.knots[size]);
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    /**
     * The p + 1 basis values that can be non-zero at x: values[j] = N_{first + j}(x), j = 0..p.
     *
     * @param x point in the domain
     * @param values output, length &gt;= p + 1; entries 0..p overwritten
     * @return first, the index of the basis function in values[0]
     * @throws IllegalArgumentException if values is null or shorter than p + 1
     * @throws IllegalArgumentException if x is outside the domain [t_p, t_n] or NaN
     */
    public int evaluate(double x, double[] values) {
        checkOutput("values", values);
        int span = knots.span(x);
        double[] left = new double[degree + 1];
        double[] right = new double[degree + 1];
        BSplineKernel.basisValues(knots.raw(), degree, span, x, left, right, values);
        return span - degree;
    }

    /*@ public normal_behavior
      @   requires values != null && values.length >= degree + 1;
      @   requires derivatives != null && derivatives.length >= degree + 1 && derivatives != values;
      @   requires knots.knots[degree] <= x && x <= knots.knots[size];
      @   assignable values[0 .. degree], derivatives[0 .. degree];
      @   ensures 0 <= \result && \result <= size - degree - 1;
      @   ensures knots.knots[\result + degree] <= x && x <= knots.knots[\result + degree + 1];
      @   ensures (\forall int j; 0 <= j && j <= degree; 0.0 <= values[j] && values[j] <= 1.0 + 1.0e-12);
      @   ensures Math.abs((\sum int j; 0 <= j && j <= degree; values[j]) - 1.0) <= 1.0e-12;
      @ also public exceptional_behavior
      @   requires values == null || values.length < degree + 1 || derivatives == null
      @            || derivatives.length < degree + 1 || derivatives == values
      @            || !(knots.knots[degree] <= x && x <= knots.knots[size]);
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    /**
     * As {@link #evaluate(double, double[])}, also with the first derivatives:
     * derivatives[j] = N'_{first + j}(x).
     *
     * @throws IllegalArgumentException if values or derivatives is null or shorter than p + 1
     * @throws IllegalArgumentException if derivatives is the same array as values
     * @throws IllegalArgumentException if x is outside the domain [t_p, t_n] or NaN
     */
    public int evaluate(double x, double[] values, double[] derivatives) {
        checkOutput("values", values);
        checkOutput("derivatives", derivatives);
        if (values == derivatives) {
            throw Checks.fail("derivatives", "a different array from values", "the same array");
        }
        int span = knots.span(x);
        double[] left = new double[degree + 1];
        double[] right = new double[degree + 1];
        BSplineKernel.basisValuesAndDerivatives(knots.raw(), degree, span, x, left, right, values, derivatives);
        return span - degree;
    }

    /*@ public normal_behavior
      @   requires knots.knots[degree] <= x && x <= knots.knots[size];
      @   assignable \nothing;
      @   ensures \result != null && \result.length == size;
      @   ensures (\forall int i; 0 <= i && i < size; 0.0 <= \result[i] && \result[i] <= 1.0 + 1.0e-12);
      @   ensures Math.abs((\sum int i; 0 <= i && i < size; \result[i]) - 1.0) <= 1.0e-12;
      @ also public exceptional_behavior
      @   requires !(knots.knots[degree] <= x && x <= knots.knots[size]);
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    /**
     * All n basis values at x, as a new dense array (zero outside first..first+p).
     *
     * @throws IllegalArgumentException if x is outside the domain or NaN
     */
    public double[] allValues(double x) {
        double[] local = new double[degree + 1];
        int first = evaluate(x, local);
        double[] all = new double[size];
        for (int j = 0; j <= degree; j++) {
            all[first + j] = local[j];
        }
        return all;
    }

    /*@ public normal_behavior
      @   requires coefficients != null && coefficients.length == size;
      @   requires knots.knots[degree] <= x && x <= knots.knots[size];
      @   assignable \nothing;
      @   ensures (\forall int i; 0 <= i && i < size; Double.isFinite(coefficients[i])) ==> Double.isFinite(\result);
      @ also public exceptional_behavior
      @   requires coefficients == null || coefficients.length != size
      @            || !(knots.knots[degree] <= x && x <= knots.knots[size]);
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    /**
     * The spline value sum_k c_k N_k(x).
     *
     * @throws IllegalArgumentException if coefficients.length != size() or x is outside the domain
     */
    public double value(double[] coefficients, double x) {
        length("coefficients", coefficients, size);
        double[] local = new double[degree + 1];
        int first = evaluate(x, local);
        double s = 0.0;
        for (int j = 0; j <= degree; j++) {
            s += coefficients[first + j] * local[j];
        }
        return s;
    }

    /*@ public normal_behavior
      @   requires coefficients != null && coefficients.length == size;
      @   requires knots.knots[degree] <= x && x <= knots.knots[size];
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires coefficients == null || coefficients.length != size
      @            || !(knots.knots[degree] <= x && x <= knots.knots[size]);
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    /**
     * The spline derivative sum_k c_k N_k'(x).
     *
     * @throws IllegalArgumentException if coefficients.length != size() or x is outside the domain
     */
    public double derivative(double[] coefficients, double x) {
        length("coefficients", coefficients, size);
        double[] local = new double[degree + 1];
        double[] deriv = new double[degree + 1];
        int first = evaluate(x, local, deriv);
        double s = 0.0;
        for (int j = 0; j <= degree; j++) {
            s += coefficients[first + j] * deriv[j];
        }
        return s;
    }

    /**
     * {@code Checks.notNull(name, value)} done here (same exception and message): OpenJML's RAC treats the
     * parameters of the un-annotated {@code Checks} methods as non-null, so handing them null would be reported as
     * a contract violation instead of the documented IllegalArgumentException.
     */
    private static void nonNull(String name, Object value) {
        if (value == null) {
            throw Checks.fail(name, "non-null", "null");
        }
    }

    /** {@code Checks.length(name, values, length)} with its null check done here (same exceptions and messages). */
    private static void length(String name, double[] values, int length) {
        nonNull(name, values);
        if (values.length != length) {
            throw Checks.fail(name + ".length", "= " + length, values.length);
        }
    }

    private void checkOutput(String name, double[] out) {
        nonNull(name, out);
        if (out.length < degree + 1) {
            throw Checks.fail(name + ".length", ">= degree + 1 = " + (degree + 1), out.length);
        }
    }

    //@ also public normal_behavior ensures \result != null && \result.startsWith("BSplineBasis[KnotVector["); pure
    @Override
    public String toString() {
        return "BSplineBasis[" + knots + "]";
    }
}
