package org.attnlab.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.attnlab.internal.Checks;
import org.attnlab.io.AtomicFiles;

/**
 * Writes {@code claims.json}: deterministic field order, two-space indentation, {@code \n} line ends,
 * one entry per {@link Claim} in the given order. Non-finite numbers (an infinite interval end) are written
 * as {@code null}. No timestamps or timings, so equal claims give equal bytes.
 *
 * <pre>
 * {
 *   "audit" : "zucker2025",
 *   "paper" : "...",
 *   "settings" : { "seed" : "1", ... },         (caller's map, its iteration order)
 *   "claims" : [ { "id", "statement", "quantity", "kind", "reference", "margin", "margin_reason", "measured",
 *                  "lower", "upper", "interval", "verdict", "rule", "detail" } ]
 * }
 * </pre>
 */
public final class ClaimsJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClaimsJson() {
    }

    /** The JSON text (ending with a newline). */
    public static String toJson(String auditId, String paper, Map<String, String> settings, List<Claim> claims) {
        Checks.notNull("auditId", auditId);
        Checks.notNull("paper", paper);
        Checks.notNull("settings", settings);
        Checks.notNull("claims", claims);
        ObjectNode root = JSON.createObjectNode();
        root.put("audit", auditId);
        root.put("paper", paper);
        ObjectNode s = root.putObject("settings");
        settings.forEach(s::put);
        ArrayNode arr = root.putArray("claims");
        for (Claim c : claims) {
            ObjectNode o = arr.addObject();
            o.put("id", c.id());
            o.put("statement", c.statement());
            o.put("quantity", c.quantity());
            o.put("kind", c.kind().name());
            number(o, "reference", c.reference());
            number(o, "margin", c.margin().delta());
            o.put("margin_reason", c.margin().reason());
            number(o, "measured", c.measured());
            number(o, "lower", c.lower());
            number(o, "upper", c.upper());
            o.put("interval", interval(c.sample()));
            o.put("verdict", c.verdict().name());
            o.put("rule", c.rule());
            o.put("detail", c.detail());
        }
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JSON.writer(pp).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the interval is: "95% confidence over 16 seeds", "range over every one of 20 repeats", "exact". */
    static String interval(Sample s) {
        if (s.count() == 0) {
            return "exact";
        }
        return s.shrinks() ? "95% confidence over " + s.count() + " " + s.noun()
                : "range over every one of " + s.count() + " " + s.noun();
    }

    private static void number(ObjectNode o, String name, double v) {
        if (Double.isFinite(v)) {
            o.put(name, v);
        } else {
            o.putNull(name);
        }
    }

    /** Writes {@code claims.json} to {@code target}, atomically. */
    public static void write(Path target, String auditId, String paper, Map<String, String> settings,
                             List<Claim> claims) {
        Checks.notNull("target", target);
        AtomicFiles.writeString(target, toJson(auditId, paper, settings, claims));
    }
}
