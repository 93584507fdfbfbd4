package org.attnlab.erm;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.attnlab.cli.BenchCommand;
import org.attnlab.internal.ChunkPool;
import org.attnlab.sampler.Dataset;

/**
 * Throwaway (bench/phistep, not part of the build): writes the phi-step inputs of `attnlab bench` (the synthetic
 * problem of BenchCommand.synthetic, which bench measures: cube tokens, tanh, sigma 0.1, seed, the start U, V of
 * RandomStreams ESTIMATOR 1, normalised by ErmEngine.normalise as ErmWorkload does) and our G, b (PairAssembly.normalEquations, unnormalised)
 * for phistep.c. In package org.attnlab.erm to reach the package-private engine; compile against target/classes.
 *
 * <p>Usage: DumpPhiStep DEGREE PIECES OUT.bin REF.bin [SAMPLES TOKENS DIM RANK SEED]
 *
 * <p>OUT.bin (little-endian): int64 M, N, r, K, p; double R; then P (M N r), Q (M N r), y (M N) as doubles.
 * REF.bin: int64 n; then G (n x n row-major, full) and b (n) as doubles.
 */
public final class DumpPhiStep {

    public static void main(String[] a) throws IOException {
        int degree = Integer.parseInt(a[0]);
        int pieces = Integer.parseInt(a[1]);
        String outPath = a[2];
        String refPath = a[3];
        int m = a.length > 4 ? Integer.parseInt(a[4]) : 10000;
        int tokens = a.length > 5 ? Integer.parseInt(a[5]) : 10;
        int dim = a.length > 6 ? Integer.parseInt(a[6]) : 30;
        int rank = a.length > 7 ? Integer.parseInt(a[7]) : 1;
        long seed = a.length > 8 ? Long.parseLong(a[8]) : 1L;
        int threads = 2;
        // the bench's own data and start
        BenchCommand.Synthetic problem = BenchCommand.synthetic(dim, rank, tokens, m, seed, threads);
        Dataset data = problem.data();
        double[] u = problem.u();
        double[] v = problem.v();
        SplineGrid grid = SplineGrid.of(degree, pieces, 1.0);
        // as ErmWorkload: an engine with the default settings, the start normalised (copies of u, v)
        OptimizerSettings settings = OptimizerSettings.DEFAULT.withThreads(threads);
        int n = grid.size();
        double[] gram = new double[n * n];
        double[] rhs = new double[n];
        PairAssembly.Projections pq;
        try (ErmEngine engine = new ErmEngine(data, rank, grid, ModelSettings.DEFAULT.ridge(), settings);
             ChunkPool pool = ChunkPool.of(threads)) {
            pq = engine.normalise(u.clone(), v.clone());
            PairAssembly asm = new PairAssembly(data, rank, pool);
            asm.normalEquations(pq, grid, gram, rhs);
        }
        int mn = m * tokens;
        // the samples whose pieces all fit one window of AssemblyKernel.WINDOW = 8 coefficients (the rule of
        // AssemblyKernel.normalEquations: n >= 8 and max piece + p - min piece < 8), pair by pair
        int window = 0;
        double lo = -grid.radius();
        double hi = grid.radius();
        for (int mm = 0; mm < m; mm++) {
            int kMin = pieces;
            int kMax = -1;
            for (int i = 0; i < tokens; i++) {
                for (int j = 0; j < tokens; j++) {
                    if (j == i) {
                        continue;
                    }
                    double sc = 0.0;
                    for (int b = 0; b < rank; b++) {
                        sc += pq.p[(mm * tokens + i) * rank + b] * pq.q[(mm * tokens + j) * rank + b];
                    }
                    int k = org.attnlab.kernel.ScoreKernel.piece(
                            org.attnlab.kernel.ScoreKernel.position(sc, lo, hi, grid.scale()), pieces);
                    kMin = Math.min(kMin, k);
                    kMax = Math.max(kMax, k);
                }
            }
            if (n >= 8 && kMax + degree - kMin < 8) {
                window++;
            }
        }
        System.out.printf("window: %d of %d samples (%.4f) fit one window of 8%n", window, m, (double) window / m);
        try (DataOutputStream o = open(outPath)) {
            writeLongs(o, m, tokens, rank, pieces, degree);
            writeDoubles(o, new double[] {grid.radius()});
            writeDoubles(o, pq.p);
            writeDoubles(o, pq.q);
            writeDoubles(o, data.outputs());
        }
        try (DataOutputStream o = open(refPath)) {
            writeLongs(o, n);
            writeDoubles(o, gram);
            writeDoubles(o, rhs);
        }
        System.out.printf("M=%d N=%d d=%d r=%d K=%d p=%d R=%s n=%d largest=%s P,Q %d doubles each; G[0]=%s b[0]=%s%n",
                m, tokens, dim, rank, pieces, degree, grid.radius(), n, pq.largest, pq.p.length, gram[0], rhs[0]);
        if (pq.p.length != mn * rank) {
            throw new IllegalStateException("unexpected projection length");
        }
    }

    private static DataOutputStream open(String path) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(new FileOutputStream(path), 1 << 20));
    }

    private static void writeLongs(DataOutputStream o, long... xs) throws IOException {
        ByteBuffer bb = ByteBuffer.allocate(8 * xs.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long x : xs) {
            bb.putLong(x);
        }
        o.write(bb.array());
    }

    private static void writeDoubles(DataOutputStream o, double[] xs) throws IOException {
        ByteBuffer bb = ByteBuffer.allocate(8 * xs.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : xs) {
            bb.putDouble(x);
        }
        o.write(bb.array());
    }
}
