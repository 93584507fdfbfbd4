package org.attnlab.erm;

/** A pair interaction g(x, y) of two tokens in R^d, read from {@code x[xo..xo+d)} and {@code y[yo..yo+d)}. */
@FunctionalInterface
public interface PairInteraction {

    /*@ public normal_behavior
      @   requires x != null && y != null && 0 <= xo && xo < x.length && 0 <= yo && yo < y.length;
      @*/
    /** g(x, y). Must not modify x or y. */
    double value(double[] x, int xo, double[] y, int yo);
}
