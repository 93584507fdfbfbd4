package org.attnlab.experiments.zucker2025;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attnlab.internal.Checks;

/**
 * The rate sweep behind arXiv 2510.11789 Figure 1: for every setting, every M of the grid and every seed,
 * sample M data -&gt; fit the ERM -&gt; composed error on fresh pairs. Immutable; {@link #quickGrid()} and
 * {@link #fullGrid()} are the two documented configurations (see {@code spec/rate-audit.md} for why).
 *
 * @param figure1a the settings of Figure 1(a)
 * @param figure1b the settings of Figure 1(b)
 * @param sizes the M grid, increasing
 * @param seeds seeds per (setting, M)
 * @param tokens N, tokens per sample
 * @param rank r of A*, and of the estimator
 * @param noise sigma of the Gaussian noise
 * @param phiPieces pieces of phi*'s B-spline on [-phiRange, phiRange]
 * @param phiRange half-width of phi*'s knot interval
 * @param c0 the constant of K_M = ceil(c0 (M / log M)^{1/(2 beta + 1)})
 * @param randomStarts random starts of the ERM besides the moment start
 * @param maxIterations ERM iteration limit per start
 * @param ridge the ERM's ridge on the spline coefficients (a numerical stabiliser of basis functions that
 *     receive almost no training scores, see spec/rate-audit.md)
 * @param evalBlocks blocks of 4096 fresh pairs for the Monte Carlo composed error
 * @param bootstrap bootstrap replicates for the slope intervals
 * @param quick whether this is the reduced grid (verdicts are then INCONCLUSIVE)
 * @param coercivitySamples M of each coercivity estimate ({@link CoercivityTable}), &gt;= 20
 * @param seedsBySetting settings (by id) that have a seed count other than {@code seeds} (a {@code --precision} run
 *     adds seeds only where a slope interval is still too wide); empty for the documented grids
 */
public record Zucker2025Config(List<RateSetting> figure1a, List<RateSetting> figure1b, int[] sizes, int seeds,
                        int tokens, int rank, double noise, int phiPieces, double phiRange, double c0,
                        int randomStarts, int maxIterations, double ridge, int evalBlocks, int bootstrap,
                        boolean quick, int coercivitySamples, Map<String, Integer> seedsBySetting) {

    /** Figure 1(a): d in {1, 5, 30}, P_true = P_est = 3 (beta = 2). */
    public static final List<RateSetting> FIGURE_1A = List.of(new RateSetting(1, 3, 3), new RateSetting(5, 3, 3),
            new RateSetting(30, 3, 3));
    /** Figure 1(b): P_true = P_est in {3, 8} at d = 1, the one dimension where the P = 8 regime is reachable. */
    public static final List<RateSetting> FIGURE_1B = List.of(new RateSetting(1, 3, 3), new RateSetting(1, 8, 8));

    public Zucker2025Config {
        figure1a = List.copyOf(figure1a);
        figure1b = List.copyOf(figure1b);
        Checks.notNull("seedsBySetting", seedsBySetting);
        seedsBySetting = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(seedsBySetting));
        for (Map.Entry<String, Integer> e : seedsBySetting.entrySet()) {
            Checks.notNull("seedsBySetting[" + e.getKey() + "]", e.getValue());
            Checks.positive("seedsBySetting[" + e.getKey() + "]", e.getValue());
        }
        Checks.notNull("sizes", sizes);
        sizes = sizes.clone();
        if (sizes.length < 2) {
            throw Checks.fail("sizes.length", ">= 2", sizes.length);
        }
        for (int i = 0; i < sizes.length; i++) {
            Checks.atLeast("sizes[" + i + "]", sizes[i], 2);
            if (i > 0 && sizes[i] <= sizes[i - 1]) {
                throw Checks.fail("sizes", "increasing", java.util.Arrays.toString(sizes));
            }
        }
        Checks.positive("seeds", seeds);
        Checks.atLeast("N", tokens, 2);
        Checks.positive("r", rank);
        Checks.nonNegative("sigma", noise);
        Checks.positive("phiPieces", phiPieces);
        Checks.positive("phiRange", phiRange);
        Checks.positive("c0", c0);
        Checks.nonNegative("randomStarts", randomStarts);
        Checks.positive("maxIterations", maxIterations);
        Checks.nonNegative("ridge", ridge);
        Checks.atLeast("evalBlocks", evalBlocks, 2);
        Checks.atLeast("bootstrap", bootstrap, 2);
        Checks.atLeast("coercivitySamples", coercivitySamples, 20);
    }

    /** The same seed count for every setting (the documented grids). */
    public Zucker2025Config(List<RateSetting> figure1a, List<RateSetting> figure1b, int[] sizes, int seeds,
                            int tokens, int rank, double noise, int phiPieces, double phiRange, double c0,
                            int randomStarts, int maxIterations, double ridge, int evalBlocks, int bootstrap,
                            boolean quick, int coercivitySamples) {
        this(figure1a, figure1b, sizes, seeds, tokens, rank, noise, phiPieces, phiRange, c0, randomStarts,
                maxIterations, ridge, evalBlocks, bootstrap, quick, coercivitySamples, Map.of());
    }

    /** The constant c0 of K_M: K_M &gt;= 2 x phi*'s 8 pieces already at the smallest M (see spec/rate-audit.md). */
    public static final double C0 = 8.0;
    /** The ridge of the phi-step (spec/rate-audit.md: without it an edge coefficient can explode). */
    public static final double RIDGE = 1e-6;

    /**
     * The full grid (docs/zucker2025): M = 1000 .. 33000 (about x2; 33000 >= 3.25e4, where d = 5 enters the
     * theorem's regime), 16 seeds, the same grid for every setting; the moment start plus 1 random start (the
     * local-minimum rule re-fits with 8 random starts any unit they leave in a local minimum). Measured cost and
     * predicted wall time: spec/rate-audit.md.
     */
    public static Zucker2025Config fullGrid() {
        return new Zucker2025Config(FIGURE_1A, FIGURE_1B, new int[] {1000, 2000, 4000, 8000, 16000, 33000}, 16,
                10, 1, 0.1, 8, 4.0, C0, 1, 100, RIDGE, 8, 2000, false, 2000);
    }

    /** The reduced grid CI runs (about a minute): M = 200 .. 1600 (x2), 3 seeds, smaller evaluation. */
    public static Zucker2025Config quickGrid() {
        return new Zucker2025Config(FIGURE_1A, FIGURE_1B, new int[] {200, 400, 800, 1600}, 3,
                10, 1, 0.1, 8, 4.0, C0, 1, 40, RIDGE, 2, 400, true, 200);
    }

    /**
     * The same configuration with {@code n} seeds per (setting, M): the units of the smaller seed count are a
     * prefix (their keys and seeds do not depend on the count), so a checkpoint is reused.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public Zucker2025Config withSeeds(int n) {
        return new Zucker2025Config(figure1a, figure1b, sizes, n, tokens, rank, noise, phiPieces, phiRange, c0,
                randomStarts, maxIterations, ridge, evalBlocks, bootstrap, quick, coercivitySamples, Map.of());
    }

    /**
     * The same configuration with {@code n} seeds for {@code setting} (the others keep theirs); as in
     * {@link #withSeeds(int)}, the units of a smaller count are a prefix.
     *
     * @throws IllegalArgumentException if {@code n < 1} or the setting is null
     */
    public Zucker2025Config withSeeds(RateSetting setting, int n) {
        Checks.notNull("setting", setting);
        Map<String, Integer> m = new java.util.TreeMap<>(seedsBySetting);
        m.put(setting.id(), n);
        return new Zucker2025Config(figure1a, figure1b, sizes, seeds, tokens, rank, noise, phiPieces, phiRange, c0,
                randomStarts, maxIterations, ridge, evalBlocks, bootstrap, quick, coercivitySamples, m);
    }

    /**
     * The same configuration in which the reference setting of every difference claim has at least as many seeds as
     * the settings it is compared with: in Figure 1(a) the first d against every other d, in Figure 1(b) the first P
     * against the second. A difference is decided on the seeds both settings share (a prefix), so without this a
     * {@code --precision} run that stops the reference early decides the differences on the reference's seeds
     * only. Registered 2026-12-01, before any run that used it (closing note of the fourth round).
     */
    public Zucker2025Config withReferencesFollowing(String part) {
        Zucker2025Config out = this;
        if (!"1b".equals(part) && !figure1a.isEmpty()) {
            out = out.follow(figure1a.get(0), figure1a.subList(1, figure1a.size()));
        }
        if (!"1a".equals(part) && figure1b.size() == 2) {
            out = out.follow(figure1b.get(0), figure1b.subList(1, 2));
        }
        return out;
    }

    private Zucker2025Config follow(RateSetting reference, List<RateSetting> compared) {
        int most = seeds(reference);
        for (RateSetting s : compared) {
            most = Math.max(most, seeds(s));
        }
        return most == seeds(reference) ? this : withSeeds(reference, most);
    }

    /** The seeds per M of a setting: its own count if it has one, else {@link #seeds()}. */
    public int seeds(RateSetting setting) {
        Checks.notNull("setting", setting);
        return seedsBySetting.getOrDefault(setting.id(), seeds);
    }

    /** "16" when every setting of the part has 16 seeds, else "d1-P3: 16, d5-P3: 32, ...". */
    public String seedsText(String part) {
        List<RateSetting> all = settings(part);
        boolean same = all.stream().allMatch(s -> seeds(s) == seeds(all.get(0)));
        if (same) {
            return Integer.toString(seeds(all.get(0)));
        }
        StringBuilder b = new StringBuilder();
        for (RateSetting s : all) {
            b.append(b.length() == 0 ? "" : ", ").append(s.id()).append(": ").append(seeds(s));
        }
        return b.toString();
    }

    @Override
    public int[] sizes() {
        return sizes.clone();
    }

    /** The settings a part ({@code 1a}, {@code 1b} or {@code all}) needs, without repeats, in figure order. */
    public List<RateSetting> settings(String part) {
        List<RateSetting> out = new ArrayList<>();
        if (!"1b".equals(part)) {
            out.addAll(figure1a);
        }
        if (!"1a".equals(part)) {
            for (RateSetting s : figure1b) {
                if (!out.contains(s)) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** The plan: every (setting, M, seed) of a part, setting-major, then M, then seed. */
    public List<Zucker2025Unit> plan(String part) {
        List<Zucker2025Unit> units = new ArrayList<>();
        for (RateSetting s : settings(part)) {
            for (int m : sizes) {
                for (int k = 0; k < seeds(s); k++) {
                    units.add(new Zucker2025Unit(s, m, k));
                }
            }
        }
        return units;
    }

    /**
     * Everything that changes a unit's numbers (not which units exist): the checkpoint fingerprint. Units of
     * different parts or seed counts share a directory safely; a changed constant does not. The version tag
     * changes with the solver's numbers: v2 since the screened moment starts (MomentStarts) became the default
     * start strategy, which changed every fit; a v1 directory is refused, not mixed; v3 since the
     * variable-projection A-step and the oracle-start stage; v4 since the continuation stage (starts run on
     * K_c = 2 pieces first) and acceptance on the penalised objective; v5 since the best candidate screened on K
     * is run beside the continuation stage's winner.
     */
    public String fingerprint(long seed) {
        return String.format(Locale.ROOT,
                "zucker2025/v5 seed=%d N=%d r=%d sigma=%s phi=%dpieces/R%s c0=%s starts=%d iters=%d ridge=%s pairs=%dx4096",
                seed, tokens, rank, noise, phiPieces, phiRange, c0, randomStarts, maxIterations, ridge, evalBlocks);
    }

    /** The fingerprint of the coercivity table's checkpoint. */
    public String coercivityFingerprint(long seed) {
        return String.format(Locale.ROOT, "zucker2025-coercivity/v1 seed=%d M=%d d=%d pieces=%d R=%s tau=%s", seed,
                coercivitySamples, CoercivityTable.DIMENSION, CoercivityTable.PIECES, CoercivityTable.RADIUS,
                CoercivityTable.TAU);
    }

    /** The settings as an ordered map, for claims.json and the report. */
    public Map<String, String> describe(long seed, String part) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("mode", quick ? "quick" : "full");
        m.put("part", part);
        m.put("seed", Long.toString(seed));
        m.put("M", java.util.Arrays.toString(sizes));
        m.put("seeds per M", seedsText(part));
        m.put("N", Integer.toString(tokens));
        m.put("r", Integer.toString(rank));
        m.put("noise sigma", Double.toString(noise));
        m.put("token law", "iid uniform on [-1,1]^d");
        m.put("A*", "Haar U, V (d x r), Var(X1^T A* X2) = 1");
        m.put("phi*", "B-spline of order P_true, " + phiPieces + " equal pieces on [-" + phiRange + ", " + phiRange
                + "], N(0,1) coefficients (one phi* per seed, shared by every d and M)");
        m.put("estimator", "ALS ERM, B-splines of order P_est, K_M = ceil(c0 (M/log M)^{1/(2 beta+1)}), c0 = " + c0
                + ", ridge " + ridge + ", moment start + " + randomStarts + " random starts, <= " + maxIterations
                + " iterations");
        m.put("evaluation pairs", evalBlocks + " x 4096 fresh pairs per unit");
        m.put("bootstrap replicates", Integer.toString(bootstrap));
        m.put("coercivity", "d = " + CoercivityTable.DIMENSION + ", N in " + java.util.Arrays.toString(CoercivityTable.TOKENS)
                + ", M = " + coercivitySamples + ", H = quadratic splines on " + CoercivityTable.PIECES + " pieces of [-"
                + CoercivityTable.RADIUS + ", " + CoercivityTable.RADIUS + "] composed with x^T A* y");
        return m;
    }
}
