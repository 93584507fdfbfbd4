package org.attnlab.erm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attnlab.basis.BSplineBasis;
import org.attnlab.sampler.Dataset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * spec/estimator.md steps 5-6: the phi-step and the variable-projection A-step minimise the ridge-penalised
 * objective (1/(M N)) sum (Y - g)^2 + ridge |c|^2, so trials are accepted, runs stopped and starts compared on
 * it. Every accepted A-step of {@link ErmEngine#iterate} must lower that objective, recomputed here from the
 * returned U, V, c with the independent Cox-de Boor basis ({@link BSplineBasis}) and pair loop of
 * {@link ErmFixtures}. The ridge is large (1e-2 to 3e-2) so that the penalty and the risk can move apart:
 * accepting on the training risk alone (the rule before 2026-12-01) raises the objective in these cases.
 */
class PenalisedObjectiveTest {

    @ParameterizedTest
    @CsvSource({"4, 1, 0.02, 41", "3, 2, 0.03, 42", "5, 1, 0.01, 43"})
    void noAcceptedStepRaisesThePenalisedObjective(int d, int r, double ridge, long seed) {
        ErmFixtures.Problem pb = ErmFixtures.problem(120, 5, d, r, 2, 4, 0.3, seed);
        Dataset data = pb.data();
        SplineGrid grid = SplineGrid.of(2, 8, 1.0);
        int accepted = 0;
        try (ErmEngine engine = new ErmEngine(data, r, grid, ridge, OptimizerSettings.DEFAULT)) {
            ErmEngine.State s = new ErmEngine.State(d, r, ErmFixtures.normalMatrix(d, r, seed, 5),
                    ErmFixtures.normalMatrix(d, r, seed, 6));
            s.projections = engine.normalise(s.u, s.v);
            engine.phiStep(s);
            double previous = objective(data, grid, ridge, s);
            assertEquals(previous, s.objective, 1e-12 * previous, "objective of the first phi-step");
            for (int it = 0; it < 40; it++) {
                ErmEngine.State t = engine.iterate(s);
                if (t == null) {
                    break;
                }
                double now = objective(data, grid, ridge, t);
                assertEquals(now, t.objective, 1e-12 * now, "objective at step " + it);
                assertTrue(now < previous, "step " + it + " raised the penalised objective: " + previous + " -> " + now);
                previous = now;
                s = t;
                accepted++;
            }
        }
        assertTrue(accepted >= 3, "too few accepted steps to test: " + accepted);
    }

    /** (1/(M N)) sum (Y - g)^2 + ridge |c|^2 for the state's U, V, c, by the fixtures' basis and pair loop. */
    static double objective(Dataset data, SplineGrid grid, double ridge, ErmEngine.State s) {
        int m = data.samples();
        int n = data.tokensPerSample();
        int d = data.dimension();
        int r = s.u.length / d;
        double[] x = data.tokens();
        BSplineBasis basis = grid.basis();
        double sse = 0.0;
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < n; i++) {
                double sum = 0.0;
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        double sc = ErmFixtures.score(x, (k * n + i) * d, (k * n + j) * d, d, r, s.u, s.v);
                        sum += basis.value(s.coefficients, basis.clampToDomain(sc));
                    }
                }
                double e = data.output(k, i) - sum / (n - 1);
                sse += e * e;
            }
        }
        double norm = 0.0;
        for (double c : s.coefficients) {
            norm += c * c;
        }
        return sse / ((double) m * n) + ridge * norm;
    }
}
