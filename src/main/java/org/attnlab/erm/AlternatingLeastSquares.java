package org.attnlab.erm;

import java.util.Arrays;
import org.attnlab.internal.Checks;
import org.attnlab.internal.RandomStreams;
import org.attnlab.sampler.Dataset;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Least-squares ERM for pairwise interactions (arXiv 2510.11789, model A, the estimator of its main theorem):
 *
 * <pre>
 *   minimise  L(U, V, c) = 1/(M N) sum_m sum_i ( Y_i^m - 1/(N-1) sum_{j != i} phi(X_i^T U V^T X_j) )^2
 *   over U, V in R^{d x r} and phi = sum_k c_k B_k, B_k the degree-p B-splines on K equal pieces of [-R, R].
 * </pre>
 *
 * <p>Algorithm (alternating least squares, a variable-projection Levenberg-Marquardt):
 * <ol>
 *   <li>Normalise: scale U and V so that max |X_i^T U V^T X_j| over the training pairs is R (the scores fill
 *       [-R, R]) and the columns of U and V have equal norms. g = phi(x^T A y) depends on A only through the
 *       normalised A and phi, which is re-fitted on the fixed knots after every change of A.</li>
 *   <li>phi-step: c = argmin L + ridge |c|^2, a linear least-squares problem in the aggregated features
 *       F_ik = 1/(N-1) sum_{j != i} B_k(s_ij), solved through its normal equations
 *       (1/(MN) sum F F^T + ridge I) c = 1/(MN) sum Y F (K + p square, accumulated over samples, never an
 *       (M N) x (K + p) matrix) by Cholesky; if they are singular, by the least-norm solution (status
 *       SINGULAR).</li>
 *   <li>A-step: a damped Gauss-Newton step on theta = (U, V) with phi fixed, using phi' analytically:
 *       (J^T J + lambda diag(J^T J)) delta = J^T e; the trial (U + delta_U, V + delta_V) is normalised and its
 *       phi re-fitted; it is accepted only if the training risk decreases, otherwise lambda grows tenfold
 *       (at most {@link #MAX_TRIALS} times); on acceptance lambda shrinks tenfold.</li>
 * </ol>
 * Starts: the moment (spectral) start, the top-r singular pairs of C = 1/(M N) sum_m sum_i Y_i X_i
 * (sum_{j != i} X_j)^T (U = left vectors times sqrt(sigma), V = right vectors times sqrt(sigma)), then
 * {@code randomStarts} starts with i.i.d. standard normal U, V from stream (seed, ESTIMATOR, start); the fit
 * with the lowest final training risk is kept (the first on ties).
 *
 * <p>A fixed matrix ({@link #withFixedMatrix}) skips the normalisation and the A-step: one phi-step on
 * [-R, R] with the given U, V (scores outside [-R, R] see the constant extension).
 *
 * <p>Instances are immutable; configure them with {@code withX(...)}. {@link #fit} is deterministic: the same
 * data, configuration and seed give the same bytes at any thread count.
 */
public final class AlternatingLeastSquares {

    /** Largest number of damping increases tried in one iteration before declaring a stationary point. */
    public static final int MAX_TRIALS = 12;
    /** Training risk below this multiple of the mean square output counts as zero (noiseless fit). */
    public static final double RISK_FLOOR = 1e-30;
    /** Relative floor added to the damping diagonal so that zero columns of J stay solvable. */
    static final double DAMPING_FLOOR = 1e-12;
    /** Smallest damping parameter. */
    static final double MIN_DAMPING = 1e-15;

    private final int rank;
    private final int degree;
    private final int pieces;
    private final double c0;
    private final double beta;
    private final double radius;
    private final double ridge;
    private final int maxIterations;
    private final double tolerance;
    private final int randomStarts;
    private final boolean spectralStart;
    private final int threads;
    private final double initialDamping;
    private final double[] fixedU;
    private final double[] fixedV;

    private AlternatingLeastSquares(int rank, int degree, int pieces, double c0, double beta, double radius,
                                    double ridge, int maxIterations, double tolerance, int randomStarts,
                                    boolean spectralStart, int threads, double initialDamping,
                                    double[] fixedU, double[] fixedV) {
        this.rank = rank;
        this.degree = degree;
        this.pieces = pieces;
        this.c0 = c0;
        this.beta = beta;
        this.radius = radius;
        this.ridge = ridge;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        this.randomStarts = randomStarts;
        this.spectralStart = spectralStart;
        this.threads = threads;
        this.initialDamping = initialDamping;
        this.fixedU = fixedU;
        this.fixedV = fixedV;
    }

    /**
     * The defaults: r = 1, degree p = 2 (spline order 3), K automatic with c0 = 1 and beta = p, R = 1, no ridge,
     * 100 iterations, tolerance 1e-10, the moment start plus 2 random starts, damping 1e-3, as many threads as
     * processors.
     */
    public static AlternatingLeastSquares defaults() {
        return new AlternatingLeastSquares(1, 2, 0, 1.0, Double.NaN, 1.0, 0.0, 100, 1e-10, 2, true,
                Runtime.getRuntime().availableProcessors(), 1e-3, null, null);
    }

    private AlternatingLeastSquares copy(int rank, int degree, int pieces, double c0, double beta,
                                         double radius, double ridge, int maxIterations, double tolerance,
                                         int randomStarts, boolean spectralStart, int threads,
                                         double initialDamping, double[] fixedU, double[] fixedV) {
        return new AlternatingLeastSquares(rank, degree, pieces, c0, beta, radius, ridge, maxIterations,
                tolerance, randomStarts, spectralStart, threads, initialDamping, fixedU, fixedV);
    }

    /** r &gt;= 1, the rank of A = U V^T. @throws IllegalArgumentException if rank &lt; 1 */
    public AlternatingLeastSquares withRank(int rank) {
        Checks.positive("rank", rank);
        return copy(rank, degree, pieces, c0, beta, radius, ridge, maxIterations, tolerance, randomStarts,
                spectralStart, threads, initialDamping, fixedU, fixedV);
    }

    /** Spline degree p &gt;= 0 (order p + 1). @throws IllegalArgumentException if degree &lt; 0 or &gt; 20 */
    public AlternatingLeastSquares withDegree(int degree) {
        Checks.inRange("degree", degree, 0, 20);
        return copy(rank, degree, pieces, c0, beta, radius, ridge, maxIterations, tolerance, randomStarts,
                spectralStart, threads, initialDamping, fixedU, fixedV);
    }

    /**
     * K &gt;= 1 pieces, or 0 for the automatic rule {@link #defaultPieces}.
     *
     * @throws IllegalArgumentException if pieces &lt; 0
     */
    public AlternatingLeastSquares withPieces(int pieces) {
        Checks.nonNegative("pieces", pieces);
        return copy(rank, degree, pieces, c0, beta, radius, ridge, maxIterations, tolerance, randomStarts,
                spectralStart, threads, initialDamping, fixedU, fixedV);
    }

    /** The constant c0 &gt; 0 of the automatic K rule. @throws IllegalArgumentException if not finite and &gt; 0 */
    public AlternatingLeastSquares withPiecesConstant(double c0) {
        Checks.positive("c0", c0);
        return copy(rank, degree, pieces, c0, beta, radius, ridge, maxIterations, tolerance, randomStarts,
                spectralStart, threads, initialDamping, fixedU, fixedV);
    }

    /**
     * The smoothness beta &gt; 0 of the automatic K rule; NaN means beta = p (spline order minus one).
     *
     * @throws IllegalArgumentException if beta is neither NaN nor finite and &gt; 0
     */
    public AlternatingLeastSquares withSmoothness(double beta) {
        if (!Double.isNaN(beta)) {
            Checks.positive("beta", beta);
        }
        return copy(rank, degree, pieces, c0, beta, radius, ridge, maxIterations, tolerance, randomStarts,
                spectralStart, threads, initialDamping, fixedU, fixedV);
    }

    /** The knot interval [-R, R], R &gt; 0. @throws IllegalArgumentException if not finite and &gt; 0 */
    public AlternatingLeastSquares withRadius(double radius) {
        Checks.positive("radius", radius);
        return copy(rank, degree, pieces, c0, beta, radius, ridge, maxIterations, tolerance, randomStarts,
                spectralStart, threads, initialDamping, fixedU, fixedV);
    }

    /** Ridge penalty &gt;= 0 on |c|^2 in the phi-step. @throws IllegalArgumentException if not finite and &gt;= 0 */
    public AlternatingLeastSquares withRidge(double ridge) {
        Checks.nonNegative("ridge", ridge);
        return copy(rank, degree, pieces, c0, beta, radius, ridge, maxIterations, tolerance, randomStarts,
                spectralStart, threads, initialDamping, fixedU, fixedV);
    }

    /** Iteration limit &gt;= 0 per start. @throws IllegalArgumentException if &lt; 0 */
    public AlternatingLeastSquares withMaxIterations(int maxIterations) {
        Checks.nonNegative("maxIterations", maxIterations);
        return copy(rank, degree, pieces, c0, beta, radius, ridge, maxIterations, tolerance, randomStarts,
                spectralStart, threads, initialDamping, fixedU, fixedV);
    }

    /**
     * Relative risk decrease below which a start has converged, in [0, 1).
     *
     * @throws IllegalArgumentException if not in [0, 1)
     */
    public AlternatingLeastSquares withTolerance(double tolerance) {
        Checks.inRange("tolerance", tolerance, 0.0, Math.nextDown(1.0));
        return copy(rank, degree, pieces, c0, beta, radius, ridge, maxIterations, tolerance, randomStarts,
                spectralStart, threads, initialDamping, fixedU, fixedV);
    }

    /** Number of random starts &gt;= 0. @throws IllegalArgumentException if &lt; 0 */
    public AlternatingLeastSquares withRandomStarts(int randomStarts) {
        Checks.nonNegative("randomStarts", randomStarts);
        return copy(rank, degree, pieces, c0, beta, radius, ridge, maxIterations, tolerance, randomStarts,
                spectralStart, threads, initialDamping, fixedU, fixedV);
    }

    /** Whether to use the moment (spectral) start. */
    public AlternatingLeastSquares withSpectralStart(boolean spectralStart) {
        return copy(rank, degree, pieces, c0, beta, radius, ridge, maxIterations, tolerance, randomStarts,
                spectralStart, threads, initialDamping, fixedU, fixedV);
    }

    /** Number of threads &gt;= 1 (does not change the result). @throws IllegalArgumentException if &lt; 1 */
    public AlternatingLeastSquares withThreads(int threads) {
        Checks.inRange("threads", threads, 1, 1024);
        return copy(rank, degree, pieces, c0, beta, radius, ridge, maxIterations, tolerance, randomStarts,
                spectralStart, threads, initialDamping, fixedU, fixedV);
    }

    /** Initial Levenberg-Marquardt damping &gt; 0. @throws IllegalArgumentException if not finite and &gt; 0 */
    public AlternatingLeastSquares withDamping(double initialDamping) {
        Checks.positive("damping", initialDamping);
        return copy(rank, degree, pieces, c0, beta, radius, ridge, maxIterations, tolerance, randomStarts,
                spectralStart, threads, initialDamping, fixedU, fixedV);
    }

    /**
     * A known A = U V^T (d x r each, row-major, copied): fit only phi, on [-R, R] without normalisation.
     * The rank becomes the number of columns, u.length / d, checked against the data at fit time.
     *
     * @throws IllegalArgumentException if u or v is null, has a non-finite entry, or their lengths differ
     */
    public AlternatingLeastSquares withFixedMatrix(double[] u, double[] v) {
        Checks.allFinite("u", u);
        Checks.allFinite("v", v);
        Checks.length("v", v, u.length);
        return copy(rank, degree, pieces, c0, beta, radius, ridge, maxIterations, tolerance, randomStarts,
                spectralStart, threads, initialDamping, u.clone(), v.clone());
    }

    /** r. */
    public int rank() {
        return rank;
    }

    /** p. */
    public int degree() {
        return degree;
    }

    /** K, or 0 for automatic. */
    public int pieces() {
        return pieces;
    }

    /** R. */
    public double radius() {
        return radius;
    }

    /** The number of threads. */
    public int threads() {
        return threads;
    }

    /**
     * The automatic number of pieces K = max(1, ceil(c0 (M / max(1, ln M))^{1/(2 beta + 1)})), the order of
     * the paper's K_M (arXiv 2510.11789; the exact constant of its appendix is unknown to us).
     *
     * @param samples M &gt;= 1
     * @param c0 &gt; 0
     * @param beta &gt; 0
     * @return K &gt;= 1
     * @throws IllegalArgumentException if samples &lt; 1, c0 or beta is not finite and &gt; 0
     */
    public static int defaultPieces(int samples, double c0, double beta) {
        Checks.positive("samples", samples);
        Checks.positive("c0", c0);
        Checks.positive("beta", beta);
        double ratio = samples / Math.max(1.0, Math.log(samples));
        double k = Math.ceil(c0 * Math.pow(ratio, 1.0 / (2.0 * beta + 1.0)));
        return (int) Math.max(1.0, Math.min(k, 1 << 20));
    }

    /** The spline space this configuration uses for M samples. */
    public SplineGrid grid(int samples) {
        double b = Double.isNaN(beta) ? Math.max(degree, 1) : beta;
        int k = pieces > 0 ? pieces : defaultPieces(samples, c0, b);
        return SplineGrid.of(degree, k, radius);
    }

    /*@ public normal_behavior
      @   requires data != null;
      @   ensures \result != null && \result.dimension() == data.dimension();
      @   ensures \result.u().length == data.dimension() * \result.rank();
      @   ensures \result.coefficients().length == \result.grid().size();
      @   ensures (\forall int k; 0 <= k && k < \result.riskHistory().length;
      @            \result.riskHistory()[k] >= 0 && Double.isFinite(\result.riskHistory()[k]));
      @   ensures \result.status() != null;
      @ also public exceptional_behavior
      @   requires data == null || rank > data.dimension();
      @   signals_only IllegalArgumentException;
      @*/
    /**
     * Fits g_hat to the data set.
     *
     * @param data M samples of N tokens in R^d with outputs; not modified
     * @param seed seed of the random starts (streams (seed, ESTIMATOR, start))
     * @return the fit with the lowest training risk over the starts
     * @throws IllegalArgumentException if data is null, r &gt; d, the fixed matrix does not have d rows, or
     *     no start is configured (no spectral start and no random start)
     */
    public ErmResult fit(Dataset data, long seed) {
        Checks.notNull("data", data);
        long t0 = System.nanoTime();
        int d = data.dimension();
        int r = rank;
        if (fixedU != null) {
            if (fixedU.length % d != 0 || fixedU.length == 0) {
                throw Checks.fail("u.length", "a positive multiple of d = " + d, fixedU.length);
            }
            r = fixedU.length / d;
        }
        if (r > d) {
            throw Checks.fail("rank", "<= d = " + d, r);
        }
        if (fixedU == null && !spectralStart && randomStarts == 0) {
            throw Checks.fail("randomStarts", ">= 1 when the spectral start is off", randomStarts);
        }
        SplineGrid grid = grid(data.samples());
        try (ChunkRunner runner = new ChunkRunner(threads)) {
            PairAssembly asm = new PairAssembly(data, r, runner);
            Workspace ws = new Workspace(grid.size(), 2 * d * r);
            if (fixedU != null) {
                Start s = new Start(d, r, fixedU.clone(), fixedV.clone());
                s.projections = asm.project(fixedU, fixedV);
                s.singular = !phiStep(asm, grid, s, ws);
                s.history = new double[] {s.risk};
                s.status = s.singular ? ErmStatus.SINGULAR : ErmStatus.CONVERGED;
                return result(d, r, grid, s, 0, new double[] {s.risk}, t0);
            }
            double meanSquare = meanSquare(data.outputs());
            int total = (spectralStart ? 1 : 0) + randomStarts;
            double[] startRisks = new double[total];
            Start best = null;
            int bestIndex = 0;
            for (int k = 0; k < total; k++) {
                int startNumber = spectralStart ? k : k + 1;
                Start s = startNumber == 0 ? spectral(asm, data, d, r) : random(seed, startNumber, d, r);
                if (s == null) {
                    s = random(seed, startNumber, d, r);
                }
                run(asm, grid, s, ws, meanSquare, d, r);
                // the projections are only needed while the start runs (memory: one start's at a time)
                s.projections = null;
                startRisks[k] = s.risk;
                if (best == null || s.risk < best.risk || (Double.isNaN(best.risk) && !Double.isNaN(s.risk))) {
                    best = s;
                    bestIndex = startNumber;
                }
            }
            return result(d, r, grid, best, bestIndex, startRisks, t0);
        }
    }

    private ErmResult result(int d, int r, SplineGrid grid, Start s, int index, double[] startRisks, long t0) {
        double[] c = s.coefficients == null ? new double[grid.size()] : s.coefficients;
        return new ErmResult(d, r, s.u, s.v, grid, c, s.history, s.iterations, s.status, index, startRisks,
                System.nanoTime() - t0);
    }

    /** One start's state. */
    static final class Start {
        final int d;
        final int r;
        double[] u;
        double[] v;
        double[] coefficients;
        /** P = X U, Q = X V of (u, v) and their largest-score pair, when the solver needs them. */
        PairAssembly.Projections projections;
        double risk = Double.NaN;
        boolean singular;
        double[] history = new double[0];
        int iterations;
        ErmStatus status = ErmStatus.SINGULAR;

        Start(int d, int r, double[] u, double[] v) {
            this.d = d;
            this.r = r;
            this.u = u;
            this.v = v;
        }
    }

    /** Work arrays reused across steps (sizes n and q = 2 d r). */
    static final class Workspace {
        final double[] gram;
        final double[] rhs;
        final double[] jtj;
        final double[] jte;
        final double[] damped;
        final double[] delta;

        Workspace(int n, int q) {
            gram = new double[n * n];
            rhs = new double[n];
            jtj = new double[q * q];
            jte = new double[q];
            damped = new double[q * q];
            delta = new double[q];
        }
    }

    private Start random(long seed, int startNumber, int d, int r) {
        RandomStreams.Stream stream = RandomStreams.stream(seed, RandomStreams.Purpose.ESTIMATOR, startNumber);
        double[] u = new double[d * r];
        double[] v = new double[d * r];
        stream.normals(u);
        stream.normals(v);
        return new Start(d, r, u, v);
    }

    /** The moment start, or null when C has rank below r (then the caller falls back to a random start). */
    private Start spectral(PairAssembly asm, Dataset data, int d, int r) {
        double[] c = new double[d * d];
        asm.momentMatrix(c);
        DMatrixRMaj m = new DMatrixRMaj(d, d);
        System.arraycopy(c, 0, m.data, 0, d * d);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(d, d, true, true, false);
        if (!svd.decompose(m)) {
            return null;
        }
        DMatrixRMaj left = svd.getU(null, false);
        DMatrixRMaj right = svd.getV(null, false);
        double[] sigma = svd.getSingularValues().clone();
        SingularOps_DDRM.descendingOrder(left, false, sigma, d, right, false);
        if (!(sigma[r - 1] > 0)) {
            return null;
        }
        double[] u = new double[d * r];
        double[] v = new double[d * r];
        for (int b = 0; b < r; b++) {
            double s = Math.sqrt(sigma[b]);
            for (int a = 0; a < d; a++) {
                u[a * r + b] = left.get(a, b) * s;
                v[a * r + b] = right.get(a, b) * s;
            }
        }
        return new Start(d, r, u, v);
    }

    /** Alternating iterations of one start; fills s. */
    private void run(PairAssembly asm, SplineGrid grid, Start s, Workspace ws, double meanSquare, int d, int r) {
        s.projections = normalise(asm, grid, s.u, s.v, r);
        if (s.projections == null) {
            // every score is 0: g_hat = 0 is the only candidate on this start
            s.status = ErmStatus.SINGULAR;
            s.history = new double[] {meanSquare};
            s.risk = meanSquare;
            return;
        }
        s.singular = !phiStep(asm, grid, s, ws);
        double[] history = new double[maxIterations + 1];
        history[0] = s.risk;
        int it = 0;
        ErmStatus status = ErmStatus.MAX_ITERATIONS;
        double floor = RISK_FLOOR * meanSquare;
        if (s.risk <= floor) {
            status = ErmStatus.CONVERGED;
        }
        double[] damping = {initialDamping};
        while (status == ErmStatus.MAX_ITERATIONS && it < maxIterations) {
            Start accepted = iterate(asm, grid, s, ws, damping);
            if (accepted == null) {
                // no damped step decreases the risk: a stationary point to working precision
                status = ErmStatus.CONVERGED;
                break;
            }
            double before = s.risk;
            s.u = accepted.u;
            s.v = accepted.v;
            s.coefficients = accepted.coefficients;
            s.projections = accepted.projections;
            s.risk = accepted.risk;
            s.singular = accepted.singular;
            it++;
            history[it] = s.risk;
            if (s.risk <= floor || before - s.risk <= tolerance * before) {
                status = ErmStatus.CONVERGED;
            }
        }
        s.iterations = it;
        s.history = Arrays.copyOf(history, it + 1);
        s.status = s.singular ? ErmStatus.SINGULAR : status;
    }

    /**
     * One A-step: the Gauss-Newton system at s (with its projections), then damped trials until one lowers the
     * risk (then damping[0] shrinks tenfold and the trial is returned with its projections) or
     * {@link #MAX_TRIALS} fail (null).
     */
    Start iterate(PairAssembly asm, SplineGrid grid, Start s, Workspace ws, double[] damping) {
        int d = s.d;
        int r = s.r;
        int q = 2 * d * r;
        asm.gaussNewton(s.projections, grid, s.coefficients, ws.jtj, ws.jte);
        double maxDiag = 0.0;
        for (int a = 0; a < q; a++) {
            maxDiag = Math.max(maxDiag, ws.jtj[a * q + a]);
        }
        double lambda = damping[0];
        for (int trial = 0; trial < MAX_TRIALS; trial++) {
            System.arraycopy(ws.jtj, 0, ws.damped, 0, q * q);
            for (int a = 0; a < q; a++) {
                ws.damped[a * q + a] += lambda * (ws.jtj[a * q + a] + DAMPING_FLOOR * maxDiag);
            }
            if (!(maxDiag > 0) || !DenseSolve.cholesky(ws.damped, q, ws.jte, ws.delta)) {
                lambda *= 10.0;
                continue;
            }
            Start t = new Start(d, r, s.u.clone(), s.v.clone());
            int half = d * r;
            for (int a = 0; a < half; a++) {
                t.u[a] += ws.delta[a];
                t.v[a] += ws.delta[half + a];
            }
            t.projections = normalise(asm, grid, t.u, t.v, r);
            if (t.projections != null) {
                t.singular = !phiStep(asm, grid, t, ws);
                if (t.risk < s.risk) {
                    damping[0] = Math.max(lambda / 10.0, MIN_DAMPING);
                    return t;
                }
            }
            lambda *= 10.0;
        }
        damping[0] = lambda;
        return null;
    }

    /**
     * Scales U, V (in place) so that the largest training score is R and the columns of U and V have equal
     * norms, and returns the projections of the result; null if every score is 0 or a score is not finite.
     */
    static PairAssembly.Projections normalise(PairAssembly asm, SplineGrid grid, double[] u, double[] v, int r) {
        PairAssembly.Projections before = asm.project(u, v);
        double max = before.largest;
        if (!(max > 0) || !Double.isFinite(max)) {
            return null;
        }
        double factor = Math.sqrt(grid.radius() / max);
        int d = u.length / r;
        for (int b = 0; b < r; b++) {
            double nu = 0.0;
            double nv = 0.0;
            for (int a = 0; a < d; a++) {
                nu += u[a * r + b] * u[a * r + b];
                nv += v[a * r + b] * v[a * r + b];
            }
            double alpha = nu > 0 && nv > 0 ? Math.sqrt(Math.sqrt(nv / nu)) : 1.0;
            for (int a = 0; a < d; a++) {
                u[a * r + b] *= factor * alpha;
                v[a * r + b] *= factor / alpha;
            }
        }
        // every score is multiplied by factor^2 (alpha cancels), so the largest-score pair is unchanged
        return asm.project(u, v, before);
    }

    /** phi-step on s.projections: sets s.coefficients and s.risk; false if singular. */
    boolean phiStep(PairAssembly asm, SplineGrid grid, Start s, Workspace ws) {
        int n = grid.size();
        asm.normalEquations(s.projections, grid, ws.gram, ws.rhs);
        double inv = 1.0 / asm.outputCount();
        for (int a = 0; a < n * n; a++) {
            ws.gram[a] *= inv;
        }
        for (int a = 0; a < n; a++) {
            ws.rhs[a] *= inv;
            ws.gram[a * n + a] += ridge;
        }
        double[] c = new double[n];
        boolean ok = DenseSolve.cholesky(ws.gram, n, ws.rhs, c);
        if (!ok) {
            DenseSolve.leastNorm(ws.gram, n, ws.rhs, c);
            for (int a = 0; a < n; a++) {
                if (!Double.isFinite(c[a])) {
                    c[a] = 0.0;
                }
            }
        }
        s.coefficients = c;
        s.risk = asm.sumOfSquares(s.projections, grid, c) * inv;
        return ok;
    }

    private static double meanSquare(double[] y) {
        double s = 0.0;
        for (double v : y) {
            s += v * v;
        }
        return s / y.length;
    }

    @Override
    public String toString() {
        return "AlternatingLeastSquares[rank=" + rank + ", degree=" + degree + ", pieces=" + pieces
                + ", radius=" + radius + ", ridge=" + ridge + ", maxIterations=" + maxIterations
                + ", tolerance=" + tolerance + ", randomStarts=" + randomStarts + ", spectralStart="
                + spectralStart + ", threads=" + threads + "]";
    }
}
