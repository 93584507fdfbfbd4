package org.attnlab.coercivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * CoercivityEstimate and IdentityTerms keep the API of the records they replaced (OpenJML 0.21 cannot compile
 * records): the expected strings and hash codes were printed by the record versions (JDK 17) before the conversion.
 * Under OpenJML RAC this test also exercises the contracts of equals, hashCode, toString and rightHandSide.
 */
class CoercivityValueClassesTest {

    @Test
    void identityTermsAsTheRecord() {
        IdentityTerms t = new IdentityTerms(0.5, Double.POSITIVE_INFINITY, -0.0, 7);
        assertEquals("IdentityTerms[aggregated=0.5, pairwise=Infinity, cross=-0.0, tokensPerSample=7]", t.toString());
        assertEquals(-133169145, t.hashCode());
        assertEquals(t, new IdentityTerms(0.5, Double.POSITIVE_INFINITY, -0.0, 7));
        assertNotEquals(t, new IdentityTerms(0.5, Double.POSITIVE_INFINITY, 0.0, 7));
        // 1/(N-1) pairwise + (N-2)/(N-1) cross with N = 3: 0.5 * 2 + 0.5 * 4
        assertEquals(3.0, new IdentityTerms(0.0, 2.0, 4.0, 3).rightHandSide(), 0.0);
    }

    @Test
    void estimateAsTheRecord() {
        CoercivityEstimate e = new CoercivityEstimate(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, null, 12, true);
        assertEquals("CoercivityEstimate[constant=1.0, standardError=2.0, lower=3.0, upper=4.0, heldOut=5.0,"
                + " heldOutStandardError=6.0, heldOutLower=7.0, heldOutUpper=8.0, bound=9.0, normalised=10.0,"
                + " batchConstants=null, basisSize=12, singular=true]", e.toString());
        assertEquals(744359491, e.hashCode());
        assertEquals(e, new CoercivityEstimate(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, null, 12, true));
        assertNotEquals(e, new CoercivityEstimate(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, null, 12, false));
    }
}
