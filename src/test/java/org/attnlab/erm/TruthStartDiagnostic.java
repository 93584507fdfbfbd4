package org.attnlab.erm;

import org.attnlab.audit.Seeds;
import org.attnlab.experiments.zucker2025.RateSetting;
import org.attnlab.experiments.zucker2025.Zucker2025Config;
import org.attnlab.experiments.zucker2025.Zucker2025Experiment;
import org.attnlab.experiments.zucker2025.Zucker2025Unit;
import org.attnlab.sampler.Dataset;
import org.attnlab.sampler.GroundTruth;
import org.attnlab.sampler.Sampler;

/**
 * Diagnostic of spec/estimator.md "Start strategy" (not a test): for zucker2025 units (d, M, seed) given as
 * argument triples, the audit estimator's training risk next to the risk of the same engine run from the truth's
 * A* = u* v*^T. Equal risks mean the fit is at the truth's basin: an excess over the noise level is then bias.
 */
public final class TruthStartDiagnostic {

    private TruthStartDiagnostic() {
    }

    public static void main(String[] args) {
        Zucker2025Config sweep = Zucker2025Config.fullGrid();
        for (int k = 0; k + 2 < args.length; k += 3) {
            int d = Integer.parseInt(args[k]);
            int m = Integer.parseInt(args[k + 1]);
            int seed = Integer.parseInt(args[k + 2]);
            Zucker2025Unit u = new Zucker2025Unit(new RateSetting(d, 3, 3), m, seed);
            GroundTruth truth = Zucker2025Experiment.truth(sweep, u, 1L);
            long ds = Seeds.forKey(1L, u.key());
            Dataset data = Sampler.sample(truth, m, ds, 1);
            AlternatingLeastSquares est = Zucker2025Experiment.estimator(sweep, u.setting());
            ErmResult fit = est.fit(data, ds);
            // A* = a (d x d, rank 1): u* = column of largest norm direction via power iteration on A A^T
            double[] a = truth.a();
            double[] uu = new double[d];
            double[] vv = new double[d];
            int best = 0;
            double bn = -1;
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int i = 0; i < d; i++) s += a[i * d + j] * a[i * d + j];
                if (s > bn) { bn = s; best = j; }
            }
            for (int i = 0; i < d; i++) uu[i] = a[i * d + best];
            double nu = 0;
            for (double x : uu) nu += x * x;
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int i = 0; i < d; i++) s += uu[i] * a[i * d + j];
                vv[j] = s / nu;
            }
            SplineGrid grid = est.grid(m);
            try (ErmEngine engine = new ErmEngine(data, 1, grid, est.model().ridge(), est.optimizer())) {
                ErmEngine.State s = new ErmEngine.State(d, 1, uu, vv);
                engine.run(s);
                System.out.printf(java.util.Locale.ROOT, "d=%d M=%d seed=%d fit %.6e truth-start %.6e (%s, %d it)%n", d, m, seed,
                        fit.trainingRisk(), s.risk, s.status, s.iterations);
            }
        }
    }
}
