package org.attnlab.internal;

import java.util.Locale;

/**
 * Argument validation shared by every public API of attnlab.
 *
 * <p>One message style everywhere: {@code "<name> must be <rule>, got <value>"}, built with
 * {@link Locale#ROOT}. Every check is NaN-safe: it is phrased so that NaN fails it (for example
 * {@code !(x > 0)} rather than {@code x <= 0}). Every failure is an {@link IllegalArgumentException}.
 */
public final class Checks {

    private Checks() {
    }

    /** Builds the project's message: {@code "<name> must be <rule>, got <value>"}. */
    public static String message(String name, String rule, Object value) {
        return String.format(Locale.ROOT, "%s must be %s, got %s", name, rule, render(value));
    }

    private static String render(Object value) {
        if (value instanceof Double d) {
            return Double.toString(d);
        }
        return String.valueOf(value);
    }

    /** Fails with the project's message. */
    public static IllegalArgumentException fail(String name, String rule, Object value) {
        return new IllegalArgumentException(message(name, rule, value));
    }

    /** Requires {@code value > 0}. */
    public static int positive(String name, int value) {
        if (value <= 0) {
            throw fail(name, "> 0", value);
        }
        return value;
    }

    /** Requires {@code value >= 0}. */
    public static int nonNegative(String name, int value) {
        if (value < 0) {
            throw fail(name, ">= 0", value);
        }
        return value;
    }

    /** Requires {@code value >= min}. */
    public static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw fail(name, ">= " + min, value);
        }
        return value;
    }

    /** Requires {@code min <= value <= max}. */
    public static int inRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw fail(name, "in [" + min + ", " + max + "]", value);
        }
        return value;
    }

    /** Requires a finite {@code value > 0} (NaN and infinities fail). */
    public static double positive(String name, double value) {
        if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
            throw fail(name, "finite and > 0", value);
        }
        return value;
    }

    /** Requires a finite {@code value >= 0} (NaN and infinities fail). */
    public static double nonNegative(String name, double value) {
        if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
            throw fail(name, "finite and >= 0", value);
        }
        return value;
    }

    /** Requires a finite value (not NaN, not infinite). */
    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw fail(name, "finite", value);
        }
        return value;
    }

    /** Requires a finite value in the closed interval [min, max]. */
    public static double inRange(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw fail(name, "in [" + min + ", " + max + "]", value);
        }
        return value;
    }

    /** Requires every entry finite; names the first offending index. */
    public static double[] allFinite(String name, double[] values) {
        notNull(name, values);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw fail(name + "[" + i + "]", "finite", values[i]);
            }
        }
        return values;
    }

    /** Requires {@code values.length == length}. */
    public static double[] length(String name, double[] values, int length) {
        notNull(name, values);
        if (values.length != length) {
            throw fail(name + ".length", "= " + length, values.length);
        }
        return values;
    }

    /** Requires a non-null reference. */
    public static <T> T notNull(String name, T value) {
        if (value == null) {
            throw fail(name, "non-null", "null");
        }
        return value;
    }
}
