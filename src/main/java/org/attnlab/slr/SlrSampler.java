package org.attnlab.slr;

import org.attnlab.internal.Checks;
import org.attnlab.internal.RandomStreams;

/**
 * Draws sequences of single-location regression (arXiv 2410.01537, Section 2).
 *
 * <p>Layout: token l, coordinate i of a sequence stored at {@code offset} is {@code tokens[offset + l*d + i]}.
 * Draws consumed from the stream per sequence, in this order (so a port can reproduce them):
 * one {@code nextInt(L)} for the latent position J; then for l = 0..L-1 and i = 0..d-1 one normal z, the
 * token being X_l[i] = z for l != J and X_J[i] = sqrt(d/2) k*[i] + gamma z; finally one normal z' with
 * xi = eps z' (drawn even when eps = 0). Output y = &lt;X_J, v*&gt; + xi. Normals come from
 * {@link ZigguratNormal} on the stream (SGD draws 4000 of them a step).
 */
public final class SlrSampler {

    private SlrSampler() {
    }

    /**
     * Draws one sequence into {@code tokens} and returns its output.
     *
     * @param problem (d, L, gamma, eps)
     * @param truth k*, v* of length d
     * @param stream the random stream
     * @param tokens receives L d values from {@code offset}; other entries are not touched
     * @param offset first index written, &gt;= 0, with offset + L d &lt;= tokens.length
     * @param position if not null and of length &gt;= 1, receives J at index 0
     * @return y
     * @throws IllegalArgumentException if problem, truth, stream or tokens is null
     * @throws IllegalArgumentException if truth's dimension is not d
     * @throws IllegalArgumentException if offset is negative or the sequence does not fit in tokens
     */
    /*@ public normal_behavior
      @   requires problem != null && truth != null && stream != null && tokens != null;
      @   requires truth.dimension() == problem.dimension();
      @   requires offset >= 0 && offset + problem.tokens() * problem.dimension() <= tokens.length;
      @   assignable tokens[offset .. offset + problem.tokens() * problem.dimension() - 1], position[0];
      @   ensures Double.isFinite(\result);
      @   ensures position != null && position.length >= 1 ==> 0 <= position[0] && position[0] < problem.tokens();
      @ also public exceptional_behavior
      @   requires problem == null || truth == null || stream == null || tokens == null
      @            || truth.dimension() != problem.dimension() || offset < 0
      @            || offset + problem.tokens() * problem.dimension() > tokens.length;
      @   assignable \nothing;
      @   signals_only IllegalArgumentException;
      @*/
    public static double sample(SlrProblem problem, SlrTruth truth, RandomStreams.Stream stream, double[] tokens,
                                int offset, int[] position) {
        Checks.notNull("problem", problem);
        Checks.notNull("truth", truth);
        Checks.notNull("stream", stream);
        Checks.notNull("tokens", tokens);
        int d = problem.dimension();
        if (truth.dimension() != d) {
            throw Checks.fail("truth.dimension()", "= d = " + d, truth.dimension());
        }
        Checks.nonNegative("offset", offset);
        long end = (long) offset + (long) problem.tokens() * d;
        if (end > tokens.length) {
            throw Checks.fail("offset + L d", "<= tokens.length = " + tokens.length, end);
        }
        return sampleUnchecked(problem, truth, stream, tokens, offset,
                position != null && position.length >= 1 ? position : null);
    }

    /** As {@link #sample} without validation (inner loops). */
    static double sampleUnchecked(SlrProblem problem, SlrTruth truth, RandomStreams.Stream stream,
                                  double[] tokens, int offset, int[] position) {
        int d = problem.dimension();
        int tokenCount = problem.tokens();
        double gamma = problem.gamma();
        double c = problem.signalScale();
        double[] ks = truth.kStar();
        double[] vs = truth.vStar();
        int j = stream.nextInt(tokenCount);
        if (position != null) {
            position[0] = j;
        }
        double y = 0.0;
        for (int l = 0; l < tokenCount; l++) {
            int base = offset + l * d;
            if (l == j) {
                for (int i = 0; i < d; i++) {
                    double x = c * ks[i] + gamma * ZigguratNormal.nextUnchecked(stream);
                    tokens[base + i] = x;
                    y += x * vs[i];
                }
            } else {
                for (int i = 0; i < d; i++) {
                    tokens[base + i] = ZigguratNormal.nextUnchecked(stream);
                }
            }
        }
        return y + problem.noise() * ZigguratNormal.nextUnchecked(stream);
    }
}
