package org.attnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link HostInfo}: the CPU lines of /proc/cpuinfo, and what bench prints of them. */
class HostInfoTest {

    private static final String TWO_PROCESSORS = String.join("\n",
            "processor\t: 0",
            "vendor_id\t: AuthenticAMD",
            "model name\t: AMD EPYC 9R45",
            "flags\t\t: fpu sse sse2 sse4_1 sse4_2 avx avx2 fma avx512f avx512dq avx512vl avx512bw avx512_bf16",
            "",
            "processor\t: 1",
            "model name\t: other model",
            "flags\t\t: fpu sse2",
            "");

    @Test
    void readsTheFirstProcessorsModelAndItsVectorFlagsInAFixedOrder() {
        HostInfo.Cpu c = HostInfo.parse(TWO_PROCESSORS);
        assertEquals("AMD EPYC 9R45", c.model());
        // avx512_bf16 is not one of the reported flags; avx512bw comes before avx512vl whatever the listed order
        assertEquals(List.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512dq", "avx512bw", "avx512vl"),
                c.vectorFlags());
    }

    @Test
    void anAvx2OnlyMachineListsNoAvx512() {
        HostInfo.Cpu c = HostInfo.parse("model name : Some CPU\nflags : sse4_2 avx avx2 fma\n");
        assertEquals(List.of("sse4_2", "avx", "avx2", "fma"), c.vectorFlags());
    }

    @Test
    void missingLinesGiveNulls() {
        HostInfo.Cpu c = HostInfo.parse("processor : 0\nBogoMIPS : 50.00\n");
        assertNull(c.model());
        assertNull(c.vectorFlags());
        assertNull(HostInfo.vmOption("NoSuchOptionAnywhere"));
    }

    @Test
    void benchPrintsTheHostBesideItsFigures() {
        ObjectNode root = new ObjectMapper().createObjectNode();
        HostInfo.put(root);
        assertTrue(root.has("cpuModel") && root.has("cpuVectorFlags") && root.has("jvmUseAVX")
                && root.has("jvmMaxVectorSize"), root.toString());
        String arch = System.getProperty("os.arch");
        if (arch.equals("amd64") || arch.equals("x86_64")) {
            // HotSpot on x86 has both options; MaxVectorSize is a number of bytes
            assertTrue(root.get("jvmMaxVectorSize").asText().matches("\\d+"), root.toString());
            assertTrue(root.get("jvmUseAVX").asText().matches("\\d+"), root.toString());
        }
    }
}
