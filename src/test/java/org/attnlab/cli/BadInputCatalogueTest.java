package org.attnlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.io.UncheckedIOException;
import org.attnlab.io.AtomicFiles;
import org.attnlab.io.DatasetCsv;
import org.attnlab.io.FitJson;
import org.attnlab.io.GroundTruthJson;
import org.attnlab.io.InputFiles;
import org.attnlab.io.RunLock;
import org.attnlab.io.RunLockedException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The bad-input catalogue ({@code src/test/resources/bad-input/catalogue.tsv}, issue 12): one row per bad
 * command line or corrupted file, with the expected exit code, a fragment of the expected one-line message, and
 * the files expected afterwards. Every row runs in-process through {@link Main#execute} (which returns the exit
 * code instead of calling System.exit), against fixtures made once by {@code attnlab sample} and {@code fit}.
 *
 * <p>Row format (tab-separated; {@code #} starts a comment line):
 * {@code id, exit, command, setup, message, files}. Placeholders: {@code {data}}, {@code {truth}}, {@code {fit}}
 * (the good fixtures), {@code {bad}} (the file made by the setup), {@code {out}} (a fresh path in the row's own
 * directory), {@code {dir}} (that directory); a lone {@code ''} is an empty argument, {@code <none>} no
 * arguments at all, and {@code \\uXXXX} in an argument that character. A command starting with {@code @} calls
 * the public io API directly (see {@link #api}), one row per {@code @throws} of the readers and writers. Setups: {@code -};
 * {@code data|truth|fit:s/REGEX/REPLACEMENT/} (the fixture's bytes, as ISO-8859-1 text, with the first match
 * replaced; {@code \xHH} is a raw byte, {@code \n} a newline); {@code text:CONTENT}; {@code dir} ({bad} is a
 * directory); {@code lock} (this process holds {out}'s run lock); {@code file-out} ({out} is a regular file);
 * {@code debris} ({out} holds a dead run's temporary file and staging directory); {@code truth-dir}
 * ({out}/truth.json is a non-empty directory, so the commit of sample's output set fails); {@code claims-dir}
 * (likewise {out}/claims.json, for an audit); {@code foreign-checkpoint} ({out}/checkpoint.jsonl was written for
 * another configuration); {@code prev-set} ({out} holds
 * a previous output set with a file the new set lacks). Several setups are separated by {@code ;}. Files: {@code -},
 * or space-separated {@code PATH} (must exist), {@code !PATH} (must not exist), {@code =PATH} (a fixture,
 * unchanged), {@code umask:PATH} (permissions as the umask gives, not 0600).
 */
class BadInputCatalogueTest {

    static final String RESOURCE = "/bad-input/catalogue.tsv";

    @TempDir
    static Path fixtures;

    static Path data;
    static Path truth;
    static Path fit;
    static Map<String, byte[]> originals = new LinkedHashMap<>();

    record Row(int line, String id, int exit, String command, String setup, String message, String files) {
        String name() {
            return String.format("%03d %s: %s", line, id, command);
        }

        String subcommand() {
            return command.split(" ")[0];
        }
    }

    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void makeFixtures() throws IOException {
        Path set = fixtures.resolve("set");
        Run s = run("sample", "--samples", "40", "--tokens", "4", "--dim", "3", "--rank", "1", "--activation", "tanh",
                "--out", set.toString());
        assertEquals(0, s.code(), s.err());
        data = set.resolve("data.csv");
        truth = set.resolve("truth.json");
        fit = fixtures.resolve("fit.json");
        Run f = run("fit", "--data", data.toString(), "--out", fit.toString(), "--max-iterations", "5",
                "--random-starts", "1");
        assertEquals(0, f.code(), f.err());
        for (Path p : List.of(data, truth, fit)) {
            originals.put(p.toString(), Files.readAllBytes(p));
        }
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = BadInputCatalogueTest.class.getResourceAsStream(RESOURCE)) {
            assertTrue(in != null, RESOURCE);
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            for (int k = 0; k < lines.length; k++) {
                String l = lines[k];
                if (l.isBlank() || l.startsWith("#")) {
                    continue;
                }
                String[] c = l.split("\t", -1);
                assertEquals(6, c.length, "line " + (k + 1) + " must have 6 tab-separated fields: " + l);
                rows.add(new Row(k + 1, c[0], Integer.parseInt(c[1]), c[2], c[3], c[4], c[5]));
            }
        }
        return rows;
    }

    @TestFactory
    Stream<DynamicTest> catalogue() throws IOException {
        return rows().stream().map(r -> DynamicTest.dynamicTest(r.name(), () -> check(r)));
    }

    void check(Row row) throws Exception {
        Path dir = Files.createDirectories(fixtures.resolve("row" + row.line()));
        Path out = dir.resolve("out");
        Path bad = dir.resolve("bad");
        Map<String, String> vars = Map.of("{data}", data.toString(), "{truth}", truth.toString(), "{fit}",
                fit.toString(), "{bad}", bad.toString(), "{out}", out.toString(), "{dir}", dir.toString());
        RunLock held = null;
        try {
            for (String setup : row.setup().split(";")) {
                held = setUp(setup.trim(), bad, out, held);
            }
            List<String> args = new ArrayList<>();
            if (!row.command().equals("<none>")) {
                for (String t : row.command().split(" ")) {
                    args.add(t.equals("''") ? "" : unescape(substitute(t, vars)));
                }
            }
            Run r = !args.isEmpty() && args.get(0).startsWith("@") ? api(args) : run(args.toArray(new String[0]));
            String err = r.err().strip();
            assertEquals(row.exit(), r.code(), "exit code; stderr: " + err);
            if (row.exit() != 0) {
                // one error line, the last; a long run may have printed progress lines before it
                List<String> lines = err.lines().toList();
                String last = lines.get(lines.size() - 1);
                assertTrue(last.startsWith("attnlab: "), "the error is the last line: " + err);
                assertEquals(1, lines.stream().filter(l -> l.startsWith("attnlab: ")).count(), "one error line: " + err);
                assertTrue(lines.size() == 1 || row.command().startsWith("reproduce"), "one line on stderr: " + err);
                assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace or class names: " + err);
            }
            if (!row.message().equals("-")) {
                String expected = substitute(row.message(), vars);
                assertTrue((r.err() + r.out()).contains(expected), "message must contain [" + expected + "], got: "
                        + err);
            }
            checkFiles(row.files(), vars);
        } finally {
            if (held != null) {
                held.close();
            }
        }
    }

    private static RunLock setUp(String setup, Path bad, Path out, RunLock held) throws IOException {
        if (setup.equals("-") || setup.isEmpty()) {
            return held;
        }
        Matcher m = Pattern.compile("^(data|truth|fit):s/(.*)/(.*)/$").matcher(setup);
        if (m.matches()) {
            Path base = m.group(1).equals("data") ? data : m.group(1).equals("truth") ? truth : fit;
            String text = new String(Files.readAllBytes(base), StandardCharsets.ISO_8859_1);
            Matcher found = Pattern.compile(m.group(2)).matcher(text);
            assertTrue(found.find(), "setup regex must match: " + setup);
            String changed = text.substring(0, found.start()) + unescape(m.group(3)) + text.substring(found.end());
            Files.write(bad, changed.getBytes(StandardCharsets.ISO_8859_1));
            return held;
        }
        if (setup.startsWith("text:")) {
            Files.write(bad, unescape(setup.substring(5)).getBytes(StandardCharsets.ISO_8859_1));
            return held;
        }
        switch (setup) {
            case "dir":
                Files.createDirectories(bad);
                return held;
            case "lock":
                return RunLock.acquire("--out", out, "catalogue holder");
            case "file-out":
                Files.writeString(out, "not a directory");
                return held;
            case "debris":
                Files.createDirectories(out.resolve(".attnlab-staging-999999999-x"));
                Files.writeString(out.resolve(".attnlab-staging-999999999-x/data.csv"), "half");
                Files.writeString(out.resolve(".data.csv.999999999.rdead.tmp"), "half");
                Files.writeString(out.resolve(".data.csv.1234567890123.tmp"), "legacy");
                return held;
            case "truth-dir":
                Files.createDirectories(out.resolve("truth.json"));
                Files.writeString(out.resolve("truth.json/x"), "in the way");
                return held;
            case "claims-dir":
                Files.createDirectories(out.resolve("claims.json"));
                Files.writeString(out.resolve("claims.json/x"), "in the way");
                return held;
            case "foreign-checkpoint":
                Files.createDirectories(out);
                String header = "{\"checkpoint\":\"attnlab/1\",\"fingerprint\":\"another\"}";
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(header.getBytes(StandardCharsets.UTF_8));
                Files.writeString(out.resolve("checkpoint.jsonl"),
                        header + "\t" + String.format("%08x", crc.getValue()) + "\n");
                return held;
            case "truth-dir-bad":
                Files.createDirectories(bad);
                Files.writeString(bad.resolve("x"), "in the way");
                return held;
            case "prev-set":
                Files.createDirectories(out);
                Files.writeString(out.resolve(".attnlab-outputs"), "data.csv\ntruth.json\nold.csv\n");
                Files.writeString(out.resolve("old.csv"), "stale");
                Files.writeString(out.resolve("mine.txt"), "not ours");
                return held;
            default:
                fail("unknown setup: " + setup);
                return held;
        }
    }

    private static void checkFiles(String spec, Map<String, String> vars) throws IOException {
        if (spec.equals("-")) {
            return;
        }
        for (String item : spec.split(" ")) {
            if (item.startsWith("!")) {
                Path p = Path.of(substitute(item.substring(1), vars));
                assertFalse(Files.exists(p), "must not exist: " + p);
            } else if (item.startsWith("=")) {
                String p = substitute(item.substring(1), vars);
                assertArrayEquals(originals.get(p), Files.readAllBytes(Path.of(p)), "must be unchanged: " + p);
            } else if (item.startsWith("umask:")) {
                Path p = Path.of(substitute(item.substring(6), vars));
                Path probe = p.resolveSibling(".probe");
                Files.newOutputStream(probe).close();
                Set<PosixFilePermission> expected = Files.getPosixFilePermissions(probe);
                Files.delete(probe);
                assertEquals(expected, Files.getPosixFilePermissions(p), "permissions of " + p);
            } else {
                Path p = Path.of(substitute(item, vars));
                assertTrue(Files.exists(p), "must exist: " + p);
            }
        }
    }

    static String substitute(String s, Map<String, String> vars) {
        String r = s;
        for (Map.Entry<String, String> e : vars.entrySet()) {
            r = r.replace(e.getKey(), e.getValue());
        }
        return r;
    }

    /** {@code \xHH} to the char HH (one byte in ISO-8859-1), {@code \n}, {@code \t}, {@code \\}. */
    static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                switch (n) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'x' -> {
                        sb.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                        i += 2;
                    }
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> sb.append(n);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * A row of the public io API: {@code @read-data|@read-truth|@read-fit|@write-data|@write-truth|@write-fit|
     * @require-readable|@lock|@atomic PATH}. Exit 0 when it returns, 2 for IllegalArgumentException, 1 for
     * UncheckedIOException or RunLockedException (as documented by their {@code @throws}); the message is the
     * exception's.
     */
    static Run api(List<String> args) {
        Path p = Path.of(args.get(1));
        try {
            switch (args.get(0)) {
                case "@read-data" -> DatasetCsv.read(p);
                case "@read-truth" -> GroundTruthJson.read(p);
                case "@read-fit" -> FitJson.read(p);
                case "@write-data" -> DatasetCsv.write(p, DatasetCsv.read(data));
                case "@write-truth" -> GroundTruthJson.write(p, GroundTruthJson.read(truth));
                case "@write-fit" -> FitJson.write(p, FitJson.toNode(FitJson.read(fit)));
                case "@require-readable" -> InputFiles.requireReadable("--file", p);
                case "@lock" -> RunLock.acquire("--out", p, "api row").close();
                case "@atomic" -> AtomicFiles.writeString(p, "text\n");
                default -> fail("unknown api row " + args.get(0));
            }
            return new Run(0, "", "");
        } catch (IllegalArgumentException e) {
            return new Run(2, "", "attnlab: " + e.getMessage());
        } catch (UncheckedIOException | RunLockedException e) {
            return new Run(1, "", "attnlab: " + e.getMessage());
        }
    }

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /**
     * Every command's --help prints cleanly: exit 0, nothing on standard error (picocli writes a "[picocli WARN]"
     * there when a description holds an unescaped '%', as reproduce --precision's "95% interval" did), and no raw
     * format specifier in the text.
     */
    @Test
    void everyHelpTextPrintsWithoutWarnings() {
        for (String c : Main.commandLine().getSubcommands().keySet()) {
            Run r = run(c, "--help");
            assertEquals(0, r.code(), c + " --help");
            assertEquals("", r.err(), c + " --help wrote to standard error");
            assertFalse(r.out().contains("%n") || r.out().contains("picocli"), c + " --help: " + r.out());
        }
    }

    /** Every option of every command appears in at least one row of that command. */
    @Test
    void everyOptionOfEveryCommandHasARow() throws IOException {
        Map<String, Set<String>> used = new TreeMap<>();
        for (Row r : rows()) {
            Set<String> s = used.computeIfAbsent(r.subcommand(), k -> new TreeSet<>());
            for (String t : r.command().split(" ")) {
                s.add(t.contains("=") ? t.substring(0, t.indexOf('=')) : t);
            }
        }
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : Main.commandLine().getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            Set<String> s = used.getOrDefault(e.getKey(), Set.of());
            for (OptionSpec o : e.getValue().getCommandSpec().options()) {
                boolean any = false;
                for (String n : o.names()) {
                    any |= s.contains(n);
                }
                if (!any) {
                    missing.add(e.getKey() + " " + o.longestName());
                }
            }
        }
        assertTrue(missing.isEmpty(), "options without a catalogue row (add rows to " + RESOURCE + "): " + missing);
    }

    /** The row count by command, printed for the issue's closing note; at least 150 rows in all. */
    @Test
    void atLeast150Rows() throws IOException {
        Map<String, Integer> count = new TreeMap<>();
        List<Row> rows = rows();
        for (Row r : rows) {
            count.merge(r.subcommand(), 1, Integer::sum);
        }
        System.out.println("bad-input catalogue: " + rows.size() + " rows " + count);
        assertTrue(rows.size() >= 150, "rows: " + rows.size());
    }
}
