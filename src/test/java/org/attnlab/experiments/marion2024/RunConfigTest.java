package org.attnlab.experiments.marion2024;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.attnlab.slr.DescentSettings;
import org.attnlab.slr.Initialisation;
import org.attnlab.slr.SlrProblem;
import org.junit.jupiter.api.Test;

/**
 * The five configurations against the authors' public code, value by value. The expected values below are
 * typed from the source, not produced by the code under test: repository PierreMarion23/single-location-regression,
 * {@code config.py} (dictionaries {@code config_gd_manifold}, {@code config_gd_sphere_no_schedule_large_lambda},
 * {@code config_gd_sphere_no_schedule_small_lambda}, {@code config_gd_sphere_schedule},
 * {@code config_sgd_sphere_schedule}, in the order of {@code main.py}), read at commit
 * e64b75555fa7313cd6617de6c89422309d24033a, except lambda0 of the large-lambda configuration: 0.9 at the
 * repository's last commit, "correct config" (1.0 at e64b755; see spec/slr.md, "Authors' configurations").
 * The schedule rate 1e-4 is {@code lambd_value}'s default increment in {@code utils.py}.
 */
class RunConfigTest {

    /** One row of config.py: id, d, L, lambd0, lambd_schedule, alpha, n_steps, log_every, sphere start, batch, test batch, plotted runs. */
    private record Authors(String id, int d, int tokens, double lambda0, boolean schedule, double alpha, int steps,
                           int logEvery, boolean sphere, int batch, int testBatch, List<Integer> plotRuns) {
    }

    private static final List<Authors> AUTHORS = List.of(
            new Authors("pgd-manifold", 400, 10, 0.1, false, 4e-3, 20_000, 200, false, 0, 0, List.of(0, 1)),
            new Authors("pgd-sphere-large", 400, 10, 0.9, false, 1e-3, 120_000, 300, true, 0, 0, List.of(0, 2)),
            new Authors("pgd-sphere-small", 400, 10, 0.1, false, 4e-3, 20_000, 200, true, 0, 0, List.of(5, 3, 12)),
            new Authors("pgd-sphere-schedule", 400, 10, 1.0, true, 4e-3, 120_000, 300, true, 0, 0, List.of(0, 2)),
            new Authors("sgd-sphere-schedule", 80, 10, 2.0, true, 1e-3, 200_000, 500, true, 5, 1000, List.of(0, 1)));

    /** n_repeats = 30 in every dictionary. */
    private static final int REPEATS = 30;
    /** gamma = float(jnp.sqrt(0.5)) in every dictionary; eps = 0.1 in the SGD one. */
    private static final double GAMMA = Math.sqrt(0.5);
    private static final double EPS = 0.1;
    private static final double SCHEDULE_RATE = 1e-4;

    @Test
    void fullConfigurationsAreTheAuthorsOnes() {
        List<RunConfig> ours = RunConfig.paper(false);
        assertEquals(AUTHORS.size(), ours.size());
        for (int i = 0; i < AUTHORS.size(); i++) {
            Authors a = AUTHORS.get(i);
            RunConfig c = ours.get(i);
            String id = a.id();
            assertEquals(id, c.id(), "order of main.py");
            SlrProblem p = c.problem();
            assertEquals(a.d(), p.dimension(), id + " d");
            assertEquals(a.tokens(), p.tokens(), id + " L");
            assertEquals(GAMMA, p.gamma(), 0.0, id + " gamma");
            assertEquals(EPS, p.noise(), 0.0, id + " eps");
            DescentSettings s = c.settings();
            assertEquals(a.lambda0(), s.lambda0(), 0.0, id + " lambda0");
            assertEquals(a.schedule() ? SCHEDULE_RATE : 0.0, s.decay(), 0.0, id + " schedule");
            assertEquals(a.alpha(), s.alpha(), 0.0, id + " alpha");
            assertEquals(a.steps(), s.steps(), id + " steps");
            assertEquals(a.logEvery(), s.logEvery(), id + " log_every");
            assertEquals(a.sphere() ? Initialisation.SPHERE : Initialisation.MANIFOLD, c.initialisation(), id + " init");
            assertEquals(a.batch() > 0, c.sgd(), id + " flag_sgd");
            assertEquals(a.batch(), c.batch(), id + " batch_size");
            assertEquals(a.testBatch(), c.testBatch(), id + " test_batch_size");
            assertEquals(REPEATS, c.repeats(), id + " n_repeats");
            assertEquals(a.plotRuns(), c.plotRuns(), id + " plot_run_idx");
        }
    }

    @Test
    void scheduleIsLambdaZeroOverOnePlusTenToTheMinusFourT() {
        // utils.lambd_value(lambd0, step, True) = lambd0 / (1 + 1e-4 * step), applied at step = 0, 1, ...
        DescentSettings s = RunConfig.paper(false).get(3).settings();
        assertEquals(1.0, s.lambdaAt(0), 0.0);
        assertEquals(1.0 / 2.0, s.lambdaAt(10_000), 1e-16);
        assertEquals(1.0 / 13.0, s.lambdaAt(120_000), 1e-16);
        DescentSettings sgd = RunConfig.paper(false).get(4).settings();
        assertEquals(2.0 / 21.0, sgd.lambdaAt(200_000), 1e-16);
        DescentSettings constant = RunConfig.paper(false).get(1).settings();
        assertEquals(0.9, constant.lambdaAt(119_999), 0.0);
    }

    @Test
    void quickConfigurationsDivideStepsAndLogPeriodByTenWithThreeRepeats() {
        List<RunConfig> full = RunConfig.paper(false);
        List<RunConfig> quick = RunConfig.paper(true);
        for (int i = 0; i < full.size(); i++) {
            RunConfig f = full.get(i);
            RunConfig q = quick.get(i);
            assertEquals(f.problem(), q.problem(), f.id());
            assertEquals(f.settings().lambda0(), q.settings().lambda0(), 0.0, f.id());
            assertEquals(f.settings().decay(), q.settings().decay(), 0.0, f.id());
            assertEquals(f.settings().alpha(), q.settings().alpha(), 0.0, f.id());
            assertEquals(f.settings().steps() / 10, q.settings().steps(), f.id());
            assertEquals(f.settings().logEvery() / 10, q.settings().logEvery(), f.id());
            assertEquals(3, q.repeats(), f.id());
        }
    }

    @Test
    void descriptionNamesTheCorrectedLambda() {
        String d = RunConfig.paper(false).get(1).describe();
        assertTrue(d.contains("lambda0=0.9,") && d.contains("schedule=none") && d.contains("alpha=0.001"), d);
    }
}
