package org.attnlab.study;

import java.util.List;
import org.attnlab.internal.Checks;

/**
 * A claim a study checks, under the audit layer's pre-registered-margin rule.
 *
 * <ul>
 *   <li>{@link Slope}: the slope of log error against log M of one setting equals {@code reference} (a number or
 *       the theorem's -2 beta / (2 beta + 1)) within {@code margin};</li>
 *   <li>{@link EqualSlopes}: the slopes of several settings agree within {@code margin}: one claim per setting
 *       after the first, on the difference of its slope and the first's (reference 0, paired bootstrap);</li>
 *   <li>{@link Faster}: the error of {@code faster} falls faster than that of {@code slower} (decided on the
 *       sign of the difference of slopes).</li>
 * </ul>
 */
public sealed interface ClaimSpec {

    /** The claim's id in claims.json. */
    String id();

    /** The claim in words. */
    String statement();

    /** The settings the claim reads. */
    List<String> settings();

    /**
     * A slope claim.
     *
     * @param id the claim id
     * @param statement the claim in words
     * @param setting the setting id
     * @param reference the reference slope, or NaN for the theorem's slope of the setting's phi*
     * @param margin the pre-registered margin, finite and &gt; 0
     */
    record Slope(String id, String statement, String setting, double reference, double margin) implements ClaimSpec {
        public Slope {
            Checks.notNull("id", id);
            Checks.notNull("statement", statement);
            Checks.notNull("setting", setting);
            Checks.positive("margin", margin);
        }

        @Override
        public List<String> settings() {
            return List.of(setting);
        }

        /** Whether the reference is the theorem's slope. */
        public boolean theory() {
            return Double.isNaN(reference);
        }
    }

    /**
     * An equality-of-slopes claim.
     *
     * @param id the claim id
     * @param statement the claim in words
     * @param settings two or more distinct setting ids
     * @param margin the pre-registered margin on the difference of each setting's slope and the first's, finite
     *     and &gt; 0
     */
    record EqualSlopes(String id, String statement, List<String> settings, double margin) implements ClaimSpec {
        public EqualSlopes {
            Checks.notNull("id", id);
            Checks.notNull("statement", statement);
            settings = List.copyOf(settings);
            Checks.atLeast("settings.size", settings.size(), 2);
            Checks.positive("margin", margin);
        }
    }

    /**
     * A directional claim: slope(faster) &lt; slope(slower).
     *
     * @param id the claim id
     * @param statement the claim in words
     * @param faster the setting whose error should fall faster
     * @param slower the other setting
     */
    record Faster(String id, String statement, String faster, String slower) implements ClaimSpec {
        public Faster {
            Checks.notNull("id", id);
            Checks.notNull("statement", statement);
            Checks.notNull("faster", faster);
            Checks.notNull("slower", slower);
        }

        @Override
        public List<String> settings() {
            return List.of(faster, slower);
        }
    }
}
