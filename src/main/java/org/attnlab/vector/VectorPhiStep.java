package org.attnlab.vector;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.attnlab.kernel.PhiStepLoops;

/**
 * The phi-step loops of {@code org.attnlab.kernel.AssemblyKernel} on the incubating Vector API (JDK 17, module
 * {@code jdk.incubator.vector}), bit-identical to the scalar loops: each lane does exactly the scalar operations
 * of one independent output, in the scalar order (separate multiply and add, never a fused multiply-add or a lane
 * reduction), and every sum whose order matters is added by scalar code in the scalar order.
 *
 * <p>Normal equations, one sample at a time ({@link #sample}). (1) Lanes = partners j (all N tokens of the
 * sample for each token i; lane j = i and the lanes past N are computed and ignored): the score, the clamping of
 * {@code ScoreKernel.position}, the piece, the local coordinate and the closed-form B values of
 * {@code tokenDegree2}/{@code tokenDegree3}, into per-thread buffers. (2) If the sample fits one window of 8
 * coefficients (86% of the samples of the bench problem at p = 2): each pair's B values are copied into a
 * zero-padded row of a stage buffer, so that the 8 doubles at offset 8 - d of it are the pair's window vector
 * (lane l holds B_{l - d}, +0 outside the band; d = piece - window start). Lanes = the window's coefficients:
 * token i's even and odd rows are two pairs of vectors to which the window vectors of its partners are added in
 * partner order, the scalar scatter's additions (plus additions of +0, which leave a sum that starts at +0
 * unchanged: B values are finite and &gt;= +0, so the sums are never -0); then F = (even + odd) w and the full
 * 8 x 8 square of F F^T and y F, lanes = columns, as {@code foldOuterWindow}. (3) A wider sample: the buffered
 * values are added to the token rows in partner order by scalar code, as the scalar token loops do.
 * Risk ({@link #sumOfSquares}): lanes = partners for the score, piece and local coordinate; the Horner sums and
 * the prediction in scalar code, in the scalar order.
 *
 * <p>The piece of a lane is trunc(min(t, K - 1)), which equals min(trunc(t), K - 1) for t &gt;= 0, i.e.
 * {@code ScoreKernel.piece} and the in-range fast path of the scalar loops (t is in [0, K]). JDK 17 has no
 * double-to-int lane cast on AVX2 (C2 falls back to boxed Java code), so the truncation is computed exactly in
 * doubles: big = x + 2^52 rounds x to an integer (exact for 0 &lt;= x &lt; 2^51), minus one where that rounded up;
 * big - 2^52 is the piece as a double and the low 32 bits of big's bits are the piece as an int (kept as longs).
 *
 * <p>The loops are written flat, without helper methods that take or return vectors: C2 17 boxes a vector passed
 * to a method it does not inline, or merged across branches, and then the vector code is slower than the scalar
 * code (the first version of this class, boxed in places: 18.0 ms against 13.3 ms). Loaded by reflection
 * ({@code org.attnlab.internal.Simd}); nothing in the verified packages refers to this class, so OpenJML never
 * reads it.
 */
public final class VectorPhiStep implements PhiStepLoops {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Four lanes: the window of eight coefficients is two vectors, whatever the preferred width. */
    private static final VectorSpecies<Double> W = DoubleVector.SPECIES_256;
    /** 2^52 (see the class comment). */
    private static final double TWO52 = 0x1p52;

    /**
     * Per-thread buffers of one sample: for token i, lanes j = 0..N - 1 of its partners at i n + j (n = N + 1
     * rounded up to whole vectors, so lane N is always there: the zero partner that pads an odd N - 1).
     */
    private static final class Buffers {
        int tokens = -1;
        int length;
        double[] scores;
        long[] pieces;
        double[] values;
        /** STAGE doubles per lane: B_0..B_p at 8..8 + p, zeros elsewhere (kept zero). */
        double[] stage;
        double[] window = new double[8];

        void fit(int tokens) {
            if (tokens != this.tokens) {
                this.tokens = tokens;
                length = (tokens + 1 + L - 1) / L * L;
                scores = new double[length];
                pieces = new long[tokens * length];
                values = new double[4 * tokens * length];
                stage = new double[STAGE * tokens * length];
            }
        }
    }

    /**
     * Doubles per lane in {@code Buffers.stage}: a pair at offset d from the window start has its window vector
     * (lane l holding B_{l - d}, +0 outside the band: the scalar scatter's additions, plus adds of +0, which leave
     * an accumulator that starts at +0 unchanged) at stage[lane 16 + 8 - d ..], 8 doubles, d in [0, 7 - p].
     */
    private static final int STAGE = 16;

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    /** Public for {@code Simd.load} (reflection). */
    public VectorPhiStep() {
    }

    @Override
    public boolean sample(double[] p, double[] q, double[] y, int r, int tokens, int base, double lo, double hi,
                          double scale, int pieces, int degree, double weight, double[] f, int nb, int[] bounds,
                          double[] block, double[] out, int gram, int rhs) {
        Buffers buf = BUFFERS.get();
        buf.fit(tokens);
        int n = buf.length;
        if (degree == 2) {
            lanes2(p, q, r, tokens, base, lo, hi, scale, pieces, buf);
        } else {
            lanes3(p, q, r, tokens, base, lo, hi, scale, pieces, buf);
        }
        long[] pc = buf.pieces;
        int sampleMin = pieces;
        int sampleMax = 0;
        for (int i = 0; i < tokens; i++) {
            int at = i * n;
            for (int j = 0; j < tokens; j++) {
                if (j != i) {
                    int kk = (int) pc[at + j];
                    sampleMin = Math.min(sampleMin, kk);
                    sampleMax = Math.max(sampleMax, kk);
                }
            }
        }
        if (nb >= 8 && sampleMax + degree - sampleMin < 8) {
            int ws = sampleMin < nb - 8 ? sampleMin : nb - 8;
            stage(buf, tokens, degree, ws);
            window(buf, tokens, ws, weight, y, base, block);
            move(block, ws, nb, out, gram, rhs);
            return true;
        }
        for (int i = 0; i < tokens; i++) {
            if (degree == 2) {
                scatter2(buf, tokens, i, pieces, f, i * nb, i * nb + tokens * nb, bounds);
            } else {
                scatter3(buf, tokens, i, pieces, f, i * nb, i * nb + tokens * nb, bounds);
            }
        }
        return false;
    }

    /**
     * The block of a window sample added to out as {@code normalEquations} adds its scalar block (the upper
     * triangle row by row, out[at + e] = out[at + e] + block[l 8 + e] for e = l..7, and y F), then all of block
     * cleared (the full square has values below the diagonal too).
     */
    private static void move(double[] block, int ws, int nb, double[] out, int gram, int rhs) {
        for (int l = 0; l < 8; l++) {
            int at = gram + (ws + l) * nb + ws;
            for (int e = l; e < 8; e++) {
                out[at + e] = out[at + e] + block[l * 8 + e];
            }
            out[rhs + ws + l] += block[64 + l];
        }
        Arrays.fill(block, 0, 72, 0.0);
    }

    /**
     * The buffered B values of lanes j &lt; N to their stage rows (positions 8..8 + p, and 0 at 9 + p..11; the rest
     * is never written and stays 0), and the padding partner (lane N, whose row is never written) at offset 0.
     */
    private static void stage(Buffers buf, int tokens, int degree, int ws) {
        int n = buf.length;
        int tn = tokens * n;
        double[] val = buf.values;
        double[] st = buf.stage;
        for (int i = 0; i < tokens; i++) {
            int at = i * n;
            if (degree == 2) {
                for (int j = at; j < at + tokens; j++) {
                    int o = j * STAGE + 8;
                    st[o] = val[j];
                    st[o + 1] = val[tn + j];
                    st[o + 2] = val[2 * tn + j];
                    // 0 past the band (a degree-3 sample of the same thread may have left B_3 here)
                    st[o + 3] = 0.0;
                }
            } else {
                for (int j = at; j < at + tokens; j++) {
                    int o = j * STAGE + 8;
                    st[o] = val[j];
                    st[o + 1] = val[tn + j];
                    st[o + 2] = val[2 * tn + j];
                    st[o + 3] = val[3 * tn + j];
                }
            }
            // the padding partner: its stage row is never written (all 0), its piece ws (offset 0)
            buf.pieces[at + tokens] = Double.doubleToRawLongBits(TWO52 + ws);
        }
    }

    /**
     * Token i of a window sample: its even and odd rows on the window ws..ws + 7 in four vectors, each partner's
     * window vector (from the stage) added in partner order, even partners to one pair, odd to the other (the
     * same additions as the scalar scatter, plus adds of +0); then F = (even + odd) w into buf.window, as
     * {@code foldOuterWindow}'s f_l.
     */
    private static void window(Buffers buf, int tokens, int ws, double weight, double[] y, int base,
                               double[] block) {
        int n = buf.length;
        long[] pc = buf.pieces;
        double[] st = buf.stage;
        double[] fw = buf.window;
        for (int i = 0; i < tokens; i++) {
            int at = i * n;
            DoubleVector evenLo = DoubleVector.zero(W);
            DoubleVector evenHi = DoubleVector.zero(W);
            DoubleVector oddLo = DoubleVector.zero(W);
            DoubleVector oddHi = DoubleVector.zero(W);
            // partners k = 0..N - 2 (j = k, or k + 1 from i on), padded to an even count by the zero partner j = N
            for (int k = 0; k < tokens - 1; k += 2) {
                int j0 = at + (k < i ? k : k + 1);
                int j1 = at + (k + 1 < i ? k + 1 : k + 2);
                int o0 = j0 * STAGE + 8 - ((int) pc[j0] - ws);
                int o1 = j1 * STAGE + 8 - ((int) pc[j1] - ws);
                evenLo = evenLo.add(DoubleVector.fromArray(W, st, o0));
                evenHi = evenHi.add(DoubleVector.fromArray(W, st, o0 + 4));
                oddLo = oddLo.add(DoubleVector.fromArray(W, st, o1));
                oddHi = oddHi.add(DoubleVector.fromArray(W, st, o1 + 4));
            }
            // foldOuterWindow: f_l = (even_l + odd_l) w; block[l 8 + e] += f_l f_e (the full square, lanes = e),
            // block[64 + l] += y_i f_l
            DoubleVector a = evenLo.add(oddLo).mul(weight);
            DoubleVector b = evenHi.add(oddHi).mul(weight);
            a.intoArray(fw, 0);
            b.intoArray(fw, 4);
            double yi = y[base + i];
            DoubleVector.fromArray(W, block, 64).add(a.mul(yi)).intoArray(block, 64);
            DoubleVector.fromArray(W, block, 68).add(b.mul(yi)).intoArray(block, 68);
            for (int l = 0; l < 8; l++) {
                double fl = fw[l];
                int row = 8 * l;
                DoubleVector.fromArray(W, block, row).add(a.mul(fl)).intoArray(block, row);
                DoubleVector.fromArray(W, block, row + 4).add(b.mul(fl)).intoArray(block, row + 4);
            }
        }
    }

    /**
     * The scores of token i's lanes j = 0..n - 1 are factor src[from + j]: p_i q_j at r = 1 read from q itself,
     * else from the buffer (a copy of q at the end of q; at r &gt; 1 the scores summed in scalar order, with factor
     * 1.0: 1.0 x = x bit for bit). Returns from, or -1 if src is the buffer.
     */
    private static int scores(double[] p, double[] q, int r, int tokens, int base, int i, Buffers buf) {
        int pi = (base + i) * r;
        if (r == 1 && base + buf.length <= q.length) {
            return base;
        }
        double[] sc = buf.scores;
        if (r == 1) {
            for (int j = 0; j < tokens; j++) {
                sc[j] = q[base + j];
            }
        } else {
            for (int j = 0; j < tokens; j++) {
                sc[j] = score(p, q, r, pi, (base + j) * r);
            }
        }
        return -1;
    }

    /** The score of {@code AssemblyKernel.score}: p q at r = 1, else the sum over b from 0.0 in order. */
    private static double score(double[] p, double[] q, int r, int pi, int qj) {
        if (r == 1) {
            return p[pi] * q[qj];
        }
        double s = 0.0;
        for (int b = 0; b < r; b++) {
            s += p[pi + b] * q[qj + b];
        }
        return s;
    }

    /** Degree 2: piece (as long bits) and B_0..B_2 of every lane of every token i into the buffers (row i). */
    private static void lanes2(double[] p, double[] q, int r, int tokens, int base, double lo, double hi,
                               double scale, int pieces, Buffers buf) {
        int n = buf.length;
        int tn = tokens * n;
        double[] val = buf.values;
        long[] pc = buf.pieces;
        double last = pieces - 1;
        double topT = (hi - lo) * scale;
        for (int i = 0; i < tokens; i++) {
        int from = scores(p, q, r, tokens, base, i, buf);
        double[] src = from < 0 ? buf.scores : q;
        double factor = from < 0 && r != 1 ? 1.0 : p[(base + i) * r];
        int off = from < 0 ? 0 : from;
        int at = i * n;
        DoubleVector pv = DoubleVector.broadcast(S, factor);
        DoubleVector top = DoubleVector.broadcast(S, topT);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        DoubleVector zero = DoubleVector.zero(S);
        for (int j = 0; j < n; j += L) {
            DoubleVector s = pv.mul(DoubleVector.fromArray(S, src, off + j));
            // ScoreKernel.position: !(lo <= s) (NaN too) -> 0; !(s <= hi) -> (hi - lo) scale; else (s - lo) scale
            DoubleVector t = zero.blend(top.blend(s.sub(lo).mul(scale), s.compare(VectorOperators.LE, hi)),
                    s.compare(VectorOperators.GE, lo));
            // the piece trunc(min(t, K - 1)) (class comment), then u = t - piece
            DoubleVector x = t.blend(last, t.compare(VectorOperators.GT, last));
            DoubleVector big = x.add(TWO52);
            big = big.blend(big.sub(1.0), big.sub(TWO52).compare(VectorOperators.GT, x));
            big.reinterpretAsLongs().intoArray(pc, at + j);
            DoubleVector u = t.sub(big.sub(TWO52));
            DoubleVector v = one.sub(u);
            // 0.5 v v, 0.5 + u v, 0.5 u u
            v.mul(0.5).mul(v).intoArray(val, at + j);
            u.mul(v).add(0.5).intoArray(val, tn + at + j);
            u.mul(0.5).mul(u).intoArray(val, 2 * tn + at + j);
        }
        }
    }

    /** Degree 3: piece (as long bits) and B_0..B_3 of every lane of every token i into the buffers (row i). */
    private static void lanes3(double[] p, double[] q, int r, int tokens, int base, double lo, double hi,
                               double scale, int pieces, Buffers buf) {
        int n = buf.length;
        int tn = tokens * n;
        double[] val = buf.values;
        long[] pc = buf.pieces;
        double last = pieces - 1;
        double topT = (hi - lo) * scale;
        for (int i = 0; i < tokens; i++) {
        int from = scores(p, q, r, tokens, base, i, buf);
        double[] src = from < 0 ? buf.scores : q;
        double factor = from < 0 && r != 1 ? 1.0 : p[(base + i) * r];
        int off = from < 0 ? 0 : from;
        int at = i * n;
        DoubleVector pv = DoubleVector.broadcast(S, factor);
        DoubleVector top = DoubleVector.broadcast(S, topT);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        DoubleVector zero = DoubleVector.zero(S);
        for (int j = 0; j < n; j += L) {
            DoubleVector s = pv.mul(DoubleVector.fromArray(S, src, off + j));
            DoubleVector t = zero.blend(top.blend(s.sub(lo).mul(scale), s.compare(VectorOperators.LE, hi)),
                    s.compare(VectorOperators.GE, lo));
            DoubleVector x = t.blend(last, t.compare(VectorOperators.GT, last));
            DoubleVector big = x.add(TWO52);
            big = big.blend(big.sub(1.0), big.sub(TWO52).compare(VectorOperators.GT, x));
            big.reinterpretAsLongs().intoArray(pc, at + j);
            DoubleVector u = t.sub(big.sub(TWO52));
            DoubleVector v = one.sub(u);
            DoubleVector u2 = u.mul(u);
            DoubleVector u3 = u2.mul(u);
            // v v v / 6, (3 u^3 - 6 u^2 + 4) / 6, (-3 u^3 + 3 u^2 + 3 u + 1) / 6, u^3 / 6
            v.mul(v).mul(v).div(6.0).intoArray(val, at + j);
            u3.mul(3.0).sub(u2.mul(6.0)).add(4.0).div(6.0).intoArray(val, tn + at + j);
            u3.mul(-3.0).add(u2.mul(3.0)).add(u.mul(3.0)).add(1.0).div(6.0).intoArray(val, 2 * tn + at + j);
            u3.div(6.0).intoArray(val, 3 * tn + at + j);
        }
        }
    }

    /**
     * Degree 2, a sample wider than the window: token i's buffered values added to its even (k even) and odd
     * rows in partner order k = 0..N - 2, as {@code tokenDegree2}; its smallest and largest piece to bounds.
     */
    private static void scatter2(Buffers buf, int tokens, int i, int pieces, double[] f, int even, int odd,
                                 int[] bounds) {
        int n = buf.length;
        int tn = tokens * n;
        long[] pc = buf.pieces;
        double[] val = buf.values;
        int kMin = pieces;
        int kMax = 0;
        for (int k = 0; k < tokens - 1; k++) {
            int j = i * n + (k < i ? k : k + 1);
            int kk = (int) pc[j];
            int o = ((k & 1) == 0 ? even : odd) + kk;
            f[o] += val[j];
            f[o + 1] += val[tn + j];
            f[o + 2] += val[2 * tn + j];
            kMin = Math.min(kMin, kk);
            kMax = Math.max(kMax, kk);
        }
        bounds[2 * i] = kMin;
        bounds[2 * i + 1] = kMax;
    }

    /** Degree 3: as {@link #scatter2} with four values per partner. */
    private static void scatter3(Buffers buf, int tokens, int i, int pieces, double[] f, int even, int odd,
                                 int[] bounds) {
        int n = buf.length;
        int tn = tokens * n;
        long[] pc = buf.pieces;
        double[] val = buf.values;
        int kMin = pieces;
        int kMax = 0;
        for (int k = 0; k < tokens - 1; k++) {
            int j = i * n + (k < i ? k : k + 1);
            int kk = (int) pc[j];
            int o = ((k & 1) == 0 ? even : odd) + kk;
            f[o] += val[j];
            f[o + 1] += val[tn + j];
            f[o + 2] += val[2 * tn + j];
            f[o + 3] += val[3 * tn + j];
            kMin = Math.min(kMin, kk);
            kMax = Math.max(kMax, kk);
        }
        bounds[2 * i] = kMin;
        bounds[2 * i + 1] = kMax;
    }

    @Override
    public double sumOfSquares(double[] p, double[] q, double[] y, int r, int tokens, int m0, int m1, double lo,
                               double hi, double scale, int pieces, int degree, double weight, double[] table) {
        Buffers buf = BUFFERS.get();
        buf.fit(tokens);
        int w = degree + 1;
        double sse = 0.0;
        long[] pc = buf.pieces;
        double[] ul = buf.values;
        // one token at a time, in the buffers' first row
        for (int m = m0; m < m1; m++) {
            int base = m * tokens;
            for (int i = 0; i < tokens; i++) {
                local(p, q, r, tokens, base, i, lo, hi, scale, pieces, buf);
                double pred = 0.0;
                for (int k = 0; k < tokens - 1; k++) {
                    int j = k < i ? k : k + 1;
                    int at = (int) pc[j] * w;
                    double u = ul[j];
                    double phi = table[at + degree];
                    for (int a = degree - 1; a >= 0; a--) {
                        phi = phi * u + table[at + a];
                    }
                    pred += phi;
                }
                double res = y[base + i] - weight * pred;
                sse += res * res;
            }
        }
        return sse;
    }

    /** As {@link #lanes2} up to the local coordinate: the piece and u of every lane into the buffers. */
    private static void local(double[] p, double[] q, int r, int tokens, int base, int i, double lo, double hi,
                              double scale, int pieces, Buffers buf) {
        int from = scores(p, q, r, tokens, base, i, buf);
        double[] src = from < 0 ? buf.scores : q;
        double factor = from < 0 && r != 1 ? 1.0 : p[(base + i) * r];
        int off = from < 0 ? 0 : from;
        int n = buf.length;
        double[] ul = buf.values;
        long[] pc = buf.pieces;
        double last = pieces - 1;
        DoubleVector pv = DoubleVector.broadcast(S, factor);
        DoubleVector top = DoubleVector.broadcast(S, (hi - lo) * scale);
        DoubleVector zero = DoubleVector.zero(S);
        for (int j = 0; j < n; j += L) {
            DoubleVector s = pv.mul(DoubleVector.fromArray(S, src, off + j));
            DoubleVector t = zero.blend(top.blend(s.sub(lo).mul(scale), s.compare(VectorOperators.LE, hi)),
                    s.compare(VectorOperators.GE, lo));
            DoubleVector x = t.blend(last, t.compare(VectorOperators.GT, last));
            DoubleVector big = x.add(TWO52);
            big = big.blend(big.sub(1.0), big.sub(TWO52).compare(VectorOperators.GT, x));
            big.reinterpretAsLongs().intoArray(pc, j);
            t.sub(big.sub(TWO52)).intoArray(ul, j);
        }
    }
}
