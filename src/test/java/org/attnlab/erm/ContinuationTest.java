package org.attnlab.erm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import org.attnlab.sampler.Dataset;
import org.junit.jupiter.api.Test;

/**
 * The continuation stage of spec/estimator.md "Algorithm" step 2, rebuilt from public pieces: with random
 * candidates only (so that the candidates do not depend on which samples the moment matrices see), a default fit
 * must equal, bit for bit, the lower of two runs on K: (1) a fit without continuation on the first
 * {@link AlternatingLeastSquares#COARSE_SAMPLES} samples, on K_c = 2 pieces, with tolerance 1e-6, followed by one
 * run on K over all samples from its U, V ({@code withStartMatrix}); (2) the best candidate screened on K, run
 * alone (a fit without continuation and S = 1). M = 1100 &gt; 1000, so the prefix is a proper one; bytes also
 * agree at 1 and 2 threads.
 */
class ContinuationTest {

    private static final int M = 1100;
    private static final ErmFixtures.Problem PB = ErmFixtures.problem(M, 4, 3, 1, 2, 4, 0.2, 71L);

    private static AlternatingLeastSquares solver() {
        return AlternatingLeastSquares.defaults().withDegree(2).withPieces(6).withSpectralStart(false)
                .withRandomStarts(4).withMaxIterations(40).withThreads(1);
    }

    @Test
    void theFitIsTheCoarseFitOnTheFirstSamplesThenOneRunOnKFromIt() {
        Dataset data = PB.data();
        ErmResult fit = solver().fit(data, 5L);
        int first = AlternatingLeastSquares.COARSE_SAMPLES;
        Dataset prefix = Dataset.of(first, 4, 3, Arrays.copyOf(data.tokens(), first * 4 * 3),
                Arrays.copyOf(data.outputs(), first * 4));
        ErmResult coarse = solver().withPieces(OptimizerSettings.DEFAULT_COARSE_PIECES).withTolerance(1e-6)
                .withCoarsePieces(0).fit(prefix, 5L);
        ErmResult fine = solver().withStartMatrix(coarse.u(), coarse.v()).fit(data, 5L);
        ErmResult screenedOnK = solver().withCoarsePieces(0).withStarts(1).fit(data, 5L);
        assertArrayEquals(new double[] {fine.trainingRisk(), screenedOnK.trainingRisk()}, fit.startRisks(),
                "the runs on K: the coarse winner's, then the best candidate screened on K");
        // the lower training risk wins (ridge 0: objective = risk), the coarse winner on ties
        ErmResult lower = screenedOnK.trainingRisk() < fine.trainingRisk() ? screenedOnK : fine;
        assertEquals(lower == fine ? coarse.start() : screenedOnK.start(), fit.start());
        assertArrayEquals(lower.u(), fit.u());
        assertArrayEquals(lower.v(), fit.v());
        assertArrayEquals(lower.coefficients(), fit.coefficients());
        assertArrayEquals(lower.riskHistory(), fit.riskHistory());
        assertEquals(6, fit.grid().pieces());
        // with S = 1 only the coarse winner goes on to K; from S = 2 both
        assertEquals(1, solver().withStarts(1).fit(data, 5L).startRisks().length);
        assertEquals(2, solver().withStarts(2).fit(data, 5L).startRisks().length);
        // without the stage the fit differs (here: other U, V at the same K)
        ErmResult plain = solver().withCoarsePieces(0).fit(data, 5L);
        assertNotEquals(Arrays.toString(plain.u()), Arrays.toString(fit.u()));
        assertEquals(AlternatingLeastSquares.DEFAULT_STARTS, plain.startRisks().length);
    }

    @Test
    void sameBytesAtOneAndTwoThreads() {
        ErmResult one = solver().fit(PB.data(), 9L);
        ErmResult two = solver().withThreads(2).fit(PB.data(), 9L);
        assertArrayEquals(one.u(), two.u());
        assertArrayEquals(one.v(), two.v());
        assertArrayEquals(one.coefficients(), two.coefficients());
        assertArrayEquals(one.riskHistory(), two.riskHistory());
        assertArrayEquals(one.startRisks(), two.startRisks());
        assertEquals(one.start(), two.start());
    }

    @Test
    void theStageIsSkippedAtDimensionOneAndWhenKIsNotAboveKc() {
        ErmFixtures.Problem line = ErmFixtures.problem(200, 4, 1, 1, 2, 4, 0.2, 72L);
        ErmResult on = solver().fit(line.data(), 3L);
        ErmResult off = solver().withCoarsePieces(0).fit(line.data(), 3L);
        assertArrayEquals(off.u(), on.u());
        assertArrayEquals(off.coefficients(), on.coefficients());
        assertArrayEquals(off.startRisks(), on.startRisks());
        ErmResult small = solver().withPieces(2).fit(PB.data(), 3L);
        ErmResult smallOff = solver().withPieces(2).withCoarsePieces(0).fit(PB.data(), 3L);
        assertArrayEquals(smallOff.u(), small.u());
        assertArrayEquals(smallOff.startRisks(), small.startRisks());
    }

    @Test
    void aPrefixIsTheDataItselfWhenItHasNoMoreSamples() {
        assertSame(PB.data(), AlternatingLeastSquares.prefix(PB.data(), M));
        Dataset p = AlternatingLeastSquares.prefix(PB.data(), 10);
        assertEquals(10, p.samples());
        assertEquals(PB.data().output(9, 3), p.output(9, 3), 0.0);
        assertEquals(PB.data().token(9, 3, 2), p.token(9, 3, 2), 0.0);
    }
}
