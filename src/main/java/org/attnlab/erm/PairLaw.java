package org.attnlab.erm;

import org.attnlab.internal.RandomStreams;

/**
 * The law rho of a token pair (X_1, X_2) of one sample (the same for every i != j by exchangeability).
 * One draw fills pair[0..d) with X_1 and pair[d..2d) with X_2 from the given stream only, so draws are
 * reproducible. {@code GroundTruth::drawPair} is one.
 */
@FunctionalInterface
public interface PairLaw {

    /*@ public normal_behavior
      @   requires stream != null && pair != null && pair.length >= 2;
      @   // no frame: "assignable pair[0 .. pair.length - 1], stream.*" makes openjml -rac stop at the caller
      @   // (ComposedError: AssertionError on \old(pair.length)), and pair[*] crashes its code generation
      @*/
    /** Draws one pair (X_1, X_2) into pair[0..2d) from {@code stream}. */
    void draw(RandomStreams.Stream stream, double[] pair);
}
