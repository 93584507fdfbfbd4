package org.attnlab.rfa;

import org.attnlab.internal.Checks;
import org.attnlab.internal.RandomStreams;

/**
 * Tokens uniform on the unit sphere S^{d-1}, the token law of our reading of arXiv 2307.11353.
 *
 * <p>Draws: each token consumes d standard normals g_0..g_{d-1} from the stream, in order, and is
 * g / |g|. (|g| = 0 has probability zero; it would be redrawn.)
 */
public final class SphereTokens {

    private SphereTokens() {
    }

    /**
     * Fills {@code out[offset .. offset + count*d - 1]} with {@code count} independent uniform unit vectors.
     *
     * @param stream the stream consumed (d normals per token)
     * @param d dimension, &gt;= 1
     * @param count number of tokens, &gt;= 0
     * @param out receives the tokens
     * @param offset where they start
     * @throws IllegalArgumentException if stream or out is null, d &lt; 1, count &lt; 0, or the range is outside out
     */
    public static void fill(RandomStreams.Stream stream, int d, int count, double[] out, int offset) {
        Checks.notNull("stream", stream);
        Checks.notNull("out", out);
        Checks.positive("d", d);
        Checks.nonNegative("count", count);
        if (offset < 0 || (long) offset + (long) count * d > out.length) {
            throw Checks.fail("offset", "in [0, out.length - count*d]", offset);
        }
        for (int t = 0; t < count; t++) {
            int o = offset + t * d;
            double norm2 = 0.0;
            while (!(norm2 > 0.0)) {
                norm2 = 0.0;
                for (int k = 0; k < d; k++) {
                    double g = stream.normal();
                    out[o + k] = g;
                    norm2 += g * g;
                }
            }
            double inv = 1.0 / Math.sqrt(norm2);
            for (int k = 0; k < d; k++) {
                out[o + k] *= inv;
            }
        }
    }

    /**
     * {@code samples} samples of N+1 tokens each, sample s drawn from {@code stream(seed, purpose, first + s)}
     * (so a prefix of a larger set is the same bytes as a smaller set).
     *
     * @param seed data seed
     * @param purpose stream purpose (TOKENS for training, EVALUATION for test sets)
     * @param first index of the first sample's stream, &gt;= 0
     * @param samples number of samples, &gt;= 0
     * @param d dimension, &gt;= 1
     * @param keys N, &gt;= 1
     * @return tokens, sample s at {@code [s*(N+1)*d ..]}
     * @throws IllegalArgumentException if a size is out of range or the array would exceed 2^30 entries
     */
    public static double[] samples(long seed, RandomStreams.Purpose purpose, long first, int samples, int d, int keys) {
        Checks.notNull("purpose", purpose);
        if (first < 0) {
            throw Checks.fail("first", ">= 0", first);
        }
        Checks.nonNegative("samples", samples);
        Checks.positive("d", d);
        Checks.positive("keys", keys);
        long len = (long) samples * (keys + 1) * d;
        if (len > (1L << 30)) {
            throw Checks.fail("samples * (keys+1) * d", "<= " + (1L << 30), len);
        }
        int per = (keys + 1) * d;
        double[] out = new double[(int) len];
        for (int s = 0; s < samples; s++) {
            fill(RandomStreams.stream(seed, purpose, first + s), d, keys + 1, out, s * per);
        }
        return out;
    }
}
