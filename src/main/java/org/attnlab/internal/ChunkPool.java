package org.attnlab.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.attnlab.kernel.ChunkKernel;

/**
 * The one chunked map-reduce of the core: a fixed set of chunk tasks on a fixed number of threads, each chunk
 * writing only its own partial result, the caller reducing the partials in chunk order. The chunks depend only
 * on the problem sizes ({@link #chunkSize}), never on the thread count or on which thread ran which chunk, so
 * every result is the same bytes at any thread count.
 *
 * <p>Used by the estimator's pair loops ({@code erm}) and the sampler. One pool per job; {@link #close()} stops
 * its threads (the calling thread always works too, so {@code threads = 1} starts no thread at all).
 */
public final class ChunkPool implements AutoCloseable {

    /** Largest number of chunks of one pass (bounds the memory of the partial sums). */
    public static final int MAX_CHUNKS = 64;
    /** Smallest chunk, in items (samples). */
    public static final int MIN_CHUNK = 32;
    /** Budget of doubles for all partial sums of one pass. */
    public static final long PARTIAL_BUDGET = 1L << 23;

    /** The work of one chunk of a {@link #reduce}: items [from, to), adding into its own zeroed partial. */
    @FunctionalInterface
    public interface RangeTask {
        /**
         * @param from first item of the chunk
         * @param to one past the last item
         * @param partial this chunk's partial sum, zeroed, of the length given to {@link #reduce}
         */
        void accept(int from, int to, double[] partial);
    }

    private final int threads;
    private final ExecutorService pool;

    private ChunkPool(int threads) {
        this.threads = threads;
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "attnlab-chunk");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /**
     * A pool of {@code threads} workers (the caller counts as one).
     *
     * @throws IllegalArgumentException if threads is not in [1, 1024]
     */
    public static ChunkPool of(int threads) {
        Checks.inRange("threads", threads, 1, 1024);
        return new ChunkPool(threads);
    }

    /** The number of threads. */
    public int threads() {
        return threads;
    }

    /**
     * The chunk size, in items, for {@code total} items whose partial sums have {@code partialSize} doubles:
     * {@code ChunkKernel.size(total, min(MAX_CHUNKS, PARTIAL_BUDGET / partialSize), MIN_CHUNK)}.
     */
    public static int chunkSize(int total, int partialSize) {
        long byBudget = Math.max(1L, PARTIAL_BUDGET / Math.max(1, partialSize));
        int maxChunks = (int) Math.min(MAX_CHUNKS, byBudget);
        return ChunkKernel.size(total, maxChunks, MIN_CHUNK);
    }

    /**
     * Runs task(c) for c = 0..chunks - 1 on up to {@code threads} threads; returns when all are done. A task
     * must write only data of its own chunk. The first failure (in completion order) is rethrown.
     */
    public void run(int chunks, IntConsumer task) {
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

    /**
     * Map-reduce over {@code total} items: the items are cut into chunks of {@link #chunkSize}(total, partialSize),
     * each chunk's task adds into its own zeroed partial of {@code partialSize} doubles, and the partials are
     * summed in chunk order (the same bytes at any thread count).
     *
     * @return the sum of the partials, a new array of length partialSize
     */
    public double[] reduce(int total, int partialSize, RangeTask task) {
        int size = chunkSize(total, partialSize);
        int chunks = ChunkKernel.count(total, size);
        double[][] partials = new double[chunks][];
        run(chunks, c -> {
            double[] partial = new double[partialSize];
            task.accept(ChunkKernel.start(c, size, total), ChunkKernel.end(c, size, total), partial);
            partials[c] = partial;
        });
        double[] out = new double[partialSize];
        for (int c = 0; c < chunks; c++) {
            for (int k = 0; k < partialSize; k++) {
                out[k] += partials[c][k];
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
