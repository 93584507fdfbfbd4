package org.attnlab.erm;

import org.attnlab.internal.Checks;
import org.attnlab.sampler.Dataset;

/**
 * The solver's hot loops on a fixed data set, for measuring them (the {@code bench} command and the JMH
 * benchmarks): the phi-step (normal-equation assembly over all M N (N - 1) pairs and its Cholesky solve) and one
 * full alternating iteration exactly as {@link AlternatingLeastSquares#fit} runs it (Gauss-Newton assembly,
 * damped solve, normalisation, phi-step and risk of the trial, repeated while a trial is rejected), both through
 * the fit's own {@link ErmEngine} with the default {@link OptimizerSettings}. Owns worker threads: close it.
 */
public final class ErmWorkload implements AutoCloseable {

    private final ErmEngine engine;
    private final long pairs;
    private final ErmEngine.State initial;
    private ErmEngine.State state;

    private ErmWorkload(Dataset data, SplineGrid grid, double[] u, double[] v, int threads) {
        int d = data.dimension();
        int r = u.length / d;
        this.engine = new ErmEngine(data, r, grid, ModelSettings.DEFAULT.ridge(),
                OptimizerSettings.DEFAULT.withThreads(threads));
        this.pairs = (long) data.samples() * data.tokensPerSample() * (data.tokensPerSample() - 1);
        this.state = new ErmEngine.State(d, r, u.clone(), v.clone());
        state.projections = engine.normalise(state.u, state.v);
        if (state.projections == null) {
            engine.close();
            throw Checks.fail("u, v", "a matrix with a non-zero training score", "all scores 0");
        }
        engine.phiStep(state);
        this.initial = state;
    }

    /**
     * Back to the normalised start with its phi and the initial damping, so that every {@link #iteration()}
     * after a reset does the same work (the first iteration of a start).
     */
    public void reset() {
        state = initial;
        engine.resetDamping();
    }

    /**
     * A workload starting from (U, V), normalised, with phi fitted.
     *
     * @param data the data set; not modified
     * @param grid the spline space
     * @param u U, d x r row-major
     * @param v V, d x r row-major
     * @param threads worker threads &gt;= 1
     * @throws IllegalArgumentException if an argument is null, u and v do not have d r entries with
     *     1 &lt;= r &lt;= d, threads &lt; 1, or every training score is 0
     */
    public static ErmWorkload of(Dataset data, SplineGrid grid, double[] u, double[] v, int threads) {
        Checks.notNull("data", data);
        Checks.notNull("grid", grid);
        Checks.allFinite("u", u);
        Checks.allFinite("v", v);
        int d = data.dimension();
        if (u.length == 0 || u.length % d != 0 || u.length > d * d) {
            throw Checks.fail("u.length", "d r with 1 <= r <= d = " + d, u.length);
        }
        Checks.length("v", v, u.length);
        Checks.inRange("threads", threads, 1, 1024);
        return new ErmWorkload(data, grid, u, v, threads);
    }

    /** M N (N - 1), the pair evaluations of one phi-step assembly. */
    public long pairs() {
        return pairs;
    }

    /** One phi-step on the current A: assembly and solve (not the risk pass). Returns c_0 (keeps it live). */
    public double phiStep() {
        return engine.phiStepOnly(state)[0];
    }

    /**
     * One alternating iteration from the current state (accepted steps advance it). Returns the training risk
     * after the iteration.
     */
    public double iteration() {
        ErmEngine.State next = engine.iterate(state);
        if (next == null) {
            return state.risk;
        }
        state = next;
        return state.risk;
    }

    /** The current training risk. */
    public double risk() {
        return state.risk;
    }

    @Override
    public void close() {
        engine.close();
    }
}
