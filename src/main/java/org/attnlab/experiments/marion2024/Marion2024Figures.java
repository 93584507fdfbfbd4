package org.attnlab.experiments.marion2024;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.attnlab.report.Plot;
import org.attnlab.report.Stats;
import org.attnlab.slr.Trajectory;

/** The figures of the marion2024 audit: one 4-panel figure per configuration, and the d sweep (PNG + SVG). */
final class Marion2024Figures {

    static final int PANEL_W = 480;
    static final int PANEL_H = 420;
    static final int MAX_MARKERS = 40;

    private Marion2024Figures() {
    }

    static void writeFigure(Path out, RunConfig c, double[] steps, double[][] excess, double[][] test,
                                    double[][] kap, double[][] nu, double[][] dist, double[] optimum,
                                    double[] linear, List<Trajectory> runs) {
        List<Plot.Series> a = new ArrayList<>(bandAndMedian("excess", steps, excess, 0,
                Double.NEGATIVE_INFINITY));
        a.set(1, thinLine(c.sgd() ? "population (median)" : "excess (median)", steps, a.get(1).y(), 0));
        if (test != null) {
            double[] tm = new double[steps.length];
            for (int i = 0; i < steps.length; i++) {
                tm[i] = q(column(test, i), 0.5);
            }
            a.add(thinLine("test batch (median)", steps, tm, 1));
        }
        a.add(Plot.Series.dashed("at (k*, v*)", steps, optimum, 2));
        a.add(Plot.Series.dashed("best linear", steps, linear, -1));
        List<Plot.Series> b = new ArrayList<>();
        List<Plot.Series> kb = bandAndMedian("|kappa|", steps, kap, 0, Double.NEGATIVE_INFINITY);
        List<Plot.Series> nb = bandAndMedian("|nu|", steps, nu, 1, Double.NEGATIVE_INFINITY);
        b.add(kb.get(0));
        b.add(nb.get(0));
        b.add(thinLine("|kappa| (median)", steps, kb.get(1).y(), 0));
        b.add(thinLine("|nu| (median)", steps, nb.get(1).y(), 1));
        List<Plot.Series> cPanel = new ArrayList<>();
        int color = 0;
        for (int r : c.plotRuns()) {
            if (r < runs.size()) {
                Trajectory t = runs.get(r);
                cPanel.add(thinLine("run " + r, t.kappa(), t.nu(), color++));
            }
        }
        cPanel.add(Plot.Series.markers("optima (+-1, +-1)", new double[] {1, 1, -1, -1}, new double[] {1, -1, 1, -1},
                -1));
        List<Plot.Series> d = new ArrayList<>(bandAndMedian("distance", steps, dist, 0,
                Marion2024Config.DISTANCE_FLOOR));
        d.set(1, thinLine("distance (median)", steps, d.get(1).y(), 0));
        Plot.write(out.resolve("fig-" + c.id()), 1, 4, List.of(
                new Plot.Panel(c.id() + ": excess risk", "step", "excess risk", false, false, a),
                new Plot.Panel("alignment with k*, v*", "step", "|kappa|, |nu|", false, false, b),
                new Plot.Panel("(kappa, nu) trajectories", "kappa", "nu", false, false, cPanel),
                new Plot.Panel("distance to M (floor 1e-20)", "step", "sqrt(theta^2+eta^2+rho^2)", false, true, d)),
                PANEL_W, PANEL_H);
    }

    /** A line with markers on at most MAX_MARKERS points (the full series would draw a thick band of circles). */
    static Plot.Series thinLine(String name, double[] x, double[] y, int color) {
        int n = x.length;
        int stride = Math.max(1, (n + MAX_MARKERS - 1) / MAX_MARKERS);
        int m = (n - 1) / stride + 1 + ((n - 1) % stride == 0 ? 0 : 1);
        double[] xs = new double[m];
        double[] ys = new double[m];
        int j = 0;
        for (int i = 0; i < n; i += stride) {
            xs[j] = x[i];
            ys[j++] = y[i];
        }
        if (j < m) {
            xs[j] = x[n - 1];
            ys[j] = y[n - 1];
        }
        return Plot.Series.line(name, xs, ys, color);
    }

    static List<Plot.Series> bandAndMedian(String name, double[] x, double[][] perRepeat, int color, double floor) {
        int n = x.length;
        double[] lo = new double[n];
        double[] med = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            double[] col = new double[perRepeat.length];
            for (int r = 0; r < perRepeat.length; r++) {
                col[r] = Math.max(floor, perRepeat[r][i]);
            }
            lo[i] = quantile(col, 0.025);
            med[i] = quantile(col, 0.5);
            hi[i] = quantile(col, 0.975);
        }
        List<Plot.Series> s = new ArrayList<>();
        s.add(Plot.Series.band(name + " 95% band", x, lo, hi, color));
        s.add(new Plot.Series(name + " median", x, med, null, Plot.Style.DASHED, color));
        return s;
    }

    static double quantile(double[] v, double p) {
        return Stats.quantile(v, p);
    }


    private static double[] column(double[][] a, int i) {
        double[] c = new double[a.length];
        for (int r = 0; r < a.length; r++) {
            c[r] = a[r][i];
        }
        return c;
    }

    private static double q(double[] v, double p) {
        return Stats.quantile(v, p);
    }
}
