package org.attnlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.attnlab.internal.Checks;
import org.attnlab.io.DataScale;
import org.attnlab.io.DatasetCsv;
import org.attnlab.io.Heap;
import org.attnlab.io.InputFiles;
import org.attnlab.sampler.Dataset;
import org.attnlab.sampler.GroundTruth;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * The domains of the command-line options, checked once, before any work starts, alike in every command
 * (README "Exit codes and bad input"; {@code spec/data-format.md} "Bounds"). Every failure is an
 * {@link IllegalArgumentException} naming the option, the rule and the value (exit code 2).
 */
final class InputDomain {

    /** The largest spline degree any command accepts (the cap of {@code AlternatingLeastSquares.withDegree}). */
    static final int MAX_DEGREE = 20;
    /** The largest spline half-width R: R^2 and the squared scores stay finite. */
    static final double MAX_RADIUS = 1e100;
    /** The largest basis size K + p: the (K + p)^2 Gram matrix must be one Java array. */
    static final int MAX_BASIS = 46340;
    /** The most worker threads any command accepts. */
    static final int MAX_THREADS = 1024;
    /** The largest magnitude accepted for a scale option (noise, eigenvalues, singular values, ranges). */
    static final double MAX_SCALE = 1e100;

    private InputDomain() {
    }

    /** A spline degree p in [0, {@value #MAX_DEGREE}]. */
    static int degree(String option, int p) {
        return Checks.inRange(option, p, 0, MAX_DEGREE);
    }

    /** A half-width R, finite, in (0, 1e100]. */
    static double radius(String option, double r) {
        if (!(r > 0 && r <= MAX_RADIUS)) {
            throw Checks.fail(option, "in (0, 1e100]", r);
        }
        return r;
    }

    /** A scale (standard deviation, eigenvalue, singular value) in [0, 1e100] or (0, 1e100]. */
    static double scale(String option, double v, boolean zeroAllowed) {
        if (!((zeroAllowed ? v >= 0 : v > 0) && v <= MAX_SCALE)) {
            throw Checks.fail(option, zeroAllowed ? "in [0, 1e100]" : "in (0, 1e100]", v);
        }
        return v;
    }

    /** Worker threads in [1, {@value #MAX_THREADS}]. */
    static int threads(String option, int t) {
        return Checks.inRange(option, t, 1, MAX_THREADS);
    }

    /**
     * The spline basis of K pieces of degree p on data of M samples of N tokens: K + p coefficients, at most
     * the number M N (N - 1) of training scores (more would leave the least-squares problem underdetermined)
     * and at most {@value #MAX_BASIS}.
     *
     * @param what the option(s) that fixed K, e.g. {@code "--pieces"}
     */
    static void basis(String what, long pieces, int degree, Dataset data) {
        long scores = (long) data.samples() * data.tokensPerSample() * (data.tokensPerSample() - 1);
        long size = pieces + degree;
        long limit = Math.min(scores, MAX_BASIS);
        if (size > limit) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: K + p must be <= %d (%s), got K = %d, p = %d", what, limit,
                    scores <= MAX_BASIS ? "the number of training scores M N (N-1) = " + scores
                            : "the largest Gram matrix one array holds",
                    pieces, degree));
        }
    }

    /**
     * Reads a data set given by {@code option}: the file must exist and be readable, its content valid, and its
     * values within the bounds of {@link DataScale}.
     */
    static Dataset readData(String option, Path file) {
        Dataset set = InputFiles.read(option, file, DatasetCsv::read);
        DataScale.check(file.toString(), set);
        return set;
    }

    /** The truth file and the data file describe the same model: N and d agree. */
    static void truthMatchesData(Path truthFile, GroundTruth truth, Path dataFile, Dataset data) {
        if (truth.dimension() != data.dimension()) {
            throw new IllegalArgumentException(truthFile + ": field dimension must equal the data's d = "
                    + data.dimension() + " (" + dataFile + "), got " + truth.dimension());
        }
        if (truth.tokensPerSample() != data.tokensPerSample()) {
            throw new IllegalArgumentException(truthFile + ": field tokensPerSample must equal the data's N = "
                    + data.tokensPerSample() + " (" + dataFile + "), got " + truth.tokensPerSample());
        }
    }

    /**
     * Refuses options given on the command line that the chosen configuration would ignore.
     *
     * @param applies whether the options apply
     * @param why when they apply, e.g. {@code "only with --law exchangeable"}
     */
    static void onlyWhen(CommandSpec spec, boolean applies, String why, String... options) {
        if (applies) {
            return;
        }
        ParseResult pr = spec.commandLine().getParseResult();
        List<String> given = new ArrayList<>();
        for (String o : options) {
            if (pr != null && pr.hasMatchedOption(o)) {
                given.add(o);
            }
        }
        if (!given.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", given) + " applies " + why
                    + " (it would be ignored); remove it");
        }
    }

    /** An output path: non-empty. */
    static Path output(String option, Path out) {
        if (out == null || out.toString().isEmpty()) {
            throw Checks.fail(option, "a non-empty path", "''");
        }
        return out;
    }

    /** An output directory: non-empty and not an existing regular file. */
    static Path outputDirectory(String option, Path out) {
        output(option, out);
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException(option + " " + out + ": is a file, not a directory");
        }
        return out;
    }

    /** An output file: non-empty, not a directory, and not the same file as an input. */
    static Path outputFile(String option, Path out, String inputOption, Path input) {
        output(option, out);
        if (Files.isDirectory(out)) {
            throw new IllegalArgumentException(option + " " + out + ": is a directory, not a file");
        }
        if (input != null && sameFile(out, input)) {
            throw new IllegalArgumentException(option + " " + out + " must not be the input file "
                    + inputOption + " " + input + " (it would be overwritten)");
        }
        writable(option, out);
        return out;
    }

    /**
     * Fails at once, before any work, when the nearest existing ancestor of {@code out} is not a writable
     * directory, by its permissions or by a probe file created and deleted there (exit code 1: the
     * environment, not the input).
     */
    static void writable(String option, Path out) {
        Path p = out.toAbsolutePath().getParent();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return;
        }
        if (!Files.isDirectory(p)) {
            throw new java.io.UncheckedIOException(option + " " + out + ": cannot be written, " + p
                    + " is not a directory", new java.io.IOException(p + " is not a directory"));
        }
        if (!Files.isWritable(p)) {
            throw new java.io.UncheckedIOException(option + " " + out + ": cannot be written, " + p
                    + ": permission denied", new java.nio.file.AccessDeniedException(p.toString()));
        }
        // The permission bits do not tell everything (root passes them; /proc or a read-only mount refuse
        // files anyway): create and delete an empty probe file, so the failure comes before the work.
        try {
            Files.delete(Files.createTempFile(p, ".attnlab-probe-", ".tmp"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(option + " " + out + ": cannot be written, creating a file in "
                    + p + " failed (" + org.attnlab.io.IoMessages.reason(e) + ")", e);
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (java.io.IOException e) {
            // fall through to the textual comparison
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /** A computed number that must be finite before anything is written. */
    static double finiteResult(String what, double value, String cause) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " is " + value + ": " + cause
                    + "; nothing was written");
        }
        return value;
    }

    /** A computed array that must be finite before anything is written. */
    static void finiteResult(String what, double[] values, String cause) {
        for (int k = 0; k < values.length; k++) {
            finiteResult(what + "[" + k + "]", values[k], cause);
        }
    }

    /** Bytes of a data set of M samples of N tokens of dimension d held in memory: M N (d + 1) doubles. */
    static double dataBytes(long m, long n, long d) {
        return 8.0 * m * n * (d + 1);
    }

    /** Requires M N d to be one Java array and the run's estimated bytes to fit in the heap. */
    static void dataSize(String what, long m, long n, long d, double bytes) {
        double count = (double) m * n * d;
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: M N d must be <= %d (one Java array), got %.0f; %s", what, Integer.MAX_VALUE - 8, count,
                    Heap.needs(bytes)));
        }
        Heap.require(what, bytes);
    }
}
