package org.attnlab.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.attnlab.internal.Checks;
import org.attnlab.sampler.Dataset;

/**
 * Model-A data sets (arXiv 2510.11789) as CSV in long format, one row per token (see {@code spec/data-format.md}):
 * <pre>
 *   sample,token,y,x1,...,xd
 *   0,0,0.123,-0.5,0.25
 * </pre>
 * sample m = 0..M-1 and token i = 0..N-1 are 0-based and appear in order (m major, i minor); y = Y_i^m and
 * x1..xd = X_i^m, printed with {@link Double#toString(double)} so that reading gives back the same doubles.
 * Line separator "\n", UTF-8, no quoting.
 */
public final class DatasetCsv {

    /** The names of the three leading columns. */
    static final String[] LEADING = {"sample", "token", "y"};

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private DatasetCsv() {
    }

    /** The header {@code sample,token,y,x1..xd}. */
    public static String[] header(int dimension) {
        Checks.positive("d", dimension);
        String[] h = Arrays.copyOf(LEADING, 3 + dimension);
        for (int k = 0; k < dimension; k++) {
            h[3 + k] = "x" + (k + 1);
        }
        return h;
    }

    /**
     * Writes {@code data} to {@code file} through {@link AtomicFiles} (no half-written file on failure).
     *
     * @throws IllegalArgumentException if file or data is null
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(Path file, Dataset data) {
        Checks.notNull("file", file);
        Checks.notNull("data", data);
        int mCount = data.samples();
        int n = data.tokensPerSample();
        int d = data.dimension();
        double[] x = data.tokens();
        double[] y = data.outputs();
        AtomicFiles.writeText(file, out -> {
            CSVPrinter printer = new CSVPrinter(out, FORMAT);
            printer.printRecord((Object[]) header(d));
            String[] row = new String[3 + d];
            for (int m = 0; m < mCount; m++) {
                for (int i = 0; i < n; i++) {
                    int t = m * n + i;
                    row[0] = Integer.toString(m);
                    row[1] = Integer.toString(i);
                    row[2] = Double.toString(y[t]);
                    for (int k = 0; k < d; k++) {
                        row[3 + k] = Double.toString(x[t * d + k]);
                    }
                    printer.printRecord((Object[]) row);
                }
            }
            printer.flush();
        });
    }

    /**
     * Reads a data set written by {@link #write} (or by a port following {@code spec/data-format.md}).
     *
     * @throws IllegalArgumentException naming the file, line, column, rule and value, if: the file is empty or
     *     the header is not {@code sample,token,y,x1..xd} with d &gt;= 1; a row has the wrong number of columns;
     *     a sample or token index is not an integer, is negative, or is out of order (a skipped sample, a missing
     *     or extra token); a y or x entry is not a number or not finite; the samples do not all have the same
     *     number N &gt;= 2 of tokens; there is no data row; the file is not UTF-8 (a leading byte-order mark is skipped)
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Dataset read(Path file) {
        Checks.notNull("file", file);
        if (java.nio.file.Files.isDirectory(file)) {
            throw new UncheckedIOException("cannot read " + file + ": is a directory",
                    new java.nio.file.FileSystemException(file.toString(), null, "is a directory"));
        }
        try (Reader reader = Utf8Reader.open(file);
             CSVParser parser = CSVParser.parse(reader, CSVFormat.DEFAULT)) {
            return parse(file, parser.iterator());
        } catch (EncodingException e) {
            throw DataFileException.encoding(file, e);
        } catch (IOException e) {
            throw IoMessages.unchecked("cannot read", file, e);
        } catch (UncheckedIOException | IllegalStateException e) {
            // commons-csv wraps reader failures and malformed input (an unterminated quote) this way
            if (e.getCause() instanceof EncodingException enc) {
                throw DataFileException.encoding(file, enc);
            }
            if (e.getCause() instanceof IOException io && !(io instanceof org.apache.commons.csv.CSVException)) {
                throw IoMessages.unchecked("cannot read", file, io);
            }
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String why = String.valueOf(root.getMessage()).replaceAll("\\s+", " ");
            Matcher at = Pattern.compile("^\\(startline (\\d+)\\) (.*)$").matcher(why);
            if (at.matches()) {
                why = "line " + at.group(1) + ": " + at.group(2);
            }
            throw new IllegalArgumentException(file + ": malformed CSV: " + Printable.escape(why), e);
        }
    }

    private static Dataset parse(Path file, Iterator<CSVRecord> records) {
        if (!records.hasNext()) {
            throw DataFileException.at(file, 1, 1, "header", "present (the file is empty)", "nothing");
        }
        CSVRecord head = records.next();
        int columns = head.size();
        if (columns < 4) {
            throw DataFileException.at(file, 1, columns, "header", "sample,token,y,x1..xd with d >= 1",
                    String.join(",", head.values()));
        }
        int d = columns - 3;
        String[] expected = header(d);
        for (int c = 0; c < columns; c++) {
            if (!expected[c].equals(head.get(c).trim())) {
                throw DataFileException.at(file, 1, c + 1, "header", "'" + expected[c] + "'", head.get(c));
            }
        }
        double[] x = new double[1024 * d];
        double[] y = new double[1024];
        long rows = 0;
        int n = -1;
        int currentSample = -1;
        int nextToken = 0;
        long line = 1;
        while (records.hasNext()) {
            CSVRecord rec = records.next();
            line = rec.getRecordNumber();
            if (rec.size() != columns) {
                throw DataFileException.at(file, line, Math.min(rec.size(), columns) + 1, "columns",
                        "= " + columns + " (the header's count)", rec.size());
            }
            int m = parseIndex(file, line, 1, "sample", rec.get(0));
            int i = parseIndex(file, line, 2, "token", rec.get(1));
            if (m == currentSample) {
                if (i != nextToken) {
                    throw DataFileException.at(file, line, 2, "token", "= " + nextToken + " (tokens in order 0..N-1)", i);
                }
                if (n > 0 && i >= n) {
                    throw DataFileException.at(file, line, 2, "token", "< N = " + n + " (the first sample's size)", i);
                }
            } else {
                if (m != currentSample + 1) {
                    throw DataFileException.at(file, line, 1, "sample",
                            "= " + (currentSample + 1) + " (samples in order 0..M-1)", m);
                }
                if (currentSample >= 0) {
                    n = closeSample(file, line, currentSample, nextToken, n);
                }
                if (i != 0) {
                    throw DataFileException.at(file, line, 2, "token", "= 0 (first token of a sample)", i);
                }
                currentSample = m;
            }
            nextToken = i + 1;
            if (rows == y.length) {
                requireHeap(file, rows, d, rec.getCharacterPosition());
                if (rows * 2 * d > Integer.MAX_VALUE - 8) {
                    throw DataFileException.at(file, line, 1, "rows * d", "<= " + (Integer.MAX_VALUE - 8), rows * 2 * d);
                }
                y = Arrays.copyOf(y, (int) (rows * 2));
                x = Arrays.copyOf(x, (int) (rows * 2 * d));
            }
            y[(int) rows] = parseFinite(file, line, 3, "y", rec.get(2));
            for (int k = 0; k < d; k++) {
                x[(int) (rows * d + k)] = parseFinite(file, line, 4 + k, "x" + (k + 1), rec.get(3 + k));
            }
            rows++;
        }
        if (currentSample < 0) {
            throw DataFileException.at(file, line + 1, 1, "rows", ">= 1 data row", 0);
        }
        n = closeSample(file, line + 1, currentSample, nextToken, n);
        int mCount = currentSample + 1;
        return Dataset.of(mCount, n, d, Arrays.copyOf(x, (int) (rows * d)), Arrays.copyOf(y, (int) rows));
    }

    /**
     * Before the arrays grow: the rows the whole file holds, extrapolated from the characters read so far,
     * times (d + 1) doubles, twice (the arrays are copied once more at the end), must fit in the heap.
     */
    private static void requireHeap(Path file, long rows, int d, long charsRead) {
        long size;
        try {
            size = java.nio.file.Files.size(file);
        } catch (IOException e) {
            return;
        }
        double totalRows = Math.max(rows * 2.0, charsRead > 0 ? rows * (double) size / charsRead : 0);
        Heap.require(String.format(java.util.Locale.ROOT, "%s (%.0f MiB, about %.3g rows of %d values)", file,
                size / 1048576.0, totalRows, d + 1), totalRows * (d + 1) * 8.0 * 2);
    }

    /** Checks the token count of a finished sample; returns N. */
    private static int closeSample(Path file, long line, int sample, int count, int n) {
        if (n < 0) {
            if (count < 2) {
                throw DataFileException.at(file, line, 2, "N", ">= 2 (tokens in sample " + sample + ")", count);
            }
            return count;
        }
        if (count != n) {
            throw DataFileException.at(file, line, 2, "N", "= " + n + " (missing tokens in sample " + sample + ")",
                    count);
        }
        return n;
    }

    private static int parseIndex(Path file, long line, int column, String name, String text) {
        int v;
        try {
            v = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw DataFileException.at(file, line, column, name, "an integer", "'" + text + "'");
        }
        if (v < 0) {
            throw DataFileException.at(file, line, column, name, ">= 0", v);
        }
        return v;
    }

    private static double parseFinite(Path file, long line, int column, String name, String text) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw DataFileException.at(file, line, column, name, "a number", "'" + text + "'");
        }
        if (!Double.isFinite(v)) {
            throw DataFileException.at(file, line, column, name, "finite", text);
        }
        return v;
    }
}
