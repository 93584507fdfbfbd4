package org.attnlab.erm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Exact recovery as a property: noiseless data whose truth g*(x, y) = phi*(x^T U* V*^T y) has phi* in the
 * estimator's spline space (degree p, K pieces on [-R*, R*], R* the largest training score; built by
 * {@link ErmFixtures} through the Cox-de Boor basis, not the estimator's kernels) must be fitted, from the
 * moment (spectral) starts, to a relative composed error of at most 1e-10 on fresh pairs, for random
 * d in 2..4, rank r in {1, 2}, degree p in 1..3, K in 1..5 and seeds. Deterministic (fixed jqwik seed);
 * small M keeps it fast enough for PIT.
 */
class ExactRecoveryProperties {

    /** Relative composed error bound, as in {@link ExactRecoveryTest}. */
    static final double RELATIVE_ERROR_TOLERANCE = ExactRecoveryTest.RELATIVE_ERROR_TOLERANCE;
    static final int SAMPLES = 40;
    static final int TOKENS = 5;

    @Property(tries = 10, seed = "20261130")
    void noiselessTruthInTheSplineSpaceIsRecovered(@ForAll @IntRange(min = 2, max = 4) int d,
                                                   @ForAll @IntRange(min = 1, max = 2) int r,
                                                   @ForAll @IntRange(min = 1, max = 3) int degree,
                                                   @ForAll @IntRange(min = 1, max = 5) int pieces,
                                                   @ForAll @IntRange(min = 0, max = 100_000) int seed) {
        ErmFixtures.Problem pb = ErmFixtures.problem(SAMPLES, TOKENS, d, r, degree, pieces, 0.0, seed);
        ErmResult fit = AlternatingLeastSquares.defaults().withRank(r).withDegree(degree).withPieces(pieces)
                .withRandomStarts(0).withMaxIterations(300).withThreads(1).fit(pb.data(), seed);
        // two blocks of fresh pairs (8192): the error is either at rounding level or far above 1e-10
        ErrorEstimate err = ComposedError.defaults().withMinBlocks(2).withMaxBlocks(2)
                .estimate(fit, pb.truth(), ErmFixtures.cubePairs(d), seed);
        assertTrue(err.relative() <= RELATIVE_ERROR_TOLERANCE,
                "d=" + d + " r=" + r + " p=" + degree + " K=" + pieces + " seed=" + seed + ": relative composed error "
                        + err.relative() + ", status " + fit.status() + ", iterations " + fit.iterations()
                        + ", training risk " + fit.trainingRisk());
    }
}
