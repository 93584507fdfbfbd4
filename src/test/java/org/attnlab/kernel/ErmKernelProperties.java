package org.attnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.attnlab.basis.BSplineBasis;
import org.attnlab.basis.KnotVector;

/** The JML contracts of {@link ChunkKernel}, {@link PairKernel} and {@link ScoreKernel}, checked at run time. */
class ErmKernelProperties {

    /** Agreement of the cardinal values with the general Cox-de Boor basis. */
    static final double BASIS_TOLERANCE = 1e-13;
    /** How far from a knot two piece searches can disagree: a few ulps of the knot arithmetic on [-1, 1]. */
    static final double KNOT_ROUNDING = 1e-14;

    @Property(tries = 200, seed = "20261130")
    void chunksAreDisjointConsecutiveAndCoverTheRange(@ForAll @IntRange(min = 0, max = 5000) int total,
                                                      @ForAll @IntRange(min = 1, max = 700) int size) {
        int count = ChunkKernel.count(total, size);
        assertEquals((total + size - 1) / size, count);
        int covered = 0;
        int previousEnd = 0;
        for (int c = 0; c < count; c++) {
            int s = ChunkKernel.start(c, size, total);
            int e = ChunkKernel.end(c, size, total);
            assertEquals(previousEnd, s, "consecutive");
            assertTrue(s < e && e <= total, "non-empty and inside");
            assertTrue(e - s <= size);
            covered += e - s;
            previousEnd = e;
        }
        assertEquals(total, covered);
        assertEquals(total, previousEnd);
        assertEquals(total, ChunkKernel.start(count, size, total), "start past the last chunk is total");
    }

    @Property(tries = 100, seed = "20261130")
    void chunkSizeBoundsTheChunkCount(@ForAll @IntRange(min = 0, max = 100000) int total,
                                      @ForAll @IntRange(min = 1, max = 100) int maxChunks,
                                      @ForAll @IntRange(min = 1, max = 64) int minSize) {
        int size = ChunkKernel.size(total, maxChunks, minSize);
        assertEquals(Math.max(minSize, (total + maxChunks - 1) / maxChunks), size);
        assertTrue(ChunkKernel.count(total, size) <= maxChunks);
    }

    @Property(tries = 100, seed = "20261130")
    void partnersEnumerateTheOtherTokensInOrder(@ForAll @IntRange(min = 2, max = 12) int n,
                                                @ForAll @IntRange(min = 0, max = 11) int iRaw) {
        int i = iRaw % n;
        boolean[] seen = new boolean[n];
        int previous = -1;
        for (int k = 0; k < n - 1; k++) {
            int j = PairKernel.partner(n, i, k);
            assertNotEquals(i, j);
            assertTrue(j > previous && j < n, "increasing and in range");
            assertEquals(k, PairKernel.partnerNumber(n, i, j));
            seen[j] = true;
            previous = j;
        }
        for (int j = 0; j < n; j++) {
            assertEquals(j != i, seen[j], "j = " + j);
        }
    }

    @Property(tries = 50, seed = "20261130")
    void rowsAreTheFlatLayout(@ForAll @IntRange(min = 1, max = 50) int samples,
                              @ForAll @IntRange(min = 2, max = 9) int n) {
        int expected = 0;
        for (int m = 0; m < samples; m++) {
            for (int i = 0; i < n; i++) {
                assertEquals(expected++, PairKernel.row(samples, n, m, i));
            }
        }
    }

    @Property(tries = 300, seed = "20261130")
    void positionClampsAndScales(@ForAll @DoubleRange(min = -5, max = 5) double s,
                                 @ForAll @IntRange(min = 1, max = 20) int pieces) {
        double lo = -2.0;
        double hi = 2.0;
        double scale = pieces / 4.0;
        double t = ScoreKernel.position(s, lo, hi, scale);
        double expected = (Math.max(lo, Math.min(hi, s)) - lo) * scale;
        assertEquals(expected, t, 0.0);
        int k = ScoreKernel.piece(t, pieces);
        assertTrue(0 <= k && k <= pieces - 1);
        assertTrue(k <= t && (t < k + 1 || k == pieces - 1), "k = floor(t) except at the right end");
    }

    @Property(tries = 50, seed = "20261130")
    void pieceOfSpecialValues(@ForAll @IntRange(min = 1, max = 20) int pieces) {
        assertEquals(0, ScoreKernel.piece(Double.NaN, pieces));
        assertEquals(0, ScoreKernel.piece(-3.0, pieces));
        assertEquals(pieces - 1, ScoreKernel.piece(pieces, pieces));
        assertEquals(pieces - 1, ScoreKernel.piece(1e300, pieces));
        assertEquals(0.0, ScoreKernel.position(Double.NaN, -1, 1, 1), 0.0);
    }

    /** The case jqwik found: s = 0.2 is the knot -1 + 3 h (h = 0.4), which the two searches round apart. */
    @Example
    void cardinalValuesAtARoundedKnot() {
        cardinalValuesMatchCoxDeBoor(0.2, 0, 5);
        cardinalValuesMatchCoxDeBoor(0.2, 1, 5);
        cardinalValuesMatchCoxDeBoor(0.2, 2, 5);
    }

    @Property(tries = 300, seed = "20261130")
    void cardinalValuesMatchCoxDeBoor(@ForAll @DoubleRange(min = -1, max = 1) double s,
                                      @ForAll @IntRange(min = 0, max = 6) int p,
                                      @ForAll @IntRange(min = 1, max = 9) int pieces) {
        BSplineBasis basis = BSplineBasis.of(KnotVector.uniform(p, pieces, -1.0, 1.0));
        double[] all = basis.allValues(s);
        double t = ScoreKernel.position(s, -1.0, 1.0, pieces / 2.0);
        int k = ScoreKernel.piece(t, pieces);
        double[] vals = new double[p + 1];
        double[] ders = new double[p + 1];
        double[] bv = new double[p + 1];
        double[] bd = new double[p + 1];
        int first = basis.evaluate(s, bv, bd);
        // The general basis finds the piece by comparing s with the computed knots -1 + i h; the cardinal
        // kernel floors (s + 1) / h. Both are right; they can round to neighbouring pieces only when s lies
        // within rounding of a knot. There a degree-0 value and a degree-1 derivative jump, so the two
        // evaluations legitimately differ in those (and only those) quantities.
        boolean straddles = first != k;
        if (straddles) {
            assertEquals(1, Math.abs(first - k), "pieces differ by more than one: s=" + s);
            double knot = -1.0 + Math.max(first, k) * (2.0 / pieces);
            assertEquals(knot, s, KNOT_ROUNDING, "pieces differ away from a knot: s=" + s);
        }
        ScoreKernel.values(t - k, p, vals);
        double sum = 0.0;
        for (int q = 0; q <= p; q++) {
            if (!(straddles && p == 0)) {
                assertEquals(all[k + q], vals[q], BASIS_TOLERANCE, "value q=" + q);
            }
            sum += vals[q];
        }
        assertEquals(1.0, sum, BASIS_TOLERANCE, "partition of unity");
        ScoreKernel.valuesAndDerivatives(t - k, p, vals, ders);
        if (straddles && p <= 1) {
            return;
        }
        double h = 2.0 / pieces;
        for (int q = 0; q <= p; q++) {
            int global = k + q;
            double expected = global - first >= 0 && global - first <= p ? bd[global - first] : 0.0;
            assertEquals(expected, ders[q] / h, 1e-11 * Math.max(1.0, Math.abs(expected)) * pieces, "deriv q=" + q);
            assertEquals(all[k + q], vals[q], BASIS_TOLERANCE);
        }
    }
}
