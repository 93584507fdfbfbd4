package org.attnlab.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * equals of the sampler's value types against an object of another type and against a value of another shape
 * (the branches the record and pattern-instanceof forms hid; OpenJML's RAC needs the plain instanceof form).
 */
class ValueObjectsTest {

    private static final Object OTHER = "not a sampler value";

    @Test
    void equalsRejectsAnotherType() {
        assertNotEquals(GaussianNoise.of(0.1), OTHER);
        assertNotEquals(UniformCube.of(2), OTHER);
        assertNotEquals(GaussianTokens.isotropic(2), OTHER);
        assertNotEquals(ExchangeableTokens.of(UniformCube.of(2), 0.5), OTHER);
        assertNotEquals(Activation.relu(), OTHER);
        assertNotEquals(BSplineActivation.random(3, 4, 2.0, 1L), OTHER);
        assertNotEquals(truth(7L), OTHER);
    }

    @Test
    void equalsComparesShapeAndEntries() {
        assertNotEquals(GaussianTokens.isotropic(2), GaussianTokens.isotropic(3));
        assertNotEquals(GaussianTokens.isotropic(2), GaussianTokens.withEigenvalues(new double[] {1.0, 2.0}));
        assertEquals(GaussianTokens.isotropic(2), GaussianTokens.withEigenvalues(new double[] {1.0, 1.0}));
        assertNotEquals(truth(7L), truth(8L));
        assertEquals(truth(7L), truth(7L));
    }

    private static GroundTruth truth(long seed) {
        return GroundTruth.of(UniformCube.of(2), new double[] {1.0, 0.0, 0.0, 1.0}, 2, Activation.tanh(),
                GaussianNoise.of(0.1), 3, seed);
    }
}
