package org.attnlab.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.attnlab.erm.ErmResult;
import org.attnlab.erm.ErmStatus;
import org.attnlab.erm.SplineGrid;
import org.attnlab.internal.Checks;

/**
 * The JSON file of an ERM fit (format {@value #FORMAT}, see {@code spec/estimator.md}): d, r, U and V (row-major
 * d x r), the spline grid (degree, pieces, radius, the knots for reference), the coefficients, the risk
 * history, iterations, status, winning start, start risks and time. Doubles are written with Java's shortest
 * round-trip representation, so reading gives back the same bits.
 */
public final class FitJson {

    /** The format tag. */
    public static final String FORMAT = "attnlab.fit.v1";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FitJson() {
    }

    /** The JSON object of a fit (extra fields may be added by the caller before writing). */
    public static ObjectNode toNode(ErmResult fit) {
        Checks.notNull("fit", fit);
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("model", "arXiv 2510.11789 model A: g(x, y) = phi(x^T U V^T y)");
        root.put("dimension", fit.dimension());
        root.put("rank", fit.rank());
        array(root.putArray("u"), fit.u());
        array(root.putArray("v"), fit.v());
        ObjectNode grid = root.putObject("spline");
        grid.put("degree", fit.grid().degree());
        grid.put("pieces", fit.grid().pieces());
        grid.put("radius", fit.grid().radius());
        grid.put("extension", "constant outside [-radius, radius]");
        array(grid.putArray("knots"), fit.grid().knots().toArray());
        array(root.putArray("coefficients"), fit.coefficients());
        array(root.putArray("riskHistory"), fit.riskHistory());
        root.put("trainingRisk", fit.trainingRisk());
        root.put("iterations", fit.iterations());
        root.put("status", fit.status().name());
        root.put("start", fit.start());
        array(root.putArray("startRisks"), fit.startRisks());
        root.put("seconds", fit.nanos() * 1e-9);
        return root;
    }

    /** The JSON text of a node. */
    public static String toJson(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes the node atomically.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(Path file, JsonNode node) {
        Checks.notNull("file", file);
        AtomicFiles.writeString(file, toJson(node));
    }

    /**
     * Reads a fit written by {@link #write}.
     *
     * @throws IllegalArgumentException naming the file and field if the file is not a valid fit
     * @throws UncheckedIOException if the file cannot be read
     */
    public static ErmResult read(Path file) {
        Checks.notNull("file", file);
        JsonNode root;
        try {
            root = MAPPER.readTree(Utf8Reader.readString(file));
        } catch (JsonProcessingException e) {
            throw DataFileException.json(file, e);
        } catch (EncodingException e) {
            throw DataFileException.encoding(file, e);
        } catch (IOException e) {
            throw IoMessages.unchecked("cannot read", file, e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw DataFileException.field(file, "format", "\"" + FORMAT + "\"", root == null ? "empty"
                    : root.path("format").asText());
        }
        try {
            JsonNode spline = root.path("spline");
            SplineGrid grid = SplineGrid.of(integer(file, spline, "degree"), integer(file, spline, "pieces"),
                    number(file, spline, "radius"));
            return new ErmResult(integer(file, root, "dimension"), integer(file, root, "rank"),
                    nonZero(file, "u", numbers(file, root, "u")), nonZero(file, "v", numbers(file, root, "v")), grid, numbers(file, root, "coefficients"),
                    numbers(file, root, "riskHistory"), integer(file, root, "iterations"),
                    status(file, root), integer(file, root, "start"),
                    numbers(file, root, "startRisks"), (long) (number(file, root, "seconds") * 1e9));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(file.toString())) {
                throw e;
            }
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static ErmStatus status(Path file, JsonNode root) {
        JsonNode n = root.get("status");
        if (n != null && n.isTextual()) {
            for (ErmStatus s : ErmStatus.values()) {
                if (s.name().equals(n.asText())) {
                    return s;
                }
            }
        }
        throw DataFileException.field(file, "status", "one of " + java.util.Arrays.toString(ErmStatus.values()),
                n == null ? "nothing" : n.toString());
    }

    /** Requires a non-zero entry: A = U V^T = 0 makes every score 0 and every spline question void. */
    private static double[] nonZero(Path file, String name, double[] a) {
        for (double x : a) {
            if (x != 0.0) {
                return a;
            }
        }
        throw DataFileException.field(file, name, "not all zero (A = U V^T would be 0)", a.length + " zeros");
    }

    private static void array(ArrayNode node, double[] values) {
        for (double v : values) {
            node.add(v);
        }
    }

    private static int integer(Path file, JsonNode parent, String name) {
        JsonNode n = parent.get(name);
        if (n == null || !n.canConvertToInt() || !n.isIntegralNumber()) {
            throw DataFileException.field(file, name, "an integer", n);
        }
        return n.intValue();
    }

    private static double number(Path file, JsonNode parent, String name) {
        JsonNode n = parent.get(name);
        if (n == null || !n.isNumber()) {
            throw DataFileException.field(file, name, "a number", n);
        }
        if (!Double.isFinite(n.doubleValue())) {
            throw DataFileException.field(file, name, "finite", n.toString());
        }
        return n.doubleValue();
    }

    private static double[] numbers(Path file, JsonNode parent, String name) {
        JsonNode n = parent.get(name);
        if (n == null || !n.isArray()) {
            throw DataFileException.field(file, name, "an array of numbers", n);
        }
        double[] a = new double[n.size()];
        for (int k = 0; k < a.length; k++) {
            if (!n.get(k).isNumber()) {
                throw DataFileException.field(file, name + "[" + k + "]", "a number", n.get(k));
            }
            a[k] = n.get(k).doubleValue();
            if (!Double.isFinite(a[k])) {
                throw DataFileException.field(file, name + "[" + k + "]", "finite", n.get(k).toString());
            }
        }
        return a;
    }
}
