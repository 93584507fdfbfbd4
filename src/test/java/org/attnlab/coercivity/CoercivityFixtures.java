package org.attnlab.coercivity;

import org.attnlab.internal.RandomStreams;
import org.attnlab.sampler.Dataset;
import org.attnlab.sampler.TokenLaw;

/** Token-only data sets for the coercivity tests (outputs are zero: the estimator does not read them). */
final class CoercivityFixtures {

    private CoercivityFixtures() {
    }

    /** M samples of N tokens from the law, sample m from stream (seed, TOKENS, m). */
    static Dataset tokens(TokenLaw law, int m, int n, long seed) {
        int d = law.dimension();
        double[] x = new double[m * n * d];
        for (int s = 0; s < m; s++) {
            law.sample(RandomStreams.stream(seed, RandomStreams.Purpose.TOKENS, s), n, x, s * n * d);
        }
        return Dataset.of(m, n, d, x, new double[m * n]);
    }

    /**
     * Centred tokens X_i = Z_i - mean_j Z_j with Z i.i.d. uniform on [-1, 1]^d: exchangeable but negatively
     * dependent (sum_i X_i = 0), so the Lemma's bound need not hold.
     */
    static Dataset centred(int m, int n, int d, long seed) {
        double[] x = new double[m * n * d];
        for (int s = 0; s < m; s++) {
            RandomStreams.Stream st = RandomStreams.stream(seed, RandomStreams.Purpose.TOKENS, s);
            for (int k = 0; k < n * d; k++) {
                x[s * n * d + k] = st.uniform(-1.0, 1.0);
            }
            for (int a = 0; a < d; a++) {
                double mean = 0.0;
                for (int i = 0; i < n; i++) {
                    mean += x[(s * n + i) * d + a];
                }
                mean /= n;
                for (int i = 0; i < n; i++) {
                    x[(s * n + i) * d + a] -= mean;
                }
            }
        }
        return Dataset.of(m, n, d, x, new double[m * n]);
    }
}
