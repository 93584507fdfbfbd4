package org.attnlab.erm;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.attnlab.audit.Seeds;
import org.attnlab.experiments.zucker2025.RateSetting;
import org.attnlab.experiments.zucker2025.Zucker2025Config;
import org.attnlab.experiments.zucker2025.Zucker2025Experiment;
import org.attnlab.experiments.zucker2025.Zucker2025Unit;
import org.attnlab.sampler.Dataset;
import org.attnlab.sampler.GroundTruth;
import org.attnlab.sampler.Sampler;

/**
 * Driver of spec/estimator.md "Start strategy", continuation (not a test): for zucker2025 units (master seed 1,
 * setting d-P, the audit's truth, data and estimator) it fits each unit twice, without the continuation stage
 * ({@code withCoarsePieces(0)}) and with it (K_c = 2), and prints one CSV row per unit:
 * {@code d,M,seed, risk,cpu_s,start,iterations (K_c = 0), risk,cpu_s,start,iterations (K_c = 2)}; the risk is the
 * audit's first_train_risk (the estimator's own fit, before the local-minimum rule), CPU seconds of this thread.
 * Run by hand, e.g. {@code java -cp target/test-classes:target/classes:$(cat cp.txt)
 * org.attnlab.erm.ContinuationStudy 30 1000,4000 43,0-15 [P]}.
 */
public final class ContinuationStudy {

    private ContinuationStudy() {
    }

    public static void main(String[] args) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Zucker2025Config sweep = Zucker2025Config.fullGrid();
        int d = Integer.parseInt(args[0]);
        int pTrue = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        for (String ms : args[1].split(",")) {
            int m = Integer.parseInt(ms);
            for (String ss : args[2].split(",")) {
                int lo = Integer.parseInt(ss.split("-")[0]);
                int hi = Integer.parseInt(ss.contains("-") ? ss.split("-")[1] : ss);
                for (int seed = lo; seed <= hi; seed++) {
                    Zucker2025Unit unit = new Zucker2025Unit(new RateSetting(d, pTrue, pTrue), m, seed);
                    GroundTruth truth = Zucker2025Experiment.truth(sweep, unit, 1L);
                    long ds = Seeds.forKey(1L, unit.key());
                    Dataset data = Sampler.sample(truth, m, ds, 1);
                    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%d,%d,%d", d, m, seed));
                    for (int kc : new int[] {0, 2}) {
                        AlternatingLeastSquares est = Zucker2025Experiment.estimator(sweep, unit.setting())
                                .withCoarsePieces(kc);
                        long t = bean.getCurrentThreadCpuTime();
                        ErmResult fit = est.fit(data, ds);
                        double tb = (bean.getCurrentThreadCpuTime() - t) / 1e9;
                        sb.append(String.format(Locale.ROOT, ",%.17g,%.3f,%d,%d", fit.trainingRisk(), tb,
                                fit.start(), fit.iterations()));
                    }
                    System.out.println(sb);
                }
            }
        }
    }
}
