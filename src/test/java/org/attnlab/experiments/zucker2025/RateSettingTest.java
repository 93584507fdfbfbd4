package org.attnlab.experiments.zucker2025;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RateSettingTest {

    @Test
    void theoreticalSlopesOfFigure1() {
        assertEquals(-0.8, new RateSetting(5, 3, 3).theorySlope(), 1e-15);
        assertEquals(-14.0 / 15.0, new RateSetting(1, 8, 8).theorySlope(), 1e-15);
        assertEquals("d5-P3", new RateSetting(5, 3, 3).id());
        assertEquals("d5-P3-E4", new RateSetting(5, 3, 4).id());
    }

    @Test
    void regimeBoundByHand() {
        RateSetting s = new RateSetting(5, 3, 3);
        double m = 1000;
        assertEquals(Math.pow(m / Math.log(m), 0.2), s.regimeBound(1000), 1e-12);
        assertFalse(s.inRegime(1, 1000)); // (1000/6.9)^0.2 = 2.7 < 5
        double start = s.regimeStart(1);
        // at the start, M / log M = (r d)^(2 beta + 1) = 3125
        assertEquals(3125.0, start / Math.log(start), 1e-6);
        assertTrue(s.inRegime(1, (int) Math.ceil(start) + 1));
        assertTrue(new RateSetting(1, 8, 8).inRegime(1, 10));
    }

    @Test
    void planIsSettingMajorWithoutRepeats() {
        Zucker2025Config q = Zucker2025Config.quickGrid();
        assertEquals(List.of(new RateSetting(1, 3, 3), new RateSetting(5, 3, 3), new RateSetting(30, 3, 3),
                new RateSetting(1, 8, 8)), q.settings("all"));
        assertEquals(List.of(new RateSetting(1, 3, 3), new RateSetting(1, 8, 8)), q.settings("1b"));
        assertEquals(4 * q.sizes().length * q.seeds(), q.plan("all").size());
        assertEquals("d1-P3/M200/s00", q.plan("all").get(0).key());
    }

    /** Issue 9 item 4: M up to >= 32000 with a point >= 33000 (d = 5 enters the regime at 3.25e4), >= 16 seeds. */
    @Test
    void theFullGridReachesTheClaims() {
        Zucker2025Config f = Zucker2025Config.fullGrid();
        int[] m = f.sizes();
        assertTrue(m[m.length - 1] >= 33000, java.util.Arrays.toString(m));
        assertTrue(m[m.length - 1] >= new RateSetting(5, 3, 3).regimeStart(1), "d = 5 enters the regime on the grid");
        assertTrue(f.seeds() >= 16);
        for (Zucker2025Unit u : f.plan("all")) {
            assertTrue(java.util.Arrays.binarySearch(m, u.samples()) >= 0, "one grid for every setting");
        }
    }

    @Test
    void badInputs() {
        assertThrows(IllegalArgumentException.class, () -> new RateSetting(0, 3, 3));
        assertThrows(IllegalArgumentException.class, () -> new RateSetting(1, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> new RateSetting(1, 3, 0));
        assertThrows(IllegalArgumentException.class, () -> new RateSetting(1, 3, 3).regimeBound(1));
        assertThrows(IllegalArgumentException.class, () -> new Zucker2025Unit(new RateSetting(1, 3, 3), 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Zucker2025Unit(new RateSetting(1, 3, 3), 10, -1));
    }
}
