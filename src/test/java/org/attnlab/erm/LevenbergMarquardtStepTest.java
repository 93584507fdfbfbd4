package org.attnlab.erm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attnlab.sampler.Dataset;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A-steps of {@link ErmEngine#iterate} against an oracle written from spec/estimator.md step 5 with EJML's general
 * (LU) solver: from the Gauss-Newton sums of {@link PairAssembly#gaussNewton} (checked against finite differences
 * and a naive loop in {@code PairAssemblyTest}), the variable-projection matrix
 * H = J^T J - (1/(M N)) (F^T J)^T G^{-1} F^T J with G the phi-step's matrix, then the damped systems
 * (H + lambda (diag H + 1e-12 max diag H)) delta = J^T e for lambda = lambda0, 10 lambda0, ..., each trial
 * theta + delta normalised and re-fitted, the first that lowers the penalised objective accepted, and the next
 * step starting from lambda / 10. No other test checks the step itself: the runs converge with a wrong damping
 * too, only more slowly (the damping mutants of {@code iterate} survived PIT).
 *
 * <p>Deterministic (fixed seeds); the tolerance covers the two solvers' rounding on systems whose condition
 * number is about 1 / lambda (H has the scale of A, and at r = 2 the r^2 gauge directions, as null directions).
 */
class LevenbergMarquardtStepTest {

    /** Agreement of the engine's step with the oracle's, relative to the size of U and V. */
    static final double STEP_TOLERANCE = 1e-8;

    @ParameterizedTest
    @CsvSource({"4, 1, 0.0, 1e-3, 51", "3, 2, 1e-3, 1e-3, 52", "6, 1, 1e-2, 1e-3, 53", "5, 2, 0.0, 1e-3, 56"})
    void stepsAreTheDampedVariableProjectionSteps(int d, int r, double ridge, double damping, long seed) {
        ErmFixtures.Problem pb = ErmFixtures.problem(90, 5, d, r, 2, 4, 0.2, seed);
        Dataset data = pb.data();
        SplineGrid grid = SplineGrid.of(2, 6, 1.0);
        int rejected = 0;
        OptimizerSettings settings = OptimizerSettings.DEFAULT.withDamping(damping);
        try (ErmEngine engine = new ErmEngine(data, r, grid, ridge, settings)) {
            ErmEngine.State s = new ErmEngine.State(d, r, ErmFixtures.normalMatrix(d, r, seed, 3),
                    ErmFixtures.normalMatrix(d, r, seed, 4));
            s.projections = engine.normalise(s.u, s.v);
            engine.phiStep(s);
            engine.resetDamping();
            double lambda0 = damping;
            for (int step = 0; step < 8; step++) {
                Oracle o = oracleStep(engine, grid, s, lambda0);
                ErmEngine.State t = engine.iterate(s);
                String at = "step " + step + " (d = " + d + ", r = " + r + ")";
                if (o.accepted == null) {
                    assertEquals(null, t, at + ": the oracle rejected every trial");
                    break;
                }
                assertNotNull(t, at + ": the oracle accepted trial " + o.trials);
                assertEquals(o.trials, engine.lastTrials(), at + ": trials");
                double size = Math.sqrt(ErmEngine.squaredNorm(o.accepted.u) + ErmEngine.squaredNorm(o.accepted.v));
                for (int a = 0; a < d * r; a++) {
                    assertEquals(o.accepted.u[a], t.u[a], STEP_TOLERANCE * size, at + ": U[" + a + "]");
                    assertEquals(o.accepted.v[a], t.v[a], STEP_TOLERANCE * size, at + ": V[" + a + "]");
                }
                assertEquals(o.accepted.objective, t.objective, 1e-9 * o.accepted.objective, at + ": objective");
                assertTrue(t.objective < s.objective, at + ": the accepted step must lower the objective");
                rejected += o.trials - 1;
                lambda0 = Math.max(o.lambda / 10.0, ErmEngine.MIN_DAMPING);
                s = t;
            }
        }
        assertTrue(rejected >= 1, "no step rejected a trial: the retry path was not exercised");
    }

    /** The accepted trial (null if none of the 12 was), its 1-based number and its damping. */
    record Oracle(ErmEngine.State accepted, int trials, double lambda) {
    }

    static Oracle oracleStep(ErmEngine engine, SplineGrid grid, ErmEngine.State s, double lambda0) {
        int d = s.d;
        int r = s.r;
        int q = 2 * d * r;
        int n = grid.size();
        double[] jtj = new double[q * q];
        double[] jte = new double[q];
        double[] ftj = new double[n * q];
        engine.assembly().gaussNewton(s.projections, grid, s.coefficients, jtj, jte, ftj);
        DMatrixRMaj h = new DMatrixRMaj(q, q, true, jtj);
        if (s.gram != null) {
            DMatrixRMaj g = new DMatrixRMaj(n, n, true, s.gram);
            DMatrixRMaj fj = new DMatrixRMaj(n, q, true, ftj);
            DMatrixRMaj solved = new DMatrixRMaj(n, q);
            assertTrue(CommonOps_DDRM.solve(g, fj, solved), "G must be invertible");
            DMatrixRMaj schur = new DMatrixRMaj(q, q);
            CommonOps_DDRM.multTransA(fj, solved, schur);
            CommonOps_DDRM.addEquals(h, -1.0 / engine.assembly().outputCount(), schur);
        }
        double maxDiag = 0.0;
        for (int a = 0; a < q; a++) {
            maxDiag = Math.max(maxDiag, h.get(a, a));
        }
        DMatrixRMaj gradient = new DMatrixRMaj(q, 1, true, jte);
        double lambda = lambda0;
        for (int trial = 1; trial <= ErmEngine.MAX_TRIALS; trial++) {
            DMatrixRMaj damped = h.copy();
            for (int a = 0; a < q; a++) {
                damped.add(a, a, lambda * (h.get(a, a) + 1e-12 * maxDiag));
            }
            DMatrixRMaj delta = new DMatrixRMaj(q, 1);
            if (CommonOps_DDRM.solve(damped, gradient, delta)) {
                double[] u = s.u.clone();
                double[] v = s.v.clone();
                for (int a = 0; a < d * r; a++) {
                    u[a] += delta.get(a);
                    v[a] += delta.get(d * r + a);
                }
                ErmEngine.State t = new ErmEngine.State(d, r, u, v);
                t.projections = engine.normalise(t.u, t.v);
                if (t.projections != null) {
                    engine.phiStep(t);
                    if (t.objective < s.objective) {
                        return new Oracle(t, trial, lambda);
                    }
                }
            }
            lambda *= 10.0;
        }
        return new Oracle(null, ErmEngine.MAX_TRIALS, lambda);
    }
}
