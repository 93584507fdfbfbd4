package org.attnlab.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.attnlab.audit.Row;
import org.attnlab.audit.UnitEngine;
import org.attnlab.audit.UnitFamily;

/**
 * Executor side: rebuilds the {@code index}-th unit family of a {@link FamilySource} by replaying the run on an
 * engine that answers the earlier families from their rows (shipped by the driver) and stops the run when it
 * hands over family {@code index}. One resolution per (source, index) and JVM, cached.
 */
final class FamilyResolver {

    /** A resolved family and its units by key. */
    record Resolved(UnitFamily<Object, Object> family, Map<String, Object> units) {

        /** The encoded result of the unit with this key: {@code encode(compute(unit))} as ordered cells. */
        LinkedHashMap<String, String> compute(String key) throws Exception {
            Object unit = units.get(key);
            if (unit == null) {
                throw new IllegalStateException("unit " + key + " is not in family " + family.name()
                        + " as rebuilt on this executor");
            }
            return new LinkedHashMap<>(family.encode(family.compute(unit)).cells());
        }
    }

    private static final Map<String, Resolved> CACHE = new ConcurrentHashMap<>();

    private FamilyResolver() {
    }

    static Resolved resolve(FamilySource source, int index, List<List<LinkedHashMap<String, String>>> earlier)
            throws Exception {
        String cacheKey = source.hashCode() + "/" + source + "/" + index;
        Resolved r = CACHE.get(cacheKey);
        if (r == null) {
            synchronized (FamilyResolver.class) {
                r = CACHE.get(cacheKey);
                if (r == null) {
                    r = replay(source, index, earlier);
                    CACHE.put(cacheKey, r);
                }
            }
        }
        return r;
    }

    @SuppressWarnings("unchecked")
    private static Resolved replay(FamilySource source, int index, List<List<LinkedHashMap<String, String>>> earlier)
            throws Exception {
        Capture capture = new Capture(index, earlier);
        Path scratch = Files.createTempDirectory("attnlab-spark-");
        try {
            source.replay(capture, scratch);
        } catch (Throwable t) {
            if (capture.captured == null) {
                throw t;
            }
        } finally {
            deleteQuietly(scratch);
        }
        if (capture.captured == null) {
            throw new IllegalStateException(source.describe() + " ended before handing over family #" + index);
        }
        UnitFamily<Object, Object> f = (UnitFamily<Object, Object>) capture.captured;
        Map<String, Object> units = new HashMap<>();
        for (Object u : f.units()) {
            units.put(f.key(u), u);
        }
        return new Resolved(f, units);
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException | RuntimeException e) {
            // scratch space of a replay: nothing depends on it
        }
    }

    /** Answers families before {@code target} from rows; stops the run at {@code target}. */
    static final class Capture implements UnitEngine {
        private final int target;
        private final List<List<LinkedHashMap<String, String>>> earlier;
        private int calls;
        UnitFamily<?, ?> captured;

        Capture(int target, List<List<LinkedHashMap<String, String>>> earlier) {
            this.target = target;
            this.earlier = earlier;
        }

        @Override
        public <U, R> List<R> run(UnitFamily<U, R> family) {
            if (calls == target) {
                captured = family;
                throw new Stop();
            }
            List<LinkedHashMap<String, String>> rows = earlier.get(calls++);
            List<U> units = family.units();
            if (rows.size() != units.size()) {
                throw new IllegalStateException("family " + family.name() + ": " + units.size()
                        + " units here, " + rows.size() + " rows from the driver");
            }
            List<R> out = new ArrayList<>(units.size());
            for (int i = 0; i < units.size(); i++) {
                out.add(family.decode(units.get(i), Row.of(rows.get(i))));
            }
            return out;
        }
    }

    /** Unwinds the replay once the wanted family is captured. */
    static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super("family captured", null, false, false);
        }
    }
}
