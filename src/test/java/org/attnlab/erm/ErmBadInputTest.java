package org.attnlab.erm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.attnlab.sampler.Activation;
import org.attnlab.sampler.Dataset;
import org.attnlab.sampler.GaussianNoise;
import org.attnlab.sampler.GroundTruth;
import org.attnlab.sampler.UniformCube;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one-row-per-{@code @throws} table of the public erm API ({@link ModelSettings}, {@link OptimizerSettings},
 * {@link SplineGrid}, {@link ErmResult}, {@link AlternatingLeastSquares}, {@link PiecesSelection},
 * {@link ComposedError}, {@link ErmWorkload}): every documented check, called with one bad argument, and the
 * exact message naming the parameter and the value. Below the table, what the constructor of {@link ErmResult}
 * deliberately does not check.
 */
class ErmBadInputTest {

    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;
    /** d = 2, N = 3, M = 4, tokens 1..24 (every score non-zero). */
    private static final Dataset DATA = data();
    /** p = 1, K = 2, R = 1: n = 3 coefficients. */
    private static final SplineGrid GRID = SplineGrid.of(1, 2, 1.0);
    /** d = 2, r = 1. */
    private static final ErmResult FIT = result(2, 1, new double[2], new double[2], new double[3], new double[1]);
    /** d = 1, r = 1: a dimension that differs from {@link #DATA}'s. */
    private static final ErmResult FIT1 = result(1, 1, new double[1], new double[1], new double[3], new double[1]);
    private static final GroundTruth TRUTH = GroundTruth.of(UniformCube.of(2), new double[] {1, 0, 0, 1}, 1,
            Activation.tanh(), GaussianNoise.of(0.1), 3, 1);
    private static final AlternatingLeastSquares ALS = AlternatingLeastSquares.defaults();
    private static final ModelSettings MODEL = ModelSettings.DEFAULT;
    private static final OptimizerSettings OPT = OptimizerSettings.DEFAULT;
    private static final ComposedError COMPOSED = ComposedError.defaults();
    private static final PairInteraction ZERO = (x, xo, y, yo) -> 0.0;
    private static final PairLaw LAW = (stream, pair) -> { };

    private static Dataset data() {
        double[] tokens = new double[4 * 3 * 2];
        for (int k = 0; k < tokens.length; k++) {
            tokens[k] = k + 1;
        }
        return Dataset.of(4, 3, 2, tokens, new double[4 * 3]);
    }

    private static ErmResult result(int d, int r, double[] u, double[] v, double[] c, double[] history) {
        return new ErmResult(d, r, u, v, GRID, c, history, 0, ErmStatus.CONVERGED, 0, new double[1], 0L);
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                // ModelSettings
                row("ModelSettings: rank < 1", () -> new ModelSettings(0, 2, 0, 1, 0), "rank must be > 0, got 0"),
                row("ModelSettings: degree < 0", () -> new ModelSettings(1, -1, 0, 1, 0),
                        "degree must be in [0, 20], got -1"),
                row("ModelSettings: degree > 20", () -> new ModelSettings(1, 21, 0, 1, 0),
                        "degree must be in [0, 20], got 21"),
                row("ModelSettings: pieces < 0", () -> new ModelSettings(1, 2, -1, 1, 0), "pieces must be >= 0, got -1"),
                row("ModelSettings: radius not > 0", () -> new ModelSettings(1, 2, 0, 0, 0),
                        "radius must be finite and > 0, got 0.0"),
                row("ModelSettings: radius not finite", () -> new ModelSettings(1, 2, 0, INF, 0),
                        "radius must be finite and > 0, got Infinity"),
                row("ModelSettings: ridge < 0", () -> new ModelSettings(1, 2, 0, 1, -0.5),
                        "ridge must be finite and >= 0, got -0.5"),
                row("ModelSettings: ridge not finite", () -> new ModelSettings(1, 2, 0, 1, NAN),
                        "ridge must be finite and >= 0, got NaN"),
                row("withRank: rank < 1", () -> MODEL.withRank(-1), "rank must be > 0, got -1"),
                row("withDegree: degree > 20", () -> MODEL.withDegree(22), "degree must be in [0, 20], got 22"),
                row("withPieces: pieces < 0", () -> MODEL.withPieces(-3), "pieces must be >= 0, got -3"),
                row("withRadius: radius not finite", () -> MODEL.withRadius(NAN), "radius must be finite and > 0, got NaN"),
                row("withRidge: ridge not finite", () -> MODEL.withRidge(INF), "ridge must be finite and >= 0, got Infinity"),
                // OptimizerSettings
                row("OptimizerSettings: maxIterations < 0", () -> new OptimizerSettings(-1, 0, 1, 1, 0, true, 1),
                        "maxIterations must be >= 0, got -1"),
                row("OptimizerSettings: tolerance = 1", () -> new OptimizerSettings(1, 1.0, 1, 1, 0, true, 1),
                        "tolerance must be in [0.0, 0.9999999999999999], got 1.0"),
                row("OptimizerSettings: tolerance < 0", () -> new OptimizerSettings(1, -0.1, 1, 1, 0, true, 1),
                        "tolerance must be in [0.0, 0.9999999999999999], got -0.1"),
                row("OptimizerSettings: damping not > 0", () -> new OptimizerSettings(1, 0, 0, 1, 0, true, 1),
                        "damping must be finite and > 0, got 0.0"),
                row("OptimizerSettings: damping not finite", () -> new OptimizerSettings(1, 0, INF, 1, 0, true, 1),
                        "damping must be finite and > 0, got Infinity"),
                row("OptimizerSettings: starts < 1", () -> new OptimizerSettings(1, 0, 1, 0, 0, true, 1),
                        "starts must be in [1, 1000], got 0"),
                row("OptimizerSettings: starts > 1000", () -> new OptimizerSettings(1, 0, 1, 1001, 0, true, 1),
                        "starts must be in [1, 1000], got 1001"),
                row("OptimizerSettings: randomStarts < 0", () -> new OptimizerSettings(1, 0, 1, 1, -1, true, 1),
                        "randomStarts must be >= 0, got -1"),
                row("OptimizerSettings: threads < 1", () -> new OptimizerSettings(1, 0, 1, 1, 0, true, 0),
                        "threads must be in [1, 1024], got 0"),
                row("OptimizerSettings: threads > 1024", () -> new OptimizerSettings(1, 0, 1, 1, 0, true, 1025),
                        "threads must be in [1, 1024], got 1025"),
                row("withMaxIterations: < 0", () -> OPT.withMaxIterations(-2), "maxIterations must be >= 0, got -2"),
                row("withTolerance: not in [0, 1)", () -> OPT.withTolerance(NAN),
                        "tolerance must be in [0.0, 0.9999999999999999], got NaN"),
                row("withDamping: not > 0", () -> OPT.withDamping(-1e-3), "damping must be finite and > 0, got -0.001"),
                row("withStarts: not in [1, 1000]", () -> OPT.withStarts(2000), "starts must be in [1, 1000], got 2000"),
                row("withRandomStarts: < 0", () -> OPT.withRandomStarts(-4), "randomStarts must be >= 0, got -4"),
                row("withThreads: not in [1, 1024]", () -> OPT.withThreads(-1), "threads must be in [1, 1024], got -1"),
                row("OptimizerSettings: coarsePieces < 0", () -> new OptimizerSettings(1, 0, 1, 1, 0, true, 1, -1),
                        "coarsePieces must be >= 0, got -1"),
                row("withCoarsePieces: < 0", () -> OPT.withCoarsePieces(-3), "coarsePieces must be >= 0, got -3"),
                // SplineGrid
                row("SplineGrid: degree < 0", () -> new SplineGrid(-1, 2, 1), "degree must be >= 0, got -1"),
                row("SplineGrid: pieces < 1", () -> SplineGrid.of(1, 0, 1), "pieces must be > 0, got 0"),
                row("SplineGrid: radius not > 0", () -> SplineGrid.of(1, 2, -1), "radius must be finite and > 0, got -1.0"),
                row("SplineGrid: radius not finite", () -> SplineGrid.of(1, 2, NAN), "radius must be finite and > 0, got NaN"),
                row("SplineGrid.value: coefficients.length != n", () -> GRID.value(new double[2], 0.5),
                        "coefficients.length must be = 3, got 2"),
                row("SplineGrid.derivative: coefficients.length != n", () -> GRID.derivative(new double[4], 0.5),
                        "coefficients.length must be = 3, got 4"),
                // ErmResult
                row("ErmResult: dimension < 1", () -> result(0, 1, new double[0], new double[0], new double[3], new double[1]),
                        "dimension must be > 0, got 0"),
                row("ErmResult: rank > d", () -> result(1, 2, new double[2], new double[2], new double[3], new double[1]),
                        "rank must be in [1, 1], got 2"),
                row("ErmResult: u shape", () -> result(2, 1, new double[1], new double[2], new double[3], new double[1]),
                        "u.length must be = 2, got 1"),
                row("ErmResult: v shape", () -> result(2, 1, new double[2], new double[4], new double[3], new double[1]),
                        "v.length must be = 2, got 4"),
                row("ErmResult: coefficients shape",
                    () -> result(2, 1, new double[2], new double[2], new double[2], new double[1]),
                        "coefficients.length must be = 3, got 2"),
                row("ErmResult: riskHistory empty",
                    () -> result(2, 1, new double[2], new double[2], new double[3], new double[0]),
                        "riskHistory.length must be >= 1, got 0"),
                row("ErmResult: u not finite",
                    () -> result(2, 1, new double[] {0, NAN}, new double[2], new double[3], new double[1]),
                        "u[1] must be finite, got NaN"),
                row("ErmResult: v not finite",
                    () -> result(2, 1, new double[2], new double[] {INF, 0}, new double[3], new double[1]),
                        "v[0] must be finite, got Infinity"),
                row("ErmResult: coefficients not finite",
                    () -> result(2, 1, new double[2], new double[2], new double[] {0, 0, -INF}, new double[1]),
                        "coefficients[2] must be finite, got -Infinity"),
                row("score: x offset < 0", () -> FIT.score(new double[2], -1, new double[2], 0),
                        "x offset must be in [0, 0], got -1"),
                row("score: y offset past the end", () -> FIT.score(new double[2], 0, new double[3], 2),
                        "y offset must be in [0, 1], got 2"),
                row("interaction: x.length != d", () -> FIT.interaction(new double[3], new double[2]),
                        "x.length must be = 2, got 3"),
                row("interaction: y.length != d", () -> FIT.interaction(new double[2], new double[1]),
                        "y.length must be = 2, got 1"),
                // AlternatingLeastSquares
                row("of: model null", () -> AlternatingLeastSquares.of(null, OPT), "model must be non-null, got null"),
                row("of: optimizer null", () -> AlternatingLeastSquares.of(MODEL, null),
                        "optimizer must be non-null, got null"),
                row("ALS.withRank: rank < 1", () -> ALS.withRank(0), "rank must be > 0, got 0"),
                row("ALS.withDegree: degree < 0", () -> ALS.withDegree(-1), "degree must be in [0, 20], got -1"),
                row("ALS.withDegree: degree > 20", () -> ALS.withDegree(21), "degree must be in [0, 20], got 21"),
                row("ALS.withPieces: pieces < 0", () -> ALS.withPieces(-1), "pieces must be >= 0, got -1"),
                row("withPiecesConstant: not > 0", () -> ALS.withPiecesConstant(0), "c0 must be finite and > 0, got 0.0"),
                row("withPiecesConstant: not finite", () -> ALS.withPiecesConstant(INF),
                        "c0 must be finite and > 0, got Infinity"),
                row("withSmoothness: not > 0", () -> ALS.withSmoothness(-1), "beta must be finite and > 0, got -1.0"),
                row("withSmoothness: not finite", () -> ALS.withSmoothness(INF),
                        "beta must be finite and > 0, got Infinity"),
                row("ALS.withRadius: not finite", () -> ALS.withRadius(INF), "radius must be finite and > 0, got Infinity"),
                row("ALS.withRidge: < 0", () -> ALS.withRidge(-1), "ridge must be finite and >= 0, got -1.0"),
                row("ALS.withMaxIterations: < 0", () -> ALS.withMaxIterations(-1), "maxIterations must be >= 0, got -1"),
                row("ALS.withTolerance: not in [0, 1)", () -> ALS.withTolerance(1.0),
                        "tolerance must be in [0.0, 0.9999999999999999], got 1.0"),
                row("ALS.withRandomStarts: < 0", () -> ALS.withRandomStarts(-1), "randomStarts must be >= 0, got -1"),
                row("ALS.withStarts: < 1", () -> ALS.withStarts(0), "starts must be in [1, 1000], got 0"),
                row("ALS.withStarts: > 1000", () -> ALS.withStarts(1001), "starts must be in [1, 1000], got 1001"),
                row("ALS.withCoarsePieces: < 0", () -> ALS.withCoarsePieces(-1), "coarsePieces must be >= 0, got -1"),
                row("ALS.withThreads: < 1", () -> ALS.withThreads(0), "threads must be in [1, 1024], got 0"),
                row("ALS.withThreads: > 1024", () -> ALS.withThreads(1025), "threads must be in [1, 1024], got 1025"),
                row("ALS.withDamping: not finite", () -> ALS.withDamping(NAN), "damping must be finite and > 0, got NaN"),
                row("withFixedMatrix: u null", () -> ALS.withFixedMatrix(null, new double[2]), "u must be non-null, got null"),
                row("withFixedMatrix: v null", () -> ALS.withFixedMatrix(new double[2], null), "v must be non-null, got null"),
                row("withFixedMatrix: u not finite", () -> ALS.withFixedMatrix(new double[] {NAN, 0}, new double[2]),
                        "u[0] must be finite, got NaN"),
                row("withFixedMatrix: v not finite", () -> ALS.withFixedMatrix(new double[2], new double[] {0, INF}),
                        "v[1] must be finite, got Infinity"),
                row("withFixedMatrix: lengths differ", () -> ALS.withFixedMatrix(new double[2], new double[3]),
                        "v.length must be = 2, got 3"),
                row("withStartMatrix: u null", () -> ALS.withStartMatrix(null, new double[2]), "u must be non-null, got null"),
                row("withStartMatrix: v not finite", () -> ALS.withStartMatrix(new double[2], new double[] {NAN, 0}),
                        "v[0] must be finite, got NaN"),
                row("withStartMatrix: lengths differ", () -> ALS.withStartMatrix(new double[2], new double[3]),
                        "v.length must be = 2, got 3"),
                row("fit: start matrix without d rows", () -> ALS.withStartMatrix(new double[3], new double[3]).fit(DATA, 1),
                        "u.length must be a positive multiple of d = 2, got 3"),
                row("defaultPieces: samples < 1", () -> AlternatingLeastSquares.defaultPieces(0, 1, 1),
                        "samples must be > 0, got 0"),
                row("defaultPieces: c0 not finite", () -> AlternatingLeastSquares.defaultPieces(10, NAN, 1),
                        "c0 must be finite and > 0, got NaN"),
                row("defaultPieces: beta not > 0", () -> AlternatingLeastSquares.defaultPieces(10, 1, 0),
                        "beta must be finite and > 0, got 0.0"),
                row("fit: data null", () -> ALS.fit(null, 1), "data must be non-null, got null"),
                row("fit: r > d", () -> ALS.withRank(3).fit(DATA, 1), "rank must be <= d = 2, got 3"),
                row("fit: fixed matrix without d rows", () -> ALS.withFixedMatrix(new double[3], new double[3]).fit(DATA, 1),
                        "u.length must be a positive multiple of d = 2, got 3"),
                row("fit: no candidate start", () -> ALS.withSpectralStart(false).withRandomStarts(0).fit(DATA, 1),
                        "randomStarts must be >= 1 when the spectral start is off, got 0"),
                // PiecesSelection
                row("choose: estimator null", () -> PiecesSelection.choose(null, DATA, 2, 1),
                        "estimator must be non-null, got null"),
                row("choose: data null", () -> PiecesSelection.choose(ALS, null, 2, 1), "data must be non-null, got null"),
                row("choose: folds < 2", () -> PiecesSelection.choose(ALS, DATA, 1, 1), "folds must be in [2, 4], got 1"),
                row("choose: folds > M", () -> PiecesSelection.choose(ALS, DATA, 5, 1), "folds must be in [2, 4], got 5"),
                row("sumOfSquaredErrors: dimensions differ", () -> PiecesSelection.sumOfSquaredErrors(FIT1, DATA),
                        "fit dimension must be = data dimension 2, got 1"),
                // ComposedError
                row("withMinBlocks: < 2", () -> COMPOSED.withMinBlocks(1), "minBlocks must be in [2, 256], got 1"),
                row("withMinBlocks: > maxBlocks", () -> COMPOSED.withMinBlocks(257), "minBlocks must be in [2, 256], got 257"),
                row("withMaxBlocks: < minBlocks", () -> COMPOSED.withMaxBlocks(15), "maxBlocks must be >= 16, got 15"),
                row("withTargetRelativeError: not > 0", () -> COMPOSED.withTargetRelativeError(0),
                        "targetRelativeError must be finite and > 0, got 0.0"),
                row("withTargetRelativeError: not finite", () -> COMPOSED.withTargetRelativeError(NAN),
                        "targetRelativeError must be finite and > 0, got NaN"),
                row("estimate(fit, truth, law): fit null", () -> COMPOSED.estimate((ErmResult) null, ZERO, LAW, 1),
                        "fit must be non-null, got null"),
                row("estimate(fit, truth, law): truth null", () -> COMPOSED.estimate(FIT, (PairInteraction) null, LAW, 1),
                        "truth must be non-null, got null"),
                row("estimate(fit, truth, law): law null", () -> COMPOSED.estimate(FIT, ZERO, null, 1),
                        "law must be non-null, got null"),
                row("estimate(fit, ground truth): fit null", () -> COMPOSED.estimate(null, TRUTH, 1),
                        "fit must be non-null, got null"),
                row("estimate(fit, ground truth): truth null", () -> COMPOSED.estimate(FIT, (GroundTruth) null, 1),
                        "truth must be non-null, got null"),
                row("estimate(fit, ground truth): dimensions differ", () -> COMPOSED.estimate(FIT1, TRUTH, 1),
                        "truth.dimension() must be = d of the fit = 1, got 2"),
                row("estimate(g, d): estimate null", () -> COMPOSED.estimate(null, 2, ZERO, LAW, 1),
                        "estimate must be non-null, got null"),
                row("estimate(g, d): d < 1", () -> COMPOSED.estimate(ZERO, 0, ZERO, LAW, 1), "d must be > 0, got 0"),
                row("estimate(g, d): truth null", () -> COMPOSED.estimate(ZERO, 2, null, LAW, 1),
                        "truth must be non-null, got null"),
                row("estimate(g, d): law null", () -> COMPOSED.estimate(ZERO, 2, ZERO, null, 1),
                        "law must be non-null, got null"),
                // ErmWorkload
                row("ErmWorkload: data null", () -> ErmWorkload.of(null, GRID, new double[2], new double[2], 1),
                        "data must be non-null, got null"),
                row("ErmWorkload: grid null", () -> ErmWorkload.of(DATA, null, new double[2], new double[2], 1),
                        "grid must be non-null, got null"),
                row("ErmWorkload: u null", () -> ErmWorkload.of(DATA, GRID, null, new double[2], 1),
                        "u must be non-null, got null"),
                row("ErmWorkload: v null", () -> ErmWorkload.of(DATA, GRID, new double[2], null, 1),
                        "v must be non-null, got null"),
                row("ErmWorkload: u.length not d r", () -> ErmWorkload.of(DATA, GRID, new double[3], new double[3], 1),
                        "u.length must be d r with 1 <= r <= d = 2, got 3"),
                row("ErmWorkload: r > d", () -> ErmWorkload.of(DATA, GRID, new double[6], new double[6], 1),
                        "u.length must be d r with 1 <= r <= d = 2, got 6"),
                row("ErmWorkload: r < 1", () -> ErmWorkload.of(DATA, GRID, new double[0], new double[0], 1),
                        "u.length must be d r with 1 <= r <= d = 2, got 0"),
                row("ErmWorkload: v.length != u.length", () -> ErmWorkload.of(DATA, GRID, new double[2], new double[4], 1),
                        "v.length must be = 2, got 4"),
                row("ErmWorkload: threads < 1", () -> ErmWorkload.of(DATA, GRID, new double[] {1, 0}, new double[] {1, 0}, 0),
                        "threads must be in [1, 1024], got 0"),
                row("ErmWorkload: every training score 0", () -> ErmWorkload.of(DATA, GRID, new double[2], new double[2], 1),
                        "u, v must be a matrix with a non-zero training score, got all scores 0"));
    }

    private static Arguments row(String name, Executable call, String message) {
        return Arguments.of(name, call, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void rejects(String name, Executable call, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }

    // The constructor's @throws covers u, v and the coefficients only: the risk history and the start risks are
    // numerical outcomes, stored as they are (this table found the @throws wider than the code; the Javadoc was
    // narrowed to what the code enforces, and these two tests pin that).

    @Test
    void riskHistoryIsStoredAsItIs() {
        assertTrue(Double.isNaN(result(2, 1, new double[2], new double[2], new double[3], new double[] {NAN})
                .riskHistory()[0]));
    }

    @Test
    void startRisksAreStoredAsTheyAre() {
        assertEquals(INF, new ErmResult(2, 1, new double[2], new double[2], GRID, new double[3], new double[1], 0,
                ErmStatus.CONVERGED, 0, new double[] {INF}, 0L).startRisks()[0]);
    }
}
