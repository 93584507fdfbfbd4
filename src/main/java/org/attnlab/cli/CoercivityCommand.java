package org.attnlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.attnlab.coercivity.CoercivityEstimate;
import org.attnlab.coercivity.CoercivityEstimator;
import org.attnlab.erm.ErmResult;
import org.attnlab.erm.SplineGrid;
import org.attnlab.internal.Checks;
import org.attnlab.io.DatasetCsv;
import org.attnlab.io.FitJson;
import org.attnlab.io.GroundTruthJson;
import org.attnlab.io.Heap;
import org.attnlab.io.InputFiles;
import org.attnlab.sampler.GroundTruth;
import org.attnlab.sampler.Dataset;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code attnlab coercivity}: the coercivity constant of H = span{B_k(x^T A y)} on a data set's tokens
 * (arXiv 2510.11789, coercivity Lemma; {@code spec/error-and-coercivity.md}), with A from a truth file (A*) or a
 * fit file (U V^T). Prints JSON.
 */
@Command(name = "coercivity",
        mixinStandardHelpOptions = true,
        description = "Coercivity constant of span{B_k(x^T A y)} (arXiv 2510.11789) on a data set, with its "
                + "batch-means interval and a held-out check of the bound 1/(N-1); prints JSON.")
public final class CoercivityCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "Data set CSV (tokens are used, outputs ignored).")
    Path data;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** Where A comes from. */
    static final class Source {
        @Option(names = "--truth", description = "Ground-truth JSON: A = A*.")
        Path truth;

        @Option(names = "--fit", description = "Fit JSON: A = U V^T, and its spline grid by default.")
        Path fit;
    }

    @Option(names = "--degree", description = "Spline degree (default: the fit's, else 2).")
    Integer degree;

    @Option(names = "--pieces", description = "Pieces K (default: the fit's, else 8).")
    Integer pieces;

    @Option(names = "--radius", description = "Half-width R (default: the fit's, else the largest |training score|).")
    Double radius;

    @Option(names = "--batches", defaultValue = "20", description = "Batches for the interval (>= 4; default ${DEFAULT-VALUE}).")
    int batches;

    @Override
    public Integer call() {
        if (degree != null) {
            InputDomain.degree("--degree", degree);
        }
        if (pieces != null) {
            Checks.inRange("--pieces", pieces, 1, InputDomain.MAX_BASIS);
        }
        if (radius != null) {
            InputDomain.radius("--radius", radius);
        }
        CoercivityEstimator estimator = CoercivityEstimator.defaults().withBatches(batches);
        double[] a;
        SplineGrid fitGrid = null;
        Path aFile;
        GroundTruth truth = null;
        if (source.truth != null) {
            aFile = source.truth;
            truth = InputFiles.read("--truth", source.truth, GroundTruthJson::read);
            a = truth.a();
        } else {
            aFile = source.fit;
            ErmResult fit = InputFiles.read("--fit", source.fit, FitJson::read);
            a = fit.matrix();
            fitGrid = fit.grid();
        }
        Dataset set = InputDomain.readData("--data", data);
        int d = set.dimension();
        if (a.length != d * d) {
            throw new IllegalArgumentException(aFile + ": field dimension must equal the data's d = " + d + " ("
                    + data + "), got " + (int) Math.round(Math.sqrt(a.length)));
        }
        if (truth != null) {
            InputDomain.truthMatchesData(source.truth, truth, data, set);
        }
        int p = degree != null ? degree : fitGrid != null ? fitGrid.degree() : 2;
        int k = pieces != null ? pieces : fitGrid != null ? fitGrid.pieces() : 8;
        InputDomain.degree(degree != null ? "--degree" : "the fit's degree", p);
        double r;
        if (radius != null) {
            r = radius;
        } else if (fitGrid != null) {
            r = fitGrid.radius();
        } else {
            r = CoercivityEstimator.maxAbsScore(set, a);
            if (!(r > 0)) {
                throw Checks.fail("largest |training score|", "> 0 (A = 0 or zero tokens?)", r);
            }
        }
        InputDomain.radius(radius != null ? "--radius" : fitGrid != null ? "the fit's radius"
                : "the largest |training score|", r);
        InputDomain.basis(pieces != null ? "--pieces" : "the spline's K", k, p, set);
        double size = k + p;
        Heap.require("coercivity with K + p = " + (k + p), 8.0 * size * size * (2.0 * batches + 6));
        SplineGrid grid = SplineGrid.of(p, k, r);
        CoercivityEstimate e = estimator.estimate(set, a, grid);
        String cause = "the scores overflowed double precision (lower --radius or rescale the data)";
        InputDomain.finiteResult("the coercivity constant", e.constant(), cause);
        InputDomain.finiteResult("its standard error", e.standardError(), cause);
        InputDomain.finiteResult("the held-out constant", e.heldOut(), cause);
        ObjectNode node = new ObjectMapper().createObjectNode();
        node.put("constant", e.constant());
        node.put("standardError", e.standardError());
        node.put("lower", e.lower());
        node.put("upper", e.upper());
        node.put("heldOut", e.heldOut());
        node.put("heldOutStandardError", e.heldOutStandardError());
        node.put("heldOutLower", e.heldOutLower());
        node.put("heldOutUpper", e.heldOutUpper());
        node.put("bound", e.bound());
        node.put("normalised", e.normalised());
        node.put("basisSize", e.basisSize());
        node.put("singular", e.singular());
        node.put("degree", p);
        node.put("pieces", k);
        node.put("radius", r);
        node.put("samples", set.samples());
        node.put("tokensPerSample", set.tokensPerSample());
        PrintWriter o = spec.commandLine().getOut();
        o.print(FitJson.toJson(node));
        o.flush();
        return 0;
    }
}
