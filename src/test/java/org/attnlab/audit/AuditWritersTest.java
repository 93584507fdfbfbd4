package org.attnlab.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** claims.json and report.md: fixed layout, the rule's fields, escaped cells. */
class AuditWritersTest {

    private static final Margin M = Margin.of(0.1, "why");

    @Test
    void claimsJsonHasAFixedLayoutWithTheRuleFields() {
        Claim c = Claim.decide("fig1a.slope.d1", "slope is -0.8", "slope", VerdictRule.Kind.WITHIN, -0.8, M, -0.75,
                -0.8, -0.72, Sample.seeds(16), "fine");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("seed", "1");
        String json = ClaimsJson.toJson("z", "paper", settings, List.of(c));
        String expected = "{\n"
                + "  \"audit\" : \"z\",\n"
                + "  \"paper\" : \"paper\",\n"
                + "  \"settings\" : {\n"
                + "    \"seed\" : \"1\"\n"
                + "  },\n"
                + "  \"claims\" : [\n"
                + "    {\n"
                + "      \"id\" : \"fig1a.slope.d1\",\n"
                + "      \"statement\" : \"slope is -0.8\",\n"
                + "      \"quantity\" : \"slope\",\n"
                + "      \"kind\" : \"WITHIN\",\n"
                + "      \"reference\" : -0.8,\n"
                + "      \"margin\" : 0.1,\n"
                + "      \"margin_reason\" : \"why\",\n"
                + "      \"measured\" : -0.75,\n"
                + "      \"lower\" : -0.8,\n"
                + "      \"upper\" : -0.72,\n"
                + "      \"interval\" : \"95% confidence over 16 seeds\",\n"
                + "      \"verdict\" : \"REPRODUCED\",\n"
                + "      \"rule\" : \"REPRODUCED iff our whole 95% interval lies inside [r - delta, r + delta] = "
                + "[-0.9000, -0.7000] (r = -0.8000, delta = 0.1000); NOT_REPRODUCED iff it lies entirely outside; "
                + "else INCONCLUSIVE\",\n"
                + "      \"detail\" : \"fine\"\n"
                + "    }\n"
                + "  ]\n"
                + "}\n";
        assertEquals(expected, json);
    }

    @Test
    void aClaimWhoseVerdictDisagreesWithTheRuleIsRejected() {
        Claim ok = Claim.decide("x", "s", "q", VerdictRule.Kind.WITHIN, 0, M, 0, -0.05, 0.05, Sample.seeds(4), "d");
        assertEquals(Verdict.REPRODUCED, ok.verdict());
        assertThrows(IllegalArgumentException.class, () -> new Claim("x", "s", "q", VerdictRule.Kind.WITHIN, 0, M, 0,
                -0.05, 0.05, Sample.seeds(4), Verdict.NOT_REPRODUCED, ok.rule(), "d"));
        assertThrows(IllegalArgumentException.class, () -> new Claim("x", "s", "q", VerdictRule.Kind.WITHIN, 0, M, 0,
                -0.05, 0.05, Sample.seeds(4), Verdict.REPRODUCED, "my own rule", "d"));
    }

    @Test
    void reportsCarryTheRuleAndEveryMargin() {
        Claim c = Claim.decide("a.b", "s", "the slope", VerdictRule.Kind.WITHIN, -0.8, M, -0.7, -0.95, -0.6,
                Sample.seeds(8), "d");
        String md = MarkdownReport.create().claims(List.of(c)).verdictRules(List.of(c)).text();
        assertTrue(md.contains(VerdictRule.TEXT), md);
        assertTrue(md.contains("| `a.b` | the slope | WITHIN | -0.8000 | 0.1000 | why | 95% confidence over 8 seeds |"), md);
        assertTrue(md.contains("**INCONCLUSIVE**"), md);
    }

    @Test
    void markdownTablesEscapeCells() {
        String md = MarkdownReport.create().heading(2, "T").table(List.of("a", "b"),
                List.of(List.of("1|2", "x\ny"))).image("fig", "f.png").text();
        assertEquals("## T\n\n| a | b |\n| --- | --- |\n| 1\\|2 | x y |\n\n![fig](f.png)\n\n", md);
        assertThrows(IllegalArgumentException.class,
                () -> MarkdownReport.create().table(List.of("a"), List.of(List.of("1", "2"))));
    }
}
