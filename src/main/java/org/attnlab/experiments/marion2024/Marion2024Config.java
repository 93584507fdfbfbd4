package org.attnlab.experiments.marion2024;

import java.util.ArrayList;
import java.util.List;
import org.attnlab.slr.DescentSettings;

/**
 * The configuration of the marion2024 audit: the paper's five runs ({@link RunConfig#paper}), the long run from
 * the manifold, the dimension sweep and the Monte Carlo checks, and the units of its three families (longest
 * first, so that the pool stays busy). Pure data; {@link #of} gives the full and the quick configuration.
 *
 * @param configs the paper's configurations
 * @param longConfig the manifold run at {@link #LONG_FACTOR} x the paper's horizon
 * @param sweepDims the d of the dimension sweep
 * @param sweepRepeats repeats per d
 * @param sweepSteps base steps of the sweep
 * @param mcSamples Monte Carlo sequences per closed-form check
 * @param mcPoints the (lambda, pull) points of the checks
 * @param runUnits the trajectory units
 * @param sweepUnits the sweep units
 * @param checkUnits the closed-form check units
 */
public record Marion2024Config(List<RunConfig> configs, RunConfig longConfig, int[] sweepDims, int sweepRepeats,
                        int sweepSteps, int mcSamples, double[][] mcPoints, List<Marion2024Unit> runUnits,
                        List<Marion2024Unit> sweepUnits, List<Marion2024Unit> checkUnits) {

    /** Plot floor of the distance to M on the log axis. */
    static final double DISTANCE_FLOOR = 1e-20;
    /** Extended horizon (multiple of the paper's) for the convergence claim from M. */
    static final int LONG_FACTOR = 10;
    static final int[] SWEEP_DIMENSIONS = {25, 50, 100, 200, 400, 800, 1600, 3200};
    static final int[] SWEEP_DIMENSIONS_QUICK = {25, 100, 400};

    /** The full (or, with {@code quick}, the reduced) configuration. */
    public static Marion2024Config of(boolean quick) {
        List<RunConfig> configs = RunConfig.paper(quick);
        RunConfig manifold = configs.get(0);
        DescentSettings ms = manifold.settings();
        RunConfig longConfig = new RunConfig("pgd-manifold-long", manifold.title() + ", 10x steps",
                manifold.problem(), manifold.initialisation(),
                new DescentSettings(ms.lambda0(), ms.decay(), ms.alpha(), ms.steps() * LONG_FACTOR,
                        ms.logEvery() * LONG_FACTOR), 0, 0, manifold.repeats(), List.of());
        int[] dims = quick ? SWEEP_DIMENSIONS_QUICK : SWEEP_DIMENSIONS;
        int sweepRepeats = quick ? 2 : 10;
        int sweepSteps = quick ? 2_000 : 20_000;
        // Monte Carlo points: (lambda, pull) at the paper's (d, L, gamma, eps) = (400, 10, sqrt(.5), .1)
        double[][] mc = {{0.1, 0.0}, {0.1, 1.0}, {1.0, 0.5}, {1.0, 3.0}, {0.3, 1.5}};
        int mcSamples = quick ? 2_000 : 20_000;
        List<Marion2024Unit> units = new ArrayList<>();
        List<Marion2024Unit> sweepUnits = new ArrayList<>();
        List<Marion2024Unit> checkUnits = new ArrayList<>();
        // longest units first, so that the pool stays busy
        for (int pass = 0; pass < 2; pass++) {
            for (RunConfig c : configs) {
                if (c.sgd() == (pass == 0)) {
                    for (int r = 0; r < c.repeats(); r++) {
                        units.add(new Marion2024Unit("run", c.id(), 0, r));
                    }
                }
            }
            if (pass == 0) {
                for (int r = 0; r < longConfig.repeats(); r++) {
                    units.add(new Marion2024Unit("long", longConfig.id(), 0, r));
                }
            }
        }
        for (int d : dims) {
            for (int r = 0; r < sweepRepeats; r++) {
                sweepUnits.add(new Marion2024Unit("sweep", "dsweep", d, r));
            }
        }
        for (int i = 0; i < mc.length; i++) {
            checkUnits.add(new Marion2024Unit("mc", "closed-form", i, 0));
        }
        checkUnits.add(new Marion2024Unit("linear", "linear", 0, 0));
        return new Marion2024Config(configs, longConfig, dims, sweepRepeats, sweepSteps, mcSamples, mc, units, sweepUnits,
                checkUnits);
    }

    /**
     * The fingerprints of the three checkpoint files: trajectories, d sweep, closed-form checks. Each names
     * everything that changes its units' results, so a change of the sweep does not invalidate the trajectories.
     */
    String[] fingerprints(long seed, boolean quick) {
        Marion2024Config p = this;
        String head = "marion2024/2 seed=" + seed + " quick=" + quick;
        StringBuilder runs = new StringBuilder(head);
        for (RunConfig c : p.configs()) {
            runs.append(" | ").append(c.describe());
        }
        runs.append(" | ").append(p.longConfig().describe());
        String sweep = head + " | sweep d=" + java.util.Arrays.toString(p.sweepDims()) + " repeats="
                + p.sweepRepeats() + " baseSteps=" + p.sweepSteps() + " alpha=min(4e-3,1.6/d)"
                + " lambda=d^-1/4 L=10";
        String checks = head + " | mc n=" + p.mcSamples() + " points=" + java.util.Arrays.deepToString(p.mcPoints());
        return new String[] {runs.toString(), sweep, checks};
    }

    RunConfig find(String id) {
        for (RunConfig c : configs()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        throw new IllegalStateException("unknown configuration " + id);
    }

}
