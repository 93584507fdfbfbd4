package org.attnlab.experiments.zucker2025;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.attnlab.audit.Claim;
import org.attnlab.audit.Row;
import org.attnlab.audit.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The slope claims' decision statistic on hand-made curves whose per-seed slopes are known exactly: the mean of the
 * seeds' own slopes, and the pairing of the d-independence difference (one seed, one truth, both d).
 */
class Zucker2025ClaimsTest {

    private static final int[] SIZES = {1000, 2000, 4000, 8000};
    private static final RateSetting D1 = new RateSetting(1, 3, 3);
    private static final RateSetting D2 = new RateSetting(2, 3, 3);

    private static Zucker2025Config config(int seeds) {
        return new Zucker2025Config(List.of(D1, D2), List.of(D1), SIZES, seeds, 6, 1, 0.1, 8, 4.0, 4.0, 0, 15, 1e-6,
                2, 2000, false, 20);
    }

    /** Seed s decays at slope -0.5 - 0.6 s / (n - 1) at d = 1 (a wide spread) and 0.03 faster at d = 2. */
    private static double slope(RateSetting setting, int s, int n) {
        double base = -0.5 - 0.6 * s / (n - 1.0);
        return setting == D2 ? base - 0.03 : base;
    }

    private static List<Row> rows(int seeds) {
        List<Row> rows = new ArrayList<>();
        for (RateSetting st : List.of(D1, D2)) {
            for (int m : SIZES) {
                for (int s = 0; s < seeds; s++) {
                    // scales differing 30x across seeds, as ||g*||^2 does in the real runs
                    double scale = 0.03 + s;
                    double error = scale * Math.pow(m, slope(st, s, seeds));
                    rows.add(Row.builder().put("setting", st.id()).put("M", m).put("seed", s).put("error", error)
                            .put("truth_norm", scale).build());
                }
            }
        }
        return rows;
    }

    private static Claim claim(List<Claim> claims, String id) {
        return claims.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void slopeClaimsAreDecidedOnTheMeanOfTheSeedsOwnSlopes() {
        int n = 12;
        Zucker2025Config cfg = config(n);
        List<Zucker2025Claims.Curve> curves = Zucker2025Claims.curves(cfg, cfg.settings("1a"), rows(n), 7);
        List<Claim> claims = Zucker2025Claims.claims(cfg, "1a", curves, 7);
        double mean = 0;
        for (int s = 0; s < n; s++) {
            mean += slope(D1, s, n) / n;
        }
        Claim d1 = claim(claims, "fig1a.slope.d1-P3");
        assertEquals(mean, d1.measured(), 1e-12);
        assertTrue(d1.lower() < mean && mean < d1.upper(), d1.toString());
        // the seeds' slopes spread over 0.6, so the interval of their mean is not degenerate
        assertTrue(d1.upper() - d1.lower() > 0.05, d1.toString());
        assertFalse(d1.detail().contains("alone"), "12 seeds: none unseen");
    }

    @Test
    void theDifferenceOfTwoSettingsIsPairedBySeed() {
        int n = 12;
        Zucker2025Config cfg = config(n);
        List<Claim> claims = Zucker2025Claims.claims(cfg, "1a",
                Zucker2025Claims.curves(cfg, cfg.settings("1a"), rows(n), 7), 7);
        Claim diff = claim(claims, "fig1a.d-independence.d2-P3");
        // every seed's difference is exactly -0.03, so every paired replicate is -0.03: the interval is a point
        // inside 0 +- 0.1; an unpaired resampling of the two settings would spread over the 0.6 range of slopes
        assertEquals(-0.03, diff.measured(), 1e-12);
        assertEquals(-0.03, diff.lower(), 1e-12);
        assertEquals(-0.03, diff.upper(), 1e-12);
        assertEquals(Verdict.REPRODUCED, diff.verdict());
    }

    @Test
    void seedsFromTheFirstUnseenOneAreReportedAlone() {
        int n = Zucker2025Claims.FIRST_UNSEEN_SEED + Zucker2025Claims.MIN_UNSEEN_SEEDS;
        Zucker2025Config cfg = config(n);
        List<Claim> claims = Zucker2025Claims.claims(cfg, "1a",
                Zucker2025Claims.curves(cfg, cfg.settings("1a"), rows(n), 7), 7);
        String expected = "on the 4 seeds 16 .. 19 alone";
        assertTrue(claim(claims, "fig1a.slope.d1-P3").detail().contains(expected), claims.toString());
        assertTrue(claim(claims, "fig1a.d-independence.d2-P3").detail().contains(expected), claims.toString());
    }

    /**
     * The reference of a difference claim (the first d of 1(a); the first P of 1(b)) follows the most seeds of the
     * settings it is compared with, never fewer than its own; settings of the other part are not compared.
     */
    @Test
    void theReferenceSettingFollowsTheSeedsOfTheSettingsItIsComparedWith() {
        RateSetting p4 = new RateSetting(1, 4, 4);
        RateSetting d5 = new RateSetting(5, 3, 3);
        Zucker2025Config cfg = new Zucker2025Config(List.of(D1, D2, d5), List.of(D1, p4), SIZES, 4, 6, 1, 0.1, 8,
                4.0, 4.0, 0, 15, 1e-6, 2, 2000, false, 20);
        Zucker2025Config grown = cfg.withSeeds(D2, 8).withSeeds(d5, 12).withSeeds(p4, 20);
        assertEquals(20, grown.withReferencesFollowing("all").seeds(D1));
        assertEquals(12, grown.withReferencesFollowing("1a").seeds(D1));
        assertEquals(20, grown.withReferencesFollowing("1b").seeds(D1));
        assertEquals(8, grown.withReferencesFollowing("all").seeds(D2), "only the reference follows");
        assertEquals(24, grown.withSeeds(D1, 24).withReferencesFollowing("all").seeds(D1), "never fewer");
        assertEquals(4, cfg.withReferencesFollowing("all").seeds(D1));
    }

    @Test
    void perSettingSeedCountsAndTheirBadInput() {
        Zucker2025Config cfg = config(4).withSeeds(D2, 8);
        assertEquals(4, cfg.seeds(D1));
        assertEquals(8, cfg.seeds(D2));
        assertEquals("d1-P3: 4, d2-P3: 8", cfg.seedsText("1a"));
        assertEquals("4", config(4).seedsText("1a"));
        assertEquals(2 * SIZES.length * 4 + SIZES.length * 4, cfg.plan("1a").size());
        IllegalArgumentException nul = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> config(4).withSeeds(null, 3));
        assertTrue(nul.getMessage().contains("setting"), nul.getMessage());
        IllegalArgumentException zero = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> config(4).withSeeds(D1, 0));
        assertTrue(zero.getMessage().contains("seedsBySetting[d1-P3]"), zero.getMessage());
    }
}
