package org.attnlab.experiments.zucker2025;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.attnlab.audit.Seeds;
import org.attnlab.erm.AlternatingLeastSquares;
import org.attnlab.erm.ErmResult;
import org.attnlab.sampler.Dataset;
import org.attnlab.sampler.GroundTruth;
import org.attnlab.sampler.Sampler;

/**
 * Driver of the local-minimum study of spec/estimator.md ("Start strategy"): on the zucker2025 audit's truth and
 * data (cube tokens, phi* a random B-spline of order 3 on 8 pieces of [-4, 4], N = 10, r = 1, sigma = 0.1,
 * master seed 1) it fits every (d, M, seed) with the audit's estimator and prints one CSV row per fit:
 * whether the training risk exceeds sigma^2 (1 + 3 sqrt(2 / (M N))), the noise rule (the empirical noise power
 * (1/(MN)) sum eps^2 has mean sigma^2 and standard deviation sigma^2 sqrt(2/(MN)) for Gaussian noise).
 *
 * <p>Not a test: run by hand, e.g.
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.attnlab.experiments.zucker2025.StartStudy
 * out.csv 1,5,30 250,500,1000 16 threads [starts]} (starts: the estimator's {@code withStarts}; absent or 0, the
 * estimator is the audit's as it stands). With starts given, a fit above the rule is re-run with every candidate
 * start run to convergence ({@code all_starts_risk}): if that is not lower, the excess is the model's bias at
 * this K, not a local minimum.
 */
public final class StartStudy {

    private StartStudy() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int[] dims = ints(args[1]);
        int[] sizes = ints(args[2]);
        int seeds = Integer.parseInt(args[3]);
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        int starts = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        Zucker2025Config sweep = Zucker2025Config.fullGrid();
        double sigma2 = sweep.noise() * sweep.noise();
        List<Zucker2025Unit> units = new ArrayList<>();
        for (int d : dims) {
            for (int m : sizes) {
                for (int s = 0; s < seeds; s++) {
                    units.add(new Zucker2025Unit(new RateSetting(d, 3, 3), m, s));
                }
            }
        }
        if (!Files.exists(out)) {
            Files.writeString(out, "d,M,seed,K,train_risk,threshold,above,start,iterations,status,seconds,all_starts_risk\n");
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<String>> rows = new ArrayList<>();
        for (Zucker2025Unit u : units) {
            rows.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                GroundTruth truth = Zucker2025Experiment.truth(sweep, u, 1L);
                long ds = Seeds.forKey(1L, u.key());
                Dataset data = Sampler.sample(truth, u.samples(), ds, 1);
                AlternatingLeastSquares est = Zucker2025Experiment.estimator(sweep, u.setting());
                if (starts > 0) {
                    est = est.withStarts(starts);
                }
                ErmResult fit = est.fit(data, ds);
                double threshold = sigma2 * (1.0 + 3.0 * Math.sqrt(2.0 / ((double) u.samples() * sweep.tokens())));
                double seconds = (System.nanoTime() - t0) / 1e9;
                // above the rule: is it a local minimum? run every candidate start to convergence
                double all = Double.NaN;
                if (fit.trainingRisk() > threshold && starts > 0) {
                    all = est.withStarts(1000).fit(data, ds).trainingRisk();
                }
                return String.format(Locale.ROOT, "%d,%d,%d,%d,%.6e,%.6e,%d,%d,%d,%s,%.2f,%.6e%n", u.setting().dimension(),
                        u.samples(), u.seed(), fit.grid().pieces(), fit.trainingRisk(), threshold,
                        fit.trainingRisk() > threshold ? 1 : 0, fit.start(), fit.iterations(), fit.status(),
                        seconds, all);
            }));
        }
        for (Future<String> f : rows) {
            String row = f.get();
            Files.writeString(out, row, StandardOpenOption.APPEND);
            System.out.print(row);
            System.out.flush();
        }
        pool.shutdown();
    }

    private static int[] ints(String s) {
        String[] parts = s.split(",");
        int[] v = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = Integer.parseInt(parts[i].trim());
        }
        return v;
    }
}
