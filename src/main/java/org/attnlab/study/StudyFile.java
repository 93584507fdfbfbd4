package org.attnlab.study;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates a study file (TOML, see {@code docs/studies/README.md} for the schema).
 *
 * <p>Every bad entry is reported, each as one line {@code "<key path> must be <rule>, got <value>"} (values in
 * JSON notation, strings quoted), in file order; unknown keys are errors. A file with any error yields a
 * {@link StudyFileException} carrying all lines; nothing is defaulted silently except the optional keys the
 * schema lists with their defaults.
 */
public final class StudyFile {

    /** The allowed id characters of a study, setting or claim. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** Largest d, N, M and seeds a study may ask for (a typo guard, far above what one machine runs). */
    static final int MAX_DIMENSION = 1000;
    static final int MAX_TOKENS = 1000;
    static final int MAX_SAMPLES = 100_000_000;
    static final int MAX_SEEDS = 10_000;

    /** Keys a setting may have (and, except id, the [defaults] table). */
    private static final List<String> SETTING_KEYS = List.of("id", "d", "N", "r", "noise", "tokens", "phi");

    private StudyFile() {
    }

    /**
     * Reads and validates a study file.
     *
     * @throws StudyFileException if the file is not valid TOML or breaks a rule of the schema
     * @throws IOException if it cannot be read
     */
    public static Study read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parses and validates the text of a study file.
     *
     * @param text the TOML text
     * @param name the file's name, for syntax errors
     * @throws StudyFileException if the text is not valid TOML or breaks a rule of the schema
     */
    public static Study parse(String text, String name) {
        JsonNode root;
        try {
            root = new TomlMapper().readTree(text);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : String.format(Locale.ROOT, " at line %d, column %d", at.getLineNr(),
                    at.getColumnNr());
            throw new StudyFileException(List.of(name + " must be valid TOML, got a syntax error" + where + ": "
                    + oneLine(e.getOriginalMessage())));
        }
        Errors errors = new Errors();
        Study study = new Reader(errors).study(root == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory
                .instance.objectNode() : root);
        if (!errors.lines.isEmpty()) {
            throw new StudyFileException(errors.lines);
        }
        return study;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    /** The error lines, in the order found. */
    static final class Errors {
        final List<String> lines = new ArrayList<>();

        void add(String path, String rule, Object got) {
            String line = path + " must be " + rule + ", got " + got;
            if (!lines.contains(line)) {
                // a bad entry of [defaults] is read once per setting but reported once
                lines.add(line);
            }
        }

        void add(String path, String rule, JsonNode got) {
            add(path, rule, (Object) render(got));
        }

        static String render(JsonNode n) {
            if (n == null || n.isMissingNode()) {
                return "nothing";
            }
            String s = n.isIntegralNumber() ? n.asText()
                    : n.isNumber() ? Double.toString(n.doubleValue()) : n.toString();
            return s.length() > 60 ? s.substring(0, 57) + "..." : s;
        }
    }

    /** A table of the file: typed access by key, each access marks the key as known. */
    static final class Table {
        private final JsonNode node;
        private final String path;
        private final Errors errors;
        private final Set<String> allowed;
        private final Table fallback;

        Table(JsonNode node, String path, Errors errors, List<String> allowed, Table fallback) {
            this.node = node;
            this.path = path;
            this.errors = errors;
            this.allowed = new LinkedHashSet<>(allowed);
            this.fallback = fallback;
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String k = names.next();
                if (!this.allowed.contains(k)) {
                    errors.add(at(k), "a known key (one of " + String.join(", ", allowed) + ")", "an unknown key");
                }
            }
        }

        String at(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        /** The node of key here, else in the fallback table, else null; and the path where it was found. */
        private Object[] find(String key) {
            JsonNode v = node.get(key);
            if (v != null) {
                return new Object[] {v, at(key)};
            }
            if (fallback != null) {
                JsonNode f = fallback.node.get(key);
                if (f != null) {
                    return new Object[] {f, fallback.at(key)};
                }
            }
            return null;
        }

        private Object[] required(String key, boolean required) {
            Object[] f = find(key);
            if (f == null && required) {
                errors.add(at(key), fallback == null ? "given" : "given (here or in " + fallback.path + ")",
                        "nothing");
            }
            return f;
        }

        boolean has(String key) {
            return find(key) != null;
        }

        /** An integer in [min, max]; {@code dflt} when absent and not required; null if bad. */
        Long integer(String key, long min, long max, boolean required, Long dflt) {
            Object[] f = required(key, required);
            if (f == null) {
                return dflt;
            }
            JsonNode v = (JsonNode) f[0];
            String p = (String) f[1];
            if (!v.isIntegralNumber()) {
                errors.add(p, "an integer", v);
                return null;
            }
            if (!v.canConvertToLong()) {
                errors.add(p, rangeRule(min, max), v);
                return null;
            }
            long x = v.longValue();
            if (x < min || x > max) {
                errors.add(p, rangeRule(min, max), v);
                return null;
            }
            return x;
        }

        private static String rangeRule(long min, long max) {
            if (min == Long.MIN_VALUE && max == Long.MAX_VALUE) {
                return "a 64-bit signed integer";
            }
            if (max == Long.MAX_VALUE) {
                return "an integer >= " + min;
            }
            return "an integer in [" + min + ", " + max + "]";
        }

        /** A finite number with {@code min <= x} ({@code min < x} when {@code strict}) and {@code x <= max}. */
        Double number(String key, double min, boolean strict, double max, boolean required, Double dflt) {
            Object[] f = required(key, required);
            if (f == null) {
                return dflt;
            }
            JsonNode v = (JsonNode) f[0];
            String p = (String) f[1];
            if (!v.isNumber()) {
                errors.add(p, "a number", v);
                return null;
            }
            double x = v.doubleValue();
            if (!Double.isFinite(x)) {
                errors.add(p, "a finite number", v);
                return null;
            }
            boolean low = strict ? x > min : x >= min;
            if (!(low && x <= max)) {
                String rule = max == Double.MAX_VALUE ? "a number " + (strict ? "> " : ">= ") + fmt(min)
                        : "a number in " + (strict ? "(" : "[") + fmt(min) + ", " + fmt(max) + "]";
                errors.add(p, rule, v);
                return null;
            }
            return x;
        }

        private static String fmt(double x) {
            return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
        }

        /** A string, one of {@code choices} when not empty. */
        String string(String key, List<String> choices, boolean required, String dflt) {
            Object[] f = required(key, required);
            if (f == null) {
                return dflt;
            }
            JsonNode v = (JsonNode) f[0];
            String p = (String) f[1];
            if (!v.isTextual()) {
                errors.add(p, choices.isEmpty() ? "a string" : "one of " + quoted(choices), v);
                return null;
            }
            if (!choices.isEmpty() && !choices.contains(v.textValue())) {
                errors.add(p, "one of " + quoted(choices), v);
                return null;
            }
            return v.textValue();
        }

        /** An id (letters, digits, {@code . _ -}, starting with a letter or digit, at most 64 characters). */
        String id(String key, boolean required, String dflt) {
            Object[] f = required(key, required);
            if (f == null) {
                return dflt;
            }
            JsonNode v = (JsonNode) f[0];
            if (!v.isTextual() || !ID.matcher(v.textValue()).matches()) {
                errors.add((String) f[1], "an id (letters, digits, '.', '_', '-'; 1 to 64 characters)", v);
                return null;
            }
            return v.textValue();
        }

        /** A sub-table, or null (error recorded) when absent and required or not a table. */
        Table table(String key, List<String> keys, boolean required) {
            Object[] f = required(key, required);
            if (f == null) {
                return null;
            }
            JsonNode v = (JsonNode) f[0];
            if (!v.isObject()) {
                errors.add((String) f[1], "a table", v);
                return null;
            }
            return new Table(v, (String) f[1], errors, keys, null);
        }

        /** An array node, or null (error recorded) when absent and required or not an array. */
        Object[] array(String key, boolean required) {
            Object[] f = required(key, required);
            if (f == null) {
                return null;
            }
            JsonNode v = (JsonNode) f[0];
            if (!v.isArray()) {
                errors.add((String) f[1], "an array", v);
                return null;
            }
            return f;
        }

        JsonNode node() {
            return node;
        }

        String path() {
            return path;
        }
    }

    private static String quoted(List<String> choices) {
        List<String> q = new ArrayList<>();
        for (String c : choices) {
            q.add('"' + c + '"');
        }
        return "[" + String.join(", ", q) + "]";
    }

    /** Builds the study from the tree, recording every error. */
    private static final class Reader {
        private final Errors errors;

        Reader(Errors errors) {
            this.errors = errors;
        }

        Study study(JsonNode root) {
            Table top = new Table(root, "", errors, List.of("study", "estimator", "defaults", "settings", "claims"),
                    null);
            Table head = top.table("study", List.of("id", "title", "master_seed", "seeds", "grid", "error",
                    "eval_blocks", "bootstrap"), true);
            String id = null;
            String title = null;
            Long masterSeed = null;
            Long seeds = null;
            int[] grid = null;
            String error = null;
            Long evalBlocks = null;
            Long bootstrap = null;
            if (head != null) {
                id = head.id("id", true, null);
                title = head.string("title", List.of(), false, id);
                masterSeed = head.integer("master_seed", Long.MIN_VALUE, Long.MAX_VALUE, true, null);
                seeds = head.integer("seeds", 2, MAX_SEEDS, true, null);
                grid = grid(head);
                error = head.string("error", Study.ERRORS, false, "absolute");
                evalBlocks = head.integer("eval_blocks", 2, 1000, false, 8L);
                bootstrap = head.integer("bootstrap", 100, 100_000, false, 2000L);
            }
            Estimator estimator = estimator(top);
            Table defaults = top.table("defaults", SETTING_KEYS.subList(1, SETTING_KEYS.size()), false);
            List<StudySetting> settings = settings(top, defaults, estimator);
            List<ClaimSpec> claims = claims(top, settings);
            if (!errors.lines.isEmpty()) {
                return null;
            }
            return new Study(id, title, masterSeed, seeds.intValue(), grid, error, estimator.spec,
                    evalBlocks.intValue(), bootstrap.intValue(), settings, claims);
        }

        private int[] grid(Table head) {
            Object[] f = head.array("grid", true);
            if (f == null) {
                return null;
            }
            JsonNode a = (JsonNode) f[0];
            String p = (String) f[1];
            if (a.size() < 2) {
                errors.add(p, "an array of at least 2 sample sizes", a);
                return null;
            }
            int[] grid = new int[a.size()];
            boolean ok = true;
            for (int i = 0; i < a.size(); i++) {
                JsonNode v = a.get(i);
                String pi = p + "[" + i + "]";
                if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                    errors.add(pi, "an integer", v);
                    ok = false;
                } else if (v.longValue() < 10 || v.longValue() > MAX_SAMPLES) {
                    errors.add(pi, "an integer in [10, " + MAX_SAMPLES + "]", v);
                    ok = false;
                } else {
                    grid[i] = v.intValue();
                    if (ok && i > 0 && grid[i] <= grid[i - 1]) {
                        errors.add(pi, "> " + p + "[" + (i - 1) + "] = " + grid[i - 1] + " (the grid increases)", v);
                        ok = false;
                    }
                }
            }
            return ok ? grid : null;
        }

        /** The estimator spec, and its degree rule (an integer, or -1 for "match"). */
        private record Estimator(EstimatorSpec spec, int degree, String degreePath) {
        }

        private Estimator estimator(Table top) {
            Table t = top.table("estimator", List.of("degree", "k_rule", "c0", "beta", "pieces", "random_starts",
                    "max_iterations", "ridge"), false);
            if (t == null) {
                t = new Table(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), "estimator",
                        errors, List.of(), null);
            }
            int degree = 2;
            JsonNode d = t.node().get("degree");
            if (d != null && d.isTextual()) {
                if (!"match".equals(d.textValue())) {
                    errors.add(t.at("degree"), "an integer in [0, 20] or \"match\"", d);
                }
                degree = -1;
            } else if (d != null) {
                Long v = t.integer("degree", 0, 20, false, 2L);
                degree = v == null ? 2 : v.intValue();
            }
            String rule = t.string("k_rule", List.of("rate", "fixed"), false, "rate");
            double c0 = Double.NaN;
            double beta = Double.NaN;
            int pieces = 0;
            if ("fixed".equals(rule)) {
                Long k = t.integer("pieces", 1, 100_000, true, null);
                pieces = k == null ? 1 : k.intValue();
                for (String k2 : List.of("c0", "beta")) {
                    if (t.has(k2)) {
                        errors.add(t.at(k2), "absent when k_rule = \"fixed\"", t.node().get(k2));
                    }
                }
            } else {
                Double c = t.number("c0", 0, true, 1e6, false, 8.0);
                c0 = c == null ? 1.0 : c;
                Double b = t.number("beta", 0, true, 1e6, false, Double.NaN);
                beta = b == null ? Double.NaN : b;
                if (t.has("pieces")) {
                    errors.add(t.at("pieces"), "absent when k_rule = \"rate\"", t.node().get("pieces"));
                }
            }
            Long starts = t.integer("random_starts", 0, 100, false, 2L);
            Long iterations = t.integer("max_iterations", 1, 100_000, false, 100L);
            Double ridge = t.number("ridge", 0, false, 1.0, false, 1e-6);
            if (rule == null || starts == null || iterations == null || ridge == null) {
                return new Estimator(new EstimatorSpec("rate", 1, Double.NaN, 0, 0, 1, 0), degree, t.at("degree"));
            }
            return new Estimator(new EstimatorSpec(rule, c0, beta, pieces, starts.intValue(), iterations.intValue(),
                    ridge), degree, t.at("degree"));
        }

        private List<StudySetting> settings(Table top, Table defaults, Estimator estimator) {
            List<StudySetting> out = new ArrayList<>();
            Object[] f = top.array("settings", true);
            if (f == null) {
                return out;
            }
            JsonNode a = (JsonNode) f[0];
            if (a.isEmpty()) {
                errors.add((String) f[1], "a non-empty array of tables ([[settings]])", a);
                return out;
            }
            Map<String, String> seen = new HashMap<>();
            boolean matchReported = false;
            for (int i = 0; i < a.size(); i++) {
                String p = "settings[" + i + "]";
                JsonNode n = a.get(i);
                if (!n.isObject()) {
                    errors.add(p, "a table", n);
                    continue;
                }
                Table t = new Table(n, p, errors, SETTING_KEYS, defaults);
                String id = t.id("id", true, null);
                if (id != null && seen.putIfAbsent(id, p) != null) {
                    errors.add(t.at("id"), "unique (also the id of " + seen.get(id) + ")", n.get("id"));
                    id = null;
                }
                Long d = t.integer("d", 1, MAX_DIMENSION, true, null);
                Long tokens = t.integer("N", 2, MAX_TOKENS, true, null);
                Long r = t.integer("r", 1, MAX_DIMENSION, true, null);
                if (d != null && r != null && r > d) {
                    Object[] rf = t.find("r");
                    errors.add((String) rf[1], "<= d = " + d, (JsonNode) rf[0]);
                    r = null;
                }
                Double noise = t.number("noise", 0, false, 100, true, null);
                TokenLawSpec law = tokens(t);
                ActivationSpec phi = phi(t);
                int degree = estimator.degree;
                if (degree < 0 && phi != null) {
                    if (!"bspline".equals(phi.family())) {
                        if (!matchReported) {
                            errors.add(estimator.degreePath, "an integer when " + p
                                    + ".phi.family is not \"bspline\"", "\"match\"");
                            matchReported = true;
                        }
                        degree = 2;
                    } else {
                        degree = phi.order() - 1;
                    }
                }
                if (id != null && d != null && tokens != null && r != null && noise != null && law != null
                        && phi != null && degree >= 0) {
                    out.add(new StudySetting(id, d.intValue(), tokens.intValue(), r.intValue(), law, phi, noise,
                            degree));
                }
            }
            return out;
        }

        private TokenLawSpec tokens(Table setting) {
            Table t = setting.table("tokens", List.of("law", "base", "tau"), true);
            if (t == null) {
                return null;
            }
            String law = t.string("law", TokenLawSpec.LAWS, true, null);
            if (law == null) {
                return null;
            }
            if (!"exchangeable".equals(law)) {
                for (String k : List.of("base", "tau")) {
                    if (t.has(k)) {
                        errors.add(t.at(k), "absent when law = \"" + law + "\"", t.node().get(k));
                    }
                }
                return new TokenLawSpec(law, law, 0.0);
            }
            String base = t.string("base", TokenLawSpec.BASES, false, "uniform");
            Double tau = t.number("tau", 0, false, 1, true, null);
            return base == null || tau == null ? null : new TokenLawSpec(law, base, tau);
        }

        private ActivationSpec phi(Table setting) {
            Table t = setting.table("phi", List.of("family", "order", "pieces", "range", "exponent"), true);
            if (t == null) {
                return null;
            }
            String family = t.string("family", ActivationSpec.FAMILIES, true, null);
            if (family == null) {
                return null;
            }
            List<String> own = switch (family) {
                case "bspline" -> List.of("order", "pieces", "range");
                case "abs" -> List.of("exponent");
                default -> List.of();
            };
            boolean foreign = false;
            for (String k : List.of("order", "pieces", "range", "exponent")) {
                if (!own.contains(k) && t.has(k)) {
                    errors.add(t.at(k), "absent when family = \"" + family + "\"", t.node().get(k));
                    foreign = true;
                }
            }
            if (foreign) {
                return null;
            }
            if ("bspline".equals(family)) {
                Long order = t.integer("order", 2, 12, true, null);
                Long pieces = t.integer("pieces", 1, 1000, false, 8L);
                Double range = t.number("range", 0, true, 1000, false, 4.0);
                return order == null || pieces == null || range == null ? null
                        : ActivationSpec.bspline(order.intValue(), pieces.intValue(), range);
            }
            if ("abs".equals(family)) {
                Double a = t.number("exponent", 0, true, 10, true, null);
                return a == null ? null : new ActivationSpec("abs", 0, 0, 0.0, a);
            }
            return new ActivationSpec(family, 0, 0, 0.0, 0.0);
        }

        private List<ClaimSpec> claims(Table top, List<StudySetting> settings) {
            List<ClaimSpec> out = new ArrayList<>();
            Object[] f = top.array("claims", false);
            if (f == null) {
                return out;
            }
            Set<String> known = new HashSet<>();
            for (StudySetting s : settings) {
                known.add(s.id());
            }
            JsonNode settingsNode = top.node().get("settings");
            Set<String> declared = new HashSet<>();
            if (settingsNode != null && settingsNode.isArray()) {
                for (JsonNode s : settingsNode) {
                    if (s.isObject() && s.path("id").isTextual()) {
                        declared.add(s.path("id").textValue());
                    }
                }
            }
            if (declared.isEmpty()) {
                // no setting could be read: that error is reported; references to settings are not checked
                return out;
            }
            JsonNode a = (JsonNode) f[0];
            Map<String, String> seen = new HashMap<>();
            for (int i = 0; i < a.size(); i++) {
                String p = "claims[" + i + "]";
                JsonNode n = a.get(i);
                if (!n.isObject()) {
                    errors.add(p, "a table", n);
                    continue;
                }
                JsonNode kindNode = n.get("kind");
                String kindText = kindNode != null && kindNode.isTextual() ? kindNode.textValue() : "";
                List<String> keys = switch (kindText) {
                    case "slope" -> List.of("id", "kind", "statement", "setting", "reference", "margin");
                    case "equal_slopes" -> List.of("id", "kind", "statement", "settings", "margin");
                    case "faster" -> List.of("id", "kind", "statement", "faster", "slower");
                    default -> List.of("id", "kind", "statement", "setting", "settings", "reference", "margin",
                            "faster", "slower");
                };
                Table t = new Table(n, p, errors, keys, null);
                String id = t.id("id", true, null);
                if (id != null && seen.putIfAbsent(id, p) != null) {
                    errors.add(t.at("id"), "unique (also the id of " + seen.get(id) + ")", n.get("id"));
                    id = null;
                }
                String kind = t.string("kind", List.of("slope", "equal_slopes", "faster"), true, null);
                String statement = t.string("statement", List.of(), false, null);
                if (kind == null) {
                    continue;
                }
                ClaimSpec c = switch (kind) {
                    case "slope" -> slope(t, id, statement, declared);
                    case "equal_slopes" -> equal(t, id, statement, declared);
                    default -> faster(t, id, statement, declared);
                };
                if (c != null && known.containsAll(c.settings())) {
                    out.add(c);
                }
            }
            return out;
        }

        private String settingRef(Table t, String key, Set<String> declared) {
            String s = t.string(key, List.of(), true, null);
            if (s != null && !declared.contains(s)) {
                errors.add(t.at(key), "the id of a setting (one of " + quoted(sorted(declared)) + ")",
                        t.node().get(key));
                return null;
            }
            return s;
        }

        private static List<String> sorted(Set<String> s) {
            List<String> l = new ArrayList<>(s);
            l.sort(null);
            return l;
        }

        private ClaimSpec slope(Table t, String id, String statement, Set<String> declared) {
            String setting = settingRef(t, "setting", declared);
            double reference = Double.NaN;
            JsonNode ref = t.node().get("reference");
            if (ref == null) {
                errors.add(t.at("reference"), "given (a number or \"theory\")", "nothing");
                return null;
            }
            if (ref.isTextual()) {
                if (!"theory".equals(ref.textValue())) {
                    errors.add(t.at("reference"), "a number in [-5, 0] or \"theory\"", ref);
                    return null;
                }
            } else {
                Double r = t.number("reference", -5, false, 0, true, null);
                if (r == null) {
                    return null;
                }
                reference = r;
            }
            Double margin = t.number("margin", 0, true, 2, true, null);
            if (id == null || setting == null || margin == null) {
                return null;
            }
            String words = statement != null ? statement : String.format(Locale.ROOT,
                    "the error of %s falls as M^s with s = %s within %s", setting,
                    Double.isNaN(reference) ? "-2 b / (2 b + 1), b = min(beta of phi*, p + 1)" : Double.toString(reference),
                    margin);
            return new ClaimSpec.Slope(id, words, setting, reference, margin);
        }

        private ClaimSpec equal(Table t, String id, String statement, Set<String> declared) {
            Object[] f = t.array("settings", true);
            Double margin = t.number("margin", 0, true, 2, true, null);
            if (f == null) {
                return null;
            }
            JsonNode a = (JsonNode) f[0];
            String p = (String) f[1];
            if (a.size() < 2) {
                errors.add(p, "an array of at least 2 setting ids", a);
                return null;
            }
            List<String> ids = new ArrayList<>();
            boolean ok = true;
            for (int i = 0; i < a.size(); i++) {
                JsonNode v = a.get(i);
                String pi = p + "[" + i + "]";
                if (!v.isTextual() || !declared.contains(v.textValue())) {
                    errors.add(pi, "the id of a setting (one of " + quoted(sorted(declared)) + ")", v);
                    ok = false;
                } else if (ids.contains(v.textValue())) {
                    errors.add(pi, "a setting not already listed", v);
                    ok = false;
                } else {
                    ids.add(v.textValue());
                }
            }
            if (!ok || id == null || margin == null) {
                return null;
            }
            String words = statement != null ? statement : String.format(Locale.ROOT,
                    "the slopes of %s are the same within %s", String.join(", ", ids), margin);
            return new ClaimSpec.EqualSlopes(id, words, ids, margin);
        }

        private ClaimSpec faster(Table t, String id, String statement, Set<String> declared) {
            String faster = settingRef(t, "faster", declared);
            String slower = settingRef(t, "slower", declared);
            if (faster != null && faster.equals(slower)) {
                errors.add(t.at("slower"), "a setting other than faster", t.node().get("slower"));
                return null;
            }
            if (id == null || faster == null || slower == null) {
                return null;
            }
            String words = statement != null ? statement : String.format(Locale.ROOT,
                    "the error of %s falls faster in M than that of %s", faster, slower);
            return new ClaimSpec.Faster(id, words, faster, slower);
        }
    }
}
