package org.attnlab.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class SimdTest {

    /**
     * Surefire sets attnlab.simd.expected and passes --add-modules jdk.incubator.vector, so the unit tests run the
     * SIMD loops; without this check a lost JVM flag would silently leave them untested.
     */
    @Test
    void surefireRunsWithTheVectorApi() {
        assumeTrue(Boolean.getBoolean("attnlab.simd.expected"), "not the surefire JVM");
        assertTrue(Simd.enabled(), "the surefire JVM must run with --add-modules " + Simd.MODULE);
    }

    @Test
    void aMissingClassMeansTheScalarLoops() {
        assertNull(Simd.load(Runnable.class, "org.attnlab.vector.NoSuchLoops"));
    }

    @Test
    void aClassOfTheWrongTypeIsABuildErrorNamedInTheMessage() {
        assumeTrue(Simd.enabled());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Simd.load(Runnable.class, "java.lang.Object"));
        assertEquals("className must name an implementation of java.lang.Runnable, got java.lang.Object",
                e.getMessage());
    }

    @Test
    void anImplementationIsLoadedWhenEnabled() {
        Object o = Simd.load(CharSequence.class, "java.lang.StringBuilder");
        if (Simd.enabled()) {
            assertTrue(o instanceof StringBuilder);
        } else {
            assertNull(o);
        }
    }
}
