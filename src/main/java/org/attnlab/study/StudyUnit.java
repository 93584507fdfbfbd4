package org.attnlab.study;

import java.util.Locale;
import org.attnlab.internal.Checks;

/**
 * One unit of a study: a setting, a sample count M and a seed index.
 *
 * @param setting the setting
 * @param samples M
 * @param seed the seed index, 0-based
 */
public record StudyUnit(StudySetting setting, int samples, int seed) {

    public StudyUnit {
        Checks.notNull("setting", setting);
        Checks.atLeast("M", samples, 2);
        Checks.nonNegative("seed", seed);
    }

    /** The checkpoint key, e.g. {@code d5-P3/M1000/s03}; also what the unit's data seed is derived from. */
    public String key() {
        return String.format(Locale.ROOT, "%s/M%d/s%02d", setting.id(), samples, seed);
    }

    /**
     * The key of the ground truth's seed: phi* and A* depend on it, so every setting with the same phi* family
     * and the same seed index shares phi* (for example one phi* per seed for every d, as in arXiv 2510.11789
     * Figure 1). For a B-spline phi* on the default 8 pieces of [-4, 4] it is {@code truth/P<order>/s<seed>},
     * the key of {@code reproduce zucker2025}, so a study reproducing that audit draws the same truths.
     */
    public String truthKey() {
        ActivationSpec phi = setting.phi();
        String family;
        if ("bspline".equals(phi.family())) {
            family = phi.pieces() == 8 && phi.range() == 4.0 ? "P" + phi.order()
                    : String.format(Locale.ROOT, "P%d-K%d-R%s", phi.order(), phi.pieces(), phi.range());
        } else if ("abs".equals(phi.family())) {
            family = "abs" + phi.exponent();
        } else {
            family = phi.family();
        }
        return "truth/" + family + "/s" + seed;
    }
}
