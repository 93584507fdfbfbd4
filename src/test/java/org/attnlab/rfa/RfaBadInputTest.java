package org.attnlab.rfa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.attnlab.internal.RandomStreams;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per {@code @throws} of the public API of org.attnlab.rfa: the exact message is checked. */
class RfaBadInputTest {

    private static final AttentionFeatureMap ATT = AttentionFeatureMap.ofWeights(1, 2, 1, new double[] {1, 2, 3, -1});
    private static final MlpFeatureMap MLP = MlpFeatureMap.ofWeights(1, 1, 1, new double[] {1, 0, 0});
    private static final double[] SAMPLE = {0.5, 0.5, -1};
    private static final RidgeTrainer FIXED = RidgeTrainer.fixed(0.1);
    private static final RidgeTrainer SELECT = RidgeTrainer.selecting(new double[] {0.1}, 0.5);
    private static final double[] MLP_TOKENS = {1, 0, 2, 0, 3, 0};
    private static final RidgeFit FIT = FIXED.fit(MLP, MLP_TOKENS, new double[] {1, 2, 3}, 3, 1);

    static Stream<Arguments> rows() {
        return Stream.of(
            row("random d", () -> AttentionFeatureMap.random(0, 1, 1, WeightLaw.ZERO_MEAN, 1), "d must be > 0, got 0"),
            row("random keys", () -> AttentionFeatureMap.random(1, 0, 1, WeightLaw.ZERO_MEAN, 1),
                    "keys must be > 0, got 0"),
            row("random heads", () -> AttentionFeatureMap.random(1, 1, -1, WeightLaw.ZERO_MEAN, 1),
                    "heads must be > 0, got -1"),
            row("random too many", () -> AttentionFeatureMap.random(1023, 1, 300, WeightLaw.ZERO_MEAN, 1),
                    "heads * (d+1)^2 must be <= 268435456, got 314572800"),
            row("random law", () -> AttentionFeatureMap.random(1, 1, 1, null, 1), "law must be non-null, got null"),
            row("ofWeights length", () -> AttentionFeatureMap.ofWeights(1, 1, 1, new double[3]),
                    "weights.length must be = 4, got 3"),
            row("ofWeights finite", () -> AttentionFeatureMap.ofWeights(1, 1, 1, new double[] {0, Double.NaN, 0, 0}),
                    "weights[1] must be finite, got NaN"),
            row("features offset", () -> ATT.features(SAMPLE, 1, new double[2], new double[2], 0),
                    "offset must be in [0, tokens.length - 3] = [0, 0], got 1"),
            row("features outOffset", () -> ATT.features(SAMPLE, 0, new double[2], new double[2], 1),
                    "outOffset must be in [0, out.length - 2] = [0, 0], got 1"),
            row("features scratch", () -> ATT.features(SAMPLE, 0, new double[1], new double[2], 0),
                    "scratch.length must be >= 2, got 1"),
            row("features aliasing", () -> {
                double[] both = {0.5, 0.5, -1, 0};
                ATT.features(both, 0, new double[2], both, 2);
            }, "out, scratch and tokens must be distinct arrays, got aliased arrays"),
            row("features null", () -> ATT.features(null, 0, new double[2], new double[2], 0),
                    "tokens must be non-null, got null"),
            row("predict values", () -> ATT.predict(SAMPLE, 0, new double[3]), "values.length must be = 2, got 3"),
            row("mlp random features", () -> MlpFeatureMap.random(1, 1, 0, 1), "features must be > 0, got 0"),
            row("mlp random too many", () -> MlpFeatureMap.random(100, 100, 30000, 1),
                    "features * ((keys+1) d + 1) must be <= 268435456, got 303030000"),
            row("mlp ofWeights length", () -> MlpFeatureMap.ofWeights(1, 1, 1, new double[2]),
                    "weights.length must be = 3, got 2"),
            row("mlp ofWeights finite", () -> MlpFeatureMap.ofWeights(1, 1, 1, new double[] {0, 0, Double.POSITIVE_INFINITY}),
                    "weights[2] must be finite, got Infinity"),
            row("mlp features offset", () -> MLP.features(new double[2], -1, new double[0], new double[1], 0),
                    "offset must be in [0, tokens.length - 2] = [0, 0], got -1"),
            row("fill stream", () -> SphereTokens.fill(null, 1, 1, new double[1], 0), "stream must be non-null, got null"),
            row("fill count", () -> SphereTokens.fill(stream(), 1, -1, new double[1], 0), "count must be >= 0, got -1"),
            row("fill range", () -> SphereTokens.fill(stream(), 2, 1, new double[2], 1),
                    "offset must be in [0, out.length - count*d], got 1"),
            row("samples first", () -> SphereTokens.samples(1, RandomStreams.Purpose.TOKENS, -1, 1, 1, 1),
                    "first must be >= 0, got -1"),
            row("samples too many", () -> SphereTokens.samples(1, RandomStreams.Purpose.TOKENS, 0, 1 << 20, 64, 16),
                    "samples * (keys+1) * d must be <= 1073741824, got 1140850688"),
            row("target offset", () -> Target.LINEAR.value(SAMPLE, 1, 1, 2),
                    "offset must be in [0, tokens.length - (keys+1)*d], got 1"),
            row("target d", () -> Target.LINEAR.value(SAMPLE, 0, 0, 2), "d must be > 0, got 0"),
            row("targets empty", () -> Target.values(new Target[0], SAMPLE, 1, 1, 2), "targets.length must be > 0, got 0"),
            row("grid empty", () -> RidgeTrainer.selecting(new double[0], 0.2), "grid.length must be > 0, got 0"),
            row("grid entry", () -> RidgeTrainer.selecting(new double[] {1, Double.NaN}, 0.2),
                    "grid[1] must be finite and > 0, got NaN"),
            row("grid fraction", () -> RidgeTrainer.selecting(new double[] {1}, 1.0),
                    "validationFraction must be in (0, 1), got 1.0"),
            row("fixed ridge", () -> RidgeTrainer.fixed(0.0), "relativeRidge must be finite and > 0, got 0.0"),
            row("chunk rows", () -> FIXED.withChunkRows(0), "rows must be > 0, got 0"),
            row("fit map", () -> FIXED.fit(null, MLP_TOKENS, new double[3], 3, 1), "map must be non-null, got null"),
            row("fit n selecting", () -> SELECT.fit(MLP, MLP_TOKENS, new double[1], 1, 1), "n must be >= 2, got 1"),
            row("fit outputs", () -> FIXED.fit(MLP, MLP_TOKENS, new double[3], 3, 0), "outputs must be > 0, got 0"),
            row("fit tokens", () -> FIXED.fit(MLP, MLP_TOKENS, new double[4], 4, 1),
                    "tokens.length must be >= n (N+1) d = 8, got 6"),
            row("fit targets length", () -> FIXED.fit(MLP, MLP_TOKENS, new double[4], 3, 1),
                    "targets.length must be = n T = 3, got 4"),
            row("fit targets finite", () -> FIXED.fit(MLP, MLP_TOKENS, new double[] {0, Double.NaN, 0}, 3, 1),
                    "targets[1] must be finite, got NaN"),
            row("mse n", () -> RidgeTrainer.meanSquaredError(MLP, FIT, MLP_TOKENS, new double[3], 0),
                    "n must be > 0, got 0"),
            row("mse values", () -> RidgeTrainer.meanSquaredError(ATT, FIT, SAMPLE, new double[1], 1),
                    "values[0].length must be = 2, got 1"),
            row("mse tokens", () -> RidgeTrainer.meanSquaredError(MLP, FIT, MLP_TOKENS, new double[4], 4),
                    "tokens.length must be >= n (N+1) d = 8, got 6"),
            row("mse targets", () -> RidgeTrainer.meanSquaredError(MLP, FIT, MLP_TOKENS, new double[2], 3),
                    "targets.length must be = n T = 3, got 2"),
            row("fit record lengths", () -> new RidgeFit(new double[1][1], new double[2], new double[1], new double[1],
                    new double[1][0], RidgeFit.Status.OK),
                    "intercepts, relativeRidge, trainingMse and validationMse lengths must be = values.length = 1, "
                            + "got 2, 1, 1, 1"),
            row("predict index", () -> FIT.predict(1, new double[1]), "t must be in [0, 0], got 1"),
            row("predict phi", () -> FIT.predict(0, new double[2]), "phi.length must be = 1, got 2"));
    }

    private static RandomStreams.Stream stream() {
        return RandomStreams.stream(1, RandomStreams.Purpose.TOKENS, 0);
    }

    private static Arguments row(String name, Executable call, String message) {
        return Arguments.of(name, call, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void rejects(String name, Executable call, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }
}
