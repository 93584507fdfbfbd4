package org.attnlab.kernel;

/**
 * Fixed chunks of an index range [0, total), for deterministic parallel assembly.
 *
 * <p>Chunk c of size s covers [min(c s, total), min((c + 1) s, total)). The chunks c = 0..count - 1 with
 * count = ceil(total / s) are disjoint, consecutive (end(c) = start(c + 1)) and cover [0, total) exactly;
 * they depend only on (total, s), never on the number of threads, so partial sums reduced in chunk order
 * give the same bytes at any thread count. Written in the Java subset that KeY reads.
 */
public final class ChunkKernel {

    private ChunkKernel() {
    }

    /*@ public normal_behavior
      @   requires total >= 0 && size >= 1 && total <= 2147483647 - size;
      @   ensures \result == (total + size - 1) / size;
      @   ensures \result >= 0 && \result * size >= total;
      @   ensures total == 0 || (\result - 1) * size < total;
      @   assignable \nothing;
      @*/
    /**
     * The number of chunks, ceil(total / size).
     *
     * @param total number of indices, &gt;= 0
     * @param size chunk size, &gt;= 1
     * @return ceil(total / size)
     */
    public static int count(int total, int size) {
        return (total + size - 1) / size;
    }

    /*@ public normal_behavior
      @   requires total >= 0 && size >= 1 && chunk >= 0 && chunk * size <= 2147483647;
      @   ensures \result == (chunk * size < total ? chunk * size : total);
      @   ensures 0 <= \result && \result <= total;
      @   assignable \nothing;
      @*/
    /**
     * The first index of chunk {@code chunk}: min(chunk size, total).
     *
     * @param chunk chunk number, &gt;= 0
     * @param size chunk size, &gt;= 1
     * @param total number of indices, &gt;= 0
     * @return min(chunk * size, total)
     */
    public static int start(int chunk, int size, int total) {
        int s = chunk * size;
        return s < total ? s : total;
    }

    /*@ public normal_behavior
      @   requires total >= 0 && size >= 1 && chunk >= 0 && (chunk + 1) * size <= 2147483647;
      @   ensures \result == ((chunk + 1) * size < total ? (chunk + 1) * size : total);
      @   ensures 0 <= \result && \result <= total;
      @   ensures \result >= (chunk * size < total ? chunk * size : total);
      @   assignable \nothing;
      @*/
    /**
     * One past the last index of chunk {@code chunk}: min((chunk + 1) size, total) = start(chunk + 1).
     *
     * @param chunk chunk number, &gt;= 0
     * @param size chunk size, &gt;= 1
     * @param total number of indices, &gt;= 0
     * @return min((chunk + 1) * size, total)
     */
    public static int end(int chunk, int size, int total) {
        int e = (chunk + 1) * size;
        return e < total ? e : total;
    }

    /*@ public normal_behavior
      @   requires total >= 0 && maxChunks >= 1 && minSize >= 1;
      @   requires total <= 2147483647 - maxChunks;
      @   ensures \result >= minSize && \result >= 1;
      @   ensures \result == ((total + maxChunks - 1) / maxChunks > minSize
      @                       ? (total + maxChunks - 1) / maxChunks : minSize);
      @   assignable \nothing;
      @*/
    /**
     * A chunk size giving at most {@code maxChunks} chunks and at least {@code minSize} indices per chunk
     * (when total allows): max(minSize, ceil(total / maxChunks)). Depends only on its arguments, so the
     * chunking is the same at every thread count.
     *
     * @param total number of indices, &gt;= 0
     * @param maxChunks largest number of chunks wanted, &gt;= 1
     * @param minSize smallest chunk size wanted, &gt;= 1
     * @return the chunk size
     */
    public static int size(int total, int maxChunks, int minSize) {
        int s = (total + maxChunks - 1) / maxChunks;
        return s > minSize ? s : minSize;
    }
}
