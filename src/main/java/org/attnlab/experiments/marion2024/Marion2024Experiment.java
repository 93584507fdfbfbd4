package org.attnlab.experiments.marion2024;

import org.attnlab.audit.Row;
import org.attnlab.slr.Overlaps;
import org.attnlab.slr.PopulationRisk;
import org.attnlab.slr.SlrProblem;

/**
 * One unit of the marion2024 audit as a pure function of (configuration, unit, the unit's seed), on the
 * experiments of {@link Experiments}: a trajectory, a point of the d sweep, or a Monte Carlo check.
 */
public final class Marion2024Experiment {

    private Marion2024Experiment() {
    }

    /** The row of one unit (its seed: {@code Seeds.forKey(master, unit.key())}). */
    public static Row run(Marion2024Config p, Marion2024Unit u, long seed) {
        Row.Builder b = Row.builder().put("key", u.key());
        switch (u.kind()) {
            case "run" -> TrajectoryCodec.put(b, Experiments.run(p.find(u.config()), seed));
            case "long" -> TrajectoryCodec.put(b, Experiments.run(p.longConfig(), seed));
            case "sweep" -> {
                double[] r = Experiments.sweepPoint(u.index(), 10, p.sweepSteps(), seed);
                b.put("excess", r[0]).put("kappa", r[1]).put("nu", r[2]).put("optimum", r[3]);
            }
            case "mc" -> {
                double[] pt = p.mcPoints()[u.index()];
                double[] r = Experiments.monteCarloCheck(paperProblem(), pt[0], pt[1], p.mcSamples(), seed);
                b.put("closed", r[0]).put("mc", r[1]).put("se", r[2]);
            }
            case "linear" -> {
                double[] r = Experiments.linearCheck(paperProblem(), p.mcSamples(), seed);
                b.put("closed", r[0]).put("mc", r[1]).put("se", r[2]);
            }
            default -> throw new IllegalStateException("unknown unit kind " + u.kind());
        }
        return b.build();
    }

    static SlrProblem paperProblem() {
        return SlrProblem.of(400, 10, RunConfig.GAMMA, RunConfig.EPS);
    }

    /** Excess risk at the optimum (k*, v*) with scale lambda. */
    static double optimumExcess(SlrProblem problem, double lambda) {
        return PopulationRisk.of(problem).value(new Overlaps(1, 1, 0, 0, 0), lambda) - problem.bayesRisk();
    }
}
