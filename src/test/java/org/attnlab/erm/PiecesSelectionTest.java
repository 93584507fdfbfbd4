package org.attnlab.erm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

    /**
     * phi* a quadratic spline on 6 pieces of [-S, S] (S the largest training score of A*): K &lt; 6 cannot
     * represent it, K = 6 after the estimator's normalisation can; noise sigma = 0.05. M = 100, N = 6: the 2%
     * share bound stops the scan at K = 7 (K + p &lt;= 9.6), which keeps the test fast.
     */
    static final class SmallProblem {
        static final ErmFixtures.Problem PROBLEM = ErmFixtures.problem(100, 6, 3, 1, 2, 6, 0.05, 3L);
        static final AlternatingLeastSquares ESTIMATOR = AlternatingLeastSquares.defaults().withDegree(2)
                .withRidge(PiecesSelection.GUARD_RIDGE).withThreads(2);
        static final PiecesSelection.Choice CHOICE = PiecesSelection.choose(ESTIMATOR, PROBLEM.data(), 5, 3L);
    }

    @Test
    void chosenKHasTheLowestHeldOutRiskAndUnderfittingKIsNotChosen() {
        PiecesSelection.Choice choice = SmallProblem.CHOICE;
        int argmin = 0;
        for (int k = 1; k < choice.candidates().length; k++) {
            assertTrue(choice.candidates()[k] > choice.candidates()[k - 1]);
            if (choice.heldOutRisk()[k] < choice.heldOutRisk()[argmin]) {
                argmin = k;
            }
        }
        assertEquals(choice.candidates()[argmin], choice.pieces());
        assertTrue(choice.candidates().length >= 6, "every K from 2 to 7 is tried: " + choice.describe());
        assertTrue(choice.pieces() >= 6, choice.describe());
        assertTrue(choice.describe().startsWith("K=" + choice.pieces() + " chosen by 5-fold"), choice.describe());
    }

    /**
     * The default's composed error is within 20% of the best candidate's (issue 10 item 2), each K fitted on all
     * samples with the same estimator. Seeded (this seed passes). False-failure probability: 11 of 200 data seeds
     * of this setting fail (main, seeds 1..200: the CV picks K = 7 over 6 four times, an under-fitting K &lt; 6
     * six times (not investigated; presumably poor fold fits on 80 samples), and once the full fit at K = 6 is itself worse than K = 4), so
     * about 5.5% (95% interval 3%-10%) that an innocent change of the fits' rounding breaks it; variants with
     * sigma = 0.02 (4 of 99), d = 2 (3 of 39) or d = 1, M = 150 (3 of 15) were no better at this size.
     */
    @Test
    void defaultComposedErrorIsWithinTwentyPercentOfTheBestK() {
        double[] ratio = ratioToBest(SmallProblem.PROBLEM, SmallProblem.ESTIMATOR, SmallProblem.CHOICE, 3L);
        assertTrue(ratio[0] <= 1.2, "chosen / best composed error " + ratio[0] + " (best K = " + (int) ratio[1]
                + "): " + SmallProblem.CHOICE.describe());
    }

    /** {chosen K's composed error / the lowest over the candidates, the K with the lowest}. */
    static double[] ratioToBest(ErmFixtures.Problem pb, AlternatingLeastSquares est, PiecesSelection.Choice choice,
            long seed) {
        ComposedError error = ComposedError.defaults().withMaxBlocks(16);
        double chosen = Double.NaN;
        double best = Double.POSITIVE_INFINITY;
        int bestK = 0;
        for (int k : choice.candidates()) {
            ErmResult fit = est.withPieces(k).fit(pb.data(), seed);
            double e = error.estimate(fit, pb.truth(), ErmFixtures.cubePairs(pb.data().dimension()), seed).absolute();
            if (e < best) {
                best = e;
                bestK = k;
            }
            if (k == choice.pieces()) {
                chosen = e;
            }
        }
        return new double[] {chosen / best, bestK};
    }

    /** The false-failure estimate of the 20% test: args = data seeds [M N d sigma]. Not a test. */
    public static void main(String[] args) {
        int seeds = Integer.parseInt(args[0]);
        int m = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        int d = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        double sigma = args.length > 4 ? Double.parseDouble(args[4]) : 0.05;
        int fail = 0;
        for (long s = 1; s <= seeds; s++) {
            ErmFixtures.Problem pb = ErmFixtures.problem(m, n, d, 1, 2, 6, sigma, s);
            PiecesSelection.Choice c = PiecesSelection.choose(SmallProblem.ESTIMATOR, pb.data(), 5, s);
            double[] r = ratioToBest(pb, SmallProblem.ESTIMATOR, c, s);
            if (!(r[0] <= 1.2)) {
                fail++;
            }
            System.out.println("seed " + s + " chosen " + c.pieces() + " best " + (int) r[1] + " ratio " + r[0]
                    + " failures " + fail);
        }
    }

    @Test
    void choiceIsTheSameBytesAtAnyThreadCount() {
        ErmFixtures.Problem pb = ErmFixtures.problem(60, 5, 2, 1, 1, 3, 0.1, 5L);
        AlternatingLeastSquares cheap = AlternatingLeastSquares.defaults().withDegree(1).withMaxIterations(4)
                .withRidge(PiecesSelection.GUARD_RIDGE);
        PiecesSelection.Choice one = PiecesSelection.choose(cheap.withThreads(1), pb.data(), 5, 5L);
        PiecesSelection.Choice three = PiecesSelection.choose(cheap.withThreads(3), pb.data(), 5, 5L);
        assertEquals(one.pieces(), three.pieces());
        assertArrayEquals(one.candidates(), three.candidates());
        assertArrayEquals(one.heldOutRisk(), three.heldOutRisk(), 0.0);
        assertArrayEquals(one.standardError(), three.standardError(), 0.0);
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
