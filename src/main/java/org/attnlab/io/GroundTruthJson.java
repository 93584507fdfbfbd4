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
import org.attnlab.internal.Checks;
import org.attnlab.sampler.Activation;
import org.attnlab.sampler.BSplineActivation;
import org.attnlab.sampler.ExchangeableTokens;
import org.attnlab.sampler.GaussianNoise;
import org.attnlab.sampler.GaussianTokens;
import org.attnlab.sampler.GroundTruth;
import org.attnlab.sampler.IndependentTokenLaw;
import org.attnlab.sampler.StandardActivation;
import org.attnlab.sampler.TokenLaw;
import org.attnlab.sampler.UniformCube;

/**
 * A model-A ground truth (arXiv 2510.11789) as JSON (see {@code spec/data-format.md}):
 * <pre>
 * {
 *   "format": "attnlab.truth.v1",
 *   "model": "arXiv 2510.11789 model A",
 *   "seed": 42, "tokensPerSample": 10, "dimension": 2, "rank": 1,
 *   "tokenLaw": {"type": "cube", "dimension": 2},
 *   "a": [[0.1, 0.2], [0.3, 0.4]],
 *   "activation": {"type": "tanh", "smoothness": "Infinity"},
 *   "noise": {"type": "gaussian", "sigma": 0.1}
 * }
 * </pre>
 * Token laws: {@code {"type":"cube","dimension":d}}, {@code {"type":"gaussian","eigenvalues":[...]}},
 * {@code {"type":"exchangeable","tau":t,"base":<cube or gaussian>}}. Activations: {@code relu}, {@code tanh},
 * {@code sin}, {@code softplus}, {@code exp}, {@code {"type":"abs","exponent":a}},
 * {@code {"type":"bspline","order":P,"pieces":K,"range":R,"coefficients":[...]}}; the field "smoothness" is
 * written for readers and ignored on reading. Doubles are written in their shortest round-trip form, so reading
 * gives back the same doubles.
 */
public final class GroundTruthJson {

    /** The format tag. */
    public static final String FORMAT = "attnlab.truth.v1";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GroundTruthJson() {
    }

    /**
     * Writes {@code truth} to {@code file} through {@link AtomicFiles}.
     *
     * @throws IllegalArgumentException if file or truth is null, or the activation is not a standard family
     *     (a {@link StandardActivation} or {@link BSplineActivation})
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(Path file, GroundTruth truth) {
        Checks.notNull("file", file);
        String text = toJson(truth);
        AtomicFiles.writeString(file, text);
    }

    /**
     * The JSON text of {@code truth}.
     *
     * @throws IllegalArgumentException if truth is null or its activation is not a standard family
     */
    public static String toJson(GroundTruth truth) {
        Checks.notNull("truth", truth);
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("model", "arXiv 2510.11789 model A");
        root.put("seed", truth.seed());
        root.put("tokensPerSample", truth.tokensPerSample());
        root.put("dimension", truth.dimension());
        root.put("rank", truth.rank());
        root.set("tokenLaw", lawNode(truth.law()));
        ArrayNode a = root.putArray("a");
        int d = truth.dimension();
        for (int k = 0; k < d; k++) {
            ArrayNode row = a.addArray();
            for (int l = 0; l < d; l++) {
                row.add(truth.a(k, l));
            }
        }
        root.set("activation", activationNode(truth.phi()));
        ObjectNode noise = root.putObject("noise");
        noise.put("type", "gaussian");
        noise.put("sigma", truth.noise().sigma());
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode lawNode(TokenLaw law) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", law.name());
        if (law instanceof UniformCube cube) {
            node.put("dimension", cube.dimension());
        } else if (law instanceof GaussianTokens gauss) {
            ArrayNode ev = node.putArray("eigenvalues");
            for (double v : gauss.eigenvalues()) {
                ev.add(v);
            }
        } else if (law instanceof ExchangeableTokens ex) {
            node.put("tau", ex.tau());
            node.set("base", lawNode(ex.base()));
        }
        return node;
    }

    private static ObjectNode activationNode(Activation phi) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", phi.name());
        if (phi instanceof StandardActivation std) {
            if (std.kind() == StandardActivation.Kind.ABS) {
                node.put("exponent", std.exponent());
            }
        } else if (phi instanceof BSplineActivation spline) {
            node.put("order", spline.order());
            node.put("pieces", spline.pieces());
            node.put("range", spline.range());
            ArrayNode c = node.putArray("coefficients");
            for (double v : spline.coefficients()) {
                c.add(v);
            }
        } else {
            throw Checks.fail("activation", "a standard family (StandardActivation or BSplineActivation)",
                    phi.getClass().getName());
        }
        node.put("smoothness", Double.toString(phi.smoothness()));
        return node;
    }

    /**
     * Reads a ground truth written by {@link #write}.
     *
     * @throws IllegalArgumentException naming the file, field, rule and value, if the file is not JSON, the
     *     format tag is wrong, a field is missing or has the wrong type, a number is not finite, a size is
     *     negative or inconsistent (dimension vs. the law and A*), or a value breaks a rule of the sampler
     *     (rank in [1, d], N &gt;= 2, tau in [0, 1], sigma &gt;= 0, ...)
     * @throws UncheckedIOException if the file cannot be read
     */
    public static GroundTruth read(Path file) {
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
        return fromJson(file, root);
    }

    private static GroundTruth fromJson(Path file, JsonNode root) {
        Fields f = new Fields(file);
        if (root == null || !root.isObject()) {
            throw DataFileException.field(file, "(root)", "a JSON object", root == null || root.isMissingNode() ? "nothing (the file is empty)" : root.getNodeType());
        }
        String format = f.text(root, "format");
        if (!FORMAT.equals(format)) {
            throw DataFileException.field(file, "format", "'" + FORMAT + "'", format);
        }
        long seed = f.integer(root, "seed");
        int n = f.size(root, "tokensPerSample", 2);
        int d = f.size(root, "dimension", 1);
        int rank = f.size(root, "rank", 1);
        if (rank > d) {
            throw DataFileException.field(file, "rank", "<= dimension = " + d, rank);
        }
        TokenLaw law = f.wrap("tokenLaw", () -> readLaw(f, f.object(root, "tokenLaw"), "tokenLaw"));
        if (law.dimension() != d) {
            throw DataFileException.field(file, "tokenLaw", "of dimension " + d, law.dimension());
        }
        JsonNode aNode = f.array(root, "a");
        if (aNode.size() != d) {
            throw DataFileException.field(file, "a", "a list of d = " + d + " rows", aNode.size());
        }
        double[] a = new double[d * d];
        for (int k = 0; k < d; k++) {
            double[] row = f.doubles(aNode.get(k), "a[" + k + "]");
            if (row.length != d) {
                throw DataFileException.field(file, "a[" + k + "]", "a row of d = " + d + " numbers", row.length);
            }
            System.arraycopy(row, 0, a, k * d, d);
        }
        Activation phi = f.wrap("activation", () -> readActivation(f, f.object(root, "activation")));
        JsonNode noiseNode = f.object(root, "noise");
        String noiseType = f.text(noiseNode, "noise.type", "type");
        if (!"gaussian".equals(noiseType)) {
            throw DataFileException.field(file, "noise.type", "'gaussian'", noiseType);
        }
        double sigma = f.number(noiseNode, "noise.sigma", "sigma");
        GaussianNoise noise = f.wrap("noise.sigma", () -> GaussianNoise.of(sigma));
        return f.wrap("(root)", () -> GroundTruth.of(law, a, rank, phi, noise, n, seed));
    }

    private static TokenLaw readLaw(Fields f, JsonNode node, String path) {
        String type = f.text(node, path + ".type", "type");
        switch (type) {
            case "cube":
                return UniformCube.of(f.size(node, path + ".dimension", "dimension", 1));
            case "gaussian":
                return GaussianTokens.withEigenvalues(f.doubles(f.child(node, path + ".eigenvalues", "eigenvalues"),
                        path + ".eigenvalues"));
            case "exchangeable":
                double tau = f.number(node, path + ".tau", "tau");
                TokenLaw base = readLaw(f, f.object(node, path + ".base", "base"), path + ".base");
                if (!(base instanceof IndependentTokenLaw independent)) {
                    throw DataFileException.field(f.file, path + ".base.type", "'cube' or 'gaussian'", base.name());
                }
                return ExchangeableTokens.of(independent, tau);
            default:
                throw DataFileException.field(f.file, path + ".type", "'cube', 'gaussian' or 'exchangeable'", type);
        }
    }

    private static Activation readActivation(Fields f, JsonNode node) {
        String type = f.text(node, "activation.type", "type");
        switch (type) {
            case "relu":
                return Activation.relu();
            case "abs":
                return Activation.absPower(f.number(node, "activation.exponent", "exponent"));
            case "tanh":
                return Activation.tanh();
            case "sin":
                return Activation.sin();
            case "softplus":
                return Activation.softplus();
            case "exp":
                return Activation.exp();
            case "bspline":
                return BSplineActivation.of(f.size(node, "activation.order", "order", 1),
                        f.size(node, "activation.pieces", "pieces", 1),
                        f.number(node, "activation.range", "range"),
                        f.doubles(f.child(node, "activation.coefficients", "coefficients"), "activation.coefficients"));
            default:
                throw DataFileException.field(f.file, "activation.type",
                        "one of relu, abs, tanh, sin, softplus, exp, bspline", type);
        }
    }

    /** Typed field access with messages naming the file and the field path. */
    private static final class Fields {
        final Path file;

        Fields(Path file) {
            this.file = file;
        }

        interface Body<T> {
            T get();
        }

        /** Runs a constructor, prefixing its message with the file and field. */
        <T> T wrap(String path, Body<T> body) {
            try {
                return body.get();
            } catch (IllegalArgumentException e) {
                String msg = e.getMessage();
                if (msg != null && msg.startsWith(file.toString())) {
                    throw e;
                }
                throw new IllegalArgumentException(file + ": field " + path + ": " + msg, e);
            }
        }

        JsonNode child(JsonNode node, String path, String name) {
            JsonNode c = node.get(name);
            if (c == null || c.isNull()) {
                throw DataFileException.field(file, path, "present", "nothing");
            }
            return c;
        }

        JsonNode object(JsonNode node, String name) {
            return object(node, name, name);
        }

        JsonNode object(JsonNode node, String path, String name) {
            JsonNode c = child(node, path, name);
            if (!c.isObject()) {
                throw DataFileException.field(file, path, "an object", c.toString());
            }
            return c;
        }

        JsonNode array(JsonNode node, String name) {
            JsonNode c = child(node, name, name);
            if (!c.isArray()) {
                throw DataFileException.field(file, name, "a list", c.toString());
            }
            return c;
        }

        String text(JsonNode node, String name) {
            return text(node, name, name);
        }

        String text(JsonNode node, String path, String name) {
            JsonNode c = child(node, path, name);
            if (!c.isTextual()) {
                throw DataFileException.field(file, path, "a string", c.toString());
            }
            return c.asText();
        }

        long integer(JsonNode node, String name) {
            JsonNode c = child(node, name, name);
            if (!c.isIntegralNumber() || !c.canConvertToLong()) {
                throw DataFileException.field(file, name, "a 64-bit integer", c.toString());
            }
            return c.asLong();
        }

        int size(JsonNode node, String name, int min) {
            return size(node, name, name, min);
        }

        int size(JsonNode node, String path, String name, int min) {
            JsonNode c = child(node, path, name);
            if (!c.isIntegralNumber() || !c.canConvertToInt()) {
                throw DataFileException.field(file, path, "an integer", c.toString());
            }
            int v = c.asInt();
            if (v < min) {
                throw DataFileException.field(file, path, ">= " + min, v);
            }
            return v;
        }

        double number(JsonNode node, String path, String name) {
            return number(child(node, path, name), path);
        }

        double number(JsonNode c, String path) {
            if (!c.isNumber()) {
                throw DataFileException.field(file, path, "a number", c.toString());
            }
            double v = c.asDouble();
            if (!Double.isFinite(v)) {
                throw DataFileException.field(file, path, "finite", c.toString());
            }
            return v;
        }

        double[] doubles(JsonNode c, String path) {
            if (!c.isArray()) {
                throw DataFileException.field(file, path, "a list of numbers", c.toString());
            }
            double[] out = new double[c.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = number(c.get(i), path + "[" + i + "]");
            }
            return out;
        }
    }
}
