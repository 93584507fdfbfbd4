package org.attnlab.erm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** The JML contracts of {@link AlternatingLeastSquares#fit} and {@link ErmResult}, on small random problems. */
class ErmProperties {

    @Property(tries = 8, seed = "20261130")
    void fitReturnsShapesFiniteRisksAndAStatus(@ForAll @IntRange(min = 1, max = 3) int d,
                                               @ForAll @IntRange(min = 2, max = 4) int n,
                                               @ForAll @IntRange(min = 0, max = 3) int degree,
                                               @ForAll @IntRange(min = 1, max = 4) int pieces,
                                               @ForAll @IntRange(min = 0, max = 1000) int seed) {
        int r = 1 + seed % d;
        ErmFixtures.Problem pb = ErmFixtures.problem(12, n, d, r, 2, 3, 0.1, seed);
        ErmResult fit = AlternatingLeastSquares.defaults().withRank(r).withDegree(degree).withPieces(pieces)
                .withRandomStarts(1).withMaxIterations(5).withThreads(1 + seed % 3).fit(pb.data(), seed);
        assertEquals(d, fit.dimension());
        assertEquals(r, fit.rank());
        assertEquals(d * r, fit.u().length);
        assertEquals(d * r, fit.v().length);
        assertEquals(pieces + degree, fit.coefficients().length);
        assertEquals(fit.grid().size(), fit.coefficients().length);
        assertNotNull(fit.status());
        assertTrue(fit.iterations() >= 0 && fit.iterations() <= 5);
        assertEquals(fit.iterations() + 1, fit.riskHistory().length);
        for (double risk : fit.riskHistory()) {
            assertTrue(risk >= 0 && Double.isFinite(risk), "risk " + risk);
        }
        for (double c : fit.coefficients()) {
            assertTrue(Double.isFinite(c));
        }
        // candidates: the first-order moment start, offsets^2 second-order ones, 1 random; the best 3 are run, on K
        // or, with the continuation stage (K > K_c = 2 and d > 1), on K_c, and only the best of them on K, beside
        // the best candidate screened on K
        int offsets = Math.min(MomentStarts.OFFSETS, d - r + 1);
        boolean continuation = pieces > OptimizerSettings.DEFAULT_COARSE_PIECES && d > 1;
        assertEquals(continuation ? 2 : Math.min(AlternatingLeastSquares.DEFAULT_STARTS, 2 + offsets * offsets),
                fit.startRisks().length);
        int second = fit.start() - MomentStarts.SECOND_ORDER_ID;
        assertTrue(fit.start() == 0 || fit.start() == 1
                || (second >= 0 && second / MomentStarts.OFFSETS < offsets && second % MomentStarts.OFFSETS < offsets),
                "start " + fit.start());
        assertTrue(fit.nanos() >= 0);
    }

    @Property(tries = 5, seed = "20261130")
    void fitIsTheSameAtAnyThreadCount(@ForAll @IntRange(min = 0, max = 1000) int seed) {
        ErmFixtures.Problem pb = ErmFixtures.problem(70, 3, 2, 1, 2, 3, 0.1, seed);
        AlternatingLeastSquares s = AlternatingLeastSquares.defaults().withPieces(3).withRandomStarts(1)
                .withMaxIterations(6);
        ErmResult a = s.withThreads(1).fit(pb.data(), seed);
        ErmResult b = s.withThreads(3).fit(pb.data(), seed);
        assertArrayEquals(a.u(), b.u());
        assertArrayEquals(a.coefficients(), b.coefficients());
        assertArrayEquals(a.riskHistory(), b.riskHistory());
    }

    @Property(tries = 30, seed = "20261130")
    void splineGridValueIsTheConstantExtensionOfTheBasis(@ForAll @DoubleRange(min = -3, max = 3) double s,
                                                         @ForAll @IntRange(min = 0, max = 4) int degree,
                                                         @ForAll @IntRange(min = 1, max = 6) int pieces) {
        SplineGrid g = SplineGrid.of(degree, pieces, 1.5);
        double[] c = new double[g.size()];
        for (int k = 0; k < c.length; k++) {
            c[k] = Math.sin(3.0 * k + 1.0);
        }
        var basis = g.basis();
        double clamped = basis.clampToDomain(s);
        assertEquals(basis.value(c, clamped), g.value(c, s), 1e-13);
        double expected = s >= -1.5 && s <= 1.5 ? basis.derivative(c, s) : 0.0;
        assertEquals(expected, g.derivative(c, s), 1e-10 * Math.max(1.0, Math.abs(expected)));
    }
}
