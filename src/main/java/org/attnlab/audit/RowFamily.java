package org.attnlab.audit;

import java.util.List;
import java.util.function.Function;
import org.attnlab.internal.Checks;

/**
 * A {@link UnitFamily} whose result is the {@link Row} itself (identity codec): for units whose natural result
 * is a table row (the zucker2025 rate and coercivity units, the marion2024 units).
 *
 * @param <U> the unit
 */
public final class RowFamily<U> implements UnitFamily<U, Row> {

    private final String name;
    private final String checkpointName;
    private final String fingerprint;
    private final List<U> units;
    private final Function<? super U, String> key;
    private final ParallelRunner.UnitFunction<? super U> compute;

    private RowFamily(String name, String checkpointName, String fingerprint, List<U> units,
                      Function<? super U, String> key, ParallelRunner.UnitFunction<? super U> compute) {
        this.name = Checks.notNull("name", name);
        this.checkpointName = Checks.notNull("checkpointName", checkpointName);
        this.fingerprint = Checks.notNull("fingerprint", fingerprint);
        this.units = List.copyOf(Checks.notNull("units", units));
        this.key = Checks.notNull("key", key);
        this.compute = Checks.notNull("compute", compute);
    }

    /**
     * A family of row-valued units.
     *
     * @throws IllegalArgumentException if an argument is null
     */
    public static <U> RowFamily<U> of(String name, String checkpointName, String fingerprint, List<U> units,
                                      Function<? super U, String> key, ParallelRunner.UnitFunction<? super U> compute) {
        return new RowFamily<>(name, checkpointName, fingerprint, units, key, compute);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String checkpointName() {
        return checkpointName;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public List<U> units() {
        return units;
    }

    @Override
    public String key(U unit) {
        return key.apply(unit);
    }

    @Override
    public Row compute(U unit) throws Exception {
        return compute.compute(unit);
    }

    @Override
    public Row encode(Row result) {
        return result;
    }

    @Override
    public Row decode(U unit, Row row) {
        return row;
    }
}
