package org.attnlab.sampler;

import org.attnlab.internal.Checks;

/**
 * The noiseless forward map of model A (arXiv 2510.11789, its model equation; see PAPERS.md A) on one sample, on primitive arrays:
 * <pre>
 *   f_i = 1/(N-1) sum_{j != i} phi(X_i^T A X_j),   i = 0..N-1.
 * </pre>
 * Arithmetic order (reproduced by ports): first b_j = A X_j for every j, (b_j)_k = sum_l A_kl x_{jl} summed
 * over l = 0..d-1 in order; then s_ij = sum_k x_{ik} (b_j)_k over k in order; then the sum over j = 0..N-1,
 * j != i, in order, divided (not multiplied by the reciprocal) by N - 1.
 */
public final /*@ code_java_math spec_java_math nullable_by_default @*/ class ForwardMap {

    private ForwardMap() {
    }

    /*@ public normal_behavior
      @   requires tokens != null && a != null && phi != null && scratch != null && out != null;
      @   requires n >= 2 && d >= 1 && offset >= 0 && outOffset >= 0;
      @   requires offset + n * d <= tokens.length && a.length == d * d && scratch.length >= n * d;
      @   requires outOffset + n <= out.length && scratch != tokens && scratch != out;
      @   assignable scratch[0 .. n * d - 1], out[outOffset .. outOffset + n - 1];
      @ also public exceptional_behavior
      @   requires tokens == null || a == null || phi == null || scratch == null || out == null
      @       || n < 2 || d < 1 || offset < 0 || outOffset < 0 || offset + n * d > tokens.length
      @       || a.length != d * d || scratch.length < n * d || outOffset + n > out.length
      @       || scratch == tokens || scratch == out;
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    /**
     * Computes f_i for the sample stored at {@code tokens[offset + i d + k]}.
     *
     * @param tokens tokens of the sample, layout [offset + i d + k]; not modified
     * @param offset index of X_0's first coordinate, &gt;= 0
     * @param n N &gt;= 2
     * @param d d &gt;= 1
     * @param a A, d x d row-major, length d^2; not modified
     * @param phi the activation
     * @param scratch workspace of length &gt;= N d; overwritten
     * @param out f_i written to out[outOffset + i], i = 0..N-1; nothing else written
     * @param outOffset &gt;= 0
     * @throws IllegalArgumentException if a size is out of range, an array is null or too short, or
     *     scratch aliases tokens or out
     */
    public static void apply(double[] tokens, int offset, int n, int d, double[] a, Activation phi,
            double[] scratch, double[] out, int outOffset) {
        check(tokens, offset, n, d, a, phi, scratch, out, outOffset);
        applyUnchecked(tokens, offset, n, d, a, phi, scratch, out, outOffset);
    }

    static void check(double[] tokens, int offset, int n, int d, double[] a, Activation phi,
            double[] scratch, double[] out, int outOffset) {
        Sampling.nonNull("tokens", tokens);
        Checks.nonNegative("offset", offset);
        Checks.atLeast("N", n, 2);
        Checks.positive("d", d);
        Sampling.length("a", a, d * d);
        Sampling.nonNull("phi", phi);
        Sampling.nonNull("scratch", scratch);
        Sampling.nonNull("out", out);
        Checks.nonNegative("outOffset", outOffset);
        long need = (long) offset + (long) n * d;
        if (need > tokens.length) {
            throw Checks.fail("tokens.length", ">= offset + N d = " + need, tokens.length);
        }
        if (scratch.length < (long) n * d) {
            throw Checks.fail("scratch.length", ">= N d = " + (long) n * d, scratch.length);
        }
        if ((long) outOffset + n > out.length) {
            throw Checks.fail("out.length", ">= outOffset + N = " + ((long) outOffset + n), out.length);
        }
        if (scratch == tokens || scratch == out) {
            throw Checks.fail("scratch", "a separate array", "an alias of tokens or out");
        }
    }

    static void applyUnchecked(double[] tokens, int offset, int n, int d, double[] a, Activation phi,
            double[] scratch, double[] out, int outOffset) {
        for (int j = 0; j < n; j++) {
            int xj = offset + j * d;
            for (int k = 0; k < d; k++) {
                double s = 0.0;
                for (int l = 0; l < d; l++) {
                    s += a[k * d + l] * tokens[xj + l];
                }
                scratch[j * d + k] = s;
            }
        }
        double denominator = n - 1;
        for (int i = 0; i < n; i++) {
            int xi = offset + i * d;
            double sum = 0.0;
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double score = 0.0;
                for (int k = 0; k < d; k++) {
                    score += tokens[xi + k] * scratch[j * d + k];
                }
                sum += phi.value(score);
            }
            out[outOffset + i] = sum / denominator;
        }
    }
}
