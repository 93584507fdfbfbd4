package org.attnlab.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** {@link DoubleArrays#sameEntries} is {@code Arrays.equals(double[], double[])}, including its NaN and -0.0 rules. */
class DoubleArraysTest {

    @Test
    void comparesBitsNotValues() {
        assertTrue(DoubleArrays.sameEntries(new double[] {Double.NaN}, new double[] {Double.NaN}));
        assertFalse(DoubleArrays.sameEntries(new double[] {0.0}, new double[] {-0.0}));
        assertFalse(DoubleArrays.sameEntries(new double[] {1, 2}, new double[] {1}));
        assertFalse(DoubleArrays.sameEntries(new double[] {1, 2}, new double[] {1, 3}));
        assertTrue(DoubleArrays.sameEntries(new double[0], new double[0]));
    }

    @Property(tries = 200, seed = "20261201")
    void agreesWithArraysEquals(@ForAll @Size(max = 4) double[] x, @ForAll @Size(max = 4) double[] y) {
        assertEquals(Arrays.equals(x, y), DoubleArrays.sameEntries(x, y));
        assertTrue(DoubleArrays.sameEntries(x, x.clone()));
    }
}
