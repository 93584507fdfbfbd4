package org.attnlab.cli;

import java.util.List;
import java.util.Locale;
import org.attnlab.internal.Checks;

/** The input-domain checks of {@code attnlab bench} on its list of sizes. */
final class BenchChecks {

    private BenchChecks() {
    }

    /**
     * At least one M, each >= 1, and each run's memory: the data (M N (d + 1) doubles), the score arrays
     * (2 M N r), and per thread plus two the Gram matrices of the phi-step and of the Gauss-Newton step.
     */
    static void samples(List<Integer> samples, int tokens, int dim, int rank, int pieces, int degree, int threads) {
        if (samples == null || samples.isEmpty()) {
            throw Checks.fail("--samples", "one or more sizes M >= 1, comma-separated", "nothing");
        }
        for (int k = 0; k < samples.size(); k++) {
            Integer m = samples.get(k);
            if (m == null) {
                throw Checks.fail("--samples[" + k + "]", "a size M >= 1", "nothing");
            }
            Checks.positive("--samples", m);
            double basis = pieces + degree;
            double q = 2.0 * dim * rank;
            double bytes = InputDomain.dataBytes(m, tokens, dim) + 8.0 * 2 * m * tokens * rank
                    + 8.0 * (threads + 2.0) * (basis * basis + q * q) + (64 << 20);
            InputDomain.dataSize(String.format(Locale.ROOT, "--samples %d x --tokens %d x --dim %d", m, tokens, dim),
                    m, tokens, dim, bytes);
        }
    }
}
