package org.attnlab.basis;

/**
 * Naive B-spline oracle for tests: the span by a linear scan and the Cox-de Boor recursion written literally
 * (exponential cost, fine for degree &lt;= 4). Independent of {@code BSplineKernel}: no triangular scheme, no
 * bisection. Conventions as in spec/basis.md: N_{i,0}(x) = 1 iff i is the span of x; every term whose
 * denominator is 0 is 0.
 */
final class CoxDeBoorOracle {

    private CoxDeBoorOracle() {
    }

    /** The span of x by linear scan (x = t_n: the last non-empty span). */
    static int span(double[] t, int p, double x) {
        int n = t.length - p - 1;
        if (x < t[n]) {
            for (int mu = p; mu < n; mu++) {
                if (t[mu] <= x && x < t[mu + 1]) {
                    return mu;
                }
            }
            throw new IllegalArgumentException("x outside the domain: " + x);
        }
        int mu = n - 1;
        while (!(t[mu] < t[mu + 1])) {
            mu--;
        }
        return mu;
    }

    /** N_{i,k}(x) by the recursion. */
    static double basis(double[] t, int i, int k, double x, int mu) {
        if (k == 0) {
            return i == mu ? 1.0 : 0.0;
        }
        double out = 0.0;
        double d1 = t[i + k] - t[i];
        if (d1 != 0.0) {
            out += (x - t[i]) / d1 * basis(t, i, k - 1, x, mu);
        }
        double d2 = t[i + k + 1] - t[i + 1];
        if (d2 != 0.0) {
            out += (t[i + k + 1] - x) / d2 * basis(t, i + 1, k - 1, x, mu);
        }
        return out;
    }

    /** N'_{i,p}(x) = p N_{i,p-1}/(t_{i+p} - t_i) - p N_{i+1,p-1}/(t_{i+p+1} - t_{i+1}). */
    static double derivative(double[] t, int i, int p, double x, int mu) {
        if (p == 0) {
            return 0.0;
        }
        double out = 0.0;
        double d1 = t[i + p] - t[i];
        if (d1 != 0.0) {
            out += p * basis(t, i, p - 1, x, mu) / d1;
        }
        double d2 = t[i + p + 1] - t[i + 1];
        if (d2 != 0.0) {
            out -= p * basis(t, i + 1, p - 1, x, mu) / d2;
        }
        return out;
    }
}
