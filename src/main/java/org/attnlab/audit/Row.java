package org.attnlab.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.attnlab.internal.Checks;

/**
 * One result row of a unit of work: an ordered map from column name to cell text.
 *
 * <p>Cells are stored as text so that a row restored from a checkpoint is bit-for-bit the row that was
 * computed: doubles are written with {@link Double#toString(double)} (which round-trips exactly, including
 * {@code NaN} and {@code Infinity}), integers with {@link Long#toString(long)}. Typed accessors parse them back.
 * Column order is insertion order.
 */
public final class Row {

    private final Map<String, String> cells;

    private Row(Map<String, String> cells) {
        this.cells = Collections.unmodifiableMap(cells);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A row from already formatted cells, in the map's iteration order.
     *
     * @throws IllegalArgumentException if {@code cells} is null or holds a null or empty name or a null cell
     */
    public static Row of(Map<String, String> cells) {
        Checks.notNull("cells", cells);
        Builder b = builder();
        for (Map.Entry<String, String> e : cells.entrySet()) {
            b.put(e.getKey(), e.getValue());
        }
        return b.build();
    }

    /** The column names, in order. */
    public List<String> columns() {
        return List.copyOf(cells.keySet());
    }

    /** The cells, in column order (unmodifiable). */
    public Map<String, String> cells() {
        return cells;
    }

    /** Whether the row has this column. */
    public boolean has(String column) {
        return cells.containsKey(column);
    }

    /**
     * The cell text of a column.
     *
     * @throws IllegalArgumentException if the column is missing
     */
    public String text(String column) {
        String v = cells.get(column);
        if (v == null) {
            throw Checks.fail("column", "one of " + cells.keySet(), column);
        }
        return v;
    }

    /**
     * The cell as a double ({@link Double#parseDouble}).
     *
     * @throws IllegalArgumentException if the column is missing or is not a number
     */
    public double doubleValue(String column) {
        String t = text(column);
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw Checks.fail(column, "a number", t);
        }
    }

    /**
     * The cell as a long.
     *
     * @throws IllegalArgumentException if the column is missing or is not an integer
     */
    public long longValue(String column) {
        String t = text(column);
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw Checks.fail(column, "an integer", t);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row r && cells.equals(r.cells) && columns().equals(r.columns());
    }

    @Override
    public int hashCode() {
        return Objects.hash(cells);
    }

    @Override
    public String toString() {
        return cells.toString();
    }

    /** Builds a {@link Row}; columns keep insertion order, a name may appear once. */
    public static final class Builder {
        private final LinkedHashMap<String, String> cells = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds a text cell.
         *
         * @throws IllegalArgumentException if the name is null, empty or repeated, or the value is null
         */
        public Builder put(String column, String value) {
            Checks.notNull("column", column);
            if (column.isEmpty()) {
                throw Checks.fail("column", "non-empty", "\"\"");
            }
            Checks.notNull(column, value);
            if (cells.putIfAbsent(column, value) != null) {
                throw Checks.fail("column", "not already in the row", column);
            }
            return this;
        }

        /** Adds a double cell, written with {@link Double#toString(double)}. */
        public Builder put(String column, double value) {
            return put(column, Double.toString(value));
        }

        /** Adds an integer cell. */
        public Builder put(String column, long value) {
            return put(column, Long.toString(value));
        }

        /** The row. */
        public Row build() {
            return new Row(new LinkedHashMap<>(cells));
        }
    }
}
