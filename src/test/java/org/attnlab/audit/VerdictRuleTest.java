package org.attnlab.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attnlab.audit.VerdictRule.Kind;
import org.junit.jupiter.api.Test;

/**
 * The one verdict rule on hand-made intervals. Reference r = -0.8, margin 0.1: the band is [-0.9, -0.7]. The
 * values are exact in binary where an edge is touched (-0.75 +- 0.25 etc. are chosen so that r +- delta is
 * computed exactly: r = 0.5, delta = 0.25 gives the band [0.25, 0.75]).
 */
class VerdictRuleTest {

    private static final Margin DELTA = Margin.of(0.25, "test margin");
    private static final Margin NONE = Margin.of(0.0, "directional");
    private static final Sample SEEDS = Sample.seeds(16);

    private static Verdict within(double lo, double hi) {
        return VerdictRule.decide(Kind.WITHIN, 0.5, DELTA, lo, hi, SEEDS).verdict();
    }

    @Test
    void insideTheBandIsReproduced() {
        assertEquals(Verdict.REPRODUCED, within(0.4, 0.6));
        assertEquals(Verdict.REPRODUCED, within(0.5, 0.5));
    }

    @Test
    void touchingAnEdgeFromInsideCountsAsInside() {
        assertEquals(Verdict.REPRODUCED, within(0.25, 0.6));
        assertEquals(Verdict.REPRODUCED, within(0.4, 0.75));
        assertEquals(Verdict.REPRODUCED, within(0.25, 0.75));
    }

    @Test
    void entirelyOutsideIsNotReproduced() {
        assertEquals(Verdict.NOT_REPRODUCED, within(0.8, 0.9));
        assertEquals(Verdict.NOT_REPRODUCED, within(-1.0, 0.2));
    }

    @Test
    void touchingAnEdgeFromOutsideIsNotEntirelyOutside() {
        assertEquals(Verdict.INCONCLUSIVE, within(0.75, 0.9));
        assertEquals(Verdict.INCONCLUSIVE, within(0.1, 0.25));
    }

    @Test
    void straddlingEitherEdgeOrBothIsInconclusive() {
        assertEquals(Verdict.INCONCLUSIVE, within(0.2, 0.6));
        assertEquals(Verdict.INCONCLUSIVE, within(0.4, 0.8));
        assertEquals(Verdict.INCONCLUSIVE, within(0.0, 1.0));
    }

    @Test
    void aWideIntervalNoLongerReproducesTheReference() {
        // the old rule ("reference inside our interval") said REPRODUCED here; the margin rule does not
        assertEquals(Verdict.INCONCLUSIVE, VerdictRule.decide(Kind.WITHIN, -0.8, Margin.of(0.1, "slope"), -0.997,
                -0.177, SEEDS).verdict());
    }

    @Test
    void directionalClaimsDecideOnTheSignOfTheWholeInterval() {
        assertEquals(Verdict.REPRODUCED, VerdictRule.decide(Kind.BELOW, 0, NONE, -0.3, -0.1, SEEDS).verdict());
        assertEquals(Verdict.NOT_REPRODUCED, VerdictRule.decide(Kind.BELOW, 0, NONE, 0.1, 0.3, SEEDS).verdict());
        assertEquals(Verdict.INCONCLUSIVE, VerdictRule.decide(Kind.BELOW, 0, NONE, -0.3, 0.1, SEEDS).verdict());
        assertEquals(Verdict.INCONCLUSIVE, VerdictRule.decide(Kind.BELOW, 0, NONE, -0.3, 0.0, SEEDS).verdict());
        assertEquals(Verdict.INCONCLUSIVE, VerdictRule.decide(Kind.BELOW, 0, NONE, 0.0, 0.3, SEEDS).verdict());
        assertEquals(Verdict.REPRODUCED, VerdictRule.decide(Kind.ABOVE, 1, NONE, 1.1, 2, SEEDS).verdict());
        assertEquals(Verdict.NOT_REPRODUCED, VerdictRule.decide(Kind.ABOVE, 1, NONE, 0.5, 0.9, SEEDS).verdict());
        assertEquals(Verdict.INCONCLUSIVE, VerdictRule.decide(Kind.ABOVE, 1, NONE, 1.0, 2, SEEDS).verdict());
        assertThrows(IllegalArgumentException.class,
                () -> VerdictRule.decide(Kind.BELOW, 0, DELTA, -0.3, -0.1, SEEDS));
    }

    @Test
    void oneSidedBoundsUseTheHalfLine() {
        // q >= 1 with margin 0.25: T = [0.75, inf)
        assertEquals(Verdict.REPRODUCED, VerdictRule.decide(Kind.AT_LEAST, 1, DELTA, 0.75, 5, SEEDS).verdict());
        assertEquals(Verdict.INCONCLUSIVE, VerdictRule.decide(Kind.AT_LEAST, 1, DELTA, 0.5, 5, SEEDS).verdict());
        assertEquals(Verdict.NOT_REPRODUCED, VerdictRule.decide(Kind.AT_LEAST, 1, DELTA, 0.1, 0.5, SEEDS).verdict());
        // q <= 0 with margin 0.25: T = (-inf, 0.25]
        assertEquals(Verdict.REPRODUCED, VerdictRule.decide(Kind.AT_MOST, 0, DELTA, -1, 0.25, SEEDS).verdict());
        assertEquals(Verdict.INCONCLUSIVE, VerdictRule.decide(Kind.AT_MOST, 0, DELTA, 0.25, 0.5, SEEDS).verdict());
        assertEquals(Verdict.NOT_REPRODUCED, VerdictRule.decide(Kind.AT_MOST, 0, DELTA, 0.5, 0.6, SEEDS).verdict());
    }

    @Test
    void nanBoundsAndReversedIntervalsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> within(Double.NaN, 0.6));
        assertThrows(IllegalArgumentException.class, () -> within(0.4, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> within(0.6, 0.4));
        assertThrows(IllegalArgumentException.class,
                () -> VerdictRule.decide(Kind.WITHIN, Double.NaN, DELTA, 0.4, 0.6, SEEDS));
        assertThrows(IllegalArgumentException.class, () -> Margin.of(Double.NaN, "x"));
        assertThrows(IllegalArgumentException.class, () -> Margin.of(-0.1, "x"));
        assertThrows(IllegalArgumentException.class, () -> Margin.of(0.1, " "));
    }

    @Test
    void inconclusiveVerdictsSayHowManyMoreSeedsWouldDecide() {
        // centre 0.6, half-width 0.2, nearest edge 0.75 at distance 0.15: n' = ceil(16 (0.2/0.15)^2) = 29
        VerdictRule.Decision d = VerdictRule.decide(Kind.WITHIN, 0.5, DELTA, 0.4, 0.8, SEEDS);
        assertEquals(Verdict.INCONCLUSIVE, d.verdict());
        assertTrue(d.advice().startsWith("to decide: about 29 seeds (now 16)"), d.advice());
        // centred on an edge: no prediction
        assertTrue(VerdictRule.decide(Kind.BELOW, 0, NONE, -0.5, 0.5, SEEDS).advice().contains("centred on the edge"));
        // a range over every repeat does not narrow with more repeats
        assertTrue(VerdictRule.decide(Kind.AT_LEAST, 1, DELTA, 0.5, 1, Sample.everyRepeat(5)).advice()
                .contains("do not narrow"));
        assertEquals("", VerdictRule.decide(Kind.WITHIN, 0.5, DELTA, 0.4, 0.6, SEEDS).advice());
    }
}
