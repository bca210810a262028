package org.lmforge.pipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmforge.pipeline.scaling.ChinchillaLaw;

/**
 * The report renders in a real browser: headless Chromium (Debian package {@code chromium}) dumps the DOM it
 * built and takes a screenshot. Skipped when /usr/bin/chromium is absent.
 */
class ReportBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir
  Path dir;

  @Test
  void chromiumRendersPlotsAndTables() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + " (apt-get install chromium)");
    Path sweep = dir.resolve("sweep");
    SyntheticSweep.write(sweep, ChinchillaLaw.HOFFMANN_2022, ReportTest.BUDGETS, 5, true, 8);
    Path report = dir.resolve("report.html");
    Report.write(sweep, report, 1e21, ReportTest.FAST);

    String dom = chromium(report, "--dump-dom");
    // The DOM Chromium built (not our text): plots parsed as SVG elements, the parameter table as a table.
    assertEquals(6, count(dom, "<svg class=\"plot\""));
    assertTrue(dom.contains("<table class=\"fit-params\">"), "fitted-parameter table");
    assertTrue(dom.contains("<td>Hoffmann et al. 2022</td>") || dom.contains("<th>Hoffmann et al. 2022</th>"));
    assertTrue(dom.contains("<table class=\"drop-table\">"));

    Path shot = dir.resolve("shot.png");
    chromium(report, "--screenshot=" + shot);
    BufferedImage img = ImageIO.read(shot.toFile());
    assertEquals(1280, img.getWidth());
    Set<Integer> colours = new HashSet<>();
    int nonWhite = 0;
    for (int y = 0; y < img.getHeight(); y += 4) {
      for (int x = 0; x < img.getWidth(); x += 4) {
        int rgb = img.getRGB(x, y) & 0xffffff;
        colours.add(rgb);
        if (rgb != 0xffffff) {
          nonWhite++;
        }
      }
    }
    assertTrue(colours.size() > 50, "screenshot has only " + colours.size() + " colours");
    assertTrue(nonWhite > img.getWidth() * img.getHeight() / 16 / 50, "screenshot almost blank");
  }

  private String chromium(Path report, String mode) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + dir.resolve("profile"), "--window-size=1280,2400",
        mode, report.toUri().toString()));
    Path log = dir.resolve("chromium.log");
    Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
    assertEquals(0, p.exitValue(), () -> "chromium failed: " + read(log));
    return new String(out, StandardCharsets.UTF_8);
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
