package org.attnlab.internal;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;

/**
 * Independent, reproducible random streams derived from one 64-bit seed.
 *
 * <p>Every random quantity in attnlab is drawn from a stream identified by {@code (seed, purpose, index)}:
 * for example the token draws of sample {@code m} use {@code stream(seed, Purpose.TOKENS, m)}. A stream's
 * state never depends on how many other streams were used, or on which thread uses it, so a data set is
 * the same bytes whatever the number of threads that generate it.
 *
 * <p>Derivation (see {@code spec/random.md}, reproduced exactly by ports):
 * <pre>
 *   s  = seed XOR ((purpose.ordinal() + 1) * 0x9E3779B97F4A7C15) XOR (index * 0xD1B54A32D192ED03)   (64-bit wrapping)
 *   then 4 times: s += 0x9E3779B97F4A7C15, w_i = SplitMix64 output function of s
 *   generator = xoshiro256++ with state (w1, w2, w3, w4)
 * </pre>
 * Uniform doubles use the top 53 bits: {@code u = (next() >>> 11) * 2^-53}, in [0, 1).
 * Standard normals use one Box-Muller draw from two uniforms (the sine half is discarded, so each normal
 * consumes exactly two 64-bit outputs): {@code z = sqrt(-2 ln(1 - u1)) * cos(2 pi u2)}, with
 * {@link StrictMath} so the bits do not depend on the JIT.
 */
public final class RandomStreams {

    /** What a stream is used for; the ordinal is part of the derivation, so never reorder. */
    public enum Purpose {
        /** Token draws, one stream per sample. */
        TOKENS,
        /** Observation noise, one stream per sample. */
        NOISE,
        /** Ground-truth parameters (A*, phi* coefficients, k*, v*), one stream per model. */
        TRUTH,
        /** Solver starts and other estimator randomness, one stream per start. */
        ESTIMATOR,
        /** Monte Carlo evaluation (fresh pairs, test sets), one stream per chunk. */
        EVALUATION,
        /** Bootstrap resampling, one stream per replicate. */
        BOOTSTRAP,
        /** Random features (frozen weights), one stream per feature block. */
        FEATURES,
        /** Experiment-level randomness: per (setting, size, repeat) seeds. */
        EXPERIMENT
    }

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long MIX_INDEX = 0xD1B54A32D192ED03L;
    private static final double TWO_POW_MINUS_53 = 0x1.0p-53;

    private RandomStreams() {
    }

    /** The stream {@code (seed, purpose, index)}. */
    public static Stream stream(long seed, Purpose purpose, long index) {
        long s = seed ^ ((purpose.ordinal() + 1L) * GOLDEN) ^ (index * MIX_INDEX);
        long[] state = new long[4];
        for (int i = 0; i < 4; i++) {
            s += GOLDEN;
            state[i] = splitMix64(s);
        }
        return new Stream(new XoShiRo256PlusPlus(state));
    }

    /** A derived 64-bit seed, for handing a whole sub-experiment its own seed. */
    public static long derive(long seed, Purpose purpose, long index) {
        return stream(seed, purpose, index).nextLong();
    }

    /** The SplitMix64 output function (Steele, Lea, Flood 2014) applied to {@code z}. */
    static long splitMix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** One stream: a documented sequence of uniforms and normals. Not thread-safe; one per task. */
    public static final class Stream {
        private final UniformRandomProvider source;

        private Stream(UniformRandomProvider source) {
            this.source = source;
        }

        /** The next 64 raw bits. */
        public long nextLong() {
            return source.nextLong();
        }

        /** Uniform on [0, 1): {@code (nextLong() >>> 11) * 2^-53}. Consumes one output. */
        public double uniform() {
            return (source.nextLong() >>> 11) * TWO_POW_MINUS_53;
        }

        /** Uniform on [a, b): {@code a + (b - a) * uniform()}. Consumes one output. */
        public double uniform(double a, double b) {
            return a + (b - a) * uniform();
        }

        /** Standard normal by one Box-Muller draw. Consumes two outputs (u1 then u2). */
        public double normal() {
            double u1 = uniform();
            double u2 = uniform();
            return StrictMath.sqrt(-2.0 * StrictMath.log(1.0 - u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
        }

        /**
         * Uniform integer in [0, n): {@code min(floor(uniform() * n), n - 1)}; its bias is below n * 2^-53.
         * Consumes one output.
         *
         * @throws IllegalArgumentException if {@code n <= 0}
         */
        public int nextInt(int n) {
            if (n <= 0) {
                throw Checks.fail("n", "> 0", n);
            }
            int k = (int) (uniform() * n);
            return Math.min(k, n - 1);
        }

        /** Fills {@code out} with standard normals, in index order. */
        public void normals(double[] out) {
            for (int i = 0; i < out.length; i++) {
                out[i] = normal();
            }
        }
    }
}
