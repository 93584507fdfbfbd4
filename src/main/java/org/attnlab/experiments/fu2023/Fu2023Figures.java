package org.attnlab.experiments.fu2023;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.attnlab.report.Plot;
import org.attnlab.rfa.Target;

/** The audit's figures: one panel per target, median over repeats with a min-max band, log x axis. */
final class Fu2023Figures {

    private static final int WIDTH = 460;
    private static final int HEIGHT = 400;

    private Fu2023Figures() {
    }

    private static double maxOverMin(List<Plot.Series> series) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0.0;
        for (Plot.Series se : series) {
            for (double y : se.y()) {
                lo = Math.min(lo, y);
                hi = Math.max(hi, y);
            }
            if (se.upper() != null) {
                for (double y : se.upper()) {
                    hi = Math.max(hi, y);
                }
            }
        }
        return hi / lo;
    }

    static void write(Path out, Fu2023Results results) {
        Plot.write(out.resolve("fig_samples"), 2, 3, panels(results, Fu2023Unit.SAMPLES), WIDTH, HEIGHT);
        Plot.write(out.resolve("fig_heads"), 2, 3, panels(results, Fu2023Unit.HEADS), WIDTH, HEIGHT);
    }

    private static List<Plot.Panel> panels(Fu2023Results results, String sweep) {
        Fu2023Config c = results.config();
        int[] sizes = results.sizes(sweep);
        List<Plot.Panel> panels = new ArrayList<>();
        for (Target t : Fu2023Experiment.TARGETS) {
            List<Plot.Series> bands = new ArrayList<>();
            List<Plot.Series> lines = new ArrayList<>();
            for (Method m : Method.values()) {
                List<double[]> pts = new ArrayList<>();
                for (int s : sizes) {
                    double[] sum = Fu2023Audit.summary(results.errors(sweep, m, t, s));
                    if (sum[1] > 0 && Double.isFinite(sum[0])) {
                        pts.add(new double[] {s, sum[0], sum[1], sum[2]});
                    }
                }
                if (pts.isEmpty()) {
                    continue;
                }
                double[] x = new double[pts.size()];
                double[] med = new double[pts.size()];
                double[] lo = new double[pts.size()];
                double[] hi = new double[pts.size()];
                for (int i = 0; i < pts.size(); i++) {
                    x[i] = pts.get(i)[0];
                    med[i] = pts.get(i)[1];
                    lo[i] = pts.get(i)[2];
                    hi[i] = pts.get(i)[3];
                }
                bands.add(Plot.Series.band(m.label() + " range", x, lo, hi, m.ordinal()));
                lines.add(Plot.Series.line(m.label(), x, med, m.ordinal()));
            }
            if (!t.permutationInvariant()) {
                double floor = 1.0 - 1.0 / c.keys();
                lines.add(Plot.Series.dashed("1-1/N", new double[] {sizes[0], sizes[sizes.length - 1]},
                        new double[] {floor, floor}, -1));
            }
            List<Plot.Series> all = new ArrayList<>(bands);
            all.addAll(lines);
            String title = t.label() + (t.permutationInvariant() ? "" : " (control, not invariant)");
            String xLabel = sweep.equals(Fu2023Unit.SAMPLES)
                    ? "training samples n (H = " + c.heads() + ")"
                    : "heads H (n = " + c.samplesForHeads() + ")";
            // XChart labels only powers of ten on a log axis: a panel spanning less than a decade gets a linear
            // y axis so that its ticks are labelled.
            boolean logY = maxOverMin(all) >= 10.0;
            panels.add(new Plot.Panel(title, xLabel, "test MSE / Var(target)" + (logY ? " (log)" : ""), true, logY,
                    all));
        }
        return panels;
    }
}
