package org.attnlab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.attnlab.internal.Checks;
import org.attnlab.io.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Figures for audit reports, drawn with XChart and written as PNG ({@code BitmapEncoder}) and SVG
 * ({@code VectorGraphicsEncoder}): one or several panels (a {@code rows x cols} grid), each with lines with
 * markers, dashed reference lines, markers only, and shaded bands (quartiles, 95% intervals), on linear or
 * logarithmic axes.
 *
 * <p>Colours come from a fixed palette indexed by {@link Series#color()} ({@code -1} is black), so a band and
 * the line it belongs to share a colour by sharing the index.
 */
public final class Plot {

    /** The palette (colour-blind safe, Okabe-Ito order). */
    private static final Color[] PALETTE = {
        new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115), new Color(204, 121, 167),
        new Color(230, 159, 0), new Color(86, 180, 233), new Color(240, 228, 66)
    };

    private Plot() {
    }

    /** How a series is drawn. */
    public enum Style {
        /** Solid line through circle markers. */
        LINE_MARKERS,
        /** Markers only. */
        MARKERS,
        /** Dashed line, no markers (reference lines, theoretical slopes). */
        DASHED,
        /** A shaded band between {@code lower} and {@code upper}, not in the legend. */
        BAND
    }

    /**
     * One series.
     *
     * @param name legend label (unique within its panel)
     * @param x abscissae
     * @param y ordinates (for {@link Style#BAND}: the lower edge)
     * @param upper upper edge of a band, else null
     * @param style how it is drawn
     * @param color palette index, -1 for black
     */
    public record Series(String name, double[] x, double[] y, double[] upper, Style style, int color) {
        public Series {
            Checks.notNull("name", name);
            Checks.notNull("x", x);
            Checks.length("y", y, x.length);
            Checks.notNull("style", style);
            if (style == Style.BAND) {
                Checks.length("upper", upper, x.length);
            }
            if (x.length == 0) {
                throw Checks.fail("x.length", "> 0", 0);
            }
            x = x.clone();
            y = y.clone();
            upper = upper == null ? null : upper.clone();
        }

        /** A solid line with markers. */
        public static Series line(String name, double[] x, double[] y, int color) {
            return new Series(name, x, y, null, Style.LINE_MARKERS, color);
        }

        /** Markers only. */
        public static Series markers(String name, double[] x, double[] y, int color) {
            return new Series(name, x, y, null, Style.MARKERS, color);
        }

        /** A dashed reference line. */
        public static Series dashed(String name, double[] x, double[] y, int color) {
            return new Series(name, x, y, null, Style.DASHED, color);
        }

        /** A shaded band between {@code lower} and {@code upper}. */
        public static Series band(String name, double[] x, double[] lower, double[] upper, int color) {
            return new Series(name, x, lower, upper, Style.BAND, color);
        }
    }

    /**
     * One panel.
     *
     * @param title panel title
     * @param xLabel x-axis label
     * @param yLabel y-axis label
     * @param logX logarithmic x axis (all x must be &gt; 0)
     * @param logY logarithmic y axis (all y must be &gt; 0)
     * @param series the series, drawn in order (put bands first)
     */
    public record Panel(String title, String xLabel, String yLabel, boolean logX, boolean logY,
                        List<Series> series) {
        public Panel {
            Checks.notNull("title", title);
            Checks.notNull("xLabel", xLabel);
            Checks.notNull("yLabel", yLabel);
            series = List.copyOf(series);
        }
    }

    /** The XChart chart of one panel, {@code width x height} pixels. */
    public static XYChart chart(Panel panel, int width, int height) {
        Checks.positive("width", width);
        Checks.positive("height", height);
        XYChart c = new XYChartBuilder().width(width).height(height).title(panel.title())
                .xAxisTitle(panel.xLabel()).yAxisTitle(panel.yLabel()).build();
        Styler s = c.getStyler();
        c.getStyler().setXAxisLogarithmic(panel.logX());
        c.getStyler().setYAxisLogarithmic(panel.logY());
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setAntiAlias(true);
        c.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
        for (Series se : panel.series()) {
            Color col = se.color() < 0 ? Color.BLACK : PALETTE[se.color() % PALETTE.length];
            XYSeries xs;
            switch (se.style()) {
                case BAND -> {
                    int n = se.x().length;
                    double[] px = new double[2 * n];
                    double[] py = new double[2 * n];
                    for (int i = 0; i < n; i++) {
                        px[i] = se.x()[i];
                        py[i] = se.upper()[i];
                        px[2 * n - 1 - i] = se.x()[i];
                        py[2 * n - 1 - i] = se.y()[i];
                    }
                    xs = c.addSeries(se.name(), px, py);
                    xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
                    xs.setFillColor(new Color(col.getRed(), col.getGreen(), col.getBlue(), 50));
                    xs.setLineColor(new Color(col.getRed(), col.getGreen(), col.getBlue(), 90));
                    xs.setLineStyle(new BasicStroke(0.5f));
                    xs.setMarker(SeriesMarkers.NONE);
                    xs.setShowInLegend(false);
                }
                case DASHED -> {
                    xs = c.addSeries(se.name(), se.x(), se.y());
                    xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                    xs.setLineStyle(SeriesLines.DASH_DASH);
                    xs.setLineColor(col);
                    xs.setMarker(SeriesMarkers.NONE);
                }
                case MARKERS -> {
                    xs = c.addSeries(se.name(), se.x(), se.y());
                    xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    xs.setMarker(SeriesMarkers.CIRCLE);
                    xs.setMarkerColor(col);
                }
                default -> {
                    xs = c.addSeries(se.name(), se.x(), se.y());
                    xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                    xs.setLineColor(col);
                    xs.setLineStyle(SeriesLines.SOLID);
                    xs.setMarker(SeriesMarkers.CIRCLE);
                    xs.setMarkerColor(col);
                }
            }
        }
        return c;
    }

    /**
     * Writes {@code base.png} and {@code base.svg} for a {@code rows x cols} grid of panels (filled row by
     * row), each panel {@code width x height} pixels.
     *
     * @param base the output path without extension, e.g. {@code out/fig1a}
     * @throws IllegalArgumentException if {@code rows * cols < panels.size()}, a size is not positive, or
     *     {@code panels} is empty
     * @throws UncheckedIOException if a file cannot be written
     */
    public static void write(Path base, int rows, int cols, List<Panel> panels, int width, int height) {
        Checks.notNull("base", base);
        Checks.notNull("panels", panels);
        Checks.positive("rows", rows);
        Checks.positive("cols", cols);
        if (panels.isEmpty() || panels.size() > rows * cols) {
            throw Checks.fail("panels.size()", "in [1, rows * cols = " + rows * cols + "]", panels.size());
        }
        List<XYChart> charts = new ArrayList<>();
        for (Panel p : panels) {
            charts.add(chart(p, width, height));
        }
        Path png = base.resolveSibling(base.getFileName() + ".png");
        Path svg = base.resolveSibling(base.getFileName() + ".svg");
        if (charts.size() == 1) {
            AtomicFiles.write(png, out -> BitmapEncoder.saveBitmap(charts.get(0), out, BitmapEncoder.BitmapFormat.PNG));
        } else {
            BufferedImage grid = new BufferedImage(cols * width, rows * height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = grid.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, cols * width, rows * height);
            for (int i = 0; i < charts.size(); i++) {
                g.drawImage(BitmapEncoder.getBufferedImage(charts.get(i)), (i % cols) * width, (i / cols) * height,
                        null);
            }
            g.dispose();
            AtomicFiles.write(png, out -> ImageIO.write(grid, "png", out));
        }
        StringBuilder doc = new StringBuilder();
        if (charts.size() == 1) {
            // the DOCTYPE names an external DTD that validating readers would fetch: drop it (optional in SVG)
            doc.append(svgText(charts.get(0)).replaceFirst("(?s)<!DOCTYPE[^>]*>\\s*", ""));
        } else {
            doc.append(String.format(Locale.ROOT,
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                            + "xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"%d\" height=\"%d\" "
                            + "viewBox=\"0 0 %d %d\">\n", cols * width, rows * height, cols * width, rows * height));
            for (int i = 0; i < charts.size(); i++) {
                String inner = svgText(charts.get(i)).replaceFirst("(?s)^<\\?xml.*?\\?>", "")
                        .replaceFirst("(?s)<!DOCTYPE[^>]*>", "").strip();
                doc.append(String.format(Locale.ROOT, "<g transform=\"translate(%d,%d)\">\n",
                        (i % cols) * width, (i / cols) * height)).append(inner).append("\n</g>\n");
            }
            doc.append("</svg>\n");
        }
        AtomicFiles.writeString(svg, doc.toString());
    }

    private static String svgText(XYChart chart) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(chart, bytes, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw SVG: " + e.getMessage(), e);
        }
    }
}
