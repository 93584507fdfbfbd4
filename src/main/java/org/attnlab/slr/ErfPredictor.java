package org.attnlab.slr;

import org.attnlab.internal.Checks;

/**
 * The simplified attention predictor of arXiv 2410.01537: T(X) = sum_l erf(lambda &lt;X_l, k&gt;) &lt;X_l, v&gt;,
 * with its gradients dT/dk = sum_l lambda erf'(lambda &lt;X_l,k&gt;) &lt;X_l,v&gt; X_l and
 * dT/dv = sum_l erf(lambda &lt;X_l,k&gt;) X_l. Token layout as in {@link SlrSampler}.
 */
public final class ErfPredictor {

    private ErfPredictor() {
    }

    /**
     * T(X) for the sequence stored at {@code offset}.
     *
     * @param tokens the sequences, token l coordinate i at offset + l d + i
     * @param offset first index, &gt;= 0, with offset + L d &lt;= tokens.length
     * @param tokenCount L &gt;= 1
     * @param k key vector, length d &gt;= 1
     * @param v value vector, length d
     * @param lambda erf scale, finite
     * @return T(X)
     * @throws IllegalArgumentException if tokens, k or v is null, or v's length differs from k's
     * @throws IllegalArgumentException if L &lt; 1, offset &lt; 0 or the sequence does not fit
     * @throws IllegalArgumentException if lambda is not finite
     */
    public static double value(double[] tokens, int offset, int tokenCount, double[] k, double[] v, double lambda) {
        check(tokens, offset, tokenCount, k, v, lambda);
        return valueUnchecked(tokens, offset, tokenCount, k, v, lambda);
    }

    static double valueUnchecked(double[] tokens, int offset, int tokenCount, double[] k, double[] v,
                                 double lambda) {
        int d = k.length;
        double t = 0.0;
        for (int l = 0; l < tokenCount; l++) {
            int base = offset + l * d;
            double a = 0.0;
            double b = 0.0;
            for (int i = 0; i < d; i++) {
                double x = tokens[base + i];
                a += x * k[i];
                b += x * v[i];
            }
            t += GaussianErf.erf(lambda * a) * b;
        }
        return t;
    }

    /**
     * Adds {@code weight * dT/dk} to gk and {@code weight * dT/dv} to gv, and returns T(X).
     *
     * @param tokens as in {@link #value}
     * @param offset as in {@link #value}
     * @param tokenCount as in {@link #value}
     * @param k as in {@link #value}
     * @param v as in {@link #value}
     * @param lambda as in {@link #value}
     * @param weight finite factor
     * @param gk accumulator of length d, modified
     * @param gv accumulator of length d, modified
     * @return T(X)
     * @throws IllegalArgumentException as {@link #value}, or if weight is not finite, or gk, gv are null or
     *     not of length d
     */
    public static double addGradient(double[] tokens, int offset, int tokenCount, double[] k, double[] v,
                                     double lambda, double weight, double[] gk, double[] gv) {
        check(tokens, offset, tokenCount, k, v, lambda);
        Checks.finite("weight", weight);
        Checks.length("gk", gk, k.length);
        Checks.length("gv", gv, k.length);
        return addGradientUnchecked(tokens, offset, tokenCount, k, v, lambda, weight, gk, gv);
    }

    static double addGradientUnchecked(double[] tokens, int offset, int tokenCount, double[] k, double[] v,
                                       double lambda, double weight, double[] gk, double[] gv) {
        int d = k.length;
        double t = 0.0;
        for (int l = 0; l < tokenCount; l++) {
            int base = offset + l * d;
            double a = 0.0;
            double b = 0.0;
            for (int i = 0; i < d; i++) {
                double x = tokens[base + i];
                a += x * k[i];
                b += x * v[i];
            }
            double f = GaussianErf.erf(lambda * a);
            t += f * b;
            double ck = weight * lambda * GaussianErf.erfPrime(lambda * a) * b;
            double cv = weight * f;
            for (int i = 0; i < d; i++) {
                double x = tokens[base + i];
                gk[i] += ck * x;
                gv[i] += cv * x;
            }
        }
        return t;
    }

    private static void check(double[] tokens, int offset, int tokenCount, double[] k, double[] v, double lambda) {
        Checks.notNull("tokens", tokens);
        Checks.notNull("k", k);
        if (k.length < 1) {
            throw Checks.fail("k.length", ">= 1", k.length);
        }
        Checks.length("v", v, k.length);
        Checks.positive("L", tokenCount);
        Checks.nonNegative("offset", offset);
        Checks.finite("lambda", lambda);
        long end = (long) offset + (long) tokenCount * k.length;
        if (end > tokens.length) {
            throw Checks.fail("offset + L d", "<= tokens.length = " + tokens.length, end);
        }
    }
}
