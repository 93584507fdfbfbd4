package org.attnlab.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.attnlab.audit.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WritersTest {

    @TempDir
    Path dir;

    @Test
    void csvHasFixedColumnsAndVerbatimCells() throws IOException {
        Row a = Row.builder().put("b", 0.1 + 0.2).put("a", 3).put("note", "x,y").build();
        Path f = dir.resolve("t.csv");
        CsvTable.write(f, List.of("a", "b", "note"), List.of(a));
        assertEquals("a,b,note\n3,0.30000000000000004,\"x,y\"\n", Files.readString(f));
        assertThrows(IllegalArgumentException.class, () -> CsvTable.write(f, List.of("zz"), List.of(a)));
    }

    @Test
    void plotsWritePngAndWellFormedSvg() throws Exception {
        double[] x = {100, 1000, 10000};
        Plot.Panel p = new Plot.Panel("p", "M", "error", true, true, List.of(
                Plot.Series.band("q", x, new double[] {0.5, 0.05, 0.005}, new double[] {2, 0.2, 0.02}, 0),
                Plot.Series.line("median", x, new double[] {1, 0.1, 0.01}, 0),
                Plot.Series.dashed("theory", x, new double[] {1.2, 0.12, 0.012}, -1)));
        Plot.write(dir.resolve("one"), 1, 1, List.of(p), 400, 300);
        Plot.write(dir.resolve("grid"), 2, 2, List.of(p, p, p), 300, 250);
        for (String name : List.of("one", "grid")) {
            byte[] png = Files.readAllBytes(dir.resolve(name + ".png"));
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            var doc = f.newDocumentBuilder()
                    .parse(dir.resolve(name + ".svg").toFile());
            assertEquals("svg", doc.getDocumentElement().getNodeName());
        }
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(dir.resolve("grid.png").toFile());
        assertEquals(600, img.getWidth());
        assertEquals(500, img.getHeight());
        assertThrows(IllegalArgumentException.class, () -> Plot.write(dir.resolve("x"), 1, 1, List.of(p, p), 10, 10));
    }

    @Test
    void quietProgressPrintsALinePerFivePercent() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        ConsoleProgress p = ConsoleProgress.to(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        p.start("task", 100, 0);
        for (int i = 0; i < 100; i++) {
            p.step();
        }
        p.finish();
        String out = bytes.toString(StandardCharsets.UTF_8);
        long lines = out.lines().count();
        assertEquals(1 + 20 + 1, lines, out);
        assertTrue(out.contains("100/100 100%"), out);
        assertEquals("1m05s", ConsoleProgress.duration(65));
        assertEquals("2h03m", ConsoleProgress.duration(7380));
    }
}
