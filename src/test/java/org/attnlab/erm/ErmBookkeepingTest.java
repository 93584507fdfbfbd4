package org.attnlab.erm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.attnlab.internal.ChunkPool;
import org.attnlab.sampler.Dataset;
import org.junit.jupiter.api.Test;

/**
 * Bookkeeping of the fit that the accuracy tests do not see: the stable order of the screening risks, the
 * returned fit being the lowest-risk start run, the elapsed time, and the moment matrix over several chunks of
 * samples (the other assembly tests fit in one chunk).
 */
class ErmBookkeepingTest {

    @Test
    void ascendingIsAStableSortByIncreasingValue() {
        assertArrayEquals(new int[] {1, 3, 2, 0, 4}, AlternatingLeastSquares.ascending(new double[] {3, 1, 2, 1, 3}));
        assertArrayEquals(new int[] {2, 1, 0}, AlternatingLeastSquares.ascending(new double[] {5, 4, -1}));
        assertArrayEquals(new int[] {0, 1, 2}, AlternatingLeastSquares.ascending(new double[] {7, 7, 7}));
        assertArrayEquals(new int[0], AlternatingLeastSquares.ascending(new double[0]));
    }

    @Test
    void returnedFitIsTheLowestRiskStartAndItsTimeIsElapsedTime() {
        ErmFixtures.Problem pb = ErmFixtures.problem(40, 4, 3, 1, 2, 3, 0.3, 17L);
        long before = System.nanoTime();
        // 3 random starts and few iterations: the starts end at different risks
        // without the continuation stage: every one of the S starts is run on K
        ErmResult fit = AlternatingLeastSquares.defaults().withDegree(2).withPieces(3).withSpectralStart(false)
                .withRandomStarts(3).withStarts(3).withMaxIterations(2).withThreads(1).withCoarsePieces(0)
                .fit(pb.data(), 17L);
        long elapsed = System.nanoTime() - before;
        double[] risks = fit.startRisks();
        assertEquals(3, risks.length);
        assertTrue(Arrays.stream(risks).distinct().count() > 1, "the case needs different start risks: "
                + Arrays.toString(risks));
        assertEquals(Arrays.stream(risks).min().orElseThrow(), fit.trainingRisk(), 0.0, Arrays.toString(risks));
        assertTrue(fit.nanos() > 0 && fit.nanos() <= elapsed, fit.nanos() + " ns of " + elapsed);
    }

    @Test
    void momentMatrixOverSeveralChunksOverwritesItsOutput() {
        // M = 150 samples: several chunks of at least 32 samples
        int m = 150;
        int n = 3;
        int d = 2;
        ErmFixtures.Problem pb = ErmFixtures.problem(m, n, d, 1, 2, 3, 0.2, 5L);
        Dataset data = pb.data();
        try (ChunkPool pool = ChunkPool.of(2)) {
            PairAssembly asm = new PairAssembly(data, 1, pool);
            double[] c = new double[d * d];
            Arrays.fill(c, Double.NaN);
            asm.momentMatrix(c);
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    double s = 0.0;
                    for (int k = 0; k < m; k++) {
                        for (int i = 0; i < n; i++) {
                            for (int j = 0; j < n; j++) {
                                if (j != i) {
                                    s += data.output(k, i) * data.token(k, i, a) * data.token(k, j, b);
                                }
                            }
                        }
                    }
                    assertEquals(s, c[a * d + b], 1e-11 * Math.max(1.0, Math.abs(s)), a + "," + b);
                }
            }
        }
    }

    @Test
    void theStartRunIsTheOneWithTheLowestScreeningRisk() {
        // spec: every candidate is normalised and gets one phi-step (its screening risk); the best `starts` are
        // run. Screening risks recomputed here: random start k is (U, V) from stream (seed, ESTIMATOR, k),
        // scaled so that its largest training score is R, then the fixed-matrix phi-step
        long seed = 29L;
        int d = 3;
        ErmFixtures.Problem pb = ErmFixtures.problem(40, 4, d, 1, 2, 3, 0.3, seed);
        AlternatingLeastSquares est = AlternatingLeastSquares.defaults().withCoarsePieces(0).withDegree(2).withPieces(3).withRadius(1.5)
                .withSpectralStart(false).withThreads(1);
        int starts = 5;
        double best = Double.POSITIVE_INFINITY;
        int bestId = -1;
        for (int k = 1; k <= starts; k++) {
            org.attnlab.internal.RandomStreams.Stream st = org.attnlab.internal.RandomStreams.stream(seed,
                    org.attnlab.internal.RandomStreams.Purpose.ESTIMATOR, k);
            double[] u = new double[d];
            double[] v = new double[d];
            st.normals(u);
            st.normals(v);
            double scale = Math.sqrt(1.5 / ErmFixtures.maxScore(pb.data().tokens(), 40, 4, d, u, v));
            for (int a = 0; a < d; a++) {
                u[a] *= scale;
                v[a] *= scale;
            }
            double risk = est.withFixedMatrix(u, v).fit(pb.data(), seed).trainingRisk();
            if (risk < best) {
                best = risk;
                bestId = k;
            }
        }
        assertTrue(bestId > 1, "the case must not have its best start first (screening would not show)");
        ErmResult fit = est.withRandomStarts(starts).withStarts(1).withMaxIterations(0).fit(pb.data(), seed);
        assertEquals(bestId, fit.start());
        assertEquals(best, fit.trainingRisk(), 1e-9 * best);
    }
}
