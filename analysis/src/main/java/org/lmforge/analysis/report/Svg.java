package org.lmforge.analysis.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Renders an xchart chart to an SVG element that can sit inline in an HTML page: xchart's
 * VectorGraphicsEncoder (VectorGraphics2D) writes a standalone SVG file, so the XML prolog and
 * doctype are dropped, ids get a per-chart prefix (every chart names its clip path the same way,
 * and inline SVGs share one id space) and coordinates are rounded to 0.1 px (xchart outlines text
 * as paths with 15-digit coordinates; rounding halves the size and is invisible).
 */
final class Svg {
  private Svg() {}

  static String inline(Chart<?, ?> chart, String idPrefix) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      VectorGraphicsEncoder.saveVectorGraphic(
          chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String svg = out.toString(StandardCharsets.UTF_8);
    int start = svg.indexOf("<svg");
    if (start < 0) {
      throw new IllegalStateException("VectorGraphics2D wrote no <svg> element");
    }
    return svg.substring(start)
        .replaceAll("(\\d+\\.\\d)\\d+", "$1")
        .replace("id=\"", "id=\"" + idPrefix + "-")
        .replace("url(#", "url(#" + idPrefix + "-")
        .replace(
            "<svg ",
            "<svg class=\"plot\" role=\"img\" aria-label=\""
                + Html.escape(chart.getTitle())
                + "\" ");
  }
}
