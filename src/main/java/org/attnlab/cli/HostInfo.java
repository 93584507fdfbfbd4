package org.attnlab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What a performance figure needs beside it about the machine: the CPU model, its vector extensions and the vector
 * width the JVM uses. The hosts behind one machine name differ between days (spec/estimator.md: AVX2 on one day,
 * AVX-512 on the next), so {@code attnlab bench} prints these with every figure.
 */
final class HostInfo {

    /** The vector extensions reported, in this order, when the CPU lists them. */
    static final List<String> VECTOR_FLAGS = List.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512dq",
            "avx512bw", "avx512vl", "avx512ifma", "avx512vbmi", "avx512_fp16");

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    private HostInfo() {
    }

    /** The CPU model and vector flags of a /proc/cpuinfo text (its first processor); null fields when absent. */
    record Cpu(String model, List<String> vectorFlags) {
    }

    /**
     * Parses the text of /proc/cpuinfo: the first "model name" line and, from the first "flags" line, those of
     * {@link #VECTOR_FLAGS} it lists (in that order). Missing lines give a null model and null flags.
     */
    static Cpu parse(String cpuinfo) {
        String model = null;
        List<String> flags = null;
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (model == null && key.equals("model name")) {
                model = value;
            } else if (flags == null && key.equals("flags")) {
                Set<String> listed = Set.of(value.split("\\s+"));
                flags = VECTOR_FLAGS.stream().filter(listed::contains).toList();
            }
        }
        return new Cpu(model, flags);
    }

    /** This machine's CPU, or nulls when /proc/cpuinfo cannot be read (not Linux). */
    static Cpu cpu() {
        try {
            return parse(Files.readString(CPUINFO, StandardCharsets.UTF_8));
        } catch (IOException | SecurityException e) {
            return new Cpu(null, null);
        }
    }

    /** A HotSpot VM option's value (e.g. UseAVX, MaxVectorSize), or null on another JVM or architecture. */
    static String vmOption(String name) {
        try {
            HotSpotDiagnosticMXBean bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return bean == null ? null : bean.getVMOption(name).getValue();
        } catch (IllegalArgumentException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    /**
     * Adds cpuModel, cpuVectorFlags (null when unknown), jvmUseAVX and jvmMaxVectorSize (strings as the JVM gives
     * them, null when the option does not exist) to a JSON object.
     */
    static void put(ObjectNode root) {
        Cpu c = cpu();
        root.put("cpuModel", c.model());
        if (c.vectorFlags() == null) {
            root.putNull("cpuVectorFlags");
        } else {
            ArrayNode flags = root.putArray("cpuVectorFlags");
            c.vectorFlags().forEach(flags::add);
        }
        root.put("jvmUseAVX", vmOption("UseAVX"));
        root.put("jvmMaxVectorSize", vmOption("MaxVectorSize"));
    }
}
