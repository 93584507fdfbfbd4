package org.attnlab.report;

import java.io.PrintStream;
import java.util.Locale;
import org.attnlab.audit.AuditOptions;
import org.attnlab.internal.Checks;

/**
 * A progress bar with ETA on standard error, implementing {@link AuditOptions.Progress}.
 *
 * <p>On an interactive terminal it redraws one line ({@code \r}) at most every 200 ms:
 * {@code task [=======>      ] 45/120  37%  ETA 1m23s}. When standard error is not a terminal, or the
 * environment variable {@code CI} is set, it prints one plain line each time another 5% of the units is done,
 * so logs stay short. The ETA is the remaining units times the mean time per unit computed in this run
 * (units restored from a checkpoint do not count). Not thread-safe: call it from one thread (the
 * {@link ParallelRunner} does).
 */
public final class ConsoleProgress implements AuditOptions.Progress {

    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int QUIET_PERCENT_STEP = 5;
    private static final int BAR_WIDTH = 30;

    private final PrintStream out;
    private final boolean interactive;
    private String task = "";
    private long total;
    private long done;
    private long restored;
    private long startNanos;
    private long lastDraw;
    private int lastPercent;

    private ConsoleProgress(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    /** A bar on {@code System.err}: interactive iff a console is attached and {@code CI} is not set. */
    public static ConsoleProgress stderr() {
        boolean tty = System.console() != null && System.getenv("CI") == null;
        return new ConsoleProgress(System.err, tty);
    }

    /** A bar on {@code out}, interactive (redrawn) or quiet (a line per 5%). */
    public static ConsoleProgress to(PrintStream out, boolean interactive) {
        return new ConsoleProgress(Checks.notNull("out", out), interactive);
    }

    @Override
    public void start(String task, long total, long alreadyDone) {
        this.task = task;
        this.total = total;
        this.done = alreadyDone;
        this.restored = alreadyDone;
        this.startNanos = System.nanoTime();
        this.lastDraw = 0;
        this.lastPercent = percent() / QUIET_PERCENT_STEP * QUIET_PERCENT_STEP;
        if (alreadyDone > 0) {
            out.printf(Locale.ROOT, "%s: resuming, %d of %d units restored from checkpoint%n", task, alreadyDone,
                    total);
        }
        if (interactive) {
            draw();
        } else {
            out.printf(Locale.ROOT, "%s: %d units%n", task, total);
        }
        out.flush();
    }

    @Override
    public void step() {
        done++;
        long now = System.nanoTime();
        if (interactive) {
            if (now - lastDraw >= REDRAW_NANOS || done == total) {
                lastDraw = now;
                draw();
            }
        } else {
            int p = percent();
            if (p >= lastPercent + QUIET_PERCENT_STEP || done == total) {
                lastPercent = p / QUIET_PERCENT_STEP * QUIET_PERCENT_STEP;
                out.println(line());
                out.flush();
            }
        }
    }

    @Override
    public void finish() {
        if (interactive) {
            draw();
            out.println();
        }
        out.printf(Locale.ROOT, "%s: done %d/%d in %s%n", task, done, total,
                duration((System.nanoTime() - startNanos) / 1e9));
        out.flush();
    }

    private int percent() {
        return total == 0 ? 100 : (int) (100 * done / total);
    }

    private void draw() {
        out.print("\r" + line());
        out.flush();
    }

    /** The status line (without line end). */
    String line() {
        int filled = total == 0 ? BAR_WIDTH : (int) (BAR_WIDTH * done / total);
        StringBuilder bar = new StringBuilder("[");
        for (int i = 0; i < BAR_WIDTH; i++) {
            bar.append(i < filled ? '=' : i == filled ? '>' : ' ');
        }
        bar.append(']');
        return String.format(Locale.ROOT, "%s %s %d/%d %3d%%  ETA %s", task, bar, done, total, percent(), eta());
    }

    private String eta() {
        long computed = done - restored;
        if (computed <= 0) {
            return "?";
        }
        double perUnit = (System.nanoTime() - startNanos) / 1e9 / computed;
        return duration(perUnit * (total - done));
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
        }
        return (s / 3600) + "h" + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + "m";
    }
}
