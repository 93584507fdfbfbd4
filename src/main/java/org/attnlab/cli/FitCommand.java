package org.attnlab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.attnlab.erm.AlternatingLeastSquares;
import org.attnlab.erm.ComposedError;
import org.attnlab.erm.ErmResult;
import org.attnlab.erm.ErrorEstimate;
import org.attnlab.internal.Checks;
import org.attnlab.io.DatasetCsv;
import org.attnlab.io.FitJson;
import org.attnlab.io.GroundTruthJson;
import org.attnlab.io.InputFiles;
import org.attnlab.sampler.Dataset;
import org.attnlab.sampler.GroundTruth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code attnlab fit}: least-squares ERM of g(x, y) = phi(x^T U V^T y) on a data set written by {@code sample}
 * (arXiv 2510.11789; algorithm in {@code spec/estimator.md}); writes the estimate as JSON (atomically, after
 * everything is computed) and, given the truth file, prints and records the composed error
 * ||g_hat - g*||^2 in L2(rho) (Monte Carlo on fresh pairs, {@code spec/error-and-coercivity.md}).
 */
@Command(name = "fit",
        mixinStandardHelpOptions = true,
        description = "Fit the pairwise-interaction ERM (arXiv 2510.11789) by alternating least squares; "
                + "write the estimate as JSON; with --truth, print the composed error.")
public final class FitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "Data set CSV (from 'attnlab sample').")
    Path data;

    @Option(names = "--out", required = true, description = "Output JSON file of the fit.")
    Path out;

    @Option(names = "--truth", description = "Ground-truth JSON (from 'attnlab sample'): print the composed error.")
    Path truth;

    @Option(names = "--rank", defaultValue = "1", description = "r, the rank of A = U V^T (default ${DEFAULT-VALUE}).")
    int rank;

    @Option(names = "--degree", defaultValue = "2", description = "Spline degree p (order p+1; default ${DEFAULT-VALUE}).")
    int degree;

    @Option(names = "--pieces", defaultValue = "0",
            description = "K pieces of [-R, R]; 0 = ceil(c0 (M/log M)^(1/(2 beta+1))) (default ${DEFAULT-VALUE}).")
    int pieces;

    @Option(names = "--c0", defaultValue = "1", description = "c0 of the automatic K (default ${DEFAULT-VALUE}).")
    double c0;

    @Option(names = "--beta", description = "beta of the automatic K (default: the degree p).")
    Double beta;

    @Option(names = "--radius", defaultValue = "1", description = "R: the scores are rescaled to fill [-R, R] (default ${DEFAULT-VALUE}).")
    double radius;

    @Option(names = "--ridge", defaultValue = "0", description = "Ridge penalty on the coefficients (default ${DEFAULT-VALUE}).")
    double ridge;

    @Option(names = "--max-iterations", defaultValue = "100", description = "Iterations per start (default ${DEFAULT-VALUE}).")
    int maxIterations;

    @Option(names = "--tolerance", defaultValue = "1e-10", description = "Relative risk decrease to stop (default ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--random-starts", defaultValue = "2", description = "Random starts (default ${DEFAULT-VALUE}).")
    int randomStarts;

    @Option(names = "--no-spectral", description = "Skip the moment (spectral) start.")
    boolean noSpectral;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random starts and of the error Monte Carlo (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", defaultValue = "1", description = "Worker threads (>= 1; same bytes for any value).")
    int threads;

    @Override
    public Integer call() {
        Checks.notNull("--data", data);
        FitChecks.options(spec, out, data, truth, degree, radius, pieces, threads);
        AlternatingLeastSquares solver = AlternatingLeastSquares.defaults()
                .withRank(rank).withDegree(degree).withPieces(pieces).withPiecesConstant(c0)
                .withSmoothness(beta == null ? Double.NaN : beta).withRadius(radius).withRidge(ridge)
                .withMaxIterations(maxIterations).withTolerance(tolerance).withRandomStarts(randomStarts)
                .withSpectralStart(!noSpectral).withThreads(threads);
        GroundTruth g = truth == null ? null : InputFiles.read("--truth", truth, GroundTruthJson::read);
        Dataset set = InputDomain.readData("--data", data);
        if (g != null) {
            InputDomain.truthMatchesData(truth, g, data, set);
        }
        FitChecks.size(set, solver.grid(set.samples()), pieces > 0 ? "--pieces" : "the automatic K (--c0, --beta)",
                rank, threads);
        ErmResult fit = FitChecks.finite(solver.fit(set, seed));
        ObjectNode node = FitJson.toNode(fit);
        node.put("data", data.toString());
        node.put("seed", seed);
        PrintWriter o = spec.commandLine().getOut();
        o.println(String.format(Locale.ROOT, "fit: status=%s iterations=%d trainingRisk=%.6e K=%d start=%d (%.3f s)",
                fit.status(), fit.iterations(), fit.trainingRisk(), fit.grid().pieces(), fit.start(),
                fit.nanos() * 1e-9));
        if (g != null) {
            ErrorEstimate e = ComposedError.defaults().estimate(fit, g, seed);
            FitChecks.finite(e);
            ObjectNode err = node.putObject("composedError");
            err.put("absolute", e.absolute());
            err.put("absoluteStandardError", e.absoluteStandardError());
            err.put("relative", e.relative());
            err.put("relativeStandardError", e.relativeStandardError());
            err.put("truthNorm", e.truthNorm());
            err.put("pairs", e.pairs());
            o.println(String.format(Locale.ROOT,
                    "composed error: %.6e (se %.2e), relative %.6e (se %.2e), %d fresh pairs",
                    e.absolute(), e.absoluteStandardError(), e.relative(), e.relativeStandardError(), e.pairs()));
        }
        FitJson.write(out, node);
        o.println("wrote " + out);
        o.flush();
        return 0;
    }
}
