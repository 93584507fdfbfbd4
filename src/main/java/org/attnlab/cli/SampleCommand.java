package org.attnlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.attnlab.internal.Checks;
import org.attnlab.io.DataScale;
import org.attnlab.io.DatasetCsv;
import org.attnlab.io.GroundTruthJson;
import org.attnlab.sampler.Activation;
import org.attnlab.sampler.BSplineActivation;
import org.attnlab.sampler.Dataset;
import org.attnlab.sampler.ExchangeableTokens;
import org.attnlab.sampler.GaussianNoise;
import org.attnlab.sampler.GaussianTokens;
import org.attnlab.sampler.GroundTruth;
import org.attnlab.sampler.IndependentTokenLaw;
import org.attnlab.sampler.Sampler;
import org.attnlab.sampler.StandardActivation;
import org.attnlab.sampler.TokenLaw;
import org.attnlab.sampler.TruthGenerator;
import org.attnlab.sampler.UniformCube;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code attnlab sample}: draws a model-A ground truth and data set (arXiv 2510.11789) and writes
 * {@code DIR/data.csv} and {@code DIR/truth.json} (formats in {@code spec/data-format.md}). Every option is
 * validated, the truth and data are computed in memory, and only then are the files written (atomically),
 * so bad input writes nothing.
 */
@Command(name = "sample",
        mixinStandardHelpOptions = true,
        description = "Draw a model-A data set (arXiv 2510.11789): Y_i = 1/(N-1) sum_{j!=i} phi*(X_i^T A* X_j) + eta_i; "
                + "writes DIR/data.csv and DIR/truth.json.")
public final class SampleCommand implements Callable<Integer> {

    /** Token laws. */
    enum Law { CUBE, GAUSSIAN, EXCHANGEABLE }

    /** Laws of Z and W of exchangeable tokens. */
    enum Base { CUBE, GAUSSIAN }

    /** Activations. */
    enum Phi { BSPLINE, RELU, ABS, TANH, SIN, SOFTPLUS, EXP }

    @Spec
    CommandSpec spec;

    @Option(names = "--samples", required = true, description = "M, the number of samples (>= 1).")
    int samples;

    @Option(names = "--tokens", defaultValue = "10", description = "N, tokens per sample (>= 2; default ${DEFAULT-VALUE}).")
    int tokens;

    @Option(names = "--dim", required = true, description = "d, the token dimension (>= 1).")
    int dim;

    @Option(names = "--rank", defaultValue = "1", description = "r, the rank of A* (1..d; default ${DEFAULT-VALUE}).")
    int rank;

    @Option(names = "--singular-values", split = ",",
            description = "s_1..s_r of A* before normalisation (> 0; default all 1).")
    List<Double> singularValues;

    @Option(names = "--law", defaultValue = "cube",
            description = "Token law: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Law law;

    @Option(names = "--eigenvalues", split = ",",
            description = "Eigenvalues of Sigma for gaussian tokens, or for the gaussian base of exchangeable tokens "
                    + "(axis-aligned; default all 1, isotropic).")
    List<Double> eigenvalues;

    @Option(names = "--tau", defaultValue = "0.5",
            description = "Shared fraction tau in [0, 1] of exchangeable tokens (default ${DEFAULT-VALUE}).")
    double tau;

    @Option(names = "--base", defaultValue = "cube",
            description = "Law of Z_i and W for exchangeable tokens: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Base base;

    @Option(names = "--activation", defaultValue = "bspline",
            description = "phi*: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Phi activation;

    @Option(names = "--order", defaultValue = "3", description = "B-spline order P (degree P-1, beta = P-1; default ${DEFAULT-VALUE}).")
    int order;

    @Option(names = "--pieces", defaultValue = "8", description = "B-spline pieces K on [-R, R] (default ${DEFAULT-VALUE}).")
    int pieces;

    @Option(names = "--range", defaultValue = "4", description = "B-spline half-width R (default ${DEFAULT-VALUE}).")
    double range;

    @Option(names = "--coefficients", split = ",",
            description = "B-spline coefficients (K + P - 1 of them; default random N(0,1) from the seed).")
    List<Double> coefficients;

    @Option(names = "--exponent", defaultValue = "1.5", description = "Exponent a of |u|^a (default ${DEFAULT-VALUE}).")
    double exponent;

    @Option(names = "--noise", defaultValue = "0.1", description = "Noise standard deviation sigma >= 0 (default ${DEFAULT-VALUE}).")
    double noise;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of A*, phi* and the data (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, description = "Output directory (created if missing).")
    Path out;

    @Option(names = "--threads", defaultValue = "1", description = "Worker threads (>= 1; same bytes for any value).")
    int threads;

    @Override
    public Integer call() {
        validate();
        TokenLaw tokenLaw = tokenLaw();
        Activation phi = phi();
        GroundTruth truth = TruthGenerator.generate(tokenLaw, rank, toArray("--singular-values", singularValues), phi,
                GaussianNoise.of(noise), tokens, seed);
        Dataset data = Sampler.sample(truth, samples, threads);
        Path dataFile = out.resolve("data.csv");
        Path truthFile = out.resolve("truth.json");
        DataScale.check(dataFile + " (as sampled)", data);
        Outputs.writeSet(out, "sample", () -> {
            DatasetCsv.write(dataFile, data);
            GroundTruthJson.write(truthFile, truth);
        });
        PrintWriter o = spec.commandLine().getOut();
        o.println("wrote " + dataFile + " (M=" + samples + ", N=" + tokens + ", d=" + dim + ") and " + truthFile);
        o.flush();
        return 0;
    }

    /** Every option against its domain, and the memory the run needs, before any work. */
    private void validate() {
        InputDomain.outputDirectory("--out", out);
        Checks.positive("--samples", samples);
        Checks.atLeast("--tokens", tokens, 2);
        Checks.positive("--dim", dim);
        Checks.inRange("--rank", rank, 1, dim);
        InputDomain.threads("--threads", threads);
        InputDomain.scale("--noise", noise, true);
        InputDomain.onlyWhen(spec, law == Law.EXCHANGEABLE, "only with --law exchangeable", "--tau", "--base");
        InputDomain.onlyWhen(spec, law == Law.GAUSSIAN || law == Law.EXCHANGEABLE && base == Base.GAUSSIAN,
                "only with --law gaussian, or --law exchangeable --base gaussian", "--eigenvalues");
        InputDomain.onlyWhen(spec, activation == Phi.BSPLINE, "only with --activation bspline",
                "--order", "--pieces", "--range", "--coefficients");
        InputDomain.onlyWhen(spec, activation == Phi.ABS, "only with --activation abs", "--exponent");
        if (activation == Phi.BSPLINE) {
            Checks.inRange("--order", order, 1, InputDomain.MAX_DEGREE + 1);
            Checks.inRange("--pieces", pieces, 1, InputDomain.MAX_BASIS - order);
            InputDomain.radius("--range", range);
        }
        if (activation == Phi.ABS && !(exponent > 0 && exponent <= 64)) {
            throw Checks.fail("--exponent", "in (0, 64]", exponent);
        }
        if (singularValues != null) {
            for (int k = 0; k < singularValues.size(); k++) {
                InputDomain.scale("--singular-values[" + k + "]", singularValues.get(k), false);
            }
        }
        if (eigenvalues != null) {
            for (int k = 0; k < eigenvalues.size(); k++) {
                InputDomain.scale("--eigenvalues[" + k + "]", eigenvalues.get(k), false);
            }
        }
        InputDomain.dataSize(String.format(java.util.Locale.ROOT, "--samples %d x --tokens %d x --dim %d",
                samples, tokens, dim), samples, tokens, dim,
                InputDomain.dataBytes(samples, tokens, dim) + 8.0 * threads * tokens * dim + (64 << 20));
    }

    private TokenLaw tokenLaw() {
        switch (law) {
            case CUBE:
                return UniformCube.of(dim);
            case GAUSSIAN:
                return gaussian();
            case EXCHANGEABLE:
                IndependentTokenLaw b = base == Base.CUBE ? UniformCube.of(dim) : gaussian();
                return ExchangeableTokens.of(b, Checks.inRange("--tau", tau, 0.0, 1.0));
            default:
                throw new AssertionError(law);
        }
    }

    private GaussianTokens gaussian() {
        if (eigenvalues == null) {
            return GaussianTokens.isotropic(dim);
        }
        double[] ev = toArray("--eigenvalues", eigenvalues);
        if (ev.length != dim) {
            throw Checks.fail("--eigenvalues count", "= d = " + dim, ev.length);
        }
        return GaussianTokens.withEigenvalues(ev);
    }

    private Activation phi() {
        switch (activation) {
            case BSPLINE:
                if (coefficients == null) {
                    return BSplineActivation.random(order, pieces, range, seed);
                }
                return BSplineActivation.of(order, pieces, range, toArray("--coefficients", coefficients));
            case RELU:
                return Activation.relu();
            case ABS:
                return StandardActivation.of(StandardActivation.Kind.ABS, Checks.positive("--exponent", exponent));
            case TANH:
                return Activation.tanh();
            case SIN:
                return Activation.sin();
            case SOFTPLUS:
                return Activation.softplus();
            case EXP:
                return Activation.exp();
            default:
                throw new AssertionError(activation);
        }
    }

    private static double[] toArray(String name, List<Double> values) {
        if (values == null) {
            return null;
        }
        double[] x = new double[values.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = Checks.finite(name + "[" + i + "]", values.get(i));
        }
        return x;
    }
}
