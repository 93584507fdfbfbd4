package org.attnlab.sampler;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.attnlab.internal.RandomStreams;
import org.attnlab.internal.RandomStreams.Purpose;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;

/**
 * jqwik properties mirroring the JML contracts of the public sampler API (shapes, index ranges, frames,
 * finiteness, determinism, thread independence). Small tries keep PIT fast.
 */
class SamplerProperties {

    static final double ROUNDING = 1e-12;

    /** Fails the property (independent of the JVM's -ea flag, so PIT runs see it too). */
    static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    static TokenLaw law(int kind, int d, long seed) {
        RandomStreams.Stream s = RandomStreams.stream(seed, Purpose.EXPERIMENT, 0);
        double[] ev = new double[d];
        for (int k = 0; k < d; k++) {
            ev[k] = 0.25 + 2 * s.uniform();
        }
        double tau = s.uniform();
        switch (kind) {
            case 0:
                return UniformCube.of(d);
            case 1:
                return GaussianTokens.withEigenvalues(ev);
            case 2:
                return ExchangeableTokens.of(UniformCube.of(d), tau);
            default:
                return ExchangeableTokens.of(GaussianTokens.withEigenvalues(ev), tau);
        }
    }

    static Activation phi(int kind, long seed) {
        switch (kind) {
            case 0:
                return Activation.tanh();
            case 1:
                return Activation.relu();
            case 2:
                return Activation.absPower(1.5);
            case 3:
                return Activation.softplus();
            default:
                return BSplineActivation.random(1 + Math.floorMod(seed, 4), 6, 4.0, seed);
        }
    }

    /** TokenLaw.sample: assignable out[offset .. offset + n d); ensures those entries finite; deterministic. */
    @Property(tries = 40, seed = "20261130")
    void sampleWritesExactlyItsRange(@ForAll @IntRange(min = 0, max = 3) int kind, @ForAll @IntRange(min = 1, max = 4) int d,
            @ForAll @IntRange(min = 1, max = 5) int n, @ForAll @IntRange(min = 0, max = 3) int offset,
            @ForAll @IntRange(min = 0, max = 2) int slack, @ForAll long seed) {
        TokenLaw law = law(kind, d, seed);
        double[] out = new double[offset + n * d + slack];
        Arrays.fill(out, Double.NaN);
        law.sample(RandomStreams.stream(seed, Purpose.TOKENS, 3), n, out, offset);
        for (int i = 0; i < out.length; i++) {
            boolean inside = i >= offset && i < offset + n * d;
            check(inside == Double.isFinite(out[i]), "entry " + i);
            if (inside && law instanceof UniformCube) {
                check(out[i] >= -1 && out[i] < 1, "contract");
            }
        }
        double[] again = new double[out.length];
        Arrays.fill(again, Double.NaN);
        law.sample(RandomStreams.stream(seed, Purpose.TOKENS, 3), n, again, offset);
        check(Arrays.equals(out, again), "contract");
    }

    /** ForwardMap.apply: assignable out[outOffset .. outOffset + N), scratch; tokens and a unchanged; equivariant. */
    @Property(tries = 40, seed = "20261130")
    void forwardMapContract(@ForAll @IntRange(min = 2, max = 5) int n, @ForAll @IntRange(min = 1, max = 3) int d,
            @ForAll @IntRange(min = 0, max = 2) int offset, @ForAll @IntRange(min = 0, max = 2) int outOffset,
            @ForAll @IntRange(min = 0, max = 4) int phiKind, @ForAll long seed) {
        RandomStreams.Stream s = RandomStreams.stream(seed, Purpose.EVALUATION, 0);
        double[] x = new double[offset + n * d];
        double[] a = new double[d * d];
        s.normals(x);
        s.normals(a);
        double[] x0 = x.clone();
        double[] a0 = a.clone();
        Activation phi = phi(phiKind, seed);
        double[] out = new double[outOffset + n + 1];
        Arrays.fill(out, Double.NaN);
        ForwardMap.apply(x, offset, n, d, a, phi, new double[n * d], out, outOffset);
        check(Arrays.equals(x, x0) && Arrays.equals(a, a0), "contract");
        for (int i = 0; i < out.length; i++) {
            check((i >= outOffset && i < outOffset + n) == Double.isFinite(out[i]), "entry " + i);
        }
        // reversing the tokens reverses the outputs (same terms, other summation order)
        double[] rev = new double[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, offset + (n - 1 - i) * d, rev, i * d, d);
        }
        double[] outRev = new double[n];
        ForwardMap.apply(rev, 0, n, d, a, phi, new double[n * d], outRev, 0);
        for (int i = 0; i < n; i++) {
            double expected = out[outOffset + n - 1 - i];
            check(Math.abs(outRev[i] - expected) <= ROUNDING * Math.max(1, Math.abs(expected)), "contract");
        }
    }

    /** Sampler.sample: shapes M x N x d, finite, same bytes on repetition and at any thread count. */
    @Property(tries = 25, seed = "20261130")
    void samplerShapesDeterminismAndThreads(@ForAll @IntRange(min = 1, max = 6) int samples,
            @ForAll @IntRange(min = 2, max = 5) int n, @ForAll @IntRange(min = 1, max = 3) int d,
            @ForAll @IntRange(min = 0, max = 3) int kind, @ForAll @IntRange(min = 0, max = 4) int phiKind,
            @ForAll @IntRange(min = 2, max = 4) int threads, @ForAll long seed) {
        TokenLaw law = law(kind, d, seed);
        GroundTruth t = TruthGenerator.generate(law, 1 + Math.floorMod(seed, d), null, phi(phiKind, seed),
                GaussianNoise.of(0.1), n, seed);
        Dataset one = Sampler.sample(t, samples, 1);
        check(one.samples() == samples && one.tokensPerSample() == n && one.dimension() == d, "contract");
        check(one.tokens().length == samples * n * d && one.outputs().length == samples * n, "contract");
        for (double v : one.tokens()) {
            check(Double.isFinite(v), "contract");
        }
        for (double v : one.outputs()) {
            check(Double.isFinite(v), "contract");
        }
        Dataset many = Sampler.sample(t, samples, threads);
        check(Arrays.equals(one.tokens(), many.tokens()) && Arrays.equals(one.outputs(), many.outputs()), "contract");
        Dataset again = Sampler.sample(t, samples, 1);
        check(Arrays.equals(one.outputs(), again.outputs()), "contract");
    }

    /** normalisedMatrix: finite, Var(score) = 1 under the law, rank r. */
    @Property(tries = 30, seed = "20261130")
    void normalisedMatrixHasUnitScoreVarianceAndRankR(@ForAll @IntRange(min = 0, max = 3) int kind,
            @ForAll @IntRange(min = 1, max = 4) int d, @ForAll @IntRange(min = 1, max = 4) int r, @ForAll long seed) {
        int rank = Math.min(r, d);
        TokenLaw law = law(kind, d, seed);
        double[] a = TruthGenerator.normalisedMatrix(law, rank, null, seed);
        check(a.length == d * d, "contract");
        check(Math.abs(law.scoreVariance(a) - 1.0) <= ROUNDING, "contract");
        double[] sv = SingularOps_DDRM.singularValues(new DMatrixRMaj(d, d, true, a));
        Arrays.sort(sv);
        for (int i = 0; i < d - rank; i++) {
            check(sv[i] <= ROUNDING * sv[d - 1], "contract");
        }
        check(sv[d - rank] > 1e-6 * sv[d - 1], "contract");
    }

    /** haarFrame: Q^T Q = I_r. */
    @Property(tries = 30, seed = "20261130")
    void haarFrameIsOrthonormal(@ForAll @IntRange(min = 1, max = 5) int d, @ForAll @IntRange(min = 1, max = 5) int r,
            @ForAll long seed) {
        int rank = Math.min(r, d);
        double[] q = TruthGenerator.haarFrame(RandomStreams.stream(seed, Purpose.TRUTH, 0), d, rank);
        for (int a = 0; a < rank; a++) {
            for (int b = 0; b < rank; b++) {
                double s = 0;
                for (int i = 0; i < d; i++) {
                    s += q[i * rank + a] * q[i * rank + b];
                }
                check(Math.abs(s - (a == b ? 1 : 0)) <= ROUNDING, "Q^T Q = I");
            }
        }
    }

    /** GroundTruth.score = x^T A y (naive oracle); drawPair = a two-token sample of the law. */
    @Property(tries = 30, seed = "20261130")
    void scoreAndPairs(@ForAll @IntRange(min = 1, max = 4) int d, @ForAll @IntRange(min = 0, max = 3) int kind,
            @ForAll @LongRange(min = -1000, max = 1000) long seed) {
        TokenLaw law = law(kind, d, seed);
        GroundTruth t = TruthGenerator.generate(law, 1, null, Activation.sin(), GaussianNoise.of(0), 2, seed);
        double[] pair = new double[2 * d];
        t.drawPair(RandomStreams.stream(seed, Purpose.EVALUATION, 1), pair);
        double[] expected = new double[2 * d];
        law.sample(RandomStreams.stream(seed, Purpose.EVALUATION, 1), 2, expected, 0);
        check(Arrays.equals(pair, expected), "contract");
        double naive = 0;
        for (int k = 0; k < d; k++) {
            for (int l = 0; l < d; l++) {
                naive += pair[k] * t.a(k, l) * pair[d + l];
            }
        }
        double score = t.score(pair, 0, pair, d);
        check(Math.abs(score - naive) <= ROUNDING * Math.max(1, Math.abs(naive)), "contract");
        check(t.interaction(pair, 0, pair, d) == Activation.sin().value(score), "contract");
    }
}
