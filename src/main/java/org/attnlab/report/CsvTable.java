package org.attnlab.report;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.attnlab.audit.Row;
import org.attnlab.internal.Checks;
import org.attnlab.io.AtomicFiles;

/**
 * Writes rows as CSV (RFC 4180 quoting, {@code \n} line ends, UTF-8) with a fixed column order, atomically.
 *
 * <p>Cells are written exactly as the {@link Row} holds them (doubles in {@link Double#toString(double)} form),
 * so equal rows give equal bytes.
 */
public final class CsvTable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private CsvTable() {
    }

    /**
     * Writes {@code rows} to {@code target}: a header line with {@code columns}, then one line per row holding
     * those columns in that order.
     *
     * @throws IllegalArgumentException if an argument is null, {@code columns} is empty, or a row lacks a column
     */
    public static void write(Path target, List<String> columns, List<Row> rows) {
        Checks.notNull("target", target);
        Checks.notNull("columns", columns);
        Checks.notNull("rows", rows);
        if (columns.isEmpty()) {
            throw Checks.fail("columns", "non-empty", columns);
        }
        for (Row r : rows) {
            for (String c : columns) {
                r.text(c);
            }
        }
        AtomicFiles.writeText(target, w -> {
            // not closed here: AtomicFiles owns (flushes and closes) the writer
            CSVPrinter p = new CSVPrinter(w, FORMAT);
            p.printRecord(columns);
            for (Row r : rows) {
                for (String c : columns) {
                    p.print(r.text(c));
                }
                p.println();
            }
            p.flush();
        });
    }
}
