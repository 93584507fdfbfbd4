package org.attnlab.erm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attnlab.kernel.ScoreKernel;
import org.attnlab.sampler.Dataset;
import org.junit.jupiter.api.Test;

/** Small exact cases for configuration, results, dense solves and edge rules. */
class ErmDetailsTest {

    private static final ErmFixtures.Problem PB = ErmFixtures.problem(80, 4, 3, 1, 2, 3, 0.1, 14L);

    @Test
    void configurationAccessors() {
        AlternatingLeastSquares s = AlternatingLeastSquares.defaults().withRank(2).withDegree(3).withPieces(5)
                .withRadius(2.5).withThreads(3);
        assertEquals(2, s.rank());
        assertEquals(3, s.degree());
        assertEquals(5, s.pieces());
        assertEquals(2.5, s.radius(), 0.0);
        assertEquals(3, s.threads());
        assertEquals(SplineGrid.of(3, 5, 2.5), s.grid(100));
        assertTrue(s.toString().contains("rank=2"));
    }

    @Test
    void ridgeShrinksTheCoefficients() {
        AlternatingLeastSquares s = AlternatingLeastSquares.defaults().withDegree(2).withPieces(3)
                .withFixedMatrix(PB.u(), PB.v()).withRadius(PB.grid().radius());
        ErmResult plain = s.fit(PB.data(), 0L);
        ErmResult ridged = s.withRidge(0.1).fit(PB.data(), 0L);
        double n0 = 0.0;
        double n1 = 0.0;
        for (int k = 0; k < plain.coefficients().length; k++) {
            n0 += plain.coefficients()[k] * plain.coefficients()[k];
            n1 += ridged.coefficients()[k] * ridged.coefficients()[k];
        }
        assertTrue(n1 < 0.9 * n0, n1 + " vs " + n0);
        assertTrue(ridged.trainingRisk() > plain.trainingRisk());
    }

    @Test
    void dampingAndRandomStartsAreUsed() {
        AlternatingLeastSquares s = AlternatingLeastSquares.defaults().withDegree(2).withPieces(3).withCoarsePieces(0)
                .withSpectralStart(false).withRandomStarts(1).withMaxIterations(1).withTolerance(0.0);
        ErmResult small = s.withDamping(1e-6).fit(PB.data(), 5L);
        ErmResult large = s.withDamping(1e6).fit(PB.data(), 5L);
        assertEquals(1, small.start());
        assertNotEquals(ErmStatus.SINGULAR, small.status());
        assertEquals(small.riskHistory()[0], large.riskHistory()[0], 0.0);
        // a heavily damped step moves less, so it lowers the risk less
        assertTrue(small.trainingRisk() < large.trainingRisk(), small.trainingRisk() + " vs " + large.trainingRisk());
        // different seeds give different random starts
        ErmResult other = s.withDamping(1e-6).fit(PB.data(), 6L);
        assertNotEquals(small.riskHistory()[0], other.riskHistory()[0]);
    }

    @Test
    void singularPhiStepUsesTheLeastNormSolution() {
        // every score tiny: only the middle functions of 7 pieces on [-1, 1] have mass
        double[] u = {1e-3, 0, 0};
        double[] v = {1e-3, 0, 0};
        ErmResult fit = AlternatingLeastSquares.defaults().withDegree(1).withPieces(7).withFixedMatrix(u, v)
                .fit(PB.data(), 0L);
        assertEquals(ErmStatus.SINGULAR, fit.status());
        // unused functions get 0 in the least-norm solution
        assertEquals(0.0, fit.coefficients()[0], 1e-12);
        assertEquals(0.0, fit.coefficients()[7], 1e-12);
        for (double c : fit.coefficients()) {
            assertTrue(Double.isFinite(c));
        }
    }

    @Test
    void denseSolves() {
        double[] spd = {4, 2, 2, 3};
        double[] x = new double[2];
        assertTrue(DenseSolve.cholesky(spd, 2, new double[] {2, 1}, x));
        // 4 x0 + 2 x1 = 2, 2 x0 + 3 x1 = 1 -> x = (0.5, 0)
        assertArrayEquals(new double[] {0.5, 0.0}, x, 1e-15);
        double[] singular = {1, 1, 1, 1};
        double[] y = {7, 7};
        assertFalse(DenseSolve.cholesky(singular, 2, new double[] {2, 2}, y));
        assertArrayEquals(new double[] {7, 7}, y, 0.0, "untouched on failure");
        assertFalse(DenseSolve.cholesky(new double[] {1, 0, 0, 1e-20}, 2, new double[] {1, 1}, y));
        assertFalse(DenseSolve.cholesky(new double[] {-1, 0, 0, 1}, 2, new double[] {1, 1}, y));
        DenseSolve.leastNorm(singular, 2, new double[] {2, 2}, y);
        // least-norm solution of x0 + x1 = 2: (1, 1)
        assertArrayEquals(new double[] {1, 1}, y, 1e-12);
    }

    @Test
    void resultMatrixScoreAndOffsets() {
        // d = 2, r = 2: U = [[1, 2], [3, 4]], V = [[5, 6], [7, 8]], A = U V^T = [[17, 23], [39, 53]]
        ErmResult r = new ErmResult(2, 2, new double[] {1, 2, 3, 4}, new double[] {5, 6, 7, 8},
                SplineGrid.of(1, 1, 100.0), new double[] {-100, 100}, new double[] {0.5}, 0, ErmStatus.CONVERGED, 0,
                new double[] {0.5}, 0L);
        assertArrayEquals(new double[] {17, 23, 39, 53}, r.matrix(), 0.0);
        double[] buf = {9, 1, 0, 0, 1, 9};
        // x = (1, 0) at offset 1, y = (0, 1) at offset 3: A[0][1] = 23
        assertEquals(23.0, r.score(buf, 1, buf, 3), 0.0);
        // phi is the identity on [-100, 100] (linear spline through (-100,-100), (100,100)), clamped outside
        assertEquals(23.0, r.interaction(new double[] {1, 0}, new double[] {0, 1}), 1e-12);
        assertEquals(100.0, r.activation(1e6), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.score(buf, 5, buf, 0));
        assertTrue(e.getMessage().startsWith("x offset must be in [0, 4]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> r.score(buf, -1, buf, 0));
        assertTrue(e.getMessage().startsWith("x offset"), e.getMessage());
    }

    @Test
    void edgeRules() {
        SplineGrid g = SplineGrid.of(2, 3, 1.5);
        double[] c = {0.3, -1.0, 2.0, 0.5, -0.4};
        // at the ends of [-R, R] the derivative is the spline's one-sided derivative, outside it is 0
        var basis = g.basis();
        assertEquals(basis.derivative(c, 1.5), g.derivative(c, 1.5), 1e-12);
        assertEquals(basis.derivative(c, -1.5), g.derivative(c, -1.5), 1e-12);
        assertNotEquals(0.0, g.derivative(c, 1.5));
        assertEquals(0.0, g.derivative(c, Math.nextUp(1.5)), 0.0);
        assertEquals(0.0, g.derivative(c, Math.nextDown(-1.5)), 0.0);
        assertEquals(1, ScoreKernel.piece(1.0, 3));
        assertEquals(0, ScoreKernel.piece(Math.nextDown(1.0), 3));
        assertEquals(2, ScoreKernel.piece(3.0, 3));
        assertTrue(ComposedError.defaults().withMinBlocks(4) != null);
    }

    @Test
    void workloadIterationReturnsItsRisk() {
        try (ErmWorkload w = ErmWorkload.of(PB.data(), SplineGrid.of(2, 3, 1.0), new double[] {0.3, -0.2, 0.5},
                new double[] {0.1, 0.4, -0.3}, 1)) {
            double r = w.iteration();
            assertEquals(w.risk(), r, 0.0);
            assertTrue(r > 0);
        }
        Dataset data = PB.data();
        assertEquals(80, data.samples());
    }
}
