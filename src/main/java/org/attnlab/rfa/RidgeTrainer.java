package org.attnlab.rfa;

import java.util.Arrays;
import org.attnlab.internal.Checks;
import org.attnlab.kernel.SpdKernel;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Ridge regression of T outputs on the p features of a {@link FeatureMap}: the training of the values of
 * random-feature attention (arXiv 2307.11353; the model is linear in its values, so training is convex).
 *
 * <p>For each output t, with an unpenalized intercept c_t: let Phi be the n x p feature matrix, mu its column
 * means, ybar_t the mean of y_t, the centered Gram matrix G = Phi^T Phi - n mu mu^T, the centered right-hand
 * side b_t = Phi^T y_t - n ybar_t mu and s = trace(G) / (n p) (the mean feature variance, which makes the
 * relative ridge scale-free; 1 if it is 0); the diagonal also gets a jitter of 10^-10 times the uncentered mean
 * squared feature r = trace(Phi^T Phi)/(n p), so that the factorization survives rounding when G is singular:
 * <pre>
 *   (v_t, c_t) = argmin (1/n) |y_t - c 1 - Phi v|^2 + lambda_t s |v|^2
 *   &lt;=&gt;   (G/n + (lambda_t s + 1e-10 r) I) v_t = b_t / n,   c_t = ybar_t - mu . v_t.
 * </pre>
 * The prediction of a sample is {@code c_t + <phi, v_t>}.
 * The normal equations are accumulated over chunks of {@code chunkRows} samples (memory p^2 + chunkRows p,
 * never n p), and solved by Cholesky ({@code kernel.SpdKernel}, the one SPD solver and singularity rule of attnlab). All outputs share G.
 *
 * <p>Ridge selection ({@link #selecting}): the last {@code round(n * validationFraction)} samples (at least 1)
 * are held out; for each grid value the system of the first samples is solved and the held-out MSE
 * {@code (|y|^2 - 2 v.b + v^T G v) / n_val} is computed from the held-out normal equations (no stored
 * features); each output takes its grid value of least held-out MSE (the first on ties), then is refitted on
 * all n samples. Single-threaded: the same inputs give the same bytes.
 */
public final class RidgeTrainer {

    /** The default relative ridge grid, 10^-6 .. 10^3. */
    public static final double[] DEFAULT_GRID = {1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1.0, 10.0, 100.0, 1000.0};
    /**
     * Jitter added to the diagonal, relative to the uncentered mean squared feature r = trace(Phi^T Phi)/(n p):
     * it exceeds the rounding of the centering G - n mu mu^T (about 1e-16 r p), so that the system stays positive
     * definite when the centered features vanish (e.g. every sample has the same multiset of keys).
     */
    static final double JITTER = 1e-10;
    /** The default held-out fraction. */
    public static final double DEFAULT_VALIDATION_FRACTION = 0.2;
    /** The default number of samples per accumulated chunk. */
    public static final int DEFAULT_CHUNK_ROWS = 128;

    private final double[] grid;
    private final double validationFraction;
    private final int chunkRows;

    private RidgeTrainer(double[] grid, double validationFraction, int chunkRows) {
        this.grid = grid;
        this.validationFraction = validationFraction;
        this.chunkRows = chunkRows;
    }

    /**
     * A trainer that selects the relative ridge from {@code grid} on a held-out split.
     *
     * @param grid relative ridges, each finite and &gt; 0, at least one
     * @param validationFraction held-out fraction in (0, 1)
     * @return the trainer
     * @throws IllegalArgumentException if grid is null or empty, an entry is not finite and &gt; 0, or the
     *         fraction is not in (0, 1)
     */
    public static RidgeTrainer selecting(double[] grid, double validationFraction) {
        Checks.notNull("grid", grid);
        Checks.positive("grid.length", grid.length);
        for (int g = 0; g < grid.length; g++) {
            Checks.positive("grid[" + g + "]", grid[g]);
        }
        if (!(validationFraction > 0.0 && validationFraction < 1.0)) {
            throw Checks.fail("validationFraction", "in (0, 1)", validationFraction);
        }
        return new RidgeTrainer(grid.clone(), validationFraction, DEFAULT_CHUNK_ROWS);
    }

    /**
     * A trainer with one given relative ridge (no held-out split).
     *
     * @param relativeRidge lambda, finite and &gt; 0
     * @return the trainer
     * @throws IllegalArgumentException if lambda is not finite and &gt; 0
     */
    public static RidgeTrainer fixed(double relativeRidge) {
        Checks.positive("relativeRidge", relativeRidge);
        return new RidgeTrainer(new double[] {relativeRidge}, 0.0, DEFAULT_CHUNK_ROWS);
    }

    /**
     * The same trainer with another chunk size (changes rounding only, not the mathematics).
     *
     * @param rows samples per chunk, &gt;= 1
     * @return the trainer
     * @throws IllegalArgumentException if rows &lt; 1
     */
    public RidgeTrainer withChunkRows(int rows) {
        Checks.positive("rows", rows);
        return new RidgeTrainer(grid, validationFraction, rows);
    }

    /** Whether the ridge is selected on a held-out split. */
    public boolean selects() {
        return validationFraction > 0.0;
    }

    /**
     * Fits T outputs.
     *
     * @param map the frozen features
     * @param tokens n samples, sample s at {@code [s*(N+1)*d ..]}, read only
     * @param targets n x T outputs, row-major ({@code targets[s*T + t]}), finite, read only
     * @param n number of samples: &gt;= 1, and &gt;= 2 when selecting
     * @param outputs T &gt;= 1
     * @return the fit (a singular system is reported in its status, not thrown)
     * @throws IllegalArgumentException if map, tokens or targets is null, n or T is out of range, tokens is
     *         shorter than n samples, targets.length != n T, or a target is not finite
     */
    /*@ public normal_behavior
      @   requires map != null && tokens != null && targets != null;
      @   requires n >= (selects() ? 2 : 1) && outputs >= 1;
      @   requires tokens.length >= n * map.sampleLength() && targets.length == n * outputs;
      @   ensures \result.values().length == outputs;
      @   ensures (\forall int t; 0 <= t && t < outputs; \result.values()[t].length == map.dimension());
      @   ensures \result.status() == RidgeFit.Status.OK ==> (\forall int t; 0 <= t && t < outputs;
      @             (\forall int k; 0 <= k && k < map.dimension(); Double.isFinite(\result.values()[t][k])));
      @   assignable \nothing;
      @*/
    public RidgeFit fit(FeatureMap map, double[] tokens, double[] targets, int n, int outputs) {
        Checks.notNull("map", map);
        Checks.notNull("tokens", tokens);
        Checks.notNull("targets", targets);
        Checks.atLeast("n", n, selects() ? 2 : 1);
        Checks.positive("outputs", outputs);
        long need = (long) n * map.sampleLength();
        if (tokens.length < need) {
            throw Checks.fail("tokens.length", ">= n (N+1) d = " + need, tokens.length);
        }
        if ((long) n * outputs != targets.length) {
            throw Checks.fail("targets.length", "= n T = " + ((long) n * outputs), targets.length);
        }
        Checks.allFinite("targets", targets);

        int p = map.dimension();
        int nVal = selects() ? (int) Math.max(1, Math.min(n - 1, Math.round(n * validationFraction))) : 0;
        int nTr = n - nVal;
        Normal train = accumulate(map, tokens, targets, 0, nTr, outputs);
        double[][] validation = new double[outputs][];
        double[] chosen = new double[outputs];
        Normal all;
        if (selects()) {
            Normal held = accumulate(map, tokens, targets, nTr, n, outputs);
            for (int t = 0; t < outputs; t++) {
                validation[t] = new double[grid.length];
            }
            DMatrixRMaj x = new DMatrixRMaj(p, outputs);
            DMatrixRMaj gx = new DMatrixRMaj(p, outputs);
            double[] c = new double[outputs];
            for (int g = 0; g < grid.length; g++) {
                boolean ok = solve(train, grid[g], x, c);
                if (ok) {
                    CommonOps_DDRM.mult(held.gram, x, gx);
                }
                for (int t = 0; t < outputs; t++) {
                    validation[t][g] = ok ? Math.max(0.0, risk(held, x, gx, c[t], t)) : Double.POSITIVE_INFINITY;
                }
            }
            for (int t = 0; t < outputs; t++) {
                int best = 0;
                for (int g = 1; g < grid.length; g++) {
                    if (validation[t][g] < validation[t][best]) {
                        best = g;
                    }
                }
                chosen[t] = grid[best];
            }
            all = train.plus(held);
        } else {
            for (int t = 0; t < outputs; t++) {
                validation[t] = new double[0];
            }
            Arrays.fill(chosen, grid[0]);
            all = train;
        }

        double[][] values = new double[outputs][p];
        double[] intercepts = new double[outputs];
        double[] trainingMse = new double[outputs];
        boolean allOk = true;
        double[] distinct = Arrays.stream(chosen).distinct().toArray();
        DMatrixRMaj x = new DMatrixRMaj(p, outputs);
        DMatrixRMaj gx = new DMatrixRMaj(p, outputs);
        double[] c = new double[outputs];
        for (double lambda : distinct) {
            boolean ok = solve(all, lambda, x, c);
            allOk &= ok;
            if (ok) {
                CommonOps_DDRM.mult(all.gram, x, gx);
            }
            for (int t = 0; t < outputs; t++) {
                if (chosen[t] != lambda) {
                    continue;
                }
                for (int k = 0; k < p; k++) {
                    values[t][k] = ok ? x.get(k, t) : Double.NaN;
                }
                intercepts[t] = ok ? c[t] : Double.NaN;
                trainingMse[t] = ok ? Math.max(0.0, risk(all, x, gx, c[t], t)) : Double.NaN;
            }
        }
        return new RidgeFit(values, intercepts, chosen, trainingMse, validation, allOk ? RidgeFit.Status.OK
                : RidgeFit.Status.SINGULAR);
    }

    /**
     * (1/n) sum_s (y_s - c - phi_s . x)^2 from raw sums of n samples:
     * (|y|^2 - 2 x.B - 2 c sum y + x^T G x + 2 c x.sum phi + n c^2) / n, with gx = G x precomputed.
     */
    private static double risk(Normal eq, DMatrixRMaj x, DMatrixRMaj gx, double c, int t) {
        int p = x.numRows;
        double xb = 0.0;
        double xgx = 0.0;
        double xs = 0.0;
        for (int k = 0; k < p; k++) {
            double xk = x.get(k, t);
            xb += xk * eq.rhs.get(k, t);
            xgx += xk * gx.get(k, t);
            xs += xk * eq.sumPhi[k];
        }
        return (eq.yy[t] - 2.0 * xb - 2.0 * c * eq.sumY[t] + xgx + 2.0 * c * xs + eq.n * c * c) / eq.n;
    }

    /**
     * Solves the centered system (G_c/n + lambda s I) x = B_c/n, s = trace(G_c)/(n p), and sets the
     * intercepts c_t = ybar_t - mu . x_t; false when the system is not positive definite.
     */
    private static boolean solve(Normal eq, double lambda, DMatrixRMaj x, double[] c) {
        int p = eq.gram.numRows;
        int outputs = eq.rhs.numCols;
        double n = eq.n;
        DMatrixRMaj a = new DMatrixRMaj(p, p);
        for (int i = 0; i < p; i++) {
            double mi = eq.sumPhi[i] / n;
            for (int j = 0; j < p; j++) {
                a.data[i * p + j] = eq.gram.data[i * p + j] / n - mi * (eq.sumPhi[j] / n);
            }
        }
        double s = CommonOps_DDRM.trace(a) / p;
        double shift = lambda * (s > 0.0 ? s : 1.0) + JITTER * CommonOps_DDRM.trace(eq.gram) / (n * p);
        for (int k = 0; k < p; k++) {
            a.add(k, k, shift);
        }
        DMatrixRMaj b = new DMatrixRMaj(p, outputs);
        for (int i = 0; i < p; i++) {
            double mi = eq.sumPhi[i] / n;
            for (int t = 0; t < outputs; t++) {
                b.data[i * outputs + t] = eq.rhs.data[i * outputs + t] / n - mi * (eq.sumY[t] / n);
            }
        }
        double[] l = new double[p * p];
        if (!SpdKernel.factor(a.data, l, p)) {
            return false;
        }
        double[] column = new double[p];
        for (int t = 0; t < outputs; t++) {
            for (int k = 0; k < p; k++) {
                column[k] = b.data[k * outputs + t];
            }
            SpdKernel.forward(l, column, p);
            SpdKernel.backward(l, column, p);
            for (int k = 0; k < p; k++) {
                x.data[k * outputs + t] = column[k];
            }
        }
        for (int k = 0; k < x.data.length; k++) {
            if (!Double.isFinite(x.data[k])) {
                return false;
            }
        }
        for (int t = 0; t < outputs; t++) {
            double mx = 0.0;
            for (int k = 0; k < p; k++) {
                mx += eq.sumPhi[k] / n * x.get(k, t);
            }
            c[t] = eq.sumY[t] / n - mx;
        }
        return true;
    }

    /** Accumulates G = Phi^T Phi, B = Phi^T Y and |y_t|^2 over samples [from, to), chunk by chunk. */
    private Normal accumulate(FeatureMap map, double[] tokens, double[] targets, int from, int to, int outputs) {
        int p = map.dimension();
        int per = map.sampleLength();
        int rows = Math.min(chunkRows, Math.max(1, to - from));
        DMatrixRMaj gram = new DMatrixRMaj(p, p);
        DMatrixRMaj rhs = new DMatrixRMaj(p, outputs);
        double[] yy = new double[outputs];
        double[] sumY = new double[outputs];
        double[] sumPhi = new double[p];
        DMatrixRMaj phi = new DMatrixRMaj(rows, p);
        DMatrixRMaj y = new DMatrixRMaj(rows, outputs);
        double[] scratch = new double[map.scratchLength()];
        for (int start = from; start < to; start += rows) {
            int count = Math.min(rows, to - start);
            if (count != phi.numRows) {
                phi.reshape(count, p);
                y.reshape(count, outputs);
            }
            for (int r = 0; r < count; r++) {
                int s = start + r;
                map.features(tokens, s * per, scratch, phi.data, r * p);
                for (int t = 0; t < outputs; t++) {
                    double v = targets[s * outputs + t];
                    y.data[r * outputs + t] = v;
                    yy[t] += v * v;
                    sumY[t] += v;
                }
                for (int k = 0; k < p; k++) {
                    sumPhi[k] += phi.data[r * p + k];
                }
            }
            CommonOps_DDRM.multAddTransA(phi, phi, gram);
            CommonOps_DDRM.multAddTransA(phi, y, rhs);
        }
        return new Normal(gram, rhs, yy, sumY, sumPhi, to - from);
    }

    /** Accumulated raw sums of n samples: Phi^T Phi, Phi^T Y, |y_t|^2, sum y_t, sum phi. */
    private record Normal(DMatrixRMaj gram, DMatrixRMaj rhs, double[] yy, double[] sumY, double[] sumPhi, int n) {
        Normal plus(Normal o) {
            DMatrixRMaj g = gram.copy();
            CommonOps_DDRM.addEquals(g, o.gram);
            DMatrixRMaj b = rhs.copy();
            CommonOps_DDRM.addEquals(b, o.rhs);
            double[] s = yy.clone();
            for (int t = 0; t < s.length; t++) {
                s[t] += o.yy[t];
            }
            double[] sy = sumY.clone();
            for (int t = 0; t < sy.length; t++) {
                sy[t] += o.sumY[t];
            }
            double[] sp = sumPhi.clone();
            for (int k = 0; k < sp.length; k++) {
                sp[k] += o.sumPhi[k];
            }
            return new Normal(g, b, s, sy, sp, n + o.n);
        }
    }

    /**
     * Mean squared error of a fit on fresh samples, per output:
     * {@code (1/n) sum_s (y[s*T + t] - c_t - <phi(sample s), v_t>)^2}. Streams the samples (memory p).
     *
     * @param map the features the fit was made on
     * @param fit the fit (values v_t and intercepts c_t)
     * @param tokens n samples, read only
     * @param targets n x T outputs, read only
     * @param n number of samples, &gt;= 1
     * @return the T errors
     * @throws IllegalArgumentException if an argument is null, n &lt; 1, a value vector has the wrong length,
     *         or the arrays are too short for n samples
     */
    public static double[] meanSquaredError(FeatureMap map, RidgeFit fit, double[] tokens, double[] targets,
                                            int n) {
        Checks.notNull("map", map);
        Checks.notNull("fit", fit);
        double[][] values = fit.values();
        double[] intercepts = fit.intercepts();
        Checks.notNull("tokens", tokens);
        Checks.notNull("targets", targets);
        Checks.positive("n", n);
        int outputs = values.length;
        int p = map.dimension();
        for (int t = 0; t < outputs; t++) {
            Checks.length("values[" + t + "]", values[t], p);
        }
        int per = map.sampleLength();
        if (tokens.length < (long) n * per) {
            throw Checks.fail("tokens.length", ">= n (N+1) d = " + ((long) n * per), tokens.length);
        }
        if (targets.length != (long) n * outputs) {
            throw Checks.fail("targets.length", "= n T = " + ((long) n * outputs), targets.length);
        }
        double[] phi = new double[p];
        double[] scratch = new double[map.scratchLength()];
        double[] sse = new double[outputs];
        for (int s = 0; s < n; s++) {
            map.features(tokens, s * per, scratch, phi, 0);
            for (int t = 0; t < outputs; t++) {
                double r = targets[s * outputs + t] - intercepts[t] - RfaKernels.dot(phi, 0, values[t], p);
                sse[t] += r * r;
            }
        }
        for (int t = 0; t < outputs; t++) {
            sse[t] /= n;
        }
        return sse;
    }
}
