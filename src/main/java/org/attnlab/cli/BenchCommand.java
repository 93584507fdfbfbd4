package org.attnlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.attnlab.erm.AlternatingLeastSquares;
import org.attnlab.erm.ErmResult;
import org.attnlab.erm.ErmWorkload;
import org.attnlab.erm.SplineGrid;
import org.attnlab.internal.Checks;
import org.attnlab.internal.RandomStreams;
import org.attnlab.internal.Simd;
import org.attnlab.io.FitJson;
import org.attnlab.io.InputFiles;
import org.attnlab.sampler.Activation;
import org.attnlab.sampler.Dataset;
import org.attnlab.sampler.GaussianNoise;
import org.attnlab.sampler.GroundTruth;
import org.attnlab.sampler.Sampler;
import org.attnlab.sampler.TruthGenerator;
import org.attnlab.sampler.UniformCube;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code attnlab bench}: measures the ERM hot loops on a synthetic data set (cube tokens, A* of rank r with unit
 * score variance, phi* = tanh, sigma = 0.1) and prints JSON: the phi-step throughput (pair evaluations
 * M N (N-1) per second of normal-equation assembly plus solve) and the time of one full ALS iteration, each the
 * median over repeats after warm-up (each iteration is the first of the same random start, reset before it, so
 * every repeat does the same work; the warm-up runs at least --warmup repeats and --warmup-seconds, default 2 s,
 * because C2 compiles the hot loops during the first second or two, on the other core, and five repeats of a 5 ms
 * phi-step measured the compiler too: 1.1-1.3e8 pairs/s median against 1.8-2.2e8 after 2 s, same problem, same
 * minutes), plus memory: the heap retained by the solver (after a GC, with the solver
 * live, minus before it), and the peak heap (all pools, including garbage). The CPU seconds are those of the
 * whole process per operation (all threads): on a loaded machine the wall times grow, the CPU times much less; the
 * phi-step's CPU is also given as the mean over all timed repeats (phiStepCpuSecondsMean, phiStepPairsPerCpuSecond),
 * since one repeat is often shorter than a tick of the process clock, and its fastest repeat (phiStepSecondsMin,
 * phiStepPairsPerSecondBest: what a probe's "best of N calls" measures; under load the median also counts the
 * waits of the second thread for a core). The
 * 1-minute load average before and after each measurement is printed beside it, and the machine at the top
 * ({@link HostInfo}: CPU model, vector extensions, the JVM's UseAVX and MaxVectorSize). With several --samples values
 * it measures each (to check that time is linear in M). With --fit it also times one whole default fit on the
 * same data (K and p as given; moment and random starts, screening, every start run to convergence): the
 * figure that the number of iterations per start decides, which one iteration's time does not show.
 *
 * <p>With {@code --data DATA.csv --start FIT0.json} (both or neither) it times the first iteration from a given
 * start on given data instead of the synthetic problem: U, V, K, p and R of the fit JSON that {@code attnlab fit
 * --max-iterations 0} writes (the start normalised, with its phi), on the data set it was fitted to; ridge 0 (the
 * fit's default with --pieces). That is the fit's first iteration from that start
 * ({@link AlternatingLeastSquares#withStartMatrix} with one iteration gives the same bytes; not {@code fit
 * --max-iterations 1} from the random start, which first iterates on the continuation stage's pieces), and the one
 * the NumPy peer ({@code bench/als_numpy.py --data --start --time}) times: the like-for-like comparison. Every run also
 * prints the number of damped trials of its iteration ({@link ErmWorkload#trials}) and the risk before and after.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Time the ERM phi-step (pair evaluations per second) and one ALS iteration; prints JSON. "
                + "With --data and --start: the first iteration from a start written by 'fit --max-iterations 0'.")
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--samples", split = ",", defaultValue = "10000", description = "M (one or more, comma-separated; default ${DEFAULT-VALUE}).")
    List<Integer> samples;

    @Option(names = "--tokens", defaultValue = "10", description = "N (default ${DEFAULT-VALUE}).")
    int tokens;

    @Option(names = "--dim", defaultValue = "30", description = "d (default ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--rank", defaultValue = "1", description = "r (default ${DEFAULT-VALUE}).")
    int rank;

    @Option(names = "--pieces", defaultValue = "16", description = "K (default ${DEFAULT-VALUE}).")
    int pieces;

    @Option(names = "--degree", defaultValue = "2", description = "Spline degree p (default ${DEFAULT-VALUE}).")
    int degree;

    @Option(names = "--threads", defaultValue = "2", description = "Worker threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--repeats", defaultValue = "9", description = "Timed repeats (median reported; default ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--warmup", defaultValue = "5",
            description = "Untimed warm-up repeats, at least (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--warmup-seconds", defaultValue = "2",
            description = "Warm-up time, at least, before each measurement (default ${DEFAULT-VALUE}): the JIT compiles "
                    + "the hot loops in the first seconds, on the other core, so a short warm-up measures the "
                    + "compiler too.")
    double warmupSeconds;

    @Option(names = "--fit", description = "Also time one whole default fit (all starts to convergence) on the same data.")
    boolean fit;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--data",
            description = "Data set CSV (from 'attnlab sample'): time the iteration on it, from --start.")
    Path data;

    @Option(names = "--start",
            description = "Fit JSON of 'attnlab fit --max-iterations 0' on --data: the start (U, V, K, p, R).")
    Path start;

    /** The options of the synthetic problem, which --data and --start replace. */
    private static final String[] SYNTHETIC = {"--samples", "--tokens", "--dim", "--rank", "--pieces", "--degree",
        "--seed", "--fit"};

    @Override
    public Integer call() {
        if (data != null || start != null) {
            return callOnData();
        }
        Checks.atLeast("--tokens", tokens, 2);
        Checks.positive("--dim", dim);
        Checks.inRange("--rank", rank, 1, dim);
        Checks.inRange("--pieces", pieces, 1, InputDomain.MAX_BASIS - InputDomain.MAX_DEGREE);
        InputDomain.degree("--degree", degree);
        InputDomain.threads("--threads", threads);
        checkTiming();
        BenchChecks.samples(samples, tokens, dim, rank, pieces, degree, threads);
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        problem(root, tokens, dim, rank, pieces, degree);
        machine(root);
        ArrayNode runs = root.putArray("runs");
        for (int m : samples) {
            runs.add(measure(mapper, m));
        }
        PrintWriter o = spec.commandLine().getOut();
        o.print(FitJson.toJson(root));
        o.flush();
        return 0;
    }

    /** The options of the timing, shared by both modes. */
    private void checkTiming() {
        Checks.positive("--repeats", repeats);
        Checks.nonNegative("--warmup", warmup);
        Checks.inRange("--warmup-seconds", warmupSeconds, 0.0, 600.0);
    }

    /** Runs op at least --warmup times and for at least --warmup-seconds; returns how many times it ran. */
    private int warmUp(Runnable op) {
        int count = 0;
        long start = System.nanoTime();
        while (count < warmup || System.nanoTime() - start < warmupSeconds * 1e9) {
            op.run();
            count++;
        }
        return count;
    }

    /** --data and --start: the first iteration from the given start on the given data. */
    private int callOnData() {
        if (data == null || start == null) {
            throw new IllegalArgumentException((data == null ? "--start" : "--data")
                    + " needs " + (data == null ? "--data" : "--start")
                    + " (the data and the fit JSON of 'attnlab fit --max-iterations 0' on it), or neither");
        }
        InputDomain.onlyWhen(spec, false, "only without --data/--start (the synthetic problem)", SYNTHETIC);
        InputDomain.threads("--threads", threads);
        checkTiming();
        Dataset set = InputDomain.readData("--data", data);
        ErmResult fit0 = InputFiles.read("--start", start, FitJson::read);
        if (fit0.dimension() != set.dimension()) {
            throw new IllegalArgumentException("--start " + start + ": field dimension must equal the data's d = "
                    + set.dimension() + " (--data " + data + "), got " + fit0.dimension());
        }
        SplineGrid grid = fit0.grid();
        BenchChecks.samples(List.of(set.samples()), set.tokensPerSample(), set.dimension(), fit0.rank(),
                grid.pieces(), grid.degree(), threads);
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("data", data.toString());
        root.put("start", start.toString());
        root.put("startRisk", fit0.trainingRisk());
        problem(root, set.tokensPerSample(), set.dimension(), fit0.rank(), grid.pieces(), grid.degree());
        root.put("radius", grid.radius());
        machine(root);
        root.putArray("runs").add(time(mapper, set, grid, fit0.u(), fit0.v()));
        PrintWriter o = spec.commandLine().getOut();
        o.print(FitJson.toJson(root));
        o.flush();
        return 0;
    }

    /** The problem's shape at the top of the JSON (both modes). */
    private static void problem(ObjectNode root, int n, int d, int r, int k, int p) {
        root.put("tokens", n);
        root.put("dim", d);
        root.put("rank", r);
        root.put("pieces", k);
        root.put("degree", p);
    }

    /** Threads, repeats and the machine, after the problem (both modes). */
    private void machine(ObjectNode root) {
        root.put("threads", threads);
        root.put("repeats", repeats);
        root.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        root.put("java", System.getProperty("java.version"));
        HostInfo.put(root);
        // whether the JVM has the Vector API (the launcher passes it) and which SIMD loops run; same bytes either way
        root.put("simd", Simd.enabled());
        ArrayNode loops = root.putArray("simdLoops");
        ErmWorkload.simdLoops().forEach(loops::add);
    }

    /** The synthetic problem of the bench: its data and the random start (U, V) every timed iteration starts from. */
    public record Synthetic(Dataset data, double[] u, double[] v) {
    }

    /**
     * The data and start that {@code attnlab bench} times (cube tokens, A* of the given rank, phi* = tanh,
     * sigma = 0.1; the start from the seed's estimator stream 1): for tools that must measure on the bench's own
     * inputs (bench/phistep/DumpPhiStep.java).
     */
    public static Synthetic synthetic(int dim, int rank, int tokens, int samples, long seed, int threads) {
        UniformCube law = UniformCube.of(dim);
        GroundTruth truth = TruthGenerator.generate(law, rank, null, Activation.tanh(), GaussianNoise.of(0.1),
                tokens, seed);
        Dataset data = Sampler.sample(truth, samples, threads);
        double[] u = new double[dim * rank];
        double[] v = new double[dim * rank];
        RandomStreams.Stream s = RandomStreams.stream(seed, RandomStreams.Purpose.ESTIMATOR, 1);
        s.normals(u);
        s.normals(v);
        return new Synthetic(data, u, v);
    }

    private ObjectNode measure(ObjectMapper mapper, int m) {
        Synthetic problem = synthetic(dim, rank, tokens, m, seed, threads);
        Dataset data = problem.data();
        double[] u = problem.u();
        double[] v = problem.v();
        SplineGrid grid = SplineGrid.of(degree, pieces, 1.0);
        ObjectNode run = time(mapper, data, grid, u, v);
        if (fit) {
            double fitLoadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            long c0 = cpu();
            long t0 = System.nanoTime();
            ErmResult r = AlternatingLeastSquares.defaults().withRank(rank).withDegree(degree).withPieces(pieces)
                    .withThreads(threads).fit(data, seed);
            run.put("fitSeconds", (System.nanoTime() - t0) * 1e-9);
            run.put("fitCpuSeconds", (cpu() - c0) * 1e-9);
            run.put("fitIterations", r.iterations());
            run.put("fitStatus", r.status().name());
            run.put("fitRisk", r.trainingRisk());
            run.put("fitLoadAverageBefore", fitLoadBefore);
            run.put("fitLoadAverageAfter", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        return run;
    }

    /**
     * Times the phi-step and the first iteration from (u, v) on data (the workload normalises the start and fits
     * its phi), then counts the iteration's damped trials (outside the timing).
     */
    private ObjectNode time(ObjectMapper mapper, Dataset data, SplineGrid grid, double[] u, double[] v) {
        int m = data.samples();
        int tokens = data.tokensPerSample();
        int dim = data.dimension();
        int rank = u.length / dim;
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.gc();
        long baseline = heapUsed();
        resetPeaks();
        double[] phi = new double[repeats];
        double[] iter = new double[repeats];
        double[] phiCpu = new double[repeats];
        double[] iterCpu = new double[repeats];
        double sink = 0.0;
        long peak;
        double risk;
        try (ErmWorkload w = ErmWorkload.of(data, grid, u, v, threads)) {
            int phiWarmup = warmUp(w::phiStep);
            long phiCpuStart = cpu();
            for (int k = 0; k < repeats; k++) {
                long c0 = cpu();
                long t0 = System.nanoTime();
                sink += w.phiStep();
                phi[k] = (System.nanoTime() - t0) * 1e-9;
                phiCpu[k] = (cpu() - c0) * 1e-9;
            }
            double phiCpuMean = (cpu() - phiCpuStart) * 1e-9 / repeats;
            int iterationWarmup = warmUp(() -> {
                w.reset();
                w.iteration();
            });
            for (int k = 0; k < repeats; k++) {
                w.reset();
                long c0 = cpu();
                long t0 = System.nanoTime();
                sink += w.iteration();
                iter[k] = (System.nanoTime() - t0) * 1e-9;
                iterCpu[k] = (cpu() - c0) * 1e-9;
            }
            risk = w.risk();
            peak = peakHeap();
            int trials = w.trials();
            double riskBefore = w.risk();
            System.gc();
            long retained = heapUsed() - baseline;
            ObjectNode run = mapper.createObjectNode();
            long tokenBytes = 8L * m * tokens * dim;
            run.put("samples", m);
            run.put("pairs", w.pairs());
            run.put("phiStepWarmupRepeats", phiWarmup);
            run.put("iterationWarmupRepeats", iterationWarmup);
            run.put("phiStepSeconds", median(phi));
            run.put("phiStepPairsPerSecond", w.pairs() / median(phi));
            // the fastest repeat: what a kernel probe's "best of N calls" reports; on a loaded machine the median
            // above also counts the waits for a core (the second thread's chunks start when it is scheduled)
            double phiMin = Arrays.stream(phi).min().orElse(Double.NaN);
            run.put("phiStepSecondsMin", phiMin);
            run.put("phiStepPairsPerSecondBest", w.pairs() / phiMin);
            run.put("iterationSeconds", median(iter));
            run.put("iterationSecondsMin", Arrays.stream(iter).min().orElse(Double.NaN));
            run.put("iterationSecondsMax", Arrays.stream(iter).max().orElse(Double.NaN));
            run.put("phiStepCpuSeconds", median(phiCpu));
            // process CPU over all timed repeats / repeats (the per-repeat figure above is in the clock's ticks,
            // often 10 ms), and pairs per CPU second (null if no tick passed): what a loaded machine disturbs least
            run.put("phiStepCpuSecondsMean", phiCpuMean);
            if (phiCpuMean > 0) {
                run.put("phiStepPairsPerCpuSecond", w.pairs() / phiCpuMean);
            } else {
                run.putNull("phiStepPairsPerCpuSecond");
            }
            run.put("iterationCpuSeconds", median(iterCpu));
            run.put("tokenBytes", tokenBytes);
            run.put("retainedSolverBytes", retained);
            run.put("dataPlusSolverOverTokenBytes", (double) (tokenBytes + 8L * m * tokens + retained) / tokenBytes);
            run.put("heapBeforeSolverBytes", baseline);
            run.put("peakHeapBytes", peak);
            run.put("peakHeapOverTokenBytes", (double) peak / tokenBytes);
            run.put("solverArraysBytes", 8L * 2 * m * tokens * rank);
            run.put("finalRisk", risk);
            // the first iteration from the start: its damped trials and the training risk before and after
            run.put("trials", trials);
            run.put("riskBefore", riskBefore);
            run.put("riskAfter", risk);
            // the machine load (1-minute average, as uptime prints; -1 if unavailable) around the measurement
            run.put("loadAverageBefore", loadBefore);
            run.put("loadAverageAfter", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            run.put("checksum", sink);
            return run;
        }
    }

    /** CPU time of the whole process (all threads), in nanoseconds; -1 if unavailable. */
    private static long cpu() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    private static long heapUsed() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
