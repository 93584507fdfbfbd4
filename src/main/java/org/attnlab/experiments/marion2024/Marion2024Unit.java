package org.attnlab.experiments.marion2024;

/**
 * One unit of the marion2024 audit: a trajectory ({@code run}), a long trajectory from the manifold
 * ({@code long}), a point of the dimension sweep ({@code sweep}), or a Monte Carlo check of a closed form
 * ({@code mc}, {@code linear}).
 *
 * @param kind run, long, sweep, mc or linear
 * @param config the configuration id (or "dsweep", "closed-form", "linear")
 * @param index the sweep's d, or the Monte Carlo point's index
 * @param repeat the repeat index
 */
public record Marion2024Unit(String kind, String config, int index, int repeat) {

    /** The checkpoint key, also what the unit's seed is derived from. */
    public String key() {
        return kind + "/" + config + "/" + index + "/r" + repeat;
    }
}
