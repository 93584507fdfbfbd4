package org.attnlab.erm;

import java.util.Arrays;
import java.util.List;
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
    private final OptimizerSettings settings;
    private final /*@ spec_public @*/ long pairs;
    /** The training risk of the start (after normalisation and its phi-step), for the contract of reset. */
    //@ public ghost double initialRisk;

    //@ public invariant pairs >= 0;
    private final ErmEngine.State initial;
    private ErmEngine.State state;

    private ErmWorkload(Dataset data, SplineGrid grid, double[] u, double[] v, int threads) {
        int d = data.dimension();
        int r = u.length / d;
        this.settings = OptimizerSettings.DEFAULT.withThreads(threads);
        this.engine = new ErmEngine(data, r, grid, ModelSettings.DEFAULT.ridge(), settings);
        this.pairs = (long) data.samples() * data.tokensPerSample() * (data.tokensPerSample() - 1);
        this.state = new ErmEngine.State(d, r, copy(u), copy(v));
        state.projections = engine.normalise(state.u, state.v);
        if (state.projections == null) {
            engine.close();
            throw Checks.fail("u, v", "a matrix with a non-zero training score", "all scores 0");
        }
        engine.phiStep(state);
        this.initial = state;
        //@ set initialRisk = state.risk;
    }

    /*@ public normal_behavior
      @   ensures Double.compare(risk(), initialRisk) == 0;
      @*/
    /**
     * Back to the normalised start with its phi and the initial damping, so that every {@link #iteration()}
     * after a reset does the same work (the first iteration of a start).
     */
    public void reset() {
        state = initial;
        engine.resetDamping();
    }

    /*@ public normal_behavior
      @   ensures \result != null;
      @*/
    /**
     * The SIMD loops the assembly uses on this JVM ({@code org.attnlab.internal.Simd}): "gauss-newton" (J^T J,
     * F^T J and z_i of the Gauss-Newton assembly), or nothing when the scalar loops run. The bytes of every result
     * are the same either way; benchmarks report it beside their timings.
     */
    public static List<String> simdLoops() {
        return PairAssembly.GN_LOOPS == null ? List.of() : List.of("gauss-newton");
    }

    /*@ public behavior
      @   requires data != null && grid != null && u != null && v != null && u.length >= 1
      @            && u.length % data.dimension() == 0 && u.length <= data.dimension() * data.dimension()
      @            && v.length == u.length && 1 <= threads && threads <= 1024
      @            && (\forall int k; 0 <= k && k < u.length; Double.isFinite(u[k]) && Double.isFinite(v[k]));
      @   ensures \result != null && \result.pairs == (long) data.samples() * data.tokensPerSample()
      @            * (data.tokensPerSample() - 1);
      @   ensures Double.compare(\result.risk(), \result.initialRisk) == 0;
      @   signals_only IllegalArgumentException;
      @ also public exceptional_behavior
      @   requires !(data != null && grid != null && u != null && v != null && u.length >= 1
      @              && u.length % data.dimension() == 0 && u.length <= data.dimension() * data.dimension()
      @              && v.length == u.length && 1 <= threads && threads <= 1024
      @              && (\forall int k; 0 <= k && k < u.length; Double.isFinite(u[k]) && Double.isFinite(v[k])));
      @   signals_only IllegalArgumentException;
      @*/
    /**
     * A workload starting from (U, V), normalised, with phi fitted (throws IllegalArgumentException, naming the
     * rule, also when every training score of (U, V) is 0).
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

    /*@ public normal_behavior
      @   ensures \result == pairs && \result >= 0;
      @*/
    /** M N (N - 1), the pair evaluations of one phi-step assembly. */
    public /*@ pure @*/ long pairs() {
        return pairs;
    }

    /*@ public normal_behavior
      @   ensures Double.compare(risk(), \old(risk())) == 0;
      @*/
    /** One phi-step on the current A: assembly and solve (not the risk pass). Returns c_0 (keeps it live). */
    public double phiStep() {
        return engine.phiStepOnly(state)[0];
    }

    /*@ public normal_behavior
      @   ensures Double.compare(\result, risk()) == 0;
      @   ensures \result < \old(risk()) || Double.compare(\result, \old(risk())) == 0;
      @*/
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

    /*@ public normal_behavior
      @   ensures 1 <= \result && \result <= 12;
      @   ensures Double.compare(risk(), initialRisk) == 0;
      @*/
    /**
     * The number of damped trials (Cholesky failures included) of the first iteration from the start, as the fit
     * runs it: k when the k-th damping lambda_0 10^(k-1) gave the accepted step, 12 (the engine's largest number
     * of trials) when none was accepted. Runs that iteration (outside any timing) and leaves the workload reset.
     */
    public int trials() {
        reset();
        engine.iterate(state);
        int k = engine.lastTrials();
        reset();
        return k;
    }

    /*@ public normal_behavior
      @   ensures !(\result < 0);
      @*/
    /** The current training risk. */
    public /*@ pure @*/ double risk() {
        return state.risk;
    }

    /*@ also public normal_behavior
      @   ensures true;
      @*/
    /** Stops the worker threads. */
    @Override
    public void close() {
        engine.close();
    }

    /**
     * A copy of a (the same as {@code a.clone()}). A helper that OpenJML's RAC does not instrument ({@code skiprac}):
     * -rac crashes on an array {@code clone()} ("base is null" in Lower), and at a call of {@code Arrays.copyOf} in
     * an instrumented method it reports the caller's postcondition false (the JDK specification of copyOf uses
     * {@code \fresh} and a quantifier RAC does not implement).
     */
    /*@ skiprac @*/
    private static double[] copy(double[] a) {
        return Arrays.copyOf(a, a.length);
    }
}
