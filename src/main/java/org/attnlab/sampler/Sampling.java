package org.attnlab.sampler;

import org.attnlab.internal.Checks;
import org.attnlab.internal.RandomStreams;

/** Shared argument checks and moment formulas of the token laws (package-private helpers). */
final class Sampling {

    private Sampling() {
    }

    static void checkSampleArguments(RandomStreams.Stream stream, int n, int d, double[] out, int offset) {
        Checks.notNull("stream", stream);
        Checks.positive("n", n);
        Checks.notNull("out", out);
        Checks.nonNegative("offset", offset);
        long end = (long) offset + (long) n * d;
        if (end > out.length) {
            throw Checks.fail("out.length", ">= offset + n d = " + end, out.length);
        }
    }

    /** Requires A to be a finite d x d matrix. */
    static void checkMatrix(double[] a, int d) {
        Checks.length("a", a, d * d);
        Checks.allFinite("a", a);
    }

    /** diag(v) scaled by factor, d x d row-major. */
    static double[] scaledDiagonal(double[] v, double factor) {
        int d = v.length;
        double[] m = new double[d * d];
        for (int k = 0; k < d; k++) {
            m[k * d + k] = factor * v[k];
        }
        return m;
    }

    /** sum_{k,l} A_kl^2 v_k v_l = tr(A Sigma A^T Sigma) for Sigma = diag(v). */
    static double independentScoreVariance(double[] a, double[] v) {
        int d = v.length;
        checkMatrix(a, d);
        double s = 0.0;
        for (int k = 0; k < d; k++) {
            for (int l = 0; l < d; l++) {
                double x = a[k * d + l];
                s += x * x * v[k] * v[l];
            }
        }
        return s;
    }
}
