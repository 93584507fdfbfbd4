package org.attnlab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.attnlab.erm.AlternatingLeastSquares;
import org.attnlab.erm.ComposedError;
import org.attnlab.erm.ErmResult;
import org.attnlab.erm.ErrorEstimate;
import org.attnlab.erm.ModelSettings;
import org.attnlab.erm.OptimizerSettings;
import org.attnlab.erm.PiecesSelection;
import org.attnlab.internal.Checks;
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
                + "write the estimate as JSON; with --truth, print the composed error. Without --pieces, K is "
                + "chosen by held-out risk over samples (printed), with a ridge of 1e-6 unless --ridge is given.")
public final class FitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "Data set CSV (from 'attnlab sample').")
    Path data;

    @Option(names = "--out", required = true, description = "Output JSON file of the fit.")
    Path out;

    @Option(names = "--truth", description = "Ground-truth JSON (from 'attnlab sample'): print the composed error.")
    Path truth;

    @Option(names = "--rank", description = "r, the rank of A = U V^T (default ${DEFAULT-VALUE}).")
    int rank = ModelSettings.DEFAULT.rank();

    @Option(names = "--degree", description = "Spline degree p (order p+1; default ${DEFAULT-VALUE}).")
    int degree = ModelSettings.DEFAULT.degree();

    @Option(names = "--pieces",
            description = "K pieces of [-R, R]. Absent: K is chosen by --folds-fold held-out risk over samples "
                    + "(printed); 0: the rate rule ceil(c0 (M/log M)^(1/(2 beta+1))).")
    Integer pieces;

    @Option(names = "--folds", description = "Folds of the held-out choice of K when --pieces is absent (default ${DEFAULT-VALUE}).")
    int folds = DEFAULT_FOLDS;

    @Option(names = "--c0", defaultValue = "1", description = "c0 of the rate rule --pieces 0 (default ${DEFAULT-VALUE}).")
    double c0;

    @Option(names = "--beta", description = "beta of the rate rule --pieces 0 (default: the degree p).")
    Double beta;

    @Option(names = "--radius", description = "R: the scores are rescaled to fill [-R, R] (default ${DEFAULT-VALUE}).")
    double radius = ModelSettings.DEFAULT.radius();

    @Option(names = "--ridge", description = "Ridge penalty on the coefficients (default: 0 with --pieces, "
            + "1e-6 when K is chosen by held-out risk).")
    Double ridge;

    @Option(names = "--max-iterations", description = "Iterations per start (default ${DEFAULT-VALUE}).")
    int maxIterations = OptimizerSettings.DEFAULT.maxIterations();

    @Option(names = "--tolerance", description = "Relative risk decrease to stop (default ${DEFAULT-VALUE}).")
    double tolerance = OptimizerSettings.DEFAULT.tolerance();

    @Option(names = "--starts", description = "Candidate starts run to convergence, the best by screening risk (default ${DEFAULT-VALUE}).")
    int starts = OptimizerSettings.DEFAULT.starts();

    @Option(names = "--random-starts", description = "Random candidate starts (default ${DEFAULT-VALUE}).")
    int randomStarts = OptimizerSettings.DEFAULT.randomStarts();

    @Option(names = "--no-spectral", description = "Skip the moment (spectral) candidate starts.")
    boolean noSpectral;

    @Option(names = "--coarse-pieces", description = "K_c of the continuation stage: the screened starts first run on "
            + "K_c pieces over the first 1000 samples, the best goes on to K; 0 turns it off (default ${DEFAULT-VALUE}).")
    int coarsePieces = OptimizerSettings.DEFAULT.coarsePieces();

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random starts and of the error Monte Carlo (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", description = "Worker threads (>= 1; same bytes for any value; default ${DEFAULT-VALUE}).")
    int threads = OptimizerSettings.DEFAULT.threads();

    /** Folds of the held-out choice of K. */
    static final int DEFAULT_FOLDS = 5;

    @Override
    public Integer call() {
        Checks.notNull("--data", data);
        FitChecks.options(spec, out, data, truth, degree, radius, pieces == null ? 0 : pieces, threads);
        InputDomain.onlyWhen(spec, pieces != null && pieces == 0, "only with --pieces 0 (the automatic K)", "--c0",
                "--beta");
        InputDomain.onlyWhen(spec, pieces == null, "only without --pieces (the held-out choice of K)", "--folds");
        double penalty = ridge != null ? ridge
                : pieces == null ? PiecesSelection.GUARD_RIDGE : ModelSettings.DEFAULT.ridge();
        AlternatingLeastSquares solver = AlternatingLeastSquares.of(
                        new ModelSettings(rank, degree, pieces == null ? 0 : pieces, radius, penalty),
                        new OptimizerSettings(maxIterations, tolerance, OptimizerSettings.DEFAULT.damping(), starts,
                                randomStarts, !noSpectral, threads, coarsePieces))
                .withPiecesConstant(c0).withSmoothness(beta == null ? Double.NaN : beta);
        GroundTruth g = truth == null ? null : InputFiles.read("--truth", truth, GroundTruthJson::read);
        Dataset set = InputDomain.readData("--data", data);
        if (g != null) {
            InputDomain.truthMatchesData(truth, g, data, set);
        }
        PrintWriter o = spec.commandLine().getOut();
        PiecesSelection.Choice choice = null;
        if (pieces == null) {
            Checks.inRange("--folds", folds, 2, Math.max(2, set.samples()));
            choice = PiecesSelection.choose(solver, set, folds, seed);
            o.println("pieces: " + choice.describe());
            o.println(String.format(Locale.ROOT, "ridge: %s%s", penalty, ridge != null ? " (--ridge)"
                    : " (guard on the outermost pieces' coefficients when K is chosen; --ridge overrides)"));
            solver = solver.withPieces(choice.pieces());
        }
        FitChecks.size(set, solver.grid(set.samples()), pieces == null ? "the held-out choice of K"
                : pieces > 0 ? "--pieces" : "the automatic K (--c0, --beta)", rank, threads);
        ErmResult fit = FitChecks.finite(solver.fit(set, seed));
        ObjectNode node = FitJson.toNode(fit);
        node.put("data", data.toString());
        node.put("seed", seed);
        if (choice != null) {
            ObjectNode k = node.putObject("piecesChoice");
            k.put("rule", "lowest " + choice.folds() + "-fold held-out risk over samples");
            k.put("pieces", choice.pieces());
            k.put("folds", choice.folds());
            k.put("ridge", penalty);
            ArrayNode rows = k.putArray("candidates");
            for (int c = 0; c < choice.candidates().length; c++) {
                ObjectNode row = rows.addObject();
                row.put("pieces", choice.candidates()[c]);
                row.put("heldOutRisk", choice.heldOutRisk()[c]);
                row.put("standardError", choice.standardError()[c]);
            }
        }
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
