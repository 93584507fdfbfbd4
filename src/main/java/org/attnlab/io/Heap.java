package org.attnlab.io;

import java.util.Locale;

/**
 * The memory a run may use: the JVM's maximum heap ({@link Runtime#maxMemory()}, set by {@code -Xmx}; the
 * {@code ./attnlab} launcher passes {@code ATTNLAB_JAVA_OPTS}, default {@code -Xmx4g}). Commands estimate the
 * bytes a run needs from its options and refuse up front, instead of failing with OutOfMemoryError after
 * minutes of work.
 */
public final class Heap {

    private static final double GIB = 1024.0 * 1024.0 * 1024.0;

    private Heap() {
    }

    /** The JVM's maximum heap in bytes. */
    public static long max() {
        return Runtime.getRuntime().maxMemory();
    }

    /** The heap still available: the maximum minus what is in use now. */
    public static long available() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /**
     * Requires {@code bytes} to fit in the available heap.
     *
     * @param what what needs the memory, naming the options or file, e.g. {@code "--samples 20000000 (M N (d + 1) doubles)"}
     * @throws IllegalArgumentException "WHAT needs about X GiB, the JVM has Y GiB (set ATTNLAB_JAVA_OPTS=-Xmx...)"
     */
    public static void require(String what, double bytes) {
        if (!(bytes <= available())) {
            throw new IllegalArgumentException(what + " " + needs(bytes));
        }
    }

    /** {@code "needs about X GiB, the JVM has Y GiB (set ATTNLAB_JAVA_OPTS=-XmxZg)"}. */
    public static String needs(double bytes) {
        double max = max();
        long suggest = (long) Math.ceil((bytes + (max - available())) * 1.25 / GIB);
        String hint = suggest > 1L << 20 ? "more than any machine has: use smaller sizes"
                : "set ATTNLAB_JAVA_OPTS=-Xmx" + Math.max(1, suggest) + "g";
        return String.format(Locale.ROOT, "needs about %s GiB, the JVM has %.1f GiB (%s)", gib(bytes), max / GIB,
                hint);
    }

    /** The message for an OutOfMemoryError that escaped the estimates. */
    public static String outOfMemory() {
        return String.format(Locale.ROOT, "out of memory: the JVM has %.1f GiB (set ATTNLAB_JAVA_OPTS=-Xmx... "
                + "to a larger value, or use smaller sizes)", max() / GIB);
    }

    private static String gib(double bytes) {
        double g = bytes / GIB;
        return g >= 1e6 ? String.format(Locale.ROOT, "%.3g", g) : String.format(Locale.ROOT, "%.1f", g);
    }
}
