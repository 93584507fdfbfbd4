package org.attnlab.keynegative;

/**
 * Deliberately buggy copies of BSplineKernel methods with the SAME contracts. KeyNegativeIT checks that KeY leaves
 * every one of them open, so a green KeyProofIT means something. Not compiled into the project (test resource).
 */
public final class BuggyKernel {

    private BuggyKernel() {
    }

    /*@ public normal_behavior
      @   requires knots != null && p >= 0 && n >= p + 1 && knots.length == n + p + 1;
      @   requires (\forall int i, j; 0 <= i && i <= j && j < knots.length; knots[i] <= knots[j]);
      @   requires knots[p] < knots[n];
      @   requires knots[p] <= x && x <= knots[n];
      @   ensures p <= \result && \result <= n - 1;
      @   ensures knots[\result] <= x && knots[\result] < knots[\result + 1];
      @   ensures x < knots[\result + 1] || (x == knots[n] && knots[\result + 1] == knots[n]);
      @   assignable \nothing;
      @*/
    /** Bug: "<=" for "<" in the bisection, so x equal to an interior knot lands in the span to its left. */
    public static int findSpanLeqForLt(double[] knots, int p, int n, double x) {
        if (!(x < knots[n])) {
            int last = n - 1;
            /*@ loop_invariant p <= last && last <= n - 1 && knots[last + 1] == knots[n];
              @ loop_writes \nothing;
              @ decreases last;
              @*/
            while (last > p && !(knots[last] < knots[n])) {
                last--;
            }
            return last;
        }
        int low = p;
        int high = n;
        /*@ loop_invariant p <= low && low < high && high <= n;
          @ loop_invariant knots[low] <= x && x < knots[high];
          @ loop_writes \nothing;
          @ decreases high - low;
          @*/
        while (high - low > 1) {
            int mid = low + (high - low) / 2;
            if (x <= knots[mid]) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return low;
    }

    /*@ public normal_behavior
      @   requires knots != null && p >= 0 && n >= p + 1 && knots.length == n + p + 1;
      @   requires (\forall int i, j; 0 <= i && i <= j && j < knots.length; knots[i] <= knots[j]);
      @   requires knots[p] < knots[n];
      @   requires knots[p] <= x && x <= knots[n];
      @   ensures p <= \result && \result <= n - 1;
      @   ensures knots[\result] <= x && knots[\result] < knots[\result + 1];
      @   ensures x < knots[\result + 1] || (x == knots[n] && knots[\result + 1] == knots[n]);
      @   assignable \nothing;
      @*/
    /** Bug: the right end returns n (one past the last span) instead of the last non-empty span. */
    public static int findSpanRightEndOffByOne(double[] knots, int p, int n, double x) {
        if (!(x < knots[n])) {
            return n;
        }
        int low = p;
        int high = n;
        /*@ loop_invariant p <= low && low < high && high <= n;
          @ loop_invariant knots[low] <= x && x < knots[high];
          @ loop_writes \nothing;
          @ decreases high - low;
          @*/
        while (high - low > 1) {
            int mid = low + (high - low) / 2;
            if (x < knots[mid]) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return low;
    }

    /*@ public normal_behavior
      @   requires knots != null && left != null && right != null && out != null;
      @   requires p >= 0 && span >= p && span + p < knots.length;
      @   requires left.length >= p + 1 && right.length >= p + 1 && out.length >= p + 1;
      @   requires left != right && left != out && right != out;
      @   requires left != knots && right != knots && out != knots;
      @   assignable left[*], right[*], out[*];
      @*/
    /** Bug: reads knots[span + j + 1], one past the end when span + p = knots.length - 1. */
    public static void basisValuesReadsPastEnd(double[] knots, int p, int span, double x,
                                               double[] left, double[] right, double[] out) {
        out[0] = 1.0;
        /*@ loop_invariant 1 <= j && j <= p + 1;
          @ loop_writes left[*], right[*], out[*];
          @ decreases p + 1 - j;
          @*/
        for (int j = 1; j <= p; j++) {
            left[j] = x - knots[span + 1 - j];
            right[j] = knots[span + j + 1] - x;
            out[j] = 0.0;
        }
    }

    /*@ public normal_behavior
      @   requires knots != null && left != null && right != null && out != null;
      @   requires p >= 0 && span >= p && span + p < knots.length;
      @   requires left.length >= p + 1 && right.length >= p + 1 && out.length >= p + 1;
      @   requires left != right && left != out && right != out;
      @   requires left != knots && right != knots && out != knots;
      @   assignable left[*], right[*], out[*];
      @*/
    /** Bug: writes into knots, outside its assignable frame. */
    public static void basisValuesWritesKnots(double[] knots, int p, int span, double x,
                                              double[] left, double[] right, double[] out) {
        out[0] = 1.0;
        knots[span] = x;
    }
}
