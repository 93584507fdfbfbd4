package org.attnlab.openjmlnegative;

/**
 * Planted bugs for the OpenJML negative controls (OpenJmlIT): copies of kernel methods with their real contracts
 * and one bug each. ESC must report both invalid; a test calling them within their preconditions must fail under
 * RAC. Not part of the build's classes (a test resource, compiled only by the negative controls).
 */
public final class PlantedBug {

    private PlantedBug() {
    }

    /*@ public normal_behavior
      @   requires total >= 0 && size >= 1 && total <= 2147483647 - size;
      @   ensures \result == (total + size - 1) / size;
      @   ensures \result >= 0 && \result * size >= total;
      @   assignable \nothing;
      @*/
    /** ChunkKernel.count with the rounding term dropped: floor instead of ceiling. */
    public static int count(int total, int size) {
        return total / size;
    }

    /*@ public normal_behavior
      @   requires n >= 2 && 0 <= i && i < n && 0 <= k && k < n - 1;
      @   ensures \result == (k < i ? k : k + 1);
      @   ensures 0 <= \result && \result < n && \result != i;
      @   assignable \nothing;
      @*/
    /** PairKernel.partner with {@code <=} for {@code <}: partner k = i is i itself. */
    public static int partner(int n, int i, int k) {
        return k <= i ? k : k + 1;
    }
}
