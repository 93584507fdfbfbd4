package org.attnlab.coercivity;

import org.apache.commons.math3.distribution.TDistribution;
import org.attnlab.erm.PairInteraction;
import org.attnlab.erm.SplineGrid;
import org.attnlab.internal.Checks;
import org.attnlab.kernel.CoercivityKernel;
import org.attnlab.kernel.SpdKernel;
import org.attnlab.sampler.Dataset;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Estimates the coercivity constant of the hypothesis space H = span{B_k(x^T A y), k = 0..n-1} for a fixed A
 * and spline grid (arXiv 2510.11789, coercivity Lemma: (1/(N-1)) ||h||^2 &lt;= E|R_h|^2 for i.i.d. tokens).
 *
 * <p>With b_ij = (B_k(s_ij))_k, s_ij = X_i^T A X_j (constant extension outside [-R, R]) and
 * F_i = 1/(N-1) sum_{j != i} b_ij:
 * <pre>
 *   G_agg  = mean over (m, i)        of F_i F_i^T      (so c^T G_agg c  = empirical E |R_h|^2)
 *   G_pair = mean over (m, i, j != i) of b_ij b_ij^T   (so c^T G_pair c = empirical E h^2)
 *   c_H    = lambda_min(G_agg, G_pair) = lambda_min(L^{-1} G_agg L^{-T}),  G_pair = L L^T.
 * </pre>
 * Basis functions whose pairwise mass G_pair[k][k] is at most {@link #MASS_FLOOR} times the largest are dropped
 * (they vanish on every pair, so h has no norm there). The samples are cut into B = {@code batches} consecutive
 * batches, batch b holding samples [b M / B, (b + 1) M / B); each batch gives its own c_H and the batch means give the standard error. The
 * batch sums are reduced in batch order, so the result does not depend on the thread count (the computation
 * here is single-threaded).
 */
public final class CoercivityEstimator {

    /** Relative pairwise mass below which a basis function is dropped. */
    public static final double MASS_FLOOR = 1e-12;
    /** Two-sided confidence level of the batch-means interval. */
    public static final double LEVEL = 0.95;

    private final /*@ spec_public @*/ int batches;

    private CoercivityEstimator(int batches) {
        this.batches = batches;
    }

    //@ public invariant batches >= 4;

    /*@ public normal_behavior
      @   ensures \result != null && \result.batches == 20;
      @*/
    /** 20 batches. */
    public static /*@ pure @*/ CoercivityEstimator defaults() {
        return new CoercivityEstimator(20);
    }

    /** Number of batches, &gt;= 4 (each half needs two for its standard error). @throws IllegalArgumentException if &lt; 4 */
    /*@ public normal_behavior
      @   requires batches >= 4;
      @   ensures \result != null && \result.batches == batches;
      @ also public exceptional_behavior
      @   requires batches < 4;
      @   signals_only IllegalArgumentException;
      @*/
    public /*@ pure @*/ CoercivityEstimator withBatches(int batches) {
        Checks.atLeast("batches", batches, 4);
        return new CoercivityEstimator(batches);
    }

    /*@ public normal_behavior
      @   requires data != null && grid != null && a != null && a.length == data.dimension() * data.dimension()
      @            && (\forall int k; 0 <= k && k < a.length; Double.isFinite(a[k]));
      @   requires data.samples() >= batches;
      @   ensures \result != null && \result.batchConstants() != null && \result.batchConstants().length == batches;
      @   ensures 0 <= \result.basisSize() && \result.basisSize() <= grid.size();
      @   ensures \result.singular() ==> Double.isNaN(\result.constant());
      @   ensures \result.singular() || !(\result.lower() > \result.constant()) && !(\result.constant() > \result.upper());
      @   ensures !(\result.standardError() < 0) && !(\result.heldOutStandardError() < 0);
      @   ensures \result.bound() == 1.0 / (data.tokensPerSample() - 1);
      @   ensures Double.compare(\result.normalised(), (data.tokensPerSample() - 1) * \result.constant()) == 0;
      @ also public exceptional_behavior
      @   requires data == null || grid == null || !(a != null && a.length == data.dimension() * data.dimension()
      @              && (\forall int k; 0 <= k && k < a.length; Double.isFinite(a[k])))
      @            || data.samples() < batches;
      @   signals_only IllegalArgumentException;
      @*/
    /**
     * The coercivity constant of span{B_k(x^T A y)} on the data's tokens (outputs are not used).
     *
     * @param data tokens; M must be &gt;= the number of batches
     * @param a A, d x d row-major; not modified
     * @param grid the spline basis
     * @return the estimate with its batch-means interval
     * @throws IllegalArgumentException if an argument is null, a.length != d^2, a has a non-finite entry, or
     *     M &lt; batches
     */
    public CoercivityEstimate estimate(Dataset data, double[] a, SplineGrid grid) {
        Checks.notNull("data", data);
        Checks.notNull("grid", grid);
        int d = data.dimension();
        Checks.length("a", a, d * d);
        Checks.allFinite("a", a);
        int m = data.samples();
        if (m < batches) {
            throw Checks.fail("M", ">= batches = " + batches, m);
        }
        return batched(data, a, grid);
    }

    /**
     * The computation of {@link #estimate} on checked arguments, in a helper that OpenJML's RAC does not instrument
     * ({@code skiprac}): at calls of JDK methods whose specifications use model methods or quantifiers over doubles
     * (Math, Arrays) in an instrumented method it reports the caller's postcondition false. The contract of the
     * public method is checked on its result.
     */
    /*@ skiprac @*/
    private CoercivityEstimate batched(Dataset data, double[] a, SplineGrid grid) {
        int m = data.samples();
        int n = data.tokensPerSample();
        int nb = grid.size();
        // batch b holds samples [b M / B, (b + 1) M / B): B consecutive non-empty batches (M >= B)
        int count = batches;
        double[] agg = new double[count * nb * nb];
        double[] pair = new double[count * nb * nb];
        for (int c = 0; c < count; c++) {
            accumulate(data, a, grid, batchStart(c, m), batchStart(c + 1, m), agg, pair, c * nb * nb);
        }
        double[] gAgg = new double[nb * nb];
        double[] gPair = new double[nb * nb];
        long[] tokens = new long[count];
        long tokensTotal = 0;
        for (int c = 0; c < count; c++) {
            tokens[c] = (long) (batchStart(c + 1, m) - batchStart(c, m)) * n;
            tokensTotal += tokens[c];
            CoercivityKernel.addBlock(gAgg, agg, c * nb * nb, nb * nb);
            CoercivityKernel.addBlock(gPair, pair, c * nb * nb, nb * nb);
        }
        double[] batchConstants = new double[count];
        double[] ba = new double[nb * nb];
        double[] bp = new double[nb * nb];
        for (int c = 0; c < count; c++) {
            int o = c * nb * nb;
            CoercivityKernel.divided(agg, o, ba, nb * nb, (double) tokens[c]);
            CoercivityKernel.divided(pair, o, bp, nb * nb, (double) (tokens[c] * (n - 1)));
            batchConstants[c] = smallestGeneralized(ba, bp, nb, keep(bp, nb)).value;
        }
        // held-out check: minimising direction from the first half of the batches, its ratio on the rest
        int half = count / 2;
        zero(ba);
        zero(bp);
        for (int c = 0; c < half; c++) {
            CoercivityKernel.addBlock(ba, agg, c * nb * nb, nb * nb);
            CoercivityKernel.addBlock(bp, pair, c * nb * nb, nb * nb);
        }
        Generalized train = smallestGeneralized(ba, bp, nb, keep(bp, nb));
        double[] heldOutRatios = new double[count - half];
        for (int c = half; c < count; c++) {
            heldOutRatios[c - half] = train.vector == null ? Double.NaN
                    : CoercivityKernel.quadratic(agg, c * nb * nb, train.vector, nb)
                    / CoercivityKernel.quadratic(pair, c * nb * nb, train.vector, nb)
                    * (n - 1);
        }
        CoercivityKernel.divideAll(gAgg, nb * nb, (double) tokensTotal);
        CoercivityKernel.divideAll(gPair, nb * nb, (double) (tokensTotal * (n - 1)));
        Generalized full = smallestGeneralized(gAgg, gPair, nb, keep(gPair, nb));
        double[] batch = meanAndStandardError(batchConstants);
        double[] held = meanAndStandardError(heldOutRatios);
        double t = quantile(batch[2]);
        double th = quantile(held[2]);
        double se = batch[1];
        double bound = 1.0 / (n - 1);
        return new CoercivityEstimate(full.value, se, full.value - t * se, full.value + t * se,
                held[0], held[1], held[0] - th * held[1], held[0] + th * held[1],
                bound, (n - 1) * full.value, batchConstants, full.size, full.singular);
    }

    /**
     * {mean, standard error sd/sqrt(k), k} over the k finite values (batches whose Gram matrix was singular give
     * NaN and are left out); the standard error is +infinity when k &lt; 2 (no information), the mean NaN when
     * k = 0.
     */
    /*@ skiprac @*/ // calls Math or JDK specs RAC cannot evaluate (see batched)
    private static double[] meanAndStandardError(double[] values) {
        double sum = 0.0;
        int k = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                sum += v;
                k++;
            }
        }
        double mean = k == 0 ? Double.NaN : sum / k;
        if (k < 2) {
            return new double[] {mean, Double.POSITIVE_INFINITY, k};
        }
        double ss = 0.0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        return new double[] {mean, Math.sqrt(ss / (k - 1) / k), k};
    }

    /** The first sample of batch b (b = B gives M). */
    private int batchStart(int b, int m) {
        return (int) ((long) b * m / batches);
    }

    /** t_{(1 + LEVEL)/2, k - 1}, or 1 when k &lt; 2 (the standard error is then infinite anyway). */
    /*@ skiprac @*/ // calls Math or JDK specs RAC cannot evaluate (see batched)
    private static double quantile(double k) {
        return k < 2 ? 1.0 : new TDistribution(null, k - 1).inverseCumulativeProbability(0.5 + LEVEL / 2);
    }

    /*@ public normal_behavior
      @   requires data != null && a != null && a.length == data.dimension() * data.dimension()
      @            && (\forall int k; 0 <= k && k < a.length; Double.isFinite(a[k]));
      @   ensures !(\result < 0);
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires data == null || !(a != null && a.length == data.dimension() * data.dimension()
      @              && (\forall int k; 0 <= k && k < a.length; Double.isFinite(a[k])));
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    /**
     * max |X_i^T A X_j| over the ordered pairs i != j of every sample (a radius covering every training score).
     *
     * @throws IllegalArgumentException if data is null, a.length != d^2 or a has a non-finite entry
     */
    public static double maxAbsScore(Dataset data, double[] a) {
        Checks.notNull("data", data);
        int d = data.dimension();
        Checks.length("a", a, d * d);
        Checks.allFinite("a", a);
        return largestScore(data, a);
    }

    /**
     * The loop of {@link #maxAbsScore} on checked arguments, in a helper that OpenJML's RAC does not instrument
     * ({@code skiprac}): at calls of Math.max and Math.abs (JDK specifications with model methods RAC does not
     * implement) it reports false violations. The contract of the public method is checked on its result.
     */
    /*@ skiprac @*/
    private static double largestScore(Dataset data, double[] a) {
        int d = data.dimension();
        return CoercivityKernel.largestScore(data.tokens(), d, data.tokensPerSample(), data.samples(), a,
                new double[d]);
    }

    /*@ public normal_behavior
      @   requires data != null && grid != null && a != null && a.length == data.dimension() * data.dimension()
      @            && (\forall int k; 0 <= k && k < a.length; Double.isFinite(a[k]));
      @   ensures \result != null && \result.length == 2 && \result[0] != null && \result[1] != null;
      @   ensures \result[0].length == grid.size() * grid.size() && \result[1].length == grid.size() * grid.size();
      @   ensures (\forall int i; 0 <= i && i < grid.size();
      @            !(\result[0][i * grid.size() + i] < 0) && !(\result[1][i * grid.size() + i] < 0));
      @   ensures (\forall int i; 0 <= i && i < grid.size(); (\forall int j; 0 <= j && j < grid.size();
      @            Double.compare(\result[1][i * grid.size() + j], \result[1][j * grid.size() + i]) == 0));
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires data == null || grid == null || !(a != null && a.length == data.dimension() * data.dimension()
      @              && (\forall int k; 0 <= k && k < a.length; Double.isFinite(a[k])));
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    /**
     * The two Gram matrices on all the data: {G_agg, G_pair}, each n x n row-major (n = grid.size()), with
     * every basis function kept.
     *
     * @throws IllegalArgumentException if an argument is null, a.length != d^2 or a has a non-finite entry
     */
    public static double[][] gramMatrices(Dataset data, double[] a, SplineGrid grid) {
        Checks.notNull("data", data);
        Checks.notNull("grid", grid);
        Checks.length("a", a, data.dimension() * data.dimension());
        Checks.allFinite("a", a);
        int nb = grid.size();
        int n = data.tokensPerSample();
        double[] agg = new double[nb * nb];
        double[] pair = new double[nb * nb];
        accumulate(data, a, grid, 0, data.samples(), agg, pair, 0);
        normalise(agg, pair, nb, (long) data.samples() * n, n);
        return new double[][] {agg, pair};
    }

    /**
     * agg /= tokens, pair /= tokens (N - 1), in a helper that OpenJML's RAC does not instrument ({@code skiprac}):
     * -rac crashes on these kernel calls in an instrumented method (javac's Gen: ClassCastException Integer to Long,
     * "Internal JML bug").
     */
    /*@ skiprac @*/
    private static void normalise(double[] agg, double[] pair, int nb, long tokens, int n) {
        CoercivityKernel.divideAll(agg, nb * nb, (double) tokens);
        CoercivityKernel.divideAll(pair, nb * nb, (double) (tokens * (n - 1)));
    }

    /**
     * Sums over samples [m0, m1) of F_i F_i^T (into agg) and b_ij b_ij^T (into pair), at offset: the loop is
     * {@link CoercivityKernel#accumulate}.
     */
    /*@ skiprac @*/ // calls Math or JDK specs RAC cannot evaluate (see batched)
    private static void accumulate(Dataset data, double[] a, SplineGrid grid, int m0, int m1,
                                   double[] agg, double[] pair, int offset) {
        int n = data.tokensPerSample();
        int d = data.dimension();
        int deg = grid.degree();
        CoercivityKernel.accumulate(data.tokens(), d, n, a, m0, m1, -grid.radius(), grid.radius(), grid.scale(),
                grid.pieces(), deg, agg, pair, offset, new double[n * d], new double[grid.size()],
                new double[deg + 1]);
    }

    /*@ skiprac @*/ // calls Math or JDK specs RAC cannot evaluate (see batched)
    private static boolean[] keep(double[] gPair, int nb) {
        boolean[] kept = new boolean[nb];
        CoercivityKernel.keep(gPair, nb, MASS_FLOOR, kept);
        return kept;
    }

    /**
     * A generalized eigenvalue with the size of the kept basis (a plain class, not a record: OpenJML 0.21 cannot
     * compile a file that declares a record; only its fields are read, never equals, hashCode or toString).
     */
    private static final class Generalized {
        private final double value;
        private final int size;
        private final boolean singular;
        private final double[] vector;

        Generalized(double value, int size, boolean singular, double[] vector) {
            this.value = value;
            this.size = size;
            this.singular = singular;
            this.vector = vector;
        }
    }

    /** lambda_min(agg, pair) restricted to the kept functions. */
    /*@ skiprac @*/ // calls Math or JDK specs RAC cannot evaluate (see batched)
    static Generalized smallestGeneralized(double[] agg, double[] pair, int nb, boolean[] kept) {
        int[] idx = new int[nb];
        int size = CoercivityKernel.keptIndices(kept, nb, idx);
        if (size == 0) {
            return new Generalized(Double.NaN, 0, true, null);
        }
        DMatrixRMaj p = new DMatrixRMaj(size, size);
        double[] g = new double[size * size];
        CoercivityKernel.restrict(pair, nb, idx, size, p.data);
        CoercivityKernel.restrict(agg, nb, idx, size, g);
        double[] l = new double[size * size];
        if (!SpdKernel.factor(p.data, l, size)) {
            return new Generalized(Double.NaN, size, true, null);
        }
        // C = L^{-1} G L^{-T}: solve column by column, then rows (G symmetric)
        double[] col = new double[size];
        double[] tmp = new double[size * size];
        for (int c = 0; c < size; c++) {
            CoercivityKernel.column(g, size, c, col);
            SpdKernel.forward(l, col, size);
            CoercivityKernel.setColumn(tmp, size, c, col);
        }
        DMatrixRMaj cm = new DMatrixRMaj(size, size);
        for (int r = 0; r < size; r++) {
            CoercivityKernel.copyRange(tmp, r * size, col, 0, size);
            SpdKernel.forward(l, col, size);
            CoercivityKernel.copyRange(col, 0, cm.data, r * size, size);
        }
        CoercivityKernel.symmetrize(cm.data, size);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(size, true, true);
        if (!eig.decompose(cm)) {
            return new Generalized(Double.NaN, size, true, null);
        }
        double min = Double.POSITIVE_INFINITY;
        int arg = 0;
        for (int k = 0; k < size; k++) {
            double v = eig.getEigenvalue(k).getReal();
            if (v < min) {
                min = v;
                arg = k;
            }
        }
        // generalized eigenvector: c = L^{-T} y, zero on the dropped functions
        double[] y = copy(eig.getEigenVector(arg).data);
        SpdKernel.backward(l, y, size);
        double[] vector = new double[nb];
        CoercivityKernel.scatter(y, idx, size, vector, nb);
        return new Generalized(min, size, false, vector);
    }

    /*@ public normal_behavior
      @   requires data != null && h != null;
      @   ensures \result != null && \result.tokensPerSample() == data.tokensPerSample();
      @   ensures data.tokensPerSample() == 2 ==> \result.cross() == 0.0;
      @   ensures !(\result.aggregated() < 0) && !(\result.pairwise() < 0);
      @ also public exceptional_behavior
      @   requires data == null || h == null;
      @   signals_only IllegalArgumentException;
      @*/
    /**
     * The three empirical moments of the coercivity identity for a pair function h, each computed by its own
     * loop over tokens, pairs and triples of every sample (O(M N^3)).
     *
     * @param data tokens (outputs unused)
     * @param h the pair function
     * @return E|R_h|^2, E h^2, E[h(X_1,X_2) h(X_1,X_3)] (empirical)
     * @throws IllegalArgumentException if an argument is null
     */
    public static IdentityTerms identityTerms(Dataset data, PairInteraction h) {
        Checks.notNull("data", data);
        Checks.notNull("h", h);
        int n = data.tokensPerSample();
        int d = data.dimension();
        double[] x = data.tokens();
        double sumR = 0.0;
        double sumH = 0.0;
        double sumCross = 0.0;
        double[] hv = new double[n * n];
        for (int m = 0; m < data.samples(); m++) {
            int base = m * n;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    hv[i * n + j] = i == j ? 0.0 : h.value(x, (base + i) * d, x, (base + j) * d);
                }
            }
            for (int i = 0; i < n; i++) {
                double r = 0.0;
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        r += hv[i * n + j];
                        sumH += hv[i * n + j] * hv[i * n + j];
                        for (int k = 0; k < n; k++) {
                            if (k != i && k != j) {
                                sumCross += hv[i * n + j] * hv[i * n + k];
                            }
                        }
                    }
                }
                r /= n - 1;
                sumR += r * r;
            }
        }
        long tokens = (long) data.samples() * n;
        double cross = n > 2 ? sumCross / (tokens * (n - 1) * (n - 2.0)) : 0.0;
        return new IdentityTerms(sumR / tokens, sumH / (tokens * (n - 1)), cross, n);
    }

    /**
     * A copy of a (the same as {@code a.clone()}). A helper that OpenJML's RAC does not instrument ({@code skiprac}):
     * -rac crashes on an array {@code clone()} ("base is null" in Lower), and at a call of {@code Arrays.copyOf} in
     * an instrumented method it reports the caller's postcondition false (the JDK specification of copyOf uses
     * {@code \fresh} and a quantifier RAC does not implement).
     */
    /*@ skiprac @*/
    private static double[] copy(double[] a) {
        return java.util.Arrays.copyOf(a, a.length);
    }

    /**
     * {@code Arrays.fill(a, 0.0)}, in a helper that OpenJML's RAC does not instrument ({@code skiprac}): at a call of
     * Arrays.fill in an instrumented method it reports the caller's postcondition false.
     */
    /*@ skiprac @*/
    private static void zero(double[] a) {
        java.util.Arrays.fill(a, 0.0);
    }
}
