package org.attnlab.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The list of kernel contracts and their required status, {@code proofs/contracts.txt}.
 *
 * <p>One entry per line: {@code <contract id> prove}, {@code esc-only: <reason>}, {@code esc: <reason>},
 * {@code check-only: <reason>} or {@code <contract id> runtime-only: <reason>}; blank lines
 * and lines starting with {@code #} are ignored. A contract id is {@code Type::method(paramTypes)#k} as printed by
 * the proof check.
 */
public final class ContractList {

    /**
     * Status of one listed contract; {@code keyAttempt} false for {@code esc: <reason>} (proved by OpenJML ESC,
     * KeY not run on it) and {@code check-only: <reason>} (parsed and type-checked, proved by no tool).
     */
    public record Entry(String id, boolean mustProve, String reason, boolean keyAttempt) {
        public Entry(String id, boolean mustProve, String reason) {
            this(id, mustProve, reason, true);
        }
    }

    private final Map<String, Entry> entries;

    private ContractList(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** Parses the lines of a contract list. */
    public static ContractList parse(List<String> lines) {
        Map<String, Entry> map = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = line.indexOf(' ');
            if (space < 0) {
                throw new IllegalArgumentException("contracts.txt line " + (i + 1) + ": missing status: " + line);
            }
            String id = line.substring(0, space);
            String status = line.substring(space + 1).strip();
            Entry entry;
            if (status.equals("prove")) {
                entry = new Entry(id, true, "");
            } else if (status.startsWith("esc-only:") && !status.substring("esc-only:".length()).isBlank()) {
                // KeY may leave it open; OpenJML ESC must prove it (its file is marked esc in openjml-files.txt)
                entry = new Entry(id, false, status);
            } else if (status.startsWith("esc:") && !status.substring("esc:".length()).isBlank()) {
                entry = new Entry(id, false, status, false);
            } else if (status.startsWith("check-only:") && !status.substring("check-only:".length()).isBlank()) {
                entry = new Entry(id, false, status, false);
            } else if (status.startsWith("runtime-only:") && status.length() > "runtime-only:".length()
                    && !status.substring("runtime-only:".length()).isBlank()) {
                entry = new Entry(id, false, status.substring("runtime-only:".length()).strip());
            } else {
                throw new IllegalArgumentException("contracts.txt line " + (i + 1)
                        + ": status must be 'prove', 'esc-only: <reason>', 'esc: <reason>', 'check-only: <reason>' "
                        + "or 'runtime-only: <reason>', got: "
                        + status);
            }
            if (map.put(id, entry) != null) {
                throw new IllegalArgumentException("contracts.txt line " + (i + 1) + ": duplicate entry " + id);
            }
        }
        return new ContractList(map);
    }

    /** Reads a contract list file. */
    public static ContractList read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** Entries by contract id, in file order. */
    public Map<String, Entry> entries() {
        return entries;
    }
}
