package org.attnlab.experiments.fu2023;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attnlab.audit.Claim;
import org.attnlab.audit.MarkdownReport;
import org.attnlab.audit.Verdict;
import org.attnlab.rfa.Target;

/** The audit's {@code report.md}. */
final class Fu2023Report {

    private Fu2023Report() {
    }

    static MarkdownReport build(String paper, Fu2023Config c, long seed, Fu2023Results results, List<Claim> claims) {
        MarkdownReport r = MarkdownReport.create().heading(1, "Audit fu2023: " + paper);
        r.paragraph("Re-run of the qualitative claims of arXiv 2307.11353 with our reading of its model "
                + "(see spec/rfa.md): random-feature attention f = sum_m (1/N) sum_i relu(<W_m, xt_0 xt_i^T>) "
                + "<v_m, xt_i> with frozen Gaussian W_m and ridge-trained v_m (RFA), the same with mean W_0 "
                + "(BRFA), and a random-feature ReLU MLP on the concatenated tokens with the same number of "
                + "trained parameters (RF-MLP). The paper's figure settings were not available to us, so the "
                + "settings below are ours and the claims are checked qualitatively, by the stated rules."
                + (c.quick() ? " **This is a quick run**: same rule, wider intervals, so fewer verdicts are decisive."
                        : ""));
        r.heading(2, "Settings");
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, String> e : Fu2023Audit.settings(c, seed).entrySet()) {
            rows.add(List.of(e.getKey(), e.getValue()));
        }
        r.table(List.of("setting", "value"), rows);
        r.paragraph("Targets, with u_i = sqrt(d) <x_0, x_i>: linear (1/N) sum u_i; quadratic (1/N) sum u_i^2; "
                + "cubic (1/N) sum u_i^3; cosine (1/N) sum cos(2 u_i); control u_1 (depends on the first key "
                + "only: not invariant to permuting the keys; no invariant predictor has error below 1 - 1/N = "
                + String.format(Locale.ROOT, "%.4f", 1.0 - 1.0 / c.keys()) + ").");

        r.heading(2, "Verdicts");
        r.claims(claims);
        r.paragraph("Per-claim summary: " + summary(claims, "a") + "; " + summary(claims, "b") + "; "
                + summary(claims, "c") + "; " + summary(claims, "d") + ".");
        r.heading(3, "How each claim is decided");
        r.verdictRules(claims);
        List<String> rules = new ArrayList<>();
        for (Claim cl : claims) {
            rules.add("**" + cl.id() + "** " + cl.statement() + " *Rule:* " + cl.rule() + ".");
        }
        r.bullets(rules);
        r.paragraph("Intervals: paired bootstrap over repeats (" + Fu2023Claims.REPLICATES + " replicates; a "
                + "replicate resamples repeat indices once and uses them for both methods, and for every H).");

        r.heading(2, "Test error against the sample size");
        r.image("Normalized test error against n, median over repeats, band = min..max", "fig_samples.png");
        r.table(header("n"), table(results, Fu2023Unit.SAMPLES));
        r.heading(2, "Test error against the number of heads");
        r.image("Normalized test error against H, median over repeats, band = min..max", "fig_heads.png");
        r.table(header("H"), table(results, Fu2023Unit.HEADS));
        r.heading(2, "Reproduce");
        r.code("sh", "attnlab reproduce fu2023" + (c.quick() ? " --quick" : "") + " --seed " + seed
                + " --out DIR [--threads T]");
        return r;
    }

    private static String summary(List<Claim> claims, String letter) {
        int yes = 0;
        int total = 0;
        for (Claim cl : claims) {
            if (cl.id().startsWith(letter + ".")) {
                total++;
                if (cl.verdict() == Verdict.REPRODUCED) {
                    yes++;
                }
            }
        }
        return String.format(Locale.ROOT, "(%s) %d of %d sub-claims reproduced", letter, yes, total);
    }

    private static List<String> header(String size) {
        List<String> h = new ArrayList<>(List.of("method", size));
        for (Target t : Fu2023Experiment.TARGETS) {
            h.add(t.label());
        }
        return h;
    }

    private static List<List<String>> table(Fu2023Results results, String sweep) {
        List<List<String>> rows = new ArrayList<>();
        for (Method m : Method.values()) {
            for (int s : results.sizes(sweep)) {
                List<String> row = new ArrayList<>(List.of(m.label(), Integer.toString(s)));
                for (Target t : Fu2023Experiment.TARGETS) {
                    row.add(Fu2023Audit.fmt(Fu2023Audit.summary(results.errors(sweep, m, t, s))[0]));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
