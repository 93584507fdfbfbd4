package org.attnlab.audit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.attnlab.internal.Checks;

/**
 * Runs a plan of independent units of work on {@code T} threads, with checkpoints.
 *
 * <p>Each unit must be a pure function of its own description (configuration plus its own seed, see
 * {@link Seeds#forKey}); it never sees the thread count or the other units. Units already in the
 * {@link CheckpointStore} are skipped; every newly finished unit is appended to it (durably) from the calling
 * thread, and the progress sink gets one {@code step()} per finished unit. The returned rows are in plan
 * order, whatever order the units finished in, so the outputs built from them are the same bytes at any
 * thread count and after any number of interruptions.
 *
 * <p>If a unit throws, the remaining units are cancelled, the units finished so far stay checkpointed,
 * and the exception is rethrown (unchecked exceptions as they are, checked ones wrapped).
 */
public final class ParallelRunner {

    /** The computation of one unit: a pure function of the unit. */
    @FunctionalInterface
    public interface UnitFunction<U> {
        /** The result row of {@code unit}. */
        Row compute(U unit) throws Exception;
    }

    private ParallelRunner() {
    }

    /**
     * Runs the plan and returns one row per unit, in plan order.
     *
     * @param task name shown by the progress sink
     * @param units the plan, in its canonical order
     * @param key the unique checkpoint key of a unit
     * @param fn the unit computation
     * @param store where finished units are restored from and recorded to
     * @param threads worker threads, &gt;= 1
     * @param progress the progress sink
     * @throws IllegalArgumentException if an argument is null, {@code threads < 1}, or two units share a key
     */
    public static <U> List<Row> run(String task, List<U> units, Function<? super U, String> key,
                                    UnitFunction<? super U> fn, CheckpointStore store, int threads,
                                    AuditOptions.Progress progress) {
        Checks.notNull("task", task);
        Checks.notNull("units", units);
        Checks.notNull("key", key);
        Checks.notNull("fn", fn);
        Checks.notNull("store", store);
        Checks.positive("threads", threads);
        Checks.notNull("progress", progress);
        List<String> keys = new ArrayList<>(units.size());
        Set<String> seen = new HashSet<>();
        for (U u : units) {
            String k = Checks.notNull("key of unit", key.apply(u));
            if (!seen.add(k)) {
                throw Checks.fail("unit keys", "unique", k);
            }
            keys.add(k);
        }
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            if (!store.isDone(keys.get(i))) {
                pending.add(i);
            }
        }
        progress.start(task, units.size(), units.size() - pending.size());
        try {
            if (!pending.isEmpty()) {
                compute(units, keys, pending, fn, store, threads, progress);
            }
        } finally {
            progress.finish();
        }
        List<Row> rows = new ArrayList<>(units.size());
        for (String k : keys) {
            rows.add(store.get(k));
        }
        return rows;
    }

    private static <U> void compute(List<U> units, List<String> keys, List<Integer> pending,
                                    UnitFunction<? super U> fn, CheckpointStore store, int threads,
                                    AuditOptions.Progress progress) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, pending.size()), daemonThreads());
        try {
            CompletionService<Object[]> cs = new ExecutorCompletionService<>(pool);
            for (int i : pending) {
                U unit = units.get(i);
                String k = keys.get(i);
                cs.submit(() -> new Object[] {k, fn.compute(unit)});
            }
            for (int n = 0; n < pending.size(); n++) {
                Future<Object[]> f = cs.take();
                Object[] done;
                try {
                    done = f.get();
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof RuntimeException re) {
                        throw re;
                    }
                    if (c instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException("unit failed: " + c.getMessage(), c);
                }
                Row row = (Row) done[1];
                if (row == null) {
                    throw new IllegalStateException("unit " + done[0] + " returned no row");
                }
                store.append((String) done[0], row);
                progress.step();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "attnlab-unit-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
