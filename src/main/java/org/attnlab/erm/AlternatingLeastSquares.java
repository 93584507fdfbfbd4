package org.attnlab.erm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.attnlab.internal.Checks;
import org.attnlab.internal.RandomStreams;
import org.attnlab.sampler.Dataset;

/**
 * Least-squares ERM for pairwise interactions (arXiv 2510.11789, model A, the estimator of its main theorem):
 *
 * <pre>
 *   minimise  L(U, V, c) = 1/(M N) sum_m sum_i ( Y_i^m - 1/(N-1) sum_{j != i} phi(X_i^T U V^T X_j) )^2
 *   over U, V in R^{d x r} and phi = sum_k c_k B_k, B_k the degree-p B-splines on K equal pieces of [-R, R].
 * </pre>
 *
 * <p>The pieces, each in one place:
 * <ul>
 *   <li>{@link ModelSettings} (rank, degree, pieces, radius, ridge) and {@link OptimizerSettings} (iterations,
 *       tolerance, damping, starts, threads): validated value classes (with a record's API) with the defaults;</li>
 *   <li>this class: the facade. It resolves K, builds the candidate starts (moment starts of
 *       {@link MomentStarts}, random starts), screens them, runs the best {@code starts} of them and keeps the
 *       lowest training risk;</li>
 *   <li>{@link ErmEngine}: one fit's machinery (pair assembly, grid, work arrays, damping), running one start:
 *       normalisation, phi-step, Levenberg-Marquardt A-steps (spec/estimator.md "Algorithm");</li>
 *   <li>{@link ErmResult}: the outcome.</li>
 * </ul>
 *
 * <p>A fixed matrix ({@link #withFixedMatrix}) skips the normalisation and the A-step: one phi-step on
 * [-R, R] with the given U, V (scores outside [-R, R] see the constant extension). A given start
 * ({@link #withStartMatrix}) replaces the candidate starts: the fit descends from it alone.
 *
 * <p>Instances are immutable; configure them with {@code withX(...)} or {@link #of}. {@link #fit} is
 * deterministic: the same data, configuration and seed give the same bytes at any thread count.
 */
public final class AlternatingLeastSquares {

    /** Default number of starts run to convergence ({@link OptimizerSettings#starts()}). */
    public static final int DEFAULT_STARTS = OptimizerSettings.DEFAULT.starts();

    //@ public invariant model != null && optimizer != null && c0 > 0 && c0 < Double.POSITIVE_INFINITY;
    //@ public invariant Double.isNaN(beta) || (beta > 0 && beta < Double.POSITIVE_INFINITY);
    //@ public invariant (fixedU == null) == (fixedV == null);
    //@ public invariant fixedU != null ==> fixedU.length == fixedV.length;

    private final /*@ spec_public @*/ ModelSettings model;
    private final /*@ spec_public @*/ OptimizerSettings optimizer;
    private final /*@ spec_public @*/ double c0;
    private final /*@ spec_public @*/ double beta;
    private final /*@ spec_public @*/ double /*@ nullable @*/ [] fixedU;
    private final /*@ spec_public @*/ double /*@ nullable @*/ [] fixedV;
    /** Whether fixedU, fixedV are a start to descend from ({@link #withStartMatrix}) rather than fixed. */
    private final /*@ spec_public @*/ boolean fromStart;

    /**
     * Relative decrease below which a start of the continuation stage has converged (the optimizer's tolerance if
     * larger): the stage only has to reach a basin. Measured on the zucker2025 unit d = 30, M = 1000, seed 43
     * (spec/estimator.md "Start strategy"): 1e-6 reaches A*'s basin, 1e-4 (or 10 iterations) does not.
     */
    static final double COARSE_TOLERANCE = 1e-6;

    /**
     * Samples the continuation stage uses at most (the first ones): it only has to find A*'s basin, and its cost
     * should not grow with M; the run on K then uses every sample (spec/estimator.md "Start strategy": zucker2025
     * d = 30, seed 43, M = 4000 reaches A*'s basin from the first 1000 or 2000 samples; 1000 costs half).
     */
    static final int COARSE_SAMPLES = 1000;

    /** Identifier of a given start ({@link #withStartMatrix}) in {@link ErmResult#start()}. */
    public static final int GIVEN_START_ID = 900;

    private AlternatingLeastSquares(ModelSettings model, OptimizerSettings optimizer, double c0, double beta,
                                    double[] fixedU, double[] fixedV) {
        this(model, optimizer, c0, beta, fixedU, fixedV, false);
    }

    private AlternatingLeastSquares(ModelSettings model, OptimizerSettings optimizer, double c0, double beta,
                                    double[] fixedU, double[] fixedV, boolean fromStart) {
        this.model = model;
        this.optimizer = optimizer;
        this.c0 = c0;
        this.beta = beta;
        this.fixedU = fixedU;
        this.fixedV = fixedV;
        this.fromStart = fromStart;
    }

    /*@ public normal_behavior
      @   ensures \result != null && \result.model == ModelSettings.DEFAULT && \result.optimizer == OptimizerSettings.DEFAULT;
      @   ensures \result.c0 == 1.0 && Double.isNaN(\result.beta) && \result.fixedU == null;
      @*/
    /**
     * The defaults: {@link ModelSettings#DEFAULT} (r = 1, p = 2, K automatic with c0 = 1 and beta = p, R = 1, no
     * ridge) and {@link OptimizerSettings#DEFAULT}.
     */
    public static AlternatingLeastSquares defaults() {
        return of(ModelSettings.DEFAULT, OptimizerSettings.DEFAULT);
    }

    /*@ public normal_behavior
      @   requires model != null && optimizer != null;
      @   ensures \result != null && \result.model == model && \result.optimizer == optimizer;
      @   ensures \result.c0 == 1.0 && Double.isNaN(\result.beta) && \result.fixedU == null;
      @ also public exceptional_behavior
      @   requires model == null || optimizer == null;
      @   signals_only IllegalArgumentException;
      @*/
    /**
     * The estimator with the given settings (automatic K with c0 = 1, beta = p).
     *
     * @throws IllegalArgumentException if a setting is null
     */
    public static AlternatingLeastSquares of(ModelSettings model, OptimizerSettings optimizer) {
        Checks.notNull("model", model);
        Checks.notNull("optimizer", optimizer);
        return new AlternatingLeastSquares(model, optimizer, 1.0, Double.NaN, null, null);
    }

    private AlternatingLeastSquares with(ModelSettings m) {
        return new AlternatingLeastSquares(m, optimizer, c0, beta, fixedU, fixedV, fromStart);
    }

    private AlternatingLeastSquares with(OptimizerSettings o) {
        return new AlternatingLeastSquares(model, o, c0, beta, fixedU, fixedV, fromStart);
    }

    /*@ public normal_behavior
      @   ensures \result == model && \result != null;
      @*/
    /** The model settings. */
    public /*@ pure @*/ ModelSettings model() {
        return model;
    }

    /*@ public normal_behavior
      @   ensures \result == optimizer && \result != null;
      @*/
    /** The optimizer settings. */
    public /*@ pure @*/ OptimizerSettings optimizer() {
        return optimizer;
    }

    /*@ public normal_behavior
      @   requires rank >= 1;
      @   ensures \result != null && \result.model.rank() == rank && \result.optimizer == optimizer;
      @   ensures \result.c0 == c0 && Double.compare(\result.beta, beta) == 0;
      @   ensures \result.fixedU == fixedU && \result.fixedV == fixedV;
      @ also public exceptional_behavior
      @   requires !(rank >= 1);
      @   signals_only IllegalArgumentException;
      @*/
    /** r &gt;= 1, the rank of A = U V^T. @throws IllegalArgumentException if rank &lt; 1 */
    public AlternatingLeastSquares withRank(int rank) {
        return with(model.withRank(rank));
    }

    /*@ public normal_behavior
      @   requires 0 <= degree && degree <= 20;
      @   ensures \result != null && \result.model.degree() == degree && \result.optimizer == optimizer;
      @   ensures \result.c0 == c0 && Double.compare(\result.beta, beta) == 0;
      @   ensures \result.fixedU == fixedU && \result.fixedV == fixedV;
      @ also public exceptional_behavior
      @   requires !(0 <= degree && degree <= 20);
      @   signals_only IllegalArgumentException;
      @*/
    /** Spline degree p &gt;= 0 (order p + 1). @throws IllegalArgumentException if degree &lt; 0 or &gt; 20 */
    public AlternatingLeastSquares withDegree(int degree) {
        return with(model.withDegree(degree));
    }

    /*@ public normal_behavior
      @   requires pieces >= 0;
      @   ensures \result != null && \result.model.pieces() == pieces && \result.optimizer == optimizer;
      @   ensures \result.c0 == c0 && Double.compare(\result.beta, beta) == 0;
      @   ensures \result.fixedU == fixedU && \result.fixedV == fixedV;
      @ also public exceptional_behavior
      @   requires !(pieces >= 0);
      @   signals_only IllegalArgumentException;
      @*/
    /**
     * K &gt;= 1 pieces, or 0 for the automatic rule {@link #defaultPieces}.
     *
     * @throws IllegalArgumentException if pieces &lt; 0
     */
    public AlternatingLeastSquares withPieces(int pieces) {
        return with(model.withPieces(pieces));
    }

    /*@ public normal_behavior
      @   requires c0 > 0 && c0 != Double.POSITIVE_INFINITY;
      @   ensures \result != null && \result != this && \result.c0 == c0 && \result.model == model;
      @   ensures \result.optimizer == optimizer && Double.compare(\result.beta, beta) == 0;
      @   ensures \result.fixedU == fixedU && \result.fixedV == fixedV;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires !(c0 > 0) || c0 == Double.POSITIVE_INFINITY;
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    /** The constant c0 &gt; 0 of the automatic K rule. @throws IllegalArgumentException if not finite and &gt; 0 */
    public AlternatingLeastSquares withPiecesConstant(double c0) {
        Checks.positive("c0", c0);
        return new AlternatingLeastSquares(model, optimizer, c0, beta, fixedU, fixedV, fromStart);
    }

    /**
     * The smoothness beta &gt; 0 of the automatic K rule; NaN means beta = p (spline order minus one).
     *
     * @throws IllegalArgumentException if beta is neither NaN nor finite and &gt; 0
     */
    /*@ public normal_behavior
      @   requires Double.isNaN(beta) || (beta > 0 && beta != Double.POSITIVE_INFINITY);
      @   ensures \result != null && \result != this && Double.compare(\result.beta, beta) == 0;
      @   ensures \result.model == model && \result.optimizer == optimizer && \result.c0 == c0;
      @   ensures \result.fixedU == fixedU && \result.fixedV == fixedV;
      @   assignable \nothing;
      @ also public exceptional_behavior
      @   requires !Double.isNaN(beta) && !(beta > 0 && beta != Double.POSITIVE_INFINITY);
      @   signals_only IllegalArgumentException;
      @   assignable \nothing;
      @*/
    public AlternatingLeastSquares withSmoothness(double beta) {
        if (!Double.isNaN(beta)) {
            Checks.positive("beta", beta);
        }
        return new AlternatingLeastSquares(model, optimizer, c0, beta, fixedU, fixedV, fromStart);
    }

    /*@ public normal_behavior
      @   requires radius > 0 && radius < Double.POSITIVE_INFINITY;
      @   ensures \result != null && \result.model.radius() == radius && \result.optimizer == optimizer;
      @   ensures \result.c0 == c0 && Double.compare(\result.beta, beta) == 0;
      @   ensures \result.fixedU == fixedU && \result.fixedV == fixedV;
      @ also public exceptional_behavior
      @   requires !(radius > 0 && radius < Double.POSITIVE_INFINITY);
      @   signals_only IllegalArgumentException;
      @*/
    /** The knot interval [-R, R], R &gt; 0. @throws IllegalArgumentException if not finite and &gt; 0 */
    public AlternatingLeastSquares withRadius(double radius) {
        return with(model.withRadius(radius));
    }

    /*@ public normal_behavior
      @   requires ridge >= 0 && ridge < Double.POSITIVE_INFINITY;
      @   ensures \result != null && \result.model.ridge() == ridge && \result.optimizer == optimizer;
      @   ensures \result.c0 == c0 && Double.compare(\result.beta, beta) == 0;
      @   ensures \result.fixedU == fixedU && \result.fixedV == fixedV;
      @ also public exceptional_behavior
      @   requires !(ridge >= 0 && ridge < Double.POSITIVE_INFINITY);
      @   signals_only IllegalArgumentException;
      @*/
    /** Ridge penalty &gt;= 0 on |c|^2 in the phi-step. @throws IllegalArgumentException if not finite and &gt;= 0 */
    public AlternatingLeastSquares withRidge(double ridge) {
        return with(model.withRidge(ridge));
    }

    /*@ public normal_behavior
      @   requires maxIterations >= 0;
      @   ensures \result != null && \result.optimizer.maxIterations() == maxIterations && \result.model == model;
      @   ensures \result.c0 == c0 && Double.compare(\result.beta, beta) == 0;
      @   ensures \result.fixedU == fixedU && \result.fixedV == fixedV;
      @ also public exceptional_behavior
      @   requires !(maxIterations >= 0);
      @   signals_only IllegalArgumentException;
      @*/
    /** Iteration limit &gt;= 0 per start. @throws IllegalArgumentException if &lt; 0 */
    public AlternatingLeastSquares withMaxIterations(int maxIterations) {
        return with(optimizer.withMaxIterations(maxIterations));
    }

    /*@ public normal_behavior
      @   requires tolerance >= 0 && tolerance < 1.0;
      @   ensures \result != null && \result.optimizer.tolerance() == tolerance && \result.model == model;
      @   ensures \result.c0 == c0 && Double.compare(\result.beta, beta) == 0;
      @   ensures \result.fixedU == fixedU && \result.fixedV == fixedV;
      @ also public exceptional_behavior
      @   requires !(tolerance >= 0 && tolerance < 1.0);
      @   signals_only IllegalArgumentException;
      @*/
    /**
     * Relative risk decrease below which a start has converged, in [0, 1).
     *
     * @throws IllegalArgumentException if not in [0, 1)
     */
    public AlternatingLeastSquares withTolerance(double tolerance) {
        return with(optimizer.withTolerance(tolerance));
    }

    /*@ public normal_behavior
      @   requires randomStarts >= 0;
      @   ensures \result != null && \result.optimizer.randomStarts() == randomStarts && \result.model == model;
      @   ensures \result.c0 == c0 && Double.compare(\result.beta, beta) == 0;
      @   ensures \result.fixedU == fixedU && \result.fixedV == fixedV;
      @ also public exceptional_behavior
      @   requires !(randomStarts >= 0);
      @   signals_only IllegalArgumentException;
      @*/
    /** Number of random candidate starts &gt;= 0. @throws IllegalArgumentException if &lt; 0 */
    public AlternatingLeastSquares withRandomStarts(int randomStarts) {
        return with(optimizer.withRandomStarts(randomStarts));
    }

    /*@ public normal_behavior
      @   requires 1 <= starts && starts <= 1000;
      @   ensures \result != null && \result.optimizer.starts() == starts && \result.model == model;
      @   ensures \result.c0 == c0 && Double.compare(\result.beta, beta) == 0;
      @   ensures \result.fixedU == fixedU && \result.fixedV == fixedV;
      @ also public exceptional_behavior
      @   requires !(1 <= starts && starts <= 1000);
      @   signals_only IllegalArgumentException;
      @*/
    /**
     * S, the number of starts run to convergence: every candidate start (the moment starts, then the random ones)
     * is screened by its training risk after normalisation and one phi-step, and the S candidates with the lowest
     * screening risk (earliest on ties) are run; the lowest final risk wins.
     *
     * @throws IllegalArgumentException if starts is not in [1, 1000]
     */
    public AlternatingLeastSquares withStarts(int starts) {
        return with(optimizer.withStarts(starts));
    }

    /*@ public normal_behavior
      @   ensures \result != null && \result.optimizer.momentStarts() == spectralStart && \result.model == model;
      @   ensures \result.c0 == c0 && Double.compare(\result.beta, beta) == 0;
      @   ensures \result.fixedU == fixedU && \result.fixedV == fixedV;
      @*/
    /** Whether to use the moment (spectral) candidate starts (first and second order). */
    public AlternatingLeastSquares withSpectralStart(boolean spectralStart) {
        return with(optimizer.withMomentStarts(spectralStart));
    }

    /*@ public normal_behavior
      @   requires coarsePieces >= 0;
      @   ensures \result != null && \result.optimizer.coarsePieces() == coarsePieces && \result.model == model;
      @   ensures \result.c0 == c0 && Double.compare(\result.beta, beta) == 0;
      @   ensures \result.fixedU == fixedU && \result.fixedV == fixedV;
      @ also public exceptional_behavior
      @   requires !(coarsePieces >= 0);
      @   signals_only IllegalArgumentException;
      @*/
    /**
     * K_c, the pieces of the continuation stage: the S screened starts first run to convergence on K_c pieces,
     * then the lowest goes on on K from where it ended, beside (S &gt;= 2) the best candidate screened on K itself
     * (spec/estimator.md "Algorithm" step 2); 0 turns the stage off. The stage runs only when 0 &lt; K_c &lt; K
     * and d &gt; 1.
     *
     * @throws IllegalArgumentException if coarsePieces &lt; 0
     */
    public AlternatingLeastSquares withCoarsePieces(int coarsePieces) {
        return with(optimizer.withCoarsePieces(coarsePieces));
    }

    /*@ public normal_behavior
      @   requires 1 <= threads && threads <= 1024;
      @   ensures \result != null && \result.optimizer.threads() == threads && \result.model == model;
      @   ensures \result.c0 == c0 && Double.compare(\result.beta, beta) == 0;
      @   ensures \result.fixedU == fixedU && \result.fixedV == fixedV;
      @ also public exceptional_behavior
      @   requires !(1 <= threads && threads <= 1024);
      @   signals_only IllegalArgumentException;
      @*/
    /** Number of threads &gt;= 1 (does not change the result). @throws IllegalArgumentException if not in [1, 1024] */
    public AlternatingLeastSquares withThreads(int threads) {
        return with(optimizer.withThreads(threads));
    }

    /*@ public normal_behavior
      @   requires initialDamping > 0 && initialDamping < Double.POSITIVE_INFINITY;
      @   ensures \result != null && \result.optimizer.damping() == initialDamping && \result.model == model;
      @   ensures \result.c0 == c0 && Double.compare(\result.beta, beta) == 0;
      @   ensures \result.fixedU == fixedU && \result.fixedV == fixedV;
      @ also public exceptional_behavior
      @   requires !(initialDamping > 0 && initialDamping < Double.POSITIVE_INFINITY);
      @   signals_only IllegalArgumentException;
      @*/
    /** Initial Levenberg-Marquardt damping &gt; 0. @throws IllegalArgumentException if not finite and &gt; 0 */
    public AlternatingLeastSquares withDamping(double initialDamping) {
        return with(optimizer.withDamping(initialDamping));
    }

    /*@ public normal_behavior
      @   requires u != null && v != null && v.length == u.length;
      @   requires (\forall int k; 0 <= k && k < u.length; Double.isFinite(u[k]) && Double.isFinite(v[k]));
      @   ensures \result != null && \result.model == model && \result.optimizer == optimizer;
      @   ensures \result.c0 == c0 && Double.compare(\result.beta, beta) == 0;
      @   ensures \result.fixedU != null && \result.fixedU != u && \result.fixedU.length == u.length;
      @   ensures \result.fixedV != null && \result.fixedV != v && \result.fixedV.length == v.length;
      @   ensures (\forall int k; 0 <= k && k < u.length; \result.fixedU[k] == u[k] && \result.fixedV[k] == v[k]);
      @   ensures !\result.fromStart;
      @ also public exceptional_behavior
      @   requires u == null || v == null || v.length != u.length
      @            || !(\forall int k; 0 <= k && k < u.length; Double.isFinite(u[k]) && Double.isFinite(v[k]));
      @   signals_only IllegalArgumentException;
      @*/
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
        return new AlternatingLeastSquares(model, optimizer, c0, beta, copy(u), copy(v), false);
    }

    /*@ public normal_behavior
      @   requires u != null && v != null && v.length == u.length;
      @   requires (\forall int k; 0 <= k && k < u.length; Double.isFinite(u[k]) && Double.isFinite(v[k]));
      @   ensures \result != null && \result.model == model && \result.optimizer == optimizer && \result.fromStart;
      @   ensures \result.c0 == c0 && Double.compare(\result.beta, beta) == 0;
      @   ensures \result.fixedU != null && \result.fixedU != u && \result.fixedU.length == u.length;
      @   ensures \result.fixedV != null && \result.fixedV != v && \result.fixedV.length == v.length;
      @   ensures (\forall int k; 0 <= k && k < u.length; \result.fixedU[k] == u[k] && \result.fixedV[k] == v[k]);
      @ also public exceptional_behavior
      @   requires u == null || v == null || v.length != u.length
      @            || !(\forall int k; 0 <= k && k < u.length; Double.isFinite(u[k]) && Double.isFinite(v[k]));
      @   signals_only IllegalArgumentException;
      @*/
    /**
     * A given start A = U V^T (d x r each, row-major, copied): the fit runs from it alone (no moment or random
     * candidates, no screening): normalisation, phi-step, then A-steps to convergence, as every start
     * (spec/estimator.md steps 3-6); its {@link ErmResult#start()} is {@link #GIVEN_START_ID}. The rank becomes
     * u.length / d, checked against the data at fit time. Used by the zucker2025 audit's local-minimum rule
     * (a descent from the truth's best approximation, kept only if its training risk is lower).
     *
     * @throws IllegalArgumentException if u or v is null, has a non-finite entry, or their lengths differ
     */
    public AlternatingLeastSquares withStartMatrix(double[] u, double[] v) {
        Checks.allFinite("u", u);
        Checks.allFinite("v", v);
        Checks.length("v", v, u.length);
        return new AlternatingLeastSquares(model, optimizer, c0, beta, copy(u), copy(v), true);
    }

    /*@ public normal_behavior
      @   ensures \result == model.rank();
      @*/
    /** r. */
    public /*@ pure @*/ int rank() {
        return model.rank();
    }

    /*@ public normal_behavior
      @   ensures \result == model.degree();
      @*/
    /** p. */
    public /*@ pure @*/ int degree() {
        return model.degree();
    }

    /*@ public normal_behavior
      @   ensures \result == model.pieces();
      @*/
    /** K, or 0 for automatic. */
    public /*@ pure @*/ int pieces() {
        return model.pieces();
    }

    /*@ public normal_behavior
      @   ensures \result == model.radius();
      @*/
    /** R. */
    public /*@ pure @*/ double radius() {
        return model.radius();
    }

    /*@ public normal_behavior
      @   ensures \result == optimizer.threads();
      @*/
    /** The number of threads. */
    public /*@ pure @*/ int threads() {
        return optimizer.threads();
    }

    /*@ public normal_behavior
      @   ensures \result == optimizer.starts();
      @*/
    /** S, the number of starts run to convergence. */
    public /*@ pure @*/ int starts() {
        return optimizer.starts();
    }

    /*@ public normal_behavior
      @   requires samples >= 1 && c0 > 0 && c0 < Double.POSITIVE_INFINITY && beta > 0
      @            && beta < Double.POSITIVE_INFINITY;
      @   ensures 1 <= \result && \result <= (1 << 20);
      @ also public exceptional_behavior
      @   requires !(samples >= 1 && c0 > 0 && c0 < Double.POSITIVE_INFINITY && beta > 0
      @              && beta < Double.POSITIVE_INFINITY);
      @   signals_only IllegalArgumentException;
      @*/
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
    public static /*@ pure @*/ int defaultPieces(int samples, double c0, double beta) {
        Checks.positive("samples", samples);
        Checks.positive("c0", c0);
        Checks.positive("beta", beta);
        return automaticPieces(samples, c0, beta);
    }

    /**
     * The formula of {@link #defaultPieces}, in a helper that OpenJML's RAC does not instrument ({@code skiprac}): at
     * calls of Math.ceil and Math.pow in an instrumented method it reports the caller's postcondition false (their
     * JDK specifications use quantifiers over doubles and model methods that RAC does not implement).
     */
    /*@ skiprac @*/
    private static int automaticPieces(int samples, double c0, double beta) {
        double ratio = samples / Math.max(1.0, Math.log(samples));
        double k = Math.ceil(c0 * Math.pow(ratio, 1.0 / (2.0 * beta + 1.0)));
        return (int) Math.max(1.0, Math.min(k, 1 << 20));
    }

    /*@ public normal_behavior
      @   requires model.pieces() > 0 || samples >= 1;
      @   ensures \result != null && \result.degree() == model.degree() && \result.radius() == model.radius();
      @   ensures model.pieces() > 0 ==> \result.pieces() == model.pieces();
      @   ensures model.pieces() == 0 ==> 1 <= \result.pieces() && \result.pieces() <= (1 << 20);
      @ also public exceptional_behavior
      @   requires model.pieces() == 0 && samples < 1;
      @   signals_only IllegalArgumentException;
      @*/
    /**
     * The spline space this configuration uses for M samples.
     *
     * @throws IllegalArgumentException if K is automatic and samples &lt; 1
     */
    public /*@ pure @*/ SplineGrid grid(int samples) {
        int degree = model.degree();
        double b = Double.isNaN(beta) ? Math.max(degree, 1) : beta;
        int k = model.pieces() > 0 ? model.pieces() : defaultPieces(samples, c0, b);
        return SplineGrid.of(degree, k, model.radius());
    }

    /*@ public normal_behavior
      @   requires data != null && (fixedU == null
      @            ? model.rank() <= data.dimension() && (optimizer.momentStarts() || optimizer.randomStarts() >= 1)
      @            : fixedU.length >= 1 && fixedU.length % data.dimension() == 0
      @              && fixedU.length / data.dimension() <= data.dimension());
      @   ensures \result != null && \result.dimension() == data.dimension();
      @   ensures \result.rank() == (fixedU == null ? model.rank() : fixedU.length / data.dimension());
      @   ensures \result.u().length == data.dimension() * \result.rank();
      @   ensures \result.grid().degree() == model.degree() && \result.grid().radius() == model.radius();
      @   ensures model.pieces() > 0 ==> \result.grid().pieces() == model.pieces();
      @   ensures \result.coefficients().length == \result.grid().size();
      @   ensures (\forall int k; 0 <= k && k < \result.coefficients().length; Double.isFinite(\result.coefficients()[k]));
      @   ensures \result.riskHistory().length >= 1 && \result.iterations() >= 0 && \result.status() != null;
      @   ensures fixedU == null ==> \result.startRisks().length == Math.min(optimizer.starts(), \result.startRisks().length)
      @            && \result.startRisks().length >= 1 && \result.iterations() <= optimizer.maxIterations();
      @   ensures fixedU != null && fromStart ==> \result.startRisks().length == 1
      @            && \result.iterations() <= optimizer.maxIterations();
      @ also public exceptional_behavior
      @   requires !(data != null && (fixedU == null
      @              ? model.rank() <= data.dimension() && (optimizer.momentStarts() || optimizer.randomStarts() >= 1)
      @              : fixedU.length >= 1 && fixedU.length % data.dimension() == 0
      @                && fixedU.length / data.dimension() <= data.dimension()));
      @   signals_only IllegalArgumentException;
      @*/
    /**
     * Fits g_hat to the data set.
     *
     * @param data M samples of N tokens in R^d with outputs; not modified
     * @param seed seed of the random starts (streams (seed, ESTIMATOR, start))
     * @return the fit with the lowest training risk over the starts run
     * @throws IllegalArgumentException if data is null, r &gt; d, the fixed matrix does not have d rows, or
     *     no candidate start exists (no moment starts and no random start)
     */
    public ErmResult fit(Dataset data, long seed) {
        Checks.notNull("data", data);
        long t0 = System.nanoTime();
        int d = data.dimension();
        int r = model.rank();
        if (fixedU != null) {
            if (fixedU.length % d != 0 || fixedU.length == 0) {
                throw Checks.fail("u.length", "a positive multiple of d = " + d, fixedU.length);
            }
            r = fixedU.length / d;
        }
        if (r > d) {
            throw Checks.fail("rank", "<= d = " + d, r);
        }
        if (fixedU == null && !optimizer.momentStarts() && optimizer.randomStarts() == 0) {
            throw Checks.fail("randomStarts", ">= 1 when the spectral start is off", optimizer.randomStarts());
        }
        SplineGrid grid = grid(data.samples());
        try (ErmEngine engine = new ErmEngine(data, r, grid, model.ridge(), optimizer)) {
            if (fixedU != null && fromStart) {
                ErmEngine.State s = new ErmEngine.State(d, r, copy(fixedU), copy(fixedV));
                s.id = GIVEN_START_ID;
                engine.run(s);
                return result(d, r, grid, s, new double[] {s.risk}, t0);
            }
            if (fixedU != null) {
                ErmEngine.State s = new ErmEngine.State(d, r, copy(fixedU), copy(fixedV));
                s.projections = engine.assembly().project(fixedU, fixedV);
                s.singular = !engine.phiStep(s);
                s.history = new double[] {s.risk};
                s.status = s.singular ? ErmStatus.SINGULAR : ErmStatus.CONVERGED;
                return result(d, r, grid, s, new double[] {s.risk}, t0);
            }
            return runStarts(engine, data, seed, d, r, grid, t0);
        }
    }

    /**
     * Builds the candidates, screens them and runs the best S (with the continuation stage when it applies,
     * {@link #continuation}); returns the run with the lowest penalised objective. A helper of {@link #fit}
     * (keeps fit's RAC-compiled body small).
     */
    private ErmResult runStarts(ErmEngine engine, Dataset data, long seed, int d, int r, SplineGrid grid, long t0) {
        List<ErmEngine.State> pool = candidates(engine, seed, d, r);
        int runs = Math.min(optimizer.starts(), pool.size());
        List<ErmEngine.State> chosen;
        if (continuation(d, grid)) {
            // continuation: screen and run the starts on K_c pieces, then go on from where they ended on K;
            // beside it (S >= 2) the best candidate screened on K itself, run from there (the coarse stage
            // screens and moves the pool's states in place, so that screening works on copies)
            List<ErmEngine.State> plain = runs >= 2 ? copies(pool) : null;
            SplineGrid coarseGrid = SplineGrid.of(grid.degree(), optimizer.coarsePieces(), grid.radius());
            OptimizerSettings coarseSettings = optimizer.withTolerance(Math.max(optimizer.tolerance(),
                    COARSE_TOLERANCE));
            try (ErmEngine coarse = engine.stage(prefix(data, COARSE_SAMPLES), coarseGrid, coarseSettings)) {
                chosen = screened(coarse, pool, runs);
                ErmEngine.State lowest = null;
                for (ErmEngine.State s : chosen) {
                    coarse.run(s);
                    if (lowerObjective(s, lowest)) {
                        lowest = s;
                    }
                }
                // only the coarse stage's lowest objective goes on to K
                chosen = new ArrayList<>();
                chosen.add(lowest);
            }
            if (plain != null) {
                chosen.add(screened(engine, plain, 1).get(0));
            }
            runs = chosen.size();
        } else {
            chosen = screened(engine, pool, runs);
        }
        double[] startRisks = new double[runs];
        ErmEngine.State best = null;
        for (int k = 0; k < runs; k++) {
            // a fresh state on K from the chosen U, V (screened in place, or ended on the coarse grid)
            ErmEngine.State s = new ErmEngine.State(d, r, chosen.get(k).u, chosen.get(k).v);
            s.id = chosen.get(k).id;
            engine.run(s);
            startRisks[k] = s.risk;
            if (lowerObjective(s, best)) {
                best = s;
            }
        }
        return result(d, r, grid, best, startRisks, t0);
    }

    /** Fresh states with copies of the candidates' U, V and ids (the states a screening may change in place). */
    private static List<ErmEngine.State> copies(List<ErmEngine.State> pool) {
        List<ErmEngine.State> out = new ArrayList<>();
        for (ErmEngine.State s : pool) {
            out.add(s.copyStart());
        }
        return out;
    }

    /** Whether s beats the best so far (null: none yet): a lower objective, or a number where the best is NaN. */
    private static boolean lowerObjective(ErmEngine.State s, ErmEngine.State best) {
        return best == null || s.objective < best.objective
                || (Double.isNaN(best.objective) && !Double.isNaN(s.objective));
    }

    /**
     * Whether the continuation stage runs: K_c &gt; 0, K_c &lt; K, and d &gt; 1 (at d = 1, A = U V^T is a scalar
     * that the normalisation fixes up to its sign, which phi's symmetric knots absorb: every start is the same).
     */
    private boolean continuation(int d, SplineGrid grid) {
        int coarse = optimizer.coarsePieces();
        return coarse > 0 && coarse < grid.pieces() && d > 1;
    }

    /**
     * The first {@code samples} samples of data (data itself if it has no more). Not instrumented by OpenJML's RAC
     * ({@code skiprac}): it calls {@code Arrays.copyOf} (see {@link #copy}).
     */
    /*@ skiprac @*/
    static Dataset prefix(Dataset data, int samples) {
        if (data.samples() <= samples) {
            return data;
        }
        int n = data.tokensPerSample();
        int d = data.dimension();
        return Dataset.of(samples, n, d, Arrays.copyOf(data.tokens(), samples * n * d),
                Arrays.copyOf(data.outputs(), samples * n));
    }

    /**
     * The {@code runs} candidates with the lowest screening objective on the engine's grid (stable: earlier
     * candidates first on ties), in that order.
     */
    private static List<ErmEngine.State> screened(ErmEngine engine, List<ErmEngine.State> pool, int runs) {
        double[] screen = new double[pool.size()];
        for (int k = 0; k < pool.size(); k++) {
            screen[k] = engine.screen(pool.get(k));
        }
        int[] order = ascending(screen);
        List<ErmEngine.State> out = new ArrayList<>();
        for (int k = 0; k < runs; k++) {
            out.add(pool.get(order[k]));
        }
        return out;
    }

    private static ErmResult result(int d, int r, SplineGrid grid, ErmEngine.State s, double[] startRisks,
                                    long t0) {
        double[] c = s.coefficients == null ? new double[grid.size()] : s.coefficients;
        return new ErmResult(d, r, s.u, s.v, grid, c, s.history, s.iterations, s.status, s.id, startRisks,
                System.nanoTime() - t0);
    }

    /**
     * The candidate starts in order: the first-order moment start (id 0; a random start with id 0 if C1 has
     * rank below r), the second-order moment starts (ids {@link MomentStarts#SECOND_ORDER_ID} + 3 i + j), both
     * only with the moment starts on, then the random starts 1..R (streams (seed, ESTIMATOR, id)).
     */
    private List<ErmEngine.State> candidates(ErmEngine engine, long seed, int d, int r) {
        List<ErmEngine.State> out = new ArrayList<>();
        if (optimizer.momentStarts()) {
            double[] c1 = new double[d * d];
            engine.assembly().momentMatrix(c1);
            double[][] first = MomentStarts.firstOrder(c1, d, r);
            ErmEngine.State s0 = first == null ? random(seed, 0, d, r) : new ErmEngine.State(d, r, first[0], first[1]);
            s0.id = 0;
            out.add(s0);
            double[][] second = MomentStarts.secondOrderMatrices(engine.data(), engine.pool());
            double[] e2 = MomentStarts.eigenvectorsByMagnitude(second[0], d);
            double[] e3 = MomentStarts.eigenvectorsByMagnitude(second[1], d);
            if (e2 != null && e3 != null) {
                int offsets = MomentStarts.offsets(d, r);
                for (int i = 0; i < offsets; i++) {
                    for (int j = 0; j < offsets; j++) {
                        ErmEngine.State s = new ErmEngine.State(d, r, MomentStarts.columns(e2, d, r, i),
                                MomentStarts.columns(e3, d, r, j));
                        s.id = MomentStarts.SECOND_ORDER_ID + MomentStarts.OFFSETS * i + j;
                        out.add(s);
                    }
                }
            }
        }
        for (int k = 1; k <= optimizer.randomStarts(); k++) {
            out.add(random(seed, k, d, r));
        }
        return out;
    }

    private static ErmEngine.State random(long seed, int id, int d, int r) {
        RandomStreams.Stream stream = RandomStreams.stream(seed, RandomStreams.Purpose.ESTIMATOR, id);
        double[] u = new double[d * r];
        double[] v = new double[d * r];
        stream.normals(u);
        stream.normals(v);
        ErmEngine.State s = new ErmEngine.State(d, r, u, v);
        s.id = id;
        return s;
    }

    /** Indices sorted by increasing value, stable (ties keep index order). */
    static int[] ascending(double[] values) {
        int[] order = new int[values.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        for (int k = 1; k < order.length; k++) {
            int key = order[k];
            int j = k - 1;
            while (j >= 0 && values[order[j]] > values[key]) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = key;
        }
        return order;
    }

    /*@ also public normal_behavior
      @   ensures \result != null;
      @*/
    /** The settings, e.g. {@code AlternatingLeastSquares[ModelSettings[...], OptimizerSettings[...], c0=1.0, beta=NaN]}. */
    @Override
    public /*@ pure @*/ String toString() {
        return "AlternatingLeastSquares[" + model + ", " + optimizer + ", c0=" + c0 + ", beta=" + beta
                + (fixedU == null ? "" : fromStart ? ", start matrix" : ", fixed matrix") + "]";
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
