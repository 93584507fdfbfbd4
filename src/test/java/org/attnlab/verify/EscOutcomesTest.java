package org.attnlab.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How OpenJmlIT reads per-method ESC outcomes: only "with warnings" is a counterexample (a buggy twin must get one),
 * only "no warnings" a proof, and a second run of the twins replaces the undecided outcomes of the first and nothing
 * else. The lines are in the form OpenJML 0.21 prints with --progress (target/openjml-twins.log).
 */
class EscOutcomesTest {

    private static final List<String> FIRST = List.of(
            "Starting proof of p.T.a__x__bug(int) with prover z3_4_8",
            "Completed proof of p.T.a__x__bug(int) with prover z3_4_8 - with warnings [1.57 secs]",
            "Completed proof of p.T.b__y__bug(double[],int) with prover z3_4_8 - timeout [300.01 secs]",
            "Completed proof of p.T.c__z__bug() with prover z3_4_8 - no warnings [0.20 secs]",
            "Completed proof of p.T.d__w__bug(int) with prover z3_4_8 - UNKNOWN [2.00 secs]");

    @Test
    void onlyWithWarningsIsACounterexampleAndOnlyNoWarningsAProof() {
        Map<String, String> o = OpenJml.methodOutcomes(FIRST);
        assertEquals(List.of("p.T.a__x__bug(int)", "p.T.b__y__bug(double[],int)", "p.T.c__z__bug()",
                "p.T.d__w__bug(int)"), List.copyOf(o.keySet()));
        assertTrue(OpenJml.isInvalid(o.get("p.T.a__x__bug(int)")));
        assertFalse(OpenJml.isValid(o.get("p.T.a__x__bug(int)")));
        assertFalse(OpenJml.isInvalid(o.get("p.T.b__y__bug(double[],int)")));
        assertFalse(OpenJml.isValid(o.get("p.T.b__y__bug(double[],int)")));
        assertTrue(OpenJml.isValid(o.get("p.T.c__z__bug()")));
        assertFalse(OpenJml.isInvalid(o.get("p.T.c__z__bug()")));
        assertEquals(List.of("p.T.b__y__bug(double[],int)", "p.T.d__w__bug(int)"), OpenJml.undecided(o));
    }

    @Test
    void aSecondRunReplacesOnlyTheUndecidedOutcomes() {
        Map<String, String> first = OpenJml.methodOutcomes(FIRST);
        Map<String, String> second = new LinkedHashMap<>();
        second.put("p.T.a__x__bug(int)", "no warnings");            // decided in the first run: kept
        second.put("p.T.b__y__bug(double[],int)", "with warnings"); // undecided: replaced
        second.put("p.T.c__z__bug()", "with warnings");             // decided: kept
        Map<String, String> merged = OpenJml.withSecondRun(first, second);
        assertEquals(List.copyOf(first.keySet()), List.copyOf(merged.keySet()));
        assertEquals("with warnings", merged.get("p.T.a__x__bug(int)"));
        assertEquals("with warnings", merged.get("p.T.b__y__bug(double[],int)"));
        assertEquals("no warnings", merged.get("p.T.c__z__bug()"));
        // undecided in both runs (absent from the second): still undecided, so the IT reports it
        assertEquals("UNKNOWN", merged.get("p.T.d__w__bug(int)"));
        assertEquals(List.of("p.T.d__w__bug(int)"), OpenJml.undecided(merged));
    }
}
