package org.attnlab.keynegative;

/**
 * Deliberately buggy copies of the ChunkKernel, PairKernel and ScoreKernel methods, with the SAME contracts as the
 * real ones (at the time of writing) and one bug each. KeyNegativeIT proves them with the same budget with which
 * KeyProofIT closes the correct methods, and fails if KeY closes any of them. Test resource, not compiled.
 */
public final class BuggyErmKernel {

    private BuggyErmKernel() {
    }

    /*@ public normal_behavior
      @   requires total >= 0 && size >= 1 && total <= 2147483647 - size;
      @   ensures \result == (total + size - 1) / size;
      @   ensures \result >= 0 && \result * size >= total;
      @   ensures total == 0 || (\result - 1) * size < total;
      @   assignable \nothing;
      @*/
    /** ChunkKernel.count, bug: floor instead of ceiling (the last partial chunk is lost). */
    public static int countFloor(int total, int size) {
        return total / size;
    }

    /*@ public normal_behavior
      @   requires total >= 0 && size >= 1 && chunk >= 0 && (chunk + 1) * size <= 2147483647;
      @   ensures \result == ((chunk + 1) * size < total ? (chunk + 1) * size : total);
      @   ensures 0 <= \result && \result <= total;
      @   ensures \result >= (chunk * size < total ? chunk * size : total);
      @   assignable \nothing;
      @*/
    /** ChunkKernel.end, bug: not clamped to total (the last chunk runs past the range). */
    public static int endUnclamped(int chunk, int size, int total) {
        return (chunk + 1) * size;
    }

    /*@ public normal_behavior
      @   requires n >= 2 && 0 <= i && i < n && 0 <= k && k < n - 1;
      @   ensures \result == (k < i ? k : k + 1);
      @   ensures 0 <= \result && \result < n && \result != i;
      @   assignable \nothing;
      @*/
    /** PairKernel.partner, bug: "<=" for "<", so partner number i is token i itself. */
    public static int partnerLeq(int n, int i, int k) {
        return k <= i ? k : k + 1;
    }

    /*@ public normal_behavior
      @   requires samples >= 1 && n >= 2 && 0 <= m && m < samples && 0 <= i && i < n;
      @   requires samples * n <= 2147483647;
      @   ensures \result == m * n + i;
      @   ensures 0 <= \result && \result < samples * n;
      @   assignable \nothing;
      @*/
    /** PairKernel.row, bug: rows of a sample laid out by token count minus one (rows of two samples overlap). */
    public static int rowOverlap(int samples, int n, int m, int i) {
        return m * (n - 1) + i;
    }

    /*@ public normal_behavior
      @   requires p >= 0 && out != null && out.length >= p + 1;
      @   assignable out[0 .. p];
      @*/
    /** ScoreKernel.values (general branch), bug: the triangle runs one row too far and writes out[p + 1]. */
    public static void valuesOneRowTooMany(double u, int p, double[] out) {
        out[0] = 1.0;
        double jd = 0.0;
        /*@ loop_invariant 1 <= j && j <= p + 2;
          @ loop_writes out[*];
          @ decreases p + 2 - j;
          @*/
        for (int j = 1; j <= p + 1; j++) {
            jd = jd + 1.0;
            double inv = 1.0 / jd;
            double saved = 0.0;
            double rd = 0.0;
            /*@ loop_invariant 0 <= r && r <= j && 1 <= j && j <= p + 1;
              @ loop_writes out[*];
              @ decreases j - r;
              @*/
            for (int r = 0; r < j; r++) {
                double temp = out[r] * inv;
                out[r] = saved + (rd + 1.0 - u) * temp;
                saved = (u + jd - rd - 1.0) * temp;
                rd = rd + 1.0;
            }
            out[j] = saved;
        }
    }

    /*@ public normal_behavior
      @   requires p >= 0 && values != null && derivatives != null && values != derivatives;
      @   requires values.length >= p + 1 && derivatives.length >= p + 1;
      @   assignable values[0 .. p], derivatives[0 .. p];
      @*/
    /** ScoreKernel.valuesAndDerivatives (p = 0 branch), bug: writes the derivative into derivatives[1]. */
    public static void valuesAndDerivativesWrongSlot(double u, int p, double[] values, double[] derivatives) {
        if (p == 0) {
            values[0] = 1.0;
            derivatives[1] = 0.0;
            return;
        }
        values[0] = 1.0;
    }
}
