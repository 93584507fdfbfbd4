package org.attnlab.sampler;

import java.util.function.IntConsumer;
import org.attnlab.internal.Checks;
import org.attnlab.internal.ChunkPool;
import org.attnlab.internal.RandomStreams;
import org.attnlab.kernel.ChunkKernel;

/**
 * Draws model-A data sets (arXiv 2510.11789, its model equation; see PAPERS.md A): M i.i.d. samples of N tokens with outputs
 * Y_i = 1/(N-1) sum_{j != i} phi*(X_i^T A* X_j) + eta_i.
 *
 * <p>Sample m uses only its own streams: tokens from {@code stream(dataSeed, TOKENS, m)}
 * ({@link TokenLaw#sample} with n = N), then the forward map ({@link ForwardMap}), then
 * eta_i = sigma * normal() from {@code stream(dataSeed, NOISE, m)} for i = 0..N-1, added as Y_i = f_i + eta_i.
 * Samples are split into contiguous blocks over the threads; because no sample depends on another, the
 * result is the same bytes for every thread count.
 */
public final /*@ code_java_math spec_java_math nullable_by_default @*/ class Sampler {

    private Sampler() {
    }

    /**
     * M samples drawn with the ground truth's own seed.
     *
     * @throws IllegalArgumentException as {@link #sample(GroundTruth, int, long, int)}
     */
    /*@ public normal_behavior
      @   requires truth != null && samples >= 1 && threads >= 1;
      @   requires (long) samples * truth.tokensPerSample() * truth.dimension() <= Integer.MAX_VALUE - 8;
      @   ensures \result != null && \result.samples() == samples;
      @   ensures \result.tokensPerSample() == truth.tokensPerSample() && \result.dimension() == truth.dimension();
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires truth == null || samples < 1 || threads < 1
      @       || (long) samples * truth.tokensPerSample() * truth.dimension() > Integer.MAX_VALUE - 8;
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    public static Dataset sample(GroundTruth truth, int samples, int threads) {
        Sampling.nonNull("truth", truth);
        return sample(truth, samples, truth.seed(), threads);
    }

    /*@ public normal_behavior
      @   requires truth != null && samples >= 1 && threads >= 1;
      @   requires (long) samples * truth.tokensPerSample() * truth.dimension() <= Integer.MAX_VALUE - 8;
      @   ensures \result != null && \result.samples() == samples;
      @   ensures \result.tokensPerSample() == truth.tokensPerSample();
      @   ensures \result.dimension() == truth.dimension();
      @   ensures (\forall int i; 0 <= i && i < \result.tokens().length; Double.isFinite(\result.tokens()[i]));
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires truth == null || samples < 1 || threads < 1
      @       || (long) samples * truth.tokensPerSample() * truth.dimension() > Integer.MAX_VALUE - 8;
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    /**
     * M samples drawn from the streams of {@code dataSeed} (use different data seeds for independent data
     * sets of the same ground truth).
     *
     * @param truth the ground truth (law, A*, phi*, noise, N)
     * @param samples M &gt;= 1
     * @param dataSeed seed of the TOKENS and NOISE streams
     * @param threads worker threads, &gt;= 1 (does not change the result)
     * @return a data set of M samples of N tokens in R^d
     * @throws IllegalArgumentException if truth is null, M &lt; 1, threads &lt; 1, or M N d is too large for
     *     one array
     */
    public static Dataset sample(GroundTruth truth, int samples, long dataSeed, int threads) {
        Sampling.nonNull("truth", truth);
        Checks.positive("M", samples);
        Checks.positive("threads", threads);
        int n = truth.tokensPerSample();
        int d = truth.dimension();
        long total = (long) samples * n * d;
        if (total > Integer.MAX_VALUE - 8) {
            throw Checks.fail("M * N * d", "<= " + (Integer.MAX_VALUE - 8), total);
        }
        double[] tokens = new double[(int) total];
        double[] outputs = new double[samples * n];
        // every sample has its own streams: the fixed chunks only spread the work (same bytes at any thread count)
        int size = ChunkPool.chunkSize(samples, 1);
        try (ChunkPool pool = ChunkPool.of(Math.min(threads, 1024))) {
            pool.run(ChunkKernel.count(samples, size), new FillChunks(truth, dataSeed, size, samples, tokens, outputs));
        }
        return Dataset.of(samples, n, d, tokens, outputs);
    }

    /**
     * Draws sample m (tokens and outputs) into the layouts of {@link Dataset}: tokens at
     * [(m N + i) d + k], outputs at [m N + i].
     *
     * @throws IllegalArgumentException if truth or an array is null, m &lt; 0, or an array is too short
     */
    /*@ public normal_behavior
      @   requires truth != null && m >= 0 && tokens != null && outputs != null;
      @   requires (m + 1L) * truth.tokensPerSample() * truth.dimension() <= tokens.length;
      @   requires (m + 1L) * truth.tokensPerSample() <= outputs.length;
      @   ensures (\forall int i; m * truth.tokensPerSample() * truth.dimension() <= i
      @       && i < (m + 1) * truth.tokensPerSample() * truth.dimension(); Double.isFinite(tokens[i]));
      @   assignable tokens[m * truth.tokensPerSample() * truth.dimension()
      @                   .. (m + 1) * truth.tokensPerSample() * truth.dimension() - 1],
      @              outputs[m * truth.tokensPerSample() .. (m + 1) * truth.tokensPerSample() - 1];
      @ also public exceptional_behavior
      @   requires truth == null || m < 0 || tokens == null || outputs == null
      @       || (m < Integer.MAX_VALUE && ((m + 1L) * truth.tokensPerSample() * truth.dimension() > tokens.length
      @           || (m + 1L) * truth.tokensPerSample() > outputs.length));
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    public static void sampleOne(GroundTruth truth, long dataSeed, int m, double[] tokens, double[] outputs) {
        Sampling.nonNull("truth", truth);
        Checks.nonNegative("m", m);
        int n = truth.tokensPerSample();
        int d = truth.dimension();
        Sampling.nonNull("tokens", tokens);
        Sampling.nonNull("outputs", outputs);
        if ((long) (m + 1) * n * d > tokens.length) {
            throw Checks.fail("tokens.length", ">= (m + 1) N d = " + (long) (m + 1) * n * d, tokens.length);
        }
        if ((long) (m + 1) * n > outputs.length) {
            throw Checks.fail("outputs.length", ">= (m + 1) N = " + (long) (m + 1) * n, outputs.length);
        }
        drawSample(truth, dataSeed, m, tokens, outputs, new double[n * d]);
    }

    /**
     * The task of chunk c: draws samples start(c) .. end(c) - 1. A class rather than a lambda because OpenJML 0.21's
     * RAC crashes on lambdas ("origin is null").
     */
    private static final class FillChunks implements IntConsumer {
        private final GroundTruth truth;
        private final long dataSeed;
        private final int size;
        private final int samples;
        private final double[] tokens;
        private final double[] outputs;

        FillChunks(GroundTruth truth, long dataSeed, int size, int samples, double[] tokens, double[] outputs) {
            this.truth = truth;
            this.dataSeed = dataSeed;
            this.size = size;
            this.samples = samples;
            this.tokens = tokens;
            this.outputs = outputs;
        }

        @Override
        public void accept(int c) {
            fill(truth, dataSeed, ChunkKernel.start(c, size, samples), ChunkKernel.end(c, size, samples), tokens,
                    outputs);
        }
    }

    private static void fill(GroundTruth truth, long dataSeed, int from, int to, double[] tokens, double[] outputs) {
        double[] scratch = new double[truth.tokensPerSample() * truth.dimension()];
        for (int m = from; m < to; m++) {
            drawSample(truth, dataSeed, m, tokens, outputs, scratch);
        }
    }

    private static void drawSample(GroundTruth truth, long dataSeed, int m, double[] tokens, double[] outputs,
            double[] scratch) {
        int n = truth.tokensPerSample();
        int d = truth.dimension();
        int tokenOffset = m * n * d;
        int outOffset = m * n;
        truth.law().sample(RandomStreams.stream(dataSeed, RandomStreams.Purpose.TOKENS, m), n, tokens, tokenOffset);
        ForwardMap.applyUnchecked(tokens, tokenOffset, n, d, truth.rawA(), truth.phi(), scratch, outputs, outOffset);
        RandomStreams.Stream noise = RandomStreams.stream(dataSeed, RandomStreams.Purpose.NOISE, m);
        double sigma = truth.noise().sigma();
        for (int i = 0; i < n; i++) {
            outputs[outOffset + i] += sigma * noise.normal();
        }
    }
}
