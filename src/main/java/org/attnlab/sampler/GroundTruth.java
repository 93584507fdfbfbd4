package org.attnlab.sampler;

import java.util.Arrays;
import org.attnlab.internal.Checks;
import org.attnlab.internal.DoubleArrays;
import org.attnlab.internal.RandomStreams;

/**
 * The ground truth of model A (arXiv 2510.11789): token law, A* (d x d, declared rank r), phi*, noise,
 * number N of tokens per sample and the seed. The learnable object is the pairwise interaction
 * g*(x, y) = phi*(x^T A* y); its error is measured in L^2(rho), rho the law of a token pair (X_1, X_2)
 * of one sample ({@link #drawPair}).
 *
 * <p>Immutable and thread-safe.
 */
public final /*@ code_java_math spec_java_math nullable_by_default @*/ class GroundTruth {

    private final /*@ spec_public @*/ TokenLaw law;
    private final /*@ spec_public @*/ double[] a;
    private final /*@ spec_public @*/ int rank;
    private final /*@ spec_public @*/ Activation phi;
    private final /*@ spec_public @*/ GaussianNoise noise;
    private final /*@ spec_public @*/ int tokensPerSample;
    private final /*@ spec_public @*/ long seed;

    //@ public invariant law != null && phi != null && noise != null && tokensPerSample >= 2;
    //@ public invariant a != null && a.length == law.dimension() * law.dimension();
    //@ public invariant 1 <= rank && rank <= law.dimension();

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
    /*@ public normal_behavior
      @   requires law != null && a != null && a.length == law.dimension() * law.dimension();
      @   requires (\forall int i; 0 <= i && i < a.length; Double.isFinite(a[i]));
      @   requires 1 <= rank && rank <= law.dimension() && phi != null && noise != null && tokensPerSample >= 2;
      @   ensures \result != null && \result.law == law && \result.rank == rank && \result.phi == phi;
      @   ensures \result.noise == noise && \result.tokensPerSample == tokensPerSample && \result.seed == seed;
      @   ensures \result.a != a && (\forall int i; 0 <= i && i < a.length; \result.a[i] == a[i]);
      @ also public exceptional_behavior
      @   requires law == null || a == null || a.length != law.dimension() * law.dimension()
      @       || (\exists int i; 0 <= i && i < a.length; !Double.isFinite(a[i]))
      @       || rank < 1 || rank > law.dimension() || phi == null || noise == null || tokensPerSample < 2;
      @   signals_only IllegalArgumentException;
      @*/
    public static GroundTruth of(TokenLaw law, double[] a, int rank, Activation phi, GaussianNoise noise,
            int tokensPerSample, long seed) {
        Sampling.nonNull("law", law);
        int d = law.dimension();
        Sampling.length("a", a, d * d);
        Checks.allFinite("a", a);
        Checks.inRange("r", rank, 1, d);
        Sampling.nonNull("phi", phi);
        Sampling.nonNull("noise", noise);
        Checks.atLeast("N", tokensPerSample, 2);
        return new GroundTruth(law, Sampling.copy(a), rank, phi, noise, tokensPerSample, seed);
    }

    /** The token law. */
    //@ public normal_behavior ensures \result == law && \result != null; pure
    public TokenLaw law() {
        return law;
    }

    /** A*, d x d row-major; a new array. */
    /*@ public normal_behavior
      @   ensures \result != null && \result != a && \result.length == a.length;
      @   ensures (\forall int i; 0 <= i && i < a.length; \result[i] == a[i]);
      @ pure
      @*/
    public double[] a() {
        return Sampling.copy(a);
    }

    /** A*_{kl}. */
    /*@ public normal_behavior
      @   requires 0 <= k && k < law.dimension() && 0 <= l && l < law.dimension();
      @   ensures \result == a[k * law.dimension() + l];
      @ pure
      @*/
    public double a(int k, int l) {
        return a[k * law.dimension() + l];
    }

    /** r, the declared rank of A*. */
    //@ public normal_behavior ensures \result == rank && 1 <= \result && \result <= law.dimension(); pure
    public int rank() {
        return rank;
    }

    /** d, the token dimension. */
    //@ public normal_behavior ensures \result == law.dimension() && \result >= 1; pure
    public int dimension() {
        return law.dimension();
    }

    /** phi*. */
    //@ public normal_behavior ensures \result == phi && \result != null; pure
    public Activation phi() {
        return phi;
    }

    /** The noise law. */
    //@ public normal_behavior ensures \result == noise && \result != null; pure
    public GaussianNoise noise() {
        return noise;
    }

    /** N, tokens per sample. */
    //@ public normal_behavior ensures \result == tokensPerSample && \result >= 2; pure
    public int tokensPerSample() {
        return tokensPerSample;
    }

    /** The seed of the token and noise streams. */
    //@ public normal_behavior ensures \result == seed; pure
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
      @ pure
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
    /*@ public normal_behavior
      @   requires x != null && y != null && xOffset >= 0 && yOffset >= 0;
      @   requires xOffset + dimension() <= x.length && yOffset + dimension() <= y.length;
      @   ensures Double.compare(\result, phi.value(score(x, xOffset, y, yOffset))) == 0;
      @ also public exceptional_behavior
      @   requires x == null || y == null || xOffset < 0 || yOffset < 0
      @       || xOffset + dimension() > x.length || yOffset + dimension() > y.length;
      @   signals_only IllegalArgumentException;
      @ pure
      @*/
    public double interaction(double[] x, int xOffset, double[] y, int yOffset) {
        return phi.value(score(x, xOffset, y, yOffset));
    }

    /**
     * g*(x, y) = phi*(x^T A* y) for x, y of length d.
     *
     * @throws IllegalArgumentException if x or y is null or does not have length d
     */
    /*@ public normal_behavior
      @   requires x != null && y != null && x.length == dimension() && y.length == dimension();
      @   ensures Double.compare(\result, phi.value(score(x, 0, y, 0))) == 0;
      @ also public exceptional_behavior
      @   requires x == null || y == null || x.length != dimension() || y.length != dimension();
      @   signals_only IllegalArgumentException;
      @ pure
      @*/
    public double interaction(double[] x, double[] y) {
        Sampling.length("x", x, law.dimension());
        Sampling.length("y", y, law.dimension());
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
    /*@ public normal_behavior
      @   requires tokens != null && tokens.length % dimension() == 0 && tokens.length / dimension() >= 2;
      @   ensures \result != null && \result.length == tokens.length / dimension();
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires tokens == null || tokens.length % dimension() != 0 || tokens.length / dimension() < 2;
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    public double[] noiselessOutputs(double[] tokens) {
        Sampling.nonNull("tokens", tokens);
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
        Sampling.nonNull(name, v);
        Checks.nonNegative(name + "Offset", offset);
        if ((long) offset + d > v.length) {
            throw Checks.fail(name + ".length", ">= " + name + "Offset + d = " + ((long) offset + d), v.length);
        }
    }

    /*@ also public normal_behavior
      @   ensures \result ==> o instanceof GroundTruth && ((GroundTruth) o).rank == rank
      @       && ((GroundTruth) o).tokensPerSample == tokensPerSample && ((GroundTruth) o).seed == seed;
      @   ensures o == this ==> \result;
      @ pure
      @*/
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GroundTruth)) {
            return false;
        }
        GroundTruth g = (GroundTruth) o;
        return PlainCalls.equal(g.law, law) && DoubleArrays.sameEntries(g.a, a) && g.rank == rank
                && PlainCalls.equal(g.phi, phi) && g.noise.equals(noise) && g.tokensPerSample == tokensPerSample
                && g.seed == seed;
    }

    //@ also public normal_behavior ensures true; pure
    @Override
    public int hashCode() {
        return Arrays.hashCode(a) * 31 + Long.hashCode(seed);
    }

    //@ also public normal_behavior ensures \result != null && \result.startsWith("GroundTruth[law="); pure
    @Override
    public String toString() {
        return "GroundTruth[law=" + law + ", N=" + tokensPerSample + ", r=" + rank + ", phi=" + phi
                + ", noise=" + noise + ", seed=" + seed + ", A=" + Arrays.toString(a) + "]";
    }
}
