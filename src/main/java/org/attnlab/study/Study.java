package org.attnlab.study;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.attnlab.internal.Checks;

/**
 * A model-A rate study, as read from a study file ({@link StudyFile}): settings x M grid x seeds, one ERM fit
 * and one composed-error estimate per unit, and the claims to check on the slopes.
 *
 * @param id the study's name (output titles, checkpoint fingerprint)
 * @param title one line describing it
 * @param masterSeed the master seed every unit's seeds are derived from (by key)
 * @param seeds seeds per (setting, M), &gt;= 2
 * @param grid the M grid, increasing, &gt;= 2 entries, each &gt;= 10
 * @param error the error measure claims are decided on: {@code absolute} or {@code relative} (divided by
 *     ||g*||^2 on the same pairs)
 * @param estimator the ERM
 * @param evalBlocks blocks of 4096 fresh pairs of the composed error, &gt;= 2
 * @param bootstrap bootstrap replicates of the slope intervals, &gt;= 100
 * @param settings the settings, ids unique
 * @param claims the claims, ids unique, each naming existing settings
 */
public record Study(String id, String title, long masterSeed, int seeds, int[] grid, String error,
                    EstimatorSpec estimator, int evalBlocks, int bootstrap, List<StudySetting> settings,
                    List<ClaimSpec> claims) {

    /** The error measures. */
    public static final List<String> ERRORS = List.of("absolute", "relative");

    public Study {
        Checks.notNull("id", id);
        Checks.notNull("title", title);
        Checks.atLeast("seeds", seeds, 2);
        Checks.notNull("grid", grid);
        grid = grid.clone();
        Checks.atLeast("grid.length", grid.length, 2);
        for (int i = 0; i < grid.length; i++) {
            Checks.atLeast("grid[" + i + "]", grid[i], 10);
            if (i > 0 && grid[i] <= grid[i - 1]) {
                throw Checks.fail("grid", "increasing", Arrays.toString(grid));
            }
        }
        if (!ERRORS.contains(error)) {
            throw Checks.fail("error", "one of " + ERRORS, error);
        }
        Checks.notNull("estimator", estimator);
        Checks.atLeast("eval_blocks", evalBlocks, 2);
        Checks.atLeast("bootstrap", bootstrap, 100);
        settings = List.copyOf(settings);
        claims = List.copyOf(claims);
        Checks.positive("settings.size", settings.size());
        Set<String> ids = new HashSet<>();
        for (StudySetting s : settings) {
            if (!ids.add(s.id())) {
                throw Checks.fail("settings id", "unique", s.id());
            }
        }
        Set<String> claimIds = new HashSet<>();
        for (ClaimSpec c : claims) {
            if (!claimIds.add(c.id())) {
                throw Checks.fail("claims id", "unique", c.id());
            }
            for (String s : c.settings()) {
                if (!ids.contains(s)) {
                    throw Checks.fail("claim " + c.id() + " setting", "one of " + ids, s);
                }
            }
        }
    }

    @Override
    public int[] grid() {
        return grid.clone();
    }

    /** The setting with this id. @throws IllegalArgumentException if there is none */
    public StudySetting setting(String settingId) {
        for (StudySetting s : settings) {
            if (s.id().equals(settingId)) {
                return s;
            }
        }
        throw Checks.fail("setting", "an id of this study", settingId);
    }

    /** The number of units: settings x grid x seeds. */
    public long units() {
        return (long) settings.size() * grid.length * seeds;
    }
}
