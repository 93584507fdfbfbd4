package org.attnlab.erm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.attnlab.internal.Checks;
import org.attnlab.sampler.Dataset;

/**
 * Chooses the number of pieces K by held-out risk over samples (spec/estimator.md "Choosing K"): the samples are
 * split into F folds (sample m in fold m mod F; samples are exchangeable); for each candidate K, in increasing
 * order, the estimator is fitted on the other folds and its mean square prediction error is measured on the
 * held-out fold,
 *
 * <pre>
 *   CV(K) = 1/(M N) sum_f sum_{m in fold f} sum_i ( Y_i^m - 1/(N-1) sum_{j != i} g_hat^{(-f)}(X_i^m, X_j^m) )^2,
 * </pre>
 *
 * and the K with the lowest CV(K) is chosen (the smaller K on ties). The candidates are every K from 2 to 16, then
 * steps of about 10% ({@link #GRID}): the composed error is far from smooth in K (it is small where the
 * estimator's knots, spaced 2 S / K on the normalised scores, happen to resolve phi*, and a coarse grid can miss
 * every such K). The scan ends after a candidate K &gt;= 2 K_best that is the {@link #PATIENCE}-th or later
 * candidate since the best so far K_best (so K_best's multiples, which resolve phi* as well, are tried), and never
 * tries a K with more coefficients K + p than {@link #MAX_COEFFICIENT_SHARE} of the training outputs.
 * The fits inside the folds use the estimator as given (same starts, iterations, ridge, seed); the CLI gives it
 * the ridge {@link #GUARD_RIDGE} when neither --pieces nor --ridge is given.
 */
public final class PiecesSelection {

    /** The candidate grid: every K from 2 to 16, then steps of about 10%. */
    static final int[] GRID = {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 20, 22, 24, 26, 28, 31, 34, 37,
        40, 44, 48, 53, 58, 64, 70, 77, 85, 94, 103, 113, 124, 136, 150, 165, 181, 199, 219, 241, 265, 291, 320};
    /** Candidates after the best so far that the scan tries at least before it may stop. */
    static final int PATIENCE = 4;
    /**
     * Ridge on the spline coefficients that {@code fit} uses when K is chosen here and no --ridge is given (the
     * zucker2025 audit's guard, spec/rate-audit.md): the outermost pieces of [-R, R] hold only the one to three
     * most extreme training scores, so without a ridge their coefficients can take values in the hundreds, which
     * the few fresh pairs landing there turn into a large composed error (and, in a fold, a large held-out risk).
     */
    public static final double GUARD_RIDGE = 1e-6;
    /** K + p may use at most this share of the training outputs (M N (F - 1) / F). */
    static final double MAX_COEFFICIENT_SHARE = 0.02;

    /**
     * The outcome: the chosen K, and every candidate tried with its CV risk and the standard error of the mean
     * of the per-fold risks.
     *
     * <p>A final class with the API of a record (accessors {@code pieces()}, {@code folds()}, {@code candidates()},
     * {@code heldOutRisk()}, {@code standardError()}; component-wise {@code equals} with arrays compared by
     * reference, {@code hashCode}, {@code toString} in the record format {@code Choice[pieces=3, folds=5, ...]}):
     * OpenJML 0.21 cannot compile a file that declares a record (proofs/openjml.md).
     */
    public static final class Choice {

        private final /*@ spec_public @*/ int pieces;
        private final /*@ spec_public @*/ int folds;
        private final /*@ spec_public @*/ int[] candidates;
        private final /*@ spec_public @*/ double[] heldOutRisk;
        private final /*@ spec_public @*/ double[] standardError;

        /*@ public normal_behavior
          @   ensures this.pieces == pieces && this.folds == folds && this.candidates == candidates
          @           && this.heldOutRisk == heldOutRisk && this.standardError == standardError;
          @*/
        /**
         * The choice as given (not validated, as for the record it replaces).
         *
         * @param pieces the chosen K
         * @param folds F
         * @param candidates the K tried, increasing
         * @param heldOutRisk CV(K) for each candidate
         * @param standardError sd over folds of the per-fold held-out risks / sqrt(F)
         */
        public Choice(int pieces, int folds, int[] candidates, double[] heldOutRisk, double[] standardError) {
            this.pieces = pieces;
            this.folds = folds;
            this.candidates = candidates;
            this.heldOutRisk = heldOutRisk;
            this.standardError = standardError;
        }

        /*@ public normal_behavior
          @   ensures \result == pieces;
          @*/
        /** The chosen K. */
        public /*@ pure @*/ int pieces() {
            return pieces;
        }

        /*@ public normal_behavior
          @   ensures \result == folds;
          @*/
        /** F. */
        public /*@ pure @*/ int folds() {
            return folds;
        }

        /*@ public normal_behavior
          @   ensures \result == candidates;
          @*/
        /** The K tried, increasing (not copied). */
        public /*@ pure @*/ int[] candidates() {
            return candidates;
        }

        /*@ public normal_behavior
          @   ensures \result == heldOutRisk;
          @*/
        /** CV(K) for each candidate (not copied). */
        public /*@ pure @*/ double[] heldOutRisk() {
            return heldOutRisk;
        }

        /*@ public normal_behavior
          @   ensures \result == standardError;
          @*/
        /** The standard error of each CV(K) (not copied). */
        public /*@ pure @*/ double[] standardError() {
            return standardError;
        }

        /*@ public normal_behavior
          @   requires candidates != null && heldOutRisk != null && standardError != null;
          @   requires candidates.length >= 1 && heldOutRisk.length == candidates.length;
          @   requires standardError.length == candidates.length;
          @   ensures \result != null;
          @*/
        /** One line saying what was chosen and why, e.g. for the CLI. */
        public /*@ pure @*/ String describe() {
            StringBuilder sb = new StringBuilder();
            int best = 0;
            for (int k = 0; k < candidates.length; k++) {
                if (candidates[k] == pieces) {
                    best = k;
                }
            }
            sb.append(String.format(java.util.Locale.ROOT,
                    "K=%d chosen by %d-fold held-out risk over samples (%.6e, se %.1e; lowest of %d candidates):",
                    pieces, folds, heldOutRisk[best], standardError[best], candidates.length));
            for (int k = 0; k < candidates.length; k++) {
                sb.append(String.format(java.util.Locale.ROOT, " %d:%.4e", candidates[k], heldOutRisk[k]));
            }
            return sb.toString();
        }

        /*@ also public normal_behavior
          @   ensures \result == (o instanceof Choice && ((Choice) o).pieces == pieces
          @            && ((Choice) o).folds == folds && ((Choice) o).candidates == candidates
          @            && ((Choice) o).heldOutRisk == heldOutRisk && ((Choice) o).standardError == standardError);
          @*/
        /** Component-wise equality, as for a record (arrays by reference). */
        @Override
        public /*@ pure @*/ boolean equals(/*@ nullable @*/ Object o) {
            if (!(o instanceof Choice)) {
                return false;
            }
            Choice that = (Choice) o;
            return pieces == that.pieces && folds == that.folds && candidates == that.candidates
                    && heldOutRisk == that.heldOutRisk && standardError == that.standardError;
        }

        /*@ also public normal_behavior
          @   ensures true;
          @*/
        /** The record hash: h = 31 h + hash(component) over the components in order, from h = 0 (int arithmetic wraps: code_java_math). */
        @Override
        public /*@ pure code_java_math @*/ int hashCode() {
            int h = pieces;
            h = 31 * h + folds;
            h = 31 * h + java.util.Objects.hashCode(candidates);
            h = 31 * h + java.util.Objects.hashCode(heldOutRisk);
            return 31 * h + java.util.Objects.hashCode(standardError);
        }

        /*@ also public normal_behavior
          @   ensures \result != null;
          @*/
        /** The record format {@code Choice[pieces=..., ...]} (arrays as {@code Object.toString}). */
        @Override
        public /*@ pure @*/ String toString() {
            return "Choice[pieces=" + pieces + ", folds=" + folds + ", candidates=" + candidates
                    + ", heldOutRisk=" + heldOutRisk + ", standardError=" + standardError + "]";
        }
    }

    private PiecesSelection() {
    }

    /*@ public normal_behavior
      @   requires estimator != null && data != null && 2 <= folds && folds <= data.samples()
      @            && estimator.fixedU == null && estimator.model().rank() <= data.dimension()
      @            && (estimator.optimizer().momentStarts() || estimator.optimizer().randomStarts() >= 1);
      @   ensures \result != null && \result.folds == folds && \result.candidates.length >= 1;
      @   ensures \result.heldOutRisk.length == \result.candidates.length;
      @   ensures \result.standardError.length == \result.candidates.length;
      @   ensures (\forall int k; 1 <= k && k < \result.candidates.length;
      @            \result.candidates[k - 1] < \result.candidates[k]);
      @   ensures \result.candidates[0] == 2;
      @   ensures \result.pieces == 0 || (\exists int k; 0 <= k && k < \result.candidates.length;
      @            \result.candidates[k] == \result.pieces);
      @ also public exceptional_behavior
      @   requires estimator == null || data == null || folds < 2 || folds > data.samples();
      @   signals_only IllegalArgumentException;
      @*/
    /**
     * Chooses K for the estimator on the data.
     *
     * @param estimator the estimator (its pieces setting is ignored; a fixed matrix is not allowed)
     * @param data M &gt;= folds samples; not modified
     * @param folds F in [2, M]
     * @param seed the seed of the fits
     * @return the choice
     * @throws IllegalArgumentException if an argument is null or folds is not in [2, M]
     */
    public static Choice choose(AlternatingLeastSquares estimator, Dataset data, int folds, long seed) {
        Checks.notNull("estimator", estimator);
        Checks.notNull("data", data);
        Checks.inRange("folds", folds, 2, Math.max(2, data.samples()));
        if (data.samples() < folds) {
            throw Checks.fail("samples", ">= folds = " + folds, data.samples());
        }
        Dataset[] train = new Dataset[folds];
        Dataset[] test = new Dataset[folds];
        for (int f = 0; f < folds; f++) {
            train[f] = split(data, folds, f, false);
            test[f] = split(data, folds, f, true);
        }
        long trainOutputs = (long) train[folds - 1].samples() * data.tokensPerSample();
        int degree = estimator.degree();
        List<Integer> tried = new ArrayList<>();
        List<Double> risks = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        int bestPieces = 0;
        int worse = 0;
        for (int pieces : GRID) {
            if (!tried.isEmpty() && pieces + degree > MAX_COEFFICIENT_SHARE * trainOutputs) {
                break;
            }
            AlternatingLeastSquares est = estimator.withPieces(pieces);
            double[] perFold = new double[folds];
            double sum = 0.0;
            long count = 0;
            for (int f = 0; f < folds; f++) {
                ErmResult fit = est.fit(train[f], seed);
                double sse = sumOfSquaredErrors(fit, test[f]);
                long outputs = (long) test[f].samples() * test[f].tokensPerSample();
                perFold[f] = sse / outputs;
                sum += sse;
                count += outputs;
            }
            double cv = sum / count;
            tried.add(pieces);
            risks.add(cv);
            errors.add(standardError(perFold));
            if (cv < best) {
                best = cv;
                bestPieces = pieces;
                worse = 0;
            } else if (++worse >= PATIENCE && pieces >= 2 * bestPieces) {
                break;
            }
        }
        int[] candidates = tried.stream().mapToInt(Integer::intValue).toArray();
        double[] cv = risks.stream().mapToDouble(Double::doubleValue).toArray();
        double[] se = errors.stream().mapToDouble(Double::doubleValue).toArray();
        return new Choice(bestPieces, folds, candidates, cv, se);
    }

    /*@ public normal_behavior
      @   requires fit != null && data != null && fit.dimension() == data.dimension();
      @   ensures !(\result < 0);
      @ also public exceptional_behavior
      @   requires fit == null || data == null || fit.dimension() != data.dimension();
      @   signals_only IllegalArgumentException;
      @*/
    /**
     * sum over the samples' tokens of (Y_i - 1/(N-1) sum_{j != i} g_hat(X_i, X_j))^2.
     *
     * @throws IllegalArgumentException if the fit's dimension differs from the data's
     */
    public static double sumOfSquaredErrors(ErmResult fit, Dataset data) {
        Checks.notNull("fit", fit);
        Checks.notNull("data", data);
        int d = data.dimension();
        if (fit.dimension() != d) {
            throw Checks.fail("fit dimension", "= data dimension " + d, fit.dimension());
        }
        int n = data.tokensPerSample();
        double[] x = data.tokens();
        double[] y = data.outputs();
        double w = 1.0 / (n - 1);
        double sse = 0.0;
        for (int m = 0; m < data.samples(); m++) {
            for (int i = 0; i < n; i++) {
                double sum = 0.0;
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        // activationAt/scoreAt: activation/score without their (RAC-checked) contracts, same values
                        sum += fit.activationAt(fit.scoreAt(x, (m * n + i) * d, x, (m * n + j) * d));
                    }
                }
                double e = y[m * n + i] - w * sum;
                sse += e * e;
            }
        }
        return sse;
    }

    /** The samples of fold f (heldOut) or of the other folds, in their original order. */
    static Dataset split(Dataset data, int folds, int f, boolean heldOut) {
        int m = data.samples();
        int n = data.tokensPerSample();
        int d = data.dimension();
        int count = 0;
        for (int s = 0; s < m; s++) {
            if ((s % folds == f) == heldOut) {
                count++;
            }
        }
        double[] x = new double[count * n * d];
        double[] y = new double[count * n];
        int at = 0;
        for (int s = 0; s < m; s++) {
            if ((s % folds == f) == heldOut) {
                System.arraycopy(data.tokens(), s * n * d, x, at * n * d, n * d);
                System.arraycopy(data.outputs(), s * n, y, at * n, n);
                at++;
            }
        }
        return Dataset.of(count, n, d, x, y);
    }

    private static double standardError(double[] values) {
        double mean = Arrays.stream(values).sum() / values.length;
        double ss = 0.0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (values.length - 1) / values.length);
    }
}
