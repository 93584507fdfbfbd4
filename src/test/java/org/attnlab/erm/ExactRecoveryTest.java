package org.attnlab.erm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Noiseless data with phi* in the estimator's space: the fit must recover g* to rounding. */
class ExactRecoveryTest {

    /** Coefficient tolerance with A* known (normal equations of a well-conditioned B-spline Gram). */
    static final double COEFFICIENT_TOLERANCE = 1e-10;
    /** Relative composed error with A* unknown. */
    static final double RELATIVE_ERROR_TOLERANCE = 1e-10;

    @Test
    void knownMatrixRecoversCoefficients() {
        ErmFixtures.Problem pb = ErmFixtures.problem(60, 6, 3, 1, 3, 5, 0.0, 11L);
        ErmResult fit = AlternatingLeastSquares.defaults()
                .withDegree(3).withPieces(5).withRadius(pb.grid().radius())
                .withFixedMatrix(pb.u(), pb.v()).withThreads(1)
                .fit(pb.data(), 1L);
        assertEquals(ErmStatus.CONVERGED, fit.status());
        for (int k = 0; k < pb.coefficients().length; k++) {
            assertEquals(pb.coefficients()[k], fit.coefficients()[k], COEFFICIENT_TOLERANCE, "c_" + k);
        }
        assertTrue(fit.trainingRisk() < 1e-24, "risk " + fit.trainingRisk());
    }

    @Test
    void unknownRankOneMatrixFromSpectralStart() {
        checkUnknown(1, 21L);
    }

    @Test
    void unknownRankTwoMatrixFromSpectralStart() {
        checkUnknown(2, 22L);
    }

    private static void checkUnknown(int r, long seed) {
        int d = 5;
        ErmFixtures.Problem pb = ErmFixtures.problem(300, 8, d, r, 3, 4, 0.0, seed);
        ErmResult fit = AlternatingLeastSquares.defaults()
                .withRank(r).withDegree(3).withPieces(4).withRandomStarts(0).withMaxIterations(200)
                .withThreads(2)
                .fit(pb.data(), seed);
        ErrorEstimate err = ComposedError.defaults().estimate(fit, pb.truth(), ErmFixtures.cubePairs(d), seed);
        assertTrue(err.relative() <= RELATIVE_ERROR_TOLERANCE,
                "relative composed error " + err.relative() + " status " + fit.status() + " iterations "
                        + fit.iterations() + " risk " + fit.trainingRisk());
    }
}
