package org.attnlab.experiments.zucker2025;

import java.util.Locale;
import org.attnlab.internal.Checks;

/**
 * One unit of the rate sweep: a setting, a sample count M and a seed index.
 *
 * @param setting the curve
 * @param samples M
 * @param seed the seed index, 0-based
 */
public record Zucker2025Unit(RateSetting setting, int samples, int seed) {

    public Zucker2025Unit {
        Checks.notNull("setting", setting);
        Checks.atLeast("M", samples, 2);
        Checks.nonNegative("seed", seed);
    }

    /** The checkpoint key, e.g. {@code d5-P3/M1000/s03}; also what the unit's data seed is derived from. */
    public String key() {
        return String.format(Locale.ROOT, "%s/M%d/s%02d", setting.id(), samples, seed);
    }

    /** The key of the ground truth: phi* depends on P_true and the seed only (shared by every d and M). */
    public String truthKey() {
        return "truth/P" + setting.orderTrue() + "/s" + seed;
    }
}
