package org.attnlab.erm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Step 3 of spec/estimator.md on every fit returned: the largest training score max |X_i^T U V^T X_j| equals
 * R, and each column pair (U_b, V_b) has equal norms; checked by recomputing scores and norms from the returned
 * U, V (the fitted function g = phi(x^T U V^T y) does not see the balance, so only this test does).
 */
class ErmNormalisationTest {

    static final double TOLERANCE = 1e-12;

    @ParameterizedTest
    @CsvSource({"3, 1, 0.1, 31", "3, 2, 0.1, 32", "4, 3, 0.3, 33", "2, 2, 0.0, 34"})
    void largestScoreIsTheRadiusAndColumnPairsHaveEqualNorms(int d, int r, double sigma, long seed) {
        ErmFixtures.Problem pb = ErmFixtures.problem(30, 4, d, r, 2, 3, sigma, seed);
        for (int iterations : new int[] {0, 3}) {
            ErmResult fit = AlternatingLeastSquares.defaults().withRank(r).withDegree(2).withPieces(3)
                    .withRadius(1.7).withRandomStarts(1).withMaxIterations(iterations).withThreads(1)
                    .fit(pb.data(), seed);
            double largest = ErmFixtures.maxScore(pb.data().tokens(), 30, 4, d, fit.u(), fit.v());
            assertEquals(1.7, largest, TOLERANCE * 1.7, "largest training score, " + iterations + " iterations");
            for (int b = 0; b < r; b++) {
                double nu = 0.0;
                double nv = 0.0;
                for (int a = 0; a < d; a++) {
                    nu += fit.u()[a * r + b] * fit.u()[a * r + b];
                    nv += fit.v()[a * r + b] * fit.v()[a * r + b];
                }
                assertEquals(Math.sqrt(nu), Math.sqrt(nv), TOLERANCE * Math.sqrt(nu), "column " + b);
            }
        }
    }
}
