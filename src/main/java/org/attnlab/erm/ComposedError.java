package org.attnlab.erm;

import org.attnlab.internal.Checks;
import org.attnlab.internal.RandomStreams;
import org.attnlab.sampler.GroundTruth;

/**
 * Monte Carlo estimate of the composed error ||g_hat - g*||^2_{L2(rho)} = E (g_hat(X_1, X_2) - g*(X_1, X_2))^2
 * on fresh pairs (X_1, X_2) ~ rho, never on training data (arXiv 2510.11789, Figure 1's "composed test MSE").
 *
 * <p>Pairs are drawn in blocks of {@link #BLOCK} from the streams (seed, EVALUATION, block); at least
 * {@code minBlocks} blocks are used, then blocks are added until the relative standard error of the absolute
 * error is at most {@code targetRelativeError} (default 1%) or {@code maxBlocks} blocks are used. The block
 * sums are reduced in block order, so the estimate is reproducible. g_hat is evaluated as the fit's
 * {@link ErmResult#activation} of the score: outside [-R, R] the spline is extended by its end values.
 */
public final class ComposedError {

    /** Pairs per block (one random stream each). */
    public static final int BLOCK = 4096;

    private final /*@ spec_public @*/ int minBlocks;
    private final /*@ spec_public @*/ int maxBlocks;
    private final double targetRelativeError;

    private ComposedError(int minBlocks, int maxBlocks, double targetRelativeError) {
        this.minBlocks = minBlocks;
        this.maxBlocks = maxBlocks;
        this.targetRelativeError = targetRelativeError;
    }

    /** At least 16 blocks (65 536 pairs), at most 256 blocks (about 10^6 pairs), target 1%. */
    public static ComposedError defaults() {
        return new ComposedError(16, 256, 0.01);
    }

    /** Smallest number of blocks. @throws IllegalArgumentException if &lt; 2 or &gt; maxBlocks */
    public ComposedError withMinBlocks(int minBlocks) {
        Checks.inRange("minBlocks", minBlocks, 2, maxBlocks);
        return new ComposedError(minBlocks, maxBlocks, targetRelativeError);
    }

    /** Largest number of blocks. @throws IllegalArgumentException if &lt; minBlocks */
    public ComposedError withMaxBlocks(int maxBlocks) {
        Checks.atLeast("maxBlocks", maxBlocks, minBlocks);
        return new ComposedError(minBlocks, maxBlocks, targetRelativeError);
    }

    /** Target relative standard error, &gt; 0. @throws IllegalArgumentException if not finite and &gt; 0 */
    public ComposedError withTargetRelativeError(double target) {
        Checks.positive("targetRelativeError", target);
        return new ComposedError(minBlocks, maxBlocks, target);
    }

    /**
     * Estimates ||g_hat - g*||^2 and its relative version ||g_hat - g*||^2 / ||g*||^2.
     *
     * @param fit the estimate g_hat
     * @param truth g*
     * @param law rho, the law of a token pair
     * @param seed seed of the evaluation streams
     * @return the estimate with standard errors
     * @throws IllegalArgumentException if an argument is null
     */
    public ErrorEstimate estimate(ErmResult fit, PairInteraction truth, PairLaw law, long seed) {
        Checks.notNull("fit", fit);
        return estimate((x, xo, y, yo) -> fit.activation(fit.score(x, xo, y, yo)), fit.dimension(), truth, law,
                seed);
    }

    /**
     * The composed error of a fit against a sampler ground truth: g* = {@code truth.interaction}, rho the law
     * of {@code truth.drawPair}.
     *
     * @throws IllegalArgumentException if an argument is null or the dimensions differ
     */
    public ErrorEstimate estimate(ErmResult fit, GroundTruth truth, long seed) {
        Checks.notNull("fit", fit);
        Checks.notNull("truth", truth);
        if (truth.dimension() != fit.dimension()) {
            throw Checks.fail("truth.dimension()", "= d of the fit = " + fit.dimension(), truth.dimension());
        }
        return estimate(fit, truth::interaction, truth::drawPair, seed);
    }

    /*@ public normal_behavior
      @   requires estimate != null && truth != null && law != null && d >= 1;
      @   ensures \result != null && \result.absolute() >= 0 && \result.absoluteStandardError() >= 0;
      @   ensures \result.truthNorm() >= 0 && \result.pairs() % BLOCK == 0;
      @   ensures \result.pairs() >= (long) minBlocks * BLOCK && \result.pairs() <= (long) maxBlocks * BLOCK;
      @ also public exceptional_behavior
      @   requires estimate == null || truth == null || law == null || d < 1;
      @   signals_only IllegalArgumentException;
      @*/
    /**
     * As {@link #estimate(ErmResult, PairInteraction, PairLaw, long)} for any pair function g_hat on R^d.
     *
     * @throws IllegalArgumentException if an argument is null or d &lt; 1
     */
    public ErrorEstimate estimate(PairInteraction estimate, int d, PairInteraction truth, PairLaw law, long seed) {
        Checks.notNull("estimate", estimate);
        Checks.positive("d", d);
        Checks.notNull("truth", truth);
        Checks.notNull("law", law);
        double[] pair = new double[2 * d];
        // running sums: e, e^2, t = g*^2, t^2, e t
        double se = 0.0;
        double se2 = 0.0;
        double st = 0.0;
        double st2 = 0.0;
        double set = 0.0;
        long count = 0;
        for (int block = 0; block < maxBlocks; block++) {
            RandomStreams.Stream stream = RandomStreams.stream(seed, RandomStreams.Purpose.EVALUATION, block);
            double be = 0.0;
            double be2 = 0.0;
            double bt = 0.0;
            double bt2 = 0.0;
            double bet = 0.0;
            for (int k = 0; k < BLOCK; k++) {
                law.draw(stream, pair);
                double g = truth.value(pair, 0, pair, d);
                double diff = estimate.value(pair, 0, pair, d) - g;
                double e = diff * diff;
                double t = g * g;
                be += e;
                be2 += e * e;
                bt += t;
                bt2 += t * t;
                bet += e * t;
            }
            se += be;
            se2 += be2;
            st += bt;
            st2 += bt2;
            set += bet;
            count += BLOCK;
            if (block + 1 >= minBlocks) {
                double mean = se / count;
                double sd = Math.sqrt(Math.max(0.0, se2 / count - mean * mean));
                double rse = sd / Math.sqrt(count) / mean;
                if (!(rse > targetRelativeError)) {
                    break;
                }
            }
        }
        double mean = se / count;
        double varE = Math.max(0.0, se2 / count - mean * mean);
        double meanT = st / count;
        double varT = Math.max(0.0, st2 / count - meanT * meanT);
        double cov = set / count - mean * meanT;
        double rel = mean / meanT;
        double varRatio = Math.max(0.0, varE - 2.0 * rel * cov + rel * rel * varT);
        return new ErrorEstimate(mean, Math.sqrt(varE / count), meanT, rel, Math.sqrt(varRatio / count) / meanT,
                count);
    }
}
