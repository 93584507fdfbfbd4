package org.attnlab.rfa;

import java.util.concurrent.TimeUnit;
import org.attnlab.internal.RandomStreams;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost of the feature maps and of one ridge fit at the audit's full settings (d = 8, N = 16).
 * Run: {@code java -cp target/test-classes:target/classes:<deps> org.openjdk.jmh.Main RfaFeaturesBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class RfaFeaturesBenchmark {

    @Param({"64"})
    int heads;

    private AttentionFeatureMap attention;
    private MlpFeatureMap mlp;
    private double[] tokens;
    private double[] targets;
    private double[] scratch;
    private double[] out;

    @Setup
    public void setup() {
        attention = AttentionFeatureMap.random(8, 16, heads, WeightLaw.BIASED, 1);
        mlp = MlpFeatureMap.random(8, 16, heads * 9, 1);
        tokens = SphereTokens.samples(2, RandomStreams.Purpose.TOKENS, 0, 1024, 8, 16);
        targets = Target.values(Target.values(), tokens, 1024, 8, 16);
        scratch = new double[9];
        out = new double[Math.max(attention.dimension(), mlp.dimension())];
    }

    /** Attention features of one sample (H e (e + 2N) flops). */
    @Benchmark
    public void attentionFeatures(Blackhole bh) {
        attention.features(tokens, 0, scratch, out, 0);
        bh.consume(out);
    }

    /** RF-MLP features of one sample (P ((N+1) d + 1) flops). */
    @Benchmark
    public void mlpFeatures(Blackhole bh) {
        mlp.features(tokens, 0, scratch, out, 0);
        bh.consume(out);
    }

    /** A fixed-ridge fit of the 5 targets on 1024 samples (accumulation + one Cholesky). */
    @Benchmark
    public RidgeFit fixedRidgeFit1024() {
        return RidgeTrainer.fixed(1e-3).fit(attention, tokens, targets, 1024, 5);
    }
}
