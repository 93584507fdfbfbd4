package org.attnlab.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.attnlab.internal.RandomStreams;
import org.attnlab.internal.RandomStreams.Purpose;
import org.junit.jupiter.api.Test;

/**
 * Monte Carlo checks of the laws' moments, of Var(X_1^T A* X_2) = 1 after normalisation (which checks the
 * exact score-variance formulas, including the derived one for exchangeable tokens), and of the noise variance.
 *
 * <p>Every check compares an average of n i.i.d. terms with its exact expectation, with a bound of
 * {@link #Z} estimated standard errors. The seeds are fixed, so the test is deterministic; for a fresh seed the
 * false-failure probability of one check is about 2 Phi(-6) = 2e-9 (normal approximation), below 1e-7 for
 * the ~50 checks of this class. "Slow" in the name keeps PIT from running it (about 1-2 s).
 */
class SamplerStatisticsSlowTest {

    /** Bound in standard errors. */
    static final double Z = 6.0;
    static final int PAIRS = 200_000;

    /** Running mean and standard error of i.i.d. terms. */
    static final class Mean {
        double sum;
        double sumSq;
        long n;

        void add(double v) {
            sum += v;
            sumSq += v * v;
            n++;
        }

        double mean() {
            return sum / n;
        }

        double standardError() {
            double m = mean();
            return Math.sqrt(Math.max(sumSq / n - m * m, 0) / n);
        }

        void check(double expected, String what) {
            assertEquals(expected, mean(), Z * standardError() + 1e-12, what);
        }
    }

    static final TokenLaw[] LAWS = {
        UniformCube.of(3),
        GaussianTokens.isotropic(3),
        GaussianTokens.withEigenvalues(new double[] {0.5, 2.0, 3.0}),
        ExchangeableTokens.of(UniformCube.of(3), 0.5),
        ExchangeableTokens.of(UniformCube.of(3), 0.95),
        ExchangeableTokens.of(GaussianTokens.withEigenvalues(new double[] {1.0, 0.2, 4.0}), 0.7),
    };

    /** Var(score) = 1 under every law, for r = 1 and r = 3, with fresh pairs of one sample. */
    @Test
    void normalisedScoreHasUnitVarianceUnderEveryLaw() {
        int lawIndex = 0;
        for (TokenLaw law : LAWS) {
            for (int r : new int[] {1, 3}) {
                GroundTruth t = TruthGenerator.generate(law, r, null, Activation.tanh(), GaussianNoise.of(0), 4, 100 + r);
                double exactMean = law instanceof ExchangeableTokens ex ? ex.scoreMean(t.a()) : 0.0;
                RandomStreams.Stream s = RandomStreams.stream(2026, Purpose.EVALUATION, lawIndex * 10L + r);
                double[] pair = new double[6];
                Mean mean = new Mean();
                Mean second = new Mean();
                for (int p = 0; p < PAIRS; p++) {
                    t.drawPair(s, pair);
                    double score = t.score(pair, 0, pair, 3);
                    mean.add(score);
                    second.add((score - exactMean) * (score - exactMean));
                }
                mean.check(exactMean, law + " r=" + r + " E score");
                second.check(1.0, law + " r=" + r + " Var score");
            }
            lawIndex++;
        }
    }

    /** The exchangeable formula on a matrix with a large diagonal (where the fourth-cumulant term matters). */
    @Test
    void exchangeableScoreVarianceFormulaOnAnUnnormalisedMatrix() {
        double[] a = {2.0, 1.0, 0.5, -1.0};
        TokenLaw[] laws = {ExchangeableTokens.of(UniformCube.of(2), 0.8), ExchangeableTokens.of(UniformCube.of(2), 1.0),
            ExchangeableTokens.of(GaussianTokens.withEigenvalues(new double[] {2, 0.5}), 0.6)};
        for (int li = 0; li < laws.length; li++) {
            ExchangeableTokens law = (ExchangeableTokens) laws[li];
            double mu = law.scoreMean(a);
            RandomStreams.Stream s = RandomStreams.stream(77, Purpose.EVALUATION, li);
            double[] x = new double[4];
            Mean second = new Mean();
            for (int p = 0; p < PAIRS; p++) {
                law.sample(s, 2, x, 0);
                double score = x[0] * (a[0] * x[2] + a[1] * x[3]) + x[1] * (a[2] * x[2] + a[3] * x[3]);
                second.add((score - mu) * (score - mu));
            }
            second.check(law.scoreVariance(a), law + " Var score");
        }
    }

    /** Mean, covariance and cross-covariance of tokens 0 and 3 of samples of N = 5 tokens. */
    @Test
    void tokenMomentsMatchTheLaw() {
        int samples = 100_000;
        int n = 5;
        int lawIndex = 0;
        for (TokenLaw law : LAWS) {
            int d = law.dimension();
            double[] v = law.variances();
            double[] c = law.crossCovariance();
            double[] x = new double[n * d];
            Mean[] mean = new Mean[d];
            Mean[] var = new Mean[d];
            Mean[] cross = new Mean[d];
            Mean offDiagonal = new Mean();
            for (int k = 0; k < d; k++) {
                mean[k] = new Mean();
                var[k] = new Mean();
                cross[k] = new Mean();
            }
            for (int m = 0; m < samples; m++) {
                law.sample(RandomStreams.stream(lawIndex, Purpose.TOKENS, m), n, x, 0);
                for (int k = 0; k < d; k++) {
                    mean[k].add(x[k]);
                    var[k].add(x[k] * x[k]);
                    cross[k].add(x[k] * x[3 * d + k]);
                }
                offDiagonal.add(x[0] * x[1]);
            }
            for (int k = 0; k < d; k++) {
                mean[k].check(0.0, law + " mean " + k);
                var[k].check(v[k], law + " variance " + k);
                cross[k].check(c[k * d + k], law + " cross-covariance " + k);
            }
            offDiagonal.check(0.0, law + " covariance (0, 1)");
            lawIndex++;
        }
    }

    /** Y - f(X) is the noise: mean 0, variance sigma^2, independent of the token law. */
    @Test
    void noiseHasTheGivenVariance() {
        double sigma = 0.5;
        GroundTruth t = TruthGenerator.generate(ExchangeableTokens.of(UniformCube.of(2), 0.5), 1, null,
                Activation.softplus(), GaussianNoise.of(sigma), 4, 9);
        Dataset ds = Sampler.sample(t, 50_000, 2);
        Mean mean = new Mean();
        Mean var = new Mean();
        double[] x = new double[8];
        for (int m = 0; m < ds.samples(); m++) {
            System.arraycopy(ds.tokens(), m * 8, x, 0, 8);
            double[] f = t.noiselessOutputs(x);
            for (int i = 0; i < 4; i++) {
                double eta = ds.output(m, i) - f[i];
                mean.add(eta);
                var.add(eta * eta);
            }
        }
        mean.check(0.0, "noise mean");
        var.check(sigma * sigma, "noise variance");
    }
}
