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
    private final /*@ spec_public @*/ double targetRelativeError;

    //@ public invariant 2 <= minBlocks && minBlocks <= maxBlocks;
    //@ public invariant targetRelativeError > 0 && targetRelativeError < Double.POSITIVE_INFINITY;

    private ComposedError(int minBlocks, int maxBlocks, double targetRelativeError) {
        this.minBlocks = minBlocks;
        this.maxBlocks = maxBlocks;
        this.targetRelativeError = targetRelativeError;
    }

    /*@ public normal_behavior
      @   ensures \result != null && \result.minBlocks == 16 && \result.maxBlocks == 256;
      @   ensures \result.targetRelativeError == 0.01;
      @*/
    /** At least 16 blocks (65 536 pairs), at most 256 blocks (about 10^6 pairs), target 1%. */
    public static /*@ pure @*/ ComposedError defaults() {
        return new ComposedError(16, 256, 0.01);
    }

    /*@ public normal_behavior
      @   requires 2 <= minBlocks && minBlocks <= this.maxBlocks;
      @   ensures \result != null && \result.minBlocks == minBlocks && \result.maxBlocks == this.maxBlocks;
      @   ensures \result.targetRelativeError == targetRelativeError;
      @ also public exceptional_behavior
      @   requires minBlocks < 2 || minBlocks > this.maxBlocks;
      @   signals_only IllegalArgumentException;
      @*/
    /** Smallest number of blocks. @throws IllegalArgumentException if &lt; 2 or &gt; maxBlocks */
    public /*@ pure @*/ ComposedError withMinBlocks(int minBlocks) {
        Checks.inRange("minBlocks", minBlocks, 2, maxBlocks);
        return new ComposedError(minBlocks, maxBlocks, targetRelativeError);
    }

    /*@ public normal_behavior
      @   requires maxBlocks >= this.minBlocks;
      @   ensures \result != null && \result.minBlocks == this.minBlocks && \result.maxBlocks == maxBlocks;
      @   ensures \result.targetRelativeError == targetRelativeError;
      @ also public exceptional_behavior
      @   requires maxBlocks < this.minBlocks;
      @   signals_only IllegalArgumentException;
      @*/
    /** Largest number of blocks. @throws IllegalArgumentException if &lt; minBlocks */
    public /*@ pure @*/ ComposedError withMaxBlocks(int maxBlocks) {
        Checks.atLeast("maxBlocks", maxBlocks, minBlocks);
        return new ComposedError(minBlocks, maxBlocks, targetRelativeError);
    }

    /*@ public normal_behavior
      @   requires target > 0 && target < Double.POSITIVE_INFINITY;
      @   ensures \result != null && \result.minBlocks == minBlocks && \result.maxBlocks == maxBlocks;
      @   ensures \result.targetRelativeError == target;
      @ also public exceptional_behavior
      @   requires !(target > 0 && target < Double.POSITIVE_INFINITY);
      @   signals_only IllegalArgumentException;
      @*/
    /** Target relative standard error, &gt; 0. @throws IllegalArgumentException if not finite and &gt; 0 */
    public /*@ pure @*/ ComposedError withTargetRelativeError(double target) {
        Checks.positive("targetRelativeError", target);
        return new ComposedError(minBlocks, maxBlocks, target);
    }

    /*@ public normal_behavior
      @   requires fit != null && truth != null && law != null;
      @   ensures \result != null && \result.pairs() % BLOCK == 0;
      @   ensures \result.pairs() >= (long) minBlocks * BLOCK && \result.pairs() <= (long) maxBlocks * BLOCK;
      @   ensures !(\result.absolute() < 0) && !(\result.absoluteStandardError() < 0) && !(\result.truthNorm() < 0);
      @   ensures !(\result.relative() < 0) && !(\result.relativeStandardError() < 0);
      @ also public exceptional_behavior
      @   requires fit == null || truth == null || law == null;
      @   signals_only IllegalArgumentException;
      @*/
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
        return estimate(new FitInteraction(fit), fit.dimension(), truth, law, seed);
    }

    /*@ public normal_behavior
      @   requires fit != null && truth != null && truth.dimension() == fit.dimension();
      @   ensures \result != null && \result.pairs() % BLOCK == 0;
      @   ensures \result.pairs() >= (long) minBlocks * BLOCK && \result.pairs() <= (long) maxBlocks * BLOCK;
      @   ensures !(\result.absolute() < 0) && !(\result.absoluteStandardError() < 0) && !(\result.truthNorm() < 0);
      @   ensures !(\result.relative() < 0) && !(\result.relativeStandardError() < 0);
      @ also public exceptional_behavior
      @   requires fit == null || truth == null || truth.dimension() != fit.dimension();
      @   signals_only IllegalArgumentException;
      @*/
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
        return estimate(fit, new TruthInteraction(truth), new TruthLaw(truth), seed);
    }

    /*@ public normal_behavior
      @   requires estimate != null && truth != null && law != null && d >= 1;
      @   ensures \result != null && \result.pairs() % BLOCK == 0;
      @   ensures \result.pairs() >= (long) minBlocks * BLOCK && \result.pairs() <= (long) maxBlocks * BLOCK;
      @   ensures !(\result.absolute() < 0) && !(\result.absoluteStandardError() < 0) && !(\result.truthNorm() < 0);
      @   ensures !(\result.relative() < 0) && !(\result.relativeStandardError() < 0);
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
        return blocks(estimate, d, truth, law, seed);
    }

    /**
     * The block loop of {@link #estimate(PairInteraction, int, PairInteraction, PairLaw, long)} on checked arguments,
     * in a helper that OpenJML's RAC does not instrument ({@code skiprac}): at calls of Math.sqrt and Math.max in an
     * instrumented method it reports the caller's postcondition false (JDK specifications with model methods RAC does
     * not implement). The contract of the public method is checked on its result.
     */
    /*@ skiprac @*/
    private ErrorEstimate blocks(PairInteraction estimate, int d, PairInteraction truth, PairLaw law, long seed) {
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

    // Named classes, not lambdas or method references: openjml -rac crashes on lambdas ("origin is null").

    /** g_hat(x, y) = phi(x^T U V^T y) of a fit. */
    private static final class FitInteraction implements PairInteraction {
        private final ErmResult fit;

        FitInteraction(ErmResult fit) {
            this.fit = fit;
        }

        @Override
        public double value(double[] x, int xo, double[] y, int yo) {
            // activationAt/scoreAt: activation/score without their (RAC-checked) contracts, same values; the offsets
            // are in range (pair of length 2 d)
            return fit.activationAt(fit.scoreAt(x, xo, y, yo));
        }
    }

    /** g* = {@code truth.interaction}. */
    private static final class TruthInteraction implements PairInteraction {
        private final GroundTruth truth;

        TruthInteraction(GroundTruth truth) {
            this.truth = truth;
        }

        @Override
        public double value(double[] x, int xo, double[] y, int yo) {
            return truth.interaction(x, xo, y, yo);
        }
    }

    /** rho = the law of {@code truth.drawPair}. */
    private static final class TruthLaw implements PairLaw {
        private final GroundTruth truth;

        TruthLaw(GroundTruth truth) {
            this.truth = truth;
        }

        @Override
        public void draw(RandomStreams.Stream stream, double[] pair) {
            truth.drawPair(stream, pair);
        }
    }
}
