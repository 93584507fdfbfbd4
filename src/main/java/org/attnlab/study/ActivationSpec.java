package org.attnlab.study;

import java.util.List;
import java.util.Locale;
import org.attnlab.internal.Checks;
import org.attnlab.sampler.Activation;
import org.attnlab.sampler.BSplineActivation;
import org.attnlab.sampler.StandardActivation;

/**
 * The family of phi* in a study setting.
 *
 * <ul>
 *   <li>{@code bspline}: a random B-spline of order P ({@code order}) on {@code pieces} equal pieces of
 *       [-range, range] with N(0, 1) coefficients drawn from the truth seed (one phi* per seed index, shared by
 *       every setting with the same order, pieces and range), Holder smoothness beta = P - 1;</li>
 *   <li>{@code relu} (beta = 1), {@code abs} (|u|^a with {@code exponent} a, beta = a), {@code tanh},
 *       {@code sin}, {@code softplus} (beta infinite; the estimator's degree p caps the usable smoothness at
 *       p + 1, see {@link StudySetting#effectiveBeta()}).</li>
 * </ul>
 *
 * @param family one of {@link #FAMILIES}
 * @param order B-spline order P &gt;= 2 (bspline only, else 0)
 * @param pieces pieces (bspline only, else 0)
 * @param range half-width of the knot interval (bspline only, else 0)
 * @param exponent a &gt; 0 (abs only, else 0)
 */
public record ActivationSpec(String family, int order, int pieces, double range, double exponent) {

    /** The families a study file accepts. */
    public static final List<String> FAMILIES = List.of("bspline", "relu", "abs", "tanh", "sin", "softplus");

    public ActivationSpec {
        Checks.notNull("family", family);
        if (!FAMILIES.contains(family)) {
            throw Checks.fail("family", "one of " + FAMILIES, family);
        }
        if ("bspline".equals(family)) {
            Checks.atLeast("order", order, 2);
            Checks.positive("pieces", pieces);
            Checks.positive("range", range);
        }
        if ("abs".equals(family)) {
            Checks.positive("exponent", exponent);
        }
    }

    /** A bspline phi* of order P on {@code pieces} pieces of [-range, range]. */
    public static ActivationSpec bspline(int order, int pieces, double range) {
        return new ActivationSpec("bspline", order, pieces, range, 0.0);
    }

    /** The Holder smoothness beta of phi* (infinite for the analytic families). */
    public double beta() {
        return switch (family) {
            case "bspline" -> order - 1.0;
            case "relu" -> 1.0;
            case "abs" -> exponent;
            default -> Double.POSITIVE_INFINITY;
        };
    }

    /** phi*, drawn (bspline) from the truth seed. */
    public Activation build(long truthSeed) {
        return switch (family) {
            case "bspline" -> BSplineActivation.random(order, pieces, range, truthSeed);
            case "relu" -> StandardActivation.of(StandardActivation.Kind.RELU, 1.0);
            case "abs" -> StandardActivation.of(StandardActivation.Kind.ABS, exponent);
            case "tanh" -> StandardActivation.of(StandardActivation.Kind.TANH, Double.NaN);
            case "sin" -> StandardActivation.of(StandardActivation.Kind.SIN, Double.NaN);
            default -> StandardActivation.of(StandardActivation.Kind.SOFTPLUS, Double.NaN);
        };
    }

    /** In words, for the report. */
    public String describe() {
        return switch (family) {
            case "bspline" -> String.format(Locale.ROOT,
                    "B-spline of order %d, %d equal pieces on [-%s, %s], N(0,1) coefficients (one per seed)", order,
                    pieces, range, range);
            case "abs" -> String.format(Locale.ROOT, "|u|^%s", exponent);
            default -> family;
        };
    }
}
