package org.attnlab.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan's arithmetic on hand-computed cases (the calibration's timing is measured, not tested here). */
class StudyPlanTest {

    static final double EXACT = 1e-12;

    @Test
    void makespanOfTheLongestFirstSchedule() {
        // 7, 5, 4, 3, 3 on 2 slots: 7 | 5 -> 7 | 5+4=9 -> 7+3=10 | 9 -> 10 | 9+3=12
        assertEquals(12.0, StudyPlan.makespan(List.of(3.0, 5.0, 7.0, 4.0, 3.0), 2), EXACT);
        assertEquals(22.0, StudyPlan.makespan(List.of(3.0, 5.0, 7.0, 4.0, 3.0), 1), EXACT);
        assertEquals(7.0, StudyPlan.makespan(List.of(3.0, 5.0, 7.0, 4.0, 3.0), 10), EXACT);
        assertEquals(0.0, StudyPlan.makespan(List.of(), 4), EXACT);
        assertThrows(IllegalArgumentException.class, () -> StudyPlan.makespan(List.of(1.0), 0));
    }

    @Test
    void fitRecoversAnExactPowerLawAndClampsTheExponent() {
        StudyPlan.Calibration c = StudyPlan.fit("s", new double[] {100, 200, 400}, new double[] {0.5, 0.5 * Math.pow(2,
                1.3), 0.5 * Math.pow(4, 1.3)});
        assertEquals(1.3, c.exponent(), 1e-12);
        assertEquals(0.5 * Math.pow(4000 / 100.0, 1.3), c.seconds(4000), 1e-9);
        // flat timings (start-up dominated) are clamped to g = 1: a unit is never cheaper than linear in M
        StudyPlan.Calibration flat = StudyPlan.fit("s", new double[] {100, 200}, new double[] {1.0, 1.0});
        assertEquals(1.0, flat.exponent(), EXACT);
        // a = geometric mean of t / M = 1 / sqrt(100 x 200); t(1000) = 1000 / sqrt(20000)
        assertEquals(1000 / Math.sqrt(20000), flat.seconds(1000), 1e-9);
    }

    @Test
    void taskBytesFollowTheStatedModel() {
        // 2.5 x 8 M N d + 2 x 2 x 4096 x N x d x 8 + 64 MiB at M = 1000, N = 10, d = 5
        double expected = 2.5 * 8 * 1000 * 10 * 5 + 2 * 2 * 4096 * 10 * 5 * 8 + 64.0 * 1024 * 1024;
        assertEquals(expected, StudyPlan.taskBytes(1000, 10, 5), EXACT);
    }

    @Test
    void predictionSumsUnitsAndSchedulesThem() {
        Study study = StudyFile.parse("""
                [study]
                id = "p"
                master_seed = 1
                seeds = 3
                grid = [100, 400]
                [[settings]]
                id = "a"
                d = 2
                N = 10
                r = 1
                noise = 0.1
                tokens = { law = "uniform" }
                phi = { family = "relu" }
                """, "p");
        StudyPlan.Calibration c = new StudyPlan.Calibration("a", new double[] {100}, new double[] {1}, 0.01, 1.0);
        StudyPlan.Prediction p = StudyPlan.predict(study, List.of(c), 1, 2, 1.0, 3.0);
        // units: 3 x 1 s (M = 100) and 3 x 4 s (M = 400) = 15 s CPU
        // LPT on 2 slots: 4 -> A, 4 -> B, 4 -> A (8), 1 -> B (5), 1 -> B (6), 1 -> B (7): makespan 8
        assertEquals(15.0, p.cpuSeconds(), 1e-9);
        assertEquals(8.0 + 3.0, p.wallSeconds(), 1e-9);
        double budget = 1024.0 * 1024 * 1024 - 64.0 * 1024 * 1024 - 2 * 2 * 4096 * 20 * 8.0;
        assertEquals((long) Math.floor(budget / (2.5 * 8 * 20)), p.largestM());
        assertEquals(StudyPlan.taskBytes(400, 10, 2), p.peakTaskBytes(), EXACT);
        assertThrows(IllegalArgumentException.class, () -> StudyPlan.predict(study, List.of(), 1, 2, 1.0, 0.0));
    }
}
