package org.attnlab.experiments.zucker2025;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.attnlab.coercivity.CoercivityEstimate;
import org.attnlab.coercivity.CoercivityEstimator;
import org.attnlab.erm.SplineGrid;
import org.attnlab.experiments.Claim;
import org.attnlab.internal.Checks;
import org.attnlab.report.ParallelRunner;
import org.attnlab.report.Row;
import org.attnlab.sampler.BSplineActivation;
import org.attnlab.sampler.Dataset;
import org.attnlab.sampler.ExchangeableTokens;
import org.attnlab.sampler.GaussianNoise;
import org.attnlab.sampler.GaussianTokens;
import org.attnlab.sampler.GroundTruth;
import org.attnlab.sampler.Sampler;
import org.attnlab.sampler.TokenLaw;
import org.attnlab.sampler.TruthGenerator;
import org.attnlab.sampler.UniformCube;

/**
 * The coercivity table of the report (arXiv 2510.11789, coercivity Lemma: c_H &gt;= 1/(N-1) for i.i.d. or
 * conditionally i.i.d. tokens): for each token law and N, the empirical constant of
 * H = span{B_k(x^T A* y)} (degree 2, {@link #PIECES} pieces on [-{@link #RADIUS}, {@link #RADIUS}]) estimated by
 * {@link CoercivityEstimator} (h-erm) on M samples, next to 1/(N-1).
 *
 * <p>One unit per (law, N), key {@code coercivity/<law>/N<N>}, data seed {@code seedFor(S, key)}, A* from
 * {@code TruthGenerator} with that seed (phi* is irrelevant: outputs are not used).
 */
public final class CoercivityTable {

    /** Token dimension of the table. */
    public static final int DIMENSION = 5;
    /** The token counts N. */
    public static final int[] TOKENS = {3, 5, 10, 20};
    /** Spline pieces of H. */
    public static final int PIECES = 12;
    /** Half-width of H's knot interval (scores have variance 1). */
    public static final double RADIUS = 4.0;
    /** tau of the exchangeable law. */
    public static final double TAU = 0.5;

    /** The CSV columns. */
    public static final List<String> COLUMNS = List.of("law", "d", "N", "M", "bound", "constant", "lower", "upper",
            "held_out", "held_out_lower", "held_out_upper", "basis", "singular");

    private CoercivityTable() {
    }

    /** The laws, in table order. */
    public static List<String> laws() {
        return List.of("uniform", "gaussian", "exchangeable");
    }

    static TokenLaw law(String name) {
        return switch (name) {
            case "uniform" -> UniformCube.of(DIMENSION);
            case "gaussian" -> GaussianTokens.isotropic(DIMENSION);
            case "exchangeable" -> ExchangeableTokens.of(UniformCube.of(DIMENSION), TAU);
            default -> throw Checks.fail("law", "one of " + laws(), name);
        };
    }

    /** The unit keys, law-major. */
    public static List<String> plan() {
        List<String> keys = new ArrayList<>();
        for (String l : laws()) {
            for (int n : TOKENS) {
                keys.add("coercivity/" + l + "/N" + n);
            }
        }
        return keys;
    }

    /** One unit: the estimate for the key's law and N on {@code samples} samples. */
    public static Row run(String key, int samples, long masterSeed) {
        String[] parts = key.split("/");
        String lawName = parts[1];
        int n = Integer.parseInt(parts[2].substring(1));
        long seed = ParallelRunner.seedFor(masterSeed, key);
        long start = System.nanoTime();
        TokenLaw law = law(lawName);
        GroundTruth truth = TruthGenerator.generate(law, 1, null,
                BSplineActivation.random(3, 8, 4.0, seed), GaussianNoise.of(0.0), n, seed);
        Dataset data = Sampler.sample(truth, samples, seed, 1);
        CoercivityEstimate e = CoercivityEstimator.defaults().estimate(data, truth.a(),
                SplineGrid.of(2, PIECES, RADIUS));
        return Row.builder().put("law", law.name()).put("d", DIMENSION).put("N", n).put("M", samples)
                .put("bound", e.bound()).put("constant", e.constant()).put("lower", e.lower()).put("upper", e.upper())
                .put("held_out", e.heldOut()).put("held_out_lower", e.heldOutLower())
                .put("held_out_upper", e.heldOutUpper()).put("basis", e.basisSize())
                .put("singular", Boolean.toString(e.singular()))
                .put("seconds", Math.round((System.nanoTime() - start) / 1e6) / 1000.0).build();
    }

    /**
     * The Lemma claim: reproduced iff for every law and N the held-out ratio's 95% interval reaches 1/(N-1)
     * (held_out_upper &gt;= bound), i.e. no row contradicts c_H &gt;= 1/(N-1). Measured: the smallest
     * (N-1) x held-out ratio.
     */
    public static Claim claim(List<Row> rows, boolean quick) {
        double min = Double.POSITIVE_INFINITY;
        double lo = Double.NaN;
        double hi = Double.NaN;
        boolean ok = true;
        String worst = "";
        for (Row r : rows) {
            double b = r.doubleValue("bound");
            double v = r.doubleValue("held_out") / b;
            if (!(r.doubleValue("held_out_upper") >= b)) {
                ok = false;
            }
            if (v < min) {
                min = v;
                lo = r.doubleValue("held_out_lower") / b;
                hi = r.doubleValue("held_out_upper") / b;
                worst = r.text("law") + ", N = " + r.text("N");
            }
        }
        Claim.Verdict verdict = quick ? Claim.Verdict.INCONCLUSIVE
                : ok ? Claim.Verdict.REPRODUCED : Claim.Verdict.NOT_REPRODUCED;
        return new Claim("coercivity.lemma",
                "Coercivity Lemma: (1/(N-1)) ||h||^2 <= E|R_h|^2 for i.i.d. and conditionally i.i.d. tokens "
                        + "(normalised: (N-1) c_H >= 1)",
                1.0, min, lo, hi,
                "reproduced iff for every token law and N the 95% interval of the held-out ratio reaches 1/(N-1)",
                verdict, String.format(Locale.ROOT, "smallest (N-1) x held-out ratio %.3f [%.3f, %.3f] at %s; %d rows%s",
                        min, lo, hi, worst, rows.size(), quick ? "; --quick: no verdict" : ""));
    }
}
