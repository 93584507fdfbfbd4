package org.attnlab.bench;

import java.util.concurrent.TimeUnit;
import org.attnlab.erm.ErmWorkload;
import org.attnlab.erm.SplineGrid;
import org.attnlab.internal.RandomStreams;
import org.attnlab.sampler.Activation;
import org.attnlab.sampler.Dataset;
import org.attnlab.sampler.GaussianNoise;
import org.attnlab.sampler.GroundTruth;
import org.attnlab.sampler.Sampler;
import org.attnlab.sampler.TruthGenerator;
import org.attnlab.sampler.UniformCube;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark of the ERM hot loops (the same workload as {@code attnlab bench}): the phi-step (normal-equation
 * assembly over M N (N-1) pairs plus Cholesky solve) and one full ALS iteration, on cube tokens with
 * phi* = tanh, M = 10^4, N = 10, d = 30, r = 1, K = 16, p = 2. Not part of {@code mvn verify}. Run:
 *
 * <pre>
 *   mvn -o -q -Dpit.skip=true -Dkey.skip=true -DskipTests test-compile dependency:build-classpath \
 *       -Dmdep.includeScope=test -Dmdep.outputFile=target/cp.txt
 *   java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.openjdk.jmh.Main ErmBenchmark
 * </pre>
 * Report the median over forks; on 2 shared cores the error bars are wide.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgs = {"-Xmx2g"})
public class ErmBenchmark {

    @Param({"10000"})
    int samples;

    @Param({"2"})
    int threads;

    private ErmWorkload workload;

    @Setup(Level.Trial)
    public void setUp() {
        int d = 30;
        GroundTruth truth = TruthGenerator.generate(UniformCube.of(d), 1, null, Activation.tanh(),
                GaussianNoise.of(0.1), 10, 1L);
        Dataset data = Sampler.sample(truth, samples, threads);
        double[] u = new double[d];
        double[] v = new double[d];
        RandomStreams.Stream s = RandomStreams.stream(1L, RandomStreams.Purpose.ESTIMATOR, 1);
        s.normals(u);
        s.normals(v);
        workload = ErmWorkload.of(data, SplineGrid.of(2, 16, 1.0), u, v, threads);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        workload.close();
    }

    /** One phi-step; pairs per second = 9 10^5 / time. */
    @Benchmark
    public double phiStep() {
        return workload.phiStep();
    }

    /** Restores the start before every iteration, so each measures the first iteration of a start. */
    @Setup(Level.Invocation)
    public void reset() {
        workload.reset();
    }

    /** One ALS iteration (Gauss-Newton assembly, damped solve, normalisation, phi-step and risk of the trial). */
    @Benchmark
    public double iteration() {
        return workload.iteration();
    }
}
