package org.attnlab.erm;

import java.util.Arrays;
import org.attnlab.internal.ChunkPool;
import org.attnlab.sampler.Dataset;

/**
 * One fit's machinery on a fixed data set and spline space (spec/estimator.md "Algorithm", steps 3-6): it owns the
 * pair assembly, the grid, the work arrays and the Levenberg-Marquardt damping, and runs one start at a time.
 * {@link AlternatingLeastSquares} builds one engine per fit and chooses the starts; {@link ErmWorkload} drives one
 * to measure single iterations. Not thread-safe (its pair loops are parallel inside); close it to stop the
 * threads of its {@link ChunkPool}.
 */
final class ErmEngine implements AutoCloseable {

    /** Largest number of damping increases tried in one iteration before declaring a stationary point. */
    static final int MAX_TRIALS = 12;
    /** Training risk below this multiple of the mean square output counts as zero (noiseless fit). */
    static final double RISK_FLOOR = 1e-30;
    /** Relative floor added to the damping diagonal so that zero columns of J stay solvable. */
    static final double DAMPING_FLOOR = 1e-12;
    /** Smallest damping parameter. */
    static final double MIN_DAMPING = 1e-15;

    /** The state of one start: U, V (d x r row-major), phi's coefficients, the training risk, how it ended. */
    static final class State {
        final int d;
        final int r;
        /** Start identifier (spec/estimator.md "Starts"). */
        int id;
        double[] u;
        double[] v;
        double[] coefficients;
        /** P = X U, Q = X V of (u, v) and their largest-score pair, while the state is being worked on. */
        PairAssembly.Projections projections;
        /**
         * The phi-step's matrix 1/(M N) sum F F^T + ridge I on these projections (n x n row-major), null when it was
         * singular: the variable-projection A-step needs it.
         */
        double[] gram;
        /** The training risk (1/(M N)) sum of squared residuals: what is reported. */
        double risk = Double.NaN;
        /**
         * The objective the steps minimise: risk + ridge |c|^2 (the phi-step's penalised least squares, which the
         * variable-projection A-step's model also contains); acceptance, stopping and the choice among starts use it.
         */
        double objective = Double.NaN;
        boolean singular;
        double[] history = new double[0];
        int iterations;
        ErmStatus status = ErmStatus.SINGULAR;

        State(int d, int r, double[] u, double[] v) {
            this.d = d;
            this.r = r;
            this.u = u;
            this.v = v;
        }

        /** A fresh state at copies of this one's U, V, with its id: a trial step or a run that must not move it. */
        State copyStart() {
            State c = new State(d, r, u.clone(), v.clone());
            c.id = id;
            return c;
        }
    }

    private final Dataset data;
    private final int d;
    private final int r;
    private final SplineGrid grid;
    private final double ridge;
    private final OptimizerSettings optimizer;
    private final ChunkPool pool;
    /** Whether {@link #close()} stops the pool (false for an engine of {@link #stage}, which shares it). */
    private final boolean ownsPool;
    private final PairAssembly asm;
    private final double meanSquare;
    private final double[] gram;
    private final double[] rhs;
    private final double[] jtj;
    private final double[] jte;
    private final double[] damped;
    private final double[] delta;
    private final double[] ftj;
    private final double[] solved;
    private double damping;
    /** The damped trials of the last {@link #iterate} (Cholesky failures included; MAX_TRIALS when none was accepted). */
    private int lastTrials;

    /**
     * An engine for rank r on data with the given spline space; it starts a {@link ChunkPool} of
     * {@code optimizer.threads()} threads, stopped by {@link #close()}.
     */
    ErmEngine(Dataset data, int rank, SplineGrid grid, double ridge, OptimizerSettings optimizer) {
        this(data, rank, grid, ridge, optimizer, ChunkPool.of(optimizer.threads()), true);
    }

    private ErmEngine(Dataset data, int rank, SplineGrid grid, double ridge, OptimizerSettings optimizer,
                      ChunkPool pool, boolean ownsPool) {
        this.data = data;
        this.d = data.dimension();
        this.r = rank;
        this.grid = grid;
        this.ridge = ridge;
        this.optimizer = optimizer;
        this.pool = pool;
        this.ownsPool = ownsPool;
        this.asm = new PairAssembly(data, rank, pool);
        int n = grid.size();
        int q = 2 * d * rank;
        this.gram = new double[n * n];
        this.rhs = new double[n];
        this.jtj = new double[q * q];
        this.jte = new double[q];
        this.damped = new double[q * q];
        this.delta = new double[q];
        this.ftj = new double[n * q];
        this.solved = new double[n * q];
        this.meanSquare = meanSquare(data.outputs());
        this.damping = optimizer.damping();
    }

    SplineGrid grid() {
        return grid;
    }

    /**
     * An engine for the same rank and ridge on other data (e.g. a prefix of this engine's samples), another
     * spline space and other settings (the continuation stage); it shares this engine's threads, and closing it
     * does not stop them.
     */
    ErmEngine stage(Dataset other, SplineGrid otherGrid, OptimizerSettings settings) {
        return new ErmEngine(other, r, otherGrid, ridge, settings, pool, false);
    }

    ChunkPool pool() {
        return pool;
    }

    PairAssembly assembly() {
        return asm;
    }

    Dataset data() {
        return data;
    }

    /** (1/(M N)) sum Y^2, the risk of g_hat = 0. */
    double meanSquare() {
        return meanSquare;
    }

    /** The damped trials of the last {@link #iterate}: k when the k-th was accepted, MAX_TRIALS when none was. */
    int lastTrials() {
        return lastTrials;
    }

    /** Back to the initial damping of the optimizer settings (the first iteration of a start). */
    void resetDamping() {
        damping = optimizer.damping();
    }

    /**
     * Runs one start to the end (spec/estimator.md steps 3-6): normalisation, phi-step, then Levenberg-Marquardt
     * A-steps until convergence, the iteration limit or a singular phi-step; fills s. Every accepted step lowers
     * the penalised objective (risk + ridge |c|^2); the run stops when its relative decrease is at most the
     * tolerance. The history records the training risk.
     */
    void run(State s) {
        resetDamping();
        s.projections = normalise(s.u, s.v);
        if (s.projections == null) {
            // every score is 0: g_hat = 0 is the only candidate on this start
            s.status = ErmStatus.SINGULAR;
            s.history = new double[] {meanSquare};
            s.risk = meanSquare;
            s.objective = meanSquare;
            return;
        }
        s.singular = !phiStep(s);
        int maxIterations = optimizer.maxIterations();
        double[] history = new double[maxIterations + 1];
        history[0] = s.risk;
        int it = 0;
        ErmStatus status = ErmStatus.MAX_ITERATIONS;
        double floor = RISK_FLOOR * meanSquare;
        if (s.risk <= floor) {
            status = ErmStatus.CONVERGED;
        }
        while (status == ErmStatus.MAX_ITERATIONS && it < maxIterations) {
            State accepted = iterate(s);
            if (accepted == null) {
                // no damped step decreases the objective: a stationary point to working precision
                status = ErmStatus.CONVERGED;
                break;
            }
            double before = s.objective;
            s.u = accepted.u;
            s.v = accepted.v;
            s.coefficients = accepted.coefficients;
            s.projections = accepted.projections;
            s.gram = accepted.gram;
            s.risk = accepted.risk;
            s.objective = accepted.objective;
            s.singular = accepted.singular;
            it++;
            history[it] = s.risk;
            if (s.risk <= floor || before - s.objective <= optimizer.tolerance() * before) {
                status = ErmStatus.CONVERGED;
            }
        }
        s.iterations = it;
        s.history = Arrays.copyOf(history, it + 1);
        s.status = s.singular ? ErmStatus.SINGULAR : status;
        // the projections are only needed while the start runs (memory: one start's at a time)
        s.projections = null;
        s.gram = null;
    }

    /**
     * One A-step: the Gauss-Newton system at s (with its projections), then damped trials until one lowers the
     * penalised objective risk + ridge |c|^2 (the damping then shrinks tenfold and the trial is returned with its
     * projections) or {@link #MAX_TRIALS} fail (null). With ridge 0 the objective is the training risk.
     *
     * <p>The system is that of variable projection (Kaufman's approximation; Golub and Pereyra): the phi-step
     * re-fits c after every A-step, so the A-step's Gauss-Newton matrix is that of the residual with c
     * eliminated, J^T J - J^T F (F^T F + M N ridge I)^{-1} F^T J (the Schur complement of the joint system in
     * (theta, c)), with the same gradient J^T e (c is optimal for theta). Without the elimination the alternation
     * converges linearly (about 0.9 per iteration near a minimum at d = 30); with it, in a few iterations. When
     * the phi-step was singular the plain J^T J is used.
     */
    State iterate(State s) {
        int q = 2 * d * r;
        asm.gaussNewton(s.projections, grid, s.coefficients, jtj, jte, ftj);
        if (s.gram != null) {
            eliminateCoefficients(s.gram);
        }
        double maxDiag = 0.0;
        for (int a = 0; a < q; a++) {
            maxDiag = Math.max(maxDiag, jtj[a * q + a]);
        }
        double lambda = damping;
        for (int trial = 0; trial < MAX_TRIALS; trial++) {
            System.arraycopy(jtj, 0, damped, 0, q * q);
            for (int a = 0; a < q; a++) {
                damped[a * q + a] += lambda * (jtj[a * q + a] + DAMPING_FLOOR * maxDiag);
            }
            if (!(maxDiag > 0) || !DenseSolve.cholesky(damped, q, jte, delta)) {
                lambda *= 10.0;
                continue;
            }
            State t = s.copyStart();
            int half = d * r;
            for (int a = 0; a < half; a++) {
                t.u[a] += delta[a];
                t.v[a] += delta[half + a];
            }
            t.projections = normalise(t.u, t.v);
            if (t.projections != null) {
                t.singular = !phiStep(t);
                if (t.objective < s.objective) {
                    damping = Math.max(lambda / 10.0, MIN_DAMPING);
                    lastTrials = trial + 1;
                    return t;
                }
            }
            lambda *= 10.0;
        }
        damping = lambda;
        lastTrials = MAX_TRIALS;
        return null;
    }

    /**
     * jtj -= (1/(M N)) ftj^T G^{-1} ftj for the phi-step matrix G = 1/(M N) F^T F + ridge I (ftj = F^T J, n x q):
     * the Schur complement that removes from J^T J the directions the phi-step re-fits. Left unchanged if a solve
     * with G fails (G was factorised by the phi-step, so it does not).
     */
    private void eliminateCoefficients(double[] g) {
        int n = grid.size();
        int q = 2 * d * r;
        double[] column = new double[n];
        double[] solution = new double[n];
        for (int a = 0; a < q; a++) {
            for (int k = 0; k < n; k++) {
                column[k] = ftj[k * q + a];
            }
            if (!DenseSolve.cholesky(g, n, column, solution)) {
                return;
            }
            for (int k = 0; k < n; k++) {
                solved[k * q + a] = solution[k];
            }
        }
        double inv = 1.0 / asm.outputCount();
        for (int a = 0; a < q; a++) {
            for (int e = a; e < q; e++) {
                double sum = 0.0;
                for (int k = 0; k < n; k++) {
                    sum += ftj[k * q + a] * solved[k * q + e];
                }
                jtj[a * q + e] -= inv * sum;
                jtj[e * q + a] = jtj[a * q + e];
            }
        }
    }

    /**
     * Scales U, V in place so that the largest training score is R and the columns of U and V have equal norms,
     * and returns the projections of the result; null if every score is 0 or a score is not finite.
     */
    PairAssembly.Projections normalise(double[] u, double[] v) {
        PairAssembly.Projections before = asm.project(u, v);
        double max = before.largest;
        if (!(max > 0) || !Double.isFinite(max)) {
            return null;
        }
        double factor = Math.sqrt(grid.radius() / max);
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

    /**
     * The phi-step on s.projections: the ridge-regularised normal equations
     * (1/(MN) sum F F^T + ridge I) c = 1/(MN) sum Y F solved by Cholesky, or by the least-norm solution when they
     * are singular; sets s.coefficients, s.risk (recomputed from the residuals) and s.objective
     * (risk + ridge |c|^2). Returns false if singular.
     */
    boolean phiStep(State s) {
        int n = grid.size();
        asm.normalEquations(s.projections, grid, gram, rhs);
        double inv = 1.0 / asm.outputCount();
        for (int a = 0; a < n * n; a++) {
            gram[a] *= inv;
        }
        for (int a = 0; a < n; a++) {
            rhs[a] *= inv;
            gram[a * n + a] += ridge;
        }
        double[] c = new double[n];
        boolean ok = DenseSolve.cholesky(gram, n, rhs, c);
        s.gram = ok ? gram.clone() : null;
        if (!ok) {
            DenseSolve.leastNorm(gram, n, rhs, c);
            for (int a = 0; a < n; a++) {
                if (!Double.isFinite(c[a])) {
                    c[a] = 0.0;
                }
            }
        }
        s.coefficients = c;
        s.risk = asm.sumOfSquares(s.projections, grid, c) * inv;
        s.objective = s.risk + ridge * squaredNorm(c);
        return ok;
    }

    /**
     * The screening value of a candidate: its penalised objective (risk + ridge |c|^2) after normalisation (in
     * place) and one phi-step; +infinity when every score is 0 or the value is NaN. The coefficients are dropped
     * (a run re-fits them).
     */
    double screen(State s) {
        s.projections = normalise(s.u, s.v);
        if (s.projections == null) {
            return Double.POSITIVE_INFINITY;
        }
        phiStep(s);
        double objective = s.objective;
        s.projections = null;
        s.gram = null;
        s.coefficients = null;
        s.risk = Double.NaN;
        s.objective = Double.NaN;
        return Double.isNaN(objective) ? Double.POSITIVE_INFINITY : objective;
    }

    /** sum c_k^2. */
    static double squaredNorm(double[] c) {
        double sum = 0.0;
        for (double x : c) {
            sum += x * x;
        }
        return sum;
    }

    /** The phi-step alone on s's projections (assembly and solve, no risk pass): for the benchmarks. */
    double[] phiStepOnly(State s) {
        int n = grid.size();
        asm.normalEquations(s.projections, grid, gram, rhs);
        double[] c = new double[n];
        if (!DenseSolve.cholesky(gram, n, rhs, c)) {
            DenseSolve.leastNorm(gram, n, rhs, c);
        }
        return c;
    }

    private static double meanSquare(double[] y) {
        double s = 0.0;
        for (double v : y) {
            s += v * v;
        }
        return s / y.length;
    }

    @Override
    public void close() {
        if (ownsPool) {
            pool.close();
        }
    }
}
