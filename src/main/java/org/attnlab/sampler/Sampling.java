package org.attnlab.sampler;

import org.attnlab.internal.Checks;
import org.attnlab.internal.RandomStreams;

/**
 * Shared argument checks, array helpers and moment formulas of this package (package-private helpers).
 *
 * <p>{@link #nonNull}, {@link #copy} and {@link #filled} do what {@code Checks.notNull}, {@code clone()} and
 * {@code Arrays.fill} do ({@code Arrays.equals} is {@code internal.DoubleArrays.sameEntries}); they exist so that
 * OpenJML 0.21's RAC can compile and check this package (it crashes on array {@code clone()}, evaluates its JDK
 * specifications of {@code Arrays.equals} and {@code Arrays.fill} wrongly, and treats null handed to the
 * un-annotated {@code Checks} as a contract violation). See proofs/openjml.md.
 */
final /*@ code_java_math spec_java_math nullable_by_default @*/ class Sampling {

    private Sampling() {
    }

    /*@ normal_behavior
      @   requires value != null;
      @   assignable \nothing;
      @ also exceptional_behavior
      @   requires value == null;
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    /** {@code Checks.notNull(name, value)}: the same exception and message. */
    static void nonNull(String name, Object value) {
        if (value == null) {
            throw Checks.fail(name, "non-null", "null");
        }
    }

    /*@ normal_behavior
      @   requires values != null && values.length == length;
      @   assignable \nothing;
      @ also exceptional_behavior
      @   requires values == null || values.length != length;
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    /** {@code Checks.length(name, values, length)}: the same exceptions and messages, the null case included. */
    static void length(String name, double[] values, int length) {
        nonNull(name, values);
        if (values.length != length) {
            throw Checks.fail(name + ".length", "= " + length, values.length);
        }
    }

    /*@ normal_behavior
      @   requires x != null;
      @   ensures \result != null && \result != x && \result.length == x.length;
      @   ensures (\forall int i; 0 <= i && i < x.length; Double.compare(\result[i], x[i]) == 0);
      @   assignable \nothing;
      @*/
    /** A copy of x, entry by entry (what {@code x.clone()} returns; NaN entries included). */
    static double[] copy(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i];
        }
        return out;
    }

    /*@ normal_behavior
      @   requires n >= 0;
      @   ensures \result != null && \result.length == n;
      @   ensures (\forall int i; 0 <= i && i < n; \result[i] == value);
      @   assignable \nothing;
      @*/
    /**
     * A new array of n entries equal to value (what {@code Arrays.fill} on a new array gives; OpenJML 0.21's RAC
     * fails on its JDK specification of {@code Arrays.fill}).
     */
    static double[] filled(int n, double value) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = value;
        }
        return x;
    }

    static void checkSampleArguments(RandomStreams.Stream stream, int n, int d, double[] out, int offset) {
        nonNull("stream", stream);
        Checks.positive("n", n);
        nonNull("out", out);
        Checks.nonNegative("offset", offset);
        long end = (long) offset + (long) n * d;
        if (end > out.length) {
            throw Checks.fail("out.length", ">= offset + n d = " + end, out.length);
        }
    }

    /** Requires A to be a finite d x d matrix. */
    static void checkMatrix(double[] a, int d) {
        length("a", a, d * d);
        Checks.allFinite("a", a);
    }

    /** diag(v) scaled by factor, d x d row-major. */
    static double[] scaledDiagonal(double[] v, double factor) {
        int d = v.length;
        double[] m = new double[d * d];
        for (int k = 0; k < d; k++) {
            m[k * d + k] = factor * v[k];
        }
        return m;
    }

    /** sum_{k,l} A_kl^2 v_k v_l = tr(A Sigma A^T Sigma) for Sigma = diag(v). */
    static double independentScoreVariance(double[] a, double[] v) {
        int d = v.length;
        checkMatrix(a, d);
        double s = 0.0;
        for (int k = 0; k < d; k++) {
            for (int l = 0; l < d; l++) {
                double x = a[k * d + l];
                s += x * x * v[k] * v[l];
            }
        }
        return s;
    }
}
