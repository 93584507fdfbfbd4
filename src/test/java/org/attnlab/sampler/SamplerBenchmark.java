package org.attnlab.sampler;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sampling throughput: one {@code Sampler.sample} call of M = 1000 samples of N = 10 tokens (the default N),
 * r = 1, sigma = 0.1, one thread. Run with
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main SamplerBenchmark}.
 * Samples per second = 1000 / (reported ms per op) * 1000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SamplerBenchmark {

    @Param({"1", "5", "30"})
    public int dimension;

    @Param({"tanh", "bspline"})
    public String activation;

    GroundTruth truth;

    @Setup
    public void setUp() {
        Activation phi = "tanh".equals(activation) ? Activation.tanh() : BSplineActivation.random(3, 8, 4.0, 1);
        truth = TruthGenerator.generate(UniformCube.of(dimension), 1, null, phi, GaussianNoise.of(0.1), 10, 1);
    }

    @Benchmark
    public Dataset sampleThousand() {
        return Sampler.sample(truth, 1000, 1);
    }
}
