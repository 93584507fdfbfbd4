package org.attnlab.erm;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.attnlab.io.DatasetCsv;
import org.attnlab.io.GroundTruthJson;
import org.attnlab.sampler.Dataset;
import org.attnlab.sampler.GroundTruth;

/** Diagnostic (not a test): one fold fit's coefficients and training pairs per piece. Args: DIR K fold. */
public final class EdgeDiagnostic {

    private EdgeDiagnostic() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int k = Integer.parseInt(args[1]);
        int fold = Integer.parseInt(args[2]);
        Dataset data = DatasetCsv.read(dir.resolve("data.csv"));
        GroundTruth truth = GroundTruthJson.read(dir.resolve("truth.json"));
        Dataset train = fold < 0 ? data : PiecesSelection.split(data, 5, fold, false);
        ErmResult fit = AlternatingLeastSquares.defaults().withPieces(k).fit(train, 1L);
        int n = train.tokensPerSample();
        int d = train.dimension();
        double[] x = train.tokens();
        int[] count = new int[k];
        double r = fit.grid().radius();
        for (int s = 0; s < train.samples(); s++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (i != j) {
                        double sc = fit.score(x, (s * n + i) * d, x, (s * n + j) * d);
                        int p = (int) Math.min(k - 1, Math.floor((sc + r) * k / (2 * r)));
                        count[Math.max(0, p)]++;
                    }
                }
            }
        }
        System.out.println("risk " + fit.trainingRisk() + " status " + fit.status() + " start " + fit.start()
                + " startRisks " + Arrays.toString(fit.startRisks()) + " iters " + fit.iterations());
        System.out.println("rel " + ComposedError.defaults().estimate(fit, truth, 1L).relative());
        StringBuilder sb = new StringBuilder("coef");
        for (double c : fit.coefficients()) {
            sb.append(String.format(Locale.ROOT, " %.3g", c));
        }
        System.out.println(sb);
        System.out.println("pairs per piece " + Arrays.toString(count));
    }
}
