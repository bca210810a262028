package org.lmforge.analysis.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.lmforge.analysis.scaling.IsoFlopFit;

/**
 * The report's plots as xchart charts, log-scaled on the compute-like axes. Null when there is
 * nothing to plot.
 */
final class Charts {
  static final int WIDTH = 820;
  static final int HEIGHT = 460;

  /** More series than this and the legend would not fit beside the plot. */
  static final int MAX_LEGEND = 16;

  private Charts() {}

  static XYChart base(String title, String xTitle, String yTitle, boolean logY) {
    XYChart c =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle(xTitle)
            .yAxisTitle(yTitle)
            .build();
    Styler s = c.getStyler();
    c.getStyler().setXAxisLogarithmic(true);
    c.getStyler().setYAxisLogarithmic(logY);
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setLegendPosition(Styler.LegendPosition.OutsideE);
    s.setLegendBorderColor(Color.LIGHT_GRAY);
    c.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
    c.getStyler().setXAxisDecimalPattern("0.#E0");
    return c;
  }

  /** One line per run of y against tokens seen; null when no run has a finite y. */
  static XYChart curves(
      String title,
      String yTitle,
      Map<String, List<SweepDir.Metric>> metrics,
      ToDoubleFunction<SweepDir.Metric> y) {
    XYChart c = base(title, "tokens", yTitle, false);
    int series = 0;
    for (Map.Entry<String, List<SweepDir.Metric>> e : metrics.entrySet()) {
      List<double[]> xy = new ArrayList<>();
      for (SweepDir.Metric m : e.getValue()) {
        double v = y.applyAsDouble(m);
        if (m.tokens() > 0 && Double.isFinite(v)) {
          xy.add(new double[] {m.tokens(), v});
        }
      }
      if (!xy.isEmpty()) {
        line(c, e.getKey(), xy)
            .setMarker(xy.size() == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        series++;
      }
    }
    if (series > MAX_LEGEND) {
      // A legend taller than the plot gets clipped; the runs table names the runs instead.
      c.getStyler().setLegendVisible(false);
    }
    return series == 0 ? null : c;
  }

  /** Each IsoFLOP profile's runs, its parabola, and the minima. */
  static XYChart isoFlop(List<IsoFlopFit.Profile> profiles) {
    if (profiles.isEmpty()) {
      return null;
    }
    XYChart c =
        base(
            "IsoFLOP profiles: loss vs parameters at fixed compute",
            "parameters N",
            "validation loss",
            false);
    List<double[]> minima = new ArrayList<>();
    for (IsoFlopFit.Profile p : profiles) {
      String name = "C=" + Html.num(p.flops());
      scatter(c, name, p.points());
      double lo = p.points().get(0)[0], hi = p.points().get(p.points().size() - 1)[0];
      line(c, name + " fit", sample(lo, hi, p::parabolaLoss)).setShowInLegend(false);
      if (p.valid()) {
        minima.add(new double[] {p.paramsOpt(), p.lossOpt()});
      }
    }
    if (!minima.isEmpty()) {
      XYSeries s = scatter(c, "minima", minima);
      s.setMarker(SeriesMarkers.DIAMOND);
      s.setMarkerColor(Color.BLACK);
    }
    return c;
  }

  /**
   * Runs as points, plus fitted curves given as (name, function) over the x range of the points.
   */
  static XYChart lossVs(String title, String xTitle, List<double[]> points, List<Curve> fits) {
    if (points.isEmpty()) {
      return null;
    }
    XYChart c = base(title, xTitle, "validation loss", false);
    scatter(c, "runs", points).setMarkerColor(new Color(70, 110, 190));
    double lo = points.stream().mapToDouble(p -> p[0]).min().orElseThrow();
    double hi = points.stream().mapToDouble(p -> p[0]).max().orElseThrow();
    for (Curve f : fits) {
      List<double[]> xy = new ArrayList<>();
      for (double[] p : sample(lo, hi, f.fn())) {
        if (Double.isFinite(p[1]) && p[1] > 0) {
          xy.add(p);
        }
      }
      if (!xy.isEmpty()) {
        line(c, f.name(), xy).setLineColor(f.color());
      }
    }
    if (!fits.isEmpty()) {
      c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    }
    return c;
  }

  /** A fitted curve to draw: legend name, colour and loss as a function of x. */
  record Curve(String name, Color color, DoubleUnaryOperator fn) {}

  private static List<double[]> sample(double lo, double hi, DoubleUnaryOperator f) {
    List<double[]> xy = new ArrayList<>();
    int n = 60;
    for (int i = 0; i < n; i++) {
      double x = Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * i / (n - 1));
      xy.add(new double[] {x, f.applyAsDouble(x)});
    }
    return xy;
  }

  private static XYSeries line(XYChart c, String name, List<double[]> xy) {
    XYSeries s = c.addSeries(unique(c, name), xs(xy, 0), xs(xy, 1));
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    s.setMarker(SeriesMarkers.NONE);
    return s;
  }

  private static XYSeries scatter(XYChart c, String name, List<double[]> xy) {
    XYSeries s = c.addSeries(unique(c, name), xs(xy, 0), xs(xy, 1));
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    s.setMarker(SeriesMarkers.CIRCLE);
    return s;
  }

  private static String unique(XYChart c, String name) {
    String n = name;
    for (int i = 2; c.getSeriesMap().containsKey(n); i++) {
      n = name + " (" + i + ")";
    }
    return n;
  }

  private static double[] xs(List<double[]> xy, int k) {
    return xy.stream().mapToDouble(p -> p[k]).toArray();
  }
}
