package org.attnlab.erm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The value classes of erm keep the API of the records they replaced (OpenJML 0.21 cannot compile records):
 * toString in the record format, component-wise equals (doubles by Double.compare, arrays by reference) and the
 * record's hashCode. The expected strings and hash codes were printed by the record versions (JDK 17's
 * ObjectMethods) before the conversion, so they are not produced by the code under test. Under OpenJML RAC this
 * test also exercises the contracts of equals, hashCode, toString and the accessors.
 */
class ErmValueClassesTest {

    @Test
    void splineGridAsTheRecord() {
        SplineGrid g = SplineGrid.of(2, 5, 1.5);
        assertEquals("SplineGrid[degree=2, pieces=5, radius=1.5]", g.toString());
        assertEquals(1073219613, g.hashCode());
        assertEquals(g, new SplineGrid(2, 5, 1.5));
        assertNotEquals(g, SplineGrid.of(2, 5, 1.25));
        assertFalse(g.equals(null));
        assertEquals(7, g.size());
    }

    @Test
    void settingsAsTheRecords() {
        ModelSettings m = new ModelSettings(2, 3, 0, 1.25, 1e-6);
        assertEquals("ModelSettings[rank=2, degree=3, pieces=0, radius=1.25, ridge=1.0E-6]", m.toString());
        assertEquals(1554954137, m.hashCode());
        assertEquals("ModelSettings[rank=1, degree=2, pieces=0, radius=1.0, ridge=0.0]", ModelSettings.DEFAULT.toString());
        assertEquals(-1105264577, ModelSettings.DEFAULT.hashCode());
        assertEquals(m, ModelSettings.DEFAULT.withRank(2).withDegree(3).withRadius(1.25).withRidge(1e-6));
        // Double.compare semantics, as for a record: ridge -0.0 is not ridge 0.0
        assertNotEquals(ModelSettings.DEFAULT, ModelSettings.DEFAULT.withRidge(-0.0));
        OptimizerSettings o = new OptimizerSettings(100, 1e-10, 1e-3, 3, 2, true, 4);
        assertEquals("OptimizerSettings[maxIterations=100, tolerance=1.0E-10, damping=0.001, starts=3, randomStarts=2,"
                + " momentStarts=true, threads=4, coarsePieces=2]", o.toString());
        // 31 h + coarsePieces over the 7-component hash (-623106203, -623106206) in int arithmetic
        assertEquals(-2136423107, o.hashCode());
        assertEquals(-2136423200, OptimizerSettings.DEFAULT.hashCode());
        assertEquals(o, OptimizerSettings.DEFAULT.withThreads(4));
        assertNotEquals(o, o.withMomentStarts(false));
        assertNotEquals(o, o.withCoarsePieces(0));
        assertEquals(new OptimizerSettings(100, 1e-10, 1e-3, 3, 2, true, 4, 0), o.withCoarsePieces(0));
        assertEquals(0, o.withCoarsePieces(0).coarsePieces());
    }

    @Test
    void errorEstimateAsTheRecord() {
        ErrorEstimate e = new ErrorEstimate(0.1, -0.0, Double.NaN, 1e300, 3.0, 4096L);
        assertEquals("ErrorEstimate[absolute=0.1, absoluteStandardError=-0.0, truthNorm=NaN, relative=1.0E300,"
                + " relativeStandardError=3.0, pairs=4096]", e.toString());
        assertEquals(-1751628931, e.hashCode());
        assertEquals(e, new ErrorEstimate(0.1, -0.0, Double.NaN, 1e300, 3.0, 4096L));
        assertNotEquals(e, new ErrorEstimate(0.1, 0.0, Double.NaN, 1e300, 3.0, 4096L));
    }

    @Test
    void resultAndChoiceAsTheRecords() {
        SplineGrid g = SplineGrid.of(2, 5, 1.5);
        double[] u = {1, 2};
        double[] v = {3, 4};
        double[] c = new double[g.size()];
        double[] h = {1.0, 2.0};
        ErmResult r = new ErmResult(2, 1, u, v, g, c, h, 3, ErmStatus.CONVERGED, 0, h, 5L);
        ErmResult same = new ErmResult(2, 1, u, v, g, c, h, 3, ErmStatus.CONVERGED, 0, h, 5L);
        assertEquals(r, same);
        assertEquals(r.hashCode(), same.hashCode());
        // arrays compare by reference, as in a record
        assertNotEquals(r, new ErmResult(2, 1, u.clone(), v, g, c, h, 3, ErmStatus.CONVERGED, 0, h, 5L));
        assertEquals("ErmResult[dimension=2, rank=1, u=@, v=@, grid=SplineGrid[degree=2, pieces=5, radius=1.5],"
                + " coefficients=@, riskHistory=@, iterations=3, status=CONVERGED, start=0, startRisks=@, nanos=5]",
                r.toString().replaceAll("\\[D@[0-9a-f]+", "@"));
        assertTrue(r.toString().contains("u=" + u));
        PiecesSelection.Choice ch = new PiecesSelection.Choice(3, 2, new int[] {2, 3}, new double[] {0.5, 0.25},
                new double[] {0.1, 0.1});
        assertEquals("Choice[pieces=3, folds=2, candidates=@, heldOutRisk=@, standardError=@]",
                ch.toString().replaceAll("\\[[DI]@[0-9a-f]+", "@"));
        assertEquals(ch, ch);
        assertNotEquals(ch, new PiecesSelection.Choice(3, 2, ch.candidates(), ch.heldOutRisk(), new double[2]));
    }
}
