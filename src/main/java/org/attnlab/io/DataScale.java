package org.attnlab.io;

import java.util.Locale;
import org.attnlab.sampler.Dataset;

/**
 * The documented magnitude bounds on a data set's tokens and outputs ({@code spec/data-format.md}, "Bounds").
 * Each value v must satisfy
 * <ul>
 *   <li>{@code |v| <= }{@value #ABSOLUTE_MAX}: then v^2 and the sums of up to 10^100 squares the estimator forms
 *       are finite doubles;</li>
 *   <li>{@code |v| < 2^}{@value #RELATIVE_EXPONENT}{@code  * 2^(e + 1)} where e is the median binary exponent
 *       ({@link Math#getExponent}) of the non-zero |values| of the same kind (tokens, or outputs): a value about
 *       a million times the data's own typical magnitude is a typo or an overflow, and one such value alone
 *       collapses the fit (the solver rescales to the largest score).</li>
 * </ul>
 * The median exponent is found with a histogram, so the check is one pass without sorting.
 */
public final class DataScale {

    /** The largest admitted |token coordinate| and |output|. */
    public static final double ABSOLUTE_MAX = 1e100;
    /** log2 of the admitted ratio of a value to the median magnitude of its kind. */
    public static final int RELATIVE_EXPONENT = 20;

    private DataScale() {
    }

    /**
     * Checks the tokens and outputs of {@code data}; {@code where} names the file in the message.
     *
     * @throws IllegalArgumentException naming the file, the line ({@code 2 + row} of the CSV), the column,
     *     the rule and the value
     */
    public static void check(String where, Dataset data) {
        int d = data.dimension();
        int n = data.tokensPerSample();
        double[] x = data.tokens();
        double[] y = data.outputs();
        int ex = medianExponent(x);
        int ey = medianExponent(y);
        for (int t = 0; t < y.length; t++) {
            check(where, t, n, "y", 3, y[t], ey);
        }
        for (int k = 0; k < x.length; k++) {
            check(where, k / d, n, "x" + (k % d + 1), 4 + k % d, x[k], ex);
        }
    }

    private static void check(String where, int row, int n, String name, int column, double v, int median) {
        double a = Math.abs(v);
        String rule = null;
        if (!(a <= ABSOLUTE_MAX)) {
            rule = "|" + name + "| <= 1e100 (its square must stay finite)";
        } else if (a != 0 && median != Integer.MIN_VALUE && Math.getExponent(a) > median + RELATIVE_EXPONENT) {
            rule = String.format(Locale.ROOT, "|%s| < 2^20 times the median magnitude of the %s (about %.3g)",
                    name, name.equals("y") ? "outputs" : "token coordinates", Math.scalb(1.0, median));
        }
        if (rule != null) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: line %d, column %d (sample %d, token %d): %s must be %s, got %s", where, row + 2L, column,
                    row / n, row % n, name, rule, Double.toString(v)));
        }
    }

    /** The median of Math.getExponent(|v|) over the non-zero finite values, or Integer.MIN_VALUE if none. */
    static int medianExponent(double[] values) {
        int[] counts = new int[Double.MAX_EXPONENT - Double.MIN_EXPONENT + 2];
        long total = 0;
        for (double v : values) {
            double a = Math.abs(v);
            if (a != 0 && a <= Double.MAX_VALUE) {
                counts[Math.getExponent(a) - Double.MIN_EXPONENT + 1]++;
                total++;
            }
        }
        if (total == 0) {
            return Integer.MIN_VALUE;
        }
        long half = (total + 1) / 2;
        long seen = 0;
        for (int k = 0; k < counts.length; k++) {
            seen += counts[k];
            if (seen >= half) {
                return k + Double.MIN_EXPONENT - 1;
            }
        }
        throw new AssertionError();
    }
}
