package org.attnlab.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.attnlab.internal.RandomStreams;
import org.attnlab.internal.RandomStreams.Purpose;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per {@code @throws} of the public sampler API: the call and its exact message. */
class SamplerBadInputTest {

    static final double NAN = Double.NaN;
    static final double INF = Double.POSITIVE_INFINITY;
    static final UniformCube CUBE2 = UniformCube.of(2);
    static final double[] A2 = {1, 0, 0, 1};
    static final GroundTruth TRUTH = GroundTruth.of(CUBE2, A2, 1, Activation.tanh(), GaussianNoise.of(0.1), 3, 1);

    static RandomStreams.Stream s() {
        return RandomStreams.stream(1, Purpose.TOKENS, 0);
    }

    static Arguments row(String message, Executable call) {
        return Arguments.of(message, call);
    }

    static Stream<Arguments> rows() {
        ExchangeableTokens ex = ExchangeableTokens.of(CUBE2, 0.5);
        double[] scratch = new double[6];
        double[] out = new double[3];
        double[] x = new double[6];
        return Stream.of(
                // token laws
                row("d must be > 0, got 0", () -> UniformCube.of(0)),
                row("d must be > 0, got -1", () -> GaussianTokens.isotropic(-1)),
                row("eigenvalues must be non-null, got null", () -> GaussianTokens.withEigenvalues(null)),
                row("eigenvalues.length must be > 0, got 0", () -> GaussianTokens.withEigenvalues(new double[0])),
                row("eigenvalues[1] must be finite and > 0, got 0.0", () -> GaussianTokens.withEigenvalues(new double[] {1, 0})),
                row("eigenvalues[0] must be finite and > 0, got NaN", () -> GaussianTokens.withEigenvalues(new double[] {NAN})),
                row("eigenvalues[0] must be finite and > 0, got Infinity", () -> GaussianTokens.withEigenvalues(new double[] {INF})),
                row("base must be non-null, got null", () -> ExchangeableTokens.of(null, 0.5)),
                row("tau must be in [0.0, 1.0], got -0.1", () -> ExchangeableTokens.of(CUBE2, -0.1)),
                row("tau must be in [0.0, 1.0], got 1.5", () -> ExchangeableTokens.of(CUBE2, 1.5)),
                row("tau must be in [0.0, 1.0], got NaN", () -> ExchangeableTokens.of(CUBE2, NAN)),
                row("stream must be non-null, got null", () -> CUBE2.sample(null, 2, new double[4], 0)),
                row("n must be > 0, got 0", () -> CUBE2.sample(s(), 0, new double[4], 0)),
                row("out must be non-null, got null", () -> ex.sample(s(), 2, null, 0)),
                row("offset must be >= 0, got -1", () -> CUBE2.sample(s(), 2, new double[4], -1)),
                row("out.length must be >= offset + n d = 5, got 4", () -> ex.sample(s(), 2, new double[4], 1)),
                row("a must be non-null, got null", () -> CUBE2.scoreVariance(null)),
                row("a.length must be = 4, got 3", () -> ex.scoreVariance(new double[3])),
                row("a[2] must be finite, got NaN", () -> CUBE2.scoreVariance(new double[] {0, 0, NAN, 0})),
                row("a.length must be = 4, got 1", () -> ex.scoreMean(new double[1])),
                row("a[0] must be finite, got Infinity", () -> ex.scoreMean(new double[] {INF, 0, 0, 0})),
                // activations
                row("a must be finite and > 0, got 0.0", () -> Activation.absPower(0)),
                row("a must be finite and > 0, got NaN", () -> Activation.absPower(NAN)),
                row("kind must be non-null, got null", () -> StandardActivation.of(null, 1)),
                row("a must be finite and > 0, got -1.0", () -> StandardActivation.of(StandardActivation.Kind.ABS, -1)),
                row("order must be > 0, got 0", () -> BSplineActivation.of(0, 2, 1, new double[1])),
                row("pieces must be > 0, got 0", () -> BSplineActivation.of(1, 0, 1, new double[0])),
                row("range must be finite and > 0, got 0.0", () -> BSplineActivation.of(1, 2, 0, new double[2])),
                row("range must be finite and > 0, got Infinity", () -> BSplineActivation.random(1, 2, INF, 1)),
                row("range must be finite and > 0, got NaN", () -> BSplineActivation.random(1, 2, NAN, 1)),
                row("coefficients must be non-null, got null", () -> BSplineActivation.of(1, 2, 1, null)),
                row("coefficients.length must be = 4, got 3", () -> BSplineActivation.of(3, 2, 1, new double[3])),
                row("coefficients[1] must be finite, got NaN", () -> BSplineActivation.of(1, 2, 1, new double[] {0, NAN})),
                row("order must be > 0, got -2", () -> BSplineActivation.random(-2, 2, 1, 1)),
                // noise
                row("sigma must be finite and >= 0, got -0.1", () -> GaussianNoise.of(-0.1)),
                row("sigma must be finite and >= 0, got NaN", () -> new GaussianNoise(NAN)),
                row("sigma must be finite and >= 0, got Infinity", () -> GaussianNoise.of(INF)),
                // ground truth
                row("law must be non-null, got null", () -> GroundTruth.of(null, A2, 1, Activation.tanh(), GaussianNoise.of(0), 2, 1)),
                row("a.length must be = 4, got 3", () -> GroundTruth.of(CUBE2, new double[3], 1, Activation.tanh(), GaussianNoise.of(0), 2, 1)),
                row("a[3] must be finite, got NaN", () -> GroundTruth.of(CUBE2, new double[] {1, 0, 0, NAN}, 1, Activation.tanh(), GaussianNoise.of(0), 2, 1)),
                row("r must be in [1, 2], got 0", () -> GroundTruth.of(CUBE2, A2, 0, Activation.tanh(), GaussianNoise.of(0), 2, 1)),
                row("r must be in [1, 2], got 3", () -> GroundTruth.of(CUBE2, A2, 3, Activation.tanh(), GaussianNoise.of(0), 2, 1)),
                row("phi must be non-null, got null", () -> GroundTruth.of(CUBE2, A2, 1, null, GaussianNoise.of(0), 2, 1)),
                row("noise must be non-null, got null", () -> GroundTruth.of(CUBE2, A2, 1, Activation.tanh(), null, 2, 1)),
                row("N must be >= 2, got 1", () -> GroundTruth.of(CUBE2, A2, 1, Activation.tanh(), GaussianNoise.of(0), 1, 1)),
                row("x must be non-null, got null", () -> TRUTH.score(null, 0, new double[2], 0)),
                row("yOffset must be >= 0, got -1", () -> TRUTH.score(new double[2], 0, new double[2], -1)),
                row("x.length must be >= xOffset + d = 3, got 2", () -> TRUTH.score(new double[2], 1, new double[2], 0)),
                row("y.length must be = 2, got 3", () -> TRUTH.interaction(new double[2], new double[3])),
                row("stream must be non-null, got null", () -> TRUTH.drawPair(null, new double[4])),
                row("out.length must be >= offset + n d = 4, got 3", () -> TRUTH.drawPair(s(), new double[3])),
                row("tokens must be non-null, got null", () -> TRUTH.noiselessOutputs(null)),
                row("tokens.length must be a multiple of d = 2, got 5", () -> TRUTH.noiselessOutputs(new double[5])),
                row("N must be >= 2, got 1", () -> TRUTH.noiselessOutputs(new double[2])),
                // generator
                row("law must be non-null, got null", () -> TruthGenerator.normalisedMatrix(null, 1, null, 1)),
                row("r must be in [1, 2], got 3", () -> TruthGenerator.normalisedMatrix(CUBE2, 3, null, 1)),
                row("r must be in [1, 2], got 0", () -> TruthGenerator.generate(CUBE2, 0, null, Activation.tanh(), GaussianNoise.of(0), 2, 1)),
                row("singularValues.length must be = 2, got 1", () -> TruthGenerator.normalisedMatrix(CUBE2, 2, new double[] {1}, 1)),
                row("singularValues[1] must be finite and > 0, got 0.0", () -> TruthGenerator.normalisedMatrix(CUBE2, 2, new double[] {1, 0}, 1)),
                row("singularValues[0] must be finite and > 0, got NaN", () -> TruthGenerator.normalisedMatrix(CUBE2, 1, new double[] {NAN}, 1)),
                row("phi must be non-null, got null", () -> TruthGenerator.generate(CUBE2, 1, null, null, GaussianNoise.of(0), 2, 1)),
                row("noise must be non-null, got null", () -> TruthGenerator.generate(CUBE2, 1, null, Activation.tanh(), null, 2, 1)),
                row("N must be >= 2, got 0", () -> TruthGenerator.generate(CUBE2, 1, null, Activation.tanh(), GaussianNoise.of(0), 0, 1)),
                row("stream must be non-null, got null", () -> TruthGenerator.haarFrame(null, 2, 1)),
                row("d must be > 0, got 0", () -> TruthGenerator.haarFrame(s(), 0, 1)),
                row("r must be in [1, 2], got 3", () -> TruthGenerator.haarFrame(s(), 2, 3)),
                // forward map
                row("tokens must be non-null, got null", () -> ForwardMap.apply(null, 0, 3, 2, A2, Activation.tanh(), scratch, out, 0)),
                row("offset must be >= 0, got -1", () -> ForwardMap.apply(x, -1, 3, 2, A2, Activation.tanh(), scratch, out, 0)),
                row("N must be >= 2, got 1", () -> ForwardMap.apply(x, 0, 1, 2, A2, Activation.tanh(), scratch, out, 0)),
                row("d must be > 0, got 0", () -> ForwardMap.apply(x, 0, 3, 0, A2, Activation.tanh(), scratch, out, 0)),
                row("a.length must be = 4, got 1", () -> ForwardMap.apply(x, 0, 3, 2, new double[1], Activation.tanh(), scratch, out, 0)),
                row("phi must be non-null, got null", () -> ForwardMap.apply(x, 0, 3, 2, A2, null, scratch, out, 0)),
                row("scratch must be non-null, got null", () -> ForwardMap.apply(x, 0, 3, 2, A2, Activation.tanh(), null, out, 0)),
                row("out must be non-null, got null", () -> ForwardMap.apply(x, 0, 3, 2, A2, Activation.tanh(), scratch, null, 0)),
                row("outOffset must be >= 0, got -2", () -> ForwardMap.apply(x, 0, 3, 2, A2, Activation.tanh(), scratch, out, -2)),
                row("tokens.length must be >= offset + N d = 8, got 6", () -> ForwardMap.apply(x, 2, 3, 2, A2, Activation.tanh(), scratch, out, 0)),
                row("scratch.length must be >= N d = 6, got 5", () -> ForwardMap.apply(x, 0, 3, 2, A2, Activation.tanh(), new double[5], out, 0)),
                row("out.length must be >= outOffset + N = 4, got 3", () -> ForwardMap.apply(x, 0, 3, 2, A2, Activation.tanh(), scratch, out, 1)),
                row("scratch must be a separate array, got an alias of tokens or out", () -> ForwardMap.apply(x, 0, 3, 2, A2, Activation.tanh(), x, out, 0)),
                // sampler
                row("truth must be non-null, got null", () -> Sampler.sample(null, 1, 1)),
                row("truth must be non-null, got null", () -> Sampler.sample(null, 1, 5L, 1)),
                row("M must be > 0, got 0", () -> Sampler.sample(TRUTH, 0, 1)),
                row("threads must be > 0, got 0", () -> Sampler.sample(TRUTH, 1, 0)),
                row("M * N * d must be <= 2147483639, got 6442450938", () -> Sampler.sample(TRUTH, Integer.MAX_VALUE / 2, 1)),
                row("truth must be non-null, got null", () -> Sampler.sampleOne(null, 1, 0, new double[6], new double[3])),
                row("m must be >= 0, got -1", () -> Sampler.sampleOne(TRUTH, 1, -1, new double[6], new double[3])),
                row("tokens must be non-null, got null", () -> Sampler.sampleOne(TRUTH, 1, 0, null, new double[3])),
                row("outputs must be non-null, got null", () -> Sampler.sampleOne(TRUTH, 1, 0, new double[6], null)),
                row("tokens.length must be >= (m + 1) N d = 12, got 6", () -> Sampler.sampleOne(TRUTH, 1, 1, new double[6], new double[6])),
                row("outputs.length must be >= (m + 1) N = 3, got 2", () -> Sampler.sampleOne(TRUTH, 1, 0, new double[6], new double[2])),
                // data set
                row("M must be > 0, got 0", () -> Dataset.of(0, 2, 1, new double[0], new double[0])),
                row("N must be >= 2, got 1", () -> Dataset.of(1, 1, 1, new double[1], new double[1])),
                row("d must be > 0, got 0", () -> Dataset.of(1, 2, 0, new double[0], new double[2])),
                row("tokens.length must be = 2, got 3", () -> Dataset.of(1, 2, 1, new double[3], new double[2])),
                row("outputs.length must be = 2, got 1", () -> Dataset.of(1, 2, 1, new double[2], new double[1])),
                row("tokens[1] must be finite, got NaN", () -> Dataset.of(1, 2, 1, new double[] {0, NAN}, new double[2])),
                row("outputs[0] must be finite, got -Infinity", () -> Dataset.of(1, 2, 1, new double[2], new double[] {-INF, 0})));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void rejectsWithTheDocumentedMessage(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
