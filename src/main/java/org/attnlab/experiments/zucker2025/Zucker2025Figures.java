package org.attnlab.experiments.zucker2025;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.attnlab.report.Plot;

/** The figures of the zucker2025 audit: Figure 1(a) and 1(b), log-log error against M (PNG + SVG). */
final class Zucker2025Figures {

    private Zucker2025Figures() {
    }

    static List<Zucker2025Claims.Curve> select(List<Zucker2025Claims.Curve> curves, List<RateSetting> settings) {
        List<Zucker2025Claims.Curve> out = new ArrayList<>();
        for (RateSetting s : settings) {
            for (Zucker2025Claims.Curve c : curves) {
                if (c.setting().equals(s)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /**
     * One log-log panel: per curve a quartile band and the median with markers; the theoretical slope as a
     * dashed line, one per curve ({@code oneReference == false}) or one black line through the centre of all
     * medians.
     */
    static void figure(Path base, String title, List<Zucker2025Claims.Curve> curves, boolean oneReference) {
        List<Plot.Series> series = new ArrayList<>();
        for (int i = 0; i < curves.size(); i++) {
            Zucker2025Claims.Curve c = curves.get(i);
            series.add(Plot.Series.band(c.setting().id() + " IQR", c.sizes(), c.q1(), c.q3(), i));
        }
        for (int i = 0; i < curves.size(); i++) {
            Zucker2025Claims.Curve c = curves.get(i);
            series.add(Plot.Series.line(String.format(Locale.ROOT, "%s median (slope %.3f)", c.setting().id(),
                    c.absoluteSlope().slope()), c.sizes(), c.median(), i));
        }
        if (oneReference) {
            Zucker2025Claims.Curve first = curves.get(0);
            double[] x = first.sizes();
            int mid = x.length / 2;
            double logCentre = 0;
            for (Zucker2025Claims.Curve c : curves) {
                logCentre += Math.log(c.median()[mid]);
            }
            logCentre /= curves.size();
            series.add(Plot.Series.dashed(String.format(Locale.ROOT, "theory slope %.3f", first.setting().theorySlope()),
                    x, reference(x, mid, Math.exp(logCentre), first.setting().theorySlope()), -1));
        } else {
            for (int i = 0; i < curves.size(); i++) {
                Zucker2025Claims.Curve c = curves.get(i);
                int mid = c.sizes().length / 2;
                series.add(Plot.Series.dashed(String.format(Locale.ROOT, "P=%d theory %.3f", c.setting().orderTrue(),
                        c.setting().theorySlope()), c.sizes(),
                        reference(c.sizes(), mid, c.median()[mid], c.setting().theorySlope()), i));
            }
        }
        Plot.write(base, 1, 1, List.of(new Plot.Panel(title, "M (samples)", "composed test MSE", true, true, series)),
                760, 560);
    }

    /** y = y0 (x / x[mid])^slope. */
    private static double[] reference(double[] x, int mid, double y0, double slope) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = y0 * Math.pow(x[i] / x[mid], slope);
        }
        return y;
    }

}
