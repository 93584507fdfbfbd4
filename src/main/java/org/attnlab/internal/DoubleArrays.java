package org.attnlab.internal;

/**
 * {@code Arrays.equals(double[], double[])} written out, for the core classes that OpenJML 0.21's RAC compiles: its
 * JDK specification of {@code Arrays.equals} quantifies over {@code \bigint}, which RAC does not implement (the
 * clause evaluates to false, a false violation on every call). One copy for basis and sampler (peers that may not
 * depend on each other). See proofs/openjml.md.
 */
public final /*@ code_java_math spec_java_math nullable_by_default @*/ class DoubleArrays {

    private DoubleArrays() {
    }

    /*@ public normal_behavior
      @   requires x != null && y != null;
      @   ensures \result ==> x.length == y.length;
      @   assignable \nothing;
      @*/
    /** {@code Arrays.equals(x, y)} for non-null arrays: same length, entries equal by {@code doubleToLongBits}. */
    public static boolean sameEntries(double[] x, double[] y) {
        if (x.length != y.length) {
            return false;
        }
        for (int i = 0; i < x.length; i++) {
            if (Double.doubleToLongBits(x[i]) != Double.doubleToLongBits(y[i])) {
                return false;
            }
        }
        return true;
    }
}
