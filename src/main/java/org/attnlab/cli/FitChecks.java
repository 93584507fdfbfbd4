package org.attnlab.cli;

import java.nio.file.Path;
import org.attnlab.erm.ErmResult;
import org.attnlab.erm.ErrorEstimate;
import org.attnlab.erm.SplineGrid;
import org.attnlab.io.Heap;
import org.attnlab.sampler.Dataset;
import picocli.CommandLine.Model.CommandSpec;

/** The input-domain checks of {@code attnlab fit}, kept apart from the command's defaults. */
final class FitChecks {

    private FitChecks() {
    }

    /** The options alone, before any file is read. */
    static void options(CommandSpec spec, Path out, Path data, Path truth, int degree, double radius, int pieces,
                        int threads) {
        InputDomain.outputFile("--out", out, "--data", data);
        if (truth != null) {
            InputDomain.outputFile("--out", out, "--truth", truth);
        }
        InputDomain.degree("--degree", degree);
        InputDomain.radius("--radius", radius);
        InputDomain.threads("--threads", threads);
        if (pieces > InputDomain.MAX_BASIS) {
            throw org.attnlab.internal.Checks.fail("--pieces", "<= " + InputDomain.MAX_BASIS
                    + " (the largest Gram matrix one array holds)", pieces);
        }
        InputDomain.onlyWhen(spec, pieces == 0, "only with --pieces 0 (the automatic K)", "--c0", "--beta");
    }

    /**
     * The spline basis against the number of training scores, and the memory of the fit: the data (held),
     * the score arrays P, Q (2 M N r doubles), and per thread plus one the phi-step Gram matrix ((K + p)^2) and
     * the Gauss-Newton normal matrix ((2 d r)^2).
     */
    static void size(Dataset set, SplineGrid grid, String what, int rank, int threads) {
        InputDomain.basis(what, grid.pieces(), grid.degree(), set);
        double n = grid.size();
        double q = 2.0 * set.dimension() * rank;
        double bytes = 8.0 * (2.0 * set.samples() * set.tokensPerSample() * rank
                + (threads + 2.0) * (n * n + q * q + n + q));
        Heap.require("fit of " + set.samples() + " samples with K + p = " + grid.size() + ", rank " + rank, bytes);
    }

    /** A fit whose risk, matrix or coefficients are not finite is an error, never written. */
    static ErmResult finite(ErmResult fit) {
        String cause = "the data or options overflowed double precision (rescale the data, or lower --radius)";
        InputDomain.finiteResult("the training risk", fit.trainingRisk(), cause);
        InputDomain.finiteResult("u", fit.u(), cause);
        InputDomain.finiteResult("v", fit.v(), cause);
        InputDomain.finiteResult("the spline coefficients", fit.coefficients(), cause);
        return fit;
    }

    /** The composed error must be finite. */
    static void finite(ErrorEstimate e) {
        String cause = "the fit or the truth overflowed double precision";
        InputDomain.finiteResult("the composed error", e.absolute(), cause);
        InputDomain.finiteResult("the truth's norm", e.truthNorm(), cause);
        if (e.truthNorm() > 0) {
            InputDomain.finiteResult("the relative composed error", e.relative(), cause);
        }
    }
}
