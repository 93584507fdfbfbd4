package org.attnlab.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import org.attnlab.internal.Checks;
import org.attnlab.io.AtomicFiles;

/**
 * A durable, append-only record of finished units of work ({@code key -> Row}), so that an interrupted run
 * can resume where it stopped.
 *
 * <p>File format (UTF-8, one record per line, {@code spec/checkpoint.md} in prose):
 * <pre>
 *   line 1:  {"checkpoint":"attnlab/1","fingerprint":"..."}\t&lt;crc32 hex of the JSON&gt;
 *   line k:  {"key":"...","row":{"col":"cell",...}}\t&lt;crc32 hex of the JSON&gt;
 * </pre>
 * Every {@link #append} writes one complete line and forces it to the storage device ({@code fsync}) before
 * returning. On {@link #open} every line that is incomplete (no newline: what a process killed mid-write
 * leaves), fails its checksum, does not parse, or repeats a unit is discarded, the file is rewritten with the
 * intact lines only (intact units after a damaged one are kept), and what was discarded and why is reported
 * ({@link #repairs()}, and one line on standard error); the discarded units are simply computed again. The header's fingerprint describes the configuration
 * (seed, grid, ...): a checkpoint written for another configuration is refused, never silently mixed in.
 *
 * <p>The store keeps units in the order they finished; callers produce their outputs in their own canonical
 * (plan) order, which is what makes a resumed run byte-identical to an uninterrupted one. Thread-safe.
 */
public final class CheckpointStore implements Closeable {

    /** The format tag in the header line. */
    public static final String FORMAT = "attnlab/1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final String fingerprint;
    private final Map<String, Row> done;
    private final int restored;
    private final long discardedBytes;
    private final java.util.List<String> repairs;
    private FileChannel channel;

    private CheckpointStore(Path file, String fingerprint, Map<String, Row> done, long discardedBytes,
                            FileChannel channel, java.util.List<String> repairs) {
        this.file = file;
        this.fingerprint = fingerprint;
        this.done = done;
        this.restored = done.size();
        this.discardedBytes = discardedBytes;
        this.repairs = java.util.List.copyOf(repairs);
        this.channel = channel;
    }

    /**
     * Opens (or creates) the checkpoint file {@code file} for a run whose configuration is described by
     * {@code fingerprint}, restoring the units already finished.
     *
     * @param file the checkpoint file, e.g. {@code out/checkpoint.jsonl}
     * @param fingerprint a deterministic description of everything that changes the results
     * @throws IllegalArgumentException if an argument is null, or the existing file has another fingerprint
     *     or is not a checkpoint file
     * @throws UncheckedIOException if the file cannot be read or written
     */
    public static CheckpointStore open(Path file, String fingerprint) {
        Checks.notNull("file", file);
        Checks.notNull("fingerprint", fingerprint);
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                ObjectNode header = JSON.createObjectNode();
                header.put("checkpoint", FORMAT);
                header.put("fingerprint", fingerprint);
                AtomicFiles.writeString(file, line(JSON.writeValueAsString(header)));
            }
            byte[] bytes = Files.readAllBytes(file);
            Map<String, Row> done = new LinkedHashMap<>();
            java.util.List<String> repairs = new java.util.ArrayList<>();
            java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
            int pos = 0;
            int lineNo = 0;
            long discarded = 0;
            boolean first = true;
            while (pos < bytes.length) {
                lineNo++;
                int nl = indexOf(bytes, (byte) '\n', pos);
                int end = nl < 0 ? bytes.length : nl + 1;
                String why = null;
                JsonNode node = null;
                if (nl < 0) {
                    why = "no newline at the end: a write cut short by a kill";
                } else {
                    String json = verified(new String(bytes, pos, nl - pos, StandardCharsets.UTF_8));
                    if (json == null) {
                        why = "checksum mismatch: the record is damaged";
                    } else {
                        try {
                            node = JSON.readTree(json);
                        } catch (JsonProcessingException e) {
                            why = "not JSON";
                        }
                    }
                }
                if (first) {
                    if (why != null) {
                        break;
                    }
                    if (!FORMAT.equals(node.path("checkpoint").asText(null))) {
                        throw Checks.fail("checkpoint " + file, "an attnlab checkpoint file", "another file");
                    }
                    String found = node.path("fingerprint").asText("");
                    if (!fingerprint.equals(found)) {
                        throw new IllegalArgumentException("checkpoint " + file
                                + " was written for another configuration (" + found + ", now " + fingerprint
                                + "); use another --out directory or delete it");
                    }
                    first = false;
                } else if (why == null) {
                    String key = node.path("key").asText(null);
                    JsonNode row = node.path("row");
                    if (key == null || !row.isObject()) {
                        why = "no key or row";
                    } else if (done.containsKey(key)) {
                        why = "a second record of unit " + key + " (the first is kept)";
                    } else {
                        Map<String, String> cells = new LinkedHashMap<>();
                        Iterator<Map.Entry<String, JsonNode>> it = row.fields();
                        while (it.hasNext()) {
                            Map.Entry<String, JsonNode> e = it.next();
                            cells.put(e.getKey(), e.getValue().asText());
                        }
                        done.put(key, Row.of(cells));
                    }
                }
                if (why != null) {
                    // an intact record after a damaged one is kept: only the damaged lines are recomputed
                    repairs.add("line " + lineNo + " (" + (end - pos) + " bytes, " + why + ")");
                    discarded += end - pos;
                } else {
                    kept.write(bytes, pos, end - pos);
                }
                pos = end;
            }
            if (first) {
                throw Checks.fail("checkpoint " + file, "an attnlab checkpoint file", "no valid header");
            }
            if (discarded > 0) {
                byte[] keep = kept.toByteArray();
                AtomicFiles.write(file, out -> out.write(keep));
                System.err.println("attnlab: checkpoint " + file + ": discarded " + String.join(", ", repairs)
                        + "; kept the header and " + done.size() + " intact units");
            }
            FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE);
            ch.position(ch.size());
            return new CheckpointStore(file, fingerprint, done, discarded, ch, repairs);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** The JSON part of a line whose checksum matches, or null. */
    private static String verified(String line) {
        int tab = line.lastIndexOf('\t');
        if (tab < 0) {
            return null;
        }
        String json = line.substring(0, tab);
        return crc(json).equals(line.substring(tab + 1)) ? json : null;
    }

    private static String crc(String json) {
        CRC32 c = new CRC32();
        c.update(json.getBytes(StandardCharsets.UTF_8));
        return String.format(Locale.ROOT, "%08x", c.getValue());
    }

    private static String line(String json) {
        return json + "\t" + crc(json) + "\n";
    }

    /** The checkpoint file. */
    public Path file() {
        return file;
    }

    /** The configuration fingerprint. */
    public String fingerprint() {
        return fingerprint;
    }

    /** How many units were restored from the file when it was opened. */
    public int restoredCount() {
        return restored;
    }

    /** How many bytes (half-written, damaged or repeated records; see {@link #repairs()}) were discarded when it was opened. */
    public long discardedBytes() {
        return discardedBytes;
    }

    /**
     * What {@link #open} discarded, one entry per line: {@code "line L (B bytes, why)"}, where why is a missing
     * final newline (a write cut short by a kill), a checksum mismatch, text that is not JSON, a record without key
     * or row, or a second record of a unit. Empty if the file was whole. Also printed on standard error.
     */
    public java.util.List<String> repairs() {
        return repairs;
    }

    /** Whether the unit {@code key} is finished. */
    public synchronized boolean isDone(String key) {
        return done.containsKey(key);
    }

    /** The row of a finished unit, or null. */
    public synchronized Row get(String key) {
        return done.get(key);
    }

    /** A snapshot of the finished units, in the order they finished. */
    public synchronized Map<String, Row> completed() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(done));
    }

    /**
     * Records a finished unit: one line, written and forced to disk before this returns.
     *
     * @throws IllegalArgumentException if an argument is null or the key is already recorded
     * @throws UncheckedIOException if the write fails
     */
    public synchronized void append(String key, Row row) {
        Checks.notNull("key", key);
        Checks.notNull("row", row);
        if (done.containsKey(key)) {
            throw Checks.fail("key", "not already checkpointed", key);
        }
        if (channel == null) {
            throw new IllegalStateException("checkpoint " + file + " is closed");
        }
        ObjectNode node = JSON.createObjectNode();
        node.put("key", key);
        ObjectNode cells = node.putObject("row");
        for (Map.Entry<String, String> e : row.cells().entrySet()) {
            cells.put(e.getKey(), e.getValue());
        }
        try {
            ByteBuffer buf = ByteBuffer.wrap(line(JSON.writeValueAsString(node)).getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to checkpoint " + file + ": " + e.getMessage(), e);
        }
        done.put(key, row);
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close checkpoint " + file + ": " + e.getMessage(), e);
            } finally {
                channel = null;
            }
        }
    }
}
