package org.attnlab.erm;

import org.attnlab.internal.RandomStreams;

/**
 * The law rho of a token pair (X_1, X_2) of one sample (the same for every i != j by exchangeability).
 * One draw fills x and y (length d each) from the given stream only, so draws are reproducible.
 */
@FunctionalInterface
public interface PairLaw {

    /** Draws one pair (X_1, X_2) into x and y from {@code stream}. */
    void draw(RandomStreams.Stream stream, double[] x, double[] y);
}
