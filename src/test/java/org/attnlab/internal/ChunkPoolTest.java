package org.attnlab.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChunkPoolTest {

    /** Sums whose value depends on the order of the additions: 1e16 + 1 + ... */
    private static double[] reduceAt(int threads, int total) {
        try (ChunkPool pool = ChunkPool.of(threads)) {
            return pool.reduce(total, 3, (from, to, partial) -> {
                for (int k = from; k < to; k++) {
                    partial[0] += k % 7 == 0 ? 1e16 : 1.0 / (k + 1);
                    partial[1] += k;
                    partial[2] += 1.0;
                }
            });
        }
    }

    @Test
    void reduceGivesTheSameBytesAtAnyThreadCount() {
        double[] one = reduceAt(1, 10_000);
        for (int threads : new int[] {2, 3, 8}) {
            assertArrayEquals(one, reduceAt(threads, 10_000), "threads " + threads);
        }
        assertEquals(10_000.0, one[2], 0.0);
        assertEquals(10_000.0 * 9_999 / 2, one[1], 0.0);
    }

    @Test
    void runVisitsEveryChunkOnceAndRethrowsAFailure() {
        try (ChunkPool pool = ChunkPool.of(3)) {
            AtomicInteger[] hits = new AtomicInteger[50];
            for (int c = 0; c < hits.length; c++) {
                hits[c] = new AtomicInteger();
            }
            pool.run(50, c -> hits[c].incrementAndGet());
            for (AtomicInteger h : hits) {
                assertEquals(1, h.get());
            }
            assertThrows(IllegalStateException.class, () -> pool.run(10, c -> {
                if (c == 7) {
                    throw new IllegalStateException("chunk 7");
                }
            }));
        }
    }

    @Test
    void chunkSizeDependsOnlyOnTheSizes() {
        assertEquals(32, ChunkPool.chunkSize(100, 1));
        assertEquals(157, ChunkPool.chunkSize(10_000, 1));
        // partial sums of 2^22 doubles: at most 2 chunks
        assertEquals(5_000, ChunkPool.chunkSize(10_000, 1 << 22));
    }

    @Test
    void threadsOutsideTheRangeAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChunkPool.of(0));
        assertEquals("threads must be in [1, 1024], got 0", e.getMessage());
    }
}
