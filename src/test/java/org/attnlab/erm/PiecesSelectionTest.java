package org.attnlab.erm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attnlab.sampler.Dataset;
import org.junit.jupiter.api.Test;

/** The held-out choice of K ({@link PiecesSelection}). */
class PiecesSelectionTest {

    @Test
    void foldsPartitionTheSamplesInOrder() {
        ErmFixtures.Problem pb = ErmFixtures.problem(23, 3, 2, 1, 2, 3, 0.1, 1L);
        Dataset data = pb.data();
        int total = 0;
        for (int f = 0; f < 5; f++) {
            Dataset held = PiecesSelection.split(data, 5, f, true);
            Dataset rest = PiecesSelection.split(data, 5, f, false);
            assertEquals(data.samples(), held.samples() + rest.samples());
            total += held.samples();
            // sample k of fold f is sample f + 5 k of the data
            for (int k = 0; k < held.samples(); k++) {
                assertEquals(data.output(f + 5 * k, 1), held.output(k, 1), 0.0);
                assertEquals(data.token(f + 5 * k, 2, 1), held.token(k, 2, 1), 0.0);
            }
        }
        assertEquals(data.samples(), total);
    }

    @Test
    void heldOutErrorIsTheSumOfSquaredResidualsOfThePredictions() {
        ErmFixtures.Problem pb = ErmFixtures.problem(40, 4, 3, 1, 2, 4, 0.1, 2L);
        ErmResult fit = AlternatingLeastSquares.defaults().withPieces(4).withMaxIterations(10).fit(pb.data(), 2L);
        // on the training data, the sum of squared residuals is M N times the training risk
        double sse = PiecesSelection.sumOfSquaredErrors(fit, pb.data());
        assertEquals(fit.trainingRisk() * 40 * 4, sse, 1e-9 * sse);
    }

    @Test
    void chosenKHasTheLowestHeldOutRiskAndUnderfittingKIsNotChosen() {
        // phi* a quadratic spline on 6 pieces of [-S, S]: K < 6 cannot represent it; noise sigma = 0.05
        ErmFixtures.Problem pb = ErmFixtures.problem(200, 6, 3, 1, 2, 6, 0.05, 3L);
        // one start (the best-screened moment start) and a looser tolerance: the choice, not the optimiser, is
        // under test (this was PIT's slowest test, 7.7 s, with the default 3 starts to a 1e-10 tolerance)
        PiecesSelection.Choice choice = PiecesSelection.choose(AlternatingLeastSquares.defaults().withDegree(2)
                .withStarts(1).withTolerance(1e-6).withThreads(2), pb.data(), 5, 3L);
        int argmin = 0;
        for (int k = 1; k < choice.candidates().length; k++) {
            assertTrue(choice.candidates()[k] > choice.candidates()[k - 1]);
            if (choice.heldOutRisk()[k] < choice.heldOutRisk()[argmin]) {
                argmin = k;
            }
        }
        assertEquals(choice.candidates()[argmin], choice.pieces());
        assertTrue(choice.pieces() >= 6, choice.describe());
        assertTrue(choice.describe().startsWith("K=" + choice.pieces() + " chosen by 5-fold"), choice.describe());
    }

    @Test
    void badArgumentsAreRejected() {
        ErmFixtures.Problem pb = ErmFixtures.problem(6, 3, 2, 1, 2, 3, 0.1, 1L);
        AlternatingLeastSquares est = AlternatingLeastSquares.defaults();
        assertThrows(IllegalArgumentException.class, () -> PiecesSelection.choose(est, pb.data(), 1, 1L));
        assertThrows(IllegalArgumentException.class, () -> PiecesSelection.choose(est, pb.data(), 7, 1L));
        assertThrows(IllegalArgumentException.class, () -> PiecesSelection.choose(null, pb.data(), 2, 1L));
    }
}
