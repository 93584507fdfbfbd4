package org.attnlab.slr;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.attnlab.internal.RandomStreams;
import org.attnlab.internal.RandomStreams.Purpose;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per {@code @throws} of the public slr API: the call, and the parameter name the message must start with. */
class SlrBadInputTest {

    static final SlrProblem P = SlrProblem.of(4, 2, 1.0, 0.1);
    static final SlrTruth T = SlrTruth.of(new double[] {1, 0, 0, 0}, new double[] {0, 1, 0, 0});
    static final double[] U = {0, 0, 1, 0};
    static final DescentSettings S = DescentSettings.of(0.5, false, 1e-2, 10, 5);
    static final double NAN = Double.NaN;

    static RandomStreams.Stream rng() {
        return RandomStreams.stream(1, Purpose.TOKENS, 0);
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                row("d", () -> SlrProblem.of(1, 2, 1, 0)),
                row("L", () -> SlrProblem.of(4, 0, 1, 0)),
                row("gamma", () -> SlrProblem.of(4, 2, NAN, 0)),
                row("eps", () -> SlrProblem.of(4, 2, 1, -0.1)),
                row("lambda0", () -> DescentSettings.of(0, false, 1e-2, 10, 5)),
                row("decay", () -> new DescentSettings(1, -1, 1e-2, 10, 5)),
                row("alpha", () -> DescentSettings.of(1, false, Double.POSITIVE_INFINITY, 10, 5)),
                row("steps", () -> DescentSettings.of(1, false, 1e-2, 0, 5)),
                row("logEvery", () -> DescentSettings.of(1, false, 1e-2, 10, 0)),
                row("kappa", () -> new Overlaps(NAN, 0, 0, 0, 0)),
                row("k.length", () -> Overlaps.of(new double[3], U, T)),
                row("kStar[1]", () -> SlrTruth.of(new double[] {1, NAN}, new double[] {0, 1})),
                row("kStar.length", () -> SlrTruth.of(new double[] {1}, new double[] {1})),
                row("vStar.length", () -> SlrTruth.of(new double[] {1, 0}, new double[] {0, 1, 0})),
                row("(kStar, vStar)", () -> SlrTruth.of(new double[] {1, 0}, new double[] {1, 0})),
                row("d", () -> SlrTruth.random(1, rng())),
                row("a", () -> GaussianErf.owenT(1, 1.5)),
                row("h", () -> GaussianErf.owenT(NAN, 0.5)),
                row("s", () -> GaussianErf.zeta(Double.POSITIVE_INFINITY, 1)),
                row("g", () -> GaussianErf.zetaDerivatives(0, NAN, new double[3])),
                row("out.length", () -> GaussianErf.zetaDerivatives(0, 1, new double[2])),
                row("s", () -> GaussianErf.meanErf(NAN, 1, new double[4])),
                row("out.length", () -> GaussianErf.meanErf(0, 1, new double[3])),
                row("problem", () -> PopulationRisk.of(null)),
                row("lambda", () -> PopulationRisk.of(P).value(new Overlaps(0, 0, 0, 0, 0), -1)),
                row("overlaps", () -> PopulationRisk.of(P).value(null, 1)),
                row("partials.length", () -> PopulationRisk.of(P).valueAndPartials(new Overlaps(0, 0, 0, 0, 0), 1,
                        new double[4])),
                row("|x|", () -> SphereStep.step(new double[] {1, 1}, new double[2], 0.1, new double[2])),
                row("x.length", () -> SphereStep.step(new double[0], new double[0], 0.1, new double[0])),
                row("grad.length", () -> SphereStep.step(new double[] {1, 0}, new double[3], 0.1, new double[2])),
                row("grad[1]", () -> SphereStep.step(new double[] {1, 0}, new double[] {0, NAN}, 0.1, new double[2])),
                row("alpha", () -> SphereStep.step(new double[] {1, 0}, new double[2], -0.1, new double[2])),
                row("out.length", () -> SphereStep.step(new double[] {1, 0}, new double[2], 0.1, new double[1])),
                row("|x|", () -> SphereStep.normalise(new double[3])),
                row("problem", () -> SlrSampler.sample(null, T, rng(), new double[8], 0, null)),
                row("truth.dimension()", () -> SlrSampler.sample(SlrProblem.of(5, 2, 1, 0), T, rng(), new double[10],
                        0, null)),
                row("offset", () -> SlrSampler.sample(P, T, rng(), new double[8], -1, null)),
                row("offset + L d", () -> SlrSampler.sample(P, T, rng(), new double[8], 1, null)),
                row("L", () -> ErfPredictor.value(new double[8], 0, 0, U, U, 1)),
                row("v.length", () -> ErfPredictor.value(new double[8], 0, 2, U, new double[3], 1)),
                row("offset + L d", () -> ErfPredictor.value(new double[8], 2, 2, U, U, 1)),
                row("lambda", () -> ErfPredictor.value(new double[8], 0, 2, U, U, NAN)),
                row("weight", () -> ErfPredictor.addGradient(new double[8], 0, 2, U, U, 1, NAN, new double[4],
                        new double[4])),
                row("gk.length", () -> ErfPredictor.addGradient(new double[8], 0, 2, U, U, 1, 1, new double[3],
                        new double[4])),
                row("settings", () -> ProjectedGradientDescent.of(P, null)),
                row("truth.dimension()", () -> ProjectedGradientDescent.of(SlrProblem.of(5, 2, 1, 0), S).run(T, U, U)),
                row("|k0|", () -> ProjectedGradientDescent.of(P, S).run(T, new double[] {1, 1, 0, 0}, U)),
                row("v0.length", () -> ProjectedGradientDescent.of(P, S).runFullDimension(T, U, new double[3])),
                row("batch", () -> StochasticGradientDescent.of(P, S, 0, 10)),
                row("testBatch", () -> StochasticGradientDescent.of(P, S, 5, 0)),
                row("testBatch * L * d", () -> StochasticGradientDescent.of(SlrProblem.of(100_000, 100, 1, 0), S, 5,
                        1000)),
                row("train", () -> StochasticGradientDescent.of(P, S, 5, 10).run(T, U, U, null, rng())),
                row("k0[0]", () -> StochasticGradientDescent.of(P, S, 5, 10).run(T, new double[] {NAN, 0, 0, 1}, U,
                        rng(), rng())),
                row("k.length", () -> Initialisation.SPHERE.draw(T, rng(), new double[3], new double[4])),
                row("stream", () -> ZigguratNormal.next(null)),
                row("out", () -> ZigguratNormal.fill(rng(), null)));
    }

    static Arguments row(String name, Executable call) {
        return Arguments.of(name, call);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void rejectsWithTheProjectMessage(String name, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(name + " must be "), "message: " + e.getMessage());
    }
}
