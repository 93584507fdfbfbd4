package org.attnlab.sampler;

import java.util.Arrays;
import org.attnlab.internal.Checks;
import org.attnlab.internal.RandomStreams;

/**
 * The ground truth of model A (arXiv 2510.11789): token law, A* (d x d, declared rank r), phi*, noise,
 * number N of tokens per sample and the seed. The learnable object is the pairwise interaction
 * g*(x, y) = phi*(x^T A* y); its error is measured in L^2(rho), rho the law of a token pair (X_1, X_2)
 * of one sample ({@link #drawPair}).
 *
 * <p>Immutable and thread-safe.
 */
public final class GroundTruth {

    private final TokenLaw law;
    private final double[] a;
    private final int rank;
    private final Activation phi;
    private final GaussianNoise noise;
    private final int tokensPerSample;
    private final long seed;

    private GroundTruth(TokenLaw law, double[] a, int rank, Activation phi, GaussianNoise noise,
            int tokensPerSample, long seed) {
        this.law = law;
        this.a = a;
        this.rank = rank;
        this.phi = phi;
        this.noise = noise;
        this.tokensPerSample = tokensPerSample;
        this.seed = seed;
    }

    /**
     * A ground truth with a given A* (for example one read from a file, or fixed by a test).
     *
     * @param law the token law; d = law.dimension()
     * @param a A*, d x d row-major, finite; copied
     * @param rank the declared rank r of A*, in [1, d] (not re-computed)
     * @param phi phi*
     * @param noise the noise
     * @param tokensPerSample N &gt;= 2
     * @param seed the seed of the data streams
     * @throws IllegalArgumentException if law, a, phi or noise is null, a has the wrong length or a non-finite
     *     entry, rank is not in [1, d], or N &lt; 2
     */
    public static GroundTruth of(TokenLaw law, double[] a, int rank, Activation phi, GaussianNoise noise,
            int tokensPerSample, long seed) {
        Checks.notNull("law", law);
        int d = law.dimension();
        Checks.length("a", a, d * d);
        Checks.allFinite("a", a);
        Checks.inRange("r", rank, 1, d);
        Checks.notNull("phi", phi);
        Checks.notNull("noise", noise);
        Checks.atLeast("N", tokensPerSample, 2);
        return new GroundTruth(law, a.clone(), rank, phi, noise, tokensPerSample, seed);
    }

    /** The token law. */
    public TokenLaw law() {
        return law;
    }

    /** A*, d x d row-major; a new array. */
    public double[] a() {
        return a.clone();
    }

    /** A*_{kl}. */
    public double a(int k, int l) {
        return a[k * law.dimension() + l];
    }

    /** r, the declared rank of A*. */
    public int rank() {
        return rank;
    }

    /** d, the token dimension. */
    public int dimension() {
        return law.dimension();
    }

    /** phi*. */
    public Activation phi() {
        return phi;
    }

    /** The noise law. */
    public GaussianNoise noise() {
        return noise;
    }

    /** N, tokens per sample. */
    public int tokensPerSample() {
        return tokensPerSample;
    }

    /** The seed of the token and noise streams. */
    public long seed() {
        return seed;
    }

    /*@ public normal_behavior
      @   requires x != null && y != null && xOffset >= 0 && yOffset >= 0;
      @   requires xOffset + dimension() <= x.length && yOffset + dimension() <= y.length;
      @   ensures \result == (\sum int k; 0 <= k && k < dimension();
      @       x[xOffset + k] * (\sum int l; 0 <= l && l < dimension(); a(k, l) * y[yOffset + l]));
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires x == null || y == null || xOffset < 0 || yOffset < 0
      @       || xOffset + dimension() > x.length || yOffset + dimension() > y.length;
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    /**
     * The score x^T A* y = sum_k x_k sum_l A*_kl y_l (inner sum over l in order, then over k).
     *
     * @param x array holding x at x[xOffset .. xOffset + d); not modified
     * @param y array holding y at y[yOffset .. yOffset + d); not modified
     * @throws IllegalArgumentException if an array is null or too short, or an offset is negative
     */
    public double score(double[] x, int xOffset, double[] y, int yOffset) {
        int d = law.dimension();
        checkVector("x", x, xOffset, d);
        checkVector("y", y, yOffset, d);
        double s = 0.0;
        for (int k = 0; k < d; k++) {
            double row = 0.0;
            for (int l = 0; l < d; l++) {
                row += a[k * d + l] * y[yOffset + l];
            }
            s += x[xOffset + k] * row;
        }
        return s;
    }

    /**
     * g*(x, y) = phi*(x^T A* y).
     *
     * @throws IllegalArgumentException as {@link #score}
     */
    public double interaction(double[] x, int xOffset, double[] y, int yOffset) {
        return phi.value(score(x, xOffset, y, yOffset));
    }

    /**
     * g*(x, y) = phi*(x^T A* y) for x, y of length d.
     *
     * @throws IllegalArgumentException if x or y is null or does not have length d
     */
    public double interaction(double[] x, double[] y) {
        Checks.length("x", x, law.dimension());
        Checks.length("y", y, law.dimension());
        return interaction(x, 0, y, 0);
    }

    /*@ public normal_behavior
      @   requires stream != null && pair != null && pair.length >= 2 * dimension();
      @   ensures (\forall int i; 0 <= i && i < 2 * dimension(); Double.isFinite(pair[i]));
      @   assignable pair[0 .. 2 * dimension() - 1], stream.*;
      @ also public exceptional_behavior
      @   requires stream == null || pair == null || pair.length < 2 * dimension();
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    /**
     * Draws a fresh token pair (X_1, X_2) with the joint law of two distinct tokens of one sample (for
     * exchangeable dependent tokens they share W), by drawing a 2-token sample from the law:
     * pair[0..d) = X_1, pair[d..2d) = X_2. Consumes exactly what {@code law().sample(stream, 2, ...)} consumes.
     *
     * @param stream for example {@code RandomStreams.stream(seed, Purpose.EVALUATION, chunk)}; advanced
     * @param pair output of length &gt;= 2d; entries 0..2d-1 overwritten
     * @throws IllegalArgumentException if stream or pair is null or pair is too short
     */
    public void drawPair(RandomStreams.Stream stream, double[] pair) {
        law.sample(stream, 2, pair, 0);
    }

    /**
     * The noiseless outputs f_i = 1/(N'-1) sum_{j != i} g*(X_i, X_j) of one sample of any size N' &gt;= 2
     * (see {@link ForwardMap}).
     *
     * @param tokens the sample, length N' d (N' = tokens.length / d); not modified
     * @return f, length N'
     * @throws IllegalArgumentException if tokens is null or its length is not a multiple N' d with N' &gt;= 2
     */
    public double[] noiselessOutputs(double[] tokens) {
        Checks.notNull("tokens", tokens);
        int d = law.dimension();
        if (tokens.length % d != 0) {
            throw Checks.fail("tokens.length", "a multiple of d = " + d, tokens.length);
        }
        int n = tokens.length / d;
        double[] out = new double[n];
        ForwardMap.apply(tokens, 0, n, d, a, phi, new double[n * d], out, 0);
        return out;
    }

    /** A* without copying, for this package's hot loops. */
    double[] rawA() {
        return a;
    }

    private static void checkVector(String name, double[] v, int offset, int d) {
        Checks.notNull(name, v);
        Checks.nonNegative(name + "Offset", offset);
        if ((long) offset + d > v.length) {
            throw Checks.fail(name + ".length", ">= " + name + "Offset + d = " + ((long) offset + d), v.length);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroundTruth g && g.law.equals(law) && Arrays.equals(g.a, a) && g.rank == rank
                && g.phi.equals(phi) && g.noise.equals(noise) && g.tokensPerSample == tokensPerSample
                && g.seed == seed;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(a) * 31 + Long.hashCode(seed);
    }

    @Override
    public String toString() {
        return "GroundTruth[law=" + law + ", N=" + tokensPerSample + ", r=" + rank + ", phi=" + phi
                + ", noise=" + noise + ", seed=" + seed + ", A=" + Arrays.toString(a) + "]";
    }
}
