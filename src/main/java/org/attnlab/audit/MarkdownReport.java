package org.attnlab.audit;

import java.nio.file.Path;
import java.util.List;
import org.attnlab.internal.Checks;
import org.attnlab.io.AtomicFiles;

/**
 * Builds a Markdown report: headings, paragraphs, tables, embedded figures, code blocks. Lines end with
 * {@code \n}; table cells have {@code |} escaped and line breaks flattened. Written atomically.
 */
public final class MarkdownReport {

    private final StringBuilder text = new StringBuilder();

    private MarkdownReport() {
    }

    /** An empty report. */
    public static MarkdownReport create() {
        return new MarkdownReport();
    }

    /** A heading of level 1..6. */
    public MarkdownReport heading(int level, String title) {
        Checks.inRange("level", level, 1, 6);
        Checks.notNull("title", title);
        text.append("#".repeat(level)).append(' ').append(title).append("\n\n");
        return this;
    }

    /** A paragraph (Markdown inline syntax is kept). */
    public MarkdownReport paragraph(String p) {
        Checks.notNull("paragraph", p);
        text.append(p.strip()).append("\n\n");
        return this;
    }

    /** A bullet list. */
    public MarkdownReport bullets(List<String> items) {
        Checks.notNull("items", items);
        for (String s : items) {
            text.append("- ").append(s.strip().replace("\n", "\n  ")).append('\n');
        }
        text.append('\n');
        return this;
    }

    /**
     * A table; every row must have as many cells as {@code header}.
     *
     * @throws IllegalArgumentException if a row has the wrong number of cells
     */
    public MarkdownReport table(List<String> header, List<List<String>> rows) {
        Checks.notNull("header", header);
        Checks.notNull("rows", rows);
        if (header.isEmpty()) {
            throw Checks.fail("header", "non-empty", header);
        }
        row(header);
        text.append('|');
        for (int i = 0; i < header.size(); i++) {
            text.append(" --- |");
        }
        text.append('\n');
        for (List<String> r : rows) {
            if (r.size() != header.size()) {
                throw Checks.fail("table row size", "= " + header.size(), r.size());
            }
            row(r);
        }
        text.append('\n');
        return this;
    }

    private void row(List<String> cells) {
        text.append('|');
        for (String c : cells) {
            text.append(' ').append(cell(c)).append(" |");
        }
        text.append('\n');
    }

    private static String cell(String c) {
        return c == null ? "" : c.replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ");
    }

    /** An embedded image, {@code relativePath} relative to the report's directory. */
    public MarkdownReport image(String alt, String relativePath) {
        Checks.notNull("alt", alt);
        Checks.notNull("relativePath", relativePath);
        text.append("![").append(alt).append("](").append(relativePath).append(")\n\n");
        return this;
    }

    /** A fenced code block. */
    public MarkdownReport code(String language, String body) {
        Checks.notNull("body", body);
        text.append("```").append(language == null ? "" : language).append('\n').append(body.strip())
                .append("\n```\n\n");
        return this;
    }

    /** Raw Markdown, appended as is. */
    public MarkdownReport raw(String markdown) {
        Checks.notNull("markdown", markdown);
        text.append(markdown);
        return this;
    }

    /**
     * The verdict section every audit report carries: the one rule ({@link VerdictRule#TEXT}) and, per claim,
     * the quantity it is decided on, the kind, the reference, the pre-registered margin and its reason.
     */
    public MarkdownReport verdictRules(List<Claim> claims) {
        Checks.notNull("claims", claims);
        paragraph("**The verdict rule.** " + VerdictRule.TEXT);
        List<List<String>> rows = new java.util.ArrayList<>();
        for (Claim c : claims) {
            rows.add(List.of("`" + c.id() + "`", c.quantity(), c.kind().name(),
                    String.format(java.util.Locale.ROOT, "%.4g", c.reference()),
                    String.format(java.util.Locale.ROOT, "%.4g", c.margin().delta()), c.margin().reason(),
                    ClaimsJson.interval(c.sample())));
        }
        return table(List.of("claim", "decided on", "kind", "reference r", "margin delta", "why this margin",
                "our interval"), rows);
    }

    /** The claims table: id, statement, reference, ours [95% interval], verdict, detail. */
    public MarkdownReport claims(List<Claim> claims) {
        Checks.notNull("claims", claims);
        List<List<String>> rows = new java.util.ArrayList<>();
        for (Claim c : claims) {
            rows.add(List.of("`" + c.id() + "`", c.statement(), String.format(java.util.Locale.ROOT, "%.4g",
                    c.reference()), String.format(java.util.Locale.ROOT, "%.4g [%.4g, %.4g]", c.measured(),
                    c.lower(), c.upper()), "**" + c.verdict() + "**", c.detail()));
        }
        return table(List.of("claim", "statement", "reference", "ours [95% interval]", "verdict", "detail"), rows);
    }

    /** The Markdown text. */
    public String text() {
        return text.toString();
    }

    /** Writes the report to {@code target}, atomically. */
    public void write(Path target) {
        Checks.notNull("target", target);
        AtomicFiles.writeString(target, text());
    }
}
