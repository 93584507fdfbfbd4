package org.attnlab.study;

import java.util.Locale;
import org.attnlab.internal.Checks;
import org.attnlab.sampler.ExchangeableTokens;
import org.attnlab.sampler.GaussianTokens;
import org.attnlab.sampler.IndependentTokenLaw;
import org.attnlab.sampler.TokenLaw;
import org.attnlab.sampler.UniformCube;

/**
 * The token law of a study setting: {@code uniform} (i.i.d. uniform on [-1, 1]^d), {@code gaussian} (i.i.d.
 * N(0, I_d)) or {@code exchangeable} (X_i = sqrt(1 - tau) Z_i + sqrt(tau) W, Z_i and W i.i.d. from {@code base}).
 *
 * @param law {@code uniform}, {@code gaussian} or {@code exchangeable}
 * @param base for {@code exchangeable}: {@code uniform} or {@code gaussian}; otherwise equal to {@code law}
 * @param tau for {@code exchangeable}: the shared fraction in [0, 1]; otherwise 0
 */
public record TokenLawSpec(String law, String base, double tau) {

    /** The law names a study file accepts. */
    public static final java.util.List<String> LAWS = java.util.List.of("uniform", "gaussian", "exchangeable");
    /** The base laws of {@code exchangeable}. */
    public static final java.util.List<String> BASES = java.util.List.of("uniform", "gaussian");

    public TokenLawSpec {
        Checks.notNull("law", law);
        Checks.notNull("base", base);
        if (!LAWS.contains(law)) {
            throw Checks.fail("law", "one of " + LAWS, law);
        }
        if (!BASES.contains(base)) {
            throw Checks.fail("base", "one of " + BASES, base);
        }
        Checks.inRange("tau", tau, 0.0, 1.0);
    }

    /** The law i.i.d. uniform on [-1, 1]^d, the law of arXiv 2510.11789 Figure 1. */
    public static TokenLawSpec uniform() {
        return new TokenLawSpec("uniform", "uniform", 0.0);
    }

    /** The sampler's law in dimension d. */
    public TokenLaw build(int dimension) {
        return switch (law) {
            case "uniform" -> UniformCube.of(dimension);
            case "gaussian" -> GaussianTokens.isotropic(dimension);
            default -> ExchangeableTokens.of(independent(base, dimension), tau);
        };
    }

    private static IndependentTokenLaw independent(String name, int dimension) {
        return "uniform".equals(name) ? UniformCube.of(dimension) : GaussianTokens.isotropic(dimension);
    }

    /** In words, for the report. */
    public String describe() {
        return switch (law) {
            case "uniform" -> "iid uniform on [-1,1]^d";
            case "gaussian" -> "iid N(0, I_d)";
            default -> String.format(Locale.ROOT, "exchangeable, tau = %s, base iid %s", tau, base);
        };
    }
}
