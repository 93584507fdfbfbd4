package org.attnlab.erm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs a fixed set of chunk tasks on a fixed number of threads. Each chunk writes only its own partial
 * results; the caller reduces them in chunk order, so the outcome does not depend on the thread count or
 * on which thread ran which chunk. One runner per fit; {@link #close()} stops its threads.
 */
final class ChunkRunner implements AutoCloseable {

    private final int threads;
    private final ExecutorService pool;

    ChunkRunner(int threads) {
        this.threads = threads;
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "attnlab-erm");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** Runs task(c) for c = 0..chunks - 1, on up to {@code threads} threads (the caller is one of them). */
    void run(int chunks, IntConsumer task) {
        if (pool == null || chunks <= 1) {
            for (int c = 0; c < chunks; c++) {
                task.accept(c);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                task.accept(c);
            }
        };
        int helpers = Math.min(threads - 1, chunks - 1);
        List<Future<?>> futures = new ArrayList<>(helpers);
        for (int h = 0; h < helpers; h++) {
            futures.add(pool.submit(worker));
        }
        RuntimeException failure = null;
        try {
            worker.run();
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
