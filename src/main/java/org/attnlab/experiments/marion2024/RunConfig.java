package org.attnlab.experiments.marion2024;

import java.util.List;
import java.util.Locale;
import org.attnlab.internal.Checks;
import org.attnlab.slr.DescentSettings;
import org.attnlab.slr.Initialisation;
import org.attnlab.slr.SlrProblem;

/**
 * One configuration of the authors' code for arXiv 2410.01537: the problem, the initialisation, the descent
 * settings, and for SGD the batch sizes.
 *
 * <p><b>Source of every value.</b> Repository PierreMarion23/single-location-regression: {@code config.py} (the
 * five dictionaries, in the order of {@code main.py}), {@code run.py} (how they are used: the lambda schedule is
 * applied to the step index t = 0, 1, ..., eps and the batch sizes only when {@code flag_sgd}),
 * {@code dynamics.py} (initialisations, sampling) and {@code utils.py} (lambda_t = lambda0 / (1 + 1e-4 t)).
 * The stored {@code config.py} we could read is the one at commit e64b75555fa7313cd6617de6c89422309d24033a, with
 * lambda0 = 1.0 in {@code config_gd_sphere_no_schedule_large_lambda}; that commit is not the repository's last
 * (commit 14e2b062dc975e33a39668ed8fd952a4b99cac05 adds the Appendix E.3 notebooks and their README section),
 * and the repository's last commit, titled "correct config", sets lambda0 = 0.9 there (issue 9, PAPERS.md; the
 * second stored version of config.py could not be retrieved from the index to confirm it). Every other value
 * is the same in both readings. Comparison table: {@code spec/slr.md}, "Authors' configurations".
 *
 * @param id short id used in keys, files and the CSV (e.g. {@code pgd-manifold})
 * @param title figure title
 * @param problem (d, L, gamma, eps)
 * @param initialisation on the manifold M or uniform on the sphere
 * @param settings lambda0, schedule, alpha, steps, log period
 * @param batch SGD batch size, 0 for PGD on the closed-form population risk
 * @param testBatch SGD test batch size, 0 for PGD
 * @param repeats number of independent repeats
 * @param plotRuns the repeats whose (kappa, nu) trajectories are drawn
 */
public record RunConfig(String id, String title, SlrProblem problem, Initialisation initialisation,
                        DescentSettings settings, int batch, int testBatch, int repeats, List<Integer> plotRuns) {

    /** gamma = sqrt(0.5) in every configuration of the paper ({@code float(jnp.sqrt(0.5))} in config.py). */
    public static final double GAMMA = Math.sqrt(0.5);
    /**
     * eps = 0.1: the SGD configuration's value. run.py ignores eps for PGD (it sets it to None); the PGD excess
     * risk R - eps^2 does not depend on it, so we use the same value everywhere.
     */
    public static final double EPS = 0.1;
    /**
     * lambda0 of {@code pgd-sphere-large} (sphere start, no schedule, large lambda): 0.9 at the authors' last
     * commit ("correct config"); 1.0 in the earlier stored config.py (commit e64b755), the value our outputs used
     * before issue 9.
     */
    public static final double SPHERE_LARGE_LAMBDA0 = 0.9;

    /**
     * Validates the configuration.
     *
     * @throws IllegalArgumentException if a reference is null, batch or testBatch is negative, exactly one of
     *     them is 0, or repeats &lt; 1
     */
    public RunConfig {
        Checks.notNull("id", id);
        Checks.notNull("title", title);
        Checks.notNull("problem", problem);
        Checks.notNull("initialisation", initialisation);
        Checks.notNull("settings", settings);
        Checks.nonNegative("batch", batch);
        Checks.nonNegative("testBatch", testBatch);
        if ((batch == 0) != (testBatch == 0)) {
            throw Checks.fail("(batch, testBatch)", "both 0 (PGD) or both > 0 (SGD)", batch + ", " + testBatch);
        }
        Checks.positive("repeats", repeats);
        plotRuns = List.copyOf(plotRuns);
    }

    /** Whether this is SGD on samples (else PGD on the closed-form risk). */
    public boolean sgd() {
        return batch > 0;
    }

    /** A one-line description for the report and the fingerprint. */
    public String describe() {
        DescentSettings s = settings;
        return String.format(Locale.ROOT, "%s: %s, d=%d, L=%d, gamma=%.6f, eps=%s, init=%s, lambda0=%s, schedule=%s,"
                        + " alpha=%s, steps=%d, logEvery=%d, batch=%d, testBatch=%d, repeats=%d", id,
                sgd() ? "SGD" : "PGD", problem.dimension(), problem.tokens(), problem.gamma(), problem.noise(),
                initialisation, s.lambda0(), s.decay() > 0 ? "lambda0/(1+" + s.decay() + " t)" : "none", s.alpha(),
                s.steps(), s.logEvery(), batch, testBatch, repeats);
    }

    /**
     * The five configurations of the authors' config.py (d, L, gamma, lambda0, schedule, alpha, steps, log_every,
     * n_repeats, initialisation, SGD batch_size / test_batch_size / eps, plotted runs), in the order of their
     * main.py; in quick mode the same with steps / 10, log period / 10 and 3 repeats.
     *
     * @param quick the reduced grid
     * @return the configurations, in the paper's order
     */
    public static List<RunConfig> paper(boolean quick) {
        int repeats = quick ? 3 : 30;
        int div = quick ? 10 : 1;
        SlrProblem big = SlrProblem.of(400, 10, GAMMA, EPS);
        SlrProblem sgdProblem = SlrProblem.of(80, 10, GAMMA, EPS);
        return List.of(
                new RunConfig("pgd-manifold", "PGD, init on M, lambda=0.1", big, Initialisation.MANIFOLD,
                        DescentSettings.of(0.1, false, 4e-3, 20_000 / div, 200 / div), 0, 0, repeats, List.of(0, 1)),
                new RunConfig("pgd-sphere-large", "PGD, init on sphere, lambda=0.9", big, Initialisation.SPHERE,
                        DescentSettings.of(SPHERE_LARGE_LAMBDA0, false, 1e-3, 120_000 / div, 300 / div), 0, 0,
                        repeats, List.of(0, 2)),
                new RunConfig("pgd-sphere-small", "PGD, init on sphere, lambda=0.1", big, Initialisation.SPHERE,
                        DescentSettings.of(0.1, false, 4e-3, 20_000 / div, 200 / div), 0, 0, repeats,
                        quick ? List.of(0, 1, 2) : List.of(5, 3, 12)),
                new RunConfig("pgd-sphere-schedule", "PGD, init on sphere, lambda_t=1/(1+1e-4 t)", big,
                        Initialisation.SPHERE, DescentSettings.of(1.0, true, 4e-3, 120_000 / div, 300 / div), 0, 0,
                        repeats, List.of(0, 2)),
                new RunConfig("sgd-sphere-schedule", "SGD (d=80, batch 5), init on sphere, lambda_t=2/(1+1e-4 t)",
                        sgdProblem, Initialisation.SPHERE,
                        DescentSettings.of(2.0, true, 1e-3, 200_000 / div, 500 / div), 5, 1000, repeats,
                        List.of(0, 1)));
    }
}
