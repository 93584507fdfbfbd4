package org.attnlab.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.attnlab.internal.Checks;

/**
 * Runs unit families. {@link #local} is the checkpointed thread pool every audit uses by default; an external
 * engine (the Spark engine of {@code org.attnlab.spark}) implements the same method and must return the same
 * results: {@code decode(unit, encode(compute(unit)))} for every unit, in plan order.
 */
@FunctionalInterface
public interface UnitEngine {

    /** The results of every unit of the family, in plan order. */
    <U, R> List<R> run(UnitFamily<U, R> family);

    /**
     * The local engine: {@link ParallelRunner} on {@code threads} threads, with the family's checkpoint file
     * in {@code out} (restored units are not computed again).
     *
     * @throws IllegalArgumentException if an argument is null or {@code threads < 1}
     */
    static UnitEngine local(Path out, int threads, AuditOptions.Progress progress) {
        Checks.notNull("out", out);
        Checks.positive("threads", threads);
        Checks.notNull("progress", progress);
        return new UnitEngine() {
            @Override
            public <U, R> List<R> run(UnitFamily<U, R> family) {
                List<U> units = family.units();
                try {
                    java.nio.file.Files.createDirectories(out);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("cannot create " + out + ": " + e.getMessage(), e);
                }
                List<Row> rows;
                try (CheckpointStore store = CheckpointStore.open(out.resolve(family.checkpointName()),
                        family.fingerprint())) {
                    rows = ParallelRunner.run(family.name(), units, family::key,
                            u -> family.encode(family.compute(u)), store, threads, progress);
                }
                List<R> results = new ArrayList<>(rows.size());
                for (int i = 0; i < rows.size(); i++) {
                    results.add(family.decode(units.get(i), rows.get(i)));
                }
                return results;
            }
        };
    }

    /** The local engine of an audit run: {@code local(options.out(), options.threads(), options.progress())}. */
    static UnitEngine local(AuditOptions options) {
        Checks.notNull("options", options);
        return local(options.out(), options.threads(), options.progress());
    }
}
