package org.attnlab.erm;

import java.nio.file.Path;
import java.util.Locale;
import org.attnlab.io.DatasetCsv;
import org.attnlab.io.GroundTruthJson;
import org.attnlab.sampler.Dataset;
import org.attnlab.sampler.GroundTruth;

/**
 * Diagnostic (not a test): per K, the held-out risk of each fold, the pair-level disagreement of the fold fits
 * (mean over the data's pairs of the variance over folds of g_hat), and the full fit's relative composed error.
 * Args: DIR K1,K2,... [threads [ridge]]. One CSV row per K.
 */
public final class PiecesFoldDiagnostic {

    private PiecesFoldDiagnostic() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        String[] grid = args[1].split(",");
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        double ridge = args.length > 3 ? Double.parseDouble(args[3]) : 0.0;
        Dataset data = DatasetCsv.read(dir.resolve("data.csv"));
        GroundTruth truth = GroundTruthJson.read(dir.resolve("truth.json"));
        AlternatingLeastSquares est = AlternatingLeastSquares.defaults().withThreads(threads).withRidge(ridge);
        int folds = 5;
        int m = data.samples();
        int n = data.tokensPerSample();
        int d = data.dimension();
        double[] x = data.tokens();
        System.out.println("K,ho0,ho1,ho2,ho3,ho4,cv,disagreement,full_rel,full_rel_se,full_risk,fold_rel_mean,seconds");
        for (String g : grid) {
            long t0 = System.nanoTime();
            int k = Integer.parseInt(g.trim());
            StringBuilder sb = new StringBuilder(Integer.toString(k));
            double sum = 0;
            ErmResult[] fits = new ErmResult[folds];
            double foldRel = 0;
            for (int f = 0; f < folds; f++) {
                Dataset train = PiecesSelection.split(data, folds, f, false);
                Dataset test = PiecesSelection.split(data, folds, f, true);
                fits[f] = est.withPieces(k).fit(train, 1L);
                double h = PiecesSelection.sumOfSquaredErrors(fits[f], test) / (test.samples() * n);
                sum += h;
                foldRel += ComposedError.defaults().estimate(fits[f], truth, 1L).relative() / folds;
                sb.append(String.format(Locale.ROOT, ",%.8e", h));
            }
            double dis = 0;
            long pairs = 0;
            double[] val = new double[folds];
            for (int s = 0; s < m; s++) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        if (i == j) {
                            continue;
                        }
                        double mean = 0;
                        for (int f = 0; f < folds; f++) {
                            val[f] = fits[f].activation(fits[f].score(x, (s * n + i) * d, x, (s * n + j) * d));
                            mean += val[f] / folds;
                        }
                        double v = 0;
                        for (int f = 0; f < folds; f++) {
                            v += (val[f] - mean) * (val[f] - mean);
                        }
                        dis += v / (folds - 1);
                        pairs++;
                    }
                }
            }
            ErmResult full = est.withPieces(k).fit(data, 1L);
            ErrorEstimate e = ComposedError.defaults().estimate(full, truth, 1L);
            sb.append(String.format(Locale.ROOT, ",%.8e,%.6e,%.6e,%.3e,%.8e,%.6e,%.1f", sum / folds, dis / pairs,
                    e.relative(), e.relativeStandardError(), full.trainingRisk(), foldRel,
                    (System.nanoTime() - t0) * 1e-9));
            System.out.println(sb);
        }
    }
}
