package org.attnlab.erm;

import java.nio.file.Path;
import java.util.Locale;
import org.attnlab.io.DatasetCsv;
import org.attnlab.io.GroundTruthJson;
import org.attnlab.sampler.Dataset;
import org.attnlab.sampler.GroundTruth;

/**
 * Driver of spec/estimator.md "Choosing K" (measured): on a data set written by {@code attnlab sample} it runs
 * the held-out choice of K with {@code fit}'s defaults (ridge {@link PiecesSelection#GUARD_RIDGE}), then fits
 * every K of a grid on all samples, with that ridge and with none ({@code fit --pieces K}), and prints each K's
 * relative composed error (fresh pairs, {@code fit}'s seed), the best K and the ratio chosen / best.
 *
 * <p>Not a test: run by hand, e.g. {@code java -cp target/test-classes:target/classes:$(cat cp.txt)
 * org.attnlab.erm.PiecesStudy DIR 2,3,4,6,8,12,16,24,32,48 [threads]} (DIR holds data.csv and truth.json).
 */
public final class PiecesStudy {

    private PiecesStudy() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        String[] grid = args[1].split(",");
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        long seed = 1L;
        Dataset data = DatasetCsv.read(dir.resolve("data.csv"));
        GroundTruth truth = GroundTruthJson.read(dir.resolve("truth.json"));
        // fit's default without --pieces: the guard ridge; "best K" is reported for both ridges
        AlternatingLeastSquares est = AlternatingLeastSquares.defaults().withThreads(threads)
                .withRidge(PiecesSelection.GUARD_RIDGE);
        AlternatingLeastSquares plain = AlternatingLeastSquares.defaults().withThreads(threads);
        long t0 = System.nanoTime();
        PiecesSelection.Choice choice = PiecesSelection.choose(est, data, 5, seed);
        double chooseSeconds = (System.nanoTime() - t0) * 1e-9;
        System.out.println(dir + " M=" + data.samples() + " d=" + data.dimension() + " choice: " + choice.describe()
                + String.format(Locale.ROOT, " (%.1f s)", chooseSeconds));
        ErmResult chosenFit = est.withPieces(choice.pieces()).fit(data, seed);
        double chosenError = ComposedError.defaults().estimate(chosenFit, truth, seed).relative();
        double[] best = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        int[] bestK = new int[2];
        AlternatingLeastSquares[] both = {est, plain};
        for (String g : grid) {
            int k = Integer.parseInt(g.trim());
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  K=%d", k));
            for (int b = 0; b < 2; b++) {
                ErmResult fit = both[b].withPieces(k).fit(data, seed);
                ErrorEstimate e = ComposedError.defaults().estimate(fit, truth, seed);
                row.append(String.format(Locale.ROOT, " | ridge %s: relative %.4e (se %.1e)",
                        b == 0 ? "1e-6" : "0", e.relative(), e.relativeStandardError()));
                if (e.relative() < best[b]) {
                    best[b] = e.relative();
                    bestK[b] = k;
                }
            }
            System.out.println(row);
        }
        System.out.println(String.format(Locale.ROOT,
                "RESULT %s | M=%d d=%d | chosen K=%d rel %.3e | best K (ridge 1e-6) %d rel %.3e ratio %.2f"
                        + " | best K (ridge 0) %d rel %.3e ratio %.2f | choice %.0f s",
                dir, data.samples(), data.dimension(), choice.pieces(), chosenError, bestK[0], best[0],
                chosenError / best[0], bestK[1], best[1], chosenError / best[1], chooseSeconds));
    }
}
