package org.attnlab.rfa;

import org.attnlab.internal.Checks;

/**
 * Target functions of one sample (arXiv 2307.11353 studies targets (1/N) sum_i F(x_0, x_i)).
 * With the standardized score u_i = sqrt(d) &lt;x_0, x_i&gt; (variance 1 for tokens uniform on S^{d-1}):
 * <ul>
 *   <li>{@link #LINEAR}: (1/N) sum_i u_i;</li>
 *   <li>{@link #QUADRATIC}: (1/N) sum_i u_i^2;</li>
 *   <li>{@link #CUBIC}: (1/N) sum_i u_i^3;</li>
 *   <li>{@link #COSINE}: (1/N) sum_i cos(2 u_i) (frequency 2 so that the quadratic Taylor term does not
 *       dominate) [ours];</li>
 *   <li>{@link #FIRST_KEY}: u_1 alone, NOT invariant to permuting the keys (the control) [ours].</li>
 * </ul>
 */
public enum Target {
    LINEAR("linear", 1, true),
    QUADRATIC("quadratic", 2, true),
    CUBIC("cubic", 3, true),
    COSINE("cosine", Integer.MAX_VALUE, true),
    FIRST_KEY("first-key", 1, false);

    private final String label;
    private final int degree;
    private final boolean invariant;

    Target(String label, int degree, boolean invariant) {
        this.label = label;
        this.degree = degree;
        this.invariant = invariant;
    }

    /** Short name used in files. */
    public String label() {
        return label;
    }

    /** Polynomial degree in the scores u_i ({@code Integer.MAX_VALUE} for the cosine). */
    public int degree() {
        return degree;
    }

    /** Whether the target is invariant to permutations of the keys. */
    public boolean permutationInvariant() {
        return invariant;
    }

    /**
     * The target's value on the sample at {@code tokens[offset ..]} (layout of {@link FeatureMap}).
     *
     * @param tokens x_0..x_N, read only
     * @param offset start of x_0
     * @param d dimension, &gt;= 1
     * @param keys N, &gt;= 1
     * @return the value
     * @throws IllegalArgumentException if tokens is null, d or keys &lt; 1, or the sample is outside tokens
     */
    public double value(double[] tokens, int offset, int d, int keys) {
        Checks.notNull("tokens", tokens);
        Checks.positive("d", d);
        Checks.positive("keys", keys);
        if (offset < 0 || (long) offset + (long) (keys + 1) * d > tokens.length) {
            throw Checks.fail("offset", "in [0, tokens.length - (keys+1)*d]", offset);
        }
        double scale = Math.sqrt(d);
        int last = this == FIRST_KEY ? 1 : keys;
        double sum = 0.0;
        for (int i = 1; i <= last; i++) {
            double dot = 0.0;
            for (int k = 0; k < d; k++) {
                dot += tokens[offset + k] * tokens[offset + i * d + k];
            }
            double u = scale * dot;
            sum += switch (this) {
                case LINEAR, FIRST_KEY -> u;
                case QUADRATIC -> u * u;
                case CUBIC -> u * u * u;
                case COSINE -> Math.cos(2.0 * u);
            };
        }
        return sum / last;
    }

    /**
     * Values of several targets on consecutive samples: {@code out[s*T + t] = targets[t].value(sample s)}.
     *
     * @param targets the T targets
     * @param tokens samples, sample s at {@code [s*(N+1)*d]}
     * @param samples number of samples
     * @param d dimension
     * @param keys N
     * @return the n x T values, row-major
     * @throws IllegalArgumentException as {@link #value}, or if targets is empty or tokens too short
     */
    public static double[] values(Target[] targets, double[] tokens, int samples, int d, int keys) {
        Checks.notNull("targets", targets);
        Checks.positive("targets.length", targets.length);
        Checks.nonNegative("samples", samples);
        int per = (keys + 1) * d;
        double[] out = new double[samples * targets.length];
        for (int s = 0; s < samples; s++) {
            for (int t = 0; t < targets.length; t++) {
                out[s * targets.length + t] = targets[t].value(tokens, s * per, d, keys);
            }
        }
        return out;
    }
}
