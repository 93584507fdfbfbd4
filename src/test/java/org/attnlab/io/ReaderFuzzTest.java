package org.attnlab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.attnlab.erm.ErmResult;
import org.attnlab.erm.ErmStatus;
import org.attnlab.erm.SplineGrid;
import org.attnlab.sampler.Activation;
import org.attnlab.sampler.BSplineActivation;
import org.attnlab.sampler.Dataset;
import org.attnlab.sampler.ExchangeableTokens;
import org.attnlab.sampler.GaussianNoise;
import org.attnlab.sampler.GaussianTokens;
import org.attnlab.sampler.GroundTruth;
import org.attnlab.sampler.Sampler;
import org.attnlab.sampler.TruthGenerator;
import org.attnlab.sampler.UniformCube;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of the three readers (issue 12): valid files mutated at the byte level (bytes flipped, deleted,
 * inserted from an alphabet of structural characters, invalid UTF-8 and byte-order marks; lines deleted,
 * duplicated, swapped; numbers replaced by NaN, 1e999, overflowing integers; truncation). Every mutation must
 * end in either a parse that agrees with an independent reading of the same bytes (a naive CSV split, or
 * Jackson's tree for JSON), or an {@link IllegalArgumentException} whose one-line message starts with the file
 * name -- never another exception, never a hang (each read is given {@value #SECONDS_PER_READ} seconds).
 * Deterministic: the seeds are fixed, so a failure reproduces.
 */
class ReaderFuzzTest {

    static final int CSV_MUTATIONS = 1500;
    static final int TRUTH_MUTATIONS = 1200;
    static final int FIT_MUTATIONS = 800;
    static final long SECONDS_PER_READ = 10;

    private static final byte[] ALPHABET = ",\n\r\"{}[]:-+.eE0123456789 \tNaIfinty\\/x".getBytes(StandardCharsets.US_ASCII);
    private static final String[] SPECIAL = {"NaN", "Infinity", "-Infinity", "1e999", "-1e999", "1e308", "4.9e-324",
        "99999999999999999999", "-0", "0x10", "", "\"\"", "null", "true", "1e200", "-2147483649", "2147483648"};
    private static final ExecutorService EXEC = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz-reader");
        t.setDaemon(true);
        return t;
    });

    @TempDir
    Path dir;

    @AfterAll
    static void stop() {
        EXEC.shutdownNow();
    }

    record Tally(int parsed, int refused) {
    }

    @Test
    void csvReaderParsesCorrectlyOrRefusesCleanly() throws Exception {
        GroundTruth t = TruthGenerator.generate(UniformCube.of(2), 1, null, Activation.tanh(), GaussianNoise.of(0.1), 3, 5);
        Dataset good = Sampler.sample(t, 6, 1);
        Path base = dir.resolve("base.csv");
        DatasetCsv.write(base, good);
        Tally tally = fuzz(Files.readAllBytes(base), CSV_MUTATIONS, 20251130L, "csv", DatasetCsv::read,
                (bytes, ds) -> {
                    Dataset oracle = NaiveCsv.parse(new String(bytes, StandardCharsets.UTF_8));
                    assertEquals(oracle.samples(), ds.samples(), "M");
                    assertEquals(oracle.tokensPerSample(), ds.tokensPerSample(), "N");
                    assertEquals(oracle.dimension(), ds.dimension(), "d");
                    assertArrayEquals(oracle.tokens(), ds.tokens(), 0.0);
                    assertArrayEquals(oracle.outputs(), ds.outputs(), 0.0);
                });
        System.out.println("csv fuzz: " + tally);
        assertTrue(tally.refused() > CSV_MUTATIONS / 4 && tally.parsed() > 0, "the mutations exercise both outcomes: "
                + tally);
    }

    @Test
    void truthReaderParsesCorrectlyOrRefusesCleanly() throws Exception {
        List<GroundTruth> bases = List.of(
                TruthGenerator.generate(UniformCube.of(2), 1, null, Activation.tanh(), GaussianNoise.of(0.1), 3, 5),
                TruthGenerator.generate(GaussianTokens.withEigenvalues(new double[] {1, 2, 0.5}), 2, null,
                        BSplineActivation.random(3, 4, 2.0, 7), GaussianNoise.of(0.0), 4, 9),
                TruthGenerator.generate(ExchangeableTokens.of(UniformCube.of(2), 0.3), 1, null,
                        Activation.absPower(1.5), GaussianNoise.of(0.2), 5, 11));
        int parsed = 0;
        int refused = 0;
        for (int b = 0; b < bases.size(); b++) {
            byte[] bytes = GroundTruthJson.toJson(bases.get(b)).getBytes(StandardCharsets.UTF_8);
            Tally tally = fuzz(bytes, TRUTH_MUTATIONS / bases.size(), 7000L + b, "truth" + b, GroundTruthJson::read,
                    (text, truth) -> {
                        JsonNode n = tree(text);
                        assertEquals(n.get("seed").asLong(), truth.seed());
                        assertEquals(n.get("tokensPerSample").asInt(), truth.tokensPerSample());
                        assertEquals(n.get("dimension").asInt(), truth.dimension());
                        assertEquals(n.get("rank").asInt(), truth.rank());
                        assertEquals(n.get("noise").get("sigma").asDouble(), truth.noise().sigma(), 0.0);
                        double[] a = truth.a();
                        int d = truth.dimension();
                        for (int i = 0; i < d; i++) {
                            for (int j = 0; j < d; j++) {
                                assertEquals(n.get("a").get(i).get(j).asDouble(), a[i * d + j], 0.0);
                            }
                        }
                        assertEquals(truth, GroundTruthJson.read(writeBack(truth)), "round trip");
                    });
            parsed += tally.parsed();
            refused += tally.refused();
        }
        System.out.println("truth fuzz: parsed " + parsed + ", refused " + refused);
        assertTrue(refused > 0 && parsed > 0, parsed + " / " + refused);
    }

    @Test
    void fitReaderParsesCorrectlyOrRefusesCleanly() throws Exception {
        SplineGrid grid = SplineGrid.of(2, 3, 1.5);
        ErmResult fit = new ErmResult(2, 1, new double[] {0.5, -0.25}, new double[] {1.0, 0.125}, grid,
                new double[] {0.1, -0.2, 0.3, 0.4, -0.5}, new double[] {1.0, 0.5, 0.25}, 2, ErmStatus.CONVERGED, 0,
                new double[] {0.25, 0.3}, 1234567L);
        byte[] bytes = FitJson.toJson(FitJson.toNode(fit)).getBytes(StandardCharsets.UTF_8);
        Tally tally = fuzz(bytes, FIT_MUTATIONS, 424242L, "fit", FitJson::read, (text, r) -> {
            JsonNode n = tree(text);
            assertEquals(n.get("dimension").asInt(), r.dimension());
            assertEquals(n.get("rank").asInt(), r.rank());
            assertEquals(n.get("status").asText(), r.status().name());
            for (int k = 0; k < r.u().length; k++) {
                assertEquals(n.get("u").get(k).asDouble(), r.u()[k], 0.0);
                assertEquals(n.get("v").get(k).asDouble(), r.v()[k], 0.0);
            }
            for (int k = 0; k < r.coefficients().length; k++) {
                assertEquals(n.get("coefficients").get(k).asDouble(), r.coefficients()[k], 0.0);
            }
            assertEquals(n.get("spline").get("degree").asInt(), r.grid().degree());
            assertEquals(n.get("spline").get("pieces").asInt(), r.grid().pieces());
            assertEquals(n.get("spline").get("radius").asDouble(), r.grid().radius(), 0.0);
        });
        System.out.println("fit fuzz: " + tally);
        assertTrue(tally.refused() > 0 && tally.parsed() > 0, String.valueOf(tally));
    }

    interface Check<T> {
        void accept(byte[] bytes, T parsed) throws Exception;
    }

    private <T> Tally fuzz(byte[] base, int count, long seed, String name, Function<Path, T> reader, Check<T> check)
            throws Exception {
        Random rnd = new Random(seed);
        Path file = dir.resolve(name + ".in");
        int parsed = 0;
        int refused = 0;
        for (int k = 0; k < count; k++) {
            byte[] bytes = mutate(base, rnd);
            Files.write(file, bytes);
            Future<T> f = EXEC.submit(() -> reader.apply(file));
            String where = name + " mutation " + k + " (seed " + seed + "): "
                    + new String(bytes, StandardCharsets.ISO_8859_1).replace("\n", "\\n");
            T result;
            try {
                result = f.get(SECONDS_PER_READ, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                f.cancel(true);
                fail("hang: " + where);
                return null;
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable c = e.getCause();
                if (!(c instanceof IllegalArgumentException)) {
                    throw new AssertionError("escaping " + c + " for " + where, c);
                }
                String m = c.getMessage();
                assertTrue(m != null && m.startsWith(file.toString()), "message names the file: " + m);
                assertFalse(m.contains("\n") || m.contains("\r"), "one line: " + m);
                assertFalse(m.matches(".*[a-z]+\\.[a-z]+\\.[A-Za-z.]*Exception.*"), "no class names: " + m);
                refused++;
                continue;
            }
            try {
                check.accept(bytes, result);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("accepted but wrong: " + where + ": " + e.getMessage(), e);
            }
            parsed++;
        }
        return new Tally(parsed, refused);
    }

    static byte[] mutate(byte[] base, Random rnd) {
        byte[] b = base;
        int ops = 1 + rnd.nextInt(3);
        for (int o = 0; o < ops; o++) {
            b = mutateOnce(b, rnd);
        }
        return b;
    }

    private static byte[] mutateOnce(byte[] b, Random rnd) {
        int n = b.length;
        int at = n == 0 ? 0 : rnd.nextInt(n);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (rnd.nextInt(10)) {
            case 0: { // flip one byte
                byte[] c = b.clone();
                if (n > 0) {
                    c[at] = (byte) rnd.nextInt(256);
                }
                return c;
            }
            case 1: { // delete a short range
                int len = Math.min(n - at, 1 + rnd.nextInt(8));
                out.write(b, 0, at);
                out.write(b, at + len, n - at - len);
                return out.toByteArray();
            }
            case 2: { // insert structural characters
                out.write(b, 0, at);
                int len = 1 + rnd.nextInt(4);
                for (int k = 0; k < len; k++) {
                    out.write(ALPHABET[rnd.nextInt(ALPHABET.length)]);
                }
                out.write(b, at, n - at);
                return out.toByteArray();
            }
            case 3: { // invalid or surprising UTF-8
                byte[][] seqs = {{(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xEF, (byte) 0xBB,
                    (byte) 0xBF}, {(byte) 0xE2, (byte) 0x80, (byte) 0x8B}, {(byte) 0xC0, (byte) 0xAF}, {0}};
                byte[] s = seqs[rnd.nextInt(seqs.length)];
                int pos = rnd.nextInt(4) == 0 ? 0 : at;
                out.write(b, 0, pos);
                out.write(s, 0, s.length);
                out.write(b, pos, n - pos);
                return out.toByteArray();
            }
            case 4: // truncate
                return Arrays.copyOf(b, at);
            case 5:
            case 6: { // replace a number by a special token
                String text = new String(b, StandardCharsets.ISO_8859_1);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("-?[0-9][0-9.eE+-]*").matcher(text);
                List<int[]> spans = new ArrayList<>();
                while (m.find()) {
                    spans.add(new int[] {m.start(), m.end()});
                }
                if (spans.isEmpty()) {
                    return b;
                }
                int[] s = spans.get(rnd.nextInt(spans.size()));
                String r = text.substring(0, s[0]) + SPECIAL[rnd.nextInt(SPECIAL.length)] + text.substring(s[1]);
                return r.getBytes(StandardCharsets.ISO_8859_1);
            }
            default: { // line operations: delete, duplicate, swap
                String text = new String(b, StandardCharsets.ISO_8859_1);
                List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
                int i = rnd.nextInt(lines.size());
                int j = rnd.nextInt(lines.size());
                switch (rnd.nextInt(3)) {
                    case 0 -> lines.remove(i);
                    case 1 -> lines.add(i, lines.get(j));
                    default -> {
                        String t = lines.get(i);
                        lines.set(i, lines.get(j));
                        lines.set(j, t);
                    }
                }
                return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
            }
        }
    }

    private static JsonNode tree(byte[] bytes) throws Exception {
        String s = new String(bytes, StandardCharsets.UTF_8);
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1);
        }
        return new ObjectMapper().readTree(s);
    }

    private Path writeBack(GroundTruth truth) {
        Path p = dir.resolve("back.json");
        GroundTruthJson.write(p, truth);
        return p;
    }

    /** An independent, naive reading of the CSV format of spec/data-format.md (the oracle). */
    static final class NaiveCsv {
        static Dataset parse(String text) {
            String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
            List<String[]> rows = new ArrayList<>();
            for (String line : t.split("\n")) {
                String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                if (!l.isEmpty()) {
                    rows.add(l.split(",", -1));
                }
            }
            int d = rows.get(0).length - 3;
            int total = rows.size() - 1;
            int m = Integer.parseInt(field(rows.get(total)[0])) + 1;
            int n = total / m;
            double[] x = new double[total * d];
            double[] y = new double[total];
            for (int r = 0; r < total; r++) {
                String[] f = rows.get(r + 1);
                assertEquals(r / n, Integer.parseInt(field(f[0])));
                assertEquals(r % n, Integer.parseInt(field(f[1])));
                y[r] = Double.parseDouble(field(f[2]));
                for (int k = 0; k < d; k++) {
                    x[r * d + k] = Double.parseDouble(field(f[3 + k]));
                }
            }
            return Dataset.of(m, n, d, x, y);
        }

        private static String field(String f) {
            String s = f;
            if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
                s = s.substring(1, s.length() - 1);
            }
            return s.trim();
        }
    }
}
