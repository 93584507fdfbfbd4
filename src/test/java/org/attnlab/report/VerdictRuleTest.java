package org.attnlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attnlab.experiments.Claim.Verdict;
import org.junit.jupiter.api.Test;

class VerdictRuleTest {

    @Test
    void insideInterval() {
        VerdictRule r = VerdictRule.insideInterval();
        assertEquals(Verdict.REPRODUCED, r.decide(-0.8, -0.7, -0.9, -0.75));
        assertEquals(Verdict.REPRODUCED, r.decide(-0.9, -0.7, -0.9, -0.75));
        assertEquals(Verdict.NOT_REPRODUCED, r.decide(-0.8, -0.7, -0.78, -0.6));
        assertEquals(Verdict.NOT_REPRODUCED, r.decide(-0.8, -0.7, Double.NaN, Double.NaN));
    }

    @Test
    void withinAbsoluteAndCombined() {
        VerdictRule r = VerdictRule.withinAbsolute(0.05);
        assertEquals(Verdict.REPRODUCED, r.decide(-0.8, -0.76, 0, 0));
        assertEquals(Verdict.NOT_REPRODUCED, r.decide(-0.8, -0.74, -1, 0));
        VerdictRule c = VerdictRule.insideIntervalOrWithin(0.05);
        assertEquals(Verdict.REPRODUCED, c.decide(-0.8, -0.74, -1, 0));
        assertEquals(Verdict.REPRODUCED, c.decide(-0.8, -0.76, -0.7, -0.6));
        assertEquals(Verdict.NOT_REPRODUCED, c.decide(-0.8, -0.7, -0.72, -0.6));
        assertTrue(c.describe().contains("0.05"));
        assertThrows(IllegalArgumentException.class, () -> VerdictRule.withinAbsolute(-1));
        assertThrows(IllegalArgumentException.class, () -> VerdictRule.withinAbsolute(Double.NaN));
    }
}
