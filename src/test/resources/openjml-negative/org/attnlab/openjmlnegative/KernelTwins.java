package org.attnlab.openjmlnegative;

/**
 * Buggy twins of the kernel methods that OpenJML ESC proves (OpenJmlIT.escTwinsAreInvalid): each method
 * {@code Class__method__bug} is a copy of {@code org.attnlab.kernel.Class.method} with the SAME contract and one
 * bug. ESC runs on this file with the same settings as on the kernel; every twin must be reported invalid while
 * its original is valid in the same build (the original is the positive control). A twin that ESC proves means
 * the contract does not constrain what the bug breaks. Test resource: never compiled into the build's classes.
 */
public final class KernelTwins {

    private KernelTwins() {
    }

    // ---------------------------------------------------------------- BSplineKernel

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
    /** findSpan returning n for x = knots[n] (one past the last span). */
    public static int BSplineKernel__findSpan__rightEndOffByOne(double[] knots, int p, int n, double x) {
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
      @   assignable left[1 .. p], right[1 .. p], out[0 .. p];
      @*/
    /** basisValues reading knots[span + j + 1] for knots[span + j]: past the end for the last span. */
    public static void BSplineKernel__basisValues__readsPastEnd(double[] knots, int p, int span, double x,
                                                                double[] left, double[] right, double[] out) {
        out[0] = 1.0;
        /*@ loop_invariant 1 <= j && j <= p + 1;
          @ loop_writes left[1 .. p], right[1 .. p], out[0 .. p];
          @ decreases p + 1 - j;
          @*/
        for (int j = 1; j <= p; j++) {
            left[j] = x - knots[span + 1 - j];
            right[j] = knots[span + j + 1] - x;
            double saved = 0.0;
            /*@ loop_invariant 0 <= r && r <= j;
              @ loop_writes out[0 .. p];
              @ decreases j - r;
              @*/
            for (int r = 0; r < j; r++) {
                double denom = right[r + 1] + left[j - r];
                double temp = denom == 0.0 ? 0.0 : out[r] / denom;
                out[r] = saved + right[r + 1] * temp;
                saved = left[j - r] * temp;
            }
            out[j] = saved;
        }
    }

    /*@ public normal_behavior
      @   requires knots != null && left != null && right != null && values != null && derivatives != null;
      @   requires p >= 0 && span >= p && span + p + 1 < knots.length;
      @   requires left.length >= p + 1 && right.length >= p + 1;
      @   requires values.length >= p + 1 && derivatives.length >= p + 1;
      @   requires left != right && left != values && left != derivatives && right != values
      @         && right != derivatives && values != derivatives;
      @   requires left != knots && right != knots && values != knots && derivatives != knots;
      @   assignable left[1 .. p], right[1 .. p], values[0 .. p], derivatives[0 .. p];
      @*/
    /** basisValuesAndDerivatives whose copy loop runs to k &lt;= p + 1: writes one entry past the frame. */
    public static void BSplineKernel__basisValuesAndDerivatives__copiesOneTooMany(double[] knots, int p, int span,
            double x, double[] left, double[] right, double[] values, double[] derivatives) {
        if (p == 0) {
            values[0] = 1.0;
            derivatives[0] = 0.0;
            return;
        }
        /*@ loop_invariant 0 <= k && k <= p + 2;
          @ loop_writes derivatives[0 .. p + 1];
          @ decreases p + 2 - k;
          @*/
        for (int k = 0; k <= p + 1; k++) {
            derivatives[k] = 0.0;
        }
    }

    // ---------------------------------------------------------------- ChunkKernel

    /*@ public normal_behavior
      @   requires total >= 0 && size >= 1 && total <= 2147483647 - size;
      @   ensures \result == (total + size - 1) / size;
      @   ensures \result >= 0 && \result * size >= total;
      @   ensures total == 0 || (\result - 1) * size < total;
      @   assignable \nothing;
      @*/
    /** count without the rounding term: floor instead of ceiling. */
    public static int ChunkKernel__count__floor(int total, int size) {
        return total / size;
    }

    /*@ public normal_behavior
      @   requires total >= 0 && size >= 1 && chunk >= 0 && chunk * size <= 2147483647;
      @   ensures \result == (chunk * size < total ? chunk * size : total);
      @   ensures 0 <= \result && \result <= total;
      @   assignable \nothing;
      @*/
    /** start without the clamp to total. */
    public static int ChunkKernel__start__unclamped(int chunk, int size, int total) {
        return chunk * size;
    }

    /*@ public normal_behavior
      @   requires total >= 0 && size >= 1 && chunk >= 0 && (chunk + 1) * size <= 2147483647;
      @   ensures \result == ((chunk + 1) * size < total ? (chunk + 1) * size : total);
      @   ensures 0 <= \result && \result <= total;
      @   ensures \result >= (chunk * size < total ? chunk * size : total);
      @   assignable \nothing;
      @*/
    /** end computed as chunk * size (the start): every chunk empty. */
    public static int ChunkKernel__end__isStart(int chunk, int size, int total) {
        int e = chunk * size;
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
    /** size with the comparison reversed: min instead of max. */
    public static int ChunkKernel__size__minForMax(int total, int maxChunks, int minSize) {
        int s = (total + maxChunks - 1) / maxChunks;
        return s < minSize ? s : minSize;
    }

    // ---------------------------------------------------------------- PairKernel

    /*@ public normal_behavior
      @   requires n >= 2 && 0 <= i && i < n && 0 <= k && k < n - 1;
      @   ensures \result == (k < i ? k : k + 1);
      @   ensures 0 <= \result && \result < n && \result != i;
      @   assignable \nothing;
      @*/
    /** partner with &lt;= for &lt;: partner k = i is i itself. */
    public static int PairKernel__partner__leq(int n, int i, int k) {
        return k <= i ? k : k + 1;
    }

    /*@ public normal_behavior
      @   requires n >= 2 && 0 <= i && i < n && 0 <= j && j < n && j != i;
      @   ensures \result == (j < i ? j : j - 1);
      @   ensures 0 <= \result && \result < n - 1;
      @   ensures (\result < i ? \result : \result + 1) == j;
      @   assignable \nothing;
      @*/
    /** partnerNumber without the shift above i. */
    public static int PairKernel__partnerNumber__noShift(int n, int i, int j) {
        return j;
    }

    /*@ public normal_behavior
      @   requires samples >= 1 && n >= 2 && 0 <= m && m < samples && 0 <= i && i < n;
      @   requires samples * n <= 2147483647;
      @   ensures \result == m * n + i;
      @   ensures 0 <= \result && \result < samples * n;
      @   assignable \nothing;
      @*/
    /** row with the sample stride m + i n (transposed). */
    public static int PairKernel__row__transposed(int samples, int n, int m, int i) {
        return m + i * samples;
    }

    // ---------------------------------------------------------------- ScoreKernel

    /*@ public normal_behavior
      @   requires lo < hi && scale > 0;
      @   requires -1.0e300 <= lo && hi <= 1.0e300 && scale <= 1.0e300;
      @   ensures (lo <= s && s <= hi) ==> \result == (s - lo) * scale;
      @   ensures !(lo <= s) ==> \result == 0.0;
      @   ensures !(s <= hi) && lo <= s ==> \result == (hi - lo) * scale;
      @   assignable \nothing;
      @*/
    /** position without the clamp above hi. */
    public static double ScoreKernel__position__noUpperClamp(double s, double lo, double hi, double scale) {
        if (!(lo <= s)) {
            return 0.0;
        }
        return (s - lo) * scale;
    }

    /*@ public normal_behavior
      @   requires pieces >= 1;
      @   ensures 0 <= \result && \result <= pieces - 1;
      @   ensures !(t >= 1.0) ==> \result == 0;
      @   assignable \nothing;
      @*/
    /** piece clamped to pieces instead of pieces - 1 (the right end gets a piece of its own). */
    public static int ScoreKernel__piece__clampOffByOne(double t, int pieces) {
        int k = 0;
        if (t >= 1.0) {
            k = (int) t;
        }
        if (k > pieces) {
            k = pieces;
        }
        if (k < 0) {
            k = 0;
        }
        return k;
    }

    /*@ public normal_behavior
      @   requires p >= 0 && out != null && out.length >= p + 1;
      @   assignable out[0 .. p];
      @   ensures p == 2 ==> out[0] == 0.5 * (1.0 - u) * (1.0 - u) && out[1] == 0.5 + u * (1.0 - u)
      @                      && out[2] == 0.5 * u * u;
      @   ensures p == 3 ==> out[0] == (1.0 - u) * (1.0 - u) * (1.0 - u) / 6.0 && out[3] == u * u * u / 6.0;
      @   ensures (p == 2 && 0.0 <= u && u <= 1.0) ==> 0.0 <= out[0] && out[0] <= 0.5 && 0.5 <= out[1]
      @                      && out[1] <= 0.75 && 0.0 <= out[2] && out[2] <= 0.5;
      @   ensures (p == 3 && 0.0 <= u && u <= 1.0) ==> 0.0 <= out[0] && 0.0 <= out[1] && 0.0 <= out[2]
      @                      && 0.0 <= out[3];
      @*/
    /** values with the p = 3 last piece u^2 / 6 for u^3 / 6. */
    public static void ScoreKernel__values__cubicLastPiece(double u, int p, double[] out) {
        if (p == 2) {
            double v = 1.0 - u;
            out[0] = 0.5 * v * v;
            out[1] = 0.5 + u * v;
            out[2] = 0.5 * u * u;
            return;
        }
        if (p == 3) {
            double v = 1.0 - u;
            double u2 = u * u;
            double u3 = u2 * u;
            out[0] = v * v * v / 6.0;
            out[1] = (3.0 * u3 - 6.0 * u2 + 4.0) / 6.0;
            out[2] = (-3.0 * u3 + 3.0 * u2 + 3.0 * u + 1.0) / 6.0;
            out[3] = u2 / 6.0;
            return;
        }
        /*@ loop_invariant 0 <= j && j <= p + 1;
          @ loop_writes out[0 .. p];
          @ decreases p + 1 - j;
          @*/
        for (int j = 0; j <= p; j++) {
            out[j] = 0.0;
        }
    }

    /*@ public normal_behavior
      @   requires p >= 0 && values != null && derivatives != null && values != derivatives;
      @   requires values.length >= p + 1 && derivatives.length >= p + 1;
      @   assignable values[0 .. p], derivatives[0 .. p];
      @   ensures p == 0 ==> values[0] == 1.0 && derivatives[0] == 0.0;
      @   ensures p == 2 ==> derivatives[0] == -(1.0 - u) && derivatives[1] == (1.0 - u) - u && derivatives[2] == u;
      @   ensures p == 2 ==> values[0] == 0.5 * (1.0 - u) * (1.0 - u) && values[1] == 0.5 + u * (1.0 - u)
      @                      && values[2] == 0.5 * u * u;
      @   ensures (p == 2 && 0.0 <= u && u <= 1.0) ==> derivatives[0] <= 0.0 && 0.0 <= derivatives[2];
      @*/
    /** valuesAndDerivatives with the p = 2 derivatives in the wrong slots (0 and 2 swapped). */
    public static void ScoreKernel__valuesAndDerivatives__wrongSlot(double u, int p, double[] values,
                                                                   double[] derivatives) {
        if (p == 0) {
            values[0] = 1.0;
            derivatives[0] = 0.0;
            return;
        }
        if (p == 2) {
            double v = 1.0 - u;
            derivatives[2] = -v;
            derivatives[1] = v - u;
            derivatives[0] = u;
            values[0] = 0.5 * v * v;
            values[1] = 0.5 + u * v;
            values[2] = 0.5 * u * u;
            return;
        }
        /*@ loop_invariant 0 <= q && q <= p + 1;
          @ loop_writes values[0 .. p], derivatives[0 .. p];
          @ decreases p + 1 - q;
          @*/
        for (int q = 0; q <= p; q++) {
            values[q] = 0.0;
            derivatives[q] = 0.0;
        }
    }

    // ---------------------------------------------------------------- CoercivityKernel

    /*@ normal_behavior
      @   requires u != null && v != null && 0 <= count;
      @   requires 0 <= u0 && u0 + count <= u.length && 0 <= v0 && v0 + count <= v.length;
      @   assignable \nothing;
      @   ensures count == 0 ==> \result == 0.0;
      @*/
    /** sums one term too many (l &lt;= count): reads past both ranges. */
    static double CoercivityKernel__dot__oneTooMany(double[] u, int u0, double[] v, int v0, int count) {
        double s = 0.0;
        /*@ loop_invariant 0 <= l && l <= count + 1;
          @ loop_writes \nothing;
          @ decreases count + 1 - l;
          @*/
        for (int l = 0; l <= count; l++) {
            s += u[u0 + l] * v[v0 + l];
        }
        return s;
    }

    /*@ normal_behavior
      @   requires a != null && 0 <= from && from <= to && to <= a.length;
      @   assignable a[from .. to - 1];
      @   ensures (\forall int k; from <= k && k < to; a[k] == 0.0);
      @*/
    /** zeroRange that leaves the last entry. */
    static void CoercivityKernel__zeroRange__skipsLast(double[] a, int from, int to) {
        /*@ loop_invariant from <= k && (k <= to - 1 || from == to);
          @ loop_invariant (\forall int c; from <= c && c < k; a[c] == 0.0);
          @ loop_writes a[from .. to - 1];
          @ decreases to - k;
          @*/
        for (int k = from; k < to - 1; k++) {
            a[k] = 0.0;
        }
    }

    /*@ normal_behavior
      @   requires dst != null && src != null && dst != src && 0 <= count;
      @   requires 0 <= to && to + count <= dst.length && 0 <= from && from + count <= src.length;
      @   assignable dst[to .. to + count - 1];
      @*/
    /** addRange writing dst[to + k + 1]: one past the frame. */
    static void CoercivityKernel__addRange__shifted(double[] dst, int to, double[] src, int from, int count) {
        /*@ loop_invariant 0 <= k && k <= count;
          @ loop_writes dst[to .. to + count - 1];
          @ decreases count - k;
          @*/
        for (int k = 0; k < count; k++) {
            dst[to + k + 1] = dst[to + k + 1] + src[from + k];
        }
    }

    /*@ normal_behavior
      @   requires dst != null && v != null && dst != v && 0 <= count && count <= v.length;
      @   requires 0 <= at && at + count <= dst.length;
      @   assignable dst[at .. at + count - 1];
      @*/
    /** addScaled writing dst[at + g - 1]: below the frame. */
    static void CoercivityKernel__addScaled__writesBelow(double[] dst, int at, double c, double[] v, int count) {
        /*@ loop_invariant 0 <= g && g <= count;
          @ loop_writes dst[at .. at + count - 1];
          @ decreases count - g;
          @*/
        for (int g = 0; g < count; g++) {
            dst[at + g - 1] = dst[at + g - 1] + c * v[g];
        }
    }

    /*@ normal_behavior
      @   requires dst != null && v != null && dst != v && 0 <= count && count <= v.length;
      @   requires 0 <= at && at + count <= dst.length;
      @   assignable dst[at .. at + count - 1];
      @*/
    /** addScaledWeighted running to g &lt;= count. */
    static void CoercivityKernel__addScaledWeighted__oneTooMany(double[] dst, int at, double c, double[] v, double w, int count) {
        /*@ loop_invariant 0 <= g && g <= count + 1;
          @ loop_writes dst[at .. at + count - 1];
          @ decreases count + 1 - g;
          @*/
        for (int g = 0; g <= count; g++) {
            dst[at + g] = dst[at + g] + c * v[g] * w;
        }
    }

    /*@ public normal_behavior
      @   requires src != null && dst != null && src != dst && 0 <= count && divisor >= 1.0;
      @   requires 0 <= from && from + count <= src.length && count <= dst.length;
      @   assignable dst[0 .. count - 1];
      @*/
    /** divided writing dst[k + 1]. */
    public static void CoercivityKernel__divided__shifted(double[] src, int from, double[] dst, int count, double divisor) {
        /*@ loop_invariant 0 <= k && k <= count;
          @ loop_writes dst[0 .. count - 1];
          @ decreases count - k;
          @*/
        for (int k = 0; k < count; k++) {
            dst[k + 1] = src[from + k] / divisor;
        }
    }

    /*@ public normal_behavior
      @   requires a != null && 0 <= count && count <= a.length && divisor >= 1.0;
      @   assignable a[0 .. count - 1];
      @*/
    /** divideAll running to k &lt;= count. */
    public static void CoercivityKernel__divideAll__oneTooMany(double[] a, int count, double divisor) {
        /*@ loop_invariant 0 <= k && k <= count + 1;
          @ loop_writes a[0 .. count - 1];
          @ decreases count + 1 - k;
          @*/
        for (int k = 0; k <= count; k++) {
            a[k] = a[k] / divisor;
        }
    }

    /*@ public normal_behavior
      @   requires src != null && dst != null && src != dst && 0 <= count;
      @   requires 0 <= from && from + count <= src.length && 0 <= to && to + count <= dst.length;
      @   assignable dst[to .. to + count - 1];
      @   ensures (\forall int c; to <= c && c < to + count; dst[c] == src[c - to + from]);
      @*/
    /** copyRange copying the range in reverse order. */
    public static void CoercivityKernel__copyRange__reversed(double[] src, int from, double[] dst, int to, int count) {
        /*@ loop_invariant 0 <= k && k <= count;
          @ loop_invariant (\forall int c; to <= c && c < to + k; dst[c] == src[c - to + from]);
          @ loop_writes dst[to .. to + count - 1];
          @ decreases count - k;
          @*/
        for (int k = 0; k < count; k++) {
            dst[to + k] = src[from + count - 1 - k];
        }
    }

    /*@ public normal_behavior
      @   requires kept != null && idx != null && 0 <= nb && nb <= kept.length && nb <= idx.length;
      @   assignable idx[0 .. nb - 1];
      @   ensures 0 <= \result && \result <= nb;
      @   ensures (\forall int k; 0 <= k && k < \result; 0 <= idx[k] && idx[k] < nb);
      @*/
    /** keptIndices storing k + 1 (nb for the last kept function). */
    public static int CoercivityKernel__keptIndices__storesNext(boolean[] kept, int nb, int[] idx) {
        int s = 0;
        /*@ loop_invariant 0 <= k && k <= nb && 0 <= s && s <= k;
          @ loop_invariant (\forall int c; 0 <= c && c < s; 0 <= idx[c] && idx[c] < k);
          @ loop_writes idx[0 .. nb - 1];
          @ decreases nb - k;
          @*/
        for (int k = 0; k < nb; k++) {
            if (kept[k]) {
                idx[s] = k + 1;
                s++;
            }
        }
        return s;
    }

    /*@ public normal_behavior
      @   requires y != null && idx != null && out != null && y != out && 0 <= count;
      @   requires count <= y.length && count <= idx.length && 0 <= nb && nb <= out.length;
      @   requires (\forall int k; 0 <= k && k < count; 0 <= idx[k] && idx[k] < nb);
      @   assignable out[0 .. nb - 1];
      @*/
    /** scatter writing out[idx[k] + 1]: past out for idx[k] = nb - 1. */
    public static void CoercivityKernel__scatter__shifted(double[] y, int[] idx, int count, double[] out, int nb) {
        /*@ loop_invariant 0 <= k && k <= count;
          @ loop_writes out[0 .. nb - 1];
          @ decreases count - k;
          @*/
        for (int k = 0; k < count; k++) {
            out[idx[k] + 1] = y[k];
        }
    }

    /*@ public normal_behavior
      @   requires dst != null && src != null && dst != src && 0 <= count;
      @   requires 0 <= from && from + count <= src.length && count <= dst.length;
      @   assignable dst[0 .. count - 1];
      @*/
    /** addBlock adding the block at dst[from + k] instead of dst[k]. */
    public static void CoercivityKernel__addBlock__atFrom(double[] dst, double[] src, int from, int count) {
        /*@ loop_invariant 0 <= k && k <= count;
          @ loop_writes dst[from .. from + count - 1];
          @ decreases count - k;
          @*/
        for (int k = 0; k < count; k++) {
            dst[from + k] = dst[from + k] + src[from + k];
        }
    }

    // ---------------------------------------------------------------- SpdKernel

    /*@ normal_behavior
      @   requires a != null && l != null;
      @   requires 0 <= at && at < a.length && 0 <= count && 0 <= ri && ri + count <= l.length
      @         && 0 <= rj && rj + count <= l.length;
      @   assignable \nothing;
      @*/
    /** reduced summing one term too many (k &lt;= count): reads past the row. */
    static double SpdKernel__reduced__oneTooMany(double[] a, int at, double[] l, int ri, int rj, int count) {
        double sum = a[at];
        /*@ loop_invariant 0 <= k && k <= count + 1;
          @ loop_writes \nothing;
          @ decreases count + 1 - k;
          @*/
        for (int k = 0; k <= count; k++) {
            sum -= l[ri + k] * l[rj + k];
        }
        return sum;
    }

    /*@ normal_behavior
      @   requires l != null && 0 <= from && from <= to && to <= l.length;
      @   assignable l[from .. to - 1];
      @   ensures (\forall int k; from <= k && k < to; l[k] == 0.0);
      @*/
    /** clear that skips the last entry. */
    static void SpdKernel__clear__skipsLast(double[] l, int from, int to) {
        /*@ loop_invariant from <= k && (k <= to - 1 || from == to);
          @ loop_invariant (\forall int c; from <= c && c < k; l[c] == 0.0);
          @ loop_writes l[from .. to - 1];
          @ decreases to - k;
          @*/
        for (int k = from; k < to - 1; k++) {
            l[k] = 0.0;
        }
    }

    /*@ normal_behavior
      @   requires l != null && b != null && 0 <= at && 0 <= count && at + count <= l.length && count <= b.length;
      @   assignable \nothing;
      @*/
    /** minusDot reading l from row offset at + 1: past the end for the last row. */
    static double SpdKernel__minusDot__shifted(double s, double[] l, int at, double[] b, int count) {
        /*@ loop_invariant 0 <= k && k <= count;
          @ loop_writes \nothing;
          @ decreases count - k;
          @*/
        for (int k = 0; k < count; k++) {
            s -= l[at + k + 1] * b[k];
        }
        return s;
    }

    /*@ normal_behavior
      @   requires b != null && x != null && 0 <= n && n <= b.length && n <= x.length;
      @   assignable x[0 .. n - 1];
      @   ensures (\forall int k; 0 <= k && k < n; x[k] == b[k]);
      @*/
    /** copy that zeroes instead of copying. */
    static void SpdKernel__copy__zeroes(double[] b, double[] x, int n) {
        /*@ loop_invariant 0 <= i && i <= n;
          @ loop_writes x[0 .. n - 1];
          @ decreases n - i;
          @*/
        for (int i = 0; i < n; i++) {
            x[i] = 0.0;
        }
    }

    // ---------------------------------------------------------------- AssemblyKernel

    /*@ normal_behavior
      @   requires f != null && 0 <= row && 0 <= first && first <= last + 1 && row + last < f.length;
      @   assignable f[row + first .. row + last];
      @   ensures (\forall int k; row + first <= k && k <= row + last; f[k] == 0.0);
      @*/
    /** clearBand with a &lt; last: the last entry of the band stays. */
    static void AssemblyKernel__clearBand__skipsLast(double[] f, int row, int first, int last) {
        /*@ loop_invariant first <= a && a <= last + 1;
          @ loop_invariant (\forall int k; row + first <= k && k < row + a; f[k] == 0.0);
          @ loop_writes f[row + first .. row + last];
          @ decreases last + 1 - a;
          @*/
        for (int a = first; a < last; a++) {
            f[row + a] = 0.0;
        }
    }

    /*@ normal_behavior
      @   requires p != null && q != null && r >= 1;
      @   requires 0 <= pi && pi + r <= p.length && 0 <= qj && qj + r <= q.length;
      @   assignable \nothing;
      @   ensures r == 1 ==> \result == p[pi] * q[qj];
      @*/
    /** score whose rank-1 shortcut multiplies P_i by itself. */
    static double AssemblyKernel__score__squares(double[] p, double[] q, int r, int pi, int qj) {
        if (r == 1) {
            return p[pi] * p[pi];
        }
        double s = 0.0;
        /*@ loop_invariant 0 <= b && b <= r;
          @ loop_writes \nothing;
          @ decreases r - b;
          @*/
        for (int b = 0; b < r; b++) {
            s += p[pi + b] * q[qj + b];
        }
        return s;
    }

    /*@ normal_behavior
      @   requires f != null && 0 <= row && 0 <= first && first <= last + 1 && second > last - first;
      @   requires second + row + last < f.length;
      @   assignable f[row + first .. row + last], f[second + row + first .. second + row + last];
      @   ensures (\forall int k; second + row + first <= k && k <= second + row + last; f[k] == 0.0);
      @*/
    /** foldBand that forgets to clear the odd half. */
    static void AssemblyKernel__foldBand__keepsOddHalf(double[] f, int row, int second, int first, int last,
                                                       double weight) {
        /*@ loop_invariant first <= a && a <= last + 1;
          @ loop_writes f[row + first .. row + last], f[second + row + first .. second + row + last];
          @ decreases last + 1 - a;
          @*/
        for (int a = first; a <= last; a++) {
            f[row + a] = (f[row + a] + f[second + row + a]) * weight;
        }
    }

    /*@ normal_behavior
      @   requires table != null && degree >= 0 && 0 <= at && at + degree < table.length;
      @   assignable \nothing;
      @   ensures degree == 0 ==> \result == table[at];
      @*/
    /** horner starting one coefficient too high (table[at + degree + 1]). */
    static double AssemblyKernel__horner__startsPastEnd(double[] table, int at, int degree, double u) {
        double phi = table[at + degree + 1];
        /*@ loop_invariant -1 <= a && a <= degree - 1;
          @ loop_writes \nothing;
          @ decreases a + 1;
          @*/
        for (int a = degree - 1; a >= 0; a--) {
            phi = phi * u + table[at + a];
        }
        return phi;
    }

    /*@ normal_behavior
      @   requires z != null && x != null && z != x && 0 <= d && d <= z.length;
      @   requires 0 <= x0 && x0 + d <= x.length;
      @   assignable z[0 .. d - 1];
      @*/
    /** axpy that also writes the partner row of x. */
    static void AssemblyKernel__axpy__writesX(double[] z, int d, double c0, double[] x, int x0) {
        /*@ loop_invariant 0 <= a && a <= d;
          @ loop_writes z[0 .. d - 1], x[x0 .. x0 + d - 1];
          @ decreases d - a;
          @*/
        for (int a = 0; a < d; a++) {
            z[a] = z[a] + c0 * x[x0 + a];
            x[x0 + a] = 0.0;
        }
    }

    /*@ normal_behavior
      @   requires z != null && x != null && z != x && 0 <= d && d <= z.length;
      @   requires 0 <= x0 && x0 + d <= x.length && 0 <= x1 && x1 + d <= x.length && 0 <= x2 && x2 + d <= x.length;
      @   assignable z[0 .. d - 1];
      @*/
    /** axpy3 reading the third partner one entry late. */
    static void AssemblyKernel__axpy3__thirdShifted(double[] z, int d, double c0, double c1, double c2,
                                                    double[] x, int x0, int x1, int x2) {
        /*@ loop_invariant 0 <= a && a <= d;
          @ loop_writes z[0 .. d - 1];
          @ decreases d - a;
          @*/
        for (int a = 0; a < d; a++) {
            z[a] = z[a] + (c0 * x[x0 + a] + c1 * x[x1 + a] + c2 * x[x2 + a + 1]);
        }
    }

    /*@ normal_behavior
      @   requires f != null && values != null && f != values && 0 <= count && count <= values.length;
      @   requires 0 <= at && at + count <= f.length;
      @   assignable f[at .. at + count - 1];
      @*/
    /** addInto one coefficient too far (f[at + e + 1]). */
    static void AssemblyKernel__addInto__shifted(double[] f, int at, double[] values, int count) {
        /*@ loop_invariant 0 <= e && e <= count;
          @ loop_writes f[at + 1 .. at + count];
          @ decreases count - e;
          @*/
        for (int e = 0; e < count; e++) {
            f[at + e + 1] = f[at + e + 1] + values[e];
        }
    }

    /*@ normal_behavior
      @   requires out != null && block != null && out != block && 0 <= first && first <= last + 1;
      @   requires 0 <= at && at + last < out.length && 0 <= from && from + last < block.length;
      @   assignable out[at + first .. at + last], block[from + first .. from + last];
      @   ensures (\forall int k; from + first <= k && k <= from + last; block[k] == 0.0);
      @*/
    /** moveRow that clears the block before adding it (and so adds zeros), clearing the wrong entry. */
    static void AssemblyKernel__moveRow__clearsWrongEntry(double[] out, int at, double[] block, int from, int first,
                                                          int last) {
        /*@ loop_invariant first <= e && e <= last + 1;
          @ loop_writes out[at + first .. at + last], block[from + first .. from + last];
          @ decreases last + 1 - e;
          @*/
        for (int e = first; e <= last; e++) {
            out[at + e] = out[at + e] + block[from + e];
            block[from + first] = 0.0;
        }
    }

    /*@ normal_behavior
      @   requires out != null && f != null && out != f && 0 <= first && first <= last + 1;
      @   requires 0 <= at && at + last < out.length && 0 <= row && row + last < f.length;
      @   assignable out[at + first .. at + last];
      @*/
    /** addScaled writing the lower triangle entry out[at + e - 1] as well (below the diagonal). */
    static void AssemblyKernel__addScaled__writesBelow(double[] out, int at, double fa, double[] f, int row,
                                                       int first, int last) {
        /*@ loop_invariant first <= e && e <= last + 1;
          @ loop_writes out[at + first - 1 .. at + last];
          @ decreases last + 1 - e;
          @*/
        for (int e = first; e <= last; e++) {
            out[at + e - 1] = out[at + e - 1] + fa * f[row + e];
        }
    }

    /*@ normal_behavior
      @   requires src != null && dst != null && src != dst && j >= 1 && 0 <= count;
      @   requires 0 <= from && from + count <= src.length && 0 <= to && to + count <= dst.length;
      @   assignable dst[to .. to + count - 1];
      @*/
    /** divided by j - 1 (zero for j = 1). */
    static void AssemblyKernel__divided__byJMinusOne(double[] src, int from, double[] dst, int to, int count,
                                                     int j) {
        /*@ loop_invariant 0 <= a && a <= count;
          @ loop_writes dst[to .. to + count - 1];
          @ decreases count - a;
          @*/
        for (int a = 0; a < count; a++) {
            dst[to + a] = src[from + a] / (j - 1);
        }
    }

    /*@ normal_behavior
      @   requires src != null && dst != null && src != dst && 0 <= count;
      @   requires 0 <= from && from + count <= src.length && 0 <= to && to + count <= dst.length;
      @   assignable dst[to .. to + count - 1];
      @*/
    /** copyRange that copies count + 1 entries. */
    static void AssemblyKernel__copyRange__oneTooMany(double[] src, int from, double[] dst, int to, int count) {
        /*@ loop_invariant 0 <= a && a <= count + 1;
          @ loop_writes dst[to .. to + count];
          @ decreases count + 1 - a;
          @*/
        for (int a = 0; a <= count; a++) {
            dst[to + a] = src[from + a];
        }
    }

    /*@ normal_behavior
      @   requires block != null && wv != null && p != null && block != wv && block != p && 0 <= r;
      @   requires r <= wv.length && 0 <= pi && pi + r <= p.length;
      @   requires 0 <= at && r <= half && at + half + r <= block.length;
      @   assignable block[at .. at + r - 1], block[at + half .. at + half + r - 1];
      @*/
    /** jacobianPair writing the V half at at + half + b + 1. */
    static void AssemblyKernel__jacobianPair__vShifted(double[] block, int at, int half, double xa, double[] wv,
                                                       double za, double[] p, int pi, int r) {
        /*@ loop_invariant 0 <= b && b <= r;
          @ loop_writes block[at .. at + r - 1], block[at + half + 1 .. at + half + r];
          @ decreases r - b;
          @*/
        for (int b = 0; b < r; b++) {
            block[at + b] = xa * wv[b];
            block[at + half + b + 1] = p[pi + b] * za;
        }
    }
}
