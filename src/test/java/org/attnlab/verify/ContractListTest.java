package org.attnlab.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract list format of proofs/contracts.txt, and the real file parses. */
class ContractListTest {

    @Test
    void parsesProveAndRuntimeOnly() {
        ContractList list = ContractList.parse(List.of("# comment", "", "A::f(int)#0 prove",
                "B::g(double[])#0 runtime-only: floating-point ratio bound"));
        assertEquals(2, list.entries().size());
        assertTrue(list.entries().get("A::f(int)#0").mustProve());
        ContractList.Entry b = list.entries().get("B::g(double[])#0");
        assertFalse(b.mustProve());
        assertEquals("floating-point ratio bound", b.reason());
    }

    @Test
    void rejectsMalformedLines() {
        assertThrows(IllegalArgumentException.class, () -> ContractList.parse(List.of("A::f(int)#0")));
        assertThrows(IllegalArgumentException.class, () -> ContractList.parse(List.of("A::f(int)#0 maybe")));
        assertThrows(IllegalArgumentException.class, () -> ContractList.parse(List.of("A::f(int)#0 runtime-only:")));
        assertThrows(IllegalArgumentException.class,
                () -> ContractList.parse(List.of("A::f(int)#0 prove", "A::f(int)#0 prove")));
    }

    @Test
    void theProjectListParsesAndRequiresTheSplineKernels() throws Exception {
        ContractList list = ContractList.read(Path.of("proofs/contracts.txt"));
        assertTrue(list.entries().get("BSplineKernel::findSpan(double[],int,int,double)#0").mustProve());
    }
}
